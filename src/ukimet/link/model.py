"""The linkage model: which fields are compared, the levels of agreement each can show, and per level the
probabilities m = P(level | same person) and u = P(level | different people). Built with no configuration from
the standardised evidence; stored in the store (``link.model``) after every run, printable, and overridable from
a JSON file a reviewer edited (``ukimet link --model FILE``)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ukimet.core.errors import LinkError

if TYPE_CHECKING:  # imported where used: the command line reads THRESHOLD at start (tests/test_startup.py)
    import pyarrow as pa

THRESHOLD = 2.0
"""Merge pairs whose match weight (log2 odds, the prior included) is at least this: four to one that the two are
one person (a match probability of 0.8). At even odds (0), two boys of one first name born the same day, their
surnames apart, merged on those alone; nearer pairs wait in the review queue (``ukimet link-review``)."""

# field -> SQL giving the level of agreement of a pair l, r (0 = no information; 1 = disagreement; higher =
# stronger agreement), in DuckDB's SQL (translated for Spark)
IIN_TYPO = """(levenshtein(left(l.iin, 11), left(r.iin, 11)) <= 2 OR (left(l.iin, 7) = left(r.iin, 7)
            AND (jaro_winkler_similarity(l.address_key, r.address_key) >= 0.88 OR l.phone_key = r.phone_key
                 OR l.email_key = r.email_key)))
        AND l.birth_date = r.birth_date AND NOT (l.birth_month_only OR r.birth_month_only)
        AND jaro_winkler_similarity(l.surname_stem, r.surname_stem) >= 0.9
        AND jaro_winkler_similarity(l.first_key, r.first_key) >= 0.9
        AND coalesce(jaro_winkler_similarity(l.father_key, r.father_key) >= 0.88, true)
        AND coalesce(l.sex = r.sex, true)
        AND NOT coalesce(l.phone_key <> r.phone_key, false) AND NOT coalesce(l.email_key <> r.email_key, false)"""
"""Two different valid IINs that are likely one IIN mistyped: their first eleven digits at most two apart (a digit,
or two neighbours swapped: 850321 for 850312), whatever the check digit, which an agency's system recomputes from
the digits typed and so says nothing of its own; or apart only in the serial number (the birth date and
sex digits the same) on records that also share an address, phone or e-mail; and on records that agree on the
date of birth, whose surname stems and first names are alike (a spelling apart at most) and whose father's names
and sexes do not disagree. Such a pair is compared digit by digit; any other pair of different valid IINs is two
persons (twins, with neighbouring IINs, differ in their first names)."""

def initial_sql(name: str, letters: str = "1") -> str:
    """SQL of the first ``letters`` of a folded name as an initial: e and i are one (a Latin initial Y, folded i,
    begins Yerlan, folded erlan, as Е does)."""
    return f"translate(left({name}, {letters}), 'e', 'i')"


_SHORTER = "least(length(l.{c}), length(r.{c}))"
_INITIAL = f"""WHEN length(l.{{c}}) <= 2 OR length(r.{{c}}) <= 2 THEN CASE WHEN {initial_sql("l.{c}", _SHORTER)}
            = {initial_sql("r.{c}", _SHORTER)} THEN 2 ELSE 1 END"""
"""An initial (Н. in Ахметов Н.С.; its key one or two letters) against a name: similar when the name begins with
it, different when not. A Latin initial Y (folded i) begins Yerlan (folded erlan) as Е does: e and i are one
initial."""

SHORT_FORM = """(left(r.first_key, length(l.first_full)) = l.first_full
        OR left(l.first_key, length(r.first_full)) = r.first_full OR l.first_full = r.first_full)"""
"""One first name is a short form of the other (Саша and Александр, Бауке and Бауыржан: ``names.full_name_begins``),
or both are short forms of one name."""

FIRSTS_UNALIKE = """length(l.first_key) > 2 AND length(r.first_key) > 2
        AND jaro_winkler_similarity(l.first_key, r.first_key) < 0.8"""
"""Two first names, neither an initial, that are not one name spelt apart (their keys under 0.8 alike)."""

NAMES_APART = f"""{FIRSTS_UNALIKE}
        AND jaro_winkler_similarity(l.surname_stem, r.surname_stem) < 0.8
        AND jaro_winkler_similarity(l.first_key, r.surname_key) < 0.8
        AND jaro_winkler_similarity(l.surname_key, r.first_key) < 0.8
        AND NOT coalesce(l.father_key = r.father_key, false)"""
"""Two records whose first names and surnames are both wholly different (neither a spelling nor an initial apart,
straight or crosswise: Кирилл Петорв is PETROV KIRILL with a slip) and whose father's names do not agree: not one
person's records, whatever identifier they share. One IIN on both is an IIN mistyped onto another person's record
(or a parent's IIN on a child's), so it is no evidence: shown as its own level, weighed as no information."""

DATES_CLOSE = """(year({l}) = year({r}) AND (month({l}) = month({r}) OR day({l}) = day({r})
             OR (month({l}) = day({r}) AND day({l}) = month({r})))
        OR month({l}) = month({r}) AND day({l}) = day({r})
             AND (abs(year({l}) - year({r})) = 1
                  OR levenshtein(CAST(year({l}) AS VARCHAR), CAST(year({r}) AS VARCHAR)) = 1
                  OR year({l}) - year({l}) % 100 = year({r}) - year({r}) % 100
                     AND year({l}) % 10 = (year({r}) % 100 - year({r}) % 10) / 10
                     AND year({r}) % 10 = (year({l}) % 100 - year({l}) % 10) / 10))"""
"""Two full dates of birth one slip apart (``{l}``, ``{r}``): the year and the month or the day agree, or day and
month are swapped; the month and day agree and the year is a year or a digit off, or its last two digits are
swapped (1959 for 1995). Dates one character apart are
among these (a digit of the year, the month or the day), so their text is not compared: casting every pair's
dates to text was most of this test's time."""


