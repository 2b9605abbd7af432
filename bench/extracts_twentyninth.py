#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A twenty-ninth linkage writer's generator, written apart from the project (from the linkage issue's text, the
# README's linkage part, `ukimet link --help`, extracts_twentyeighth.md and extracts_twentyeighth.py alone), kept as
# its writer wrote it.
"""Nine extracts of Ulytau region (Zhezkazgan, Satpayev, Karazhal, Zhairem and the Ulytau and Zhanaarka villages),
of Shymkent families whose men work on rotation in Ulytau, and of those who moved to Astana, with their truth.

python bench/extracts_twentyninth.py --seed S --out DIR [--persons N]

Writes, in DIR:
  profosmotr_kalendar.txt  a medical centre's Google Calendar of periodic occupational medical examinations of mine
                           and plant workers (an iCalendar export: VEVENTs, folded lines, `\\,` and `\\n` escapes; a
                           brigade's event lists its members by number)
  vahta_zhairem.tsv        a shift camp's stays of rotation workers at the Zhairem mining plant (sqlcmd's output of a
                           SQL Server query: a context line, the header, a line of dashes, NULL, `(N rows affected)`)
  izhs_kezek.csv           the akimats' queue for land plots for individual housing; the applicant written in the
                           Kazakh ablative under `Кімнен` ("from whom": `Ахметов Нұрлан Серікұлынан`)
  gsk_reestr.xlsx          two garage cooperatives' member ledgers, a sheet each, identity facts in Excel cell notes
  olmes_polk.xls           the "Immortal Regiment" submissions of 2015-2024 (a workbook in the xlsx format under an .xls
                           name; each year's block with its own title and header, Russian until 2019, Kazakh after)
  kures_tirkeu.json        a Kazakh wrestling federation's registration chat (a Telegram Desktop export: messages whose
                           text is a list of plain strings and entities)
  enbek_aulet.jsonl        a mining company museum's pages of labour dynasties as scraped JSON-LD (schema.org Person
                           with spouse and children), a line per page, a dynasty in Kazakh and again in Russian
  aqtau_hattar.txt         the rehabilitation commission's mailbox (an mbox: MIME encoded-word headers, base64 and
                           quoted-printable bodies), descendants' applications for the repressed
  skrining_pseudo.parquet  the screening register, pseudonymised for statistics: masked names (`А*****в Н****н`),
                           masked IINs (`850312*****7`), a salted hash of the IIN
  truth.csv                file,record_id,person_id
  stats.json               counts
Deterministic per seed (stdlib random only; fixed zip times and document properties).
"""
from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import hashlib
import io
import json
import os
import quopri
import random
import re
import zipfile
from collections import Counter, defaultdict

D = dt.date
END = D(2024, 12, 31)

# ----------------------------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------------------------
KZ_M = {
    0: "Жұмабай Сейітжан Қасым Әбдірахман Мұқан Бейсен Тұрсын Қабдолла Сағынтай Әлімжан Мырзағали Жақып Омар "
       "Оразбай Кенжебек Ахметжан Серікбай Құдайберген Байқадам Әбілқайыр Жүнісбек Тоқтамыс Есентай Мағзұм".split(),
    1: "Серік Қайрат Ерлан Нұрлан Бауыржан Асқар Марат Талғат Ержан Мұрат Жанат Ғалым Дәурен Азамат Қанат Болат "
       "Ерболат Руслан Ермек Дәулет Сәкен Бақыт Мейрам Ербол Арман Бахытжан".split(),
    2: "Нұрсұлтан Алихан Ерасыл Нұрасыл Дархан Ерназар Айбар Ақжол Санжар Диас Мирас Әли Ислам Алдияр Бекзат "
       "Темірлан Абылай Рамазан Жандос Ерсұлтан Асылбек Нұрбол".split(),
}
KZ_F = {
    0: "Бибігүл Күләш Зәуре Рабиға Мәриям Шолпан Балқия Айман Ұлжан Зағипа Раушан Сара Қанипа Алтынай Гүлсім Жамал "
       "Бәтима Күлпаш Нағима".split(),
    1: "Гүлнар Айгүл Жанар Сәуле Гүлмира Салтанат Ләззат Динара Әсел Жазира Ақмарал Гүлжан Жанна Роза Назгүл Айнұр "
       "Гаухар Шынар Меруерт Ботагөз Қарлығаш".split(),
    2: "Аружан Айару Ақбота Мөлдір Аяулым Дана Томирис Жансая Әйгерім Назерке Айзере Камила Мадина Ақерке Жанерке "
       "Дильназ Балнұр Сымбат".split(),
}
KZ_NAME_RU = {"Сейітжан": "Сеитжан", "Тұрсын": "Турсун", "Қабдолла": "Кабдулла", "Сағынтай": "Сагинтай",
              "Жақып": "Жакуп", "Әбілқайыр": "Абулхаир", "Жүнісбек": "Жунусбек", "Мағзұм": "Магзум",
              "Бибігүл": "Бибигуль", "Күләш": "Куляш", "Мәриям": "Марьям", "Гүлсім": "Гульсим", "Күлпаш": "Кульпаш",
              "Гүлнар": "Гульнар", "Айгүл": "Айгуль", "Гүлмира": "Гульмира", "Ләззат": "Ляззат", "Әсел": "Асель",
              "Гүлжан": "Гульжан", "Назгүл": "Назгуль", "Ботагөз": "Ботагоз", "Мөлдір": "Молдир",
              "Әйгерім": "Айгерим", "Ерсұлтан": "Ерсултан"}
# Soviet clerks wrote some old names otherwise again (the archives, the war's lists)
KZ_NAME_SOVIET = {"Сейітжан": "Сейтжан", "Жұмабай": "Джумабай", "Жақып": "Джакуп", "Жүнісбек": "Джунусбек",
                  "Құдайберген": "Кудайберген", "Әбдірахман": "Абдрахман", "Мұқан": "Мукан", "Әлімжан": "Алимжан",
                  "Қасым": "Касым", "Тоқтамыс": "Токтамыс", "Оразбай": "Оразбай", "Бейсен": "Бейсен"}

SUR_KZ = [("Жақыпов", "Жакупов"), ("Тоқтаров", "Токтаров"), ("Әлиханов", "Алиханов"), ("Қожахметов", "Кожахметов"),
          ("Ыбыраев", "Ибраев"), ("Байтенов", "Байтенов"), ("Кәрімов", "Каримов"), ("Омаров", "Омаров"),
          ("Сұлтанов", "Султанов"), ("Есенов", "Есенов"), ("Мұқанов", "Муканов"), ("Жүнісов", "Жунусов"),
          ("Сағындықов", "Сагиндыков"), ("Рақымжанов", "Рахимжанов"), ("Қасенов", "Касенов"), ("Бектұров", "Бектуров"),
          ("Нұрмағамбетов", "Нурмагамбетов"), ("Әбдірахманов", "Абдрахманов"), ("Ахметов", "Ахметов"),
          ("Тұрсынов", "Турсунов"), ("Жұмабаев", "Жумабаев"), ("Сейітжанов", "Сеитжанов"),
          ("Құдайбергенов", "Кудайбергенов"), ("Өтебаев", "Утебаев"), ("Жолдасбеков", "Жолдасбеков"),
          ("Мырзахметов", "Мырзахметов"), ("Әбуов", "Абуов"), ("Бекмағамбетов", "Бекмагамбетов"),
          ("Дүйсенов", "Дюсенов"), ("Шәріпов", "Шарипов"), ("Ілиясов", "Ильясов"), ("Тәжібаев", "Тажибаев"),
          ("Оразбаев", "Оразбаев"), ("Қуанышев", "Куанышев"), ("Серғазин", "Сергазин"), ("Байғожин", "Байгожин"),
          ("Төлеубаев", "Тулеубаев"), ("Ермағанбетов", "Ермаганбетов")]
SUR_KZ_SOUTH = [("Алтынбеков", "Алтынбеков"), ("Сейдахметов", "Сейдахметов"), ("Әбдуәлиев", "Абдувалиев"),
                ("Тасболатов", "Тасболатов"), ("Құлмаханов", "Кулмаханов"), ("Жанысбаев", "Жанысбаев"),
                ("Ермахан", "Ермахан"), ("Өтебаев", "Утебаев"), ("Тұрсынов", "Турсунов"), ("Жолдасбеков", "Жолдасбеков"),
                ("Мырзахметов", "Мырзахметов"), ("Ахметов", "Ахметов"), ("Құдайбергенов", "Кудайбергенов"),
                ("Қасенов", "Касенов"), ("Оразбаев", "Оразбаев"), ("Сұлтанов", "Султанов")]
SUR_KZ_RU = dict(SUR_KZ + SUR_KZ_SOUTH)

RU_M = {0: "Иван Николай Василий Пётр Михаил Александр Виктор Анатолий Алексей Григорий Фёдор Владимир Павел "
           "Геннадий Юрий Степан".split(),
        1: "Сергей Александр Андрей Алексей Дмитрий Игорь Евгений Олег Владимир Юрий Валерий Николай Павел Роман "
           "Денис Вадим Константин Виталий".split(),
        2: "Артём Максим Даниил Кирилл Никита Илья Александр Дмитрий Матвей Егор Иван Тимофей Михаил Роман Глеб".split()}
RU_F = {0: "Анна Мария Валентина Галина Нина Людмила Тамара Зинаида Антонина Раиса Лидия Надежда Вера Любовь "
           "Клавдия".split(),
        1: "Елена Ольга Татьяна Наталья Ирина Светлана Юлия Марина Оксана Екатерина Надежда Людмила Галина Лариса "
           "Евгения".split(),
        2: "Анастасия Дарья Мария Анна Полина Виктория Елизавета Софья Ксения Алина Екатерина Арина Вероника".split()}
DE_M0 = "Иоганн Генрих Роберт Эдуард Вальдемар Артур Давид Яков Фридрих Эрвин".split()
DE_F0 = "Эмма Фрида Эрна Эльвира Амалия Лидия Мария Ирма Эльза Гертруда".split()
TAT_M = {0: "Рашид Гариф Фарид Равиль Наиль Шамиль Ахмет Мансур".split(),
         1: "Рустам Ильдар Айдар Ринат Марат Равиль Фарид Дамир Тимур".split(),
         2: "Тимур Амир Карим Артур Эмиль Булат Ислам Самир".split()}
TAT_F = {0: "Раиса Зайнаб Фатима Хадича Сания Галия Рауза".split(),
         1: "Гульнара Алсу Резеда Зульфия Лилия Эльмира Диляра Альфия".split(),
         2: "Алина Камила Эмилия Алсу Дина Ясмина Амина".split()}
UZ_M = {0: "Абдулла Рахим Юлдаш Хамид Саидахмед Турсунбай".split(),
        1: "Рустам Шавкат Бахтиёр Дилшод Улугбек Фарход Шухрат Азиз".split(),
        2: "Жасур Сардор Азиз Бехруз Жахонгир Темур".split()}
UZ_F = {0: "Мухаббат Саодат Мавлюда Хури Зулфия".split(),
        1: "Дилноза Гулноза Нигора Мохира Феруза Шахноза".split(),
        2: "Мадина Севара Дилафруз Сабина Малика".split()}
# Lithuanians of Zhezkazgan: families of Steplag's (Kengir's) prisoners who stayed after their release
LT_M = {0: "Йонас Антанас Витаутас Альгирдас Казимерас Пятрас Юозас Повилас".split(),
        1: "Альгирдас Витас Андрюс Сергей Александр Виктор".split(), 2: "Артём Максим Даниил Никита".split()}
LT_F = {0: "Она Бируте Альдона Дануте Янина Стефания".split(), 1: "Ирена Регина Ольга Елена Ирина".split(),
        2: "Анастасия Дарья Полина Алина".split()}
LT_LAT = {"Йонас": "Jonas", "Антанас": "Antanas", "Витаутас": "Vytautas", "Альгирдас": "Algirdas",
          "Казимерас": "Kazimieras", "Пятрас": "Petras", "Юозас": "Juozas", "Повилас": "Povilas", "Она": "Ona",
          "Бируте": "Birutė", "Альдона": "Aldona", "Дануте": "Danutė", "Янина": "Janina", "Стефания": "Stefanija",
          "Витас": "Vytas", "Андрюс": "Andrius", "Ирена": "Irena", "Регина": "Regina"}
# a Lithuanian surname: the man's, a married woman's, an unmarried woman's; and in Lithuanian letters
LT_SUR = [("Петраускас", "Петраускене", "Петраускайте", "Petrauskas", "Petrauskienė", "Petrauskaitė"),
          ("Казлаускас", "Казлаускене", "Казлаускайте", "Kazlauskas", "Kazlauskienė", "Kazlauskaitė"),
          ("Янкаускас", "Янкаускене", "Янкаускайте", "Jankauskas", "Jankauskienė", "Jankauskaitė"),
          ("Жукаускас", "Жукаускене", "Жукаускайте", "Žukauskas", "Žukauskienė", "Žukauskaitė"),
          ("Валайтис", "Валайтене", "Валайтите", "Valaitis", "Valaitienė", "Valaitytė"),
          ("Стонкус", "Стонкене", "Стонкуте", "Stonkus", "Stonkienė", "Stonkutė"),
          ("Буткявичюс", "Буткявичене", "Буткявичюте", "Butkevičius", "Butkevičienė", "Butkevičiūtė"),
          ("Римкус", "Римкене", "Римкуте", "Rimkus", "Rimkienė", "Rimkutė"),
          ("Урбонас", "Урбонене", "Урбонайте", "Urbonas", "Urbonienė", "Urbonaitė")]
RU_SUR = ("Иванов Кузнецов Попов Смирнов Петров Соколов Морозов Волков Лебедев Козлов Новиков Степанов Павлов "
          "Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров Орлов "
          "Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин").split()
UA_SUR = "Шевченко Бондаренко Коваленко Кравченко Ткаченко Олейник Шевчук Полищук Гончаренко Мартыненко Литвиненко Гаврилюк".split()
DE_SUR = "Шмидт Мюллер Шнайдер Фишер Вебер Майер Вагнер Беккер Шульц Гофман Келлер Риттер Браун Ланг Франк".split()
TAT_SUR = "Хайруллин Гарипов Сафиуллин Нигматуллин Валиев Мингазов Габдрахманов Закиров Шакиров".split()
UZ_SUR = "Юсупов Ибрагимов Рахимов Мирзаев Холматов Абдуллаев Хасанов Усманов".split()

PAT_EXC = {"Пётр": ("Петрович", "Петровна"), "Павел": ("Павлович", "Павловна"), "Илья": ("Ильич", "Ильинична"),
           "Никита": ("Никитич", "Никитична"), "Михаил": ("Михайлович", "Михайловна"),
           "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Даниил": ("Даниилович", "Данииловна"),
           "Артём": ("Артёмович", "Артёмовна"), "Яков": ("Яковлевич", "Яковлевна"),
           "Абдулла": ("Абдуллаевич", "Абдуллаевна"), "Мырзағали": ("Мырзағалиевич", "Мырзағалиевна"),
           "Мырзагали": ("Мырзагалиевич", "Мырзагалиевна"), "Әли": ("Әлиевич", "Әлиевна"), "Али": ("Алиевич", "Алиевна"),
           "Кенжебек": ("Кенжебекович", "Кенжебековна"), "Қабдолла": ("Қабдоллаевич", "Қабдоллаевна"),
           "Кабдулла": ("Кабдуллаевич", "Кабдуллаевна")}

# ----------------------------------------------------------------------------------------------------------------
# scripts and cases
# ----------------------------------------------------------------------------------------------------------------
KK2RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                       "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
VOW_CY = "аеёиоуыэюяәөұүі"
LAT = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
       "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p",
       "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch",
       "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia"}


def kk2ru(s):
    return s.translate(KK2RU)


def cap_like(src, out):
    if not out:
        return out
    return out[0].upper() + out[1:] if src.isupper() else out


def icao(s):
    return "".join(cap_like(ch, LAT[ch.lower()]) if ch.lower() in LAT else ch for ch in s)


def informal(s, rng):
    zh = rng.choice(["zh", "zh", "j"])
    t = dict(LAT)
    t.update({"ж": zh, "х": rng.choice(["kh", "h"]), "й": "y", "ю": "yu", "я": "ya", "ё": "yo", "щ": "sh", "ц": "ts"})
    return "".join(cap_like(ch, t[ch.lower()]) if ch.lower() in t else ch for ch in s)


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


BACK = set("аоұыяёю")
FRONT = set("әөүіеэи")


def harmony(w):
    for ch in reversed(w.lower()):
        if ch in BACK:
            return "b"
        if ch in FRONT:
            return "f"
    return "b"


def kk_ablative(w):
    """The Kazakh ablative ("from ...") on a name's last word: -нан/-нен after м н ң and a possessive -ы/-і (ұлы,
    қызы), -тан/-тен after a voiceless consonant and б в г д, -дан/-ден after a vowel and the other consonants."""
    lo = w.lower()
    h = "f" if lo.endswith("ь") else harmony(lo)
    if lo.endswith(("ұлы", "қызы", "улы", "кызы")) or lo[-1] in "мнң":
        suf = "нан" if h == "b" else "нен"
    elif lo[-1] in "кқпстфхцчшщбвгд":
        suf = "тан" if h == "b" else "тен"
    else:
        suf = "дан" if h == "b" else "ден"
    return w + (suf.upper() if w.isupper() else suf)


