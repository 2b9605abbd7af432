#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A twenty-eighth linkage writer's generator, written apart from the project (from the linkage issue's text, the
# README's linkage part, `ukimet link --help`, extracts_twentyseventh.md and extracts_twentyseventh.py alone), kept as
# its writer wrote it.
"""Eight extracts of Abai region (Semey, Ayagoz, Kurchatov, Urzhar and the villages around the former test site),
with their truth.

python bench/extracts_twentyeighth.py --seed S --out DIR [--persons N]

Writes, in DIR:
  poligon_kualik.xlsx    the register of certificates of persons affected by the nuclear tests at the Semipalatinsk
                         test site (a journal typed into Excel from the paper books: ditto marks `-"-`, `-//-`,
                         `то же` for a value the row above has)
  dozimetr.parquet       the National Nuclear Centre's (Kurchatov) individual dose records, a row per worker and
                         year (an Oracle query whose join on the department history has no date condition: each year
                         of a worker who changed departments is there once per department he ever had)
  ara_pasekalary.txt     the Urzhar district veterinary station's register of apiaries (a mysqldump of the station's
                         small web application: CREATE TABLE and extended INSERT statements, three tables)
  abai_oqulary.tsv       the "Abai readings" recitation contest's online registrations (the web server's access log
                         of the form's POST requests, tab-separated: URL-encoded bodies until 2022, then JSON bodies
                         with nginx's \\xNN escapes)
  baige.json             horse races (бәйге) of Ayagoz, Urzhar and Abai districts: entries with the horse's owner,
                         the child jockey, and the prize's recipient written in the Kazakh dative (`Ахметов Серікке`)
  gnmr_urpaqtar.csv      the radiation medicine institute's register of the exposed population and their
                         descendants (a PostgreSQL export, a row per exposed person, the descendants in parallel
                         string_agg lists; the IIN list skips the descendants without an IIN)
  otyn_bilet.xls         a forest reserve's firewood tickets (a binary Excel 97-2003 workbook; the full name split
                         by Excel's Text to Columns, a fourth word spilling into a column without a header)
  sut_tapsyru.jsonl      a dairy's monthly payments for milk collected in the villages (a mobile app's sync log: in
                         2023 each line is a JSON string holding the JSON, from 2024 a JSON object)
  truth.csv              file,record_id,person_id
  stats.json             counts
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
import struct
import zipfile
from collections import Counter, defaultdict
from urllib.parse import quote_plus

D = dt.date
END = D(2024, 12, 31)
EPOCH = D(1970, 1, 1)

# ----------------------------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------------------------
KZ_M = {
    0: "Жұмабек Қабыл Мұқан Сәбит Төлеген Омар Ахмет Кәрім Ғалым Қасым Мұхтар Бейсен Тұрсын Әділбек Зейнолла Шәкен "
       "Рахым Серікбай Кеңес Жақып Мырзахан Сағындық Әбдікәрім Нұрғали".split(),
    1: "Серік Қайрат Ерлан Нұрлан Бауыржан Асқар Марат Талғат Ержан Мұрат Жанат Ғалымжан Дәурен Азамат Нұржан "
       "Ерболат Руслан Арман Ермек Дәулет Қанат Болат Самат Ерғали Бақытжан".split(),
    2: "Нұрсұлтан Алихан Ерасыл Нұрасыл Әлихан Дархан Ерназар Айбар Ақжол Нұрдәулет Санжар Диас Мирас Әли Ислам "
       "Алдияр Арсен Темірлан Бексұлтан Абылай Рамазан Ерқанат Жарқын".split(),
}
KZ_F = {
    0: "Бибігүл Күлән Зәуреш Рабиға Мәриям Күләш Шолпан Балқия Айман Ұлбосын Зағира Раушан Бақыт Сара Қанипа Алтын "
       "Гүлсім Жамал".split(),
    1: "Гүлнар Айгүл Жанар Сәуле Гүлмира Салтанат Ләззат Динара Әсел Жазира Ақмарал Бақытгүл Гүлжан Жанна Роза "
       "Эльмира Назгүл Айнұр Гаухар Шынар Меруерт Гүлнұр".split(),
    2: "Аружан Айару Ақбота Мөлдір Аяулым Дана Томирис Жансая Әйгерім Назерке Айзере Камила Мадина Аяжан Айша "
       "Сабина Інжу Айым Балнұр".split(),
}
KZ_OLD = ("Жүсіп Қасым Мұқаш Бекен Сағындық Әбіш Жұмабай Оспан Ыбырай Тоқтар Сыздық Нұрғожа Смағұл Байжан Кенжебай "
          "Әлжан Тұрлыбек Мәжит Есенжол Дүйсен Шайхы Ысқақ Құсайын Ерғазы").split()
KZ_RU = {"Жұмабек": "Жумабек", "Сәбит": "Сабит", "Кәрім": "Карим", "Ғалым": "Галым", "Әділбек": "Адильбек",
         "Шәкен": "Шакен", "Серікбай": "Серикбай", "Кеңес": "Кенес", "Жақып": "Жакуп", "Сағындық": "Сагиндык",
         "Әбдікәрім": "Абдикарим", "Нұрғали": "Нургали", "Серік": "Серик", "Ғалымжан": "Галымжан", "Дәурен": "Даурен",
         "Дәулет": "Даулет", "Ерғали": "Ергали", "Нұрдәулет": "Нурдаулет", "Әлихан": "Алихан", "Әли": "Али",
         "Темірлан": "Темирлан", "Ерқанат": "Ерканат", "Бибігүл": "Бибигуль",
         "Күлән": "Кулян", "Зәуреш": "Зауреш", "Мәриям": "Марьям", "Күләш": "Кулаш", "Гүлсім": "Гульсим",
         "Гүлнар": "Гульнар", "Айгүл": "Айгуль", "Гүлмира": "Гульмира", "Ләззат": "Ляззат", "Әсел": "Асель",
         "Бақытгүл": "Бакытгуль", "Гүлжан": "Гульжан", "Назгүл": "Назгуль", "Гүлнұр": "Гульнур", "Мөлдір": "Молдир",
         "Әйгерім": "Айгерим", "Інжу": "Инжу", "Қанипа": "Канипа", "Жүсіп": "Жусуп", "Әбіш": "Абиш", "Әлжан": "Альжан",
         "Мәжит": "Мажит", "Ыбырай": "Ибрай", "Нұрғожа": "Нургожа", "Смағұл": "Смагул", "Ысқақ": "Искак",
         "Дүйсен": "Дюсен", "Құсайын": "Кусаин", "Ерғазы": "Ергазы"}

RU_M = {
    0: "Иван Николай Василий Пётр Михаил Александр Виктор Анатолий Алексей Григорий Фёдор Владимир Павел Геннадий "
       "Юрий".split(),
    1: "Сергей Александр Андрей Алексей Дмитрий Игорь Евгений Олег Владимир Юрий Валерий Николай Павел Роман Денис "
       "Вадим Константин Виталий".split(),
    2: "Артём Максим Даниил Кирилл Никита Илья Александр Дмитрий Матвей Егор Иван Тимофей Михаил Роман Глеб".split(),
}
RU_F = {
    0: "Анна Мария Валентина Галина Нина Людмила Тамара Зинаида Антонина Раиса Лидия Надежда Вера Любовь".split(),
    1: "Елена Ольга Татьяна Наталья Ирина Светлана Юлия Марина Оксана Екатерина Надежда Людмила Галина Лариса "
       "Евгения Анастасия".split(),
    2: "Анастасия Дарья Мария Анна Полина Виктория Елизавета Софья Ксения Алина Екатерина Арина Вероника".split(),
}
# the old church names of the Old Believer villages of the Irtysh forest (Бородулиха, Бескарагай)
OB_M = "Ефим Савелий Прокопий Никифор Афанасий Терентий Онисим Агафон Евстафий Фрол".split()
OB_F = "Агафья Евдокия Ефросинья Аграфена Пелагея Акулина Ульяна Марфа Феврония Анисья".split()
TAT_M = {0: "Рашид Гариф Фарид Равиль Наиль Шамиль Ахмет Мансур".split(),
         1: "Рустам Ильдар Айдар Ринат Марат Равиль Фарид Дамир Тимур Камиль".split(),
         2: "Тимур Амир Карим Артур Эмиль Булат Ислам Самир".split()}
TAT_F = {0: "Раиса Зайнаб Фатима Хадича Сания Галия Рауза".split(),
         1: "Гульнара Алсу Резеда Зульфия Лилия Эльмира Диляра Альфия Ляйсан".split(),
         2: "Алина Камила Эмилия Алсу Дина Ясмина Амина".split()}
DE_M0 = "Иоганн Генрих Роберт Эдуард Вальдемар Артур Давид Яков Фридрих Александр".split()
DE_F0 = "Эмма Фрида Эрна Эльвира Амалия Лидия Мария Ирма Эльза".split()

UA_SUR = "Ткаченко Бондаренко Коваленко Шевченко Кравченко Мельник Бойко Лысенко Савченко Руденко".split()
RU_SUR = ("Иванов Кузнецов Попов Смирнов Волков Морозов Лебедев Новиков Фёдоров Зайцев Соловьёв Белов Колесников "
          "Черепанов Бочкарёв Пешков Шадрин Зырянов Вяткин Брагин Мальцев Ушаков Паутов Шипулин Рябов Кошелев "
          "Подкорытов Макаров").split()
TAT_SUR = "Хабибуллин Сафин Валиев Гарипов Ахмеров Зарипов Шарипов Галимов Юсупов Мухаметшин Хайруллин Нуриев".split()
DE_SUR = "Миллер Шмидт Вебер Шнайдер Вагнер Беккер Гейнрих Классен Нейфельд Петерс Фризен Кох".split()
SUR_KZ = [("Ахметов", "Ахметов"), ("Оспанов", "Оспанов"), ("Қасымов", "Касымов"), ("Сейітов", "Сеитов"),
          ("Жұмабаев", "Жумабаев"), ("Төлеуов", "Тулеуов"), ("Сыздықов", "Сыздыков"), ("Әбдірахманов", "Абдрахманов"),
          ("Нұрғалиев", "Нургалиев"), ("Бейсембаев", "Бейсембаев"), ("Мұхамедиев", "Мухамедиев"),
          ("Қабдешев", "Кабдешев"), ("Ысқақов", "Искаков"), ("Тәукенов", "Таукенов"), ("Байжігітов", "Байжигитов"),
          ("Жақсыбеков", "Жаксыбеков"), ("Шәймерденов", "Шаймерденов"), ("Құсайынов", "Кусаинов"),
          ("Әубәкіров", "Абубакиров"), ("Мақсұтов", "Максутов"), ("Ерғалиев", "Ергалиев"), ("Қалиев", "Калиев"),
          ("Серікбаев", "Серикбаев"), ("Тоқтаров", "Токтаров"), ("Бөкейханов", "Букейханов"), ("Әлімбаев", "Алимбаев"),
          ("Дүйсенбаев", "Дюсембаев"), ("Рахметов", "Рахметов"), ("Жанұзақов", "Жанузаков"), ("Мұқышев", "Мукушев"),
          ("Қожамжаров", "Кожамжаров"), ("Орынбасаров", "Орынбасаров"), ("Смайылов", "Смаилов"),
          ("Ғабитов", "Габитов"), ("Бекбосынов", "Бекбосынов"), ("Тұрсынбаев", "Турсынбаев"),
          ("Әділбеков", "Адильбеков"), ("Кенжеғалиев", "Кенжегалиев")]
SUR_KZ_RU = dict(SUR_KZ)

PAT_EXC = {"Пётр": ("Петрович", "Петровна"), "Павел": ("Павлович", "Павловна"), "Илья": ("Ильич", "Ильинична"),
           "Никита": ("Никитич", "Никитична"), "Михаил": ("Михайлович", "Михайловна"),
           "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Даниил": ("Даниилович", "Данииловна"),
           "Артём": ("Артёмович", "Артёмовна"), "Яков": ("Яковлевич", "Яковлевна"),
           "Фрол": ("Фролович", "Фроловна"), "Никифор": ("Никифорович", "Никифоровна"),
           "Зейнолла": ("Зейноллаевич", "Зейноллаевна"), "Нұрғали": ("Нұрғалиевич", "Нұрғалиевна"),
           "Нургали": ("Нургалиевич", "Нургалиевна"), "Ерғали": ("Ерғалиевич", "Ерғалиевна"),
           "Ергали": ("Ергалиевич", "Ергалиевна"), "Әли": ("Әлиевич", "Әлиевна"), "Али": ("Алиевич", "Алиевна")}

SHORT = {"Александр": "Саша", "Алексей": "Лёша", "Анастасия": "Настя", "Анна": "Аня", "Дмитрий": "Дима",
         "Евгений": "Женя", "Екатерина": "Катя", "Елена": "Лена", "Иван": "Ваня", "Мария": "Маша", "Михаил": "Миша",
         "Наталья": "Наташа", "Николай": "Коля", "Ольга": "Оля", "Сергей": "Серёжа", "Светлана": "Света",
         "Татьяна": "Таня", "Юлия": "Юля", "Владимир": "Вова", "Виктор": "Витя", "Галина": "Галя", "Людмила": "Люда",
         "Надежда": "Надя", "Валентина": "Валя", "Юрий": "Юра", "Ирина": "Ира", "Нұрлан": "Нұрик", "Нурлан": "Нурик",
         "Ерлан": "Ерик", "Ержан": "Ерик", "Бауыржан": "Бауке", "Гүлнар": "Гүля", "Гульнар": "Гуля",
         "Гүлмира": "Гүля", "Гульмира": "Гуля", "Салтанат": "Салта", "Ақбота": "Бота", "Акбота": "Бота",
         "Айгүл": "Айгүш", "Айгуль": "Айгуш"}

# ----------------------------------------------------------------------------------------------------------------
# scripts
# ----------------------------------------------------------------------------------------------------------------
KK2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
VOW_CY = "аеёиоуыэюяәөұүі"
ICAO = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia"}


def cap_like(src_ch, out):
    if not out:
        return out
    return out[0].upper() + out[1:] if src_ch.isupper() else out


def icao(s):
    return "".join(cap_like(ch, ICAO[ch.lower()]) if ch.lower() in ICAO else ch for ch in s)


def informal(s, rng):
    """A person's own Latin of a name (one habit per call)."""
    zh = rng.choice(["zh", "zh", "j"])
    kh = rng.choice(["kh", "h", "h"])
    t = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": zh, "з": "z",
         "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p",
         "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": kh, "һ": "h", "ц": "ts", "ч": "ch",
         "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
    return "".join(cap_like(ch, t[ch.lower()]) if ch.lower() in t else ch for ch in s)


def kk2ru(s):
    return s.translate(KK2RU)


def fem(s):
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    return s


def ru_pat(base, sex):
    i = 0 if sex == "M" else 1
    if base in PAT_EXC:
        return PAT_EXC[base][i]
    if base.endswith("ий"):
        return base[:-2] + ("ьевич", "ьевна")[i]
    if base.endswith("й"):
        return base[:-1] + ("евич", "евна")[i]
    if base.endswith("ь"):
        return base[:-1] + ("евич", "евна")[i]
    if base[-1] in "ая":
        return base[:-1] + ("ович", "овна")[i]
    if base[-1] in VOW_CY:
        return base + ("евич", "евна")[i]
    return base + ("ович", "овна")[i]


# the Kazakh dative: the ending goes on the last word of the name (Ахметов Серікке, Серік Қайратұлына)
BACK = set("аоұыя")
FRONT = set("әөүіеэ")
VOICELESS = set("кқпстфхцчшщ")


