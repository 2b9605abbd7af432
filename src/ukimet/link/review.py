"""Clerical review: the candidate pairs the model is least sure of, queued for a person to decide; decisions are
kept in the store (``link.review_decisions``, by record identity, so they survive reruns) and the next run
honours them: 'same person' pairs are merged first, 'different people' pairs are never merged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import duckdb

from ukimet.core.errors import LinkError
from ukimet.link.backend import DuckDBBackend
from ukimet.link.engine import Decisions
from ukimet.link.model import THRESHOLD
from ukimet.link.records import main_records

DECISIONS = "link.review_decisions"
Decision = Literal["same", "different"]
SHOWN = ("surname_raw", "first_raw", "patronymic_raw", "birth_date", "iin")


def _ensure(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS link")
    con.execute(f"""CREATE TABLE IF NOT EXISTS {DECISIONS} (left_record VARCHAR NOT NULL, right_record VARCHAR NOT NULL,
        decision VARCHAR NOT NULL, reviewer VARCHAR NOT NULL, note VARCHAR, decided_at TIMESTAMP NOT NULL)""")
    # a lake table has no keys or checks: decide() keeps one row per pair and only the two decisions


@dataclass(frozen=True)
class ReviewPair:
    left: str
    """record identity: source/table/party/key"""
    right: str
    weight: float
    left_shown: tuple[str | None, ...]
    """surname, first name, patronymic, birth date, IIN as the record has them"""
    right_shown: tuple[str | None, ...]
    held_back: str | None = None
    """the one field that kept this pair under the threshold (without it, merged), if one did"""


def queue(con: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD, margin: float = 4.0,
          limit: int = 50) -> list[ReviewPair]:
    """Undecided pairs whose weight is within ``margin`` of the threshold: first the near-misses one field held
    back (under the threshold, over it without that field's weight: an address that moved, a mistyped date),
    then the others, closest first."""
    _ensure(con)
    shown = ", ".join(f"CAST(r.{c} AS VARCHAR) AS shown_{c}" for c in SHOWN)
    fields = [str(r[0])[2:] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'link' AND table_name = 'pair_scores' "
        "AND starts_with(column_name, 'w_') ORDER BY column_index").fetchall()]
    worst = f"least({', '.join(f's.w_{f}' for f in fields)})" if fields else "0.0"
    held = (f"CASE WHEN s.weight < {threshold!r} AND {worst} < 0 AND s.weight - {worst} >= {threshold!r} THEN "
            + "CASE " + " ".join(f"WHEN s.w_{f} = {worst} THEN '{f}'" for f in fields) + " END END") if fields \
        else "CAST(NULL AS VARCHAR)"
    rows = con.execute(f"""WITH first AS (SELECT p.record_id AS profile_id,
            concat_ws('/', r.source, r.source_table, r.party, r.record_key) AS identity, {shown}
            FROM link.profiles p JOIN link.person_records r ON r.record_id = p.first_record
            WHERE {main_records(con)})
        SELECT a.identity, b.identity, s.weight, a.* EXCLUDE (profile_id, identity), b.* EXCLUDE (profile_id, identity),
            {held} AS held_back
        FROM link.pair_scores s JOIN first a ON a.profile_id = s.l_id JOIN first b ON b.profile_id = s.r_id
        WHERE NOT s.conflict AND abs(s.weight - ?) <= ?
          AND NOT EXISTS (SELECT 1 FROM {DECISIONS} d WHERE (d.left_record, d.right_record) IN
                          ((a.identity, b.identity), (b.identity, a.identity)))
        ORDER BY held_back IS NULL, abs(s.weight - ?), a.identity, b.identity LIMIT ?""",
                       [threshold, margin, threshold, limit]).fetchall()
    n = len(SHOWN)
    return [ReviewPair(r[0], r[1], float(r[2]), tuple(r[3:3 + n]), tuple(r[3 + n:3 + 2 * n]), r[3 + 2 * n])
            for r in rows]


def decide(con: duckdb.DuckDBPyConnection, left: str, right: str, decision: Decision, reviewer: str,
           note: str | None = None) -> None:
    """Record a decision about two records (by identity); a later decision on the same pair replaces it."""
    if decision not in ("same", "different"):
        raise LinkError("link.decision", decision=decision)
    _ensure(con)
    known = {r[0] for r in con.execute(
        "SELECT concat_ws('/', source, source_table, party, record_key) FROM link.person_records WHERE "
        "concat_ws('/', source, source_table, party, record_key) IN (?, ?)", [left, right]).fetchall()}
    missing = [x for x in (left, right) if x not in known]
    if missing:
        raise LinkError("link.review_record", record=missing[0])
    a, b = sorted((left, right))
    con.execute("BEGIN")
    try:
        con.execute(f"DELETE FROM {DECISIONS} WHERE left_record = ? AND right_record = ?", [a, b])
        con.execute(f"INSERT INTO {DECISIONS} VALUES (?, ?, ?, ?, ?, ?)",
                    [a, b, decision, reviewer, note, dt.datetime.now(dt.UTC).replace(tzinfo=None)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def decisions(store: DuckDBBackend) -> Decisions:
    """Every recorded decision, for the next run."""
    _ensure(store.con)
    rows = store.fetch(f"SELECT left_record, right_record, decision FROM {DECISIONS} ORDER BY 1, 2")
    return Decisions([(a, b) for a, b, d in rows if d == "same"], [(a, b) for a, b, d in rows if d == "different"])
