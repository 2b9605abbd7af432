#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A twenty-sixth linkage writer's generator, written apart from the project (from the linkage issue's text, the
# README's linkage part, `ukimet link --help`, extracts_twentyfifth.md and extracts_twentyfifth.py alone), kept as
# its writer wrote it.
"""Eight agency extracts of Atyrau region (Atyrau, Kulsary and the district centres), with their truth.

python bench/extracts_twentysixth.py --seed S --out DIR [--persons N]

Writes, in DIR:
  kishi_kemeler.xls        the transport inspection's register of small vessels (a web system's "Excel" export:
                           an HTML table in windows-1251 saved as .xls; Kazakh letters as literal &#NNNN; text)
  kezdesu_otinimder.json   a penitentiary institution's visit requests (a JSON:API document: the visits in `data`,
                           the inmate and the visitors only as references into `included`)
  konut_satislari.csv      a Turkish developer's apartment sales (a Logo ERP export: cp1254, `;`, Turkish headers,
                           Kazakh names in Turkish spelling, Turkish long dates with the weekday)
  fan_id.json              a football club's fan ID accounts (a DynamoDB table export: one {"Item": ...} per line,
                           every value typed: {"S": ...}, {"N": ...}, {"SS": [...]}, {"L": [...]}, {"M": {...}})
  toikhana_bron.txt        a banquet hall's bookings (the mysql client's boxed table pasted from a terminal; the
                           older rows double-encoded UTF-8 read as latin1; '0000-00-00' dates and NULL)
  covid_bailanys.xlsx      the sanitary-epidemiological department's COVID-19 cases and contacts (two sheets that
                           list persons, a contact tied to its case by the case's number only; a summary sheet)
  nto_ruqsat.parquet       the city akimat's permits for kiosks and melon stalls (GeoParquet: WKB points in UTM 39N,
                           the `geo` metadata)
  zhalga_beru.json         a real-estate agency's rental deals (a Google Sheets API `values` answer: the header as
                           the first row, formatted strings, trailing empty cells left off)
  truth.csv                file,record_id,person_id
  stats.json               counts
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

D = dt.date
END = D(2024, 12, 31)

# ----------------------------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------------------------
# Kazakh first names of the west (kk form, the Russian-letter form where it is not the letters folded)
KZ_M = {
    0: "Ғабдолла Құрманғали Кенжеғали Жұмағали Сағынғали Бисенғали Хайролла Мұқан Тұрғанбай Есенжол Сәрсенбай "
       "Қалмұхамбет Махамбет Исатай Шәміл Ізтұрған Нұрғали Мұхамбетқали Өтеп Ғизат".split(),
    1: "Қайрат Мұрат Ерлан Нұрлан Бауыржан Талғат Серік Ерболат Асқар Мақсат Жасұлан Мұхтар Бекболат Ержан Руслан "
       "Ақылбек Бақытжан Қуаныш Азамат Нұрболат Дәурен Ғалымжан".split(),
    2: "Нұрасыл Ерасыл Әлихан Алдияр Арсен Ерсұлтан Бекзат Дастан Мирас Әділет Айбар Нұрислам Ислам Рамазан Ерназар "
       "Ернұр Санжар Ақжол Темірлан Әмір Ахмед Мұхаммед".split(),
}
KZ_F = {
    0: "Ұлжан Бибігүл Күләш Зейнеп Мәрзия Ақжамал Кенжегүл Нұржамал Бақтыгүл Шәрбану Зағипа Гүлсім Айша Күлсара "
       "Рысжан Сара".split(),
    1: "Гүлнар Айгүл Жанар Сәуле Ақмарал Гүлжан Бақытгүл Динара Әсел Жазира Гүлмира Салтанат Ләззат Ботагөз Назгүл "
       "Жұлдыз Гауһар Мейрамгүл Эльмира Роза".split(),
    2: "Аружан Айару Ақбота Мөлдір Аяулым Дана Інжу Томирис Жансая Әйгерім Назерке Айзере Камила Асылым Балжан "
       "Перизат Мадина Райана Сафия Хадиша".split(),
}
KZ_RU = {"Ғабдолла": "Габдулла", "Өтеп": "Утеп", "Шәміл": "Шамиль", "Ізтұрған": "Изтурган", "Гүлнар": "Гульнар",
         "Айгүл": "Айгуль", "Бибігүл": "Бибигуль", "Гүлжан": "Гульжан", "Бақытгүл": "Бакытгуль", "Әсел": "Асель",
         "Гүлмира": "Гульмира", "Ләззат": "Ляззат", "Назгүл": "Назгуль", "Мейрамгүл": "Мейрамгуль",
         "Кенжегүл": "Кенжегуль", "Бақтыгүл": "Бактыгуль", "Гүлсім": "Гульсим", "Күлсара": "Кульсара",
         "Әйгерім": "Айгерим", "Мөлдір": "Молдир", "Гауһар": "Гаухар", "Шәрбану": "Шарбану", "Күләш": "Кулаш",
         "Ботагөз": "Ботагоз", "Әділет": "Адилет", "Әмір": "Амир", "Дәурен": "Даурен", "Мәрзия": "Марзия",
         "Асылым": "Асылым"}

RU_M = {
    0: "Иван Николай Василий Пётр Михаил Александр Виктор Анатолий Алексей Григорий Фёдор Владимир Павел".split(),
    1: "Сергей Александр Андрей Алексей Дмитрий Игорь Евгений Олег Владимир Юрий Валерий Николай Павел Роман "
       "Денис Вадим".split(),
    2: "Артём Максим Даниил Кирилл Никита Илья Александр Дмитрий Матвей Егор Иван Тимофей Михаил Роман Глеб".split(),
}
RU_F = {
    0: "Анна Мария Валентина Галина Нина Людмила Тамара Зинаида Антонина Клавдия Раиса Лидия Надежда Вера".split(),
    1: "Елена Ольга Татьяна Наталья Ирина Светлана Юлия Марина Оксана Екатерина Надежда Людмила Галина Лариса "
       "Евгения".split(),
    2: "Анастасия Дарья Мария Анна Полина Виктория Елизавета Софья Ксения Алина Екатерина Арина Вероника".split(),
}
TT_M = {0: "Габдулла Хасан Мансур Рашид Закир Ахмет".split(),
        1: "Ринат Рустам Ильдар Марат Рафаэль Наиль Ильнур Рамиль".split(),
        2: "Тимур Артур Камиль Карим Амир Ренат".split()}
TT_F = {0: "Гульсум Фатима Марьям Сагида Раиса".split(),
        1: "Гульнара Альфия Лилия Резеда Динара Эльвира Алсу".split(),
        2: "Алина Камила Диана Эвелина Аделина Амелия".split()}

# Turkish nationals: (Turkish spelling, Cyrillic by ear, Cyrillic letter by letter from the passport's Latin)
TR_M = [("Mehmet", "Мехмет", "Мехмет"), ("Mustafa", "Мустафа", "Мустафа"), ("Ahmet", "Ахмет", "Ахмет"),
        ("Ali", "Али", "Али"), ("Hüseyin", "Хусейн", "Хусеин"), ("Hasan", "Хасан", "Хасан"),
        ("İbrahim", "Ибрагим", "Ибрахим"), ("Murat", "Мурат", "Мурат"), ("Ömer", "Омер", "Омер"),
        ("Emre", "Эмре", "Емре"), ("Burak", "Бурак", "Бурак"), ("Serkan", "Серкан", "Серкан"),
        ("Fatih", "Фатих", "Фатих"), ("Yusuf", "Юсуф", "Юсуф"), ("Osman", "Осман", "Осман"),
        ("Kemal", "Кемаль", "Кемал"), ("Erkan", "Эркан", "Еркан"), ("Oğuz", "Огуз", "Огуз"), ("Cem", "Джем", "Сем")]
TR_F = [("Ayşe", "Айше", "Айсе"), ("Fatma", "Фатма", "Фатма"), ("Emine", "Эмине", "Емине"),
        ("Hatice", "Хатидже", "Хатисе"), ("Zeynep", "Зейнеп", "Зейнеп"), ("Elif", "Элиф", "Елиф"),
        ("Merve", "Мерве", "Мерве"), ("Özlem", "Озлем", "Озлем"), ("Gülşen", "Гюльшен", "Гулсен"),
        ("Derya", "Дерья", "Дерйа")]
TR_SUR = [("Yılmaz", "Йылмаз", "Йилмаз"), ("Kaya", "Кая", "Кайа"), ("Demir", "Демир", "Демир"),
          ("Şahin", "Шахин", "Сахин"), ("Çelik", "Челик", "Селик"), ("Yıldız", "Йылдыз", "Йилдиз"),
          ("Yıldırım", "Йылдырым", "Йилдирим"), ("Öztürk", "Озтюрк", "Озтурк"), ("Aydın", "Айдын", "Айдин"),
          ("Özdemir", "Оздемир", "Оздемир"), ("Arslan", "Арслан", "Арслан"), ("Doğan", "Доган", "Доган"),
          ("Kılıç", "Кылыч", "Килик"), ("Çetin", "Четин", "Сетин"), ("Kara", "Кара", "Кара"), ("Koç", "Коч", "Кос"),
          ("Kurt", "Курт", "Курт"), ("Özkan", "Озкан", "Озкан"), ("Şimşek", "Шимшек", "Симсек")]
TR_SUR_D = {a: (b, c) for a, b, c in TR_SUR}
# children of a Turkish father and a Kazakh mother: (kk, ru, Turkish)
MIX_M = [("Эмир", "Эмир", "Emir"), ("Әлихан", "Алихан", "Alihan"), ("Керем", "Керем", "Kerem"), ("Арда", "Арда", "Arda"),
         ("Селим", "Селим", "Selim"), ("Али", "Али", "Ali"), ("Ахмет", "Ахмет", "Ahmet"), ("Дениз", "Дениз", "Deniz")]
MIX_F = [("Элиф", "Элиф", "Elif"), ("Айлин", "Айлин", "Aylin"), ("Дефне", "Дефне", "Defne"), ("Айше", "Айше", "Ayşe"),
         ("Әсел", "Асель", "Asel"), ("Зейнеп", "Зейнеп", "Zeynep"), ("Аружан", "Аружан", "Arujan")]

SUR_KZ = [("Досмұхамбетов", "Досмухамбетов"), ("Өтепқалиев", "Утепкалиев"), ("Кенжеғалиев", "Кенжегалиев"),
          ("Жұмағалиев", "Жумагалиев"), ("Сағынғалиев", "Сагынгалиев"), ("Мұхтарғалиев", "Мухтаргалиев"),
          ("Ізтұрғанов", "Изтурганов"), ("Қуанышқалиев", "Куанышкалиев"), ("Бисенов", "Бисенов"),
          ("Хасанғалиев", "Хасангалиев"), ("Нұрғалиев", "Нургалиев"), ("Айтқалиев", "Айткалиев"),
          ("Тасқалиев", "Таскалиев"), ("Имашев", "Имашев"), ("Шамғұнов", "Шамгунов"), ("Ерғалиев", "Ергалиев"),
          ("Кадешов", "Кадешов"), ("Бисенғалиев", "Бисенгалиев"), ("Өтешев", "Утешев"), ("Қаражанов", "Каражанов"),
          ("Жолымбетов", "Жолымбетов"), ("Нәсипқалиев", "Насипкалиев"), ("Есқалиев", "Ескалиев"),
          ("Сүйеуғалиев", "Суйеугалиев"), ("Иманғалиев", "Имангалиев"), ("Байбөлов", "Байболов"),
          ("Қарабалин", "Карабалин"), ("Мұқашев", "Мукашев"), ("Тілекқабылов", "Тлеккабылов"),
          ("Ғабдоллин", "Габдуллин"), ("Құрманғалиев", "Курмангалиев"), ("Демесінов", "Демесинов"),
          ("Әбілғазиев", "Абильгазиев"), ("Сатыбалдиев", "Сатыбалдиев"), ("Мырзағалиев", "Мырзагалиев"),
          ("Бердіқұлов", "Бердикулов"), ("Махамбетов", "Махамбетов"), ("Исатаев", "Исатаев"),
          ("Жантөреев", "Жантореев"), ("Ахметов", "Ахметов")]
SUR_KZ_RU = dict(SUR_KZ)
SUR_RU = ("Иванов Кузнецов Попов Смирнов Волков Морозов Лебедев Новиков Фёдоров Зайцев Соловьёв Белов Тарасов Жуков "
          "Крылов Макаров Никитин Орлов Фролов Щербаков Ефимов Чернов Медведев Гусев Сорокин Беляев Комаров").split()
SUR_TT = "Галиев Сафин Хабибуллин Нуриев Закиров Валиев Шарипов Ахметзянов Гарипов Мингазов Хайруллин Юсупов".split()

KK2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
VOW_CY = "аеёиоуыэюяәөұүі"

PAT_EXC = {"Пётр": ("Петрович", "Петровна"), "Павел": ("Павлович", "Павловна"), "Илья": ("Ильич", "Ильинична"),
           "Никита": ("Никитич", "Никитична"), "Михаил": ("Михайлович", "Михайловна"),
           "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Даниил": ("Даниилович", "Данииловна"),
           "Артём": ("Артёмович", "Артёмовна"), "Габдулла": ("Габдуллаевич", "Габдуллаевна"),
           "Ғабдолла": ("Ғабдоллаевич", "Ғабдоллаевна")}

# ----------------------------------------------------------------------------------------------------------------
# scripts
# ----------------------------------------------------------------------------------------------------------------
ICAO = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia"}
# how a Turkish clerk writes a Kazakh or Russian name (ж as c in Kazakh names, as Turks write Can, Cuma, Cengiz)
TRL = {"а": "a", "ә": "e", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "yo", "ж": "c", "з": "z",
       "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "ö", "п": "p",
       "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç",
       "ш": "ş", "щ": "ş", "ъ": "", "ы": "ı", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
TR_ASCII = str.maketrans({"ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "İ": "I", "Ş": "S", "Ç": "C",
                          "Ğ": "G", "Ö": "O", "Ü": "U"})


def cap_like(src_ch, out):
    if not out:
        return out
    return out[0].upper() + out[1:] if src_ch.isupper() else out


def icao(s):
    return "".join(cap_like(ch, ICAO[ch.lower()]) if ch.lower() in ICAO else ch for ch in s)


def turkish(s, kazakh=True):
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        prev = s[i - 1].lower() if i else " "
        if lo == "е" and (prev in VOW_CY or (prev in " -" and not kazakh)):
            o = "ye"
        elif lo == "ж" and not kazakh:
            o = "j"
        elif lo == "ғ" and prev in " -":
            o = "g"
        elif lo in TRL:
            o = TRL[lo]
        else:
            out.append(ch)
            continue
        if ch.isupper() and o[:1] == "i":
            o = "İ" + o[1:]          # a Turkish capital i keeps its dot
        out.append(cap_like(ch, o))
    return "".join(out)


def tr_upper(s):
    return s.replace("i", "İ").replace("ı", "I").upper()


def informal(s, rng):
    """A user's own Latin of a Russian-letter name (one habit per call)."""
    zh = rng.choice(["zh", "zh", "j"])
    kh = rng.choice(["kh", "h", "h"])
    yi = rng.choice(["y", "y", "i"])
    t = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": zh, "з": "z", "и": "i", "й": yi,
         "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
         "х": kh, "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
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
        return base[:-1] + ("аевич", "аевна")[i] if base.endswith("ла") else base[:-1] + ("ович", "овна")[i]
    if base[-1] in VOW_CY:
        return base + ("евич", "евна")[i]
    return base + ("ович", "овна")[i]


