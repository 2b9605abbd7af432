#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A twenty-fifth linkage writer's generator, written apart from the project (from the linkage issue's text, the
# README's linkage part, `ukimet link --help`, extracts_twentyfourth.md and extracts_twentyfourth.py alone), kept as
# its writer wrote it.
"""Eight agency extracts of Kostanay region (Kostanay, Rudny, Lisakovsk and the villages), with their truth.

python bench/extracts_twentyfifth.py --seed S --out DIR [--persons N]

Writes, in DIR:
  shahmat_reiting.txt          the regional chess federation's yearly rating lists (FIDE's fixed-width TXT layout,
                               a title and a header line before each year's block)
  snt_vedomost.xls             garden cooperatives' dues statements (Excel 2003 XML Spreadsheet saved as .xls:
                               merged two-row header, sparse cells with ss:Index)
  wiedergeburt_mitglieder.json the German society's members (a Firebase Realtime Database export: members keyed
                               by push ids, German keys, German month names, German transliteration)
  sharua_qozhalyqtary.parquet  the register of peasant farms (pandas Parquet of MultiIndex columns: names are
                               tuples as text, `('Басшысы', 'Тегі')`)
  qamqorshylyq.csv             children under guardianship (R's write.csv: row names, dotted and make.unique'd
                               names, NA, IINs as numbers)
  altyn_alqa.xlsx              mothers of many children put up for the Altyn/Kumis alqa (a mother's row and her
                               children's grouped rows below it)
  dms_borderau.csv             a medical insurer's lists of insured employees and families (two header lines,
                               Kazakh then Russian; a total line)
  tson_kezek.jsonl             the public service centres' e-queue tickets (an Elasticsearch _bulk file: action
                               lines and documents)
  truth.csv                    file,record_id,person_id
  stats.json                   counts
Deterministic per seed (stdlib random only; fixed zip times and document properties).
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
from xml.sax.saxutils import escape

D = dt.date
END = D(2024, 12, 31)
TOBYL = D(2019, 1, 1)     # Затобольск -> Тобыл (the generator's day)

# ----------------------------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------------------------

KZ_M = {
    0: "Қасым Омар Жақып Мұқан Серік Болат Төлеген Ахмет Ыбырай Смағұл Қайырбек Рахым Жұмабай Мақсұт Әбдірахман "
       "Сейіт Мұхамеджан Байжан Кәрім Тұрсын Шәкен Ғабит Нұрмұқан Сәрсен Құсайын".split(),
    1: "Серік Болат Қайрат Ерлан Нұрлан Асқар Бауыржан Марат Ержан Талғат Жандос Мұрат Айдос Бақытжан Ерболат "
       "Дәулет Арман Қанат Ғалым Рүстем Мейрамбек Сұңқар Ербол Асхат Нұрбол".split(),
    2: "Әлихан Нұрасыл Ерасыл Арсен Алдияр Ансар Иманғали Темірлан Бекзат Нұрислам Ақжол Данияр Айсұлтан Санжар "
       "Әділ Дамир Ернар Мирас Бексұлтан Нұрдәулет Әмір Райымбек".split(),
}
KZ_F = {
    0: "Күләш Бибігүл Сара Ұлжан Зағипа Күлпаш Рәбиға Мәрзия Қанипа Сәуле Бақыт Райхан Шолпан Ғайникамал Зейнеп "
       "Нағима Әлима".split(),
    1: "Гүлнар Сәуле Жанар Айгүл Гүлмира Динара Салтанат Әсем Жанна Ләззат Мейрамгүл Бақытгүл Ақмарал Маржан Гүлнұр "
       "Эльмира Назгүл Жұлдыз Алма Әйгерім Ботагөз Роза".split(),
    2: "Аружан Айару Томирис Жансая Әйгерім Інжу Ақбота Дана Мәдина Ділназ Аяулым Нұрай Айзере Камила Жасмин "
       "Сабина Айша Амина Аделя Мерей Нұрсезім".split(),
}
KZ_RU = {"Ыбырай": "Ибрай", "Құсайын": "Кусаин", "Сейіт": "Сеит", "Әбдірахман": "Абдрахман", "Кәрім": "Карим",
         "Төлеген": "Тулеген", "Рүстем": "Рустем", "Әлихан": "Алихан", "Әділ": "Адиль", "Әмір": "Амир",
         "Гүлнар": "Гульнар", "Айгүл": "Айгуль", "Әсем": "Асем", "Ләззат": "Ляззат", "Күләш": "Кулаш",
         "Бибігүл": "Бибигуль", "Мейрамгүл": "Мейрамгуль", "Бақытгүл": "Бакытгуль", "Гүлмира": "Гульмира",
         "Гүлнұр": "Гульнур", "Назгүл": "Назгуль", "Ботагөз": "Ботагоз", "Ділназ": "Дильназ", "Інжу": "Инжу",
         "Рәбиға": "Рабига", "Зағипа": "Загипа", "Сұңқар": "Сункар", "Нұрсезім": "Нурсезим", "Әлима": "Алима",
         "Күлпаш": "Кульпаш", "Темірлан": "Темирлан", "Мәрзия": "Марзия", "Ғайникамал": "Гайникамал"}

RU_M = {
    0: "Иван Николай Василий Пётр Михаил Александр Виктор Анатолий Алексей Григорий Степан Фёдор Владимир Павел "
       "Яков".split(),
    1: "Сергей Александр Андрей Алексей Дмитрий Игорь Евгений Олег Владимир Виталий Юрий Валерий Николай Михаил "
       "Павел Роман Денис Константин Вадим Виктор".split(),
    2: "Артём Максим Даниил Кирилл Никита Илья Александр Дмитрий Матвей Егор Иван Тимофей Михаил Роман Владислав "
       "Глеб Арсений".split(),
}
RU_F = {
    0: "Анна Мария Валентина Галина Нина Людмила Тамара Зинаида Антонина Клавдия Раиса Лидия Надежда Вера Любовь "
       "Евдокия".split(),
    1: "Елена Ольга Татьяна Наталья Ирина Светлана Юлия Марина Оксана Анна Екатерина Надежда Людмила Галина Лариса "
       "Валентина Евгения Инна".split(),
    2: "Анастасия Дарья Мария Анна Полина Виктория Елизавета Софья Ксения Алина Екатерина Арина Вероника Валерия "
       "Ангелина Милана".split(),
}
UA_EXTRA_M = {0: ["Тарас", "Богдан"], 1: ["Богдан"], 2: []}
UA_EXTRA_F = {0: ["Ганна"], 1: ["Оксана", "Олеся"], 2: ["Олеся"]}

# German persons: (the passport's Russian form, the German society's form)
DE_M = {
    0: [("Иван", "Johann"), ("Генрих", "Heinrich"), ("Андрей", "Andreas"), ("Яков", "Jakob"), ("Фридрих", "Friedrich"),
        ("Давид", "David"), ("Пётр", "Peter"), ("Роберт", "Robert"), ("Эдуард", "Eduard"), ("Александр", "Alexander"),
        ("Вольдемар", "Woldemar"), ("Эрих", "Erich"), ("Теодор", "Theodor")],
    1: [("Виктор", "Viktor"), ("Владимир", "Woldemar"), ("Александр", "Alexander"), ("Андрей", "Andreas"),
        ("Эдуард", "Eduard"), ("Артур", "Artur"), ("Роберт", "Robert"), ("Сергей", "Sergej"), ("Юрий", "Jurij"),
        ("Иван", "Johann"), ("Олег", "Oleg"), ("Валерий", "Waleri")],
    2: [("Максим", "Maxim"), ("Артур", "Artur"), ("Даниил", "Daniel"), ("Денис", "Denis"), ("Александр", "Alexander"),
        ("Артём", "Artjom"), ("Давид", "David"), ("Роман", "Roman"), ("Кирилл", "Kirill"), ("Эрик", "Erik")],
}
DE_F = {
    0: [("Екатерина", "Katharina"), ("Мария", "Maria"), ("Елена", "Helene"), ("Елизавета", "Elisabeth"),
        ("Эмма", "Emma"), ("Амалия", "Amalie"), ("Лидия", "Lydia"), ("Фрида", "Frieda"), ("Анна", "Anna"),
        ("Эльвира", "Elvira"), ("Ирма", "Irma"), ("Паулина", "Pauline")],
    1: [("Ольга", "Olga"), ("Ирина", "Irina"), ("Наталья", "Natalia"), ("Светлана", "Swetlana"),
        ("Татьяна", "Tatjana"), ("Елена", "Helene"), ("Эльвира", "Elvira"), ("Лилия", "Lilia"), ("Ирма", "Irma"),
        ("Виктория", "Viktoria"), ("Валентина", "Valentina"), ("Нелли", "Nelly")],
    2: [("Анна", "Anna"), ("Юлия", "Julia"), ("Кристина", "Kristina"), ("Виктория", "Viktoria"), ("Алина", "Alina"),
        ("Анастасия", "Anastasia"), ("Дарья", "Daria"), ("Эмилия", "Emilia"), ("Ангелина", "Angelina"), ("Ева", "Eva")],
}

SUR_KZ = ("Байжанов Смағұлов Ыбыраев Омаров Садықов Тоқтаров Мұқанов Нұрпейісов Әбілқасымов Бекмағамбетов Құсайынов "
          "Ахметжанов Исабеков Сәрсенбаев Қалиев Оспанов Шәкенов Тұрсынов Жақыпов Әміров Рахымжанов Дүйсенбаев "
          "Кенжебаев Төлегенов Бейсенов Ғабитов Жүнісов Қожахметов Байтұрсынов Есмағамбетов Қасымов Жұмабаев "
          "Серікбаев Сейітов Мұхамеджанов Тәжібаев Иманғалиев Алтынсарин Әбенов Жаманқұлов Ибраев Шайхин Асқаров "
          "Балғабаев Нұрмағамбетов").split()
SUR_KZ_RU = {"Сәрсенбаев": "Сарсенбаев", "Әбілқасымов": "Абилкасымов", "Жүнісов": "Жунусов", "Дүйсенбаев": "Дюсенбаев",
             "Төлегенов": "Тулегенов", "Әміров": "Амиров", "Тәжібаев": "Тажибаев", "Шәкенов": "Шакенов",
             "Сейітов": "Сеитов", "Нұрпейісов": "Нурпеисов", "Құсайынов": "Кусаинов", "Серікбаев": "Серикбаев",
             "Ыбыраев": "Ибыраев"}
SUR_RU = ("Иванов Кузнецов Попов Смирнов Волков Морозов Лебедев Новиков Фёдоров Зайцев Соловьёв Белов Тарасов Жуков "
          "Крылов Макаров Никитин Орлов Фролов Щербаков Ефимов Чернов Шубин Медведев Гусев Киселёв Сорокин Беляев "
          "Комаров Чеботарёв").split()
SUR_UA = ("Шевченко Бондаренко Коваленко Ткаченко Кравченко Олейник Мельник Шевчук Бойко Коваль Ткачук Савчук "
          "Данилюк Гаврилюк Приходько Дорошенко Кириленко Пономаренко Литвиненко Стельмах Марченко Руденко "
          "Гончаренко Сидоренко Павленко Романюк").split()
# German surnames: the German spelling and the Soviet passport's
DE_SUR = [("Schmidt", "Шмидт"), ("Müller", "Миллер"), ("Weber", "Вебер"), ("Schneider", "Шнайдер"),
          ("Wagner", "Вагнер"), ("Becker", "Беккер"), ("Schulz", "Шульц"), ("Hoffmann", "Гофман"),
          ("Zimmermann", "Циммерман"), ("Koch", "Кох"), ("Richter", "Рихтер"), ("Klein", "Клейн"), ("Wolf", "Вольф"),
          ("Schröder", "Шрёдер"), ("Neumann", "Нейман"), ("Schwarz", "Шварц"), ("Braun", "Браун"), ("Heinz", "Гейнц"),
          ("Krieger", "Кригер"), ("Friesen", "Фризен"), ("Dick", "Дик"), ("Hildebrandt", "Гильдебрандт"),
          ("Enns", "Энс"), ("Peters", "Петерс"), ("Klassen", "Классен"), ("Hergert", "Гергерт"), ("Funk", "Функ"),
          ("Hahn", "Ган"), ("Reimer", "Реймер"), ("Janzen", "Янцен"), ("Fast", "Фаст"), ("Giesbrecht", "Гизбрехт"),
          ("Ott", "Отт"), ("Lange", "Ланге"), ("Keller", "Келлер")]
DE_RU = dict(DE_SUR)
SUR_DE = [a for a, _ in DE_SUR]
SURNAMES = {"kz": SUR_KZ, "ru": SUR_RU, "ua": SUR_UA, "de": SUR_DE}

KK2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})

PAT_EXC = {"Пётр": ("Петрович", "Петровна"), "Лев": ("Львович", "Львовна"), "Павел": ("Павлович", "Павловна"),
           "Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"), "Яков": ("Яковлевич", "Яковлевна"),
           "Михаил": ("Михайлович", "Михайловна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
           "Даниил": ("Даниилович", "Данииловна"), "Артём": ("Артёмович", "Артёмовна")}

VOW_CY = "аеиоуыэюяәөұүіё"
VOW_LA = "aeiouy"

# ----------------------------------------------------------------------------------------------------------------
# scripts
# ----------------------------------------------------------------------------------------------------------------

ICAO = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia"}
OLD = dict(ICAO, **{"й": "y", "ю": "yu", "я": "ya", "ё": "yo", "ъ": ""})
# the 2021 Kazakh Latin alphabet (lower, upper)
L21 = {"а": ("a", "A"), "ә": ("ä", "Ä"), "б": ("b", "B"), "в": ("v", "V"), "г": ("g", "G"), "ғ": ("ğ", "Ğ"),
       "д": ("d", "D"), "е": ("e", "E"), "ё": ("io", "İo"), "ж": ("j", "J"), "з": ("z", "Z"), "и": ("i", "İ"),
       "й": ("i", "İ"), "к": ("k", "K"), "қ": ("q", "Q"), "л": ("l", "L"), "м": ("m", "M"), "н": ("n", "N"),
       "ң": ("ñ", "Ñ"), "о": ("o", "O"), "ө": ("ö", "Ö"), "п": ("p", "P"), "р": ("r", "R"), "с": ("s", "S"),
       "т": ("t", "T"), "у": ("u", "U"), "ұ": ("ū", "Ū"), "ү": ("ü", "Ü"), "ф": ("f", "F"), "х": ("h", "H"),
       "һ": ("h", "H"), "ц": ("ts", "Ts"), "ч": ("ç", "Ç"), "ш": ("ş", "Ş"), "щ": ("şş", "Şş"), "ъ": ("", ""),
       "ы": ("y", "Y"), "і": ("ı", "I"), "ь": ("", ""), "э": ("e", "E"), "ю": ("iu", "İu"), "я": ("ia", "İa")}
# German (Duden) transliteration; Kazakh letters as a German hears them
DUDEN = {"а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i",
         "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
         "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
         "ю": "ju", "я": "ja", "ә": "ä", "ғ": "g", "қ": "k", "ң": "ng", "ө": "ö", "ұ": "u", "ү": "ü", "һ": "h",
         "і": "i"}


def _cap_like(src, out):
    if not out:
        return out
    if src.isupper():
        return out[0].upper() + out[1:]
    return out


def translit(s, table, upper_all=False):
    res = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        if lo in table:
            o = table[lo]
            res.append(_cap_like(ch, o))
        else:
            res.append(ch)
    t = "".join(res)
    return t.upper() if upper_all else t


def icao(s):
    return translit(s, ICAO)


def old_latin(s):
    low = s
    # ye at the start of a word and after a vowel (the older Russian-based practice)
    out = []
    for i, ch in enumerate(low):
        lo = ch.lower()
        prev = low[i - 1].lower() if i else " "
        if lo == "е" and (prev in " -" or prev in VOW_CY + "ьъ"):
            out.append(_cap_like(ch, "ye"))
        elif lo == "и" and prev == "ь":
            out.append("yi")
        else:
            out.append(_cap_like(ch, OLD[lo]) if lo in OLD else ch)
    return "".join(out)


def lat21(s):
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in L21:
            out.append(L21[lo][1] if ch.isupper() else L21[lo][0])
        else:
            out.append(ch)
    return "".join(out)


def duden(s):
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        prev = s[i - 1].lower() if i else " "
        nxt = s[i + 1].lower() if i + 1 < len(s) else " "
        if lo == "е" and (prev in " -" or prev in VOW_CY + "ьъ"):
            o = "je"
        elif lo == "с" and prev in VOW_CY and nxt in VOW_CY:
            o = "ss"
        elif lo == "й" and prev == "и" and nxt in " -":
            o = "j"
        elif lo in DUDEN:
            o = DUDEN[lo]
        else:
            out.append(ch)
            continue
        out.append(_cap_like(ch, o))
    return "".join(out)


def kk2ru(s):
    return s.translate(KK2RU)


# ----------------------------------------------------------------------------------------------------------------
# places: Kostanay region
# ----------------------------------------------------------------------------------------------------------------

TOWNS = {
    # key: (ru, kk, ru kind, kk kind, district ru, district kk, German)
    "kost": ("Костанай", "Қостанай", "г.", "қ.", None, None, "Kostanai"),
    "rudny": ("Рудный", "Рудный", "г.", "қ.", None, None, "Rudny"),
    "lisak": ("Лисаковск", "Лисаков", "г.", "қ.", None, None, "Lissakowsk"),
    "tobyl": ("Затобольск", "Затобыл", "с.", "а.", "Костанайский", "Қостанай", "Satobolsk"),
    "arkalyk": ("Аркалык", "Арқалық", "г.", "қ.", None, None, "Arkalyk"),
    "zhitik": ("Житикара", "Жітіқара", "г.", "қ.", None, None, "Schitikara"),
    "karab": ("Карабалык", "Қарабалық", "п.", "к.", "Карабалыкский", "Қарабалық", "Karabalyk"),
    "fedor": ("Федоровка", "Федоров", "с.", "а.", "Федоровский", "Федоров", "Fjodorowka"),
    "denis": ("Денисовка", "Денисов", "с.", "а.", "Денисовский", "Денисов", "Denissowka"),
    "aulie": ("Аулиеколь", "Әулиекөл", "с.", "а.", "Аулиекольский", "Әулиекөл", "Auliekol"),
}
TOWN_W = [("kost", 32), ("rudny", 24), ("lisak", 7), ("tobyl", 6), ("arkalyk", 7), ("zhitik", 6), ("karab", 5),
          ("fedor", 5), ("denis", 5), ("aulie", 5)]
# kz, ru, ua, de
TOWN_PEOPLE = {"kost": (42, 36, 8, 14), "rudny": (28, 42, 12, 18), "lisak": (28, 44, 12, 16), "tobyl": (30, 35, 10, 25),
               "arkalyk": (85, 12, 2, 1), "zhitik": (38, 40, 8, 14), "karab": (35, 26, 10, 29),
               "fedor": (25, 24, 14, 37), "denis": (30, 26, 12, 32), "aulie": (52, 30, 7, 11)}
RURAL = ("tobyl", "karab", "fedor", "denis", "aulie")
CITIES = ("kost", "rudny", "lisak")

ST_KOST = [("ул.", "Байтурсынова", "Байтұрсынов көшесі"), ("пр.", "Аль-Фараби", "Әл-Фараби даңғылы"),
           ("ул.", "Тарана", "Таран көшесі"), ("ул.", "Гоголя", "Гоголь көшесі"),
           ("ул.", "Каирбекова", "Қайырбеков көшесі"), ("пр.", "Абая", "Абай даңғылы"),
           ("ул.", "Дулатова", "Дулатов көшесі"), ("ул.", "Майлина", "Майлин көшесі"),
           ("ул.", "Карбышева", "Карбышев көшесі"), ("ул.", "Пушкина", "Пушкин көшесі"),
           ("ул.", "Чкалова", "Чкалов көшесі"), ("мкр.", "9", "9 шағын ауданы"),
           ("мкр.", "Аэропорт", "Әуежай шағын ауданы"), ("мкр.", "Кунай", "Құнай шағын ауданы"),
           ("ул.", "Баймагамбетова", "Баймағамбетов көшесі"), ("ул.", "Гашека", "Гашек көшесі")]
ST_RUD = [("пр.", "Космонавтов", "Ғарышкерлер даңғылы"), ("ул.", "Ленина", "Ленин көшесі"),
          ("ул.", "Корчагина", "Корчагин көшесі"), ("ул.", "Пионерская", "Пионер көшесі"),
          ("ул.", "Комсомольская", "Комсомол көшесі"), ("ул.", "Парковая", "Саябақ көшесі"),
          ("мкр.", "Горняков", "Кеншілер шағын ауданы"), ("ул.", "Качарская", "Қашар көшесі")]
ST_LIS = [("мкр.", "1", "1 шағын ауданы"), ("мкр.", "4", "4 шағын ауданы"), ("мкр.", "5", "5 шағын ауданы"),
          ("ул.", "Мира", "Бейбітшілік көшесі"), ("ул.", "Гагарина", "Гагарин көшесі")]
ST_VIL = [("ул.", "Школьная", "Мектеп көшесі"), ("ул.", "Центральная", "Орталық көшесі"),
          ("ул.", "Садовая", "Бақ көшесі"), ("ул.", "Степная", "Дала көшесі"), ("ул.", "Целинная", "Тың көшесі"),
          ("ул.", "Абая", "Абай көшесі"), ("ул.", "Мира", "Бейбітшілік көшесі"), ("ул.", "Ленина", "Ленин көшесі")]


def streets(town):
    return {"kost": ST_KOST, "rudny": ST_RUD, "lisak": ST_LIS}.get(town, ST_VIL)


def town_ru(town, d):
    if town == "tobyl" and d >= TOBYL:
        return "Тобыл"
    return TOWNS[town][0]


def town_kk(town, d):
    if town == "tobyl" and d >= TOBYL:
        return "Тобыл"
    return TOWNS[town][1]


def town_de(town, d):
    if town == "tobyl" and d >= TOBYL:
        return "Tobyl"
    return TOWNS[town][6]


class Addr:
    __slots__ = ("town", "st", "house", "flat")

    def __init__(s, town, st, house, flat):
        s.town, s.st, s.house, s.flat = town, st, house, flat


def addr_ru(a, d, style=0):
    st = streets(a.town)[a.st]
    ru, kk, kind, kkk, dr, dk, de = TOWNS[a.town]
    tn = town_ru(a.town, d)
    if style == 1:   # short, as typed by a clerk
        s = f"{tn}, {st[1]} {a.house}" if st[0] != "мкр." else f"{tn}, {st[1]} мкр. {a.house}"
        return s + (f"-{a.flat}" if a.flat else "")
    parts = []
    if dr:
        parts.append(f"{dr} р-н")
    parts.append(f"{kind} {tn}")
    parts.append(f"{st[0]} {st[1]}")
    parts.append(f"д. {a.house}")
    if a.flat:
        parts.append(f"кв. {a.flat}")
    return ", ".join(parts)


def addr_kk(a, d):
    st = streets(a.town)[a.st]
    ru, kk, kind, kkk, dr, dk, de = TOWNS[a.town]
    parts = []
    if dk:
        parts.append(f"{dk} ауданы")
    parts.append(f"{town_kk(a.town, d)} {kkk}")
    parts.append(st[2])
    parts.append(f"{a.house}-үй")
    if a.flat:
        parts.append(f"{a.flat}-пәтер")
    return ", ".join(parts)


def addr_de(a, d):
    st = streets(a.town)[a.st]
    s = f"{duden(st[0])} {duden(st[1])} {a.house}"
    return s + (f"-{a.flat}" if a.flat else "")


# ----------------------------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------------------------


def yrs(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def age(birth, d):
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def rdate(rng, a, b):
    if b < a:
        return a
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def wpick(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for k, w in pairs:
        x -= w
        if x < 0:
            return k
    return pairs[-1][0]


def zipf_pick(rng, items, s=0.9, exclude=()):
    cand = [(it, 1.0 / (i + 1) ** s) for i, it in enumerate(items) if it not in exclude]
    return wpick(rng, cand)


def era(y):
    return 0 if y < 1960 else 1 if y < 1990 else 2


def at(timeline, d):
    v = None
    for (t, x) in timeline:
        if t <= d:
            v = x
        else:
            break
    return v


def iin_check(d11):
    s = sum(int(c) * w for c, w in zip(d11, range(1, 12))) % 11
    if s == 10:
        s = sum(int(c) * w for c, w in zip(d11, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
        if s == 10:
            return None
    return s


def iin_valid(s):
    if len(s) != 12 or not s.isdigit():
        return False
    c = iin_check(s[:11])
    return c is not None and c == int(s[11])


def make_iin(rng, birth, sex, used):
    c = (3 if birth.year < 2000 else 5) + (1 if sex == "F" else 0)
    while True:
        base = f"{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}{c}{rng.randint(0, 9999):04d}"
        k = iin_check(base)
        if k is None:
            continue
        v = base + str(k)
        if v not in used:
            used.add(v)
            return v


MON_RU_G = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
MON_KK = "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split()
MON_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
MON_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def f_dmy(d, sep="."):
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def excel_serial(d):
    return (d - D(1899, 12, 30)).days


def phone_fmt(rng, ph, style=None):
    style = style or rng.choice(["plus", "eight", "paren8", "spaced", "bare", "dash"])
    if style == "plus":
        return "+7" + ph
    if style == "eight":
        return "8" + ph
    if style == "paren8":
        return f"8({ph[:3]}){ph[3:]}"
    if style == "spaced":
        return f"+7 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"
    if style == "dash":
        return f"+7-{ph[:3]}-{ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    if style == "paren":
        return f"8 ({ph[:3]}) {ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    return ph


# ----------------------------------------------------------------------------------------------------------------
# faults
# ----------------------------------------------------------------------------------------------------------------


class Faults:
    def __init__(self, rng):
        self.rng = rng
        self.n = Counter()

    def name(self, s, rate=0.015, file="?"):
        if not s or self.rng.random() >= rate or len(s) < 4:
            return s
        rng = self.rng
        i = rng.randint(1, len(s) - 2)
        if not s[i].isalpha() or not s[i + 1].isalpha():
            return s
        op = rng.choice(["drop", "double", "swap", "vowel"])
        if op == "drop":
            t = s[:i] + s[i + 1:]
        elif op == "double":
            t = s[:i] + s[i] + s[i:]
        elif op == "swap":
            t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        else:
            lo = s[i].lower()
            vows = VOW_LA if lo in VOW_LA else "аеиоуы" if lo in VOW_CY else None
            if vows is None:
                t = s[:i] + s[i + 1:]
            else:
                r = rng.choice([v for v in vows if v != lo])
                t = s[:i] + (r.upper() if s[i].isupper() else r) + s[i + 1:]
        if t != s:
            self.n[(file, "name_typo")] += 1
        return t

    def birth(self, d, rate=0.01, file="?"):
        if d is None or self.rng.random() >= rate:
            return d
        rng = self.rng
        for _ in range(10):
            op = rng.choice(["day", "swap", "year", "digits"])
            try:
                if op == "day":
                    t = d + dt.timedelta(days=rng.choice([-1, 1]))
                elif op == "swap":
                    if d.day > 12 or d.day == d.month:
                        continue
                    t = D(d.year, d.day, d.month)
                elif op == "year":
                    t = d.replace(year=d.year + rng.choice([-1, 1]))
                else:
                    dd = f"{d.day:02d}"
                    if dd[0] == dd[1]:
                        continue
                    t = d.replace(day=int(dd[::-1]))
            except ValueError:
                continue
            self.n[(file, "birth_slip")] += 1
            return t
        return d

    def iin(self, s, rate=0.02, file="?"):
        if not s or self.rng.random() >= rate:
            return s
        rng = self.rng
        x = rng.random()
        if x < 0.40:
            i = rng.randint(0, 11)
            t = s[:i] + rng.choice([c for c in "0123456789" if c != s[i]]) + s[i + 1:]
            self.n[(file, "iin_digit")] += 1
            return t
        if x < 0.55:
            i = rng.randint(7, 9)
            if s[i] == s[i + 1]:
                i = 7 if i != 7 else 8
            t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
            self.n[(file, "iin_transpose")] += 1
            return t
        for _ in range(20):
            i = rng.randint(7, 10)     # a serial digit, the 11th included, and the check digit recomputed
            base = s[:i] + rng.choice([c for c in "0123456789" if c != s[i]]) + s[i + 1:11]
            k = iin_check(base)
            if k is not None:
                self.n[(file, "iin_pass")] += 1
                if i == 10:
                    self.n[(file, "iin_pass_11th")] += 1
                return base + str(k)
        return s


# ----------------------------------------------------------------------------------------------------------------
# population
# ----------------------------------------------------------------------------------------------------------------


class Person:
    def __init__(s, pid, sex, people, birth):
        s.pid, s.sex, s.people, s.birth = pid, sex, people, birth
        s.death = None
        s.first = None           # {"kk", "ru", "de"}
        s.father = s.mother = None
        s.father_first = None    # the father's name dict
        s.pat_kz = False
        s.surnames = []          # (date, (people, stem))
        s.marriages = []
        s.homes = []             # (date, dwelling or None)
        s.phones = []            # (date, 10 digits)
        s.iin = None
        s.twin = None
        s.children = []
        s.outsider = False
        s.gen = 0
        s.guard = None           # a guardianship: dict
        s.vis = 1.0              # how often a person's family turns up in registers (shared by mother and children)


class Marriage:
    def __init__(s, h, w, start):
        s.h, s.w, s.start = h, w, start
        s.end = None
        s.how = None
        s.took = False


class Dwelling:
    def __init__(s, did, created):
        s.did = did
        s.created = created
        s.addrs = []             # (date, Addr or None)


def name_dict(people, nm):
    if people == "kz":
        return {"kk": nm, "ru": KZ_RU.get(nm) or kk2ru(nm), "de": duden(nm)}
    if people == "de":
        ru, de = nm
        return {"kk": ru, "ru": ru, "de": de}
    return {"kk": nm, "ru": nm, "de": duden(nm)}


class Pop:
    def __init__(self, rng, n_target):
        self.rng = rng
        self.persons = []
        self.by = {}
        self.dws = []
        self.used_iin = set()
        self.used_phone = set()
        self.addr_used = set()
        self.n_target = n_target
        self.stats = Counter()

    def new_person(self, sex, people, birth, outsider=False):
        pid = ("X%04d" if outsider else "P%05d") % (len(self.persons) + 1)
        p = Person(pid, sex, people, birth)
        p.outsider = outsider
        p.vis = wpick(self.rng, [(2.6, 35), (1.0, 35), (0.15, 30)])
        self.persons.append(p)
        self.by[pid] = p
        self.draw_death(p)
        return p

    def alive(self, p, d):
        return p.birth <= d and (p.death is None or d < p.death)

    def draw_death(self, p):
        rng = self.rng
        y = p.birth.year
        if y < 1940:
            pr = 0.80
        elif y < 1950:
            pr = 0.50
        elif y < 1960:
            pr = 0.28 if p.sex == "M" else 0.14
        elif y < 1970:
            pr = 0.10 if p.sex == "M" else 0.05
        else:
            pr = 0.012
        if rng.random() < pr:
            a = max(D(2000, 1, 1), yrs(p.birth, 40))
            if a <= END:
                p.death = rdate(rng, a, END)

    def names_list(self, people, sex, y):
        e = era(y)
        if people == "kz":
            return (KZ_M if sex == "M" else KZ_F)[e]
        if people == "de":
            return (DE_M if sex == "M" else DE_F)[e]
        base = (RU_M if sex == "M" else RU_F)[e]
        if people == "ua":
            return base[:6] + (UA_EXTRA_M if sex == "M" else UA_EXTRA_F)[e] + base[6:]
        return base

    def name_for(self, p, exclude=()):
        lst = self.names_list(p.people, p.sex, p.birth.year)
        nm = zipf_pick(self.rng, lst, 0.6, exclude)
        return nm

    def new_surname(self, people):
        return (people, zipf_pick(self.rng, SURNAMES[people], 0.7))

    def new_dw(self, town, d):
        dw = Dwelling(len(self.dws) + 1, d)
        dw.addrs.append((d, self.new_addr(town) if town else None))
        self.dws.append(dw)
        return dw

    def new_addr(self, town):
        rng = self.rng
        st = streets(town)
        while True:
            i = rng.randrange(len(st))
            kind = st[i][0]
            if kind == "мкр.":
                a = Addr(town, i, str(rng.randint(1, 60)), str(rng.randint(1, 80)))
            elif town in CITIES and rng.random() < 0.6:
                a = Addr(town, i, str(rng.randint(1, 150)), str(rng.randint(1, 110)))
            else:
                a = Addr(town, i, str(rng.randint(1, 140)), None)
            key = (a.town, a.st, a.house, a.flat)
            if key not in self.addr_used:
                self.addr_used.add(key)
                return a

    def home_at(self, p, d):
        return at(p.homes, d)

    def addr_at(self, p, d):
        dw = self.home_at(p, d)
        if dw is None:
            return None
        return at(dw.addrs, d)

    def town_at(self, p, d):
        a = self.addr_at(p, d)
        return a.town if a else None

    def stem_at(self, p, d):
        return at(p.surnames, d) or p.surnames[0][1]

    def phone_at(self, p, d):
        return at(p.phones, d)

    def spouse_at(self, p, d):
        for m in p.marriages:
            if m.start <= d and (m.end is None or d < m.end):
                o = m.w if m.h is p else m.h
                if self.alive(o, d):
                    return o
        return None

    def set_home(self, p, d, dw):
        p.homes = [x for x in p.homes if x[0] != d] + [(d, dw)]
        p.homes.sort(key=lambda x: x[0])

    def person_with_names(self, sex, people, birth, father=None, mother=None, skey=None, exclude=()):
        rng = self.rng
        p = self.new_person(sex, people, birth)
        p.father, p.mother = father, mother
        if mother is not None and rng.random() < 0.75:
            p.vis = mother.vis
        ex = set()
        for e in exclude:
            ex.add(e)
        nm = self.name_for(p, ex)
        p.first = name_dict(people, nm)
        p.first_key = nm
        if father is not None:
            p.father_first = father.first
        else:
            fp = people
            lst = self.names_list(fp, "M", birth.year - 28)
            p.father_first = name_dict(fp, zipf_pick(rng, lst, 0.8))
        if people == "kz" and birth.year >= 1995:
            if father is not None:
                if not hasattr(father, "kids_kz"):
                    father.kids_kz = rng.random() < 0.30
                p.pat_kz = father.kids_kz
            else:
                p.pat_kz = rng.random() < 0.30
        if skey is None:
            skey = self.new_surname(people)
        p.surnames = [(birth, skey)]
        # a Kazakh man born 1975-2000 drops -ов/-ев (2008-2020)
        if skey[0] == "kz" and 1975 <= birth.year <= 2000 and sex == "M" and rng.random() < 0.03:
            st = skey[1]
            new = st[:-2] if st.endswith(("ов", "ев")) else None
            if new:
                d = rdate(rng, max(D(2008, 1, 1), yrs(birth, 18)), D(2020, 12, 31))
                p.surnames.append((d, ("kz", new)))
                self.stats["ending_dropped"] += 1
        return p

    def take_rate(self, people):
        return {"kz": 0.75, "ru": 0.95, "ua": 0.95, "de": 0.90}[people]

    def marry(self, h, w, d):
        rng = self.rng
        m = Marriage(h, w, d)
        h.marriages.append(m)
        w.marriages.append(m)
        if rng.random() < self.take_rate(h.people):
            m.took = True
            w.surnames.append((d, self.stem_at(h, d)))
            for (t, st) in h.surnames[1:]:
                if t > d and rng.random() < 0.5:
                    w.surnames.append((t, st))
            w.surnames.sort(key=lambda x: x[0])
        if d < D(2017, 1, 1) and rng.random() < 0.07:
            dd = rdate(rng, yrs(d, 2), min(yrs(d, 16), D(2023, 6, 30)))
            if self.alive(h, dd) and self.alive(w, dd) and dd > d:
                m.end, m.how = dd, "divorce"
        if m.end is None:
            ends = [x for x in (h.death, w.death) if x]
            if ends:
                m.end, m.how = min(ends), "death"
        return m

    def n_children(self, people, town, gen):
        rng = self.rng
        rural = town in RURAL or town in ("arkalyk", "zhitik")
        if people == "kz":
            if gen == 0:
                return rng.choice([1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10] if rural else [0, 1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8])
            return rng.choice([0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7] if rural else [0, 1, 2, 2, 3, 3, 4, 5])
        if people == "de":
            return rng.choice([0, 1, 2, 2, 3, 3, 4, 5] if gen == 0 else [0, 1, 2, 2, 3])
        return rng.choice([0, 1, 2, 2, 3, 3] if gen == 0 else [0, 1, 1, 2, 2, 3])

    def make_children(self, f, mo, m, dw, town):
        rng = self.rng
        n = self.n_children(f.people, town, f.gen)
        d = m.start + dt.timedelta(days=rng.randint(300, 500))
        kids = []
        names_used = {f.first_key, mo.first_key}
        while len(kids) < n:
            if d > END or d > yrs(mo.birth, 44) or not self.alive(mo, d):
                break
            if f.death and d > f.death + dt.timedelta(days=270):
                break
            if m.end and d > m.end:
                break
            twins = rng.random() < 0.015
            grp = []
            for k in range(2 if twins else 1):
                sex = rng.choice("MF")
                c = self.person_with_names(sex, f.people, d, f, mo, self.stem_at(f, d), names_used)
                # a Russian, Ukrainian or German first son named after his paternal grandfather
                if f.people in ("ru", "ua", "de") and sex == "M" and not any(x.sex == "M" for x in kids) \
                        and f.father is not None and f.father.people == f.people and rng.random() < 0.12 \
                        and f.father.first_key not in names_used:
                    c.first, c.first_key = f.father.first, f.father.first_key
                    self.stats["grandfather_namesakes"] += 1
                names_used.add(c.first_key)
                c.gen = f.gen + 1
                self.set_home(c, d, dw)
                kids.append(c)
                grp.append(c)
                f.children.append(c)
                mo.children.append(c)
            if twins:
                grp[0].twin, grp[1].twin = grp[1].pid, grp[0].pid
                self.stats["twins"] += 2
            d = d + dt.timedelta(days=rng.randint(12 * 30, 40 * 30))
        return kids

    def spouse_for(self, c, d_marry):
        rng = self.rng
        if c.people == "kz":
            people = "kz" if rng.random() < 0.92 else rng.choice(["ru", "ru", "ua", "de"])
        else:
            people = c.people if rng.random() < 0.70 else rng.choice([x for x in ("ru", "ua", "de", "kz", "ru") if x != c.people])
        sex = "F" if c.sex == "M" else "M"
        if sex == "F":
            b = c.birth + dt.timedelta(days=rng.randint(-700, 2500))
        else:
            b = c.birth - dt.timedelta(days=rng.randint(-700, 2500))
        if age(b, d_marry) < 18:
            b = yrs(d_marry, -rng.randint(19, 24))
        s = self.person_with_names(sex, people, b)
        s.gen = c.gen
        return s

    def town_choice(self, parents_town):
        rng = self.rng
        x = rng.random()
        if x < 0.55 and parents_town:
            return parents_town
        if x < 0.88:
            return wpick(rng, [("kost", 50), ("rudny", 18), ("lisak", 6), ("tobyl", 6), ("arkalyk", 4),
                               ("zhitik", 4), ("karab", 3), ("fedor", 3), ("denis", 3), ("aulie", 3)])
        return None

    def adult_life(self, c, queue):
        rng = self.rng
        if c.death and c.death < yrs(c.birth, 20):
            return
        parents_dw = at(c.homes, yrs(c.birth, 17))
        parents_town = None
        if parents_dw is not None:
            a = at(parents_dw.addrs, yrs(c.birth, 17))
            parents_town = a.town if a else None
        if yrs(c.birth, 19) > END:
            return
        if rng.random() < 0.80:
            age_m = rng.randint(21, 31) if c.sex == "M" else rng.randint(19, 28)
            md = yrs(c.birth, age_m) + dt.timedelta(days=rng.randint(0, 364))
            if md <= END and self.alive(c, md):
                sp = self.spouse_for(c, md)
                if not self.alive(sp, md):
                    sp.death = None
                h, w = (c, sp) if c.sex == "M" else (sp, c)
                if rng.random() < 0.6 and parents_town:
                    self.set_home(sp, sp.birth, self.new_dw(parents_town, sp.birth))
                else:
                    self.set_home(sp, sp.birth, None)
                m = self.marry(h, w, md)
                stay = False
                if c.sex == "M" and c.people == "kz" and parents_dw is not None and parents_town and c.father is not None:
                    sons = [x for x in c.father.children if x.sex == "M"]
                    if sons and sons[-1] is c and rng.random() < 0.35:
                        stay = True
                if stay:
                    dw = parents_dw
                    town = parents_town
                else:
                    town = self.town_choice(parents_town)
                    dw = self.new_dw(town, md)
                self.set_home(c, md, dw)
                self.set_home(sp, md, dw)
                queue.extend(self.make_children(h, w, m, dw, town))
                if m.how == "divorce":
                    self.divorce(m, queue)
                return
        leave = yrs(c.birth, rng.randint(18, 26)) + dt.timedelta(days=rng.randint(0, 364))
        if rng.random() >= 0.30 and leave <= END:
            dw = self.new_dw(self.town_choice(parents_town), leave)
            self.set_home(c, leave, dw)
        if c.sex == "F" and rng.random() < 0.15 and yrs(c.birth, 21) <= END:
            n = rng.choice([1, 1, 2])
            d = yrs(c.birth, rng.randint(21, 33))
            for k in range(n):
                if d > END or not self.alive(c, d):
                    break
                dw = at(c.homes, d)
                kid = self.person_with_names(rng.choice("MF"), c.people, d, None, c, self.stem_at(c, d), {c.first_key})
                kid.gen = c.gen + 1
                self.set_home(kid, d, dw)
                c.children.append(kid)
                queue.append(kid)
                self.stats["single_mother_children"] += 1
                d = d + dt.timedelta(days=rng.randint(500, 1800))
            self.stats["single_mothers"] += 1
        elif c.birth.year < 1997 and rng.random() < 0.25:
            d = yrs(c.birth, rng.randint(20, 30))
            if d <= END and self.alive(c, d):
                if c.sex == "F":
                    c.surnames.append((d, self.new_surname(c.people if rng.random() < 0.8 else "ru")))
                    c.surnames.sort(key=lambda x: x[0])
                self.stats["married_outside"] += 1
                if rng.random() < 0.5:
                    self.set_home(c, d, None)

    def divorce(self, m, queue):
        rng = self.rng
        h, w = m.h, m.w
        d = m.end
        t = self.town_at(h, d)
        self.set_home(h, d, self.new_dw(t, d) if t else None)
        self.stats["divorces"] += 1
        if m.took and rng.random() < 0.40:
            w.surnames.append((d + dt.timedelta(days=rng.randint(10, 365)), w.surnames[0][1]))
            w.surnames.sort(key=lambda x: x[0])
            self.stats["maiden_name_back"] += 1
        if rng.random() < 0.30:
            md = d + dt.timedelta(days=rng.randint(365, 5 * 365))
            if md <= END and self.alive(h, md):
                sp = self.spouse_for(h, md)
                self.set_home(sp, sp.birth, None)
                m2 = self.marry(h, sp, md)
                dw2 = self.home_at(h, md)
                self.set_home(sp, md, dw2)
                queue.extend(self.make_children(h, sp, m2, dw2, self.town_at(h, md)))
                self.stats["remarriages"] += 1
                if m2.how == "divorce":
                    self.divorce(m2, queue)

    def found_family(self):
        rng = self.rng
        town = wpick(rng, TOWN_W)
        mix = TOWN_PEOPLE[town]
        ph = wpick(rng, [("kz", mix[0]), ("ru", mix[1]), ("ua", mix[2]), ("de", mix[3])])
        hb = rdate(rng, D(1932, 1, 1), D(1962, 12, 31))
        h = self.person_with_names("M", ph, hb)
        if rng.random() < 0.90:
            pw = ph
        else:
            pw = rng.choice([x for x in (("ru", "ua", "de") if ph != "kz" else ("ru", "ua")) if x != ph])
            self.stats["mixed_couples"] += 1
        wb = hb + dt.timedelta(days=rng.randint(-700, 2500))
        w = self.person_with_names("F", pw, wb)
        md = max(yrs(hb, 21), yrs(wb, 19)) + dt.timedelta(days=rng.randint(0, 5 * 365))
        for p in (h, w):
            if p.death and p.death <= md + dt.timedelta(days=3650):
                p.death = None
        dw = self.new_dw(town, md)
        self.set_home(h, h.birth, None)
        self.set_home(w, w.birth, None)
        self.set_home(h, md, dw)
        self.set_home(w, md, dw)
        m = self.marry(h, w, md)
        queue = self.make_children(h, w, m, dw, town)
        if m.how == "divorce":
            self.divorce(m, queue)
        while queue:
            c = queue.pop(0)
            self.adult_life(c, queue)

    def build(self):
        while len([p for p in self.persons if not p.outsider]) < self.n_target:
            self.found_family()
        self.index()
        self.moves()
        self.index()
        self.guardianship()
        self.index()
        self.contacts()
        for p in self.persons:
            p.iin = make_iin(self.rng, p.birth, p.sex, self.used_iin)

    def index(self):
        self.ever = defaultdict(dict)
        for p in self.persons:
            for _, h in p.homes:
                if h is not None:
                    self.ever[h.did][p.pid] = p

    def residents(self, dw, d):
        return [p for p in self.ever.get(dw.did, {}).values() if self.alive(p, d) and self.home_at(p, d) is dw]

    def moves(self):
        rng = self.rng
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            if a0 is None:
                continue
            if rng.random() < 0.30:
                d = rdate(rng, max(D(2006, 1, 1), dw.created + dt.timedelta(days=200)), D(2023, 12, 31))
                if d <= dw.created:
                    continue
                if rng.random() < 0.70:
                    t = a0.town
                else:
                    t = wpick(rng, [("kost", 60), ("rudny", 20), ("lisak", 5), ("tobyl", 10), ("zhitik", 5)])
                    if t == a0.town:
                        t = "kost" if t != "kost" else "tobyl"
                dw.addrs.append((d, self.new_addr(t)))
                self.stats["moves"] += 1
        # households leaving the country: Germans for Germany, Russians and Ukrainians for Russia
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            if a0 is None:
                continue
            res = list(self.ever.get(dw.did, {}).values())
            if not res:
                continue
            pe = res[0].people
            pr = {"de": 0.14, "ru": 0.07, "ua": 0.07}.get(pe, 0)
            if rng.random() < pr:
                d = rdate(rng, max(D(2003, 1, 1), dw.created + dt.timedelta(days=100)), D(2021, 12, 31))
                if d > dw.created:
                    dw.addrs = [x for x in dw.addrs if x[0] < d] + [(d, None)]
                    self.stats["emigrated_dwellings_" + pe] += 1

    # -------------------------------------------------------------- guardianship
    def guardianship(self):
        rng = self.rng
        cases = []
        for mo in self.persons:
            if mo.sex != "F" or not mo.children or mo.outsider:
                continue
            kids = sorted(mo.children, key=lambda c: c.birth)
            if mo.gen < 1 or kids[-1].birth.year < 1996:
                continue
            if rng.random() >= 0.08:
                continue
            a = max(D(2006, 1, 1), yrs(kids[0].birth, 1))
            b = min(D(2022, 12, 31), yrs(kids[-1].birth, 15))
            if a > b:
                continue
            d = rdate(rng, a, b)
            if not self.alive(mo, d) or self.town_at(mo, d) is None:
                continue
            ms = wpick(rng, [("лишена родительских прав", 78), ("ограничена в родительских правах", 10),
                             ("отбывает наказание", 12)])
            cases.append((d, mo, ms))
        # orphans: the mother died while a child was under 16, no father living with the child
        for mo in self.persons:
            if mo.sex != "F" or not mo.children or mo.death is None or mo.outsider:
                continue
            d = mo.death + dt.timedelta(days=rng.randint(10, 90))
            kids = [c for c in mo.children if self.alive(c, d) and age(c.birth, d) < 16]
            if not kids or d > END:
                continue
            fa = kids[0].father
            if fa is not None and self.alive(fa, d) and self.home_at(fa, d) is self.home_at(kids[0], d) \
                    and self.home_at(fa, d) is not None:
                continue
            cases.append((d, mo, "умерла"))
        cases.sort(key=lambda x: (x[0], x[1].pid))
        done = set()
        for d, mo, ms in cases:
            kids = [c for c in mo.children if self.alive(c, d) and age(c.birth, d) < 18 and c.pid not in done
                    and self.home_at(c, d) is not None]
            if not kids:
                continue
            fathers = {c.father.pid: c.father for c in kids if c.father is not None}
            town = self.town_at(kids[0], d) or self.town_at(mo, d)
            g = None
            rel = None
            cands = []
            gm = mo.mother
            if gm is not None and self.alive(gm, d) and age(gm.birth, d) < 76 and self.town_at(gm, d):
                cands.append((gm, "бабушка", 45))
            for fa in fathers.values():
                pgm = fa.mother
                if pgm is not None and self.alive(pgm, d) and age(pgm.birth, d) < 76 and self.town_at(pgm, d):
                    cands.append((pgm, "бабушка", 20))
            aunts = []
            for par in [mo] + list(fathers.values()):
                if par.father is not None:
                    for s in par.father.children:
                        if s is not par and s.sex == "F" and self.alive(s, d) and 22 <= age(s.birth, d) <= 60 \
                                and self.town_at(s, d):
                            aunts.append(s)
            for s in aunts[:2]:
                cands.append((s, "тётя", 12))
            gm_sp = None
            if cands and rng.random() < 0.82:
                g, rel, _ = wpick(rng, [((x, r, w), w) for x, r, w in cands])
                form = "опека"
            else:
                # a foster family: a couple of the same town, not related
                pool = [p for p in self.persons if not p.outsider and p.sex == "F" and 30 <= age(p.birth, d) <= 55
                        and self.spouse_at(p, d) is not None and self.town_at(p, d) == town and p is not mo]
                if not pool:
                    continue
                g = rng.choice(pool)
                rel = "не родственник"
                form = "приемная семья"
            co = self.spouse_at(g, d)
            gdw = self.home_at(g, d)
            if gdw is None:
                continue
            fst = {}
            for fa in fathers.values():
                if ms == "умерла":
                    fst[fa.pid] = "умер" if (fa.death and fa.death <= d) else "сведения отсутствуют"
                elif self.spouse_at(mo, d) is fa:
                    fst[fa.pid] = "лишен родительских прав" if rng.random() < 0.7 else "отбывает наказание"
                else:
                    fst[fa.pid] = "проживает отдельно" if (not fa.death or fa.death > d) else "умер"
            for c in kids:
                done.add(c.pid)
                cform = form
                if form == "опека" and age(c.birth, d) >= 14:
                    cform = "попечительство"
                c.guard = {"start": d, "g": g, "co": co, "rel": rel, "form": cform, "mother": mo, "mstatus": ms,
                           "father": c.father, "fstatus": fst.get(c.father.pid) if c.father is not None else None,
                           "reg": None}
                self.set_home(c, d, gdw)
                # the child stays at the guardian's until 18, then leaves or stays
                self.stats["children_under_guardianship"] += 1
            self.stats["guardianship_cases_" + ("orphan" if ms == "умерла" else "deprived")] += 1

    def new_phone(self):
        rng = self.rng
        while True:
            v = rng.choice(["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]) + \
                f"{rng.randint(0, 9999999):07d}"
            if v not in self.used_phone:
                self.used_phone.add(v)
                return v

    def contacts(self):
        rng = self.rng
        for p in self.persons:
            if p.birth.year < 1945 and rng.random() < 0.30:
                continue
            a = max(yrs(p.birth, 14), D(2004, 1, 1))
            if a > END:
                continue
            p.phones.append((rdate(rng, a, a + dt.timedelta(days=700)), self.new_phone()))
            if rng.random() < 0.25:
                d = rdate(rng, p.phones[0][0] + dt.timedelta(days=200), END)
                if d > p.phones[0][0]:
                    p.phones.append((d, self.new_phone()))

    def outsider(self, sex, people, birth):
        p = self.new_person(sex, people, birth, outsider=True)
        nm = self.name_for(p)
        p.first = name_dict(people, nm)
        p.first_key = nm
        p.father_first = name_dict(people, zipf_pick(self.rng, self.names_list(people, "M", birth.year - 28), 0.8))
        p.surnames = [(birth, self.new_surname(people))]
        p.homes = [(birth, None)]
        if self.rng.random() < 0.9:
            p.phones = [(yrs(birth, 16), self.new_phone())]
        p.iin = make_iin(self.rng, birth, sex, self.used_iin)
        return p


# ----------------------------------------------------------------------------------------------------------------
# writing names
# ----------------------------------------------------------------------------------------------------------------


def fem_ru(s):
    if s.endswith("ский") or s.endswith("цкий"):
        return s[:-2] + "ая"
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    return s


def ru_pat(base, sex, script_kk=False):
    i = 0 if sex == "M" else 1
    if base in PAT_EXC:
        return PAT_EXC[base][i]
    if base.endswith("ий"):
        return base[:-2] + ("ьевич", "ьевна")[i]
    if base.endswith(("ей", "ай", "ой")):
        return base[:-1] + ("евич", "евна")[i]
    if base.endswith("й"):
        return base[:-1] + ("евич", "евна")[i]
    if base.endswith("ь"):
        return base[:-1] + ("евич", "евна")[i]
    if base[-1].lower() in "ая":
        return base[:-1] + ("ович", "овна")[i]
    if base[-1].lower() in VOW_CY:
        return base + ("евич", "евна")[i]
    return base + ("ович", "овна")[i]


class Namer:
    """Writes a person's names in a script: kk (Kazakh Cyrillic), ru (Russian letters), de (the German society's:
    German spelling for Germans, Duden otherwise), duden, icao (modern passport Latin), old (older passport Latin),
    l21 (the 2021 Kazakh Latin alphabet)."""

    def __init__(self, pop):
        self.pop = pop

    def sur(self, p, d, script):
        kp, stem = self.pop.stem_at(p, d)
        return self.sur_of(kp, stem, p.sex, script)

    def sur_of(self, kp, stem, sex, script):
        if kp == "kz":
            kk = stem
            ru = SUR_KZ_RU.get(stem) or kk2ru(stem)
            if sex == "F":
                kk, ru = fem_ru(kk), fem_ru(ru)
        elif kp == "de":
            ru = kk = DE_RU[stem]
        else:
            ru = kk = stem
            if sex == "F" and kp == "ru":
                ru = kk = fem_ru(stem)
        if script == "kk":
            return kk
        if script == "ru":
            return ru
        if script == "de":
            if kp == "de":
                return stem
            return duden(kk)
        if script == "duden":
            return duden(ru)
        if script == "icao":
            return icao(kk)
        if script == "old":
            return old_latin(ru)
        if script == "l21":
            return lat21(kk)
        raise ValueError(script)

    def first(self, p, script):
        f = p.first
        if script in ("kk", "ru", "de"):
            return f[script]
        if script == "duden":
            return duden(f["ru"])
        if script == "icao":
            return icao(f["kk"])
        if script == "old":
            return old_latin(f["ru"])
        if script == "l21":
            return lat21(f["kk"])
        raise ValueError(script)

    def pat(self, p, script):
        ff = p.father_first
        if p.pat_kz:
            kk = ff["kk"] + ("ұлы" if p.sex == "M" else "қызы")
            ru = ff["ru"] + ("улы" if p.sex == "M" else "кызы")
            return {"kk": kk, "ru": ru, "de": duden(kk), "duden": duden(ru), "icao": icao(kk), "old": old_latin(ru),
                    "l21": lat21(kk)}[script]
        ru = ru_pat(ff["ru"], p.sex)
        kk = ru_pat(ff["kk"], p.sex)
        return {"kk": kk, "ru": ru, "de": duden(ru), "duden": duden(ru), "icao": icao(kk), "old": old_latin(ru),
                "l21": lat21(kk)}[script]


# ----------------------------------------------------------------------------------------------------------------
# relations
# ----------------------------------------------------------------------------------------------------------------


def relation(pop, a, b, d):
    """b as seen from a."""
    if pop.spouse_at(a, d) is b:
        return "spouse"
    if b.father is a or b.mother is a:
        return "son" if b.sex == "M" else "daughter"
    if a.father is b:
        return "father"
    if a.mother is b:
        return "mother"
    if a.father is not None and (b.father is a.father or (a.mother is not None and b.mother is a.mother)):
        return "brother" if b.sex == "M" else "sister"
    for c in a.children:
        if b.father is c or b.mother is c:
            return "grandson" if b.sex == "M" else "granddaughter"
        if pop.spouse_at(c, d) is b:
            return "daughter_in_law" if b.sex == "F" else "son_in_law"
    return "other"


REL_DE = {"spouse": ("Ehemann", "Ehefrau"), "son": ("Sohn", "Sohn"), "daughter": ("Tochter", "Tochter"),
          "mother": ("Mutter", "Mutter"), "father": ("Vater", "Vater"), "brother": ("Bruder", "Bruder"),
          "sister": ("Schwester", "Schwester"), "grandson": ("Enkel", "Enkel"),
          "granddaughter": ("Enkelin", "Enkelin"), "daughter_in_law": ("Schwiegertochter", "Schwiegertochter"),
          "son_in_law": ("Schwiegersohn", "Schwiegersohn"), "other": ("Verwandter", "Verwandte")}
REL_KK = {"spouse": ("жұбайы", "жұбайы"), "son": ("ұлы", "ұлы"), "daughter": ("қызы", "қызы"),
          "mother": ("анасы", "анасы"), "father": ("әкесі", "әкесі"), "brother": ("бауыры", "бауыры"),
          "sister": ("қарындасы", "қарындасы"), "grandson": ("немересі", "немересі"),
          "granddaughter": ("немересі", "немересі"), "daughter_in_law": ("келіні", "келіні"),
          "son_in_law": ("күйеу баласы", "күйеу баласы"), "other": ("туысы", "туысы")}


def rel_word(table, rel, sex):
    t = table.get(rel, table["other"])
    return t[0] if sex == "M" else t[1]


# ----------------------------------------------------------------------------------------------------------------
# context
# ----------------------------------------------------------------------------------------------------------------


class Ctx:
    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.pop = Pop(self.rng, n)
        self.pop.build()
        self.faults = Faults(self.rng)
        self.nm = Namer(self.pop)
        self.truth = []
        self.evidence = defaultdict(Counter)
        self.files = {}
        self.stat_files = {}

    def t(self, file, rid, p, ev):
        self.truth.append((file, rid, p.pid))
        self.evidence[file][ev] += 1

    def official(self, script="ru"):
        rng = self.rng
        x = rng.random()
        if x < 0.55:
            s = SUR_KZ_RU.get(st := zipf_pick(rng, SUR_KZ, 0.5)) or kk2ru(st)
        elif x < 0.85:
            s = zipf_pick(rng, SUR_RU, 0.5)
        else:
            s = DE_RU[zipf_pick(rng, SUR_DE, 0.5)]
        sex = rng.choice("MF")
        if sex == "F" and x < 0.85:
            s = fem_ru(s)
        return f"{s} {rng.choice('АБГДЕЖКМНРСТ')}.{rng.choice('АБГЕЖКМНСТШ')}."


def ev_of(has_iin, has_name, birth_kind):
    if has_iin:
        return "iin"
    if has_name and birth_kind == "full":
        return "name+birth"
    if has_name and birth_kind == "partial":
        return "name+partial birth"
    if has_name:
        return "name+row relations/contact"
    return "first name+row relations/contact"


# ---------------------------------------------------------------- 1. the chess federation's rating lists (fixed width)
CHESS_TOWNS = ("kost", "rudny", "lisak", "zhitik", "arkalyk")
CLUBS = {"kost": ["Kostanay Chess Club", "DYuSSh-2 Kostanay", "Ak Tura Kostanay"], "rudny": ["Rudny Chess Club",
         "DYuSSh Rudny"], "lisak": ["Lisakovsk Chess"], "zhitik": ["Zhitikara Chess"], "arkalyk": ["Arkalyk Chess"]}
COACHES = ["Seitkali A.", "Bondarenko V.", "Omarov K.", "Shmidt E.", "Zhakupov N.", "Kuznetsova L."]
LIST_YEARS = [2013, 2016, 2019, 2022, 2024]
CW = [("ID Number", 15), ("Name", 42), ("Fed", 4), ("Sex", 4), ("Tit", 5), ("WTit", 5), ("SRtng", 6), ("SGm", 4),
      ("SK", 3), ("RRtng", 6), ("RGm", 4), ("Rk", 3), ("BRtng", 6), ("BGm", 4), ("BK", 3), ("B-day", 6), ("Flag", 5),
      ("IIN", 13), ("Club", 22), ("Trainer", 16)]


def chess(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "shahmat_reiting.txt"
    regs = []      # registrations: [p, first_list_year, last_active_year, club, name_fixed_at, id, style]
    for p in pop.persons:
        if p.outsider:
            continue
        # juniors: a child of 6-12 starts in a chess town
        a0 = rng.randint(6, 12)
        d0 = D(p.birth.year + a0, 9, 1)
        if D(2009, 1, 1) <= d0 <= D(2022, 12, 31) and pop.alive(p, d0) and pop.town_at(p, d0) in CHESS_TOWNS:
            if rng.random() < min(0.9, (0.26 if p.sex == "M" else 0.13) * p.vis):
                dur = rng.randint(2, 8)
                if rng.random() < 0.2:
                    dur = rng.randint(9, 16)
                regs.append([p, d0.year + 1, min(2024, d0.year + dur), pop.town_at(p, d0), d0])
                continue
        # adults rated before the lists begin, or later
        d1 = rdate(rng, D(2008, 1, 1), D(2021, 12, 31))
        a = age(p.birth, d1)
        if 18 <= a <= 72 and pop.alive(p, d1) and pop.town_at(p, d1) in CHESS_TOWNS:
            if rng.random() < min(0.9, (0.10 if p.sex == "M" else 0.025) * p.vis):
                regs.append([p, d1.year + 1, min(2024, d1.year + rng.randint(3, 16)), pop.town_at(p, d1), d1])
    ids = {}
    nid = 13700000 + rng.randint(1000, 9000)
    rows = []
    for r in sorted(regs, key=lambda r: (r[4], r[0].pid)):
        p, y0, y1, town, dfix = r
        nid += rng.randint(3, 90)
        style = "icao" if (dfix.year >= 2013 and rng.random() < 0.65) or rng.random() < 0.3 else "old"
        club = rng.choice(CLUBS[town])
        regs_p = [(nid, y0, y1, dfix, style, club)]
        # 4 %: registered again later by another arbiter with another spelling
        if y1 - y0 >= 3 and rng.random() < 0.05:
            y2 = rng.randint(y0 + 1, y1)
            nid += rng.randint(3, 90)
            regs_p = [(regs_p[0][0], y0, y2 - 1, dfix, style, club),
                      (nid, y2, y1, D(y2 - 1, 10, 1), "old" if style == "icao" else "icao", club)]
            ctx.stats_chess_second = getattr(ctx, "stats_chess_second", 0) + 1
        for (fid, ya, yb, df, st, cl) in regs_p:
            rating = rng.randint(1100, 1500) if age(p.birth, df) < 14 else rng.randint(1400, 2100)
            # the name fixed at registration; a woman's updated after marriage in 20 %
            sur = nm.sur(p, df, st)
            fi = nm.first(p, st)
            if p.people != "kz" and st == "icao":
                sur = icao(nm.sur(p, df, "ru"))
                fi = icao(nm.first(p, "ru"))
            name = f"{F.name(sur, file=FILE)}, {F.name(fi, file=FILE)}"
            upd = p.sex == "F" and rng.random() < 0.2
            iin_w = F.iin(p.iin, file=FILE) if rng.random() < (0.6 if age(p.birth, df) < 18 else 0.25) else ""
            if iin_w and age(p.birth, df) < 16 and rng.random() < 0.015 and p.mother is not None:
                iin_w = p.mother.iin
                F.n[(FILE, "parent_iin_on_child")] += 1
            by = p.birth.year
            x = rng.random()
            if x < 0.02:
                by = by + rng.choice([-1, 1])
                F.n[(FILE, "birth_year_off")] += 1
            elif x < 0.05:
                by = None
            tit = ""
            coach = rng.choice(COACHES)
            for Y in [y for y in LIST_YEARS if y >= ya]:
                ld = D(Y, 1, 1)
                if not pop.alive(p, ld):
                    break
                if Y > yb + 3:
                    break
                if pop.town_at(p, ld) is None:
                    break
                inactive = Y > yb + 1
                if upd and Y >= 2014:
                    kp, stem = pop.stem_at(p, ld)
                    nsur = nm.sur_of(kp, stem, p.sex, st) if not (p.people != "kz" and st == "icao") else icao(nm.sur_of(kp, stem, p.sex, "ru"))
                    if not name.startswith(nsur):
                        name = f"{nsur}, {name.split(', ', 1)[1]}"
                if not inactive:
                    rating = max(1000, rating + rng.randint(-60, 110 if age(p.birth, ld) < 18 else 40))
                    if rating >= 2300 and not tit:
                        tit = "FM" if p.sex == "M" else "WFM"
                    elif rating >= 2200 and not tit:
                        tit = "CM" if p.sex == "M" else "WCM"
                flag = ("w" if p.sex == "F" else "") + ("i" if inactive else "")
                rows.append((Y, fid, name, p, tit, rating, inactive, by, flag, iin_w, cl, coach))
    out = io.StringIO()
    years = sorted({r[0] for r in rows})
    rid = 0
    n_players = Counter()
    for Y in years:
        block = sorted([r for r in rows if r[0] == Y], key=lambda r: (r[2].lower(), r[1]))
        out.write(f"Kostanay Regional Chess Federation - rating list 01.01.{Y} (FIDE standard/rapid/blitz)\r\n")
        out.write("".join(h.ljust(w) for h, w in CW).rstrip() + "\r\n")
        for (Y_, fid, name, p, tit, rating, inactive, by, flag, iin_w, cl, coach) in block:
            rid += 1
            games = 0 if inactive else rng.randint(0, 30)
            k = 40 if age(p.birth, D(Y, 1, 1)) < 18 else 20
            rr = rating + rng.randint(-150, 50) if rng.random() < 0.7 else None
            br = rating + rng.randint(-200, 40) if rng.random() < 0.5 else None
            vals = [str(fid), name, "KAZ", "M" if p.sex == "M" else "F", tit if p.sex == "M" else "",
                    tit if p.sex == "F" else "", str(rating), str(games) if games else "", str(k),
                    str(rr) if rr else "", str(rng.randint(1, 20)) if rr and not inactive else "", str(k) if rr else "",
                    str(br) if br else "", str(rng.randint(1, 20)) if br and not inactive else "", str(k) if br else "",
                    str(by) if by else "", flag, iin_w, cl, coach]
            line = ""
            for v, (h, w) in zip(vals, CW):
                line += v[:w - 1].ljust(w)
            out.write(line.rstrip() + "\r\n")
            ev = ev_of(bool(iin_w), True, "partial" if by else None)
            ctx.t(FILE, str(rid), p, ev)
            n_players[p.pid] += 1
        out.write("\r\n")
    ctx.files[FILE] = out.getvalue().encode("utf-8")
    ctx.stat_files[FILE] = {"lines": rid, "players": len(n_players), "years": len(years), "persons": rid,
                            "second_registrations": getattr(ctx, "stats_chess_second", 0)}


# ---------------------------------------------------------------- 2. garden cooperatives (SpreadsheetML 2003 as .xls)
SNT = {"rudny": ["СНТ «Горняк»", "СНТ «Рудненский садовод»"], "kost": ["СНТ «Тобол»", "СНТ «Мичуринец»"],
       "lisak": ["СНТ «Лисаковец»"]}


def date_ru_text(rng, d):
    x = rng.random()
    if x < 0.5:
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if x < 0.85:
        return f"{d.day} {MON_RU_G[d.month - 1]} {d.year} г."
    return f"{d.day:02d}.{d.month:02d}.{d.year}г."


def garden(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "snt_vedomost.xls"
    plots = []    # each: list of (from, to, member)
    for dw in pop.dws:
        a0 = dw.addrs[0][1]
        if a0 is None or a0.town not in CITIES:
            continue
        res = list(pop.ever.get(dw.did, {}).values())
        if not res:
            continue
        pe = res[0].people
        if rng.random() >= min(0.92, (0.36 if pe == "kz" else 0.70) * res[0].vis):
            continue
        d = rdate(rng, max(dw.created, D(1995, 1, 1)), D(2021, 12, 31))
        adults = [p for p in pop.residents(dw, d) if age(p.birth, d) >= 35]
        if not adults:
            continue
        men = [p for p in adults if p.sex == "M"]
        mem = men[0] if men and rng.random() < 0.55 else rng.choice(adults)
        chain = [(d, mem)]
        cur, cd = mem, d
        for _ in range(4):
            nxt = None
            if cur.death and cur.death <= END:
                dd = cur.death + dt.timedelta(days=rng.randint(60, 400))
                sp = None
                for m in cur.marriages:
                    o = m.w if m.h is cur else m.h
                    if m.start <= cur.death and (m.end is None or m.end >= cur.death) and pop.alive(o, dd):
                        sp = o
                heirs = [c for c in cur.children if pop.alive(c, dd) and age(c.birth, dd) >= 20 and pop.town_at(c, dd)]
                if sp is not None and pop.town_at(sp, dd) and rng.random() < 0.65:
                    nxt = sp
                elif heirs:
                    nxt = rng.choice(heirs)
                if nxt is None or dd > END:
                    break
                chain.append((dd, nxt))
                cur, cd = nxt, dd
                ctx.pop.stats["garden_plots_inherited"] += 1
                continue
            if rng.random() < 0.10:
                # sold to another household of the town
                dd = rdate(rng, cd + dt.timedelta(days=700), END)
                pool = [p for p in pop.persons if not p.outsider and 35 <= age(p.birth, dd) <= 75 and pop.alive(p, dd)
                        and pop.town_at(p, dd) == a0.town]
                if pool and dd <= END:
                    nxt = rng.choice(pool)
                    chain.append((dd, nxt))
                    cur, cd = nxt, dd
                    ctx.pop.stats["garden_plots_sold"] += 1
            break
        plots.append((a0.town, chain))
    snt_of = {}
    rows = []
    pno = Counter()
    for town, chain in plots:
        snt = rng.choice(SNT[town])
        pno[snt] += 1
        num = f"{pno[snt] * 3 + rng.randint(0, 2)}" + ("А" if rng.random() < 0.05 else "")
        for Y in (2016, 2020, 2024):
            ref = D(Y, 6, 1)
            mem = None
            for (d, p) in chain:
                if d <= ref:
                    mem = p
            if mem is None or not pop.alive(mem, ref):
                continue
            rows.append((snt, num, Y, mem, chain))
    rows.sort(key=lambda r: (r[0], int(re.sub(r"\D", "", r[1])), r[1], r[2]))
    treasurers = {s: ctx.official() for ss in SNT.values() for s in ss}
    kept = {}
    n_co = n_px = 0
    neighbours = {}
    xml_rows = []
    rid = 0
    for (snt, num, Y, mem, chain) in rows:
        ref = D(Y, 6, 1)
        rid += 1
        key = (mem.pid, pop.stem_at(mem, ref), snt)
        a = pop.addr_at(mem, ref)
        if key not in kept or rng.random() < 0.12:
            b = F.birth(mem.birth, file=FILE)
            x = rng.random()
            if x < 0.60:
                bcell = ("DateTime", b.isoformat() + "T00:00:00.000")
                bk = "full"
            elif x < 0.94:
                bcell = ("String", date_ru_text(rng, b))
                bk = "full"
            else:
                bcell = None
                bk = None
            kept[key] = {"s": F.name(nm.sur(mem, ref, "ru"), file=FILE), "f": F.name(nm.first(mem, "ru"), file=FILE),
                         "p": nm.pat(mem, "ru") if rng.random() < 0.9 else None, "b": bcell, "bk": bk,
                         "iin": F.iin(mem.iin, file=FILE) if rng.random() < 0.55 else None,
                         "addr": (addr_ru(a, ref, 1 if rng.random() < 0.6 else 0) if a else None),
                         "stale": rng.random() < 0.2}
        k = kept[key]
        addr = k["addr"] if k["stale"] else (addr_ru(a, ref, 1) if a else None)
        ph = pop.phone_at(mem, ref)
        phs = None
        if ph and rng.random() < 0.8:
            if rng.random() < 0.12 and len(mem.phones) > 1:
                ph = mem.phones[0][1]
            phs = phone_fmt(rng, ph)
        cells = [(1, "String", num), (2, "Number", str(Y)), (3, "String", k["s"]), (4, "String", k["f"])]
        if k["p"]:
            cells.append((5, "String", k["p"]))
        if k["b"]:
            cells.append((6,) + k["b"])
        if k["iin"]:
            cells.append((7, "String", k["iin"]))
        if phs:
            cells.append((8, "String", phs))
        if addr:
            cells.append((9, "String", addr))
        persons = [(mem, ev_of(bool(k["iin"]), True, k["bk"]), 1)]
        # the co-owner: the spouse
        sp = pop.spouse_at(mem, ref)
        if sp is not None and rng.random() < 0.6:
            ckey = ("co", sp.pid, mem.pid, pop.stem_at(sp, ref))
            if ckey not in kept or rng.random() < 0.12:
                s = nm.sur(sp, ref, "ru")
                maiden = nm.sur_of(sp.surnames[0][1][0], sp.surnames[0][1][1], sp.sex, "ru")
                x = rng.random()
                if x < 0.55:
                    t = f"{s} {nm.first(sp, 'ru')} {nm.pat(sp, 'ru')}"
                    ev = "name"
                elif x < 0.80:
                    t = f"{s} {nm.first(sp, 'ru')[0]}.{nm.pat(sp, 'ru')[0]}."
                    ev = "initials"
                else:
                    t = f"{s} ({maiden}) {nm.first(sp, 'ru')} {nm.pat(sp, 'ru')}" if maiden != s else \
                        f"{s} {nm.first(sp, 'ru')} {nm.pat(sp, 'ru')}"
                    ev = "name"
                bb = F.birth(sp.birth, file=FILE) if rng.random() < 0.5 else None
                kept[ckey] = (F.name(t, file=FILE), bb, ev)
            t, bb, ev = kept[ckey]
            cells.append((10, "String", t))
            if bb:
                cells.append((11, "DateTime", bb.isoformat() + "T00:00:00.000") if rng.random() < 0.7 else
                             (11, "String", date_ru_text(rng, bb)))
            persons.append((sp, ev_of(False, True, "full" if bb else None) if ev == "name" else
                            ("surname+initials+birth" if bb else "surname+initials+row relations/contact"), 2))
            n_co += 1
        # the proxy: an adult child, a son-in-law, or a neighbour
        if rng.random() < 0.12:
            pkey = ("px", mem.pid, Y // 4)
            if pkey not in kept:
                cands = [c for c in mem.children if pop.alive(c, ref) and age(c.birth, ref) >= 20 and pop.town_at(c, ref)]
                if cands and rng.random() < 0.8:
                    px = rng.choice(cands)
                else:
                    if mem.pid not in neighbours:
                        neighbours[mem.pid] = pop.outsider(rng.choice("MF"), rng.choice(["ru", "ru", "kz", "ua"]),
                                                           mem.birth + dt.timedelta(days=rng.randint(-3000, 3000)))
                    px = neighbours[mem.pid]
                kept[pkey] = px
            px = kept[pkey]
            if pop.alive(px, ref):
                y = rng.random()
                t = f"{nm.sur(px, ref, 'ru')} {nm.first(px, 'ru')}" if y < 0.5 else \
                    f"{nm.first(px, 'ru')} {nm.sur(px, ref, 'ru')}" if y < 0.7 else \
                    f"{nm.sur(px, ref, 'ru')} {nm.first(px, 'ru')} {nm.pat(px, 'ru')}"
                cells.append((12, "String", F.name(t, file=FILE)))
                pph = pop.phone_at(px, ref)
                if pph:
                    cells.append((13, "String", phone_fmt(rng, pph)))
                persons.append((px, "name+row relations/contact", 3))
                n_px += 1
        if rng.random() < 0.85:
            cells.append((14, "Number", str(rng.choice([12000, 15000, 18000, 20000, 24000]))))
            pd_ = rdate(rng, D(Y, 3, 1), D(Y, 11, 30))
            cells.append((15, "DateTime", pd_.isoformat() + "T00:00:00.000"))
        note = ""
        for (d, p) in chain[1:]:
            if d.year == Y and p is mem:
                note = "переоформлен (наследство)" if chain[0][1] is not p and any(
                    q.death and q.death <= d for _, q in chain) else "переоформлен (купля-продажа)"
        if note:
            cells.append((16, "String", note))
        cells.append((17, "String", treasurers[snt]))
        xml_rows.append(cells)
        ctx.t(FILE, str(rid), persons[0][0], persons[0][1])
        for (pp, ev, place) in persons[1:]:
            ctx.t(FILE, f"{rid}#{place}", pp, ev)
    ctx.files[FILE] = spreadsheetml(xml_rows, rng)
    ctx.stat_files[FILE] = {"rows": rid, "plots": len(plots), "co_owners": n_co, "proxies": n_px,
                            "persons": rid + n_co + n_px}


def spreadsheetml(rows, rng):
    ncol = 17
    L = []
    L.append('<?xml version="1.0"?>')
    L.append('<?mso-application progid="Excel.Sheet"?>')
    L.append('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"')
    L.append(' xmlns:o="urn:schemas-microsoft-com:office:office"')
    L.append(' xmlns:x="urn:schemas-microsoft-com:office:excel"')
    L.append(' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"')
    L.append(' xmlns:html="http://www.w3.org/TR/REC-html40">')
    L.append(' <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">')
    L.append('  <Author>Бухгалтер</Author>')
    L.append('  <LastAuthor>Бухгалтер</LastAuthor>')
    L.append('  <Created>2025-01-20T04:12:00Z</Created>')
    L.append('  <Version>12.00</Version>')
    L.append(' </DocumentProperties>')
    L.append(' <Styles>')
    L.append('  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/><Borders/>'
             '<Font ss:FontName="Arial Cyr" x:CharSet="204"/><Interior/><NumberFormat/><Protection/></Style>')
    L.append('  <Style ss:ID="s21"><Font ss:FontName="Arial Cyr" x:CharSet="204" ss:Size="12" ss:Bold="1"/></Style>')
    L.append('  <Style ss:ID="s22"><Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/>'
             '<Borders><Border ss:Position="Bottom" ss:LineStyle="Continuous" ss:Weight="1"/>'
             '<Border ss:Position="Left" ss:LineStyle="Continuous" ss:Weight="1"/>'
             '<Border ss:Position="Right" ss:LineStyle="Continuous" ss:Weight="1"/>'
             '<Border ss:Position="Top" ss:LineStyle="Continuous" ss:Weight="1"/></Borders>'
             '<Font ss:FontName="Arial Cyr" x:CharSet="204" ss:Bold="1"/></Style>')
    L.append('  <Style ss:ID="s23"><NumberFormat ss:Format="Short Date"/></Style>')
    L.append('  <Style ss:ID="s24"><NumberFormat ss:Format="@"/></Style>')
    L.append(' </Styles>')
    L.append(' <Worksheet ss:Name="Ведомость">')
    L.append(f'  <Table ss:ExpandedColumnCount="{ncol}" ss:ExpandedRowCount="{len(rows) + 4}" x:FullColumns="1"'
             ' x:FullRows="1">')
    for w in [34, 34, 90, 70, 90, 66, 80, 90, 200, 180, 66, 140, 90, 50, 66, 150, 90]:
        L.append(f'   <Column ss:Width="{w}"/>')
    title = ("Списки членов садоводческих товариществ г. Костанай, г. Рудный, г. Лисаковск по перерегистрации "
             "2016, 2020 и 2024 гг. (с ведомостью взносов)")
    L.append(f'   <Row ss:Height="16"><Cell ss:MergeAcross="{ncol - 1}" ss:StyleID="s21"><Data ss:Type="String">'
             f'{escape(title)}</Data></Cell></Row>')
    # row 2 is empty (not written); row 3: groups; row 4: parts
    L.append('   <Row ss:Index="3" ss:AutoFitHeight="0" ss:Height="27">')
    L.append('    <Cell ss:MergeDown="1" ss:StyleID="s22"><Data ss:Type="String">№ уч.</Data></Cell>')
    L.append('    <Cell ss:MergeDown="1" ss:StyleID="s22"><Data ss:Type="String">Год</Data></Cell>')
    L.append('    <Cell ss:MergeAcross="6" ss:StyleID="s22"><Data ss:Type="String">Член товарищества</Data></Cell>')
    L.append('    <Cell ss:MergeAcross="1" ss:StyleID="s22"><Data ss:Type="String">Совладелец (супруг/супруга)</Data></Cell>')
    L.append('    <Cell ss:MergeAcross="1" ss:StyleID="s22"><Data ss:Type="String">Доверенное лицо</Data></Cell>')
    L.append('    <Cell ss:MergeAcross="1" ss:StyleID="s22"><Data ss:Type="String">Взносы</Data></Cell>')
    L.append('    <Cell ss:MergeDown="1" ss:StyleID="s22"><Data ss:Type="String">Примечание</Data></Cell>')
    L.append('    <Cell ss:MergeDown="1" ss:StyleID="s22"><Data ss:Type="String">Принял (казначей)</Data></Cell>')
    L.append('   </Row>')
    parts = ["Фамилия", "Имя", "Отчество", "Дата рождения", "ИИН", "Телефон", "Адрес", "ФИО", "Дата рождения", "ФИО",
             "Телефон", "Сумма, тг", "Дата оплаты"]
    L.append('   <Row ss:AutoFitHeight="0" ss:Height="27">')
    for i, h in enumerate(parts):
        idx = ' ss:Index="3"' if i == 0 else ""
        L.append(f'    <Cell{idx} ss:StyleID="s22"><Data ss:Type="String">{escape(h)}</Data></Cell>')
    L.append('   </Row>')
    for cells in rows:
        cells = sorted(cells, key=lambda c: c[0])
        L.append('   <Row>')
        prev = 0
        for col, typ, val in cells:
            idx = f' ss:Index="{col}"' if col != prev + 1 else ""
            sty = ' ss:StyleID="s23"' if typ == "DateTime" else (' ss:StyleID="s24"' if col == 7 else "")
            L.append(f'    <Cell{idx}{sty}><Data ss:Type="{typ}">{escape(val)}</Data></Cell>')
            prev = col
        L.append('   </Row>')
    L.append('  </Table>')
    L.append('  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">')
    L.append('   <FreezePanes/><FrozenNoSplit/><SplitHorizontal>4</SplitHorizontal><TopRowBottomPane>4</TopRowBottomPane>')
    L.append('   <ActivePane>2</ActivePane><ProtectObjects>False</ProtectObjects><ProtectScenarios>False</ProtectScenarios>')
    L.append('  </WorksheetOptions>')
    L.append(' </Worksheet>')
    L.append('</Workbook>')
    return ("\r\n".join(L) + "\r\n").encode("utf-8")


# ---------------------------------------------------------------- 3. the German society (Firebase RTDB export)
PUSH = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"


def push_id(rng, ms):
    t = []
    for _ in range(8):
        t.append(PUSH[ms % 64])
        ms //= 64
    return "".join(reversed(t)) + "".join(rng.choice(PUSH) for _ in range(12))


def de_date(rng, d, partial_ok=True):
    x = rng.random()
    if x < 0.45:
        return f"{d.day:02d}.{d.month:02d}.{d.year}", "full"
    if x < 0.72:
        return f"{d.day}. {MON_DE[d.month - 1]} {d.year}", "full"
    if x < 0.82:
        return d.isoformat(), "full"
    if partial_ok and x < 0.93:
        return f"{MON_DE[d.month - 1]} {d.year}", "partial"
    return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}", "full"


def german(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "wiedergeburt_mitglieder.json"
    joins = []
    for p in pop.persons:
        if p.outsider:
            continue
        is_de = p.people == "de"
        sp_de = any((m.h if m.w is p else m.w).people == "de" for m in p.marriages)
        if not is_de and not sp_de:
            continue
        a = max(yrs(p.birth, 16), D(2008, 1, 1))
        b = min(END, p.death - dt.timedelta(days=1) if p.death else END)
        if a > b:
            continue
        pr = min(0.92, (0.7 if is_de else 0.3) * p.vis)
        if rng.random() >= pr:
            continue
        ok = None
        for _ in range(6):
            d = rdate(rng, a, b)
            if pop.town_at(p, d) is not None:
                ok = d
                break
        if ok is None:
            continue
        joins.append((ok, p))
        if rng.random() < 0.08:
            d2 = rdate(rng, ok + dt.timedelta(days=700), ok + dt.timedelta(days=3000))
            if d2 <= b and pop.town_at(p, d2) is not None:
                joins.append((d2, p))
                pop.stats["german_society_registered_twice"] += 1
    joins.sort(key=lambda x: (x[0], x[1].pid))
    members = {}
    volunteers = ["Weber E.", "Schmidt I.", "Klassen O.", "Hergert N.", "Becker L."]
    n_fam = 0
    nr = rng.randint(10, 60)
    last_ms = 0
    for rid, (d, p) in enumerate(joins, start=1):
        nr += 1
        ms = ((d - D(1970, 1, 1)).days * 86400 + rng.randint(3 * 3600, 13 * 3600)) * 1000 + rng.randint(0, 999)
        ms = max(ms, last_ms + rng.randint(1000, 90000))     # push ids sort as they were made
        last_ms = ms
        key = push_id(rng, ms)
        while key in members:
            key = push_id(rng, ms + 1)
        is_de = p.people == "de"
        # names: a German's German spelling (70 %), or the passport's Russian letters in German transliteration
        kp, stem = pop.stem_at(p, d)
        if kp == "de" and rng.random() < 0.7:
            nach = stem
        else:
            nach = nm.sur(p, d, "duden") if p.people != "kz" else nm.sur(p, d, "de")
        vor = nm.first(p, "de") if (is_de and rng.random() < 0.85) else nm.first(p, "duden" if p.people != "kz" else "de")
        vat = nm.pat(p, "duden") if rng.random() < 0.7 else None
        geb = None
        k0, s0 = p.surnames[0][1]
        if (k0, s0) != (kp, stem) and p.sex == "F" and rng.random() < 0.8:
            geb = s0 if (k0 == "de" and rng.random() < 0.7) else nm.sur_of(k0, s0, p.sex, "duden" if k0 != "kz" else "de")
        b = F.birth(p.birth, file=FILE)
        if rng.random() < 0.9:
            bs, bk = de_date(rng, b)
        else:
            bs, bk = None, None
        iin = F.iin(p.iin, file=FILE) if rng.random() < 0.7 else None
        ph = pop.phone_at(p, d)
        a = pop.addr_at(p, d)
        # the family, as the member told it on the day
        fam = []
        sp = pop.spouse_at(p, d)
        if sp is not None:
            fam.append(sp)
        kids = sorted([c for c in p.children if pop.alive(c, d)], key=lambda c: c.birth)
        fam += kids
        if rng.random() < 0.3:
            for c in kids:
                fam += sorted([g for g in c.children if pop.alive(g, d)], key=lambda g: g.birth)
        if rng.random() < 0.4:
            fam += [x for x in (p.mother, p.father) if x is not None and pop.alive(x, d)]
        fam = fam[:6]
        flist = []
        fpersons = []
        for fp in fam:
            rel = relation(pop, p, fp, d)
            fkp, fst = pop.stem_at(fp, d)
            fn = nm.first(fp, "de") if fp.people == "de" and rng.random() < 0.8 else \
                nm.first(fp, "duden" if fp.people != "kz" else "de")
            fs = fst if (fkp == "de" and rng.random() < 0.7) else nm.sur(fp, d, "duden" if fp.people != "kz" else "de")
            x = rng.random()
            child = age(fp.birth, d) < 18
            if x < 0.55:
                nmtxt, ev = f"{fn} {fs}", "name"
            elif x < 0.75:
                nmtxt, ev = f"{fs}, {fn}", "name"
            elif child or rel in ("son", "daughter", "grandson", "granddaughter"):
                nmtxt, ev = fn, "first"
            else:
                nmtxt, ev = f"{fn} {fs}", "name"
            f0k, f0s = fp.surnames[0][1]
            if fp.sex == "F" and (f0k, f0s) != (fkp, fst) and ev == "name" and rng.random() < 0.2:
                g0 = f0s if f0k == "de" else nm.sur_of(f0k, f0s, "F", "duden" if f0k != "kz" else "de")
                nmtxt += f" (geb. {g0})"
            item = {"name": F.name(nmtxt, file=FILE), "verwandtschaft": rel_word(REL_DE, rel, fp.sex)}
            fb = F.birth(fp.birth, file=FILE)
            y = rng.random()
            if y < 0.5:
                item["geburtsjahr"] = fb.year
                bkind = "partial"
            elif y < 0.9:
                item["geburtsdatum"] = de_date(rng, fb, partial_ok=False)[0]
                bkind = "full"
            else:
                bkind = None
            flist.append(item)
            if ev == "name":
                fev = ev_of(False, True, bkind)
            else:
                fev = "first name+birth+row relations" if bkind else "first name+row relations/contact"
            fpersons.append((fp, fev))
        town = pop.town_at(p, d)
        rec = {"ausweisNr": f"W-{nr:04d}", "nachname": F.name(nach, file=FILE), "vorname": F.name(vor, file=FILE)}
        if vat:
            rec["vatersname"] = vat
        if geb:
            rec["geburtsname"] = geb
        if bs:
            rec["geburtsdatum"] = bs
        rec["geschlecht"] = "m" if p.sex == "M" else "w"
        if iin:
            rec["iin"] = iin
        if ph and rng.random() < 0.85:
            rec["telefon"] = phone_fmt(rng, ph, rng.choice(["spaced", "plus", "dash"]))
        if a:
            rec["adresse"] = {"ort": town_de(a.town, d), "strasse": addr_de(a, d)}
        if flist:
            rec["familie"] = flist
        rec["eingetretenAm"] = ms
        if rng.random() < 0.4:
            rec["sprachkurs"] = rng.choice(["A1", "A2", "B1"])
        rec["beitragBezahlt"] = rng.random() < 0.7
        rec["erfasstVon"] = rng.choice(volunteers)
        members[key] = rec
        ctx.t(FILE, str(rid), p, ev_of(bool(iin), True, bk))
        for k, (fp, fev) in enumerate(fpersons, start=2):
            ctx.t(FILE, f"{rid}#{k}", fp, fev)
            n_fam += 1
    doc = {"mitglieder": members}
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    ctx.stat_files[FILE] = {"members": len(members), "family": n_fam, "persons": len(members) + n_fam}


# ---------------------------------------------------------------- 4. peasant farms (pandas Parquet, MultiIndex columns)
def kk_date(rng, d, latin=False):
    x = rng.random()
    if latin:
        m = lat21(MON_KK[d.month - 1])
        if x < 0.6:
            return f"{d.day} {m} {d.year} j.", "full"
        if x < 0.85:
            return f_dmy(d), "full"
        return f"{d.year} j. {m}", "partial"
    if x < 0.30:
        return f"{d.year} жылғы {d.day} {MON_KK[d.month - 1]}", "full"
    if x < 0.65:
        return f_dmy(d), "full"
    if x < 0.85:
        return f"{d.day} {MON_KK[d.month - 1]} {d.year} ж.", "full"
    return f"{d.year} ж. {MON_KK[d.month - 1]}", "partial"


FARM_NAMES_KZ = ["Нұрлан", "Ақжол", "Береке", "Жұлдыз", "Болашақ", "Дала", "Ынтымақ", "Қайнар", "Ақбидай", "Сарыарқа",
                 "Тоғызбай", "Арман", "Мерей"]
FARM_NAMES_RU = ["Колос", "Нива", "Рассвет", "Урожай", "Заря", "Родник", "Надежда", "Целина", "Степное", "Луч"]


def farms(ctx):
    import pandas as pd
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "sharua_qozhalyqtary.parquet"
    FARM_TOWNS = RURAL + ("arkalyk", "zhitik")
    farms_ = []
    for p in pop.persons:
        if p.outsider or p.sex != "M":
            continue
        d = rdate(rng, D(2003, 1, 1), D(2021, 12, 31))
        if not (25 <= age(p.birth, d) <= 65) or not pop.alive(p, d) or pop.town_at(p, d) is None:
            continue
        if pop.town_at(p, d) in FARM_TOWNS:
            pr = 0.35 if p.people == "kz" else 0.20
        elif pop.town_at(p, d) in ("kost", "rudny"):
            pr = 0.02
        else:
            continue
        if rng.random() >= min(0.9, pr * p.vis):
            continue
        heads = [(d, p)]
        cur = p
        while cur.death and cur.death <= END:
            dd = cur.death + dt.timedelta(days=rng.randint(30, 300))
            sons = [c for c in cur.children if c.sex == "M" and pop.alive(c, dd) and age(c.birth, dd) >= 20
                    and pop.town_at(c, dd) is not None]
            sp = pop.spouse_at(cur, cur.death - dt.timedelta(days=1))
            if sons and rng.random() < 0.75:
                nxt = sons[0]
            elif sp is not None and pop.alive(sp, dd) and pop.town_at(sp, dd):
                nxt = sp
            else:
                break
            if dd > END:
                break
            heads.append((dd, nxt))
            cur = nxt
            pop.stats["farms_passed_on"] += 1
        close = END if rng.random() < 0.85 else rdate(rng, d + dt.timedelta(days=700), END)
        t = pop.town_at(p, d)
        farms_.append((d, heads, close, t if t in FARM_TOWNS else rng.choice(["tobyl", "karab", "fedor", "denis"])))
    farms_.sort(key=lambda f: (f[0], f[1][0][1].pid))
    rows = []
    for i, (d, heads, close, town) in enumerate(farms_):
        p0 = heads[0][1]
        fname = ("ШҚ «" + rng.choice(FARM_NAMES_KZ) + "»") if p0.people == "kz" else ("КХ «" + rng.choice(FARM_NAMES_RU) + "»")
        if rng.random() < 0.4:
            fname = ("ШҚ «" if p0.people == "kz" else "КХ «") + (p0.first["kk"] if p0.people == "kz" else p0.first["ru"]) + "»"
        reg = f"{TOWNS[town][5] or TOWNS[town][1]}-{i + 101:04d}"
        area = round(rng.uniform(50, 3000), 1)
        for Y in (2019, 2022, 2024):
            ref = D(Y, 1, 1)
            if ref < d or ref > close:
                continue
            head = None
            for (hd, h) in heads:
                if hd <= ref:
                    head = h
            if head is None or not pop.alive(head, ref) or pop.town_at(head, ref) is None:
                continue
            rows.append((Y, reg, fname, town, area, head))
    rows.sort(key=lambda r: (r[0], r[1]))
    cols = []
    tops = [("Шаруа қожалығы", "Атауы"), ("Шаруа қожалығы", "Тіркеу ауданы"), ("Шаруа қожалығы", "Жер көлемі, га"),
            ("Шаруа қожалығы", "Жыл"),
            ("Басшысы", "Тегі"), ("Басшысы", "Аты"), ("Басшысы", "Әкесінің аты"), ("Басшысы", "ЖСН"),
            ("Басшысы", "Туған күні"), ("Басшысы", "Телефоны"), ("Басшысы", "Мекенжайы")]
    for k in range(1, 5):
        tops += [(f"{k}-мүшесі", "Т.А.Ә."), (f"{k}-мүшесі", "Туған күні"), (f"{k}-мүшесі", "ЖСН"),
                 (f"{k}-мүшесі", "Туыстығы")]
    tops.append(("Енгізген маман", "Т.А.Ә."))
    data = {c: [] for c in tops}
    index = []
    specialists = [ctx.official() for _ in range(6)]
    kept = {}
    n_mem = 0
    for rid, (Y, reg, fname, town, area, head) in enumerate(rows, start=1):
        ref = D(Y, 1, 1)
        latin = head.people == "kz" and Y in (2022, 2023) and rng.random() < 0.45
        sc = "l21" if latin else ("kk" if head.people == "kz" and rng.random() < 0.75 else "ru")
        hkey = (head.pid, pop.stem_at(head, ref), sc)
        if hkey not in kept or rng.random() < 0.15:
            kept[hkey] = (F.name(nm.sur(head, ref, sc), file=FILE), F.name(nm.first(head, sc), file=FILE),
                          nm.pat(head, sc) if rng.random() < 0.92 else None,
                          F.iin(head.iin, file=FILE) if rng.random() < 0.93 else None,
                          F.birth(head.birth, file=FILE) if rng.random() < 0.9 else None)
        hs, hf, hp, hi, hb = kept[hkey]
        a = pop.addr_at(head, ref)
        ph = pop.phone_at(head, ref)
        data[("Шаруа қожалығы", "Атауы")].append(fname)
        data[("Шаруа қожалығы", "Тіркеу ауданы")].append((TOWNS[town][5] + " ауданы") if TOWNS[town][5] else
                                                          (TOWNS[town][1] + " қ.ә."))
        data[("Шаруа қожалығы", "Жер көлемі, га")].append(area)
        data[("Шаруа қожалығы", "Жыл")].append(Y)
        data[("Басшысы", "Тегі")].append(hs)
        data[("Басшысы", "Аты")].append(hf)
        data[("Басшысы", "Әкесінің аты")].append(hp)
        data[("Басшысы", "ЖСН")].append(hi)
        data[("Басшысы", "Туған күні")].append(hb)
        data[("Басшысы", "Телефоны")].append(phone_fmt(rng, ph, rng.choice(["eight", "paren", "bare"])) if ph and rng.random() < 0.85 else None)
        data[("Басшысы", "Мекенжайы")].append((addr_kk(a, ref) if sc != "ru" else addr_ru(a, ref)) if a else None)
        index.append(reg)
        ctx.t(FILE, str(rid), head, ev_of(bool(hi), True, "full" if hb else None))
        # members: the family living with the head, 16 or more
        mems = []
        sp = pop.spouse_at(head, ref)
        if sp is not None and pop.home_at(sp, ref) is pop.home_at(head, ref):
            mems.append(sp)
        res = pop.residents(pop.home_at(head, ref), ref) if pop.home_at(head, ref) else []
        res = sorted([x for x in res if x is not head and x is not sp and age(x.birth, ref) >= 16],
                     key=lambda x: ({"son": 0, "daughter": 0, "daughter_in_law": 1, "son_in_law": 1, "mother": 2,
                                     "father": 2}.get(relation(pop, head, x, ref), 3), x.birth))
        mems += res
        if head.father is not None and rng.random() < 0.08:
            bros = [b for b in head.father.children if b is not head and b.sex == "M" and pop.alive(b, ref)
                    and age(b.birth, ref) >= 18 and b not in mems]
            if bros:
                mems.append(bros[0])
        mems = mems[:4]
        for k in range(1, 5):
            if k <= len(mems):
                mp = mems[k - 1]
                msc = sc if mp.people == "kz" or sc == "ru" else "ru"
                mkey = (reg, mp.pid, pop.stem_at(mp, ref), msc)
                if mkey not in kept or rng.random() < 0.15:
                    x = rng.random()
                    if x < 0.10:
                        t = f"{nm.first(mp, msc)} {nm.pat(mp, msc)} {nm.sur(mp, ref, msc)}"
                        ev = "name"
                    elif x < 0.75:
                        t = f"{nm.sur(mp, ref, msc)} {nm.first(mp, msc)} {nm.pat(mp, msc)}"
                        ev = "name"
                    elif x < 0.92:
                        t = f"{nm.sur(mp, ref, msc)} {nm.first(mp, msc)}"
                        ev = "name"
                    else:
                        t = f"{nm.sur(mp, ref, msc)} {nm.first(mp, msc)[0]}.{nm.pat(mp, msc)[0]}."
                        ev = "initials"
                    mb = F.birth(mp.birth, file=FILE)
                    if rng.random() < 0.9:
                        bs, bk = kk_date(rng, mb, latin=(msc == "l21"))
                    else:
                        bs, bk = None, None
                    mi = F.iin(mp.iin, file=FILE) if rng.random() < 0.6 else None
                    kept[mkey] = (F.name(t, file=FILE), bs, bk, mi, ev)
                t, bs, bk, mi, ev = kept[mkey]
                rel = relation(pop, head, mp, ref)
                relw = rel_word(REL_KK, rel, mp.sex)
                if msc == "l21":
                    relw = lat21(relw)
                data[(f"{k}-мүшесі", "Т.А.Ә.")].append(t)
                data[(f"{k}-мүшесі", "Туған күні")].append(bs)
                data[(f"{k}-мүшесі", "ЖСН")].append(int(mi) if mi else None)
                data[(f"{k}-мүшесі", "Туыстығы")].append(relw)
                if ev == "name":
                    mev = ev_of(bool(mi), True, bk)
                else:
                    mev = "iin" if mi else ("surname+initials+birth" if bk else "surname+initials+row relations/contact")
                ctx.t(FILE, f"{rid}#{k + 1}", mp, mev)
                n_mem += 1
            else:
                for part in ("Т.А.Ә.", "Туған күні", "ЖСН", "Туыстығы"):
                    data[(f"{k}-мүшесі", part)].append(None)
        data[("Енгізген маман", "Т.А.Ә.")].append(rng.choice(specialists))
    df = pd.DataFrame({c: data[c] for c in tops}, index=index)
    df.columns = pd.MultiIndex.from_tuples(tops)
    for k in range(1, 5):
        df[(f"{k}-мүшесі", "ЖСН")] = df[(f"{k}-мүшесі", "ЖСН")].astype("Int64")
    df[("Шаруа қожалығы", "Жыл")] = df[("Шаруа қожалығы", "Жыл")].astype("int16")
    buf = io.BytesIO()
    df.to_parquet(buf, engine="pyarrow", compression="snappy")
    ctx.files[FILE] = buf.getvalue()
    ctx.stat_files[FILE] = {"rows": len(rows), "farms": len({r[1] for r in rows}), "members": n_mem,
                            "persons": len(rows) + n_mem}


# ---------------------------------------------------------------- 5. guardianship (R write.csv)
def guardianship_file(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "qamqorshylyq.csv"
    kids = sorted([p for p in pop.persons if p.guard is not None], key=lambda p: (p.guard["start"], p.pid))
    rows = []
    regno = rng.randint(100, 400)
    for c in kids:
        g = c.guard
        regno += 1
        g["reg"] = f"{g['start'].year}/{regno}"
        insp = [g["start"] + dt.timedelta(days=rng.randint(15, 45))]
        while insp[-1] < END:
            insp.append(insp[-1] + dt.timedelta(days=rng.randint(700, 760)))
        for d in insp:
            if d < D(2016, 1, 1) or d > END:
                continue
            if not pop.alive(c, d) or age(c.birth, d) >= 18 or pop.town_at(c, d) is None:
                continue
            if not pop.alive(g["g"], d):
                break
            rows.append((d, c))
    # built in the order of the inspections, then sorted by the child's name by the analyst: R keeps the old row names
    built = list(enumerate(rows, start=1))
    def sortkey(x):
        i, (d, c) = x
        return (nm.sur(c, d, "ru"), nm.first(c, "ru"), d)
    built.sort(key=sortkey)
    inspectors = [ctx.official() for _ in range(4)]
    cols = ["", "Рег.номер", "ФИО.ребенка", "Дата.рождения", "ИИН", "Пол", "Форма.устройства", "Дата.назначения",
            "ФИО.опекуна", "Дата.рождения.1", "ИИН.1", "Родство", "ФИО.супруга.опекуна", "Дата.рождения.2",
            "ФИО.матери", "Статус.матери", "ФИО.отца", "Статус.отца", "Адрес", "Пособие", "Дата.обследования",
            "Инспектор"]

    def q(s):
        if s is None:
            return "NA"
        return '"' + str(s).replace('"', '""') + '"'

    def num(s):
        if s is None:
            return "NA"
        return str(int(s))

    def dat(dd):
        return dd.isoformat() if dd else "NA"

    lines = [",".join(q(c) for c in cols)]
    kept = {}
    n_g = n_co = n_m = n_f = 0
    for rid, (orig, (d, c)) in enumerate(built, start=1):
        g = c.guard
        sc = "kk" if c.people == "kz" and rng.random() < 0.25 else "ru"
        ckey = (c.pid, pop.stem_at(c, d))
        if ckey not in kept or rng.random() < 0.1:
            kept[ckey] = (F.name(f"{nm.sur(c, d, sc)} {nm.first(c, sc)} {nm.pat(c, sc)}" if rng.random() < 0.9 else
                                 f"{nm.sur(c, d, sc)} {nm.first(c, sc)}", file=FILE),
                          F.birth(c.birth, file=FILE), F.iin(c.iin, file=FILE) if rng.random() < 0.85 else None)
        cn, cb, ci = kept[ckey]
        gp = g["g"]
        gkey = ("g", gp.pid, pop.stem_at(gp, d))
        if gkey not in kept or rng.random() < 0.1:
            gsc = "kk" if gp.people == "kz" and rng.random() < 0.25 else "ru"
            kept[gkey] = (F.name(f"{nm.sur(gp, d, gsc)} {nm.first(gp, gsc)} {nm.pat(gp, gsc)}", file=FILE),
                          F.birth(gp.birth, file=FILE) if rng.random() < 0.9 else None,
                          F.iin(gp.iin, file=FILE) if rng.random() < 0.9 else None)
        gn, gb, gi = kept[gkey]
        if gi and rng.random() < 0.01:
            gi = ci if ci else gi       # the child's IIN typed on the guardian's line
            F.n[(FILE, "child_iin_on_guardian")] += 1
        co = pop.spouse_at(gp, d)
        con = cob = None
        if co is not None and rng.random() < 0.8:
            cokey = ("co", co.pid, pop.stem_at(co, d))
            if cokey not in kept:
                x = rng.random()
                t = f"{nm.sur(co, d, 'ru')} {nm.first(co, 'ru')} {nm.pat(co, 'ru')}" if x < 0.8 else \
                    f"{nm.sur(co, d, 'ru')} {nm.first(co, 'ru')[0]}.{nm.pat(co, 'ru')[0]}."
                kept[cokey] = (F.name(t, file=FILE), F.birth(co.birth, file=FILE) if rng.random() < 0.6 else None,
                               x < 0.8)
            con, cob, cofull = kept[cokey]
        mo = g["mother"]
        mon = None
        if rng.random() < 0.88:
            mkey = ("m", mo.pid, pop.stem_at(mo, min(d, mo.death or d)))
            if mkey not in kept:
                dd = min(d, (mo.death - dt.timedelta(days=1)) if mo.death else d)
                kept[mkey] = F.name(f"{nm.sur(mo, dd, 'ru')} {nm.first(mo, 'ru')} {nm.pat(mo, 'ru')}" if rng.random() < 0.8
                                    else f"{nm.sur(mo, dd, 'ru')} {nm.first(mo, 'ru')}", file=FILE)
            mon = kept[mkey]
        fa = g["father"]
        fan = None
        fst = g["fstatus"] or "сведения отсутствуют"
        if fa is not None and fst != "сведения отсутствуют" and rng.random() < 0.85:
            fkey = ("f", fa.pid)
            if fkey not in kept:
                kept[fkey] = F.name(f"{nm.sur(fa, d, 'ru')} {nm.first(fa, 'ru')} {nm.pat(fa, 'ru')}", file=FILE)
            fan = kept[fkey]
        a = pop.addr_at(gp, d)
        vals = [q(str(orig)), q(g["reg"]), q(cn), dat(cb), num(ci), q("м" if c.sex == "M" else "ж"), q(g["form"]),
                dat(g["start"]), q(gn), dat(gb), num(gi), q(g["rel"]), q(con), dat(cob), q(mon), q(g["mstatus"]),
                q(fan), q(fst if fa is not None else "сведения отсутствуют"), q(addr_ru(a, d, 1) if a else None),
                "TRUE" if rng.random() < 0.8 else "FALSE", dat(d), q(rng.choice(inspectors))]
        lines.append(",".join(vals))
        ctx.t(FILE, str(rid), c, ev_of(bool(ci), True, "full"))
        ctx.t(FILE, f"{rid}#2", gp, ev_of(bool(gi), True, "full" if gb else None))
        n_g += 1
        if con:
            ctx.t(FILE, f"{rid}#3", co, ev_of(False, True, "full" if cob else None) if cofull else
                  ("surname+initials+birth" if cob else "surname+initials+row relations/contact"))
            n_co += 1
        if mon:
            ctx.t(FILE, f"{rid}#4", mo, "name+row relations/contact")
            n_m += 1
        if fan:
            ctx.t(FILE, f"{rid}#5", fa, "name+row relations/contact")
            n_f += 1
    ctx.files[FILE] = ("\n".join(lines) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"rows": len(built), "children": len({c.pid for _, c in rows}), "guardians": n_g,
                            "co_guardians": n_co, "mothers": n_m, "fathers": n_f,
                            "persons": len(built) + n_g + n_co + n_m + n_f}


# ---------------------------------------------------------------- 6. mothers of many children (xlsx, grouped rows)
def alqa(ctx):
    import openpyxl
    from openpyxl.styles import Alignment, Font
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "altyn_alqa.xlsx"
    noms = []
    for mo in pop.persons:
        if mo.sex != "F" or mo.outsider or len(mo.children) < 6:
            continue
        kids = sorted(mo.children, key=lambda c: c.birth)
        a = max(D(2011, 1, 1), yrs(kids[5].birth, 1))
        if a > END:
            continue
        for _ in range(5):
            d = rdate(rng, a, D(2024, 11, 30))
            if pop.alive(mo, d) and pop.town_at(mo, d):
                noms.append((d, mo))
                if rng.random() < 0.07:
                    d2 = D(d.year + 1, rng.randint(2, 11), rng.randint(1, 28))
                    if d2 <= END and pop.alive(mo, d2) and pop.town_at(mo, d2):
                        noms.append((d2, mo))
                        pop.stats["alqa_put_up_again"] += 1
                break
    noms.sort(key=lambda x: (x[0], x[1].pid))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Тізім"
    ws["A1"] = "Қостанай облысы әкімдігінің жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы"
    ws["A2"] = ("«Алтын алқа», «Күміс алқа» алқаларымен марапаттауға ұсынылған көпбалалы аналардың тізімі / Список "
                "многодетных матерей, представленных к награждению подвесками «Алтын алқа», «Күміс алқа»")
    ws["A1"].font = Font(bold=True)
    ws["A2"].font = Font(bold=True)
    hdr = ["№ р/с / № п/п", "Т.А.Ә. / ФИО", "Туған күні / Дата рождения", "ЖСН / ИИН", "Туыстығы / Родство",
           "Мекенжайы / Адрес", "Жұбайының Т.А.Ә. / ФИО супруга", "Жұбайының ЖСН / ИИН супруга", "Балалар саны / Кол-во детей",
           "Алқа / Подвеска", "Ұсынылған күні / Дата представления", "Ескерту / Примечание", "Орындаушы / Исполнитель"]
    HR = 4
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=HR, column=j, value=h)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    clerk = ctx.official()
    r = HR
    rid = 0
    nmo = nch = nhu = 0
    kept = {}
    for k, (d, mo) in enumerate(noms, start=1):
        kids = sorted(mo.children, key=lambda c: c.birth)
        sc = "kk" if mo.people == "kz" and rng.random() < 0.8 else "ru"
        r += 1
        rid += 1
        mk = (mo.pid, pop.stem_at(mo, d))
        if mk not in kept or rng.random() < 0.2:
            kept[mk] = (F.name(f"{nm.sur(mo, d, sc)} {nm.first(mo, sc)} {nm.pat(mo, sc)}", file=FILE),
                        F.birth(mo.birth, file=FILE), F.iin(mo.iin, file=FILE) if rng.random() < 0.92 else None)
        mn, mb, mi = kept[mk]
        a = pop.addr_at(mo, d)
        hu = pop.spouse_at(mo, d)
        if hu is None:
            # the children's father, alive, written though no longer married (or dead: not written)
            fa = kids[0].father
            hu = fa if fa is not None and pop.alive(fa, d) and rng.random() < 0.3 else None
        ws.cell(row=r, column=1, value=k)
        ws.cell(row=r, column=2, value=mn).font = Font(bold=True)
        c = ws.cell(row=r, column=3, value=mb)
        c.number_format = "DD.MM.YYYY"
        ws.cell(row=r, column=4, value=mi)
        ws.cell(row=r, column=5, value="анасы / мать")
        ws.cell(row=r, column=6, value=(addr_kk(a, d) if sc == "kk" else addr_ru(a, d)) if a else None)
        persons = [(mo, ev_of(bool(mi), True, "full"))]
        if hu is not None and rng.random() < 0.85:
            x = rng.random()
            hsc = sc if hu.people == "kz" else "ru"
            if x < 0.7:
                hn = f"{nm.sur(hu, d, hsc)} {nm.first(hu, hsc)} {nm.pat(hu, hsc)}"
                hev = "name"
            else:
                hn = f"{nm.sur(hu, d, hsc)} {nm.first(hu, hsc)[0]}.{nm.pat(hu, hsc)[0]}."
                hev = "initials"
            hi = F.iin(hu.iin, file=FILE) if rng.random() < 0.45 else None
            ws.cell(row=r, column=7, value=F.name(hn, file=FILE))
            ws.cell(row=r, column=8, value=hi)
            persons.append((hu, ev_of(bool(hi), True, None) if hev == "name" else
                            ("iin" if hi else "surname+initials+row relations/contact")))
        ws.cell(row=r, column=9, value=len(kids))
        ws.cell(row=r, column=10, value="Алтын алқа" if len(kids) >= 7 else "Күміс алқа")
        c = ws.cell(row=r, column=11, value=d)
        c.number_format = "DD.MM.YYYY"
        if any(x[1] is mo for x in noms[:k - 1]):
            ws.cell(row=r, column=12, value="қайта ұсынылды / повторно")
        ws.cell(row=r, column=13, value=clerk)
        ctx.t(FILE, str(rid), persons[0][0], persons[0][1])
        nmo += 1
        if len(persons) > 1:
            ctx.t(FILE, f"{rid}#2", persons[1][0], persons[1][1])
            nhu += 1
        for j, ch in enumerate(kids, start=1):
            r += 1
            rid += 1
            ws.row_dimensions[r].outline_level = 1
            chsc = sc if ch.people == "kz" else "ru"
            ref = min(d, ch.death - dt.timedelta(days=1)) if ch.death else d
            s = nm.sur(ch, ref, chsc)
            t = f"{s} {nm.first(ch, chsc)} {nm.pat(ch, chsc)}" if rng.random() < 0.85 else f"{s} {nm.first(ch, chsc)}"
            k0, s0 = ch.surnames[0][1]
            if ch.sex == "F" and (k0, s0) != pop.stem_at(ch, ref) and rng.random() < 0.25:
                t += f" ({nm.sur_of(k0, s0, 'F', chsc)})"
            t = F.name(t, file=FILE)
            c = ws.cell(row=r, column=2, value=t)
            c.alignment = Alignment(indent=2)
            ws.cell(row=r, column=1, value=f"{k}.{j}")
            cb = F.birth(ch.birth, file=FILE)
            x = rng.random()
            if x < 0.50:
                c = ws.cell(row=r, column=3, value=cb)
                c.number_format = "DD.MM.YYYY"
                bk = "full"
            elif x < 0.72:
                ws.cell(row=r, column=3, value=excel_serial(cb))     # typed as a number, General format
                bk = "full"
            elif x < 0.95:
                ws.cell(row=r, column=3, value=f_dmy(cb))
                bk = "full"
            else:
                ws.cell(row=r, column=3, value=f"{cb.year} ж.т.")
                bk = "partial"
            ci = F.iin(ch.iin, file=FILE) if rng.random() < 0.65 else None
            ws.cell(row=r, column=4, value=ci)
            ws.cell(row=r, column=5, value=("ұлы / сын" if ch.sex == "M" else "қызы / дочь"))
            if ch.death and ch.death <= d:
                ws.cell(row=r, column=12, value="қайтыс болған / умер(ла)")
            ctx.t(FILE, str(rid), ch, ev_of(bool(ci), True, bk))
            nch += 1
    ws.sheet_properties.outlinePr.summaryBelow = False
    for col, wdt in zip("ABCDEFGHIJKLM", [8, 42, 14, 15, 14, 44, 36, 15, 10, 12, 14, 22, 18]):
        ws.column_dimensions[col].width = wdt
    ws.freeze_panes = ws.cell(row=HR + 1, column=1)
    wb.properties.creator = "Басқарма"
    wb.properties.created = dt.datetime(2025, 1, 15, 9, 0, 0)
    wb.properties.modified = dt.datetime(2025, 1, 15, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue())
    ctx.stat_files[FILE] = {"rows": rid, "nominations": len(noms), "mothers": len({m.pid for _, m in noms}),
                            "husbands": nhu, "children_rows": nch, "persons": rid + nhu}


def fix_zip(data):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-15T09:00:00Z</dcterms:modified>', body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


# ---------------------------------------------------------------- 7. medical insurance lists (two header lines)
EMPLOYERS = {"rudny": ("АО «Тобыл Кен Комбинаты»", 0.45, 0.16), "lisak": ("ТОО «Лисаков Металл»", 0.34, 0.12),
             "kost": ("ТОО «Қостанай Агромаш»", 0.11, 0.04)}


def dms(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "dms_borderau.csv"
    spells = []
    for p in pop.persons:
        if p.outsider:
            continue
        d = rdate(rng, D(2008, 1, 1), D(2023, 6, 30))
        if not (20 <= age(p.birth, d) <= 58) or not pop.alive(p, d):
            continue
        t = pop.town_at(p, d)
        if t not in EMPLOYERS:
            continue
        emp, pm, pf = EMPLOYERS[t]
        if rng.random() >= min(0.9, (pm if p.sex == "M" else pf) * p.vis):
            continue
        e = min(END, d + dt.timedelta(days=rng.randint(700, 16 * 365)), yrs(p.birth, 63))
        spells.append((p, t, d, e))
    tab = {}
    rows = []
    for (p, t, a, b) in spells:
        tab[p.pid] = rng.randint(10000, 99999)
        for Y in (2020, 2022, 2024):
            ref = D(Y, 2, 1)
            if not (a <= ref <= b) or not pop.alive(p, ref) or pop.town_at(p, ref) is None:
                continue
            fam = [("emp", p)]
            sp = pop.spouse_at(p, ref)
            if sp is not None and rng.random() < 0.85:
                fam.append(("sp", sp))
            for c in sorted(p.children, key=lambda c: c.birth):
                if pop.alive(c, ref) and age(c.birth, ref) < 18 and pop.home_at(c, ref) is pop.home_at(p, ref):
                    fam.append(("ch", c))
            if rng.random() < 0.05:
                for par in (p.mother, p.father):
                    if par is not None and pop.alive(par, ref) and age(par.birth, ref) < 75:
                        fam.append(("par", par))
            rows.append((Y, t, p, fam))
    rows.sort(key=lambda r: (r[0], EMPLOYERS[r[1]][0], tab[r[2].pid]))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["Полис №", "Жыл", "Сақтанушы", "Таб. №", "Сақтандырылған Т.А.Ә.", "Туған күні", "ЖСН", "Жынысы",
                "Туыстық дәрежесі", "Қызметкердің Т.А.Ә. (отбасы мүшелері үшін)", "Телефон", "Бағдарлама",
                "Сақтандыру сомасы, теңге"])
    w.writerow(["№ полиса", "Год", "Страхователь", "Таб. №", "ФИО застрахованного", "Дата рождения", "ИИН", "Пол",
                "Степень родства", "ФИО работника (для членов семьи)", "Телефон", "Программа",
                "Страховая сумма, тенге"])
    rid = 0
    n2 = 0
    pol = Counter()
    kept = {}
    relw = {"emp": "Қызметкер / Работник", "sp": "Жұбайы / Супруг(а)", "ch": "Баласы / Ребенок",
            "par": "Ата-анасы / Родитель"}
    for (Y, t, p, fam) in rows:
        emp = EMPLOYERS[t][0]
        pol[(Y, emp)] += 1
        new_sys = Y >= 2022
        prog = rng.choice(["Стандарт", "Стандарт", "Премиум"])
        summ = {"Стандарт": 1500000, "Премиум": 3000000}[prog]
        # the employee's name as written on family rows
        if new_sys:
            esc = "kk" if p.people == "kz" and rng.random() < 0.5 else "ru"
        else:
            esc = "ru"
        ekey = ("emp", p.pid, pop.stem_at(p, D(Y, 2, 1)), esc, new_sys)
        ref = D(Y, 2, 1)
        for role, q in fam:
            rid += 1
            qsc = esc if q.people == "kz" else "ru"
            key = (q.pid, pop.stem_at(q, ref), qsc, new_sys)
            if key not in kept or rng.random() < 0.1:
                full = f"{nm.sur(q, ref, qsc)} {nm.first(q, qsc)} {nm.pat(q, qsc)}" if rng.random() < 0.93 else \
                    f"{nm.sur(q, ref, qsc)} {nm.first(q, qsc)}"
                full = F.name(full, file=FILE)
                if not new_sys:
                    full = full.upper()
                kept[key] = (full, F.birth(q.birth, file=FILE),
                             F.iin(q.iin, file=FILE) if rng.random() < {"emp": 0.97, "sp": 0.88, "ch": 0.85, "par": 0.8}[role] else None)
            full, b, iin = kept[key]
            if role == "ch" and iin and rng.random() < 0.01:
                iin = p.iin       # the employee's IIN on the child's line
                F.n[(FILE, "parent_iin_on_child")] += 1
            if new_sys:
                bs = f"{b.day:02d} {MON_EN[b.month - 1]} {b.year}" if rng.random() < 0.8 else f_dmy(b, "/")
            else:
                bs = f_dmy(b) if role != "ch" or rng.random() < 0.6 else f_dmy(b, "/")
            empname = ""
            if role != "emp":
                if ekey not in kept or rng.random() < 0.1:
                    x = rng.random()
                    if x < 0.5:
                        en_ = f"{nm.sur(p, ref, esc)} {nm.first(p, esc)[0]}.{nm.pat(p, esc)[0]}."
                        eev = "initials"
                    else:
                        en_ = f"{nm.sur(p, ref, esc)} {nm.first(p, esc)} {nm.pat(p, esc)}"
                        eev = "name"
                    if not new_sys:
                        en_ = en_.upper()
                    kept[ekey] = (en_, eev)
                empname, eev = kept[ekey]
            ph = pop.phone_at(q, ref) if age(q.birth, ref) >= 16 else pop.phone_at(p, ref)
            sex = ("М" if q.sex == "M" else "Ж") if not new_sys else ("M" if q.sex == "M" else "F")
            w.writerow([f"ДМС-{Y}-{pol[(Y, emp)]:04d}" if role == "emp" else f"ДМС-{Y}-{pol[(Y, emp)]:04d}", Y, emp,
                        tab[p.pid], full, bs, iin or "", sex, relw[role], empname,
                        phone_fmt(rng, ph, "paren" if not new_sys else "plus") if ph and rng.random() < 0.8 else "",
                        prog, summ])
            ctx.t(FILE, str(rid), q, ev_of(bool(iin), True, "full"))
            if role != "emp":
                ctx.t(FILE, f"{rid}#2", p, "surname+initials+row relations/contact" if eev == "initials" else
                      "name+row relations/contact")
                n2 += 1
    w.writerow(["Барлығы / Итого застрахованных:", rid, "", "", "", "", "", "", "", "", "", "", ""])
    ctx.files[FILE] = out.getvalue().encode("utf-8")
    ctx.stat_files[FILE] = {"rows": rid, "employees": len({r[2].pid for r in rows}), "employee_on_family_rows": n2,
                            "persons": rid + n2}


# ---------------------------------------------------------------- 8. public service centres' e-queue (Elasticsearch _bulk)
BRANCHES = {"kost": [("KST-01", "ЦОН №1 г. Костанай"), ("KST-02", "ЦОН №2 г. Костанай")],
            "rudny": [("RUD-01", "ЦОН г. Рудный")], "lisak": [("LIS-01", "ЦОН г. Лисаковск")],
            "arkalyk": [("ARK-01", "ЦОН г. Аркалык")], "zhitik": [("ZHT-01", "ЦОН г. Житикара")],
            "tobyl": [("KSR-01", "ЦОН Костанайского района")], "karab": [("KRB-01", "ЦОН Карабалыкского района")],
            "fedor": [("FED-01", "ЦОН Федоровского района")], "denis": [("DEN-01", "ЦОН Денисовского района")],
            "aulie": [("AUL-01", "ЦОН Аулиекольского района")]}
SERVICES_ADULT = [("0301", "Выдача удостоверения личности", "Жеке куәлік беру"),
                  ("0302", "Выдача паспорта гражданина РК", "ҚР азаматының паспортын беру"),
                  ("0510", "Регистрация по месту жительства", "Тұрғылықты жері бойынша тіркеу"),
                  ("0711", "Регистрация транспортного средства", "Көлік құралын тіркеу"),
                  ("1203", "Выдача справки о пенсионных отчислениях", "Зейнетақы жарналары туралы анықтама"),
                  ("0404", "Регистрация прав на недвижимость", "Жылжымайтын мүлікке құқықты тіркеу")]
SERVICES_CHILD = [("0101", "Регистрация рождения ребенка", "Баланың тууын тіркеу"),
                  ("0905", "Постановка в очередь в детский сад", "Балабақшаға кезекке қою"),
                  ("0301", "Выдача удостоверения личности (16 лет)", "Жеке куәлік беру (16 жас)")]
# services that the other registers' people come for
NEEDS = {"snt_vedomost.xls": ("0404", "Регистрация прав на недвижимость (садовый участок)",
                              "Жылжымайтын мүлікке құқықты тіркеу (саяжай учаскесі)"),
         "sharua_qozhalyqtary.parquet": ("0612", "Регистрация права на земельный участок (КХ)",
                                         "Жер учаскесіне құқықты тіркеу (ШҚ)"),
         "qamqorshylyq.csv": ("1310", "Назначение пособия опекунам на содержание ребенка",
                              "Қамқоршыларға баланы асырауға жәрдемақы тағайындау"),
         "altyn_alqa.xlsx": ("1105", "Назначение пособия многодетным матерям", "Көпбалалы аналарға жәрдемақы тағайындау"),
         "wiedergeburt_mitglieder.json": ("0215", "Выдача справки о наличии либо отсутствии судимости",
                                          "Соттылығының болуы не болмауы туралы анықтама беру"),
         "dms_borderau.csv": ("0510", "Регистрация по месту жительства", "Тұрғылықты жері бойынша тіркеу"),
         "shahmat_reiting.txt": ("0302", "Выдача паспорта гражданина РК", "ҚР азаматының паспортын беру")}
SERVICES_ELDER = [("1101", "Назначение пенсионных выплат по возрасту", "Жасына байланысты зейнетақы тағайындау"),
                  ("1107", "Назначение социального пособия", "Әлеуметтік жәрдемақы тағайындау")]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def svc_letter(code):
    return "АБВГД"[int(code[:2]) % 5]


def equeue(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "tson_kezek.jsonl"
    W0, W1 = D(2021, 1, 4), D(2024, 12, 27)
    seen = defaultdict(set)
    for fl, rid_, pid in ctx.truth:
        seen[pid].add(fl)
    visits = []
    for p in pop.persons:
        if p.outsider:
            continue
        # visits while 18 or more and living in the region: now and then, and for what the other registers need
        needs = sorted(seen.get(p.pid, ()))
        pr = min(0.5, 0.065 * p.vis) + (0.32 if needs else 0.0)
        n = sum(1 for _ in range(4) if rng.random() < pr)
        for _ in range(n):
            d = rdate(rng, W0, W1)
            if d.weekday() == 6:
                d = d - dt.timedelta(days=1)
            if not pop.alive(p, d) or age(p.birth, d) < 18 or pop.town_at(p, d) is None:
                continue
            visits.append((d, p, rng.choice(needs) if needs and rng.random() < 0.5 else None))
    visits.sort(key=lambda v: (v[0], v[1].pid))
    lines = []
    n_rep = n_child = 0
    operators = {k: [ctx.official() for _ in range(3)] for k in BRANCHES}
    counters = Counter()
    for rid, (d, p, need) in enumerate(visits, start=1):
        town = pop.town_at(p, d)
        code, bname = rng.choice(BRANCHES[town])
        counters[(code, d)] += 1
        ts = dt.datetime(d.year, d.month, d.day, rng.randint(9, 17), rng.randint(0, 59), rng.randint(0, 59),
                         rng.randint(0, 999) * 1000)
        kids = [c for c in p.children if pop.alive(c, d) and age(c.birth, d) < 16 and pop.home_at(c, d) is pop.home_at(p, d)]
        old = age(p.birth, d) >= 60
        x = rng.random()
        child = None
        rep_ = None
        client = p
        if need is not None:
            svc = NEEDS[need]
        elif kids and x < 0.35:
            child = rng.choice(kids)
            svc = SERVICES_CHILD[0] if age(child.birth, d) < 1 else (SERVICES_CHILD[1] if age(child.birth, d) < 6 else
                                                                      rng.choice(SERVICES_ADULT[:1] + SERVICES_ADULT[2:3]))
        elif old and x < 0.6:
            svc = rng.choice(SERVICES_ELDER)
            # an elderly client served through an adult child with a notarised power of attorney
            helpers = [c for c in p.children if pop.alive(c, d) and age(c.birth, d) >= 18 and pop.town_at(c, d)]
            if helpers and rng.random() < 0.35:
                rep_ = rng.choice(helpers)
        else:
            svc = rng.choice(SERVICES_ADULT)
        # the client: from the state database by the IIN (upper case, Kazakh letters from 2022), or typed
        ph = pop.phone_at(p, d)
        scanned = rng.random() < 0.86 or ph is None
        if scanned:
            sc = "kk" if p.people == "kz" and d >= D(2022, 1, 1) else "ru"
            fio = f"{nm.sur(p, d, sc)} {nm.first(p, sc)} {nm.pat(p, sc)}".upper()
            cl = {"iin": F.iin(p.iin, rate=0.01, file=FILE), "fio": fio,
                  "birth_date": F.birth(p.birth, rate=0.003, file=FILE).isoformat()}
            ev = "iin"
        else:
            y = rng.random()
            t = f"{nm.sur(p, d, 'ru')} {nm.first(p, 'ru')}" if y < 0.45 else \
                f"{nm.first(p, 'ru')} {nm.sur(p, d, 'ru')}" if y < 0.75 else \
                f"{nm.sur(p, d, 'ru')} {nm.first(p, 'ru')[0]}.{nm.pat(p, 'ru')[0]}."
            cl = {"iin": None, "fio": F.name(t, file=FILE), "birth_date": None}
            ev = "name+row relations/contact" if "." not in t else "surname+initials+row relations/contact"
        # a ticket booked by SMS holds the phone; one taken at the terminal by the IIN, in 70 %
        cl["phone"] = ("7" + ph) if ph and (not scanned or rng.random() < 0.7) else None
        src = {"@timestamp": ts.isoformat(timespec="milliseconds") + "+06:00" if d < D(2024, 3, 1) else
               ts.isoformat(timespec="milliseconds") + "+05:00",
               "ticket": f"{svc_letter(svc[0])}-{(counters[(code, d)] * 7 + rng.randint(0, 60)) % 1000:03d}",
               "branch": {"code": code, "name": bname},
               "service": {"code": svc[0], "name_ru": svc[1], "name_kk": svc[2]},
               "client": cl, "representative": None, "child": None}
        if rep_ is not None:
            rsc = "kk" if rep_.people == "kz" and d >= D(2022, 1, 1) else "ru"
            rf = f"{nm.sur(rep_, d, rsc)} {nm.first(rep_, rsc)} {nm.pat(rep_, rsc)}".upper()
            src["representative"] = {"iin": F.iin(rep_.iin, rate=0.01, file=FILE), "fio": rf,
                                     "poa": f"№{rng.randint(100, 9999)} от {f_dmy(d - dt.timedelta(days=rng.randint(3, 300)))}"}
        if child is not None:
            csc = "kk" if child.people == "kz" and d >= D(2022, 1, 1) else "ru"
            chs = {"iin": F.iin(child.iin, rate=0.01, file=FILE) if rng.random() < 0.95 else None,
                   "fio": f"{nm.sur(child, d, csc)} {nm.first(child, csc)} {nm.pat(child, csc)}".upper(),
                   "birth_date": child.birth.isoformat()}
            src["child"] = chs
        src["operator"] = rng.choice(operators[town])
        src["status"] = rng.choice(["SERVED"] * 8 + ["NO_SHOW", "REDIRECTED"])
        src["wait_sec"] = rng.randint(30, 5400)
        idx = f"eqm-tickets-{d.year}.{d.month:02d}"
        did = "".join(rng.choice(B64) for _ in range(20))
        lines.append(json.dumps({"index": {"_index": idx, "_id": did}}, separators=(",", ":")))
        lines.append(json.dumps(src, ensure_ascii=False, separators=(",", ":")))
        ctx.t(FILE, str(rid), p, ev)
        if rep_ is not None:
            ctx.t(FILE, f"{rid}#2", rep_, "iin")
            n_rep += 1
        if child is not None:
            ctx.t(FILE, f"{rid}#3", child, "iin" if src["child"]["iin"] else "name+birth")
            n_child += 1
    ctx.files[FILE] = ("\n".join(lines) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"documents": len(visits), "lines": len(lines), "representatives": n_rep,
                            "children": n_child, "persons": len(visits) + n_rep + n_child,
                            "visits_for_another_register": sum(1 for v in visits if v[2])}


# ----------------------------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    ctx = Ctx(a.seed, a.persons)
    chess(ctx)
    garden(ctx)
    german(ctx)
    farms(ctx)
    guardianship_file(ctx)
    alqa(ctx)
    dms(ctx)
    equeue(ctx)
    os.makedirs(a.out, exist_ok=True)
    for name, body in ctx.files.items():
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(body)
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "record_id", "person_id"])
        for row in ctx.truth:
            w.writerow(row)
    pop = ctx.pop
    by_person = Counter(pid for _, _, pid in ctx.truth)
    files_of = defaultdict(set)
    for fl, _, pid in ctx.truth:
        files_of[pid].add(fl)
    pairs = sum(n * (n - 1) // 2 for n in by_person.values())
    fp = Counter()
    for pid, n in by_person.items():
        pass
    recs = defaultdict(Counter)
    for fl, _, pid in ctx.truth:
        recs[pid][fl] += 1
    pair_by_files = Counter()
    for pid, c in recs.items():
        fl = sorted(c)
        for i, f1 in enumerate(fl):
            pair_by_files[(f1, f1)] += c[f1] * (c[f1] - 1) // 2
            for f2 in fl[i + 1:]:
                pair_by_files[(f1, f2)] += c[f1] * c[f2]
    inside = [p for p in pop.persons if not p.outsider]
    st = {
        "seed": a.seed,
        "persons_drawn": len(inside),
        "outsiders_written": sum(1 for p in pop.persons if p.outsider and by_person.get(p.pid)),
        "population": dict(sorted(pop.stats.items())),
        "peoples": dict(sorted(Counter(p.people for p in inside).items())),
        "couples": sum(len([m for m in p.marriages if m.h is p]) for p in inside),
        "twins_persons": sum(1 for p in inside if p.twin),
        "phones_changed": sum(1 for p in inside if len(p.phones) > 1),
        "deaths": sum(1 for p in inside if p.death),
        "persons_with_two_or_more_surnames": sum(1 for p in inside if len({s for _, s in p.surnames}) > 1),
        "records": len(ctx.truth),
        "persons_in_extracts": len(by_person),
        "persons_by_number_of_files": dict(sorted(Counter(len(v) for v in files_of.values()).items())),
        "true_pairs": pairs,
        "true_pairs_by_file_pair": {f"{k[0]} | {k[1]}": v for k, v in sorted(pair_by_files.items())},
        "files": ctx.stat_files,
        "faults": {f"{k[0]}:{k[1]}": v for k, v in sorted(ctx.faults.n.items())},
        "evidence": {f: dict(sorted(c.items())) for f, c in ctx.evidence.items()},
    }
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(st, f, ensure_ascii=False, indent=1)
    print(json.dumps({"records": st["records"], "persons_in_extracts": st["persons_in_extracts"], "true_pairs": pairs,
                      "files": {k: v.get("persons") for k, v in ctx.stat_files.items()}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
