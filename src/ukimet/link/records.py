"""Person records for linkage, found with no configuration: every synced table whose catalog shows identity
columns (IIN, names, date of birth, sex) yields one record per row and per party it describes. A birth record
describes a child, a mother and a father: identity columns are grouped into parties by the word their names
start with (бала_, ана_, әке_ ...) whenever a table has more than one IIN or name column of a kind.

The raw values are standardised once per distinct value in Python (``names``, ``identifiers``, ``dates``) and
joined back in DuckDB, so a million records cost as much as their few thousand distinct names."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

import duckdb
import pyarrow as pa
from duckdb.func import FunctionNullHandling
from sqlalchemy import Engine

from ukimet.connect.catalog import CatalogColumn, columns_of, table_keys
from ukimet.connect.classify import (
    DATIVE,
    DATIVE_POSSESSED,
    DATIVE_SUFFIXES,
    MASKED_WORD,
    NAMES,
    OFFICIAL,
    REPEATED,
    SEX_CODES,
    header_names_a_name,
    is_organisation,
)
from ukimet.connect.connectors.base import UNNAMED_COLUMN
from ukimet.connect.encoding import MOJIBAKE, mended
from ukimet.connect.sources import list_sources
from ukimet.core.cells import PLACES, PLACES_SAID, SAYS_NOTHING, numbered, people_in_cell
from ukimet.core.dates import (
    AGE_IN_BIRTH,
    EPOCH,
    MILLISECONDS_LEAST,
    SECONDS_LEAST,
    epoch_days,
    life_span_birth,
    month_first,
    name_and_birth,
    ocr_mended_date,
    parse_date,
    parse_epoch_millis,
    parse_year,
    parse_year_month,
)
from ukimet.core.errors import LinkError
from ukimet.core.ids import decode_iin
from ukimet.core.parallel import mapped
from ukimet.core.scripts import to_russian_letters
from ukimet.link.backend import DuckDBBackend
from ukimet.link.contacts import address_key, email_key, phone_key
from ukimet.link.identifiers import iin_evidence
from ukimet.link.names import full_name_begins, given_first, name_key, patronymic, sound_key, split_full_name, surname
from ukimet.link.row_groups import build_row_groups
from ukimet.sync.store import ident, literal, store_tables

IIN_BELIES_BIRTH = """coalesce(d.day IS NOT NULL AND CASE WHEN d.month_only OR d.year_only
        THEN abs(year(d.day) - year(i.iin_birth)) > 1
        ELSE CAST(year(d.day) <> year(i.iin_birth) AS INTEGER) + CAST(month(d.day) <> month(i.iin_birth) AS INTEGER)
            + CAST(day(d.day) <> day(i.iin_birth) AS INTEGER) >= 2 END, false)"""
"""A valid IIN whose date of birth and the record's own differ in two or more of year, month and day, or, where
the record writes a year (and a month) alone, in a year more than one apart: not one mistyped digit but another
person's number (a parent's copied onto a child's benefit record, a child's on the guardian's line of a school
roster: 131119... beside 1994) or a wrong record. Such an IIN is compared digit by digit, as a suspect one is, and
proves no one a different person."""

NAMED_SEX = """CASE WHEN p.father_sex IS NULL THEN s.surname_sex
        WHEN s.surname_sex IS NULL OR s.surname_sex = p.father_sex THEN p.father_sex END"""
"""The sex a record's surname and patronymic tell by their endings, where they do not disagree (Шмидт Юлия
Фёдоровна: a woman, by her patronymic alone)."""
IIN_BELIES_SEX = f"""coalesce(i.iin_sex <> coalesce(x.code, {NAMED_SEX}), false)"""
"""A valid IIN whose sex digit is not the sex its record states, in a column of its own or by the endings of its
surname and patronymic (where they do not disagree: Айлин Марат Жандосқызы is no man): a husband's IIN on his
wife's line of a bailiff's list (Бейсеновой Айгул Абдирахмановны, 830608354463), a mother's on her son's. Such an
IIN is another person's number, as one its record's date of birth belies (``IIN_BELIES_BIRTH``)."""

NAMES_NO_ONE = """CASE WHEN coalesce(n.iin, n.sur, n.phone, n.email, n.address) IS NULL
    AND coalesce(d.year_only OR d.month_only, false) THEN NULL ELSE"""
"""A record's given name and birth are compared unless they are all it says and the birth is a year: a child of the
row named by a first name and a year (Алихан, 2013; thousands of children share both) is their own, compared with no
one (kept, so that every row's person is in the output)"""
IDENTITY = ("iin", "surname", "first_name", "patronymic", "full_name", "birth_date", "age", "sex")
CONTACT = ("address", "phone", "email")
"""Weaker evidence (all address columns joined); in a row of several persons, each column goes to the person its
name says (``_contacts``)."""
SCHEMA = "link"


@dataclass(frozen=True)
class Party:
    source: str
    table: str
    party: str
    columns: dict[str, str]
    """semantic type -> column"""
    key: tuple[str, ...]
    address: tuple[str, ...] = ()
    """the address columns, in table order (address_1, address_2, suburb ...)"""
    extras: tuple[str, ...] = ()
    """further attributes compared as they are (linking files: postcode, document number ...)"""
    relation: str | None = None
    """in a table of relatives, the column saying how they are related (отец, мать, супруг(а) ...)"""
    surname_of: str | None = None
    """set on the same person under another surname (``MARRIAGE``): the column of the surname the first record
    of this party has"""
    birth_parts: tuple[str, ...] = ()
    """a date of birth written in three columns: the day's, the month's and the year's (ЧИСЛО, МЕСЯЦ, ГОД РОЖД.)"""
    births_else: tuple[str, ...] = ()
    """further columns of the party's date of birth, read where its own is empty (a child's ``birthDate`` beside
    its ``birthYear``: each record fills one)"""
    age_on: str | None = None
    """where the party's age stands for its date of birth: the column of the date it was taken on (Дата опроса,
    created_at), if the row has one"""
    cell: int = 0
    """the party's place (1 or 2) in a cell of several persons (``core.cells``: the full name's column is a
    ``persons`` one), or 0"""
    dative: bool = False
    """the party's full name is written in the Kazakh dative, as a prize's or a payment's recipient (берілді:
    Ахметов Русланға, Оспанов Бауыржан Омарұлына): read without the ending"""


NESTED = re.compile(r"\w[\w -]*\w(\.(\w[\w -]*\w|\d+))+|\w[\w -]*\w\.\d+\..+")
"""a column of nested records (owner.name.last, азамат.аты_жөні.тегі, Глава семьи.ФИО): its first key names the
person; and of a list of them (тараптар.2.тегі, Члены семьи.2.ФИО: the list's second record; its last key may hold
dots: Члены семьи.2.Д.р./возраст)"""


NAME_HEADER_WORDS = frozenset({"name", "full", "fio", "фио", "ф", "и", "о", "т", "а", "ә", "аты", "жөні", "фамилия",
                               "имя", "отчество", "полностью", "толық", "latin", "лат", "латиницей", "кириллицей",
                               "cyrillic", "in", "на", "латинице", "кириллице", "en", "ru", "kk", "mrz", "passport",
                               "паспорт", "паспорту", "doc", "document", "документ", "документу", "translit",
                               "транслит", "полное", "print", "official", "cn", "displayname", "display", "common"})
"""The words of a column named as a name and nothing else (Name, ФИО, ФИО (лат.); a directory's cn and displayName):
a second such column beside the row's own person's name is that name again, in another script; a name column named
otherwise (Emergency Contact) is someone else's"""


KEY_AND_LABEL = re.compile(r"([^\W\d_][\w-]{2,}[^\W\d_])\.[^\W\d_][^$]*")
"""a column of a text's labelled lines whose label holds dots (a calendar event's DESCRIPTION.Д.р., a mail's
Body.Тел.): the text's key, a word, then the label (not MongoDB's typed values: birthDate.$date.$numberLong; not
a header's words before initials: Жұбайының Т.А.Ә.)"""


def party_of(column: str) -> str:
    if NESTED.fullmatch(column):
        keys = column.lower().split(".")
        return ".".join(keys[:2]) if keys[1].isdigit() else keys[0]  # тараптар.2.тегі: the list's second person
    labelled = KEY_AND_LABEL.fullmatch(column)
    if labelled:
        return labelled.group(1).lower()
    return re.split(r"[_\s]", column.lower(), maxsplit=1)[0]


EXTRA_TYPES = ("other", "region", "text")
RELATION_COLUMNS = ("svyaz", "связ", "relation", "туыс", "rodstv", "родств", "kinship", "_rod", "приходится",
                    "қатынас", "qatynas")
"""Words naming the column that says how two people in a row are related (poluch_rod, Кем приходится,
Қатынасы)."""
_ID = re.compile(r"^(id|ид|№)([_\s]|$)|[_\s](id|ид)$")
"""A record number (id_svyazi), not the relation it numbers."""
NOT_EVIDENCE = frozenset({"id", "record_id", "row_id", "rowid"})
"""Record numbers, not attributes of a person."""


def extra_name(column: str) -> str:
    return "x_" + (re.sub(r"\W+", "_", column.lower()).strip("_") or "column")


def _identifies(found: dict[str, str]) -> bool:
    """Whether a row's columns for one person can tell who they are: an IIN, a full name, or a surname with a
    first name or a date of birth."""
    return "iin" in found or "full_name" in found or (
        "surname" in found and ("first_name" in found or "birth_date" in found))


MARRIAGE = re.compile(r"неке|брак|замуж|девич|прежн|бұрынғы|marri|maiden|n[eé]e\b|birth_?name|former|previous|geburtsn|"
                      r"m[aä]dchenn|"
                      r"zamuzh|devich|nekeg|neked|ажырас|развод|divorc|жаңа|нов(ая|ой|ые)\b|(^|[._\s])new[._\s]|^name2$")
"""Words of a column holding a surname before or after marriage, divorce or a change of name (тегі_некеге_дейін,
фамилия_до_брака, maiden_name, surname_after_marriage, бұрынғы_тегі, прежняя фамилия, ажырасқаннан_кейінгі_тегі,
жаңа_тегі, новая фамилия; SAP's NAME2, the name at birth; German Geburtsname, Mädchenname): one person's other surname,
not another person's."""


BIRTH_PARTS = {"day": ("число", "день", "day", "dd", "kuni", "күні", "күн"),
               "month": ("месяц", "month", "mm", "ай", "айы", "ai"),
               "year": ("год", "year", "yyyy", "yob", "жыл", "жылы", "jyl", "гр")}
"""Words of the names of the three columns a date of birth may be written in."""


def birth_parts(cols: list[CatalogColumn]) -> tuple[str, ...]:
    """The day, month and year columns of a date of birth written in three (ЧИСЛО, МЕСЯЦ, ГОД РОЖД.; birth_day,
    birth_month, birth_year), by the words of their names, when all three are there and none holds a name or an
    IIN; else ()."""
    found: dict[str, str] = {}
    for c in cols:
        if c.semantic_type in IDENTITY and c.semantic_type != "birth_date":
            continue
        words = set(re.findall(r"[^\W\d_]+", c.column.lower()))
        for part, names in BIRTH_PARTS.items():
            if words & set(names) and part not in found and c.column not in found.values():
                found[part] = c.column
    return tuple(found[p] for p in ("day", "month", "year")) if len(found) == 3 else ()


WRITTEN_OTHERWISE = frozenset({"latin", "lat", "лат", "латиницей", "латинице", "кириллицей", "кириллице", "cyrillic",
                               "en", "ru", "kk", "mrz", "passport", "паспорт", "паспорту", "doc", "document",
                               "документ", "документу", "translit", "транслит", "qujat", "құжат", "құжаттағы",
                               "загранпаспорт", "загранпаспорту", "загранпаспорте",
                               "qujattagy", "kuzhat", "dokument", "foreign", "шетел", "шетелдік", "по", "в", "in", "на",
                               "бойынша", "boiynsha"})
"""Words that say a name column holds the same person's name as another column, written another way (a returnee's
name as the document from abroad writes it: tegi_qujat beside tegi; Фамилия (латиницей) beside Фамилия; familiya_lat
beside familiya)."""


def _written_otherwise(cols: list[CatalogColumn]) -> dict[str, str]:
    """Name columns that are another column's name written another way: column -> the column it writes again (the
    same kind, named alike but for ``WRITTEN_OTHERWISE`` words)."""
    plain = {(frozenset(_words_of(c.column)), c.semantic_type): c.column for c in cols if c.semantic_type in NAMES
             and not _words_of(c.column) & WRITTEN_OTHERWISE}
    out = {}
    for c in cols:
        words = _words_of(c.column)
        if c.semantic_type in NAMES and words & WRITTEN_OTHERWISE and words - WRITTEN_OTHERWISE:
            base = plain.get((frozenset(words - WRITTEN_OTHERWISE), c.semantic_type))
            if base is not None:
                out[c.column] = base
    return out


def _written_twice(parties_: list[Party], written: dict[str, str]) -> list[Party]:
    """``parties_``, and each once more with its names as another column writes them again (``_written_otherwise``):
    the same party, so never two persons, whose other spelling finds what another agency wrote."""
    out = list(parties_)
    for party in parties_:
        again = {kind: other for kind, column in party.columns.items() for other, base in written.items()
                 if base == column}
        if again and "surname" in again and party.surname_of is None:
            out.append(replace(party, columns={**party.columns, **again}, surname_of=party.columns["surname"]))
    return out


def _with_surnames(party: Party, others: list[str]) -> list[Party]:
    """``party``, and the same person once more under each of their other surnames: each is a record of its own
    (the same party, so never two persons), so that the surname another agency knows finds it."""
    return [party, *(replace(party, columns={**party.columns, "surname": other}, surname_of=party.columns["surname"])
                     for other in others)]


PERSON_STEM = 6
"""the letters of a word that name it whatever its ending (собственник, собственника; совладелец, совладельца)"""


ORDINAL_BEFORE = re.compile(r"(?<![\w.:/-])(\d{1,2})-(?=[^\W\d_])")
"""A number joined by a hyphen to the word after it: an ordinal (1-куәгердің, 2-го свидетеля, 1-ші)."""


def _words_of(column: str) -> set[str]:
    """The words of a column's name, lower case (Телефон; Жалға алушы (Т.А.Ә.): жалға, алушы, т, а, ә)."""
    return set(re.findall(r"[^\W\d_]+", column.lower()))


CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһі]+")
"""A word in Cyrillic letters: one Russian or Kazakh word (a Latin name's holderName is two run together)."""