# ----------------------------------------------------------------------------------------------------------------
# places: Atyrau region
# ----------------------------------------------------------------------------------------------------------------
# key: (ru, kk, ru kind, kk kind, district ru, district kk, Turkish)
TOWNS = {
    "aty": ("Атырау", "Атырау", "г.", "қ.", None, None, "Atırau"),
    "kul": ("Кульсары", "Құлсары", "г.", "қ.", "Жылыойский", "Жылыой", "Kulsarı"),
    "mah": ("Махамбет", "Махамбет", "с.", "а.", "Махамбетский", "Махамбет", "Mahambet"),
    "dos": ("Доссор", "Доссор", "п.", "к.", "Макатский", "Мақат", "Dossor"),
    "mak": ("Макат", "Мақат", "п.", "к.", "Макатский", "Мақат", "Makat"),
    "ind": ("Индерборский", "Индербор", "п.", "к.", "Индерский", "Индер", "İnderbor"),
    "miy": ("Миялы", "Миялы", "с.", "а.", "Кызылкогинский", "Қызылқоға", "Miyalı"),
    "gan": ("Ганюшкино", "Ганюшкино", "с.", "а.", "Курмангазинский", "Құрманғазы", "Ganyuşkino"),
    "akk": ("Аккистау", "Аққыстау", "с.", "а.", "Исатайский", "Исатай", "Akkıstau"),
}
TOWN_W = [("aty", 56), ("kul", 14), ("mah", 5), ("dos", 4), ("mak", 3), ("ind", 4), ("miy", 3), ("gan", 6), ("akk", 5)]
TOWN_PEOPLE = {"aty": (86, 11, 3), "kul": (94, 5, 1), "dos": (80, 17, 3), "mak": (82, 15, 3), "mah": (97, 2, 1),
               "ind": (90, 8, 2), "miy": (98, 1, 1), "gan": (95, 4, 1), "akk": (98, 1, 1)}
VILLAGES = ("mah", "dos", "mak", "ind", "miy", "gan", "akk")
RIVERSIDE = ("aty", "gan", "akk", "mah", "ind")

ST_ATY = [("мкр.", "Жилгородок", "Жилгородок ш/а", "Jilgorodok Mkr."), ("мкр.", "Нурсая", "Нұрсая ш/а", "Nursaya Mkr."),
          ("мкр.", "Авангард-3", "Авангард-3 ш/а", "Avangard-3 Mkr."), ("мкр.", "Самал", "Самал ш/а", "Samal Mkr."),
          ("мкр.", "Балыкшы", "Балықшы ш/а", "Balıkşı Mkr."), ("мкр.", "Береке", "Береке ш/а", "Bereke Mkr."),
          ("мкр.", "Привокзальный", "Вокзал маңы ш/а", "Privokzalnıy Mkr."),
          ("ул.", "Сатпаева", "Сәтбаев көшесі", "Satpayev Cad."), ("пр.", "Азаттык", "Азаттық даңғылы", "Azattık Bulv."),
          ("ул.", "Махамбета", "Махамбет көшесі", "Mahambet Cad."),
          ("пр.", "Абулхаир хана", "Әбілқайыр хан даңғылы", "Abulhayır Han Bulv."),
          ("ул.", "Баймуханова", "Баймұханов көшесі", "Baymuhanov Sok."),
          ("ул.", "Смагулова", "Смағұлов көшесі", "Smagulov Sok."), ("ул.", "Кулманова", "Құлманов көшесі", "Kulmanov Sok."),
          ("ул.", "Ауэзова", "Әуезов көшесі", "Auezov Cad."), ("ул.", "Айтеке би", "Әйтеке би көшесі", "Ayteke Bi Sok."),
          ("ул.", "Студенческая", "Студенттер көшесі", "Studençeskaya Sok.")]
ST_KUL = [("мкр.", "Жастар", "Жастар ш/а", "Castar Mkr."), ("ул.", "Бейбарыс", "Бейбарыс көшесі", "Beybarıs Sok."),
          ("ул.", "Есболаева", "Есболаев көшесі", "Esbolayev Sok."), ("мкр.", "Мунайшы", "Мұнайшы ш/а", "Munayşı Mkr."),
          ("ул.", "Аманжолова", "Аманжолов көшесі", "Amancolov Sok.")]
ST_VIL = [("ул.", "Школьная", "Мектеп көшесі", "Mektep Sok."), ("ул.", "Абая", "Абай көшесі", "Abay Sok."),
          ("ул.", "Махамбета", "Махамбет көшесі", "Mahambet Sok."), ("ул.", "Исатая", "Исатай көшесі", "İsatay Sok."),
          ("ул.", "Курмангазы", "Құрманғазы көшесі", "Kurmangazı Sok."), ("ул.", "Центральная", "Орталық көшесі", "Ortalık Sok."),
          ("ул.", "Набережная", "Жағалау көшесі", "Cağalau Sok."), ("ул.", "Жастар", "Жастар көшесі", "Castar Sok.")]


def streets(town):
    return {"aty": ST_ATY, "kul": ST_KUL}.get(town, ST_VIL)


class Addr:
    __slots__ = ("town", "st", "house", "flat")

    def __init__(s, town, st, house, flat):
        s.town, s.st, s.house, s.flat = town, st, house, flat


def addr_ru(a, short=False):
    st = streets(a.town)[a.st]
    ru, kk, kind, kkk, dr, dk, trn = TOWNS[a.town]
    if short:
        s = f"{ru}, {st[0]} {st[1]}, {a.house}" + (f"-{a.flat}" if a.flat else "")
        return s
    parts = []
    if dr:
        parts.append(f"{dr} р-н")
    parts.append(f"{kind} {ru}")
    parts.append(f"{st[0]} {st[1]}")
    parts.append(f"д. {a.house}")
    if a.flat:
        parts.append(f"кв. {a.flat}")
    return ", ".join(parts)


def addr_kk(a):
    st = streets(a.town)[a.st]
    ru, kk, kind, kkk, dr, dk, trn = TOWNS[a.town]
    parts = []
    if dk:
        parts.append(f"{dk} ауданы")
    parts.append(f"{kk} {kkk}")
    parts.append(st[2])
    parts.append(f"{a.house}-үй")
    if a.flat:
        parts.append(f"{a.flat}-пәтер")
    return ", ".join(parts)


def addr_tr(a):
    st = streets(a.town)[a.st]
    s = f"{st[3]} No:{a.house}" + (f" D:{a.flat}" if a.flat else "")
    return s


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
    while True:
        base = f"{b.year % 100:02d}{b.month:02d}{b.day:02d}{c}{rng.randint(0, 9999):04d}"
        k = iin_check(base)
        if k is None:
            continue
        v = base + str(k)
        if v not in used:
            used.add(v)
            return v


def make_tc(rng, used):
    """A Turkish national's T.C. Kimlik No: 11 digits, its own two check digits."""
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
        d11 = (sum(d) + d10) % 10
        v = "".join(map(str, d)) + str(d10) + str(d11)
        if v not in used:
            used.add(v)
            return v


MON_TR = "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split()
DAY_TR = "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar".split()
MON_RU_G = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()


def f_dmy(d, sep="."):
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def tr_long(d):
    return f"{d.day} {MON_TR[d.month - 1]} {d.year} {DAY_TR[d.weekday()]}"


def phone_fmt(ph, style):
    if style == "plus":
        return "+7" + ph
    if style == "eight":
        return "8" + ph
    if style == "seven":
        return "7" + ph
    if style == "spaced8":
        return f"8 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"
    if style == "paren":
        return f"+7({ph[:3]}){ph[3:]}"
    if style == "paren8":
        return f"8 ({ph[:3]}) {ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    if style == "tr":       # a Turkish clerk's habit: a leading 0 and the Turkish grouping
        return f"0 ({ph[:3]}) {ph[3:6]} {ph[6:8]} {ph[8:]}"
    if style == "tr2":
        return f"0{ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"
    return ph


# ----------------------------------------------------------------------------------------------------------------
# faults
# ----------------------------------------------------------------------------------------------------------------
class Faults:
    def __init__(self, rng):
        self.rng = rng
        self.n = Counter()

    def name(self, s, file, rate=0.015):
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
        s.first = None            # {"kk", "ru", "tr", "ear", "mrz"}
        s.first_key = None
        s.father = s.mother = None
        s.father_first = None     # the father's first-name dict (None: no patronymic)
        s.pat_kz = False
        s.surnames = []           # (date, (kind, stem, variant))
        s.marriages = []
        s.homes = []              # (date, Dwelling or None)
        s.phones = []
        s.iin = None
        s.tc = None
        s.children = []
        s.twin = None
        s.vis = 1.0
        s.gen = 0
        s.arrived = None          # a Turkish national's arrival
        s.inmate = None           # (start, end) of a prison term


class Marriage:
    def __init__(s, h, w, start):
        s.h, s.w, s.start = h, w, start
        s.end = None
        s.how = None
        s.took = False


class Dwelling:
    def __init__(s, did, created):
        s.did, s.created = did, created
        s.addrs = []


def name_dict(people, nm):
    if people == "kz":
        ru = KZ_RU.get(nm) or kk2ru(nm)
        return {"kk": nm, "ru": ru, "tr": turkish(nm), "ear": ru, "mrz": ru}
    if people == "tr":
        t, ear, mrz = nm
        return {"kk": mrz, "ru": mrz, "tr": t, "ear": ear, "mrz": mrz}
    if people == "mix":
        kk, ru, t = nm
        return {"kk": kk, "ru": ru, "tr": t, "ear": ru, "mrz": ru}
    return {"kk": nm, "ru": nm, "tr": turkish(nm, kazakh=False), "ear": nm, "mrz": nm}


