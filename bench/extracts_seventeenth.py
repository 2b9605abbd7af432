#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A seventeenth linkage writer's generator, written apart from the project: from the linkage issue's text (issue 16),
# the README's linkage part and `ukimet link --help` alone (see bench/extracts_seventeenth.md). Kept as written.
"""Five Kazakhstani agency extracts of one synthetic population, with truth.csv.

python bench/extracts_seventeenth.py --seed S --persons N --out DIR

Writes into DIR:
  zhumyspen_1c.csv            employment centre's job-seeker register, a 1C:Enterprise export
  pkb_kredit.parquet          the credit bureau's contracts: borrower, co-borrower, guarantor (role-suffixed columns)
  smp_103_kartalar.json       the ambulance service's call cards, an ASP.NET JSON response {"d": [...]}
  neke_qiyu.xlsx              a regional imamate's register of nikah ceremonies: groom, bride, two witnesses
  sharuashylyq_kitaby_ocr.csv a rural district's household books 2006-2025, digitised by OCR
  truth.csv                   file,record_id,person_id
  stats.json                  drawn figures and fault counts
Stdlib, openpyxl and pyarrow. Deterministic per seed.
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
EPOCH = dt.datetime(1970, 1, 1)

# ----------------------------------------------------------------------------------------------- small helpers


def rdate(rng, a, b):
    if b < a:
        return a
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def add_years(d, y):
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return d.replace(year=d.year + y, day=28)


def age_at(birth, d):
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def zipf_cw(n, s=1.0):
    cw, acc = [], 0.0
    for i in range(n):
        acc += 1.0 / (i + 1) ** s
        cw.append(acc)
    return cw


def pick(rng, items, cw):
    return rng.choices(items, cum_weights=cw)[0]


KK2RU = str.maketrans({'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и',
                       'Ә': 'А', 'Ғ': 'Г', 'Қ': 'К', 'Ң': 'Н', 'Ө': 'О', 'Ұ': 'У', 'Ү': 'У', 'Һ': 'Х', 'І': 'И'})


def fold(s):
    return s.translate(KK2RU)


LAT = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y',
       'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f',
       'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu',
       'я': 'ya', '-': '-', ' ': ' '}


def translit(s):
    """Russian letters to the Latin a bank's card system uses (old passport scheme), upper case."""
    out = []
    for ch in fold(s).lower():
        out.append(LAT.get(ch, ch))
    return ''.join(out).upper()


CYR_VOW = 'аеиоуыэюяәіөұүё'
LAT_VOW = 'aeiouy'


def case_like(src, ch):
    return ch.upper() if src.isupper() else ch


def typo(s, rng):
    """A keyboard slip: a letter dropped, doubled, two swapped, or a vowel changed."""
    if len(s) < 4:
        return s
    for _ in range(10):
        k = rng.random()
        i = rng.randint(1, len(s) - 2)
        if not s[i].isalpha():
            continue
        if k < 0.3:
            t = s[:i] + s[i + 1:]
        elif k < 0.5:
            t = s[:i] + s[i] + s[i:]
        elif k < 0.75:
            if not s[i + 1].isalpha() or s[i] == s[i + 1]:
                continue
            t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        else:
            vows = LAT_VOW if s[i].lower() in 'abcdefghijklmnopqrstuvwxyz' else 'аеиоуы'
            if s[i].lower() not in vows and s[i].lower() not in CYR_VOW:
                continue
            ch = rng.choice([v for v in vows if v != s[i].lower()])
            t = s[:i] + case_like(s[i], ch) + s[i + 1:]
        if t != s:
            return t
    return s


# ----------------------------------------------------------------------------------------------- IIN / BIN

W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def check_digit(d11):
    s = sum(int(c) * w for c, w in zip(d11, W1)) % 11
    if s == 10:
        s = sum(int(c) * w for c, w in zip(d11, W2)) % 11
        if s == 10:
            return None
    return s


def iin_valid(s):
    if len(s) != 12 or not s.isdigit():
        return False
    c = check_digit(s[:11])
    return c is not None and c == int(s[11])


def century_digit(birth, sex):
    if birth.year >= 2000:
        return '5' if sex == 'M' else '6'
    return '3' if sex == 'M' else '4'


def make_iin(birth, sex, rng, used):
    head = '%02d%02d%02d%s' % (birth.year % 100, birth.month, birth.day, century_digit(birth, sex))
    while True:
        body = head + '%04d' % rng.randint(1, 9999)
        c = check_digit(body)
        if c is None:
            continue
        s = body + str(c)
        if s not in used:
            used.add(s)
            return s


def make_bin(rng, used):
    while True:
        body = '%02d%02d4%d%05d' % (rng.randint(0, 23), rng.randint(1, 12), rng.choice([0, 1]), rng.randint(0, 99999))
        c = check_digit(body)
        if c is None:
            continue
        s = body + str(c)
        if s not in used:
            used.add(s)
            return s


def recheck(d11):
    c = check_digit(d11)
    return None if c is None else d11 + str(c)


def iin_typo(iin, rng):
    """Returns (typed IIN, kind). About 45 % of the kinds still pass the check digit."""
    r = rng.random()
    if r < 0.40:
        for _ in range(30):
            i = rng.randint(0, 11)
            t = iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:]
            if not iin_valid(t):
                return t, 'fails_check'
    if r < 0.55:
        for _ in range(30):
            i = rng.randint(0, 10)
            if iin[i] != iin[i + 1]:
                t = iin[:i] + iin[i + 1] + iin[i] + iin[i + 2:]
                return t, 'transposed' + ('_passes' if iin_valid(t) else '')
    if r < 0.68:
        for _ in range(30):
            t = iin[:10] + str((int(iin[10]) + rng.randint(1, 9)) % 10) + iin[11]
            if iin_valid(t):
                return t, 'digit11_passes'
    if r < 0.82:
        for _ in range(30):
            i = rng.randint(7, 10)
            t = recheck(iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:11])
            if t and t != iin:
                return t, 'serial_recomputed'
    if r < 0.93:
        for _ in range(30):
            dd = int(iin[4:6])
            nd = dd + rng.choice([-10, -1, 1, 10])
            if 1 <= nd <= 28:
                t = recheck(iin[:4] + '%02d' % nd + iin[6:11])
                if t:
                    return t, 'day_recomputed'
    for _ in range(30):
        sd = {'3': '4', '4': '3', '5': '6', '6': '5'}[iin[6]]
        t = recheck(iin[:6] + sd + iin[7:11])
        if t:
            return t, 'sexdigit_recomputed'
        t = recheck(iin[:6] + sd + iin[7:10] + str(rng.randint(0, 9)))
        if t:
            return t, 'sexdigit_recomputed'
    return iin[:11] + str((int(iin[11]) + 1) % 10), 'fails_check'


# ----------------------------------------------------------------------------------------------- names

KZ_M_NEW = [('Нұрлан', 'Нурлан'), ('Ерлан', 'Ерлан'), ('Асхат', 'Асхат'), ('Бауыржан', 'Бауыржан'), ('Ержан', 'Ержан'),
            ('Дәурен', 'Даурен'), ('Қайрат', 'Кайрат'), ('Арман', 'Арман'), ('Айбек', 'Айбек'), ('Ерболат', 'Ерболат'),
            ('Жандос', 'Жандос'), ('Дархан', 'Дархан'), ('Мұрат', 'Мурат'), ('Ернар', 'Ернар'), ('Әлихан', 'Алихан'),
            ('Санжар', 'Санжар'), ('Бекзат', 'Бекзат'), ('Олжас', 'Олжас'), ('Темірлан', 'Темирлан'), ('Рустем', 'Рустем'),
            ('Жасұлан', 'Жасулан'), ('Асқар', 'Аскар'), ('Берік', 'Берик'), ('Қанат', 'Канат'), ('Мейрам', 'Мейрам'),
            ('Ерасыл', 'Ерасыл'), ('Нұрбол', 'Нурбол'), ('Дидар', 'Дидар'), ('Алмас', 'Алмас'), ('Еркебұлан', 'Еркебулан'),
            ('Шыңғыс', 'Чингиз'), ('Данияр', 'Данияр'), ('Самат', 'Самат'), ('Әлібек', 'Алибек'), ('Бақытжан', 'Бахытжан'),
            ('Мақсат', 'Максат'), ('Ілияс', 'Ильяс'), ('Ислам', 'Ислам'), ('Айдос', 'Айдос'), ('Сұлтан', 'Султан'),
            ('Қуаныш', 'Куаныш'), ('Абылай', 'Абылай'), ('Айдар', 'Айдар'), ('Медеу', 'Медеу'), ('Бейбіт', 'Бейбит'),
            ('Нұрсұлтан', 'Нурсултан'), ('Әділет', 'Адилет'), ('Серік', 'Серик'), ('Талғат', 'Талгат'), ('Ғалым', 'Галым'),
            ('Марат', 'Марат'), ('Болат', 'Болат'), ('Досжан', 'Досжан'), ('Ақжол', 'Акжол'), ('Нұрислам', 'Нурислам')]
KZ_M_OLD = [('Серік', 'Серик'), ('Марат', 'Марат'), ('Болат', 'Болат'), ('Төлеген', 'Тулеген'), ('Амангелді', 'Амангельды'),
            ('Жұмабек', 'Жумабек'), ('Серікбай', 'Серикбай'), ('Оспан', 'Оспан'), ('Омар', 'Омар'), ('Мұхтар', 'Мухтар'),
            ('Бақыт', 'Бахыт'), ('Қуандық', 'Куандык'), ('Жақып', 'Жакып'), ('Сейтқали', 'Сейткали'), ('Талғат', 'Талгат'),
            ('Әбдірахман', 'Абдрахман'), ('Қасым', 'Касым'), ('Есен', 'Есен'), ('Бекболат', 'Бекболат'), ('Жұмаш', 'Жумаш'),
            ('Ғабит', 'Габит'), ('Тұрсын', 'Турсун'), ('Сағындық', 'Сагындык'), ('Кеңес', 'Кенес'), ('Ғалым', 'Галым'),
            ('Мырзахмет', 'Мырзахмет'), ('Хамит', 'Хамит'), ('Рахым', 'Рахим'), ('Нұрлан', 'Нурлан'), ('Қайрат', 'Кайрат'),
            ('Мұрат', 'Мурат'), ('Ерлан', 'Ерлан'), ('Берік', 'Берик'), ('Асқар', 'Аскар'), ('Жанат', 'Жанат')]
KZ_F_NEW = [('Айгүл', 'Айгуль'), ('Әсел', 'Асель'), ('Айжан', 'Айжан'), ('Динара', 'Динара'), ('Ақбота', 'Акбота'),
            ('Аружан', 'Аружан'), ('Меруерт', 'Меруерт'), ('Дана', 'Дана'), ('Әйгерім', 'Айгерим'), ('Салтанат', 'Салтанат'),
            ('Назгүл', 'Назгуль'), ('Жұлдыз', 'Жулдыз'), ('Томирис', 'Томирис'), ('Айсұлу', 'Айсулу'), ('Балжан', 'Балжан'),
            ('Ботагөз', 'Ботагоз'), ('Камила', 'Камила'), ('Мадина', 'Мадина'), ('Іңкәр', 'Инкар'), ('Жансая', 'Жансая'),
            ('Перизат', 'Перизат'), ('Мөлдір', 'Мольдир'), ('Айнұр', 'Айнур'), ('Гүлнұр', 'Гульнур'), ('Арайлым', 'Арайлым'),
            ('Нұрай', 'Нурай'), ('Асем', 'Асем'), ('Ұлжан', 'Улжан'), ('Дильназ', 'Дильназ'), ('Сабина', 'Сабина'),
            ('Әлия', 'Алия'), ('Назерке', 'Назерке'), ('Балнұр', 'Балнур'), ('Індира', 'Индира'), ('Гүлмира', 'Гульмира'),
            ('Жанар', 'Жанар'), ('Сәуле', 'Сауле'), ('Гүлнар', 'Гульнар'), ('Айдана', 'Айдана'), ('Жадыра', 'Жадыра')]
KZ_F_OLD = [('Гүлнар', 'Гульнар'), ('Жанар', 'Жанар'), ('Сәуле', 'Сауле'), ('Гүлмира', 'Гульмира'), ('Күләш', 'Куляш'),
            ('Бибігүл', 'Бибигуль'), ('Зәуре', 'Зауре'), ('Роза', 'Роза'), ('Раушан', 'Раушан'), ('Күлпаш', 'Кульпаш'),
            ('Бәтима', 'Батима'), ('Қанипа', 'Канипа'), ('Зейнеп', 'Зейнеп'), ('Ұлбосын', 'Улбосын'), ('Гүлсім', 'Гульсим'),
            ('Мәншүк', 'Маншук'), ('Сара', 'Сара'), ('Алтын', 'Алтын'), ('Жамал', 'Жамал'), ('Бақытгүл', 'Бахытгуль'),
            ('Күлжан', 'Кульжан'), ('Ләззат', 'Ляззат'), ('Айгүл', 'Айгуль'), ('Гүлжан', 'Гульжан'), ('Шынар', 'Шынар'),
            ('Салтанат', 'Салтанат'), ('Динара', 'Динара'), ('Жұлдыз', 'Жулдыз')]
KZ_SUR = [('Ахметов', 'Ахметов'), ('Омаров', 'Омаров'), ('Сейітов', 'Сеитов'), ('Жұмабаев', 'Жумабаев'),
          ('Нұрпейісов', 'Нурпеисов'), ('Тоқтаров', 'Токтаров'), ('Серіков', 'Сериков'), ('Қасымов', 'Касымов'),
          ('Әбенов', 'Абенов'), ('Есенов', 'Есенов'), ('Ысқақов', 'Искаков'), ('Дүйсенов', 'Дюсенов'),
          ('Сәрсенов', 'Сарсенов'), ('Мұқанов', 'Муканов'), ('Бекмұратов', 'Бекмуратов'), ('Оспанов', 'Оспанов'),
          ('Ержанов', 'Ержанов'), ('Қалиев', 'Калиев'), ('Тұрсынов', 'Турсунов'), ('Жақыпов', 'Жакупов'),
          ('Әлиев', 'Алиев'), ('Сүлейменов', 'Сулейменов'), ('Байжанов', 'Байжанов'), ('Кенжебаев', 'Кенжебаев'),
          ('Төлеубаев', 'Тулеубаев'), ('Бейсенов', 'Бейсенов'), ('Жақсыбеков', 'Жаксыбеков'), ('Жәнібеков', 'Жанибеков'),
          ('Жұмағұлов', 'Жумагулов'), ('Ибраев', 'Ибраев'), ('Садықов', 'Садыков'), ('Смағұлов', 'Смагулов'),
          ('Қожахметов', 'Кожахметов'), ('Мамыров', 'Мамыров'), ('Рахымов', 'Рахимов'), ('Исабеков', 'Исабеков'),
          ('Нұрланов', 'Нурланов'), ('Шәріпов', 'Шарипов'), ('Байтұрсынов', 'Байтурсынов'), ('Жүсіпов', 'Жусупов'),
          ('Әбдірахманов', 'Абдрахманов'), ('Мұсабаев', 'Мусабаев'), ('Құдайбергенов', 'Кудайбергенов'),
          ('Әміров', 'Амиров'), ('Бекетов', 'Бекетов'), ('Нұрмағамбетов', 'Нурмагамбетов'), ('Дәулетов', 'Даулетов'),
          ('Сапаров', 'Сапаров'), ('Үсенов', 'Усенов'), ('Қабдолов', 'Кабдолов'), ('Ерғалиев', 'Ергалиев'),
          ('Тәжібаев', 'Тажибаев'), ('Маханов', 'Маханов'), ('Оразбаев', 'Оразбаев'), ('Иманов', 'Иманов'),
          ('Жолдасбеков', 'Жолдасбеков'), ('Ахметжанов', 'Ахметжанов'), ('Қуанышев', 'Куанышев'), ('Төлеев', 'Тулеев'),
          ('Мұхамеджанов', 'Мухамеджанов'), ('Сейфуллин', 'Сейфуллин'), ('Шайхин', 'Шайхин')]
