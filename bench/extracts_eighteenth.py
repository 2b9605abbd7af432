#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# An eighteenth linkage writer's extracts, written apart from the project (from the linkage issue's text, the
# README's linkage part and `ukimet link --help` alone; the earlier sets' documents read only to avoid their
# styles). Kept as its writer wrote it: not linted here. See bench/extracts_eighteenth.md.
"""Five extracts of five agencies of North Kazakhstan region, plus truth.csv.

    python bench/extracts_eighteenth.py --seed 181 --persons 5000 --out DIR

Writes into DIR:
  ohota_ruqsattar.csv      hunting and fishing permits (wildlife inspection): CSV with a '#' comment preamble,
                           multi-line quoted address cells, a '#' trailer line
  evakuatsiya_2024.jsonl   the April 2024 flood's evacuation register (a volunteers' Telegram bot): JSON Lines,
                           Russian Cyrillic keys, the head of the family and a nested array of members
  kitaphana_tirkeu.csv     the regional library's online reader registration, a Google Forms export: bilingual
                           questions as headers, answers typed by the readers, a child's parent as second person
  hokkei_litsenziya.parquet the ice-hockey federation's player licences: a `record_id` column of licence numbers,
                           the name twice (IOC-style Latin and Cyrillic), births as tz-aware timestamps, a minor's
                           guardian as second person
  kazpost_eposylki.xlsx    the post office's register of incoming e-commerce parcels: recipients' names, IINs,
                           phones and addresses as the buyers typed them into the shops' profiles
  truth.csv                file,record_id,person_id
  stats.json               drawn counts (not for linking)
Only the standard library, openpyxl and pyarrow.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import io
import json
import os
import random
import re
import zipfile
from datetime import date, datetime, timedelta, timezone

# ----------------------------------------------------------------------------------------------------------------
# small helpers

END = date(2024, 12, 31)
FLOOD_DAY = date(2024, 4, 5)


def rdate(rng, a: date, b: date) -> date:
    if b <= a:
        return a
    return a + timedelta(days=rng.randrange((b - a).days + 1))


def add_years(d: date, y: int) -> date:
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return d.replace(year=d.year + y, day=28)


def age_at(dob: date, d: date) -> int:
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


def wpick(rng, pairs):
    """pairs: list of (item, weight)"""
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for it, w in pairs:
        x -= w
        if x < 0:
            return it
    return pairs[-1][0]


class Pool:
    """Zipf-weighted list of items; items may carry era tags (o: born <1965, m: 1965-89, y: 1990-)."""

    def __init__(self, items, s=0.85, eras=False):
        self.items = items
        self.eras = eras
        self.cache = {}
        self.s = s

    def _cum(self, era):
        if era in self.cache:
            return self.cache[era]
        if self.eras and era:
            its = [it for it in self.items if era in it[-1]] or self.items
        else:
            its = self.items
        cum, t = [], 0.0
        for i, _ in enumerate(its):
            t += 1.0 / (i + 1) ** self.s
            cum.append(t)
        self.cache[era] = (its, cum)
        return its, cum

    def pick(self, rng, era=None):
        its, cum = self._cum(era)
        x = rng.random() * cum[-1]
        return its[bisect.bisect_left(cum, x)]


def era_of(y: int) -> str:
    return "o" if y < 1965 else ("m" if y < 1990 else "y")


# ----------------------------------------------------------------------------------------------------------------
# names

KAZ_M = [
    ("Нұрлан", "Нурлан", "om"), ("Ерлан", "Ерлан", "om"), ("Серік", "Серик", "om"), ("Қайрат", "Кайрат", "om"),
    ("Бауыржан", "Бауржан", "my"), ("Асқар", "Аскар", "om"), ("Ержан", "Ержан", "my"), ("Мұрат", "Мурат", "om"),
    ("Дәурен", "Даурен", "my"), ("Талғат", "Талгат", "om"), ("Айдос", "Айдос", "y"), ("Ерболат", "Ерболат", "m"),
    ("Жандос", "Жандос", "my"), ("Нұрсұлтан", "Нурсултан", "y"), ("Әлихан", "Алихан", "y"), ("Ислам", "Ислам", "y"),
    ("Арман", "Арман", "my"), ("Дархан", "Дархан", "my"), ("Мейрам", "Мейрам", "m"), ("Бақытжан", "Бахытжан", "om"),
    ("Ғалым", "Галым", "om"), ("Қанат", "Канат", "om"), ("Болат", "Болат", "om"), ("Марат", "Марат", "om"),
    ("Азамат", "Азамат", "my"), ("Берік", "Берик", "om"), ("Дамир", "Дамир", "my"), ("Нұрболат", "Нурболат", "my"),
    ("Ермек", "Ермек", "om"), ("Темірлан", "Темирлан", "y"), ("Санжар", "Санжар", "y"), ("Алмас", "Алмас", "my"),
    ("Ерасыл", "Ерасыл", "y"), ("Әділет", "Адилет", "y"), ("Жасұлан", "Жасулан", "m"), ("Мақсат", "Максат", "my"),
    ("Еркебұлан", "Еркебулан", "y"), ("Айбек", "Айбек", "my"), ("Амангелді", "Амангельды", "o"),
    ("Төлеген", "Тулеген", "o"), ("Серікбол", "Серикбол", "m"), ("Бекзат", "Бекзат", "y"), ("Нұрасыл", "Нурасыл", "y"),
    ("Абылай", "Абылай", "y"), ("Диас", "Диас", "y"), ("Рахат", "Рахат", "my"), ("Жұмабек", "Жумабек", "o"),
    ("Сағындық", "Сагындык", "o"), ("Омар", "Омар", "oy"), ("Ерғали", "Ергали", "om"), ("Қуаныш", "Куаныш", "om"),
    ("Ақжол", "Акжол", "y"), ("Жұлдызбек", "Жулдызбек", "m"), ("Әли", "Али", "y"), ("Мұхтар", "Мухтар", "o"),
]
KAZ_F = [
    ("Айгүл", "Айгуль", "om"), ("Гүлнар", "Гульнар", "om"), ("Сәуле", "Сауле", "om"), ("Айгерім", "Айгерим", "my"),
    ("Динара", "Динара", "my"), ("Жанар", "Жанар", "om"), ("Гүлмира", "Гульмира", "om"), ("Ләззат", "Ляззат", "om"),
    ("Мадина", "Мадина", "y"), ("Әсел", "Асель", "my"), ("Аружан", "Аружан", "y"), ("Айжан", "Айжан", "my"),
    ("Назерке", "Назерке", "y"), ("Жанна", "Жанна", "m"), ("Салтанат", "Салтанат", "my"), ("Бақыт", "Бахыт", "o"),
    ("Гаухар", "Гаухар", "my"), ("Ақмарал", "Акмарал", "m"), ("Меруерт", "Меруерт", "my"), ("Дана", "Дана", "y"),
    ("Райхан", "Райхан", "o"), ("Күләш", "Куляш", "o"), ("Роза", "Роза", "o"), ("Зере", "Зере", "y"),
    ("Томирис", "Томирис", "y"), ("Аяулым", "Аяулым", "y"), ("Камила", "Камила", "y"), ("Дильназ", "Дильназ", "y"),
    ("Балжан", "Балжан", "m"), ("Ботагөз", "Ботагоз", "my"), ("Шынар", "Шынар", "m"), ("Мөлдір", "Мольдир", "my"),
    ("Нұргүл", "Нургуль", "om"), ("Жазира", "Жазира", "my"), ("Қарлығаш", "Карлыгаш", "om"), ("Индира", "Индира", "my"),
    ("Әлия", "Алия", "my"), ("Гүлжан", "Гульжан", "om"), ("Бибігүл", "Бибигуль", "o"), ("Ақбота", "Акбота", "y"),
    ("Айым", "Айым", "y"), ("Ұлжан", "Улжан", "my"), ("Жібек", "Жибек", "y"), ("Сандуғаш", "Сандугаш", "m"),
    ("Бәтима", "Батима", "o"), ("Жұлдыз", "Жулдыз", "my"), ("Әйгерім", "Айгерим", "y"),
]
RUS_M = [
    ("Александр", "omy"), ("Сергей", "om"), ("Андрей", "my"), ("Алексей", "my"), ("Дмитрий", "my"), ("Владимир", "om"),
    ("Николай", "om"), ("Евгений", "m"), ("Виктор", "om"), ("Игорь", "m"), ("Юрий", "o"), ("Олег", "m"), ("Михаил", "omy"),
    ("Павел", "my"), ("Иван", "oy"), ("Артём", "y"), ("Максим", "y"), ("Денис", "my"), ("Роман", "my"),
    ("Константин", "m"), ("Василий", "o"), ("Геннадий", "o"), ("Анатолий", "o"), ("Валерий", "o"), ("Вячеслав", "m"),
    ("Никита", "y"), ("Кирилл", "y"), ("Егор", "y"), ("Даниил", "y"), ("Илья", "y"), ("Станислав", "m"),
    ("Фёдор", "oy"), ("Григорий", "o"), ("Пётр", "o"), ("Леонид", "o"), ("Борис", "o"), ("Тимофей", "y"),
    ("Матвей", "y"), ("Владислав", "y"), ("Антон", "my"), ("Виталий", "m"), ("Степан", "oy"),
]
RUS_F = [
    ("Елена", "m"), ("Ольга", "m"), ("Наталья", "m"), ("Татьяна", "om"), ("Ирина", "m"), ("Светлана", "m"),
    ("Анна", "my"), ("Мария", "my"), ("Екатерина", "my"), ("Юлия", "my"), ("Галина", "o"), ("Людмила", "o"),
    ("Валентина", "o"), ("Надежда", "o"), ("Любовь", "o"), ("Оксана", "m"), ("Марина", "m"), ("Нина", "o"),
    ("Вера", "o"), ("Алёна", "my"), ("Анастасия", "y"), ("Дарья", "y"), ("Полина", "y"), ("Виктория", "y"),
    ("Ксения", "y"), ("Алина", "y"), ("Софья", "y"), ("Елизавета", "y"), ("Кристина", "y"), ("Евгения", "m"),
    ("Лариса", "m"), ("Тамара", "o"), ("Зинаида", "o"), ("Раиса", "o"), ("Яна", "y"), ("Валерия", "y"),
]
UKR_EXTRA_M = [("Тарас", "m"), ("Богдан", "my")]
UKR_EXTRA_F = [("Олеся", "my"), ("Оксана", "m")]
GER_EXTRA_M = [("Эдуард", "om"), ("Вальтер", "o"), ("Роберт", "my"), ("Артур", "my")]
GER_EXTRA_F = [("Эльвира", "m"), ("Ирма", "o"), ("Эмма", "y")]
TAT_M = [("Ринат", "m"), ("Рустам", "m"), ("Ильдар", "m"), ("Айдар", "y"), ("Фарид", "om"), ("Рамиль", "m"),
         ("Марат", "om"), ("Тимур", "y"), ("Равиль", "o"), ("Наиль", "m"), ("Артур", "y")]
TAT_F = [("Эльвира", "m"), ("Гульнара", "m"), ("Альфия", "o"), ("Лейсан", "y"), ("Алсу", "y"), ("Зульфия", "o"),
         ("Диляра", "my"), ("Камила", "y"), ("Резеда", "m")]
CHE_M = [("Ахмед", "omy"), ("Магомед", "omy"), ("Руслан", "my"), ("Ислам", "y"), ("Адам", "y"), ("Умар", "om")]
CHE_F = [("Хава", "om"), ("Зарема", "m"), ("Мадина", "y"), ("Лейла", "my"), ("Амина", "y"), ("Малика", "my")]
AZE_M = [("Эльчин", "m"), ("Рашид", "om"), ("Фуад", "m"), ("Вугар", "m"), ("Ильгар", "m"), ("Эмин", "y")]
AZE_F = [("Гюльнара", "m"), ("Севиндж", "my"), ("Айгюн", "y"), ("Наргиз", "my"), ("Лейла", "my")]

KAZ_SUR = [
    ("Ахметов", "Ахметов"), ("Омаров", "Омаров"), ("Жұмабаев", "Жумабаев"), ("Сейітов", "Сеитов"),
    ("Қасымов", "Касымов"), ("Нұрланов", "Нурланов"), ("Серікбаев", "Серикбаев"), ("Әбенов", "Абенов"),
    ("Тоқтаров", "Токтаров"), ("Исабеков", "Исабеков"), ("Мұқанов", "Муканов"), ("Бекмұхамедов", "Бекмухамедов"),
    ("Сәрсенбаев", "Сарсенбаев"), ("Жақыпов", "Жакупов"), ("Ысқақов", "Искаков"), ("Дүйсенов", "Дюсенов"),
    ("Төлеубаев", "Тулеубаев"), ("Бейсенов", "Бейсенов"), ("Ержанов", "Ержанов"), ("Қожахметов", "Кожахметов"),
    ("Оспанов", "Оспанов"), ("Байжанов", "Байжанов"), ("Смағұлов", "Смагулов"), ("Мұратов", "Муратов"),
    ("Есенов", "Есенов"), ("Қайыржанов", "Каиржанов"), ("Әлімжанов", "Алимжанов"), ("Тұрсынов", "Турсунов"),
    ("Нұрпейісов", "Нурпеисов"), ("Жүсіпов", "Жусупов"), ("Шәріпов", "Шарипов"), ("Сұлтанов", "Султанов"),
    ("Құрманов", "Курманов"), ("Мамыров", "Мамыров"), ("Қалиев", "Калиев"), ("Ғабдуллин", "Габдуллин"),
    ("Темірханов", "Темирханов"), ("Садуақасов", "Садвакасов"), ("Бөкейханов", "Букейханов"),
    ("Әбдірахманов", "Абдрахманов"), ("Ысмағұлов", "Исмагулов"), ("Ыдырысов", "Идрисов"),
    ("Құдайбергенов", "Кудайбергенов"), ("Рысқұлов", "Рыскулов"), ("Қуанышев", "Куанышев"),
    ("Жаманқұлов", "Жаманкулов"), ("Әміров", "Амиров"), ("Тәжібаев", "Тажибаев"), ("Кенжебаев", "Кенжебаев"),
    ("Ибраев", "Ибраев"), ("Шайахметов", "Шаяхметов"), ("Мұсабаев", "Мусабаев"), ("Байғожин", "Байгожин"),
    ("Сыздықов", "Сыздыков"), ("Уәлиев", "Уалиев"), ("Қабдолов", "Кабдолов"), ("Мұхаметжанов", "Мухаметжанов"),
]
KAZ_SUR_INV = [("Тоқтар", "Токтар"), ("Бекмырза", "Бекмырза"), ("Жақып", "Жакып"), ("Әлібек", "Алибек")]
RUS_SUR = """Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев
Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов
Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов
Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев
Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов
Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров
Калинин Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев
Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров
Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов
Высоцкий Остапенко""".split()
UKR_SUR = """Шевченко Бондаренко Коваленко Кравченко Ткаченко Олейник Мельник Ковальчук Полищук Савчук Литвиненко
Марченко Руденко Гончаренко Приходько Левченко Бойко Ткачук Кравчук""".split()
BEL_SUR = "Климович Савицкий Жук Ковалевич Лукашевич Новицкий Сидорович Мартинкевич".split()
POL_SUR = "Ковальский Новак Вишневский Левандовский Зелинский Войцеховский Домбровский Яблонский".split()
GER_SUR = "Шмидт Миллер Вебер Беккер Шнайдер Келлер Гофман Фризен Вольф Нойфельд Рихтер Циммерман Майер Вагнер Шульц Классен Дик Гербер Функ".split()
TAT_SUR = "Хабибуллин Сафин Галиев Ахметшин Мухаметов Валиев Ибрагимов Зарипов Гарипов Насыров Хайруллин Гильманов Юсупов Сабиров".split()
CHE_SUR = "Магомедов Мусаев Хасанов Умаров Эльмурзаев Исаев Дудуев".split()
AZE_SUR = "Алиев Мамедов Гусейнов Гасанов Керимов Рзаев Исмаилов".split()
KOR_SUR = "Ким Пак Ли Цой Тен Хван Ню Шин Хегай Когай".split()

GROUPS = [("rus", 0.44), ("kaz", 0.38), ("ukr", 0.05), ("ger", 0.04), ("tat", 0.03), ("pol", 0.015), ("bel", 0.015),
          ("che", 0.01), ("aze", 0.01), ("kor", 0.01)]
SLAVIC = ("rus", "ukr", "bel", "pol")


def _ru(lst):
    return [(n, n, e) for n, e in lst]


FIRST = {
    ("kaz", "M"): Pool(KAZ_M, eras=True), ("kaz", "F"): Pool(KAZ_F, eras=True),
    ("rus", "M"): Pool(_ru(RUS_M), eras=True), ("rus", "F"): Pool(_ru(RUS_F), eras=True),
    ("ukr", "M"): Pool(_ru(UKR_EXTRA_M + RUS_M), eras=True), ("ukr", "F"): Pool(_ru(UKR_EXTRA_F + RUS_F), eras=True),
    ("bel", "M"): Pool(_ru(RUS_M), eras=True), ("bel", "F"): Pool(_ru(RUS_F), eras=True),
    ("pol", "M"): Pool(_ru(RUS_M), eras=True), ("pol", "F"): Pool(_ru(RUS_F), eras=True),
    ("ger", "M"): Pool(_ru(GER_EXTRA_M + RUS_M), eras=True), ("ger", "F"): Pool(_ru(GER_EXTRA_F + RUS_F), eras=True),
    ("kor", "M"): Pool(_ru(RUS_M), eras=True), ("kor", "F"): Pool(_ru(RUS_F), eras=True),
    ("tat", "M"): Pool(_ru(TAT_M), eras=True), ("tat", "F"): Pool(_ru(TAT_F), eras=True),
    ("che", "M"): Pool(_ru(CHE_M), eras=True), ("che", "F"): Pool(_ru(CHE_F), eras=True),
    ("aze", "M"): Pool(_ru(AZE_M), eras=True), ("aze", "F"): Pool(_ru(AZE_F), eras=True),
}
SUR = {
    "kaz": Pool(KAZ_SUR, s=0.7), "rus": Pool([(s, s) for s in RUS_SUR], s=0.6), "ukr": Pool([(s, s) for s in UKR_SUR]),
    "bel": Pool([(s, s) for s in BEL_SUR]), "pol": Pool([(s, s) for s in POL_SUR]), "ger": Pool([(s, s) for s in GER_SUR]),
    "tat": Pool([(s, s) for s in TAT_SUR]), "che": Pool([(s, s) for s in CHE_SUR]), "aze": Pool([(s, s) for s in AZE_SUR]),
    "kor": Pool([(s, s) for s in KOR_SUR]),
}

FOLD = str.maketrans({"ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ң": "н", "Ң": "Н", "ө": "о",
                      "Ө": "О", "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У", "һ": "х", "Һ": "Х", "і": "и", "І": "И"})


def fold(s):
    return s.translate(FOLD) if s else s


def fem(s):
    if not s:
        return s
    for a, b in (("ский", "ская"), ("цкий", "цкая"), ("ұлы", "қызы"), ("улы", "кызы")):
        if s.endswith(a):
            return s[: -len(a)] + b
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    return s


PATR_SPECIAL = {"Илья": ("Ильич", "Ильинична"), "Пётр": ("Петрович", "Петровна"), "Павел": ("Павлович", "Павловна"),
                "Михаил": ("Михайлович", "Михайловна"), "Лев": ("Львович", "Львовна"), "Никита": ("Никитич", "Никитична"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
                "Фома": ("Фомич", "Фоминична"), "Лука": ("Лукич", "Лукинична")}


def patr_ru(n, sex):
    """Russian-form patronymic from a father's name as written (Russian or Kazakh letters)."""
    if n in PATR_SPECIAL:
        return PATR_SPECIAL[n][0 if sex == "M" else 1]
    m, f = "ович", "овна"
    if n.endswith("ий"):
        st, m, f = n[:-2], "ьевич", "ьевна"
    elif n.endswith("й"):
        st, m, f = n[:-1], "евич", "евна"
    elif n.endswith("ь"):
        st, m, f = n[:-1], "евич", "евна"
    elif n[-1] in "иі":
        st, m, f = n[:-1] + ("и" if n[-1] == "и" else "і"), "евич", "евна"
    elif n[-1] in "аяе":
        st, m, f = n, "евич", "евна"
    elif n[-1] in "жшчщц":
        st, m, f = n, "евич", "евна"
    else:
        st = n
    return st + (m if sex == "M" else f)


