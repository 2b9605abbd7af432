#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
"""Thirteenth held-out record-linkage extract set (written apart from the project).

python bench/extracts_thirteenth.py --seed S --out DIR --persons N

Draws N synthetic persons of Kazakhstan in families (couples, children, the husband's parents; Kazakh,
Russian, Korean, Uzbek and German names; IINs with correct check digits) and writes five agency extracts in
styles unlike each other, plus DIR/truth.csv (file,record_id,person_id; the second person of a row is
`<record id>#2`):

  gfss_uchastniki.csv      social-insurance fund participants, cp1251, ';', Russian abbreviated headers
  notary_reestr_2023.xlsx  notary register of deals, title block, seller and buyer on one row, a total row
  hosp_adt_pid.csv         hospital ADT export, HL7-like '|' fields, SURNAME^GIVEN^PATRONYMIC, yyyymmdd
  mobop_kyc_feed.jsonl     mobile-operator KYC feed, nested JSON lines, Latin names, masked IINs
  bilim_kontingent.parquet school/kindergarten roster, pupil + one legal representative per row

stdlib + openpyxl + pyarrow only.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

# --------------------------------------------------------------------------------------------- names
KZ_M = ("Нұрлан Ерлан Бауыржан Асқат Ержан Данияр Арман Айдос Тимур Серік Марат Жандос Руслан Қанат Болат "
        "Дархан Ерболат Азамат Әлібек Ермек Нұрсұлтан Санжар Айбек Талғат Мұрат Ислам Әли Әмір Әлихан Ернар "
        "Дәурен Ғалым Бақыт Самат Ерғали Мейрам Нұржан Бекзат Ақжол Жасұлан Мақсат Ербол Ақылбек Қайрат "
        "Бағдат Төлеген Жеңіс Серікбол Мұхтар Алмас Еркін Рахат Ілияс Берік Дидар Абай Олжас").split()
KZ_F = ("Айгүл Гүлнар Әсел Меруерт Айгерім Динара Салтанат Жанар Сәуле Ақмарал Назерке Аружан Томирис Айша "
        "Жансая Мадина Камила Балжан Ботагөз Қарлығаш Шынар Жұлдыз Гүлмира Ләззат Айжан Дана Әйгерім Ару "
        "Гүлсім Күләш Роза Айнұр Дариға Мөлдір Сабина Гаухар Индира Ұлжан Назгүл Баян Раушан Жібек Інжу "
        "Әлия Зарина Ақбота Айым Перизат Алуа").split()
KZ_SUR = ("Ахметов Жұмабаев Сейтқали Нұрланов Оспанов Қасымов Исаев Сүлейменов Тоқтаров Әбенов Бекмұхамбетов "
          "Есенов Мусин Кенжебаев Сәрсенбаев Омаров Ыбыраев Әбілов Тұрсынов Бейсенов Жақыпов Нұрпейісов "
          "Құдайбергенов Серікбаев Ермеков Байжанов Мұқанов Смағұлов Әлиев Ержанов Байтұрсынов Сатпаев "
          "Жанұзақов Қожахметов Темірбеков Рахымжанов Шәріпов Жүнісов Мырзахметов Ізбасаров Айтжанов "
          "Дүйсенбаев Қалиев Төлеуов Мамыров Бекенов Оразбайұлы Сейітұлы Жақып Ахмет Тілеуберді").split()
RU_M = ("Александр Сергей Дмитрий Андрей Алексей Владимир Евгений Николай Игорь Михаил Виктор Юрий Павел Олег "
        "Максим Иван Артём Денис Константин Роман Виталий Анатолий Вячеслав Илья Никита Геннадий").split()
RU_F = ("Елена Ольга Наталья Татьяна Ирина Светлана Анна Марина Юлия Екатерина Людмила Галина Оксана Валентина "
        "Надежда Мария Анастасия Дарья Виктория Ксения Алина Полина Софья Вера Любовь Лариса").split()
RU_SUR = ("Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов Волков "
          "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
          "Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Ковалёв Белоусов "
          "Тарасов Кравченко Шевченко Бондаренко Коваленко Ткаченко Савицкий Ильин Кириллов").split()
KO_SUR = "Ким Пак Ли Цой Хван Тен Югай Хан Шин Лим Нам Пан Ни Кан Тян Огай Когай Пак Ким Ли".split()
UZ_M = "Рустам Шухрат Бахтиёр Улугбек Фарход Жасур Азиз Шерзод Отабек Равшан Анвар Ильхом Ботир Дилшод".split()
UZ_F = "Дилноза Гулнора Нигора Зарина Шахноза Мадина Феруза Мохира Нилуфар Севара Гулчехра Мунира".split()
UZ_SUR = ("Юсупов Рахимов Каримов Абдуллаев Усманов Мирзаев Холматов Турсунов Садыков Хакимов Исмаилов "
          "Ахмедов Мадаминов Эргашев Назаров Рашидов").split()
DE_M = "Андрей Александр Виктор Владимир Иван Евгений Эдуард Вальдемар Роберт Артур Яков Генрих Давид Фёдор".split()
DE_F = "Ирина Елена Ольга Эмма Лидия Мария Наталья Амалия Ирма Эльвира Вера Анна".split()
DE_SUR = ("Шмидт Мюллер Вебер Шнайдер Фишер Майер Вагнер Беккер Шульц Гофман Кох Рихтер Клейн Вольф Нейман "
          "Циммерман Браун Гартман Келлер Фукс Дик Классен Гербер").split()

FIRSTS = {"kz": (KZ_M, KZ_F), "ru": (RU_M, RU_F), "ko": (RU_M, RU_F), "uz": (UZ_M, UZ_F), "de": (DE_M, DE_F)}
SURS = {"kz": KZ_SUR, "ru": RU_SUR, "ko": KO_SUR, "uz": UZ_SUR, "de": DE_SUR}

# Russian-office spellings of Kazakh names (soft sign, х for қ ...), used besides plain folding
RU_SPELL = {"Айгүл": "Айгуль", "Гүлнар": "Гульнара", "Әсел": "Асель", "Гүлмира": "Гульмира", "Сәуле": "Сауле",
            "Бақыт": "Бахыт", "Асқат": "Асхат", "Ғалым": "Галым", "Дәурен": "Даурен", "Ләззат": "Ляззат",
            "Күләш": "Куляш", "Гүлсім": "Гульсим", "Назгүл": "Назгуль", "Әлия": "Алия", "Дариға": "Дарига",
            "Ілияс": "Ильяс", "Әлібек": "Алибек", "Әли": "Али", "Әмір": "Амир", "Жеңіс": "Женис",
            "Мөлдір": "Мольдир", "Ұлжан": "Улжан", "Інжу": "Инжу", "Ерғали": "Ергали", "Қайрат": "Кайрат",
            "Айнұр": "Айнур", "Тілеуберді": "Тлеуберды", "Ыбыраев": "Ибраев", "Шәріпов": "Шарипов",
            "Сейітұлы": "Сеитулы", "Жүнісов": "Жунусов", "Ізбасаров": "Избасаров", "Әйгерім": "Айгерим"}
SHORT = {"Александр": "Саша", "Дмитрий": "Дима", "Евгений": "Женя", "Мария": "Маша", "Наталья": "Наташа",
         "Екатерина": "Катя", "Анастасия": "Настя", "Сергей": "Серёжа", "Алексей": "Лёша"}

FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                      "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
                      "ё": "е", "Ё": "Е"})


def fold(s):
    return s.translate(FOLD)


def ru_spell(rng, s, p=0.6):
    if s in RU_SPELL and rng.random() < p:
        return RU_SPELL[s]
    return fold(s)


_PASS = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
         "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
         "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
         "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
         "ю": "iu", "я": "ia"}
_OLDPASS = dict(_PASS, **{"й": "y", "ю": "yu", "я": "ya"})
_LAT21 = dict(_PASS, **{"ә": "ä", "ғ": "ğ", "ж": "j", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "х": "h",
                        "ч": "ch", "ш": "ş", "щ": "şş", "і": "ı", "ц": "ts", "ё": "io"})
_INFORMAL = dict(_OLDPASS, **{"х": "h", "қ": "q", "ы": "y", "ү": "u", "ө": "o"})


def translit(s, table):
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in table:
            t = table[lo]
            out.append(t.capitalize() if ch != lo else t)
        else:
            out.append(ch)
    return "".join(out)


def female_surname(s, eth):
    if eth in ("ko", "de") or s.endswith(("енко", "ко", "ук")):
        return s
    if s.endswith("ұлы"):
        return s[:-3] + "қызы"
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    if s.endswith("ский"):
        return s[:-4] + "ская"
    return s


def patronymic(father, sex, style):
    """style 'kz': Нұрланұлы / Нұрланқызы; 'ru': Нурланович / Нурлановна."""
    if style == "kz":
        return father + ("ұлы" if sex == "M" else "қызы")
    f = fold(father)
    irregular = {"Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"), "Юрий": ("Юрьевич", "Юрьевна"),
                 "Яков": ("Яковлевич", "Яковлевна"), "Павел": ("Павлович", "Павловна"), "Фёдор": ("Фёдорович", "Фёдоровна"),
                 "Федор": ("Федорович", "Федоровна"), "Абай": ("Абаевич", "Абаевна")}
    if f in irregular:
        return irregular[f][0 if sex == "M" else 1]
    if f.endswith("ий"):
        stem, m, w = f[:-2], "ьевич", "ьевна"
    elif f.endswith(("й", "ь")):
        stem, m, w = f[:-1], "евич", "евна"
    elif f.endswith(("и", "у")):
        stem, m, w = f, "евич", "евна"
    elif f.endswith("а"):
        stem, m, w = f[:-1], "ович", "овна"
    else:
        stem, m, w = f, "ович", "овна"
    return stem + (m if sex == "M" else w)


# --------------------------------------------------------------------------------------------- IIN
W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def iin_check(d11):
    c = sum(int(a) * b for a, b in zip(d11, W1)) % 11
    if c == 10:
        c = sum(int(a) * b for a, b in zip(d11, W2)) % 11
        if c == 10:
            return None
    return c


def iin_valid(s):
    if len(s) != 12 or not s.isdigit():
        return False
    c = iin_check(s[:11])
    return c is not None and c == int(s[11])


def make_iin(rng, birth, sex, used):
    cent = (3 if sex == "M" else 4) if birth.year < 2000 else (5 if sex == "M" else 6)
    while True:
        d11 = birth.strftime("%y%m%d") + str(cent) + "%04d" % rng.randrange(1, 10000)
        c = iin_check(d11)
        if c is None:
            continue  # a check of 10 twice: the registry draws another serial
        iin = d11 + str(c)
        if iin not in used:
            used.add(iin)
            return iin


def make_bin(rng):
    while True:
        d11 = "%02d%02d" % (rng.randrange(0, 24), rng.randrange(1, 13)) + rng.choice("4446") + "0" + "%05d" % rng.randrange(100000)
        d11 = d11[:11]
        c = iin_check(d11)
        if c is not None:
            return d11 + str(c)


def iin_typo(rng, iin):
    """Return (typo, kind). Kinds: fail (check digit fails), swap (adjacent digits), pass11 (the 11th
    digit: weight 11 leaves the sum mod 11 unchanged), passserial (serial digit changed, check recomputed by
    the clerk's software), passdate (a birth digit changed, check recomputed)."""
    r = rng.random()
    d = list(iin)
    if r < 0.50:
        for _ in range(50):
            i = rng.randrange(12)
            d2 = d[:]
            d2[i] = str((int(d[i]) + rng.randrange(1, 10)) % 10)
            s = "".join(d2)
            if not iin_valid(s):
                return s, "fail"
    elif r < 0.65:
        for _ in range(50):
            i = rng.randrange(11)
            if d[i] != d[i + 1]:
                d2 = d[:]
                d2[i], d2[i + 1] = d2[i + 1], d2[i]
                s = "".join(d2)
                return s, "swap-pass" if iin_valid(s) else "swap"
    else:
        for _ in range(80):
            kind = rng.choices(["pass11", "passserial", "passdate"], [0.35, 0.4, 0.25])[0]
            i = 10 if kind == "pass11" else (rng.randrange(7, 11) if kind == "passserial" else rng.choice([0, 1, 4, 5]))
            d2 = d[:]
            d2[i] = str((int(d[i]) + rng.randrange(1, 10)) % 10)
            if kind != "pass11":
                c = iin_check("".join(d2[:11]))
                if c is None:
                    continue
                d2[11] = str(c)
            s = "".join(d2)
            if iin_valid(s) and s != iin:
                return s, kind
    return iin[:11] + str((int(iin[11]) + 1) % 10), "fail"


# --------------------------------------------------------------------------------------------- places
TOWNS = [("Алматы", "Almaty", 0.22), ("Астана", "Astana", 0.16), ("Шымкент", "Shymkent", 0.11),
         ("Қарағанды", "Karaganda", 0.07), ("Ақтөбе", "Aktobe", 0.06), ("Павлодар", "Pavlodar", 0.05),
         ("Өскемен", "Ust-Kamenogorsk", 0.05), ("Тараз", "Taraz", 0.05), ("Қостанай", "Kostanay", 0.05),
         ("Атырау", "Atyrau", 0.04), ("Петропавл", "Petropavlovsk", 0.04), ("Қызылорда", "Kyzylorda", 0.04),
         ("Семей", "Semey", 0.03), ("Орал", "Uralsk", 0.03)]
TOWN_RU = {"Қарағанды": "Караганда", "Ақтөбе": "Актобе", "Өскемен": "Усть-Каменогорск", "Қостанай": "Костанай",
           "Петропавл": "Петропавловск", "Қызылорда": "Кызылорда", "Орал": "Уральск"}
# street: (Kazakh nominative, Russian genitive form used after "ул.")
STREETS = [("Абай", "Абая"), ("Жамбыл", "Жамбыла"), ("Төле би", "Толе би"), ("Сәтбаев", "Сатпаева"),
           ("Райымбек", "Райымбека"), ("Қонаев", "Кунаева"), ("Гагарин", "Гагарина"), ("Пушкин", "Пушкина"),
           ("Бөгенбай батыр", "Богенбай батыра"), ("Қабанбай батыр", "Кабанбай батыра"),
           ("Байтұрсынов", "Байтурсынова"), ("Сейфуллин", "Сейфуллина"), ("Момышұлы", "Момышулы"),
           ("Желтоқсан", "Желтоксан"), ("Достық", "Достык"), ("Республика", "Республики"), ("Лермонтов", "Лермонтова"),
           ("Әуезов", "Ауэзова"), ("Шевченко", "Шевченко"), ("Құрманғазы", "Курмангазы"), ("Мәметова", "Маметовой")]
MKR = ["Самал-2", "Ақсай-4", "Жетісу-1", "Мамыр-3", "Орбита-2", "Көктем-1", "Нұрсат", "Шұғыла"]


def new_address(rng, town=None):
    if town is None:
        town = rng.choices([t[0] for t in TOWNS], [t[2] for t in TOWNS])[0]
    if rng.random() < 0.12:
        return {"town": town, "mkr": rng.choice(MKR), "street": None, "house": rng.randrange(1, 60),
                "flat": rng.randrange(1, 120)}
    flat = rng.randrange(1, 200) if rng.random() < 0.7 else None
    return {"town": town, "mkr": None, "street": rng.choice(STREETS), "house": rng.randrange(1, 250), "flat": flat}


def town_ru(t):
    return TOWN_RU.get(t, fold(t))


def town_lat(t):
    for k, l, _ in TOWNS:
        if k == t:
            return l
    return translit(t, _PASS)


def addr_ru(rng, a):
    t = town_ru(a["town"])
    if a["mkr"]:
        st, ho = "мкр. " + fold(a["mkr"]), "д. %d" % a["house"]
    else:
        st, ho = "ул. " + a["street"][1], "д. %d" % a["house"]
    fl = (", кв. %d" % a["flat"]) if a["flat"] else ""
    if rng.random() < 0.6:
        return "г. %s, %s, %s%s" % (t, st, ho, fl)
    hs = "%d-%d" % (a["house"], a["flat"]) if a["flat"] else str(a["house"])
    return "%s г., %s %s" % (t, st.replace("ул. ", ""), hs)


def addr_kz(rng, a):
    if a["mkr"]:
        st = a["mkr"] + " ш/а"
    else:
        st = a["street"][0] + rng.choice([" к-сі", " көшесі", " даңғылы" if rng.random() < 0.2 else " көшесі"])
    hs = "%d үй" % a["house"] + ((", %d пәтер" % a["flat"]) if a["flat"] else "")
    if rng.random() < 0.4:
        hs = "%d-%d" % (a["house"], a["flat"]) if a["flat"] else str(a["house"])
    return "%s қ., %s, %s" % (a["town"], st, hs)


def addr_lat(rng, a):
    t = town_lat(a["town"])
    st = translit(a["mkr"], _PASS) + " mkr" if a["mkr"] else translit(a["street"][0], _PASS)
    hs = "%d-%d" % (a["house"], a["flat"]) if a["flat"] else str(a["house"])
    s = "%s, %s %s" % (t, st, hs) if rng.random() < 0.6 else "%s %s %s" % (t.upper(), st.upper(), hs)
    return s


def addr_hl7(rng, a):
    if a["mkr"]:
        st = "мкр.%s д.%d" % (fold(a["mkr"]), a["house"])
    else:
        st = "ул.%s д.%d" % (a["street"][1], a["house"])
    if a["flat"]:
        st += " кв.%d" % a["flat"]
    return "%s^^%s^^^KZ" % (st.upper(), town_ru(a["town"]).upper())


def phone_fmt(rng, ph):
    r = rng.random()
    if r < 0.35:
        return "+7" + ph
    if r < 0.6:
        return "8" + ph
    if r < 0.8:
        return "8(%s)%s-%s-%s" % (ph[:3], ph[3:6], ph[6:8], ph[8:])
    return "+7 %s %s %s %s" % (ph[:3], ph[3:6], ph[6:8], ph[8:])


# --------------------------------------------------------------------------------------------- people
class Person:
    __slots__ = ("pid", "eth", "sex", "first", "sur", "maiden", "father_first", "patr_style", "birth", "iin",
                 "addr", "prev_addr", "phone", "fam", "family", "docno", "role")

    def patr(self, style=None):
        if not self.father_first:
            return ""
        return patronymic(self.father_first, self.sex, style or self.patr_style)


def draw_date(rng, y0, y1):
    d0 = dt.date(y0, 1, 1).toordinal()
    d1 = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randrange(d0, d1 + 1))


