"""The data step of the metadata migration that takes citizen data out of the metadata store: the values a case's
rule read and a finding's values and records, which an earlier release kept in the metadata tables ``cases`` and
``findings``, are kept in the integrated store (model.evidence) and replaced by keyed hashes (apps.seal); the
outbox's rendered SMS texts and phones are replaced by the rule's template. Run it after the new columns exist
(``cases.evidence_keys``, ``cases.purpose``, ``outbox.template``, ``outbox.template_version``,
``outbox.languages``, ``findings.values_hash``, ``findings.records``) and before the old ones are dropped
(``cases.evidence``, ``outbox.phone``, ``outbox.text_kk``, ``outbox.text_ru``, ``findings.values``,
``findings.evidence``); then vacuum the database so that no page keeps the old values. The store must be open
for writing (the server stopped). Running it twice does nothing the second time. Migration 0004 runs it on its
own connection when a home of an earlier release is opened (core.migrate).

    moved = move_citizen_data(config, metadata, store)
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb
from sqlalchemy import Connection, Engine, inspect, text

from ukimet.apps.seal import Seal
from ukimet.core.metadata import writing
from ukimet.core.settings import Settings
from ukimet.model import consistency, entitlements
from ukimet.model.entitlements import SMS_LANGUAGES
from ukimet.model.evidence import keep_entitlements, keep_findings, values_hash

EMPTIED: dict[str, dict[str, str | None]] = {"cases": {"evidence": "{}"},
                                             "findings": {"values": "{}", "evidence": "[]"}}
"""what the old columns hold once moved (until the migration drops them)"""

HOLDING = {"cases": "CAST(evidence AS TEXT) NOT IN ('{}', '')",
           "outbox": "phone IS NOT NULL OR text_kk <> '' OR text_ru <> ''",
           "findings": "CAST(\"values\" AS TEXT) NOT IN ('{}', '') OR CAST(evidence AS TEXT) NOT IN ('[]', '')"}
"""the rows whose old columns still hold citizen data (JSON compared as text: PostgreSQL has no json = text)"""
OLD_COLUMNS = {"cases": "evidence", "outbox": "text_kk", "findings": "values"}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _has(metadata: Engine | Connection, table: str, column: str) -> bool:
    return column in {c["name"] for c in inspect(metadata).get_columns(table)}


def _empty(con: Connection, table: str, key: str, ids: list[Any]) -> None:
    values = EMPTIED[table]
    assignments = ", ".join(f'"{c}" = :{c}' for c in values)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join(f":id{i}" for i in range(len(chunk)))
        con.execute(text(f'UPDATE "{table}" SET {assignments} WHERE "{key}" IN ({marks})'),
                    {**values, **{f"id{i}": v for i, v in enumerate(chunk)}})


def _cases(metadata: Engine | Connection, store: duckdb.DuckDBPyConnection, seal: Seal) -> int:
    with writing(metadata) as con:
        rows = con.execute(text('SELECT id, rule, rule_version, as_of, person_id, family_id, evidence FROM cases '
                                f"WHERE {HOLDING['cases']}")).all()
    found = {r.id: entitlements.Finding(r.rule, r.rule_version, dt.date.fromisoformat(r.as_of), r.person_id,
                                        r.family_id, dict(_json(r.evidence))) for r in rows}
    keep_entitlements(store, metadata, list(found.values()))
    with writing(metadata) as con:
        for case_id, f in found.items():
            con.execute(text("UPDATE cases SET evidence_hash = :hash, evidence_keys = :keys WHERE id = :id"),
                        {"hash": seal.digest(f.evidence_hash), "keys": json.dumps(seal.each(f.evidence)),
                         "id": case_id})
        _empty(con, "cases", "id", list(found))
    return len(found)


def _outbox(metadata: Engine | Connection) -> int:
    with writing(metadata) as con:
        done = con.execute(text(
            "UPDATE outbox SET template = (SELECT rule FROM cases WHERE cases.id = outbox.case_id), "
            "template_version = (SELECT rule_version FROM cases WHERE cases.id = outbox.case_id), "
            "languages = :languages WHERE text_kk <> '' OR text_ru <> '' OR phone IS NOT NULL"),
            {"languages": ",".join(SMS_LANGUAGES)}).rowcount
        con.execute(text("UPDATE outbox SET phone = NULL, text_kk = '', text_ru = ''"))
    return int(done or 0)


def _findings(metadata: Engine | Connection, store: duckdb.DuckDBPyConnection, seal: Seal) -> int:
    with writing(metadata) as con:
        rows = con.execute(text('SELECT id, rule, subject_kind, subject, as_of, "values", evidence FROM findings '
                                f"WHERE {HOLDING['findings']}")).all()
    by_day: dict[str, list[tuple[int, consistency.Finding]]] = {}
    for r in rows:
        by_day.setdefault(r.as_of, []).append((r.id, consistency.Finding(
            r.rule, r.subject_kind, r.subject, dict(_json(r.values)), list(_json(r.evidence) or []))))
    for day, found in by_day.items():
        keep_findings(store, metadata, [f for _, f in found], dt.date.fromisoformat(day))
    with writing(metadata) as con:
        for found in by_day.values():
            for finding_id, f in found:
                con.execute(text("UPDATE findings SET values_hash = :hash, records = :records WHERE id = :id"),
                            {"hash": seal.digest(values_hash(f)), "records": len(f.evidence), "id": finding_id})
        _empty(con, "findings", "id", [r.id for r in rows])
    return len(rows)


def move_citizen_data(config: Settings, metadata: Engine | Connection,
                      store: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Move what an earlier release kept of citizen data in the metadata store; how many rows of each table.
    ``metadata``: an engine, or a connection whose transaction the changes join."""
    seal = Seal(config)
    moved = {"cases": 0, "outbox": 0, "findings": 0}
    if _has(metadata, "cases", "evidence"):
        moved["cases"] = _cases(metadata, store, seal)
    if _has(metadata, "outbox", "text_kk"):
        moved["outbox"] = _outbox(metadata)
    if _has(metadata, "findings", "values"):
        moved["findings"] = _findings(metadata, store, seal)
    return moved


def still_held(metadata: Engine | Connection) -> dict[str, int]:
    """How many rows of each table still keep citizen data in the columns of an earlier release (tables without
    those columns are left out): what must be moved before the columns may be dropped."""
    held = {}
    with writing(metadata) as con:
        for table, column in OLD_COLUMNS.items():
            if _has(con, table, column):
                counted = con.execute(text(f"SELECT count(*) FROM {table} WHERE {HOLDING[table]}")).scalar()
                if counted:
                    held[table] = int(counted)
    return held
