#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A twenty-seventh linkage writer's generator, written apart from the project (from the linkage issue's text, the
# README's linkage part, `ukimet link --help`, extracts_twentysixth.md and extracts_twentysixth.py alone), kept as
# its writer wrote it.
"""Eight extracts of Akmola region (Kokshetau, Stepnogorsk, Shchuchinsk and Burabay, Atbasar, the grain districts),
with their truth.

python bench/extracts_twentyseventh.py --seed S --out DIR [--persons N]

Writes, in DIR:
  qaru_ruqsat.xlsx       the police's register of civilian firearms and their owners (a PDF report turned into a
                         workbook by an online converter: the header again on every page, page-number rows, names
                         and addresses wrapped onto a second row, й and ё decomposed as the PDF's text layer has them)
  audarma_buro.csv       a translation bureau's orders (an Airtable grid exported to CSV: clients as linked records,
                         lookups of their phones and IINs that leave blanks out, births copied from the documents,
                         often in words)
  burabay_bilet.jsonl    the national park's e-tickets (a Kafka topic dumped by kafka-avro-console-consumer: Avro's
                         JSON encoding, unions wrapped in their type's name, dates as days since 1970, redelivered
                         messages)
  shezhire.json          a genealogy (шежіре) community site's pages (a recursive tree of fathers and sons, keys in the
                         2021 Kazakh Latin alphabet, names in Kazakh letters or that alphabet, mostly first names)
  astyq_qolhat.txt       grain receipts sent by three elevators to the receipts registry (pipe-separated lines of four
                         kinds: H a file header, D a receipt, A the depositor's representative on the receipt above,
                         T a trailer; windows-1251)
  sport_klub.parquet     a fitness club's memberships (a CRM's CSV read by Spark without header=True and written as
                         Parquet: columns _c0.._c15, all strings, the CSV's header as the first row)
  aiyppul.json           the traffic police's administrative fines (Spring Data pages fetched by a curl loop and
                         appended: JSON objects back to back on one line, not one document; one page twice)
  internet_abonent.xlsx  an internet provider's subscriber cards (a billing system's "print cards" to Excel: a card is a
                         block of label/value rows, the contact person a name, relation and phone in one cell)
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
import unicodedata
import zipfile
from collections import Counter, defaultdict

D = dt.date
END = D(2024, 12, 31)
EPOCH = D(1970, 1, 1)

# ----------------------------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------------------------
# Kazakh first names of the north (Kazakh letters); the Russian-letter form documents use where it is not the
# letters folded
KZ_M = {
    0: "Жұмабек Қабыл Мұқан Сәбит Төлеген Омар Ахмет Кәрім Әбдірахман Сейіт Ғалым Қасен Мұхтар Бейсен Нұрмағамбет "
       "Шәкен Рахым Тұрсын Жақсылық Әділбек Хамит Зейнолла".split(),
    1: "Серік Қайрат Ерлан Нұрлан Бауыржан Асқар Марат Талғат Ержан Мұрат Жанат Ғалымжан Дәурен Азамат Нұржан "
       "Ерболат Руслан Арман Ермек Дәулет Қанат Болат Самат".split(),
    2: "Нұрсұлтан Алихан Ерасыл Нұрасыл Әлихан Дархан Ерназар Айбар Ақжол Нұрдәулет Санжар Диас Мирас Әли Ислам "
       "Алдияр Арсен Темірлан Бексұлтан Абылай Рамазан".split(),
}
KZ_F = {
    0: "Бибігүл Күлән Зәуреш Рабиға Мәриям Күләш Шолпан Балқия Айман Ұлбосын Зағира Раушан Бақыт Сара Қанипа".split(),
    1: "Гүлнар Айгүл Жанар Сәуле Гүлмира Салтанат Ләззат Динара Әсел Жазира Ақмарал Бақытгүл Мейрамгүл Гүлжан Жанна "
       "Роза Эльмира Назгүл Айнұр Гаухар Шынар".split(),
    2: "Аружан Айару Ақбота Мөлдір Аяулым Дана Томирис Жансая Әйгерім Назерке Айзере Камила Мадина Аяжан Айша Сабина "
       "Інжу Айым".split(),
}
KZ_OLD = ("Жүсіп Қасым Мұқаш Бекен Сағындық Әбіш Жұмабай Оспан Ыбырай Тоқтар Сыздық Нұрғожа Смағұл Байжан Кенжебай "
          "Әлжан Қалиақпар Тұрлыбек Мәжит Байтұрсын Есенжол Дүйсен Шайхы Ысқақ").split()
KZ_RU = {"Жұмабек": "Жумабек", "Сәбит": "Сабит", "Кәрім": "Карим", "Әбдірахман": "Абдрахман", "Сейіт": "Сеит",
         "Ғалым": "Галым", "Нұрмағамбет": "Нурмагамбет", "Шәкен": "Шакен", "Әділбек": "Адильбек", "Серік": "Серик",
         "Ғалымжан": "Галымжан", "Дәурен": "Даурен", "Дәулет": "Даулет", "Нұрдәулет": "Нурдаулет", "Әлихан": "Алихан",
         "Әли": "Али", "Темірлан": "Темирлан", "Бибігүл": "Бибигуль", "Күлән": "Кулян", "Зәуреш": "Зауреш",
         "Мәриям": "Марьям", "Күләш": "Кулаш", "Гүлнар": "Гульнар", "Айгүл": "Айгуль", "Гүлмира": "Гульмира",
         "Ләззат": "Ляззат", "Әсел": "Асель", "Бақытгүл": "Бакытгуль", "Мейрамгүл": "Мейрамгуль", "Гүлжан": "Гульжан",
         "Назгүл": "Назгуль", "Мөлдір": "Молдир", "Әйгерім": "Айгерим", "Інжу": "Инжу", "Қанипа": "Канипа",
         "Жүсіп": "Жусуп", "Әбіш": "Абиш", "Әлжан": "Альжан", "Мәжит": "Мажит", "Ыбырай": "Ибрай",
         "Нұрғожа": "Нургожа", "Смағұл": "Смагул", "Шайхы": "Шайхы", "Ысқақ": "Искак", "Дүйсен": "Дюсен"}

RU_M = {
    0: "Иван Николай Василий Пётр Михаил Александр Виктор Анатолий Алексей Григорий Фёдор Владимир Павел Геннадий "
       "Юрий".split(),
    1: "Сергей Александр Андрей Алексей Дмитрий Игорь Евгений Олег Владимир Юрий Валерий Николай Павел Роман Денис "
       "Вадим Константин Виталий".split(),
    2: "Артём Максим Даниил Кирилл Никита Илья Александр Дмитрий Матвей Егор Иван Тимофей Михаил Роман Глеб "
       "Богдан".split(),
}
RU_F = {
    0: "Анна Мария Валентина Галина Нина Людмила Тамара Зинаида Антонина Раиса Лидия Надежда Вера Любовь".split(),
    1: "Елена Ольга Татьяна Наталья Ирина Светлана Юлия Марина Оксана Екатерина Надежда Людмила Галина Лариса "
       "Евгения Анастасия".split(),
    2: "Анастасия Дарья Мария Анна Полина Виктория Елизавета Софья Ксения Алина Екатерина Арина Вероника "
       "Алиса".split(),
}
DE_M0 = "Иоганн Генрих Роберт Эдуард Вальдемар Артур Давид Яков Фридрих Александр Виктор".split()
DE_F0 = "Эмма Фрида Эрна Эльвира Амалия Лидия Мария Ирма Берта Ида".split()
# the German form a Spätaussiedler may take in Germany (§ 94 BVFG) or a translator writes for a German reader
DE_FORM = {"Андрей": "Andreas", "Евгений": "Eugen", "Иван": "Johann", "Пётр": "Peter", "Елена": "Helene",
           "Екатерина": "Katharina", "Ирина": "Irene", "Мария": "Maria", "Анна": "Anna", "Виктор": "Viktor",
           "Владимир": "Waldemar", "Александр": "Alexander", "Ольга": "Olga", "Татьяна": "Tatjana",
           "Наталья": "Natalie", "Юлия": "Julia", "Николай": "Nikolaus", "Яков": "Jakob", "Генрих": "Heinrich",
           "Иоганн": "Johann", "Эмма": "Emma", "Фрида": "Frieda", "Эрна": "Erna", "Эльвира": "Elvira",
           "Амалия": "Amalie", "Лидия": "Lydia", "Роберт": "Robert", "Эдуард": "Eduard", "Вальдемар": "Waldemar",
           "Артур": "Arthur", "Давид": "David", "Фридрих": "Friedrich", "Ирма": "Irma", "Берта": "Berta", "Ида": "Ida",
           "Алексей": "Alexej", "Сергей": "Sergej", "Дмитрий": "Dmitrij", "Светлана": "Swetlana", "Галина": "Galina",
           "Людмила": "Ludmilla", "Надежда": "Nadeschda", "Анастасия": "Anastasia", "Максим": "Maximilian",
           "Даниил": "Daniel", "Михаил": "Michael", "Павел": "Paul", "Матвей": "Matthias", "Елизавета": "Elisabeth",
           "Софья": "Sophia", "Кирилл": "Kyrill", "Полина": "Pauline", "Вероника": "Veronika", "Алиса": "Alice",
           "Виктория": "Viktoria", "Дарья": "Daria", "Ксения": "Xenia", "Арина": "Arina", "Алина": "Alina",
           "Оксана": "Oxana", "Марина": "Marina", "Лариса": "Larissa", "Евгения": "Eugenie", "Константин": "Konstantin",
           "Игорь": "Igor", "Олег": "Oleg", "Юрий": "Georg", "Валерий": "Valerij", "Роман": "Roman", "Денис": "Dennis",
           "Вадим": "Wadim", "Виталий": "Vitali", "Артём": "Artjom", "Никита": "Nikita", "Илья": "Elias",
           "Егор": "Georg", "Тимофей": "Timotheus", "Глеб": "Gleb", "Богдан": "Bogdan", "Вера": "Vera",
           "Валентина": "Valentina", "Нина": "Nina", "Тамара": "Tamara", "Зинаида": "Sinaida", "Антонина": "Antonina",
           "Раиса": "Raissa", "Любовь": "Luba", "Василий": "Wassili", "Анатолий": "Anatoli",
           "Григорий": "Gregor", "Фёдор": "Theodor", "Геннадий": "Gennadi"}

UA_SUR = "Ткаченко Бондаренко Коваленко Шевченко Кравченко Мельник Бойко Лысенко Савченко Руденко Олейник Марченко " \
         "Петренко Гончаренко Ковальчук Полищук".split()
RU_SUR = ("Иванов Кузнецов Попов Смирнов Волков Морозов Лебедев Новиков Фёдоров Зайцев Соловьёв Белов Тарасов Жуков "
          "Крылов Макаров Никитин Орлов Фролов Щербаков Ефимов Чернов Медведев Гусев Сорокин Беляев Комаров Пономарёв "
          "Калинин Рябов").split()
# Soviet German surnames: (the Russian letters of the Soviet passport, the German spelling)
DE_SUR = [("Миллер", "Müller"), ("Шмидт", "Schmidt"), ("Вебер", "Weber"), ("Шнайдер", "Schneider"), ("Фишер", "Fischer"),
          ("Вагнер", "Wagner"), ("Беккер", "Becker"), ("Гофман", "Hoffmann"), ("Шульц", "Schulz"), ("Кох", "Koch"),
          ("Рихтер", "Richter"), ("Кляйн", "Klein"), ("Вольф", "Wolf"), ("Шредер", "Schröder"), ("Нойман", "Neumann"),
          ("Циммерман", "Zimmermann"), ("Браун", "Braun"), ("Гартман", "Hartmann"), ("Ланге", "Lange"),
          ("Гейнрих", "Heinrich"), ("Функ", "Funk"), ("Дитрих", "Dietrich")]
DE_SUR_D = dict(DE_SUR)
SUR_KZ = [("Ахметов", "Ахметов"), ("Омаров", "Омаров"), ("Сейітқазин", "Сеитказин"), ("Жақыпов", "Жакупов"),
          ("Мұқанов", "Муканов"), ("Тұрсынов", "Турсынов"), ("Қасымов", "Касымов"), ("Әбілов", "Абилов"),
          ("Нұрмағамбетов", "Нурмагамбетов"), ("Смағұлов", "Смагулов"), ("Жүсіпов", "Жусупов"), ("Байжанов", "Байжанов"),
          ("Кенжебаев", "Кенжебаев"), ("Оспанов", "Оспанов"), ("Ыбыраев", "Ибраев"), ("Тоқтаров", "Токтаров"),
          ("Сыздықов", "Сыздыков"), ("Әлжанов", "Альжанов"), ("Бекенов", "Бекенов"), ("Дүйсенов", "Дюсенов"),
          ("Есенжолов", "Есенжолов"), ("Қалиақпаров", "Калиакпаров"), ("Тұрлыбеков", "Турлыбеков"),
          ("Байтұрсынов", "Байтурсынов"), ("Мәжитов", "Мажитов"), ("Ысқақов", "Искаков"), ("Сағындықов", "Сагиндыков"),
          ("Уәлиханов", "Валиханов"), ("Құдайбергенов", "Кудайбергенов"), ("Жұмабаев", "Жумабаев"),
          ("Әуелбеков", "Ауельбеков"), ("Қожахметов", "Кожахметов"), ("Шайхин", "Шайхин"), ("Рахымжанов", "Рахимжанов"),
          ("Бейсенов", "Бейсенов"), ("Темірбеков", "Темирбеков"), ("Мұстафин", "Мустафин"), ("Ғабдуллин", "Габдуллин"),
          ("Ермеков", "Ермеков"), ("Сәрсенбаев", "Сарсенбаев")]
SUR_KZ_RU = dict(SUR_KZ)
# Ingush (deported to the Akmola steppe in 1944; many stayed)
ING_SUR = "Евлоев Мальсагов Оздоев Костоев Цечоев Хамхоев Аушев Плиев Барахоев Газдиев Могушков Точиев Белхароев " \
          "Дзейтов Угурчиев".split()
ING_M = {0: "Магомед Ахмед Муса Иса Хасан Ибрагим Умар Идрис Саварбек Башир".split(),
         1: "Магомед Ахмед Руслан Башир Ибрагим Адам Хасан Мурат Тимур Алихан Ислам Беслан".split(),
         2: "Магомед Мухаммад Ахмед Адам Ислам Умар Али Амир Ахмад Хамзат".split()}
ING_COMPOUND = ["Магомед-Башир", "Магомед-Али", "Магомед-Амин", "Мухаммад-Али", "Абдул-Малик", "Ахмед-Хан",
                "Магомед-Салах", "Абдул-Азиз"]
ING_F = {0: "Хава Марьям Макка Зейнаб Аминат Раиса Тамара Хади Фатима".split(),
         1: "Зарема Мадина Лейла Фатима Хеди Марем Роза Малика Лиана Асет".split(),
         2: "Хадижат Амина Мадина Марьям Сафия Раяна Хава Ясмина".split()}

PAT_EXC = {"Пётр": ("Петрович", "Петровна"), "Павел": ("Павлович", "Павловна"), "Илья": ("Ильич", "Ильинична"),
           "Никита": ("Никитич", "Никитична"), "Михаил": ("Михайлович", "Михайловна"),
           "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Даниил": ("Даниилович", "Данииловна"),
           "Артём": ("Артёмович", "Артёмовна"), "Яков": ("Яковлевич", "Яковлевна"), "Лев": ("Львович", "Львовна"),
           "Муса": ("Мусаевич", "Мусаевна"), "Иса": ("Исаевич", "Исаевна"), "Зейнолла": ("Зейноллаевич", "Зейноллаевна")}

# everyday short forms, as members, buyers and clerks write them
SHORT = {"Александр": "Саша", "Александра": "Саша", "Алексей": "Лёша", "Анастасия": "Настя", "Анна": "Аня",
         "Дмитрий": "Дима", "Евгений": "Женя", "Евгения": "Женя", "Екатерина": "Катя", "Елена": "Лена", "Иван": "Ваня",
         "Мария": "Маша", "Михаил": "Миша", "Наталья": "Наташа", "Николай": "Коля", "Ольга": "Оля", "Сергей": "Серёжа",
         "Светлана": "Света", "Татьяна": "Таня", "Юлия": "Юля", "Владимир": "Вова", "Виктор": "Витя", "Павел": "Паша",
         "Даниил": "Даня", "Максим": "Макс", "Дарья": "Даша", "Ксения": "Ксюша", "Виктория": "Вика", "Галина": "Галя",
         "Людмила": "Люда", "Надежда": "Надя", "Валентина": "Валя", "Юрий": "Юра", "Валерий": "Валера", "Ирина": "Ира",
         "Константин": "Костя", "Роман": "Рома", "Артём": "Тёма", "Тимофей": "Тима", "Елизавета": "Лиза",
         "Софья": "Соня", "Нурлан": "Нурик", "Нурсултан": "Нурик", "Нурасыл": "Нурик", "Нуржан": "Нурик",
         "Азамат": "Азик", "Ерлан": "Ерик", "Ержан": "Ерик", "Бауыржан": "Бауке", "Аскар": "Асеке", "Гульнар": "Гуля",
         "Гульмира": "Гуля", "Гульжан": "Гуля", "Салтанат": "Салта", "Динара": "Дина", "Акбота": "Бота",
         "Аружан": "Ару", "Айару": "Ару", "Айгерим": "Айка", "Магомед": "Мага", "Эльвира": "Эля", "Вальдемар": "Валера"}

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
# the Kazakh Latin alphabet of 2021 (ä ğ ñ ö ş ū ü ç; ı for і, i for и and й, y for ы)
L21 = {"а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z",
       "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p",
       "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç",
       "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia"}
# German transcription of Russian letters (Duden), as a translator writes a name for a German office
DUDEN = {"а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i",
         "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
         "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
         "ю": "ju", "я": "ja"}


def cap_like(src_ch, out):
    if not out:
        return out
    return out[0].upper() + out[1:] if src_ch.isupper() else out


def icao(s):
    return "".join(cap_like(ch, ICAO[ch.lower()]) if ch.lower() in ICAO else ch for ch in s)


def lat21(s):
    out = []
    for ch in s:
        lo = ch.lower()
        if lo not in L21:
            out.append(ch)
            continue
        o = L21[lo]
        if ch.isupper() and o:
            if lo in "ий":
                o = "İ" + o[1:]
            elif lo == "і":
                o = "I" + o[1:]
            else:
                o = o[0].upper() + o[1:]
        out.append(o)
    return "".join(out)


def duden(s):
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        prev = s[i - 1].lower() if i else " "
        nxt = s[i + 1].lower() if i + 1 < len(s) else " "
        if lo == "е" and (prev in VOW_CY or prev in " -ьъ"):
            o = "je"
        elif lo == "с" and prev in VOW_CY and nxt in VOW_CY:
            o = "ss"
        elif lo in DUDEN:
            o = DUDEN[lo]
        else:
            out.append(ch)
            continue
        out.append(cap_like(ch, o))
    return "".join(out)


def informal(s, rng):
    """A person's own Latin of a Russian-letter name (one habit per call)."""
    zh = rng.choice(["zh", "zh", "j"])
    kh = rng.choice(["kh", "h", "h"])
    yi = rng.choice(["y", "i", "i"])
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


