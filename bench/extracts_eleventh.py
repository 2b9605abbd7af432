#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# An eleventh linkage writer's generator, written apart from the project (from the linkage issue's text, the README's
# linkage part and `ukimet link --help` alone) in stop 42, and kept as its writer wrote it: not linted here. HELD:
# never tune linkage on it. Commands and runs: bench/extracts_eleventh.md.
"""Eleventh writer's held-out extracts for `ukimet link` (written apart from the project).

python make.py --seed N --out DIR --persons 5000

Builds a synthetic population in households (Kazakh, Russian and other families; married women with
their husband's surname or their own; grown children moved out; households that moved; twins; common
names -> namesakes) and writes five agency extracts in five different styles plus DIR/truth.csv
(file,record_id,person_id). Deterministic for a seed (random.Random only, no hash-order dependence).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random

import openpyxl
import pandas as pd

REF = dt.date(2024, 6, 1)

# ----------------------------------------------------------------------------------------------- names
KZ_M = ("Нұрлан Ерлан Асқар Бауыржан Серік Дәурен Ержан Қайрат Мұрат Арман Ғалым Талғат Жандос Әлібек "
        "Нұрсұлтан Ислам Алихан Ерасыл Дамир Рустем Мағжан Санжар Әділет Бекзат Ілияс Мейірхан Темірлан "
        "Айдос Ақжол Қуаныш Ерболат Дастан Жасұлан Еркебұлан Серікбол Ағабек Өмірзақ Үсен Шыңғыс Мирас "
        "Нұрдәулет Ринат Тимур Азамат Берік Болат Ғани Қанат Марат Мұхтар Жомарт Самат Олжас Ерғали "
        "Нұржан Бақыт Дулат Ұлан Әлихан Саят").split()
KZ_F = ("Айгүл Гүлнар Ардақ Динара Жанар Айсұлу Томирис Әсел Гүлмира Меруерт Назгүл Сәуле Айжан Ақмарал "
        "Балжан Дана Жібек Қарлығаш Мөлдір Нұргүл Толқын Ұлжан Үміт Шынар Әйгерім Аружан Інкәр Жансая "
        "Гүлжан Раушан Күлпаш Зәуре Сандуғаш Анар Айым Дильназ Камила Амина Әсем Ләззат Ақбота Жазира "
        "Гүлназ Маржан Салтанат Айнұр Дариға Бибігүл Мадина Асель").split()
KZ_SURN = ("Ахметов Сейітқалиев Нұрланов Жұмабеков Омаров Тоқтаров Сәрсенов Әбдірахманов Қасымов Байжанов "
           "Мұқанов Есімов Жақыпов Төлегенов Ысқақов Ибраев Құрманов Сұлтанбеков Оспанов Әлімжанов "
           "Исабеков Қуандықов Тәжібаев Дүйсенов Серікбаев Мырзахметов Шәкіров Бөкейханов Ұзақов "
           "Байтұрсынов Үсенов Жолдасов Қалиев Смағұлов Нұрпейісов Әубәкіров Бекмұханбетов Рахымжанов "
           "Жүсіпов Ғабдуллин Мамыров Тұрсынов Қожахметов Сағынтаев Әбенов Ермеков Кенжебаев Шәріпов "
           "Мұсабаев Ерғалиев Досмағамбетов Жанұзақов Оразбаев Әлиев Бердібеков Сыздықов Тілеубаев").split()
KZ_ROOT = "Жақып Тоқтар Ахмет Сәрсен Қасым Оспан Омар Нұрлан Ерлан Бекмұхамбет Есім Тілеу Әлімжан".split()
RU_M = ("Александр Сергей Андрей Алексей Дмитрий Владимир Николай Евгений Игорь Михаил Олег Виктор Юрий "
        "Павел Максим Денис Иван Артем Роман Константин Анатолий Василий Геннадий Станислав").split()
RU_F = ("Елена Ольга Наталья Татьяна Ирина Светлана Анна Мария Екатерина Юлия Людмила Галина Марина "
        "Оксана Валентина Александра Евгения Анастасия Виктория Дарья Лариса Надежда Вера Любовь").split()
RU_SURN = ("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Морозов Волков "
           "Алексеев Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
           "Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов Воробьев Сергеев Кузьмин Фролов "
           "Александров Дмитриев Королев Гусев Киселев").split()
OT_SURN = ("Ким Пак Ли Цой Шевченко Бондаренко Коваленко Ткаченко Хабибуллин Сафин Юсупов Ахмедов Гарипов "
           "Шульц Вебер Миллер Вишневский Ковальский Мамедов Алиев").split()
OT_M = RU_M + "Рашид Ильдар Марсель Руслан Эдуард Фарид".split()
OT_F = RU_F + "Гульнара Альбина Эльвира Лилия Регина".split()
SHORT = {"Александр": "Саша", "Александра": "Саша", "Евгений": "Женя", "Евгения": "Женя", "Дмитрий": "Дима",
         "Мария": "Маша", "Наталья": "Наташа", "Екатерина": "Катя", "Сергей": "Серёжа", "Татьяна": "Таня",
         "Бауыржан": "Бауке", "Нұрлан": "Нұрке", "Ерлан": "Ерке", "Ержан": "Ерке", "Айгүл": "Айгүлке"}

TOWNS = [("Алматы", "Алматы", "Almaty"), ("Астана", "Астана", "Astana"), ("Шымкент", "Шымкент", "Shymkent"),
         ("Қарағанды", "Караганда", "Karaganda"), ("Ақтөбе", "Актобе", "Aktobe"),
         ("Павлодар", "Павлодар", "Pavlodar"), ("Өскемен", "Усть-Каменогорск", "Oskemen"),
         ("Семей", "Семей", "Semey"), ("Атырау", "Атырау", "Atyrau"), ("Қостанай", "Костанай", "Kostanay"),
         ("Тараз", "Тараз", "Taraz"), ("Орал", "Уральск", "Oral"), ("Қызылорда", "Кызылорда", "Kyzylorda"),
         ("Ақтау", "Актау", "Aktau"), ("Петропавл", "Петропавловск", "Petropavl")]
TOWN_W = [20, 14, 10, 7, 6, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3]
STREETS = [("Абай", "Абая"), ("Жамбыл", "Жамбыла"), ("Төле би", "Толе би"), ("Қабанбай батыр", "Кабанбай батыра"),
           ("Сейфуллин", "Сейфуллина"), ("Сәтбаев", "Сатпаева"), ("Желтоқсан", "Желтоксан"), ("Гоголь", "Гоголя"),
           ("Пушкин", "Пушкина"), ("Байтұрсынұлы", "Байтурсынова"), ("Әуезов", "Ауэзова"),
           ("Момышұлы", "Момышулы"), ("Райымбек", "Райымбека"), ("Бөгенбай батыр", "Богенбай батыра"),
           ("Кенесары", "Кенесары"), ("Достық", "Достык"), ("Тәуелсіздік", "Независимости"),
           ("Мұқанов", "Муканова"), ("Шевченко", "Шевченко"), ("Құнаев", "Кунаева"), ("Жастар", "Жастар"),
           ("Бейбітшілік", "Мира"), ("Ломов", "Ломова"), ("Алтынсарин", "Алтынсарина")]
KZ_MON = "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split()
RU_MON_G = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
EN_MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноууxиАГКНОУУХИ".replace("x", "х"))
PASS = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
        "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
        "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
        "ю": "iu", "я": "ia"}
INFORMAL = dict(PASS, ж="j", х="h", й="y", ю="yu", я="ya", қ="q", ц="c", щ="sh", ё="yo", ғ="gh")
LAT2021 = dict(PASS, ә="ä", ғ="ğ", ж="j", қ="q", ң="ñ", ө="ö", ұ="ū", ү="ü", ш="ş", і="ı", х="h", ч="ç",
               щ="şş", ю="iu", я="ia")
SIMILAR = {"е": "и", "и": "е", "о": "а", "а": "о", "с": "з", "т": "д", "н": "м", "у": "ю", "л": "р",
           "e": "i", "i": "e", "o": "a", "a": "o", "s": "z", "k": "q", "n": "m", "u": "y", "l": "r"}


def translit(s: str, table: dict) -> str:
    out = []
    for ch in s:
        lo = ch.lower()
        t = table.get(lo, ch)
        out.append(t.capitalize() if ch != lo and t else t)
    return "".join(out)


def russify(s: str) -> str:
    return s.translate(RUSSIFY)


def part_russify(s: str, r: random.Random, p: float) -> str:
    return "".join(ch.translate(RUSSIFY) if r.random() < p else ch for ch in s)


def typo(s: str, r: random.Random) -> str:
    if not s or len(s) < 4:
        return s
    i = r.randrange(1, len(s) - 1)
    op = r.random()
    if op < 0.3:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op < 0.55:
        return s[:i] + s[i + 1:]
    if op < 0.7:
        return s[:i] + s[i] + s[i:]
    ch = s[i]
    sub = SIMILAR.get(ch.lower())
    if sub is None:
        return s[:i] + s[i + 1:]
    return s[:i] + (sub.upper() if ch.isupper() else sub) + s[i + 1:]


def fem_surname(s: str) -> str:
    if s.endswith(("ов", "ев", "ин", "ын")):
        return s + "а"
    if s.endswith("ский"):
        return s[:-2] + "ая"
    if s.endswith("ұлы"):
        return s[:-3] + "қызы"
    return s


def ru_patr(name: str, sex: str) -> str:
    n = russify(name)
    if n == "Дмитрий":
        base, suf = "Дмитри", "евич"
    elif n.endswith("ий"):
        base, suf = n[:-2] + "ь", "евич"
    elif n.endswith(("ай", "ей", "уй")):
        base, suf = n[:-1], "евич"
    elif n.endswith("ь"):
        base, suf = n[:-1], "евич"
    elif n.endswith("и"):
        base, suf = n, "евич"
    else:
        base, suf = n, "ович"
    return base + (suf if sex == "M" else suf[:-2] + "на")


# ------------------------------------------------------------------------------------------------- IIN
def iin_check(d11: str):
    s = sum(int(d) * w for d, w in zip(d11, range(1, 12))) % 11
    if s == 10:
        s = sum(int(d) * w for d, w in zip(d11, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
        if s == 10:
            return None
    return s


def iin_valid(x: str) -> bool:
    return len(x) == 12 and x.isdigit() and iin_check(x[:11]) == int(x[11])


def make_iin(b: dt.date, sex: str, r: random.Random, used: set) -> str:
    c = (3 if sex == "M" else 4) if b.year < 2000 else (5 if sex == "M" else 6)
    while True:
        d11 = f"{b.year % 100:02d}{b.month:02d}{b.day:02d}{c}{r.randrange(10000):04d}"
        k = iin_check(d11)
        if k is not None and d11 + str(k) not in used:
            used.add(d11 + str(k))
            return d11 + str(k)


def iin_typo(x: str, r: random.Random) -> str:
    if r.random() < 0.5:  # adjacent transposition (usually fails the check digit)
        i = r.randrange(0, 11)
        y = x[:i] + x[i + 1] + x[i] + x[i + 2:]
        return y if y != x else x[:11] + str((int(x[11]) + 1) % 10)
    # one digit mistyped in the serial and the check digit recomputed by the agency's software: passes
    for _ in range(20):
        i = r.randrange(7, 11)
        d11 = x[:i] + str((int(x[i]) + r.randrange(1, 10)) % 10) + x[i + 1:11]
        k = iin_check(d11)
        if k is not None:
            return d11 + str(k)
    return x


# ----------------------------------------------------------------------------------------- population
def zipf_choice(r: random.Random, seq, s=0.9):
    w = [1.0 / (i + 1) ** s for i in range(len(seq))]
    return r.choices(seq, weights=w)[0]


def rand_date(r: random.Random, y0: int, y1: int) -> dt.date:
    a, b = dt.date(y0, 1, 1).toordinal(), min(dt.date(y1, 12, 31), REF).toordinal()
    return dt.date.fromordinal(r.randint(a, b))


class Pop:
    def __init__(self, r: random.Random, n: int):
        self.r = r
        self.people: list[dict] = []
        self.used: set = set()
        self.hh = 0
        while len(self.people) < n:
            self.household()
        self.people = self.people[:n]
        ids = {p["pid"] for p in self.people}
        for p in self.people:  # relations pointing outside the cut are dropped
            for k in ("spouse", "mother", "father"):
                if p.get(k) not in ids:
                    p[k] = None
        self.by = {p["pid"]: p for p in self.people}

    def address(self, town=None) -> dict:
        r = self.r
        t = town or r.choices(TOWNS, weights=TOWN_W)[0]
        st = r.choice(STREETS)
        flat = r.randint(1, 180) if r.random() < 0.7 else None
        return {"town": t, "street": st, "house": r.randint(1, 240), "flat": flat}

    def person(self, sex, ethnic, first, surname, birth, patr_from, hh, addr, **kw) -> dict:
        r = self.r
        if ethnic == "kz":
            old = birth.year < 1980
            st = r.choices(["ru", "kz", "none"], weights=[70, 25, 5] if old else [40, 55, 5])[0]
        else:
            st = "ru" if r.random() < 0.97 else "none"
        patr_kz = (patr_from + ("ұлы" if sex == "M" else "қызы")) if patr_from else ""
        patr_ru = ru_patr(patr_from, sex) if patr_from else ""
        p = {"pid": f"P{len(self.people) + 1:05d}", "sex": sex, "ethnic": ethnic, "first": first,
             "surname": surname, "maiden": None, "birth": birth, "patr_style": st, "patr_kz": patr_kz,
             "patr_ru": patr_ru, "hh": hh, "addr": addr, "old_addr": None, "move_year": None,
             "phone": f"7{r.choice(['01', '05', '07', '47', '71', '75', '76', '77', '78'])}{r.randrange(10**7):07d}",
             "spouse": None, "mother": None, "father": None, "twin": False}
        p.update(kw)
        if surname.endswith(("ұлы", "қызы")) and surname == patr_kz and r.random() < 0.7:
            p["patr_style"] = "none"  # Ерланұлы Дамир: the surname already says whose son he is
        p["iin"] = make_iin(birth, sex, r, self.used)
        self.people.append(p)
        return p

    def names(self, ethnic, sex):
        r = self.r
        if ethnic == "kz":
            return zipf_choice(r, KZ_M if sex == "M" else KZ_F)
        if ethnic == "ru":
            return zipf_choice(r, RU_M if sex == "M" else RU_F)
        return zipf_choice(r, OT_M if sex == "M" else OT_F)

    def family_surname(self, ethnic):
        r = self.r
        if ethnic == "kz":
            u = r.random()
            if u < 0.82:
                return "ov", zipf_choice(r, KZ_SURN, 0.7)
            if u < 0.91:
                return "uly", r.choice(KZ_ROOT) + "ұлы"
            return "bare", r.choice(KZ_ROOT)
        if ethnic == "ru":
            return "ov", zipf_choice(r, RU_SURN, 0.7)
        return "ov", zipf_choice(r, OT_SURN, 0.5)

    def household(self):
        r = self.r
        self.hh += 1
        hh = self.hh
        ethnic = r.choices(["kz", "ru", "ot"], weights=[68, 22, 10])[0]
        addr = self.address()
        moved = r.random() < 0.25
        old_addr = self.address(addr["town"] if r.random() < 0.6 else None) if moved else None
        move_year = r.randint(2019, 2024) if moved else None
        kind = r.choices(["family", "single", "widow", "three"], weights=[55, 15, 10, 20])[0]
        style, fsur = self.family_surname(ethnic)
        common = {"old_addr": old_addr, "move_year": move_year}
        if kind in ("single", "widow"):
            sex = "F" if kind == "widow" else r.choice("MF")
            b = rand_date(r, 1935, 1962) if kind == "widow" else rand_date(r, 1960, 2005)
            sur = fem_surname(fsur) if sex == "F" else fsur
            p = self.person(sex, ethnic, self.names(ethnic, sex), sur, b, self.names(ethnic, "M"), hh, addr,
                            **common)
            if sex == "F" and r.random() < 0.5 and kind == "widow":
                p["maiden"] = fem_surname(self.family_surname(ethnic)[1])
            return
        fb = rand_date(r, 1950, 2000)
        mb = rand_date(r, fb.year, min(fb.year + 7, 2002))
        gp = None
        if kind == "three":  # the father's mother lives with them
            gb = rand_date(r, fb.year - 35, fb.year - 21)
            gp = self.person("F", ethnic, self.names(ethnic, "F"), fem_surname(fsur), gb, self.names(ethnic, "M"),
                             hh, addr, **common)
        f_first = self.names(ethnic, "M")
        fa = self.person("M", ethnic, f_first, fsur, fb, self.names(ethnic, "M"), hh, addr, mother=gp and gp["pid"],
                         **common)
        _, own = self.family_surname(ethnic)
        keep = (r.random() < (0.35 if ethnic == "kz" else 0.1)) or style != "ov"
        m_maiden = fem_surname(own)
        mo = self.person("F", ethnic, self.names(ethnic, "F"), m_maiden if keep else fem_surname(fsur), mb,
                         self.names(ethnic, "M"), hh, addr, spouse=fa["pid"],
                         maiden=None if keep else m_maiden, marriage_year=max(fb.year, mb.year) + r.randint(19, 30),
                         **common)
        fa["spouse"] = mo["pid"]
        nk = r.choices([0, 1, 2, 3, 4], weights=[10, 25, 35, 20, 10])[0]
        y = mb.year + r.randint(19, 27)
        for _ in range(nk):
            if y > 2023:
                break
            kb = rand_date(r, y, y)
            twins = 2 if r.random() < 0.04 else 1
            firsts = set()
            for _t in range(twins):
                sex = r.choice("MF")
                first = self.names(ethnic, sex)
                if ethnic == "ru" and sex == "M" and r.random() < 0.1 and _t == 0:
                    first = f_first  # a son named after his father
                while first in firsts:
                    first = self.names(ethnic, sex)
                firsts.add(first)
                if style == "uly":
                    ksur = f_first + ("ұлы" if sex == "M" else "қызы")
                else:
                    ksur = fsur if sex == "M" else fem_surname(fsur)
                grown = REF.year - kb.year >= 23 and r.random() < 0.5
                kaddr = self.address(addr["town"] if r.random() < 0.5 else None) if grown else addr
                k = self.person(sex, ethnic, first, ksur, kb, f_first, hh, kaddr,
                                mother=mo["pid"], father=fa["pid"], twin=twins > 1,
                                **({} if grown else common))
                if grown and sex == "F" and r.random() < 0.5:  # she married elsewhere
                    k["maiden"] = k["surname"]
                    k["surname"] = fem_surname(self.family_surname(ethnic)[1])
                    k["marriage_year"] = kb.year + r.randint(20, 28)
            y = kb.year + r.randint(2, 6)


# --------------------------------------------------------------------------------------- rendering
def patr_of(p, r: random.Random, alt=0.15):
    st = p["patr_style"]
    if st == "none":
        return ""
    if r.random() < alt and p["ethnic"] == "kz":
        st = "kz" if st == "ru" else "ru"
    return p["patr_kz"] if st == "kz" else p["patr_ru"]


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dmy":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy_nopad":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "dmy2":
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == "kz1":
        return f"{d.year} жылғы {d.day} {KZ_MON[d.month - 1]}"
    if style == "kz2":
        return f"{d.day} {KZ_MON[d.month - 1]} {d.year} ж."
    if style == "ru":
        return f"{d.day} {RU_MON_G[d.month - 1]} {d.year} г."
    if style == "ym":
        return f"{d.year}-{d.month:02d}"
    if style == "my":
        return f"{d.month:02d}.{d.year}"
    if style == "en_my":
        return f"{EN_MON[d.month - 1]} {d.year}"
    if style == "year":
        return str(d.year)
    raise ValueError(style)


def noisy_birth(d: dt.date, r: random.Random, rate: float) -> dt.date:
    if r.random() >= rate:
        return d
    u = r.random()
    try:
        if u < 0.45 and d.day <= 12 and d.day != d.month:
            return dt.date(d.year, d.day, d.month)
        if u < 0.75:
            day = d.day + r.choice([-1, 1, 10, -10])
            return dt.date(d.year, d.month, day)
        return dt.date(d.year + r.choice([-1, 1]), d.month, d.day)
    except ValueError:
        return d


def addr_at(p, year: int):
    if p["old_addr"] is not None and p["move_year"] and year < p["move_year"]:
        return p["old_addr"]
    return p["addr"]


def stale_addr(p, r: random.Random, p_stale: float):
    if p["old_addr"] is not None and r.random() < p_stale:
        return p["old_addr"]
    return p["addr"]


def surname_at(p, year: int | None):
    if p["maiden"] and p.get("marriage_year") and year is not None and year < p["marriage_year"]:
        return p["maiden"]
    return p["surname"]


def ru_addr_upper(a) -> str:
    s = f"Г. {a['town'][1]}, УЛ. {a['street'][1]}, Д. {a['house']}"
    if a["flat"]:
        s += f", КВ. {a['flat']}"
    return s.upper()


def ru_addr(a, r) -> str:
    s = f"г.{a['town'][1]} ул.{a['street'][1]} д.{a['house']}"
    if a["flat"]:
        s += f" кв.{a['flat']}"
    return s


def lat_addr(a, r) -> str:
    st = translit(a["street"][0], INFORMAL if r.random() < 0.5 else PASS)
    if r.random() < 0.5:
        s = f"{a['town'][2]}, {st} st. {a['house']}" + (f"-{a['flat']}" if a["flat"] else "")
    else:
        s = f"g. {a['town'][2]}, ul. {translit(a['street'][1], PASS)} {a['house']}" + (
            f", kv {a['flat']}" if a["flat"] else "")
    return s


def kz_addr_short(a) -> str:
    return f"{a['town'][0]} қ., {a['street'][0]} к-сі, {a['house']}" + (f"-{a['flat']}" if a["flat"] else "")


def official(r: random.Random, pop: Pop, kind: str) -> str:
    """An official's name, sometimes a real member of the population."""
    if r.random() < 0.3:
        p = r.choice(pop.people)
        sur, first, patr = p["surname"], p["first"], p["patr_ru"] or p["patr_kz"] or "А"
    else:
        sex = r.choice("MF")
        sur = zipf_choice(r, KZ_SURN + RU_SURN)
        sur = fem_surname(sur) if sex == "F" else sur
        first = r.choice(KZ_M + RU_M if sex == "M" else KZ_F + RU_F)
        patr = r.choice(KZ_M + RU_M)
    if kind == "ru_upper":
        return f"{russify(sur).upper()} {russify(first)[0]}.{russify(patr)[0]}."
    if kind == "lat":
        return f"{translit(sur, PASS)} {translit(first, PASS)[0]}.{translit(patr, PASS)[0]}."
    return f"{sur} {first[0]}.{patr[0]}."


