"""Linkage of person records, in SQL on DuckDB: blocking, comparison vectors, Fellegi-Sunter weights and
constrained clustering.

- Candidate pairs come from several blocking rules (same IIN; same birth date and surname stem; same birth date
  and first name; same surname, first name and father's name), so one bad field never hides a match.
- Each pair gets a comparison level per field; match weights are log2(m/u): u from random pairs, m estimated
  without labels by expectation-maximisation over the candidate pairs.
- Clustering merges pairs from the strongest down and never puts two different valid IINs in one entity; a
  pair whose valid IINs differ is never a match, whatever else agrees (twins, namesakes).
- Records whose standardised evidence is identical (a pension contribution per month, say) are one profile:
  pairs are formed between profiles, and every record takes its profile's entity.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb

SCHEMA = "link"
NODES = f"{SCHEMA}.profiles"
"""What is paired and clustered: distinct standardised profiles, not raw records."""
EVIDENCE = ("iin", "iin_valid", "surname_key", "surname_stem", "first_key", "father_key", "birth_date", "sex")
MAX_BLOCK = 400
"""Blocks larger than this are skipped by a rule: a name shared by thousands says nothing."""
BLOCKING = (
    "l.iin = r.iin",
    "l.birth_date = r.birth_date AND l.surname_stem = r.surname_stem",
    "l.birth_date = r.birth_date AND l.first_key = r.first_key",
    "l.surname_stem = r.surname_stem AND l.first_key = r.first_key AND l.father_key = r.father_key",
)
BLOCK_KEYS = (("iin",), ("birth_date", "surname_stem"), ("birth_date", "first_key"),
              ("surname_stem", "first_key", "father_key"))

# field -> SQL giving the level (0 = no information; higher = stronger agreement; 1 = disagreement)
LEVELS: dict[str, str] = {
    "iin": """CASE WHEN l.iin IS NULL OR r.iin IS NULL THEN 0
        WHEN l.iin = r.iin THEN 4
        WHEN l.iin_valid AND r.iin_valid THEN 1
        WHEN levenshtein(l.iin, r.iin) <= 1 OR (left(l.iin, 10) = left(r.iin, 10)) THEN 3
        ELSE 2 END""",
    "birth_date": """CASE WHEN l.birth_date IS NULL OR r.birth_date IS NULL THEN 0
        WHEN l.birth_date = r.birth_date THEN 3
        WHEN year(l.birth_date) = year(r.birth_date) AND (month(l.birth_date) = month(r.birth_date)
             OR day(l.birth_date) = day(r.birth_date)) THEN 2 ELSE 1 END""",
    "surname": """CASE WHEN l.surname_key IS NULL OR r.surname_key IS NULL THEN 0
        WHEN l.surname_key = r.surname_key THEN 4
        WHEN l.surname_stem = r.surname_stem THEN 3
        WHEN jaro_winkler_similarity(l.surname_stem, r.surname_stem) >= 0.9 THEN 2 ELSE 1 END""",
    "first": """CASE WHEN l.first_key IS NULL OR r.first_key IS NULL THEN 0
        WHEN l.first_key = r.first_key THEN 3
        WHEN jaro_winkler_similarity(l.first_key, r.first_key) >= 0.9 THEN 2 ELSE 1 END""",
    "father": """CASE WHEN l.father_key IS NULL OR r.father_key IS NULL THEN 0
        WHEN l.father_key = r.father_key THEN 3
        WHEN jaro_winkler_similarity(l.father_key, r.father_key) >= 0.88 THEN 2 ELSE 1 END""",
    "sex": """CASE WHEN l.sex IS NULL OR r.sex IS NULL THEN 0 WHEN l.sex = r.sex THEN 2 ELSE 1 END""",
}
FIELDS = tuple(LEVELS)


@dataclass
class Model:
    """Per field and level, m = P(level | match) and u = P(level | non-match); and the prior match share."""

    m: dict[str, dict[int, float]] = field(default_factory=dict)
    u: dict[str, dict[int, float]] = field(default_factory=dict)
    prior: float = 0.01

    def weight(self, name: str, level: int) -> float:
        if level == 0:
            return 0.0
        return math.log2(self.m[name].get(level, 1e-6) / self.u[name].get(level, 1e-6))


def _vectors(con: duckdb.DuckDBPyConnection, pairs: str, out: str) -> None:
    levels = ", ".join(f"({sql}) AS {name}" for name, sql in LEVELS.items())
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {out} AS SELECT p.l_id, p.r_id, l.iin_valid AND r.iin_valid
        AND l.iin <> r.iin AS conflict, {levels} FROM {pairs} p
        JOIN {NODES} l ON l.record_id = p.l_id
        JOIN {NODES} r ON r.record_id = p.r_id""")


