"""How people in Kazakhstan are named: name pools per ethnic group and generation, and the rules that build
surnames and patronymics from a father's or an ancestor's name (shared/data/README.md).

Since 1996 a Kazakh may drop the Russian endings: the patronymic is then the father's name + -ұлы (son) or
-қызы (daughter), and the surname may be the father's name, bare or + -ұлы/-қызы. Russian-style surnames take a
gender ending (Ахметов / Ахметова, Ковалевский / Ковалевская); Ukrainian -енко, German and Korean surnames do not.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate

from ukimet.core.ids import Sex
from ukimet.synth.draw import weighted

ETHNICITIES = ("kazakh", "russian", "uzbek", "ukrainian", "uyghur", "german", "tatar", "korean")
KAZAKH_STYLE_NAMES = ("kazakh",)
_SOFT_FINALS = "жшщчц"
_VOWELS = "аәеиіоөұүыэюя"


def generation(birth_year: int) -> int:
    """0 for people born before 1965, 1 for 1965-1999, 2 for 2000 and later: the name-fashion eras."""
    return 0 if birth_year < 1965 else 1 if birth_year < 2000 else 2


@dataclass(frozen=True)
class _Pool:
    values: tuple[str, ...]
    cum_weights: tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]

    def draw(self, rng: random.Random, era: int) -> str:
        return weighted(rng, self.values, self.cum_weights[era])


@dataclass(frozen=True)
class NamePools:
    first: dict[tuple[str, Sex], _Pool]
    surname: dict[str, _Pool]
    """Masculine surnames (or, for Kazakhs, ancestor names that surnames are built from)."""
    patronymic: dict[str, tuple[str, str]]
    """Explicit (male, female) patronymics for fathers' names the rules would get wrong."""


@cache
def pools() -> NamePools:
    text = resources.files("ukimet.synth").joinpath("data/names.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    grouped: dict[tuple[str, str, str], list[tuple[str, tuple[float, float, float]]]] = defaultdict(list)
    patronymic: dict[str, tuple[str, str]] = {}
    for row in rows:
        weights = (float(row["w_old"]), float(row["w_mid"]), float(row["w_new"]))
        grouped[(row["ethnicity"], row["sex"], row["kind"])].append((row["value"], weights))
        if row["patronymic_m"]:
            patronymic[row["value"]] = (row["patronymic_m"], row["patronymic_f"])

    def pool(entries: list[tuple[str, tuple[float, float, float]]]) -> _Pool:
        # an era with no weight at all falls back to equal weights rather than failing
        eras = tuple(
            tuple(accumulate([w[era] for _, w in entries] if any(w[era] for _, w in entries) else [1.0] * len(entries)))
            for era in range(3)
        )
        return _Pool(tuple(v for v, _ in entries), (eras[0], eras[1], eras[2]))

    first: dict[tuple[str, Sex], _Pool] = {
        (eth, "M" if sex == "M" else "F"): pool(entries)
        for (eth, sex, kind), entries in grouped.items() if kind == "first"
    }
    surname = {eth: pool(e) for (eth, _, kind), e in grouped.items() if kind in ("surname", "root")}
    # Kazakh surnames are built from ancestors' names: the root pool plus the older men's given names
    kazakh_roots = grouped[("kazakh", "M", "root")] + [
        (v, (w[0], w[0], w[0])) for v, w in grouped[("kazakh", "M", "first")] if w[0] > 0
    ]
    surname["kazakh"] = pool(kazakh_roots)
    return NamePools(first, surname, patronymic)


def russian_ending(root: str, sex: Sex) -> str:
    """A surname with a Russian ending built from a Kazakh name: Ахмет -> Ахметов, Жұмабай -> Жұмабаев,
    Мұса -> Мұсин; for a woman Ахметова, Жұмабаева, Мұсина."""
    last = root[-1]
    if last == "й":
        base = root[:-1] + "ев"
    elif last in "иі" or last in _SOFT_FINALS:
        base = root + "ев"
    elif last in _VOWELS:
        base = root[:-1] + "ин"
    else:
        base = root + "ов"
    return base + ("а" if sex == "F" else "")


def gendered_surname(surname: str, sex: Sex) -> str:
    """The form of a masculine surname for ``sex``: Иванов -> Иванова, Ковалевский -> Ковалевская, Ким -> Ким."""
    if sex == "M":
        return surname
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    return surname


def masculine_surname(surname: str) -> str:
    """Back from a feminine surname to the masculine form: Ахметова -> Ахметов, Ковалевская -> Ковалевский."""
    if surname.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return surname[:-1]
    if surname.endswith(("ская", "цкая")):
        return surname[:-2] + "ий"
    return surname


def russian_patronymic(father: str, sex: Sex) -> str:
    """A patronymic with Russian endings: Серік -> Серікович / Серіковна, Жұмабай -> Жұмабаевич."""
    explicit = pools().patronymic.get(father)
    if explicit:
        return explicit[0] if sex == "M" else explicit[1]
    last = father[-1]
    if last == "й":
        stem = father[:-1] + "ев"
    elif last in _VOWELS or last in _SOFT_FINALS:
        stem = father + "ев"
    else:
        stem = father + "ов"
    return stem + ("ич" if sex == "M" else "на")


def kazakh_patronymic(father: str, sex: Sex) -> str:
    """A patronymic in the Kazakh form: Серік -> Серікұлы (son) / Серікқызы (daughter)."""
    return father + ("ұлы" if sex == "M" else "қызы")


def can_take_surname(surname: str) -> bool:
    """Whether a wife can take this surname at marriage: a -ұлы surname belongs to a son only."""
    return not surname.endswith(("ұлы", "улы"))
