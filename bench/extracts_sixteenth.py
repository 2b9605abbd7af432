#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A sixteenth linkage writer's generator, written apart from the project: from the linkage issue's text (issue 16),
# the README's linkage part and `ukimet link --help` alone (earlier sets' documents read only to avoid their styles).
"""Five agency extracts in styles unlike the earlier sets, with truth.csv.

python bench/extracts_sixteenth.py --seed S --out DIR --persons 5000

Files: perinatal_zhurnal.xlsx (regional register of deliveries, a sheet per year, mother + newborn + father per row),
sot_taraptar.csv (district courts' civil case parties, one party per row, KZ-1048 encoding),
ogpo_polis.parquet (compulsory motor insurance, policy holder + insured driver per row),
qan_donor.json (blood service donation visits, epoch-millisecond dates, some names in GOST 7.79-B Latin),
pnr_passazhiry.csv (airline PNR passenger data, SURNAME/GIVEN TITLE, birth dates only inside SSR DOCS).
truth.csv: file,record_id,person_id (record ids as a run without configuration gives them).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
from collections import Counter, defaultdict

D = dt.date
TODAY = D(2024, 12, 31)

# ----------------------------------------------------------------------------------------------------------- names
KZ_M = ("Нұрлан Ерлан Серік Бауыржан Асхат Дәурен Ержан Қайрат Марат Талғат Арман Нұрсұлтан Әлихан Айдос Ернар "
        "Жандос Мақсат Бекзат Дархан Ғалым Азамат Асқар Берік Болат Жасұлан Қанат Мұрат Нұржан Руслан Санжар Тимур "
        "Ілияс Әділ Ислам Алмас Амир Әлібек Есен Жұмабек Құдайберген Шыңғыс Ақылбек Еркебұлан Нұрбол Дінмұхамед "
        "Ерасыл Мейіржан Ақжол Олжас Самат Ерболат Қуаныш Ерік Досжан Темірлан Әли Нұрасыл Бақытжан Сәкен").split()
KZ_F = ("Айгүл Гүлнар Әсел Динара Жанар Сәуле Меруерт Айжан Ақмарал Гүлмира Айнұр Мадина Назерке Аружан Томирис "
        "Айым Жансая Әйгерім Ботагөз Дана Салтанат Жұлдыз Гаухар Ләззат Бибігүл Күләш Раушан Нұргүл Зарина Камила "
        "Балнұр Ақбота Інкәр Ұлжан Мөлдір Алуа Ерке Көркем Айару Дильназ Әлия Перизат Сымбат Арайлым Гүлжан").split()
KZ_SUR = ("Ахметов Омаров Жұмабаев Сейітов Оспанов Қасымов Нұрпейісов Әбенов Байжанов Сәрсенов Бекмұхамбетов Ысқақов "
          "Дүйсенов Төлеубаев Жақыпов Мұқанов Есенов Ермеков Әлиев Садықов Рахымов Серікбаев Құрманов Тұрсынов "
          "Бейсенов Смайылов Жүсіпов Қалиев Әубәкіров Мамыров Сүлейменов Исабеков Қуанышев Тоқтар Бекмырза "
          "Жақсылықов Орынбаев Ғабдуллин Мусин Құдайбергенов Аманжолов Шәріпов Ибраев Әмірханов Қожахметов "
          "Өтегенов Нұрғалиев Темірбеков Бақытжанов Сағынтаев Жанұзақов Абдрахманов Қайыргелдин").split()
RU_SPECIAL = {"Әсел": "Асель", "Әйгерім": "Айгерим", "Шыңғыс": "Чингиз", "Ілияс": "Ильяс", "Ләззат": "Ляззат",
              "Күләш": "Кульяш", "Інкәр": "Инкар", "Әділ": "Адиль", "Дәурен": "Даурен", "Ысқақов": "Искаков",
              "Дүйсенов": "Дюсенов", "Төлеубаев": "Тулеубаев", "Жүсіпов": "Жусупов", "Әли": "Али", "Әлия": "Алия",
              "Өтегенов": "Утегенов", "Сәкен": "Сакен", "Дильназ": "Дильназ", "Ғабдуллин": "Габдуллин",
              "Шәріпов": "Шарипов", "Әубәкіров": "Аубакиров", "Ерік": "Ерик", "Бибігүл": "Бибигуль"}
RU_M = ("Александр Сергей Андрей Дмитрий Алексей Владимир Николай Иван Евгений Михаил Юрий Виктор Игорь Олег Павел "
        "Артём Максим Денис Роман Вадим Константин Илья Никита Станислав Геннадий Кирилл Егор Антон").split()
RU_F = ("Елена Ольга Наталья Татьяна Ирина Светлана Анна Екатерина Юлия Марина Людмила Галина Оксана Виктория "
        "Анастасия Дарья Алина Ксения Валентина Надежда Алёна Полина Софья Вера Лариса").split()
GROUPS = {  # name: (share, male firsts, female firsts, surnames, patronymic kind)
    "kz": (0.66, KZ_M, KZ_F, KZ_SUR, "kz"),
    "ru": (0.17, RU_M, RU_F, ("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров "
                              "Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов "
                              "Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов "
                              "Воробьёв Сергеев Кузьмин Фролов Белов Тарасов Беляев Комаров Киселёв").split(), "ru"),
    "uz": (0.04, "Шерзод Бахтиёр Улугбек Фаррух Жасур Азиз Ботир Акмаль Рустам Ильхом".split(),
           "Дилноза Гулноза Нилуфар Шахноза Мохира Зухра Феруза Малика".split(),
           "Юсупов Каримов Рахимов Абдуллаев Исмаилов Умаров Султанов Турсунов Хакимов Мирзаев".split(), "ru"),
    "ua": (0.03, RU_M, RU_F, "Шевченко Бондаренко Коваленко Ткаченко Кравченко Олейник Мельник Лысенко Петренко "
                             "Савчук Ковальчук Гончаренко".split(), "ru"),
    "tt": (0.03, "Ринат Рустам Ильдар Марат Айдар Радик Рамиль Тимур".split(),
           "Гульнара Альфия Лилия Эльмира Резеда Айгуль Ильмира Венера".split(),
           "Хасанов Галиев Сафин Шарипов Закиров Валиев Нуриев Гарипов Хайруллин Мухаметов".split(), "ru"),
    "ug": (0.02, "Ильхам Абдугаппар Алимжан Мурат Дильшат Ахмеджан Шохрат".split(),
           "Гульнур Дильнара Мадина Патигуль Зульфия Назугум".split(),
           "Мамутов Турдиев Исламов Абдурахманов Касымов Розахунов Садыров".split(), "ru"),
    "ko": (0.02, RU_M, RU_F, "Ким Пак Ли Цой Тен Хан Шин Югай Когай Пай Ни Ан".split(), "ru"),
    "de": (0.02, RU_M + ["Роберт", "Вальтер"], RU_F + ["Эльвира", "Ирма"],
           "Шмидт Миллер Вагнер Герман Шульц Вебер Келлер Гофман Фишер Бауэр".split(), "ru"),
    "ce": (0.01, "Ахмед Зелимхан Руслан Мовлади Ибрагим Адам Ислам".split(), "Хава Зарема Малика Хеда Петимат Лайла".split(),
           "Дудаев Мусаев Исаев Хамзатов Магомадов Вахаев".split(), "ru"),
}
FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                      "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})


def ru_form(w):
    """The usual Russian spelling of a Kazakh-Cyrillic word."""
    if w in RU_SPECIAL:
        return RU_SPECIAL[w]
    for k, v in RU_SPECIAL.items():  # feminine surnames of special forms
        if w == k + "а" and k.endswith(("ов", "ев", "ин")):
            return v + "а"
    r = w.translate(FOLD)
    if w.endswith("гүл"):
        r += "ь"
    return r


def fem_sur(s):
    if s.endswith(("ов", "ев", "ёв", "ин")):
        return s + "а"
    if s.endswith("ский"):
        return s[:-2] + "ая"
    if s.endswith("ұлы"):
        return s[:-3] + "қызы"
    return s


def pat_ru(name, sex):
    if name == "Илья":
        return "Ильич" if sex == "M" else "Ильинична"
    if name == "Никита":
        return "Никитич" if sex == "M" else "Никитична"
    if name.endswith("ий"):
        st, m, f = name[:-2], "ьевич", "ьевна"
    elif name.endswith(("й", "ь")):
        st, m, f = name[:-1], "евич", "евна"
    elif name.endswith("и"):
        st, m, f = name, "евич", "евна"
    elif name.endswith(("ж", "ш", "ч", "щ", "ц")):
        st, m, f = name, "евич", "евна"
    elif name.endswith(("а", "я")):
        st, m, f = name[:-1], "ович", "овна"
    else:
        st, m, f = name, "ович", "овна"
    return st + (m if sex == "M" else f)


# ------------------------------------------------------------------------------------------------------ addresses
TOWNS = [("Алматы", "Алматы", "ALA"), ("Астана", "Астана", "NQZ"), ("Шымкент", "Шымкент", "CIT"),
         ("Қарағанды", "Караганда", "KGF"), ("Ақтөбе", "Актобе", "AKX"), ("Павлодар", "Павлодар", "PWQ"),
         ("Өскемен", "Усть-Каменогорск", "UKK"), ("Семей", "Семей", "PLX"), ("Тараз", "Тараз", "DMB"),
         ("Атырау", "Атырау", "GUW"), ("Қостанай", "Костанай", "KSN"), ("Петропавл", "Петропавловск", "PPK"),
         ("Орал", "Уральск", "URA"), ("Қызылорда", "Кызылорда", "KZO")]
TOWN_W = [22, 16, 12, 7, 6, 5, 5, 4, 4, 4, 4, 3, 3, 3]
STREETS = [("Абай", "даңғылы", "Абая", "пр."), ("Төле би", "көшесі", "Толе би", "ул."), ("Жамбыл", "көшесі", "Жамбыла", "ул."),
           ("Сәтбаев", "көшесі", "Сатпаева", "ул."), ("Қабанбай батыр", "көшесі", "Кабанбай батыра", "ул."),
           ("Гагарин", "көшесі", "Гагарина", "ул."), ("Пушкин", "көшесі", "Пушкина", "ул."),
           ("Байтұрсынұлы", "көшесі", "Байтурсынова", "ул."), ("Желтоқсан", "көшесі", "Желтоксан", "ул."),
           ("Момышұлы", "көшесі", "Момышулы", "ул."), ("Республика", "даңғылы", "Республики", "пр."),
           ("Тәуелсіздік", "даңғылы", "Тауелсиздик", "пр."), ("Әуезов", "көшесі", "Ауэзова", "ул."),
           ("Мұқанов", "көшесі", "Муканова", "ул."), ("Шәкәрім", "көшесі", "Шакарима", "ул."),
           ("Самал", "ықшамауданы", "Самал", "мкр."), ("Ақсай-4", "ықшамауданы", "Аксай-4", "мкр."),
           ("Қазыбек би", "көшесі", "Казыбек би", "ул."), ("Достық", "даңғылы", "Достык", "пр."),
           ("Нұркен Әбдіров", "көшесі", "Нуркена Абдирова", "ул."), ("Сейфуллин", "даңғылы", "Сейфуллина", "пр."),
           ("Құрманғазы", "көшесі", "Курмангазы", "ул."), ("Шевченко", "көшесі", "Шевченко", "ул."),
           ("Ерубаев", "көшесі", "Ерубаева", "ул."), ("Төлеби", "көшесі", "Толеби", "ул.")]


def new_addr(rng, town=None):
    t = town if town is not None else rng.choices(range(len(TOWNS)), TOWN_W)[0]
    s = rng.randrange(len(STREETS))
    if rng.random() < 0.28 and STREETS[s][3] == "ул.":
        return (t, s, rng.randint(1, 240), None)
    return (t, s, rng.randint(1, 160), rng.randint(1, 180))


def addr_ru(a, rng, style=None):
    t, s, h, f = a
    town, st = TOWNS[t][1], STREETS[s]
    style = style if style is not None else rng.random()
    if style < 0.5:
        r = f"г. {town}, {st[3]} {st[2]}, д. {h}" + (f", кв. {f}" if f else "")
    else:
        r = f"{town}, {st[2]} {h}" + (f"-{f}" if f else "")
    return r


def addr_kk(a, rng):
    t, s, h, f = a
    town, st = TOWNS[t][0], STREETS[s]
    tp = {"көшесі": "к-сі", "даңғылы": "даң.", "ықшамауданы": "ы/а"}[st[1]] if rng.random() < 0.5 else st[1]
    return f"{town} қ., {st[0]} {tp}, {h} үй" + (f", {f} пәтер" if f else "")


# ------------------------------------------------------------------------------------------------------------ IIN
W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def check_digit(d11):
    c = sum(int(a) * b for a, b in zip(d11, W1)) % 11
    if c == 10:
        c = sum(int(a) * b for a, b in zip(d11, W2)) % 11
    return c


def iin_valid(s):
    return len(s) == 12 and s.isdigit() and check_digit(s[:11]) == int(s[11])


def make_iin(rng, bd, sex, used):
    cent = (3 if bd.year < 2000 else 5) + (1 if sex == "F" else 0)
    while True:
        d11 = f"{bd:%y%m%d}{cent}{rng.randint(1, 9999):04d}"
        c = check_digit(d11)
        if c == 10 or d11 in used:
            continue
        used.add(d11)
        return d11 + str(c)


def bin_make(rng):
    while True:
        d11 = f"{rng.randint(0, 23):02d}{rng.randint(1, 12):02d}4{rng.randint(0, 1)}{rng.randint(0, 99999):05d}"
        c = check_digit(d11)
        if c != 10:
            return d11 + str(c)


def iin_typo(rng, iin):
    """(written, kind): fails check / transposition / passes check."""
    for _ in range(50):
        r = rng.random()
        s = list(iin)
        if r < 0.40:
            i = rng.choice([0, 1, 2, 3, 4, 5, 7, 8, 9, 11])
            s[i] = str((int(s[i]) + rng.randint(1, 9)) % 10)
            w = "".join(s)
            if not iin_valid(w):
                return w, "fails"
        elif r < 0.55:
            i = rng.randint(0, 10)
            if s[i] == s[i + 1]:
                continue
            s[i], s[i + 1] = s[i + 1], s[i]
            return "".join(s), "transposed"
        else:
            k = rng.random()
            if k < 0.35:
                s[10] = str((int(s[10]) + rng.randint(1, 9)) % 10)
                w = "".join(s)
            elif k < 0.7:
                i = rng.choice([7, 8, 9])
                s[i] = str((int(s[i]) + rng.randint(1, 9)) % 10)
                c = check_digit("".join(s[:11]))
                if c == 10:
                    continue
                w = "".join(s[:11]) + str(c)
            else:
                s[5] = str((int(s[5]) + rng.randint(1, 8)) % 10)
                if not (1 <= int(s[4] + s[5]) <= 28):
                    continue
                c = check_digit("".join(s[:11]))
                if c == 10:
                    continue
                w = "".join(s[:11]) + str(c)
            if iin_valid(w) and w != iin:
                return w, "passes"
    return iin, "none"


# ---------------------------------------------------------------------------------------------------- persons
class P:
    __slots__ = ("pid", "hh", "sex", "bd", "grp", "fn", "pat", "pat_kind", "surs", "iin", "addrs", "phones", "email",
                 "mother", "father", "spouse", "ex", "married", "kids", "has_pat")

    def __init__(self, **kw):
        self.mother = self.father = self.spouse = self.ex = self.married = None
        self.kids = []
        self.email = None
        self.has_pat = True
        for k, v in kw.items():
            setattr(self, k, v)

    def sur(self, d, lang="ru"):
        cur = self.surs[0]
        for e in self.surs:
            if e[0] <= d:
                cur = e
        return cur[1] if lang == "kk" else cur[2]

    def prev_sur(self, d, lang="ru"):
        """The surname before the latest change before d, and when it changed."""
        prev, when = None, None
        for a, b in zip(self.surs, self.surs[1:]):
            if b[0] <= d:
                prev, when = a, b[0]
        return (None, None) if prev is None else ((prev[1] if lang == "kk" else prev[2]), when)

    def first(self, lang="ru"):
        return self.fn if lang == "kk" else ru_form(self.fn)

    def patr(self, lang="ru"):
        if not self.has_pat:
            return ""
        return self.pat[0] if lang == "kk" else self.pat[1]

    def addr(self, d):
        cur = self.addrs[0][1]
        for a, b in self.addrs:
            if a <= d:
                cur = b
        return cur

    def old_addr(self, d):
        olds = [b for a, b in self.addrs if a <= d]
        return olds[-2] if len(olds) >= 2 else None

    def phone(self, d):
        cur = None
        for a, b in self.phones:
            if a <= d:
                cur = b
        return cur

    def age(self, d):
        return d.year - self.bd.year - ((d.month, d.day) < (self.bd.month, self.bd.day))


def zipf_pick(rng, seq, s=0.9):
    w = [1.0 / (i + 1) ** s for i in range(len(seq))]
    return rng.choices(seq, w)[0]


def rdate(rng, a, b):
    return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))


def mobile(rng):
    return "7" + rng.choice(["701", "702", "705", "707", "708", "747", "771", "775", "777", "778"]) + f"{rng.randint(0, 9999999):07d}"


class Pop:
    def __init__(self, rng, n):
        self.rng, self.n = rng, n
        self.persons, self.used = [], set()
        self.hh_members = defaultdict(list)
        self.hh_addr = {}
        self.divorced = []  # (wife, ex-husband, divorce date)
        self.make()

    def grp(self):
        r = self.rng.random()
        acc = 0
        for g, v in GROUPS.items():
            acc += v[0]
            if r < acc:
                return g
        return "kz"

    def person(self, hh, sex, bd, g, fn=None, sur=None, father=None, mother=None):
        rng = self.rng
        _, ms, fs, ss, pk = GROUPS[g]
        if fn is None:
            fn = zipf_pick(rng, ms if sex == "M" else fs)
        if sur is None:
            s = zipf_pick(rng, ss, 0.7)
            sur = s if sex == "M" else fem_sur(s)
        if father is not None:
            ffn = father.fn
            pat = (ffn + ("ұлы" if sex == "M" else "қызы"), pat_ru(ru_form(ffn), sex))
            kind = "kz" if (g == "kz" and rng.random() < (0.5 if bd.year >= 1995 else 0.1)) else "ru"
        else:
            ffn = zipf_pick(rng, ms)
            pat = (ffn + ("ұлы" if sex == "M" else "қызы"), pat_ru(ru_form(ffn), sex))
            kind = "kz" if (g == "kz" and rng.random() < (0.5 if bd.year >= 1995 else 0.1)) else "ru"
        if kind == "kz":
            pat = (pat[0], ru_form(pat[0]))
        else:
            pat = (pat[1], pat[1])
        p = P(pid=f"P{len(self.persons) + 1:05d}", hh=hh, sex=sex, bd=bd, grp=g, fn=fn, pat=pat, pat_kind=kind,
              surs=[(bd, sur, ru_form(sur))], iin=make_iin(rng, bd, sex, self.used), addrs=[], phones=[],
              father=father, mother=mother)
        if g in ("ko", "de") and rng.random() < 0.3:
            p.has_pat = False
        if bd <= D(2008, 1, 1):
            p.phones.append((max(bd + dt.timedelta(days=365 * 16), D(2004, 1, 1)), mobile(rng)))
            if rng.random() < 0.15:
                p.phones.append((rdate(rng, D(2012, 1, 1), D(2023, 6, 1)), mobile(rng)))
            if rng.random() < 0.4:
                p.email = None  # set later (needs latin)
        self.persons.append(p)
        self.hh_members[hh].append(p)
        return p

    def set_addrs(self, hh, members, since):
        rng = self.rng
        cur = new_addr(rng)
        hist = [(since, cur)]
        if rng.random() < 0.30:
            mv = rdate(rng, max(since + dt.timedelta(days=400), D(2006, 1, 1)), D(2023, 10, 1))
            nxt = new_addr(rng, cur[0] if rng.random() < 0.7 else None)
            hist.append((mv, nxt))
        self.hh_addr[hh] = hist
        for m in members:
            pre = (D(1900, 1, 1), new_addr(rng, hist[0][1][0] if rng.random() < 0.6 else None))
            m.addrs = [pre] + [(a, b) for a, b in hist] if m.bd < since - dt.timedelta(days=5000) else [(D(1900, 1, 1), hist[0][1])] + hist[1:]

    def marry(self, h, w, md):
        rng = self.rng
        h.spouse, w.spouse, w.married = w, h, md
        rate = {"kz": 0.72, "ru": 0.92}.get(w.grp, 0.85)
        if h.surs[-1][1].endswith("ұлы"):
            rate = 0
        if rng.random() < rate:
            hs = h.surs[-1]
            w.surs.append((md, fem_sur(hs[1]), fem_sur(hs[2])))

    def kid(self, hh, f, m, bd, sex=None, fn=None, taken=()):
        rng = self.rng
        sex = sex or rng.choice("MF")
        g = f.grp if f is not None else m.grp
        for _ in range(20):
            c = zipf_pick(rng, GROUPS[g][1] if sex == "M" else GROUPS[g][2])
            if c not in taken:
                break
        fn = fn or c
        if f is not None:
            fs = f.sur(bd, "kk")
            sur = fs if sex == "M" else fem_sur(fs)
            if fs.endswith("ұлы") or (g == "kz" and bd.year >= 1995 and rng.random() < 0.07):
                if fs.endswith("ұлы") or rng.random() < 0.5:
                    sur = f.fn + ("ұлы" if sex == "M" else "қызы")
                else:
                    sur = f.fn + "ов" if sex == "M" else f.fn + "ова"
        else:
            ms = m.sur(bd, "kk")
            sur = ms if sex == "F" else (ms[:-1] if ms.endswith(("ова", "ева", "ина")) else ms)
        k = self.person(hh, sex, bd, g, fn=fn, sur=sur, father=f, mother=m)
        for par in (f, m):
            if par is not None:
                par.kids.append(k)
        return k

    def kids_for(self, hh, f, m, start, n):
        rng = self.rng
        kids, taken, d = [], set(), start
        for _ in range(n):
            d = d + dt.timedelta(days=rng.randint(300, 1800))
            if d > TODAY - dt.timedelta(days=30) or m.age(d) > 43:
                break
            k = self.kid(hh, f, m, d, taken=taken)
            taken.add(k.fn)
            kids.append(k)
            if rng.random() < 0.015:  # twins
                t = self.kid(hh, f, m, d, taken=taken)
                taken.add(t.fn)
                kids.append(t)
        return kids

    def make(self):
        rng, hh = self.rng, 0
        while len(self.persons) < self.n:
            hh += 1
            r = rng.random()
            g = self.grp()
            if r < 0.12:  # single adult
                p = self.person(hh, rng.choice("MF"), rdate(rng, D(1955, 1, 1), D(2004, 12, 31)), g)
                self.set_addrs(hh, [p], max(p.bd + dt.timedelta(days=365 * 19), D(1995, 1, 1)))
            elif r < 0.16:  # widowed elderly alone
                w = self.person(hh, "F" if rng.random() < 0.75 else "M", rdate(rng, D(1932, 1, 1), D(1954, 12, 31)), g)
                if w.sex == "F" and rng.random() < 0.85:
                    s = zipf_pick(rng, GROUPS[g][3], 0.7)
                    w.surs.append((w.bd + dt.timedelta(days=365 * 22), fem_sur(s), ru_form(fem_sur(s))))
                self.set_addrs(hh, [w], D(1985, 1, 1))
            elif r < 0.23:  # single mother, divorced (60 %) or never married
                m = self.person(hh, "F", rdate(rng, D(1968, 1, 1), D(1998, 12, 31)), g)
                if rng.random() < 0.6:
                    hh += 1
                    ex = self.person(hh, "M", m.bd - dt.timedelta(days=rng.randint(-400, 2500)), g if rng.random() < 0.9 else self.grp())
                    md = m.bd + dt.timedelta(days=365 * rng.randint(20, 26))
                    self.marry(ex, m, md)
                    kids = self.kids_for(hh - 1, ex, m, md, rng.choice([1, 1, 2, 2, 3]))
                    dd = (kids[-1].bd if kids else md) + dt.timedelta(days=rng.randint(200, 2500))
                    dd = min(dd, D(2024, 6, 1))
                    m.spouse = ex.spouse = None
                    m.ex, ex.ex = ex, m
                    if len(m.surs) > 1 and rng.random() < 0.4:
                        m.surs.append((dd, m.surs[0][1], m.surs[0][2]))
                    self.divorced.append((m, ex, dd))
                    self.set_addrs(hh - 1, [m] + kids, md)
                    self.set_addrs(hh, [ex], dd)
                    ex.addrs = [ex.addrs[0], (md, m.addrs[1][1] if len(m.addrs) > 1 else m.addrs[0][1])] + ex.addrs[1:]
                else:
                    kids = self.kids_for(hh, None, m, m.bd + dt.timedelta(days=365 * 19), rng.choice([1, 1, 2]))
                    self.set_addrs(hh, [m] + kids, m.bd + dt.timedelta(days=365 * 20))
            else:  # couple
                h = self.person(hh, "M", rdate(rng, D(1950, 1, 1), D(2000, 12, 31)), g)
                wg = g if rng.random() < 0.92 else self.grp()
                w = self.person(hh, "F", h.bd + dt.timedelta(days=rng.randint(-700, 2200)), wg)
                if g == "kz" and h.bd.year >= 1985 and rng.random() < 0.05:
                    uly = zipf_pick(rng, KZ_M) + "ұлы"  # a surname made from his father's name, no patronymic
                    h.surs[0] = (h.bd, uly, ru_form(uly))
                    h.has_pat = False
                md = max(h.bd, w.bd) + dt.timedelta(days=365 * rng.randint(21, 30) + rng.randint(0, 364))
                md = min(md, D(2024, 3, 1))
                self.marry(h, w, md)
                n = rng.choices([0, 1, 2, 3, 4], [0.13, 0.25, 0.3, 0.21, 0.11])[0]
                kids = self.kids_for(hh, h, w, md, n)
                members = [h, w] + kids
                if h.bd.year >= 1965 and not h.surs[0][1].endswith("ұлы") and rng.random() < 0.15:
                    gf = self.person(hh, "M", h.bd - dt.timedelta(days=365 * rng.randint(22, 32)), g, sur=h.surs[0][1])
                    gm = self.person(hh, "F", gf.bd + dt.timedelta(days=rng.randint(-300, 2000)), g)
                    self.marry(gf, gm, h.bd - dt.timedelta(days=rng.randint(300, 1500)))
                    h.father, h.mother = gf, gm
                    h.pat = (gf.fn + "ұлы", ru_form(gf.fn + "ұлы")) if h.pat_kind == "kz" else (pat_ru(ru_form(gf.fn), "M"),) * 2
                    gf.kids.append(h)
                    gm.kids.append(h)
                    members += [gf, gm]
                self.set_addrs(hh, members, md)
        # trim to exactly n: drop the last household, refill with single adults
        while len(self.persons) > self.n:
            last = self.persons[-1].hh
            drop = [p for p in self.persons if p.hh == last]
            self.persons = [p for p in self.persons if p.hh != last]
            self.divorced = [t for t in self.divorced if t[0].hh != last and t[1].hh != last]
            for p in self.persons:  # dangling links
                for a in ("spouse", "ex", "mother", "father"):
                    if getattr(p, a) in drop:
                        setattr(p, a, None)
                p.kids = [k for k in p.kids if k not in drop]
            self.hh_members.pop(last, None)
            while len(self.persons) < self.n:
                hh += 1
                p = self.person(hh, rng.choice("MF"), rdate(rng, D(1960, 1, 1), D(2003, 12, 31)), self.grp())
                self.set_addrs(hh, [p], max(p.bd + dt.timedelta(days=365 * 19), D(1995, 1, 1)))
        for p in self.persons:
            if not p.addrs:
                p.addrs = [(D(1900, 1, 1), new_addr(rng))]
            if p.bd <= D(2004, 1, 1) and rng.random() < 0.4:
                lat = translit(ru_form(p.fn) if p.grp == "kz" else p.fn, "inf", rng).lower()
                sl = translit(p.surs[-1][2], "inf", rng).lower()
                p.email = f"{lat}.{sl}{rng.choice(['', str(p.bd.year % 100), str(rng.randint(1, 99))])}@" + \
                          rng.choice(["mail.ru", "gmail.com", "mail.kz", "inbox.ru", "bk.ru"])


# --------------------------------------------------------------------------------------------- transliteration
ICAO = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y _ e iu ia a g k n o u u h i".split()))
OLDP = dict(ICAO, й="y", ю="yu", я="ya", ъ="_", ё="yo")
GOSTB = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                 "a b v g d e yo zh z i j k l m n o p r s t u f x cz ch sh shh `` y' ` e` yu ya".split()))


def translit(s, scheme, rng=None):
    out = []
    low = s.lower()
    for i, ch in enumerate(low):
        if scheme == "icao":
            t = ICAO.get(ch, ch)
        elif scheme == "old":
            t = OLDP.get(ch, ch)
        elif scheme == "gostb":
            t = GOSTB.get(ch, ch)
            if ch == "ц" and i + 1 < len(low) and low[i + 1] in "еиыэйяю":
                t = "c"
        else:  # informal, typed by a person
            t = OLDP.get(ch, ch)
            if ch == "ж" and rng.random() < 0.4:
                t = "j"
            elif ch == "х" and rng.random() < 0.5:
                t = "h"
            elif ch == "қ" and rng.random() < 0.15:
                t = "q"
            elif ch == "ы" and rng.random() < 0.3:
                t = "i"
            elif ch == "ц" and rng.random() < 0.3:
                t = "c"
        out.append(t.replace("_", ""))
    return "".join(out).upper() if s.isupper() else "".join(out).capitalize() if s[:1].isupper() else "".join(out)


# --------------------------------------------------------------------------------------------------- faults
def typo(rng, s):
    if len(s) < 4:
        return s
    i = rng.randint(1, len(s) - 2)
    r = rng.random()
    if r < 0.3:
        return s[:i] + s[i + 1:]
    if r < 0.5:
        return s[:i] + s[i] + s[i:]
    if r < 0.75:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    vows = "аеиоуыэяю" if any("а" <= c <= "я" for c in s.lower()) else "aeiouy"
    if s[i].lower() in vows:
        c = rng.choice([v for v in vows if v != s[i].lower()])
        return s[:i] + (c.upper() if s[i].isupper() else c) + s[i + 1:]
    return s[:i] + s[i + 1:]


def date_slip(rng, d):
    r = rng.random()
    try:
        if r < 0.3 and d.day <= 12 and d.day != d.month:
            return D(d.year, d.day, d.month)
        if r < 0.6:
            return d + dt.timedelta(days=rng.choice([-1, 1]))
        if r < 0.8:
            return D(d.year + rng.choice([-1, 1]), d.month, min(d.day, 28))
        if 10 <= d.day <= 28 and d.day % 10 and d.day // 10 != d.day % 10 and (d.day % 10) * 10 + d.day // 10 <= 28:
            return D(d.year, d.month, (d.day % 10) * 10 + d.day // 10)
        return d + dt.timedelta(days=10)
    except ValueError:
        return d + dt.timedelta(days=1)


class Faults:
    def __init__(self, rng, pop, name):
        self.rng, self.pop, self.src = rng, pop, name
        self.c = Counter()

    def iin(self, p, missing, d=TODAY):
        rng = self.rng
        if rng.random() < missing:
            self.c["iin_missing"] += 1
            return None
        self.c["iin_written"] += 1
        r = rng.random()
        if r < 0.021:
            w, k = iin_typo(rng, p.iin)
            self.c["iin_typo_" + k] += 1
            return w
        if r < 0.026:
            others = [m for m in self.pop.hh_members[p.hh] if m is not p] or [p.spouse or p.ex or p]
            o = rng.choice(others)
            if o is not p:
                self.c["iin_other_person"] += 1
                return o.iin
        return p.iin

    def name(self, s, rate=0.018):
        if s and self.rng.random() < rate:
            self.c["name_typo"] += 1
            return typo(self.rng, s)
        return s

    def bd(self, p, rate=0.01):
        if self.rng.random() < rate:
            self.c["birth_slip"] += 1
            return date_slip(self.rng, p.bd)
        return p.bd


KZ_MONTH = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
EN_MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def kz_locative(m):
    w = KZ_MONTH[m - 1]
    last_vowel = [c for c in w if c in "аеәоөұүыі"][-1]
    front = last_vowel in "еәөүі"
    voiceless = w[-1] in "кқпстфхцчшщ"
    return w + (("те" if front else "та") if voiceless else ("де" if front else "да"))


def initials(p, lang, d):
    f = p.first(lang)[0] + "."
    pt = p.patr(lang)
    return f + (pt[0] + "." if pt else "")


# ========================================================================================= 1. perinatal_zhurnal.xlsx
DOCTORS = ["Сейтказиева Г.М.", "Петренко О.В.", "Абдуллаева Р.Т.", "Нургалиева Ж.К.", "Ким Е.С.", "Жумагулова А.Б.",
           "Смаилова Д.Е.", "Иванова Т.П.", "Оспанова Л.Н.", "Бекова С.А."]
FACILITIES = ["Перинатальный центр №1", "Городской родильный дом №2", "Роддом №4", "ОПЦ", "ЦРБ, родильное отд.",
              "Перинатальный центр №3"]


def _fix_zip_times(path):  # byte-identical workbooks per seed: fixed member times
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in items:
            if n == "docProps/core.xml":
                import re
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-15T09:00:00Z", data)
            z.writestr(zipfile.ZipInfo(n, (2025, 1, 15, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)


def perinatal(pop, rng, out, truth):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    F = Faults(rng, pop, "perinatal")
    births = defaultdict(list)
    for k in pop.persons:
        if k.mother is not None and D(2006, 1, 1) <= k.bd <= TODAY and rng.random() < 0.82:
            births[k.bd.year].append(k)
    wb = Workbook()
    cover = wb.active
    cover.title = "Свод"
    cover.append(["Сводный журнал учёта родов по родовспомогательным организациям области"])
    cover.append([])
    cover.append(["Год", "Всего родов", "Родилось живыми", "Двоен", "Примечание"])
    rows_n = recs = 0
    for y in range(2006, 2025):
        ks = sorted(births.get(y, []), key=lambda k: (k.bd, k.pid))
        twins = sum(1 for a, b in zip(ks, ks[1:]) if a.mother is b.mother and a.bd == b.bd)
        cover.append([y, len(ks) - twins, len(ks), twins, "данные за год неполные" if y == 2024 else None])
        ws = wb.create_sheet(str(y))
        era = "A" if y <= 2008 else "B" if y <= 2013 else "C"
        hdr = ["№", "№ и/р", "Учреждение", "Дата поступл.", "ФИО роженицы"]
        hdr += ["Возраст"] if era != "C" else ["Д/р роженицы"]
        hdr += ["ИИН роженицы"] if era != "A" else []
        hdr += ["Адрес прож."] + (["Тел."] if era != "A" else [])
        hdr += ["Дата и время родов", "Пол", "Масса, г", "Рост, см", "Апгар", "Фамилия новорожд."]
        hdr += ["ИИН новорожд."] if era == "C" else []
        hdr += ["ФИО отца (со слов)", "Возраст отца", "Врач"]
        ws.append(hdr)
        for c in ws[1]:
            c.font = Font(bold=True)
        kaz_letters = y >= 2016 and rng.random() < 0.6
        for i, k in enumerate(ks, 1):
            m, f = k.mother, k.father
            d = k.bd
            lang = "kk" if (kaz_letters and m.grp == "kz" and rng.random() < 0.6) else "ru"
            sur = F.name(m.sur(d, lang))
            if lang == "ru" and m.married and m.married > d - dt.timedelta(days=300) and len(m.surs) > 1 and rng.random() < 0.3:
                sur = m.prev_sur(d, lang)[0] or sur  # married during pregnancy: documents not yet changed
                F.c["mother_maiden_surname"] += 1
            fnm = F.name(m.first(lang))
            pt = m.patr(lang)
            if era == "A" and rng.random() < 0.1:
                mname = f"{sur} {fnm[0]}.{(pt[0] + '.') if pt else ''}"
                F.c["mother_initials"] += 1
            else:
                mname = " ".join(x for x in (sur, fnm, pt if rng.random() > 0.05 else "") if x)
            if rng.random() < 0.08:
                mname = mname.upper()
            adm = d - dt.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
            tm = dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59))
            row = [i, f"{rng.randint(1, 6000)}/{y % 100:02d}", rng.choice(FACILITIES), adm, mname]
            if era != "C":
                age = m.age(d) - (1 if rng.random() < 0.03 else 0)
                row.append(age)
            else:
                mb = F.bd(m)
                if y >= 2019 and rng.random() < 0.3:
                    row.append(f"{mb:%d.%m.%Y}г.")
                elif rng.random() < 0.02:
                    row.append(None)
                else:
                    row.append(mb)
            if era != "A":
                row.append(F.iin(m, 0.30 if era == "B" else 0.06, d))
            a = m.addr(d)
            if rng.random() < 0.10 and m.old_addr(d):
                a = m.old_addr(d)
                F.c["old_address"] += 1
            row.append(addr_ru(a, rng))
            if era != "A":
                ph = m.phone(d)
                row.append(None if ph is None or rng.random() < 0.1 else rng.choice([f"8{ph[1:]}", f"8 {ph[1:4]} {ph[4:7]} {ph[7:9]} {ph[9:]}", f"+{ph}"]))
            row.append(tm)
            row.append(("М" if k.sex == "M" else "Ж") if era != "C" else ("муж." if k.sex == "M" else "жен."))
            row += [rng.randint(2300, 4500) // 10 * 10, rng.randint(46, 56), f"{rng.randint(6, 8)}/{rng.randint(7, 9)}"]
            ks_ = k.sur(d, lang)
            row.append(None if rng.random() < 0.12 else F.name(ks_))
            if era == "C":
                row.append(F.iin(k, 0.25, d))
            fpres = f is not None and (m.spouse is f or m.ex is f) and rng.random() < (0.78 if (m.married and m.married <= d) else 0.25)
            if fpres:
                flang = lang
                parts = [F.name(f.sur(d, flang)), F.name(f.first(flang))]
                if rng.random() < 0.6 and f.patr(flang):
                    parts.append(f.patr(flang))
                row.append(" ".join(parts))
                fa = f.age(d)
                row.append(None if rng.random() < 0.15 else fa + (rng.choice([-1, 1]) if rng.random() < 0.1 else 0))
            else:
                row += [None, None]
            row.append(rng.choice(DOCTORS))
            ws.append(row)
            r = ws.max_row
            for col, fmt in ((4, "DD.MM.YYYY"), (hdr.index("Дата и время родов") + 1, "DD.MM.YYYY HH:MM")):
                ws.cell(r, col).number_format = fmt
            if era == "C" and isinstance(row[5], D):
                ws.cell(r, 6).number_format = "DD.MM.YYYY"
            rid = f"{y}/{i}"
            truth.append(("perinatal_zhurnal.xlsx", rid, m.pid))
            truth.append(("perinatal_zhurnal.xlsx", rid + "#2", k.pid))
            recs += 2
            if fpres:
                truth.append(("perinatal_zhurnal.xlsx", rid + "#3", f.pid))
                recs += 1
                F.c["father_rows"] += 1
            rows_n += 1
    wb.properties.creator = "МЗ РК, отдел статистики"
    wb.properties.created = wb.properties.modified = dt.datetime(2025, 1, 15, 9, 0)
    wb.save(os.path.join(out, "perinatal_zhurnal.xlsx"))
    _fix_zip_times(os.path.join(out, "perinatal_zhurnal.xlsx"))
    F.c["rows"], F.c["records"] = rows_n, recs
    return F.c


# ============================================================================================ 2. sot_taraptar.csv
JUDGES = ["Сейітова А.Қ.", "Омаров Б.Т.", "Ким В.Н.", "Жүнісова Г.Ә.", "Бекмұханов Е.С.", "Полякова И.В.", "Тәжібаев Н.М."]
LAWYERS = ["адвокат Сейітов Б.Қ.", "адвокат Ли О.П.", "заң кеңесшісі Абенова Д.Т.", "адвокат Мухамеджанов Р.С.",
           "юрист Федорова Н.А."]
ORGS = [("«Kaspi Bank» АҚ", "АО «Kaspi Bank»"), ("«Қазақстан Халық Банкі» АҚ", "АО «Народный Банк Казахстана»"),
        ("«KMF» МҚҰ» ЖШС", "ТОО «МФО «KMF»"), ("«Home Credit Bank» АҚ", "АО «Home Credit Bank»"),
        ("Алматы қаласы әкімдігі", "Акимат города Алматы"), ("«Астана-Энергосбыт» ЖШС", "ТОО «Астана-Энергосбыт»"),
        ("«Азаматтарға арналған үкімет» МК» КеАҚ", "НАО «ГК «Правительство для граждан»"),
        ("«Қазпочта» АҚ", "АО «Казпочта»"), ("«Bereke Bank» АҚ", "АО «Bereke Bank»")]
ORG_BIN = {}


def sot(pop, rng, out, truth):
    F = Faults(rng, pop, "sot")
    for o in ORGS:
        ORG_BIN[o] = bin_make(rng)
    cases = []  # (date, category kk, [(role, person or org)])
    for m, ex, dd in pop.divorced:
        if dd >= D(2005, 1, 1) and rng.random() < 0.7:
            cd = dd - dt.timedelta(days=rng.randint(30, 120))
            pl, df = (m, ex) if rng.random() < 0.7 else (ex, m)
            cases.append((cd, "Некені бұзу", [("Талапкер", pl), ("Жауапкер", df)]))
        minors = [k for k in m.kids if k.father is ex and k.age(dd) < 18]
        if minors and rng.random() < 0.6:
            cd = dd + dt.timedelta(days=rng.randint(0, 700))
            if cd <= TODAY:
                cases.append((cd, "Алимент өндіру", [("Талапкер", m), ("Жауапкер", ex)] + [("Кәмелетке толмаған", k) for k in minors if k.age(cd) < 18]))
    for p in pop.persons:
        a = p.age(D(2020, 1, 1))
        if 21 <= a <= 65 and rng.random() < 0.12:
            for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
                cd = rdate(rng, D(2013, 1, 1), D(2024, 11, 1))
                parties = [("Талапкер", rng.choice(ORGS[:4] + ORGS[8:])), ("Жауапкер", p)]
                if p.spouse is not None and rng.random() < 0.2:
                    parties.append(("Үшінші тұлға", p.spouse))
                cases.append((cd, "Қарызды өндіру", parties))
        if 22 <= a <= 60 and rng.random() < 0.03:
            cases.append((rdate(rng, D(2012, 1, 1), D(2024, 11, 1)), "Еңбек дауы", [("Талапкер", p), ("Жауапкер", rng.choice(ORGS[5:8]))]))
        if 20 <= a <= 85 and rng.random() < 0.035:
            cases.append((rdate(rng, D(2010, 1, 1), D(2024, 11, 1)), "Заңды маңызы бар фактіні анықтау",
                          [("Өтініш беруші", p), ("Мүдделі тұлға", ORGS[6])]))
    for hh, mem in pop.hh_members.items():
        ad = [p for p in mem if p.age(D(2020, 1, 1)) >= 18]
        if ad and rng.random() < 0.02:
            cd = rdate(rng, D(2014, 1, 1), D(2024, 11, 1))
            cases.append((cd, "Тұрғын үйден шығару", [("Талапкер", ORGS[4])] + [("Жауапкер", p) for p in ad[:3]]))
    cases.sort(key=lambda c: c[0])
    rows = []
    hdr = ["Іс №", "Санаты", "Түскен күні", "Іс жүргізу мәртебесі", "Тараптың атауы / Т.А.Ә.", "ЖСН/БСН", "Туған күні",
           "Мекенжайы", "Байланыс", "Өкілі", "Судья"]
    recs = Counter()
    for n, (cd, cat, parties) in enumerate(cases, 1):
        lang = "kk" if rng.random() < 0.5 else "ru"
        no = f"75{rng.randint(10, 99)}-{cd.year % 100:02d}-00-2/{n}"
        judge = rng.choice(JUDGES)
        dup = rng.random() < 0.02  # a case entered twice (re-registered after a jurisdiction transfer)
        for rep in range(2 if dup else 1):
            for role, x in parties:
                if isinstance(x, tuple):
                    name = x[0] if lang == "kk" else x[1]
                    rows.append([no, cat, f"{cd:%d.%m.%Y}", role, name, ORG_BIN[x], "", "", "", rng.choice(["", "сенімхат бойынша өкіл"]), judge])
                    continue
                p = x
                sur, fn, pt = F.name(p.sur(cd, lang)), F.name(p.first(lang)), p.patr(lang)
                if p.sex == "F" and len(p.surs) > 1 and rng.random() < 0.12:
                    ps, when = p.prev_sur(cd, lang)
                    if ps and (cd - when).days < 3 * 365:
                        sur = ps
                        F.c["surname_before_change"] += 1
                r = rng.random()
                if r < 0.40:
                    name = " ".join(x for x in (sur.upper(), fn, pt) if x)
                elif r < 0.85 or not pt:
                    name = " ".join(x for x in (sur, fn, pt) if x)
                else:
                    name = f"{sur} {initials(p, lang, cd)}"
                    F.c["initials"] += 1
                iin = F.iin(p, 0.25 if cd.year >= 2012 else 0.6, cd) or ""
                bd = F.bd(p)
                r = rng.random()
                if r < 0.08:
                    bds = ""
                elif lang == "kk":
                    bds = f"{bd.year} жылы {bd.day} {kz_locative(bd.month)} туған" if r < 0.45 else f"{bd:%d.%m.%Y}"
                else:
                    bds = f"{bd:%d.%m.%Y} г.р." if r < 0.3 else f"{bd.year} г.р." if r < 0.38 else f"{bd:%d.%m.%Y}"
                a = p.addr(cd)
                if rng.random() < 0.2 and p.old_addr(cd):
                    a = p.old_addr(cd)
                    F.c["old_address"] += 1
                ad = addr_kk(a, rng) if lang == "kk" else addr_ru(a, rng)
                ph = p.phone(cd)
                cont = "" if ph is None or rng.random() < 0.6 else f"8 ({ph[1:4]}) {ph[4:7]}-{ph[7:9]}-{ph[9:]}"
                rep_ = rng.choice(LAWYERS) if rng.random() < 0.3 else ""
                if role == "Кәмелетке толмаған":
                    rep_ = "заңды өкілі — анасы" if lang == "kk" else "законный представитель — мать"
                rows.append([no, cat, f"{cd:%d.%m.%Y}", role, name, iin, bds, ad, cont, rep_, judge])
                truth.append(("sot_taraptar.csv", str(len(rows)), p.pid))
                recs[role] += 1
    with open(os.path.join(out, "sot_taraptar.csv"), "w", encoding="kz1048", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        w.writerow(hdr)
        w.writerows(rows)
    F.c["rows"], F.c["records"], F.c["cases"] = len(rows), sum(recs.values()), len(cases)
    F.c.update({"role_" + k: v for k, v in recs.items()})
    return F.c


# ========================================================================================= 3. ogpo_polis.parquet
AGENTS = ["Нұрмаханова А.", "Петров С.", "агент 0457", "online", "Садыкова Ж.", "Kaspi.kz", "Тимофеева Е."]
MODELS = ["Toyota Camry", "Hyundai Accent", "Lada Granta", "Chevrolet Cobalt", "Kia Rio", "Volkswagen Polo",
          "Toyota Land Cruiser Prado", "Daewoo Nexia", "Hyundai Tucson", "Lexus RX 350", "Audi 80", "Mercedes-Benz E 200"]


def ogpo(pop, rng, out, truth):
    import pyarrow as pa
    import pyarrow.parquet as pq
    F = Faults(rng, pop, "ogpo")
    cols = defaultdict(list)
    recs = holders_n = drivers_n = 0
    lic = {}
    pol_n = 0
    for hh, mem in pop.hh_members.items():
        ad = [p for p in mem if p.age(D(2023, 1, 1)) >= 20]
        if not ad or rng.random() > 0.42:
            continue
        men = [p for p in ad if p.sex == "M" and p.age(D(2023, 1, 1)) < 75]
        holder = men[0] if men and rng.random() < 0.75 else rng.choice(ad)
        plate = f"{rng.randint(100, 999)}{''.join(rng.choice('ABCEHKMOPTXY') for _ in range(3))}{rng.randint(1, 18):02d}"
        vin = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))
        model = rng.choice(MODELS)
        vyear = rng.randint(1992, 2023)
        pool = [holder] * (rng.random() < 0.85) + [p for p in ad if p is not holder and rng.random() < (0.5 if p is holder.spouse else 0.3)]
        years = [2023, 2024] if rng.random() < 0.8 else [rng.choice([2023, 2024])]
        for y in years:
            start = rdate(rng, D(y, 1, 1), D(y, 12, 20))
            pol_n += 1
            pno = f"{y}-{rng.randint(1000000, 9999999)}-ОГПО"
            unlimited = rng.random() < 0.08
            drivers = [None] if unlimited or not pool else pool
            hb = F.bd(holder)
            hbs = f"{hb:%Y.%m.%d}" if rng.random() < 0.75 else f"{hb:%d%m%Y}"
            lang = "kk" if (holder.grp == "kz" and rng.random() < 0.3) else "ru"
            hname = " ".join(x for x in (F.name(holder.sur(start, lang)), F.name(holder.first(lang)), holder.patr(lang)) if x)
            hiin = F.iin(holder, 0.01, start)
            ha = holder.addr(start)
            if holder.old_addr(start) and rng.random() < 0.4:
                ha = holder.old_addr(start)
                F.c["old_address"] += 1
            hph = holder.phone(start)
            for dr in drivers:
                cols["policyNo"].append(pno)
                cols["issuedAt"].append(dt.datetime(start.year, start.month, start.day, rng.randint(8, 21), rng.randint(0, 59)) - dt.timedelta(days=rng.randint(0, 3)))
                cols["periodFrom"].append(start)
                cols["periodTo"].append(start + dt.timedelta(days=364))
                cols["holderName"].append(hname)
                cols["holderIin"].append(hiin)
                cols["holderBirth"].append(None if rng.random() < 0.03 else hbs)
                cols["holderPhone"].append(None if hph is None else f"+7{hph[1:]}")
                cols["holderAddress"].append(addr_ru(ha, rng, 0.2))
                cols["vehiclePlate"].append(plate)
                cols["vehicleVin"].append(vin)
                cols["vehicleModel"].append(model)
                cols["vehicleYear"].append(vyear)
                if dr is None:
                    for c in ("driverName", "driverIin", "driverLicenceNo", "driverLicenceIssued", "driverBm"):
                        cols[c].append(None)
                else:
                    sur = dr.sur(start, "ru")
                    if dr.sex == "F" and len(dr.surs) > 1 and rng.random() < 0.15:
                        ps, when = dr.prev_sur(start, "ru")
                        if ps and (start - when).days < 3 * 365:
                            sur = ps
                            F.c["driver_surname_before_change"] += 1
                    dname = " ".join(x for x in (F.name(sur), F.name(dr.first("ru")), dr.patr("ru")) if x).upper()
                    if dr.pid not in lic:
                        issued = dr.bd + dt.timedelta(days=365 * rng.randint(18, 35) + rng.randint(0, 364))
                        if issued > D(2022, 12, 1):
                            issued = rdate(rng, dr.bd + dt.timedelta(days=365 * 18 + 30), D(2022, 12, 1))
                        lic[dr.pid] = (f"{rng.choice(['AB', 'AC', 'KZ', 'AA'])}{rng.randint(100000, 999999)}", issued)
                    cols["driverName"].append(dname)
                    cols["driverIin"].append(F.iin(dr, 0.03, start))
                    cols["driverLicenceNo"].append(lic[dr.pid][0])
                    cols["driverLicenceIssued"].append(lic[dr.pid][1])
                    cols["driverBm"].append(rng.choice(["М", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]))
                cols["premium"].append(round(rng.uniform(9000, 65000), 2))
                cols["agent"].append(rng.choice(AGENTS))
                rid = str(len(cols["policyNo"]))
                truth.append(("ogpo_polis.parquet", rid, holder.pid))
                holders_n += 1
                if dr is not None:
                    truth.append(("ogpo_polis.parquet", rid + "#2", dr.pid))
                    drivers_n += 1
                    if dr is holder:
                        F.c["driver_is_holder"] += 1
    types = {"issuedAt": pa.timestamp("s"), "periodFrom": pa.date32(), "periodTo": pa.date32(), "vehicleYear": pa.int16(),
             "driverLicenceIssued": pa.date32(), "premium": pa.float64()}
    arrs = {k: pa.array(v, type=types.get(k, pa.string())) for k, v in cols.items()}
    pq.write_table(pa.table(arrs), os.path.join(out, "ogpo_polis.parquet"))
    F.c.update(rows=len(cols["policyNo"]), records=holders_n + drivers_n, policies=pol_n, holders=holders_n, drivers=drivers_n)
    return F.c


# ============================================================================================= 4. qan_donor.json
STATIONS = [("ОЦК г. Алматы", False), ("РЦК г. Астана", False), ("ОЦК Карагандинской обл.", True), ("ОЦК г. Шымкент", False),
            ("ОЦК Павлодарской обл.", True), ("ОЦК ВКО", False), ("ОЦК Актюбинской обл.", False), ("Мобильный пункт №2", True)]
MEDICS = ["Жакупова А.Т.", "Соколова М.И.", "Байдильдина Р.К.", "Ахмеджанов Т.С.", "Ли Н.В."]
BLOOD = ["O(I)", "A(II)", "B(III)", "AB(IV)"]


def epoch_ms(d):
    return int((dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp()) * 1000)


def donor(pop, rng, out, truth):
    F = Faults(rng, pop, "donor")
    visits = []
    for p in pop.persons:
        if 18 <= p.age(D(2019, 1, 1)) <= 58 and rng.random() < 0.14:
            st = rng.randrange(len(STATIONS))
            card = f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
            n = rng.choices([1, 2, 3, 4, 5, 6, 8, 10], [0.22, 0.18, 0.15, 0.13, 0.11, 0.09, 0.07, 0.05])[0]
            d = rdate(rng, max(D(2014, 1, 1), p.bd + dt.timedelta(days=365 * 18 + 10)), D(2024, 10, 1))
            grp, rh = rng.choices(BLOOD, [32, 36, 23, 9])[0], rng.choice(["Rh+"] * 6 + ["Rh-"])
            card_sur = p.sur(d, "ru")
            card_addr = p.addr(d)
            for i in range(n):
                if d > D(2024, 12, 20):
                    break
                if rng.random() < 0.06 and i > 0:  # a new card at another station
                    st = rng.randrange(len(STATIONS))
                    card = f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
                    card_sur, card_addr = p.sur(d, "ru"), p.addr(d)
                    F.c["second_card"] += 1
                elif rng.random() < 0.5:  # the card is updated at a visit half of the time
                    card_sur, card_addr = p.sur(d, "ru"), p.addr(d)
                visits.append((d, p, st, card, grp, rh, card_sur, card_addr))
                d = d + dt.timedelta(days=rng.randint(70, 500))
    visits.sort(key=lambda v: (v[0], v[1].pid))
    items = []
    for d, p, st, card, grp, rh, card_sur, card_addr in visits:
        latin = STATIONS[st][1]
        if card_sur != p.sur(d, "ru"):
            F.c["surname_not_updated"] += 1
        if card_addr != p.addr(d):
            F.c["old_address"] += 1
        fam, imya, otch = F.name(card_sur), F.name(p.first("ru")), p.patr("ru")
        if latin:
            fam, imya, otch = (translit(x.upper(), "gostb") if x else x for x in (fam, imya, otch))
            F.c["gostb_latin"] += 1
        else:
            fam, imya, otch = fam.upper(), imya.upper(), otch.upper()
        if rng.random() < 0.1 or not otch:
            otch = None
        bd = F.bd(p)
        r = rng.random()
        bdv = None if r < 0.04 else f"{bd:%Y-%m-%d}" if r < 0.14 else epoch_ms(bd)
        ph = p.phone(d)
        items.append({
            "record_id": len(items) + 1,
            "visitId": f"V{d:%y%m}{rng.randint(10000, 99999)}",
            "visitDate": epoch_ms(d) + rng.randint(8, 17) * 3600000,
            "station": STATIONS[st][0],
            "donor": {"kartaNomer": card, "familiya": fam, "imya": imya, "otchestvo": otch, "dataRozhdeniya": bdv,
                      "pol": 1 if p.sex == "M" else 2, "iin": F.iin(p, 0.07 if d.year >= 2016 else 0.35, d),
                      "gruppaKrovi": grp, "rezus": rh, "adresProzhivaniya": addr_ru(card_addr, rng, 0.7),
                      "telefon": None if ph is None or rng.random() < 0.15 else ph},
            "donaciya": {"vid": rng.choice(["цельная кровь", "цельная кровь", "плазма", "тромбоциты"]),
                         "obyomMl": rng.choice([450, 450, 600, 250]), "hb": rng.randint(118, 168),
                         "otvod": None if rng.random() < 0.93 else {"prichina": "низкий гемоглобин", "do": epoch_ms(d + dt.timedelta(days=30))}},
            "medic": rng.choice(MEDICS),
        })
        truth.append(("qan_donor.json", str(len(items)), p.pid))
    with open(os.path.join(out, "qan_donor.json"), "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)
    F.c["rows"] = F.c["records"] = len(items)
    F.c["donors"] = len({v[1].pid for v in visits})
    return F.c


# ============================================================================================ 5. pnr_passazhiry.csv
DESTS = ["IST", "DXB", "AYT", "FRA", "ICN", "TAS", "SVO", "PEK", "BKK", "TBS", "HRG", "PRG", "DEL"]
CARRIERS = ["KC", "DV", "FS", "TK", "SU", "HY"]


def title(p, d, rng):
    a = p.age(d)
    if a < 12:
        return "MSTR" if p.sex == "M" else "MISS"
    return "MR" if p.sex == "M" else rng.choice(["MRS", "MS"])


def pnr(pop, rng, out, truth):
    F = Faults(rng, pop, "pnr")
    doc_scheme = {}
    rows = []
    hdr = ["REC_LOC", "CRT_DT", "FLT", "DEP", "ORG", "DST", "PAX_NM", "PTC", "SSR_DOCS", "CTC_M", "CTC_E", "FOP", "BOOKED_BY"]
    agency_ph = [mobile(rng) for _ in range(4)]
    agency_em = ["booking@asiatravel.kz", "tickets@aviatur.kz", "corp@kazbt.kz", "info@sapar-tour.kz"]
    bookings = []
    for hh, mem in pop.hh_members.items():
        ad = [p for p in mem if p.age(D(2022, 1, 1)) >= 18]
        if not ad or rng.random() > 0.36:
            continue
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            d = rdate(rng, D(2019, 1, 10), D(2024, 12, 1))
            alive = [p for p in mem if p.bd < d - dt.timedelta(days=14)]
            adults = [p for p in alive if p.age(d) >= 18]
            if not adults:
                continue
            lead = rng.choice(adults)
            if rng.random() < 0.5:
                pax = [lead] + [p for p in alive if p is not lead and (p is lead.spouse or p.age(d) < 18 or rng.random() < 0.3)]
                pax = pax[:6]
            else:
                pax = [lead]
            bookings.append((d, pax, "family" if len(pax) > 1 else "alone"))
    # corporate travel: unrelated adults booked by one agency, one phone and e-mail for all
    adults = [p for p in pop.persons if 23 <= p.age(D(2022, 1, 1)) <= 62]
    for _ in range(len(bookings) // 8):
        d = rdate(rng, D(2019, 1, 10), D(2024, 12, 1))
        bookings.append((d, rng.sample(adults, rng.choice([1, 2, 3])), "agency"))
    bookings.sort(key=lambda b: b[0])
    for d, pax, kind in bookings:
        intl = rng.random() < 0.55
        town = pax[0].addr(d)[0]
        org = TOWNS[town][2] if rng.random() < 0.8 else "ALA"
        dst = rng.choice(DESTS) if intl else rng.choice([t[2] for t in TOWNS if t[2] != org])
        loc = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        crt = dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59)) - dt.timedelta(days=rng.randint(1, 60))
        flt = f"{rng.choice(CARRIERS)}{rng.randint(100, 999)}"
        dep = dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.choice([0, 10, 20, 30, 40, 50]))
        if kind == "agency":
            ci = rng.randrange(4)
            ctm, cte, by = agency_ph[ci], agency_em[ci], f"ALA{rng.randint(1, 9)}S{rng.randint(2100, 2199)}"
        else:
            ph = pax[0].phone(d) or mobile(rng)
            ctm, cte, by = ph, pax[0].email, rng.choice(["WEB", "WEB", "MOBILE", f"ALA1S{rng.randint(2100, 2199)}"])
        if rng.random() < 0.3:
            cte = None
        for p in pax:
            a = p.age(d)
            ptc = "INF" if a < 2 else "CHD" if a < 12 else "ADT"
            if p.pid not in doc_scheme:
                doc_scheme[p.pid] = ("icao" if rng.random() < 0.6 else "old", rng.randint(10 ** 8, 10 ** 9 - 1), f"N{rng.randint(10 ** 7, 10 ** 8 - 1)}")
            sch, idno, pno = doc_scheme[p.pid]
            lang_src = "kk" if p.grp == "kz" else "ru"
            sur = p.sur(d, lang_src)
            if p.sex == "F" and p.married and 0 <= (d - p.married).days < 365 and len(p.surs) > 1 and rng.random() < 0.5:
                sur = p.prev_sur(d, lang_src)[0] or sur  # still on the maiden-name passport
                F.c["maiden_passport"] += 1
            giv = p.first(lang_src)
            docs_here = intl or rng.random() < 0.35
            if docs_here:
                dsur, dgiv = translit(sur.upper(), sch), translit(giv.upper(), sch)
                pax_sur, pax_giv = (dsur, dgiv) if rng.random() < 0.85 else (translit(sur.upper(), "inf", rng), translit(giv.upper(), "inf", rng))
            else:
                s2 = "icao" if rng.random() < 0.4 else "inf"
                pax_sur, pax_giv = translit(sur.upper(), s2, rng), translit(giv.upper(), s2, rng)
            if rng.random() < 0.02:
                pax_sur = typo(rng, pax_sur)
                F.c["name_typo"] += 1
            if rng.random() < 0.04 and p.patr("ru"):
                pax_giv += " " + translit(p.patr("ru").upper(), "old")
                F.c["patronymic_in_given"] += 1
            if rng.random() < 0.015:
                pax_sur, pax_giv = pax_giv, pax_sur
                F.c["swapped"] += 1
            pnm = f"{pax_sur}/{pax_giv}" + ("" if ptc == "INF" else " " + title(p, d, rng))
            docs = ""
            if docs_here:
                bd = F.bd(p, 0.008)
                if intl or rng.random() < 0.6:
                    dt_, num = ("P", pno) if intl else ("I", f"{idno:09d}")
                else:
                    dt_, num = "I", F.iin(p, 0.0, d) or p.iin
                    F.c["iin_as_doc_no"] += 1
                exp = D(min(d.year + rng.randint(1, 10), 2034), rng.randint(1, 12), rng.randint(1, 28))
                docs = f"{dt_}/KAZ/{num}/KAZ/{bd.day:02d}{EN_MON[bd.month - 1]}{bd.year % 100:02d}/{'M' if p.sex == 'M' else 'F'}{'I' if ptc == 'INF' else ''}/{exp.day:02d}{EN_MON[exp.month - 1]}{exp.year % 100:02d}/{dsur}/{dgiv}"
                F.c["docs"] += 1
            rows.append([loc, f"{crt:%Y-%m-%dT%H:%M}", flt, f"{dep:%Y-%m-%d %H:%M}", org, dst, pnm, ptc, docs, ctm or "", cte or "",
                         rng.choice(["CC/VI", "CC/CA", "CASH", "KASPI"]), by])
            truth.append(("pnr_passazhiry.csv", str(len(rows)), p.pid))
            if rng.random() < 0.015:  # the same PNR sent twice (a schedule change re-push)
                rows.append(list(rows[-1]))
                truth.append(("pnr_passazhiry.csv", str(len(rows)), p.pid))
                F.c["pushed_twice"] += 1
    with open(os.path.join(out, "pnr_passazhiry.csv"), "w", encoding="ascii", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(hdr)
        w.writerows(rows)
    F.c["rows"] = F.c["records"] = len(rows)
    F.c["bookings"] = len(bookings)
    return F.c


# ======================================================================================================== main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=161)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    pop = Pop(random.Random(rng.randint(0, 2 ** 31)), a.persons)
    truth = []
    stats = {"seed": a.seed, "persons": len(pop.persons)}
    for name, fn in (("perinatal_zhurnal.xlsx", perinatal), ("sot_taraptar.csv", sot), ("ogpo_polis.parquet", ogpo),
                     ("qan_donor.json", donor), ("pnr_passazhiry.csv", pnr)):
        stats[name] = dict(sorted(fn(pop, random.Random(f"{a.seed}:{name}"), a.out, truth).items()))
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "record_id", "person_id"])
        w.writerows(truth)
    ps = pop.persons
    stats["population"] = {
        "households": len(pop.hh_members),
        "groups": dict(Counter(p.grp for p in ps)),
        "women_with_surname_change": sum(1 for p in ps if len(p.surs) > 1),
        "divorced_couples": len(pop.divorced),
        "households_moved": sum(1 for h in pop.hh_addr.values() if len(h) > 1),
        "twins_births": sum(1 for p in ps if p.sex == "F" for a, b in zip(sorted(k.bd for k in p.kids), sorted(k.bd for k in p.kids)[1:]) if a == b),
        "records": len(truth),
        "persons_in_extracts": len({t[2] for t in truth}),
    }
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1, default=str)
    print(json.dumps({k: (v.get("records") if isinstance(v, dict) and "records" in v else v) for k, v in stats.items()}, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
