#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# A fifteenth linkage writer's extract generator, written apart from the project (from the linkage issue's text,
# the README's linkage part and `ukimet link --help` alone) and kept as its writer wrote it.
"""Synthetic Kazakhstan agency extracts, set "fifteenth".

python bench/extracts_fifteenth.py --seed S --out DIR --persons N

Writes into DIR five extracts, truth.csv (file,record_id,person_id; the k-th person of a row, counted from the
left, is `<record id>#k` for k >= 2) and stats.json:

  uy_kitaby.xlsx        district house-register books; data on the second sheet under a two-row merged header,
                        merged address cells, Excel serial numbers as text, Kazakh month names
  kpssu_f2.csv          administrative-offence statistical cards; headers are the card's field numbers only,
                        months in Roman numerals, old RNNs in the IIN field, a victim in the same row
  esutd_contracts.json  labour-contract register API dump (an envelope object around `items`), English abbreviated
                        keys, ISO ordinal dates (1985-071) for migrated contracts, employer addresses and HR phones
  jataqhana_2023.csv    university student and dormitory list in Kazakh Latin (2018 and 2021 alphabets), headers in
                        2021 Kazakh Latin, one parent per row as one name field
  ahat_aktileri.json    civil-registry acts (birth, marriage, divorce, change of name, death), each act with a list
                        of parties; surnames before and after, ages instead of birth dates in old acts

Deterministic per seed (only random.Random(seed) is used).
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
NOW = D(2024, 3, 1)
INF = D(2100, 1, 1)

# --------------------------------------------------------------------------------------------------------------
# name data: "kk/ru" tokens (kk = Kazakh Cyrillic spelling, ru = the usual Russian spelling); "_" is a space


def _parse(s):
    out = []
    for tok in s.split():
        if "/" in tok:
            kk, ru = tok.split("/")
        else:
            kk = ru = tok
        out.append((kk.replace("_", " "), ru.replace("_", " ")))
    return out


KZ_M = _parse("""Нұрлан/Нурлан Ерлан Серік/Серик Қайрат/Кайрат Бауыржан Асқар/Аскар Дәурен/Даурен Ержан Марат Болат
Бақыт/Бахыт Мұрат/Мурат Талғат/Талгат Ғалым/Галым Нұржан/Нуржан Айдос Арман Азамат Дархан Ербол Жандос Қанат/Канат
Мейрам Нұрсұлтан/Нурсултан Олжас Руслан Самат Тимур Қуаныш/Куаныш Ерасыл Әлібек/Алибек Ақылбек/Акылбек Бекзат Дамир
Ерболат Жасұлан/Жасулан Санжар Мағжан/Магжан Алмас Ринат Нұрбол/Нурбол Абылай Әділет/Адилет Бағдат/Багдат Дидар
Елдос Ерғали/Ергали Жарас Қасым/Касым Мақсат/Максат Мирас Нұртас/Нуртас Рахат Сұлтан/Султан Темірлан/Темирлан
Әлихан/Алихан Ислам Ильяс Амир Ансар Ерқанат/Ерканат Жомарт Төлеген/Тулеген Серікбол/Серикбол Ержігіт/Ержигит
Батыржан Қазыбек/Казыбек Мұхтар/Мухтар Жұмабек/Жумабек Бақытжан/Бахытжан Шыңғыс/Чингиз Ахмет Оспан Сәкен/Сакен
Тоқтар/Токтар Ғабит/Габит Есен Кенжебек Құрманбек/Курманбек Серікбай/Серикбай Әбілқайыр/Абулхаир""")
KZ_F = _parse("""Айгүл/Айгуль Гүлнар/Гульнар Гүлнара/Гульнара Жанар Әсел/Асель Динара Мәдина/Мадина Айжан Ақмарал/Акмарал
Ботагөз/Ботагоз Гүлмира/Гульмира Жібек/Жибек Зарина Ләззат/Ляззат Салтанат Сәуле/Сауле Әйгерім/Айгерим Аружан
Ақбота/Акбота Аяжан Балжан Дана Жансая Жұлдыз/Жулдыз Индира Камила Қарлығаш/Карлыгаш Ләйлә/Ляйля Мөлдір/Мольдир
Назерке Нұргүл/Нургуль Перизат Раушан Роза Сабина Томирис Ұлжан/Улжан Шынар Айнұр/Айнур Айдана Алия Әлия/Алия
Гаухар Дариға/Дарига Еркежан Жазира Зәуре/Зауре Күлпан/Кульпан Мариям Нұрсұлу/Нурсулу Сымбат Толқын/Толкын
Үміт/Умит Фатима Шолпан Ақерке/Акерке Дильназ Айсұлу/Айсулу Гүлжан/Гульжан Бибігүл/Бибигуль Күләш/Куляш
Мақпал/Макпал Сандуғаш/Сандугаш Іңкәр/Инкар Аида Әсем/Асем Жаннат Ажар Дамели""")
KZ_SUR = _parse("""Ахметов Омаров Әбенов/Абенов Жақыпов/Жакупов Сүлейменов/Сулейменов Ысқақов/Искаков Оспанов
Қасымов/Касымов Смағұлов/Смагулов Нұрланов/Нурланов Серікбаев/Серикбаев Төлеубаев/Тулеубаев Жұмабаев/Жумабаев
Бекмұхамбетов/Бекмухамбетов Әбдірахманов/Абдрахманов Мұқанов/Муканов Байжанов Есенов Тоқтаров/Токтаров Бейсенов
Сейітов/Сеитов Құдайбергенов/Кудайбергенов Әлімжанов/Алимжанов Қалиев/Калиев Ибраев Исабеков Байтұрсынов/Байтурсынов
Сәрсенов/Сарсенов Дүйсенов/Дюсенов Әбілов/Абилов Жақсылықов/Жаксылыков Тұрсынов/Турсунов Шәкенов/Шакенов
Нұрғалиев/Нургалиев Рахымов/Рахимов Сағындықов/Сагиндыков Мұхамеджанов/Мухамеджанов Иманғалиев/Имангалиев Бекетов
Оразбаев Жанұзақов/Жанузаков Ерғалиев/Ергалиев Қожахметов/Кожахметов Абаев Бақтыбаев/Бактыбаев
Досмұхамбетов/Досмухамбетов Жүсіпов/Жусупов Кенжебаев Тастанов Байменов Әлиев/Алиев Нұрпейісов/Нурпеисов Мамыров
Сейфуллин Әуезов/Ауэзов Қуанышев/Куанышев Ержанов Болатов Қайратов/Кайратов Маратов Мұратов/Муратов
Бөкейханов/Букейханов Дәулетов/Даулетов Әміров/Амиров Серғазиев/Сергазиев Орынбасаров Тәжібаев/Таджибаев Шайхин
Ғабдуллин/Габдуллин Мусин Жұмағұлов/Жумагулов Ілиясов/Ильясов Кәрімов/Каримов Нұрмағамбетов/Нурмагамбетов
Құрманов/Курманов Есқалиев/Ескалиев Үсенов/Усенов Өтегенов/Утегенов Ермеков Садықов/Садыков Бердібеков/Бердибеков
Жолдасбеков Мырзахметов Байғожин/Байгожин Темірханов/Темирханов Қабдолов/Кабдолов""")
KZ_SUR_INV = _parse("Тоқтар/Токтар Жанқожа/Жанкожа Бекмырза Нұрлыбай/Нурлыбай Ахмет Әбдіхалық/Абдихалык")

RU_M = _parse("""Александр Сергей Андрей Дмитрий Алексей Владимир Евгений Игорь Николай Иван Михаил Виктор Юрий Олег Павел
Максим Артём Денис Вадим Константин Никита Илья Роман Антон Василий Геннадий Валерий Анатолий Кирилл Егор""")
RU_F = _parse("""Елена Ольга Татьяна Наталья Ирина Светлана Марина Анна Юлия Екатерина Оксана Людмила Галина Надежда
Валентина Мария Анастасия Дарья Виктория Алина Ксения Полина Вера Любовь Лариса Нина Яна Софья Елизавета Кристина""")
RU_SUR = _parse("""Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев
Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов
Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов
Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев
Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов""")
UA_SUR = _parse("Шевченко Бондаренко Коваленко Ткаченко Кравченко Олейник Мельник Савченко Руденко Лысенко Кравец Петренко")
TT_M = _parse("Ринат Ильдар Рустем Марат Айдар Тимур Радик Рамиль Фарид Ильнур")
TT_F = _parse("Гульнара Альфия Резеда Лилия Эльмира Гузель Алсу Динара Ляйсан Рузиля")
TT_SUR = _parse("Хабибуллин Галиев Сафин Закиров Гарипов Валиев Хайруллин Мингазов Нуриев Ахметзянов")
UZ_M = _parse("Рустам Шерзод Бахтиёр Улугбек Жасур Фаррух Азиз Отабек Шухрат Дилшод")
UZ_F = _parse("Дилноза Нигора Гульчехра Шахноза Малика Феруза Зарина Мадина Нилуфар Умида")
UZ_SUR = _parse("Юсупов Каримов Рахимов Турсунов Усманов Алимов Хакимов Мирзаев Абдуллаев Исмаилов Назаров Султанов")
UG_M = _parse("Ильхам Алим Шавкат Дильмурат Абдурашит Махмут Нурмухаммед Ахмеджан Ильяр Арслан")
UG_F = _parse("Дильнара Гульнур Мунира Зульфия Патигуль Айгуль Хурлика Мадина Назугум Рейхангуль")
UG_SUR = _parse("Розахунов Мамутов Турдиев Исмаилов Касымов Хамраев Нурахунов Ахметов Садыров Юнусов")
KO_SUR = _parse("Ким Ли Пак Цой Тен Хан Шин Югай Ни Кан Хегай Лим Пя Огай")
DE_SUR = _parse("Шмидт Мюллер Вагнер Шнайдер Фишер Вебер Беккер Гофман Циммерман Кох Рихтер Классен")
DE_M = _parse("Виктор Андрей Эдуард Роберт Вальдемар Александр Владимир Артур Иван Давид")
DE_F = _parse("Ирма Эльвира Лидия Ольга Елена Наталья Ирина Эмма Виктория Анна")
AZ_M = _parse("Эльдар Ильхам Рашад Фуад Эльчин Вугар Самир Рауф Гасан Тофиг")
AZ_F = _parse("Севиндж Айнур Гюнай Лейла Нигяр Эльмира Айгюн Сабина Ульвия Гюльнар")
AZ_SUR = _parse("Мамедов Алиев Гусейнов Гасанов Исмаилов Керимов Рзаев Аббасов Бабаев")

GROUPS = [("kz", 0.68), ("ru", 0.16), ("uz", 0.04), ("ua", 0.025), ("tt", 0.025), ("ug", 0.02), ("ko", 0.02),
          ("de", 0.015), ("az", 0.01)]
FIRSTS = {"kz": (KZ_M, KZ_F), "ru": (RU_M, RU_F), "ua": (RU_M, RU_F), "ko": (RU_M, RU_F), "de": (DE_M, DE_F),
          "tt": (TT_M, TT_F), "uz": (UZ_M, UZ_F), "ug": (UG_M, UG_F), "az": (AZ_M, AZ_F)}
SURS = {"kz": KZ_SUR, "ru": RU_SUR, "ua": UA_SUR, "ko": KO_SUR, "de": DE_SUR, "tt": TT_SUR, "uz": UZ_SUR,
        "ug": UG_SUR, "az": AZ_SUR}
NATION_KK = {"kz": "қазақ", "ru": "орыс", "ua": "украин", "ko": "кәріс", "de": "неміс", "tt": "татар", "uz": "өзбек",
             "ug": "ұйғыр", "az": "әзірбайжан"}
NATION_RU = {"kz": "казах", "ru": "русский", "ua": "украинец", "ko": "кореец", "de": "немец", "tt": "татарин",
             "uz": "узбек", "ug": "уйгур", "az": "азербайджанец"}

OFFICIAL_SUR = ["Жумабеков", "Сейткали", "Касенова", "Мухамедиев", "Ким", "Байгабылов", "Ертаев", "Петрова",
                "Тлеубердиева", "Нуркенов", "Абдрасилов", "Шарипова", "Сагатов", "Ибрагимова", "Кульжанов",
                "Досанова", "Есимов", "Коваленко", "Муратбекова", "Ахмедиев", "Тажибаева", "Оразов", "Лукина",
                "Исмагулов", "Жунусова", "Бекенов", "Алданова", "Рысбеков", "Сабитова", "Утепов", "Карибаев"]
INITIALS = "АБГДЕЖКМНОРСТ"

# --------------------------------------------------------------------------------------------------------------
# places

TOWNS = [  # kk, ru, kind, landline code, weight
    ("Алматы", "Алматы", "city", "727", 20), ("Астана", "Астана", "city", "7172", 14),
    ("Шымкент", "Шымкент", "city", "7252", 9), ("Қарағанды", "Караганда", "city", "7212", 6),
    ("Ақтөбе", "Актобе", "city", "7132", 5), ("Павлодар", "Павлодар", "city", "7182", 4),
    ("Өскемен", "Усть-Каменогорск", "city", "7232", 4), ("Семей", "Семей", "city", "7222", 3),
    ("Тараз", "Тараз", "city", "7262", 4), ("Қостанай", "Костанай", "city", "7142", 3),
    ("Орал", "Уральск", "city", "7112", 3), ("Атырау", "Атырау", "city", "7122", 3),
    ("Қызылорда", "Кызылорда", "city", "7242", 3), ("Талдықорған", "Талдыкорган", "city", "7282", 2),
    ("Петропавл", "Петропавловск", "city", "7152", 2), ("Көкшетау", "Кокшетау", "city", "7162", 2),
    ("Түркістан", "Туркестан", "city", "72533", 2), ("Қаскелең", "Каскелен", "town", "72771", 2),
    ("Есік", "Есик", "town", "72775", 1), ("Ұзынағаш", "Узынагаш", "village", "72770", 2),
    ("Шамалған", "Шамалган", "village", "72771", 1), ("Сарыағаш", "Сарыагаш", "town", "72537", 1),
    ("Жетісай", "Жетысай", "town", "72534", 1), ("Қосшы", "Косшы", "town", "71651", 1),
]
TOWN_IDX = {t[0]: i for i, t in enumerate(TOWNS)}
STREETS = [  # kk name, kk type, ru name, ru type, old ru name (before renaming) or ""
    ("Абай", "даңғылы", "Абая", "пр.", ""), ("Жамбыл", "көшесі", "Жамбыла", "ул.", ""),
    ("Сәтбаев", "көшесі", "Сатпаева", "ул.", ""), ("Төле би", "көшесі", "Толе би", "ул.", "Комсомольская"),
    ("Гоголь", "көшесі", "Гоголя", "ул.", ""), ("Пушкин", "көшесі", "Пушкина", "ул.", ""),
    ("Рысқұлов", "даңғылы", "Рыскулова", "пр.", ""), ("Сейфуллин", "даңғылы", "Сейфуллина", "пр.", ""),
    ("Желтоқсан", "көшесі", "Желтоксан", "ул.", "Мира"), ("Байтұрсынұлы", "көшесі", "Байтурсынова", "ул.", "Кирова"),
    ("Қабанбай батыр", "көшесі", "Кабанбай батыра", "ул.", "Калинина"), ("Достық", "даңғылы", "Достык", "пр.", "Ленина"),
    ("Әуезов", "көшесі", "Ауэзова", "ул.", ""), ("Бұқар жырау", "көшесі", "Бухар жырау", "ул.", "Пролетарская"),
    ("Тәуелсіздік", "даңғылы", "Тауелсиздик", "пр.", ""), ("Республика", "даңғылы", "Республики", "пр.", ""),
    ("Ломоносов", "көшесі", "Ломоносова", "ул.", ""), ("Гагарин", "көшесі", "Гагарина", "ул.", ""),
    ("Мәметова", "көшесі", "Маметовой", "ул.", ""), ("Мұратбаев", "көшесі", "Муратбаева", "ул.", "Дзержинского"),
    ("Құнаев", "көшесі", "Кунаева", "ул.", "Карла Маркса"), ("Шевченко", "көшесі", "Шевченко", "ул.", ""),
    ("Бейбітшілік", "көшесі", "Бейбитшилик", "ул.", "Советская"), ("Наурызбай батыр", "көшесі", "Наурызбай батыра", "ул.", "Дзержинского"),
    ("Абылай хан", "даңғылы", "Абылай хана", "пр.", ""), ("Момышұлы", "көшесі", "Момышулы", "ул.", ""),
    ("Торайғыров", "көшесі", "Торайгырова", "ул.", ""), ("Майлин", "көшесі", "Майлина", "ул.", "Октябрьская"),
    ("Әл-Фараби", "даңғылы", "аль-Фараби", "пр.", ""), ("Тимирязев", "көшесі", "Тимирязева", "ул.", ""),
    ("Қажымұқан", "көшесі", "Кажымукана", "ул.", ""), ("Райымбек", "даңғылы", "Райымбека", "пр.", ""),
    ("Университет", "көшесі", "Университетская", "ул.", ""), ("Тәуке хан", "даңғылы", "Тауке хана", "пр.", ""),
    ("Ырғайты", "көшесі", "Ыргайты", "ул.", ""),
]
ST_IDX = {s[0]: i for i, s in enumerate(STREETS)}
N_GENERAL_STREETS = 28  # the first 28 are drawn for homes
MKRS = [("Самал-2", "Самал-2"), ("Ақсай-4", "Аксай-4"), ("Жетісу-3", "Жетысу-3"), ("Көктем-1", "Коктем-1"),
        ("Орбита-2", "Орбита-2"), ("Нұрсат", "Нурсат"), ("Шұғыла", "Шугыла"), ("5", "5"), ("12", "12")]
BPLACE_ABROAD = {"cn": ("ҚХР, Іле Қазақ автономиялық облысы", "КНР, Или-Казахский АО"),
                 "mn": ("Моңғолия, Баян-Өлгий аймағы", "Монголия, Баян-Ульгийский аймак"),
                 "uzb": ("Өзбекстан Республикасы, Қарақалпақстан", "Республика Узбекистан, Каракалпакстан")}

INSTS = {
    "dorm1": dict(kind="dorm", kk="Әл-Фараби атындағы ҚазҰУ №3 жатақханасы", lat_no="№3", town="Алматы",
                  street="Әл-Фараби", house="71/3", phone="7272213344", uni="u1"),
    "dorm2": dict(kind="dorm", kk="Сәтбаев университетінің №2 жатақханасы", lat_no="№2", town="Алматы",
                  street="Сәтбаев", house="22а", phone="7272927711", uni="u2"),
    "dorm3": dict(kind="dorm", kk="Л.Н. Гумилев атындағы ЕҰУ №5 жатақханасы", lat_no="№5", town="Астана",
                  street="Қажымұқан", house="13", phone="7172709455", uni="u3"),
    "dorm4": dict(kind="dorm", kk="Бөкетов университетінің №2 жатақханасы", lat_no="№2", town="Қарағанды",
                  street="Университет", house="28", phone="7212356610", uni="u4"),
    "dorm5": dict(kind="dorm", kk="Әуезов университетінің жатақханасы", lat_no="№1", town="Шымкент",
                  street="Тәуке хан", house="5", phone="7252214090", uni="u5"),
    "fam1": dict(kind="famdorm", kk="Отбасылық жатақхана", town="Алматы", street="Райымбек", house="348",
                 phone="7272330571"),
    "care1": dict(kind="care", kk="Алматы қалалық қарттар үйі", town="Алматы", street="Ырғайты", house="2",
                  phone="7272981206"),
    "care2": dict(kind="care", kk="Қарағанды облыстық психоневрологиялық медициналық-әлеуметтік мекемесі",
                  town="Қарағанды", street="Гагарин", house="41", phone="7212478830"),
    "care3": dict(kind="care", kk="Павлодар облыстық қарттар үйі", town="Павлодар", street="Ломоносов", house="160",
                  phone="7182661245"),
}
UNIS = {"u1": ("Алматы", ["dorm1"]), "u2": ("Алматы", ["dorm2"]), "u3": ("Астана", ["dorm3"]),
        "u4": ("Қарағанды", ["dorm4"]), "u5": ("Шымкент", ["dorm5"])}
FACULTIES = ["Механика-математика", "Филология", "Заң", "Экономика", "Ақпараттық технологиялар", "Химия",
             "Тарих", "Журналистика", "Құрылыс", "Энергетика", "Биология", "Педагогика"]

# --------------------------------------------------------------------------------------------------------------
# helpers


def add_years(d, y):
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return d.replace(year=d.year + y, day=28)


def rdate(rng, a, b):
    if b <= a:
        return a
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def age_at(dob, d):
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


ZW = {}


def zipf_pick(rng, lst, s=0.9):
    n = len(lst)
    if n not in ZW or ZW[n][0] != s:
        ZW[n] = (s, [1.0 / (i + 1) ** s for i in range(n)])
    return rng.choices(lst, weights=ZW[n][1], k=1)[0]


def fem(s):
    for suf in ("ов", "ев", "ёв", "ин", "ын"):
        if s.endswith(suf):
            return s + "а"
    if s.endswith("ский"):
        return s[:-4] + "ская"
    if s.endswith("ұлы"):
        return s[:-3] + "қызы"
    if s.endswith("улы"):
        return s[:-3] + "кызы"
    return s


def masc(s):
    for a, b in (("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"), ("ская", "ский"),
                 ("қызы", "ұлы"), ("кызы", "улы")):
        if s.endswith(a):
            return s[: -len(a)] + b
    return s


def sexed(pair, sex, inv=False):
    kk, ru = pair
    if inv:
        return kk, ru
    return (fem(kk), fem(ru)) if sex == "F" else (kk, ru)


VOWELS = set("аеёиоуыэюяәөұүі")
INV_ETH = {"ua", "ko", "de"}


def make_ov(name):
    if name.endswith("й"):
        return name[:-1] + "ев"
    if name[-1] in VOWELS or name[-1] in "жшщчц":
        return name + "ев"
    if name[-1] == "ь":
        return name[:-1] + "ев"
    return name + "ов"


def patr_ru(fa, sex):
    special = {"Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"), "Павел": ("Павлович", "Павловна"),
               "Лев": ("Львович", "Львовна")}
    if fa in special:
        return special[fa][0 if sex == "M" else 1]
    if fa.endswith("ий"):
        st = fa[:-2] + "ь"
        suf = ("евич", "евна")
    elif fa[-1] in "йь":
        st = fa[:-1]
        suf = ("евич", "евна")
    elif fa[-1] in VOWELS or fa[-1] in "жшчщц":
        st = fa
        suf = ("евич", "евна")
    else:
        st = fa
        suf = ("ович", "овна")
    return st + suf[0 if sex == "M" else 1]


def de_russify(pair):
    """Ахметов -> Ахмет, Жұмабаев -> Жұмабай, Қалиев -> Қали (a surname's Russian ending dropped)."""
    out = []
    for s in pair:
        if s.endswith("аев") or s.endswith("ейев"):
            out.append(s[:-2] + "й")
        elif s.endswith("ов") or s.endswith("ев"):
            out.append(s[:-2])
        else:
            out.append(s)
    return tuple(out)


LAT18 = {"а": "a", "ә": "á", "б": "b", "в": "v", "г": "g", "ғ": "ǵ", "д": "d", "е": "e", "ё": "ıo", "ж": "j",
         "з": "z", "и": "ı", "й": "ı", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ń", "о": "o",
         "ө": "ó", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ý", "ұ": "u", "ү": "ú", "ф": "f", "х": "h",
         "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
         "ю": "ıý", "я": "ıa"}
LAT21 = {"а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
         "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
         "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
         "һ": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
         "ю": "iu", "я": "ia"}


def lat_upper(s, scheme):
    if scheme == "21":
        s = s.replace("i", "İ")
    return s.upper()


def translit(s, scheme):
    tab = LAT18 if scheme == "18" else LAT21
    out = []
    for ch in s:
        low = ch.lower()
        m = tab.get(low)
        if m is None:
            out.append(ch)
            continue
        if ch != low and m:
            m = lat_upper(m[0], scheme) + m[1:]
        out.append(m)
    return "".join(out)


HOMO = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
        "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y"}


