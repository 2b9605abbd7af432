# ruff: noqa
# mypy: ignore-errors
"""Twenty-second set of record-linkage extracts written apart from the project (Zhambyl region).

Written from the linkage issue's text, the README's linkage part and `ukimet link --help` only; see
bench/extracts_twentysecond.md. Six agency files and truth.csv (file,record_id,person_id).

    python bench/extracts_twentysecond.py --seed 221 --out /work/sets/twentysecond/s221 --persons 5000
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
from collections import Counter, defaultdict

D = dt.date
END = D(2024, 12, 31)

# ----------------------------------------------------------------------------------------------- names

KZ_M = ["Ержан", "Нұрлан", "Серік", "Болат", "Асқар", "Дәурен", "Қайрат", "Марат", "Бауыржан", "Ерлан", "Арман",
        "Данияр", "Жандос", "Ербол", "Мұрат", "Талғат", "Ғалым", "Бақыт", "Нұрсұлтан", "Ерасыл", "Әлихан", "Айдос",
        "Жақсылық", "Тұрсынбай", "Оразалы", "Әбдіхалық", "Сәкен", "Бекзат", "Ислам", "Алдияр", "Мадияр", "Дулат",
        "Төлеген", "Жанболат", "Ильяс", "Рүстем", "Азамат", "Әділ", "Санжар", "Темірлан", "Ерғали", "Қуаныш",
        "Бекжан", "Мейіржан", "Нұржан", "Абылай", "Ақылбек", "Жасұлан", "Еркебұлан", "Шыңғыс"]
KZ_F = ["Айгүл", "Гүлнар", "Гүлмира", "Динара", "Жанар", "Әсел", "Айжан", "Сәуле", "Мәдина", "Назерке", "Ақмарал",
        "Айсұлу", "Томирис", "Күләш", "Зәуре", "Бақытгүл", "Нұргүл", "Алтынай", "Жібек", "Ләззат", "Роза",
        "Салтанат", "Гүлжан", "Балжан", "Ақбота", "Аружан", "Дана", "Жансая", "Перизат", "Райхан", "Меруерт",
        "Айнұр", "Гаухар", "Шынар", "Ұлжан", "Қарлығаш", "Бибігүл", "Мөлдір", "Індира", "Әйгерім"]
KZ_S = ["Байзақов", "Жұмабаев", "Сейітов", "Тұрсынов", "Әбдірахманов", "Қасымов", "Омаров", "Бекмұратов", "Ахметов",
        "Сүлейменов", "Жолдасбеков", "Ниязбеков", "Рысбеков", "Төлебаев", "Дүйсенбаев", "Құлыбеков", "Исабеков",
        "Мырзабеков", "Оспанов", "Сарыбаев", "Әлімқұлов", "Байтұрсынов", "Шыңғысов", "Кенжебаев", "Қожабеков",
        "Ұзақов", "Әбішев", "Есенов", "Досанов", "Нұрмағамбетов", "Мамыров", "Тастанов", "Жақыпов", "Бердібеков",
        "Тоқтаров", "Сыдықов", "Әуелбеков", "Қалдыбаев", "Үсенов", "Бөлтіріков", "Жұмабай", "Бекболат",
        "Нұрлыбай", "Әбдіқадыр", "Сатыбалды"]
RU_M = ["Александр", "Сергей", "Владимир", "Николай", "Андрей", "Дмитрий", "Алексей", "Виктор", "Юрий", "Евгений",
        "Иван", "Михаил", "Олег", "Павел", "Игорь", "Максим", "Артём", "Денис", "Константин", "Роман"]
RU_F = ["Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Галина", "Людмила", "Надежда", "Анна",
        "Мария", "Екатерина", "Юлия", "Валентина", "Оксана", "Анастасия", "Лариса", "Марина", "Виктория", "Алёна"]
RU_S = ["Иванов", "Петров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков",
        "Фёдоров", "Морозов", "Волков", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Ткаченко", "Бондаренко", "Шевченко", "Коваленко", "Белоусов", "Журавлёв", "Гречко", "Савченко"]
DG_M = ["Хасан", "Хусейн", "Мухаммед", "Юсуп", "Ибрагим", "Исмаил", "Махмуд", "Мансур", "Ясыр", "Али", "Дауд",
        "Сулейман", "Ахмед", "Рахим", "Иса", "Хамза", "Мусса", "Абдулла"]
DG_F = ["Фатима", "Айша", "Зейнаб", "Хадича", "Маймуна", "Хава", "Салима", "Зульфия", "Халима", "Асия", "Мариям",
        "Сафия", "Раиса", "Хабиба"]
DG_S = ["Масанчи", "Ванахун", "Сушанло", "Шиваза", "Хазиев", "Имазов", "Ясыров", "Мансузов", "Дзахаров",
        "Лиахунов", "Хамзиев", "Юсуров", "Макеев", "Шисыр", "Мусаев", "Баязов"]
DG_VARIANT = {"Масанчи": "Масанчин", "Ванахун": "Ванахунов", "Сушанло": "Сушанлов", "Шиваза": "Шивазов",
              "Шисыр": "Шисыров", "Лиахунов": "Лиахун", "Мансузов": "Мансуза"}
KD_M = ["Князь", "Мирзо", "Рамазан", "Баки", "Джамал", "Шамо", "Тимур", "Керим", "Мамед", "Аслан", "Рустам",
        "Ахмед", "Саид", "Азиз"]
KD_F = ["Гуля", "Зейнаб", "Асмар", "Хадижа", "Гюльнара", "Мадина", "Зарема", "Лейла", "Фатима", "Нарине", "Айшан"]
KD_S = ["Алиев", "Мамоев", "Шамоев", "Авдоев", "Джангиров", "Надиров", "Исоев", "Мирзоев", "Гасанов", "Расоев",
        "Ахмедов", "Бакоев"]
HAWAR = {"Князь": "Kinyaz", "Мирзо": "Mîrzo", "Рамазан": "Ramazan", "Баки": "Baqî", "Джамал": "Cemal", "Шамо": "Şamo",
         "Тимур": "Temûr", "Керим": "Kerîm", "Мамед": "Memed", "Аслан": "Aslan", "Рустам": "Rustem", "Ахмед": "Ehmed",
         "Саид": "Seîd", "Азиз": "Ezîz", "Гуля": "Gulê", "Зейнаб": "Zeyneb", "Асмар": "Esmer", "Хадижа": "Xedîce",
         "Гюльнара": "Gulnar", "Мадина": "Medîne", "Зарема": "Zarema", "Лейла": "Leyla", "Фатима": "Fatma",
         "Нарине": "Narînê", "Айшан": "Ayşan", "Алиев": "Elîyev", "Мамоев": "Mamoyev", "Шамоев": "Şamoyev",
         "Авдоев": "Evdoyev", "Джангиров": "Cangîrov", "Надиров": "Nadîrov", "Исоев": "Îsoyev", "Мирзоев": "Mîrzoyev",
         "Гасанов": "Hesenov", "Расоев": "Resoyev", "Ахмедов": "Ehmedov", "Бакоев": "Baqoyev"}

GROUPS = {"kz": (KZ_M, KZ_F, KZ_S), "ru": (RU_M, RU_F, RU_S), "dg": (DG_M, DG_F, DG_S), "kd": (KD_M, KD_F, KD_S)}

KK2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
LAT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
       "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
       "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e",
       "ю": "yu", "я": "ya"}
RU_PATR = {"Дмитрий": "Дмитриев", "Юрий": "Юрьев", "Евгений": "Евгеньев"}


def kk2ru(s):
    return s.translate(KK2RU) if s else s


def latin(s):
    out = []
    for ch in kk2ru(s):
        lo = ch.lower()
        if lo in LAT:
            t = LAT[lo]
            out.append(t.capitalize() if ch != lo else t)
        else:
            out.append(ch)
    return "".join(out)


def fem_surname(s):
    if s.endswith(("ов", "ев", "ин", "ёв", "ын")):
        return s + "а"
    if s.endswith("ский"):
        return s[:-4] + "ская"
    return s


def masc(s):
    if s.endswith(("ова", "ева", "ина", "ёва", "ына")):
        return s[:-1]
    if s.endswith("ская"):
        return s[:-4] + "ский"
    return s


def patronymic(father, sex, official_kz=False):
    if official_kz:
        return father + ("ұлы" if sex == "M" else "қызы")
    if father in RU_PATR:
        base = RU_PATR[father]
        return base + ("ич" if sex == "M" else "на")
    if father.endswith("й"):
        stem = father[:-1] + "ев"
    elif father[-1] in "аоуыиеэяюёәөұүі":
        stem = father + "ев"
    else:
        stem = father + "ов"
    return stem + ("ич" if sex == "M" else "на")


# ----------------------------------------------------------------------------------------------- places

# key: (kazakh, russian, district_kk, district_ru, is_city, uzbek-free weights)
TOWNS = {
    "taraz": ("Тараз", "Тараз", None, None, True),
    "shu": ("Шу", "Шу", "Шу ауданы", "Шуский р-н", True),
    "karatau": ("Қаратау", "Каратау", "Талас ауданы", "Таласский р-н", True),
    "zhanatas": ("Жаңатас", "Жанатас", "Сарысу ауданы", "Сарысуский р-н", True),
    "kordai": ("Қордай", "Кордай", "Қордай ауданы", "Кордайский р-н", False),
    "masanchi": ("Масанчи", "Масанчи", "Қордай ауданы", "Кордайский р-н", False),
    "sortobe": ("Сортөбе", "Сортобе", "Қордай ауданы", "Кордайский р-н", False),
    "merke": ("Мерке", "Мерке", "Меркі ауданы", "Меркенский р-н", False),
    "sarykemer": ("Сарыкемер", "Сарыкемер", "Байзақ ауданы", "Байзакский р-н", False),
    "asa": ("Аса", "Аса", "Жамбыл ауданы", "Жамбылский р-н", False),
    "bmomyshuly": ("Бауыржан Момышұлы", "Бауыржан Момышулы", "Жуалы ауданы", "Жуалынский р-н", False),
    "toleby": ("Төле би", "Толе би", "Шу ауданы", "Шуский р-н", False),
    "moiynkum": ("Мойынқұм", "Мойынкум", "Мойынқұм ауданы", "Мойынкумский р-н", False),
}
TOWN_W = {"kz": {"taraz": 42, "shu": 7, "karatau": 8, "zhanatas": 8, "kordai": 5, "merke": 6, "sarykemer": 5,
                 "asa": 5, "bmomyshuly": 4, "toleby": 3, "moiynkum": 3},
          "ru": {"taraz": 60, "shu": 12, "karatau": 10, "zhanatas": 8, "kordai": 5, "merke": 5},
          "dg": {"masanchi": 45, "sortobe": 30, "kordai": 10, "taraz": 15},
          "kd": {"taraz": 40, "sarykemer": 25, "asa": 25, "merke": 10}}
# streets: (kazakh, russian)
STREETS = [("Төле би даңғылы", "пр. Толе би"), ("Абай даңғылы", "пр. Абая"), ("Жамбыл даңғылы", "пр. Жамбыла"),
           ("Сүлейменов көшесі", "ул. Сулейменова"), ("Қазыбек би көшесі", "ул. Казыбек би"),
           ("Желтоқсан көшесі", "ул. Желтоксан"), ("Байзақ батыр көшесі", "ул. Байзак батыра"),
           ("Әйтеке би көшесі", "ул. Айтеке би"), ("Рысбек батыр көшесі", "ул. Рысбек батыра"),
           ("Бейбітшілік көшесі", "ул. Мира"), ("Достық көшесі", "ул. Дружбы"), ("Жастар көшесі", "ул. Молодёжная"),
           ("Бірлік көшесі", "ул. Единства"), ("Орталық көшесі", "ул. Центральная"),
           ("Мектеп көшесі", "ул. Школьная"), ("Ленин көшесі", "ул. Ленина"), ("Сейфуллин көшесі", "ул. Сейфуллина")]
MKR = [("Қарасу", "Карасу"), ("Салтанат", "Салтанат"), ("Жайлау", "Жайлау"), ("Мыңбұлақ", "Мынбулак"),
       ("Алатау", "Алатау"), ("Талас", "Талас"), ("Самал", "Самал"), ("Әулиеата", "Аулиеата")]


class World:
    def __init__(self, seed, n):
        self.r = random.Random(seed)
        self.n = n
        self.P = []
        self.iins = set()
        self.hh = 0
        self.faults = Counter()
        self.hh_types = Counter()
        self.outsiders = 0

    # -------------------------------------------------------------------------------------------- basics
    def zipf(self, lst, k=3):
        w = [1.0 / (i + k) for i in range(len(lst))]
        return self.r.choices(lst, weights=w)[0]

    def date_between(self, a, b):
        if b <= a:
            return a
        return a + dt.timedelta(days=self.r.randint(0, (b - a).days))

    def iin_for(self, birth, sex):
        r = self.r
        cent = 3 if birth.year < 2000 else 5
        sd = cent + (0 if sex == "M" else 1)
        while True:
            body = f"{birth:%y%m%d}{sd}{r.randint(0, 9999):04d}"
            c = iin_check(body)
            if c is None:
                continue
            iin = body + str(c)
            if iin not in self.iins:
                self.iins.add(iin)
                return iin

    def new_address(self, town, grp=None):
        r = self.r
        if town == "taraz" and r.random() < 0.45:
            return {"town": town, "mkr": r.choice(MKR), "house": r.randint(1, 40), "flat": r.randint(1, 90)}
        st = STREETS[r.randrange(14)] if TOWNS[town][4] else STREETS[9 + r.randrange(8)]
        flat = r.randint(1, 60) if (TOWNS[town][4] and r.random() < 0.6) else None
        return {"town": town, "street": st, "house": r.randint(1, 160), "flat": flat}

    def pick_town(self, grp):
        w = TOWN_W[grp]
        return self.r.choices(list(w), weights=list(w.values()))[0]

    def phone(self):
        r = self.r
        return "7" + r.choice(["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]) + \
            f"{r.randint(0, 9999999):07d}"

    def person(self, sex, grp, birth, surname, father_first, hh, official_kz=False, first=None, town=None):
        r = self.r
        M, F, _ = GROUPS[grp]
        if first is None:
            first = self.zipf(M if sex == "M" else F, 4)
        p = {"pid": f"P{len(self.P) + 1:05d}", "sex": sex, "grp": grp, "first": first, "father": father_first,
             "official_kz": official_kz, "birth": birth, "death": None, "hh": hh,
             "sur": [(birth, surname if sex == "M" else fem_surname(surname))], "addr": [], "phones": [],
             "spouse": None, "children": [], "mother": None, "fatherp": None}
        p["iin"] = self.iin_for(birth, sex)
        p["patr"] = patronymic(father_first, sex, official_kz) if father_first else None
        self.P.append(p)
        return p

    def give_phone(self, p):
        r = self.r
        start = max(p["birth"].replace(year=p["birth"].year + 14) if not (p["birth"].month == 2 and p["birth"].day == 29)
                    else D(p["birth"].year + 14, 3, 1), D(2004, 1, 1))
        if start > END or (p["birth"].year < 1945 and r.random() < 0.3):
            return
        p["phones"].append((start, self.phone()))
        if r.random() < 0.2:
            p["phones"].append((self.date_between(max(start, D(2012, 1, 1)), D(2023, 6, 1)), self.phone()))
            p["phones"].sort()

    # -------------------------------------------------------------------------------------------- households
    def build(self):
        r = self.r
        while len(self.P) < self.n:
            self.hh += 1
            grp = r.choices(["kz", "ru", "dg", "kd"], weights=[72, 14, 8, 6])[0]
            t = r.choices(["couple", "single", "elderly", "mother"], weights=[62, 14, 16, 8])[0]
            self.hh_types[t] += 1
            town = self.pick_town(grp)
            home = self.new_address(town)
            S = GROUPS[grp][2]
            M, F, _ = GROUPS[grp]
            if t == "couple":
                hb = D(r.randint(1938, 1998), r.randint(1, 12), r.randint(1, 28))
                hs = self.zipf(S)
                h = self.person("M", grp, hb, hs, self.zipf(M, 4), self.hh)
                wgrp = grp if r.random() > 0.08 else r.choice(["kz", "ru", "dg", "kd"])
                wb = D(min(2000, max(1936, hb.year + r.randint(-2, 7))), r.randint(1, 12), r.randint(1, 28))
                ws = self.zipf(GROUPS[wgrp][2])
                w = self.person("F", wgrp, wb, ws, self.zipf(GROUPS[wgrp][0], 4), self.hh)
                my = max(hb.year + 21, wb.year + 19) + r.randint(0, 6)
                mdate = D(min(my, 2023), r.randint(1, 12), r.randint(1, 28))
                h["spouse"], w["spouse"] = w["pid"], h["pid"]
                take = {"kz": 0.78, "ru": 0.95, "dg": 0.85, "kd": 0.8}[wgrp]
                if r.random() < take:
                    w["sur"].append((mdate, fem_surname(hs)))
                    w["married_take"] = True
                for x in (h, w):
                    x["addr"].append((x["birth"], self.new_address(self.pick_town(x["grp"]))))
                    x["addr"].append((mdate, home))
                # children
                nmax = 3 if grp == "ru" else 5
                nk = r.randint(0, nmax)
                cb = mdate + dt.timedelta(days=r.randint(300, 450))
                used = set()
                fam_official = grp == "kz" and r.random() < 0.4
                csur = hs
                for i in range(nk):
                    if cb > D(2024, 6, 1) or cb.year - wb.year > 42:
                        break
                    twins = 2 if r.random() < 0.015 else 1
                    for j in range(twins):
                        sex = r.choice("MF")
                        pool = M if sex == "M" else F
                        if sex == "M" and i == 0 and j == 0 and grp in ("ru", "kd") and r.random() < 0.08:
                            first = h["first"]
                        else:
                            first = self.zipf([x for x in pool if x not in used] or pool, 4)
                        used.add(first)
                        c = self.person(sex, grp, cb, csur, h["first"], self.hh,
                                        official_kz=fam_official and cb.year >= 1995, first=first)
                        c["addr"].append((cb, home))
                        c["mother"], c["fatherp"] = w["pid"], h["pid"]
                        h["children"].append(c["pid"])
                        w["children"].append(c["pid"])
                        if twins == 2:
                            c["twin"] = True
                    cb = cb + dt.timedelta(days=r.randint(450, 1500))
                members = [h, w] + [self.P[int(c[1:]) - 1] for c in h["children"]]
                # divorce
                if mdate < D(2016, 1, 1) and r.random() < 0.05:
                    dd = self.date_between(mdate + dt.timedelta(days=700), D(2021, 1, 1))
                    h["addr"].append((dd, self.new_address(self.pick_town(grp))))
                    if w.get("married_take") and r.random() < 0.4:
                        w["sur"].append((dd, fem_surname(ws)))
                    members = [w] + [self.P[int(c[1:]) - 1] for c in h["children"]]
                    h["divorced"] = True
            elif t == "single":
                sex = r.choice("MF")
                b = D(r.randint(1962, 2004), r.randint(1, 12), r.randint(1, 28))
                p = self.person(sex, grp, b, self.zipf(S), self.zipf(M, 4), self.hh,
                                official_kz=grp == "kz" and b.year >= 1995 and r.random() < 0.4)
                p["addr"].append((b, self.new_address(self.pick_town(grp))))
                p["addr"].append((D(b.year + r.randint(18, 25), r.randint(1, 12), 1), home))
                if sex == "F" and b.year < 1996 and r.random() < 0.35:
                    p["sur"].append((D(b.year + r.randint(20, 28), r.randint(1, 12), r.randint(1, 28)),
                                     fem_surname(self.zipf(S))))
                members = [p]
            elif t == "elderly":
                sex = "F" if r.random() < 0.7 else "M"
                b = D(r.randint(1930, 1958), r.randint(1, 12), r.randint(1, 28))
                s = self.zipf(S)
                p = self.person(sex, grp, b, s, self.zipf(M, 4), self.hh)
                if sex == "F" and r.random() < 0.8:
                    p["sur"] = [(b, fem_surname(self.zipf(S))), (D(b.year + r.randint(19, 26), 6, 1), fem_surname(s))]
                p["addr"].append((b, home))
                members = [p]
            else:
                b = D(r.randint(1972, 1998), r.randint(1, 12), r.randint(1, 28))
                s = self.zipf(S)
                p = self.person("F", grp, b, s, self.zipf(M, 4), self.hh)
                p["addr"].append((b, home))
                members = [p]
                cb = D(min(2023, b.year + r.randint(19, 28)), r.randint(1, 12), r.randint(1, 28))
                ff = self.zipf(M, 4)
                for i in range(r.randint(1, 3)):
                    if cb > D(2024, 6, 1):
                        break
                    sex = r.choice("MF")
                    c = self.person(sex, grp, cb, s, ff, self.hh)
                    c["addr"].append((cb, home))
                    c["mother"] = p["pid"]
                    p["children"].append(c["pid"])
                    members.append(c)
                    cb = cb + dt.timedelta(days=r.randint(500, 1600))
            # household move
            if r.random() < 0.3:
                md = self.date_between(D(2008, 1, 1), D(2023, 6, 1))
                u = r.random()
                if u < 0.6:
                    nt = home["town"]
                else:
                    nt = self.pick_town(grp)
                na = self.new_address(nt)
                for x in members:
                    if x["addr"] and x["addr"][-1][0] < md and x["addr"][-1][1] is home:
                        x["addr"].append((md, na))
            # adult children leave, daughters marry
            for x in members:
                if x.get("mother") is None and x.get("fatherp") is None:
                    continue
                ly = x["birth"].year + r.randint(18, 26)
                if ly > 2024 or r.random() < 0.3:
                    continue
                ld = D(ly, r.randint(1, 12), r.randint(1, 28))
                u = r.random()
                nt = home["town"] if u < 0.55 else (self.pick_town(x["grp"]) if u < 0.8 else None)
                x["addr"] = [e for e in x["addr"] if e[0] < ld] + [(ld, self.new_address(nt) if nt else None)]
                if x["sex"] == "F" and ly - x["birth"].year >= 19 and r.random() < 0.55:
                    if r.random() < {"kz": 0.75, "ru": 0.9, "dg": 0.85, "kd": 0.8}[x["grp"]]:
                        x["sur"].append((ld, fem_surname(self.zipf(GROUPS[x["grp"]][2]))))
            for x in members:
                x["addr"].sort(key=lambda a: a[0])
        # deaths
        for p in self.P:
            y = p["birth"].year
            if y < 1940:
                q = 0.8
            elif y < 1950:
                q = 0.5
            elif y < 1960:
                q = 0.25 if p["sex"] == "M" else 0.12
            elif y < 1970:
                q = 0.08 if p["sex"] == "M" else 0.04
            else:
                q = 0.01
            if r.random() < q:
                lo = max(D(2003, 1, 1), D(y + 45, 1, 1))
                if lo < D(2024, 10, 1):
                    p["death"] = self.date_between(lo, D(2024, 10, 1))
        for p in self.P:
            self.give_phone(p)

    def outsider(self, grp, sex, born_lo=1950, born_hi=1995, sur=None):
        """A person of no household of the population (a relative from elsewhere, a social worker)."""
        r = self.r
        self.outsiders += 1
        M, F, S = GROUPS[grp]
        b = D(r.randint(born_lo, born_hi), r.randint(1, 12), r.randint(1, 28))
        s = sur or self.zipf(S)
        p = {"pid": f"X{self.outsiders:05d}", "sex": sex, "grp": grp, "first": self.zipf(M if sex == "M" else F, 4),
             "father": self.zipf(M, 4), "official_kz": False, "birth": b, "death": None, "hh": None,
             "sur": [(b, s if sex == "M" else fem_surname(s))], "addr": [], "phones": [], "spouse": None,
             "children": [], "mother": None, "fatherp": None}
        p["patr"] = patronymic(p["father"], sex)
        p["iin"] = self.iin_for(b, sex)
        p["addr"].append((b, self.new_address(self.pick_town(grp))))
        p["phones"].append((D(2004, 1, 1), self.phone()))
        return p

    # -------------------------------------------------------------------------------------------- state
    @staticmethod
    def at(hist, d):
        v = None
        for (f, x) in hist:
            if f <= d:
                v = x
            else:
                break
        return v if v is not None or not hist else (v if v is not None else None)

    def surname(self, p, d):
        return self.at(p["sur"], d) or p["sur"][0][1]

    def addr(self, p, d):
        return self.at(p["addr"], d)

    def phone_at(self, p, d):
        return self.at(p["phones"], d)

    def alive(self, p, d):
        return p["birth"] <= d and (p["death"] is None or d < p["death"])

    def age(self, p, d):
        b = p["birth"]
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    def byid(self, pid):
        return self.P[int(pid[1:]) - 1]

    # -------------------------------------------------------------------------------------------- faults
    def typo(self, s, where):
        r = self.r
        if not s or len(s) < 4 or r.random() >= 0.015:
            return s
        self.faults["name_typo"] += 1
        self.faults[f"name_typo:{where}"] += 1
        i = r.randrange(1, len(s) - 1)
        op = r.randrange(4)
        if op == 0:
            return s[:i] + s[i + 1:]
        if op == 1:
            return s[:i] + s[i] + s[i:]
        if op == 2:
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        vow = "аеиоуыэяюё" if any("а" <= c.lower() <= "я" for c in s) else "aeiouy"
        c = s[i]
        if c.lower() in vow:
            n = r.choice([v for v in vow if v != c.lower()])
            return s[:i] + (n.upper() if c.isupper() else n) + s[i + 1:]
        return s[:i] + s[i] + s[i] + s[i + 1:]

    def iin_w(self, iin, where):
        r = self.r
        if not iin or r.random() >= 0.02:
            return iin
        self.faults["iin_typo"] += 1
        self.faults[f"iin_typo:{where}"] += 1
        u = r.random()
        d = list(iin)
        if u < 0.4:
            i = r.randrange(12)
            d[i] = str((int(d[i]) + r.randint(1, 9)) % 10)
            self.faults["iin_typo_fail"] += 1
            return "".join(d)
        if u < 0.55:
            i = r.randrange(7, 10)
            d[i], d[i + 1] = d[i + 1], d[i]
            self.faults["iin_typo_swap"] += 1
            return "".join(d)
        for _ in range(20):
            i = r.randrange(7, 11)
            d2 = list(iin[:11])
            d2[i] = str((int(d2[i]) + r.randint(1, 9)) % 10)
            c = iin_check("".join(d2))
            if c is not None:
                self.faults["iin_typo_pass"] += 1
                return "".join(d2) + str(c)
        return iin

    def date_w(self, d, where):
        r = self.r
        if d is None or r.random() >= 0.01:
            return d
        self.faults["date_slip"] += 1
        self.faults[f"date_slip:{where}"] += 1
        u = r.random()
        try:
            if u < 0.3:
                return d + dt.timedelta(days=r.choice([-1, 1]))
            if u < 0.55 and d.day <= 12 and d.day != d.month:
                return D(d.year, d.day, d.month)
            if u < 0.8:
                return d.replace(year=d.year + r.choice([-1, 1]))
            dd = int(f"{d.day:02d}"[::-1])
            return d.replace(day=dd) if 1 <= dd <= 28 else d + dt.timedelta(days=10)
        except ValueError:
            return d + dt.timedelta(days=1)


def iin_check(body11):
    ds = [int(c) for c in body11]
    c = sum(d * w for d, w in zip(ds, range(1, 12))) % 11
    if c == 10:
        c = sum(d * w for d, w in zip(ds, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
        if c == 10:
            return None
    return c


# ----------------------------------------------------------------------------------------------- rendering

def name_parts(w, p, d, script, where, typo=True):
    """surname, first, patronymic in the script ('kk' Kazakh letters, 'ru' Russian letters)."""
    s = w.surname(p, d)
    f = p["first"]
    pt = p["patr"]
    if p["grp"] == "dg" and w.r.random() < 0.12:
        base = s[:-1] if (p["sex"] == "F" and s[:-1] in DG_VARIANT) else s
        v = DG_VARIANT.get(base)
        if v:
            s = fem_surname(v) if p["sex"] == "F" else v
    if script == "ru":
        s, f, pt = kk2ru(s), kk2ru(f), kk2ru(pt)
    if typo:
        s, f = w.typo(s, where), w.typo(f, where)
    return s, f, pt


def initials(f, pt):
    return f[0] + "." + (pt[0] + "." if pt else "")


def phone_fmt(ph, style):
    if not ph:
        return None
    a, b, c, e = ph[1:4], ph[4:7], ph[7:9], ph[9:11]
    if style == 0:
        return f"+7 {a} {b} {c} {e}"
    if style == 1:
        return "8" + ph[1:]
    if style == 2:
        return f"8({a}){b}-{c}-{e}"
    if style == 3:
        return ph[1:]
    return "+" + ph


def addr_ru(a, upper=False):
    if a is None:
        return None
    t = TOWNS[a["town"]]
    if "mkr" in a:
        body = f"мкр. {a['mkr'][1]}, д. {a['house']}, кв. {a['flat']}"
    else:
        body = f"{a['street'][1]}, д. {a['house']}" + (f", кв. {a['flat']}" if a.get("flat") else "")
    s = (f"г. {t[1]}, " if t[4] and t[3] is None else (f"{t[3]}, г. {t[1]}, " if t[4] else f"{t[3]}, с. {t[1]}, ")) + body
    if upper:
        s = s.upper().replace("Г. ", "Г.").replace("Д. ", "Д.").replace("КВ. ", "КВ.")
    return s


def addr_kk(a):
    if a is None:
        return None
    t = TOWNS[a["town"]]
    if "mkr" in a:
        body = f"{a['mkr'][0]} ш/а, {a['house']} үй, {a['flat']} пәтер"
    else:
        body = f"{a['street'][0]}, {a['house']}" + (f"-{a['flat']}" if a.get("flat") else "")
    pre = f"{t[0]} қ., " if t[4] and t[2] is None else (f"{t[2]}, {t[0]} қ., " if t[4] else f"{t[2]}, {t[0]} а., ")
    return pre + body


def addr_short(a):
    """street and house only, for SAP's STRAS; the town apart."""
    if a is None:
        return None, None
    t = TOWNS[a["town"]]
    if "mkr" in a:
        return t[1], f"мкр {a['mkr'][1]} {a['house']}-{a['flat']}"
    st = a["street"][1]
    return t[1], f"{st} {a['house']}" + (f"-{a['flat']}" if a.get("flat") else "")