KZ_SUR_INV = [('Тоқтар', 'Токтар'), ('Бекмырза', 'Бекмырза'), ('Нұрмұхан', 'Нурмухан'), ('Әбділда', 'Абдильда'),
              ('Бегалы', 'Бегалы'), ('Жақсылық', 'Жаксылык')]
# Spellings of Soviet-era documents (the 1950s-1980s Russian rendering) beside today's usual Russian ones
SOVIET = {'Жумабаев': 'Джумабаев', 'Жаксыбеков': 'Джаксыбеков', 'Жанибеков': 'Джанибеков', 'Жумагулов': 'Джумагулов',
          'Жусупов': 'Джусупов', 'Жакупов': 'Джакупов', 'Кенжебаев': 'Кенжибаев', 'Тулеубаев': 'Тлеубаев',
          'Дюсенов': 'Дюйсенов', 'Сулейменов': 'Сулейманов', 'Жолдасбеков': 'Джолдасбеков',
          'Ахметжанов': 'Ахметджанов', 'Байтурсынов': 'Байтурсинов',
          'Жумабек': 'Джумабек', 'Жакып': 'Джакип', 'Жанар': 'Джанар', 'Жумаш': 'Джумаш', 'Бахыт': 'Бахит',
          'Жулдыз': 'Джульдыз', 'Галым': 'Галим', 'Абдрахман': 'Абдурахман', 'Тулеген': 'Тлеген', 'Жанат': 'Джанат',
          'Кенес': 'Кенес', 'Шынар': 'Шинар', 'Канипа': 'Ханипа', 'Сагындык': 'Сагиндык', 'Кульжан': 'Кульжан',
          'Гульсим': 'Гульсум', 'Батима': 'Батима', 'Турсун': 'Турсун', 'Мырзахмет': 'Мирзахмет'}

RU_M = ['Александр', 'Сергей', 'Андрей', 'Дмитрий', 'Алексей', 'Владимир', 'Евгений', 'Игорь', 'Николай', 'Михаил',
        'Виктор', 'Юрий', 'Олег', 'Павел', 'Артём', 'Максим', 'Иван', 'Роман', 'Денис', 'Константин', 'Илья', 'Кирилл',
        'Никита', 'Вадим', 'Геннадий', 'Анатолий', 'Валерий', 'Вячеслав', 'Станислав', 'Егор']
RU_F = ['Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Анна', 'Екатерина', 'Марина', 'Юлия', 'Мария',
        'Людмила', 'Галина', 'Валентина', 'Оксана', 'Анастасия', 'Дарья', 'Алёна', 'Ксения', 'Виктория', 'Надежда',
        'Любовь', 'Вера', 'Полина', 'Софья', 'Александра', 'Евгения', 'Лариса', 'Нина', 'Тамара']
RU_SUR = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
          'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
          'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
          'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев',
          'Киселёв', 'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов',
          'Тарасов', 'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Богданов', 'Осипов', 'Сидоров',
          'Матвеев', 'Титов', 'Марков', 'Миронов', 'Крылов', 'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов',
          'Ковальский', 'Шубин', 'Голубев']
UA_SUR = ['Шевченко', 'Бондаренко', 'Коваленко', 'Ткаченко', 'Кравченко', 'Олейник', 'Шевчук', 'Мельник', 'Бойко',
          'Ткачук', 'Лысенко', 'Савченко', 'Руденко', 'Гончаренко', 'Марченко', 'Приходько']
DE_SUR = ['Шмидт', 'Миллер', 'Вебер', 'Шнайдер', 'Фишер', 'Майер', 'Вагнер', 'Беккер', 'Шульц', 'Гофман', 'Циммерман',
          'Кох', 'Рихтер', 'Кауфман', 'Браун', 'Классен']
DE_M = ['Александр', 'Владимир', 'Андрей', 'Виктор', 'Вальтер', 'Эдуард', 'Роберт', 'Евгений', 'Сергей', 'Иван', 'Давид']
DE_F = ['Эльза', 'Ирма', 'Лидия', 'Ольга', 'Елена', 'Наталья', 'Ирина', 'Татьяна', 'Мария', 'Анна', 'Эмма']
KO_SUR = ['Ким', 'Пак', 'Ли', 'Цой', 'Тен', 'Хван', 'Шин', 'Югай', 'Пай', 'Ни', 'Хегай', 'Огай']
TT_SUR = ['Хабибуллин', 'Галиев', 'Сафин', 'Гарипов', 'Валиев', 'Ахмадуллин', 'Закиров', 'Мухаметов', 'Шайхутдинов',
          'Набиуллин', 'Гайнуллин', 'Фаттахов']
TT_M = ['Ринат', 'Ильдар', 'Рустам', 'Айдар', 'Марат', 'Руслан', 'Тимур', 'Альберт', 'Рафаэль', 'Ильнур', 'Азат', 'Рамиль']
TT_F = ['Гульнара', 'Эльвира', 'Альфия', 'Лилия', 'Алсу', 'Зульфия', 'Резеда', 'Венера', 'Гузель', 'Лейсан', 'Диляра']
UZ_SUR = ['Юсупов', 'Рахимов', 'Каримов', 'Усманов', 'Абдуллаев', 'Турсунов', 'Исмаилов', 'Алимов', 'Хасанов', 'Мирзаев',
          'Назаров', 'Умаров', 'Ташпулатов']
UZ_M = ['Бахтияр', 'Шухрат', 'Улугбек', 'Рустам', 'Фарход', 'Шерзод', 'Жасур', 'Азиз', 'Бобур', 'Анвар', 'Акмал']
UZ_F = ['Дилноза', 'Нигора', 'Гулноза', 'Феруза', 'Мохира', 'Шахноза', 'Зарина', 'Малика', 'Нилуфар']
UG_SUR = ['Масимов', 'Исмаилов', 'Нурахунов', 'Садыров', 'Турдиев', 'Розахунов', 'Хамраев', 'Аширов', 'Мамутов', 'Юнусов']
UG_M = ['Дильшат', 'Ильяр', 'Нурахмет', 'Мурат', 'Шухрат', 'Алим', 'Ильхам', 'Пархат', 'Арслан']
UG_F = ['Дильназ', 'Мадина', 'Рейхан', 'Гулнур', 'Зухра', 'Патигуль', 'Гулия', 'Мукаддас']

GROUPS = ['kz', 'ru', 'uz', 'ua', 'tt', 'ug', 'de', 'ko']
GROUP_W = [0.67, 0.16, 0.035, 0.03, 0.03, 0.02, 0.02, 0.015]
MUSLIM = {'kz', 'uz', 'tt', 'ug'}
NATION_RU = {'kz': ('казах', 'казашка'), 'ru': ('русский', 'русская'), 'uz': ('узбек', 'узбечка'),
             'ua': ('украинец', 'украинка'), 'tt': ('татарин', 'татарка'), 'ug': ('уйгур', 'уйгурка'),
             'de': ('немец', 'немка'), 'ko': ('кореец', 'кореянка')}
NATION_KK = {'kz': 'қазақ', 'ru': 'орыс', 'uz': 'өзбек', 'ua': 'украин', 'tt': 'татар', 'ug': 'ұйғыр', 'de': 'неміс',
             'ko': 'корей'}

SHORT_RU = {'Александр': 'Саша', 'Александра': 'Саша', 'Дмитрий': 'Дима', 'Евгений': 'Женя', 'Евгения': 'Женя',
            'Сергей': 'Серёжа', 'Елена': 'Лена', 'Татьяна': 'Таня', 'Ольга': 'Оля', 'Наталья': 'Наташа',
            'Светлана': 'Света', 'Мария': 'Маша', 'Николай': 'Коля', 'Владимир': 'Володя', 'Михаил': 'Миша',
            'Алексей': 'Лёша', 'Екатерина': 'Катя', 'Анастасия': 'Настя', 'Юлия': 'Юля', 'Ирина': 'Ира',
            'Виктор': 'Витя', 'Павел': 'Паша', 'Анна': 'Аня', 'Людмила': 'Люда', 'Галина': 'Галя',
            'Валентина': 'Валя', 'Надежда': 'Надя', 'Бауыржан': 'Бауке', 'Нурлан': 'Нурке'}

# by ear: what a dispatcher types from a caller's voice (Russian letters)
EAR_RULES = [('уыр', 'ур'), ('ерим', 'ирим'), ('уль', 'ул'), ('ль', 'л'), ('ы', 'и'), ('х', 'к'), ('Х', 'К'),
             ('Ж', 'Дж'), ('нн', 'н'), ('сс', 'с'), ('ю', 'у'), ('Е', 'Э'), ('о', 'а'), ('ия', 'ья'), ('ай', 'ей'),
             ('ев', 'иев'), ('гали', 'гале'), ('жан', 'джан')]

OCR_LET = [('и', 'н'), ('н', 'и'), ('ш', 'щ'), ('е', 'с'), ('б', '6'), ('З', '3'), ('О', '0'), ('о', '0'), ('ь', 'ы'),
           ('л', 'п'), ('т', 'г'), ('ц', 'щ'), ('в', 'з'), ('к', 'х'), ('а', 'о'), ('й', 'и'), ('ё', 'е'), ('Ж', 'Х'),
           ('ж', 'х'), ('м', 'ш')]
OCR_DIG = {'3': '8', '8': '3', '1': '7', '7': '1', '5': '6', '6': '5', '0': '8', '9': '0'}


def fem(sur):
    for e in ('ов', 'ев', 'ёв', 'ин', 'ын'):
        if sur.endswith(e):
            return sur + 'а'
    if sur.endswith('ский') or sur.endswith('цкий'):
        return sur[:-2] + 'ая'
    return sur


def pat_ru(name, sex):
    """Russian-form patronymic from a father's first name (as written: Russian letters or Kazakh ones)."""
    special = {'Илья': ('Ильич', 'Ильинична'), 'Никита': ('Никитич', 'Никитична'), 'Павел': ('Павлович', 'Павловна'),
               'Лев': ('Львович', 'Львовна')}
    if name in special:
        return special[name][0 if sex == 'M' else 1]
    m, f = 'ович', 'овна'
    if name.endswith('ий'):
        stem, m, f = name[:-2], 'ьевич', 'ьевна'
    elif name.endswith('й'):
        stem, m, f = name[:-1], 'евич', 'евна'
    elif name.endswith('ь'):
        stem, m, f = name[:-1], 'евич', 'евна'
    elif name[-1] in 'жшчщцие':
        stem, m, f = name, 'евич', 'евна'
    elif name[-1] in 'ауыоэюяәіөұү':
        stem = name
    else:
        stem = name
    return stem + (m if sex == 'M' else f)


def uly(name_kk, sex):
    return name_kk + ('ұлы' if sex == 'M' else 'қызы')


def ov_from(name, sex):
    stem = name
    suf = 'ев' if name[-1] in 'йиеуіаә' else 'ов'
    if name.endswith('й'):
        stem = name[:-1]
    s = stem + suf
    return s if sex == 'M' else s + 'а'


# ----------------------------------------------------------------------------------------------- places

# kk, ru, oblast (ru), postcode base, landline code, weight; Karaganda oblast first, then other regions
TOWNS = [('Қарағанды', 'Караганда', 'Карагандинская обл', 100000, '7212', 44),
         ('Теміртау', 'Темиртау', 'Карагандинская обл', 101400, '7213', 12),
         ('Балқаш', 'Балхаш', 'Карагандинская обл', 100300, '71036', 5),
         ('Жезқазған', 'Жезказган', 'Карагандинская обл', 100600, '7102', 5),
         ('Саран', 'Сарань', 'Карагандинская обл', 101200, '72137', 3),
         ('Шахтинск', 'Шахтинск', 'Карагандинская обл', 101600, '72156', 3),
         ('Абай', 'Абай', 'Карагандинская обл', 101100, '72131', 2),
         ('Астана', 'Астана', '', 10000, '7172', 9),
         ('Алматы', 'Алматы', '', 50000, '727', 7),
         ('Павлодар', 'Павлодар', 'Павлодарская обл', 140000, '7182', 3),
         ('Өскемен', 'Усть-Каменогорск', 'Восточно-Казахстанская обл', 70000, '7232', 2)]
OBLAST_TOWNS = 7
TOWN_W = [t[5] for t in TOWNS]
# villages of Бухар-Жырауский district (Karaganda oblast)
VILLAGES = [('Ботақара', 'Ботакара', 'кенті', 'пос.', 100800, 30), ('Көкпекті', 'Кокпекты', 'ауылы', 'с.', 100810, 20),
            ('Доскей', 'Доскей', 'ауылы', 'с.', 100812, 15), ('Үміткер', 'Умиткер', 'ауылы', 'с.', 100815, 12),
            ('Ғабиден Мұстафин', 'Габидена Мустафина', 'кенті', 'пос.', 100820, 14),
            ('Тұзды', 'Тузды', 'ауылы', 'с.', 100825, 9)]
VILL_W = [v[5] for v in VILLAGES]

