#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A tenth linkage writer's generator, written apart from the project (from the linkage issue's text, the README's
# linkage part and `ukimet link --help` alone) in stop 41, and kept as its writer wrote it: not linted here. Its
# extracts are HELD: never tune linkage on them (first runs: seeds 101, 103; stop 41's closing note).
"""Held-out record-linkage test data (tenth writer).

make.py --seed N --out DIR [--persons 5000]

Writes five agency extracts plus truth.csv (file,record_id,person_id) into DIR.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random

# ----------------------------------------------------------------------------- names
KZ_M = ("Нұрлан Ерлан Серік Бауыржан Асхат Дәурен Ержан Қайрат Мұрат Талғат Арман Марат Айдос Дархан Ерболат "
        "Жандос Нұрсұлтан Әлихан Санжар Бекзат Ерасыл Алмас Ғалым Қуаныш Ақылбек Бақытжан Болат Ермек Жасұлан "
        "Мейірхан Нұржан Өмірзақ Рүстем Самат Темірлан Үмбет Азамат Аслан Диас Ислам Әмір Айбек Ринат Тимур "
        "Ерқанат Мақсат Ильяс Олжас Шыңғыс Әділет Қанат Берік Мырзахмет Жеңіс Төлеген").split()
KZ_F = ("Айгүл Гүлнар Динара Әсел Жанар Сәуле Айжан Ақбота Аружан Назерке Перизат Мөлдір Гүлмира Ботагөз Жұлдыз "
        "Айнұр Салтанат Ләззат Шынар Еркежан Томирис Айсұлу Дана Інжу Меруерт Раушан Күләш Бибігүл Анар Алия "
        "Гаухар Камила Мадина Зарина Әсем Әйгерім Балжан Індира Ұлжан Нұрсұлу Қарлығаш Гүлжан Сандуғаш").split()
KZ_SUR = ("Ахмет Сейтқали Жұмабай Нұрпейіс Оспан Ермек Әбен Сәрсенбай Тоқтар Қасым Бекмұхамбет Искак Құдайберген "
          "Мұқан Байжан Омар Әли Төлеу Жақып Сұлтан Есен Қали Мамыр Серікбай Дүйсен Шәріп Байтұрсын Өтебай Ғабдулла "
          "Рахымжан Ибрай Кенжебай Смағұл Тұрсын Айтжан Бектұр Қожахмет Исабек Ержан Үсен Жолдас Әбдірахман "
          "Нұрғали Сағындық Бейсен Тәжібай Иманғали Мусин Жүсіп Абдрахман Бөкей Дәулет Есім Жанұзақ Зейнолла Иса "
          "Қарабай Кәрім Мақаш Нұртаза Оразбай Рысқұл Сейіт Тілеу Уәли Хасен Шалқар Ыбырай Әмірхан Бекен Байбол "
          "Дәуітбай Елубай Жарылқап Қонысбай Көшербай Мырзабек Наурызбай Орынбай Сапар Тұяқбай Шаймерден "
          "Аманжол Бисен Ғазиз Досмағамбет Емберген Жексенбай Қуанышбай").split()
RU_M = ("Александр Сергей Андрей Дмитрий Алексей Владимир Евгений Николай Игорь Михаил Виктор Павел Максим Иван "
        "Юрий Олег Артём Денис Роман Константин Вадим Геннадий Станислав Антон Илья").split()
RU_F = ("Елена Ольга Наталья Татьяна Ирина Светлана Анна Екатерина Юлия Марина Людмила Галина Мария Оксана "
        "Виктория Алёна Дарья Ксения Валентина Надежда Анастасия Полина").split()
RU_SUR = ("Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Федоров Морозов Волков Алексеев "
          "Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев "
          "Соловьев Борисов Яковлев Григорьев Романов Воробьев Сергеев Ковалев Белов Тарасов Гончаров Литвинов "
          "Ким Шевченко Бондаренко Ткаченко Коваленко Ли Цой Пак Шмидт Миллер Ковальский Юсупов Рахимов "
          "Медведев Киселев Фролов Антонов Жуков Баранов Калинин Полищук Савченко Мельник Дорошенко Вебер "
          "Шульц Герасимов Фомин Данилов Кравченко Богданов Осипов Сидоров Комаров Руденко").split()
RU_PATR = {"Илья": ("Ильич", "Ильинична"), "Михаил": ("Михайлович", "Михайловна"), "Павел": ("Павлович", "Павловна"),
           "Юрий": ("Юрьевич", "Юрьевна"), "Лев": ("Львович", "Львовна"),
           "Евгений": ("Евгеньевич", "Евгеньевна"), "Геннадий": ("Геннадьевич", "Геннадьевна"),
           "Василий": ("Васильевич", "Васильевна"), "Артём": ("Артёмович", "Артёмовна")}


def zipf_pick(rng: random.Random, items: list[str], s: float = 1.05) -> str:
    key = (id(items), s)
    w = _ZW.get(key)
    if w is None:
        w = [1.0 / (i + 1) ** s for i in range(len(items))]
        _ZW[key] = w
    return rng.choices(items, weights=w)[0]


_ZW: dict = {}


def kz_surname(root: str, female: bool, bare: bool) -> str:
    if bare:
        return root
    if root.endswith("ин"):
        return root + ("а" if female else "")
    if root.endswith("й"):
        return root[:-1] + ("ева" if female else "ев")
    if root[-1] in "аеиыіуұүжшщцчх":
        return root + ("ева" if female else "ев")
    return root + ("ова" if female else "ов")


def fem_surname(s: str) -> str:
    if s.endswith(("ов", "ев", "ин", "ёв")):
        return s + "а"
    if s.endswith("ский"):
        return s[:-4] + "ская"
    return s


def male_surname(s: str) -> str:
    if s.endswith(("ова", "ева", "ина")):
        return s[:-1]
    if s.endswith("ская"):
        return s[:-4] + "ский"
    return s


def patronymic(father_first: str, female: bool, style: str) -> str:
    if style == "uly":
        return father_first + ("қызы" if female else "ұлы")
    if father_first in RU_PATR:
        return RU_PATR[father_first][1 if female else 0]
    f = father_first
    if f.endswith("й"):
        return f[:-1] + ("евна" if female else "евич")
    if f.endswith("ь"):
        return f[:-1] + ("евна" if female else "евич")
    if f.endswith("а"):
        return f[:-1] + ("ична" if female else "ич")
    return f + ("овна" if female else "ович")


# ----------------------------------------------------------------------------- transliteration
LAT21 = {"а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
         "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
         "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
         "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
         "ю": "iu", "я": "ia"}
LATOLD = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
          "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
          "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
          "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
          "ю": "yu", "я": "ya"}
LOOKALIKE = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "і": "и", "һ": "х",
             "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "І": "И", "Һ": "Х"}


def translit(s: str, table: dict) -> str:
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in table:
            t = table[lo]
            out.append(t[:1].upper() + t[1:] if ch != lo and t else t)
        else:
            out.append(ch)
    return "".join(out)


def lookalike(s: str, rng: random.Random, homoglyph: bool = False) -> str:
    out = []
    for ch in s:
        if ch in "іІ" and homoglyph and rng.random() < 0.5:
            out.append("i" if ch == "і" else "I")  # Latin i typed for Kazakh і
        else:
            out.append(LOOKALIKE.get(ch, ch))
    return "".join(out)


CYR = "абвгдежзийклмнопрстуфхцчшыэюя"


def typo(s: str, rng: random.Random) -> str:
    if len(s) < 3:
        return s
    i = rng.randrange(1, len(s))
    op = rng.random()
    lat = not any("а" <= c.lower() <= "я" or c.lower() in "әғқңөұүіһё" for c in s)
    alph = "abcdefghijklmnoprstuvyz" if lat else CYR
    if op < 0.3:
        c = rng.choice(alph)
        c = c.upper() if s[i].isupper() else c
        return s[:i] + c + s[i + 1:]
    if op < 0.55:
        return s[:i] + s[i + 1:]
    if op < 0.75:
        return s[:i] + s[i] + s[i:]
    if i < len(s) - 1:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:-1]


# ----------------------------------------------------------------------------- IIN
W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def check_digit(d11: str) -> int | None:
    d = [int(c) for c in d11]
    s = sum(a * b for a, b in zip(d, W1)) % 11
    if s == 10:
        s = sum(a * b for a, b in zip(d, W2)) % 11
        if s == 10:
            return None
    return s


def iin_valid(iin: str) -> bool:
    if len(iin) != 12 or not iin.isdigit():
        return False
    c = check_digit(iin[:11])
    return c is not None and c == int(iin[11])


def make_iin(dob: dt.date, female: bool, rng: random.Random, used: set) -> str:
    cent = (5 if dob.year >= 2000 else 3) + (1 if female else 0)
    while True:
        d11 = dob.strftime("%y%m%d") + str(cent) + f"{rng.randrange(10000):04d}"
        c = check_digit(d11)
        if c is None:
            continue
        iin = d11 + str(c)
        if iin not in used:
            used.add(iin)
            return iin


def iin_typo_valid(iin: str, rng: random.Random) -> str:
    """One digit changed, still passing the check digit (a clerk who 'fixed' it)."""
    for _ in range(500):
        pos = rng.randrange(7, 11) if rng.random() < 0.7 else rng.randrange(0, 11)
        d = str(rng.randrange(10))
        if d == iin[pos]:
            continue
        cand = iin[:pos] + d + iin[pos + 1:11] + iin[11]
        if iin_valid(cand):
            return cand
    return iin


# ----------------------------------------------------------------------------- addresses
CITIES = [("Алматы", "Алматы", "ALMATY"), ("Астана", "Астана", "ASTANA"), ("Шымкент", "Шымкент", "SHYMKENT"),
          ("Қарағанды", "Караганда", "KARAGANDA"), ("Ақтөбе", "Актобе", "AKTOBE"), ("Павлодар", "Павлодар", "PAVLODAR"),
          ("Өскемен", "Усть-Каменогорск", "UST-KAMENOGORSK"), ("Тараз", "Тараз", "TARAZ"),
          ("Қостанай", "Костанай", "KOSTANAY"), ("Семей", "Семей", "SEMEY")]
CITY_W = [30, 22, 14, 8, 6, 5, 5, 4, 3, 3]
STREETS = [("Абай", "Абая", "даңғылы", "пр."), ("Сәтбаев", "Сатпаева", "көшесі", "ул."),
           ("Төле би", "Толе би", "көшесі", "ул."), ("Жамбыл", "Жамбыла", "көшесі", "ул."),
           ("Қабанбай батыр", "Кабанбай батыра", "көшесі", "ул."), ("Гагарин", "Гагарина", "көшесі", "ул."),
           ("Пушкин", "Пушкина", "көшесі", "ул."), ("Достық", "Достык", "даңғылы", "пр."),
           ("Мұқанов", "Муканова", "көшесі", "ул."), ("Байтұрсынұлы", "Байтурсынулы", "көшесі", "ул."),
           ("Әуезов", "Ауэзова", "көшесі", "ул."), ("Торайғыров", "Торайгырова", "көшесі", "ул."),
           ("Желтоқсан", "Желтоксан", "көшесі", "ул."), ("Республика", "Республики", "даңғылы", "пр."),
           ("Бұқар жырау", "Бухар жырау", "даңғылы", "пр."), ("Шевченко", "Шевченко", "көшесі", "ул."),
           ("Момышұлы", "Момышулы", "көшесі", "ул."), ("Наурызбай батыр", "Наурызбай батыра", "көшесі", "ул.")]


def new_address(rng: random.Random) -> dict:
    ci = rng.choices(range(len(CITIES)), weights=CITY_W)[0]
    st = rng.choice(STREETS)
    flat = rng.random() < 0.75
    return {"city": CITIES[ci], "street": st, "house": str(rng.randint(1, 240)) + (rng.choice("АБВ") if rng.random() < 0.05 else ""),
            "apt": str(rng.randint(1, 180)) if flat else ""}


def addr_ru(a: dict) -> str:
    s = f"г. {a['city'][1]}, {a['street'][3]} {a['street'][1]}, д. {a['house']}"
    return s + (f", кв. {a['apt']}" if a["apt"] else "")


def addr_kz(a: dict) -> str:
    s = f"{a['city'][0]} қ., {a['street'][0]} {a['street'][2]}, {a['house']} үй"
    return s + (f", {a['apt']} пәтер" if a["apt"] else "")


def addr_lat(a: dict) -> str:
    typ = "ave." if a["street"][3] == "пр." else "str."
    s = f"{translit(a['street'][0], LATOLD)} {typ} {a['house']}" + (f"-{a['apt']}" if a["apt"] else "")
    return s


def addr_mf(a: dict) -> str:
    s = f"{a['city'][1].upper()} {a['street'][3].upper().rstrip('.')} {a['street'][1].upper()} {a['house']}"
    return s + (f"-{a['apt']}" if a["apt"] else "")


# ----------------------------------------------------------------------------- population
REF = dt.date(2025, 1, 1)


def rand_date(rng: random.Random, y0: int, y1: int) -> dt.date:
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 28).toordinal()
    return dt.date.fromordinal(rng.randint(a, b))


def age(p: dict, on: dt.date = REF) -> int:
    d = p["dob"]
    return on.year - d.year - ((on.month, on.day) < (d.month, d.day))


def build_population(n: int, rng: random.Random) -> list[dict]:
    persons: list[dict] = []
    used: set = set()
    hh_id = 0

    def person(sur, first, patr, female, dob, eth, hh, role, addr, old, maiden=None, marriage=None):
        p = {"pid": f"P{len(persons) + 1:05d}", "sur": sur, "first": first, "patr": patr, "female": female,
             "dob": dob, "iin": make_iin(dob, female, rng, used), "eth": eth, "hh": hh, "role": role,
             "addr": addr, "old_addr": old, "maiden": maiden, "marriage": marriage, "spouse": None,
             "mother": None, "father": None,
             "phone": "7" + rng.choice(["701", "702", "705", "707", "747", "771", "775", "777", "778"]) + f"{rng.randrange(10**7):07d}"}
        persons.append(p)
        return p

    def names(eth):
        if eth == "kz":
            return KZ_M, KZ_F
        return RU_M, RU_F

    def family_surname(eth):
        if eth == "kz":
            root = zipf_pick(rng, KZ_SUR, 0.75)
            bare = rng.random() < 0.08
            return (lambda fem: kz_surname(root, fem, bare)), bare
        s = zipf_pick(rng, RU_SUR, 0.75)
        return (lambda fem: fem_surname(s) if fem else s), False

    while len(persons) < n:
        hh_id += 1
        eth = "kz" if rng.random() < 0.7 else "ru"
        addr = new_address(rng)
        old = new_address(rng) if rng.random() < 0.2 else None
        kind = rng.random()
        Ms, Fs = names(eth)
        sur_f, bare = family_surname(eth)
        pstyle = ("uly" if bare or rng.random() < 0.25 else "ovich") if eth == "kz" else "ovich"
        if kind < 0.78:  # couple
            hdob = rand_date(rng, 1950, 1998)
            wdob = hdob + dt.timedelta(days=int(rng.gauss(2.5, 3) * 365))
            wdob = min(wdob, dt.date(2000, 6, 1))
            weth = eth if rng.random() < 0.93 else ("ru" if eth == "kz" else "kz")
            wMs, wFs = names(weth)
            wsur_f, wbare = family_surname(weth)
            grand = zipf_pick(rng, Ms)
            hfirst = zipf_pick(rng, Ms)
            h = person(sur_f(False), hfirst, patronymic(grand, False, pstyle), False, hdob, eth, hh_id, "husband", addr, old)
            maiden = wsur_f(True)
            took = rng.random() < 0.8
            wpstyle = ("uly" if wbare or rng.random() < 0.25 else "ovich") if weth == "kz" else "ovich"
            mdate = wdob + dt.timedelta(days=rng.randint(19 * 365, 30 * 365))
            if mdate > dt.date(2024, 10, 1):
                mdate = dt.date(2024, rng.randint(1, 9), rng.randint(1, 28))
            if mdate < max(hdob, wdob) + dt.timedelta(days=18 * 366):
                mdate = max(hdob, wdob) + dt.timedelta(days=18 * 366 + rng.randint(0, 900))
            w = person(fem_surname(h["sur"]) if took and not bare else (h["sur"] if took else maiden),
                       zipf_pick(rng, wFs), patronymic(zipf_pick(rng, wMs), True, wpstyle), True, wdob, weth,
                       hh_id, "wife", addr, old, maiden=maiden if took else None, marriage=mdate)
            h["marriage"] = mdate
            h["spouse"], w["spouse"] = w["pid"], h["pid"]
            nk = rng.choices([0, 1, 2, 3, 4, 5], weights=[15, 20, 30, 20, 10, 5] if eth == "kz" else [20, 35, 35, 8, 2, 0])[0]
            start = mdate + dt.timedelta(days=280)
            end = min(REF - dt.timedelta(days=30), wdob + dt.timedelta(days=44 * 365))
            births = sorted(rand_date(rng, start.year, end.year) for _ in range(nk)) if start < end else []
            births = [b for b in births if start <= b <= end]
            prev_first: set = set()
            for b in births:
                twins = 2 if rng.random() < 0.02 else 1
                for _ in range(twins):
                    fem = rng.random() < 0.49
                    pool = Fs if fem else Ms
                    first = zipf_pick(rng, pool)
                    while first in prev_first:
                        first = rng.choice(pool)
                    prev_first.add(first)
                    csur = sur_f(fem) if not bare else h["sur"]
                    c = person(csur, first, patronymic(hfirst, fem, pstyle), fem, b, eth, hh_id, "child", addr, old)
                    c["mother"], c["father"] = w["pid"], h["pid"]
        else:  # single adult, maybe with children
            fem = rng.random() < 0.6
            d = rand_date(rng, 1945, 2002)
            pool = Fs if fem else Ms
            a = person(sur_f(fem), zipf_pick(rng, pool), patronymic(zipf_pick(rng, Ms), fem, pstyle), fem, d, eth,
                       hh_id, "single", addr, old)
            if fem and rng.random() < 0.5 and d.year < 1998:
                for _ in range(rng.choice([1, 1, 2, 3])):
                    b = rand_date(rng, d.year + 20, min(2023, d.year + 40))
                    cf = rng.random() < 0.5
                    c = person(sur_f(cf), zipf_pick(rng, Fs if cf else Ms),
                               patronymic(zipf_pick(rng, Ms), cf, pstyle), cf, b, eth, hh_id, "child", addr, old)
                    c["mother"] = a["pid"]
    return persons[:n]


# ----------------------------------------------------------------------------- faults
def bad_date(d: dt.date, rng: random.Random) -> dt.date:
    r = rng.random()
    try:
        if r < 0.3:
            return d + dt.timedelta(days=rng.choice([-1, 1, 10, -10]))
        if r < 0.55 and d.day <= 12 and d.day != d.month:
            return d.replace(month=d.day, day=d.month)
        if r < 0.8:
            return d.replace(year=d.year + rng.choice([-1, 1]))
        return d.replace(year=d.year + rng.choice([-10, 10]))
    except ValueError:
        return d + dt.timedelta(days=1)


class Noise:
    def __init__(self, rng, typo_p=0.03, date_p=0.02, iin_missing=0.0, iin_typo=0.03, look_p=0.0):
        self.rng, self.typo_p, self.date_p = rng, typo_p, date_p
        self.iin_missing, self.iin_typo, self.look_p = iin_missing, iin_typo, look_p

    def name(self, s: str | None) -> str:
        if not s:
            return ""
        if self.rng.random() < self.typo_p:
            s = typo(s, self.rng)
        return s

    def dob(self, d: dt.date) -> dt.date:
        return bad_date(d, self.rng) if self.rng.random() < self.date_p else d

    def iin(self, iin: str) -> str:
        r = self.rng.random()
        if r < self.iin_missing:
            return ""
        if self.rng.random() < self.iin_typo:
            return iin_typo_valid(iin, self.rng)
        return iin


def surname_seen(p: dict, rng: random.Random, maiden_p: float) -> str:
    if p.get("maiden") and rng.random() < maiden_p:
        return p["maiden"]
    return p["sur"]


def addr_seen(p: dict, rng: random.Random, old_p: float) -> dict:
    if p["old_addr"] and rng.random() < old_p:
        return p["old_addr"]
    return p["addr"]


def phone_fmt(ph: str, style: int) -> str:
    if style == 0:
        return f"+7 ({ph[1:4]}) {ph[4:7]}-{ph[7:9]}-{ph[9:]}"
    if style == 1:
        return "8" + ph[1:]
    return ph


STAFF = ["Ахметова Г.С.", "Жумабаева А.К.", "Иванова Н.П.", "Сейткали Д.Б.", "Ким О.В.", "Нурпеисова Л.Т.",
         "Оспанова Р.М.", "Петрова Е.А.", "Бекова Ж.Е.", "Каримова С.Н."]


# ----------------------------------------------------------------------------- files
def write_dwh(persons, rng, out, truth):
    """Data-warehouse Parquet: snake_case English, real date types, Latin names (2021 alphabet or old style)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    nz = Noise(rng, typo_p=0.03, date_p=0.02, iin_missing=0.35, iin_typo=0.03)
    rows = []
    for p in persons:
        if rng.random() > 0.40:
            continue
        for k in range(2 if rng.random() < 0.03 else 1):
            rows.append(p)
    rng.shuffle(rows)
    cols = {k: [] for k in ["person_sk", "src_system", "last_name", "first_name", "middle_name", "birth_date",
                            "iin", "gender_code", "city_name", "address_line", "mobile_phone", "valid_from",
                            "etl_batch_id", "last_txn_amount", "last_txn_date"]}
    sk = rng.randint(400000, 900000)
    for p in rows:
        sk += rng.randint(1, 37)
        tab = LAT21 if rng.random() < 0.55 else LATOLD
        sur = surname_seen(p, rng, 0.10)
        ln, fn, mn = (translit(x, tab) if x else "" for x in (sur, p["first"], p["patr"]))
        ln, fn = nz.name(ln), nz.name(fn)
        if rng.random() < 0.15:
            mn = None
        if rng.random() < 0.08:
            ln, fn = ln.upper(), fn.upper()
        a = addr_seen(p, rng, 0.3)
        cols["person_sk"].append(sk)
        cols["src_system"].append(rng.choice(["EGOV_GBDFL", "ENBEK", "EHDP", "MSB_CRM"]))
        cols["last_name"].append(ln)
        cols["first_name"].append(fn)
        cols["middle_name"].append(mn)
        cols["birth_date"].append(nz.dob(p["dob"]))
        cols["iin"].append(nz.iin(p["iin"]) or None)
        cols["gender_code"].append("F" if p["female"] else "M")
        cols["city_name"].append(a["city"][2].title())
        cols["address_line"].append(addr_lat(a))
        cols["mobile_phone"].append(p["phone"] if age(p) >= 16 and rng.random() < 0.7 else None)
        cols["valid_from"].append(dt.datetime(2019, 1, 1) + dt.timedelta(seconds=rng.randrange(180_000_000)))
        cols["etl_batch_id"].append(rng.randint(1000, 1400))
        cols["last_txn_amount"].append(round(rng.uniform(500, 250000), 2) if rng.random() < 0.6 else None)
        cols["last_txn_date"].append(rand_date(rng, 2022, 2024) if rng.random() < 0.6 else None)
        truth.append(("dwh_persons.parquet", str(sk), p["pid"]))
    schema = pa.schema([("person_sk", pa.int64()), ("src_system", pa.string()), ("last_name", pa.string()),
                        ("first_name", pa.string()), ("middle_name", pa.string()), ("birth_date", pa.date32()),
                        ("iin", pa.string()), ("gender_code", pa.string()), ("city_name", pa.string()),
                        ("address_line", pa.string()), ("mobile_phone", pa.string()),
                        ("valid_from", pa.timestamp("us")), ("etl_batch_id", pa.int32()),
                        ("last_txn_amount", pa.float64()), ("last_txn_date", pa.date32())])
    pq.write_table(pa.table(cols, schema=schema), os.path.join(out, "dwh_persons.parquet"))
    return len(rows)