class Pop:
    def __init__(self, rng, n):
        self.rng = rng
        self.n_target = n
        self.persons = []
        self.by = {}
        self.dws = []
        self.used_iin = set()
        self.used_tc = set()
        self.used_phone = set()
        self.addr_used = set()
        self.stats = Counter()

    # ---------------------------------------------------------------- persons
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
        pr = 0.80 if y < 1940 else 0.50 if y < 1950 else (0.30 if p.sex == "M" else 0.15) if y < 1960 else \
            (0.12 if p.sex == "M" else 0.05) if y < 1970 else 0.015
        if rng.random() < pr:
            a = max(D(2000, 1, 1), yrs(p.birth, 40))
            if a <= END:
                p.death = rdate(rng, a, END)

    def alive(self, p, d):
        return p.birth <= d and (p.death is None or d < p.death)

    def names_list(self, people, sex, y):
        e = era(y)
        if people == "kz":
            return (KZ_M if sex == "M" else KZ_F)[e]
        if people == "ru":
            return (RU_M if sex == "M" else RU_F)[e]
        if people == "tt":
            return (TT_M if sex == "M" else TT_F)[e]
        if people == "tr":
            return TR_M if sex == "M" else TR_F
        return MIX_M if sex == "M" else MIX_F

    def with_names(self, sex, people, birth, father=None, mother=None, skey=None, exclude=(), name_people=None):
        rng = self.rng
        p = self.new_person(sex, people, birth)
        p.father, p.mother = father, mother
        if mother is not None and rng.random() < 0.75:
            p.vis = mother.vis
        npeople = name_people or people
        lst = self.names_list(npeople, sex, birth.year)
        nm = zipf(rng, lst, 0.6, exclude)
        p.first = name_dict(npeople, nm)
        p.first_key = nm if isinstance(nm, str) else nm[0]
        if father is not None:
            p.father_first = father.first
        elif people != "tr":
            fl = self.names_list(people, "M", birth.year - 28)
            fnm = zipf(rng, fl, 0.8)
            p.father_first = name_dict(people, fnm)
        if people in ("kz", "mix") and birth.year >= 1995:
            if father is not None:
                if not hasattr(father, "kids_kz"):
                    father.kids_kz = rng.random() < 0.30
                p.pat_kz = father.kids_kz
            else:
                p.pat_kz = rng.random() < 0.30
        if skey is None:
            skey = self.new_surname(people)
        p.surnames = [(birth, skey)]
        if skey[0] == "kz" and sex == "M" and 1975 <= birth.year <= 2000 and rng.random() < 0.02 \
                and skey[1].endswith(("ов", "ев")):
            d = rdate(rng, max(D(2008, 1, 1), yrs(birth, 18)), D(2020, 12, 31))
            p.surnames.append((d, ("kz", skey[1][:-2], "")))
            self.stats["ending_dropped"] += 1
        return p

    def new_surname(self, people):
        rng = self.rng
        if people == "kz":
            return ("kz", zipf(rng, [a for a, _ in SUR_KZ], 0.7), "")
        if people == "ru":
            return ("ru", zipf(rng, SUR_RU, 0.7), "")
        if people == "tt":
            return ("tt", zipf(rng, SUR_TT, 0.7), "")
        # a Turkish surname; the Kazakh documents write it from the passport's Latin (70 %) or as heard
        return ("tr", zipf(rng, [a for a, _, _ in TR_SUR], 0.6), "mrz" if rng.random() < 0.7 else "ear")

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
                a = Addr(town, i, str(rng.randint(1, 45)), str(rng.randint(1, 90)))
            elif town in ("aty", "kul") and rng.random() < 0.5:
                a = Addr(town, i, str(rng.randint(1, 160)), str(rng.randint(1, 120)))
            else:
                a = Addr(town, i, str(rng.randint(1, 130)), None)
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

    def contact_phone(self, p, d):
        """The number an agency is given for p: the own one, else (a child, an old person without a mobile) the
        number of a parent or a grown child at home."""
        own = at(p.phones, d)
        if own and (age(p.birth, d) < 70 or self.rng.random() < 0.6):
            return own
        dw = self.home_at(p, d)
        for q in (p.mother, p.father) + tuple(p.children):
            if q is not None and q is not p and self.alive(q, d) and dw is not None and self.home_at(q, d) is dw \
                    and 18 <= age(q.birth, d) < 70 and at(q.phones, d):
                return at(q.phones, d)
        return own

    def spouse_at(self, p, d):
        for m in p.marriages:
            if m.start <= d and (m.end is None or d < m.end):
                o = m.w if m.h is p else m.h
                if self.alive(o, d):
                    return o
        return None

    # ---------------------------------------------------------------- families
    def take_rate(self, h, w):
        if h.people == "tr" and w.people == "tr":
            return 1.0
        return {"kz": 0.72, "ru": 0.95, "tt": 0.90, "tr": 0.40, "mix": 0.72}[h.people]

    def marry(self, h, w, d):
        rng = self.rng
        m = Marriage(h, w, d)
        h.marriages.append(m)
        w.marriages.append(m)
        if rng.random() < self.take_rate(h, w):
            m.took = True
            w.surnames.append((d, self.stem_at(h, d)))
            w.surnames.sort(key=lambda x: x[0])
        if d < D(2018, 1, 1) and rng.random() < 0.08:
            dd = rdate(rng, yrs(d, 2), min(yrs(d, 15), D(2023, 6, 30)))
            if self.alive(h, dd) and self.alive(w, dd) and dd > d:
                m.end, m.how = dd, "divorce"
        if m.end is None:
            ends = [x for x in (h.death, w.death) if x]
            if ends:
                m.end, m.how = min(ends), "death"
        return m

    def n_children(self, people, town, gen):
        rng = self.rng
        vil = town in VILLAGES or town == "kul"
        if people in ("kz", "mix"):
            if gen == 0:
                return rng.choice([1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8] if vil else [1, 2, 3, 3, 4, 4, 5, 5, 6])
            return rng.choice([0, 1, 2, 3, 3, 4, 4, 5, 6] if vil else [0, 1, 2, 2, 3, 3, 4, 5])
        if people == "tr":
            return rng.choice([0, 1, 2, 2, 3])
        return rng.choice([0, 1, 2, 2, 3] if gen == 0 else [0, 1, 1, 2, 2, 3])

    def make_children(self, f, mo, m, dw, town):
        rng = self.rng
        n = self.n_children(f.people, town, f.gen)
        d = m.start + dt.timedelta(days=rng.randint(300, 600))
        kids = []
        used = {f.first_key, mo.first_key}
        kpeople = f.people
        name_people = None
        if f.people == "tr" and mo.people == "kz":
            kpeople, name_people = "mix", "mix"
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
                c = self.with_names(rng.choice("MF"), kpeople, d, f, mo, self.stem_at(f, d), used, name_people)
                if kpeople == "mix" and rng.random() < 0.5:
                    # half the children of a Turkish father and a Kazakh mother get a Kazakh name
                    nm = zipf(rng, self.names_list("kz", c.sex, d.year), 0.6, used)
                    c.first, c.first_key = name_dict("kz", nm), nm
                used.add(c.first_key)
                c.gen = f.gen + 1
                self.set_home(c, d, dw)
                kids.append(c)
                grp.append(c)
                f.children.append(c)
                mo.children.append(c)
            if twins:
                grp[0].twin, grp[1].twin = grp[1].pid, grp[0].pid
                self.stats["twins"] += 2
            d = d + dt.timedelta(days=rng.randint(13 * 30, 42 * 30))
        return kids

    def spouse_for(self, c, md):
        rng = self.rng
        sex = "F" if c.sex == "M" else "M"
        if c.people in ("kz", "mix"):
            town = self.town_at(c, md) if self.home_at(c, md) else None
            if sex == "M" and md >= D(2006, 1, 1) and rng.random() < 0.05:
                people = "tr"
            else:
                people = "kz" if rng.random() < 0.93 else rng.choice(["ru", "tt"])
        else:
            people = c.people if rng.random() < 0.70 else rng.choice([x for x in ("ru", "tt", "kz") if x != c.people])
        if sex == "F":
            b = c.birth + dt.timedelta(days=rng.randint(-700, 2500))
        else:
            b = c.birth - dt.timedelta(days=rng.randint(-700, 3000))
        if age(b, md) < 18:
            b = yrs(md, -rng.randint(19, 24))
        s = self.with_names(sex, people, b)
        s.gen = c.gen
        if people == "tr":
            s.arrived = max(yrs(b, 23), D(2004, 1, 1), md - dt.timedelta(days=rng.randint(200, 1500)))
            s.tc = make_tc(rng, self.used_tc)
            self.stats["turkish_husbands"] += 1
        return s

    def town_choice(self, parents_town):
        rng = self.rng
        x = rng.random()
        if x < 0.55 and parents_town:
            return parents_town
        if x < 0.87:
            return wpick(rng, [("aty", 70), ("kul", 12), ("mah", 3), ("dos", 3), ("ind", 3), ("gan", 3), ("akk", 3),
                               ("miy", 2), ("mak", 1)])
        return None

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
                if sp.people == "tr":
                    self.set_home(sp, sp.birth, None)
                    self.set_home(sp, sp.arrived, self.new_dw("aty", sp.arrived))
                elif rng.random() < 0.6 and ptown:
                    self.set_home(sp, sp.birth, self.new_dw(ptown, sp.birth))
                else:
                    self.set_home(sp, sp.birth, None)
                m = self.marry(h, w, md)
                stay = False
                if c.sex == "M" and c.people == "kz" and pdw is not None and ptown and c.father is not None:
                    sons = [x for x in c.father.children if x.sex == "M"]
                    if sons and sons[-1] is c and rng.random() < 0.40:
                        stay = True
                if stay:
                    dw, town = pdw, ptown
                else:
                    town = "aty" if sp.people == "tr" else self.town_choice(ptown)
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
        if c.sex == "F" and rng.random() < 0.12 and yrs(c.birth, 21) <= END:
            d = yrs(c.birth, rng.randint(21, 33))
            for _ in range(rng.choice([1, 1, 2])):
                if d > END or not self.alive(c, d):
                    break
                kid = self.with_names(rng.choice("MF"), c.people if c.people != "mix" else "kz", d, None, c,
                                      self.stem_at(c, d), {c.first_key})
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
        if rng.random() < 0.10:
            return self.turkish_family()
        town = wpick(rng, TOWN_W)
        mix = TOWN_PEOPLE[town]
        ph = wpick(rng, [("kz", mix[0]), ("ru", mix[1]), ("tt", mix[2])])
        hb = rdate(rng, D(1935, 1, 1), D(1965, 12, 31))
        h = self.with_names("M", ph, hb)
        pw = ph if rng.random() < 0.92 else rng.choice([x for x in ("kz", "ru", "tt") if x != ph])
        wb = hb + dt.timedelta(days=rng.randint(-700, 2500))
        w = self.with_names("F", pw, wb)
        md = max(yrs(hb, 21), yrs(wb, 19)) + dt.timedelta(days=rng.randint(0, 5 * 365))
        for p in (h, w):
            if p.death and p.death <= md + dt.timedelta(days=3650):
                p.death = None
        dw = self.new_dw(town, md)
        for p in (h, w):
            self.set_home(p, p.birth, None)
            self.set_home(p, md, dw)
        m = self.marry(h, w, md)
        m.dw = dw
        queue = self.make_children(h, w, m, dw, town)
        if m.how == "divorce":
            self.divorce(m, queue)
        while queue:
            self.adult_life(queue.pop(0), queue)

    def turkish_family(self):
        """A Turkish national who came to work (the developer, the contractors, a kebab stall), alone or with his
        Turkish wife; some go home again."""
        rng = self.rng
        hb = rdate(rng, D(1962, 1, 1), D(1992, 12, 31))
        h = self.with_names("M", "tr", hb)
        h.tc = make_tc(rng, self.used_tc)
        arr = rdate(rng, max(D(2005, 1, 1), yrs(hb, 23)), D(2019, 12, 31))
        h.arrived = arr
        self.set_home(h, hb, None)
        self.stats["turkish_households"] += 1
        if rng.random() < 0.45:
            wb = hb + dt.timedelta(days=rng.randint(-400, 2500))
            w = self.with_names("F", "tr", wb)
            w.tc = make_tc(rng, self.used_tc)
            md = max(yrs(hb, 23), yrs(wb, 20)) + dt.timedelta(days=rng.randint(0, 3 * 365))
            md = min(md, arr - dt.timedelta(days=30)) if md < arr else md
            w.arrived = max(arr, md)
            self.set_home(w, wb, None)
            dw = self.new_dw("aty", arr)
            self.set_home(h, arr, dw)
            self.set_home(w, w.arrived, dw)
            m = self.marry(h, w, md)
            m.dw = dw
            kids = self.make_children(h, w, m, dw, "aty")
            for k in kids:
                if k.birth < w.arrived:
                    self.set_home(k, k.birth, None)
                    self.set_home(k, w.arrived, dw)
        else:
            dw = self.new_dw("aty", arr)
            self.set_home(h, arr, dw)
            if rng.random() < 0.55 and yrs(hb, 24) <= END:
                md = max(arr + dt.timedelta(days=rng.randint(200, 1500)), yrs(hb, 24))
                if md <= END:
                    wb = yrs(md, -rng.randint(20, 30)) + dt.timedelta(days=rng.randint(0, 364))
                    w = self.with_names("F", "kz", wb)
                    self.set_home(w, wb, self.new_dw("aty", wb))
                    self.set_home(w, md, dw)
                    m = self.marry(h, w, md)
                    m.dw = dw
                    queue = self.make_children(h, w, m, dw, "aty")
                    if m.how == "divorce":
                        self.divorce(m, queue)
                    self.stats["turkish_husbands"] += 1

    def build(self):
        while len(self.persons) < self.n_target:
            self.found_family()
        self.index()
        self.moves()
        self.index()
        self.prison()
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
                d = rdate(rng, max(D(2008, 1, 1), dw.created + dt.timedelta(days=200)), D(2023, 12, 31))
                if d <= dw.created:
                    continue
                t = a0.town if rng.random() < 0.70 else ("aty" if a0.town != "aty" else "kul")
                dw.addrs.append((d, self.new_addr(t)))
                self.stats["moves"] += 1
        # Turkish households going home, Russian and Tatar ones leaving for Russia
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            res = list(self.ever.get(dw.did, {}).values())
            if a0 is None or not res:
                continue
            heads = [p for p in res if p.people == "tr" and p.sex == "M"]
            if heads:
                pr = 0.30
            else:
                pr = {"ru": 0.08, "tt": 0.05}.get(res[0].people, 0)
            if rng.random() < pr:
                d = rdate(rng, max(D(2012, 1, 1), dw.created + dt.timedelta(days=400)), D(2023, 12, 31))
                if d > dw.created:
                    dw.addrs = [x for x in dw.addrs if x[0] < d] + [(d, None)]
                    self.stats["emigrated_dwellings_" + ("tr" if heads else res[0].people)] += 1

    def prison(self):
        """A few men (and fewer women) serve a term in the region's colony in 2014-2024."""
        rng = self.rng
        for p in self.persons:
            if p.people == "tr":
                continue
            pr = (0.06 if p.sex == "M" else 0.006) * (0.6 + 0.4 * p.vis)
            if rng.random() >= pr:
                continue
            a = max(D(2012, 1, 1), yrs(p.birth, 19))
            b = min(D(2023, 6, 30), yrs(p.birth, 55))
            if a > b:
                continue
            s = rdate(rng, a, b)
            if not self.alive(p, s) or self.town_at(p, s) is None:
                continue
            e = s + dt.timedelta(days=rng.randint(365, 9 * 365))
            p.inmate = (s, e)
            self.stats["inmates"] += 1

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
            a = max(yrs(p.birth, 14), D(2004, 1, 1), p.arrived or D(2004, 1, 1))
            if a > END:
                continue
            p.phones.append((rdate(rng, a, a + dt.timedelta(days=700)), self.new_phone()))
            if rng.random() < 0.25:
                d = rdate(rng, p.phones[0][0] + dt.timedelta(days=200), END)
                if d > p.phones[0][0]:
                    p.phones.append((d, self.new_phone()))
            if p.people == "tr" and p.gen == 0:
                p.tr_phone = "5" + f"{rng.randint(30, 59)}" + f"{rng.randint(0, 9999999):07d}"


