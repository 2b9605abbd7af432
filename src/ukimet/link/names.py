"""Names as evidence. A Kazakh name is the same name in Kazakh Cyrillic, Russian-letter Cyrillic, the 2021 Latin
alphabet, passport Latin and informal Latin: ``name_key`` folds all of them into one comparable form. Surname
endings (-ов/-ова, -ұлы/-қызы ...) and patronymics are split off as separate evidence, and a full-name field is
split into its parts whatever order it was written in."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ukimet.core.cells import SELF, name_in_cell
from ukimet.core.dates import name_alone
from ukimet.core.scripts import letters

# Cyrillic letter -> its comparable Latin form. Kazakh letters fall together with their Russian look-alikes
# (agencies swap them), soft and hard signs vanish, and Ж/Й/И/І/Ы meet their usual Latin spellings.
_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "j", "з": "z",
    "и": "i", "й": "i", "і": "i", "ы": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h",
    "ҳ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}
# Latin spellings of the same sounds, applied to the text before Cyrillic letters are folded: the 2021 letters
# (Ş, Ñ, Ğ ...), passport digraphs (ZH, KH, SHCH) and informal habits (x, q, w, y for и/ы, c for ц).
_LATIN_LETTERS = {"ş": "sh", "ç": "ch", "ñ": "n", "ğ": "g", "ä": "a", "ö": "o", "ü": "u", "ū": "u", "ı": "i", "ý": "u"}
_LATIN = ((re.compile(r"([aou])e(?!v)"), r"\1"),  # informal ä/ö/ü as ae/oe/ue (Saersen, Guelmira), not in -aev
          (re.compile(r"ng(?=[^aeiouy]|$)"), "n"),  # informal ng for ң before a consonant (Ingkar)
          # j before a vowel is ж (the 2021 J: Arujan); after a vowel and before a consonant it is й (Ajbek, Sergej)
          (re.compile(r"(?<=[aeiouy])j(?=[^aeiouy]|$)"), "y"),
          (re.compile(r"(?<=[bcdfghklmnprstvz])io"), "e"),  # io for ё (Artiom, Soloviov)
          # German spellings of Russian names (Kazakhstan's Germans): Wagner, Frolow, Andrejewitsch, Petrowna
          # (only first and in their endings: between vowels w is also informal Kazakh's у, Dawlet: Дәулет)
          (re.compile(r"\bw(?=[aeiouy])|(?<=[aeiou])w(?=\b|a\b|na\b|itsch|ich)"), "v"), (re.compile(r"tsch"), "ch"),
          (re.compile(r"(?<=[bcdfghklmnprstvz])jo"), "e"),  # jo for ё (Schrjoder: Шрёдер)
          (re.compile(r"s?shch|sch"), "sh"), (re.compile(r"zh"), "j"), (re.compile(r"kh"), "h"),
          (re.compile(r"gh"), "g"), (re.compile(r"y(?=[au])"), "i"),
          (re.compile(r"\by[oe]|(?<=[bcdfghklmnprstvz])yo|(?<=[aeiou])ye"), "e"),  # е/ё as ye/yo: Yerlan, -ayev
          (re.compile(r"x"), "h"), (re.compile(r"q"), "k"), (re.compile(r"w"), "u"),
          (re.compile(r"c(?!h)"), "ts"), (re.compile(r"y"), "i"))
_KEEP = re.compile(r"[^a-z]")
_ASCII_LETTER = re.compile(r"[a-z]")
_DOUBLE = re.compile(r"(.)\1+")


@cache
def _check_table() -> None:
    """The Cyrillic table must cover every letter of the Kazakh alphabet (the shared letter table)."""
    missing = [c for c in letters() if c.lower() not in _CYRILLIC]
    if missing:
        raise RuntimeError(f"name_key has no folding for {missing}")


LATIN_2018 = {"a": "ә", "g": "ғ", "i": "і", "n": "ң", "o": "ө", "u": "ү", "y": "ұ", "c": "ч", "s": "ш"}
"""The 2018 Kazakh Latin alphabet's letters written with an apostrophe (A' Ә, Y' Ұ, C' Ч, S' Ш ...): DI'LNY'R is
Ділнұр, QAI'RATOVI'C' Қайратович, S'YNGYS Шыңғыс."""
_APOSTROPHE_2018 = re.compile(r"([agnouycs]|i(?!['’ʼ`´][aeiouy]))['’ʼ`´]")


OCR_LETTERS = {"cyrillic": str.maketrans("036", "озб"), "latin": str.maketrans("01", "ol")}
"""Digits a scanned name's letters were read as (Ахмет0ва, А6дильда, 3ейнеп; 0MAROV): the letters they look like"""
_DIGIT_IN_WORD = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")


