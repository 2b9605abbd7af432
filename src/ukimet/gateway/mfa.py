"""A second factor for local accounts: time-based one-time codes (RFC 6238, any authenticator app). The secret is
kept encrypted with the installation's MFA key; a code is accepted once (no replay) within one step of the
clock. An account with a second factor cannot sign in with its password alone."""

from __future__ import annotations

import base64
import time

import pyotp
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import Engine, select, update

from ukimet.core.errors import PolicyError
from ukimet.core.metadata import users
from ukimet.core.settings import Settings
from ukimet.gateway.keys import installation_secret

ISSUER = "ukimet"
STEP = 30


def _box(config: Settings) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(installation_secret(config, "mfa")))


def enrol(engine: Engine, config: Settings, name: str) -> str:
    """Give an account a new second factor; the otpauth:// URI for the authenticator app (shown once)."""
    secret = pyotp.random_base32()
    with engine.begin() as con:
        done = con.execute(update(users).where(users.c.name == name).values(
            totp_secret=_box(config).encrypt(secret.encode()).decode(), totp_last_step=None)).rowcount
    if not done:
        raise PolicyError(f"user {name!r}", "no such user", "list users with: ukimet user list")
    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=ISSUER)


def enrolled(engine: Engine, name: str) -> bool:
    with engine.connect() as con:
        row = con.execute(select(users.c.totp_secret).where(users.c.name == name)).first()
    return bool(row and row[0])


def check(engine: Engine, config: Settings, name: str, code: str | None, at: float | None = None) -> None:
    """Accept ``code`` for the account, or raise; one code signs in once."""
    with engine.connect() as con:
        row = con.execute(select(users.c.totp_secret, users.c.totp_last_step).where(users.c.name == name)).first()
    if row is None or not row[0]:
        return
    if not code:
        raise PolicyError("sign-in", "this account has a second factor and no code was given",
                          "enter the 6-digit code from the authenticator app", reason="second_factor")
    try:
        secret = _box(config).decrypt(row[0].encode()).decode()
    except InvalidToken:
        raise PolicyError("sign-in", "the second factor cannot be read with this installation's MFA key",
                          "restore home/keys/mfa.key or enrol the account again", reason="second_factor") from None
    now = time.time() if at is None else at
    totp = pyotp.TOTP(secret, interval=STEP)
    step = next((int(now // STEP) + d for d in (0, -1, 1) if totp.at(now + d * STEP) == code.strip()), None)
    if step is None or (row[1] is not None and step <= row[1]):
        raise PolicyError("sign-in", "the code is wrong, expired or already used", "enter the current code",
                          reason="second_factor")
    with engine.begin() as con:
        con.execute(update(users).where(users.c.name == name).values(totp_last_step=step))