CITY_STREETS = [('Ерубаев', 'көшесі', 'Ерубаева', 'ул.'), ('Бұқар жырау', 'даңғылы', 'Бухар жырау', 'пр.'),
                ('Абай', 'көшесі', 'Абая', 'ул.'), ('Гоголь', 'көшесі', 'Гоголя', 'ул.'),
                ('Жамбыл', 'көшесі', 'Жамбыла', 'ул.'), ('Қазыбек би', 'көшесі', 'Казыбек би', 'ул.'),
                ('Сәтбаев', 'көшесі', 'Сатпаева', 'ул.'), ('Төле би', 'көшесі', 'Толе би', 'ул.'),
                ('Мұқанов', 'көшесі', 'Муканова', 'ул.'), ('Пушкин', 'көшесі', 'Пушкина', 'ул.'),
                ('Құрылысшылар', 'даңғылы', 'Строителей', 'пр.'), ('Мәметова', 'көшесі', 'Маметовой', 'ул.'),
                ('Республика', 'даңғылы', 'Республики', 'пр.'), ('Нұркен Әбдіров', 'даңғылы', 'Нуркена Абдирова', 'пр.'),
                ('Шахтерлер', 'даңғылы', 'Шахтёров', 'пр.'), ('Ермеков', 'көшесі', 'Ермекова', 'ул.'),
                ('Әлиханов', 'көшесі', 'Алиханова', 'ул.'), ('Бейбітшілік', 'бульвары', 'Мира', 'бул.'),
                ('Гапеев', 'көшесі', 'Гапеева', 'ул.'), ('Лобода', 'көшесі', 'Лободы', 'ул.'),
                ('Сейфуллин', 'көшесі', 'Сейфуллина', 'ул.'), ('Қарасай батыр', 'көшесі', 'Карасай батыра', 'ул.'),
                ('Шығыс-1', 'шағын ауданы', 'Восток-1', 'мкр.'), ('Шығыс-2', 'шағын ауданы', 'Восток-2', 'мкр.'),
                ('Степной-3', 'шағын ауданы', 'Степной-3', 'мкр.'), ('Гүлдер-1', 'шағын ауданы', 'Гульдер-1', 'мкр.'),
                ('Орбита', 'шағын ауданы', 'Орбита', 'мкр.'), ('Жастар', 'шағын ауданы', 'Жастар', 'мкр.')]
VILL_STREETS = [('Орталық', 'көшесі', 'Центральная', 'ул.'), ('Абай', 'көшесі', 'Абая', 'ул.'),
                ('Бейбітшілік', 'көшесі', 'Мира', 'ул.'), ('Мектеп', 'көшесі', 'Школьная', 'ул.'),
                ('Жастар', 'көшесі', 'Молодёжная', 'ул.'), ('Достық', 'көшесі', 'Дружбы', 'ул.'),
                ('Тәуелсіздік', 'көшесі', 'Независимости', 'ул.'), ('Бірлік', 'көшесі', 'Единства', 'ул.'),
                ('Жеңіс', 'көшесі', 'Победы', 'ул.'), ('Ленин', 'көшесі', 'Ленина', 'ул.')]
KK_SHORT = {'көшесі': 'к-сі', 'даңғылы': 'даңғ.', 'шағын ауданы': 'ш/а', 'бульвары': 'бул.'}
TYPE_1C = {'ул.': 'ул', 'пр.': 'пр-кт', 'мкр.': 'мкр', 'бул.': 'б-р'}
TYPE_BANK = {'ул.': 'УЛ.', 'пр.': 'ПР.', 'мкр.': 'МКР.', 'бул.': 'БУЛ.'}


class Addr:
    __slots__ = ('village', 'place', 'street', 'house', 'flat')

    def __init__(self, village, place, street, house, flat):
        self.village, self.place, self.street, self.house, self.flat = village, place, street, house, flat

    def key(self):
        return (self.village, self.place, self.street, self.house, self.flat)

    def in_oblast(self):
        return self.village or self.place < OBLAST_TOWNS

    def st(self):
        return (VILL_STREETS if self.village else CITY_STREETS)[self.street]

    def town_ru(self):
        return (VILLAGES[self.place][3] + ' ' + VILLAGES[self.place][1]) if self.village else TOWNS[self.place][1]

    def postcode(self):
        if self.village:
            return VILLAGES[self.place][4]
        return TOWNS[self.place][3] + (self.street * 7 + self.house) % 30

    # ---- renderings
    def kk(self, rng, short=False):
        skk, tkk, _, _ = self.st()
        typ = KK_SHORT[tkk] if short else tkk
        if self.village:
            v = VILLAGES[self.place]
            return '%s %s, %s %s, %d үй' % (v[0], v[2], skk, typ, self.house)
        town = TOWNS[self.place][0]
        if self.flat is None:
            return '%s қ., %s %s, %d үй' % (town, skk, typ, self.house)
        if short:
            return '%s қ., %s %s, %d-%d' % (town, skk, typ, self.house, self.flat)
        return '%s қ., %s %s, %d үй, %d пәтер' % (town, skk, typ, self.house, self.flat)

    def ru(self):
        _, _, sru, tru = self.st()
        if self.village:
            v = VILLAGES[self.place]
            return '%s %s, %s %s, д. %d' % (v[3], v[1], tru, sru, self.house)
        town = TOWNS[self.place][1]
        s = 'г. %s, %s %s, д. %d' % (town, tru, sru, self.house)
        return s if self.flat is None else s + ', кв. %d' % self.flat

    def onec(self):
        _, _, sru, tru = self.st()
        if self.village:
            v = VILLAGES[self.place]
            s = '%06d, Казахстан, Карагандинская обл, Бухар-Жырауский р-н, %s %s, %s %s, дом № %d' % (
                self.postcode(), v[1], 'п' if v[3] == 'пос.' else 'с', sru, TYPE_1C[tru], self.house)
            return s
        t = TOWNS[self.place]
        obl = (t[2] + ', ') if t[2] else ''
        s = '%06d, Казахстан, %s%s г, %s %s, дом № %d' % (self.postcode(), obl, t[1], sru, TYPE_1C[tru], self.house)
        return s if self.flat is None else s + ', квартира %d' % self.flat

    def bank(self, variant):
        _, _, sru, tru = self.st()
        sru = sru.upper()
        if self.village:
            v = VILLAGES[self.place]
            return 'КАРАГАНДИНСКАЯ ОБЛ., БУХАР-ЖЫРАУСКИЙ Р-Н, %s %s, УЛ. %s, Д. %d' % (
                v[3].upper(), v[1].upper(), sru, self.house)
        town = TOWNS[self.place][1].upper()
        if variant == 0:
            s = 'Г. %s, %s %s, Д. %d' % (town, TYPE_BANK[tru], sru, self.house)
            return s if self.flat is None else s + ', КВ. %d' % self.flat
        s = '%s Г., %s %s, %d' % (town, sru, TYPE_BANK[tru], self.house)
        return s if self.flat is None else s + '-%d' % self.flat

    def dispatch(self, rng):
        _, _, sru, tru = self.st()
        if tru == 'мкр.':
            s = 'мкр %s д%d' % (sru, self.house)
            return s if self.flat is None else s + ' кв%d' % self.flat
        if self.flat is None:
            return '%s %d' % (sru, self.house)
        return rng.choice(['%s %d-%d', '%s %d кв %d', '%s д.%d кв.%d']) % (sru, self.house, self.flat)


def mobile(rng):
    return rng.choice(['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778']) + \
        '%07d' % rng.randint(0, 9999999)


def landline(rng, place, village):
    code = '72154' if village else TOWNS[place][4]
    return code + ''.join(str(rng.randint(0, 9)) for _ in range(10 - len(code)))


def fmt_mobile(m, style):
    a, b, c, d = m[:3], m[3:6], m[6:8], m[8:10]
    if style == 0:
        return '+7 (%s) %s-%s-%s' % (a, b, c, d)
    if style == 1:
        return '8' + m
    if style == 2:
        return '+7' + m
    if style == 3:
        return '8 %s %s %s %s' % (a, b, c, d)
    return '7' + m


def fmt_land(l):
    for code in ('72154', '71036', '72137', '72156', '72131'):
        if l.startswith(code):
            r = l[len(code):]
            return '8 (%s) %s-%s-%s' % (code, r[0], r[1:3], r[3:5])
    if l.startswith('727'):
        r = l[3:]
        return '8 (727) %s-%s-%s' % (r[:3], r[3:5], r[5:7])
    code, r = l[:4], l[4:]
    return '8 (%s) %s-%s-%s' % (code, r[:2], r[2:4], r[4:6])


# ----------------------------------------------------------------------------------------------- population


class HH:
    __slots__ = ('hid', 'addrs', 'land', 'pseudo', 'founder')

    def __init__(self, hid, pseudo=False):
        self.hid, self.addrs, self.land, self.pseudo, self.founder = hid, [], None, pseudo, None

    def addr_at(self, d):
        a = self.addrs[0][1]
        for f, x in self.addrs:
            if f <= d:
                a = x
            else:
                break
        return a


class Person:
    def __init__(self, pid):
        self.pid = pid
        self.grp = self.sex = self.birth = None
        self.first = ('', '')          # (kk, ru)
        self.ffirst = ('', '')         # father's first name (kk, ru)
        self.pat_kind = None           # 'ru' | 'kk' | None
        self.surs = []                 # [(from, base(kk, ru, kind), extra base or None)]
        self.iin = None
        self.father = self.mother = None
        self.children = []
        self.spouse = None
        self.marriage = None
        self.divorce = None
        self.segs = []                 # [(from, HH)]
        self.phones = []               # [(from, mobile)]
        self.email = None
        self.death = None
        self.soviet = False
        self.removed = False

    @property
    def key(self):
        return 'p%05d' % self.pid

    def alive(self, d):
        return d >= self.birth and (self.death is None or d < self.death)

    def hh_at(self, d):
        h = self.segs[0][1]
        for f, x in self.segs:
            if f <= d:
                h = x
            else:
                break
        return h

    def addr_at(self, d):
        return self.hh_at(d).addr_at(d)

    def sur_at(self, d):
        s = self.surs[0]
        for e in self.surs:
            if e[0] <= d:
                s = e
            else:
                break
        return s

    def phone_at(self, d):
        if age_at(self.birth, d) < 15:
            return None
        p = None
        for f, x in self.phones:
            if f <= d:
                p = x
        return p


def sur_forms(base, sex):
    kk, ru, kind = base
    if kind == 'uly':
        return uly(kk, sex), ru_uly(ru, sex)
    if kind == 'inv':
        return kk, ru
    return (kk, ru) if sex == 'M' else (fem(kk), fem(ru))


def ru_uly(name_ru, sex):
    return name_ru + ('улы' if sex == 'M' else 'кызы')


