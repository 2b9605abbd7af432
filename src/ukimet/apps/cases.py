"""Proactive cases: the people entitled to a benefit and not receiving it become cases; each gets an SMS in
Kazakh and Russian asking for consent (queued in the outbox for the operator's SMS gateway), the answer is
recorded, and the case is assigned to a social worker. Every step is an event of the case and an audit entry;
the names and phones the SMS needs are read through the gateway, under the service's declared purpose, so the
citizen's tracker shows who looked and why.

    opened = open_cases(gateway, service, findings, purpose="P-3")
    record_consent(gateway.audit, worker, case_id, consent=True)
    assign(gateway.audit, supervisor, case_id, "dana")
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ukimet.core.errors import NotFound, Refused
from ukimet.core.metadata import case_events, cases, outbox
from ukimet.gateway import audit
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.model.entitlements import Finding, Rules, load_rules
from ukimet.sync.store import literal

OPEN = ("found", "notified", "consented", "assigned")
TRANSITIONS = {"notified": ("found",), "consented": ("found", "notified"), "refused": ("found", "notified"),
               "assigned": ("consented",), "closed": OPEN}
"""status -> the statuses a case may move to it from"""
PLACEHOLDER = re.compile(r"\{(\w+)\}")
WORKERS = frozenset({"social_worker", "case_service", "admin"})


@dataclass(frozen=True)
class Case:
    id: int
    rule: str
    rule_version: str
    as_of: str
    person_id: str
    family_id: str | None
    region: str | None
    evidence: dict[str, Any]
    evidence_hash: str
    status: str
    assigned_to: str | None


def _case(row: Any) -> Case:
    return Case(row.id, row.rule, row.rule_version, row.as_of, row.person_id, row.family_id, row.region,
                dict(row.evidence or {}), row.evidence_hash, row.status, row.assigned_to)


def _event(con: Connection, case_id: int, actor: str, action: str, note: str | None = None) -> None:
    con.execute(insert(case_events).values(case_id=case_id, at=dt.datetime.now(dt.UTC), actor=actor,
                                           action=action, note=note))


def _contacts(gateway: Gateway, user: User, person_ids: list[str], purpose: str) -> dict[str, tuple[Any, ...]]:
    """person_id -> (first name, phone, region), read through the gateway in chunks the role may export."""
    role = gateway.policy.role(user.role)
    found: dict[str, tuple[Any, ...]] = {}
    step = max(1, role.max_rows_per_query)
    for start in range(0, len(person_ids), step):
        chunk = person_ids[start:start + step]
        listed = ", ".join(literal(p) for p in chunk)
        result = gateway.query(user, f"SELECT person_id, first_name, phone, region FROM mart.persons "
                                     f"WHERE person_id IN ({listed})", purpose)
        found |= {row[0]: row[1:] for row in result.rows}
    return found


def _sms(template: str, values: dict[str, Any]) -> str:
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1)) or ""), template).replace("  ", " ").strip()


def open_cases(gateway: Gateway, user: User, findings: list[Finding], purpose: str,
               rules: Rules | None = None) -> list[int]:
    """A case and a queued consent SMS for every finding without an open case for the same rule and person;
    the new case numbers."""
    if user.role not in WORKERS:
        raise Refused("cases.may_not_open", role=user.role)
    rules = rules or load_rules()
    by_id = {r.id: r for r in rules.rules}
    with gateway.metadata.connect() as con:
        existing = {(r.rule, r.person_id) for r in con.execute(
            select(cases.c.rule, cases.c.person_id).where(cases.c.status.in_(OPEN)))}
    fresh = [f for f in findings if (f.rule, f.person_id) not in existing]
    if not fresh:
        return []
    contacts = _contacts(gateway, user, sorted({f.person_id for f in fresh}), purpose)
    now = dt.datetime.now(dt.UTC)
    opened = []
    with gateway.metadata.begin() as con:
        for f in fresh:
            first_name, phone, region = contacts.get(f.person_id, (None, None, None))
            key = con.execute(insert(cases).values(
                rule=f.rule, rule_version=f.rule_version, as_of=f.as_of.isoformat(), person_id=f.person_id,
                family_id=f.family_id, region=region, evidence=_jsonable(f.evidence), evidence_hash=f.evidence_hash,
                status="notified", assigned_to=None, created_at=now, updated_at=now)).inserted_primary_key
            assert key is not None
            case_id = int(key[0])
            rule = by_id[f.rule]
            values = {"first_name": first_name}
            con.execute(insert(outbox).values(case_id=case_id, phone=phone, text_kk=_sms(rule.sms["kk"], values),
                                              text_ru=_sms(rule.sms["ru"], values),
                                              status="queued" if phone else "no_phone", created_at=now))
            _event(con, case_id, user.name, "found", f"{rule.name['en']} ({rule.legal_reference}), as of {f.as_of}")
            _event(con, case_id, user.name, "notified", "SMS queued" if phone else "no phone: a visit is needed")
            opened.append(case_id)
    gateway.audit.append(audit.Access(user.name, user.organisation, user.role, purpose, "case",
                                      f"opened {len(opened)} proactive cases", None, len(opened), [],
                                      gateway.policy.version))
    return opened


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def _move(log: audit.AuditLog, actor: User, case_id: int, status: str, note: str | None,
          **values: Any) -> Case:
    if actor.role not in WORKERS:
        raise Refused("cases.may_not_work", case=case_id, role=actor.role)
    with log.engine.begin() as con:
        row = con.execute(select(cases).where(cases.c.id == case_id)).first()
        if row is None:
            raise NotFound("cases.not_found", case=case_id)
        if row.status not in TRANSITIONS[status]:
            raise Refused("cases.transition", case=case_id, status=row.status, to=status,
                          origins=", ".join(TRANSITIONS[status]))
        con.execute(update(cases).where(cases.c.id == case_id).values(
            status=status, updated_at=dt.datetime.now(dt.UTC), **values))
        _event(con, case_id, actor.name, status, note)
        updated = con.execute(select(cases).where(cases.c.id == case_id)).first()
    log.append(audit.Access(actor.name, actor.organisation, actor.role, f"case {case_id}", "case",
                            f"case {case_id}: {status}" + (f" ({note})" if note else ""), None, 1, []))
    return _case(updated)


def record_consent(log: audit.AuditLog, actor: User, case_id: int, consent: bool, note: str | None = None) -> Case:
    """The citizen's answer (by SMS, at a service centre, by phone)."""
    return _move(log, actor, case_id, "consented" if consent else "refused", note)


