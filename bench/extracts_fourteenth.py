#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
"""Fourteenth set of synthetic agency extracts for record-linkage testing (written apart from the project).

Written by a helper session from the linkage issue's text, the README's linkage section and
`ukimet link --help` alone, without the project's source, tests or other generators.

    python bench/extracts_fourteenth.py --seed S --out DIR --persons N

Draws N persons of Kazakhstan in households (Kazakh, Russian, Uzbek, Uighur, Tatar, Korean and German
names; IINs with the real check digit) and writes five agency extracts:

  rn_pravoobladateli.parquet  real-estate register, co-owners of one object on one row (1-3 persons),
                              transliterated snake_case code headers, IIN as int64, shares
  mvd_propiska.csv            migration police address registrations, names in passport Latin
                              (MRZ `ZHUMABAEV<<NURLAN<<<<` or old-scheme surname/given columns),
                              dates `12MAR85` or `1985-03-12T00:00:00`
  chsi_ip_reestr.xlsx         private bailiff's enforcement-proceedings list with a title block and a
                              row of column numbers; the debtor's name in one field, in the nominative,
                              genitive or dative, or with the birth date (`..., 12.03.1985 г.р.`)
  mfo_zayavki.json            micro-finance applications, one JSON array, nested client name
                              {last, first, middle}, ages instead of birth dates for some, names in
                              Cyrillic or Latin (informal or Kazakh Latin 2018), a contact person
  sanaq_uy_tizimi.xlsx        census-like household questionnaire, one household per row, members
                              1..6 in a wide layout (`Т.А.Ә. [k]`, `Туған күні [k]`, `ЖСН [k]`...),
                              Kazakh month names in birth dates

plus DIR/truth.csv (file,record_id,person_id; the k-th person of a row from the left is
`<record id>#k` for k >= 2) and DIR/stats.json (drawn fault counts).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
from collections import Counter, defaultdict

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

TODAY = dt.date(2024, 9, 30)

# ----------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------

FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
                      "і": "и", "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У",
                      "Һ": "Х", "І": "И"})


def fold(s):
    return s.translate(FOLD)


# Russian spellings of Kazakh names where plain letter folding is not what clerks write.
RU_EXC = {
    "Айгүл": ["Айгуль", "Айгул"], "Әсел": ["Асель", "Асел"], "Гүлнар": ["Гульнар", "Гулнар"],
    "Гүлмира": ["Гульмира", "Гулмира"], "Ләззат": ["Ляззат", "Лаззат"], "Әйгерім": ["Айгерим"],
    "Нұргүл": ["Нургуль", "Нургул"], "Бибігүл": ["Бибигуль", "Бибигул"], "Күлпаш": ["Кульпаш"],
    "Рәзия": ["Разия"], "Әлия": ["Алия", "Әлия"], "Іңкәр": ["Инкар"], "Ілияс": ["Ильяс", "Илияс"],
    "Үміт": ["Умит"], "Бәтима": ["Батима"], "Дәурен": ["Даурен"], "Сәуле": ["Сауле"],
    "Ысқақов": ["Искаков", "Ыскаков"], "Төлеубаев": ["Тулеубаев", "Толеубаев", "Тлеубаев"],
    "Көшербаев": ["Кушербаев", "Кошербаев"], "Өтебаев": ["Утебаев", "Отебаев"],
    "Жүнісов": ["Жунусов", "Жунисов"], "Рахымов": ["Рахимов", "Рахымов"],
    "Тұрсынов": ["Турсынов", "Турсунов"], "Сәтбаев": ["Сатпаев", "Сатбаев"],
    "Төлеген": ["Тулеген", "Толеген"], "Өмірзақов": ["Омирзаков", "Умирзаков"],
    "Шәріпов": ["Шарипов"], "Әбдіхалықов": ["Абдыхалыков", "Абдихалыков"],
    "Сейітов": ["Сеитов", "Сейтов"], "Нұрпейісов": ["Нурпеисов", "Нурпейсов"],
}


def ru_variants(kk):
    if kk in RU_EXC:
        return RU_EXC[kk]
    return [fold(kk)]


GROUPS = {
    "kaz": dict(
        w=0.65,
        male=["Нұрлан", "Ерлан", "Асқар", "Бауыржан", "Дәурен", "Ержан", "Серік", "Мұрат", "Жандос", "Айдос",
              "Нұрсұлтан", "Әлихан", "Темірлан", "Арман", "Ғалым", "Қайрат", "Болат", "Бақытжан", "Талғат",
              "Олжас", "Данияр", "Нұржан", "Әділет", "Ақжол", "Санжар", "Ілияс", "Абылай", "Самат", "Руслан",
              "Азамат", "Мақсат", "Ерболат", "Қанат", "Жасұлан", "Дархан", "Төлеген", "Бекзат", "Алмас",
              "Әсет", "Ернар", "Дидар", "Нұрболат", "Мейрам", "Ғабит", "Ерасыл", "Жанибек"],
        male_old=["Жұмабек", "Сейіт", "Төлеу", "Қалдыбек", "Әбдірахман", "Мұхтар", "Бейсен", "Оразалы",
                  "Тұрсын", "Ысқақ", "Серік", "Болат", "Қайрат", "Мұрат", "Амангелді", "Бақыт"],
        female=["Айгүл", "Әсел", "Гүлнар", "Жанар", "Айжан", "Дина", "Сәуле", "Мәдина", "Аружан", "Айым",
                "Ақбота", "Балжан", "Гүлмира", "Жұлдыз", "Зарина", "Индира", "Қарлығаш", "Ләззат", "Меруерт",
                "Нұргүл", "Роза", "Томирис", "Ұлжан", "Шынар", "Әйгерім", "Динара", "Айнұр", "Гаухар",
                "Бибігүл", "Күнсұлу", "Салтанат", "Перизат", "Аяжан", "Назерке", "Іңкәр", "Әлия", "Жансая",
                "Ақерке", "Дана", "Айша"],
        female_old=["Күлпаш", "Бағила", "Зейнеп", "Үміт", "Алтын", "Рәзия", "Шолпан", "Бәтима", "Роза",
                    "Сәуле", "Гүлнар", "Бибігүл"],
        sur=["Ахметов", "Жұмабаев", "Сейітов", "Нұрланов", "Омаров", "Әбенов", "Қасымов", "Тоқаев",
             "Серікбаев", "Бекболатов", "Әлиев", "Мұқанов", "Ержанов", "Сәрсенбаев", "Оспанов", "Ибраев",
             "Құрманов", "Байжанов", "Жақсылықов", "Төлеубаев", "Исабеков", "Абдрахманов", "Нұрпейісов",
             "Шәріпов", "Мамыров", "Ысқақов", "Есенов", "Сұлтанов", "Қалиев", "Бейсенов", "Дүйсенов",
             "Тұрсынов", "Рахымов", "Жолдасбеков", "Әміров", "Қуанышев", "Бекмұханов", "Әбдіхалықов",
             "Смағұлов", "Көшербаев", "Кенжебаев", "Мұсабеков", "Өтебаев", "Жүнісов", "Сыздықов",
             "Мұхаметжанов", "Ерғалиев", "Сәтбаев", "Өмірзақов", "Бекенов"],
    ),
    "rus": dict(
        w=0.15,
        male=["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил", "Николай", "Владимир",
              "Евгений", "Юрий", "Игорь", "Олег", "Виктор", "Павел", "Артём", "Максим", "Денис", "Роман",
              "Антон", "Константин", "Вячеслав", "Илья", "Никита"],
        female=["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария", "Екатерина",
                "Юлия", "Людмила", "Галина", "Марина", "Оксана", "Валентина", "Анастасия", "Дарья", "Ксения",
                "Виктория", "Алина", "Полина", "Софья"],
        sur=["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
             "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
             "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
             "Борисов", "Яковлев", "Григорьев", "Романов", "Сергеев", "Кравченко", "Шевченко", "Бондаренко",
             "Мельник", "Ткаченко", "Белов", "Тарасов", "Жуков", "Ковалевский"],
    ),
    "uzb": dict(
        w=0.05,
        male=["Шерзод", "Бахтиёр", "Улугбек", "Рустам", "Фарход", "Жасур", "Акмал", "Дилшод", "Тимур", "Азиз",
              "Анвар", "Бобур"],
        female=["Дилноза", "Гулнора", "Малика", "Нигора", "Шахноза", "Феруза", "Зухра", "Мадина", "Севара",
                "Нодира", "Дилором"],
        sur=["Юсупов", "Рахимов", "Каримов", "Абдуллаев", "Мирзаев", "Турсунов", "Хакимов", "Назаров",
             "Усманов", "Алимов", "Ташкентов", "Исмоилов"],
    ),
    "uig": dict(
        w=0.03,
        male=["Дилмурат", "Абдужелил", "Ильхам", "Ерпан", "Мухтар", "Алим", "Ильшат", "Нурмухамед", "Шахрат",
              "Муратжан", "Азат"],
        female=["Патигуль", "Мукадас", "Гульниса", "Рейхан", "Зульфия", "Назугум", "Маинур", "Гульмира",
                "Дильназ", "Мехрибан"],
        sur=["Хасанов", "Турдыев", "Мамутов", "Исмаилов", "Розиев", "Нурахунов", "Абдурахманов", "Масимов",
             "Тохтиев", "Кадыров", "Ахметжанов", "Сабитов"],
    ),
    "tat": dict(
        w=0.04,
        male=["Ринат", "Рустем", "Ильдар", "Марат", "Айдар", "Рафаэль", "Булат", "Ильнур", "Радик", "Азат",
              "Тимур", "Ренат"],
        female=["Гульнара", "Алсу", "Лейсан", "Эльмира", "Резеда", "Ильмира", "Динара", "Лилия", "Гузель",
                "Зульфия", "Альфия"],
        sur=["Сафин", "Галиев", "Хайруллин", "Гарипов", "Валиев", "Зарипов", "Ахмадуллин", "Мухаметшин",
             "Шарипов", "Латыпов", "Фаизов", "Бикбаев", "Гизатуллин", "Нуриев"],
    ),
    "kor": dict(
        w=0.03,
        male=["Виктор", "Олег", "Вадим", "Станислав", "Эдуард", "Валерий", "Геннадий", "Сергей", "Александр",
              "Денис", "Роман"],
        female=["Светлана", "Марина", "Инна", "Лариса", "Алла", "Анжела", "Елена", "Виктория", "Ирина",
                "Юлия"],
        sur=["Ким", "Пак", "Ли", "Цой", "Тен", "Хан", "Югай", "Пяк", "Шин", "Когай", "Ни", "Тян"],
    ),
    "ger": dict(
        w=0.05,
        male=["Александр", "Виктор", "Андрей", "Вальдемар", "Роберт", "Артур", "Эдуард", "Давид", "Яков",
              "Генрих", "Владимир"],
        female=["Эльвира", "Ирина", "Нина", "Лидия", "Ольга", "Эмма", "Ирма", "Валентина", "Наталья",
                "Кристина"],
        sur=["Шмидт", "Мюллер", "Вагнер", "Беккер", "Шульц", "Гофман", "Рихтер", "Кляйн", "Вебер", "Майер",
             "Фишер", "Кох", "Шнайдер", "Циммерман", "Миллер", "Гейнц", "Фризен", "Нойман"],
    ),
}

# Kazakh surnames made from a forefather's name (Оразбай -> Оразбаев, Жақып -> Жақыпов) widen the pool.
KAZ_STEMS = ["Оразбай", "Қожахмет", "Бекмұрат", "Есмағамбет", "Тәжібай", "Шәкен", "Әбіл", "Рысқұл", "Досжан",
             "Сапарбек", "Жақып", "Қабдол", "Ізбасар", "Нұрмағанбет", "Сағындық", "Байбол", "Тоқтар", "Мырзахмет",
             "Әбдікәрім", "Қуандық", "Жаманқұл", "Ермек", "Сейдахмет", "Ақылбек", "Алдаберген", "Бейсембай",
             "Дәулет", "Елубай", "Жантөре", "Зейнолла", "Ілияс", "Қайырбек", "Маханбет", "Нұрғали", "Ораз",
             "Сәбит", "Тұрар", "Үсен", "Шалқар", "Ырысбай", "Әмірхан", "Бақыт", "Ғабдулла", "Дүйсебай", "Жұмаділ",
             "Көпбай", "Мұқаш", "Омархан", "Серғазы", "Төлеген", "Байтұрсын", "Ахмеди", "Құлмағамбет", "Берік"]
for _st in KAZ_STEMS:
    GROUPS["kaz"]["sur"].append(_st[:-1] + "ев" if _st.endswith("й") else _st + ("ев" if _st[-1] in "иі" else "ов"))

RU_PATR = {"Дмитрий": "Дмитриевич", "Илья": "Ильич", "Никита": "Никитич", "Яков": "Яковлевич",
           "Павел": "Павлович", "Лев": "Львович", "Пётр": "Петрович"}


def ru_patronymic(father_ru, sex):
    f = father_ru
    if f in RU_PATR:
        m = RU_PATR[f]
    elif f.endswith("ий"):
        m = f[:-2] + "ьевич"
    elif f.endswith(("ей", "ай", "ой")):
        m = f[:-1] + "евич"
    elif f.endswith("й"):
        m = f[:-1] + "евич"
    elif f.endswith("ь"):
        m = f[:-1] + "евич"
    elif f.endswith(("а", "я")):
        m = f[:-1] + "аевич"
    elif f.endswith(("ы", "и")):
        m = f[:-1] + "иевич"
    elif f.endswith(("у", "о", "е")):
        m = f + "евич"
    else:
        m = f + "ович"
    m = m.replace("ё", "е") if not m.startswith("Артём") else m
    if sex == "M":
        return m
    if m.endswith("ич") and not m.endswith("вич"):
        return m[:-2] + "инична" if m.endswith("ьич") or m == "Ильич" else m[:-2] + "ична"
    return m[:-2] + "на"


def fem_surname(s):
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    if s.endswith("ский"):
        return s[:-4] + "ская"
    return s


def zipf_choice(rng, items, s=0.85):
    ws = [1.0 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, ws)[0]


# ----------------------------------------------------------------------------------------------
# transliteration
# ----------------------------------------------------------------------------------------------

ICAO = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH", "З": "Z", "И": "I",
        "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
        "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y",
        "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA", "Ә": "A", "Ғ": "G", "Қ": "K", "Ң": "N", "Ө": "O", "Ұ": "U",
        "Ү": "U", "Һ": "H", "І": "I"}
OLDP = dict(ICAO, **{"Й": "Y", "Ю": "YU", "Я": "YA", "Ё": "YO", "Ъ": "", "Щ": "SCH", "Ы": "Y"})
INFORMAL = dict(OLDP, **{"Х": "H", "Ж": "ZH", "Қ": "K", "Ғ": "G", "Ң": "N", "Ц": "C"})
KZ2018 = {"А": "A", "Ә": "Á", "Б": "B", "В": "V", "Г": "G", "Ғ": "Ǵ", "Д": "D", "Е": "E", "Ё": "E",
          "Ж": "J", "З": "Z", "И": "I", "Й": "I", "К": "K", "Қ": "Q", "Л": "L", "М": "M", "Н": "N",
          "Ң": "Ń", "О": "O", "Ө": "Ó", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "Ý", "Ұ": "U",
          "Ү": "Ú", "Ф": "F", "Х": "H", "Һ": "H", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SH", "Ъ": "",
          "Ы": "Y", "І": "I", "Ь": "", "Э": "E", "Ю": "IÝ", "Я": "IA"}


def translit(s, table):
    out = []
    for ch in s:
        up = ch.upper()
        if up in table:
            t = table[up]
            out.append(t)
        else:
            out.append(ch.upper())
    return "".join(out)


def title_latin(s):
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split(" "))


def kz2018(s):
    # lower-case И/Й are dotless ı, І is i (Айгүл -> Aıgúl)
    res = []
    for w in s.split(" "):
        t = []
        for i, ch in enumerate(w):
            up = ch.upper()
            lat = KZ2018.get(up, up)
            if up in ("И", "Й") and i > 0:
                lat = "ı"
            elif i > 0:
                lat = lat.lower()
            elif len(lat) > 1:
                lat = lat[0] + lat[1:].lower()
            t.append(lat)
        res.append("".join(t))
    return " ".join(res)


def informal_latin(s, rng):
    tab = dict(INFORMAL)
    if rng.random() < 0.3:
        tab["Ж"] = "J"
    if rng.random() < 0.3:
        tab["Х"] = "KH"
    if rng.random() < 0.25:
        tab["Қ"] = "Q"
    return title_latin(translit(s, tab).replace("'", ""))


# ----------------------------------------------------------------------------------------------
# IIN
# ----------------------------------------------------------------------------------------------

W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def check_digit(d11):
    s = sum(int(d11[i]) * W1[i] for i in range(11)) % 11
    if s == 10:
        s = sum(int(d11[i]) * W2[i] for i in range(11)) % 11
        if s == 10:
            return None
    return s


def first_pass_is_10(d11):
    return sum(int(d11[i]) * W1[i] for i in range(11)) % 11 == 10


def iin_valid(s):
    if not s or len(s) != 12 or not s.isdigit():
        return False
    c = check_digit(s[:11])
    return c is not None and c == int(s[11])


def make_iin(birth, sex, rng, used):
    cent = (3 if sex == "M" else 4) if birth.year < 2000 else (5 if sex == "M" else 6)
    head = birth.strftime("%y%m%d") + str(cent)
    while True:
        d11 = head + f"{rng.randrange(10000):04d}"
        c = check_digit(d11)
        if c is None:
            continue
        iin = d11 + str(c)
        if iin not in used:
            used.add(iin)
            return iin


def typo_iin(iin, rng, st):
    """An IIN mistyped: half fail the check digit, 15 % transpositions, a third pass it."""
    r = rng.random()
    if r < 0.5:
        for _ in range(20):
            i = rng.randrange(12)
            d = str((int(iin[i]) + rng.randint(1, 9)) % 10)
            new = iin[:i] + d + iin[i + 1:]
            if not iin_valid(new):
                st["iin_typo_fails_check"] += 1
                return new
        st["iin_typo_passes_check"] += 1
        return new
    if r < 0.65:
        for _ in range(20):
            i = rng.randrange(11)
            if iin[i] != iin[i + 1]:
                new = iin[:i] + iin[i + 1] + iin[i] + iin[i + 2:]
                st["iin_typo_transposed"] += 1
                if iin_valid(new):
                    st["iin_typo_passes_check"] += 1
                return new
        return iin
    kind = rng.random()
    if kind < 0.45 and not first_pass_is_10(iin[:11]):
        d = str((int(iin[10]) + rng.randint(1, 9)) % 10)
        new = iin[:10] + d + iin[11]
    elif kind < 0.8:
        for _ in range(30):
            i = rng.randrange(7, 11)
            d11 = iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:11]
            c = check_digit(d11)
            if c is not None:
                new = d11 + str(c)
                break
        else:
            return iin
    else:
        for _ in range(30):
            i = rng.choice([4, 5])
            d11 = iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:11]
            try:
                dt.datetime.strptime(d11[:6], "%y%m%d")
            except ValueError:
                continue
            c = check_digit(d11)
            if c is not None:
                new = d11 + str(c)
                break
        else:
            return iin
    st["iin_typo_passes_check"] += 1
    return new


def make_bin(rng):
    while True:
        d11 = f"{rng.randint(0, 23):02d}{rng.randint(1, 12):02d}4{rng.choice('01')}{rng.randrange(100000):05d}"
        c = check_digit(d11)
        if c is not None:
            return d11 + str(c)


# ----------------------------------------------------------------------------------------------
# places
# ----------------------------------------------------------------------------------------------

TOWNS = [("Алматы", "Алматы", "ALMATY", 20, "Алматы қ."), ("Астана", "Астана", "ASTANA", 14, "Астана қ."),
         ("Шымкент", "Шымкент", "SHYMKENT", 10, "Шымкент қ."),
         ("Қарағанды", "Караганда", "KARAGANDA", 7, "Қарағанды обл."),
         ("Ақтөбе", "Актобе", "AKTOBE", 6, "Ақтөбе обл."), ("Тараз", "Тараз", "TARAZ", 5, "Жамбыл обл."),
         ("Павлодар", "Павлодар", "PAVLODAR", 5, "Павлодар обл."),
         ("Өскемен", "Усть-Каменогорск", "UST-KAMENOGORSK", 5, "Шығыс Қазақстан обл."),
         ("Семей", "Семей", "SEMEY", 4, "Абай обл."), ("Атырау", "Атырау", "ATYRAU", 4, "Атырау обл."),
         ("Қостанай", "Костанай", "KOSTANAY", 4, "Қостанай обл."),
         ("Қызылорда", "Кызылорда", "KYZYLORDA", 4, "Қызылорда обл."),
         ("Орал", "Уральск", "URALSK", 3, "Батыс Қазақстан обл."),
         ("Петропавл", "Петропавловск", "PETROPAVLOVSK", 3, "Солтүстік Қазақстан обл."),
         ("Ақтау", "Актау", "AKTAU", 3, "Маңғыстау обл."), ("Түркістан", "Туркестан", "TURKESTAN", 3, "Түркістан обл."),
         ("Көкшетау", "Кокшетау", "KOKSHETAU", 3, "Ақмола обл."),
         ("Талдықорған", "Талдыкорган", "TALDYKORGAN", 3, "Жетісу обл."),
         ("Екібастұз", "Экибастуз", "EKIBASTUZ", 2, "Павлодар обл."),
         ("Теміртау", "Темиртау", "TEMIRTAU", 2, "Қарағанды обл.")]
STREETS = [("Абай", "Абая"), ("Жамбыл", "Жамбыла"), ("Төле би", "Толе би"), ("Қабанбай батыр", "Кабанбай батыра"),
           ("Сейфуллин", "Сейфуллина"), ("Гоголь", "Гоголя"), ("Пушкин", "Пушкина"),
           ("Бауыржан Момышұлы", "Бауыржана Момышулы"), ("Сәтбаев", "Сатпаева"), ("Желтоқсан", "Желтоксан"),
           ("Наурызбай батыр", "Наурызбай батыра"), ("Әуезов", "Ауэзова"), ("Байтұрсынұлы", "Байтурсынова"),
           ("Мәметова", "Маметовой"), ("Толстой", "Толстого"), ("Ломоносов", "Ломоносова"), ("Достық", "Достык"),
           ("Бөкейхан", "Букейханова"), ("Шевченко", "Шевченко"), ("Гагарин", "Гагарина"),
           ("Жібек жолы", "Жибек жолы"), ("Құнаев", "Кунаева"), ("Сүйінбай", "Суюнбая"), ("Райымбек", "Райымбека"),
           ("Есенберлин", "Есенберлина"), ("Абылай хан", "Абылай хана"), ("Тимирязев", "Тимирязева"),
           ("Мұқанов", "Муканова"), ("Чехов", "Чехова"), ("Назарбаев", "Назарбаева")]
MKR = [("Самал-2", "Самал-2"), ("Ақсай-4", "Аксай-4"), ("Нұркент", "Нуркент"), ("Шұғыла", "Шугыла"),
       ("Жетісу-3", "Жетысу-3"), ("Орбита-1", "Орбита-1"), ("5", "5"), ("12", "12"), ("Восток-2", "Восток-2"),
       ("Қазақфильм", "Казахфильм")]


class Addr:
    def __init__(self, rng, town=None):
        self.town = town if town is not None else rng.choices(range(len(TOWNS)), [t[3] for t in TOWNS])[0]
        self.mkr = rng.random() < 0.3
        self.street = rng.randrange(len(MKR) if self.mkr else len(STREETS))
        self.house = str(rng.randint(1, 60 if self.mkr else 250))
        if rng.random() < 0.08:
            self.house += rng.choice(["А", "Б", "/1", "/2"])
        self.flat = str(rng.randint(1, 180)) if rng.random() < 0.65 else None

    def ru_full(self):
        t = TOWNS[self.town][1]
        s = f"г. {t}, " + (f"мкр. {MKR[self.street][1]}" if self.mkr else f"ул. {STREETS[self.street][1]}")
        s += f", д. {self.house}"
        if self.flat:
            s += f", кв. {self.flat}"
        return s

    def ru_upper(self):
        t = TOWNS[self.town][1]
        s = f"Г.{t}, " + (f"МКР.{MKR[self.street][1]}" if self.mkr else f"УЛ.{STREETS[self.street][1]}")
        s += f", Д.{self.house}"
        if self.flat:
            s += f", КВ.{self.flat}"
        return s.upper()

    def ru_compact(self):
        t = TOWNS[self.town][1]
        s = f"г.{t} " + (f"мкр.{MKR[self.street][1]}" if self.mkr else f"ул.{STREETS[self.street][1]}")
        s += f" {self.house}" + (f"-{self.flat}" if self.flat else "")
        return s

    def kk_full(self):
        t = TOWNS[self.town][0]
        s = f"{t} қ., " + (f"{MKR[self.street][0]} ш/а" if self.mkr else f"{STREETS[self.street][0]} к-сі")
        s += f", {self.house} үй"
        if self.flat:
            s += f", {self.flat} пәтер"
        return s

    def kk_street(self):
        return f"{MKR[self.street][0]} шағын ауданы" if self.mkr else f"{STREETS[self.street][0]} көшесі"

    def ru_street(self, short=True):
        if self.mkr:
            return f"мкр. {MKR[self.street][1]}"
        return f"ул. {STREETS[self.street][1]}" if short else STREETS[self.street][1]


def dacha_address(rng):
    return rng.choice([
        f"Алматинская обл., Карасайский р-н, с. Каскелен, СТ «Жулдыз», уч. {rng.randint(1, 300)}",
        f"Акмолинская обл., Целиноградский р-н, с. Косшы, ул. {rng.choice(['Луговая', 'Достык', 'Абая'])}, "
        f"уч. {rng.randint(1, 200)}",
        f"г. {rng.choice(['Алматы', 'Астана', 'Шымкент', 'Караганда'])}, ГСК «{rng.choice(['Автомобилист', 'Сокол', 'Жигули'])}», "
        f"гараж № {rng.randint(1, 500)}",
        f"Туркестанская обл., Сайрамский р-н, с. Аксукент, ул. {rng.choice(['Толе би', 'Байтерек'])}, д. {rng.randint(1, 120)}",
    ])


def make_phone(rng):
    return "7" + rng.choice(["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]) + \
        f"{rng.randrange(10 ** 7):07d}"


def fmt_phone(ph, style):
    a, b, c, d = ph[1:4], ph[4:7], ph[7:9], ph[9:11]
    if style == 0:
        return f"+7 ({a}) {b}-{c}-{d}"
    if style == 1:
        return "8" + ph[1:]
    if style == 2:
        return ph[1:]
    if style == 3:
        return "+" + ph
    return f"8 {a} {b} {c}{d}"


# ----------------------------------------------------------------------------------------------
# persons and households
# ----------------------------------------------------------------------------------------------

class Person:
    __slots__ = ("pid", "hh", "grp", "sex", "first", "first_ru", "sur", "maiden", "patr", "birth", "iin",
                 "phone", "old_phone", "ru_pick", "role", "twin", "namesake")


class Sur:
    """A surname: ('std', 'Ахметов') in its male form, or ('uly', 'Нұрлан') for Нұрланұлы / Нұрланқызы."""

    def __init__(self, kind, base):
        self.kind, self.base = kind, base

    def kk(self, sex):
        if self.kind == "uly":
            return self.base + ("ұлы" if sex == "M" else "қызы")
        return self.base if sex == "M" else fem_surname(self.base)

    def ru(self, sex, idx=0):
        if self.kind == "uly":
            return ru_variants(self.base)[0] + ("улы" if sex == "M" else "кызы")
        vs = ru_variants(self.base)
        b = vs[idx % len(vs)]
        return b if sex == "M" else fem_surname(b)

    def n_ru(self):
        return 1 if self.kind == "uly" else len(ru_variants(self.base))


class Patr:
    def __init__(self, kind, father_kk):
        self.kind, self.father = kind, father_kk

    def kk(self, sex):
        if self.kind == "kk":
            return self.father + ("ұлы" if sex == "M" else "қызы")
        return ru_patronymic(ru_variants(self.father)[0], sex)

    def ru(self, sex):
        if self.kind == "kk":
            return ru_variants(self.father)[0] + ("улы" if sex == "M" else "кызы")
        return ru_patronymic(ru_variants(self.father)[0], sex)


class Household:
    __slots__ = ("hid", "addr", "old_addr", "members", "grp", "kind")


def rand_date(rng, year):
    start = dt.date(year, 1, 1)
    end = min(dt.date(year, 12, 31), TODAY - dt.timedelta(days=30))
    if end < start:
        end = start
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def age_at(birth, when=TODAY):
    return when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day))


def build_population(n, rng):
    persons, households, used_iins = [], [], set()
    males_by_grp = defaultdict(list)
    st = Counter()

    def first_name(grp, sex, year):
        g = GROUPS[grp]
        if grp == "kaz" and year < 1962:
            pool = g["male_old"] if sex == "M" else g["female_old"]
        else:
            pool = g["male"] if sex == "M" else g["female"]
        return zipf_choice(rng, pool)

    def new_person(hh, grp, sex, year, sur, patr, role):
        p = Person()
        p.pid = f"P{len(persons) + 1:06d}"
        p.hh, p.grp, p.sex, p.role = hh, grp, sex, role
        p.birth = rand_date(rng, year)
        p.first = first_name(grp, sex, year)
        taken = {q.first for q in hh.members}
        tries = 0
        while p.first in taken and tries < 20:
            p.first = first_name(grp, sex, year)
            tries += 1
        vs = ru_variants(p.first)
        p.first_ru = vs[0] if rng.random() < 0.85 else vs[-1]
        p.sur, p.maiden, p.patr = sur, None, patr
        p.ru_pick = 0 if rng.random() < 0.8 else 1
        p.twin = None
        p.namesake = None
        p.phone = make_phone(rng) if age_at(p.birth) >= 15 else None
        p.old_phone = make_phone(rng) if p.phone and rng.random() < 0.15 else None
        persons.append(p)
        hh.members.append(p)
        return p

    def patr_for(grp, father_first, year):
        if father_first is None:
            return None
        if grp == "kaz":
            kkp = 0.5 if year >= 1995 else 0.1
            return Patr("kk" if rng.random() < kkp else "ru", father_first)
        return Patr("ru", father_first)

    def rand_grp():
        return rng.choices(list(GROUPS), [g["w"] for g in GROUPS.values()])[0]

    def rand_sur(grp):
        return Sur("std", zipf_choice(rng, GROUPS[grp]["sur"], 0.6 if grp == "kaz" else 0.7))

    def father_name(grp, year):
        return first_name(grp, "M", year - 28)

    while len(persons) < n:
        hh = Household()
        hh.hid = len(households) + 1
        hh.addr = Addr(rng)
        hh.old_addr = None
        if rng.random() < 0.33:
            hh.old_addr = Addr(rng, hh.addr.town if rng.random() < 0.7 else None)
        hh.members = []
        grp = rand_grp()
        hh.grp = grp
        households.append(hh)
        r = rng.random()
        if r < 0.12:
            hh.kind = "single"
            sex = "M" if rng.random() < 0.5 else "F"
            year = rng.randint(1945, 2003)
            sur = rand_sur(grp)
            fy = year
            # namesakes: a single adult sharing name and surname with someone of nearly the same age
            cand = males_by_grp[grp] if sex == "M" else []
            if cand and rng.random() < 0.08:
                other = rng.choice(cand)
                if other.sur.kind == "std":
                    sur = Sur("std", other.sur.base)
                    fy = other.birth.year + rng.randint(-3, 3)
                    p = new_person(hh, grp, sex, fy, sur, patr_for(grp, father_name(grp, fy), fy), "head")
                    p.first, p.first_ru = other.first, other.first_ru
                    p.namesake = other.pid
                    st["namesakes_injected"] += 1
                    continue
            p = new_person(hh, grp, sex, fy, sur, patr_for(grp, father_name(grp, fy), fy), "head")
            if sex == "M":
                males_by_grp[grp].append(p)
            continue
        if r < 0.19:
            hh.kind = "single_mother"
            myear = rng.randint(1968, 1998)
            mom = new_person(hh, grp, "F", myear, rand_sur(grp), patr_for(grp, father_name(grp, myear), myear),
                             "head")
            fsur = rand_sur(grp) if rng.random() < 0.5 else mom.sur
            ffirst = first_name(grp, "M", myear - 2)
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                cy = myear + rng.randint(19, 38)
                if cy > 2023:
                    continue
                new_person(hh, grp, rng.choice("MF"), cy, fsur, patr_for(grp, ffirst, cy), "child")
            continue
        hh.kind = "couple"
        hyear = rng.randint(1950, 1999)
        grand = hyear >= 1965 and rng.random() < 0.2
        gf_first = first_name(grp, "M", hyear - 28)
        hsur = rand_sur(grp)
        if grp == "kaz" and hyear >= 1985 and rng.random() < 0.06:
            hsur = Sur("uly", gf_first)
        namesake_of = None
        if males_by_grp[grp] and rng.random() < 0.04:
            other = rng.choice(males_by_grp[grp])
            if other.sur.kind == "std" and abs(other.birth.year - hyear) <= 12 and other.birth.year >= 1950:
                hsur = Sur("std", other.sur.base)
                hyear = min(1999, max(1950, other.birth.year + rng.randint(-3, 3)))
                namesake_of = other
        if grand:
            gyear = max(1930, hyear - rng.randint(22, 32))
            gsur = hsur if hsur.kind == "std" else rand_sur(grp)
            gf = new_person(hh, grp, "M", gyear, gsur, patr_for(grp, father_name(grp, gyear), gyear), "grandfather")
            gf.first = gf_first
            gf.first_ru = ru_variants(gf_first)[0]
            gmy = max(1930, gyear + rng.randint(-2, 5))
            gm_grp = grp
            gm = new_person(hh, gm_grp, "F", gmy, rand_sur(gm_grp), patr_for(gm_grp, father_name(gm_grp, gmy), gmy),
                            "grandmother")
            gm.maiden = gm.sur
            gm.sur = gsur
            if hsur.kind == "uly":
                gf.sur = rand_sur(grp)
                gm.sur = gf.sur
        hpatr = None if hsur.kind == "uly" else patr_for(grp, gf_first, hyear)
        h = new_person(hh, grp, "M", hyear, hsur, hpatr, "husband")
        if namesake_of is not None:
            h.first, h.first_ru = namesake_of.first, namesake_of.first_ru
            h.namesake = namesake_of.pid
            st["namesakes_injected"] += 1
        males_by_grp[grp].append(h)
        wgrp = grp if rng.random() < 0.9 else rng.choice([g for g in GROUPS if g != grp])
        wyear = min(2001, max(1950, hyear + rng.randint(-2, 6)))
        w = new_person(hh, wgrp, "F", wyear, rand_sur(wgrp), patr_for(wgrp, father_name(wgrp, wyear), wyear), "wife")
        take = {"kaz": 0.72, "rus": 0.93, "kor": 0.8, "ger": 0.9}.get(grp, 0.85)
        if hsur.kind == "std" and rng.random() < take:
            w.maiden = w.sur
            w.sur = hsur
        nkids = rng.choices([0, 1, 2, 3, 4], [0.14, 0.24, 0.31, 0.2, 0.11])[0]
        years = sorted(rng.randint(min(wyear, hyear) + 20, min(wyear, hyear) + 40) for _ in range(nkids))
        for cy in years:
            if cy > 2023:
                continue
            if hsur.kind == "uly":
                csur = Sur("uly", h.first)
                cpatr = None
            elif grp == "kaz" and cy >= 2000 and rng.random() < 0.08:
                csur = Sur("uly", h.first)
                cpatr = None
            elif grp == "kaz" and rng.random() < 0.05:
                csur = Sur("std", h.first + ("ов" if h.first[-1] not in "аеиоуыэюяәөүұі" else "ев"))
                cpatr = patr_for(grp, h.first, cy)
            else:
                csur, cpatr = hsur, patr_for(grp, h.first, cy)
            c = new_person(hh, grp, rng.choice("MF"), cy, csur, cpatr, "child")
            if rng.random() < 0.016:
                t = new_person(hh, grp, rng.choice("MF") if rng.random() < 0.5 else c.sex, cy, csur,
                               cpatr if cpatr is None else Patr(cpatr.kind, cpatr.father), "child")
                t.birth = c.birth
                tries = 0
                while t.first == c.first and tries < 10:
                    t.first = first_name(grp, t.sex, cy)
                    t.first_ru = ru_variants(t.first)[0]
                    tries += 1
                t.twin, c.twin = c.pid, t.pid
                st["twin_pairs"] += 1
    # IINs at the end (births are final)
    for p in persons:
        p.iin = make_iin(p.birth, p.sex, rng, used_iins)
    return persons, households, st


# ----------------------------------------------------------------------------------------------
# faults and rendering
# ----------------------------------------------------------------------------------------------

CYR_V = "аеиоуыэяюәөүұі"
LAT_V = "aeiouy"


def typo_word(w, rng):
    if len(w) < 3:
        return w
    i = rng.randrange(1, len(w))
    op = rng.random()
    low = w.lower()
    if op < 0.3:
        return w[:i] + w[i + 1:]
    if op < 0.5:
        return w[:i] + w[i] + w[i:]
    if op < 0.75 and i < len(w) - 1:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    vs = [j for j in range(1, len(w)) if low[j] in CYR_V + LAT_V]
    if not vs:
        return w[:i] + w[i + 1:]
    j = rng.choice(vs)
    pool = CYR_V[:7] if low[j] in CYR_V else LAT_V
    nv = rng.choice([c for c in pool if c != low[j]])
    if w[j].isupper():
        nv = nv.upper()
    return w[:j] + nv + w[j + 1:]


def slip_birth(b, rng):
    r = rng.random()
    if r < 0.35 and b.day <= 12 and b.day != b.month:
        try:
            return dt.date(b.year, b.day, b.month)
        except ValueError:
            pass
    if r < 0.7:
        return b + dt.timedelta(days=rng.choice([-1, 1]))
    try:
        return b.replace(year=b.year + rng.choice([-1, 1]))
    except ValueError:
        return b + dt.timedelta(days=1)


class Agency:
    """Per-file fault drawing: IIN, birth, surname choice, address lag."""

    def __init__(self, name, rng, persons_by_hh, all_persons, iin_missing, maiden_rate, lag_rate):
        self.name, self.rng = name, rng
        self.by_hh, self.all = persons_by_hh, all_persons
        self.iin_missing, self.maiden_rate, self.lag_rate = iin_missing, maiden_rate, lag_rate
        self.st = Counter()

    def iin(self, p, missing=None):
        rng, st = self.rng, self.st
        if rng.random() < (self.iin_missing if missing is None else missing):
            st["iin_missing"] += 1
            return None
        r = rng.random()
        if r < 0.005:
            rel = [q for q in self.by_hh[p.hh.hid] if q is not p]
            if rel and rng.random() < 0.7:
                st["iin_of_relative"] += 1
                return rng.choice(rel).iin
            st["iin_of_other_person"] += 1
            return rng.choice(self.all).iin
        if r < 0.025:
            st["iin_typo"] += 1
            return typo_iin(p.iin, rng, st)
        return p.iin

    def birth(self, p):
        if self.rng.random() < 0.01:
            self.st["birth_slip"] += 1
            return slip_birth(p.birth, self.rng)
        return p.birth

    def surname(self, p, script):
        use_maiden = p.maiden is not None and self.rng.random() < self.maiden_rate
        if use_maiden:
            self.st["married_woman_under_maiden"] += 1
        s = p.maiden if use_maiden else p.sur
        if script == "kk":
            return s.kk(p.sex)
        idx = p.ru_pick if self.rng.random() < 0.9 else p.ru_pick + 1
        return s.ru(p.sex, idx)

    def first(self, p, script):
        if script == "kk":
            return p.first
        if self.rng.random() < 0.1:
            return self.rng.choice(ru_variants(p.first))
        return p.first_ru

    def patr(self, p, script):
        if p.patr is None:
            return None
        return p.patr.kk(p.sex) if script == "kk" else p.patr.ru(p.sex)

    def parts(self, p, script, typo=True):
        s, f, m = self.surname(p, script), self.first(p, script), self.patr(p, script)
        if script == "ru" and self.rng.random() < 0.5:
            s, f = s.replace("ё", "е"), f.replace("ё", "е")
        if typo and self.rng.random() < 0.02:
            self.st["name_typo"] += 1
            if self.rng.random() < 0.5:
                s = typo_word(s, self.rng)
            else:
                f = typo_word(f, self.rng)
        return s, f, m

    def addr(self, p):
        hh = p.hh
        if hh.old_addr is not None and self.rng.random() < self.lag_rate:
            self.st["old_address"] += 1
            return hh.old_addr
        return hh.addr

    def phone(self, p):
        if p.phone is None:
            return None
        if p.old_phone and self.rng.random() < 0.4:
            self.st["old_phone"] += 1
            return p.old_phone
        return p.phone


def join_name(parts):
    return " ".join(x for x in parts if x)


MON_EN = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MON_KK = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
          "қараша", "желтоқсан"]


# ---------------------------------------------------------------- 1. real-estate register (parquet)

def write_land(out, persons, households, by_hh, rng, truth):
    ag = Agency("rn", rng, by_hh, persons, iin_missing=0.05, maiden_rate=0.3, lag_rate=0.4)
    fname = "rn_pravoobladateli.parquet"
    rows = []
    seq = [rng.randint(100000, 200000)]

    def rid(year):
        seq[0] += rng.randint(1, 40)
        return f"{rng.choice(['01', '02', '03', '04', '05', '06'])}{year % 100:02d}-{seq[0]:07d}"

    def adult(p):
        return age_at(p.birth) >= 18

    def owners_for(hh):
        m = hh.members
        husb = next((p for p in m if p.role == "husband"), None)
        wife = next((p for p in m if p.role == "wife"), None)
        kids = [p for p in m if p.role == "child"]
        head = next((p for p in m if p.role == "head"), None)
        r = rng.random()
        if husb and wife:
            if r < 0.38:
                return [husb, wife], "общая совместная"
            if r < 0.52:
                return [husb], "единоличная"
            if r < 0.62:
                return [wife], "единоличная"
            if r < 0.9 and kids:
                k = rng.sample(kids, min(len(kids), rng.choice([1, 1, 2])))
                grp = [husb, wife] + k
                return grp[:3], "общая долевая"
            return [husb, wife], "общая долевая"
        if head:
            if kids and r < 0.4:
                return [head] + rng.sample(kids, min(len(kids), rng.choice([1, 2]))), "общая долевая"
            return [head], "единоличная"
        return None, None

    def shares(n, kind):
        if kind == "общая совместная":
            return [None] * n
        if n == 1:
            return [rng.choice(["1/1", "целая", "1"])]
        if n == 2:
            return ["1/2", "1/2"] if rng.random() < 0.85 else ["2/3", "1/3"]
        return rng.choice([["1/3", "1/3", "1/3"], ["1/2", "1/4", "1/4"], ["1/3", "1/3", "1/3"]])

    def one_row(owners, kind, addr_s, vid, year, reg_id=None):
        row = {"nomer_zapisi": reg_id or rid(year),
               "kad_nomer": f"{rng.randint(1, 21):02d}:{rng.randint(100, 399)}:{rng.randint(1, 99):03d}:"
                            f"{rng.randint(1, 999):03d}" + (f":{rng.randint(1, 200)}" if vid == "квартира" else ""),
               "vid_obekta": vid, "adres_obekta": addr_s,
               "ploshad": round(rng.uniform(28, 180) if vid != "земельный участок" else rng.uniform(400, 1500), 1),
               "vid_sobstv": kind,
               "dt_reg_prava": dt.datetime(year, rng.randint(1, 12 if year < TODAY.year else TODAY.month - 1),
                                           rng.randint(1, 28), rng.randint(9, 17),
                                           rng.randint(0, 59))}
        sh = shares(len(owners), kind)
        upper = rng.random() < 0.6
        script = "kk" if rng.random() < 0.55 else "ru"
        for k in range(1, 4):
            if k <= len(owners):
                p = owners[k - 1]
                s, f, m = ag.parts(p, script)
                fio = join_name([s, f, m])
                row[f"pravoobl_{k}_fio"] = fio.upper() if upper else fio
                iin = ag.iin(p, missing=0.05 if year >= 2008 else 0.3)
                row[f"pravoobl_{k}_iin"] = int(iin) if iin else None
                b = ag.birth(p)
                if rng.random() < 0.07:
                    ag.st["birth_missing"] += 1
                    b = None
                row[f"pravoobl_{k}_dr"] = b
                row[f"pravoobl_{k}_dolya"] = sh[k - 1]
                truth.append((fname, row["nomer_zapisi"] if k == 1 else f"{row['nomer_zapisi']}#{k}", p.pid))
                ag.st["person_records"] += 1
            else:
                row[f"pravoobl_{k}_fio"] = None
                row[f"pravoobl_{k}_iin"] = None
                row[f"pravoobl_{k}_dr"] = None
                row[f"pravoobl_{k}_dolya"] = None
        ag.st["rows"] += 1
        ag.st[f"rows_with_{len(owners)}_owners"] += 1
        rows.append(row)
        return row

    for hh in households:
        if rng.random() > 0.52:
            continue
        nobj = 1 + (rng.random() < 0.22)
        for oi in range(nobj):
            owners, kind = owners_for(hh)
            if not owners:
                continue
            owners = [o for o in owners if o is not None]
            if len(owners) >= 2 and rng.random() < 0.2:
                owners[0], owners[1] = owners[1], owners[0]
            if oi == 0:
                a = ag.addr(owners[0])
                addr_s = a.ru_full() if rng.random() < 0.7 else a.kk_full()
                vid = "квартира" if a.flat else "жилой дом"
            else:
                addr_s = dacha_address(rng)
                vid = rng.choice(["земельный участок", "гараж", "жилой дом"])
            youngest = max(o.birth.year for o in owners)
            year = rng.randint(max(2000, youngest + 1), 2024)
            row = one_row(owners, kind, addr_s, vid, year)
            if rng.random() < 0.03:
                ag.st["duplicate_rows"] += 1
                ag.st["duplicate_records"] += len(owners)
                one_row(owners, kind, addr_s, vid, min(2024, year + rng.randint(0, 3)))
        # grandparents' own flat
        gp = [p for p in hh.members if p.role in ("grandfather", "grandmother")]
        if len(gp) == 2 and rng.random() < 0.5:
            a = hh.old_addr or Addr(rng, hh.addr.town)
            one_row(gp, "общая совместная", a.ru_full(), "квартира", rng.randint(2000, 2020))
    rng.shuffle(rows)
    cols = ["nomer_zapisi", "kad_nomer", "vid_obekta", "adres_obekta", "ploshad", "vid_sobstv", "dt_reg_prava"]
    fields = [pa.field("nomer_zapisi", pa.string()), pa.field("kad_nomer", pa.string()),
              pa.field("vid_obekta", pa.string()), pa.field("adres_obekta", pa.string()),
              pa.field("ploshad", pa.float64()), pa.field("vid_sobstv", pa.string()),
              pa.field("dt_reg_prava", pa.timestamp("ms"))]
    for k in range(1, 4):
        cols += [f"pravoobl_{k}_fio", f"pravoobl_{k}_iin", f"pravoobl_{k}_dr", f"pravoobl_{k}_dolya"]
        fields += [pa.field(f"pravoobl_{k}_fio", pa.string()), pa.field(f"pravoobl_{k}_iin", pa.int64()),
                   pa.field(f"pravoobl_{k}_dr", pa.date32()), pa.field(f"pravoobl_{k}_dolya", pa.string())]
    table = pa.table({c: [r[c] for r in rows] for c in cols}, schema=pa.schema(fields))
    pq.write_table(table, os.path.join(out, fname))
    ag.st["iin_leading_zero_lost"] = sum(1 for r in rows for k in (1, 2, 3)
                                         if r[f"pravoobl_{k}_iin"] is not None and r[f"pravoobl_{k}_iin"] < 10 ** 11)
    return fname, ag.st


# ---------------------------------------------------------------- 2. migration police registrations (csv)

def d_mon(d):
    return f"{d.day:02d}{MON_EN[d.month - 1]}{d.year % 100:02d}"


def d_iso_t(d):
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}T00:00:00"


def mrz_name(sur, first):
    s = translit(sur, ICAO).replace(" ", "<").replace("-", "<")
    f = translit(first, ICAO).replace(" ", "<").replace("-", "<")
    out = f"{s}<<{f}"
    return (out + "<" * 30)[:30]


def write_mvd(out, persons, households, by_hh, rng, truth):
    ag = Agency("mvd", rng, by_hh, persons, iin_missing=0.12, maiden_rate=0.25, lag_rate=0.0)
    fname = "mvd_propiska.csv"
    recs = []
    used = set()
    inspectors = ["ст. лейтенант полиции Смагулов Е.К.", "капитан полиции Жунусова Г.А.",
                  "майор полиции Ким В.С.", "лейтенант полиции Оспанов Д.М.", "ст. инспектор Бекова А.Т."]

    def rid():
        while True:
            x = f"{rng.randint(10, 99)}{rng.randrange(10 ** 8):08d}"
            if x not in used:
                used.add(x)
                return x

    def record(p, addr, dreg, ddereg, kind):
        iso = rng.random() < 0.25
        fmt = d_iso_t if iso else d_mon
        mrz = rng.random() < 0.7
        script = "kk" if rng.random() < 0.5 else "ru"
        s, f, _ = ag.parts(p, script, typo=False)
        if mrz:
            ag.st["mrz_names"] += 1
            name_mrz, sl, gl = mrz_name(s, f), "", ""
        else:
            ag.st["old_scheme_latin_columns"] += 1
            name_mrz, sl, gl = "", translit(s, OLDP), translit(f, OLDP)
        if rng.random() < 0.02:
            ag.st["name_typo"] += 1
            if mrz:
                parts = name_mrz.rstrip("<").split("<<")
                parts[0] = typo_word(parts[0], rng)
                name_mrz = ("<<".join(parts) + "<" * 30)[:30]
            else:
                sl = typo_word(sl, rng)
        b = ag.birth(p)
        child = age_at(p.birth) < 16
        row = {"REG_ID": rid(),
               "DOC_TYPE": "СВИД.О РОЖД." if child else rng.choice(["УДЛ", "УДЛ", "УДЛ", "ПАСПОРТ РК"]),
               "DOC_NUM": (f"I-ЖК {rng.randrange(10 ** 7):07d}" if child else f"{rng.choice(['0', 'N'])}{rng.randrange(10 ** 8):08d}"),
               "MRZ_NAME": name_mrz, "SURNAME_LAT": sl, "GIVEN_NAMES_LAT": gl,
               "DOB": fmt(b), "SEX": p.sex, "IIN": ag.iin(p) or "",
               "NATIONALITY": "KAZ", "REG_KIND": kind, "ADDRESS": addr.ru_upper(),
               "DT_REG": fmt(dreg), "DT_DEREG": fmt(ddereg) if ddereg else "",
               "INSPECTOR": rng.choice(inspectors)}
        recs.append(row)
        truth.append((fname, row["REG_ID"], p.pid))
        ag.st["person_records"] += 1
        return row

    def after(d, lo, hi):
        y = rng.randint(max(d.year + lo, 2004), max(d.year + lo, 2004) + hi)
        return max(d + dt.timedelta(days=rng.randint(1, 60)),
                   min(TODAY, dt.date(min(y, 2024), rng.randint(1, 12), rng.randint(1, 28))))

    for hh in households:
        if rng.random() > 0.54:
            continue
        for p in hh.members:
            if rng.random() < 0.07:
                continue
            if hh.old_addr is not None:
                r = rng.random()
                d_old = after(p.birth, 0, 8)
                d_new = min(TODAY, d_old + dt.timedelta(days=rng.randint(200, 3000)))
                if r < 0.5:
                    ag.st["mover_two_records"] += 1
                    record(p, hh.old_addr, d_old, d_new - dt.timedelta(days=rng.randint(0, 20)), "ПОСТОЯННАЯ")
                    record(p, hh.addr, d_new, None, "ПОСТОЯННАЯ")
                elif r < 0.78:
                    record(p, hh.addr, d_new, None, "ПОСТОЯННАЯ")
                else:
                    ag.st["mover_only_old_record"] += 1
                    record(p, hh.old_addr, d_old, None, "ПОСТОЯННАЯ")
            else:
                record(p, hh.addr, after(p.birth, 0, 12), None, "ПОСТОЯННАЯ")
            if age_at(p.birth) >= 18 and rng.random() < 0.04:
                ag.st["temporary_registration"] += 1
                record(p, Addr(rng), after(p.birth, 18, 6), None, "ВРЕМЕННАЯ")
            if rng.random() < 0.025:
                ag.st["duplicate_records"] += 1
                record(p, hh.addr, after(p.birth, 0, 12), None, "ПОСТОЯННАЯ")
    rng.shuffle(recs)
    cols = list(recs[0].keys())
    with open(os.path.join(out, fname), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\r\n")
        w.writeheader()
        w.writerows(recs)
    ag.st["rows"] = len(recs)
    return fname, ag.st


# ---------------------------------------------------------------- 3. enforcement proceedings (xlsx)

CONS = "бвгджзклмнпрстфхцчшщғқңһ"


def _cap(s):
    return s[:1].upper() + s[1:]


def decl_sur(s, sex, case):
    low = s.lower()
    gen = case == "gen"
    if low.endswith(("ұлы", "улы", "қызы", "кызы", "ко", "их", "ых")) or low[-1] in "иеоуыэю":
        return s
    if sex == "M":
        if low.endswith("ский"):
            return s[:-2] + ("ого" if gen else "ому")
        if low.endswith("й"):
            return s[:-1] + ("я" if gen else "ю")
        if low[-1] in CONS:
            return s + ("а" if gen else "у")
        return s
    if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return s[:-1] + "ой"
    if low.endswith("ская"):
        return s[:-2] + "ой"
    return s


def decl_first(s, sex, case):
    low = s.lower()
    gen = case == "gen"
    if sex == "M":
        if low[-1] in "йь":
            return s[:-1] + ("я" if gen else "ю")
        if low[-1] == "а":
            return s[:-1] + (("и" if low[-2] in "гкхжшчщ" else "ы") if gen else "е")
        if low[-1] == "я":
            return s[:-1] + ("и" if gen else "е")
        if low[-1] in CONS:
            return s + ("а" if gen else "у")
        return s
    if low.endswith("ия"):
        return s[:-1] + "и"
    if low[-1] == "я":
        return s[:-1] + ("и" if gen else "е")
    if low[-1] == "а":
        return s[:-1] + (("и" if low[-2] in "гкхжшчщ" else "ы") if gen else "е")
    return s


def decl_patr(s, sex, case):
    low = s.lower()
    gen = case == "gen"
    if low.endswith(("ұлы", "улы", "қызы", "кызы")):
        return s
    if sex == "M" and low.endswith("ич"):
        return s + ("а" if gen else "у")
    if sex == "F" and low.endswith("на"):
        return s[:-1] + ("ы" if gen else "е")
    return s


CREDITORS = ["АО «Kaspi Bank»", "АО «Home Credit Bank»", "АО «Банк ЦентрКредит»", "ТОО «МФО «Шинхан Финанс»",
             "ТОО «МФО KMF»", "АО «Народный Банк Казахстана»", "РГУ «УГД по Алмалинскому району ДГД по г. Алматы»",
             "ТОО «Алматы Су»", "АО «АлматыЭнергоСбыт»", "ТОО «Коллекторское агентство ПКБ»",
             "ГУ «Управление пассажирского транспорта»", "АО «Евразийский банк»", "ТОО «ҚазақТелеком»"]
BAILIFFS = ["Сейткалиева А.Б.", "Ермеков Д.Т.", "Шайхин Р.К.", "Пак Е.В.", "Абилова Ж.С.", "Тлеубердиев М.М."]
COMPANIES = ["ТОО «Нұр-Строй Сервис»", "ТОО «Алтын Дала Агро»", "ИП «Береке»", "ТОО «KazTransLogistic»",
             "ТОО «Жаңа Өмір-2015»", "ТОО «СтройМонтаж Плюс»"]


def write_court(out, persons, households, by_hh, rng, truth):
    ag = Agency("chsi", rng, by_hh, persons, iin_missing=0.07, maiden_rate=0.35, lag_rate=0.45)
    fname = "chsi_ip_reestr.xlsx"
    rows = []
    seq = [rng.randint(1000, 5000)]
    adults = [p for p in persons if 21 <= age_at(p.birth) <= 78]

    def name_field(p):
        script = "kk" if rng.random() < 0.25 else "ru"
        s, f, m = ag.parts(p, script)
        r = rng.random()
        if r < 0.45:
            ag.st["name_nominative"] += 1
            return join_name([s, f, m])
        if r < 0.57:
            ag.st["name_nominative_upper"] += 1
            return join_name([s, f, m]).upper()
        if r < 0.82:
            case = "gen" if r < 0.72 else "dat"
            ag.st[f"name_{'genitive' if case == 'gen' else 'dative'}"] += 1
            ds, df = decl_sur(s, p.sex, case), decl_first(f, p.sex, case)
            dm = m
            if m and rng.random() > 0.2:
                dm = decl_patr(m, p.sex, case)
            elif m:
                ag.st["declined_name_patronymic_left_nominative"] += 1
            out_s = join_name([ds, df, dm])
            return out_s.upper() if rng.random() < 0.15 else out_s
        ag.st["name_with_birth_date"] += 1
        b = ag.birth(p)
        if rng.random() < 0.7:
            return f"{join_name([s, f, m]).upper()}, {b.day:02d}.{b.month:02d}.{b.year} г.р."
        return f"{join_name([s, f, m])} ({b.day:02d}.{b.month:02d}.{b.year} г.р.)"

    def row_for(p, year):
        seq[0] += rng.randint(1, 9)
        rid = f"{rng.choice(['02', '75', '15', '71'])}-{year}/{seq[0]:05d}"
        a = ag.addr(p)
        cat = rng.choices(["взыскание задолженности по кредиту", "алименты", "административный штраф",
                           "налоговая задолженность", "коммунальные услуги"], [0.5, 0.1, 0.15, 0.1, 0.15])[0]
        if cat == "алименты" and p.sex == "F":
            cat = "взыскание задолженности по кредиту"
        doc = rng.choice([f"Судебный приказ № 2-{rng.randint(100, 9999)}/{year % 100}",
                          f"Исполнительная надпись нотариуса {rng.choice(['Жунусовой Г.К.', 'Ахметова Б.С.', 'Ли О.В.'])} "
                          f"№ {rng.randint(100, 9999)}",
                          f"Постановление по делу об АП № {rng.randint(10 ** 6, 10 ** 7)}"])
        row = {"№ п/п": None, "№ ИП": rid,
               "Дата возбуждения ИП": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
               "Исполнительный документ": doc,
               "Взыскатель": "Мать ребёнка (по заявлению)" if cat == "алименты" else rng.choice(CREDITORS),
               "Должник": name_field(p), "ИИН/БИН должника": ag.iin(p) or "",
               "Адрес должника": a.ru_compact() if rng.random() < 0.5 else a.kk_full(),
               "Сумма, тенге": round(rng.uniform(5000, 3000000), 2), "Категория": cat,
               "ЧСИ": rng.choice(BAILIFFS),
               "Статус": rng.choice(["на исполнении", "на исполнении", "окончено", "приостановлено"])}
        rows.append(row)
        truth.append((fname, rid, p.pid))
        ag.st["person_records"] += 1
        return row

    for p in adults:
        if rng.random() > 0.19:
            continue
        n = rng.choices([1, 2, 3, 4], [0.64, 0.22, 0.1, 0.04])[0]
        ag.st["debtors"] += 1
        for _ in range(n):
            year = rng.randint(max(2016, p.birth.year + 19), 2024)
            row_for(p, year)
        if rng.random() < 0.03:
            ag.st["duplicate_records"] += 1
            row_for(p, rng.randint(2018, 2024))
    for _ in range(max(1, len(rows) // 30)):
        seq[0] += 3
        year = rng.randint(2016, 2024)
        rows.append({"№ п/п": None, "№ ИП": f"02-{year}/{seq[0]:05d}",
                     "Дата возбуждения ИП": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                     "Исполнительный документ": f"Судебный приказ № 2-{rng.randint(100, 9999)}/{year % 100}",
                     "Взыскатель": rng.choice(CREDITORS), "Должник": rng.choice(COMPANIES),
                     "ИИН/БИН должника": make_bin(rng), "Адрес должника": Addr(rng).ru_compact(),
                     "Сумма, тенге": round(rng.uniform(50000, 9000000), 2), "Категория": "взыскание задолженности",
                     "ЧСИ": rng.choice(BAILIFFS), "Статус": "на исполнении"})
        ag.st["company_debtor_rows"] += 1
    rows.sort(key=lambda r: (r["Дата возбуждения ИП"], r["№ ИП"]))
    for i, r in enumerate(rows, 1):
        r["№ п/п"] = i
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Реестр ИП"
    cols = list(rows[0].keys())
    ws.append(["Реестр исполнительных производств частного судебного исполнителя исполнительного округа"])
    ws.append([f"по состоянию на {TODAY:%d.%m.%Y} г."])
    ws.append([])
    ws.append(cols)
    ws.append(list(range(1, len(cols) + 1)))
    for r in rows:
        ws.append([r[c] for c in cols])
        ws.cell(row=ws.max_row, column=3).number_format = "DD.MM.YYYY"
    wb.save(os.path.join(out, fname))
    ag.st["rows"] = len(rows)
    return fname, ag.st


# ---------------------------------------------------------------- 4. micro-finance applications (json array)

def write_mfo(out, persons, households, by_hh, rng, truth):
    ag = Agency("mfo", rng, by_hh, persons, iin_missing=0.22, maiden_rate=0.15, lag_rate=0.3)
    fname = "mfo_zayavki.json"
    apps = []
    used = set()
    borrowers = [p for p in persons if 18 <= age_at(p.birth) <= 70]
    officers = ["Сейтқали Д.", "Мусина А.", "Ким Е.", "Абенов Р.", "scoring-bot"]

    def app_no(when):
        while True:
            x = f"Z-{when:%y%m%d}-{rng.randrange(10 ** 6):06d}"
            if x not in used:
                used.add(x)
                return x

    def name_obj(p):
        r = rng.random()
        if r < 0.3:
            kind = "latin"
            s, f, m = ag.parts(p, "kk" if rng.random() < 0.6 else "ru", typo=False)
            if rng.random() < 0.6:
                ag.st["latin_informal"] += 1
                s, f = informal_latin(s, rng), informal_latin(f, rng)
                m = informal_latin(m, rng) if m and rng.random() < 0.3 else None
            else:
                ag.st["latin_kz2018"] += 1
                s, f = kz2018(s), kz2018(f)
                m = kz2018(m) if m and rng.random() < 0.4 else None
            if rng.random() < 0.02:
                ag.st["name_typo"] += 1
                s = typo_word(s, rng)
        else:
            script = "kk" if r < 0.55 else "ru"
            s, f, m = ag.parts(p, script)
            if m and rng.random() < 0.3:
                m = None
            if rng.random() < 0.06:
                ag.st["name_lower_case"] += 1
                s, f, m = s.lower(), f.lower(), (m.lower() if m else None)
        return {"last": s, "first": f, "middle": m}

    def contact(p, client_name):
        rel = [q for q in by_hh[p.hh.hid] if q is not p and q.phone and age_at(q.birth) >= 16]
        if rel:
            q = rng.choice(rel)
            if q.role in ("husband", "wife") and p.role in ("husband", "wife"):
                relation = "супруг(а)"
            elif q.birth.year < p.birth.year - 15:
                relation = "мать" if q.sex == "F" else "отец"
            else:
                relation = rng.choice(["брат/сестра", "родственник", "сын/дочь"])
        else:
            q = rng.choice(persons)
            while q.phone is None:
                q = rng.choice(persons)
            relation = rng.choice(["друг", "коллега", "знакомый"])
        latin = not any("а" <= ch.lower() <= "я" or ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for ch in client_name["last"])
        script = "kk" if rng.random() < 0.4 else "ru"
        s, f, _ = ag.parts(q, script)
        if latin:
            s, f = informal_latin(s, rng), informal_latin(f, rng)
        full = f"{s} {f}" if rng.random() < 0.75 else f"{f} {s}"
        ag.st["contact_persons"] += 1
        return q, {"full_name": full, "relation": relation, "phone": fmt_phone(ag.phone(q), rng.randrange(5))}

    def one_app(p, when):
        nm = name_obj(p)
        iin = ag.iin(p)
        b = ag.birth(p)
        r = rng.random()
        bd, age = None, age_at(p.birth, when.date())
        if r < 0.25:
            ag.st["age_only"] += 1
        elif r < 0.29:
            ag.st["no_birth_no_age"] += 1
            age = None
        else:
            f = rng.random()
            if f < 0.45:
                bd = f"{b.day:02d}-{MON_EN[b.month - 1].title()}-{b.year}"
            elif f < 0.7:
                bd = b.isoformat()
            elif f < 0.85:
                ag.st["birth_utc_shifted"] += 1
                prev = b - dt.timedelta(days=1)
                bd = f"{prev.isoformat()}T18:00:00.000Z"
            else:
                bd = f"{b.day:02d}.{b.month:02d}.{b.year}"
            if rng.random() < 0.4:
                age = None
        a = ag.addr(p)
        lat_city = rng.random() < 0.3
        client = {"name": nm, "iin": iin, "birth_date": bd, "age": age,
                  "gender": rng.choice(["M", "male"]) if p.sex == "M" else rng.choice(["F", "female"]),
                  "phone": fmt_phone(ag.phone(p) or make_phone(rng), rng.randrange(5)),
                  "email": None,
                  "address": {"city": TOWNS[a.town][2].title() if lat_city else TOWNS[a.town][1],
                              "street": a.ru_street(short=rng.random() < 0.5), "house": a.house, "flat": a.flat}}
        if rng.random() < 0.5:
            base = translit(ru_variants(p.first)[0], OLDP).lower()
            client["email"] = f"{base}.{translit(p.sur.ru(p.sex), OLDP).lower()}{p.birth.year % 100:02d}@" \
                              f"{rng.choice(['mail.ru', 'gmail.com', 'inbox.kz', 'bk.ru'])}"
        app = {"application_no": app_no(when), "created_at": when.strftime("%Y-%m-%dT%H:%M:%S+05:00"),
               "channel": rng.choice(["mobile_app", "web", "partner_pos"]),
               "product": {"code": rng.choice(["PDL30", "INST6", "INST12"]),
                           "amount_kzt": rng.choice([30000, 50000, 100000, 150000, 300000, 500000])},
               "client": client, "contact_person": None,
               "decision": {"status": rng.choice(["approved", "approved", "rejected", "cancelled"]),
                            "officer": rng.choice(officers)}}
        truth.append((fname, app["application_no"], p.pid))
        ag.st["person_records"] += 1
        if rng.random() < 0.55:
            q, c = contact(p, nm)
            app["contact_person"] = c
            truth.append((fname, app["application_no"] + "#2", q.pid))
            ag.st["person_records"] += 1
        apps.append(app)
        return app

    for p in borrowers:
        if rng.random() > 0.24:
            continue
        ag.st["borrowers"] += 1
        n = rng.choices([1, 2, 3], [0.8, 0.15, 0.05])[0]
        for _ in range(n):
            when = dt.datetime(rng.randint(2021, 2024), rng.randint(1, 9), rng.randint(1, 28), rng.randint(0, 23),
                               rng.randint(0, 59), rng.randint(0, 59))
            one_app(p, when)
            if rng.random() < 0.03:
                ag.st["duplicate_records"] += 1
                one_app(p, when + dt.timedelta(minutes=rng.randint(1, 30)))
    apps.sort(key=lambda a: a["created_at"])
    with open(os.path.join(out, fname), "w", encoding="utf-8") as fh:
        json.dump(apps, fh, ensure_ascii=False, indent=1)
    ag.st["rows"] = len(apps)
    return fname, ag.st


# ---------------------------------------------------------------- 5. census household questionnaire (xlsx, wide)

def write_census(out, persons, households, by_hh, rng, truth):
    ag = Agency("sanaq", rng, by_hh, persons, iin_missing=0.4, maiden_rate=0.05, lag_rate=0.05)
    fname = "sanaq_uy_tizimi.xlsx"
    enumerators = ["Әбдіқадырова Г.", "Нұрмағанбетов А.", "Иванова Т.", "Сәрсенова М.", "Құдайбергенов Е."]
    MAXM = 6
    rows = []
    used = set()

    def qid(hh):
        while True:
            x = f"{hh.addr.town + 1:02d}-{rng.randint(100, 999)}-{rng.randrange(10000):04d}"
            if x not in used:
                used.add(x)
                return x

    def ordered(hh):
        m = hh.members
        role = {p.pid: p.role for p in m}
        gf = next((p for p in m if p.role == "grandfather"), None)
        if gf is not None and rng.random() < 0.5:
            head = gf
            order = [gf] + [p for p in m if p.role == "grandmother"] + \
                    [p for p in m if p.role == "husband"] + [p for p in m if p.role == "wife"] + \
                    sorted([p for p in m if p.role == "child"], key=lambda p: p.birth)
            rel = {"grandfather": "үй басшысы", "grandmother": "жұбайы", "husband": "ұлы", "wife": "келіні",
                   "child": "немересі"}
            return order, {p.pid: rel[p.role] for p in order}
        lead = [p for p in m if p.role in ("husband", "head")]
        order = lead + [p for p in m if p.role == "wife"] + \
            sorted([p for p in m if p.role == "child"], key=lambda p: p.birth) + \
            [p for p in m if p.role in ("grandfather", "grandmother")]
        rel = {}
        for p in order:
            if p.role in ("husband", "head"):
                rel[p.pid] = "үй басшысы"
            elif p.role == "wife":
                rel[p.pid] = "жұбайы"
            elif p.role == "child":
                rel[p.pid] = "ұлы" if p.sex == "M" else "қызы"
            elif p.role == "grandfather":
                rel[p.pid] = "әкесі"
            else:
                rel[p.pid] = "анасы"
        return order, rel

    def birth_cell(p):
        b = ag.birth(p)
        r = rng.random()
        if r < 0.58:
            return f"{b.day:02d}.{b.month:02d}.{b.year}"
        if r < 0.75:
            ag.st["birth_kazakh_month"] += 1
            if rng.random() < 0.7:
                return f"{b.day} {MON_KK[b.month - 1]} {b.year} ж."
            return f"{b.year} ж. {b.day} {MON_KK[b.month - 1]}"
        if r < 0.95:
            return b
        ag.st["birth_year_only"] += 1
        return b.year

    def one_row(hh, addr):
        order, rel = ordered(hh)
        if len(order) > MAXM:
            ag.st["members_beyond_6_not_listed"] += len(order) - MAXM
            order = order[:MAXM]
        rid = qid(hh)
        head = order[0]
        row = {"Сауалнама №": rid, "Облыс": TOWNS[addr.town][4], "Елді мекен": TOWNS[addr.town][0],
               "Көше / ш.а.": addr.kk_street(), "Үй": addr.house, "Пәтер": addr.flat or "",
               "Байланыс телефоны": fmt_phone(ag.phone(head), rng.randrange(5)) if head.phone else "",
               "Санақшы": rng.choice(enumerators), "Мүшелер саны": len(order)}
        script = "kk" if rng.random() < 0.8 else "ru"
        for k in range(1, MAXM + 1):
            if k <= len(order):
                p = order[k - 1]
                s, f, m = ag.parts(p, script)
                if k > 1 and rng.random() < 0.07:
                    ag.st["surname_omitted"] += 1
                    nm = join_name([f, m])
                else:
                    nm = join_name([s, f, m])
                row[f"Т.А.Ә. [{k}]"] = nm
                row[f"Қатынасы [{k}]"] = rel[p.pid]
                row[f"Жынысы [{k}]"] = "ер" if p.sex == "M" else "әйел"
                row[f"Туған күні [{k}]"] = birth_cell(p)
                row[f"ЖСН [{k}]"] = ag.iin(p) or ""
                truth.append((fname, rid if k == 1 else f"{rid}#{k}", p.pid))
                ag.st["person_records"] += 1
            else:
                for c in ("Т.А.Ә.", "Қатынасы", "Жынысы", "Туған күні", "ЖСН"):
                    row[f"{c} [{k}]"] = None
        rows.append(row)

    for hh in households:
        if rng.random() > 0.54:
            continue
        a = ag.addr(hh.members[0])
        one_row(hh, a)
        if rng.random() < 0.03:
            ag.st["duplicate_rows"] += 1
            ag.st["duplicate_records"] += min(MAXM, len(hh.members))
            one_row(hh, hh.old_addr or hh.addr)
    rng.shuffle(rows)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Тізім"
    cols = list(rows[0].keys())
    ws.append(cols)
    for r in rows:
        ws.append([r[c] for c in cols])
        for j, c in enumerate(cols, 1):
            if isinstance(r[c], dt.date):
                ws.cell(row=ws.max_row, column=j).number_format = "DD.MM.YYYY"
    wb.save(os.path.join(out, fname))
    ag.st["rows"] = len(rows)
    return fname, ag.st


# ----------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=141)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    persons, households, pop_st = build_population(a.persons, rng)
    by_hh = {hh.hid: hh.members for hh in households}
    truth = []
    stats = {"seed": a.seed, "persons_drawn": len(persons), "households": len(households), "files": {}}
    for writer in (write_land, write_mvd, write_court, write_mfo, write_census):
        sub = random.Random(f"{a.seed}-{writer.__name__}")
        fname, st = writer(a.out, persons, households, by_hh, sub, truth)
        stats["files"][fname] = dict(sorted(st.items()))
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "record_id", "person_id"])
        w.writerows(truth)
    # population figures
    key = defaultdict(list)
    for p in persons:
        key[(fold(p.sur.kk(p.sex)), fold(p.first))].append(p.birth.year)
    namesake_pairs = sum(1 for ys in key.values() for i in range(len(ys)) for j in range(i + 1, len(ys))
                         if abs(ys[i] - ys[j]) <= 5)
    in_extracts = {t[2] for t in truth}
    stats["population"] = dict(pop_st, married_women_with_maiden=sum(1 for p in persons if p.maiden),
                               households_moved=sum(1 for h in households if h.old_addr is not None),
                               namesake_pairs_same_name_births_within_5y=namesake_pairs,
                               persons_in_extracts=len(in_extracts),
                               records=len(truth))
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(stats, fh, ensure_ascii=False, indent=1)
    print(json.dumps({"records": len(truth), "persons_in_extracts": len(in_extracts),
                      "per_file": {f: s.get("person_records", 0) for f, s in stats["files"].items()}},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