class Population:
    def __init__(self, rng, n):
        self.rng, self.n = rng, n
        self.P, self.H = [], []
        self.used = set()
        self.pool = []                    # daughters of clans who will marry somebody
        self.cw = {}
        self.couples = []                 # (husband, wife, marriage date)
        self.sur_cw = {g: zipf_cw(len(self.sur_list(g)), 0.9) for g in GROUPS}

    # ---- name lists
    def sur_list(self, g):
        return {'kz': KZ_SUR, 'ru': [(s, s) for s in RU_SUR], 'ua': [(s, s) for s in UA_SUR],
                'de': [(s, s) for s in DE_SUR], 'ko': [(s, s) for s in KO_SUR], 'tt': [(s, s) for s in TT_SUR],
                'uz': [(s, s) for s in UZ_SUR], 'ug': [(s, s) for s in UG_SUR]}[g]

    def first_list(self, g, sex, birth):
        if g == 'kz':
            old = birth.year < 1972
            if sex == 'M':
                return KZ_M_OLD if (old and self.rng.random() < 0.75) or (not old and self.rng.random() < 0.1) else KZ_M_NEW
            return KZ_F_OLD if (old and self.rng.random() < 0.75) or (not old and self.rng.random() < 0.1) else KZ_F_NEW
        lst = {'ru': (RU_M, RU_F), 'ua': (RU_M, RU_F), 'de': (DE_M, DE_F), 'ko': (RU_M, RU_F), 'tt': (TT_M, TT_F),
               'uz': (UZ_M, UZ_F), 'ug': (UG_M, UG_F)}[g][0 if sex == 'M' else 1]
        return [(x, x) for x in lst]

    def draw_first(self, g, sex, birth, exclude=()):
        lst = self.first_list(g, sex, birth)
        key = (id(lst), len(lst))
        if key not in self.cw:
            self.cw[key] = zipf_cw(len(lst), 0.8)
        for _ in range(40):
            f = pick(self.rng, lst, self.cw[key])
            if f[0] not in exclude:
                return f
        return f

    def draw_sur_base(self, g):
        rng = self.rng
        if g == 'kz' and rng.random() < 0.05:
            kk, ru = rng.choice(KZ_SUR_INV)
            return (kk, ru, 'inv')
        kk, ru = pick(rng, self.sur_list(g), self.sur_cw[g])
        kind = 'inv' if g in ('ua', 'de', 'ko') or ru.endswith('ко') else 'std'
        return (kk, ru, kind)

    def draw_group(self, like=None):
        if like and self.rng.random() < 0.92:
            return like
        return self.rng.choices(GROUPS, weights=GROUP_W)[0]

    # ---- households and addresses
    def new_hh(self, start, addr, pseudo=False):
        h = HH(len(self.H), pseudo)
        h.addrs.append((start, addr))
        if not pseudo and self.rng.random() < 0.3:
            h.land = landline(self.rng, addr.place, addr.village)
        self.H.append(h)
        return h

    def rand_addr(self, place=None, village=False, flat_p=0.75):
        rng = self.rng
        if village:
            v = place if place is not None else rng.choices(range(len(VILLAGES)), weights=VILL_W)[0]
            return Addr(True, v, rng.randrange(len(VILL_STREETS)), rng.randint(1, 90), None)
        t = place if place is not None else rng.choices(range(len(TOWNS)), weights=TOWN_W)[0]
        st = rng.randrange(len(CITY_STREETS))
        flat = rng.randint(1, 160) if (rng.random() < flat_p or CITY_STREETS[st][3] == 'мкр.') else None
        return Addr(False, t, st, rng.randint(1, 120) if flat else rng.randint(1, 250), flat)

    def maybe_move(self, h, start):
        rng = self.rng
        cur = h.addrs[-1][1]
        r = rng.random()
        if cur.village:
            if r < 0.08:
                when = rdate(rng, max(start + dt.timedelta(days=400), D(2006, 1, 1)), D(2023, 12, 1))
                if when > start:
                    h.addrs.append((when, self.rand_addr(0)))            # the household leaves for Karaganda
            elif r < 0.16:
                when = rdate(rng, max(start + dt.timedelta(days=400), D(2006, 1, 1)), D(2023, 12, 1))
                if when > start:
                    h.addrs.append((when, self.rand_addr(cur.place, village=True)))
            return
        if r < 0.30:
            when = rdate(rng, max(start + dt.timedelta(days=300), D(2006, 1, 1)), D(2023, 12, 1))
            if when <= start:
                return
            place = cur.place if rng.random() < 0.7 else rng.choices(range(len(TOWNS)), weights=TOWN_W)[0]
            h.addrs.append((when, self.rand_addr(place)))
            if rng.random() < 0.1:
                w2 = rdate(rng, when + dt.timedelta(days=300), D(2024, 6, 1))
                if w2 > when:
                    h.addrs.append((w2, self.rand_addr(place)))

    # ---- persons
    def person(self, g, sex, birth, base, ffirst, father=None, mother=None, exclude=(), first=None):
        rng = self.rng
        p = Person(len(self.P))
        p.grp, p.sex, p.birth = g, sex, birth
        p.first = first or self.draw_first(g, sex, birth, exclude)
        p.ffirst = ffirst
        p.surs = [(birth, base, None)]
        if base[2] == 'uly':
            p.pat_kind = None
        elif g == 'kz':
            p.pat_kind = 'kk' if rng.random() < (0.5 if birth.year >= 1995 else 0.1) else 'ru'
        elif g in ('ko', 'de'):
            p.pat_kind = None if rng.random() < 0.3 else 'ru'
        else:
            p.pat_kind = 'ru'
        p.iin = make_iin(birth, sex, rng, self.used)
        p.father = father.pid if father else None
        p.mother = mother.pid if mother else None
        if father:
            father.children.append(p.pid)
        if mother:
            mother.children.append(p.pid)
        # phones
        start = max(add_years(birth, 16), D(2004, 1, 1))
        if start < NOW:
            p.phones.append((start, mobile(rng)))
            if rng.random() < 0.15:
                ch = rdate(rng, max(start + dt.timedelta(days=200), D(2012, 1, 1)), D(2023, 12, 1))
                if ch > start:
                    p.phones.append((ch, mobile(rng)))
        if birth.year >= 1965 and rng.random() < 0.4:
            p.email = None  # filled after names are final
            p._want_email = True
        else:
            p._want_email = False
        # soviet-era spellings on the Russian-letter documents of the older Kazakhs
        if g == 'kz' and birth.year < 1972 and rng.random() < 0.55:
            p.soviet = True
        elif g == 'kz' and father is not None and father.soviet and birth.year < 1995 and rng.random() < 0.4:
            p.soviet = True
        # deaths
        if birth.year <= 1950 and rng.random() < 0.30:
            p.death = rdate(rng, D(2010, 1, 1), D(2024, 10, 1))
        elif birth.year <= 1960 and rng.random() < 0.07:
            p.death = rdate(rng, D(2012, 1, 1), D(2024, 10, 1))
        if p.death and p.death <= birth:
            p.death = None
        self.P.append(p)
        return p

    def fresh_adult(self, g, sex, birth, place=None):
        """An adult whose parents are in no extract: a parental address of their own."""
        base = self.draw_sur_base(g)
        ff = self.draw_first(g, 'M', add_years(birth, -28))
        p = self.person(g, sex, birth, base, ff)
        if place is None:
            ph = self.new_hh(birth, self.rand_addr(), pseudo=True)
        else:
            ph = self.new_hh(birth, self.rand_addr(place), pseudo=True)
        p.segs = [(birth, ph)]
        return p

    def marry(self, h, w, when):
        rng = self.rng
        h.spouse, w.spouse = w.pid, h.pid
        h.marriage = w.marriage = when
        base = h.surs[-1][1]
        if base[2] != 'uly':
            rate = {'kz': 0.72, 'ru': 0.92}.get(w.grp, 0.85)
            if rng.random() < rate:
                if rng.random() < (0.01 if w.grp == 'kz' else 0.04):
                    w.surs.append((when, base, w.surs[-1][1]))        # double surname: husband's-maiden
                else:
                    w.surs.append((when, base, None))
        self.couples.append((h, w, when))

    def divorce(self, h, w, when):
        rng = self.rng
        h.divorce = w.divorce = when
        if len(w.surs) > 1 and rng.random() < 0.4:
            w.surs.append((when + dt.timedelta(days=rng.randint(20, 200)), w.surs[0][1], None))
        nh = self.new_hh(when, self.rand_addr(h.addr_at(when).place if not h.addr_at(when).village else 0))
        nh.founder = h.pid
        h.segs.append((when, nh))
        self.maybe_move(nh, when)

    def child_base(self, father, mother, sex, birth):
        rng = self.rng
        if father is None:
            b = mother.surs[0][1]
            return b
        fb = father.surs[-1][1]
        if fb[2] == 'uly':
            return (father.first[0], father.first[1], 'uly')
        if father.grp == 'kz' and birth.year >= 1995 and rng.random() < 0.07:
            if rng.random() < 0.5:
                return (father.first[0], father.first[1], 'uly')
            return (ov_from(father.first[0], 'M'), ov_from(father.first[1], 'M'), 'std')
        return fb

    def make_children(self, father, mother, hh, start, n, absent_father=None):
        rng = self.rng
        kids, names = [], []
        t = start + dt.timedelta(days=rng.randint(280, 900))
        i = 0
        while i < n:
            if t > NOW - dt.timedelta(days=20) or age_at(mother.birth, t) > 43:
                break
            twins = rng.random() < 0.015
            for _ in range(2 if twins else 1):
                sex = 'M' if rng.random() < 0.51 else 'F'
                g = father.grp if father else mother.grp
                if father is not None and father.grp != mother.grp and rng.random() < 0.3:
                    g = mother.grp
                base = self.child_base(father, mother, sex, t)
                ff = father.first if father else absent_father
                c = self.person(g, sex, t, base, ff, father=father, mother=mother, exclude=names)
                names.append(c.first[0])
                c.segs = [(t, hh)]
                kids.append(c)
                i += 1
            t = t + dt.timedelta(days=rng.randint(420, 1600))
        return kids

    def n_kids(self, g, old=False):
        r = self.rng.random()
        if old:
            dist = [0.03, 0.12, 0.25, 0.25, 0.2, 0.15] if g == 'kz' else [0.05, 0.3, 0.4, 0.2, 0.05, 0.0]
        else:
            dist = [0.13, 0.25, 0.3, 0.21, 0.11, 0.0]
        acc = 0
        for k, w in enumerate(dist):
            acc += w
            if r < acc:
                return k
        return 2

    # ---- household kinds
    def couple(self, hb, g=None, village=False, place=None, parents=None):
        """A couple whose husband is born hb; returns (husband, wife, hh)."""
        rng = self.rng
        g = g or self.draw_group()
        h = self.fresh_adult(g, 'M', hb)
        w = self.fresh_adult(self.draw_group(g), 'F', hb + dt.timedelta(days=rng.randint(-700, 2200)))
        when = max(add_years(hb, rng.randint(21, 31)), add_years(w.birth, 19))
        if when > NOW - dt.timedelta(days=60):
            when = NOW - dt.timedelta(days=rng.randint(60, 400))
        self.marry(h, w, when)
        addr = self.rand_addr(place, village=village)
        hh = self.new_hh(when, addr)
        hh.founder = h.pid
        h.segs.append((when, hh))
        w.segs.append((when, hh))
        self.maybe_move(hh, when)
        return h, w, hh

    def clan(self):
        rng = self.rng
        g = self.draw_group()
        village = rng.random() < 0.34
        hb = rdate(rng, D(1936, 1, 1), D(1966, 12, 31))
        h, w, hh = self.couple(hb, g, village=village)
        kids = self.make_children(h, w, hh, w.marriage, self.n_kids(g, old=True))
        if rng.random() < 0.08 and w.marriage < D(2015, 1, 1):
            self.divorce(h, w, rdate(rng, w.marriage + dt.timedelta(days=2000), D(2020, 1, 1)))
        sons = [k for k in kids if k.sex == 'M']
        youngest = sons[-1] if sons else None
        for k in kids:
            self.adult_life(k, hh, stay_home=(k is youngest and g == 'kz' and rng.random() < 0.5))

    def adult_life(self, k, home, stay_home=False):
        rng = self.rng
        a = age_at(k.birth, NOW)
        if k.death:
            return
        if k.sex == 'M':
            if a >= 23 and rng.random() < (0.88 if a >= 28 else 0.55):
                when = add_years(k.birth, rng.randint(22, min(33, a)))
                when = min(when + dt.timedelta(days=rng.randint(0, 300)), NOW - dt.timedelta(days=30))
                wife = self.take_from_pool(k, when)
                if wife is None:
                    wife = self.fresh_adult(self.draw_group(k.grp), 'F',
                                            k.birth + dt.timedelta(days=rng.randint(-700, 2200)))
                    if wife.birth > add_years(when, -19):
                        wife.birth = add_years(when, -19) - dt.timedelta(days=rng.randint(0, 700))
                        wife.iin = None
                        wife.iin = make_iin(wife.birth, 'F', rng, self.used)
                        wife.segs = [(wife.birth, wife.segs[0][1])]
                        wife.phones = [(max(add_years(wife.birth, 16), D(2004, 1, 1)), mobile(rng))]
                self.marry(k, wife, when)
                cur = home.addr_at(when)
                if stay_home:
                    nh = home
                else:
                    if cur.village:
                        r = rng.random()
                        addr = self.rand_addr(cur.place, village=True) if r < 0.4 else self.rand_addr(0 if r < 0.8 else None)
                    else:
                        addr = self.rand_addr(cur.place if rng.random() < 0.75 else None)
                    nh = self.new_hh(when, addr)
                    nh.founder = k.pid
                    k.segs.append((when, nh))
                    self.maybe_move(nh, when)
                wife.segs.append((when, nh))
                kids = self.make_children(k, wife, nh, when, self.n_kids(k.grp))
                if rng.random() < 0.08 and when < D(2019, 1, 1):
                    self.divorce(k, wife, rdate(rng, when + dt.timedelta(days=900), D(2023, 6, 1)))
                for c in kids:
                    if age_at(c.birth, NOW) >= 23 and c.sex == 'F' and rng.random() < 0.5:
                        self.pool_daughter(c)
            elif a >= 24 and rng.random() < 0.35:
                when = add_years(k.birth, rng.randint(20, min(30, a)))
                cur = home.addr_at(when)
                nh = self.new_hh(when, self.rand_addr(0 if cur.village else cur.place))
                nh.founder = k.pid
                k.segs.append((when, nh))
                self.maybe_move(nh, when)
        else:
            if a >= 20 and rng.random() < (0.88 if a >= 26 else 0.5):
                self.pool_daughter(k)
            elif a >= 24 and rng.random() < 0.3:
                when = add_years(k.birth, rng.randint(20, min(30, a)))
                cur = home.addr_at(when)
                nh = self.new_hh(when, self.rand_addr(0 if cur.village else cur.place))
                nh.founder = k.pid
                k.segs.append((when, nh))

    def pool_daughter(self, k):
        a = age_at(k.birth, NOW)
        when = add_years(k.birth, self.rng.randint(19, min(30, a)))
        when = min(when + dt.timedelta(days=self.rng.randint(0, 300)), NOW - dt.timedelta(days=30))
        self.pool.append((k, when))

    def take_from_pool(self, man, when):
        rng = self.rng
        if rng.random() > 0.45:
            return None
        for i, (w, wd) in enumerate(self.pool):
            if w.pid == man.pid or w.father is not None and w.father == man.father:
                continue
            if not (w.grp == man.grp or (w.grp in MUSLIM and man.grp in MUSLIM and rng.random() < 0.3)):
                continue
            if not (add_years(man.birth, -3) <= w.birth <= add_years(man.birth, 7)):
                continue
            if add_years(w.birth, 19) > when or abs((wd - when).days) > 1500:
                continue
            if w.death and w.death < when:
                continue
            del self.pool[i]
            return w
        return None

    def resolve_pool(self):
        rng = self.rng
        pool, self.pool = self.pool, []
        for w, when in pool:
            h = self.fresh_adult(self.draw_group(w.grp), 'M', w.birth + dt.timedelta(days=rng.randint(-2200, 700)))
            if h.birth > add_years(when, -20):
                continue
            self.marry(h, w, when)
            cur = w.addr_at(when)
            addr = self.rand_addr(0 if cur.village and rng.random() < 0.7 else (cur.place if not cur.village else None))
            nh = self.new_hh(when, addr)
            nh.founder = h.pid
            h.segs.append((when, nh))
            w.segs.append((when, nh))
            self.maybe_move(nh, when)
            kids = self.make_children(h, w, nh, when, self.n_kids(h.grp))
            if rng.random() < 0.07 and when < D(2019, 1, 1):
                self.divorce(h, w, rdate(rng, when + dt.timedelta(days=900), D(2023, 6, 1)))

    def independent_couple(self):
        rng = self.rng
        hb = rdate(rng, D(1952, 1, 1), D(2000, 12, 31))
        h, w, hh = self.couple(hb, village=rng.random() < 0.05)
        kids = self.make_children(h, w, hh, w.marriage, self.n_kids(h.grp))
        if rng.random() < 0.08 and w.marriage < D(2018, 1, 1):
            self.divorce(h, w, rdate(rng, w.marriage + dt.timedelta(days=900), D(2023, 6, 1)))
        if hb.year >= 1965 and rng.random() < 0.12:
            # the husband's widowed mother lives with them
            m = self.fresh_adult(h.grp, 'F', add_years(hb, -rng.randint(21, 34)))
            m.surs = [(m.birth, h.surs[0][1], None)] if h.surs[0][1][2] != 'uly' else m.surs
            m.death = None
            when = max(w.marriage, D(2005, 1, 1)) + dt.timedelta(days=rng.randint(0, 2000))
            if when < NOW and when > m.birth:
                m.segs.append((when, hh))

    def single(self):
        rng = self.rng
        b = rdate(rng, D(1955, 1, 1), D(2004, 12, 31))
        p = self.fresh_adult(self.draw_group(), 'M' if rng.random() < 0.55 else 'F', b)
        when = add_years(b, rng.randint(19, 28))
        if when < NOW:
            hh = self.new_hh(when, self.rand_addr())
            hh.founder = p.pid
            p.segs.append((when, hh))
            self.maybe_move(hh, when)

    def single_mother(self):
        rng = self.rng
        b = rdate(rng, D(1968, 1, 1), D(1998, 12, 31))
        m = self.fresh_adult(self.draw_group(), 'F', b)
        when = add_years(b, rng.randint(19, 26))
        hh = self.new_hh(when, self.rand_addr())
        hh.founder = m.pid
        m.segs.append((when, hh))
        if rng.random() < 0.6:
            h = self.fresh_adult(self.draw_group(m.grp), 'M', b + dt.timedelta(days=rng.randint(-2000, 500)))
            self.marry(h, m, when)
            h.segs.append((when, hh))
            hh.founder = h.pid
            self.make_children(h, m, hh, when, max(1, self.n_kids(h.grp)))
            self.divorce(h, m, rdate(rng, when + dt.timedelta(days=1000), D(2023, 6, 1)))
        else:
            ab = self.draw_first(m.grp, 'M', add_years(b, -2))
            self.make_children(None, m, hh, when, rng.randint(1, 3), absent_father=ab)
        self.maybe_move(hh, when)

    def elderly_alone(self):
        rng = self.rng
        b = rdate(rng, D(1932, 1, 1), D(1954, 12, 31))
        sex = 'F' if rng.random() < 0.75 else 'M'
        p = self.fresh_adult(self.draw_group(), sex, b)
        if sex == 'F' and rng.random() < 0.8:
            hb = self.draw_sur_base(p.grp)
            p.surs.append((add_years(b, rng.randint(20, 27)), hb, None))
        when = add_years(b, rng.randint(22, 30))
        hh = self.new_hh(when, self.rand_addr(village=rng.random() < 0.1))
        hh.founder = p.pid
        p.segs.append((when, hh))
        self.maybe_move(hh, when)

    def build(self):
        rng = self.rng
        while len(self.P) + 3.2 * len(self.pool) < self.n - 25:
            r = rng.random()
            if r < 0.40:
                self.clan()
            elif r < 0.70:
                self.independent_couple()
            elif r < 0.82:
                self.single()
            elif r < 0.90:
                self.single_mother()
            else:
                self.elderly_alone()
        self.resolve_pool()
        while len(self.P) < self.n:
            self.single()
        # too many: drop the youngest persons that nobody else refers to
        extra = len(self.P) - self.n
        if extra > 0:
            ref = set()
            for p in self.P:
                if p.spouse is not None:
                    ref.add(p.pid)
                for c in p.children:
                    ref.add(p.pid)
            cands = sorted((p for p in self.P if p.pid not in ref and p.father is not None),
                           key=lambda p: (p.birth, p.pid), reverse=True)
            for p in cands[:extra]:
                p.removed = True
                for q in (p.father, p.mother):
                    if q is not None:
                        self.P[q].children.remove(p.pid)
        self.live = [p for p in self.P if not p.removed]
        for p in self.live:
            if p._want_email:
                s = translit(p.first[1]).lower() + rng.choice(['.', '_', '']) + translit(sur_forms(p.surs[0][1], p.sex)[1]).lower()
                p.email = s.replace(' ', '').replace('-', '') + rng.choice(['', str(rng.randint(1, 99)),
                                                                           str(p.birth.year % 100)]) + \
                    rng.choice(['@mail.ru', '@gmail.com', '@inbox.kz', '@yandex.kz', '@mail.kz'])
        self.reg_hist()

    # registration (propiska): follows the real address late or never
    def reg_hist(self):
        rng = self.rng
        for p in self.live:
            tl = []
            for i, (f, h) in enumerate(p.segs):
                end = p.segs[i + 1][0] if i + 1 < len(p.segs) else dt.date.max
                for af, a in h.addrs:
                    s = max(af, f)
                    if s < end and (af >= f or a is h.addr_at(f)):
                        if not tl or tl[-1][1].key() != a.key():
                            tl.append((s, a))
            tl.sort(key=lambda x: x[0])
            p.atl = tl
            reg = [tl[0]]
            for i in range(1, len(tl)):
                t, a = tl[i]
                if age_at(p.birth, t) < 16:
                    lag = 0
                else:
                    r = rng.random()
                    lag = rng.randint(0, 60) if r < 0.6 else (rng.randint(365, 1500) if r < 0.85 else None)
                if lag is None:
                    continue
                e = t + dt.timedelta(days=lag)
                nxt = tl[i + 1][0] if i + 1 < len(tl) else dt.date.max
                if e < nxt:
                    reg.append((e, a))
            p.reg = reg

    def reg_at(self, p, d):
        a = p.reg[0][1]
        for f, x in p.reg:
            if f <= d:
                a = x
        return a


