#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
"""Twenty-third extract set: six extracts of an imagined set of Zhetysu agencies, written apart from the project.

python extracts_twentythird.py --seed 231 --out DIR [--persons 5000]

Writes into DIR:
  ktz_passazhiry.csv        railway passenger manifest (KOI8-R; Express names SURNAME=N=P; child without a seat
                            in one cell; the online payer)
  aqtis_patients.json       a dental network's FHIR R4 Bundle of Patient resources (contacts)
  pokrov_kreshcheniya.xlsx  an Orthodox parish's baptism book (parents and godparents two to a cell)
  eqonaq_alakol.parquet     Alakol guest houses' e-Qonaq registrations (list<map<string,string>> of guests)
  kzrc_winter_aid.json      the Red Crescent's winter aid, KoBoToolbox API answer (repeat group of members)
  vu_zhetysu.json           driving licences, pandas orient="split" (births in seconds since 1970)
  truth.csv                 file,record_id,person_id
  stats.json                counts

Standard library, openpyxl and pyarrow only. Deterministic per seed.
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
NOW = D(2024, 12, 31)

# --------------------------------------------------------------------------------------------------------------
# letters and scripts

KK2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
                       "җ": "ж", "Җ": "Ж"})


def fold(s):
    return s.translate(KK2RU)


ICAO = {"а": "A", "ә": "A", "б": "B", "в": "V", "г": "G", "ғ": "G", "д": "D", "е": "E", "ё": "E", "ж": "ZH",
        "з": "Z", "и": "I", "й": "I", "к": "K", "қ": "K", "л": "L", "м": "M", "н": "N", "ң": "N", "о": "O",
        "ө": "O", "п": "P", "р": "R", "с": "S", "т": "T", "у": "U", "ұ": "U", "ү": "U", "ф": "F", "х": "KH",
        "һ": "H", "ц": "TS", "ч": "CH", "ш": "SH", "щ": "SHCH", "ъ": "IE", "ы": "Y", "і": "I", "ь": "",
        "э": "E", "ю": "IU", "я": "IA", "җ": "ZH"}


def icao(s):
    return "".join(ICAO.get(c, c.upper() if c.isalpha() else c) for c in s.lower())


def informal(s, rng, j=False):
    m = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo",
         "ж": "j" if j else "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m",
         "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
         "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y",
         "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya", "җ": "j"}
    out = "".join(m.get(c, c) for c in s.lower())
    return out[:1].upper() + out[1:]


ULY = {"а": "a", "ә": "e", "б": "b", "в": "w", "г": "g", "ғ": "gh", "д": "d", "е": "é", "ё": "yo", "ж": "zh",
       "җ": "j", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ng",
       "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "ü", "ф": "f", "х": "x",
       "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu",
       "я": "ya", "і": "i"}


def uly(s):
    out = "".join(ULY.get(c, c) for c in s.lower())
    return out[:1].upper() + out[1:]


# --------------------------------------------------------------------------------------------------------------
# names

# Kazakh male first names: (Kazakh letters, the Russian-letter form documents use, era)  era: o <1965, m 1960-1992, y 1988+
KAZ_M = [("Серік", "Серик", "o"), ("Болат", "Болат", "o"), ("Марат", "Марат", "om"), ("Қайрат", "Кайрат", "om"),
         ("Мұрат", "Мурат", "om"), ("Талғат", "Талгат", "om"), ("Ғалым", "Галым", "om"), ("Жомарт", "Жомарт", "o"),
         ("Төлеген", "Тулеген", "o"), ("Құдайберген", "Кудайберген", "o"), ("Жақсылық", "Жаксылык", "o"),
         ("Рахат", "Рахат", "o"), ("Мейрам", "Мейрам", "m"), ("Нұрлан", "Нурлан", "m"), ("Бақытжан", "Бахытжан", "m"),
         ("Ержан", "Ержан", "m"), ("Асқар", "Аскар", "m"), ("Дәурен", "Даурен", "m"), ("Ерлан", "Ерлан", "m"),
         ("Бауыржан", "Бауыржан", "m"), ("Арман", "Арман", "my"), ("Қанат", "Канат", "m"), ("Ербол", "Ербол", "m"),
         ("Еркін", "Еркин", "m"), ("Самат", "Самат", "my"), ("Жандос", "Жандос", "my"), ("Нұржан", "Нуржан", "my"),
         ("Тілек", "Тилек", "my"), ("Қуаныш", "Куаныш", "m"), ("Әділет", "Адилет", "y"), ("Айдос", "Айдос", "y"),
         ("Данияр", "Данияр", "y"), ("Әлібек", "Алибек", "y"), ("Темірлан", "Темирлан", "y"),
         ("Нұрсұлтан", "Нурсултан", "y"), ("Ансар", "Ансар", "y"), ("Алихан", "Алихан", "y"), ("Диас", "Диас", "y"),
         ("Сұлтан", "Султан", "y"), ("Ақжол", "Акжол", "y")]
KAZ_F = [("Күләш", "Кулаш", "o"), ("Бибігүл", "Бибигуль", "o"), ("Күлпаш", "Кульпаш", "o"), ("Шолпан", "Шолпан", "om"),
         ("Раушан", "Раушан", "o"), ("Зәуре", "Зауре", "om"), ("Майра", "Майра", "om"), ("Роза", "Роза", "o"),
         ("Гүлсім", "Гульсим", "o"), ("Ұлжан", "Улжан", "o"), ("Сара", "Сара", "o"), ("Айгүл", "Айгуль", "m"),
         ("Гүлнар", "Гульнар", "m"), ("Сәуле", "Сауле", "m"), ("Динара", "Динара", "m"), ("Жанар", "Жанар", "m"),
         ("Гүлмира", "Гульмира", "m"), ("Ақмарал", "Акмарал", "m"), ("Салтанат", "Салтанат", "m"),
         ("Ләззат", "Ляззат", "m"), ("Ботагөз", "Ботагоз", "m"), ("Жұлдыз", "Жулдыз", "my"), ("Гүлжан", "Гульжан", "m"),
         ("Әсел", "Асель", "my"), ("Мәдина", "Мадина", "my"), ("Балжан", "Балжан", "my"), ("Айгерім", "Айгерим", "y"),
         ("Аружан", "Аружан", "y"), ("Назерке", "Назерке", "y"), ("Інжу", "Инжу", "y"), ("Томирис", "Томирис", "y"),
         ("Жансая", "Жансая", "y"), ("Дана", "Дана", "y"), ("Ақбота", "Акбота", "y"), ("Сезім", "Сезим", "y"),
         ("Амина", "Амина", "y"), ("Әйгерім", "Айгерим", "y")]
RUS_M = [("Александр", "mo"), ("Сергей", "mo"), ("Андрей", "m"), ("Дмитрий", "my"), ("Алексей", "m"),
         ("Владимир", "o"), ("Николай", "o"), ("Виктор", "o"), ("Юрий", "om"), ("Евгений", "m"), ("Игорь", "m"),
         ("Олег", "m"), ("Михаил", "omy"), ("Иван", "oy"), ("Павел", "m"), ("Вячеслав", "m"), ("Денис", "my"),
         ("Артём", "y"), ("Максим", "y"), ("Егор", "y"), ("Никита", "y"), ("Кирилл", "y"), ("Даниил", "y"),
         ("Илья", "y"), ("Станислав", "m"), ("Анатолий", "o"), ("Валерий", "o"), ("Геннадий", "o"), ("Пётр", "o"),
         ("Василий", "o")]
RUS_F = [("Елена", "m"), ("Наталья", "m"), ("Ольга", "om"), ("Татьяна", "om"), ("Светлана", "m"), ("Ирина", "m"),
         ("Людмила", "o"), ("Галина", "o"), ("Валентина", "o"), ("Оксана", "m"), ("Марина", "m"), ("Юлия", "my"),
         ("Анна", "oy"), ("Мария", "oy"), ("Екатерина", "my"), ("Анастасия", "y"), ("Дарья", "y"), ("Ксения", "y"),
         ("Полина", "y"), ("Виктория", "y"), ("Алёна", "y"), ("Елизавета", "y"), ("Софья", "y"), ("Вероника", "y"),
         ("Алина", "y"), ("Жанна", "m"), ("Любовь", "o"), ("Надежда", "o"), ("Зинаида", "o"), ("Нина", "o")]
# Uyghur: (the official Russian-letter form, Uyghur Cyrillic, era)
UYG_M = [("Турсун", "Турсун", "om"), ("Ахметжан", "Әхмәтҗан", "om"), ("Абдурахим", "Абдурәһим", "o"),
         ("Шухрат", "Шөһрәт", "m"), ("Дильмурат", "Дилмурат", "my"), ("Ильхам", "Илһам", "my"),
         ("Адиль", "Адил", "my"), ("Махмут", "Мәһмут", "o"), ("Рустам", "Рустәм", "my"), ("Ясин", "Ясин", "y"),
         ("Анвар", "Әнвәр", "m"), ("Мурадил", "Мурадил", "my"), ("Нурмамат", "Нурмәмәт", "o"), ("Хамит", "Һамит", "o"),
         ("Абдурашит", "Абдурешит", "om"), ("Муратжан", "Муратҗан", "m"), ("Аблимит", "Аблимит", "o"),
         ("Кадир", "Қадир", "om"), ("Бахтияр", "Бахтияр", "my"), ("Арслан", "Арслан", "y")]
UYG_F = [("Гулнара", "Гүлнара", "m"), ("Патигуль", "Патигүл", "o"), ("Рахиля", "Раһилә", "om"),
         ("Мукаддас", "Муқәддәс", "o"), ("Рисалат", "Рисаләт", "om"), ("Айгуль", "Айгүл", "m"), ("Зухра", "Зөһрә", "om"),
         ("Мадина", "Мәдинә", "my"), ("Дильназ", "Дилназ", "y"), ("Гулшан", "Гүлшән", "m"), ("Арзигуль", "Арзугүл", "o"),
         ("Салима", "Салимә", "om"), ("Назугум", "Назугум", "o"), ("Муниря", "Мунирә", "m"), ("Сабина", "Сабина", "y"),
         ("Амина", "Амина", "y"), ("Мехригуль", "Меһригүл", "my")]

KAZ_SUR = ["Әбдірахманов", "Байжанов", "Сәрсенбаев", "Тоқтаров", "Есенқұлов", "Мұқанов", "Қасымов", "Ахметов",
           "Омаров", "Жақыпбеков", "Бейсенов", "Нұрғалиев", "Әлімжанов", "Тұрсынбаев", "Жанұзақов", "Сұлтанбеков",
           "Рахымжанов", "Абылқасымов", "Иманбаев", "Кенжебаев", "Дүйсенов", "Ысқақов", "Мамырбаев", "Қалиев",
           "Оспанов", "Жетпісбаев", "Сейітов", "Құрманов", "Тастанбеков", "Жақып", "Сәрсенбай", "Тұрсынбай",
           "Нұрғали", "Жұмабеков", "Ерғалиев", "Бекмұханов", "Серікбаев", "Әміров"]
KAZ_SUR_RU = {"Әбдірахманов": "Абдрахманов", "Ысқақов": "Искаков", "Дүйсенов": "Дюсенов", "Сейітов": "Сеитов",
              "Рахымжанов": "Рахимжанов", "Әміров": "Амиров", "Бекмұханов": "Бекмуханов"}
RUS_SUR = ["Иванов", "Кузнецов", "Попов", "Смирнов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
           "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
           "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
           "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кравченко", "Шевченко",
           "Бондаренко", "Черных", "Белых", "Полянский", "Ковалевский", "Пономарёв", "Гончаров", "Тарасов",
           "Белоусов", "Медведев", "Киселёв"]
UYG_SUR = [("Абдурахманов", "Абдураһманов"), ("Хакимов", "Һакимов"), ("Мамутов", "Мамутов"),
           ("Розахунов", "Розахунов"), ("Турсунов", "Турсунов"), ("Кадыров", "Қадиров"), ("Насыров", "Насиров"),
           ("Сабитов", "Сабитов"), ("Исмаилов", "Исмайилов"), ("Юсупов", "Юсупов"), ("Масимов", "Масимов"),
           ("Дильмуратов", "Дилмуратов"), ("Гапуров", "Ғопуров"), ("Аюпов", "Аюпов"), ("Тохтахунов", "Тохтахунов"),
           ("Ясенов", "Ясенов"), ("Садыров", "Садиров"), ("Мусаев", "Мусаев"), ("Зайнутдинов", "Зәйнидинов")]

RUS_PATR = {"Александр": ("Александрович", "Александровна"), "Сергей": ("Сергеевич", "Сергеевна"),
            "Андрей": ("Андреевич", "Андреевна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
            "Алексей": ("Алексеевич", "Алексеевна"), "Владимир": ("Владимирович", "Владимировна"),
            "Николай": ("Николаевич", "Николаевна"), "Виктор": ("Викторович", "Викторовна"),
            "Юрий": ("Юрьевич", "Юрьевна"), "Евгений": ("Евгеньевич", "Евгеньевна"), "Игорь": ("Игоревич", "Игоревна"),
            "Олег": ("Олегович", "Олеговна"), "Михаил": ("Михайлович", "Михайловна"), "Иван": ("Иванович", "Ивановна"),
            "Павел": ("Павлович", "Павловна"), "Вячеслав": ("Вячеславович", "Вячеславовна"),
            "Денис": ("Денисович", "Денисовна"), "Артём": ("Артёмович", "Артёмовна"),
            "Максим": ("Максимович", "Максимовна"), "Егор": ("Егорович", "Егоровна"), "Никита": ("Никитич", "Никитична"),
            "Кирилл": ("Кириллович", "Кирилловна"), "Даниил": ("Даниилович", "Данииловна"),
            "Илья": ("Ильич", "Ильинична"), "Станислав": ("Станиславович", "Станиславовна"),
            "Анатолий": ("Анатольевич", "Анатольевна"), "Валерий": ("Валерьевич", "Валерьевна"),
            "Геннадий": ("Геннадьевич", "Геннадьевна"), "Пётр": ("Петрович", "Петровна"),
            "Василий": ("Васильевич", "Васильевна")}

# the baptismal (church) form of a civil name, where it differs
CHURCH = {"Светлана": "Фотиния", "Оксана": "Ксения", "Егор": "Георгий", "Юрий": "Георгий", "Иван": "Иоанн",
          "Жанна": "Иоанна", "Полина": "Аполлинария", "Алёна": "Елена", "Артём": "Артемий", "Денис": "Дионисий",
          "Дарья": "Дария", "Наталья": "Наталия", "Татьяна": "Татиана", "Юлия": "Иулия", "Софья": "София",
          "Алексей": "Алексий", "Дмитрий": "Димитрий", "Сергей": "Сергий", "Илья": "Илия", "Елизавета": "Елисавета",
          "Алина": "Ангелина", "Виктория": "Ника", "Пётр": "Петр", "Анастасия": "Анастасия"}
CHURCH_FOR_KAZ_M = ["Михаил", "Николай", "Андрей", "Александр", "Даниил"]
CHURCH_FOR_KAZ_F = ["Мария", "Анна", "Елена", "Екатерина", "Ксения"]

# diminutives in everyday use (Russian-letter and Kazakh-letter forms)
DIM = {"Александр": ["Саша", "Шура"], "Сергей": ["Серёжа"], "Андрей": ["Андрюша"], "Дмитрий": ["Дима"],
       "Алексей": ["Лёша"], "Владимир": ["Вова", "Володя"], "Николай": ["Коля"], "Виктор": ["Витя"],
       "Юрий": ["Юра"], "Евгений": ["Женя"], "Игорь": ["Гоша"], "Михаил": ["Миша"], "Иван": ["Ваня"],
       "Павел": ["Паша"], "Вячеслав": ["Слава"], "Станислав": ["Стас"], "Анатолий": ["Толя"], "Валерий": ["Валера"],
       "Геннадий": ["Гена"], "Пётр": ["Петя"], "Василий": ["Вася"], "Артём": ["Тёма"], "Максим": ["Макс"],
       "Егор": ["Гоша"], "Кирилл": ["Кирюша"], "Даниил": ["Даня"], "Илья": ["Илюша"],
       "Елена": ["Лена"], "Наталья": ["Наташа"], "Ольга": ["Оля"], "Татьяна": ["Таня"], "Светлана": ["Света"],
       "Ирина": ["Ира"], "Людмила": ["Люда"], "Галина": ["Галя"], "Валентина": ["Валя"], "Оксана": ["Ксюша"],
       "Юлия": ["Юля"], "Анна": ["Аня", "Нюра"], "Мария": ["Маша"], "Екатерина": ["Катя"], "Анастасия": ["Настя"],
       "Дарья": ["Даша"], "Ксения": ["Ксюша"], "Полина": ["Поля"], "Виктория": ["Вика"], "Елизавета": ["Лиза"],
       "Софья": ["Соня"], "Алина": ["Аля"], "Любовь": ["Люба"], "Надежда": ["Надя"], "Зинаида": ["Зина"],
       "Нұрлан": ["Нұрик"], "Нұржан": ["Нұрик"], "Нұрсұлтан": ["Нұрик"], "Ерлан": ["Ерик"], "Еркін": ["Ерик"],
       "Әлібек": ["Алик"], "Алихан": ["Алик"], "Данияр": ["Даник"], "Бақытжан": ["Бақа"], "Бауыржан": ["Бауке"],
       "Айгерім": ["Айка"], "Әйгерім": ["Айка"], "Гүлнар": ["Гуля"], "Гүлмира": ["Гуля"], "Гүлжан": ["Гуля"],
       "Динара": ["Дина"], "Жансая": ["Сая"], "Салтанат": ["Салта"], "Темірлан": ["Тимур"],
       "Ахметжан": ["Ахмет"], "Муратжан": ["Мурат"], "Турсун": ["Турсунжан"], "Ильхам": ["Ильхамжан"],
       "Гулнара": ["Гуля"], "Мехригуль": ["Мехри"], "Абдурахим": ["Рахим"], "Абдурашит": ["Рашит"]}

# spellings by ear (Russian letters), as a volunteer or a web form writes what it hears
BYEAR = {"Айгуль": "Айгюль", "Кулаш": "Кульяш", "Жулдыз": "Жылдыз", "Бахытжан": "Бакытжан", "Ляззат": "Лязат",
         "Гульнар": "Гульнара", "Асель": "Асиль", "Тулеген": "Тлеген", "Патигуль": "Фатигуль", "Мукаддас": "Мукадас",
         "Рисалат": "Рисалят", "Гульсим": "Гульсум", "Кудайберген": "Кудайбирген",
         "Адилет": "Адлет", "Зауре": "Заура", "Рахиля": "Рахила",
         "Дюсенов": "Дусенов", "Дюсенова": "Дусенова", "Искаков": "Ыскаков", "Искакова": "Ыскакова",
         "Абдрахманов": "Абдирахманов", "Абдрахманова": "Абдирахманова",
         "Сеитов": "Сейтов", "Сеитова": "Сейтова", "Рахимжанов": "Рахымжанов", "Рахимжанова": "Рахымжанова",
         "Кадыров": "Кадиров", "Кадырова": "Кадирова", "Насыров": "Насиров", "Насырова": "Насирова",
         "Жакыпбеков": "Жакипбеков", "Жакыпбекова": "Жакипбекова", "Есенкулов": "Есенгулов",
         "Есенкулова": "Есенгулова", "Мамырбаев": "Мамербаев", "Мамырбаева": "Мамербаева"}


def byear(s):
    return BYEAR.get(s, s)


MALE_REL_KK = {"spouse": "жұбайы", "son": "ұлы", "daughter": "қызы", "mother": "анасы", "father": "әкесі"}


def fem_sur(s):
    for a, b in (("ский", "ская"), ("цкий", "цкая")):
        if s.endswith(a):
            return s[:-len(a)] + b
    if re.search(r"(ов|ев|ёв|ин|ын)$", s):
        return s + "а"
    return s


def patr_rule(f, male):
    if f.endswith("ь"):
        return f[:-1] + ("евич" if male else "евна")
    if f.endswith("й"):
        return f[:-1] + ("евич" if male else "евна")
    return f + ("ович" if male else "овна")


# --------------------------------------------------------------------------------------------------------------
# places of Zhetysu region

# key: (Kazakh name, Russian name, kind, district kk, district ru, share of households, ethnic shares kaz/rus/uyg, station)
TOWNS = {
    "tk": ("Талдықорған", "Талдыкорган", "city", "", "", 38, (62, 34, 4), "ТАЛДЫКОРГАН"),
    "tek": ("Текелі", "Текели", "city", "", "", 9, (42, 55, 3), "ТАЛДЫКОРГАН"),
    "zh": ("Жаркент", "Жаркент", "town", "Панфилов ауданы", "Панфиловский р-н", 12, (44, 14, 42), "ЖАРКЕНТ"),
    "ush": ("Үштөбе", "Уштобе", "town", "Қаратал ауданы", "Каратальский р-н", 7, (55, 42, 3), "УШТОБЕ"),
    "sar": ("Сарқан", "Сарканд", "town", "Сарқан ауданы", "Саркандский р-н", 6, (55, 45, 0), "УШТОБЕ"),
    "pen": ("Пенжім", "Пиджим", "village", "Панфилов ауданы", "Панфиловский р-н", 4, (8, 2, 90), "ЖАРКЕНТ"),
    "kok": ("Көктал", "Коктал", "village", "Панфилов ауданы", "Панфиловский р-н", 4, (45, 5, 50), "ЖАРКЕНТ"),
    "kab": ("Қабанбай", "Кабанбай", "village", "Алакөл ауданы", "Алакольский р-н", 5, (90, 10, 0), "БЕСКОЛЬ"),
    "bal": ("Балпық би", "Балпык би", "village", "Көксу ауданы", "Коксуский р-н", 5, (78, 22, 0), "ТАЛДЫКОРГАН"),
    "kar": ("Қарабұлақ", "Карабулак", "village", "Ескелді ауданы", "Ескельдинский р-н", 5, (62, 38, 0), "ТАЛДЫКОРГАН"),
    "sary": ("Сарыөзек", "Сарыозек", "village", "Кербұлақ ауданы", "Кербулакский р-н", 4, (95, 5, 0), "САРЫОЗЕК"),
}
OUT = {"ala": ("Алматы", "Алматы"), "ast": ("Астана", "Астана")}
TOWN_KEYS = list(TOWNS)
# streets: (Kazakh, Russian genitive / Russian form); 'мкр' for microdistricts
STREETS = {
    "tk": [("Абай", "Абая"), ("Қабанбай батыр", "Кабанбай батыра"), ("Шевченко", "Шевченко"),
           ("Ілияс Жансүгіров", "Ильяса Жансугурова"), ("Төле би", "Толе би"), ("Гагарин", "Гагарина"),
           ("Тәуелсіздік", "Тауелсиздик"), ("Жамбыл", "Жамбыла"), ("Қонаев", "Кунаева"), ("Сүйінбай", "Суюнбая"),
           ("мкр:Жетісу", "Жетысу"), ("мкр:Қаратал", "Каратал"), ("мкр:Самал", "Самал"), ("мкр:Көктем", "Коктем")],
    "tek": [("Тәуелсіздік", "Тауелсиздик"), ("Гагарин", "Гагарина"), ("Абай", "Абая"), ("Ленин", "Ленина"),
            ("Жамбыл", "Жамбыла"), ("Шахтёрлер", "Шахтёров"), ("Советская", "Советская")],
    "zh": [("Юлдашев", "Юлдашева"), ("Головацкий", "Головацкого"), ("Қожамияров", "Кожамиярова"),
           ("Пролетар", "Пролетарская"), ("Абай", "Абая"), ("Момышұлы", "Момышулы"), ("Исламов", "Исламова")],
    "ush": [("Абылай хан", "Абылай хана"), ("Ленин", "Ленина"), ("Қазыбек би", "Казыбек би"), ("Вокзальная", "Вокзальная")],
    "sar": [("Тоқтаров", "Токтарова"), ("Абай", "Абая"), ("Ленин", "Ленина"), ("Жамбыл", "Жамбыла")],
    "pen": [("Абай", "Абая"), ("Орталық", "Центральная"), ("Бағдат", "Багдат")],
    "kok": [("Абай", "Абая"), ("Мектеп", "Школьная"), ("Бейбітшілік", "Бейбитшилик")],
    "kab": [("Абай", "Абая"), ("Жағалау", "Жагалау"), ("Бейбітшілік", "Бейбитшилик")],
    "bal": [("Қабанбай батыр", "Кабанбай батыра"), ("Абай", "Абая"), ("Мектеп", "Школьная")],
    "kar": [("Ескелді би", "Ескельды би"), ("Абай", "Абая"), ("Бірлік", "Бирлик")],
    "sary": [("Абай", "Абая"), ("Теміржол", "Железнодорожная"), ("Жастар", "Жастар")],
    "ala": [("Абай", "Абая"), ("Төле би", "Толе би"), ("мкр:Алмагүл", "Алмагуль")],
    "ast": [("Кенесары", "Кенесары"), ("Сарыарқа", "Сарыарка"), ("Тұран", "Туран")],
}


def town_ru(k):
    return TOWNS[k][1] if k in TOWNS else OUT[k][1]


def town_kk(k):
    return TOWNS[k][0] if k in TOWNS else OUT[k][0]


def in_region(k):
    return k in TOWNS


def addr_ru(a, t, rng, style=0, upper=False):
    """Russian address; style 0 full, 1 short, 2 with region"""
    k = a["town"]
    s_kk, s_ru = STREETS[k][a["street"]]
    mkr = s_kk.startswith("мкр:")
    if k in TOWNS and TOWNS[k][2] == "village":
        place = f"{TOWNS[k][4]}, с. {TOWNS[k][1]}"
    else:
        place = f"г. {town_ru(k)}"
    if style == 1:
        st = (f"мкр. {s_ru}" if mkr else s_ru)
        h = f"{a['house']}-{a['flat']}" if a["flat"] else f"{a['house']}"
        out = f"{town_ru(k)}, {st} {h}"
    else:
        st = (f"мкр. {s_ru}" if mkr else f"ул. {s_ru}")
        out = f"{place}, {st}, д. {a['house']}" + (f", кв. {a['flat']}" if a["flat"] else "")
        if style == 2 and k in TOWNS:
            reg = "Алматинская обл." if t < D(2022, 6, 8) else "обл. Жетісу"
            out = f"{reg}, " + out
    return out.upper() if upper else out


def addr_kk(a):
    k = a["town"]
    s_kk, s_ru = STREETS[k][a["street"]]
    if s_kk.startswith("мкр:"):
        st = f"{s_kk[4:]} ш/а"
    else:
        st = f"{s_kk} к-сі"
    if k in TOWNS and TOWNS[k][2] == "village":
        place = f"{TOWNS[k][3]}, {TOWNS[k][0]} а."
    else:
        place = f"{town_kk(k)} қ."
    return f"{place}, {st}, {a['house']}-үй" + (f", {a['flat']}-пәтер" if a["flat"] else "")


# --------------------------------------------------------------------------------------------------------------
# IIN

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
    if not re.fullmatch(r"\d{12}", s):
        return False
    c = iin_check(s[:11])
    return c is not None and c == int(s[11])


# --------------------------------------------------------------------------------------------------------------
# population

def add_years(d, y):
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return d.replace(year=d.year + y, day=28)


def rdate(rng, a, b):
    if b <= a:
        return a
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def age_at(dob, t):
    return t.year - dob.year - ((t.month, t.day) < (dob.month, dob.day))


def zipf_pick(rng, items, s=0.9):
    w = [1.0 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights=w)[0]


class Unit:
    __slots__ = ("uid", "addrs", "people")

    def __init__(self, uid):
        self.uid = uid
        self.addrs = []
        self.people = []

    def addr_at(self, t):
        a = None
        for f, x in self.addrs:
            if f <= t:
                a = x
        return a if a is not None else (self.addrs[0][1] if self.addrs else None)


class Person:
    def __init__(self, pid):
        self.pid = pid
        self.father = None
        self.mother = None
        self.children = []
        self.spouses = []  # [from, to, person]
        self.units = []
        self.surs = []  # (from, (kk, ru, ug))
        self.phones = []
        self.email = None
        self.docs = []
        self.death = None
        self.bcert = None
        self.twin = False
        self.out = False  # an outsider (not of the population)

    # ---- state at a time
    def sur(self, t):
        s = self.surs[0][1]
        for f, x in self.surs:
            if f <= t:
                s = x
        return s

    def unit(self, t):
        u = None
        for f, x in self.units:
            if f <= t:
                u = x
        return u

    def addr(self, t):
        u = self.unit(t)
        return u.addr_at(t) if u else None

    def phone(self, t):
        p = None
        for f, x in self.phones:
            if f <= t:
                p = x
        return p

    def doc(self, t):
        p = None
        for f, x in self.docs:
            if f <= t:
                p = x
        return p

    def alive(self, t):
        return self.dob <= t and (self.death is None or t < self.death)

    def age(self, t):
        return age_at(self.dob, t)

    def in_reg(self, t):
        a = self.addr(t)
        return a is not None and in_region(a["town"])

    def spouse(self, t):
        for f, to, s in self.spouses:
            if f <= t and (to is None or t < to) and s.alive(t):
                return s
        return None

    def name(self, t, script="ru"):
        """(surname, first, patronymic) in 'kk' (Kazakh letters), 'ru' (Russian letters) or 'ug' (Uyghur Cyrillic)"""
        s = self.sur(t)
        i = {"kk": 0, "ru": 1, "ug": 2}[script]
        return s[i], self.first[i], self.patr[i]


class Pop:
    def __init__(self, rng, n):
        self.rng = rng
        self.persons = []
        self.units = []
        self.iins = set()
        self.docnums = set()
        self.phones = set()
        self.n = n
        self.outsiders = []
        self.stats = Counter()

    # ---------------------------------------------------------------- basic draws
    def new_unit(self, town, t):
        u = Unit(len(self.units) + 1)
        u.addrs.append((t, self.new_addr(town)))
        self.units.append(u)
        return u

    def new_addr(self, town):
        r = self.rng
        st = r.randrange(len(STREETS[town]))
        mkr = STREETS[town][st][0].startswith("мкр:")
        flat = None
        kind = TOWNS[town][2] if town in TOWNS else "city"
        if mkr or (kind == "city" and r.random() < 0.55) or (kind == "town" and r.random() < 0.25):
            flat = r.randint(1, 120)
        return {"town": town, "street": st, "house": r.randint(1, 60 if mkr else 180), "flat": flat}

    def new_iin(self, dob, sex):
        r = self.rng
        cent = 3 if dob.year < 2000 else 5
        sd = cent + (0 if sex == "M" else 1)
        while True:
            d11 = dob.strftime("%y%m%d") + str(sd) + "%04d" % r.randrange(1, 10000)
            c = iin_check(d11)
            if c is None:
                continue
            s = d11 + str(c)
            if s not in self.iins:
                self.iins.add(s)
                return s

    def new_phone(self):
        r = self.rng
        while True:
            p = r.choice(["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]) + \
                "%07d" % r.randrange(10 ** 7)
            if p not in self.phones:
                self.phones.add(p)
                return p

    def new_doc(self):
        while True:
            d = "%09d" % self.rng.randrange(10 ** 8, 10 ** 9)
            if d not in self.docnums:
                self.docnums.add(d)
                return d

    def era(self, dob):
        y = dob.year
        return "o" if y < 1962 else ("m" if y < 1990 else "y")

    def draw_first(self, eth, sex, dob):
        r = self.rng
        e = self.era(dob)
        if eth == "kaz":
            L = KAZ_M if sex == "M" else KAZ_F
            c = [x for x in L if e in x[2]] or L
            kk, ru, _ = zipf_pick(r, c, 0.8)
            return (kk, ru, ru)
        if eth == "rus":
            L = RUS_M if sex == "M" else RUS_F
            c = [x for x in L if e in x[1]] or L
            n = zipf_pick(r, c, 0.8)[0]
            return (n, n, n)
        L = UYG_M if sex == "M" else UYG_F
        c = [x for x in L if e in x[2]] or L
        ru, ug, _ = zipf_pick(r, c, 0.7)
        return (ru, ru, ug)

    def draw_sur(self, eth):
        r = self.rng
        if eth == "kaz":
            kk = zipf_pick(r, KAZ_SUR, 0.7)
            ru = KAZ_SUR_RU.get(kk, fold(kk))
            return (kk, ru, ru)
        if eth == "rus":
            s = zipf_pick(r, RUS_SUR, 0.7)
            return (s, s, s)
        ru, ug = zipf_pick(r, UYG_SUR, 0.7)
        return (ru, ru, ug)

    def sur_for(self, base, sex):
        return base if sex == "M" else tuple(fem_sur(x) for x in base)

    def make_patr(self, ffirst, feth, sex, dob, ceth):
        """patronymic from the father's first name (kk, ru, ug forms) and the father's people"""
        male = sex == "M"
        if feth == "rus":
            f = ffirst[1]
            p = RUS_PATR.get(f)
            p = p[0 if male else 1] if p else patr_rule(f, male)
            return (p, p, p)
        if feth == "kaz":
            if dob.year >= 1995 and self.rng.random() < 0.4:
                return (ffirst[0] + ("ұлы" if male else "қызы"), ffirst[1] + ("улы" if male else "кызы"),
                        ffirst[1] + ("улы" if male else "кызы"))
            return (patr_rule(ffirst[0], male), patr_rule(ffirst[1], male), patr_rule(ffirst[1], male))
        return (patr_rule(ffirst[1], male), patr_rule(ffirst[1], male), patr_rule(ffirst[2], male))

    def person(self, eth, sex, dob, base_sur, father=None, mother=None, ffirst=None, feth=None, name_eth=None):
        p = Person("P%05d" % (len(self.persons) + 1))
        p.eth, p.sex, p.dob = eth, sex, dob
        p.first = self.draw_first(name_eth or eth, sex, dob)
        if father is not None:
            ffirst, feth = father.first, father.eth
            p.father = father
            father.children.append(p)
        elif ffirst is None:
            feth = eth
            ffirst = self.draw_first(eth, "M", add_years(dob, -28))
        p.mother = mother
        if mother is not None:
            mother.children.append(p)
        p.ffirst = ffirst
        p.patr = self.make_patr(ffirst, feth, sex, dob, eth)
        p.base_sur = base_sur
        p.surs = [(dob, self.sur_for(base_sur, sex))]
        p.iin = self.new_iin(dob, sex)
        if dob.year >= 1988:
            p.bcert = "%07d" % self.rng.randrange(10 ** 6, 10 ** 7)
        self.persons.append(p)
        return p

    # ---------------------------------------------------------------- life course
    def pick_town(self, exclude=None):
        keys = [k for k in TOWN_KEYS if k != exclude]
        return self.rng.choices(keys, weights=[TOWNS[k][5] for k in keys])[0]

    def pick_eth(self, town):
        w = TOWNS[town][6] if town in TOWNS else (70, 25, 5)
        return self.rng.choices(["kaz", "rus", "uyg"], weights=w)[0]

    def found(self, town, eth, hdob):
        r = self.rng
        h = self.person(eth, "M", hdob, self.draw_sur(eth))
        weth = eth if r.random() < 0.93 else r.choice([e for e in ("kaz", "rus", "uyg") if e != eth])
        wdob = rdate(r, add_years(hdob, -2), add_years(hdob, 7))
        w = self.person(weth, "F", wdob, self.draw_sur(weth))
        m = max(add_years(hdob, 21), add_years(wdob, 19))
        m = rdate(r, m, add_years(m, 6))
        self.marry(h, w, m, town)

    def marry(self, h, w, m, town):
        r = self.rng
        u = self.new_unit(town, m)
        self.stats["couples"] += 1
        if h.eth != w.eth:
            self.stats["mixed_couples"] += 1
        for p in (h, w):
            p.units.append((m, u))
            u.people.append(p)
        div = None
        if m < D(2016, 1, 1) and r.random() < 0.06:
            div = rdate(r, add_years(m, 2), min(add_years(m, 16), D(2023, 6, 30)))
            if div <= m:
                div = None
        h.spouses.append([m, div, w])
        w.spouses.append([m, div, h])
        take = {"kaz": 0.72, "rus": 0.95, "uyg": 0.78}[h.eth]
        took = r.random() < take
        if took:
            w.surs.append((m, self.sur_for(h.base_sur, "F")))
        if div:
            hu = Unit(len(self.units) + 1)
            a = u.addr_at(div)
            hu.addrs.append((div, self.new_addr(a["town"] if a else town)))
            self.units.append(hu)
            h.units.append((div, hu))
            hu.people.append(h)
            if took and r.random() < 0.4:
                w.surs.append((rdate(r, div, add_years(div, 1)), w.surs[0][1]))
            self.stats["divorces"] += 1
        # children
        nmax = {"kaz": [0, 1, 2, 3, 4, 5], "uyg": [0, 1, 2, 3, 4, 5], "rus": [0, 1, 2, 3]}[h.eth]
        nw = {"kaz": [4, 10, 22, 28, 22, 14], "uyg": [4, 10, 22, 28, 22, 14], "rus": [12, 35, 38, 15]}[h.eth]
        n = r.choices(nmax, weights=nw)[0]
        t = m + dt.timedelta(days=r.randint(300, 460))
        k = 0
        while k < n:
            if t > NOW or age_at(w.dob, t) > 42 or (div and t > div):
                break
            twins = r.random() < 0.015
            for _ in range(2 if twins else 1):
                self.child(h, w, t, u, twins)
            k += 1
            t = t + dt.timedelta(days=r.randint(450, 1500))
        return u

    def child(self, h, w, t, u, twins):
        r = self.rng
        sex = r.choice("MF")
        name_eth = h.eth
        if h.eth == "kaz" and w.eth == "rus" and r.random() < 0.3:
            name_eth = "rus"
        c = self.person(h.eth, sex, t, h.base_sur, father=h, mother=w, name_eth=name_eth)
        if twins:
            c.twin = True
            self.stats["twins"] += 1
        if (h.eth == "rus" and sex == "M" and h.father is not None and name_eth == "rus"
                and not any(x.sex == "M" for x in h.children if x is not c) and r.random() < 0.12):
            c.first = h.father.first  # named after the paternal grandfather: his full namesake but for the birth
            self.stats["named_after_grandfather"] += 1
        # brothers and sisters are named apart, and a child is not named as a parent
        taken = [x.first for x in w.children + h.children if x is not c] + [h.first, w.first]
        tries = 0
        while any(c.first[0] == f[0] or c.first[1] == f[1] for f in taken) and tries < 30:
            c.first = self.draw_first(name_eth, sex, t)
            tries += 1
        c.units.append((t, u))
        u.people.append(c)
        self.pending.append(c)

    def single_mother(self, w, t0):
        r = self.rng
        u = w.unit(t0)
        n = r.choice([1, 1, 2])
        t = t0
        for _ in range(n):
            if t > NOW or age_at(w.dob, t) > 42:
                break
            sex = r.choice("MF")
            c = self.person(w.eth, sex, t, w.base_sur, mother=w)
            taken = [x.first for x in w.children if x is not c] + [w.first]
            tries = 0
            while any(c.first[0] == f[0] for f in taken) and tries < 30:
                c.first = self.draw_first(w.eth, sex, t)
                tries += 1
            c.units.append((t, u))
            u.people.append(c)
            self.pending.append(c)
            t = t + dt.timedelta(days=r.randint(500, 1500))
        self.stats["single_mothers"] += 1

    def launch(self, c):
        """an adult child leaves home, marries, has children"""
        r = self.rng
        if age_at(c.dob, NOW) < 18:
            return
        home = c.unit(c.dob)
        ht = home.addr_at(add_years(c.dob, 18))["town"] if home else self.pick_town()
        married = False
        if age_at(c.dob, NOW) >= 20 and r.random() < 0.78:
            m = add_years(c.dob, r.randint(22, 32) if c.sex == "M" else r.randint(19, 29))
            m = rdate(r, m, m + dt.timedelta(days=300))
            if m <= NOW:
                married = True
                x = r.random()
                town = ht if x < 0.55 else (self.pick_town(exclude=ht) if x < 0.85 else r.choice(["ala", "ast"]))
                seth = c.eth if r.random() < 0.88 else r.choice([e for e in ("kaz", "rus", "uyg") if e != c.eth])
                if c.sex == "M":
                    sdob = rdate(r, add_years(c.dob, -2), add_years(c.dob, 7))
                    s = self.person(seth, "F", sdob, self.draw_sur(seth))
                    if age_at(s.dob, m) < 18:
                        s.dob = add_years(m, -19)
                        s.surs[0] = (s.dob, s.surs[0][1])
                    self.marry(c, s, m, town)
                else:
                    sdob = rdate(r, add_years(c.dob, -7), add_years(c.dob, 2))
                    s = self.person(seth, "M", sdob, self.draw_sur(seth))
                    self.marry(s, c, m, town)
                s.spouse_in = True
        if not married:
            if r.random() < 0.3:
                pass  # stays with the parents
            else:
                lt = add_years(c.dob, r.randint(18, 26))
                lt = rdate(r, lt, lt + dt.timedelta(days=200))
                if lt <= NOW:
                    x = r.random()
                    town = ht if x < 0.6 else (self.pick_town(exclude=ht) if x < 0.85 else r.choice(["ala", "ast"]))
                    u = self.new_unit(town, lt)
                    c.units.append((lt, u))
                    u.people.append(c)
                    if c.sex == "F" and age_at(c.dob, NOW) >= 22 and r.random() < 0.15:
                        self.single_mother(c, rdate(r, max(lt, add_years(c.dob, 20)), NOW))
                    elif c.sex == "F" and age_at(c.dob, NOW) >= 22 and c.dob < D(1997, 1, 1) and r.random() < 0.3:
                        # married someone outside the population: a surname of her own
                        mt = rdate(r, max(lt, add_years(c.dob, 21)), NOW)
                        c.surs.append((mt, self.sur_for(self.draw_sur(c.eth if r.random() < 0.85 else "kaz"), "F")))
                        self.stats["married_outside"] += 1

    def run(self):
        r = self.rng
        self.pending = []
        while len(self.persons) < self.n:
            town = self.pick_town()
            eth = self.pick_eth(town)
            hdob = rdate(r, D(1932, 1, 1), D(1964, 12, 31))
            self.found(town, eth, hdob)
            while self.pending:
                c = self.pending.pop(0)
                self.launch(c)
        self.life()

    def life(self):
        r = self.rng
        # moves of dwellings
        for u in self.units:
            if r.random() < 0.27:
                t = rdate(r, D(2008, 1, 1), D(2023, 12, 31))
                if t > u.addrs[0][0]:
                    a = u.addrs[0][1]
                    town = a["town"] if (r.random() < 0.7 or not in_region(a["town"])) else self.pick_town()
                    u.addrs.append((t, self.new_addr(town)))
                    self.stats["moves"] += 1
        for p in self.persons:
            y = p.dob.year
            pr = (0.8 if y < 1940 else 0.5 if y < 1950 else (0.25 if p.sex == "M" else 0.12) if y < 1960 else
                  (0.08 if p.sex == "M" else 0.04) if y < 1970 else 0.01)
            if r.random() < pr:
                a = max(D(2003, 1, 1), add_years(p.dob, 45))
                if a < NOW:
                    p.death = rdate(r, a, NOW)
                    self.stats["deaths"] += 1
            # phones
            if not (y < 1945 and r.random() < 0.3):
                t = max(add_years(p.dob, 14), D(2004, 1, 1)) + dt.timedelta(days=r.randint(0, 900))
                if t < NOW:
                    p.phones.append((t, self.new_phone()))
                    if r.random() < 0.22:
                        t2 = rdate(r, t + dt.timedelta(days=200), NOW)
                        if t2 < NOW:
                            p.phones.append((t2, self.new_phone()))
            if y >= 1968 and r.random() < 0.45:
                s = self.persons_sur0(p)
                p.email = (informal(p.first[1], r).lower() + r.choice([".", "_", ""]) + informal(s, r).lower()
                           + r.choice(["", str(y % 100), str(y)]) + "@" + r.choice(
                               ["mail.ru", "gmail.com", "inbox.ru", "mail.kz", "bk.ru"])).replace("'", "")
            # identity cards: at 16 (from 1996), renewed every 10 years and after a change of surname
            t = max(add_years(p.dob, 16), D(1996, 1, 1))
            while t < NOW:
                p.docs.append((t, self.new_doc()))
                nt = add_years(t, 10)
                for f, _ in p.surs[1:]:
                    if t < f < nt:
                        nt = f + dt.timedelta(days=r.randint(20, 120))
                        break
                t = nt
        self.stats["persons"] = len(self.persons)

    def persons_sur0(self, p):
        return p.surs[0][1][1]

    def outsider(self, eth, sex, dob, base_sur=None):
        p = Person("X%04d" % (len(self.outsiders) + 1))
        p.out = True
        p.eth, p.sex, p.dob = eth, sex, dob
        p.first = self.draw_first(eth, sex, dob)
        ff = self.draw_first(eth, "M", add_years(dob, -28))
        p.patr = self.make_patr(ff, eth, sex, dob, eth)
        p.base_sur = base_sur or self.draw_sur(eth)
        p.surs = [(dob, self.sur_for(p.base_sur, sex))]
        p.iin = self.new_iin(dob, sex)
        p.phones = [(D(2005, 1, 1), self.new_phone())]
        self.outsiders.append(p)
        return p


# --------------------------------------------------------------------------------------------------------------
# faults

class Faults:
    def __init__(self, rng, stats):
        self.r = rng
        self.st = stats

    def iin(self, s, f, rate=0.02):
        r = self.r
        if r.random() >= rate:
            return s
        k = r.random()
        if k < 0.4:
            i = r.randrange(12)
            d = str((int(s[i]) + r.randint(1, 9)) % 10)
            self.st[f]["iin_digit"] += 1
            return s[:i] + d + s[i + 1:]
        if k < 0.55:
            i = r.randrange(7, 10)
            if s[i] != s[i + 1]:
                self.st[f]["iin_transposed"] += 1
                return s[:i] + s[i + 1] + s[i] + s[i + 2:]
            return s
        for _ in range(20):
            i = r.randrange(7, 11)
            d = str((int(s[i]) + r.randint(1, 9)) % 10)
            t = s[:i] + d + s[i + 1:11]
            c = iin_check(t)
            if c is not None:
                self.st[f]["iin_check_passes"] += 1
                return t + str(c)
        return s

    def name(self, s, f, rate=0.015):
        r = self.r
        if not s or len(s) < 4 or r.random() >= rate:
            return s
        self.st[f]["name_typo"] += 1
        i = r.randrange(1, len(s) - 1)
        k = r.random()
        if k < 0.3:
            return s[:i] + s[i + 1:]
        if k < 0.5:
            return s[:i] + s[i] + s[i:]
        if k < 0.75:
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        vow = "аеиоуыяэ"
        if s[i].lower() in vow:
            c = r.choice([v for v in vow if v != s[i].lower()])
            c = c.upper() if s[i].isupper() else c
            return s[:i] + c + s[i + 1:]
        return s[:i] + s[i + 1:]

    def dob(self, d, f, rate=0.01):
        r = self.r
        if r.random() >= rate:
            return d
        self.st[f]["dob_slip"] += 1
        k = r.random()
        try:
            if k < 0.3:
                return d + dt.timedelta(days=r.choice([-1, 1]))
            if k < 0.55 and d.day <= 12 and d.day != d.month:
                return D(d.year, d.day, d.month)
            if k < 0.8:
                return d.replace(year=d.year + r.choice([-1, 1]))
            dd = "%02d" % d.day
            if dd[0] != dd[1] and int(dd[::-1]) <= 28:
                return d.replace(day=int(dd[::-1]))
        except ValueError:
            pass
        return d + dt.timedelta(days=1)


def ph_fmt(p, rng, kind=None):
    k = kind if kind is not None else rng.randrange(5)
    if k == 0:
        return "8" + p
    if k == 1:
        return "+7" + p
    if k == 2:
        return f"+7 {p[:3]} {p[3:6]} {p[6:8]} {p[8:]}"
    if k == 3:
        return f"8 ({p[:3]}) {p[3:6]}-{p[6:8]}-{p[8:]}"
    return "7" + p


def cap(s):
    return "-".join(x[:1].upper() + x[1:].lower() for x in s.split("-"))


# --------------------------------------------------------------------------------------------------------------
# writer helpers

class Truth:
    def __init__(self):
        self.rows = []
        self.seen = set()

    def add(self, fname, rid, p):
        key = (fname, rid)
        assert key not in self.seen, key
        self.seen.add(key)
        self.rows.append((fname, rid, p.pid))


def fix_zip(path):
    """fixed zip times and document properties, so the workbook is byte-identical per seed"""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:created[^>]*>[^<]*</dcterms:created>",
                              b'<dcterms:created xsi:type="dcterms:W3CDTF">2024-12-02T09:00:00Z</dcterms:created>', data)
                data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2024-12-02T09:00:00Z</dcterms:modified>', data)
            zi = zipfile.ZipInfo(name, date_time=(2024, 12, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# --------------------------------------------------------------------------------------------------------------
# 1. KTZ passenger manifest (KOI8-R)

TRAINS = {"ТАЛДЫКОРГАН": [("311Х", "312Х"), ("055Ц", "056Ц")], "УШТОБЕ": [("011Т", "012Т"), ("353Т", "354Т")],
          "ЖАРКЕНТ": [("341Х", "342Х"), ("083Т", "084Т")], "БЕСКОЛЬ": [("027Х", "028Х"), ("013Ц", "014Ц")],
          "САРЫОЗЕК": [("341Х", "342Х"), ("083Т", "084Т")]}
DEST = ["АЛМАТЫ 2", "АЛМАТЫ 1", "АЛМАТЫ 2", "АСТАНА НУРЛЫ ЖОЛ", "КАРАГАНДЫ ПАСС", "СЕМЕЙ", "ШЫМКЕНТ"]
CASHIERS = ["ИСАЕВА Г.М.", "ОСПАНОВА А.К.", "ТИТОВА Н.В.", "ЖУНУСОВА С.Т.", "ДИЛЬМУРАТОВА Р.", "КИМ Е.А."]


def express_name(p, t, rng, initials):
    s, f, pt = p.name(t, "ru")
    s, f, pt = s.upper().replace("Ё", "Е"), f.upper().replace("Ё", "Е"), pt.upper().replace("Ё", "Е")
    if initials:
        out = f"{s}={f[0]}"
        if pt and rng.random() < 0.95:
            out += f"={pt[0]}"
        return out
    out = f"{s}={f}"
    if pt and rng.random() < 0.93:
        out += f"={pt}"
    return out


def gen_ktz(pop, rng, fl, truth, st):
    fname = "ktz_passazhiry.csv"
    fs = st[fname]
    people = [p for p in pop.persons]
    journeys = []  # (date, [persons], payer, channel)
    for p in people:
        if rng.random() >= 0.19:
            continue
        n = rng.choices([1, 2, 3, 4], weights=[45, 30, 17, 8])[0]
        for _ in range(n):
            t = rdate(rng, D(2012, 1, 1), D(2024, 11, 30))
            if not p.alive(t) or p.age(t) < 16 or not p.in_reg(t):
                continue
            party = [p]
            sp = p.spouse(t)
            u = p.unit(t)
            if rng.random() < 0.33 and u is not None:
                if sp is not None and sp.unit(t) is u:
                    party.append(sp)
                for c in p.children:
                    if c.alive(t) and c.age(t) < 18 and c.unit(t) is u:
                        party.append(c)
            journeys.append((t, party))
    journeys.sort(key=lambda x: (x[0], x[1][0].pid))
    rows = []
    for t, party in journeys:
        st_from = TOWNS[party[0].addr(t)["town"]][7]
        dest = rng.choice(DEST)
        pair = rng.choice(TRAINS[st_from])
        wagon = rng.randint(1, 14)
        seat = rng.randint(1, 54 - len(party))
        # channel
        y = t.year
        x = rng.random()
        if y < 2016:
            ch = "КАССА"
        elif y < 2019:
            ch = "САЙТ" if x < 0.35 else ("ПРИЛОЖЕНИЕ" if x < 0.45 else "КАССА")
        else:
            ch = "САЙТ" if x < 0.25 else ("KASPI" if x < 0.55 else ("ПРИЛОЖЕНИЕ" if x < 0.65 else "КАССА"))
        payer = None
        if ch != "КАССА":
            lead = party[0]
            cand = [lead]
            if lead.age(t) >= 55 and len(party) == 1 and rng.random() < 0.5:
                kids = [c for c in lead.children if c.alive(t) and c.age(t) >= 20 and c.phone(t)]
                if kids:
                    cand = [rng.choice(kids)]
            elif len(party) > 1 and rng.random() < 0.4:
                adults = [q for q in party if q.age(t) >= 18]
                cand = [rng.choice(adults)]
            payer = cand[0]
            if payer.phone(t) is None:
                payer, ch = None, "КАССА"
        lap_kids = [c for c in party if c.age(t) < 5]
        seated = [q for q in party if q.age(t) >= 5]
        # children under five ride on an adult's ticket (the mother's where she travels)
        lap_on = {}
        for c in lap_kids:
            host = None
            for q in seated:
                if q is c.mother:
                    host = q
            if host is None:
                host = next((q for q in seated if q.age(t) >= 18), None)
            if host is not None and host.pid not in lap_on:
                lap_on[host.pid] = c
        k = 0
        legs = [(t, st_from, dest, pair[0])]
        if rng.random() < 0.62:
            back = t + dt.timedelta(days=rng.randint(2, 21))
            if back <= NOW:
                legs.append((back, dest, st_from, pair[1]))
        for lt, a, b, train in legs:
            hh, mm = rng.choice([(6, 40), (8, 15), (13, 5), (17, 50), (21, 30), (23, 55)])
            for i, q in enumerate(seated):
                if not q.alive(lt):
                    continue
                rows.append((lt, hh, mm, train, wagon, seat + i, a, b, q, lap_on.get(q.pid), ch, payer))
    rows.sort(key=lambda x: (x[0], x[1], x[3], x[4], x[5]))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    hdr = ["ДАТА_ОТПР", "ПОЕЗД", "ВАГ", "МЕСТО", "СТ_ОТПР", "СТ_НАЗН", "ФИО_ПАСС", "ДОК_ПАСС", "ДР_ПАСС",
           "ИИН_ПАСС", "ПОЛ", "ТАРИФ", "РЕБ_БЕЗ_МЕСТА", "КАНАЛ", "ПЛАТЕЛЬЩИК", "ТЕЛ_ПЛАТ", "EMAIL_ПЛАТ", "АГЕНТ"]
    w.writerow(hdr)
    rid = 0
    for (t, hh, mm, train, wagon, seat, a, b, q, lap, ch, payer) in rows:
        rid += 1
        # name: Express keeps initials for a share of tickets
        initials = rng.random() < 0.42
        nm = express_name(q, t, rng, initials).split("=")
        nm = "=".join([fl.name(nm[0], fname)] + nm[1:])
        age = q.age(t)
        if age >= 16 and q.doc(t):
            doc = "УД " + q.doc(t)
        elif q.bcert:
            doc = "СР " + q.bcert
        else:
            doc = "УД " + (q.doc(t) or pop.new_doc())
        dob = fl.dob(q.dob, fname)
        iin = ""
        if t >= D(2019, 7, 1) and rng.random() < 0.9:
            iin = fl.iin(q.iin, fname)
        tarif = "ДЕТСКИЙ" if age < 10 else ("ШКОЛЬН" if age < 16 else ("СТУД" if age < 22 and rng.random() < 0.4
                                                                         else ("ПЕНС" if age >= 63 else "ПОЛНЫЙ")))
        lapcell = ""
        if lap is not None:
            ini = rng.random() < 0.7
            ln = express_name(lap, t, rng, ini)
            lapcell = f"{ln} {lap.dob.strftime('%d.%m.%Y')} СР {lap.bcert}"
        pname = ptel = pmail = ""
        if payer is not None:
            s_kk, f_kk, _ = payer.name(t, "kk")
            s_ru, f_ru, _ = payer.name(t, "ru")
            if ch == "KASPI":
                f = f_kk if rng.random() < 0.6 else f_ru
                pname = f"{f.upper()} {s_ru[0]}."
            elif ch == "ПРИЛОЖЕНИЕ":
                pname = f"{s_ru} {f_ru[0]}."
            else:
                x = rng.random()
                if x < 0.3:
                    pname = f"{f_kk} {s_kk}" if rng.random() < 0.5 else f"{s_kk} {f_kk}"
                elif x < 0.5:
                    pname = f"{informal(f_kk, rng)} {informal(s_kk, rng)}"
                elif x < 0.58 and f_ru in DIM:
                    pname = f"{DIM[f_ru][0]} {s_ru}"
                    fs["payer_diminutive"] += 1
                else:
                    if rng.random() < 0.15:
                        s_ru, f_ru = byear(s_ru), byear(f_ru)
                    pname = f"{f_ru} {s_ru}" if rng.random() < 0.5 else f"{s_ru} {f_ru}"
                if rng.random() < 0.1:
                    pname = pname.lower()
                if payer.email:
                    pmail = payer.email
            ptel = "+7" + payer.phone(t)
        agent = ("ИНТЕРНЕТ" if ch != "КАССА" else f"КАССА {rng.randint(1, 9)} {a}/{rng.choice(CASHIERS)}")
        w.writerow([f"{t.strftime('%d.%m.%Y')} {hh:02d}:{mm:02d}", train, "%02d" % wagon, "%03d" % seat, a, b,
                    nm, doc, dob.strftime("%d.%m.%Y"), iin, "М" if q.sex == "M" else "Ж", tarif, lapcell, ch,
                    pname, ptel, pmail, agent])
        truth.add(fname, str(rid), q)
        if lap is not None:
            truth.add(fname, f"{rid}#2", lap)
            fs["lap_children"] += 1
        if payer is not None:
            truth.add(fname, f"{rid}#3", payer)
            fs["payers"] += 1
            if payer is q:
                fs["payer_is_passenger"] += 1
        fs["rows"] += 1
    data = out.getvalue().encode("koi8_r", errors="replace")
    fs["letters_lost_to_koi8"] = sum(1 for ch in out.getvalue() if ch != "?" and ch.encode("koi8_r", errors="replace") == b"?")
    return fname, data


# --------------------------------------------------------------------------------------------------------------
# 2. FHIR Bundle of a dental network's patients

def fhir_name(p, t, rng, kk, fl, fname):
    s, f, pt = p.name(t, "kk" if kk else "ru")
    s, f = fl.name(s, fname), fl.name(f, fname)
    x = rng.random()
    names = []
    if x < 0.12:
        y = rng.random()
        if y < 0.35:
            txt = f"{s} {f} {pt}".upper()
        elif y < 0.7:
            txt = f"{f} {s}"
        else:
            txt = f"{s} {f[0]}." + (f"{pt[0]}." if pt else "")
        names.append({"use": "official", "text": txt})
    else:
        given = [f]
        if pt and rng.random() < 0.85:
            given.append(pt)
        names.append({"use": "official", "family": s, "given": given})
    return names


def gen_fhir(pop, rng, fl, truth, st):
    fname = "aqtis_patients.json"
    fs = st[fname]
    branches = {"tk": "Aq Tis Талдыкорган", "tek": "Aq Tis Текели", "zh": "Aq Tis Жаркент"}
    regs = []
    for p in pop.persons:
        if rng.random() >= 0.34:
            continue
        t = rdate(rng, D(2015, 1, 1), D(2024, 10, 31))
        if not p.alive(t) or not p.in_reg(t) or p.addr(t)["town"] not in branches:
            # those of the villages around come to the nearest branch
            if p.alive(t) and p.in_reg(t) and p.addr(t)["town"] in ("pen", "kok", "bal", "kar") and rng.random() < 0.5:
                br = "zh" if p.addr(t)["town"] in ("pen", "kok") else "tk"
            else:
                continue
        else:
            br = p.addr(t)["town"]
        regs.append((t, p, br))
        if rng.random() < 0.08:
            t2 = rdate(rng, t + dt.timedelta(days=100), D(2024, 11, 30))
            if p.alive(t2) and p.in_reg(t2):
                br2 = rng.choice([b for b in branches])
                regs.append((t2, p, br2))
                fs["second_registrations"] += 1
    regs.sort(key=lambda x: (x[0], x[1].pid))
    entries = []
    rid = 0
    for t, p, br in regs:
        rid += 1
        upd = rdate(rng, t, min(NOW, t + dt.timedelta(days=rng.randint(0, 1500))))
        if not p.alive(upd):
            upd = t
        kk = p.eth == "kaz" and rng.random() < 0.5
        pid_hex = "%08x-%04x-4%03x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                  0x8000 | rng.getrandbits(14), rng.getrandbits(48))
        res = {"resourceType": "Patient", "id": pid_hex,
               "meta": {"versionId": str(rng.randint(1, 9)),
                        "lastUpdated": f"{upd.isoformat()}T{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:"
                                       f"{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}+0{6 if upd < D(2024, 3, 1) else 5}:00",
                        "source": "#aqtis-mis"}}
        idents = []
        adult = p.age(upd) >= 18
        if rng.random() < (0.82 if adult else 0.6):
            idents.append({"use": "official", "type": {"coding": [
                {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "NI"}]},
                           "system": "urn:oid:1.2.398.3.10.1.1", "value": fl.iin(p.iin, fname)})
        idents.append({"use": "usual", "type": {"coding": [
            {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                       "system": f"https://aqtis.kz/fhir/mrn/{br}", "value": f"{br.upper()}-{rng.randint(1, 99999):05d}"})
        res["identifier"] = idents
        res["active"] = p.alive(upd)
        names = fhir_name(p, upd, rng, kk, fl, fname)
        # the name before marriage, kept as FHIR's "maiden" (or "old") name
        s0 = p.surs[0][1][0 if kk else 1]
        if p.sur(upd)[0 if kk else 1] != s0 and rng.random() < 0.45:
            names.append({"use": rng.choice(["maiden", "old"]), "family": s0})
            fs["maiden_names"] += 1
        fr = p.first[0] if kk else p.first[1]
        dims = DIM.get(p.first[0]) or DIM.get(p.first[1])
        if dims and rng.random() < 0.12:
            names.append({"use": "nickname", "given": [dims[0]]})
            fs["nicknames"] += 1
        res["name"] = names
        tel = []
        ph = p.phone(upd)
        if ph and rng.random() < 0.9:
            tel.append({"system": "phone", "value": ph_fmt(ph, rng, 2), "use": "mobile"})
        if p.email and adult and rng.random() < 0.4:
            tel.append({"system": "email", "value": p.email})
        if tel:
            res["telecom"] = tel
        res["gender"] = ("male" if p.sex == "M" else "female") if rng.random() < 0.97 else "unknown"
        d = fl.dob(p.dob, fname)
        x = rng.random()
        if x < 0.03:
            res["birthDate"] = d.strftime("%Y-%m")
            fs["birth_year_month"] += 1
        elif x < 0.045:
            res["birthDate"] = d.strftime("%Y")
            fs["birth_year"] += 1
        else:
            res["birthDate"] = d.isoformat()
        if not p.alive(upd + dt.timedelta(days=1)) and p.death:
            res["deceasedDateTime"] = p.death.isoformat()
        a = p.addr(upd)
        if a and rng.random() < 0.85:
            st_kk, st_ru = STREETS[a["town"]][a["street"]]
            line = (f"мкр. {st_ru}, {a['house']}" if st_kk.startswith("мкр:") else f"ул. {st_ru}, {a['house']}") + \
                   (f"-{a['flat']}" if a["flat"] else "")
            ad = {"use": "home", "type": "physical", "text": addr_ru(a, upd, rng, 0), "line": [line],
                  "city": town_ru(a["town"])}
            if a["town"] in TOWNS and TOWNS[a["town"]][4]:
                ad["district"] = TOWNS[a["town"]][4]
            ad["country"] = "KZ"
            res["address"] = [ad]
        # contacts
        contacts = []
        if not adult:
            m = p.mother
            f = p.father
            if m is not None and m.alive(upd) and rng.random() < 0.9:
                contacts.append((m, rng.choice(["MTH", "MTH", "PRN"])))
            if f is not None and f.alive(upd) and rng.random() < (0.45 if contacts else 0.8):
                contacts.append((f, rng.choice(["FTH", "FTH", "PRN"])))
        elif rng.random() < 0.32:
            sp = p.spouse(upd)
            kids = [c for c in p.children if c.alive(upd) and c.age(upd) >= 18]
            if sp is not None:
                contacts.append((sp, "SPS"))
            elif kids:
                c = rng.choice(kids)
                contacts.append((c, "SON" if c.sex == "M" else "DAU"))
            elif p.mother is not None and p.mother.alive(upd):
                contacts.append((p.mother, "MTH"))
            elif rng.random() < 0.4:
                o = pop.outsider(rng.choice(["kaz", "rus"]), rng.choice("MF"),
                                 rdate(rng, D(1960, 1, 1), D(2000, 1, 1)))
                contacts.append((o, "FRND"))
        if contacts:
            cl = []
            for q, code in contacts[:2]:
                c = {}
                if code in ("SPS", "FRND") or rng.random() < 0.3:
                    rel = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "C",
                                        "display": "Emergency Contact"}]}]
                    if code != "FRND":
                        rel.append({"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                                                "code": code}]})
                else:
                    rel = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": code,
                                        "display": {"MTH": "mother", "FTH": "father", "PRN": "parent",
                                                    "SON": "natural son", "DAU": "natural daughter",
                                                    "SPS": "spouse"}.get(code, code)}]}]
                c["relationship"] = rel
                qs, qf, qp = q.name(upd, "kk" if kk else "ru")
                y = rng.random()
                qd = DIM.get(q.first[0]) or DIM.get(q.first[1])
                if y < 0.5:
                    c["name"] = {"family": qs, "given": [qf] + ([qp] if qp and rng.random() < 0.5 else [])}
                elif y < 0.88 or not qd:
                    c["name"] = {"text": f"{qs} {qf}" + (f" {qp}" if qp and rng.random() < 0.5 else "")}
                else:
                    word = {"SPS": "жена" if q.sex == "F" else "муж", "MTH": "мама", "FTH": "папа", "PRN": "родитель", "SON": "сын",
                            "DAU": "дочь"}.get(code, "друг")
                    c["name"] = {"text": f"{qd[0]} ({word})"}
                    fs["contact_by_diminutive"] += 1
                qph = q.phone(upd)
                if qph:
                    c["telecom"] = [{"system": "phone", "value": ph_fmt(qph, rng, rng.choice([0, 1, 2]))}]
                cl.append((q, c))
            res["contact"] = [c for _, c in cl]
            for k, (q, _) in enumerate(cl):
                truth.add(fname, f"{rid}#{k + 2}", q)
                fs["contacts"] += 1
        res["communication"] = [{"language": {"coding": [{"system": "urn:ietf:bcp:47",
                                                          "code": "kk" if p.eth == "kaz" else ("ug" if p.eth == "uyg" and rng.random() < 0.5 else "ru")}]}}]
        res["generalPractitioner"] = [{"reference": f"Practitioner/pr-{rng.randint(1, 14):02d}",
                                       "display": rng.choice(["Ким В.А.", "Сейткали Д.М.", "Ахметова Ж.Б.",
                                                              "Пак О.Е.", "Юсупов А.Р.", "Лисицына Т.И."])}]
        res["managingOrganization"] = {"reference": f"Organization/aqtis-{br}", "display": branches[br]}
        truth.add(fname, str(rid), p)
        fs["patients"] += 1
        entries.append({"fullUrl": f"https://fhir.aqtis.kz/r4/Patient/{pid_hex}", "resource": res,
                        "search": {"mode": "match"}})
    bundle = {"resourceType": "Bundle", "id": "aqtis-export-20241202", "meta": {"lastUpdated": "2024-12-02T09:00:00+05:00"},
              "type": "searchset", "total": len(entries),
              "link": [{"relation": "self", "url": "https://fhir.aqtis.kz/r4/Patient?_count=5000&_sort=_lastUpdated"}],
              "entry": entries}
    return fname, json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")


# --------------------------------------------------------------------------------------------------------------
# 3. the parish's baptism book

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
PRIESTS = ["прот. Николай Сидоренко", "иерей Александр Ковалёв", "иерей Димитрий Пак", "свящ. Сергий Белов",
           "прот. Виктор Гречко"]


def gen_church(pop, rng, fl, truth, st, name_count):
    fname = "pokrov_kreshcheniya.xlsx"
    fs = st[fname]
    bap = []  # (date, person, adult)
    for p in pop.persons:
        # the Orthodox: Russians, and the children of a Russian mother in a mixed family
        orth = p.eth == "rus" or (p.mother is not None and p.mother.eth == "rus" and rng.random() < 0.6)
        if not orth:
            continue
        if p.dob >= D(2004, 1, 1):
            if rng.random() < 0.75:
                t = p.dob + dt.timedelta(days=rng.choice([rng.randint(40, 400)] * 3 + [rng.randint(400, 3500)]))
                if D(2005, 1, 1) <= t <= D(2024, 11, 30) and p.in_reg(t) and p.alive(t):
                    bap.append((t, p, False))
        elif p.dob >= D(1988, 1, 1):
            if rng.random() < 0.35:
                t = rdate(rng, D(2005, 1, 1), D(2024, 11, 30))
                if p.alive(t) and p.in_reg(t):
                    bap.append((t, p, p.age(t) >= 18))
        elif p.dob >= D(1950, 1, 1) and rng.random() < 0.12:
            t = rdate(rng, D(2005, 1, 1), D(2024, 11, 30))
            if p.alive(t) and p.in_reg(t):
                bap.append((t, p, True))
    bap.sort(key=lambda x: (x[0], x[1].pid))
    import openpyxl
    from openpyxl.styles import Alignment, Font
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Книга крещений"
    hdr = ["№ записи", "Храм", "Дата крещения", "Имя во Св. Крещении", "Фамилия", "Дата рождения", "Родители",
           "Восприемники", "Место жительства", "Совершил таинство"]
    ws.append(hdr)
    for c in ws[1]:
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    peryear = Counter()
    rid = 0
    for t, p, adult in bap:
        rid += 1
        peryear[t.year] += 1
        church = "Покровский храм, г. Талдыкорган"
        town = p.addr(t)["town"]
        if town == "tek":
            church = "Никольский храм, г. Текели"
        elif town in ("ush", "sar"):
            church = "Свято-Троицкий храм, г. Уштобе"
        civil0 = p.first[1]
        civil = fl.name(civil0, fname)
        if p.eth == "kaz" or civil0 not in [x[0] for x in RUS_M + RUS_F]:
            ch = rng.choice(CHURCH_FOR_KAZ_M if p.sex == "M" else CHURCH_FOR_KAZ_F)
            given = f"{ch} ({civil})"
            fs["church_name_for_kazakh_name"] += 1
        elif civil0 in CHURCH and CHURCH[civil0] != civil0:
            x = rng.random()
            given = f"{CHURCH[civil0]} ({civil})" if x < 0.6 else CHURCH[civil0]
            fs["church_form"] += 1
            if x >= 0.6:
                fs["church_form_only"] += 1
        else:
            given = civil
        sur = fl.name(p.sur(t)[1], fname)
        d = fl.dob(p.dob, fname)
        x = rng.random()
        if x < 0.3:
            dcell = dt.datetime(d.year, d.month, d.day)
            fs["dob_date_cell"] += 1
        elif x < 0.62:
            dcell = d.strftime("%d.%m.%Y")
        else:
            dcell = f"{d.year} года {MONTHS_GEN[d.month - 1]} {d.day} дня"
            fs["dob_old_style"] += 1

        def full(q, with_patr=True, maiden=False):
            s, f, pt = q.name(t, "ru")
            if maiden and q.surs[0][1][1] != s and rng.random() < 0.5:
                s = f"{s} (урожд. {q.surs[0][1][1]})"
                fs["maiden_in_cell"] += 1
            return f"{s} {f}" + (f" {pt}" if with_patr and pt else "")

        parents_cell = "—"
        fa = mo = None
        if not adult:
            if p.father is not None and p.father.alive(t) and p.mother is not None and (
                    p.father.spouse(t) is p.mother or rng.random() < 0.3):
                fa = p.father
            mo = p.mother if (p.mother is not None and p.mother.alive(t)) else None
            parts = []
            servant = rng.random() < 0.15
            if fa is not None:
                parts.append(("раб Божий " if servant else "") + full(fa, rng.random() < 0.85))
            if mo is not None:
                parts.append(("раба Божия " if servant else "") + full(mo, rng.random() < 0.85, maiden=True))
            if fa is not None and mo is not None:
                parents_cell = parts[0] + rng.choice([" и ", ", ", "\n"]) + parts[1]
            elif mo is not None:
                parents_cell = (rng.choice(["мать: ", "", "мать - "]) + parts[0])
                fs["mother_only"] += 1
            elif fa is not None:
                parents_cell = (rng.choice(["отец: ", "отец - "]) + parts[0])
        # godparents: of the faith, 16 or more: a parent's brother or sister, an older sibling, a friend
        gf = gm = None
        want_m = (p.sex == "M") or rng.random() < 0.6
        want_f = (p.sex == "F") or rng.random() < 0.6
        if adult:
            want_m, want_f = p.sex == "M", p.sex == "F"

        def pick_god(sex):
            pool = []
            for par in (p.father, p.mother):
                if par is None:
                    continue
                for gp in (par.father, par.mother):
                    if gp is None:
                        continue
                    for sib in gp.children:
                        if (sib is not par and sib.sex == sex and sib.eth == "rus" and sib.alive(t) and sib.age(t) >= 18
                                and sib.in_reg(t)):
                            pool.append(sib)
            if p.mother is not None:
                for sib in p.mother.children:
                    if sib is not p and sib.sex == sex and sib.alive(t) and sib.age(t) >= 16 and sib.in_reg(t) and \
                            sib.eth == p.eth:
                        pool.append(sib)
            if pool and rng.random() < 0.6:
                return rng.choice(pool)
            if rng.random() < 0.1:
                return pop.outsider("rus", sex, rdate(rng, add_years(t, -55), add_years(t, -18)))
            for _ in range(40):
                q = rng.choice(pop.persons)
                if (q.sex == sex and q.eth == "rus" and q.alive(t) and 18 <= q.age(t) <= 60 and q.in_reg(t)
                        and q is not p and q not in (p.father, p.mother)):
                    return q
            return None

        if want_m:
            gf = pick_god("M")
        if want_f:
            gm = pick_god("F")
        gparts = []
        for q in (gf, gm):
            if q is None:
                continue
            s, f, pt = q.name(t, "ru")
            txt = f"{fl.name(s, fname)} {fl.name(f, fname)} {pt}"
            unique = name_count.get((s, f, pt), 0) <= 1 and not q.out
            if not unique or rng.random() < 0.35:
                txt += rng.choice([f", {q.dob.year} г.р.", f" ({q.dob.year} г.р.)", f", {q.dob.strftime('%d.%m.%Y')}"])
                fs["godparent_with_year"] += 1
            gparts.append(txt)
        gcell = (rng.choice(["; ", ", ", "\n"]).join(gparts)) if gparts else "—"
        a = p.addr(t)
        addr = addr_ru(a, t, rng, rng.choice([0, 0, 1]))
        num = f"{t.year}/{peryear[t.year]:03d}"
        ws.append([num, church, dt.datetime(t.year, t.month, t.day), given, sur, dcell, parents_cell, gcell, addr,
                   rng.choice(PRIESTS)])
        r = ws.max_row
        ws.cell(r, 3).number_format = "DD.MM.YYYY"
        if isinstance(dcell, dt.datetime):
            ws.cell(r, 6).number_format = "DD.MM.YYYY"
        for col in (7, 8):
            ws.cell(r, col).alignment = Alignment(wrap_text=True, vertical="top")
        truth.add(fname, str(rid), p)
        if fa is not None:
            truth.add(fname, f"{rid}#2", fa)
        if mo is not None:
            truth.add(fname, f"{rid}#3", mo)
        if gf is not None:
            truth.add(fname, f"{rid}#4", gf)
        if gm is not None:
            truth.add(fname, f"{rid}#5", gm)
        fs["rows"] += 1
        fs["adult_baptisms"] += int(adult)
        fs["godparents"] += int(gf is not None) + int(gm is not None)
        fs["godparents_outside"] += int(gf is not None and gf.out) + int(gm is not None and gm.out)
        fs["parents"] += int(fa is not None) + int(mo is not None)
    ws.freeze_panes = "A2"
    widths = [10, 28, 13, 26, 16, 22, 46, 46, 40, 26]
    for i, wd in enumerate(widths):
        ws.column_dimensions[chr(65 + i)].width = wd
    wb.properties.creator = "Покровский приход"
    wb.properties.created = dt.datetime(2024, 12, 2, 9, 0, 0)
    wb.properties.modified = dt.datetime(2024, 12, 2, 9, 0, 0)
    return fname, wb


# --------------------------------------------------------------------------------------------------------------
# 4. e-Qonaq registrations of Alakol guest houses (Parquet, list<map<string,string>>)

OBJECTS = [("Гостевой дом «Береке»", "с. Кабанбай, Алакольский р-н"), ("База отдыха «Алаколь-Жемчужина»", "с. Кабанбай"),
           ("Зона отдыха «Жетісу»", "с. Акши"), ("Гостевой дом «Ақ желкен»", "с. Кабанбай"),
           ("Пансионат «Сункар»", "с. Коктума"), ("Гостевой дом «Нұр-Ай»", "с. Акши"),
           ("База отдыха «Голубой залив»", "с. Кабанбай")]
REL_KK = {"spouse": "жұбайы", "son": "ұлы", "daughter": "қызы", "mother": "анасы", "father": "әкесі",
          "mil_w": "енесі", "fil_w": "атасы"}
REL_RU = {"spouse": ("супруг", "супруга"), "son": ("сын", "сын"), "daughter": ("дочь", "дочь"),
          "mother": ("мать", "мать"), "father": ("отец", "отец"), "mil_w": ("тёща", "свекровь"),
          "fil_w": ("тесть", "свёкор")}


def gen_eqonaq(pop, rng, fl, truth, st):
    fname = "eqonaq_alakol.parquet"
    fs = st[fname]
    stays = []
    for u in pop.units:
        for year in range(2019, 2025):
            if rng.random() >= 0.075:
                continue
            t = rdate(rng, D(year, 6, 10), D(year, 8, 25))
            mem = [p for p in u.people if p.unit(t) is u and p.alive(t)]
            if not mem or not in_region(u.addr_at(t)["town"]):
                continue
            adults = [p for p in mem if p.age(t) >= 18]
            if not adults:
                continue
            stays.append((t, u, mem))
    stays.sort(key=lambda x: (x[0], x[1].uid))
    rows = []
    rid = 0
    for t, u, mem in stays:
        adults = sorted([p for p in mem if p.age(t) >= 18], key=lambda p: (p.sex != "M", p.dob))
        if len(adults) > 1 and rng.random() < 0.4:
            adults = adults[1:] + adults[:1]
        main = adults[0]
        party = [(main, None)]
        sp = main.spouse(t)
        for p in mem:
            if p is main:
                continue
            if p is sp:
                party.append((p, "spouse"))
            elif p in main.children:
                if p.age(t) < 18 or rng.random() < 0.4:
                    party.append((p, "son" if p.sex == "M" else "daughter"))
            elif p is main.mother:
                party.append((p, "mother"))
            elif p is main.father:
                party.append((p, "father"))
        # a grandparent comes along (the main guest's or the spouse's mother)
        if rng.random() < 0.1:
            for gp, rel in ((main.mother, "mother"), (sp.mother if sp else None, "mil_w")):
                if gp is not None and gp.alive(t) and gp.in_reg(t) and all(gp is not q for q, _ in party):
                    party.append((gp, rel))
                    fs["grandparents"] += 1
                    break
        party = party[:6]
        chip = rng.random() < 0.6
        guests = []
        for q, rel in party:
            m = []
            if chip:
                s, f, pt = q.name(t, "kk")
                s, f, pt = s.upper(), f.upper(), pt.upper()
            else:
                s, f, pt = q.name(t, "ru")
                s, f = fl.name(s, fname, 0.03), fl.name(f, fname, 0.03)
            m.append(("lastName", s))
            m.append(("firstName", f))
            if pt and (chip or rng.random() < 0.8):
                m.append(("middleName", pt))
            d = q.dob if chip else fl.dob(q.dob, fname)
            m.append(("birthDate", d.isoformat() if chip else d.strftime("%d.%m.%Y")))
            child = q.age(t) < 16
            if (not child and (chip or rng.random() < 0.92)) or (child and rng.random() < 0.7):
                m.append(("iin", q.iin if chip else fl.iin(q.iin, fname)))
            if child:
                m.append(("docType", "ТУУ ТУРАЛЫ КУӘЛІК" if chip else "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ"))
                if q.bcert:
                    m.append(("docNo", q.bcert))
            else:
                m.append(("docType", "ЖЕКЕ КУӘЛІК" if chip else "УДОСТОВЕРЕНИЕ ЛИЧНОСТИ"))
                if q.doc(t):
                    m.append(("docNo", q.doc(t)))
            m.append(("citizenship", "KAZ"))
            if rel:
                m.append(("relation", REL_KK[rel] if chip else REL_RU[rel][0 if main.sex == "M" else 1]
                          if rel in ("mil_w", "fil_w") else (REL_RU[rel][0 if q.sex == "M" else 1])))
            if q is main and q.phone(t):
                m.append(("phone", ph_fmt(q.phone(t), rng, rng.choice([0, 1]))))
            guests.append(m)
        rid += 1
        obj = rng.choice(OBJECTS)
        arr = dt.datetime(t.year, t.month, t.day, rng.randint(9, 23), rng.randint(0, 59))
        dep = t + dt.timedelta(days=rng.randint(2, 12))
        rows.append({"reg_no": f"EQ-{t.year}-{rng.randint(100000, 999999)}", "obj_bin": "%012d" % rng.randrange(10 ** 11),
                     "obj_name": obj[0], "obj_place": obj[1], "arrival": arr, "departure": dep,
                     "room": str(rng.randint(1, 40)), "guests": guests, "nights_paid": (dep - t).days,
                     "registered_by": rng.choice(["Сыздыкова А.", "Омарова Г.", "admin", "Жаксыбеков Е.", "Ли Н."])})
        for k, (q, _) in enumerate(party):
            truth.add(fname, str(rid) if k == 0 else f"{rid}#{k + 1}", q)
        fs["rows"] += 1
        fs["guests"] += len(party)
        fs["chip_read_rows"] += int(chip)
    import pyarrow as pa
    import pyarrow.parquet as pq
    mt = pa.map_(pa.string(), pa.string())
    schema = pa.schema([("reg_no", pa.string()), ("obj_bin", pa.string()), ("obj_name", pa.string()),
                        ("obj_place", pa.string()), ("arrival", pa.timestamp("s")), ("departure", pa.date32()),
                        ("room", pa.string()), ("guests", pa.list_(mt)), ("nights_paid", pa.int32()),
                        ("registered_by", pa.string())])
    cols = {k: [r[k] for r in rows] for k in schema.names}
    table = pa.table(cols, schema=schema)
    return fname, table


# --------------------------------------------------------------------------------------------------------------
# 5. the Red Crescent's winter aid (KoBoToolbox)

DISTRICT = {"tk": "taldykorgan", "tek": "tekeli", "zh": "panfilov", "pen": "panfilov", "kok": "panfilov",
            "ush": "karatal", "sar": "sarkand", "kab": "alakol", "bal": "koksu", "kar": "eskeldi", "sary": "kerbulak"}
VOLUNTEERS = ["Мадина Т.", "Ерасыл Б.", "Дильшат А.", "Айжан К.", "Полина С.", "Ильяр М.", "Данияр О."]


def gen_kobo(pop, rng, fl, truth, st):
    fname = "kzrc_winter_aid.json"
    fs = st[fname]
    subs = []
    helped = set()
    for winter in (2021, 2022, 2023, 2024):
        for u in pop.units:
            t = rdate(rng, D(winter, 11, 1), D(winter, 12, 20) if winter == 2024 else D(winter + 1, 2, 20))
            a = u.addr_at(t)
            if not in_region(a["town"]):
                continue
            mem = [p for p in u.people if p.unit(t) is u and p.alive(t)]
            if not mem:
                continue
            adults = [p for p in mem if p.age(t) >= 18]
            kids = [p for p in mem if p.age(t) < 18]
            old = [p for p in adults if p.age(t) >= (63 if p.sex == "M" else 61)]
            cat = None
            if adults and len(old) == len(adults) and len(adults) <= 2:
                cat = "pensioner_alone" if len(adults) == 1 else "elderly_couple"
            elif len(kids) >= 4:
                cat = "large_family"
            elif len(adults) == 1 and adults[0].sex == "F" and kids:
                cat = "single_mother"
            if cat is None:
                continue
            pr = 0.62 if u.uid in helped else 0.2
            if rng.random() >= pr:
                continue
            helped.add(u.uid)
            if cat in ("pensioner_alone", "elderly_couple"):
                resp = old[0] if len(old) == 1 or rng.random() < 0.5 else old[1]
            elif cat == "single_mother":
                resp = adults[0]
            else:
                resp = rng.choice(adults)
            subs.append((t, u, resp, mem, cat))
    subs.sort(key=lambda x: (x[0], x[1].uid))
    results = []
    rid = 0
    for t, u, resp, mem, cat in subs:
        rid += 1
        a = u.addr_at(t)
        town = a["town"]
        uyg_vol = town in ("zh", "pen", "kok") and resp.eth == "uyg" and rng.random() < 0.55
        x = rng.random()

        def typed(q, full=True):
            """a name as a volunteer types it"""
            s_kk, f_kk, p_kk = q.name(t, "kk")
            s_ru, f_ru, p_ru = q.name(t, "ru")
            if q.eth == "uyg" and uyg_vol:
                s_u, f_u, p_u = q.name(t, "ug")
                if rng.random() < 0.12:
                    fs["uyghur_latin"] += 1
                    return f"{uly(f_u)} {uly(s_u)}" if full else uly(f_u)
                fs["uyghur_cyrillic"] += 1
                return (f"{s_u} {f_u}" if rng.random() < 0.6 else f"{f_u} {s_u}") if full else f_u
            y = rng.random()
            kk = q.eth == "kaz" and rng.random() < 0.6
            s, f, p = (s_kk, f_kk, p_kk) if kk else (s_ru, f_ru, p_ru)
            if not kk and rng.random() < 0.25 and (byear(s) != s or byear(f) != f):
                s, f = byear(s), byear(f)
                fs["by_ear"] += 1
            if y < 0.07:
                fs["latin_typed"] += 1
                j = rng.random() < 0.4
                s, f = informal(s_kk, rng, j), informal(f_kk, rng, j)
                if rng.random() < 0.4:
                    fs["mixed_script"] += 1
                    return f"{s} {f_kk if kk else f_ru}" if full else f
                return (f"{f} {s}" if rng.random() < 0.5 else f"{s} {f}") if full else f
            if not full:
                dims = DIM.get(f_kk) or DIM.get(f_ru)
                if dims and rng.random() < 0.18:
                    fs["diminutive"] += 1
                    return dims[0]
                return f
            parts = [s, f] if rng.random() < 0.65 else [f, s]
            if p and rng.random() < 0.45:
                parts = [s, f, p]
            out = " ".join(parts)
            if q.age(t) >= 65 and q.eth == "kaz" and rng.random() < 0.15:
                out += " " + ("ата" if q.sex == "M" else rng.choice(["апа", "әже", "апай"]))
                fs["honorific"] += 1
            if rng.random() < 0.08:
                out = out.lower()
            return out

        rec = {"_id": 180000000 + rid * 37 + rng.randint(0, 30),
               "formhub/uuid": "3f1c2a9e5b7d4c80a1e6f0b2d9c4e7a1",
               "start": f"{t.isoformat()}T{rng.randint(9, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}+0{5 if t >= D(2024, 3, 1) else 6}:00",
               "end": f"{t.isoformat()}T{rng.randint(17, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}+0{5 if t >= D(2024, 3, 1) else 6}:00",
               "today": t.isoformat(), "deviceid": "collect:" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789") for _ in range(16)),
               "interview/district": DISTRICT[town], "interview/settlement": town_kk(town),
               "interview/volunteer": rng.choice(VOLUNTEERS), "interview/category": cat}
        rec["resp/name"] = fl.name(typed(resp), fname)
        rec["resp/sex"] = "male" if resp.sex == "M" else "female"
        if rng.random() < 0.62:
            rec["resp/iin"] = fl.iin(resp.iin, fname)
        if rng.random() < 0.72:
            rec["resp/dob"] = fl.dob(resp.dob, fname).isoformat()
        else:
            rec["resp/age"] = str(resp.age(t))
            fs["resp_age_only"] += 1
        ph = resp.phone(t)
        if ph is None:
            kids = [c for c in resp.children if c.alive(t) and c.phone(t)]
            if kids and rng.random() < 0.6:
                ph = rng.choice(kids).phone(t)
                fs["phone_of_a_child"] += 1
        if ph:
            rec["resp/phone"] = ph_fmt(ph, rng, rng.choice([0, 0, 3, 4]))
        rec["hh/address"] = addr_kk(a) if rng.random() < 0.4 else addr_ru(a, t, rng, rng.choice([0, 1]))
        others = [p for p in mem if p is not resp]
        others.sort(key=lambda p: p.dob)
        rec["hh/size"] = str(len(mem))
        members = []
        for q in others:
            if q is resp.spouse(t):
                rel = "spouse"
            elif q in resp.children:
                rel = "son" if q.sex == "M" else "daughter"
            elif q is resp.mother:
                rel = "mother"
            elif q is resp.father:
                rel = "father"
            elif resp.mother is not None and q in resp.mother.children:
                rel = "brother" if q.sex == "M" else "sister"
            elif any(q in c.children for c in resp.children):
                rel = "grandson" if q.sex == "M" else "granddaughter"
            else:
                rel = "other"
            m = {}
            y = rng.random()
            m["hh/member/m_name"] = fl.name(typed(q, full=y >= 0.5), fname)
            m["hh/member/m_rel"] = rel
            m["hh/member/m_sex"] = "male" if q.sex == "M" else "female"
            if rng.random() < 0.72:
                m["hh/member/m_age"] = str(q.age(t))
            else:
                m["hh/member/m_dob"] = fl.dob(q.dob, fname).isoformat()
            if rng.random() < 0.15:
                m["hh/member/m_iin"] = fl.iin(q.iin, fname)
            members.append((q, m))
        if members:
            rec["hh/member"] = [m for _, m in members]
        rec["aid/kit"] = rng.choice(["coal_2t", "coal_3t", "food_kit", "coal_2t_food", "hygiene_kit"])
        rec["aid/received"] = "yes"
        rec["aid/signature"] = f"{1600000000000 + rid * 9137}.jpg"
        rec["__version__"] = rng.choice(["vQ4kz8BrM3XyqD2", "vHn7aTqL2Pw8sE6"])
        rec["meta/instanceID"] = "uuid:%08x-%04x-4%03x-%04x-%012x" % (
            rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), 0x8000 | rng.getrandbits(14), rng.getrandbits(48))
        rec["_xform_id_string"] = "aBc3kzrcWinterZhetysu"
        rec["_uuid"] = rec["meta/instanceID"][5:]
        rec["_attachments"] = [{"download_url": f"https://kf.kobotoolbox.org/media/original?media_file=kzrc/{rec['aid/signature']}",
                                "mimetype": "image/jpeg", "filename": f"kzrc/attachments/{rec['aid/signature']}"}]
        rec["_status"] = "submitted_via_web"
        rec["_geolocation"] = [round(44.0 + rng.random() * 2.3, 6), round(77.9 + rng.random() * 3.2, 6)]
        rec["_submission_time"] = f"{t.isoformat()}T{rng.randint(3, 13):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        rec["_tags"] = []
        rec["_notes"] = []
        rec["_validation_status"] = {}
        rec["_submitted_by"] = "kzrc_zhetysu"
        results.append(rec)
        truth.add(fname, str(rid), resp)
        for k, (q, _) in enumerate(members):
            truth.add(fname, f"{rid}#{k + 2}", q)
        fs["rows"] += 1
        fs["members"] += len(members)
    doc = {"count": len(results), "next": None, "previous": None, "results": results}
    return fname, json.dumps(doc, ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------------------------------------------------------
# 6. driving licences (pandas orient="split")

EXAMINERS = ["Нурмагамбетов К.", "Юсупов Р.", "Смирнов А.", "Тлеубаева Г.", "Абенов С."]


def gen_vu(pop, rng, fl, truth, st):
    fname = "vu_zhetysu.json"
    fs = st[fname]
    issues = []
    for p in pop.persons:
        if rng.random() >= (0.5 if p.sex == "M" else 0.28):
            continue
        first = add_years(p.dob, rng.choice([18, 18, 19, 20, 21, 23, 25, 28, 32, 38]))
        first = rdate(rng, first, first + dt.timedelta(days=300))
        if first > NOW:
            continue
        t = first
        kind = "первичная"
        cat = rng.choice(["B", "B", "B", "B, C", "B, C1", "A, B", "B, C, CE"]) if p.sex == "M" else rng.choice(["B", "B", "B", "A1, B"])
        while t <= NOW and p.alive(t):
            nt = add_years(t, 10)
            # a change of surname or a loss
            for f, _ in p.surs[1:]:
                if t < f < nt and rng.random() < 0.7:
                    nt = f + dt.timedelta(days=rng.randint(30, 300))
                    kind_next = "смена фамилии"
                    break
            else:
                kind_next = "замена по сроку"
                if rng.random() < 0.06:
                    nt = rdate(rng, add_years(t, 1), add_years(t, 9))
                    kind_next = "утеря"
            if t >= D(2003, 1, 1) and p.in_reg(t):
                issues.append((t, p, kind, cat))
            t, kind = nt, kind_next
    issues.sort(key=lambda x: (x[0], x[1].pid))
    columns = ["kategorii", "data_vydachi", "srok", "prichina", "iin", "familiya", "imya", "otchestvo",
               "familiya_lat", "imya_lat", "data_rozhd", "mesto_rozhd", "adres", "ekzamenator"]
    index, data = [], []
    used = set()
    epoch = D(1970, 1, 1)

    def secs(d):
        return (d - epoch).days * 86400

    for t, p, kind, cat in issues:
        while True:
            num = rng.choice(["AA", "AB", "AE", "AK", "AO", "AT"]) + "%06d" % rng.randrange(10 ** 6)
            if num not in used:
                used.add(num)
                break
        new_sys = t >= D(2015, 7, 1)
        kk = new_sys and p.eth == "kaz"
        s, f, pt = p.name(t, "kk" if kk else "ru")
        sl, fl_ = icao(p.name(t, "kk")[0]), icao(p.name(t, "kk")[1])
        s, f = fl.name(s, fname), fl.name(f, fname)
        iin = None
        if t >= D(2009, 1, 1) or rng.random() < 0.3:
            iin = fl.iin(p.iin, fname)
        d = fl.dob(p.dob, fname)
        born = p.addr(p.dob)
        btown = born["town"] if born else rng.choice(TOWN_KEYS)
        if btown == "zh" and p.dob < D(1991, 10, 1):
            bplace = "г. Панфилов, Талды-Курганская обл."
        elif btown == "tk" and p.dob < D(1993, 1, 1):
            bplace = "г. Талды-Курган"
        elif btown in TOWNS:
            bplace = ("г. " if TOWNS[btown][2] != "village" else f"{TOWNS[btown][4]}, с. ") + TOWNS[btown][1]
        else:
            bplace = "г. " + town_ru(btown)
        a = p.addr(t)
        index.append(num)
        data.append([cat, secs(t), secs(add_years(t, 10)), kind, iin, s if rng.random() > 0.05 else s.upper(),
                     f, pt if pt and rng.random() < 0.96 else None, sl, fl_, secs(d), bplace,
                     addr_ru(a, t, rng, 2 if rng.random() < 0.5 else 0), rng.choice(EXAMINERS)])
        truth.add(fname, str(len(data)), p)
        fs["rows"] += 1
        fs["with_iin"] += int(iin is not None)
    doc = {"columns": columns, "index": index, "data": data}
    return fname, json.dumps(doc, ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=231)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    pop = Pop(random.Random(rng.randrange(2 ** 32)), a.persons)
    pop.run()
    st = defaultdict(Counter)
    truth = Truth()
    name_count = Counter()
    for p in pop.persons:
        for _, s in p.surs:
            name_count[(s[1], p.first[1], p.patr[1])] += 1
    fl = Faults(random.Random(rng.randrange(2 ** 32)), st)
    outputs = []
    outputs.append(gen_ktz(pop, random.Random(rng.randrange(2 ** 32)), fl, truth, st))
    outputs.append(gen_fhir(pop, random.Random(rng.randrange(2 ** 32)), fl, truth, st))
    outputs.append(gen_church(pop, random.Random(rng.randrange(2 ** 32)), fl, truth, st, name_count))
    outputs.append(gen_eqonaq(pop, random.Random(rng.randrange(2 ** 32)), fl, truth, st))
    outputs.append(gen_kobo(pop, random.Random(rng.randrange(2 ** 32)), fl, truth, st))
    outputs.append(gen_vu(pop, random.Random(rng.randrange(2 ** 32)), fl, truth, st))
    for fname, obj in outputs:
        path = os.path.join(a.out, fname)
        if fname.endswith(".xlsx"):
            obj.save(path)
            fix_zip(path)
        elif fname.endswith(".parquet"):
            import pyarrow.parquet as pq
            pq.write_table(obj, path, compression="snappy")
        else:
            with open(path, "wb") as f:
                f.write(obj)
    with open(os.path.join(a.out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "record_id", "person_id"])
        for row in truth.rows:
            w.writerow(row)
    per_file = Counter(r[0] for r in truth.rows)
    people = Counter(r[2] for r in truth.rows)
    files_per_person = defaultdict(set)
    for fn, _, pid in truth.rows:
        files_per_person[pid].add(fn)
    eth = Counter(p.eth for p in pop.persons)
    stats = {"seed": a.seed, "persons": len(pop.persons), "outsiders_written": sum(1 for p in people if p.startswith("X")),
             "population": dict(pop.stats), "ethnic": dict(eth),
             "persons_with_two_or_more_surnames": sum(1 for p in pop.persons if len({s for _, s in p.surs}) > 1),
             "records": len(truth.rows), "records_per_file": dict(per_file),
             "persons_in_extracts": len(people),
             "persons_in_two_or_more_files": sum(1 for v in files_per_person.values() if len(v) > 1),
             "true_pairs": sum(n * (n - 1) // 2 for n in people.values()),
             "files": {k: dict(v) for k, v in st.items()}}
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1, sort_keys=True)
    print(json.dumps({"records": stats["records"], "per_file": stats["records_per_file"],
                      "persons_in_extracts": stats["persons_in_extracts"]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
