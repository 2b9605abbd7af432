"""Linkage of person records in SQL, on DuckDB or Spark (``backend``): blocking, comparison vectors,
Fellegi-Sunter weights with term-frequency adjustment, and constrained clustering.

- Records whose standardised evidence is identical (a pension contribution per month, say) are one profile:
  pairs are formed between profiles, and every record takes its profile's entity.
- Candidate pairs come from several blocking rules (same IIN; the date of birth with either name sounding alike,
  either way round; the surname stem, first and father's name; phonetic name keys with the birth year; surname
  and first name in either order, with the birth year, or alone when the pair of names is rare; address or phone
  with the first name's initial; e-mail; address with the surname stem; the date of birth with the two names'
  initials, and the surname's sound with the first initial and the birth year, for a first name written as an
  initial beside a mistyped surname or a birth written as a year and month), so one bad field never hides a
  match. A block larger than its rule's ``max_block`` says nothing and is skipped by its rule. No rule blocks on
  a key that every growing population shares more of (a date of birth alone, a common name alone): each profile
  meets at most ``max_block`` others per rule, so the pairs, and the cost, grow in proportion to the records, not
  to their square.
- Each pair gets a comparison level per field; match weights are log2(m/u): u from a deterministic sample of
  random pairs, m estimated without labels by expectation-maximisation. Agreement on a rare surname or first name
  weighs more than on a common one (term-frequency adjustment).
- Clustering merges pairs from the strongest down and never puts two different valid IINs in one entity (twins,
  namesakes); a clerk's review decisions are honoured (``review``).
- Entity ids come from each cluster's smallest member identity: the same data linked again gets the same ids.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np
import pyarrow as pa

from ukimet.core.errors import LinkError
from ukimet.link.backend import Backend
from ukimet.link.components import connected_components
from ukimet.link.greedy import APART, EDGE, KNOWN, NODE, RESOLVED, SAME, resolve, schema
from ukimet.link.kin import KIN_PAIRS, kin_pairs
from ukimet.link.model import (
    ANCHORED_PAIRS,
    BIRTHS_APART_CAP,
    DATES_CLOSE,
    EXTRA,
    FIELDS,
    FIRSTS_WHOLLY_APART,
    NEITHER_NAME_NOR_BIRTH,
    PERSONAL_APART_MOST,
    SHORT_FORM,
    TF_FIELDS,
    THRESHOLD,
    TOP,
    Model,
    initial_sql,
    level_sql,
    named_only,
    top,
)
from ukimet.link.records import NEVER_ONESELF
from ukimet.sync.store import literal

NODES = "link.profiles"
"""What is paired and clustered: distinct standardised profiles, not raw records."""
EVIDENCE = ("iin", "iin_valid", "surname_key", "surname_stem", "first_key", "first_full", "father_key", "birth_date",
            "birth_month_only", "birth_year_only", "birth_approx", "sex", "surname_sound", "first_sound", "address_key",
            "phone_key", "email_key")
SWAPPED = {"surname_key": "first_key", "surname_stem": "first_key", "first_key": "surname_key"}
"""When one record has surname and first name the other way round (a common slip, and the usual reading of
a full name written first-name-first), its names are compared crosswise: one name the same crosswise and the other
alike crosswise (a spelling or an initial apart: ЖАКЫП У. and UMIT ZHAKYP), neither the same straight."""
MAX_BLOCK = 400
RARE_NAMES = 10
"""Profiles sharing a pair of names that block on the names alone (no date of birth to go with them). A pair of
names alone never joins two records (``model.named_only``): the rule finds pairs whose dates of birth or IINs are
further apart than other rules see; a name shared by more than ten profiles is a common one, whose pairs are
namesakes (20 proposed a sixth more pairs on 37,000 records, and found no more of one person's)."""


@dataclass(frozen=True)
class Rule:
    """Profiles are a candidate pair when they agree on every one of ``keys`` and, with ``any_of``, share one
    value of those columns (either of them, crosswise); a block larger than ``max_block`` is skipped."""

    keys: tuple[str, ...]
    any_of: tuple[str, ...] = ()
    max_block: int = MAX_BLOCK

    @property
    def columns(self) -> tuple[str, ...]:
        """The block's key columns (``any_of`` is one column, ``shared``)."""
        return self.keys + (("shared",) if self.any_of else ())

    def keyed(self, nodes: str) -> str:
        """SQL of (record_id, key columns) of every profile that has them all."""
        present = " AND ".join(f"{k} IS NOT NULL" for k in self.columns)
        if not self.any_of:
            return f"(SELECT record_id, {', '.join(self.keys)} FROM {nodes} WHERE {present})"
        each = " UNION ".join(f"SELECT record_id, {', '.join(self.keys)}, {c} AS shared FROM {nodes}"
                              for c in self.any_of)
        return f"(SELECT * FROM ({each}) crosswise WHERE {present})"


BLOCKS: tuple[Rule, ...] = (
    Rule(("iin",)),
    Rule(("birth_date",), any_of=("surname_sound", "first_sound")),
    Rule(("surname_stem", "first_key", "father_key")),
    Rule(("surname_sound", "first_sound", "birth_year")),
    Rule(("address_key", "first_initial")),
    Rule(("address_key", "surname_stem")),
    Rule(("phone_key", "first_initial")),
    Rule(("email_key",)),
    Rule(("name_pair", "birth_year")),
    Rule(("birth_date", "initials")),
    Rule(("surname_sound", "first_initial", "birth_year")),
    Rule(("name_pair",), max_block=RARE_NAMES),
)
"""Blocking rules: a pair is a candidate when it agrees on every key of at least one rule."""


@dataclass(frozen=True)
class Spec:
    """What one run compares: the built-in evidence plus any further attributes the records carry (x_...)."""

    extras: tuple[str, ...] = ()

    @property
    def evidence(self) -> tuple[str, ...]:
        return EVIDENCE + self.extras

    @property
    def fields(self) -> tuple[str, ...]:
        return FIELDS + self.extras

    @property
    def blocks(self) -> tuple[Rule, ...]:
        """The built-in rules, then each further attribute alone and each two of them together (a house number
        and a postcode: neither alone narrows a crowd to a few, both do; ``candidate_pairs`` keeps those that
        narrow)."""
        return BLOCKS + tuple(Rule((x,)) for x in self.extras) + tuple(
            Rule(two) for two in itertools.combinations(self.extras, 2))

    @classmethod
    def of(cls, db: Backend, table: str = "link.person_records") -> Spec:
        return cls(tuple(c for c in db.columns(table) if c.startswith(EXTRA)))


CONFLICT = "iin = 1"
"""Two persons for certain: different valid IINs, unless one is likely a typo of the other (``IIN_TYPO``): the IIN's
level 1, read off the level rather than worked out again (it was a quarter of the comparison's time)."""
U_SAMPLE = 200_000
MIN_SELECTIVITY = 0.3
"""Further attributes (one, or two together) block only where at least this share of their filled values are
distinct: a postcode alone (a fifth distinct) proposed half of a small extract's candidate pairs, nearly all of them
strangers, where the postcode and the house number together narrow the same crowd to a household."""
IDENTITY = "concat_ws('/', r.source, r.source_table, r.party, r.record_key)"
"""A record's own identity, independent of numbering: source/table/party/key."""


BLOCK_KEYS = f"""year(birth_date) AS birth_year, {initial_sql("first_key")} AS first_initial,
    concat(least(left(surname_key, 1), {initial_sql("first_key")}),
        greatest(left(surname_key, 1), {initial_sql("first_key")})) AS initials,
    CASE WHEN surname_key < first_key THEN concat(surname_key, ' ', first_key)
         ELSE concat(first_key, ' ', surname_key) END AS name_pair"""
"""The keys the blocking rules use beyond the evidence itself, worked out once per profile: the year of birth, the
first name's initial, the two names' initials (either order) and the pair of names (either order)."""


NAMED_ALONE = " AND ".join(f"{{p}}{column} IS NULL" for column in (
    "iin", "birth_date", "father_key", "address_key", "phone_key", "email_key"))
"""A record that names someone and says nothing else of them (a loan's contact person, Омаров Данияр): a profile of
its own, never one with every record of the same name, since a name alone is nobody in particular
(``model.named_only``). Over a table's columns prefixed ``{p}``."""


def profiles(db: Backend, spec: Spec) -> int:
    """Collapse records with identical evidence into profiles, a record of a name alone excepted (``NAMED_ALONE``);
    keep which profile each record is."""
    fields = ", ".join(spec.evidence)
    alone = f"CASE WHEN {NAMED_ALONE.format(p='')} THEN record_id END"
    db.create(NODES, f"""SELECT row_number() OVER (ORDER BY first_record) AS record_id, * EXCLUDE (alone),
        {BLOCK_KEYS}
        FROM (SELECT {fields}, {alone} AS alone, min(record_id) AS first_record, count(*) AS records
        FROM link.person_records GROUP BY {fields}, alone) grouped""")
    same = " AND ".join(f"r.{f} IS NOT DISTINCT FROM p.{f}" for f in spec.evidence)
    db.create("link.record_profiles", f"""SELECT r.record_id, p.record_id AS profile_id
        FROM link.person_records r JOIN {NODES} p ON {same}
        AND (p.first_record = r.record_id OR NOT ({NAMED_ALONE.format(p='r.')}))""")
    return db.count(NODES)


_ALIKE = """({a} = {b} OR jaro_winkler_similarity({a}, {b}) >= 0.9
    OR (least(length({a}), length({b})) <= 2 AND left({a}, least(length({a}), length({b})))
        = left({b}, least(length({a}), length({b})))))"""
"""Two name keys that may be one name: equal, a spelling apart, or an initial and a name it begins."""


def _sides(sql: str) -> str:
    """Level SQL over the aligned columns: l.x -> l_x, r.x -> r_x."""
    return re.sub(r"\b([lr])\.(\w+)", r"\1_\2", sql)


_MISSING_FIRST = re.compile(r"CASE WHEN l\.(\w+) IS NULL OR r\.\1 IS NULL THEN 0\b")
"""How every field's level begins: missing (0) where either side lacks the field's column."""


def _absent(db: Backend, spec: Spec) -> set[str]:
    """The fields no profile holds (FEBRL has no IIN, a clinic's list no phone): their level is 0 on every pair,
    written as such rather than worked out pair by pair."""
    columns = {name: found.group(1) for name in spec.fields if (found := _MISSING_FIRST.match(level_sql(name)))}
    row = db.fetch("SELECT " + ", ".join(f"count({c}) = 0" for c in columns.values()) + f" FROM {NODES}")
    return {name for name, empty in zip(columns, row[0], strict=True) if empty} if row else set()


def vectors(db: Backend, pairs: str, out: str, spec: Spec, levels_only: bool = False) -> None:
    """Each pair's comparison level per field, names aligned crosswise where they were written swapped; with
    ``levels_only`` nothing else (what random pairs are drawn for: whether first names are wholly apart, every
    random pair's two string distances, was a third of that step)."""
    absent = _absent(db, spec)
    levels = ", ".join(f"0 AS {name}" if name in absent else f"({_sides(level_sql(name))}) AS {name}"
                       for name in spec.fields)
    values = ", ".join(f"l_{column} AS {name}_value" for name, column in TF_FIELDS.items())
    joined = ", ".join(f"l.{c} AS l_{c}, r.{c} AS r_{c}" for c in spec.evidence)
    swapped = (f"l_surname_key <> l_first_key AND NOT (l_surname_key = r_surname_key) "
               f"AND NOT (l_first_key = r_first_key) AND ((l_surname_key = r_first_key AND "
               f"{_ALIKE.format(a='l_first_key', b='r_surname_key')}) OR (l_first_key = r_surname_key AND "
               f"{_ALIKE.format(a='l_surname_key', b='r_first_key')}))")
    aligned = ", ".join(f"CASE WHEN names_swapped THEN r_{SWAPPED[c]} ELSE r_{c} END AS r_{c}" if c in SWAPPED
                        else f"r_{c}" for c in spec.evidence)
    further = "" if levels_only else f"""{CONFLICT} AS conflict, names_swapped,
        {_sides(FIRSTS_WHOLLY_APART)} AS firsts_apart, {', '.join(f'{name}_value' for name in TF_FIELDS)}, """
    db.create(out, f"""SELECT l_id, r_id, {further}{', '.join(spec.fields)}
        FROM (SELECT l_id, r_id, names_swapped, l_first_key, r_first_key, {levels}, {values}
              FROM (SELECT l_id, r_id, names_swapped, {', '.join(f'l_{c}' for c in spec.evidence)}, {aligned}
                    FROM (SELECT *, CASE WHEN l_surname_key = r_first_key OR l_first_key = r_surname_key
                                    THEN coalesce({swapped}, false) ELSE false END AS names_swapped
                          FROM (SELECT p.l_id, p.r_id, {joined} FROM {pairs} p
                                JOIN {NODES} l ON l.record_id = p.l_id
                                JOIN {NODES} r ON r.record_id = p.r_id) joined) flagged) aligned) levelled""")


def _selectivity(db: Backend, *columns: str) -> float:
    """Distinct values per filled value of profile columns (together: a row where all are filled): 1.0 for an
    identifier, near 0 for a category."""
    filled = " AND ".join(f"{c} IS NOT NULL" for c in columns)
    row = db.fetch(f"SELECT count(DISTINCT ({', '.join(columns)})) FILTER (WHERE {filled}), "
                   f"count(*) FILTER (WHERE {filled}) FROM {NODES}")
    return float(row[0][0]) / float(row[0][1]) if row and row[0][1] else 0.0


def candidate_pairs(db: Backend, spec: Spec, touching: str | None = None) -> int:
    """All pairs any blocking rule proposes, once each, with their comparison vectors; with ``touching`` (a
    table of profile ids: the new ones) only pairs that involve one of them."""
    steps, rules = [], []
    only = (f" WHERE l.record_id IN (SELECT record_id FROM {touching}) OR r.record_id IN "
            f"(SELECT record_id FROM {touching})" if touching else "")
    for n, rule in enumerate(spec.blocks):
        keys = rule.columns
        if all(k.startswith(EXTRA) for k in keys) and _selectivity(db, *keys) < MIN_SELECTIVITY:
            continue  # a state or a house number alone gathers crowds, not candidates (still compared)
        group = ", ".join(keys)
        steps += [f"keyed_{n} AS (SELECT * FROM {rule.keyed(NODES)} keyed)",
                  f"blocks_{n} AS (SELECT {group} FROM keyed_{n} GROUP BY {group} "
                  f"HAVING count(*) BETWEEN 2 AND {rule.max_block})"]
        on_block = " AND ".join(f"l.{k} = b.{k}" for k in keys)
        same = " AND ".join(f"r.{k} = l.{k}" for k in keys)
        rules.append(f"""SELECT l.record_id AS l_id, r.record_id AS r_id FROM keyed_{n} l
            JOIN blocks_{n} b ON {on_block} JOIN keyed_{n} r ON {same} AND l.record_id < r.record_id{only}""")
    # one statement: a table per rule's keys and blocks cost a statement each (two dozen, a tenth of the run on
    # a small extract) for what the engine plans as well inside one query
    db.create("pairs", f"WITH {', '.join(steps)} "
                       f"SELECT DISTINCT l_id, r_id FROM ({' UNION ALL '.join(rules)}) proposed")
    vectors(db, "pairs", "vectors", spec)
    db.drop("pairs")
    return db.count("vectors")


def estimate_u(db: Backend, nodes: int, spec: Spec, sample: int = U_SAMPLE) -> dict[str, dict[int, float]]:
    """Level frequencies among random pairs (almost all non-matches). Where the sample is every pair (a small
    extract), those that share an IIN are left out: they are its matches (a third of five records' pairs), and "the
    same IIN" weighed as if strangers often shared one (a record whose year of birth was mistyped, 1959 for 1995,
    stayed apart from its own registry line). The sample is a fixed arithmetic
    scramble of profile numbers, so every engine draws the same pairs and estimates the same u; where every pair
    of profiles is fewer than the sample (a few hundred records), every pair is taken: a sample of one pair per
    profile would see no two strangers share an address, and call a shared address certain proof."""
    every = nodes * (nodes - 1) // 2 <= sample
    if every:
        db.create("random_pairs", f"""SELECT l.record_id AS l_id, r.record_id AS r_id FROM {NODES} l
            JOIN {NODES} r ON l.record_id < r.record_id""")
    else:
        db.create("random_pairs", f"""SELECT l_id, r_id FROM (SELECT 1 + (k * 7919) % {nodes} AS l_id,
            1 + (k * 104729 + 17) % {nodes} AS r_id FROM (SELECT record_id AS k FROM {NODES}
            WHERE record_id <= {sample}) ks) drawn WHERE l_id <> r_id""")
    vectors(db, "random_pairs", "random_vectors", spec, levels_only=True)
    sampled = "random_vectors"
    if every and "iin" in spec.fields:  # pairs of one IIN are one person's, a third of a small extract's pairs
        db.create("random_strangers", f"SELECT * FROM random_vectors WHERE iin <> {top('iin')}")
        sampled = "random_strangers"
    try:
        return {name: _shares(db, sampled, name, smoothing=1.0) for name in spec.fields}
    finally:
        db.drop("random_pairs", "random_vectors", "random_strangers")


def _shares(db: Backend, table: str, name: str, smoothing: float = 0.0) -> dict[int, float]:
    """Each level's share of ``table``'s pairs that have ``name``; with ``smoothing``, every level has a share: the
    reference's u counted as ``REFERENCE_PAIRS`` pairs where it knows the field (and the level: at least
    ``REFERENCE_FLOOR``), else ``smoothing`` pairs a level."""
    counts: dict[int, int] = dict(db.fetch(f"SELECT {name}, count(*) FROM {table} WHERE {name} > 0 GROUP BY {name}"))
    if not counts:
        return {}
    if not smoothing:
        total = sum(float(n) for n in counts.values())
        return {lvl: float(counts[lvl]) / total for lvl in sorted(counts)}
    known = reference().get(name, {})
    pseudo = {lvl: max(REFERENCE_PAIRS * known[lvl][1], REFERENCE_FLOOR) if lvl in known else smoothing
              for lvl in range(1, top(name) + 1)}
    total = sum(float(n) for n in counts.values()) + sum(pseudo.values())
    return {lvl: (float(counts.get(lvl, 0)) + extra) / total for lvl, extra in pseudo.items()}


AGREEING = {"first": 2, "father": 2, "surname": 3, "birth_date": 2}
"""Fields and their lowest level of agreement, whole or in part (a surname's level 2 is a woman's different one):
in an extract too small to learn from, none of those levels weighs against a match. The reference's m of a
"similar" name or a date "a typo apart" is how often one person's is misspelt between agencies (rarely), while
in a court list of surnames and initials (АХМЕТОВ Н.С.) every person's initial agrees, and in a roster of years
and months of birth (1985-03) every person's agrees as far as it is written: against that m, and a u counted on
a few records that often agree so, Н. beside Нұрлан and 1985-03 beside 17.03.1985 weighed as evidence of two
persons, and no such record joined its registry line however exact the rest."""
LEARN_FROM_PAIRS = 30
"""Candidate pairs below which m is not learnt from the data but taken from the reference (``_referenced``)."""


def _referenced(model: Model, levels: np.ndarray, counts: np.ndarray, universe: float, iterations: int = 25
                ) -> Model:
    """``model`` for an extract too small to learn from (a few records): m of every field the reference knows is
    the reference's, of any other field its u (it weighs nothing either way); the rules that births or first
    names wholly apart are two persons hold as the reference measured them; only the prior is estimated, over the
    patterns of the candidate pairs (``levels``, each seen ``counts`` times)."""
    known, rules = reference(), reference_rules()
    model.m = {name: ({lvl: known[name].get(lvl, (FLOOR_M, 0.0))[0] for lvl in range(1, top(name) + 1)}
                      if name in known else dict(model.u.get(name, {}))) for name in model.fields}
    model.births_apart, model.firsts_apart = rules
    for name, lowest in AGREEING.items():  # an initial that agrees (Н. and Нұрлан) is no evidence against
        for lvl in range(lowest, top(name) + 1):
            if name in model.m and lvl in model.m[name] and lvl in model.u.get(name, {}):
                model.m[name][lvl] = max(model.m[name][lvl], model.u[name][lvl])
    for _ in range(iterations):
        _expected_matches(model, levels, counts, universe)
    return model


def _expected_matches(model: Model, levels: np.ndarray, counts: np.ndarray, universe: float) -> np.ndarray:
    """Expectation: how many of each pattern's ``counts`` pairs are matches under ``model``; the model's prior is
    set to their share of all ``universe`` pairs of profiles."""
    width = max(top(n) for n in model.fields) + 1
    table = np.zeros((len(model.fields), width))
    for f, name in enumerate(model.fields):
        for lvl in range(1, top(name) + 1):
            table[f, lvl] = model.weight(name, lvl)
    weight = math.log2(model.prior / (1 - model.prior)) + table[np.arange(len(model.fields)), levels].sum(axis=1)
    expected: np.ndarray = counts / (1 + np.exp2(-np.clip(weight, -60, 60)))
    model.prior = min(max(float(expected.sum()) / universe, 1e-12), 0.5)
    return expected


FLOOR_M = 1e-4
"""m of a level the reference never saw (a typo of a date, on data with none): rare, not impossible."""


REFERENCE_PAIRS = 150
"""Random pairs the reference's u counts as: beside a sample of 200,000 pairs it is half a percent; beside the
three pairs of a three-record file it is nearly all there is to go by."""
REFERENCE_FLOOR = 1e-3
"""Pairs a level the reference knows counts as at least: its u as the reference measured it, however rare (the
same IIN among strangers: 0.05 pairs of 150), not a whole pair, which beside a small extract's few pairs made
the same IIN weigh as if one stranger in twenty shared it."""
REFERENCE_MATCHES = 20
"""Pairs of one person the reference's m counts as: beside thousands of matches nothing; beside two or three, it
keeps the same IIN and the same date of birth strong evidence."""


@functools.cache
def _reference_file() -> dict[str, Any]:
    with resources.files("ukimet.link").joinpath("data/reference_model.json").open(encoding="utf-8") as f:
        found: dict[str, Any] = json.load(f)
    return found


@functools.cache
def reference() -> dict[str, dict[int, tuple[float, float]]]:
    """Per field and level, (m, u) of the reference model (``data/reference_model.json``: estimated on the synthetic
    country): a weak prior that the data's own counts outweigh as they grow. Read once; never changed."""
    return {name: {int(lvl): (float(v["m"]), float(v["u"])) for lvl, v in levels.items()}
            for name, levels in _reference_file()["fields"].items()}


def reference_rules() -> tuple[float, float]:
    """The reference's shares of one person's pairs with births, and with first names, wholly apart."""
    found = _reference_file()
    return float(found["births_apart"]), float(found["firsts_apart"])


IDENTITY_APART = {"birth_date": 1, "first": 1}
"""Fields that say who a person is, and their level of wholly different values."""
IDENTITY_APART_MOST = 0.15
"""The largest share of one person's pairs of records the model may believe write their date of birth, or their
first name, wholly differently (FEBRL, which replaces them outright, has 0.05 and 0.13). Estimated freely on an
airline's bookings (a family's booking locator, flight, phone and e-mail on every passenger's row) the model took
the households for the persons and learnt that 0.6 of one person's records disagree on both: every family became
one entity."""


def _capped(m: dict[int, float], apart: int | None) -> dict[int, float]:
    """``m`` with the level ``apart`` at most ``IDENTITY_APART_MOST``, the other levels scaled up to sum to one."""
    if apart is None or m.get(apart, 0.0) <= IDENTITY_APART_MOST or len(m) < 2:
        return m
    rest = 1.0 - m[apart]
    return {lvl: IDENTITY_APART_MOST if lvl == apart else p * (1.0 - IDENTITY_APART_MOST) / rest
            for lvl, p in m.items()}


def estimate_m(db: Backend, u: dict[str, dict[int, float]], nodes: int, spec: Spec, iterations: int = 25) -> Model:
    """Expectation-maximisation without labels, over the distinct patterns of levels the candidate pairs show
    (a few hundred, with their counts), starting from 'the strongest level means a match'. The prior is the
    match share among all pairs of profiles, not among the candidates: blocking on names gathers namesakes, and
    a prior taken inside the blocks would call them matches and teach the model that dates of birth and
    addresses often disagree within one person."""
    fields = spec.fields
    names = ", ".join(fields)
    patterns = sorted(db.fetch(f"SELECT {names}, count(*) FROM vectors WHERE NOT conflict GROUP BY {names}"))
    universe = max(nodes * (nodes - 1) / 2, 1.0)
    candidates = sum(float(p[-1]) for p in patterns)
    known = reference()
    model = Model({n: {lvl: (0.8 if lvl == top(n) else 0.2 / (top(n) - 1)) for lvl in range(1, top(n) + 1)}
                   for n in fields}, u, prior=min(0.5, max(candidates / 2 / universe, 1e-12)), fields=fields)
    if not patterns:
        return model
    levels = np.array([p[:-1] for p in patterns], dtype=np.int64)
    counts = np.array([float(p[-1]) for p in patterns])
    if candidates < LEARN_FROM_PAIRS:  # a handful of pairs teaches nothing: the reference's m, and its rules
        return _referenced(model, levels, counts, universe)
    width = max(top(n) for n in fields) + 1
    seen = [np.bincount(levels[:, f], minlength=width) > 0 for f in range(len(fields))]
    for _ in range(iterations):
        expected = _expected_matches(model, levels, counts, universe)
        m: dict[str, dict[int, float]] = {}
        for f, n in enumerate(fields):
            by_level = np.bincount(levels[:, f], weights=expected, minlength=width)
            present = [lvl for lvl in range(1, width) if seen[f][lvl]]
            total = float(sum(by_level[lvl] for lvl in present))
            # the reference's m counted as REFERENCE_MATCHES pairs where it knows the level, else half a pair
            pseudo = {lvl: REFERENCE_MATCHES * known[n][lvl][0] if lvl in known.get(n, {}) else 0.5
                      for lvl in present}
            total += sum(pseudo.values())
            m[n] = _capped({lvl: (float(by_level[lvl]) + pseudo[lvl]) / total for lvl in present},
                           IDENTITY_APART.get(n))
        model.m = m
    for name, apart, share in (("birth_date", "birth_date = 1", "births_apart"),
                               ("first", "firsts_apart", "firsts_apart")):
        if {"iin", name} <= set(fields):  # how often one person's field is written wholly differently
            anchored = db.fetch(f"SELECT count(*), count(*) FILTER (WHERE {apart}) FROM vectors "
                                f"WHERE NOT conflict AND iin = {top('iin')} AND {name} > 0")
            if anchored and int(anchored[0][0]) >= ANCHORED_PAIRS:
                setattr(model, share, int(anchored[0][1]) / int(anchored[0][0]))
    return model


def term_frequencies(db: Backend) -> None:
    """How common each surname and first name is among the profiles (``link.tf_<field>``)."""
    for name, column in TF_FIELDS.items():
        db.create(f"link.tf_{name}", f"""SELECT {column} AS value, count(*) / sum(count(*)) OVER () AS share
            FROM {NODES} WHERE {column} IS NOT NULL GROUP BY {column}""")


def weight_sql(model: Model, name: str) -> str:
    """The SQL for one field's weight in a pair: the level's log2(m/u), plus, for an exact name agreement, how
    much rarer (or commoner) this name is than the average agreeing name."""
    cases = " ".join(f"WHEN {lvl} THEN CAST({model.weight(name, lvl)!r} AS DOUBLE)"
                     for lvl in sorted(model.m.get(name, {})))
    base = f"CASE {name} {cases} ELSE 0.0 END" if cases else "0.0"
    if name in TF_FIELDS and top(name) in model.u.get(name, {}):
        u_exact = model.u[name][top(name)]
        return (f"{base} + CASE WHEN {name} = {top(name)} AND tf_{name}.share IS NOT NULL "
                f"THEN log2({u_exact!r} / greatest(tf_{name}.share, {model.tf_floor!r})) ELSE 0.0 END")
    return base


IDENTIFYING_SELECTIVITY = 0.15
"""Distinct values per filled value from which a further attribute narrows its holder to a handful of records (a
document or social security number, a postcode; not a vaccine, a class, a state or a nationality): its agreement is
more than a name alone (``model.named_only``)."""


PERSONAL_PAIRS = 20
"""Pairs that agree on a further attribute needed to tell whether it is one person's (``personal``)."""


def _identifying(db: Backend, fields: Sequence[str]) -> list[str]:
    """The further attributes that narrow their holder to a handful of records (``IDENTIFYING_SELECTIVITY``)."""
    return [n for n in fields if n.startswith(EXTRA) and _selectivity(db, n) >= IDENTIFYING_SELECTIVITY]


def personal(db: Backend, fields: Sequence[str], identifying: Sequence[str], vectors: str = "vectors"
             ) -> tuple[str, ...]:
    """The ``identifying`` further attributes (``_identifying``), and the contacts, that are one person's, not a
    group's, by the pairs that agree on them (``PERSONAL_APART_MOST``: FEBRL's addresses are, a family's phone or
    address is not); none where the pairs do not compare first names and dates of birth."""
    if not {"first", "birth_date"} <= set(fields):
        return ()
    candidates = [*identifying, *(n for n in ("address", "phone", "email") if n in fields)]
    if not candidates:
        return ()
    counts = ", ".join(f"count(*) FILTER (WHERE {n} = {top(n)}), "
                       f"count(*) FILTER (WHERE {n} = {top(n)} AND {NEITHER_NAME_NOR_BIRTH})" for n in candidates)
    found = db.fetch(f"SELECT {counts} FROM {vectors} WHERE first > 0 AND birth_date > 0")[0]  # one pass
    agree, apart = found[0::2], found[1::2]
    return tuple(name for name, n, k in zip(candidates, agree, apart, strict=True)
                 if int(n) >= PERSONAL_PAIRS and int(k) <= PERSONAL_APART_MOST * int(n))


def score(db: Backend, model: Model, vectors: str = "vectors", out: str = "link.pair_scores",
          identifying: Sequence[str] | None = None) -> None:
    """Each candidate pair's weight per field (``w_<field>``) and in total (``weight``)."""
    joins = " ".join(f"LEFT JOIN link.tf_{n} tf_{n} ON tf_{n}.value = v.{n}_value" for n in TF_FIELDS)
    fields = model.fields
    weights = ", ".join(f"{weight_sql(model, n)} AS w_{n}" for n in fields)
    total = " + ".join(f"w_{n}" for n in fields)
    prior = math.log2(model.prior / (1 - model.prior))
    identifying = _identifying(db, fields) if identifying is None else identifying
    rules = [r for r in (model.apart(), named_only(fields, identifying)) if r]
    apart = f"WHEN {' OR '.join(f'({r})' for r in rules)} THEN least({prior!r} + {total}, {BIRTHS_APART_CAP!r})" \
        if rules else ""
    db.create(out, f"""SELECT l_id, r_id, conflict, {', '.join(fields)}, {', '.join(f'w_{n}' for n in fields)},
        CASE WHEN conflict THEN -99.0 {apart} ELSE {prior!r} + {total} END AS weight
        FROM (SELECT v.*, {weights} FROM {vectors} v {joins}) weighed""")


@dataclass
class Decisions:
    """A clerk's review decisions, as pairs of record identities (source/table/party/key, stable across runs):
    must be one entity / must stay apart."""

    same: list[tuple[str, str]] = field(default_factory=list)
    apart: list[tuple[str, str]] = field(default_factory=list)

    def profile_pairs(self, db: Backend) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
        """The decisions as pairs of this run's profiles (decisions about records no longer present drop out)."""
        if not self.same and not self.apart:
            return [], set()
        pairs = [(a, b, True) for a, b in self.same] + [(a, b, False) for a, b in self.apart]
        db.put("decided", pa.table({"l": [p[0] for p in pairs], "r": [p[1] for p in pairs],
                                    "same": [p[2] for p in pairs]}))
        db.create("record_identity", f"""SELECT rp.profile_id, {IDENTITY} AS identity FROM link.person_records r
            JOIN link.record_profiles rp ON rp.record_id = r.record_id""")
        rows = db.fetch("""SELECT a.profile_id, b.profile_id, d.same FROM decided d
            JOIN record_identity a ON a.identity = d.l JOIN record_identity b ON b.identity = d.r
            ORDER BY 1, 2""")
        return ([(int(a), int(b)) for a, b, same in rows if same],
                {(int(a), int(b)) for a, b, same in rows if not same})


_PARTY = """SELECT rp.profile_id, r.source, r.source_table, r.party, r.record_key FROM link.person_records r
    JOIN link.record_profiles rp ON rp.record_id = r.record_id"""
ONE_PERSON = f"""SELECT m.profile_id AS a, v.profile_id AS b FROM ({_PARTY} WHERE r.surname_variant) v
    JOIN ({_PARTY} WHERE NOT r.surname_variant) m ON m.source = v.source AND m.source_table = v.source_table
        AND m.party = v.party AND m.record_key = v.record_key
    WHERE m.profile_id <> v.profile_id"""
"""Profiles that are one person by what their record says: a person's record under another surname
(``records.MARRIAGE``) and the record of the same row and party with the first."""
SELF = ("сам", "сама", "сами", "само", "өзі", "өзім", "self", "himself", "herself", "лично")
"""What a row's relation column says where its second person is its first again (a pharmacy's recipient: сам)"""
SELF_NAMED = f"""SELECT least(pl.profile_id, pr.profile_id) AS a, greatest(pl.profile_id, pr.profile_id) AS b
    FROM (SELECT *, count(*) OVER (PARTITION BY source, source_table, record_key) AS parties
          FROM link.person_records WHERE NOT surname_variant) l
    JOIN link.person_records r ON r.source = l.source AND r.source_table = l.source_table
        AND r.record_key = l.record_key AND r.party > l.party AND NOT r.surname_variant
    JOIN link.record_profiles pl ON pl.record_id = l.record_id
    JOIN link.record_profiles pr ON pr.record_id = r.record_id
    WHERE l.parties = 2 AND lower(trim(l.relation_raw)) IN ({", ".join(f"'{w}'" for w in SELF)})
        AND lower(trim(r.relation_raw)) = lower(trim(l.relation_raw)) AND pl.profile_id <> pr.profile_id"""
"""Profiles that are one person by what their row's relation column says: the two parties of a row whose relation
is the first person again (a pharmacy's drugs received by the patient: poluch_rod = сам, the recipient written
``Сулейменов Т.К.`` with his IIN mistyped beside the patient СУЛЕЙМЕНОВ ТАЛГАТ КАЙРАТОВИЧ)."""
_ROW_PAIRS = """SELECT a, b FROM (SELECT DISTINCT least(pl.profile_id, pr.profile_id) AS a,
        greatest(pl.profile_id, pr.profile_id) AS b
    FROM link.person_records l JOIN link.person_records r ON r.source = l.source
        AND r.source_table = l.source_table AND r.record_key = l.record_key AND r.party > l.party
    JOIN link.record_profiles pl ON pl.record_id = l.record_id
    JOIN link.record_profiles pr ON pr.record_id = r.record_id
    WHERE NOT l.surname_variant AND NOT r.surname_variant"""
"""The pairs of profiles of two parties of one row (neither a record under another surname): what ``one_row_twice``
and ``ONE_ROW_APART`` test, each with its conditions after it and ``) rows WHERE a <> b``."""
_ONE_ROW_TWICE = _ROW_PAIRS + """
        AND l.party NOT IN ({others}) AND r.party NOT IN ({others})
        AND CASE WHEN (length(l.surname_key) > 2 AND (length(l.first_key) > 2 AND length(r.first_key) > 2
                AND (l.surname_key = r.surname_key AND (l.first_key = r.first_key OR {short_form})
                     OR l.surname_key = r.first_key AND l.first_key = r.surname_key)
                OR l.surname_key = r.surname_key AND (length(l.first_key) <= 2 OR length(r.first_key) <= 2)
                AND {initial}) OR {alone})
            AND NOT coalesce(l.iin <> r.iin, false) AND NOT coalesce(l.father_key <> r.father_key, false)
            AND NOT coalesce(l.sex <> r.sex, false) AND NOT coalesce(l.birth_date <> r.birth_date, false)
            AND NOT coalesce(l.phone_key <> r.phone_key, false) AND NOT coalesce(l.email_key <> r.email_key, false)
            AND NOT coalesce(l.address_key <> r.address_key, false) THEN true ELSE false END) rows WHERE a <> b"""
_NAMES_APART = """coalesce(jaro_winkler_similarity(l.{c}, r.{c}) < 0.9 AND levenshtein(l.{c}, r.{c}) > 1,
    false)"""
_GIVEN_APART = f"""coalesce(CASE WHEN length(l.{{c}}) = 1 OR length(r.{{c}}) = 1
    THEN {initial_sql("l.{c}")} <> {initial_sql("r.{c}")}
    ELSE jaro_winkler_similarity(l.{{c}}, r.{{c}}) < {{least}}
        AND ({{least}} < 0.9 OR levenshtein(l.{{c}}, r.{{c}}) > 1) END,
    false)"""
"""Two given names (or patronymics) apart: an initial apart from the name it does not begin (S. and Samat are not
apart; S. and Erlan are; Y., folded i, begins Yerlan, folded erlan), two names as ``_NAMES_APART`` (a patronymic:
less alike than {least})"""
_CROSSWISE = """coalesce(jaro_winkler_similarity(l.surname_key, r.first_key) >= 0.9
    AND jaro_winkler_similarity(l.first_key, r.surname_key) >= 0.9, false)"""
"""Two records' names alike crosswise: one name written surname first, the other given name first (ABDIKADYROV
ALMAS, the runner; ALMAS ABDIKADYROV, the card's holder who paid)"""
ONE_ROW_APART = _ROW_PAIRS + f"""
        AND NOT coalesce(l.iin = r.iin, false) AND (l.party IN ({{others}}) OR r.party IN ({{others}})
            OR ({_NAMES_APART.format(c="surname_key")}
            OR {_GIVEN_APART.format(c="first_key", least=0.9)} AND NOT coalesce({SHORT_FORM}, false))
                AND NOT {_CROSSWISE}
            OR {_GIVEN_APART.format(c="father_key", least=0.88)}
            OR coalesce(l.sex <> r.sex, false) OR coalesce(l.birth_date <> r.birth_date
                AND NOT {DATES_CLOSE.format(l="l.birth_date", r="r.birth_date")}, false))) rows WHERE a <> b"""
"""Profiles that are two persons by what their records say: two parties of one row (a reader and the parent named
beside them, a family's members) whose IINs are not one and whose surnames, first names (more than a letter or a
likeness apart: Юрий and Юирй are one; not the two names crosswise, one written given name first) or patronymics
differ (an initial differs only from a name it does not begin: Mirzaxmetov S. B., the driver, beside Mirzaxmetov
Samat Bolatovich, the farmer who drove his own load, is not apart), or sexes or dates of birth. Where nothing differs,
the row may name one person twice: a policy's holder again as its driver, whose IIN is mistyped; a sole trader's
IIN beside the name of the trader. Two records of one person's row are one person (``ONE_PERSON``); these never
are, however alike the data make them (Шмидт Илья beside his mother Шмидт Юлия, with one address: a chain
through her other records made one entity of both). (Two profiles told apart only after the pairs of one row are
found: compared in the join, they made DuckDB join every profile with every other first, 1.5 billion rows.)"""


def never_oneself(db: Backend) -> str:
    """The parties of the records whose names say another person than the row's own (``NEVER_ONESELF``: an
    Emergency contact, a parent, a proxy), as an SQL list (never empty)."""
    parties = [str(r[0]) for r in db.fetch("SELECT DISTINCT party FROM link.person_records")]
    return ", ".join(["''", *(literal(p) for p in parties if NEVER_ONESELF.search(p))])


def one_row_twice(others: str, related: bool = False) -> str:
    """Profiles that are one person by what their row says: two parties of one row with one surname and one first
    name (either order; or one first name the other's short form: ПАВЛОВ АЛЕКСАНДР, the passenger, and Саша Павлов,
    who paid for the ticket), neither an initial, and no IIN, patronymic, sex, date of birth, phone, e-mail or address
    that differs: a runner again as the card's holder who paid (ABDIKADYROV ALMAS; ALMAS ABDIKADYROV), whose name
    alone would join nobody.
    An initial beside the name it begins, with one surname, is one person too (ИМАНБАЕВ БАУЫРЖАН, the passenger,
    and Иманбаев Б., who paid), and so is a first name alone beside the row's person of that first name (the
    buyer КЕНЖЕБАЕВ БАУЫРЖАН and Бауыржан, a visitor on his ticket; Сеитказина Г. and Гульжан), unless the row's
    relation column names a relative (``related``: it has one).
    Never a party whose name says another person (``NEVER_ONESELF``: a father named as his son is his son's
    Emergency contact, not the son). (The pair's test is one CASE: as plain conditions, DuckDB made the names'
    equalities a join of their own, 2.3 of FEBRL4's 5 seconds, where the row's parties are few.)"""
    initial = f"""{initial_sql("l.first_key", "least(length(l.first_key), length(r.first_key))")}
        = {initial_sql("r.first_key", "least(length(l.first_key), length(r.first_key))")}"""
    # КЕНЖЕБАЕВ БАУЫРЖАН, the buyer, and Бауыржан, a visitor of his ticket: one first name, one of them with no
    # surname; Сеитказина Г. and Гульжан: an initial the first name begins
    alone = f"""((l.surname_key IS NULL) <> (r.surname_key IS NULL)
        AND length(coalesce(l.surname_key, r.surname_key)) > 2
        AND greatest(length(l.first_key), length(r.first_key)) > 2
        AND (l.first_key = r.first_key OR {SHORT_FORM} OR least(length(l.first_key), length(r.first_key)) <= 2
             AND {initial}))"""
    if related:  # Сулейменов Т., сын: his son of the same initial, whom the row's relation names
        kin = f""" AND coalesce(lower(trim(r.relation_raw)), '') IN ('', {", ".join(f"'{w}'" for w in SELF)})"""
        initial, alone = initial + kin, alone + kin
    return _ONE_ROW_TWICE.replace("{others}", others).replace("{short_form}", SHORT_FORM).replace(
        "{initial}", initial).replace("{alone}", alone)


def one_row_apart(others: str) -> str:
    """``ONE_ROW_APART``'s pairs, where a party of ``others`` (an SQL list of the parties whose names say another
    person: ``never_oneself``) is apart from the row's other parties whatever their names (Irina Shevchenko, the
    Emergency contact of SHEVCHENKO^IRINA, her daughter)."""
    return ONE_ROW_APART.replace("{others}", others)


def cluster(db: Backend, threshold: float, decisions: Decisions | None = None,
            known: dict[int, str] | None = None, also: str | None = None) -> int:
    """Merge pairs at or above ``threshold`` (a match weight), strongest first; never join two valid IINs, nor
    two profiles a clerk said are different people. ``known`` (incremental runs) maps profiles to the entities
    they already belong to: those stay together, and two existing entities are never merged. ``also``: a table
    of pairs (a, b) held together whatever their weight, like a clerk's 'same' (``kin``'s).

    Done where the pairs are (``link.profile_entities``: record_id, entity_id, known), never on the driver:
    the connected components of the pairs, the clerk's 'same' pairs and the existing entities come from SQL
    (``components``); a component that holds at most one valid IIN, no 'apart' decision and at most one existing
    entity becomes one entity as it is (every merge in it succeeds, and the smallest id is kept); only the other
    components replay the strongest-first merge (``greedy``), each on its own rows (merges never cross
    components), which gives exactly what one merge over all pairs would."""
    same, different = (decisions or Decisions()).profile_pairs(db)
    pair = schema(("a", pa.int64()), ("b", pa.int64()))
    db.put("cluster_decided", pa.table({"a": [p[0] for p in same], "b": [p[1] for p in same]}, schema=pair))
    variants = "link.person_records" in db.tables() and "surname_variant" in db.columns("link.person_records")
    others = never_oneself(db) if variants else "''"
    related = variants and "relation_raw" in db.columns("link.person_records")
    db.create("cluster_same", "SELECT a, b FROM cluster_decided" + (
        f" UNION ALL {ONE_PERSON} UNION ALL {one_row_twice(others, related)}" if variants else "")
        + (f" UNION ALL {SELF_NAMED}" if related else "")
        + (f" UNION ALL SELECT a, b FROM {also}" if also else ""))
    db.put("cluster_decided_apart", pa.table({"a": [p[0] for p in sorted(different)],
                                              "b": [p[1] for p in sorted(different)]}, schema=pair))
    db.create("cluster_apart", "SELECT a, b FROM cluster_decided_apart"
              + (f" UNION ALL SELECT a, b FROM ({one_row_apart(others)}) r ORDER BY a, b" if variants else ""))
    entries = sorted((known or {}).items())
    db.put("cluster_known", pa.table({"profile": [e[0] for e in entries], "entity": [e[1] for e in entries]},
                                     schema=schema(("profile", pa.int64()), ("entity", pa.string()))))
    connected_components(db, f"""SELECT l_id AS a, r_id AS b FROM link.pair_scores WHERE weight >= {threshold!r}
        UNION ALL SELECT a, b FROM cluster_same
        UNION ALL SELECT k.profile AS a, f.first AS b FROM cluster_known k
            JOIN (SELECT entity, min(profile) AS first FROM cluster_known GROUP BY entity) f ON f.entity = k.entity""",
                         "cluster_cc")
    db.create("cluster_components", f"""SELECT CAST(n.record_id AS BIGINT) AS record_id,
        CAST(coalesce(c.component, n.record_id) AS BIGINT) AS component
        FROM {NODES} n LEFT JOIN cluster_cc c ON c.node = n.record_id""")
    db.create("cluster_continues", """SELECT c.component, count(DISTINCT k.entity) AS entities, max(k.entity) AS known
        FROM cluster_known k JOIN cluster_components c ON c.record_id = k.profile GROUP BY c.component""")
    # a valid IIN likely mistyped (a merged pair of different valid IINs: IIN_TYPO) stands for the one it was
    # merged with: both are one label, so that the component does not count them as two persons
    # (pairs scored with their IIN level: level 3 between two valid IINs is IIN_TYPO's)
    # (the pairs are picked before their IINs are looked up, and the IINs compared after: in one query the
    # comparison l.iin <> r.iin became a join condition of the two lookups, planned as a join of every profile
    # with every other on tables made in the publish transaction: at 100,000 persons it had not ended after 6 minutes)
    typos = "iin = 3" if "iin" in db.columns("link.pair_scores") else "false"
    db.create("cluster_typo_pairs",
              f"SELECT l_id, r_id FROM link.pair_scores WHERE {typos} AND weight >= {threshold!r}")
    db.create("cluster_typo_iins", f"""SELECT l.iin AS a, r.iin AS b FROM cluster_typo_pairs s
        JOIN {NODES} l ON l.record_id = s.l_id JOIN {NODES} r ON r.record_id = s.r_id
        WHERE l.iin_valid AND r.iin_valid""")
    connected_components(db, "SELECT a, b FROM cluster_typo_iins WHERE a <> b", "cluster_iin_typos")
    db.create("cluster_labels", f"""SELECT n.record_id, CASE WHEN n.iin_valid THEN
        CAST(coalesce(t.component, n.iin) AS VARCHAR) END AS label
        FROM {NODES} n LEFT JOIN cluster_iin_typos t ON t.node = n.iin""")
    db.create("cluster_conflicts", """SELECT DISTINCT component FROM (
        SELECT c.component FROM cluster_components c JOIN cluster_labels n ON n.record_id = c.record_id
            WHERE n.label IS NOT NULL GROUP BY c.component HAVING count(DISTINCT n.label) > 1
        UNION ALL SELECT component FROM cluster_continues WHERE entities > 1
        UNION ALL SELECT ca.component FROM cluster_apart p JOIN cluster_components ca ON ca.record_id = p.a
            JOIN cluster_components cb ON cb.record_id = p.b WHERE ca.component = cb.component) conflicting""")
    db.grouped("cluster_resolved", f"""
        SELECT c.component, {NODE} AS kind, c.record_id AS a, CAST(NULL AS BIGINT) AS b, n.label,
            CAST(0.0 AS DOUBLE) AS weight
            FROM cluster_components c JOIN cluster_conflicts x ON x.component = c.component
            JOIN cluster_labels n ON n.record_id = c.record_id
        UNION ALL SELECT c.component, {KNOWN}, k.profile, NULL, k.entity, 0.0 FROM cluster_known k
            JOIN cluster_components c ON c.record_id = k.profile JOIN cluster_conflicts x ON x.component = c.component
        UNION ALL SELECT c.component, {APART}, p.a, p.b, NULL, 0.0 FROM cluster_apart p
            JOIN cluster_components c ON c.record_id = p.a JOIN cluster_conflicts x ON x.component = c.component
        UNION ALL SELECT c.component, {SAME}, p.a, p.b, NULL, 0.0 FROM cluster_same p
            JOIN cluster_components c ON c.record_id = p.a JOIN cluster_conflicts x ON x.component = c.component
        UNION ALL SELECT c.component, {EDGE}, s.l_id, s.r_id, NULL, s.weight FROM link.pair_scores s
            JOIN cluster_components c ON c.record_id = s.l_id JOIN cluster_conflicts x ON x.component = c.component
            WHERE s.weight >= {threshold!r}""", "component", resolve, RESOLVED)
    db.create("link.profile_entities", """SELECT c.record_id, coalesce(r.entity_id, c.component) AS entity_id,
        CASE WHEN r.record_id IS NULL THEN k.known ELSE r.known END AS known
        FROM cluster_components c LEFT JOIN cluster_resolved r ON r.record_id = c.record_id
        LEFT JOIN cluster_continues k ON k.component = c.component ORDER BY c.record_id""")
    db.drop("cluster_decided", "cluster_decided_apart", "cluster_apart", "cluster_known", "cluster_cc",
            "cluster_components", "cluster_continues", "cluster_typo_pairs", "cluster_typo_iins", "cluster_iin_typos",
            "cluster_labels", "cluster_resolved")
    # cluster_conflicts (a component number each) says which ones were replayed, and cluster_same (a clerk's
    # 'same' pairs, one person's records under two surnames) holds in ``guard`` too
    return int(db.fetch("SELECT count(DISTINCT entity_id) FROM link.profile_entities")[0][0])


def _clustered(db: Backend, threshold: float, decisions: Decisions | None,
               known: dict[int, str] | None = None) -> int:
    """``cluster``, and again with the pairs ``kin`` finds on its entities where it finds any (persons named by
    their name alone beside a linked person); the number of entities."""
    entities = cluster(db, threshold, decisions, known)
    if "link.person_records" in db.tables() and kin_pairs(db):
        entities = cluster(db, threshold, decisions, known, also=KIN_PAIRS)
    db.drop(KIN_PAIRS)
    return entities


def name_entities(db: Backend, clusters: str = "link.profile_entities") -> None:
    """``link.entities`` (record_id, entity_id): a cluster keeps the id of the existing entity it continues
    (``known``, incremental runs), else gets a hash of its smallest member's identity. ``link.identities`` keeps
    identity -> entity for the next incremental run."""
    db.create("link.entities", f"""WITH members AS (SELECT rp.record_id, e.entity_id AS cluster,
            {IDENTITY} AS identity FROM link.record_profiles rp
            JOIN {clusters} e ON e.record_id = rp.profile_id
            JOIN link.person_records r ON r.record_id = rp.record_id),
        continued AS (SELECT e.entity_id AS cluster, max(e.known) AS known FROM {clusters} e GROUP BY e.entity_id),
        named AS (SELECT m.cluster, coalesce(max(c.known), left(md5(min(m.identity)), 16)) AS entity_id
                  FROM members m JOIN continued c ON c.cluster = m.cluster GROUP BY m.cluster)
        SELECT m.record_id, n.entity_id FROM members m JOIN named n ON n.cluster = m.cluster""")
    db.create("link.identities", f"""SELECT {IDENTITY} AS identity, e.entity_id FROM link.person_records r
        JOIN link.entities e ON e.record_id = r.record_id""")


def store_model(db: Backend, model: Model) -> None:
    db.put("link.model", model.to_arrow())


def link(db: Backend, threshold: float = THRESHOLD, model: Model | None = None,
         decisions: Decisions | None = None) -> dict[str, float]:
    """Link ``link.person_records`` into ``link.entities`` (record_id, entity_id); return what happened. With
    ``model`` its m and u are used as given (a reviewed or hand-edited model) instead of being estimated."""
    spec = Spec.of(db)
    nodes = profiles(db, spec)
    pairs = candidate_pairs(db, spec)
    identifying = _identifying(db, spec.fields)  # once: for the model's personal attributes and for the scores
    if model is None:
        u = estimate_u(db, nodes, spec)
        model = estimate_m(db, u, nodes, spec)
        model.personal = personal(db, spec.fields, identifying)
    elif set(model.fields) != set(spec.fields):
        raise LinkError("link.model_fields", compared=", ".join(model.fields), fields=", ".join(spec.fields))
    store_model(db, model)
    term_frequencies(db)
    score(db, model, identifying=identifying)
    db.drop("vectors")
    entities = _clustered(db, threshold, decisions)
    suspicious = guard(db, threshold, same="cluster_same")
    name_entities(db)
    return {"profiles": nodes, "candidate_pairs": pairs, "entities": entities + suspicious.get("parts", 0)
            - suspicious.get("split", 0), "suspicious": suspicious.get("split", 0), "prior": model.prior}


STRONG = 10.0
"""How much above the threshold a pair must weigh to hold a suspicious entity together (log2: a thousand times
the odds)."""
SLIP_DAYS = 31
"""Two dates of birth this many days apart or fewer are one date mistyped (25.01 for 04.02), like those
``DATES_CLOSE`` says are."""
_DAYS_APART = "abs((year({l}) * 12 + month({l})) * 31 + day({l}) - (year({r}) * 12 + month({r})) * 31 - day({r}))"
"""About the days between two dates, in arithmetic every SQL engine here runs alike."""


def _slip(left: str, right: str) -> str:
    """SQL true where two full dates of birth are one date mistyped: ``DATES_CLOSE``, or ``SLIP_DAYS`` apart."""
    return f"({DATES_CLOSE.format(l=left, r=right)} OR {_DAYS_APART.format(l=left, r=right)} <= {SLIP_DAYS})"


def guard(db: Backend, threshold: float, same: str | None = None) -> dict[str, int]:
    """No entity whose profiles disagree on both first name and date of birth across many of them: one with at
    least four profiles, three first names (by sound: spellings of one name are one) and three dates of birth is a
    chain of look-alikes (a surname and an initial, a date and a surname), not a person. Its profiles are clustered
    again on strong pairs only (``STRONG`` above the threshold), each part an entity. So is one whose profiles
    give two full dates of birth each written by two sources or more (a mistyped date is one agency's slip, not
    two agencies'), or two dates no slip makes one of the other (1960-09-09 and 2001-04-29: namesakes chained by
    a record with no date, an emergency contact's name): there a pair across two dates holds with one IIN on
    both, or, where one of the dates is written by one source only, with dates a slip apart or on a strong pair
    (a date mistyped twice in one record); a profile with no full date joins on a strong pair or on one
    phone or e-mail (an emergency contact's name and phone).
    ``link.suspicious`` lists what was split and into how many parts (an empty table when nothing was: an entity
    that stays whole keeps its id). ``same``: the pairs ``cluster`` held together whatever their weight (a clerk's
    'same', one person's records under two surnames), which hold here too; the table is let go."""
    db.create("guard_stats", f"""SELECT e.entity_id, count(*) AS profiles, count(DISTINCT n.first_sound) AS firsts,
        count(DISTINCT n.birth_date) AS births FROM link.profile_entities e
        JOIN {NODES} n ON n.record_id = e.record_id GROUP BY e.entity_id""")
    db.create("guard_dates", f"""SELECT e.entity_id, n.birth_date, count(DISTINCT r.source) AS sources
        FROM link.profile_entities e JOIN {NODES} n ON n.record_id = e.record_id
        JOIN link.record_profiles rp ON rp.profile_id = n.record_id
        JOIN link.person_records r ON r.record_id = rp.record_id
        WHERE n.birth_date IS NOT NULL AND NOT n.birth_month_only GROUP BY e.entity_id, n.birth_date""")
    db.create("guard_two_dates", f"""SELECT DISTINCT a.entity_id FROM guard_dates a JOIN guard_dates b
        ON a.entity_id = b.entity_id AND a.birth_date < b.birth_date
        WHERE a.sources >= 2 AND b.sources >= 2 OR NOT {_slip("a.birth_date", "b.birth_date")}""")
    db.create("guard_members", """SELECT e.record_id, e.entity_id, t.entity_id IS NOT NULL AS two_dates
        FROM link.profile_entities e JOIN guard_stats g ON g.entity_id = e.entity_id
        LEFT JOIN guard_two_dates t ON t.entity_id = e.entity_id
        WHERE (g.profiles >= 4 AND g.firsts >= 3 AND g.births >= 3) OR t.entity_id IS NOT NULL""")
    if not db.count("guard_members"):  # nothing suspicious (most runs): no components to work out
        db.create("link.suspicious", """SELECT entity_id AS was_entity, count(*) AS profiles, count(*) AS parts
            FROM guard_members GROUP BY entity_id""")
        db.drop("guard_dates", "guard_two_dates", *([same] if same else []))
        return {"split": 0, "parts": 0}
    held = "" if same is None else f"""
        UNION ALL SELECT p.a, p.b FROM {same} p JOIN guard_members l ON l.record_id = p.a
            JOIN guard_members r ON r.record_id = p.b WHERE l.entity_id = r.entity_id"""
    connected_components(db, f"""SELECT s.l_id AS a, s.r_id AS b FROM link.pair_scores s
        JOIN guard_members l ON l.record_id = s.l_id JOIN guard_members r ON r.record_id = s.r_id
        JOIN {NODES} ln ON ln.record_id = s.l_id JOIN {NODES} rn ON rn.record_id = s.r_id
        LEFT JOIN guard_dates ld ON ld.entity_id = l.entity_id AND ld.birth_date = ln.birth_date
        LEFT JOIN guard_dates rd ON rd.entity_id = r.entity_id AND rd.birth_date = rn.birth_date
        WHERE s.weight >= {threshold!r} AND l.entity_id = r.entity_id AND CASE WHEN l.two_dates THEN (
            ln.iin = rn.iin OR ln.birth_date = rn.birth_date AND NOT ln.birth_month_only AND NOT rn.birth_month_only
            OR (ln.birth_date IS NULL OR rn.birth_date IS NULL OR ln.birth_month_only OR rn.birth_month_only)
               AND (s.weight >= {threshold + STRONG!r} OR s.phone = {TOP["phone"]} OR s.email = {TOP["email"]})
            OR ld.birth_date IS NOT NULL AND rd.birth_date IS NOT NULL AND (ld.sources < 2 OR rd.sources < 2)
               AND ({_slip("ln.birth_date", "rn.birth_date")} OR s.weight >= {threshold + STRONG!r}))
            ELSE s.weight >= {threshold + STRONG!r} END
        UNION ALL SELECT record_id AS a, record_id AS b FROM guard_members{held}""", "guard_parts")
    db.create("link.suspicious", """SELECT m.entity_id AS was_entity, count(*) AS profiles,
        count(DISTINCT p.component) AS parts FROM guard_members m JOIN guard_parts p ON p.node = m.record_id
        GROUP BY m.entity_id HAVING count(DISTINCT p.component) > 1""")
    found = db.fetch("SELECT count(*), coalesce(sum(parts), 0) FROM link.suspicious")[0]
    if found[0]:
        db.create("guard_entities", """SELECT e.record_id, CASE WHEN s.was_entity IS NULL THEN e.entity_id
            ELSE -p.component END AS entity_id, e.known FROM link.profile_entities e
            LEFT JOIN guard_parts p ON p.node = e.record_id
            LEFT JOIN link.suspicious s ON s.was_entity = e.entity_id""")
        db.create("link.profile_entities", "SELECT * FROM guard_entities")
    db.drop("guard_dates", "guard_two_dates", *([same] if same else []))
    return {"split": int(found[0]), "parts": int(found[1])}


def link_new(db: Backend, threshold: float = THRESHOLD, decisions: Decisions | None = None) -> dict[str, float]:
    """Link the records that are new since the last run (their identities are not in ``link.identities``)
    without a full rerun: the stored model scores only the pairs that involve a new profile; a new record joins
    the existing entity it matches, or starts a new one; existing entities keep their ids and are never merged
    with each other here (a full run may do that)."""
    if "identities" not in {t.split(".")[-1] for t in db.tables()}:
        raise LinkError("link.no_earlier_run")
    model = Model.from_rows([(str(f), int(lvl), m, u) for f, lvl, m, u in
                             db.fetch("SELECT field, level, m, u FROM link.model")])
    spec = Spec(tuple(f for f in model.fields if f.startswith(EXTRA)))
    if set(Spec.of(db).fields) != set(model.fields):
        raise LinkError("link.fields_changed")
    nodes = profiles(db, spec)
    db.create("profile_known", f"""SELECT rp.profile_id, min(i.entity_id) AS entity_id
        FROM link.record_profiles rp JOIN link.person_records r ON r.record_id = rp.record_id
        JOIN link.identities i ON i.identity = {IDENTITY} GROUP BY rp.profile_id""")
    db.create("new_profiles", f"""SELECT record_id FROM {NODES} WHERE record_id NOT IN
        (SELECT profile_id FROM profile_known)""")
    new = db.count("new_profiles")
    pairs = candidate_pairs(db, spec, touching="new_profiles")
    term_frequencies(db)
    score(db, model)
    db.drop("vectors")
    known = {int(p): str(e) for p, e in db.fetch("SELECT profile_id, entity_id FROM profile_known")}
    entities = _clustered(db, threshold, decisions, known)
    db.drop("cluster_same")
    name_entities(db)
    return {"profiles": nodes, "new_profiles": new, "candidate_pairs": pairs, "entities": entities,
            "prior": model.prior}