SHORT = {"Александр": "Саша", "Александра": "Саша", "Алексей": "Лёша", "Анастасия": "Настя", "Екатерина": "Катя",
         "Мария": "Маша", "Дмитрий": "Дима", "Евгений": "Женя", "Евгения": "Женя", "Елизавета": "Лиза",
         "Наталья": "Наташа", "Татьяна": "Таня", "Владислав": "Влад", "Виктория": "Вика", "Михаил": "Миша",
         "Иван": "Ваня", "Николай": "Коля", "Сергей": "Серёжа", "Павел": "Паша", "Юлия": "Юля", "Ольга": "Оля",
         "Елена": "Лена", "Светлана": "Света", "Ирина": "Ира", "Галина": "Галя", "Людмила": "Люда", "Надежда": "Надя",
         "Анна": "Аня", "Владимир": "Вова", "Константин": "Костя", "Вячеслав": "Слава"}
EAR = {"Айгерим": "Айгирим", "Жулдыз": "Жулдуз", "Ерлан": "Эрлан", "Бауржан": "Бауыржан", "Нурлан": "Нурлант",
       "Асель": "Асел", "Айгуль": "Айгул", "Мольдир": "Мулдир", "Жанар": "Жанара", "Ерболат": "Эрболат",
       "Куаныш": "Куанышь", "Дюсенов": "Дусенов", "Искаков": "Ыскаков", "Жакупов": "Жакыпов", "Тулеубаев": "Тлеубаев",
       "Садвакасов": "Садуакасов", "Алимжанов": "Алимжанов", "Турсунов": "Турсынов"}

# ----------------------------------------------------------------------------------------------------------------
# transliteration

ICAO = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH", "З": "Z", "И": "I", "Й": "I",
        "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F",
        "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU",
        "Я": "IA", "Ә": "A", "Ғ": "G", "Қ": "K", "Ң": "N", "Ө": "O", "Ұ": "U", "Ү": "U", "Һ": "H", "І": "I"}
VOW_CYR = set("АЕЁИОУЫЭЮЯӘӨҰҮІ")


def translit(s, scheme, rng=None, prefs=None):
    """scheme: icao (current passports), old (passports before 2013), info (typed by a buyer; prefs fixed per typist)."""
    out = []
    S = s.upper()
    for i, ch in enumerate(S):
        prev = S[i - 1] if i else " "
        if ch not in ICAO:
            out.append(ch)
            continue
        t = ICAO[ch]
        if scheme == "old":
            t = {"Й": "Y", "Ю": "YU", "Я": "YA", "Ъ": "", "Ё": "YO"}.get(ch, t)
            if ch == "Е" and (prev in VOW_CYR or not prev.isalpha()):
                t = "YE"
        elif scheme == "info":
            p = prefs or {}
            t = {"Ж": p.get("zh", "ZH"), "Х": p.get("kh", "KH"), "Ц": p.get("ts", "TS"), "Й": p.get("y", "Y"),
                 "Ю": p.get("yu", "YU"), "Я": p.get("ya", "YA"), "Ы": p.get("yy", "Y"), "Қ": p.get("q", "K"),
                 "Ғ": p.get("gh", "G"), "Ъ": "", "Ё": p.get("yo", "E"), "Щ": "SCH", "Ә": p.get("ae", "A"),
                 "Ө": p.get("oe", "O")}.get(ch, t)
        out.append(t)
    r = "".join(out)
    return r


def info_prefs(rng):
    return {"zh": "ZH" if rng.random() < 0.7 else "J", "kh": "KH" if rng.random() < 0.5 else "H",
            "ts": "TS" if rng.random() < 0.7 else "C", "y": wpick(rng, [("Y", 5), ("I", 3), ("J", 1)]),
            "yu": "YU" if rng.random() < 0.7 else "IU", "ya": "YA" if rng.random() < 0.75 else "IA",
            "yy": "Y" if rng.random() < 0.7 else "I", "q": "K" if rng.random() < 0.8 else "Q",
            "gh": "G" if rng.random() < 0.85 else "GH", "yo": "E" if rng.random() < 0.6 else "YO",
            "ae": "A" if rng.random() < 0.85 else "AE", "oe": "O" if rng.random() < 0.85 else "OE"}


def title(s):
    return "-".join(w[:1].upper() + w[1:].lower() for w in s.split("-")) if s else s


def tcase(s):
    return " ".join(title(w) for w in s.split(" "))


# ----------------------------------------------------------------------------------------------------------------
# places

PET_STREETS = [  # kk bare, ru bare, flood (Подгора), blocks of flats
    ("Жамбыл", "Жамбыла", False, True), ("Интернационалдық", "Интернациональная", False, True),
    ("Қазақстан Конституциясы", "Конституции Казахстана", False, True), ("Абай", "Абая", False, True),
    ("Мұхтар Әуезов", "Ауэзова", False, True), ("Мағжан Жұмабаев", "Жумабаева", False, True),
    ("Пушкин", "Пушкина", False, True), ("Жеңіс", "Победы", False, True), ("Университет", "Университетская", False, True),
    ("Букетов", "Букетова", False, True), ("Ғабит Мүсірепов", "Мусрепова", False, True),
    ("Батыр Баян", "Батыр Баяна", False, True), ("Шухов", "Шухова", False, True), ("Юбилейная", "Юбилейная", False, True),
    ("Парк", "Парковая", False, False), ("Нұрсұлтан Назарбаев", "Назарбаева", False, True),
    ("Жағалау", "Береговая", True, False), ("Заречная", "Заречная", True, False), ("Шалғын", "Луговая", True, False),
    ("Затон", "Затонная", True, False), ("Есіл", "Ишимская", True, False), ("Жұмысшы", "Рабочая", True, False),
    ("Пішен", "Сенная", True, False), ("Бөгет", "Плотинная", True, False), ("Көлді", "Озёрная", True, False),
]
VILLAGES = [("Бескөл", "Бишкуль", False), ("Соколов", "Соколовка", True), ("Новоникольск", "Новоникольское", True),
            ("Долматов", "Долматово", True), ("Якорь", "Якорь", True), ("Петерфельд", "Петерфельд", True),
            ("Вагулино", "Вагулино", False), ("Рассвет", "Рассвет", False)]
VIL_STREETS = [("Орталық", "Центральная"), ("Мектеп", "Школьная"), ("Бейбітшілік", "Мира"), ("Жастар", "Молодёжная"),
               ("Өзен", "Речная"), ("Гагарин", "Гагарина"), ("Бақша", "Садовая"), ("Совхоз", "Совхозная")]
OTHER_TOWNS = [("Астана", "Астана", 30), ("Алматы", "Алматы", 15), ("Көкшетау", "Кокшетау", 15),
               ("Қостанай", "Костанай", 10), ("Павлодар", "Павлодар", 8), ("Омбы", "Омск", 10), ("Қарағанды", "Караганда", 8)]
OTHER_STREETS = [("Абай", "Абая"), ("Сәкен Сейфуллин", "Сейфуллина"), ("Жібек жолы", "Жибек жолы"), ("Мира", "Мира"),
                 ("Ленин", "Ленина"), ("Тәуелсіздік", "Тауелсиздик"), ("Кенесары", "Кенесары"), ("Гоголь", "Гоголя")]