def _apart(columns: Iterable[str]) -> dict[str, str]:
    """The stems of words of ``columns``' names that begin alike but are different words (Наследодатель and
    Наследник, наслед-): each such word's stem is what its forms share (наследодател, наследник), where the forms of
    one word differ in their last two letters at most (наследника, наследник; совладельца, совладелец). Cyrillic
    words only: camel case runs Latin words together (holderName, holderIin: the holder's). Words whose first
    letters tell them apart are not here: their stem is those letters."""
    words = {w for column in columns for w in re.findall(r"[^\W\d_]{3,}", column.lower()) if CYRILLIC_WORD.fullmatch(w)}
    by_stem: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        by_stem[word[:PERSON_STEM]].append(word)
    out: dict[str, str] = {}
    for forms in by_stem.values():
        lemmas: list[list[str]] = []
        for word in forms:
            lemma = next((g for g in lemmas if all(len(_begun(word, w)) >= min(len(word), len(w)) - 2
                                                   for w in g)), None)
            if lemma is None:
                lemmas.append([word])
            else:
                lemma.append(word)
        if len(lemmas) > 1:
            out |= {w: functools.reduce(_begun, group) for group in lemmas for w in group}
    return out


def _begun(one: str, other: str) -> str:
    """The letters two words begin with alike."""
    return one[:next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
                     min(len(one), len(other)))]


def _stems(column: str, apart: dict[str, str] | None = None) -> set[str]:
    """The words of a column's name by their stems (``apart``: words that begin alike told apart), and a number
    standing alone in it (Құқық иесі 1, ЖСН/ИИН 1, Т.к. 1, pravoobl_1_fio: the first person's) or as an ordinal
    (``ORDINAL_BEFORE``: 1-куәгердің, 2-го свидетеля), which numbers the persons of a row as a word would."""
    apart = apart or {}
    return {apart.get(w, w[:PERSON_STEM]) for w in re.findall(r"[^\W\d_]{3,}", column.lower())} | \
        {f"#{n}" for n in re.findall(r"(?<![^\W_]|[.:/-])\d{1,2}(?![^\W_]|[.:/-])", column)} | \
        {f"#{n}" for n in ORDINAL_BEFORE.findall(column)}


def _group(column: str) -> str | None:
    """The group of a form's field, as ODK and KoboToolbox name a field by its path (``resp/phone``: resp), or
    None."""
    found = re.fullmatch(r"(\w+(?:/\w+)*)/\w+", column)
    return found.group(1) if found else None


def _abbreviates(column: str, person: str) -> bool:
    """Whether a word of ``column``'s name of at least four letters begins a word of ``person``'s, as an
    abbreviation does (ТЕЛ_ПЛАТ, EMAIL_ПЛАТ: the payer's, ПЛАТЕЛЬЩИК)."""
    words = re.findall(r"[^\W\d_]{4,}", person.lower())
    return any(w.startswith(short) and w != short for short in re.findall(r"[^\W\d_]{4,}", column.lower())
               for w in words)


ROLE = re.compile(r"рожени|родиль|новоро|newbor|infant|младен|ребен|ребён|child|отца|отец|матер|father|mother|"
                  r"супруг|spouse|жұбай|водите|driver|haydov|ҳайдов|хайдов|holder|страхо|insure|заявит|applic|должни|debtor|взыска|истец|"
                  r"ответч|талапк|жауапк|plaint|defend|потерп|victim|жәбірл|донор|donor|пассаж|passen|опекун|guardi|"
                  r"родите|parent|анасы|беруші|спортс|athlet|балуан|репрес|repres|sender|отправ|жіберу")
"""Stems of words that name a person's role in a record (роженицы, новорожд., отца; driver, holder; a parent,
Ата-анасы; an athlete, Балуан; Өтініш беруші, the applicant; Репрессированный; a mail's Sender): such a word names a
person even in one column of the row (ФИО роженицы, Фамилия новорожд., ФИО отца: three persons)."""


HEADER_STEMS = frozenset(w[:PERSON_STEM] for w in NAME_HEADER_WORDS | {
    "last", "first", "given", "middle", "family", "surname", "date", "birth", "born", "дата", "рождения", "туған",
    "күні", "number", "номер", "нөмірі"})
"""Stems of the words a header of a name or a date of birth is made of (Тегі / Фамилия / Last name, Аты / Имя /
First name: "name" in both): a person's part, never a word for a person"""


def _person_words(identity: list[CatalogColumn]) -> dict[str, str]:
    """Each column's person, by a word that names a person wherever it stands in a column's name (Собственник
    (ФИО), ИИН собственника, Дата рождения собственника): a word whose columns hold different kinds of identity,
    one of each (or a role's word, ``ROLE``, in one column), when two or more such words each name a person; a word
    whose columns hold the same kind (ИИН собственника, ИИН совладельца: иин) names the kind, not a person. {} where
    the names say no such thing."""
    apart = _apart(c.column for c in identity)
    stems = {c.column: _stems(c.column, apart) for c in identity}
    holders: dict[str, list[str]] = defaultdict(list)
    for c in identity:
        for stem in stems[c.column]:
            holders[stem].append(c.semantic_type)
    candidates = sorted((w for w, kinds in holders.items() if (len(kinds) >= 2 or ROLE.match(w))
                         and w not in HEADER_STEMS and len(set(kinds)) == len(kinds) and len(kinds) < len(identity)),
                        key=lambda w: (-len(holders[w]), w))
    persons: list[str] = []
    for word in candidates:  # the word of most columns first: әйелі_аты is the wife's, not a person called "аты"
        if not any(word in said and any(p in said for p in persons) for said in stems.values()):
            persons.append(word)
    for word in sorted(w for w in holders if ROLE.match(w) and w not in persons and w not in HEADER_STEMS):
        # ФИО опекуна beside ФИО супруга опекуна: the guardian's spouse is the spouse (a person already), and the
        # guardian's own columns are the rest of the role word's
        own = [c.semantic_type for c in identity
               if word in stems[c.column] and not any(p in stems[c.column] for p in persons)]
        if own and len(set(own)) == len(own) and len(own) < len(identity):
            persons.append(word)
    if len(persons) < 2:
        return {}
    return {column: next((w for w in persons if w in said), "subject") for column, said in stems.items()}