def _ocr_mended(text: str) -> str:
    """``text`` with the digits inside its words read as the letters they look like (``OCR_LETTERS``), in the
    script most of its letters are in; a name with no digit beside a letter is as it was."""
    if not _DIGIT_IN_WORD.search(text):
        return text
    cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return text.translate(OCR_LETTERS["cyrillic" if cyrillic >= latin else "latin"])


@lru_cache(maxsize=1 << 18)
def _fold(text: str) -> str:
    """The name in the comparable alphabet, doubled letters kept."""
    _check_table()
    lowered = _ocr_mended(text).lower()
    if any(mark in lowered for mark in "'’ʼ`´"):
        lowered = _APOSTROPHE_2018.sub(lambda m: LATIN_2018[m.group(1)], lowered)
    latin = "".join(_LATIN_LETTERS.get(c, c) for c in lowered)
    latin = "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))
    if _ASCII_LETTER.search(latin):  # a name in Cyrillic alone has no Latin spelling to read
        for pattern, canonical in _LATIN:
            latin = pattern.sub(canonical, latin)
    return _KEEP.sub("", "".join(_CYRILLIC.get(c, c) for c in latin))


def _collapse(folded: str) -> str:
    return _DOUBLE.sub(r"\1", folded)  # doubled letters are spelling noise: Хасан / Хассан


def name_key(text: str) -> str:
    """One comparable form of a name in any script: Нұрсұлтан, Нурсултан, NURSULTAN, Nūrsūltan -> nursultan."""
    return _collapse(_fold(text))


# Endings in the comparable alphabet, longest first, with the sex they tell of.
RUSSIAN_SURNAME_ENDINGS = (("skaia", "F"), ("skoi", "F"), ("ovoi", "F"), ("evoi", "F"), ("inoi", "F"), ("ovim", "M"),
                           ("evim", "M"), ("inim", "M"), ("ski", "M"), ("ovu", "M"), ("evu", "M"), ("inu", "M"),
                           ("ova", "F"), ("eva", "F"), ("ina", "F"), ("ov", "M"), ("ev", "M"), ("in", "M"))
"""(with the oblique cases a debtor or an addressee is written in: Бейсеновой, Ахметову, Ивановым)"""
KAZAKH_ENDINGS = (("kizi", "F"), ("uli", "M"), ("ogli", "M"), ("ugli", "M"))
"""-ұлы / -қызы: a patronymic, or (since 1996) a surname built from the father's name; the Uzbek o'g'li, ўғли and
qizi too (Baxtiyor o'g'li)."""
SURNAME_ENDINGS = KAZAKH_ENDINGS + RUSSIAN_SURNAME_ENDINGS
RUSSIAN_PATRONYMIC_ENDINGS = (("ovichu", "M"), ("evichu", "M"), ("ovicha", "M"), ("evicha", "M"), ("ovnoi", "F"),
                              ("evnoi", "F"), ("ovna", "F"), ("evna", "F"), ("ovni", "F"), ("evni", "F"), ("ovne", "F"),
                              ("evne", "F"), ("ichna", "F"), ("ovich", "M"), ("evich", "M"))
PATRONYMIC_ENDINGS = RUSSIAN_PATRONYMIC_ENDINGS + KAZAKH_ENDINGS + (("ich", "M"),)