def mask_word(w):
    if len(w) <= 2:
        return w[0] + "*" * (len(w) - 1)
    return w[0] + "*" * (len(w) - 2) + w[-1]


# ----------------------------------------------------------------------------------------------------------------
# places: Ulytau region (Джезказганская область 1973-1997, Карагандинская 1997-2022, область Ұлытау since 8 June
# 2022), Shymkent, Astana
# ----------------------------------------------------------------------------------------------------------------
# key: ru, kk, kind ru, kind kk, district ru, district kk, [(until, older Russian name, older Kazakh name)], area
TOWNS = {
    "zhz": ("Жезказган", "Жезқазған", "г.", "қ.", None, None, [(D(1993, 1, 1), "Джезказган", "Жезқазған")], "uly"),
    "sat": ("Сатпаев", "Сәтбаев", "г.", "қ.", None, None, [(D(1990, 6, 1), "Никольский", "Никольский")], "uly"),
    "kzh": ("Каражал", "Қаражал", "г.", "қ.", None, None, [], "uly"),
    "zhr": ("Жайрем", "Жайрем", "пос.", "кенті", None, None, [], "uly"),
    "uly": ("Улытау", "Ұлытау", "с.", "а.", "Улытауский", "Ұлытау", [], "uly"),
    "zhd": ("Жезды", "Жезді", "пос.", "кенті", "Улытауский", "Ұлытау", [(D(1993, 1, 1), "Джезды", "Жезді")], "uly"),
    "krs": ("Карсакпай", "Қарсақпай", "пос.", "кенті", "Улытауский", "Ұлытау", [], "uly"),
    "ata": ("Атасу", "Атасу", "с.", "а.", "Жанааркинский", "Жаңаарқа", [], "uly"),
    "shy": ("Шымкент", "Шымкент", "г.", "қ.", None, None, [(D(1993, 1, 1), "Чимкент", "Шымкент")], "shy"),
    "ast": ("Астана", "Астана", "г.", "қ.", None, None,
            [(D(1992, 6, 1), "Целиноград", "Целиноград"), (D(1998, 5, 6), "Акмола", "Ақмола"),
             (D(2019, 3, 23), "Астана", "Астана"), (D(2022, 9, 17), "Нур-Султан", "Нұр-Сұлтан")], "ast"),
}
TOWN_W = [("zhz", 38), ("sat", 18), ("kzh", 7), ("zhr", 3), ("uly", 4), ("zhd", 2), ("krs", 1.5), ("ata", 4.5),
          ("shy", 22)]
PEOPLES = ("kz", "ru", "ua", "de", "tat", "lt", "uz")
TOWN_PEOPLE = {"zhz": (75, 13, 3, 3, 2, 4, 0), "sat": (80, 12, 3, 3, 2, 0, 0), "kzh": (85, 10, 2, 2, 1, 0, 0),
               "zhr": (88, 9, 1, 1, 1, 0, 0), "uly": (97, 3, 0, 0, 0, 0, 0), "zhd": (96, 4, 0, 0, 0, 0, 0),
               "krs": (97, 3, 0, 0, 0, 0, 0), "ata": (97, 3, 0, 0, 0, 0, 0), "shy": (78, 6, 0, 0, 2, 0, 14)}
MINING = ("zhz", "sat", "kzh", "zhr")
VILLAGES = ("uly", "zhd", "krs", "ata", "zhr")
ULY = ("zhz", "sat", "kzh", "zhr", "uly", "zhd", "krs", "ata")

# (kind ru, name ru, name kk incl. its kind)
ST = {
    "zhz": [("пр.", "Алашахана", "Алашахан даңғылы"), ("ул.", "Сейфуллина", "Сейфуллин көшесі"),
            ("ул.", "Абая", "Абай көшесі"), ("ул.", "Гагарина", "Гагарин көшесі"), ("ул.", "Желтоксан", "Желтоқсан көшесі"),
            ("ул.", "Горняков", "Кеншілер көшесі"), ("ул.", "Бейбитшилик", "Бейбітшілік көшесі"),
            ("ул.", "Металлургов", "Металлургтер көшесі"), ("ул.", "Титова", "Титов көшесі"),
            ("мкр.", "Кенгир", "Кеңгір шағын ауданы"), ("ул.", "Омарова", "Омаров көшесі")],
    "sat": [("пр.", "Академика Сатпаева", "Қ. Сәтбаев даңғылы"), ("ул.", "Улытауская", "Ұлытау көшесі"),
            ("ул.", "Горняков", "Кеншілер көшесі"), ("ул.", "Абая", "Абай көшесі"),
            ("ул.", "Строителей", "Құрылысшылар көшесі"), ("ул.", "Гагарина", "Гагарин көшесі"),
            ("мкр.", "Жастар", "Жастар шағын ауданы")],
    "kzh": [("ул.", "Тауелсиздик", "Тәуелсіздік көшесі"), ("ул.", "Абая", "Абай көшесі"), ("ул.", "Шахтёров", "Шахтерлер көшесі"),
            ("ул.", "Бейбитшилик", "Бейбітшілік көшесі")],
    "vil": [("ул.", "Абая", "Абай көшесі"), ("ул.", "Школьная", "Мектеп көшесі"), ("ул.", "Степная", "Дала көшесі"),
            ("ул.", "Улытау", "Ұлытау көшесі"), ("ул.", "Бейбитшилик", "Бейбітшілік көшесі"), ("ул.", "Жастар", "Жастар көшесі")],
    "shy": [("ул.", "Тауке хана", "Тәуке хан даңғылы"), ("пр.", "Республики", "Республика даңғылы"),
            ("ул.", "Байтурсынова", "Байтұрсынов көшесі"), ("ул.", "Жибек жолы", "Жібек жолы көшесі"),
            ("мкр.", "Нурсат", "Нұрсат шағын ауданы"), ("мкр.", "Самал-1", "Самал-1 шағын ауданы"),
            ("мкр.", "Кайтпас", "Қайтпас шағын ауданы"), ("ул.", "Рыскулова", "Рысқұлов көшесі"),
            ("ул.", "Толе би", "Төле би көшесі")],
    "ast": [("ул.", "Кенесары", "Кенесары көшесі"), ("пр.", "Республики", "Республика даңғылы"),
            ("ул.", "Сыганак", "Сығанақ көшесі"), ("пр.", "Туран", "Тұран даңғылы"), ("ул.", "Иманова", "Иманов көшесі"),
            ("пр.", "Кабанбай батыра", "Қабанбай батыр даңғылы"), ("ул.", "Акмешит", "Ақмешіт көшесі")],
}


def streets(town):
    return ST.get(town) or ST["vil"]


def town_name(key, d=None, lang="ru"):
    t = TOWNS[key]
    if d is not None:
        for until, old_ru, old_kk in t[6]:
            if d < until:
                return old_ru if lang == "ru" else old_kk
    return t[0] if lang == "ru" else t[1]


def oblast_ru(key, d):
    area = TOWNS[key][7]
    if area == "uly":
        return "Джезказганская обл." if d < D(1997, 5, 3) else "Карагандинская обл." if d < D(2022, 6, 8) else "обл. Ұлытау"
    if area == "shy":
        return "Южно-Казахстанская обл." if d < D(2018, 6, 19) else None
    return None


class Addr:
    __slots__ = ("town", "st", "house", "flat")

    def __init__(s, town, st, house, flat):
        s.town, s.st, s.house, s.flat = town, st, house, flat


def addr_ru(a, d, obl=False, short=False):
    st = streets(a.town)[a.st]
    t = TOWNS[a.town]
    if short:
        return f"{town_name(a.town, d)}, {st[1]} {a.house}" + (f"-{a.flat}" if a.flat else "")
    parts = []
    if obl and oblast_ru(a.town, d):
        parts.append(oblast_ru(a.town, d))
    if t[4]:
        parts.append(f"{t[4]} р-н")
    parts.append(f"{t[2]} {town_name(a.town, d)}")
    parts.append(f"{st[0]} {st[1]}")
    parts.append(f"д. {a.house}")
    if a.flat:
        parts.append(f"кв. {a.flat}")
    return ", ".join(parts)


def addr_kk(a, d):
    st = streets(a.town)[a.st]
    t = TOWNS[a.town]
    parts = []
    if t[5]:
        parts.append(f"{t[5]} ауданы")
    parts.append(f"{town_name(a.town, d, 'kk')} {t[3]}")
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


def zipf(rng, items, s=0.7, exclude=()):
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


def dmy(d, sep="."):
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


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


def phone_fmt(ph, style):
    if style == "plus":
        return "+7" + ph
    if style == "eight":
        return "8" + ph
    if style == "spaced":
        return f"+7 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"
    if style == "spaced8":
        return f"8 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}"
    if style == "paren":
        return f"8 ({ph[:3]}) {ph[3:6]}-{ph[6:8]}-{ph[8:]}"
    if style == "dash":
        return f"8-{ph[:3]}-{ph[3:6]}-{ph[6:]}"
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
            i = rng.randint(6, 9)
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
        s.first = None            # {"kk", "ru", "sov", "lat"}
        s.first_key = None
        s.father = s.mother = None
        s.father_first = None     # the father's first-name dict: the patronymic's base
        s.pat_kz = False          # a -ұлы / -қызы patronymic in documents
        s.surnames = []           # (date, skey)
        s.marriages = []
        s.homes = []              # (date, Dwelling or None)
        s.phones = []
        s.iin = None
        s.children = []
        s.twin = None
        s.vis = 1.0
        s.gen = 0
        s.job = None              # {"emp", "prof", "start", "end"}
        s.anc = False             # a founder's father: in no register of the living
        s.repr = None             # a repressed ancestor: what befell him
        s.war = None              # an ancestor who went to the war
        s.lt_inv = False          # a Lithuanian family writing its daughters with the man's form


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
        ru = KZ_NAME_RU.get(nm) or kk2ru(nm)
        return {"kk": nm, "ru": ru, "sov": KZ_NAME_SOVIET.get(nm) or ru, "lat": None}
    return {"kk": nm, "ru": nm, "sov": nm, "lat": LT_LAT.get(nm) if people == "lt" else None}


EMPLOYERS = {
    "zhz": [("ЖМЗ", "Жезказганский медеплавильный завод"), ("ЖОФ-2", "Жезказганская обогатительная фабрика № 2"),
            ("ш. 55", "Южный рудник, шахта № 55"), ("ш. 57", "Южный рудник, шахта № 57"), ("Степной", "Степной рудник"),
            ("КШС", "ТОО «Кеңгір Шахтострой»"), ("ТЭЦ", "Жезказганская ТЭЦ")],
    "sat": [("Восточный", "Восточный рудник"), ("Анненский", "рудник «Анненский»"),
            ("СОФ", "Сатпаевская обогатительная фабрика"), ("СЖ", "ТОО «Сәтбаев Жөндеу»")],
    "kzh": [("ЖГОК карьер", "Жайремский ГОК, карьер «Западный»"), ("ЖГОК ОФ", "Жайремский ГОК, обогатительная фабрика"),
            ("З. Каражал", "шахта «Западный Каражал»"), ("ҚА", "ТОО «Қаражал Авто»")],
}
EMPLOYERS["zhr"] = EMPLOYERS["kzh"]
PROF_M = ["проходчик", "машинист ПДМ", "горнорабочий очистного забоя", "взрывник", "электрослесарь подземный",
          "машинист буровой установки", "водитель БелАЗа", "плавильщик", "флотатор", "машинист мельницы",
          "слесарь-ремонтник", "электрогазосварщик", "крепильщик", "горный мастер", "машинист экскаватора"]
