"""Consistency findings as a work list: each finding of the rules is kept once (a finding already open is not
raised again), with its evidence records, until a reviewer confirms or dismisses it with a note; every review
is an audit entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from ukimet.core.errors import InvalidInput, NotFound, Refused
from ukimet.core.metadata import findings
from ukimet.gateway import audit
from ukimet.gateway.rewrite import User
from ukimet.model.consistency import Finding

REVIEWERS = frozenset({"auditor", "admin", "social_worker", "data_engineer"})
VERDICTS = ("confirmed", "dismissed")


@dataclass(frozen=True)
class Kept:
    id: int
    rule: str
    subject_kind: str
    subject: str
    as_of: str
    values: dict[str, Any]
    evidence: list[dict[str, str]]
    status: str
    reviewer: str | None
    note: str | None

    def finding(self) -> Finding:
        return Finding(self.rule, self.subject_kind, self.subject, self.values, self.evidence)


def keep(log: audit.AuditLog, found: list[Finding], as_of: dt.date) -> list[int]:
    """Store the findings that are not open already; their numbers."""
    with log.engine.begin() as con:
        open_ = {(r.rule, r.subject) for r in con.execute(
            select(findings.c.rule, findings.c.subject).where(findings.c.status == "open"))}
        new = []
        now = dt.datetime.now(dt.UTC)
        for f in found:
            if (f.rule, f.subject) in open_:
                continue
            key = con.execute(insert(findings).values(
                rule=f.rule, subject_kind=f.subject_kind, subject=f.subject, as_of=as_of.isoformat(),
                values=f.values, evidence=f.evidence, status="open", found_at=now)).inserted_primary_key
            assert key is not None
            new.append(int(key[0]))
            open_.add((f.rule, f.subject))
    return new


def listed(log: audit.AuditLog, rule: str | None = None, status: str | None = "open") -> list[Kept]:
    query = select(findings).order_by(findings.c.id)
    if rule:
        query = query.where(findings.c.rule == rule)
    if status:
        query = query.where(findings.c.status == status)
    with log.engine.connect() as con:
        return [Kept(r.id, r.rule, r.subject_kind, r.subject, r.as_of, dict(r.values or {}), list(r.evidence or []),
                     r.status, r.reviewer, r.note) for r in con.execute(query)]


def review(log: audit.AuditLog, reviewer: User, finding_id: int, verdict: str, note: str) -> None:
    if reviewer.role not in REVIEWERS:
        raise Refused("findings.may_not_review", finding=finding_id, role=reviewer.role)
    if verdict not in VERDICTS:
        raise InvalidInput("findings.verdict", finding=finding_id, verdict=verdict)
    if not note.strip():
        raise InvalidInput("findings.note", finding=finding_id)
    with log.engine.begin() as con:
        done = con.execute(update(findings).where(findings.c.id == finding_id, findings.c.status == "open").values(
            status=verdict, reviewer=reviewer.name, note=note, reviewed_at=dt.datetime.now(dt.UTC))).rowcount
    if not done:
        raise NotFound("findings.not_found", finding=finding_id)
    log.append(audit.Access(reviewer.name, reviewer.organisation, reviewer.role, f"finding {finding_id}",
                            "finding", f"finding {finding_id}: {verdict} ({note})", None, 1, []))