class Addr:
    __slots__ = ("aid", "kind", "town_kk", "town_ru", "st_kk", "st_ru", "house", "flat", "flood", "post", "podgora")

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    @property
    def in_sko(self):
        return self.kind in ("pet", "vil")


class AddrMaker:
    def __init__(self, rng):
        self.rng = rng
        self.n = 0

    def make(self, where=None, flood=None):
        rng = self.rng
        self.n += 1
        if where is None:
            where = wpick(rng, [("pet", 70), ("vil", 20), ("oth", 10)])
        if where == "pet":
            cands = PET_STREETS if flood is None else [s for s in PET_STREETS if s[2] == flood]
            if flood is None:
                st = rng.choice([s for s in PET_STREETS if s[2]]) if rng.random() < 0.30 else rng.choice(
                    [s for s in PET_STREETS if not s[2]])
            else:
                st = rng.choice(cands)
            flat = rng.randint(1, 180) if st[3] and rng.random() < 0.85 else None
            house = str(rng.randint(1, 260)) if st[3] else str(rng.randint(1, 120))
            if st[3] and rng.random() < 0.12:
                house += rng.choice(["А", "Б", "/1", "/2"])
            return Addr(aid=self.n, kind="pet", town_kk="Петропавл", town_ru="Петропавловск", st_kk=st[0], st_ru=st[1],
                        house=house, flat=flat, flood=st[2], post=f"1500{rng.randint(0, 12):02d}", podgora=st[2])
        if where == "vil":
            v = rng.choice(VILLAGES) if flood is None else rng.choice([x for x in VILLAGES if x[2] == flood] or VILLAGES)
            st = rng.choice(VIL_STREETS)
            fl = v[2] and (st[1] == "Речная" or rng.random() < 0.6)
            return Addr(aid=self.n, kind="vil", town_kk=v[0], town_ru=v[1], st_kk=st[0], st_ru=st[1],
                        house=str(rng.randint(1, 90)), flat=None, flood=fl, post=f"1507{rng.randint(0, 40):02d}",
                        podgora=False)
        t = wpick(rng, [((a, b), w) for a, b, w in OTHER_TOWNS])
        st = rng.choice(OTHER_STREETS)
        return Addr(aid=self.n, kind="oth", town_kk=t[0], town_ru=t[1], st_kk=st[0], st_ru=st[1],
                    house=str(rng.randint(1, 200)), flat=rng.randint(1, 150) if rng.random() < 0.8 else None,
                    flood=False, post="", podgora=False)


# ----------------------------------------------------------------------------------------------------------------
# IIN


def iin_check(d11):
    w1 = list(range(1, 12))
    s = sum(int(a) * b for a, b in zip(d11, w1)) % 11
    if s == 10:
        w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        s = sum(int(a) * b for a, b in zip(d11, w2)) % 11
        if s == 10:
            return None
    return s


def iin_ok(s):
    if not s or len(s) != 12 or not s.isdigit():
        return False
    c = iin_check(s[:11])
    return c is not None and c == int(s[11])


def make_iin(rng, dob, sex, used):
    cent = {18: 1, 19: 3, 20: 5}[dob.year // 100] + (0 if sex == "M" else 1)
    head = dob.strftime("%y%m%d") + str(cent)
    while True:
        d11 = head + f"{rng.randrange(10000):04d}"
        c = iin_check(d11)
        if c is None:
            continue
        s = d11 + str(c)
        if s not in used:
            used.add(s)
            return s


def recheck(d11):
    c = iin_check(d11)
    return None if c is None else d11 + str(c)


def iin_fault(rng, iin, kind):
    """Returns (value, kind) or (iin, None) when the kind cannot apply."""
    for _ in range(40):
        if kind == "fail":
            i = rng.randrange(11)
            s = iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:]
            if not iin_ok(s):
                return s, kind
        elif kind == "transp":
            i = rng.randrange(10)
            if iin[i] != iin[i + 1]:
                return iin[:i] + iin[i + 1] + iin[i] + iin[i + 2:], kind
        elif kind == "d11":
            s = iin[:10] + str((int(iin[10]) + rng.randint(1, 9)) % 10) + iin[11]
            if iin_ok(s):
                return s, kind
        elif kind == "serial":
            i = rng.randrange(7, 10)
            s = recheck(iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:11])
            if s and s != iin:
                return s, kind
        elif kind == "year":  # the year's last digit one off, the check digit recomputed by the agency's system
            y = (int(iin[1]) + rng.choice([1, -1])) % 10
            s = recheck(iin[0] + str(y) + iin[2:11])
            if s:
                return s, kind
        elif kind == "month":  # a month digit slipped (03 -> 08, 11 -> 01), check recomputed
            mm = int(iin[2:4])
            dd = int(iin[4:6])
            alts = [m for m in range(1, 13) if m != mm and (str(m).zfill(2)[0] == iin[2] or str(m).zfill(2)[1] == iin[3])]
            alts = [m for m in alts if dd <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]]
            if alts:
                s = recheck(iin[:2] + f"{rng.choice(alts):02d}" + iin[4:11])
                if s:
                    return s, kind
            return iin, None
        elif kind == "short":
            i = rng.randrange(12)
            return iin[:i] + iin[i + 1:], kind
        elif kind == "long":
            i = rng.randrange(12)
            return iin[:i] + iin[i] + iin[i:], kind
    return iin, None


# ----------------------------------------------------------------------------------------------------------------
# persons


class Person:
    def __init__(self, pid, sex, dob, grp):
        self.pid, self.sex, self.dob, self.grp = pid, sex, dob, grp
        self.first_kk = self.first_ru = None
        self.fath_kk = self.fath_ru = None
        self.patr_style = "ru"  # ru | kk | None
        self.surnames = []  # (from, kk, ru)
        self.addrs = []  # (from, Addr)
        self.phones = []  # (from, phone)
        self.email = None
        self.death = None
        self.iin = None
        self.hh = None
        self.spouse = None
        self.father = None
        self.mother = None
        self.children = []
        self.parents_link = []
        self.idcard = None
        self.hunt_no = None
        self.pass_scheme = "icao"
        self.landline = None
        self.marriage = None

    # values at a date
    def sur(self, d):
        cur = self.surnames[0]
        for e in self.surnames:
            if e[0] <= d:
                cur = e
        return cur[1], cur[2]

    def addr(self, d):
        cur = self.addrs[0]
        for e in self.addrs:
            if e[0] <= d:
                cur = e
        return cur[1]

    def prev_addr(self, d, within_days=None):
        """the address before the latest move up to d (that move at most within_days before d), or None"""
        idx = None
        for i, e in enumerate(self.addrs):
            if e[0] <= d:
                idx = i
        if idx is None or idx == 0:
            return None
        if within_days is not None and (d - self.addrs[idx][0]).days > within_days:
            return None
        return self.addrs[idx - 1][1]

    def phone(self, d):
        cur = None
        for e in self.phones:
            if e[0] <= d:
                cur = e[1]
        return cur

    def alive(self, d):
        return self.death is None or d < self.death

    def in_sko(self, d):
        return d >= self.dob and self.alive(d) and self.addr(d).in_sko

    def patr(self, script):
        if self.patr_style is None or not self.fath_kk:
            return ""
        if self.patr_style == "kk":
            base = self.fath_kk + ("ұлы" if self.sex == "M" else "қызы")
            return base if script == "kk" else fold(base)
        return patr_ru(self.fath_kk if script == "kk" else self.fath_ru, self.sex)

    def parts(self, d, script):
        """(surname, first, patronymic) at date d; script kk = Kazakh letters kept, ru = the Russian spelling"""
        skk, sru = self.sur(d)
        if script == "kk":
            return skk, self.first_kk, self.patr("kk")
        return sru, self.first_ru, self.patr("ru")