def nfd(s):
    """A PDF's text layer: й and ё as a letter and a combining mark."""
    return unicodedata.normalize("NFD", s) if s else s


# ----------------------------------------------------------------------------------------------------------------
# places: Akmola region
# ----------------------------------------------------------------------------------------------------------------
# key: (ru, kk, ru kind, kk kind, district ru, district kk)
TOWNS = {
    "kok": ("Кокшетау", "Көкшетау", "г.", "қ.", None, None),
    "stp": ("Степногорск", "Степногор", "г.", "қ.", None, None),
    "shc": ("Щучинск", "Щучинск", "г.", "қ.", "Бурабайский", "Бурабай"),
    "bur": ("Бурабай", "Бурабай", "п.", "к.", "Бурабайский", "Бурабай"),
    "atb": ("Атбасар", "Атбасар", "г.", "қ.", "Атбасарский", "Атбасар"),
    "mak": ("Макинск", "Макинск", "г.", "қ.", "Буландынский", "Бұланды"),
    "akk": ("Акколь", "Ақкөл", "г.", "қ.", "Аккольский", "Ақкөл"),
    "zer": ("Зеренда", "Зеренді", "с.", "а.", "Зерендинский", "Зеренді"),
    "ere": ("Ерейментау", "Ерейментау", "г.", "қ.", "Ерейментауский", "Ерейментау"),
    "esl": ("Есиль", "Есіл", "г.", "қ.", "Есильский", "Есіл"),
    "stn": ("Степняк", "Степняк", "г.", "қ.", "Енбекшильдерский", "Еңбекшілдер"),
}
TOWN_W = [("kok", 40), ("stp", 12), ("shc", 10), ("atb", 8), ("zer", 6), ("mak", 4), ("akk", 4), ("ere", 4),
          ("esl", 4), ("stn", 3), ("bur", 3)]
# Kazakh / Russian / Ukrainian / German / Ingush
TOWN_PEOPLE = {"kok": (56, 31, 5, 6, 2), "stp": (36, 49, 7, 7, 1.5), "shc": (41, 41, 6, 10, 2),
               "bur": (70, 22, 3, 4, 1), "atb": (51, 29, 8, 10, 2), "mak": (39, 41, 8, 10, 2),
               "akk": (46, 36, 8, 8, 2), "zer": (56, 23, 6, 14, 1.5), "ere": (61, 29, 4, 5, 1.5),
               "esl": (53, 26, 10, 10, 1.5), "stn": (46, 39, 6, 8, 1.5)}
GRAIN = ("atb", "esl", "akk", "zer", "ere", "stn", "mak", "bur")

ST_KOK = [("ул.", "Абая", "Абай көшесі"), ("ул.", "Ауэзова", "Әуезов көшесі"), ("ул.", "Валиханова", "Уәлиханов көшесі"),
          ("ул.", "Ауельбекова", "Әуелбеков көшесі"), ("ул.", "Акана серэ", "Ақан сері көшесі"),
          ("ул.", "Куйши Дина", "Күйші Дина көшесі"), ("ул.", "Сатпаева", "Сәтбаев көшесі"),
          ("мкр.", "Васильковский", "Васильков ш/а"), ("мкр.", "Центральный", "Орталық ш/а"),
          ("ул.", "Пушкина", "Пушкин көшесі"), ("ул.", "Темирбекова", "Темірбеков көшесі"),
          ("ул.", "Жамбыла", "Жамбыл көшесі"), ("мкр.", "Сарыарка", "Сарыарқа ш/а"), ("ул.", "Габдуллина", "Ғабдуллин көшесі"),
          ("ул.", "Уалиханова", "Уәлиханов көшесі"), ("мкр.", "Бирлик", "Бірлік ш/а")]
ST_STP = [("мкр.", "1", "1 ш/а"), ("мкр.", "3", "3 ш/а"), ("мкр.", "4", "4 ш/а"), ("мкр.", "6", "6 ш/а"),
          ("мкр.", "7", "7 ш/а"), ("пос.", "Заводской", "Заводской кенті")]
ST_SHC = [("ул.", "Абылай хана", "Абылай хан көшесі"), ("ул.", "Канай би", "Қанай би көшесі"),
          ("ул.", "Боровская", "Бурабай көшесі"), ("ул.", "Набережная", "Жағалау көшесі"),
          ("мкр.", "Южный", "Оңтүстік ш/а"), ("ул.", "Едомского", "Едомский көшесі")]
ST_VIL = [("ул.", "Школьная", "Мектеп көшесі"), ("ул.", "Абая", "Абай көшесі"), ("ул.", "Целинная", "Тың көшесі"),
          ("ул.", "Мира", "Бейбітшілік көшесі"), ("ул.", "Садовая", "Бақ көшесі"), ("ул.", "Советская", "Тәуелсіздік көшесі"),
          ("ул.", "Степная", "Дала көшесі"), ("ул.", "Молодёжная", "Жастар көшесі")]


def streets(town):
    return {"kok": ST_KOK, "stp": ST_STP, "shc": ST_SHC}.get(town, ST_VIL)


class Addr:
    __slots__ = ("town", "st", "house", "flat")

    def __init__(s, town, st, house, flat):
        s.town, s.st, s.house, s.flat = town, st, house, flat


def addr_ru(a, style="full", oblast=False, d=None):
    st = streets(a.town)[a.st]
    ru, kk, kind, kkk, dr, dk = TOWNS[a.town]
    tname = ru
    if a.town == "bur" and d is not None and d < D(2008, 1, 1):
        tname = "Боровое"            # the resort village's name before Бурабай
    if style == "short":
        if st[0] == "мкр." and a.town == "stp":
            return f"{tname}, {st[1]} мкр., {a.house}" + (f"-{a.flat}" if a.flat else "")
        return f"{tname}, {st[1]} {a.house}" + (f"-{a.flat}" if a.flat else "")
    parts = []
    if oblast:
        parts.append("Акмолинская обл.")
    if dr:
        parts.append(f"{dr} р-н")
    parts.append(f"{kind} {tname}")
    if st[0] == "мкр." and a.town == "stp":
        parts.append(f"{st[1]} мкр.")
    else:
        parts.append(f"{st[0]} {st[1]}")
    parts.append(f"д. {a.house}")
    if a.flat:
        parts.append(f"кв. {a.flat}")
    return ", ".join(parts)


def addr_kk(a):
    st = streets(a.town)[a.st]
    ru, kk, kind, kkk, dr, dk = TOWNS[a.town]
    parts = []
    if dk:
        parts.append(f"{dk} ауданы")
    parts.append(f"{kk} {kkk}")
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


def f_ymd(d):
    return f"{d.year}{d.month:02d}{d.day:02d}"


def phone_fmt(ph, style):
    if style == "plus":
        return "+7" + ph
    if style == "eight":
        return "8" + ph
    if style == "spaced8":
        return f"8 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"
    if style == "paren":
        return f"+7 ({ph[:3]}) {ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    if style == "paren8":
        return f"8({ph[:3]}){ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    return ph


# ----------------------------------------------------------------------------------------------------------------
# dates in words, as Soviet and Kazakh certificates write them beside the digits
# ----------------------------------------------------------------------------------------------------------------
MON_RU_G = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
MON_KK = "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split()
RU_ORD_G = {1: "первого", 2: "второго", 3: "третьего", 4: "четвёртого", 5: "пятого", 6: "шестого", 7: "седьмого",
            8: "восьмого", 9: "девятого", 10: "десятого", 11: "одиннадцатого", 12: "двенадцатого", 13: "тринадцатого",
            14: "четырнадцатого", 15: "пятнадцатого", 16: "шестнадцатого", 17: "семнадцатого", 18: "восемнадцатого",
            19: "девятнадцатого", 20: "двадцатого", 30: "тридцатого", 40: "сорокового", 50: "пятидесятого",
            60: "шестидесятого", 70: "семидесятого", 80: "восьмидесятого", 90: "девяностого"}
RU_ORD_N = {1: "первое", 2: "второе", 3: "третье", 4: "четвёртое", 5: "пятое", 6: "шестое", 7: "седьмое", 8: "восьмое",
            9: "девятое", 10: "десятое", 11: "одиннадцатое", 12: "двенадцатое", 13: "тринадцатое", 14: "четырнадцатое",
            15: "пятнадцатое", 16: "шестнадцатое", 17: "семнадцатое", 18: "восемнадцатое", 19: "девятнадцатое",
            20: "двадцатое", 30: "тридцатое"}
RU_TENS = {20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят", 70: "семьдесят",
           80: "восемьдесят", 90: "девяносто"}
