#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A twenty-fourth linkage writer's generator, written apart from the project (from the linkage issue's text, the
# README's linkage part, `ukimet link --help` and extracts_twentythird.md alone), kept as its writer wrote it.
"""Seven agency extracts of West Kazakhstan region (Oral, Aksai and the villages), with their truth.

python bench/extracts_twentyfourth.py --seed S --out DIR [--persons N]

Writes, in DIR:
  kpo_access_passes.csv      a gas field's contractor access passes (PostgreSQL CSV, a json column of contacts)
  zhanuarlar_tirkeu.json     the region's register of dogs and cats (a GraphQL answer: edges and nodes)
  kasipodaq_syilyq.csv       a trade union's New Year gift lists (cp1251; the same column names twice)
  zhaiyk_bonus.parquet       a supermarket chain's bonus cards (ClickHouse Parquet: uint64, a struct birthday
                             without a year, a list of family members)
  mse_kuealandyru.csv        medical-social expertise decisions (DB2 EXPORT OF DEL: no header, CHAR padding,
                             DB2 timestamps)
  berezovka_koshiru.xlsx     the resettlement register of two villages (members as a numbered list in one cell)
  lager_zholdama.json        summer camp vouchers (a Spring Data REST HAL answer; Jackson's array dates)
  truth.csv                  file,record_id,person_id
  stats.json                 counts
Deterministic per seed (stdlib random only; fixed zip times).
"""
from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import io
import json
import os
import random
import zipfile
from collections import Counter, defaultdict

D = dt.date
START = D(2012, 1, 1)
END = D(2024, 12, 31)

# ----------------------------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------------------------

KZ_M = {
    0: "Ғабдолла Қабдолла Ізбасар Тұрмағамбет Мұқан Жұмағали Хамит Есенғали Сұлтанғали Қадыр Әбіл Сағи Ғұмар Мұхтар "
       "Серік Қайрат Амангелді Бақыт Жақсылық Мұрат Тілек Сағындық Ермек Қуаныш Хайролла Ғазиз Мақсот Төлеген Бисен "
       "Мәжит".split(),
    1: "Нұрлан Серік Ерлан Мұрат Асқар Ғалымжан Бауыржан Қайрат Талғат Ерболат Дәурен Айдар Мұхтар Ғабит Қуаныш "
       "Жандос Ержан Руслан Қанат Ермек Мақсат Сержан Ербол Асхат Арман Мейрам Азамат Самат Жасұлан Бекболат Нұржан "
       "Ғани".split(),
    2: "Нұрсұлтан Ерасыл Әлихан Ансар Ислам Нұрислам Алдияр Бекжан Ақылбек Мейірбек Темірлан Әділет Арсен Даниял "
       "Расул Айбек Нұрдәулет Ерназар Медет Ернұр Дархан Әмір Санжар Алинұр Рамазан Бексұлтан Жандос Айдос".split(),
}
KZ_F = {
    0: "Ұлбосын Күләш Бибігүл Қанипа Зәкира Нұрсұлу Ұмсын Хадиша Мәрзия Күлпаш Сәния Роза Майра Гүлсара Бақытгүл "
       "Зәуре Шолпан Сара Жамал Бағила Ұлжан Гүлжамал Әсия".split(),
    1: "Гүлнар Ғалия Сәуле Ләззат Жанар Айгүл Ақмарал Гүлмира Динара Алтынай Мәдина Нұргүл Әсел Жібек Балжан Гүлжан "
       "Эльмира Айжан Ақерке Салтанат Әлия Анар Жазира Мөлдір Әсем Жұлдыз Индира Майра".split(),
    2: "Аружан Әйгерім Томирис Сымбат Жансая Ақбота Інжу Дариға Фариза Назерке Аяжан Камила Сабина Айша Аяулым "
       "Медина Амина Ділназ Ақниет Еркежан Айару Мадина Жасмин Ару".split(),
}
RU_M = {
    0: "Николай Иван Василий Пётр Владимир Михаил Александр Виктор Анатолий Геннадий Фёдор Ефим Прокопий Тихон "
       "Никифор Фрол Ермолай Григорий Степан Алексей Юрий".split(),
    1: "Сергей Александр Андрей Алексей Дмитрий Игорь Евгений Олег Владимир Виталий Юрий Валерий Николай Михаил "
       "Павел Роман Денис Константин Вадим Максим".split(),
    2: "Артём Максим Даниил Кирилл Никита Илья Александр Дмитрий Матвей Егор Иван Тимофей Михаил Роман Владислав "
       "Глеб Арсений Лев".split(),
}
RU_F = {
    0: "Агафья Евдокия Пелагея Анна Мария Валентина Галина Нина Людмила Тамара Зинаида Антонина Клавдия Раиса Лидия "
       "Надежда Вера Любовь Прасковья".split(),
    1: "Елена Ольга Татьяна Наталья Ирина Светлана Юлия Марина Оксана Анна Екатерина Надежда Людмила Галина Лариса "
       "Валентина Евгения Инна Алёна".split(),
    2: "Анастасия Дарья Мария Анна Полина Виктория Елизавета Софья Ксения Алина Екатерина Арина Вероника Валерия "
       "Ангелина Милана Ева".split(),
}
TT_M = {
    0: "Габдулла Хабибулла Мирсаид Загир Фазыл Гариф Салих Мухамет Ахмет".split(),
    1: "Ринат Рустам Ильдар Равиль Рафаэль Фарит Марат Ильдус Рашид Айрат Азат Руслан".split(),
    2: "Тимур Артур Эмиль Камиль Данияр Ильнур Самир Карим Рамиль".split(),
}
TT_F = {
    0: "Галия Зайнаб Хадича Фатима Сания Гульсум Мадина Разия".split(),
    1: "Гульнара Альфия Зульфия Эльмира Резеда Лилия Гузель Ильсияр Венера Флюра Раиля Наиля".split(),
    2: "Алсу Камила Диляра Ралина Аделина Элина Амелия Ясмина".split(),
}
NAMES = {("kz", "M"): KZ_M, ("kz", "F"): KZ_F, ("ru", "M"): RU_M, ("ru", "F"): RU_F, ("tt", "M"): TT_M,
         ("tt", "F"): TT_F}

SUR_KZ = ("Кенжеғалиев Мұхамбетов Ғұмаров Сағынғалиев Нұрмағанбетов Досмұхамбетов Жұмағалиев Өтепқалиев Ізбасаров "
          "Қуанышқалиев Ғабдуллин Хамитов Мұқашев Иманғалиев Ермеков Шағырбаев Қабдешов Тасқалиев Бисенғалиев "
          "Есенғалиев Сұлтанғалиев Хайрушев Қадыров Ахметов Бердіқалиев Тұрмағамбетов Жақсыбаев Ғазизов Мәжитов "
          "Төлеуғалиев Айтқалиев Ихсанов Сатқалиев Мырзағалиев Ғайнуллин Құрманғалиев Шамғонов Кенжин Сисенғалиев "
          "Қайыржанов Жүсіпқалиев Мақсотов Исатаев Махамбетов Бекмұхамбетов Әбдіғалиев Оразғалиев Қожағалиев "
          "Жанғалиев Өтепов").split()
SUR_RU = ("Толстов Бородин Карпов Каршин Мартынов Мизинов Фомичёв Ружейников Хохлов Акутин Назаров Гузиков Черкесов "
          "Мякутин Сычугов Шапошников Кузнецов Иванов Попов Васильев Петров Соколов Михайлов Старков Бизянов Портнов "
          "Пономарёв Шевченко Бондаренко Коваленко Черных Седых Кривошеев Донсков Мельников Ковалёв Лысенко").split()
SUR_TT = ("Габдуллин Хайруллин Сагитов Галиуллин Мухаметзянов Ахметшин Зарипов Шарипов Файзуллин Гатауллин Закиров "
          "Валиев Гарипов Нигматуллин Сафин Хабибуллин").split()
SURNAMES = {"kz": SUR_KZ, "ru": SUR_RU, "tt": SUR_TT}

KK2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
NAME_RU = {"Ғабдолла": "Габдулла", "Қабдолла": "Кабдулла", "Амангелді": "Амангельды", "Әбіл": "Абиль",
           "Мейірбек": "Мейирбек", "Төлеген": "Тулеген", "Гүлнар": "Гульнар", "Айгүл": "Айгуль",
           "Бақытгүл": "Бакытгуль", "Әсел": "Асель", "Ләззат": "Ляззат", "Күләш": "Кулаш", "Бибігүл": "Бибигуль",
           "Нұргүл": "Нургуль", "Гүлмира": "Гульмира", "Гүлжан": "Гульжан", "Гүлсара": "Гульсара",
           "Гүлжамал": "Гульжамал", "Күлпаш": "Кульпаш", "Мөлдір": "Мольдир", "Ділназ": "Дильназ", "Әмір": "Амир",
           "Жұлдыз": "Жулдыз", "Тілек": "Тлек", "Сағындық": "Сагындык"}
SUR_RU_OVR = {"Өтепқалиев": "Утепкалиев", "Төлеуғалиев": "Тулеугалиев", "Шағырбаев": "Шагирбаев",
              "Жүсіпқалиев": "Жусупкалиев", "Өтепов": "Утепов"}

# Russian patronymics that no rule gives
PAT_RU = {"Юрий": ("Юрьевич", "Юрьевна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Василий": ("Васильевич", "Васильевна"),
          "Анатолий": ("Анатольевич", "Анатольевна"), "Виталий": ("Витальевич", "Витальевна"),
          "Валерий": ("Валерьевич", "Валерьевна"), "Евгений": ("Евгеньевич", "Евгеньевна"),
          "Геннадий": ("Геннадьевич", "Геннадьевна"), "Григорий": ("Григорьевич", "Григорьевна"),
          "Прокопий": ("Прокопьевич", "Прокопьевна"), "Арсений": ("Арсеньевич", "Арсеньевна"),
          "Игорь": ("Игоревич", "Игоревна"), "Лев": ("Львович", "Львовна"), "Павел": ("Павлович", "Павловна"),
          "Пётр": ("Петрович", "Петровна"), "Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"),
          "Михаил": ("Михайлович", "Михайловна"), "Артём": ("Артёмович", "Артёмовна"),
          "Фёдор": ("Фёдорович", "Фёдоровна")}

DIMS = {"Нұрлан": ["Нұрик"], "Нұржан": ["Нұрик"], "Нұрсұлтан": ["Нұрик"], "Ерлан": ["Ерик"], "Ержан": ["Ерик"],
        "Бауыржан": ["Бауке"], "Дәурен": ["Дауке"], "Талғат": ["Таке"], "Жандос": ["Жаке"], "Мақсат": ["Маке"],
        "Гүлнар": ["Гуля"], "Гүлмира": ["Гуля"], "Гүлжан": ["Гуля"], "Айгүл": ["Айка", "Айгуля"], "Әйгерім": ["Айка"],
        "Динара": ["Дина"], "Мәдина": ["Мади"], "Жанар": ["Жаника"], "Салтанат": ["Салта"], "Ақмарал": ["Марал"],
        "Александр": ["Саша", "Шура"], "Сергей": ["Серёжа"], "Алексей": ["Лёша"], "Дмитрий": ["Дима"],
        "Евгений": ["Женя"], "Евгения": ["Женя"], "Елена": ["Лена"], "Наталья": ["Наташа"], "Татьяна": ["Таня"],
        "Ольга": ["Оля"], "Екатерина": ["Катя"], "Владимир": ["Вова"], "Андрей": ["Андрюша"], "Михаил": ["Миша"],
        "Николай": ["Коля"], "Анастасия": ["Настя"], "Мария": ["Маша"], "Ирина": ["Ира"], "Светлана": ["Света"],
        "Юлия": ["Юля"], "Гульнара": ["Гуля"], "Альфия": ["Аля"], "Зульфия": ["Зуля"], "Ринат": ["Ринатик"],
        "Валентина": ["Валя"], "Людмила": ["Люда"], "Надежда": ["Надя"], "Галина": ["Галя"], "Иван": ["Ваня"],
        "Анна": ["Аня"], "Дарья": ["Даша"], "Виктория": ["Вика"], "Ксения": ["Ксюша"], "Максим": ["Макс"]}

# ----------------------------------------------------------------------------------------------------------------
# places: West Kazakhstan region
# ----------------------------------------------------------------------------------------------------------------

