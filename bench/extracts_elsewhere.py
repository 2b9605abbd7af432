"""Adversarial extracts "from elsewhere": five agency files written in styles nobody on the project tuned to.

The generator starts from the synthetic ground truth (one row per real person) and writes five extracts of five
imagined agencies, each with its own naming, encoding, date format and faults:

* ``notary_register.csv`` - a notary register: cp1251, ``;`` separator, transliterated 1C-style headers
  (``FIO_SOKR``, ``DR``, ``IIN_BIN``), the name as ``SURNAME I.P.``, Russian month names, IIN in ~60 % of rows
  (a quarter of them with spaces).
* ``bank_kyc.xlsx`` - a bank KYC extract: English headers, ``FIRST LAST`` in passport Latin, ``12 Mar 1985`` /
  ``March 12, 1985`` / ``12-MAR-1985``, the IIN under ``Doc No`` (sometimes as a number, losing its leading zero),
  a passport-number distractor, phones as ``8 (701) 123-45-67``, an onboarding date stored as a real Excel date.
* ``clinic_register.csv`` - a clinic register: Kazakh abbreviated headers (``науқас``, ``т.к.``, ``ЖСН``), one
  full-name field in any word order, in Kazakh Cyrillic or with Kazakh letters replaced by Russian look-alikes,
  ``dd/mm/yyyy`` dates (and a visit date in the same format), the older address for people who moved, IIN missing
  for ~40 %.
* ``marriage_register.csv`` - a civil-registry marriage register (UTF-8 with BOM) whose rows describe two persons:
  ``күйеуі_*`` (husband) columns first, then ``әйелі_*`` (wife) columns with surnames before and after marriage,
  Kazakh month names; no ``record_id`` column (the husband of row N is ``N``, the wife ``N#2``).
* ``migration_edu.tsv`` - a migration / education register: code-like headers (``fam``, ``im``, ``otch``,
  ``fld_03``, ``fld_07``...), birth given only as year and month (``1985-03``, ``март 1985``, ``03.1985``), upper
  case names, women often under their maiden surname, IIN typos that keep a valid check digit.

``write_extracts`` also writes ``truth.csv`` (``source,record_id,person_id``) for every record written, and
``standardise`` is what an experienced Splink user would hand-write to feed the same files to Splink.

Standalone: standard library + pyarrow + openpyxl; it does not import ukimet.

Usage::

    python bench/extracts_elsewhere.py --persons /tmp/ms/sy/truth/persons.parquet --out /tmp/ms/elsewhere
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from openpyxl import Workbook, load_workbook

REFERENCE_DATE = date(2026, 1, 1)

NOTARY = "notary_register"
BANK = "bank_kyc"
CLINIC = "clinic_register"
MARRIAGE = "marriage_register"
MIGRATION = "migration_edu"

FILE_NAMES: dict[str, str] = {
    NOTARY: f"{NOTARY}.csv",
    BANK: f"{BANK}.xlsx",
    CLINIC: f"{CLINIC}.csv",
    MARRIAGE: f"{MARRIAGE}.csv",
    MIGRATION: f"{MIGRATION}.tsv",
}

# --------------------------------------------------------------------------------------------------------------------
# Scripts: Kazakh -> Russian look-alikes, passport Latin
# --------------------------------------------------------------------------------------------------------------------

_KZ_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
# cp1251 has no Kazakh letters except і/І (shared with Ukrainian): a 1C database in cp1251 keeps those
_KZ_TO_CP1251 = str.maketrans("әғқңөұүһӘҒҚҢӨҰҮҺ", "агкноуухАГКНОУУХ")

_LATIN: dict[str, str] = {
    "а": "A", "б": "B", "в": "V", "г": "G", "д": "D", "е": "E", "ё": "E", "ж": "ZH", "з": "Z", "и": "I", "й": "I",
    "к": "K", "л": "L", "м": "M", "н": "N", "о": "O", "п": "P", "р": "R", "с": "S", "т": "T", "у": "U", "ф": "F",
    "х": "KH", "ц": "TS", "ч": "CH", "ш": "SH", "щ": "SHCH", "ъ": "", "ы": "Y", "ь": "", "э": "E", "ю": "YU",
    "я": "YA", "ә": "A", "ғ": "G", "қ": "K", "ң": "N", "ө": "O", "ұ": "U", "ү": "U", "һ": "H", "і": "I",
}  # fmt: skip

_CYRILLIC_LETTERS = "абвгдежзийклмнопрстуфхцчшыэюя"
_LATIN_LETTERS = "ABCDEFGHIJKLMNOPRSTUVYZ"


def russify(text: str) -> str:
    """Replace Kazakh letters by their Russian look-alikes (ә->а, қ->к, і->и...)."""
    return text.translate(_KZ_TO_RU)


def cp1251_safe(text: str) -> str:
    """What a cp1251 system keeps of a Kazakh text: look-alikes for the Kazakh letters, і kept."""
    return text.translate(_KZ_TO_CP1251)


def to_latin(text: str) -> str:
    """Passport-style Latin transliteration, upper case."""
    return "".join(_LATIN.get(ch, ch) for ch in text.lower()).upper()


# --------------------------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------------------------

RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"]  # fmt: skip
RU_MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                 "ноябрь", "декабрь"]  # fmt: skip
KZ_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан"]  # fmt: skip
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip


def _month_lookup() -> dict[str, int]:
    table: dict[str, int] = {}
    for names in (RU_MONTHS_GEN, RU_MONTHS_NOM, KZ_MONTHS, EN_MONTHS):
        for number, name in enumerate(names, start=1):
            table[name.lower()] = number
            table[russify(name.lower())] = number
    for number, name in enumerate(EN_MONTHS, start=1):
        table[name[:3].lower()] = number
    return table


MONTHS = _month_lookup()


def fmt_ru_long(d: date, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.70:
        return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} г."
    if roll < 0.85:
        return f"«{d.day:02d}» {RU_MONTHS_GEN[d.month - 1]} {d.year} года"
    return d.strftime("%d.%m.%Y")


def fmt_kz_long(d: date, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.50:
        return f"{d.day} {KZ_MONTHS[d.month - 1]} {d.year} ж."
    if roll < 0.75:
        return f"{d.year} жылғы {d.day} {KZ_MONTHS[d.month - 1]}"
    return d.strftime("%d.%m.%Y")


def fmt_en(d: date, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return f"{d.day:02d} {EN_MONTHS[d.month - 1][:3]} {d.year}"
    if roll < 0.80:
        return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    return f"{d.day:02d}-{EN_MONTHS[d.month - 1][:3].upper()}-{d.year}"


def fmt_year_month(d: date, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.50:
        return f"{d.year}-{d.month:02d}"
    if roll < 0.80:
        return f"{RU_MONTHS_NOM[d.month - 1]} {d.year}"
    return f"{d.month:02d}.{d.year}"


def parse_date_text(text: str | None) -> tuple[date | None, bool]:
    """Parse every date style these extracts use. Returns (date, day_known); year-month gives the 1st, False."""
    if not text:
        return None, False
    s = text.strip().lower().replace("«", "").replace("»", "").replace(",", " ")
    s = re.sub(r"\b(г|года|ж|жылғы|жылы)\b\.?", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", s)
    if m:
        return _safe_date(int(m[3]), int(m[2]), int(m[1])), True
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3])), True
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m:
        return _safe_date(int(m[1]), int(m[2]), 1), False
    m = re.fullmatch(r"(\d{1,2})\.(\d{4})", s)
    if m:
        return _safe_date(int(m[2]), int(m[1]), 1), False
    tokens = re.split(r"[ \-]", s)
    day = year = month = None
    for token in tokens:
        if token in MONTHS:
            month = MONTHS[token]
        elif token.isdigit() and len(token) == 4:
            year = int(token)
        elif token.isdigit() and len(token) <= 2:
            day = int(token)
    if year is None or month is None:
        return None, False
    if day is None:
        return _safe_date(year, month, 1), False
    return _safe_date(year, month, day), True


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _random_date(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return start
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


# --------------------------------------------------------------------------------------------------------------------
# IIN
# --------------------------------------------------------------------------------------------------------------------

_W1 = list(range(1, 12))
_W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def iin_check_digit(first11: str) -> int | None:
    digits = [int(c) for c in first11]
    s = sum(d * w for d, w in zip(digits, _W1, strict=True)) % 11
    if s == 10:
        s = sum(d * w for d, w in zip(digits, _W2, strict=True)) % 11
        if s == 10:
            return None
    return s


def iin_valid(iin: str) -> bool:
    return len(iin) == 12 and iin.isdigit() and iin_check_digit(iin[:11]) == int(iin[11])


def iin_typo_valid(iin: str, rng: random.Random) -> str:
    """Change one serial digit (8th-11th) and recompute the check digit, so the typo passes validation."""
    positions = [7, 8, 9, 10]
    rng.shuffle(positions)
    for pos in positions:
        digits = [d for d in "0123456789" if d != iin[pos]]
        rng.shuffle(digits)
        for digit in digits:
            head = iin[:pos] + digit + iin[pos + 1 : 11]
            check = iin_check_digit(head)
            if check is not None:
                return head + str(check)
    return iin


def iin_typo_raw(iin: str, rng: random.Random) -> str:
    """A keying error: two adjacent digits swapped or one digit changed (check digit usually fails)."""
    pos = rng.randrange(0, 11)
    if rng.random() < 0.5 and iin[pos] != iin[pos + 1]:
        return iin[:pos] + iin[pos + 1] + iin[pos] + iin[pos + 2 :]
    digit = rng.choice([d for d in "0123456789" if d != iin[pos]])
    return iin[:pos] + digit + iin[pos + 1 :]


# --------------------------------------------------------------------------------------------------------------------
# Typos and casing
# --------------------------------------------------------------------------------------------------------------------


def typo(text: str, rng: random.Random) -> str:
    """One-letter typo: substitution, deletion, transposition or doubled letter (never the first letter)."""
    if len(text) < 4:
        return text
    pos = rng.randrange(1, len(text) - 1)
    op = rng.choice(["sub", "sub", "del", "swap", "dup"])
    ch = text[pos]
    if op == "del":
        return text[:pos] + text[pos + 1 :]
    if op == "swap" and text[pos] != text[pos + 1]:
        return text[:pos] + text[pos + 1] + text[pos] + text[pos + 2 :]
    if op == "dup":
        return text[:pos] + ch + text[pos:]
    alphabet = _LATIN_LETTERS if ch.isascii() else _CYRILLIC_LETTERS
    new = rng.choice([c for c in alphabet if c != ch.lower() and c != ch.upper()])
    new = new.upper() if ch.isupper() else new.lower()
    return text[:pos] + new + text[pos + 1 :]


def maybe_typo(text: str, rng: random.Random, rate: float) -> str:
    return typo(text, rng) if text and rng.random() < rate else text


# --------------------------------------------------------------------------------------------------------------------
# Persons and addresses
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    person_id: int
    iin: str
    sex: str
    birth_date: date
    surname: str
    first_name: str
    patronymic: str | None
    maiden_surname: str | None
    region: str
    household_id: int
    spouse_id: int | None
    phone: str | None

    def age(self, at: date = REFERENCE_DATE) -> int:
        b = self.birth_date
        return at.year - b.year - ((at.month, at.day) < (b.month, b.day))


@dataclass(frozen=True)
class Address:
    city_ru: str
    city_kz: str
    street_ru: str
    street_kz: str
    microdistrict: bool
    house: int
    flat: int | None

    def russian(self, short: bool = False) -> str:
        flat = f", кв. {self.flat}" if self.flat else ""
        if short:
            place = f"мкр {self.street_ru}" if self.microdistrict else self.street_ru
            return f"{self.city_ru}, {place} {self.house}" + (f"-{self.flat}" if self.flat else "")
        place = f"мкр. {self.street_ru}" if self.microdistrict else f"ул. {self.street_ru}"
        return f"г. {self.city_ru}, {place}, д. {self.house}{flat}"

    def kazakh(self) -> str:
        place = f"{self.street_kz} ш.а." if self.microdistrict else f"{self.street_kz} к-сі"
        flat = f", {self.flat} п." if self.flat else ""
        return f"{self.city_kz} қ., {place}, {self.house} үй{flat}"


CITIES: dict[str, tuple[str, str]] = {
    "10": ("Семей", "Семей"), "11": ("Кокшетау", "Көкшетау"), "15": ("Актобе", "Ақтөбе"),
    "19": ("Конаев", "Қонаев"), "23": ("Атырау", "Атырау"), "27": ("Уральск", "Орал"), "31": ("Тараз", "Тараз"),
    "33": ("Талдыкорган", "Талдықорған"), "35": ("Караганда", "Қарағанды"), "39": ("Костанай", "Қостанай"),
    "43": ("Кызылорда", "Қызылорда"), "47": ("Актау", "Ақтау"), "55": ("Павлодар", "Павлодар"),
    "59": ("Петропавловск", "Петропавл"), "61": ("Туркестан", "Түркістан"), "62": ("Жезказган", "Жезқазған"),
    "63": ("Усть-Каменогорск", "Өскемен"), "71": ("Астана", "Астана"), "75": ("Алматы", "Алматы"),
    "79": ("Шымкент", "Шымкент"),
}  # fmt: skip

STREETS: list[tuple[str, str]] = [
    ("Абая", "Абай"), ("Сатпаева", "Сәтбаев"), ("Толе би", "Төле би"), ("Жибек жолы", "Жібек жолы"),
    ("Ауэзова", "Әуезов"), ("Гагарина", "Гагарин"), ("Кабанбай батыра", "Қабанбай батыр"), ("Достык", "Достық"),
    ("Республики", "Республика"), ("Сейфуллина", "Сейфуллин"), ("Жамбыла", "Жамбыл"), ("Пушкина", "Пушкин"),
    ("Байтурсынова", "Байтұрсынұлы"), ("Валиханова", "Уәлиханов"), ("Майлина", "Майлин"),
    ("Букейханова", "Бөкейхан"), ("Курмангазы", "Құрманғазы"), ("Желтоксан", "Желтоқсан"),
    ("Тауелсиздик", "Тәуелсіздік"), ("Казыбек би", "Қазыбек би"), ("Победы", "Жеңіс"), ("Чокина", "Шоқин"),
    ("Муканова", "Мұқанов"), ("Кенесары", "Кенесары"), ("Туран", "Тұран"), ("Момышулы", "Момышұлы"),
]  # fmt: skip

MICRODISTRICTS: list[tuple[str, str]] = [
    ("Самал-2", "Самал-2"), ("Аксай-4", "Ақсай-4"), ("Жетысу-3", "Жетісу-3"), ("Нурсат", "Нұрсат"),
    ("Восток-5", "Шығыс-5"), ("Юго-Восток", "Оңтүстік-Шығыс"), ("Кулагер", "Күлагер"), ("Мамыр-1", "Мамыр-1"),
]  # fmt: skip


def _make_address(rng: random.Random, region: str) -> Address:
    city_ru, city_kz = CITIES.get(region, CITIES["75"])
    if rng.random() < 0.3:
        street_ru, street_kz = rng.choice(MICRODISTRICTS)
        micro = True
    else:
        street_ru, street_kz = rng.choice(STREETS)
        micro = False
    flat = rng.randint(1, 180) if micro or rng.random() < 0.6 else None
    return Address(city_ru, city_kz, street_ru, street_kz, micro, rng.randint(1, 240), flat)


@dataclass(frozen=True)
class Home:
    current: Address
    previous: Address | None  # the older address of a household that moved


def household_homes(persons: Iterable[Person], seed: int) -> dict[int, Home]:
    """A deterministic address per household; ~35 % of households moved and also get an older address."""
    region_of: dict[int, str] = {}
    for p in sorted(persons, key=lambda q: q.person_id):
        region_of.setdefault(p.household_id, p.region)
    homes: dict[int, Home] = {}
    for hid, region in region_of.items():
        rng = random.Random(f"{seed}:home:{hid}")
        current = _make_address(rng, region)
        previous = None
        if rng.random() < 0.35:
            old_region = rng.choice(sorted(CITIES)) if rng.random() < 0.4 else region
            previous = _make_address(rng, old_region)
            while previous == current:
                previous = _make_address(rng, old_region)
        homes[hid] = Home(current, previous)
    return homes


def load_persons(path: Path) -> list[Person]:
    rows = pq.read_table(path).to_pylist()

    def opt_int(v: Any) -> int | None:
        return None if v is None else int(v)

    return [
        Person(
            person_id=int(r["person_id"]),
            iin=str(r["iin"]),
            sex=str(r["sex"]),
            birth_date=r["birth_date"],
            surname=str(r["surname"]),
            first_name=str(r["first_name"]),
            patronymic=r.get("patronymic") or None,
            maiden_surname=r.get("maiden_surname") or None,
            region=str(r["region"]),
            household_id=int(r["household_id"]),
            spouse_id=opt_int(r.get("spouse_id")),
            phone=r.get("phone") or None,
        )
        for r in rows
    ]


# --------------------------------------------------------------------------------------------------------------------
# Who appears where
# --------------------------------------------------------------------------------------------------------------------

_AGENCY_WEIGHTS: dict[str, float] = {NOTARY: 0.6, BANK: 1.0, CLINIC: 1.2, MIGRATION: 0.8}


def _eligible(p: Person) -> list[str]:
    age = p.age()
    out = [CLINIC]
    if age >= 18:
        out += [NOTARY, BANK]
    if age >= 14:
        out.append(MIGRATION)
    return out


def assign(persons: list[Person], seed: int) -> tuple[dict[str, list[Person]], list[tuple[Person, Person]]]:
    """Each person goes to 1-4 extracts; ~65 % of the couples are in the marriage register."""
    by_id = {p.person_id: p for p in persons}
    couples: list[tuple[Person, Person]] = []
    rng = random.Random(f"{seed}:couples")
    for p in persons:
        if p.sex != "M" or p.spouse_id is None or p.spouse_id not in by_id:
            continue
        wife = by_id[p.spouse_id]
        if wife.sex == "F" and rng.random() < 0.65:
            couples.append((p, wife))
    married = {p.person_id for couple in couples for p in couple}

    members: dict[str, list[Person]] = {NOTARY: [], BANK: [], CLINIC: [], MIGRATION: []}
    for p in persons:
        prng = random.Random(f"{seed}:pick:{p.person_id}")
        k = prng.choices([1, 2, 3, 4], weights=[0.30, 0.35, 0.25, 0.10])[0]
        if p.person_id in married:
            k -= 1
        pool = _eligible(p)
        chosen: list[str] = []
        while len(chosen) < k and pool:
            pick = prng.choices(pool, weights=[_AGENCY_WEIGHTS[a] for a in pool])[0]
            chosen.append(pick)
            pool.remove(pick)
        if not chosen and p.person_id not in married:
            chosen = [CLINIC]
        for agency in chosen:
            members[agency].append(p)
    return members, couples


# --------------------------------------------------------------------------------------------------------------------
# The five agencies
# --------------------------------------------------------------------------------------------------------------------

Row = dict[str, Any]


@dataclass
class Extract:
    name: str
    columns: list[str]
    rows: list[tuple[Row, list[int]]]  # row, person ids it describes (in order)


def _with_duplicates(
    rows: list[tuple[Row, list[int]]], rng: random.Random, rate: float, damage: Callable[[Row], Row]
) -> list[tuple[Row, list[int]]]:
    out: list[tuple[Row, list[int]]] = []
    for row, pids in rows:
        out.append((row, pids))
        if rng.random() < rate:
            out.append((damage(dict(row)), pids))
    return out


def _phone_digits(phone: str | None) -> str | None:
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    return digits[-10:] if len(digits) >= 10 else None


def _address_for(p: Person, homes: dict[int, Home], rng: random.Random, old_rate: float) -> Address:
    home = homes[p.household_id]
    if home.previous is not None and rng.random() < old_rate:
        return home.previous
    return home.current


def build_notary(members: list[Person], homes: dict[int, Home], seed: int) -> Extract:
    rng = random.Random(f"{seed}:{NOTARY}")
    acts = ["Доверенность", "Согласие супруга", "Договор купли-продажи", "Завещание", "Договор дарения",
            "Свидетельство о праве на наследство", "Засвидетельствование подлинности подписи"]  # fmt: skip
    rows: list[tuple[Row, list[int]]] = []
    for p in members:
        surname = cp1251_safe(maybe_typo(p.surname, rng, 0.04))
        surname = surname.upper() if rng.random() < 0.65 else surname
        initials = [cp1251_safe(p.first_name[0]).upper()]
        if p.patronymic:
            initials.append(cp1251_safe(p.patronymic[0]).upper())
        style = rng.random()
        if style < 0.75:
            fio = f"{surname} {'.'.join(initials)}."
        elif style < 0.93:
            fio = f"{surname} {'. '.join(initials)}."
        else:
            fio = f"{surname} {'.'.join(initials)}"
        iin = ""
        if rng.random() < 0.60:
            iin = p.iin if rng.random() < 0.75 else f"{p.iin[:6]} {p.iin[6:9]} {p.iin[9:]}"
        adult = _add_years(p.birth_date, 18)
        deed = _random_date(rng, max(adult, date(2008, 1, 1)), date(2025, 12, 20))
        address = "" if rng.random() < 0.05 else _address_for(p, homes, rng, 0.20).russian()
        tel = ""
        if p.phone and rng.random() < 0.40:
            d = p.phone[2:]
            tel = f"+7 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}"
        row: Row = {
            "REESTR_NO": f"{rng.randint(1, 9)}-{rng.randint(100, 9999)}",
            "DATA_SOV": deed.strftime("%d.%m.%Y"),
            "VID_DEISTV": rng.choice(acts),
            "FIO_SOKR": fio,
            "DR": fmt_ru_long(p.birth_date, rng),
            "IIN_BIN": iin,
            "ADR_REG": cp1251_safe(address),
            "TEL": tel,
        }
        rows.append((row, [p.person_id]))

    def damage(row: Row) -> Row:
        name, _, rest = row["FIO_SOKR"].partition(" ")
        row["FIO_SOKR"] = f"{typo(name, rng)} {rest}"
        row["REESTR_NO"] = f"{rng.randint(1, 9)}-{rng.randint(100, 9999)}"
        return row

    columns = ["record_id", "REESTR_NO", "DATA_SOV", "VID_DEISTV", "FIO_SOKR", "DR", "IIN_BIN", "ADR_REG", "TEL"]
    return Extract(NOTARY, columns, _with_duplicates(rows, rng, 0.025, damage))


def build_bank(members: list[Person], homes: dict[int, Home], seed: int) -> Extract:
    rng = random.Random(f"{seed}:{BANK}")
    rows: list[tuple[Row, list[int]]] = []
    for p in members:
        first, last = to_latin(p.first_name), to_latin(p.surname)
        if rng.random() < 0.04:
            if rng.random() < 0.5:
                first = typo(first, rng)
            else:
                last = typo(last, rng)
        doc: str | int | None = None
        if rng.random() < 0.88:
            doc = int(p.iin) if rng.random() < 0.30 else p.iin  # as a number it loses a leading zero
        mobile = None
        if p.phone and rng.random() < 0.85:
            d = p.phone[2:]
            mobile = f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}"
        adult = _add_years(p.birth_date, 18)
        onboarded = _random_date(rng, max(adult, date(2012, 1, 1)), date(2025, 12, 20))
        row: Row = {
            "Client": f"{first} {last}",
            "DOB": fmt_en(p.birth_date, rng),
            "Gender": p.sex if rng.random() < 0.8 else None,
            "Doc No": doc,
            "Passport No": f"N{rng.randint(0, 99_999_999):08d}" if rng.random() < 0.25 else None,
            "Mobile": mobile,
            "Residence": None if rng.random() < 0.07 else _address_for(p, homes, rng, 0.05).russian(short=True),
            "Onboarded": datetime(onboarded.year, onboarded.month, onboarded.day),
            "Segment": rng.choice(["Retail", "Retail", "Retail", "Premium", "SME owner"]),
        }
        rows.append((row, [p.person_id]))

    def damage(row: Row) -> Row:
        first, _, last = row["Client"].partition(" ")
        row["Client"] = f"{first} {typo(last, rng)}"
        row["Mobile"] = None
        return row

    columns = ["record_id", "Client", "DOB", "Gender", "Doc No", "Passport No", "Mobile", "Residence", "Onboarded",
               "Segment"]  # fmt: skip
    return Extract(BANK, columns, _with_duplicates(rows, rng, 0.02, damage))


def build_clinic(members: list[Person], homes: dict[int, Home], seed: int) -> Extract:
    rng = random.Random(f"{seed}:{CLINIC}")
    icd = ["J06.9", "I10", "E11.9", "K29.7", "M54.5", "Z00.0", "J20.9", "N39.0", "O80", "Z23.8", "A09", "H10.9"]
    rows: list[tuple[Row, list[int]]] = []
    for p in members:
        surname = p.maiden_surname if p.maiden_surname and rng.random() < 0.10 else p.surname
        parts = {"S": surname, "F": p.first_name, "P": p.patronymic or ""}
        hit = rng.choice("SFP") if rng.random() < 0.06 else ""
        if hit and parts[hit]:
            parts[hit] = typo(parts[hit], rng)
        order = rng.choices(["SFP", "FPS", "FS", "SF"], weights=[0.45, 0.15, 0.15, 0.25])[0]
        if not p.patronymic:
            order = order.replace("P", "")
        name = " ".join(parts[k] for k in order)
        if rng.random() < 0.5:
            name = russify(name)
        case = rng.random()
        if case < 0.30:
            name = name.upper()
        elif case < 0.35:
            name = name.lower()
        iin = ""
        if rng.random() < 0.60:
            iin = p.iin if rng.random() < 0.96 else iin_typo_raw(p.iin, rng)
        address = ""
        if rng.random() > 0.08:
            a = _address_for(p, homes, rng, 0.75)
            address = a.kazakh() if rng.random() < 0.5 else a.russian()
        phone = ""
        if p.phone and rng.random() < 0.6:
            phone = "8" + p.phone[2:] if rng.random() < 0.6 else f"+7({p.phone[2:5]}){p.phone[5:]}"
        visit = _random_date(rng, max(p.birth_date, date(2019, 1, 1)), date(2025, 12, 28))
        row: Row = {
            "науқас": name,
            "жынысы": ("ер" if p.sex == "M" else "әйел") if rng.random() < 0.8 else "",
            "т.к.": p.birth_date.strftime("%d/%m/%Y"),
            "ЖСН": iin,
            "мекенжайы": address,
            "байланыс": phone,
            "қаралған_күні": visit.strftime("%d/%m/%Y"),
            "МКБ10": rng.choice(icd),
        }
        rows.append((row, [p.person_id]))

    def damage(row: Row) -> Row:
        words = row["науқас"].split(" ")
        i = rng.randrange(len(words))
        words[i] = typo(words[i], rng)
        row["науқас"] = " ".join(words)
        row["ЖСН"] = ""
        return row

    columns = ["record_id", "науқас", "жынысы", "т.к.", "ЖСН", "мекенжайы", "байланыс", "қаралған_күні", "МКБ10"]
    return Extract(CLINIC, columns, _with_duplicates(rows, rng, 0.03, damage))


def build_marriage(couples: list[tuple[Person, Person]], seed: int) -> Extract:
    rng = random.Random(f"{seed}:{MARRIAGE}")
    rows: list[tuple[Row, list[int]]] = []
    for husband, wife in couples:
        earliest = max(_add_years(husband.birth_date, 18), _add_years(wife.birth_date, 18))
        wed = _random_date(rng, earliest, min(_add_years(earliest, 15), date(2025, 12, 27)))
        iin_rate = 0.30 if wed.year < 1999 else 0.92
        h_surname, h_first = husband.surname, husband.first_name
        if rng.random() < 0.04:
            if rng.random() < 0.5:
                h_surname = typo(h_surname, rng)
            else:
                h_first = typo(h_first, rng)
        h_name = " ".join(x for x in (h_surname, h_first, husband.patronymic) if x)
        if rng.random() < 0.3:
            h_name = h_name.upper()
        before = wife.maiden_surname or wife.surname
        after = wife.surname
        if before == after and rng.random() < 0.5:
            after = ""  # unchanged surname: the clerk leaves the "after" field empty
        office_city = CITIES.get(husband.region, CITIES["75"])[1]
        row: Row = {
            "акт_нөмірі": f"{wed.year}/{rng.randint(1, 4999):04d}",
            "тіркеу_күні": fmt_kz_long(wed, rng),
            "тіркеу_органы": f"{office_city} қ. АХАЖ бөлімі",
            "күйеуі_ЖСН": husband.iin if rng.random() < iin_rate else "",
            "күйеуі_ТАӘ": h_name,
            "күйеуі_туған_күні": fmt_kz_long(husband.birth_date, rng),
            "әйелі_ЖСН": wife.iin if rng.random() < iin_rate else "",
            "әйелі_тегі_некеге_дейін": maybe_typo(before, rng, 0.03),
            "әйелі_тегі_некеден_кейін": after,
            "әйелі_аты": maybe_typo(wife.first_name, rng, 0.03),
            "әйелі_әкесінің_аты": wife.patronymic or "",
            "әйелі_туған_күні": fmt_kz_long(wife.birth_date, rng),
        }
        rows.append((row, [husband.person_id, wife.person_id]))
    return Extract(MARRIAGE, list(rows[0][0]) if rows else [], rows)


def build_migration(members: list[Person], homes: dict[int, Home], seed: int) -> Extract:
    rng = random.Random(f"{seed}:{MIGRATION}")
    events = ["ПРИБЫТИЕ", "УБЫТИЕ", "ВЫПУСК", "ЗАЧИСЛЕНИЕ"]
    rows: list[tuple[Row, list[int]]] = []
    for p in members:
        surname = p.maiden_surname if p.maiden_surname and rng.random() < 0.60 else p.surname
        fam, im, otch = surname, p.first_name, p.patronymic or ""
        if rng.random() < 0.05:
            if rng.random() < 0.6:
                fam = typo(fam, rng)
            else:
                im = typo(im, rng)
        if rng.random() < 0.5:
            fam, im, otch = russify(fam), russify(im), russify(otch)
        iin = ""
        if rng.random() < 0.85:
            iin = iin_typo_valid(p.iin, rng) if rng.random() < 0.06 else p.iin
        home = homes[p.household_id]
        start = max(_add_years(p.birth_date, 14), date(2005, 1, 1))
        event = _random_date(rng, start, date(2025, 12, 28))
        row: Row = {
            "fam": fam.upper(),
            "im": im.upper(),
            "otch": otch.upper() if rng.random() < 0.85 else "",
            "pol": ("1" if p.sex == "M" else "2") if rng.random() < 0.9 else "",
            "fld_03": iin,
            "fld_07": fmt_year_month(p.birth_date, rng),
            "kod_obl": p.region,
            "fld_11": home.previous.russian(short=True) if home.previous and rng.random() < 0.8 else "",
            "fld_12": home.current.russian(short=True) if rng.random() < 0.9 else "",
            "dt_vv": event.strftime("%Y%m%d"),
            "tip": rng.choice(events),
        }
        rows.append((row, [p.person_id]))

    def damage(row: Row) -> Row:
        row["im"] = typo(row["im"], rng)
        row["fld_11"] = ""
        return row

    columns = ["record_id", "fam", "im", "otch", "pol", "fld_03", "fld_07", "kod_obl", "fld_11", "fld_12", "dt_vv",
               "tip"]  # fmt: skip
    return Extract(MIGRATION, columns, _with_duplicates(rows, rng, 0.025, damage))


# --------------------------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------------------------

_ID_PREFIX = {NOTARY: "NT", BANK: "KYC-", CLINIC: "P", MIGRATION: "M"}


def _number(extract: Extract, seed: int) -> list[tuple[str, Row, list[int]]]:
    """Shuffle the rows and give them record ids; returns (first person's record id, row, person ids)."""
    rows = list(extract.rows)
    random.Random(f"{seed}:shuffle:{extract.name}").shuffle(rows)
    out: list[tuple[str, Row, list[int]]] = []
    for n, (row, pids) in enumerate(rows, start=1):
        if extract.name == MARRIAGE:
            out.append((str(n), row, pids))
        else:
            rid = f"{_ID_PREFIX[extract.name]}{n:06d}"
            out.append((rid, {"record_id": rid, **row}, pids))
    return out


def _write_csv(path: Path, columns: list[str], rows: list[Row], encoding: str, delimiter: str) -> None:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n" if encoding == "cp1251" else "\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row[c] for c in columns])