IIN_BORROWED = f"""(NOT l.iin_valid OR NOT r.iin_valid)
        AND ({FIRSTS_UNALIKE} AND NOT coalesce({SHORT_FORM}, false)
             OR NOT (l.birth_month_only OR r.birth_month_only) AND l.birth_date <> r.birth_date
                AND NOT ({DATES_CLOSE.format(l="l.birth_date", r="r.birth_date")}))"""
"""One IIN on two records, one of which does not hold it as its own (its date of birth belies it, or it fails its
check digit), whose first names or dates of birth are wholly apart: a family member's number on a child's or a
sister's record (Алуа under Индира's IIN), no evidence that the two are one person. Where both records hold the
IIN as their own, a first name written two ways (Ержан, Yerzhan) or a wrong date is the record's slip."""


AGE_SLIP = 1
"""Years an age as told may be off (an ambulance card's 75 for a patient of 76): a date of birth taken from an age
agrees in part with a date up to this many years beyond the two years the age allows."""
LEVELS: dict[str, str] = {
    "iin": f"""CASE WHEN l.iin IS NULL OR r.iin IS NULL THEN 0
        WHEN l.iin = r.iin THEN CASE WHEN l.first_key = r.first_key AND l.iin_valid AND r.iin_valid THEN 4
            WHEN coalesce({NAMES_APART}, false) OR coalesce({IIN_BORROWED}, false) THEN 0 ELSE 4 END
        WHEN l.iin_valid AND r.iin_valid THEN CASE WHEN coalesce({IIN_TYPO}, false) THEN 3 ELSE 1 END
        WHEN levenshtein(l.iin, r.iin) <= 1 OR levenshtein(left(l.iin, 11), left(r.iin, 11)) <= 1
            OR (left(l.iin, 10) = left(r.iin, 10)) THEN 3
        ELSE 2 END""",
    "birth_date": f"""CASE WHEN l.birth_date IS NULL OR r.birth_date IS NULL THEN 0
        WHEN l.birth_approx OR r.birth_approx THEN CASE WHEN year(r.birth_date) - year(l.birth_date)
            BETWEEN -CAST(r.birth_approx AS INTEGER) - {AGE_SLIP} AND CAST(l.birth_approx AS INTEGER) + {AGE_SLIP}
            THEN 2 ELSE 1 END
        WHEN l.birth_date = r.birth_date AND NOT (l.birth_month_only OR r.birth_month_only) THEN 3
        WHEN (l.birth_month_only OR r.birth_month_only) THEN CASE WHEN year(l.birth_date) = year(r.birth_date)
             AND (month(l.birth_date) = month(r.birth_date) OR l.birth_year_only OR r.birth_year_only) THEN 2
             ELSE 1 END
        WHEN {DATES_CLOSE.format(l="l.birth_date", r="r.birth_date")} THEN 2
        ELSE 1 END""",
    "surname": """CASE WHEN l.surname_key IS NULL OR r.surname_key IS NULL THEN 0
        WHEN l.surname_key = r.surname_key THEN 5
        WHEN l.surname_stem = r.surname_stem THEN 4
        WHEN jaro_winkler_similarity(l.surname_stem, r.surname_stem) >= 0.9 THEN 3
        WHEN l.sex = 'M' AND r.sex = 'M' THEN 1 ELSE 2 END""",
    "first": f"""CASE WHEN l.first_key IS NULL OR r.first_key IS NULL THEN 0
        WHEN l.first_key = r.first_key THEN 3
        {_INITIAL.format(c="first_key")}
        WHEN jaro_winkler_similarity(l.first_key, r.first_key) >= 0.9 OR coalesce({SHORT_FORM}, false) THEN 2
        ELSE 1 END""",
    "father": f"""CASE WHEN l.father_key IS NULL OR r.father_key IS NULL THEN 0
        WHEN l.father_key = r.father_key THEN 3
        {_INITIAL.format(c="father_key")}
        WHEN jaro_winkler_similarity(l.father_key, r.father_key) >= 0.88 THEN 2 ELSE 1 END""",
    "sex": """CASE WHEN l.sex IS NULL OR r.sex IS NULL THEN 0 WHEN l.sex = r.sex THEN 2 ELSE 1 END""",
    "address": """CASE WHEN l.address_key IS NULL OR r.address_key IS NULL THEN 0
        WHEN l.address_key = r.address_key THEN 3
        WHEN jaro_winkler_similarity(l.address_key, r.address_key) >= 0.88 THEN 2 ELSE 1 END""",
    "phone": """CASE WHEN l.phone_key IS NULL OR r.phone_key IS NULL THEN 0
        WHEN l.phone_key = r.phone_key THEN 2 ELSE 1 END""",
    "email": """CASE WHEN l.email_key IS NULL OR r.email_key IS NULL THEN 0
        WHEN l.email_key = r.email_key THEN 2 ELSE 1 END""",
}
FIELDS = tuple(LEVELS)
TOP = {"iin": 4, "birth_date": 3, "surname": 5, "first": 3, "father": 3, "sex": 2, "address": 3, "phone": 2,
       "email": 2}
