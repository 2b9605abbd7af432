#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A thirtieth linkage writer's generator, written apart from the project (from the linkage issue's text, the README's
# linkage part, `ukimet link --help`, extracts_twentyninth.md and extracts_twentyninth.py alone), kept as its writer
# wrote it.
"""Eight extracts of Shymkent and Astana families (Shymkent's districts and private-house neighbourhoods, Astana's
districts, and the Shymkent people who moved to Astana), with their truth.

python bench/extracts_thirtieth.py --seed S --out DIR [--persons N]

Writes, in DIR:
  densaulyq_domain.txt       the Astana city health department's Active Directory users as `ldapsearch` wrote them
                             (LDIF: Cyrillic values base64 after `::`, lines folded at 76, disabled accounts of those who
                             left, a woman's login keeping her maiden surname after marriage)
  gaz_bastama_chat.txt       a Shymkent private-house neighbourhood's initiative group for gas and water connection, a
                             WhatsApp chat exported on Android (`dd.mm.yyyy, HH:MM - Sender: text`; a sender is the
                             name the exporter saved or a bare phone number; messages over several lines)
  shugyla_posts.json         a Shymkent newspaper's paid announcements as its WordPress REST API answered
                             (`title.rendered`, `content.rendered` HTML): lost documents, condolences, memorials and
                             jubilees, names in the Kazakh genitive (`Серікұлының атына`), accusative (`Гүлнар
                             Әбдірахманқызын`) and dative, and in the Russian cases
  pediatr_kontakty.txt       a Shymkent polyclinic's paediatric work phone's contacts (vCard 2.1 as Android exports
                             them: quoted-printable, a mother saved as `Мама Алихана` or `Алиханның анасы`)
  rekruting_kandidaty.xlsx   a recruiting agency's candidates (seasonal and contract work abroad): identity in the
                             cells' hyperlinks (a scan's path with the IIN, a wa.me link) and an old surname struck
                             through inside the name cell (rich text)
  bilim_notion.json          an Astana education centre's students as the Notion API answered a database query
                             (typed property objects; a name split over rich-text runs)
  loto_tolemder.parquet      a lottery operator's registered prize payouts (with the ID card's number)
  koshu_amocrm.csv           a removal company's deals as amoCRM exports them (the old and the new address)
  truth.csv                  file,record_id,person_id
  stats.json                 counts
Deterministic per seed (stdlib random only; fixed zip times and document properties).
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
import re
import urllib.parse
import zipfile
from collections import Counter, defaultdict

D = dt.date
END = D(2024, 12, 31)

# ====================================================================================================================
# names
# ====================================================================================================================
KZ_M = {
    0: ("Тұрсынбек Әбдіқадыр Нұрмахан Бейсенбай Әбдісалам Қалдыбай Оспан Сұлтанбек Жұмахан Ысқақ Әбдіраш Шәмші "
        "Әбдіғаппар Мамырбек Сейдалы Қожахмет Базарбай Ержігіт Тілеухан Әлібек").split(),
    1: ("Ержан Бақытжан Нұржан Ғани Мақсат Дәулет Қайрат Абзал Берік Ерболат Жандос Талғат Мұхтар Ерлан Бекжан Нұрлан "
        "Асхат Самат Ербол Әділет Қанат Сейітқали").split(),
    2: ("Алихан Нұрислам Ерасыл Әлинұр Мұхаммед Айдын Әмір Ансар Нұрали Бексұлтан Ернұр Арсен Имран Жансерік Ислам "
        "Нұрдәулет Алдияр Ақниет").split(),
}
KZ_F = {
    0: ("Ұлбосын Күлжамал Зейнеп Бағдат Айша Шәрипа Қалампыр Ұлжалғас Мәрзия Күлтай Бибісара Нұржамал Сәлима Үміт "
        "Тұрсынкүл").split(),
    1: ("Гүлназ Сәуле Жұлдыз Эльмира Гүлшат Ақмарал Алма Салтанат Индира Динара Әсем Айнагүл Маржан Ботакөз Гүлден "
        "Лаура Мадина Перизат").split(),
    2: "Аружан Інжу Ясмина Айлин Раяна Медина Аиша Томирис Жасмин Нұрай Айым Амина Ажар Дария Әлия Сезім".split(),
}
KZ_RU = {"Әбдіқадыр": "Абдукадыр", "Ысқақ": "Искак", "Әбдіраш": "Абдираш", "Шәмші": "Шамши", "Әбдіғаппар": "Абдигаппар",
         "Қожахмет": "Кожахмет", "Ержігіт": "Ержигит", "Тілеухан": "Тлеухан", "Ғани": "Гани", "Әділет": "Адилет",
         "Сейітқали": "Сеиткали", "Мұхаммед": "Мухаммед", "Әмір": "Амир", "Әлинұр": "Алинур", "Нұрдәулет": "Нурдаулет",
         "Ұлбосын": "Улбосын", "Ұлжалғас": "Улжалгас", "Мәрзия": "Марзия", "Бибісара": "Бибисара", "Үміт": "Умит",
         "Тұрсынкүл": "Турсынкуль", "Күлжамал": "Кульжамал", "Күлтай": "Культай", "Гүлназ": "Гульназ", "Гүлшат": "Гульшат",
         "Айнагүл": "Айнагуль", "Ботакөз": "Ботагоз", "Гүлден": "Гульден", "Әсем": "Асем", "Інжу": "Инжу", "Әлия": "Алия",
         "Нұрай": "Нурай", "Сезім": "Сезим", "Ақниет": "Акниет", "Қалампыр": "Калампыр", "Бағдат": "Багдат"}

SUR_KZ = [("Сапарбаев", "Сапарбаев"), ("Жылқыбаев", "Жылкыбаев"), ("Әбдіхалықов", "Абдихаликов"), ("Ордабаев", "Ордабаев"),
          ("Тұрлыбеков", "Турлыбеков"), ("Исабеков", "Исабеков"), ("Бекназаров", "Бекназаров"), ("Қалдыбеков", "Калдыбеков"),
          ("Байжанов", "Байжанов"), ("Мырзабеков", "Мырзабеков"), ("Ешімов", "Ешимов"), ("Нұрмаханов", "Нурмаханов"),
          ("Әбдіқадыров", "Абдукадыров"), ("Сейітқұлов", "Сеиткулов"), ("Құрбанов", "Курбанов"), ("Тілеубердиев", "Тлеубердиев"),
          ("Өмірзақов", "Умирзаков"), ("Серікбаев", "Серикбаев"), ("Жанабаев", "Жанабаев"), ("Дүйсебаев", "Дуйсебаев"),
          ("Әбілдаев", "Абильдаев"), ("Шалабаев", "Шалабаев"), ("Ахатов", "Ахатов"), ("Нұрбеков", "Нурбеков"),
          ("Бейсенов", "Бейсенов"), ("Қасымбеков", "Касымбеков"), ("Мұсабеков", "Мусабеков"), ("Сәрсенбаев", "Сарсенбаев"),
          ("Жақсылықов", "Жаксылыков"), ("Әмірбеков", "Амирбеков"), ("Тоқсанбаев", "Токсанбаев"), ("Керімбеков", "Керимбеков")]
SUR_KZ_RU = dict(SUR_KZ)

RU_M = {0: "Иван Николай Владимир Виктор Анатолий Василий Михаил Геннадий Борис Леонид".split(),
        1: "Сергей Андрей Алексей Дмитрий Олег Игорь Евгений Максим Денис Вячеслав Роман".split(),
        2: "Артём Даниил Кирилл Егор Тимур Матвей Марк Лев Арсений Богдан".split()}
RU_F = {0: "Галина Нина Валентина Людмила Тамара Лидия Зоя Раиса Нелли".split(),
        1: "Елена Ольга Наталья Ирина Светлана Оксана Юлия Анна Виктория Марина".split(),
        2: "Алина София Виктория Дарья Ева Милана Варвара Анастасия Полина".split()}
UZ_M = {0: "Абдурашид Хамид Юсуф Рахматулла Шукур Миркамил".split(),
        1: "Бахром Шерзод Ильхом Улугбек Зафар Анвар Баходир Акмал".split(),
        2: "Отабек Жавохир Сардор Фаррух Шохрух Азизбек".split()}
UZ_F = {0: "Мукаррам Хафиза Тожихон Ойгул Мунаввар".split(),
        1: "Гулчехра Дилфуза Нодира Мохинур Зарина Нилуфар".split(),
        2: "Шахзода Севинч Мафтуна Мохира Зилола".split()}
AZ_M = {0: "Гасан Алекпер Мамед Гусейн".split(), 1: "Ильхам Рашад Вугар Тофик Эльчин".split(), 2: "Эльнур Рамиль Орхан Тимур".split()}
AZ_F = {0: "Сакина Зейнаб Гюльнара".split(), 1: "Севиль Айгюн Лейла Наргиз".split(), 2: "Айсель Нурлана Лала".split()}
TR_M = {0: "Ахмед Энвер Селим Мустафа".split(), 1: "Мурат Рамазан Фуад Исмаил".split(), 2: "Эмир Ислам Юсуф Керим".split()}
TR_F = {0: "Эмине Гульсум Фатма".split(), 1: "Айше Зарифа Мелек".split(), 2: "Сабина Эсма Мерьем".split()}
TAT_M = {0: "Рашит Габдулла Фарит Мансур".split(), 1: "Ринат Ильдар Альберт Дамир Рустем".split(), 2: "Айнур Карим Амир Данияр".split()}
TAT_F = {0: "Сания Рауза Хадича".split(), 1: "Гульнара Резеда Лейсан Альфия Диляра".split(), 2: "Камилла Алсу Эльза".split()}
DE_M0 = "Вильгельм Эвальд Густав Рудольф Генрих".split()
DE_F0 = "Ирма Гильда Эльза Ольга Эрна".split()

SUR = {"ru": ("Соловьёв Ершов Медведев Журавлёв Зайцев Щербаков Никитин Сорокин Баранов Поляков Климов Фролов Данилов "
              "Королёв Гришин Абрамов Тимофеев Рябов").split(),
       "ua": "Бойко Мельник Савченко Кравец Литвин Руденко Мороз Левченко".split(),
       "uz": "Каримов Турсунов Рахматуллаев Юлдашев Мирзаев Эргашев Алимов Нуриддинов Хамидов Салимов Усмонов".split(),
       "az": "Мамедов Алиев Гусейнов Гасанов Велиев".split(),
       "tr": "Османов Байрамов Шахбазов Хасанов Исмаилов".split(),
       "tat": "Гарифуллин Хабибуллин Шарафутдинов Мухаметзянов Ахметшин Галиев".split(),
       "de": "Вольф Гейнц Кремер Шефер Циммерман Гербер".split(),
       "kor": "Ким Пак Ли Цой Тен Хан Югай Пан Шин".split()}
NO_FEM = {"ua", "de", "kor"}                 # one surname for both sexes

PAT_EXC = {"Пётр": ("Петрович", "Петровна"), "Михаил": ("Михайлович", "Михайловна"), "Лев": ("Львович", "Львовна"),
           "Дмитрий": ("Дмитриевич", "Дмитриевна"), "Даниил": ("Даниилович", "Данииловна"), "Артём": ("Артёмович", "Артёмовна"),
           "Рахматулла": ("Рахматуллаевич", "Рахматуллаевна"), "Габдулла": ("Габдуллович", "Габдулловна"),
           "Илья": ("Ильич", "Ильинична"), "Мустафа": ("Мустафаевич", "Мустафаевна"), "Юсуф": ("Юсупович", "Юсуповна")}

# ====================================================================================================================
# letters
# ====================================================================================================================
FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                      "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
ICAO = {"а": "A", "ә": "A", "б": "B", "в": "V", "г": "G", "ғ": "G", "д": "D", "е": "E", "ё": "E", "ж": "ZH", "з": "Z",
        "и": "I", "й": "I", "к": "K", "қ": "K", "л": "L", "м": "M", "н": "N", "ң": "N", "о": "O", "ө": "O", "п": "P",
        "р": "R", "с": "S", "т": "T", "у": "U", "ұ": "U", "ү": "U", "ф": "F", "х": "KH", "һ": "H", "ц": "TS", "ч": "CH",
        "ш": "SH", "щ": "SHCH", "ъ": "IE", "ы": "Y", "і": "I", "ь": "", "э": "E", "ю": "IU", "я": "IA"}
LOGIN = dict((k, v.lower()) for k, v in ICAO.items())
LOGIN.update({"й": "y", "ю": "yu", "я": "ya", "х": "kh", "ъ": "", "щ": "sh"})
VOWELS = "аеёиоуыэюяәөұүі"


def fold(s):
    return s.translate(FOLD)


def kk2ru_name(nm):
    if nm in KZ_RU:
        return KZ_RU[nm]
    s = nm
    for a, b in (("гүл", "гуль"), ("Гүл", "Гуль"), ("күл", "куль"), ("Күл", "Куль")):
        s = s.replace(a, b)
    return fold(s)


def icao(s):
    return "".join(ICAO.get(ch.lower(), ch.upper()) for ch in s)


def login_lat(s):
    return "".join(LOGIN.get(ch.lower(), ch.lower()) for ch in s if ch.lower() in LOGIN or ch.isalnum())


def fem(s):
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    if s.endswith("ұлы"):
        return s[:-3] + "қызы"
    if s.endswith("улы"):
        return s[:-3] + "кызы"
    return s


def ru_pat(base, sex):
    i = 0 if sex == "M" else 1
    if base in PAT_EXC:
        return PAT_EXC[base][i]
    if base.endswith("ий"):
        return base[:-2] + ("ьевич", "ьевна")[i]
    if base.endswith(("й", "ь")):
        return base[:-1] + ("евич", "евна")[i]
    if base[-1] in "ая":
        return base[:-1] + ("ович", "овна")[i]
    if base[-1] in VOWELS:
        return base + ("евич", "евна")[i]
    return base + ("ович", "овна")[i]


# ---------------------------------------------------------------- Kazakh cases on a name's last word
BACK = set("аоұыуяё")
FRONT = set("әөүіеэию")


def harmony(w):
    lo = w.lower()
    if lo.endswith("у") and any(c in BACK | FRONT for c in lo[:-1]):
        lo = lo[:-1]                          # a final у is a consonant here: the vowel before it decides
    for ch in reversed(lo):
        if ch in BACK:
            return "b"
        if ch in FRONT:
            return "f"
    return "b"


def _poss(lo):
    return lo.endswith(("ұлы", "қызы", "улы", "кызы"))


def kk_gen(w):
    """The Kazakh genitive: -ның/-нің after a vowel and м н ң, -дың/-дің after л р у й з ж, -тың/-тің after the
    others (a voiceless consonant, б в г д)."""
    lo = w.lower()
    h = harmony(lo)
    c = lo[-1]
    if c in VOWELS and c not in "уи" or c in "мнң" or _poss(lo):
        s = "ның" if h == "b" else "нің"
    elif c in "лрйзжуи":
        s = "дың" if h == "b" else "дің"
    else:
        s = "тың" if h == "b" else "тің"
    return w + (s.upper() if w.isupper() else s)


def kk_acc(w):
    """The Kazakh accusative: -н after a possessive -ы/-і (ұлы, қызы), -ны/-ні after a vowel, -ды/-ді after л р у й з ж
    м н ң, -ты/-ті after the others."""
    lo = w.lower()
    h = harmony(lo)
    c = lo[-1]
    if _poss(lo):
        s = "н"
    elif c in VOWELS and c not in "уи":
        s = "ны" if h == "b" else "ні"
    elif c in "лрйзжмнңуи":
        s = "ды" if h == "b" else "ді"
    else:
        s = "ты" if h == "b" else "ті"
    return w + (s.upper() if w.isupper() else s)


def kk_dat(w):
    """The Kazakh dative: -на/-не after a possessive -ы/-і, -ға/-ге after a vowel and a voiced consonant, -қа/-ке after
    a voiceless one (and б в г д)."""
    lo = w.lower()
    h = harmony(lo)
    c = lo[-1]
    if _poss(lo):
        s = "на" if h == "b" else "не"
    elif c in "кқпстфхцчшщбвгд":
        s = "қа" if h == "b" else "ке"
    else:
        s = "ға" if h == "b" else "ге"
    return w + (s.upper() if w.isupper() else s)


def kk_case(name, case):
    parts = name.split(" ")
    f = {"gen": kk_gen, "acc": kk_acc, "dat": kk_dat}[case]
    return " ".join(parts[:-1] + [f(parts[-1])])


# ---------------------------------------------------------------- Russian cases of a name's parts
def ru_case_first(w, sex, case):
    """A first name in the genitive, dative or accusative."""
    lo = w.lower()
    if sex == "M":
        if lo.endswith(("а", "я")):
            stem = w[:-1]
            hard = lo[-2:-1] in "гкхжшщч" if len(lo) > 1 else False
            return {"gen": stem + ("и" if lo.endswith("я") or hard else "ы"), "dat": stem + "е",
                    "acc": stem + ("ю" if lo.endswith("я") else "у")}[case]
        if lo.endswith(("й", "ь")):
            return w[:-1] + {"gen": "я", "dat": "ю", "acc": "я"}[case]
        if lo[-1] in VOWELS:
            return w
        return w + {"gen": "а", "dat": "у", "acc": "а"}[case]
    if lo.endswith("ия"):
        return w[:-1] + {"gen": "и", "dat": "и", "acc": "ю"}[case]
    if lo.endswith("я"):
        return w[:-1] + {"gen": "и", "dat": "е", "acc": "ю"}[case]
    if lo.endswith("а"):
        hard = lo[-2:-1] in "гкхжшщч"
        return w[:-1] + {"gen": "и" if hard else "ы", "dat": "е", "acc": "у"}[case]
    return w                                  # Аружан, Інжу, Айлин: not declined


def ru_case_sur(w, sex, case):
    lo = w.lower()
    if sex == "M" and lo.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return w + {"gen": "а", "dat": "у", "acc": "а"}[case]
    if sex == "F" and lo.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return w[:-1] + {"gen": "ой", "dat": "ой", "acc": "у"}[case]
    if sex == "M" and lo[-1] not in VOWELS and not lo.endswith(("улы", "кызы")) and lo not in ("ким", "пак", "ли", "цой",
                                                                                              "тен", "хан", "югай", "пан", "шин"):
        return w + {"gen": "а", "dat": "у", "acc": "а"}[case]
    return w


def ru_case_pat(w, sex, case):
    lo = w.lower()
    if lo.endswith(("ич",)):
        return w + {"gen": "а", "dat": "у", "acc": "а"}[case]
    if lo.endswith("на"):
        return w[:-1] + {"gen": "ы", "dat": "е", "acc": "у"}[case]
    return w


# ====================================================================================================================
# places: Shymkent (a city of republican significance since 19 June 2018, before in Южно-Казахстанская область) and
# Astana (Нур-Султан from 23 March 2019 to 17 September 2022)
# ====================================================================================================================
SHY_DIST = {"abai": ("Абайский", "Абай"), "alf": ("Аль-Фарабийский", "Әл-Фараби"), "enb": ("Енбекшинский", "Еңбекші"),
            "krt": ("Каратауский", "Қаратау"), "tur": ("Туранский", "Тұран")}
AST_DIST = {"esil": ("Есиль", "Есіл"), "sary": ("Сарыарка", "Сарыарқа"), "alm": ("Алматы", "Алматы"),
            "baik": ("Байконыр", "Байқоңыр"), "nura": ("Нура", "Нұра")}
# (key, city, kind, ru, kk, district); kind: mkr (flats in a microdistrict), st (flats on a street), house (a private
# house in a neighbourhood)
AREAS = [
    ("sev", "shy", "mkr", "Север", "Солтүстік", "abai"), ("shap", "shy", "mkr", "Шапагат", "Шапағат", "abai"),
    ("vost", "shy", "mkr", "Восток", "Шығыс", "alf"), ("zhai", "shy", "mkr", "Жайлау", "Жайлау", "alf"),
    ("kun", "shy", "st", "пр. Кунаева", "Қонаев даңғылы", "alf"), ("bai", "shy", "st", "ул. Байдибек би", "Бәйдібек би даңғылы", "alf"),
    ("nurt", "shy", "mkr", "Нуртас", "Нұртас", "enb"), ("dost", "shy", "mkr", "Достык", "Достық", "enb"),
    ("mom", "shy", "st", "ул. Момышулы", "Момышұлы көшесі", "enb"), ("ily", "shy", "st", "ул. Ильяева", "Ильяев көшесі", "enb"),
    ("task", "shy", "mkr", "Таскен", "Таскен", "tur"), ("kyzs", "shy", "mkr", "Кызылсай", "Қызылсай", "tur"),
    ("boz", "shy", "house", "Бозарык", "Бозарық", "krt"), ("tas", "shy", "house", "Тассай", "Тассай", "krt"),
    ("akzh", "shy", "house", "Акжайык", "Ақжайық", "krt"), ("kurs", "shy", "house", "Курсай", "Құрсай", "abai"),
    ("kyzzh", "shy", "house", "Кызылжар", "Қызылжар", "enb"),
    ("mang", "ast", "st", "пр. Мангилик Ел", "Мәңгілік Ел даңғылы", "esil"), ("ulyd", "ast", "st", "пр. Улы Дала", "Ұлы Дала даңғылы", "esil"),
    ("sara", "ast", "st", "ул. Сарайшык", "Сарайшық көшесі", "esil"), ("bok", "ast", "st", "ул. Бокейхана", "Бөкейхан көшесі", "nura"),
    ("hus", "ast", "st", "ул. Хусейн бен Талал", "Хусейн бен Талал көшесі", "nura"),
    ("bog", "ast", "st", "пр. Богенбай батыра", "Бөгенбай батыр даңғылы", "sary"), ("zhen", "ast", "st", "пр. Женис", "Жеңіс даңғылы", "sary"),
    ("shak", "ast", "st", "пр. Шакарима", "Шәкәрім даңғылы", "alm"), ("tlen", "ast", "st", "ул. Тлендиева", "Тілендиев даңғылы", "alm"),
    ("gabd", "ast", "st", "ул. Габдуллина", "Ғабдуллин көшесі", "baik"), ("zhang", "ast", "st", "ул. Жангельдина", "Жангелдин көшесі", "baik"),
]
AREA = {a[0]: a for a in AREAS}
HOUSE_ST = [("Бирлик", "Бірлік"), ("Арай", "Арай"), ("Жанажол", "Жаңажол"), ("Акбулак", "Ақбұлақ"), ("Нурлы жол", "Нұрлы жол"),
            ("Кызгалдак", "Қызғалдақ"), ("Жидели", "Жиделі"), ("Байтерек", "Бәйтерек")]
GAS_AREAS = ("boz", "tas", "akzh")           # the initiative group's neighbourhoods (Қаратау district)


def district_on(area, d):
    dk = AREA[area][5]
    if dk == "krt" and d < D(2018, 3, 1):
        return "abai" if area != "akzh" else "enb"      # the generator's approximation of the district before it
    if dk == "tur" and d < D(2021, 7, 1):
        return "abai"
    if dk == "nura" and d < D(2022, 5, 1):
        return "esil"
    if dk == "baik" and d < D(2018, 3, 1):
        return "sary"
    return dk


def city_name(city, d, lang="ru"):
    if city == "shy":
        return "Шымкент"
    if D(2019, 3, 23) <= d < D(2022, 9, 17):
        return "Нур-Султан" if lang == "ru" else "Нұр-Сұлтан"
    return "Астана"


class Addr:
    __slots__ = ("area", "street", "house", "flat")

    def __init__(s, area, street, house, flat):
        s.area, s.street, s.house, s.flat = area, street, house, flat

    @property
    def city(s):
        return AREA[s.area][1]

    def key(s):
        return (s.area, s.street, s.house, s.flat)


def addr_ru(a, d, style="full"):
    ar = AREA[a.area]
    city = city_name(ar[1], d)
    dk = district_on(a.area, d)
    dist = (f"{SHY_DIST[dk][0]} р-н" if ar[1] == "shy" else f"р-н {AST_DIST[dk][0]}")
    if ar[2] == "house":
        place = f"мкр. {ar[3]}, ул. {HOUSE_ST[a.street][0]}, д. {a.house}"
        short = f"{ar[3]}, {HOUSE_ST[a.street][0]} {a.house}"
    elif ar[2] == "mkr":
        place = f"мкр. {ar[3]}, д. {a.house}, кв. {a.flat}"
        short = f"{ar[3]} {a.house}-{a.flat}"
    else:
        place = f"{ar[3]}, д. {a.house}" + (f", кв. {a.flat}" if a.flat else "")
        short = f"{ar[3].split(' ', 1)[1]} {a.house}" + (f"-{a.flat}" if a.flat else "")
    if style == "short":
        return short
    if style == "nodist":
        return f"г. {city}, {place}"
    pre = "Южно-Казахстанская обл., " if ar[1] == "shy" and d < D(2018, 6, 19) and style == "obl" else ""
    return f"{pre}г. {city}, {dist}, {place}"


def addr_kk(a, d, style="full"):
    ar = AREA[a.area]
    city = city_name(ar[1], d, "kk")
    dk = district_on(a.area, d)
    dist = (SHY_DIST if ar[1] == "shy" else AST_DIST)[dk][1] + " ауданы"
    if ar[2] == "house":
        place = f"{ar[4]} ш/а, {HOUSE_ST[a.street][1]} көшесі, {a.house}-үй"
        short = f"{ar[4]}, {HOUSE_ST[a.street][1]} {a.house}"
    elif ar[2] == "mkr":
        place = f"{ar[4]} ш/а, {a.house}-үй, {a.flat}-пәтер"
        short = f"{ar[4]} {a.house}-{a.flat}"
    else:
        place = f"{ar[4]}, {a.house}-үй" + (f", {a.flat}-пәтер" if a.flat else "")
        short = f"{ar[4].rsplit(' ', 1)[0]} {a.house}" + (f"-{a.flat}" if a.flat else "")
    if style == "short":
        return short
    return f"{city} қ., {dist}, {place}"


# ====================================================================================================================
# small helpers
# ====================================================================================================================
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
    pairs = [(it, 1.0 / (i + 1) ** s) for i, it in enumerate(items) if it not in exclude]
    return wpick(rng, pairs or [(it, 1.0 / (i + 1) ** s) for i, it in enumerate(items)])


def at(tl, d):
    v = None
    for t, x in tl:
        if t <= d:
            v = x
        else:
            break
    return v


def era(y):
    return 0 if y < 1962 else 1 if y < 1992 else 2


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
    """ph: ten digits (7012345678)."""
    return {"plus": "+7" + ph, "eight": "8" + ph, "seven": "7" + ph,
            "sp": f"+7 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}", "sp8": f"8 {ph[:3]} {ph[3:6]} {ph[6:8]} {ph[8:]}",
            "wa": f"+7 {ph[:3]} {ph[3:6]} {ph[6:]}", "paren": f"8 ({ph[:3]}) {ph[3:6]}-{ph[6:8]}-{ph[8:]}",
            "dash": f"+7 {ph[:3]} {ph[3:6]}-{ph[6:8]}-{ph[8:]}", "raw": ph}[style]


def uuid_from(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) % 4] + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def fix_zip(data, stamp, zt):
    """Fixed zip times and document properties, so that a seed writes the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                for tag in (b"created", b"modified"):
                    body = re.sub(rb"<dcterms:" + tag + rb"[^>]*>[^<]*</dcterms:" + tag + rb">",
                                  b"<dcterms:" + tag + b' xsi:type="dcterms:W3CDTF">' + stamp.encode() + b"</dcterms:" + tag + b">",
                                  body)
            zi = zipfile.ZipInfo(info.filename, date_time=zt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


# ====================================================================================================================
# faults
# ====================================================================================================================
class Faults:
    def __init__(self, rng):
        self.rng = rng
        self.n = Counter()

    def name(self, s, file, rate=0.012):
        """A letter dropped, doubled, swapped with the next, or a vowel changed, inside one word of s."""
        if not s or self.rng.random() >= rate:
            return s
        rng = self.rng
        words = s.split(" ")
        cand = [i for i, w in enumerate(words) if len(w) >= 4 and w.replace("-", "").isalpha()]
        if not cand:
            return s
        wi = rng.choice(cand)
        w = words[wi]
        i = rng.randint(1, len(w) - 2)
        op = rng.choice(["drop", "double", "swap", "vowel"])
        if op == "drop":
            t = w[:i] + w[i + 1:]
        elif op == "double":
            t = w[:i + 1] + w[i:]
        elif op == "swap":
            t = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        else:
            lo = w[i].lower()
            pool = "аеиоуы" if lo in VOWELS else "aeiou" if lo in "aeiouy" else None
            if pool is None:
                t = w[:i] + w[i + 1:]
            else:
                r = rng.choice([v for v in pool if v != lo])
                t = w[:i] + (r.upper() if w[i].isupper() else r) + w[i + 1:]
        if t == w:
            return s
        words[wi] = t
        self.n[(file, "name_typo")] += 1
        return " ".join(words)

    def birth(self, d, file, rate=0.01):
        if d is None or self.rng.random() >= rate:
            return d
        rng = self.rng
        for _ in range(12):
            op = rng.choice(["day", "swap", "year", "month"])
            try:
                if op == "day":
                    t = d + dt.timedelta(days=rng.choice([-1, 1]))
                elif op == "swap":
                    if d.day > 12 or d.day == d.month:
                        continue
                    t = D(d.year, d.day, d.month)
                elif op == "year":
                    t = d.replace(year=d.year + rng.choice([-1, 1, -10, 10]))
                else:
                    t = d.replace(month=d.month + rng.choice([-1, 1]))
            except ValueError:
                continue
            if t == d:
                continue
            self.n[(file, "birth_slip")] += 1
            return t
        return d

    def iin(self, s, file, rate=0.02):
        if not s or self.rng.random() >= rate:
            return s
        rng = self.rng
        x = rng.random()
        if x < 0.35:
            i = rng.randint(0, 11)
            self.n[(file, "iin_digit")] += 1
            return s[:i] + rng.choice([c for c in "0123456789" if c != s[i]]) + s[i + 1:]
        if x < 0.55:
            i = rng.randint(5, 10)
            if s[i] == s[i + 1]:
                return s
            self.n[(file, "iin_transpose")] += 1
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        if x < 0.65:
            self.n[(file, "iin_digit_dropped")] += 1
            i = rng.randint(6, 11)
            return s[:i] + s[i + 1:]
        for _ in range(30):
            i = rng.randint(7, 10)
            base = s[:i] + rng.choice([c for c in "0123456789" if c != s[i]]) + s[i + 1:11]
            k = iin_check(base)
            if k is not None:
                self.n[(file, "iin_passes_check")] += 1
                if i == 10:
                    self.n[(file, "iin_passes_check_11th")] += 1
                return base + str(k)
        return s


# ====================================================================================================================
# the population
# ====================================================================================================================
class Person:
    def __init__(s, pid, sex, people, birth):
        s.pid, s.sex, s.people, s.birth = pid, sex, people, birth
        s.death = None
        s.first = None           # {"kk": ..., "ru": ...}
        s.first_key = None
        s.father = s.mother = None
        s.pat_base = None        # the father's first name (a dict): the patronymic's base
        s.pat_kz = False         # -ұлы / -қызы
        s.surnames = []          # [(date, key)]
        s.marriages = []
        s.homes = []             # [(date, Dwelling or None)]
        s.phones = []            # [(date, ten digits)]
        s.iin = None
        s.cards = []             # [(issued, number)]: identity cards
        s.lost = []              # [(date, number)]: cards lost
        s.children = []
        s.twin = None
        s.vis = 1.0
        s.gen = 0
        s.fpass = None           # a foreign passport's number


class Marriage:
    def __init__(s, h, w, start):
        s.h, s.w, s.start = h, w, start
        s.end = None
        s.how = None
        s.took = False


class Dwelling:
    def __init__(s, did, created):
        s.did, s.created = did, created
        s.addrs = []             # [(date, Addr or None)]


PEOPLE_W = {"shy": [("kz", 66), ("uz", 17), ("ru", 7), ("tat", 2), ("az", 2), ("tr", 3), ("kor", 2), ("ua", 1)],
            "ast": [("kz", 76), ("ru", 13), ("ua", 3), ("tat", 3), ("de", 2), ("kor", 2), ("uz", 1)]}
SHY_FLAT = ["sev", "shap", "vost", "zhai", "kun", "bai", "nurt", "dost", "mom", "ily", "task", "kyzs"]
SHY_HOUSE = [("boz", 30), ("tas", 25), ("akzh", 20), ("kurs", 15), ("kyzzh", 10)]
AST_FLAT = ["mang", "ulyd", "sara", "bok", "hus", "bog", "zhen", "shak", "tlen", "gabd", "zhang"]


class Pop:
    def __init__(self, rng, n):
        self.rng = rng
        self.n_target = n
        self.persons = []
        self.by = {}
        self.dws = []
        self.used_iin = set()
        self.used_phone = set()
        self.used_card = set()
        self.used_addr = set()
        self.stats = Counter()

    # ---------------------------------------------------------------- persons and names
    def new_person(self, sex, people, birth):
        p = Person("H%05d" % (len(self.persons) + 1), sex, people, birth)
        p.vis = wpick(self.rng, [(2.2, 35), (1.0, 35), (0.25, 30)])
        self.persons.append(p)
        self.by[p.pid] = p
        self.draw_death(p)
        return p

    def draw_death(self, p):
        rng = self.rng
        y = p.birth.year
        m = p.sex == "M"
        pr = 0.9 if y < 1935 else 0.7 if y < 1945 else (0.45 if m else 0.25) if y < 1955 else \
            (0.22 if m else 0.09) if y < 1965 else 0.02
        if rng.random() < pr:
            a = max(D(1996, 1, 1), yrs(p.birth, 50))
            if a <= END:
                p.death = rdate(rng, a, END)

    def alive(self, p, d):
        return p.birth <= d and (p.death is None or d < p.death)

    def names_of(self, people, sex, y):
        e = era(y)
        m = sex == "M"
        if people == "kz":
            return (KZ_M if m else KZ_F)[e]
        if people == "uz":
            return (UZ_M if m else UZ_F)[e]
        if people == "az":
            return (AZ_M if m else AZ_F)[e]
        if people == "tr":
            return (TR_M if m else TR_F)[e]
        if people == "tat":
            return (TAT_M if m else TAT_F)[e]
        if people == "de" and e == 0:
            return DE_M0 if m else DE_F0
        return (RU_M if m else RU_F)[e]

    def name_dict(self, people, nm):
        return {"kk": nm, "ru": kk2ru_name(nm) if people == "kz" else nm}

    def new_surname(self, people):
        if people == "kz":
            return ("kz", zipf(self.rng, [a for a, _ in SUR_KZ], 0.55))
        return (people, zipf(self.rng, SUR[people], 0.55))

    def make(self, sex, people, birth, father=None, mother=None, skey=None, exclude=()):
        rng = self.rng
        p = self.new_person(sex, people, birth)
        p.father, p.mother = father, mother
        if mother is not None and rng.random() < 0.75:
            p.vis = mother.vis
        nm = zipf(rng, self.names_of(people, sex, birth.year), 0.6, exclude)
        p.first = self.name_dict(people, nm)
        p.first_key = nm
        if father is not None:
            p.pat_base = father.first
        else:
            fy = birth.year - 28
            fpe = people if people != "kor" else "ru"
            p.pat_base = self.name_dict(fpe, zipf(rng, self.names_of(fpe, "M", fy), 0.6))
        if people == "kz" and birth.year >= 1995:
            if father is not None:
                if not hasattr(father, "kids_pat_kz"):
                    father.kids_pat_kz = rng.random() < 0.35
                p.pat_kz = father.kids_pat_kz
            else:
                p.pat_kz = rng.random() < 0.3
        if skey is None:
            skey = self.new_surname(people)
        p.surnames = [(birth, skey)]
        return p

    def child_skey(self, f, d):
        """Kazakh fathers of the 1990s on: some families give the children a surname made from the father's first name
        (`Серіков`, or `Серікұлы`/`Серікқызы`)."""
        sk = self.stem_at(f, d)
        if f.people != "kz" or d.year < 1995:
            return sk
        if not hasattr(f, "kids_sur"):
            x = self.rng.random()
            f.kids_sur = "kzov" if x < 0.12 else "kzul" if x < 0.2 else None
        if f.kids_sur:
            self.stats["children_with_a_surname_from_the_fathers_name"] += 1
            return (f.kids_sur, f.first["kk"])
        return sk

    def stem_at(self, p, d):
        return at(p.surnames, d) or p.surnames[0][1]

    # ---------------------------------------------------------------- dwellings
    def new_addr(self, city, house=None):
        rng = self.rng
        while True:
            if city == "shy":
                if house is None:
                    house = rng.random() < 0.42
                if house:
                    area = wpick(rng, SHY_HOUSE)
                    a = Addr(area, rng.randrange(len(HOUSE_ST)), str(rng.randint(1, 160)), None)
                else:
                    area = rng.choice(SHY_FLAT)
                    kind = AREA[area][2]
                    a = Addr(area, None, str(rng.randint(1, 70 if kind == "mkr" else 140)), str(rng.randint(1, 150)))
            else:
                area = rng.choice(AST_FLAT)
                a = Addr(area, None, str(rng.randint(1, 90)) + ("" if rng.random() < 0.7 else f"/{rng.randint(1, 4)}"),
                         str(rng.randint(1, 320)))
            if a.key() not in self.used_addr:
                self.used_addr.add(a.key())
                return a

    def new_dw(self, city, d, house=None):
        dw = Dwelling(len(self.dws) + 1, d)
        dw.addrs.append((d, self.new_addr(city, house) if city else None))
        self.dws.append(dw)
        return dw

    def set_home(self, p, d, dw):
        p.homes = [x for x in p.homes if x[0] != d] + [(d, dw)]
        p.homes.sort(key=lambda x: x[0])

    def home_at(self, p, d):
        return at(p.homes, d)

    def addr_at(self, p, d):
        dw = self.home_at(p, d)
        return at(dw.addrs, d) if dw is not None else None

    def city_at(self, p, d):
        a = self.addr_at(p, d)
        return a.city if a else None

    def phone_at(self, p, d):
        return at(p.phones, d)

    def card_at(self, p, d):
        return at(p.cards, d)

    def spouse_at(self, p, d):
        for m in p.marriages:
            if m.start <= d and (m.end is None or d < m.end):
                o = m.w if m.h is p else m.h
                if self.alive(o, d):
                    return o
        return None

    # ---------------------------------------------------------------- families
    def take_rate(self, h):
        return {"kz": 0.65, "uz": 0.75}.get(h.people, 0.92)

    def marry(self, h, w, d):
        rng = self.rng
        m = Marriage(h, w, d)
        h.marriages.append(m)
        w.marriages.append(m)
        if rng.random() < self.take_rate(h):
            m.took = True
            hk = self.stem_at(h, d)
            w.surnames.append((d, hk))
            w.surnames.sort(key=lambda x: x[0])
        if d < D(2021, 1, 1) and rng.random() < 0.10:
            dd = rdate(rng, yrs(d, 2), min(yrs(d, 20), D(2024, 6, 30)))
            if dd > d and self.alive(h, dd) and self.alive(w, dd):
                m.end, m.how = dd, "divorce"
        if m.end is None:
            ends = [x for x in (h.death, w.death) if x]
            if ends:
                m.end, m.how = min(ends), "death"
        return m

    def n_children(self, people, city, gen):
        rng = self.rng
        big = people in ("kz", "uz", "tr", "az") and city == "shy"
        if gen == 0:
            return rng.choice([2, 3, 3, 4, 4, 5, 6] if big else [1, 2, 2, 3, 3, 4])
        return rng.choice([1, 2, 2, 3, 3, 4, 5] if big else [0, 1, 2, 2, 3])

    def make_children(self, f, mo, m, dw, city):
        rng = self.rng
        n = self.n_children(f.people, city, f.gen)
        d = m.start + dt.timedelta(days=rng.randint(290, 700))
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
                sex = rng.choice("MF")
                c = self.make(sex, f.people, d, f, mo, self.child_skey(f, d), tuple(sorted(used)))
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
            d = d + dt.timedelta(days=rng.randint(14 * 30, 48 * 30))
        return kids

    def spouse_people(self, people, city):
        rng = self.rng
        same = {"kz": 0.94, "uz": 0.8, "tr": 0.75, "az": 0.6, "kor": 0.5}.get(people, 0.78)
        if rng.random() < same:
            return people
        return wpick(rng, [x for x in PEOPLE_W[city or "shy"] if x[0] != people])

    def spouse_for(self, c, md, city):
        rng = self.rng
        sex = "F" if c.sex == "M" else "M"
        people = self.spouse_people(c.people, city)
        if sex == "F":
            b = c.birth + dt.timedelta(days=rng.randint(-600, 2600))
        else:
            b = c.birth - dt.timedelta(days=rng.randint(-600, 3000))
        if age(b, md) < 18:
            b = yrs(md, -rng.randint(19, 24))
        s = self.make(sex, people, b)
        s.gen = c.gen
        return s

    def settle(self, pcity):
        x = self.rng.random()
        if pcity == "shy":
            return "shy" if x < 0.68 else "ast" if x < 0.88 else None
        if pcity == "ast":
            return "ast" if x < 0.85 else "shy" if x < 0.89 else None
        return None

    def adult_life(self, c, queue):
        rng = self.rng
        if c.death and c.death < yrs(c.birth, 20):
            return
        pdw = at(c.homes, yrs(c.birth, 17))
        pa = at(pdw.addrs, yrs(c.birth, 17)) if pdw is not None else None
        pcity = pa.city if pa else None
        if yrs(c.birth, 19) > END:
            return
        if rng.random() < 0.82:
            am = rng.randint(22, 32) if c.sex == "M" else rng.randint(19, 28)
            md = yrs(c.birth, am) + dt.timedelta(days=rng.randint(0, 364))
            if md <= END and self.alive(c, md):
                stay = False
                if c.sex == "M" and c.people in ("kz", "uz") and pdw is not None and pcity and c.father is not None:
                    sons = [x for x in c.father.children if x.sex == "M"]
                    if sons and sons[-1] is c and rng.random() < 0.4:
                        stay = True               # the youngest son keeps the parents' house
                city = pcity if stay else self.settle(pcity)
                sp = self.spouse_for(c, md, city or pcity)
                if not self.alive(sp, md):
                    sp.death = None
                h, w = (c, sp) if c.sex == "M" else (sp, c)
                if city and rng.random() < 0.55:
                    self.set_home(sp, sp.birth, self.new_dw(city, sp.birth))
                else:
                    self.set_home(sp, sp.birth, None)
                m = self.marry(h, w, md)
                dw = pdw if stay else self.new_dw(city, md)
                self.set_home(c, md, dw)
                self.set_home(sp, md, dw)
                queue.extend(self.make_children(h, w, m, dw, city))
                if m.how == "divorce":
                    self.divorce(m, queue)
                return
        leave = yrs(c.birth, rng.randint(19, 28)) + dt.timedelta(days=rng.randint(0, 364))
        if rng.random() < 0.6 and leave <= END:
            self.set_home(c, leave, self.new_dw(self.settle(pcity), leave))
        if c.sex == "F" and rng.random() < 0.05 and yrs(c.birth, 22) <= END:
            d = yrs(c.birth, rng.randint(22, 34))
            if d <= END and self.alive(c, d):
                sk = self.stem_at(c, d)
                sex = rng.choice("MF")
                kid = self.make(sex, c.people, d, None, c, sk, (c.first_key,))
                kid.gen = c.gen + 1
                self.set_home(kid, d, self.home_at(c, d))
                c.children.append(kid)
                queue.append(kid)
                self.stats["single_mothers_children"] += 1

    def divorce(self, m, queue):
        rng = self.rng
        h, w, d = m.h, m.w, m.end
        city = self.city_at(h, d)
        self.set_home(h, d, self.new_dw(city, d) if city else None)
        self.stats["divorces"] += 1
        if m.took and rng.random() < 0.4:
            w.surnames.append((d + dt.timedelta(days=rng.randint(10, 300)), w.surnames[0][1]))
            w.surnames.sort(key=lambda x: x[0])
            self.stats["maiden_surname_back"] += 1
        if rng.random() < 0.3:
            md = d + dt.timedelta(days=rng.randint(300, 5 * 365))
            if md <= END and self.alive(h, md):
                sp = self.spouse_for(h, md, city)
                self.set_home(sp, sp.birth, None)
                m2 = self.marry(h, sp, md)
                dw2 = self.home_at(h, md)
                self.set_home(sp, md, dw2)
                self.stats["remarriages"] += 1
                queue.extend(self.make_children(h, sp, m2, dw2, self.city_at(h, md)))
                if m2.how == "divorce":
                    self.divorce(m2, queue)

    def found_family(self):
        rng = self.rng
        city = wpick(rng, [("shy", 58), ("ast", 42)])
        ph = wpick(rng, PEOPLE_W[city])
        hb = rdate(rng, D(1936, 1, 1), D(1968, 12, 31))
        h = self.make("M", ph, hb)
        pw = ph if rng.random() < 0.9 else self.spouse_people(ph, city)
        wb = hb + dt.timedelta(days=rng.randint(-700, 2600))
        w = self.make("F", pw, wb)
        md = max(yrs(hb, 22), yrs(wb, 19)) + dt.timedelta(days=rng.randint(0, 6 * 365))
        for p in (h, w):
            if p.death and p.death <= md + dt.timedelta(days=3650):
                p.death = None
        arrive = md
        if city == "ast" and md < D(1998, 1, 1) and rng.random() < 0.7:
            arrive = rdate(rng, D(1998, 1, 1), D(2009, 12, 31))        # came to the new capital
            self.stats["founders_who_came_to_astana"] += 1
        dw = self.new_dw(city, arrive)
        for p in (h, w):
            self.set_home(p, p.birth, None)
            self.set_home(p, arrive, dw)
        m = self.marry(h, w, md)
        queue = self.make_children(h, w, m, dw, city)
        for c in queue:
            if c.birth < arrive:
                self.set_home(c, c.birth, None)
                self.set_home(c, arrive, dw)
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
        self.documents()

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
            if rng.random() < 0.3:
                d = rdate(rng, max(D(2003, 1, 1), dw.created + dt.timedelta(days=250)), D(2024, 10, 31))
                if d <= dw.created:
                    continue
                city = a0.city
                if city == "shy" and rng.random() < 0.1:
                    city = "ast"
                    self.stats["dwellings_moved_shymkent_to_astana"] += 1
                house = (AREA[a0.area][2] == "house") if rng.random() < 0.7 else None
                dw.addrs.append((d, self.new_addr(city, house if city == "shy" else None)))
                self.stats["dwellings_moved"] += 1

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
            a = max(yrs(p.birth, 15), D(2003, 1, 1))
            if a > END or (p.death and p.death <= a):
                continue
            p.phones.append((rdate(rng, a, a + dt.timedelta(days=600)), self.new_phone()))
            if rng.random() < 0.3:
                d = rdate(rng, p.phones[0][0] + dt.timedelta(days=200), END)
                if d > p.phones[0][0]:
                    p.phones.append((d, self.new_phone()))
                    self.stats["phones_changed"] += 1

    def new_card(self):
        while True:
            v = "0" + f"{self.rng.randint(10000000, 99999999)}"
            if v not in self.used_card:
                self.used_card.add(v)
                return v

    def documents(self):
        """IINs (from 2008 on) and identity cards: the first at 16 (or in 1996-2005), renewed every 10 years, again
        after a change of surname, and again after a loss."""
        rng = self.rng
        for p in self.persons:
            if p.death is None or p.death >= D(2008, 1, 1):
                p.iin = make_iin(rng, p.birth, p.sex, self.used_iin)
            d = max(yrs(p.birth, 16), rdate(rng, D(1996, 1, 1), D(2005, 12, 31)) if p.birth.year < 1980 else yrs(p.birth, 16))
            d = d + dt.timedelta(days=rng.randint(0, 120))
            changes = [x[0] + dt.timedelta(days=rng.randint(15, 120)) for x in p.surnames[1:]]
            while d <= END and (p.death is None or d < p.death):
                p.cards.append((d, self.new_card()))
                nxt = yrs(d, 10)
                ch = [x for x in changes if d < x < nxt]
                loss = None
                for y in range(d.year, min(nxt.year, END.year) + 1):
                    if rng.random() < 0.006 * p.vis:
                        loss = rdate(rng, max(d + dt.timedelta(days=30), D(y, 1, 1)), D(y, 12, 31))
                        break
                cand = [x for x in ch + ([loss] if loss else []) if x and d < x < nxt]
                if cand:
                    e = min(cand)
                    if e == loss:
                        p.lost.append((loss, p.cards[-1][1]))
                        self.stats["cards_lost"] += 1
                        e = loss + dt.timedelta(days=rng.randint(12, 60))
                    d = e
                else:
                    d = nxt


# ====================================================================================================================
# writing a person's names
# ====================================================================================================================
class Namer:
    """Scripts: kk (Kazakh letters), ru (Russian letters), icao (a passport's Latin), login (an e-mail's Latin)."""

    def __init__(self, pop, rng):
        self.pop = pop
        self.rng = rng

    def sur_of(self, key, sex, script):
        kind, v = key
        if kind == "kz":
            kk, ru = v, SUR_KZ_RU.get(v, fold(v))
            if sex == "F":
                kk, ru = fem(kk), fem(ru)
        elif kind == "kzov":
            suf = "ев" if v[-1] in VOWELS or v[-1] == "й" else "ов"
            base = v[:-1] if v[-1] == "й" else v
            rb = kk2ru_name(v)
            rb = rb[:-1] if rb[-1] == "й" else rb
            kk, ru = base + suf, rb + suf
            if sex == "F":
                kk, ru = kk + "а", ru + "а"
        elif kind == "kzul":
            kk = v + ("ұлы" if sex == "M" else "қызы")
            ru = kk2ru_name(v) + ("улы" if sex == "M" else "кызы")
        else:
            kk = ru = v if (sex == "M" or kind in NO_FEM) else fem(v)
        if script == "kk":
            return kk
        if script == "ru":
            return ru
        if script == "icao":
            return icao(kk)
        return login_lat(ru)

    def sur(self, p, d, script):
        return self.sur_of(self.pop.stem_at(p, d), p.sex, script)

    def maiden(self, p, script):
        return self.sur_of(p.surnames[0][1], p.sex, script)

    def first(self, p, script):
        if script in ("kk", "ru"):
            return p.first[script]
        if script == "icao":
            return icao(p.first["kk"])
        return login_lat(p.first["ru"])

    def pat(self, p, script, d=None):
        b = p.pat_base
        if b is None:
            return None
        if d is not None and self.pop.stem_at(p, d)[0] == "kzul" and p.surnames[0][1][0] == "kzul":
            return None                       # `Серікұлы Алихан`: no patronymic beside such a surname
        if p.pat_kz:
            kk = b["kk"] + ("ұлы" if p.sex == "M" else "қызы")
            ru = b["ru"] + ("улы" if p.sex == "M" else "кызы")
        else:
            kk, ru = ru_pat(b["kk"], p.sex), ru_pat(b["ru"], p.sex)
        if script == "kk":
            return kk
        if script == "ru":
            return ru
        if script == "icao":
            return icao(kk)
        return login_lat(ru)

    def full(self, p, d, script, pat=True, order="SFP"):
        parts = {"S": self.sur(p, d, script), "F": self.first(p, script), "P": self.pat(p, script, d) if pat else None}
        return " ".join(parts[c] for c in order if parts[c])

    def initials(self, p, d, script, pat=True):
        pt = self.pat(p, script, d) if pat else None
        return f"{self.sur(p, d, script)} {self.first(p, script)[0]}." + (f"{pt[0]}." if pt else "")

    def case_ru(self, p, d, case, pat=True, order="SFP"):
        """The full name in a Russian case (genitive, dative, accusative)."""
        parts = {"S": ru_case_sur(self.sur(p, d, "ru"), p.sex, case), "F": ru_case_first(self.first(p, "ru"), p.sex, case),
                 "P": None}
        if pat:
            pt = self.pat(p, "ru", d)
            parts["P"] = ru_case_pat(pt, p.sex, case) if pt else None
        return " ".join(parts[c] for c in order if parts[c])


REL_KK = {"wife": "жұбайы", "husband": "жұбайы", "son": "ұлы", "daughter": "қызы", "father": "әкесі", "mother": "анасы",
          "brother": "бауыры", "sister": "қарындасы", "grandson": "немересі", "granddaughter": "немересі", "relative": "туысы"}
REL_RU = {"wife": "жена", "husband": "муж", "son": "сын", "daughter": "дочь", "father": "отец", "mother": "мать",
          "brother": "брат", "sister": "сестра", "grandson": "внук", "granddaughter": "внучка", "relative": "родственник"}


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
        return "brother" if b.sex == "M" else "sister"
    for c in a.children:
        if b.father is c or b.mother is c:
            return "grandson" if b.sex == "M" else "granddaughter"
    return "relative"


# ====================================================================================================================
# context and truth
# ====================================================================================================================
class Ctx:
    def __init__(self, seed, n):
        self.seed = seed
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


def ev_of(iin, name, birth, contact=False):
    """The best evidence a record carries. name: full | initials | first | login | relation; birth: full | year |
    partial | None; contact: a phone or an address of the person's own."""
    if iin:
        return "an IIN"
    if name == "full" and birth == "full":
        return "a full name and a birth"
    if name == "full" and birth in ("year", "partial"):
        return "a full name and a year of birth (or a day and month)"
    if name in ("first", "initials", "login") and birth:
        return "a first name or initials and a birth"
    if name == "full" and contact:
        return "a full name and a phone or address"
    if name == "full":
        return "a full name beside the record's other persons"
    if contact:
        return "a first name, a relation or a login with a phone or address"
    return "a first name or a relation beside the record's other persons"


def in_city_on(pop, p, city, d):
    return pop.alive(p, d) and pop.city_at(p, d) == city


# ====================================================================================================================
# 1. the Astana city health department's Active Directory users (ldapsearch's LDIF)
# ====================================================================================================================
ORGS = [("ГП-3", "ГКП на ПХВ «Городская поликлиника № 3»"), ("ГП-7", "ГКП на ПХВ «Городская поликлиника № 7»"),
        ("ГП-11", "ГКП на ПХВ «Городская поликлиника № 11»"), ("ГП-14", "ГКП на ПХВ «Городская поликлиника № 14»"),
        ("ГБ-2", "ГКП на ПХВ «Городская больница № 2»"), ("ССМП", "ГКП на ПХВ «Станция скорой медицинской помощи»"),
        ("УЗ", "ГУ «Управление здравоохранения города Астаны»")]
DEPTS = {"ГП": ["Терапевтическое отделение", "Педиатрическое отделение", "Регистратура", "Отделение профилактики",
                "Лаборатория", "Бухгалтерия", "Хозяйственная служба"],
         "ГБ": ["Хирургическое отделение", "Приёмный покой", "Кардиология", "Лаборатория", "Бухгалтерия"],
         "ССМП": ["Подстанция № 1", "Подстанция № 3", "Диспетчерская", "Гараж"],
         "УЗ": ["Отдел кадров", "Отдел организации медпомощи", "Бухгалтерия", "Отдел цифровизации"]}
TITLES_F = ["медицинская сестра", "врач общей практики", "регистратор", "врач-педиатр", "лаборант", "бухгалтер",
            "акушер-гинеколог", "фельдшер", "заведующая отделением", "главный специалист"]
TITLES_M = ["врач общей практики", "хирург", "фельдшер", "водитель", "программист", "инженер", "завхоз", "врач-кардиолог",
            "главный специалист"]
DEPT_TITLES = {"Бухгалтерия": ["бухгалтер", "главный бухгалтер", "экономист"], "Регистратура": ["медицинский регистратор"],
               "Лаборатория": ["лаборант", "врач-лаборант"], "Хозяйственная служба": ["завхоз", "инженер", "водитель"],
               "Гараж": ["водитель", "механик"], "Диспетчерская": ["диспетчер", "фельдшер"],
               "Отдел кадров": ["специалист по кадрам", "главный специалист"],
               "Отдел цифровизации": ["программист", "системный администратор"],
               "Отдел организации медпомощи": ["главный специалист", "руководитель отдела"]}
BASE_DN = "DC=dz-astana,DC=local"
MAIL_DOMAIN = "dz-astana.example.kz"


def ldif_needs_b64(v):
    return (not v.isascii()) or v[:1] in (" ", ":", "<") or v.endswith(" ") or "\n" in v


def ldif_line(attr, v):
    if isinstance(v, bytes):
        return f"{attr}:: " + base64.b64encode(v).decode("ascii")
    if ldif_needs_b64(v):
        return f"{attr}:: " + base64.b64encode(v.encode("utf-8")).decode("ascii")
    return f"{attr}: {v}"


def ldif_fold(line, width=76):
    """ldapsearch wraps lines at 76 columns; a continuation line begins with one space."""
    if len(line) <= width:
        return [line]
    out = [line[:width]]
    rest = line[width:]
    while rest:
        out.append(" " + rest[:width - 1])
        rest = rest[width - 1:]
    return out


def dn_escape(s):
    return "".join("\\" + ch if ch in ',+"\\<>;=' else ch for ch in s)


def ad_time(t):
    return t.strftime("%Y%m%d%H%M%S") + ".0Z"


def domain(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "densaulyq_domain.txt"
    EXPORT = D(2024, 11, 20)
    spells = []                                   # (person, start, end or None, org, dept, title, rehire)
    for p in pop.persons:
        if p.birth.year < 1955 or p.birth.year > 2002:
            continue
        lo = max(D(2010, 1, 1), yrs(p.birth, 21))
        hi = min(EXPORT - dt.timedelta(days=30), yrs(p.birth, 63))
        if hi <= lo:
            continue
        s = rdate(rng, lo, hi)
        if not in_city_on(pop, p, "ast", s):
            continue
        pr = (0.75 if p.sex == "F" else 0.34) * (0.5 + 0.5 * p.vis)
        if rng.random() >= pr:
            continue
        n = 0
        while s < EXPORT and n < 3:
            org = rng.choice(ORGS)
            kind = "ГП" if org[0].startswith("ГП") else "ГБ" if org[0].startswith("ГБ") else org[0]
            dept = rng.choice(DEPTS[kind])
            title = rng.choice(DEPT_TITLES.get(dept) or (TITLES_F if p.sex == "F" else TITLES_M))
            e = None
            if rng.random() < 0.5:
                e = s + dt.timedelta(days=rng.randint(200, 3200))
                if e >= EXPORT:
                    e = None
            if p.death and (e is None or p.death < e) and p.death < EXPORT:
                e = p.death
            left_city = next((d for d, _ in p.homes if d > s and pop.city_at(p, d) != "ast"), None)
            if left_city and (e is None or left_city < e) and left_city < EXPORT:
                e = left_city
            spells.append([p, s, e, org, dept, title, n])
            n += 1
            if e is None or rng.random() >= 0.22:
                break
            s = e + dt.timedelta(days=rng.randint(60, 1200))
            if not in_city_on(pop, p, "ast", s):
                break
    heads = {}
    logins = set()
    used_dn = set()
    entries = []                                  # (ou path, created, lines, person or None)
    n_kept = Counter()
    for p, s, e, org, dept, title, n in spells:
        gone = e is not None and e < EXPORT
        if gone and rng.random() < 0.4:
            n_kept["deleted_when_they_left"] += 1
            continue
        sc = "kk" if p.people == "kz" and rng.random() < 0.2 else "ru"
        sur0 = nm.sur(p, s, "ru")
        # the login is made on the first day and never changes
        base = f"{login_lat(nm.first(p, 'ru'))[0]}.{login_lat(sur0)}"
        lg = base
        k = 2
        while lg in logins:
            lg = f"{base}{k}"
            k += 1
        logins.add(lg)
        last = e - dt.timedelta(days=1) if gone else EXPORT
        changed = nm.sur(p, last, "ru") != sur0
        d_name = last if (changed and rng.random() < 0.8) else s      # the admin updated the names (or not)
        if changed:
            n_kept["surname_changed_while_employed"] += 1
            if d_name == last:
                n_kept["names_updated_login_kept"] += 1
        surn = F.name(nm.sur(p, d_name, sc), FILE)
        first = F.name(nm.first(p, sc), FILE)
        pat = nm.pat(p, sc, d_name)
        cn = " ".join(x for x in (surn, first, pat) if x)
        disp = cn if rng.random() < 0.7 else f"{surn} {first[0]}." + (f"{pat[0]}." if pat else "")
        ou = ["Уволенные"] if gone else [dept, org[0]]
        dn = "CN=" + dn_escape(cn) + "," + ",".join("OU=" + dn_escape(x) for x in ou) + ",OU=Пользователи," + BASE_DN
        k = 2
        while dn in used_dn:                      # a namesake in the same unit: the admin adds a number to the name
            cn2 = f"{cn} {k}"
            dn = "CN=" + dn_escape(cn2) + "," + ",".join("OU=" + dn_escape(x) for x in ou) + ",OU=Пользователи," + BASE_DN
            k += 1
        if k > 2:
            cn = cn2
            n_kept["namesakes_numbered_in_the_unit"] += 1
        used_dn.add(dn)
        created = dt.datetime.combine(s, dt.time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))) - dt.timedelta(hours=5)
        changed_t = dt.datetime.combine(min(EXPORT, (e or EXPORT) + dt.timedelta(days=rng.randint(0, 20))) if gone else
                                        rdate(rng, s, EXPORT), dt.time(rng.randint(3, 12), rng.randint(0, 59), rng.randint(0, 59)))
        L = [ldif_line("dn", dn)]
        L += ["objectClass: top", "objectClass: person", "objectClass: organizationalPerson", "objectClass: user"]
        L.append(ldif_line("cn", cn))
        L.append(ldif_line("sn", surn))
        if rng.random() < 0.45 and pat:
            L.append(ldif_line("initials", pat[0] + "."))
        if rng.random() < 0.35 and pat:
            L.append(ldif_line("middleName", pat))
        L.append(ldif_line("givenName", first))
        L.append(ldif_line("title", title))
        iin = None
        x = rng.random()
        if x < 0.1:
            iin = F.iin(p.iin, FILE)
            L.append(ldif_line("description", f"ИИН {iin}"))
        elif x < 0.2 and gone:
            L.append(ldif_line("description", f"уволена {dmy(e)}" if p.sex == "F" else f"уволен {dmy(e)}"))
        elif x < 0.27 and p.sex == "F":
            L.append(ldif_line("description", "декретный отпуск"))
        L.append(ldif_line("physicalDeliveryOfficeName", f"каб. {rng.randint(101, 420)}"))
        tel = heads.setdefault(("tel", org[0], dept), f"+7 7172 {rng.randint(20, 79)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}")
        L.append(ldif_line("telephoneNumber", tel))
        L.append(ldif_line("department", dept))
        L.append(ldif_line("company", org[1]))
        L.append(ldif_line("displayName", disp))
        head = heads.get((org[0], dept))
        if head is not None and head != dn and rng.random() < 0.6:
            L.append(ldif_line("manager", head))
        elif head is None and not gone:
            heads[(org[0], dept)] = dn
        groups = ["CN=Domain Users,CN=Users," + BASE_DN, f"CN={org[0].replace('-', '')}-Users,OU=Группы," + BASE_DN]
        if rng.random() < 0.5:
            groups.append("CN=Пользователи МИС,OU=Группы," + BASE_DN)
        for g in groups[1:]:
            L.append(ldif_line("memberOf", g))
        L.append(f"whenCreated: {ad_time(created)}")
        L.append(f"whenChanged: {ad_time(changed_t - dt.timedelta(hours=5))}")
        L.append(f"userAccountControl: {514 if gone else 66048 if rng.random() < 0.05 else 512}")
        L.append(ldif_line("objectGUID", bytes(rng.getrandbits(8) for _ in range(16))))
        L.append(ldif_line("objectSid", bytes([1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0]) + bytes(rng.getrandbits(8) for _ in range(12))
                           + (1100 + len(entries)).to_bytes(4, "little")))
        L.append(f"sAMAccountName: {lg}")
        L.append(f"userPrincipalName: {lg}@dz-astana.local")
        if not gone or rng.random() < 0.5:
            L.append(f"mail: {lg}@{MAIL_DOMAIN}")
        ph = pop.phone_at(p, last)
        has_ph = False
        if ph and rng.random() < 0.62:
            L.append(ldif_line("mobile", phone_fmt(ph, rng.choice(["sp", "plus", "eight", "dash"]))))
            has_ph = True
        if rng.random() < 0.55:
            eid = F.iin(p.iin, FILE)
            L.append(ldif_line("employeeID", eid))
            iin = iin or eid
        L.append(f"employeeNumber: {rng.randint(1, 9999):06d}")
        bev = None
        y = rng.random()
        if y < 0.4:
            b = F.birth(p.birth, FILE)
            L.append(ldif_line("extensionAttribute1", f"{b.day:02d}.{b.month:02d}"))     # for the birthday greetings
            bev = "partial"
        elif y < 0.55:
            b = F.birth(p.birth, FILE)
            L.append(ldif_line("extensionAttribute1", dmy(b)))
            bev = "full"
        entries.append((ou, created, L, (p, ev_of(bool(iin), "full", bev, has_ph))))
    # service accounts, shared mailboxes and scanners: entries of nobody
    svc = [("svc_mis", "Служебная учётная запись МИС"), ("scan_gp7", "Сканер ГП-7 2 этаж"), ("reg_gp3", "Регистратура ГП-3"),
           ("svc_backup", "Backup Service"), ("kiosk_gb2", "Инфокиоск ГБ-2 приёмный покой"), ("call_center", "Call-центр 1414"),
           ("zal_uz", "Конференц-зал УЗ"), ("test.user", "Тестовый пользователь"), ("svc_1c", "1С Зарплата служебная")]
    for lg, cn in svc + [(f"pc-{rng.randint(100, 999)}", f"Кабинет {rng.randint(101, 420)} ПК") for _ in range(rng.randint(20, 40))]:
        dn = "CN=" + dn_escape(cn) + ",OU=Служебные," + BASE_DN
        created = dt.datetime(rng.randint(2012, 2023), rng.randint(1, 12), rng.randint(1, 28), rng.randint(3, 12), rng.randint(0, 59))
        L = [ldif_line("dn", dn), "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
             "objectClass: user", ldif_line("cn", cn), ldif_line("displayName", cn), f"whenCreated: {ad_time(created)}",
             f"whenChanged: {ad_time(created + dt.timedelta(days=rng.randint(1, 900)))}", "userAccountControl: 66048",
             ldif_line("objectGUID", bytes(rng.getrandbits(8) for _ in range(16))), f"sAMAccountName: {lg}",
             f"userPrincipalName: {lg}@dz-astana.local"]
        entries.append((["Служебные"], created, L, None))
    entries.sort(key=lambda x: (x[0][::-1], x[1]))
    out = ["# extended LDIF", "#", "# LDAPv3", f"# base <{BASE_DN}> with scope subtree",
           "# filter: (&(objectCategory=person)(objectClass=user))", "# requesting: ALL",
           "# with pagedResults control: size=500", "#", ""]
    n_resp = 0
    for k, (ou, created, L, who) in enumerate(entries, start=1):
        dn_text = base64.b64decode(L[0].split(":: ", 1)[1]).decode("utf-8") if "::" in L[0] else L[0].split(": ", 1)[1]
        comment = "# " + ", ".join(x.split("=", 1)[1] for x in re.split(r"(?<!\\),", dn_text) if not x.startswith("DC="))
        out.append(comment + ", dz-astana.local")
        for ln in L:
            out += ldif_fold(ln)
        out.append("")
        n_resp += 1
        if k % 500 == 0 and k < len(entries):
            cookie = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(12))).decode("ascii")
            out += ["# search result", "search: 2", "result: 0 Success",
                    f"control: 1.2.840.113556.1.4.319 false {cookie}", f"# pagedresults: cookie={cookie}", "",
                    "# extended LDIF", "#", "# LDAPv3", f"# base <{BASE_DN}> with scope subtree",
                    "# filter: (&(objectCategory=person)(objectClass=user))", "# requesting: ALL",
                    "# with pagedResults control: size=500", "#", ""]
        if who is not None:
            ctx.t(FILE, str(k), 1, who[0], who[1])
    out += ["# search result", "search: 2", "result: 0 Success", "control: 1.2.840.113556.1.4.319 false MIQAAAAFAgEABAA=",
            "# pagedresults: cookie=", "", f"# numResponses: {n_resp + 1}", f"# numEntries: {n_resp}", ""]
    ctx.files[FILE] = "\n".join(out).encode("utf-8")
    persons = sum(1 for e in entries if e[3])
    ctx.stat_files[FILE] = {"entries": len(entries), "persons": persons, "entries_of_nobody": len(entries) - persons,
                            "disabled_of_those_who_left": sum(1 for e in entries if e[0] == ["Уволенные"]),
                            "employees": len({e[3][0].pid for e in entries if e[3]}), **dict(sorted(n_kept.items()))}