def candidate_pairs(con: duckdb.DuckDBPyConnection) -> int:
    """All pairs any blocking rule proposes, once each."""
    rules = []
    for rule, keys in zip(BLOCKING, BLOCK_KEYS, strict=True):
        small = " AND ".join(f"{k} IS NOT NULL" for k in keys)
        group = ", ".join(keys)
        rules.append(f"""SELECT l.record_id AS l_id, r.record_id AS r_id FROM
            (SELECT * FROM {NODES} WHERE {small} AND ({group}) IN (SELECT ({group}) FROM
             {NODES} WHERE {small} GROUP BY {group} HAVING count(*) <= {MAX_BLOCK})) l
            JOIN {NODES} r ON {rule} AND l.record_id < r.record_id""")
    con.execute(f"CREATE OR REPLACE TEMP TABLE pairs AS SELECT DISTINCT * FROM ({' UNION ALL '.join(rules)})")
    _vectors(con, "pairs", "vectors")
    count = con.execute("SELECT count(*) FROM vectors").fetchone()
    return int(count[0]) if count else 0


def estimate_u(con: duckdb.DuckDBPyConnection, sample: int = 200_000, seed: int = 42) -> dict[str, dict[int, float]]:
    """Level frequencies among random pairs: almost all non-matches."""
    con.execute(f"SELECT setseed({(seed % 1000) / 1000})")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE random_pairs AS SELECT a.record_id AS l_id, b.record_id AS r_id
        FROM (SELECT record_id, row_number() OVER () AS n FROM (SELECT record_id FROM {NODES}
              ORDER BY random() LIMIT {sample})) a
        JOIN (SELECT record_id, row_number() OVER () AS n FROM (SELECT record_id FROM {NODES}
              ORDER BY random() LIMIT {sample})) b ON a.n = b.n AND a.record_id <> b.record_id""")
    _vectors(con, "random_pairs", "random_vectors")
    return {name: _shares(con, "random_vectors", name, smoothing=1.0) for name in FIELDS}


def _shares(con: duckdb.DuckDBPyConnection, table: str, name: str, smoothing: float = 0.0) -> dict[int, float]:
    rows = con.execute(f"SELECT {name}, count(*) FROM {table} WHERE {name} > 0 GROUP BY 1").fetchall()
    total = sum(float(n) for _, n in rows) + smoothing * 4
    return {int(level): (float(n) + smoothing) / total for level, n in rows} if total else {}


TOP = {"iin": 4, "birth_date": 3, "surname": 4, "first": 3, "father": 3, "sex": 2}


def estimate_m(con: duckdb.DuckDBPyConnection, u: dict[str, dict[int, float]], iterations: int = 20) -> Model:
    """Expectation-maximisation without labels, over the distinct patterns of levels the candidate pairs show
    (a few hundred, with their counts), starting from 'the strongest level means a match'."""
    names = ", ".join(FIELDS)
    patterns = con.execute(f"SELECT {names}, count(*) FROM vectors WHERE NOT conflict GROUP BY ALL").fetchall()
    model = Model({n: {lvl: (0.8 if lvl == TOP[n] else 0.2 / (TOP[n] - 1)) for lvl in range(1, TOP[n] + 1)}
                   for n in FIELDS}, u, prior=0.3)
    for _ in range(iterations):
        logit = math.log2(model.prior / (1 - model.prior))
        expected: dict[str, dict[int, float]] = {n: {} for n in FIELDS}
        matches = total = 0.0
        for *levels, count in patterns:
            weight = logit + sum(model.weight(n, lvl) for n, lvl in zip(FIELDS, levels, strict=True))
            p = 1 / (1 + 2 ** -max(min(weight, 60), -60))
            matches += p * count
            total += count
            for n, lvl in zip(FIELDS, levels, strict=True):
                if lvl:
                    expected[n][lvl] = expected[n].get(lvl, 0.0) + p * count
        model.prior = min(max(matches / max(total, 1), 1e-4), 0.999)
        model.m = {n: {lvl: (v + 0.5) / (sum(expected[n].values()) + 0.5 * TOP[n])
                       for lvl, v in expected[n].items()} for n in FIELDS}
    return model


def score(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    terms = " + ".join(
        f"CASE {name} " + " ".join(f"WHEN {lvl} THEN {model.weight(name, lvl)}" for lvl in model.m[name])
        + " ELSE 0 END" for name in FIELDS if model.m.get(name)) or "0"
    con.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.pair_scores AS SELECT l_id, r_id, conflict, "
                f"{', '.join(FIELDS)}, CASE WHEN conflict THEN -99.0 ELSE {terms} END AS weight FROM vectors")


def cluster(con: duckdb.DuckDBPyConnection, threshold: float) -> int:
    """Merge pairs above ``threshold`` (a match weight), strongest first, never joining two valid IINs."""
    valid = dict(con.execute(f"SELECT record_id, iin FROM {NODES} WHERE iin_valid").fetchall())
    ids = [r[0] for r in con.execute(f"SELECT record_id FROM {NODES}").fetchall()]
    parent = {i: i for i in ids}
    iins: dict[int, str | None] = {i: valid.get(i) for i in ids}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges = con.execute(f"SELECT l_id, r_id FROM {SCHEMA}.pair_scores WHERE weight >= {threshold} "
                        "ORDER BY weight DESC, l_id, r_id").fetchall()
    for left, right in edges:
        a, b = root(left), root(right)
        if a == b:
            continue
        if iins[a] is not None and iins[b] is not None and iins[a] != iins[b]:
            continue  # two different valid IINs are never one person
        keep, gone = (a, b) if a < b else (b, a)
        parent[gone] = keep
        iins[keep] = iins[keep] or iins[gone]
    rows = [(i, root(i)) for i in ids]
    _store_entities(con, rows)
    return len({e for _, e in rows})


def _store_entities(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[int, int]]) -> None:
    import pyarrow as pa

    table = pa.table({"record_id": pa.array([r[0] for r in rows], pa.int64()),
                      "entity_id": pa.array([r[1] for r in rows], pa.int64())})
    con.register("_entities", table)
    con.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.profile_entities AS SELECT * FROM _entities")
    con.unregister("_entities")


def profiles(con: duckdb.DuckDBPyConnection) -> int:
    """Collapse records with identical evidence into profiles; keep which profile each record is."""
    fields = ", ".join(EVIDENCE)
    con.execute(f"""CREATE OR REPLACE TABLE {NODES} AS SELECT row_number() OVER (ORDER BY first_record) AS record_id,
        * FROM (SELECT {fields}, min(record_id) AS first_record, count(*) AS records
                FROM {SCHEMA}.person_records GROUP BY ALL)""")
    same = " AND ".join(f"r.{f} IS NOT DISTINCT FROM p.{f}" for f in EVIDENCE)
    con.execute(f"""CREATE OR REPLACE TABLE {SCHEMA}.record_profiles AS SELECT r.record_id, p.record_id AS profile_id
        FROM {SCHEMA}.person_records r JOIN {NODES} p ON {same}""")
    count = con.execute(f"SELECT count(*) FROM {NODES}").fetchone()
    return int(count[0]) if count else 0


def link(con: duckdb.DuckDBPyConnection, threshold: float = 6.0) -> dict[str, float]:
    """Link ``link.person_records`` into ``link.entities`` (record_id, entity_id); return what happened."""
    nodes = profiles(con)
    pairs = candidate_pairs(con)
    u = estimate_u(con)
    model = estimate_m(con, u)
    score(con, model)
    entities = cluster(con, threshold)
    # an entity's id comes from its smallest member's own identity (source, table, party, key), not from
    # internal numbering: the same data linked again gives the same ids
    con.execute(f"""CREATE OR REPLACE TABLE {SCHEMA}.entities AS
        WITH members AS (SELECT rp.record_id, e.entity_id AS cluster, concat_ws('/', r.source, r.source_table,
                             r.party, r.record_key) AS identity
                         FROM {SCHEMA}.record_profiles rp
                         JOIN {SCHEMA}.profile_entities e ON e.record_id = rp.profile_id
                         JOIN {SCHEMA}.person_records r ON r.record_id = rp.record_id),
             named AS (SELECT cluster, CAST(hash(min(identity)) >> 1 AS BIGINT) AS entity_id FROM members
                       GROUP BY cluster)
        SELECT m.record_id, n.entity_id FROM members m JOIN named n USING (cluster)""")
    return {"profiles": nodes, "candidate_pairs": pairs, "entities": entities, "prior": model.prior}