def parties(columns: Iterable[CatalogColumn], key: tuple[str, ...], extras: bool = False) -> list[Party]:
    """The persons each row of each table describes: its own, its relatives', a cell's several (after the table's
    others, in their columns' order, a place of a pair each: ``core.cells``)."""
    by_table: dict[str, list[CatalogColumn]] = defaultdict(list)
    columns_ = list(columns)
    for c in columns_:
        by_table[c.table].append(c)
    out = []
    for table, cols in by_table.items():
        officials = {c.column for c in cols if OFFICIAL in c.evidence}
        repeated = {c.column for c in cols if REPEATED in c.evidence}
        if any(c.semantic_type in NAMES and c.column not in officials | repeated for c in cols):
            officials |= repeated  # the enumerator beside the household's members
        if any(c.semantic_type in IDENTITY and c.column not in officials for c in cols):
            cols = [c for c in cols if c.column not in officials]  # the registrar beside the record's person
        marriage = [c for c in cols if c.semantic_type == "surname" and MARRIAGE.search(c.column.lower())]
        written = _written_otherwise(cols)
        identity = [c for c in cols if c.semantic_type in IDENTITY and c not in marriage and c.column not in written]
        counts: dict[str, int] = defaultdict(int)
        for c in identity:
            counts[c.semantic_type] += 1
        if not any(c.semantic_type in ("iin", "surname", "full_name") for c in identity) and not marriage and not (
                any(c.semantic_type == "first_name" for c in identity) and
                any(c.semantic_type in ("phone", "email") for c in cols)):
            continue  # a first name alone names nobody; with the person's own phone it does (a loyalty card's Зауре)
        # Фам., Имя beside Плательщик (full names under a header that names no name, a role): two persons, one of
        # each kind; not a first_name column that holds whole names (NURLAN SEITKALI), nor a driver's (kin)
        kin = _kin(identity, cols)
        kin_of = {column for columns in kin.values() for column in columns}
        two_names = any(c.semantic_type in PARTS_OF_A_NAME for c in identity) and any(
            c.semantic_type == "full_name" and not header_names_a_name(c.column) and c.column not in kin_of
            for c in identity)
        if (not counts or max(counts.values()) <= 1) and not _nested_persons(identity) and not two_names:
            identity = [c for c in identity if c.column not in kin]
            found = {c.semantic_type: c.column for c in identity}
            parts = birth_parts(cols)
            if parts:  # ЧИСЛО, МЕСЯЦ, ГОД РОЖД.: one date of birth, whatever a part was classified as
                found.pop("birth_date", None)
            others = [c.column for c in marriage]
            if "surname" not in found and others:
                found["surname"] = others.pop(0)
            for c in cols:
                if c.semantic_type in ("phone", "email") and not any(c.column in k for k in kin.values()):
                    found.setdefault(c.semantic_type, c.column)
            address = tuple(c.column for c in cols if c.semantic_type == "address")
            further = tuple(c.column for c in cols if extras and c.semantic_type in EXTRA_TYPES
                            and c.column.lower() not in NOT_EVIDENCE and c.column not in key and c.column not in parts
                            and not (c.labelled_by == "user" and c.semantic_type == "other"))  # --map x=other
            own = Party("", table, "subject", found, key, address, further, birth_parts=parts,
                        age_on=_age_on(cols, found))
            out += _written_twice(_with_surnames(own, others), written)
            out += [Party("", table, column.lower(), {kind: c for c, kind in columns.items()}, key)
                    for column, columns in kin.items()]
            continue
        grouped: dict[str, dict[str, str]] = defaultdict(dict)
        births_else: dict[str, list[str]] = defaultdict(list)
        shared = Counter(party_of(c.column) for c in identity)
        named = _person_words(identity)
        again = _headers_written_again(identity)
        placed = _by_place(identity) if not named and (max(shared.values()) <= 1 or again) and not any(
            NESTED.fullmatch(c.column) for c in identity) else {}
        for c in identity:
            # a first word several columns share names a person (mother_name, mother_dob; Жұбайының Т.А.Ә., Жұбайының
            # ЖСН); the columns whose first word is their own (Тегі, Аты, Туған күні) are the row's own person
            party = party_of(c.column) if shared[party_of(c.column)] > 1 or NESTED.fullmatch(c.column) else "subject"
            if named:  # a word for a person anywhere in the name: Собственник (ФИО), ИИН собственника
                party = named[c.column]
            party = placed.get(c.column, party)
            if named and party == "subject" and _written_again(c.column, cols):  # R's Дата.рождения.1, pandas' ИИН.1:
                owner = _before(grouped, cols, c.column)  # the header of the person before, written again
                party = owner if owner is not None and c.semantic_type not in grouped[owner] else party
            if named and party == "subject" and c.semantic_type in grouped[party] and (
                    (owner := _before(grouped, cols, c.column)) is not None and
                    owner != _before(grouped, cols, grouped[party][c.semantic_type]) and
                    c.semantic_type not in grouped[owner]):
                # a form in two languages (Спортсмен, Дата рождения ... Балуан, Туған күні): a column of a kind the
                # row's unnamed columns hold already is the person's just before it, not that one's again
                grouped[owner][c.semantic_type] = c.column
                continue
            name_alone = _words_of(c.column) <= NAME_HEADER_WORDS
            if party == "subject" and c.semantic_type == "full_name" and "full_name" in grouped[party] and name_alone:
                continue  # Name and ФИО: the row's own person's name written again (in another script), no one else
            if c.semantic_type == "birth_date" and "birth_date" in grouped[party]:
                births_else[party].append(c.column)  # birthYear and birthDate: one date of birth, as each row wrote it
                continue
            if c.semantic_type in grouped[party] or (
                    party == "subject" and c.semantic_type == "full_name" and grouped[party].keys() & PARTS_OF_A_NAME
                    and not name_alone):
                # iin and iin_rodstvennika: two people whose columns share a first word; an Emergency contact's full
                # name beside the row's own person's surname and first name: someone else's
                party = c.column.lower()
            grouped[party].setdefault(c.semantic_type, c.column)
        _bare_to_the_row(grouped)
        if not named:
            _iin_to_the_name_before(grouped, cols)
        if "subject" in grouped and len(grouped) > 1 and not named and not _identifies(grouped["subject"]) and \
                not grouped["subject"].keys() & {"surname", "first_name", "full_name", "iin"}:
            _to_the_person_before(grouped, cols)  # ФИО ветерана, Годы жизни, ..., ФИО заявителя: the veteran's
        elif named and "subject" in grouped and (not _identifies(grouped["subject"]) or (
                not grouped["subject"].keys() & {"surname", "first_name", "full_name"}
                and _fits_the_person_before(grouped, cols))):
            _to_the_person_before(grouped, cols)  # ФИО роженицы, Возраст: the mother's age; Залогодатель (Ф.И.О.),
            # Дата рождения, ИИН beside ИИН доверенного лица: the borrower's IIN, no one of its own
        delivered = next((c.column for c in cols if c.semantic_type == "date" and DELIVERY.search(c.column.lower())),
                         None)
        for name, found in grouped.items():  # Дата и время родов: the day the newborn was born
            if delivered and NEWBORN.match(name) and "birth_date" not in found:
                found["birth_date"] = delivered
        relation = next((c.column for c in cols if c.semantic_type not in IDENTITY and not _ID.search(c.column.lower())
                         and any(w in c.column.lower() for w in RELATION_COLUMNS)), None)
        surnames: dict[str, list[str]] = defaultdict(list)
        apart = _apart(c.column for c in cols) if marriage and named else {}
        for c in marriage:  # the party of the same first word (or person's word): its surname, or its other surnames
            name = next((p for p in grouped if named and p in _stems(c.column, apart)), party_of(c.column))
            if name not in grouped and "subject" in grouped and not NESTED.fullmatch(c.column):
                name = "subject"  # former_surname beside contact.1.surname: the row's own person's
            if name in grouped and "surname" not in grouped[name]:
                grouped[name]["surname"] = c.column
            elif name in grouped:
                surnames[name].append(c.column)
        contacts = _contacts(cols, grouped, _person_words([*identity, *(c for c in cols if c.semantic_type in
                                                                           CONTACT)]))
        for name, found in grouped.items():
            identifies = _identifies(found) or (  # a first name with the person's own phone: a card's Зауре, a
                "first_name" in found and bool(contacts.get(name, {}).keys() & {"phone", "email"})) or (  # contact
                name != "subject" and found.keys() >= {"first_name", "birth_date"})  # a holder's child: Райана, 2012
            if identifies or (named and name != "subject" and set(found) == {"surname"}):
                # a surname alone names nobody, but a person a role word names is the row's person of that place
                # (Фамилия новорожд. between the mother's and the father's names: the newborn, the row's second),
                # with nothing of the row's contacts: the family's address and phone would merge it with its parents
                mine = contacts.get(name, {}) if identifies and (
                    not named or found.keys() & {"first_name", "full_name"}) else {}  # ИИН, Фамилия новорожд.: no
                found = {**found, **{kind: _own_first(columns) for kind, columns in mine.items() if kind != "address"}}
                parts = birth_parts(cols) if name == "subject" and "birth_date" not in found else ()
                out += _written_twice(_with_surnames(Party("", table, name, found, key, tuple(mine.get("address", ())),
                                                           relation=relation, age_on=_age_on(cols, found),
                                                           birth_parts=parts, births_else=tuple(births_else[name])),
                                                     surnames[name]), written)
    dative = {(c.table, c.column) for c in columns_ if c.semantic_type == "full_name" and DATIVE in c.evidence}
    out = [replace(p, dative=True) if (p.table, p.columns.get("full_name")) in dative else p for p in out]
    return out + [Party("", c.table, c.column.lower() if place == 1 else f"{c.column.lower()}#{place}",
                        {"full_name": c.column}, key, cell=place)
                  for c in columns_ if c.semantic_type == "persons" for place in range(1, _places(c) + 1)]


def _places(column: CatalogColumn) -> int:
    """How many persons a column of several in a cell is read for (``core.cells.places_of``, as its evidence says)."""
    said = PLACES_SAID.search(column.evidence or "")
    return int(said.group(1)) if said else PLACES


NEWBORN = re.compile(r"новоро|newbor|infant|младен|нәресте|нарест")
"""The stems of the words that name a newborn in a register of births (Фамилия новорожд., newborn_iin)."""
DELIVERY = re.compile(r"родов|роды|родах|родил|deliver|босан|labou?r")
"""Words of a date column's name that make it the day of a delivery (Дата и время родов): a newborn's birth."""