# ====================================================================================================================
# 2. a private-house neighbourhood's initiative group for gas and water, a WhatsApp chat exported on Android
# ====================================================================================================================
HEAD = "Серік аға Бастамашыл топ"
AKIM = "Әкімдік газ маманы Бауыржан"
CHAT_SMALL = ["Рахмет!", "Рахмет", "Дұрыс", "👍", "Спасибо", "Ассалаумағалейкум", "Уағалейкумассалам", "Газ қашан қосылады?",
              "Бүгін жиналыс қай сағатта?", "Тракторшының номері кімде бар?", "Бізде су жоқ 3 күн болды", "Кто знает когда свет дадут?",
              "Құбыр тартып жатыр ма?", "Ақшаны кімге тапсырамыз?", "Менің үйім тізімде бар ма?", "Барлығына рахмет 🙏",
              "Жарық өшіп тұр ма сіздерде?", "Иа", "Ок", "Келісемін", "Завтра приедут?"]


def wa_sender_name(rng, nm, p, d, a, older):
    """How the exporter saved the member: a first name with the neighbourhood or the house, a name, a first name with an
    honorific (`апай`, `аға`), or nothing at all (the number is shown)."""
    x = rng.random()
    sc = "kk" if p.people == "kz" else "ru"
    fi = nm.first(p, sc)
    ar = AREA[a.area]
    if x < 0.22:
        return f"{fi} {ar[4] if sc == 'kk' else ar[3]} {a.house}"
    if x < 0.38:
        return f"{nm.sur(p, d, sc)} {fi}"
    if x < 0.5:
        return f"{fi} {HOUSE_ST[a.street][1 if sc == 'kk' else 0]} {a.house}"
    if x < 0.6:
        return f"{fi} {'апай' if p.sex == 'F' else 'аға'}" if older else f"{fi} көрші"
    if x < 0.66:
        return f"{fi} {a.house}-үй"
    return None