ETHS = ["kz", "ru", "uz", "ko", "de"]
ETHW = [0.68, 0.19, 0.06, 0.035, 0.035]


def draw_people(rng, n):
    people, used = [], set()
    fam_no = 0

    def mk(eth, sex, sur_base, father_first, birth, fam, addr, prev):
        p = Person()
        p.pid = "P%06d" % (len(people) + 1)
        p.eth, p.sex = eth, sex
        m, f = FIRSTS[eth]
        p.first = rng.choice(m if sex == "M" else f)
        p.sur = sur_base if sex == "M" else female_surname(sur_base, eth)
        p.maiden = None
        p.father_first = father_first
        if eth == "kz":
            p.patr_style = "kz" if (birth.year >= 1995 and rng.random() < 0.6) or rng.random() < 0.15 else "ru"
        else:
            p.patr_style = "ru"
        p.birth = birth
        p.iin = make_iin(rng, birth, sex, used)
        p.addr, p.prev_addr = addr, prev
        p.phone = ("70" + rng.choice("1257") + "%07d" % rng.randrange(10 ** 7)) if birth.year <= 2010 and rng.random() < 0.9 else None
        p.fam = fam
        p.family = []
        p.role = "s"
        p.docno = "%09d" % rng.randrange(10 ** 9) if birth.year <= 2008 else None
        people.append(p)
        return p

    while len(people) < n:
        fam_no += 1
        fam = "F%05d" % fam_no
        eth = rng.choices(ETHS, ETHW)[0]
        addr = new_address(rng)
        prev = None
        if rng.random() < 0.35:  # the household moved; some agencies still hold the previous address
            prev = new_address(rng, addr["town"] if rng.random() < 0.7 else None)
        members = []
        if rng.random() < 0.13:
            sex = rng.choice("MF")
            fm = FIRSTS[eth][0]
            p = mk(eth, sex, rng.choice(SURS[eth]), rng.choice(fm), draw_date(rng, 1950, 2005), fam, addr, prev)
            members.append(p)
        else:
            hb = draw_date(rng, 1948, 2000)
            grand = rng.random() < 0.2 and hb.year >= 1965
            sur = rng.choice(SURS[eth])
            gf_first = rng.choice(FIRSTS[eth][0])
            if grand:
                gy = hb.year - rng.randrange(22, 34)
                gf = mk(eth, "M", sur, rng.choice(FIRSTS[eth][0]), draw_date(rng, gy, gy), fam, addr, prev)
                gm = mk(eth, "F", sur, rng.choice(FIRSTS[eth][0]), draw_date(rng, gy + rng.randrange(0, 5), gy + 5), fam, addr, prev)
                gm.maiden = female_surname(rng.choice(SURS[eth]), eth) if rng.random() < 0.5 else None
                gf_first = gf.first
                gf.role, gm.role = "gf", "gm"
                members += [gf, gm]
            h = mk(eth, "M", sur, gf_first, hb, fam, addr, prev)
            weth = eth if rng.random() < 0.92 else rng.choices(ETHS, ETHW)[0]
            wb = dt.date.fromordinal(hb.toordinal() + rng.randrange(-700, 2900))
            w = mk(weth, "F", sur, rng.choice(FIRSTS[weth][0]), wb, fam, addr, prev)
            own = female_surname(rng.choice(SURS[weth]), weth)
            take = {"kz": 0.55, "ru": 0.9, "ko": 0.8, "de": 0.9, "uz": 0.6}[weth]
            if eth != "kz" and weth == "kz":
                take = 0.7
            if rng.random() < take and own != w.sur:
                w.maiden = own
                if eth in ("ko", "de") or weth == eth:
                    pass
                w.sur = female_surname(sur, eth)
            else:
                w.sur = own
            h.role, w.role = "h", "w"
            members += [h, w]
            nkids = rng.choices([0, 1, 2, 3, 4], [0.12, 0.25, 0.33, 0.2, 0.1] if eth in ("kz", "uz") else [0.2, 0.35, 0.33, 0.1, 0.02])[0]
            y0 = max(hb.year, wb.year) + 20
            for _k in range(nkids):
                by = rng.randrange(y0, min(y0 + 20, 2023) + 1) if y0 <= 2023 else None
                if by is None:
                    break
                sex = rng.choice("MF")
                csur = sur
                if eth == "kz" and rng.random() < 0.12:  # child named after the father's first name
                    csur = fold(h.first) + "ов" if rng.random() < 0.6 else h.first + "ұлы"
                bd = draw_date(rng, by, by)
                c = mk(eth, sex, csur, h.first, bd, fam, addr, prev)
                c.role = "c"
                members.append(c)
                if rng.random() < 0.015:  # twins
                    sex2 = rng.choice("MF")
                    t = mk(eth, sex2, csur if sex2 == "M" else csur, h.first, bd, fam, addr, prev)
                    t.role = "c"
                    t.sur = csur if sex2 == "M" else female_surname(csur, eth)
                    if t.first == c.first:
                        t.first = [x for x in FIRSTS[eth][0 if sex2 == "M" else 1] if x != c.first][0]
                    members.append(t)
        for p in members:
            p.family = members
    return people[:n]