def _bare_to_the_row(grouped: dict[str, dict[str, str]]) -> None:
    """A column named by its kind alone (ИИН) whose first word another column shares (ИИН доверенного лица) is the
    row's own person's, where that person is named (Залогодатель (Ф.И.О.), Дата рождения) and has no such column: not
    a person of its own, which an IIN column alone would be (fl_relations' iin beside iin_rodstvennika, with no name,
    stays so)."""
    own = grouped.get("subject", {})
    if not own.keys() & {"surname", "first_name", "full_name"}:
        return
    for name, found in list(grouped.items()):
        if name != "subject" and len(found) == 1 and not found.keys() & own.keys() and \
                _words_of(next(iter(found.values()))) == {name} and next(iter(found)) in ("iin", "birth_date"):
            own.update(grouped.pop(name))


def _iin_to_the_name_before(grouped: dict[str, dict[str, str]], cols: list[CatalogColumn]) -> None:
    """An IIN column that is a person of its own only because the row's person has one (a SharePoint list's ИИН
    and, cut short, ``ИИН …`` of ИИН представителя) is the IIN of the person named just before it who has none
    (``Пред…``, Представитель по доверенности): in a table whose names say no person's role, a bare second IIN
    after a second name is that name's."""
    for name, found in list(grouped.items()):
        if name == "subject" or set(found) != {"iin"}:
            continue
        before = _before(grouped, cols, found["iin"])
        if before is not None and before != name and "iin" not in grouped[before] and \
                grouped[before].keys() & {"surname", "first_name", "full_name"}:
            grouped[before]["iin"] = grouped.pop(name)["iin"]


def _before(grouped: dict[str, dict[str, str]], cols: list[CatalogColumn], column: str) -> str | None:
    """The person whose columns stand last before ``column`` (a role word's, not the row's own unnamed one)."""
    at = {c.column: n for n, c in enumerate(cols)}
    before = [(max(at[c] for c in found.values() if at[c] < at[column]), name) for name, found in grouped.items()
              if name != "subject" and any(at[c] < at[column] for c in found.values())]
    return max(before)[1] if before else None


REPEAT_SUFFIX = re.compile(r"(.+?)[._](\d{1,2})")
"""a header written again, numbered by the program that made the names unique (R's make.unique: Дата.рождения.1;
pandas: ИИН.1; ours: Фамилия_2)"""


def _written_again(column: str, cols: list[CatalogColumn]) -> bool:
    """Whether ``column`` is another column's name written again and numbered (Дата.рождения.1 beside
    Дата.рождения)."""
    repeat = REPEAT_SUFFIX.fullmatch(column)
    return repeat is not None and any(c.column == repeat.group(1) for c in cols)


def _fits_the_person_before(grouped: dict[str, dict[str, str]], cols: list[CatalogColumn]) -> bool:
    """Whether each column of the row's unnamed person (an IIN, a date of birth: no name) is of a kind the person
    before it lacks, so that none is lost in moving it there."""
    return all((owner := _before(grouped, cols, column)) is not None and kind not in grouped[owner]
               for kind, column in grouped["subject"].items())


def _to_the_person_before(grouped: dict[str, dict[str, str]], cols: list[CatalogColumn]) -> None:
    """Where role words name a row's persons (ФИО роженицы ... ФИО отца), a column no role word names that tells
    no one apart alone (Возраст right after ФИО роженицы) is the person's whose columns stand just before it."""
    for kind, column in list(grouped["subject"].items()):
        owner = _before(grouped, cols, column)
        if owner is not None and kind not in grouped[owner]:
            grouped[owner][kind] = column
    grouped.pop("subject")


KIN = re.compile(r"ата-ана|ata-ana|родител|parent|матер|мать|mother|отец|отца|father|әкесінің|әкесі|жұбай|zhubai|"
                 r"jubai|супруг|spouse|wife|husband|қамқоршы|опекун|guardian|представител|representative|"
                 r"contact|контактн|потерпевш|жәбірлен|victim|dover|довер|proxy|сенім")
"""Words of a column's name that make it another person's than the row's (Ata-anasynyñ aty-jönı, ФИО матери,
Guardian full name, Потерпевший): a full name so named, beside the row's own name columns, is a second person."""
NEVER_ONESELF = re.compile(KIN.pattern + r"|байланыс|emergency|экстрен|төтенше|witness|свидетел|куәгер|relative|"
                           r"родств|туыс|child|ребен|ребён|бала|newborn|новорожд")
"""Words of a party's name that make it someone else than the row's own person whatever their names (a father
named as his son, Andrey Alekseev the Emergency contact of ALEKSEEV^ANDREY): never the row's person named twice"""


def _kin(identity: list[CatalogColumn], cols: list[CatalogColumn]) -> dict[str, dict[str, str]]:
    """The full-name columns of another person (``KIN``: a parent, a spouse, a proxy: dover_fio beside fam, ima) in a
    row whose own person has name columns of their own (Tegı, Aty beside Ata-anasynyñ aty-jönı: the student and a
    parent), each with the phone or e-mail columns whose names share its word (Ata-anasynyñ telefony, dover_tel):
    column -> {column: kind}. The row's full name where it has no other (ФИО законного представителя alone) stays
    the row's."""
    own = {c.semantic_type for c in identity if not KIN.search(c.column.lower()) and not ROLE.search(c.column.lower())}
    if not own & {"surname", "first_name"}:
        return {}
    out: dict[str, dict[str, str]] = {}
    for c in identity:  # a kin's word, or a role's (Haydovchi_FISH beside Familiyasi, Ismi: the load's driver)
        word = KIN.search(c.column.lower()) or ROLE.search(c.column.lower())
        if c.semantic_type == "full_name" and word:
            out[c.column] = {c.column: "full_name", **{o.column: o.semantic_type for o in cols if o.semantic_type in (
                "phone", "email") and word.group() in o.column.lower()}}
    return out


PARTS_OF_A_NAME = frozenset({"surname", "first_name", "patronymic"})


def _by_place(identity: list[CatalogColumn]) -> dict[str, str]:
    """Column -> person where the columns' names tell nobody apart (a card's fields numbered 1 to 19) and an IIN or a
    date of birth comes twice: one person's columns stand together, so the next person starts where a kind the
    current one has comes again (a second IIN or date of birth), or a full name after a surname (the victim's
    fields 15-17 after the offender's 4-9). Empty where no such kind repeats (Фамилия, Имя, ФИО of one person)."""
    kinds = Counter(c.semantic_type for c in identity)
    if kinds["iin"] < 2 and kinds["birth_date"] < 2:
        return {}
    out: dict[str, str] = {}
    seen: set[str] = set()
    person = 1
    for c in identity:
        kind = c.semantic_type
        if kind in seen or (kind == "full_name" and seen & PARTS_OF_A_NAME) or (
                kind in PARTS_OF_A_NAME and "full_name" in seen):
            person, seen = person + 1, set()
        seen.add(kind)
        out[c.column] = "subject" if person == 1 else f"person_{person}"
    return out


WRITTEN_AGAIN = re.compile(r"(.+)_(\d+)")
"""a header that stood before in the same file, as the store names it the second time (Фамилия_2)"""


def _headers_written_again(identity: list[CatalogColumn]) -> bool:
    """Whether the columns that share a first word are a header block written again (Фамилия;Имя;ИИН; ...;
    Фамилия;Имя;ИИН: a member and their child, whose columns the store names Фамилия, Фамилия_2): every column of a
    shared first word is a header or its repetition; or whether the file had no header at all. Such persons are
    told apart by their places (``_by_place``), not by the words of their names."""
    if len(identity) > 1 and all(UNNAMED_COLUMN.fullmatch(c.column) for c in identity):
        return True  # a file without a header (column_3, column_14): its columns' names tell nobody apart
    names = {c.column.lower() for c in identity}
    again = {m.group(1) for c in identity if (m := WRITTEN_AGAIN.fullmatch(c.column.lower())) and m.group(1) in names}
    if not again:
        return False
    shared = Counter(party_of(c.column) for c in identity)
    return all(c.column.lower() in again or ((m := WRITTEN_AGAIN.fullmatch(c.column.lower())) is not None
                                             and m.group(1) in again)
               for c in identity if shared[party_of(c.column)] > 1)


def _age_on(cols: list[CatalogColumn], found: dict[str, str]) -> str | None:
    """The column of the date a party's age was taken on (``Party.age_on``): the row's first date that is no date
    of birth, where the party has an age or a date of birth (which may be written as an age: ``AGE_IN_BIRTH``)."""
    if "age" not in found and "birth_date" not in found:  # a volunteer's 18 лет where a date of birth goes
        return None
    return next((c.column for c in cols if c.semantic_type == "date"), None)


def _nested_persons(identity: list[CatalogColumn]) -> bool:
    """Whether a row of nested records holds two persons, each identified by the columns under a first key of its
    own (client.name.last, client.iin beside contact_person.full_name), whatever kinds each has."""
    under: dict[str, dict[str, str]] = defaultdict(dict)
    for c in identity:
        if NESTED.fullmatch(c.column):
            under[party_of(c.column)][c.semantic_type] = c.column
    return sum(1 for found in under.values() if _identifies(found)) >= 2


CONTACT_LISTS = frozenset({"phone", "phones", "tel", "telephone", "mobile", "email", "emails", "mail", "e-mail",
                           "address", "addresses", "телефон", "телефоны", "адрес", "адреса", "почта", "мекенжай",
                           "контакты", "contacts", "тел", "моб", "сот", "мобильный", "сотовый"})
"""First keys of a nested list of a record's own contacts (PHONE.1.VALUE, emails.2.address): named by what they
hold, they are the row's own person's; so is a column named by them alone (Контакты: +7 705 931 15 43, e-mail: ...)."""


WORK_CONTACT = re.compile(r"рабоч|служеб|work|office|жұмыс", re.IGNORECASE)
"""Words of a contact column that make it a workplace's (Рабочий телефон, Work email): a person's own comes first"""


def _own_first(columns: list[str]) -> str:
    """A person's contact column of several: the first not named a workplace's (Мобильный телефон before Рабочий
    телефон, shared by an office's staff), else the first."""
    return next((c for c in columns if not WORK_CONTACT.search(c)), columns[0])


CONTACT_STEMS = frozenset(w[:PERSON_STEM] for w in CONTACT_LISTS - {"контакты", "contacts"} | {
    "мобильный", "рабочий", "домашний", "work", "home", "mobile", "cell", "number", "номер", "нөмірі"})
"""Stems of the words a contact column is named by (Мобильный телефон, Work phone): no word of whose it is (a
contact, контакт, is a person: Полное имя контакта)"""


