#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
"""Twentieth linkage writer: six agency extracts of Kyzylorda region, written apart from the project.

python bench/extracts_twentieth.py --seed S --out DIR --persons N

Writes six extract files and DIR/truth.csv (file,record_id,person_id) and DIR/stats.json.
Record ids are what a run with no configuration gives: the row number counting from 1 (a JSON array's place
counting from 1; a workbook of several sheets: `sheet/row`), the k-th person of a row `#k`.
Stdlib, openpyxl and pyarrow only.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import re
import zipfile

D = dt.date
TODAY = D(2024, 12, 31)

# ----------------------------------------------------------------------------------------------- names
KZ_M_OLD = "Төлеген Сейітқали Жақсылық Әбдікәрім Тұрмағамбет Нартай Жиенбай Байқадам Ешнияз Әбділда Мұхтар Серік Болат Жұмабек Сапар Әлібек Омар Қалдыбай Шәмші Ізтай Жолдасбек Әбдірахман Құдайберген Тоқтасын Әділбек Есенгелді Абдолла Мұхаммед".split()
KZ_M_MID = "Нұрлан Ерлан Айдар Бауыржан Дәурен Қайрат Асхат Ержан Талғат Мейрам Бекзат Ғалым Нұржан Алмас Дидар Ерболат Жандос Мұрат Самат Арман Бақытжан Нұрболат Әділет Марат Асқар Қуаныш Ербол Серікбол Мақсат Ерғали Жасұлан Бақтияр Ғабит Дархан Абдолла Мұхаммед".split()
KZ_M_YNG = "Ерасыл Нұрсұлтан Алдияр Әлихан Ерназар Дамир Әділ Нұрислам Ислам Мұхаммед Айбар Бекарыс Санжар Ернұр Дастан Темірлан Нұрдәулет Ақжол Мирас Әлішер Абылай Жанқожа Бексұлтан Ерсұлтан Әбілқайыр Қорқыт".split()
KZ_F_OLD = "Күләш Мәншүк Ұлжан Бибігүл Зәуре Рәзия Сәуле Гүлсім Күлпаш Ақжібек Қадиша Зейнеп Бәтима Нұрсұлу Алтынай Шолпан Ұлбосын Кәмшат Айша Фатима Жамал Бақытгүл Үміт".split()
KZ_F_MID = "Айгүл Гүлнар Динара Жанар Мөлдір Самал Салтанат Әсем Ләззат Гүлмира Жұлдыз Перизат Назгүл Ақмарал Айнұр Эльмира Гаухар Ботагөз Меруерт Сандуғаш Әсел Индира Қарлығаш Ақбота Жанат Зейнеп Фатима".split()
KZ_F_YNG = "Аружан Томирис Айым Әйгерім Дана Інжу Аяулым Жансая Нұрай Мадина Камила Балнұр Зере Ақниет Аружан Айсұлу Жасмин Раяна Әмина Хадиша Іңкәр Назерке Нұрсезім Ақерке".split()
KZ_SUR = ("Жанқожаев Ешниязов Тұрмағамбетов Нартаев Әбдіқадыров Сейітқасымов Құттықожаев Ахметқожаев Оразбаев Бекжанов "
          "Сыздықов Жаппасбаев Тәжібаев Көпбосынов Әбдіраманов Қожабеков Данабаев Байманов Ысқақов Мырзабеков Шәменов "
          "Әйтенов Есімов Қалдыбаев Омаров Дүйсенбаев Әбілқасымов Жұмабаев Нұрмаханов Әмзеев Сәрсенбаев Қуанышбаев "
          "Бисенов Ержанов Кенжебаев Әлмағамбетов Тоқтарбаев Үсенов Байқадамов Нұрқожаев Жақыпбеков Әжібеков "
          "Шілдебаев Ілиясов Мұхамеджанов Ибрагимов Тілеубергенов Көшербаев Пірімжаров Сұлтанбеков Қорғанбеков "
          "Әлназаров Дәрменов Жүсіпбеков Бәйімбетов Қыдырбаев Әшімов Тасболатов Мақашев Ахметов Сейітов Рахметов").split()
KZ_SUR_INV = "Жанқожа Нартай Бекмырза Тоқтар Әбдіқожа Сейітқали".split()
RU_M = "Александр Сергей Владимир Андрей Дмитрий Николай Виктор Евгений Игорь Алексей Юрий Олег Максим Артём Денис Павел".split()
RU_F = "Елена Ольга Наталья Татьяна Ирина Светлана Людмила Анна Екатерина Марина Юлия Галина Алёна Виктория Дарья Ксения".split()
RU_SUR = "Иванов Петров Кузнецов Смирнов Попов Соколов Лебедев Новиков Морозов Волков Фёдоров Захаров Романов Ткаченко Бондаренко Шевченко".split()
KO_SUR = "Ким Пак Ли Цой Тен Хван Югай Шин Когай Хегай Ни Тян Ким Ким Пак".split()
TT_M = "Ринат Рустам Ильдар Наиль Рамиль Марат Тимур".split()
TT_F = "Гульнара Альфия Лейсан Ильмира Резеда Алсу".split()
TT_SUR = "Ахметшин Галиев Сафин Хабибуллин Зарипов Гарипов".split()
UZ_M = "Шухрат Бахтиёр Улугбек Азиз Рустам Жасур Ильхом".split()
UZ_F = "Дилноза Гулчехра Нигора Феруза Мохира Зульфия".split()
UZ_SUR = "Юсупов Каримов Рахимов Турсунов Абдуллаев Султанов".split()
GROUPS = [("kz", 0.925), ("ru", 0.025), ("ko", 0.022), ("tt", 0.012), ("uz", 0.012), ("ua", 0.004)]
UA_SUR = "Ткаченко Бондаренко Шевченко Коваленко Кравченко Мельник".split()  # invariable

# religious spelling variants (the mosque's volunteers)
REL_VAR = {"Мұхаммед": ["Мухаммед", "Мухамед", "Мұхамед", "Мухаммад", "Мухаммедъ"], "Абдолла": ["Абдулла", "Абдуллах", "Ғабдолла"],
           "Фатима": ["Фатима", "Фатимa", "Патима"], "Хадиша": ["Қадиша", "Хадижа", "Хадича"], "Қадиша": ["Хадиша", "Кадиша"],
           "Зейнеп": ["Зайнап", "Зейнап", "Зайнеп"], "Айша": ["Айше", "Айшa"], "Әбдірахман": ["Абдурахман", "Абдрахман"]}

KZ2RU = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
         "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"}
FRONT = set("әөүіеЕӘӨҮІ")


def rus(s: str) -> str:
    """Kazakh Cyrillic to the usual Russian-letter spelling."""
    out = []
    for w in s.split(" "):
        front = any(c in FRONT for c in w) and not any(c in "ыұаоАОҰЫ" for c in w[-3:])
        w2 = w.replace("ейі", "еи").replace("Ейі", "Еи")
        w2 = "".join(KZ2RU.get(c, c) for c in w2)
        if front and w2.endswith("л"):
            w2 += "ь"
        if any(c in FRONT for c in w) and "лд" in w2 and not w2.endswith("ов") and not w2.endswith("ова"):
            w2 = w2.replace("лд", "льд", 1)
        out.append(w2)
    return " ".join(out)


ICAO = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "ie", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia"}
L2017 = {"а": "a", "ә": "a'", "б": "b", "в": "v", "г": "g", "ғ": "g'", "д": "d", "е": "e", "ё": "i'o", "ж": "j", "з": "z",
         "и": "i'", "й": "i'", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n'", "о": "o", "ө": "o'", "п": "p",
         "р": "r", "с": "s", "т": "t", "у": "y'", "ұ": "u", "ү": "u'", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "c'",
         "ш": "s'", "щ": "s's'", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "i'y'", "я": "i'a"}


def translit(s: str, table: dict) -> str:
    out = []
    for c in s:
        lo = c.lower()
        if lo in table:
            t = table[lo]
            out.append(t[:1].upper() + t[1:] if c != lo and t else t)
        else:
            out.append(c)
    return "".join(out)


def informal(rng, s: str) -> str:
    tab = dict(ICAO)
    tab.update({"ж": rng.choice(["zh", "j", "zh"]), "қ": rng.choice(["q", "k", "k"]), "ш": "sh", "ғ": rng.choice(["g", "gh", "g"]),
                "ң": rng.choice(["n", "ng", "n"]), "х": rng.choice(["kh", "h", "h"]), "й": rng.choice(["i", "y", "y"]),
                "ю": "yu", "я": "ya", "ы": rng.choice(["y", "i", "y"]), "ә": rng.choice(["a", "ae", "a", "a"]), "ц": "ts", "щ": "sh",
                "у": "u", "ё": "yo", "ь": "", "ъ": ""})
    return translit(s, tab)


def lat2017(s: str) -> str:
    return translit(s, L2017)


def icao(s: str) -> str:
    return translit(s, ICAO)


HOMO = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X"}


# ----------------------------------------------------------------------------------------------- IIN
def iin_check(d11: str):
    w1 = list(range(1, 12))
    s = sum(int(a) * b for a, b in zip(d11, w1)) % 11
    if s == 10:
        w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        s = sum(int(a) * b for a, b in zip(d11, w2)) % 11
        if s == 10:
            return None
    return s


def make_iin(rng, dob: D, sex: str, used: set) -> str:
    c = (3 if sex == "M" else 4) if dob.year < 2000 else (5 if sex == "M" else 6)
    while True:
        d11 = dob.strftime("%y%m%d") + str(c) + "%04d" % rng.randint(1, 9999)
        k = iin_check(d11)
        if k is None:
            continue
        v = d11 + str(k)
        if v not in used:
            used.add(v)
            return v


def iin_typo(rng, iin: str) -> tuple[str, str]:
    r = rng.random()
    if r < 0.38:  # a changed digit that fails the check
        for _ in range(50):
            i = rng.randrange(12)
            v = iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:]
            if iin_check(v[:11]) != int(v[11]):
                return v, "digit"
    if r < 0.53:
        i = rng.randrange(6, 10)
        if iin[i] != iin[i + 1]:
            return iin[:i] + iin[i + 1] + iin[i] + iin[i + 2:], "transposition"
    # passes the check digit: serial digit changed and check recomputed, or 11th digit changed
    for _ in range(50):
        i = rng.choice([7, 8, 9, 10])
        d11 = iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:11]
        k = iin_check(d11)
        if k is not None and d11 + str(k) != iin:
            return d11 + str(k), "valid_other"
    return iin, "none"


# ----------------------------------------------------------------------------------------------- places
# key: (kz, ru, old ru name or None, district kz, district ru, is_city)
TOWNS = {
    "kzo": ("Қызылорда", "Кызылорда", "Кзыл-Орда", "Қызылорда", "Кызылорда", True),
    "shieli": ("Шиелі", "Шиели", "Чиили", "Шиелі", "Шиелийский", False),
    "tartogai": ("Тартоғай", "Тартогай", None, "Шиелі", "Шиелийский", False),
    "akmaya": ("Ақмая", "Акмая", None, "Шиелі", "Шиелийский", False),
    "sulutobe": ("Сұлутөбе", "Сулутобе", "Сулутюбе", "Шиелі", "Шиелийский", False),
    "zhalagash": ("Жалағаш", "Жалагаш", "Джалагаш", "Жалағаш", "Жалагашский", False),
    "madeniet": ("Мәдениет", "Мадениет", None, "Жалағаш", "Жалагашский", False),
    "terenozek": ("Тереңөзек", "Теренозек", "Теренузюк", "Сырдария", "Сырдарьинский", False),
    "shagan": ("Шаған", "Шаган", None, "Сырдария", "Сырдарьинский", False),
    "zhosaly": ("Жосалы", "Жосалы", "Джусалы", "Қармақшы", "Кармакшинский", False),
    "toretam": ("Төретам", "Торетам", "Тюратам", "Қармақшы", "Кармакшинский", False),
    "zhanakorgan": ("Жаңақорған", "Жанакорган", "Яныкурган", "Жаңақорған", "Жанакорганский", False),
    "shalkiya": ("Шалқия", "Шалкия", None, "Жаңақорған", "Жанакорганский", False),
    "aiteke": ("Әйтеке би", "Айтеке би", "Новоказалинск", "Қазалы", "Казалинский", False),
    "kazaly": ("Қазалы", "Казалы", "Казалинск", "Қазалы", "Казалинский", False),
    "aral": ("Арал", "Арал", "Аральск", "Арал", "Аральский", False),
}
TOWN_W = [("kzo", 50), ("shieli", 7), ("tartogai", 3), ("akmaya", 2), ("sulutobe", 2), ("zhalagash", 5), ("madeniet", 2),
          ("terenozek", 4), ("shagan", 2), ("zhosaly", 4), ("toretam", 2), ("zhanakorgan", 6), ("shalkiya", 2), ("aiteke", 4),
          ("kazaly", 2), ("aral", 3)]
CITY_ST = [("Әйтеке би", "Айтеке би"), ("Қорқыт ата", "Коркыт Ата"), ("Желтоқсан", "Желтоксан"), ("Абай", "Абая"),
           ("Мұстафа Шоқай", "Мустафы Шокая"), ("Ғани Мұратбаев", "Гани Муратбаева"), ("Бейбарыс сұлтан", "Бейбарыс султана"),
           ("Тоқмағамбетов", "Токмаганбетова"), ("Сүлейменов", "Сулейменова"), ("Жібек жолы", "Жибек жолы"),
           ("Иса Тоқтыбаев", "Исы Токтыбаева"), ("Әбу Насыр әл-Фараби", "Аль-Фараби"), ("Бақтыбай батыр", "Бактыбай батыра")]
CITY_MKR = [("Шұғыла", "Шугыла"), ("Ақмешіт", "Акмешит"), ("Сәулет", "Саулет"), ("Бейбітшілік", "Бейбитшилик"), ("Мерей", "Мерей")]
VIL_ST = [("Абай", "Абая"), ("Жамбыл", "Жамбыла"), ("Бейбітшілік", "Мира"), ("Достық", "Дружбы"), ("Тәуелсіздік", "Независимости"),
          ("Наурыз", "Наурыз"), ("Қорқыт ата", "Коркыт Ата"), ("Жастар", "Молодёжная"), ("Сырдария", "Сырдарьинская"),
          ("Жанқожа батыр", "Жанкожа батыра"), ("Тұрмағамбет", "Турмагамбета"), ("Мектеп", "Школьная")]


def new_addr(rng, town=None):
    town = town or wpick(rng, TOWN_W)
    if TOWNS[town][5]:
        if rng.random() < 0.45:
            return {"town": town, "mkr": rng.randrange(len(CITY_MKR)), "house": rng.randint(1, 40), "flat": rng.randint(1, 80)}
        return {"town": town, "st": rng.randrange(len(CITY_ST)), "house": rng.randint(1, 180),
                "flat": rng.randint(1, 60) if rng.random() < 0.5 else None}
    return {"town": town, "vst": rng.randrange(len(VIL_ST)), "house": rng.randint(1, 120), "flat": None}


def zipf_pick(rng, lst, k):
    """Zipf-like: weight 1/(i+k) for the i-th name."""
    x = rng.random() * sum(1.0 / (i + k) for i in range(len(lst)))
    for i, v in enumerate(lst):
        x -= 1.0 / (i + k)
        if x <= 0:
            return v
    return lst[-1]


def wpick(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for k, w in pairs:
        x -= w
        if x <= 0:
            return k
    return pairs[-1][0]


# ----------------------------------------------------------------------------------------------- population
class P:
    def __init__(self, pid, sex, grp, first, dob):
        self.pid, self.sex, self.grp, self.first, self.dob = pid, sex, grp, first, dob
        self.father_first = None
        self.kzpat = False
        self.sur = []      # (date, surname)
        self.addr = []     # (date, addr or None)
        self.phones = []   # (date, number)
        self.death = None
        self.iin = None
        self.spouse = None
        self.father = None
        self.mother = None
        self.children = []
        self.email = None

    def at(self, lst, d):
        v, best = None, None
        for dd, x in lst:
            if dd <= d and (best is None or dd >= best):
                v, best = x, dd
        return v

    def surname(self, d):
        return self.at(self.sur, d) or self.sur[0][1]

    def address(self, d):
        return self.at(self.addr, d)

    def phone(self, d):
        if d < max(addyears(self.dob, 14), D(2004, 1, 1)):
            return None
        return self.at(self.phones, d)

    def alive(self, d):
        return d >= self.dob and (self.death is None or d < self.death)

    def age(self, d):
        return d.year - self.dob.year - ((d.month, d.day) < (self.dob.month, self.dob.day))

    def in_region(self, d):
        return self.alive(d) and self.address(d) is not None


def rdate(rng, a: D, b: D) -> D:
    return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))


def addyears(d: D, y: int) -> D:
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return D(d.year + y, 3, 1)


class Pop:
    def __init__(self, rng, n):
        self.rng, self.n = rng, n
        self.people: list[P] = []
        self.used_iin = set()
        self.used_phone = set()
        self.stats = {}
        self.build()

    # -- names
    def first_name(self, grp, sex, dob, avoid=()):
        rng = self.rng
        for _ in range(20):
            if grp == "kz":
                if sex == "M":
                    lst = KZ_M_OLD if dob.year < 1965 else (KZ_M_MID if dob.year < 1992 else KZ_M_YNG)
                else:
                    lst = KZ_F_OLD if dob.year < 1965 else (KZ_F_MID if dob.year < 1992 else KZ_F_YNG)
            elif grp in ("ru", "ko", "ua"):
                lst = RU_M if sex == "M" else RU_F
            elif grp == "tt":
                lst = TT_M if sex == "M" else TT_F
            else:
                lst = UZ_M if sex == "M" else UZ_F
            nm = zipf_pick(rng, lst, 4)
            if nm not in avoid:
                return nm
        return nm

    def family_surname(self, grp):
        rng = self.rng
        if grp == "kz":
            if rng.random() < 0.035:
                return rng.choice(KZ_SUR_INV)
            return zipf_pick(rng, KZ_SUR, 8) if rng.random() < 0.5 else rng.choice(KZ_SUR)
        return rng.choice({"ru": RU_SUR, "ko": KO_SUR, "tt": TT_SUR, "uz": UZ_SUR, "ua": UA_SUR}[grp])

    @staticmethod
    def gsur(fam, sex):
        if sex == "F" and (fam.endswith("ов") or fam.endswith("ев") or fam.endswith("ин") or fam.endswith("ёв")):
            return fam + "а"
        return fam

    def group(self):
        return wpick(self.rng, GROUPS)

    def person(self, sex, grp, dob, fam, father=None, mother=None, avoid=()):
        p = P(len(self.people), sex, grp, self.first_name(grp, sex, dob, avoid), dob)
        self.people.append(p)
        p.sur.append((dob, self.gsur(fam, sex)))
        p.iin = make_iin(self.rng, dob, sex, self.used_iin)
        if father is not None:
            p.father, p.father_first = father, father.first
        if mother is not None:
            p.mother = mother
        if grp == "kz" and p.father_first and self.rng.random() < (0.45 if dob.year >= 1995 else 0.08):
            p.kzpat = True
        # phones
        start = max(addyears(dob, 14), D(2004, 1, 1))
        if start < TODAY and not (dob.year < 1945 and self.rng.random() < 0.3):
            p.phones.append((start, self.new_phone()))
            if self.rng.random() < 0.15:
                p.phones.append((rdate(self.rng, start, TODAY), self.new_phone()))
        if dob.year >= 1970 and self.rng.random() < 0.4:
            p.email = True
        return p

    def new_phone(self):
        while True:
            v = "87" + self.rng.choice(["01", "02", "05", "07", "47", "71", "75", "76", "77", "78"]) + "%07d" % self.rng.randint(0, 9999999)
            if v not in self.used_phone:
                self.used_phone.add(v)
                return v

    def death(self, p):
        rng = self.rng
        y = p.dob.year
        pr = 0.6 if y < 1940 else 0.3 if y < 1950 else (0.12 if p.sex == "M" else 0.05) if y < 1960 else (0.04 if p.sex == "M" else 0.015) if y < 1970 else 0
        if rng.random() < pr:
            p.death = rdate(rng, max(D(2008, 1, 1), addyears(p.dob, 45)), D(2024, 10, 1))

    def build(self):
        rng = self.rng
        counts = {"couple": 0, "single": 0, "single_mother": 0, "elderly": 0, "divorce": 0, "maiden_change": 0}
        while len(self.people) < self.n:
            r = rng.random()
            if r < 0.60:
                self.couple(counts)
            elif r < 0.74:
                self.single(counts)
            elif r < 0.81:
                self.single_mother(counts)
            else:
                self.elderly(counts)
        del self.people[self.n:]
        # drop dangling references to trimmed persons
        keep = {id(p) for p in self.people}
        for p in self.people:
            p.children = [c for c in p.children if id(c) in keep]
            if p.spouse is not None and id(p.spouse) not in keep:
                p.spouse = None
        for p in self.people:
            p.addr.sort(key=lambda t: t[0])
            p.sur.sort(key=lambda t: t[0])
            p.phones.sort(key=lambda t: t[0])
        counts["persons"] = len(self.people)
        counts["women_with_two_surnames"] = sum(1 for p in self.people if len({s for _, s in p.sur}) > 1)
        counts["deaths"] = sum(1 for p in self.people if p.death)
        self.stats = counts

    def home_moves(self, members, start, addr):
        rng = self.rng
        for m in members:
            m.addr.append((max(start, m.dob), addr))
        if rng.random() < 0.30:
            d = rdate(rng, max(start + dt.timedelta(days=400), D(2006, 1, 1)), D(2023, 12, 1))
            if d > start:
                r = rng.random()
                if r < 0.65:
                    a2 = new_addr(rng, addr["town"])
                elif r < 0.92:
                    a2 = new_addr(rng)
                else:
                    a2 = None
                for m in members:
                    if m.dob < d:
                        m.addr.append((d, a2))
                return d, a2
        return None, None

    def couple(self, counts):
        rng = self.rng
        counts["couple"] += 1
        grp = self.group()
        h_dob = rdate(rng, D(1945, 1, 1), D(1998, 12, 31))
        w_dob = h_dob + dt.timedelta(days=rng.randint(-700, 2600))
        wgrp = grp if rng.random() < 0.93 else self.group()
        marry = max(addyears(w_dob, rng.randint(19, 29)), addyears(h_dob, 21))
        if marry > D(2024, 6, 1):
            marry = D(2024, 6, 1)
        fam = self.family_surname(grp)
        h = self.person("M", grp, h_dob, fam)
        hf_first = self.first_name(grp, "M", addyears(h_dob, -28))
        h.father_first = hf_first
        if grp == "kz" and rng.random() < (0.45 if h_dob.year >= 1995 else 0.08):
            h.kzpat = True
        maiden = self.family_surname(wgrp)
        w = self.person("F", wgrp, w_dob, maiden)
        w.father_first = self.first_name(wgrp, "M", addyears(w_dob, -28))
        if wgrp == "kz" and rng.random() < (0.45 if w_dob.year >= 1995 else 0.08):
            w.kzpat = True
        takes = rng.random() < (0.8 if wgrp == "kz" else 0.9)
        if takes and self.gsur(fam, "F") != w.sur[0][1]:
            w.sur.append((marry, self.gsur(fam, "F")))
        h.spouse, w.spouse = w, h
        addr = new_addr(rng)
        # children
        kids = []
        nk = wpick(rng, [(0, 6), (1, 12), (2, 22), (3, 27), (4, 20), (5, 9), (6, 4)]) if grp in ("kz", "uz") else wpick(rng, [(0, 12), (1, 30), (2, 36), (3, 17), (4, 5)])
        d = marry + dt.timedelta(days=rng.randint(300, 700))
        names = []
        for _ in range(nk):
            if d > D(2024, 10, 1) or w.age(d) > 43:
                break
            twins = rng.random() < 0.015
            for _t in range(2 if twins else 1):
                sex = "M" if rng.random() < 0.51 else "F"
                c = self.person(sex, grp, d, fam, father=h, mother=w, avoid=names)
                names.append(c.first)
                kids.append(c)
            d = d + dt.timedelta(days=rng.randint(460, 1500))
        h.children, w.children = list(kids), list(kids)
        members = [h, w] + kids
        # husband's parents living with them (youngest son's household)
        if grp == "kz" and h_dob.year >= 1962 and rng.random() < 0.12:
            fdob = addyears(h_dob, -rng.randint(23, 36))
            f = self.person("M", grp, fdob, fam)
            f.father_first = self.first_name(grp, "M", addyears(fdob, -28))
            h.father = f
            h.father_first = f.first
            f.children = [h]
            self.death(f)
            pl = [f]
            if rng.random() < 0.8:
                m = self.person("F", grp, fdob + dt.timedelta(days=rng.randint(-700, 2500)), self.family_surname(grp))
                m.father_first = self.first_name(grp, "M", addyears(m.dob, -28))
                m.sur.append((addyears(m.dob, 21), self.gsur(fam, "F")))
                m.spouse, f.spouse = f, m
                h.mother = m
                m.children = [h]
                self.death(m)
                pl.append(m)
            members += pl
        self.death(h)
        self.death(w)
        # where the husband grew up: his parents' home (if they live with the couple, it is the couple's home)
        if h.father is not None:
            h.addr.append((h.dob, addr))
            for q in (h.father, h.mother):
                if q is not None:
                    q.addr.append((addyears(q.dob, 25), addr))
        elif rng.random() < 0.88:
            h.addr.append((h.dob, new_addr(rng, addr["town"] if rng.random() < 0.6 else None)))
        wife_home = None
        mv_d, mv_a = self.home_moves(members, marry, addr)
        # wife's parent living alone: her maiden surname is theirs
        if w_dob.year >= 1958 and rng.random() < 0.22 and len(self.people) < self.n:
            sex = "M" if rng.random() < 0.3 else "F"
            pdob = addyears(w_dob, -rng.randint(22, 34))
            if sex == "M":
                par = self.person("M", wgrp, pdob, w.sur[0][1][:-1] if w.sur[0][1].endswith("ва") or w.sur[0][1].endswith("на") else w.sur[0][1])
                par.father_first = self.first_name(wgrp, "M", addyears(pdob, -28))
                w.father_first = par.first
                w.father = par
            else:
                par = self.person("F", wgrp, pdob, self.family_surname(wgrp))
                par.father_first = self.first_name(wgrp, "M", addyears(pdob, -28))
                par.sur.append((addyears(pdob, 21), w.sur[0][1]))
                w.mother = par
            par.children = [w]
            self.death(par)
            wife_home = new_addr(rng)
            par.addr.append((addyears(pdob, 25), wife_home))
            counts["elderly"] += 1
        if wife_home is not None:
            w.addr.append((w.dob, wife_home))
        elif rng.random() < 0.85:
            w.addr.append((w.dob, new_addr(rng)))
        # divorce
        if marry < D(2018, 1, 1) and rng.random() < 0.07:
            dd = rdate(rng, marry + dt.timedelta(days=700), D(2023, 12, 1))
            counts["divorce"] += 1
            h.addr = [e for e in h.addr if e[0] < dd]
            h.addr.append((dd, new_addr(rng) if rng.random() < 0.85 else None))
            if len(w.sur) > 1 and rng.random() < 0.4:
                w.sur.append((dd + dt.timedelta(days=rng.randint(30, 500)), w.sur[0][1]))
        # adult children leave
        for c in kids:
            a18 = addyears(c.dob, 18)
            if a18 > TODAY:
                continue
            if rng.random() < 0.25:
                continue
            leave = addyears(c.dob, rng.randint(18, 27)) + dt.timedelta(days=rng.randint(0, 300))
            if leave > TODAY:
                continue
            r = rng.random()
            dest = new_addr(rng, (c.address(leave) or addr)["town"]) if r < 0.55 else (new_addr(rng) if r < 0.75 else None)
            c.addr = [e for e in c.addr if e[0] < leave]
            c.addr.append((leave, dest))
            if dest is None and rng.random() < 0.3:
                c.addr.append((leave + dt.timedelta(days=rng.randint(700, 2500)), new_addr(rng)))
            if c.sex == "F" and c.age(leave) >= 19 and rng.random() < 0.6:
                if rng.random() < (0.75 if grp == "kz" else 0.9):
                    c.sur.append((leave, self.gsur(self.family_surname(self.group() if rng.random() < 0.1 else grp), "F")))
                    counts["maiden_change"] += 1

    def single(self, counts):
        rng = self.rng
        counts["single"] += 1
        grp = self.group()
        sex = "M" if rng.random() < 0.5 else "F"
        dob = rdate(rng, D(1962, 1, 1), D(2004, 12, 31))
        p = self.person(sex, grp, dob, self.family_surname(grp))
        p.father_first = self.first_name(grp, "M", addyears(dob, -28))
        if grp == "kz" and rng.random() < (0.45 if dob.year >= 1995 else 0.08):
            p.kzpat = True
        if sex == "F" and dob.year < 1996 and rng.random() < 0.35:
            p.sur.append((addyears(dob, rng.randint(21, 30)), self.gsur(self.family_surname(grp), "F")))
            counts["maiden_change"] += 1
        self.death(p)
        if rng.random() < 0.85:
            p.addr.append((dob, new_addr(rng)))
        self.home_moves([p], addyears(dob, rng.randint(18, 25)), new_addr(rng))

    def single_mother(self, counts):
        rng = self.rng
        counts["single_mother"] += 1
        grp = self.group()
        dob = rdate(rng, D(1970, 1, 1), D(1998, 12, 31))
        fam = self.family_surname(grp)
        m = self.person("F", grp, dob, fam)
        m.father_first = self.first_name(grp, "M", addyears(dob, -28))
        kids, names = [], []
        d = addyears(dob, rng.randint(19, 30))
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            if d > D(2024, 10, 1):
                break
            c = self.person("M" if rng.random() < 0.5 else "F", grp, d, fam, mother=m, avoid=names)
            c.father_first = self.first_name(grp, "M", addyears(dob, -2))
            if grp == "kz" and rng.random() < 0.3:
                c.kzpat = True
            names.append(c.first)
            kids.append(c)
            d += dt.timedelta(days=rng.randint(500, 1800))
        m.children = kids
        self.death(m)
        m.addr.append((dob, new_addr(rng)))
        self.home_moves([m] + kids, addyears(dob, 19), new_addr(rng))

    def elderly(self, counts):
        rng = self.rng
        counts["elderly"] += 1
        grp = self.group()
        sex = "F" if rng.random() < 0.72 else "M"
        dob = rdate(rng, D(1934, 1, 1), D(1960, 12, 31))
        fam = self.family_surname(grp)
        if sex == "F":
            p = self.person("F", grp, dob, self.family_surname(grp))
            p.sur.append((addyears(dob, 21), self.gsur(fam, "F")))
        else:
            p = self.person("M", grp, dob, fam)
        p.father_first = self.first_name(grp, "M", addyears(dob, -28))
        self.death(p)
        self.home_moves([p], addyears(dob, 25), new_addr(rng))


# ----------------------------------------------------------------------------------------------- rendering helpers
class R:
    """Per-file rendering with faults; counts what it did."""

    def __init__(self, rng, name, stats):
        self.rng, self.name = rng, name
        self.st = stats.setdefault(name, {})

    def n(self, k, v=1):
        self.st[k] = self.st.get(k, 0) + v

    def typo(self, s, p):
        rng = self.rng
        if not s or rng.random() >= p or len(s) < 4:
            return s
        self.n("name_typo")
        i = rng.randrange(1, len(s) - 1)
        op = rng.random()
        if op < 0.3:
            return s[:i] + s[i + 1:]
        if op < 0.5:
            return s[:i] + s[i] + s[i:]
        if op < 0.75:
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        vow = "аеиоуыәіұүө" if any("а" <= c.lower() <= "я" or c.lower() in "әіңғүұқөһ" for c in s) else "aeiouy"
        c = s[i]
        if c.lower() in vow:
            n = rng.choice([v for v in vow if v != c.lower()])
            return s[:i] + (n.upper() if c.isupper() else n) + s[i + 1:]
        return s[:i] + s[i] + s[i:]

    def iin(self, p, rate=0.02, blank=0.0):
        if self.rng.random() < blank:
            return ""
        if self.rng.random() < rate:
            v, kind = iin_typo(self.rng, p.iin)
            self.n("iin_" + kind)
            return v
        return p.iin

    def dob(self, p, rate=0.01):
        d = p.dob
        rng = self.rng
        if rng.random() < rate:
            k = rng.random()
            try:
                if k < 0.3:
                    d = d + dt.timedelta(days=rng.choice([-1, 1]))
                elif k < 0.55 and d.day <= 12 and d.day != d.month:
                    d = D(d.year, d.day, d.month)
                elif k < 0.8:
                    d = D(d.year + rng.choice([-1, 1]), d.month, min(d.day, 28))
                elif d.day >= 10 and d.day % 10 != d.day // 10 and (d.day % 10) * 10 + d.day // 10 <= 28:
                    d = D(d.year, d.month, (d.day % 10) * 10 + d.day // 10)
                else:
                    d = d + dt.timedelta(days=1)
                self.n("dob_slip")
            except ValueError:
                pass
        return d

    def patronymic(self, p, kazletters):
        if not p.father_first:
            return ""
        f = p.father_first
        if p.kzpat:
            v = f + ("ұлы" if p.sex == "M" else "қызы")
            return v if kazletters else rus(v)
        fr = rus(f)
        if fr.endswith("ий"):
            b = fr[:-2] + "ь"
            suf = "евич" if p.sex == "M" else "евна"
        elif fr.endswith("й"):
            b, suf = fr[:-1], ("евич" if p.sex == "M" else "евна")
        elif fr.endswith("ь"):
            b, suf = fr[:-1], ("евич" if p.sex == "M" else "евна")
        elif fr[-1] in "аеиоуыэюя":
            b, suf = fr, ("евич" if p.sex == "M" else "евна")
        else:
            b, suf = fr, ("ович" if p.sex == "M" else "овна")
        v = b + suf
        if kazletters and p.grp == "kz":
            # Kazakh letters in the stem, Russian suffix (Амангелдіевич)
            stem = f if not f.endswith("й") else f[:-1]
            v = stem + suf if not fr.endswith("ий") else v
        return v

    def parts(self, p, d, kazletters=True, typo=0.015):
        """(surname, first, patronymic) at date d, in Kazakh letters or Russian letters."""
        s, f = p.surname(d), p.first
        if not kazletters:
            s, f = rus(s), rus(f)
        return self.typo(s, typo), self.typo(f, typo), self.patronymic(p, kazletters)

    def phone_fmt(self, v, style):
        if not v:
            return ""
        if style == 0:
            return v
        if style == 1:
            return "+7 %s %s %s %s" % (v[1:4], v[4:7], v[7:9], v[9:11])
        if style == 2:
            return "8(%s)%s-%s-%s" % (v[1:4], v[4:7], v[7:9], v[9:11])
        if style == 3:
            return "+7" + v[1:]
        return v[1:]


def initials(*names):
    return "".join(n[0] + "." for n in names if n)


def addr_text(a, style, rng=None):
    """Address strings in the writers' styles."""
    if a is None:
        return ""
    t = TOWNS[a["town"]]
    h, fl = a["house"], a.get("flat")
    if style == "ru":
        town = ("г. " if t[5] else "с. ") + t[1]
        if "mkr" in a:
            return f"{town}, мкр. {CITY_MKR[a['mkr']][1]}, д. {h}, кв. {fl}"
        st = (CITY_ST[a["st"]][1] if "st" in a else VIL_ST[a["vst"]][1])
        pre = "пр. " if "st" in a and a["st"] == 3 else "ул. "
        return f"{town}, {pre}{st}, д. {h}" + (f", кв. {fl}" if fl else "")
    if style == "kz":
        town = t[0] + (" қ." if t[5] else " а.")
        if "mkr" in a:
            return f"{town}, {CITY_MKR[a['mkr']][0]} ш/а, {h} үй, {fl} пәтер"
        st = (CITY_ST[a["st"]][0] if "st" in a else VIL_ST[a["vst"]][0])
        return f"{town}, {st} көшесі, {h}" + (f"-{fl}" if fl else "")
    if style == "dos":  # FoxPro coop: street part only, upper, Russian letters
        if "mkr" in a:
            return f"МКР.{rus(CITY_MKR[a['mkr']][0]).upper()} {h}-{fl}"
        st = (CITY_ST[a["st"]][1] if "st" in a else VIL_ST[a["vst"]][1]).upper()
        return f"УЛ.{st} {h}" + (f"-{fl}" if fl else "")
    if style == "short":
        if "mkr" in a:
            return f"{t[1]}, {CITY_MKR[a['mkr']][1]} {h}-{fl}"
        st = (CITY_ST[a["st"]][1] if "st" in a else VIL_ST[a["vst"]][1])
        return f"{t[1]}, {st} {h}" + (f"-{fl}" if fl else "")
    raise ValueError(style)