@dataclass(frozen=True)
class NamePart:
    key: str
    """The whole name, folded."""
    stem: str
    """The name without its ending: Ахметова -> ahmet, Серікқызы -> serik."""
    ending: str | None
    sex: str | None
    """The sex the ending tells of, if any."""


def _ending(folded: str, endings: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    for ending, sex in endings:
        if folded.endswith(ending) and len(folded) - len(ending) >= 2:
            return ending, sex
    return None


def _split(text: str, endings: tuple[tuple[str, str], ...]) -> NamePart:
    # the ending is found before doubled letters are merged: Серік+қызы folds to serikkizi, stem serik
    folded = _fold(text)
    found = _ending(folded, endings)
    if found is None:
        return NamePart(_collapse(folded), _collapse(folded), None, None)
    ending, sex = found
    return NamePart(_collapse(folded), _collapse(folded[: -len(ending)]), ending, sex)


def surname(text: str) -> NamePart:
    """A surname's stem and ending: Ахметова and AKHMETOV share the stem ahmet; the ending is sex evidence."""
    return _split(text, SURNAME_ENDINGS)


def patronymic(text: str) -> NamePart:
    """A patronymic's stem is (close to) the father's name: Серікович, Серікұлы, SERIKOVNA -> serik."""
    return _split(text, PATRONYMIC_ENDINGS)


@dataclass(frozen=True)
class FullName:
    surname: str | None
    first: str | None
    patronymic: str | None


LEGAL_FORMS = frozenset({"ip", "jk", "chp", "kh", "shk", "sp"})
"""Legal forms written before a sole trader's name (ИП, ЖК, ЧП, КХ, ШҚ), folded"""
ROLES = ("surname", "first", "patronymic")
ORDER_PRIOR: dict[tuple[str, ...], float] = {
    ("surname", "first", "patronymic"): 0.5, ("first", "patronymic", "surname"): 0.3,
    ("first", "surname", "patronymic"): 0.2}
"""How often agencies write each order: the tie-breaker when endings say nothing."""


Kind = tuple[bool, bool, bool]
"""What a word's ending says: a Russian patronymic's, a Kazakh -ұлы/-қызы, a Russian surname's."""


@functools.lru_cache(maxsize=1 << 16)
def _kind(folded: str) -> Kind:
    """A word's ``Kind``, from its ending alone (a column repeats its names: each word is read once)."""
    russian_patronymic = _ending(folded, RUSSIAN_PATRONYMIC_ENDINGS) is not None
    kazakh = _ending(folded, KAZAKH_ENDINGS) is not None
    russian_surname = _ending(folded, RUSSIAN_SURNAME_ENDINGS) is not None and not russian_patronymic
    return russian_patronymic, kazakh, russian_surname


def _role_score(kind: Kind, role: str) -> float:
    """How well a word of this ``Kind`` fits a role."""
    russian_patronymic, kazakh, russian_surname = kind
    if role == "patronymic":
        return 3.0 if russian_patronymic else 1.5 if kazakh else -1.0
    if role == "surname":
        return 2.0 if russian_surname else 1.0 if kazakh else 0.0
    return -3.0 if russian_patronymic else -1.0 if russian_surname or kazakh else 0.5


@functools.lru_cache(maxsize=1 << 12)
def _best_roles(kinds: tuple[Kind | None, ...], given_first: bool) -> tuple[str, ...]:
    """The roles of up to three words, in order, that fit their kinds best (None: an initial, a given name's or a
    father's, never a surname), with the usual orders as tie-breakers. Names of a few kinds make every name of a
    register: each pattern is weighed once."""
    best: tuple[float, tuple[str, ...]] | None = None
    for roles in itertools.permutations(ROLES, len(kinds)):
        if any(k is None and r == "surname" for k, r in zip(kinds, roles, strict=True)):
            continue
        score = sum(_role_score(k, r) for k, r in zip(kinds, roles, strict=True) if k is not None)
        if len(kinds) == 3:
            score += (GIVEN_FIRST_PRIOR if given_first else ORDER_PRIOR).get(roles, 0.0)
        else:  # two words: a surname and a given name, far more often than a name and a patronymic alone
            score += (0.3 if roles[0] == ("first" if given_first else "surname") else 0.0) + \
                (0.6 if set(roles) == {"surname", "first"} else 0.0)
        if best is None or score > best[0]:
            best = (score, roles)
    assert best is not None
    return best[1]


_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]?\.?|[^\W\d_]")
"""A word of initials: Н., Н.С., Н.С, Sh.K., or one lone letter."""