def gaz_chat(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "gaz_bastama_chat.txt"
    T0 = D(2019, 2, 11)
    T1 = D(2024, 11, 25)
    campaigns = [(D(2019, 2, 12), "gas"), (D(2021, 5, 4), "water"), (D(2023, 8, 15), "asphalt")]
    # households of the neighbourhoods: each dwelling's address in the three areas during the chat's years
    homes = []                                    # (dwelling, from, to, address)
    for dw in pop.dws:
        for i, (d, a) in enumerate(dw.addrs):
            if a is None or a.area not in GAS_AREAS:
                continue
            to = dw.addrs[i + 1][0] if i + 1 < len(dw.addrs) else T1
            lo, hi = max(d, T0), min(to, T1)
            if lo < hi:
                homes.append((dw, lo, hi, a))
    members = {}                                  # pid -> dict
    msgs = []                                     # (datetime, sender key or None, text, persons)

    def residents(dw, d):
        return sorted([p for p in pop.ever.get(dw.did, {}).values() if pop.alive(p, d) and pop.home_at(p, d) is dw],
                      key=lambda q: (q.birth, q.pid))

    def owner_of(dw, d):
        res = [p for p in residents(dw, d) if age(p.birth, d) >= 18]
        men = [p for p in res if p.sex == "M"]
        return (men or res or [None])[0]

    def display(p, d, a):
        m = members[p.pid]
        ph = pop.phone_at(p, d)
        if ph is None:
            return None
        if ph not in m["names"]:
            saved = wa_sender_name(rng, nm, p, d, a, age(p.birth, d) >= 50) if not m["names"] else None
            m["names"][ph] = saved or phone_fmt(ph, "wa")
        return m["names"][ph]

    def reg_text(sender, who, d, a, kind, on_behalf):
        sc = "kk" if sender.people == "kz" and rng.random() < 0.8 else "ru"
        wsc = "kk" if who.people == "kz" and sc == "kk" else "ru"
        name = nm.full(who, d, wsc, pat=rng.random() < 0.75)
        if rng.random() < 0.15:
            name = f"{nm.sur(who, d, wsc)} {nm.first(who, wsc)}"
        name = F.name(name, FILE)
        iin = F.iin(who.iin, FILE) if kind != "asphalt" and rng.random() < 0.85 else None
        st = HOUSE_ST[a.street][1 if sc == "kk" else 0]
        ar = AREA[a.area][4 if sc == "kk" else 3]
        adr = rng.choice([f"{st} {a.house}", f"{ar}, {st} көшесі {a.house}-үй" if sc == "kk" else f"{ar}, ул. {st} {a.house}",
                          f"{st} к-сі, {a.house} үй" if sc == "kk" else f"ул. {st}, д. {a.house}"])
        ph = pop.phone_at(who, d)
        lines = []
        bev = None
        if on_behalf:
            rel = relation(pop, sender, who, d)
            lead = {"father": ("Әкемнің атына", "На отца"), "mother": ("Анамның атына", "На маму"),
                    "husband": ("Жолдасымның атына", "На мужа"), "wife": ("Әйелімнің атына", "На жену"),
                    "grandson": ("Немеремнің атына", "На внука"), "granddaughter": ("Немеремнің атына", "На внучку"),
                    "son": ("Ұлымның атына", "На сына"), "daughter": ("Қызымның атына", "На дочь")}.get(rel, ("Үй иесінің атына", "На хозяина"))
            lines.append((lead[0] if sc == "kk" else lead[1]) + (" жазыңызшы:" if sc == "kk" else " запишите:"))
        style = rng.random()
        if style < 0.45:
            lines.append(name)
            if iin:
                lines.append(f"ЖСН {iin}" if sc == "kk" else f"ИИН {iin}")
            lines.append(adr)
            if ph and not on_behalf and rng.random() < 0.5:
                lines.append(phone_fmt(ph, rng.choice(["eight", "raw", "sp8"])))
        else:
            bits = [name]
            if iin:
                bits.append(iin if rng.random() < 0.5 else (f"ЖСН {iin}" if sc == "kk" else f"ИИН {iin}"))
            if not iin and rng.random() < 0.5:
                b = F.birth(who.birth, FILE)
                bits.append(f"{b.year} ж.т." if sc == "kk" else f"{b.year} г.р.")
                bev = "year"
            bits.append(adr)
            if kind == "water":
                n_res = len(residents(pop.home_at(who, d), d)) if pop.home_at(who, d) else 1
                bits.append(f"{n_res} адам" if sc == "kk" else f"{n_res} чел.")
            lines.append(", ".join(bits) if on_behalf or rng.random() < 0.6 else " ".join(bits))
        return "\n".join(lines), iin, bev

    for dw, lo, hi, a in homes:
        if rng.random() >= 0.86:
            continue
        for p in sorted(pop.ever.get(dw.did, {}).values(), key=lambda q: (q.birth, q.pid)):
            # an adult of the house, living in it at some day of the chat
            days = [d for d in (lo, lo + (hi - lo) / 2, hi - dt.timedelta(days=1)) if pop.alive(p, d) and pop.home_at(p, d) is dw
                    and age(p.birth, d) >= 20 and pop.phone_at(p, d)]
            if not days:
                continue
            own = owner_of(dw, days[0]) is p
            sp = pop.spouse_at(p, days[0])
            pr = 0.92 if own else 0.5 if (sp is not None and owner_of(dw, days[0]) is sp) else 0.3
            if rng.random() >= min(0.95, pr * (0.6 + 0.4 * p.vis)):
                continue
            if p.pid in members:
                continue
            members[p.pid] = {"p": p, "names": {}, "dw": dw, "lo": lo, "hi": hi, "a": a}
    # joining, registering, talking, leaving
    for pid in sorted(members):
        m = members[pid]
        p, dw, lo, hi, a = m["p"], m["dw"], m["lo"], m["hi"], m["a"]
        join = lo if lo > T0 else T0 + dt.timedelta(days=rng.randint(0, 20))
        join = max(join, next(d for d in (lo, lo + (hi - lo) / 2, hi - dt.timedelta(days=1)) if pop.alive(p, d) and age(p.birth, d) >= 20))
        if not pop.alive(p, join) or pop.phone_at(p, join) is None:
            continue
        jt = dt.datetime.combine(join, dt.time(rng.randint(8, 22), rng.randint(0, 59)))
        who = display(p, join, a)
        msgs.append((jt, None, f"{HEAD} добавил(а) {who}" if rng.random() < 0.6 else f"{who} присоединился(-ась) по ссылке-приглашению этой группы", []))
        leave = None
        if hi < T1 and rng.random() < 0.7:
            leave = hi
        for c0, kind in campaigns:
            if not (join <= c0 + dt.timedelta(days=60) and (leave is None or c0 < leave)):
                continue
            d = max(c0, join) + dt.timedelta(days=rng.randint(0, 45))
            if not pop.alive(p, d) or pop.home_at(p, d) is not dw:
                continue
            owner = owner_of(dw, d)
            if owner is None:
                continue
            is_owner = owner is p
            if not is_owner and kind != "asphalt" and rng.random() < 0.5:
                continue                          # the owner or another member registers the house
            who_reg = p if (is_owner or kind == "asphalt") else owner
            text, iin, bev = reg_text(p, who_reg, d, a, kind, who_reg is not p)
            t = max(dt.datetime.combine(d, dt.time(rng.randint(7, 23), rng.randint(0, 59))), jt + dt.timedelta(minutes=rng.randint(3, 300)))
            persons = [(p, ev_of(bool(iin) and who_reg is p, "full" if who_reg is p else "first", bev if who_reg is p else None, True))]
            if who_reg is not p:
                persons.append((who_reg, ev_of(bool(iin), "full", bev, True)))
            msgs.append((t, p, text, persons))
            if rng.random() < 0.08:
                t2 = t + dt.timedelta(minutes=rng.randint(2, 600))
                if iin and rng.random() < 0.5:
                    fix = F.iin(who_reg.iin, FILE, 0)
                    msgs.append((t2, p, rng.choice([f"Кешіріңіз, ЖСН қате: {fix}", f"ЖСН дұрысы {fix}", f"Исправляю ИИН: {fix}"]),
                                 [(p, ev_of(who_reg is p, "first", None, True))]))
                else:
                    msgs.append((t2, p, text, persons))
                ctx.F.n[(FILE, "registered_again_or_corrected")] += 1
        # small talk
        n_small = rng.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 7])
        for _ in range(n_small):
            d = rdate(rng, join, (leave or T1) - dt.timedelta(days=1))
            if not pop.alive(p, d):
                continue
            t = max(dt.datetime.combine(d, dt.time(rng.randint(6, 23), rng.randint(0, 59))), jt + dt.timedelta(minutes=rng.randint(3, 900)))
            x = rng.random()
            txt = "<Без медиафайлов>" if x < 0.18 else "Данное сообщение удалено" if x < 0.22 else rng.choice(CHAT_SMALL)
            if txt.startswith("Газ қашан") and rng.random() < 0.5:
                txt += "\nБіздің көшеде әлі жоқ"
            msgs.append((t, p, txt, [(p, ev_of(False, "first", None, True))]))
        if leave and pop.alive(p, leave) and pop.phone_at(p, leave):
            msgs.append((dt.datetime.combine(leave, dt.time(rng.randint(8, 22), rng.randint(0, 59))), None,
                         f"{display(p, leave, a)} вышел(-ла)", []))
    # the head's and the akimat specialist's announcements
    ann = [(dt.datetime(2019, 2, 12, 9, 5), HEAD, "Ассалаумағалейкум құрметті тұрғындар!\nГаз құбырын тарту үшін тізім жасаймыз. "
            "Үй иесінің аты-жөні, ЖСН, мекенжайы (көше, үй), телефоны.\nҮй құжаты кімнің атында болса, соның атына жазыңыздар."),
           (dt.datetime(2019, 4, 2, 18, 30), HEAD, "Тізімді әкімдікке тапсырдық. Рахмет барлығыңызға!"),
           (dt.datetime(2019, 9, 17, 11, 0), AKIM, "Жоба сметасы бекітілді, құрылыс 2020 жылы басталады."),
           (dt.datetime(2021, 5, 4, 8, 40), HEAD, "Ауыз су құбыры бойынша: үй иесінің аты-жөні, ЖСН, мекенжайы және үйде тұратын адам саны."),
           (dt.datetime(2021, 7, 1, 20, 15), HEAD, "Су бойынша тізім жабылды."),
           (dt.datetime(2022, 10, 3, 10, 0), AKIM, "Бозарық, Тассай: газ қосу жұмыстары аяқталды. Есептегіш орнату үшін ҚазТрансГаз Аймаққа жүгініңіздер."),
           (dt.datetime(2023, 8, 15, 9, 30), HEAD, "Көшеге асфальт салу үшін өтініш жазамыз: аты-жөніңізді және үй нөміріңізді жазыңыз (қол қою орнына)."),
           (dt.datetime(2024, 3, 20, 12, 0), HEAD, "Наурыз мейрамы құтты болсын!")]
    for t, who, txt in ann:
        msgs.append((t, who, txt, []))
    for _ in range(rng.randint(25, 45)):
        t = dt.datetime.combine(rdate(rng, T0, T1), dt.time(rng.randint(8, 21), rng.randint(0, 59)))
        msgs.append((t, HEAD, rng.choice(["Ертең сағат 10:00-де мектепте жиналыс.", "Жиналыс кейінге қалдырылды.",
                                          "<Без медиафайлов>", "Тізімді тексеріңіздер.", "Ақша жинау жоқ, абай болыңыздар!"]), []))
    msgs.sort(key=lambda m: (m[0], m[1].pid if isinstance(m[1], Person) else str(m[1])))
    out = [f"{T0.strftime('%d.%m.%Y')}, 08:58 - Сообщения и звонки защищены сквозным шифрованием. Никто вне этого чата, даже "
           "WhatsApp, не может прочитать или прослушать их. Нажмите, чтобы узнать подробнее.",
           f"{T0.strftime('%d.%m.%Y')}, 08:58 - {HEAD} создал(а) группу \"Бозарық-Тассай газ/су\""]
    recs = [[], []]
    for t, who, txt, persons in msgs:
        ts = t.strftime("%d.%m.%Y, %H:%M")
        if who is None:
            out.append(f"{ts} - {txt}")
        else:
            name = who if isinstance(who, str) else display(who, t.date(), members[who.pid]["a"])
            out.append(f"{ts} - {name}: {txt}")
        recs.append(persons)
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    ctx.files[FILE] = ("\n".join(out) + "\n").encode("utf-8")
    ctx.stat_files[FILE] = {"messages": len(recs), "members": len(members),
                            "members_shown_by_number": sum(1 for m in members.values() for v in m["names"].values() if v.startswith("+7")),
                            "member_messages": sum(1 for r in recs if r),
                            "registrations_for_another": sum(1 for r in recs if len(r) > 1),
                            "persons": sum(len(r) for r in recs)}