# ----------------------------------------------------------------------------------------------- rendering names


def pat_string(p, script):
    if p.pat_kind is None:
        return ''
    fk, fr = p.ffirst
    if p.pat_kind == 'kk':
        s = uly(fk, p.sex)
        return s if script == 'kk' else fold(s)
    return pat_ru(fk, p.sex) if script == 'kk' else pat_ru(fr, p.sex)


def sur_string(p, d, script, soviet_p=0.0, rng=None, part=None):
    f, base, extra = p.sur_at(d)
    kk, ru = sur_forms(base, p.sex)
    if script == 'kk':
        s = kk
    else:
        s = ru
        if p.soviet and rng is not None and rng.random() < soviet_p:
            s = soviet_form(ru)
    if extra is not None and part != 'first':
        ekk, eru = sur_forms(extra, p.sex)
        s = s + '-' + (ekk if script == 'kk' else eru)
    return s


def soviet_form(ru):
    if ru in SOVIET:
        return SOVIET[ru]
    if ru.endswith('а') and ru[:-1] in SOVIET:
        return SOVIET[ru[:-1]] + 'а'
    return ru


def first_string(p, script, soviet_p=0.0, rng=None):
    if script == 'kk':
        return p.first[0]
    s = p.first[1]
    if p.soviet and rng is not None and rng.random() < soviet_p:
        s = SOVIET.get(s, s)
    return s


def slip_date(d, rng):
    for _ in range(20):
        k = rng.random()
        try:
            if k < 0.3:
                t = d + dt.timedelta(days=rng.choice([-1, 1]))
            elif k < 0.55:
                if d.day > 12 or d.day == d.month:
                    continue
                t = D(d.year, d.day, d.month)
            elif k < 0.8:
                t = d.replace(year=d.year + rng.choice([-1, 1]))
            else:
                s = '%02d' % d.day
                if s[0] == s[1]:
                    continue
                t = d.replace(day=int(s[::-1]))
        except ValueError:
            continue
        if t != d:
            return t
    return d + dt.timedelta(days=1)


KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша',
             'желтоқсан']
RU_MON_ORA = ['ЯНВ', 'ФЕВ', 'МАР', 'АПР', 'МАЙ', 'ИЮН', 'ИЮЛ', 'АВГ', 'СЕН', 'ОКТ', 'НОЯ', 'ДЕК']


def dmy(d):
    return '%02d.%02d.%04d' % (d.day, d.month, d.year)


def onec_date(d):
    return '%02d.%02d.%04d 0:00:00' % (d.day, d.month, d.year)


def onec_dt(t):
    return '%02d.%02d.%04d %d:%02d:%02d' % (t.day, t.month, t.year, t.hour, t.minute, t.second)


def net_date(d, local):
    t = dt.datetime(d.year, d.month, d.day)
    if local:
        ms = int((t - dt.timedelta(hours=6) - EPOCH).total_seconds() * 1000)
        return '/Date(%d+0600)/' % ms
    ms = int((t - EPOCH).total_seconds() * 1000)
    return '/Date(%d)/' % ms


def net_dt(t):
    ms = int((t - dt.timedelta(hours=6) - EPOCH).total_seconds() * 1000)
    return '/Date(%d+0600)/' % ms


class Faults:
    def __init__(self, rng, iin_rate, name_rate, date_rate, other_iin_rate, pop):
        self.rng, self.iin_rate, self.name_rate, self.date_rate = rng, iin_rate, name_rate, date_rate
        self.other_iin_rate, self.pop = other_iin_rate, pop
        self.c = Counter()

    def iin(self, p, d):
        rng = self.rng
        self.c['iins_written'] += 1
        if rng.random() < self.other_iin_rate:
            cand = [x for x in (p.spouse, p.father, p.mother) + tuple(p.children) if x is not None]
            cand = [self.pop.P[x] for x in cand if not self.pop.P[x].removed and self.pop.P[x].birth <= d]
            if cand:
                self.c['iin_of_relative'] += 1
                return rng.choice(cand).iin
        if rng.random() < self.iin_rate:
            t, kind = iin_typo(p.iin, rng)
            self.c['iin_typo_' + kind] += 1
            self.c['iin_typos'] += 1
            if iin_valid(t):
                self.c['iin_typos_passing_check'] += 1
            return t
        return p.iin

    def name(self, s):
        self.c['names_written'] += 1
        if s and self.rng.random() < self.name_rate:
            t = typo(s, self.rng)
            if t != s:
                self.c['name_typos'] += 1
            return t
        return s

    def date(self, d):
        self.c['births_written'] += 1
        if self.rng.random() < self.date_rate:
            self.c['birth_slips'] += 1
            return slip_date(d, self.rng)
        return d


# ----------------------------------------------------------------------------------------------- E1: 1C job seekers

OPERATORS_1C = ['Сейтова А.Б.', 'Касенова Г.М.', 'Иванова Т.П.', 'Жумабекова Д.С.', 'Ахметова Р.К.', 'Ли Е.В.',
                'Бекова А.Т.', 'Нурланова С.Е.', 'Петренко О.Н.', 'Смагулова Ж.Б.', 'Оспанова Л.А.', 'Ким И.С.']
PROFS = ['Продавец', 'Водитель', 'Бухгалтер', 'Электрогазосварщик', 'Повар', 'Учитель', 'Слесарь', 'Экономист',
         'Разнорабочий', 'Оператор ПК', 'Медсестра', 'Швея', 'Горнорабочий', 'Юрист', 'Менеджер', 'Охранник']
EDU = ['Высшее', 'Среднее специальное', 'Общее среднее', 'Техническое и профессиональное', 'Основное среднее']
CAT = ['Безработный', 'Безработный', 'Безработный', 'Молодежь NEET', 'Выпускник', 'Лицо предпенсионного возраста',
       'Лицо с инвалидностью', 'Многодетная мать']
OUT_REASON = ['Трудоустроен', 'Трудоустроен', 'Направлен на профобучение', 'Истек срок регистрации',
              'Отказ от предложенных вакансий', 'Личное заявление', 'Участие в общественных работах']


def category(p, d, rng):
    a = age_at(p.birth, d)
    if a >= 55 and rng.random() < 0.6:
        return 'Лицо предпенсионного возраста'
    if a <= 24 and rng.random() < 0.5:
        return rng.choice(['Молодежь NEET', 'Выпускник'])
    if p.sex == 'F' and len(p.children) >= 4 and rng.random() < 0.5:
        return 'Многодетная мать'
    return rng.choice(['Безработный', 'Безработный', 'Безработный', 'Лицо с инвалидностью', 'Кандас'
                       if p.grp == 'kz' and rng.random() < 0.1 else 'Безработный'])


def make_1c(pop, rng, out, truth, stats):
    F = Faults(rng, 0.022, 0.018, 0.01, 0.004, pop)
    ops = [(name, rng.random() < 0.3, rng.random() < 0.1) for name in OPERATORS_1C]   # kk letters, upper case
    events = []
    for p in pop.live:
        if rng.random() >= 0.38:
            continue
        a = max(D(2012, 1, 10), add_years(p.birth, 18))
        b = min(NOW - dt.timedelta(days=5), add_years(p.birth, 62))
        if p.death:
            b = min(b, p.death - dt.timedelta(days=30))
        if (b - a).days < 60:
            continue
        k = rng.choices([1, 2, 3], weights=[0.55, 0.30, 0.15])[0]
        ds = sorted(rdate(rng, a, b) for _ in range(k))
        last = None
        for d in ds:
            if last and (d - last).days < 120:
                continue
            if not p.addr_at(d).in_oblast():
                continue
            events.append((d, p))
            last = d
    events.sort(key=lambda x: (x[0], x[1].pid))
    header = ['Номер', 'Дата', 'Соискатель', 'ДатаРождения', 'Пол', 'ИИН', 'АдресПоМестуРегистрации',
              'АдресФактическогоПроживания', 'Телефоны', 'ЭлектроннаяПочта', 'Образование', 'Профессия', 'СтажЛет',
              'КатегорияСоискателя', 'ДатаСнятияСУчета', 'ПричинаСнятия', 'Ответственный', 'Комментарий']
    rows = []
    seq = 0
    edu = {}
    for d, p in events:
        op = rng.choice(ops)
        script = 'kk' if op[1] else 'ru'
        sur = F.name(sur_string(p, d, script, 0.6, rng))
        first = F.name(first_string(p, script, 0.6, rng))
        pat = pat_string(p, script)
        if p.pat_kind == 'kk' and script == 'ru' and rng.random() < 0.15:
            pat = pat_ru(p.ffirst[1], p.sex)
        fio = ' '.join(x for x in (sur, first, pat) if x)
        if op[2]:
            fio = fio.upper()
        if rng.random() < 0.035:
            fio += rng.choice([' (1)', ' (2)', ' (2)', ' (3)'])
            stats['1c_name_suffix'] += 1
        t = dt.datetime(d.year, d.month, d.day, rng.randint(9, 17), rng.randint(0, 59), rng.randint(0, 59))
        if rng.random() < 0.03:
            dob = '01.01.0001 0:00:00'
            stats['1c_empty_birth'] += 1
        else:
            dob = onec_date(F.date(p.birth))
        iin = ''
        if rng.random() > (0.15 if d.year < 2014 else 0.05):
            iin = F.iin(p, d)
        reg = pop.reg_at(p, d)
        act = p.addr_at(d)
        reg_s = reg.onec()
        if reg.key() == act.key():
            r = rng.random()
            act_s = '' if r < 0.5 else ('Совпадает с адресом регистрации' if r < 0.7 else act.onec())
        else:
            stats['1c_reg_differs'] += 1
            act_s = act.onec() if rng.random() < 0.8 else ''
        phones = []
        m = p.phone_at(d)
        if m:
            if len(p.phones) > 1 and d > p.phones[1][0] and rng.random() < 0.3:
                m = p.phones[0][1]
                stats['1c_old_phone'] += 1
            phones.append(fmt_mobile(m, rng.randint(0, 4)))
        hh = p.hh_at(d)
        if hh.land and rng.random() < 0.35:
            phones.append(fmt_land(hh.land))
        if len(phones) > 1:
            stats['1c_two_phones'] += 1
        tel = rng.choice([', ', '; ', ' ']).join(phones)
        email = p.email if p.email and rng.random() < 0.6 else ''
        if p.pid not in edu:
            edu[p.pid] = (rng.choice(EDU), rng.choice(PROFS))
        stazh = max(0, age_at(p.birth, d) - 18 - rng.randint(0, 8))
        out_d = d + dt.timedelta(days=rng.randint(20, 400))
        if out_d > NOW:
            out_s, reason = '01.01.0001 0:00:00', ''
        else:
            out_s = onec_date(out_d)
            reason = rng.choice(OUT_REASON)
        seq += 1
        comment = ''
        r = rng.random()
        if r < 0.05:
            comment = 'Повторное обращение'
        elif r < 0.08:
            comment = 'Документы предоставлены не полностью'
        elif r < 0.10 and len(p.surs) > 1 and p.surs[-1][0] < d:
            comment = 'Смена фамилии'
        row = ['КРГ-%06d' % seq, onec_dt(t), fio, dob, 'Мужской' if p.sex == 'M' else 'Женский', iin, reg_s, act_s,
               tel, email, edu[p.pid][0], edu[p.pid][1], str(stazh), category(p, d, rng), out_s, reason, op[0],
               comment]
        rows.append((row, p))
        if rng.random() < 0.02:
            seq += 1
            r2 = list(row)
            r2[0] = 'КРГ-%06d' % seq
            r2[1] = onec_dt(t + dt.timedelta(minutes=rng.randint(1, 30)))
            rows.append((r2, p))
            stats['1c_posted_twice'] += 1
    path = os.path.join(out, 'zhumyspen_1c.csv')
    with open(path, 'w', encoding='utf-8-sig', newline='') as fh:
        w = csv.writer(fh, delimiter=';', lineterminator='\r\n', quoting=csv.QUOTE_ALL)
        w.writerow(header)
        for i, (row, p) in enumerate(rows, 1):
            w.writerow(row)
            truth.append(('zhumyspen_1c.csv', str(i), p.key))
    stats['files']['zhumyspen_1c.csv'] = {'rows': len(rows), 'records': len(rows), 'faults': dict(F.c)}