PROF_F = ["лаборант химического анализа", "машинист конвейера", "оператор пульта управления", "аппаратчик",
          "кладовщик", "контролёр ОТК", "пробоотборщик"]


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
        self.founders = []

    def new_person(self, sex, people, birth):
        p = Person("P%05d" % (len(self.persons) + 1), sex, people, birth)
        p.vis = wpick(self.rng, [(2.4, 35), (1.0, 35), (0.2, 30)])
        self.persons.append(p)
        self.by[p.pid] = p
        self.draw_death(p)
        return p

    def draw_death(self, p):
        rng = self.rng
        y = p.birth.year
        pr = 0.9 if y < 1935 else 0.7 if y < 1945 else (0.4 if p.sex == "M" else 0.22) if y < 1955 else \
            (0.18 if p.sex == "M" else 0.07) if y < 1970 else 0.02
        if rng.random() < pr:
            a = max(D(1995, 1, 1), yrs(p.birth, 45))
            if a <= END:
                p.death = rdate(rng, a, END)

    def alive(self, p, d):
        return p.birth <= d and (p.death is None or d < p.death)

    def names_list(self, people, sex, y):
        e = era(y)
        m = sex == "M"
        if people == "kz":
            return (KZ_M if m else KZ_F)[e]
        if people in ("ru", "ua"):
            return (RU_M if m else RU_F)[e]
        if people == "tat":
            return (TAT_M if m else TAT_F)[e]
        if people == "uz":
            return (UZ_M if m else UZ_F)[e]
        if people == "lt":
            return (LT_M if m else LT_F)[e]
        if e == 0:
            return DE_M0 if m else DE_F0
        return (RU_M if m else RU_F)[e]

    def new_surname(self, people, town=None):
        rng = self.rng
        if people == "kz":
            lst = SUR_KZ_SOUTH if town == "shy" and rng.random() < 0.6 else SUR_KZ
            return ("kz", zipf(rng, [a for a, _ in lst], 0.6))
        if people == "lt":
            return ("lt", rng.randrange(len(LT_SUR)), "m")
        return (people, zipf(rng, {"ru": RU_SUR, "ua": UA_SUR, "de": DE_SUR, "tat": TAT_SUR, "uz": UZ_SUR}[people], 0.6))

    def child_key(self, fkey, sex, fam_inv):
        if fkey[0] == "lt":
            return ("lt", fkey[1], "m" if sex == "M" else ("inv" if fam_inv else "fu"))
        return fkey

    def wife_key(self, hkey, w):
        if hkey[0] == "lt":
            return ("lt", hkey[1], "fm" if w.people == "lt" else "inv")
        return hkey

    def with_names(self, sex, people, birth, father=None, mother=None, skey=None, exclude=(), town=None):
        rng = self.rng
        p = self.new_person(sex, people, birth)
        p.father, p.mother = father, mother
        if mother is not None and rng.random() < 0.75:
            p.vis = mother.vis
        nm = zipf(rng, self.names_list(people, sex, birth.year), 0.55, exclude)
        p.first = name_dict(people, nm)
        p.first_key = nm
        if father is not None:
            p.father_first = father.first
        else:
            fy = birth.year - 28
            fp = people
            lst = self.names_list(fp, "M", fy) if fy >= 1940 or fp != "kz" else KZ_M[0]
            p.father_first = name_dict(fp, zipf(rng, lst, 0.6))
        if people == "kz" and birth.year >= 1995:
            if father is not None:
                if not hasattr(father, "kids_kz"):
                    father.kids_kz = rng.random() < 0.30
                p.pat_kz = father.kids_kz
            else:
                p.pat_kz = rng.random() < 0.30
        if skey is None:
            skey = self.new_surname(people, town)
            if people == "lt" and sex == "F":
                skey = ("lt", skey[1], "fu")
        p.surnames = [(birth, skey)]
        return p

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
                a = Addr(town, i, str(rng.randint(1, 60)), str(rng.randint(1, 120)))
            elif town in ("zhz", "sat", "shy", "ast") and rng.random() < 0.6:
                a = Addr(town, i, str(rng.randint(1, 150)), str(rng.randint(1, 96)))
            elif town == "kzh" and rng.random() < 0.4:
                a = Addr(town, i, str(rng.randint(1, 40)), str(rng.randint(1, 60)))
            else:
                a = Addr(town, i, str(rng.randint(1, 120)), None)
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
        return {"kz": 0.70, "ru": 0.95, "ua": 0.95, "de": 0.95, "tat": 0.85, "uz": 0.8, "lt": 0.95}[h.people]

    def marry(self, h, w, d):
        rng = self.rng
        m = Marriage(h, w, d)
        h.marriages.append(m)
        w.marriages.append(m)
        if rng.random() < self.take_rate(h, w):
            m.took = True
            w.surnames.append((d, self.wife_key(self.stem_at(h, d), w)))
            w.surnames.sort(key=lambda x: x[0])
        if d < D(2019, 1, 1) and rng.random() < 0.09:
            dd = rdate(rng, yrs(d, 2), min(yrs(d, 18), D(2023, 6, 30)))
            if self.alive(h, dd) and self.alive(w, dd) and dd > d:
                m.end, m.how = dd, "divorce"
        if m.end is None:
            ends = [x for x in (h.death, w.death) if x]
            if ends:
                m.end, m.how = min(ends), "death"
        return m

    def n_children(self, people, town, gen):
        rng = self.rng
        vil = town in VILLAGES or town == "shy"
        if people in ("kz", "uz"):
            if gen == 0:
                return rng.choice([2, 3, 3, 4, 4, 5, 6] if vil else [1, 2, 2, 3, 3, 4, 5])
            return rng.choice([0, 1, 2, 2, 3, 3, 4] if vil else [0, 1, 1, 2, 2, 3, 3])
        if people == "tat":
            return rng.choice([1, 2, 2, 3] if gen == 0 else [0, 1, 2, 2, 3])
        return rng.choice([0, 1, 2, 2, 3] if gen == 0 else [0, 1, 1, 2, 2, 3])

    def make_children(self, f, mo, m, dw, town):
        rng = self.rng
        n = self.n_children(f.people, town, f.gen)
        d = m.start + dt.timedelta(days=rng.randint(300, 650))
        kids = []
        used = {f.first_key, mo.first_key}
        if not hasattr(f, "lt_decided"):
            f.lt_decided = True
            f.lt_inv = rng.random() < 0.4
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
                sex = rng.choice("MF")
                c = self.with_names(sex, f.people, d, f, mo, self.child_key(self.stem_at(f, d), sex, f.lt_inv), used)
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
            d = d + dt.timedelta(days=rng.randint(13 * 30, 44 * 30))
        return kids

    def spouse_people(self, people):
        rng = self.rng
        same = {"kz": 0.93, "uz": 0.75, "tat": 0.6, "lt": 0.45}.get(people, 0.8)
        if rng.random() < same:
            return people
        return wpick(rng, [(x, w) for x, w in (("kz", 35), ("ru", 40), ("ua", 8), ("de", 7), ("tat", 8), ("uz", 2))
                           if x != people])

    def spouse_for(self, c, md, town):
        rng = self.rng
        sex = "F" if c.sex == "M" else "M"
        people = self.spouse_people(c.people)
        if sex == "F":
            b = c.birth + dt.timedelta(days=rng.randint(-700, 2500))
        else:
            b = c.birth - dt.timedelta(days=rng.randint(-700, 3000))
        if age(b, md) < 18:
            b = yrs(md, -rng.randint(19, 24))
        s = self.with_names(sex, people, b, town=town)
        s.gen = c.gen
        return s

    def town_choice(self, ptown):
        rng = self.rng
        x = rng.random()
        if ptown == "shy":
            return "shy" if x < 0.78 else "ast" if x < 0.86 else rng.choice(["zhz", "sat"]) if x < 0.91 else None
        if ptown in ULY:
            if x < 0.52:
                return ptown
            if x < 0.68:
                return "zhz" if ptown != "zhz" else "sat"
            if x < 0.72:
                return "sat"
            if x < 0.88:
                return "ast"
            return None                      # Karaganda, Almaty, Russia: out of sight
        if ptown == "ast":
            return "ast" if x < 0.85 else None
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
                stay = False
                if c.sex == "M" and c.people == "kz" and pdw is not None and ptown and c.father is not None:
                    sons = [x for x in c.father.children if x.sex == "M"]
                    if sons and sons[-1] is c and rng.random() < 0.35:
                        stay = True           # the youngest son keeps his parents' house (қара шаңырақ)
                town = ptown if stay else self.town_choice(ptown)
                sp = self.spouse_for(c, md, town)
                if not self.alive(sp, md):
                    sp.death = None
                h, w = (c, sp) if c.sex == "M" else (sp, c)
                if town and rng.random() < 0.6:
                    self.set_home(sp, sp.birth, self.new_dw(town, sp.birth))
                else:
                    self.set_home(sp, sp.birth, None)
                m = self.marry(h, w, md)
                dw = pdw if stay else self.new_dw(town, md)
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
        if c.sex == "F" and rng.random() < 0.07 and yrs(c.birth, 21) <= END:
            d = yrs(c.birth, rng.randint(21, 33))
            for _ in range(rng.choice([1, 1, 2])):
                if d > END or not self.alive(c, d):
                    break
                sk = self.stem_at(c, d)
                sex = rng.choice("MF")
                if sk[0] == "lt":
                    sk = ("lt", sk[1], "m" if sex == "M" else "fu")
                kid = self.with_names(sex, c.people, d, None, c, sk, {c.first_key})
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
                sp = self.spouse_for(h, md, t)
                self.set_home(sp, sp.birth, None)
                m2 = self.marry(h, sp, md)
                dw2 = self.home_at(h, md)
                self.set_home(sp, md, dw2)
                m2.dw = dw2
                self.stats["remarriages"] += 1
                queue.extend(self.make_children(h, sp, m2, dw2, self.town_at(h, md)))
                if m2.how == "divorce":
                    self.divorce(m2, queue)

    def ancestor(self, founder):
        """The founder's father: born 22-42 years before him, dead before the IINs; his first name is the one the
        founder's patronymic says."""
        rng = self.rng
        b = founder.birth - dt.timedelta(days=rng.randint(22 * 365, 42 * 365))
        b = max(b, D(1868, 1, 1))
        a = self.new_person("M", founder.people, b)
        a.anc = True
        a.gen = -1
        a.vis = 1.0
        a.first = founder.father_first
        a.first_key = founder.father_first["kk"]
        gp = zipf(rng, KZ_M[0] if founder.people == "kz" else self.names_list(founder.people, "M", 1900), 0.5)
        a.father_first = name_dict(founder.people, gp)
        sk = founder.surnames[0][1]
        if sk[0] == "lt":
            sk = ("lt", sk[1], "m")
        a.surnames = [(b, sk)]
        lo = max(founder.birth - dt.timedelta(days=200), yrs(b, 45))
        hi = min(yrs(b, 92), D(2006, 12, 31))
        a.death = rdate(rng, lo, hi) if hi > lo else hi
        if a.death < founder.birth - dt.timedelta(days=200):
            a.death = founder.birth + dt.timedelta(days=rng.randint(30, 3000))
        a.children = [founder]
        founder.father = a
        return a

    def found_family(self):
        rng = self.rng
        town = wpick(rng, TOWN_W)
        ph = wpick(rng, list(zip(PEOPLES, TOWN_PEOPLE[town])))
        hb = rdate(rng, D(1948, 1, 1), D(1966, 12, 31)) if ph == "lt" else rdate(rng, D(1928, 1, 1), D(1966, 12, 31))
        h = self.with_names("M", ph, hb, town=town)
        pw = ph if rng.random() < 0.88 else self.spouse_people(ph)
        wb = hb + dt.timedelta(days=rng.randint(-700, 2500))
        w = self.with_names("F", pw, wb, town=town)
        md = max(yrs(hb, 21), yrs(wb, 19)) + dt.timedelta(days=rng.randint(0, 5 * 365))
        for p in (h, w):
            if p.death and p.death <= md + dt.timedelta(days=3650):
                p.death = None
        dw = self.new_dw(town, md)
        for p in (h, w):
            self.set_home(p, p.birth, None)
            self.set_home(p, md, dw)
        self.founders.extend([h, w])
        self.ancestor(h)
        self.ancestor(w)
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
        self.jobs()
        self.fates()
        for p in self.persons:
            if p.death is None or p.death >= D(2008, 1, 1):
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
            if rng.random() < 0.25:
                d = rdate(rng, max(D(2000, 1, 1), dw.created + dt.timedelta(days=200)), D(2023, 12, 31))
                if d <= dw.created:
                    continue
                x = rng.random()
                if a0.town in ULY and x < 0.2:
                    t = "ast"
                elif a0.town in VILLAGES and x < 0.4:
                    t = "zhz"
                else:
                    t = a0.town
                dw.addrs.append((d, self.new_addr(t)))
                self.stats["moves"] += 1
                if t != a0.town:
                    self.stats["moves_to_" + t] += 1
        for dw in self.dws:
            a0 = dw.addrs[0][1]
            res = list(self.ever.get(dw.did, {}).values())
            if a0 is None or not res:
                continue
            pe = sorted(res, key=lambda p: p.birth)[0].people
            pr, lo, hi, where = {"de": (0.30, 1992, 2005, "DE"), "ru": (0.12, 1992, 2012, "RU"),
                                 "ua": (0.12, 1992, 2012, "RU"), "lt": (0.40, 1990, 1998, "LT"),
                                 "tat": (0.05, 1992, 2010, "RU")}.get(pe, (0, 0, 0, ""))
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
            if p.anc or (p.birth.year < 1945 and rng.random() < 0.35):
                continue
            a = max(yrs(p.birth, 14), D(2004, 1, 1))
            if a > END:
                continue
            p.phones.append((rdate(rng, a, a + dt.timedelta(days=700)), self.new_phone()))
            if rng.random() < 0.25:
                d = rdate(rng, p.phones[0][0] + dt.timedelta(days=200), END)
                if d > p.phones[0][0]:
                    p.phones.append((d, self.new_phone()))

    def jobs(self):
        """Workers of the copper and manganese mines and plants: a run of years at one employer of the town."""
        rng = self.rng
        for p in self.persons:
            if p.anc or p.birth.year < 1925:
                continue
            s0 = yrs(p.birth, rng.randint(19, 28)) + dt.timedelta(days=rng.randint(0, 364))
            if s0 > D(2024, 6, 30):
                continue
            t = self.town_at(p, max(s0, D(1990, 1, 1)) if p.birth.year < 1962 else s0)
            if t not in MINING:
                continue
            if rng.random() >= (0.68 if p.sex == "M" else 0.22):
                continue
            e = yrs(p.birth, rng.randint(45, 63)) if rng.random() < 0.8 else s0 + dt.timedelta(days=rng.randint(700, 5000))
            if p.death:
                e = min(e, p.death)
            emp = rng.choice(EMPLOYERS[t])
            p.job = {"emp": emp, "town": t, "prof": rng.choice(PROF_M if p.sex == "M" else PROF_F), "start": s0, "end": e}
            self.stats["mine_and_plant_workers"] += 1

    def fates(self):
        """What befell the founders' fathers: repression, or the war."""
        rng = self.rng
        for p in self.persons:
            if not p.anc:
                continue
            f = p.children[0]
            pr = {"kz": 0.2, "de": 0.55, "lt": 0.85, "ru": 0.1, "ua": 0.1, "tat": 0.1, "uz": 0.05}[p.people]
            if rng.random() < pr:
                r = self.repression(p, f)
                if r:
                    p.repr = r
                    self.stats["repressed_ancestors"] += 1
                    continue
            if p.people != "lt" and D(1895, 1, 1) <= p.birth <= D(1925, 12, 31) and self.alive(p, D(1941, 6, 22)) \
                    and rng.random() < 0.55:
                w = {"rank": wpick(rng, [("рядовой", 62), ("ефрейтор", 10), ("сержант", 12), ("старший сержант", 8),
                                          ("лейтенант", 6), ("старшина", 2)])}
                if rng.random() < 0.22:
                    dd = rdate(rng, D(1941, 8, 1), D(1945, 5, 8))
                    if dd >= f.birth - dt.timedelta(days=200):
                        p.death = dd
                        w["fell"] = rng.choice(["погиб", "пропал без вести"])
                p.war = w
                self.stats["war_veteran_ancestors"] += 1

    def repression(self, p, f):
        rng = self.rng
        pe = p.people
        if pe == "lt":
            d = rdate(rng, D(1945, 3, 1), D(1950, 12, 31))
            rel = rdate(rng, D(1954, 6, 1), D(1956, 12, 31))
            if not (self.alive(p, d) and (p.death is None or p.death > rel)) or yrs(p.birth, 18) > d:
                return None
            if not (f.birth <= d + dt.timedelta(days=280) or f.birth >= rel + dt.timedelta(days=270)):
                return None           # no child is born to a man in the camp
            return {"kind": "steplag", "arrest": d, "release": rel, "article": rng.choice(["58-1а", "58-1а", "58-11"]),
                    "term": rng.choice([10, 15, 25]), "shot": False}
        if pe == "de":
            d = D(1941, rng.choice([9, 9, 10]), rng.randint(1, 28))
            if not self.alive(p, d):
                return None
            return {"kind": "deport", "arrest": d, "release": D(1956, 1, 1), "article": None, "term": None, "shot": False}
        kind = wpick(rng, [("1928", 30 if pe == "kz" else 10), ("dekulak", 0 if pe == "kz" else 40), ("1937", 50),
                           ("1949", 20)])
        if kind == "1928":
            d = rdate(rng, D(1928, 8, 1), D(1931, 12, 31))
        elif kind == "dekulak":
            d = rdate(rng, D(1930, 2, 1), D(1933, 12, 31))
        elif kind == "1937":
            d = rdate(rng, D(1937, 3, 1), D(1938, 11, 30))
        else:
            d = rdate(rng, D(1946, 1, 1), D(1952, 12, 31))
        if not self.alive(p, d) or yrs(p.birth, 18) > d:
            return None
        shot = kind == "1937" and rng.random() < 0.4 and d + dt.timedelta(days=120) >= f.birth - dt.timedelta(days=200)
        term = None if shot else rng.choice([3, 5, 8, 10, 10, 25] if kind != "1928" else [3, 5])
        if term and kind in ("1937", "1949"):
            rel = yrs(d, term)
            if not (f.birth <= d + dt.timedelta(days=280) or
                    (f.birth >= rel + dt.timedelta(days=270) and (p.death is None or p.death > rel))):
                return None
        if shot:
            p.death = d + dt.timedelta(days=rng.randint(20, 120))
        return {"kind": kind, "arrest": d, "release": None, "article": rng.choice(["58-10", "58-2", "58-7", "58-11"]),
                "term": term, "shot": shot}

    def descendants(self, a):
        out = []
        st = list(a.children)
        while st:
            q = st.pop(0)
            out.append(q)
            st.extend(q.children)
        return out


# ----------------------------------------------------------------------------------------------------------------
# writing names
# ----------------------------------------------------------------------------------------------------------------
class Namer:
    """A person's names in a script: kk (Kazakh letters), ru (Russian letters), sov (the Russian letters Soviet clerks
    wrote old Kazakh names in), lat (Lithuanian letters for Lithuanians, else the person's own Latin), icao, inf."""

    def __init__(self, pop, rng):
        self.pop = pop
        self.rng = rng

    def sur(self, p, d, script):
        return self.sur_of(self.pop.stem_at(p, d), p.sex, script)

    def sur_of(self, skey, sex, script):
        kind = skey[0]
        if kind == "lt":
            row = LT_SUR[skey[1]]
            i = {"m": 0, "inv": 0, "fm": 1, "fu": 2}[skey[2]]
            cy, la = row[i], row[3 + i]
            if script in ("kk", "ru", "sov"):
                return cy
            if script == "lat":
                return la
            return icao(cy) if script == "icao" else informal(cy, self.rng)
        if kind == "kz":
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
        if script in ("ru", "sov"):
            return ru
        if script == "icao":
            return icao(kk)
        return informal(ru, self.rng)

    def first(self, p, script):
        f = p.first
        if script in ("kk", "ru", "sov"):
            return f[script]
        if script == "lat":
            return f["lat"] or informal(f["ru"], self.rng)
        if script == "icao":
            return icao(f["kk"])
        return informal(f["ru"], self.rng)

    def pat(self, p, script, kz_style=None):
        ff = p.father_first
        if ff is None or (script == "lat" and p.people == "lt"):
            return None
        kz = p.pat_kz if kz_style is None else (kz_style and p.people == "kz")
        if kz:
            kk = ff["kk"] + ("ұлы" if p.sex == "M" else "қызы")
            ru = ff["ru"] + ("улы" if p.sex == "M" else "кызы")
            sov = ru
        else:
            kk, ru, sov = ru_pat(ff["kk"], p.sex), ru_pat(ff["ru"], p.sex), ru_pat(ff["sov"], p.sex)
        if script == "kk":
            return kk
        if script == "ru":
            return ru
        if script == "sov":
            return sov
        if script == "icao":
            return icao(kk)
        return informal(ru, self.rng)

    def full(self, p, d, script, pat=True, order="SFP", kz_style=None):
        s, f = self.sur(p, d, script), self.first(p, script)
        pt = self.pat(p, script, kz_style) if pat else None
        parts = {"S": s, "F": f, "P": pt}
        return " ".join(parts[c] for c in order if parts[c])

    def initials(self, p, d, script, pat=True, space=False):
        pt = self.pat(p, script) if pat else None
        sep = " " if space else ""
        return f"{self.sur(p, d, script)} {self.first(p, script)[0]}." + (f"{sep}{pt[0]}." if pt else "")


def relation(pop, a, b, d):
    """b as seen from a."""
    if pop.spouse_at(a, d) is b:
        return "wife" if b.sex == "F" else "husband"
    if b.father is a or b.mother is a:
        return "son" if b.sex == "M" else "daughter"
    if a.father is b:
        return "father"
    if a.mother is b:
        return "mother"
    if (a.father is not None and b.father is a.father) or (a.mother is not None and b.mother is a.mother):
        older = b.birth < a.birth
        if b.sex == "M":
            return "elder brother" if older else "younger brother"
        return "elder sister" if older else ("younger sister of a man" if a.sex == "M" else "younger sister")
    for c in a.children:
        if b.father is c or b.mother is c:
            return "grandson" if b.sex == "M" else "granddaughter"
        if pop.spouse_at(c, d) is b:
            return "son-in-law" if b.sex == "M" else "daughter-in-law"
    return "relative"


