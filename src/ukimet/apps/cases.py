"""Proactive cases: the people entitled to a benefit and not receiving it become cases; each gets an SMS in
Kazakh and Russian asking for consent (queued in the outbox for the operator's SMS gateway), the answer is
recorded, and the case is assigned to a social worker. Every step is an event of the case and an audit entry.

The metadata store keeps only the workflow: the case names its person by the mart's pseudonymous id, its basis
by keyed hashes (apps.seal), its SMS by the rule's template. The values the rule read (model.evidence), the
person's name and phone are read through the gateway, under a purpose, whenever a case is shown or its SMS is
rendered for sending, so the citizen's tracker shows who looked and why.

    opened = open_cases(gateway, service, findings, purpose="P-3")
    shown = show(gateway, worker, case_id, purpose="P-4")
    sms = outbox(gateway, service, purpose="P-3")
    record_consent(gateway.audit, worker, case_id, consent=True)
    assign(gateway.audit, supervisor, case_id, "dana")
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ukimet.apps.seal import Seal
from ukimet.core.errors import InvalidInput, NotFound, Refused
from ukimet.core.metadata import case_events, cases
from ukimet.core.metadata import outbox as outbox_table
from ukimet.gateway import audit
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.model.entitlements import SMS_LANGUAGES, Finding, Rules, load_rules
from ukimet.model.evidence import entitlement_key
from ukimet.sync.store import literal

OPEN = ("found", "notified", "consented", "assigned")
TRANSITIONS = {"notified": ("found",), "consented": ("found", "notified"), "refused": ("found", "notified"),
               "assigned": ("consented",), "closed": OPEN}
"""status -> the statuses a case may move to it from"""
PLACEHOLDER = re.compile(r"\{(\w+)\}")
WORKERS = frozenset({"social_worker", "case_service", "admin"})
READERS = WORKERS | {"auditor"}
"""who may open a case (what they see of its person is the policy's)"""


@dataclass(frozen=True)
class Case:
    id: int
    rule: str
    rule_version: str
    as_of: str
    person_id: str
    family_id: str | None
    region: str | None
    purpose: str | None
    """the purpose it was opened under"""
    evidence_hash: str
    """keyed hash of the values the rule read (apps.seal)"""
    evidence_keys: dict[str, str]
    """value name -> keyed hash of that value"""
    status: str
    assigned_to: str | None


@dataclass(frozen=True)
class Shown:
    """A case as a worker sees it: the workflow, and what the gateway let the role see of the person and of the
    values the rule read (``basis_changed``: the store's values are not those the case was opened on)."""

    case: Case
    person: dict[str, Any]
    evidence: dict[str, Any]
    basis_changed: bool
    events: list[tuple[dt.datetime, str, str, str | None]]
    messages: list[dict[str, Any]]
    audit_seq: int


@dataclass(frozen=True)
class Sms:
    """A consent SMS rendered for sending: the text in each language, the phone, read through the gateway."""

    id: int
    case_id: int
    phone: str | None
    texts: dict[str, str]
    status: str


def _case(row: Any) -> Case:
    return Case(row.id, row.rule, row.rule_version, row.as_of, row.person_id, row.family_id, row.region,
                row.purpose, row.evidence_hash, dict(row.evidence_keys or {}), row.status, row.assigned_to)


def _event(con: Connection, case_id: int, actor: str, action: str, note: str | None = None) -> None:
    con.execute(insert(case_events).values(case_id=case_id, at=dt.datetime.now(dt.UTC), actor=actor,
                                           action=action, note=note))


def _persons(gateway: Gateway, user: User, person_ids: list[str], purpose: str,
             columns: str) -> dict[str, tuple[Any, ...]]:
    """person_id -> ``columns`` of mart.persons, read through the gateway in chunks the role may export."""
    role = gateway.policy.role(user.role)
    found: dict[str, tuple[Any, ...]] = {}
    step = max(1, role.max_rows_per_query)
    for start in range(0, len(person_ids), step):
        chunk = person_ids[start:start + step]
        listed = ", ".join(literal(p) for p in chunk)
        result = gateway.query(user, f"SELECT person_id, {columns} FROM mart.persons "
                                     f"WHERE person_id IN ({listed}) ORDER BY person_id", purpose)
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
    # whether an SMS can reach them, and their region: the SMS itself is rendered when it is sent
    contacts = _persons(gateway, user, sorted({f.person_id for f in fresh}), purpose,
                        "phone IS NOT NULL AS reachable, region")
    seal = Seal(gateway.config)
    now = dt.datetime.now(dt.UTC)
    opened = []
    with gateway.metadata.begin() as con:
        for f in fresh:
            reachable, region = contacts.get(f.person_id, (False, None))
            key = con.execute(insert(cases).values(
                rule=f.rule, rule_version=f.rule_version, as_of=f.as_of.isoformat(), person_id=f.person_id,
                family_id=f.family_id, region=region, evidence_hash=seal.digest(f.evidence_hash),
                evidence_keys=seal.each(_jsonable(f.evidence)), status="notified", purpose=purpose, assigned_to=None,
                created_at=now, updated_at=now)).inserted_primary_key
            assert key is not None
            case_id = int(key[0])
            rule = by_id[f.rule]
            con.execute(insert(outbox_table).values(
                case_id=case_id, template=rule.id, template_version=rules.version,
                languages=",".join(SMS_LANGUAGES), status="queued" if reachable else "no_phone", created_at=now))
            _event(con, case_id, user.name, "found", f"{rule.name['en']} ({rule.legal_reference}), as of {f.as_of}")
            _event(con, case_id, user.name, "notified", "SMS queued" if reachable else "no phone: a visit is needed")
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
        if status in ("consented", "refused"):  # answered (by phone, at a centre): the question is not sent
            con.execute(update(outbox_table).where(outbox_table.c.case_id == case_id,
                                                   outbox_table.c.status == "queued").values(status="withdrawn"))
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
           region: str | None = None, reader: User | None = None) -> list[Case]:
    """The cases (workflow only: no value of a person); read for ``reader``, the read is an audit entry."""
    if reader is not None and reader.role not in READERS:
        raise Refused("surface.cases", role=reader.role)
    query = select(cases).order_by(cases.c.id)
    for column, value in ((cases.c.status, status), (cases.c.rule, rule), (cases.c.region, region)):
        if value:
            query = query.where(column == value)
    with log.engine.connect() as con:
        found = [_case(r) for r in con.execute(query)]
    if reader is not None:
        asked = ", ".join(f"{k}={v}" for k, v in (("status", status), ("rule", rule), ("region", region)) if v)
        log.append(audit.Access(reader.name, reader.organisation, reader.role, None, "case",
                                f"cases list ({asked or 'all'})", None, len(found), []))
    return found