# ----------------------------------------------------------------------------------------------- E2: credit bureau

CREDITORS = [('АО «Народный Банк Казахстана»', 'A'), ('АО «Kaspi Bank»', 'B'), ('АО «ForteBank»', 'A'),
             ('АО «Банк ЦентрКредит»', 'B'), ('АО «Евразийский банк»', 'E'), ('АО «Jusan Bank»', 'A'),
             ('АО «Отбасы банк»', 'B'), ('АО «Хоум Кредит Банк»', 'C'), ('ТОО «МФО «Шинхан Финанс»»', 'D'),
             ('АО «Bereke Bank»', 'A')]
CRED_W = [22, 25, 8, 10, 6, 7, 8, 7, 4, 3]
MANAGERS = ['Абдрахманова С.К.', 'Волкова И.А.', 'Ергалиев Т.М.', 'Садыкова Н.Б.', 'Пак Д.Ю.', 'Жунусова А.Е.',
            'Козлов А.В.', 'Байжанова Г.Т.', 'Исмаилова Д.Р.', 'Мухтаров Е.С.', 'Тулеубаева М.К.', 'Шмидт Е.А.']
COMPANIES = ['ТОО «Береке Агро»', 'ТОО «Сарыарка Строй»', 'ТОО «KazTransLogistic»', 'ИП «Алтын Дән»',
             'ТОО «Караганда Энергомонтаж»', 'ТОО «Нур-Сервис»', 'ТОО «Темиртау Металл Снаб»', 'ИП «Асыл»']


def fio_bank(p, d, style, rng, F, sur_override=None):
    if style in ('A', 'C', 'D', 'E'):
        script = 'ru'
    else:
        script = 'kk'
    sur = sur_override if sur_override is not None else sur_string(p, d, script, 0.7, rng)
    sur = F.name(sur)
    first = F.name(first_string(p, script, 0.7, rng))
    pat = pat_string(p, script)
    if style == 'A':
        return ' '.join(x for x in (sur, first, pat) if x).upper()
    if style == 'B':
        return ' '.join(x for x in (sur, first, pat) if x)
    if style == 'C':
        parts = [translit(first)] + ([translit(pat)] if pat and rng.random() < 0.7 else []) + [translit(sur)]
        return ' '.join(parts)
    if style == 'D':
        ini = first[0] + '.' + (pat[0] + '.' if pat else '')
        return sur + ' ' + ini
    return ' '.join(translit(x) for x in (sur, first, pat) if x)


def make_pkb(pop, rng, out, truth, stats):
    import pyarrow as pa
    import pyarrow.parquet as pq
    F = Faults(rng, 0.02, 0.015, 0.01, 0.004, pop)
    master = {}          # (pid, creditor) -> (surname string as first recorded, reg addr, date)
    used_bins = set(pop.used)
    cred_bins = [make_bin(rng, used_bins) for _ in CREDITORS]
    comp = [(c, make_bin(rng, used_bins), mobile(rng)) for c in COMPANIES]
    adults = [p for p in pop.live]
    contracts = []
    for p in adults:
        if rng.random() >= 0.33:
            continue
        a = max(D(2010, 1, 1), add_years(p.birth, 21))
        b = min(NOW - dt.timedelta(days=3), add_years(p.birth, 70))
        if p.death:
            b = min(b, p.death - dt.timedelta(days=60))
        if (b - a).days < 90:
            continue
        k = rng.choices([1, 2, 3, 4], weights=[0.45, 0.30, 0.15, 0.10])[0]
        for d in sorted(rdate(rng, a, b) for _ in range(k)):
            contracts.append((d, p))
    contracts.sort(key=lambda x: (x[0], x[1].pid))
    cols = defaultdict(list)
    recs = []
    for n, (d, p) in enumerate(contracts, 1):
        ci = rng.choices(range(len(CREDITORS)), weights=CRED_W)[0]
        cname, style = CREDITORS[ci]
        spouse = pop.P[p.spouse] if p.spouse is not None else None
        married = spouse is not None and p.marriage and p.marriage <= d and (p.divorce is None or p.divorce > d) \
            and spouse.alive(d) and not spouse.removed
        r = rng.random()
        if married and 25 <= age_at(p.birth, d) <= 55 and r < 0.18:
            purpose = 'Ипотека'
        elif r < 0.28:
            purpose = 'Автокредит'
        elif r < 0.33:
            purpose = 'На развитие бизнеса'
        elif r < 0.38:
            purpose = 'Рефинансирование'
        else:
            purpose = 'Потребительский'
        amount = {'Ипотека': (8e6, 45e6), 'Автокредит': (3e6, 15e6), 'На развитие бизнеса': (2e6, 30e6)}.get(
            purpose, (1e5, 3e6))
        cob = None
        if married and (purpose == 'Ипотека' and rng.random() < 0.8 or rng.random() < 0.06):
            cob = spouse
        gua = None
        if purpose == 'На развитие бизнеса' and rng.random() < 0.5:
            gua = rng.choice(comp)
        elif rng.random() < {'Ипотека': 0.3, 'Автокредит': 0.3, 'На развитие бизнеса': 0.4}.get(purpose, 0.12):
            cands = []
            for x in (p.father, p.mother):
                if x is not None:
                    cands.append(pop.P[x])
            for x in (p.father, p.mother):
                if x is not None:
                    cands += [pop.P[c] for c in pop.P[x].children if c != p.pid]
            cands += [pop.P[c] for c in p.children]
            cands = [q for q in cands if not q.removed and q.alive(d) and age_at(q.birth, d) >= 21 and q is not cob]
            if cands and rng.random() < 0.7:
                gua = rng.choice(cands)
            else:
                for _ in range(20):
                    q = rng.choice(pop.live)
                    if q is not p and q is not cob and q.alive(d) and 21 <= age_at(q.birth, d) <= 70:
                        gua = q
                        break
        # the borrower: a bank's client master keeps what it first recorded
        mk = (p.pid, ci)
        sur_override = None
        reg = pop.reg_at(p, d)
        if mk in master and rng.random() < 0.6:
            old_sur, old_reg = master[mk]
            cur_sur = sur_string(p, d, 'ru' if style != 'B' else 'kk')
            if old_sur != cur_sur:
                stats['pkb_stale_master_surname'] += 1
            sur_override, reg = old_sur, old_reg
        else:
            master[mk] = (sur_string(p, d, 'ru' if style != 'B' else 'kk'), reg)
        cols['CONTRACT_CODE'].append('KZ%02d-%s-%06d' % (ci + 1, d.strftime('%Y%m'), rng.randint(0, 999999)))
        cols['CREDITOR'].append(cname)
        cols['CREDITOR_BIN'].append(cred_bins[ci])
        cols['DATE_OPEN'].append(d)
        cols['DATE_END_PLAN'].append(add_years(d, rng.choice([1, 2, 3, 5, 10, 15, 20]) if purpose == 'Ипотека' else rng.choice([1, 2, 3, 4, 5])))
        cols['PURPOSE'].append(purpose)
        cols['AMOUNT'].append(round(rng.uniform(*amount), -3))
        cols['CURRENCY'].append('KZT')
        cols['FIO_ZAEM'].append(fio_bank(p, d, style, rng, F, sur_override))
        iin = F.iin(p, d) if rng.random() > 0.01 else None
        if iin and ci == 4:
            iin = "'" + iin
            stats['pkb_apostrophe_iin'] += 1
        cols['IIN_ZAEM'].append(iin)
        bd = F.date(p.birth)
        cols['DR_ZAEM'].append(None if rng.random() < 0.02 else bd.year * 10000 + bd.month * 100 + bd.day)
        cols['POL_ZAEM'].append('1' if p.sex == 'M' else '2')
        m = p.phone_at(d)
        cols['TEL_ZAEM'].append(('7' + m) if m else None)
        cols['EMAIL_ZAEM'].append(p.email if p.email and rng.random() < 0.5 else None)
        v = rng.randint(0, 1)
        cols['ADR_REG_ZAEM'].append(reg.bank(v))
        act = p.addr_at(d)
        cols['ADR_FAKT_ZAEM'].append(None if rng.random() < 0.3 else act.bank(v))
        if reg.key() != act.key():
            stats['pkb_reg_differs'] += 1
        recs.append((n, '', p))
        # co-borrower
        if cob is not None:
            cols['FIO_SOZAEM'].append(fio_bank(cob, d, style, rng, F))
            cols['IIN_SOZAEM'].append(F.iin(cob, d) if rng.random() > 0.03 else None)
            cd = F.date(cob.birth)
            if style == 'A':
                cols['DR_SOZAEM'].append('%02d-%s-%02d' % (cd.day, RU_MON_ORA[cd.month - 1], cd.year % 100))
            elif style in ('C', 'E'):
                cols['DR_SOZAEM'].append(cd.isoformat())
            else:
                cols['DR_SOZAEM'].append(dmy(cd))
            cm = cob.phone_at(d)
            cols['TEL_SOZAEM'].append(('7' + cm) if cm and rng.random() < 0.7 else None)
            recs.append((n, '#2', cob))
        else:
            for c in ('FIO_SOZAEM', 'IIN_SOZAEM', 'DR_SOZAEM', 'TEL_SOZAEM'):
                cols[c].append(None)
        # guarantor
        if gua is None:
            for c in ('FIO_PORUCH', 'IIN_PORUCH', 'DR_PORUCH', 'TEL_PORUCH'):
                cols[c].append(None)
        elif isinstance(gua, tuple):
            cols['FIO_PORUCH'].append(gua[0])
            cols['IIN_PORUCH'].append(gua[1])
            cols['DR_PORUCH'].append(None)
            cols['TEL_PORUCH'].append('7' + gua[2])
            stats['pkb_company_guarantors'] += 1
        else:
            cols['FIO_PORUCH'].append(fio_bank(gua, d, style, rng, F))
            cols['IIN_PORUCH'].append(F.iin(gua, d) if rng.random() > 0.08 else None)
            gd = F.date(gua.birth)
            r = rng.random()
            if r < 0.5:
                cols['DR_PORUCH'].append(dmy(gd))
            elif r < 0.7:
                cols['DR_PORUCH'].append('%04d-%02d' % (gd.year, gd.month))
                stats['pkb_guarantor_year_month'] += 1
            elif r < 0.8:
                cols['DR_PORUCH'].append('%04d' % gd.year)
                stats['pkb_guarantor_year'] += 1
            else:
                cols['DR_PORUCH'].append(None)
            gm = gua.phone_at(d)
            cols['TEL_PORUCH'].append(('7' + gm) if gm and rng.random() < 0.8 else None)
            recs.append((n, '#3', gua))
        od = 0 if rng.random() < 0.8 else rng.choice([5, 15, 30, 45, 90, 120, 360])
        cols['OVERDUE_DAYS'].append(od)
        cols['STATUS'].append('Погашен' if add_years(d, 1) < NOW and rng.random() < 0.5 else
                              ('Просрочен' if od > 30 else 'Действующий'))
        cols['MANAGER'].append(rng.choice(MANAGERS))
        cols['UPLOAD_TS'].append(dt.datetime(d.year, d.month, d.day, 3, 0) + dt.timedelta(days=1))
    types = {'DATE_OPEN': pa.date32(), 'DATE_END_PLAN': pa.date32(), 'AMOUNT': pa.float64(), 'DR_ZAEM': pa.int32(),
             'OVERDUE_DAYS': pa.int32(), 'UPLOAD_TS': pa.timestamp('ms')}
    order = ['CONTRACT_CODE', 'CREDITOR', 'CREDITOR_BIN', 'DATE_OPEN', 'DATE_END_PLAN', 'PURPOSE', 'AMOUNT', 'CURRENCY',
             'FIO_ZAEM', 'IIN_ZAEM', 'DR_ZAEM', 'POL_ZAEM', 'TEL_ZAEM', 'EMAIL_ZAEM', 'ADR_REG_ZAEM', 'ADR_FAKT_ZAEM',
             'FIO_SOZAEM', 'IIN_SOZAEM', 'DR_SOZAEM', 'TEL_SOZAEM', 'FIO_PORUCH', 'IIN_PORUCH', 'DR_PORUCH',
             'TEL_PORUCH', 'OVERDUE_DAYS', 'STATUS', 'MANAGER', 'UPLOAD_TS']
    arrays = [pa.array(cols[c], type=types.get(c, pa.string())) for c in order]
    table = pa.Table.from_arrays(arrays, names=order)
    pq.write_table(table, os.path.join(out, 'pkb_kredit.parquet'), compression='snappy')
    for n, suf, q in recs:
        truth.append(('pkb_kredit.parquet', '%d%s' % (n, suf), q.key))
    stats['files']['pkb_kredit.parquet'] = {'rows': len(contracts), 'records': len(recs), 'faults': dict(F.c)}


# ----------------------------------------------------------------------------------------------- E3: ambulance 103

DOCTORS = ['Ким О.В.', 'Сарсенбаев Е.К.', 'Михайлова Н.Г.', 'Абенова Д.Т.', 'Жакупов А.С.', 'Галиев Р.Р.',
           'Утегенова М.А.', 'Федоров П.И.', 'Касымова Г.Б.', 'Нургалиев Б.Е.', 'Ткаченко С.В.', 'Есимова А.Ж.']
REASONS = [('Боли в груди', 'I20.9'), ('Повышение АД', 'I10'), ('Температура', 'J06.9'), ('Боли в животе', 'K29.7'),
           ('Травма', 'S09.9'), ('Одышка', 'J44.9'), ('Головокружение', 'R42'), ('Судороги', 'R56.8'),
           ('Без сознания', 'R40.2'), ('Кровотечение', 'R58'), ('Аллергия', 'T78.4'), ('Гипергликемия', 'E11.9')]
OUTCOMES = ['Оставлен на месте', 'Доставлен в стационар', 'Актив в поликлинику', 'Отказ от госпитализации']
PLACES = ['ТРЦ City Mall', 'остановка Бухар жырау', 'ТЦ Таир', 'ж/д вокзал', 'Центральный рынок', 'парк Победы',
          'АЗС Helios', 'школа №', 'ТД Умай', 'кафе Дастархан']


def by_ear(s, rng):
    opts = [(a, b) for a, b in EAR_RULES if a in s]
    if not opts:
        return typo(s, rng)
    a, b = rng.choice(opts)
    i = s.find(a)
    return s[:i] + b + s[i + len(a):]