def _contacts(cols: list[CatalogColumn], grouped: dict[str, dict[str, str]],
              named: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    """The address, phone and e-mail columns of a row of several persons, by person: a column whose name says
    whose it is (guardian_phone, ата-ана телефоны, адрес_заявителя; Contact Phone beside Emergency Contact) is
    that person's (as is one whose first word begins a column of one person's: HERDER_PHO beside HERDER_NAM); a
    list of contacts named by what it holds (PHONE.1.VALUE), or a bare phone or e-mail beside persons that are
    records of fields (person.*, referrer.*), is the row's own person's; an address whose name says nobody's is the
    home of every person of the row (a child and a guardian, a wife and a husband); a phone or e-mail of nobody
    named is nobody's (whose it is cannot be told), unless the row has one person only, or one person without a
    phone (or e-mail) of their own where it is the row's one unnamed one, named as a phone and nothing else
    (Телефон beside Жалға алушының телефоны: the owner's; not a kindergarten's contact_phone)."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    unnamed: list[CatalogColumn] = []
    persons = [name for name, found_ in grouped.items() if _identifies(found_) or "first_name" in found_]
    first = next(iter(grouped), None)
    for c in cols:
        if c.semantic_type not in CONTACT:
            continue
        owner = named.get(c.column) if named else None
        if owner in (None, "subject") or owner not in grouped:  # HERDER_PHO says herder, a person by another name
            owner = party_of(c.column) if party_of(c.column) in grouped else None
        if owner is None:  # HERDER_PHO beside HERDER_NAM, the row's one column of the herder: its person's; resp/phone
            begun = [name for name, found_ in grouped.items()  # beside resp/name, a form's group (ODK, Kobo)
                     if party_of(c.column) in {party_of(column) for column in found_.values()}
                     or _group(c.column) in {_group(column) for column in found_.values()} - {None}]
            owner = begun[0] if len(begun) == 1 else None
        if owner is None and NESTED.fullmatch(c.column) and c.column.split(".")[0].lower() in CONTACT_LISTS:
            owner = "subject" if "subject" in grouped else next(iter(grouped), None)  # a CRM's PHONE.1.VALUE: the
            # contact's own phones, a list named by what it holds, not by whose
        if owner is None:  # Contact Phone of the person in Emergency Contact: a word of the person's column, or
            said = [name for name in grouped if _stems(c.column) & _stems(name) or _abbreviates(c.column, name)]
            owner = said[0] if len(said) == 1 else None  # its first letters (ТЕЛ_ПЛАТ beside ПЛАТЕЛЬЩИК)
        if owner is None and c.semantic_type != "address":  # Мобильный телефон (контакт) beside Полное имя контакта: a
            # word of a person's own columns (an address so named stays everyone's home: the owner's co-owner's too)
            own = _stems(c.column) - HEADER_STEMS - CONTACT_STEMS
            said = [name for name, found_ in grouped.items()
                    if own & {s for column in found_.values() for s in _stems(column)}]
            owner = said[0] if len(said) == 1 else None
        bare = _words_of(c.column) <= CONTACT_LISTS  # named as a contact and nothing else: Телефон, phones
        if owner is None and first is not None and bare and all(NESTED.fullmatch(column)
                                                                 for column in grouped[first].values()):
            owner = first  # a profile's phones and email beside its person.* and referrer.*: the profile's person
        if owner is None and len(persons) == 1:  # Телефон beside a passport's Father Name: one person in the row
            owner = persons[0]
        if owner is None and first is not None and UNNAMED_COLUMN.fullmatch(c.column) and c.semantic_type != \
                "address":  # a file without a header: its phone is the row's own person's, as its first columns are
            owner = first
        if owner is not None and owner in grouped:
            found[owner][c.semantic_type].append(c.column)
        elif c.semantic_type == "address":
            for name in grouped:
                found[name]["address"].append(c.column)
        elif bare:  # Телефон, not contact_phone (a kindergarten's, the guardian's to be called, never the child's)
            unnamed.append(c)
    for c in unnamed:  # Телефон beside Жалға алушының телефоны: the tenant's is named, so the other is the owner's
        lacking = [name for name in persons if not found[name].get(c.semantic_type)]
        alone = sum(1 for u in unnamed if u.semantic_type == c.semantic_type) == 1
        # else the row's own person's, named as bare as it (Телефон / Phone beside the runner's Фамилия, Аты; not
        # the Emergency contact's nor the Payer's)
        owner = lacking[0] if len(lacking) == 1 else "subject" if "subject" in lacking else None
        if len(persons) > 1 and owner is not None and alone:
            found[owner][c.semantic_type].append(c.column)
    return found


CELL_FUNCTION = "ukimet_person_in_cell"


def person_in_cell(text: str | None, place: int) -> str | None:
    """The person of a cell of several (``core.cells``) at ``place`` (1 or 2) of its pair: the first or second
    name written, or the one name written at the place its sex holds, by its role word or its endings (a woman
    alone second); in a numbered list, the person of that number; None where the place is empty."""
    people = people_in_cell(text)
    if len(people) >= 2 or numbered(text):  # 1) Каршина Татьяна – жена: the first place, whatever her sex
        return people[place - 1][0] if place <= len(people) else None
    if not people or place > PLACES:
        return None
    name, said = people[0]
    parts = split_full_name(name)
    sex = said or (parts.patronymic and patronymic(parts.patronymic).sex) or (parts.surname and
                                                                              surname(parts.surname).sex)
    return name if (place == 2) == (sex == "F") else None


def _with_cell_function(con: duckdb.DuckDBPyConnection) -> None:
    """``person_in_cell`` as a function of ``con``'s SQL (once per connection)."""
    with contextlib.suppress(duckdb.NotImplementedException):  # registered already on this connection
        con.create_function(CELL_FUNCTION, person_in_cell, ["VARCHAR", "BIGINT"], "VARCHAR",
                            null_handling=FunctionNullHandling.SPECIAL, side_effects=False)


def _value_sql(party: Party, kind: str) -> str:
    """A party's field as text: its column's value, or a cell's person at the party's place."""
    value = f"CAST({ident(party.columns[kind])} AS VARCHAR)"
    if party.dative and kind == "full_name":  # Русланға: Руслан; Омарұлына: Омарұлы
        return (f"regexp_replace(regexp_replace(trim({value}), '({'|'.join(DATIVE_POSSESSED)})на$', '\\1', 'i'), "
                f"'([^\\s]{{2,}})({'|'.join(DATIVE_SUFFIXES)})$', '\\1', 'i')")
    return f"{CELL_FUNCTION}({value}, {party.cell})" if party.cell and kind == "full_name" else value


PHONE_IN_NAME = r"\pL[\s,;]+(?:[Тт]ел\.?:?\s*)?((?:\+?7|8)?[\s(-]*7\d{2}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2})\s*$"
"""RE2's form of ``core.cells.PHONE_AFTER_NAME``: a mobile phone written after a name in its cell, as its group"""


def _phone_in_name_sql(party: Party) -> str:
    """A party's phone written after its name in the name's cell (``Омарова Әсел, тел. +7 747 834 85 51``: a
    parent on a registration), where the party has no phone column of its own."""
    return f"nullif(regexp_extract({_value_sql(party, 'full_name')}, '{PHONE_IN_NAME}', 1), '')"


def _said(column: str) -> str:
    """The SQL of a further attribute's value in lower case, none where the cell says nothing: empty, or a dash
    or dots alone (``—``, ``-``, ``...``: a book's "no parents written", not a value every such row shares)."""
    return f"CASE WHEN regexp_full_match(trim(CAST({column} AS VARCHAR)), '{SAYS_NOTHING}') THEN NULL " \
        f"ELSE lower(trim(CAST({column} AS VARCHAR))) END"


def record_key_sql(key: list[str]) -> str:
    """How a row is named in ``link.person_records``: its key columns joined with '|' (its rowid without a key)."""
    return "concat_ws('|', " + ", ".join(f"CAST({ident(k)} AS VARCHAR)" for k in key) + ")" if key else \
        "CAST(rowid AS VARCHAR)"


def extract(con: duckdb.DuckDBPyConnection, engine: Engine, sources: list[str] | None = None,
            extras: bool = False, notes: list[str] | None = None) -> int:
    """Build ``link.person_records`` from the store; return how many records it holds. With ``extras``, every
    other non-key column of a one-person-per-row table is kept as a further attribute (x_<column>), compared
    where the same column name appears: what linking standalone files wants. ``notes`` gets what the values
    changed of the columns' reading (an IIN column that is another person's of the row)."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    found: list[tuple[str, Party, list[str]]] = []
    catalogued: dict[str, list[CatalogColumn]] = {}
    for spec in list_sources(engine):
        if sources and spec.name not in sources:
            continue
        synced = store_tables(con, spec.name)
        keys = table_keys(engine, spec.name)
        catalogued[spec.name] = columns_of(engine, spec.name)
        for party in parties(catalogued[spec.name], (), extras):
            if party.table in synced:
                key = keys.get(party.table) or []
                found.append((spec.name, replace(party, extras=tuple(c for c in party.extras if c not in key)), key))
    found = _iins_by_birth(con, found, notes if notes is not None else [])
    build_row_groups(con, found, catalogued, record_key_sql)
    names = sorted({extra_name(c) for _, party, _ in found for c in party.extras})
    selects = []
    for source, party, key in found:
        table = f"{ident(source)}.{ident(party.table)}"
        record_key = record_key_sql(key)
        fields = ", ".join(
            f"{_birth_sql(party)} AS {t}" if t == "birth_date" else
            f"{_value_sql(party, t)} AS {t}" if t in party.columns else
            f"{_phone_in_name_sql(party)} AS {t}" if t == "phone" and "full_name" in party.columns and not party.cell
            else f"NULL::VARCHAR AS {t}" for t in (*IDENTITY, "phone", "email") if t != "age")
        address = ("concat_ws(' ', " + ", ".join(f"CAST({ident(a)} AS VARCHAR)" for a in party.address) + ")"
                   if party.address else "NULL::VARCHAR")
        mine = {extra_name(c): c for c in party.extras}
        further = "".join(f", {_said(ident(mine[n]))} AS {n}" if n in mine
                          else f", NULL::VARCHAR AS {n}" for n in names)
        relation = f"CAST({ident(party.relation)} AS VARCHAR)" if party.relation else "NULL::VARCHAR"
        selects.append(f"SELECT '{source}' AS source, '{party.table}' AS source_table, "
                       f"'{party.party}' AS party, {record_key} AS record_key, {fields}, "
                       f"{address} AS address, {relation} AS relation, {party.surname_of is not None} AS "
                       f"surname_variant{further} FROM {table}{_variant_rows(party)}")
    if not selects:
        raise LinkError("link.no_identity")
    if any(party.cell for _, party, _ in found):
        _with_cell_function(con)
    con.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.raw_records AS " + " UNION ALL ".join(selects))
    raw = con.execute(f"SELECT count(*) FROM {SCHEMA}.raw_records").fetchone()
    _standardise(con, DuckDBBackend.working(con, int(raw[0]) if raw else 0), names)
    count = con.execute(f"SELECT count(*) FROM {SCHEMA}.person_records").fetchone()
    return int(count[0]) if count else 0


IIN_BIRTH_SAMPLE = 2000
"""Rows of a table read to tell whose an IIN column is by the dates of birth it encodes (``_iins_by_birth``)."""
IIN_BIRTH_AGREES = 0.5
"""The share of a person's dates of birth an IIN column must encode to be that person's."""


def _iins_by_birth(con: duckdb.DuckDBPyConnection, found: list[tuple[str, Party, list[str]]], notes: list[str]
                   ) -> list[tuple[str, Party, list[str]]]:
    """Each row's parties with an IIN column moved to the party whose dates of birth it encodes, where its name
    could not say whose it is: a CRM's opaque UF_CRM_1552047283 (the student's IIN) beside UF_CRM_1612934567 (the
    name of the student's representative) went, by its first word, to the representative. An IIN column stays
    where its own party's dates of birth, or no other party's, agree with it."""
    out = list(found)
    for i, (source, party, key) in enumerate(found):
        if "iin" not in party.columns:
            continue
        mates = [(j, other) for j, (s, other, _) in enumerate(out) if s == source and other.table == party.table
                 and j != i and "iin" not in other.columns and "birth_date" in other.columns]
        if not mates:
            continue
        table = f"{ident(source)}.{ident(party.table)}"
        candidates = [(j, other) for j, other in [(i, party), *mates] if "birth_date" in other.columns]
        births = ", ".join(_birth_sql(other) for _, other in candidates)
        rows = con.execute(f"""SELECT CAST({ident(party.columns['iin'])} AS VARCHAR), {births}
            FROM {table} WHERE {ident(party.columns['iin'])} IS NOT NULL LIMIT {IIN_BIRTH_SAMPLE}""").fetchall()
        encoded = [decode_iin(re.sub(r"\D", "", str(row[0]))) for row in rows]
        agree = {j: sum(1 for info, row in zip(encoded, rows, strict=True) if info is not None and row[k + 1]
                        is not None and info.birth_date == birth_as_written((str(row[k + 1]), False))[0])
                 / max(len(rows), 1) for k, (j, _) in enumerate(candidates)}
        best = max(agree, key=lambda j: agree[j], default=i)
        if best != i and agree[best] >= IIN_BIRTH_AGREES:
            column = party.columns["iin"]
            out[i] = (source, replace(party, columns={k: v for k, v in party.columns.items() if k != "iin"}), key)
            other = out[best][1]
            out[best] = (source, replace(other, columns={**other.columns, "iin": column}), out[best][2])
            whose, rest = ", ".join(other.columns.values()), ", ".join(out[i][1].columns.values())
            notes.append(f"{source}: {column} = iin of the person of {whose}, whose dates of birth it encodes "
                         f"({agree[best]:.0%} of rows), not of the person of {rest}")
    return out


PLACEHOLDERS = ("нет данных", "нет сведений", "нет", "н/д", "нд", "неизвестно", "неизвестен", "неизвестна",
                "не указано", "не указан", "не указана", "отсутствует", "мәлімет жоқ", "мәліметтер жоқ", "жоқ",
                "белгісіз", "көрсетілмеген", "unknown", "not known", "n/a", "na", "none", "null", "nil", "-", "--",
                "—", "?", "??", "...")
"""What agencies write where they know nothing (нет данных, белгісіз, n/a, -): no value, not a name, an address or a
date that two records could agree or disagree on."""


def _forget_placeholders(work: DuckDBBackend, table: str) -> None:
    """Drop from a mapping of distinct raw values (``map_name``, ``map_full``, ``map_contact``) the placeholders
    (``PLACEHOLDERS``): the records that hold one join to nothing there, as records with no value do. Done on the
    distinct values, not on every record's every column (a tenth of the records' extraction, done there)."""
    said = ", ".join(literal(p) for p in PLACEHOLDERS)
    work.con.execute(f"DELETE FROM {table} WHERE lower(trim(raw)) IN ({said})")


def _date_of_parts(parts: tuple[str, ...]) -> str:
    """A date of birth from its day, month and year columns, as d.m.yyyy text (a part missing: no date)."""
    day, month, year = (f"nullif(trim(CAST({ident(c)} AS VARCHAR)), '')" for c in parts)
    return f"CASE WHEN {day} IS NOT NULL AND {month} IS NOT NULL AND {year} IS NOT NULL THEN " \
           f"concat_ws('.', {day}, {month}, {year}) END"


def main_records(con: duckdb.DuckDBPyConnection, alias: str = "r") -> str:
    """An SQL condition on ``link.person_records`` (as ``alias``) that keeps one record per identity: not the
    records of a person under another surname (a store linked before they were made has none)."""
    found = con.execute("SELECT 1 FROM duckdb_columns() WHERE schema_name = ? AND table_name = 'person_records' "
                        "AND column_name = 'surname_variant'", [SCHEMA]).fetchone()
    return f"NOT {alias}.surname_variant" if found else "true"


def _variant_rows(party: Party) -> str:
    """The rows where the other surname is a record of its own: it is written, differs from the first, and the
    row has an IIN or a date of birth to hold the two records of one person together (a bare name under two
    surnames would chain two namesakes)."""
    if party.surname_of is None:
        return ""
    other, first = (f"lower(trim(CAST({ident(c)} AS VARCHAR)))" for c in (party.columns["surname"], party.surname_of))
    anchors = [f"{ident(party.columns[t])} IS NOT NULL" for t in ("iin", "birth_date") if t in party.columns]
    return (f" WHERE nullif({other}, '') IS NOT NULL AND {other} IS DISTINCT FROM {first} AND "
            f"({' OR '.join(anchors) or 'false'})")


def _distinct(con: duckdb.DuckDBPyConnection, column: str) -> list[str]:
    return [r[0] for r in con.execute(
        f"SELECT DISTINCT {column} FROM {SCHEMA}.raw_records WHERE {column} IS NOT NULL").fetchall()]


def _mapping(work: DuckDBBackend, name: str, rows: dict[str, list[Any]],
             types: list[tuple[str, pa.DataType]]) -> None:
    """A working table mapping each distinct raw value to its standardised forms."""
    work.put(f"map_{name}", pa.table(rows, schema=pa.schema([pa.field(n, t) for n, t in types])))


SHARED_CONTACT = 6
"""The most people (by first name) a phone or an e-mail may be written for and still say who someone is: a family's
phone serves its members, one on more is an office's, an agency's or a placeholder's, and no evidence of identity."""
CONTACT_KEYS: dict[str, Callable[[str], str | None]] = {"address": address_key, "phone": phone_key,
                                                       "email": email_key}


