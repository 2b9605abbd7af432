"""Alerts for the security officer: access the gateway blocked as bulk, a user at the daily export limit,
probing (many refused queries in a short time) and sign-in lockouts (gateway.signin). Each names the user, what
happened and the audit entry behind it; an officer acknowledges it with a note."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, insert, select, text, update

from ukimet.core.errors import NotFound, Refused
from ukimet.core.metadata import alerts, audit_entries
from ukimet.gateway.rewrite import User

KINDS = ("bulk_access", "daily_rows", "probing", "signin_lockout")
PROBING_REFUSALS = 10
PROBING_WINDOW = dt.timedelta(minutes=10)
OFFICERS = frozenset({"auditor", "admin"})


@dataclass(frozen=True)
class Alert:
    id: int
    at: dt.datetime
    user_name: str
    kind: str
    detail: str
    audit_seq: int | None
    status: str
    handled_by: str | None
    note: str | None


def _lock(con: Connection) -> None:
    """Take the alerts' write lock before looking for an open alert: two processes raising the same alert at once
    then raise it once."""
    if con.dialect.name == "postgresql":
        con.execute(text("SELECT pg_advisory_xact_lock(7294816302)"))
    else:  # an empty write begins SQLite's write transaction
        con.execute(text("UPDATE alerts SET id = id WHERE 1 = 0"))


def raise_alert(engine: Engine, user: str, kind: str, detail: str, audit_seq: int | None) -> int:
    """A new alert, or the user's open one of the same kind raised today (one a day, not one a query)."""
    today = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    with engine.begin() as con:
        _lock(con)
        same = con.execute(select(alerts.c.id).where(alerts.c.user_name == user, alerts.c.kind == kind,
                                                     alerts.c.status == "open", alerts.c.at >= today)).first()
        if same is not None:
            return int(same[0])
        key = con.execute(insert(alerts).values(at=dt.datetime.now(dt.UTC), user_name=user, kind=kind,
                                                detail=detail, audit_seq=audit_seq, status="open")).inserted_primary_key
    assert key is not None
    return int(key[0])


def check_probing(engine: Engine, user: str, audit_seq: int) -> None:
    """After a refusal: alert once when a user's refusals in the last ten minutes reach the threshold."""
    since = (dt.datetime.now(dt.UTC) - PROBING_WINDOW).isoformat()
    with engine.connect() as con:
        refused = con.execute(select(func.count()).select_from(audit_entries).where(
            audit_entries.c.user_name == user, audit_entries.c.action == "refused",
            audit_entries.c.at >= since)).scalar() or 0
    if refused == PROBING_REFUSALS:
        raise_alert(engine, user, "probing", f"{refused} refused queries within {PROBING_WINDOW}", audit_seq)


def listed(engine: Engine, open_only: bool = True) -> list[Alert]:
    query = select(alerts).order_by(alerts.c.id.desc())
    if open_only:
        query = query.where(alerts.c.status == "open")
    with engine.connect() as con:
        return [Alert(r.id, r.at, r.user_name, r.kind, r.detail, r.audit_seq, r.status, r.handled_by, r.note)
                for r in con.execute(query)]


def acknowledge(engine: Engine, officer: User, alert_id: int, note: str) -> None:
    if officer.role not in OFFICERS:
        raise Refused("alert.not_officer", user=officer.name, role=officer.role)
    with engine.begin() as con:
        done = con.execute(update(alerts).where(alerts.c.id == alert_id, alerts.c.status == "open").values(
            status="acknowledged", handled_by=officer.name, handled_at=dt.datetime.now(dt.UTC), note=note)).rowcount
    if not done:
        raise NotFound("alert.not_found", alert=alert_id)