class Population:
    def __init__(self, seed, n):
        rng = random.Random(f"eighteenth-pop-{seed}")
        self.rng = rng
        self.am = AddrMaker(rng)
        self.persons = []
        self.households = []
        self.used_iin = set()
        self.n = n
        couples = []
        while len(self.persons) < n:
            t = wpick(rng, [("couple", 58), ("single", 15), ("smother", 7), ("elder", 12)])
            if t == "couple":
                couples.append(self._couple())
            elif t == "single":
                self._single()
            elif t == "smother":
                self._single_mother()
            else:
                self._elder(couples)
        self._finish()

    # -- building blocks
    def _new(self, sex, dob, grp):
        p = Person(f"P{len(self.persons) + 1:05d}", sex, dob, grp)
        self.persons.append(p)
        return p

    def _first(self, p, avoid=()):
        rng = self.rng
        pool = FIRST[(p.grp, p.sex)]
        for _ in range(30):
            kk, ru, _e = pool.pick(rng, era_of(p.dob.year))
            if ru not in avoid:
                break
        p.first_kk, p.first_ru = kk, ru

    def _father_name(self, grp, year):
        kk, ru, _e = FIRST[(grp, "M")].pick(self.rng, era_of(year))
        return kk, ru

    def _patr_style(self, p):
        rng = self.rng
        if p.grp == "kaz":
            return "kk" if rng.random() < (0.45 if p.dob.year >= 1995 else 0.1) else "ru"
        if p.grp in ("ger", "kor") and rng.random() < 0.3:
            return None
        return "ru"

    def _surname(self, grp, sex):
        rng = self.rng
        if grp == "kaz" and rng.random() < 0.04:
            kk, ru = rng.choice(KAZ_SUR_INV)
        else:
            kk, ru = SUR[grp].pick(rng)
        if sex == "F":
            return fem(kk), fem(ru)
        return kk, ru

    def _birth_year(self, lo, hi, peak=None):
        rng = self.rng
        return rng.randint(lo, hi)

    def _dob(self, y):
        return rdate(self.rng, date(y, 1, 1), date(y, 12, 31))

    def _hh(self):
        h = {"id": len(self.households) + 1, "members": [], "landline": None}
        self.households.append(h)
        return h

    def _other_grp(self, g):
        for _ in range(10):
            x = wpick(self.rng, GROUPS)
            if x != g:
                return x
        return "rus"

    def _parental_addr(self):
        return self.am.make(wpick(self.rng, [("pet", 60), ("vil", 30), ("oth", 10)]))

    def _moves(self, start, addr0, members, hh):
        """household address history from start; returns list of (date, Addr)"""
        rng = self.rng
        hist = [(start, addr0)]
        if rng.random() < 0.3:
            n = 2 if rng.random() < 0.15 else 1
            d = start
            for _ in range(n):
                lo = max(d + timedelta(days=200), date(2008, 1, 1))
                if lo >= date(2023, 10, 1):
                    break
                d = rdate(rng, lo, date(2023, 10, 1))
                cur = hist[-1][1]
                if cur.kind == "vil":
                    where = wpick(rng, [("pet", 70), ("vil", 20), ("oth", 10)])
                elif cur.kind == "oth":
                    where = wpick(rng, [("pet", 80), ("oth", 20)])
                else:
                    where = wpick(rng, [("pet", 80), ("vil", 8), ("oth", 12)])
                hist.append((d, self.am.make(where)))
        return hist

    def _mobile(self, p):
        rng = self.rng
        start = max(date(2004, 1, 1), add_years(p.dob, 14))
        if p.dob.year < 1945 and rng.random() < 0.3:
            return
        if start > END:
            return
        start = rdate(rng, start, min(END, start + timedelta(days=900)))
        op = rng.choice(["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"])
        p.phones.append((start, "7" + op + f"{rng.randrange(10 ** 7):07d}"))
        if rng.random() < 0.15:
            d = rdate(rng, max(start + timedelta(days=300), date(2012, 1, 1)), date(2023, 12, 1))
            op = rng.choice(["700", "701", "702", "705", "707", "747", "771", "775", "776", "777", "778"])
            p.phones.append((d, "7" + op + f"{rng.randrange(10 ** 7):07d}"))

    def _leave_home(self, c, hh_hist):
        """an adult child leaves the household's address; daughters may marry out"""
        rng = self.rng
        if age_at(c.dob, END) < 19 or rng.random() > 0.75:
            c.addrs = list(hh_hist)
            return
        dleave = rdate(rng, add_years(c.dob, 18), min(END, add_years(c.dob, 24)))
        c.addrs = [e for e in hh_hist if e[0] < dleave] or [hh_hist[0]]
        dest = wpick(rng, [("pet", 45), ("vil", 10), ("oth", 45)])
        c.addrs.append((dleave, self.am.make(dest)))
        if dest == "oth" and rng.random() < 0.3:
            dret = rdate(rng, max(dleave + timedelta(days=400), add_years(c.dob, 22)), add_years(c.dob, 28))
            if dret < END:
                c.addrs.append((dret, self.am.make("pet")))
        if c.sex == "F" and rng.random() < 0.5:
            dm = rdate(rng, add_years(c.dob, 20), add_years(c.dob, 30))
            if dm < END:
                p_take = 0.72 if c.grp == "kaz" else (0.92 if c.grp in SLAVIC else 0.85)
                if rng.random() < p_take:
                    g = c.grp if rng.random() < 0.9 else self._other_grp(c.grp)
                    kk, ru = self._surname(g, "F")
                    c.surnames.append((dm, kk, ru))
                    c.marriage = dm

    def _couple(self):
        rng = self.rng
        grp = wpick(rng, GROUPS)
        hy = wpick(rng, [(y, 1.0 + (0.6 if 1960 <= y <= 1992 else 0)) for y in range(1946, 2000)])
        h = self._new("M", self._dob(hy), grp)
        wgrp = grp if rng.random() < 0.92 else self._other_grp(grp)
        wy = min(2003, hy + rng.randint(-2, 6))
        w = self._new("F", self._dob(wy), wgrp)
        hh = self._hh()
        hh["members"] += [h, w]
        h.hh = w.hh = hh["id"]
        h.spouse, w.spouse = w, h
        self._first(h)
        self._first(w)
        h.fath_kk, h.fath_ru = self._father_name(grp, hy - 27)
        w.fath_kk, w.fath_ru = self._father_name(wgrp, wy - 27)
        h.patr_style = self._patr_style(h)
        w.patr_style = self._patr_style(w)
        ulu = grp == "kaz" and hy >= 1980 and rng.random() < 0.05
        if ulu:
            h.surnames = [(h.dob, h.fath_kk + "ұлы", fold(h.fath_kk) + "улы")]
            h.patr_style = None
        else:
            kk, ru = self._surname(grp, "M")
            h.surnames = [(h.dob, kk, ru)]
        kk, ru = self._surname(wgrp, "F")
        w.surnames = [(w.dob, kk, ru)]
        dmar = rdate(rng, max(add_years(h.dob, 21), add_years(w.dob, 18)), max(add_years(h.dob, 32), add_years(w.dob, 19)))
        dmar = min(dmar, date(2024, 6, 1))
        h.marriage = w.marriage = dmar
        p_take = 0.72 if wgrp == "kaz" else (0.92 if wgrp in SLAVIC else 0.85)
        took = (not ulu) and rng.random() < p_take
        if took:
            w.surnames.append((dmar, fem(h.surnames[0][1]), fem(h.surnames[0][2])))
        # addresses: each spouse at a parental address before the marriage
        home = self.am.make()
        hist = self._moves(dmar, home, [h, w], hh)
        # children
        nk = wpick(rng, [(0, 12), (1, 25), (2, 33), (3, 20), (4, 10)])
        kids = []
        d = dmar + timedelta(days=rng.randint(300, 900))
        names_used = []
        last_bd = min(add_years(w.dob, 42), date(2024, 6, 1))
        while len(kids) < nk and d <= last_bd:
            twins = rng.random() < 0.015
            for _t in range(2 if twins else 1):
                ksex = "M" if rng.random() < 0.51 else "F"
                kgrp = grp if rng.random() < 0.85 or grp == wgrp else wgrp
                c = self._new(ksex, d, grp)
                c.grp = grp
                self._first(c, avoid=names_used)
                if kgrp != grp and rng.random() < 0.5:
                    c.grp = kgrp
                    self._first(c, avoid=names_used)
                    c.grp = grp
                names_used.append(c.first_ru)
                c.fath_kk, c.fath_ru = h.first_kk, h.first_ru
                c.patr_style = self._patr_style(c)
                if ulu or (grp == "kaz" and d.year >= 1995 and rng.random() < 0.06):
                    base = h.first_kk + ("ұлы" if ksex == "M" else "қызы")
                    c.surnames = [(d, base, fold(base))]
                    c.patr_style = None
                else:
                    s0kk, s0ru = h.surnames[0][1], h.surnames[0][2]
                    c.surnames = [(d, s0kk if ksex == "M" else fem(s0kk), s0ru if ksex == "M" else fem(s0ru))]
                c.father, c.mother = h, w
                h.children.append(c)
                w.children.append(c)
                c.hh = hh["id"]
                hh["members"].append(c)
                kids.append(c)
            d = d + timedelta(days=rng.randint(450, 2200))
        # divorce
        div = None
        if dmar < date(2019, 1, 1) and rng.random() < 0.09:
            div = rdate(rng, add_years(dmar, 2), min(date(2023, 6, 1), add_years(dmar, 15)))
        # spouses' address histories
        h.addrs = [(h.dob, self._parental_addr())] + [e for e in hist if not div or e[0] < div]
        w.addrs = [(w.dob, self._parental_addr())] + hist
        if div:
            h.addrs.append((div, self.am.make(wpick(rng, [("pet", 70), ("oth", 30)]))))
            if took and rng.random() < 0.4:
                w.surnames.append((div, w.surnames[0][1], w.surnames[0][2]))
            h.divorced = div
        for c in kids:
            self._leave_home(c, hist)
        # a widowed mother of the husband living with them
        if hy >= 1965 and rng.random() < 0.10:
            gy = max(1930, hy - rng.randint(20, 34))
            g = self._new("F", self._dob(gy), grp)
            self._first(g)
            g.fath_kk, g.fath_ru = self._father_name(grp, gy - 27)
            g.patr_style = "ru" if grp != "kaz" else ("kk" if rng.random() < 0.05 else "ru")
            if ulu:
                kk, ru = self._surname(grp, "F")
            else:
                kk, ru = fem(h.surnames[0][1]), fem(h.surnames[0][2])
            g.surnames = [(g.dob, kk, ru)]
            g_par = self._parental_addr()
            join = dmar + timedelta(days=rng.randint(0, 3000))
            at_join = [e for e in hist if e[0] <= join][-1][1]
            g.addrs = [(g.dob, g_par), (join, at_join)] + [e for e in hist if e[0] > join]
            g.hh = hh["id"]
            hh["members"].append(g)
            h.parents_link.append(g)
            g.children.append(h)
            if rng.random() < 0.2:
                g.death = rdate(rng, date(2014, 1, 1), date(2023, 12, 1))
        if h.dob.year < 1960 and rng.random() < 0.12:
            h.death = rdate(rng, date(2012, 1, 1), date(2023, 12, 1))
        hh["hist"] = hist
        if rng.random() < 0.35:
            hh["landline"] = True
        return h, w, hh

    def _single(self):
        rng = self.rng
        grp = wpick(rng, GROUPS)
        sex = "M" if rng.random() < 0.55 else "F"
        p = self._new(sex, self._dob(rng.randint(1958, 2004)), grp)
        self._first(p)
        p.fath_kk, p.fath_ru = self._father_name(grp, p.dob.year - 27)
        p.patr_style = self._patr_style(p)
        p.surnames = [(p.dob, *self._surname(grp, sex))]
        hh = self._hh()
        hh["members"].append(p)
        p.hh = hh["id"]
        start = add_years(p.dob, rng.randint(18, 25))
        hist = self._moves(min(start, date(2024, 1, 1)), self.am.make(), [p], hh)
        p.addrs = [(p.dob, self._parental_addr())] + hist
        if sex == "F" and p.dob.year < 1996 and rng.random() < 0.35:
            dm = rdate(rng, add_years(p.dob, 21), min(date(2024, 5, 1), add_years(p.dob, 35)))
            if rng.random() < 0.85:
                g = grp if rng.random() < 0.9 else self._other_grp(grp)
                kk, ru = self._surname(g, "F")
                p.surnames.append((dm, kk, ru))
                p.marriage = dm
        if p.dob.year < 1962 and rng.random() < 0.08:
            p.death = rdate(rng, date(2015, 1, 1), date(2023, 12, 1))
        hh["hist"] = hist

    def _single_mother(self):
        rng = self.rng
        grp = wpick(rng, GROUPS)
        m = self._new("F", self._dob(rng.randint(1976, 2000)), grp)
        self._first(m)
        m.fath_kk, m.fath_ru = self._father_name(grp, m.dob.year - 27)
        m.patr_style = self._patr_style(m)
        m.surnames = [(m.dob, *self._surname(grp, "F"))]
        hh = self._hh()
        hh["members"].append(m)
        m.hh = hh["id"]
        start = add_years(m.dob, rng.randint(19, 26))
        hist = self._moves(min(start, date(2024, 1, 1)), self.am.make(), [m], hh)
        m.addrs = [(m.dob, self._parental_addr())] + hist
        fk, fr = self._father_name(grp, m.dob.year)
        d = max(start, add_years(m.dob, 19))
        used = []
        for _ in range(wpick(rng, [(1, 50), (2, 35), (3, 15)])):
            if d > date(2024, 6, 1):
                break
            sex = "M" if rng.random() < 0.5 else "F"
            c = self._new(sex, d, grp)
            self._first(c, avoid=used)
            used.append(c.first_ru)
            c.fath_kk, c.fath_ru = fk, fr
            c.patr_style = self._patr_style(c)
            skk, sru = m.surnames[0][1], m.surnames[0][2]
            if sex == "M":
                skk = skk[:-1] if skk.endswith(("ова", "ева", "ина")) else skk
                sru = sru[:-1] if sru.endswith(("ова", "ева", "ина")) else sru
                if skk.endswith("ская"):
                    skk, sru = skk[:-4] + "ский", sru[:-4] + "ский"
            c.surnames = [(d, skk, sru)]
            c.mother = m
            m.children.append(c)
            c.hh = hh["id"]
            hh["members"].append(c)
            self._leave_home(c, hist)
            d = d + timedelta(days=rng.randint(500, 2500))
        hh["hist"] = hist
        if rng.random() < 0.2:
            hh["landline"] = True

    def _elder(self, couples):
        rng = self.rng
        grp = wpick(rng, GROUPS)
        sex = "F" if rng.random() < 0.75 else "M"
        y = rng.randint(1934, 1958)
        p = self._new(sex, self._dob(y), grp)
        self._first(p)
        p.fath_kk, p.fath_ru = self._father_name(grp, y - 27)
        p.patr_style = "ru" if grp != "kaz" else ("kk" if rng.random() < 0.05 else "ru")
        # parent of a spouse of an existing couple?
        linked = False
        if rng.random() < 0.5:
            cands = []
            for h, w, hh in couples[-120:]:
                for ch in (h, w):
                    if ch.grp == grp and 20 <= ch.dob.year - y <= 35 and not ch.parents_link:
                        if ch.surnames[0][1].endswith(("ұлы", "қызы")):
                            continue
                        cands.append(ch)
            if cands:
                ch = rng.choice(cands)
                s_kk, s_ru = ch.surnames[0][1], ch.surnames[0][2]
                if ch.sex == "F":  # back to the masculine form
                    for a, b in (("ская", "ский"), ("цкая", "цкий")):
                        if s_kk.endswith(a):
                            s_kk, s_ru = s_kk[:-4] + b, s_ru[:-4] + b
                    if s_kk.endswith(("ова", "ева", "ёва", "ина", "ына")):
                        s_kk, s_ru = s_kk[:-1], s_ru[:-1]
                if sex == "F":
                    s_kk, s_ru = fem(s_kk), fem(s_ru)
                    ch.mother = p
                else:
                    ch.father = p
                    ch.fath_kk, ch.fath_ru = p.first_kk, p.first_ru
                p.surnames = [(p.dob, s_kk, s_ru)]
                ch.parents_link.append(p)
                p.children.append(ch)
                linked = True
        if not linked:
            p.surnames = [(p.dob, *self._surname(grp, sex))]
        hh = self._hh()
        hh["members"].append(p)
        p.hh = hh["id"]
        start = add_years(p.dob, 25)
        hist = self._moves(start, self.am.make(wpick(rng, [("pet", 65), ("vil", 30), ("oth", 5)])), [p], hh)
        p.addrs = hist
        if rng.random() < (0.16 if y < 1950 else 0.07):
            p.death = rdate(rng, date(2014, 1, 1), date(2023, 12, 1))
        hh["hist"] = hist
        if rng.random() < 0.5:
            hh["landline"] = True

    def _finish(self):
        rng = self.rng
        for p in self.persons:
            if not p.addrs:
                p.addrs = [(p.dob, self.am.make())]
            p.addrs.sort(key=lambda e: e[0])
            p.iin = make_iin(rng, p.dob, p.sex, self.used_iin)
            self._mobile(p)
            p.idcard = "0" + f"{rng.randrange(10 ** 8):08d}"
            p.pass_scheme = "old" if (p.dob.year < 1995 and rng.random() < 0.45) else "icao"
            if p.dob.year >= 1970 and rng.random() < 0.45:
                pr = info_prefs(rng)
                f = translit(p.first_ru, "info", prefs=pr).lower()
                s = translit(p.sur(add_years(p.dob, 20))[1], "info", prefs=pr).lower()
                user = wpick(rng, [(f"{f}.{s}", 3), (f"{s}_{f[0]}", 2), (f"{f}{p.dob.year % 100:02d}", 2),
                                   (f"{s}{rng.randint(1, 999)}", 1)])
                p.email = user + "@" + wpick(rng, [("mail.ru", 40), ("gmail.com", 35), ("inbox.ru", 8),
                                                    ("list.ru", 5), ("yandex.ru", 7), ("bk.ru", 5)])
        for hh in self.households:
            if hh.get("landline"):
                a0 = hh["members"][0].addr(END)
                if a0.kind == "vil":
                    hh["landline"] = f"871538{rng.randint(20000, 69999)}"
                else:
                    hh["landline"] = f"87152{rng.randint(300000, 699999)}"
                for m in hh["members"]:
                    m.landline = hh["landline"]
            else:
                hh["landline"] = None


# ----------------------------------------------------------------------------------------------------------------
# rendering

RU_MON_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
RU_MON_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
              "ноябрь", "декабрь"]
RU_MON_ABBR = ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."]
KK_MON = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
          "желтоқсан"]


def f_dmy(d, sep=".", pad=True, y2=False):
    y = f"{d.year % 100:02d}" if y2 else str(d.year)
    if pad:
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{y}"
    return f"{d.day}{sep}{d.month}{sep}{y}"


def phone_fmt(rng, ph, style=None):
    if not ph:
        return ""
    n = ph[1:]  # 10 digits
    style = style or wpick(rng, [("plus", 25), ("8", 25), ("8p", 20), ("sp", 15), ("dash", 10), ("10", 5)])
    if style == "plus":
        return "+7" + n
    if style == "8":
        return "8" + n
    if style == "8p":
        return f"8 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}"
    if style == "sp":
        return f"+7 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"
    if style == "dash":
        return f"8-{n[:3]}-{n[3:6]}-{n[6:8]}-{n[8:]}"
    return n


