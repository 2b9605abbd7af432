"""The values behind proactive cases and consistency findings, kept in the integrated store (schema ``evidence``)
and catalogued there, so that they are read only through the gateway, under the role's masks, with an audit entry
naming the person. The metadata store keeps the workflow (apps.cases, apps.findings): which rule found whom (by the
mart's pseudonymous id), when, the status, and keyed hashes of these values.

    keep_entitlements(con, metadata, evaluate(con))
    keep_findings(con, metadata, run_rules(con), as_of)

Each row has a ``key`` that names what it is about without any value (a hash of the rule, the subject and the
date), so that a role that may not see personal values can still be given the row that belongs to a case or a
finding; a decision made again on changed values is a second row beside the first, never an overwrite: the values
a case was opened on stay readable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import duckdb
from sqlalchemy import Connection, Engine

from ukimet.connect.catalog import DerivedColumn, publish_derived
from ukimet.model import consistency, entitlements

SCHEMA = "evidence"
TABLES = {
    "entitlements": {"key": ("VARCHAR", None, "public"), "rule": ("VARCHAR", None, "public"),
                     "rule_version": ("VARCHAR", None, "public"), "as_of": ("DATE", None, "public"),
                     "person_id": ("VARCHAR", "person_id", "personal"),
                     "family_id": ("VARCHAR", "family_id", "personal"),
                     "evidence": ("VARCHAR", None, "personal"), "evidence_hash": ("VARCHAR", None, "personal"),
                     "region": ("VARCHAR", "region", "public"), "kept_at": ("TIMESTAMP", None, "public")},
    "findings": {"key": ("VARCHAR", None, "public"), "rule": ("VARCHAR", None, "public"),
                 "subject_kind": ("VARCHAR", None, "public"), "subject": ("VARCHAR", None, "personal"),
                 "person_id": ("VARCHAR", "person_id", "personal"), "as_of": ("DATE", None, "public"),
                 "found_values": ("VARCHAR", None, "personal"), "records": ("VARCHAR", None, "personal"),
                 "values_hash": ("VARCHAR", None, "personal"), "region": ("VARCHAR", "region", "public"),
                 "kept_at": ("TIMESTAMP", None, "public")},
}
"""table -> column -> (type, semantic type, sensitivity): values are personal, so the policy's masks decide who
sees them; the person column is a person_id, so the gateway traces every read to the person; the region is the
subject's, so a role whose rows follow its region (an akimat's analyst) reads only its region's rows (a row
whose region is not known is nobody's region)"""
REGION_OF = {
    "entitlements": ["UPDATE evidence.entitlements e SET region = p.region FROM mart.persons p "
                     "WHERE e.region IS NULL AND p.person_id = e.person_id"],
    "findings": ["UPDATE evidence.findings f SET region = p.region FROM mart.persons p "
                 "WHERE f.region IS NULL AND f.subject_kind = 'person' AND p.person_id = f.subject",
                 "UPDATE evidence.findings f SET region = d.region FROM mart.dwellings d "
                 "WHERE f.region IS NULL AND f.subject_kind = 'dwelling' "
                 "AND CAST(d.dwelling_id AS VARCHAR) = f.subject",
                 "UPDATE evidence.findings f SET region = c.region FROM mart.companies c "
                 "WHERE f.region IS NULL AND f.subject_kind = 'company' AND c.bin = f.subject",
                 "UPDATE evidence.findings SET region = subject WHERE region IS NULL AND subject_kind = 'region'"],
}
"""how each table's rows get their subject's region from the mart"""
PERSON_VALUES = ("director",)
"""values of a company finding that name a person (mart.persons.person_id)"""


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def entitlement_key(rule: str, as_of: str, person_id: str) -> str:
    """The row key of a case's evidence: no value in it."""
    return _digest("entitlement", rule, as_of, person_id)


def finding_key(rule: str, subject_kind: str, subject: str, as_of: str) -> str:
    """The row key of a finding's values: no value in it."""
    return _digest("finding", rule, subject_kind, subject, as_of)


def as_json(values: Any) -> str:
    """Values as the store keeps them: JSON with sorted keys, dates as ISO text."""
    return json.dumps(values, sort_keys=True, ensure_ascii=False,
                      default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v))


def values_hash(finding: consistency.Finding) -> str:
    """What a finding's basis is, as one digest: its values and its records."""
    return hashlib.sha256(as_json({"values": finding.values, "records": finding.evidence}).encode()).hexdigest()


def _create(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    for table, columns in TABLES.items():
        listed = ", ".join(f'"{name}" {kind}' for name, (kind, _, _) in columns.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.{table} ({listed})")


def _insert_new(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]], unique: str) -> int:
    """Insert the rows whose key and hash (``unique``) are not there yet; how many."""
    if not rows:
        return 0
    names = list(TABLES[table])
    con.execute(f"CREATE OR REPLACE TEMP TABLE incoming AS SELECT * FROM {SCHEMA}.{table} LIMIT 0")
    con.executemany(f"INSERT INTO incoming VALUES ({', '.join('?' for _ in names)})", rows)
    before = _count(con, table)
    con.execute(f"""INSERT INTO {SCHEMA}.{table} SELECT DISTINCT ON (i.key, i.{unique}) i.* FROM incoming i
        WHERE NOT EXISTS (SELECT 1 FROM {SCHEMA}.{table} t WHERE t.key = i.key AND t.{unique} = i.{unique})""")
    con.execute("DROP TABLE incoming")
    for sql in REGION_OF[table]:
        con.execute(sql)
    return _count(con, table) - before


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    counted = con.execute(f"SELECT count(*) FROM {SCHEMA}.{table}").fetchone()
    return int(counted[0]) if counted else 0


def _publish(con: duckdb.DuckDBPyConnection, metadata: Engine | Connection) -> None:
    """Catalogue the schema's tables with their declared meaning, so that the gateway governs them."""
    publish_derived(metadata, SCHEMA, {
        table: (["key"], [DerivedColumn(name, kind, semantic, sensitivity)
                          for name, (kind, semantic, sensitivity) in columns.items()])
        for table, columns in TABLES.items()}, {table: _count(con, table) for table in TABLES})


def keep_entitlements(con: duckdb.DuckDBPyConnection, metadata: Engine | Connection,
                      found: list[entitlements.Finding]) -> int:
    """Keep the values each entitlement finding read; how many rows were new."""
    _create(con)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [(entitlement_key(f.rule, f.as_of.isoformat(), f.person_id), f.rule, f.rule_version, f.as_of,
             f.person_id, f.family_id, as_json(f.evidence), f.evidence_hash, None, now) for f in found]
    new = _insert_new(con, "entitlements", rows, "evidence_hash")
    _publish(con, metadata)
    return new


def keep_findings(con: duckdb.DuckDBPyConnection, metadata: Engine | Connection,
                  found: list[consistency.Finding], as_of: dt.date) -> int:
    """Keep the values and records of each consistency finding; how many rows were new."""
    _create(con)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = []
    for f in found:
        person = f.subject if f.subject_kind == "person" else next(
            (str(f.values[k]) for k in PERSON_VALUES if f.values.get(k)), None)
        rows.append((finding_key(f.rule, f.subject_kind, f.subject, as_of.isoformat()), f.rule, f.subject_kind,
                     f.subject, person, as_of, as_json(f.values), as_json(f.evidence), values_hash(f), None, now))
    new = _insert_new(con, "findings", rows, "values_hash")
    _publish(con, metadata)
    return new