# ----------------------------------------------------------------------------------------------- writers
class Truth:
    def __init__(self):
        self.rows = []

    def add(self, file, rid, p):
        self.rows.append((file, rid, "P%05d" % p.pid))


def fix_zip_times(path):
    """Rewrite an xlsx with fixed zip times so that runs are byte-identical."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":  # openpyxl stamps the save time over `modified`
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2024-12-20T09:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(name, date_time=(2024, 12, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def fixed_props(wb):
    wb.properties.created = dt.datetime(2024, 12, 20, 9, 0, 0)
    wb.properties.modified = dt.datetime(2024, 12, 20, 9, 0, 0)
    wb.properties.creator = "user"
    wb.properties.lastModifiedBy = "user"


def village(p, d):
    a = p.address(d)
    return a is not None and not TOWNS[a["town"]][5]


# 1 ---------------------------------------------------------------- water-user cooperative, FoxPro CSV in cp866
def w_spk(pop, rng, out, truth, stats):
    fn = "spk_su_shartlary.csv"
    r = R(rng, fn, stats)
    districts = ["Шиелі", "Жалағаш", "Сырдария", "Қармақшы", "Жаңақорған"]
    holders = []
    for p in pop.people:
        a = p.address(D(2015, 4, 1)) or p.address(D(2019, 4, 1))
        if a is None or TOWNS[a["town"]][5] or TOWNS[a["town"]][3] not in districts:
            continue
        ag = p.age(D(2018, 4, 1))
        if p.sex == "M" and ag >= 28 and rng.random() < 0.62:
            holders.append(p)
        elif p.sex == "F" and ag >= 50 and (p.spouse is None or p.spouse.death) and rng.random() < 0.4:
            holders.append(p)
    rows = []
    clerk_old = {y: rng.random() < (0.7 if y < 2019 else 0.25) for y in range(2015, 2025)}
    for p in holders:
        first_addr = None
        farm = rng.random() < 0.55
        area = round(rng.choice([2, 3, 4.5, 5, 8, 10, 12.5, 15, 20, 25, 40]) * rng.uniform(0.8, 1.2), 2)
        crop = rng.choice(["РИС", "РИС", "РИС", "ЛЮЦЕРНА", "БАХЧА", "ЗЕРНОВЫЕ", "ОВОЩИ"])
        proxy = None
        adult_sons = [c for c in p.children if c.sex == "M"]
        if rng.random() < 0.35:
            if adult_sons and rng.random() < 0.7:
                proxy = rng.choice(adult_sons)
            else:
                cands = [q for q in pop.people if q.sex == "M" and q is not p and village(q, D(2019, 4, 1))]
                proxy = rng.choice(cands) if cands else None
        for y in range(2015, 2025):
            d = D(y, rng.randint(3, 4), rng.randint(1, 28))
            a = p.address(d)
            if not p.alive(d) or a is None or TOWNS[a["town"]][5] or rng.random() > 0.5:
                continue
            if first_addr is None:
                first_addr = a  # registered once, never updated
            rows.append((d, p, a, first_addr, farm, area, crop, proxy if (proxy and proxy.alive(d) and proxy.age(d) >= 18 and rng.random() < 0.85) else None))
    rows.sort(key=lambda t: (t[0].year, TOWNS[t[2]["town"]][3], t[0], t[1].pid))
    hdr = ["nomer", "god", "uchastok", "kh_naim", "fam", "ima", "otch", "datrojd", "iin", "aul", "adres", "tel", "plosh_ga",
           "kultura", "obem_tm3", "tarif", "summa", "oplata", "dover_fio", "dover_tel", "dover_dat", "gidroteh"]
    def q(s):
        return '"' + str(s).replace('"', "'") + '"'

    techs = {dd: [rus(f"{rng.choice(KZ_SUR)} {rng.choice('АБЕКМНСТЖ')}.").upper() for _ in range(2)] for dd in sorted({t[3] for t in TOWNS.values()})}
    numbers = {}
    lines = [",".join(hdr)]
    for i, (d, p, a, a0, farm, area, crop, proxy) in enumerate(rows, 1):
        dist = TOWNS[a["town"]][3]
        numbers[d.year] = numbers.get(d.year, 0) + 1
        s, f, pt = r.parts(p, d, kazletters=False, typo=0.018)
        s, f, pt = s.upper(), f.upper(), pt.upper()
        if rng.random() < 0.3:
            pt = ""
        fam = s
        if rng.random() < 0.05:  # the whole name in FAM
            fam, f, pt = f"{s} {f[0]}.{(pt[0] + '.') if pt else ''}", "", ""
            r.n("name_in_fam")
        dob = "" if rng.random() < 0.12 else r.dob(p).strftime("%Y%m%d")
        iin = r.iin(p, 0.022, blank=0.35 if d.year < 2018 else 0.12)
        ta = a0 if rng.random() < 0.9 else a  # the registered address
        if ta is not a:
            r.n("stale_address") if ta != a else None
        town = TOWNS[ta["town"]]
        aul = (town[2] or town[1]) if (clerk_old[d.year] and town[2]) else town[1]
        aul = ("С." + aul).upper()
        ph = p.phone(D(y_first(d), 1, 1)) if rng.random() < 0.4 else p.phone(d)
        kh = f'К/Х "{rus(p.first).upper()}"' if farm else ("ИП " + rus(p.surname(d)).upper() if rng.random() < 0.5 else "ФИЗ.ЛИЦО")
        vol = round(area * rng.uniform(9, 24), 1)
        tarif = rng.choice([1.12, 1.25, 1.4, 1.65, 1.9]) if d.year < 2020 else rng.choice([2.1, 2.35, 2.6])
        summa = round(vol * 1000 * tarif, 2)
        dv_fio = dv_tel = dv_dat = ""
        if proxy:
            ps, pf, pp = r.parts(proxy, d, kazletters=False)
            k = rng.random()
            dv_fio = (f"{ps} {pf} {pp}".strip() if k < 0.55 else f"{ps} {pf[0]}.{(pp[0] + '.') if pp else ''}" if k < 0.85 else f"{ps} {pf}").upper()
            dv_tel = r.phone_fmt(proxy.phone(d) or "", 0) if rng.random() < 0.8 else ""
            dv_dat = (d - dt.timedelta(days=rng.randint(3, 60))).strftime("%Y%m%d")
            truth.add(fn, f"{i}#2", proxy)
        truth.add(fn, str(i), p)
        vals = [q(f"{d.year % 100:02d}/{numbers[d.year]:04d}"), str(d.year), q(f"{rus(dist).upper()}-{rng.randint(1, 9)} КАНАЛ"), q(kh),
                q(fam), q(f), q(pt), dob, q(iin), q(aul), q(addr_text(ta, "dos")), q(ph or ""), f"{area:.2f}", q(crop),
                f"{vol:.1f}", f"{tarif:.2f}", f"{summa:.2f}", "T" if rng.random() < 0.83 else "F", q(dv_fio), q(dv_tel), dv_dat,
                q(rng.choice(techs[dist]))]
        lines.append(",".join(vals))
    data = ("\r\n".join(lines) + "\r\n").encode("cp866", errors="replace") + b"\x1a"
    with open(os.path.join(out, fn), "wb") as fh:
        fh.write(data)
    r.n("rows", len(rows))
    return fn


def y_first(d):
    return max(2015, d.year - 3)


# 2 ---------------------------------------------------------------- ENT / ҰБТ results, two sheets
def w_ent(pop, rng, out, truth, stats):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    fn = "ubt_natizheleri.xlsx"
    r = R(rng, fn, stats)
    main, extra = [], []
    for p in pop.people:
        for y in range(2014, 2025):
            if D(y - 18, 9, 1) <= p.dob <= D(y - 17, 8, 31):
                d = D(y, 6, rng.randint(1, 25))
                if p.in_region(d) and rng.random() < 0.9:
                    main.append((d, p, "Негізгі"))
                    if y >= 2019 and rng.random() < 0.45:  # January attempt too
                        main.append((D(y, 1, rng.randint(15, 30)), p, "Қаңтар"))
                    d2 = D(y, 8, rng.randint(5, 20))
                    if rng.random() < 0.2 and p.in_region(d2):
                        extra.append((d2, p, "Қосымша"))
                    d3 = D(y + 1, 6, rng.randint(1, 25))
                    if rng.random() < 0.04 and y < 2024 and p.in_region(d3):  # again the next year, after a year out
                        main.append((d3, p, "Негізгі (қайта)"))
    wb = Workbook()
    ws1 = wb.active
    ws1.title = "Негізгі"
    ws2 = wb.create_sheet("Қосымша")
    hdr = ["№", "Жыл", "Кезең", "Аудан/қала", "Мектеп", "ЖСН", "Т.А.Ә.", "Оқыту тілі", "Бейіндік пәндер", "Мат. сауаттылық",
           "Оқу сауаттылығы", "Қазақстан тарихы", "1-бейіндік", "2-бейіндік", "Жалпы балл", "Грант", "Сынып жетекшісі"]
    teachers = {}
    for ws, lst, sheet in ((ws1, main, "Негізгі"), (ws2, extra, "Қосымша")):
        lst.sort(key=lambda t: (t[0].year, t[0].month, TOWNS[t[1].address(t[0])["town"]][3], t[1].pid))
        ws.append(hdr)
        for c in ws[1]:
            c.font = Font(bold=True)
        for i, (d, p, kez) in enumerate(lst, 1):
            a = p.address(d)
            t = TOWNS[a["town"]]
            kazschool = p.grp == "kz" and rng.random() < 0.88
            srng = random.Random(p.pid * 7919 + a["house"])  # one school per pupil and home
            school = (f"№ {srng.randint(1, 280)} мектеп-лицей" if srng.random() < 0.3 else f"№ {srng.randint(1, 280)} орта мектеп") if t[5] else f"{t[0]} № {srng.randint(1, 300)} орта мектебі"
            key = (school, d.year)
            if key not in teachers:
                teachers[key] = f"{rng.choice(KZ_SUR)} {rng.choice('АБГДЕЖЗКМНСТ')}.{rng.choice('АБЕКМНСТ')}."
            s, f, pt = r.parts(p, d, kazletters=kazschool, typo=0.012)
            if d.year <= 2016 or rng.random() < 0.1:
                pt = ""
            name = " ".join(x for x in (s, f, pt) if x).upper()
            if rng.random() < 0.06:
                chars = list(name)
                idx = [j for j, c in enumerate(chars) if c in HOMO]
                for j in rng.sample(idx, min(len(idx), rng.randint(1, 3))):
                    chars[j] = HOMO[chars[j]]
                name = "".join(chars)
                r.n("homoglyph")
            iin = r.iin(p, 0.015, blank=0.03)
            if iin and rng.random() < 0.3 and d.year <= 2017:
                iin = iin.lstrip("0")
            sub = rng.sample(["Математика", "Физика", "Химия", "Биология", "География", "Дүниежүзі тарихы", "Информатика", "Ағылшын тілі", "Құқық негіздері"], 2)
            sc = [rng.randint(3, 20), rng.randint(2, 10), rng.randint(4, 20), rng.randint(5, 40), rng.randint(5, 40)]
            total = sum(sc)
            ws.append([i, d.year, "Қаңтар" if kez == "Қаңтар" else ("Тамыз" if sheet == "Қосымша" else "Маусым"),
                       t[3] if not t[5] else "Қызылорда қ.", school, iin, name, "қазақ" if kazschool else "орыс", "/".join(sub),
                       sc[0], sc[1], sc[2], sc[3], sc[4], total, "иә" if total > 95 and rng.random() < 0.6 else "жоқ", teachers[key]])
            truth.add(fn, f"{sheet}/{i}", p)
        ws.freeze_panes = "A2"
        r.n("rows_" + sheet, len(lst))
    fixed_props(wb)
    path = os.path.join(out, fn)
    wb.save(path)
    fix_zip_times(path)
    return fn


# 3 ---------------------------------------------------------------- sanatorium guest book, mongoexport Extended JSON
def mongo_date(d: D, hour=None):
    """Local midnight (UTC+5) of d as mongoexport writes it (relaxed: ISO Z; before 1970 $numberLong)."""
    base = dt.datetime(d.year, d.month, d.day) - dt.timedelta(hours=5) if hour is None else dt.datetime(d.year, d.month, d.day, hour)
    ms = int((base - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
    if ms < 0:
        return {"$date": {"$numberLong": str(ms)}}
    return {"$date": base.strftime("%Y-%m-%dT%H:%M:%S.000Z")}


def w_san(pop, rng, out, truth, stats):
    fn = "shipazhai_qonaqtar.json"
    r = R(rng, fn, stats)
    stays = []
    for p in pop.people:
        for y in range(2016, 2025):
            d = D(y, rng.randint(1, 12), rng.randint(1, 28))
            if not p.in_region(d) or p.age(d) < 38:
                continue
            pr = 0.06 if p.age(d) < 55 else 0.115
            if p.spouse is not None and p.sex == "F" and p.spouse.in_region(d):
                pr *= 0.6
            if rng.random() < pr:
                stays.append((d, p))
    stays.sort(key=lambda t: (t[0], t[1].pid))
    docs = []
    rec = ["guest", "receptionist2", "aizhan.r", "admin"]
    for i, (d, p, ) in enumerate(stays, 1):
        kaz = rng.random() < 0.5
        s, f, pt = r.parts(p, d, kazletters=kaz, typo=0.015)
        if rng.random() < 0.3:
            pt = ""
        if rng.random() < 0.05:  # first and last in each other's fields
            s, f = f, s
            r.n("swapped")
        comps = []
        sp = p.spouse
        if sp is not None and sp.in_region(d) and rng.random() < 0.45:
            comps.append((sp, "жұбайы"))
        kids = [c for c in p.children if c.alive(d) and c.age(d) < 14 and c.address(d) == p.address(d)]
        gk = [g for c in p.children for g in c.children if g.alive(d) and 4 <= g.age(d) < 14]
        if kids and rng.random() < 0.25:
            c = rng.choice(kids)
            comps.append((c, "ұлы" if c.sex == "M" else "қызы"))
        elif gk and rng.random() < 0.2:
            comps.append((rng.choice(gk), "немересі"))
        arr = D.fromordinal(d.toordinal())
        dep = arr + dt.timedelta(days=rng.choice([7, 10, 10, 12, 14, 18, 21]))
        a = p.address(d)
        t = TOWNS[a["town"]]
        street = addr_text(a, "kz" if kaz else "ru").split(", ", 1)[1]
        guest = {"lastName": s, "firstName": f, "middleName": pt or None,
                 "birthDate": mongo_date(r.dob(p)) if rng.random() < 0.93 else None,
                 "iin": r.iin(p, 0.018) if rng.random() < 0.85 else "",
                 "gender": "male" if p.sex == "M" else "female",
                 "phone": r.phone_fmt(p.phone(d) or "", rng.choice([0, 1, 2, 3])) or None,
                 "address": {"region": rng.choice(["Қызылорда облысы", "Кызылординская обл.", "Кызылординская область"]),
                             "district": (t[3] if kaz else t[4]) if not t[5] else None,
                             "locality": t[0] if kaz else t[1], "street": street}}
        clist = []
        for j, (c, rel) in enumerate(comps, 2):
            ck = rng.random() < 0.5
            cs, cf, cp = r.parts(c, d, kazletters=ck)
            fnm = f"{cs} {cf}" if rng.random() < 0.7 else f"{cs} {cf} {cp}".strip()
            alone = rng.random() < 0.12
            if alone:
                fnm = cf  # first name alone: no person the README's rule can tell, so in no truth record
                r.n("companion_first_name_only")
            clist.append({"fullName": fnm, "birthDate": mongo_date(r.dob(c)) if rng.random() < 0.9 else None,
                          "relation": rel, "iin": (r.iin(c, 0.02) if rng.random() < 0.5 else None)})
            if not alone:
                truth.add(fn, f"{i}#{j}", c)
        truth.add(fn, str(i), p)
        oid = "%08x%016x" % (int((dt.datetime(arr.year, arr.month, arr.day) - dt.datetime(1970, 1, 1)).total_seconds()), rng.getrandbits(64))
        doc = {"_id": {"$oid": oid}, "bookingNo": f"ZK-{arr.year}-{i:05d}", "arrival": mongo_date(arr, 9),
               "departure": mongo_date(dep, 7), "room": {"building": rng.choice(["Бас корпус", "Шипа", "Коттедж"]), "number": str(rng.randint(101, 340))},
               "package": rng.choice(["Стандарт", "Стандарт+", "Ана мен бала", "Ардагер"]),
               "guest": guest, "companions": clist,
               "voucher": {"type": rng.choice(["өз есебінен", "ӘМСҚ", "кәсіподақ", "өз есебінен"]),
                           "amount": {"$numberDecimal": "%d.00" % (rng.randint(90, 400) * 1000)}},
               "referral": {"clinic": rng.choice(["№ 2 ҚЕ", "Облыстық аурухана", "Шиелі АА", "ЦРБ Жанакорган"]),
                            "doctor": f"{rng.choice(KZ_SUR)} {rng.choice('АБГДЕЖКМНС')}.{rng.choice('АБЕКМНС')}."} if rng.random() < 0.6 else None,
               "createdBy": rng.choice(rec), "createdAt": mongo_date(arr - dt.timedelta(days=rng.randint(3, 40)), rng.randint(3, 14))}
        docs.append(doc)
    with open(os.path.join(out, fn), "w", encoding="utf-8") as fh:
        # mongoexport --jsonArray: one document per line inside the array
        fh.write("[")
        fh.write(",\n".join(json.dumps(dd, ensure_ascii=False, separators=(",", ":")) for dd in docs))
        fh.write("]\n")
    r.n("documents", len(docs))
    return fn


# 4 ---------------------------------------------------------------- half marathon registrations, CSV with ="..." cells
MONTH_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
MONTH_KZ = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]


def free_date(rng, d: D):
    k = rng.random()
    if k < 0.32:
        return d.strftime("%d.%m.%Y")
    if k < 0.45:
        return d.strftime("%d/%m/%Y")
    if k < 0.55:
        return d.strftime("%d.%m.%y")
    if k < 0.65:
        return f"{d.day} {MONTH_RU[d.month - 1]} {d.year}"
    if k < 0.74:
        return f"{d.day} {MONTH_KZ[d.month - 1]} {d.year}"
    if k < 0.82:
        return d.strftime("%d%m%Y")
    if k < 0.9:
        return f"{d.day}.{d.month}.{d.year}"
    return d.isoformat()


def latin_name(rng, s, scheme):
    if scheme == "2017":
        return lat2017(s)
    if scheme == "icao":
        return icao(s).upper()
    return informal(rng, s)


def w_mar(pop, rng, out, truth, stats):
    fn = "marafon_tirkelu.csv"
    r = R(rng, fn, stats)
    runners = {}
    regs = []
    for p in pop.people:
        base = rng.random()
        for y in (2019, 2021, 2022, 2023, 2024):
            d = D(y, rng.randint(4, 9), rng.randint(1, 28))
            if not p.in_region(d):
                continue
            ag = p.age(d)
            if ag < 12 or ag > 68:
                continue
            pr = (0.035 if ag < 18 else 0.06 if ag < 45 else 0.025) * (6 if base < 0.12 else 0.35)
            if rng.random() < pr:
                regs.append((d, p))
    regs.sort(key=lambda t: (t[0], t[1].pid))
    hdr = ["№", "Тегі / Фамилия / Last name", "Аты / Имя / First name", "Туған күні / Дата рождения / Date of birth",
           "ЖСН / ИИН / IIN", "Жынысы / Пол / Gender", "Телефон / Phone", "E-mail", "Қала / Город / City",
           "Клуб / Club", "Қашықтық / Дистанция / Distance", "Нөмір / Номер / Bib", "Футболка / T-shirt",
           "Төтенше байланыс / Экстренный контакт / Emergency contact", "Төтенше байланыс телефоны / Emergency phone",
           "Төлеуші / Плательщик / Payer (card holder)", "Төлем күні / Дата оплаты / Paid at", "Сома / Amount"]
    rows = [hdr]
    for i, (d, p) in enumerate(regs, 1):
        scheme = wpick(rng, [("cyr", 35), ("inf", 33), ("2017", 15), ("icao", 17)])
        kaz = rng.random() < 0.6
        s, f, _ = r.parts(p, d, kazletters=True if scheme != "cyr" else kaz, typo=0.015)
        if scheme != "cyr":
            base_s, base_f = (s, f) if p.grp == "kz" else (rus(s), rus(f))
            s, f = latin_name(rng, base_s, scheme), latin_name(rng, base_f, scheme)
            r.n("latin_" + scheme)
        if rng.random() < 0.2:
            s, f = s.lower(), f.lower()
        if rng.random() < 0.07:
            s, f = f, s
            r.n("swapped")
        bd = free_date(rng, r.dob(p)) if rng.random() < 0.95 else ""
        iin = r.iin(p, 0.02) if rng.random() < 0.8 else ""
        ph = p.phone(d)
        minor = p.age(d) < 18
        par = p.mother if (p.mother and p.mother.alive(d)) else p.father
        if minor and par is not None and par.alive(d) and par.phone(d) and rng.random() < 0.6:
            ph = par.phone(d)
        email = ""
        if p.email:
            email = f"{icao(rus(p.first)).lower()}.{icao(rus(p.surname(d))).lower()}{rng.randint(80, 99) if rng.random() < 0.5 else ''}@{rng.choice(['mail.ru', 'gmail.com', 'inbox.ru', 'bk.ru'])}"
        town = TOWNS[p.address(d)["town"]]
        city = rng.choice([town[1], town[0], icao(town[0]).title(), town[1].upper()])
        dist = "3 km" if p.age(d) < 14 else rng.choice(["5 km", "10 km", "10 km", "21.1 km"])
        # emergency contact: spouse, parent, adult child
        ice = None
        cands = []
        if p.spouse and p.spouse.in_region(d):
            cands.append(p.spouse)
        for q in (p.mother, p.father):
            if q and q.in_region(d):
                cands.append(q)
        cands += [c for c in p.children if c.in_region(d) and c.age(d) >= 18]
        ice_s = ice_ph = ""
        if cands and rng.random() < 0.75:
            ice = cands[0] if rng.random() < 0.7 else rng.choice(cands)
            cs, cf, _ = r.parts(ice, d, kazletters=rng.random() < 0.5)
            k = rng.random()
            ice_s = f"{cf} ({'жұбайы' if ice is p.spouse else 'мама' if ice is p.mother else 'папа' if ice is p.father else 'ұлы/қызы'})" if k < 0.25 else (f"{cs} {cf}" if k < 0.8 else f"{cf} {cs}")
            ice_ph = ice.phone(d) or ""
            if k < 0.25:
                r.n("ice_first_name_only")  # a first name and a role: in no truth record
            else:
                truth.add(fn, f"{i}#2", ice)
        # payer: the card holder, given name first in card Latin; Kaspi QR payments leave it blank
        payer_s = ""
        if rng.random() < 0.45:
            payer = p
            if minor and par is not None and par.alive(d):
                payer = par
            elif p.spouse and p.spouse.in_region(d) and rng.random() < 0.2:
                payer = p.spouse
            ps = payer.surname(d) if payer.grp == "kz" else rus(payer.surname(d))
            pf = payer.first if payer.grp == "kz" else rus(payer.first)
            payer_s = f"{icao(rus(pf)).upper()} {icao(rus(ps)).upper()}"
            truth.add(fn, f"{i}#3", payer)
        truth.add(fn, str(i), p)
        paid = dt.datetime(d.year, d.month, d.day, rng.randint(7, 23), rng.randint(0, 59))
        rows.append([str(i), s, f, bd, f'="{iin}"' if iin else "", rng.choice(["M", "Ер", "Male"]) if p.sex == "M" else rng.choice(["F", "Әйел", "Female"]),
                     f'="{r.phone_fmt(ph, rng.choice([0, 3]))}"' if ph else "", email, city,
                     rng.choice(["", "", "", "Qyzylorda Runners", "Syr Run Club", "KZO Trail"]), dist, f'="{rng.randint(1, 2999):04d}"',
                     rng.choice(["S", "M", "L", "XL", "XS"]), ice_s, f'="{ice_ph}"' if ice_ph else "", payer_s,
                     paid.strftime("%Y-%m-%d %H:%M:%S") if payer_s else "", str(rng.choice([3000, 5000, 7000, 10000]))])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        w.writerow(row)
    with open(os.path.join(out, fn), "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    r.n("registrations", len(regs))
    return fn


# 5 ---------------------------------------------------------------- seasonal agricultural workers, xlsx from column B
def w_seas(pop, rng, out, truth, stats):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    fn = "mausymdyq_zhumysshylar.xlsx"
    r = R(rng, fn, stats)
    recs = []
    dists = ("Шиелі", "Жаңақорған", "Сырдария", "Жалағаш")
    for p in pop.people:
        lean = rng.random()
        for y in range(2016, 2025):
            d = D(y, rng.randint(4, 5), rng.randint(1, 28))
            a = p.address(d)
            if a is None or not p.alive(d) or TOWNS[a["town"]][3] not in dists or TOWNS[a["town"]][5]:
                continue
            ag = p.age(d)
            if ag < 16 or ag > 64:
                continue
            pr = (0.3 if p.sex == "M" else 0.11) if ag >= 18 else 0.16
            if lean < 0.4:
                pr *= 2.2
            else:
                pr *= 0.25
            if rng.random() < pr:
                recs.append((d, p))
    recs.sort(key=lambda t: (t[0].year, t[0], t[1].pid))
    wb = Workbook()
    ws = wb.active
    ws.title = "Сезонные рабочие"
    hdr = ["№ п/п", "Сезон", "Бригада", "ФИО работника", "Дата рожд.", "ИИН", "Уд. личности №", "Адрес проживания", "Тел.",
           "Участок", "Дата начала", "Дата окончания", "Отраб. дней", "Начислено, тг", "Согласие родителя (ФИО)",
           "Тел. родителя", "Агроном"]
    ws.append([None] + hdr)  # column A is left empty (LibreOffice sheet with a margin column)
    for c in ws[1]:
        c.font = Font(bold=True)
    agr = {y: f"{rus(rng.choice(KZ_SUR))} {rng.choice('АБЕЖКМНС')}.{rng.choice('АБЕКМНС')}." for y in range(2016, 2025)}
    for i, (d, p) in enumerate(recs, 1):
        kaz = rng.random() < 0.2
        s, f, pt = r.parts(p, d, kazletters=kaz, typo=0.02)
        k = rng.random()
        if k < 0.4:
            nm = f"{s} {initials(f, pt)}"
            r.n("initials")
        elif k < 0.5:
            nm = f"{s} {f}"
        else:
            nm = f"{s} {f} {pt}".strip()
        if rng.random() < 0.1:
            nm = nm.upper()
        bd = r.dob(p) if rng.random() < 0.93 else None
        if bd is None:
            dob_cell = None
        elif d.year >= 2022 and rng.random() < 0.7:
            dob_cell = dt.datetime(bd.year, bd.month, bd.day)  # the new accountant types date cells
        else:
            dob_cell = bd.strftime("%d.%m.%y")
            r.n("two_digit_year")
        iin = r.iin(p, 0.022, blank=0.08)
        idcard = "%09d" % rng.randint(10000000, 99999999) if rng.random() < 0.6 else ""
        a = p.address(d)
        start = D(d.year, rng.randint(4, 6), rng.randint(1, 28))
        end = start + dt.timedelta(days=rng.randint(30, 170))
        days = min((end - start).days, rng.randint(25, 140))
        consent = ctel = None
        if p.age(d) < 18:
            par = p.mother if (p.mother and p.mother.alive(d)) else p.father
            if par is not None and par.alive(d):
                ps, pf, pp = r.parts(par, d, kazletters=kaz)
                consent = f"{ps} {pf} {pp}".strip() if rng.random() < 0.6 else f"{ps} {initials(pf, pp)}"
                ctel = r.phone_fmt(par.phone(d) or "", 2) or None
                truth.add(fn, f"{i}#2", par)
                r.n("parent_consent")
        truth.add(fn, str(i), p)
        ws.append([None, i, f"{d.year}", f"Бригада № {rng.randint(1, 9)}", nm, dob_cell, iin or None, idcard or None,
                   addr_text(a, "ru"), r.phone_fmt(p.phone(d) or "", rng.choice([0, 2, 4])) or None,
                   rng.choice(["Рисовая карта № 3", "Рисовая карта № 7", "Бахча", "Овощной участок", "Ток"]),
                   start.strftime("%d.%m.%y"), end.strftime("%d.%m.%y"), days, days * rng.choice([4000, 5000, 6500, 8000]),
                   consent, ctel, agr[d.year]])
        if isinstance(dob_cell, dt.datetime):
            ws.cell(row=ws.max_row, column=6).number_format = "DD.MM.YYYY"
    ws.column_dimensions["A"].width = 2.5
    ws.freeze_panes = "C2"
    fixed_props(wb)
    path = os.path.join(out, fn)
    wb.save(path)
    fix_zip_times(path)
    r.n("rows", len(recs))
    return fn


# 6 ---------------------------------------------------------------- mosque's charity aid list, pandas-style Parquet
def w_aid(pop, rng, out, truth, stats):
    import pyarrow as pa
    import pyarrow.parquet as pq
    fn = "meshit_komek.parquet"
    r = R(rng, fn, stats)
    events = []
    for y in range(2018, 2025):
        events.append((D(y, [5, 4, 4, 4, 3, 3, 3][y - 2018], 10), "Рамазан азық-түлік себеті"))
        events.append((D(y, [8, 8, 7, 7, 7, 6, 6][y - 2018], 20), "Құрбан айт еті"))
        events.append((D(y, 11, 15), "Қысқы көмір"))
    recs = []
    for p in pop.people:
        lean = rng.random()
        for d, kind in events:
            if not p.in_region(d) or p.age(d) < 25:
                continue
            widow = p.sex == "F" and (p.spouse is None or (p.spouse.death and p.spouse.death < d) or not p.spouse.in_region(d))
            nkids = sum(1 for c in p.children if c.alive(d) and c.age(d) < 18)
            eligible = (widow and (p.age(d) >= 55 or nkids >= 1)) or (nkids >= 4 and (p.sex == "M" or widow)) or (p.age(d) >= 70 and (p.sex == "M" or widow))
            if not eligible or TOWNS[p.address(d)["town"]][5] is False and rng.random() < 0.5:
                continue
            if rng.random() < (0.36 if lean < 0.38 else 0.035):
                recs.append((d + dt.timedelta(days=rng.randint(0, 6)), kind, p))
    recs.sort(key=lambda t: (t[0], t[2].pid))
    cols = {k: [] for k in ["Күні", "Көмек түрі", "Отбасы басшысы (Т.А.Ә.)", "ЖСН", "Туған жылы", "Санаты", "Балалар саны",
                            "Мекенжайы", "Телефон", "Жұбайының Т.А.Ә.", "Жұбайының туған жылы", "Тапсырған", "Ескерту"]}
    vols = ["Ерлан (волонтер)", "Асхат", "Мадина апай", "Ғалымжан имам көмекшісі"]
    for i, (d, kind, p) in enumerate(recs, 1):
        kaz = rng.random() < 0.65
        s, f, pt = r.parts(p, d, kazletters=kaz, typo=0.02)
        if p.first in REL_VAR and rng.random() < 0.6:
            f = rng.choice(REL_VAR[p.first])
            f = f if kaz else rus(f)
            r.n("religious_variant")
        k = rng.random()
        nm = f"{s} {f} {pt}".strip() if k < 0.5 else (f"{s} {f}" if k < 0.8 else f"{f} {s}")
        if k >= 0.8:
            r.n("given_first")
        nkids = sum(1 for c in p.children if c.alive(d) and c.age(d) < 18)
        widow = p.sex == "F" and (p.spouse is None or (p.spouse.death and p.spouse.death < d))
        cat = "көпбалалы" if nkids >= 4 else ("жесір" if widow and p.age(d) >= 55 else "жалғызбасты ана" if widow else "зейнеткер")
        ph = p.phone(d)
        adult = [c for c in p.children if c.in_region(d) and c.age(d) >= 20]
        if (ph is None or p.age(d) >= 65) and adult and rng.random() < 0.6:
            ph = rng.choice(adult).phone(d) or ph  # a son's or daughter's phone
            r.n("child_phone")
        sp = p.spouse if (p.spouse and p.spouse.alive(d) and p.spouse.address(d) == p.address(d)) else None
        sp_nm = sp_y = None
        if sp is not None and rng.random() < 0.7:
            ss, sf, spt = r.parts(sp, d, kazletters=kaz)
            sp_nm = f"{ss} {sf} {spt}".strip() if rng.random() < 0.5 else f"{ss} {sf}"
            sp_y = r.dob(sp).year if rng.random() < 0.7 else None
            truth.add(fn, f"{i}#2", sp)
        truth.add(fn, str(i), p)
        cols["Күні"].append(dt.datetime(d.year, d.month, d.day, rng.randint(9, 18), rng.randint(0, 59)))
        cols["Көмек түрі"].append(kind)
        cols["Отбасы басшысы (Т.А.Ә.)"].append(nm)
        iin = r.iin(p, 0.025) if rng.random() < 0.7 else None
        cols["ЖСН"].append(float(iin) if iin else None)
        cols["Туған жылы"].append(r.dob(p).year if rng.random() < 0.9 else None)
        cols["Санаты"].append(cat)
        cols["Балалар саны"].append(nkids)
        cols["Мекенжайы"].append(addr_text(p.address(d), "kz" if kaz else "short"))
        cols["Телефон"].append(r.phone_fmt(ph or "", rng.choice([0, 1, 4])) or None)
        cols["Жұбайының Т.А.Ә."].append(sp_nm)
        cols["Жұбайының туған жылы"].append(sp_y)
        cols["Тапсырған"].append(rng.choice(vols))
        cols["Ескерту"].append(rng.choice([None, None, None, "қайталап", "телефон өшірулі", "үйде жоқ, көршісіне берілді"]))
    t = pa.table({
        "Күні": pa.array(cols["Күні"], pa.timestamp("ns")),
        "Көмек түрі": pa.array(cols["Көмек түрі"], pa.string()).dictionary_encode(),
        "Отбасы басшысы (Т.А.Ә.)": pa.array(cols["Отбасы басшысы (Т.А.Ә.)"], pa.string()),
        "ЖСН": pa.array(cols["ЖСН"], pa.float64()),
        "Туған жылы": pa.array(cols["Туған жылы"], pa.float64()),
        "Санаты": pa.array(cols["Санаты"], pa.string()).dictionary_encode(),
        "Балалар саны": pa.array(cols["Балалар саны"], pa.int64()),
        "Мекенжайы": pa.array(cols["Мекенжайы"], pa.string()),
        "Телефон": pa.array(cols["Телефон"], pa.string()),
        "Жұбайының Т.А.Ә.": pa.array(cols["Жұбайының Т.А.Ә."], pa.string()),
        "Жұбайының туған жылы": pa.array(cols["Жұбайының туған жылы"], pa.float64()),
        "Тапсырған": pa.array(cols["Тапсырған"], pa.string()),
        "Ескерту": pa.array(cols["Ескерту"], pa.string()),
    })
    pq.write_table(t, os.path.join(out, fn), compression="snappy")
    r.n("rows", len(recs))
    return fn


# ----------------------------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    pop = Pop(random.Random(rng.getrandbits(64)), a.persons)
    truth = Truth()
    stats = {"population": pop.stats, "files": {}}
    files = []
    for wfn in (w_spk, w_ent, w_san, w_mar, w_seas, w_aid):
        files.append(wfn(pop, random.Random(rng.getrandbits(64)), a.out, truth, stats["files"]))
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "record_id", "person_id"])
        for row in truth.rows:
            w.writerow(row)
    per = {}
    for f, _, pid in truth.rows:
        per.setdefault(f, set()).add(pid)
    allp = set(pid for _, _, pid in truth.rows)
    stats["records"] = {f: sum(1 for t in truth.rows if t[0] == f) for f in files}
    stats["persons_per_file"] = {f: len(per.get(f, ())) for f in files}
    stats["records_total"] = len(truth.rows)
    stats["persons_in_extracts"] = len(allp)
    cnt = {}
    for f, s in per.items():
        for pid in s:
            cnt[pid] = cnt.get(pid, 0) + 1
    stats["persons_in_two_or_more_files"] = sum(1 for v in cnt.values() if v >= 2)
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(stats, fh, ensure_ascii=False, indent=1, sort_keys=True)
    print(json.dumps({"records": stats["records"], "total": stats["records_total"], "persons": stats["persons_in_extracts"]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