# --------------------------------------------------------------------------------------------- faults
def typo_name(rng, s):
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    r = rng.random()
    if r < 0.35:
        return s[:i] + s[i + 1:]
    if r < 0.6:
        return s[:i] + s[i] + s[i:]
    if r < 0.8:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    vow = "аеоиуы" if "а" <= s[i].lower() <= "я" else "aeiouy"
    return s[:i] + rng.choice(vow) + s[i + 1:]


class Faults:
    """IIN fault bookkeeping per file."""

    def __init__(self, rng, people, missing, typo, other):
        self.rng, self.people = rng, people
        self.missing, self.typo, self.other = missing, typo, other
        self.stats = {}

    def count(self, k):
        self.stats[k] = self.stats.get(k, 0) + 1

    def iin(self, p, allow_missing=True):
        rng = self.rng
        self.count("n")
        r = rng.random()
        if allow_missing and r < self.missing:
            self.count("iin_missing")
            return None
        r = rng.random()
        if r < self.typo:
            s, kind = iin_typo(rng, p.iin)
            self.count("iin_typo_" + kind)
            return s
        if r < self.typo + self.other:
            fam = [q for q in p.family if q is not p]
            q = rng.choice(fam) if fam and rng.random() < 0.6 else rng.choice(self.people)
            if q is not p:
                self.count("iin_someone_else")
                return q.iin
        return p.iin


