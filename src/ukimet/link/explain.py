"""Why two records are (or are not) one person: the total match weight of their profiles and each field's
contribution, with the level of agreement in words, under the model of the last run."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from ukimet.core.errors import LinkError
from ukimet.link.backend import DuckDBBackend
from ukimet.link.engine import IDENTITY, Spec, score, vectors
from ukimet.link.model import THRESHOLD, Model, meaning
from ukimet.link.records import main_records
from ukimet.sync.store import TABLES


@dataclass(frozen=True)
class Contribution:
    field: str
    level: int
    meaning: str
    weight: float


@dataclass(frozen=True)
class Explanation:
    left: str
    right: str
    weight: float
    """log2 of the odds of a match (before the prior); the run merges pairs at or above its threshold"""
    probability: float
    """of a match, with the run's prior"""
    conflict: bool
    """two different valid IINs: never one person, whatever else agrees"""
    contributions: tuple[Contribution, ...]
    same_entity: bool

    def held_back(self, threshold: float = THRESHOLD) -> Contribution | None:
        """The field that kept a pair under the threshold: the one weighing most against it, when without it the
        pair would have been merged (None for a pair merged, two different valid IINs, or one that more than one
        field keeps apart)."""
        if self.conflict or self.weight >= threshold:
            return None
        worst = min(self.contributions, key=lambda c: c.weight, default=None)
        return worst if worst is not None and worst.weight < 0 and self.weight - worst.weight >= threshold else None


def _profile(con: duckdb.DuckDBPyConnection, identity: str) -> tuple[int, str | None]:
    row = con.execute(f"""SELECT rp.profile_id, e.entity_id FROM link.person_records r
        JOIN link.record_profiles rp ON rp.record_id = r.record_id
        LEFT JOIN link.entities e ON e.record_id = r.record_id
        WHERE {IDENTITY} = ? AND {main_records(con)}""", [identity]).fetchone()
    if row is None:
        raise LinkError("link.no_record", record=identity)
    return int(row[0]), row[1]


def explain(con: duckdb.DuckDBPyConnection, left: str, right: str) -> Explanation:
    """The comparison of two records (identities source/table/party/key), field by field."""
    if not con.execute(f"SELECT 1 FROM {TABLES} WHERE table_schema = 'link' AND table_name = 'model'").fetchall():
        raise LinkError("link.no_model")
    model = Model.from_rows(con.execute("SELECT field, level, m, u FROM link.model").fetchall())
    (a, entity_a), (b, entity_b) = _profile(con, left), _profile(con, right)
    db = DuckDBBackend(con, temporary=True)  # nothing published: no snapshot for a question
    db.put("asked_pair", pa.table({"l_id": pa.array([a], pa.int64()), "r_id": pa.array([b], pa.int64())}))
    vectors(db, "asked_pair", "asked_vector", Spec.of(db))
    score(db, model, "asked_vector", "asked_score")
    columns = ", ".join(f"{n}, w_{n}" for n in model.fields)
    row = con.execute(f"SELECT conflict, weight, {columns} FROM asked_score").fetchone()
    assert row is not None
    conflict, weight = bool(row[0]), float(row[1])
    parts = tuple(Contribution(n, int(row[2 + 2 * i]), meaning(n, int(row[2 + 2 * i])), float(row[3 + 2 * i]))
                  for i, n in enumerate(model.fields))
    if a == b:  # identical evidence: one profile, compared with itself
        weight = sum(p.weight for p in parts)
    odds = 2 ** max(min(weight, 60), -60) * model.prior / (1 - model.prior)
    return Explanation(left, right, weight, 0.0 if conflict else odds / (1 + odds), conflict, parts,
                       entity_a is not None and entity_a == entity_b)