GIVEN_FIRST_PRIOR: dict[tuple[str, ...], float] = {
    ("first", "patronymic", "surname"): 0.5, ("first", "surname", "patronymic"): 0.3,
    ("surname", "first", "patronymic"): 0.2}
"""The tie-breakers of a column whose names are written given name first (passports in Latin: GALYM TOKTAR)."""


_COMMA = re.compile(r"^\s*([^\W\d_][\w'-]*)\s*,\s*([^\W\d_][^,]*?)\s*$")
"""SURNAME, Given Middle: the surname (one word, perhaps hyphenated) before the only comma"""


def _marked(text: str) -> FullName | None:
    """A full name whose writer marked the roles: HL7's SURNAME^FIRST^MIDDLE (family, given, further given
    names; empty parts allowed), and "SURNAME, First Patronymic" (the surname before the comma). None when the
    name is not written so."""
    if "^" in text:
        parts = [p.strip() or None for p in text.split("^")]
        parts += [None] * (3 - len(parts))
        return FullName(parts[0], parts[1], " ".join(p for p in parts[2:] if p) or None)
    found = _COMMA.match(text)
    if found is None:
        return None
    given = found.group(2).split()
    if any(_INITIALS.fullmatch(w) or _fold(w) in ("uli", "kizi") for w in given):
        return None  # Ахметов, Н.С.; Ахметов, Асхат ұлы: read as unmarked names are
    return FullName(found.group(1), given[0], " ".join(given[1:]) or None)


LINE_BREAK = re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
"""A hyphen and a space before a small letter: a word broken at a line's end (Нурах- унова); a double surname's
second part begins with a capital (Исмаилова-Масимова, Исмаилова- Масимова)"""


FORMER_SURNAME = re.compile(r"\(\s*(?:до\s+брака|в\s+девичестве|урожд\.?|урожд[её]нная|девич\w*|бывш\.?|прежн\w*|"
                            r"бұрынғы|некеге\s+дейін|n[ée]e|maiden|former)\b[^)]*\)", re.IGNORECASE)
"""A former surname in brackets inside a full name (Абдирахманова (до брака Кожахметова) Нурила, Ходжаева (урожд.
Махмудова) Кундуз): not a word of the name as it is now."""


ADDRESSED = re.compile(r"(?:\s+(?:ага|аға|ағай|апа|апай|әпке|апке|тәте|мырза|ханым|aga|apa|myrza|hanym))+\s*$")
"""a word of address after a name, in lower case (Талгат ага, Гульнар апа, Ерлан мырза: elder brother, elder sister,
sir): how a booking or a clerk's note addresses the person, no word of their name"""


