"""Sign-in through any standard OpenID Connect provider (Keycloak, the national eGov IdP, Azure AD, ADFS ...):
the authorization code flow with PKCE (S256), state and nonce, the ID token's signature checked against the
provider's published keys (JWKS) and its issuer, audience, expiry and nonce checked too.

A person signs in as an existing ukimet account: the claim named by ``oidc_username_claim`` names it, and the
provider's subject is bound to the account on first sign-in, so that the account cannot later be taken over by
another person the provider gives the same user name. Nothing is contacted unless ``oidc_issuer`` is set.

    client = OIDCClient.from_settings(config)
    start = client.start()                       # redirect the browser to start.url, keep start (server side)
    user = client.finish(engine, code, state, start)   # on the callback
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

import jwt
from sqlalchemy import Engine, insert, select

from ukimet.core.errors import ConfigError, NotFound, Refused, Unauthenticated, Unavailable
from ukimet.core.metadata import identities
from ukimet.core.settings import Settings
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import get_user

TIMEOUT = 10
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"]


@dataclass(frozen=True)
class Start:
    """What the server keeps between sending the browser to the provider and the callback."""

    url: str
    state: str
    nonce: str
    verifier: str


def _get_json(url: str, data: dict[str, str] | None = None, auth: tuple[str, str] | None = None) -> dict[str, Any]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/json"})
    if auth is not None:
        pair = f"{urllib.parse.quote(auth[0], safe='')}:{urllib.parse.quote(auth[1], safe='')}"
        request.add_header("Authorization", "Basic " + base64.b64encode(pair.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            parsed: dict[str, Any] = json.loads(response.read())
    except urllib.error.HTTPError as error:
        detail = error.read().decode(errors="replace")[:200]
        raise Unavailable("oidc.provider_answered", url=url, code=error.code, detail=detail) from None
    except (OSError, ValueError) as error:
        raise Unavailable("oidc.provider_unreadable", url=url, detail=str(error)) from None
    return parsed


class OIDCClient:
    def __init__(self, issuer: str, client_id: str, client_secret: str | None, redirect_uri: str,
                 username_claim: str = "preferred_username", scopes: str = "openid profile") -> None:
        parts = urllib.parse.urlsplit(issuer)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost",
                                                                                         "::1")):
            raise ConfigError("oidc.issuer_scheme", issuer=issuer)
        self.issuer = issuer.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.username_claim = username_claim
        self.scopes = scopes
        self._discovery: dict[str, Any] | None = None
        self._keys: jwt.PyJWKClient | None = None

    @classmethod
    def from_settings(cls, config: Settings) -> OIDCClient:
        import os

        if not (config.oidc_issuer and config.oidc_client_id and config.oidc_redirect_uri):
            raise ConfigError("oidc.settings")
        secret = os.environ.get(config.oidc_client_secret_env) if config.oidc_client_secret_env else None
        return cls(config.oidc_issuer, config.oidc_client_id, secret, config.oidc_redirect_uri,
                   config.oidc_username_claim)

    def discovery(self) -> dict[str, Any]:
        if self._discovery is None:
            found = _get_json(f"{self.issuer}/.well-known/openid-configuration")
            if str(found.get("issuer", "")).rstrip("/") != self.issuer:
                raise Unavailable("oidc.issuer_mismatch", named=found.get("issuer"), issuer=self.issuer)
            self._discovery = found
        return self._discovery

    def start(self) -> Start:
        """Where to send the browser, with fresh state, nonce and PKCE verifier."""
        state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        query = urllib.parse.urlencode({
            "response_type": "code", "client_id": self.client_id, "redirect_uri": self.redirect_uri,
            "scope": self.scopes, "state": state, "nonce": nonce, "code_challenge": challenge,
            "code_challenge_method": "S256"})
        return Start(f"{self.discovery()['authorization_endpoint']}?{query}", state, nonce, verifier)

    def claims(self, code: str, state: str, start: Start) -> dict[str, Any]:
        """Exchange the callback's code for a verified ID token's claims."""
        if not secrets.compare_digest(state, start.state):
            raise Unauthenticated("oidc.state")
        data = {"grant_type": "authorization_code", "code": code, "redirect_uri": self.redirect_uri,
                "code_verifier": start.verifier, "client_id": self.client_id}
        auth = (self.client_id, self.client_secret) if self.client_secret else None
        tokens = _get_json(self.discovery()["token_endpoint"], data, auth)
        if "id_token" not in tokens:
            raise Unauthenticated("oidc.no_token")
        if self._keys is None:
            self._keys = jwt.PyJWKClient(self.discovery()["jwks_uri"], timeout=TIMEOUT)
        try:
            key = self._keys.get_signing_key_from_jwt(tokens["id_token"])
            claims: dict[str, Any] = jwt.decode(
                tokens["id_token"], key.key, algorithms=ALGORITHMS, audience=self.client_id, issuer=self.issuer,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]}, leeway=30)
        except jwt.PyJWTError as error:
            raise Unauthenticated("oidc.invalid_token", detail=str(error)) from None
        if not secrets.compare_digest(str(claims.get("nonce", "")), start.nonce):
            raise Unauthenticated("oidc.nonce")
        return claims

    def finish(self, engine: Engine, code: str, state: str, start: Start) -> User:
        """The ukimet account the verified person signs in as."""
        return account_for(engine, self.issuer, self.claims(code, state, start), self.username_claim)


def account_for(engine: Engine, issuer: str, claims: dict[str, Any], username_claim: str) -> User:
    subject = str(claims["sub"])
    with engine.begin() as con:
        bound = con.execute(select(identities.c.user_name).where(identities.c.issuer == issuer,
                                                                 identities.c.subject == subject)).first()
        if bound is not None:
            return get_user(engine, bound[0])
        name = claims.get(username_claim)
        if not name:
            raise Unauthenticated("oidc.no_claim", claim=username_claim)
        try:  # only existing accounts sign in: the provider does not create them
            user = get_user(engine, str(name))
        except NotFound:
            raise Unauthenticated("oidc.no_account", name=str(name)) from None
        taken = con.execute(select(identities.c.subject).where(identities.c.issuer == issuer,
                                                               identities.c.user_name == user.name)).first()
        if taken is not None:
            raise Refused("oidc.bound_elsewhere", name=user.name, issuer=issuer)
        con.execute(insert(identities).values(issuer=issuer, subject=subject, user_name=user.name,
                                              bound_at=dt.datetime.now(dt.UTC)))
    return user