def landline_fmt(ll):
    if not ll:
        return ""
    if ll.startswith("871538"):
        r = ll[6:]
        return f"8 (71538) {r[0]}-{r[1:3]}-{r[3:]}"
    r = ll[5:]
    return f"8 (7152) {r[:2]}-{r[2:4]}-{r[4:]}"


def gen_case(word, case):
    return word.upper() if case == "upper" else (word.lower() if case == "lower" else word)


class Faults:
    VOW = {"cyr": "аеиоуыэяю", "lat": "aeiouy"}

    def __init__(self, rng, name):
        self.rng = rng
        self.name = name
        self.c = {}

    def count(self, k):
        self.c[k] = self.c.get(k, 0) + 1

    def typo(self, s):
        rng = self.rng
        if not s or len(s) < 4:
            return s
        k = rng.random()
        i = rng.randrange(1, len(s) - 1)
        if not s[i].isalpha():
            return s
        self.count("name_typo")
        if k < 0.3:
            return s[:i] + s[i + 1:]
        if k < 0.5:
            return s[:i] + s[i] + s[i:]
        if k < 0.75 and s[i + 1].isalpha():
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        vs = self.VOW["lat"] if s[i].lower() in "abcdefghijklmnopqrstuvwxyz" else self.VOW["cyr"]
        pos = [j for j in range(1, len(s)) if s[j].lower() in vs]
        if not pos:
            return s[:i] + s[i + 1:]
        j = rng.choice(pos)
        ch = rng.choice([v for v in vs if v != s[j].lower()])
        ch = ch.upper() if s[j].isupper() else ch
        return s[:j] + ch + s[j + 1:]

    def slip(self, d):
        rng = self.rng
        self.count("date_slip")
        k = rng.random()
        try:
            if k < 0.3:
                return d + timedelta(days=rng.choice([-1, 1]))
            if k < 0.55 and d.day <= 12 and d.day != d.month:
                return d.replace(day=d.month, month=d.day)
            if k < 0.8:
                return d.replace(year=d.year + rng.choice([-1, 1]))
            dd = int(str(d.day).zfill(2)[::-1])
            if dd != d.day and 1 <= dd <= 28:
                return d.replace(day=dd)
            return d + timedelta(days=rng.choice([-1, 1]))
        except ValueError:
            return d + timedelta(days=1)

    def iin(self, iin, rate, kinds=None):
        """returns the IIN as written (maybe with a typo)"""
        rng = self.rng
        if rng.random() >= rate:
            return iin
        kinds = kinds or [("fail", 38), ("transp", 15), ("d11", 12), ("serial", 11), ("year", 12), ("month", 12)]
        k = wpick(rng, kinds)
        v, kk = iin_fault(rng, iin, k)
        if kk:
            self.count("iin_" + kk)
            if iin_ok(v):
                self.count("iin_typo_valid")
        return v


def kz_schwa(s):
    """Ә typed as the Latin schwa (U+018F/U+0259), as some keyboards and phones give it"""
    return s.replace("ә", "ə").replace("Ә", "Ə")


KEYS_RU = "йцукенгшщзхъфывапролджэячсмитьбю"
KEYS_EN = "qwertyuiop[]asdfghjkl;'zxcvbnm,."


def wrong_layout(s):
    t = str.maketrans(KEYS_RU + KEYS_RU.upper(), KEYS_EN + KEYS_EN.upper())
    return fold(s).replace("ё", "е").translate(t)


# ----------------------------------------------------------------------------------------------------------------
# agency 1: hunting and fishing permits

HUNT_OBJ = ["утка, гусь", "утка", "косуля", "заяц-беляк, лисица", "кабан", "тетерев, куропатка", "гусь", "лось"]
FISH_OBJ = ["карп (сазан)", "щука, окунь", "карась", "лещ, судак", "карп, толстолобик"]
HUNT_PLACE = ["Охотхозяйство «Камышлы»", "ТОО «Бишкульское охотхозяйство»", "Охотхозяйство «Соколовское»",
              "ИП «Аңшы-Есіл»", "Охотхозяйство «Жаркаин»", "ТОО «Сергеевское ОХ»"]
FISH_PLACE = ["оз. Питное", "вдхр. Сергеевское", "оз. Бишкуль", "оз. Большой Тарангул", "пруд «Долматово»",
              "оз. Белое"]
INSPECTORS = ["Сагындыков Е.Т.", "Кравец А.В.", "Жунусова Г.М.", "Литвинов С.П.", "Ибраев Н.К.", "Мухамедьярова Д.С.",
              "Шевчук О.Н.", "Бекмагамбетов Р.А.", "Осадчий И.И."]


def hunt_addr(rng, a, multiline):
    if a.kind == "vil":
        first = f"Кызылжарский р-н, с. {a.town_ru}"
        second = f"ул. {a.st_ru}, д. {a.house}"
    elif a.kind == "pet":
        first = wpick(rng, [("Петропавловск г.", 3), ("г. Петропавловск", 5), ("СКО, г. Петропавловск", 2)])
        second = f"ул. {a.st_ru}, д. {a.house}" + (f", кв. {a.flat}" if a.flat else "")
    else:
        first = f"г. {a.town_ru}"
        second = f"ул. {a.st_ru}, д. {a.house}" + (f", кв. {a.flat}" if a.flat else "")
    return first + ("\n" if multiline else ", ") + second