def one(log: audit.AuditLog, case_id: int, reader: User) -> Case:
    """One case's workflow (no value of a person), read for ``reader``; the read is an audit entry."""
    if reader.role not in READERS:
        raise Refused("surface.cases", role=reader.role)
    case = _one(log, case_id)
    log.append(audit.Access(reader.name, reader.organisation, reader.role, None, "case", f"case {case_id}", None,
                            1, []))
    return case


def events(log: audit.AuditLog, case_id: int) -> list[tuple[dt.datetime, str, str, str | None]]:
    with log.engine.connect() as con:
        return [(r.at, r.actor, r.action, r.note) for r in con.execute(
            select(case_events).where(case_events.c.case_id == case_id).order_by(case_events.c.id))]


def messages(log: audit.AuditLog, case_id: int | None = None,
             status: str | None = None) -> list[dict[str, Any]]:
    """The outbox as workflow: message, case, template, languages, status (no text, no phone)."""
    query = select(outbox_table).order_by(outbox_table.c.id)
    if case_id is not None:
        query = query.where(outbox_table.c.case_id == case_id)
    if status is not None:
        query = query.where(outbox_table.c.status == status)
    with log.engine.connect() as con:
        return [dict(r._mapping) for r in con.execute(query)]


def _one(log: audit.AuditLog, case_id: int) -> Case:
    with log.engine.connect() as con:
        row = con.execute(select(cases).where(cases.c.id == case_id)).first()
    if row is None:
        raise NotFound("cases.not_found", case=case_id)
    return _case(row)


SHOWN_PERSON = ("surname", "first_name", "patronymic", "iin", "age", "region")


