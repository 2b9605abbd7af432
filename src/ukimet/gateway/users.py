"""Who may ask: local accounts (argon2id password hashes), API tokens (only their SHA-256 is stored), a role, an
organisation (a ministry, a regional akimat) and attributes that row filters read (region). A citizen account
names its own person as the audit log does (a keyed hash of the IIN, never the IIN). A new password, or a
revoke, ends the account's sessions at once."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, insert, select, update

from ukimet.core.errors import InvalidInput, NotFound, Unauthenticated
from ukimet.core.metadata import api_tokens, users
from ukimet.core.settings import Settings
from ukimet.gateway import mfa, sessions
from ukimet.gateway.audit import person_hash, person_key
from ukimet.gateway.rewrite import User

_hasher = PasswordHasher()


def add_user(engine: Engine, user: User, password: str | None = None, iin: str | None = None,
             config: Settings | None = None) -> None:
    """A new account; ``iin``: a citizen account's own, kept as the audit log's keyed hash of it, with the key of
    the installation ``config`` names."""
    if iin is not None and config is None:
        raise ValueError("add_user: an IIN is kept only as the audit log's keyed hash of it; pass config=, the "
                         "installation whose key makes the hash")
    person = person_hash(person_key(config), iin) if iin is not None and config is not None else None
    with engine.begin() as con:
        if con.execute(select(users.c.name).where(users.c.name == user.name)).first():
            raise InvalidInput("user.name_taken", name=user.name)
        con.execute(insert(users).values(name=user.name, role=user.role, organisation=user.organisation,
                                         attributes=dict(user.attributes), person_hash=person,
                                         password_hash=_hasher.hash(password) if password else None,
                                         created_at=dt.datetime.now(dt.UTC)))


def set_password(engine: Engine, name: str, password: str) -> int:
    """Give an account a new password (argon2id); every session it had ends. How many ended."""
    if len(password) < 8:
        raise InvalidInput("user.short_password", name=name)
    with engine.begin() as con:
        done = con.execute(update(users).where(users.c.name == name).values(
            password_hash=_hasher.hash(password), must_change_password=False)).rowcount
    if not done:
        raise NotFound("user.not_found", name=name)
    return sessions.end_all(engine, name, sessions.PASSWORD)


TEMPORARY_PASSWORD_BYTES = 12
"""A temporary password's randomness (16 URL-safe characters): said once to the administrator who reset it."""


def reset_password(engine: Engine, name: str) -> str:
    """An administrator's reset: the account gets a random temporary password (returned, to be said once and
    never kept), every session and API token it had ends, and it may do nothing but choose a new password."""
    temporary = secrets.token_urlsafe(TEMPORARY_PASSWORD_BYTES)
    with engine.begin() as con:
        done = con.execute(update(users).where(users.c.name == name).values(
            password_hash=_hasher.hash(temporary), must_change_password=True)).rowcount
    if not done:
        raise NotFound("user.not_found", name=name)
    revoke(engine, name)
    return temporary


def awaiting_new_password(engine: Engine) -> set[str]:
    """The accounts whose password an administrator reset and that have not chosen a new one yet."""
    with engine.connect() as con:
        return {str(r[0]) for r in con.execute(select(users.c.name).where(users.c.must_change_password.is_(True)))}


def must_change_password(engine: Engine, name: str) -> bool:
    """Whether an administrator reset the account's password and it has not chosen a new one yet."""
    with engine.connect() as con:
        return bool(con.execute(select(users.c.must_change_password).where(users.c.name == name)).scalar())


def revoke(engine: Engine, name: str) -> tuple[int, int]:
    """End every session of an account and delete its API tokens: (sessions ended, tokens deleted)."""
    get_user(engine, name)
    return sessions.end_all(engine, name, sessions.REVOKED), revoke_tokens(engine, name)


def find_user(engine: Engine, name: str) -> User | None:
    found = find_account(engine, name)
    return None if found is None else found[0]


def find_account(engine: Engine, name: str) -> tuple[User, bool] | None:
    """The account and whether it must change its password before anything else (an administrator reset it)."""
    with engine.connect() as con:
        row = con.execute(select(users).where(users.c.name == name)).first()
    return None if row is None else (User(row.name, row.role, row.organisation, dict(row.attributes or {})),
                                     bool(row.must_change_password))


def get_user(engine: Engine, name: str) -> User:
    user = find_user(engine, name)
    if user is None:
        raise NotFound("user.not_found", name=name)
    return user


def list_users(engine: Engine) -> list[tuple[User, str | None]]:
    """Every account, with its person's hash for a citizen account."""
    with engine.connect() as con:
        return [(User(r.name, r.role, r.organisation, dict(r.attributes or {})), r.person_hash)
                for r in con.execute(select(users).order_by(users.c.name))]


def authenticate(engine: Engine, name: str, password: str, code: str | None = None,
                 config: Settings | None = None) -> User:
    """The user, if the password is theirs (and ``code`` is their second factor's, where they have one); one
    error, in the same time, for unknown users and wrong passwords alike."""
    if not password_matches(engine, name, password):
        raise Unauthenticated("signin.wrong")
    if mfa.enrolled(engine, name):
        mfa.check(engine, config or Settings(), name, code)
    return get_user(engine, name)


def password_matches(engine: Engine, name: str, password: str) -> bool:
    """Whether ``password`` is the account's. An unknown account, or one without a password, is checked against
    a stand-in hash, so that its answer takes as long as a known account's and tells nothing."""
    with engine.connect() as con:
        row = con.execute(select(users.c.password_hash).where(users.c.name == name)).first()
    stored = row[0] if row is not None and row[0] else None
    try:
        return bool(_hasher.verify(stored or _stand_in(), password)) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


@cache
def _stand_in() -> str:
    """A hash no password matches (made with the same parameters as every account's)."""
    return _hasher.hash(secrets.token_hex(32))


def citizen_person(engine: Engine, name: str) -> str | None:
    """A citizen account's own person, as the audit log names persons (None for other accounts)."""
    with engine.connect() as con:
        row = con.execute(select(users.c.person_hash).where(users.c.name == name)).first()
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
