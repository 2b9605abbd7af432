"""Golden records: per linked person, the best value of each attribute and the source it came from.

The best value is the one most records of the person support once standardised (so АХМЕТОВ, Ахметов and
Akhmetov support each other), written the way most of those records write it; ties go to the value more
sources agree on, then to the alphabetically first. Every value keeps its support (records) and the number of
sources behind it, so a caseworker sees how sure it is. Only valid IINs are candidates for the IIN."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

GOLDEN = "link.golden"
# attribute -> (standardised key, value shown, condition)
ATTRIBUTES: dict[str, tuple[str, str, str]] = {
    "iin": ("iin", "iin", "iin_valid"),
    "surname": ("surname_key", "surname_raw", "surname_raw IS NOT NULL"),
    "first_name": ("first_key", "first_raw", "first_raw IS NOT NULL"),
    "patronymic": ("father_key", "patronymic_raw", "patronymic_raw IS NOT NULL"),
    "birth_date": ("CAST(birth_date AS VARCHAR)", "CAST(birth_date AS VARCHAR)",
                   "birth_date IS NOT NULL AND NOT birth_month_only"),  # a year and month only is not a date
    "sex": ("sex", "sex", "sex IS NOT NULL"),
    "address": ("address_key", "address_raw", "address_raw IS NOT NULL"),
    "phone": ("phone_key", "phone_key", "phone_key IS NOT NULL"),
}


def build_golden(con: duckdb.DuckDBPyConnection) -> int:
    """``link.golden`` (entity_id, attribute, value, source, support, sources, records) from the last run, one
    attribute at a time: each pass reads every record once and first counts them by (person, key, spelling,
    source), which a person's many records collapse to a few rows, so the ranking works on those and not on the
    records (at 16 M records, ranking all attributes' values at once spilled more than the store's size)."""
    con.execute(f"CREATE OR REPLACE TABLE {GOLDEN} (entity_id VARCHAR, attribute VARCHAR, value VARCHAR, "
                "source VARCHAR, support BIGINT, sources BIGINT, records BIGINT)")
    for name, (key, shown, condition) in ATTRIBUTES.items():
        con.execute(f"""INSERT INTO {GOLDEN}
            WITH counted AS (SELECT e.entity_id, {key} AS key, CAST({shown} AS VARCHAR) AS value, p.source,
                                    count(*) AS n
                             FROM link.person_records p JOIN link.entities e USING (record_id) WHERE {condition}
                             GROUP BY ALL),
            written AS (SELECT entity_id, key, value, sum(n) AS spelled, min(source) AS source
                        FROM counted GROUP BY ALL),
            keyed AS (SELECT entity_id, key, sum(n) AS support, count(DISTINCT source) AS sources
                      FROM counted GROUP BY ALL),
            totals AS (SELECT entity_id, sum(support) AS records FROM keyed GROUP BY ALL),
            ranked AS (SELECT w.*, k.support, k.sources, t.records, row_number() OVER (PARTITION BY w.entity_id
                       ORDER BY k.support DESC, k.sources DESC, w.spelled DESC, w.value) AS rank
                       FROM written w JOIN keyed k USING (entity_id, key) JOIN totals t USING (entity_id))
            SELECT entity_id, '{name}', value, source, support, sources, records FROM ranked WHERE rank = 1""")
    row = con.execute(f"SELECT count(DISTINCT entity_id) FROM {GOLDEN}").fetchone()
    return int(row[0]) if row else 0


@dataclass(frozen=True)
class GoldenValue:
    value: str
    source: str
    """a source that writes the value this way"""
    support: int
    """records of the person that agree with it (standardised)"""
    records: int
    """records of the person that have the attribute at all"""


def golden_record(con: duckdb.DuckDBPyConnection, entity_id: str) -> dict[str, GoldenValue]:
    """The best value of every attribute of one linked person."""
    rows = con.execute(f"SELECT attribute, value, source, support, records FROM {GOLDEN} WHERE entity_id = ?",
                       [entity_id]).fetchall()
    return {a: GoldenValue(str(v), str(s), int(n), int(t)) for a, v, s, n, t in rows}