def homoglyph(rng, s):
    idx = [i for i, c in enumerate(s) if c in HOMO]
    if not idx:
        return s
    chosen = sorted(rng.sample(idx, min(len(idx), rng.choice([1, 1, 2]))))
    lst = list(s)
    for i in chosen:
        lst[i] = HOMO[lst[i]]
    return "".join(lst)


def typo(rng, s):
    if not s or len(s) < 4:
        return s
    k = rng.randrange(4)
    i = rng.randrange(1, len(s) - 1)
    if k == 0:
        return s[:i] + s[i + 1:]
    if k == 1:
        return s[:i] + s[i] + s[i:]
    if k == 2:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    vi = [j for j, c in enumerate(s) if c.lower() in VOWELS and j > 0]
    if not vi:
        return s[:i] + s[i + 1:]
    j = rng.choice(vi)
    repl = rng.choice([v for v in "аеиоуы" if v != s[j].lower()])
    if s[j].isupper():
        repl = repl.upper()
    return s[:j] + repl + s[j + 1:]


def date_slip(rng, d):
    k = rng.randrange(4)
    if k == 0 and d.day <= 12 and d.day != d.month:
        return D(d.year, d.day, d.month), "day_month_swap"
    if k == 1:
        return d + dt.timedelta(days=rng.choice([-1, 1])), "day_off"
    if k == 2:
        y = d.year + rng.choice([-1, 1])
        try:
            return d.replace(year=y), "year_off"
        except ValueError:
            return d + dt.timedelta(days=1), "day_off"
    ys = str(d.year)
    if ys[2] != ys[3]:
        y = int(ys[:2] + ys[3] + ys[2])
        if 1920 <= y <= 2023:
            try:
                return d.replace(year=y), "year_digits_swapped"
            except ValueError:
                pass
    return d + dt.timedelta(days=rng.choice([-1, 1])), "day_off"


# --------------------------------------------------------------------------------------------------------------
# IIN


def iin_check(d11):
    s = sum((i + 1) * d11[i] for i in range(11)) % 11
    if s == 10:
        w = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        s = sum(w[i] * d11[i] for i in range(11)) % 11
        if s == 10:
            return None
    return s


def iin_valid(s):
    if len(s) != 12 or not s.isdigit():
        return False
    c = iin_check([int(x) for x in s[:11]])
    return c is not None and c == int(s[11])


def with_check(s11):
    c = iin_check([int(x) for x in s11])
    return None if c is None else s11 + str(c)


