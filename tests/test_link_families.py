"""Families come out of SQL connected components exactly as they came out of the union-find on the driver.

The reference is ``build_families`` as it was: marriages in force (a spouse relation with no divorce between the
two) join the couple, an unmarried child joins the family of the mother on record (the smallest, if several),
else of the father; a family is named after the md5 of its smallest member. Drawn relations include divorces,
married children, several mothers, fathers only, and people missing from ``link.entities``."""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from ukimet.link.families import build_families


def reference(con: duckdb.DuckDBPyConnection) -> tuple[int, list[tuple[str, str, str]]]:
    """The driver-side families, as ``build_families`` computed them before the move to SQL."""
    relations = con.execute("SELECT entity_a, relation, entity_b FROM link.relations ORDER BY ALL").fetchall()
    people = [r[0] for r in con.execute("SELECT DISTINCT entity_id FROM link.entities ORDER BY 1").fetchall()]
    divorced = {frozenset((a, b)) for a, kind, b in relations if kind == "divorced"}
    spouses = {frozenset((a, b)) for a, kind, b in relations if kind == "spouse"} - divorced
    parents: dict[str, dict[str, str]] = defaultdict(dict)
    for a, kind, b in relations:
        if kind in ("mother", "father"):
            parents[b].setdefault(kind, a)
    parent = {p: p for p in people}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    married = set()
    for pair in sorted(spouses, key=sorted):
        a, b = sorted(pair)
        if a in parent and b in parent:
            parent[root(b)] = root(a)
            married |= {a, b}
    role = {p: "spouse" if p in married else "single" for p in people}
    for child, known in sorted(parents.items()):
        if child in married or child not in parent:
            continue
        head = known.get("mother") or known.get("father")
        if head is not None and head in parent:
            parent[root(child)] = root(head)
            role[child] = "child"
    groups: dict[str, list[str]] = defaultdict(list)
    for p in people:
        groups[root(p)].append(p)
    family = {p: "f" + hashlib.md5(min(members).encode()).hexdigest()[:15]
              for members in groups.values() for p in members}
    return len(groups), [(p, family[p], role[p]) for p in people]


def draw(con: duckdb.DuckDBPyConnection, seed: int, people: int = 300) -> None:
    rng = random.Random(seed)
    names = [f"{rng.getrandbits(40):010x}" for _ in range(people)]
    present = [n for n in names if rng.random() < 0.95]
    con.execute("CREATE SCHEMA IF NOT EXISTS link")
    con.register("_e", pa.table({"record_id": list(range(len(present))), "entity_id": present}))
    con.execute("CREATE OR REPLACE TABLE link.entities AS SELECT * FROM _e")
    rows: set[tuple[str, str, str]] = set()
    for _ in range(people // 3):
        a, b = rng.sample(names, 2)
        rows.add((a, "spouse", b))
        if rng.random() < 0.2:
            rows.add((rng.choice([a, b]), "divorced", rng.choice([b, a])))
    for _ in range(people):
        a, b = rng.sample(names, 2)
        rows.add((a, rng.choice(["mother", "mother", "father"]), b))
    found = sorted(r for r in rows if r[0] != r[2])
    con.register("_r", pa.table({"entity_a": [r[0] for r in found], "relation": [r[1] for r in found],
                                 "entity_b": [r[2] for r in found]}))
    con.execute("CREATE OR REPLACE TABLE link.relations AS SELECT * FROM _r")


@pytest.fixture
def con() -> Any:
    con = duckdb.connect()
    yield con
    con.close()


@pytest.mark.parametrize("seed", range(12))
def test_families_in_sql_equal_the_union_find(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    draw(con, seed)
    count, expected = reference(con)
    assert build_families(con) == count
    assert con.execute("SELECT entity_id, family_id, role FROM link.families ORDER BY entity_id").fetchall() == expected
    assert {role for _, _, role in expected} == {"spouse", "child", "single"}


def test_without_relations_everybody_is_a_family_of_one(con: duckdb.DuckDBPyConnection) -> None:
    draw(con, 0)
    con.execute("DELETE FROM link.relations")
    count, expected = reference(con)
    assert build_families(con) == count == len(expected)
    assert con.execute("SELECT entity_id, family_id, role FROM link.families ORDER BY entity_id").fetchall() == expected