# ====================================================================================================================
# 3. a Shymkent newspaper's paid announcements, as its WordPress REST API answered (/wp-json/wp/v2/posts)
# ====================================================================================================================
SITE = "https://shugyla.example.kz"
ORGS_KK = ['"Оңтүстік Құрылыс-Сервис" ЖШС', '"Шымкент Тас Жол" ЖШС', "№ 45 мектеп-гимназия", '"Сайрам Агро" ЖШС',
           '"Береке Фарм" ЖШС', "Қалалық № 2 емхана", '"ОңтүстікЭнергоСауда" ЖШС', '"Асыл Тағам" ЖШС',
           "Қаратау ауданы әкімдігі", '"Шымкент Полимер" АҚ', "№ 12 балабақша", '"Тұран Логистик" ЖШС']
ORGS_RU = ['ТОО "Оңтүстік Құрылыс-Сервис"', 'ТОО "Шымкент Тас Жол"', "школы-гимназии № 45", 'ТОО "Сайрам Агро"',
           'ТОО "Береке Фарм"', "городской поликлиники № 2", 'ТОО "ОңтүстікЭнергоСауда"', 'ТОО "Асыл Тағам"',
           "акимата Каратауского района", 'АО "Шымкент Полимер"', "детского сада № 12", 'ТОО "Тұран Логистик"']