def iin_fault(rng, iin):
    """Returns (faulty iin, kind). Kinds: fail (a digit changed, check fails), transposition, pass11 (the 11th
    digit changed: weight 11 leaves the check unchanged), serial_recomputed, birth_digit_recomputed."""
    r = rng.random()
    if r < 0.40:
        for _ in range(30):
            p = rng.randrange(12)
            d = str(rng.choice([x for x in range(10) if x != int(iin[p])]))
            s = iin[:p] + d + iin[p + 1:]
            if not iin_valid(s):
                return s, "fail"
    elif r < 0.55:
        for _ in range(30):
            p = rng.randrange(11)
            if iin[p] != iin[p + 1]:
                s = iin[:p] + iin[p + 1] + iin[p] + iin[p + 2:]
                return s, "transposition" + ("_valid" if iin_valid(s) else "")
    elif r < 0.75:
        for _ in range(30):
            d = str(rng.choice([x for x in range(10) if x != int(iin[10])]))
            s = iin[:10] + d + iin[11]
            if iin_valid(s):
                return s, "pass11"
    elif r < 0.90:
        for _ in range(30):
            p = rng.randrange(7, 11)
            d = str(rng.choice([x for x in range(10) if x != int(iin[p])]))
            s = with_check(iin[:p] + d + iin[p + 1:11])
            if s:
                return s, "serial_recomputed"
    else:
        for _ in range(30):
            p = 5  # the day's second digit
            d = str(rng.choice([x for x in range(10) if x != int(iin[p])]))
            s11 = iin[:p] + d + iin[p + 1:11]
            try:
                D(2000, int(s11[2:4]), int(s11[4:6]))
            except ValueError:
                continue
            s = with_check(s11)
            if s:
                return s, "birth_digit_recomputed"
    p = rng.randrange(12)
    d = str((int(iin[p]) + 1) % 10)
    s = iin[:p] + d + iin[p + 1:]
    return s, "fail" if not iin_valid(s) else "other_valid"


# --------------------------------------------------------------------------------------------------------------
# date and phone writing

KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан"]
RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
          "декабря"]
LAT18_MONTHS = [translit(m, "18") for m in KK_MONTHS]
LAT21_MONTHS = [translit(m, "21") for m in KK_MONTHS]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def f_dot(d):
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def f_roman(d):
    return f"{d.day:02d}.{ROMAN[d.month - 1]}.{d.year}"


def f_ordinal(d):
    return f"{d.year}-{d.timetuple().tm_yday:03d}"


def f_serial(d):
    return str((d - D(1899, 12, 30)).days)


def f_kk_jylgy(d):
    return f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}"


def f_ru_gen(d):
    return f"{d.day} {RU_GEN[d.month - 1]} {d.year} года"


def f_lat(d, scheme, yfirst=False):
    m = (LAT18_MONTHS if scheme == "18" else LAT21_MONTHS)[d.month - 1]
    return f"{d.year} j. {d.day} {m}" if yfirst else f"{d.day} {m} {d.year} j."


