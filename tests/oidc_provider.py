"""A minimal OpenID Connect provider on 127.0.0.1 for the sign-in tests: discovery, JWKS, an authorization
endpoint that signs the test's person in at once, and a token endpoint that checks the client, the code and the
PKCE verifier. It stands in for the operator's IdP (Keycloak and the like do not run here); ukimet's real client
code talks to it over HTTP."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


@dataclass
class Provider:
    client_id: str = "ukimet"
    client_secret: str = "client-secret-for-tests"
    person: dict[str, Any] = field(default_factory=lambda: {"sub": "kc-1001", "preferred_username": "aigerim"})
    key: Any = field(default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048))
    token_lifetime: int = 300
    audience: str | None = None
    sign_with: Any = None
    """another key to sign ID tokens with (a forged token)"""
    nonce_override: str | None = None
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    url: str = ""

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}

    def id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims = {**self.person, "iss": self.url, "aud": self.audience or self.client_id, "iat": now,
                  "exp": now + self.token_lifetime, "nonce": self.nonce_override or nonce}
        return jwt.encode(claims, self.sign_with or self.key, algorithm="RS256", headers={"kid": "k1"})


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            if parts.path == "/.well-known/openid-configuration":
                self._json(200, {"issuer": provider.url, "authorization_endpoint": f"{provider.url}/authorize",
                                 "token_endpoint": f"{provider.url}/token", "jwks_uri": f"{provider.url}/jwks"})
            elif parts.path == "/jwks":
                self._json(200, provider.jwks())
            elif parts.path == "/authorize":
                q = dict(urllib.parse.parse_qsl(parts.query))
                code = secrets.token_urlsafe(16)
                provider.codes[code] = q
                target = f"{q['redirect_uri']}?{urllib.parse.urlencode({'code': code, 'state': q['state']})}"
                self.send_response(302)
                self.send_header("Location", target)
                self.end_headers()
            else:
                self._json(404, {"error": "not_found"})

        def do_POST(self) -> None:
            form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
            basic = base64.b64decode(self.headers.get("Authorization", "Basic ")[6:]).decode()
            if basic != f"{provider.client_id}:{provider.client_secret}":
                return self._json(401, {"error": "invalid_client"})
            asked = provider.codes.pop(form.get("code", ""), None)
            if asked is None:
                return self._json(400, {"error": "invalid_grant"})
            challenge = base64.urlsafe_b64encode(hashlib.sha256(form["code_verifier"].encode()).digest())
            if challenge.rstrip(b"=").decode() != asked["code_challenge"]:
                return self._json(400, {"error": "invalid_grant", "error_description": "PKCE"})
            return self._json(200, {"access_token": "at", "token_type": "Bearer",
                                    "id_token": provider.id_token(asked["nonce"])})

    return Handler


def serve(provider: Provider) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(provider))
    provider.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