def maybe_date_typo(rng, d, rate=0.012):
    if rng.random() >= rate:
        return d
    r = rng.random()
    try:
        if r < 0.4 and d.day <= 12 and d.day != d.month:
            return dt.date(d.year, d.day, d.month)
        if r < 0.7:
            return dt.date(d.year, d.month, min(28, max(1, d.day + rng.choice([-10, -1, 1, 10]))))
        return dt.date(d.year + rng.choice([-1, 1, -10]), d.month, min(d.day, 28))
    except ValueError:
        return d


RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"]
RU_MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                 "ноябрь", "декабрь"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def surname_for(rng, p, p_maiden):
    if p.maiden and rng.random() < p_maiden:
        return p.maiden
    return p.sur


def pick_addr(rng, p, p_stale):
    if p.prev_addr and rng.random() < p_stale:
        return p.prev_addr
    return p.addr


# --------------------------------------------------------------------------------------------- extracts
def write_gfss(rng, people, out, truth, stats):
    """Social-insurance fund (ГФСС) participants: cp1251, ';', Russian abbreviations, Kazakh letters folded."""
    fn = "gfss_uchastniki.csv"
    F = Faults(rng, people, missing=0.035, typo=0.022, other=0.006)
    adults = [p for p in people if 1958 <= p.birth.year <= 2005]
    chosen = [p for p in adults if rng.random() < 0.72]
    rows = []
    for p in chosen:
        rows.append(p)
        if rng.random() < 0.035:  # registered twice (an old card and a new one)
            rows.append(p)
            stats["gfss_dup"] = stats.get("gfss_dup", 0) + 1
    rng.shuffle(rows)
    header = ["Рег. №", "ИИН", "Фам.", "Имя", "Отч.", "Д.р.", "Пол", "Адр. рег.", "БИН страх.", "Дата рег.",
              "Стат. уч.", "Сумма СО, тг"]
    bins = [make_bin(rng) for _ in range(300)]
    used = set()
    with open(os.path.join(out, fn), "w", encoding="cp1251", newline="", errors="replace") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        for p in rows:
            while True:
                rid = "%02d-%07d" % (rng.randrange(1, 20), rng.randrange(10 ** 7))
                if rid not in used:
                    used.add(rid)
                    break
            iin = F.iin(p)
            iin_s = iin if iin else rng.choice(["", "", "нет данных", "000000000000"])
            sur = fold(surname_for(rng, p, 0.3))
            if p.maiden and sur == fold(p.maiden):
                stats["gfss_maiden"] = stats.get("gfss_maiden", 0) + 1
            first = ru_spell(rng, p.first, 0.7)
            patr = fold(p.patr("ru" if rng.random() < 0.7 else None))
            if rng.random() < 0.02:
                sur = typo_name(rng, sur)
                stats["gfss_name_typo"] = stats.get("gfss_name_typo", 0) + 1
            if rng.random() < 0.02:
                first = typo_name(rng, first)
            if rng.random() < 0.25:
                sur, first, patr = sur.upper(), first.upper(), patr.upper()
            if not patr and rng.random() < 0.5:
                patr = "нет"
            b = maybe_date_typo(rng, p.birth)
            r = rng.random()
            if r < 0.012:
                ds = "нет данных"
            elif r < 0.80:
                ds = b.strftime("%d.%m.%Y")
            elif r < 0.92:
                ds = b.strftime("%d.%m.%y")
            else:
                ds = b.strftime("%Y%m%d")
            sex = ("М" if p.sex == "M" else "Ж") if rng.random() > 0.02 else ""
            a = pick_addr(rng, p, 0.4)
            reg = draw_date(rng, max(1998, p.birth.year + 18), 2023)
            w.writerow([rid, iin_s, sur, first, patr, ds, sex, addr_ru(rng, a) if rng.random() > 0.03 else "н/д",
                        rng.choice(bins), reg.strftime("%d.%m.%Y"), rng.choice(["действ.", "действ.", "приост.", "закр."]),
                        "%d,%02d" % (rng.randrange(2000, 90000), rng.randrange(100))])
            truth.append((fn, rid, p.pid))
    stats["files"][fn] = {"rows": len(rows), "records": len(rows), **F.stats}