POSTS_KK = ["бас есепші", "инженер", "мұғалім", "жүргізуші", "менеджер", "мейірбике", "бөлім меңгерушісі", "маман", ""]
REL_GEN_RU = {"father": "отца", "mother": "матери", "husband": "мужа", "wife": "супруги", "brother": "брата", "sister": "сестры",
              "son": "сына", "daughter": "дочери"}
REL_KK_OF = {"father": "әкесі", "mother": "анасы", "husband": "жұбайы", "wife": "жұбайы", "brother": "бауыры",
             "sister": "бауыры", "son": "ұлы", "daughter": "қызы"}
SCHOOLS = ["№ 45 мектеп-гимназия", "№ 8 жалпы орта мектеп", "№ 102 мектеп-лицей", "№ 17 мектеп", "№ 63 мектеп"]
COLLEGES = ["Шымкент жоғары медициналық колледжі", "Оңтүстік Қазақстан педагогикалық университеті",
            "Шымкент университеті", "Оңтүстік политехникалық колледжі"]


def texturize(s):
    """What WordPress's wptexturize makes of a paragraph: quotes, dashes and ellipses as character references."""
    s = re.sub(r'"([^"]*)"', lambda m: "&#171;" + m.group(1) + "&#187;", s)
    s = re.sub(r"(\d)-(\d)", r"\1&#8211;\2", s)
    s = s.replace(" - ", " &#8211; ").replace("...", "&#8230;")
    return s


def wp_slug(title, used):
    t = re.sub(r"[^\w\s-]", "", title.lower()).strip()
    t = re.sub(r"[\s_]+", "-", t)
    slug = urllib.parse.quote(t, safe="-").lower()
    base, k = slug, 2
    while slug in used:
        slug = f"{base}-{k}"
        k += 1
    used.add(slug)
    return slug


def name_in(p):
    return "kk" if p.people == "kz" else "ru"