def epoch_days(d):
    return (d - D(1970, 1, 1)).days


# ----------------------------------------------------------------------------------------------- writers

def fix_zip(path):
    """Rewrite a workbook's zip with fixed entry times, so that a seed gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-15T09:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def fixed_props(wb, creator):
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = dt.datetime(2025, 1, 15, 9, 0, 0)
    wb.properties.modified = dt.datetime(2025, 1, 15, 9, 0, 0)


class Out:
    def __init__(self, outdir):
        self.outdir = outdir
        self.truth = []
        self.counts = Counter()
        self.rows = Counter()

    def add(self, fname, rowno, persons):
        self.rows[fname] += 1
        for k, p in enumerate(persons, 1):
            if p is None:
                continue
            rid = str(rowno) if k == 1 else f"{rowno}#{k}"
            self.truth.append((fname, rid, p["pid"]))
            self.counts[fname] += 1


# ----------------------------------------------------------------------------------------------- 1. CDC

def gen_cdc(w, out):
    """Taraz transport card's concession register, Debezium change events (JSON Lines)."""
    r = w.r
    fname = "tulpar_cdc.jsonl"
    cards = []
    for p in w.P:
        cats = []
        # eligibility spans: pensioners, students, mothers of 4+, disabled
        pa = 63 if p["sex"] == "M" else 61
        ps = D(p["birth"].year + pa, p["birth"].month, min(p["birth"].day, 28))
        if ps < END:
            cats.append(("PENSIONER", max(ps, D(2016, 1, 1)), END, 0.8))
        ss = D(p["birth"].year + 16, 9, 1)
        se = D(p["birth"].year + 22, 7, 1)
        if se > D(2016, 1, 1) and ss < END:
            cats.append(("STUDENT", max(ss, D(2016, 1, 1)), min(se, END), 0.7))
        if p["sex"] == "F" and len(p["children"]) >= 4:
            kb = sorted(w.byid(c)["birth"] for c in p["children"])
            a, b = kb[3], D(kb[0].year + 18, kb[0].month, 1)
            if b > D(2016, 1, 1) and a < END:
                cats.append(("MNOGODETNAYA", max(a, D(2016, 1, 1)), min(b, END), 0.5))
        if r.random() < 0.012:
            cats.append(("INVALID", D(2016, 1, 1) + dt.timedelta(days=r.randint(0, 2500)), END, 0.8))
        for (cat, a, b, q) in cats:
            if a >= b or r.random() >= q:
                continue
            start = a + dt.timedelta(days=r.randint(0, 300))
            if start >= b or not w.alive(p, start):
                continue
            ad = w.addr(p, start)
            if ad is None or ad["town"] != "taraz":
                continue
            cards.append((start, b, cat, p))
    cards.sort(key=lambda c: (c[0], c[3]["pid"], c[2]))
    events = []
    snap = dt.datetime(2019, 3, 1, 2, 0, 0)
    cid = 1000
    for (start, stop, cat, p) in cards:
        cid += 1
        script = "kk" if (p["grp"] == "kz" and r.random() < 0.3) else "ru"
        s, f, pt = name_parts(w, p, start, script, "cdc", typo=False)
        # the operator's typo at the card's making, corrected at a later touch in half of the cases
        typo_fix = None
        if r.random() < 0.04:
            i = r.randrange(1, max(2, len(s) - 1))
            s2 = s[:i] + s[i + 1:] if len(s) > 4 else s
            w.faults["name_typo"] += 1
            w.faults["name_typo:cdc"] += 1
            typo_fix = (s2, s)
            s = s2
        row = {"id": cid, "card_no": f"9643{r.randint(0, 10**12 - 1):012d}", "category": cat,
               "fam": s, "im": f, "otch": pt if (pt and r.random() < 0.92) else None,
               "dr": epoch_days(w.date_w(p["birth"], "cdc")), "iin": w.iin_w(p["iin"], "cdc") if r.random() < 0.97 else None,
               "tel": phone_fmt(w.phone_at(p, start), 1) if w.phone_at(p, start) else None,
               "adres": addr_ru(w.addr(p, start)),
               "verified_at": None, "created_at": None}
        t0 = dt.datetime(start.year, start.month, start.day, 10, 0) + dt.timedelta(minutes=r.randint(0, 480))
        row["created_at"] = micro(t0)
        row["verified_at"] = row["created_at"]
        if t0 < snap:
            events.append((snap + dt.timedelta(seconds=cid), "r", None, dict(row), p, p))
        else:
            events.append((t0, "c", None, dict(row), p, p))
        # changes over the card's life
        changes = []
        for (d0, a) in p["addr"]:
            if start < d0 < stop and a is not None and a["town"] == "taraz" and r.random() < 0.7:
                changes.append((d0 + dt.timedelta(days=r.randint(5, 180)), "adres", addr_ru(a)))
            elif start < d0 < stop and (a is None or a["town"] != "taraz"):
                stop = min(stop, d0 + dt.timedelta(days=r.randint(30, 400)))
        for (d0, ph) in p["phones"]:
            if start < d0 < stop and r.random() < 0.6:
                changes.append((d0 + dt.timedelta(days=r.randint(5, 200)), "tel", phone_fmt(ph, 1)))
        for (d0, sn) in p["sur"][1:]:
            if start < d0 < stop and r.random() < 0.8:
                changes.append((d0 + dt.timedelta(days=r.randint(20, 300)), "fam",
                                kk2ru(sn) if script == "ru" else sn))
        if typo_fix and r.random() < 0.5:
            changes.append((start + dt.timedelta(days=r.randint(30, 700)), "fam", typo_fix[1]))
        y = start.year + 1
        while D(y, 3, 1) < stop:
            if r.random() < 0.55:
                changes.append((D(y, r.randint(1, 11), r.randint(1, 28)), "verified_at", None))
            y += 1
        changes.sort(key=lambda c: (c[0], c[1]))
        death = p["death"]
        for (d0, col, val) in changes:
            if d0 >= stop or d0 > D(2024, 11, 30) or (death and d0 >= death):
                break
            t = dt.datetime(d0.year, d0.month, d0.day, 9, 0) + dt.timedelta(minutes=r.randint(0, 540))
            if t < snap:
                # before the connector started: the snapshot shows the row as it then was
                if col != "verified_at":
                    row[col] = val
                row["verified_at"] = micro(t)
                # replace the snapshot's image
                for i in range(len(events) - 1, -1, -1):
                    if events[i][3] is not None and events[i][3]["id"] == cid:
                        events[i] = (events[i][0], events[i][1], None, dict(row), p, p)
                        break
                continue
            before = dict(row)
            if col != "verified_at":
                row[col] = val
            row["verified_at"] = micro(t)
            events.append((t, "u", before, dict(row), p, p))
        end_d = None
        if death and start < death < D(2024, 11, 30) and r.random() < 0.8:
            end_d = death + dt.timedelta(days=r.randint(20, 200))
        elif stop < D(2024, 11, 30) and r.random() < 0.7:
            end_d = stop + dt.timedelta(days=r.randint(0, 90))
        if end_d and end_d < D(2024, 12, 20):
            t = dt.datetime(end_d.year, end_d.month, end_d.day, 11, 0)
            if t < snap:
                for i in range(len(events) - 1, -1, -1):
                    if events[i][3] is not None and events[i][3]["id"] == cid:
                        del events[i]
                        break
            else:
                events.append((t, "d", dict(row), None, p, p))
    events.sort(key=lambda e: (e[0], e[3]["id"] if e[3] else e[2]["id"]))
    lsn = 23456000
    lines = []
    for n, (t, op, before, after, p1, p2) in enumerate(events, 1):
        lsn += r.randint(200, 9000)
        src = {"version": "2.5.4.Final", "connector": "postgresql", "name": "tulpar", "ts_ms": ms(t),
               "snapshot": "true" if op == "r" else "false", "db": "tulpar", "sequence": f"[null,\"{lsn}\"]",
               "schema": "public", "table": "concession_card", "txId": 700000 + n, "lsn": lsn, "xmin": None}
        ev = {"before": before, "after": after, "source": src, "op": op, "ts_ms": ms(t) + r.randint(3, 900),
              "transaction": None}
        lines.append(json.dumps(ev, ensure_ascii=False, separators=(",", ":")))
        out.add(fname, n, [p1 if before is not None else None, p2 if after is not None else None])
    with open(os.path.join(out.outdir, fname), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    return {"events": len(events), "cards": len(cards), "ops": dict(Counter(e[1] for e in events))}


def micro(t):
    # local wall time written as if UTC (Debezium MicroTimestamp of a `timestamp without time zone`)
    return int((t - dt.datetime(1970, 1, 1)).total_seconds()) * 1000000


def ms(t):
    return int((t - dt.datetime(1970, 1, 1, 5)).total_seconds()) * 1000


# ----------------------------------------------------------------------------------------------- 2. archive

def sp_internal(display, used):
    enc = "".join(c if (c.isascii() and c.isalnum()) else f"_x{ord(c):04x}_" for c in display)
    enc = enc[:32]
    name = enc
    k = 0
    while name in used:
        name = enc + str(k)
        k += 1
    used.add(name)
    return ("OData_" + name) if name.startswith("_") else name


ORGS = ["Джамбулский суперфосфатный завод", "ПО \"Химпром\" г. Джамбул", "Джамбулская ГРЭС", "ПО \"Каратау\"",
        "Жанатасский ГОК", "Джамбулский сахарный завод", "Совхоз \"Луговой\"", "Колхоз им. Ленина Кордайского р-на",
        "Джамбулская обувная фабрика", "Джамбулский кожевенный завод", "Меркенский сырзавод",
        "Шуский сахарный завод", "Джамбулская областная больница", "СШ №12 г. Джамбул",
        "Жамбылский педагогический институт", "Автобаза №3 г. Джамбула"]


def gen_archive(w, out):
    r = w.r
    fname = "arhiv_zaprosy.json"
    disp = ["Фамилия в период работы", "Дата рождения", "ИИН", "Место работы (организация)", "Период работы",
            "Вид справки", "Адрес заявителя", "Телефон", "Представитель по доверенности", "ИИН представителя",
            "Дата поступления", "Статус", "Исполнитель"]
    used = set()
    internal = [sp_internal(d, used) for d in disp]
    reqs = []
    for p in w.P:
        if not (1945 <= p["birth"].year <= 1972) or r.random() >= 0.7:
            continue
        age_from = D(p["birth"].year + 50, 1, 1)
        lo, hi = max(D(2015, 2, 1), age_from), min(D(2024, 11, 30), D(p["birth"].year + 64, 12, 1))
        if lo >= hi:
            continue
        d = w.date_between(lo, hi)
        if not w.alive(p, d) or w.addr(p, d) is None:
            continue
        reqs.append((d, p))
        if r.random() < 0.25:
            d2 = d + dt.timedelta(days=r.randint(40, 900))
            if d2 < D(2024, 12, 1) and w.alive(p, d2) and w.addr(p, d2) is not None:
                reqs.append((d2, p))
    reqs.sort(key=lambda x: (x[0], x[1]["pid"]))
    items = []
    clerks = ["Абдрахманова А.К.", "Сейтказиева Г.М.", "Лукьяненко О.В.", "Жунусова Д.Б."]
    for n, (d, p) in enumerate(reqs, 1):
        script = "kk" if (p["grp"] == "kz" and r.random() < 0.4) else "ru"
        s, f, pt = name_parts(w, p, d, script, "archive")
        full = " ".join(x for x in (s, f, pt if r.random() < 0.9 else None) if x)
        if r.random() < 0.1:
            full = full.upper()
        work_sur = None
        if len(p["sur"]) > 1 and p["sur"][0][1] != w.surname(p, d) and r.random() < 0.85:
            work_sur = p["sur"][0][1] if script == "kk" else kk2ru(p["sur"][0][1])
        b = w.date_w(p["birth"], "archive")
        u = r.random()
        bs = b.strftime("%d.%m.%Y") if u < 0.7 else (b.strftime("%d.%m.%y") if u < 0.9 else None)
        rep = None
        if r.random() < 0.12:
            cands = [w.byid(c) for c in p["children"] if w.age(w.byid(c), d) >= 20 and w.alive(w.byid(c), d)]
            if p["spouse"] and w.alive(w.byid(p["spouse"]), d):
                cands.append(w.byid(p["spouse"]))
            rep = r.choice(cands) if cands else w.outsider(p["grp"], r.choice("MF"), 1970, 1995)
        ry = r.randint(max(1970, p["birth"].year + 17), min(2000, p["birth"].year + 35))
        ph = w.phone_at(p, d)
        vals = [work_sur, bs, w.iin_w(p["iin"], "archive") if r.random() < 0.85 else None, r.choice(ORGS),
                f"{ry}-{min(2004, ry + r.randint(2, 20))}",
                r.choice(["О стаже", "О заработной плате", "О стаже и заработной плате"]),
                addr_ru(w.addr(p, d)), phone_fmt(ph, r.randrange(5)) if ph else None, None, None,
                (dt.datetime(d.year, d.month, d.day, 4, 0) + dt.timedelta(minutes=r.randint(0, 420))).strftime("%Y-%m-%dT%H:%M:%SZ"),
                r.choice(["Исполнено", "Исполнено", "Исполнено", "Отказано (документы не поступали)", "В работе"]),
                r.choice(clerks)]
        if rep is not None:
            rs, rf, rpt = name_parts(w, rep, d, "ru", "archive")
            vals[8] = " ".join(x for x in (rs, rf, rpt) if x)
            vals[9] = w.iin_w(rep["iin"], "archive") if r.random() < 0.7 else None
        created = vals[10]
        item = {"odata.type": "SP.Data.ArkhivZaprosyListItem", "odata.id": f"{n:08x}-55a1-4c1e-9d3b-{n * 7919 % 10**12:012d}",
                "odata.etag": f"\"{r.randint(1, 6)}\"", "odata.editLink": f"Web/Lists(guid'5b7c0e1a-9a2f-4d55-8a3e-0c9d1f6b2e44')/Items({n})",
                "FileSystemObjectType": 0, "Id": n, "ServerRedirectedEmbedUri": None, "ServerRedirectedEmbedUrl": "",
                "ContentTypeId": "0x0100A7C3B1E2F4D5468C9B0E1F2A3B4C5D6E", "Title": full}
        for k, v in zip(internal, vals):
            item[k] = v
        item.update({"ComplianceAssetId": None, "ID": n, "Modified": created, "Created": created,
                     "AuthorId": r.randint(11, 19), "EditorId": r.randint(11, 19), "OData__UIVersionString": "1.0",
                     "Attachments": r.random() < 0.6, "GUID": f"{r.getrandbits(32):08x}-{r.getrandbits(16):04x}-4{r.getrandbits(12):03x}-a{r.getrandbits(12):03x}-{r.getrandbits(48):012x}"})
        items.append(item)
        out.add(fname, n, [p, rep])
    doc = {"odata.metadata": "https://portal.zhambyl-arhiv.kz/sites/zaprosy/_api/$metadata#SP.ListData.ArkhivZaprosyListItems",
           "value": items}
    with open(os.path.join(out.outdir, fname), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False)
    return {"rows": len(items), "internal_names": dict(zip(disp, internal))}


# ----------------------------------------------------------------------------------------------- 3. cemetery

REL_KK = {"wife": "зайыбы", "husband": "жұбайы", "son": "ұлы", "daughter": "қызы", "other": None}


def gen_cemetery(w, out):
    import openpyxl
    r = w.r
    fname = "zirat_kitaby.xlsx"
    rows = []
    for p in w.P:
        d = p["death"]
        if not d or d < D(2005, 1, 1) or r.random() >= 0.9:
            continue
        a = w.addr(p, d - dt.timedelta(days=1))
        if a is None:
            continue
        rows.append((d + dt.timedelta(days=r.choice([0, 1, 1, 1, 2])), p, a))
    rows.sort(key=lambda x: (x[0], x[1]["pid"]))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Жерлеу кітабы"
    hdr = ["Р/с", "Зират", "Учаске", "Қатар", "Орын", "Жерлеу күні", "Марқұмның аты-жөні", "Өмір сүрген жылдары",
           "Қайтыс болған күні", "Қайтыс болу туралы куәлік №", "ЖСН", "Тапсырыс беруші",
           "Тапсырыс берушінің ЖСН", "Төленді, тг", "Бригадир"]
    ws.append(hdr)
    for n, (bd, p, a) in enumerate(rows, 1):
        d = p["death"]
        town = a["town"]
        if p["grp"] == "ru":
            cem = {"taraz": "Тараз қ., Христиан зираты", "shu": "Шу қ., Орыс зираты"}.get(town, f"{TOWNS[town][0]} зираты")
        elif p["grp"] == "dg":
            cem = "Масанчи а., Дүнген зираты" if town in ("masanchi", "sortobe", "kordai") else "Тараз қ., Мұсылман зираты №2"
        else:
            cem = {"taraz": r.choice(["Тараз қ., Мұсылман зираты №2", "Тараз қ., Ақжар зираты"])}.get(town, f"{TOWNS[town][0]} зираты")
        script = "kk" if (p["grp"] == "kz" and r.random() < 0.6) else "ru"
        s, f, pt = name_parts(w, p, d, script, "cemetery")
        name = " ".join(x for x in (s, f, pt if r.random() < 0.85 else None) if x)
        if r.random() < 0.3:
            name = name.upper()
        b = w.date_w(p["birth"], "cemetery")
        u = r.random()
        if u < 0.6:
            years = f"{b.year}–{d.year}"
        elif u < 0.85:
            years = f"{b:%d.%m.%Y} - {d:%d.%m.%Y}"
        else:
            years = f"{w.age(p, d)} жаста"
        # who ordered the burial
        rel = None
        cust = None
        if p["spouse"] and w.alive(w.byid(p["spouse"]), d) and not w.byid(p["spouse"]).get("divorced") and r.random() < 0.45:
            cust = w.byid(p["spouse"])
            rel = "wife" if cust["sex"] == "F" else "husband"
        else:
            kids = [w.byid(c) for c in p["children"] if w.alive(w.byid(c), d) and w.age(w.byid(c), d) >= 20]
            if kids:
                cust = r.choice(kids)
                rel = "son" if cust["sex"] == "M" else "daughter"
            else:
                cust = w.outsider(p["grp"], r.choice("MF"), 1950, 1998, sur=masc(p["sur"][0][1]) if r.random() < 0.5 else None)
                rel = "other"
        cs, cf, cpt = name_parts(w, cust, d, "kk" if (cust["grp"] == "kz" and r.random() < 0.5) else "ru", "cemetery")
        u = r.random()
        cph = w.phone_at(cust, d)
        relw = REL_KK[rel] or r.choice(["інісі", "бауыры", "келіні", "немересі", "туысы"])
        if u < 0.45:
            cc = f"{cs} {cf} {cpt or ''}".strip() + f" ({relw})" + (f" {phone_fmt(cph, 0)}" if cph else "")
        elif u < 0.8:
            cc = f"{cs} {initials(cf, cpt)}, {relw}" + (f", {phone_fmt(cph, 4)}" if cph else "")
        else:
            cc = f"{cs} {cf} — {relw}" + (f" — {phone_fmt(cph, 1)}" if cph else "")
        row = [n, cem, r.randint(1, 40), r.randint(1, 30), r.randint(1, 25), bd, name, years,
               d if r.random() < 0.9 else None, f"{r.randint(100, 9999):04d}" if r.random() < 0.95 else None,
               w.iin_w(p["iin"], "cemetery") if (r.random() < 0.7 and d.year >= 2009) else None, cc,
               w.iin_w(cust["iin"], "cemetery") if r.random() < 0.75 else None,
               r.choice([25000, 30000, 45000, 60000, 0]),
               r.choice(["Оспанов Т.", "Кузьмин В.", "Ясыров М."])]
        ws.append(row)
        for col in (6, 9):
            c = ws.cell(row=n + 1, column=col)
            if c.value is not None:
                c.number_format = "DD.MM.YYYY"
        out.add(fname, n, [p, cust])
    ws.freeze_panes = "A2"
    fixed_props(wb, "Тараз зираттары МКК")
    path = os.path.join(out.outdir, fname)
    wb.save(path)
    fix_zip(path)
    return {"rows": len(rows)}


# ----------------------------------------------------------------------------------------------- 4. pharmacy

DRUGS = [("E11.9", "Метформин 1000 мг №60"), ("E10.9", "Инсулин гларгин 100 ЕД/мл"), ("I10", "Амлодипин 10 мг №30"),
         ("I11.9", "Лизиноприл 10 мг №28"), ("J45.9", "Сальбутамол аэрозоль 100 мкг"), ("G40.9", "Вальпроевая кислота 300 мг"),
         ("I25.1", "Аторвастатин 20 мг №30"), ("N18.5", "Эпоэтин альфа 2000 МЕ")]


def pg_text(v):
    if v is None:
        return "\\N"
    s = str(v)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def gen_pharmacy(w, out):
    r = w.r
    fname = "dari_alo.csv"
    social = [w.outsider("kz", "F", 1965, 1990), w.outsider("ru", "F", 1965, 1990), w.outsider("kz", "F", 1970, 1992),
              w.outsider("kz", "M", 1970, 1992)]
    pats = []
    for p in w.P:
        if r.random() < (0.2 if p["birth"].year < 1975 else (0.05 if p["birth"].year < 2005 else 0.03)):
            diag = r.choice(DRUGS if p["birth"].year < 1985 else [DRUGS[1], DRUGS[4], DRUGS[5]])
            pats.append((p, diag))
    rows = []
    for (p, diag) in pats:
        for _ in range(r.randint(2, 8)):
            d = w.date_between(D(2019, 1, 10), D(2024, 11, 30))
            a = w.addr(p, d)
            if not w.alive(p, d) or a is None:
                continue
            rows.append((d, p, diag))
    rows.sort(key=lambda x: (x[0], x[1]["pid"]))
    hdr = ["disp_id", "recept_no", "disp_ts", "apteka", "pat_fio", "pat_iin", "pat_dr", "pat_tel", "pat_adres", "mkb10",
           "mnn", "kol", "poluch_fio", "poluch_iin", "poluch_rod", "vrach"]
    lines = ["\t".join(hdr)]
    did = 5400000
    vrachi = ["Нурбаева С.К.", "Ким Е.В.", "Тулегенов А.А.", "Дзахарова Ф.М.", "Ермекова Ж.Т."]
    for n, (d, p, diag) in enumerate(rows, 1):
        did += r.randint(1, 40)
        s, f, pt = name_parts(w, p, d, "ru", "pharmacy")
        fio = " ".join(x for x in (s, f, pt) if x).upper()
        iin = w.iin_w(p["iin"], "pharmacy")
        if w.age(p, d) < 16 and p["mother"] and r.random() < 0.06:
            iin = w.byid(p["mother"])["iin"]
            w.faults["mother_iin_on_child"] += 1
        ph = w.phone_at(p, d)
        adr = addr_ru(w.addr(p, d), upper=True)
        if r.random() < 0.02:
            adr = adr.replace(", Д.", ",\nД.", 1)
        rec = None
        rod = None
        u = r.random()
        if u < 0.22:
            rec, rod = p, "сам"
        elif u < 0.42:
            cands = []
            if p["spouse"] and w.alive(w.byid(p["spouse"]), d):
                cands.append((w.byid(p["spouse"]), "супруг(а)"))
            for c in p["children"]:
                cc = w.byid(c)
                if w.alive(cc, d) and w.age(cc, d) >= 18:
                    cands.append((cc, "сын" if cc["sex"] == "M" else "дочь"))
            if w.age(p, d) < 18 and p["mother"] and w.alive(w.byid(p["mother"]), d):
                cands.append((w.byid(p["mother"]), "мать"))
            if cands:
                rec, rod = r.choice(cands)
        elif u < 0.46 and w.age(p, d) >= 70:
            rec, rod = social[w.byid(p["pid"])["hh"] % len(social)], "соцработник"
        pf = pi = None
        if rec is not None:
            rs, rf, rpt = name_parts(w, rec, d, "ru", "pharmacy")
            pf = (f"{rs} {initials(rf, rpt)}" if r.random() < 0.5 else " ".join(x for x in (rs, rf, rpt) if x))
            if r.random() < 0.6:
                pf = pf.upper()
            pi = w.iin_w(rec["iin"], "pharmacy") if r.random() < 0.8 else None
        bd = w.date_w(p["birth"], "pharmacy")
        t = dt.datetime(d.year, d.month, d.day, 9, 0) + dt.timedelta(seconds=r.randint(0, 36000), microseconds=r.randint(0, 999999))
        off = "+06" if t < dt.datetime(2024, 3, 1) else "+05"
        vals = [did, f"{r.randint(10**9, 10**10 - 1)}", t.strftime("%Y-%m-%d %H:%M:%S.%f") + off,
                r.choice(["ТР-014", "ТР-022", "ТР-031", "ШУ-002", "КР-005", "ЖН-003", "КД-001"]), fio, iin,
                bd.isoformat() if r.random() < 0.95 else None,
                phone_fmt(ph, 3) if ph and r.random() < 0.85 else None, adr, diag[0], diag[1],
                r.choice([1, 1, 2, 3]), pf, pi, rod, r.choice(vrachi)]
        lines.append("\t".join(pg_text(v) for v in vals))
        out.add(fname, n, [p, rec])
    with open(os.path.join(out.outdir, fname), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    return {"rows": len(rows), "patients": len(pats)}


# ----------------------------------------------------------------------------------------------- 5. SAP HR

def gen_sap(w, out):
    import pyarrow as pa
    import pyarrow.parquet as pq
    r = w.r
    fname = "kazfosfat_hr.parquet"
    emps = []
    for p in w.P:
        towns = {a["town"] for (_, a) in p["addr"] if a}
        q = 0.0
        if p["sex"] == "M" and 1955 <= p["birth"].year <= 2001:
            q = 0.6 if towns & {"karatau", "zhanatas"} else (0.3 if "taraz" in towns else 0)
        elif p["sex"] == "F" and 1960 <= p["birth"].year <= 2001:
            q = 0.2 if towns & {"karatau", "zhanatas"} else (0.08 if "taraz" in towns else 0)
        if r.random() >= q:
            continue
        h = D(max(1999, p["birth"].year + r.randint(20, 35)), r.randint(1, 12), 1)
        if h > D(2024, 6, 1) or not w.alive(p, h):
            continue
        emps.append((h, p))
        if r.random() < 0.1:
            h2 = h + dt.timedelta(days=r.randint(700, 4000))
            if h2 < D(2024, 6, 1) and w.alive(p, h2):
                emps.append((h2, p))
    emps.sort(key=lambda x: (x[0], x[1]["pid"]))
    cols = defaultdict(list)
    rows = 0
    pernr = 10000
    for (h, p) in emps:
        pernr += r.randint(1, 30)
        stop = min(END, p["death"] or END)
        if r.random() < 0.35:
            stop = min(stop, h + dt.timedelta(days=r.randint(300, 5000)))
        d = min(stop, D(2024, 12, 1))  # the record's state: its last version
        s, f, pt = name_parts(w, p, d, "kk" if (p["grp"] == "kz" and h.year >= 2012 and r.random() < 0.2) else "ru", "sap")
        name2 = None
        if p["sex"] == "F" and p["sur"][0][1] != w.surname(p, d):
            name2 = kk2ru(p["sur"][0][1]) if r.random() < 0.8 else None
        ort, stras = addr_short(w.addr(p, d)) if w.addr(p, d) else (None, None)
        ph = w.phone_at(p, d)
        werks = {"karatau": "KT01", "zhanatas": "ZT01"}.get((w.addr(p, h) or {}).get("town"), "TR01")
        fam = []
        if p["spouse"]:
            sp = w.byid(p["spouse"])
            if not p.get("divorced") and not sp.get("divorced"):
                fam.append(("1", sp))
        for c in p["children"]:
            cc = w.byid(c)
            if cc["birth"] <= d:
                fam.append(("2", cc))
        fam = [x for x in fam if r.random() < 0.9]
        base = {"MANDT": "300", "PERNR": f"{pernr:08d}", "BUKRS": "KF01", "WERKS": werks, "BEGDA": h.strftime("%Y%m%d"),
                "ENDDA": stop.strftime("%Y%m%d") if stop < END else "99991231", "NACHN": s, "VORNA": f,
                "MIDNM": pt if (pt and r.random() < 0.95) else None, "NAME2": name2,
                "GBDAT": dt.datetime.combine(w.date_w(p["birth"], "sap"), dt.time()), "GESCH": "1" if p["sex"] == "M" else "2",
                "PERID": w.iin_w(p["iin"], "sap") if r.random() < 0.96 else None, "NATIO": "KZ", "ORT01": ort, "STRAS": stras,
                "TELNR": ("8" + ph[1:]) if ph and r.random() < 0.8 else None}
        for (famsa, m) in (fam or [(None, None)]):
            row = dict(base)
            if m is None:
                row.update({"SUBTY": None, "OBJPS": None, "FAMSA": None, "FANAM": None, "FAVOR": None, "ZZOTCH": None,
                            "FGBDT": None, "FASEX": None, "ZZIIN": None})
            else:
                ms_, mf, mpt = name_parts(w, m, d, "ru", "sap")
                fb = w.date_w(m["birth"], "sap")
                row.update({"SUBTY": famsa, "OBJPS": f"{r.randint(1, 3):02d}", "FAMSA": famsa, "FANAM": ms_, "FAVOR": mf,
                            "ZZOTCH": mpt if (mpt and r.random() < 0.7) else None,
                            "FGBDT": fb.strftime("%Y%m%d") if r.random() < 0.92 else "00000000",
                            "FASEX": "1" if m["sex"] == "M" else "2",
                            "ZZIIN": w.iin_w(m["iin"], "sap") if r.random() < 0.6 else None})
            row["LOAD_TS"] = dt.datetime(2025, 1, 14, 3, 12, 7)
            for k, v in row.items():
                cols[k].append(v)
            rows += 1
            out.add(fname, rows, [p, m])
    names = list(cols)
    arrays = []
    fields = []
    for k in names:
        if k in ("GBDAT", "LOAD_TS"):
            arrays.append(pa.array(cols[k], type=pa.timestamp("ns")))
            fields.append(pa.field(k, pa.timestamp("ns")))
        else:
            arrays.append(pa.array([None if v is None else v.encode("utf-8") for v in cols[k]], type=pa.binary()))
            fields.append(pa.field(k, pa.binary()))
    table = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    pq.write_table(table, os.path.join(out.outdir, fname), use_deprecated_int96_timestamps=True, compression="snappy",
                   row_group_size=50000)
    return {"rows": rows, "employments": len(emps)}


# ----------------------------------------------------------------------------------------------- 6. eOtinish

def gen_otinish(w, out):
    import openpyxl
    from openpyxl.styles import Alignment
    r = w.r
    fname = "otinish_akimat.xlsx"
    apps = []
    for p in w.P:
        if r.random() >= 0.17:
            continue
        for _ in range(r.choice([1, 1, 1, 2, 2, 3])):
            d = w.date_between(D(2019, 1, 1), D(2024, 11, 30))
            if w.alive(p, d) and w.age(p, d) >= 18 and w.addr(p, d) is not None:
                apps.append((d, p))
    apps.sort(key=lambda x: (x[0], x[1]["pid"]))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Обращения"
    hdr = ["Рег. номер", "Дата\nрегистрации", "Канал\nпоступления", "Заявитель", "ИИН\nзаявителя", "Контакты",
           "Адрес\nзаявителя", "В интересах\n(ФИО, ИИН)", "Вид\nобращения", "Тема", "Статус", "Исполнитель"]
    ws.append(hdr)
    for c in ws[1]:
        c.alignment = Alignment(wrap_text=True, vertical="top")
    topics = ["Водоснабжение", "Ремонт дороги", "Уличное освещение", "Жилищная очередь", "Вывоз мусора",
              "Газификация", "Социальная помощь", "Земельный участок ИЖС", "Общественный транспорт"]
    execs = ["ГУ \"Отдел ЖКХ акимата г. Тараз\" / Сарсенбаев Е.", "ГУ \"Отдел занятости\" / Иманкулова А.",
             "Аким с.о. / Бекназаров Т.", "ГУ \"Отдел строительства\" / Пак В."]
    for n, (d, p) in enumerate(apps, 1):
        ch = r.choices(["109", "eGov", "Telegram-бот", "Личный приём"], weights=[40, 35, 15, 10])[0]
        ph = w.phone_at(p, d)
        if ch == "eGov":
            s, f, pt = name_parts(w, p, d, "kk" if p["grp"] == "kz" else "ru", "otinish", typo=False)
            name = " ".join(x for x in (s, f, pt) if x).upper()
            iin = p["iin"]
        elif ch == "109":
            s, f, pt = name_parts(w, p, d, "ru", "otinish")
            f = by_ear(r, f)
            s = by_ear(r, s)
            name = " ".join(x for x in (s, f, pt if r.random() < 0.4 else None) if x)
            iin = w.iin_w(p["iin"], "otinish") if r.random() < 0.25 else None
        elif ch == "Telegram-бот":
            s, f, pt = name_parts(w, p, d, "ru", "otinish")
            if p["grp"] == "kd" and r.random() < 0.7:
                name = f"{HAWAR.get(p['first'], latin(f))} {HAWAR.get(p['sur'][0][1], latin(s)) if p['sex'] == 'M' else latin(s)}"
            elif r.random() < 0.5:
                name = f"{latin(f)} {latin(s)}".lower() if r.random() < 0.5 else f"{latin(s)} {latin(f)}"
            else:
                name = f"{f} {s}".lower()
            iin = w.iin_w(p["iin"], "otinish") if r.random() < 0.6 else None
        else:
            s, f, pt = name_parts(w, p, d, "ru", "otinish")
            name = " ".join(x for x in (s, f, pt) if x)
            iin = w.iin_w(p["iin"], "otinish") if r.random() < 0.9 else None
        contacts = phone_fmt(ph, r.randrange(5)) if ph else None
        if r.random() < 0.3:
            em = f"{latin(p['first']).lower()}.{latin(w.surname(p, d)).lower()[:6]}{r.randint(1, 99)}@{r.choice(['mail.ru', 'gmail.com', 'inbox.ru'])}"
            contacts = f"{contacts}, e-mail: {em}" if contacts else em
        interest = None
        ip = None
        if r.random() < 0.12:
            cands = []
            if p["mother"] and w.alive(w.byid(p["mother"]), d):
                cands.append(w.byid(p["mother"]))
            if p["fatherp"] and w.alive(w.byid(p["fatherp"]), d):
                cands.append(w.byid(p["fatherp"]))
            cands += [w.byid(c) for c in p["children"] if w.alive(w.byid(c), d)]
            if cands:
                ip = r.choice(cands)
                is_, if_, ipt = name_parts(w, ip, d, "ru", "otinish")
                if r.random() < 0.6:
                    interest = " ".join(x for x in (is_, if_, ipt) if x) + f", ИИН {w.iin_w(ip['iin'], 'otinish')}"
                else:
                    interest = f"{is_} {initials(if_, ipt)}, {w.date_w(ip['birth'], 'otinish'):%d.%m.%Y} г.р."
        t = dt.datetime(d.year, d.month, d.day, 9, 0) + dt.timedelta(minutes=r.randint(0, 540))
        row = [f"ЖМБ-{d.year}-{r.randint(10000, 99999)}", t, ch, name, iin, contacts, addr_ru(w.addr(p, d)), interest,
               r.choice(["Жалоба", "Заявление", "Запрос", "Предложение"]), r.choice(topics),
               r.choice(["Рассмотрено", "Разъяснено", "Удовлетворено", "Отказано"]), r.choice(execs)]
        ws.append(row)
        ws.cell(row=n + 1, column=2).number_format = "DD.MM.YYYY HH:MM"
        out.add(fname, n, [p, ip])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:L{len(apps) + 1}"
    fixed_props(wb, "eOtinish")
    path = os.path.join(out.outdir, fname)
    wb.save(path)
    fix_zip(path)
    return {"rows": len(apps)}


def by_ear(r, s):
    if not s or r.random() >= 0.25:
        return s
    for a, b in [("ль", "л"), ("л", "ль"), ("Е", "И"), ("дж", "ж"), ("Дж", "Ж"), ("ж", "дж"), ("о", "а"), ("ы", "и"),
                 ("х", "к"), ("ё", "е")]:
        if a in s[1:] or (a[0].isupper() and s.startswith(a)):
            if a == "л" and not s.endswith("л"):
                continue
            if a == "л":
                return s + "ь"
            return s.replace(a, b, 1)
    return s


# ----------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=221)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    w = World(a.seed, a.persons)
    w.build()
    out = Out(a.out)
    info = {}
    info["tulpar_cdc.jsonl"] = gen_cdc(w, out)
    info["arhiv_zaprosy.json"] = gen_archive(w, out)
    info["zirat_kitaby.xlsx"] = gen_cemetery(w, out)
    info["dari_alo.csv"] = gen_pharmacy(w, out)
    info["kazfosfat_hr.parquet"] = gen_sap(w, out)
    info["otinish_akimat.xlsx"] = gen_otinish(w, out)
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        cw = csv.writer(fh, lineterminator="\n")
        cw.writerow(["file", "record_id", "person_id"])
        cw.writerows(out.truth)
    per = defaultdict(set)
    for (f, _, pid) in out.truth:
        per[pid].add(f)
    sizes = Counter()
    for (f, _, pid) in out.truth:
        sizes[pid] += 1
    stats = {"seed": a.seed, "persons_drawn": len(w.P), "outsiders": w.outsiders, "households": dict(w.hh_types),
             "groups": dict(Counter(p["grp"] for p in w.P)), "records": len(out.truth),
             "records_per_file": dict(out.counts), "rows_per_file": dict(out.rows),
             "persons_in_extracts": len(per), "persons_in_2plus_files": sum(1 for v in per.values() if len(v) >= 2),
             "true_pairs": sum(n * (n - 1) // 2 for n in sizes.values()),
             "twins": sum(1 for p in w.P if p.get("twin")), "deaths": sum(1 for p in w.P if p["death"]),
             "surname_changes": sum(1 for p in w.P if len(p["sur"]) > 1), "faults": dict(sorted(w.faults.items())),
             "files": info}
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(stats, fh, ensure_ascii=False, indent=1, default=str)
    print(json.dumps({k: stats[k] for k in ("records", "records_per_file", "rows_per_file", "persons_in_extracts",
                                            "persons_in_2plus_files", "true_pairs")}, ensure_ascii=False))


if __name__ == "__main__":
    main()