KK_CARD = {1: "бір", 2: "екі", 3: "үш", 4: "төрт", 5: "бес", 6: "алты", 7: "жеті", 8: "сегіз", 9: "тоғыз", 10: "он",
           20: "жиырма", 30: "отыз", 40: "қырық", 50: "елу", 60: "алпыс", 70: "жетпіс", 80: "сексен", 90: "тоқсан"}
KK_ORD = {1: "бірінші", 2: "екінші", 3: "үшінші", 4: "төртінші", 5: "бесінші", 6: "алтыншы", 7: "жетінші",
          8: "сегізінші", 9: "тоғызыншы", 10: "оныншы", 20: "жиырмасыншы", 30: "отызыншы", 40: "қырқыншы",
          50: "елуінші", 60: "алпысыншы", 70: "жетпісінші", 80: "сексенінші", 90: "тоқсаныншы"}


def ru_ord(n, table):
    if n in table:
        return table[n]
    return RU_TENS[n - n % 10] + " " + table[n % 10]


def ru_year_g(y):
    if y == 2000:
        return "двухтысячного года"
    if y > 2000:
        return "две тысячи " + ru_ord(y - 2000, RU_ORD_G) + " года"
    if y == 1900:
        return "тысяча девятисотого года"
    return "тысяча девятьсот " + ru_ord(y - 1900, RU_ORD_G) + " года"


def ru_words(d, nominative=False):
    day = ru_ord(d.day, RU_ORD_N if nominative else RU_ORD_G)
    s = f"{day} {MON_RU_G[d.month - 1]} {ru_year_g(d.year)}"
    return s[0].upper() + s[1:] if nominative else s


def kk_ord(n):
    if n in KK_ORD:
        return KK_ORD[n]
    return KK_CARD[n - n % 10] + " " + KK_ORD[n % 10]


def kk_words(d):
    y = d.year
    if y >= 2000:
        yw = "екі мың " + kk_ord(y - 2000) if y > 2000 else "екі мыңыншы"
    else:
        yw = "бір мың тоғыз жүз " + kk_ord(y - 1900)
    return f"{yw} жылғы {kk_ord(d.day)} {MON_KK[d.month - 1]}"


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
        s.first = None            # {"kk", "ru"[, "call"]}
        s.first_key = None
        s.father = s.mother = None
        s.father_first = None     # the father's first-name dict (None: no patronymic)
        s.pat_kz = False
        s.surnames = []           # (date, (kind, stem))
        s.marriages = []
        s.homes = []              # (date, Dwelling or None)
        s.phones = []
        s.iin = None
        s.children = []
        s.twin = None
        s.vis = 1.0
        s.gen = 0
        s.lineage = None          # a Kazakh founder's forefathers, for the genealogy site
        s.emails = None


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
        s.left = None             # (date, country) when the household emigrated


def name_dict(people, nm):
    if people == "kz":
        return {"kk": nm, "ru": KZ_RU.get(nm) or kk2ru(nm)}
    d = {"kk": nm, "ru": nm}
    if people == "ing" and "-" in nm:
        d["call"] = nm.split("-")[1]      # known by the second part at home and at work
    return d