def show(gateway: Gateway, user: User, case_id: int, purpose: str) -> Shown:
    """A case with its person and the values its rule read, read through the gateway as ``user`` under
    ``purpose`` (one audit entry naming the person), beside the workflow's history and SMS status."""
    if user.role not in READERS:
        raise Refused("cases.may_not_work", case=case_id, role=user.role)
    case = _one(gateway.audit, case_id)
    person = ", ".join(f"p.{c}" for c in SHOWN_PERSON)
    result = gateway.query(user, f"SELECT {person}, e.evidence, e.evidence_hash, e.kept_at FROM mart.persons p "
                                 f"LEFT JOIN evidence.entitlements e ON e.person_id = p.person_id AND e.key = "
                                 f"{literal(entitlement_key(case.rule, case.as_of, case.person_id))} "
                                 f"WHERE p.person_id = {literal(case.person_id)} ORDER BY e.kept_at", purpose)
    seal = Seal(gateway.config)
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    basis = [r for r in rows if r["evidence_hash"] and seal.digest(r["evidence_hash"]) == case.evidence_hash]
    chosen = basis[0] if basis else (rows[-1] if rows else {})
    evidence = json.loads(chosen["evidence"]) if chosen.get("evidence") else {}
    return Shown(case, {c: chosen.get(c) for c in SHOWN_PERSON}, evidence,
                 bool(rows) and not basis and any(r["evidence_hash"] for r in rows), events(gateway.audit, case_id),
                 messages(gateway.audit, case_id), result.audit_seq)


def outbox(gateway: Gateway, user: User, purpose: str | None = None, status: str = "queued",
           rules: Rules | None = None) -> list[Sms]:
    """The SMS messages of ``status``, rendered now from their rule's template with the first name and phone
    read through the gateway as ``user`` (audited, naming every person) under ``purpose``, or else under the
    purpose each case was opened for: the texts are never stored."""
    if user.role not in WORKERS:
        raise Refused("cases.may_not_send", role=user.role)
    queued = messages(gateway.audit, status=status)
    if not queued:
        return []
    with gateway.metadata.connect() as con:
        opened = {r.id: (r.person_id, r.purpose) for r in con.execute(select(
            cases.c.id, cases.c.person_id, cases.c.purpose).where(cases.c.id.in_([m["case_id"] for m in queued])))}
    under: dict[str, set[str]] = {}
    for person_id, opened_for in opened.values():
        chosen = purpose or opened_for
        if not chosen:
            raise InvalidInput("cases.sms_purpose")
        under.setdefault(chosen, set()).add(person_id)
    contacts: dict[str, tuple[Any, ...]] = {}
    for chosen, persons in sorted(under.items()):
        try:
            contacts |= _persons(gateway, user, sorted(persons), chosen, "first_name, phone")
        except Refused as refused:
            if purpose is None and refused.id == "purpose.not_yours":  # the account that opened them declared it
                raise InvalidInput("cases.sms_purpose_of_another", purpose=chosen, user=user.name) from refused
            raise
    templates = {r.id: r.sms for r in (rules or load_rules()).rules}
    rendered = []
    for m in queued:
        first_name, phone = contacts.get(opened.get(m["case_id"], ("", None))[0], (None, None))
        sms = templates.get(m["template"])
        if sms is None:
            raise InvalidInput("cases.sms_template", message=m["id"], template=m["template"])
        texts = {lang: _sms(sms[lang], {"first_name": first_name}) for lang in m["languages"].split(",")}
        rendered.append(Sms(m["id"], m["case_id"], phone, texts, m["status"]))
    return rendered


def mark_sent(log: audit.AuditLog, actor: User, message_ids: list[int], delivered: bool = True) -> int:
    """Record what the operator's SMS gateway did with rendered messages (sent or failed); how many changed."""
    if actor.role not in WORKERS:
        raise Refused("cases.may_not_send", role=actor.role)
    status = "sent" if delivered else "failed"
    with log.engine.begin() as con:
        done = int(con.execute(update(outbox_table).where(
            outbox_table.c.id.in_(message_ids), outbox_table.c.status == "queued").values(
            status=status, sent_at=dt.datetime.now(dt.UTC))).rowcount or 0)
    log.append(audit.Access(actor.name, actor.organisation, actor.role, "SMS outbox", "case",
                            f"{done} case messages {status}", None, done, []))
    return done


def reproduce(log: audit.AuditLog, case: Case, findings: list[Finding]) -> str | None:
    """None when re-evaluating the case's rule for its date gives the same decision on the same values; else
    what differs (compared by their keyed hashes: the values are not in the metadata store)."""
    mine = [f for f in findings if f.rule == case.rule and f.person_id == case.person_id]
    if not mine:
        return "the rule no longer finds this person entitled on that date"
    seal = Seal(log.config)
    if seal.digest(mine[0].evidence_hash) != case.evidence_hash:
        now = seal.each(_jsonable(mine[0].evidence))
        changed = sorted(k for k in now.keys() | case.evidence_keys.keys()
                         if now.get(k) != case.evidence_keys.get(k))
        return f"the decision holds, on changed values: {', '.join(changed)}"
    return None