def split_full_name(text: str, given_first: bool = False) -> FullName:
    """Surname, first name and patronymic from one field, whatever the order: every assignment of roles to the
    words is scored by how their endings fit the roles (-ович/-овна a patronymic, -ов/-ова a surname, -ұлы/-қызы
    either), with the usual orders as tie-breakers, and the best one wins; two words are a surname and a given name
    unless one is plainly a patronymic (Оразбайұлы Ислам is Ислам of the family Оразбайұлы, as the other agencies
    write him; Пётр Иванович has no surname); one word is a surname by a surname's ending, else a given name.
    Words past the third join the surname (double surnames).
    ``given_first``: the column writes the given name first, so that is the tie-breaker (``name_order``). A name
    whose writer marked its roles (KASYMOV^NURLAN^ARMANULY, "Doe, John") is read as marked."""
    text = name_alone(text)  # Касымов Дмитрий, 1944 г.р.; Оспанов Сергей, ИИН ...: the date and IIN are no name
    text = FORMER_SURNAME.sub(" ", text)  # Абдирахманова (до брака Кожахметова) Нурила Кайратовна
    text = name_in_cell(text, " ")  # Гульмира (жена), жена Гульмира, Загипа - мать: the relation is no word of her
    # name, nor a phone after it
    if text.strip().lower() in SELF:  # сам: the row's own person, named in its own columns
        return FullName(None, None, None)
    text = ADDRESSED.sub("", text)  # Талгат ага: an elder addressed by his first name
    text = LINE_BREAK.sub("", text)  # Нурах- унова: a word a scanned page broke at its line's end
    marked = _marked(text)
    if marked is not None:
        return marked
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    if len(words) > 2:  # ИП Ахметов Ержан Серикович: a sole trader's name, without the legal form
        words = [w for w in words if _fold(w) not in LEGAL_FORMS] or words
    for n in range(len(words) - 1, 0, -1):  # Асхат қызы, КОЖАХМЕТ УЛЫ: a Kazakh patronymic in two words is one
        if _fold(words[n]) in ("uli", "kizi"):
            words[n - 1:n + 1] = [words[n - 1] + words[n].lower()]
    if not words:
        return FullName(None, None, None)
    initials = [w for w in words if _INITIALS.fullmatch(w)]
    if initials and len(initials) < len(words):  # Ахметов Н.С., Н. С. Ахметов: the initials are the given names
        letters = [part for w in initials for part in w.split(".") if part]  # Sh.K.: a digraph is one initial
        if len(words) == 3 and len(letters) == 1:  # Dauren Y. Issayev, Akhmetov Nurlan S.: two names, one initial
            return _one_initial(words, letters[0], given_first)
        rest = " ".join(w for w in words if not _INITIALS.fullmatch(w))
        return FullName(rest, letters[0] if letters else None, letters[1] if len(letters) > 1 else None)
    if len(words) == 1:  # Иванова: a surname by its ending; Света, Зауре (an emergency contact, a card's holder as
        # the card writes her): a given name
        kind = _kind(_fold(words[0]))
        return FullName(None, words[0], None) if not any(kind) else FullName(words[0], None, None)
    head, extra = words[:3], words[3:]
    picked = dict(zip(_best_roles(tuple(_kind(_fold(w)) for w in head), given_first), head, strict=True))
    if extra and "surname" in picked:
        picked["surname"] = " ".join([picked["surname"], *extra])
    return FullName(picked.get("surname"), picked.get("first"), picked.get("patronymic"))


def _one_initial(words: list[str], letter: str, given_first: bool) -> FullName:
    """Three words of which one is an initial (Dauren Y. Issayev, Akhmetov Nurlan S., Ахметов Н. Серикович): the
    two names take the roles their endings fit best, in the usual orders, and the initial the given name or the
    patronymic that is left."""
    kinds = tuple(None if _INITIALS.fullmatch(w) else _kind(_fold(w)) for w in words)
    picked = {r: (letter if k is None else w) for k, r, w in zip(kinds, _best_roles(kinds, given_first), words,
                                                                 strict=True)}
    return FullName(picked["surname"], picked["first"], picked["patronymic"])


def given_first(values: list[str], least: int = 20, share: float = 0.8) -> bool:
    """Whether a column writes full names given name first: among its names whose endings alone place the
    surname (the order's tie-breaker changes nothing), at least ``share`` of at least ``least`` put it last."""
    placed = last = 0
    for value in values:
        usual, other = split_full_name(value), split_full_name(value, given_first=True)
        words = [w for w in re.split(r"[\s,]+", value.strip()) if w]
        if usual != other or usual.surname is None or len(words) < 2 or len(words) > 3:
            continue
        placed += 1
        last += usual.surname == words[-1] and usual.surname != words[0]
    return placed >= least and last >= share * placed


