#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# An eighth linkage writer's generator, written apart from the project (from the linkage issue's text and
# `ukimet link --help` alone) in stop 40, and kept as its writer wrote it: not linted here, so that nobody edits
# its styles into ours. Its extracts were held at their first run (seeds 81, 83; stop 40's closing note).
"""Invent persons and write four agency extracts plus truth.csv.

python make.py --seed N --out DIR --persons 6000

Standard library + openpyxl only.  Agencies (styles chosen to differ from
earlier held-out sets):
  enforcement_proceedings.csv  court enforcement registry (ЧСИ): UTF-8 ',' CSV,
      English snake_case headers, debtor split name in CAPS, dd/mm/yyyy dates,
      co-debtor in one field with Kazakh text birth date ("1985 ж. 12 наурыз").
  military_roster.xlsx  military commissariat roster: Kazakh full-word headers
      under a merged title row, Excel serial numbers as birth dates (plain
      integers), IIN stored as a number (leading zero lost), Kazakh-style
      patronymics (…ұлы / …қызы).
  utility_subscribers.txt  utility company: UTF-16 tab-separated "Unicode
      text" export, numbered code headers F01_LS…, one-field name often as
      "SURNAME I.O.", no Kazakh letters (Russian look-alikes), yyyymmdd ints.
  hospital_discharge.csv  hospital discharge file: HL7-style caret names in
      Latin (several transliterations), US mm/dd/yyyy birth dates, ISO
      admission datetimes, emergency contact (second person, "First Last").
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
from dataclasses import dataclass, field
from typing import Callable

import openpyxl

# ----------------------------------------------------------------------------
# name data (rough frequency order; Zipf weights applied)
KZ_M = ["Нұрлан", "Серік", "Ерлан", "Асхат", "Бауыржан", "Қайрат", "Мұрат", "Ержан", "Дәурен",
        "Марат", "Арман", "Асқар", "Бақыт", "Болат", "Қанат", "Талғат", "Руслан", "Тимур",
        "Дархан", "Ерболат", "Жандос", "Айдос", "Бекзат", "Ғалым", "Олжас", "Нұрсұлтан",
        "Сәкен", "Жасұлан", "Әділ", "Әлихан", "Алихан", "Ислам", "Данияр", "Ерасыл",
        "Нұрислам", "Айсұлтан", "Мейірхан", "Ақжол", "Абай", "Ұлан", "Самат", "Ринат"]
KZ_F = ["Гүлнар", "Айгүл", "Динара", "Жанар", "Салтанат", "Әсем", "Айгерім", "Гүлмира",
        "Жұлдыз", "Мадина", "Алия", "Сәуле", "Ләззат", "Назерке", "Нұргүл", "Айжан",
        "Аружан", "Ақмарал", "Бақытгүл", "Меруерт", "Гаухар", "Раушан", "Шолпан", "Күләш",
        "Камила", "Дана", "Томирис", "Айару", "Інжу", "Әйгерім", "Ботагөз", "Сымбат"]
RU_M = ["Александр", "Сергей", "Андрей", "Алексей", "Дмитрий", "Владимир", "Евгений",
        "Николай", "Игорь", "Максим", "Иван", "Михаил", "Юрий", "Олег", "Виктор", "Артём",
        "Павел", "Денис", "Роман", "Константин", "Вадим", "Геннадий"]
RU_F = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Юлия",
        "Екатерина", "Мария", "Галина", "Людмила", "Марина", "Оксана", "Виктория",
        "Анастасия", "Валентина", "Надежда", "Дарья", "Ксения"]
KZ_SUR = ["Ахметов", "Омаров", "Жұмабаев", "Сүлейменов", "Оспанов", "Қасымов", "Абдрахманов",
          "Исаев", "Кенжебаев", "Серікбаев", "Нұрланов", "Байжанов", "Ермеков", "Тоқтаров",
          "Сәрсенбаев", "Мұхаметжанов", "Ибраев", "Смағұлов", "Есенов", "Рахимов",
          "Жаксылыков", "Иманғалиев", "Төлеуов", "Әлиев", "Бекмұхамбетов", "Қожахметов",
          "Балтабаев", "Құдайбергенов", "Мамыров", "Нұрпейісов", "Қуанышев", "Бектұров",
          "Жанұзақов", "Ахмедиев", "Әбдірахманов", "Сейткали", "Тұрсынов", "Шәріпов",
          "Дүйсенов", "Бейсенов", "Аманжолов", "Өтегенов", "Ғабдуллин", "Мұсин", "Қалиев"]
RU_SUR = ["Иванов", "Ким", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Шевченко",
          "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев",
          "Цой", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
          "Мельник", "Бондаренко", "Ли"]
CITIES = [("Алматы", "Almaty", 30), ("Астана", "Astana", 22), ("Шымкент", "Shymkent", 14),
          ("Қарағанды", "Karaganda", 9), ("Ақтөбе", "Aktobe", 7), ("Павлодар", "Pavlodar", 6),
          ("Өскемен", "Oskemen", 6), ("Қостанай", "Kostanay", 5), ("Тараз", "Taraz", 5),
          ("Атырау", "Atyrau", 4)]
STREETS = [("Абай", "Абая", "Abay"), ("Төле би", "Толе би", "Tole bi"),
           ("Сәтбаев", "Сатпаева", "Satpayev"), ("Жандосов", "Жандосова", "Zhandosov"),
           ("Гагарин", "Гагарина", "Gagarin"), ("Байтұрсынұлы", "Байтурсынова", "Baitursynuly"),
           ("Қабанбай батыр", "Кабанбай батыра", "Kabanbay batyr"),
           ("Республика", "Республики", "Respublika"), ("Момышұлы", "Момышулы", "Momyshuly"),
           ("Достық", "Достык", "Dostyk"), ("Желтоқсан", "Желтоксан", "Zheltoksan"),
           ("Тәуелсіздік", "Тауелсиздик", "Tauelsizdik"), ("Пушкин", "Пушкина", "Pushkin"),
           ("Майлин", "Майлина", "Mailin"), ("Сейфуллин", "Сейфуллина", "Seifullin"),
           ("Жамбыл", "Жамбыла", "Zhambyl"), ("Әуезов", "Ауэзова", "Auezov"),
           ("Мир", "Мира", "Mira")]
KZ_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
             "қыркүйек", "қазан", "қараша", "желтоқсан"]


def zipf(n: int, s: float = 0.9) -> list[float]:
    return [1.0 / (i + 1) ** s for i in range(n)]


# ----------------------------------------------------------------------------
# IIN

def iin_check(d11: str) -> int | None:
    d = [int(c) for c in d11]
    s = sum(d[i] * (i + 1) for i in range(11)) % 11
    if s == 10:
        w = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        s = sum(d[i] * w[i] for i in range(11)) % 11
        if s == 10:
            return None
    return s


def iin_valid(iin: str) -> bool:
    if len(iin) != 12 or not iin.isdigit():
        return False
    c = iin_check(iin[:11])
    return c is not None and c == int(iin[11])


def make_iin(rng: random.Random, born: dt.date, male: bool, used: set[str]) -> str:
    century = {18: 1, 19: 3, 20: 5}[born.year // 100]
    sexd = century if male else century + 1
    while True:
        body = f"{born:%y%m%d}{sexd}{rng.randint(0, 9999):04d}"
        c = iin_check(body)
        if c is None:
            continue
        iin = body + str(c)
        if iin not in used:
            used.add(iin)
            return iin


def iin_typo(rng: random.Random, iin: str, used: set[str]) -> str:
    """A keying error in digits 7..11 (or a swap) that still passes the check digit."""
    for _ in range(500):
        d = list(iin)
        if rng.random() < 0.4:
            i = rng.randint(6, 9)
            d[i], d[i + 1] = d[i + 1], d[i]
        else:
            i = rng.randint(7, 10)
            d[i] = str(rng.randint(0, 9))
        body = "".join(d[:11])
        c = iin_check(body)
        if c is None:
            continue
        cand = body + str(c)
        if cand != iin and cand not in used:
            return cand
    return iin


# ----------------------------------------------------------------------------
# persons

@dataclass
class Address:
    city: int
    street: int
    house: int
    apt: int | None


@dataclass
class Person:
    pid: str
    male: bool
    kazakh: bool
    first: str
    surname: str              # current surname
    maiden: str | None        # birth surname if different
    father_name: str
    patronymic_ru: str
    patronymic_kz: str
    use_kz_patronymic: bool
    born: dt.date
    iin: str
    address: Address
    old_address: Address | None
    phone: str | None
    spouse: str | None = None
    parents: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)

    @property
    def patronymic(self) -> str:
        return self.patronymic_kz if self.use_kz_patronymic else self.patronymic_ru


def fem_surname(s: str) -> str:
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    return s


def patronymics(father: str, male: bool, kazakh: bool) -> tuple[str, str]:
    if father.endswith("ий"):
        stem_m, stem_f = father[:-2] + "ьевич", father[:-2] + "ьевна"
    elif father.endswith("й"):
        stem_m, stem_f = father[:-1] + "евич", father[:-1] + "евна"
    elif father.endswith("ь"):
        stem_m, stem_f = father[:-1] + "евич", father[:-1] + "евна"
    elif father.endswith("а"):
        stem_m, stem_f = father[:-1] + "ич", father[:-1] + "ична"
    else:
        stem_m, stem_f = father + "ович", father + "овна"
    ru = stem_m if male else stem_f
    kz = father + ("ұлы" if male else "қызы")
    return ru, kz


class World:
    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng = rng
        self.persons: dict[str, Person] = {}
        self.used_iins: set[str] = set()
        self.n = n
        self.w_kzm, self.w_kzf = zipf(len(KZ_M)), zipf(len(KZ_F))
        self.w_rum, self.w_ruf = zipf(len(RU_M)), zipf(len(RU_F))
        self.w_kzs, self.w_rus = zipf(len(KZ_SUR), 0.8), zipf(len(RU_SUR), 0.8)
        self.w_city = [c[2] for c in CITIES]
        self.w_street = zipf(len(STREETS), 0.5)
        self.build()

    # -- pieces
    def first_name(self, male: bool, kazakh: bool) -> str:
        r = self.rng
        if kazakh:
            return r.choices(KZ_M if male else KZ_F, self.w_kzm if male else self.w_kzf)[0]
        return r.choices(RU_M if male else RU_F, self.w_rum if male else self.w_ruf)[0]

    def surname_base(self, kazakh: bool) -> str:
        r = self.rng
        return r.choices(KZ_SUR, self.w_kzs)[0] if kazakh else r.choices(RU_SUR, self.w_rus)[0]

    def address(self) -> Address:
        r = self.rng
        city = r.choices(range(len(CITIES)), self.w_city)[0]
        street = r.choices(range(len(STREETS)), self.w_street)[0]
        apt = r.randint(1, 180) if r.random() < 0.6 else None
        return Address(city, street, r.randint(1, 240), apt)

    def phone(self) -> str:
        r = self.rng
        return "7" + r.choice(["701", "702", "705", "707", "747", "771", "775", "778"]) + f"{r.randint(0, 9999999):07d}"

    def rand_date(self, y0: int, y1: int) -> dt.date:
        a = dt.date(y0, 1, 1).toordinal()
        b = dt.date(y1, 12, 31).toordinal()
        return dt.date.fromordinal(self.rng.randint(a, b))

    def new_person(self, male: bool, kazakh: bool, surname_base: str, father: str,
                   born: dt.date, addr: Address) -> Person:
        r = self.rng
        pid = f"P{len(self.persons) + 1:05d}"
        first = self.first_name(male, kazakh)
        ru, kz = patronymics(father, male, kazakh)
        sur = surname_base if male else fem_surname(surname_base)
        old = self.address() if r.random() < 0.2 else None
        age = 2024 - born.year
        p = Person(pid, male, kazakh, first, sur, None, father, ru, kz,
                   kazakh and r.random() < 0.25, born,
                   make_iin(r, born, male, self.used_iins), addr, old,
                   self.phone() if age >= 16 and r.random() < 0.9 else None)
        self.persons[pid] = p
        return p

    def build(self) -> None:
        r = self.rng
        while len(self.persons) < self.n:
            kazakh = r.random() < 0.7
            if r.random() < 0.62:
                # couple household
                hb = self.rand_date(1948, 1999)
                addr = self.address()
                base = self.surname_base(kazakh)
                h = self.new_person(True, kazakh, base, self.first_name(True, kazakh), hb, addr)
                wkaz = kazakh if r.random() < 0.9 else not kazakh
                wb_ord = hb.toordinal() + int(r.gauss(2.5, 3) * 365.25)
                wb = dt.date.fromordinal(min(wb_ord, dt.date(2003, 12, 31).toordinal()))
                maiden_base = self.surname_base(wkaz)
                w = self.new_person(False, wkaz, maiden_base, self.first_name(True, wkaz), wb, addr)
                if r.random() < 0.8:
                    w.maiden = w.surname
                    w.surname = fem_surname(base)
                    if w.maiden == w.surname:
                        w.maiden = None
                w.old_address = w.old_address or (self.address() if r.random() < 0.3 else None)
                h.spouse, w.spouse = w.pid, h.pid
                nkids = r.choices([0, 1, 2, 3, 4], [15, 25, 32, 20, 8])[0]
                prev: dt.date | None = None
                for k in range(nkids):
                    if len(self.persons) >= self.n:
                        break
                    if prev is not None and r.random() < 0.03:
                        cb = prev  # twins
                    else:
                        cb = dt.date.fromordinal(wb.toordinal() + int(r.uniform(20, 40) * 365.25))
                    if cb > dt.date(2023, 12, 31):
                        break
                    prev = cb
                    age = 2024 - cb.year
                    caddr = addr if age < 24 or r.random() < 0.4 else self.address()
                    c = self.new_person(r.random() < 0.51, kazakh, base, h.first, cb, caddr)
                    c.parents = [h.pid, w.pid]
                    h.children.append(c.pid)
                    w.children.append(c.pid)
            else:
                male = r.random() < 0.5
                self.new_person(male, kazakh, self.surname_base(kazakh),
                                self.first_name(True, kazakh), self.rand_date(1945, 2005),
                                self.address())


# ----------------------------------------------------------------------------
# renderings
KZ2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у",
                       "һ": "х", "і": "и", "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О",
                       "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
KZ2RU_LATI = str.maketrans({"і": "i", "І": "I"})  # Latin i homoglyph, then rest

BASE_LAT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i",
            "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
            "т": "t", "у": "u", "ф": "f", "ъ": "", "ь": "", "э": "e"}
SCHEMES: dict[str, dict[str, str]] = {
    # passport / ICAO-like
    "icao": {**BASE_LAT, "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
             "һ": "h", "і": "i", "ё": "e", "ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch",
             "ш": "sh", "щ": "shch", "ы": "y", "ю": "iu", "я": "ia"},
    # informal / English-ish
    "informal": {**BASE_LAT, "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
                 "һ": "h", "і": "i", "ё": "yo", "ж": "j", "й": "y", "х": "h", "ц": "ts",
                 "ч": "ch", "ш": "sh", "щ": "sh", "ы": "y", "ю": "yu", "я": "ya"},
    # Kazakh Latin alphabet (2021 style)
    "kzlat": {**BASE_LAT, "ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü",
              "һ": "h", "і": "ı", "ё": "io", "ж": "j", "й": "i", "х": "h", "ц": "ts",
              "ч": "ç", "ш": "ş", "щ": "şş", "ы": "y", "ю": "iu", "я": "ia"},
}


def translit(s: str, scheme: str) -> str:
    m = SCHEMES[scheme]
    out: list[str] = []
    for ch in s:
        lo = ch.lower()
        if lo in m:
            t = m[lo]
            out.append(t.capitalize() if ch != lo and t else t)
        else:
            out.append(ch)
    return "".join(out)


def name_typo(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = rng.randint(1, len(s) - 2)
    k = rng.random()
    if k < 0.4:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if k < 0.7:
        return s[:i] + s[i + 1:]
    return s[:i] + s[i] + s[i:]


def date_typo(rng: random.Random, d: dt.date) -> dt.date:
    if rng.random() < 0.5 and d.day <= 12 and d.day != d.month:
        return dt.date(d.year, d.day, d.month)
    return d + dt.timedelta(days=rng.choice([-1, 1, 10, -10]))


def addr_ru(a: Address) -> str:
    city = CITIES[a.city][0].translate(KZ2RU)
    s = f"г. {city}, ул. {STREETS[a.street][1]}, д. {a.house}"
    return s + (f", кв. {a.apt}" if a.apt else "")


def addr_kz(a: Address) -> str:
    s = f"{CITIES[a.city][0]} қ., {STREETS[a.street][0]} к-сі, {a.house} үй"
    return s + (f", {a.apt} пәтер" if a.apt else "")


def addr_util(a: Address) -> str:
    city = CITIES[a.city][0].translate(KZ2RU).upper()
    s = f"{city} {STREETS[a.street][1].upper()} {a.house}"
    return s + (f"-{a.apt}" if a.apt else "")


def addr_lat(a: Address) -> str:
    s = f"{a.house} {STREETS[a.street][2]} St"
    s += f", apt {a.apt}" if a.apt else ""
    return s + f", {CITIES[a.city][1]}"


def kz_text_date(d: dt.date) -> str:
    return f"{d.year} ж. {d.day} {KZ_MONTHS[d.month - 1]}"


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


# ----------------------------------------------------------------------------
class Gen:
    def __init__(self, seed: int, out: str, n: int) -> None:
        self.rng = random.Random(seed)
        self.out = out
        self.world = World(self.rng, n)
        self.P = self.world.persons
        self.truth: list[tuple[str, str, str]] = []

    # shared per-record noise
    def rec_surname(self, p: Person, p_maiden: float) -> str:
        if p.maiden and self.rng.random() < p_maiden:
            return p.maiden
        return p.surname

    def rec_iin(self, p: Person, p_missing: float, p_typo: float = 0.03) -> str:
        r = self.rng
        if r.random() < p_missing:
            return ""
        if r.random() < p_typo:
            return iin_typo(r, p.iin, self.world.used_iins)
        return p.iin

    def rec_born(self, p: Person) -> dt.date:
        return date_typo(self.rng, p.born) if self.rng.random() < 0.02 else p.born

    def maybe_typo(self, s: str, prob: float = 0.03) -> str:
        return name_typo(self.rng, s) if self.rng.random() < prob else s

    def relative(self, p: Person, adult_only: bool) -> Person | None:
        c: list[str] = []
        if p.spouse:
            c += [p.spouse] * 3
        c += p.parents
        c += p.children
        ok = [self.P[x] for x in c if not adult_only or 2024 - self.P[x].born.year >= 18]
        return self.rng.choice(ok) if ok else None

    def pick(self, pred: Callable[[Person], bool], k: int) -> list[Person]:
        pool = [p for p in self.P.values() if pred(p)]
        self.rng.shuffle(pool)
        return pool[:k]

    def repeat(self, people: list[Person], probs: list[float]) -> list[Person]:
        rows: list[Person] = []
        for p in people:
            n = self.rng.choices(range(1, len(probs) + 1), probs)[0]
            rows += [p] * n
        self.rng.shuffle(rows)
        return rows

    # -- (1) court enforcement registry
    def enforcement(self) -> None:
        r = self.rng
        fname = "enforcement_proceedings"
        debtors = self.pick(lambda p: p.born.year <= 2002, 1150)
        rows = self.repeat(debtors, [70, 20, 7, 3])
        hdr = ["proceeding_id", "opened_on", "debtor_last_name", "debtor_first_name",
               "debtor_middle_name", "debtor_dob", "debtor_iin", "debtor_address",
               "co_debtor_name", "co_debtor_dob", "claim_type", "amount_kzt", "bailiff"]
        with open(os.path.join(self.out, fname + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(hdr)
            for i, p in enumerate(rows):
                rid = f"ИП-{r.choice([2021, 2022, 2023, 2024])}-{i + 1:06d}"
                opened = self.world.rand_date(2021, 2024)
                lookalike = r.random() < 0.35

                def fx(s: str) -> str:
                    s = s.upper()
                    return s.translate(KZ2RU) if lookalike else s
                b = self.rec_born(p)
                addr = p.old_address if p.old_address and r.random() < 0.5 else p.address
                co = None
                if r.random() < 0.45:
                    co = self.relative(p, True)
                    if co is None and r.random() < 0.5:
                        co = r.choice([q for q in self.P.values() if q.born.year <= 2000])
                co_name = co_dob = ""
                if co is not None:
                    co_name = fx(" ".join([self.maybe_typo(self.rec_surname(co, 0.25)), co.first,
                                           co.patronymic]))
                    co_dob = kz_text_date(self.rec_born(co)) if r.random() < 0.85 else ""
                w.writerow([rid, opened.isoformat(),
                            fx(self.maybe_typo(self.rec_surname(p, 0.3))), fx(self.maybe_typo(p.first)),
                            fx(p.patronymic) if r.random() < 0.92 else "",
                            b.strftime("%d/%m/%Y"), self.rec_iin(p, 0.42),
                            addr_ru(addr) if r.random() < 0.9 else "", co_name, co_dob,
                            r.choice(["алименты", "кредит", "штраф", "коммунальные услуги", "налог"]),
                            f"{r.randint(20, 3000) * 1000}", r.choice(["Сейтжанов Б.К.", "Ким О.В.", "Абенова Г.Т."])])
                self.truth.append((fname, rid, p.pid))
                if co is not None:
                    self.truth.append((fname, rid + "#2", co.pid))

    # -- (2) military commissariat roster
    def military(self) -> None:
        r = self.rng
        fname = "military_roster"
        men = self.pick(lambda p: p.male and 1964 <= p.born.year <= 2006, 1600)
        women = self.pick(lambda p: not p.male and 1970 <= p.born.year <= 2000, 160)
        rows = self.repeat(men + women, [95, 5])
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Тізім"
        hdr = ["Жеке іс №", "Тегі", "Аты", "Әкесінің аты", "Туған күні", "ЖСН",
               "Тұрғылықты мекенжайы", "Әскери-есептік мамандығы", "Жарамдылық санаты"]
        ws.append(["Әскери есепке алу тізімі — қорғаныс істері департаменті, 2024 ж."])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(hdr))
        ws.append(hdr)
        for i, p in enumerate(rows):
            rid = f"ӘК-{i + 1:05d}"
            patr = p.patronymic
            if p.kazakh and r.random() < 0.35:
                patr = p.patronymic_kz
            iin = self.rec_iin(p, 0.33)
            iin_cell: int | str | None = int(iin) if iin and r.random() < 0.85 else (iin or None)
            ws.append([rid, self.maybe_typo(self.rec_surname(p, 0.15)), self.maybe_typo(p.first),
                       patr if r.random() < 0.95 else None, excel_serial(self.rec_born(p)),
                       iin_cell,
                       addr_kz(p.address if r.random() < 0.8 or not p.old_address else p.old_address),
                       r.choice(["атқыштар", "жүргізуші", "байланысшы", "медбике", "сапер", None]),
                       r.choice(["А", "Б", "В", "Г"])])
            self.truth.append((fname, rid, p.pid))
        wb.save(os.path.join(self.out, fname + ".xlsx"))

    # -- (3) utility subscribers
    def utility(self) -> None:
        r = self.rng
        fname = "utility_subscribers"
        holders = self.pick(lambda p: p.born.year <= 2004, 2000)
        rows = self.repeat(holders, [88, 10, 2])
        lines = ["\t".join(["F01_LS", "F02_FIO", "F03_DR", "F04_IIN", "F05_ADR", "F06_TEL",
                            "F07_SALDO", "F08_USL"])]
        seen: dict[str, int] = {}
        for i, p in enumerate(rows):
            rid = f"{r.randint(10, 99)}{i + 1:07d}"
            n = seen.get(p.pid, 0)
            seen[p.pid] = n + 1
            sur = self.maybe_typo(self.rec_surname(p, 0.2)).upper().translate(KZ2RU)
            first = self.maybe_typo(p.first).upper().translate(KZ2RU)
            patr = p.patronymic.upper().translate(KZ2RU)
            k = r.random()
            if k < 0.55:
                fio = f"{sur} {first[0]}.{patr[0]}."
            elif k < 0.65:
                fio = f"{sur} {first[0]}. {patr[0]}."
            else:
                fio = f"{sur} {first} {patr}"
            if n == 0:
                addr = p.address if r.random() < 0.85 or not p.old_address else p.old_address
            else:
                addr = p.old_address or self.world.address()
            dob = self.rec_born(p).strftime("%Y%m%d") if r.random() < 0.8 else ""
            tel = ""
            if p.phone and r.random() < 0.6:
                tel = "8" + p.phone[1:]
            lines.append("\t".join([rid, fio, dob, self.rec_iin(p, 0.55), addr_util(addr), tel,
                                    f"{r.randint(-50000, 20000)},{r.randint(0, 99):02d}",
                                    r.choice(["ЭЛЕКТР", "ХВС", "ГВС", "ГАЗ", "ОТОПЛ"])]))
            self.truth.append((fname, rid, p.pid))
        with open(os.path.join(self.out, fname + ".txt"), "w", encoding="utf-16", newline="") as f:
            f.write("\r\n".join(lines) + "\r\n")

    # -- (4) hospital discharge
    def hospital(self) -> None:
        r = self.rng
        fname = "hospital_discharge"
        pats = self.pick(lambda p: True, 1150)
        rows = self.repeat(pats, [85, 12, 3])
        hdr = ["Case No", "Patient", "Sex", "DOB", "National ID", "Admitted", "Discharged",
               "Dept", "Emergency Contact", "Relationship", "Contact Phone", "Home Address"]
        with open(os.path.join(self.out, fname + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(hdr)
            for i, p in enumerate(rows):
                rid = f"H{r.choice([23, 24])}-{i + 1:05d}"
                sch = r.choices(["icao", "informal", "kzlat"], [50, 30, 20])[0]
                sur = translit(self.maybe_typo(self.rec_surname(p, 0.2)), sch).upper()
                first = translit(self.maybe_typo(p.first), sch).upper()
                parts = [sur, first]
                if r.random() < 0.65:
                    parts.append(translit(p.patronymic, sch).upper())
                adm = dt.datetime.combine(self.world.rand_date(2023, 2024),
                                          dt.time(r.randint(0, 23), r.randint(0, 59)))
                dis = adm + dt.timedelta(days=r.randint(1, 20), hours=r.randint(0, 8))
                age = 2024 - p.born.year
                co = self.relative(p, True) if r.random() < 0.8 else None
                if age < 18 and p.parents:
                    mom = self.P[p.parents[1]]
                    co = mom if r.random() < 0.7 else self.P[p.parents[0]]
                co_name = rel = co_tel = ""
                if co is not None:
                    sch2 = r.choice(["icao", "informal", "kzlat"])
                    co_name = f"{translit(co.first, sch2)} {translit(self.rec_surname(co, 0.1), sch2)}"
                    if co.pid == p.spouse:
                        rel = "Spouse"
                    elif co.pid in p.parents:
                        rel = "Mother" if not co.male else "Father"
                    else:
                        rel = "Son" if co.male else "Daughter"
                    if co.phone and r.random() < 0.85:
                        t = co.phone
                        co_tel = f"+7 ({t[1:4]}) {t[4:7]}-{t[7:9]}-{t[9:]}"
                w.writerow([rid, "^".join(parts), "M" if p.male else "F",
                            self.rec_born(p).strftime("%m/%d/%Y"), self.rec_iin(p, 0.4),
                            adm.strftime("%Y-%m-%dT%H:%M"), dis.strftime("%Y-%m-%dT%H:%M"),
                            r.choice(["Cardiology", "Surgery", "Pediatrics", "Neurology", "Therapy", "Trauma"]),
                            co_name, rel, co_tel, addr_lat(p.address) if r.random() < 0.9 else ""])
                self.truth.append((fname, rid, p.pid))
                if co is not None:
                    self.truth.append((fname, rid + "#2", co.pid))

    def run(self) -> None:
        os.makedirs(self.out, exist_ok=True)
        self.enforcement()
        self.military()
        self.utility()
        self.hospital()
        with open(os.path.join(self.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["file", "record_id", "person_id"])
            w.writerows(self.truth)
        with open(os.path.join(self.out, "persons.jsonl"), "w", encoding="utf-8") as f:
            for p in self.P.values():
                d = {k: v for k, v in p.__dict__.items() if k not in ("address", "old_address")}
                d["born"] = p.born.isoformat()
                d["address"] = addr_ru(p.address)
                d["old_address"] = addr_ru(p.old_address) if p.old_address else None
                f.write(json.dumps(d, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=6000)
    a = ap.parse_args()
    g = Gen(a.seed, a.out, a.persons)
    g.run()
    bad = [p.iin for p in g.P.values() if not iin_valid(p.iin)]
    assert not bad, bad[:5]
    print(f"{len(g.P)} persons, {len(g.truth)} records -> {a.out}")


if __name__ == "__main__":
    main()
