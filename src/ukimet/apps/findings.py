"""Consistency findings as a work list: each finding of the rules is kept once (a finding already open is not
raised again) until a reviewer confirms or dismisses it with a note; every review is an audit entry.

The metadata store keeps the workflow (rule, subject by its pseudonymous id, BIN or dwelling number, status) and
a keyed hash of the basis; the finding's values and evidence records are in the integrated store
(model.evidence) and are read through the gateway, under a purpose and the role's masks, when they are shown.

    new = keep(gateway.audit, run_rules(con), as_of)
    shown = with_values(gateway, reviewer, listed(gateway.audit), purpose="audit 2026/14")
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from ukimet.apps.seal import Seal
from ukimet.core.errors import InvalidInput, NotFound, Refused
from ukimet.core.metadata import findings
from ukimet.gateway import audit
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.model.consistency import Finding
from ukimet.model.evidence import finding_key, values_hash
from ukimet.sync.store import literal

REVIEWERS = frozenset({"auditor", "admin", "social_worker", "data_engineer"})
VERDICTS = ("confirmed", "dismissed")


@dataclass(frozen=True)
class Kept:
    id: int
    rule: str
    subject_kind: str
    subject: str
    as_of: str
    records: int
    """how many evidence records it names"""
    values_hash: str
    """keyed hash of its values and records (apps.seal)"""
    status: str
    reviewer: str | None
    note: str | None

    @property
    def key(self) -> str:
        """The row of its values in the store (model.evidence)."""
        return finding_key(self.rule, self.subject_kind, self.subject, self.as_of)


@dataclass(frozen=True)
class Valued:
    """A kept finding with what the gateway let the reader see of its values and records (empty when the role's
    masks hide them); ``basis_changed``: the store's values are not those the finding was kept with."""

    kept: Kept
    values: dict[str, Any]
    evidence: list[dict[str, str]]
    basis_changed: bool

    def finding(self) -> Finding:
        return Finding(self.kept.rule, self.kept.subject_kind, self.kept.subject, self.values, self.evidence)


def keep(log: audit.AuditLog, found: list[Finding], as_of: dt.date) -> list[int]:
    """Record the findings that are not open already (their values: model.evidence.keep_findings); their
    numbers."""
    seal = Seal(log.config)
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
                values_hash=seal.digest(values_hash(f)), records=len(f.evidence), status="open",
                found_at=now)).inserted_primary_key
            assert key is not None
            new.append(int(key[0]))
            open_.add((f.rule, f.subject))
    return new


def listed(log: audit.AuditLog, rule: str | None = None, status: str | None = "open",
           reader: User | None = None) -> list[Kept]:
    """The findings (workflow only: no value of a person); read for ``reader``, the read is an audit entry."""
    if reader is not None and reader.role not in REVIEWERS:
        raise Refused("findings.may_not_read", role=reader.role)
    query = select(findings).order_by(findings.c.id)
    if rule:
        query = query.where(findings.c.rule == rule)
    if status:
        query = query.where(findings.c.status == status)
    with log.engine.connect() as con:
        found = [Kept(r.id, r.rule, r.subject_kind, r.subject, r.as_of, r.records, r.values_hash, r.status,
                      r.reviewer, r.note) for r in con.execute(query)]
    if reader is not None:
        asked = ", ".join(f"{k}={v}" for k, v in (("rule", rule), ("status", status)) if v)
        log.append(audit.Access(reader.name, reader.organisation, reader.role, None, "finding",
                                f"findings list ({asked or 'all'})", None, len(found), []))
    return found


def with_values(gateway: Gateway, reader: User, kept: list[Kept], purpose: str) -> list[Valued]:
    """The findings' values and evidence records, read through the gateway as ``reader`` under ``purpose`` in
    chunks the role may export (each an audit entry naming the persons behind them)."""
    if reader.role not in REVIEWERS:
        raise Refused("findings.may_not_read", role=reader.role)
    seal = Seal(gateway.config)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    keys = sorted({k.key for k in kept})
    step = max(1, gateway.policy.role(reader.role).max_rows_per_query)
    for start in range(0, len(keys), step):
        listed_keys = ", ".join(literal(k) for k in keys[start:start + step])
        result = gateway.query(reader, "SELECT key, found_values, records, values_hash, kept_at FROM "
                                       f"evidence.findings WHERE key IN ({listed_keys}) ORDER BY key, kept_at",
                               purpose)
        for key, values, records, digest, _ in result.rows:
            rows.setdefault(key, []).append((values, records, digest))
    shown = []
    for k in kept:
        mine = rows.get(k.key, [])
        basis = [r for r in mine if r[2] and seal.digest(r[2]) == k.values_hash]
        values, records, _ = basis[0] if basis else (mine[-1] if mine else (None, None, None))
        shown.append(Valued(k, json.loads(values) if values else {}, json.loads(records) if records else [],
                            bool(mine) and not basis and any(r[2] for r in mine)))
    return shown


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