def write_marriage(persons, rng, out, truth):
    """Civil-registry (ЗАГС) marriage acts: groom and bride per row, bride's surname before and after."""
    by = {p["pid"]: p for p in persons}
    nz = Noise(rng, typo_p=0.03, date_p=0.02, iin_missing=0.0, iin_typo=0.02, look_p=0.0)
    hdr = ["Номер актовой записи", "Дата регистрации", "Орган РАГС", "Жених фамилия", "Жених имя", "Жених отчество",
           "Жених дата рождения", "Жених ИИН", "Невеста фамилия до брака", "Невеста фамилия после брака",
           "Невеста имя", "Невеста отчество", "Невеста дата рождения", "Невеста ИИН", "Регистратор",
           "Госпошлина, тг"]
    couples = [p for p in persons if p["role"] == "husband" and p["spouse"] and rng.random() < 0.6]
    acts = []
    for h in couples:
        acts.append(h)
        if rng.random() < 0.025:
            acts.append(h)  # act entered twice (re-registration / duplicate card)
    rng.shuffle(acts)
    rows = []
    n = 0
    for h in acts:
        w = by[h["spouse"]]
        n += 1
        md = h["marriage"]
        act = f"{md.year}-{rng.randint(1, 9):01d}{n:05d}"
        pre_iin = md.year < 1999  # acts before IINs existed
        look = rng.random() < 0.3

        def nm(s):
            s = nz.name(s)
            return lookalike(s, rng) if look else s

        def iin_of(p):
            if pre_iin and rng.random() < 0.85:
                return ""
            return nz.iin(p["iin"]) if rng.random() > 0.12 else ""

        def d(p):
            return nz.dob(p["dob"]).strftime("%d/%m/%Y")

        after = w["sur"] if True else ""
        rows.append([act, md.strftime("%d/%m/%Y"), rng.choice(["ОРАГС г. Алматы", "Отдел РАГС Есильского р-на",
                     "ЦОН №3", "ОРАГС Алмалинского р-на", "Отдел ЗАГС г. Караганды"]),
                     nm(h["sur"]), nm(h["first"]), nm(h["patr"]), d(h), iin_of(h),
                     nm(w["maiden"] or w["sur"]), nm(after), nm(w["first"]),
                     nm(w["patr"]) if rng.random() > 0.05 else "", d(w), iin_of(w),
                     rng.choice(STAFF), rng.choice(["2 769", "3 460", "0"])])
        truth.append(("marriage_acts.csv", act, h["pid"]))
        truth.append(("marriage_acts.csv", act + "#2", w["pid"]))
    with open(os.path.join(out, "marriage_acts.csv"), "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(hdr)
        wr.writerows(rows)
    return 2 * len(rows)


def write_housing(persons, rng, out, truth):
    """Housing-queue workbook: title rows, one cell 'Surname First Patronymic, dd.mm.yyyy', total row."""
    import openpyxl
    nz = Noise(rng, typo_p=0.03, date_p=0.02, iin_missing=0.4, iin_typo=0.03)
    cands = [p for p in persons if 20 <= age(p) <= 62 and (p["role"] in ("husband", "single") or
             (p["role"] == "wife" and rng.random() < 0.25) or (p["role"] == "child" and rng.random() < 0.3))]
    pick = [p for p in cands if rng.random() < 0.55]
    rows = []
    for p in pick:
        rows.append(p)
        if rng.random() < 0.03:
            rows.append(p)
    rng.shuffle(rows)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Очередь"
    ws.append(["Список граждан, состоящих на учете нуждающихся в жилище из государственного жилищного фонда"])
    ws.append(["по состоянию на 01.01.2025 г."])
    ws.append([])
    ws.append(["№ п/п", "Номер в очереди", "Заявитель (Ф.И.О., дата рождения)", "ИИН заявителя", "Категория",
               "Состав семьи, чел.", "Дата постановки на учет", "Адрес регистрации", "Контактный телефон",
               "Ответственный специалист"])
    cats = ["многодетная семья", "лица с инвалидностью", "неполная семья", "государственные служащие",
            "работники бюджетных организаций", "социально уязвимые слои", "молодые семьи"]
    qn = 0
    hh_n: dict = {}
    for q in persons:
        hh_n[q["hh"]] = hh_n.get(q["hh"], 0) + 1
    for i, p in enumerate(rows, 1):
        qn += rng.randint(1, 9)
        qid = f"ЖО-{rng.choice([2012, 2015, 2018, 2020, 2022])}-{qn:05d}"
        look = rng.random() < 0.35
        sur, fi, pa_ = nz.name(surname_seen(p, rng, 0.05)), nz.name(p["first"]), p["patr"]
        full = f"{sur} {fi}" + (f" {pa_}" if pa_ and rng.random() > 0.04 else "")
        if look:
            full = lookalike(full, rng, homoglyph=True)
        d = nz.dob(p["dob"]).strftime("%d.%m.%Y")
        r = rng.random()
        if r < 0.82:
            cell = f"{full}, {d}"
        elif r < 0.92:
            cell = f"{full} ({d} г.р.)"
        else:
            cell = f"{full} {d}"
        if rng.random() < 0.05:
            cell = cell.upper()
        iin = nz.iin(p["iin"])
        a = addr_seen(p, rng, 0.5)
        hhsize = hh_n[p["hh"]] if p["role"] != "child" else rng.randint(1, 4)
        ws.append([i, qid, cell, iin or None, rng.choice(cats), hhsize,
                   rand_date(rng, 2008, 2024).strftime("%d.%m.%Y"),
                   addr_ru(a) if rng.random() < 0.7 else addr_kz(a),
                   phone_fmt(p["phone"], rng.randrange(3)) if rng.random() < 0.8 else None, rng.choice(STAFF)])
        truth.append(("housing_queue.xlsx", qid, p["pid"]))
    ws.append([])
    ws.append([None, None, f"Итого: {len(rows)}"])
    ws.column_dimensions["C"].width = 52
    wb.save(os.path.join(out, "housing_queue.xlsx"))
    return len(rows)


def write_vaccination(persons, rng, out, truth):
    """Vaccination register: ';'-separated, names lower case, patronymic often missing, d/m/yyyy dates."""
    by = {p["pid"]: p for p in persons}
    nz = Noise(rng, typo_p=0.035, date_p=0.02, iin_missing=0.45, iin_typo=0.02)
    vacc = {"child": ["АКДС", "КПК (корь-краснуха-паротит)", "ИПВ", "Пентаксим", "БЦЖ", "ВГВ"],
            "adult": ["QazVac", "Гам-КОВИД-Вак", "Спутник Лайт", "Гриппол плюс", "АДС-М", "Vaxigrip"]}
    orgs = ["ГП №5", "ГКП на ПХВ «Городская поликлиника №12»", "ЦСЗ «Аксай»", "ВА с. Касымбек", "ГП №1 Шымкент"]
    hdr = ["ид_записи", "фамилия", "имя", "отчество", "дата рожд.", "иин пациента", "пол", "адрес проживания",
           "вакцина", "доза", "серия", "дата вакцинации", "медсестра", "мед. организация"]
    rows = []
    rid = rng.randint(10_000, 20_000)
    chosen = [p for p in persons if rng.random() < (0.45 if age(p) < 14 else 0.28)]
    for p in chosen:
        nrec = 1 + (1 if rng.random() < 0.12 else 0) + (1 if rng.random() < 0.03 else 0)
        kid = age(p) < 16
        for _ in range(nrec):
            rid += rng.randint(1, 5)
            look = rng.random() < 0.5
            sur = nz.name(surname_seen(p, rng, 0.06)).lower()
            fi = nz.name(p["first"]).lower()
            pa_ = p["patr"].lower() if rng.random() > 0.45 else ""
            if look:
                sur, fi, pa_ = (lookalike(x, rng, homoglyph=True) for x in (sur, fi, pa_))
            if rng.random() < 0.03:
                sur, fi = fi, sur  # entered the wrong way round
            d = nz.dob(p["dob"])
            iin = nz.iin(p["iin"])
            if kid and p["mother"] and rng.random() < 0.02:
                iin = by[p["mother"]]["iin"]  # mother's IIN typed on the child's card
            a = addr_seen(p, rng, 0.35)
            vd = rand_date(rng, max(2015, p["dob"].year), 2024)
            rows.append([f"V{rid}", sur, fi, pa_, f"{d.day}/{d.month}/{d.year}", iin,
                         "ж" if p["female"] else "м", addr_kz(a).lower() if rng.random() < 0.4 else addr_ru(a).lower(),
                         rng.choice(vacc["child" if kid else "adult"]), rng.choice([1, 1, 2, 3]),
                         f"{rng.choice('ABKMT')}{rng.randint(1000, 9999)}", f"{vd.day}/{vd.month}/{vd.year}",
                         rng.choice(STAFF), rng.choice(orgs)])
            truth.append(("vaccination_register.csv", f"V{rid}", p["pid"]))
    order = list(range(len(rows)))
    rng.shuffle(order)
    with open(os.path.join(out, "vaccination_register.csv"), "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, delimiter=";")
        wr.writerow(hdr)
        for i in order:
            wr.writerow(rows[i])
    return len(rows)


def write_pension(persons, rng, out, truth):
    """Pension-fund mainframe export: pipe-delimited, 8-char column codes, upper case without Kazakh letters,
    YYMMDD dates, birth date mostly only inside the IIN, IINs partly mangled to floats by a spreadsheet."""
    nz = Noise(rng, typo_p=0.03, date_p=0.02, iin_missing=0.10, iin_typo=0.03)
    hdr = ["ZPRSNKEY", "ZIINCODE", "ZFAMILIA", "ZIMYA___", "ZOTCHEST", "ZPOLCODE", "ZDTROZHD", "ZREGDATE",
           "ZLASTPAY", "ZPAYAMNT", "ZBINEMPL", "ZADRESS_", "ZTELEFON"]
    used_bin: set = set()

    def bin_():
        while True:
            d11 = f"{rng.randint(0, 24):02d}{rng.randint(1, 12):02d}4{rng.randint(0, 1)}{rng.randrange(100000):05d}"
            c = check_digit(d11)
            if c is not None:
                return d11 + str(c)

    employers = [bin_() for _ in range(60)]
    rows = []
    for p in persons:
        if not (18 <= age(p) <= 66) or rng.random() > 0.5:
            continue
        for _ in range(2 if rng.random() < 0.03 else 1):
            rows.append(p)
    rng.shuffle(rows)
    out_rows = []
    key = rng.randint(1_000_000, 2_000_000)
    for p in rows:
        key += rng.randint(1, 50)
        k = f"{key:010d}"
        iin = nz.iin(p["iin"])
        r = rng.random()
        if iin and r < 0.15:
            iin = f"{int(iin):.5E}".replace("E+", "E+")  # 8.71008E+11
            mant, ex = iin.split("E")
            mant = mant.rstrip("0").rstrip(".")
            iin = f"{mant}E+{int(ex):02d}"
        elif iin and r < 0.22:
            iin = f"{int(iin)}.0"
        sur = surname_seen(p, rng, 0.15)
        fam, im, ot = (lookalike(nz.name(x), rng).upper() if x else "" for x in (sur, p["first"], p["patr"]))
        if rng.random() < 0.1:
            ot = ""
        dob = nz.dob(p["dob"]).strftime("%y%m%d") if rng.random() < 0.4 else ""
        a = addr_seen(p, rng, 0.5)
        reg = rand_date(rng, max(1998, p["dob"].year + 18), 2024).strftime("%y%m%d")
        last = rand_date(rng, 2023, 2024).strftime("%y%m%d")
        out_rows.append([k, iin, fam, im, ot, "2" if p["female"] else "1", dob, reg, last,
                         f"{rng.randint(5000, 400000):010d}", rng.choice(employers),
                         lookalike(addr_mf(a), rng), p["phone"][1:] if rng.random() < 0.5 else ""])
        truth.append(("pension_mainframe.csv", k, p["pid"]))
    with open(os.path.join(out, "pension_mainframe.csv"), "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, delimiter="|", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        wr.writerow(hdr)
        wr.writerows(out_rows)
    return len(out_rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    persons = build_population(a.persons, rng)
    truth: list[tuple[str, str, str]] = []
    counts = {
        "dwh_persons.parquet": write_dwh(persons, random.Random(a.seed * 7 + 1), a.out, truth),
        "marriage_acts.csv": write_marriage(persons, random.Random(a.seed * 7 + 2), a.out, truth),
        "housing_queue.xlsx": write_housing(persons, random.Random(a.seed * 7 + 3), a.out, truth),
        "vaccination_register.csv": write_vaccination(persons, random.Random(a.seed * 7 + 4), a.out, truth),
        "pension_mainframe.csv": write_pension(persons, random.Random(a.seed * 7 + 5), a.out, truth),
    }
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "record_id", "person_id"])
        w.writerows(truth)
    os.makedirs(os.path.join(a.out, "meta"), exist_ok=True)
    with open(os.path.join(a.out, "meta", "persons.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["person_id", "surname", "maiden_surname", "first_name", "patronymic", "sex", "birth_date", "iin",
                    "household", "role", "spouse", "mother", "father", "moved"])
        for p in persons:
            w.writerow([p["pid"], p["sur"], p["maiden"] or "", p["first"], p["patr"], "F" if p["female"] else "M",
                        p["dob"].isoformat(), p["iin"], p["hh"], p["role"], p["spouse"] or "", p["mother"] or "",
                        p["father"] or "", "1" if p["old_addr"] else "0"])
    print(f"seed {a.seed}: {len(persons)} persons, {len(truth)} truth records; " +
          ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
