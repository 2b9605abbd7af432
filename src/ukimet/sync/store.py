"""The integrated store: one DuckDB file, a schema per source, a table per source table. Opened with extension
auto-install and auto-load switched off: nothing is ever downloaded at run time."""

from __future__ import annotations

import warnings
from pathlib import Path

import duckdb
import pyarrow as pa

from ukimet.core.errors import StoreError

QUARANTINE_SCHEMA = "_quarantine"
LOCKED_CONFIG = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    """A SQL string literal (quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def open_store(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=dict(LOCKED_CONFIG))
    except duckdb.IOException as exc:
        raise StoreError("store.open", path=str(path), detail=(str(exc).splitlines() or [""])[0]) from None
    con.execute("SET enable_progress_bar = false")  # ukimet draws its own progress
    return con


def store_tables(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, dict[str, str]]:
    """Published tables of ``source`` in the store: table -> {column: type}."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = ? "
        "AND table_name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY table_name, ordinal_position", [source]).fetchall()
    out: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        out.setdefault(table, {})[column] = kind
    return out


def query_arrow(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """A query's result as an Arrow table, on DuckDB 1.x (arrow) and 2.x (to_arrow_table)."""
    # through execute(), not sql(): DuckDB 2 refuses sql() while an earlier execute() result is unfinished
    result = con.execute(sql)
    fetch = getattr(result, "to_arrow_table", None) or getattr(result, "fetch_arrow_table")  # noqa: B009
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Arrow output on a DB-API result")  # one copy: fine here
        table: pa.Table = fetch()
    return table
