"""The scripts a Kazakh name is written in, as data: Kazakh Cyrillic, Russian-letter Cyrillic, the official 2021
Latin alphabet, passport Latin and informal Latin. Each conversion is the letter table plus one function."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

KAZAKH_ONLY_LETTERS = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"
_KAZAKH_ONLY = re.compile(f"[{KAZAKH_ONLY_LETTERS}]")
"""A search, not a set: a regular expression scans a name several times faster than set.isdisjoint."""


@dataclass(frozen=True)
class Letter:
    cyrillic: str
    russian: str
    latin_2021_upper: str
    latin_2021_lower: str
    passport: str
    informal: tuple[str, ...]


@cache
def letters() -> dict[str, Letter]:
    """The letter table, keyed by the upper-case Cyrillic letter."""
    text = resources.files("ukimet.core").joinpath("data/kazakh_scripts.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {
        row["cyrillic"]: Letter(
            row["cyrillic"], row["russian"], row["latin_2021_upper"], row["latin_2021_lower"], row["passport"],
            tuple(row["informal"].split("|")) if row["informal"] else ("",),
        )
        for row in rows
    }


@cache
def _russian_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for upper, letter in letters().items():
        table[ord(upper)] = letter.russian
        table[ord(upper.lower())] = letter.russian.lower()
    return table


def has_kazakh_letters(text: str) -> bool:
    """True when ``text`` has a letter that only the Kazakh alphabet has (ә, ғ, қ, ң, ө, ұ, ү, һ, і)."""
    return _KAZAKH_ONLY.search(text) is not None


def to_russian_letters(text: str) -> str:
    """Kazakh-only letters replaced by the Russian ones legacy systems use: Нұрсұлтан -> Нурсултан."""
    return text.translate(_russian_table())


def _per_word(text: str, convert: Callable[[str, bool], str]) -> str:
    """Convert letter by letter; ``convert(letter, upper)`` gets the letter and whether it is upper case. A word
    written all in capitals stays all in capitals."""
    words = text.split(" ")
    out = []
    for word in words:
        converted = "".join(convert(c, c.isupper()) for c in word)
        out.append(converted.upper() if len(word) > 1 and word.isupper() else converted)
    return " ".join(out)


def to_latin_2021(text: str) -> str:
    """The official 2021 Kazakh Latin alphabet: Шыңғыс -> Şyñğys."""
    table = letters()

    def convert(c: str, upper: bool) -> str:
        letter = table.get(c.upper())
        if letter is None:
            return c
        return letter.latin_2021_upper if upper else letter.latin_2021_lower

    return _per_word(text, convert)


def to_passport_latin(text: str) -> str:
    """Passport Latin, in capitals as passports print it: Жұмабаев -> ZHUMABAEV."""
    table = letters()
    return "".join(table[c].passport if c in table else c for c in text.upper())


def to_informal_latin(text: str, choose: Callable[[Sequence[str]], str]) -> str:
    """Latin as people type it without a standard; ``choose`` picks one of a letter's usual spellings."""
    table = letters()

    def convert(c: str, upper: bool) -> str:
        letter = table.get(c.upper())
        if letter is None:
            return c
        spelling = choose(letter.informal)
        return spelling[:1].upper() + spelling[1:] if upper else spelling

    return _per_word(text, convert)


LATIN_RUSSIAN = (
    ("shch", "щ"), ("sch", "щ"), ("iya", "ия"), ("iyu", "ию"), ("iye", "ие"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"),
    ("ye", "е"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("iy", "ий"), ("yy", "ый"),
    ("ju", "ю"), ("ja", "я"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("j", "й"), ("k", "к"), ("q", "к"), ("c", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("x", "кс"),
    ("'", "ь"))
"""Russian typed in Latin letters without a standard (skolko semey, poluchayut, naseleniya), longest first; y is
й after a vowel and ы elsewhere."""
_LATIN_VOWELS = frozenset("aeiouy")


def russian_from_latin(text: str) -> str:
    """Russian typed in Latin letters, in Cyrillic: ``skolko semey poluchayut ASP`` -> ``сколко семей получают
    АСП``. The spelling is a guess (сколко for сколько): the reader's dictionary forms and one-edit typos do the
    rest. Letters of other scripts and everything that is not a Latin letter stay as they are."""
    out: list[str] = []
    lowered = text.lower()
    i = 0
    while i < len(text):
        found = next(((latin, russian) for latin, russian in LATIN_RUSSIAN if lowered.startswith(latin, i)), None)
        if found is None and lowered[i] == "y":
            found = ("y", "й" if i > 0 and lowered[i - 1] in _LATIN_VOWELS else "ы")
        if found is None:
            out.append(text[i])
            i += 1
            continue
        latin, russian = found
        out.append(russian[:1].upper() + russian[1:] if text[i].isupper() else russian)
        i += len(latin)
    return "".join(out)


_LATIN_LETTERS = {"ı": "i", "ý": "u", "Ý": "U"}
"""Latin Kazakh letters whose plain form is not their base letter: the dotless ı (2021: ы) is i, and the 2018
alphabet's ý (у) is u."""


def plain_latin(text: str) -> str:
    """``text`` with its Latin letters' accents dropped, as the 2018 and 2021 Kazakh Latin alphabets write them
    (Týǵan kúni: Tugan kuni; Äkesınıñ aty: Akesinin aty; şılde: silde); Cyrillic letters untouched (й and ё keep
    their marks)."""
    if text.isascii():
        return text
    out = []
    for c in text:
        c = _LATIN_LETTERS.get(c, c)
        if "À" <= c <= "ɏ":
            c = "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
        out.append(c)
    return "".join(out)