TOWNS = {
    # key: (ru, kk, ru kind, kk kind, district ru, district kk)
    "oral": ("Уральск", "Орал", "г.", "қ.", None, None),
    "aksai": ("Аксай", "Ақсай", "г.", "қ.", "Бурлинский", "Бөрлі"),
    "berez": ("Березовка", "Березовка", "с.", "а.", "Бурлинский", "Бөрлі"),
    "bestau": ("Бестау", "Бестау", "с.", "а.", "Бурлинский", "Бөрлі"),
    "peremet": ("Переметное", "Переметное", "с.", "а.", "Зеленовский", "Зеленов"),
    "darin": ("Дарьинское", "Дарьинское", "с.", "а.", "Зеленовский", "Зеленов"),
    "podst": ("Подстепное", "Подстепное", "с.", "а.", "Теректинский", "Теректі"),
    "zhymp": ("Жымпиты", "Жымпиты", "с.", "а.", "Сырымский", "Сырым"),
    "taskala": ("Таскала", "Тасқала", "с.", "а.", "Таскалинский", "Тасқала"),
    "zhanibek": ("Жанибек", "Жәнібек", "с.", "а.", "Жанибекский", "Жәнібек"),
}
TOWN_W = [("oral", 47), ("aksai", 14), ("berez", 7), ("bestau", 3.5), ("peremet", 5), ("darin", 4), ("podst", 5),
          ("zhymp", 5), ("taskala", 5), ("zhanibek", 4.5)]
TOWN_PEOPLE = {"oral": (66, 27, 7), "aksai": (58, 34, 8), "berez": (40, 55, 5), "bestau": (92, 6, 2),
               "peremet": (40, 55, 5), "darin": (35, 60, 5), "podst": (50, 45, 5), "zhymp": (95, 5, 0),
               "taskala": (70, 28, 2), "zhanibek": (96, 4, 0)}
BAITEREK = D(2018, 7, 1)   # Зеленовский район -> Байтерекский район (the generator switches on this day)

OR_STREETS = [("пр.", "Евразия", "Еуразия даңғылы"), ("пр.", "Достык", "Достық даңғылы"), ("пр.", "Абая", "Абай даңғылы"),
              ("ул.", "Сырыма Датова", "Сырым Датұлы көшесі"), ("ул.", "Мухита", "Мұхит көшесі"),
              ("ул.", "Курмангазы", "Құрманғазы көшесі"), ("ул.", "Жангир хана", "Жәңгір хан көшесі"),
              ("ул.", "Гагарина", "Гагарин көшесі"), ("ул.", "Шолохова", "Шолохов көшесі"),
              ("ул.", "Есенжанова", "Есенжанов көшесі"), ("ул.", "Темира Масина", "Темір Масин көшесі"),
              ("ул.", "Монкеулы", "Мөңкеұлы көшесі"), ("ул.", "Кердери", "Кердері көшесі"),
              ("ул.", "Ихсанова", "Ихсанов көшесі"),
              ("мкр.", "Строитель", "Құрылысшы шағын ауданы"), ("мкр.", "Жулдыз", "Жұлдыз шағын ауданы"),
              ("мкр.", "Астана", "Астана шағын ауданы"), ("мкр.", "Северо-Восток-1", "Солтүстік-Шығыс-1 шағын ауданы"),
              ("мкр.", "Северо-Восток-2", "Солтүстік-Шығыс-2 шағын ауданы"), ("мкр.", "Кунаева", "Қонаев шағын ауданы")]
AK_STREETS = [("мкр.", "2", "2 шағын ауданы"), ("мкр.", "4", "4 шағын ауданы"), ("мкр.", "5", "5 шағын ауданы"),
              ("мкр.", "10", "10 шағын ауданы"), ("ул.", "Железнодорожная", "Темір жол көшесі"),
              ("ул.", "Победы", "Жеңіс көшесі"), ("ул.", "Дружбы народов", "Халықтар достығы көшесі"),
              ("ул.", "Молодёжная", "Жастар көшесі")]
VI_STREETS = [("ул.", "Школьная", "Мектеп көшесі"), ("ул.", "Центральная", "Орталық көшесі"),
              ("ул.", "Набережная", "Жағалау көшесі"), ("ул.", "Садовая", "Бақ көшесі"), ("ул.", "Степная", "Дала көшесі"),
              ("ул.", "Молодёжная", "Жастар көшесі"), ("ул.", "Абая", "Абай көшесі"), ("ул.", "Мира", "Бейбітшілік көшесі")]


def streets(town):
    return OR_STREETS if town == "oral" else AK_STREETS if town == "aksai" else VI_STREETS


class Addr:
    __slots__ = ("town", "st", "house", "flat")

    def __init__(s, town, st, house, flat):
        s.town, s.st, s.house, s.flat = town, st, house, flat


def district_ru(town, d):
    dr = TOWNS[town][4]
    if dr == "Зеленовский" and d >= BAITEREK:
        return "Байтерекский"
    return dr


def district_kk(town, d):
    dk = TOWNS[town][5]
    if dk == "Зеленов" and d >= BAITEREK:
        return "Бәйтерек"
    return dk


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
    return 0 if y < 1962 else 1 if y < 1990 else 2


def kk2ru(s):
    return s.translate(KK2RU)


def ru_first(n):
    return NAME_RU.get(n) or kk2ru(n)


def ru_sur(stem):
    if stem in SUR_RU_OVR:
        return SUR_RU_OVR[stem]
    return kk2ru(stem)


def fem(s):
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    return s


def drop_ending(stem):
    if stem.endswith("аев"):
        return stem[:-3] + "ай"
    if stem.endswith(("ов", "ев")):
        return stem[:-2]
    return None


# IIN: YYMMDD, century/sex digit, 4-digit serial, check digit
def iin_check(d11):
    w1 = list(range(1, 12))
    s = sum(int(c) * w for c, w in zip(d11, w1)) % 11
    if s == 10:
        w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        s = sum(int(c) * w for c, w in zip(d11, w2)) % 11
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
    if birth.year < 1900:
        c = 1 + (1 if sex == "F" else 0)
    while True:
        base = f"{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}{c}{rng.randint(0, 9999):04d}"
        k = iin_check(base)
        if k is None:
            continue
        v = base + str(k)
        if v not in used:
            used.add(v)
            return v


def make_bin(rng, reg, used):
    while True:
        base = f"{reg.year % 100:02d}{reg.month:02d}4{rng.randint(0, 9)}{rng.randint(0, 99999):05d}"
        k = iin_check(base)
        if k is None:
            continue
        v = base + str(k)
        if v not in used:
            used.add(v)
            return v


MON_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
WD_EN = "Mon Tue Wed Thu Fri Sat Sun".split()


def f_dmy(d):
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def f_java(d):
    # java.util.Date.toString() of local midnight in the JVM's zone (Asia/Oral)
    return f"{WD_EN[d.weekday()]} {MON_EN[d.month - 1]} {d.day:02d} 00:00:00 ORAT {d.year}"


def f_db2ts(d):
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}-00.00.00.000000"


def f_db2d(d):
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


# ----------------------------------------------------------------------------------------------------------------
# faults
# ----------------------------------------------------------------------------------------------------------------

VOW = "аеиоуыэюяәөұүі"


class Faults:
    def __init__(self, rng):
        self.rng = rng
        self.n = Counter()

    def name(self, s, rate=0.015, file="?"):
        if not s or self.rng.random() >= rate or len(s) < 4:
            return s
        rng = self.rng
        i = rng.randint(1, len(s) - 2)
        op = rng.choice(["drop", "double", "swap", "vowel"])
        if not s[i].isalpha():
            return s
        if op == "drop":
            t = s[:i] + s[i + 1:]
        elif op == "double":
            t = s[:i] + s[i] + s[i:]
        elif op == "swap":
            t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        else:
            lo = s[i].lower()
            if lo not in VOW:
                t = s[:i] + s[i + 1:]
            else:
                r = rng.choice([v for v in "аеиоуы" if v != lo])
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
            i = rng.randint(7, 10)     # a serial digit, the 11th included
            base = s[:i] + rng.choice([c for c in "0123456789" if c != s[i]]) + s[i + 1:11]
            k = iin_check(base)
            if k is not None:
                self.n[(file, "iin_pass")] += 1
                return base + str(k)
        return s


# spellings heard by ear (Russian letters)
EAR = [("ль", "л"), ("гуль", "гюль"), ("лл", "л"), ("сс", "с"), ("Кенже", "Кенжи"), ("ым", "им"), ("ыл", "ил"),
       ("бет", "бед"), ("ия", "ья"), ("ай", "ой"), ("галиев", "гулиев"), ("Мухам", "Мухам"), ("ыр", "ир"),
       ("Жу", "Жо"), ("ке", "ки"), ("ат", "от")]


def by_ear(rng, s):
    opts = [(a, b) for a, b in EAR if a in s and a != b]
    if not opts:
        return s
    a, b = rng.choice(opts)
    i = s.find(a)
    return s[:i] + b + s[i + len(a):]


# Latin
RU2EN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
         "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
         "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
         "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"}


def hr_latin(s, iyev=True):
    """An oil company's English-style romanisation of a Russian-letter name."""
    out = []
    low = s.lower()
    if iyev:
        low = low.replace("иев", "иjев").replace("ий ", "иj ")
        if low.endswith("ий"):
            low = low[:-2] + "иj"
    for i, c in enumerate(low):
        if c == "j":
            out.append("y")
            continue
        if c == "е" and (i == 0 or low[i - 1] in "аеиоуыэюяьъ -"):
            out.append("ye")
            continue
        out.append(RU2EN.get(c, c))
    t = "".join(out)
    return " ".join(w[:1].upper() + w[1:] for w in t.split(" "))


def informal_latin(rng, s):
    m = dict(RU2EN)
    if rng.random() < 0.5:
        m["ж"] = "j"
    if rng.random() < 0.5:
        m["х"] = "h"
    if rng.random() < 0.4:
        m["қ"] = "q"
    if rng.random() < 0.5:
        m["я"] = "ia"
        m["ю"] = "iu"
    m["й"] = rng.choice(["i", "y"])
    return "".join(m.get(c, c) for c in s.lower())


def cap(s):
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


# ----------------------------------------------------------------------------------------------------------------
# population
# ----------------------------------------------------------------------------------------------------------------


class Person:
    def __init__(s, pid, sex, people, birth):
        s.pid, s.sex, s.people, s.birth = pid, sex, people, birth
        s.death = None
        s.first = None
        s.father = s.mother = None
        s.father_first = None
        s.pat_kz = False
        s.surnames = []        # (date, stem)
        s.marriages = []       # Marriage
        s.homes = []           # (date, dwelling or None)
        s.phones = []          # (date, 10 digits)
        s.email = None
        s.iin = None
        s.twin = None
        s.children = []
        s.outsider = False
        s.dzh = False
        s.gen = 0
        s.namesake_of = None


class Marriage:
    def __init__(s, h, w, start):
        s.h, s.w, s.start = h, w, start
        s.end = None
        s.how = None


class Dwelling:
    def __init__(s, did, created):
        s.did = did
        s.created = created
        s.addrs = []           # (date, Addr or None)
        s.resettled = None     # (date, old Addr, new Addr)


def at(timeline, d):
    v = None
    for (t, x) in timeline:
        if t <= d:
            v = x
        else:
            break
    return v