OPS = ["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]


def fmt_mobile(rng, n10, style=None):
    a, b, c, e = n10[:3], n10[3:6], n10[6:8], n10[8:10]
    style = style if style is not None else rng.randrange(6)
    return [f"8 {a} {b} {c} {e}", f"+7 ({a}) {b}-{c}-{e}", f"8{n10}", f"+7{n10}", f"{a}-{b}-{c}-{e}",
            f"8({a}){b}{c}{e}"][style]


def fmt_land(rng, n10, code, local=False):
    loc = n10[len(code):]
    if len(loc) == 7:
        locs = f"{loc[:3]}-{loc[3:5]}-{loc[5:]}"
    elif len(loc) == 6:
        locs = f"{loc[:2]}-{loc[2:4]}-{loc[4:]}"
    else:
        locs = f"{loc[:1]}-{loc[1:3]}-{loc[3:]}"
    if local:
        return locs
    return f"8 ({code}) {locs}"


# --------------------------------------------------------------------------------------------------------------
# population


class Person:
    def __init__(s, pid, sex, eth, dob):
        s.pid, s.sex, s.eth, s.dob = pid, sex, eth, dob
        s.first = []  # (from, kk, ru)
        s.sur = []  # (from, kk, ru, cause)
        s.patr = None  # (kk, ru)
        s.father_first = None
        s.iin = None
        s.rnn = None
        s.iin_from = D(2008, 1, 1)
        s.hh = None
        s.join = None  # date joined its household
        s.role = ""
        s.mob = []  # (from, number)
        s.death = None
        s.inst = []  # (from, to, inst key, room)
        s.kandas = None
        s.bplace = None
        s.pre_addr = None
        s.doc = None
        s.father = s.mother = s.spouse = None
        s.marriages = []
        s.student = None
        s.mother_of = []

    def sur_at(s, d, lag=0.0, rng=None):
        idx = 0
        for i, e in enumerate(s.sur):
            if e[0] <= d:
                idx = i
        cur = s.sur[idx]
        if lag and rng is not None and idx > 0 and (d - cur[0]).days < 3 * 365 and rng.random() < lag:
            prev = s.sur[idx - 1]
            return prev[1], prev[2]
        return cur[1], cur[2]

    def first_at(s, d):
        cur = s.first[0]
        for e in s.first:
            if e[0] <= d:
                cur = e
        return cur[1], cur[2]

    def alive(s, d):
        return s.death is None or d < s.death

    def mobile_at(s, d):
        cur = None
        for f, n in s.mob:
            if f <= d:
                cur = n
        return cur

    def inst_at(s, d):
        for f, t, k, room in s.inst:
            if f <= d < (t or INF):
                return k, room
        return None


class Household:
    def __init__(s, hid, town):
        s.hid, s.town = hid, town
        s.members = []
        s.addr = []  # (from, addr)
        s.landline = None
        s.formed = None
        s.kandas = None

    def addr_at(s, d):
        cur = s.addr[0][1]
        for f, a in s.addr:
            if f <= d:
                cur = a
        return cur


class World:
    def __init__(s, rng, n):
        s.rng = rng
        s.n = n
        s.persons = []
        s.households = []
        s.used_iin = set()
        s.used_num = set()
        s.namechange_acts = []  # (date, [persons], kind)
        s.counters = Counter()

    # ---- basic draws
    def new_person(s, sex, eth, dob):
        p = Person(f"P{len(s.persons) + 1:05d}", sex, eth, dob)
        s.persons.append(p)
        return p

    def draw_first(s, eth, sex):
        m, f = FIRSTS[eth]
        return zipf_pick(s.rng, m if sex == "M" else f, 0.8)

    def draw_sur(s, eth):
        rng = s.rng
        if eth == "kz" and rng.random() < 0.05:
            return zipf_pick(rng, KZ_SUR_INV), True
        inv = eth in ("ua", "ko", "de")
        return zipf_pick(rng, SURS[eth], 1.0 if eth == "kz" else 0.8), inv

    def draw_addr(s, town, kind=None):
        rng = s.rng
        tk = TOWNS[town][2]
        if kind is None:
            if tk == "village":
                kind = "house"
            else:
                kind = wchoice(rng, ["apt", "house", "mkr"], [0.62, 0.18, 0.20] if tk == "city" else [0.3, 0.7, 0.0])
        if kind == "mkr":
            return dict(town=town, kind="mkr", street=rng.randrange(len(MKRS)), house=str(rng.randint(1, 60)),
                        flat=str(rng.randint(1, 90)))
        st = rng.randrange(N_GENERAL_STREETS)
        if kind == "apt":
            return dict(town=town, kind="apt", street=st, house=str(rng.randint(1, 180)), flat=str(rng.randint(1, 120)))
        h = str(rng.randint(1, 260))
        if rng.random() < 0.08:
            h += rng.choice(["а", "б"])
        return dict(town=town, kind="house", street=st, house=h, flat="")

    def draw_town(s):
        return s.rng.choices(range(len(TOWNS)), weights=[t[4] for t in TOWNS], k=1)[0]

    def number(s, prefix_len_code=None):
        rng = s.rng
        while True:
            if prefix_len_code:
                code = prefix_len_code
                n = code + "".join(str(rng.randrange(10)) for _ in range(10 - len(code)))
                if n[len(code)] == "0":
                    continue
            else:
                n = rng.choice(OPS) + "".join(str(rng.randrange(10)) for _ in range(7))
            if n not in s.used_num:
                s.used_num.add(n)
                return n

    def set_patr(s, p, father_first, father_eth, style=None):
        """father_first: (kk, ru). style: 'ru', 'kk' or 'none' or 'az'."""
        rng = s.rng
        p.father_first = father_first
        if style is None:
            if p.eth == "kz":
                young = p.dob.year >= 1995
                style = "kk" if rng.random() < (0.5 if young else 0.1) else "ru"
            elif p.eth == "az":
                style = "az" if rng.random() < 0.5 else "ru"
            elif p.eth in ("ko", "de"):
                style = "ru" if rng.random() < 0.9 else "none"
            else:
                style = "ru"
        if style == "none":
            p.patr = None
        elif style == "kk":
            p.patr = (father_first[0] + ("ұлы" if p.sex == "M" else "қызы"),
                      father_first[1] + ("улы" if p.sex == "M" else "кызы"))
        elif style == "az":
            w = " оглы" if p.sex == "M" else " кызы"
            p.patr = (father_first[0] + w, father_first[1] + w)
        else:
            p.patr = (patr_ru(father_first[1], p.sex),) * 2

    def adult(s, sex, eth, dob, sur=None, inv=False):
        """An adult with a first name, a surname (masculine pair + invariance) and a patronymic."""
        p = s.new_person(sex, eth, dob)
        f = s.draw_first(eth, sex)
        p.first.append((dob, f[0], f[1]))
        if sur is None:
            sur, inv = s.draw_sur(eth)
        kk, ru = sexed(sur, sex, inv)
        p.sur.append((dob, kk, ru, "birth"))
        p.sur_base = (sur, inv)
        ff = s.draw_first(eth, "M")
        s.set_patr(p, ff, eth)
        return p

    # ---- households
    def make_household(s):
        rng = s.rng
        town = s.draw_town()
        hh = Household(f"H{len(s.households) + 1:05d}", town)
        s.households.append(hh)
        eth = wchoice(rng, [g for g, _ in GROUPS], [w for _, w in GROUPS])
        r = rng.random()
        if r < 0.12:
            s.hh_single(hh, eth)
        elif r < 0.19:
            s.hh_single_mother(hh, eth)
        elif r < 0.23:
            s.hh_elderly(hh, eth)
        else:
            s.hh_couple(hh, eth)
        return hh

    def _finish_hh(s, hh, formed):
        rng = s.rng
        hh.formed = formed
        a0 = s.draw_addr(hh.town)
        hh.addr = [(formed, a0)]
        if rng.random() < 0.30 and formed < D(2022, 6, 1):
            md = rdate(rng, add_years(formed, 1) if add_years(formed, 1) < D(2023, 6, 1) else formed, D(2023, 9, 1))
            if rng.random() < 0.7:
                a1 = s.draw_addr(hh.town)
            else:
                hh.town = s.draw_town()
                a1 = s.draw_addr(hh.town)
            hh.addr.append((md, a1))
        for p in hh.members:
            p.hh = hh
            if p.join is None:
                p.join = max(p.dob, formed)

    def hh_single(s, hh, eth):
        rng = s.rng
        dob = rdate(rng, D(1950, 1, 1), D(2003, 12, 31))
        sex = "M" if rng.random() < 0.55 else "F"
        p = s.adult(sex, eth, dob)
        p.role = "single"
        hh.members.append(p)
        p.pre_addr = s.draw_addr(hh.town)
        s._finish_hh(hh, max(dob, min(add_years(dob, rng.randint(19, 26)), D(2023, 6, 1))))

    def hh_elderly(s, hh, eth):
        rng = s.rng
        dob = rdate(rng, D(1932, 1, 1), D(1958, 12, 31))
        sex = "F" if rng.random() < 0.75 else "M"
        p = s.adult(sex, eth, dob)
        p.role = "widowed"
        hh.members.append(p)
        s._finish_hh(hh, add_years(dob, rng.randint(22, 30)))

    def make_ex(s, wife, m1, dv):
        """A first husband, divorced: a person of his own single household."""
        rng = s.rng
        eth = wife.eth if rng.random() < 0.9 else "kz"
        dob = add_years(wife.dob, -rng.randint(0, 5)) + dt.timedelta(days=rng.randrange(-200, 200))
        ex = s.adult("M", eth, dob)
        ex.role = "ex_husband"
        hh = Household(f"H{len(s.households) + 1:05d}", wife.hh_town if rng.random() < 0.7 else s.draw_town())
        s.households.append(hh)
        hh.members.append(ex)
        ex.pre_addr = s.draw_addr(hh.town)
        s._finish_hh(hh, dv)
        ex.marriages.append(dict(sp=wife, date=m1, end=dv, kind="divorce"))
        return ex

    def wife_takes(s, eth):
        return s.rng.random() < {"kz": 0.72, "ru": 0.92, "ua": 0.9, "de": 0.85, "ko": 0.8}.get(eth, 0.82)

    def children(s, hh, father, mother, start, end, max_n, sur_pair_of, kk_rule=True):
        """Children born in [start, end]; their surname from sur_pair_of(birth date, sex)."""
        rng = s.rng
        out = []
        d = start + dt.timedelta(days=rng.randint(300, 900))
        used_first = set()
        n = 0
        while n < max_n and d <= end and d < NOW:
            twins = rng.random() < 0.015
            for k in range(2 if twins else 1):
                sex = "M" if rng.random() < 0.51 else "F"
                c = s.new_person(sex, father.eth if father else mother.eth, d)
                for _ in range(20):
                    f = s.draw_first(c.eth, sex)
                    if f[0] not in used_first:
                        break
                if father is not None and sex == "M" and c.eth in ("ru", "ua", "de", "ko", "tt") and \
                        rng.random() < 0.08 and father.first[0][1] not in used_first:
                    f = (father.first[0][1], father.first[0][2])
                    s.counters["son_named_after_father"] += 1
                used_first.add(f[0])
                c.first.append((d, f[0], f[1]))
                kk, ru = sur_pair_of(d, sex, c)
                c.sur.append((d, kk, ru, "birth"))
                if father is not None:
                    ff = father.first[0][1:3]
                    if c.patr is None and not getattr(c, "no_patr", False):
                        s.set_patr(c, ff, father.eth)
                else:
                    s.set_patr(c, s.draw_first(c.eth, "M"), c.eth)
                c.father, c.mother = father, mother
                c.role = "child"
                hh.members.append(c)
                out.append(c)
                if twins:
                    s.counters["twin_persons"] += 1
            n += 1
            d = d + dt.timedelta(days=rng.randint(420, 1900))
        return out

    def child_sur_fn(s, father):
        """Surname of a child of this father born at d: the father's surname then (his sex form), or, for 7 % of
        Kazakh children born since 1995, one made from the father's first name."""
        rng = s.rng

        def fn(d, sex, c):
            if father.eth == "kz" and d.year >= 1995 and rng.random() < 0.07:
                fk, fr = father.first[0][1], father.first[0][2]
                if rng.random() < 0.6:
                    c.no_patr = True
                    s.counters["child_surname_from_fathers_name"] += 1
                    return (fk + ("ұлы" if sex == "M" else "қызы"), fr + ("улы" if sex == "M" else "кызы"))
                kk, ru = make_ov(fk), make_ov(fr)
                s.counters["child_surname_from_fathers_name"] += 1
                return (fem(kk), fem(ru)) if sex == "F" else (kk, ru)
            kk, ru = father.sur_at(d)
            kk, ru = masc(kk), masc(ru)
            return sexed((kk, ru), sex, father.eth in INV_ETH)

        return fn

    def hh_couple(s, hh, eth):
        rng = s.rng
        age = wchoice(rng, list(range(22, 82)), [1.0 if a < 60 else 0.6 for a in range(22, 82)])
        h_dob = rdate(rng, D(NOW.year - age - 1, NOW.month, 1), D(NOW.year - age, NOW.month, 1))
        w_eth = eth if rng.random() > 0.08 else wchoice(rng, [g for g, _ in GROUPS], [w for _, w in GROUPS])
        w_dob = h_dob + dt.timedelta(days=rng.randint(-700, 2600))
        if w_dob > D(2002, 1, 1):
            w_dob = D(2002, 1, 1) - dt.timedelta(days=rng.randint(0, 900))
        hh.kandas = None
        kandas = eth == "kz" and rng.random() < 0.07 and h_dob.year < 1998
        # husband's father first (the husband's patronymic names him)
        gf_first = s.draw_first(eth, "M")
        sur, inv = s.draw_sur(eth)
        husband = s.new_person("M", eth, h_dob)
        f = s.draw_first(eth, "M")
        husband.first.append((h_dob, f[0], f[1]))
        if kandas:
            sf = f
            while sf[0] == f[0]:
                sf = s.draw_first("kz", "M")
            sur, inv = (sf[0], sf[1]), True  # a father's name as surname, no ending
        if eth == "kz" and not kandas and h_dob.year >= 1985 and rng.random() < 0.05:
            sur, inv = (gf_first[0] + "ұлы", gf_first[1] + "улы"), False
            husband.no_patr = True
        husband.sur.append((h_dob, sur[0], sur[1], "birth"))
        husband.sur_base = (sur, inv)
        if getattr(husband, "no_patr", False):
            husband.father_first = gf_first
        else:
            s.set_patr(husband, gf_first, eth, "kk" if kandas and rng.random() < 0.6 else ("none" if kandas else None))
        husband.role = "husband"
        wife = s.adult("F", w_eth, w_dob)
        if kandas and w_eth == "kz":
            wf = s.draw_first("kz", "M")
            wife.sur[0] = (w_dob, wf[0], wf[1], "birth")
            wife.sur_base = ((wf[0], wf[1]), True)
            s.set_patr(wife, s.draw_first("kz", "M"), "kz", "kk" if rng.random() < 0.6 else "none")
        wife.role = "wife"
        wife.hh_town = hh.town
        hh.members += [husband, wife]
        lo = max(add_years(h_dob, 20), add_years(w_dob, 19))
        hi = min(add_years(h_dob, 33), D(2023, 6, 1))
        if hi < lo:
            hi = lo + dt.timedelta(days=200)
        marriage = rdate(rng, lo, hi)
        if kandas:
            arrival = rdate(rng, max(marriage, D(2003, 1, 1)), D(2021, 12, 31))
            hh.kandas = arrival
        # second marriage of the wife?
        second = (not kandas) and w_dob.year <= 1993 and rng.random() < 0.09
        first_kids = []
        if second:
            m1 = rdate(rng, add_years(w_dob, 19), add_years(w_dob, 24))
            dv = rdate(rng, add_years(m1, 1), add_years(m1, 8))
            m2 = rdate(rng, add_years(dv, 1), add_years(dv, 5))
            if m2 < D(2023, 1, 1) and m2 > add_years(h_dob, 20):
                marriage = m2
                ex = s.make_ex(wife, m1, dv)
                maiden = wife.sur[0]
                took1 = rng.random() < 0.8
                if took1:
                    kk, ru = sexed(ex.sur_at(m1), "F", ex.eth in INV_ETH)
                    if not kk.endswith("қызы"):
                        wife.sur.append((m1, kk, ru, "marriage"))
                    else:
                        took1 = False
                if took1 and rng.random() < 0.5:
                    wife.sur.append((dv, maiden[1], maiden[2], "divorce"))
                wife.marriages.append(dict(sp=ex, date=m1, end=dv, kind="divorce"))
                first_kids = s.children(hh, ex, wife, m1, dv, rng.choice([0, 1, 1, 2]), s.child_sur_fn(ex))
                for c in first_kids:
                    c.join = marriage
                s.counters["second_marriages"] += 1
            else:
                second = False
        # a husband's surname dropped of its Russian ending by an act of change of name
        nc_date = None
        if eth == "kz" and not kandas and D(1955, 1, 1) <= h_dob <= D(1995, 12, 31) and \
                (sur[0].endswith("ов") or sur[0].endswith("ев")) and rng.random() < 0.04 and marriage < D(2023, 1, 1):
            nc_date = rdate(rng, max(marriage, D(2006, 1, 1)) + dt.timedelta(days=30), D(2023, 10, 1))
            new = de_russify(sur)
            if rng.random() < 0.2:
                new = (new[0] + "ұлы", new[1] + "улы")
            husband.sur.append((nc_date, new[0], new[1], "name_change"))
            husband.sur_base = (new, False)
            s.counters["surname_dropped_ending"] += 1
        hs = husband.sur_at(marriage)
        if (s.wife_takes(wife.eth) or (second and rng.random() < 0.6)) and not hs[0].endswith("ұлы"):
            kk, ru = sexed(hs, "F", husband.eth in INV_ETH)
            wife.sur.append((marriage, kk, ru, "marriage"))
            if nc_date and rng.random() < 0.6:
                nk, nr = sexed((husband.sur[-1][1], husband.sur[-1][2]), "F")
                wife.sur.append((nc_date + dt.timedelta(days=rng.randint(0, 40)), nk, nr, "name_change"))
                s.namechange_acts.append((wife.sur[-1][0], [wife], "surname"))
        wife.marriages.append(dict(sp=husband, date=marriage, end=None, kind=None))
        husband.marriages.append(dict(sp=wife, date=marriage, end=None, kind=None))
        husband.spouse, wife.spouse = wife, husband
        # children of this marriage
        max_n = wchoice(rng, [0, 1, 2, 3, 4], [0.12, 0.25, 0.33, 0.2, 0.1])
        kids = s.children(hh, husband, wife, marriage, add_years(w_dob, 42), max_n, s.child_sur_fn(husband))
        if nc_date:
            minors = [c for c in kids if c.dob < nc_date and age_at(c.dob, nc_date) < 16 and
                      c.sur[0][1] == sexed((masc(husband.sur[0][1]), masc(husband.sur[0][2])), c.sex)[0]]
            for c in minors:
                kk, ru = husband.sur[-1][1], husband.sur[-1][2]
                if c.sex == "F" and kk.endswith("ұлы"):
                    kk, ru = kk[:-3] + "қызы", ru[:-3] + "кызы"
                c.sur.append((nc_date, kk, ru, "name_change"))
            s.namechange_acts.append((nc_date, [husband] + minors, "surname"))
        # kandas: born abroad; 01.01 birth dates for those born abroad in 40 %; surname changes for 30 %
        if kandas:
            arrival = hh.kandas
            country = wchoice(rng, ["cn", "mn", "uzb"], [0.6, 0.25, 0.15])
            for p in [husband, wife] + kids + first_kids:
                if p.dob < arrival:
                    p.kandas = arrival
                    p.bplace = BPLACE_ABROAD[country]
                    p.iin_from = add_years(arrival, 1)
                    if p.dob.year < 1995 and rng.random() < 0.4:
                        p.dob = D(p.dob.year, 1, 1)
                        p.first[0] = (p.dob,) + p.first[0][1:]
                        p.sur[0] = (p.dob,) + p.sur[0][1:]
                        s.counters["kandas_born_jan1"] += 1
            for p in [husband]:
                if rng.random() < 0.3:
                    d = rdate(rng, arrival + dt.timedelta(days=200), min(add_years(arrival, 4), D(2023, 12, 1)))
                    base = masc(p.sur_at(d)[0]), masc(p.sur_at(d)[1])
                    new = (make_ov(base[0]), make_ov(base[1]))
                    p.sur.append((d, new[0], new[1], "name_change"))
                    changed = [p]
                    for c in kids:
                        if c.dob < d and age_at(c.dob, d) < 16:
                            kk, ru = sexed(new, c.sex)
                            c.sur.append((d, kk, ru, "name_change"))
                            changed.append(c)
                    s.namechange_acts.append((d, changed, "surname"))
                    s.counters["kandas_surname_change"] += 1
        # husband's parents living with them
        if h_dob.year >= 1965 and rng.random() < 0.2:
            r = rng.random()
            gdob = add_years(h_dob, -rng.randint(22, 34)) + dt.timedelta(days=rng.randint(-150, 150))
            if r < 0.65:
                gf = s.new_person("M", eth, gdob)
                gf.first.append((gdob, gf_first[0], gf_first[1]))
                gsur = husband.sur[0][1:3] if not husband.sur[0][1].endswith("ұлы") else s.draw_sur(eth)[0]
                gf.sur.append((gdob, gsur[0], gsur[1], "birth"))
                gf.sur_base = ((masc(gsur[0]), masc(gsur[1])), inv)
                s.set_patr(gf, s.draw_first(eth, "M"), eth)
                gf.role = "grandfather"
                hh.members.append(gf)
                husband.father = gf
            if r > 0.15:
                gm = s.adult("F", eth, gdob + dt.timedelta(days=rng.randint(-200, 1500)))
                if rng.random() < 0.8:
                    gs = husband.sur[0][1:3]
                    gs = (masc(gs[0]), masc(gs[1]))
                    kk, ru = sexed(gs, "F", eth in INV_ETH)
                    gm.sur.append((add_years(gm.dob, 21), kk, ru, "marriage"))
                gm.role = "grandmother"
                hh.members.append(gm)
                husband.mother = gm
        if kandas:
            for p in hh.members:
                if p.dob < hh.kandas:
                    p.kandas = hh.kandas
                    p.iin_from = add_years(hh.kandas, 1)
                    if p.bplace is None:
                        p.bplace = BPLACE_ABROAD["cn"]
        husband.pre_addr = s.draw_addr(hh.town if rng.random() < 0.6 else s.draw_town())
        wife.pre_addr = s.draw_addr(hh.town if rng.random() < 0.6 else s.draw_town())
        s._finish_hh(hh, marriage)
        for p in hh.members:
            if p.role in ("grandfather", "grandmother"):
                p.join = max(marriage, hh.addr[-1][0] if len(hh.addr) > 1 and rng.random() < 0.5 else marriage)

    def hh_single_mother(s, hh, eth):
        rng = s.rng
        dob = rdate(rng, D(1965, 1, 1), D(2000, 12, 31))
        m = s.adult("F", eth, dob)
        m.role = "single_mother"
        m.hh_town = hh.town
        hh.members.append(m)
        m1 = rdate(rng, add_years(dob, 19), add_years(dob, 25))
        if m1 > D(2022, 1, 1):
            m1 = D(2022, 1, 1)
        if rng.random() < 0.6:
            dv = rdate(rng, add_years(m1, 1), min(add_years(m1, 9), D(2023, 6, 1)))
            ex = s.make_ex(m, m1, dv)
            maiden = m.sur[0]
            if s.wife_takes(eth):
                kk, ru = sexed(ex.sur_at(m1), "F", ex.eth in INV_ETH)
                m.sur.append((m1, kk, ru, "marriage"))
                if rng.random() < 0.45:
                    m.sur.append((dv, maiden[1], maiden[2], "divorce"))
            m.marriages.append(dict(sp=ex, date=m1, end=dv, kind="divorce"))
            s.children(hh, ex, m, m1, dv, rng.choice([1, 1, 2, 3]), s.child_sur_fn(ex))
            formed = m1
        else:
            def fn(d, sex, c, m=m):
                kk, ru = m.sur_at(d)
                return sexed((masc(kk), masc(ru)), sex, m.eth in INV_ETH)
            s.children(hh, None, m, m1, add_years(dob, 40), rng.choice([1, 1, 2]), fn)
            formed = m1
        m.pre_addr = s.draw_addr(hh.town)
        s._finish_hh(hh, formed)

    # ---- life events after households
    def finish(s):
        rng = s.rng
        for p in s.persons:
            p.hh_town = p.hh.town
        # IINs, RNNs and documents
        for p in s.persons:
            for _ in range(200):
                c = (3 if p.sex == "M" else 4) if p.dob.year < 2000 else (5 if p.sex == "M" else 6)
                iin = with_check(f"{p.dob:%y%m%d}{c}{rng.randrange(10000):04d}")
                if iin and iin not in s.used_iin:
                    s.used_iin.add(iin)
                    p.iin = iin
                    break
            if p.dob.year < 1990 and p.kandas is None:
                p.rnn = rng.choice(["6009", "0313", "1810", "4811", "3020", "0609", "5821"]) + "".join(
                    str(rng.randrange(10)) for _ in range(8))
            p.doc = "0" + "".join(str(rng.randrange(10)) for _ in range(8))
        # deaths
        for p in s.persons:
            a = age_at(p.dob, NOW)
            if a >= 65 and rng.random() < (0.08 if a < 78 else 0.2):
                p.death = rdate(rng, D(2018, 1, 1), D(2023, 12, 31))
                s.counters["deceased"] += 1
        # care homes
        for p in s.persons:
            a = age_at(p.dob, NOW)
            if a >= 72:
                alone = len(p.hh.members) == 1
                if rng.random() < (0.3 if alone else 0.06):
                    town = TOWNS[p.hh.town][0]
                    key = {"Алматы": "care1", "Қарағанды": "care2", "Павлодар": "care3"}.get(
                        town, rng.choice(["care1", "care2", "care3"]))
                    entry = rdate(rng, max(D(2012, 1, 1), add_years(p.dob, 70)), D(2023, 10, 1))
                    if p.death and p.death <= entry:
                        continue
                    p.inst.append((entry, p.death, key, str(rng.randint(1, 80))))
                    s.counters["care_home_residents"] += 1
        # students
        for p in s.persons:
            if D(1998, 9, 1) <= p.dob <= D(2006, 8, 31) and rng.random() < 0.6:
                start_year = p.dob.year + (18 if p.dob.month < 9 else 19) - (1 if rng.random() < 0.3 else 0)
                start_year = max(2016, min(start_year, 2023))
                home = TOWNS[p.hh.addr_at(D(start_year, 9, 1))["town"]][0]
                uni = {"Алматы": "u1" if rng.random() < 0.55 else "u2", "Астана": "u3", "Қарағанды": "u4",
                       "Шымкент": "u5"}.get(home)
                if uni is None or rng.random() < 0.3:
                    uni = wchoice(rng, ["u1", "u2", "u3", "u4", "u5"], [0.3, 0.2, 0.25, 0.12, 0.13])
                utown = UNIS[uni][0]
                in_dorm = rng.random() < (0.6 if utown != home else 0.05)
                end = D(start_year + 4, 6, 30)
                fac = rng.randrange(len(FACULTIES))
                st = dict(uni=uni, start=start_year, end=end, fac=fac, dorm=None, room=None)
                if in_dorm:
                    dorm = UNIS[uni][1][0]
                    room = str(rng.randint(1, 9) * 100 + rng.randint(1, 40))
                    st["dorm"], st["room"] = dorm, room
                    p.inst.append((D(start_year, 8, 25) + dt.timedelta(days=rng.randint(0, 20)),
                                   end if end < NOW else None, dorm, room))
                    s.counters["dorm_students"] += 1
                p.student = st
                s.counters["students"] += 1
        # a few namesakes on purpose: students of one dorm with the same surname get the same first name
        by = defaultdict(list)
        for p in s.persons:
            if p.student and p.student["dorm"]:
                by[(p.student["dorm"], p.sex, masc(p.sur_at(NOW)[0]))].append(p)
        made = 0
        for key in sorted(by):
            lst = by[key]
            if len(lst) >= 2 and made < 14 and lst[0].hh is not lst[1].hh:
                a, b = lst[0], lst[1]
                fa = a.first[0]
                sibs = {m.first[0][1] for m in b.hh.members if m is not b}
                if fa[1] not in sibs:
                    b.first[0] = (b.first[0][0], fa[1], fa[2])
                    made += 1
        s.counters["dorm_namesake_pairs"] = made
        # family-dormitory households in Almaty: their current address is a room of the family dormitory
        for hh in s.households:
            if TOWNS[hh.town][0] == "Алматы" and len(hh.members) >= 2 and rng.random() < 0.05:
                room = str(rng.randint(1, 5) * 100 + rng.randint(1, 30))
                a = dict(town=hh.town, kind="inst", inst="fam1", street=ST_IDX["Райымбек"], house="348", flat=room)
                if len(hh.addr) > 1:
                    hh.addr[-1] = (hh.addr[-1][0], a)
                else:
                    hh.addr[0] = (hh.addr[0][0], a)
                s.counters["family_dorm_households"] += 1
        # phones: landlines for 35 % of households; mobiles for persons from 16 (or since 2005)
        for hh in s.households:
            if rng.random() < (0.5 if any(age_at(p.dob, NOW) > 55 for p in hh.members) else 0.2):
                hh.landline = s.number(TOWNS[hh.town][3])
        for p in s.persons:
            a = age_at(p.dob, NOW)
            if a < 14:
                continue
            if a >= 80 and rng.random() < 0.5:
                continue
            f = max(add_years(p.dob, 14), D(2005, 1, 1))
            p.mob.append((f, s.number()))
            if rng.random() < 0.15:
                p.mob.append((rdate(rng, f + dt.timedelta(days=100), D(2023, 12, 1)), s.number()))
                s.counters["changed_mobile"] += 1
        # a small share of men also change the first name (kandas to the Kazakh spelling: Нурбол -> Нұрбол)
        for p in s.persons:
            if p.kandas and p.sex == "M" and p.first[0][1] != p.first[0][2] and rng.random() < 0.25:
                d = rdate(rng, p.kandas + dt.timedelta(days=100), min(add_years(p.kandas, 3), D(2023, 12, 1)))
                if d > p.dob:
                    # the Chinese-document spelling (Russian letters) before, the Kazakh spelling after
                    p.first = [(p.dob, p.first[0][2], p.first[0][2]), (d, p.first[0][1], p.first[0][2])]
                    s.namechange_acts.append((d, [p], "first"))
                    s.counters["kandas_first_name_change"] += 1

    # ---- what a record sees at a date
    def home_at(s, p, d, lag=0.0):
        rng = s.rng
        hh = p.hh
        inst = p.inst_at(d)
        if inst and INSTS[inst[0]]["kind"] == "care":
            return dict(town=TOWN_IDX[INSTS[inst[0]]["town"]], kind="inst", inst=inst[0],
                        street=ST_IDX[INSTS[inst[0]]["street"]], house=INSTS[inst[0]]["house"], flat=inst[1])
        if d < (p.join or hh.formed) and p.pre_addr is not None:
            return p.pre_addr
        a = hh.addr_at(d)
        if lag and len(hh.addr) > 1 and d >= hh.addr[1][0] and rng.random() < lag:
            s.counters["stale_address"] += 1
            return hh.addr[0][1]
        return a

    def living_at(s, p, d, lag=0.0):
        inst = p.inst_at(d)
        if inst:
            i = INSTS[inst[0]]
            return dict(town=TOWN_IDX[i["town"]], kind="inst", inst=inst[0], street=ST_IDX[i["street"]],
                        house=i["house"], flat=inst[1])
        return s.home_at(p, d, lag)


def build(seed, n):
    rng = random.Random(seed)
    w = World(rng, n)
    while len(w.persons) < n:
        w.make_household()
    w.finish()
    return w


# --------------------------------------------------------------------------------------------------------------
# rendering addresses and names


def addr_kk(a, rng, short=None):
    t = TOWNS[a["town"]]
    short = rng.random() < 0.5 if short is None else short
    tk = t[2]
    town = f"{t[0]} {'қ.' if short else 'қаласы'}" if tk != "village" else f"{t[0]} {'а.' if short else 'ауылы'}"
    if a["kind"] == "mkr":
        m = MKRS[a["street"]][0]
        return f"{town}, {m} {'ш.а.' if short else 'шағын ауданы'}, {a['house']}-үй, {a['flat']}-пәтер"
    st = STREETS[a["street"]]
    stt = {"көшесі": "к-сі", "даңғылы": "даң."}[st[1]] if short else st[1]
    if a["kind"] == "inst":
        i = INSTS[a["inst"]]
        room = f", {a['flat']}-бөлме" if a.get("flat") and i["kind"] != "care" else ""
        return f"{town}, {st[0]} {stt}, {a['house']}{room}"
    if a["flat"]:
        return f"{town}, {st[0]} {stt}, {a['house']}-үй, {a['flat']}-пәтер" if rng.random() < 0.6 else \
            f"{town}, {st[0]} {stt}, {a['house']}-{a['flat']}"
    return f"{town}, {st[0]} {stt}, {a['house']}"


def addr_ru(a, rng, old_names=0.0, compact=None):
    t = TOWNS[a["town"]]
    compact = rng.random() < 0.4 if compact is None else compact
    pre = "с." if t[2] == "village" else "г."
    town = f"{pre} {t[1]}" if not compact else f"{pre}{t[1]}"
    if a["kind"] == "mkr":
        m = MKRS[a["street"]][1]
        return f"{town}, мкр. {m}, д. {a['house']}, кв. {a['flat']}" if not compact else \
            f"{town} мкр.{m} {a['house']}-{a['flat']}"
    st = STREETS[a["street"]]
    name = st[4] if st[4] and rng.random() < old_names else st[2]
    if a["kind"] == "inst":
        room = f", ком. {a['flat']}" if a.get("flat") and INSTS[a["inst"]]["kind"] != "care" else ""
        return f"{town}, {st[3]} {name}, {a['house']}{room}"
    if a["flat"]:
        return f"{town}, {st[3]} {name}, д. {a['house']}, кв. {a['flat']}" if not compact else \
            f"{town} {st[3]}{name} {a['house']}-{a['flat']}"
    return f"{town}, {st[3]} {name}, д. {a['house']}" if not compact else f"{town} {st[3]}{name} {a['house']}"


def name_parts(p, d, spelling, lag=0.0, rng=None):
    """(surname, first, patronymic) at date d in 'kk' or 'ru' spelling."""
    sk, sr = p.sur_at(d, lag, rng)
    fk, fr = p.first_at(d)
    pk, pr = p.patr if p.patr else ("", "")
    if spelling == "kk":
        return sk, fk, pk
    return sr, fr, pr


def lat_parts(p, d, scheme):
    sk, fk, pk = name_parts(p, d, "kk")
    if p.eth != "kz":
        sk, fk, pk = name_parts(p, d, "ru")
    return translit(sk, scheme), translit(fk, scheme), translit(pk, scheme) if pk else ""


def initials(first, patr):
    out = first[:1].upper() + "."
    if patr:
        out += patr[:1].upper() + "."
    return out


def official_name(rng):
    return f"{rng.choice(OFFICIAL_SUR)} {rng.choice(INITIALS)}.{rng.choice(INITIALS)}."


# --------------------------------------------------------------------------------------------------------------
# extract writers


class Faults:
    def __init__(s, rng, stats):
        s.rng, s.stats = rng, stats

    def name(s, file, txt, p_typo=0.02, p_homo=0.0):
        rng = s.rng
        if txt and rng.random() < p_typo:
            s.stats[file]["name_typo"] += 1
            txt = typo(rng, txt)
        if txt and p_homo and rng.random() < p_homo:
            s.stats[file]["latin_lookalike_letters"] += 1
            txt = homoglyph(rng, txt)
        return txt

    def dob(s, file, d, p=0.01):
        if s.rng.random() < p:
            nd, kind = date_slip(s.rng, d)
            s.stats[file]["birth_" + kind] += 1
            return nd
        return d

    def iin(s, file, w, p, d, p_missing, p_typo=0.022, p_other=0.005):
        """The IIN an agency wrote for person p at date d, or ''."""
        rng = s.rng
        if d < p.iin_from or rng.random() < p_missing:
            s.stats[file]["iin_missing"] += 1
            return ""
        iin = p.iin
        r = rng.random()
        if r < p_other:
            others = [m for m in p.hh.members if m is not p and m.iin]
            if others:
                s.stats[file]["iin_of_household_member"] += 1
                return rng.choice(others).iin
        if r < p_other + p_typo:
            iin, kind = iin_fault(rng, iin)
            s.stats[file]["iin_typo_" + kind] += 1
        return iin


def write_uy_kitaby(w, out, stats, truth):
    """District house-register books: one row per registration; data on sheet 2 under a two-row header."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    rng = random.Random(w.rng.random())
    F = "uy_kitaby.xlsx"
    st = stats[F]
    fl = Faults(rng, stats)
    entries = []  # dicts

    def add(p, a, reg, typ, dereg=None, dest=""):
        if reg > NOW:
            return
        if dereg is not None and dereg > NOW:
            dereg = None
            dest = ""
        entries.append(dict(p=p, a=a, reg=reg, typ=typ, dereg=dereg, dest=dest))

    for hh in w.households:
        if rng.random() >= 0.45:
            continue
        cur_from, cur = hh.addr[-1]
        for p in hh.members:
            start = max(cur_from, p.join or hh.formed, p.dob)
            if p.death and p.death <= start:
                continue
            if p.inst_at(start) and INSTS[p.inst_at(start)[0]]["kind"] == "care":
                continue
            dereg, dest = None, ""
            if p.death:
                dereg, dest = p.death + dt.timedelta(days=rng.randint(5, 60)), "қайтыс болды"
            for f, t, k, room in p.inst:
                if INSTS[k]["kind"] == "care" and f >= start:
                    dereg, dest = f, INSTS[k]["town"] + " қ., " + INSTS[k]["kk"]
            add(p, cur, start + dt.timedelta(days=rng.randint(0, 45)), "Т", dereg, dest)
        if len(hh.addr) > 1 and rng.random() < 0.5:
            old_from, old = hh.addr[0]
            md = hh.addr[1][0]
            for p in hh.members:
                start = max(old_from, p.join or hh.formed, p.dob)
                if start >= md or (p.death and p.death <= start):
                    continue
                dest = TOWNS[cur["town"]][0] + (" қ." if TOWNS[cur["town"]][2] != "village" else " а.")
                add(p, old, start + dt.timedelta(days=rng.randint(0, 45)), "Т", md + dt.timedelta(days=rng.randint(-20, 30)), dest)
                st["registered_at_old_address"] += 1
    for p in w.persons:
        for f, t, k, room in p.inst:
            i = INSTS[k]
            if i["kind"] == "dorm" and rng.random() < 0.85:
                a = dict(town=TOWN_IDX[i["town"]], kind="inst", inst=k, street=ST_IDX[i["street"]], house=i["house"], flat=room)
                add(p, a, f, "У", t, "")
                st["dormitory_rows"] += 1
            elif i["kind"] == "care":
                a = dict(town=TOWN_IDX[i["town"]], kind="inst", inst=k, street=ST_IDX[i["street"]], house=i["house"], flat="")
                add(p, a, f + dt.timedelta(days=rng.randint(0, 30)), "Т",
                    (p.death + dt.timedelta(days=rng.randint(3, 40))) if p.death else None,
                    "қайтыс болды" if p.death else "")
                st["care_home_rows"] += 1
    # 2 % registered twice (a second row after a deregistration and a registration again, or a clerk's duplicate)
    extra = []
    for e in entries:
        if rng.random() < 0.02:
            e2 = dict(e)
            e2["reg"] = e["reg"] + dt.timedelta(days=rng.randint(0, 400))
            if e2["reg"] > NOW:
                e2["reg"] = e["reg"]
            extra.append(e2)
            st["registered_twice"] += 1
    entries += extra

    def akey(a):
        if a["kind"] == "mkr":
            stn = "мкр " + MKRS[a["street"]][0]
        else:
            stn = STREETS[a["street"]][0]
        fl_ = a.get("flat") or ""
        return (TOWNS[a["town"]][0], stn, a["house"], int("".join(c for c in fl_ if c.isdigit()) or 0))

    entries.sort(key=lambda e: (akey(e["a"]), e["reg"], e["p"].pid))
    # clerks: per building (town, street, house) a spelling and whether cells are merged
    bstyle = {}
    wb = openpyxl.Workbook()
    ws0 = wb.active
    ws0.title = "Титул"
    clerk = f"{rng.choice(OFFICIAL_SUR)} {rng.choice(INITIALS)}.{rng.choice(INITIALS)}."
    for i, line in enumerate([
        "Аудандық тұрғын үй-коммуналдық шаруашылығы бөлімі",
        "Үй кітаптарының жиынтық тізімі (тұрғындарды тіркеу есебі)",
        "",
        f"Құрастырған: бас маман {clerk}",
        "Жасалған күні: 01.03.2024",
        "",
        "Ескерту: тіркеу түрі — Т (тұрақты), У (уақытша).",
        "Құжат түрі: ЖК — жеке куәлік, ТК — туу туралы куәлік, ЫХ — ықтиярхат, П — паспорт.",
        "Деректер «Тізім» парағында.",
    ], start=1):
        ws0.cell(row=i, column=1, value=line)
    ws0.column_dimensions["A"].width = 90
    ws = wb.create_sheet("Тізім")
    groups = [(1, 1, "record_id"), (2, 5, "Мекенжайы"), (6, 8, "Тұрғынның"), (9, 10, "Туған"), (11, 11, "ЖСН"),
              (12, 13, "Жеке басын куәландыратын құжаты"), (14, 15, "Тіркелген"), (16, 17, "Тіркеуден шығарылған"),
              (18, 19, "Байланыс телефоны"), (20, 20, "Ескерту")]
    subs = {2: "Елді мекен", 3: "Көше", 4: "Үй", 5: "Пәтер / бөлме", 6: "тегі", 7: "аты", 8: "әкесінің аты",
            9: "күні", 10: "жері", 12: "түрі", 13: "нөмірі", 14: "күні", 15: "түрі", 16: "күні", 17: "қайда",
            18: "үй", 19: "ұялы"}
    bold = Font(bold=True)
    for c1, c2, title in groups:
        ws.cell(row=1, column=c1, value=title).font = bold
        if c1 == c2:
            ws.merge_cells(start_row=1, start_column=c1, end_row=2, end_column=c1)
        else:
            ws.merge_cells(start_row=1, start_column=c1, end_row=1, end_column=c2)
        ws.cell(row=1, column=c1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for c, t in subs.items():
        ws.cell(row=2, column=c, value=t).font = bold
    rows = []
    for idx, e in enumerate(entries, start=1):
        p, a = e["p"], e["a"]
        bkey = akey(a)[:3]
        if bkey not in bstyle:
            bstyle[bkey] = dict(sp="kk" if rng.random() < 0.65 else "ru", merge=rng.random() < 0.7,
                                land_local=rng.random() < 0.6)
        bs = bstyle[bkey]
        sur, first, patr = name_parts(p, e["reg"], bs["sp"])
        sur = fl.name(F, sur, 0.02, 0.015)
        first = fl.name(F, first, 0.02, 0.01)
        if rng.random() < 0.03:
            sur, first, patr = " ".join(x for x in (sur, first, patr) if x), "", ""
            st["whole_name_in_surname_column"] += 1
        # birth date
        bd = fl.dob(F, p.dob)
        r = rng.random()
        if r < 0.45:
            bcell, bkind = bd, "excel_date"
        elif r < 0.62:
            bcell, bkind = f_serial(bd), "serial_as_text"
        elif r < 0.87:
            bcell, bkind = f_dot(bd), "dd.mm.yyyy"
        elif r < 0.97:
            bcell, bkind = f_kk_jylgy(bd), "kk_month_jylgy"
        else:
            bcell, bkind = None, "blank"
        st["birth_" + bkind] += 1
        if p.bplace:
            bpl = p.bplace[0] if bs["sp"] == "kk" else p.bplace[1]
        else:
            bt = TOWNS[p.hh.town] if rng.random() < 0.6 else TOWNS[w.draw_town()]
            vil = bt[2] == "village"
            bpl = (bt[0] + (" а." if vil else " қ.")) if bs["sp"] == "kk" else (("с. " if vil else "г. ") + bt[1])
            if rng.random() < 0.15:
                bpl = ""
        # IIN
        pmiss = 0.08 + (0.35 if e["reg"] < D(2009, 1, 1) else 0.0)
        iin = fl.iin(F, w, p, max(e["reg"], NOW if e["dereg"] is None else e["reg"]), pmiss)
        if iin and rng.random() < 0.04:
            iin = iin[:6] + " " + iin[6:] if rng.random() < 0.5 else " ".join([iin[:6], iin[6:9], iin[9:]])
            st["iin_with_spaces"] += 1
        # document
        if age_at(p.dob, e["reg"]) < 16:
            dtp, dno = "ТК", f"I-{rng.choice(['АЛ', 'ЖФ', 'КЗ', 'ТК'])} № {rng.randrange(10**7):07d}"
        elif p.kandas and e["reg"] < add_years(p.kandas, 2):
            dtp, dno = "ЫХ", f"{rng.randrange(10**9):09d}"
        else:
            dtp, dno = ("ЖК", p.doc) if rng.random() < 0.9 else ("П", "N" + p.doc[1:])
        if rng.random() < 0.08:
            dtp, dno = "", ""
        # phones
        land, mob = "", ""
        if a["kind"] == "inst":
            land = fmt_land(rng, INSTS[a["inst"]]["phone"], TOWNS[a["town"]][3], rng.random() < 0.5)
            st["institution_phone"] += 1
        elif p.hh.landline and rng.random() < 0.85:
            land = fmt_land(rng, p.hh.landline, TOWNS[p.hh.town][3], bs["land_local"])
        m = p.mobile_at(e["reg"]) or p.mobile_at(NOW)
        if m and rng.random() < 0.8:
            mob = fmt_mobile(rng, m)
        elif age_at(p.dob, e["reg"]) < 16 or age_at(p.dob, NOW) > 75:
            fam = [x for x in p.hh.members if x is not p and x.mobile_at(e["reg"]) and 20 <= age_at(x.dob, e["reg"]) <= 60]
            if fam and rng.random() < 0.6:
                mob = fmt_mobile(rng, rng.choice(fam).mobile_at(e["reg"]))
                st["phone_of_family_member"] += 1
        note = ""
        if e["typ"] == "У":
            note = rng.choice(["", "студент", "уақытша тіркеу"])
        elif p.kandas and rng.random() < 0.5:
            note = "қандас"
        elif not iin and rng.random() < 0.3:
            note = "ЖСН жоқ"
        regc = e["reg"] if rng.random() < 0.8 else f_dot(e["reg"])
        deregc = (e["dereg"] if rng.random() < 0.8 else f_dot(e["dereg"])) if e["dereg"] else None
        if a["kind"] == "mkr":
            stn = MKRS[a["street"]][0] + (" ш.а." if bs["sp"] == "kk" else "")
            if bs["sp"] == "ru":
                stn = "мкр. " + MKRS[a["street"]][1]
        else:
            s_ = STREETS[a["street"]]
            stn = f"{s_[0]} {s_[1]}" if bs["sp"] == "kk" else f"{s_[3]} {s_[2]}"
        flat = a.get("flat") or ""
        if a["kind"] == "inst" and INSTS[a["inst"]]["kind"] != "care":
            flat = f"{flat} бөлме" if bs["sp"] == "kk" else f"ком. {flat}"
        town = TOWNS[a["town"]][0] if bs["sp"] == "kk" else TOWNS[a["town"]][1]
        rows.append([idx, town, stn, a["house"], flat, sur, first, patr or None, bcell, bpl or None, iin or None,
                     dtp or None, dno or None, regc, e["typ"], deregc, e["dest"] or None, land or None, mob or None,
                     note or None])
        truth.append((F, str(idx), p.pid))
        st["rows"] += 1
        st["person_records"] += 1
        st["_persons"].add(p.pid)
        if a["kind"] == "inst":
            st["institutional_address_rows"] += 1
    # write with merged address cells where the building's clerk merged them
    r0 = 3
    for i, row in enumerate(rows):
        for c, v in enumerate(row, start=1):
            if v is None or v == "":
                continue
            cell = ws.cell(row=r0 + i, column=c, value=v)
            if isinstance(v, dt.date):
                cell.number_format = "DD.MM.YYYY"
    n = len(rows)
    merged = 0
    for col, keylen in ((2, 1), (3, 2), (4, 3), (5, 4)):
        i = 0
        while i < n:
            j = i
            k = tuple(rows[i][1:1 + keylen])
            while j + 1 < n and tuple(rows[j + 1][1:1 + keylen]) == k:
                j += 1
            bkey = akey(entries[i]["a"])[:3]
            if j > i and bstyle[bkey]["merge"] and rows[i][col - 1]:
                for rr in range(i + 1, j + 1):
                    ws.cell(row=r0 + rr, column=col).value = None
                ws.merge_cells(start_row=r0 + i, start_column=col, end_row=r0 + j, end_column=col)
                merged += j - i
            i = j + 1
    st["address_cells_merged_away"] = merged
    for c, wdt in zip("ABCDEFGHIJKLMNOPQRST", [9, 14, 24, 7, 12, 16, 14, 18, 22, 30, 15, 6, 16, 12, 6, 12, 24, 16, 18, 14]):
        ws.column_dimensions[c].width = wdt
    wb.save(os.path.join(out, F))


def write_kpssu(w, out, stats, truth):
    """Administrative-offence statistical cards, headers = the card's field numbers."""
    rng = random.Random(w.rng.random())
    F = "kpssu_f2.csv"
    st = stats[F]
    fl = Faults(rng, stats)
    officers = []
    for _ in range(32):
        nm = official_name(rng)
        if rng.random() < 0.5:
            nm = rng.choice(["ст. УП ", "УП ", "инсп. АП ", "ст. инсп. "]) + nm
        officers.append(dict(name=nm, sp="kk" if rng.random() < 0.4 else "ru", upper=rng.random() < 0.3,
                             roman=rng.random() < 0.45, town=w.draw_town()))
    employers = w.employers
    cards = []
    for p in w.persons:
        a = age_at(p.dob, NOW)
        if a < 19:
            continue
        if rng.random() >= (0.27 if p.sex == "M" else 0.09):
            continue
        k = wchoice(rng, [1, 2, 3], [0.6, 0.28, 0.12])
        lo = max(add_years(p.dob, 18), D(2006, 1, 1))
        hi = min(p.death or NOW, NOW) - dt.timedelta(days=1)
        if hi <= lo:
            continue
        for _ in range(k):
            cards.append((rdate(rng, lo, hi), p))
    cards.sort(key=lambda x: (x[0], x[1].pid))
    header = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"]
    articles_dom = ["ст.73 ч.1", "ст.73 ч.2", "ст.73-1"]
    articles = ["ст.434 ч.1", "ст.440 ч.1", "ст.590 ч.4", "ст.592 ч.1", "ст.596 ч.1", "ст.608 ч.1", "ст.611 ч.3",
                "ст.489 ч.10", "ст.282 ч.1", "ст.614 ч.2", "ст.448 ч.1"]
    rows = []
    for i, (d, p) in enumerate(cards, start=1):
        o = officers[i % len(officers)] if rng.random() < 0.3 else rng.choice(officers)
        victim = None
        art = rng.choice(articles)
        rel = "00"
        if rng.random() < 0.11:
            cands = []
            sp = p.spouse
            if sp and sp.alive(d) and any(m["sp"] is sp and m["date"] <= d for m in p.marriages):
                cands += [(sp, "01")] * 4
            for m in p.hh.members:
                if m is not p and m.alive(d) and m.dob < d:
                    if m.father is p or m.mother is p:
                        cands.append((m, "02"))
                    elif p.father is m or p.mother is m:
                        cands.append((m, "03"))
            if cands:
                victim, rel = rng.choice(cands)
                art = rng.choice(articles_dom)
        elif rng.random() < 0.03:
            v = rng.choice(w.persons)
            if v is not p and v.dob < d and v.alive(d):
                victim, rel = v, "05"
        sp_ = o["sp"]
        sur, first, patr = name_parts(p, d, sp_, 0.15, rng)
        sur = fl.name(F, sur, 0.02, 0.015)
        first = fl.name(F, first, 0.02, 0.0)
        if o["upper"]:
            sur, first, patr = sur.upper(), first.upper(), patr.upper()
        if rng.random() < 0.04:
            sur, first = first, sur
            st["surname_and_first_name_swapped"] += 1
        bd = fl.dob(F, p.dob)
        r = rng.random()
        if r < 0.06:
            bs, kind = str(bd.year), "year_only"
        elif r < 0.10:
            bs, kind = f"{bd.month:02d}.{bd.year}", "month_year"
        elif r < 0.12:
            bs, kind = "", "blank"
        elif o["roman"] and rng.random() < 0.85:
            bs, kind = f_roman(bd), "roman_month"
        else:
            bs, kind = f_dot(bd), "dd.mm.yyyy"
        st["birth_" + kind] += 1
        if d < D(2009, 1, 1):
            r = rng.random()
            if p.rnn and r < 0.5:
                iin = p.rnn
                st["rnn_in_iin_field"] += 1
            elif r < 0.8:
                iin = ""
                st["iin_missing"] += 1
            else:
                iin = fl.iin(F, w, p, d, 0.0)
        else:
            iin = fl.iin(F, w, p, d, 0.07)
        cit = "398"
        if p.kandas and d < add_years(p.kandas, 3):
            cit = {"ҚХР": "156", "Моңғолия": "496"}.get((p.bplace or ("",))[0].split(",")[0], "860")
        a = w.living_at(p, d, 0.15)
        inst = a["kind"] == "inst"
        if inst:
            st["institutional_address"] += 1
        old = 0.4 if d < D(2016, 1, 1) else 0.1
        addr = addr_ru(a, rng, old) if sp_ == "ru" else addr_kk(a, rng)
        if o["upper"]:
            addr = addr.upper()
        job = ""
        emp = w.employer_at.get((p.pid, d.year))
        if p.student and p.student["start"] <= d.year <= p.student["start"] + 3:
            job = "студент" if sp_ == "ru" else "студент"
        elif age_at(p.dob, d) >= 63:
            job = "пенсионер" if sp_ == "ru" else "зейнеткер"
        elif emp is not None:
            job = employers[emp]["name"]
        else:
            job = "не работает" if sp_ == "ru" else "жұмыссыз"
        pen = wchoice(rng, ["штраф", "предупреждение", "арест"], [0.8, 0.15, 0.05])
        amt = str(rng.choice([5, 10, 15, 20, 30, 50, 100]) * (1926 if d.year < 2014 else 3450)) if pen == "штраф" else ""
        vname = vbd = viin = ""
        if victim is not None:
            vs, vf, vp = name_parts(victim, d, sp_, 0.2, rng)
            r = rng.random()
            if r < 0.5:
                vname = " ".join(x for x in (vs, vf, vp) if x)
                st["victim_full_name"] += 1
            elif r < 0.95:
                vname = f"{vs} {initials(vf, vp)}"
                st["victim_surname_initials"] += 1
            else:
                vname = f"{vs} {vf}"
            vname = fl.name(F, vname, 0.015)
            if o["upper"]:
                vname = vname.upper()
            if rng.random() < 0.8:
                vb = fl.dob(F, victim.dob)
                vbd = f_roman(vb) if o["roman"] and rng.random() < 0.85 else f_dot(vb)
            if rng.random() < 0.6:
                viin = fl.iin(F, w, victim, d, 0.0)
            st["victim_rows"] += 1
        rows.append([f"АП-{rng.randint(1, 20):02d}-{d.year}-{rng.randrange(10**6):06d}", f_dot(d), art, sur, first,
                     patr, bs, "1" if p.sex == "M" else "2", iin, cit, addr, job, pen, amt, vname, vbd, viin,
                     rel if victim is not None else "", o["name"]])
        truth.append((F, str(i), p.pid))
        st["_persons"].add(p.pid)
        st["person_records"] += 1
        if victim is not None:
            truth.append((F, f"{i}#2", victim.pid))
            st["_persons"].add(victim.pid)
            st["person_records"] += 1
        st["rows"] += 1
    with open(os.path.join(out, F), "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\r\n")
        wr.writerow(header)
        wr.writerows(rows)


def make_employers(w):
    rng = random.Random(w.rng.random())
    words1 = ["Алтын", "Дала", "Нұр", "Самұрық", "Жетісу", "Барыс", "Каспий", "Арна", "Сарыарқа", "Ақжол", "Тұлпар",
              "Бірлік", "Керуен", "Шаңырақ", "Мега", "Транс", "Строй", "Сервис", "Инвест", "Логистик", "Агро",
              "Сауда", "Медикал", "Энерго", "Техно"]
    emps = []
    used = set()
    for i in range(150):
        town = w.draw_town()
        r = rng.random()
        if r < 0.58:
            nm = f"ТОО «{rng.choice(words1)} {rng.choice(words1)}»"
        elif r < 0.68:
            nm = f"АО «{rng.choice(words1)}{rng.choice(['', ' Казахстан', ' Холдинг'])}»"
        elif r < 0.83:
            nm = f"КГУ «Школа-гимназия №{rng.randint(1, 190)}»"
        elif r < 0.95:
            nm = f"ГКП на ПХВ «Городская поликлиника №{rng.randint(1, 40)}»"
        else:
            nm = f"ИП «{rng.choice(OFFICIAL_SUR)}»"
        if nm in used:
            nm = nm[:-1] + f"-{i}»"
        used.add(nm)
        while True:
            b11 = f"{rng.randint(95, 99) if rng.random() < 0.3 else rng.randint(0, 23):02d}{rng.randint(1, 12):02d}" \
                  f"{rng.choice('456')}{rng.randint(0, 3)}{rng.randrange(10**5):05d}"
            bin_ = with_check(b11)
            if bin_:
                break
        a = w.draw_addr(town, "apt")
        a["flat"] = ""
        a["kind"] = "house"
        hr = f"{rng.choice(OFFICIAL_SUR)} {rng.choice(INITIALS)}.{rng.choice(INITIALS)}."
        emps.append(dict(name=nm, town=town, bin=bin_, addr=a, hr=hr, hr_phone=w.number(TOWNS[town][3]),
                         sp="kk" if rng.random() < 0.55 else "ru", upper=rng.random() < 0.25))
    w.employers = emps
    # contracts
    by_town = defaultdict(list)
    for i, e in enumerate(emps):
        by_town[e["town"]].append(i)
    w.contracts = []
    w.employer_at = {}
    for p in w.persons:
        if not (D(1958, 1, 1) <= p.dob <= D(2005, 6, 1)):
            continue
        if rng.random() >= (0.6 if p.sex == "M" else 0.5):
            continue
        start = add_years(p.dob, rng.randint(19, 27))
        if start < D(2010, 1, 1):
            start = rdate(rng, D(2010, 1, 1), D(2014, 12, 31))
        if p.kandas:
            start = max(start, p.kandas + dt.timedelta(days=rng.randint(60, 500)))
        end_life = min(p.death or NOW, add_years(p.dob, 63), NOW)
        k = wchoice(rng, [1, 2, 3], [0.5, 0.33, 0.17])
        d = start
        for j in range(k):
            if d >= end_life:
                break
            town = p.hh.addr_at(d)["town"]
            pool = by_town.get(town) if rng.random() < 0.9 else None
            ei = rng.choice(pool) if pool else rng.randrange(len(emps))
            dur = dt.timedelta(days=rng.randint(300, 2600))
            e_end = d + dur if j < k - 1 else (d + dur if rng.random() < 0.3 else None)
            if e_end and e_end >= end_life:
                e_end = None if end_life == NOW else end_life
            w.contracts.append(dict(p=p, emp=ei, begin=d, end=e_end))
            for y in range(d.year, (e_end or NOW).year + 1):
                w.employer_at[(p.pid, y)] = ei
            if e_end is None:
                break
            d = e_end + dt.timedelta(days=rng.randint(1, 300))


def write_esutd(w, out, stats, truth):
    rng = random.Random(w.rng.random())
    F = "esutd_contracts.json"
    st = stats[F]
    fl = Faults(rng, stats)
    items = []
    cons = sorted(w.contracts, key=lambda c: (c["begin"], c["p"].pid))
    positions = ["менеджер", "бухгалтер", "водитель", "учитель", "медсестра", "инженер", "продавец-кассир",
                 "оператор", "специалист", "главный специалист", "сторож", "повар", "врач", "программист",
                 "экономист", "электрик", "разнорабочий"]
    for i, c in enumerate(cons, start=1):
        p, e, d = c["p"], w.employers[c["emp"]], c["begin"]
        migrated = d < D(2014, 1, 1)

        def fdate(x):
            if x is None:
                return None
            if migrated:
                return f_ordinal(x)
            return x.isoformat() if rng.random() < 0.88 else x.strftime("%Y%m%d")

        sur, first, patr = name_parts(p, d, e["sp"], 0.1, rng)
        sur = fl.name(F, sur, 0.02, 0.01)
        first = fl.name(F, first, 0.02, 0.0)
        if e["upper"]:
            sur, first, patr = sur.upper(), first.upper(), patr.upper()
        if rng.random() < 0.04:
            sur, first = first, sur
            st["surname_and_first_name_swapped"] += 1
        if rng.random() < 0.15:
            patr = ""
        if p.eth == "ru" and "ё" in sur + first and rng.random() < 0.7:
            sur, first = sur.replace("ё", "е").replace("Ё", "Е"), first.replace("ё", "е").replace("Ё", "Е")
            st["yo_written_as_ye"] += 1
        bd = fl.dob(F, p.dob)
        r = rng.random()
        if r < 0.04:
            bds = None
            st["birth_null"] += 1
        else:
            bds = fdate(bd)
            st["birth_ordinal" if migrated else "birth_iso_or_compact"] += 1
        iin = fl.iin(F, w, p, d, 0.03)
        m = p.mobile_at(d)
        r = rng.random()
        phone = None
        if r < 0.07:
            phone = e["hr_phone"]
            st["phone_is_employers_hr"] += 1
        elif r < 0.19:
            fam = [x for x in p.hh.members if x is not p and x.mobile_at(d)]
            if fam:
                phone = rng.choice(fam).mobile_at(d)
                st["phone_of_family_member"] += 1
        if phone is None and r < 0.95:
            phone = m
        if phone:
            phone = rng.choice(["+7", "8", ""]) + phone
        home = None
        if rng.random() < 0.75:
            a = w.home_at(p, d, 0.35)
            home = addr_kk(a, rng) if e["sp"] == "kk" else addr_ru(a, rng, 0.2 if migrated else 0.05)
        wa = e["addr"]
        wrk = (addr_kk(wa, rng, True) if e["sp"] == "kk" else addr_ru(wa, rng, 0.0, False)) + \
            (f", офис {rng.randint(1, 40)}" if rng.random() < 0.3 else "")
        item = {
            "record_id": i,
            "CNTR_NO": f"ТД-{rng.randint(1, 999)}/{d.year}",
            "CNTR_BDT": fdate(d),
            "CNTR_EDT": fdate(c["end"]),
            "EMPLR_BIN": e["bin"],
            "EMPLR_NM": e["name"],
            "WRK_ADDR": wrk,
            "POS_NM": rng.choice(positions),
            "EMP_IIN": iin or None,
            "EMP_LNM": sur,
            "EMP_FNM": first,
            "EMP_MNM": patr or None,
            "EMP_BDT": bds,
            "EMP_SEX": ("M" if p.sex == "M" else "F") if rng.random() < 0.9 else None,
            "EMP_PHN": phone,
            "EMP_ADDR": home,
            "SAL_AMT": round(rng.randint(85, 900) * 1000 + rng.random() * 1000, 2),
            "HR_NM": e["hr"],
            "HR_PHN": "8" + e["hr_phone"],
            "UPD_TS": (dt.datetime(2023, 1, 1) + dt.timedelta(seconds=rng.randrange(36_000_000))).isoformat(),
        }
        items.append(item)
        truth.append((F, str(i), p.pid))
        st["_persons"].add(p.pid)
        st["rows"] += 1
        st["person_records"] += 1
        if migrated:
            st["migrated_contracts_ordinal_dates"] += 1
    doc = {"status": "OK", "service": "ESUTD.ContractRegistry/v2", "generatedAt": "2024-03-01T09:14:27+05:00",
           "filter": {"region": "all", "from": "2010-01-01", "to": "2024-03-01"}, "total": len(items), "items": items}
    with open(os.path.join(out, F), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)


def write_jataqhana(w, out, stats, truth):
    rng = random.Random(w.rng.random())
    F = "jataqhana_2023.csv"
    st = stats[F]
    fl = Faults(rng, stats)
    order = list(range(len(FACULTIES)))
    rng.shuffle(order)
    fac_scheme = {f: ("21" if k % 2 == 0 else "18") for k, f in enumerate(order)}
    rows = []
    header = ["Reti", "Tegı", "Aty", "Äkesınıñ aty", "Tuğan künı", "JSN", "Jynysy", "Telefon", "Fakultet", "Kurs",
              "Jataqhana", "Bölme", "Tūraqty mekenjaiy", "Ata-anasynyñ aty-jönı", "Ata-anasynyñ telefony",
              "Oqu jyly"]
    recs = []
    for p in w.persons:
        s = p.student
        if not s:
            continue
        for y in (2021, 2022, 2023):
            if s["start"] <= y <= s["start"] + 3 and p.alive(D(y, 9, 15)) and rng.random() < 0.9:
                recs.append((y, s["fac"], p))
    recs.sort(key=lambda x: (x[0], x[1], x[2].pid))
    for y, fac, p in recs:
        d = D(y, 9, 15)
        sc = fac_scheme[fac]
        s = p.student
        sur, first, patr = lat_parts(p, d, sc)
        sur = fl.name(F, sur, 0.02)
        first = fl.name(F, first, 0.02)
        if rng.random() < 0.3:
            patr = ""
        if rng.random() < 0.1:
            sur, first, patr = lat_upper(sur, sc), lat_upper(first, sc), lat_upper(patr, sc)
            st["upper_case_rows"] += 1
        bd = fl.dob(F, p.dob)
        r = rng.random()
        if r < 0.40:
            bs, kind = f_lat(bd, sc), "latin_month"
        elif r < 0.55:
            bs, kind = f_lat(bd, sc, True), "latin_month_year_first"
        elif r < 0.90:
            bs, kind = f_dot(bd), "dd.mm.yyyy"
        else:
            bs, kind = f"{bd.day:02d}/{bd.month:02d}/{bd.year}", "dd/mm/yyyy"
        st["birth_" + kind] += 1
        iin = fl.iin(F, w, p, d, 0.06)
        sexv = ("er" if p.sex == "M" else ("áıel" if sc == "18" else "äiel"))
        parent = None
        r = rng.random()
        if r < 0.6:
            parent = p.mother
        elif r < 0.9:
            parent = p.father
        elif r < 0.92:
            parent = p.father.father if p.father and p.father.father else None
        if parent is not None and not parent.alive(d):
            parent = None
        pm = parent.mobile_at(d) if parent else None
        own = p.mobile_at(d)
        r = rng.random()
        tel = ""
        if r < 0.12 and pm:
            tel = pm
            st["student_phone_is_parents"] += 1
        elif r < 0.17 and s["dorm"]:
            tel = INSTS[s["dorm"]]["phone"]
            st["student_phone_is_dorm_desk"] += 1
        elif r < 0.97 and own:
            tel = own
        if tel:
            tel = fmt_mobile(rng, tel, rng.choice([0, 1, 2, 3]))
        dorm = room = ""
        in_dorm = s["dorm"] and any(k == s["dorm"] and f <= d < (t or INF) for f, t, k, _ in p.inst)
        if in_dorm:
            dorm = f"{INSTS[s['dorm']]['lat_no']} jataqhana"
            room = s["room"]
            st["dormitory_rows"] += 1
        home = w.home_at(p, d, 0.15)
        home_s = translit(addr_kk(home, rng), sc)
        pname = ptel = ""
        if parent is not None:
            ps, pf, pp = lat_parts(parent, d, sc)
            r = rng.random()
            if r < 0.5:
                pname = " ".join(x for x in (ps, pf, pp) if x)
                st["parent_full"] += 1
            elif r < 0.8:
                pname = f"{ps} {pf[:1]}." + (f"{pp[:1]}." if pp else "")
                st["parent_surname_initials"] += 1
            else:
                pname = f"{pf} {ps}"
                st["parent_given_name_first"] += 1
            pname = fl.name(F, pname, 0.015)
            if pm:
                ptel = fmt_mobile(rng, pm, rng.choice([0, 2, 3]))
        kurs = y - s["start"] + 1
        i = len(rows) + 1
        rows.append([str(i), sur, first, patr, bs, iin, sexv, tel, translit(FACULTIES[fac], sc), str(kurs), dorm, room,
                     home_s, pname, ptel, f"{y}-{y + 1}"])
        truth.append((F, str(i), p.pid))
        st["_persons"].add(p.pid)
        st["rows"] += 1
        st["person_records"] += 1
        if parent is not None:
            truth.append((F, f"{i}#2", parent.pid))
            st["_persons"].add(parent.pid)
            st["person_records"] += 1
        if fac_scheme[fac] == "18":
            st["rows_kazakh_latin_2018"] += 1
        else:
            st["rows_kazakh_latin_2021"] += 1
    with open(os.path.join(out, F), "w", encoding="utf-8-sig", newline="") as fh:
        wr = csv.writer(fh, delimiter=";", lineterminator="\n")
        wr.writerow(header)
        wr.writerows(rows)


def write_ahat(w, out, stats, truth):
    rng = random.Random(w.rng.random())
    F = "ahat_aktileri.json"
    st = stats[F]
    fl = Faults(rng, stats)
    acts = []  # (date, type, [(person, role, extra dict)])
    for p in w.persons:
        if p.role == "child" and p.dob >= D(1985, 1, 1) and not p.kandas and rng.random() < 0.5:
            parties = [(p, "бала", {})]
            if p.mother is not None:
                parties.append((p.mother, "анасы", {}))
            if p.father is not None and rng.random() < 0.93:
                parties.append((p.father, "әкесі", {}))
            acts.append((p.dob + dt.timedelta(days=rng.randint(3, 40)), "туу", parties))
    for p in w.persons:
        if p.sex != "F":
            continue
        for m in p.marriages:
            h = m["sp"]
            if (p.kandas and m["date"] < p.kandas) or (h.kandas and m["date"] < h.kandas):
                continue
            if m["date"] >= D(1990, 1, 1) and rng.random() < 0.45:
                acts.append((m["date"], "неке", [(h, "күйеуі", {"after": True}), (p, "әйелі", {"after": True})]))
            if m["end"] and m["end"] >= D(1985, 1, 1) and rng.random() < 0.7:
                acts.append((m["end"], "некені бұзу", [(h, "күйеуі", {"after": True}), (p, "әйелі", {"after": True})]))
    for d, lst, kind in w.namechange_acts:
        if d <= NOW and rng.random() < 0.85:
            parties = [(lst[0], "өтініш беруші", {"nc": kind})] + [(c, "баласы", {"nc": kind}) for c in lst[1:]]
            acts.append((d, "атын өзгерту", parties))
    for p in w.persons:
        if p.death and rng.random() < 0.8:
            kids = [c for c in w.persons if (c.father is p or c.mother is p) and c.alive(p.death)
                    and age_at(c.dob, p.death) >= 18]
            decl = None
            if kids:
                decl = rng.choice(kids)
            elif p.spouse and p.spouse.alive(p.death):
                decl = p.spouse
            parties = [(p, "қайтыс болған", {})]
            if decl is not None and rng.random() < 0.9:
                parties.append((decl, "арыз беруші", {"rel": ("ұлы" if decl.sex == "M" else "қызы") if decl in kids else
                                                                ("жұбайы")}))
            acts.append((p.death + dt.timedelta(days=rng.randint(1, 10)), "қайтыс болу", parties))
    acts.sort(key=lambda a: (a[0], a[1], a[2][0][0].pid))
    dup = []
    for a in acts:
        if rng.random() < 0.015:
            dup.append(a)
    out_acts = []
    offices = ["Алматы қ. Бостандық ауданының АХАЖ бөлімі", "Астана қ. АХАЖ бөлімі", "Шымкент қ. АХАЖ бөлімі",
               "Қарағанды қ. АХАЖ бөлімі", "ХҚКО (ЦОН) №3", "egov.kz электрондық тіркеу"]
    seq = Counter()
    entries = [(a, False) for a in acts] + [(a, True) for a in dup]
    entries.sort(key=lambda x: (x[0][0], x[1], x[0][1], x[0][2][0][0].pid))
    act_no = {}
    for (d, typ, parties), is_dup in entries:
        key = (d, typ, parties[0][0].pid)
        if key not in act_no:
            seq[(d.year, typ)] += 1
            act_no[key] = f"{d.year}-{['туу', 'неке', 'некені бұзу', 'атын өзгерту', 'қайтыс болу'].index(typ) + 1}-{seq[(d.year, typ)]:05d}"
        ru_act = rng.random() < 0.35
        sp = "ru" if ru_act else "kk"

        def fd(x):
            if ru_act:
                return f_ru_gen(x) if rng.random() < 0.5 else f_dot(x)
            return f_kk_jylgy(x) if rng.random() < 0.4 else f_dot(x)

        plist = []
        for p, role, extra in parties:
            if p.dob > d:
                continue
            before_d = d - dt.timedelta(days=1)
            sur, first, patr = name_parts(p, before_d if typ in ("неке", "атын өзгерту", "некені бұзу") else d, sp)
            sur = fl.name(F, sur, 0.015)
            first = fl.name(F, first, 0.015)
            obj = {"рөлі": role}
            if typ == "атын өзгерту":
                ns, nf, _ = name_parts(p, d + dt.timedelta(days=1), sp)
                obj["бұрынғы_тегі"] = sur
                obj["жаңа_тегі"] = ns
                if extra.get("nc") == "first":
                    obj["бұрынғы_аты"] = first
                    obj["жаңа_аты"] = nf
                else:
                    obj["аты"] = first
            else:
                obj["тегі"] = sur
                if extra.get("after"):
                    ns = name_parts(p, d + dt.timedelta(days=1), sp)[0]
                    obj["некеден_кейінгі_тегі" if typ == "неке" else "ажырасқаннан_кейінгі_тегі"] = ns
                obj["аты"] = first
            if patr:
                obj["әкесінің_аты"] = patr
            if role == "бала":
                obj["жынысы"] = "ер" if p.sex == "M" else "әйел"
            if role == "арыз беруші":
                pass
            elif d < D(2002, 1, 1) and role in ("анасы", "әкесі", "күйеуі", "әйелі") and rng.random() < 0.5:
                obj["жасы"] = age_at(p.dob, d)
                st["age_instead_of_birth_date"] += 1
            else:
                bd = fl.dob(F, p.dob)
                obj["туған_күні"] = fd(bd) if rng.random() < 0.98 else None
            if d >= D(2008, 1, 1):
                v = fl.iin(F, w, p, d, 0.05, 0.015, 0.004)
                obj["ЖСН"] = v or None
            if role in ("анасы", "әкесі", "күйеуі", "әйелі"):
                obj["ұлты"] = NATION_RU[p.eth] if ru_act else NATION_KK[p.eth]
            if role == "бала":
                a = w.home_at(p.mother or p, d)
                obj["туған_жері"] = (TOWNS[a["town"]][1] if ru_act else TOWNS[a["town"]][0])
            if role == "қайтыс болған":
                obj["қайтыс_болған_күні"] = fd(p.death)
                a = w.living_at(p, p.death - dt.timedelta(days=1))
                obj["соңғы_тұрғылықты_жері"] = addr_ru(a, rng) if ru_act else addr_kk(a, rng)
                if a["kind"] == "inst":
                    st["deceased_at_care_home"] += 1
            elif role in ("анасы", "әкесі", "күйеуі", "әйелі", "өтініш беруші", "арыз беруші"):
                if rng.random() < 0.8:
                    a = w.home_at(p, d, 0.1)
                    obj["тұрғылықты_жері"] = addr_ru(a, rng) if ru_act else addr_kk(a, rng)
            if role == "арыз беруші":
                obj["туыстығы"] = extra.get("rel", "")
                m = p.mobile_at(d)
                if m:
                    obj["телефоны"] = fmt_mobile(rng, m)
            plist.append((p, obj))
        if not plist:
            continue
        rid = len(out_acts) + 1
        t0 = TOWNS[w.home_at(plist[0][0] if typ != "туу" else (parties[1][0] if len(parties) > 1 else parties[0][0]), d)["town"]]
        if rng.random() < 0.75 and d.year < 2016 or rng.random() < 0.5:
            office = f"{t0[0]} {'қ.' if t0[2] != 'village' else 'а.'} АХАЖ бөлімі" if not ru_act else \
                f"Отдел ЗАГС {'г.' if t0[2] != 'village' else 'с.'} {t0[1]}"
        else:
            office = rng.choice(offices)
        act = {"record_id": rid, "акт_нөмірі": act_no[key], "акт_түрі": typ, "тіркелген_күні": fd(d),
               "тіркеу_органы": office, "тіркеуші": official_name(rng),
               "тараптар": [o for _, o in plist]}
        out_acts.append(act)
        for k, (p, _) in enumerate(plist, start=1):
            truth.append((F, str(rid) if k == 1 else f"{rid}#{k}", p.pid))
            st["_persons"].add(p.pid)
            st["person_records"] += 1
        st["rows"] += 1
        st["acts_" + typ] += 1
        if is_dup:
            st["act_entered_twice"] += 1
    with open(os.path.join(out, F), "w", encoding="utf-8") as fh:
        json.dump(out_acts, fh, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    w = build(a.seed, a.persons)
    make_employers(w)
    stats = defaultdict(lambda: Counter())
    for f in ("uy_kitaby.xlsx", "kpssu_f2.csv", "esutd_contracts.json", "jataqhana_2023.csv", "ahat_aktileri.json"):
        stats[f]["_persons"] = set()
    truth = []
    write_uy_kitaby(w, a.out, stats, truth)
    write_kpssu(w, a.out, stats, truth)
    write_esutd(w, a.out, stats, truth)
    write_jataqhana(w, a.out, stats, truth)
    write_ahat(w, a.out, stats, truth)
    with open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh)
        wr.writerow(["file", "record_id", "person_id"])
        wr.writerows(truth)
    in_extracts = set()
    files = {}
    for f, c in stats.items():
        ps = c.pop("_persons")
        in_extracts |= ps
        c["persons"] = len(ps)
        files[f] = dict(sorted(c.items()))
    surn3 = sum(1 for p in w.persons if len({(x[1]) for x in p.sur}) >= 3)
    surn2 = sum(1 for p in w.persons if len({(x[1]) for x in p.sur}) >= 2)
    pop = dict(w.counters)
    pop.update(persons_drawn=len(w.persons), households=len(w.households),
               persons_in_extracts=len(in_extracts), person_records=len(truth),
               persons_with_2plus_surnames=surn2, persons_with_3plus_surnames=surn3,
               kandas_persons=sum(1 for p in w.persons if p.kandas),
               movers_households=sum(1 for h in w.households if len(h.addr) > 1),
               groups=dict(Counter(p.eth for p in w.persons)))
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump({"seed": a.seed, "population": pop, "files": files}, fh, ensure_ascii=False, indent=1, sort_keys=True)
    print(json.dumps({f: (v["rows"], v["person_records"]) for f, v in files.items()}, ensure_ascii=False))


if __name__ == "__main__":
    main()