def gazette(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "shugyla_posts.json"
    T0, T1 = D(2015, 1, 5), D(2024, 11, 29)
    lost = []                                    # (publication day, person, text kk/ru)
    posts = []                                   # (publication datetime, category, title, [paragraphs], persons)

    def kk_name(p, d, pat=True):
        return F.name(nm.full(p, d, name_in(p), pat=pat), FILE)

    # ---- lost documents: identity cards, school certificates, diplomas, driving licences
    for p in pop.persons:
        for ld, num in p.lost:
            if not (T0 <= ld <= T1 - dt.timedelta(days=30)) or pop.city_at(p, ld) != "shy":
                continue
            if rng.random() >= 0.9:
                continue
            issued = next(d for d, n in p.cards if n == num)
            lost.append((ld + dt.timedelta(days=rng.randint(2, 25)), p, ("card", num, issued)))
        for y in range(T0.year, T1.year + 1):
            d = rdate(rng, D(y, 1, 1), D(y, 12, 31))
            if not (T0 <= d <= T1 - dt.timedelta(days=30)) or not pop.alive(p, d) or pop.city_at(p, d) != "shy":
                continue
            a = age(p.birth, d)
            if 17 <= a <= 45 and rng.random() < 0.012 * p.vis:
                kind = "school" if a < 23 or rng.random() < 0.4 else "diploma"
                lost.append((d, p, (kind, None, None)))
            elif 20 <= a <= 65 and rng.random() < 0.007 * p.vis:
                lost.append((d, p, ("licence", None, None)))
    lost.sort(key=lambda x: (x[0], x[1].pid))
    by_month = defaultdict(list)                 # the editor posts a month's printed notices as one post
    for d, p, doc in lost:
        by_month[D(d.year, d.month, 1)].append((d, p, doc))
    for month in sorted(by_month):
        items = by_month[month]
        paras, persons = [], []
        for d, p, (kind, num, issued) in items:
            kk = p.people == "kz" and rng.random() < 0.7 or rng.random() < 0.15
            full = rng.random() < 0.85
            iin = F.iin(p.iin, FILE) if rng.random() < 0.3 else None
            if kk:
                nmk = nm.full(p, d, "kk" if p.people == "kz" else "ru", pat=full)
                nmk = F.name(kk_case(nmk, "gen"), FILE)
                who = f"{nmk} (ЖСН {iin})" if iin else nmk
                if kind == "card":
                    txt = f"{who} атына ҚР ІІМ {dmy(issued)} берген № {num} жеке куәлігі жоғалуына байланысты жарамсыз деп танылсын."
                elif kind == "school":
                    txt = (f"{who} атына {yrs(p.birth, 17).year} жылы Шымкент қаласындағы {rng.choice(SCHOOLS)} берген "
                           f"ЖОБ № {rng.randint(100000, 999999):07d} аттестаты жоғалуына байланысты жарамсыз деп есептелсін.")
                elif kind == "diploma":
                    txt = (f"{who} атына {rng.choice(COLLEGES)} {yrs(p.birth, rng.randint(20, 23)).year} жылы берген "
                           f"ЖБ-Б № {rng.randint(100000, 999999):07d} дипломы жоғалуына байланысты жарамсыз деп есептелсін.")
                else:
                    txt = f"{who} атына берілген № {rng.choice('ABCDEFGH')}{rng.randint(100000, 999999)} жүргізуші куәлігі жоғалуына байланысты жарамсыз деп танылсын."
            else:
                nmr = F.name(nm.case_ru(p, d, "gen", pat=full), FILE)
                who = f"{nmr}, ИИН {iin}," if iin else nmr
                if kind == "card":
                    txt = f"Утерянное удостоверение личности № {num}, выданное МВД РК {dmy(issued)} на имя {who} считать недействительным."
                elif kind == "school":
                    txt = (f"Утерянный аттестат ЖОБ № {rng.randint(100000, 999999):07d}, выданный в {yrs(p.birth, 17).year} г. "
                           f"{rng.choice(['СОШ № 8', 'школой-гимназией № 45', 'школой-лицеем № 102'])} г. Шымкент на имя {who} считать недействительным.")
                elif kind == "diploma":
                    txt = f"Утерянный диплом ЖБ-Б № {rng.randint(100000, 999999):07d} на имя {who} считать недействительным."
                else:
                    txt = f"Утерянное водительское удостоверение № {rng.choice('ABCDEFGH')}{rng.randint(100000, 999999)} на имя {who} считать недействительным."
                txt = txt.replace(", считать", " считать")
            paras.append(txt)
            persons.append((p, ev_of(bool(iin), "full", None)))
        pub = yrs(month, 0).replace(day=28) + dt.timedelta(days=rng.randint(0, 5))
        posts.append((dt.datetime.combine(pub, dt.time(rng.randint(8, 11), rng.randint(0, 59), rng.randint(0, 59))), 12,
                      "Жарамсыз деп танылсын / Считать недействительным", paras, persons))
    # ---- deaths: condolences from a child's or a spouse's workplace, memorials after a year
    for p in pop.persons:
        if p.death is None or not (T0 - dt.timedelta(days=370) <= p.death <= T1) or pop.city_at(p, p.death - dt.timedelta(days=1)) != "shy":
            continue
        d0 = p.death
        close = [c for c in p.children if pop.alive(c, d0) and age(c.birth, d0) >= 22]
        sp = pop.spouse_at(p, d0 - dt.timedelta(days=1))
        if sp is not None and pop.alive(sp, d0) and age(sp.birth, d0) < 64:
            close.append(sp)
        n_cond = 0
        for c in close:
            if d0 < T0 or n_cond >= 4 or rng.random() >= 0.6 * c.vis:
                continue
            n_cond += 1
            pub = d0 + dt.timedelta(days=rng.randint(1, 5))
            rel = relation(pop, c, p, d0 - dt.timedelta(days=1))
            kk = c.people == "kz" and rng.random() < 0.75
            if kk:
                org = rng.choice(ORGS_KK)
                post = rng.choice(POSTS_KK)
                addr = F.name(kk_case(nm.full(c, pub, name_in(c), pat=rng.random() < 0.8), "dat"), FILE)
                dsc = name_in(p)
                dn_full = not (rng.random() < 0.6 and nm.pat(p, dsc, d0))
                dn = nm.full(p, d0, dsc) if dn_full else f"{nm.first(p, dsc)} {nm.pat(p, dsc, d0)}"
                dn = F.name(kk_case(dn, "gen"), FILE)
                txt = (f"{org} ұжымы {post + ' ' if post else ''}{addr} {REL_KK_OF.get(rel, 'туысы')} {dn} қайтыс болуына "
                       f"байланысты қайғысына ортақтасып, көңіл айтады.")
                title = "Көңіл айту"
            else:
                org = rng.choice(ORGS_RU)
                addr = F.name(nm.case_ru(c, pub, "dat", pat=rng.random() < 0.85), FILE)
                dn_full = not (rng.random() < 0.6 and nm.pat(p, "ru", d0))
                if not dn_full:
                    dn = f"{ru_case_first(nm.first(p, 'ru'), p.sex, 'gen')} {ru_case_pat(nm.pat(p, 'ru', d0), p.sex, 'gen')}"
                else:
                    dn = nm.case_ru(p, d0, "gen")
                dn = F.name(dn, FILE)
                txt = (f"Коллектив {org} выражает глубокие соболезнования {addr} в связи со смертью "
                       f"{REL_GEN_RU.get(rel, 'близкого человека')} - {dn}.")
                title = "Соболезнование"
            posts.append((dt.datetime.combine(pub, dt.time(rng.randint(9, 19), rng.randint(0, 59), rng.randint(0, 59))), 13,
                          title, [txt], [(c, ev_of(False, "full", None)), (p, ev_of(False, "full" if dn_full else "first", None))]))
        # a year on
        pub = yrs(d0, 1) + dt.timedelta(days=rng.randint(-6, 3))
        if not (T0 <= pub <= T1):
            continue
        fam = [q for q in [pop.spouse_at(p, d0 - dt.timedelta(days=1))] + p.children if q is not None and pop.alive(q, pub)]
        if not fam or rng.random() >= 0.6 * max(q.vis for q in fam):
            continue
        sp = fam[0] if fam[0] not in p.children else None
        kids = [q for q in p.children if pop.alive(q, pub) and age(q.birth, pub) >= 14]
        kk = p.people == "kz" or rng.random() < 0.2
        by, dy = p.birth.year, d0.year
        if rng.random() < 0.04:
            by += rng.choice([-1, 1])
            ctx.F.n[(FILE, "memorial_birth_year_off_by_one")] += 1
        dn = F.name(nm.full(p, d0 - dt.timedelta(days=1), name_in(p)), FILE)
        persons = [(p, ev_of(False, "full", "year"))]
        if kk:
            jar = ", асыл жар" if sp is not None else ""
            if p.sex == "M":
                lead = f"Аяулы әке{jar}, ардақты ата" if p.children else "Аяулы бауырымыз"
            else:
                lead = f"Аяулы ана{jar}, ардақты әже" if p.children else "Аяулы бауырымыз"
            paras = [f"{lead} {dn} ({by}-{dy}) дүниеден озғанына бір жыл толды.",
                     "Жаны жәннатта, иманы жолдас болсын. Құран бағыштаймыз."]
            tail = []
            if sp is not None:
                tail.append(f"жұбайы {nm.first(sp, name_in(sp))}")
                persons.append((sp, ev_of(False, "first", None)))
            if kids:
                tail.append("балалары " + ", ".join(nm.first(q, name_in(q)) for q in kids))
                persons += [(q, ev_of(False, "first", None)) for q in kids]
            tail += ["келіндері", "немерелері"] if p.children else []
            paras.append("Еске алушылар: " + ", ".join(tail) + ".")
            title = "Еске алу"
        else:
            paras = [f"Светлой памяти {nm.case_ru(p, d0 - dt.timedelta(days=1), 'gen')} ({by}-{dy}).",
                     "Год прошёл, как нет тебя с нами... Помним, любим, скорбим."]
            tail = []
            if sp is not None:
                tail.append(f"{'жена' if sp.sex == 'F' else 'муж'} {nm.first(sp, 'ru')}")
                persons.append((sp, ev_of(False, "first", None)))
            if kids:
                tail.append("дети " + ", ".join(nm.first(q, "ru") for q in kids))
                persons += [(q, ev_of(False, "first", None)) for q in kids]
            line = ", ".join(tail + ["внуки"]) + "."
            paras.append(line[0].upper() + line[1:])
            title = "Помним, любим, скорбим"
        posts.append((dt.datetime.combine(pub, dt.time(rng.randint(9, 19), rng.randint(0, 59), rng.randint(0, 59))), 14,
                      title, paras, persons))
    # ---- jubilees
    for p in pop.persons:
        for n in (60, 70, 75, 80, 85, 90):
            bd = yrs(p.birth, n)
            if not (T0 <= bd <= T1 - dt.timedelta(days=20)) or not pop.alive(p, bd) or pop.city_at(p, bd) != "shy":
                continue
            if rng.random() >= 0.8 * p.vis:
                continue
            pub = bd + dt.timedelta(days=rng.randint(-3, 12))
            sp = pop.spouse_at(p, pub)
            kk = p.people == "kz" and rng.random() < 0.8
            persons = [(p, ev_of(False, "full", "year"))]
            if kk:
                nmk = F.name(kk_case(nm.full(p, pub, "kk", pat=rng.random() < 0.85), "acc"), FILE)
                if p.sex == "M":
                    lead = "Аяулы әкеміз, ардақты атамыз" + (", асыл жарым" if sp else "")
                else:
                    lead = "Аяулы анамыз, ардақты әжеміз" + (", асыл жарым" if sp else "")
                paras = [f"{lead} {nmk} {n} жасқа толған мерейтойымен шын жүректен құттықтаймыз!",
                         "Ғұмырыңыз ұзақ, денсаулығыңыз мықты болсын, немере-шөберелеріңіздің қызығын көріңіз!"]
                tail = []
                if sp is not None:
                    tail.append(f"жұбайы {nm.first(sp, name_in(sp))}")
                    persons.append((sp, ev_of(False, "first", None)))
                paras.append("Құттықтаушылар: " + ", ".join(tail + ["балалары", "немерелері"]) + ".")
                title = "Құттықтаймыз!"
            else:
                nmr = F.name(nm.case_ru(p, pub, "acc", pat=rng.random() < 0.85), FILE)
                paras = [f"Поздравляем {'дорогого' if p.sex == 'M' else 'дорогую'} {nmr} с {n}-летием!",
                         "Желаем крепкого здоровья, долгих лет жизни и радости от внуков!"]
                tail = []
                if sp is not None:
                    tail.append(f"{'жена' if sp.sex == 'F' else 'муж'} {nm.first(sp, 'ru')}")
                    persons.append((sp, ev_of(False, "first", None)))
                paras.append("С любовью, " + ", ".join(tail + ["дети", "внуки"]) + ".")
                title = "Поздравляем!"
            posts.append((dt.datetime.combine(pub, dt.time(rng.randint(9, 19), rng.randint(0, 59), rng.randint(0, 59))), 15,
                          title, paras, persons))
    posts.sort(key=lambda x: (x[0], x[1]))
    # ids grow with the date (other posts, pages and attachments take the numbers between)
    pid = 14200
    used = set()
    out = []
    recs = []
    for when, cat, title, paras, persons in posts:
        pid += rng.randint(1, 30)
        off = 6 if when < dt.datetime(2024, 3, 1) else 5
        slug = wp_slug(title.split(" / ")[0], used)
        link = f"{SITE}/{when.year}/{when.month:02d}/{when.day:02d}/{slug}/"
        content = "".join(f"<p>{texturize(x)}</p>\n" for x in paras)
        words = re.sub(r"<[^>]+>", " ", content).split()
        exc = " ".join(words[:55]) + (" [&hellip;]" if len(words) > 55 else "")
        mod = when + dt.timedelta(minutes=rng.randint(0, 90))
        o = {"id": pid, "date": when.strftime("%Y-%m-%dT%H:%M:%S"), "date_gmt": (when - dt.timedelta(hours=off)).strftime("%Y-%m-%dT%H:%M:%S"),
             "guid": {"rendered": f"{SITE}/?p={pid}"}, "modified": mod.strftime("%Y-%m-%dT%H:%M:%S"),
             "modified_gmt": (mod - dt.timedelta(hours=off)).strftime("%Y-%m-%dT%H:%M:%S"), "slug": slug, "status": "publish",
             "type": "post", "link": link, "title": {"rendered": texturize(title)},
             "content": {"rendered": content, "protected": False}, "excerpt": {"rendered": f"<p>{exc}</p>\n", "protected": False},
             "author": rng.choice([3, 3, 7, 11]), "featured_media": 0, "comment_status": "closed", "ping_status": "closed",
             "sticky": False, "template": "", "format": "standard", "meta": {"footnotes": ""}, "categories": [cat], "tags": [],
             "class_list": [f"post-{pid}", "post", "type-post", "status-publish", "format-standard", "hentry", f"category-{cat}"],
             "_links": {"self": [{"href": f"{SITE}/wp-json/wp/v2/posts/{pid}"}],
                        "collection": [{"href": f"{SITE}/wp-json/wp/v2/posts"}],
                        "author": [{"embeddable": True, "href": f"{SITE}/wp-json/wp/v2/users/3"}],
                        "wp:term": [{"taxonomy": "category", "embeddable": True, "href": f"{SITE}/wp-json/wp/v2/categories?post={pid}"}],
                        "curies": [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]}}
        out.append(o)
        recs.append(persons)
    out.reverse()                                  # newest first, as the API answers
    recs.reverse()
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    text = json.dumps(out, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")
    ctx.files[FILE] = text.encode("ascii")
    ctx.stat_files[FILE] = {"posts": len(out), "by_category": dict(sorted(Counter(str(p[1]) for p in posts).items())),
                            "lost_document_notices": len(lost), "persons": sum(len(r) for r in recs)}


# ====================================================================================================================
# 4. a Shymkent polyclinic's paediatric work phone: its contacts as Android exports them (vCard 2.1)
# ====================================================================================================================
POLY_DISTRICTS = ("enb", "krt", "alf", "abai")


def qp_encode(s, first_len):
    """Quoted-printable as Android's vCard 2.1 writer makes it: every byte outside letters and digits as =XX, lines
    of at most 76 characters ended by a soft break (`=`)."""
    toks = [chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else "=%02X" % b for b in s.encode("utf-8")]
    lines, cur, width = [], "", 76 - first_len
    for t in toks:
        if len(cur) + len(t) > width - 1:
            lines.append(cur + "=")
            cur, width = "", 76
        cur += t
    lines.append(cur)
    return "\r\n".join(lines)


def vc_prop(name, value):
    if value.isascii():
        return f"{name}:{value}"
    head = f"{name};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    return head + qp_encode(value, len(head))


def vc_n(fn):
    """Android splits a name typed as one string: the first word the given name, the last the family name, the rest the
    middle name (`Мама Алихана` -> N:Алихана;Мама;;;)."""
    w = fn.split(" ")
    if len(w) == 1:
        return ["", w[0], "", "", ""]
    return [w[-1], w[0], " ".join(w[1:-1]), "", ""]


def vc_n_line(parts):
    if all(x.isascii() for x in parts):
        return "N:" + ";".join(parts)
    head = "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    enc = ";".join(qp_encode(x, 0).replace("=\r\n", "") for x in parts)
    # fold the joined value as one
    out, cur, width = [], "", 76 - len(head)
    i = 0
    while i < len(enc):
        step = 3 if enc[i] == "=" else 1
        if len(cur) + step > width - 1:
            out.append(cur + "=")
            cur, width = "", 76
        cur += enc[i:i + step]
        i += step
    out.append(cur)
    return head + "\r\n".join(out)


def pediatr(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "pediatr_kontakty.txt"
    W0, W1 = D(2017, 1, 10), D(2024, 11, 1)
    contacts = {}                                  # key -> dict
    order = []

    def in_area(c, d):
        a = pop.addr_at(c, d)
        return a is not None and a.city == "shy" and AREA[a.area][5] in POLY_DISTRICTS

    def fn_for(par, ch, d, a):
        sc = "kk" if par.people == "kz" else "ru"
        cg = ru_case_first(nm.first(ch, "ru"), ch.sex, "gen")
        ck = nm.first(ch, "kk" if ch.people == "kz" else "ru")
        mum = par.sex == "F"
        x = rng.random()
        if x < 0.3:
            fn = f"{'Мама' if mum else 'Папа'} {cg}"
        elif x < 0.5:
            fn = f"{kk_gen(ck)} {'анасы' if mum else 'әкесі'}"
        elif x < 0.62:
            fn = f"{nm.first(par, 'ru')} {'мама' if mum else 'папа'} {cg}"
        elif x < 0.7:
            fn = f"{ck} {'мамасы' if mum else 'папасы'}"
        elif x < 0.85:
            fn = f"{nm.sur(par, d, sc)} {nm.first(par, sc)}"
        else:
            fn = f"{nm.first(ch, 'ru')} {nm.sur(ch, d, 'ru')} ({'мама' if mum else 'папа'})"
        if rng.random() < 0.45:
            ar = AREA[a.area]
            fn += rng.choice([f" {ar[3]} {a.house}" + (f"-{a.flat}" if a.flat else ""), f" уч.{rng.randint(1, 24)}",
                              f" {HOUSE_ST[a.street][0]} {a.house}" if a.street is not None else f" {ar[3]}"])
        return F.name(fn, FILE)

    kids = [c for c in pop.persons if c.birth >= D(2003, 1, 1)]
    for c in kids:
        lo, hi = max(W0, c.birth + dt.timedelta(days=10)), min(W1, yrs(c.birth, 15))
        if hi <= lo:
            continue
        d = lo
        found = None
        while d < hi:
            if pop.alive(c, d) and in_area(c, d):
                found = d
                break
            d += dt.timedelta(days=150)
        if found is None:
            continue
        d = found + dt.timedelta(days=rng.randint(0, 200))
        if d >= hi or not in_area(c, d):
            d = found
        pars = [x for x in (c.mother, c.father) if x is not None and pop.alive(x, d) and pop.phone_at(x, d)]
        if not pars:
            continue
        par = pars[0] if (pars[0].sex == "F" and rng.random() < 0.8) or len(pars) == 1 else pars[-1]
        if rng.random() >= 0.97 * (0.7 + 0.3 * par.vis):
            continue
        ph = pop.phone_at(par, d)
        key = (par.pid, ph)
        if key in contacts and rng.random() < 0.7:
            contacts[key]["kids"].append(c)
            continue
        if key in contacts:
            key = (par.pid, ph, c.pid)
            ctx.F.n[(FILE, "parent_saved_again_for_another_child")] += 1
        a = pop.addr_at(c, d)
        contacts[key] = {"par": par, "ph": ph, "kids": [c], "d": d, "fn": fn_for(par, c, d, a)}
        order.append(key)
        # a new number, saved again
        later = [(t, n) for t, n in par.phones if t > d and t < W1]
        if later and rng.random() < 0.4:
            t, n = later[0]
            k2 = (par.pid, n, "new")
            if k2 not in contacts:
                contacts[k2] = {"par": par, "ph": n, "kids": [c], "d": t + dt.timedelta(days=rng.randint(5, 200)),
                                "fn": contacts[key]["fn"] + rng.choice([" новый", " жаңа", " 2"])}
                order.append(k2)
                ctx.F.n[(FILE, "saved_again_with_a_new_number")] += 1
    order.sort(key=lambda k: (contacts[k]["d"], contacts[k]["par"].pid))
    out, recs = [], []
    for key in order:
        ct = contacts[key]
        par = ct["par"]
        L = ["BEGIN:VCARD", "VERSION:2.1", vc_n_line(vc_n(ct["fn"])), vc_prop("FN", ct["fn"])]
        L.append("TEL;CELL:" + phone_fmt(ct["ph"], rng.choice(["wa", "sp8", "eight", "plus"])))
        persons = [(par, ev_of(False, "relation", None, True))]
        if rng.random() < 0.7:
            lines = []
            for c in ct["kids"]:
                b = F.birth(c.birth, FILE)
                x = rng.random()
                cf = nm.first(c, "ru" if rng.random() < 0.6 else ("kk" if c.people == "kz" else "ru"))
                if x < 0.4:
                    lines.append(f"{cf} {dmy(b)}")
                    ev = ev_of(False, "first", "full")
                elif x < 0.65:
                    lines.append(f"{nm.sur(c, ct['d'], 'ru')} {cf} {dmy(b)}")
                    ev = ev_of(False, "full", "full")
                elif x < 0.85 and c.iin:
                    iin = F.iin(c.iin, FILE)
                    lines.append(f"{cf}, ИИН {iin}")
                    ev = ev_of(True, "first", None)
                else:
                    lines.append(f"реб. {cf} {b.year} г.р.")
                    ev = ev_of(False, "first", "year")
                persons.append((c, ev))
            note = ("Дети: " + ", ".join(lines)) if len(lines) > 1 and rng.random() < 0.5 else "\n".join(lines)
            L.append(vc_prop("NOTE", note))
        L.append("END:VCARD")
        out.append("\r\n".join(L))
        recs.append(persons)
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    ctx.files[FILE] = ("\r\n".join(out) + "\r\n").encode("utf-8")
    ctx.stat_files[FILE] = {"vcards": len(recs), "parents": len({r[0][0].pid for r in recs}),
                            "children_in_notes": sum(len(r) - 1 for r in recs), "persons": sum(len(r) for r in recs)}


# ====================================================================================================================
# 5. a recruiting agency's candidates (a workbook; identity in hyperlinks, an old surname struck through in the cell)
# ====================================================================================================================
REK_HDR = ["№", "Дата обращения", "ФИО", "ФИО латиницей (загранпаспорт)", "Дата рождения", "ИИН", "Загранпаспорт", "Скан",
           "Телефон", "Страна", "Вакансия", "Статус", "Контакт родственника", "Менеджер", "Примечание"]
JOBS_M = [("Россия", "разнорабочий (стройка)"), ("Россия", "монтажник"), ("Россия", "водитель погрузчика"),
          ("Южная Корея", "сельхозработы (сезон)"), ("Южная Корея", "рыбообработка"), ("ОАЭ", "охранник"), ("Турция", "повар")]
JOBS_F = [("Турция", "горничная (отель)"), ("ОАЭ", "клининг"), ("Южная Корея", "сельхозработы (сезон)"), ("Россия", "швея"),
          ("ОАЭ", "официантка")]
MANAGERS = ["Айгерим К.", "Дәурен С.", "Жансая Т.", "Руслан М."]


def rekruting(ctx):
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Font
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "rekruting_kandidaty.xlsx"
    rows = []
    for p in pop.persons:
        if p.birth.year < 1967 or p.birth.year > 2004:
            continue
        y0 = rng.randint(2017, 2024)
        d = D(y0, rng.choice([2, 3, 3, 4, 9, 10]), rng.randint(1, 28))
        a = age(p.birth, d)
        if not (20 <= a <= 50) or not in_city_on(pop, p, "shy", d) or pop.phone_at(p, d) is None:
            continue
        pr = (0.38 if p.sex == "M" else 0.18) * p.vis
        if rng.random() >= min(0.85, pr):
            continue
        seasonal = p.sex == "M" and rng.random() < 0.7
        job = rng.choice(JOBS_M if p.sex == "M" else JOBS_F)
        n = 0
        while d <= D(2024, 11, 15) and n < 7:
            if not in_city_on(pop, p, "shy", d):
                break
            rows.append((d, p, job))
            n += 1
            if rng.random() < 0.06:
                rows.append((d + dt.timedelta(days=rng.randint(0, 40)), p, job))        # typed again
                ctx.F.n[(FILE, "candidate_typed_twice")] += 1
            if rng.random() >= (0.72 if seasonal else 0.3):
                break
            d = D(d.year + 1, rng.choice([2, 3, 3, 4]), rng.randint(1, 28)) if seasonal else d + dt.timedelta(days=rng.randint(300, 1100))
            if rng.random() < 0.2:
                job = rng.choice(JOBS_M if p.sex == "M" else JOBS_F)
    rows.sort(key=lambda r: (r[0], r[1].pid))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Кандидаты"
    for j, h in enumerate(REK_HDR, 1):
        ws.cell(1, j, h).font = Font(bold=True)
    strike = InlineFont(strike=True)
    n_links = Counter()
    recs = []
    for k, (d, p, (country, vac)) in enumerate(rows, start=1):
        r = k + 1
        sc = "kk" if p.people == "kz" and rng.random() < 0.3 else "ru"
        full = F.name(nm.full(p, d, sc, pat=rng.random() < 0.85), FILE)
        former = [s for t, s in p.surnames if t <= d and s != nm.pop.stem_at(p, d)]
        if former and rng.random() < 0.6:
            old = nm.sur_of(former[-1], p.sex, sc)
            ws.cell(r, 3).value = CellRichText([TextBlock(strike, old), " " + full])
            n_links["old_surname_struck_in_the_cell"] += 1
        else:
            ws.cell(r, 3, full)
        if p.fpass is None:
            p.fpass = (d - dt.timedelta(days=rng.randint(20, 300)), f"N{rng.randint(10000000, 19999999)}")
        pd_, pno = p.fpass
        lat = f"{nm.sur(p, pd_, 'icao')} {nm.first(p, 'icao')}"
        ws.cell(r, 4, lat)
        c = ws.cell(r, 2, d)
        c.number_format = "DD.MM.YYYY"
        b = F.birth(p.birth, FILE)
        x = rng.random()
        bev = None
        if x < 0.75:
            ws.cell(r, 5, b).number_format = "DD.MM.YYYY"
            bev = "full"
        elif x < 0.9:
            ws.cell(r, 5, dmy(b))
            bev = "full"
        iin_cell = F.iin(p.iin, FILE) if rng.random() < 0.55 else None
        if iin_cell:
            ws.cell(r, 6, iin_cell)
        if rng.random() < 0.8:
            ws.cell(r, 7, pno)
        iin_link = None
        if rng.random() < 0.85:
            yx = rng.random()
            if yx < 0.45:
                iin_link = p.iin
                tgt = f"file:///\\\\srv-fs01\\Кандидаты\\Сканы\\{d.year}\\{p.iin}_{nm.sur(p, pd_, 'icao')}.pdf"
            elif yx < 0.7:
                tgt = f"file:///\\\\srv-fs01\\Кандидаты\\Сканы\\{d.year}\\{pno}.pdf"
            else:
                tgt = f"file:///\\\\srv-fs01\\Кандидаты\\Сканы\\{d.year}\\{nm.sur(p, pd_, 'icao')}_{nm.first(p, 'icao')}.jpg"
            c = ws.cell(r, 8, rng.choice(["скан", "открыть", "паспорт.pdf", "скан паспорта"]))
            c.hyperlink = tgt
            c.style = "Hyperlink"
            n_links["scan_links"] += 1
            if iin_link and not iin_cell:
                n_links["iin_only_in_the_link"] += 1
        ph = pop.phone_at(p, d)
        yx = rng.random()
        if yx < 0.6:
            ws.cell(r, 9, phone_fmt(ph, rng.choice(["eight", "sp8", "plus", "paren"])))
        elif yx < 0.85:
            c = ws.cell(r, 9, "WhatsApp")
            c.hyperlink = f"https://wa.me/7{ph}"
            c.style = "Hyperlink"
            n_links["phone_only_in_a_wa_me_link"] += 1
        else:
            c = ws.cell(r, 9, phone_fmt(ph, "eight"))
            c.hyperlink = f"https://wa.me/7{ph}"
            c.style = "Hyperlink"
        ws.cell(r, 10, country)
        ws.cell(r, 11, vac)
        ws.cell(r, 12, wpick(rng, [("Выехал", 55), ("Отказ (медкомиссия)", 8), ("Не прошёл собеседование", 10),
                                   ("Ждёт визу", 10 if d.year == 2024 else 2), ("Вернулся досрочно", 6), ("Отказался сам", 8)]))
        persons = [(p, ev_of(bool(iin_cell or iin_link), "full", bev, True))]
        rels = [q for q in [pop.spouse_at(p, d), p.mother, p.father] + [s for s in (p.father.children if p.father else []) if s is not p]
                if q is not None and pop.alive(q, d) and pop.phone_at(q, d) and age(q.birth, d) >= 18]
        if rels and rng.random() < 0.55:
            q = rels[0] if rng.random() < 0.6 else rng.choice(rels)
            rel = relation(pop, p, q, d)
            qsc = "kk" if q.people == "kz" and rng.random() < 0.4 else "ru"
            qph = phone_fmt(pop.phone_at(q, d), rng.choice(["eight", "raw", "sp8"]))
            x = rng.random()
            if x < 0.5:
                txt, qev = f"{nm.sur(q, d, qsc)} {nm.first(q, qsc)} ({REL_RU[rel]}) {qph}", "full"
            elif x < 0.8:
                txt, qev = f"{nm.first(q, qsc)} - {REL_RU[rel]} {qph}", "first"
            else:
                txt, qev = f"{REL_KK[rel]} {nm.first(q, qsc)} {qph}", "first"
            ws.cell(r, 13, F.name(txt, FILE))
            persons.append((q, ev_of(False, qev, None, True)))
        ws.cell(r, 14, rng.choice(MANAGERS))
        if rng.random() < 0.15:
            ws.cell(r, 15, rng.choice(["повторно", f"был в {d.year - 1}", "долг за билет", "нужна справка о несудимости",
                                       "звонить после 18:00"]))
        ws.cell(r, 1, k)
        recs.append(persons)
    for col, w in zip("ABCDEFGHIJKLMNO", [6, 12, 38, 28, 12, 15, 12, 14, 16, 12, 24, 20, 36, 12, 20]):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:O{len(rows) + 1}"
    ls = wb.create_sheet("Списки")
    for j, (h, vals) in enumerate([("Страна", ["Россия", "Южная Корея", "Турция", "ОАЭ"]),
                                   ("Статус", ["Выехал", "Отказ (медкомиссия)", "Не прошёл собеседование", "Ждёт визу",
                                               "Вернулся досрочно", "Отказался сам"]), ("Менеджер", MANAGERS)], 1):
        ls.cell(1, j, h).font = Font(bold=True)
        for i, v in enumerate(vals, 2):
            ls.cell(i, j, v)
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    wb.properties.creator = "Жол Еңбек Рекрутинг"
    wb.properties.created = dt.datetime(2024, 11, 28, 10, 0, 0)
    wb.properties.modified = dt.datetime(2024, 11, 28, 10, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    ctx.files[FILE] = fix_zip(buf.getvalue(), "2024-11-28T10:00:00Z", (2024, 11, 28, 10, 0, 0))
    ctx.stat_files[FILE] = {"rows": len(rows), "candidates": len({r[1].pid for r in rows}),
                            "relatives": sum(len(r) - 1 for r in recs), **dict(sorted(n_links.items())),
                            "persons": sum(len(r) for r in recs)}


# ====================================================================================================================
# 6. an Astana education centre's students, as the Notion API answered a query of its database
# ====================================================================================================================
COURSES = [("ҰБТ дайындық", 15, 17, 0.55, "blue"), ("Ағылшын тілі", 8, 40, 0.14, "green"),
           ("Ментальді арифметика", 6, 11, 0.25, "orange"), ("IELTS", 17, 30, 0.10, "purple")]
CURATORS = [("Әсел Қ.", "asel.k"), ("Дина М.", "dina.m"), ("Ерлан Б.", "erlan.b"), ("Мадина С.", "madina.s")]
AST_SCHOOLS = ["№ 54 мектеп-лицей", "№ 12 мектеп-гимназия", "№ 88 мектеп", "НЗМ", "№ 31 мектеп-гимназия", "Бінұр мектебі"]


def notion_rt(parts):
    """A rich-text array: each run a text object (a name may be split over runs: a bold surname, then the rest)."""
    out = []
    for txt, bold in parts:
        out.append({"type": "text", "text": {"content": txt, "link": None},
                    "annotations": {"bold": bold, "italic": False, "strikethrough": False, "underline": False, "code": False,
                                    "color": "default"}, "plain_text": txt, "href": None})
    return out


def bilim(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "bilim_notion.json"
    db = uuid_from(rng)
    pids = {name: "%" + "".join(rng.choice("0123456789ABCDEF") for _ in range(2)) + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz{}=<>[") for _ in range(2))
            for name in ["Туған күні", "ЖСН", "Курс", "Оқу жылы", "Филиал", "Мектебі", "Телефон", "Ата-анасы",
                         "Ата-анасының телефоны", "Мекенжайы", "Төлем (₸)", "Статус", "Куратор", "Құрылған уақыты"]}
    pages = []
    for p in pop.persons:
        for y in range(2019, 2025):
            d = D(y, 9, 1) + dt.timedelta(days=rng.randint(-20, 60))
            if d > D(2024, 11, 20) or not in_city_on(pop, p, "ast", d):
                continue
            a = age(p.birth, d)
            for cname, lo, hi, pr, color in COURSES:
                if lo <= a <= hi and rng.random() < min(0.8, pr * p.vis):
                    pages.append((d, p, cname, color, y))
                    if rng.random() < 0.04:
                        pages.append((d + dt.timedelta(days=rng.randint(0, 30)), p, cname, color, y))
                        ctx.F.n[(FILE, "page_created_twice")] += 1
                    break
    pages.sort(key=lambda x: (x[0], x[1].pid))
    results, recs = [], []
    for d, p, cname, color, y in pages:
        created = dt.datetime.combine(d, dt.time(rng.randint(3, 13), rng.choice([0, 15, 30, 45])))
        sc = "kk" if p.people == "kz" and rng.random() < 0.55 else "ru"
        sur, first = F.name(nm.sur(p, d, sc), FILE), F.name(nm.first(p, sc), FILE)
        pat = nm.pat(p, sc, d) if rng.random() < 0.25 else None
        x = rng.random()
        if x < 0.6:
            runs = [(" ".join(v for v in (sur, first, pat) if v), False)]
        elif x < 0.85:
            runs = [(sur + " ", True), (" ".join(v for v in (first, pat) if v), False)]
        else:
            runs = [(sur, True), (" ", False), (first, False)] + ([(" " + pat, False)] if pat else [])
        props = {"Оқушы": {"id": "title", "type": "title", "title": notion_rt(runs)}}
        bev = None
        if rng.random() < 0.8:
            b = F.birth(p.birth, FILE)
            props["Туған күні"] = {"id": pids["Туған күні"], "type": "date", "date": {"start": b.isoformat(), "end": None, "time_zone": None}}
            bev = "full"
        else:
            props["Туған күні"] = {"id": pids["Туған күні"], "type": "date", "date": None}
        iin = F.iin(p.iin, FILE) if rng.random() < 0.5 else None
        props["ЖСН"] = {"id": pids["ЖСН"], "type": "rich_text", "rich_text": notion_rt([(iin, False)]) if iin else []}
        props["Курс"] = {"id": pids["Курс"], "type": "select", "select": {"id": pids["Курс"][1:] + cname[:2], "name": cname, "color": color}}
        props["Оқу жылы"] = {"id": pids["Оқу жылы"], "type": "select", "select": {"id": f"y{y}", "name": f"{y}-{y + 1}", "color": "gray"}}
        ar = pop.addr_at(p, d)
        br = "Есіл филиалы" if ar and AREA[ar.area][5] in ("esil", "nura") else "Сарыарқа филиалы"
        props["Филиал"] = {"id": pids["Филиал"], "type": "select", "select": {"id": br[:3], "name": br, "color": "default"}}
        a = age(p.birth, d)
        props["Мектебі"] = {"id": pids["Мектебі"], "type": "rich_text",
                            "rich_text": notion_rt([(rng.choice(AST_SCHOOLS), False)]) if a < 18 else []}
        ph = pop.phone_at(p, d)
        has_c = False
        if ph and rng.random() < 0.7:
            props["Телефон"] = {"id": pids["Телефон"], "type": "phone_number", "phone_number": phone_fmt(ph, rng.choice(["plus", "eight", "sp"]))}
            has_c = True
        else:
            props["Телефон"] = {"id": pids["Телефон"], "type": "phone_number", "phone_number": None}
        persons = []
        par = None
        if a < 18:
            pars = [q for q in (p.mother, p.father) if q is not None and pop.alive(q, d) and pop.phone_at(q, d)]
            if pars:
                par = pars[0] if rng.random() < 0.7 or len(pars) == 1 else pars[1]
        pnm = pph = None
        if par is not None:
            psc = "kk" if par.people == "kz" and rng.random() < 0.6 else "ru"
            x = rng.random()
            if x < 0.55:
                pnm, pev = nm.full(par, d, psc, pat=rng.random() < 0.6), "full"
            elif x < 0.8:
                pnm, pev = f"{'Анасы' if par.sex == 'F' else 'Әкесі'} {nm.first(par, psc)}", "relation"
            else:
                pt = nm.pat(par, psc, d)
                pnm, pev = (f"{nm.first(par, psc)} {pt}" if pt else nm.first(par, psc)), "first"
            pnm = F.name(pnm, FILE)
            pph = phone_fmt(pop.phone_at(par, d), rng.choice(["plus", "eight", "sp"]))
        props["Ата-анасы"] = {"id": pids["Ата-анасы"], "type": "rich_text", "rich_text": notion_rt([(pnm, False)]) if pnm else []}
        props["Ата-анасының телефоны"] = {"id": pids["Ата-анасының телефоны"], "type": "phone_number", "phone_number": pph}
        adr = None
        if ar and rng.random() < 0.5:
            adr = addr_kk(ar, d, "short") if rng.random() < 0.5 else addr_ru(ar, d, "short")
            has_c = True
        props["Мекенжайы"] = {"id": pids["Мекенжайы"], "type": "rich_text", "rich_text": notion_rt([(adr, False)]) if adr else []}
        props["Төлем (₸)"] = {"id": pids["Төлем (₸)"], "type": "number", "number": rng.choice([25000, 30000, 35000, 40000, 45000])}
        st = "Аяқтады" if D(y + 1, 6, 1) < D(2024, 11, 20) else "Оқып жатыр"
        if rng.random() < 0.12:
            st = "Тоқтатты"
        props["Статус"] = {"id": pids["Статус"], "type": "status", "status": {"id": st[:2], "name": st, "color": "green"}}
        cu = rng.choice(CURATORS)
        props["Куратор"] = {"id": pids["Куратор"], "type": "people",
                            "people": [{"object": "user", "id": uuid_from(random.Random(cu[1])), "name": cu[0], "avatar_url": None,
                                        "type": "person", "person": {"email": f"{cu[1]}@bilim-oris.example.kz"}}]}
        props["Құрылған уақыты"] = {"id": pids["Құрылған уақыты"], "type": "created_time",
                                    "created_time": created.strftime("%Y-%m-%dT%H:%M:00.000Z")}
        pg = uuid_from(rng)
        results.append({"object": "page", "id": pg, "created_time": created.strftime("%Y-%m-%dT%H:%M:00.000Z"),
                        "last_edited_time": (created + dt.timedelta(days=rng.randint(0, 200))).strftime("%Y-%m-%dT%H:%M:00.000Z"),
                        "created_by": {"object": "user", "id": uuid_from(random.Random(cu[1]))},
                        "last_edited_by": {"object": "user", "id": uuid_from(random.Random(cu[1]))},
                        "cover": None, "icon": None, "parent": {"type": "database_id", "database_id": db},
                        "archived": False, "in_trash": False, "properties": props,
                        "url": f"https://www.notion.so/{runs[0][0].strip().replace(' ', '-')}-{pg.replace('-', '')}",
                        "public_url": None})
        persons.append((p, ev_of(bool(iin), "full", bev, has_c)))
        if par is not None:
            persons.append((par, ev_of(False, pev, None, True)))
        recs.append(persons)
    doc = {"object": "list", "results": results, "next_cursor": None, "has_more": False, "type": "page_or_database",
           "page_or_database": {}, "request_id": uuid_from(rng)}
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    ctx.files[FILE] = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    ctx.stat_files[FILE] = {"pages": len(results), "students": len({r[0][0].pid for r in recs}),
                            "parents": sum(len(r) - 1 for r in recs),
                            "names_split_over_runs": sum(1 for r in results if len(r["properties"]["Оқушы"]["title"]) > 1),
                            "persons": sum(len(r) for r in recs)}


# ====================================================================================================================
# 7. a lottery operator's registered prize payouts (Parquet)
# ====================================================================================================================
POINTS = {"shy": [("ШМК-014", "г. Шымкент, пр. Кунаева, 59, ТД «Орбита»"), ("ШМК-027", "г. Шымкент, мкр. Нуртас, 12а"),
                  ("ШМК-031", "г. Шымкент, ул. Момышулы, 3, рынок"), ("ШМК-046", "г. Шымкент, мкр. Восток, 8")],
          "ast": [("АСТ-203", "г. Астана, пр. Женис, 24"), ("АСТ-211", "г. Астана, пр. Мангилик Ел, 51, ТРЦ"),
                  ("АСТ-219", "г. Астана, ул. Габдуллина, 7")]}
GAMES = [("Жасыл Лото 6/49", 15000, 2500000), ("Кено 24", 10000, 600000), ("«Алтын сандық» (моментальная)", 10000, 1000000),
         ("Бинго-75", 12000, 800000)]


def loto(ctx):
    import pyarrow as pa
    import pyarrow.parquet as pq
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "loto_tolemder.parquet"
    wins = []
    for p in pop.persons:
        if p.birth.year > 1998 or p.birth.year < 1935:
            continue
        pr = (0.17 if p.sex == "M" else 0.095) * p.vis
        if rng.random() >= pr:
            continue
        rate = rng.choice([0.1, 0.2, 0.35, 0.6, 1.0])
        for y in range(2016, 2025):
            n = sum(1 for _ in range(6) if rng.random() < rate / 6)
            for _ in range(n):
                d = rdate(rng, D(y, 1, 3), min(D(y, 12, 28), D(2024, 11, 25)))
                city = pop.city_at(p, d)
                if city not in ("shy", "ast") or not pop.alive(p, d) or age(p.birth, d) < 21:
                    continue
                wins.append((d, p, city))
    wins.sort(key=lambda w: (w[0], w[1].pid))
    rows, recs = [], []
    pid = 500000 + rng.randint(0, 999)
    for d, p, city in wins:
        pid += rng.randint(1, 60)
        pt = rng.choice(POINTS[city])
        g = rng.choice(GAMES)
        prize = rng.randint(g[1] // 100, g[2] // 100) * 100 if rng.random() < 0.15 else rng.randint(g[1] // 100, g[1] // 100 * 6) * 100
        sc = "kk" if p.people == "kz" and rng.random() < 0.15 else "ru"
        fio = F.name(nm.full(p, d, sc, pat=rng.random() < 0.85), FILE)
        if rng.random() < 0.12:
            fio = fio.upper()
        iin = F.iin(p.iin, FILE) if rng.random() < 0.95 else None
        card = pop.card_at(p, d)
        doc_no = card if card and rng.random() < 0.9 else None
        if doc_no and rng.random() < 0.01:
            doc_no = doc_no[1:]                   # the leading zero lost
        b = F.birth(p.birth, FILE) if rng.random() < 0.7 else None
        ph = pop.phone_at(p, d)
        a = pop.addr_at(p, d)
        row = {"payout_id": pid, "paid_at": dt.datetime.combine(d, dt.time(rng.randint(9, 20), rng.randint(0, 59), rng.randint(0, 59))),
               "point_code": pt[0], "point_address": pt[1], "game": g[0], "draw_no": rng.randint(100, 2400),
               "ticket_no": f"{rng.randint(10 ** 11, 10 ** 12 - 1)}", "prize_kzt": prize, "ipn_kzt": round(prize * 0.1),
               "winner_fio": fio, "winner_iin": iin, "id_doc": ("удостоверение личности" if doc_no else None), "id_doc_no": doc_no,
               "winner_birth": b, "winner_phone": phone_fmt(ph, rng.choice(["eight", "plus", "raw"])) if ph and rng.random() < 0.6 else None,
               "winner_address": (addr_ru(a, d, "nodist") if rng.random() < 0.7 else addr_kk(a, d)) if a and rng.random() < 0.5 else None,
               "proxy_fio": None, "proxy_iin": None, "proxy_doc_no": None,
               "cashier": rng.choice(["Жанар Б.", "Ольга С.", "Айдана К.", "Гульмира Т.", "Сабина Р."])}
        persons = [(p, ev_of(bool(iin), "full", "full" if b else None, bool(row["winner_phone"] or row["winner_address"])))]
        if rng.random() < 0.05:
            rel = [q for q in [pop.spouse_at(p, d)] + p.children if q is not None and pop.alive(q, d) and age(q.birth, d) >= 18]
            if rel:
                q = rel[0]
                row["proxy_fio"] = F.name(nm.full(q, d, "ru"), FILE)
                qi = F.iin(q.iin, FILE) if rng.random() < 0.9 else None
                row["proxy_iin"] = qi
                row["proxy_doc_no"] = pop.card_at(q, d)
                persons.append((q, ev_of(bool(qi), "full", None)))
                ctx.F.n[(FILE, "prize_collected_by_a_relative")] += 1
        rows.append(row)
        recs.append(persons)
    schema = pa.schema([("payout_id", pa.int64()), ("paid_at", pa.timestamp("ms")), ("point_code", pa.string()),
                        ("point_address", pa.string()), ("game", pa.string()), ("draw_no", pa.int32()), ("ticket_no", pa.string()),
                        ("prize_kzt", pa.decimal128(14, 2)), ("ipn_kzt", pa.decimal128(14, 2)), ("winner_fio", pa.string()),
                        ("winner_iin", pa.string()), ("id_doc", pa.string()), ("id_doc_no", pa.string()), ("winner_birth", pa.date32()),
                        ("winner_phone", pa.string()), ("winner_address", pa.string()), ("proxy_fio", pa.string()),
                        ("proxy_iin", pa.string()), ("proxy_doc_no", pa.string()), ("cashier", pa.string())])
    import decimal
    cols = {}
    for f in schema:
        vals = [r[f.name] for r in rows]
        if pa.types.is_decimal(f.type):
            vals = [decimal.Decimal(v).quantize(decimal.Decimal("0.01")) if v is not None else None for v in vals]
        cols[f.name] = pa.array(vals, type=f.type)
    table = pa.table(cols, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="snappy")
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    ctx.files[FILE] = buf.getvalue()
    ctx.stat_files[FILE] = {"rows": len(rows), "winners": len({r[0][0].pid for r in recs}),
                            "proxies": sum(len(r) - 1 for r in recs), "persons": sum(len(r) for r in recs)}


# ====================================================================================================================
# 8. a removal company's deals, as amoCRM exports them (CSV)
# ====================================================================================================================
AMO_HDR = ["ID", "Название", "Бюджет", "Ответственный", "Дата создания", "Кем создана", "Дата изменения", "Теги", "Примечание",
           "Этап", "Воронка", "Полное имя контакта", "Компания контакта", "Рабочий телефон (контакт)",
           "Мобильный телефон (контакт)", "Рабочий email (контакт)", "Откуда", "Куда", "Дата переезда",
           "Кто встречает (ФИО, тел.)", "Источник"]
AMO_MGR = ["Бекзат Ж.", "Алия Н.", "Тимур О.", "Диспетчер"]


def koshu(ctx):
    pop, rng, nm, F = ctx.pop, ctx.rng, ctx.nm, ctx.F
    FILE = "koshu_amocrm.csv"
    W0, W1 = D(2016, 3, 1), D(2024, 11, 25)
    moves = []                                     # (day, customer, old address, new address)
    for dw in pop.dws:
        for i in range(1, len(dw.addrs)):
            d, a = dw.addrs[i]
            old = dw.addrs[i - 1][1]
            if a is None or old is None or not (W0 <= d <= W1):
                continue
            res = [p for p in pop.ever.get(dw.did, {}).values() if pop.alive(p, d) and pop.home_at(p, d) is dw
                   and 23 <= age(p.birth, d) <= 70 and pop.phone_at(p, d)]
            if not res:
                continue
            res.sort(key=lambda q: (q.sex != "F", q.birth, q.pid))
            cust = res[0] if rng.random() < 0.6 else rng.choice(res)
            if rng.random() < 0.8 * (0.5 + 0.5 * cust.vis):
                moves.append((d, cust, old, a))
    for p in pop.persons:
        for i in range(1, len(p.homes)):
            d, dw = p.homes[i]
            pdw = p.homes[i - 1][1]
            if dw is None or pdw is None or dw is pdw or not (W0 <= d <= W1) or not pop.alive(p, d):
                continue
            old, new = at(pdw.addrs, d - dt.timedelta(days=1)), at(dw.addrs, d)
            if old is None or new is None or old is new or age(p.birth, d) < 20 or pop.phone_at(p, d) is None:
                continue
            if rng.random() < 0.6 * (0.5 + 0.5 * p.vis):
                moves.append((d, p, old, new))
    moves.sort(key=lambda m: (m[0], m[1].pid))
    deals = []
    for d, p, old, new in moves:
        n = wpick(rng, [(1, 55), (2, 33), (3, 12)])
        for j in range(n):
            made = d - dt.timedelta(days=rng.randint(2, 40)) + dt.timedelta(days=j * rng.randint(0, 3))
            deals.append((made, p, old, new, d, j == n - 1))
    deals.sort(key=lambda x: (x[0], x[1].pid))
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(AMO_HDR)
    did = 2400000
    recs = []
    for made, p, old, new, d, won in deals:
        did += rng.randint(1, 90)
        inter = old.city != new.city
        sc = "kk" if p.people == "kz" and rng.random() < 0.3 else "ru"
        x = rng.random()
        if x < 0.3:
            nmv, nev = nm.first(p, sc), "first"
        elif x < 0.6:
            nmv, nev = f"{nm.first(p, sc)} {nm.sur(p, made, sc)}", "full"
        elif x < 0.85:
            nmv, nev = nm.full(p, made, sc), "full"
        else:
            nmv, nev = f"{nm.first(p, sc)} {'апа' if p.sex == 'F' else 'аға'}" if age(p.birth, made) >= 45 else nm.first(p, sc), "first"
        nmv = F.name(nmv, FILE)
        ph = pop.phone_at(p, made)
        mob = phone_fmt(ph, rng.choice(["plus", "eight", "sp"])) if ph else ""
        fr = (addr_ru(old, made, rng.choice(["short", "nodist", "full"])) if rng.random() < 0.75 else addr_kk(old, made, rng.choice(["short", "full"]))) \
            if rng.random() < 0.9 else ""
        to = (addr_ru(new, d, rng.choice(["short", "nodist", "full"])) if rng.random() < 0.75 else addr_kk(new, d, rng.choice(["short", "full"]))) \
            if rng.random() < 0.85 else ""
        if inter and rng.random() < 0.3:
            to = city_name(new.city, d)           # only the city is known when the deal is made
        title = f"{'Межгород ' + city_name(old.city, d) + ' → ' + city_name(new.city, d) if inter else 'Переезд'} {dmy(d)}"
        persons = [(p, ev_of(False, nev, None, True))]
        meet = ""
        if inter and rng.random() < 0.6:
            near = [q for q in [pop.spouse_at(p, d)] + p.children + ([s for s in p.father.children if s is not p] if p.father else [])
                    + [p.father, p.mother] if q is not None and pop.alive(q, d) and pop.city_at(q, d) == new.city
                    and age(q.birth, d) >= 18 and pop.phone_at(q, d)]
            if near:
                q = near[0]
                rel = relation(pop, p, q, d)
                qsc = "kk" if q.people == "kz" and rng.random() < 0.3 else "ru"
                meet = F.name(f"{nm.sur(q, d, qsc)} {nm.first(q, qsc)} ({REL_RU[rel]}), {phone_fmt(pop.phone_at(q, d), 'eight')}"
                              if rng.random() < 0.6 else f"{nm.first(q, qsc)} {REL_RU[rel]} {phone_fmt(pop.phone_at(q, d), 'raw')}", FILE)
                persons.append((q, ev_of(False, "full" if "(" in meet else "first", None, True)))
        stage = ("Успешно реализовано" if d < D(2024, 11, 20) else "Переезд назначен") if won else "Закрыто и не реализовано"
        note = rng.choice(["", "", "пианино", "3 этаж без лифта", "холодильник, стиральная машина", "упаковка нужна",
                           "грузчики 2 чел.", "оплата Kaspi", "перезвонить вечером", "дорого, думает"])
        mod = made + dt.timedelta(days=rng.randint(0, 60))
        w.writerow([did, title, rng.choice([25000, 35000, 45000, 60000, 90000]) if not inter else rng.choice([350000, 420000, 480000, 550000]),
                    rng.choice(AMO_MGR), made.strftime("%d.%m.%Y") + f" {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
                    rng.choice(AMO_MGR), mod.strftime("%d.%m.%Y") + f" {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
                    ", ".join(x for x in ("межгород" if inter else "город", "instagram" if rng.random() < 0.2 else "") if x),
                    note, stage, "Переезды", nmv, "", "", mob, "", fr, to, dmy(d) if won else "", meet,
                    rng.choice(["Instagram", "2ГИС", "Сарафан", "OLX", "Звонок"])])
        recs.append(persons)
    for k, persons in enumerate(recs, start=1):
        for i, (q, ev) in enumerate(persons, start=1):
            ctx.t(FILE, str(k), i, q, ev)
    ctx.files[FILE] = ("\ufeff" + buf.getvalue()).encode("utf-8")
    ctx.stat_files[FILE] = {"deals": len(deals), "moves": len(moves), "customers": len({m[1].pid for m in moves}),
                            "receivers": sum(len(r) - 1 for r in recs), "persons": sum(len(r) for r in recs)}


# ====================================================================================================================
# main
# ====================================================================================================================
ORDER = ["densaulyq_domain.txt", "gaz_bastama_chat.txt", "shugyla_posts.json", "pediatr_kontakty.txt",
         "rekruting_kandidaty.xlsx", "bilim_notion.json", "loto_tolemder.parquet", "koshu_amocrm.csv"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    ctx = Ctx(a.seed, a.persons)
    domain(ctx)
    gaz_chat(ctx)
    gazette(ctx)
    pediatr(ctx)
    rekruting(ctx)
    bilim(ctx)
    loto(ctx)
    koshu(ctx)
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
    per = defaultdict(Counter)
    for fl, _, pid in ctx.truth:
        files_of[pid].add(fl)
        per[pid][fl] += 1
    pairs = sum(n * (n - 1) // 2 for n in by_person.values())
    by_pair = Counter()
    for pid, c in per.items():
        fl = sorted(c)
        for i, f1 in enumerate(fl):
            by_pair[(f1, f1)] += c[f1] * (c[f1] - 1) // 2
            for f2 in fl[i + 1:]:
                by_pair[(f1, f2)] += c[f1] * c[f2]
    ps = [pop.by[pid] for pid in sorted(by_person)]
    namesakes = Counter((ctx.nm.sur(p, END, "ru"), p.first["ru"]) for p in ps)
    namesakes_y = Counter((ctx.nm.sur(p, END, "ru"), p.first["ru"], p.birth.year) for p in ps)
    st = {
        "seed": a.seed,
        "persons_drawn": len(pop.persons),
        "population": dict(sorted(pop.stats.items())),
        "peoples": dict(sorted(Counter(p.people for p in pop.persons).items())),
        "peoples_in_extracts": dict(sorted(Counter(p.people for p in ps).items())),
        "couples": sum(1 for p in pop.persons for m in p.marriages if m.h is p),
        "twins_persons": sum(1 for p in pop.persons if p.twin),
        "deaths": sum(1 for p in pop.persons if p.death),
        "persons_with_two_or_more_surnames": sum(1 for p in pop.persons if len({s for _, s in p.surnames}) > 1),
        "records": len(ctx.truth),
        "persons_in_extracts": len(by_person),
        "namesakes_in_extracts": {"sharing_surname_and_first_name": sum(n for n in namesakes.values() if n > 1),
                                  "sharing_them_and_the_birth_year": sum(n for n in namesakes_y.values() if n > 1),
                                  "twins_whose_twin_is_there_too": sum(1 for p in ps if p.twin and p.twin in by_person)},
        "persons_by_number_of_files": dict(sorted(Counter(len(v) for v in files_of.values()).items())),
        "records_per_person": dict(sorted(Counter(by_person.values()).items())),
        "true_pairs": pairs,
        "true_pairs_by_file_pair": {f"{k[0]} | {k[1]}": v for k, v in sorted(by_pair.items())},
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