def make_hunting(pop, seed):
    rng = random.Random(f"eighteenth-{seed}-hunt")
    F = Faults(rng, "hunt")
    insp = []
    for nm in INSPECTORS:
        insp.append({"name": nm, "kk": rng.random() < 0.25, "upper": rng.random() < 0.3,
                     "init": rng.random() < 0.45, "dstyle": wpick(rng, [("abbr", 35), ("full", 40), ("y2", 25)]),
                     "multiline": rng.random() < 0.6})
    events = []
    lo, hi = date(2015, 1, 10), date(2024, 12, 20)
    for p in pop.persons:
        hunter = rng.random() < (0.24 if p.sex == "M" else 0.012)
        fisher = rng.random() < (0.22 if p.sex == "M" else 0.07)
        for kind, on, nw in (("охота", hunter, [(1, 30), (2, 25), (3, 18), (4, 15), (5, 12)]),
                             ("рыболовство", fisher, [(1, 40), (2, 30), (3, 18), (4, 12)])):
            if not on:
                continue
            n = wpick(rng, nw)
            got = 0
            for _ in range(60):
                if got >= n:
                    break
                d = rdate(rng, lo, hi)
                if kind == "охота" and d.month in (1, 2, 6, 7):
                    continue
                if 18 <= age_at(p.dob, d) <= 76 and p.in_sko(d):
                    events.append((d, p.pid, kind, p))
                    got += 1
        if hunter and any(e[1] == p.pid and e[2] == "охота" for e in events[-6:]):
            p.hunt_no = f"СКО-{rng.randint(1000, 99999):06d}"
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    rows, truth = [], []
    seq = {}
    stale_p = {}
    for d, _pid, kind, p in events:
        reps = 2 if rng.random() < 0.02 else 1
        for rep in range(reps):
            ins = rng.choice(insp)
            seq[d.year] = seq.get(d.year, 0) + 1
            num = f"{'ОХ' if kind == 'охота' else 'РБ'}-{d.year}-{seq[d.year]:05d}"
            script = "kk" if (p.grp == "kaz" and ins["kk"]) else "ru"
            s, f, pt = p.parts(d, script)
            if rng.random() < 0.015:
                s = F.typo(s)
            elif rng.random() < 0.012:
                f = F.typo(f)
            style = "init" if (ins["init"] and rng.random() < 0.8) or rng.random() < 0.1 else "full"
            if rep == 1:
                style = "full" if style == "init" else "init"
            if style == "init":
                name = f"{s} {f[0]}." + (f"{pt[0]}." if pt else "")
            else:
                name = " ".join(x for x in (s, f, pt if rng.random() < 0.95 else "") if x)
            if ins["upper"]:
                name = name.upper()
            dob = p.dob
            if rng.random() < 0.01:
                dob = F.slip(dob)
            r = rng.random()
            if r < 0.04:
                dtxt = ""
            elif r < 0.08:
                dtxt = f"{dob.year} г.р."
            else:
                ds = ins["dstyle"] if rng.random() < 0.8 else rng.choice(["abbr", "full", "y2"])
                if ds == "abbr":
                    dtxt = f"{dob.day} {RU_MON_ABBR[dob.month - 1]} {dob.year} г."
                elif ds == "y2":
                    dtxt = f_dmy(dob, y2=True)
                else:
                    dtxt = f_dmy(dob)
            r = rng.random()
            if r < 0.08 or (d.year < 2017 and r < 0.2):
                idv = ""
            elif r < 0.22:
                idv = p.idcard
            else:
                v = F.iin(p.iin, 0.022)
                if rng.random() < 0.004 and p.spouse:
                    v = p.spouse.iin
                    F.count("iin_other_person")
                if rng.random() < 0.05 and len(v) == 12:
                    v = v[:6] + "-" + v[6:]
                idv = v
            a = p.addr(d)
            pa = p.prev_addr(d, within_days=6 * 365)
            if pa is not None and pa.in_sko:
                if p.pid not in stale_p:
                    stale_p[p.pid] = rng.random() < 0.35
                if stale_p[p.pid]:
                    a = pa
                    F.count("stale_address")
            addr = hunt_addr(rng, a, ins["multiline"] and rng.random() < 0.85)
            ph = p.phone(d)
            tel = "" if not ph or rng.random() < 0.1 else phone_fmt(rng, ph, wpick(rng, [("dash", 4), ("8", 3), ("plus", 3)]))
            if kind == "охота":
                obj, place = rng.choice(HUNT_OBJ), rng.choice(HUNT_PLACE)
                d2 = d + timedelta(days=rng.choice([10, 30, 60, 90]))
                fee = rng.choice([3692, 5538, 7384, 11076, 18460, 36920])
            else:
                obj, place = rng.choice(FISH_OBJ), rng.choice(FISH_PLACE)
                d2 = d + timedelta(days=rng.choice([1, 1, 3, 7]))
                fee = rng.choice([1500, 2000, 2500, 3000, 5000])
            ohb = p.hunt_no if (p.hunt_no and (kind == "охота" or rng.random() < 0.3)) else ""
            rows.append([num, f_dmy(d), kind, obj, place, f_dmy(d), f_dmy(d2), name, dtxt, idv, ohb, addr, tel,
                         str(fee), ins["name"]])
            truth.append(p.pid)
    header = ["Номер разрешения", "Дата выдачи", "Вид пользования", "Объекты", "Угодье / водоём", "Срок действия с",
              "Срок действия по", "Пользователь (ФИО)", "Дата рожд.", "ИИН / № уд. личности", "Охотбилет №",
              "Адрес пользователя", "Тел.", "Сбор, тг", "Выдал"]
    buf = io.StringIO()
    buf.write("# Экспорт из ИС «Аңшы-Балықшы» — РГУ «Северо-Казахстанская областная территориальная инспекция лесного "
              "хозяйства и животного мира»\n")
    buf.write("# Отчёт: Реестр выданных разрешений на пользование животным миром (охота, любительское рыболовство)\n")
    buf.write("# Период: 01.01.2015 - 31.12.2024, районы: все, вид: все\n")
    buf.write("# Сформировал: Бекова А.Т., 15.01.2025 10:42\n")
    buf.write("#\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    buf.write(f"# Итого записей: {len(rows)}\n")
    ids = [(str(i + 1), pid) for i, pid in enumerate(truth)]
    return buf.getvalue(), ids, F.c, len(rows)


# ----------------------------------------------------------------------------------------------------------------
# agency 2: the flood's evacuation register (JSON Lines)

PVR = ["СШ №42 (ул. Ауэзова, 186)", "КГУ «Гимназия №2»", "Дворец школьников", "СКУ им. М. Козыбаева, спорткомплекс",
       "Колледж «Жас Өркен», общежитие", "Ледовый дворец «Кулагер»", "Бишкульская СШ", "Санаторий «Жас Канат»"]
VOLS = ["@aigerim_vol", "@petro_help24", "@d_kovalenko", "@nurik_sko", "@vol_asem", "@sasha_mchs_vol", "@zhanna_k_",
        "@pvr42_admin", "@medvedeva_vol", "@erlan_sko_help"]
NEEDS = ["питание", "одежда", "медикаменты", "детское питание", "подгузники", "постельное бельё", "транспорт"]
REL_RU = {"spouseF": "жена", "spouseM": "муж", "sonM": "сын", "sonF": "дочь", "motherF": "мать", "motherM": "отец",
          "gsonM": "внук", "gsonF": "внучка", "inlawF": "свекровь", "inlawM": "свёкор", "tqF": "тёща", "tqM": "тесть"}
REL_KK = {"spouseF": "әйелі", "spouseM": "күйеуі", "sonM": "ұлы", "sonF": "қызы", "motherF": "анасы", "motherM": "әкесі",
          "gsonM": "немересі", "gsonF": "немересі", "inlawF": "енесі", "inlawM": "қайнатасы", "tqF": "енесі",
          "tqM": "қайнатасы"}


def ru_years(n):
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


def evac_addr(rng, a):
    if a.kind == "vil":
        return wpick(rng, [(f"с. {a.town_ru}, ул. {a.st_ru}, {a.house}", 5), (f"{a.town_ru}, {a.st_ru} {a.house}", 3),
                           (f"{a.town_kk} ауылы, {a.st_kk} көшесі, {a.house}", 2)])
    fl = f"-{a.flat}" if a.flat else ""
    return wpick(rng, [(f"{a.st_ru} {a.house}{fl}", 4), (f"г. Петропавловск, ул. {a.st_ru}, {a.house}{fl}", 4),
                       (f"Подгора, {a.st_ru} {a.house}{fl}" if a.podgora else f"ул. {a.st_ru} {a.house}{fl}", 2),
                       (f"{a.st_kk} көшесі, {a.house}{fl}", 1)])


def make_evacuation(pop, seed):
    rng = random.Random(f"eighteenth-{seed}-evac")
    F = Faults(rng, "evac")
    # residents of each flooded address on the day
    by_aid = {}
    for p in pop.persons:
        if not p.in_sko(FLOOD_DAY):
            continue
        a = p.addr(FLOOD_DAY)
        if a.flood:
            by_aid.setdefault(a.aid, []).append(p)
    regs = []
    for aid in sorted(by_aid):
        res = by_aid[aid]
        if rng.random() > 0.8:
            continue
        d = datetime(2024, 4, rng.randint(3, 14), rng.randint(7, 22), rng.randint(0, 59))
        regs.append((d, res))
        if rng.random() < 0.09:  # registered again at another point
            d2 = d + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 8))
            regs.append((d2, res))
            F.count("family_registered_twice")
    regs.sort(key=lambda e: (e[0], e[1][0].pid))
    lines, ids = [], []
    anketa = 1000 + rng.randint(0, 200)
    for d, res in regs:
        dd = d.date()
        res = sorted(res, key=lambda p: p.dob)
        adults = [p for p in res if age_at(p.dob, dd) >= 18]
        men = [p for p in adults if p.sex == "M" and age_at(p.dob, dd) < 75]
        head = None
        if men:
            head = men[0]
            if head.spouse in res and rng.random() < 0.2:
                head = head.spouse
        elif adults:
            head = adults[0]
        else:
            head = res[-1]
        others = [p for p in res if p is not head]
        # an elderly parent of the head or spouse who came with them (their own home may be elsewhere)
        par = [g for q in (head, head.spouse) if q for g in q.parents_link
               if g not in res and g.in_sko(dd)]
        if par and rng.random() < 0.3:
            others.append(par[0])
            F.count("relative_from_other_home")
        # drop someone at a second registration now and then
        if rng.random() < 0.1 and len(others) > 1:
            others = others[:-1]

        def rel(q):
            if q is head.spouse:
                return "spouse" + q.sex
            if q in head.children or (head.spouse and q in head.spouse.children):
                return "son" + q.sex
            if q in head.parents_link or q is head.father or q is head.mother:
                return "mother" + q.sex
            if head.spouse and (q in head.spouse.parents_link):
                return ("inlaw" if head.sex == "F" else "tq") + q.sex
            if q.father in (head, head.spouse) or q.mother in (head, head.spouse):
                return "son" + q.sex
            if (q.father and q.father.father is head) or (q.mother and (q.mother.mother is head)):
                return "gson" + q.sex
            return "son" + q.sex if age_at(q.dob, dd) < age_at(head.dob, dd) - 15 else ("mother" + q.sex)

        order = {"spouse": 0, "son": 1, "gson": 2, "mother": 3, "inlaw": 4, "tq": 4}
        others.sort(key=lambda q: (order[rel(q)[:-1]], q.dob))
        vol = rng.choice(VOLS)
        kk_vol = rng.random() < 0.18

        def name(q, role_head):
            script = "kk" if (q.grp == "kaz" and kk_vol and rng.random() < 0.8) else "ru"
            s, f, pt = q.parts(dd, script)
            if q.marriage and q.sex == "F" and (dd - q.marriage).days < 3 * 365 and len(q.surnames) > 1 \
                    and rng.random() < 0.25:
                s = q.surnames[0][1] if script == "kk" else q.surnames[0][2]
                F.count("maiden_surname")
            if script == "ru" and q.grp == "kaz" and rng.random() < 0.06:
                s, f = EAR.get(s, s), EAR.get(f, f)
            if rng.random() < 0.02:
                s = F.typo(s)
            elif rng.random() < 0.015:
                f = F.typo(f)
            if script == "kk" and rng.random() < 0.1:
                s, f, pt = kz_schwa(s), kz_schwa(f), kz_schwa(pt)
            return s, f, pt

        def dob_text(q, head_style):
            dob = q.dob
            if rng.random() < 0.015:
                dob = F.slip(dob)
            a = age_at(q.dob, dd)
            r = rng.random()
            if head_style:
                opts = [("dmy", 55), ("y2", 8), ("ru", 8), ("y", 6), ("sl", 5), ("glued", 3), ("nopad", 8), ("", 7)]
            elif a < 1:
                opts = [("dmy", 60), ("mon", 25), ("", 5), ("monyear", 10)]
            elif a < 18:
                opts = [("dmy", 50), ("age", 14), ("agekk", 4), ("y", 10), ("monyear", 5), ("nopad", 7), ("", 5),
                        ("ru", 5)]
            else:
                opts = [("dmy", 60), ("y", 10), ("ru", 8), ("age", 5), ("", 8), ("jt", 2), ("nopad", 7)]
            st = wpick(rng, opts)
            if st == "dmy":
                return f_dmy(dob)
            if st == "y2":
                return f_dmy(dob, y2=True)
            if st == "ru":
                return f"{dob.day} {RU_MON_GEN[dob.month - 1]} {dob.year}"
            if st == "y":
                return str(dob.year)
            if st == "sl":
                return f_dmy(dob, sep="/")
            if st == "glued":
                return f"{dob.day:02d}{dob.month:02d}{dob.year}"
            if st == "nopad":
                return f_dmy(dob, pad=False)
            if st == "age":
                return ru_years(a)
            if st == "agekk":
                return f"{a} жас"
            if st == "mon":
                m = (dd.year - q.dob.year) * 12 + dd.month - q.dob.month - (dd.day < q.dob.day)
                return f"{max(m, 0)} мес." if m >= 1 else f_dmy(dob)
            if st == "monyear":
                return f"{RU_MON_NOM[dob.month - 1]} {dob.year}"
            if st == "jt":
                return f"{dob.year} ж.т."
            return ""

        s, f, pt = name(head, True)
        st = wpick(rng, [("SFP", 45), ("SF", 45), ("FS", 5), ("SFPu", 5)])
        hn = {"SFP": f"{s} {f} {pt}".strip(), "SF": f"{s} {f}", "FS": f"{f} {s}", "SFPu": f"{s} {f} {pt}".strip().upper()}[st]
        hiin = F.iin(head.iin, 0.03, [("fail", 30), ("transp", 15), ("d11", 10), ("serial", 10), ("year", 10),
                                       ("month", 10), ("short", 15)]) if rng.random() < 0.8 else ""
        ph = head.phone(dd) or (head.spouse.phone(dd) if head.spouse else None)
        rec = {"Анкета №": anketa, "Дата регистрации": d.strftime("%d.%m.%Y %H:%M"), "ПВР": rng.choice(PVR),
               "Глава семьи": {"ФИО": hn, "Дата рождения": dob_text(head, True), "ИИН": hiin,
                               "Телефон": phone_fmt(rng, ph) if ph else ""}}
        anketa += rng.randint(1, 4)
        rec["Адрес проживания (подтоплен)"] = evac_addr(rng, head.addr(dd))
        rec["Кол-во человек"] = len(others) + 1 + (rng.choice([-1, 1]) if rng.random() < 0.05 else 0)
        rec["Нуждается"] = sorted(rng.sample(NEEDS, rng.randint(0, 3)), key=NEEDS.index)
        rec["Тіркеген"] = vol
        mem = []
        for q in others:
            s, f, pt = name(q, False)
            miin = ""
            if rng.random() < 0.55:
                miin = F.iin(q.iin, 0.03, [("fail", 30), ("transp", 15), ("d11", 10), ("serial", 10), ("year", 10),
                                            ("month", 10), ("short", 15)])
                if rng.random() < 0.006 and head.iin:
                    miin = head.iin
                    F.count("iin_other_person")
            dt = dob_text(q, False)
            st = wpick(rng, [("SF", 45), ("SFP", 25), ("F", 12), ("FS", 8), ("SI", 5), ("SFPu", 5)])
            if st == "F" and not miin:
                st = "SF"
            if st == "SI" and not (miin or dt):
                st = "SF"
            nm = {"SF": f"{s} {f}", "SFP": f"{s} {f} {pt}".strip(), "F": f, "FS": f"{f} {s}", "SI": f"{s} {f[0]}.",
                  "SFPu": f"{s} {f} {pt}".strip().upper()}[st]
            r = rel(q)
            mem.append({"ФИО": nm, "Родство": REL_KK[r] if kk_vol and rng.random() < 0.6 else REL_RU[r],
                        "Д.р./возраст": dt, "ИИН": miin})
        rec["Члены семьи"] = mem
        lines.append(json.dumps(rec, ensure_ascii=False))
        n = len(lines)
        ids.append((str(n), head.pid))
        for k, q in enumerate(others, start=2):
            ids.append((f"{n}#{k}", q.pid))
    return "\n".join(lines) + "\n", ids, F.c, len(lines)


# ----------------------------------------------------------------------------------------------------------------
# agency 3: the regional library's online registration (Google Forms)

SCHOOLS = ["№ 12 мектеп-гимназия", "СОШ № 7", "Гимназия № 2", "КГУ «СШ № 43»", "Бишкульская СШ", "школа-лицей № 1",
           "№ 17 мектеп", "Соколовская СШ", "IT-лицей № 5"]
UNIS = ["СКУ им. М. Козыбаева", "Солтүстік Қазақстан университеті", "Петропавловский гуманитарный колледж",
        "Высший колледж АПК", "Медицинский колледж", "ЕНУ (дистанционно)"]
JOBS = ["КГП «Горводоканал»", "АО «СЕВКАЗЭНЕРГО»", "ИП", "школа", "акимат", "ТОО «Тайынша-Астык»", "поликлиника № 1",
        "АО «ЗИКСТО»", "самозанятый", "Kaspi", "ЦОН"]
LIB_EMAIL = "sko.kitaphana.tirkeu@gmail.com"


def lib_addr(rng, a):
    fl = a.flat
    if a.kind == "vil":
        return wpick(rng, [(f"с. {a.town_ru}, ул. {a.st_ru} {a.house}", 4), (f"{a.town_ru} {a.st_ru} {a.house}", 3),
                           (f"{a.town_kk} ауылы, {a.st_kk} көшесі {a.house}", 2)])
    if a.kind == "oth":
        return f"{a.town_ru}, {a.st_ru} {a.house}" + (f"-{fl}" if fl else "")
    return wpick(rng, [
        (f"{a.st_ru} {a.house}" + (f"-{fl}" if fl else ""), 4),
        (f"г.Петропавловск ул.{a.st_ru} д{a.house}" + (f" кв{fl}" if fl else ""), 2),
        (f"г. Петропавловск, ул. {a.st_ru}, д. {a.house}" + (f", кв. {fl}" if fl else ""), 3),
        (f"Петропавл қ., {a.st_kk} к-сі, {a.house} үй" + (f", {fl} пәтер" if fl else ""), 2),
        (f"{a.st_ru.lower()} {a.house}" + (f"/{fl}" if fl else ""), 1)])


