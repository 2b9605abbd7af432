#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A nineteenth linkage writer's generator, written apart from the project (from the linkage issue's text, the
# README's linkage part and `ukimet link --help` alone; the earlier sets' documents only to avoid what they did).
# Kept as its writer wrote it: not linted here. See bench/extracts_nineteenth.md.
"""Five agency extracts of a Mangystau population, with truth, for zero-configuration linkage.

python extracts_nineteenth.py --seed N --out DIR [--persons 5000]

Writes into DIR:
  mal_iesi_gis.json          GeoJSON (GDAL export of a shapefile): livestock holdings, owner and herder
  taksi_profilder.parquet    Parquet with struct and list columns: taxi and courier profiles, with a referrer
  mib_tizilimi.xlsx          xlsx in the 1904 date system: condominium (МИБ/ОСИ) owners, co-owners on
                             continuation rows, the tenant beside the first owner
  avtomektep_crm.json        Bitrix24 REST response: a driving school's CRM contacts, a minor's representative
  umra_toptary.csv           CSV in MacCyrillic with CR line ends: Umrah/Hajj group lists (four-part names)
  truth.csv                  file,record_id,person_id
  stats.json                 drawn counts
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import decimal
import io
import json
import os
import random
import re
import zipfile

D = dt.date
END = D(2024, 12, 31)


# ----------------------------------------------------------------------------------------------- basic helpers

def days(n):
    return dt.timedelta(days=n)


def rand_date(rng, a, b):
    if b <= a:
        return a
    return a + days(rng.randint(0, (b - a).days))


def add_years(d, y):
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return d.replace(year=d.year + y, day=28)


def age_at(birth, d):
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def weighted(rng, items):
    tot = sum(w for _, w in items)
    r = rng.random() * tot
    for v, w in items:
        r -= w
        if r < 0:
            return v
    return items[-1][0]


class Zipf:
    def __init__(self, rng, items, s=0.9):
        items = list(items)
        rng.shuffle(items)
        self.items = items
        self.cum = []
        t = 0.0
        for i in range(len(items)):
            t += 1.0 / (i + 1) ** s
            self.cum.append(t)
        self.tot = t

    def pick(self, rng, exclude=()):
        for _ in range(60):
            r = rng.random() * self.tot
            lo, hi = 0, len(self.cum) - 1
            while lo < hi:
                mid = (lo + hi) // 2
                if self.cum[mid] < r:
                    lo = mid + 1
                else:
                    hi = mid
            v = self.items[lo]
            if v not in exclude:
                return v
        for v in self.items:
            if v not in exclude:
                return v
        return self.items[0]


# ----------------------------------------------------------------------------------------------------- IINs

W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def iin_check(d11):
    s = sum(a * b for a, b in zip(d11, W1)) % 11
    if s == 10:
        s = sum(a * b for a, b in zip(d11, W2)) % 11
        if s == 10:
            return None
    return s


def iin_valid(s):
    if not re.fullmatch(r"\d{12}", s or ""):
        return False
    c = iin_check([int(x) for x in s[:11]])
    return c is not None and c == int(s[11])


def make_iin(rng, birth, sex, used):
    if birth.year < 2000:
        c = 3 if sex == "M" else 4
    else:
        c = 5 if sex == "M" else 6
    head = f"{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}{c}"
    while True:
        serial = f"{rng.randint(0, 9999):04d}"
        d11 = [int(x) for x in head + serial]
        ch = iin_check(d11)
        if ch is None:
            continue
        iin = head + serial + str(ch)
        if iin in used:
            continue
        used.add(iin)
        return iin


def iin_typo(iin, rng, kind):
    """Returns (value, kind actually made)."""
    ds = [int(x) for x in iin]
    if kind == "d11":
        for _ in range(20):
            nd = rng.randint(0, 9)
            if nd == ds[10]:
                continue
            t = ds[:10] + [nd] + ds[11:]
            s = "".join(map(str, t))
            if iin_valid(s):
                return s, "d11"
        kind = "serial"
    if kind == "serial":
        for _ in range(40):
            pos = rng.randint(7, 10)
            nd = rng.randint(0, 9)
            if nd == ds[pos]:
                continue
            t = ds[:11]
            t[pos] = nd
            ch = iin_check(t)
            if ch is None:
                continue
            s = "".join(map(str, t)) + str(ch)
            if s != iin:
                return s, "serial"
        kind = "fail"
    if kind == "transpose":
        for _ in range(20):
            i = rng.randint(0, 10)
            if ds[i] != ds[i + 1]:
                t = ds[:]
                t[i], t[i + 1] = t[i + 1], t[i]
                return "".join(map(str, t)), "transpose"
        kind = "fail"
    for _ in range(50):
        pos = rng.randint(0, 11)
        nd = rng.randint(0, 9)
        if nd == ds[pos]:
            continue
        t = ds[:]
        t[pos] = nd
        s = "".join(map(str, t))
        if not iin_valid(s):
            return s, "fail"
    return iin, "none"


IIN_KINDS = [("fail", 38), ("transpose", 15), ("d11", 22), ("serial", 25)]


# ----------------------------------------------------------------------------------------------------- names

KK_FOLD = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def fold(s):
    return s.translate(KK_FOLD)


# (kk, ru, eras) eras: o = born before 1962, m = 1962-1989, n = 1990 on
KAZ_M = """Төлеген Тулеген o;Жұмабай Жумабай o;Өтеген Утеген o;Қонысбай Конысбай o;Сағындық Сагындык o;Базарбай Базарбай o;
Ізбасар Избасар o;Орынбасар Орынбасар o;Қалдыбай Калдыбай o;Амангелді Амангельды om;Серікбай Серикбай o;Есен Есен o;
Абат Абат om;Сапар Сапар o;Қожахмет Кожахмет o;Жолдас Жолдас o;Бисен Бисен o;Оспан Оспан o;Тұрсын Турсын o;
Мұхамбет Мухамбет o;Құдайберген Кудайберген o;Нұрлан Нурлан m;Серік Серик om;Ерлан Ерлан m;Асхат Асхат m;
Бауыржан Бауыржан m;Қайрат Кайрат m;Марат Марат om;Талғат Талгат m;Ержан Ержан m;Дәулет Даулет mn;Жасұлан Жасулан m;
Ерболат Ерболат m;Мұрат Мурат om;Қуаныш Куаныш m;Ғалым Галым m;Қанат Канат m;Болат Болат om;Бақытжан Бахытжан m;
Жалғас Жалгас mn;Ғабит Габит m;Азамат Азамат mn;Арман Арман mn;Дархан Дархан m;Еркін Еркин m;Жандос Жандос m;
Мейрам Мейрам m;Айбек Айбек mn;Бекжан Бекжан m;Досжан Досжан m;Ерсін Ерсин mn;Темірхан Темирхан m;Нұрбол Нурбол m;
Мақсат Максат m;Ербол Ербол m;Нұрсұлтан Нурсултан n;Әлихан Алихан n;Ернар Ернар n;Ерасыл Ерасыл n;Алдияр Алдияр n;
Нұрислам Нурислам n;Ансар Ансар n;Бекзат Бекзат n;Ақжол Акжол n;Ислам Ислам n;Әділет Адилет n;Рауан Рауан n;
Санжар Санжар n;Тамерлан Тамерлан n;Әмір Амир n;Мирас Мирас n;Ернұр Ернур n;Дінмұхаммед Динмухаммед n;
Жанболат Жанболат n;Бекет Бекет n;Абылай Абылай n;Аслан Аслан n;Нұрдәулет Нурдаулет n;Елнұр Елнур n;Әли Али n;
Мұхаммед Мухаммед n;Айсұлтан Айсултан n;Дамир Дамир n"""

KAZ_F = """Күләш Кулаш o;Бибігүл Бибигуль o;Қаншайым Каншайым o;Ырысты Ырысты o;Күлпаш Кульпаш o;Ұлжан Улжан o;
Раушан Раушан om;Бағдат Багдат o;Алтын Алтын o;Зағира Загира o;Күнжан Кунжан o;Несібелі Несибели o;Сара Сара o;
Мәншүк Маншук o;Шәрбану Шарбану o;Ақбопе Акбопе o;Айгүл Айгуль m;Гүлнар Гульнар m;Сәуле Сауле m;Жанар Жанар m;
Гүлмира Гульмира m;Динара Динара mn;Ақмарал Акмарал m;Назым Назым mn;Жібек Жибек m;Айнұр Айнур m;Ботагөз Ботагоз m;
Салтанат Салтанат m;Гүлжан Гульжан om;Маржан Маржан m;Шынар Шынар m;Ләззат Лаззат m;Зәуре Зауре m;Үміт Умит m;
Гүлназ Гульназ m;Әсел Асель mn;Жұлдыз Жулдыз m;Қарлығаш Карлыгаш m;Нұргүл Нургуль m;Әлия Алия m;Мөлдір Мольдир mn;
Меруерт Меруерт mn;Әйгерім Айгерим mn;Арайлым Арайлым n;Аружан Аружан n;Томирис Томирис n;Аяжан Аяжан n;
Нұрай Нурай n;Іңкәр Инкар n;Дана Дана n;Ақбота Акбота n;Айым Айым n;Мадина Мадина n;Жансая Жансая n;Балнұр Балнур n;
Аида Аида n;Ақерке Акерке n;Сымбат Сымбат n;Айдана Айдана n;Камила Камила n;Зере Зере n;Нұрсезім Нурсезим n;
Жасмин Жасмин n;Айша Айша n;Медина Медина n;Әмина Амина n;Айару Айару n"""

KAZ_S = """Ахметов Ахметов;Омаров Омаров;Сағындықов Сагындыков;Өтегенов Утегенов;Жұмағалиев Жумагалиев;
Құлмағамбетов Кулмагамбетов;Өтеулиев Утеулиев;Ермағанбетов Ермаганбетов;Байжанов Байжанов;Дәулетов Даулетов;
Кенжеғалиев Кенжегалиев;Досмағамбетов Досмагамбетов;Қуанышбаев Куанышбаев;Нұрлыбаев Нурлыбаев;Абылқасымов Абылкасымов;
Мұратов Муратов;Оразов Оразов;Серікбаев Серикбаев;Тұрсынов Турсынов;Жақсылықов Жаксылыков;Бисенов Бисенов;
Темірханов Темирханов;Қалиев Калиев;Есенов Есенов;Қосжанов Косжанов;Жылқышиев Жылкышиев;Тәжиев Тажиев;
Ерназаров Ерназаров;Көшербаев Кошербаев;Қарабалин Карабалин;Шабанбаев Шабанбаев;Бекназаров Бекназаров;Өтешов Утешов;
Ізбасов Избасов;Таубаев Таубаев;Сарыев Сарыев;Қожахметов Кожахметов;Бердіқұлов Бердикулов;Әбілов Абилов;
Жанұзақов Жанузаков;Ақмырзаев Акмырзаев;Түкібаев Тукибаев;Мыңбаев Мынбаев;Ысқақов Искаков;Жұбанов Жубанов;
Бекетов Бекетов;Оспанов Оспанов;Нұрғалиев Нургалиев;Шәкіров Шакиров;Дүйсенов Дюсенов;Әлімбетов Алимбетов;
Жолдасов Жолдасов;Тілеуов Тлеуов;Мамыров Мамыров;Ережепов Ережепов;Сүйінов Суйинов;Қайырлиев Каирлиев;
Махамбетов Махамбетов;Исатаев Исатаев;Айтжанов Айтжанов;Өмірзақов Умирзаков;Төлепов Тулепов;Бәйменов Байменов;
Құрманғалиев Курмангалиев;Егізбаев Егизбаев;Тасқараев Таскараев;Шалабаев Шалабаев;Қоңыратбаев Конуратбаев"""

KAZ_INV = [("Тоқтар", "Токтар"), ("Бекмырза", "Бекмырза"), ("Сейтқали", "Сейткали"), ("Жұмағали", "Жумагали"),
           ("Ерғали", "Ергали"), ("Тәжібай", "Тажибай")]

RUS_M = """Александр omn;Сергей omn;Андрей mn;Дмитрий mn;Алексей mn;Владимир om;Николай om;Виктор om;Игорь m;Юрий om;
Михаил omn;Евгений m;Олег m;Павел mn;Артём n;Максим n;Иван omn;Денис mn;Роман mn;Кирилл n;Никита n;Даниил n;Вадим m;
Геннадий o;Валерий om;Анатолий o;Василий o;Пётр o"""
RUS_F = """Елена om;Ольга om;Наталья m;Татьяна om;Ирина m;Светлана m;Галина o;Людмила o;Анна mn;Мария n;Екатерина mn;
Юлия mn;Оксана m;Валентина o;Надежда o;Любовь o;Алёна n;Дарья n;Анастасия n;Виктория n;Ксения n;Полина n;Софья n;
Вера o;Марина m;Лариса m;Нина o;Раиса o"""
RUS_S = """Иванов;Смирнов;Кузнецов;Попов;Васильев;Петров;Соколов;Михайлов;Новиков;Фёдоров;Морозов;Волков;Алексеев;
Лебедев;Семёнов;Егоров;Павлов;Козлов;Степанов;Николаев;Орлов;Андреев;Макаров;Никитин;Захаров;Зайцев;Соловьёв;Борисов;
Яковлев;Григорьев;Романов;Воробьёв;Сергеев;Кузьмин;Фролов;Белов;Гусев;Титов;Комаров;Киселёв"""
UKR_S = "Шевченко;Бондаренко;Коваленко;Ткаченко;Кравченко;Мельник;Литвиненко;Ковальчук;Олейник;Савченко;Руденко;Марченко"
TAT_M = "Ринат m;Рустам mn;Ильдар m;Айдар mn;Рафаэль m;Тимур mn;Ренат m;Рашид o;Камиль n;Марсель m;Фарид o"
TAT_F = "Гульнара m;Альфия om;Резеда m;Эльвира m;Лилия mn;Гузель mn;Алсу n;Диляра mn;Зульфия o;Роза o;Камила n"
TAT_S = "Галиев;Хабибуллин;Сафин;Гарипов;Ахмадеев;Зарипов;Шарипов;Валиев;Хайруллин;Нуриев;Сабиров;Гималетдинов"
AZE_M = "Эльчин m;Рашад mn;Вугар m;Ильгар m;Фарид mn;Тофик o;Рамиз o;Эмиль n;Мурад n;Намик o;Али n"
AZE_F = "Севиль m;Гюнай n;Айтен mn;Лейла mn;Нигяр m;Эльмира om;Айгюн n;Наргиз m;Рена o"
AZE_S = "Мамедов;Алиев;Гасанов;Гусейнов;Исмаилов;Керимов;Рзаев;Агаев;Джафаров;Бабаев"
TKM_M = "Мурад mn;Гурбан om;Байрам om;Довлет m;Аман om;Реджеп o;Сапар om;Бегенч mn;Мекан n;Атамурат m"
TKM_F = "Огулджан om;Гозель m;Айна mn;Бахар n;Джемал o;Энеджан m;Мяхри m;Огулнабат o;Айгозель n"
TKM_S = "Аманов;Гурбанов;Бердыев;Ораздурдыев;Атаев;Реджепов;Сапаров;Нурыев;Ходжаев;Аннаев;Чарыев;Овезов"
KKP_M = "Бахадыр m;Айдос mn;Ербол mn;Жанибек m;Берик m;Азамат n;Даулет mn;Кайрат om;Махмуд o"
KKP_F = "Гулайым m;Айсулу mn;Гулзира om;Гулбахар om;Зийнет o;Алтынай n;Айзада n"
KKP_S = "Юсупов;Каипов;Абдирахманов;Жуманиязов;Турдымуратов;Нажимов;Утепов;Калимбетов;Бекмуратов;Айтмуратов"
LEZ_M = "Магомед omn;Рамазан mn;Шамиль mn;Руслан mn;Гаджи o;Мурад mn;Ислам n;Арсен n;Абдулла o"
LEZ_F = "Патимат om;Зарема m;Мадина mn;Аминат mn;Асият om;Хадижат o;Марьям n;Зайнаб n"
LEZ_S = "Магомедов;Рамазанов;Гаджиев;Абдуллаев;Алиев;Керимов;Османов;Исаев;Гасанов;Шихмурадов"


def parse_first(txt, kaz):
    out = []
    for item in txt.replace("\n", "").split(";"):
        parts = item.split()
        if kaz:
            out.append((parts[0], parts[1], parts[2]))
        else:
            out.append((parts[0], parts[0], parts[1]))
    return out


def parse_sur(txt, kaz):
    out = []
    for item in txt.replace("\n", "").split(";"):
        parts = item.split()
        if kaz:
            out.append(("ov", parts[0], parts[1]))
        else:
            out.append(("ov", parts[0], parts[0]))
    return out


GROUPS = [("kaz", 83), ("rus", 7), ("ukr", 1.5), ("tat", 1.5), ("aze", 1.5), ("tkm", 2), ("kkp", 2), ("lez", 1.5)]

NAMES = {
    "kaz": (parse_first(KAZ_M, True), parse_first(KAZ_F, True), parse_sur(KAZ_S, True)),
    "rus": (parse_first(RUS_M, False), parse_first(RUS_F, False), parse_sur(RUS_S, False)),
    "ukr": (parse_first(RUS_M, False), parse_first(RUS_F, False), [("inv", s, s) for s in UKR_S.split(";")]),
    "tat": (parse_first(TAT_M, False), parse_first(TAT_F, False), parse_sur(TAT_S, False)),
    "aze": (parse_first(AZE_M, False), parse_first(AZE_F, False), parse_sur(AZE_S, False)),
    "tkm": (parse_first(TKM_M, False), parse_first(TKM_F, False), parse_sur(TKM_S, False)),
    "kkp": (parse_first(KKP_M, False), parse_first(KKP_F, False), parse_sur(KKP_S, False)),
    "lez": (parse_first(LEZ_M, False), parse_first(LEZ_F, False), parse_sur(LEZ_S, False)),
}


def era_of(year):
    return "o" if year < 1962 else ("m" if year < 1990 else "n")


def sex_form(fam, sex):
    """fam = (type, kk, ru) in the male form; returns (kk, ru) for the sex."""
    t, kk, ru = fam
    if t == "ov":
        return (kk, ru) if sex == "M" else (kk + "а", ru + "а")
    if t == "uly":
        if sex == "M":
            return kk + "ұлы", fold(kk) + "улы"
        return kk + "қызы", fold(kk) + "кызы"
    return kk, ru


PATR_IRREG = {"Юрий": "Юрьев", "Дмитрий": "Дмитриев", "Анатолий": "Анатольев", "Геннадий": "Геннадьев",
              "Валерий": "Валерьев", "Евгений": "Евгеньев", "Василий": "Васильев", "Игорь": "Игорев",
              "Пётр": "Петров"}


def patr_ru_form(name, sex):
    if name == "Никита":
        return "Никитич" if sex == "M" else "Никитична"
    if name in PATR_IRREG:
        root = PATR_IRREG[name]
    elif name[-1] in "йь":
        root = name[:-1] + "ев"
    elif name[-1] in "аяиіеоуыұүә":
        root = name + "ев"
    elif name[-1] in "жшчщц":
        root = name + "ев"
    else:
        root = name + "ов"
    return root + ("ич" if sex == "M" else "на")


# ------------------------------------------------------------------------------------------- transliteration

ICAO = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
        "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
        "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "і": "i", "ь": "",
        "э": "e", "ю": "iu", "я": "ia"}


def icao(s):
    out = []
    for ch in s.lower():
        out.append(ICAO.get(ch, ch))
    return "".join(out).upper()


def old_passport(s):
    """The Russian-based scheme of passports before 2012 (from the Russian spelling)."""
    s = s.lower()
    out = []
    for i, ch in enumerate(s):
        prev = s[i - 1] if i else " "
        if ch in "её":
            out.append("ye" if (prev in "аеёиоуыэюяьъ " or i == 0) else "e")
        elif ch == "й":
            out.append("y")
        elif ch == "ю":
            out.append("yu")
        elif ch == "я":
            out.append("ya")
        elif ch in "ьъ":
            out.append("")
        else:
            out.append(ICAO.get(ch, ch))
    return "".join(out).upper()


def informal(s, st):
    """A person's own Latin: st picks j/zh, h/kh, y/i..."""
    out = []
    s2 = s
    for i, ch in enumerate(s2):
        lo = ch.lower()
        up = ch != lo
        if lo == "ж":
            r = st["zh"]
        elif lo == "х":
            r = st["kh"]
        elif lo == "й":
            r = st["y"]
        elif lo == "я":
            r = st["ya"]
        elif lo == "ю":
            r = st["yu"]
        elif lo == "ц":
            r = st["ts"]
        elif lo == "ы":
            r = st["yy"]
        elif lo == "қ":
            r = st["q"]
        elif lo == "ғ":
            r = st["gh"]
        elif lo == "ң":
            r = st["ng"]
        elif lo == "щ":
            r = "sh"
        elif lo == "ё":
            r = "yo"
        elif lo == "ь" or lo == "ъ":
            r = ""
        else:
            r = ICAO.get(lo, lo)
        if up and r:
            r = r[0].upper() + r[1:]
        out.append(r)
    return "".join(out)