def _write_xlsx(path: Path, columns: list[str], rows: list[Row]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("KYC export")
    ws.append(columns)
    for row in rows:
        ws.append([row.get(c) for c in columns])
    buffer = io.BytesIO()
    wb.save(buffer)
    # byte-for-byte reproducible: fixed document timestamps and zip entry times
    stamp = "2025-12-31T00:00:00Z"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                text = re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", stamp, data.decode("utf-8"))
                data = text.encode("utf-8")
            dst.writestr(zipfile.ZipInfo(item.filename, date_time=(2025, 12, 31, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)  # fmt: skip


def write_extracts(persons: Path, out: Path, sample: int | None = None, seed: int = 11) -> dict[str, Any]:
    """Write the five agency extracts and ``truth.csv`` into ``out``; returns a summary."""
    everyone = sorted(load_persons(persons), key=lambda p: p.person_id)
    if sample is not None and sample < len(everyone):
        picked = set(random.Random(f"{seed}:sample").sample([p.person_id for p in everyone], sample))
        everyone = [p for p in everyone if p.person_id in picked]
    homes = household_homes(everyone, seed)
    members, couples = assign(everyone, seed)
    extracts = [
        build_notary(members[NOTARY], homes, seed),
        build_bank(members[BANK], homes, seed),
        build_clinic(members[CLINIC], homes, seed),
        build_marriage(couples, seed),
        build_migration(members[MIGRATION], homes, seed),
    ]
    out.mkdir(parents=True, exist_ok=True)
    truth: list[tuple[str, str, int]] = []
    files: dict[str, dict[str, int]] = {}
    for extract in extracts:
        numbered = _number(extract, seed)
        rows = [row for _, row, _ in numbered]
        path = out / FILE_NAMES[extract.name]
        if extract.name == NOTARY:
            _write_csv(path, extract.columns, rows, "cp1251", ";")
        elif extract.name == BANK:
            _write_xlsx(path, extract.columns, rows)
        elif extract.name == CLINIC:
            _write_csv(path, extract.columns, rows, "utf-8", ",")
        elif extract.name == MARRIAGE:
            _write_csv(path, extract.columns, rows, "utf-8-sig", ",")
        else:
            _write_csv(path, extract.columns, rows, "utf-8", "\t")
        n_records = 0
        for rid, _, pids in numbered:
            for i, pid in enumerate(pids):
                truth.append((extract.name, rid if i == 0 else f"{rid}#{i + 1}", pid))
                n_records += 1
        files[path.name] = {"rows": len(numbered), "records": n_records}
    with (out / "truth.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "record_id", "person_id"])
        writer.writerows(truth)
    return {
        "out": str(out),
        "seed": seed,
        "persons": len(everyone),
        "persons_in_extracts": len({pid for _, _, pid in truth}),
        "records": len(truth),
        "files": files,
    }


# --------------------------------------------------------------------------------------------------------------------
# Splink-style hand standardisation
# --------------------------------------------------------------------------------------------------------------------

_PATRONYMIC = re.compile(r"(ИЧ|ВНА|ИЧНА|ҰЛЫ|УЛЫ|ҚЫЗЫ|КЫЗЫ)$", re.IGNORECASE)
_SURNAME_STRONG = re.compile(r"(ОВ|ОВА|ЕВ|ЕВА|СКИЙ|СКАЯ|ЕНКО|ҰЛЫ|УЛЫ)$", re.IGNORECASE)
_SURNAME_WEAK = re.compile(r"(ИН|ИНА|ЫН|ЫНА|ЮК|УК)$", re.IGNORECASE)  # Амина, Карина are first names too
_ADDRESS_NOISE = {"G", "UL", "D", "KV", "MKR", "K", "K-SI", "UI", "P", "SH", "A", "SHA"}


def _clean_name(text: str | None) -> str | None:
    if not text or not str(text).strip():
        return None
    return to_latin(re.sub(r"[^\w\- ]", "", str(text)).strip())


def _surname_score(word: str) -> int:
    return 2 if _SURNAME_STRONG.search(word) else 1 if _SURNAME_WEAK.search(word) else 0


def _split_full_name(full: str) -> tuple[str | None, str | None, str | None]:
    """(surname, first name, patronymic) from a full name in unknown word order, by suffix heuristics."""
    words = full.split()
    if len(words) >= 3:
        if _PATRONYMIC.search(words[1]) and not _PATRONYMIC.search(words[2]):
            return words[2], words[0], words[1]  # First Patronymic Surname
        return words[0], words[1], " ".join(words[2:])
    if len(words) == 2:
        if _surname_score(words[1]) > _surname_score(words[0]):
            return words[1], words[0], None
        return words[0], words[1], None
    return (words[0], None, None) if words else (None, None, None)


def _clean_iin(value: Any) -> str | None:
    if value is None:
        return None
    digits = re.sub(r"\D", "", str(value).removesuffix(".0"))
    if len(digits) == 11:
        digits = "0" + digits  # Excel ate the leading zero
    return digits if len(digits) == 12 else None


def _sex_from(iin: str | None, surname: str | None, given: str | None = None) -> str | None:
    if given in ("M", "F"):
        return given
    if iin and iin[6] in "123456":
        return "M" if iin[6] in "135" else "F"
    if surname:
        s = surname.upper()
        if re.search(r"(OVA|EVA|INA|YNA|SKAYA|KYZY)$", s):
            return "F"
        if re.search(r"(OV|EV|IN|YN|SKII|ULY)$", s):
            return "M"
    return None


def _clean_address(text: Any) -> str | None:
    if not text or not str(text).strip():
        return None
    words = re.split(r"[\s,.;]+", to_latin(str(text)))
    kept = [w for w in words if w and w not in _ADDRESS_NOISE]
    return " ".join(kept) or None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _record(source: str, record_id: str, **fields: Any) -> dict[str, Any]:
    surname = _clean_name(fields.get("surname"))
    iin = _clean_iin(fields.get("iin"))
    return {
        "uid": f"{source}/{record_id}",
        "surname": surname,
        "first_name": _clean_name(fields.get("first_name")),
        "patronymic": _clean_name(fields.get("patronymic")),
        "birth_date": _iso(fields.get("birth_date")),
        "iin": iin,
        "sex": _sex_from(iin, surname, fields.get("sex")),
        "phone": _phone_digits(fields.get("phone")),
        "address": _clean_address(fields.get("address")),
    }


def _read_csv(path: Path, encoding: str, delimiter: str) -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def standardise(out: Path) -> list[dict[str, Any]]:
    """Per-file hand mapping an experienced Splink user would write for these five files.

    Conventions: names upper case in passport Latin (Kazakh letters and their Russian look-alikes collapse to the
    same Latin); the notary register only has initials, so its ``first_name``/``patronymic`` are one-letter
    initials; a year-and-month birth (migration register) becomes ``YYYY-MM-01`` so that Splink's date comparisons
    still give "same month" credit; in the marriage register the wife's surname is the one after marriage (or
    before it when the after field is empty); ``phone`` is the last 10 digits; ``address`` is Latin, upper case,
    without the street/house/flat markers.
    """
    records: list[dict[str, Any]] = []

    for r in _read_csv(out / FILE_NAMES[NOTARY], "cp1251", ";"):
        short_surname, _, initials = r["FIO_SOKR"].strip().partition(" ")
        letters = re.findall(r"\w", initials)
        records.append(_record(
            NOTARY, r["record_id"], surname=short_surname, first_name=letters[0] if letters else None,
            patronymic=letters[1] if len(letters) > 1 else None, birth_date=parse_date_text(r["DR"])[0],
            iin=r["IIN_BIN"], phone=r["TEL"], address=r["ADR_REG"],
        ))  # fmt: skip

    wb = load_workbook(out / FILE_NAMES[BANK], read_only=True)
    ws = wb.worksheets[0]
    sheet = ws.iter_rows(values_only=True)
    header = [str(c) for c in next(sheet)]
    for values in sheet:
        b = dict(zip(header, values, strict=False))
        client_first, _, client_last = str(b["Client"] or "").strip().partition(" ")
        records.append(_record(
            BANK, str(b["record_id"]), surname=client_last, first_name=client_first,
            birth_date=parse_date_text(str(b["DOB"] or ""))[0], iin=b["Doc No"], sex=b["Gender"],
            phone=b["Mobile"], address=b["Residence"],
        ))  # fmt: skip
    wb.close()

    for r in _read_csv(out / FILE_NAMES[CLINIC], "utf-8", ","):
        surname, first, patronymic = _split_full_name(r["науқас"])
        sex = {"ер": "M", "әйел": "F"}.get(r["жынысы"])
        records.append(_record(
            CLINIC, r["record_id"], surname=surname, first_name=first, patronymic=patronymic,
            birth_date=parse_date_text(r["т.к."])[0], iin=r["ЖСН"], sex=sex, phone=r["байланыс"],
            address=r["мекенжайы"],
        ))  # fmt: skip

    for n, r in enumerate(_read_csv(out / FILE_NAMES[MARRIAGE], "utf-8-sig", ","), start=1):
        surname, first, patronymic = _split_full_name(r["күйеуі_ТАӘ"])
        records.append(_record(
            MARRIAGE, str(n), surname=surname, first_name=first, patronymic=patronymic,
            birth_date=parse_date_text(r["күйеуі_туған_күні"])[0], iin=r["күйеуі_ЖСН"], sex="M",
        ))  # fmt: skip
        records.append(_record(
            MARRIAGE, f"{n}#2", surname=r["әйелі_тегі_некеден_кейін"] or r["әйелі_тегі_некеге_дейін"],
            first_name=r["әйелі_аты"], patronymic=r["әйелі_әкесінің_аты"],
            birth_date=parse_date_text(r["әйелі_туған_күні"])[0], iin=r["әйелі_ЖСН"], sex="F",
        ))  # fmt: skip

    for r in _read_csv(out / FILE_NAMES[MIGRATION], "utf-8", "\t"):
        records.append(_record(
            MIGRATION, r["record_id"], surname=r["fam"], first_name=r["im"], patronymic=r["otch"],
            birth_date=parse_date_text(r["fld_07"])[0], iin=r["fld_03"],
            sex={"1": "M", "2": "F"}.get(r["pol"]), address=r["fld_12"] or r["fld_11"],
        ))  # fmt: skip
    return records


# --------------------------------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--persons", type=Path, required=True, help="truth persons.parquet")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--sample", type=int, default=None, help="random sample of persons")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    summary = write_extracts(args.persons, args.out, sample=args.sample, seed=args.seed)
    print(json.dumps(summary, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