def write_notary(rng, people, out, truth, stats):
    """Notary register: a title block, one deal per row, seller then buyer (never the same person)."""
    fn = "notary_reestr_2023.xlsx"
    F = Faults(rng, people, missing=0.05, typo=0.022, other=0.006)
    adults = [p for p in people if p.birth.year <= 2004]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Реестр"
    notaries = ["Сейтжанова Г.К.", "Бекова А.Т.", "Ким Л.В.", "Омарбеков Е.С.", "Шнайдер О.А."]
    ws.append(["РЕЕСТР регистрации нотариальных действий"])
    ws.append(["Нотариальная палата г. Алматы и областей, нотариусы: " + ", ".join(notaries)])
    ws.append(["Период: с 01.01.2023 по 31.12.2023"])
    ws.append([])
    header = ["Реестр. №", "Дата", "Вид нотариального действия", "Объект (адрес)", "Продавец (даритель) ФИО",
              "Продавец ИИН", "Продавец дата рожд.", "Покупатель (одаряемый) ФИО", "Покупатель ИИН",
              "Покупатель дата рожд.", "Сумма сделки, тг", "Нотариус"]
    ws.append(header)
    ndeals = int(len(adults) * 0.14)
    kinds = ["купля-продажа квартиры", "купля-продажа жилого дома", "купля-продажа земельного участка",
             "договор дарения", "купля-продажа гаража", "договор мены"]

    def party(p):
        iin = F.iin(p)
        sur = surname_for(rng, p, 0.05)
        first, patr = p.first, p.patr()
        if rng.random() < 0.5:
            sur, first, patr = fold(sur), ru_spell(rng, first, 0.5), fold(p.patr("ru"))
        if rng.random() < 0.015:
            first = typo_name(rng, first)
        r = rng.random()
        if r < 0.13:
            name = "%s %s.%s" % (sur.upper(), first[0], (patr[0] + ".") if patr else "")
            stats["notary_initials"] = stats.get("notary_initials", 0) + 1
        elif r < 0.25:
            name = " ".join(x for x in (sur, first, patr) if x).upper()
        else:
            name = " ".join(x for x in (sur, first, patr) if x)
        b = maybe_date_typo(rng, p.birth)
        r = rng.random()
        if r < 0.04:
            bd = rng.choice(["н/д", None])
        elif r < 0.72:
            bd = dt.datetime(b.year, b.month, b.day)
        elif r < 0.86:
            bd = b.strftime("%d.%m.%Y")
        elif r < 0.96:
            bd = "%d %s %d г." % (b.day, RU_MONTHS_GEN[b.month - 1], b.year)
        else:
            bd = "%d г.р." % b.year
        return [name, iin if iin else rng.choice([None, "н/д"]), bd]

    for k in range(ndeals):
        kind = rng.choices(kinds, [0.4, 0.15, 0.15, 0.18, 0.07, 0.05])[0]
        s = rng.choice(adults)
        if kind == "договор дарения" and rng.random() < 0.6:
            fam = [q for q in s.family if q is not s and q.birth.year <= 2004]
            b = rng.choice(fam) if fam else rng.choice(adults)
        else:
            b = rng.choice(adults)
        while b is s:
            b = rng.choice(adults)
        rid = "%d-%04d" % (rng.choice([1, 1, 2]), k + 1)
        d = draw_date(rng, 2023, 2023)
        obj = addr_ru(rng, s.prev_addr if (s.prev_addr and rng.random() < 0.5) else new_address(rng))
        amount = None if "дарения" in kind else rng.randrange(3, 120) * 500000
        cell_d = dt.datetime(d.year, d.month, d.day)
        ws.append([rid, cell_d, kind, obj] + party(s) + party(b) + [amount, rng.choice(notaries)])
        truth.append((fn, rid, s.pid))
        truth.append((fn, rid + "#2", b.pid))
    ws.append([])
    ws.append(["Итого нотариальных действий: %d" % ndeals])
    for row in ws.iter_rows(min_row=6):
        for c in row:
            if isinstance(c.value, dt.datetime):
                c.number_format = "DD.MM.YYYY"
    wb.save(os.path.join(out, fn))
    stats["files"][fn] = {"rows": ndeals, "records": 2 * ndeals, **F.stats}