def assign(log: audit.AuditLog, actor: User, case_id: int, worker: str, note: str | None = None) -> Case:
    """Give a consented case to the social worker who will assign the benefit."""
    return _move(log, actor, case_id, "assigned", note or f"to {worker}", assigned_to=worker)


def close(log: audit.AuditLog, actor: User, case_id: int, note: str) -> Case:
    return _move(log, actor, case_id, "closed", note)


def listed(log: audit.AuditLog, status: str | None = None, rule: str | None = None,
           region: str | None = None) -> list[Case]:
    query = select(cases).order_by(cases.c.id)
    for column, value in ((cases.c.status, status), (cases.c.rule, rule), (cases.c.region, region)):
        if value:
            query = query.where(column == value)
    with log.engine.connect() as con:
        return [_case(r) for r in con.execute(query)]


def events(log: audit.AuditLog, case_id: int) -> list[tuple[dt.datetime, str, str, str | None]]:
    with log.engine.connect() as con:
        return [(r.at, r.actor, r.action, r.note) for r in con.execute(
            select(case_events).where(case_events.c.case_id == case_id).order_by(case_events.c.id))]


def messages(log: audit.AuditLog, case_id: int | None = None) -> list[dict[str, Any]]:
    query = select(outbox).order_by(outbox.c.id)
    if case_id is not None:
        query = query.where(outbox.c.case_id == case_id)
    with log.engine.connect() as con:
        return [dict(r._mapping) for r in con.execute(query)]


def reproduce(case: Case, findings: list[Finding]) -> str | None:
    """None when re-evaluating the case's rule for its date gives the same decision on the same values; else
    what differs."""
    mine = [f for f in findings if f.rule == case.rule and f.person_id == case.person_id]
    if not mine:
        return "the rule no longer finds this person entitled on that date"
    if mine[0].evidence_hash != case.evidence_hash:
        changed = sorted(k for k, v in _jsonable(mine[0].evidence).items() if case.evidence.get(k) != v)
        return f"the decision holds, on changed values: {', '.join(changed)}"
    return None
