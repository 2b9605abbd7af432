"""The model seen per source: among the pairs the last run merged that involve a record of a source, how often
each field is present on both sides and how often it disagrees, beside the weight its disagreement carries. A
field one agency keeps badly (an address that lags, phones that change) shows here as a high disagreement within
that source's matches; its weight says how much it held pairs apart."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ukimet.link.model import THRESHOLD, Model


@dataclass(frozen=True)
class SourceField:
    source: str
    field: str
    pairs: int
    """merged pairs with a record of this source on one side"""
    present: float
    """share of them where both sides have the field"""
    disagree: float | None
    """share of those where it disagrees (level 1), None when never present"""
    weight_different: float
    """the weight a disagreement carries in the model"""


def by_source(con: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD) -> list[SourceField]:
    """Per source and field, the merged pairs' agreement (see the module)."""
    model = Model.from_rows(con.execute("SELECT field, level, m, u FROM link.model").fetchall())
    have = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'link' "
                                      "AND table_name = 'pair_scores'").fetchall()}
    fields = [f for f in model.fields if f in have]
    if not fields:
        return []
    levels = ", ".join(f"m.{f}" for f in fields)
    shares = ", ".join(f"avg(CASE WHEN {f} > 0 THEN 1.0 ELSE 0.0 END), avg(CASE WHEN {f} > 0 THEN "
                       f"CASE WHEN {f} = 1 THEN 1.0 ELSE 0.0 END END)" for f in fields)
    rows = con.execute(f"""WITH merged AS (SELECT l_id, r_id, {levels} FROM link.pair_scores m
            WHERE m.weight >= ? AND NOT m.conflict),
        sources AS (SELECT DISTINCT rp.profile_id, r.source FROM link.record_profiles rp
            JOIN link.person_records r ON r.record_id = rp.record_id),
        sided AS (SELECT DISTINCT s.source, m.* FROM merged m JOIN sources s ON s.profile_id = m.l_id
            UNION SELECT DISTINCT s.source, m.* FROM merged m JOIN sources s ON s.profile_id = m.r_id)
        SELECT source, count(*), {shares} FROM sided GROUP BY source ORDER BY source""", [threshold]).fetchall()
    out = []
    for row in rows:
        source, pairs = str(row[0]), int(row[1])
        for i, name in enumerate(fields):
            present, disagree = row[2 + 2 * i], row[3 + 2 * i]
            out.append(SourceField(source, name, pairs, float(present or 0.0),
                                   None if disagree is None else float(disagree),
                                   model.weight(name, 1) if name in model.m and name in model.u else 0.0))
    return out