class Pop:
    def __init__(self, rng, n_target):
        self.rng = rng
        self.persons = []
        self.by = {}
        self.dws = []
        self.used_iin = set()
        self.used_phone = set()
        self.n_target = n_target
        self.stats = Counter()
        self.addr_used = set()

    # -------------------------------------------------------------- basics
    def new_person(self, sex, people, birth, outsider=False):
        pid = ("X%04d" if outsider else "P%05d") % (len(self.persons) + 1)
        p = Person(pid, sex, people, birth)
        p.outsider = outsider
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
            pr = 0.25 if p.sex == "M" else 0.12
        elif y < 1970:
            pr = 0.08 if p.sex == "M" else 0.04
        else:
            pr = 0.01
        if rng.random() < pr:
            a = max(D(2003, 1, 1), yrs(p.birth, 45))
            if a <= END:
                p.death = rdate(rng, a, END)

    def name_for(self, p, exclude=()):
        rng = self.rng
        lst = NAMES[(p.people, p.sex)][era(p.birth.year)]
        return zipf_pick(rng, lst, 0.9, exclude)

    def father_name_for(self, people, byear):
        return zipf_pick(self.rng, NAMES[(people, "M")][era(byear - 28)], 0.8)

    def new_surname(self, people, exclude=()):
        return zipf_pick(self.rng, SURNAMES[people], 0.75, exclude)

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
                a = Addr(town, i, str(rng.randint(1, 60)), str(rng.randint(1, 90)))
            elif town == "oral" and rng.random() < 0.6:
                a = Addr(town, i, str(rng.randint(1, 180)), str(rng.randint(1, 120)))
            else:
                a = Addr(town, i, str(rng.randint(1, 160)), None)
            key = (a.town, a.st, a.house, a.flat)
            if key not in self.addr_used:
                self.addr_used.add(key)
                return a

    def town_choice(self, parents_town):
        rng = self.rng
        x = rng.random()
        if x < 0.55 and parents_town:
            t = parents_town
        elif x < 0.85:
            t = wpick(rng, [("oral", 60), ("aksai", 20), ("peremet", 4), ("darin", 3), ("podst", 4), ("zhymp", 3),
                            ("taskala", 3), ("zhanibek", 3)])
        else:
            return None
        return t

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
        p.homes.append((d, dw))
        p.homes.sort(key=lambda x: x[0])

    # -------------------------------------------------------------- families
    def person_with_names(self, sex, people, birth, father=None, mother=None, stem=None, exclude=()):
        p = self.new_person(sex, people, birth)
        p.father, p.mother = father, mother
        p.first = self.name_for(p, exclude)
        if father is not None:
            p.father_first = father.first
        else:
            p.father_first = self.father_name_for(people, birth.year)
        if people == "kz" and birth.year >= 1995:
            # the Kazakh -ұлы/-қызы: a family's choice (35 %), kept for all its children born since 1995
            if father is not None:
                if not hasattr(father, "kids_kz"):
                    father.kids_kz = self.rng.random() < 0.35
                p.pat_kz = father.kids_kz
            else:
                p.pat_kz = self.rng.random() < 0.35
        if stem is None:
            stem = self.new_surname(people)
        p.surnames = [(birth, stem)]
        if people == "kz" and birth.year < 1975 and self.rng.random() < 0.4:
            p.dzh = True
        # a Kazakh man born 1975-2000 drops -ов/-ев (2008-2020)
        if people == "kz" and 1975 <= birth.year <= 2000 and sex == "M" and self.rng.random() < 0.04:
            new = drop_ending(stem)
            if new:
                d = rdate(self.rng, max(D(2008, 1, 1), yrs(birth, 18)), D(2020, 12, 31))
                if d <= END:
                    p.surnames.append((d, new))
                    self.stats["ending_dropped"] += 1
        return p

    def marry(self, h, w, d, take_rate):
        rng = self.rng
        m = Marriage(h, w, d)
        h.marriages.append(m)
        w.marriages.append(m)
        took = rng.random() < take_rate
        if took:
            w.surnames.append((d, self.stem_at(h, d)))
            # follows a later change of the husband's ending with 50 %
            for (t, st) in h.surnames[1:]:
                if t > d and rng.random() < 0.5:
                    w.surnames.append((t, st))
            w.surnames.sort(key=lambda x: x[0])
        m.took = took
        # divorce
        if d < D(2016, 1, 1) and rng.random() < 0.06:
            dd = rdate(rng, yrs(d, 2), min(yrs(d, 15), D(2023, 6, 30)))
            if self.alive(h, dd) and self.alive(w, dd) and dd > d:
                m.end, m.how = dd, "divorce"
        if m.end is None:
            ends = [x for x in (h.death, w.death) if x]
            if ends:
                m.end, m.how = min(ends), "death"
        return m

    def make_children(self, f, mo, m, dw):
        rng = self.rng
        people = f.people
        n = rng.choice([0, 1, 2, 2, 3, 3, 4, 5]) if people in ("kz", "tt") else rng.choice([0, 1, 1, 2, 2, 3])
        d = m.start + dt.timedelta(days=rng.randint(300, 450))
        kids = []
        names_used = {f.first, mo.first}
        while len(kids) < n:
            if d > END or d > yrs(mo.birth, 42) or not self.alive(mo, d):
                break
            if f.death and d > f.death + dt.timedelta(days=270):
                break
            if m.end and d > m.end:
                break
            twins = rng.random() < 0.015
            grp = []
            for k in range(2 if twins else 1):
                sex = rng.choice("MF")
                exclude = set(names_used)
                c = self.person_with_names(sex, people, d, f, mo, self.stem_at(f, d), exclude)
                # a Russian first son named after his paternal grandfather
                if people == "ru" and sex == "M" and not any(x.sex == "M" for x in kids) and f.father is not None \
                        and rng.random() < 0.12 and f.father.first not in names_used:
                    c.first = f.father.first
                    c.namesake_of = f.father.pid
                    self.stats["grandfather_namesakes"] += 1
                names_used.add(c.first)
                c.gen = f.gen + 1
                self.set_home(c, d, dw)
                kids.append(c)
                grp.append(c)
                f.children.append(c)
                mo.children.append(c)
            if twins:
                grp[0].twin, grp[1].twin = grp[1].pid, grp[0].pid
                self.stats["twins"] += 2
            d = d + dt.timedelta(days=rng.randint(15 * 30, 50 * 30))
        return kids

    def take_rate(self, people):
        return {"kz": 0.72, "ru": 0.95, "tt": 0.85}[people]

    def spouse_for(self, c, d_marry):
        rng = self.rng
        people = c.people if rng.random() < 0.88 else rng.choice([x for x in ("kz", "ru", "tt") if x != c.people])
        sex = "F" if c.sex == "M" else "M"
        if sex == "F":
            b = c.birth + dt.timedelta(days=rng.randint(-730, 2555))
        else:
            b = c.birth - dt.timedelta(days=rng.randint(-730, 2555))
        if age(b, d_marry) < 18:
            b = yrs(d_marry, -rng.randint(19, 24))
        s = self.person_with_names(sex, people, b)
        s.gen = c.gen
        return s

    def adult_life(self, c, queue):
        rng = self.rng
        if c.death and c.death < yrs(c.birth, 20):
            return
        parents_dw = at(c.homes, yrs(c.birth, 17))
        parents_town = None
        if parents_dw is not None:
            a = at(parents_dw.addrs, yrs(c.birth, 17))
            parents_town = a.town if a else None
        if yrs(c.birth, 20) > END:
            return
        if rng.random() < 0.78:
            age_m = rng.randint(22, 32) if c.sex == "M" else rng.randint(19, 29)
            md = yrs(c.birth, age_m) + dt.timedelta(days=rng.randint(0, 364))
            if md <= END and self.alive(c, md):
                sp = self.spouse_for(c, md)
                if not self.alive(sp, md):
                    sp.death = None
                h, w = (c, sp) if c.sex == "M" else (sp, c)
                # where the spouse lived before: the town, in his or her parents' home (60 %), or away
                if rng.random() < 0.6 and parents_town:
                    pdw = self.new_dw(parents_town, yrs(sp.birth, 1))
                    self.set_home(sp, sp.birth, pdw)
                else:
                    self.set_home(sp, sp.birth, None)
                m = self.marry(h, w, md, self.take_rate(h.people))
                stay = False
                if c.sex == "M" and c.people == "kz" and parents_dw is not None and parents_town \
                        and c.father is not None:
                    sibs = [x for x in c.father.children if x.sex == "M"]
                    if sibs and sibs[-1] is c and rng.random() < 0.30:
                        stay = True
                if stay and parents_town == "berez" or stay and parents_town == "bestau":
                    stay = md < D(2015, 1, 1)
                if stay:
                    dw = at(c.homes, md)
                    if dw is None:
                        dw = parents_dw
                else:
                    town = self.town_choice(parents_town)
                    if town in ("berez", "bestau") and md >= D(2015, 1, 1):
                        town = "aksai"
                    dw = self.new_dw(town, md)
                self.set_home(c, md, dw)
                self.set_home(sp, md, dw)
                kids = self.make_children(h, w, m, dw)
                queue.extend(kids)
                if m.how == "divorce":
                    self.divorce(m, queue)
                return
        # unmarried
        leave = yrs(c.birth, rng.randint(18, 26)) + dt.timedelta(days=rng.randint(0, 364))
        if rng.random() >= 0.30 and leave <= END:
            town = self.town_choice(parents_town)
            if town in ("berez", "bestau") and leave >= D(2015, 1, 1):
                town = "aksai"
            dw = self.new_dw(town, leave)
            self.set_home(c, leave, dw)
        if c.sex == "F" and rng.random() < 0.15 and yrs(c.birth, 22) <= END:
            n = rng.choice([1, 1, 2])
            d = yrs(c.birth, rng.randint(22, 33))
            for k in range(n):
                if d > END or not self.alive(c, d):
                    break
                dw = at(c.homes, d)
                kid = self.person_with_names(rng.choice("MF"), c.people, d, None, c, self.stem_at(c, d), {c.first})
                kid.gen = c.gen + 1
                self.set_home(kid, d, dw)
                c.children.append(kid)
                queue.append(kid)
                self.stats["single_mother_children"] += 1
                d = d + dt.timedelta(days=rng.randint(500, 1800))
            self.stats["single_mothers"] += 1
        elif c.birth.year < 1997 and rng.random() < 0.30:
            d = yrs(c.birth, rng.randint(20, 30))
            if d <= END and self.alive(c, d):
                if c.sex == "F":
                    c.surnames.append((d, self.new_surname(c.people if rng.random() < 0.85 else "ru")))
                    c.surnames.sort(key=lambda x: x[0])
                self.stats["married_outside"] += 1
                if rng.random() < 0.5:
                    self.set_home(c, d, None)

    def divorce(self, m, queue):
        rng = self.rng
        h, w = m.h, m.w
        d = m.end
        t = self.town_at(h, d)
        if t in ("berez", "bestau") and d >= D(2015, 1, 1):
            t = "aksai"
        dw = self.new_dw(t, d) if t else None
        self.set_home(h, d, dw)
        self.stats["divorces"] += 1
        if m.took and rng.random() < 0.40:
            w.surnames.append((d + dt.timedelta(days=rng.randint(10, 365)), w.surnames[0][1]))
            w.surnames.sort(key=lambda x: x[0])
            self.stats["maiden_name_back"] += 1
        # 30 % of the divorced men remarry
        if rng.random() < 0.30:
            md = d + dt.timedelta(days=rng.randint(365, 5 * 365))
            if md <= END and self.alive(h, md):
                sp = self.spouse_for(h, md)
                self.set_home(sp, sp.birth, None)
                m2 = self.marry(h, sp, md, self.take_rate(h.people))
                dw2 = self.home_at(h, md)
                self.set_home(sp, md, dw2)
                queue.extend(self.make_children(h, sp, m2, dw2))
                self.stats["remarriages"] += 1
                if m2.how == "divorce":
                    self.divorce(m2, queue)

    def found_family(self):
        rng = self.rng
        town = wpick(rng, TOWN_W)
        mix = TOWN_PEOPLE[town]
        ph = wpick(rng, [("kz", mix[0]), ("ru", mix[1]), ("tt", mix[2])])
        hb = rdate(rng, D(1932, 1, 1), D(1964, 12, 31))
        h = self.person_with_names("M", ph, hb)
        pw = ph if rng.random() < 0.93 else rng.choice([x for x in ("kz", "ru", "tt") if x != ph])
        wb = hb + dt.timedelta(days=rng.randint(-730, 2555))
        w = self.person_with_names("F", pw, wb)
        md = max(yrs(hb, 21), yrs(wb, 19)) + dt.timedelta(days=rng.randint(0, 6 * 365))
        if pw != ph:
            self.stats["mixed_couples"] += 1
        for p in (h, w):
            if p.death and p.death <= md:
                p.death = None
        dw = self.new_dw(town, md)
        self.set_home(h, h.birth, None)
        self.set_home(w, w.birth, None)
        self.set_home(h, md, dw)
        self.set_home(w, md, dw)
        m = self.marry(h, w, md, self.take_rate(ph))
        queue = self.make_children(h, w, m, dw)
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
        self.widows_move()
        self.index()
        self.contacts()
        for p in self.persons:
            p.iin = make_iin(self.rng, p.birth, p.sex, self.used_iin)

    # -------------------------------------------------------------- moves, phones
    def moves(self):
        rng = self.rng
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            if a0 is None:
                continue
            if a0.town in ("berez", "bestau") and dw.created < D(2015, 6, 1):
                d = rdate(rng, D(2015, 6, 1), D(2018, 6, 30))
                new = self.new_addr("aksai" if rng.random() < 0.65 else "oral")
                dw.addrs.append((d, new))
                dw.resettled = (d, a0, new)
                continue
            if a0.town in ("berez", "bestau"):
                continue
            if rng.random() < 0.27:
                d = rdate(rng, max(D(2008, 1, 1), dw.created + dt.timedelta(days=200)), D(2023, 12, 31))
                if d <= dw.created:
                    continue
                if rng.random() < 0.70:
                    t = a0.town
                else:
                    t = wpick(rng, [("oral", 60), ("aksai", 25), ("peremet", 5), ("podst", 5), ("darin", 5)])
                    if t == a0.town:
                        t = "oral" if t != "oral" else "aksai"
                dw.addrs.append((d, self.new_addr(t)))
                self.stats["moves"] += 1
            # Russian households leaving for Russia
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            if a0 is None or dw.resettled:
                continue
        self._emigrate()

    def _emigrate(self):
        rng = self.rng
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            if a0 is None or dw.resettled:
                continue
            res = list(self.ever.get(dw.did, {}).values())
            if res and res[0].people == "ru" and rng.random() < 0.10:
                d = rdate(rng, max(D(2005, 1, 1), dw.created + dt.timedelta(days=100)), D(2020, 12, 31))
                if d > dw.created:
                    dw.addrs.append((d, None))
                    dw.addrs.sort(key=lambda x: x[0])
                    self.stats["emigrated_dwellings"] += 1

    def widows_move(self):
        rng = self.rng
        for p in self.persons:
            for m in p.marriages:
                if m.how != "death":
                    continue
                o = m.w if m.h is p else m.h
                if p.death and p.death <= m.end:
                    continue
                if o.death != m.end or age(p.birth, m.end) < 70:
                    continue
                kids = [c for c in p.children if self.alive(c, m.end) and self.spouse_at(c, m.end)
                        and self.addr_at(c, m.end) is not None and self.home_at(c, m.end) is not self.home_at(p, m.end)]
                if kids and rng.random() < 0.35:
                    d = m.end + dt.timedelta(days=rng.randint(60, 400))
                    if d <= END and self.alive(p, d):
                        c = rng.choice(kids)
                        dw = self.home_at(c, d)
                        if dw is not None:
                            self.set_home(p, d, dw)
                            self.stats["widowed_moved_to_child"] += 1

    def new_phone(self):
        rng = self.rng
        while True:
            v = rng.choice(["701", "702", "705", "707", "747", "771", "775", "776", "777", "778"]) + \
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
            if rng.random() < 0.22:
                d = rdate(rng, p.phones[0][0] + dt.timedelta(days=200), END)
                if d > p.phones[0][0]:
                    p.phones.append((d, self.new_phone()))
            if p.birth.year >= 1968 and rng.random() < 0.45:
                f = informal_latin(rng, ru_first(p.first)).replace(" ", "")
                s = informal_latin(rng, ru_sur(p.surnames[0][1])).replace(" ", "")
                form = rng.choice([f"{f}.{s}", f"{f}_{p.birth.year % 100:02d}", f"{s}{p.birth.year}", f"{f[0]}{s}"])
                p.email = form + "@" + rng.choice(["mail.ru", "gmail.com", "inbox.ru", "bk.ru", "list.ru", "yandex.kz"])

    # -------------------------------------------------------------- outsiders
    def outsider(self, sex, people, birth):
        p = self.new_person(sex, people, birth, outsider=True)
        p.first = self.name_for(p)
        p.father_first = self.father_name_for(people, birth.year)
        p.surnames = [(birth, self.new_surname(people))]
        p.homes = [(birth, None)]
        if rng_ok(self.rng, 0.9):
            p.phones = [(yrs(birth, 16), self.new_phone())]
        p.iin = make_iin(self.rng, birth, sex, self.used_iin)
        return p

    def index(self):
        self.ever = defaultdict(dict)
        for p in self.persons:
            for _, h in p.homes:
                if h is not None:
                    self.ever[h.did][p.pid] = p

    def residents(self, dw, d):
        return [p for p in self.ever.get(dw.did, {}).values() if self.alive(p, d) and self.home_at(p, d) is dw]