# ----------------------------------------------------------------------------------------------------------------
# writing names
# ----------------------------------------------------------------------------------------------------------------
class Namer:
    """A person's names in a script: kk (Kazakh letters), ru (Russian letters; a Turkish surname as the documents
    write it), ear (a Turkish name as heard), icao (passport Latin), tr (a Turkish clerk's spelling), inf (the
    person's own informal Latin)."""

    def __init__(self, pop, rng):
        self.pop = pop
        self.rng = rng

    def sur(self, p, d, script):
        return self.sur_of(self.pop.stem_at(p, d), p.sex, script)

    def sur_of(self, skey, sex, script):
        kind, stem, var = skey
        if kind == "tr":
            ear, mrz = TR_SUR_D[stem]
            if script == "tr":
                return stem
            if script in ("icao", "inf"):
                return stem.translate(TR_ASCII)
            if script == "ear":
                return ear
            return mrz if var == "mrz" else ear
        if kind == "kz":
            kk = stem
            ru = SUR_KZ_RU.get(stem) or kk2ru(stem)
            if sex == "F":
                kk, ru = fem(kk), fem(ru)
        else:
            kk = ru = fem(stem) if sex == "F" else stem
        if script == "kk":
            return kk
        if script in ("ru", "ear"):
            return ru
        if script == "icao":
            return icao(kk)
        if script == "tr":
            return turkish(kk, kazakh=(kind == "kz"))
        if script == "inf":
            return informal(ru, self.rng)
        raise ValueError(script)

    def first(self, p, script):
        f = p.first
        if script in ("kk", "ru", "tr", "ear"):
            return f[script]
        if script == "icao":
            return icao(f["kk"]) if p.people not in ("tr",) else f["tr"].translate(TR_ASCII)
        if script == "inf":
            return informal(f["ru"], self.rng) if p.people != "tr" else f["tr"].translate(TR_ASCII)
        raise ValueError(script)

    def pat(self, p, script):
        ff = p.father_first
        if ff is None:
            return None
        if p.pat_kz:
            kk = ff["kk"] + ("ұлы" if p.sex == "M" else "қызы")
            ru = ff["ru"] + ("улы" if p.sex == "M" else "кызы")
        else:
            kk, ru = ru_pat(ff["kk"], p.sex), ru_pat(ff["ru"], p.sex)
        return {"kk": kk, "ru": ru, "ear": ru, "icao": icao(kk), "tr": turkish(kk),
                "inf": informal(ru, self.rng)}[script]

    def full(self, p, d, script, pat=True, order="SFP"):
        s, f = self.sur(p, d, script), self.first(p, script)
        pt = self.pat(p, script) if pat else None
        parts = {"S": s, "F": f, "P": pt}
        return " ".join(parts[c] for c in order if parts[c])

    def initials(self, p, d, script):
        pt = self.pat(p, script)
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


def rel_ru(rel, sex):
    t = REL_RU.get(rel, REL_RU["other"])
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

    def official(self):
        rng = self.rng
        if rng.random() < 0.8:
            s = SUR_KZ_RU[zipf(rng, [a for a, _ in SUR_KZ], 0.4)]
        else:
            s = zipf(rng, SUR_RU, 0.4)
        if rng.random() < 0.5:
            s = fem(s)
        return f"{s} {rng.choice('АБГДЕЖКМНРСТ')}.{rng.choice('АБГЕЖКМНСТШ')}."

    def inside(self):
        return [p for p in self.pop.persons]


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


# ================================================================================================================
# 1. the transport inspection's register of small vessels (an HTML table saved as .xls)
# ================================================================================================================
BOATS = [("моторная лодка", "Казанка-5М4"), ("моторная лодка", "Прогресс-4"), ("моторная лодка", "Обь-М"),
         ("моторная лодка", "Крым"), ("катер", "Амур-2"), ("гидроцикл", "Yamaha VX"), ("моторная лодка", "Вельбот-45"),
         ("моторная лодка", "Неман-500"), ("гидроцикл", "Sea-Doo GTI")]
ENGINES = ["Yamaha 40", "Suzuki DF 30", "Tohatsu 25", "Вихрь-30", "Mercury 60", "Yamaha 90", "Нептун-23", "Suzuki DF 60"]
BASES = ["р. Урал, г. Атырау (лодочная станция «Жайық»)", "р. Урал, с. Ганюшкино", "протока Перетаска", "р. Кигач",
         "с. Аккистау, канал", "р. Урал, с. Махамбет", "Каспийское море, пос. Дамба", "р. Урал, Индерборский"]


def html_cell(s):
    """What the web system writes in a cell: HTML-escaped text; Kazakh letters were stored by the browser as
    numeric references (the page is windows-1251) and are escaped once more on export."""
    out = []
    for ch in s:
        if ch in "&<>":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;"}[ch])
            continue
        try:
            ch.encode("cp1251")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(f"&amp;#{ord(ch)};")
    return "".join(out)


