"""Clustering in the engine gives exactly what the strongest-first merge on the driver gave.

The reference below is the algorithm linkage used before clustering moved into SQL: every pair at or above the
threshold fetched to Python, the clerk's 'same' pairs first, then ``ORDER BY weight DESC, l_id, r_id``, merged
with a union-find that never joins two valid IINs, two profiles a clerk set apart, or two existing entities, and
keeps the smaller root. ``cluster`` must agree with it on every profile (entity and existing entity), on graphs
drawn to make those constraints bite: ties in weight, conflicting IINs, 'apart' and 'same' decisions, existing
entities side by side, long chains."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from ukimet.core.errors import LinkError
from ukimet.link.backend import Backend, DuckDBBackend, Row
from ukimet.link.components import connected_components
from ukimet.link.engine import NODES, Decisions, cluster, guard

THRESHOLD = 6.0


def reference(db: Backend, threshold: float, decisions: Decisions | None = None,
              known: dict[int, str] | None = None) -> list[tuple[int, int, str | None]]:
    """The driver-side clustering as it was (engine.cluster before the move), returning its rows."""
    same, different = (decisions or Decisions()).profile_pairs(db)
    known = known or {}
    valid: dict[int, str] = dict(db.fetch(f"SELECT record_id, iin FROM {NODES} WHERE iin_valid"))
    ids = [int(r[0]) for r in db.fetch(f"SELECT record_id FROM {NODES} ORDER BY record_id")]
    parent = {i: i for i in ids}
    iins: dict[int, str | None] = {i: valid.get(i) for i in ids}
    apart: dict[int, set[int]] = {}
    for a, b in different:
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    members: dict[int, set[int]] = {i: {i} for i in apart}
    anchor: dict[int, str] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of: dict[str, int] = {}
    for profile, entity in sorted(known.items()):
        a = root(first_of.setdefault(entity, profile))
        parent[profile] = a
        anchor[a] = entity
        iins[a] = iins[a] or iins[profile]
    edges = db.fetch(f"SELECT l_id, r_id FROM link.pair_scores WHERE weight >= {threshold!r} "
                     "ORDER BY weight DESC, l_id, r_id")
    for left, right in [*same, *edges]:
        a, b = root(int(left)), root(int(right))
        if a == b:
            continue
        if a in anchor and b in anchor:
            continue
        if iins[a] is not None and iins[b] is not None and iins[a] != iins[b]:
            continue
        if apart and (apart.get(a, set()) & members.get(b, {b}) or apart.get(b, set()) & members.get(a, {a})):
            continue
        keep, gone = (a, b) if a < b else (b, a)
        parent[gone] = keep
        iins[keep] = iins[keep] or iins[gone]
        if gone in anchor:
            anchor[keep] = anchor.pop(gone)
        if apart:
            apart[keep] = apart.get(keep, set()) | apart.pop(gone, set())
            members[keep] = members.get(keep, {keep}) | members.pop(gone, {gone})
    return [(i, root(i), anchor.get(root(i))) for i in ids]


def identity(profile: int) -> str:
    return f"src/tbl/p/{profile}"


def random_graph(db: Backend, seed: int, nodes: int = 400) -> tuple[Decisions, dict[int, str]]:
    """Profiles in small groups (a person's records) joined inside by strong pairs, with namesakes' weaker
    pairs across groups, a few long chains, a shared pool of IINs (so that groups holding two valid IINs
    occur), weights from a short list (ties), some pairs under the threshold; decisions and existing entities."""
    rng = random.Random(seed)
    order = list(range(1, nodes + 1))
    rng.shuffle(order)  # ids unrelated to the shape: chains and groups in any id order
    groups: list[list[int]] = []
    at = 0
    while at < nodes:
        size = rng.choice([1, 1, 2, 2, 3, 4, 6]) if rng.random() > 0.03 else rng.randint(20, 60)
        groups.append(order[at:at + size])
        at += size
    weights = [4.0, 6.0, 6.0, 8.5, 8.5, 11.0, 15.25]
    edges: dict[tuple[int, int], float] = {}

    def join(x: int, y: int, weight: float) -> None:
        if x != y:
            edges[(min(x, y), max(x, y))] = weight

    for group in groups:
        for x, y in itertools.pairwise(group):  # a chain through the group
            join(x, y, rng.choice(weights))
        for _ in range(len(group) // 2):
            join(rng.choice(group), rng.choice(group), rng.choice(weights))
    for _ in range(nodes // 4):  # namesakes across groups
        join(rng.randint(1, nodes), rng.randint(1, nodes), rng.choice(weights[:4]))
    pool = [f"{n:012d}" for n in range(nodes // 3)]
    iin = [rng.choice(pool) if rng.random() < 0.5 else None for _ in range(nodes)]
    valid = [value is not None and rng.random() < 0.85 for value in iin]
    db.put(NODES, pa.table({"record_id": pa.array(range(1, nodes + 1), pa.int64()), "iin": iin,
                            "iin_valid": valid}))
    pairs = sorted(edges.items())
    db.put("link.pair_scores", pa.table({"l_id": pa.array([p[0][0] for p in pairs], pa.int64()),
                                         "r_id": pa.array([p[0][1] for p in pairs], pa.int64()),
                                         "weight": pa.array([p[1] for p in pairs], pa.float64())}))
    ids = list(range(1, nodes + 1))
    db.put("link.person_records", pa.table({"record_id": pa.array(ids, pa.int64()), "source": ["src"] * nodes,
                                            "source_table": ["tbl"] * nodes, "party": ["p"] * nodes,
                                            "record_key": [str(i) for i in ids]}))
    db.put("link.record_profiles", pa.table({"record_id": pa.array(ids, pa.int64()),
                                             "profile_id": pa.array(ids, pa.int64())}))
    near = [p[0] for p in pairs]
    apart = [rng.choice(near) for _ in range(nodes // 40)] + [(rng.choice(ids), rng.choice(ids))]
    same = [(rng.choice(ids), rng.choice(ids)) for _ in range(nodes // 80)]
    decisions = Decisions(same=[(identity(a), identity(b)) for a, b in same],
                          apart=[(identity(a), identity(b)) for a, b in apart])
    known: dict[int, str] = {}
    if seed % 2:  # an incremental run: existing entities, some of them neighbours
        for group in rng.sample(groups, len(groups) // 4):
            entity = f"e{rng.randint(0, len(groups) // 5)}"
            for profile in group:
                if rng.random() < 0.8:
                    known[profile] = entity
    return decisions, known


def clustered(db: Backend) -> list[tuple[int, int, str | None]]:
    return [(int(r), int(e), k) for r, e, k in
            db.fetch("SELECT record_id, entity_id, known FROM link.profile_entities ORDER BY record_id")]


@pytest.fixture
def db() -> Any:
    con = duckdb.connect()
    yield DuckDBBackend(con)
    con.close()


@pytest.mark.parametrize("seed", range(24))
def test_clustering_in_sql_equals_the_strongest_first_merge(db: Backend, seed: int) -> None:
    decisions, known = random_graph(db, seed)
    expected = reference(db, THRESHOLD, decisions, known)
    entities = cluster(db, THRESHOLD, decisions, known)
    assert clustered(db) == expected
    assert entities == len({e for _, e, _ in expected})
    assert db.count("cluster_conflicts") > 0  # the constraints did bite: some components were replayed


def test_without_decisions_or_existing_entities(db: Backend) -> None:
    random_graph(db, 100)
    expected = reference(db, THRESHOLD)
    assert cluster(db, THRESHOLD) == len({e for _, e, _ in expected})
    assert clustered(db) == expected


def test_a_component_without_conflict_is_one_entity_named_by_its_smallest_profile(db: Backend) -> None:
    db.put(NODES, pa.table({"record_id": pa.array([1, 2, 3, 4, 5], pa.int64()), "iin": ["A", None, "A", "B", None],
                            "iin_valid": [True, False, True, True, False]}))
    db.put("link.pair_scores", pa.table({"l_id": pa.array([1, 3, 2], pa.int64()),
                                         "r_id": pa.array([3, 5, 4], pa.int64()), "weight": [7.0, 9.0, 8.0]}))
    assert cluster(db, THRESHOLD, known={4: "old"}) == 2
    assert clustered(db) == [(1, 1, None), (2, 2, "old"), (3, 1, None), (4, 2, "old"), (5, 1, None)]
    assert db.count("cluster_conflicts") == 0


class Spy(DuckDBBackend):
    """A DuckDB backend that remembers what came back to Python."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        super().__init__(con)
        self.fetched: list[tuple[str, int]] = []

    def fetch(self, sql: str) -> list[Row]:
        rows = super().fetch(sql)
        self.fetched.append((sql, len(rows)))
        return rows


def test_the_pairs_never_come_to_the_driver() -> None:
    con = duckdb.connect()
    db = Spy(con)
    decisions, known = random_graph(db, 7)
    db.fetched.clear()
    cluster(db, THRESHOLD, decisions, known)
    assert not [sql for sql, _ in db.fetched if "pair_scores" in sql]
    assert max(n for _, n in db.fetched) <= len(decisions.same) + len(decisions.apart)
    con.close()


def test_components_of_a_long_chain_settle_in_logarithmic_rounds(db: Backend) -> None:
    n = 5000
    order = list(range(n))
    random.Random(3).shuffle(order)
    db.put("chain", pa.table({"a": order[:-1], "b": order[1:]}))
    rounds = connected_components(db, "SELECT a, b FROM chain", "cc")
    assert db.fetch("SELECT count(*), count(DISTINCT component), min(component) FROM cc") == [(n, 1, 0)]
    assert rounds <= 3 * math.log2(n)


def test_components_that_do_not_settle_within_the_limit_are_refused_not_returned_half_done(db: Backend) -> None:
    order = list(range(2000))
    random.Random(5).shuffle(order)
    db.put("chain", pa.table({"a": order[:-1], "b": order[1:]}))
    with pytest.raises(LinkError, match="did not settle in 2 rounds"):
        connected_components(db, "SELECT a, b FROM chain", "cc", max_rounds=2)


def test_components_of_strings_take_the_smallest_name(db: Backend) -> None:
    db.put("pairs", pa.table({"a": ["m", "k", "x", "q"], "b": ["k", "z", "y", "q"]}))
    connected_components(db, "SELECT a, b FROM pairs", "cc")
    assert sorted(db.fetch("SELECT node, component FROM cc")) == [
        ("k", "k"), ("m", "k"), ("q", "q"), ("x", "x"), ("y", "x"), ("z", "k")]


def _profiles(db: Backend, firsts: list[str | None], births: list[str | None], sources: list[str] | None = None,
              iins: list[str | None] | None = None) -> None:
    """Profiles 1..n with these first-name sounds, dates of birth, IINs and the source of each one's record."""
    n = len(firsts)
    db.put(NODES, pa.table({"record_id": pa.array(range(1, n + 1), pa.int64()), "first_sound": firsts,
                            "birth_date": pa.array(births, pa.string()).cast(pa.date32()),
                            "birth_month_only": [False] * n, "iin": pa.array(iins or [None] * n, pa.string())}))
    db.put("link.record_profiles", pa.table({"record_id": pa.array(range(1, n + 1), pa.int64()),
                                             "profile_id": pa.array(range(1, n + 1), pa.int64())}))
    db.put("link.person_records", pa.table({"record_id": pa.array(range(1, n + 1), pa.int64()),
                                            "source": sources or [f"s{i}" for i in range(n)]}))


def _one_entity(db: Backend, pairs: list[tuple[int, int, float]], same_phone: tuple[tuple[int, int], ...] = ()) -> None:
    """The profiles (``_profiles``) as one entity, and the scored pairs (left, right, weight) between them; the
    pairs in ``same_phone`` agree on a phone, the others have none to compare (level 0)."""
    db.put("link.pair_scores", pa.table({"l_id": pa.array([p[0] for p in pairs], pa.int64()),
                                         "r_id": pa.array([p[1] for p in pairs], pa.int64()),
                                         "weight": pa.array([p[2] for p in pairs], pa.float64()),
                                         "phone": [2 if p[:2] in same_phone else 0 for p in pairs],
                                         "email": [0] * len(pairs)}))
    n = db.count(NODES)
    db.put("link.profile_entities", pa.table({"record_id": pa.array(range(1, n + 1), pa.int64()),
                                              "entity_id": pa.array([1] * n, pa.int64()),
                                              "known": pa.array([None] * n, pa.string())}))


def test_an_entity_of_look_alikes_with_several_first_names_and_birth_dates_is_split_on_strong_pairs(db) -> None:
    # 1-3: three men, strongly linked to their own second records 4-6; 7 names only what all three share and
    # chains them weakly into one entity of 7 profiles, 3 first names and 3 dates of birth
    firsts = ["srk", "smt", "sltn", "srk", "smt", "sltn", None]
    births = ["1961-02-03", "1975-06-07", "1988-09-10", "1961-02-03", "1975-06-07", "1988-09-10", None]
    _profiles(db, firsts, births)
    strong, weak = 20.0, 1.0
    pairs = [(1, 4, strong), (2, 5, strong), (3, 6, strong), (1, 7, weak), (2, 7, weak), (3, 7, weak)]
    _one_entity(db, pairs)
    assert guard(db, 0.0) == {"split": 1, "parts": 4}
    parts = dict(db.fetch("SELECT record_id, entity_id FROM link.profile_entities"))
    assert parts[1] == parts[4] and parts[2] == parts[5] and parts[3] == parts[6]
    assert len({parts[1], parts[2], parts[3], parts[7]}) == 4
    assert db.fetch("SELECT was_entity, profiles, parts FROM link.suspicious") == [(1, 7, 4)]


def test_an_entity_of_one_person_with_a_typo_in_the_date_is_left_whole(db) -> None:
    _profiles(db, ["srk"] * 4, ["1961-02-03", "1961-03-02", "1961-02-03", None])
    _one_entity(db, [(1, 2, 5.0), (2, 3, 5.0), (3, 4, 5.0)])
    assert guard(db, 0.0) == {"split": 0, "parts": 0}
    assert {e for _, e in db.fetch("SELECT record_id, entity_id FROM link.profile_entities")} == {1}


def test_an_entity_whose_two_dates_of_birth_are_each_written_by_two_sources_is_two_persons(db) -> None:
    """Lyudmila Lebedeva born 19 September 1956 (bank, clinic) and another born the 16th (bank, marriage register),
    a typo apart and chained by a look-alike pair: a mistyped date is one agency's slip, not two agencies'. Pairs
    across the two dates are cut unless they share an IIN; a record with no full date joins only by a strong pair."""
    _profiles(db, ["ldml"] * 5, ["1956-09-19", "1956-09-19", "1956-09-16", "1956-09-16", None],
              ["bank", "clinic", "bank", "marriage", "migration"])
    pairs = [(1, 2, 20.0), (3, 4, 8.0), (1, 3, 4.0), (2, 4, 3.0), (4, 5, 2.0), (1, 5, 12.0)]
    _one_entity(db, pairs)
    assert guard(db, 0.0) == {"split": 1, "parts": 2}
    parts = dict(db.fetch("SELECT record_id, entity_id FROM link.profile_entities"))
    assert parts[1] == parts[2] == parts[5] and parts[3] == parts[4] and parts[1] != parts[3]


def test_two_dates_of_birth_one_of_them_written_once_are_a_typo_and_stay_one_person(db) -> None:
    _profiles(db, ["ldml"] * 4, ["1956-09-19", "1956-09-19", "1956-09-16", "1956-09-19"],
              ["bank", "clinic", "bank", "bank"])
    _one_entity(db, [(1, 2, 5.0), (2, 3, 5.0), (3, 4, 5.0)])
    assert guard(db, 0.0) == {"split": 0, "parts": 0}


def test_namesakes_born_decades_apart_and_chained_by_a_record_with_no_date_are_parted(db) -> None:
    """Valentina Ivanova born 1960 (two records) and another born 2001, each date written by one source, joined
    only through an emergency contact's "Valentina Ivanova" with no date: no slip makes one date of the other,
    so the two are two persons; the dateless record stays with neither on a weak pair."""
    _profiles(db, ["vlntn"] * 4, ["1960-09-09", "1960-09-09", "2001-04-29", None],
              ["court", "court", "court", "hospital"])
    _one_entity(db, [(1, 2, 20.0), (1, 4, 6.0), (3, 4, 6.0)])
    assert guard(db, 0.0) == {"split": 1, "parts": 3}
    parts = dict(db.fetch("SELECT record_id, entity_id FROM link.profile_entities"))
    assert parts[1] == parts[2] and len({parts[1], parts[3], parts[4]}) == 3


def test_a_record_with_no_date_stays_with_the_person_whose_phone_it_gives(db) -> None:
    """An emergency contact, "Aygul Sarsenbaeva" and a phone, in an entity the guard parts: it stays with the
    Aygul of its phone (a weak pair by weight, but one phone), not with the namesake of the name alone."""
    _profiles(db, ["akl"] * 4, ["1963-05-23", "1963-05-23", "1994-03-13", None], ["court", "utility", "court", "hosp"])
    _one_entity(db, [(1, 2, 20.0), (2, 4, 3.0), (3, 4, 1.0)], same_phone=((2, 4),))
    assert guard(db, 0.0) == {"split": 1, "parts": 2}
    parts = dict(db.fetch("SELECT record_id, entity_id FROM link.profile_entities"))
    assert parts[1] == parts[2] == parts[4] != parts[3]


def test_a_date_mistyped_beyond_a_slip_stays_with_its_person_on_a_strong_pair(db) -> None:
    """One register's duplicate whose date lost two digits (1956-05-13, 1965-08-13): far apart as dates, but the
    pair is strong on everything else, and the date is written once."""
    _profiles(db, ["smn"] * 3, ["1956-05-13", "1965-08-13", None], ["febrl"] * 3)
    _one_entity(db, [(1, 2, 25.0), (2, 3, 25.0)])
    assert guard(db, 0.0) == {"split": 0, "parts": 0}
    assert {e for _, e in db.fetch("SELECT record_id, entity_id FROM link.profile_entities")} == {1}


def test_dates_a_month_apart_across_a_new_month_are_one_date_mistyped(db) -> None:
    _profiles(db, ["srk"] * 3, ["1961-01-25", "1961-02-04", "1961-01-25"], ["court", "hospital", "tax"])
    _one_entity(db, [(1, 2, 5.0), (2, 3, 5.0)])
    assert guard(db, 0.0) == {"split": 0, "parts": 0}