def rng_ok(rng, p):
    return rng.random() < p


# ----------------------------------------------------------------------------------------------------------------
# writing names
# ----------------------------------------------------------------------------------------------------------------


class Namer:
    def __init__(self, pop, faults):
        self.pop = pop
        self.f = faults
        self.rng = pop.rng

    def first(self, p, script):
        return p.first if script == "kk" else ru_first(p.first)

    def sur(self, p, d, script, dzh=False, yo=True):
        stem = self.pop.stem_at(p, d)
        s = stem if script == "kk" else ru_sur(stem)
        s = s if p.sex == "M" else fem(s)
        if dzh and p.dzh and s.startswith("Ж"):
            s = "Дж" + s[1:]
        if not yo:
            s = s.replace("ё", "е")
        return s

    def pat(self, p, script):
        ff = p.father_first
        if p.pat_kz:
            base = ff if script == "kk" else ru_first(ff)
            return base + (("ұлы" if script == "kk" else "улы") if p.sex == "M" else ("қызы" if script == "kk" else "кызы"))
        if ff in PAT_RU:
            return PAT_RU[ff][0 if p.sex == "M" else 1]
        base = ff if script == "kk" else ru_first(ff)
        if base.endswith("ей") or base.endswith("ай"):
            stem = base[:-1] + "е"
            return stem + ("вич" if p.sex == "M" else "вна")
        if base.endswith("й"):
            return base[:-1] + ("евич" if p.sex == "M" else "евна")
        if base[-1].lower() in VOW:
            return base + ("евич" if p.sex == "M" else "евна")
        if base.endswith("ь"):
            return base[:-1] + ("евич" if p.sex == "M" else "евна")
        return base + ("ович" if p.sex == "M" else "овна")

    def script_for(self, p, kk_share):
        return "kk" if p.people == "kz" and self.rng.random() < kk_share else "ru"


# ----------------------------------------------------------------------------------------------------------------
# address writing
# ----------------------------------------------------------------------------------------------------------------


def addr_ru(a, d, short=False, region=False):
    ru, kk, kind, kkk, dr, dk = TOWNS[a.town]
    st = streets(a.town)[a.st]
    if short:
        s = f"{ru}, {st[0]} {st[1]} {a.house}" if st[0] == "мкр." else f"{ru}, {st[1]} {a.house}"
        return s + (f"-{a.flat}" if a.flat else "")
    parts = []
    if region:
        parts.append("ЗКО")
    if dr:
        parts.append(f"{district_ru(a.town, d)} р-н")
    parts.append(f"{kind} {ru}")
    parts.append(f"{st[0]} {st[1]}")
    parts.append(f"д. {a.house}")
    if a.flat:
        parts.append(f"кв. {a.flat}")
    return ", ".join(parts)


def addr_kk(a, d):
    ru, kk, kind, kkk, dr, dk = TOWNS[a.town]
    st = streets(a.town)[a.st]
    parts = []
    if dk:
        parts.append(f"{district_kk(a.town, d)} ауданы")
    parts.append(f"{kk} {kkk}")
    parts.append(st[2])
    parts.append(f"{a.house}-үй")
    if a.flat:
        parts.append(f"{a.flat}-пәтер")
    return ", ".join(parts)


def addr_db(a, d):
    ru, kk, kind, kkk, dr, dk = TOWNS[a.town]
    st = streets(a.town)[a.st]
    s = ""
    if dr:
        s += f"{district_ru(a.town, d).upper()} Р-Н "
    s += f"{kind.upper()}{ru.upper()} {st[0].upper()}{st[1].upper()} Д.{a.house}"
    if a.flat:
        s += f" КВ.{a.flat}"
    return s


def phone_fmt(rng, ph, style=None):
    style = style or rng.choice(["plus", "eight", "paren", "spaced"])
    if style == "plus":
        return "+7" + ph
    if style == "eight":
        return "8" + ph
    if style == "paren":
        return f"+7 ({ph[:3]}) {ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    return f"+7 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"


# ----------------------------------------------------------------------------------------------------------------
# relations
# ----------------------------------------------------------------------------------------------------------------


def relation(pop, a, b, d):
    """b as seen from a: spouse, son, daughter, mother, father, brother, sister, grandson, granddaughter,
    daughter_in_law, son_in_law, other."""
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
    sp = pop.spouse_at(a, d)
    if sp is not None and (sp.father is b or sp.mother is b):
        return "father_in_law" if b.sex == "M" else "mother_in_law"
    return "other"


REL_RU = {"spouse": ("муж", "жена"), "son": ("сын", "сын"), "daughter": ("дочь", "дочь"), "mother": ("мать", "мать"),
          "father": ("отец", "отец"), "brother": ("брат", "брат"), "sister": ("сестра", "сестра"),
          "grandson": ("внук", "внук"), "granddaughter": ("внучка", "внучка"),
          "daughter_in_law": ("сноха", "сноха"), "son_in_law": ("зять", "зять"), "father_in_law": ("свёкор", "свёкор"),
          "mother_in_law": ("свекровь", "свекровь"), "other": ("родственник", "родственница"), "friend": ("друг", "подруга")}
REL_EN = {"spouse": ("husband", "wife"), "son": ("son", "son"), "daughter": ("daughter", "daughter"),
          "mother": ("mother", "mother"), "father": ("father", "father"), "brother": ("brother", "brother"),
          "sister": ("sister", "sister"), "grandson": ("grandson", "grandson"),
          "granddaughter": ("granddaughter", "granddaughter"), "daughter_in_law": ("daughter-in-law",) * 2,
          "son_in_law": ("son-in-law",) * 2, "father_in_law": ("father-in-law",) * 2,
          "mother_in_law": ("mother-in-law",) * 2, "other": ("relative", "relative"), "friend": ("friend", "friend")}
REL_KK = {"spouse": ("жұбайы", "жұбайы"), "son": ("ұлы", "ұлы"), "daughter": ("қызы", "қызы"),
          "mother": ("анасы", "анасы"), "father": ("әкесі", "әкесі"), "brother": ("інісі", "інісі"),
          "sister": ("қарындасы", "қарындасы"), "grandson": ("немересі", "немересі"),
          "granddaughter": ("немересі", "немересі"), "daughter_in_law": ("келіні", "келіні"),
          "son_in_law": ("күйеу баласы", "күйеу баласы"), "father_in_law": ("қайнатасы", "қайнатасы"),
          "mother_in_law": ("енесі", "енесі"), "other": ("туысы", "туысы"), "friend": ("досы", "досы")}


def rel_word(table, rel, sex):
    t = table[rel]
    if rel == "spouse":
        return t[0] if sex == "M" else t[1]
    return t[0] if sex == "M" else t[1]


# ----------------------------------------------------------------------------------------------------------------
# the extracts
# ----------------------------------------------------------------------------------------------------------------

CONTRACTORS = ['ТОО "Жайык Сервис"', 'ТОО "Бурлин Мунай Сервис"', 'ТОО "Ақсай Құрылыс"', 'ТОО "Орал Техсервис"',
               'ТОО "Батыс Энерго Монтаж"', 'ТОО "КПК Кейтеринг"', 'ТОО "Ural Drilling Services"', 'ТОО "Степной Транс"',
               'ТОО "Жайық Қорғау"', 'ТОО "Бөрлі Автобаза"', 'ТОО "West Pipe Coating"', 'ТОО "Караганак Клининг"']
POS_M = ["Operator", "Welder", "Electrician", "Driver", "Fitter", "Rigger", "Security guard", "Engineer",
         "Crane operator", "Instrument technician", "Scaffolder", "Cook"]
POS_F = ["Cook", "Cleaner", "Lab technician", "Storekeeper", "Nurse", "Engineer", "Document controller", "Dispatcher"]
SITES = ["KPC", "UKPG-2", "UKPG-3", "GTU", "Aksai camp", "Aksai office", "Field"]


class Ctx:
    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.pop = Pop(self.rng, n)
        self.pop.build()
        self.faults = Faults(self.rng)
        self.nm = Namer(self.pop, self.faults)
        self.truth = []           # (file, record_id, pid)
        self.evidence = defaultdict(Counter)
        self.files = {}
        self.used_bin = set()
        self.outsiders_written = Counter()

    def t(self, file, rid, p, ev):
        self.truth.append((file, rid, p.pid))
        self.evidence[file][ev] += 1
        if p.outsider:
            self.outsiders_written[file] += 1

    def official(self):
        rng = self.rng
        if rng.random() < 0.7:
            stem = zipf_pick(rng, SUR_KZ, 0.5)
            s = ru_sur(stem)
        else:
            s = zipf_pick(rng, SUR_RU + SUR_TT, 0.5)
        sex = rng.choice("MF")
        s = s if sex == "M" else fem(s)
        return f"{s} {rng.choice('АБГДЕЖКМНРСТ')}.{rng.choice('АБГЕЖКМНСТШ')}."


def ev_of(has_iin, has_name, birth_kind):
    """The evidence a careful human has for a record."""
    if has_iin:
        return "iin"
    if has_name and birth_kind == "full":
        return "name+birth"
    if has_name and birth_kind == "partial":
        return "name+partial birth"
    if has_name:
        return "name+row relations/contact"
    return "first name+row relations/contact"


