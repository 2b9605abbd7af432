"""Who is asking, for the web and the API: a signed session cookie after sign-in (password and, where the
account has one, its second factor), or an API token in ``Authorization: Bearer``. Forms carry a token bound to
the session against cross-site requests. The signing key is the installation's own (home/keys)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ukimet.core.errors import NotFound, Unauthenticated
from ukimet.core.settings import Settings
from ukimet.gateway.keys import installation_secret
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import get_user, user_of_token

COOKIE = "ukimet_session"
LIFETIME = 8 * 3600
"""a working day: then sign in again"""


class Sessions:
    def __init__(self, config: Settings) -> None:
        self.key = installation_secret(config, "session")
        self.signer = URLSafeTimedSerializer(self.key, salt="ukimet-session")

    def issue(self, user: User) -> str:
        return self.signer.dumps({"user": user.name, "nonce": secrets.token_hex(8)})

    def read(self, cookie: str) -> tuple[str, str] | None:
        """(user name, session nonce) of a valid, unexpired cookie."""
        try:
            data = self.signer.loads(cookie, max_age=LIFETIME)
        except (BadSignature, SignatureExpired):
            return None
        return str(data["user"]), str(data["nonce"])

    def csrf(self, cookie: str) -> str:
        return hmac.new(self.key, f"csrf:{cookie}".encode(), hashlib.sha256).hexdigest()[:32]


def current_user(request: Request) -> User:
    """The signed-in user, or ``Unauthenticated`` (which the error handler turns into 401)."""
    engine = request.app.state.gateway.metadata
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        bearer = header[7:].strip()
        if bearer.startswith("ukt_"):  # an API token (ukimet user token)
            return user_of_token(engine, bearer)
        cookie: str | None = bearer  # the session a sign-in through the API returned
    else:
        cookie = request.cookies.get(COOKIE)
    found = request.app.state.sessions.read(cookie) if cookie else None
    if found is None:
        raise Unauthenticated("signin.session")
    try:
        return get_user(engine, found[0])
    except NotFound:  # the account is gone: its session proves nobody
        raise Unauthenticated("signin.session") from None


def optional_user(request: Request) -> User | None:
    try:
        return current_user(request)
    except Unauthenticated:
        return None