def informal_style(rng):
    return {"zh": rng.choice(["zh", "zh", "j"]), "kh": rng.choice(["kh", "h", "h"]), "y": rng.choice(["y", "i"]),
            "ya": rng.choice(["ya", "ya", "ia"]), "yu": rng.choice(["yu", "iu"]), "ts": rng.choice(["ts", "c"]),
            "yy": rng.choice(["y", "i"]), "q": rng.choice(["k", "k", "q"]), "gh": rng.choice(["g", "g", "gh"]),
            "ng": rng.choice(["n", "n", "ng"])}


# ------------------------------------------------------------------------------------------- faults of text

CYR_V = "аеиоуыэюяәөұүі"
LAT_V = "aeiouy"


def name_typo(s, rng):
    if len(s) < 4:
        return s
    k = rng.random()
    i = rng.randint(1, len(s) - 2)
    if k < 0.3:
        return s[:i] + s[i + 1:]
    if k < 0.5:
        return s[:i] + s[i] + s[i:]
    if k < 0.75:
        if s[i] == s[i + 1] or not s[i + 1].isalpha():
            return s[:i] + s[i + 1:]
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    idx = [j for j, c in enumerate(s) if j > 0 and c.lower() in CYR_V + LAT_V]
    if not idx:
        return s[:i] + s[i + 1:]
    j = rng.choice(idx)
    c = s[j]
    pool = CYR_V[:9] if c.lower() in CYR_V else LAT_V
    nc = rng.choice([x for x in pool if x != c.lower()])
    if c.isupper():
        nc = nc.upper()
    return s[:j] + nc + s[j + 1:]


# The Kazakh letters sit on the number row of the Kazakh layout: typed in the Russian layout they come out as
# the keys' digits (and, with shift for a capital, the Russian layout's shifted symbols).
KZ_LAYOUT_LOWER = {"ә": "2", "і": "3", "ң": "4", "ғ": "5", "ү": "8", "ұ": "9", "қ": "0", "ө": "-", "һ": "="}
KZ_LAYOUT_UPPER = {"Ә": '"', "І": "№", "Ң": ";", "Ғ": "%", "Ү": "*", "Ұ": "(", "Қ": ")", "Ө": "_", "Һ": "+"}


def kz_layout_digits(s):
    return "".join(KZ_LAYOUT_LOWER.get(c, KZ_LAYOUT_UPPER.get(c, c)) for c in s)


def has_kk_letter(s):
    return any(c in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for c in s)


def invisible(s, rng):
    k = rng.random()
    if k < 0.45 and " " in s:
        i = [m.start() for m in re.finditer(" ", s)]
        j = rng.choice(i)
        return s[:j] + "\u00a0" + s[j + 1:]
    if k < 0.75:
        return s + "\u200b"
    if k < 0.9 and len(s) > 4:
        j = rng.randint(2, len(s) - 2)
        return s[:j] + "\u00ad" + s[j:]
    return " " + s + " "


def date_slip(d, rng):
    k = rng.random()
    try:
        if k < 0.35:
            return d + days(rng.choice([-1, 1])), "day"
        if k < 0.65 and d.day <= 12 and d.day != d.month:
            return D(d.year, d.day, d.month), "swap"
        if k < 0.85:
            return d.replace(year=d.year + rng.choice([-1, 1])), "year"
        s = f"{d.day:02d}"
        nd = int(s[::-1])
        if 1 <= nd <= 28 and nd != d.day:
            return d.replace(day=nd), "daydigits"
        return d + days(1), "day"
    except ValueError:
        return d + days(1), "day"


