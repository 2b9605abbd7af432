#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A ninth linkage writer's generator, written apart from the project (from the linkage issue's text, the README's
# linkage part and `ukimet link --help` alone) in stop 41, and kept as its writer wrote it: not linted here. Its
# extracts were held at their first runs (seeds 91, 93; stop 41), and have been tuned on since (extracts_ninth.md).
"""Held-out test data for `ukimet link` (ninth writer).

python make.py --seed N --out DIR --persons 5000

Writes five agency extracts and truth.csv (file,record_id,person_id) into DIR:
  notary_deals.csv      notary register, one deed per row: seller (own prefix) AND buyer, dd/mm/yyyy dates
  land_cadastre.tsv     land cadastre, owner "Фамилия Имя Отчество" in one field, birth YEAR only
  bank_kyc.json         bank KYC export, JSON array, camelCase keys, "LAST, First Middle" Latin, ISO dates
  social_fund.csv       social insurance fund, ';' cp1251, dates "12-мар-1985" / "12 марта 1985 г."
  kindergarten_queue.xlsx  kindergarten queue, Kazakh abbreviations headers, child + mother + father per row
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random

REF = dt.date(2026, 1, 1)

# ----------------------------------------------------------------------------------------------- names
KZ_M = ("Нұрлан Бауыржан Ерлан Асқар Ғалым Серік Мұхтар Дәулет Ержан Қайрат Арман Әлібек Төлеген Данияр Жандос "
        "Айдос Бекзат Олжас Руслан Тимур Ербол Жасұлан Марат Болат Талғат Нұрсұлтан Ақжол Мейіржан Ислам Әли "
        "Алихан Еркебұлан Самат Азамат Рахат Қанат Берік Мұса Ерназар Темірлан").split()
KZ_F = ("Айгүл Гүлнар Әсел Жанар Динара Айжан Мадина Назерке Айсұлу Ақбота Салтанат Гаухар Жұлдыз Сәуле Ботагөз "
        "Мөлдір Аружан Томирис Дана Әйгерім Камила Аяулым Ділназ Іңкәр Балжан Райхан Жазира Меруерт Гүлжан Ләззат "
        "Ақмарал Сая").split()
RU_M = ("Александр Сергей Андрей Дмитрий Алексей Владимир Николай Евгений Игорь Михаил Виктор Олег Павел Артём "
        "Максим Иван Юрий Денис Роман Константин").split()
RU_F = ("Елена Ольга Наталья Татьяна Ирина Светлана Анна Мария Екатерина Юлия Галина Людмила Оксана Марина "
        "Виктория Анастасия Дарья Ксения Алина Полина").split()
RU_PATR = {"Александр": "Александров", "Сергей": "Сергеев", "Андрей": "Андреев", "Дмитрий": "Дмитриев",
           "Алексей": "Алексеев", "Владимир": "Владимиров", "Николай": "Николаев", "Евгений": "Евгеньев",
           "Игорь": "Игорев", "Михаил": "Михайлов", "Виктор": "Викторов", "Олег": "Олегов", "Павел": "Павлов",
           "Артём": "Артёмов", "Максим": "Максимов", "Иван": "Иванов", "Юрий": "Юрьев", "Денис": "Денисов",
           "Роман": "Романов", "Константин": "Константинов"}
KZ_SUR = ("Ахметов Серікбаев Жұмабаев Нұрланов Омаров Сейітов Әбілов Қасымов Төлеуов Бекмұхамбетов Исаев "
          "Сулейменов Жақыпов Оспанов Мұратов Ибраев Тұрсынов Абдрахманов Байжанов Есенов Құдайбергенов "
          "Смағұлов Рахимов Қалиев Есімов Әлімжанов Жүнісов Бекенов Иманбаев Мамыров Ермеков Қожахметов").split()
KZ_SUR_INV = "Тоқтар Сейтқали Нұрғали Ораз Жақып Әміре".split()
KZ_SUR_ULY = "Оразбай Серік Әбіл Төлеу Жанпейіс Асан".split()
RU_SUR = ("Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов Волков "
          "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Никитин").split()
OTHER_SUR = "Ким Пак Ли Цой Тен Шевченко Бондаренко Ковальчук Шмидт Миллер Вагнер".split()

KZ2RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")

TOWNS = [("Алматы", "Алматы", "Almaty"), ("Астана", "Астана", "Astana"), ("Шымкент", "Шымкент", "Shymkent"),
         ("Караганда", "Қарағанды", "Karaganda"), ("Актобе", "Ақтөбе", "Aktobe"), ("Тараз", "Тараз", "Taraz"),
         ("Павлодар", "Павлодар", "Pavlodar"), ("Усть-Каменогорск", "Өскемен", "Oskemen"),
         ("Семей", "Семей", "Semey"), ("Атырау", "Атырау", "Atyrau"), ("Костанай", "Қостанай", "Kostanay"),
         ("Кызылорда", "Қызылорда", "Kyzylorda"), ("Уральск", "Орал", "Oral"),
         ("Петропавловск", "Петропавл", "Petropavl")]
TOWN_W = [30, 22, 14, 6, 5, 4, 4, 3, 3, 3, 3, 2, 2, 2]
STREETS = [("Абая", "Абай", "Abay"), ("Достык", "Достық", "Dostyk"), ("Сейфуллина", "Сейфуллин", "Seifullin"),
           ("Толе би", "Төле би", "Tole bi"), ("Жандосова", "Жандосов", "Zhandosov"),
           ("Момышулы", "Момышұлы", "Momyshuly"), ("Кабанбай батыра", "Қабанбай батыр", "Kabanbay batyr"),
           ("Ленина", "Ленин", "Lenin"), ("Мира", "Бейбітшілік", "Mira"), ("Гагарина", "Гагарин", "Gagarin"),
           ("Байтурсынова", "Байтұрсынов", "Baitursynov"), ("Республики", "Республика", "Respubliki"),
           ("Сатпаева", "Сәтбаев", "Satpayev"), ("Назарбаева", "Назарбаев", "Nazarbayev")]

STAFF = ["Сейтова А.Б.", "Иманова Г.К.", "Петренко О.В.", "Жумабекова Д.С.", "Ахметжанов Р.Т.", "Ким Е.А.",
         "Нурпеисова А.М.", "Оспанов Б.Е."]

MON_RU_SHORT = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
MON_RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]


def zipf_choice(rng: random.Random, items: list[str], s: float = 1.05) -> str:
    w = [1.0 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights=w)[0]


def kz_patr(father: str, male: bool, kazakh_form: bool) -> str:
    if kazakh_form:
        return father + ("ұлы" if male else "қызы")
    base = father.translate(KZ2RU)
    if base[-1] in "аеиоуыя":
        return base + ("евич" if male else "евна")
    return base + ("ович" if male else "овна")


def ru_patr(father: str, male: bool) -> str:
    b = RU_PATR.get(father)
    if b is None:
        return kz_patr(father, male, False)
    if b.endswith("ев") or b.endswith("ьев"):
        return b[:-2] + ("евич" if male else "евна")
    return b[:-2] + ("ович" if male else "овна")


def gender_surname(stem: str, male: bool, kind: str) -> str:
    if kind == "uly":
        return stem + ("ұлы" if male else "қызы")
    if kind == "inv" or male:
        return stem
    if stem.endswith(("ов", "ев", "ёв", "ин")):
        return stem + "а"
    return stem


# ----------------------------------------------------------------------------------------------- IIN
W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def check_digit(d11: str) -> int:
    d = [int(c) for c in d11]
    s = sum(a * b for a, b in zip(d, W1)) % 11
    if s == 10:
        s = sum(a * b for a, b in zip(d, W2)) % 11
    return s


def make_iin(rng: random.Random, dob: dt.date, male: bool, used: set) -> str:
    c = (3 if male else 4) if dob.year < 2000 else (5 if male else 6)
    while True:
        d11 = dob.strftime("%y%m%d") + str(c) + f"{rng.randrange(10000):04d}"
        k = check_digit(d11)
        if k == 10:
            continue
        iin = d11 + str(k)
        if iin not in used:
            used.add(iin)
            return iin


def iin_typo(rng: random.Random, iin: str) -> str:
    """One serial digit mistyped and the check digit recomputed: still valid."""
    for _ in range(20):
        pos = rng.randrange(7, 11)
        nd = str((int(iin[pos]) + rng.randrange(1, 10)) % 10)
        d11 = iin[:pos] + nd + iin[pos + 1:11]
        k = check_digit(d11)
        if k != 10:
            return d11 + str(k)
    return iin


# ----------------------------------------------------------------------------------------------- population
class P:
    __slots__ = ("pid", "male", "eth", "first", "surname", "maiden", "marry_year", "patr", "dob", "iin", "addr",
                 "old_addr", "move_year", "phone", "role", "kids", "mother", "father", "rnn")


def rand_date(rng: random.Random, y0: int, y1: int) -> dt.date:
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(a, b))


def rand_addr(rng: random.Random) -> tuple:
    t = rng.choices(range(len(TOWNS)), weights=TOWN_W)[0]
    s = rng.randrange(len(STREETS))
    house = rng.randint(1, 250)
    apt = rng.randint(1, 180) if rng.random() < 0.7 else 0
    return (t, s, house, apt)


def build_population(rng: random.Random, n: int) -> list[P]:
    people: list[P] = []
    used: set = set()

    def new(male, eth, first, surname, patr, dob, addr) -> P:
        p = P()
        p.pid = f"P{len(people) + 1:05d}"
        p.male, p.eth, p.first, p.surname, p.patr, p.dob = male, eth, first, surname, patr, dob
        p.maiden, p.marry_year, p.addr, p.old_addr, p.move_year = None, None, addr, None, None
        p.iin = make_iin(rng, dob, male, used)
        p.phone = ("+7" + rng.choice(["701", "702", "705", "707", "747", "771", "775", "777", "778"]) +
                   f"{rng.randrange(10 ** 7):07d}") if (REF - dob).days > 16 * 365 and rng.random() < 0.85 else None
        p.role, p.kids, p.mother, p.father = "", [], None, None
        p.rnn = "".join(str(rng.randrange(10)) for _ in range(12))
        if rng.random() < 0.2:  # moved
            p.old_addr = rand_addr(rng)
            p.move_year = rng.randint(2012, 2025)
        people.append(p)
        return p

    def names(eth, male):
        if eth == "kz":
            return zipf_choice(rng, KZ_M if male else KZ_F)
        return zipf_choice(rng, RU_M if male else RU_F)

    def surname_kind(eth):
        if eth == "kz":
            r = rng.random()
            if r < 0.82:
                return zipf_choice(rng, KZ_SUR), "ov"
            if r < 0.93:
                return zipf_choice(rng, KZ_SUR_INV), "inv"
            return zipf_choice(rng, KZ_SUR_ULY), "uly"
        if eth == "ru":
            return zipf_choice(rng, RU_SUR), "ov"
        return zipf_choice(rng, OTHER_SUR), "inv"

    def patr_of(eth, male, father_name):
        if eth == "kz":
            return kz_patr(father_name, male, rng.random() < 0.35)
        if eth == "other" and rng.random() < 0.3:
            return ""  # some Korean/German people have no patronymic on record
        return ru_patr(father_name, male)

    while len(people) < n:
        r = rng.random()
        eth = "kz" if r < 0.70 else ("ru" if r < 0.92 else "other")
        kind = rng.random()
        addr = rand_addr(rng)
        if kind < 0.22:  # single adult
            male = rng.random() < 0.5
            stem, sk = surname_kind(eth)
            fname = names(eth, True)
            new(male, eth, names(eth, male), gender_surname(stem, male, sk), patr_of(eth, male, fname),
                rand_date(rng, 1950, 2004), addr)
            continue
        # couple
        hy = rng.choices(range(1948, 2001), weights=[1 + (y > 1965) * 2 + (y > 1980) * 2 for y in range(1948, 2001)])[0]
        stem, sk = surname_kind(eth)
        hf = names(eth, True)
        h = new(True, eth, hf, gender_surname(stem, True, sk), patr_of(eth, True, names(eth, True)),
                rand_date(rng, hy, hy), addr)
        wdob = rand_date(rng, hy - 1, min(hy + 6, 2003))
        mstem, msk = surname_kind(eth)
        maiden = gender_surname(mstem, False, msk)
        marry = max(hy, wdob.year) + rng.randint(20, 30)
        if marry > 2025:
            marry = 2025
        took = rng.random() < 0.80
        w = new(False, eth, names(eth, False), gender_surname(stem, False, sk) if took else maiden,
                patr_of(eth, False, names(eth, True)), wdob, addr)
        if took:
            w.maiden, w.marry_year = maiden, marry
        if rng.random() < 0.9 and h.old_addr is not None:  # move together
            w.old_addr, w.move_year = h.old_addr, h.move_year
        elif w.old_addr is not None and h.old_addr is None:
            w.old_addr = None
        if kind > 0.92:
            continue  # childless couple
        nk = rng.choices([1, 2, 3, 4, 5], weights=[25, 35, 25, 10, 5])[0]
        y0, y1 = marry + 1, min(2025, wdob.year + 43)
        if y0 > y1:
            continue
        for _ in range(nk):
            if len(people) >= n:
                break
            kd = rand_date(rng, y0, y1)
            twins = rng.random() < 0.02
            for _t in range(2 if twins else 1):
                if len(people) >= n and _t == 0:
                    break
                male = rng.random() < 0.5
                first = names(eth, male)
                while any(k.first == first for k in h.kids if k.dob == kd):
                    first = names(eth, male)
                k = new(male, eth, first, gender_surname(stem, male, sk), "", kd,
                        addr if (REF - kd).days < 25 * 365 else rand_addr(rng))
                # child's patronymic from father's name, in the family's usual form
                k.patr = patr_of(eth, male, hf)
                k.mother, k.father = w, h
                h.kids.append(k)
                w.kids.append(k)
                if (REF - kd).days < 18 * 365:
                    k.old_addr, k.move_year = h.old_addr, h.move_year
    return people


# ----------------------------------------------------------------------------------------------- faults
RU_NEIGH = "йцукенгшщзхъфывапролджэячсмитьбю"


def typo(rng: random.Random, s: str) -> str:
    if len(s) < 3:
        return s
    i = rng.randrange(1, len(s) - 1)
    op = rng.randrange(4)
    if op == 0:
        return s[:i] + s[i + 1:]
    if op == 1:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == 2:
        return s[:i] + s[i] + s[i:]
    c = s[i]
    pool = RU_NEIGH if "а" <= c.lower() <= "я" else "abcdefghijklmnopqrstuvwxyz"
    if c.lower() not in pool:
        return s
    j = pool.index(c.lower())
    n = pool[max(0, min(len(pool) - 1, j + rng.choice([-1, 1])))]
    return s[:i] + (n.upper() if c.isupper() else n) + s[i + 1:]


def maybe_typo(rng, s, rate=0.03):
    return typo(rng, s) if s and rng.random() < rate else s


def dob_err(rng: random.Random, d: dt.date, rate=0.02) -> dt.date:
    if rng.random() >= rate:
        return d
    if d.day <= 12 and d.day != d.month and rng.random() < 0.5:
        return dt.date(d.year, d.day, d.month)
    return d + dt.timedelta(days=rng.choice([-1, 1]))


class Ctx:
    def __init__(self, rng):
        self.rng = rng
        self.truth: list[tuple[str, str, str]] = []

    def iin(self, p: P, missing: float, typo_rate=0.03) -> str:
        if self.rng.random() < missing:
            return ""
        return iin_typo(self.rng, p.iin) if self.rng.random() < typo_rate else p.iin

    def surname_at(self, p: P, year: int, keep_maiden=0.0) -> str:
        if p.maiden and (year < (p.marry_year or 0) or self.rng.random() < keep_maiden):
            return p.maiden
        return p.surname

    def addr_at(self, p: P, year: int):
        if p.old_addr is not None and (year < p.move_year or self.rng.random() < 0.1):
            return p.old_addr
        return p.addr


def addr_ru(a) -> str:
    t, s, h, ap = a
    return f"г. {TOWNS[t][0]}, ул. {STREETS[s][0]}, д. {h}" + (f", кв. {ap}" if ap else "")


def addr_kz(a) -> str:
    t, s, h, ap = a
    return f"{TOWNS[t][1]} қ., {STREETS[s][1]} көшесі, {h} үй" + (f", {ap} пәтер" if ap else "")


def addr_short(a) -> str:
    t, s, h, ap = a
    return f"{TOWNS[t][0]}, {STREETS[s][0]} {h}" + (f"-{ap}" if ap else "")


LAT = {"а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e"], "ё": ["e", "yo"],
       "ж": ["zh", "j"], "з": ["z"], "и": ["i"], "й": ["y", "i"], "к": ["k"], "л": ["l"], "м": ["m"],
       "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"], "у": ["u"], "ф": ["f"],
       "х": ["kh", "h"], "ц": ["ts", "c"], "ч": ["ch", "ç"], "ш": ["sh", "ş"], "щ": ["shch", "sch"], "ъ": [""],
       "ы": ["y", "i"], "ь": [""], "э": ["e"], "ю": ["yu", "iu"], "я": ["ya", "ia"], "ә": ["a", "ä", "ae"],
       "ғ": ["g", "gh", "ğ"], "қ": ["k", "q"], "ң": ["n", "ng", "ñ"], "ө": ["o", "ö"], "ұ": ["u", "ū"],
       "ү": ["u", "ü"], "һ": ["h"], "і": ["i"]}


def latin(s: str, pick: dict) -> str:
    out = []
    for c in s:
        lc = c.lower()
        if lc in LAT:
            v = LAT[lc][pick.get(lc, 0) % len(LAT[lc])]
            out.append(v.capitalize() if c.isupper() else v)
        else:
            out.append(c)
    return "".join(out)


# ----------------------------------------------------------------------------------------------- files
def adults(people, at_year=2025, min_age=18):
    return [p for p in people if at_year - p.dob.year >= min_age]


def w_notary(ctx: Ctx, people, out):
    rng = ctx.rng
    pool = adults(people)
    fn = "notary_deals.csv"
    hdr = ["Реестровый номер", "Дата удостоверения", "Вид сделки", "Объект", "Сумма сделки, тг", "Нотариус",
           "Продавец фамилия", "Продавец имя", "Продавец отчество", "Продавец дата рождения", "Продавец ИИН",
           "Продавец адрес",
           "Покупатель фамилия", "Покупатель имя", "Покупатель отчество", "Покупатель дата рождения",
           "Покупатель ИИН", "Покупатель адрес"]
    rows = []
    sellers = rng.sample(pool, min(len(pool), 1100))
    for i in range(1150):
        s = sellers[i] if i < len(sellers) else rng.choice(pool)
        dd = rand_date(rng, 2008, 2025)
        b = rng.choice(pool)
        while b is s or dd.year - b.dob.year < 18 or dd.year - s.dob.year < 18:
            b = rng.choice(pool)
            if dd.year - s.dob.year < 18:
                dd = rand_date(rng, s.dob.year + 18, 2025)
        rid = f"{dd.year}-{rng.randint(1, 9)}/{i + 1:05d}"
        row = [rid, dd.strftime("%d/%m/%Y"), rng.choice(["купля-продажа", "дарение", "мена"]),
               rng.choice(["квартира", "жилой дом", "земельный участок", "гараж", "нежилое помещение"]),
               f"{rng.randint(2, 120) * 250000}", rng.choice(STAFF)]
        for j, p in enumerate((s, b)):
            sur = ctx.surname_at(p, dd.year)
            first, patr = p.first, p.patr
            if rng.random() < 0.5:  # half the notaries type without Kazakh letters
                sur, first, patr = sur.translate(KZ2RU), first.translate(KZ2RU), patr.translate(KZ2RU)
            d = dob_err(rng, p.dob)
            row += [maybe_typo(rng, sur), maybe_typo(rng, first), maybe_typo(rng, patr), d.strftime("%d/%m/%Y"),
                    ctx.iin(p, 0.15 if dd.year >= 2012 else 0.6), addr_ru(ctx.addr_at(p, dd.year))]
            # "Нотариус" is a column with a first word of its own: by the tool's documented rule the row's own
            # person (the bare id) is the notary, the seller is <id>#2 and the buyer <id>#3.
            ctx.truth.append((fn, rid + ("#2" if j == 0 else "#3"), p.pid))
        rows.append(row)
    with open(os.path.join(out, fn), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(hdr)
        w.writerows(rows)
    return fn, "Реестровый номер"


def w_cadastre(ctx: Ctx, people, out):
    rng = ctx.rng
    pool = adults(people, min_age=20)
    fn = "land_cadastre.tsv"
    hdr = ["ID_записи", "Кадастровый номер", "Площадь, га", "Целевое назначение", "Адрес участка",
           "Правообладатель", "Год рождения", "ИИН правообладателя", "Почтовый адрес", "Дата регистрации права",
           "Регистратор"]
    owners = rng.sample(pool, 1050)
    rows = []
    n = 0
    for p in owners:
        for _ in range(rng.choices([1, 2, 3], weights=[75, 18, 7])[0]):
            n += 1
            rid = f"ZK{rng.randint(10, 99)}{n:06d}"
            reg = rand_date(rng, max(2003, p.dob.year + 20), 2025)
            sur = ctx.surname_at(p, reg.year, keep_maiden=0.15)
            parts = [maybe_typo(rng, sur), maybe_typo(rng, p.first), maybe_typo(rng, p.patr)]
            full = " ".join(x for x in parts if x)
            if rng.random() < 0.4:
                full = full.translate(KZ2RU)
            if rng.random() < 0.3:
                full = full.upper()
            yr = p.dob.year
            if rng.random() < 0.02:
                yr += rng.choice([-1, 1])
            t, s, _, _ = rand_addr(rng)
            parcel = f"{TOWNS[t][0]} обл., уч. {rng.randint(1, 900)}"
            row = [rid, f"{rng.randint(1, 20):02d}-{rng.randint(100, 399)}-{rng.randint(1, 99):03d}-{rng.randint(1, 9999):04d}",
                   f"{rng.uniform(0.04, 25):.4f}".replace(".", ","),
                   rng.choice(["ИЖС", "ведение ЛПХ", "садоводство", "коммерческое", "крестьянское хозяйство"]),
                   parcel, full, str(yr), ctx.iin(p, 0.5),
                   addr_short(ctx.addr_at(p, reg.year)) if rng.random() < 0.6 else "",
                   reg.strftime("%d.%m.%Y"), rng.choice(STAFF)]
            ctx.truth.append((fn, rid, p.pid))
            rows.append(row)
    rng.shuffle(rows)
    with open(os.path.join(out, fn), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(hdr)
        w.writerows(rows)
    return fn, "ID_записи"


def w_bank(ctx: Ctx, people, out):
    rng = ctx.rng
    pool = adults(people)
    fn = "bank_kyc.json"
    cust = rng.sample(pool, 1750)
    recs = []
    n = 0
    for p in cust:
        for _dup in range(2 if rng.random() < 0.05 else 1):
            n += 1
            rid = f"KYC{rng.randint(100, 999)}-{n:05d}"
            opened = rand_date(rng, max(2010, p.dob.year + 18), 2025)
            pick = {k: rng.randrange(3) for k in LAT}
            sur = ctx.surname_at(p, opened.year, keep_maiden=0.1)
            last = latin(maybe_typo(rng, sur), pick).upper()
            first = latin(maybe_typo(rng, p.first), pick)
            mid = latin(p.patr, pick) if p.patr and rng.random() < 0.7 else ""
            name = f"{last}, {first}" + (f" {mid}" if mid else "")
            a = ctx.addr_at(p, opened.year)
            t, s, h, ap = a
            recs.append({
                "kycId": rid,
                "customerName": name,
                "dateOfBirth": dob_err(rng, p.dob).isoformat(),
                "iin": ctx.iin(p, 0.1),
                "mobilePhone": (f"+7 ({p.phone[2:5]}) {p.phone[5:8]}-{p.phone[8:10]}-{p.phone[10:]}"
                                if p.phone and rng.random() < 0.9 else None),
                "residentialAddress": {"city": TOWNS[t][2],
                                       "line1": f"{STREETS[s][2]} str. {h}" + (f", apt. {ap}" if ap else "")},
                "accountOpenedOn": opened.isoformat(),
                "riskRating": rng.choice(["LOW", "LOW", "MEDIUM", "HIGH"]),
                "relationshipManager": latin(rng.choice(STAFF), {}),
                "branchCode": f"KZ{rng.randint(1, 40):03d}",
            })
            ctx.truth.append((fn, rid, p.pid))
    rng.shuffle(recs)
    with open(os.path.join(out, fn), "w", encoding="utf-8") as f:
        json.dump(recs, f, ensure_ascii=False, indent=1)
    return fn, "kycId"


def date_soc(rng, d: dt.date, style: int) -> str:
    if style == 0:
        return f"{d.day:02d}-{MON_RU_SHORT[d.month - 1]}-{d.year}"
    return f"{d.day} {MON_RU_GEN[d.month - 1]} {d.year} г."


def w_social(ctx: Ctx, people, out):
    rng = ctx.rng
    fn = "social_fund.csv"
    hdr = ["№ п/п", "Ид. выплаты", "Фамилия", "Имя", "Отчество", "Дата рождения", "ИИН", "РНН", "Вид выплаты",
           "Период", "Сумма, тг", "Дата назначения", "Исполнитель"]
    mothers = [p for p in people if not p.male and any((REF - k.dob).days < 3 * 365 for k in p.kids)]
    old = [p for p in people if REF.year - p.dob.year >= 60]
    other = adults(people)
    chosen = {}
    for p in mothers:
        chosen[p.pid] = (p, "по уходу за ребенком до 1,5 лет")
    for p in rng.sample(old, min(len(old), 450)):
        chosen.setdefault(p.pid, (p, "по потере кормильца" if rng.random() < 0.2 else "по инвалидности"))
    for p in rng.sample(other, 300):
        chosen.setdefault(p.pid, (p, rng.choice(["по потере работы", "по беременности и родам", "по инвалидности"])))
    rows = []
    n = 0
    items = list(chosen.values())
    rng.shuffle(items)
    for p, kind in items:
        if len(rows) >= 1450:
            break
        style = rng.randrange(2)  # the operator's habit
        for _ in range(rng.choices([1, 2, 3], weights=[70, 22, 8])[0]):
            n += 1
            rid = f"СФ-{rng.randint(1, 17):02d}-{n:06d}"
            per = rand_date(rng, 2016, 2025)
            sur = ctx.surname_at(p, per.year, keep_maiden=0.05)
            d = dob_err(rng, p.dob)
            has_iin = rng.random() < 0.6
            rows.append([str(n), rid, maybe_typo(rng, sur.translate(KZ2RU)), maybe_typo(rng, p.first.translate(KZ2RU)),
                         maybe_typo(rng, p.patr.translate(KZ2RU)), date_soc(rng, d, style),
                         ctx.iin(p, 0.0) if has_iin else "", "" if has_iin and rng.random() < 0.7 else p.rnn,
                         kind, per.strftime("%m.%Y"), f"{rng.randint(20, 160) * 1000},00",
                         per.strftime("%d.%m.%Y"), rng.choice(STAFF).translate(KZ2RU)])
            ctx.truth.append((fn, rid, p.pid))
    with open(os.path.join(out, fn), "w", encoding="cp1251", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(hdr)
        w.writerows(rows)
    return fn, "Ид. выплаты"


def w_kinder(ctx: Ctx, people, out):
    rng = ctx.rng
    import openpyxl
    fn = "kindergarten_queue.xlsx"
    kids = [p for p in people if 365 <= (REF - p.dob).days < 7 * 365 and p.mother is not None]
    kids = rng.sample(kids, int(len(kids) * 0.7))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Кезек"
    ws.append(["Мектепке дейінгі ұйымға кезекте тұрған балалар тізімі (2025 ж.)"])
    ws.append([])
    ws.append(["Өтініш №", "Кезекке қойылған күні", "Т.А.Ә.", "Т.К.", "ЖСН", "Балабақша", "Жеңілдік санаты",
               "Анасының Т.А.Ә.", "Анасының Т.К.", "Анасының ЖСН", "Анасының ұялы тел.",
               "Әкесінің Т.А.Ә.", "Әкесінің ЖСН", "Мекенжайы", "Маман"])
    n = 0
    for k in kids:
        for _dup in range(2 if rng.random() < 0.04 else 1):  # re-registered in a second district
            n += 1
            rid = f"Q-{rng.randint(1, 8)}{n:05d}"
            appl = rand_date(rng, max(k.dob.year, 2019), 2025)
            if appl < k.dob:
                appl = k.dob + dt.timedelta(days=rng.randint(5, 200))

            def full(p, yr):
                parts = [maybe_typo(rng, ctx.surname_at(p, yr, keep_maiden=0.1)), maybe_typo(rng, p.first),
                         maybe_typo(rng, p.patr)]
                s = " ".join(x for x in parts if x)
                return s.translate(KZ2RU) if rng.random() < 0.25 else s
            m, f = k.mother, k.father
            cd = dob_err(rng, k.dob)
            has_f = rng.random() < 0.85
            ws.append([rid, appl.strftime("%d.%m.%Y"), full(k, appl.year),
                       dt.datetime(cd.year, cd.month, cd.day), ctx.iin(k, 0.1),
                       f"№{rng.randint(1, 180)} бөбекжай", rng.choice(["", "", "", "көпбалалы", "мүгедек бала"]),
                       full(m, appl.year),
                       dt.datetime(*dob_err(rng, m.dob).timetuple()[:3]) if rng.random() < 0.5 else None,
                       ctx.iin(m, 0.35),
                       (p := m.phone) and ("8" + p[2:]) or "",
                       full(f, appl.year) if has_f else None, ctx.iin(f, 0.45) if has_f else None,
                       addr_kz(ctx.addr_at(k, appl.year)), rng.choice(STAFF)])
            ctx.truth.append((fn, rid, k.pid))
            ctx.truth.append((fn, rid + "#2", m.pid))
            if has_f:
                ctx.truth.append((fn, rid + "#3", f.pid))
    for row in ws.iter_rows(min_row=4):
        for c in (row[3], row[8]):
            c.number_format = "DD.MM.YYYY"
    ws.append([])
    ws.append([f"Барлығы: {n}"])
    wb.save(os.path.join(out, fn))
    return fn, "Өтініш №"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    people = build_population(rng, a.persons)
    ctx = Ctx(rng)
    maps = []
    for w in (w_notary, w_cadastre, w_bank, w_social, w_kinder):
        maps.append(w(ctx, people, a.out))
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "record_id", "person_id"])
        w.writerows(ctx.truth)
    with open(os.path.join(a.out, "maps.txt"), "w", encoding="utf-8") as f:
        for fn, col in maps:
            f.write(f"{fn}:{col}=record_id\n")
    from collections import Counter
    c = Counter(t[0] for t in ctx.truth)
    print(f"persons {len(people)}, records {len(ctx.truth)}: " + ", ".join(f"{k} {v}" for k, v in c.items()))


if __name__ == "__main__":
    main()