REL = {"wife": ("әйелі", "жена"), "husband": ("күйеуі", "муж"), "son": ("ұлы", "сын"), "daughter": ("қызы", "дочь"),
       "father": ("әкесі", "отец"), "mother": ("анасы", "мать"), "elder brother": ("ағасы", "брат"),
       "younger brother": ("інісі", "брат"), "elder sister": ("әпкесі", "сестра"),
       "younger sister of a man": ("қарындасы", "сестра"), "younger sister": ("сіңлісі", "сестра"),
       "grandson": ("немересі", "внук"), "granddaughter": ("немересі", "внучка"),
       "great-grandson": ("шөбересі", "правнук"), "great-granddaughter": ("шөбересі", "правнучка"),
       "son-in-law": ("күйеу баласы", "зять"), "daughter-in-law": ("келіні", "невестка"),
       "relative": ("туысы", "родственник")}


def rel_word(rel, lang):
    return REL.get(rel, REL["relative"])[0 if lang == "kk" else 1]


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

    def t(self, file, rid, k, p, ev):
        self.truth.append((file, rid if k == 1 else f"{rid}#{k}", p.pid))
        self.evidence[file][ev] += 1


def ev_of(has_iin, name, birth):
    """The best evidence a record carries: name 'full' | 'initials' | 'first' | 'masked'; birth 'full' | 'year' | None."""
    if has_iin:
        return "an IIN"
    if name == "masked":
        return "a masked name and a birth"
    if name == "full" and birth == "full":
        return "a name and a birth"
    if name == "full" and birth == "year":
        return "a name and a year of birth"
    if name == "initials" and birth:
        return "initials and a birth or a year"
    if name == "full":
        return "a name beside the record's persons or a phone"
    if name == "initials":
        return "initials beside the record's persons or a phone"
    return "a first name beside the record's persons or a phone"