def hijri(d):
    """Tabular (Kuwaiti) Islamic date of a Gregorian date."""
    a = (14 - d.month) // 12
    y = d.year + 4800 - a
    m = d.month + 12 * a - 3
    jd = d.day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045
    l = jd - 1948440 + 10632
    n = (l - 1) // 10631
    l = l - 10631 * n + 354
    j = ((10985 - l) // 5316) * ((50 * l) // 17719) + (l // 5670) * ((43 * l) // 15238)
    l = l - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    mo = (24 * l) // 709
    da = l - (709 * mo) // 24
    ye = 30 * n + j - 30
    return ye, mo, da


# ------------------------------------------------------------------------------------------------------ places

# towns: key -> (kk, ru, lat, type, district, lon, lat)
DISTRICTS = {
    "mng": ("Маңғыстау ауданы", "Мангистауский район", "МАНГИСТАУСКИЙ"),
    "bei": ("Бейнеу ауданы", "Бейнеуский район", "БЕЙНЕУСКИЙ"),
    "tup": ("Түпқараған ауданы", "Тупкараганский район", "ТУПКАРАГАНСКИЙ"),
    "kar": ("Қарақия ауданы", "Каракиянский район", "КАРАКИЯНСКИЙ"),
    "mun": ("Мұнайлы ауданы", "Мунайлинский район", "МУНАЙЛИНСКИЙ"),
}

TOWNS = {
    "aktau": ("Ақтау", "Актау", "Aktau", "city", None, 51.17, 43.65),
    "zhanaozen": ("Жаңаөзен", "Жанаозен", "Zhanaozen", "city", None, 52.86, 43.34),
    "shetpe": ("Шетпе", "Шетпе", "Shetpe", "village", "mng", 52.12, 44.16),
    "saiotes": ("Сайөтес", "Сайутес", "Saiotes", "village", "mng", 53.10, 44.33),
    "zhyngyldy": ("Жыңғылды", "Жынгылды", "Zhyngyldy", "village", "mng", 52.50, 44.43),
    "beineu": ("Бейнеу", "Бейнеу", "Beineu", "village", "bei", 55.20, 45.32),
    "borankul": ("Боранқұл", "Боранкул", "Borankul", "village", "bei", 54.35, 45.08),
    "akzhigit": ("Ақжігіт", "Акжигит", "Akzhigit", "village", "bei", 56.05, 44.65),
    "fort": ("Форт-Шевченко", "Форт-Шевченко", "Fort-Shevchenko", "village", "tup", 50.26, 44.51),
    "bautino": ("Баутино", "Баутино", "Bautino", "village", "tup", 50.25, 44.55),
    "akshukyr": ("Ақшұқыр", "Акшукур", "Akshukyr", "village", "tup", 50.85, 43.78),
    "kuryk": ("Құрық", "Курык", "Kuryk", "village", "kar", 51.68, 43.18),
    "zhetybai": ("Жетібай", "Жетыбай", "Zhetybai", "village", "kar", 52.08, 43.59),
    "mangystau_v": ("Маңғыстау", "Мангистау", "Mangystau", "village", "mun", 51.28, 43.70),
    "bayandy": ("Баянды", "Баянды", "Bayandy", "village", "mun", 51.20, 43.68),
    "baskuduk": ("Басқұдық", "Баскудук", "Baskuduk", "village", "mun", 51.34, 43.72),
    "kyzyltobe": ("Қызылтөбе", "Кызылтобе", "Kyzyltobe", "village", "mun", 51.22, 43.73),
    "atameken": ("Атамекен", "Атамекен", "Atameken", "village", "mun", 51.30, 43.68),
    "atyrau": ("Атырау", "Атырау", "Atyrau", "out", None, 0, 0),
    "aktobe": ("Ақтөбе", "Актобе", "Aktobe", "out", None, 0, 0),
    "almaty": ("Алматы", "Алматы", "Almaty", "out", None, 0, 0),
    "astana": ("Астана", "Астана", "Astana", "out", None, 0, 0),
    "shymkent": ("Шымкент", "Шымкент", "Shymkent", "out", None, 0, 0),
    "oral": ("Орал", "Уральск", "Oral", "out", None, 0, 0),
}
VILLAGES = [(k, w) for k, w in [("shetpe", 6), ("saiotes", 1.5), ("zhyngyldy", 1), ("beineu", 7), ("borankul", 2),
                                ("akzhigit", 1), ("fort", 3), ("bautino", 1.5), ("akshukyr", 2), ("kuryk", 3),
                                ("zhetybai", 3), ("mangystau_v", 4), ("bayandy", 2), ("baskuduk", 3),
                                ("kyzyltobe", 3), ("atameken", 2)]]
OUT_TOWNS = [("atyrau", 3), ("aktobe", 2), ("almaty", 3), ("astana", 3), ("shymkent", 1), ("oral", 1)]

AKTAU_MKR = ["1", "2", "3", "3А", "4", "5", "6", "7", "8", "9", "11", "12", "13", "14", "15", "16", "17", "19", "20",
             "23", "24", "26", "27", "28", "29", "32", "33", "34", "35"]
AKTAU_HOUSE_MKR = ["30", "31", "32А"]
ZH_MKR_FLAT = [("Самал", "Самал", "Samal"), ("Шұғыла", "Шугыла", "Shugyla"), ("Өркен", "Оркен", "Orken"),
               ("Арай", "Арай", "Arai"), ("Көктем", "Коктем", "Koktem"), ("Мұнайшы", "Мунайшы", "Munaishy"),
               ("Жұлдыз", "Жулдыз", "Zhuldyz"), ("Ақсу", "Аксу", "Aksu")]
ZH_MKR_HOUSE = [("Шаңырақ", "Шанырак", "Shanyrak"), ("Рахат", "Рахат", "Rakhat")]
STREETS = [("Абай", "Абая", "Abai"), ("Желтоқсан", "Желтоксан", "Zheltoksan"), ("Тәуелсіздік", "Тауелсиздик", "Tauelsizdik"),
           ("Бейбітшілік", "Мира", "Mira"), ("Орталық", "Центральная", "Tsentralnaya"),
           ("Жастар", "Молодёжная", "Molodezhnaya"), ("Бекет ата", "Бекет ата", "Beket ata"),
           ("Шопан ата", "Шопан ата", "Shopan ata"), ("Қараш ата", "Караш ата", "Karash ata"),
           ("Мұнайшылар", "Нефтяников", "Neftyanikov"), ("Сәтбаев", "Сатпаева", "Satpaeva"),
           ("Есет батыр", "Есет батыра", "Eset batyra"), ("Исатай", "Исатая", "Isataya"),
           ("Махамбет", "Махамбета", "Makhambeta"), ("Амангелді", "Амангельды", "Amangeldy"),
           ("Достық", "Дружбы", "Druzhby"), ("Наурыз", "Наурыз", "Nauryz"), ("Теңіз", "Морская", "Morskaya"),
           ("Жеңіс", "Победы", "Pobedy"), ("Құрманғазы", "Курмангазы", "Kurmangazy")]
OUT_STREETS = [("Абай", "Абая", "Abai"), ("Сәтбаев", "Сатпаева", "Satpaeva"), ("Азаттық", "Азаттык", "Azattyk"),
               ("Әл-Фараби", "Аль-Фараби", "Al-Farabi"), ("Тұран", "Туран", "Turan")]


class Addr:
    __slots__ = ("aid", "town", "kind", "mkr", "bld", "flat", "street", "house", "acq", "holders", "kept",
                 "tenants", "priv", "owner_hh")

    def __init__(self, aid, town, kind):
        self.aid = aid
        self.town = town
        self.kind = kind
        self.mkr = None
        self.bld = None
        self.flat = None
        self.street = None
        self.house = None
        self.acq = None
        self.holders = []
        self.kept = False
        self.tenants = []
        self.priv = False
        self.owner_hh = None

    @property
    def region(self):
        return TOWNS[self.town][3] != "out"

    @property
    def district(self):
        return TOWNS[self.town][4]


def addr_text(a, style, rng=None):
    """style: ru_full, ru_short, kk_full, kk_short, dbf, lat, ru_1c"""
    t = TOWNS[a.town]
    kk_t, ru_t, lat_t = t[0], t[1], t[2]
    typ = t[3]
    if a.town == "aktau":
        if a.kind == "flat":
            m, b, f = a.mkr, a.bld, a.flat
            return {"ru_full": f"г. Актау, {m} мкр., д. {b}, кв. {f}",
                    "ru_short": f"Актау {m}-{b}-{f}",
                    "ru_mid": f"{m} мкр, {b} дом, {f} кв",
                    "kk_full": f"Ақтау қ., {m} шағын аудан, {b} үй, {f} пәтер",
                    "kk_short": f"Ақтау, {m} ш/а, {b}-{f}",
                    "dbf": f"Г.АКТАУ {m} МКР Д.{b} КВ.{f}",
                    "lat": f"Aktau {m}-{b}-{f}"}[style]
        m, h = a.mkr, a.house
        return {"ru_full": f"г. Актау, {m} мкр., уч. {h}",
                "ru_short": f"Актау {m} мкр {h}",
                "ru_mid": f"{m} мкр, дом {h}",
                "kk_full": f"Ақтау қ., {m} шағын аудан, {h} үй",
                "kk_short": f"Ақтау, {m} ш/а, {h}",
                "dbf": f"Г.АКТАУ {m} МКР УЧ.{h}",
                "lat": f"Aktau {m} mkr {h}"}[style]
    if a.town == "zhanaozen":
        mk, mr, ml = a.mkr
        if a.kind == "flat":
            b, f = a.bld, a.flat
            return {"ru_full": f"г. Жанаозен, мкр. {mr}, д. {b}, кв. {f}",
                    "ru_short": f"Жанаозен {mr} {b}-{f}",
                    "ru_mid": f"мкр {mr}, {b} дом, {f} кв",
                    "kk_full": f"Жаңаөзен қ., {mk} ш/а, {b} үй, {f} пәтер",
                    "kk_short": f"Жаңаөзен, {mk} {b}-{f}",
                    "dbf": f"Г.ЖАНАОЗЕН МКР.{mr.upper()} Д.{b} КВ.{f}",
                    "lat": f"Zhanaozen {ml} {b}-{f}"}[style]
        h = a.house
        return {"ru_full": f"г. Жанаозен, мкр. {mr}, д. {h}",
                "ru_short": f"Жанаозен {mr} {h}",
                "ru_mid": f"мкр {mr}, дом {h}",
                "kk_full": f"Жаңаөзен қ., {mk} ш/а, {h} үй",
                "kk_short": f"Жаңаөзен, {mk} {h}",
                "dbf": f"Г.ЖАНАОЗЕН МКР.{mr.upper()} Д.{h}",
                "lat": f"Zhanaozen {ml} {h}"}[style]
    sk, sr, sl = a.street
    h = a.house
    fl = a.flat
    if typ == "village":
        return {"ru_full": f"с. {ru_t}, ул. {sr}, д. {h}",
                "ru_short": f"{ru_t}, {sr} {h}",
                "ru_mid": f"с.{ru_t} ул.{sr} {h}",
                "kk_full": f"{kk_t} а., {sk} көшесі, {h} үй",
                "kk_short": f"{kk_t}, {sk} к-сі {h}",
                "dbf": f"С.{ru_t.upper()} УЛ.{sr.upper()} {h}",
                "lat": f"{lat_t}, {sl} {h}"}[style]
    tail_ru = f", кв. {fl}" if fl else ""
    tail_kk = f", {fl} пәтер" if fl else ""
    tail_s = f"-{fl}" if fl else ""
    return {"ru_full": f"г. {ru_t}, ул. {sr}, д. {h}{tail_ru}",
            "ru_short": f"{ru_t}, {sr} {h}{tail_s}",
            "ru_mid": f"г.{ru_t} ул.{sr} {h}{tail_s}",
            "kk_full": f"{kk_t} қ., {sk} көшесі, {h} үй{tail_kk}",
            "kk_short": f"{kk_t}, {sk} к-сі {h}{tail_s}",
            "dbf": f"Г.{ru_t.upper()} УЛ.{sr.upper()} {h}{tail_s}",
            "lat": f"{lat_t}, {sl} {h}{tail_s}"}[style]


# ------------------------------------------------------------------------------------------------------ persons

class Person:
    def __init__(self, pid, sex, birth, group):
        self.pid = pid
        self.sex = sex
        self.birth = birth
        self.group = group
        self.first = None
        self.surs = []
        self.fam = None
        self.father_first = None
        self.gf_first = None
        self.patr_kind = "ru"
        self.father = None
        self.mother = None
        self.spouse = None
        self.children = []
        self.addrs = []
        self.phones = []
        self.death = None
        self.iin = None
        self.email = None
        self.hh = None
        self.passports = []
        self.birthplace = None

    @property
    def id(self):
        return f"P{self.pid:05d}"

    def alive(self, d):
        return self.birth <= d and (self.death is None or d < self.death)

    def sur(self, d):
        cur = self.surs[0]
        for e in self.surs:
            if e[0] <= d:
                cur = e
        return cur[1], cur[2]

    def addr(self, d):
        cur = None
        for e in self.addrs:
            if e[0] <= d:
                cur = e[1]
        return cur

    def in_region(self, d):
        a = self.addr(d)
        return self.alive(d) and a is not None and a.region

    def phone(self, d):
        cur = None
        for e in self.phones:
            if e[0] <= d:
                cur = e[1]
        return cur

    def patr(self, script):
        if self.patr_kind == "none":
            return ""
        fk, fr = self.father_first
        if self.patr_kind == "kk":
            if script == "kk":
                return fk + ("ұлы" if self.sex == "M" else "қызы")
            return fold(fk) + ("улы" if self.sex == "M" else "кызы")
        if self.patr_kind == "oglu":
            return fr + (" оглы" if self.sex == "M" else " кызы")
        if script == "kk" and self.group == "kaz":
            return patr_ru_form(fk, self.sex)
        return patr_ru_form(fr, self.sex)

    def parts(self, d, script):
        s = self.sur(d)
        sur = s[0] if script == "kk" else s[1]
        first = self.first[0] if script == "kk" else self.first[1]
        return sur, first, self.patr(script)


class World:
    def __init__(self, rng, n):
        self.rng = rng
        self.n = n
        self.P = []
        self.used_iin = set()
        self.used_phone = set()
        self.aseq = 0
        self.pool = {"aktau": [], "zhanaozen": []}
        self.zipf = {}
        for g, (m, f, s) in NAMES.items():
            for sex, lst in (("M", m), ("F", f)):
                for era in "omn":
                    sub = [(x[0], x[1]) for x in lst if era in x[2]]
                    self.zipf[(g, sex, era)] = Zipf(rng, sub)
            self.zipf[(g, "S")] = Zipf(rng, s, 0.8)
        self.zipf[("kaz", "INV")] = Zipf(rng, [("inv", a, b) for a, b in KAZ_INV])
        self.households = []
        self.couples = []
        self.stats = {}

    # -- drawing
    def first(self, group, sex, year, exclude=()):
        return self.zipf[(group, sex, era_of(year))].pick(self.rng, exclude)

    def surname(self, group):
        if group == "kaz" and self.rng.random() < 0.04:
            return self.zipf[("kaz", "INV")].pick(self.rng)
        return self.zipf[(group, "S")].pick(self.rng)

    def group(self):
        return weighted(self.rng, GROUPS)

    def new_addr(self, town, kind=None):
        rng = self.rng
        self.aseq += 1
        typ = TOWNS[town][3]
        if kind is None:
            if town == "aktau":
                kind = "flat" if rng.random() < 0.85 else "house"
            elif town == "zhanaozen":
                kind = "flat" if rng.random() < 0.65 else "house"
            elif typ == "village":
                kind = "house"
            else:
                kind = "flat" if rng.random() < 0.6 else "house"
        a = Addr(self.aseq, town, kind)
        if town == "aktau":
            if kind == "flat":
                a.mkr = rng.choice(AKTAU_MKR)
                a.bld = rng.randint(1, 42)
                a.flat = rng.randint(1, 80)
            else:
                a.mkr = rng.choice(AKTAU_HOUSE_MKR)
                a.house = rng.randint(1, 420)
        elif town == "zhanaozen":
            if kind == "flat":
                a.mkr = rng.choice(ZH_MKR_FLAT)
                a.bld = rng.randint(1, 36)
                a.flat = rng.randint(1, 60)
            else:
                a.mkr = rng.choice(ZH_MKR_HOUSE)
                a.house = rng.randint(1, 300)
        elif typ == "village":
            a.street = rng.choice(STREETS)
            a.house = rng.randint(1, 160)
        else:
            a.street = rng.choice(OUT_STREETS)
            a.house = rng.randint(1, 220)
            if kind == "flat":
                a.flat = rng.randint(1, 150)
        return a

    def home_town(self):
        r = self.rng.random()
        if r < 0.55:
            return "aktau"
        if r < 0.72:
            return "zhanaozen"
        return weighted(self.rng, VILLAGES)

    def parental_addr(self):
        if self.rng.random() < 0.82:
            return self.new_addr(self.home_town())
        return self.new_addr(weighted(self.rng, OUT_TOWNS))

    def move_target(self, town):
        r = self.rng.random()
        if r < 0.75:
            return town
        if r < 0.9:
            return self.home_town()
        return weighted(self.rng, OUT_TOWNS)

    def iin(self, birth, sex):
        return make_iin(self.rng, birth, sex, self.used_iin)

    def person(self, sex, birth, group, fam=None, first=None, father_first=None, exclude_first=()):
        rng = self.rng
        p = Person(len(self.P) + 1, sex, birth, group)
        p.first = first or self.first(group, sex, birth.year, exclude_first)
        if fam is None:
            fam = self.surname(group)
        p.fam = fam
        kk, ru = sex_form(fam, sex)
        p.surs = [(birth, kk, ru)]
        p.father_first = father_first or self.first(group, "M", birth.year - rng.randint(24, 36))
        p.gf_first = self.first(group, "M", birth.year - rng.randint(50, 65))
        if group == "kaz":
            if birth.year >= 1995:
                p.patr_kind = "kk" if rng.random() < 0.42 else "ru"
            else:
                p.patr_kind = "kk" if rng.random() < 0.08 else "ru"
        elif group == "aze":
            p.patr_kind = "oglu" if rng.random() < 0.4 else "ru"
        else:
            p.patr_kind = "ru"
        p.iin = self.iin(birth, sex)
        p.birthplace = None
        self.P.append(p)
        return p

    def change_surname(self, p, d, fam_or_pair):
        if isinstance(fam_or_pair, tuple) and len(fam_or_pair) == 3:
            kk, ru = sex_form(fam_or_pair, p.sex)
        else:
            kk, ru = fam_or_pair
        if p.sur(d) != (kk, ru):
            p.surs.append((d, kk, ru))

    def take_rental(self, town):
        pool = self.pool.get(town)
        if pool and self.rng.random() < 0.5:
            return pool.pop(0)
        return None

    # -- households
    def marriage_surname(self, wife, husband_fam, mdate):
        g = wife.group
        p_take = 0.75 if g == "kaz" else (0.92 if g in ("rus", "ukr") else 0.85)
        if husband_fam[0] == "uly":
            return False
        if self.rng.random() < p_take:
            self.change_surname(wife, mdate, husband_fam)
            return True
        return False

    def make_couple(self):
        rng = self.rng
        g = self.group()
        hb = D(rng.randint(1942, 1998), 1, 1) + days(rng.randint(0, 364))
        wg = g if rng.random() < 0.92 else self.group()
        wb = hb + days(int(365.25 * rng.uniform(-2, 7)))
        m_age = rng.uniform(19, 30)
        mdate = wb + days(int(365.25 * m_age))
        if age_at(hb, mdate) < 21:
            mdate = add_years(hb, 21) + days(rng.randint(0, 400))
        if mdate > D(2024, 9, 1):
            return None
        fam = self.surname(g)
        h_father_first = self.first(g, "M", hb.year - rng.randint(24, 36))
        if g == "kaz" and hb.year >= 1980 and rng.random() < 0.04:
            fam = ("uly", h_father_first[0], h_father_first[1])
        H = self.person("M", hb, g, fam=fam, father_first=h_father_first)
        if fam[0] == "uly":
            H.patr_kind = "none"
        W = self.person("F", wb, wg)
        hh = {"type": "couple", "members": [H, W], "H": H, "W": W, "mdate": mdate}
        H.hh = W.hh = hh
        H.spouse, W.spouse = W, H
        W.maiden = W.surs[0]
        self.marriage_surname(W, fam, mdate)
        town = self.home_town()
        H_par = self.parental_addr()
        W_par = self.parental_addr()
        H.addrs = [(hb, H_par)]
        W.addrs = [(wb, W_par)]
        W.par_addr = W_par
        H.par_addr = H_par
        # the husband's parents living with the couple (Kazakh youngest son's household)
        parents = []
        if g == "kaz" and hb.year >= 1960 and H_par.region and rng.random() < 0.22:
            fb = hb - days(int(365.25 * rng.uniform(24, 36)))
            if fb.year >= 1925:
                pfam = self.surname(g) if fam[0] == "uly" else fam
                F = self.person("M", fb, g, fam=pfam, first=h_father_first)
                F.addrs = [(fb, H_par)]
                parents.append(F)
                H.father = F
            mb = (fb if parents else hb - days(int(365.25 * 28))) + days(int(365.25 * rng.uniform(-1, 6)))
            if rng.random() < 0.8 and mb.year >= 1928:
                M = self.person("F", mb, g, fam=(parents[0].fam if parents else (self.surname(g) if fam[0] == "uly" else fam)))
                M.addrs = [(mb, H_par)]
                parents.append(M)
                H.mother = M
                if parents[0] is not M:
                    parents[0].spouse, M.spouse = M, parents[0]
            for x in parents:
                x.hh = hh
                hh["members"].append(x)
                x.children.append(H)
            H_par.holders = list(parents)
            H_par.acq = D(1980, 1, 1) + days(rng.randint(0, 5000))
            H_par.priv = H_par.acq < D(1997, 1, 1)
            H_par.owner_hh = hh
        if parents:
            home = H_par
        else:
            home = self.new_addr(town)
            home.acq = mdate
            home.owner_hh = hh
        hh["home0"] = home
        # children
        n_k = weighted(rng, [(0, 6), (1, 12), (2, 22), (3, 27), (4, 20), (5, 9), (6, 4)] if g in ("kaz", "kkp", "tkm", "lez", "aze")
                       else [(0, 12), (1, 30), (2, 36), (3, 17), (4, 5)])
        kids = []
        t = mdate + days(rng.randint(300, 700))
        names_used = []
        for _ in range(n_k):
            if t > END or age_at(wb, t) > 43:
                break
            twins = rng.random() < 0.015
            for k in range(2 if twins else 1):
                sex = "M" if rng.random() < 0.51 else "F"
                kfam = fam
                if g == "kaz" and t.year >= 1995 and fam[0] != "uly" and rng.random() < 0.06:
                    kfam = ("uly", H.first[0], H.first[1])
                if fam[0] == "uly":
                    kfam = ("uly", H.first[0], H.first[1])
                c = self.person(sex, t, g, fam=kfam, father_first=H.first, exclude_first=names_used)
                names_used.append(c.first)
                if kfam[0] == "uly" and (c.patr_kind == "kk" or rng.random() < 0.8):
                    c.patr_kind = "none"
                c.father, c.mother = H, W
                H.children.append(c)
                W.children.append(c)
                c.hh = hh
                kids.append(c)
                hh["members"].append(c)
            t = t + days(rng.randint(460, 1500))
        hh["kids"] = kids
        # home's holders
        if not parents:
            if mdate < D(1997, 1, 1):
                home.priv = True
                home.holders = [H, W] + [k for k in kids if k.birth < D(1996, 6, 1)]
            else:
                r = rng.random()
                home.holders = [H] if r < 0.4 else ([H, W] if r < 0.85 else [W])
        self.couples.append(hh)
        return hh

    def finish_couple(self, hh):
        """Timeline: deaths, births, moves, divorce, children leaving."""
        rng = self.rng
        H, W = hh["H"], hh["W"]
        mdate = hh["mdate"]
        home = hh["home0"]
        members = hh["members"]
        events = []
        for p in members:
            self.maybe_death(p)
        t0 = max(mdate, D(2006, 1, 1))
        n_moves = 0
        if rng.random() < 0.30:
            n_moves = 2 if rng.random() < 0.2 else 1
        for md in sorted(rand_date(rng, t0, D(2023, 10, 1)) for _ in range(n_moves)):
            events.append((md, 1, "move", None))
        if mdate < D(2018, 1, 1) and rng.random() < 0.07:
            events.append((rand_date(rng, mdate + days(3 * 365), D(2023, 6, 1)), 2, "divorce", None))
        for k in hh["kids"]:
            events.append((k.birth, 0, "birth", k))
            ld = k.birth + days(int(365.25 * rng.uniform(18, 27)))
            if ld < END:
                events.append((ld, 3, "leave", k))
        events.sort(key=lambda e: (e[0], e[1], e[3].pid if e[3] else 0))
        if H.addr(mdate) is not home:
            H.addrs.append((mdate, home))
        W.addrs.append((mdate, home))
        cur = home
        kaz_youngest = None
        if H.group == "kaz" and hh["kids"]:
            sons = [k for k in hh["kids"] if k.sex == "M"]
            if sons and rng.random() < 0.6:
                kaz_youngest = sons[-1]
        for (t, _, kind, who) in events:
            if kind == "birth":
                mo = who.mother
                a = mo.addr(t) if mo is not None and mo.addr(t) is not None else cur
                who.addrs = [(t, a)]
            elif kind == "move":
                if not (H.alive(t) or W.alive(t)):
                    continue
                if not any(x.alive(t) and x.addr(t) is cur for x in (H, W)):
                    continue
                town = self.move_target(cur.town)
                new = self.new_addr(town)
                new.acq = t
                new.owner_hh = hh
                adults = [x for x in (H, W) if x.alive(t) and x.addr(t) is cur]
                r = rng.random()
                if len(adults) == 2:
                    new.holders = [H] if r < 0.4 else ([H, W] if r < 0.85 else [W])
                else:
                    new.holders = adults
                if cur.kind == "flat" and cur.town in self.pool and cur.holders and rng.random() < 0.4:
                    cur.kept = True
                    self.pool[cur.town].append(cur)
                for p in members:
                    if p.alive(t) and p.addr(t) is cur:
                        p.addrs.append((t, new))
                cur = new
            elif kind == "divorce":
                if H.alive(t) and W.alive(t) and H.addr(t) is cur and W.addr(t) is cur:
                    hh["divorce"] = t
                    town = cur.town
                    na = self.take_rental(town) if town in self.pool else None
                    if na is None:
                        na = self.new_addr(town)
                        na.acq = t
                        na.holders = [H]
                    else:
                        na.tenants.append((H, t))
                    H.addrs.append((t, na))
                    H.spouse_div = t
                    if W.surs[-1][1] != W.maiden[1] and rng.random() < 0.4:
                        W.surs.append((t + days(rng.randint(30, 400)), W.maiden[1], W.maiden[2]))
            elif kind == "leave":
                k = who
                if not k.alive(t) or k.addr(t) is not cur:
                    continue
                if k is kaz_youngest:
                    continue
                if rng.random() < 0.25:
                    continue
                self.leave_home(k, t, cur)
        for p in members:
            self.phones_email(p)

    def leave_home(self, k, t, cur):
        rng = self.rng
        married = False
        if k.sex == "F" and age_at(k.birth, t) >= 19 and rng.random() < 0.6:
            fam = self.surname(k.group if rng.random() < 0.9 else self.group())
            p_take = 0.75 if k.group == "kaz" else 0.9
            if rng.random() < p_take:
                self.change_surname(k, t, fam)
            married = True
        r = rng.random()
        if r < 0.55:
            town = cur.town if cur.region else self.home_town()
        elif r < 0.72:
            town = self.home_town()
        else:
            town = weighted(rng, OUT_TOWNS)
        na = None
        if town in self.pool and not married:
            na = self.take_rental(town)
        if na is None:
            na = self.new_addr(town)
            na.acq = t
            na.holders = [k] if rng.random() < 0.5 else []
        else:
            na.tenants.append((k, t))
        k.addrs.append((t, na))
        if not na.region and rng.random() < 0.3:
            rt = t + days(rng.randint(700, 2500))
            if rt < D(2024, 6, 1):
                na2 = self.new_addr(self.home_town())
                na2.acq = rt
                na2.holders = [k] if rng.random() < 0.5 else []
                k.addrs.append((rt, na2))
        elif na.region and rng.random() < 0.15:
            rt = t + days(rng.randint(400, 2500))
            if rt < D(2024, 6, 1):
                na2 = self.new_addr(na.town)
                na2.acq = rt
                na2.holders = [k]
                k.addrs.append((rt, na2))

    def maybe_death(self, p):
        rng = self.rng
        y = p.birth.year
        q = 0.0
        if y < 1940:
            q = 0.6
        elif y < 1950:
            q = 0.3
        elif y < 1960:
            q = 0.12 if p.sex == "M" else 0.05
        elif y < 1970:
            q = 0.04 if p.sex == "M" else 0.015
        if q and rng.random() < q:
            lo = max(D(2008, 1, 1), add_years(p.birth, 50))
            if lo < D(2024, 10, 1):
                p.death = rand_date(rng, lo, D(2024, 10, 1))

    def phones_email(self, p):
        rng = self.rng
        if p.phones:
            return
        start = max(add_years(p.birth, 14), D(2004, 1, 1))
        if start > END:
            return
        if p.birth.year < 1945 and rng.random() < 0.3:
            return
        p.phones = [(start, self.new_phone())]
        if rng.random() < 0.15:
            p.phones.append((rand_date(rng, start + days(200), D(2024, 6, 1)), self.new_phone()))
        if p.birth.year >= 1970 and rng.random() < 0.45:
            d20 = max(add_years(p.birth, 20), D(2003, 1, 1))
            s = p.sur(d20)[0]
            st = informal_style(rng)
            user = informal(p.first[0], st).lower() + rng.choice([".", "_", ""]) + informal(s, st).lower()
            if rng.random() < 0.5:
                user += str(p.birth.year % 100)
            user = re.sub(r"[^a-z0-9._]", "", user)
            p.email = user + "@" + rng.choice(["mail.ru", "mail.ru", "gmail.com", "gmail.com", "inbox.ru", "bk.ru", "yandex.kz"])

    def new_phone(self):
        rng = self.rng
        while True:
            pre = rng.choice(["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"])
            num = pre + f"{rng.randint(0, 9999999):07d}"
            if num not in self.used_phone:
                self.used_phone.add(num)
                return num

    def make_single(self):
        rng = self.rng
        g = self.group()
        sex = "M" if rng.random() < 0.5 else "F"
        b = D(rng.randint(1960, 2004), 1, 1) + days(rng.randint(0, 364))
        p = self.person(sex, b, g)
        par = self.parental_addr()
        p.addrs = [(b, par)]
        hh = {"type": "single", "members": [p]}
        p.hh = hh
        self.maybe_death(p)
        t = add_years(b, 18) + days(rng.randint(0, 2500))
        if t < END:
            town = self.home_town()
            na = self.take_rental(town) if town in self.pool else None
            if na is None:
                na = self.new_addr(town)
                na.acq = t
                na.holders = [p] if rng.random() < 0.6 else []
                na.owner_hh = hh
            else:
                na.tenants.append((p, t))
            p.addrs.append((t, na))
            if sex == "F" and b.year < 1996 and rng.random() < 0.35:
                md = add_years(b, rng.randint(21, 32))
                if md < D(2024, 6, 1):
                    if rng.random() < 0.85:
                        self.change_surname(p, md, self.surname(g))
            if rng.random() < 0.3:
                mt = rand_date(rng, max(t + days(300), D(2007, 1, 1)), D(2023, 10, 1))
                if mt > t:
                    nb = self.new_addr(self.move_target(na.town))
                    nb.acq = mt
                    nb.holders = [p] if rng.random() < 0.6 else []
                    p.addrs.append((mt, nb))
        self.phones_email(p)
        return hh

    def make_single_mother(self):
        rng = self.rng
        g = self.group()
        b = D(rng.randint(1970, 1998), 1, 1) + days(rng.randint(0, 364))
        m = self.person("F", b, g)
        par = self.parental_addr()
        m.addrs = [(b, par)]
        hh = {"type": "single_mother", "members": [m]}
        m.hh = hh
        home = self.new_addr(self.home_town())
        home.acq = add_years(b, 20) + days(rng.randint(0, 900))
        home.holders = [m] if rng.random() < 0.5 else []
        home.owner_hh = hh
        if home.acq < END:
            m.addrs.append((home.acq, home))
        n = weighted(rng, [(1, 45), (2, 35), (3, 20)])
        t = add_years(b, rng.randint(20, 30))
        names_used = []
        for _ in range(n):
            if t > END or age_at(b, t) > 40:
                break
            sex = "M" if rng.random() < 0.5 else "F"
            c = self.person(sex, t, g, fam=m.fam, exclude_first=names_used)
            names_used.append(c.first)
            c.mother = m
            m.children.append(c)
            c.addrs = [(t, m.addr(t) or home)]
            c.hh = hh
            hh["members"].append(c)
            t = t + days(rng.randint(500, 1800))
        for p in hh["members"]:
            self.maybe_death(p) if p is m else None
        for c in hh["members"][1:]:
            la = c.birth + days(int(365.25 * rng.uniform(18, 27)))
            if la < END and rng.random() < 0.7 and c.addr(la) is not None:
                self.leave_home(c, la, c.addr(la))
        for p in hh["members"]:
            self.phones_email(p)
        return hh

    def make_elderly(self):
        rng = self.rng
        # half are a spouse's parent in an existing couple
        link = None
        if rng.random() < 0.5:
            cands = [c for c in self.couples if not c.get("wlinked") and c["W"].birth.year >= 1962
                     and c["W"].par_addr.region]
            if cands:
                link = rng.choice(cands[-80:])
        if link:
            W = link["W"]
            link["wlinked"] = True
            sex = "M" if rng.random() < 0.3 else "F"
            b = W.birth - days(int(365.25 * rng.uniform(21, 36)))
            if b.year < 1930:
                b = D(1930, 1, 1) + days(rng.randint(0, 700))
            maiden_fam = ("ov", W.maiden[1][:-1], W.maiden[2][:-1]) if W.maiden[1].endswith("а") else ("inv", W.maiden[1], W.maiden[2])
            if sex == "M":
                p = self.person("M", b, W.group, fam=maiden_fam, first=W.father_first)
                W.father = p
            else:
                p = self.person("F", b, W.group, fam=maiden_fam)
                W.mother = p
                own = self.surname(W.group)
                p.surs = [(b, *sex_form(own, "F")), (add_years(b, 21), *sex_form(maiden_fam, "F"))]
            p.children.append(W)
            home = W.par_addr
            home.acq = home.acq or D(1975, 1, 1) + days(rng.randint(0, 7000))
            home.holders = home.holders or [p]
            home.priv = home.acq < D(1997, 1, 1)
            p.addrs = [(b, home)]
        else:
            g = self.group()
            sex = "M" if rng.random() < 0.25 else "F"
            b = D(rng.randint(1934, 1958), 1, 1) + days(rng.randint(0, 364))
            p = self.person(sex, b, g)
            if sex == "F":
                own = self.surname(g)
                married = p.surs[0]
                p.surs = [(b, *sex_form(own, "F")), (add_years(b, rng.randint(19, 26)), married[1], married[2])]
            home = self.new_addr(self.home_town())
            home.acq = D(1975, 1, 1) + days(rng.randint(0, 9000))
            home.priv = home.acq < D(1997, 1, 1)
            home.holders = [p]
            p.addrs = [(b, home)]
        hh = {"type": "elderly", "members": [p]}
        p.hh = hh
        home.owner_hh = hh
        self.maybe_death(p)
        self.phones_email(p)
        return hh

    def build(self):
        rng = self.rng
        while len(self.P) < self.n:
            r = rng.random()
            before = len(self.P)
            if r < 0.60:
                hh = self.make_couple()
                if hh is None:
                    continue
                if len(self.P) > self.n:
                    del self.P[before:]
                    self.couples.pop()
                    break
                self.finish_couple(hh)
            elif r < 0.74:
                hh = self.make_single()
            elif r < 0.81:
                hh = self.make_single_mother()
                if len(self.P) > self.n:
                    del self.P[before:]
                    break
            else:
                hh = self.make_elderly()
            self.households.append(hh)
        while len(self.P) < self.n:
            self.households.append(self.make_single())
        # birthplaces (for passports)
        for p in self.P:
            if p.birth.year < 1992:
                p.birthplace = weighted(rng, [("SHEVCHENKO", 3), ("MANGYSHLAK", 2), ("KAZAKHSTAN", 3), ("GURYEV", 1),
                                              ("ZHANAOZEN", 1), ("NOVYI UZEN", 1), ("TURKMENISTAN", 0.3)])
            else:
                p.birthplace = weighted(rng, [("AKTAU", 4), ("MANGYSTAU", 2), ("KAZAKHSTAN", 2), ("ZHANAOZEN", 1)])
        self.by_id = {p.pid: p for p in self.P}


# -------------------------------------------------------------------------------------------- phone rendering

def phone_fmt(num, style):
    n = num
    if style == "plus":
        return "+7" + n
    if style == "8":
        return "8" + n
    if style == "8sp":
        return f"8 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"
    if style == "paren":
        return f"+7 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}"
    if style == "plussp":
        return f"+7 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"
    if style == "10":
        return n
    return "+7" + n


# ------------------------------------------------------------------------------------------------- extracts

class Out:
    def __init__(self):
        self.truth = []
        self.stats = {}

    def add(self, fname, rid, person):
        self.truth.append((fname, str(rid), person.id))

    def count(self, fname, key, n=1):
        d = self.stats.setdefault(fname, {})
        d[key] = d.get(key, 0) + n


def write_iin(out, fname, rng, p, rate, extra_kinds=None):
    """The IIN a record writes, with its typos."""
    v = p.iin
    if rng.random() < rate:
        kind = weighted(rng, IIN_KINDS)
        v, made = iin_typo(v, rng, kind)
        out.count(fname, "iin_typo_" + made)
    return v


# ---------- 1. GeoJSON: livestock holdings

VET_DOCTORS = {"mng": ["Утегенов Б.К.", "Сисенбаева Г.Т."], "bei": ["Куанов Е.М.", "Досжанов А.Б."],
               "tup": ["Есболов Н.Ж.", "Абенова Р.С."], "kar": ["Мухитов С.О.", "Кенжебаев Д.А."],
               "mun": ["Тулегенов М.Р.", "Жусупова А.К."]}
WINTER = ["Қызылқұм", "Бозашы", "Түйесу", "Қарақұм", "Үстірт", "Сам", "Қаракие", "Таушық", "Шебір", "Бекет",
          "Тұщықұдық", "Ақшымырау", "Сенек", "Қансу", "Бостанқұм"]


def gen_vet(w, rng, out):
    fname = "mal_iesi_gis.json"
    years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
    holdings = []
    hid = 0
    for p in w.P:
        d0 = D(2017, 4, 1)
        if not (p.alive(d0) or p.alive(D(2021, 4, 1))):
            continue
        for y in years:
            dd = D(y, 4, 1)
            if p.in_region(dd) and age_at(p.birth, dd) >= 25:
                break
        else:
            continue
        a = p.addr(dd)
        typ = TOWNS[a.town][3]
        age = age_at(p.birth, dd)
        q = 0.0
        if typ == "village":
            if p.sex == "M" and age >= 25:
                q = 0.65 if age >= 35 else 0.32
            elif p.sex == "F" and age >= 55 and (p.spouse is None or not p.spouse.alive(dd)):
                q = 0.45
        elif typ == "city":
            if p.sex == "M" and 35 <= age <= 80:
                q = 0.2
        if q and rng.random() < q:
            hid += 1
            start = y if rng.random() < 0.7 else rng.choice([yy for yy in years if yy >= y])
            district = a.district if typ == "village" else weighted(rng, [("mun", 4), ("mng", 2), ("tup", 2), ("kar", 2), ("bei", 1)])
            settle = a.town if typ == "village" else rng.choice([k for k, _ in VILLAGES if TOWNS[k][4] == district])
            code = f"KZ12-{rng.randint(100, 999):03d}{rng.randint(0, 99):02d}-{hid:04d}"
            holdings.append({"owner": p, "start": start, "district": district, "settle": settle, "code": code,
                             "town_owner": typ == "city", "reg_addr": a, "reg_date": D(start, 4, 1),
                             "herd": {"camels": rng.choice([0, 0, 0, 3, 8, 15, 30, 60]),
                                      "horses": rng.choice([0, 0, 2, 5, 12, 25]),
                                      "cattle": rng.choice([0, 1, 2, 4, 8, 15]),
                                      "sheep": rng.choice([0, 10, 25, 40, 80, 150, 300, 500])},
                             "winter": rng.choice(WINTER),
                             "lonlat": (TOWNS[settle][5] + rng.uniform(-0.35, 0.35), TOWNS[settle][6] + rng.uniform(-0.25, 0.25)),
                             "herder": None, "ftype": "КХ" if rng.random() < 0.2 else "ЛПХ"})
    # operators' styles per (district, year)
    style = {}
    for dk in DISTRICTS:
        for y in years:
            style[(dk, y)] = {"kk": rng.random() < 0.3, "initials": rng.random() < 0.25,
                              "herder_first": rng.random() < 0.2}
    moj_d = rng.choice(["bei", "kar", "tup"])
    moj_years = sorted(rng.sample(years[2:6], 2))
    feats = []

    def village_men(district, dd, exclude):
        res = []
        for q in w.P:
            if q.sex != "M" or q is exclude or not q.in_region(dd):
                continue
            ag = age_at(q.birth, dd)
            if not (17 <= ag <= 65):
                continue
            qa = q.addr(dd)
            if TOWNS[qa.town][3] == "village" and (qa.district == district or rng.random() < 0.05):
                res.append(q)
        return res

    men_cache = {}
    for h in holdings:
        owner = h["owner"]
        herder = None
        ended = False
        for y in years:
            if y < h["start"] or ended:
                continue
            dd = D(y, 4, 1)
            if y > h["start"] and rng.random() < 0.06:
                ended = True
                continue
            if not owner.alive(dd):
                # the holding passes to the widow or a son
                cands = []
                if owner.spouse is not None and owner.spouse.in_region(dd) and not h.get("passed_son"):
                    cands.append(owner.spouse)
                sons = [c for c in owner.children if c.sex == "M" and c.in_region(dd) and age_at(c.birth, dd) >= 20]
                if sons and (not cands or rng.random() < 0.5):
                    cands = [sons[0]]
                    h["passed_son"] = True
                if not cands or rng.random() < 0.2:
                    ended = True
                    continue
                owner = cands[0]
                h["reg_addr"] = owner.addr(dd)
                h["reg_date"] = dd
                out.count(fname, "passed_on_death")
            if not owner.in_region(dd):
                ended = True
                continue
            need_herder = (h["town_owner"] and rng.random() < 0.85) or (not h["town_owner"] and rng.random() < 0.22)
            if need_herder:
                if herder is None or rng.random() < 0.2 or not herder.in_region(dd):
                    sons = [c for c in owner.children if c.sex == "M" and c.in_region(dd) and 16 <= age_at(c.birth, dd) <= 60
                            and TOWNS[c.addr(dd).town][3] == "village"]
                    if sons and rng.random() < 0.35:
                        herder = rng.choice(sons)
                    else:
                        key = (h["district"], y)
                        if key not in men_cache:
                            men_cache[key] = village_men(h["district"], dd, None)
                        pool = [m for m in men_cache[key] if m is not owner]
                        herder = rng.choice(pool) if pool else None
            n_copies = 2 if rng.random() < 0.015 else 1
            for copy in range(n_copies):
                feats.append((y, h, owner, herder if need_herder else None, dd, copy))
    feats.sort(key=lambda f: (f[0], f[1]["district"], f[1]["settle"], f[1]["code"], f[5]))

    def enc(s, moj):
        if s is None:
            return None
        b = s.encode("cp1251", errors="replace")
        return b.decode("latin-1") if moj else b.decode("cp1251")

    lines = []
    oid = 0
    for (y, h, owner, herder, dd, copy) in feats:
        oid += 1
        st = style[(h["district"], y)]
        moj = h["district"] == moj_d and y in moj_years
        script = "kk" if (st["kk"] and owner.group == "kaz") else "ru"
        sur, first, patr = owner.parts(dd, script)
        if st["initials"] and rng.random() < 0.8:
            nm = f"{sur} {first[0]}." + (f"{patr[0]}." if patr else "")
            out.count(fname, "owner_initials")
        else:
            nm = " ".join(x for x in (sur, first, patr if rng.random() > 0.05 else "") if x)
        nm = nm.upper()
        if rng.random() < 0.018:
            parts = nm.split(" ")
            j = 0 if rng.random() < 0.6 else min(1, len(parts) - 1)
            parts[j] = name_typo(parts[j], rng)
            nm = " ".join(parts)
            out.count(fname, "name_typo")
        if len(nm) > 30:
            out.count(fname, "name_truncated_30")
        if script == "kk" and has_kk_letter(nm):
            out.count(fname, "kk_letters_to_question_marks")
        nm = nm[:30]
        iin = None
        miss = 0.14 - 0.012 * (y - 2017)
        if rng.random() > miss:
            iin = write_iin(out, fname, rng, owner, 0.022)
        birth = None
        if rng.random() > 0.15:
            bd = owner.birth
            if rng.random() < 0.012:
                bd, k = date_slip(bd, rng)
                out.count(fname, "birth_slip")
            birth = f"{bd.year:04d}/{bd.month:02d}/{bd.day:02d}"
        # address: the one registered with the holding, not updated in 60 % of later years
        if h["reg_date"] < dd and rng.random() < 0.6:
            a = h["reg_addr"]
        else:
            a = owner.addr(dd)
            if rng.random() < 0.5:
                h["reg_addr"] = a
                h["reg_date"] = dd
        if a is not owner.addr(dd):
            out.count(fname, "stale_address")
        addr = addr_text(a, "dbf")[:40]
        ph = owner.phone(dd if rng.random() < 0.6 else D(h["start"], 4, 1))
        phone = ("8" + ph) if ph and rng.random() < 0.9 else None
        herd_name = herd_phone = None
        if herder is not None:
            hs, hf, _ = herder.parts(dd, "ru")
            herd_name = (f"{hf} {hs}" if st["herder_first"] else f"{hs} {hf}").upper()
            if rng.random() < 0.015:
                herd_name = name_typo(herd_name, rng)
            herd_name = herd_name[:25]
            hp = herder.phone(dd)
            if hp and rng.random() < 0.75:
                herd_phone = "8" + hp
        hd = h["herd"]
        vacc = D(y, rng.choice([3, 4, 5, 9, 10]), rng.randint(1, 28))
        props = [("OBJECTID", oid), ("CENSUS_YR", y), ("DISTRICT", enc(DISTRICTS[h["district"]][2], moj)),
                 ("SETTLEMENT", enc("с." + TOWNS[h["settle"]][1], moj)), ("FARM_CODE", h["code"]),
                 ("FARM_TYPE", enc(h["ftype"], moj)), ("OWNER_NAME", enc(nm, moj)), ("OWNER_IIN", iin),
                 ("OWNER_BIRT", birth), ("OWNER_ADDR", enc(addr, moj)), ("OWNER_PHON", phone),
                 ("HERDER_NAM", enc(herd_name, moj)), ("HERDER_PHO", herd_phone),
                 ("CAMELS", hd["camels"]), ("HORSES", hd["horses"]), ("CATTLE", hd["cattle"]),
                 ("SHEEP_GOAT", hd["sheep"] + rng.randint(-5, 5) if hd["sheep"] else 0),
                 ("WINTER_PAS", enc(h["winter"], moj)),
                 ("LAST_VACC", f"{vacc.year:04d}/{vacc.month:02d}/{vacc.day:02d}"),
                 ("VET_DOCTOR", enc(rng.choice(VET_DOCTORS[h["district"]]), moj))]
        if moj:
            out.count(fname, "mojibake_features")
        lon, lat = h["lonlat"]
        body = ", ".join(f'"{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in props)
        lines.append('{ "type": "Feature", "properties": { ' + body + ' }, "geometry": { "type": "Point", '
                     f'"coordinates": [ {lon:.6f}, {lat:.6f} ] }} }}')
        out.add(fname, oid, owner)
        out.count(fname, "features")
        if herd_name:
            out.add(fname, f"{oid}#2", herder)
            out.count(fname, "herders")
    text = ('{\n"type": "FeatureCollection",\n"name": "mal_iesi_2017_2024",\n'
            '"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },\n'
            '"features": [\n' + ",\n".join(lines) + "\n]\n}\n")
    out.stats[fname]["mojibake_layer"] = f"{moj_d} {moj_years}"
    return fname, text.encode("utf-8")


# ---------- 2. Parquet: taxi and courier profiles

PARKS = [("ТОО «Каспий Трансфер»", "Aktau"), ("ТОО «Ақтау Такси Сервис»", "Aktau"), ("ИП «Жолаушы»", "Aktau"),
         ("ТОО «Manggystau Drive»", "Aktau"), ("ТОО «Теңіз Логистик»", "Aktau"), ("ТОО «Жаңаөзен Жол»", "Zhanaozen"),
         ("ИП «Өзен Такси»", "Zhanaozen")]
CARS = [("Toyota", "Camry"), ("Hyundai", "Accent"), ("Kia", "Rio"), ("Chevrolet", "Cobalt"), ("Lada", "Granta"),
        ("Hyundai", "Elantra"), ("Toyota", "Corolla"), ("Chevrolet", "Nexia"), ("Kia", "K5"), ("JAC", "J7")]
COLORS = ["белый", "серый", "чёрный", "серебристый", "синий"]


def make_bin(rng, reg_year):
    while True:
        head = f"{reg_year % 100:02d}{rng.randint(1, 12):02d}4{rng.choice([0, 1, 2])}{rng.randint(0, 99999):05d}"
        d11 = [int(x) for x in head]
        ch = iin_check(d11)
        if ch is not None:
            return head + str(ch)


def gen_taxi(w, rng, out):
    import pyarrow as pa
    import pyarrow.parquet as pq
    fname = "taksi_profilder.parquet"
    parks = [(n, c, make_bin(rng, rng.randint(2008, 2018)), rng.random() < 0.4, rng.random() < 0.15) for n, c in PARKS]
    rows = []
    drivers = []
    for p in w.P:
        lo, hi = D(2017, 3, 1), D(2024, 11, 30)
        # windows when living in Aktau or Zhanaozen
        mids = [D(y, 6, 1) for y in range(2017, 2025)]
        ok = [d for d in mids if p.in_region(d) and p.addr(d).town in ("aktau", "zhanaozen")]
        if not ok:
            continue
        ag = age_at(p.birth, ok[0])
        kind = None
        if p.sex == "M" and 21 <= ag <= 60 and rng.random() < 0.38:
            kind = "taxi"
        elif 18 <= age_at(p.birth, ok[-1]) <= 35 and rng.random() < (0.25 if p.sex == "M" else 0.1):
            kind = "courier"
        if kind is None:
            continue
        n = weighted(rng, [(1, 50), (2, 32), (3, 18)])
        for i in range(n):
            d = rng.choice(ok) + days(rng.randint(-150, 150))
            d = min(max(d, lo), hi)
            if not p.in_region(d) or age_at(p.birth, d) < 18:
                continue
            drivers.append((d, p, kind))
    drivers.sort(key=lambda x: (x[0], x[1].pid))
    taxi_people = [p for _, p, k in drivers if k == "taxi"]
    st_base = informal_style(rng)
    for d, p, kind in drivers:
        town = p.addr(d).town
        park = rng.choice([x for x in parks if (x[1] == "Aktau") == (town == "aktau")])
        subject = p
        lend = False
        if kind == "taxi" and rng.random() < 0.03:
            rel = [x for x in ([p.father, p.spouse] + p.children + ([c for c in p.father.children] if p.father else []))
                   if x is not None and x is not p and x.alive(d) and age_at(x.birth, d) >= 18]
            if rel:
                subject = rng.choice(rel)
                lend = True
                out.count(fname, "account_lent_relative")
        self_reg = rng.random() < (0.55 if kind == "courier" else 0.2)
        if self_reg:
            latin = rng.random() < 0.4
            script = "kk" if (subject.group == "kaz" and rng.random() < 0.35) else "ru"
            sur, first, patr = subject.parts(d, script)
            if rng.random() < 0.7:
                patr = ""
            if latin:
                st = informal_style(rng)
                sur, first, patr = informal(sur, st), informal(first, st), informal(patr, st)
                out.count(fname, "self_typed_latin")
            if rng.random() < 0.3:
                sur, first, patr = sur.lower(), first.lower(), patr.lower()
            if rng.random() < 0.1:
                sur, first = first, sur
                out.count(fname, "first_last_swapped")
            if rng.random() < 0.05:
                first = invisible(first, rng)
                out.count(fname, "invisible_char")
        else:
            script = "kk" if (subject.group == "kaz" and park[3]) else "ru"
            sur, first, patr = subject.parts(d, script)
            if rng.random() < 0.25:
                patr = ""
            if park[4]:
                sur, first, patr = sur.upper(), first.upper(), patr.upper()
        if rng.random() < 0.015:
            sur = name_typo(sur, rng)
            out.count(fname, "name_typo")
        if rng.random() < 0.01:
            first = name_typo(first, rng)
            out.count(fname, "name_typo")
        bd = subject.birth
        birth = None
        if rng.random() > (0.2 if self_reg else 0.04):
            if rng.random() < 0.012:
                bd, _ = date_slip(bd, rng)
                out.count(fname, "birth_slip")
            birth = bd
        iin = None
        if rng.random() < (0.6 if self_reg else 0.95):
            iin = write_iin(out, fname, rng, subject, 0.02)
            if rng.random() < 0.004:
                # a namesake's IIN picked from a lookup by name
                ns = [q for q in w.P if q is not subject and q.first == subject.first and q.sur(d) == subject.sur(d)]
                if ns:
                    iin = ns[0].iin
                    out.count(fname, "namesake_iin")
        phones = []
        ph = p.phone(d)
        if ph:
            phones.append("+7" + ph)
        if rng.random() < 0.25:
            other = (p.spouse.phone(d) if p.spouse and p.spouse.alive(d) else None) or (p.phones[0][1] if p.phones else None)
            if other and "+7" + other not in phones:
                phones.append("+7" + other)
        # the address on the ID card: the registration, which lags a move by two years in 40 %
        a = subject.addr(d)
        if rng.random() < 0.4:
            a2 = subject.addr(d - days(730))
            if a2 is not None:
                if a2 is not a:
                    out.count(fname, "lagging_registration_address")
                a = a2
        addr = addr_text(a, rng.choice(["ru_full", "ru_full", "ru_short", "kk_full"])) if rng.random() < 0.9 else None
        lic = None
        car = None
        if kind == "taxi" or rng.random() < 0.3:
            li = add_years(subject.birth, rng.randint(18, 30)) + days(rng.randint(0, 300))
            if li > d:
                li = d - days(rng.randint(30, 400))
            while add_years(li, 10) <= d:
                li = add_years(li, 10) - days(rng.randint(0, 40))
            lic = {"number": f"{rng.choice('ABCEHKMPTX')}{rng.choice('ABCEHKMPTX')} {rng.randint(0, 999999):06d}",
                   "country": "kaz", "issue_date": li, "expiry_date": add_years(li, 10)}
            cb, cm = rng.choice(CARS)
            car = {"brand": cb, "model": cm, "year": rng.randint(2006, d.year),
                   "number": f"{rng.randint(100, 999)}{rng.choice('ABCDEHKMPTX')}{rng.choice('ABCDEHKMPTX')}{rng.choice('ABCDEHKMPTX')}12",
                   "color": rng.choice(COLORS)}
        ref = None
        ref_p = None
        if kind == "taxi" and rng.random() < 0.25:
            cands = [x for x in ([p.father] + ([c for c in p.father.children] if p.father else []) + [p.spouse]) if x is not None and x is not p
                     and x in taxi_people]
            if cands and rng.random() < 0.6:
                ref_p = rng.choice(cands)
            else:
                pool = [x for x in taxi_people if x is not p]
                ref_p = rng.choice(pool) if pool else None
            if ref_p is not None and ref_p.alive(d):
                rs, rf, _ = ref_p.parts(d, "kk" if ref_p.group == "kaz" and rng.random() < 0.3 else "ru")
                nm = f"{rs} {rf}" if rng.random() < 0.5 else f"{rf} {rs}"
                rph = ref_p.phone(d)
                ref = {"name": nm, "phone": ("+7" + rph) if rph and rng.random() < 0.85 else None}
            else:
                ref_p = None
        status = "fired" if rng.random() < 0.2 else ("not_working" if rng.random() < 0.4 else "working")
        work_type = "taxi" if kind == "taxi" else rng.choice(["courier_foot", "courier_bike", "courier_car"])
        created = dt.datetime(d.year, d.month, d.day, rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59),
                              tzinfo=dt.timezone(dt.timedelta(hours=5)))
        last = created + dt.timedelta(days=rng.randint(1, 600), hours=rng.randint(0, 23))
        rows.append({"profile_id": "%032x" % rng.getrandbits(128), "created_at": created, "status": status,
                     "work_type": work_type,
                     "person": {"last_name": sur, "first_name": first, "middle_name": patr or None, "birth_date": birth,
                                "iin": iin},
                     "phones": phones, "email": subject.email if (subject.email and rng.random() < 0.4) else None,
                     "address": addr, "license": lic, "car": car, "referrer": ref,
                     "rating": round(rng.uniform(4.3, 5.0), 2),
                     "balance": decimal.Decimal(rng.randint(-500000, 2500000)) / 100,
                     "last_order_at": min(last, dt.datetime(2024, 12, 30, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))),
                     "park": {"name": park[0], "bin": park[2]},
                     "_subject": subject, "_ref": ref_p})
    rows.sort(key=lambda r: r["created_at"])
    tz = "Asia/Aqtau"
    schema = pa.schema([
        ("profile_id", pa.string()), ("created_at", pa.timestamp("us", tz=tz)), ("status", pa.string()),
        ("work_type", pa.string()),
        ("person", pa.struct([("last_name", pa.string()), ("first_name", pa.string()), ("middle_name", pa.string()),
                              ("birth_date", pa.date32()), ("iin", pa.string())])),
        ("phones", pa.list_(pa.string())), ("email", pa.string()), ("address", pa.string()),
        ("license", pa.struct([("number", pa.string()), ("country", pa.string()), ("issue_date", pa.date32()),
                               ("expiry_date", pa.date32())])),
        ("car", pa.struct([("brand", pa.string()), ("model", pa.string()), ("year", pa.int16()), ("number", pa.string()),
                           ("color", pa.string())])),
        ("referrer", pa.struct([("name", pa.string()), ("phone", pa.string())])),
        ("rating", pa.float64()), ("balance", pa.decimal128(12, 2)), ("last_order_at", pa.timestamp("us", tz=tz)),
        ("park", pa.struct([("name", pa.string()), ("bin", pa.string())])),
    ])
    cols = {f.name: [r[f.name] for r in rows] for f in schema}
    table = pa.table(cols, schema=schema)
    for i, r in enumerate(rows, 1):
        out.add(fname, i, r["_subject"])
        out.count(fname, "rows")
        if r["referrer"] is not None:
            out.add(fname, f"{i}#2", r["_ref"])
            out.count(fname, "referrers")
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="snappy")
    return fname, buf.getvalue()