"""The strongest level of each field."""
LEVEL_NAMES: dict[str, dict[int, str]] = {
    "iin": {0: "missing, or the same IIN on records of wholly different names (a mistyped IIN)",
            1: "two different valid IINs", 2: "different",
            3: "one digit apart, or a likely typo (all else agrees)", 4: "same IIN"},
    "birth_date": {0: "missing", 1: "different (more than a typo)",
                   2: "a typo apart (same year and month or day, day and month swapped, one digit, the next year, "
                      "the year's last two digits swapped)",
                   3: "same date"},
    "surname": {0: "missing", 1: "different, both men (men seldom change their surname)",
                2: "different (a woman's, who may have married, or of unknown sex)", 3: "similar",
                4: "same stem, other ending", 5: "same surname"},
    "first": {0: "missing", 1: "different", 2: "similar, its initial or its short form (Саша, Бауке)", 3: "same name"},
    "father": {0: "missing", 1: "different", 2: "similar, or its initial", 3: "same father's name"},
    "sex": {0: "missing", 1: "different", 2: "same"},
    "address": {0: "missing", 1: "different", 2: "similar", 3: "same address"},
    "phone": {0: "missing", 1: "different", 2: "same phone"},
    "email": {0: "missing", 1: "different", 2: "same e-mail"},
}
BIRTHS_APART = "birth_date = 1 AND iin < 3"
"""A pair whose dates of birth are both known and differ by more than a typo, with no IIN that agrees. Where the
data show that one person's birth date is almost never written wholly differently by two agencies (``Model.
births_apart``), such a pair is two persons however alike their names (namesakes: a parent and a child, cousins),
and the pair alone never joins them. Where they do not (FEBRL replaces birth dates outright), it is weighed."""
BIRTHS_APART_CAP = -1.0
"""What such a pair weighs at most then (below the default threshold; shown in explanations as any other weight)."""
NAMED_ONLY_ABSENT = ("iin", "birth_date", "father")
"""Fields of which a pair must know none to be a pair of names alone (``named_only``)."""
NAMED_ONLY_CONTACTS = {"phone": 2, "email": 2, "address": 2}
"""The agreements of contacts (and their lowest level) that say more than the names."""