def write_hl7(rng, people, out, truth, stats):
    """Hospital ADT export: one PID segment per admission, fields as HL7 v2 places them, '|' separated."""
    fn = "hosp_adt_pid.csv"
    F = Faults(rng, people, missing=0.22, typo=0.02, other=0.004)
    facs = ["ГКБ№7^Алматы", "ОБ^Караганда", "ГДБ№2^Астана", "ЦРБ^Тараз", "МЦ^Шымкент"]
    doctors = ["ИСКАКОВА^ГУЛЬНАР^БОЛАТОВНА", "ПЕТРЕНКО^ОЛЕГ^ИВАНОВИЧ", "ТЕН^МАРИНА^СЕРГЕЕВНА",
               "ЖУМАГУЛОВ^АРМАН^ЕРЛАНОВИЧ", "ШМИДТ^ВИКТОР^ЭДУАРДОВИЧ", "НУРМАГАМБЕТОВА^АЙГУЛЬ^К"]
    header = ["MSH-10 MessageControlID", "MSH-4 SendingFacility", "MSH-7 DateTimeOfMessage", "PID-3 PatientIdentifierList",
              "PID-5 PatientName", "PID-7 DateTimeOfBirth", "PID-8 AdministrativeSex", "PID-11 PatientAddress",
              "PID-13 PhoneNumberHome", "PID-19 SSNNumber", "PV1-2 PatientClass", "PV1-7 AttendingDoctor"]
    lines = []
    mrns = {}
    nrec = 0
    chosen = [p for p in people if rng.random() < 0.42]
    visits = []
    for p in chosen:
        nv = rng.choices([1, 2, 3], [0.8, 0.15, 0.05])[0]
        fac = rng.randrange(len(facs))
        for v in range(nv):
            visits.append((p, fac if rng.random() < 0.8 else rng.randrange(len(facs)), v))
    rng.shuffle(visits)
    stats["hl7_repeat_visits"] = sum(1 for v in visits if v[2] > 0)
    for i, (p, fac, v) in enumerate(visits):
        key = (p.pid, fac)
        if key not in mrns or rng.random() < 0.25:  # a new card at a repeat visit
            mrns[key] = "%d%06d" % (fac + 1, rng.randrange(10 ** 6))
        rid = "ADT%02d%08d" % (fac + 1, 10000 + i * 7 + rng.randrange(7))
        msgt = dt.datetime(2023, 1, 1) + dt.timedelta(minutes=rng.randrange(525600))
        iin = F.iin(p)
        if p.birth.year >= 2010 and iin and rng.random() < 0.04:
            mother = [q for q in p.family if q.role == "w"] if p.role == "c" else []
            if mother:
                iin = mother[0].iin  # the mother's IIN on the child's card
                F.count("iin_mother_on_child")
        sur = surname_for(rng, p, 0.12)
        kz_keep = rng.random() < 0.45
        sur = sur if kz_keep else fold(sur)
        first = p.first if kz_keep else ru_spell(rng, p.first, 0.6)
        patr = p.patr() if kz_keep else fold(p.patr())
        if rng.random() < 0.2:
            patr = ""
        if rng.random() < 0.025:
            first = typo_name(rng, first)
        if rng.random() < 0.02:
            sur = typo_name(rng, sur)
        name = "%s^%s^%s" % (sur.upper(), first.upper(), patr.upper())
        b = maybe_date_typo(rng, p.birth, 0.015)
        r = rng.random()
        if r < 0.025:
            bd = '""'
        elif r < 0.05:
            bd = "%04d" % b.year
        elif r < 0.08:
            bd = "%04d%02d" % (b.year, b.month)
        else:
            bd = b.strftime("%Y%m%d")
        sex = {"M": "M", "F": "F"}[p.sex] if rng.random() > 0.03 else "U"
        a = pick_addr(rng, p, 0.22)
        ad = addr_hl7(rng, a) if rng.random() > 0.04 else '""'
        ph = p.phone
        if not ph or rng.random() < 0.15:
            fam = [q for q in p.family if q.phone]
            ph = fam[0].phone if fam and rng.random() < 0.6 else None
        phs = phone_fmt(rng, ph) if ph else '""'
        pid3 = "%s^^^%s^MR" % (mrns[key], facs[fac].split("^")[0])
        lines.append([rid, facs[fac], msgt.strftime("%Y%m%d%H%M%S"), pid3, name, bd, sex, ad, phs,
                      iin if iin else '""', rng.choice(["I", "O", "O", "E"]), rng.choice(doctors)])
        truth.append((fn, rid, p.pid))
        nrec += 1
    with open(os.path.join(out, fn), "w", encoding="utf-8", newline="") as f:
        f.write("|".join(header) + "\n")
        for row in lines:
            f.write("|".join(x.replace("|", "/") for x in row) + "\n")
    stats["files"][fn] = {"rows": nrec, "records": nrec, **F.stats}