# ---------- 3. xlsx: condominium owners' register (МИБ), 1904 date system

REG_DATE = D(2024, 2, 15)


def gen_osi(w, rng, out):
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    fname = "mib_tizilimi.xlsx"
    # the flats of Aktau known to the population
    flats = {}
    for p in w.P:
        for (_, a) in p.addrs:
            if a.town == "aktau" and a.kind == "flat" and a.aid not in flats:
                flats[a.aid] = a
    covered = set(rng.sample(AKTAU_MKR, int(len(AKTAU_MKR) * 0.95)))
    entries = []
    for aid in sorted(flats):
        a = flats[aid]
        if a.mkr not in covered or not a.holders or a.acq is None or a.acq > REG_DATE:
            continue
        holders = [h for h in a.holders if h.birth <= REG_DATE]
        reg_d, priv = a.acq, False
        if a.acq < D(1992, 6, 1):
            # Soviet flats were privatised in 1992-1998 by everyone registered in them then
            priv = True
            reg_d = rand_date(rng, D(1992, 6, 1), D(1998, 6, 30))
            occ = [p for p in w.P if p.alive(reg_d) and p.addr(reg_d) is a]
            if occ:
                holders = occ
        occupants = [p for p in w.P if p.alive(REG_DATE) and p.addr(REG_DATE) is a]
        holders_living = [h for h in holders if h.alive(REG_DATE) and h.addr(REG_DATE) is a]
        tenant = None
        stale = False
        if holders_living:
            pass
        elif a.kept:
            ten = [p for p in occupants if p not in holders]
            if ten:
                tenant = max(ten, key=lambda x: (age_at(x.birth, REG_DATE) >= 18, -x.birth.toordinal()))
        else:
            # moved out and sold, or all dead: a stale register keeps the old owners in 15 %
            if any(h.alive(REG_DATE) for h in holders) and rng.random() < 0.15:
                stale = True
            elif all(not h.alive(REG_DATE) for h in holders) and rng.random() < 0.5:
                stale = True
            else:
                continue
        listed = []
        for h in holders:
            if not h.alive(REG_DATE):
                if rng.random() < 0.7:
                    listed.append(h)
                    out.count(fname, "deceased_owner_listed")
            else:
                listed.append(h)
        if not listed:
            continue
        entries.append((a, listed, tenant, stale, reg_d, priv))
    entries.sort(key=lambda e: (AKTAU_MKR.index(e[0].mkr), e[0].bld, e[0].flat))
    # chairmen's styles per building
    bstyle = {}
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Тізілім"
    header = ["МИБ атауы", "Үй", "Пәтер №", "Ауданы, м²", "Меншік иесі (Т.А.Ә.)", "ЖСН", "Туған күні", "Үлесі",
              "Құқық белгілейтін құжат", "Құқықты тіркеу күні", "Телефон", "Тұрады ма", "Жалға алушы (Т.А.Ә.)",
              "Жалға алушының телефоны", "Ескерту"]
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"
    rid = 0
    for (a, listed, tenant, stale, reg_d0, priv) in entries:
        bk = (a.mkr, a.bld)
        if bk not in bstyle:
            bstyle[bk] = {"kk": rng.random() < 0.55, "br": rng.random() < 0.4, "upsur": rng.random() < 0.3,
                          "ini": rng.random() < 0.15, "dob_text": rng.random() < 0.25, "no_dob": rng.random() < 0.3,
                          "name": f"«{rng.choice(['Каспий', 'Теңіз', 'Шағала', 'Маяк', 'Жағалау', 'Самал', 'Достық', 'Береке'])}-{a.mkr}/{a.bld}» МИБ"}
        st = bstyle[bk]
        area = round(rng.uniform(28, 95), 1)
        n = len(listed)
        share = "бірлескен" if (n == 2 and not priv and rng.random() < 0.6) else (f"1/{n}" if n > 1 else "1")
        if priv:
            doc = f"Жекешелендіру шарты № {rng.randint(100, 9999)} {reg_d0.strftime('%d.%m.%Y')}"
        else:
            doc = f"Сатып алу-сату шарты № {rng.randint(100, 9999)} {reg_d0.strftime('%d.%m.%Y')}"
        for i, h in enumerate(listed):
            rid += 1
            alive = h.alive(REG_DATE)
            reg_d = reg_d0
            script = "kk" if (st["kk"] and h.group == "kaz") else "ru"
            sur0, first, patr = h.parts(reg_d, script)
            sur_now = h.parts(REG_DATE, script)[0]
            sur = sur0
            note = ""
            if sur_now != sur0 and alive:
                r = rng.random()
                if r < 0.3:
                    sur = f"{sur_now} ({sur0})"
                    out.count(fname, "surname_new_(old)")
                elif r < 0.45:
                    sur = f"{sur_now} ({'урожд.' if rng.random() < 0.5 else 'бұрынғы'} {sur0})"
                    out.count(fname, "surname_new_(born_old)")
                elif r < 0.65:
                    sur = sur_now
                else:
                    out.count(fname, "surname_at_registration")
            if rng.random() < 0.015:
                first = name_typo(first, rng)
                out.count(fname, "name_typo")
            if rng.random() < 0.012:
                sur = name_typo(sur, rng)
                out.count(fname, "name_typo")
            if st["ini"] and rng.random() < 0.7:
                nm = f"{sur} {first[0]}." + (f"{patr[0]}." if patr else "")
            else:
                if st["upsur"]:
                    sur = sur.upper()
                nm = (f"{sur}\n{first} {patr}".strip() if st["br"] else " ".join(x for x in (sur, first, patr) if x))
            iin = write_iin(out, fname, rng, h, 0.02) if rng.random() < 0.72 else None
            if iin and rng.random() < 0.004:
                ns = [q for q in w.P if q is not h and q.first == h.first and q.sur(REG_DATE) == h.sur(REG_DATE)]
                if ns:
                    iin = ns[0].iin
                    out.count(fname, "namesake_iin")
            dob = None
            if not st["no_dob"] or rng.random() < 0.2:
                bd = h.birth
                if rng.random() < 0.01:
                    bd, _ = date_slip(bd, rng)
                    out.count(fname, "birth_slip")
                dob = bd.strftime("%d.%m.%Y") if st["dob_text"] else bd
            # phone: the owner's, an heir's for the dead, the tenant's for a let flat, a stranger's if stale
            ph = None
            if not alive:
                heirs = [x for x in ([h.spouse] + h.children) if x is not None and x.alive(REG_DATE) and x.phone(REG_DATE)]
                if heirs and rng.random() < 0.8:
                    ph = heirs[0].phone(REG_DATE)
                    out.count(fname, "heir_phone_on_dead_owner")
                if rng.random() < 0.3:
                    note = "қайтыс болды"
            elif stale:
                ph = w.new_phone() if rng.random() < 0.5 else h.phone(REG_DATE)
                if rng.random() < 0.2:
                    note = "сатылған?"
            elif tenant is not None and rng.random() < 0.25:
                ph = tenant.phone(REG_DATE)
                out.count(fname, "tenant_phone_on_owner")
            else:
                ph = h.phone(REG_DATE) if rng.random() < 0.85 else None
            living = "иә" if (alive and h.addr(REG_DATE) is a) else "жоқ"
            row = [st["name"] if i == 0 else None, f"{a.mkr} ш/а, {a.bld} үй" if i == 0 else None,
                   a.flat if i == 0 else None, area if i == 0 else None, nm, iin, dob, share, doc if i == 0 else None,
                   reg_d0 if i == 0 else None, int(ph) if ph else None, living]
            if i == 0 and tenant is not None:
                tscript = "kk" if (st["kk"] and tenant.group == "kaz") else "ru"
                ts, tf, tp = tenant.parts(REG_DATE, tscript)
                r = rng.random()
                tn = f"{ts} {tf}" if r < 0.5 else (f"{ts} {tf[0]}." if r < 0.75 else f"{ts} {tf} {tp}".strip())
                tph = tenant.phone(REG_DATE)
                row += [tn, int(tph) if tph else None]
                out.add(fname, f"{rid}#2", tenant)
                out.count(fname, "tenants")
            else:
                row += [None, None]
            row.append(note or None)
            ws.append(row)
            r_i = ws.max_row
            ws.cell(r_i, 5).alignment = Alignment(wrap_text=True)
            if isinstance(dob, D):
                ws.cell(r_i, 7).number_format = "dd.mm.yyyy"
            if i == 0:
                ws.cell(r_i, 10).number_format = "dd.mm.yyyy"
            for col in (11, 14):
                ws.cell(r_i, col).number_format = '8 (###) ###-##-##'
            out.add(fname, rid, h)
            out.count(fname, "owner_rows")
            if i > 0:
                out.count(fname, "continuation_rows")
            if stale:
                out.count(fname, "stale_owner_rows")
    widths = [22, 14, 8, 10, 34, 15, 12, 10, 40, 14, 18, 9, 28, 18, 14]
    for i, wdt in enumerate(widths, 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = wdt
    wb.properties.creator = "Бухгалтер"
    wb.properties.created = dt.datetime(2024, 2, 15, 9, 0, 0)
    wb.properties.modified = dt.datetime(2024, 2, 15, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return fname, fix_zip(buf.getvalue())


def fix_zip(data):
    """Fixed zip times and document dates, so that the workbook is byte-identical between runs."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    ob = io.BytesIO()
    with zipfile.ZipFile(ob, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-02-15T09:00:00Z", content)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 2, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, content)
    return ob.getvalue()


# ---------- 4. Bitrix24 REST: the driving school's CRM contacts

def gen_crm(w, rng, out):
    fname = "avtomektep_crm.json"
    enrol = []
    for p in w.P:
        # B course at 17-24 (a share of those who reach that age from 2015 on), or later in life
        lo = max(add_years(p.birth, 17), D(2013, 1, 10))
        hi = min(add_years(p.birth, 25), D(2024, 11, 20))
        courses = []
        if lo < hi and rng.random() < (0.8 if p.sex == "M" else 0.65):
            courses.append((rand_date(rng, lo, hi), "B"))
        elif rng.random() < 0.18:
            lo2 = max(add_years(p.birth, 25), D(2013, 1, 10))
            hi2 = min(add_years(p.birth, 52), D(2024, 11, 20))
            if lo2 < hi2:
                courses.append((rand_date(rng, lo2, hi2), "B"))
        if p.sex == "M" and courses and rng.random() < 0.25:
            t = courses[0][0] + days(rng.randint(300, 2500))
            if t < D(2024, 11, 20) and age_at(p.birth, t) >= 21:
                courses.append((t, rng.choice(["C", "CE", "C1"])))
        for (t, cat) in courses:
            if not p.in_region(t) or TOWNS[p.addr(t).town][3] == "out":
                continue
            if TOWNS[p.addr(t).town][3] == "village" and p.addr(t).district not in ("mun", "tup") and rng.random() < 0.4:
                continue
            enrol.append((t, p, cat))
            if rng.random() < 0.1:
                t2 = t + days(rng.randint(60, 400))
                if t2 < D(2024, 12, 1):
                    enrol.append((t2, p, cat + "*"))
    enrol.sort(key=lambda e: (e[0], e[1].pid))
    managers = [(14, True, False), (17, True, True), (22, False, False), (31, True, False), (38, False, False)]
    contacts = []
    seen = {}
    for (t, p, cat) in enrol:
        mgr = rng.choice(managers)
        retake = cat.endswith("*")
        cat = cat.rstrip("*")
        if p.pid in seen and rng.random() < 0.6:
            continue  # the manager found the contact by phone and updated it
        web = rng.random() < 0.3
        if web:
            created = dt.datetime(t.year, t.month, t.day, rng.randint(7, 23), rng.randint(0, 59), rng.randint(0, 59)) - dt.timedelta(days=rng.randint(1, 12))
            r = rng.random()
            s, f, _ = p.parts(t, "kk" if p.group == "kaz" and rng.random() < 0.35 else "ru")
            if r < 0.4:
                nm = f"{s} {f}"
            elif r < 0.65:
                nm = f"{f} {s}"
            elif r < 0.85:
                nm = f
            else:
                st = informal_style(rng)
                nm = informal(f, st) + ("" if rng.random() < 0.4 else " " + informal(s, st))
                nm = nm.lower() if rng.random() < 0.5 else nm
                out.count(fname, "web_latin")
            if rng.random() < 0.12:
                nm = invisible(nm, rng)
                out.count(fname, "invisible_char")
            ph = p.phone(t)
            web_c = {"p": p, "t": created, "web": True, "name": nm, "phone": ph, "mgr": None, "cat": cat}
            if rng.random() < 0.55:
                # the manager completes the web contact itself
                web_c["web"] = False
                web_c["mgr"] = mgr
                web_c["web_origin"] = True
                contacts.append(web_c)
                seen[p.pid] = True
                continue
            contacts.append(web_c)
            out.count(fname, "web_lead_duplicates")
        c = {"p": p, "t": dt.datetime(t.year, t.month, t.day, rng.randint(9, 19), rng.randint(0, 59), rng.randint(0, 59)),
             "web": False, "mgr": mgr, "cat": cat, "retake": retake}
        contacts.append(c)
        seen[p.pid] = True
    contacts.sort(key=lambda c: (c["t"], c["p"].pid))
    result = []
    cid = 1180
    for c in contacts:
        cid += rng.choice([1, 1, 1, 2, 2, 3])
        p = c["p"]
        t = c["t"].date()
        created = c["t"].strftime("%Y-%m-%dT%H:%M:%S+03:00")
        modify = (c["t"] + dt.timedelta(days=rng.randint(0, 90), minutes=rng.randint(0, 600))).strftime("%Y-%m-%dT%H:%M:%S+03:00")
        rep_name = rep_phone = None
        rep = None
        if c["web"]:
            name, second, last = c["name"], None, None
            birth = ""
            iin = None
            addr = None
            hon = None
            phones = [c["phone"]] if c["phone"] else []
            src = "WEB"
            comments = "Заявка с сайта"
            email = p.email if p.email and rng.random() < 0.3 else None
            mgr_id = 1
        else:
            mgr = c["mgr"]
            script = "kk" if (mgr[1] and p.group == "kaz") else "ru"
            last, name, second = p.parts(t, script)
            if rng.random() < 0.35:
                second = ""
            if mgr[2] and script == "kk" and rng.random() < 0.3:
                if has_kk_letter(last + name + second):
                    last, name, second = kz_layout_digits(last), kz_layout_digits(name), kz_layout_digits(second)
                    out.count(fname, "kz_layout_digits")
            if rng.random() < 0.06:
                # the whole name typed into NAME
                name = " ".join(x for x in (last, name, second) if x)
                last, second = "", ""
                out.count(fname, "whole_name_in_NAME")
            if rng.random() < 0.015:
                name = name_typo(name, rng)
                out.count(fname, "name_typo")
            if last and rng.random() < 0.015:
                last = name_typo(last, rng)
                out.count(fname, "name_typo")
            if rng.random() < 0.05:
                if last:
                    last = invisible(last, rng)
                else:
                    name = invisible(name, rng)
                out.count(fname, "invisible_char")
            bd = p.birth
            if rng.random() < 0.1:
                birth = ""
            else:
                if rng.random() < 0.012:
                    bd, _ = date_slip(bd, rng)
                    out.count(fname, "birth_slip")
                birth = bd.strftime("%Y-%m-%dT03:00:00+03:00")
            iin = write_iin(out, fname, rng, p, 0.02) if rng.random() < 0.88 else ""
            a = p.addr(t)
            addr = addr_text(a, rng.choice(["ru_full", "ru_short", "ru_mid", "kk_full", "kk_short"])) if rng.random() < 0.8 else ""
            hon = ("HNR_RU_1" if p.sex == "M" else "HNR_RU_2") if rng.random() < 0.7 else ""
            phones = []
            ph = p.phone(t)
            if ph:
                phones.append(ph)
            src = rng.choice(["CALL", "CALL", "OTHER", "RECOMMENDATION", "ADVERTISING"]) if not c.get("web_origin") else "WEB"
            comments = rng.choice(["", "", "Оплата в рассрочку", "Группа " + f"{c['cat']}-{t.year}-{rng.randint(1, 30):02d}",
                                   "Пересдача" if c.get("retake") else "Договор подписан"])
            email = p.email if p.email and rng.random() < 0.35 else None
            mgr_id = mgr[0]
            # a minor's representative
            if age_at(p.birth, t) < 18:
                parents = [x for x in (p.mother, p.father) if x is not None and x.alive(t)]
                if parents:
                    par = parents[0] if rng.random() < 0.65 else parents[-1]
                    rscript = "kk" if (mgr[1] and par.group == "kaz") else "ru"
                    rs, rf, rp = par.parts(t, rscript)
                    r = rng.random()
                    rep_name = f"{rs} {rf} {rp}".strip() if r < 0.45 else (f"{rs} {rf}" if r < 0.8 else f"{rf} {rs}")
                    rph = par.phone(t)
                    rep_phone = ("+7" + rph) if rph else ""
                    rep = par
                    if rph and rng.random() < 0.3:
                        phones.append(rph)
        ph_objs = []
        for k, ph in enumerate(phones):
            fmt = rng.choice(["plus", "plus", "8", "paren", "plussp"])
            ph_objs.append({"ID": str(4000 + cid * 2 + k), "VALUE_TYPE": "MOBILE" if k == 0 else "HOME",
                            "VALUE": phone_fmt(ph, fmt), "TYPE_ID": "PHONE"})
        rec = {"ID": str(cid), "POST": None, "COMMENTS": comments, "HONORIFIC": hon, "NAME": name,
               "SECOND_NAME": second, "LAST_NAME": last, "PHOTO": None, "LEAD_ID": None, "TYPE_ID": "CLIENT",
               "SOURCE_ID": src, "SOURCE_DESCRIPTION": None, "COMPANY_ID": None, "BIRTHDATE": birth, "EXPORT": "Y",
               "HAS_PHONE": "Y" if ph_objs else "N", "HAS_EMAIL": "Y" if email else "N", "HAS_IMOL": "N",
               "DATE_CREATE": created, "DATE_MODIFY": modify, "ASSIGNED_BY_ID": str(mgr_id), "CREATED_BY_ID": str(mgr_id),
               "MODIFY_BY_ID": str(mgr_id), "OPENED": "Y", "ORIGINATOR_ID": None, "ORIGIN_ID": None,
               "ORIGIN_VERSION": None, "FACE_ID": None, "ADDRESS": None, "ADDRESS_2": None, "ADDRESS_CITY": None,
               "ADDRESS_POSTAL_CODE": None, "ADDRESS_REGION": None, "ADDRESS_PROVINCE": None, "ADDRESS_COUNTRY": None,
               "ADDRESS_LOC_ADDR_ID": None, "UTM_SOURCE": "instagram" if src == "WEB" and rng.random() < 0.5 else None,
               "UTM_MEDIUM": None, "UTM_CAMPAIGN": None, "UTM_CONTENT": None, "UTM_TERM": None,
               "LAST_ACTIVITY_TIME": modify, "LAST_ACTIVITY_BY": str(mgr_id),
               "UF_CRM_1552047283": iin, "UF_CRM_1552047391": None if c["web"] else c["cat"],
               "UF_CRM_1552047455": None if c["web"] else f"{c['cat']}-{t.year}-{rng.randint(1, 30):02d}",
               "UF_CRM_1552047520": addr, "UF_CRM_1612934567": rep_name, "UF_CRM_1612934601": rep_phone}
        if ph_objs:
            rec["PHONE"] = ph_objs
        if email:
            rec["EMAIL"] = [{"ID": str(9000 + cid), "VALUE_TYPE": "HOME", "VALUE": email, "TYPE_ID": "EMAIL"}]
        result.append(rec)
        i = len(result)
        out.add(fname, i, p)
        out.count(fname, "contacts")
        if rep_name:
            out.add(fname, f"{i}#2", rep)
            out.count(fname, "representatives")
    doc = {"result": result, "total": len(result),
           "time": {"start": 1717395322.123456, "finish": 1717395329.654321, "duration": 7.530865,
                    "processing": 7.201345, "date_start": "2024-06-03T09:15:22+03:00",
                    "date_finish": "2024-06-03T09:15:29+03:00", "operating_reset_at": 1717395922, "operating": 0}}
    text = json.dumps(doc, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")
    return fname, text.encode("ascii")


# ---------- 5. CSV (MacCyrillic, CR): Umrah and Hajj group lists

HAJJ = {2016: D(2016, 9, 5), 2017: D(2017, 8, 25), 2018: D(2018, 8, 14), 2019: D(2019, 8, 3), 2022: D(2022, 7, 1),
        2023: D(2023, 6, 20), 2024: D(2024, 6, 8)}


def passport_at(w, rng, p, d):
    for (iss, num, exp) in p.passports:
        if iss <= d < exp:
            return iss, num, exp
    lo = max(add_years(p.birth, 16), d - days(3300))
    iss = rand_date(rng, lo, d - days(20)) if lo < d - days(20) else d - days(20)
    if p.passports and iss < p.passports[-1][2]:
        iss = max(p.passports[-1][2] - days(rng.randint(0, 60)), d - days(200))
    num = f"N{rng.randint(0, 99999999):08d}"
    exp = add_years(iss, 10)
    p.passports.append((iss, num, exp))
    return iss, num, exp


def lat_name(s_kk, s_ru, scheme):
    return old_passport(s_ru) if scheme == "old" else icao(s_kk)


def gen_umrah(w, rng, out):
    fname = "umra_toptary.csv"
    trips = []  # (date, kind, [persons with mahram])
    for y in range(2016, 2025):
        if y in (2020, 2021):
            continue
        for p in w.P:
            d = D(y, 6, 1)
            if not p.in_region(d):
                continue
            ag = age_at(p.birth, d)
            if ag < 40:
                continue
            if p.sex == "F" and p.spouse is not None and p.spouse.alive(d) and p.spouse.in_region(d):
                if rng.random() < 0.35:
                    continue  # most wives travel with their husbands' trips
            q = 0.09 if 45 <= ag <= 75 else (0.04 if ag <= 85 else 0.0)
            hq = 0.007 if 50 <= ag <= 75 else 0.0
            kind = None
            if rng.random() < hq and y in HAJJ:
                kind = "HAJJ"
                td = HAJJ[y] - days(rng.randint(5, 12))
            elif rng.random() < q:
                kind = "UMRAH"
                td = D(y, rng.choice([1, 2, 3, 4, 10, 11, 12]), rng.randint(1, 28))
                if y == 2022 and td.month < 3:
                    td = D(y, 3, rng.randint(1, 28))
            if kind is None:
                continue
            group = [p]
            if p.spouse is not None and p.spouse.alive(td) and p.spouse.in_region(td) and rng.random() < 0.65:
                group.append(p.spouse)
            trips.append((td, kind, group))
    trips.sort(key=lambda t: (t[0], t[2][0].pid))
    rows = []
    gseq = {}
    for (td, kind, group) in trips:
        key = (td.year, kind, td.month)
        if key not in gseq:
            gseq[key] = len([k for k in gseq if k[0] == td.year]) + 1
        thy = hijri(td)[0]
        gno = f"MQT-{thy}-{'H' if kind == 'HAJJ' else 'U'}{gseq[key]:02d}"
        members = list(group)
        # women under 45 need a mahram (before the 2021 rule change): a husband, son or father
        entries = []
        for p in members:
            entries.append([p, None, None])
        for e in entries:
            p = e[0]
            if p.sex == "F" and age_at(p.birth, td) < 45 and td < D(2021, 10, 1):
                hus = [x for x in members if x is p.spouse]
                if hus:
                    e[1], e[2] = hus[0], "Husband"
                else:
                    sons = [c for c in p.children if c.alive(td) and age_at(c.birth, td) >= 18 and c.in_region(td)]
                    if sons:
                        entries.append([sons[0], None, None])
                        members.append(sons[0])
                        e[1], e[2] = sons[0], "Son"
                    elif p.father is not None and p.father.alive(td):
                        entries.append([p.father, None, None])
                        members.append(p.father)
                        e[1], e[2] = p.father, "Father"
        for e in entries:
            rows.append((td, kind, gno, e))
            if rng.random() < 0.02:
                rows.append((td + days(rng.randint(3, 12)), kind, gno, e, "dup"))
                out.count(fname, "resubmitted_rows")
    rows.sort(key=lambda r: (r[0], r[2]))
    header = ["No", "Group", "Trip", "Passport No", "First Name", "Father Name", "Grandfather Name", "Family Name",
              "Gender", "Date of Birth", "Date of Birth (Hijri)", "Place of Birth", "Nationality",
              "Passport Issue Date", "Passport Expiry Date", "Mahram Passport No", "Mahram Relation", "Vaccination",
              "ИИН", "Телефон", "Домашний адрес", "Примечание"]
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r", quoting=csv.QUOTE_MINIMAL)
    wr.writerow(header)
    for i, r in enumerate(rows, 1):
        td, kind, gno, e = r[0], r[1], r[2], r[3]
        dup = len(r) > 4
        p, mah, rel = e
        iss, num, exp = passport_at(w, rng, p, td)
        scheme = "old" if iss < D(2012, 7, 1) else "icao"
        sk, sr = p.sur(iss)
        if p.sur(td) != (sk, sr):
            out.count(fname, "passport_surname_before_change")
        fam = lat_name(sk, sr, scheme)
        first = lat_name(p.first[0], p.first[1], scheme)
        if p.patr_kind == "none":
            father = "-"
        else:
            father = lat_name(p.father_first[0], p.father_first[1], scheme)
        gf_src = p.father.father_first if p.father is not None else p.gf_first
        r2 = rng.random()
        grand = lat_name(gf_src[0], gf_src[1], scheme) if r2 < 0.5 else ("-" if r2 < 0.8 else "")
        if rng.random() < 0.012:
            fam = name_typo(fam, rng)
            out.count(fname, "name_typo")
        bd = p.birth
        if rng.random() < 0.006:
            bd = iss
            out.count(fname, "birth_is_passport_issue_date")
        elif rng.random() < 0.01:
            bd, _ = date_slip(bd, rng)
            out.count(fname, "birth_slip")
        hy, hm, hd = hijri(bd)
        mah_no = ""
        if mah is not None:
            mah_no = passport_at(w, rng, mah, td)[1]
        iin = write_iin(out, fname, rng, p, 0.02) if rng.random() < 0.85 else ""
        ph = p.phone(td)
        if p.spouse is not None and p.spouse.alive(td) and rng.random() < 0.15 and p.spouse.phone(td):
            ph = p.spouse.phone(td)
        phone = phone_fmt(ph, rng.choice(["plussp", "8", "plus"])) if ph else ""
        a = p.addr(td)
        addr = addr_text(a, rng.choice(["ru_full", "ru_short", "ru_mid"])) if rng.random() < 0.9 else ""
        note = "повторная подача (отказ в визе)" if dup else ("" if rng.random() < 0.9 else rng.choice(["инвалид, коляска", "с группой из Жанаозена", "оплата частично"]))
        wr.writerow([i, gno, f"{kind} {hijri(td)[0]}", num, first, father, grand, fam, "Male" if p.sex == "M" else "Female",
                     bd.strftime("%d-%m-%Y"), f"{hy:04d}/{hm:02d}/{hd:02d}", p.birthplace, "KAZAKHSTAN",
                     iss.strftime("%d-%m-%Y"), exp.strftime("%d-%m-%Y"), mah_no, rel or "",
                     "Meningitis ACWY" if rng.random() < 0.9 else "", iin, phone, addr, note])
        out.add(fname, i, p)
        out.count(fname, "rows")
        if mah is not None:
            out.count(fname, "with_mahram")
        if scheme == "old":
            out.count(fname, "old_passport_scheme")
    text = buf.getvalue()
    return fname, text.encode("mac_cyrillic", errors="replace")


# ---------- 6. xlsx: a children's sports school's yearly rosters (formula cells with cached values)

SECTIONS_M = ["Қазақ күресі", "Бокс", "Футбол", "Дзюдо", "Тоғызқұмалақ", "Жүзу"]
SECTIONS_F = ["Волейбол", "Тоғызқұмалақ", "Жеңіл атлетика", "Шахмат", "Жүзу"]
COACHES = ["Есенов Б.А.", "Қалиев Н.Т.", "Жолдасов Е.М.", "Утепова Г.К.", "Сарыев Р.О.", "Мамыров Д.С.",
           "Бисенова А.Ж.", "Кенжеғалиев С.Б.", "Абенов Т.Т.", "Ким В.Г."]


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def gen_sport(w, rng, out):
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.table import Table, TableStyleInfo
    fname = "dyussh_tizimi.xlsx"
    enrol = []
    for p in w.P:
        if p.birth.year < 1998:
            continue
        # first season: age 7-12 at 1 September, living in Aktau or Zhanaozen
        if rng.random() > (0.5 if p.sex == "M" else 0.3):
            continue
        start_age = rng.randint(7, 12)
        y = add_years(p.birth, start_age).year
        if add_years(p.birth, start_age) > D(y, 9, 1):
            y += 1
        y = max(y, 2016)
        sec = rng.choice(SECTIONS_M if p.sex == "M" else SECTIONS_F)
        coach = rng.choice(COACHES)
        while y <= 2024:
            d = D(y, 9, 1)
            ag = age_at(p.birth, d)
            if ag > 17 or not p.in_region(d) or p.addr(d).town not in ("aktau", "zhanaozen"):
                break
            enrol.append((y, sec, coach, p))
            if rng.random() < 0.05:
                enrol.append((y, rng.choice(SECTIONS_M if p.sex == "M" else SECTIONS_F), rng.choice(COACHES), p))
            if rng.random() > 0.8:
                break
            if rng.random() < 0.1:
                sec = rng.choice(SECTIONS_M if p.sex == "M" else SECTIONS_F)
                coach = rng.choice(COACHES)
            y += 1
    enrol.sort(key=lambda e: (e[0], e[1], e[2], e[3].sur(D(e[0], 9, 1))[1], e[3].pid))
    cstyle = {c: {"kk": rng.random() < 0.6, "nopatr": rng.random() < 0.4} for c in COACHES}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Контингент"
    header = ["№", "Учебный год", "Отделение", "Фамилия", "Имя", "Отчество", "ФИО полностью", "Дата рождения",
              "Возраст на 1 сентября", "ИИН", "Школа", "Адрес проживания", "Родитель (ФИО)", "Телефон родителя",
              "Медсправка", "Тренер-преподаватель"]
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
    cached = {}
    for i, (y, sec, coach, p) in enumerate(enrol, 1):
        r = i + 1
        d = D(y, 9, 1)
        st = cstyle[coach]
        script = "kk" if (st["kk"] and p.group == "kaz") else "ru"
        sur, first, patr = p.parts(d, script)
        if p.fam[0] == "uly" and rng.random() < 0.3:
            base = p.fam[1] if script == "kk" else fold(p.fam[1])
            sur = base + ("ов" if p.sex == "M" else "ова")
            out.count(fname, "uly_surname_as_ov")
        if st["nopatr"] and rng.random() < 0.8:
            patr = ""
        if rng.random() < 0.015:
            sur = name_typo(sur, rng)
            out.count(fname, "name_typo")
        if rng.random() < 0.012:
            first = name_typo(first, rng)
            out.count(fname, "name_typo")
        bd = p.birth
        birth = None
        if rng.random() > 0.04:
            if rng.random() < 0.01:
                bd, _ = date_slip(bd, rng)
                out.count(fname, "birth_slip")
            birth = bd
        else:
            out.count(fname, "age_119_from_empty_birth")
        iin = None
        if rng.random() < 0.75:
            iin = write_iin(out, fname, rng, p, 0.02)
            if rng.random() < 0.015:
                par = [x for x in (p.mother, p.father) if x is not None]
                if par:
                    iin = par[0].iin
                    out.count(fname, "parent_iin_on_child")
        school = f"№ {rng.randint(1, 32)} {'ЖОББМ' if rng.random() < 0.6 else 'СОШ'}" if rng.random() < 0.9 else None
        a = p.addr(d)
        addr = addr_text(a, rng.choice(["ru_full", "ru_mid", "kk_full", "kk_short"])) if rng.random() < 0.7 else None
        parent = None
        pname = pphone = None
        cands = [x for x in (p.mother, p.father) if x is not None and x.alive(d)]
        if cands and rng.random() < 0.92:
            parent = cands[0] if (rng.random() < 0.7 or len(cands) == 1) else cands[-1]
            pscript = "kk" if (st["kk"] and parent.group == "kaz") else "ru"
            ps, pf, pp = parent.parts(d, pscript)
            rr = rng.random()
            pname = f"{ps} {pf} {pp}".strip() if rr < 0.5 else (f"{ps} {pf}" if rr < 0.8 else f"{ps} {pf[0]}." + (f"{pp[0]}." if pp else ""))
            ph = parent.phone(d)
            pphone = phone_fmt(ph, rng.choice(["8", "8sp", "plus", "paren"])) if ph else None
        full = f"{sur} {first} {patr}"
        age = age_at(birth, d) if birth else 119
        ws.append([i, f"{y}-{y + 1}", sec, sur, first, patr or None,
                   f'=CONCATENATE(D{r}," ",E{r}," ",F{r})', birth, f'=DATEDIF(H{r},DATE({y},9,1),"y")',
                   iin, school, addr, pname, pphone, "иә" if rng.random() < 0.8 else "жоқ", coach])
        if birth:
            ws.cell(r, 8).number_format = "dd.mm.yyyy"
        cached[f"G{r}"] = ("str", full)
        cached[f"I{r}"] = ("n", str(age))
        out.add(fname, i, p)
        out.count(fname, "rows")
        if pname:
            out.add(fname, f"{i}#2", parent)
            out.count(fname, "parents")
    n = len(enrol) + 1
    tab = Table(displayName="Kontingent", ref=f"A1:P{n}")
    tab.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(tab)
    for i, wdt in enumerate([6, 11, 16, 16, 14, 16, 34, 12, 10, 15, 12, 34, 32, 18, 10, 18], 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = wdt
    wb.properties.creator = "ДЮСШ"
    buf = io.BytesIO()
    wb.save(buf)
    data = fix_zip(buf.getvalue())
    # fill the formulas' cached values, as Excel leaves them
    zin = zipfile.ZipFile(io.BytesIO(data))
    ob = io.BytesIO()
    with zipfile.ZipFile(ob, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                txt = content.decode("utf-8")

                def fill(m):
                    ref, attrs, f = m.group(1), m.group(2) or "", m.group(3)
                    kind, val = cached[ref]
                    if kind == "str":
                        return f'<c r="{ref}"{attrs} t="str"><f>{f}</f><v>{xml_esc(val)}</v></c>'
                    return f'<c r="{ref}"{attrs}><f>{f}</f><v>{val}</v></c>'
                txt = re.sub(r'<c r="([A-Z]+\d+)"((?: s="\d+")?)><f>(.*?)</f><v ?/></c>', fill, txt)
                content = txt.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 10, 1, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, content)
    return fname, ob.getvalue()


# ------------------------------------------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    w = World(rng, args.persons)
    w.build()
    out = Out()
    files = []
    for gen in (gen_vet, gen_taxi, gen_osi, gen_crm, gen_umrah, gen_sport):
        sub = random.Random(rng.randint(0, 2 ** 31))
        files.append(gen(w, sub, out))
    os.makedirs(args.out, exist_ok=True)
    for fname, data in files:
        with open(os.path.join(args.out, fname), "wb") as f:
            f.write(data)
    with open(os.path.join(args.out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["file", "record_id", "person_id"])
        for row in out.truth:
            wr.writerow(row)
    per_person = {}
    for fn, rid, pid in out.truth:
        per_person.setdefault(pid, set()).add(fn)
    pop = {"persons": len(w.P), "households": len(w.households),
           "groups": {g: sum(1 for p in w.P if p.group == g) for g, _ in GROUPS},
           "women_with_several_surnames": sum(1 for p in w.P if p.sex == "F" and len({s[1] for s in p.surs}) > 1),
           "deaths": sum(1 for p in w.P if p.death is not None),
           "twins_or_more_same_birth_siblings": sum(1 for p in w.P if p.mother and any(c is not p and c.birth == p.birth for c in p.mother.children)),
           "persons_in_extracts": len(per_person),
           "persons_in_two_or_more_files": sum(1 for v in per_person.values() if len(v) >= 2),
           "records": len(out.truth)}
    with open(os.path.join(args.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "population": pop, "files": out.stats}, f, ensure_ascii=False, indent=1, sort_keys=True)
    print(json.dumps(pop, ensure_ascii=False))


if __name__ == "__main__":
    main()