# ---------------------------------------------------------------- 1. gas field access passes
def kpo_passes(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "kpo_access_passes.csv"
    spells = {}
    burlin = ("aksai", "berez", "bestau")
    for p in pop.persons:
        if p.outsider:
            continue
        a = max(yrs(p.birth, 20), D(2005, 1, 1))
        b = min(yrs(p.birth, 58), END, (p.death - dt.timedelta(days=1)) if p.death else END)
        if a > b:
            continue
        st = rdate(rng, a, b)
        t = pop.town_at(p, st)
        if t is None:
            continue
        grp = "burlin" if t in burlin else "oral" if t == "oral" else "other"
        pr = {("M", "burlin"): 0.42, ("M", "oral"): 0.12, ("M", "other"): 0.07, ("F", "burlin"): 0.10,
              ("F", "oral"): 0.03, ("F", "other"): 0.015}[(p.sex, grp)]
        if rng.random() >= pr:
            continue
        en = min(b, st + dt.timedelta(days=rng.randint(300, 12 * 365)))
        c1 = rng.randrange(len(CONTRACTORS))
        if p.sex == "F":
            c1 = rng.choice([5, 11, 1, 3, 10])
        sp = [(st, en, c1)]
        if en - st > dt.timedelta(days=3 * 365) and rng.random() < 0.35:
            mid = rdate(rng, st + dt.timedelta(days=400), en - dt.timedelta(days=200))
            c2 = rng.randrange(len(CONTRACTORS))
            sp = [(st, mid, c1), (mid + dt.timedelta(days=rng.randint(1, 60)), en, c2)]
        spells[p.pid] = sp
    ctx.kpo_spells = spells
    bins = {c: make_bin(rng, D(rng.randint(1998, 2012), rng.randint(1, 12), 1), ctx.used_bin) for c in CONTRACTORS}
    validity = {c: (2 if i % 3 == 0 else 1) for i, c in enumerate(CONTRACTORS)}
    rows = []
    for pid in sorted(spells):
        p = pop.by[pid]
        for (st, en, ci) in spells[pid]:
            c = CONTRACTORS[ci]
            d = max(st, D(2012, 1, 10)) + dt.timedelta(days=rng.randint(0, 20))
            while d <= en and d <= END:
                if pop.alive(p, d) and pop.town_at(p, d) is not None:
                    rows.append((d, p, c, en))
                d = yrs(d, validity[c]) + dt.timedelta(days=rng.randint(-10, 25))
    # outsiders: shift workers from Russia (Orenburg, Samara), 1-4 passes each
    n_out = 30
    for i in range(n_out):
        sex = "M" if rng.random() < 0.9 else "F"
        o = pop.outsider(sex, "ru" if rng.random() < 0.85 else "tt", rdate(rng, D(1962, 1, 1), D(1998, 12, 31)))
        o.rus_passport = f"{rng.randint(36, 56)} {rng.randint(10, 25):02d} {rng.randint(100000, 999999)}"
        d = rdate(rng, D(2012, 3, 1), D(2023, 6, 1))
        c = rng.choice(CONTRACTORS)
        for k in range(rng.randint(1, 4)):
            if d > END:
                break
            rows.append((d, o, c, END))
            d = yrs(d, 1) + dt.timedelta(days=rng.randint(-5, 30))
    rows.sort(key=lambda r: (r[0], r[1].pid))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    header = ["pass_no", "issued_at", "valid_to", "contractor", "contractor_bin", "surname_en", "given_names_en",
              "fio_ru", "dob", "nat_id", "citizenship", "position", "site", "photo_ok", "emergency_contacts",
              "hse_induction", "badge_status", "issued_by"]
    w.writerow(header)
    officers = [ctx.official() for _ in range(6)]
    n_contacts = 0
    pass_no = rng.randint(100000, 200000)
    friends = []
    for rid, (d, p, c, en) in enumerate(rows, start=1):
        pass_no += rng.randint(1, 40)
        issued = dt.datetime(d.year, d.month, d.day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))
        valid_to = yrs(d, validity[c]) - dt.timedelta(days=1)
        # names: the contractor's HR sends them (Latin from the Russian-letter name of the ID card)
        sur_ru = nm.sur(p, d, "ru", dzh=True, yo=False)
        first_ru = ru_first(p.first)
        pat_ru = nm.pat(p, "ru")
        iyev = rng.random() < 0.65
        s_en = hr_latin(F.name(sur_ru, file=FILE), iyev)
        g_en = hr_latin(F.name(first_ru, file=FILE), iyev)
        if rng.random() < 0.30:
            g_en += " " + hr_latin(pat_ru, iyev)
        if rng.random() < 0.15:
            s_en, g_en = s_en.upper(), g_en.upper()
        fio = ""
        if rng.random() < 0.75:
            sc = "kk" if p.people == "kz" and d >= D(2018, 1, 1) and rng.random() < 0.4 else "ru"
            fio = " ".join(x for x in [F.name(nm.sur(p, d, sc, dzh=(sc == "ru"), yo=False), file=FILE),
                                       F.name(nm.first(p, sc), file=FILE),
                                       nm.pat(p, sc) if rng.random() < 0.92 else ""] if x)
            if rng.random() < 0.5:
                fio = fio.upper()
        b = F.birth(p.birth, file=FILE) if rng.random() > 0.03 else None
        if b is None:
            dob = ""
        elif d < D(2019, 1, 1):
            dob = f_java(b)
        else:
            dob = b.isoformat()
        if p.outsider and hasattr(p, "rus_passport"):
            nat, citz = p.rus_passport, "RUS"
        else:
            nat = F.iin(p.iin, file=FILE) if rng.random() < 0.96 else ""
            citz = "KAZ"
        pos = rng.choice(POS_M if p.sex == "M" else POS_F)
        site = rng.choice(SITES)
        # emergency contacts
        conts = []
        if not p.outsider and rng.random() < 0.85:
            cands = []
            sp = pop.spouse_at(p, d)
            if sp is not None:
                cands.append(sp)
            for par in (p.mother, p.father):
                if par is not None and pop.alive(par, d):
                    cands.append(par)
            sibs = []
            if p.father is not None:
                sibs = [x for x in p.father.children if x is not p and pop.alive(x, d) and age(x.birth, d) >= 18]
            cands.extend(sibs)
            adult_kids = [x for x in p.children if pop.alive(x, d) and age(x.birth, d) >= 18]
            cands[1:1] = adult_kids[:1]
            if not cands:
                if rng.random() < 0.5:
                    fr = pop.outsider(rng.choice("MF"), p.people, p.birth + dt.timedelta(days=rng.randint(-2000, 2000)))
                    friends.append(fr)
                    cands = [fr]
            k = 1 if rng.random() < 0.65 else 2
            conts = cands[:k]
        cjson = []
        for cp in conts:
            rel = "friend" if cp.outsider else relation(pop, p, cp, d)
            x = rng.random()
            sc = "ru"
            if x < 0.45:
                nmtxt = f"{nm.sur(cp, d, sc, yo=False)} {ru_first(cp.first)}"
                ev = "name"
            elif x < 0.60:
                nmtxt = f"{ru_first(cp.first)} {nm.sur(cp, d, sc, yo=False)}"
                ev = "name"
            elif x < 0.80:
                nmtxt = ru_first(cp.first)
                ev = "first"
            elif x < 0.90:
                nmtxt = f"{hr_latin(ru_first(cp.first))} {hr_latin(nm.sur(cp, d, sc, yo=False))}"
                ev = "name"
            elif x < 0.95 and cp.first in DIMS:
                nmtxt = DIMS[cp.first][0] if rng.random() < 0.5 else ru_first(DIMS[cp.first][0])
                ev = "first"
            else:
                nmtxt = f"{nm.sur(cp, d, sc, yo=False)} {ru_first(cp.first)} {nm.pat(cp, sc)}"
                ev = "name"
            nmtxt = F.name(nmtxt, file=FILE)
            relw = rel_word(REL_RU if rng.random() < 0.7 else REL_EN, rel if rel in REL_RU else "other", cp.sex)
            ph = pop.phone_at(cp, d)
            obj = {"name": nmtxt, "relation": relw}
            if ph:
                obj["phone"] = "+7" + ph
            cjson.append((obj, cp, ev))
        if not cjson:
            cj = "" if rng.random() < 0.5 else "[]"
        elif d < D(2019, 1, 1):
            cj = json.dumps([o for o, _, _ in cjson], ensure_ascii=False, separators=(",", ":"))
        else:
            cj = json.dumps([o for o, _, _ in cjson])
        status = "active" if valid_to >= END else ("revoked" if en < valid_to else "expired")
        hse = d - dt.timedelta(days=rng.randint(1, 20))
        w.writerow([f"KPO-{pass_no:07d}", issued.strftime("%Y-%m-%d %H:%M:%S") + "+05", valid_to.isoformat(), c,
                    bins[c], s_en, g_en, fio, dob, nat, citz, pos, site, "t" if rng.random() < 0.9 else "f", cj,
                    hse.isoformat(), status, rng.choice(officers)])
        has_iin = bool(nat) and citz == "KAZ"
        ctx.t(FILE, str(rid), p, ev_of(has_iin, True, "full" if dob else None))
        for k, (o, cp, ev) in enumerate(cjson, start=2):
            ctx.t(FILE, f"{rid}#{k}", cp, ev_of(False, ev == "name", None))
            n_contacts += 1
    ctx.files[FILE] = out.getvalue().encode("utf-8")
    ctx.stat_files[FILE] = {"rows": len(rows), "contacts": n_contacts, "persons": len(rows) + n_contacts,
                            "outsider_passes": sum(1 for r in rows if r[1].outsider)}


# ---------------------------------------------------------------- 2. the city's dogs and cats (GraphQL)
DOG_NAMES = "Рекс Тайсон Бакс Граф Джек Арчи Макс Малыш Лаки Ричард Марсель Ақтөс Бөрібасар Тимоха Симба Бим Шарик Алтай".split()
CAT_NAMES = "Барсик Мурка Алиса Ася Сима Дымка Василий Лёва Сёма Ласка Маруся Пушок Жулдыз Багира Тиша Кузя Муся".split()
BREEDS_DOG = ["метис", "немецкая овчарка", "алабай", "тобет", "йоркширский терьер", "хаски", "лабрадор", "той-терьер",
              "шпиц", "тазы"]
BREEDS_CAT = ["беспородная", "британская короткошёрстная", "шотландская вислоухая", "сиамская", "мейн-кун", "сфинкс"]
COLORS = ["чёрный", "белый", "рыжий", "серый", "палевый", "трёхцветный", "тигровый", "чёрно-белый"]