def _contact_key(contact: tuple[str, str]) -> str | None:
    kind, value = contact
    return CONTACT_KEYS[kind](value)


def _iin_fields(raw: str) -> tuple[str | None, bool, dt.date | None, str | None]:
    found = iin_evidence(raw)
    return found.number, found.valid, found.birth_date, found.sex


def _full_name_fields(full: tuple[str, bool]) -> tuple[str | None, str | None, str | None]:
    if is_organisation(full[0]):  # a company among a register's debtors or owners: no person's name
        return None, None, None
    found = split_full_name(*full)
    return found.surname, found.first, found.patronymic


EMPTY_DATE = re.compile(r"^\s*(?:0?1[./-]0?1[./-]0{3}1|0{3}1-01-01|0{4}-00-00)(?:[ T]0?0:00(?::00)?)?\s*$")
"""The date a system writes for one nobody entered, as text (1C's 01.01.0001 0:00:00, MySQL's 0000-00-00): no date
of birth, and nothing the run could not read."""
PLACEHOLDER_BIRTHS = frozenset({dt.date(1900, 1, 1), dt.date(1, 1, 1), dt.date(1899, 12, 30),
                                dt.date(1899, 12, 31)})
"""Dates systems write for a date of birth nobody entered: their first day (01.01.1900, 0001-01-01) and Excel's
day zero. A person born on 1 January 1900 has no record in a living population."""


AGE_WRITTEN = re.compile(r"age (\d{1,3})(?:\.0+)? on (.*)")
"""an age and the date it was taken on, as ``extract`` writes them where a date of birth would be"""


def _birth_sql(party: Party) -> str:
    """A party's date of birth as written: its column (or, where that is empty, its age: ``_age_sql``; where it holds
    an age, ``AGE_IN_BIRTH``, that age on the row's date), its three parts, its age, or the one its full name may carry
    (Касымов Дмитрий, 1944 г.р.; only names with a digit are read for it, not every distinct name of the store)."""
    if "birth_date" in party.columns:
        own = "coalesce(" + ", ".join(f"CAST({ident(c)} AS VARCHAR)" for c in (party.columns["birth_date"],
                                                                              *party.births_else)) + ")"
        on = f"coalesce(CAST({ident(party.age_on)} AS VARCHAR), '')" if party.age_on else "''"
        years, months = (f"'{pattern}'" for pattern in AGE_IN_BIRTH)
        own = f"""CASE WHEN regexp_matches(lower({own}), {years})
            THEN 'age ' || regexp_extract(lower({own}), {years}, 1) || ' on ' || {on}
            WHEN regexp_matches(lower({own}), {months}) THEN 'age 0 on ' || {on} ELSE {own} END"""
        return f"coalesce({own}, {_age_sql(party)})" if "age" in party.columns else own
    if party.birth_parts:
        return _date_of_parts(party.birth_parts)
    if "age" in party.columns:
        return _age_sql(party)
    if "full_name" in party.columns:
        full = _value_sql(party, "full_name")
        return f"CASE WHEN regexp_matches({full}, '[0-9]') THEN {full} END"
    return "NULL::VARCHAR"


def _age_sql(party: Party) -> str:
    """A party's age as ``AGE_WRITTEN`` (the date it was taken on, or nothing: today)."""
    on = f"CAST({ident(party.age_on)} AS VARCHAR)" if party.age_on else "''"
    return f"""CASE WHEN {ident(party.columns['age'])} IS NOT NULL THEN
        'age ' || CAST({ident(party.columns['age'])} AS VARCHAR) || ' on ' || coalesce({on}, '') END"""


