"""Sign-in with a password (and a second factor), throttled and audited. Attempts are counted in the metadata
store, so every worker process shares them: ``signin_max_failures`` failures of one account, or
``signin_max_failures_per_address`` from one client address, within ``signin_window_minutes`` lock that account,
or that address, out for ``signin_lockout_minutes`` - even the right password is then refused - and raise a
``signin_lockout`` alert for the security officer. Every failed sign-in is an audit entry (``signin_failed``),
every lockout too (``signin_locked``), every sign-in (``signin``), password change and revoke. An unknown account
takes the time of a known one and gets the same answer (users.password_matches).

    user = sign_in(log, "aigerim", password, code, address="10.0.0.7", channel="web")
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import Engine, func, insert, select

from ukimet.core.errors import PolicyError
from ukimet.core.metadata import signin_attempts, signin_lockouts
from ukimet.gateway import alerts
from ukimet.gateway.audit import Access, AuditLog
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import authenticate, find_user, password_matches

ACCOUNT, ADDRESS = "account", "address"
"""what a lockout holds back"""
OUTSIDER = ("-", "-")
"""organisation and role an audit entry names for a name that is no account"""


class SigninLockedError(PolicyError):
    """Sign-in refused for a while after too many failures (HTTP 429, ``retry_after`` seconds)."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        self.minutes = max(1, math.ceil(retry_after / 60))
        super().__init__("sign-in", f"too many failed sign-ins; sign-in is locked for {self.minutes} more minutes",
                         "wait, or ask the security officer", reason="limit")


def sign_in(log: AuditLog, name: str, password: str, code: str | None, address: str, channel: str,
            second_factor: bool = True, now: dt.datetime | None = None) -> User:
    """The user, when the account is not locked out and the password (and the code, where the account has a
    second factor and ``second_factor`` asks for it) is theirs; else SigninLockedError or the one sign-in refusal."""
    at = now or dt.datetime.now(dt.UTC)
    engine, config = log.engine, log.config
    account = find_user(engine, name)
    until = _locked_until(engine, name, address, at)
    if until is not None:
        record(log, "signin_failed", name, f"sign-in ({channel}) from {address}: refused, locked out until "
               f"{until.isoformat(timespec='seconds')}", account)
        raise SigninLockedError(max(1, math.ceil((until - at).total_seconds())))
    try:
        if second_factor:
            user = authenticate(engine, name, password, code, config)
        else:
            matches = password_matches(engine, name, password)  # hashed for unknown accounts too
            if account is None or not matches:
                raise PolicyError("sign-in", "the name or the password is wrong", "try again", reason="password")
            user = account
    except PolicyError as error:
        failure = ("unknown account" if account is None else
                   "wrong second factor" if error.reason == "second_factor" else "wrong password")
        _attempt(engine, name, address, False, at)
        record(log, "signin_failed", name, f"sign-in ({channel}) from {address}: {failure}", account)
        _lock_if_due(log, name, address, at)
        raise
    _attempt(engine, name, address, True, at)
    record(log, "signin", name, f"sign-in ({channel}) from {address}", user)
    return user


def record(log: AuditLog, action: str, name: str, what: str, account: User | None = None) -> int:
    """An audit entry about an account's credentials (sign-in, lockout, password change, revoke): no person is
    touched, the policy in force is named by the log."""
    organisation, role = (account.organisation, account.role) if account is not None else OUTSIDER
    return log.append(Access(user_name=name[:128], organisation=organisation, role=role, purpose=None,
                             action=action, query=what, rewritten=None, rows=0, persons=[]))


def _attempt(engine: Engine, name: str, address: str, ok: bool, at: dt.datetime) -> None:
    with engine.begin() as con:
        con.execute(insert(signin_attempts).values(at=at, user_name=name[:128], address=address[:64], ok=int(ok)))


def _locked_until(engine: Engine, name: str, address: str, at: dt.datetime) -> dt.datetime | None:
    """The end of the latest lockout holding back this account or this address, if one is in force."""
    held = ((signin_lockouts.c.scope == ACCOUNT) & (signin_lockouts.c.subject == name[:128])) | \
           ((signin_lockouts.c.scope == ADDRESS) & (signin_lockouts.c.subject == address[:64]))
    with engine.connect() as con:
        until = con.execute(select(func.max(signin_lockouts.c.until)).where(held, signin_lockouts.c.until > at)
                            ).scalar()
    return None if until is None else _utc(until)


def _lock_if_due(log: AuditLog, name: str, address: str, at: dt.datetime) -> None:
    """After a failure: lock the account and/or the address out when its failures reached the limit."""
    config = log.config
    window = at - dt.timedelta(minutes=config.signin_window_minutes)
    for scope, subject, column, limit in ((ACCOUNT, name[:128], signin_attempts.c.user_name,
                                           config.signin_max_failures),
                                          (ADDRESS, address[:64], signin_attempts.c.address,
                                           config.signin_max_failures_per_address)):
        with log.engine.begin() as con:
            since = [window, con.execute(select(func.max(signin_lockouts.c.at)).where(
                signin_lockouts.c.scope == scope, signin_lockouts.c.subject == subject)).scalar()]
            if scope == ACCOUNT:  # a sign-in of the account starts its count again; an address's count goes on
                since.append(con.execute(select(func.max(signin_attempts.c.at)).where(
                    signin_attempts.c.user_name == subject, signin_attempts.c.ok == 1)).scalar())
            start = max(_utc(s) for s in since if s is not None)
            failures = con.execute(select(func.count()).select_from(signin_attempts).where(
                column == subject, signin_attempts.c.ok == 0, signin_attempts.c.at > start)).scalar() or 0
            if failures < limit:
                continue
            until = at + dt.timedelta(minutes=config.signin_lockout_minutes)
            con.execute(insert(signin_lockouts).values(scope=scope, subject=subject, at=at, until=until))
        detail = (f"{scope} {subject} locked out until {until.isoformat(timespec='seconds')} after {failures} "
                  f"failed sign-ins within {config.signin_window_minutes} minutes (the last one as {name[:128]})")
        seq = record(log, "signin_locked", name, detail, find_user(log.engine, name))
        alerts.raise_alert(log.engine, name[:128], "signin_lockout", detail, seq)


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every time stored here is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
