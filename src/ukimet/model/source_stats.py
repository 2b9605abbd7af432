"""What each connected system delivers, as aggregates with no personal data (``mart.source_stats``): size,
freshness, failed syncs, completeness and validity of its columns, rows quarantined, how many of its person
records linkage resolved to an identified person, how many are duplicates of a person already in the same
table. The source audit ranks systems on these and on how much they are used."""

from __future__ import annotations

import datetime as dt
import statistics

import duckdb
from sqlalchemy import Engine, func, select

from ukimet.connect.sources import list_sources
from ukimet.core.errors import StoreError
from ukimet.core.metadata import lineage, sync_runs
from ukimet.sync.profile import profile_source
from ukimet.sync.store import TABLES

COLUMNS = ("source", "tables", "rows", "last_synced", "freshness_days", "failed_runs", "completeness", "validity",
           "quarantined", "person_records", "linkage_rate", "duplication")


def _quality(con: duckdb.DuckDBPyConnection, metadata: Engine, source: str) -> tuple[float | None, float | None]:
    try:
        profiles = profile_source(con, metadata, source, within=True)
    except StoreError:
        return None, None
    completeness = [c.completeness for t in profiles for c in t.columns]
    validity = [c.validity for t in profiles for c in t.columns if c.validity is not None]
    return (round(statistics.fmean(completeness), 4) if completeness else None,
            round(statistics.fmean(validity), 4) if validity else None)


def build_source_stats(con: duckdb.DuckDBPyConnection, metadata: Engine) -> int:
    """``mart.source_stats``: one row per registered source (freshness: days since its last published sync);
    how many. Runs inside the mart build's transaction on ``con``."""
    with metadata.connect() as db:
        synced = {r.source: r for r in db.execute(
            select(lineage.c.source, func.count(func.distinct(lineage.c.source_table)).label("tables"),
                   func.max(lineage.c.finished_at).label("last"),
                   func.sum(lineage.c.rows_quarantined).label("quarantined"))
            .where(lineage.c.state == "published").group_by(lineage.c.source))}
        failed: dict[str, int] = dict(db.execute(
            select(sync_runs.c.source, func.count()).where(sync_runs.c.status == "failed")
            .group_by(sync_runs.c.source)).all())
    # duplication counts only in tables that hold one row per person (a registry), not in event tables where a
    # person has many rows by nature (contributions, payments): there a second row of the same person in the
    # same role is a duplicate
    linked = {r[0]: r[1:] for r in con.execute("""
        WITH identified AS (SELECT DISTINCT entity_id FROM link.golden WHERE attribute = 'iin'),
        records AS (SELECT r.source, r.source_table, r.party, e.entity_id, i.entity_id IS NOT NULL AS resolved
                    FROM link.person_records r JOIN link.entities e USING (record_id)
                    LEFT JOIN identified i ON i.entity_id = e.entity_id),
        per_entity AS (SELECT source, source_table, party, entity_id, count(*) AS n FROM records GROUP BY ALL),
        tables AS (SELECT source, source_table, party, sum(n) AS rows, count(*) AS persons, median(n) AS typical
                   FROM per_entity GROUP BY ALL),
        registries AS (SELECT source, sum(rows - persons) / sum(rows) AS duplication FROM tables
                       WHERE typical = 1 GROUP BY source)
        SELECT source, count(*), avg(resolved::INTEGER), any_value(d.duplication)
        FROM records LEFT JOIN registries d USING (source) GROUP BY source""").fetchall()}
    rows = []
    for spec in list_sources(metadata):
        tables = [t for (t,) in con.execute(f"SELECT table_name FROM {TABLES} WHERE "
                                            "table_schema = ? AND NOT starts_with(table_name, '__')",
                                            [spec.name]).fetchall()]
        counted = sum(int(con.execute(f'SELECT count(*) FROM "{spec.name}"."{t}"').fetchone()[0])  # type: ignore
                      for t in tables)
        run = synced.get(spec.name)
        last = run.last if run is not None else None
        if last is not None and last.tzinfo is None:
            last = last.replace(tzinfo=dt.UTC)
        completeness, validity = _quality(con, metadata, spec.name) if tables else (None, None)
        records, rate, duplication = linked.get(spec.name, (0, None, None))
        days = (dt.datetime.now(dt.UTC) - last).days if last else None
        rows.append((spec.name, len(tables), counted, last.isoformat() if last else None, days,
                     int(failed.get(spec.name, 0)), completeness, validity,
                     int(run.quarantined or 0) if run is not None else 0, int(records),
                     round(float(rate), 4) if rate is not None else None,
                     round(float(duplication), 4) if duplication is not None else None))
    con.execute("CREATE OR REPLACE TABLE mart.source_stats (source VARCHAR, tables INTEGER, rows BIGINT, "
                "last_synced VARCHAR, freshness_days INTEGER, failed_runs INTEGER, completeness DOUBLE, "
                "validity DOUBLE, quarantined BIGINT, person_records BIGINT, linkage_rate DOUBLE, "
                "duplication DOUBLE)")
    if rows:
        con.executemany(f"INSERT INTO mart.source_stats VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    return len(rows)