def birth_as_written(written: tuple[str, bool]) -> tuple[dt.date | None, bool, bool, bool]:
    """A date of birth as written (in its column's order: ``month_first``), whether only its year and month are
    (the 1st of that month, then), whether only its year is (the 1st of January), and whether that year is an
    age's (``AGE_WRITTEN``: the year before the one the age was taken in, less the age; the year of birth is that or
    the next, as the day of birth came before the day the age was taken or not)."""
    text, american = written
    aged = AGE_WRITTEN.fullmatch(text)
    if aged:
        on = parse_date(aged.group(2)) or dt.date.today()
        years = int(aged.group(1))
        return (dt.date(on.year - years - 1, 1, 1), True, True, True) if years < on.year - 1 else (None, False, False,
                                                                                                   False)
    born = life_span_birth(text)
    if born is not None:  # 1938–2005, 10.02.1959 - 03.01.2005: a life's span, its birth first
        return birth_as_written((born, american))
    day = parse_date(text, month_first=american) or parse_epoch_millis(text)  # 547603200000: JSON's milliseconds
    if day in PLACEHOLDER_BIRTHS:  # a system's default for "not known": no date of birth
        return None, False, False, False
    month = None if day is not None else parse_year_month(text)
    year = None if day is not None or month is not None else parse_year(text)
    with_name = name_and_birth(text) if day is None and month is None and year is None else None
    if with_name is not None:  # the full name's column, where the date of birth follows the name in it
        return birth_as_written((with_name[1], american))
    if day is None and month is None and year is None:
        day = ocr_mended_date(text)  # 21.О8.1976, 13.03.7994: a scan's letters and digits mended
    return day or month or year, month is not None or year is not None, year is not None, False


NAME_FIELDS = ("surname_key", "surname_stem", "first_key", "first_full", "father_key", "surname_sound", "first_sound",
               "surname_raw", "first_raw", "patronymic_raw")
"""a person record's columns that hold its name"""


def fits_mask(masked: str | None, name: str | None) -> bool:
    """Whether a name's word could be the masked word (Т*******в: Тулегенов, Тұлегенов; not Тулегенова, not Қулегенов),
    its Kazakh letters read as Russian ones; an unmasked word fits itself so read."""
    if masked is None or name is None:
        return masked is None
    word, shown = (to_russian_letters(w.strip()).lower() for w in (name, masked))
    if not MASKED_WORD.fullmatch(masked):
        return word == shown
    return len(word) == len(shown) and word[0] == shown[0] and word[-1] == shown[-1] and word.isalpha()


def _unmasked(con: duckdb.DuckDBPyConnection) -> None:
    """Masked names (a register pseudonymised for statistics: Т*******в А***р Т********ч) read as the one name of the
    other records of the same day of birth and sex that they fit (``fits_mask``), where exactly one person's name
    (its surname and first name) does; a masked name that fits none, or several, stays masked: it then agrees with
    its own masked copies only."""
    masked = con.execute(f"""SELECT record_id, birth_date, sex, surname_raw, first_raw, patronymic_raw
        FROM {SCHEMA}.person_records WHERE birth_date IS NOT NULL AND NOT birth_year_only AND NOT birth_month_only
            AND (contains(surname_raw, '*') OR contains(first_raw, '*'))""").fetchall()
    if not masked:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE masked_days AS SELECT DISTINCT birth_date FROM "
                f"{SCHEMA}.person_records WHERE contains(surname_raw, '*') OR contains(first_raw, '*')")
    known: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for row in con.execute(f"""SELECT p.birth_date, p.sex, p.surname_raw, p.first_raw, p.patronymic_raw, p.record_id
            FROM {SCHEMA}.person_records p JOIN masked_days USING (birth_date)
            WHERE NOT contains(coalesce(p.surname_raw, '') || coalesce(p.first_raw, ''), '*')
                AND p.surname_raw IS NOT NULL AND p.first_raw IS NOT NULL""").fetchall():
        known[row[0]].append(row[1:])
    donors: list[tuple[int, int]] = []
    for record, day, sex, sur, first, father in masked:
        fitting = {(to_russian_letters(s).lower(), to_russian_letters(f).lower()): donor
                   for s_, s, f, p, donor in known.get(day, ())
                   if (sex is None or s_ is None or s_ == sex) and fits_mask(sur, s) and fits_mask(first, f)
                   and (father is None or p is None or fits_mask(father, p))}
        if len(fitting) == 1:
            donors.append((record, next(iter(fitting.values()))))
    con.execute("DROP TABLE masked_days")
    if not donors:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE unmasked AS SELECT * FROM (VALUES " +
                ", ".join(f"({r}, {d})" for r, d in donors) + ") t(record_id, donor)")
    con.execute(f"""UPDATE {SCHEMA}.person_records p SET {", ".join(f"{c} = d.{c}" for c in NAME_FIELDS)}
        FROM unmasked u JOIN {SCHEMA}.person_records d ON d.record_id = u.donor WHERE p.record_id = u.record_id""")
    con.execute("DROP TABLE unmasked")


def _name_forms(name: str) -> tuple[str, str, str | None, str, str | None, str | None, str | None]:
    """A name's comparable key, surname stem and the sex its ending tells, the father's name it holds (as a
    patronymic), its sound key, the full name it begins (Бауке: Бауыржан) and the sex it tells as a patronymic. A
    masked name (Т*******в) is its first and last letters and how many are hidden (t7v), agreeing with itself only:
    no sound, stem or sex of a name it may be (``_unmasked`` reads it as the one it fits, where one does)."""
    if MASKED_WORD.fullmatch(name):
        key = f"{name_key(name[0])}{len(name) - 2}{name_key(name[-1])}"
        return key, key, None, key, None, None, None
    family, father = surname(name), patronymic(name)
    return (name_key(name), family.stem, family.sex, father.stem, sound_key(name) or None, full_name_begins(name),
            father.sex)


ORDER_SAMPLE = 500
"""Distinct values of a column read to tell the order it writes them in."""


def _orders(con: duckdb.DuckDBPyConnection, work: DuckDBBackend, column: str, flag: str,
            test: Callable[[list[str]], bool]) -> None:
    """``map_<flag>`` (source, source_table, party, <flag>): the columns of ``column`` whose sample of distinct
    values passes ``test``, the order they are written in: full names with the given name first
    (``names.given_first``), so that a name whose endings say nothing (GALYM TOKTAR) is read in its column's
    order; dates of birth with the month first (``dates.month_first``: 09/21/1950), so that 03/05/1990 is March 5
    where its column says so and May 3 elsewhere."""
    rows = con.execute(f"""SELECT source, source_table, party, list({column}) FROM (
            SELECT DISTINCT source, source_table, party, {column} FROM {SCHEMA}.raw_records
            WHERE {column} IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY source, source_table, party ORDER BY {column})
                <= {ORDER_SAMPLE}) sampled
        GROUP BY source, source_table, party""").fetchall()
    found = [(source, table, party) for source, table, party, values in rows if test(list(values))]
    _mapping(work, flag, {"source": [f[0] for f in found], "source_table": [f[1] for f in found],
                          "party": [f[2] for f in found], flag: [True] * len(found)},
             [("source", pa.string()), ("source_table", pa.string()), ("party", pa.string()), (flag, pa.bool_())])


NAMES_WRITTEN = ("surname", "first_name", "patronymic", "full_name")
"""The raw fields a person's names are written in."""
WRITTEN = (*NAMES_WRITTEN, "address")
"""The raw fields a person's names and address are written in."""


def _rewrite(con: duckdb.DuckDBPyConnection, work: DuckDBBackend, field: str, pattern: str,
             fix: Callable[[str], str]) -> None:
    """The raw records' ``field`` mended where ``pattern`` (a DuckDB regular expression) finds something to mend:
    each distinct value it matches read once in Python (``fix``), and the values ``fix`` changes written back."""
    values = [r[0] for r in con.execute(f"SELECT DISTINCT {field} FROM {SCHEMA}.raw_records "
                                        f"WHERE regexp_matches({field}, '{pattern}')").fetchall()]
    fixed = [(value, text) for value, text in ((value, fix(value)) for value in values) if text != value]
    if fixed:
        _mapping(work, "rewritten", {"raw": [v for v, _ in fixed], "text": [t for _, t in fixed]},
                 [("raw", pa.string()), ("text", pa.string())])
        con.execute(f"UPDATE {SCHEMA}.raw_records r SET {field} = m.text FROM map_rewritten m WHERE r.{field} = m.raw")
        work.drop("map_rewritten")


def _mend_mojibake(con: duckdb.DuckDBPyConnection, work: DuckDBBackend) -> None:
    """Names and addresses a program read in a Western code page (``ÄÞÑÅÍÎÂ``) as they were written (ДЮСЕНОВ): only
    values with two accented letters in a row are read in Python (``encoding.mended``)."""
    for field in WRITTEN:
        _rewrite(con, work, field, MOJIBAKE, mended)


LOST_LETTERS = "әғқңөұүһі"
"""The Kazakh letters a Russian code page (cp1251, cp866) has no place for: a program writing one there puts ``?``"""
WRITTEN_FOR_LOST = "агкноухи"
"""The Russian letters other records write for the lost ones (Утеген for Үтеген): a ``?`` restored to one of them
is the same name once folded"""
_LOST = re.compile(r"(?<=[^\W\d_])\?|\?(?=[^\W\d_])")


def restored(value: str, known: dict[str, int]) -> str:
    """A name whose Kazakh letters a code page turned into ``?`` (``Ж?МА?АЛИЕВ``, ``?ТЕГЕН``) as the other records
    write it: each word with a ``?`` takes the spelling with the lost letters in its places (``LOST_LETTERS``) that
    the data's other names write most (``known``: lower-case words and how often they are written); where none is
    written so, the one spelling with the Russian letters written for them (``Утеген``), if only one is (Махамбетов
    and Мухамбетов both written: which is meant is not known, and the word stays as it is)."""
    words = value.split(" ")
    for k, word in enumerate(words):
        if not _LOST.search(word) or word.count("?") > 2:
            continue
        upper = word.replace("?", "").isupper()
        for letters, alone in ((LOST_LETTERS, False), (WRITTEN_FOR_LOST, True)):
            spellings = [""]
            for ch in word:
                options = [c.upper() if upper else c for c in letters] if ch == "?" else [ch]
                spellings = [done + o for done in spellings for o in options]
            written = [w for w in spellings if known.get(w.lower(), 0)]
            if written and (not alone or len(written) == 1):
                words[k] = max(written, key=lambda w: known[w.lower()])
                break
    return " ".join(words)