def make_smp(pop, rng, out, truth, stats):
    F = Faults(rng, 0.025, 0.012, 0.012, 0.005, pop)
    calls = []
    for p in pop.live:
        a_mid = age_at(p.birth, D(2019, 1, 1))
        if a_mid >= 65:
            pr, k = 0.65, rng.choices([1, 2, 3, 4, 5, 6, 8], weights=[20, 20, 18, 14, 12, 10, 6])[0]
        elif a_mid >= 18:
            pr, k = 0.28, rng.choices([1, 2, 3], weights=[70, 22, 8])[0]
        else:
            pr, k = 0.22, rng.choices([1, 2], weights=[80, 20])[0]
        if rng.random() >= pr:
            continue
        a = max(D(2013, 1, 1), p.birth + dt.timedelta(days=30))
        b = NOW - dt.timedelta(days=1)
        if p.death:
            b = min(b, p.death - dt.timedelta(days=1))
        if b <= a:
            continue
        for d in sorted(rdate(rng, a, b) for _ in range(k)):
            if p.addr_at(d).in_oblast():
                calls.append((d, p))
    n_unknown = int(len(calls) * 0.015)
    for _ in range(n_unknown):
        calls.append((rdate(rng, D(2013, 1, 1), NOW), None))
    calls.sort(key=lambda x: (x[0], x[1].pid if x[1] else -1))
    items, recs = [], []
    for n, (d, p) in enumerate(calls, 1):
        t = dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
        new_sys = d.year >= 2018
        doc = rng.choice(DOCTORS)
        reason, icd = rng.choice(REASONS)
        item = {'__type': 'CallCardDto:#Smp103.Contracts', 'CardNo': '%d-%07d' % (d.year, rng.randint(1, 999999)),
                'Received': net_dt(t) if new_sys else '/Date(%d)/' % int((t - EPOCH).total_seconds() * 1000),
                'Station': 'Подстанция №%d' % rng.randint(1, 9)}
        if p is None:
            sex = rng.choice(['M', 'F'])
            item['Locality'] = TOWNS[rng.randrange(OBLAST_TOWNS)][1]
            item['Address'] = rng.choice(PLACES)
            item['CallerPhone'] = '8' + mobile(rng)
            item['CallerRelation'] = 'прохожий'
            item['Reason'] = reason
            item['Patient'] = {'LastName': 'Неизвестный' if sex == 'M' else 'Неизвестная', 'FirstName': None,
                               'MiddleName': None, 'BirthDate': None, 'Age': rng.randint(25, 80), 'Sex': sex, 'Iin': None}
            item['Diagnosis'] = icd
            item['Outcome'] = 'Доставлен в стационар'
            item['Brigade'] = {'No': str(rng.randint(1, 40)), 'Doctor': doc}
            items.append(item)
            stats['smp_unknown_patients'] += 1
            continue
        addr = p.addr_at(d)
        age = age_at(p.birth, d)
        at_home = rng.random() < 0.85
        item['Locality'] = addr.town_ru()
        if at_home:
            item['Address'] = addr.dispatch(rng)
        else:
            item['Address'] = rng.choice(PLACES) + (str(rng.randint(1, 90)) if rng.random() < 0.2 else '')
        # caller
        rel_cands = []
        if p.spouse is not None and p.marriage and p.marriage <= d and (p.divorce is None or p.divorce > d):
            rel_cands.append((pop.P[p.spouse], 'жена' if p.sex == 'M' else 'муж'))
        for c in p.children:
            q = pop.P[c]
            if not q.removed and age_at(q.birth, d) >= 16:
                rel_cands.append((q, 'сын' if q.sex == 'M' else 'дочь'))
        if p.mother is not None and not pop.P[p.mother].removed:
            rel_cands.append((pop.P[p.mother], 'мать'))
        r = rng.random()
        if age >= 16 and r < 0.25 and p.phone_at(d):
            phone, rel = p.phone_at(d), 'сам' if p.sex == 'M' else 'сама'
        elif rel_cands and r < 0.85:
            q, rel = rng.choice(rel_cands)
            phone = q.phone_at(d) or mobile(rng)
        else:
            phone, rel = mobile(rng), rng.choice(['соседка', 'прохожий', 'коллега'])
        item['CallerPhone'] = fmt_mobile(phone, rng.choice([1, 1, 4, 2]))
        item['CallerRelation'] = rel
        item['Reason'] = reason
        # patient as heard and as found on the document
        identified = rng.random() < 0.55
        sur = sur_string(p, d, 'ru', 0.15, rng, part='first' if rng.random() < 0.7 else None)
        first = first_string(p, 'ru')
        if rng.random() < 0.07 and p.grp == 'kz':
            first = by_ear(first, rng)
            stats['smp_first_by_ear'] += 1
        elif first in SHORT_RU and rel != 'сам' and rel != 'сама' and rng.random() < 0.12:
            first = SHORT_RU[first]
            stats['smp_short_forms'] += 1
        if rng.random() < 0.04 and p.grp == 'kz':
            sur = by_ear(sur, rng)
            stats['smp_surname_by_ear'] += 1
        sur, first = F.name(sur), F.name(first)
        pat = pat_string(p, 'ru')
        if not pat or rng.random() < (0.35 if identified else 0.7):
            pat = None
        if rng.random() < 0.03:
            sur, first = sur.upper(), first.upper()
            pat = pat.upper() if pat else None
        age_w = age
        if rng.random() < 0.04:
            age_w = age + rng.choice([-1, 1])
            stats['smp_age_off'] += 1
        elif age >= 70 and rng.random() < 0.1:
            age_w = 5 * round(age / 5)
        pat_obj = {'LastName': sur, 'FirstName': first, 'MiddleName': pat,
                   'BirthDate': net_date(F.date(p.birth), new_sys) if identified else None,
                   'Age': max(0, age_w), 'Sex': 'M' if p.sex == 'M' else 'F',
                   'Iin': (F.iin(p, d) if identified and rng.random() < 0.85 or (not identified and rng.random() < 0.08)
                           else None)}
        item['Patient'] = pat_obj
        item['Diagnosis'] = icd
        item['Outcome'] = rng.choice(OUTCOMES)
        item['Brigade'] = {'No': str(rng.randint(1, 40)), 'Doctor': doc}
        items.append(item)
        recs.append((n, p))
        if identified:
            stats['smp_identified'] += 1
    with open(os.path.join(out, 'smp_103_kartalar.json'), 'w', encoding='utf-8') as fh:
        json.dump({'d': items}, fh, ensure_ascii=False, separators=(',', ':'))
    for n, p in recs:
        truth.append(('smp_103_kartalar.json', str(n), p.key))
    stats['files']['smp_103_kartalar.json'] = {'rows': len(items), 'records': len(recs), 'faults': dict(F.c)}


# ----------------------------------------------------------------------------------------------- E4: nikah register

MOSQUES = [('«Нұр Мұбарак» мешіті, Қарағанды', 'kk'), ('«Қарағанды орталық мешіті»', 'kk'),
           ('«Әулие Ата» мешіті, Теміртау', 'kk'), ('Мечеть «Ак мечеть», Темиртау', 'ru'),
           ('«Бұқар жырау» аудандық мешіті, Ботақара', 'kk'), ('Мечеть «Ихлас», Балхаш', 'ru'),
           ('«Жезқазған орталық мешіті»', 'kk'), ('«Сарыарқа» мешіті, Саран', 'kk')]
IMAMS = ['Ерлан Мұхамедиұлы', 'Бауыржан Сейтқалиұлы', 'Нұрлан Әбдіғаниұлы', 'Асхат Жұмағұлұлы', 'Серік Тоқтарұлы',
         'Ғалымжан Қасымұлы', 'Мақсат Оразұлы', 'Дәурен Ержанұлы']
MAHR = ['Алтын сырға', 'Алтын сақина', '100 000 теңге', '50 000 теңге', 'Құран кітабы', 'Алтын білезік', '200 000 теңге']


def kk_date_forms(d, rng, kind):
    if kind == 'hyph':
        return '%d-%s %d ж.' % (d.day, KK_MONTHS[d.month - 1], d.year)
    return '%d %s %d' % (d.day, KK_MONTHS[d.month - 1], d.year)


def make_nikah(pop, rng, out, truth, stats):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    F = Faults(rng, 0.02, 0.015, 0.01, 0.004, pop)
    rows = []
    for h, w, when in pop.couples:
        if h.removed or w.removed or h.grp not in MUSLIM or when < D(2008, 1, 1):
            continue
        nd = when - dt.timedelta(days=rng.randint(0, 20))
        if nd < D(2008, 1, 1):
            continue
        if not (h.addr_at(nd).in_oblast() or w.addr_at(nd).in_oblast()):
            continue
        if rng.random() >= 0.65:
            continue
        rows.append((nd, h, w, when))
    rows.sort(key=lambda x: (x[0], x[1].pid))

    def witnesses(h, w, d):
        cands = []
        for x in (h.father, w.father):
            if x is not None:
                cands.append((pop.P[x], 3))
        for par in (h.father, h.mother, w.father, w.mother):
            if par is not None:
                for c in pop.P[par].children:
                    q = pop.P[c]
                    if q.sex == 'M' and q is not h:
                        cands.append((q, 2))
        out_ = []
        seen = {h.pid}
        cands = [(q, wt) for q, wt in cands if not q.removed and q.alive(d) and age_at(q.birth, d) >= 18]
        while len(out_) < 2:
            pool = [(q, wt) for q, wt in cands if q.pid not in seen]
            if pool and rng.random() < 0.7:
                q = rng.choices([x[0] for x in pool], weights=[x[1] for x in pool])[0]
            else:
                q = None
                for _ in range(50):
                    c = rng.choice(pop.live)
                    if c.sex == 'M' and c.pid not in seen and c.alive(d) and 20 <= age_at(c.birth, d) <= 75 \
                            and abs(c.birth.year - h.birth.year) <= 12 and c.grp in MUSLIM:
                        q = c
                        break
                if q is None:
                    break
            seen.add(q.pid)
            out_.append(q)
        return out_

    wb = Workbook()
    ws = wb.active
    ws.title = 'Тізілім'
    header = ['№', 'Куәлік №\n№ свидетельства', 'Неке қиылған күні\nДата никаха', 'Мешіт\nМечеть',
              'Күйеу жігіттің Т.А.Ә.\nФИО жениха', 'Күйеу жігіттің туған күні\nДата рождения жениха',
              'Күйеу жігіттің ЖСН\nИИН жениха', 'Күйеу жігіттің мекенжайы\nАдрес жениха',
              'Күйеу жігіттің телефоны\nТелефон жениха',
              'Қалыңдықтың Т.А.Ә.\nФИО невесты', 'Қалыңдықтың туған күні\nДата рождения невесты',
              'Қалыңдықтың ЖСН\nИИН невесты', 'Қалыңдықтың мекенжайы\nАдрес невесты',
              'Қалыңдықтың телефоны\nТелефон невесты',
              'АХАЖ куәлігі\nСвидетельство о браке (ЗАГС)',
              '1-куәгердің Т.А.Ә.\nФИО 1-го свидетеля', '1-куәгердің туған жылы\nГод рождения 1-го свидетеля',
              '1-куәгердің ЖСН\nИИН 1-го свидетеля',
              '2-куәгердің Т.А.Ә.\nФИО 2-го свидетеля', '2-куәгердің туған жылы\nГод рождения 2-го свидетеля',
              '2-куәгердің ЖСН\nИИН 2-го свидетеля',
              'Некені қиған имам\nИмам', 'Мәһр\nМахр', 'Ескерту\nПримечание']
    ws.append(header)
    for c in ws[1]:
        c.alignment = Alignment(wrap_text=True, vertical='center', horizontal='center')
        c.font = Font(bold=True)
    ws.row_dimensions[1].height = 48
    out_rows = []
    seq = 0
    for nd, h, w, when in rows:
        mi = rng.randrange(len(MOSQUES))
        mosque, lang = MOSQUES[mi]
        script = 'kk' if lang == 'kk' else 'ru'

        def fio(p, d, mode='full'):
            sur = F.name(sur_string(p, d, script, 0.5, rng))
            first = F.name(first_string(p, script, 0.5, rng))
            pat = pat_string(p, script)
            if p.pat_kind == 'ru' and p.grp == 'kz' and script == 'kk' and rng.random() < 0.6:
                pat = uly(p.ffirst[0], p.sex)              # the imam writes the Kazakh form
                stats['nikah_kazakh_patronymic_written'] += 1
            if mode == 'full':
                return ' '.join(x for x in (sur, first, pat) if x)
            if mode == 'two':
                return sur + ' ' + first
            if mode == 'given_first':
                return first + ' ' + sur
            return sur + ' ' + first[0] + '.' + (pat[0] + '.' if pat else '')

        def bdate(p, kind_r):
            d = F.date(p.birth)
            if kind_r < 0.5:
                return dt.datetime(d.year, d.month, d.day)
            if kind_r < 0.7:
                return dmy(d)
            if kind_r < 0.9:
                stats['nikah_kazakh_month_dates'] += 1
                return kk_date_forms(d, rng, 'hyph')
            stats['nikah_kazakh_month_dates'] += 1
            return kk_date_forms(d, rng, 'plain')

        def addr_s(p, d):
            a = p.addr_at(min(d, when - dt.timedelta(days=1)))
            return a.kk(rng, short=rng.random() < 0.5) if script == 'kk' else a.ru()

        def phone_s(p, d):
            m = p.phone_at(min(d, when - dt.timedelta(days=1)))
            return fmt_mobile(m, rng.choice([0, 1, 3])) if m and rng.random() < 0.9 else ''

        seq += 1
        cert = 'ҚМДБ-%s-%06d' % (nd.strftime('%Y'), rng.randint(1, 999999))
        # the bride as her documents say on the day: the maiden surname; a few imams write the husband's
        bride_d = nd - dt.timedelta(days=1)
        if len(w.surs) > 1 and w.surs[-1][0] >= when and rng.random() < 0.12:
            bride_d = when + dt.timedelta(days=1)
            stats['nikah_bride_under_married_surname'] += 1
        groom = [fio(h, nd), bdate(h, rng.random()), F.iin(h, nd) if rng.random() < 0.92 else '', addr_s(h, nd),
                 phone_s(h, nd)]
        bride = [fio(w, bride_d), bdate(w, rng.random()), F.iin(w, nd) if rng.random() < 0.9 else '',
                 addr_s(w, nd), phone_s(w, nd)]
        civil = '' if rng.random() < 0.25 else '№ %d, %s' % (rng.randint(1, 2500), dmy(when))
        wit = witnesses(h, w, nd)
        wcells = []
        for q in wit:
            mode = rng.choices(['full', 'two', 'given_first', 'ini'], weights=[50, 25, 15, 10])[0]
            if mode == 'given_first':
                stats['nikah_witness_given_first'] += 1
            r = rng.random()
            qd = F.date(q.birth)
            if r < 0.55:
                yb = qd.year
            elif r < 0.7:
                yb = '%d ж. %s' % (qd.year, KK_MONTHS[qd.month - 1])
                stats['nikah_witness_year_month'] += 1
            else:
                yb = dmy(qd)
            wcells += [fio(q, nd, mode), yb, F.iin(q, nd) if rng.random() < 0.55 else '']
        while len(wcells) < 6:
            wcells += ['', '', '']
        row = [seq, cert, dt.datetime(nd.year, nd.month, nd.day), mosque] + groom + bride + [civil] + wcells + \
            [rng.choice(IMAMS), rng.choice(MAHR), '']
        persons = [h, w] + wit
        out_rows.append((row, persons))
        if rng.random() < 0.015:
            seq += 1
            r2 = list(row)
            r2[0] = seq
            r2[-1] = 'Қайта енгізілген'
            out_rows.append((r2, persons))
            stats['nikah_entered_twice'] += 1
    for i, (row, persons) in enumerate(out_rows, 1):
        ws.append(row)
        r = ws.max_row
        for col in (3, 6, 11):
            c = ws.cell(row=r, column=col)
            if isinstance(c.value, dt.datetime):
                c.number_format = 'DD.MM.YYYY'
        for k, q in enumerate(persons):
            truth.append(('neke_qiyu.xlsx', str(i) if k == 0 else '%d#%d' % (i, k + 1), q.key))
    ws.freeze_panes = 'E2'
    ws.auto_filter.ref = 'A1:X%d' % ws.max_row
    for col, wd in zip('ABCDEFGHIJKLMNOPQRSTUVWX', [5, 18, 12, 30, 32, 14, 14, 36, 18, 32, 14, 14, 36, 18, 20, 30, 10,
                                                      14, 30, 10, 14, 24, 16, 14]):
        ws.column_dimensions[col].width = wd
    fixed = dt.datetime(2025, 1, 15, 9, 0, 0)
    wb.properties.creator = 'Қарағанды облысының өкіл имамдығы'
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = 'imam_office'
    path = os.path.join(out, 'neke_qiyu.xlsx')
    wb.save(path)
    fix_zip(path)
    nrec = sum(len(p) for _, p in out_rows)
    stats['files']['neke_qiyu.xlsx'] = {'rows': len(out_rows), 'records': nrec, 'faults': dict(F.c)}