def make_library(pop, seed):
    rng = random.Random(f"eighteenth-{seed}-lib")
    F = Faults(rng, "lib")
    lo, hi = date(2020, 9, 1), date(2024, 12, 20)
    subs = []
    for p in pop.persons:
        d0 = rdate(rng, lo, hi)
        if not p.in_sko(d0) or age_at(p.dob, d0) < 6:
            continue
        a = age_at(p.dob, d0)
        pr = 0.55 if a < 14 else (0.5 if a < 18 else (0.45 if a < 24 else (0.22 if a < 60 else 0.25)))
        if a >= 24 and a < 60 and p.sex == "M":
            pr = 0.12
        if rng.random() > pr:
            continue
        dates = [d0]
        y = d0.year + 1
        while y <= 2024:
            if rng.random() < 0.5:
                dd = rdate(rng, date(y, 1, 10), date(y, 3, 31))
                if p.in_sko(dd):
                    dates.append(dd)
            y += 1
        card = f"ЧБ-{d0.year}-{rng.randint(1, 9999):04d}"
        for dd in dates:
            subs.append((dd, p, card))
            if rng.random() < 0.03:
                subs.append((dd, p, card))  # submitted twice
                F.count("double_submission")
    subs.sort(key=lambda e: (e[0], e[1].pid))
    rows, ids = [], []
    last_ts = {}
    for dd, p, card in subs:
        key = (p.pid, dd)
        ts = datetime(dd.year, dd.month, dd.day, rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59))
        if key in last_ts:
            ts = last_ts[key] + timedelta(seconds=rng.randint(20, 400))
        last_ts[key] = ts
        a = age_at(p.dob, dd)
        child = a < 14
        parent = None
        if child or (a < 18 and rng.random() < 0.1):
            cands = [x for x in (p.mother, p.father) if x is not None and x.alive(dd)]
            if cands:
                parent = cands[0] if rng.random() < 0.72 else cands[-1]
        typist = parent or p
        at_desk = rng.random() < 0.15
        email = LIB_EMAIL if at_desk else (typist.email or (translit(typist.first_ru, "info", prefs={}).lower() + "."
                                                            + translit(typist.sur(dd)[1], "info", prefs={}).lower()
                                                            + "@gmail.com"))
        # the reader's name as typed
        kk_typist = p.grp == "kaz" and rng.random() < 0.45
        s, f, pt = p.parts(dd, "kk" if kk_typist else "ru")
        if rng.random() < 0.05 and f in SHORT:
            f = SHORT[f]
            F.count("short_form")
        if rng.random() < 0.015:
            s = F.typo(s)
        elif rng.random() < 0.012:
            f = F.typo(f)
        if rng.random() < 0.4 or not pt:
            pt = ""
        order = wpick(rng, [("SFP", 55), ("SF", 20), ("FS", 15), ("FPS", 2), ("SFP", 8)])
        parts = {"SFP": [s, f, pt], "SF": [s, f], "FS": [f, s], "FPS": [f, pt, s]}[order]
        name = " ".join(x for x in parts if x)
        if a >= 12 and a < 40 and rng.random() < 0.06:
            pr = info_prefs(rng)
            parts_l = [tcase(translit(x, "info", prefs=pr)) for x in parts if x]
            name = " ".join(parts_l)
            F.count("latin_name")
        elif kk_typist and rng.random() < 0.08:
            name = kz_schwa(name)
            F.count("schwa_letter")
        elif rng.random() < 0.004:
            name = wrong_layout(name)
            F.count("keyboard_layout")
        case = wpick(rng, [("", 75), ("lower", 15), ("upper", 10)])
        name = gen_case(name, case)
        # birth as typed
        dob = p.dob
        if rng.random() < 0.012:
            dob = F.slip(dob)
        st = wpick(rng, [("dmy", 45), ("sl", 8), ("ru", 8), ("kk", 4), ("y2", 6), ("iso", 5), ("glued", 4), ("sp", 4),
                         ("y", 3), ("nopad", 8), ("abbr", 3), ("", 2)])
        btxt = {"dmy": f_dmy(dob), "sl": f_dmy(dob, sep="/"), "ru": f"{dob.day} {RU_MON_GEN[dob.month - 1]} {dob.year}",
                "kk": f"{dob.day} {KK_MON[dob.month - 1]} {dob.year}", "y2": f_dmy(dob, y2=True),
                "iso": dob.isoformat(), "glued": f"{dob.day:02d}{dob.month:02d}{dob.year}",
                "sp": f_dmy(dob, sep=" "), "y": str(dob.year), "nopad": f_dmy(dob, pad=False),
                "abbr": f"{dob.day} {RU_MON_ABBR[dob.month - 1].rstrip('.')} {dob.year}", "": ""}[st]
        # IIN as typed
        iv = ""
        if rng.random() < (0.7 if child else 0.8):
            iv = F.iin(p.iin, 0.035, [("fail", 25), ("transp", 15), ("d11", 8), ("serial", 7), ("year", 8),
                                      ("month", 7), ("short", 22), ("long", 8)])
            if child and parent and rng.random() < 0.02:
                iv = parent.iin
                F.count("iin_other_person")
            if rng.random() < 0.03 and len(iv) == 12:
                iv = f"{iv[:4]} {iv[4:8]} {iv[8:]}"
        addr = lib_addr(rng, p.addr(dd))
        own = p.phone(dd)
        ph = own if (own and not child) else (parent.phone(dd) if parent else own)
        tel = phone_fmt(rng, ph) if ph else ""
        if child:
            cat = "Оқушы / Школьник"
        elif a < 18:
            cat = "Оқушы / Школьник" if rng.random() < 0.85 else "Студент"
        elif a < 24:
            cat = "Студент" if rng.random() < 0.8 else "Жұмыс істейді / Работающий"
        elif a < 63:
            cat = "Жұмыс істейді / Работающий" if rng.random() < 0.8 else "Басқа / Другое"
        else:
            cat = "Зейнеткер / Пенсионер"
        place = rng.choice(SCHOOLS) if a < 18 else (rng.choice(UNIS) if cat == "Студент" else
                                                    ("" if a >= 63 else rng.choice(JOBS)))
        pname = ptel = ""
        if parent is not None and rng.random() < 0.88:
            kk2 = parent.grp == "kaz" and rng.random() < 0.45
            ps, pf, ppt = parent.parts(dd, "kk" if kk2 else "ru")
            if rng.random() < 0.012:
                ps = F.typo(ps)
            pst = wpick(rng, [("SFP", 45), ("SF", 25), ("FS", 12), ("SIO", 13), ("SFPu", 5)])
            if pst == "SIO":
                pname = f"{ps} {pf[0]}." + (f"{ppt[0]}." if ppt else "")
            else:
                pname = {"SFP": f"{ps} {pf} {ppt}".strip(), "SF": f"{ps} {pf}", "FS": f"{pf} {ps}",
                         "SFPu": f"{ps} {pf} {ppt}".strip().upper()}[pst]
            pp = parent.phone(dd)
            ptel = phone_fmt(rng, pp) if pp else ""
        consent = "Иә / Да"
        cardv = card if rng.random() < 0.7 else ""
        rows.append([ts.strftime("%d.%m.%Y %H:%M:%S"), email, name, btxt, iv, addr, tel, cat, place, pname, ptel,
                     consent, cardv])
        n = len(rows)
        ids.append((str(n), p.pid))
        if pname:
            ids.append((f"{n}#2", parent.pid))
    header = ["Отметка времени", "Адрес электронной почты", "Аты-жөні (толық) / Фамилия, имя, отчество (полностью)",
              "Туған күні / Дата рождения", "ЖСН / ИИН", "Тұрғылықты мекенжайы / Адрес проживания",
              "Байланыс телефоны / Контактный телефон", "Санаты / Категория", "Оқу немесе жұмыс орны / Место учёбы или работы",
              "Ата-анасының аты-жөні (14 жасқа дейінгі балалар үшін) / ФИО родителя (для детей до 14 лет)",
              "Ата-анасының телефоны / Телефон родителя",
              "Дербес деректерді өңдеуге келісемін / Согласие на обработку персональных данных",
              "Билет нөмірі (кітапханашы толтырады) / № билета (заполняет библиотекарь)"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue(), ids, F.c, len(rows)


# ----------------------------------------------------------------------------------------------------------------
# agency 4: ice-hockey federation licences (Parquet)

TEAMS_Y = ["Кулагер", "Северная звезда", "Арлан-СКО", "Ледовые барсы", "Жас Қыран"]
TEAMS_A = ["Медведи (НХЛ-любит.)", "Ветераны СКО", "Ишим", "Энергетик", "Тайфун"]
COACHES = ["ПЕТРЕНКО В.А.", "ЖАКИПОВ С.М.", "ГОРБУНОВ Д.И.", "ИСКАКОВ Б.Т.", "ШУЛЬЦ А.Р.", "МАКАРОВ Е.Н.",
           "ТУЛЕГЕНОВ К.А.", "ЛИТВИНЕНКО П.П.", "ДЮСЕНОВ А.Б.", "КИМ В.Е."]


def make_hockey(pop, seed):
    import pyarrow as pa

    rng = random.Random(f"eighteenth-{seed}-hockey")
    F = Faults(rng, "hockey")
    seasons = list(range(2016, 2025))
    regs = []
    for p in pop.persons:
        y0 = p.dob.year
        if p.sex == "M":
            pr = 0.33 if p.grp in SLAVIC + ("ger",) else 0.2
        else:
            pr = 0.05
        # youth
        if y0 >= 1998 and rng.random() < pr:
            start = y0 + rng.randint(6, 10)
            stop = y0 + rng.randint(11, 19)
            for s in seasons:
                if start <= s <= stop:
                    d = date(s, 9, 1) + timedelta(days=rng.randint(0, 60))
                    if p.in_sko(d):
                        regs.append((s, d, p, "youth"))
        # amateurs
        if p.sex == "M" and y0 <= 2003 and y0 >= 1965 and rng.random() < 0.09:
            n = rng.randint(1, 5)
            s0 = rng.choice(seasons)
            for s in range(s0, min(2025, s0 + n)):
                d = date(s, 9, 1) + timedelta(days=rng.randint(0, 75))
                if p.in_sko(d) and 20 <= age_at(p.dob, d) <= 58:
                    regs.append((s, d, p, "adult"))
    extra = []
    for r in regs:
        if rng.random() < 0.04:  # a transfer in the season: a new licence
            extra.append((r[0], r[1] + timedelta(days=rng.randint(30, 120)), r[2], r[3]))
            F.count("transfer_second_licence")
        if rng.random() < 0.01:
            extra.append(r)
            F.count("uploaded_twice")
    regs += extra
    regs.sort(key=lambda e: (e[1], e[2].pid))
    tz6 = timezone(timedelta(hours=6))
    cols = {k: [] for k in ["record_id", "Season", "League", "Team", "Name", "ФИО", "Date of Birth", "Gender",
                            "Nationality", "Personal No.", "Position", "Shoots", "Height", "Weight", "Guardian Name",
                            "Guardian Relation", "Guardian Phone", "Medical Valid Until", "Coach", "Registered At"]}
    ids = []
    seqs = {}
    pinfo = {}
    for s, d, p, kind in regs:
        seqs[s] = seqs.get(s, 0) + 1
        rid = f"QHF-SKO-{s}-{seqs[s]:05d}"
        if p.pid not in pinfo:
            pinfo[p.pid] = {"pos": wpick(rng, [("F", 60), ("D", 30), ("G", 10)]), "sh": "L" if rng.random() < 0.6 else "R",
                            "prefs": info_prefs(rng), "ioc_first": rng.random() < 0.25,
                            "kk": p.grp == "kaz" and rng.random() < 0.3}
        info = pinfo[p.pid]
        a = age_at(p.dob, d)
        # Latin name: from the passport (a child under 14 often has none: the club types it)
        skk, sru = p.sur(d)
        src_s, src_f = (skk, p.first_kk) if p.grp == "kaz" else (sru, p.first_ru)
        if a >= 14 or rng.random() < 0.3:
            sch = p.pass_scheme if a >= 18 else "icao"
            ls, lf = translit(src_s, sch), translit(src_f, sch)
        else:
            ls, lf = translit(sru, "info", prefs=info["prefs"]), translit(p.first_ru, "info", prefs=info["prefs"])
        if rng.random() < 0.01:
            ls = F.typo(ls)
        lname = f"{tcase(lf)} {ls.upper()}" if info["ioc_first"] else f"{ls.upper()} {tcase(lf)}"
        if rng.random() < 0.03:
            lname = None
        # Cyrillic name
        cs, cf, cp = p.parts(d, "kk" if info["kk"] else "ru")
        if rng.random() < 0.012:
            cf = F.typo(cf)
        fio = " ".join(x for x in (cs, cf, cp if rng.random() < 0.8 else "") if x)
        if rng.random() < 0.1:
            fio = fio.upper()
        dob = p.dob
        if rng.random() < 0.008:
            dob = F.slip(dob)
        dob_ts = None if rng.random() < 0.03 else datetime(dob.year, dob.month, dob.day, tzinfo=tz6)
        iv = None if rng.random() < 0.06 else F.iin(p.iin, 0.015)
        g_name = g_rel = g_ph = None
        if a < 18 and rng.random() < 0.85:
            cands = [x for x in (p.mother, p.father) if x is not None and x.alive(d)]
            if cands:
                g = cands[0] if rng.random() < 0.6 else cands[-1]
                gs, gf, gp = g.parts(d, "kk" if (g.grp == "kaz" and rng.random() < 0.3) else "ru")
                gst = wpick(rng, [("SFP", 40), ("SF", 40), ("FS", 10), ("SIO", 10)])
                g_name = {"SFP": f"{gs} {gf} {gp}".strip(), "SF": f"{gs} {gf}", "FS": f"{gf} {gs}",
                          "SIO": f"{gs} {gf[0]}." + (f"{gp[0]}." if gp else "")}[gst]
                g_rel = ("mother" if g.sex == "F" else "father") if rng.random() < 0.5 else (
                    "мать" if g.sex == "F" else "отец")
                gph = g.phone(d)
                g_ph = phone_fmt(rng, gph) if gph else None
                if g_ph is None and g_name and not gp and gst != "SFP":
                    pass
        cols["record_id"].append(rid)
        cols["Season"].append(f"{s}/{(s + 1) % 100:02d}")
        if kind == "youth":
            cols["League"].append(f"ЛЮХ U{min(20, max(8, (s - p.dob.year) + 1 + (s - p.dob.year) % 2))}")
            cols["Team"].append(f"{rng.choice(TEAMS_Y)}-{p.dob.year}")
        else:
            cols["League"].append("НХЛ Любитель 40+" if a >= 40 else "НХЛ Любитель 18+")
            cols["Team"].append(rng.choice(TEAMS_A))
        cols["Name"].append(lname)
        cols["ФИО"].append(fio)
        cols["Date of Birth"].append(dob_ts)
        cols["Gender"].append("M" if p.sex == "M" else "W")
        cols["Nationality"].append("KAZ")
        cols["Personal No."].append(iv)
        cols["Position"].append(info["pos"])
        cols["Shoots"].append(info["sh"])
        h = int(min(195, 78 + a * 6.2 + rng.randint(-5, 5)) if a < 16 else (176 + rng.randint(-8, 14) if p.sex == "M" else 163 + rng.randint(-7, 9)))
        cols["Height"].append(h)
        cols["Weight"].append(int(max(18, (h - 100 if a >= 16 else h * 0.27 + (a - 6) * 1.6) + rng.randint(-5, 10))))
        cols["Guardian Name"].append(g_name)
        cols["Guardian Relation"].append(g_rel if g_name else None)
        cols["Guardian Phone"].append(g_ph if g_name else None)
        cols["Medical Valid Until"].append(d + timedelta(days=rng.randint(150, 365)))
        cols["Coach"].append(rng.choice(COACHES))
        cols["Registered At"].append(datetime(d.year, d.month, d.day, rng.randint(9, 19), rng.randint(0, 59),
                                              tzinfo=tz6))
        ids.append((rid, p.pid))
        if g_name:
            ids.append((f"{rid}#2", g.pid))
    schema = pa.schema([
        ("record_id", pa.string()), ("Season", pa.string()), ("League", pa.string()), ("Team", pa.string()),
        ("Name", pa.string()), ("ФИО", pa.string()), ("Date of Birth", pa.timestamp("ms", tz="+06:00")),
        ("Gender", pa.string()), ("Nationality", pa.string()), ("Personal No.", pa.string()),
        ("Position", pa.string()), ("Shoots", pa.string()), ("Height", pa.int16()), ("Weight", pa.int16()),
        ("Guardian Name", pa.string()), ("Guardian Relation", pa.string()), ("Guardian Phone", pa.string()),
        ("Medical Valid Until", pa.date32()), ("Coach", pa.string()), ("Registered At", pa.timestamp("ms", tz="+06:00")),
    ])
    table = pa.table(cols, schema=schema)
    return table, ids, F.c, len(regs)


# ----------------------------------------------------------------------------------------------------------------
# agency 5: the post office's incoming e-commerce parcels (xlsx)

SHOPS = [("AliExpress (Cainiao)", "CN", 42, "lat"), ("Temu", "CN", 18, "lat"), ("SHEIN", "CN", 8, "lat"),
         ("Ozon Global", "RU", 10, "cyr"), ("Trendyol", "TR", 8, "lat"), ("iHerb", "US", 6, "lat"),
         ("Coupang", "KR", 4, "lat"), ("Amazon", "US", 4, "lat")]
GOODS = ["phone case", "women's dress", "sneakers", "vitamins", "kids toys", "USB cable", "cosmetics", "T-shirt",
         "car accessories", "fishing lures", "bag", "watch strap", "headphones", "books", "LED lamp", "socks"]
POST_OFF = ["Петропавловск-7", "Петропавловск-11", "Петропавловск-3", "Бишкуль ОПС"]


def parcel_addr(rng, a, latin, prefs):
    fl = a.flat
    if latin:
        def L(x):
            return tcase(translit(x, "info", prefs=prefs))
        if a.kind == "vil":
            return wpick(rng, [(f"SKO, Kyzylzhar district, {L(a.town_ru)}, {L(a.st_ru)} {a.house}", 3),
                               (f"{L(a.town_ru)} village, {L(a.st_ru)} street {a.house}", 2)])
        town = L(a.town_ru) if a.kind == "oth" else rng.choice(["Petropavlovsk", "Petropavl", "Petropavlovsk"])
        return wpick(rng, [(f"{town}, ul. {L(a.st_ru)} {a.house}" + (f"-{fl}" if fl else ""), 3),
                           (f"{town}, {L(a.st_ru)} street {a.house}" + (f", apt {fl}" if fl else ""), 3),
                           (f"{L(a.st_ru)} {a.house}" + (f" kv {fl}" if fl else "") + f", {town}", 2)])
    if a.kind == "vil":
        return f"СКО, Кызылжарский р-н, с. {a.town_ru}, ул. {a.st_ru}, {a.house}"
    town = a.town_ru if a.kind == "oth" else "Петропавловск"
    return wpick(rng, [(f"{town}, ул. {a.st_ru}, д. {a.house}" + (f", кв. {fl}" if fl else ""), 4),
                       (f"г. {town}, {a.st_ru} {a.house}" + (f"-{fl}" if fl else ""), 3)])


def make_parcels(pop, seed):
    rng = random.Random(f"eighteenth-{seed}-post")
    F = Faults(rng, "post")
    lo, hi = date(2023, 1, 5), date(2024, 6, 28)
    items = []
    for p in pop.persons:
        mid = date(2023, 9, 30)
        if not p.in_sko(mid) and not p.in_sko(hi):
            continue
        a = age_at(p.dob, mid)
        if not 16 <= a <= 68:
            continue
        if rng.random() > (0.52 if p.sex == "F" else 0.36) * (1.0 if a < 55 else 0.5):
            continue
        n = min(20, 1 + int(rng.expovariate(1 / 2.3)))
        shops = rng.sample(SHOPS, min(len(SHOPS), rng.randint(1, 3)))
        poste = rng.random() < 0.15
        profiles = {}
        for _ in range(n):
            d = rdate(rng, lo, hi)
            if not p.in_sko(d):
                continue
            shop = wpick(rng, [(s, s[2]) for s in shops])
            if shop[0] not in profiles:
                # the profile is typed once, at the first purchase in that shop (maybe years ago)
                dprof = rdate(rng, max(date(2016, 1, 1), add_years(p.dob, 16)), d)
                latin = shop[3] == "lat" and rng.random() < 0.65
                prefs = info_prefs(rng)
                src_kk = p.grp == "kaz" and rng.random() < 0.3
                s, f, pt = p.parts(dprof, "kk" if src_kk else "ru")
                if rng.random() < 0.02:
                    s = F.typo(s)
                if latin:
                    s, f, pt = (tcase(translit(x, "info", prefs=prefs)) if x else x for x in (s, f, pt))
                st = wpick(rng, [("FS", 40), ("SF", 35), ("SFP", 10), ("Fi", 3), ("F", 2), ("SF", 10)])
                nm = {"FS": f"{f} {s}", "SF": f"{s} {f}", "SFP": f"{s} {f} {pt}".strip(), "Fi": f"{f} {s[0]}.",
                      "F": f}[st]
                nm = gen_case(nm, wpick(rng, [("", 70), ("upper", 18), ("lower", 12)]))
                # the IIN typed into the profile
                iv = ""
                if rng.random() < 0.88:
                    iv = F.iin(p.iin, 0.02, [("fail", 30), ("transp", 15), ("d11", 12), ("serial", 10), ("year", 10),
                                              ("month", 8), ("short", 15)])
                    hh_other = [q for q in (p.spouse, p.mother, p.father) if q is not None and q.alive(dprof)
                                and age_at(q.dob, dprof) >= 18]
                    if hh_other and rng.random() < 0.04:
                        iv = rng.choice(hh_other).iin
                        F.count("iin_of_family_member")
                if st in ("Fi", "F") and not iv:
                    nm = gen_case(f"{f} {s}", "")
                ph = p.phone(dprof) or p.phone(d)
                if (rng.random() < 0.08 or not ph) and p.spouse is not None and p.spouse.phone(dprof):
                    ph = p.spouse.phone(dprof)
                    F.count("phone_of_family_member")
                elif not ph and p.mother is not None and p.mother.phone(dprof):
                    ph = p.mother.phone(dprof)
                pa_ = p.addr(dprof)
                if poste:
                    adr = (f"до востребования, ОПС {rng.choice(POST_OFF)}" if not latin
                           else f"Post office {rng.choice(['7', '11', '3'])}, Petropavlovsk, poste restante")
                else:
                    adr = parcel_addr(rng, pa_ if pa_.in_sko else p.addr(d), latin, prefs)
                if pa_ is not p.addr(d):
                    F.count("profile_with_old_address")
                if p.sur(dprof) != p.sur(d):
                    F.count("profile_with_old_surname")
                profiles[shop[0]] = (nm, iv, ph, adr, pa_)
            items.append((d, p, shop, profiles[shop[0]]))
    items.sort(key=lambda e: (e[0], e[1].pid, e[2][0]))
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Реестр"
    header = ["№ п/п", "Трек-номер", "Дата поступления", "Страна", "Отправитель", "Получатель", "ИИН получателя",
              "Телефон получателя", "Адрес доставки", "Индекс", "Вес, кг", "Стоимость, €", "Описание вложения",
              "Статус", "Дата вручения", "Оператор"]
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
    ids = []
    opers = ["Абдрахманова Ж.", "Кузьмина Т.", "Оспанова Г.", "Лях И.", "Нургалиева С."]
    for i, (d, p, shop, prof) in enumerate(items, start=1):
        nm, iv, ph, adr, pa_ = prof
        trk = {"CN": rng.choice(["LP00", "UA", "RB", "CQ", "YT"]), "RU": "RA", "TR": "RT", "US": "LZ", "KR": "EG"}[shop[1]]
        if trk == "LP00":
            tn = f"LP00{rng.randrange(10 ** 9):09d}{rng.randrange(10):d}"
        elif trk == "YT":
            tn = f"YT{rng.randrange(10 ** 16):016d}"
        else:
            tn = f"{trk}{rng.randrange(10 ** 9):09d}{shop[1]}"
        status = wpick(rng, [("Вручено", 88), ("На хранении", 7), ("Возврат", 5)])
        dv = d + timedelta(days=rng.randint(1, 14)) if status == "Вручено" else None
        post = pa_.post if (pa_.in_sko and pa_.post) else "150000"
        ws.append([i, tn, datetime(d.year, d.month, d.day), shop[1], shop[0], nm, iv,
                   phone_fmt(rng, ph) if ph else "", adr, post, round(rng.uniform(0.05, 4.5), 3),
                   round(rng.uniform(2, 180), 2), rng.choice(GOODS), status,
                   datetime(dv.year, dv.month, dv.day) if dv else None, rng.choice(opers)])
        r = ws.max_row
        ws.cell(r, 3).number_format = "DD.MM.YYYY"
        ws.cell(r, 15).number_format = "DD.MM.YYYY"
        ws.cell(r, 7).number_format = "@"
        if status == "Возврат":
            ws.row_dimensions[r].hidden = True
        ids.append((str(i), p.pid))
    n = len(items)
    ws.append(["Итого", None, None, None, None, None, None, None, None, None, f"=SUBTOTAL(109,K2:K{n + 1})",
               f"=SUBTOTAL(109,L2:L{n + 1})", None, None, None, None])
    ws.auto_filter.ref = f"A1:P{n + 1}"
    ws.freeze_panes = "A2"
    for col, wdt in zip("ABCDEFGHIJKLMNOP", [7, 18, 12, 7, 20, 28, 15, 18, 44, 8, 8, 10, 18, 12, 12, 18]):
        ws.column_dimensions[col].width = wdt
    ws2 = wb.create_sheet("Справочник")
    ws2.append(["Код", "Статус", "Примечание"])
    for row in [(1, "Вручено", "выдано получателю"), (2, "На хранении", "хранение 30 дней"),
                (3, "Возврат", "возврат отправителю по истечении срока хранения")]:
        ws2.append(list(row))
    fixed = datetime(2024, 7, 2, 9, 0, 0)
    wb.properties.creator = "Kazpost DWH"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "Kazpost DWH"
    bio = io.BytesIO()
    wb.save(bio)
    return bio.getvalue(), ids, F.c, n


def fix_zip(data: bytes) -> bytes:
    """rewrite an xlsx with fixed entry times and document times, so that the file is byte-identical per seed"""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zin.infolist():
            b = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                b = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>2024-07-02T09:00:00Z\g<3>", b)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 7, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zo.writestr(zi, b)
    return out.getvalue()


# ----------------------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--persons", type=int, default=5000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    pop = Population(a.seed, a.persons)
    truth = []
    stats = {"seed": a.seed, "persons_drawn": len(pop.persons), "households": len(pop.households), "files": {}}

    text, ids, fc, nrows = make_hunting(pop, a.seed)
    with open(os.path.join(a.out, "ohota_ruqsattar.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    truth += [("ohota_ruqsattar.csv", r, p) for r, p in ids]
    stats["files"]["ohota_ruqsattar.csv"] = {"rows": nrows, "person_records": len(ids), "faults": dict(sorted(fc.items()))}

    text, ids, fc, nrows = make_evacuation(pop, a.seed)
    with open(os.path.join(a.out, "evakuatsiya_2024.jsonl"), "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    truth += [("evakuatsiya_2024.jsonl", r, p) for r, p in ids]
    stats["files"]["evakuatsiya_2024.jsonl"] = {"rows": nrows, "person_records": len(ids), "faults": dict(sorted(fc.items()))}

    text, ids, fc, nrows = make_library(pop, a.seed)
    with open(os.path.join(a.out, "kitaphana_tirkeu.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    truth += [("kitaphana_tirkeu.csv", r, p) for r, p in ids]
    stats["files"]["kitaphana_tirkeu.csv"] = {"rows": nrows, "person_records": len(ids), "faults": dict(sorted(fc.items()))}

    import pyarrow.parquet as pq

    table, ids, fc, nrows = make_hockey(pop, a.seed)
    pq.write_table(table, os.path.join(a.out, "hokkei_litsenziya.parquet"), compression="snappy")
    truth += [("hokkei_litsenziya.parquet", r, p) for r, p in ids]
    stats["files"]["hokkei_litsenziya.parquet"] = {"rows": nrows, "person_records": len(ids), "faults": dict(sorted(fc.items()))}

    data, ids, fc, nrows = make_parcels(pop, a.seed)
    with open(os.path.join(a.out, "kazpost_eposylki.xlsx"), "wb") as fh:
        fh.write(fix_zip(data))
    truth += [("kazpost_eposylki.xlsx", r, p) for r, p in ids]
    stats["files"]["kazpost_eposylki.xlsx"] = {"rows": nrows, "person_records": len(ids), "faults": dict(sorted(fc.items()))}

    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "record_id", "person_id"])
        for r in truth:
            w.writerow(r)
    pers = {p for _, _, p in truth}
    byp = {}
    for f, _, p in truth:
        byp.setdefault(p, set()).add(f)
    stats["truth_records"] = len(truth)
    stats["persons_in_extracts"] = len(pers)
    stats["persons_in_two_or_more_files"] = sum(1 for v in byp.values() if len(v) >= 2)
    P = pop.persons
    stats["population"] = {
        "kazakh": sum(p.grp == "kaz" for p in P), "russian": sum(p.grp == "rus" for p in P),
        "other_groups": sum(p.grp not in ("kaz", "rus") for p in P),
        "women_with_two_or_more_surnames": sum(len({s[1] for s in p.surnames}) > 1 for p in P),
        "households_that_moved": sum(1 for h in pop.households if len(h.get("hist", [])) > 1),
        "persons_with_an_address_change_after_18": sum(any(e[0] > add_years(p.dob, 18) for e in p.addrs[1:]) for p in P),
        "deaths": sum(p.death is not None for p in P),
        "living_at_a_flooded_address_2024_04_05": sum(1 for p in P if p.in_sko(FLOOD_DAY) and p.addr(FLOOD_DAY).flood),
    }
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(stats, fh, ensure_ascii=False, indent=1, sort_keys=True)
    print(json.dumps({k: v["person_records"] for k, v in stats["files"].items()}, ensure_ascii=False),
          "truth", len(truth), "persons", len(pers))


if __name__ == "__main__":
    main()
