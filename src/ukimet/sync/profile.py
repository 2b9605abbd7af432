"""Data quality of every synced table, computed in the store: per column completeness, validity for its
semantic type, distinct count, format patterns and top values (never for personal or special columns); per table
row count, duplicate rate and freshness. Every profile is kept, so quality can be followed over time."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb
from sqlalchemy import Engine, insert

from ukimet.connect.catalog import CatalogColumn, columns_of
from ukimet.connect.classify import EMAIL, PHONE, is_date
from ukimet.core.errors import StoreError
from ukimet.core.ids import decode_iin, is_valid_bin
from ukimet.core.metadata import profiles
from ukimet.sync.store import ident, reading, store_tables

SAMPLE = 100_000
"""Values read per column to check validity: enough for a rate to two decimals."""


VALIDITY: dict[str, Callable[[str], bool]] = {
    "iin": lambda v: decode_iin(v) is not None,
    "bin": is_valid_bin,
    "birth_date": is_date,
    "date": is_date,
    "phone": lambda v: bool(PHONE.match(v)),
    "email": lambda v: bool(EMAIL.match(v)),
}
"""Per semantic type, what a valid value is; other types have no validity rule."""


@dataclass
class ColumnProfile:
    column: str
    semantic_type: str
    sensitivity: str
    completeness: float
    validity: float | None
    distinct: int
    patterns: list[tuple[str, int]]
    top_values: list[tuple[str, int]] | None


@dataclass
class TableProfile:
    source: str
    table: str
    rows: int
    duplicate_rate: float
    freshest: str | None
    columns: list[ColumnProfile] = field(default_factory=list)


def _shape(word: re.Match[str]) -> str:
    text = word.group(0)
    return "A" if text.isupper() and len(text) > 1 else "Aa" if text[0].isupper() else "a"


def _pattern(value: str) -> str:
    """A value's shape: digits kept as 9s, each run of letters as Aa (capitalised), A (capitals) or a (lower)."""
    return re.sub(r"[^\W\d_]+", _shape, re.sub(r"\d", "9", value))[:40]


PROFILED = "__ukimet_profiled"
"""the temporary copy of the table being profiled"""


def profile_source(con: duckdb.DuckDBPyConnection, engine: Engine, source: str, top: int = 5,
                   within: bool = False) -> list[TableProfile]:
    """Profile every table of ``source`` in the store and keep the profiles in the metadata store (``within``: inside
    the caller's transaction on ``con``)."""
    tables = store_tables(con, source)
    if not tables:
        raise StoreError("store.not_synced", source=source)
    catalog = {(c.table, c.column): c for c in columns_of(engine, source)}
    out = []
    now = dt.datetime.now(dt.UTC)
    for table, columns in tables.items():
        with reading(con, within):
            result = _table(con, source, table, columns, catalog, top)
        out.append(result)
        _store(engine, result, now)
    con.execute(f"DROP TABLE IF EXISTS temp.main.{PROFILED}")
    return out


def _table(con: duckdb.DuckDBPyConnection, source: str, table: str, columns: dict[str, str],
           catalog: dict[tuple[str, str], CatalogColumn], top: int) -> TableProfile:
    # read from the lake once, then measured column by column in DuckDB's own temporary storage: a statement
    # on the lake carries the fixed cost of its catalog lookups, and a profile makes a few per column
    con.execute(f"CREATE OR REPLACE TEMP TABLE {PROFILED} AS SELECT * FROM {ident(source)}.{ident(table)}")
    name = f"temp.main.{PROFILED}"
    rows = int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])  # type: ignore[index]
    key = [c for c in columns if catalog.get((table, c)) and catalog[(table, c)].semantic_type == "other"
           and c.lower().endswith(("id", "_id", "№", "номер"))]
    body = [c for c in columns if c not in key] or list(columns)
    listed = ", ".join(ident(c) for c in body)
    distinct_rows = con.execute(f"SELECT count(*) FROM (SELECT DISTINCT {listed} FROM {name})").fetchone()
    dates = [c for c, kind in columns.items() if kind in ("DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE")]
    freshest = None
    if dates:
        mark = con.execute(f"SELECT CAST(max(greatest({', '.join(ident(c) for c in dates)})) AS VARCHAR) "
                           f"FROM {name}").fetchone()
        freshest = mark[0] if mark else None
    result = TableProfile(source, table, rows, round(1 - int(distinct_rows[0]) / rows, 4) if rows and distinct_rows
                          else 0.0, freshest)
    for column in columns:
        entry = catalog.get((table, column))
        result.columns.append(_column(con, name, column, entry, rows, top))
    return result


def _column(con: duckdb.DuckDBPyConnection, table: str, column: str, entry: CatalogColumn | None, rows: int,
            top: int) -> ColumnProfile:
    kind = entry.semantic_type if entry else "other"
    sensitivity = entry.sensitivity if entry else "personal"
    col = ident(column)
    filled, distinct = con.execute(f"SELECT count({col}), approx_count_distinct({col}) FROM {table}").fetchone()  # type: ignore[misc]
    values = [r[0] for r in con.execute(
        f"SELECT CAST({col} AS VARCHAR) FROM {table} WHERE {col} IS NOT NULL USING SAMPLE {SAMPLE} ROWS").fetchall()]
    check = VALIDITY.get(kind)
    validity = round(sum(1 for v in values if check(v)) / len(values), 4) if check and values else None
    patterns: dict[str, int] = {}
    for v in values:
        p = _pattern(v)
        patterns[p] = patterns.get(p, 0) + 1
    top_patterns = sorted(patterns.items(), key=lambda kv: -kv[1])[:3]
    top_values = None
    if sensitivity == "public" and distinct < 0.9 * filled:
        top_values = [(str(v), int(n)) for v, n in con.execute(
            f"SELECT CAST({col} AS VARCHAR) v, count(*) n FROM {table} WHERE {col} IS NOT NULL GROUP BY 1 "
            f"ORDER BY 2 DESC, 1 LIMIT {top}").fetchall()]
    return ColumnProfile(column, kind, sensitivity, round(filled / rows, 4) if rows else 0.0, validity,
                         int(distinct), top_patterns, top_values)


def _store(engine: Engine, profile: TableProfile, when: dt.datetime) -> None:
    rows: list[dict[str, Any]] = [{
        "source": profile.source, "table_name": profile.table, "column_name": None, "profiled_at": when,
        "metrics": {"rows": profile.rows, "duplicate_rate": profile.duplicate_rate, "freshest": profile.freshest},
    }]
    for c in profile.columns:
        rows.append({"source": profile.source, "table_name": profile.table, "column_name": c.column,
                     "profiled_at": when, "metrics": {
                         "semantic_type": c.semantic_type, "completeness": c.completeness, "validity": c.validity,
                         "distinct": c.distinct, "patterns": c.patterns, "top_values": c.top_values}})
    with engine.begin() as db:
        db.execute(insert(profiles), rows)