# ------------------------------------------------------------------------------------------- files
def write_xlsx(path, title_rows, header, rows, date_cols=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 6, 1, 9, 0)
    wb.properties.creator = "ИС"
    for t in title_rows:
        ws.append([t])
    ws.append(header)
    for row in rows:
        ws.append(row)
    for c in date_cols:
        for cell in ws.iter_cols(min_col=c + 1, max_col=c + 1, min_row=len(title_rows) + 2):
            for x in cell:
                if isinstance(x.value, dt.date):
                    x.number_format = "DD.MM.YYYY"
    return wb, ws


def f1_vehicles(pop: Pop, r: random.Random, out: str, truth: list):
    """Vehicle registration export (SpecCON), Russian upper case, owner + proxy (ДОВ_*) in one row."""
    name = "spec_con_auto"
    marks = ["TOYOTA CAMRY", "LADA GRANTA", "HYUNDAI ACCENT", "KIA RIO", "CHEVROLET COBALT", "LEXUS RX350",
             "VOLKSWAGEN POLO", "TOYOTA LAND CRUISER PRADO", "DAEWOO NEXIA", "MITSUBISHI OUTLANDER", "ГАЗ 3110",
             "ВАЗ 21099", "NISSAN X-TRAIL", "SKODA OCTAVIA", "AUDI 80", "JAC S3"]
    notes = ["", "", "", "", "ЗАЛОГ АО «ХАЛЫК БАНК»", "ПО ДОВЕРЕННОСТИ", "ПЕРВИЧНАЯ РЕГ.", "ЗАМЕНА ГРНЗ",
             "ВВОЗ ИЗ РФ", "ДУБЛИКАТ СРТС", "АРЕСТ СНЯТ 12.01.2023", "ОБРЕМЕНЕНИЕ: ЧСИ"]
    adults = [p for p in pop.people if (REF - p["birth"]).days > 18 * 366]
    kids: dict = {}
    for q in pop.people:
        for k in ("mother", "father"):
            if q[k]:
                kids.setdefault(q[k], []).append(q)
    rows, seq = [], 0
    for p in adults:
        prob = 0.45 if p["sex"] == "M" else 0.2
        if r.random() >= prob:
            continue
        nveh = r.choices([1, 2, 3], weights=[75, 20, 5])[0]
        for _ in range(nveh):
            seq += 1
            srts = f"{r.choice('ABCEKMNT')}{r.choice('ABCEKMNT')}{r.randrange(10**8):08d}"
            regy = r.randint(2010, 2024)
            regd = rand_date(r, regy, regy)
            sur = surname_at(p, regy)
            patr = patr_of(p, r)
            nm = russify(sur if r.random() > 0.03 else typo(sur, r))
            fi = russify(p["first"] if r.random() > 0.03 else typo(p["first"], r))
            if r.random() < 0.1:
                fio = f"{nm} {fi[0]}." + (f"{russify(patr)[0]}." if patr else "")
            else:
                fio = f"{nm} {fi} {russify(patr)}".strip()
            fio = fio.upper()
            iin = p["iin"]
            u = r.random()
            if u < 0.04:
                iin = ""
            elif u < 0.07:
                iin = iin_typo(iin, r)
            iin_val = int(iin) if iin and r.random() < 0.3 else iin  # numeric cell: leading zero lost
            b = noisy_birth(p["birth"], r, 0.03)
            bval = b if r.random() < 0.5 else (fmt_date(b, "iso") if r.random() < 0.3 else fmt_date(b, "dmy"))
            if r.random() < 0.03:
                bval = None
            a = stale_addr(p, r, 0.35)
            # proxy
            cand = []
            if p["spouse"]:
                cand.append(pop.by[p["spouse"]])
            cand += [q for q in kids.get(p["pid"], []) if (REF - q["birth"]).days > 18 * 366]
            proxy = None
            if r.random() < 0.4:
                proxy = r.choice(cand) if cand and r.random() < 0.8 else r.choice(adults)
                if proxy is p:
                    proxy = None
            pf = pi = pd_ = None
            if proxy is not None:
                ppatr = patr_of(proxy, r)
                ps = russify(surname_at(proxy, regy))
                pfi = russify(proxy["first"])
                if r.random() < 0.3:
                    pf = f"{ps} {pfi[0]}." + (f"{russify(ppatr)[0]}." if ppatr else "")
                else:
                    pf = f"{ps if r.random() > 0.03 else typo(ps, r)} {pfi} {russify(ppatr)}".strip()
                pf = pf.upper()
                pi = proxy["iin"] if r.random() < 0.75 else None
                if pi and r.random() < 0.03:
                    pi = iin_typo(pi, r)
                pd_ = fmt_date(noisy_birth(proxy["birth"], r, 0.03), "dmy") if r.random() < 0.8 else None
            plate = f"{r.randrange(1000):03d}{r.choice('ABCDEHKMOPTX')}{r.choice('ABCDEHKMOPTX')}{r.choice('ABCDEHKMOPTX')}{r.randint(1, 18):02d}"
            vin = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))
            phone = ("8" + p["phone"][0:3] + " " + p["phone"][3:]) if r.random() < 0.5 else ""
            rows.append([srts, plate, r.choice(marks), r.randint(1985, 2024), vin, fio, iin_val, bval,
                         ru_addr_upper(a), phone, pf, pi, pd_, regd, official(r, pop, "ru_upper"),
                         r.choice(notes)])
            truth.append((name, srts, p["pid"]))
            if proxy is not None:
                truth.append((name, f"{srts}#2", proxy["pid"]))
    r.shuffle(rows)
    header = ["№ СРТС", "ГРНЗ", "МАРКА/МОДЕЛЬ", "Г.В.", "VIN", "ФИО СОБСТВ.", "ИИН СОБСТВ.", "Д.Р.", "АДРЕС РЕГ.",
              "ТЕЛ.", "ДОВ_ФИО", "ДОВ_ИИН", "ДОВ_ДР", "ДАТА РЕГ.", "ИНСПЕКТОР", "ПРИМЕЧАНИЕ"]
    wb, ws = write_xlsx(None, ["ВЫГРУЗКА ИЗ ИС «АВТОМОБИЛЬ» ПО СОСТОЯНИЮ НА 01.06.2024",
                              "ДЕПАРТАМЕНТ ПОЛИЦИИ / СПЕЦЦОН", ""], header, rows, date_cols=(7, 13))
    path = os.path.join(out, name + ".xlsx")
    wb.save(path)
    return path, len(rows)