def named_only(fields: Iterable[str], identifying: Iterable[str] = ()) -> str | None:
    """SQL over a pair's levels true where all it has to go by is a name: no IIN, date of birth or father's name
    known on both sides, and no phone, e-mail, address or ``identifying`` further attribute that agrees (a loan
    application's contact person "Омаров Данияр", beside a registry's Омаров Данияр born 1976; not FEBRL's records
    with no date of birth, whose social security numbers agree). However rare a name looks in a run, a country holds
    its namesakes: such a pair alone never joins two records (it weighs at most ``BIRTHS_APART_CAP``, and waits in
    the review queue). None where no such field is in the run."""
    have = set(fields)
    absent = [f"{name} = 0" for name in NAMED_ONLY_ABSENT if name in have]
    if not absent:
        return None
    contacts = [f"{name} >= {level}" for name, level in NAMED_ONLY_CONTACTS.items() if name in have] + \
        [f"{name} >= 2" for name in sorted(identifying) if name in have]
    return " AND ".join(absent) + (f" AND NOT ({' OR '.join(contacts)})" if contacts else "")


BIRTHS_APART_RARE = 0.01
"""At most this share of the pairs that share a valid IIN may have births apart for the rule to hold."""
FIRSTS_WHOLLY_APART = f"""CASE WHEN first = 1 THEN coalesce({FIRSTS_UNALIKE}
        AND (levenshtein(l.first_key, r.first_key) > 2
             OR 2 * levenshtein(l.first_key, r.first_key) >= greatest(length(l.first_key), length(r.first_key))), false)
        ELSE false END"""
"""First names that are not one name misspelt: neither alike nor two letters apart (or, of a short name, half its
letters apart: the twins Асан and Үсен), nor an initial, nor a short form (Айсұлу and Томирис; not Марат and Мрат,
Айгүл and А., Саша and Александр). Over the pair's level of
``first`` (1: different, so neither the same, an initial of the other, alike nor a short form), which says most
of it, with the keys for the rest."""
FIRSTS_APART = "firsts_apart AND iin < 3"
"""A pair whose first names are both known and wholly different (``FIRSTS_WHOLLY_APART``), with no IIN
that agrees. Where the data show that one person's first name is almost never written wholly differently by two
agencies (``Model.firsts_apart``), such a pair is two persons however much else agrees: twins and siblings share
a surname, a date of birth and an address, and only their first names tell them apart. Capped as births apart
are (``BIRTHS_APART_CAP``); where the data do not show it, weighed."""
NEITHER_NAME_NOR_BIRTH = "(firsts_apart AND birth_date < 3 OR birth_date = 1 AND first < 3)"
"""A pair whose first names are wholly different with no date of birth the same, or whose dates of birth are more
than a typo apart with no first name the same: nothing says who it is. With no IIN that agrees it is two persons,
whatever the data show of either field alone and however much they share: a family's passengers on one booking
(one locator, flight, phone and e-mail, one surname) are as alike as that, and an airline's file linked alone
made every family one entity. Capped as ``BIRTHS_APART`` is, unless an attribute of one person agrees
(``PERSONAL_APART_MOST``: FEBRL's social security number, beside records whose name and date were both replaced)."""
PERSONAL = "_personal:"
"""How a ``Model.personal`` attribute is stored among the model's rows (``link.model``)."""
PERSONAL_APART_MOST = 0.1
"""A further attribute of one person, not of a group: among the pairs that agree on it, at most this share is
``NEITHER_NAME_NOR_BIRTH`` (FEBRL's social security number and its addresses: 0.01; a booking locator or a
flight, which a family shares: 0.96, its phone 0.7; a postcode: 0.9)."""
ANCHORED_PAIRS = 100
"""Pairs sharing a valid IIN needed to tell how often births are apart within one person."""
VOLATILE = frozenset({"address", "phone", "email"})
"""Fields a person changes: their disagreement is weak evidence of two persons."""
MONOTONE = frozenset({"iin", "birth_date", "first", "father", "address", "phone", "email"})
"""Fields whose levels rise with agreement: a partial agreement (a date a slip apart) weighs at most what the full
one does. Estimated freely, a small extract of namesakes born a slip apart taught the model the opposite, and a
record joined the namesake of the swapped date over the person of the same date."""
VOLATILE_FLOOR = -1.0
"""The most a volatile field's disagreement may weigh against a match (log2: half the odds)."""
TF_FIELDS = {"surname": "surname_key", "first": "first_key"}
"""Fields whose exact agreement is weighed by how common the value is."""
EXTRA = "x_"
"""Prefix of further attributes compared as they are (postcode, document number ...: linking files, every
non-key column the files have)."""
EXTRA_LEVELS = """CASE WHEN l.{c} IS NULL OR r.{c} IS NULL THEN 0 WHEN l.{c} = r.{c} THEN 3
        WHEN jaro_winkler_similarity(l.{c}, r.{c}) >= 0.9 THEN 2 ELSE 1 END"""