def fix_zip(path):
    """Rewrite a workbook with fixed member times so that the bytes depend on the seed alone."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            if name == 'docProps/core.xml':
                data = re.sub(rb'(<dcterms:modified[^>]*>)[^<]*(<)', rb'\g<1>2025-01-15T09:00:00Z\g<2>', data)
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    with open(path, 'wb') as fh:
        fh.write(buf.getvalue())


# ----------------------------------------------------------------------------------------------- E5: household books (OCR)

CYCLES = [(D(2006, 1, 1), D(2010, 12, 31)), (D(2011, 1, 1), D(2015, 12, 31)), (D(2016, 1, 1), D(2020, 12, 31)),
          (D(2021, 1, 1), NOW)]


def ocr_word(s, rng):
    opts = [(i, b) for i, ch in enumerate(s) for a, b in OCR_LET if ch == a]
    if not opts:
        return s
    i, b = rng.choice(opts)
    return s[:i] + b + s[i + 1:]


def ocr_digits(s, rng, letter_p=0.25):
    idx = [i for i, ch in enumerate(s) if ch.isdigit()]
    if not idx:
        return s
    i = rng.choice(idx)
    if rng.random() < letter_p and s[i] in '01':
        b = {'0': 'О', '1': 'l'}[s[i]]
    else:
        b = OCR_DIG.get(s[i], s[i])
    return s[:i] + b + s[i + 1:]


def relation(pop, head, q):
    if q is head:
        return 'глава'
    if head.spouse == q.pid:
        return 'жена' if q.sex == 'F' else 'муж'
    if q.pid in head.children:
        return 'сын' if q.sex == 'M' else 'дочь'
    if q.pid in (head.father, head.mother):
        return 'отец' if q.sex == 'M' else 'мать'
    for c in head.children:
        cc = pop.P[c]
        if cc.spouse == q.pid:
            return 'сноха' if q.sex == 'F' else 'зять'
        if q.pid in cc.children:
            return 'внук' if q.sex == 'M' else 'внучка'
    if head.spouse is not None and q.pid in pop.P[head.spouse].children:
        return 'сын' if q.sex == 'M' else 'дочь'
    if (head.father is not None and head.father == q.father) or (head.mother is not None and head.mother == q.mother):
        return ('брат' if q.sex == 'M' else 'сестра') + ('+' if q.birth < head.birth else '-')
    return 'член семьи'


def make_book(pop, rng, out, truth, stats):
    F = Faults(rng, 0.018, 0.012, 0.01, 0.004, pop)
    members = defaultdict(list)        # hid -> [(person, from, to)]
    for p in pop.live:
        for i, (f, h) in enumerate(p.segs):
            end = p.segs[i + 1][0] if i + 1 < len(p.segs) else dt.date.max
            if p.death:
                end = min(end, p.death)
            members[h.hid].append((p, f, end))
    header = ['Книга №', 'Лицевой счет №', 'Населенный пункт', 'Адрес хозяйства', 'Фамилия, имя, отчество',
              'Отношение к главе хозяйства', 'Пол', 'Число, месяц, год рождения', 'Национальность', 'ИИН',
              'Отметка о прибытии', 'Отметка о выбытии', 'КРС, голов', 'МРС, голов', 'Лошади', 'Земля, га', 'Стр.',
              'OCR_CONF']
    rows = []
    for ci, (S, E) in enumerate(CYCLES):
        accounts = []
        for h in pop.H:
            if h.pseudo:
                continue
            # periods in [S, E] while the household lived in a village
            spans = []
            for j, (af, a) in enumerate(h.addrs):
                at = h.addrs[j + 1][0] if j + 1 < len(h.addrs) else dt.date.max
                s, e = max(af, S), min(at, E + dt.timedelta(days=1))
                if a.village and s < e:
                    spans.append((s, e, a))
            for s, e, a in spans:
                ms = [(q, max(f, s), min(t, e)) for q, f, t in members[h.hid] if max(f, s) < min(t, e)]
                if not ms:
                    continue
                accounts.append((a.place, a.street, a.house, h.hid, s, e, a, ms, h))
        accounts.sort(key=lambda x: (x[0], x[1], x[2], x[3]))
        book_kk = {v: (ci >= 2 and rng.random() < 0.6) for v in range(len(VILLAGES))}
        acc_no = Counter()
        for place, street, house, hid, s, e, a, ms, h in accounts:
            acc_no[place] += 1
            kk = book_kk[place]
            # head: the founder if present at s, else the eldest adult
            present = [m for m in ms if m[1] <= s]
            head = None
            for q, f, t in ms:
                if q.pid == h.founder and f <= s + dt.timedelta(days=1):
                    head = q
            if head is None:
                adults = sorted((m for m in ms), key=lambda m: (m[0].birth, m[0].pid))
                men = [m for m in adults if m[0].sex == 'M' and age_at(m[0].birth, max(s, m[1])) >= 18]
                head = (men or adults)[0][0]
            order = sorted(ms, key=lambda m: (m[0] is not head, m[1], m[0].birth, m[0].pid))
            vill = VILLAGES[place]
            page = 2 + 2 * (acc_no[place] - 1) + len(order) // 9
            for q, f, t in order:
                d = f
                conf = round(rng.uniform(0.62, 0.995), 3)
                err = 0.02 + (0.995 - conf) * 0.15
                if kk and q.grp == 'kz':
                    script = 'kk'
                else:
                    script = 'ru'
                sur = sur_string(q, d, script, 0.9, rng)
                first = first_string(q, script, 0.9, rng)
                pat = pat_string(q, script)
                sur, first = F.name(sur), F.name(first)
                if rng.random() < err:
                    sur = ocr_word(sur, rng)
                    stats['book_ocr_names'] += 1
                if rng.random() < err * 0.6:
                    first = ocr_word(first, rng)
                    stats['book_ocr_names'] += 1
                if rng.random() < 0.005 and len(sur) > 5:
                    cut = len(sur) // 2
                    sur = sur[:cut] + '- ' + sur[cut:]
                    stats['book_ocr_hyphen'] += 1
                fio = ' '.join(x for x in (sur, first, pat) if x)
                bd = F.date(q.birth)
                if q.birth.year < 1950 and rng.random() < 0.35:
                    bs = '%d' % bd.year if rng.random() < 0.7 else '%d г.' % bd.year
                    stats['book_year_only'] += 1
                elif q.birth.year < 1955 and rng.random() < 0.12:
                    bs = '%02d.%d' % (bd.month, bd.year)
                    stats['book_month_year'] += 1
                else:
                    bs = dmy(bd)
                if rng.random() < err:
                    bs = ocr_digits(bs, rng)
                    stats['book_ocr_dates'] += 1
                iin = ''
                if rng.random() < [0.05, 0.65, 0.85, 0.93][ci] and d >= D(2006, 1, 1):
                    iin = F.iin(q, d)
                    if rng.random() < err * 0.5:
                        iin = ocr_digits(iin, rng, 0.15)
                        stats['book_ocr_iins'] += 1
                arr = ''
                if f > s:
                    if f == q.birth:
                        arr = 'рожд. ' + dmy(f)
                    else:
                        arr = 'приб. ' + dmy(f)
                dep = ''
                if t <= E:
                    if q.death and t == q.death:
                        dep = ('умер ' if q.sex == 'M' else 'умерла ') + dmy(t)
                    else:
                        nxt = q.addr_at(t)
                        dest = ('г. ' + TOWNS[nxt.place][1]) if not nxt.village else VILLAGES[nxt.place][3] + ' ' + \
                            VILLAGES[nxt.place][1]
                        dep = 'выб. %s в %s' % (dmy(t), dest)
                if kk:
                    sex_s = 'ер' if q.sex == 'M' else 'әйел'
                    nat = NATION_KK[q.grp]
                    addr_s = '%s көшесі, %d' % (VILL_STREETS[a.street][0], a.house)
                    vname = '%s %s' % (vill[0], vill[2])
                else:
                    sex_s = 'м' if q.sex == 'M' else 'ж'
                    nat = NATION_RU[q.grp][0 if q.sex == 'M' else 1]
                    addr_s = 'ул. %s, %d' % (VILL_STREETS[a.street][2], a.house)
                    vname = '%s %s' % (vill[3], vill[1])
                rel = relation(pop, head, q)
                if rel[-1] in '+-':
                    older = rel[-1] == '+'
                    if not kk:
                        rel = rel[:-1]
                    elif rel.startswith('брат'):
                        rel = 'ағасы' if older else 'інісі'
                    else:
                        rel = 'әпкесі' if older else ('қарындасы' if head.sex == 'M' else 'сіңлісі')
                if kk and rel in ('глава', 'жена', 'муж', 'сын', 'дочь', 'отец', 'мать', 'сноха', 'зять', 'внук',
                                  'внучка', 'член семьи'):
                    rel = {'глава': 'отбасы басшысы', 'жена': 'әйелі', 'муж': 'күйеуі', 'сын': 'ұлы', 'дочь': 'қызы',
                           'отец': 'әкесі', 'мать': 'анасы', 'сноха': 'келіні', 'зять': 'күйеу баласы',
                           'внук': 'немересі', 'внучка': 'немересі', 'член семьи': 'отбасы мүшесі'}[rel]
                is_head = q is head
                row = ['%d/%d-%d' % (place + 1, S.year, E.year if E.year < 2025 else 2025), str(acc_no[place]), vname,
                       addr_s, fio, rel, sex_s, bs, nat, iin, arr, dep,
                       str(rng.randint(0, 12)) if is_head else '', str(rng.randint(0, 40)) if is_head else '',
                       str(rng.randint(0, 6)) if is_head and rng.random() < 0.4 else '',
                       ('%.2f' % rng.uniform(0.05, 0.5)).replace('.', ',') if is_head else '',
                       str(page), '%.3f' % conf]
                rows.append((row, q))
    with open(os.path.join(out, 'sharuashylyq_kitaby_ocr.csv'), 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, delimiter=',', lineterminator='\n')
        w.writerow(header)
        for i, (row, q) in enumerate(rows, 1):
            w.writerow(row)
            truth.append(('sharuashylyq_kitaby_ocr.csv', str(i), q.key))
    stats['files']['sharuashylyq_kitaby_ocr.csv'] = {'rows': len(rows), 'records': len(rows), 'faults': dict(F.c)}


# ----------------------------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=171)
    ap.add_argument('--persons', type=int, default=5000)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    pop = Population(random.Random(rng.randrange(1 << 30)), a.persons)
    pop.build()
    stats = {'seed': a.seed, 'persons': len(pop.live)}
    truth = []
    seeds = [rng.randrange(1 << 30) for _ in range(5)]
    st = Counter()
    st['files'] = {}
    make_1c(pop, random.Random(seeds[0]), a.out, truth, st)
    make_pkb(pop, random.Random(seeds[1]), a.out, truth, st)
    make_smp(pop, random.Random(seeds[2]), a.out, truth, st)
    make_nikah(pop, random.Random(seeds[3]), a.out, truth, st)
    make_book(pop, random.Random(seeds[4]), a.out, truth, st)
    stats['files'] = st.pop('files')
    stats['drawn'] = dict(sorted(st.items()))
    # population figures
    live = pop.live
    stats['population'] = {
        'households': sum(1 for h in pop.H if not h.pseudo),
        'groups': dict(Counter(p.grp for p in live).most_common()),
        'women_with_two_or_more_surnames': sum(1 for p in live if p.sex == 'F' and len(p.surs) > 1),
        'double_surnames': sum(1 for p in live if any(e[2] is not None for e in p.surs)),
        'soviet_spelling_persons': sum(1 for p in live if p.soviet),
        'village_persons_ever': sum(1 for p in live if any(a.village for _, a in p.atl)),
        'registration_differs_now': sum(1 for p in live if pop.reg_at(p, NOW).key() != p.addr_at(NOW).key()),
        'deaths': sum(1 for p in live if p.death),
        'twin_pairs': sum(1 for p in live for c in p.children if p.sex == 'F'
                          for c2 in p.children if c < c2 and pop.P[c].birth == pop.P[c2].birth
                          and not pop.P[c].removed and not pop.P[c2].removed),
        'couples': len(pop.couples),
        'divorces': sum(1 for h, w, _ in pop.couples if h.divorce),
    }
    persons_in = {k for _, _, k in truth}
    stats['records'] = len(truth)
    stats['persons_in_extracts'] = len(persons_in)
    with open(os.path.join(a.out, 'truth.csv'), 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['file', 'record_id', 'person_id'])
        for row in truth:
            w.writerow(row)
    with open(os.path.join(a.out, 'stats.json'), 'w', encoding='utf-8') as fh:
        json.dump(stats, fh, ensure_ascii=False, indent=1, sort_keys=True)
    print('%d persons, %d records, %d persons in extracts' % (len(live), len(truth), len(persons_in)))
    for fn, s in stats['files'].items():
        print('  %-30s rows %6d  records %6d' % (fn, s['rows'], s['records']))


if __name__ == '__main__':
    main()