def fix_zip(data, stamp, zt):
    """Fixed zip times and document properties, so that a seed writes the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">' + stamp.encode() + b"</dcterms:modified>", body)
                body = re.sub(rb"<dcterms:created[^>]*>[^<]*</dcterms:created>",
                              b'<dcterms:created xsi:type="dcterms:W3CDTF">' + stamp.encode() + b"</dcterms:created>", body)
            zi = zipfile.ZipInfo(info.filename, date_time=zt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


def rand_token(rng, n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))

# ================================================================================================================
# 1. periodic occupational medical examinations (a medical centre's Google Calendar, exported as iCalendar)
# ================================================================================================================
HARM = ["п. 7 (пыль фиброгенного действия)", "п. 33 (производственный шум)", "п. 35 (общая вибрация)",
        "п. 36 (локальная вибрация)", "п. 12 (диоксид серы)", "п. 14 (медь и её соединения)", "п. 40 (работа на высоте)",
        "п. 2 (марганец и его соединения)", "п. 44 (подземные работы)", "п. 41 (управление транспортом)"]
LOC = {"zhz": "МЦ «Кеңгір»\\, г. Жезказган\\, пр. Алашахана\\, 24",
       "sat": "МЦ «Кеңгір» (филиал)\\, г. Сатпаев\\, ул. Горняков\\, 8"}


def ical_text(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ical_fold(line):
    """RFC 5545: lines of at most 75 octets, continued by CRLF and a space; never inside a character."""
    out = []
    cur = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(cur)
            cur = " "
            size = 1
        cur += ch
        size += n
    out.append(cur)
    return "\r\n".join(out)


def profosmotr(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "profosmotr_kalendar.txt"
    exams = []
    for p in pop.persons:
        j = p.job
        if not j:
            continue
        for y in range(2019, 2025):
            d = rdate(rng, D(y, 1, 20), D(y, 11, 28))
            if not (j["start"] <= d < j["end"]) or not pop.alive(p, d) or pop.town_at(p, d) not in MINING:
                continue
            if rng.random() >= min(0.95, 1.0 * (0.6 + 0.4 * p.vis)):
                continue
            exams.append((d, p))
    exams.sort(key=lambda e: (e[0], e[1].pid))
    # brigades booked as one event
    buckets = defaultdict(list)
    for d, p in exams:
        buckets[(d.year, p.job["emp"][0])].append((d, p))
    events = []           # (date, [persons], kind)
    for key in sorted(buckets):
        lst = buckets[key]
        i = 0
        while i < len(lst):
            if len(lst) - i >= 3 and rng.random() < 0.09:
                k = min(len(lst) - i, rng.randint(3, 7))
                grp = lst[i:i + k]
                events.append((grp[0][0], [q for _, q in grp], "brigade"))
                i += k
            else:
                events.append((lst[i][0], [lst[i][1]], "single"))
                i += 1
    habits = ["ru", "ru", "ru", "kk", "RU"]
    out_events = []
    n_kind = Counter()

    def name_in(p, d, sc):
        s = "ru" if sc == "RU" else sc
        if p.people != "kz" and s == "kk":
            s = "ru"
        return s

    def single_body(p, d, sc, emp):
        s = name_in(p, d, sc)
        up = sc == "RU"
        x = rng.random()
        pt_ok = rng.random() < 0.92
        if x < 0.45:
            nform, nev = nm.initials(p, d, s, pat=pt_ok), "initials"
        elif x < 0.7:
            nform, nev = f"{nm.sur(p, d, s)} {nm.first(p, s)}", "full"
        elif x < 0.9:
            nform, nev = nm.full(p, d, s, pat=pt_ok), "full"
        else:
            nform, nev = nm.sur(p, d, s), "surname"
        nform = F.name(nform, FILE)
        if up:
            nform = nform.upper()
        summ = rng.choice([f"Профосмотр: {nform}", f"ПМО {nform}", f"{nform} ({emp[0]})", f"{nform} — медосмотр"])
        lines = []
        full_line = rng.random() < 0.55 or nev == "surname"
        if full_line:
            fio = F.name(nm.full(p, d, s, pat=pt_ok), FILE)
            lines.append(f"ФИО: {fio.upper() if up else fio}")
            nev = "full"
        iin = F.iin(p.iin, FILE) if rng.random() < 0.65 else None
        if iin:
            lines.append(f"ИИН: {iin}")
        y = rng.random()
        b = F.birth(p.birth, FILE)
        bev = None
        if y < 0.45:
            lines.append(f"Д.р.: {dmy(b)}")
            bev = "full"
        elif y < 0.53:
            lines.append(f"Год рождения: {p.birth.year}")
            bev = "year"
        if not iin and not bev:
            lines.append(f"Д.р.: {dmy(b)}")
            bev = "full"
        lines.append(f"Предприятие: {emp[1]}")
        lines.append(f"Профессия: {p.job['prof']}")
        lines.append("Вредные факторы: " + ", ".join(sorted(rng.sample(HARM, rng.randint(1, 3)))) +
                     " (приложение 1 к приказу № ҚР ДСМ-131/2020)")
        ph = pop.phone_at(p, d)
        if ph and rng.random() < 0.4:
            lines.append(f"Тел.: {phone_fmt(ph, rng.choice(['eight', 'spaced', 'plus']))}")
        if rng.random() < 0.5:
            lines.append(f"Направление № {rng.randint(1, 400)}/{d.year % 100}")
        return summ, "\n".join(lines), [(p, ev_of(bool(iin), "initials" if nev == "initials" else "full", bev))]

    def brigade_body(ps, d, sc, emp):
        lines = [f"Предприятие: {emp[1]}", "Список бригады:"]
        persons = []
        for k, p in enumerate(ps, start=1):
            s = name_in(p, d, sc)
            if rng.random() < 0.6:
                nf, nev = nm.full(p, d, s, pat=rng.random() < 0.9), "full"
            else:
                nf, nev = nm.initials(p, d, s), "initials"
            nf = F.name(nf, FILE)
            if sc == "RU":
                nf = nf.upper()
            b = F.birth(p.birth, FILE)
            iin = F.iin(p.iin, FILE) if rng.random() < 0.3 else None
            if rng.random() < 0.75 or not iin:
                bs, bev = (dmy(b), "full") if rng.random() < 0.78 else (f"{p.birth.year} г.р.", "year")
            else:
                bs, bev = None, None
            tail = ", ".join(x for x in (bs, f"ИИН {iin}" if iin else None) if x)
            lines.append(f"{k}. {nf} — {tail} — {p.job['prof']}")
            persons.append((p, ev_of(bool(iin), nev, bev)))
        summ = rng.choice([f"Бригада {emp[0]}, {len(ps)} чел.", f"ПМО бригада ({emp[0]}) — {len(ps)} человек",
                           f"Профосмотр: бригада {emp[0]}"])
        return summ, "\n".join(lines), persons

    for d, ps, kind in events:
        p0 = ps[0]
        emp = p0.job["emp"]
        town = "sat" if p0.job["town"] == "sat" else "zhz"
        sc = rng.choice(habits)
        start = dt.datetime(d.year, d.month, d.day, rng.randint(8, 12), rng.choice([0, 15, 30, 45]))
        dur = dt.timedelta(minutes=30 if kind == "single" else 120)
        created = dt.datetime.combine(d - dt.timedelta(days=rng.randint(1, 25)), dt.time(rng.randint(3, 11), rng.randint(0, 59), rng.randint(0, 59)))
        if kind == "single":
            summ, desc, persons = single_body(p0, d, sc, emp)
        else:
            summ, desc, persons = brigade_body(ps, d, sc, emp)
        flow = "ok"
        if kind == "single":
            flow = wpick(rng, [("ok", 93), ("moved", 5), ("twice", 2)])
        seqs = []
        if flow == "ok":
            seqs.append((start, "CONFIRMED", summ, desc, persons, created))
        elif flow == "moved":
            seqs.append((start, "CANCELLED", summ, desc, persons, created))
            s2 = start + dt.timedelta(days=rng.randint(2, 20))
            summ2, desc2, persons2 = single_body(p0, s2.date(), rng.choice(habits), emp)
            seqs.append((s2, "CONFIRMED", summ2, desc2, persons2, created + dt.timedelta(days=rng.randint(1, 3))))
            ctx.F.n[(FILE, "cancelled_and_booked_again")] += 1
        else:
            seqs.append((start, "CONFIRMED", summ, desc, persons, created))
            seqs.append((start + dt.timedelta(minutes=rng.choice([15, 30, 60])), "CONFIRMED", summ, desc, persons,
                         created + dt.timedelta(minutes=rng.randint(2, 90))))
            ctx.F.n[(FILE, "booked_twice")] += 1
        n_kind[kind] += len(seqs)
        for st, status, su, de, pers, cr in seqs:
            uid = rand_token(rng, 26) + "@google.com"
            out_events.append((uid, st, st + dur, status, su, de, pers, cr, town))
    out_events.sort(key=lambda e: e[0])
    stamp = "20241202T051533Z"
    L = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
         "METHOD:PUBLISH", "X-WR-CALNAME:Профосмотр (периодический) 2019-2024", "X-WR-TIMEZONE:Asia/Almaty",
         "X-WR-CALDESC:Записи на периодический медосмотр работников предприятий. Администраторы МЦ «Кеңгір».",
         "BEGIN:VTIMEZONE", "TZID:Asia/Almaty", "X-LIC-LOCATION:Asia/Almaty",
         "BEGIN:STANDARD", "TZOFFSETFROM:+0600", "TZOFFSETTO:+0600", "TZNAME:+06", "DTSTART:19700101T000000", "END:STANDARD",
         "BEGIN:STANDARD", "TZOFFSETFROM:+0600", "TZOFFSETTO:+0500", "TZNAME:+05", "DTSTART:20240301T000000", "END:STANDARD",
         "END:VTIMEZONE"]
    for k, (uid, st, en, status, su, de, pers, cr, town) in enumerate(out_events, start=1):
        utc = dt.timedelta(hours=6 if cr < dt.datetime(2024, 3, 1) else 5)
        c = (cr - utc).strftime("%Y%m%dT%H%M%SZ")
        lm = (cr - utc + dt.timedelta(minutes=rng.randint(0, 3000))).strftime("%Y%m%dT%H%M%SZ")
        L += ["BEGIN:VEVENT", f"DTSTART;TZID=Asia/Almaty:{st.strftime('%Y%m%dT%H%M%S')}",
              f"DTEND;TZID=Asia/Almaty:{en.strftime('%Y%m%dT%H%M%S')}", f"DTSTAMP:{stamp}", f"UID:{uid}",
              f"CREATED:{c}", f"DESCRIPTION:{ical_text(de)}", f"LAST-MODIFIED:{lm}", f"LOCATION:{LOC[town]}",
              f"SEQUENCE:{0 if status == 'CONFIRMED' else 1}", f"STATUS:{status}", f"SUMMARY:{ical_text(su)}",
              "TRANSP:OPAQUE", "END:VEVENT"]
        for i, (q, ev) in enumerate(pers, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    L.append("END:VCALENDAR")
    ctx.files[FILE] = ("\r\n".join(ical_fold(x) for x in L) + "\r\n").encode("utf-8")
    ctx.stat_files[FILE] = {"events": len(out_events), "events_by_kind": dict(sorted(n_kind.items())),
                            "cancelled": sum(1 for e in out_events if e[3] == "CANCELLED"),
                            "workers": len({q.pid for e in out_events for q, _ in e[6]}),
                            "persons": sum(len(e[6]) for e in out_events)}

# ================================================================================================================
# 2. the shift camp of the Zhairem mining plant (sqlcmd's output of a SQL Server query, tab-separated)
# ================================================================================================================
CONTRACTORS = [("ТОО «Жайрем Кен Құрылыс»", ["проходчик", "горнорабочий", "крепильщик", "машинист ПДМ"]),
               ("ТОО «ОңтүстікМонтаж»", ["монтажник", "электрогазосварщик", "стропальщик", "бетонщик"]),
               ("ТОО «ГорТехСервис»", ["слесарь-ремонтник", "электрик", "машинист экскаватора"]),
               ("ТОО «Ұлытау Жол»", ["водитель БелАЗа", "водитель", "машинист бульдозера"]),
               ("ТОО «Жайрем Кэмп Сервис»", ["повар", "разнорабочий", "охранник"])]


def vahta(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "vahta_zhairem.tsv"
    EXPORT = dt.datetime(2024, 11, 30, 16, 20)
    workers = []
    for p in pop.persons:
        if p.sex != "M" or p.anc:
            continue
        d0 = D(2023, 6, 1)
        if not pop.alive(p, D(2023, 3, 1)) or not (20 <= age(p.birth, D(2023, 6, 1)) <= 58):
            continue
        t = pop.town_at(p, d0)
        pr = 0.5 if t == "shy" else 0.08 if t in ("zhz", "sat", "uly", "zhd", "krs", "ata") else 0
        if pr and rng.random() < min(0.8, pr * p.vis):
            workers.append(p)
    stays = []
    for p in workers:
        cyc = 28 if rng.random() < 0.7 else 14
        s = dt.datetime.combine(rdate(rng, D(2022, 10, 1), D(2024, 8, 1)), dt.time(rng.randint(6, 20), rng.randint(0, 59)))
        cend = s + dt.timedelta(days=rng.randint(90, 540))
        con, poss = rng.choice(CONTRACTORS)
        pos = rng.choice(poss)
        # the contact the worker named at his first check-in
        sp = pop.spouse_at(p, D(2024, 1, 1))
        cands = []
        if sp is not None:
            cands += [sp] * 6
        if p.mother is not None and pop.alive(p.mother, D(2024, 1, 1)):
            cands += [p.mother] * 2
        if p.father is not None and not p.father.anc and pop.alive(p.father, D(2024, 1, 1)):
            cands += [p.father]
        for par in (p.father, p.mother):
            if par is not None:
                cands += [b for b in par.children if b is not p and pop.alive(b, D(2024, 1, 1)) and age(b.birth, D(2024, 1, 1)) >= 18]
        contact = rng.choice(cands) if cands and rng.random() < 0.65 else None
        while s < cend:
            if s >= dt.datetime(2023, 1, 1) and s <= EXPORT and pop.alive(p, s.date()):
                out = s + dt.timedelta(days=cyc, hours=rng.randint(-3, 3))
                stays.append((s, out if out <= EXPORT else None, p, con, pos, contact))
            s = s + dt.timedelta(days=2 * cyc, hours=rng.randint(-20, 20))
    stays.sort(key=lambda x: (x[0], x[2].pid))
    recs = [("R1", "kk", True), ("R2", "ru", True), ("R3", "ru", False)]
    hdr = ["StayID", "FIO", "IIN", "BirthDate", "Phone", "HomeAddress", "Contractor", "Position", "Block", "Room", "Bed",
           "CheckIn", "CheckOut", "EmergencyContact", "EmergencyPhone"]
    lines = ["Changed database context to 'VahtaCamp'.", "\t".join(hdr), "\t".join("-" * len(h) for h in hdr)]
    sid = 1000
    rooms = {}
    n_contact = 0
    for k, (s, out, p, con, pos, contact) in enumerate(stays, start=1):
        sid += rng.choice([1, 1, 1, 1, 2, 3])
        _, sc, up = rng.choice(recs)
        if p.people != "kz" and sc == "kk":
            sc = "ru"
        fio = F.name(nm.full(p, s.date(), sc, pat=rng.random() < 0.8), FILE)
        if up:
            fio = fio.upper()
        iin = F.iin(p.iin, FILE) if rng.random() < 0.92 else None
        bd = F.birth(p.birth, FILE) if rng.random() < 0.5 or not iin else None
        ph = pop.phone_at(p, s.date())
        a = pop.addr_at(p, s.date())
        home = None
        if a and rng.random() < 0.85:
            home = addr_ru(a, s.date()) if rng.random() < 0.6 else addr_kk(a, s.date())
            if up:
                home = home.upper()
        room = rooms.setdefault(p.pid, (rng.choice(["А-1", "А-2", "Б-1", "Б-2", "В"]), rng.randint(101, 340)))
        ec = ep = None
        if contact is not None:
            rel = relation(pop, p, contact, s.date())
            lang = "kk" if sc == "kk" or rng.random() < 0.4 else "ru"
            csc = sc if contact.people == "kz" else "ru"
            x = rng.random()
            if x < 0.45:
                ec, cev = f"{nm.full(contact, s.date(), csc, pat=rng.random() < 0.4)} ({rel_word(rel, lang)})", "full"
            elif x < 0.85:
                ec, cev = rng.choice([f"{rel_word(rel, lang)} {nm.first(contact, csc)}", f"{nm.first(contact, csc)} - {rel_word(rel, lang)}"]), "first"
            else:
                ec, cev = f"{nm.sur(contact, s.date(), csc)} {nm.first(contact, csc)}", "full"
            ec = F.name(ec, FILE)
            if up:
                ec = ec.upper()
            cph = pop.phone_at(contact, s.date())
            ep = phone_fmt(cph, rng.choice(["eight", "plus", "raw"])) if cph and rng.random() < 0.9 else None
            if ep and rng.random() < 0.1:
                ec, ep = f"{ec} {ep}", None            # the phone typed into the contact's cell
            n_contact += 1
        vals = [str(sid), fio, iin, f"{bd.isoformat()} 00:00:00.000" if bd else None,
                phone_fmt(ph, rng.choice(["eight", "plus"])) if ph and rng.random() < 0.8 else None, home, con, pos,
                room[0], str(room[1]), str(rng.randint(1, 3)), s.strftime("%Y-%m-%d %H:%M:00.000"),
                out.strftime("%Y-%m-%d %H:%M:00.000") if out else None, ec, ep]
        lines.append("\t".join("NULL" if v is None else v for v in vals))
        ctx.t(FILE, str(k), 1, p, ev_of(bool(iin), "full", "full" if bd else None))
        if ec is not None:
            ctx.t(FILE, str(k), 2, contact, ev_of(False, cev, None))
    lines += ["", f"({len(stays)} rows affected)"]
    ctx.files[FILE] = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    ctx.stat_files[FILE] = {"stays": len(stays), "workers": len(workers),
                            "workers_from_shymkent": sum(1 for p in workers if pop.town_at(p, D(2023, 6, 1)) == "shy"),
                            "contacts": n_contact, "persons": len(stays) + n_contact}

# ================================================================================================================
# 3. the akimats' queue for land plots for individual housing (ИЖС); the applicant in the Kazakh ablative
# ================================================================================================================
AKIMAT = {"zhz": ("Жезқазған қ. әкімдігі", "Ж"), "sat": ("Сәтбаев қ. әкімдігі", "С"), "uly": ("Ұлытау ауданы әкімдігі", "Ұ"),
          "zhd": ("Ұлытау ауданы әкімдігі", "Ұ"), "krs": ("Ұлытау ауданы әкімдігі", "Ұ")}


def csv_cell(v, sep=";"):
    if v is None:
        return ""
    v = str(v)
    if any(c in v for c in (sep, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    return v


def izhs(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "izhs_kezek.csv"
    apps = []
    applied = set()
    for p in pop.persons:
        if p.anc:
            continue
        lo, hi = max(D(2012, 1, 10), yrs(p.birth, 21)), min(D(2024, 11, 29), yrs(p.birth, 45))
        if hi <= lo:
            continue
        d = rdate(rng, lo, hi)
        if not pop.alive(p, d):
            continue
        t = pop.town_at(p, d)
        if t not in AKIMAT:
            continue
        sp = pop.spouse_at(p, d)
        pr = 1.3 * (1.4 if sp else 0.7)
        if rng.random() >= min(0.92, pr * p.vis):
            continue
        if sp is not None and sp.pid in applied:
            continue                   # one application a family: the spouse has applied
        applied.add(p.pid)
        apps.append([d, p, t, "new"])
    extra = []
    for d, p, t, _ in apps:
        if rng.random() < 0.06 and t in ("zhz", "sat"):
            d2 = rdate(rng, d + dt.timedelta(days=10), min(d + dt.timedelta(days=900), D(2024, 11, 29)))
            if d2 > d and pop.alive(p, d2):
                extra.append([d2, p, "sat" if t == "zhz" else "zhz", "other_akimat"])
                ctx.F.n[(FILE, "applied_in_the_other_akimat")] += 1
        if rng.random() < 0.08:
            d2 = rdate(rng, d + dt.timedelta(days=400), D(2024, 11, 29))
            if d2 > d and pop.alive(p, d2) and pop.town_at(p, d2) in AKIMAT:
                extra.append([d2, p, pop.town_at(p, d2), "again"])
                ctx.F.n[(FILE, "applied_again_after_removal")] += 1
    apps += extra
    apps.sort(key=lambda a: (a[0], a[1].pid))
    hdr = ["Р/с №", "Кезек нөмірі", "Өтініш тіркелген күні", "Кімнен", "ЖСН", "Туған күні", "Тіркелген мекенжайы",
           "Байланыс телефоны", "Санаты", "Отбасы мүшелерінің саны", "Жұбайының Т.А.Ә.", "Жұбайының ЖСН", "Мәртебесі",
           "Әкімдік"]
    rows = [";".join(hdr)]
    qn = Counter()
    n_abl = Counter()
    n_sp = 0
    again_of = {(a[1].pid) for a in apps if a[3] == "again"}
    for k, (d, p, t, kind) in enumerate(apps, start=1):
        ak, letter = AKIMAT[t]
        qn[(letter, d.year)] += 1
        sc = "kk" if p.people == "kz" and rng.random() < 0.7 else "ru"
        x = rng.random()
        if x < 0.55:
            kz = sc == "kk" and rng.random() < 0.6
            base = nm.full(p, d, sc, kz_style=kz)
            kind_a = "full name"
        elif x < 0.8:
            base = f"{nm.sur(p, d, sc)} {nm.first(p, sc)}"
            kind_a = "surname and first name"
        else:
            base = nm.full(p, d, sc)
            kind_a = "nominative"
        base = F.name(base, FILE)
        who = base if kind_a == "nominative" else " ".join(base.split(" ")[:-1] + [kk_ablative(base.split(" ")[-1])])
        n_abl[kind_a] += 1
        iin = F.iin(p.iin, FILE) if rng.random() < 0.88 else None
        b = F.birth(p.birth, FILE) if rng.random() < 0.55 or not iin else None
        a = pop.addr_at(p, d)
        addr = (addr_kk(a, d) if rng.random() < 0.6 else addr_ru(a, d, obl=k % 5 < 2)) if a else None
        ph = pop.phone_at(p, d)
        sp = pop.spouse_at(p, d)
        kids = [c for c in p.children if pop.alive(c, d) and c.birth <= d and age(c.birth, d) < 18]
        fam = 1 + (1 if sp else 0) + len(kids)
        cat = "көп балалы отбасы" if len(kids) >= 4 else "жас отбасы" if sp and age(p.birth, d) <= 35 else \
            "мүгедектігі бар адам" if rng.random() < 0.03 else "жалпы кезек"
        spn = spi = None
        if sp is not None:
            ssc = "kk" if sp.people == "kz" and rng.random() < 0.65 else "ru"
            spn = F.name(nm.full(sp, d, ssc) if rng.random() < 0.6 else f"{nm.sur(sp, d, ssc)} {nm.first(sp, ssc)}", FILE)
            spi = F.iin(sp.iin, FILE) if rng.random() < 0.65 else None
            n_sp += 1
        if kind == "again" or (p.pid in again_of and kind == "new" and rng.random() < 0.9):
            status = "кезекте" if kind == "again" else "кезектен шығарылды (құжаттар толық емес)"
        elif p.death is not None:
            status = "қайтыс болуына байланысты кезектен шығарылды"
        elif d.year <= 2019 and rng.random() < 0.25:
            status = f"жер учаскесі берілді ({rng.randint(d.year + 1, 2024)})"
        else:
            status = "кезекте"
        vals = [k, f"{letter}-{d.year}-{qn[(letter, d.year)]:04d}", dmy(d), who, iin, dmy(b) if b else None, addr,
                phone_fmt(ph, rng.choice(["eight", "spaced8", "plus", "paren"])) if ph and rng.random() < 0.8 else None,
                cat, fam, spn, spi, status, ak]
        rows.append(";".join(csv_cell(v) for v in vals))
        ctx.t(FILE, str(k), 1, p, ev_of(bool(iin), "full", "full" if b else None))
        if sp is not None:
            ctx.t(FILE, str(k), 2, sp, ev_of(bool(spi), "full", None))
    ctx.files[FILE] = ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")
    ctx.stat_files[FILE] = {"rows": len(apps), "applicants": len({a[1].pid for a in apps}), "spouses": n_sp,
                            "kimnen_forms": dict(sorted(n_abl.items())), "persons": len(apps) + n_sp}

# ================================================================================================================
# 4. garage cooperatives' member ledgers (a workbook, a sheet per cooperative; identity facts in cell notes)
# ================================================================================================================
GSK = [("Металлург-2", "zhz", "ГСК «Металлург-2», г. Жезказган, мкр. Кенгир"),
       ("Кенгир", "zhz", "ГСК «Кенгир», г. Жезказган, ул. Титова (за ТЭЦ)"),
       ("Шахтёр-3", "sat", "ГСК «Шахтёр-3», г. Сатпаев, промзона")]
GSK_HDR = ["№ гаража", "Ф.И.О. члена ГСК", "Дата рожд.", "ИИН", "Домашний адрес", "Тел.", "2019", "2020", "2021",
           "2022", "2023", "2024", "Примечание", "Пользуется по доверенности"]


def gsk(ctx):
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "gsk_reestr.xlsx"
    D0 = D(2019, 1, 1)
    landline = {}
    rows_by = {g[0]: [] for g in GSK}
    gno = {g[0]: Counter() for g in GSK}
    n_notes = Counter()
    taken = set()

    def garage_no(sheet):
        while True:
            v = f"{rng.choice('АБВГД')}-{rng.randint(1, 180)}" if sheet != "Шахтёр-3" else str(rng.randint(1, 420))
            if (sheet, v) not in taken:
                taken.add((sheet, v))
                return v

    owners = []
    for p in pop.persons:
        if p.anc or not pop.alive(p, D0) or age(p.birth, D0) < 30:
            continue
        t = pop.town_at(p, D0)
        if t not in ("zhz", "sat"):
            continue
        pr = 0.85 if p.sex == "M" else 0.04
        if rng.random() < min(0.9, pr * (0.5 + 0.5 * p.vis)):
            owners.append(p)
    for p in owners:
        t = pop.town_at(p, D0)
        sheet = rng.choice(["Металлург-2", "Кенгир"]) if t == "zhz" else "Шахтёр-3"
        for _ in range(2 if rng.random() < 0.1 else 1):
            g = garage_no(sheet)
            holder, since = p, D0
            chain = [(p, None)]
            if p.death and p.death <= D(2024, 6, 30):
                w = pop.spouse_at(p, p.death - dt.timedelta(days=1))
                sons = [c for c in p.children if c.sex == "M" and pop.alive(c, p.death) and age(c.birth, p.death) >= 20
                        and pop.town_at(c, p.death) in ("zhz", "sat")]
                heir = w if w is not None and pop.alive(w, p.death) and rng.random() < 0.5 else (rng.choice(sons) if sons else None)
                if heir is not None:
                    chain = [(p, "умер"), (heir, "наследник")]
            elif pop.town_at(p, D(2024, 11, 30)) not in ("zhz", "sat") and pop.alive(p, D(2024, 11, 30)):
                chain = [(p, "продан")]
            for q, role in chain:
                rows_by[sheet].append((g, q, role, p))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    strike = Font(strike=True)
    n_rows = n_users = 0
    for sheet, town, title in GSK:
        ws = wb.create_sheet(sheet)
        ws.cell(1, 1, title).font = Font(bold=True)
        ws.cell(2, 1, "Реестр членов кооператива и уплаты членских взносов на 01.12.2024 г.")
        for j, h in enumerate(GSK_HDR, 1):
            ws.cell(4, j, h).font = Font(bold=True)
        lst = sorted(rows_by[sheet], key=lambda r: (r[0].split("-")[0] if "-" in r[0] else "", int(r[0].split("-")[-1]),
                                                    r[2] == "наследник"))
        r = 5
        for k, (g, q, role, orig) in enumerate(lst, start=1):
            d = orig.death - dt.timedelta(days=1) if role == "умер" else D0 if role == "продан" else D(2024, 11, 30)
            x = rng.random()
            full = nm.full(q, d, "ru")
            if x < 0.68:
                nmv, nev = full, "full"
            elif x < 0.88:
                nmv, nev = nm.initials(q, d, "ru"), "initials"
            else:
                nmv, nev = f"{nm.sur(q, d, 'ru')} {nm.first(q, 'ru')}", "full"
            nmv = F.name(nmv, FILE)
            y = rng.random()
            b = F.birth(q.birth, FILE)
            bval = b if y < 0.55 else dmy(b) if y < 0.7 else None
            iin = F.iin(q.iin, FILE) if rng.random() < 0.5 else None
            a = pop.addr_at(q, d)
            addr = (f"ул. {streets(a.town)[a.st][1]} {a.house}" + (f"-{a.flat}" if a.flat else "")) if a and rng.random() < 0.85 else None
            ph = pop.phone_at(q, d)
            dw = pop.home_at(q, d)
            tel = None
            if ph and rng.random() < 0.7:
                tel = phone_fmt(ph, rng.choice(["eight", "dash", "raw"]))
            elif dw is not None and q.birth.year < 1965 and rng.random() < 0.6:
                tel = landline.setdefault(dw.did, f"{rng.randint(72, 76)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}")
            if not iin and bval is None and tel is None:
                bval = b
            fees = []
            for yy in range(2019, 2025):
                dd = D(yy, 6, 30)
                if role == "умер" and dd > orig.death:
                    fees.append(None)
                elif role == "наследник" and dd < orig.death:
                    fees.append(None)
                else:
                    fees.append(rng.choice([12000, 12000, 15000, 15000, 15000, "долг", None]) if yy >= 2022 else
                                rng.choice([10000, 10000, 10000, "долг", None]))
            note = {"умер": f"умер {q.death.year if q.death else ''} г., переоформлен", "продан": "гараж продан, выбыл",
                    "наследник": "переоформлен по наследству"}.get(role)
            user = uq = None
            if rng.random() < 0.14:
                cands = [x for x in q.children if x.sex == "M" and pop.alive(x, d) and age(x.birth, d) >= 18]
                if cands:
                    uq = rng.choice(cands)
                    ux = rng.random()
                    if ux < 0.4:
                        user, uev = f"{nm.sur(uq, d, 'ru')} {nm.first(uq, 'ru')} (сын)", "full"
                    elif ux < 0.75:
                        user, uev = f"{nm.full(uq, d, 'ru')}, сын", "full"
                    else:
                        user, uev = f"{nm.initials(uq, d, 'ru')} — сын", "initials"
                    user = F.name(user, FILE)
            vals = [g, nmv, bval, iin, addr, tel] + fees + [note, user]
            for j, v in enumerate(vals, 1):
                if v is None:
                    continue
                c = ws.cell(r, j, v)
                if isinstance(v, D):
                    c.number_format = "DD.MM.YYYY"
                if role in ("умер", "продан"):
                    c.font = strike
            # the chairman's notes (Excel comments)
            z = rng.random()
            if iin is None and z < 0.14:
                ws.cell(r, 2).comment = Comment(f"ИИН {q.iin}", "Председатель")
                n_notes["iin"] += 1
            elif nev == "initials" and z < 0.5:
                ws.cell(r, 2).comment = Comment(f"{nm.first(q, 'ru')} {nm.pat(q, 'ru') or ''}".strip(), "Председатель")
                n_notes["names_of_the_initials"] += 1
            elif q.sex == "F" and nm.sur(q, q.birth, "ru") != nm.sur(q, d, "ru") and z < 0.6:
                ws.cell(r, 2).comment = Comment(f"Девичья фамилия {nm.sur(q, q.birth, 'ru')}", "Председатель")
                n_notes["maiden_name"] += 1
            if isinstance(bval, (D, str)) and b != q.birth and rng.random() < 0.7:
                ws.cell(r, 3).comment = Comment(f"по паспорту {dmy(q.birth)}", "Председатель")
                n_notes["birth_by_passport"] += 1
            if tel and len(q.phones) > 1 and ph == q.phones[0][1] and rng.random() < 0.5:
                ws.cell(r, 6).comment = Comment(f"новый номер {phone_fmt(q.phones[1][1], 'spaced8')}", "Председатель")
                n_notes["new_phone"] += 1
            ev = ev_of(bool(iin), nev, "full" if bval is not None else None)
            ctx.t(FILE, f"{sheet}/{k}", 1, q, ev)
            if user:
                ctx.t(FILE, f"{sheet}/{k}", 2, uq, ev_of(False, uev, None))
                n_users += 1
            r += 1
            n_rows += 1
        for col, w in zip("ABCDEFGHIJKLMN", [10, 36, 12, 15, 26, 16, 8, 8, 8, 8, 8, 8, 26, 30]):
            ws.column_dimensions[col].width = w
    wb.properties.creator = "Председатель"
    wb.properties.created = dt.datetime(2024, 12, 2, 9, 0, 0)
    wb.properties.modified = dt.datetime(2024, 12, 2, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue(), "2024-12-02T09:00:00Z", (2024, 12, 2, 9, 0, 0))
    ctx.stat_files[FILE] = {"rows": n_rows, "rows_by_sheet": {s: len(v) for s, v in rows_by.items()},
                            "owners": len(owners), "users_by_proxy": n_users, "notes": dict(sorted(n_notes.items())),
                            "struck_rows": sum(1 for v in rows_by.values() for x in v if x[2] in ("умер", "продан")),
                            "persons": n_rows + n_users}

# ================================================================================================================
# 5. the "Immortal Regiment" submissions (a workbook saved as xlsx under an .xls name; a block per year)
# ================================================================================================================
POLK_RU = ["№ п/п", "ФИО ветерана", "Годы жизни", "Воинское звание", "Место призыва", "ФИО заявителя", "Кем приходится",
           "Телефон"]
POLK_KK = ["Р/с", "Ардагердің аты-жөні", "Өмір сүрген жылдары", "Әскери атағы", "Шақырылған жері",
           "Өтініш берушінің аты-жөні", "Туыстығы", "Телефоны", "Тұратын қаласы"]
RANK_KK = {"рядовой": "қатардағы жауынгер", "ефрейтор": "ефрейтор", "сержант": "сержант",
           "старший сержант": "аға сержант", "лейтенант": "лейтенант", "старшина": "старшина"}
CALLUP = {"zhz": ("Карсакпайский РВК", "Қарсақпай АӘК"), "sat": ("Улутауский РВК", "Ұлытау АӘК"),
          "kzh": ("Атасуский РВК", "Атасу АӘК"), "zhr": ("Атасуский РВК", "Атасу АӘК"), "uly": ("Улутауский РВК", "Ұлытау АӘК"),
          "zhd": ("Улутауский РВК", "Ұлытау АӘК"), "krs": ("Карсакпайский РВК", "Қарсақпай АӘК"),
          "ata": ("Жана-Аркинский РВК", "Жаңаарқа АӘК")}
DESC_REL = {1: (("ұлы", "сын"), ("қызы", "дочь")), 2: (("немересі", "внук"), ("немересі", "внучка")),
            3: (("шөбересі", "правнук"), ("шөбересі", "правнучка")), 4: (("шөпшегі", "праправнук"), ("шөпшегі", "праправнучка"))}


def desc_depth(pop, a):
    """Every descendant of a with the generation he is in (1: a child)."""
    out = []
    lvl = [(c, 1) for c in a.children]
    seen = set()
    while lvl:
        q, k = lvl.pop(0)
        if q.pid in seen:
            continue
        seen.add(q.pid)
        out.append((q, k))
        lvl.extend((c, k + 1) for c in q.children)
    return out


def first_town(p):
    for d, dw in p.homes:
        if dw is not None and dw.addrs and dw.addrs[0][1] is not None:
            return dw.addrs[0][1].town
    return None


def polk(ctx):
    import openpyxl
    from openpyxl.styles import Font
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "olmes_polk.xls"
    vets = [p for p in pop.persons if p.anc and p.war and first_town(p.children[0]) in ULY]
    blocks = []
    for y in [2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024]:
        d = D(y, 4, 25)
        rows = []
        for v in vets:
            dd = desc_depth(pop, v)
            cands = [(q, k, None) for q, k in dd if pop.alive(q, d) and age(q.birth, d) >= 16
                     and pop.town_at(q, d) in ULY + ("ast",)]
            for q, k in dd:
                if k == 1:
                    s = pop.spouse_at(q, d)
                    if s is not None and pop.town_at(s, d) in ULY + ("ast",):
                        cands.append((s, 1, "inlaw"))
            if not cands or rng.random() >= 0.5:
                continue
            w = [(c, 3 if c[1] == 2 else 2 if c[1] == 1 and c[2] is None else 1) for c in cands]
            first = wpick(rng, w)
            rows.append((v, first))
            if rng.random() < 0.12:
                rest = [c for c in cands if c[0] is not first[0]]
                if rest:
                    rows.append((v, rng.choice(rest)))
                    ctx.F.n[(FILE, "veteran_twice_in_a_year")] += 1
        rng.shuffle(rows)
        blocks.append((y, rows))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Полк"
    r = 1
    k = 0
    n_rows = Counter()
    for y, rows in blocks:
        kz = y >= 2021
        title = f"«Өлмес полк» акциясы — {y} ж. Жезқазған қ. (тізім)" if kz else f"«Бессмертный полк» — {y} г., г. Жезказган"
        ws.cell(r, 1, title).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(POLK_KK if kz else POLK_RU))
        r += 1
        for j, h in enumerate(POLK_KK if kz else POLK_RU, 1):
            ws.cell(r, j, h).font = Font(bold=True)
        r += 1
        for i, (v, (q, kdep, inlaw)) in enumerate(rows, start=1):
            k += 1
            n_rows[y] += 1
            # the veteran as his family writes him: the Soviet spelling of the war's lists or the Kazakh one
            if kz and v.people == "kz" and rng.random() < 0.7:
                vsc = "kk"
            else:
                vsc = "sov" if rng.random() < 0.7 else "ru"
            vn = f"{nm.sur(v, v.birth, vsc)} {nm.first(v, vsc)}"
            if rng.random() < 0.3:
                pt = nm.pat(v, vsc, kz_style=(vsc == "kk" and rng.random() < 0.7))
                if pt:
                    vn += " " + pt
            vn = F.name(vn, FILE)
            by = v.birth.year
            if rng.random() < 0.04:
                by += rng.choice([-1, 1])
                ctx.F.n[(FILE, "birth_year_off_by_one")] += 1
            dash = rng.choice(["–", "-", " - ", "–"])
            fell = v.war.get("fell")
            yrs_s = f"{by}{dash}{v.death.year}"
            if fell:
                yrs_s += (" (қаза тапты)" if fell == "погиб" else " (хабарсыз кетті)") if kz else f" ({fell})"
            rank = RANK_KK[v.war["rank"]] if kz else v.war["rank"]
            t0 = first_town(v.children[0])
            place = CALLUP.get(t0, ("Карагандинский ГВК", "Қарағанды ҚӘК"))[1 if kz else 0]
            ssc = "kk" if kz and q.people == "kz" and rng.random() < 0.75 else "ru"
            ph = pop.phone_at(q, d)
            tel = phone_fmt(ph, rng.choice(["eight", "spaced8", "plus"])) if ph and rng.random() < 0.85 else None
            sn = nm.full(q, d, ssc, pat=rng.random() < 0.5 or tel is None)
            sn = F.name(sn, FILE)
            if inlaw:
                rel = ("келіні", "невестка") if q.sex == "F" else ("күйеу баласы", "зять")
            else:
                rel = DESC_REL.get(kdep, DESC_REL[4])[0 if q.sex == "M" else 1]
            rel = rel[0] if kz else rel[1]
            vals = [i, vn, yrs_s, rank, place, sn, rel, tel]
            if kz:
                tq = pop.town_at(q, d)
                vals.append(town_name(tq, d, "kk") if tq else None)
            for j, val in enumerate(vals, 1):
                if val is not None:
                    ws.cell(r, j, val)
            ctx.t(FILE, str(k), 1, v, ev_of(False, "full", "year"))
            ctx.t(FILE, str(k), 2, q, ev_of(False, "full", None))
            r += 1
        r += 1                                   # a blank row between the years
    for col, w in zip("ABCDEFGHI", [6, 34, 18, 18, 22, 36, 14, 18, 16]):
        ws.column_dimensions[col].width = w
    wb.properties.creator = "Жастар орталығы"
    wb.properties.created = dt.datetime(2024, 5, 20, 11, 0, 0)
    wb.properties.modified = dt.datetime(2024, 5, 20, 11, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue(), "2024-05-20T11:00:00Z", (2024, 5, 20, 11, 0, 0))
    ctx.stat_files[FILE] = {"rows": k, "rows_by_year": {str(y): n for y, n in sorted(n_rows.items())},
                            "veterans_submitted": len({v.pid for _, rows in blocks for v, _ in rows}),
                            "fell_in_the_war": sum(1 for v in vets if v.war.get("fell")), "persons": 2 * k}

# ================================================================================================================
# 6. a wrestling federation's registration chat (a Telegram Desktop export)
# ================================================================================================================
CLUBS = {"zhz": ("«Жезқазған» күрес клубы", ["Оспанов Е.К.", "Тұрсынов Б.А."]), "sat": ("«Алаш» клубы, Сәтбаев", ["Жүнісов М.Т."]),
         "kzh": ("Қаражал күрес секциясы", ["Ыбыраев Қ.С."]), "zhr": ("Қаражал күрес секциясы", ["Ыбыраев Қ.С."]),
         "uly": ("Ұлытау ауданы құрамасы", ["Сұлтанов Ж.Ж."]), "zhd": ("Ұлытау ауданы құрамасы", ["Сұлтанов Ж.Ж."]),
         "krs": ("Ұлытау ауданы құрамасы", ["Сұлтанов Ж.Ж."]), "ata": ("Жаңаарқа ауданы құрамасы", ["Есенов Д.Н."]),
         "shy": ("«Қайрат» клубы, Шымкент", ["Алтынбеков Р.М."])}
ADMINS = [("Ерлан Жақыпов", "user1207734561"), ("Федерация Ұлытау", "user5121904432"), ("Бекзат Оспанов", "user6088123377")]
BOT = ("Күрес тіркеу", "user6234556012")


def tg_pieces(pieces):
    """Merge adjacent plain strings; the export's `text` (strings and entity objects) and `text_entities`."""
    out = []
    for x in pieces:
        if isinstance(x, str) and out and isinstance(out[-1], str):
            out[-1] += x
        elif x != "":
            out.append(x)
    ents = [{"type": "plain", "text": x} if isinstance(x, str) else x for x in out]
    if len(out) == 1 and isinstance(out[0], str):
        return out[0], ents
    return out, ents


