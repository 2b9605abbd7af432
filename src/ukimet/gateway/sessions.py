"""Server-side sessions. A signed-in user holds an opaque random id; the metadata store keeps only its SHA-256,
whose it is, when it began (the absolute timeout) and was last used (the idle timeout), and when and why it
ended. Logout, a password change and a revoke end sessions at once, in every worker process: each request
reads the store.

    sid = start(engine, "aigerim", "password", "10.0.0.7")
    resume(engine, config, sid)        # "aigerim", or None once ended or timed out
    end_all(engine, "aigerim", PASSWORD)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import ColumnElement, Engine, delete, insert, select, update

from ukimet.core.metadata import sessions
from ukimet.core.settings import Settings

PREFIX = "uks_"
LOGOUT, PASSWORD, REVOKED, IDLE, ABSOLUTE = "logout", "password", "revoked", "idle", "absolute"
"""why a session ended"""
TOUCH_EVERY = dt.timedelta(seconds=60)
"""last use is written at most this often (not on every request), or a tenth of the idle timeout if shorter"""
KEPT = dt.timedelta(days=90)
"""ended sessions are kept this long for the record, then dropped"""


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every time stored here is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def start(engine: Engine, user_name: str, method: str, address: str, now: dt.datetime | None = None) -> str:
    """A new session for the user; its id (shown once, to the client)."""
    at = _now(now)
    sid = PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as con:
        con.execute(delete(sessions).where(sessions.c.ended_at.is_not(None), sessions.c.ended_at < at - KEPT))
        con.execute(insert(sessions).values(id_hash=_hash(sid), user_name=user_name, method=method,
                                            address=address[:64], created_at=at, last_seen_at=at))
    return sid


def resume(engine: Engine, config: Settings, sid: str, now: dt.datetime | None = None) -> str | None:
    """The user name of a live session, its last use noted; None when the id is unknown, the session ended, or
    it timed out now (then it is ended, with the reason)."""
    at = _now(now)
    key = _hash(sid)
    with engine.connect() as con:
        row = con.execute(select(sessions.c.user_name, sessions.c.created_at, sessions.c.last_seen_at,
                                 sessions.c.ended_at).where(sessions.c.id_hash == key)).first()
    if row is None or row.ended_at is not None:
        return None
    created, seen = _utc(row.created_at), _utc(row.last_seen_at)
    timed_out = (ABSOLUTE if at - created >= dt.timedelta(hours=config.session_absolute_hours) else
                 IDLE if at - seen >= dt.timedelta(minutes=config.session_idle_minutes) else None)
    if timed_out:
        _end(engine, sessions.c.id_hash == key, timed_out, at)
        return None
    if at - seen >= min(TOUCH_EVERY, dt.timedelta(minutes=config.session_idle_minutes) / 10):
        with engine.begin() as con:
            con.execute(update(sessions).where(sessions.c.id_hash == key, sessions.c.ended_at.is_(None))
                        .values(last_seen_at=at))
    return str(row.user_name)


def end(engine: Engine, sid: str, reason: str = LOGOUT) -> bool:
    """End one session; whether it was live."""
    return _end(engine, sessions.c.id_hash == _hash(sid), reason) > 0


def end_all(engine: Engine, user_name: str, reason: str) -> int:
    """End every live session of a user; how many."""
    return _end(engine, sessions.c.user_name == user_name, reason)


def live(engine: Engine, user_name: str, config: Settings, now: dt.datetime | None = None) -> int:
    """How many sessions of a user are live (not ended, not timed out)."""
    at = _now(now)
    with engine.connect() as con:
        rows = con.execute(select(sessions.c.created_at, sessions.c.last_seen_at).where(
            sessions.c.user_name == user_name, sessions.c.ended_at.is_(None))).fetchall()
    return sum(1 for created, seen in rows
               if at - _utc(created) < dt.timedelta(hours=config.session_absolute_hours)
               and at - _utc(seen) < dt.timedelta(minutes=config.session_idle_minutes))


def _end(engine: Engine, which: ColumnElement[bool], reason: str, now: dt.datetime | None = None) -> int:
    with engine.begin() as con:
        done = con.execute(update(sessions).where(which, sessions.c.ended_at.is_(None))
                           .values(ended_at=_now(now), end_reason=reason)).rowcount
    return int(done or 0)

