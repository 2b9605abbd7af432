"""Who may ask: local accounts (argon2id password hashes), API tokens (only their SHA-256 is stored), a role, an
organisation (a ministry, a regional akimat) and attributes that row filters read (region). A citizen account
carries the citizen's own IIN."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, insert, select, update

from ukimet.core.errors import InvalidInput, NotFound, Unauthenticated
from ukimet.core.metadata import api_tokens, users
from ukimet.core.settings import Settings
from ukimet.gateway import mfa
from ukimet.gateway.rewrite import User

_hasher = PasswordHasher()


def add_user(engine: Engine, user: User, password: str | None = None, iin: str | None = None) -> None:
    with engine.begin() as con:
        if con.execute(select(users.c.name).where(users.c.name == user.name)).first():
            raise InvalidInput("user.name_taken", name=user.name)
        con.execute(insert(users).values(name=user.name, role=user.role, organisation=user.organisation,
                                         attributes=dict(user.attributes), iin=iin,
                                         password_hash=_hasher.hash(password) if password else None,
                                         created_at=dt.datetime.now(dt.UTC)))


def set_password(engine: Engine, name: str, password: str) -> None:
    """Give an account a new password (argon2id)."""
    if len(password) < 8:
        raise InvalidInput("user.short_password", name=name)
    with engine.begin() as con:
        done = con.execute(update(users).where(users.c.name == name).values(
            password_hash=_hasher.hash(password))).rowcount
    if not done:
        raise NotFound("user.not_found", name=name)


def get_user(engine: Engine, name: str) -> User:
    with engine.connect() as con:
        row = con.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        raise NotFound("user.not_found", name=name)
    return User(row.name, row.role, row.organisation, dict(row.attributes or {}))


def list_users(engine: Engine) -> list[tuple[User, str | None]]:
    with engine.connect() as con:
        return [(User(r.name, r.role, r.organisation, dict(r.attributes or {})), r.iin)
                for r in con.execute(select(users).order_by(users.c.name))]


def authenticate(engine: Engine, name: str, password: str, code: str | None = None,
                 config: Settings | None = None) -> User:
    """The user, if the password is theirs (and ``code`` is their second factor's, where they have one); one
    error for unknown users and wrong passwords alike."""
    with engine.connect() as con:
        row = con.execute(select(users.c.password_hash).where(users.c.name == name)).first()
    try:
        if row is None or row[0] is None or not _hasher.verify(row[0], password):
            raise VerificationError
    except (VerificationError, InvalidHashError):
        raise Unauthenticated("signin.wrong") from None
    if mfa.enrolled(engine, name):
        mfa.check(engine, config or Settings(), name, code)
    return get_user(engine, name)


def citizen_iin(engine: Engine, name: str) -> str | None:
    with engine.connect() as con:
        row = con.execute(select(users.c.iin).where(users.c.name == name)).first()
    return row[0] if row else None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(engine: Engine, name: str, days: int = 90) -> str:
    """A new API token for a user; shown once, stored only as a hash."""
    get_user(engine, name)
    token = "ukt_" + secrets.token_urlsafe(32)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as con:
        con.execute(insert(api_tokens).values(token_hash=_token_hash(token), user_name=name, created_at=now,
                                              expires_at=now + dt.timedelta(days=days)))
    return token


def user_of_token(engine: Engine, token: str) -> User:
    with engine.connect() as con:
        row = con.execute(select(api_tokens).where(api_tokens.c.token_hash == _token_hash(token))).first()
    expires = row.expires_at if row is not None else None
    if expires is not None and expires.tzinfo is None:
        expires = expires.replace(tzinfo=dt.UTC)
    if row is None or (expires is not None and expires < dt.datetime.now(dt.UTC)):
        raise Unauthenticated("token.unknown")
    return get_user(engine, row.user_name)


def revoke_tokens(engine: Engine, name: str) -> int:
    with engine.begin() as con:
        return int(con.execute(delete(api_tokens).where(api_tokens.c.user_name == name)).rowcount or 0)