def kures(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "kures_tirkeu.json"
    tours = []
    for y in range(2019, 2025):
        d1 = D(y, 3, rng.randint(12, 26) if y != 2020 else rng.randint(5, 12))
        reg1 = "Жезқазған өңірінің" if d1 < D(2022, 6, 8) else "Ұлытау облысының"
        reg1_ru = "Первенство Жезказганского региона" if d1 < D(2022, 6, 8) else "Первенство области Ұлытау"
        tours.append((d1, f"{reg1} қазақ күресінен жасөспірімдер арасындағы біріншілігі", "youth",
                      f"{reg1_ru} по казакша курес среди юношей {y}"))
        d3 = D(y, 6, rng.randint(3, 20))
        town3 = "Жезқазған" if y % 2 else "Сәтбаев"
        if y == 2020:
            continue                       # the state of emergency of 2020: no summer or autumn tournament
        tours.append((d3, f"{town3} қаласының қазақ күресінен балалар мен жасөспірімдер турнирі", "youth",
                      f"Турнир г. {'Жезказган' if y % 2 else 'Сатпаев'} {y}"))
        d2 = D(y, 10, rng.randint(5, 26))
        tours.append((d2, f"«Ұлытау» кубогы — {y} (ашық турнир)", "cup", f"Кубок «Улытау» {y}"))
    athletes = []
    for p in pop.persons:
        if p.sex != "M" or p.anc or p.birth.year < 1984 or p.birth.year > 2014:
            continue
        t = pop.town_at(p, D(2022, 9, 1))
        if t in ULY:
            pr = 0.8 if p.birth.year >= 2002 else 0.14
        elif t == "shy":
            pr = 0.06
        else:
            continue
        if p.people != "kz":
            pr *= 0.3
        if rng.random() < min(0.9, pr * p.vis):
            athletes.append(p)
    regs = []
    for d, tname, kind, tname_ru in tours:
        for p in athletes:
            a = age(p.birth, d)
            t = pop.town_at(p, d)
            if not pop.alive(p, d) or t is None:
                continue
            if kind == "youth" and not (10 <= a <= 17 and t in ULY):
                continue
            if kind == "cup" and not (16 <= a <= 35 and (t in ULY or t == "shy")):
                continue
            if rng.random() < 0.85:
                rd = dt.datetime.combine(d - dt.timedelta(days=rng.randint(2, 20)), dt.time(rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59)))
                regs.append((rd, p, d, tname, kind, tname_ru, t))
    regs.sort(key=lambda x: (x[0], x[1].pid))
    habits = {}
    msgs = []          # (datetime, dict, persons)
    n_by = Counter()
    for no, (rd, p, d, tname, kind, tname_ru, t) in enumerate(regs, start=1):
        a = age(p.birth, d)
        parent = None
        if a < 18:
            pars = [x for x in (p.mother, p.father) if x is not None and not x.anc and pop.alive(x, rd.date())]
            if pars and rng.random() < 0.88:
                parent = pars[0] if rng.random() < 0.6 else pars[-1]
        typer = parent or p
        hb = habits.get(typer.pid)
        if hb is None:
            x = rng.random()
            hb = "kk" if x < 0.55 else "ru" if x < 0.9 else "RU"
            habits[typer.pid] = hb
        v2 = rd.date() >= D(2023, 1, 1)
        copies = 2 if rng.random() < 0.05 else 1
        for c in range(copies):
            sc = "ru" if hb == "RU" or (hb == "kk" and p.people != "kz") else hb
            nmv = nm.full(p, rd.date(), sc, pat=rng.random() < 0.4)
            nmv = F.name(nmv, FILE)
            if hb == "RU":
                nmv = nmv.upper()
            b = F.birth(p.birth, FILE) if c == 0 else p.birth
            iin = F.iin(p.iin, FILE) if v2 and rng.random() < 0.7 else None
            w = max(26, min(120, int(3 * a + rng.randint(-6, 12)))) if a < 18 else rng.choice([66, 74, 82, 90, 100, 110, 120])
            club, coaches = CLUBS[t]
            pieces = [{"type": "bold", "text": f"📝 {'Өтінім' if v2 else 'Заявка'} № {no}"}, "\n",
                      {"type": "bold", "text": "Жарыс:" if v2 else "Турнир:"}, f" {tname if v2 else tname_ru}\n",
                      {"type": "bold", "text": "Балуан:" if v2 else "Спортсмен:"}, f" {nmv}\n",
                      {"type": "bold", "text": "Туған күні:" if v2 else "Дата рождения:"}, f" {dmy(b)}\n"]
            if iin:
                pieces += [{"type": "bold", "text": "ЖСН:"}, f" {iin}\n"]
            pieces += [{"type": "bold", "text": "Салмағы:" if v2 else "Вес:"}, f" {w} кг\n",
                       {"type": "bold", "text": "Клуб:"}, f" {club}\n",
                       {"type": "bold", "text": "Жаттықтырушы:" if v2 else "Тренер:"}, f" {rng.choice(coaches)}\n"]
            persons = [(p, ev_of(bool(iin), "full", "full"))]
            if parent is not None:
                psc = "ru" if hb == "RU" or (hb == "kk" and parent.people != "kz") else hb
                pn = nm.full(parent, rd.date(), psc, pat=rng.random() < 0.5)
                pn = F.name(pn, FILE)
                if hb == "RU":
                    pn = pn.upper()
                pph = pop.phone_at(parent, rd.date())
                pieces += [{"type": "bold", "text": "Ата-анасы:" if v2 else "Родитель:"}, f" {pn}"]
                if pph:
                    pieces += [", тел. " if not v2 else ", ", {"type": "phone", "text": phone_fmt(pph, rng.choice(["plus", "eight", "spaced"]))}]
                pieces.append("\n")
                persons.append((parent, ev_of(False, "full", None)))
            elif a >= 18:
                ph = pop.phone_at(p, rd.date())
                if ph:
                    pieces += [{"type": "bold", "text": "Телефон:"}, " ", {"type": "phone", "text": phone_fmt(ph, "plus")}, "\n"]
            tag = ("#жасөспірімдер" if v2 else "#юноши") if kind == "youth" else ("#ересектер" if v2 else "#взрослые")
            pieces += [{"type": "hashtag", "text": tag}, " ",
                       {"type": "hashtag", "text": f"#U{min(17, 11 + 2 * ((a - 10) // 2))}" if a < 18 else "#open"}]
            when = rd + dt.timedelta(minutes=45 * c + rng.randint(0, 20) * c)
            msgs.append((when, {"type": "message", "from": BOT[0], "from_id": BOT[1], "pieces": pieces}, persons))
            n_by["registrations"] += 1
            if c:
                ctx.F.n[(FILE, "registered_twice")] += 1
            if rng.random() < 0.3:
                adm = rng.choice(ADMINS)
                msgs.append((when + dt.timedelta(minutes=rng.randint(5, 600)),
                             {"type": "message", "from": adm[0], "from_id": adm[1], "reply": True,
                              "pieces": [rng.choice(["Қабылданды ✅", "Принято", "✅", "Қабылданды, таразылауға келіңіздер"])]},
                             []))
                n_by["replies"] += 1
    for d, tname, kind, tname_ru in tours:
        for txt in [f"Құрметті жаттықтырушылар! {tname} — {dmy(d)}. Таразылау сағат 9:00-де. Тіркеу боты арқылы.",
                    "Тіркеу жабылды. Рахмет!"]:
            adm = rng.choice(ADMINS)
            when = dt.datetime.combine(d - dt.timedelta(days=21 if "Тіркеу боты" in txt else 1), dt.time(rng.randint(9, 18), rng.randint(0, 59)))
            msgs.append((when, {"type": "message", "from": adm[0], "from_id": adm[1], "pieces": [txt]}, []))
            n_by["announcements"] += 1
        adm = rng.choice(ADMINS)
        msgs.append((dt.datetime.combine(d - dt.timedelta(days=20), dt.time(10, 0)),
                     {"type": "service", "actor": adm[0], "actor_id": adm[1], "action": "pin_message"}, []))
        n_by["service"] += 1
    msgs.sort(key=lambda m: m[0])
    start = dt.datetime(2019, 1, 28, 9, 12, 44)
    out = [{"id": 1, "type": "service", "date": start.isoformat(), "date_unixtime": str(int((start - dt.datetime(1970, 1, 1)).total_seconds()) - 6 * 3600),
            "actor": ADMINS[0][0], "actor_id": ADMINS[0][1], "action": "migrate_from_group",
            "title": "Жезқазған өңірі — қазақ күресі (тіркеу)", "text": "", "text_entities": []}]
    mid = 1
    last_bot = None
    persons_of = [[]]
    for when, m, persons in msgs:
        mid += rng.choice([1, 1, 1, 1, 1, 2, 3])
        off = 6 if when < dt.datetime(2024, 3, 1) else 5
        unix = str(int((when - dt.datetime(1970, 1, 1)).total_seconds()) - off * 3600)
        o = {"id": mid, "type": m["type"], "date": when.isoformat(), "date_unixtime": unix}
        if m["type"] == "service":
            o.update({"actor": m["actor"], "actor_id": m["actor_id"], "action": m["action"],
                      "message_id": last_bot or 1, "text": "", "text_entities": []})
        else:
            if m.get("from") == BOT[0] and rng.random() < 0.04:
                e = when + dt.timedelta(minutes=rng.randint(1, 90))
                o.update({"edited": e.isoformat(), "edited_unixtime": str(int((e - dt.datetime(1970, 1, 1)).total_seconds()) - off * 3600)})
            o.update({"from": m["from"], "from_id": m["from_id"]})
            if m.get("reply") and last_bot:
                o["reply_to_message_id"] = last_bot
            text, ents = tg_pieces(m["pieces"])
            o["text"] = text
            o["text_entities"] = ents
            if m["from"] == BOT[0]:
                last_bot = mid
        out.append(o)
        persons_of.append(persons)
    for k, persons in enumerate(persons_of, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    doc = {"name": "Ұлытау облысы — қазақ күресі (тіркеу)", "type": "private_supergroup", "id": 1587342290, "messages": out}
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    ctx.stat_files[FILE] = {"messages": len(out), "by_kind": dict(sorted(n_by.items())), "tournaments": len(tours),
                            "athletes": len({r[1].pid for r in regs}),
                            "parents": sum(1 for ps in persons_of if len(ps) > 1),
                            "persons": sum(len(ps) for ps in persons_of)}

# ================================================================================================================
# 7. a mining company museum's pages of labour dynasties (scraped JSON-LD, a line per page)
# ================================================================================================================
PROF_KK = {"ЖМЗ": "металлург", "ЖОФ-2": "байыту фабрикасының қызметкері", "СОФ": "байыту фабрикасының қызметкері",
           "ТЭЦ": "энергетик"}
AWARDS_RU = ["знак «Шахтёрская слава» III степени", "знак «Шахтёрская слава» II степени", "медаль «Ветеран труда»",
             "звание «Почётный металлург»", "орден «Құрмет»", "Почётная грамота корпорации"]
AWARDS_KK = ["«Кеншілер даңқы» III дәрежелі белгісі", "«Кеншілер даңқы» II дәрежелі белгісі", "«Еңбек ардагері» медалі",
             "«Құрметті металлург» атағы", "«Құрмет» ордені", "Корпорацияның Құрмет грамотасы"]


def aulet(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "enbek_aulet.jsonl"
    dyn = []
    for f in pop.persons:
        if f.sex != "M" or f.anc or not f.job or f.job["start"] > D(2002, 1, 1):
            continue
        kids = [c for c in f.children if c.birth < D(2002, 1, 1)]
        miners = [c for c in kids if c.job]
        pr = 0.8 if miners and len(kids) >= 2 else 0.4 if miners or len(kids) >= 3 else 0.1
        if rng.random() < min(0.95, pr * (0.6 + 0.4 * f.vis)):
            dyn.append((rdate(rng, D(2018, 3, 1), D(2024, 10, 31)), f))
    dyn.sort(key=lambda x: (x[0], x[1].pid))
    lines = []
    n_pages = Counter()
    for no, (pub, f) in enumerate(dyn, start=101):
        wife = f.marriages[0].w if f.marriages else None
        kids = sorted([c for c in f.children if c.birth <= yrs(pub, -18)], key=lambda c: (c.birth, c.pid))
        has_spouse = wife is not None and rng.random() < 0.85
        full_birth = rng.random() < 0.55
        langs = ["kk"] + (["ru"] if rng.random() < 0.8 else [])
        for lang in langs:
            pd = pub if lang == "kk" else pub + dt.timedelta(days=rng.randint(0, 60))
            sc = "kk" if lang == "kk" and f.people == "kz" else "ru"

            def nd(q):
                return min(pd, q.death - dt.timedelta(days=1)) if q.death and q.death <= pd else pd

            def person(q, role):
                s = "kk" if lang == "kk" and q.people == "kz" else "ru"
                qd = nd(q)
                if role == "founder":
                    name = nm.full(q, qd, s, kz_style=(s == "kk" and rng.random() < 0.6))
                else:
                    name = nm.full(q, qd, s, pat=rng.random() < 0.5)
                name = F.name(name, FILE)
                o = {"@type": "Person", "name": name}
                if role == "founder" and pd >= D(2021, 1, 1):
                    parts = name.split(" ")
                    o["familyName"] = parts[0]
                    o["givenName"] = parts[1] if len(parts) > 1 else None
                    if len(parts) > 2:
                        o["additionalName"] = parts[2]
                x = rng.random()
                bev = None
                if role == "founder":
                    o["birthDate"] = F.birth(q.birth, FILE).isoformat() if full_birth else str(q.birth.year)
                    bev = "full" if full_birth else "year"
                elif x < (0.6 if role == "spouse" else 0.7):
                    o["birthDate"] = str(q.birth.year)
                    bev = "year"
                elif x < 0.88:
                    o["birthDate"] = F.birth(q.birth, FILE).isoformat()
                    bev = "full"
                if q.death and q.death <= pd:
                    o["deathDate"] = str(q.death.year) if rng.random() < 0.6 else q.death.isoformat()
                if q.job:
                    emp = q.job["emp"]
                    o["jobTitle"] = q.job["prof"] if lang == "ru" else PROF_KK.get(emp[0], "кенші")
                    o["worksFor"] = emp[1]
                return o, ev_of(False, "full", bev)

            o, ev1 = person(f, "founder")
            obj = {"@context": "https://schema.org", "@type": "Person",
                   "@id": f"https://ken-muzei.example.kz/{lang}/{'aulet' if lang == 'kk' else 'dinastii'}/{no}#founder"}
            obj.update({k: v for k, v in o.items() if k != "@type"})
            j = f.job
            years = max(1, (min(j["end"], D(2024, 1, 1)) - j["start"]).days // 365)
            obj["description"] = (f"{j['start'].year} жылдан бастап {town_name(j['town'], j['start'], 'kk')} қаласында {years} жыл "
                                  f"еңбек етті. Әулеттің жалпы еңбек өтілі — {years + 11 * len([c for c in kids if c.job])} жыл."
                                  if lang == "kk" else
                                  f"Трудовой стаж — {years} лет, с {j['start'].year} года, г. {town_name(j['town'], j['start'])}. "
                                  f"Общий стаж династии — {years + 11 * len([c for c in kids if c.job])} лет.")
            obj["award"] = sorted(rng.sample(AWARDS_KK if lang == "kk" else AWARDS_RU, rng.randint(1, 2)))
            persons = [(1, f, ev1)]
            if has_spouse:
                so, ev2 = person(wife, "spouse")
                obj["spouse"] = so
                persons.append((2, wife, ev2))
            ch = []
            for i, c in enumerate(kids, start=1):
                co, evc = person(c, "child")
                ch.append(co)
                persons.append((2 + i, c, evc))
            if ch:
                obj["children"] = ch
            obj["url"] = obj["@id"].split("#")[0]
            obj["datePublished"] = pd.isoformat()
            obj["inLanguage"] = lang
            lines.append((obj, persons))
            n_pages[lang] += 1
    for k, (obj, persons) in enumerate(lines, start=1):
        for i, q, ev in persons:
            ctx.t(FILE, str(k), i, q, ev)
    ctx.files[FILE] = ("\n".join(json.dumps(o) for o, _ in lines) + "\n").encode("ascii")
    ctx.stat_files[FILE] = {"pages": len(lines), "pages_by_language": dict(sorted(n_pages.items())), "dynasties": len(dyn),
                            "persons": sum(len(p) for _, p in lines)}

# ================================================================================================================
# 8. the rehabilitation commission's mailbox (an mbox)
# ================================================================================================================
COMM = ("Ұлытау облыстық ақтау комиссиясы", "aqtau@ulytau-komissiya.example.kz")
WDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rfc2822(t, off=6):
    return f"{WDAY[t.weekday()]}, {t.day} {MON[t.month - 1]} {t.year} {t.strftime('%H:%M:%S')} +0{off}00"


def ew_chunks(s, size):
    """Pieces of s for RFC 2047 encoded words: whole characters, broken after a space where one fits (as mail programs
    do), each at most 75 characters once encoded."""
    toks = [w + " " for w in s.split(" ")[:-1]] + [s.split(" ")[-1]]
    out, cur = [], ""
    for t in toks:
        if cur and size(cur + t) > 75:
            out.append(cur)
            cur = ""
        while size(t) > 75:
            k = len(t)
            while size(t[:k]) > 75:
                k -= 1
            out.append(t[:k])
            t = t[k:]
        cur += t
    if cur:
        out.append(cur)
    return out


def q_enc(x):
    return "".join(chr(c) if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122) else "_" if c == 32 else "=%02X" % c
                   for c in x.encode("utf-8"))


def ew_b(s):
    """RFC 2047 encoded words (B), folded."""
    size = lambda x: 12 + len(base64.b64encode(x.encode("utf-8")))
    return "\n ".join("=?UTF-8?B?" + base64.b64encode(x.encode("utf-8")).decode("ascii") + "?="
                      for x in ew_chunks(s, size))


def ew_q(s):
    """RFC 2047 encoded words (Q), folded."""
    size = lambda x: 12 + len(q_enc(x))
    return "\n ".join("=?utf-8?Q?" + q_enc(x) + "?=" for x in ew_chunks(s, size))


def b64_lines(b):
    s = base64.b64encode(b).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def qp(s):
    return quopri.encodestring(s.encode("utf-8")).decode("ascii")


REPR_KK = {"1928": "{y} ж. бай ретінде мал-мүлкі тәркіленіп, жер аударылған",
           "1937": "{y} ж. тұтқындалып, ҚазКСР ҚК-нің {a} бабы бойынша {t}",
           "1949": "{y} ж. тұтқындалып, {a} бап бойынша {t}",
           "dekulak": "{y} ж. кәмпескеленіп, Қарлагқа жер аударылған",
           "deport": "1941 ж. Еділ бойы неміс АКСР-інен Қазақстанға жер аударылған, еңбек армиясында болған",
           "steplag": "{y} ж. Литва КСР-інде тұтқындалып, {a} бап бойынша {t}, Степлагта (Кеңгір) отырған, {r} ж. босатылған"}
REPR_RU = {"1928": "в {y} г. конфискован как бай и выслан",
           "1937": "арестован в {y} г., осуждён по ст. {a} УК КазССР {t}",
           "1949": "арестован в {y} г., осуждён по ст. {a} {t}",
           "dekulak": "раскулачен в {y} г., выслан в Карлаг",
           "deport": "в 1941 г. депортирован из АССР немцев Поволжья в Казахстан, трудармия",
           "steplag": "арестован в {y} г. в Литовской ССР, осуждён по ст. {a} на {n} лет ИТЛ, Степлаг (Кенгир), освобождён в {r} г."}


def rehab(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "aqtau_hattar.txt"
    reps = [p for p in pop.persons if p.anc and p.repr]
    apps = []
    for a in reps:
        dd = [(q, k) for q, k in desc_depth(pop, a) if pop.alive(q, D(2022, 6, 1)) and age(q.birth, D(2022, 6, 1)) >= 25]
        if not dd:
            continue
        pr = {"kz": 0.75, "lt": 0.6, "de": 0.45}.get(a.people, 0.5)
        if rng.random() >= pr:
            continue
        n = wpick(rng, [(1, 50), (2, 30), (3, 14), (4, 6)])
        for q, k in rng.sample(dd, min(n, len(dd))):
            d = dt.datetime.combine(rdate(rng, D(2021, 2, 1), D(2023, 11, 30)), dt.time(rng.randint(7, 23), rng.randint(0, 59), rng.randint(0, 59)))
            if pop.alive(q, d.date()):
                apps.append([d, q, [(a, k)]])
    # one letter for two grandfathers
    by_q = defaultdict(list)
    for x in apps:
        by_q[x[1].pid].append(x)
    merged = []
    for pid in sorted(by_q):
        lst = by_q[pid]
        if len(lst) >= 2 and rng.random() < 0.5:
            merged.append([lst[0][0], lst[0][1], lst[0][2] + lst[1][2]])
            merged.extend(lst[2:])
            ctx.F.n[(FILE, "one_letter_for_two_ancestors")] += 1
        else:
            merged.extend(lst)
    apps = merged
    msgs = []
    emails = {}
    for d, q, ancs in apps:
        copies = 2 if rng.random() < 0.04 else 1
        lang = "kk" if q.people == "kz" and rng.random() < 0.6 else "ru"
        email = emails.get(q.pid)
        if email is None:
            base = informal(q.first["ru"], rng).lower() + rng.choice([".", "_", ""]) + informal(nm.sur(q, d.date(), "ru"), rng).lower()
            email = f"{base}{rng.choice(['', str(q.birth.year % 100), str(rng.randint(1, 99))])}@{rng.choice(['mail.ru', 'gmail.com', 'inbox.ru', 'mail.kz', 'list.ru'])}"
            emails[q.pid] = email
        for c in range(copies):
            sc = "kk" if lang == "kk" else "ru"
            an = nm.full(q, d.date(), sc, pat=rng.random() < 0.75, kz_style=(sc == "kk" and rng.random() < 0.6))
            an = F.name(an, FILE)
            iin = F.iin(q.iin, FILE) if rng.random() < 0.75 else None
            b = F.birth(q.birth, FILE) if rng.random() < 0.6 or not iin else None
            a_ = pop.addr_at(q, d.date())
            ph = pop.phone_at(q, d.date())
            L = []
            if lang == "kk":
                L += ["Құрметті комиссия мүшелері!", "",
                      "Саяси қуғын-сүргін құрбаны болған туысымды ақтау туралы мәселені қарауыңызды сұраймын.", "",
                      f"Өтініш беруші: {an}"]
                if iin:
                    L.append(f"ЖСН: {iin}")
                if b:
                    L.append(f"Туған күні: {dmy(b)}")
                if a_ and rng.random() < 0.7:
                    L.append(f"Мекенжайы: {addr_kk(a_, d.date())}")
                if ph and rng.random() < 0.8:
                    L.append(f"Телефон: {phone_fmt(ph, rng.choice(['spaced8', 'plus', 'eight']))}")
            else:
                L += ["Уважаемые члены комиссии!", "", "Прошу рассмотреть вопрос о реабилитации моего родственника.", ""]
                head = f"Заявитель: {an}"
                if iin:
                    head += f", ИИН {iin}"
                if b:
                    head += f", {dmy(b)} г.р."
                L.append(head)
                if a_ and rng.random() < 0.7:
                    L.append(f"Адрес: {addr_ru(a_, d.date())}")
                if ph and rng.random() < 0.8:
                    L.append(f"Тел.: {phone_fmt(ph, rng.choice(['spaced8', 'plus', 'eight']))}")
            persons = [(q, ev_of(bool(iin), "full", "full" if b else None))]
            for a, k in ancs:
                r = a.repr
                x = rng.random()
                if lang == "kk" and a.people == "kz":
                    asc = "kk" if x < 0.55 else "sov"
                else:
                    asc = "sov"
                aname = f"{nm.sur(a, a.birth, asc)} {nm.first(a, asc)}"
                if rng.random() < 0.55:
                    pt = nm.pat(a, asc, kz_style=(asc == "kk" and rng.random() < 0.8))
                    if pt:
                        aname += " " + pt
                if a.people == "kz" and asc == "kk" and a.first["sov"] != a.first["kk"] and rng.random() < 0.4:
                    aname += f" (құжаттарда — {a.first['sov']})" if lang == "kk" else f" (в документах — {a.first['sov']})"
                if a.people == "lt" and rng.random() < 0.6:
                    aname += f" ({nm.sur(a, a.birth, 'lat')} {nm.first(a, 'lat')})"
                aname = F.name(aname, FILE)
                y = rng.random()
                if y < 0.62:
                    bs = f"{a.birth.year} ж.т." if lang == "kk" else f"{a.birth.year} г.р."
                elif y < 0.82:
                    bs = f"00.00.{a.birth.year}"
                else:
                    bs = dmy(a.birth)
                rel = DESC_REL.get(k, DESC_REL[4])[0 if q.sex == "M" else 1][0 if lang == "kk" else 1]
                t = {1: "бір жыл", 3: "3 жылға", 5: "5 жылға", 8: "8 жылға", 10: "10 жылға", 15: "15 жылға",
                     25: "25 жылға"}.get(r["term"], "") if lang == "kk" else (f"к {r['term']} годам ИТЛ" if r["term"] else "")
                if r["shot"]:
                    t = "ату жазасына кесілген" if lang == "kk" else "к высшей мере наказания (расстрел)"
                elif lang == "kk" and t:
                    t += " бас бостандығынан айырылған"
                tmpl = (REPR_KK if lang == "kk" else REPR_RU)[r["kind"]]
                what = tmpl.format(y=r["arrest"].year, a=r["article"] or "", t=t, r=r["release"].year if r["release"] else "",
                                   n=r["term"] or "")
                what = what if what.endswith(".") else what + "."
                if lang == "kk":
                    L += ["", f"Репрессияға ұшыраған: {aname}", f"Туған жылы: {bs}", f"Туыстығым: {rel}", f"Мәліметтер: {what}"]
                else:
                    L += ["", f"Репрессированный: {aname}, {bs}", f"Степень родства: {rel}", f"Сведения: {what}"]
                persons.append((a, ev_of(False, "full", "full" if y >= 0.82 else "year")))
            L += ["", "Құрметпен," if lang == "kk" else "С уважением,", nm.first(q, sc)]
            text = "\n".join(L)
            subj = (f"Ақтау туралы өтініш ({nm.sur(ancs[0][0], ancs[0][0].birth, 'kk' if lang == 'kk' and ancs[0][0].people == 'kz' else 'sov')})"
                    if lang == "kk" else f"Заявление о реабилитации — {nm.sur(ancs[0][0], ancs[0][0].birth, 'sov')}")
            if c:
                subj = "Fwd: " + subj if rng.random() < 0.5 else subj + " (қайта жіберемін)"
                ctx.F.n[(FILE, "sent_twice")] += 1
            disp = rng.choice([f"{nm.sur(q, d.date(), sc)} {nm.first(q, sc)}", f"{nm.first(q, 'icao').title()} {nm.sur(q, d.date(), 'icao').title()}", None])
            when = d + dt.timedelta(hours=rng.randint(1, 48)) * c
            msgs.append((when, "app", q, email, disp, subj, text, persons))
            if c == 0 and rng.random() < 0.35:
                rn = rng.randint(10, 999)
                rtxt = (f"Құрметті {nm.first(q, 'kk' if q.people == 'kz' else 'ru')}!\n\nСіздің өтінішіңіз № {rn} болып тіркелді. "
                        f"Архив құжаттары сұратылды, нәтижесі туралы хабарланады.\n\nКомиссия хатшылығы") if lang == "kk" else \
                    (f"Уважаемый(ая) {nm.first(q, 'ru')}!\n\nВаше заявление зарегистрировано за № {rn}. "
                     f"Направлен запрос в архив, о результатах сообщим.\n\nСекретариат комиссии")
                msgs.append((d + dt.timedelta(days=rng.randint(1, 15), hours=rng.randint(0, 8)), "reply", q, email, None,
                             "Re: " + subj, rtxt, []))
    msgs.sort(key=lambda m: (m[0], m[1]))
    out = []
    recs = []
    for when, kind, q, email, disp, subj, text, persons in msgs:
        utc = when - dt.timedelta(hours=6)
        host = rng.choice(["f512.i.mail.ru", "mail-lf1-f54.google.com", "mx1.mail.kz", "smtp41.i.mail.ru"])
        mid = f"<{int((utc - dt.datetime(1970, 1, 1)).total_seconds())}.{rng.randint(100000, 999999)}@{host}>"
        if kind == "app":
            frm_addr, to_addr = email, COMM[1]
            frm = (ew_b(disp) + f" <{email}>") if disp and not disp.isascii() else (f"{disp} <{email}>" if disp else email)
            to = ew_b(COMM[0]) + f" <{COMM[1]}>"
        else:
            frm_addr, to_addr = COMM[1], email
            frm = ew_b(COMM[0]) + f" <{COMM[1]}>"
            to = email
        subj_h = ew_b(subj) if rng.random() < 0.6 else ew_q(subj)
        H = [f"From {frm_addr} {WDAY[utc.weekday()]} {MON[utc.month - 1]} {utc.day:2d} {utc.strftime('%H:%M:%S')} {utc.year}",
             f"Return-Path: <{frm_addr}>",
             f"Received: from {host} ({host} [{rng.randint(5, 220)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}])\n"
             f"\tby mx.ulytau-komissiya.example.kz with ESMTPS id {rand_token(rng, 12, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')};\n"
             f"\t{rfc2822(when + dt.timedelta(seconds=rng.randint(1, 9)))}",
             f"Date: {rfc2822(when)}", f"From: {frm}", f"To: {to}", f"Subject: {subj_h}", f"Message-ID: {mid}",
             "MIME-Version: 1.0"]
        enc = wpick(rng, [("base64", 45), ("quoted-printable", 45), ("8bit", 10)])
        if enc == "8bit" and any(ln.startswith("From ") for ln in text.split("\n")):
            enc = "base64"

        def part(txt, ctype="text/plain", e=enc):
            body = b64_lines(txt.encode("utf-8")) if e == "base64" else qp(txt) if e == "quoted-printable" else txt
            return [f"Content-Type: {ctype}; charset=\"UTF-8\"", f"Content-Transfer-Encoding: {e}", "", body]

        shape = wpick(rng, [("plain", 55), ("alt", 28), ("mixed", 17)]) if kind == "app" else "plain"
        if shape == "plain":
            B = H + part(text)
        else:
            bnd = "0000000000" + rand_token(rng, 16, "0123456789abcdef")
            html = "<div dir=\"ltr\">" + "<br>".join(x.replace("&", "&amp;").replace("<", "&lt;") for x in text.split("\n")) + "</div>"
            B = H + [f"Content-Type: multipart/{'alternative' if shape == 'alt' else 'mixed'}; boundary=\"{bnd}\"", "",
                     f"--{bnd}"] + part(text)
            if shape == "alt":
                B += ["", f"--{bnd}"] + part(html, "text/html", "quoted-printable")
            else:
                fname = rng.choice(["анықтама.jpg", "архив_справка.jpg", "скан_паспорта.jpg", "IMG_2041.jpg"])
                blob = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + bytes(rng.getrandbits(8) for _ in range(rng.randint(300, 700))) + bytes([0xFF, 0xD9])
                B += ["", f"--{bnd}", f"Content-Type: image/jpeg; name=\"{ew_b(fname) if not fname.isascii() else fname}\"",
                      f"Content-Disposition: attachment; filename=\"{ew_b(fname) if not fname.isascii() else fname}\"",
                      "Content-Transfer-Encoding: base64", "", b64_lines(blob)]
            B += ["", f"--{bnd}--"]
        out.append("\n".join(B) + "\n")
        recs.append(persons)
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    ctx.files[FILE] = "\n".join(out).encode("utf-8")
    ctx.stat_files[FILE] = {"messages": len(msgs), "applications": sum(1 for m in msgs if m[1] == "app"),
                            "replies": sum(1 for m in msgs if m[1] == "reply"),
                            "repressed_named": len({q.pid for ps in recs for q, _ in ps[1:]}),
                            "repressed_by_kind": dict(sorted(Counter(p.repr["kind"] for p in reps).items())),
                            "persons": sum(len(p) for p in recs)}

# ================================================================================================================
# 9. the screening register, pseudonymised for statistics (Parquet)
# ================================================================================================================
POLY = {"zhz": ["КГП «Поликлиника № 1 г. Жезказган»", "КГП «Поликлиника № 2 г. Жезказган»"],
        "sat": ["КГП «Городская поликлиника г. Сатпаев»"], "kzh": ["КГП «Каражалская городская больница»"],
        "zhr": ["КГП «Каражалская городская больница»"], "uly": ["КГП «Улытауская районная больница»"],
        "zhd": ["КГП «Улытауская районная больница»"], "krs": ["КГП «Улытауская районная больница»"],
        "ata": ["КГП «Жанааркинская районная больница»"]}


def skrining(ctx, seed):
    import pyarrow as pa
    import pyarrow.parquet as pq
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "skrining_pseudo.parquet"
    salt = hashlib.sha256(f"skrining-export-{seed}".encode()).hexdigest()[:12]
    by_birth = defaultdict(list)
    for p in pop.persons:
        if not p.anc:
            by_birth[p.birth].append(p)
    visits = []
    for p in pop.persons:
        if p.anc:
            continue
        for y in range(2019, 2025):
            if (y - p.birth.year) % 2:
                continue
            d = rdate(rng, D(y, 2, 1), D(y, 11, 30))
            if not pop.alive(p, d) or not (40 <= age(p.birth, d) <= 70) or pop.town_at(p, d) not in ULY:
                continue
            if rng.random() >= min(0.92, 0.95 * (0.6 + 0.4 * p.vis)):
                continue
            visits.append((d, p))
    script = {}
    poly_of = {}
    rows = []
    n_forced = 0
    for d, p in visits:
        sc = script.setdefault(p.pid, "kk" if p.people == "kz" and rng.random() < 0.15 else "ru")
        t = pop.town_at(p, d)
        pl = poly_of.get((p.pid, t)) or poly_of.setdefault((p.pid, t), rng.choice(POLY[t]))
        name = nm.full(p, d, sc, pat=rng.random() < 0.96)
        masked = " ".join(mask_word(w) for w in name.split(" "))
        # a masked name that another person born that day would also give keeps its masked IIN
        clash = any(o is not p and o.sex == p.sex and " ".join(mask_word(w) for w in nm.full(o, d, sc).split(" "))[:len(masked)] == masked
                    for o in by_birth[p.birth])
        iinm = p.iin[:6] + "*****" + p.iin[11] if (rng.random() < 0.75 or clash) else None
        if clash and iinm:
            n_forced += 1
        b = F.birth(p.birth, FILE, 0.004)
        a = age(p.birth, d)
        types = ["БСК", "СД"]
        if p.sex == "F":
            types.append("РМЖ")
            types.append("РШМ")
        if a >= 50:
            types.append("КРР")
        types = [x for x in types if x in ("БСК", "СД") or rng.random() < 0.7]
        rows.append({"screening_id": None, "pid_hash": hashlib.sha256((salt + p.iin).encode()).hexdigest()[:16],
                     "fio_masked": masked, "iin_masked": iinm, "birth_date": b, "sex": "М" if p.sex == "M" else "Ж",
                     "age_years": a, "polyclinic": pl, "screening_date": d, "screening_types": ", ".join(types),
                     "result": wpick(rng, [("норма", 70), ("направлен на дообследование", 25), ("выявлено заболевание", 5)]),
                     "bmi": round(rng.uniform(19.0, 38.0), 1), "sbp": rng.randint(105, 175), "dbp": rng.randint(65, 105),
                     "glucose": round(rng.uniform(4.1, 9.8), 1), "_p": p,
                     "_ev": ev_of(False, "masked", "full")})
    rows.sort(key=lambda r: (r["polyclinic"], r["screening_date"], r["pid_hash"]))
    sid = 2019000000
    for k, r in enumerate(rows, start=1):
        sid += rng.randint(1, 40)
        r["screening_id"] = sid
        ctx.t(FILE, str(k), 1, r["_p"], r["_ev"])
    cols = ["screening_id", "pid_hash", "fio_masked", "iin_masked", "birth_date", "sex", "age_years", "polyclinic",
            "screening_date", "screening_types", "result", "bmi", "sbp", "dbp", "glucose"]
    types = {"screening_id": pa.int64(), "pid_hash": pa.string(), "fio_masked": pa.string(), "iin_masked": pa.string(),
             "birth_date": pa.date32(), "sex": pa.string(), "age_years": pa.int16(), "polyclinic": pa.string(),
             "screening_date": pa.date32(), "screening_types": pa.string(), "result": pa.string(), "bmi": pa.float64(),
             "sbp": pa.int16(), "dbp": pa.int16(), "glucose": pa.float64()}
    table = pa.table({c: pa.array([r[c] for r in rows], type=types[c]) for c in cols})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    ctx.files[FILE] = buf.getvalue()
    ctx.stat_files[FILE] = {"rows": len(rows), "persons_screened": len({r["_p"].pid for r in rows}),
                            "masked_iin": sum(1 for r in rows if r["iin_masked"]), "masked_iin_kept_for_a_clash": n_forced,
                            "persons": len(rows)}


# ----------------------------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------------------------
def namesakes(ctx, by_person):
    ps = [ctx.pop.by[pid] for pid in by_person]
    a = Counter((ctx.nm.sur(p, END, "ru"), p.first["ru"]) for p in ps)
    b = Counter((ctx.nm.sur(p, END, "ru"), p.first["ru"], p.birth.year) for p in ps)
    return {"persons_sharing_surname_and_first_name": sum(n for n in a.values() if n > 1),
            "persons_sharing_them_and_the_birth_year": sum(n for n in b.values() if n > 1),
            "twins_in_extracts": sum(1 for p in ps if p.twin and p.twin in by_person)}


ORDER = ["profosmotr_kalendar.txt", "vahta_zhairem.tsv", "izhs_kezek.csv", "gsk_reestr.xlsx", "olmes_polk.xls",
         "kures_tirkeu.json", "enbek_aulet.jsonl", "aqtau_hattar.txt", "skrining_pseudo.parquet"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    ctx = Ctx(a.seed, a.persons)
    profosmotr(ctx)
    vahta(ctx)
    izhs(ctx)
    gsk(ctx)
    polk(ctx)
    kures(ctx)
    aulet(ctx)
    rehab(ctx)
    skrining(ctx, a.seed)
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
    living = [p for p in pop.persons if not p.anc]
    st = {
        "seed": a.seed,
        "persons_drawn": len(pop.persons),
        "ancestors": len(pop.persons) - len(living),
        "population": dict(sorted(pop.stats.items())),
        "peoples": dict(sorted(Counter(p.people for p in pop.persons).items())),
        "founding_towns": dict(sorted(Counter(first_town(p) for p in pop.founders if p.sex == "M").items(), key=lambda x: str(x[0]))),
        "couples": sum(len([m for m in p.marriages if m.h is p]) for p in pop.persons),
        "twins_persons": sum(1 for p in pop.persons if p.twin),
        "deaths": sum(1 for p in living if p.death),
        "phones_changed": sum(1 for p in pop.persons if len(p.phones) > 1),
        "persons_with_two_or_more_surnames": sum(1 for p in pop.persons if len({s for _, s in p.surnames}) > 1),
        "lithuanian_women_with_a_womans_form": sum(1 for p in pop.persons if p.sex == "F" and any(s[0] == "lt" and s[2] in ("fm", "fu") for _, s in p.surnames)),
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