EXTRA_NAMES = {0: "missing", 1: "different", 2: "similar", 3: "same"}


def level_sql(name: str) -> str:
    return LEVELS[name] if name in LEVELS else EXTRA_LEVELS.format(c=name)


def top(name: str) -> int:
    """The strongest level of a field."""
    return TOP.get(name, 3)


def meaning(name: str, level: int) -> str:
    return LEVEL_NAMES.get(name, EXTRA_NAMES)[level]


@dataclass
class Model:
    """Per field and level, m = P(level | match) and u = P(level | non-match); and the prior match share."""

    m: dict[str, dict[int, float]] = field(default_factory=dict)
    u: dict[str, dict[int, float]] = field(default_factory=dict)
    prior: float = 0.01
    fields: tuple[str, ...] = FIELDS
    """The fields compared, in order: the built-in ones and any further attributes (x_...)."""
    tf_floor: float = 1e-5
    """The smallest name frequency the term-frequency adjustment believes (caps a unique name's bonus)."""
    births_apart: float | None = None
    """Among candidate pairs that share a valid IIN (one person, almost surely), the share whose births differ by
    more than a typo; None when there were too few such pairs to tell (``ANCHORED_PAIRS``)."""

    firsts_apart: float | None = None
    """As ``births_apart``, for first names wholly different (``FIRSTS_APART``)."""

    personal: tuple[str, ...] = ()
    """Further attributes and contacts that are one person's, not a group's (``PERSONAL_APART_MOST``): their
    agreement vouches for a pair ``NEITHER_NAME_NOR_BIRTH`` would keep apart."""

    @property
    def strict_births(self) -> bool:
        """Births apart make two persons (``BIRTHS_APART``): the data show one person's birth is written alike."""
        return self.births_apart is not None and self.births_apart <= BIRTHS_APART_RARE

    @property
    def strict_firsts(self) -> bool:
        """First names apart make two persons (``FIRSTS_APART``): the data show one person's name is written alike."""
        return self.firsts_apart is not None and self.firsts_apart <= BIRTHS_APART_RARE

    def apart(self) -> str | None:
        """SQL over a pair's levels true where the pair alone must not join two records (``BIRTHS_APART``,
        ``FIRSTS_APART``, as far as the data showed those rules hold; ``NEITHER_NAME_NOR_BIRTH`` unless one of the
        ``personal`` attributes agrees: a social security number); None when none does."""
        have = set(self.fields)
        rules = [rule for rule, field, strict in ((BIRTHS_APART, "birth_date", self.strict_births),
                                                  (FIRSTS_APART, "first", self.strict_firsts))
                 if strict and {"iin", field} <= have]
        if {"first", "birth_date"} <= have:
            vouch = [f"{name} >= 2" for name in sorted(self.personal) if name in have]
            rules.append(NEITHER_NAME_NOR_BIRTH + (" AND iin < 3" if "iin" in have else "")
                         + (f" AND NOT ({' OR '.join(vouch)})" if vouch else ""))
        return " OR ".join(f"({r})" for r in rules) or None

    def weight(self, name: str, level: int) -> float:
        """log2(m/u) of one level; 0 for 'no information'. A volatile field's disagreement weighs at most
        ``VOLATILE_FLOOR`` against: people move and change phones, and agencies lag, so an address that differs
        says little, whatever one source's habits taught the estimate."""
        if level == 0:
            return 0.0
        # a field no record of the run carried has no u (the model stored a prior m alone): it weighs nothing
        weight = math.log2(self.m.get(name, {}).get(level, 1e-6) / self.u.get(name, {}).get(level, 1e-6))
        if name in MONOTONE and 1 < level < top(name) and top(name) in self.m.get(name, {}):
            # a partial agreement is never worth more than a full one; where no pair agreed in full (every date
            # of birth of one file is a year and month), the full agreement's m is unknown, not nil, and caps nothing
            weight = min(weight, self.weight(name, top(name)))
        return max(weight, VOLATILE_FLOOR) if level == 1 and name in VOLATILE else weight

    def rows(self) -> list[dict[str, Any]]:
        """One row per field and level, with its meaning and weight: what ``ukimet link --show-model`` prints."""
        return [{"field": n, "level": lvl, "meaning": meaning(n, lvl), "m": self.m[n].get(lvl),
                 "u": self.u.get(n, {}).get(lvl), "weight": self.weight(n, lvl)}
                for n in self.fields if self.m.get(n) for lvl in sorted(self.m[n])]

    def to_arrow(self) -> pa.Table:
        import pyarrow as pa

        rows = [*self.rows(), {"field": "_prior", "level": 0, "m": self.prior, "u": self.tf_floor}]
        for name, share in (("_births_apart", self.births_apart), ("_firsts_apart", self.firsts_apart)):
            if share is not None:
                rows.append({"field": name, "level": 0, "m": share, "u": None})
        rows += [{"field": PERSONAL + name, "level": 0, "m": None, "u": None} for name in self.personal]
        return pa.table({"field": [r["field"] for r in rows], "level": pa.array([r["level"] for r in rows], pa.int32()),
                         "m": pa.array([r["m"] for r in rows], pa.float64()),
                         "u": pa.array([r["u"] for r in rows], pa.float64())})

    @classmethod
    def from_rows(cls, rows: list[tuple[str, int, float | None, float | None]]) -> Model:
        model = cls()
        for name, level, m, u in rows:
            if name == "_prior":
                model.prior, model.tf_floor = float(m or 0.01), float(u or 1e-5)
                continue
            if name in ("_births_apart", "_firsts_apart"):
                setattr(model, name[1:], None if m is None else float(m))
                continue
            if name.startswith(PERSONAL):
                model.personal = (*model.personal, name.removeprefix(PERSONAL))
                continue
            if name not in model.fields:
                model.fields = (*model.fields, name)
            if m is not None:
                model.m.setdefault(name, {})[int(level)] = float(m)
            if u is not None:
                model.u.setdefault(name, {})[int(level)] = float(u)
        return model

    def to_json(self) -> str:
        return json.dumps({"prior": self.prior, "tf_floor": self.tf_floor, "births_apart": self.births_apart,
                           "firsts_apart": self.firsts_apart, "personal": list(self.personal),
                           "fields": {n: {str(lvl): {"meaning": meaning(n, lvl), "m": self.m[n].get(lvl),
                                                     "u": self.u.get(n, {}).get(lvl)} for lvl in sorted(self.m[n])}
                                      for n in self.fields if self.m.get(n)}}, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, path: Path) -> Model:
        """A model from a JSON file in the format ``to_json`` writes; every probability checked."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            apart, firsts = data.get("births_apart"), data.get("firsts_apart")
            model = cls(prior=float(data["prior"]), tf_floor=float(data.get("tf_floor", 1e-5)),
                        births_apart=None if apart is None else float(apart),
                        firsts_apart=None if firsts is None else float(firsts),
                        personal=tuple(str(name) for name in data.get("personal", [])))
            for name, levels in data["fields"].items():
                if name not in LEVELS and not name.startswith(EXTRA):
                    raise ValueError(f"unknown field {name!r}; the fields are {', '.join(FIELDS)} and x_<column>")
                if name not in model.fields:
                    model.fields = (*model.fields, name)
                for level, values in levels.items():
                    lvl = int(level)
                    if not 1 <= lvl <= top(name):
                        raise ValueError(f"{name} has no level {lvl}")
                    for kind in ("m", "u"):
                        p = float(values[kind])
                        if not 0 < p <= 1:
                            raise ValueError(f"{name} level {lvl}: {kind} = {p} is not a probability in (0, 1]")
                    model.m.setdefault(name, {})[lvl] = float(values["m"])
                    model.u.setdefault(name, {})[lvl] = float(values["u"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise LinkError("link.model_file", path=str(path), detail=str(error)) from error
        return model