def write_kyc(rng, people, out, truth, stats):
    """Mobile-operator KYC feed: JSON lines, Latin names, masked IINs, phone numbers."""
    fn = "mobop_kyc_feed.jsonl"
    F = Faults(rng, people, missing=0.0, typo=0.018, other=0.005)
    subs = [p for p in people if p.birth.year <= 2008 and rng.random() < 0.62]
    recs = []
    for p in subs:
        recs.append((p, 0))
        if rng.random() < 0.1:
            recs.append((p, 1))  # a second SIM
    rng.shuffle(recs)
    used = set()
    nmask = nfull = nnone = 0
    with open(os.path.join(out, fn), "w", encoding="utf-8") as f:
        for i, (p, sim) in enumerate(recs):
            created = dt.datetime(2019, 1, 1) + dt.timedelta(minutes=rng.randrange(5 * 525600))
            while True:
                rid = "KYC-%d-%06d" % (created.year, rng.randrange(10 ** 6))
                if rid not in used:
                    used.add(rid)
                    break
            iin = F.iin(p, allow_missing=False)
            r = rng.random()
            if r < 0.38:
                iin_out = iin[:6] + "*****" + iin[11]
                nmask += 1
            elif r < 0.42:
                iin_out = iin[:4] + "******" + iin[10:]
                nmask += 1
            elif r < 0.50:
                iin_out = None
                nnone += 1
            else:
                iin_out = iin
                nfull += 1
            sur = surname_for(rng, p, 0.2)
            patr = p.patr()
            r = rng.random()
            if r < 0.55:   # as read off the ID card
                nm = "%s %s" % (translit(sur, _PASS).upper(), translit(p.first, _PASS).upper())
            elif r < 0.65:
                nm = "%s %s %s" % (translit(sur, _OLDPASS).upper(), translit(p.first, _OLDPASS).upper(),
                                   translit(patr, _OLDPASS).upper())
                nm = nm.strip()
            elif r < 0.88:  # typed by a dealer, given name first
                first = SHORT.get(p.first, p.first) if rng.random() < 0.15 else p.first
                nm = "%s %s" % (translit(first, _INFORMAL), translit(sur, _INFORMAL))
                if rng.random() < 0.3:
                    nm = nm.lower()
            else:
                nm = "%s %s" % (translit(sur, _LAT21), translit(p.first, _LAT21))
            if rng.random() < 0.02:
                nm = typo_name(rng, nm)
            b = maybe_date_typo(rng, p.birth)
            r = rng.random()
            if r < 0.55:
                bd = b.isoformat()
            elif r < 0.70:
                bd = b.strftime("%d.%m.%Y")
            elif r < 0.80:
                bd = "%02d %s %d" % (b.day, EN_MONTHS[b.month - 1][:3], b.year)
            elif r < 0.86:
                bd = "%s %d, %d" % (EN_MONTHS[b.month - 1], b.day, b.year)
            elif r < 0.90:
                bd = b.strftime("%d/%m/%Y")
            elif r < 0.93:
                bd = str(b.year)
            else:
                bd = None
            ph = p.phone if (sim == 0 and p.phone) else "70" + rng.choice("1257") + "%07d" % rng.randrange(10 ** 7)
            a = pick_addr(rng, p, 0.3)
            doc = {"type": "ID_CARD", "number": p.docno} if rng.random() < 0.85 else {
                "type": "PASSPORT", "number": "N%08d" % rng.randrange(10 ** 8)}
            rec = {
                "request_id": rid,
                "created_at": created.isoformat() + "Z",
                "msisdn": "7" + ph,
                "tariff": rng.choice(["ACTIV_M", "ACTIV_L", "PREPAID_S", "FAMILY"]),
                "subscriber": {
                    "full_name": nm,
                    "birth_date": bd,
                    "gender": (p.sex if rng.random() < 0.9 else None),
                    "iin": iin_out,
                    "document": doc,
                    "address": addr_lat(rng, a) if rng.random() < 0.8 else None,
                },
                "dealer": {"code": "D%04d" % rng.randrange(1, 400), "city": town_lat(a["town"])},
                "kyc_status": rng.choice(["VERIFIED", "VERIFIED", "VERIFIED", "MANUAL_CHECK"]),
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            truth.append((fn, rid, p.pid))
    stats["files"][fn] = {"rows": len(recs), "records": len(recs), "iin_masked": nmask, "iin_full": nfull,
                          "iin_absent": nnone, **F.stats}


def write_school(rng, people, out, truth, stats):
    """School/kindergarten roster (НОБД-like), parquet: the pupil and one legal representative per row."""
    fn = "bilim_kontingent.parquet"
    Fc = Faults(rng, people, missing=0.05, typo=0.02, other=0.004)
    Fg = Faults(rng, people, missing=0.28, typo=0.025, other=0.006)
    kids = [p for p in people if 2006 <= p.birth.year <= 2020 and rng.random() < 0.88]
    rows = []
    for p in kids:
        rows.append(p)
        if rng.random() < 0.04:  # transferred: a second school's card
            rows.append(p)
    rng.shuffle(rows)
    cols = {k: [] for k in ["Жеке іс №", "Ұйым", "Сынып / топ", "Баланың Т.А.Ә.", "Баланың ЖСН", "Баланың туған күні",
                            "Баланың жынысы", "Заңды өкілдің Т.А.Ә.", "Заңды өкілдің ЖСН", "Заңды өкілдің туған жылы",
                            "Заңды өкілдің телефоны", "Туыстық дәрежесі", "Тұрғылықты мекенжайы"]}
    orgs = ["№%d ЖОББМ" % i for i in range(1, 60)] + ["№%d бөбекжай-бақша" % i for i in range(1, 40)]
    used = set()
    nguard = 0
    for p in rows:
        while True:
            rid = "%04d/%d" % (rng.randrange(1, 10000), rng.randrange(2012, 2025))
            if rid not in used:
                used.add(rid)
                break
        age = 2024 - p.birth.year
        grade = ("%d%s" % (age - 6, rng.choice("АӘБВГ"))) if age >= 7 else rng.choice(["ересек топ", "ортаңғы топ", "кіші топ", "мектепалды"])
        org = rng.choice(orgs[59:] if age < 7 else orgs[:59])
        iin = Fc.iin(p)
        sur = p.sur
        first, patr = p.first, p.patr()
        if rng.random() < 0.3:
            patr = p.patr("kz") if p.eth == "kz" else patr
        if rng.random() < 0.15:
            patr = ""
        if rng.random() < 0.02:
            first = typo_name(rng, first)
        name = " ".join(x for x in (sur, first, patr) if x)
        b = maybe_date_typo(rng, p.birth, 0.01)
        g = rel = None
        if p.role == "c":
            moms = [q for q in p.family if q.role == "w"]
            dads = [q for q in p.family if q.role == "h"]
            grands = [q for q in p.family if q.role in ("gf", "gm")]
            r = rng.random()
            if r < 0.7 and moms:
                g, rel = moms[0], "анасы"
            elif r < 0.94 and dads:
                g, rel = dads[0], "әкесі"
            elif grands:
                g = rng.choice(grands)
                rel = "әжесі" if g.sex == "F" else "атасы"
            elif moms:
                g, rel = moms[0], "анасы"
        cols["Жеке іс №"].append(rid)
        cols["Ұйым"].append(org)
        cols["Сынып / топ"].append(grade)
        cols["Баланың Т.А.Ә."].append(name)
        cols["Баланың ЖСН"].append(iin if iin else rng.choice([None, "белгісіз"]))
        cols["Баланың туған күні"].append(b if rng.random() > 0.01 else None)
        cols["Баланың жынысы"].append(("ұл" if p.sex == "M" else "қыз") if rng.random() > 0.02 else None)
        truth.append((fn, rid, p.pid))
        if g is not None:
            nguard += 1
            giin = Fg.iin(g)
            gs = surname_for(rng, g, 0.03)
            gf, gp = g.first, g.patr()
            if rng.random() < 0.35:
                gs, gf, gp = fold(gs), ru_spell(rng, gf, 0.5), fold(g.patr("ru"))
            r = rng.random()
            if r < 0.2:
                gname = "%s %s.%s" % (gs, gf[0], (gp[0] + ".") if gp else "")
            elif r < 0.3:
                gname = "%s %s" % (gs, gf)
            else:
                gname = " ".join(x for x in (gs, gf, gp) if x)
            cols["Заңды өкілдің Т.А.Ә."].append(gname)
            cols["Заңды өкілдің ЖСН"].append(giin if giin else rng.choice([None, "белгісіз", "-"]))
            cols["Заңды өкілдің туған жылы"].append(g.birth.year if rng.random() < 0.75 else None)
            cols["Заңды өкілдің телефоны"].append(phone_fmt(rng, g.phone) if g.phone and rng.random() < 0.9 else None)
            cols["Туыстық дәрежесі"].append(rel)
            truth.append((fn, rid + "#2", g.pid))
        else:
            for k in ["Заңды өкілдің Т.А.Ә.", "Заңды өкілдің ЖСН", "Заңды өкілдің туған жылы", "Заңды өкілдің телефоны",
                      "Туыстық дәрежесі"]:
                cols[k].append(None)
        cols["Тұрғылықты мекенжайы"].append(addr_kz(rng, p.addr) if rng.random() > 0.03 else None)
    schema = pa.schema([(k, pa.date32() if k == "Баланың туған күні" else (pa.int16() if k == "Заңды өкілдің туған жылы" else pa.string()))
                        for k in cols])
    tbl = pa.table({k: pa.array(v, type=schema.field(k).type) for k, v in cols.items()}, schema=schema)
    pq.write_table(tbl, os.path.join(out, fn))
    st = {"rows": len(rows), "records": len(rows) + nguard, "pupil_rows_with_guardian": nguard}
    st.update({"pupil_" + k: v for k, v in Fc.stats.items()})
    st.update({"guardian_" + k: v for k, v in Fg.stats.items()})
    stats["files"][fn] = st


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=131)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    people = draw_people(rng, a.persons)
    truth = []
    stats = {"persons": len(people), "files": {}}
    write_gfss(random.Random(a.seed * 10 + 1), people, a.out, truth, stats)
    write_notary(random.Random(a.seed * 10 + 2), people, a.out, truth, stats)
    write_hl7(random.Random(a.seed * 10 + 3), people, a.out, truth, stats)
    write_kyc(random.Random(a.seed * 10 + 4), people, a.out, truth, stats)
    write_school(random.Random(a.seed * 10 + 5), people, a.out, truth, stats)
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "record_id", "person_id"])
        w.writerows(truth)
    stats["records"] = len(truth)
    stats["persons_in_extracts"] = len({t[2] for t in truth})
    stats["married_women_name_changed"] = sum(1 for p in people if p.maiden)
    stats["persons_moved"] = sum(1 for p in people if p.prev_addr)
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1)
    print(json.dumps({"persons": len(people), "records": len(truth),
                      "files": {k: v["records"] for k, v in stats["files"].items()}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