def vessels(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "kishi_kemeler.xls"
    regs = []      # (date, owner, boat)
    for p in pop.persons:
        if p.people == "tr":
            continue
        pr = (0.60 if p.sex == "M" else 0.04) * p.vis
        if rng.random() >= min(0.8, pr):
            continue
        for k in range(2 if rng.random() < 0.18 else 1):
            d = rdate(rng, max(D(2004, 1, 1), yrs(p.birth, 25)), D(2024, 10, 31))
            if d > END or not pop.alive(p, d) or age(p.birth, d) > 72 or pop.town_at(p, d) not in RIVERSIDE:
                continue
            regs.append((d, p, rng.choice(BOATS)))
    regs.sort(key=lambda r: (r[0], r[1].pid))
    rows = []
    nreg = 0
    for d, p, boat in regs:
        nreg += 1
        num = f"АТ {rng.randint(1000, 9999)} {rng.choice(['KZ', 'КZ', 'KZ'])}"
        owners = [(d, p)]
        # 12 %: sold (the row stays, deregistered; the buyer's row is added), or passed to an heir on death
        if p.death and p.death < END and rng.random() < 0.6:
            dd = p.death + dt.timedelta(days=rng.randint(60, 500))
            heirs = [c for c in p.children if pop.alive(c, dd) and age(c.birth, dd) >= 20 and pop.town_at(c, dd)]
            if heirs and dd <= END:
                owners.append((dd, rng.choice(heirs)))
        elif rng.random() < 0.12:
            dd = rdate(rng, d + dt.timedelta(days=400), END)
            t = pop.town_at(p, d)
            pool = [q for q in pop.persons if q.sex == "M" and q.people != "tr" and pop.alive(q, dd)
                    and 25 <= age(q.birth, dd) <= 65 and pop.town_at(q, dd) == t]
            if pool and dd <= END:
                owners.append((dd, rng.choice(pool)))
        for i, (od, o) in enumerate(owners):
            off = owners[i + 1][0] if i + 1 < len(owners) else (o.death + dt.timedelta(days=rng.randint(30, 200))
                                                                if o.death and rng.random() < 0.5 else None)
            rows.append((od, o, boat, num, off))
            if rng.random() < 0.04:      # registered twice (a re-measurement, a new engine): the row again
                rows.append((od + dt.timedelta(days=rng.randint(30, 900)), o, boat, num, off))
                ctx.F.n[(FILE, "registered_twice")] += 1
    rows.sort(key=lambda r: (r[0], r[3]))
    inspectors = [ctx.official() for _ in range(4)]
    hdr = ["№ п/п", "Бортовой номер", "Тип судна", "Марка (модель)", "Двигатель", "Год постройки", "Дата регистрации",
           "Собственник (Ф.И.О.)", "Дата рождения", "ИИН", "Адрес собственника", "Телефон", "Совладелец",
           "Допущен к управлению", "Удостоверение судоводителя", "Место базирования", "Снято с учёта", "Инспектор"]
    lines = []
    kept = {}
    n_co = n_st = 0
    rid = 0
    for od, o, boat, num, off in rows:
        if od > END:
            continue
        rid += 1
        key = ("o", o.pid, pop.stem_at(o, od))
        a = pop.addr_at(o, od)
        if key not in kept or rng.random() < 0.3:
            kk_letters = o.people == "kz" and rng.random() < 0.18
            sc = "kk" if kk_letters else "ru"
            name = F.name(nm.full(o, od, sc, pat=rng.random() < 0.92), FILE)
            if rng.random() < 0.15:
                name = name.upper()
            x = rng.random()
            b = F.birth(o.birth, FILE)
            bs = f_dmy(b) if x < 0.80 else (f"{b.year} г.р." if x < 0.86 else "")
            bk = "full" if x < 0.80 else ("partial" if x < 0.86 else None)
            kept[key] = (name, bs, bk, F.iin(o.iin, FILE) if rng.random() < 0.82 else "")
        name, bs, bk, iin = kept[key]
        phs = []
        for t_, ph in o.phones:
            if t_ <= od + dt.timedelta(days=30) and rng.random() < 0.8:
                phs.append(phone_fmt(ph, rng.choice(["spaced8", "eight", "paren", "paren8"])))
        phone = " / ".join(phs[-2:])
        built = rng.randint(2003, max(2003, min(od.year, 2024))) if boat[0] == "гидроцикл" else \
            rng.randint(1982, min(od.year, 2024))
        cells = [str(rid), num, boat[0], boat[1], rng.choice(ENGINES) if boat[0] != "гидроцикл" else "штатный",
                 str(built),
                 f_dmy(od), name, bs, iin, (addr_ru(a, short=rng.random() < 0.5) if a else ""), phone]
        persons = [(o, ev_of(bool(iin), "full", bk))]
        # the co-owner: the wife, 30 % of the registrations
        sp = pop.spouse_at(o, od)
        if sp is not None and rng.random() < 0.30:
            x = rng.random()
            if x < 0.5:
                t = nm.initials(sp, od, "ru")
                nev = "initials"
            else:
                t = nm.full(sp, od, "ru")
                nev = "full"
            cells.append(F.name(t, FILE))
            persons.append((sp, ev_of(False, nev, None)))
            n_co += 1
        else:
            cells.append("")
        # a person admitted to steer: an adult son or a brother, 25 %
        cands = [c for c in o.children if c.sex == "M" and pop.alive(c, od) and age(c.birth, od) >= 18
                 and pop.town_at(c, od)]
        if o.father is not None:
            cands += [b_ for b_ in o.father.children if b_ is not o and b_.sex == "M" and pop.alive(b_, od)
                      and age(b_.birth, od) >= 18 and pop.town_at(b_, od)]
        if cands and rng.random() < 0.25:
            s_ = rng.choice(cands)
            x = rng.random()
            if x < 0.6:
                t, nev = nm.full(s_, od, "ru"), "full"
            else:
                t, nev = nm.initials(s_, od, "ru"), "initials"
            sb = F.birth(s_.birth, FILE)
            t2 = F.name(t, FILE)
            if rng.random() < 0.4:
                t2 += f", {f_dmy(sb)} г.р."
                sbk = "full"
            else:
                sbk = None
            cells.append(t2)
            cells.append(f"АТ-{rng.randint(100, 999)} от {f_dmy(rdate(rng, yrs(s_.birth, 18), od))}")
            persons.append((s_, ev_of(False, nev, sbk), 3))
            n_st += 1
        else:
            cells += ["", ""]
        cells.append(rng.choice(BASES))
        cells.append(f_dmy(off) if off and off <= END else "")
        cells.append(rng.choice(inspectors))
        lines.append(cells)
        ctx.t(FILE, str(rid), o, persons[0][1])
        k = 2
        for item in persons[1:]:
            place = item[2] if len(item) > 2 else 2
            ctx.t(FILE, f"{rid}#{place}", item[0], item[1])
    # the HTML document
    H = []
    H.append('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
             'xmlns="http://www.w3.org/TR/REC-html40">')
    H.append('<head>')
    H.append('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')
    H.append('<meta name="ProgId" content="Excel.Sheet">')
    H.append('<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Реестр</x:Name>'
             '<x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets>'
             '</x:ExcelWorkbook></xml><![endif]-->')
    H.append('<style>td {mso-number-format:"\\@"; font-family: Arial; font-size: 9pt} th {background:#d9d9d9}</style>')
    H.append('</head>')
    H.append('<body>')
    H.append('<h3>Атырауская областная территориальная инспекция. Реестр маломерных судов по состоянию на 31.12.2024</h3>')
    H.append('<table border="1" cellspacing="0" cellpadding="2">')
    H.append("<tr>" + "".join(f"<th>{html_cell(h)}</th>" for h in hdr) + "</tr>")
    for cells in lines:
        H.append("<tr>" + "".join(f"<td>{html_cell(c) if c else '&nbsp;'}</td>" for c in cells) + "</tr>")
    H.append(f'<tr><td colspan="{len(hdr)}"><b>Итого судов в реестре: {len(lines)}</b></td></tr>')
    H.append('</table>')
    H.append('<p>Сформировано: 15.01.2025 10:42 &nbsp; Пользователь: inspektor_at</p>')
    H.append('</body>')
    H.append('</html>')
    ctx.files[FILE] = ("\r\n".join(H) + "\r\n").encode("cp1251")
    ctx.stat_files[FILE] = {"rows": rid, "owners": len({r[1].pid for r in rows}), "co_owners": n_co, "steerers": n_st,
                            "persons": rid + n_co + n_st}


# ================================================================================================================
# 2. the penitentiary institution's visit requests (a JSON:API document)
# ================================================================================================================
INSTITUTIONS = [("УИ-161/1", "г. Атырау"), ("УИ-161/4", "пос. Доссор"), ("УИ-161/6", "г. Кульсары")]


def visits(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "kezdesu_otinimder.json"
    W0 = D(2016, 3, 1)
    inmates = sorted([p for p in pop.persons if p.inmate and p.inmate[1] > W0 and p.inmate[0] < END],
                     key=lambda p: (p.inmate[0], p.pid))
    reqs = []
    for p in inmates:
        s, e = p.inmate
        inst = rng.choice(INSTITUTIONS)
        d = s + dt.timedelta(days=rng.randint(40, 120))
        if d < W0:
            d = W0 + dt.timedelta(days=rng.randint(0, 150))
        while d < min(e, END):
            if not pop.alive(p, d):
                break
            # who comes: the mother, the wife, sisters and brothers, adult children, the father
            fam = []
            sp = pop.spouse_at(p, s)
            cand = []
            if p.mother is not None and pop.alive(p.mother, d) and pop.town_at(p.mother, d):
                cand.append((p.mother, 0.7))
            if sp is not None and pop.alive(sp, d) and pop.town_at(sp, d):
                cand.append((sp, 0.8))
            if p.father is not None and pop.alive(p.father, d) and pop.town_at(p.father, d):
                cand.append((p.father, 0.3))
            sibs = []
            for par in (p.father, p.mother):
                if par is not None:
                    sibs += [x for x in par.children if x is not p and x not in sibs]
            for x in sibs:
                if pop.alive(x, d) and age(x.birth, d) >= 18 and pop.town_at(x, d):
                    cand.append((x, 0.18))
            for c in p.children:
                if pop.alive(c, d) and age(c.birth, d) >= 18 and pop.town_at(c, d):
                    cand.append((c, 0.35))
            for x, pr in cand:
                if rng.random() < pr:
                    fam.append(x)
            if not fam and cand:
                fam = [max(cand, key=lambda z: z[1])[0]]
            fam = fam[:3]
            if fam:
                kind = "long" if rng.random() < 0.3 else "short"
                reqs.append((d, p, fam, kind, inst))
            d = d + dt.timedelta(days=rng.randint(120, 320))
    reqs.sort(key=lambda r: (r[0], r[1].pid))
    staff = {}
    for i in range(6):
        staff[f"st-{i + 1:02d}"] = rng.choice(["лейтенант", "ст. лейтенант", "капитан", "майор"]) + " " + ctx.official()
    accounts = {}        # visitor pid -> list of account ids (a second account for 8 %)
    objs = {}
    inmate_obj = {}
    n_vis = 0
    data = []
    vid = rng.randint(3000, 5000)
    for rid, (d, p, fam, kind, inst) in enumerate(reqs, start=1):
        if p.pid not in inmate_obj:
            oid = f"{p.inmate[0].year % 100:02d}-{rng.randint(1000, 9999)}"
            while ("inmates", oid) in objs:
                oid = f"{p.inmate[0].year % 100:02d}-{rng.randint(1000, 9999)}"
            b = F.birth(p.birth, FILE)
            att = {"last-name": F.name(nm.sur(p, p.inmate[0], "ru"), FILE).upper(),
                   "first-name": nm.first(p, "ru").upper(),
                   "middle-name": (nm.pat(p, "ru") or "").upper() or None,
                   "birth-date": b.isoformat(), "iin": F.iin(p.iin, FILE, rate=0.01),
                   "article": rng.choice(["ст. 188 ч.2 УК РК", "ст. 190 ч.2 УК РК", "ст. 296 ч.1 УК РК",
                                          "ст. 106 ч.1 УК РК", "ст. 293 ч.2 УК РК", "ст. 345 ч.3 УК РК"]),
                   "term-start": p.inmate[0].isoformat(), "term-end": p.inmate[1].isoformat()}
            objs[("inmates", oid)] = {"type": "inmates", "id": oid, "attributes": att}
            inmate_obj[p.pid] = oid
        rels = []
        persons = [(p, "iin")]
        for v in fam:
            acc = accounts.get(v.pid)
            if acc is None or (rng.random() < 0.03 and len(acc) < 2):
                vid += rng.randint(1, 40)
                aid = f"u{vid}"
                # the visitor registers herself on the portal: her own typing
                x = rng.random()
                sc = "kk" if v.people == "kz" and x < 0.25 else ("inf" if x > 0.95 else "ru")
                ln = F.name(nm.sur(v, d, sc), FILE)
                fn = F.name(nm.first(v, sc), FILE)
                mn = nm.pat(v, sc) if rng.random() < 0.8 else None
                if rng.random() < 0.08:
                    ln, fn = ln.lower(), fn.lower()
                b = F.birth(v.birth, FILE)
                att = {"last-name": ln, "first-name": fn, "middle-name": mn,
                       "birth-date": b.isoformat() if rng.random() < 0.9 else None,
                       "iin": F.iin(v.iin, FILE) if rng.random() < 0.93 else None,
                       "phone": phone_fmt(pop.phone_at(v, d), rng.choice(["plus", "eight", "seven"])) if pop.phone_at(v, d) else None,
                       "registered-at": (dt.datetime(d.year, d.month, d.day, rng.randint(8, 22), rng.randint(0, 59))
                                         - dt.timedelta(days=rng.randint(1, 20))).isoformat() + "+05:00"}
                objs[("visitors", aid)] = {"type": "visitors", "id": aid, "attributes": att}
                accounts.setdefault(v.pid, []).append(aid)
                if acc is not None:
                    F.n[(FILE, "second_account")] += 1
                acc = accounts[v.pid]
            aid = acc[-1]
            a_ = objs[("visitors", aid)]["attributes"]
            rel = relation(pop, p, v, d)
            rels.append({"type": "visitors", "id": aid, "meta": {"relation": rel_ru(rel, v.sex)}})
            persons.append((v, "iin" if a_["iin"] else ev_of(False, "full", "full" if a_["birth-date"] else None)))
        st = rng.choice(sorted(staff))
        status = rng.choice(["approved"] * 7 + ["rejected", "cancelled", "held"])
        created = dt.datetime(d.year, d.month, d.day, rng.randint(8, 20), rng.randint(0, 59)) - dt.timedelta(days=rng.randint(3, 25))
        req_id = str(10000 + rid * 3 + rng.randint(0, 2))
        item = {"type": "visit-requests", "id": req_id,
                "attributes": {"created-at": created.isoformat() + "+05:00", "visit-date": d.isoformat(),
                               "kind": kind, "status": status, "institution": f"{inst[0]} ({inst[1]})",
                               "comment": rng.choice([None, None, None, "передача продуктов", "с ребёнком до 14 лет",
                                                      "повторная заявка"])},
                "relationships": {"inmate": {"data": {"type": "inmates", "id": inmate_obj[p.pid]}},
                                  "visitors": {"data": rels},
                                  "reviewed-by": {"data": {"type": "staff", "id": st}}},
                "links": {"self": f"/api/v1/visit-requests/{req_id}"}}
        data.append(item)
        ctx.t(FILE, str(rid), p, "iin")
        for k, (v, ev) in enumerate(persons[1:], start=2):
            ctx.t(FILE, f"{rid}#{k}", v, ev)
            n_vis += 1
    included = []
    for (typ, oid), o in sorted(objs.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        included.append(o)
    for sid in sorted(staff):
        included.append({"type": "staff", "id": sid, "attributes": {"name": staff[sid]}})
    doc = {"jsonapi": {"version": "1.0"},
           "meta": {"total": len(data), "generated": "2025-01-14T11:05:09+05:00"},
           "links": {"self": "/api/v1/visit-requests?include=inmate,visitors,reviewed-by&page[size]=5000&sort=visit-date"},
           "data": data, "included": included}
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    ctx.stat_files[FILE] = {"requests": len(data), "inmates": len(inmate_obj),
                            "visitor_accounts": sum(len(v) for v in accounts.values()), "visitors_on_requests": n_vis,
                            "persons": len(data) + n_vis}


# ================================================================================================================
# 3. a Turkish developer's apartment sales (a Logo ERP export: cp1254, Turkish headers)
# ================================================================================================================
PROJECTS = [("Sarayşık Evleri 1. Etap", D(2011, 5, 1), D(2014, 12, 31)),
            ("Sarayşık Evleri 2. Etap", D(2015, 3, 1), D(2018, 12, 31)),
            ("Nur Kent Konutları", D(2018, 9, 1), D(2022, 6, 30)),
            ("Altın Kala Rezidans", D(2021, 10, 1), D(2024, 12, 20))]
REPS = ["Serkan Yıldız", "Aygerim Sadıkova", "Burak Aksoy", "Gülnar Utepkaliyeva", "Emre Tunç", "Dana Nurgaliyeva"]


def sales(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "konut_satislari.csv"
    deals = []
    for p in pop.persons:
        for proj, a, b in PROJECTS:
            d = rdate(rng, a, b)
            if not pop.alive(p, d) or not (25 <= age(p.birth, d) <= 68) or pop.town_at(p, d) not in ("aty", "kul"):
                continue
            sp = pop.spouse_at(p, d)
            base = 0.15 if sp is not None else 0.06
            if p.people == "tr":
                base = 0.22
            if sp is not None and p.sex == "F" and rng.random() < 0.6:
                continue       # the couple buys once: mostly under the husband's name
            if rng.random() >= min(0.6, base * p.vis):
                continue
            deals.append((d, p, proj))
            if rng.random() < 0.05:      # an investor's second flat
                deals.append((d + dt.timedelta(days=rng.randint(0, 60)), p, proj))
    deals.sort(key=lambda x: (x[0], x[1].pid))
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    hdr = ["Cari Kodu", "Cari Ünvanı", "Adı", "Soyadı", "Kimlik No", "Doğum Tarihi", "Uyruğu", "Cep Telefonu",
           "E-Posta", "Adres", "İl", "İlçe", "Proje", "Blok", "Daire No", "Sözleşme Tarihi", "Satış Tutarı",
           "Para Birimi", "Durum", "Ortak Alıcı Adı Soyadı", "Ortak Alıcı Kimlik No", "Ortak Alıcı Doğum Tarihi",
           "Vekil Adı Soyadı", "Vekil Telefon", "Satış Temsilcisi"]
    w.writerow(hdr)
    out_rows = []
    cari = {}
    nxt = 1
    rid = 0
    n_co = n_vk = 0
    kept = {}
    for d, p, proj in deals:
        # 8 %: the contract is cancelled and the buyer signs again for another flat later
        again = rng.random() < 0.08
        rows_p = [(d, "İptal" if again else None)]
        if again:
            d2 = d + dt.timedelta(days=rng.randint(30, 400))
            if d2 <= END and pop.alive(p, d2):
                rows_p.append((d2, None))
        for dd, status in rows_p:
            rid += 1
            if p.pid not in cari or rng.random() < 0.06:     # a second current account for the same person
                cari.setdefault(p.pid, [])
                cari[p.pid].append(f"120.01.{nxt:04d}")
                nxt += 1
            code = cari[p.pid][-1]
            key = (p.pid, code, pop.stem_at(p, dd))
            if key not in kept:
                # who typed it: a Turkish clerk (Turkish spelling) or a local one copying the ID card's Latin
                turk = p.people == "tr" or rng.random() < 0.6
                sc = "tr" if turk else "icao"
                ad = F.name(nm.first(p, sc), FILE)
                so = F.name(nm.sur(p, dd, sc), FILE)
                if p.people == "tr":
                    kim = p.tc if rng.random() < 0.5 else (F.iin(p.iin, FILE) if rng.random() < 0.9 else "")
                else:
                    kim = F.iin(p.iin, FILE) if rng.random() < 0.9 else ""
                b = F.birth(p.birth, FILE)
                bs = tr_long(b) if rng.random() < 0.93 else ""
                kept[key] = (ad, so, kim, bs)
            ad, so, kim, bs = kept[key]
            unvan = tr_upper(f"{so} {ad}")
            ph = pop.phone_at(p, dd)
            if p.people == "tr" and hasattr(p, "tr_phone") and rng.random() < 0.4:
                phs = f"+90 {p.tr_phone[:3]} {p.tr_phone[3:6]} {p.tr_phone[6:8]} {p.tr_phone[8:]}"
            else:
                phs = phone_fmt(ph, rng.choice(["tr", "tr2", "tr"])) if ph else ""
            a = pop.addr_at(p, dd)
            mail = ""
            if rng.random() < 0.35:
                mail = f"{informal(nm.first(p, 'ru'), rng).lower()}.{informal(nm.sur(p, dd, 'ru'), rng).lower()}" \
                       f"{rng.randint(1, 99)}@{rng.choice(['mail.ru', 'gmail.com', 'inbox.kz', 'hotmail.com'])}"
                mail = mail.translate(TR_ASCII).replace("'", "")
            blok = rng.choice("ABCDE")
            price = rng.randint(90, 420) * 100000
            cells = [code, unvan, ad, so, kim, bs, "TÜRKİYE" if p.people == "tr" else "KAZAKİSTAN", phs, mail,
                     addr_tr(a) if a else "", "ATIRAU",
                     ("MERKEZ" if a.town == "aty" else tr_upper(turkish(TOWNS[a.town][5]))) if a else "",
                     proj, f"{blok} Blok",
                     str(rng.randint(1, 120)), f_dmy(dd),
                     f"{price:,}".replace(",", ".") + ",00", "KZT",
                     status or ("Teslim Edildi" if dd.year < 2023 else "Aktif")]
            persons = [(p, 1, ev_of(bool(kim) and kim != p.tc, "full", "full" if bs else None))]
            sp = pop.spouse_at(p, dd)
            if sp is not None and rng.random() < 0.55:
                turk = rng.random() < 0.6
                sc = "tr" if turk else "icao"
                t = F.name(f"{nm.first(sp, sc)} {nm.sur(sp, dd, sc)}", FILE)
                if rng.random() < 0.3:
                    t = tr_upper(t)
                ski = F.iin(sp.iin, FILE) if rng.random() < 0.7 and sp.people != "tr" else \
                    (sp.tc if sp.people == "tr" and sp.tc and rng.random() < 0.5 else "")
                sb = F.birth(sp.birth, FILE)
                x = rng.random()
                sbs = f_dmy(sb) if x < 0.4 else f_dmy(sb, "/") if x < 0.6 else \
                    f"{sb.day} {MON_TR[sb.month - 1]} {sb.year}" if x < 0.8 else ""
                cells += [t, ski, sbs]
                persons.append((sp, 2, ev_of(bool(ski) and ski != sp.tc, "full", "full" if sbs else None)))
                n_co += 1
            else:
                cells += ["", "", ""]
            # a proxy for a buyer of 55 or more (an adult child), or for one abroad
            vk = None
            if age(p.birth, dd) >= 55 or rng.random() < 0.03:
                kids = [c for c in p.children if pop.alive(c, dd) and age(c.birth, dd) >= 21 and pop.town_at(c, dd)]
                if kids and rng.random() < 0.35:
                    vk = rng.choice(kids)
            if vk is not None:
                t = F.name(f"{nm.first(vk, 'tr')} {nm.sur(vk, dd, 'tr')}", FILE)
                vph = pop.phone_at(vk, dd)
                cells += [t, phone_fmt(vph, "tr") if vph else ""]
                persons.append((vk, 3, ev_of(False, "full", None)))
                n_vk += 1
            else:
                cells += ["", ""]
            cells.append(rng.choice(REPS))
            out_rows.append((code, dd, rid, cells, persons))
    # the report lists the contracts by current account, then by date
    out_rows.sort(key=lambda r: (r[0], r[1], r[2]))
    for rid, (_, _, _, cells, persons) in enumerate(out_rows, start=1):
        w.writerow(cells)
        for q, place, ev in persons:
            ctx.t(FILE, str(rid) if place == 1 else f"{rid}#{place}", q, ev)
    ctx.files[FILE] = out.getvalue().encode("cp1254", errors="replace")
    ctx.stat_files[FILE] = {"rows": rid, "buyers": len(cari), "co_buyers": n_co, "proxies": n_vk,
                            "persons": rid + n_co + n_vk}


# ================================================================================================================
# 4. a football club's fan ID accounts (a DynamoDB export: typed JSON, one item a line)
# ================================================================================================================
def ddb(v):
    if v is None:
        return {"NULL": True}
    if isinstance(v, bool):
        return {"BOOL": v}
    if isinstance(v, (int, float)):
        return {"N": str(v)}
    if isinstance(v, str):
        return {"S": v}
    if isinstance(v, set):
        raise ValueError
    if isinstance(v, tuple) and v and v[0] == "SS":
        return {"SS": list(v[1])}
    if isinstance(v, list):
        return {"L": [ddb(x) for x in v]}
    if isinstance(v, dict):
        return {"M": {k: ddb(x) for k, x in v.items()}}
    raise TypeError(type(v))


B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def fans(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "fan_id.json"
    accs = []
    for p in pop.persons:
        pr = (0.80 if p.sex == "M" else 0.16) * p.vis
        if p.people == "tr":
            pr *= 1.6
        if rng.random() >= min(0.92, pr):
            continue
        d = rdate(rng, D(2019, 3, 1), D(2024, 10, 31))
        if not pop.alive(p, d) or not (14 <= age(p.birth, d) <= 70) or pop.town_at(p, d) not in ("aty", "kul", "mah", "dos"):
            continue
        accs.append((d, p))
        if rng.random() < 0.09:      # a second account: a new phone, a forgotten password
            d2 = rdate(rng, d + dt.timedelta(days=90), END)
            if pop.alive(p, d2) and pop.town_at(p, d2):
                accs.append((d2, p))
                F.n[(FILE, "second_account")] += 1
    items = []
    n_kids = 0
    for d, p in accs:
        sc_x = rng.random()
        if p.people == "tr":
            sc = "tr"
        elif sc_x < 0.45:
            sc = "ru"
        elif sc_x < 0.65 and p.people == "kz":
            sc = "kk"
        else:
            sc = "inf"
        ln = F.name(nm.sur(p, d, sc), FILE)
        fn = F.name(nm.first(p, sc), FILE)
        x = rng.random()
        if x < 0.06:
            ln, fn = ln.lower(), fn.lower()
        elif x < 0.10:
            ln = ln.upper()
        it = {"pk": "FAN#" + "".join(rng.choice(B32) for _ in range(26)),
              "sk": "PROFILE",
              "fanCardNo": f"ATR-{rng.randint(1, 99999):05d}",
              "lastName": ln, "firstName": fn}
        if rng.random() < 0.3 and p.people != "tr":
            it["middleName"] = nm.pat(p, sc if sc != "inf" else "ru")
        b = F.birth(p.birth, FILE)
        bk = None
        y = rng.random()
        if y < 0.85:
            it["birthDate"] = b.isoformat()
            bk = "full"
        elif y < 0.92:
            it["birthYear"] = b.year
            bk = "partial"
        req_iin = d >= D(2022, 7, 1)
        iin = None
        if rng.random() < (0.95 if req_iin else 0.35):
            iin = F.iin(p.iin, FILE)
            it["iin"] = iin
        phs = []
        for t_, ph in p.phones:
            if t_ <= d + dt.timedelta(days=rng.randint(0, 800)):
                phs.append("+7" + ph)
        if phs:
            ss = list(dict.fromkeys(phs[-2:]))
            rng.shuffle(ss)          # a string set keeps no order
            it["phones"] = ("SS", ss)
        if rng.random() < 0.3:
            it["email"] = f"{informal(nm.first(p, 'ru'), rng).lower()}{rng.randint(80, 2010)}@" \
                          f"{rng.choice(['mail.ru', 'gmail.com', 'bk.ru', 'yandex.kz'])}".translate(TR_ASCII)
        it["city"] = rng.choice(["Atyrau", "Атырау", "ATYRAU"]) if pop.town_at(p, d) == "aty" else \
            TOWNS[pop.town_at(p, d)][0]
        kids = [c for c in p.children if pop.alive(c, d) and age(c.birth, d) < 14 and age(c.birth, d) >= 3
                and pop.home_at(c, d) is pop.home_at(p, d)]
        kl = []
        kp = []
        for c in kids[:3]:
            if rng.random() < 0.55:
                kb = F.birth(c.birth, FILE)
                x = rng.random()
                csc = sc if sc != "inf" else "ru"
                if x < 0.5:
                    nmt, nev = nm.first(c, csc), "first"
                else:
                    nmt, nev = f"{nm.first(c, csc)} {nm.sur(c, d, csc)}", "full"
                km = {"name": F.name(nmt, FILE)}
                if rng.random() < 0.6:
                    km["birthYear"] = kb.year
                    kbk = "partial"
                else:
                    km["birthDate"] = kb.isoformat()
                    kbk = "full"
                km["relation"] = "son" if c.sex == "M" else "daughter"
                kl.append(km)
                kp.append((c, ev_of(False, nev, kbk)))
        if kl:
            it["kids"] = kl
        seasons = sorted({str(y) for y in range(d.year, min(2025, d.year + rng.randint(1, 4)))})
        it["seasonTickets"] = ("SS", seasons) if rng.random() < 0.5 else None
        it["marketingConsent"] = rng.random() < 0.6
        it["createdAt"] = (dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59),
                                       rng.randint(0, 59)) - dt.timedelta(hours=5)).isoformat() + "Z"
        if it["seasonTickets"] is None:
            del it["seasonTickets"]
        items.append((it, p, ev_of(bool(iin), "full", bk), kp))
    # a DynamoDB export's items come in the order of the partitions' hashes
    rng.shuffle(items)
    lines = []
    for rid, (it, p, ev, kp) in enumerate(items, start=1):
        item = {}
        for k, v in it.items():
            item[k] = ddb(v)
        lines.append(json.dumps({"Item": item}, ensure_ascii=False, separators=(",", ":")))
        ctx.t(FILE, str(rid), p, ev)
        for k, (c, cev) in enumerate(kp, start=2):
            ctx.t(FILE, f"{rid}#{k}", c, cev)
            n_kids += 1
    ctx.files[FILE] = ("\n".join(lines) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"items": len(items), "kids": n_kids, "persons": len(items) + n_kids}


# ================================================================================================================
# 5. a banquet hall's bookings (the mysql client's boxed table)
# ================================================================================================================
def latin1_mojibake(s):
    """UTF-8 bytes stored in a latin1 column and read back through a utf8 connection: each byte one character."""
    out = []
    for x in s.encode("utf-8"):
        try:
            out.append(bytes([x]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(x))
    return "".join(out)


EVENTS = {"wedding": "үйлену той", "uzatu": "қыз ұзату", "sundet": "сүндет той", "tusau": "тұсаукесер",
          "jubilee": "мерейтой"}
MANAGERS = ["Айгерим", "Жанна", "Асель", "Динара"]


def toikhana(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "toikhana_bron.txt"
    ev = []
    W0 = D(2014, 2, 1)
    seen_m = set()
    for p in pop.persons:
        for m in p.marriages:
            if id(m) in seen_m:
                continue
            seen_m.add(id(m))
            if not (W0 <= m.start <= END):
                continue
            g, b = m.h, m.w
            if pop.town_at(g, m.start) != "aty" and pop.town_at(b, m.start - dt.timedelta(days=30)) != "aty":
                continue
            if g.people not in ("kz", "mix") and b.people not in ("kz", "mix"):
                continue
            if rng.random() < min(0.92, 0.70 * g.vis):
                ev.append((m.start - dt.timedelta(days=rng.randint(0, 20)), "wedding", g, b, m))
            if b.people in ("kz", "mix") and rng.random() < min(0.85, 0.45 * b.vis):
                ev.append((m.start - dt.timedelta(days=rng.randint(15, 60)), "uzatu", g, b, m))
    for p in pop.persons:
        if p.people not in ("kz", "mix"):
            continue
        fa, mo = p.father, p.mother
        par = fa if fa is not None and pop.alive(fa, yrs(p.birth, 1)) else mo
        if par is None:
            continue
        if p.sex == "M":
            d = yrs(p.birth, rng.choice([5, 6, 7]))
            if W0 <= d <= END and pop.town_at(p, d) == "aty" and rng.random() < min(0.7, 0.25 * p.vis):
                ev.append((d, "sundet", p, par, None))
        d = yrs(p.birth, 1) + dt.timedelta(days=rng.randint(0, 60))
        if W0 <= d <= END and pop.town_at(p, d) == "aty" and rng.random() < min(0.5, 0.14 * p.vis):
            ev.append((d, "tusau", p, par, None))
        for n in (50, 60, 70, 80):
            d = yrs(p.birth, n)
            if W0 <= d <= END and pop.alive(p, d) and pop.town_at(p, d) == "aty" \
                    and rng.random() < min(0.8, (0.35 if n >= 60 else 0.12) * p.vis):
                ev.append((d, "jubilee", p, None, None))
    ev.sort(key=lambda e: (e[0], e[2].pid, e[1]))
    rows = []
    rid = 0
    n2 = n3 = n4 = 0
    for d, kind, a, b, m in ev:
        created = d - dt.timedelta(days=rng.randint(20, 200))
        if created < D(2014, 1, 15):
            continue          # the site took bookings from 15 January 2014
        ct = dt.datetime(created.year, created.month, created.day, rng.randint(9, 21), rng.randint(0, 59),
                         rng.randint(0, 59))
        # the customer
        if kind == "wedding":
            g, br = a, b
            c = rng.choice([x for x in (g.father, g.father, g.mother) if x is not None and pop.alive(x, created)] or [g])
            if rng.random() < 0.3:
                c = g
        elif kind == "uzatu":
            g, br = a, b
            c = rng.choice([x for x in (br.father, br.father, br.mother) if x is not None and pop.alive(x, created)] or [br])
        elif kind in ("sundet", "tusau"):
            c = b if pop.alive(b, created) else a.mother
            if c is None:
                continue
        else:
            kids = [k for k in a.children if pop.alive(k, created) and age(k.birth, created) >= 22]
            if not kids:
                continue
            c = rng.choice(kids)
        if not pop.alive(c, created):
            continue
        mojib = ct < dt.datetime(2019, 7, 1)
        x = rng.random()
        if x < 0.55:
            cust = nm.full(c, created, "ru", pat=False)
            cev = "full"
        elif x < 0.75:
            cust = nm.full(c, created, "ru", pat=False, order="FS")
            cev = "full"
        elif x < 0.88:
            cust = nm.full(c, created, "kk", pat=False) if c.people == "kz" else nm.full(c, created, "ru", pat=False)
            cev = "full"
        else:
            cust = nm.first(c, "ru") + " " + rng.choice(["ага", "апа"]) if c.birth.year < 1975 else nm.first(c, "ru")
            cev = "first"
        cust = F.name(cust, FILE)
        if rng.random() < 0.07:
            cust = cust.lower()
        ph = pop.phone_at(c, created)
        cph = phone_fmt(ph, rng.choice(["eight", "eight", "plus", "spaced8"])) if ph else ""
        ciin = F.iin(c.iin, FILE) if rng.random() < 0.45 else None
        persons = [(c, 1, ev_of(bool(ciin), cev, None))]
        groom = bride = hero = None
        hb = None
        if kind in ("wedding", "uzatu"):
            if kind == "wedding" or rng.random() < 0.5:
                x = rng.random()
                if x < 0.30:
                    groom, gev = nm.first(g, "ru"), "first"
                else:
                    groom, gev = nm.full(g, d, "ru", pat=False, order=rng.choice(["FS", "SF"])), "full"
                groom = F.name(groom, FILE)
                persons.append((g, 2, ev_of(False, gev, None)))
                n2 += 1
            x = rng.random()
            bd = m.start - dt.timedelta(days=1)       # the bride before the wedding: her maiden surname
            if x < 0.30:
                bride, bev = nm.first(br, "ru"), "first"
            else:
                bride, bev = nm.full(br, bd, "ru", pat=False, order=rng.choice(["FS", "SF"])), "full"
            bride = F.name(bride, FILE)
            persons.append((br, 3, ev_of(False, bev, None)))
            n3 += 1
        else:
            h = a
            hd = d
            x = rng.random()
            if kind == "jubilee":
                hero = nm.full(h, hd, "ru", pat=rng.random() < 0.3) if x < 0.8 else nm.first(h, "ru")
                hev = "full" if x < 0.8 else "first"
            else:
                hero = nm.first(h, "ru") if x < 0.4 else nm.full(h, hd, "ru", pat=False, order="FS")
                hev = "first" if x < 0.4 else "full"
            hero = F.name(hero, FILE)
            if rng.random() < (0.75 if kind == "jubilee" else 0.45):
                hb = F.birth(h.birth, FILE).isoformat()
            persons.append((h, 4, ev_of(False, hev, "full" if hb else None)))
            n4 += 1
        guests = rng.choice([150, 200, 250, 300, 350, 400, 500]) if kind in ("wedding", "uzatu", "jubilee") else \
            rng.choice([80, 100, 120, 150, 200])
        deposit = rng.choice([100000, 150000, 200000, 300000, 500000])
        vals = {"id": None, "created_at": ct.strftime("%Y-%m-%d %H:%M:%S"), "event_date": d.isoformat(),
                "event_type": EVENTS[kind], "guests": str(guests), "customer": cust, "customer_phone": cph,
                "customer_iin": ciin, "groom": groom, "bride": bride, "hero": hero,
                "hero_birth": hb or "0000-00-00", "deposit": f"{deposit}.00",
                "manager": rng.choice(MANAGERS)}
        if mojib:
            for k in ("event_type", "customer", "groom", "bride", "hero", "manager"):
                if vals[k]:
                    vals[k] = latin1_mojibake(vals[k])
        rows.append((vals, persons))
    # the table's ids follow the order the bookings were made
    rows.sort(key=lambda r: r[0]["created_at"])
    for rid, (vals, persons) in enumerate(rows, start=1):
        vals["id"] = str(rid)
        for q, place, e in persons:
            ctx.t(FILE, str(rid) if place == 1 else f"{rid}#{place}", q, e)
    rows = [v for v, _ in rows]
    rid = len(rows)
    cols = ["id", "created_at", "event_date", "event_type", "guests", "customer", "customer_phone", "customer_iin",
            "groom", "bride", "hero", "hero_birth", "deposit", "manager"]
    right = {"id", "guests", "deposit"}
    disp = [[("NULL" if r[c] is None else r[c]) for c in cols] for r in rows]
    wd = [max([len(c)] + [len(r[i]) for r in disp]) for i, c in enumerate(cols)]
    border = "+" + "+".join("-" * (w_ + 2) for w_ in wd) + "+"
    L = ["mysql> SELECT " + ", ".join(cols) + " FROM bookings ORDER BY id;", border,
         "| " + " | ".join(c.ljust(wd[i]) for i, c in enumerate(cols)) + " |", border]
    for r in disp:
        L.append("| " + " | ".join((v.rjust(wd[i]) if cols[i] in right else v.ljust(wd[i]))
                                   for i, v in enumerate(r)) + " |")
    L.append(border)
    L.append(f"{len(rows)} rows in set (0.04 sec)")
    L.append("")
    L.append("mysql> ")
    ctx.files[FILE] = ("\n".join(L) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"rows": rid, "grooms": n2, "brides": n3, "heroes": n4, "persons": rid + n2 + n3 + n4,
                            "mojibake_rows": sum(1 for r in rows if r["created_at"] < "2019-07-01")}


# ================================================================================================================
# 6. the sanitary-epidemiological department's COVID-19 cases and contacts (xlsx, two related sheets)
# ================================================================================================================
def covid(ctx):
    import openpyxl
    from openpyxl.styles import Font, Alignment
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "covid_bailanys.xlsx"
    W0, W1 = D(2020, 4, 1), D(2022, 3, 31)
    cases = []
    for p in pop.persons:
        if p.people == "tr" and p.arrived is None:
            continue
        pr = 0.14 if age(p.birth, W0) >= 18 else 0.035
        if rng.random() >= min(0.5, pr * (0.5 + 0.5 * p.vis)):
            continue
        d = rdate(rng, W0, W1)
        if not pop.alive(p, d) or pop.town_at(p, d) is None:
            continue
        cases.append((d, p))
        if rng.random() < 0.06:
            d2 = rdate(rng, d + dt.timedelta(days=120), W1)
            if d2 > d and pop.alive(p, d2) and pop.town_at(p, d2):
                cases.append((d2, p))
                F.n[(FILE, "reinfection")] += 1
    cases.sort(key=lambda c: (c[0], c[1].pid))
    epis = [ctx.official() for _ in range(5)]
    wb = openpyxl.Workbook()
    ws0 = wb.active
    ws0.title = "Свод"
    ws1 = wb.create_sheet("Случаи")
    ws2 = wb.create_sheet("Контакты")
    h1 = ["№", "Дата регистрации", "ФИО", "Дата рождения", "Возраст", "ИИН", "Пол", "Адрес", "Телефон",
          "Место работы", "Диагноз", "Госпитализация", "Исход", "Эпидемиолог"]
    h2 = ["№ п/п", "№ случая", "ФИО контактного", "Д/р (год)", "ИИН", "Телефон", "Контакт", "Адрес",
          "Дата посл. контакта", "ПЦР", "Карантин до"]
    for j, h in enumerate(h1, 1):
        ws1.cell(1, j, h).font = Font(bold=True)
    for j, h in enumerate(h2, 1):
        ws2.cell(1, j, h).font = Font(bold=True)
    works = ["ТОО «Атырау Жарык»", "АО «ЭмбаМунайГаз»", "ГКП «Облыстық аурухана»", "ИП", "не работает",
             "ТОО «Тенгизшевройл» (подрядчик)", "СОШ №", "акимат", "ТОО «Caspian Service»", "АНПЗ"]
    summary = Counter()
    r1 = 1
    r2 = 1
    n_cont = 0
    kept = {}
    for cno, (d, p) in enumerate(cases, start=1):
        r1 += 1
        a = pop.addr_at(p, d)
        up = rng.random() < 0.5
        sc = "kk" if p.people == "kz" and rng.random() < 0.3 else "ru"
        nmt = nm.full(p, d, sc, pat=rng.random() < 0.95)
        nmt = F.name(nmt.upper() if up else nmt, FILE)
        b = F.birth(p.birth, FILE)
        iin = F.iin(p.iin, FILE) if rng.random() < 0.9 else None
        ph = pop.contact_phone(p, d)
        vals = [cno, d, nmt, b if rng.random() < 0.96 else None, age(p.birth, d), iin, "м" if p.sex == "M" else "ж",
                (addr_ru(a, short=True) if rng.random() < 0.7 else addr_kk(a)) if a else None,
                phone_fmt(ph, rng.choice(["eight", "plus", "paren8"])) if ph else None,
                workplace(rng, p, d, works),
                rng.choice(["U07.1", "U07.1", "U07.2"]), rng.choice(["амбулаторно", "амбулаторно", "госпитализирован"]),
                rng.choice(["выздоровление"] * 30 + ["летальный"]) if d < D(2022, 3, 1) else None,
                rng.choice(epis)]
        if vals[5] and vals[5].startswith("0"):
            pass
        for j, v in enumerate(vals, 1):
            c = ws1.cell(r1, j, v)
            if isinstance(v, D):
                c.number_format = "DD.MM.YYYY"
        ctx.t(FILE, f"Случаи/{r1 - 1}", p, ev_of(bool(iin), "full", "full" if vals[3] else None))
        summary[(d.year, d.month, TOWNS[a.town][0] if a else "?")] += 1
        # contacts: the household, and now and then a colleague or a relative seen that week
        cont = []
        dw = pop.home_at(p, d)
        if dw is not None:
            cont += [q for q in pop.residents(dw, d) if q is not p]
        if rng.random() < 0.35:
            others = [x for x in (p.mother, p.father) if x is not None and pop.alive(x, d) and pop.town_at(x, d)
                      and x not in cont]
            if others:
                cont.append(rng.choice(others))
        if rng.random() < 0.25:
            t = pop.town_at(p, d)
            for _ in range(rng.randint(1, 2)):
                q = rng.choice(pop.persons)
                if q is not p and q not in cont and pop.alive(q, d) and 20 <= age(q.birth, d) <= 63 and pop.town_at(q, d) == t:
                    cont.append(q)
        if rng.random() < 0.15:
            cont = cont[:1]       # the patient named only one
        for q in cont:
            r2 += 1
            n_cont += 1
            rel = relation(pop, p, q, d)
            relw = ("близкий бытовой: " + rel_ru(rel, q.sex)) if rel != "other" else rng.choice(["производственный", "бытовой"])
            x = rng.random()
            qsc = "ru"
            if x < 0.65:
                qn, nev = nm.full(q, d, qsc, pat=rng.random() < 0.6), "full"
            elif x < 0.85:
                qn, nev = nm.initials(q, d, qsc), "initials"
            else:
                qn, nev = nm.full(q, d, qsc, pat=False, order="FS"), "full"
            qn = F.name(qn, FILE)
            qb = F.birth(q.birth, FILE)
            y = rng.random()
            if y < 0.45:
                bv, bk = qb.year, "partial"
            elif y < 0.80:
                bv, bk = f_dmy(qb), "full"
            else:
                bv, bk = None, None
            qi = F.iin(q.iin, FILE) if rng.random() < 0.45 else None
            if qi and rng.random() < 0.02 and rel in ("son", "daughter"):
                qi = p.iin            # the patient's IIN typed on the child's line
                F.n[(FILE, "parent_iin_on_child")] += 1
            qph = pop.contact_phone(q, d)
            qa = pop.addr_at(q, d)
            last = d - dt.timedelta(days=rng.randint(0, 4))
            vals = [r2 - 1, cno, qn, bv, qi, phone_fmt(qph, rng.choice(["eight", "plus"])) if qph and rng.random() < 0.6 else None,
                    relw, ("тот же" if qa is a and rng.random() < 0.5 else (addr_ru(qa, short=True) if qa else None)),
                    last, rng.choice(["отр.", "отр.", "отр.", "пол.", "не брали"]), last + dt.timedelta(days=14)]
            for j, v in enumerate(vals, 1):
                c = ws2.cell(r2, j, v)
                if isinstance(v, D):
                    c.number_format = "DD.MM.YYYY"
            ctx.t(FILE, f"Контакты/{r2 - 1}", q, ev_of(bool(qi), nev, bk))
    # the summary sheet: counts only
    ws0["A1"] = "ДСЭК Атырауской области. Учёт случаев COVID-19 и контактных лиц (выгрузка для статистики)"
    ws0["A1"].font = Font(bold=True)
    ws0["A3"], ws0["B3"], ws0["C3"], ws0["D3"] = "Год", "Месяц", "Населённый пункт", "Случаев"
    rr = 4
    for (y, mth, t), n in sorted(summary.items()):
        ws0.cell(rr, 1, y)
        ws0.cell(rr, 2, mth)
        ws0.cell(rr, 3, t)
        ws0.cell(rr, 4, n)
        rr += 1
    ws0.cell(rr + 1, 1, "Всего случаев")
    ws0.cell(rr + 1, 4, len(cases))
    ws0.cell(rr + 2, 1, "Всего контактных")
    ws0.cell(rr + 2, 4, n_cont)
    for ws, widths in ((ws1, [6, 14, 38, 14, 8, 15, 5, 40, 18, 28, 9, 18, 16, 18]),
                       (ws2, [7, 9, 38, 12, 15, 18, 30, 36, 14, 9, 14])):
        for j, wdt in enumerate(widths, 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = wdt
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    wb.properties.creator = "ДСЭК"
    wb.properties.created = dt.datetime(2022, 4, 11, 9, 0, 0)
    wb.properties.modified = dt.datetime(2022, 4, 11, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue(), "2022-04-11T09:00:00Z", (2022, 4, 11, 9, 0, 0))
    ctx.stat_files[FILE] = {"cases": len(cases), "contacts": n_cont, "persons": len(cases) + n_cont}


def workplace(rng, p, d, works):
    a = age(p.birth, d)
    if a < 7:
        return rng.choice(["д/с", "не организован"])
    if a < 17:
        return "СОШ №" + str(rng.randint(1, 40))
    if a < 23 and rng.random() < 0.6:
        return "студент"
    if a >= (63 if p.sex == "M" else 60):
        return "пенсионер"
    w = rng.choice(works)
    return w + str(rng.randint(1, 40)) if w == "СОШ №" else w


def fix_zip(data, stamp, zt):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">' + stamp.encode() + b"</dcterms:modified>",
                              body)
            zi = zipfile.ZipInfo(info.filename, date_time=zt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


# ================================================================================================================
# 7. the city akimat's permits for kiosks and melon stalls (GeoParquet)
# ================================================================================================================
NTO_TYPES = [("киоск", 40), ("павильон", 15), ("бахчевой развал", 25), ("летняя площадка", 10), ("фруктовый лоток", 10)]
NTO_PLACES = ["ост. «Жилгородок»", "ост. «Авангард»", "р-к «Мирлан»", "ТД «Атырау», парковка", "ул. Сатпаева, у д. 12",
              "пр. Азаттык, напротив ЦОН", "мкр. Нурсая, у школы №", "набережная р. Урал", "ост. «Балыкшы»",
              "ул. Махамбета, у рынка «Дина»", "мкр. Самал, угол д. 3", "пр. Абулхаир хана, у парка"]


def kiosks(ctx):
    import pyarrow as pa
    import pyarrow.parquet as pq
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "nto_ruqsat.parquet"
    holders = []
    for p in pop.persons:
        pr = 0.11 if p.people != "tr" else 0.40
        if rng.random() >= min(0.6, pr * p.vis):
            continue
        d = rdate(rng, D(2016, 3, 1), D(2023, 6, 30))
        if not pop.alive(p, d) or not (23 <= age(p.birth, d) <= 66) or pop.town_at(p, d) != "aty":
            continue
        typ = "киоск" if p.people == "tr" and rng.random() < 0.7 else wpick(rng, NTO_TYPES)
        holders.append((d, p, typ, rng.choice(NTO_PLACES)))
    rows = []
    for d, p, typ, place in holders:
        x0 = 381000 + rng.uniform(0, 14000)
        y0 = 5212000 + rng.uniform(0, 12000)
        obj = f"НТО-{rng.randint(100, 2999):04d}"
        years = list(range(d.year, min(2024, d.year + rng.randint(1, 6)) + 1))
        for y in years:
            if typ == "бахчевой развал":
                vf, vt = D(y, 7, 1), D(y, 10, 15)
            elif typ == "летняя площадка":
                vf, vt = D(y, 5, 1), D(y, 9, 30)
            else:
                vf, vt = (D(y, 1, 1) if y > d.year else d), D(y, 12, 31)
            if not pop.alive(p, vf) or pop.town_at(p, vf) != "aty":
                break
            rows.append((vf, vt, p, typ, place, obj, x0 + rng.uniform(-3, 3), y0 + rng.uniform(-3, 3)))
    rows.sort(key=lambda r: (r[0], r[5]))
    inspectors = [ctx.official() for _ in range(3)]
    cols = defaultdict(list)
    kept = {}
    n_sel = 0
    for rid, (vf, vt, p, typ, place, obj, x, y) in enumerate(rows, start=1):
        key = (p.pid, pop.stem_at(p, vf))
        if key not in kept or rng.random() < 0.15:
            x_ = rng.random()
            sc = "ear" if p.people == "tr" else "ru"
            if x_ < 0.45:
                hn, nev = "ИП " + nm.full(p, vf, sc).upper(), "full"
            elif x_ < 0.75:
                hn, nev = "ИП " + nm.initials(p, vf, sc), "initials"
            elif x_ < 0.90:
                hn, nev = nm.full(p, vf, sc), "full"
            else:
                hn, nev = f"ИП «{nm.first(p, sc)}»", "first"
            hb = F.birth(p.birth, FILE) if rng.random() < 0.55 else None
            kept[key] = (F.name(hn, FILE), nev, F.iin(p.iin, FILE) if rng.random() < 0.9 else None, hb)
        hn, nev, hi, hb = kept[key]
        ph = pop.phone_at(p, vf)
        wkb = struct.pack("<BIdd", 1, 1, round(x, 2), round(y, 2))
        cols["geometry"].append(wkb)
        cols["obj_id"].append(obj)
        cols["obj_type"].append(typ)
        cols["location"].append(place + (str(rng.randint(1, 40)) if place.endswith("№") else ""))
        cols["permit_no"].append(f"{rng.randint(1, 999)}-НТО от {f_dmy(vf - dt.timedelta(days=rng.randint(5, 30)))}")
        cols["valid_from"].append(vf)
        cols["valid_to"].append(vt)
        cols["holder"].append(hn)
        cols["bin_iin"].append(hi)
        cols["holder_birth"].append(hb)
        cols["holder_phone"].append(phone_fmt(ph, rng.choice(["eight", "plus", "seven"])) if ph else None)
        # the seller who stands at the stall: the wife, a grown son or daughter, a brother; or the holder himself
        cands = []
        sp = pop.spouse_at(p, vf)
        if sp is not None and pop.town_at(sp, vf) == "aty":
            cands.append(sp)
        cands += [c for c in p.children if pop.alive(c, vf) and 16 <= age(c.birth, vf) <= 35 and pop.town_at(c, vf) == "aty"]
        sel = None
        if cands and rng.random() < 0.55:
            sel = rng.choice(cands)
        if sel is not None:
            x_ = rng.random()
            ssc = "ear" if sel.people == "tr" else "ru"
            if x_ < 0.6:
                sn, sev = nm.full(sel, vf, ssc, pat=False), "full"
            elif x_ < 0.8:
                sn, sev = nm.full(sel, vf, ssc, pat=False, order="FS"), "full"
            else:
                sn, sev = nm.first(sel, ssc), "first"
            sph = pop.phone_at(sel, vf) if rng.random() < 0.8 else ph     # the stall's one phone
            cols["seller"].append(F.name(sn, FILE))
            cols["seller_phone"].append(phone_fmt(sph, rng.choice(["eight", "seven"])) if sph and rng.random() < 0.8 else None)
            n_sel += 1
        else:
            cols["seller"].append(None)
            cols["seller_phone"].append(None)
        cols["area_m2"].append(round(rng.choice([6.0, 8.0, 9.0, 12.0, 15.0, 24.0, 30.0]), 1))
        cols["inspector"].append(rng.choice(inspectors))
        ctx.t(FILE, str(rid), p, ev_of(bool(hi), nev, "full" if hb else None))
        if sel is not None:
            ctx.t(FILE, f"{rid}#2", sel, ev_of(False, sev, None))
    schema = pa.schema([("geometry", pa.binary()), ("obj_id", pa.string()), ("obj_type", pa.string()),
                        ("location", pa.string()), ("permit_no", pa.string()), ("valid_from", pa.date32()),
                        ("valid_to", pa.date32()), ("holder", pa.string()), ("bin_iin", pa.string()),
                        ("holder_birth", pa.date32()), ("holder_phone", pa.string()), ("seller", pa.string()),
                        ("seller_phone", pa.string()), ("area_m2", pa.float64()), ("inspector", pa.string())])
    xs = [struct.unpack("<BIdd", g)[2] for g in cols["geometry"]]
    ys = [struct.unpack("<BIdd", g)[3] for g in cols["geometry"]]
    geo = {"version": "1.0.0", "primary_column": "geometry",
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"],
                                    "crs": {"$schema": "https://proj.org/schemas/v0.7/projjson.schema.json",
                                            "type": "ProjectedCRS", "name": "WGS 84 / UTM zone 39N",
                                            "id": {"authority": "EPSG", "code": 32639}},
                                    "bbox": [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)]
                                    if xs else []}}}
    table = pa.table({n: cols[n] for n in schema.names}, schema=schema)
    table = table.replace_schema_metadata({b"geo": json.dumps(geo).encode("utf-8")})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    ctx.files[FILE] = buf.getvalue()
    ctx.stat_files[FILE] = {"rows": len(rows), "holders": len({r[2].pid for r in rows}), "sellers": n_sel,
                            "persons": len(rows) + n_sel}


# ================================================================================================================
# 8. a real-estate agency's rental deals (a Google Sheets API values answer)
# ================================================================================================================
def num_ru(n):
    return f"{n:,}".replace(",", "\u00a0")


def rentals(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "zhalga_beru.json"
    W0 = D(2018, 2, 1)
    landlords = []
    for p in pop.persons:
        if p.people == "tr":
            continue
        d = rdate(rng, W0, D(2022, 12, 31))
        if not pop.alive(p, d) or not (40 <= age(p.birth, d) <= 78) or pop.town_at(p, d) != "aty":
            continue
        if rng.random() < min(0.5, 0.17 * p.vis):
            landlords.append((d, p))
    tenants_pool = []
    for p in pop.persons:
        tenants_pool.append(p)
    deals = []
    for d0, ll in landlords:
        a = pop.new_addr("aty")         # the flat let: the landlord's second flat
        rooms = rng.choice([1, 1, 2, 2, 3])
        d = d0
        while d <= END and pop.alive(ll, d):
            # a tenant: a young adult or couple, a Turkish worker, a family moving in from a district
            for _ in range(30):
                q = rng.choice(tenants_pool)
                if not pop.alive(q, d) or not (19 <= age(q.birth, d) <= 45) or q is ll:
                    continue
                t = pop.town_at(q, d)
                if t is None:
                    continue
                w_ = 0.35 * q.vis if q.people != "tr" else 1.5
                if t != "aty":
                    w_ *= 0.5
                if rng.random() < min(0.9, w_):
                    break
            else:
                q = None
            if q is not None:
                deals.append((d, ll, q, a, rooms))
            d = d + dt.timedelta(days=rng.randint(150, 720))
    deals.sort(key=lambda x: (x[0], x[1].pid))
    hdr = ["№", "Дата сделки", "Адрес объекта", "Комн.", "Цена, тг/мес", "Собственник", "Тел. собственника",
           "ИИН собственника", "Арендатор", "Д/р арендатора", "ИИН арендатора", "Тел. арендатора", "Второй жилец",
           "Агент", "Срок", "Комиссия", "Примечание"]
    values = [hdr]
    agents = ["Сауле", "Ерлан", "Мадина", "Асем (стажёр)"]
    kept = {}
    n_t = n_2 = 0
    for rid, (d, ll, q, a, rooms) in enumerate(deals, start=1):
        lk = ll.pid
        if lk not in kept or rng.random() < 0.2:
            x = rng.random()
            if x < 0.6:
                ln, lev = nm.full(ll, d, "ru", pat=False), "full"
            elif x < 0.8:
                ln, lev = nm.full(ll, d, "ru", pat=False, order="FS"), "full"
            else:
                ln, lev = nm.full(ll, d, "ru"), "full"
            kept[lk] = (F.name(ln, FILE), lev, F.iin(ll.iin, FILE) if rng.random() < 0.55 else "")
        ln, lev, li = kept[lk]
        lph = pop.phone_at(ll, d)
        sc = "ear" if q.people == "tr" else "ru"
        x = rng.random()
        if x < 0.7:
            tn = nm.full(q, d, sc, pat=rng.random() < 0.3)
        else:
            tn = nm.full(q, d, sc, pat=False, order="FS")
        tn = F.name(tn, FILE)
        tb = F.birth(q.birth, FILE)
        y = rng.random()
        tbs = f_dmy(tb) if y < 0.55 else (f"{tb.day:02d}.{tb.month:02d}.{tb.year % 100:02d}" if y < 0.75 else "")
        ti = F.iin(q.iin, FILE) if rng.random() < 0.6 else ""
        sp = pop.spouse_at(q, d)
        if ti and sp is not None and rng.random() < 0.015:
            ti = sp.iin              # the contract is in the spouse's name: her IIN on his line
            F.n[(FILE, "spouse_iin_on_tenant")] += 1
        if ti and ti.startswith("0"):
            ti = ti.lstrip("0")      # typed into a number cell: the zeros of a 2000s birth are gone
        tph = pop.phone_at(q, d) if rng.random() < 0.9 or sp is None else pop.phone_at(sp, d)
        row = [str(rid), f_dmy(d), f"{streets(a.town)[a.st][0]} {streets(a.town)[a.st][1]}, {a.house}" +
               (f", кв. {a.flat}" if a.flat else ""), str(rooms), num_ru(rooms * rng.choice([70000, 80000, 90000, 100000])),
               ln, phone_fmt(lph, rng.choice(["eight", "spaced8", "plus"])) if lph else "", li,
               tn, tbs, ti, phone_fmt(tph, rng.choice(["eight", "spaced8", "plus"])) if tph else ""]
        persons = [(ll, 1, ev_of(bool(li), lev, None)), (q, 2, ev_of(bool(ti), "full", "full" if tbs else None))]
        n_t += 1
        second = ""
        if sp is not None and rng.random() < 0.4:
            z = rng.random()
            rel = rel_ru("spouse", sp.sex)
            if z < 0.45:
                second = f"{nm.first(sp, 'ear' if sp.people == 'tr' else 'ru')} ({rel})"
                sev = "first"
            else:
                second = nm.full(sp, d, "ear" if sp.people == "tr" else "ru", pat=False)
                sev = "full"
            second = F.name(second, FILE)
            persons.append((sp, 3, ev_of(False, sev, None)))
            n_2 += 1
        row.append(second)
        row.append(rng.choice(agents))
        row.append(rng.choice(["11 мес.", "6 мес.", "1 год", "11 мес.", "посуточно→помесячно", ""]))
        row.append(num_ru(rng.choice([50000, 60000, 80000])) if rng.random() < 0.6 else "")
        row.append(rng.choice(["", "", "", "", "с животными", "предоплата 2 мес.", "съехали раньше", "продлили"]))
        while row and row[-1] == "":
            row.pop()           # the Sheets API leaves trailing empty cells off a row
        values.append(row)
        for pp, place, e in persons:
            ctx.t(FILE, str(rid) if place == 1 else f"{rid}#{place}", pp, e)
    doc = {"range": f"'Сделки аренды'!A1:Q{len(values)}", "majorDimension": "ROWS", "values": values}
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    ctx.stat_files[FILE] = {"rows": len(deals), "landlords": len({d[1].pid for d in deals}), "tenants": n_t,
                            "second_tenants": n_2, "persons": len(deals) + n_t + n_2}


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
    vessels(ctx)
    visits(ctx)
    sales(ctx)
    fans(ctx)
    toikhana(ctx)
    covid(ctx)
    kiosks(ctx)
    rentals(ctx)
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
        "couples": sum(len([m for m in p.marriages if m.h is p]) for p in pop.persons),
        "twins_persons": sum(1 for p in pop.persons if p.twin),
        "deaths": sum(1 for p in pop.persons if p.death),
        "phones_changed": sum(1 for p in pop.persons if len(p.phones) > 1),
        "persons_with_two_or_more_surnames": sum(1 for p in pop.persons if len({s for _, s in p.surnames}) > 1),
        "records": len(ctx.truth),
        "persons_in_extracts": len(by_person),
        "persons_by_number_of_files": dict(sorted(Counter(len(v) for v in files_of.values()).items())),
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