def kk_dative(w):
    lo = w.lower()
    harm = None
    for ch in reversed(lo):
        if ch in BACK:
            harm = "b"
            break
        if ch in FRONT:
            harm = "f"
            break
    if harm is None:
        harm = "b"
    if lo.endswith(("ұлы", "қызы", "улы", "кызы")):
        return w + ("на" if harm == "b" else "не")
    last = lo[-1]
    if last in VOW_CY:
        return w + ("ға" if harm == "b" else "ге")
    if last in VOICELESS:
        return w + ("қа" if harm == "b" else "ке")
    return w + ("ға" if harm == "b" else "ге")


# ----------------------------------------------------------------------------------------------------------------
# places: Abai region (until June 2022 the west of East Kazakhstan region)
# ----------------------------------------------------------------------------------------------------------------
# key: ru, kk, kind ru, kind kk, district ru, district kk, [(until, older Russian name)], test-site zone
ZONES = {"x": "зона чрезвычайного радиационного риска", "m": "зона максимального радиационного риска",
         "p": "зона повышенного радиационного риска", "n": "зона минимального радиационного риска",
         "l": "территория с льготным социально-экономическим статусом"}
TOWNS = {
    "sem": ("Семей", "Семей", "г.", "қ.", None, None, [(D(2007, 6, 21), "Семипалатинск")], "p"),
    "aya": ("Аягоз", "Аягөз", "г.", "қ.", "Аягозский", "Аягөз", [(D(1997, 5, 7), "Аягуз")], "n"),
    "kur": ("Курчатов", "Курчатов", "г.", "қ.", None, None, [], "m"),
    "urz": ("Урджар", "Үржар", "с.", "а.", "Урджарский", "Үржар", [], "l"),
    "mak": ("Маканчи", "Мақаншы", "с.", "а.", "Урджарский", "Үржар", [], "l"),
    "bes": ("Бескарагай", "Бесқарағай", "с.", "а.", "Бескарагайский", "Бесқарағай", [], "p"),
    "bor": ("Бородулиха", "Бородулиха", "с.", "а.", "Бородулихинский", "Бородулиха", [], "p"),
    "shr": ("Шар", "Шар", "г.", "қ.", "Жарминский", "Жарма", [(D(1997, 5, 7), "Чарск")], "n"),
    "kal": ("Калбатау", "Қалбатау", "с.", "а.", "Жарминский", "Жарма", [(D(2007, 1, 1), "Георгиевка")], "n"),
    "kar": ("Караул", "Қарауыл", "с.", "а.", "Абайский", "Абай", [], "m"),
    "aks": ("Аксуат", "Ақсуат", "с.", "а.", "Аксуатский", "Ақсуат", [], "l"),
    "sar": ("Саржал", "Саржал", "с.", "а.", "Абайский", "Абай", [], "x"),
    "kai": ("Кайнар", "Қайнар", "с.", "а.", "Абайский", "Абай", [], "m"),
}
TOWN_W = [("sem", 44), ("aya", 12), ("urz", 8), ("kur", 6), ("bor", 5), ("bes", 4), ("mak", 4), ("shr", 4),
          ("kal", 4), ("kar", 3), ("aks", 3), ("sar", 1.5), ("kai", 1.5)]
# Kazakh / Russian / Tatar / German / Ukrainian
TOWN_PEOPLE = {"sem": (64, 28, 4, 2, 2), "aya": (85, 12, 1, 1, 1), "kur": (55, 40, 2, 1, 2), "urz": (90, 8, 1, 0.5, 0.5),
               "mak": (92, 7, 1, 0, 0), "bes": (55, 38, 1, 4, 2), "bor": (28, 60, 1, 9, 2), "shr": (60, 35, 2, 2, 1),
               "kal": (80, 17, 1, 1, 1), "kar": (99, 1, 0, 0, 0), "aks": (97, 3, 0, 0, 0), "sar": (99, 1, 0, 0, 0),
               "kai": (99, 1, 0, 0, 0)}
RURAL = ("urz", "mak", "bes", "bor", "kal", "kar", "aks", "sar", "kai", "shr")
KANDAS_TOWNS = ("urz", "mak", "aks", "aya")

ST_SEM = [("ул.", "Абая", "Абай көшесі"), ("пр.", "Шакарима", "Шәкәрім даңғылы"),
          ("ул.", "Физкультурная", "Физкультурная көшесі"), ("ул.", "Ауэзова", "Әуезов көшесі"),
          ("ул.", "Кабанбай батыра", "Қабанбай батыр көшесі"), ("ул.", "Уранхаева", "Уранхаев көшесі"),
          ("ул.", "Глинки", "Глинка көшесі"), ("ул.", "Найманбаева", "Найманбаев көшесі"),
          ("ул.", "Интернациональная", "Интернациональная көшесі"), ("ул.", "Валиханова", "Уәлиханов көшесі"),
          ("ул.", "Танирбергенова", "Тәңірбергенов көшесі"), ("ул.", "Жамакаева", "Жамақаев көшесі"),
          ("мкр.", "Восточный", "Шығыс ш/а"), ("ул.", "Карменова", "Кәрменов көшесі"),
          ("ул.", "Сеченова", "Сеченов көшесі"), ("ул.", "Бауыржана Момышулы", "Бауыржан Момышұлы көшесі")]
ST_KUR = [("ул.", "Курчатова", "Курчатов көшесі"), ("ул.", "Абая", "Абай көшесі"), ("ул.", "Бейбитшилик", "Бейбітшілік көшесі"),
          ("ул.", "Тауелсиздик", "Тәуелсіздік көшесі"), ("ул.", "Независимости", "Тәуелсіздік көшесі")]
ST_AYA = [("ул.", "Актамберды", "Ақтамберді көшесі"), ("ул.", "Дулатова", "Дулатов көшесі"), ("ул.", "Абая", "Абай көшесі"),
          ("ул.", "Бокина", "Бокин көшесі"), ("ул.", "Станционная", "Станция көшесі"), ("мкр.", "Восточный", "Шығыс ш/а")]
ST_VIL = [("ул.", "Школьная", "Мектеп көшесі"), ("ул.", "Абая", "Абай көшесі"), ("ул.", "Степная", "Дала көшесі"),
          ("ул.", "Мира", "Бейбітшілік көшесі"), ("ул.", "Садовая", "Бақ көшесі"), ("ул.", "Набережная", "Жағалау көшесі"),
          ("ул.", "Целинная", "Тың көшесі"), ("ул.", "Молодёжная", "Жастар көшесі"), ("ул.", "Шакарима", "Шәкәрім көшесі")]


def streets(town):
    return {"sem": ST_SEM, "kur": ST_KUR, "aya": ST_AYA}.get(town, ST_VIL)


def town_ru(key, d=None):
    t = TOWNS[key]
    if d is not None:
        for until, old in t[6]:
            if d < until:
                return old
    return t[0]


class Addr:
    __slots__ = ("town", "st", "house", "flat")

    def __init__(s, town, st, house, flat):
        s.town, s.st, s.house, s.flat = town, st, house, flat


def addr_ru(a, d=None, style="full", oblast=False):
    st = streets(a.town)[a.st]
    t = TOWNS[a.town]
    tname = town_ru(a.town, d)
    if style == "short":
        return f"{t[2]} {tname}, {st[0]} {st[1]} {a.house}" + (f"-{a.flat}" if a.flat else "")
    parts = []
    if oblast:
        parts.append("обл. Абай" if d is None or d >= D(2022, 6, 8) else "ВКО")
    if t[4]:
        parts.append(f"{t[4]} р-н")
    parts.append(f"{t[2]} {tname}")
    parts.append(f"{st[0]} {st[1]}")
    parts.append(f"д. {a.house}")
    if a.flat:
        parts.append(f"кв. {a.flat}")
    return ", ".join(parts)


def addr_kk(a):
    st = streets(a.town)[a.st]
    t = TOWNS[a.town]
    parts = []
    if t[5]:
        parts.append(f"{t[5]} ауданы")
    parts.append(f"{t[1]} {t[3]}")
    parts.append(st[2])
    parts.append(f"{a.house}-үй")
    if a.flat:
        parts.append(f"{a.flat}-пәтер")
    return ", ".join(parts)