_SOUNDS = str.maketrans({"p": "b", "f": "b", "v": "b", "t": "d", "g": "k", "h": "k", "q": "k", "z": "s", "j": "s",
                         "c": "s", "x": "k", "w": "b", "y": ""})
_VOWELS = re.compile(r"[aeiou]")


def sound_key(text: str) -> str:
    """A phonetic key for blocking: the folded name's first letter, then its consonants with voiced and unvoiced
    pairs merged and vowels dropped (Ержан, Erzhan, Yerjan, Erzan -> ersn). Catches typos that change letters,
    not only scripts; too coarse to compare on, fine to find candidates."""
    key = name_key(text)
    if not key:
        return ""
    head = key[0].translate(_SOUNDS) or key[0]
    rest = _VOWELS.sub("", key[1:].replace("sh", "s").replace("ch", "s").replace("ts", "s")).translate(_SOUNDS)
    return _DOUBLE.sub(r"\1", head + rest)


SHORT_FORMS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("Александр", "Александра"): ("Саша", "Шура", "Саня"), ("Алексей",): ("Лёша", "Алёша"),
    ("Анастасия",): ("Настя",), ("Анна",): ("Аня",), ("Андрей",): ("Андрюша",), ("Борис",): ("Боря",),
    ("Валентин", "Валентина"): ("Валя",), ("Виктор",): ("Витя",), ("Виктория",): ("Вика",),
    ("Владимир",): ("Володя", "Вова"), ("Вячеслав",): ("Слава",), ("Галина",): ("Галя",),
    ("Геннадий",): ("Гена",), ("Григорий",): ("Гриша",), ("Дмитрий",): ("Дима",), ("Евгений", "Евгения"): ("Женя",),
    ("Екатерина",): ("Катя",), ("Елена",): ("Лена",), ("Иван",): ("Ваня",), ("Ирина",): ("Ира",),
    ("Константин",): ("Костя",), ("Людмила",): ("Люда",), ("Мария",): ("Маша",), ("Михаил",): ("Миша",),
    ("Надежда",): ("Надя",), ("Наталья", "Наталия"): ("Наташа",), ("Николай",): ("Коля",), ("Ольга",): ("Оля",),
    ("Павел",): ("Паша",), ("Пётр",): ("Петя",), ("Сергей",): ("Серёжа",), ("Светлана",): ("Света",),
    ("Станислав",): ("Стас",), ("Татьяна",): ("Таня",), ("Юлия",): ("Юля",), ("Юрий",): ("Юра",),
}
"""Russian first names and the short forms an informal record writes them in (a clinic's card, a school's
list): Саша is Александр or Александра, Женя Евгений or Евгения."""


@cache
def _short_forms() -> dict[str, str]:
    """Each short form's key -> the key that its full names begin with (aleksandr for Александр, Александра)."""
    out = {}
    for full, shorts in SHORT_FORMS.items():
        keys = [name_key(f) for f in full]
        begins = min(keys, key=len)
        while not all(k.startswith(begins) for k in keys):
            begins = begins[:-1]
        out.update({name_key(s): begins for s in shorts})
    return out


KAZAKH_SHORT = re.compile(r"^([a-z]{3,4})ke$")
"""A Kazakh endearing short form: a name's first syllable and -ке (Бауке for Бауыржан, Нұрке for Нұрлан), read in
Cyrillic only (in Latin letters, Blake and Brooke are names of their own)."""
CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


def full_name_begins(text: str) -> str | None:
    """For a first name written in a short form, what the key of its full name begins with (Саша: aleksandr;
    Бауке: bau); None for a name that is not a known short form."""
    key = name_key(text)
    known = _short_forms().get(key)
    if known is not None:
        return known
    found = KAZAKH_SHORT.match(key) if CYRILLIC.search(text) else None  # Blake, Brooke: English names, not -ке
    return found.group(1) if found else None