def f2_business(pop: Pop, r: random.Random, out: str, truth: list):
    """State business register (ИП / ТОО heads), Latin, "Initials Surname", birth as year-month."""
    name = "gbd_ul_ip"
    words = ["Altyn", "Dala", "Nur", "Saulet", "Bereke", "Asia", "Steppe", "Aq Zhol", "Kazyna", "Tulpar",
             "Samruk", "Sunkar", "Orda", "Zhibek Zholy", "Aru", "Kerey"]
    okeds = ["47190", "49410", "56101", "68201", "43999", "96020", "01410", "62010", "45201", "85599"]
    adults = [p for p in pop.people if 20 <= REF.year - p["birth"].year <= 72]
    rows = []
    n = 0
    for p in adults:
        u = r.random()
        if u >= 0.14:
            continue
        kind = "IP" if u < 0.10 else "TOO"
        for _ in range(r.choices([1, 2], weights=[80, 20])[0]):
            n += 1
            reg_no = f"{r.choice(['02', '05', '11', '19', '75'])}-{kind}-{r.randrange(10**6):06d}-{n:04d}"
            regy = r.randint(max(2003, p["birth"].year + 18), 2023)
            sty = r.choices([PASS, INFORMAL, LAT2021], weights=[50, 35, 15])[0]
            sur = surname_at(p, regy)
            if r.random() < 0.04:
                sur = typo(sur, r)
            ls, lf = translit(sur, sty), translit(p["first"], sty)
            patr = patr_of(p, r)
            lp = translit(patr, sty) if patr else ""
            v = r.random()
            if v < 0.40:
                fio = f"{lf[0]}.{lp[0] + '.' if lp else ''} {ls}"
            elif v < 0.55:
                fio = f"{ls} {lf[0]}.{lp[0] + '.' if lp else ''}"
            elif v < 0.8:
                fio = f"{lf} {ls}"
            elif v < 0.9:
                fio = f"{ls.upper()} {lf.upper()}"
            else:
                fio = f"{lf} {lp} {ls}".replace("  ", " ")
            if kind == "IP":
                iin_bin = p["iin"]
                org = (f'ИП "{ls.upper()} {lf[0]}."' if r.random() < 0.5
                       else f'IP "{r.choice(words)} {r.choice(words)}"')
            else:
                ym = f"{r.randint(3, 24):02d}{r.randint(1, 12):02d}"
                d11 = f"{ym}4{r.choice('0124')}{r.randrange(10**5):05d}"
                k = iin_check(d11)
                iin_bin = d11 + str(k if k is not None else 0)
                org = f'TOO "{r.choice(words)} {r.choice(words)} {r.choice(["Trade", "Group", "Invest", "Service", "Build"])}"'
            hi = p["iin"] if r.random() < 0.55 else None
            if hi and r.random() < 0.05:
                hi = iin_typo(hi, r)
            b = noisy_birth(p["birth"], r, 0.02)
            dob = fmt_date(b, r.choices(["ym", "my", "en_my", "iso"], weights=[60, 15, 15, 10])[0])
            if r.random() < 0.05:
                dob = None
            a = stale_addr(p, r, 0.4)
            rows.append({"reg_no": reg_no, "iin_bin": iin_bin, "org_name": org, "org_type": kind,
                         "head_fio": fio, "head_iin": hi, "head_dob": dob, "oked": r.choice(okeds),
                         "reg_date": dt.date(regy, r.randint(1, 12), r.randint(1, 28)).isoformat(),
                         "registrar": official(r, pop, "lat"), "address": lat_addr(a, r),
                         "status": r.choice(["active", "active", "active", "suspended", "liquidated"]),
                         "remark": r.choice(["", "", "", "re-registered", "address changed", "founder changed",
                                             "tax debt", "head also founder of another LLP"])})
            truth.append((name, reg_no, p["pid"]))
    r.shuffle(rows)
    df = pd.DataFrame(rows)
    path = os.path.join(out, name + ".parquet")
    df.to_parquet(path, index=False)
    return path, len(rows)


