"""Who is asking, for the web and the API: a server-side session (gateway.sessions), whose opaque id the browser
keeps in the ``ukimet_session`` cookie and an API client sends as ``Authorization: Bearer uks_...``, or an API
token (``Bearer ukt_...``). The cookie is HttpOnly, SameSite=Lax and Secure when the request came over TLS
(directly, or through a trusted proxy that says so); forms carry a token bound to the session against
cross-site requests."""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request, Response
from itsdangerous import URLSafeTimedSerializer

from ukimet.core.errors import Refused, Unauthenticated
from ukimet.core.settings import Settings
from ukimet.gateway import sessions
from ukimet.gateway.keys import installation_secret
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import find_account, user_of_token

COOKIE = "ukimet_session"
TOKEN_PREFIX = "ukt_"
WHILE_RESET = frozenset({"/password", "/logout", "/api/v1/auth/password", "/api/v1/auth/logout", "/api/v1/me"})
"""What an account whose password an administrator reset may open: choosing a new one, and leaving."""


class Sessions:
    """The installation's key for form tokens, and a signer for the short-lived state of an OIDC sign-in."""

    def __init__(self, config: Settings) -> None:
        self.key = installation_secret(config, "session")
        self.signer = URLSafeTimedSerializer(self.key, salt="ukimet-session")

    def csrf(self, sid: str) -> str:
        return hmac.new(self.key, f"csrf:{sid}".encode(), hashlib.sha256).hexdigest()[:32]


def presented(request: Request) -> str | None:
    """The credential the request carries: a bearer (session id or API token), else the session cookie."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(COOKIE) or None


def current_user(request: Request) -> User:
    """The signed-in user, or ``Unauthenticated`` (which the error handler turns into 401)."""
    known: User | None = getattr(request.state, "user", None)
    if known is not None:
        return known
    gateway = request.app.state.gateway
    credential = presented(request)
    if credential is not None and credential.startswith(TOKEN_PREFIX):
        user = user_of_token(gateway.metadata, credential)
    else:
        name = sessions.resume(gateway.metadata, gateway.config, credential) if credential else None
        if name is None:
            raise Unauthenticated("signin.session")
        found = find_account(gateway.metadata, name)
        if found is None:  # the account is gone: its session proves nobody
            raise Unauthenticated("signin.session")
        user, reset = found
        if reset and request.url.path not in WHILE_RESET:
            raise Refused("signin.password_reset", name=user.name)
    request.state.user = user
    return user


def optional_user(request: Request) -> User | None:
    """The signed-in user, or None: nobody signed in, or an account that may open nothing but the password page."""
    try:
        return current_user(request)
    except (Unauthenticated, Refused):
        return None


def over_tls(request: Request) -> bool:
    """Whether the client reached us over https: directly, or through the trusted proxy that says so."""
    if request.url.scheme == "https":
        return True
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return bool(request.app.state.gateway.config.trusted_proxy) and forwarded == "https"


def client_address(request: Request) -> str:
    """The client's address: the trusted proxy's last X-Forwarded-For hop (the one it added), else the peer."""
    if request.app.state.gateway.config.trusted_proxy:
        hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
        if hops:
            return hops[-1][:64]
    return (request.client.host if request.client else "unknown")[:64]


def open_session(request: Request, response: Response, user: User, method: str) -> str:
    """Start a server-side session for a user who just signed in, and give the browser its cookie; its id."""
    gateway = request.app.state.gateway
    sid = sessions.start(gateway.metadata, user.name, method, client_address(request))
    response.set_cookie(COOKIE, sid, httponly=True, samesite="lax", secure=over_tls(request))
    request.state.user = user
    return sid


def close_session(request: Request, response: Response) -> bool:
    """End the session the request carries (logout) and drop the cookie; whether a live one was ended."""
    credential = presented(request)
    ended = bool(credential) and not str(credential).startswith(TOKEN_PREFIX) and \
        sessions.end(request.app.state.gateway.metadata, str(credential), sessions.LOGOUT)
    response.delete_cookie(COOKIE, httponly=True, samesite="lax", secure=over_tls(request))
    return ended