PEOPLES = ("kz", "ru", "ua", "de", "ing")
CLANS = {"Арғын": ["Атығай", "Қарауыл", "Қуандық", "Сүйіндік", "Бәсентиін", "Алтай", "Қарпық"],
         "Керей": ["Ашамайлы", "Абақ"], "Қыпшақ": ["Қарабалық", "Торы", "Қаракөбек"], "Уақ": ["Шаға", "Баршы"]}


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
        pr = 0.80 if y < 1940 else 0.50 if y < 1950 else (0.32 if p.sex == "M" else 0.15) if y < 1960 else \
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
        if people in ("ru", "ua"):
            return (RU_M if sex == "M" else RU_F)[e]
        if people == "de":
            if e == 0:
                return DE_M0 if sex == "M" else DE_F0
            return (RU_M if sex == "M" else RU_F)[e]
        if sex == "M":
            return ING_M[e] + (ING_COMPOUND if e else ING_COMPOUND[:3])
        return ING_F[e]

    def with_names(self, sex, people, birth, father=None, mother=None, skey=None, exclude=()):
        rng = self.rng
        p = self.new_person(sex, people, birth)
        p.father, p.mother = father, mother
        if mother is not None and rng.random() < 0.75:
            p.vis = mother.vis
        lst = self.names_list(people, sex, birth.year)
        if people == "ing" and sex == "M" and rng.random() < 0.22:
            nm = rng.choice([c for c in ING_COMPOUND if c not in exclude] or ING_COMPOUND)
        else:
            nm = zipf(rng, [x for x in lst if "-" not in x], 0.6, exclude)
        p.first = name_dict(people, nm)
        p.first_key = nm
        if father is not None:
            p.father_first = father.first
        else:
            fy = birth.year - 28
            if people == "kz" and fy < 1945:
                fnm = zipf(rng, KZ_OLD + KZ_M[0], 0.5)
            else:
                fnm = zipf(rng, [x for x in self.names_list(people, "M", fy) if "-" not in x], 0.8)
            p.father_first = name_dict(people, fnm)
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
        if skey[0] == "kz" and sex == "M" and 1975 <= birth.year <= 2000 and rng.random() < 0.02 \
                and skey[1].endswith(("ов", "ев")):
            d = rdate(rng, max(D(2008, 1, 1), yrs(birth, 18)), D(2020, 12, 31))
            p.surnames.append((d, ("kz", skey[1][:-2])))
            self.stats["ending_dropped"] += 1
        return p

    def new_surname(self, people):
        rng = self.rng
        if people == "kz":
            return ("kz", zipf(rng, [a for a, _ in SUR_KZ], 0.7))
        if people == "ru":
            return ("ru", zipf(rng, RU_SUR, 0.7))
        if people == "ua":
            return ("ua", zipf(rng, UA_SUR, 0.6))
        if people == "de":
            return ("de", zipf(rng, [a for a, _ in DE_SUR], 0.7))
        return ("ing", zipf(rng, ING_SUR, 0.6))

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
            elif town in ("kok", "shc") and rng.random() < 0.45:
                a = Addr(town, i, str(rng.randint(1, 180)), str(rng.randint(1, 90)))
            elif town == "stp":
                a = Addr(town, i, str(rng.randint(1, 80)), str(rng.randint(1, 100)) if rng.random() < 0.7 else None)
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

    # ---------------------------------------------------------------- families
    def take_rate(self, h, w):
        if w.people == "ing" or h.people == "ing":
            return 0.30
        return {"kz": 0.70, "ru": 0.95, "ua": 0.95, "de": 0.95}[h.people]

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
        vil = town not in ("kok", "stp")
        if people == "kz":
            if gen == 0:
                return rng.choice([1, 2, 3, 3, 4, 4, 5, 5, 6, 7] if vil else [1, 2, 2, 3, 3, 4, 4, 5])
            return rng.choice([0, 1, 2, 2, 3, 3, 4, 5] if vil else [0, 1, 2, 2, 3, 3, 4])
        if people == "ing":
            return rng.choice([2, 3, 4, 5, 6] if gen == 0 else [1, 2, 3, 4, 5])
        return rng.choice([0, 1, 2, 2, 3] if gen == 0 else [0, 1, 1, 2, 2, 3])

    def make_children(self, f, mo, m, dw, town):
        rng = self.rng
        n = self.n_children(f.people, town, f.gen)
        d = m.start + dt.timedelta(days=rng.randint(300, 600))
        kids = []
        used = {f.first_key, mo.first_key}
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
                c = self.with_names(rng.choice("MF"), f.people, d, f, mo, self.stem_at(f, d), used)
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

    def spouse_people(self, people):
        rng = self.rng
        same = {"kz": 0.90, "ing": 0.80}.get(people, 0.75)
        if rng.random() < same:
            return people
        return wpick(rng, [(x, w) for x, w in (("kz", 30), ("ru", 40), ("ua", 12), ("de", 12), ("ing", 3))
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
            return wpick(rng, [("kok", 60), ("stp", 12), ("shc", 10), ("atb", 5), ("mak", 3), ("akk", 3), ("zer", 3),
                               ("ere", 2), ("esl", 2)])
        return None            # Astana, mostly

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
                if c.sex == "M" and c.people in ("kz", "ing") and pdw is not None and ptown and c.father is not None:
                    sons = [x for x in c.father.children if x.sex == "M"]
                    if sons and sons[-1] is c and rng.random() < 0.35:
                        stay = True
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
        if c.sex == "F" and rng.random() < 0.10 and yrs(c.birth, 21) <= END:
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
        mix = TOWN_PEOPLE[town]
        ph = wpick(rng, list(zip(PEOPLES, mix)))
        hb = rdate(rng, D(1935, 1, 1), D(1965, 12, 31))
        h = self.with_names("M", ph, hb)
        pw = ph if rng.random() < 0.90 else self.spouse_people(ph)
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
        if ph == "kz":
            self.lineage(h)
        queue = self.make_children(h, w, m, dw, town)
        if m.how == "divorce":
            self.divorce(m, queue)
        while queue:
            self.adult_life(queue.pop(0), queue)

    def lineage(self, h):
        """A Kazakh founder's forefathers as his kin tell them: his grandfather, his father (whose name his
        patronymic keeps), his father's brothers with their sons, his own brothers. None of them is in the
        population (they are dead, or live elsewhere)."""
        rng = self.rng
        fb = h.birth.year - rng.randint(22, 36)
        gb = fb - rng.randint(22, 38)
        father = h.father_first["kk"]
        used = {father, h.first_key}
        uncles = []
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            nm = zipf(rng, KZ_OLD + KZ_M[0], 0.5, used)
            used.add(nm)
            ub = fb + rng.randint(-12, 12)
            cous = []
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                cn = zipf(rng, KZ_M[0] + KZ_M[1], 0.6, used)
                used.add(cn)
                cous.append((cn, ub + rng.randint(20, 40)))
            uncles.append((nm, ub, cous))
        brothers = []
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            nm = zipf(rng, KZ_M[0] + KZ_M[1], 0.6, used)
            used.add(nm)
            brothers.append((nm, h.birth.year + rng.randint(-12, 12)))
        ru = rng.choice(["Арғын", "Арғын", "Арғын", "Керей", "Қыпшақ", "Уақ"])
        h.lineage = {"grand": zipf(rng, KZ_OLD, 0.4, used), "grand_birth": gb, "grand_death": gb + rng.randint(45, 85),
                     "father": father, "father_birth": fb,
                     "father_death": min(2020, fb + rng.randint(50, 90)), "uncles": uncles, "brothers": brothers,
                     "ru": ru, "taraq": rng.choice(CLANS[ru])}

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
                d = rdate(rng, max(D(2006, 1, 1), dw.created + dt.timedelta(days=200)), D(2023, 12, 31))
                if d <= dw.created:
                    continue
                t = a0.town if rng.random() < 0.75 else ("kok" if a0.town != "kok" else rng.choice(["stp", "shc"]))
                dw.addrs.append((d, self.new_addr(t)))
                self.stats["moves"] += 1
        # German households leave for Germany (Spätaussiedler), Russian and Ukrainian ones for Russia, a few Ingush
        # ones for Ingushetia
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            res = list(self.ever.get(dw.did, {}).values())
            if a0 is None or not res:
                continue
            heads = sorted(res, key=lambda p: p.birth)
            pe = heads[0].people
            pr, lo, hi, where = {"de": (0.30, 2005, 2024, "DE"), "ru": (0.10, 2000, 2023, "RU"),
                                 "ua": (0.10, 2000, 2023, "RU"), "ing": (0.08, 2000, 2020, "RU")}.get(pe, (0, 0, 0, ""))
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
    """A person's names in a script: kk (Kazakh letters), ru (Russian letters), icao (passport Latin), l21 (the 2021
    Kazakh Latin alphabet), duden (German transcription), de (the German form a German family uses in Germany),
    inf (the person's own informal Latin)."""

    def __init__(self, pop, rng):
        self.pop = pop
        self.rng = rng

    def sur(self, p, d, script):
        return self.sur_of(self.pop.stem_at(p, d), p.sex, script)

    def sur_of(self, skey, sex, script):
        kind, stem = skey
        if kind == "kz":
            kk = stem
            ru = SUR_KZ_RU.get(stem) or kk2ru(stem)
            if sex == "F":
                kk, ru = fem(kk), fem(ru)
        elif kind in ("ua", "de"):
            kk = ru = stem
        else:
            kk = ru = fem(stem) if sex == "F" else stem
        if script == "kk":
            return kk
        if script == "ru":
            return ru
        if script == "icao":
            return icao(kk)
        if script == "l21":
            return lat21(kk)
        if script == "duden":
            return duden(ru)
        if script == "de":
            return DE_SUR_D[stem] if kind == "de" else duden(ru)
        if script == "inf":
            return informal(ru, self.rng)
        raise ValueError(script)

    def first(self, p, script, call=False):
        f = p.first
        if call and "call" in f:
            base = {"kk": f["call"], "ru": f["call"]}
        else:
            base = f
        if script in ("kk", "ru"):
            return base[script]
        if script == "icao":
            return icao(base["kk"])
        if script == "l21":
            return lat21(base["kk"])
        if script == "duden":
            return duden(base["ru"])
        if script == "de":
            return DE_FORM.get(base["ru"]) or duden(base["ru"])
        if script == "inf":
            return informal(base["ru"], self.rng)
        raise ValueError(script)

    def short(self, p, script="ru"):
        """The everyday short form where there is one (Саша, Нурик, Бауке, Мага), else the name."""
        f = p.first
        if "call" in f:
            return f["call"]
        s = SHORT.get(f["ru"])
        if s is None:
            return self.first(p, script)
        return s if script == "ru" else informal(s, self.rng) if script == "inf" else s

    def pat(self, p, script):
        ff = p.father_first
        if ff is None:
            return None
        if p.pat_kz:
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
        if script == "l21":
            return lat21(kk)
        if script in ("duden", "de"):
            return duden(ru)
        if script == "inf":
            return informal(ru, self.rng)
        raise ValueError(script)

    def full(self, p, d, script, pat=True, order="SFP", call=False):
        s, f = self.sur(p, d, script), self.first(p, script, call)
        pt = self.pat(p, script) if pat else None
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
        self.outsiders = 0

    def t(self, file, rid, p, ev):
        self.truth.append((file, rid, p.pid))
        self.evidence[file][ev] += 1

    def t_outsider(self, file, rid, ev):
        """A person of no other record (a forefather on the genealogy site): a person id of his own."""
        self.outsiders += 1
        self.truth.append((file, rid, "X%05d" % self.outsiders))
        self.evidence[file][ev] += 1

    def official(self, kk_share=0.7):
        rng = self.rng
        if rng.random() < kk_share:
            s = SUR_KZ_RU[zipf(rng, [a for a, _ in SUR_KZ], 0.4)]
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
# 1. the police's register of civilian firearms (a PDF report turned into a workbook by an online converter)
# ================================================================================================================
WEAPONS = [("ружьё охотничье гладкоствольное", "ИЖ-27", "12", 14), ("ружьё охотничье гладкоствольное", "МР-153", "12", 12),
           ("ружьё охотничье гладкоствольное", "ТОЗ-34", "12", 8), ("ружьё охотничье гладкоствольное", "ИЖ-58", "16", 5),
           ("карабин охотничий нарезной", "Сайга-МК", "7,62х39", 8), ("карабин охотничий нарезной", "Вепрь", "7,62х39", 5),
           ("карабин охотничий нарезной", "CZ 527", ".223 Rem", 3), ("ружьё охотничье гладкоствольное", "Benelli Raffaello", "12", 3),
           ("ружьё охотничье гладкоствольное", "Beretta A300", "12", 3), ("ружьё охотничье гладкоствольное", "Сайга-12", "12", 6),
           ("оружие огнестрельное бесствольное", "Оса ПБ-4-2", "18х45", 6), ("пистолет травматический", "Макарыч", "9 мм Р.А.", 5)]
ORGANS = {"kok": "ОП г. Кокшетау", "stp": "ОП г. Степногорск", "shc": "Бурабайский РОП", "bur": "Бурабайский РОП",
          "atb": "Атбасарский РОП", "mak": "Буландынский РОП", "akk": "Аккольский РОП", "zer": "Зерендинский РОП",
          "ere": "Ерейментауский РОП", "esl": "Есильский РОП", "stn": "Енбекшильдерский РОП"}
QARU_HDR = ["№ п/п", "Ф.И.О. владельца", "Дата рождения, ИИН", "Адрес регистрации", "Вид оружия", "Модель", "Калибр",
            "Серия, номер", "Разрешение №", "Дата выдачи", "Действительно до", "Орган выдачи", "Инспектор ЛРР"]
QARU_HDR_A = ["№", "Ф.И.О.", "Дата рождения,", "Адрес", "Вид", "Модель", "Калибр", "Серия,", "Разрешение", "Дата",
              "Действительно", "Орган", "Инспектор"]
QARU_HDR_B = ["п/п", "владельца", "ИИН", "регистрации", "оружия", None, None, "номер", "№", "выдачи", "до", "выдачи",
              "ЛРР"]


def wrap(s, width):
    """A PDF cell's line break: the words that fit, and the rest."""
    words = s.split(" ")
    first = []
    for w in words:
        if first and len(" ".join(first + [w])) > width:
            break
        first.append(w)
    rest = words[len(first):]
    return " ".join(first), " ".join(rest)


def firearms(ctx):
    import openpyxl
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "qaru_ruqsat.xlsx"
    REG = D(2024, 12, 1)
    inspectors = {t: ctx.official() for t in ORGANS}
    entries = []
    n_owners = 0
    for p in pop.persons:
        if not pop.alive(p, REG) or not (21 <= age(p.birth, REG) <= 82):
            continue
        town = pop.town_at(p, REG)
        if town is None:
            continue
        pr = (0.42 if p.sex == "M" else 0.018) * p.vis
        if rng.random() >= min(0.7, pr):
            continue
        n_owners += 1
        nw = wpick(rng, [(1, 62), (2, 28), (3, 10)])
        # the name as the licensing system holds it: Russian letters, the patronymic
        base_name = F.name(nm.full(p, REG, "ru", pat=rng.random() < 0.97), FILE, 0.01)
        iin = F.iin(p.iin, FILE, 0.015) if rng.random() < 0.92 else ""
        b = F.birth(p.birth, FILE)
        for k in range(nw):
            name, ii, bb = base_name, iin, b
            if k and rng.random() < 0.12:
                # a second weapon registered by another district's office: typed again
                name = F.name(nm.full(p, REG, "ru", pat=rng.random() < 0.6), FILE)
                if rng.random() < 0.3:
                    name = name.upper()
                ii = F.iin(p.iin, FILE) if rng.random() < 0.85 else ""
                ctx.F.n[(FILE, "typed_again")] += 1
            first = rdate(rng, max(yrs(p.birth, 21), D(1996, 1, 1)), REG)
            issue = first
            while yrs(issue, 5) <= REG:
                issue = yrs(issue, 5)
            kind, model, cal, _ = wpick(rng, [(w, w[3]) for w in WEAPONS])
            if p.sex == "F" or age(p.birth, REG) < 25:
                if rng.random() < 0.6:
                    kind, model, cal, _ = rng.choice(WEAPONS[-2:])
            entries.append({"p": p, "name": name, "iin": ii, "birth": bb, "addr": pop.addr_at(p, REG), "town": town,
                            "kind": kind, "model": model, "cal": cal,
                            "serial": rng.choice(["№ ", "", "Ж ", "№"]) + f"{rng.randint(1000, 9999999):07d}",
                            "permit": f"{rng.choice(['11', '11', '03'])}-ХРН-{rng.randint(1, 99999):06d}",
                            "issue": issue, "valid": yrs(issue, 5)})
    # the report is sorted by the owner's name
    entries.sort(key=lambda e: (e["name"].lower(), e["issue"], e["permit"]))
    # lines of the PDF: an entry and, where a cell wrapped, a continuation line
    blocks = []
    n_split = 0
    for no, e in enumerate(entries, start=1):
        x = rng.random()
        bs = f_dmy(e["birth"])
        if e["iin"] and x < 0.90:
            bi = f"{bs}\n{e['iin']}" if rng.random() < 0.9 else f"{bs} {e['iin']}"
        elif e["iin"]:
            bi = e["iin"]
        else:
            bi = bs
        addr = addr_ru(e["addr"], "full") if e["addr"] else ""
        name1, name2 = wrap(e["name"], 33)
        addr1, addr2 = wrap(addr, 45)
        bi1, bi2 = bi, ""
        if "\n" in bi and rng.random() < 0.12:
            bi1, bi2 = bi.split("\n")          # the converter put the cell's second line on a row of its own
            n_split += 1
        row = [no, name1, bi1, addr1, e["kind"], e["model"], e["cal"], e["serial"], e["permit"], e["issue"], e["valid"],
               ORGANS[e["town"]], inspectors[e["town"]]]
        lines = [row]
        if name2 or addr2 or bi2:
            lines.append([None, name2 or None, bi2 or None, addr2 or None] + [None] * 9)
        blocks.append((no, e, lines))
        ctx.t(FILE, str(no), e["p"], ev_of(bool(e["iin"]), "full", "full"))
    # pages of 26 lines
    pages = []
    cur, n = [], 0
    for b in blocks:
        if n + len(b[2]) > 26 and cur:
            pages.append(cur)
            cur, n = [], 0
        cur.append(b)
        n += len(b[2])
    if cur:
        pages.append(cur)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Table 1"
    r = 1
    ws.cell(r, 1, nfd("Департамент полиции Акмолинской области"))
    r += 1
    ws.cell(r, 1, nfd("Реестр владельцев гражданского оружия по состоянию на 01.12.2024 г."))
    r += 2
    total = len(pages)
    n_cont = 0
    for pi, page in enumerate(pages, start=1):
        if pi > 1 and rng.random() < 0.3:
            hdrs = [QARU_HDR_A, QARU_HDR_B]
        else:
            hdrs = [QARU_HDR]
        for h in hdrs:
            for j, v in enumerate(h, 1):
                if v is not None:
                    ws.cell(r, j, nfd(v))
            r += 1
        as_dates = rng.random() < 0.7        # the converter took the dates of this page for dates, or for text
        for no, e, lines in page:
            for li, line in enumerate(lines):
                if li:
                    n_cont += 1
                for j, v in enumerate(line, 1):
                    if v is None:
                        continue
                    if isinstance(v, D):
                        if as_dates:
                            c = ws.cell(r, j, v)
                            c.number_format = "DD.MM.YYYY"
                        else:
                            ws.cell(r, j, f_dmy(v))
                    elif isinstance(v, str):
                        ws.cell(r, j, nfd(v))
                    else:
                        ws.cell(r, j, v)
                r += 1
        ws.cell(r, 6, f"Страница {pi} из {total}")
        r += 1
    wb.properties.creator = "Unknown"
    wb.properties.title = None
    wb.properties.created = dt.datetime(2024, 12, 9, 8, 15, 0)
    wb.properties.modified = dt.datetime(2024, 12, 9, 8, 15, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue(), "2024-12-09T08:15:00Z", (2024, 12, 9, 8, 15, 0))
    ctx.stat_files[FILE] = {"entries": len(entries), "owners": n_owners, "pages": total, "continuation_rows": n_cont,
                            "iin_on_own_row": n_split, "persons": len(entries)}


# ================================================================================================================
# 2. a translation bureau's orders (an Airtable grid exported to CSV)
# ================================================================================================================
LANG_ABROAD = [("английский", 40), ("чешский", 15), ("польский", 10), ("корейский", 10), ("турецкий", 8),
               ("немецкий", 10), ("китайский", 7)]
TRANSLATORS = ["Жанна Омарова", "Ирина Вебер", "Дана Сеитказина", "Ольга Кравченко"]


def airtable_time(t):
    h = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year} {h}:{t.minute:02d}{'am' if t.hour < 12 else 'pm'}"


def translations(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "audarma_buro.csv"
    W0 = D(2016, 3, 1)
    jobs = []     # (date, [clients], owner, document, language, doc_date)
    # German households leaving for Germany: every member's certificates, the couples' marriage certificates
    for dw in pop.dws:
        if not dw.left or dw.left[1] != "DE" or not (W0 + dt.timedelta(days=200) <= dw.left[0] <= END):
            continue
        L = dw.left[0]
        res = pop.residents(dw, L - dt.timedelta(days=150))
        if not res:
            continue
        adults = sorted([q for q in res if age(q.birth, L) >= 18], key=lambda q: q.birth)
        if not adults:
            continue
        head = next((q for q in adults if q.sex == "M"), adults[0])
        visits = sorted({L - dt.timedelta(days=rng.randint(60, 330)) for _ in range(rng.choice([1, 2, 2, 3]))})
        sp = pop.spouse_at(head, visits[0])
        for q in res:
            docs = [("Свидетельство о рождении", q.birth)]
            if age(q.birth, L) >= 22 and rng.random() < 0.5:
                docs.append(("Диплом", yrs(q.birth, 22)))
            if age(q.birth, L) >= 18 and rng.random() < 0.6:
                docs.append(("Справка о несудимости", visits[-1]))
            if q.sex == "F":
                m = next((m for m in q.marriages if m.start <= L and (m.end is None or m.end > L)), None)
                if m is not None and rng.random() < 0.8:
                    docs.append(("Свидетельство о браке", m.start))
            for doc, ddate in docs:
                d = rng.choice(visits)
                cl = [head] if rng.random() < 0.6 or sp is None else [sp]
                if sp is not None and rng.random() < 0.25:
                    cl = [head, sp] if rng.random() < 0.6 else [sp, head]
                jobs.append((d, cl, q, doc, "немецкий", ddate))
    # Russian and Ukrainian households leaving for Russia: their Kazakh-language certificates into Russian
    for dw in pop.dws:
        if not dw.left or dw.left[1] != "RU" or not (W0 + dt.timedelta(days=200) <= dw.left[0] <= END):
            continue
        L = dw.left[0]
        res = pop.residents(dw, L - dt.timedelta(days=120))
        adults = sorted([q for q in res if age(q.birth, L) >= 18], key=lambda q: q.birth)
        if not adults:
            continue
        d = L - dt.timedelta(days=rng.randint(40, 250))
        for q in res:
            if q.birth.year >= 1996 and rng.random() < 0.55:
                jobs.append((d, [rng.choice(adults)], q, "Свидетельство о рождении", "русский", q.birth))
            if age(q.birth, L) >= 22 and rng.random() < 0.25:
                jobs.append((d, [q], q, "Диплом", "русский", yrs(q.birth, 22)))
    # young people going abroad to study or work; adults going to work
    for q in pop.persons:
        if q.people == "ing":
            continue
        pr = 0.085 * q.vis
        if rng.random() >= min(0.4, pr):
            continue
        a = max(W0, yrs(q.birth, 17))
        b = min(END, yrs(q.birth, 45))
        if a > b:
            continue
        d = rdate(rng, a, b)
        if not pop.alive(q, d) or pop.town_at(q, d) is None:
            continue
        lang = wpick(rng, LANG_ABROAD)
        if rng.random() < 0.15:
            lang = lang + "," + rng.choice(["английский", "казахский"])
        young = age(q.birth, d) < 24
        parents = [x for x in (q.mother, q.father) if x is not None and pop.alive(x, d) and pop.town_at(x, d)]
        cl = [q]
        if young and parents and rng.random() < 0.5:
            cl = [parents[0]] if rng.random() < 0.7 else [parents[-1]]
            if len(parents) == 2 and rng.random() < 0.1:
                cl = parents[:]
        docs = [("Диплом" if age(q.birth, d) >= 22 else "Аттестат", yrs(q.birth, 22 if age(q.birth, d) >= 22 else 17))]
        if rng.random() < 0.6:
            docs.append(("Свидетельство о рождении", q.birth))
        if rng.random() < 0.5:
            docs.append(("Справка о несудимости", d))
        if not young and rng.random() < 0.3:
            docs.append(("Удостоверение личности", d))
        for doc, ddate in docs:
            jobs.append((d + dt.timedelta(days=rng.randint(0, 20)), cl, q, doc, lang, ddate))
    jobs = [(dt.datetime(d.year, d.month, d.day, rng.randint(9, 18), rng.randint(0, 59)),) + j for j in jobs
            for d in (j[0],)]
    jobs.sort(key=lambda j: (j[0], j[3].pid, j[4]))
    jobs = [j[1:] + (j[0],) for j in jobs]
    # the client table: one record per client, now and then a second one made by another manager
    clients = {}           # pid -> list of client records {name, phone, iin}
    n_dup_clients = 0

    def client_rec(c, d):
        nonlocal n_dup_clients
        lst = clients.get(c.pid)
        if lst is not None and rng.random() >= 0.07:
            return lst[-1]
        x = rng.random()
        if x < 0.62:
            t = nm.full(c, d, "ru", pat=False)
        elif x < 0.82:
            t = nm.full(c, d, "ru", pat=False, order="FS")
        elif x < 0.93:
            t = nm.full(c, d, "ru")
        else:
            t = f"{nm.short(c)} {nm.sur(c, d, 'ru')}"
        rec = {"name": F.name(t, FILE), "phone": phone_fmt(pop.phone_at(c, d), "plus") if pop.phone_at(c, d) else "",
               "iin": F.iin(c.iin, FILE) if rng.random() < 0.55 else "",
               "ev": "first" if x >= 0.93 and nm.short(c) != nm.first(c, "ru") else "full"}
        if lst is not None:
            n_dup_clients += 1
        clients.setdefault(c.pid, []).append(rec)
        return rec

    hdr = ["Заказ", "Создано", "Клиент", "Телефон (from Клиент)", "ИИН (from Клиент)", "Документ", "Владелец документа",
           "Дата рождения (как в документе)", "Латиница (как в паспорте)", "Язык перевода", "Нотариальное заверение",
           "Апостиль", "Сканы", "Переводчик", "Стоимость", "Статус", "Комментарий"]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(hdr)
    per_year = Counter()
    n_c2 = n_words = n_kkwords = n_blank_iin_lookup = 0
    for rid, (d, cl, q, doc, lang, ddate, t) in enumerate(jobs, start=1):
        per_year[d.year] += 1
        recs = [client_rec(c, d) for c in cl]
        # the owner as the document names him or her
        kk_doc = (q.people == "kz" and q.birth.year >= 1993 and rng.random() < 0.7) or \
                 (q.people in ("ru", "ua", "de") and q.birth.year >= 1996 and lang == "русский")
        sc = "kk" if kk_doc and doc in ("Свидетельство о рождении", "Аттестат", "Диплом") else "ru"
        if doc == "Свидетельство о браке":
            m = next(m for m in q.marriages if m.start == ddate)
            maiden = nm.sur(q, m.start - dt.timedelta(days=1), "ru")
            after = nm.sur(q, m.start, "ru")
            own = f"{after} (до брака {maiden}) {nm.first(q, 'ru')} {nm.pat(q, 'ru') or ''}".strip() if after != maiden \
                else nm.full(q, m.start, "ru")
        else:
            own = nm.full(q, ddate, sc)
        own = F.name(own, FILE)
        bd = F.birth(q.birth, FILE)
        x = rng.random()
        if doc in ("Диплом", "Аттестат"):
            bs = f_dmy(bd) if x < 0.4 else ""
        elif doc == "Свидетельство о рождении":
            if sc == "kk":
                bs = kk_words(bd) if x < 0.4 else f"{f_dmy(bd)} ({kk_words(bd)})" if x < 0.7 else f_dmy(bd)
                n_kkwords += x < 0.7
            elif bd.year < 1992:
                bs = ru_words(bd, nominative=True) if x < 0.45 else f"{f_dmy(bd)} ({ru_words(bd)})" if x < 0.7 else f_dmy(bd)
                n_words += x < 0.7
            else:
                bs = f"{f_dmy(bd)} ({ru_words(bd)})" if x < 0.4 else f_dmy(bd)
                n_words += x < 0.4
        elif doc == "Свидетельство о браке":
            bs = f_dmy(bd) if x < 0.7 else ""
        else:
            bs = f_dmy(bd)
        # the Latin spelling the client asked for
        lat = ""
        if "немецкий" in lang:
            if q.people == "de" and rng.random() < 0.55:
                s_, f_ = nm.sur(q, d, "de"), nm.first(q, "de")
            else:
                s_, f_ = nm.sur(q, d, "duden"), nm.first(q, "duden")
            lat = f"{s_} {f_}" if rng.random() < 0.6 else f"{f_} {s_}"
        elif lang not in ("русский", "казахский"):
            lat = f"{nm.sur(q, d, 'icao')} {nm.first(q, 'icao')}".upper()
        phones = ",".join(r_["phone"] for r_ in recs if r_["phone"])
        iins = ",".join(r_["iin"] for r_ in recs if r_["iin"])
        if len(recs) > 1 and len([r_ for r_ in recs if r_["iin"]]) == 1:
            n_blank_iin_lookup += 1
        scans = ",".join(f"{fn} (https://dl.airtable.com/.attachments/{rng.getrandbits(64):016x}/{rng.getrandbits(32):08x}/{fn})"
                         for fn in rng.sample(["scan.pdf", "IMG_2041.jpg", "svid.jpg", "doc1.pdf", "photo_2023.jpg",
                                               "WhatsApp Image.jpeg"], rng.choice([1, 1, 2])))
        status = "Выдан" if d < D(2024, 12, 10) else "В работе"
        if rng.random() < 0.03:
            status = "Отменён"
        comment = rng.choice([""] * 14 + ["срочно", "оплата Kaspi", "Забрала мама\nоплата Kaspi", "звонить после 18:00",
                                          "перевод имени как в загранпаспорте", "повторный заказ"])
        price = {"немецкий": 6000, "русский": 3500}.get(lang, 5000) + (3000 if "," in lang else 0)
        row = [f"З-{d.year}-{per_year[d.year]:04d}", airtable_time(t), ",".join(r_["name"] for r_ in recs), phones, iins,
               doc, own, bs, lat, lang, "checked" if rng.random() < 0.7 else "",
               "checked" if lang not in ("русский", "казахский") and rng.random() < 0.35 else "", scans,
               rng.choice(TRANSLATORS), f"₸{price:,}.00", status, comment]
        w.writerow(row)
        for k, (c, r_) in enumerate(zip(cl, recs)):
            has_iin = bool(r_["iin"])
            ctx.t(FILE, str(rid) if k == 0 else f"{rid}#2", c, ev_of(has_iin, r_["ev"], None))
        n_c2 += len(cl) > 1
        ctx.t(FILE, f"{rid}#3", q, ev_of(False, "full", "full" if bs else None))
    ctx.files[FILE] = out.getvalue().encode("utf-8")
    ctx.stat_files[FILE] = {"rows": len(jobs), "clients": len(clients), "second_client_records": n_dup_clients,
                            "rows_with_two_clients": n_c2, "births_in_russian_words": n_words,
                            "births_in_kazakh_words": n_kkwords, "iin_lookup_with_a_blank_left_out": n_blank_iin_lookup,
                            "persons": len(jobs) * 2 + n_c2}


# ================================================================================================================
# 3. the national park's e-tickets (a Kafka topic in Avro's JSON encoding, dumped by kafka-avro-console-consumer)
# ================================================================================================================
GATES = ["КПП «Катарколь»", "КПП «Бурабай»", "КПП «Золотой бор»", "КПП «Акылбай»"]
PLATE_L = "ABCDEFHKLMNOPRSTUXYZ"


def avro_u(v, typ):
    """A union [null, typ] in Avro's JSON encoding."""
    return None if v is None else {typ: v}


def tickets(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "burabay_bilet.jsonl"
    trips = []
    for p in pop.persons:
        pr = 0.11 * p.vis
        if rng.random() >= min(0.55, pr):
            continue
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            y = rng.randint(2019, 2024)
            vd = D(y, rng.choice([5, 6, 6, 7, 7, 7, 8, 8, 8, 9]), rng.randint(1, 28))
            if y == 2020 and vd.month < 7:
                continue       # the park was closed in the spring of 2020
            if not pop.alive(p, vd) or not (20 <= age(p.birth, vd) <= 66) or pop.town_at(p, vd) is None:
                continue
            trips.append((vd, p))
    trips.sort(key=lambda t: (t[0], t[1].pid))
    msgs = []
    n_vis = 0
    habits = {}
    for vd, p in trips:
        dw = pop.home_at(p, vd)
        party = [p]
        sp = pop.spouse_at(p, vd)
        if sp is not None and pop.home_at(sp, vd) is dw and rng.random() < 0.7:
            party.append(sp)
        for c in p.children:
            if pop.alive(c, vd) and age(c.birth, vd) < 18 and pop.home_at(c, vd) is dw and rng.random() < 0.85:
                party.append(c)
        for par in (p.mother, p.father):
            if par is not None and pop.alive(par, vd) and pop.town_at(par, vd) and age(par.birth, vd) >= 60 \
                    and rng.random() < 0.15:
                party.append(par)
        buy = vd - dt.timedelta(days=rng.choice([0, 0, 0, 1, 2, 3, 7, 10]))
        chan = wpick(rng, [("WEB", 55), ("MOBILE", 20), ("KIOSK", 25)])
        if chan == "KIOSK":
            buy = vd
        hb = habits.get(p.pid)
        if hb is None:
            x = rng.random()
            hb = "ru" if x < 0.62 else "kk" if x < 0.78 and p.people == "kz" else "inf" if x < 0.95 else \
                ("l21" if p.people == "kz" else "ru")
            habits[p.pid] = hb
        sc = hb if not (hb == "l21" and vd < D(2021, 6, 1)) else "ru"
        # the buyer: signed in through eGov (the state database's name) or typed at the gate's kiosk
        if chan == "KIOSK":
            x = rng.random()
            bname = nm.first(p, "ru") if x < 0.5 else f"{nm.sur(p, buy, 'ru')} {nm.first(p, 'ru')[0]}." if x < 0.75 \
                else nm.full(p, buy, "ru", pat=False)
            bev = "first" if x < 0.5 else "initials" if x < 0.75 else "full"
            biin = None
        else:
            bname = nm.full(p, buy, "kk").upper()
            bev = "full"
            biin = F.iin(p.iin, FILE, 0.01)
        bname = F.name(bname, FILE) if chan == "KIOSK" else bname
        ph = pop.phone_at(p, buy)
        buyer = {"iin": avro_u(biin, "string"), "fullName": bname, "phone": avro_u("+7" + ph if ph else None, "string"),
                 "email": avro_u(f"{informal(nm.first(p, 'ru'), rng).lower()}{rng.randint(1, 99)}@mail.ru"
                                 if rng.random() < 0.3 and chan != "KIOSK" else None, "string")}
        vis = []
        persons = [(p, ev_of(bool(biin), bev, None))]
        for q in party:
            if q is p and rng.random() < 0.2:
                continue        # the buyer did not list himself
            a = age(q.birth, vd)
            pens = a >= (63 if q.sex == "M" else 61)
            if a < 16:
                cat = "CHILD"
            elif pens:
                cat = "PENSIONER"
            elif a <= 22 and rng.random() < 0.3:
                cat = "STUDENT"
            else:
                cat = "ADULT"
            x = rng.random()
            qsc = sc if sc != "l21" or q.people == "kz" else "ru"
            if q is p:
                t = nm.first(p, qsc, call=True) if x < 0.25 else \
                    nm.full(p, vd, qsc, pat=False, order=rng.choice(["FS", "SF"]), call=True)
                nev = "first" if x < 0.25 else "full"
            elif cat == "CHILD":
                t = nm.first(q, qsc, call=True) if x < 0.55 else \
                    nm.full(q, vd, qsc, pat=False, order=rng.choice(["FS", "SF"]), call=True)
                nev = "first" if x < 0.55 else "full"
            elif cat == "PENSIONER":
                if x < 0.06:
                    t, nev = rng.choice(["мама", "папа"]) if q in (p.mother, p.father) else nm.first(q, qsc), "first"
                else:
                    t, nev = nm.full(q, vd, qsc, pat=rng.random() < 0.4), "full"
            else:
                t = nm.first(q, qsc, call=True) if x < 0.35 else \
                    nm.full(q, vd, qsc, pat=False, order=rng.choice(["FS", "SF"]), call=True)
                nev = "first" if x < 0.35 else "full"
            t = F.name(t, FILE)
            if sc == "inf" and rng.random() < 0.3:
                t = t.lower()
            bd = None
            iin = None
            if cat in ("CHILD", "PENSIONER"):
                bd = (F.birth(q.birth, FILE) - EPOCH).days
            if cat == "PENSIONER" and (vd >= D(2022, 6, 1) or rng.random() < 0.5):
                iin = F.iin(q.iin, FILE)
                if rng.random() < 0.015:
                    iin = p.iin            # the buyer typed his own number into his mother's line
                    F.n[(FILE, "buyer_iin_on_pensioner")] += 1
            elif cat == "STUDENT":
                iin = F.iin(q.iin, FILE) if rng.random() < 0.7 else None
            elif cat == "ADULT" and rng.random() < 0.08:
                iin = F.iin(q.iin, FILE)
            vis.append({"name": t, "category": cat, "birthDate": avro_u(bd, "int"), "iin": avro_u(iin, "string")})
            own_iin = bool(iin) and iin != p.iin if q is not p else bool(iin)
            persons.append((q, ev_of(bool(iin), nev, "full" if bd is not None else None)))
        n_vis += len(vis)
        fee = (1500 if vd.year < 2022 else 2500)
        amount = sum(fee if v["category"] in ("ADULT", "STUDENT") else 500 if v["category"] == "CHILD" else 0
                     for v in vis) + 1000
        et = dt.datetime(buy.year, buy.month, buy.day, rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59))
        et_ms = int((et - dt.datetime(1970, 1, 1)).total_seconds() * 1000) - 5 * 3600 * 1000 + rng.randint(0, 999)
        plate = f"{rng.randint(1, 999):03d}{''.join(rng.choice(PLATE_L) for _ in range(3))}03" \
            if rng.random() < 0.8 else None
        oid = f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{rng.getrandbits(12):03x}-" \
              f"{rng.choice('89ab')}{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}"
        rec = {"orderId": oid, "eventType": "ORDER_PAID", "eventTime": et_ms, "channel": chan,
               "gate": rng.choice(GATES), "visitDate": (vd - EPOCH).days, "vehiclePlate": avro_u(plate, "string"),
               "buyer": {"kz.burabay.ticketing.Buyer": buyer}, "visitors": vis, "amountKzt": amount}
        msgs.append((et_ms, rec, persons))
        if rng.random() < 0.02:       # refunded: a second event with the same order
            r2 = dict(rec)
            r2["eventType"] = "ORDER_REFUNDED"
            r2["eventTime"] = et_ms + rng.randint(1, 5) * 86400000
            msgs.append((r2["eventTime"], r2, persons))
            F.n[(FILE, "refund_event")] += 1
    msgs.sort(key=lambda m: m[0])
    # three partitions; the consumer reads them in turns, a batch at a time; a few messages are delivered twice
    parts = defaultdict(list)
    for m in msgs:
        parts[rng.randrange(3)].append(m)
    order = []
    cursors = [0, 0, 0]
    while any(cursors[i] < len(parts[i]) for i in range(3)):
        for i in range(3):
            k = rng.randint(20, 160)
            chunk = parts[i][cursors[i]:cursors[i] + k]
            cursors[i] += k
            for m in chunk:
                order.append(m)
                if rng.random() < 0.03:
                    order.append(m)
                    F.n[(FILE, "redelivered")] += 1
    lines = []
    for rid, (_, rec, persons) in enumerate(order, start=1):
        lines.append(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
        for k, (q, ev) in enumerate(persons):
            ctx.t(FILE, str(rid) if k == 0 else f"{rid}#{k + 1}", q, ev)
    ctx.files[FILE] = ("\n".join(lines) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"lines": len(order), "orders": len(trips), "visitors_listed": sum(len(m[1]["visitors"]) for m in order),
                            "persons": sum(len(m[2]) for m in order)}


# ================================================================================================================
# 4. a genealogy (шежіре) community site's pages (a recursive JSON tree)
# ================================================================================================================
TOWN_L21 = {k: lat21(v[1]) for k, v in TOWNS.items()}


def shezhire(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "shezhire.json"
    founders = [p for p in pop.persons if p.lineage is not None]
    outsider_ids = {}
    pages = []

    def tr(s, latin):
        return lat21(s) if latin else s

    def mixed(latin, upd):
        """Nodes added by another member of the family, in the other script (only once the alphabet exists)."""
        if upd < D(2021, 3, 1):
            return False
        return latin if rng.random() > (0.2 if latin else 0.08) else not latin

    def person_node(q, upd, latin, seen_sons_only=False, slip=0.0):
        """A node for a person of the population: the name, perhaps the surname, the year or the day of birth, the
        wives, the children (sons with their own families; daughters alone)."""
        lat = mixed(latin, upd)
        sur = nm.sur(q, upd, "kk") if q.sex == "M" else nm.sur(q, q.birth, "kk")
        node = {"id": rng.randint(10000, 99999), "esımı": tr(q.first["kk"], lat)}
        has_sur = rng.random() < (0.75 if q.sex == "M" else 0.3)
        node["tegı"] = tr(sur, lat) if has_sur else None
        node["jynysy"] = "er" if q.sex == "M" else "äiel"
        b = q.birth
        if rng.random() < slip:
            b = b.replace(year=b.year + rng.choice([-1, 1])) if not (b.month == 2 and b.day == 29) else b
            F.n[(FILE, "year_misremembered")] += 1
        x = rng.random()
        bk = None
        if x < 0.30:
            node["tuğan_künı"] = f_dmy(b) if rng.random() < 0.8 else b.isoformat()
            node["tuğan_jyly"] = b.year
            bk = "full"
        elif x < 0.85:
            node["tuğan_jyly"] = b.year
            bk = "partial"
        if q.death and q.death <= upd:
            node["qaitys_bolğan_jyly"] = q.death.year
        t = pop.town_at(q, upd)
        if t and rng.random() < 0.6:
            node["mekenı"] = TOWN_L21[t] if lat else TOWNS[t][1]
        recs = [(q, ev_of(False, "full" if has_sur else "first", bk))]
        if q.sex == "M":
            wives = []
            for m in q.marriages:
                if m.start > upd or seen_sons_only and rng.random() < 0.5:
                    continue
                w = m.w
                wn = {"esımı": tr(w.first["kk"], lat)}
                y = rng.random()
                if y < 0.5:
                    wn["tegı"] = tr(nm.sur(w, m.start - dt.timedelta(days=1), "kk"), lat)      # her maiden name
                    wev = "full"
                elif y < 0.7:
                    wn["tegı"] = tr(nm.sur(w, upd, "kk"), lat)
                    wev = "full"
                else:
                    wev = "first"
                wb = None
                if rng.random() < 0.6:
                    wn["tuğan_jyly"] = w.birth.year
                    wb = "partial"
                if rng.random() < 0.4:
                    wn["törkını"] = rng.choice(["Қарауыл", "Атығай", "Керей", "Уақ", "Қыпшақ", "Найман", "Бәсентиін"])
                    if lat:
                        wn["törkını"] = lat21(wn["törkını"])
                if w.people != "kz":
                    wn["ūlty"] = {"ru": "orys" if lat else "орыс", "ua": "ukrain" if lat else "украин",
                                  "de": "nemıs" if lat else "неміс", "ing": "inguş" if lat else "ингуш"}[w.people]
                wives.append((wn, w, ev_of(False, wev, wb)))
            if wives:
                node["jūbaiy"] = [x[0] for x in wives]
            kids = sorted([c for c in q.children if c.father is q and c.birth <= upd], key=lambda c: c.birth)
            if seen_sons_only:
                kids = [c for c in kids if c.sex == "M"]
            sub = []
            for w_ in wives:
                recs.append((w_[1], w_[2]))
            for c in kids:
                cn, crecs = person_node(c, upd, latin, seen_sons_only, slip)
                sub.append(cn)
                recs.extend(crecs)
            if sub:
                node["balalary"] = sub
        return node, recs

    def outsider_node(key, name, by, dy, latin, upd):
        lat = mixed(latin, upd)
        node = {"id": rng.randint(10000, 99999), "esımı": tr(name, lat), "tegı": None, "jynysy": "er"}
        bk = None
        if by and rng.random() < 0.6:
            node["tuğan_jyly"] = by
            bk = "partial"
        if dy and dy <= upd.year and rng.random() < 0.5:
            node["qaitys_bolğan_jyly"] = dy
        return node, [(key, ev_of(False, "first", bk))]

    for h in founders:
        if rng.random() >= min(0.6, 0.35 * (0.6 + 0.4 * h.vis)):
            continue
        for dup in (False, True):
            if dup and rng.random() >= 0.10:
                break
            upd = rdate(rng, D(2018, 1, 1), D(2024, 11, 30))
            latin = rng.random() < (0.35 if upd >= D(2021, 3, 1) else 0.0)
            if dup:
                latin = not latin if upd >= D(2021, 3, 1) else False
            L = h.lineage
            key = h.pid
            recs = []
            # the founder's father and his sons
            fnode, frecs = outsider_node((key, "father"), L["father"], L["father_birth"], L["father_death"], latin, upd)
            sons = [("pop", h.birth.year, h)] + [("out", by, (nm_, by)) for nm_, by in L["brothers"]]
            sons.sort(key=lambda s: s[1])
            fsub = []
            fsub_recs = []
            for kind, _, obj in sons:
                if kind == "pop":
                    n_, r_ = person_node(obj, upd, latin, dup, 0.08 if dup else 0.0)
                else:
                    n_, r_ = outsider_node((key, "brother", obj[0]), obj[0], obj[1], None, latin, upd)
                fsub.append(n_)
                fsub_recs.extend(r_)
            fnode["balalary"] = fsub
            if dup or rng.random() < 0.35:
                root, rrecs = fnode, frecs + fsub_recs      # the page begins with the founder's father
            else:
                root, rrecs0 = outsider_node((key, "grand"), L["grand"], L["grand_birth"], L["grand_death"], latin, upd)
                gsub = []
                gsub_recs = []
                branch = [(L["father_birth"], fnode, frecs + fsub_recs)]
                for un, ub, cous in L["uncles"]:
                    un_node, un_recs = outsider_node((key, "uncle", un), un, ub, None, latin, upd)
                    csub = []
                    for cn, cb in cous:
                        cnode, crecs = outsider_node((key, "cousin", un, cn), cn, cb, None, latin, upd)
                        csub.append(cnode)
                        un_recs = un_recs + crecs
                    if csub:
                        un_node["balalary"] = csub
                    branch.append((ub, un_node, un_recs))
                branch.sort(key=lambda b: b[0])
                for _, n_, r_ in branch:
                    gsub.append(n_)
                    gsub_recs.extend(r_)
                root["balalary"] = gsub
                rrecs = rrecs0 + gsub_recs
            page = {"bet_id": rng.randint(1000, 9999),
                    "ru": lat21(L["ru"]) if latin else L["ru"], "taraq": lat21(L["taraq"]) if latin else L["taraq"],
                    "qosqan": rng.choice(["admin", "nurlan_85", "aigerim.k", "qazaq_shejire", "serik1962", "baurzhan_kz",
                                          "Ерлан", "Айгүл Ж.", "user" + str(rng.randint(100, 9999))]),
                    "jañartylğan": upd.isoformat(), "tüp_ata": root}
            pages.append((page, rrecs))
            if dup:
                F.n[(FILE, "branch_on_a_second_page")] += 1
    # the export lists the pages by their id
    pages.sort(key=lambda pg: pg[0]["bet_id"])
    n_pop = n_out = 0
    for rid, (page, recs) in enumerate(pages, start=1):
        for k, (q, ev) in enumerate(recs):
            r = str(rid) if k == 0 else f"{rid}#{k + 1}"
            if isinstance(q, Person):
                ctx.t(FILE, r, q, ev)
                n_pop += 1
            else:
                if q not in outsider_ids:
                    ctx.outsiders += 1
                    outsider_ids[q] = "X%05d" % ctx.outsiders
                ctx.truth.append((FILE, r, outsider_ids[q]))
                ctx.evidence[FILE][ev] += 1
                n_out += 1
    doc = [pg for pg, _ in pages]
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    ctx.stat_files[FILE] = {"pages": len(pages), "persons_of_the_population": n_pop, "forefathers_and_kin_elsewhere": n_out,
                            "persons": n_pop + n_out}


# ================================================================================================================
# 5. grain receipts sent by three elevators to the receipts registry (pipe-separated lines of four kinds)
# ================================================================================================================
ELEVATORS = [("ТОО \"Атбасар Астык Терминал\"", ("atb", "esl")), ("ТОО \"Акколь Элеватор\"", ("akk", "zer", "bur")),
             ("ТОО \"Степняк Дан\"", ("ere", "stn", "mak"))]
FARM_WORDS = ["Береке", "Ынтымак", "Достык", "Агро-Нур", "Жана-Жол", "Колос", "Нива", "Заря", "Рассвет", "Ак-Бидай",
              "Алтын Дан", "Сункар", "Родник", "Байтерек", "Жулдыз", "Кайнар"]
CROPS = [("ПШЕНИЦА МЯГКАЯ", ["3", "3", "4", "5"], 60), ("ЯЧМЕНЬ", ["2", "3", ""], 15), ("ОВЕС", ["2", "3"], 8),
         ("ЛЕН МАСЛИЧНЫЙ", [""], 10), ("РАПС", [""], 7)]


def grain(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "astyq_qolhat.txt"
    farms = []
    for p in pop.persons:
        if p.sex != "M" and rng.random() > 0.08:
            continue
        d0 = rdate(rng, D(2004, 1, 1), D(2021, 12, 31))
        if not pop.alive(p, d0) or not (30 <= age(p.birth, d0) <= 68) or pop.town_at(p, d0) not in GRAIN:
            continue
        if rng.random() >= min(0.5, 0.22 * p.vis):
            continue
        x = rng.random()
        if x < 0.5:
            fname, kind = f"КХ \"{rng.choice(FARM_WORDS)}\"", "КХ"
        elif x < 0.8:
            fname, kind = f"КХ \"{nm.sur(p, d0, 'ru')}\"", "КХ"
        else:
            fname, kind = None, "ИП"
        farms.append({"head": p, "start": d0, "name": fname, "kind": kind, "town": pop.town_at(p, d0),
                      "iin": p.iin, "ip_style": rng.random() < 0.6})
    recs = defaultdict(list)     # elevator -> [(date, farm snapshot, head)]
    n_succ = n_stale_iin = 0
    for fm in farms:
        head = fm["head"]
        el = next(i for i, (_, towns) in enumerate(ELEVATORS) if fm["town"] in towns)
        y = max(2014, fm["start"].year)
        while y <= 2024:
            ok = pop.alive(head, D(y, 8, 1)) and age(head.birth, D(y, 8, 1)) <= 74
            if ok and age(head.birth, D(y, 8, 1)) >= 60 and rng.random() < 0.3:
                ok = False
            if not ok:
                sons = [c for c in head.children if c.sex == "M" and pop.alive(c, D(y, 8, 1))
                        and age(c.birth, D(y, 8, 1)) >= 22]
                if not sons or rng.random() < 0.3:
                    break
                new = rng.choice(sons)
                n_succ += 1
                if fm["kind"] == "КХ" and rng.random() < 0.4:
                    n_stale_iin += 1         # the farm's IIN in the registry is still the father's
                else:
                    fm["iin"] = new.iin
                head = new
                fm["ip_style"] = rng.random() < 0.6
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                d = D(y, 8, 20) + dt.timedelta(days=rng.randint(0, 72))
                recs[el].append((d, dict(fm), head))
            y += 1
    lines = []
    seq = 0
    n_a = 0
    for el, (ename, _) in enumerate(ELEVATORS):
        rows = sorted(recs[el], key=lambda r: (r[0], r[2].pid))
        ebin = f"{rng.randint(10, 99)}0{rng.randint(1, 12):02d}4{rng.randint(0, 99999):05d}0"
        block = []
        total = 0
        na = 0
        for d, fm, head in rows:
            seq += 1
            rno = f"ЗР-{el + 1:02d}-{d.year}-{seq:06d}"
            hfull = nm.full(head, d, "ru").upper()
            hinit = nm.initials(head, d, "ru").upper()
            if fm["kind"] == "ИП":
                dep = F.name(("ИП " + hfull) if fm["ip_style"] else ("ИП " + hinit), FILE, 0.01)
                hname = "" if rng.random() < 0.7 else F.name(hfull, FILE, 0.01)
                nev = "full" if fm["ip_style"] or hname else "initials"
            else:
                dep = fm["name"]
                hname = F.name(hfull if rng.random() < 0.85 else hinit, FILE, 0.01)
                nev = "initials" if hname.endswith(".") else "full"
            iin = F.iin(fm["iin"], FILE, 0.02) if rng.random() < 0.96 else ""
            hb = f_ymd(F.birth(head.birth, FILE)) if rng.random() < 0.65 else ""
            crop, classes, _ = wpick(rng, [(c, c[2]) for c in CROPS])
            kg = rng.randint(20, 900) * 1000 + rng.randint(0, 999)
            total += kg
            status = "ДЕЙСТВУЕТ" if d.year == 2024 and rng.random() < 0.6 else "ПОГАШЕНА"
            pledge = ""
            if rng.random() < 0.15:
                status, pledge = "В ЗАЛОГЕ", rng.choice(["АО \"Аграрная кредитная корпорация\"", "АО \"Халык Банк\"",
                                                         "АО \"Фонд финансовой поддержки сельского хозяйства\""])
            ph = pop.phone_at(head, d)
            block.append("|".join(["D", f"{seq:06d}", rno, f_ymd(d), fm["kind"], dep, iin, hname, hb, crop,
                                   rng.choice(classes), str(kg), status, pledge,
                                   phone_fmt(ph, "eight") if ph and rng.random() < 0.6 else ""]))
            own_iin = bool(iin) and fm["iin"] == head.iin
            ctx.t(FILE, str(seq), head, ev_of(own_iin, nev, "full" if hb else None))
            # the representative who signed for the depositor: a son, a brother, the wife, a hired agronomist
            if rng.random() < 0.30:
                cands = [c for c in head.children if pop.alive(c, d) and age(c.birth, d) >= 18]
                if head.father is not None:
                    cands += [b for b in head.father.children if b is not head and pop.alive(b, d) and b.sex == "M"
                              and age(b.birth, d) >= 18]
                sp = pop.spouse_at(head, d)
                if sp is not None:
                    cands.append(sp)
                if not cands or rng.random() < 0.06:
                    town = pop.town_at(head, d)
                    cands = [q for q in pop.persons if q.sex == "M" and pop.alive(q, d) and 22 <= age(q.birth, d) <= 60
                             and pop.town_at(q, d) == town and q is not head]
                if cands:
                    r = rng.choice(cands)
                    x = rng.random()
                    rn = nm.full(r, d, "ru").upper() if x < 0.75 else nm.initials(r, d, "ru").upper()
                    rb = f_ymd(F.birth(r.birth, FILE)) if rng.random() < 0.5 else ""
                    ri = F.iin(r.iin, FILE) if rng.random() < 0.6 else ""
                    rph = pop.phone_at(r, d)
                    dov = rdate(rng, d - dt.timedelta(days=300), d)
                    block.append("|".join(["A", f"{seq:06d}", rng.choice(["ПРЕДСТАВИТЕЛЬ", "ДОВЕРЕННОЕ ЛИЦО"]),
                                           F.name(rn, FILE, 0.01), rb, ri,
                                           f"ДОВ. № {rng.randint(1, 300)} ОТ {f_dmy(dov)}",
                                           phone_fmt(rph, "eight") if rph else ""]))
                    ctx.t(FILE, f"{seq}#2", r, ev_of(bool(ri), "full" if x < 0.75 else "initials",
                                                     "full" if rb else None))
                    na += 1
        n_a += na
        lines.append("|".join(["H", "ZRREG", "2.1", ebin, ename, "20241205", str(len(rows))]))
        lines.extend(block)
        lines.append("|".join(["T", str(len(rows)), str(na), str(total)]))
    ctx.files[FILE] = ("\r\n".join(lines) + "\r\n").encode("cp1251")
    ctx.stat_files[FILE] = {"receipts": seq, "representatives": n_a, "farms": len(farms), "successions": n_succ,
                            "farms_keeping_the_fathers_iin": n_stale_iin, "persons": seq + n_a}


# ================================================================================================================
# 6. a fitness club's memberships (a CRM's CSV read by Spark without its header and written as Parquet)
# ================================================================================================================
PLANS = [("Безлимит 12 мес", 365), ("Безлимит 6 мес", 182), ("Безлимит 3 мес", 91), ("Утро 3 мес", 91),
         ("Безлимит 1 мес", 30), ("Семейный 12 мес", 365), ("Бассейн 8 занятий", 30), ("Детский бассейн 12 занятий", 45),
         ("Детское плавание 3 мес", 91)]
BRANCHES = {"kok": ["Кокшетау, ул. Абая 96", "Кокшетау, мкр. Сарыарка 7"], "shc": ["Щучинск, ул. Абылай хана 12"]}
SPORT_HDR = ["Фам.", "Имя", "Отч.", "Д.р.", "Пол", "Тел.", "ИИН", "Абонемент", "Нач.", "Оконч.", "Замор.",
             "Плательщик", "Тел. плат.", "Тренер", "Филиал", "Комм."]


def fitness(ctx):
    import pyarrow as pa
    import pyarrow.parquet as pq
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "sport_klub.parquet"
    trainers = [f"{n} {rng.choice('АБЕЖКМНСТ')}." for n in ["Ерлан", "Дмитрий", "Айгерим", "Ольга", "Тимур", "Асель"]]
    rows = []
    cards = {}
    n_cards2 = 0
    for p in pop.persons:
        s = rdate(rng, D(2017, 1, 10), D(2024, 10, 31))
        t = pop.town_at(p, s)
        if t not in BRANCHES or not pop.alive(p, s):
            continue
        a = age(p.birth, s)
        kid = 6 <= a <= 15
        if not kid and not (16 <= a <= 62):
            continue
        pr = (0.09 if kid else 0.20 * (1.1 if p.sex == "F" else 1.0)) * p.vis
        if rng.random() >= min(0.5, pr):
            continue
        branch = rng.choice(BRANCHES[t])
        d = s
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
            if d > D(2024, 11, 30) or not pop.alive(p, d) or pop.town_at(p, d) != t:
                break
            if kid and age(p.birth, d) > 15:
                break
            plan = rng.choice([x for x in PLANS if ("Дет" in x[0]) == kid and not (kid and "Семейный" in x[0])])
            key = p.pid
            if key not in cards or rng.random() < 0.05:
                if key in cards:
                    n_cards2 += 1
                    F.n[(FILE, "second_client_card")] += 1
                x = rng.random()
                sc = "ru" if x < 0.75 else ("kk" if p.people == "kz" and x < 0.85 else "inf" if x >= 0.85 else "ru")
                is_short = rng.random() < 0.15 and not kid and (p.first["ru"] in SHORT or "call" in p.first)
                first = nm.short(p, "inf" if sc == "inf" else "ru") if is_short else nm.first(p, sc, call=True)
                if is_short:
                    F.n[(FILE, "short_form")] += 1
                cards[key] = {"sur": F.name(nm.sur(p, d, sc), FILE), "first": F.name(first, FILE), "short": is_short,
                              "pat": nm.pat(p, "ru") if sc == "ru" and rng.random() < 0.2 else None,
                              "birth": F.birth(p.birth, FILE) if rng.random() < 0.88 else None,
                              "iso": sc == "inf", "iin": F.iin(p.iin, FILE) if rng.random() < (0.3 if not kid else 0.1) else None,
                              "phone": pop.phone_at(p, d)}
            cd = cards[key]
            end = d + dt.timedelta(days=plan[1])
            payer = None
            pay_t = None
            pay_ev = None
            if kid:
                pars = [x for x in (p.mother, p.father) if x is not None and pop.alive(x, d) and pop.town_at(x, d)]
                if pars:
                    payer = pars[0] if rng.random() < 0.7 else pars[-1]
            else:
                y = rng.random()
                sp = pop.spouse_at(p, d)
                if y < 0.07:
                    payer = p
                elif y < 0.15 and sp is not None:
                    payer = sp
                elif y < 0.20:
                    pay_t = "сам"
            if payer is not None:
                y = rng.random()
                if y < 0.6:
                    pay_t, pay_ev = nm.full(payer, d, "ru", pat=False), "full"
                elif y < 0.85:
                    pay_t, pay_ev = nm.first(payer, "ru"), "first"
                else:
                    rel = "мама" if payer is p.mother else "папа" if payer is p.father else \
                        ("жена" if payer.sex == "F" else "муж") if payer is not p else None
                    pay_t = f"{rel} {nm.first(payer, 'ru')}" if rel else nm.full(payer, d, "ru", pat=False)
                    pay_ev = "first" if rel else "full"
                pay_t = F.name(pay_t, FILE)
            ph = cd["phone"]
            b = cd["birth"]
            bs = (b.isoformat() if cd["iso"] else f"{b.day:02d}.{b.month:02d}.{b.year % 100:02d}") if b else None
            pph = pop.phone_at(payer, d) if payer is not None else None
            rows.append((d, [cd["sur"], cd["first"], cd["pat"], bs, ("М" if p.sex == "M" else "Ж") if rng.random() < 0.9 else None,
                             phone_fmt(ph, "paren") if ph else None, cd["iin"], plan[0], f_dmy(d), f_dmy(end),
                             str(rng.choice([7, 14, 14, 30])) if rng.random() < 0.15 else None, pay_t,
                             phone_fmt(pph, "paren") if pph and rng.random() < 0.8 else None,
                             rng.choice(trainers) if rng.random() < 0.6 else None, branch,
                             rng.choice([None] * 12 + ["продление", "скидка 10%", "корп. ТОО Кокше-Строй", "перенос заморозки"])],
                         p, ev_of(bool(cd["iin"]), "full", "full" if b else None), payer, pay_ev))
            d = end + dt.timedelta(days=rng.randint(0, 200))
    rows.sort(key=lambda r: (r[0], r[2].pid))
    cols = [[h] for h in SPORT_HDR]        # the CSV's header read as the first row
    n_pay = 0
    for i, (d, vals, p, ev, payer, pay_ev) in enumerate(rows, start=2):
        for j, v in enumerate(vals):
            cols[j].append(v if v not in ("", None) else None)
        ctx.t(FILE, str(i), p, ev)
        if payer is not None:
            ctx.t(FILE, f"{i}#2", payer, ev_of(False, pay_ev, None))
            n_pay += 1
    names = [f"_c{j}" for j in range(len(SPORT_HDR))]
    spark_schema = {"type": "struct", "fields": [{"name": n, "type": "string", "nullable": True, "metadata": {}}
                                                 for n in names]}
    table = pa.table({n: pa.array(c, type=pa.string()) for n, c in zip(names, cols)})
    table = table.replace_schema_metadata({b"org.apache.spark.version": b"3.3.2",
                                           b"org.apache.spark.sql.parquet.row.metadata":
                                               json.dumps(spark_schema, separators=(",", ":")).encode()})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="snappy")
    ctx.files[FILE] = buf.getvalue()
    ctx.stat_files[FILE] = {"rows_with_the_header": len(rows) + 1, "memberships": len(rows), "members": len(cards),
                            "second_client_cards": n_cards2, "payers": n_pay, "persons": len(rows) + n_pay}


# ================================================================================================================
# 7. the traffic police's administrative fines (Spring Data pages appended by a curl loop: JSON back to back)
# ================================================================================================================
ARTICLES = [("592-1", "Превышение установленной скорости движения на 10-20 км/ч", 5, 45),
            ("592-2", "Превышение установленной скорости движения на 20-40 км/ч", 10, 20),
            ("596-1", "Нарушение правил проезда перекрёстков", 10, 8), ("590-2", "Управление ТС без полиса ОГПО", 5, 6),
            ("597-1", "Нарушение правил остановки и стоянки", 3, 10), ("611-1", "Непристёгнутый ремень безопасности", 3, 6),
            ("599-1", "Выезд на полосу встречного движения", 20, 5)]
ROADS = ["а/д Р-7 Кокшетау – Щучинск, {} км", "а/д Астана – Петропавловск, {} км", "г. Кокшетау, ул. Абая",
         "г. Кокшетау, ул. Ауельбекова", "г. Степногорск, пр. Сары-Арка", "а/д Кокшетау – Атбасар, {} км",
         "г. Щучинск, ул. Абылай хана", "п. Бурабай, ул. Кенесары", "а/д Астана – Степногорск, {} км"]
MRP = {2016: 2121, 2017: 2269, 2018: 2405, 2019: 2525, 2020: 2778, 2021: 2917, 2022: 3063, 2023: 3450, 2024: 3692}


def fines(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "aiyppul.json"
    licences = {}
    items = []
    for p in pop.persons:
        pr = (0.24 if p.sex == "M" else 0.08) * p.vis
        if rng.random() >= min(0.6, pr):
            continue
        car_from = rdate(rng, max(yrs(p.birth, 20), D(2010, 1, 1)), D(2023, 6, 30))
        plate = f"{rng.randint(1, 999):03d}{''.join(rng.choice(PLATE_L) for _ in range(3))}03"
        brand = rng.choice(["TOYOTA CAMRY", "LADA GRANTA", "HYUNDAI ACCENT", "LADA VESTA", "VOLKSWAGEN POLO",
                            "KIA RIO", "TOYOTA LAND CRUISER PRADO", "CHEVROLET COBALT", "MITSUBISHI OUTLANDER",
                            "AUDI 80", "OPEL VECTRA", "HYUNDAI ELANTRA", "NIVA 2121"])
        n = min(6, sum(1 for _ in range(8) if rng.random() < 0.085 * min(2.0, p.vis)))
        for _ in range(n):
            d = rdate(rng, max(car_from, D(2016, 1, 1)), D(2024, 11, 30))
            if not pop.alive(p, d) or pop.town_at(p, d) is None or age(p.birth, d) > 80:
                continue
            items.append((d, p, plate, brand))
    items.sort(key=lambda x: (x[0], x[1].pid))
    officers = [f"{rng.choice(['лейтенант полиции', 'ст. лейтенант полиции', 'капитан полиции', 'майор полиции'])} "
                f"{ctx.official(0.8)}" for _ in range(8)]
    content = []
    n_drv = 0
    for k, (d, p, plate, brand) in enumerate(items, start=1):
        t = dt.datetime(d.year, d.month, d.day, rng.randint(6, 23), rng.randint(0, 59), rng.randint(0, 59))
        art = wpick(rng, [(a, a[3]) for a in ARTICLES])
        src = "CAMERA" if art[0].startswith("592") and rng.random() < 0.8 else "PATROL"
        a = pop.addr_at(p, d)
        owner = {"iin": F.iin(p.iin, FILE, 0.01) if rng.random() < 0.98 else None,
                 "lastName": F.name(nm.sur(p, d, "ru").upper(), FILE, 0.008), "firstName": nm.first(p, "ru").upper(),
                 "middleName": (nm.pat(p, "ru") or "").upper() or None if rng.random() < 0.95 else None,
                 "birthDate": p.birth.isoformat() if rng.random() < 0.97 else None,
                 "registrationAddress": addr_ru(a, "full", d=d).upper() if a else None}
        persons = [(p, ev_of(bool(owner["iin"]), "full", "full" if owner["birthDate"] else None))]
        drv = None
        if src == "PATROL":
            q = p
            cands = []
            sp = pop.spouse_at(p, d)
            if sp is not None and pop.alive(sp, d) and pop.home_at(sp, d) is pop.home_at(p, d):
                cands.append(sp)
            cands += [c for c in p.children if pop.alive(c, d) and 18 <= age(c.birth, d) and pop.town_at(c, d)]
            if cands and rng.random() < 0.4:
                q = rng.choice(cands)
            if q.pid not in licences:
                licences[q.pid] = f"{rng.choice(['AA', 'AB', 'AC', 'KZ'])} {rng.randint(100000, 999999)}"
            x = rng.random()
            if x < 0.6:
                fio, nev = nm.full(q, d, "ru"), "full"
            else:
                fio, nev = nm.initials(q, d, "ru").upper(), "initials"
                fio = fio.split(" ")[0] + " " + fio.split(" ", 1)[1]
            qb = F.birth(q.birth, FILE)
            qi = F.iin(q.iin, FILE) if rng.random() < 0.7 else None
            drv = {"fullName": F.name(fio, FILE), "birthDate": f_dmy(qb) if rng.random() < 0.85 else None, "iin": qi,
                   "driverLicense": licences[q.pid],
                   "phone": phone_fmt(pop.phone_at(q, d), "eight") if pop.phone_at(q, d) and rng.random() < 0.5 else None}
            persons.append((q, ev_of(bool(qi), nev, "full" if drv["birthDate"] else None)))
            n_drv += 1
        mrp = MRP.get(d.year, 3692)
        rd = rng.choice(ROADS)
        item = {"id": 400000 + k * 7 + rng.randint(0, 6),
                "protocolNumber": f"11{d.year % 100:02d}{rng.randint(1, 99):02d}{k:07d}",
                "registeredAt": t.strftime("%Y-%m-%dT%H:%M:%S") + ".000+0600",
                "article": {"code": art[0], "title": art[1]}, "source": src,
                "location": rd.format(rng.randint(2, 180)) if "{}" in rd else rd,
                "vehicle": {"grnz": plate, "brand": brand, "owner": owner},
                "violator": drv,
                "fine": {"mrp": art[2], "amount": art[2] * mrp, "discount50": rng.random() < 0.4},
                "status": rng.choice(["PAID", "PAID", "PAID", "UNPAID", "ENFORCEMENT"]) if d.year < 2024 else
                rng.choice(["PAID", "UNPAID"]),
                "officer": None if src == "CAMERA" else {"fullName": rng.choice(officers)}}
        content.append((item, persons))
    size = 100
    pages = [content[i:i + size] for i in range(0, len(content), size)]
    total = len(content)
    order = []
    rep = rng.randrange(1, max(2, len(pages) - 1))
    for i, pg in enumerate(pages):
        order.append(i)
        if i == rep:
            order.append(i)        # the loop fetched this page again after a timeout, and appended it again
    out = []
    rid = 0
    for i in order:
        pg = pages[i]
        sort = {"empty": False, "sorted": True, "unsorted": False}
        doc = {"content": [it for it, _ in pg],
               "pageable": {"sort": sort, "offset": i * size, "pageNumber": i, "pageSize": size, "paged": True,
                            "unpaged": False},
               "last": i == len(pages) - 1, "totalPages": len(pages), "totalElements": total, "size": size, "number": i,
               "sort": sort, "first": i == 0, "numberOfElements": len(pg), "empty": False}
        out.append(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
        for it, persons in pg:
            rid += 1
            for k, (q, ev) in enumerate(persons):
                ctx.t(FILE, str(rid) if k == 0 else f"{rid}#2", q, ev)
    ctx.files[FILE] = "".join(out).encode("utf-8")
    ctx.stat_files[FILE] = {"items_in_file": rid, "fines": total, "pages": len(pages), "page_fetched_twice": rep + 1,
                            "violators": n_drv, "persons": sum(len(content[j][1]) for j in range(total)) +
                            sum(len(x[1]) for x in pages[rep])}


# ================================================================================================================
# 8. an internet provider's subscriber cards (a billing system's cards printed to Excel: label/value blocks)
# ================================================================================================================
TARIFFS = ["Домашний 30 Мбит/с", "Оптимальный 60 Мбит/с", "Оптимальный 100 Мбит/с", "Максимум 300 Мбит/с",
           "ADSL 8 Мбит/с", "Домашний + ТВ"]


def internet(ctx):
    import openpyxl
    from openpyxl.styles import Font
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "internet_abonent.xlsx"
    contracts = []
    for dw in pop.dws:
        a0 = dw.addrs[0][1]
        if a0 is None:
            continue
        res_ever = list(pop.ever.get(dw.did, {}).values())
        if not res_ever:
            continue
        vis = max(p.vis for p in res_ever)
        if rng.random() >= min(0.8, 0.42 * vis):
            continue
        start = max(dw.created, D(2008, 1, 1)) + dt.timedelta(days=rng.randint(0, 2500))
        # the dwelling's addresses over time: a contract per address, in the provider's towns
        spans = []
        for i, (t0, a) in enumerate(dw.addrs):
            t1 = dw.addrs[i + 1][0] if i + 1 < len(dw.addrs) else None
            spans.append((t0, t1, a))
        subscriber = None
        for t0, t1, a in spans:
            if a is None or a.town not in ("kok", "stp", "shc"):
                continue
            d = max(t0, start)
            if t1 is not None and d >= t1:
                continue
            if d > D(2024, 11, 30):
                continue
            adults = [p for p in pop.residents(dw, d) if age(p.birth, d) >= 18]
            if not adults:
                continue
            if subscriber is None or subscriber not in adults or rng.random() < 0.25:
                men = [p for p in adults if p.sex == "M"]
                subscriber = rng.choice(men) if men and rng.random() < 0.6 else rng.choice(adults)
            end = t1
            if subscriber.death and (end is None or subscriber.death < end) and rng.random() < 0.5:
                end = None          # the contract stays in the dead subscriber's name
            contracts.append((d, subscriber, dw, a, end))
            if end is None and rng.random() < 0.05:
                d2 = rdate(rng, d + dt.timedelta(days=400), D(2024, 11, 30))
                if d2 > d:          # re-signed after a debt: a new account, the same subscriber and address
                    contracts.append((d2, subscriber, dw, a, None))
                    F.n[(FILE, "re_signed")] += 1
    contracts.sort(key=lambda c: (c[0], c[1].pid))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Карточки"
    ws["A1"] = "ТОО «Кокше Телеком». Карточки абонентов"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Сформировано: 05.12.2024 09:14   Оператор: billing_export"
    r = 4
    n_ct = 0
    acc = rng.randint(100000, 200000)
    for k, (d, p, dw, a, end) in enumerate(contracts, start=1):
        acc += rng.randint(1, 9)
        x = rng.random()
        if x < 0.8:
            name, nev = nm.full(p, d, "ru"), "full"
        elif x < 0.9:
            name, nev = nm.full(p, d, "ru", pat=False), "full"
        else:
            name, nev = nm.full(p, d, "kk" if p.people == "kz" else "ru"), "full"
        if rng.random() < 0.1:
            name = name.upper()
        name = F.name(name, FILE)
        b = F.birth(p.birth, FILE)
        y = rng.random()
        iin = F.iin(p.iin, FILE) if rng.random() < 0.85 else None
        status = "Активен" if end is None or end > D(2024, 12, 5) else f"Расторгнут {f_dmy(end)}"
        ph = pop.phone_at(p, d)
        c = ws.cell(r, 1, "Карточка абонента")
        c.font = Font(bold=True)
        ws.cell(r, 2, f"Л/с {acc}")
        r += 1
        ws.cell(r, 1, "Абонент")
        ws.cell(r, 2, name)
        r += 1
        ws.cell(r, 1, "Дата рождения")
        if y < 0.65:
            ws.cell(r, 2, b).number_format = "DD.MM.YYYY"
        elif y < 0.9:
            ws.cell(r, 2, f_dmy(b))
        r += 1
        ws.cell(r, 1, "ИИН")
        if iin:
            if rng.random() < 0.4:
                ws.cell(r, 2, int(iin))          # a number cell: Excel shows 8,50312E+11
            else:
                ws.cell(r, 2, iin)
        r += 1
        ws.cell(r, 1, "Документ")
        ws.cell(r, 2, f"Удостоверение личности № 0{rng.randint(10000000, 99999999)} от "
                      f"{f_dmy(rdate(rng, max(yrs(p.birth, 16), D(2000, 1, 1)), d))}, МВД РК" if rng.random() < 0.9 else
                      f"Паспорт РК N{rng.randint(1000000, 9999999)}")
        r += 1
        ws.cell(r, 1, "Адрес подключения")
        ws.cell(r, 2, addr_ru(a, "full", d=d))
        r += 1
        ws.cell(r, 1, "Тариф")
        ws.cell(r, 2, rng.choice(TARIFFS[4:] if d.year < 2013 else TARIFFS[:4] + TARIFFS[5:]))
        r += 1
        ws.cell(r, 1, "Дата подключения")
        ws.cell(r, 2, f_dmy(d))
        r += 1
        ws.cell(r, 1, "Статус")
        ws.cell(r, 2, status)
        r += 1
        ws.cell(r, 1, "Моб. телефон")
        ws.cell(r, 2, phone_fmt(ph, "spaced8") if ph else None)
        r += 1
        ws.cell(r, 1, "Контактное лицо")
        ctx.t(FILE, str(k), p, ev_of(bool(iin), nev, "full" if y < 0.9 else None))
        # the contact: another adult of the home, a grown child, a parent
        cands = [q for q in pop.residents(dw, d) if q is not p and age(q.birth, d) >= 16]
        cands += [q for q in (p.mother, p.father) if q is not None and pop.alive(q, d) and pop.town_at(q, d)
                  and q not in cands]
        if cands and rng.random() < 0.6:
            q = rng.choice(cands)
            rel = rel_ru(relation(pop, p, q, d), q.sex)
            qph = pop.phone_at(q, d)
            qp = phone_fmt(qph, rng.choice(["eight", "spaced8", "plus"])) if qph else ""
            z = rng.random()
            if z < 0.4:
                t, cev = f"{nm.full(q, d, 'ru', pat=False)} ({rel}) {qp}", "full"
            elif z < 0.65:
                t, cev = f"{rel} {nm.first(q, 'ru', call=True)} {qp}", "first"
            elif z < 0.8:
                t, cev = f"{nm.first(q, 'ru')} {nm.pat(q, 'ru') or ''}, {rel}, {qp}".replace(" ,", ","), "first"
            else:
                t, cev = f"{nm.initials(q, d, 'ru')} {qp}", "initials"
            ws.cell(r, 2, F.name(t.strip(), FILE))
            ctx.t(FILE, f"{k}#2", q, ev_of(False, cev, None))
            n_ct += 1
        r += 2
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60
    wb.properties.creator = "billing"
    wb.properties.created = dt.datetime(2024, 12, 5, 9, 14, 0)
    wb.properties.modified = dt.datetime(2024, 12, 5, 9, 14, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue(), "2024-12-05T09:14:00Z", (2024, 12, 5, 9, 14, 0))
    ctx.stat_files[FILE] = {"cards": len(contracts), "subscribers": len({c[1].pid for c in contracts}),
                            "contacts": n_ct, "persons": len(contracts) + n_ct}


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
    firearms(ctx)
    translations(ctx)
    tickets(ctx)
    shezhire(ctx)
    grain(ctx)
    fitness(ctx)
    fines(ctx)
    internet(ctx)
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
        "ingush_compound_names": sum(1 for p in pop.persons if "call" in p.first),
        "records": len(ctx.truth),
        "persons_in_extracts": len([x for x in by_person if x.startswith("P")]),
        "outsiders_in_extracts": len([x for x in by_person if x.startswith("X")]),
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