def _restore_lost_letters(con: duckdb.DuckDBPyConnection, work: DuckDBBackend) -> None:
    """Names whose Kazakh letters a code page lost (``?ТЕГЕН``, a DBF in cp1251) restored as the other records
    write them (``ҮТЕГЕН``: ``restored``); only the values with a ``?`` beside a letter are read in Python."""
    pattern = "\\pL\\?|\\?\\pL"  # RE2's \\w is ASCII: a Unicode letter is \\pL
    lost = " OR ".join(f"regexp_matches({field}, '{pattern}')" for field in NAMES_WRITTEN)
    if not con.execute(f"SELECT EXISTS (SELECT 1 FROM {SCHEMA}.raw_records WHERE {lost})").fetchall()[0][0]:
        return  # no name lost a letter (most data): no words counted
    words = " UNION ALL ".join(f"SELECT unnest(string_split(lower({field}), ' ')) AS word FROM {SCHEMA}.raw_records "
                               f"WHERE {field} IS NOT NULL AND NOT contains({field}, '?')" for field in NAMES_WRITTEN)
    known = dict(con.execute(f"SELECT word, count(*) FROM ({words}) w WHERE word <> '' GROUP BY word").fetchall())
    for field in NAMES_WRITTEN:
        _rewrite(con, work, field, pattern, lambda value: restored(value, known))


def _standardise(con: duckdb.DuckDBPyConnection, work: DuckDBBackend, extras: list[str]) -> None:
    """``link.person_records``: the raw records with every field in its comparable form. The Python work is done
    on distinct values, half of it in a second process when there are many (``mapped``)."""
    # a whole name in the first name's column, the surname's empty (a passport row: NURLAN SEITKALI): a full name
    con.execute(f"""UPDATE {SCHEMA}.raw_records SET full_name = first_name, first_name = NULL
        WHERE surname IS NULL AND full_name IS NULL AND patronymic IS NULL AND contains(trim(first_name), ' ')""")
    _mend_mojibake(con, work)
    _restore_lost_letters(con, work)
    iins = _distinct(con, "iin")
    _orders(con, work, "full_name", "given_first", given_first)
    _orders(con, work, "birth_date", "month_first", month_first)
    _orders(con, work, "birth_date", "epoch_days", epoch_days)
    number = "CAST(trim(r.birth_date) AS BIGINT)"
    con.execute(f"""UPDATE {SCHEMA}.raw_records r SET birth_date = CAST(DATE '{EPOCH}' + CAST(floor({number} / CASE
            WHEN abs({number}) >= {MILLISECONDS_LEAST} THEN 86400000 WHEN abs({number}) >= {SECONDS_LEAST} THEN 86400
            ELSE 1 END) AS INTEGER) AS VARCHAR)
        FROM map_epoch_days m WHERE m.source = r.source AND m.source_table = r.source_table AND m.party = r.party
            AND regexp_full_match(trim(r.birth_date), '-?[0-9]{{1,13}}')""")  # 9092 days, 785548800 s: 1994-11-23
    fulls = con.execute(f"""SELECT DISTINCT r.full_name, coalesce(o.given_first, false) FROM {SCHEMA}.raw_records r
        LEFT JOIN map_given_first o USING (source, source_table, party) WHERE r.full_name IS NOT NULL""").fetchall()
    dates = con.execute(f"""SELECT DISTINCT r.birth_date, coalesce(o.month_first, false)
        FROM {SCHEMA}.raw_records r LEFT JOIN map_month_first o USING (source, source_table, party)
        WHERE r.birth_date IS NOT NULL""").fetchall()
    contacts = [(kind, value) for kind in CONTACT_KEYS for value in _distinct(con, kind)]
    # plain tuples cross back from the second process several times faster than objects
    evidence, split, days, keys = mapped([(_iin_fields, iins), (_full_name_fields, fulls),
                                          (birth_as_written, dates), (_contact_key, contacts)])
    _mapping(work, "iin", {"raw": iins, **{c: [e[i] for e in evidence] for i, c in enumerate(
        ("number", "valid", "iin_birth", "iin_sex"))}},
             [("raw", pa.string()), ("number", pa.string()), ("valid", pa.bool_()),
                        ("iin_birth", pa.date32()), ("iin_sex", pa.string())])
    _mapping(work, "full", {"raw": [v for v, _ in fulls], "given_first": [first for _, first in fulls],
                           **{c: [f[i] for f in split]
                              for i, c in enumerate(("f_surname", "f_first", "f_patronymic"))}},
             [("raw", pa.string()), ("given_first", pa.bool_()), ("f_surname", pa.string()),
              ("f_first", pa.string()), ("f_patronymic", pa.string())])
    _mapping(work, "date", {"raw": [v for v, _ in dates], "month_first": [first for _, first in dates],
                            "day": [d[0] for d in days], "month_only": [d[1] for d in days],
                            "year_only": [d[2] for d in days], "approx": [d[3] for d in days]},
             [("raw", pa.string()), ("month_first", pa.bool_()), ("day", pa.date32()), ("month_only", pa.bool_()),
              ("year_only", pa.bool_()), ("approx", pa.bool_())])
    _mapping(work, "contact", {"kind": [kind for kind, _ in contacts], "raw": [value for _, value in contacts],
                               "key": keys}, [("kind", pa.string()), ("raw", pa.string()), ("key", pa.string())])
    _forget_placeholders(work, "map_full")
    _forget_placeholders(work, "map_contact")
    sexes = _distinct(con, "sex")
    _mapping(work, "sex", {"raw": sexes, "code": [SEX_CODES.get(s.strip().lower()) for s in sexes]},
             [("raw", pa.string()), ("code", pa.string())])
    work.create("named", f"""SELECT r.*,
        coalesce(r.surname, f.f_surname) AS sur, coalesce(r.first_name, f.f_first) AS fst,
        coalesce(r.patronymic, f.f_patronymic) AS pat,
        coalesce(m.month_first, false) AS month_first
        FROM {SCHEMA}.raw_records r LEFT JOIN map_given_first o USING (source, source_table, party)
        LEFT JOIN map_month_first m USING (source, source_table, party)
        LEFT JOIN map_full f ON f.raw = r.full_name AND f.given_first = coalesce(o.given_first, false)""")
    names = [r[0] for r in con.execute(
        "SELECT DISTINCT v FROM (SELECT sur AS v FROM named UNION SELECT fst FROM named UNION SELECT pat FROM named) "
        "WHERE v IS NOT NULL").fetchall()]
    (forms,) = mapped([(_name_forms, names)])
    columns = ("key", "surname_stem", "surname_sex", "father", "sound", "full", "father_sex")
    _mapping(work, "name", {"raw": names, **{c: [f[i] for f in forms] for i, c in enumerate(columns)}},
             [("raw", pa.string()), *((c, pa.string()) for c in columns)])
    _forget_placeholders(work, "map_name")
    # the records' numbers come from a sort of their keys alone, not of whole records: at 16 million records the
    # whole records spilled 3 GB to the temporary folder
    work.create("numbered", """SELECT rowid AS named_row,
        row_number() OVER (ORDER BY source, source_table, record_key, party, iin, sur, fst, pat, birth_date)
            AS record_id FROM named WHERE coalesce(iin, sur, fst, birth_date) IS NOT NULL""")
    shared = {kind: f"""CASE WHEN {kind}_key IN (SELECT {kind}_key FROM kept WHERE {kind}_key IS NOT NULL
        GROUP BY {kind}_key HAVING count(DISTINCT first_key) > {SHARED_CONTACT}) THEN NULL ELSE {kind}_key END
        AS {kind}_key""" for kind in ("phone", "email")}  # an agency's phone on fifty passengers' bookings is nobody's
    con.execute(f"""CREATE OR REPLACE TABLE {SCHEMA}.person_records AS
        WITH kept AS (SELECT
        o.record_id,
        n.source, n.source_table, n.party, n.record_key,
        i.number AS iin, coalesce(i.valid AND NOT {IIN_BELIES_BIRTH} AND NOT {IIN_BELIES_SEX}, false) AS iin_valid,
        n.iin IS NOT NULL AND NOT iin_valid AS iin_suspect,  -- the alias just made (DuckDB): worked out once
        s.key AS surname_key, s.surname_stem, {NAMES_NO_ONE} f.key END AS first_key,
        {NAMES_NO_ONE} f.full END AS first_full, p.father AS father_key,
        {NAMES_NO_ONE} CASE WHEN d.month_only AND i.iin_birth IS NOT NULL THEN i.iin_birth
            ELSE coalesce(d.day, i.iin_birth) END END AS birth_date,
        coalesce(d.month_only AND i.iin_birth IS NULL, false) AS birth_month_only,
        coalesce(d.year_only AND i.iin_birth IS NULL, false) AS birth_year_only,
        coalesce(d.approx AND i.iin_birth IS NULL, false) AS birth_approx,
        coalesce(x.code, CASE WHEN iin_valid THEN i.iin_sex END, {NAMED_SEX}) AS sex,  -- not a belied IIN's
        s.sound AS surname_sound, {NAMES_NO_ONE} f.sound END AS first_sound,
        ca.key AS address_key, cp.key AS phone_key, ce.key AS email_key,
        n.sur AS surname_raw, n.fst AS first_raw, n.pat AS patronymic_raw, n.address AS address_raw,
        n.relation AS relation_raw, n.surname_variant
        {"".join(f", n.{x}" for x in extras)}
        FROM named n JOIN numbered o ON o.named_row = n.rowid  -- the records with some evidence
        LEFT JOIN map_iin i ON i.raw = n.iin LEFT JOIN map_name s ON s.raw = n.sur
        LEFT JOIN map_name f ON f.raw = n.fst LEFT JOIN map_name p ON p.raw = n.pat
        LEFT JOIN map_date d ON d.raw = n.birth_date AND d.month_first = n.month_first
        LEFT JOIN map_sex x ON x.raw = n.sex
        LEFT JOIN map_contact ca ON ca.kind = 'address' AND ca.raw = n.address
        LEFT JOIN map_contact cp ON cp.kind = 'phone' AND cp.raw = n.phone
        LEFT JOIN map_contact ce ON ce.kind = 'email' AND ce.raw = n.email)
        SELECT * REPLACE ({shared["phone"]}, {shared["email"]}) FROM kept""")
    work.drop("named", "numbered", *(f"map_{kind}" for kind in (
        "given_first", "month_first", "iin", "full", "name", "date", "sex", "contact")))
    _unmasked(con)