def pets(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "zhanuarlar_tirkeu.json"
    W0, W1 = D(2021, 7, 1), END
    regs = []
    for dw in pop.dws:
        # the dwelling's time in Oral inside the window
        days = [W0 + dt.timedelta(days=k) for k in range(0, (W1 - W0).days + 1, 30)]
        ok = [d for d in days if at(dw.addrs, d) is not None]
        if not ok or rng.random() >= 0.55:
            continue
        n = wpick(rng, [(1, 55), (2, 30), (3, 15)])
        for k in range(n):
            d = rng.choice(ok)
            res = [p for p in pop.residents(dw, d) if age(p.birth, d) >= 18]
            if not res:
                continue
            women = [p for p in res if p.sex == "F" and age(p.birth, d) < 75]
            men = [p for p in res if p.sex == "M" and age(p.birth, d) < 75]
            if women and (rng.random() < 0.55 or not men):
                owner = rng.choice(women)
            elif men:
                owner = rng.choice(men)
            else:
                owner = rng.choice(res)
            others = [p for p in pop.residents(dw, d) if p is not owner and age(p.birth, d) >= 14]
            co = None
            if others and rng.random() < 0.27:
                sp = pop.spouse_at(owner, d)
                co = sp if sp in others and rng.random() < 0.6 else rng.choice(others)
            elif rng.random() < 0.01:
                co = pop.outsider(rng.choice("MF"), owner.people, owner.birth + dt.timedelta(days=rng.randint(-3000, 3000)))
            sp_ = "DOG" if rng.random() < 0.55 else "CAT"
            animal = {"species": sp_, "name": rng.choice(DOG_NAMES if sp_ == "DOG" else CAT_NAMES),
                      "breed": rng.choice(BREEDS_DOG if sp_ == "DOG" else BREEDS_CAT),
                      "sex": rng.choice(["MALE", "FEMALE"]),
                      "birthDate": f"{rng.randint(2008, d.year)}-{rng.randint(1, 12):02d}",
                      "color": rng.choice(COLORS), "chipNumber": f"398{rng.randint(10**11, 10**12 - 1)}",
                      "sterilized": rng.random() < 0.4}
            regs.append([d, owner, co, animal, dw, "ACTIVE"])
            # re-registered later with a new chip (4 %), or passed on when the owner died
            if rng.random() < 0.04 and d < D(2024, 6, 1):
                d2 = rdate(rng, d + dt.timedelta(days=60), END)
                if pop.alive(owner, d2):
                    a2 = dict(animal)
                    a2["chipNumber"] = f"398{rng.randint(10**11, 10**12 - 1)}"
                    regs.append([d2, owner, None, a2, dw, "ACTIVE"])
            if owner.death and owner.death < END:
                heirs = [p for p in pop.residents(dw, owner.death) if p is not owner and age(p.birth, owner.death) >= 18]
                if heirs and rng.random() < 0.6:
                    d2 = owner.death + dt.timedelta(days=rng.randint(20, 200))
                    heir = rng.choice(heirs)
                    if d2 <= END and pop.alive(heir, d2):
                        regs[-1][5] = "TRANSFERRED"
                        regs.append([d2, heir, None, dict(animal), dw, "ACTIVE"])
    # companies' guard dogs
    n_le = max(1, len(regs) // 40)
    for i in range(n_le):
        d = rdate(rng, W0, W1)
        regs.append([d, None, None, {"species": "DOG", "name": rng.choice(DOG_NAMES), "breed": rng.choice(["алабай", "тобет", "немецкая овчарка"]),
                                     "sex": "MALE", "birthDate": f"{rng.randint(2012, d.year)}-{rng.randint(1, 12):02d}",
                                     "color": rng.choice(COLORS), "chipNumber": f"398{rng.randint(10**11, 10**12 - 1)}",
                                     "sterilized": False}, None, "ACTIVE"])
    regs.sort(key=lambda r: (r[0], r[1].pid if r[1] else "", r[3]["chipNumber"]))
    clerks = [ctx.official() for _ in range(5)]
    vets = [ctx.official() for _ in range(4)]
    edges = []
    n_co = 0
    le_names = ['ТОО "Жайық Қорғау"', 'ТОО "Орал Техсервис"', 'ИП "Сагитов"', 'ТОО "Батыс Агро"', 'КГП "Орал Су Арнасы"']
    for rid, (d, owner, co, animal, dw, status) in enumerate(regs, start=1):
        regat = dt.datetime(d.year, d.month, d.day, rng.randint(9, 18), rng.randint(0, 59), rng.randint(0, 59))
        if owner is None:
            own = {"__typename": "LegalEntity", "bin": make_bin(rng, D(2005, 1, 1), ctx.used_bin),
                   "name": rng.choice(le_names), "phone": phone_fmt(rng, pop.new_phone(), "paren")}
        else:
            sc = nm.script_for(owner, 0.45)
            ln = F.name(nm.sur(owner, d, sc, yo=rng.random() < 0.3), file=FILE)
            if rng.random() < 0.08:
                ln = ln.upper()
            fn = F.name(nm.first(owner, sc), file=FILE)
            mn = nm.pat(owner, sc) if rng.random() < 0.80 else None
            has_b = rng.random() < 0.65
            b = F.birth(owner.birth, file=FILE) if has_b else None
            iin = F.iin(owner.iin, file=FILE) if rng.random() < 0.85 else None
            ph = pop.phone_at(owner, d)
            a = pop.addr_at(owner, d)
            st = streets(a.town)[a.st] if a else None
            own = {"__typename": "NaturalPerson", "iin": iin, "lastName": ln, "firstName": fn, "middleName": mn,
                   "birthDate": b.isoformat() if b else None,
                   "phone": phone_fmt(rng, ph, "paren") if ph and rng.random() < 0.95 else None,
                   "email": owner.email if owner.email and rng.random() < 0.3 else None,
                   "address": {"street": f"{st[0]} {st[1]}" if st else None, "house": a.house if a else None,
                               "apartment": a.flat if a else None}}
            ctx.t(FILE, str(rid), owner, ev_of(bool(iin), True, "full" if b else None))
        cow = None
        if co is not None:
            rel = "friend" if co.outsider else relation(pop, owner, co, d)
            x = rng.random()
            sc = "ru"
            if x < 0.60:
                fnm = f"{nm.sur(co, d, sc, yo=False)} {ru_first(co.first)} {nm.pat(co, sc)}"
                ev = "name"
            elif x < 0.90:
                fnm = f"{nm.sur(co, d, sc, yo=False)} {ru_first(co.first)}"
                ev = "name"
            else:
                fnm = ru_first(co.first)
                ev = "first"
            ph = pop.phone_at(co, d)
            cow = {"fullName": F.name(fnm, file=FILE), "phone": phone_fmt(rng, ph, "paren") if ph and rng.random() < 0.8 else None,
                   "relation": rel_word(REL_RU, rel if rel in REL_RU else "other", co.sex)}
            ctx.t(FILE, f"{rid}#2", co, ev_of(False, ev == "name", None))
            n_co += 1
        node = {"id": base64.b64encode(f"Animal:{10000 + rid * 7}".encode()).decode(),
                "regNumber": f"BKO-{d.year}-{rid * 3 + 1000:06d}",
                "registeredAt": regat.isoformat() + "+05:00", "status": status, "owner": own, "coOwner": cow,
                "animal": animal,
                "vaccinations": [{"date": (d + dt.timedelta(days=rng.randint(0, 30))).isoformat(),
                                  "vaccine": rng.choice(["Нобивак Rabies", "Рабикан", "Мультикан-8"]),
                                  "vet": rng.choice(vets)}],
                "registeredBy": {"fullName": rng.choice(clerks)}}
        edges.append({"cursor": base64.b64encode(f"arrayconnection:{rid - 1}".encode()).decode(), "node": node})
    doc = {"data": {"animals": {"totalCount": len(edges),
                                "pageInfo": {"hasNextPage": False, "endCursor": edges[-1]["cursor"] if edges else None},
                                "edges": edges}}}
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    ctx.stat_files[FILE] = {"edges": len(edges), "legal_entities": n_le, "co_owners": n_co,
                            "persons": len(edges) - n_le + n_co}


# ---------------------------------------------------------------- 3. the trade union's gift lists
def union(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "kasipodaq_syilyq.csv"
    members = {}
    for pid, sp in ctx.kpo_spells.items():
        if rng.random() < 0.80:
            members[pid] = [(a, b, CONTRACTORS[c]) for a, b, c in sp]
    others = ['ТОО "Орал Мұнай Өңдеу"', 'АО "Конденсат"', 'ТОО "Батыс Газ Сервис"']
    for p in pop.persons:
        if p.outsider or p.pid in members:
            continue
        a = max(yrs(p.birth, 22), D(2012, 1, 1))
        b = min(yrs(p.birth, 60), END, p.death or END)
        if a > b:
            continue
        st = rdate(rng, a, b)
        if pop.town_at(p, st) not in ("oral", "aksai"):
            continue
        if rng.random() < (0.09 if p.sex == "M" else 0.06):
            members[p.pid] = [(st, min(b, st + dt.timedelta(days=rng.randint(700, 4000))), rng.choice(others))]
    ctx.union_members = members
    tabno = {pid: rng.randint(1000, 99999) for pid in sorted(members)}
    rows = []
    for Y in range(2018, 2025):
        dday = D(Y, 12, 15)
        listed = {}
        for pid in sorted(members):
            p = pop.by[pid]
            org = None
            for a, b, c in members[pid]:
                if a <= dday <= b:
                    org = c
            if org is None or not pop.alive(p, dday) or pop.town_at(p, dday) is None:
                continue
            for c in p.children:
                if not pop.alive(c, dday) or Y - c.birth.year > 14 or c.birth > D(Y, 12, 31):
                    continue
                listed.setdefault(c.pid, []).append((p, org))
        for cpid in sorted(listed):
            lst = listed[cpid]
            if len(lst) > 1:
                lst.sort(key=lambda x: 0 if x[0].sex == "M" else 1)
                if rng.random() >= 0.04:
                    lst = [lst[0] if rng.random() < 0.7 else lst[1]]
            for (p, org) in lst:
                rows.append((Y, org, p, pop.by[cpid]))
    rows.sort(key=lambda r: (r[0], r[1], nm.sur(r[2], D(r[0], 12, 15), "ru"), r[2].pid, r[3].birth))
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["Год", "Первичная организация", "Таб. №", "Фамилия", "Имя", "Отчество", "ИИН", "Фамилия", "Имя",
                "Отчество", "Дата рождения", "ИИН", "Пол", "Возраст", "Подарок", "Отметка"])
    # the list is copied from year to year: a person's spelling (with its slips) is kept, sometimes retyped
    kept = {}
    for rid, (Y, org, p, c) in enumerate(rows, start=1):
        dday = D(Y, 12, 15)
        key = (p.pid, nm.sur(p, dday, "ru"))
        if key not in kept or rng.random() < 0.15:
            kept[key] = (F.name(nm.sur(p, dday, "ru", yo=False), file=FILE), F.name(ru_first(p.first), file=FILE),
                         nm.pat(p, "ru") if rng.random() < 0.9 else "",
                         F.iin(p.iin, file=FILE) if rng.random() < 0.93 else "")
        ms, mf, mp, mi = kept[key]
        ckey = (c.pid, nm.sur(c, dday, "ru"))
        if ckey not in kept or rng.random() < 0.15:
            b = F.birth(c.birth, file=FILE)
            x = rng.random()
            bs = f_dmy(b) if x < 0.80 else (f"{b.day:02d}.{b.month:02d}.{b.year % 100:02d}" if x < 0.90 else f_dmy(b) + "г.")
            kept[ckey] = (F.name(nm.sur(c, dday, "ru", yo=False), file=FILE), F.name(ru_first(c.first), file=FILE),
                          nm.pat(c, "ru") if rng.random() < 0.85 else "", bs)
        cs, cf, cp, cb = kept[ckey]
        ci = ""
        if Y >= 2020 and rng.random() < 0.65:
            ci = F.iin(c.iin, file=FILE)
            if rng.random() < 0.012:
                ci = p.iin       # the member's IIN typed on the child's line
                F.n[(FILE, "parent_iin_on_child")] += 1
        elif Y < 2020 and rng.random() < 0.2:
            ci = F.iin(c.iin, file=FILE)
        gift = rng.choice(["сладкий подарок", "сладкий подарок", "билет на ёлку", "игрушка + сладости"])
        mark = rng.choice(["выдан", "выдан", "выдан", "не получен", ""])
        w.writerow([Y, "ППО " + kk2ru(org), tabno[p.pid], ms, mf, mp, mi, cs, cf, cp, cb, ci, "м" if c.sex == "M" else "ж",
                    Y - c.birth.year, gift, mark])
        ctx.t(FILE, str(rid), p, ev_of(bool(mi), True, None))
        ctx.t(FILE, f"{rid}#2", c, ev_of(bool(ci) and ci == c.iin, True, "full"))
    ctx.files[FILE] = out.getvalue().encode("cp1251")
    ctx.stat_files[FILE] = {"rows": len(rows), "members": len({r[2].pid for r in rows}),
                            "children": len({r[3].pid for r in rows}), "persons": 2 * len(rows)}


# ---------------------------------------------------------------- 4. the supermarket chain's bonus cards
def loyalty(ctx):
    import pyarrow as pa
    import pyarrow.parquet as pq
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "zhaiyk_bonus.parquet"
    W0, W1 = D(2017, 3, 1), END
    cards = []
    for p in pop.persons:
        if p.outsider:
            continue
        days = [W0 + dt.timedelta(days=k) for k in range(0, (W1 - W0).days + 1, 45)]
        ok = [d for d in days if pop.alive(p, d) and age(p.birth, d) >= 16 and pop.town_at(p, d) in ("oral", "aksai")]
        if not ok:
            continue
        pr = 0.66 if p.sex == "F" else 0.33
        if age(p.birth, ok[0]) >= 70:
            pr /= 2
        if rng.random() >= pr:
            continue
        d = rng.choice(ok)
        cards.append((d, p, False))
        if rng.random() < 0.07:
            later = [x for x in ok if x > d + dt.timedelta(days=120)]
            if later:
                cards.append((rng.choice(later), p, True))
    cards.sort(key=lambda r: (r[0], r[1].pid))
    card_id = 2700000000000 + rng.randint(0, 10**6)
    cols = defaultdict(list)
    n_fam = 0
    for rid, (d, p, again) in enumerate(cards, start=1):
        card_id += rng.randint(1, 500)
        ph = pop.phone_at(p, d)
        if ph is None or (again and rng.random() < 0.3):
            ph2 = pop.new_phone()     # a number of the moment, as the till asked
        else:
            ph2 = ph
        # what the customer typed as the name to call him by
        x = rng.random()
        sc = "kk" if p.people == "kz" and rng.random() < 0.3 else "ru"
        fn = nm.first(p, sc)
        sn = nm.sur(p, d, sc, yo=rng.random() < 0.5)
        if rng.random() < 0.12:
            fn2 = by_ear(rng, ru_first(p.first))
            fn = fn2
        has_sur = True
        if x < 0.28:
            dn, has_sur = fn, False
        elif x < 0.58:
            dn = f"{fn} {sn}"
        elif x < 0.72:
            dn = f"{sn} {fn}"
        elif x < 0.80:
            dn, has_sur = f"{fn} {nm.pat(p, sc)}", False
        elif x < 0.90:
            lat_f = informal_latin(rng, ru_first(p.first))
            lat_s = informal_latin(rng, ru_sur(nm.sur(p, d, 'ru')))
            dn = lat_f if rng.random() < 0.4 else f"{lat_f} {lat_s}"
            has_sur = " " in dn
            if rng.random() < 0.5:
                dn = cap(dn)
        elif x < 0.96 and p.first in DIMS:
            dim = DIMS[p.first][0]
            dim = dim if sc == "kk" else ru_first(dim)
            dn = dim if rng.random() < 0.6 else f"{dim} {sn[0]}."
            has_sur = False
        else:
            dn = f"{sn} {fn} {nm.pat(p, sc)}"
        dn = F.name(dn, file=FILE)
        y = rng.random()
        if y < 0.12:
            dn = dn.lower()
        elif y < 0.17:
            dn = dn.upper()
        b = F.birth(p.birth, file=FILE)
        bk = rng.random()
        if bk < 0.08:
            bd = None
            bkind = None
        elif bk < 0.53:
            bd = {"day": b.day, "month": b.month, "year": None}
            bkind = "partial"
        else:
            bd = {"day": b.day, "month": b.month, "year": b.year}
            bkind = "full"
        cols["card_id"].append(card_id)
        cols["phone"].append(int("7" + ph2))
        cols["display_name"].append(dn)
        cols["gender"].append(("F" if p.sex == "F" else "M") if rng.random() < 0.85 else "")
        cols["birthday"].append(bd)
        town = pop.town_at(p, d)
        cols["city"].append({"oral": rng.choice(["Уральск", "Уральск", "Орал", "Oral"]), "aksai": rng.choice(["Аксай", "Ақсай"])}[town])
        cols["email"].append(p.email if p.email and rng.random() < 0.35 else None)
        cols["registered_at"].append(dt.datetime(d.year, d.month, d.day, rng.randint(8, 21), rng.randint(0, 59)))
        cols["channel"].append(rng.choice(["app", "app", "kassa"]))
        # family account members
        fam = []
        if rng.random() < 0.35:
            cands = []
            sp = pop.spouse_at(p, d)
            if sp is not None:
                cands.append(sp)
            cands += [c for c in p.children if pop.alive(c, d) and age(c.birth, d) >= 14]
            cands += [x for x in (p.mother, p.father) if x is not None and pop.alive(x, d)]
            if not cands and rng.random() < 0.3:
                cands = [pop.outsider(rng.choice("MF"), p.people, p.birth + dt.timedelta(days=rng.randint(-3000, 3000)))]
            for cp in cands[: rng.choice([1, 1, 2, 3])]:
                rel = "friend" if cp.outsider else relation(pop, p, cp, d)
                x = rng.random()
                if x < 0.55:
                    nmt, ev = ru_first(cp.first) if rng.random() < 0.7 else cp.first, "first"
                elif x < 0.78 and cp.first in DIMS:
                    nmt, ev = ru_first(DIMS[cp.first][0]), "first"
                else:
                    nmt, ev = f"{ru_first(cp.first)} {nm.sur(cp, d, 'ru')}", "name"
                relw = rel_word(REL_KK if rng.random() < 0.15 else REL_RU, rel if rel in REL_RU else "other", cp.sex)
                if relw in ("мать",) and rng.random() < 0.6:
                    relw = "мама"
                if relw in ("отец",) and rng.random() < 0.6:
                    relw = "папа"
                cph = pop.phone_at(cp, d)
                fam.append(({"name": F.name(nmt, file=FILE), "relation": relw, "phone": int("7" + cph) if cph else None}, cp, ev))
        cols["family"].append([f for f, _, _ in fam] if fam else None)
        cols["bonus_balance"].append(rng.randint(0, 25000))
        cols["total_spent"].append(rng.randint(500, 3_000_000) / 1)
        lp = rdate(rng, d, END)
        cols["last_purchase"].append(lp)
        if has_sur:
            ev = ev_of(False, True, bkind)
        else:
            ev = {"full": "first name+birth", "partial": "first name+day and month+phone"}.get(bkind, "first name+phone")
        ctx.t(FILE, str(rid), p, ev)
        for k, (f, cp, ev) in enumerate(fam, start=2):
            ctx.t(FILE, f"{rid}#{k}", cp, ev_of(False, ev == "name", None))
            n_fam += 1
    from decimal import Decimal
    schema = pa.schema([
        ("card_id", pa.uint64()), ("phone", pa.uint64()), ("display_name", pa.string()), ("gender", pa.string()),
        ("birthday", pa.struct([("day", pa.uint8()), ("month", pa.uint8()), ("year", pa.uint16())])),
        ("city", pa.string()), ("email", pa.string()), ("registered_at", pa.timestamp("s")), ("channel", pa.string()),
        ("family", pa.list_(pa.struct([("name", pa.string()), ("relation", pa.string()), ("phone", pa.uint64())]))),
        ("bonus_balance", pa.int32()), ("total_spent", pa.decimal128(12, 2)), ("last_purchase", pa.date32())])
    cols["total_spent"] = [Decimal(f"{v / 100:.2f}") for v in cols["total_spent"]]
    tbl = pa.table({k: cols[k] for k in schema.names}, schema=schema)
    buf = io.BytesIO()
    pq.write_table(tbl, buf, compression="snappy")
    ctx.files[FILE] = buf.getvalue()
    ctx.stat_files[FILE] = {"cards": len(cards), "second_cards": sum(1 for c in cards if c[2]), "family_members": n_fam,
                            "persons": len(cards) + n_fam}


# ---------------------------------------------------------------- 5. medical-social expertise (DB2 DEL, no header)
def char(s, n):
    s = s or ""
    b = s.encode("utf-8")
    while len(b) > n:
        s = s[:-1]
        b = s.encode("utf-8")
    return s + " " * (n - len(b))


def mse(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "mse_kuealandyru.csv"
    exams = []
    for p in pop.persons:
        if p.outsider:
            continue
        y = p.birth.year
        if y < 1950:
            pr, a0, a1 = 0.25, 60, 80
        elif y < 1970:
            pr, a0, a1 = 0.15, 45, 65
        elif y < 1990:
            pr, a0, a1 = 0.07, 25, 50
        else:
            pr, a0, a1 = 0.03, 0, 15
        if rng.random() >= pr:
            continue
        onset = yrs(p.birth, rng.randint(a0, a1)) + dt.timedelta(days=rng.randint(0, 364))
        if onset > END:
            continue
        cause = rng.choice([1, 1, 1, 2, 3, 4, 5, 6]) if age(p.birth, onset) >= 16 else rng.choice([7, 7, 8])
        mental = cause == 5
        d = onset
        group = None
        n = 0
        while d <= END and pop.alive(p, d):
            a = age(p.birth, d)
            if a < 16:
                group, nxt = "РИ", 2
            else:
                if group in (None, "РИ"):
                    group = wpick(rng, [("1", 15), ("2", 45), ("3", 40)])
                elif rng.random() < 0.2:
                    group = {"1": "2", "2": rng.choice("13"), "3": "2"}[group]
                nxt = 2 if group == "1" else 1
            n += 1
            indefinite = a >= 16 and n >= 3 and rng.random() < 0.5
            term = None if indefinite else yrs(d, nxt)
            if d >= START and pop.town_at(p, d) is not None:
                exams.append((d, p, group, cause, term, mental, n == 1))
            if indefinite:
                break
            d = term + dt.timedelta(days=rng.randint(-30, 20))
    exams.sort(key=lambda r: (r[0], r[1].pid))
    experts = [ctx.official() for _ in range(5)]
    out = io.StringIO()
    case = rng.randint(400000, 500000)
    stored = {}
    n_rep = 0
    for rid, (d, p, group, cause, term, mental, first) in enumerate(exams, start=1):
        case += rng.randint(1, 30)
        a = age(p.birth, d)
        # the person's row in the person table: typed once, the surname updated when it changes
        key = (p.pid, nm.sur(p, d, "ru"))
        if key not in stored:
            kk = p.people == "kz" and d >= D(2016, 1, 1) and rng.random() < 0.3
            sc = "kk" if kk else "ru"
            stored[key] = (F.name(nm.sur(p, d, sc, dzh=not kk, yo=False), file=FILE).upper(),
                           F.name(nm.first(p, sc), file=FILE).upper(),
                           nm.pat(p, sc).upper() if rng.random() < 0.95 else "",
                           F.iin(p.iin, file=FILE) if rng.random() < 0.93 else "",
                           F.birth(p.birth, file=FILE) if rng.random() < 0.98 else None)
        sur, fir, pat, iin, b = stored[key]
        rep = None
        if a < 18:
            c = [x for x in (p.mother, p.father) if x is not None and pop.alive(x, d) and pop.town_at(x, d)]
            if c:
                rep = c[0] if rng.random() < 0.8 else c[-1]
            elif p.mother is not None and p.mother.mother is not None and pop.alive(p.mother.mother, d):
                rep = p.mother.mother
        elif (group == "1" and (mental or a >= 80)) and rng.random() < 0.6:
            sp = pop.spouse_at(p, d)
            kids = [x for x in p.children if pop.alive(x, d) and age(x.birth, d) >= 18 and pop.town_at(x, d)]
            rep = sp if sp is not None and pop.town_at(sp, d) else (kids[0] if kids else None)
        addr = pop.addr_at(p, d)
        ph = pop.phone_at(p, d) or (pop.phone_at(rep, d) if rep is not None else None)
        fields = [str(case), '"' + char("270000000", 9) + '"', '"' + char(iin, 12) + '"' if iin else "",
                  '"' + char(sur, 40) + '"', '"' + char(fir, 30) + '"', '"' + char(pat, 30) + '"' if pat else "",
                  '"' + f_db2ts(b) + '"' if b else "", "1" if p.sex == "M" else "2", f_db2d(d),
                  '"' + ("П" if first else "В") + '"', '"' + char(group, 4) + '"', str(cause),
                  f_db2d(term) if term else ""]
        if rep is not None:
            rkey = (rep.pid, nm.sur(rep, d, "ru"))
            if rkey not in stored:
                stored[rkey] = (F.name(nm.sur(rep, d, "ru", dzh=True, yo=False), file=FILE).upper(),
                                F.name(ru_first(rep.first), file=FILE).upper(),
                                nm.pat(rep, "ru").upper() if rng.random() < 0.95 else "",
                                F.iin(rep.iin, file=FILE) if rng.random() < 0.85 else "", None)
            rs, rf, rp, ri, _ = stored[rkey]
            rel = relation(pop, p, rep, d)
            relc = {"mother": 1, "father": 2, "spouse": 5, "son": 6, "daughter": 6}.get(rel, 3 if rel != "other" else 4)
            if rep is (p.mother.mother if p.mother else None):
                relc = 4
            fields += ['"' + char(rs, 40) + '"', '"' + char(rf, 30) + '"', '"' + char(rp, 30) + '"' if rp else "",
                       '"' + char(ri, 12) + '"' if ri else "", str(relc)]
            n_rep += 1
        else:
            fields += ["", "", "", "", ""]
        fields += ['"' + addr_db(addr, d) + '"' if addr else "", '"' + ("8" + ph) + '"' if ph and rng.random() < 0.7 else "",
                   '"' + char(rng.choice(experts).upper(), 60) + '"']
        out.write(",".join(fields) + "\r\n")
        ctx.t(FILE, str(rid), p, ev_of(bool(iin), True, "full" if b else None))
        if rep is not None:
            ctx.t(FILE, f"{rid}#2", rep, ev_of(bool(ri), True, None))
    ctx.files[FILE] = out.getvalue().encode("utf-8")
    ctx.stat_files[FILE] = {"rows": len(exams), "persons_examined": len({e[1].pid for e in exams}),
                            "representatives": n_rep, "persons": len(exams) + n_rep}


# ---------------------------------------------------------------- 6. resettlement register (xlsx)
def resettlement(ctx):
    import openpyxl
    from openpyxl.styles import Alignment, Font
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "berezovka_koshiru.xlsx"
    rows = []
    for dw in pop.dws:
        if not dw.resettled:
            continue
        d, old, new = dw.resettled
        res = pop.residents(dw, d - dt.timedelta(days=1))
        if not res:
            continue
        men = sorted([p for p in res if p.sex == "M" and age(p.birth, d) >= 18 and pop.spouse_at(p, d) in res],
                     key=lambda p: p.birth)
        adults = sorted([p for p in res if age(p.birth, d) >= 18], key=lambda p: p.birth)
        if not adults:
            continue
        # the head: the eldest married man, else the eldest adult under 80 (else the eldest)
        head = men[0] if men else next((p for p in adults if age(p.birth, d) < 80), adults[0])
        order = {"spouse": 0, "son": 1, "daughter": 1, "father": 3, "mother": 3, "daughter_in_law": 2, "son_in_law": 2,
                 "grandson": 4, "granddaughter": 4}
        others = [p for p in res if p is not head]
        others.sort(key=lambda p: (order.get(relation(pop, head, p, d), 5), p.birth))
        rows.append((old.town, d, head, others, old, new))
    rows.sort(key=lambda r: (0 if r[0] == "berez" else 1, r[1], r[2].pid))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Тізім"
    ws["A1"] = "Бөрлі ауданы әкімдігі"
    ws["A2"] = ("Березовка және Бестау ауылдарынан көшірілетін отбасылардың тізімі / Список семей, переселяемых из "
                "сёл Березовка и Бестау")
    ws["A1"].font = Font(bold=True)
    ws["A2"].font = Font(bold=True)
    hdr = ["Р/с №", "Ауыл", "Куәлік №", "Отбасы басшысы", "ЖСН", "Туған күні", "Отбасы мүшелері", "Мүше саны",
           "Бұрынғы мекенжайы", "Жаңа мекенжайы", "Өтемақы түрі", "Сомасы, теңге", "Көшірілген күні", "Комиссия хатшысы"]
    HR = 4
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=HR, column=j, value=h)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    secretary = ctx.official()
    n_mem = 0
    cert = rng.randint(100, 200)
    for rid, (town, d, head, others, old, new) in enumerate(rows, start=1):
        cert += rng.randint(1, 3)
        r = HR + rid
        kaz = head.people == "kz" and rng.random() < 0.7
        sc = "kk" if kaz else "ru"
        hn = " ".join(x for x in [F.name(nm.sur(head, d, sc, yo=False), file=FILE), F.name(nm.first(head, sc), file=FILE),
                                  nm.pat(head, sc) if rng.random() < 0.9 else ""] if x)
        hi = F.iin(head.iin, file=FILE) if rng.random() < 0.9 else None
        hb = F.birth(head.birth, file=FILE) if rng.random() < 0.97 else None
        lines = []
        mem = []
        numst = rng.choice(["{k}. ", "{k}) "])
        for k, p in enumerate(others, start=1):
            rel = relation(pop, head, p, d)
            relw = rel_word(REL_KK if kaz else REL_RU, rel if rel in REL_RU else "other", p.sex)
            psc = sc if p.people == "kz" or not kaz else "ru"
            full = rng.random() < 0.8
            nmtxt = " ".join(x for x in [F.name(nm.sur(p, d, psc, yo=False), file=FILE), F.name(nm.first(p, psc), file=FILE),
                                         nm.pat(p, psc) if full else ""] if x)
            b = F.birth(p.birth, file=FILE)
            if rng.random() < 0.75:
                bs = f_dmy(b) + (" ж.т." if kaz and rng.random() < 0.5 else "")
                bkind = "full"
            else:
                bs = f"{b.year} ж.т." if kaz else f"{b.year} г.р."
                bkind = "partial"
            iin = F.iin(p.iin, file=FILE) if rng.random() < 0.4 else None
            form = rng.random()
            if form < 0.6:
                line = f"{nmtxt} ({relw}), {bs}"
            else:
                line = f"{nmtxt} – {relw}, {bs}"
            if iin:
                line += f", {'ЖСН' if kaz else 'ИИН'} {iin}"
            lines.append(numst.format(k=k) + line)
            mem.append((p, iin, bkind))
        ws.cell(row=r, column=1, value=rid)
        ws.cell(row=r, column=2, value="Березовка" if town == "berez" else "Бестау")
        ws.cell(row=r, column=3, value=f"№ {cert:04d}")
        ws.cell(row=r, column=4, value=hn)
        ws.cell(row=r, column=5, value=hi)
        c = ws.cell(row=r, column=6, value=hb)
        if hb:
            c.number_format = "DD.MM.YYYY"
        c = ws.cell(row=r, column=7, value="\n".join(lines) if lines else "—")
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=r, column=8, value=len(others) + 1)
        ws.cell(row=r, column=9, value=addr_kk(old, d) if kaz else addr_ru(old, d))
        ws.cell(row=r, column=10, value=addr_kk(new, d) if kaz else addr_ru(new, d))
        ws.cell(row=r, column=11, value=rng.choice(["пәтер", "пәтер", "ақшалай", "тұрғын үй сертификаты"]))
        ws.cell(row=r, column=12, value=rng.randint(60, 240) * 100000)
        c = ws.cell(row=r, column=13, value=d)
        c.number_format = "DD.MM.YYYY"
        ws.cell(row=r, column=14, value=secretary)
        ctx.t(FILE, str(rid), head, ev_of(bool(hi), True, "full" if hb else None))
        for k, (p, iin, bkind) in enumerate(mem, start=2):
            ctx.t(FILE, f"{rid}#{k}", p, ev_of(bool(iin), True, bkind))
            n_mem += 1
    for col, wdt in zip("ABCDEFGHIJKLMN", [6, 11, 10, 34, 15, 12, 70, 8, 40, 40, 14, 14, 12, 18]):
        ws.column_dimensions[col].width = wdt
    ws.freeze_panes = ws.cell(row=HR + 1, column=1)
    wb.properties.creator = "Бөрлі ауданы әкімдігі"
    wb.properties.created = dt.datetime(2018, 7, 2, 9, 0, 0)
    wb.properties.modified = dt.datetime(2018, 7, 2, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue())
    ctx.stat_files[FILE] = {"rows": len(rows), "members": n_mem, "persons": len(rows) + n_mem}


# ---------------------------------------------------------------- 7. summer camp vouchers (Spring Data REST, HAL)
CAMPS = ["ДОЛ «Жайық самалы»", "ДОЛ «Балдәурен-Орал»", "ДОЛ «Ақ желкен»", "ДОЛ «Звёздочка»", "ДОЛ «Серпер»"]
BENEFITS = [None, None, None, "многодетная семья", "малообеспеченная семья", "ребёнок-инвалид", "потеря кормильца"]


def camp(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.faults
    FILE = "lager_zholdama.json"
    vouchers = []
    for p in pop.persons:
        if p.outsider:
            continue
        for Y in range(2014, 2025):
            if Y == 2020:
                continue     # no camps in the summer of 2020
            d = D(Y, 5, rng.randint(2, 28))
            a = Y - p.birth.year
            if a < 7 or a > 15 or not pop.alive(p, d) or pop.town_at(p, d) is None:
                continue
            big = p.mother is not None and len(p.mother.children) >= 4
            if rng.random() < (0.30 if big else 0.17):
                vouchers.append((d, p))
    vouchers.sort(key=lambda r: (r[0], r[1].pid))
    items = []
    n_app = 0
    kzschool = {}
    for rid, (d, c) in enumerate(vouchers, start=1):
        if c.pid not in kzschool:
            kzschool[c.pid] = c.people == "kz" and rng.random() < 0.65
        kk = kzschool[c.pid]
        sc = "kk" if kk else "ru"
        b = F.birth(c.birth, file=FILE)
        has_b = rng.random() < 0.96
        iin = F.iin(c.iin, file=FILE) if rng.random() < 0.75 else None
        town = pop.town_at(c, d)
        child = {"lastName": F.name(nm.sur(c, d, sc, yo=False), file=FILE), "firstName": F.name(nm.first(c, sc), file=FILE),
                 "middleName": nm.pat(c, sc) if rng.random() < 0.75 else None,
                 "birthDate": [b.year, b.month, b.day] if has_b else None, "iin": iin,
                 "school": (f"№{rng.randint(1, 45)} ЖОББМ" if kk else f"СОШ №{rng.randint(1, 45)}") if town in ("oral", "aksai")
                 else (f"{TOWNS[town][1]} ЖОББМ" if kk else f"{TOWNS[town][0]} СОШ"),
                 "grade": max(1, min(11, d.year - c.birth.year - 6))}
        ctx.t(FILE, str(rid), c, ev_of(bool(iin), True, "full" if has_b else None))
        cands = [x for x in (c.mother, c.father) if x is not None and pop.alive(x, d) and pop.town_at(x, d) is not None]
        app = None
        if cands:
            app = cands[0] if (len(cands) == 1 or rng.random() < 0.72) else cands[1]
        elif c.mother is not None and c.mother.mother is not None and pop.alive(c.mother.mother, d):
            app = c.mother.mother
        appl = None
        if app is not None:
            asc = "kk" if kk and app.people == "kz" and rng.random() < 0.6 else "ru"
            x = rng.random()
            if x < 0.75:
                fio = f"{nm.sur(app, d, asc, yo=False)} {nm.first(app, asc)} {nm.pat(app, asc)}"
            elif x < 0.92:
                fio = f"{nm.sur(app, d, asc, yo=False)} {nm.first(app, asc)}"
            else:
                fio = f"{nm.sur(app, d, asc, yo=False)} {nm.first(app, asc)[0]}.{nm.pat(app, asc)[0]}."
            fio = F.name(fio, file=FILE)
            if rng.random() < 0.1:
                fio = fio.upper()
            ai = F.iin(app.iin, file=FILE) if rng.random() < 0.88 else None
            ph = pop.phone_at(app, d)
            rel = relation(pop, c, app, d)
            appl = {"fio": fio, "iin": ai, "phone": ("8" + ph) if ph else None,
                    "relation": {"mother": "мать", "father": "отец"}.get(rel, "бабушка" if app.sex == "F" else "дедушка")}
            ctx.t(FILE, f"{rid}#2", app, ev_of(bool(ai), True, None) if x < 0.92 or ai else "surname+initials+row relations/contact")
            n_app += 1
        vid = 3000 + rid * 3
        created = [d.year, d.month, d.day, rng.randint(9, 18), rng.randint(0, 59), rng.randint(0, 59)]
        items.append({"voucherNo": f"{d.year}-{rid:05d}", "season": d.year, "shift": rng.randint(1, 4),
                      "camp": rng.choice(CAMPS), "child": child, "applicant": appl,
                      "benefit": rng.choice(BENEFITS), "status": rng.choice(["ISSUED", "ISSUED", "ISSUED", "USED", "CANCELLED"]),
                      "createdAt": created,
                      "_links": {"self": {"href": f"https://lager.bko.example/api/vouchers/{vid}"},
                                 "voucher": {"href": f"https://lager.bko.example/api/vouchers/{vid}"}}})
    doc = {"_embedded": {"vouchers": items},
           "_links": {"self": {"href": "https://lager.bko.example/api/vouchers?page=0&size=20000"},
                      "profile": {"href": "https://lager.bko.example/api/profile/vouchers"}},
           "page": {"size": 20000, "totalElements": len(items), "totalPages": 1, "number": 0}}
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    ctx.stat_files[FILE] = {"vouchers": len(items), "children": len({v[1].pid for v in vouchers}), "applicants": n_app,
                            "persons": len(items) + n_app}


def fix_zip(data):
    """Rewrite a zip with fixed times, so the workbook is byte-identical per seed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                body = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2018-07-02T09:00:00Z</dcterms:modified>', body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2018, 7, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


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
    ctx.stat_files = {}
    kpo_passes(ctx)
    pets(ctx)
    union(ctx)
    loyalty(ctx)
    mse(ctx)
    resettlement(ctx)
    camp(ctx)
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
    inside = [p for p in pop.persons if not p.outsider]
    st = {
        "seed": a.seed,
        "persons_drawn": len(inside),
        "outsiders_drawn": len(pop.persons) - len(inside),
        "outsiders_written": sum(1 for p in pop.persons if p.outsider and by_person.get(p.pid)),
        "population": dict(sorted(pop.stats.items())),
        "peoples": dict(sorted(Counter(p.people for p in inside).items())),
        "couples": sum(len([m for m in p.marriages if m.h is p]) for p in inside),
        "mixed_couples": sum(1 for p in inside for m in p.marriages if m.h is p and m.h.people != m.w.people),
        "resettled_dwellings": sum(1 for dw in pop.dws if dw.resettled),
        "persons_resettled": sum(1 for p in inside if any(h is not None and h.resettled and
                                                          pop.alive(p, h.resettled[0] - dt.timedelta(days=1)) and
                                                          pop.home_at(p, h.resettled[0] - dt.timedelta(days=1)) is h
                                                          for _, h in p.homes)),
        "twins_persons": sum(1 for p in inside if p.twin),
        "phones_changed": sum(1 for p in inside if len(p.phones) > 1),
        "deaths": sum(1 for p in inside if p.death),
        "persons_with_two_or_more_surnames": sum(1 for p in inside if len({s for _, s in p.surnames}) > 1),
        "records": len(ctx.truth),
        "persons_in_extracts": len(by_person),
        "persons_in_two_or_more_files": sum(1 for v in files_of.values() if len(v) > 1),
        "true_pairs": pairs,
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