def f3_polyclinic(pop: Pop, r: random.Random, out: str, truth: list):
    """Polyclinic attachment register, ';' csv, one-letter/cryptic headers, child + representative (PRED_*)."""
    name = "rpn_prikreplenie"
    rows = []
    seq = 0
    diag = ["", "", "", "J06.9", "I10", "E11.9", "K29.7", "Z00.0", "M54.5", "J45.0", "D50.9"]
    prims = ["", "", "", "", "переведен из ГП №5", "прикреплен по заявлению", "выбыл", "д/учет", "инвалид 2 гр.",
             "прикреплен через egov", "смена участка", "адрес со слов"]
    for p in pop.people:
        if r.random() >= 0.9:
            continue
        for _dup in range(2 if r.random() < 0.05 else 1):
            seq += 1
            kart = f"{r.randint(1, 99):02d}{r.randint(1, 12):02d}-{seq:06d}"
            legacy = r.random() < 0.3
            sur = p["maiden"] if (legacy and p["maiden"]) else p["surname"]
            rus = r.random() < 0.6
            f = russify(sur) if rus else part_russify(sur, r, 0.3)
            i = russify(p["first"]) if rus else p["first"]
            o = patr_of(p, r)
            o = russify(o) if rus else o
            if r.random() < 0.05:
                f = typo(f, r)
            if r.random() < 0.04:
                i = typo(i, r)
            if r.random() < 0.08:
                o = ""
            if r.random() < 0.03 and i in SHORT:
                i = SHORT[i]
            if r.random() < 0.15:
                f, i, o = f.upper(), i.upper(), o.upper()
            b = noisy_birth(p["birth"], r, 0.04)
            dr = fmt_date(b, r.choices(["dmy", "dmy_nopad", "slash", "iso", "dmy2"], weights=[50, 15, 20, 10, 5])[0])
            iin = p["iin"] if r.random() < 0.8 else ""
            if iin and r.random() < 0.03:
                iin = iin_typo(iin, r)
            pol = ("М" if p["sex"] == "M" else "Ж") if r.random() < 0.7 else ("1" if p["sex"] == "M" else "2")
            a = stale_addr(p, r, 0.2)
            tel = "" if r.random() < 0.4 else ("+7" + p["phone"] if r.random() < 0.5 else "8" + p["phone"])
            pred = None
            if REF.year - p["birth"].year < 18 and r.random() < 0.85:
                mo = pop.by.get(p["mother"]) if p["mother"] else None
                fa = pop.by.get(p["father"]) if p["father"] else None
                pred = mo if (mo and (r.random() < 0.75 or not fa)) else fa
            pf = pi = prod = ""
            if pred is not None:
                prod = "мать" if pred["sex"] == "F" else "отец"
                pp = patr_of(pred, r)
                pf = f"{russify(pred['surname'])} {russify(pred['first'])} {russify(pp)}".strip()
                if r.random() < 0.2:
                    pf = f"{russify(pred['surname'])} {russify(pred['first'])[0]}." + (f"{russify(pp)[0]}." if pp else "")
                pi = pred["iin"] if r.random() < 0.7 else ""
            rows.append({"N_KART": kart, "F": f, "I": i, "O": o, "DR": dr, "POL": pol, "IIN": iin, "TEL": tel,
                         "ADR": ru_addr(a, r), "UCH": r.randint(1, 40), "VRACH": official(r, pop, "ru"),
                         "PRED_FIO": pf, "PRED_IIN": pi, "PRED_ROD": prod,
                         "DATA_PRIK": fmt_date(rand_date(r, 2012, 2024), "dmy"), "DS": r.choice(diag),
                         "PRIM": r.choice(prims)})
            truth.append((name, kart, p["pid"]))
            if pred is not None:
                truth.append((name, f"{kart}#2", pred["pid"]))
    r.shuffle(rows)
    path = os.path.join(out, name + ".csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()), delimiter=";")
        w.writeheader()
        w.writerows(rows)
    return path, len(rows)


def f4_benefits(pop: Pop, r: random.Random, out: str, truth: list):
    """Targeted social assistance applications (АӘК), nested JSON in Kazakh, applicant + spouse."""
    name = "aek_otinish"
    fams = {}
    for p in pop.people:
        if p["sex"] == "F" and p["spouse"] is None and p["mother"] is None and REF.year - p["birth"].year < 60:
            pass
        if p["mother"] and REF.year - p["birth"].year < 16:
            fams.setdefault(p["mother"], []).append(p)
    recs = []
    seq = 0
    decisions = ["тағайындалды", "тағайындалды", "бас тартылды", "қайта қарауға", "тағайындалды"]
    remarks = ["", "", "", "көп балалы отбасы", "мекенжайы өзгерді", "жұмыссыз", "анықтама толық емес",
               "Жұбайы жұмыс істейді", "бала күтімі бойынша демалыста"]
    for mid, kids in fams.items():
        mo = pop.by[mid]
        if r.random() >= 0.6:
            continue
        fa = pop.by.get(mo["spouse"]) if mo["spouse"] else None
        years = sorted(r.sample([2020, 2021, 2022, 2023, 2024], r.choices([1, 2, 3], weights=[50, 35, 15])[0]))
        for y in years:
            seq += 1
            appl, sp = (mo, fa) if (r.random() < 0.75 or fa is None) else (fa, mo)
            no = f"АӘК-{y}-{seq:06d}"
            sur = surname_at(appl, y)
            if r.random() < 0.04:
                sur = typo(sur, r)
            first = appl["first"] if r.random() > 0.03 else typo(appl["first"], r)
            rz = r.random() < 0.15
            b = noisy_birth(appl["birth"], r, 0.03)
            a = addr_at(appl, y)
            st = r.choices(["kz1", "dmy", "kz2"], weights=[50, 30, 20])[0]
            ap = {"тегі": russify(sur) if rz else sur, "аты": russify(first) if rz else first,
                  "әкесінің_аты": patr_of(appl, r) or None,
                  "бұрынғы_тегі": appl["maiden"] if (appl["maiden"] and sur != appl["maiden"] and r.random() < 0.8) else None,
                  "туған_күні": fmt_date(b, st),
                  "жынысы": "әйел" if appl["sex"] == "F" else "ер",
                  "ЖСН": appl["iin"] if r.random() < 0.97 else None,
                  "телефон": "+7 " + appl["phone"] if r.random() < 0.7 else None}
            if ap["ЖСН"] and r.random() < 0.03:
                ap["ЖСН"] = iin_typo(ap["ЖСН"], r)
            rec = {"өтініш_нөмірі": no, "берілген_күні": dt.date(y, r.randint(1, 12), r.randint(1, 28)).isoformat(),
                   "өтініш_беруші": ap}
            if sp is not None and r.random() < 0.9:
                sfirst = sp["first"]
                if r.random() < 0.05 and sfirst in SHORT:
                    sfirst = SHORT[sfirst]
                spatr = patr_of(sp, r)
                ssur = surname_at(sp, y)
                full = f"{ssur} {sfirst} {spatr}".strip() if r.random() < 0.8 else f"{sfirst} {ssur}"
                rec["жұбайы"] = {"аты_жөні": full,
                                 "ЖСН": sp["iin"] if r.random() < 0.7 else None,
                                 "туған_күні": fmt_date(noisy_birth(sp["birth"], r, 0.03), st) if r.random() < 0.8 else None}
                truth.append((name, f"{no}#2", sp["pid"]))
            else:
                rec["жұбайы"] = None
            rec["мекенжайы"] = {"елді_мекен": a["town"][0], "көше": a["street"][0] + " көшесі",
                                "үй": str(a["house"]), "пәтер": str(a["flat"]) if a["flat"] else None}
            rec["отбасы"] = {"мүшелер_саны": 2 + len(kids) + (0 if fa else -1), "балалар_саны": len(kids),
                             "орташа_табыс": r.randrange(20000, 90000, 500)}
            rec["маман"] = {"аты_жөні": official(r, pop, "kz"), "лауазымы": r.choice(["бас маман", "жетекші маман", "инспектор"])}
            rec["шешім"] = r.choice(decisions)
            rec["ескертпе"] = r.choice(remarks)
            recs.append(rec)
            truth.append((name, no, appl["pid"]))
    r.shuffle(recs)
    path = os.path.join(out, name + ".json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(recs, fh, ensure_ascii=False, indent=1)
    return path, len(recs)


def f5_voters(pop: Pop, r: random.Random, out: str, truth: list):
    """Voter list (сайлаушылар тізімі) workbook: 'ТЕГІ Аты Әкесінің аты', year or date of birth, no IIN."""
    name = "sailau_tizimi"
    rows = []
    seq = 0
    notes = ["", "", "", "", "", "уақытша тұрады", "мекенжайы ауысты", "үйде дауыс береді", "қосымша тізім",
             "сырқат", "шетелде"]
    for p in pop.people:
        if REF.year - p["birth"].year < 18 or r.random() >= 0.85:
            continue
        addrs = [stale_addr(p, r, 0.1)]
        if p["old_addr"] is not None and r.random() < 0.08:
            addrs = [p["old_addr"], p["addr"]]  # on both the old and the new station's list
        for a in addrs:
            seq += 1
            code = f"{r.randint(100, 999)}-{seq:05d}"
            sur = p["surname"] if not (p["maiden"] and r.random() < 0.05) else p["maiden"]
            first = p["first"]
            patr = patr_of(p, r, 0.1)
            if r.random() < 0.04:
                sur = typo(sur, r)
            if r.random() < 0.03:
                first = typo(first, r)
            if r.random() < 0.1:
                sur, first, patr = part_russify(sur, r, 0.7), part_russify(first, r, 0.7), part_russify(patr, r, 0.7)
            if r.random() < 0.03:
                fio = f"{first} {sur.upper()}"
            else:
                fio = f"{sur.upper()} {first} {patr}".strip()
            b = noisy_birth(p["birth"], r, 0.03)
            bd = fmt_date(b, r.choices(["dmy", "year", "ru"], weights=[70, 20, 10])[0])
            note = r.choice(notes)
            if r.random() < 0.03 and p["spouse"]:
                sp = pop.by[p["spouse"]]
                note = f"Жұбайы {sp['surname']} {sp['first'][0]}. бірге тұрады"
            rows.append([code, f"№{r.randint(1, 600)}", fio, bd, kz_addr_short(a), note,
                         official(r, pop, "kz")])
            truth.append((name, code, p["pid"]))
    rows.sort(key=lambda x: (x[4], x[2]))
    header = ["Жол_коды", "УСК", "Тегі, аты, әкесінің аты", "Туған жылы (күні)", "Мекенжайы", "Ескерту", "Тексерген"]
    wb, ws = write_xlsx(None, ["САЙЛАУШЫЛАР ТІЗІМІ", "(учаскелік сайлау комиссияларының жиынтық тізімі)", ""],
                        header, rows)
    ws.append([])
    ws.append([f"Барлығы: {len(rows)}"])
    path = os.path.join(out, name + ".xlsx")
    wb.save(path)
    return path, len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=111)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    pop = Pop(random.Random(a.seed), a.persons)
    truth: list = []
    for i, fn in enumerate([f1_vehicles, f2_business, f3_polyclinic, f4_benefits, f5_voters]):
        path, n = fn(pop, random.Random(a.seed * 100 + i + 1), a.out, truth)
        nt = sum(1 for t in truth if t[0] == os.path.splitext(os.path.basename(path))[0])
        print(f"{os.path.basename(path)}: {n} rows, {nt} person records")
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "record_id", "person_id"])
        w.writerows(truth)
    persons = [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in p.items()
                if k in ("pid", "sex", "ethnic", "first", "surname", "maiden", "birth", "iin", "hh", "twin")}
               for p in pop.people]
    pd.DataFrame(persons).to_csv(os.path.join(a.out, "persons.csv"), index=False)
    print(f"truth records {len(truth)}, persons {len({t[2] for t in truth})}")


if __name__ == "__main__":
    main()