# ----------------------------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------------------------
def yrs(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def age(b, d):
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def rdate(rng, a, b):
    if b <= a:
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


def zipf(rng, items, s=0.8, exclude=()):
    return wpick(rng, [(it, 1.0 / (i + 1) ** s) for i, it in enumerate(items) if it not in exclude])


def era(y):
    return 0 if y < 1960 else 1 if y < 1990 else 2


def at(tl, d):
    v = None
    for t, x in tl:
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


def make_iin(rng, b, sex, used):
    c = (3 if b.year < 2000 else 5) + (1 if sex == "F" else 0)
    if b.year < 1900:
        c = 1 + (1 if sex == "F" else 0)
    while True:
        base = f"{b.year % 100:02d}{b.month:02d}{b.day:02d}{c}{rng.randint(0, 9999):04d}"
        k = iin_check(base)
        if k is None:
            continue
        v = base + str(k)
        if v not in used:
            used.add(v)
            return v


def f_dmy(d, sep="."):
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def phone_fmt(ph, style):
    if style == "plus":
        return "+7" + ph
    if style == "eight":
        return "8" + ph
    if style == "spaced":
        return f"+7 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"
    if style == "paren":
        return f"+7 ({ph[:3]}) {ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    if style == "dash8":
        return f"8-{ph[:3]}-{ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    return ph


# ----------------------------------------------------------------------------------------------------------------
# faults
# ----------------------------------------------------------------------------------------------------------------
class Faults:
    def __init__(self, rng):
        self.rng = rng
        self.n = Counter()

    def name(self, s, file, rate=0.012):
        if not s or len(s) < 4 or self.rng.random() >= rate:
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
            vows = "aeiouy" if lo in "aeiouy" else "аеиоуы" if lo in VOW_CY else None
            if vows is None:
                t = s[:i] + s[i + 1:]
            else:
                r = rng.choice([v for v in vows if v != lo])
                t = s[:i] + (r.upper() if s[i].isupper() else r) + s[i + 1:]
        if t != s:
            self.n[(file, "name_typo")] += 1
        return t

    def birth(self, d, file, rate=0.01):
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

    def iin(self, s, file, rate=0.02):
        if not s or self.rng.random() >= rate:
            return s
        rng = self.rng
        x = rng.random()
        if x < 0.40:
            i = rng.randint(0, 11)
            self.n[(file, "iin_digit")] += 1
            return s[:i] + rng.choice([c for c in "0123456789" if c != s[i]]) + s[i + 1:]
        if x < 0.55:
            i = rng.randint(7, 9)
            if s[i] == s[i + 1]:
                i = 7 if i != 7 else 8
            if s[i] == s[i + 1]:
                return s
            self.n[(file, "iin_transpose")] += 1
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        for _ in range(20):
            i = rng.randint(7, 10)
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
        s.first = None            # {"kk", "ru"}
        s.first_key = None
        s.father = s.mother = None
        s.father_first = None     # the father's first-name dict (the patronymic's base)
        s.pat_kz = False          # -ұлы / -қызы patronymic
        s.no_pat = False          # a kandas whose surname is his father's name: no patronymic
        s.surnames = []           # (date, skey)
        s.marriages = []
        s.homes = []              # (date, Dwelling or None)
        s.phones = []
        s.iin = None
        s.children = []
        s.twin = None
        s.vis = 1.0
        s.gen = 0
        s.kandas = None           # the day a family from China arrived
        s.old_believer = False


class Marriage:
    def __init__(s, h, w, start):
        s.h, s.w, s.start = h, w, start
        s.end = None
        s.how = None
        s.took = False
        s.dw = None


class Dwelling:
    def __init__(s, did, created):
        s.did, s.created = did, created
        s.addrs = []
        s.left = None


def name_dict(people, nm):
    if people == "kz":
        return {"kk": nm, "ru": KZ_RU.get(nm) or kk2ru(nm)}
    return {"kk": nm, "ru": nm}


PEOPLES = ("kz", "ru", "tat", "de", "ua")


class Pop:
    def __init__(self, rng, n):
        self.rng = rng
        self.n_target = n
        self.persons = []
        self.by = {}
        self.dws = []
        self.used_iin = set()
        self.used_phone = set()
        self.addr_used = set()
        self.stats = Counter()

    def new_person(self, sex, people, birth):
        p = Person("P%05d" % (len(self.persons) + 1), sex, people, birth)
        p.vis = wpick(self.rng, [(2.6, 35), (1.0, 35), (0.15, 30)])
        self.persons.append(p)
        self.by[p.pid] = p
        self.draw_death(p)
        return p

    def draw_death(self, p):
        rng = self.rng
        y = p.birth.year
        pr = 0.85 if y < 1940 else 0.55 if y < 1950 else (0.35 if p.sex == "M" else 0.18) if y < 1960 else \
            (0.13 if p.sex == "M" else 0.05) if y < 1970 else 0.015
        if rng.random() < pr:
            a = max(D(1995, 1, 1), yrs(p.birth, 40))
            if a <= END:
                p.death = rdate(rng, a, END)

    def alive(self, p, d):
        return p.birth <= d and (p.death is None or d < p.death)

    def names_list(self, people, sex, y, ob=False):
        e = era(y)
        if people == "kz":
            return (KZ_M if sex == "M" else KZ_F)[e]
        if people in ("ru", "ua"):
            if ob and e == 0:
                return OB_M if sex == "M" else OB_F
            return (RU_M if sex == "M" else RU_F)[e]
        if people == "tat":
            return (TAT_M if sex == "M" else TAT_F)[e]
        if e == 0:
            return DE_M0 if sex == "M" else DE_F0
        return (RU_M if sex == "M" else RU_F)[e]

    def with_names(self, sex, people, birth, father=None, mother=None, skey=None, exclude=(), ob=False,
                   kandas=None, uly=False):
        rng = self.rng
        p = self.new_person(sex, people, birth)
        p.father, p.mother = father, mother
        p.old_believer = ob
        p.kandas = kandas
        if mother is not None and rng.random() < 0.75:
            p.vis = mother.vis
        lst = self.names_list(people, sex, birth.year, ob)
        nm = zipf(rng, lst, 0.6, exclude)
        p.first = name_dict(people, nm)
        p.first_key = nm
        if father is not None:
            p.father_first = father.first
        else:
            fy = birth.year - 28
            if people == "kz" and fy < 1945:
                fnm = zipf(rng, KZ_OLD + KZ_M[0], 0.5)
            else:
                fnm = zipf(rng, self.names_list(people, "M", fy, ob), 0.8)
            p.father_first = name_dict(people, fnm)
        if people == "kz" and kandas is not None:
            p.pat_kz = True
        elif people == "kz" and birth.year >= 1995:
            if father is not None:
                if not hasattr(father, "kids_kz"):
                    father.kids_kz = rng.random() < 0.30
                p.pat_kz = father.kids_kz
            else:
                p.pat_kz = rng.random() < 0.30
        if uly:
            skey = ("uly", p.father_first["kk"], p.father_first["ru"])
            p.no_pat = True
        if skey is None:
            skey = self.new_surname(people)
        p.surnames = [(birth, skey)]
        return p

    def new_surname(self, people):
        rng = self.rng
        if people == "kz":
            return ("kz", zipf(rng, [a for a, _ in SUR_KZ], 0.7))
        if people == "ru":
            return ("ru", zipf(rng, RU_SUR, 0.7))
        if people == "ua":
            return ("ua", zipf(rng, UA_SUR, 0.6))
        if people == "tat":
            return ("tat", zipf(rng, TAT_SUR, 0.6))
        return ("de", zipf(rng, DE_SUR, 0.7))

    def stem_at(self, p, d):
        return at(p.surnames, d) or p.surnames[0][1]

    # ---------------------------------------------------------------- homes
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
            if st[i][0] == "мкр.":
                a = Addr(town, i, str(rng.randint(1, 60)), str(rng.randint(1, 110)))
            elif town in ("sem", "kur") and rng.random() < 0.55:
                a = Addr(town, i, str(rng.randint(1, 180)), str(rng.randint(1, 90)))
            elif town == "aya" and rng.random() < 0.3:
                a = Addr(town, i, str(rng.randint(1, 90)), str(rng.randint(1, 60)))
            else:
                a = Addr(town, i, str(rng.randint(1, 140)), None)
            key = (a.town, a.st, a.house, a.flat)
            if key not in self.addr_used:
                self.addr_used.add(key)
                return a

    def set_home(self, p, d, dw):
        p.homes = [x for x in p.homes if x[0] != d] + [(d, dw)]
        p.homes.sort(key=lambda x: x[0])

    def home_at(self, p, d):
        return at(p.homes, d)

    def addr_at(self, p, d):
        dw = self.home_at(p, d)
        return at(dw.addrs, d) if dw is not None else None

    def town_at(self, p, d):
        a = self.addr_at(p, d)
        return a.town if a else None

    def phone_at(self, p, d):
        return at(p.phones, d)

    def spouse_at(self, p, d):
        for m in p.marriages:
            if m.start <= d and (m.end is None or d < m.end):
                o = m.w if m.h is p else m.h
                if self.alive(o, d):
                    return o
        return None

    def residents(self, dw, d):
        return [p for p in self.ever.get(dw.did, {}).values() if self.alive(p, d) and self.home_at(p, d) is dw]

    def early_town(self, p):
        """Where the person lived before 1991 (the test-site years): the home's town at the end of 1990, else the
        first home's town if it was made before 2000 (a spouse from the same district)."""
        if p.kandas is not None:
            return None
        t = self.town_at(p, D(1990, 12, 31))
        if t:
            return t
        for d, dw in p.homes:
            if dw is not None and d < D(2000, 1, 1):
                a = at(dw.addrs, d)
                if a is not None:
                    return a.town
        return None

    # ---------------------------------------------------------------- families
    def take_rate(self, h, w):
        if h.surnames[0][1][0] == "uly" or w.kandas is not None:
            return 0.0
        return {"kz": 0.65, "ru": 0.95, "ua": 0.95, "de": 0.95, "tat": 0.85}[h.people]

    def marry(self, h, w, d):
        rng = self.rng
        m = Marriage(h, w, d)
        h.marriages.append(m)
        w.marriages.append(m)
        if rng.random() < self.take_rate(h, w):
            m.took = True
            w.surnames.append((d, self.stem_at(h, d)))
            w.surnames.sort(key=lambda x: x[0])
        if d < D(2019, 1, 1) and rng.random() < 0.10:
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
        vil = town in RURAL
        if people == "kz":
            if gen == 0:
                return rng.choice([1, 2, 3, 3, 4, 4, 5, 5, 6, 7] if vil else [1, 2, 2, 3, 3, 4, 4, 5])
            return rng.choice([0, 1, 2, 2, 3, 3, 4, 5] if vil else [0, 1, 2, 2, 3, 3, 4])
        if people == "tat":
            return rng.choice([1, 2, 2, 3] if gen == 0 else [0, 1, 2, 2, 3])
        return rng.choice([0, 1, 2, 2, 3] if gen == 0 else [0, 1, 1, 2, 2, 3])

    def make_children(self, f, mo, m, dw, town):
        rng = self.rng
        n = self.n_children(f.people, town, f.gen)
        d = m.start + dt.timedelta(days=rng.randint(300, 600))
        kids = []
        used = {f.first_key, mo.first_key}
        uly = f.surnames[0][1][0] == "uly"
        while len(kids) < n:
            if d > END or d > yrs(mo.birth, 44) or not self.alive(mo, d):
                break
            if f.death and d > f.death + dt.timedelta(days=270):
                break
            if m.end and d > m.end:
                break
            twins = rng.random() < 0.015
            grp = []
            for _ in range(2 if twins else 1):
                c = self.with_names(rng.choice("MF"), f.people, d, f, mo, None if uly else self.stem_at(f, d), used,
                                    ob=f.old_believer and d.year < 1965, kandas=f.kandas if f.kandas and d < f.kandas else None,
                                    uly=uly)
                if f.kandas is not None:
                    c.kandas = f.kandas if d < f.kandas else None
                    if d < f.kandas:
                        c.pat_kz = True
                used.add(c.first_key)
                c.gen = f.gen + 1
                self.set_home(c, d, dw if dw is not None and (f.kandas is None or d >= f.kandas) else None)
                if f.kandas is not None and d < f.kandas:
                    self.set_home(c, f.kandas, dw)
                kids.append(c)
                grp.append(c)
                f.children.append(c)
                mo.children.append(c)
            if twins:
                grp[0].twin, grp[1].twin = grp[1].pid, grp[0].pid
                self.stats["twins"] += 2
            d = d + dt.timedelta(days=rng.randint(13 * 30, 42 * 30))
        return kids

    def spouse_people(self, people):
        rng = self.rng
        same = {"kz": 0.92, "tat": 0.6}.get(people, 0.8)
        if rng.random() < same:
            return people
        return wpick(rng, [(x, w) for x, w in (("kz", 30), ("ru", 45), ("tat", 10), ("de", 8), ("ua", 7))
                           if x != people])

    def spouse_for(self, c, md):
        rng = self.rng
        sex = "F" if c.sex == "M" else "M"
        people = self.spouse_people(c.people)
        if sex == "F":
            b = c.birth + dt.timedelta(days=rng.randint(-700, 2500))
        else:
            b = c.birth - dt.timedelta(days=rng.randint(-700, 3000))
        if age(b, md) < 18:
            b = yrs(md, -rng.randint(19, 24))
        s = self.with_names(sex, people, b)
        s.gen = c.gen
        return s

    def town_choice(self, parents_town):
        rng = self.rng
        x = rng.random()
        if x < 0.55 and parents_town:
            return parents_town
        if x < 0.88:
            return wpick(rng, [("sem", 62), ("aya", 10), ("kur", 6), ("urz", 5), ("bor", 3), ("shr", 3), ("bes", 3),
                               ("kal", 2), ("mak", 2), ("kar", 2), ("aks", 2)])
        return None            # Astana, Almaty, Oskemen: out of the region

    def adult_life(self, c, queue):
        rng = self.rng
        if c.death and c.death < yrs(c.birth, 20):
            return
        pdw = at(c.homes, yrs(c.birth, 17))
        ptown = None
        if pdw is not None:
            a = at(pdw.addrs, yrs(c.birth, 17))
            ptown = a.town if a else None
        if yrs(c.birth, 19) > END:
            return
        if rng.random() < 0.82:
            am = rng.randint(21, 31) if c.sex == "M" else rng.randint(19, 28)
            md = yrs(c.birth, am) + dt.timedelta(days=rng.randint(0, 364))
            if md <= END and self.alive(c, md):
                sp = self.spouse_for(c, md)
                if not self.alive(sp, md):
                    sp.death = None
                h, w = (c, sp) if c.sex == "M" else (sp, c)
                if rng.random() < 0.6 and ptown:
                    self.set_home(sp, sp.birth, self.new_dw(ptown, sp.birth))
                else:
                    self.set_home(sp, sp.birth, None)
                m = self.marry(h, w, md)
                stay = False
                if c.sex == "M" and c.people == "kz" and pdw is not None and ptown and c.father is not None:
                    sons = [x for x in c.father.children if x.sex == "M"]
                    if sons and sons[-1] is c and rng.random() < 0.35:
                        stay = True           # the youngest son stays in his parents' house (қара шаңырақ)
                if stay:
                    dw, town = pdw, ptown
                else:
                    town = self.town_choice(ptown)
                    dw = self.new_dw(town, md)
                self.set_home(c, md, dw)
                self.set_home(sp, md, dw)
                m.dw = dw
                queue.extend(self.make_children(h, w, m, dw, town))
                if m.how == "divorce":
                    self.divorce(m, queue)
                return
        leave = yrs(c.birth, rng.randint(18, 26)) + dt.timedelta(days=rng.randint(0, 364))
        if rng.random() >= 0.30 and leave <= END:
            self.set_home(c, leave, self.new_dw(self.town_choice(ptown), leave))
        if c.sex == "F" and rng.random() < 0.08 and yrs(c.birth, 21) <= END:
            d = yrs(c.birth, rng.randint(21, 33))
            for _ in range(rng.choice([1, 1, 2])):
                if d > END or not self.alive(c, d):
                    break
                kid = self.with_names(rng.choice("MF"), c.people, d, None, c, self.stem_at(c, d), {c.first_key})
                kid.gen = c.gen + 1
                self.set_home(kid, d, at(c.homes, d))
                c.children.append(kid)
                queue.append(kid)
                self.stats["single_mother_children"] += 1
                d = d + dt.timedelta(days=rng.randint(500, 1800))

    def divorce(self, m, queue):
        rng = self.rng
        h, w, d = m.h, m.w, m.end
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
                m2.dw = dw2
                self.stats["remarriages"] += 1
                queue.extend(self.make_children(h, sp, m2, dw2, self.town_at(h, md)))
                if m2.how == "divorce":
                    self.divorce(m2, queue)

    def found_family(self):
        rng = self.rng
        town = wpick(rng, TOWN_W)
        ph = wpick(rng, list(zip(PEOPLES, TOWN_PEOPLE[town])))
        kandas = None
        uly = False
        if ph == "kz" and town in KANDAS_TOWNS and rng.random() < 0.30:
            kandas = rdate(rng, D(1997, 1, 1), D(2015, 12, 31))       # a family of Kazakhs from Xinjiang
            uly = rng.random() < 0.6                                  # surnames of the father's name, -ұлы/-қызы
            hb = rdate(rng, D(1948, 1, 1), D(1975, 12, 31))
        else:
            hb = rdate(rng, D(1930, 1, 1), D(1965, 12, 31))
        ob = ph == "ru" and town in ("bor", "bes") and rng.random() < 0.5
        h = self.with_names("M", ph, hb, ob=ob and hb.year < 1960, kandas=kandas, uly=uly)
        pw = ph if rng.random() < 0.90 or kandas else self.spouse_people(ph)
        wb = hb + dt.timedelta(days=rng.randint(-700, 2500))
        w = self.with_names("F", pw, wb, ob=ob and wb.year < 1960, kandas=kandas, uly=uly)
        if kandas is not None:
            self.stats["kandas_families"] += 1
            if uly:
                self.stats["kandas_families_uly_surnames"] += 1
        md = max(yrs(hb, 21), yrs(wb, 19)) + dt.timedelta(days=rng.randint(0, 5 * 365))
        for p in (h, w):
            if p.death and p.death <= md + dt.timedelta(days=3650):
                p.death = None
            if kandas and p.death and p.death < kandas:
                p.death = None
        if kandas is not None:
            dw = self.new_dw(town, kandas)
            for p in (h, w):
                self.set_home(p, p.birth, None)
                self.set_home(p, kandas, dw)
        else:
            dw = self.new_dw(town, md)
            for p in (h, w):
                self.set_home(p, p.birth, None)
                self.set_home(p, md, dw)
        h.old_believer = w.old_believer = ob
        m = self.marry(h, w, md)
        m.dw = dw
        queue = self.make_children(h, w, m, dw, town)
        if m.how == "divorce":
            self.divorce(m, queue)
        while queue:
            self.adult_life(queue.pop(0), queue)

    def build(self):
        while len(self.persons) < self.n_target:
            self.found_family()
        self.index()
        self.moves()
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

    def moves(self):
        rng = self.rng
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            if a0 is None:
                continue
            if rng.random() < 0.30:
                d = rdate(rng, max(D(2000, 1, 1), dw.created + dt.timedelta(days=200)), D(2023, 12, 31))
                if d <= dw.created:
                    continue
                t = a0.town if rng.random() < 0.7 else ("sem" if a0.town != "sem" else rng.choice(["kur", "aya"]))
                dw.addrs.append((d, self.new_addr(t)))
                self.stats["moves"] += 1
        # German households leave for Germany, Russian and Ukrainian ones for Russia (the border is near)
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            res = list(self.ever.get(dw.did, {}).values())
            if a0 is None or not res:
                continue
            heads = sorted(res, key=lambda p: p.birth)
            pe = heads[0].people
            pr, lo, hi, where = {"de": (0.25, 1995, 2020, "DE"), "ru": (0.12, 1995, 2023, "RU"),
                                 "ua": (0.12, 1995, 2023, "RU"), "tat": (0.06, 1995, 2020, "RU")}.get(pe, (0, 0, 0, ""))
            if pr and rng.random() < pr:
                d = rdate(rng, max(D(lo, 1, 1), dw.created + dt.timedelta(days=400)), D(hi, 12, 31))
                if d > dw.created:
                    dw.addrs = [x for x in dw.addrs if x[0] < d] + [(d, None)]
                    dw.left = (d, where)
                    self.stats["emigrated_dwellings_" + where] += 1

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
            if p.birth.year < 1945 and rng.random() < 0.35:
                continue
            a = max(yrs(p.birth, 14), D(2004, 1, 1))
            if p.kandas:
                a = max(a, p.kandas)
            if a > END:
                continue
            p.phones.append((rdate(rng, a, a + dt.timedelta(days=700)), self.new_phone()))
            if rng.random() < 0.25:
                d = rdate(rng, p.phones[0][0] + dt.timedelta(days=200), END)
                if d > p.phones[0][0]:
                    p.phones.append((d, self.new_phone()))


# ----------------------------------------------------------------------------------------------------------------
# writing names
# ----------------------------------------------------------------------------------------------------------------
class Namer:
    """A person's names in a script: kk (Kazakh letters), ru (Russian letters), icao (passport Latin), inf (the
    person's own informal Latin)."""

    def __init__(self, pop, rng):
        self.pop = pop
        self.rng = rng

    def sur(self, p, d, script):
        return self.sur_of(self.pop.stem_at(p, d), p.sex, script)

    def sur_of(self, skey, sex, script):
        kind = skey[0]
        if kind == "uly":
            kk = skey[1] + ("ұлы" if sex == "M" else "қызы")
            ru = skey[2] + ("улы" if sex == "M" else "кызы")
        elif kind == "kz":
            kk = skey[1]
            ru = SUR_KZ_RU.get(kk) or kk2ru(kk)
            if sex == "F":
                kk, ru = fem(kk), fem(ru)
        elif kind in ("ua", "de"):
            kk = ru = skey[1]
        else:
            kk = ru = fem(skey[1]) if sex == "F" else skey[1]
        if script == "kk":
            return kk
        if script == "ru":
            return ru
        if script == "icao":
            return icao(kk)
        if script == "inf":
            return informal(ru, self.rng)
        raise ValueError(script)

    def first(self, p, script):
        f = p.first
        if script in ("kk", "ru"):
            return f[script]
        if script == "icao":
            return icao(f["kk"])
        if script == "inf":
            return informal(f["ru"], self.rng)
        raise ValueError(script)

    def short(self, p, script="ru"):
        f = p.first
        s = SHORT.get(f[script if script in ("kk", "ru") else "ru"])
        return s if s else self.first(p, script)

    def pat(self, p, script, kz_style=None):
        """The patronymic: Russian style (Қайратович) or Kazakh (Қайратұлы); kz_style forces the Kazakh form where
        a Kazakh-language document writes it so."""
        ff = p.father_first
        if ff is None or p.no_pat:
            return None
        kz = p.pat_kz if kz_style is None else (kz_style and p.people == "kz")
        if kz:
            kk = ff["kk"] + ("ұлы" if p.sex == "M" else "қызы")
            ru = ff["ru"] + ("улы" if p.sex == "M" else "кызы")
        else:
            kk, ru = ru_pat(ff["kk"], p.sex), ru_pat(ff["ru"], p.sex)
        if script == "kk":
            return kk
        if script == "ru":
            return ru
        if script == "icao":
            return icao(kk)
        if script == "inf":
            return informal(ru, self.rng)
        raise ValueError(script)

    def full(self, p, d, script, pat=True, order="SFP", kz_style=None):
        s, f = self.sur(p, d, script), self.first(p, script)
        pt = self.pat(p, script, kz_style) if pat else None
        parts = {"S": s, "F": f, "P": pt}
        return " ".join(parts[c] for c in order if parts[c])

    def initials(self, p, d, script, pat=True):
        pt = self.pat(p, script) if pat else None
        return f"{self.sur(p, d, script)} {self.first(p, script)[0]}." + (f"{pt[0]}." if pt else "")


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
    if (a.father is not None and b.father is a.father) or (a.mother is not None and b.mother is a.mother):
        return "brother" if b.sex == "M" else "sister"
    for c in a.children:
        if b.father is c or b.mother is c:
            return "grandson" if b.sex == "M" else "granddaughter"
    return "other"


REL_RU = {"spouse": ("муж", "жена"), "son": ("сын", "сын"), "daughter": ("дочь", "дочь"), "father": ("отец", "отец"),
          "mother": ("мать", "мать"), "brother": ("брат", "брат"), "sister": ("сестра", "сестра"),
          "grandson": ("внук", "внук"), "granddaughter": ("внучка", "внучка"), "other": ("родственник", "родственница")}
REL_KK = {"spouse": ("жұбайы", "жұбайы"), "son": ("ұлы", "ұлы"), "daughter": ("қызы", "қызы"),
          "father": ("әкесі", "әкесі"), "mother": ("анасы", "анасы"), "brother": ("ағасы", "ағасы"),
          "sister": ("әпкесі", "әпкесі"), "grandson": ("немересі", "немересі"),
          "granddaughter": ("немересі", "немересі"), "other": ("туысы", "туысы")}


def rel_word(rel, sex, lang="ru"):
    t = (REL_RU if lang == "ru" else REL_KK).get(rel) or (REL_RU if lang == "ru" else REL_KK)["other"]
    return t[0] if sex == "M" else t[1]


# ----------------------------------------------------------------------------------------------------------------
# context
# ----------------------------------------------------------------------------------------------------------------
class Ctx:
    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.pop = Pop(self.rng, n)
        self.pop.build()
        self.F = Faults(self.rng)
        self.nm = Namer(self.pop, self.rng)
        self.truth = []
        self.evidence = defaultdict(Counter)
        self.files = {}
        self.stat_files = {}

    def t(self, file, rid, p, ev):
        self.truth.append((file, rid, p.pid))
        self.evidence[file][ev] += 1

    def official(self, kk_share=0.75, kk_letters=False):
        rng = self.rng
        if rng.random() < kk_share:
            s = zipf(rng, [a for a, _ in SUR_KZ], 0.4)
            s = s if kk_letters else SUR_KZ_RU[s]
        else:
            s = zipf(rng, RU_SUR, 0.4)
        if rng.random() < 0.5:
            s = fem(s)
        return f"{s} {rng.choice('АБГДЕЖКМНРСТ')}.{rng.choice('АБГЕЖКМНСТШ')}."


def ev_of(has_iin, name, birth):
    """The best evidence a record carries: name is 'full' | 'initials' | 'first' | None; birth 'full' | 'partial' |
    None."""
    if has_iin:
        return "iin"
    if name == "full" and birth == "full":
        return "name+birth"
    if name == "full" and birth == "partial":
        return "name+partial birth"
    if name == "initials" and birth:
        return "surname+initials+birth"
    if name == "first" and birth:
        return "first name+birth+row relations"
    if name == "full":
        return "name+row relations/contact"
    if name == "initials":
        return "surname+initials+row relations/contact"
    return "first name+row relations/contact"


def fix_zip(data, stamp, zt):
    """Fixed zip times and document properties, so that a seed writes the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">' + stamp.encode() + b"</dcterms:modified>",
                              body)
                body = re.sub(rb"<dcterms:created[^>]*>[^<]*</dcterms:created>",
                              b'<dcterms:created xsi:type="dcterms:W3CDTF">' + stamp.encode() + b"</dcterms:created>",
                              body)
            zi = zipfile.ZipInfo(info.filename, date_time=zt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()

# ================================================================================================================
# 1. the register of certificates of persons affected by the nuclear tests (a journal typed into Excel)
# ================================================================================================================
DEPTS = {"sem": "ОЗиСП г. Семей", "kur": "ОЗиСП г. Курчатов", "aya": "ОЗиСП Аягозского р-на",
         "kar": "ОЗиСП Абайского р-на", "kai": "ОЗиСП Абайского р-на", "sar": "ОЗиСП Абайского р-на",
         "bes": "ОЗиСП Бескарагайского р-на", "bor": "ОЗиСП Бородулихинского р-на", "shr": "ОЗиСП Жарминского р-на",
         "kal": "ОЗиСП Жарминского р-на", "urz": "ОЗиСП Урджарского р-на", "mak": "ОЗиСП Урджарского р-на",
         "aks": "ОЗиСП Аксуатского р-на"}
SOVIET_PLACE = {"sem": ["г. Семипалатинск"], "kur": ["г. Курчатов", "г. Курчатов", "г. Курчатов", "Семипалатинск-21",
                                                      "пос. Конечная"],
                "aya": ["г. Аягуз"], "shr": ["г. Чарск", "ст. Чарская"], "kal": ["с. Георгиевка Жарминского р-на"],
                "bor": ["с. Бородулиха"], "bes": ["с. Бескарагай"], "kar": ["с. Караул Абайского р-на", "с. Караул"],
                "kai": ["с. Кайнар Абайского р-на", "с. Кайнар"], "sar": ["с. Саржал Абайского р-на", "с. Саржал"],
                "urz": ["с. Урджар"], "mak": ["с. Маканчи"], "aks": ["с. Аксуат"]}
POL_HDR = ["№ п/п", "Фамилия", "Имя", "Отчество", "Дата рождения", "ИИН", "Адрес проживания",
           "Нас. пункт проживания в 1949-1990 гг.", "Годы проживания", "Зона", "Серия, № удостоверения", "Дата выдачи",
           "Выдано", "Примечание"]
DITTO_COLS = (1, 3, 6, 7, 8, 9, 12)


def poligon(ctx):
    import openpyxl
    from openpyxl.styles import Font
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "poligon_kualik.xlsx"
    eligible = {}
    for p in pop.persons:
        if p.birth > D(1990, 12, 31):
            continue
        t = pop.early_town(p)
        if t is None:
            continue
        eligible[p.pid] = (t, rng.choice(SOVIET_PLACE[t]), max(1949, p.birth.year))
    done = set()
    blocks = []           # (date, [persons], paper)

    def era_date():
        return wpick(rng, [((D(1993, 1, 1), D(2000, 12, 31)), 35), ((D(2001, 1, 1), D(2008, 12, 31)), 30),
                           ((D(2009, 1, 1), D(2024, 11, 30)), 35)])

    for dw in pop.dws:
        if dw.addrs[0][1] is None:
            continue
        a, b = era_date()
        d = rdate(rng, a, b)
        res = [p for p in pop.residents(dw, d) if p.pid in eligible and p.pid not in done and pop.town_at(p, d)]
        if not res:
            continue
        if rng.random() >= min(0.85, 0.6 * max(p.vis for p in res)):
            continue
        mem = [p for p in res if rng.random() < 0.9] or res[:1]
        mem.sort(key=lambda p: p.birth)
        head = next((p for p in mem if p.sex == "M" and age(p.birth, d) >= 18), mem[0])
        sp = pop.spouse_at(head, d)
        order = [head] + ([sp] if sp in mem and sp is not head else []) + [p for p in mem if p is not head and p is not sp]
        for p in order:
            done.add(p.pid)
        paper = rng.random() < (0.85 if d < D(2009, 1, 1) else 0.15)
        blocks.append((d, order, paper))
    # those who came alone later (grown children, the widowed)
    for p in pop.persons:
        if p.pid not in eligible or p.pid in done:
            continue
        if rng.random() >= min(0.5, 0.12 * p.vis):
            continue
        d = rdate(rng, max(D(1993, 1, 1), yrs(p.birth, 16)), D(2024, 11, 30))
        if not pop.alive(p, d) or pop.town_at(p, d) is None:
            continue
        done.add(p.pid)
        blocks.append((d, [p], rng.random() < (0.85 if d < D(2009, 1, 1) else 0.15)))
    # duplicates for lost certificates
    dups = []
    for d, order, paper in blocks:
        for p in order:
            if rng.random() < 0.06:
                d2 = rdate(rng, yrs(d, 1), D(2024, 11, 30))
                if d2 > d and pop.alive(p, d2) and pop.town_at(p, d2):
                    dups.append((d2, [p], False, p))
    blocks = [(d, o, pp, None) for d, o, pp in blocks] + dups
    blocks.sort(key=lambda b: (b[0], b[1][0].pid))
    rows = []
    ser_no = Counter()
    cert_of = {}
    n_ditto = Counter()
    for bi, (d, order, paper, dup_of) in enumerate(blocks):
        kk_block = d >= D(2015, 1, 1) and rng.random() < 0.15
        tok = wpick(rng, [('-"-', 55), ("-//-", 20), ('—"—', 10), ('"', 5), ("то же", 10)])
        prev = None
        places = {}
        for p in order:
            t, place, y0 = eligible[p.pid]
            place = places.setdefault(t, place)          # one family, one way of writing its village
            sc = "kk" if kk_block and p.people == "kz" else "ru"
            sur = F.name(nm.sur(p, d, sc), FILE)
            first = F.name(nm.first(p, sc), FILE)
            pt = nm.pat(p, sc)
            pt = F.name(pt, FILE) if pt and rng.random() < 0.97 else None
            b = F.birth(p.birth, FILE)
            if d >= D(2009, 1, 1):
                bval, bev = b, "full"
            elif rng.random() < 0.6:
                bval, bev = (f_dmy(b) if rng.random() < 0.7 else b), "full"
            else:
                bval, bev = f"{b.year} г.р.", "partial"
            iin = F.iin(p.iin, FILE) if rng.random() < (0.93 if d >= D(2009, 1, 1) else 0.30) else None
            a = pop.addr_at(p, d)
            addr = addr_ru(a, d) if a else ""
            y1 = 1990
            if p.death and p.death.year < 1991:
                y1 = p.death.year
            years = rng.choice([f"{y0}-{y1}", f"{y0}-{y1}", f"с {y0} по {y1}", f"{y0}-{y1} гг."])
            series = "ВК" if d < D(2022, 6, 8) else "АБ"
            ser_no[series] += 1
            cert = f"{series} № {ser_no[series]:06d}"
            note = ""
            if dup_of is not None:
                note = f"дубликат, взамен утерянного {cert_of.get(p.pid, '')}".strip()
                ctx.F.n[(FILE, "duplicate_certificate")] += 1
            else:
                cert_of[p.pid] = cert
                if p.death and rng.random() < 0.08:
                    note = f"умер{'ла' if p.sex == 'F' else ''} {f_dmy(p.death)}"
                else:
                    dw = pop.home_at(p, END)
                    if dw is not None and dw.left and rng.random() < 0.5:
                        note = "выехал" + ("а" if p.sex == "F" else "") + (" на ПМЖ в РФ" if dw.left[1] == "RU" else
                                                                             " на ПМЖ в ФРГ")
            town_now = a.town if a else t
            vals = [None, sur, first, pt, bval, iin, addr, place, years, ZONES[TOWNS[t][7]], cert, d, DEPTS[town_now], note]
            shown = list(vals)
            if paper and prev is not None:
                pv = prev[0]
                for j in DITTO_COLS:
                    if vals[j] and vals[j] == pv[j] and rng.random() < 0.85:
                        if j in (1, 3, 8, 9, 12):
                            shown[j] = tok if tok != "то же" else '-"-'
                        else:
                            shown[j] = tok
                        n_ditto[j] += 1
            prev = (vals, p.pid)
            rows.append((shown, p, ev_of(bool(iin), "full", bev)))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Журнал"
    ws.cell(1, 1, "Журнал учёта выданных удостоверений лицам, пострадавшим вследствие ядерных испытаний на "
                  "Семипалатинском испытательном ядерном полигоне").font = Font(bold=True)
    ws.cell(2, 1, "(сводный, по отделам занятости и социальных программ; записи 1993-2008 гг. перенесены из "
                  "книг учёта)")
    for j, h in enumerate(POL_HDR, 1):
        ws.cell(4, j, h).font = Font(bold=True)
    r = 5
    for k, (vals, p, ev) in enumerate(rows, start=1):
        vals[0] = k
        for j, v in enumerate(vals, 1):
            if v is None or v == "":
                continue
            c = ws.cell(r, j, v)
            if isinstance(v, D):
                c.number_format = "DD.MM.YYYY"
        ctx.t(FILE, str(k), p, ev)
        r += 1
    for col, w in zip("ABCDEFGHIJKLMN", [6, 16, 13, 17, 12, 14, 44, 30, 12, 38, 18, 12, 26, 30]):
        ws.column_dimensions[col].width = w
    wb.properties.creator = "user"
    wb.properties.created = dt.datetime(2024, 12, 3, 10, 0, 0)
    wb.properties.modified = dt.datetime(2024, 12, 3, 10, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue(), "2024-12-03T10:00:00Z", (2024, 12, 3, 10, 0, 0))
    ctx.stat_files[FILE] = {"rows": len(rows), "holders": len(cert_of), "blocks": len(blocks),
                            "paper_blocks": sum(1 for b in blocks if b[2]),
                            "ditto_cells": {POL_HDR[j]: n for j, n in sorted(n_ditto.items())},
                            "duplicates": len(dups), "persons": len(rows)}

# ================================================================================================================
# 2. the National Nuclear Centre's individual dose records (Oracle -> Parquet; a join that fans out)
# ================================================================================================================
NNC_DEPTS = ["ИАЭ, реакторный комплекс ИГР", "ИАЭ, КИР «Байкал-1»", "ИАЭ, лаборатория материаловедения",
             "ИРБЭ, отдел радиоэкологии", "ИРБЭ, лаборатория спектрометрии", "ИГИ, Курчатовская сейсмостанция",
             "СРБ, служба радиационного контроля", "ИРБЭ, площадка «Опытное поле»", "ИАЭ, хранилище ОЯТ",
             "Автотранспортный цех"]


def dozimetr(ctx):
    import pyarrow as pa
    import pyarrow.parquet as pq
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "dozimetr.parquet"
    EXPORT = D(2024, 11, 30)
    stints = []          # (tab_no, person, [years], [departments], fio, birth, iin)
    used_tab = set()
    n_workers = n_rehired = 0
    for p in pop.persons:
        years = [y for y in range(2018, 2025) if pop.alive(p, D(y, 7, 1)) and 22 <= age(p.birth, D(y, 7, 1)) <= 63
                 and pop.town_at(p, D(y, 7, 1)) in ("kur", "sem")]
        if not years:
            continue
        t = pop.town_at(p, D(years[0], 7, 1))
        pr = (0.8 if t == "kur" else 0.07) * (1.0 if p.sex == "M" else 0.7)
        if rng.random() >= min(0.8, pr * p.vis):
            continue
        i0 = rng.randrange(min(3, len(years)))
        span = [years[i0]]
        for y in years[i0 + 1:]:
            if y != span[-1] + 1 or rng.random() < 0.08:
                break
            span.append(y)
        n_workers += 1
        parts = [span]
        if len(span) >= 4 and rng.random() < 0.06:           # left for a year or two and was hired again
            cut = rng.randint(1, len(span) - 2)
            parts = [span[:cut], span[cut + 1:]]
            n_rehired += 1
        for part in parts:
            while True:
                tab = rng.randint(10000, 99999)
                if tab not in used_tab:
                    used_tab.add(tab)
                    break
            hire = D(part[0], 1, 1) - dt.timedelta(days=rng.randint(0, 3650)) if part is parts[0] else D(part[0], 2, 1)
            hire = max(hire, yrs(p.birth, 21))
            nd = wpick(rng, [(1, 70), (2, 25), (3, 5)])
            depts = rng.sample(NNC_DEPTS, nd)
            name_day = EXPORT if rng.random() < 0.7 else hire        # HR changed the surname after a marriage, or not
            fio = nm.full(p, min(name_day, D(part[-1], 12, 31)), "ru", pat=rng.random() < 0.98).upper().replace("Ё", "Е")
            fio = F.name(fio, FILE, 0.01)
            stints.append((tab, p, part, depts, fio, F.birth(p.birth, FILE, 0.008),
                           F.iin(p.iin, FILE, 0.015) if rng.random() < 0.96 else None))
    rows = []
    n_fan = 0
    for tab, p, part, depts, fio, b, iin in stints:
        for y in part:
            base = round(rng.uniform(0.05, 1.2) * (3.0 if "реактор" in depts[0] or "ОЯТ" in depts[0] else 1.0), 2)
            for k, dep in enumerate(depts):          # the history join: one row per department ever held
                if k:
                    n_fan += 1
                rows.append({"TAB_NOMER": tab, "FIO": fio.ljust(60), "DATA_ROZHD": dt.datetime(b.year, b.month, b.day),
                             "IIN": iin, "POL": "М" if p.sex == "M" else "Ж", "PODRAZDELENIE": dep, "GOD": y,
                             "HP10_MZV": base, "HP007_MZV": round(base * rng.uniform(1.0, 1.6), 2), "KATEGORIYA": "А",
                             "_p": p, "_ev": ev_of(bool(iin), "full", "full")})
    rows.sort(key=lambda r: (r["FIO"], r["GOD"], r["PODRAZDELENIE"], r["TAB_NOMER"]))
    for k, r in enumerate(rows, start=1):
        ctx.t(FILE, str(k), r["_p"], r["_ev"])
    cols = ["TAB_NOMER", "FIO", "DATA_ROZHD", "IIN", "POL", "PODRAZDELENIE", "GOD", "HP10_MZV", "HP007_MZV", "KATEGORIYA"]
    types = {"TAB_NOMER": pa.int32(), "FIO": pa.string(), "DATA_ROZHD": pa.timestamp("ms"), "IIN": pa.string(),
             "POL": pa.string(), "PODRAZDELENIE": pa.string(), "GOD": pa.int16(), "HP10_MZV": pa.float64(),
             "HP007_MZV": pa.float64(), "KATEGORIYA": pa.string()}
    table = pa.table({c: pa.array([r[c] for r in rows], type=types[c]) for c in cols})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="snappy")
    ctx.files[FILE] = buf.getvalue()
    ctx.stat_files[FILE] = {"rows": len(rows), "workers": n_workers, "personnel_numbers": len(stints),
                            "rehired_with_a_new_number": n_rehired, "rows_from_the_fan_out": n_fan,
                            "workers_with_2_or_3_departments": sum(1 for s in stints if len(s[3]) > 1),
                            "persons": len(rows)}

# ================================================================================================================
# 3. the Urzhar district veterinary station's register of apiaries (a mysqldump of its web application)
# ================================================================================================================
ARA_PLACES = ["Тарбағатай тауы, \"Қызылбұлақ\" шатқалы", "Тарбағатай тауы, \"Ақши\" шатқалы", "Жоғарғы Қаракөл өзені бойы",
              "\"Көктерек\" қыстауы маңы", "Егінсу өзені бойы", "Қатынсу шатқалы", "\"Ақбұлақ\" жайлауы",
              "Үржар өзені, көпір маңы", "Мақаншы а. шығысы, бақша", "Ақсуат а. маңы, \"Қараөзек\""]
ARA_BREEDS = ["карпат", "жергілікті", "орта орыс", "сұр тау кавказ", "карника"]
VETS = ["Жақсыбеков Е.Т.", "Сейітова Г.М.", "Оспанов Қ.Б.", "Қалиева А.С.", "Мұқышев Б.Е."]


def mysql_esc(s):
    if s is None:
        return "NULL"
    if isinstance(s, (int, float)):
        return str(s)
    t = (s.replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
         .replace("\x00", "\\0").replace("\x1a", "\\Z"))
    return "'" + t + "'"


def mysql_inserts(table, rows, limit=16000):
    out = []
    cur = []
    size = 0
    for r in rows:
        v = "(" + ",".join(mysql_esc(x) for x in r) + ")"
        if cur and size + len(v.encode("utf-8")) > limit:
            out.append(f"INSERT INTO `{table}` VALUES " + ",".join(cur) + ";")
            cur, size = [], 0
        cur.append(v)
        size += len(v.encode("utf-8")) + 1
    if cur:
        out.append(f"INSERT INTO `{table}` VALUES " + ",".join(cur) + ";")
    return out


def apiaries(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "ara_pasekalary.txt"
    regs = []          # (date, owner, kind)
    for p in pop.persons:
        if p.sex == "F" and rng.random() > 0.12:
            continue
        d = D(2012, rng.randint(3, 12), rng.randint(1, 28)) if rng.random() < 0.4 else \
            rdate(rng, D(2012, 3, 1), D(2024, 10, 31))
        if not pop.alive(p, d) or not (30 <= age(p.birth, d) <= 78):
            continue
        t = pop.town_at(p, d)
        local = t in ("urz", "mak", "aks")
        pr = 0.9 if local else 0.12 if t else 0
        if rng.random() >= min(0.9, pr * p.vis):
            continue
        if local:
            for k in range(wpick(rng, [(1, 80), (2, 17), (3, 3)])):
                d2 = d if k == 0 or rng.random() < 0.5 else rdate(rng, d, min(yrs(d, 6), D(2024, 10, 31)))
                regs.append([d2, p, "new", None])
        else:
            # a migratory apiary brought to the Tarbagatai for the summer: registered each season it comes
            y0 = max(2012, d.year - 2)
            for y in range(y0, min(2024, y0 + rng.randint(1, 7)) + 1):
                d2 = D(y, rng.randint(5, 6), rng.randint(1, 28))
                if pop.alive(p, d2) and age(p.birth, d2) <= 78 and pop.town_at(p, d2):
                    regs.append([d2, p, "season", None])
                    ctx.F.n[(FILE, "seasonal_row")] += 1
    # a father of 62 or more hands an apiary to a son, who registers it anew; the old row is closed
    extra = []
    for reg in regs:
        d, p = reg[0], reg[1]
        if reg[2] != "new" or age(p.birth, D(2024, 1, 1)) < 62 or rng.random() >= 0.30:
            continue
        td = rdate(rng, max(d + dt.timedelta(days=365), yrs(p.birth, 62)), D(2024, 10, 31))
        if td <= d:
            continue
        sons = [c for c in p.children if c.sex == "M" and pop.alive(c, td) and age(c.birth, td) >= 22 and pop.town_at(c, td)]
        if not sons:
            continue
        reg[3] = td
        extra.append([td, rng.choice(sons), "transfer", None])
        ctx.F.n[(FILE, "handed_to_a_son")] += 1
    for reg in list(regs):
        if reg[2] == "new" and rng.random() < 0.06:
            dd = rdate(rng, reg[0] + dt.timedelta(days=200), D(2024, 10, 31))
            if dd > reg[0] and pop.alive(reg[1], dd):
                extra.append([dd, reg[1], "again", None])
                ctx.F.n[(FILE, "registered_again")] += 1
    regs += extra
    regs.sort(key=lambda r: (r[0], r[1].pid))
    rows = []
    rid = 0
    pid = 0
    n_resp = 0
    pas_no = 0
    n_season = Counter()
    for d, p, kind, closed in regs:
        pid += rng.choice([1] * 9 + [2, 3])            # ids of deleted rows are gone
        rid += 1
        pas_no += 1
        x = rng.random()
        if x < 0.55:
            fio = nm.full(p, d, "kk", pat=rng.random() < 0.9, kz_style=rng.random() < 0.5)
        else:
            fio = nm.full(p, d, "ru", pat=rng.random() < 0.9)
        if rng.random() < 0.1:
            fio = fio.upper()
        fio = F.name(fio, FILE)
        iin = F.iin(p.iin, FILE) if rng.random() < 0.85 else None
        b = F.birth(p.birth, FILE)
        bs = b.isoformat() if rng.random() < 0.7 else "0000-00-00"
        ph = pop.phone_at(p, d)
        tel = phone_fmt(ph, rng.choice(["eight", "eight", "plus", "raw"])) if ph and rng.random() < 0.8 else None
        ctx.t(FILE, str(rid), p, ev_of(bool(iin), "full", "full" if bs != "0000-00-00" else None))
        resp = None
        rtel = None
        if rng.random() < 0.45:
            cands = [c for c in p.children if pop.alive(c, d) and age(c.birth, d) >= 16]
            sp = pop.spouse_at(p, d)
            if sp is not None:
                cands.append(sp)
            if p.father is not None:
                cands += [c for c in p.father.children if c is not p and c.sex == "M" and pop.alive(c, d)]
            if rng.random() < 0.05:
                cands = [p]
            if cands:
                q = rng.choice(cands)
                y = rng.random()
                if y < 0.65:
                    resp, rev = nm.full(q, d, "kk" if x < 0.55 else "ru", pat=rng.random() < 0.5), "full"
                elif y < 0.9 and q is not p:
                    resp, rev = f"{nm.first(q, 'kk')} ({rel_word(relation(pop, p, q, d), q.sex, 'kk')})", "first"
                else:
                    resp, rev = nm.initials(q, d, "ru"), "initials"
                resp = F.name(resp, FILE)
                qph = pop.phone_at(q, d)
                rtel = phone_fmt(qph, "eight") if qph and rng.random() < 0.6 else None
                ctx.t(FILE, f"{rid}#2", q, ev_of(False, rev, None))
                n_resp += 1
        note = rng.choice([None] * 10 + ["Ара ұясы 'Дадан' үлгісі", "2019 ж. варроатоз,\nемделді",
                                         "Көшпелі омарта (жазда тауға шығарады)", "Бал сатады, базарда \"Үржар балы\"",
                                         "қайта тіркеу"])
        if kind == "transfer":
            note = "Әкесінен қабылдады" if rng.random() < 0.5 else note
        if kind == "again":
            note = "қайта тіркеу, паспорт жаңартылды"
        if kind == "season":
            note = f"Көшпелі омарта, {d.year} ж. маусымы ({TOWNS[pop.town_at(p, d)][1]} тұрғыны)"
        st = "жабық" if closed is not None else "белсенді"
        reg_t = dt.datetime(d.year, d.month, d.day, rng.randint(9, 17), rng.randint(0, 59), rng.randint(0, 59))
        upd = closed or (d + dt.timedelta(days=rng.randint(0, 400)))
        upd = min(upd, D(2024, 11, 29))
        upd_t = dt.datetime(upd.year, upd.month, upd.day, rng.randint(9, 17), rng.randint(0, 59), rng.randint(0, 59))
        loc = rng.choice(ARA_PLACES) if pop.town_at(p, d) != "aks" else rng.choice(ARA_PLACES[-1:] + ARA_PLACES[:3])
        if kind == "season":
            n_season[d.year] += 1
            pas_no -= 1
            pno = f"КӨШ-{d.year}-{n_season[d.year]:03d}"        # a seasonal permit, not a passport
        else:
            pno = f"ҮРЖ-{pas_no:04d}"
        rows.append((pid, pno, fio, iin, bs, tel, resp, rtel, loc, rng.randint(8, 150),
                     rng.choice(ARA_BREEDS), st, reg_t.strftime("%Y-%m-%d %H:%M:%S"), upd_t.strftime("%Y-%m-%d %H:%M:%S"),
                     note))
    # inspections: a vet doctor, an apiary, a day
    insp = []
    iid = 0
    for r in rows:
        y0 = int(r[12][:4])
        for y in range(y0, 2025):
            if rng.random() < 0.3:
                iid += 1
                insp.append((iid, r[0], f"{y}-{rng.randint(4, 9):02d}-{rng.randint(1, 28):02d}", rng.choice(VETS),
                             rng.choice(["сау", "сау", "сау", "варроатоз", "аскосфероз", "нозематоз"]), r[9]))
    users = [(1, "admin", "Әкімшілік", "admin", "2012-02-20 10:11:12"),
             (2, "zhaksybekov", VETS[0], "vet", "2012-02-21 09:00:00"),
             (3, "seitova", VETS[1], "vet", "2013-04-02 09:30:00"),
             (4, "ospanov.kb", VETS[2], "vet", "2016-05-11 11:20:00"),
             (5, "kaliyeva", VETS[3], "operator", "2019-03-01 08:45:00")]
    out = ["-- MySQL dump 10.13  Distrib 5.7.42, for Linux (x86_64)", "--",
           "-- Host: localhost    Database: ara", "-- ------------------------------------------------------",
           "-- Server version\t5.7.42-0ubuntu0.18.04.1", "",
           "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
           "/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;",
           "/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;", "/*!40101 SET NAMES utf8 */;",
           "/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;", "/*!40103 SET TIME_ZONE='+00:00' */;",
           "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;",
           "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;",
           "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;",
           "/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;", ""]

    def table(name, create, data, ai):
        out.extend(["--", f"-- Table structure for table `{name}`", "--", "",
                    f"DROP TABLE IF EXISTS `{name}`;", "/*!40101 SET @saved_cs_client     = @@character_set_client */;",
                    "/*!40101 SET character_set_client = utf8 */;", f"CREATE TABLE `{name}` ("]
                   + [f"  {c}," for c in create[:-1]] + [f"  {create[-1]}",
                   f") ENGINE=InnoDB AUTO_INCREMENT={ai} DEFAULT CHARSET=utf8;",
                   "/*!40101 SET character_set_client = @saved_cs_client */;", "", "--",
                   f"-- Dumping data for table `{name}`", "--", "", f"LOCK TABLES `{name}` WRITE;",
                   f"/*!40000 ALTER TABLE `{name}` DISABLE KEYS */;"])
        out.extend(mysql_inserts(name, data))
        out.extend([f"/*!40000 ALTER TABLE `{name}` ENABLE KEYS */;", "UNLOCK TABLES;", ""])

    table("adm_users", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`login` varchar(32) NOT NULL",
                        "`aty_zhoni` varchar(100) DEFAULT NULL", "`roli` varchar(16) NOT NULL DEFAULT 'vet'",
                        "`qosylgan` datetime DEFAULT NULL", "PRIMARY KEY (`id`)"], users, 6)
    table("pasekalar", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`pasport_no` varchar(16) NOT NULL",
                        "`iesi_fio` varchar(150) NOT NULL", "`iesi_zhsn` char(12) DEFAULT NULL",
                        "`iesi_tugan_kuni` date NOT NULL DEFAULT '0000-00-00'", "`iesi_tel` varchar(20) DEFAULT NULL",
                        "`zhauapty_fio` varchar(150) DEFAULT NULL", "`zhauapty_tel` varchar(20) DEFAULT NULL",
                        "`ornalasqan_zheri` varchar(255) DEFAULT NULL", "`ara_uyasy` int(11) DEFAULT NULL",
                        "`tuqymy` varchar(32) DEFAULT NULL", "`mart` varchar(16) NOT NULL DEFAULT 'белсенді'",
                        "`tirkelgen` datetime NOT NULL", "`ozgertilgen` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP "
                        "ON UPDATE CURRENT_TIMESTAMP", "`eskertu` text", "PRIMARY KEY (`id`)",
                        "UNIQUE KEY `pasport_no` (`pasport_no`)", "KEY `iesi_zhsn` (`iesi_zhsn`)"], rows, pid + 1)
    table("tekseru", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`paseka_id` int(11) NOT NULL", "`kuni` date NOT NULL",
                      "`dariger` varchar(100) DEFAULT NULL", "`natizhe` varchar(64) DEFAULT NULL",
                      "`ara_uyasy` int(11) DEFAULT NULL", "PRIMARY KEY (`id`)", "KEY `paseka_id` (`paseka_id`)"],
          insp, iid + 1)
    out.extend(["/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;", "", "/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;",
                "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;",
                "/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;",
                "/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;",
                "/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;",
                "/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;",
                "/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;", "", "-- Dump completed on 2024-11-29 17:42:05", ""])
    ctx.files[FILE] = "\n".join(out).encode("utf-8")
    ctx.stat_files[FILE] = {"apiary_rows": len(rows), "owners": len({r[1].pid for r in regs}),
                            "responsible_persons": n_resp, "inspection_rows": len(insp),
                            "zero_dates": sum(1 for r in rows if r[4] == "0000-00-00"), "persons": len(rows) + n_resp}

# ================================================================================================================
# 4. the "Abai readings" contest's online registrations (the web server's access log of the form's POSTs)
# ================================================================================================================
POEMS = ["Ғылым таппай мақтанба", "Қараңғы түнде тау қалғып", "Жаз", "Қыс", "Күз", "Көзімнің қарасы", "Сегіз аяқ",
         "Ата-анаға көз қуаныш", "Интернатта оқып жүр", "Өлең – сөздің патшасы", "Желсіз түнде жарық ай",
         "Қалың елім, қазағым, қайран жұртым", "Біреуден біреу артылса", "Он жетінші сөз"]
SCHOOLS = {"sem": ["№ 12 мектеп-гимназия", "Абай атындағы № 27 мектеп", "№ 7 орта мектеп", "Шәкәрім атындағы лицей",
                   "№ 3 НЗМ", "№ 38 мектеп-лицей"], "aya": ["Аягөз қ. № 2 мектеп", "Аягөз қ. Абай атындағы мектеп"],
           "kur": ["Курчатов қ. № 1 мектеп-лицей"], "other": ["ауыл мектебі", "орта мектеп", "№ 1 орта мектеп"]}
UAS = ["Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.104 Mobile Safari/537.36",
       "Mozilla/5.0 (Linux; Android 12; Redmi Note 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Mobile Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 15_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 YaBrowser/23.3.1.895 Yowser/2.5 Safari/537.36",
       "Mozilla/5.0 (Linux; Android 9; SM-J530FM) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/14.2 Chrome/87.0.4280.141 Mobile Safari/537.36"]


def nginx_escape(s):
    """nginx's default escaping of a variable in an access log: a byte outside printable ASCII, a quote or a
    backslash as \\xNN."""
    out = []
    for b in s.encode("utf-8"):
        if b < 0x20 or b > 0x7E or b in (0x22, 0x5C):
            out.append("\\x%02X" % b)
        else:
            out.append(chr(b))
    return "".join(out)


def contest(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "abai_oqulary.tsv"
    regs = []
    for y in range(2019, 2025):
        a0, a1 = D(y, 5, 15), D(y, 7, 31)
        for p in pop.persons:
            d = rdate(rng, a0, a1)
            if not pop.alive(p, d) or pop.town_at(p, d) is None:
                continue
            a = age(p.birth, d)
            pr = 0.16 if 9 <= a <= 17 else 0.02 if 18 <= a <= 22 else 0.008 if 23 <= a <= 70 else 0
            if p.people != "kz":
                pr *= 0.3
            if pr and rng.random() < min(0.5, pr * p.vis):
                regs.append((d, p))
    habits = {}
    attempts = []          # (datetime, ip, ua, status, fields, persons)
    n_flow = Counter()
    for d, p in regs:
        a = age(p.birth, d)
        cat = "mektep" if a <= 17 else "stud" if a <= 22 else "eresek"
        town = pop.town_at(p, d)
        parent = None
        if cat == "mektep":
            pars = [x for x in (p.mother, p.father) if x is not None and pop.alive(x, d) and pop.town_at(x, d)]
            if pars:
                parent = pars[0] if rng.random() < 0.7 else pars[-1]
        typer = parent or p
        hb = habits.get(typer.pid)
        if hb is None:
            x = rng.random()
            hb = ("kk" if x < 0.6 else "ru" if x < 0.93 else "inf", rng.random() < 0.1, rng.choice(UAS))
            habits[typer.pid] = hb
        sc, lower, ua = hb
        if p.people != "kz" and sc == "kk":
            sc = "ru"

        def w(s):
            return s.lower() if lower and s else s
        tegi = w(F.name(nm.sur(p, d, sc), FILE))
        aty = w(F.name(nm.first(p, sc), FILE))
        akesi = w(nm.pat(p, sc, kz_style=(sc == "kk" and rng.random() < 0.5)) or "") if rng.random() < 0.5 else ""
        b = F.birth(p.birth, FILE)
        zhsn = F.iin(p.iin, FILE) if rng.random() < (0.95 if cat == "mektep" else 0.85) else ""
        par_name = par_tel = ""
        if parent is not None:
            x = rng.random()
            psc = sc if parent.people == "kz" or sc != "kk" else "ru"
            if x < 0.6:
                par_name = nm.full(parent, d, psc, pat=False)
            elif x < 0.9:
                par_name = nm.full(parent, d, psc)
            else:
                par_name = nm.full(parent, d, psc, pat=False, order="FS")
            par_name = w(F.name(par_name, FILE))
            pph = pop.phone_at(parent, d)
            par_tel = phone_fmt(pph, rng.choice(["eight", "plus", "raw", "paren"])) if pph else ""
        ph = pop.phone_at(p, d) if cat != "mektep" else None
        fields = {"sanat": cat, "tegi": tegi, "aty": aty, "akesinin_aty": akesi, "tugan_kuni": b.isoformat(),
                  "zhsn": zhsn, "qala": TOWNS[town][1],
                  "mektep": rng.choice(SCHOOLS.get(town, SCHOOLS["other"])) if cat == "mektep" else "",
                  "synyp": str(min(11, max(3, a - 6))) if cat == "mektep" else "", "ata_ana": par_name,
                  "ata_ana_tel": par_tel, "tel": phone_fmt(ph, "eight") if ph else "",
                  "email": f"{informal(nm.first(p, 'ru'), rng).lower()}.{informal(nm.sur(p, d, 'ru'), rng).lower()}"
                           f"{rng.randint(1, 99)}@mail.ru" if cat != "mektep" and rng.random() < 0.5 else "",
                  "oleng": rng.choice(POEMS),
                  "zhetekshi": ctx.official(0.8, kk_letters=True) if cat == "mektep" and rng.random() < 0.8 else ""}
        persons = [(p, ev_of(bool(zhsn), "full", "full"))]
        if parent is not None:
            persons.append((parent, ev_of(False, "full", None)))
        t = dt.datetime(d.year, d.month, d.day, rng.randint(8, 23), rng.randint(0, 59), rng.randint(0, 59))
        ip = rng.choice(["95.56", "2.132", "37.150", "178.91", "92.46", "147.30"]) + \
            f".{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        flow = wpick(rng, [("ok", 84), ("422", 8), ("419", 3), ("double", 3), ("500", 2)])
        n_flow[flow] += 1
        json_body = d.year >= 2023 and rng.random() < 0.9
        if flow == "ok":
            seq = [(t, 302, fields)]
        elif flow == "422":
            bad = dict(fields)
            if bad["zhsn"] and rng.random() < 0.7:
                i = rng.randrange(12)
                bad["zhsn"] = bad["zhsn"][:i] + bad["zhsn"][i + 1:]       # eleven digits
            else:
                bad["tugan_kuni"] = ""
            seq = [(t, 422, bad), (t + dt.timedelta(seconds=rng.randint(40, 600)), 302, fields)]
        elif flow == "419":
            seq = [(t, 419, fields), (t + dt.timedelta(seconds=rng.randint(30, 300)), 302, fields)]
        elif flow == "double":
            seq = [(t, 302, fields), (t + dt.timedelta(seconds=rng.randint(1, 4)), 302, fields)]
        else:
            seq = [(t, 500, fields), (t + dt.timedelta(seconds=rng.randint(60, 900)), 302, fields)]
        token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(40))
        for k, (tt, st, fl) in enumerate(seq):
            if st == 419 or (k and seq[0][1] == 419):
                token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40))
            attempts.append((tt, ip, ua, st, fl, persons, json_body, token))
    attempts.sort(key=lambda a: (a[0], a[1]))
    lines = []
    n_json = 0
    for rid, (tt, ip, ua, st, fl, persons, json_body, token) in enumerate(attempts, start=1):
        tz = "+06:00" if tt < dt.datetime(2024, 3, 1) else "+05:00"        # one time zone for the country from 1 March 2024
        if json_body:
            n_json += 1
            cat = {"mektep": "school", "stud": "student", "eresek": "adult"}[fl["sanat"]]
            obj = {"lastName": fl["tegi"], "firstName": fl["aty"], "middleName": fl["akesinin_aty"] or None,
                   "birthDate": fl["tugan_kuni"] or None, "iin": fl["zhsn"] or None, "category": cat, "city": fl["qala"],
                   "school": fl["mektep"] or None, "grade": int(fl["synyp"]) if fl["synyp"] else None,
                   "parent": {"fullName": fl["ata_ana"], "phone": fl["ata_ana_tel"] or None} if fl["ata_ana"] else None,
                   "phone": fl["tel"] or None, "email": fl["email"] or None, "poem": fl["oleng"],
                   "mentor": fl["zhetekshi"] or None, "consent": True}
            body = nginx_escape(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
            req = "POST /api/v1/registrations HTTP/2.0"
            ref = "https://abaioqulary.kz/kz/register"
        else:
            keys = ["_token", "sanat", "tegi", "aty", "akesinin_aty", "tugan_kuni", "zhsn", "qala", "mektep", "synyp",
                    "ata_ana", "ata_ana_tel", "tel", "email", "oleng", "zhetekshi", "kelisim"]
            vals = dict(fl, _token=token, kelisim="on")
            body = "&".join(f"{k}={quote_plus(vals[k])}" for k in keys)
            req = "POST /tirkelu HTTP/1.1"
            ref = "https://abaioqulary.kz/tirkelu"
        nbytes = {302: 0, 422: rng.randint(900, 1400), 419: 2147, 500: 578}[st]
        lines.append("\t".join([tt.strftime("%Y-%m-%dT%H:%M:%S") + tz, ip, req, str(st), str(nbytes), ref, ua, body]))
        for k, (q, ev) in enumerate(persons):
            ctx.t(FILE, str(rid) if k == 0 else f"{rid}#2", q, ev)
    ctx.files[FILE] = ("\n".join(lines) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"lines": len(attempts), "registrations": len(regs), "json_bodies": n_json,
                            "flows": dict(sorted(n_flow.items())),
                            "parents": sum(1 for a in attempts if len(a[5]) > 1),
                            "persons": sum(len(a[5]) for a in attempts)}

# ================================================================================================================
# 5. horse races (бәйге): entries, child jockeys, prizes written to their recipients in the Kazakh dative
# ================================================================================================================
HORSES = ["Тарлан", "Көкжал", "Құлагер", "Ақтабан", "Сұрша", "Тайбурыл", "Жирен", "Қарагер", "Ақбоз", "Шұбар",
          "Керқұла", "Бозжорға", "Қаракөк", "Ақжал", "Тұлпар", "Желмая"]
COLOURS = ["торы", "жирен", "кер", "құла", "қара", "боз", "сұр", "шабдар"]
RACES = [("Наурыз мейрамына арналған аламан бәйге", 3, 22, "Аягөз қ., ипподром", ("aya", "shr", "kal", "aks"), "аламан"),
         ("Үржар ауданының жазғы бәйгесі", 6, 25, "Үржар а., \"Ақбұлақ\" алаңы", ("urz", "mak", "aks"), "құнан"),
         ("Абай күніне арналған ат бәйгесі", 8, 10, "Абай ауданы, Қарауыл а.", ("kar", "kai", "sar", "sem", "aya"), "аламан")]
PRIZES = ["Toyota Camry автокөлігі", "1 000 000 теңге", "Нива автокөлігі", "500 000 теңге", "түйе", "тоқты", "300 000 теңге",
          "кілем", "200 000 теңге", "тоңазытқыш", "100 000 теңге"]


def baige(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "baige.json"
    owners = {}
    for p in pop.persons:
        if p.sex != "M" or p.people not in ("kz", "ru") or (p.people == "ru" and rng.random() > 0.1):
            continue
        if rng.random() >= min(0.6, 0.19 * p.vis):
            continue
        owners[p.pid] = [(rng.choice(HORSES), rng.choice(COLOURS), rng.randint(2004, 2019)) for _ in
                         range(wpick(rng, [(1, 60), (2, 30), (3, 10)]))]
    entries = []
    n_races = 0
    for y in range(2016, 2025):
        if y == 2020:
            continue                       # no races in the year of the pandemic
        for title, mo, da, place, catch, kind in RACES:
            rd = D(y, mo, da) if mo != 6 else D(y, 6, rng.randint(20, 30))
            field = []
            for pid, horses in owners.items():
                p = pop.by[pid]
                if not pop.alive(p, rd) or not (25 <= age(p.birth, rd) <= 78) or pop.town_at(p, rd) not in catch:
                    continue
                if rng.random() >= 0.4:
                    continue
                for h in rng.sample(horses, 1 if len(horses) == 1 or rng.random() < 0.85 else 2):
                    field.append((p, h))
            rng.shuffle(field)
            field = field[:30]
            if len(field) < 4:
                continue
            n_races += 1
            fin = list(range(len(field)))
            rng.shuffle(fin)
            for no, (p, h) in enumerate(field, start=1):
                entries.append((rd, title, place, kind, no, p, h, fin[no - 1] + 1, len(field)))
    out = []
    rid = 0
    n_dat = Counter()
    for rd, title, place, kind, no, p, h, place_no, nf in entries:
        rid += 1
        town = pop.town_at(p, rd)
        # the jockey: a boy of 9-15, a grandson, son or nephew where there is one, else a boy of the village
        fam = []
        for c in p.children:
            fam.append(c)
            fam.extend(c.children)
        if p.father is not None:
            for b in p.father.children:
                if b is not p:
                    fam.extend(b.children)
        fam = [c for c in fam if pop.alive(c, rd) and 9 <= age(c.birth, rd) <= 15 and (c.sex == "M" or rng.random() < 0.1)
               and pop.town_at(c, rd)]
        if fam and rng.random() < 0.6:
            j = rng.choice(fam)
        else:
            pool = [c for c in pop.persons if 9 <= age(c.birth, rd) <= 15 and pop.alive(c, rd) and c.sex == "M"
                    and pop.town_at(c, rd) == town] if town else []
            j = rng.choice(pool) if pool else (rng.choice(fam) if fam else None)
        x = rng.random()
        if x < 0.6:
            oname = nm.full(p, rd, "kk", kz_style=True)
        elif x < 0.8:
            oname = nm.full(p, rd, "kk", kz_style=False)
        else:
            oname = nm.full(p, rd, "kk", pat=False)
        owner = {"аты-жөні": F.name(oname, FILE)}
        iin = F.iin(p.iin, FILE) if rng.random() < 0.7 else None
        if iin:
            owner["ЖСН"] = iin
        y = rng.random()
        if y < 0.4:
            owner["туған жылы"] = p.birth.year
            obev = "partial"
        elif y < 0.6:
            owner["туған күні"] = f_dmy(F.birth(p.birth, FILE))
            obev = "full"
        else:
            obev = None
        a = pop.addr_at(p, rd)
        owner["мекенжайы"] = addr_kk(a) if a and rng.random() < 0.3 else f"{TOWNS[town][1]} {TOWNS[town][3]}"
        ph = pop.phone_at(p, rd)
        if ph and rng.random() < 0.6:
            owner["телефоны"] = phone_fmt(ph, rng.choice(["eight", "plus"]))
        persons = [(1, p, ev_of(bool(iin), "full", obev))]
        jk = None
        if j is not None:
            jk = {"аты": F.name(nm.first(j, "kk" if rng.random() < 0.9 else "ru"), FILE)}
            if rng.random() < 0.4:
                jk["тегі"] = nm.sur(j, rd, "kk")
            z = rng.random()
            ja = age(j.birth, rd)
            if z < 0.5:
                jk["жасы"] = f"{ja} жаста"
            elif z < 0.8:
                jk["жасы"] = ja
            elif z < 0.95:
                jk["туған жылы"] = j.birth.year
            jiin = F.iin(j.iin, FILE) if rng.random() < 0.15 else None
            if jiin:
                jk["ЖСН"] = jiin
            persons.append((2, j, ev_of(bool(jiin), "full" if "тегі" in jk else "first", "partial" if z < 0.95 else None)))
        else:
            jk = None
        res = {"орны": place_no, "уақыты": f"{rng.randint(24, 38) if kind == 'аламан' else rng.randint(12, 19)}:"
                                           f"{rng.randint(0, 59):02d}"}
        if rng.random() < 0.06:
            res = {"орны": rng.choice(["шықпады", "құлады", "мәреге жетпеді"]), "уақыты": None}
            place_no = 99
        prize = None
        if place_no <= (6 if kind == "аламан" else 3):
            z = rng.random()
            sons = [c for c in p.children if c.sex == "M" and pop.alive(c, rd) and age(c.birth, rd) >= 18]
            if z < 0.1 and j is not None:
                to, rcv, rev = "шабандоз " + kk_dative(nm.first(j, "kk")), j, "first"
                n_dat["jockey"] += 1
            elif z < 0.2 and sons:
                s = rng.choice(sons)
                to, rcv, rev = nm.sur(s, rd, "kk") + " " + kk_dative(nm.first(s, "kk")), s, "full"
                n_dat["owner's son"] += 1
            else:
                pt = nm.pat(p, "kk", kz_style=True)
                if rng.random() < 0.35 and pt:
                    to = f"{nm.sur(p, rd, 'kk')} {nm.first(p, 'kk')} {kk_dative(pt)}"
                else:
                    to = f"{nm.sur(p, rd, 'kk')} {kk_dative(nm.first(p, 'kk'))}"
                rcv, rev = p, "full"
                n_dat["owner"] += 1
            prize = {"сыйлық": PRIZES[min(place_no - 1 + rng.randint(0, 2), len(PRIZES) - 1)], "берілді": F.name(to, FILE)}
            persons.append((3, rcv, ev_of(False, rev, None)))
        rec = {"№": no, "жарыс": {"атауы": title, "түрі": f"{kind} бәйге" if kind != "жорға" else "жорға жарыс",
                                 "күні": f_dmy(rd), "өтетін жері": place},
               "ат": {"лақап аты": h[0], "түсі": h[1], "жасы": max(3, rd.year - h[2])},
               "ат иесі": owner, "шабандоз": jk, "нәтиже": res, "жүлде": prize}
        out.append(rec)
        for k, q, ev in persons:
            ctx.t(FILE, str(rid) if k == 1 else f"{rid}#{k}", q, ev)
    ctx.files[FILE] = json.dumps(out, ensure_ascii=False, indent=2).encode("utf-8")
    ctx.stat_files[FILE] = {"entries": len(out), "races": n_races, "owners": len({e[5].pid for e in entries}),
                            "jockeys": sum(1 for r in out if r["шабандоз"]), "prizes_in_dative": dict(sorted(n_dat.items())),
                            "persons": sum(1 + (1 if r["шабандоз"] else 0) + (1 if r["жүлде"] else 0) for r in out)}

# ================================================================================================================
# 6. the register of the exposed population and their descendants (PostgreSQL, parallel string_agg lists)
# ================================================================================================================
GNMR_ZONE = {"x": "ЗЧРР", "m": "ЗМРР", "p": "ЗПРР", "n": "ЗМинРР"}
GNMR_DOSE = {"x": (250, 900), "m": (100, 450), "p": (20, 120), "n": (5, 40)}


def pg_csv(v):
    """A value as PostgreSQL's COPY ... CSV writes it: NULL as nothing, an empty string as "", quotes where needed."""
    if v is None:
        return ""
    if v == "":
        return '""'
    if any(c in v for c in ',"\n\r') or v != v.strip():
        return '"' + v.replace('"', '""') + '"'
    return v


def gnmr(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "gnmr_urpaqtar.csv"
    EXPORT = D(2024, 11, 20)
    founders = []
    for p in pop.persons:
        if not (D(1930, 1, 1) <= p.birth <= D(1962, 12, 31)):
            continue
        t = pop.early_town(p)
        if t is None or TOWNS[t][7] == "l":
            continue
        rd = rdate(rng, D(1995, 1, 1), D(2012, 12, 31))
        if not pop.alive(p, rd):
            continue
        if rng.random() >= min(0.8, 0.46 * (0.6 + 0.4 * p.vis)):
            continue
        founders.append((rd, p, t))
    founders.sort(key=lambda f: (f[0], f[1].pid))
    desc_db = {}          # a descendant's one row in the register: name, birth, IIN as entered
    n_desc_rows = 0

    def desc_row(q):
        if q.pid in desc_db:
            return desc_db[q.pid]
        v = None
        rd = rdate(rng, max(D(1998, 1, 1), yrs(q.birth, 1)), EXPORT)
        if rng.random() < 0.55 and pop.alive(q, rd) and rd > q.birth:
            sc = "kk" if q.people == "kz" and q.birth.year >= 1990 and rng.random() < 0.25 else "ru"
            fio = F.name(nm.full(q, rd, sc, pat=rng.random() < 0.95), FILE)
            b = F.birth(q.birth, FILE) if rng.random() < 0.92 else None
            iin = F.iin(q.iin, FILE) if rng.random() < (0.9 if rd >= D(2009, 1, 1) else 0.6) else None
            v = (fio, b, iin)
        desc_db[q.pid] = v
        return v

    rows = []
    n_short = 0
    reg = 100000
    for rd, p, t in founders:
        reg += rng.randint(1, 6)
        fio = F.name(nm.full(p, rd, "ru", pat=rng.random() < 0.98), FILE)
        b = F.birth(p.birth, FILE)
        iin = F.iin(p.iin, FILE) if rng.random() < 0.8 else None
        z = TOWNS[t][7]
        dose = round(rng.uniform(*GNMR_DOSE[z]), 1)
        dead = p.death is not None and p.death <= EXPORT
        desc = []
        gen1 = list(p.children)
        for g, lst in enumerate([gen1, [c for x in gen1 for c in x.children],
                                 [c for x in gen1 for y in x.children for c in y.children]], start=1):
            for q in lst:
                if q.birth > EXPORT:
                    continue
                v = desc_row(q)
                if v is not None:
                    desc.append((q, v, f"F{g}"))
        # ORDER BY dob (NULLS LAST), then the name
        desc.sort(key=lambda x: (x[1][1] is None, x[1][1] or D(2100, 1, 1), x[1][0]))
        n_desc_rows += len(desc)
        pf = "; ".join(v[0] for _, v, _ in desc) if desc else None
        pd = "; ".join(v[1].strftime("%d.%m.%Y") if v[1] else "" for _, v, _ in desc) if desc else None
        iins = [v[2] for _, v, _ in desc if v[2]]       # string_agg skips NULLs: this list may be shorter
        pi = "; ".join(iins) if iins else None
        if desc and len(iins) != len(desc):
            n_short += 1
        pg = "; ".join(g for _, _, g in desc) if desc else None
        rows.append(([str(reg), fio, b.isoformat(), iin, "м" if p.sex == "M" else "ж", rng.choice(SOVIET_PLACE[t]),
                      GNMR_ZONE[z], f"{dose:.1f}", rd.isoformat(), "умер" if dead else "жив",
                      p.death.isoformat() if dead else None, pf, pd, pi, pg],
                     [(p, ev_of(bool(iin), "full", "full"))] +
                     [(q, ev_of(bool(v[2]), "full", "full" if v[1] else None)) for q, v, _ in desc]))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["reg_nomer", "fio", "data_rozhd", "iin", "pol", "nas_punkt_1949_1962", "zona", "doza_msv", "data_vkl",
                "status", "data_smerti", "potomki_fio", "potomki_data_rozhd", "potomki_iin", "potomki_pokolenie"])
    for rid, (vals, persons) in enumerate(rows, start=1):
        out.write(",".join(pg_csv(v) for v in vals) + "\n")
        for k, (q, ev) in enumerate(persons):
            ctx.t(FILE, str(rid) if k == 0 else f"{rid}#{k + 1}", q, ev)
    ctx.files[FILE] = out.getvalue().encode("utf-8")
    ctx.stat_files[FILE] = {"rows": len(rows), "descendants_listed": n_desc_rows,
                            "descendants_in_the_register": sum(1 for v in desc_db.values() if v),
                            "rows_whose_iin_list_is_shorter": n_short,
                            "founders_with_a_founder_spouse": sum(1 for _, p, _ in founders
                                                                  if any((m.w if m.h is p else m.h) in {f[1] for f in founders}
                                                                         for m in p.marriages)),
                            "persons": len(rows) + n_desc_rows}

# ================================================================================================================
# 7. a forest reserve's firewood tickets (a binary Excel 97-2003 workbook; the name split by Text to Columns)
# ================================================================================================================
def biff_rec(t, data):
    return struct.pack("<HH", t, len(data)) + data


def biff_str16(s):
    try:
        return struct.pack("<HB", len(s), 0) + s.encode("latin-1")
    except UnicodeEncodeError:
        return struct.pack("<HB", len(s), 1) + s.encode("utf-16-le")


def biff_str8(s):
    try:
        return struct.pack("<BB", len(s), 0) + s.encode("latin-1")
    except UnicodeEncodeError:
        return struct.pack("<BB", len(s), 1) + s.encode("utf-16-le")


def biff_xf(ifnt, ifmt, style):
    return biff_rec(0x00E0, struct.pack("<HHHBBBBIIH", ifnt, ifmt, 0xFFF5 if style else 0x0001, 0x20, 0, 0,
                                        0xF4 if style else (0x04 if ifmt else 0), 0, 0, 0x20C0))


def cfb_file(stream, name="Workbook"):
    """An OLE2 compound file (version 3, 512-byte sectors) holding one stream."""
    SS = 512
    if len(stream) < 4096:
        stream = stream + b"\0" * (4096 - len(stream))
    size = len(stream)
    n = (size + SS - 1) // SS
    stream = stream + b"\0" * (n * SS - size)
    f = 1
    while n + 1 + f > 128 * f:
        f += 1
    fat = [i + 1 if i < n - 1 else 0xFFFFFFFE for i in range(n)] + [0xFFFFFFFE] + [0xFFFFFFFD] * f
    fat += [0xFFFFFFFF] * (128 * f - len(fat))
    hdr = bytearray(512)
    hdr[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", hdr, 0x18, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", hdr, 0x28, 0, f, n, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    struct.pack_into("<I", hdr, 0x48, 0)
    struct.pack_into("<109I", hdr, 0x4C, *([n + 1 + i for i in range(f)] + [0xFFFFFFFF] * (109 - f)))

    def dentry(nm_, typ, child, start, sz):
        e = bytearray(128)
        b = nm_.encode("utf-16-le") + b"\0\0" if nm_ else b""
        e[0:len(b)] = b
        struct.pack_into("<HBB", e, 0x40, len(b), typ, 1 if nm_ else 0)
        struct.pack_into("<III", e, 0x44, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<IQ", e, 0x74, start, sz)
        return bytes(e)
    dr = dentry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + dentry(name, 2, 0xFFFFFFFF, 0, size) + \
        dentry("", 0, 0xFFFFFFFF, 0, 0) * 2
    return bytes(hdr) + stream + dr + struct.pack("<%dI" % len(fat), *fat)


def biff8_workbook(sheet_name, cells):
    """A BIFF8 workbook of one sheet. cells: (row, col, value); str -> LABEL, date -> NUMBER with a date format,
    number -> NUMBER."""
    g = biff_rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    g += biff_rec(0x00E1, struct.pack("<H", 1200))
    g += biff_rec(0x0042, struct.pack("<H", 1200))
    g += biff_rec(0x003D, struct.pack("<HHHHHHHHH", 0x0168, 0x001E, 0x3A98, 0x2328, 0x0038, 0, 0, 1, 0x0258))
    for _ in range(5):
        g += biff_rec(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0xCC, 0) + biff_str8("Arial Cyr"))
    g += biff_rec(0x041E, struct.pack("<H", 164) + biff_str16("DD.MM.YYYY"))
    for _ in range(15):
        g += biff_xf(0, 0, True)
    g += biff_xf(0, 0, False)          # 15: General
    g += biff_xf(0, 164, False)        # 16: a date
    g += biff_rec(0x0293, struct.pack("<HBB", 0x8000, 0, 0xFF))
    eof = biff_rec(0x000A, b"")
    sheet_off = len(g) + 4 + 6 + len(biff_str8(sheet_name)) + len(eof)
    g += biff_rec(0x0085, struct.pack("<IBB", sheet_off, 0, 0) + biff_str8(sheet_name))
    g += eof
    s = biff_rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    s += biff_rec(0x0200, struct.pack("<IIHHH", 0, max(c[0] for c in cells) + 1, 0, max(c[1] for c in cells) + 1, 0))
    s += biff_rec(0x023E, struct.pack("<HHHHHHHHH", 0x06B6, 0, 0, 0x40, 0, 0, 0, 0, 0))
    for r, c, v in cells:
        if isinstance(v, str):
            s += biff_rec(0x0204, struct.pack("<HHH", r, c, 15) + biff_str16(v))
        elif isinstance(v, D):
            s += biff_rec(0x0203, struct.pack("<HHHd", r, c, 16, float((v - D(1899, 12, 30)).days)))
        else:
            s += biff_rec(0x0203, struct.pack("<HHHd", r, c, 15, float(v)))
    s += eof
    return cfb_file(g + s)


FORESTRIES = {"bor": ["Бородулихинское лесничество", "Новошульбинское лесничество"],
              "bes": ["Бескарагайское лесничество", "Долонское лесничество"],
              "sem": ["Жанасемейское лесничество", "Букебайское лесничество"]}
OTYN_HDR = ["№ п/п", "№ билета", "Дата выдачи", "Лесничество", "Фамилия", "Имя", "Отчество", None, "Дата рождения",
            "ИИН", "Адрес", "Вид заготовки", "Объём, м3", "Сумма, тг", "Мастер леса", "Доверенное лицо"]


def firewood(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "otyn_bilet.xls"
    masters = {k: [ctx.official(0.5) for _ in range(2)] for k in FORESTRIES}
    tickets = []
    for dw in pop.dws:
        if dw.addrs[0][1] is None:
            continue
        for y in range(2016, 2025):
            d = rdate(rng, D(y, 8, 1), D(y, 11, 30))
            a = at(dw.addrs, d)
            if a is None or a.town not in FORESTRIES:
                continue
            res = pop.residents(dw, d)
            adults = [p for p in res if age(p.birth, d) >= 25]
            if not adults:
                continue
            pr = (0.85 if a.town != "sem" else 0.035) * max(p.vis for p in adults)
            if rng.random() >= min(0.85, pr):
                continue
            men = sorted([p for p in adults if p.sex == "M"], key=lambda p: p.birth)
            x = rng.random()
            if men and x < 0.55:
                p = men[0]
            elif x < 0.9 and men and pop.spouse_at(men[0], d) in adults:
                p = pop.spouse_at(men[0], d)
            else:
                p = rng.choice(adults)
            tickets.append((d, p, a))
    tickets.sort(key=lambda t: (t[0], t[1].pid))
    cells = [(0, 0, "ГУ «Государственный лесной природный резерват «Семей орманы»»"),
             (1, 0, "Выписка лесорубочных билетов населению на дрова (сухостой, валежник), 2016-2024 гг.")]
    for j, h in enumerate(OTYN_HDR):
        if h:
            cells.append((3, j, h))
    n_split = Counter()
    n_proxy = 0
    per_year = Counter()
    for k, (d, p, a) in enumerate(tickets, start=1):
        r = 3 + k
        per_year[d.year] += 1
        sc = "kk" if p.people == "kz" and rng.random() < 0.1 else "ru"
        sur = nm.sur(p, d, sc)
        parts = [sur, nm.first(p, sc)]
        pt = nm.pat(p, sc) if rng.random() < 0.9 else None
        if pt and p.pat_kz and rng.random() < 0.6:
            pt = pt[:-3] + " " + pt[-3:] if pt.endswith(("ұлы", "улы")) else pt[:-4] + " " + pt[-4:]
        if pt:
            parts.append(pt)
        maiden = nm.sur(p, p.birth, sc)
        if p.sex == "F" and maiden != sur and rng.random() < 0.15:
            parts[0] = f"{sur} ({maiden})"
        fio = F.name(" ".join(parts), FILE)
        if rng.random() < 0.02 and len(fio.split(" ")) <= 3:
            i = fio.index(" ")
            fio = fio[:i] + " " + fio[i:]            # a double space: an empty column in the split
            n_split["double space"] += 1
        words = fio.split(" ")
        if len(words) > 3:
            n_split["a fourth word"] += 1
        b = F.birth(p.birth, FILE)
        y = rng.random()
        bval = b if y < 0.6 else f_dmy(b) if y < 0.85 else None
        iin = F.iin(p.iin, FILE) if rng.random() < 0.9 else None
        ival = (int(iin) if rng.random() < 0.45 else iin) if iin else None
        forestry = rng.choice(FORESTRIES[a.town])
        vol = rng.choice([5, 5, 8, 10, 10, 15, 20])
        kind = rng.choice(["сухостой", "валежник", "сухостой (сосна)", "дровяная древесина"])
        row = [k, f"ЛБ-{per_year[d.year]:04d}/{d.year}", d, forestry] + words[:4] + [None] * (4 - len(words[:4])) + \
              [bval, ival, addr_ru(a, d, style="short"), kind, vol, vol * rng.choice([870, 920, 1150, 1380]),
               rng.choice(masters[a.town])]
        ctx.t(FILE, str(k), p, ev_of(bool(iin), "full", "full" if bval else None))
        proxy = None
        if rng.random() < 0.15:
            cands = [c for c in p.children if pop.alive(c, d) and age(c.birth, d) >= 18]
            sp = pop.spouse_at(p, d)
            if sp is not None:
                cands.append(sp)
            if cands:
                q = rng.choice(cands)
                rel = rel_word(relation(pop, p, q, d), q.sex)
                z = rng.random()
                if z < 0.5:
                    proxy, pev = f"{nm.full(q, d, 'ru')}, {rel}", "full"
                elif z < 0.8:
                    proxy, pev = f"{nm.initials(q, d, 'ru')} ({rel})", "initials"
                else:
                    proxy, pev = f"{rel} {nm.first(q, 'ru')}", "first"
                proxy = F.name(proxy, FILE)
                ctx.t(FILE, f"{k}#2", q, ev_of(False, pev, None))
                n_proxy += 1
        row.append(proxy)
        for j, v in enumerate(row):
            if v is None or v == "":
                continue
            cells.append((r, j, v))
    ctx.files[FILE] = biff8_workbook("Лист1", cells)
    ctx.stat_files[FILE] = {"tickets": len(tickets), "recipients": len({t[1].pid for t in tickets}), "proxies": n_proxy,
                            "names_split": dict(sorted(n_split.items())), "persons": len(tickets) + n_proxy}

# ================================================================================================================
# 8. a dairy's monthly payments for milk (a mobile app's sync log: JSON strings in 2023, JSON objects from 2024)
# ================================================================================================================
POINTS = {"bor": "Бородулиха", "bes": "Бесқарағай", "shr": "Шар", "kal": "Қалбатау", "kar": "Қарауыл", "kai": "Қайнар",
          "urz": "Үржар", "aks": "Ақсуат", "mak": "Мақаншы", "sar": "Саржал"}


def milk(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "sut_tapsyru.jsonl"
    lines = []
    n_v = Counter()
    n_sup = 0
    for dw in pop.dws:
        for year in (2023, 2024):
            d0 = D(year, 4, 1)
            a = at(dw.addrs, d0)
            if a is None or a.town not in POINTS:
                continue
            adults = [p for p in pop.residents(dw, d0) if 28 <= age(p.birth, d0) <= 82]
            if not adults:
                continue
            if rng.random() >= min(0.7, 0.15 * max(p.vis for p in adults)):
                continue
            women = [p for p in adults if p.sex == "F"]
            sup = rng.choice(women) if women and rng.random() < 0.7 else rng.choice(adults)
            n_sup += 1
            # who is paid: her own card, a grown child's, the spouse's
            kids = [c for c in sup.children if pop.alive(c, d0) and age(c.birth, d0) >= 18]
            sp = pop.spouse_at(sup, d0)
            x = rng.random()
            payee = sup if x < 0.55 else rng.choice(kids) if kids and x < 0.9 else sp if sp is not None else sup
            if year == 2023:
                y = rng.random()
                name = nm.full(sup, d0, "ru", pat=False) if y < 0.55 else \
                    f"{nm.first(sup, 'ru')} {nm.pat(sup, 'ru') or ''}".strip() if y < 0.7 else \
                    nm.full(sup, d0, "kk", pat=False) if y < 0.9 and sup.people == "kz" else nm.full(sup, d0, "ru")
                nev = "first" if 0.55 <= y < 0.7 else "full"
            else:
                name = nm.full(sup, d0, "ru" if rng.random() < 0.6 or sup.people != "kz" else "kk", pat=rng.random() < 0.5)
                nev = "full"
            name = F.name(name, FILE)
            iin = F.iin(sup.iin, FILE) if rng.random() < (0.85 if year == 2023 else 0.92) else None
            bd = F.birth(sup.birth, FILE).isoformat() if year == 2024 and rng.random() < 0.6 else None
            start = rng.randint(4, 6)
            for mo in range(start, 11):
                md = D(year, mo, 15)
                if not pop.alive(sup, md) or pop.home_at(sup, md) is not dw or rng.random() >= 0.55:
                    continue
                litres = round(rng.uniform(80, 600), 1)
                fat = round(rng.uniform(3.2, 4.4), 1)
                price = 180 if year == 2023 else 200
                ph = pop.phone_at(sup, md)
                cash = rng.random() < 0.08 or not pop.alive(payee, md)
                synced = dt.datetime(year, mo, 28, rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59)) + \
                    dt.timedelta(days=rng.randint(0, 12))
                uid = f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{rng.getrandbits(12):03x}-" \
                      f"{rng.choice('89ab')}{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}"
                persons = [(sup, ev_of(bool(iin), nev, "full" if bd else None))]
                if year == 2023:
                    card = None
                    if not cash:
                        holder = f"{nm.first(payee, 'icao')} {nm.sur(payee, md, 'icao')}".upper()
                        card = {"holder": holder, "mask": f"4400 43** **** {rng.randint(1000, 9999)}", "bank": "Halyk"}
                        persons.append((payee, ev_of(False, "full", None)))
                    obj = {"id": uid, "point": POINTS[a.town], "period": f"{year}-{mo:02d}",
                           "supplier": {"name": name, "iin": iin, "phone": phone_fmt(ph, "eight") if ph else None},
                           "litres": litres, "fat": fat, "sum": int(litres * price), "card": card,
                           "synced": synced.strftime("%Y-%m-%d %H:%M:%S")}
                    line = json.dumps(json.dumps(obj, ensure_ascii=False), ensure_ascii=False)    # sent as a string
                    n_v["json_string"] += 1
                else:
                    if cash:
                        payout = {"method": "cash"}
                    else:
                        pph = pop.phone_at(payee, md)
                        psc = "kk" if payee.people == "kz" and rng.random() < 0.5 else "ru"
                        payout = {"method": "kaspi_transfer",
                                  "recipient": f"{nm.first(payee, psc)} {nm.sur(payee, md, psc)[0]}.",
                                  "phone": phone_fmt(pph, "spaced") if pph else None}
                        persons.append((payee, ev_of(False, "first", None)))
                    obj = {"uuid": uid, "collection_point": POINTS[a.town], "month": f"{year}-{mo:02d}",
                           "farmer": {"full_name": name, "iin": iin, "birth_date": bd,
                                      "phone": phone_fmt(ph, "spaced") if ph else None},
                           "volume_l": litres, "fat_pct": fat, "amount": int(litres * price), "payout": payout,
                           "synced_at": synced.strftime("%Y-%m-%dT%H:%M:%S+05:00")}
                    line = json.dumps(obj, ensure_ascii=False)
                    n_v["json_object"] += 1
                lines.append((synced, uid, line, persons))
    lines.sort(key=lambda x: (x[0], x[1]))
    for rid, (_, _, line, persons) in enumerate(lines, start=1):
        for k, (q, ev) in enumerate(persons):
            ctx.t(FILE, str(rid) if k == 0 else f"{rid}#2", q, ev)
    ctx.files[FILE] = ("\n".join(x[2] for x in lines) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"lines": len(lines), "supplier_years": n_sup, "lines_by_kind": dict(sorted(n_v.items())),
                            "payees": sum(1 for x in lines if len(x[3]) > 1),
                            "persons": sum(len(x[3]) for x in lines)}


# ----------------------------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------------------------
def namesakes(ctx, by_person):
    """Persons of the extracts who share a surname (as of the end of 2024, Russian letters) and a first name with
    another person of the extracts, and who share them and the year of birth too."""
    ps = [ctx.pop.by[pid] for pid in by_person]
    a = Counter((ctx.nm.sur(p, END, "ru"), p.first["ru"]) for p in ps)
    b = Counter((ctx.nm.sur(p, END, "ru"), p.first["ru"], p.birth.year) for p in ps)
    return {"persons_sharing_surname_and_first_name": sum(n for n in a.values() if n > 1),
            "persons_sharing_them_and_the_birth_year": sum(n for n in b.values() if n > 1),
            "twins_in_extracts": sum(1 for p in ps if p.twin and p.twin in by_person)}


ORDER = ["poligon_kualik.xlsx", "dozimetr.parquet", "ara_pasekalary.txt", "abai_oqulary.tsv", "baige.json",
         "gnmr_urpaqtar.csv", "otyn_bilet.xls", "sut_tapsyru.jsonl"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    ctx = Ctx(a.seed, a.persons)
    poligon(ctx)
    dozimetr(ctx)
    apiaries(ctx)
    contest(ctx)
    baige(ctx)
    gnmr(ctx)
    firewood(ctx)
    milk(ctx)
    os.makedirs(a.out, exist_ok=True)
    for name in ORDER:
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(ctx.files[name])
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "record_id", "person_id"])
        for row in ctx.truth:
            w.writerow(row)
    pop = ctx.pop
    by_person = Counter(pid for _, _, pid in ctx.truth)
    files_of = defaultdict(set)
    recs = defaultdict(Counter)
    for fl, _, pid in ctx.truth:
        files_of[pid].add(fl)
        recs[pid][fl] += 1
    pairs = sum(n * (n - 1) // 2 for n in by_person.values())
    pair_by_files = Counter()
    for pid, c in recs.items():
        fl = sorted(c)
        for i, f1 in enumerate(fl):
            pair_by_files[(f1, f1)] += c[f1] * (c[f1] - 1) // 2
            for f2 in fl[i + 1:]:
                pair_by_files[(f1, f2)] += c[f1] * c[f2]
    st = {
        "seed": a.seed,
        "persons_drawn": len(pop.persons),
        "population": dict(sorted(pop.stats.items())),
        "peoples": dict(sorted(Counter(p.people for p in pop.persons).items())),
        "kandas_persons": sum(1 for p in pop.persons if p.kandas is not None),
        "persons_with_a_father_name_surname": sum(1 for p in pop.persons if p.surnames[0][1][0] == "uly"),
        "old_believer_names": sum(1 for p in pop.persons if p.first_key in OB_M + OB_F),
        "couples": sum(len([m for m in p.marriages if m.h is p]) for p in pop.persons),
        "twins_persons": sum(1 for p in pop.persons if p.twin),
        "deaths": sum(1 for p in pop.persons if p.death),
        "phones_changed": sum(1 for p in pop.persons if len(p.phones) > 1),
        "persons_with_two_or_more_surnames": sum(1 for p in pop.persons if len({s for _, s in p.surnames}) > 1),
        "records": len(ctx.truth),
        "namesakes_in_extracts": namesakes(ctx, by_person),
        "persons_in_extracts": len(by_person),
        "persons_by_number_of_files": dict(sorted(Counter(len(v) for v in files_of.values()).items())),
        "records_per_person": dict(sorted(Counter(by_person.values()).items())),
        "true_pairs": pairs,
        "true_pairs_by_file_pair": {f"{k[0]} | {k[1]}": v for k, v in sorted(pair_by_files.items())},
        "files": ctx.stat_files,
        "faults": {f"{k[0]}:{k[1]}": v for k, v in sorted(ctx.F.n.items())},
        "evidence": {f: dict(sorted(c.items())) for f, c in ctx.evidence.items()},
    }
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(st, f, ensure_ascii=False, indent=1)
    print(json.dumps({"records": st["records"], "persons_in_extracts": st["persons_in_extracts"], "true_pairs": pairs,
                      "files": {k: v.get("persons") for k, v in ctx.stat_files.items()}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
