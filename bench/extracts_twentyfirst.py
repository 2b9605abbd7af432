# ruff: noqa
# mypy: ignore-errors
"""Record-linkage extracts written apart, set "twenty-first": Turkistan region (formerly South Kazakhstan).

A held-apart generator, written from the linkage issue's text, the README's linkage part and the layout of
`extracts_twentieth.md` alone. It draws a population of households of Turkistan region (Kazakh and Uzbek, with
Russian, Azerbaijani/Meskhetian-Turk and Tatar families, and kandas who came from Uzbekistan, China, Turkmenistan
and Mongolia) and writes six agencies' extracts with `truth.csv` (file,record_id,person_id) and `stats.json`.

    python bench/extracts_twentyfirst.py --seed 211 --out /work/sets/twentyfirst/s211 --persons 5000

stdlib, openpyxl and pyarrow. Deterministic for a seed (no hash-ordered iteration, fixed zip times).
"""
import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import zipfile
from collections import Counter, defaultdict
from decimal import Decimal

D = dt.date
END = D(2024, 12, 31)
RENAME = D(2018, 6, 19)  # South Kazakhstan region -> Turkistan region; Zhetisay district split off Maktaaral

# ----------------------------------------------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------------------------------------------


_KR = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}


def _pairs(s):
    out = []
    for tok in s.split():
        if "|" in tok:
            kk, ru = tok.split("|")
        else:
            kk = tok
            ru = "".join(_KR.get(c, _KR.get(c.lower(), c).upper() if c.lower() in _KR else c) for c in tok)
        out.append({"kk": kk.replace("_", " "), "ru": ru.replace("_", " ")})
    return out


def _triples(s):
    out = []
    for tok in s.split():
        uzl, uzc, ru = tok.split("|")
        out.append({"uzl": uzl, "uzc": uzc, "ru": ru})
    return out


def _ru(s):
    return [{"ru": t, "kk": t} for t in s.split()]


KZ_M = {
    "old": _pairs("Жақсылық|Жаксылык Тұрсынбай|Турсынбай Әбдіқадыр|Абдикадыр Оразалы|Оразалы Серік|Серик Қайрат|Кайрат "
                  "Болат|Болат Мұрат|Мурат Ермек|Ермек Бақыт|Бакыт Сапар|Сапар Жұмабек|Жумабек Тілеуберді|Тилеуберди "
                  "Өмірзақ|Омирзак Сәрсенбай|Сарсенбай Қуаныш|Куаныш Әбдіраш|Абдираш Тұрсын|Турсын Оспан|Оспан "
                  "Ыбырай|Ибрай Байділда|Байдильда Нұрмахан|Нурмахан Әбілқасым|Абилкасым Мырзахмет|Мырзахмет "
                  "Құрманбек|Курманбек Мұса|Муса Әбдіхалық|Абдихалык"),
    "mid": _pairs("Нұрлан|Нурлан Ерлан|Ерлан Асқар|Аскар Марат|Марат Бауыржан|Бауыржан Дәулет|Даулет Ержан|Ержан "
                  "Қанат|Канат Талғат|Талгат Ғалым|Галым Нұржан|Нуржан Бекзат|Бекзат Асхат|Асхат Ерболат|Ерболат "
                  "Мұхтар|Мухтар Әділ|Адиль Алмас|Алмас Дархан|Дархан Жандос|Жандос Самат|Самат Руслан|Руслан "
                  "Абай|Абай Бақытжан|Бахытжан Ғани|Гани Мейрам|Мейрам Серік|Серик Қайрат|Кайрат Ербол|Ербол "
                  "Айдос|Айдос Бағдат|Багдат"),
    "new": _pairs("Нұрсұлтан|Нурсултан Ерасыл|Ерасыл Әлихан|Алихан Арман|Арман Диас|Диас Санжар|Санжар "
                  "Нұрислам|Нурислам Бекжан|Бекжан Ақжол|Акжол Мирас|Мирас Ернұр|Ернур Әлішер|Алишер Ислам|Ислам "
                  "Темірлан|Темирлан Абылай|Абылай Ансар|Ансар Данияр|Данияр Жасұлан|Жасулан Аян|Аян "
                  "Нұрдәулет|Нурдаулет Бекнұр|Бекнур Алдияр|Алдияр Рахат|Рахат Мұхаммед|Мухаммед"),
}
KZ_F = {
    "old": _pairs("Күләш|Кулаш Мәншүк|Маншук Бибігүл|Бибигуль Сәуле|Сауле Роза|Роза Гүлнар|Гульнар Зәуре|Зауре "
                  "Ұлжан|Улжан Бақытгүл|Бахытгуль Қанипа|Канипа Айша|Айша Шолпан|Шолпан Нұрила|Нурила "
                  "Гүлсім|Гульсим Күлпаш|Кульпаш Зейнеп|Зейнеп Ақбота|Акбота Сара|Сара Қалдыкүл|Калдыкуль "
                  "Бәтима|Батима Рәбиға|Рабига"),
    "mid": _pairs("Айгүл|Айгуль Гүлнара|Гульнара Жанар|Жанар Динара|Динара Әсем|Асем Айжан|Айжан Мәдина|Мадина "
                  "Гүлмира|Гульмира Салтанат|Салтанат Ақмарал|Акмарал Назгүл|Назгуль Жібек|Жибек Эльмира|Эльмира "
                  "Жанна|Жанна Меруерт|Меруерт Лаура|Лаура Айнұр|Айнур Гүлжан|Гульжан Ботагөз|Ботагоз "
                  "Нұргүл|Нургуль Раушан|Раушан Алия|Алия Гаухар|Гаухар"),
    "new": _pairs("Аружан|Аружан Томирис|Томирис Айзере|Айзере Ақерке|Акерке Жансая|Жансая Аяулым|Аяулым "
                  "Інкәр|Инкар Дильназ|Дильназ Назерке|Назерке Әйгерім|Айгерим Асылым|Асылым Мөлдір|Молдир "
                  "Жұлдыз|Жулдыз Балнұр|Балнур Амина|Амина Сабина|Сабина Айша|Айша Камила|Камила Мерей|Мерей "
                  "Зере|Зере"),
}
KZ_SN = _pairs("Жұмабаев Тұрсынбаев Әбдіқадыров Оразалиев Сейітқасымов Ахметов Құрманов Есенов Байжанов Ермеков "
               "Нұрмаханов Қожахметов Сәрсенбаев Исаев Тілеуов Әбдірахманов Жолдасбеков Мырзахметов Алдабергенов "
               "Тұрлыбеков Дүйсебаев Қожабеков Ыбыраев|Ибраев Садықов Оспанов Мамыраев Бекназаров Әбілов "
               "Серікбаев Қалдыбаев Тәжібаев Оразбеков Өтебаев Ділдабеков|Дильдабеков Құдайбергенов Шерімбетов "
               "Әлімбетов Бейсенбаев Тоқтаров Жақсылықов Мұхамеджанов Наурызбаев Сыздықов Әуезов|Ауэзов "
               "Рысқұлов Байдібеков Тұяқбаев Пірімбетов|Пиримбетов Сұлтанбеков Қыдырбаев Әшірбеков Ташенов "
               "Үсенов Мәулен")
KZ_SN_INV = _pairs("Жұмабай Бекназар Қожабек Тұрсын Сұлтанбек Мәулен")

UZ_M = {
    "old": _triples("Xolmat|Холмат|Халмат Toshpo'lat|Тошпўлат|Ташпулат Ergash|Эргаш|Эргаш Qo'chqor|Қўчқор|Кучкар "
                    "Abdug'ani|Абдуғани|Абдугани Mahmud|Маҳмуд|Махмуд Karim|Карим|Карим Yo'ldosh|Йўлдош|Юлдаш "
                    "Rahim|Раҳим|Рахим Nurmat|Нурмат|Нурмат Sattor|Саттор|Саттар G'ofur|Ғофур|Гафур "
                    "Jo'ra|Жўра|Джура Abdulla|Абдулла|Абдулла Usmon|Усмон|Усман Hamid|Ҳамид|Хамид"),
    "mid": _triples("Baxtiyor|Бахтиёр|Бахтияр Rustam|Рустам|Рустам Akmal|Акмал|Акмал Ulug'bek|Улуғбек|Улугбек "
                    "Otabek|Отабек|Атабек Xurshid|Хуршид|Хуршид Dilshod|Дилшод|Дильшод Farhod|Фарҳод|Фархад "
                    "Abdurahmon|Абдураҳмон|Абдурахман Ilhom|Илҳом|Ильхам Nodir|Нодир|Надир Odil|Одил|Адил "
                    "Sobir|Собир|Сабир Tohir|Тоҳир|Тахир Zafar|Зафар|Зафар Murod|Мурод|Мурад Anvar|Анвар|Анвар "
                    "Mansur|Мансур|Мансур Ravshan|Равшан|Равшан Jamshid|Жамшид|Джамшид Sherzod|Шерзод|Шерзод "
                    "Bahodir|Баҳодир|Бахадыр"),
    "new": _triples("Shoxrux|Шоҳрух|Шахрух Javohir|Жавоҳир|Джавохир Sardor|Сардор|Сардор Doniyor|Дониёр|Даниёр "
                    "Islom|Ислом|Ислам Sanjar|Санжар|Санжар Yusuf|Юсуф|Юсуф Asadbek|Асадбек|Асадбек "
                    "Muhammadali|Муҳаммадали|Мухаммадали Abdulaziz|Абдулазиз|Абдулазиз Jasur|Жасур|Джасур "
                    "Bekzod|Бекзод|Бекзод"),
}
UZ_F = {
    "old": _triples("Saodat|Саодат|Саадат Tursunoy|Турсуной|Турсунай Mastura|Мастура|Мастура Robiya|Робия|Рабия "
                    "Xosiyat|Хосият|Хасият Oydin|Ойдин|Айдын Mukarram|Мукаррам|Мукаррам Xadicha|Хадича|Хадича "
                    "Qunduz|Қундуз|Кундуз Mehriniso|Меҳринисо|Мехриниса Oygul|Ойгул|Айгуль"),
    "mid": _triples("Gulnora|Гулнора|Гульнора Dilnoza|Дилноза|Дильноза Nilufar|Нилуфар|Нилюфар "
                    "Shahnoza|Шаҳноза|Шахноза Feruza|Феруза|Феруза Nodira|Нодира|Надира Dildora|Дилдора|Дильдора "
                    "Gulchehra|Гулчеҳра|Гульчехра Barno|Барно|Барно Zuhra|Зуҳра|Зухра Muxlisa|Мухлиса|Мухлиса "
                    "Maftuna|Мафтуна|Мафтуна"),
    "new": _triples("Mohira|Моҳира|Мохира Sevara|Севара|Севара Madina|Мадина|Мадина Malika|Малика|Малика "
                    "Zarina|Зарина|Зарина Shahzoda|Шаҳзода|Шахзода Sabina|Сабина|Сабина Mubina|Мубина|Мубина "
                    "Oisha|Оиша|Аиша Ruxshona|Рухшона|Рухшона"),
}
UZ_SN = _triples("Yo'ldoshev|Йўлдошев|Юлдашев Jo'rayev|Жўраев|Джураев Xolmatov|Холматов|Халматов "
                 "Toshmatov|Тошматов|Ташматов Qodirov|Қодиров|Кадыров Rahimov|Раҳимов|Рахимов Karimov|Каримов|Каримов "
                 "Xo'jayev|Хўжаев|Ходжаев Ergashev|Эргашев|Эргашев Usmonov|Усмонов|Усманов Sobirov|Собиров|Сабиров "
                 "Mahmudov|Маҳмудов|Махмудов Nurmatov|Нурматов|Нурматов G'ofurov|Ғофуров|Гафуров "
                 "Abdullayev|Абдуллаев|Абдуллаев Rustamov|Рустамов|Рустамов Qo'chqorov|Қўчқоров|Кучкаров "
                 "Sattorov|Сатторов|Саттаров Tursunov|Турсунов|Турсунов Mirzayev|Мирзаев|Мирзаев "
                 "Ismoilov|Исмоилов|Исмаилов Hamidov|Ҳамидов|Хамидов Umarov|Умаров|Умаров Aliyev|Алиев|Алиев "
                 "Hasanov|Ҳасанов|Хасанов Murodov|Муродов|Мурадов Yusupov|Юсупов|Юсупов Salimov|Салимов|Салимов "
                 "Azimov|Азимов|Азимов Ibrohimov|Иброҳимов|Ибрагимов To'xtayev|Тўхтаев|Тухтаев "
                 "Po'latov|Пўлатов|Пулатов")
RU_M = {"all": _ru("Александр Сергей Владимир Андрей Дмитрий Николай Юрий Алексей Евгений Виктор Игорь Максим Артём "
                   "Иван Михаил Олег Павел")}
RU_F = {"all": _ru("Елена Ольга Наталья Татьяна Ирина Светлана Людмила Галина Анна Мария Екатерина Юлия Анастасия "
                   "Валентина Надежда")}
RU_SN = _ru("Иванов Петров Кузнецов Смирнов Попов Васильев Соколов Морозов Новиков Волков Лебедев Козлов Белов")
RU_SN_INV = _ru("Ковальчук Бондаренко Шевченко Ткаченко")
AZ_M = {"all": _ru("Эльдар Рашид Ахмед Исмаил Гусейн Али Фарид Эльчин Рамиз Осман")}
AZ_F = {"all": _ru("Севиль Лейла Фатима Нигяр Айгюн Гюнай Эльмира Зарема")}
AZ_SN = _ru("Мамедов Гасанов Алиев Исмаилов Гусейнов Ахмедов Аббасов Бабаев Османов")
TT_M = {"all": _ru("Ринат Рустем Ильдар Марат Рафаэль Айдар Рамиль")}
TT_F = {"all": _ru("Гульнур Альфия Лилия Резеда Эльвира Дина Альбина")}
TT_SN = _ru("Хайруллин Сафин Гарипов Валиев Галиев Шарипов Закиров")

RU_PATR = {"Сергей": ("Сергеевич", "Сергеевна"), "Андрей": ("Андреевич", "Андреевна"),
           "Николай": ("Николаевич", "Николаевна"), "Алексей": ("Алексеевич", "Алексеевна"),
           "Евгений": ("Евгеньевич", "Евгеньевна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
           "Юрий": ("Юрьевич", "Юрьевна"), "Михаил": ("Михайлович", "Михайловна"),
           "Павел": ("Павлович", "Павловна"), "Игорь": ("Игоревич", "Игоревна"), "Артём": ("Артёмович", "Артёмовна"),
           "Али": ("Алиевич", "Алиевна"), "Рамиль": ("Рамилевич", "Рамилевна")}

# ----------------------------------------------------------------------------------------------------------------
# scripts
# ----------------------------------------------------------------------------------------------------------------

KK_RU = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
VOW_CYR = set("аәеёиоөуұүыіэюяАӘЕЁИОӨУҰҮЫІЭЮЯ")


def _case_map(m):
    out = dict(m)
    for k, v in m.items():
        if k.upper() != k:
            out[k.upper()] = v[:1].upper() + v[1:] if v else v
    return out


def kk_to_ru(s):
    m = _case_map(KK_RU)
    return "".join(m.get(c, c) for c in s)


UZL = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g'", "д": "d", "е": "e", "ё": "yo", "ж": "j",
       "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o",
       "ө": "o'", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "x",
       "һ": "h", "ц": "s", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "'", "ы": "i", "і": "i", "ь": "", "э": "e",
       "ю": "yu", "я": "ya"}


def to_uzl(s):
    """Cyrillic (Kazakh or Russian letters) to the Uzbek Latin alphabet, as a clerk transliterates it."""
    out = []
    prev = " "
    for c in s:
        lo = c.lower()
        if lo in UZL:
            v = UZL[lo]
            if lo == "е" and (not prev.isalpha() or prev.lower() in VOW_CYR):
                v = "ye"
            if c != lo and v:
                v = v[0].upper() + v[1:]
            out.append(v)
        else:
            out.append(c)
        prev = c
    return "".join(out)


KK_UZC = {"ә": "а", "ң": "нг", "ө": "ў", "ұ": "у", "ү": "у", "і": "и", "ы": "и", "һ": "ҳ"}


def kk_to_uzc(s):
    m = _case_map(KK_UZC)
    return "".join(m.get(c, c) for c in s)


ICAO = {"а": "A", "б": "B", "в": "V", "г": "G", "д": "D", "е": "E", "ё": "E", "ж": "ZH", "з": "Z", "и": "I",
        "й": "I", "к": "K", "л": "L", "м": "M", "н": "N", "о": "O", "п": "P", "р": "R", "с": "S", "т": "T",
        "у": "U", "ф": "F", "х": "KH", "ц": "TS", "ч": "CH", "ш": "SH", "щ": "SHCH", "ъ": "IE", "ы": "Y", "ь": "",
        "э": "E", "ю": "IU", "я": "IA", "ә": "A", "ғ": "G", "қ": "K", "ң": "N", "ө": "O", "ұ": "U", "ү": "U",
        "һ": "H", "і": "I"}


def icao(s):
    return "".join(ICAO.get(c.lower(), c) for c in s).upper()


def informal(s, habit=0):
    """Latin as people type it from the Russian spelling. habit 1: j for zh, h for kh, i for й."""
    m = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
         "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
         "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
         "э": "e", "ю": "yu", "я": "ya"}
    if habit == 1:
        m.update({"ж": "j", "х": "h", "й": "i"})
    out = []
    for c in kk_to_ru(s):
        lo = c.lower()
        v = m.get(lo, c)
        if c != lo and v:
            v = v[0].upper() + v[1:]
        out.append(v)
    return "".join(out)


TKM = {"а": "a", "ә": "ä", "б": "b", "в": "w", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "ýo", "ж": "j",
       "з": "z", "и": "i", "й": "ý", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "ň", "о": "o",
       "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "ü", "ф": "f", "х": "h",
       "һ": "h", "ц": "s", "ч": "ç", "ш": "ş", "щ": "ş", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
       "ю": "ýu", "я": "ýa"}


def to_tkm(s):
    out = []
    prev = " "
    for c in s:
        lo = c.lower()
        v = TKM.get(lo, c)
        if lo == "е" and (not prev.isalpha() or prev.lower() in VOW_CYR):
            v = "ýe"
        if c != lo and v:
            v = v[0].upper() + v[1:]
        out.append(v)
        prev = c
    return "".join(out)


def to_pinyin(s):
    """A Kazakh name as a Chinese document writes it through its characters (Нұрлан -> NUERLAN)."""
    base = {"а": "a", "ә": "a", "б": "b", "в": "w", "г": "g", "ғ": "h", "д": "d", "е": "e", "ж": "j", "з": "z",
            "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "wu",
            "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h",
            "ш": "sh", "ы": "e", "і": "i", "э": "e", "ю": "yu", "я": "ya", "ч": "q", "ц": "c"}
    units = [base.get(c, "") for c in s.lower() if base.get(c, "")]
    vowels = {"a", "e", "i", "o", "u", "wu", "yu", "ya"}
    out = []
    for i, u in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        prv = units[i - 1] if i > 0 else None
        if i == 0 and u == "e":
            u = "ye"
        if u in vowels:
            if u == "a" and nxt == "y":
                out.append("ayi")
                continue
            out.append(u)
            continue
        if u == "y":
            if prv == "a":
                continue
            out.append("y")
            continue
        if u == "r":
            if prv in vowels and nxt in vowels:
                out.append("l")
            else:
                out.append("er")
            continue
        if u in ("n", "ng"):
            out.append(u)
            continue
        if nxt is None or nxt not in vowels:
            tail = {"l": "li", "k": "ke", "t": "ti", "s": "si", "m": "mu", "b": "bu", "d": "de", "z": "zi",
                    "j": "ji", "sh": "shi", "h": "he", "g": "ge", "p": "pu", "w": "wu", "f": "fu", "q": "qi",
                    "c": "ci"}.get(u, u)
            out.append(tail)
        else:
            out.append(u)
    return "".join(out).upper()


MNG = {"қ": "х", "ғ": "г", "ң": "н", "ә": "э", "і": "и", "ұ": "у", "һ": "х"}


def to_mng(s):
    m = _case_map(MNG)
    return "".join(m.get(c, c) for c in s)


def mng_genitive(s):
    last = s[-1].lower()
    if last in "аэиоуөүы":
        return s + "гийн"
    if last == "н":
        return s + "ы"
    backs = [c for c in s.lower() if c in "аоуыэиөү"]
    return s + ("ын" if backs and backs[-1] in "аоуы" else "ийн")


def uz_adapt_surname(s):
    """Uzbek documents' rendering of a Kazakh surname: -bayev -> -boyev, -bay -> -boy."""
    s = s.replace("bayev", "boyev").replace("Bayev", "Boyev")
    if s.endswith("bay"):
        s = s[:-3] + "boy"
    return s


def uz_adapt_first(s):
    if s.endswith("jan"):
        s = s[:-3] + "jon"
    if s.startswith("Ay") and len(s) > 3:
        s = "Oy" + s[2:]
    if s.startswith("Ye") and len(s) > 3:
        s = "Ye" + s[2:]
    return s


# ----------------------------------------------------------------------------------------------------------------
# surnames
# ----------------------------------------------------------------------------------------------------------------


def fem_cyr(s):
    if s.endswith("ұлы"):
        return s[:-3] + "қызы"
    if s.endswith("улы"):
        return s[:-3] + "кызы"
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + "а"
    return s


def fem_lat(s):
    if s.endswith("uli"):
        return s[:-3] + "qizi"
    if s.endswith(("ov", "ev", "in", "ow", "ew", "OV", "EV", "IN")):
        return s + ("A" if s.isupper() else "a")
    return s


class Sn:
    """A surname: masculine forms per script; feminine by rule; inv = invariable."""

    def __init__(self, grp, kk=None, ru=None, uzl=None, uzc=None, inv=False):
        self.grp = grp
        self.kk = kk or ru
        self.ru = ru or (kk_to_ru(kk) if kk else None)
        self.uzl = uzl
        self.uzc = uzc
        self.inv = inv

    def form(self, script, female):
        if script == "kk":
            s = self.kk if self.grp == "kaz" else self.ru
        elif script == "ru":
            s = self.ru
        elif script == "uzl":
            s = self.uzl or to_uzl(self.kk if self.grp == "kaz" else self.ru)
        elif script == "uzl_ru":
            s = to_uzl(self.ru)
        elif script == "uzc":
            s = self.uzc or (kk_to_uzc(self.kk) if self.grp == "kaz" else self.ru)
        elif script == "icao":
            s = icao(self.kk if self.grp == "kaz" else self.ru)
        elif script == "inf0":
            s = informal(self.ru, 0)
        elif script == "inf1":
            s = informal(self.ru, 1)
        else:
            raise ValueError(script)
        if not female or self.inv:
            return s
        if script in ("kk", "ru", "uzc"):
            return fem_cyr(s)
        return fem_lat(s)


# ----------------------------------------------------------------------------------------------------------------
# places
# ----------------------------------------------------------------------------------------------------------------

DISTRICTS = {
    # key: (kk, ru, uzl)
    "turk": ("Түркістан қ.ә.", "Туркестанская г.а.", "Turkiston sh."),
    "kent": ("Кентау қ.ә.", "Кентауская г.а.", "Kentov sh."),
    "arys": ("Арыс қ.ә.", "Арысская г.а.", "Aris sh."),
    "tole": ("Төле би ауданы", "Толебийский район", "To'le bi tumani"),
    "sary": ("Сарыағаш ауданы", "Сарыагашский район", "Sariog'och tumani"),
    "keles": ("Келес ауданы", "Келесский район", "Keles tumani"),
    "kazy": ("Қазығұрт ауданы", "Казыгуртский район", "Qozig'urt tumani"),
    "sair": ("Сайрам ауданы", "Сайрамский район", "Sayram tumani"),
    "orda": ("Ордабасы ауданы", "Ордабасинский район", "Ordabosi tumani"),
    "otyr": ("Отырар ауданы", "Отырарский район", "O'tror tumani"),
    "makt": ("Мақтаарал ауданы", "Мактааральский район", "Maktaaral tumani"),
    "zhet": ("Жетісай ауданы", "Жетысайский район", "Jetisoy tumani"),
    "shar": ("Шардара ауданы", "Шардаринский район", "Chordara tumani"),
    "sozak": ("Созақ ауданы", "Созакский район", "So'zoq tumani"),
    "baid": ("Бәйдібек ауданы", "Байдибекский район", "Boydibek tumani"),
    "tulk": ("Түлкібас ауданы", "Тюлькубасский район", "Tulkibos tumani"),
}

# key, kk, ru, uzl, kind, district, weight, Uzbek share
PLACES = [
    ("turk", "Түркістан", "Туркестан", "Turkiston", "city", "turk", 22, 0.22),
    ("kent", "Кентау", "Кентау", "Kentov", "city", "kent", 8, 0.15),
    ("arys", "Арыс", "Арысь", "Aris", "town", "arys", 4, 0.04),
    ("leng", "Ленгер", "Ленгер", "Lenger", "town", "tole", 4, 0.06),
    ("sary", "Сарыағаш", "Сарыагаш", "Sariog'och", "town", "sary", 5, 0.22),
    ("zhib", "Жібек жолы", "Жибек жолы", "Jibek joli", "village", "sary", 2, 0.45),
    ("abai", "Абай", "Абай", "Abay", "village", "keles", 3, 0.30),
    ("kazy", "Қазығұрт", "Казыгурт", "Qozig'urt", "village", "kazy", 3, 0.10),
    ("aksu", "Ақсукент", "Аксукент", "Oqsuv", "village", "sair", 4, 0.40),
    ("sair", "Сайрам", "Сайрам", "Sayram", "village", "sair", 4, 0.85),
    ("karab", "Қарабұлақ", "Карабулак", "Qorabuloq", "village", "sair", 3, 0.85),
    ("mank", "Манкент", "Манкент", "Mankent", "village", "sair", 2, 0.85),
    ("temi", "Темірлан", "Темирлан", "Temirlan", "village", "orda", 3, 0.10),
    ("shau", "Шәуілдір", "Шаульдер", "Shovulder", "village", "otyr", 2, 0.05),
    ("zhet", "Жетісай", "Жетысай", "Jetisoy", "town", "zhet", 5, 0.15),
    ("asyk", "Асықата", "Асыката", "Asiqota", "village", "zhet", 3, 0.12),
    ("myrz", "Мырзакент", "Мырзакент", "Mirzakent", "village", "makt", 3, 0.12),
    ("atak", "Атакент", "Атакент", "Otakent", "village", "makt", 3, 0.10),
    ("shar", "Шардара", "Шардара", "Chordara", "town", "shar", 3, 0.05),
    ("shol", "Шолаққорған", "Шолаккорган", "Sholoqqo'rg'on", "village", "sozak", 2, 0.0),
    ("shay", "Шаян", "Шаян", "Shayon", "village", "baid", 2, 0.0),
    ("rysk", "Т.Рысқұлов", "им. Т.Рыскулова", "T.Risqulov", "village", "tulk", 2, 0.03),
]
PL = {p[0]: {"key": p[0], "kk": p[1], "ru": p[2], "uzl": p[3], "kind": p[4], "dist": p[5], "w": p[6], "uzb": p[7]}
      for p in PLACES}
PL_KEYS = [p[0] for p in PLACES]

# streets: kk, ru, uzl (translated where the name is a word)
STREETS = [
    ("Абай", "Абая", "Abay"), ("Төле би", "Толе би", "To'le bi"), ("Әйтеке би", "Айтеке би", "Ayteke bi"),
    ("Қазыбек би", "Казыбек би", "Qozibek bi"), ("Жібек жолы", "Жибек жолы", "Ipak yo'li"),
    ("Достық", "Дружбы", "Do'stlik"), ("Бейбітшілік", "Мира", "Tinchlik"), ("Жастар", "Молодёжная", "Yoshlar"),
    ("Мектеп", "Школьная", "Maktab"), ("Навои", "Навои", "Navoiy"), ("Амир Темір", "Амира Темура", "Amir Temur"),
    ("Ұлықбек", "Улугбека", "Ulug'bek"), ("Бабыр", "Бабура", "Bobur"), ("Тәуелсіздік", "Независимости", "Mustaqillik"),
    ("Наурыз", "Наурыз", "Navro'z"), ("Рысқұлов", "Рыскулова", "Risqulov"), ("Момышұлы", "Момышулы", "Momishuli"),
    ("Абылай хан", "Абылай хана", "Abiloy xon"), ("Бақшалы", "Садовая", "Bog'bon"), ("Орталық", "Центральная", "Markaziy"),
]
CITY_STREETS = {
    "turk": [("Тәуке хан даңғылы", "пр. Тауке хана", "Tovke xon shoh ko'chasi"),
             ("Есім хан", "Есим хана", "Esim xon"), ("Қожа Ахмет Ясауи", "Ходжа Ахмеда Яссауи", "Xo'ja Ahmad Yassaviy"),
             ("Бекзат Саттарханов даңғылы", "пр. Б.Саттарханова", "Sattarxonov shoh ko'chasi")],
    "kent": [("Яссауи", "Яссауи", "Yassaviy"), ("Құрылысшылар", "Строителей", "Quruvchilar")],
}
MKR = {"turk": [("Жаңа қала", "Жана кала", "Yangi shahar"), ("Оңтүстік", "Южный", "Janubiy"),
                ("Мұнайшы", "Мунайшы", "Neftchi")],
       "kent": [("Шұғыла", "Шугыла", "Shug'ila"), ("Жайлау", "Жайлау", "Yaylov")]}
COTTON = ["myrz", "atak", "asyk", "zhet", "shar", "temi"]


def district_at(pkey, d):
    ds = PL[pkey]["dist"]
    if ds == "zhet" and d < RENAME:
        return "makt"
    return ds


# ----------------------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------------------


def zipf(rng, lst, k=3):
    w = [1.0 / (i + k) for i in range(len(lst))]
    return rng.choices(lst, weights=w)[0]


def rdate(rng, a, b):
    if b <= a:
        return a
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def add_years(d, y):
    try:
        return d.replace(year=d.year + y)
    except ValueError:
        return d.replace(year=d.year + y, day=28)


def age(b, d):
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def iin_check(d11):
    s = sum(int(a) * b for a, b in zip(d11, range(1, 12))) % 11
    if s == 10:
        s = sum(int(a) * b for a, b in zip(d11, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
        if s == 10:
            return None
    return s


def valid_iin(s):
    return len(s) == 12 and s.isdigit() and iin_check(s[:11]) == int(s[11])


# ----------------------------------------------------------------------------------------------------------------
# population
# ----------------------------------------------------------------------------------------------------------------


class Person:
    def __init__(self, pid, grp, sex, birth):
        self.pid, self.grp, self.sex, self.birth = pid, grp, sex, birth
        self.first = None
        self.father = None  # the father's first-name entry (for the patronymic)
        self.patr_kz = False  # patronymic officially -ұлы/-қызы
        self.patr_aze = False  # patronymic written оглы/кызы (Azerbaijani habit)
        self.sn = []  # (from, Sn, double Sn or None)
        self.iin = None
        self.iin_from = birth
        self.death = None
        self.addr = []  # (from, addr dict or None)
        self.phones = []  # (from, phone)
        self.kandas = None
        self.spouse = None
        self.children = []
        self.mother = None
        self.fatherp = None
        self.idcard = None
        self.dim = False
        self.marriages = []  # (date, spouse pid, end date or None)

    @property
    def female(self):
        return self.sex == "F"

    def alive(self, d):
        return self.death is None or d < self.death

    def addr_at(self, d):
        cur = None
        for f, a in self.addr:
            if f <= d:
                cur = a
            else:
                break
        return cur

    def phone_at(self, d):
        cur = None
        for f, ph in self.phones:
            if f <= d:
                cur = ph
            else:
                break
        return cur

    def sn_at(self, d):
        cur = self.sn[0]
        for e in self.sn:
            if e[0] <= d:
                cur = e
            else:
                break
        return cur

    def in_region(self, d):
        return self.alive(d) and d >= self.birth and self.addr_at(d) is not None


class Pop:
    def __init__(self, rng, n):
        self.rng = rng
        self.n = n
        self.persons = []
        self.used_iin = set()
        self.stats = Counter()

    # names -------------------------------------------------------------------------------------------------
    def era(self, grp, year):
        r = self.rng.random()
        if grp == "uzb":
            a, b = 1970, 1995
        else:
            a, b = 1966, 1992
        y = year + int((r - 0.5) * 6)
        return "old" if y < a else ("mid" if y < b else "new")

    def pick_first(self, grp, sex, year, avoid=()):
        rng = self.rng
        tab = {"kaz": (KZ_M, KZ_F), "uzb": (UZ_M, UZ_F), "rus": (RU_M, RU_F), "aze": (AZ_M, AZ_F),
               "tat": (TT_M, TT_F)}[grp][0 if sex == "M" else 1]
        lst = tab["all"] if "all" in tab else tab[self.era(grp, year)]
        for _ in range(30):
            e = zipf(rng, lst, 4)
            if e["ru"] not in avoid:
                return e
        return e

    def new_sn(self, grp):
        rng = self.rng
        if grp == "kaz":
            if rng.random() < 0.035:
                e = zipf(rng, KZ_SN_INV, 3)
                return Sn("kaz", kk=e["kk"], ru=e["ru"], inv=True)
            e = zipf(rng, KZ_SN, 6)
            return Sn("kaz", kk=e["kk"], ru=e["ru"])
        if grp == "uzb":
            e = zipf(rng, UZ_SN, 5)
            return Sn("uzb", ru=e["ru"], uzl=e["uzl"], uzc=e["uzc"])
        if grp == "rus":
            if rng.random() < 0.15:
                return Sn("rus", ru=zipf(rng, RU_SN_INV)["ru"], inv=True)
            return Sn("rus", ru=zipf(rng, RU_SN)["ru"])
        if grp == "aze":
            return Sn("aze", ru=zipf(rng, AZ_SN)["ru"])
        return Sn("tat", ru=zipf(rng, TT_SN)["ru"])

    def new_iin(self, birth, sex):
        c = (3 if birth.year < 2000 else 5) + (0 if sex == "M" else 1)
        if birth.year < 1900:
            c = 1 + (0 if sex == "M" else 1)
        while True:
            d11 = birth.strftime("%y%m%d") + str(c) + f"{self.rng.randrange(0, 10000):04d}"
            k = iin_check(d11)
            if k is None:
                continue
            s = d11 + str(k)
            if s not in self.used_iin:
                self.used_iin.add(s)
                return s

    def person(self, grp, sex, birth, father_entry=None, year_for_names=None, avoid=()):
        p = Person(f"P{len(self.persons) + 1:05d}", grp, sex, birth)
        self.persons.append(p)
        p.first = self.pick_first(grp, sex, year_for_names or birth.year, avoid)
        p.father = father_entry or self.pick_first(grp, "M", birth.year - 28)
        p.idcard = f"0{self.rng.randrange(10 ** 7, 10 ** 8)}" if self.rng.random() < 0.8 else \
            f"N{self.rng.randrange(10 ** 7, 10 ** 8)}"
        if grp == "uzb" and self.rng.random() < 0.07:
            p.dim = True
        if grp == "aze" and self.rng.random() < 0.4:
            p.patr_aze = True
        return p

    # addresses ---------------------------------------------------------------------------------------------
    def new_addr(self, pkey):
        rng = self.rng
        pl = PL[pkey]
        if pl["kind"] == "city" and pkey in MKR and rng.random() < 0.35:
            return {"place": pkey, "mkr": rng.choice(MKR[pkey]), "house": rng.randint(1, 40),
                    "flat": rng.randint(1, 80), "street": None}
        streets = STREETS + CITY_STREETS.get(pkey, []) * 3
        st = rng.choice(streets[: 20 if pl["kind"] != "village" else 9] + CITY_STREETS.get(pkey, []) * 3)
        flat = rng.randint(1, 60) if pl["kind"] in ("city", "town") and rng.random() < 0.4 else None
        return {"place": pkey, "mkr": None, "street": st, "house": rng.randint(1, 180), "flat": flat}

    def draw_place(self, grp=None):
        rng = self.rng
        if grp is None:
            return rng.choices(PL_KEYS, weights=[PL[k]["w"] for k in PL_KEYS])[0]
        if grp == "uzb":
            w = [PL[k]["w"] * PL[k]["uzb"] for k in PL_KEYS]
        elif grp == "kaz":
            w = [PL[k]["w"] * (1 - PL[k]["uzb"]) for k in PL_KEYS]
        else:
            w = [PL[k]["w"] * (3 if PL[k]["kind"] in ("city", "town") else 0.3) for k in PL_KEYS]
        return rng.choices(PL_KEYS, weights=w)[0]

    def draw_grp_at(self, pkey):
        rng = self.rng
        if rng.random() < PL[pkey]["uzb"]:
            return "uzb"
        r = rng.random()
        town = PL[pkey]["kind"] in ("city", "town")
        if r < (0.90 if town else 0.97):
            return "kaz"
        return rng.choices(["rus", "aze", "tat"], weights=[5, 3, 2])[0]

    def phones_for(self, p):
        rng = self.rng
        if p.birth.year < 1945 and rng.random() < 0.3:
            return
        start = max(add_years(p.birth, 14), D(2004, 1, 1))
        if start > END:
            return
        ph = self.new_phone()
        p.phones.append((start, ph))
        if rng.random() < 0.18:
            t = rdate(rng, add_years(start, 1), D(2024, 6, 1))
            if t > start:
                p.phones.append((t, self.new_phone()))

    def new_phone(self):
        rng = self.rng
        pre = rng.choice(["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"])
        return "8" + pre + f"{rng.randrange(0, 10 ** 7):07d}"

    # households --------------------------------------------------------------------------------------------
    def set_sn(self, p, sn, dbl=None, when=None):
        p.sn.append((when or p.birth, sn, dbl))
        p.sn.sort(key=lambda e: e[0])

    def move(self, p, when, addr):
        p.addr = [e for e in p.addr if e[0] < when] + [(when, addr)]

    def make_couple(self):
        rng = self.rng
        pkey = self.draw_place()
        grp = self.draw_grp_at(pkey)
        hy = rng.choices(range(1938, 1999), weights=[0.5 if y < 1950 else (1.3 if 1958 <= y <= 1992 else 1.0)
                                                     for y in range(1938, 1999)])[0]
        hb = rdate(rng, D(hy, 1, 1), D(hy, 12, 31))
        h = self.person(grp, "M", hb)
        h_sn = self.new_sn(grp)
        wgrp = grp
        if rng.random() < 0.08:
            wgrp = {"kaz": rng.choice(["uzb", "tat", "rus"]), "uzb": rng.choice(["kaz", "tat", "aze"]),
                    "rus": rng.choice(["kaz", "tat"]), "aze": rng.choice(["uzb", "kaz"]),
                    "tat": rng.choice(["kaz", "rus"])}[grp]
        wb = rdate(rng, h.birth - dt.timedelta(days=730), h.birth + dt.timedelta(days=7 * 365))
        if wb > D(2002, 6, 1):
            wb = rdate(rng, D(2000, 1, 1), D(2002, 6, 1))
        w = self.person(wgrp, "F", wb)
        w_sn = self.new_sn(wgrp)
        m0 = max(add_years(hb, 21), add_years(wb, 19))
        marr = rdate(rng, m0, add_years(m0, 6))
        if marr > D(2024, 3, 1):
            marr = rdate(rng, D(2023, 1, 1), D(2024, 3, 1))
        h.spouse, w.spouse = w.pid, h.pid
        h.marriages.append((marr, w.pid, None))
        w.marriages.append((marr, h.pid, None))
        # patronymic forms
        if grp == "kaz":
            h.patr_kz = rng.random() < (0.45 if hb.year >= 1995 else 0.08)
        if wgrp == "kaz":
            w.patr_kz = rng.random() < (0.45 if wb.year >= 1995 else 0.08)
        self.set_sn(h, h_sn)
        self.set_sn(w, w_sn)
        take = {"kaz": 0.78, "uzb": 0.85, "rus": 0.95, "aze": 0.8, "tat": 0.9}[wgrp]
        took = False
        if rng.random() < take and not (h_sn.kk or "").endswith("ұлы"):
            took = True
            dbl = w_sn if (wgrp in ("kaz", "rus", "tat") and rng.random() < 0.025) else None
            self.set_sn(w, h_sn, dbl, marr)
            if dbl:
                self.stats["double_surnames"] += 1
        hh_addr = self.new_addr(pkey)
        # where they lived before: parents' homes elsewhere in the region (or outside)
        for sp in (h, w):
            ppl = self.draw_place(sp.grp) if rng.random() < 0.85 else None
            sp.addr.append((sp.birth, self.new_addr(ppl) if ppl else None))
            sp.addr.append((marr, hh_addr))
        members = [h, w]
        # kandas
        kand = None
        if grp == "kaz" and wgrp == "kaz" and hy < 1992 and rng.random() < 0.17:
            origin = rng.choices(["UZ", "CN", "TM", "MN"], weights=[70, 15, 10, 5])[0]
            arr = rdate(rng, max(D(2006, 1, 1), marr + dt.timedelta(days=200)), D(2022, 12, 31))
            kand = {"origin": origin, "arrival": arr, "iin": arr + dt.timedelta(days=rng.randint(120, 540)),
                    "style": rng.choices(["bare", "ov", "uly"], weights=[40, 40, 20])[0]}
            for sp in (h, w):
                sp.addr = [(sp.birth, None), (arr, hh_addr)]
        # children
        kids = []
        nkw = [5, 12, 25, 28, 17, 9, 4] if grp in ("kaz", "uzb") else [8, 30, 40, 17, 5, 0, 0]
        nk = rng.choices(range(7), weights=nkw)[0]
        t = marr + dt.timedelta(days=rng.randint(300, 450))
        fam_kz = rng.random() < 0.45
        used_names = set()
        while len(kids) < nk and t <= END and age(wb, t) <= 42:
            n_tw = 2 if rng.random() < 0.015 else 1
            for _ in range(n_tw):
                sex = rng.choice("MF")
                c = self.person(grp, sex, t, father_entry=h.first, avoid=used_names)
                used_names.add(c.first["ru"])
                c.mother, c.fatherp = w.pid, h.pid
                if grp == "kaz":
                    c.patr_kz = fam_kz if t.year >= 1995 else rng.random() < 0.08
                self.set_sn(c, h_sn)
                c.addr.append((t, hh_addr))
                kids.append(c)
            t = t + dt.timedelta(days=rng.randint(460, 1500))
        h.children = [c.pid for c in kids]
        w.children = [c.pid for c in kids]
        members += kids
        if kand:
            self.apply_kandas(h, w, kids, kand, h_sn, w_sn, took)
        # move of the household
        if rng.random() < 0.30:
            mv = rdate(rng, max(marr, D(2006, 1, 1)), D(2023, 12, 31))
            if kand and mv < kand["arrival"]:
                mv = rdate(rng, kand["arrival"], D(2024, 6, 1))
            r = rng.random()
            if r < 0.6:
                na = self.new_addr(pkey)
            elif r < 0.9:
                na = self.new_addr(self.draw_place(grp))
            else:
                na = None
            for m in members:
                if m.addr_at(mv) == hh_addr:
                    self.move(m, mv, na)
            hh_addr2 = na
        else:
            hh_addr2 = hh_addr
        # divorce
        if marr < D(2018, 1, 1) and rng.random() < 0.06:
            dv = rdate(rng, marr + dt.timedelta(days=730), D(2023, 12, 31))
            h.marriages[-1] = (marr, w.pid, dv)
            w.marriages[-1] = (marr, h.pid, dv)
            h.spouse = w.spouse = None
            na = self.new_addr(self.draw_place(grp)) if rng.random() < 0.85 else None
            self.move(h, dv, na)
            if took and rng.random() < 0.4:
                self.set_sn(w, w_sn, None, dv)
            self.stats["divorces"] += 1
        # adult children leave
        for c in kids:
            self.leave_home(c, grp)
        # widowed parents living alone
        for sp in (h, w):
            if sp.birth.year >= 1958 and not kand and rng.random() < 0.22:
                self.make_parent(sp)
        self.stats["couples"] += 1
        return members

    def apply_kandas(self, h, w, kids, kand, h_sn, w_sn, took):
        rng = self.rng
        org = kand["origin"]
        arr, iin_d = kand["arrival"], kand["iin"]
        fam = [h, w] + kids
        for p in fam:
            born_abroad = p.birth < arr
            p.kandas = {"origin": org, "arrival": arr, "iin_from": iin_d, "abroad": born_abroad}
            p.iin_from = iin_d if born_abroad else p.birth
            if born_abroad:
                p.addr = [(p.birth, None), (arr, p.addr_at(arr) or h.addr_at(arr))]
            if born_abroad and p.birth.year < 1975 and rng.random() < 0.35:
                # the document abroad knew only the year (Kazakh papers then write 1 January) or the year and
                # month (then the 1st of that month)
                if rng.random() < 0.6:
                    p.kandas["bunk"] = "year"
                    p.birth = D(p.birth.year, 1, 1)
                    self.stats["kandas_birth_year_only"] += 1
                else:
                    p.kandas["bunk"] = "month"
                    p.birth = D(p.birth.year, p.birth.month, 1)
                    self.stats["kandas_birth_year_month_only"] += 1
                p.iin_from = iin_d
        if org in ("CN", "MN"):
            style = kand["style"]

            def from_root(root_entry):
                root = root_entry["kk"]
                if style == "ov":
                    kk = root + ("ов" if root[-1] not in VOW_CYR else "ев")
                    return Sn("kaz", kk=kk)
                if style == "uly":
                    return Sn("kaz", kk=root + "ұлы")
                return Sn("kaz", kk=root, inv=True)
            h_new = from_root(h.father)
            w_new = from_root(w.father) if not (took and style == "ov" and rng.random() < 0.4) else h_new
            k_new = from_root(h.first)
            for p, sn in [(h, h_new), (w, w_new)] + [(c, k_new) for c in kids]:
                p.sn = [(p.birth, sn, None)]  # after documentation (the doc name is kept in p.kandas)
            for p in [h, w] + kids:
                p.kandas["doc_root"] = (h.father if p is h else w.father if p is w else h.first)
        else:
            for p in fam:
                # the documents abroad carry the family's Kazakh surname; the wife's was already the husband's
                p.kandas["doc_root"] = None
        self.stats["kandas_families"] += 1
        self.stats["kandas_" + org] += len(fam)

    def leave_home(self, c, grp):
        rng = self.rng
        a18 = add_years(c.birth, 18)
        if a18 > END or rng.random() < 0.25:
            return
        leave = rdate(rng, a18, add_years(c.birth, 27))
        if leave > END:
            return
        if c.kandas and leave < c.kandas["arrival"]:
            return
        home = c.addr_at(leave)
        if c.female and age(c.birth, leave) >= 19 and rng.random() < 0.6:
            sgrp = grp if rng.random() < 0.9 else rng.choice(["kaz", "uzb", "tat"])
            new_sn = self.new_sn(sgrp)
            take = {"kaz": 0.75, "uzb": 0.85}.get(grp, 0.9)
            if rng.random() < take:
                self.set_sn(c, new_sn, None, leave)
                self.stats["married_out"] += 1
        r = rng.random()
        if r < 0.55 and home:
            na = self.new_addr(home["place"])
        elif r < 0.75:
            na = self.new_addr(self.draw_place(grp))
        else:
            na = None
        self.move(c, leave, na)
        if na is None and rng.random() < 0.3:
            back = add_years(leave, rng.randint(2, 7))
            if back <= END:
                self.move(c, back, self.new_addr(self.draw_place(grp)))

    def make_parent(self, child):
        """A widowed parent of a spouse, living alone elsewhere in the region."""
        rng = self.rng
        grp = child.grp
        sex = "M" if rng.random() < 0.3 else "F"
        by = child.birth.year - rng.randint(21, 34)
        if by < 1925:
            return None
        b = rdate(rng, D(by, 1, 1), D(by, 12, 31))
        if sex == "M":
            par = self.person(grp, "M", b)
            par.first = child.father
            sn_child = child.sn[0][1]
            self.set_sn(par, sn_child)
            child.fatherp = par.pid
            if grp == "kaz":
                par.patr_kz = rng.random() < 0.05
        else:
            par = self.person(grp, "F", b)
            self.set_sn(par, child.sn[0][1] if rng.random() < 0.8 else self.new_sn(grp))
            child.mother = par.pid
        par.children = [child.pid]
        pkey = self.draw_place(grp)
        par.addr.append((par.birth, self.new_addr(pkey)))
        self.stats["widowed_parents"] += 1
        return par

    def make_single(self):
        rng = self.rng
        pkey = self.draw_place()
        grp = self.draw_grp_at(pkey)
        y = rng.randint(1962, 2004)
        b = rdate(rng, D(y, 1, 1), D(y, 12, 31))
        sex = rng.choice("MF")
        p = self.person(grp, sex, b)
        if grp == "kaz":
            p.patr_kz = rng.random() < (0.45 if y >= 1995 else 0.08)
        self.set_sn(p, self.new_sn(grp))
        ppl = self.draw_place(grp)
        p.addr.append((p.birth, self.new_addr(ppl)))
        lv = rdate(rng, add_years(b, 18), add_years(b, 25))
        if lv <= END:
            p.addr.append((lv, self.new_addr(pkey)))
        if p.female and y < 1996 and rng.random() < 0.35:
            md = rdate(rng, add_years(b, 20), add_years(b, 30))
            if md <= END:
                self.set_sn(p, self.new_sn(grp), None, md)
                self.stats["married_out"] += 1
        self.stats["singles"] += 1
        return [p]

    def make_elderly(self):
        rng = self.rng
        pkey = self.draw_place()
        grp = self.draw_grp_at(pkey)
        y = rng.randint(1930, 1958)
        b = rdate(rng, D(y, 1, 1), D(y, 12, 31))
        p = self.person(grp, "F" if rng.random() < 0.7 else "M", b)
        self.set_sn(p, self.new_sn(grp))
        p.addr.append((p.birth, self.new_addr(pkey)))
        self.stats["elderly"] += 1
        return [p]

    def make_single_mother(self):
        rng = self.rng
        pkey = self.draw_place()
        grp = self.draw_grp_at(pkey)
        y = rng.randint(1972, 1998)
        b = rdate(rng, D(y, 1, 1), D(y, 12, 31))
        m = self.person(grp, "F", b)
        sn = self.new_sn(grp)
        self.set_sn(m, sn)
        home = self.new_addr(pkey)
        m.addr.append((m.birth, self.new_addr(self.draw_place(grp))))
        m.addr.append((add_years(b, 20), home))
        absent_father = self.pick_first(grp, "M", y - 2)
        kids = []
        t = rdate(rng, add_years(b, 19), add_years(b, 30))
        for _ in range(rng.randint(1, 3)):
            if t > END:
                break
            c = self.person(grp, rng.choice("MF"), t, father_entry=absent_father)
            c.mother = m.pid
            self.set_sn(c, sn)
            if grp == "kaz":
                c.patr_kz = rng.random() < (0.45 if t.year >= 1995 else 0.08)
            c.addr.append((t, home))
            kids.append(c)
            self.leave_home(c, grp)
            t = t + dt.timedelta(days=rng.randint(500, 1600))
        m.children = [c.pid for c in kids]
        self.stats["single_mothers"] += 1
        return [m] + kids

    def deaths(self):
        rng = self.rng
        self_by = {p.pid: p for p in self.persons}
        for p in self.persons:
            y = p.birth.year
            if y < 1940:
                q = 0.62
            elif y < 1950:
                q = 0.32
            elif y < 1960:
                q = 0.14 if p.sex == "M" else 0.06
            elif y < 1970:
                q = 0.05 if p.sex == "M" else 0.02
            else:
                q = 0.006
            if rng.random() < q:
                a = max(D(2008, 1, 1), add_years(p.birth, 40))
                if p.children and p.sex == "M":
                    a = max(a, max(self_by[c].birth for c in p.children) + dt.timedelta(days=300))
                if a < D(2024, 11, 1):
                    p.death = rdate(rng, a, D(2024, 11, 1))
                    self.stats["deaths"] += 1

    def build(self):
        rng = self.rng
        while len(self.persons) < self.n:
            r = rng.random()
            if r < 0.62:
                self.make_couple()
            elif r < 0.77:
                self.make_single()
            elif r < 0.93:
                self.make_elderly()
            else:
                self.make_single_mother()
        self.deaths()
        for p in self.persons:
            p.iin = self.new_iin(p.birth, p.sex)
            self.phones_for(p)
            p.addr.sort(key=lambda e: e[0])
            self.stats["grp_" + p.grp] += 1
        # kandas without a phone before arrival
        for p in self.persons:
            if p.kandas and p.kandas["abroad"]:
                p.phones = [(max(f, p.kandas["arrival"]), ph) for f, ph in p.phones]
        self.by = {p.pid: p for p in self.persons}
        self.stats["persons"] = len(self.persons)


# ----------------------------------------------------------------------------------------------------------------
# rendering a person
# ----------------------------------------------------------------------------------------------------------------


def first_form(e, grp, script):
    if script == "kk":
        return e.get("kk") if grp == "kaz" else e["ru"]
    if script == "ru":
        return e["ru"]
    if script == "uzl":
        if "uzl" in e:
            return e["uzl"]
        return to_uzl(e["kk"] if grp == "kaz" else e["ru"])
    if script == "uzl_ru":
        return to_uzl(e["ru"])
    if script == "uzc":
        if "uzc" in e:
            return e["uzc"]
        return kk_to_uzc(e["kk"]) if grp == "kaz" else e["ru"]
    if script == "icao":
        return icao(e["kk"] if grp == "kaz" else e["ru"])
    if script == "inf0":
        return informal(e["ru"], 0)
    if script == "inf1":
        return informal(e["ru"], 1)
    raise ValueError(script)


def ru_patr(name, female):
    if name in RU_PATR:
        return RU_PATR[name][1 if female else 0]
    suf_m, suf_f = "ович", "овна"
    if name[-1] in "аяеи":
        base, suf_m, suf_f = name, "евич", "евна"
        if name[-1] == "я":
            base = name[:-1] + "и"
    elif name[-1] == "й":
        base, suf_m, suf_f = name[:-1], "евич", "евна"
    elif name[-1] == "ы":
        base, suf_m, suf_f = name[:-1] + "и", "евич", "евна"
    elif name[-1] == "ь":
        base, suf_m, suf_f = name[:-1], "евич", "евна"
    elif name[-1] in "жшчщц":
        base, suf_m, suf_f = name, "евич", "евна"
    else:
        base = name
    return base + (suf_f if female else suf_m)


def patr_form(p, script, style=None):
    """style: None = the person's official form; 'ru', 'kz', 'kz_apart', 'uz', 'aze'."""
    f = p.father
    if f is None:
        return ""
    fem = p.female
    if style is None:
        if p.grp == "kaz" and p.patr_kz:
            style = "kz"
        elif p.grp == "aze" and p.patr_aze:
            style = "aze"
        else:
            style = "ru"
    fg = "uzb" if "uzl" in f else ("kaz" if p.grp == "kaz" else p.grp)
    if style == "uz":
        if script == "uzc":
            return first_form(f, fg, "uzc") + (" қизи" if fem else " ўғли")
        return first_form(f, fg, "uzl") + (" qizi" if fem else " o'g'li")
    if style in ("kz", "kz_apart"):
        base = first_form(f, fg, "kk" if script in ("kk", "uzc") else "ru")
        sep = " " if style == "kz_apart" else ""
        if script in ("kk",):
            return base + sep + ("қызы" if fem else "ұлы")
        if script == "ru":
            return base + sep + ("кызы" if fem else "улы")
        if script == "uzc":
            return kk_to_uzc(base) + sep + ("қизи" if fem else "ули")
        if script in ("uzl", "uzl_ru"):
            return to_uzl(base + ("қызы" if fem else "ұлы")) if not sep else to_uzl(base) + " " + ("qizi" if fem else "o'g'li")
        if script == "icao":
            return icao(base + ("қызы" if fem else "ұлы"))
        return informal(base + ("кызы" if fem else "улы"))
    if style == "aze":
        base = f["ru"]
        return base + (" кызы" if fem else " оглы") if script in ("kk", "ru", "uzc") else to_uzl(base) + (" qizi" if fem else " o'g'li")
    rp = ru_patr(f["ru"], fem)
    if script in ("kk", "ru", "uzc"):
        return rp
    if script in ("uzl", "uzl_ru"):
        return to_uzl(rp)
    if script == "icao":
        return icao(rp)
    return informal(rp)


def surname_form(p, d, script):
    _, sn, dbl = p.sn_at(d)
    s = sn.form(script, p.female)
    if dbl is not None:
        s = s + "-" + dbl.form(script, p.female)
    return s


def doc_name(p, pop):
    """The name as the document brought from abroad writes it: (surname, first, patronymic)."""
    k = p.kandas
    org = k["origin"]
    fem = p.female
    root = k.get("doc_root")
    first_kk = p.first["kk"]
    if org == "UZ":
        sn = p.sn_at(k["arrival"])[1]
        s = uz_adapt_surname(to_uzl(sn.kk))
        if fem:
            s = fem_lat(s)
        f = uz_adapt_first(to_uzl(first_kk))
        pf = to_uzl(p.father["kk"])
        pt = pf + (" qizi" if fem else " o'g'li") if k.setdefault("uzpatr", pop.rng.random() < 0.6) else \
            to_uzl(ru_patr(p.father["ru"], fem))
        return s, f, pt
    if org == "TM":
        sn = p.sn_at(k["arrival"])[1]
        s = to_tkm(sn.kk)
        if s.endswith("ow") or s.endswith("ew"):
            pass
        if fem:
            s = s + "a" if s.endswith(("ow", "ew")) else s
        f = to_tkm(first_kk)
        pf = to_tkm(p.father["kk"])
        pt = pf + ("owna" if fem else "owiç") if pf[-1] not in "aeiouyäöü" else pf + ("ýewna" if fem else "ýewiç")
        return s, f, pt
    if org == "CN":
        return to_pinyin(root["kk"]), to_pinyin(first_kk), ""
    # Mongolia
    s = to_mng(root["kk"])
    if k.setdefault("mn_gen", pop.rng.random() < 0.5):
        s = mng_genitive(s)
    return s, to_mng(first_kk), ""


# ----------------------------------------------------------------------------------------------------------------
# faults
# ----------------------------------------------------------------------------------------------------------------

CYR_V = "аеиоуыэяюәөұүі"
LAT_V = "aeiou"


class Faults:
    def __init__(self, rng, stats, fname):
        self.rng = rng
        self.st = stats
        self.f = fname

    def c(self, key):
        self.st[self.f][key] += 1

    def name(self, s, rate=0.015):
        rng = self.rng
        if not s or len(s) < 4 or rng.random() >= rate:
            return s
        i = rng.randrange(1, len(s) - 1)
        k = rng.random()
        if k < 0.3:
            out = s[:i] + s[i + 1:]
        elif k < 0.5:
            out = s[:i] + s[i] + s[i:]
        elif k < 0.75:
            out = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        else:
            vs = CYR_V if any("а" <= ch.lower() <= "я" or ch.lower() in "әөұүі" for ch in s) else LAT_V
            if s[i].lower() in vs:
                rep = rng.choice([v for v in vs if v != s[i].lower()])
                out = s[:i] + (rep.upper() if s[i].isupper() else rep) + s[i + 1:]
            else:
                out = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        if out != s:
            self.c("name_typos")
        return out

    def iin(self, s, rate=0.02):
        rng = self.rng
        if not s or rng.random() >= rate:
            return s
        k = rng.random()
        d = list(s)
        if k < 0.38:
            for _ in range(20):
                i = rng.randrange(0, 11)
                d2 = d[:]
                d2[i] = str((int(d[i]) + rng.randint(1, 9)) % 10)
                t = "".join(d2)
                if not valid_iin(t):
                    self.c("iin_typo_fails_check")
                    return t
            return s
        if k < 0.53:
            i = rng.randrange(7, 10)
            if d[i] != d[i + 1]:
                d[i], d[i + 1] = d[i + 1], d[i]
                t = "".join(d)
                self.c("iin_typo_transposed_" + ("passes" if valid_iin(t) else "fails"))
                return t
            return s
        for _ in range(30):
            i = rng.randrange(7, 11)
            d2 = d[:11]
            d2[i] = str((int(d[i]) + rng.randint(1, 9)) % 10)
            ck = iin_check("".join(d2))
            if ck is None:
                continue
            t = "".join(d2) + str(ck)
            if t != s:
                self.c("iin_typo_passes_check")
                return t
        return s

    def birth(self, b, rate=0.01):
        rng = self.rng
        if b is None or rng.random() >= rate:
            return b
        k = rng.random()
        try:
            if k < 0.3:
                out = b + dt.timedelta(days=rng.choice([-1, 1]))
            elif k < 0.55 and b.day <= 12 and b.day != b.month:
                out = D(b.year, b.day, b.month)
            elif k < 0.8:
                out = b.replace(year=b.year + rng.choice([-1, 1]))
            else:
                dd = f"{b.day:02d}"[::-1]
                out = b.replace(day=int(dd)) if 1 <= int(dd) <= 28 and dd != f"{b.day:02d}" else b + dt.timedelta(days=10)
        except ValueError:
            out = b + dt.timedelta(days=1)
        if out != b:
            self.c("birth_slips")
        return out


# ----------------------------------------------------------------------------------------------------------------
# address rendering
# ----------------------------------------------------------------------------------------------------------------


def region_kk(d, rng):
    if d < RENAME:
        return rng.choice(["ОҚО", "Оңтүстік Қазақстан облысы", "Оңтүстік Қазақстан обл."])
    return rng.choice(["Түркістан облысы", "Түркістан обл."])


def region_ru(d, rng):
    if d < RENAME:
        return rng.choice(["ЮКО", "Южно-Казахстанская обл.", "Южно-Казахстанская область"])
    return rng.choice(["Туркестанская обл.", "Туркестанская область"])


def addr_kk(a, d, rng, region=True):
    pl = PL[a["place"]]
    parts = []
    if region and rng.random() < 0.5:
        parts.append(region_kk(d, rng))
    if pl["kind"] == "village":
        parts.append(DISTRICTS[district_at(a["place"], d)][0].replace("ауданы", "ауд."))
        parts.append(pl["kk"] + " а.")
    else:
        parts.append(pl["kk"] + " қ.")
    if a["mkr"]:
        parts.append(f"{a['mkr'][0]} ш/а, {a['house']} үй, {a['flat']} пәтер")
    else:
        st = a["street"][0]
        st = st if "даңғылы" in st else st + " к-сі"
        parts.append(f"{st}, {a['house']}" + (f"-{a['flat']}" if a["flat"] else ""))
    return ", ".join(parts)


def addr_ru(a, d, rng, region=True):
    pl = PL[a["place"]]
    parts = []
    if region and rng.random() < 0.6:
        parts.append(region_ru(d, rng))
    if pl["kind"] == "village":
        parts.append(DISTRICTS[district_at(a["place"], d)][1].replace("район", "р-н"))
        parts.append("с. " + pl["ru"])
    else:
        if pl["kind"] == "town" and rng.random() < 0.5:
            parts.append(DISTRICTS[district_at(a["place"], d)][1].replace("район", "р-н"))
        parts.append("г. " + pl["ru"])
    if a["mkr"]:
        parts.append(f"мкр. {a['mkr'][1]}, д. {a['house']}, кв. {a['flat']}")
    else:
        st = a["street"][1]
        st = st if st.startswith("пр.") else "ул. " + st
        parts.append(f"{st}, д. {a['house']}" + (f", кв. {a['flat']}" if a["flat"] else ""))
    return ", ".join(parts)


def addr_uzl(a, d, rng):
    pl = PL[a["place"]]
    kind = {"village": "q.", "town": "sh.", "city": "sh."}[pl["kind"]]
    head = f"{pl['uzl']} {kind}"
    if a["mkr"]:
        return f"{head} {a['mkr'][2]} mavzesi {a['house']}-uy {a['flat']}-xonadon"
    st = a["street"][2]
    st = st if "ko'chasi" in st else st + " ko'chasi"
    return f"{head} {st} {a['house']}" + (f"-{a['flat']}" if a["flat"] else "")


def phone_fmt(ph, style):
    n = ph[1:]
    if style == 0:
        return ph
    if style == 1:
        return f"+7 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"
    if style == 2:
        return f"+7 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}"
    if style == 3:
        return "+7" + n
    if style == 4:
        return f"8 {n[:3]} {n[3:6]} {n[6:]}"
    return f"8({n[:3]}){n[3:6]}-{n[6:8]}-{n[8:]}"


# ----------------------------------------------------------------------------------------------------------------
# writers
# ----------------------------------------------------------------------------------------------------------------

FIXED_ZIP_TIME = (2024, 12, 31, 12, 0, 0)


def save_xlsx(wb, path):
    wb.properties.creator = "user"
    wb.properties.lastModifiedBy = "user"
    wb.properties.created = dt.datetime(2025, 1, 15, 9, 0, 0)
    wb.properties.modified = dt.datetime(2025, 1, 15, 9, 0, 0)
    bio = io.BytesIO()
    wb.save(bio)
    src = zipfile.ZipFile(io.BytesIO(bio.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the time of saving; keep the file identical between runs
                txt = data.decode("utf-8")
                i = txt.find("<dcterms:modified")
                j = txt.find("</dcterms:modified>")
                if i >= 0 and j > i:
                    txt = txt[:i] + '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-15T09:00:00Z' + txt[j:]
                data = txt.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            dst.writestr(zi, data)


class Truth:
    def __init__(self):
        self.rows = []
        self.dates = []

    def add(self, fname, rid, pid, d=None):
        self.rows.append((fname, rid, pid))
        self.dates.append(d)


def dfmt(d, f):
    return d.strftime(f)


# ----------------------------------------------------------------------------------------------------------------
# 1. cotton gin receipts (SSMS "Save Results As", Uzbek-Latin headers, NULL literals)
# ----------------------------------------------------------------------------------------------------------------

APOS = ["'", "\u02bb", "\u2018", "`", ""]


def apos(s, ch):
    if s is None:
        return s
    return s.replace("'", ch)


def f1_cotton(pop, rng, out, truth, stats):
    fname = "paxta_qabul.csv"
    F = Faults(rng, stats, fname)
    P = pop.persons
    # season clerks: (source script for Kazakh names, apostrophe)
    clerks = {}
    for y in range(2014, 2025):
        for pt in ("Mirzakent", "Jetisoy", "Chordara"):
            clerks[(y, pt)] = {"src": "kk" if rng.random() < 0.55 else "ru",
                               "apo": rng.choices(APOS, weights=[50, 20, 15, 10, 5])[0]}
    point_of = {"myrz": "Mirzakent", "atak": "Mirzakent", "asyk": "Jetisoy", "zhet": "Jetisoy", "shar": "Chordara",
                "temi": "Chordara"}
    weighers = {(y, pt): f"{rng.choice(['Ergashev', 'Xolmatov', 'Qodirov', 'Nurmatov', 'Saidov', 'Tojiboyev'])} "
                         f"{rng.choice('ABDFGIJKMNORSTUXZ')}." for y in range(2014, 2025)
                for pt in ("Mirzakent", "Jetisoy", "Chordara")}
    farmers = []
    for p in P:
        live_cotton = any(a and a["place"] in COTTON for _, a in p.addr)
        if not live_cotton:
            continue
        if p.sex == "M" and p.birth.year <= 1992 and rng.random() < 0.42:
            farmers.append(p)
        elif p.sex == "F" and p.birth.year <= 1970 and rng.random() < 0.10:
            farmers.append(p)
    stats[fname]["farmers_drawn"] = len(farmers)
    men_by_place = defaultdict(list)
    for p in P:
        if p.sex == "M" and 1960 <= p.birth.year <= 2000:
            for _, a in p.addr:
                if a and a["place"] in COTTON:
                    men_by_place[point_of[a["place"]]].append(p)
                    break
    hired = {}
    loads = []
    for fm in farmers:
        for y in range(2014, 2025):
            d0 = D(y, 10, 1)
            if not fm.alive(d0):
                continue
            a = fm.addr_at(d0)
            if a is None or a["place"] not in COTTON or not (25 <= age(fm.birth, d0) <= 78):
                continue
            if fm.sex == "F":
                sp = pop.by.get(fm.marriages[0][1]) if fm.marriages else None
                if sp is None or sp.alive(d0):
                    continue
            if rng.random() >= 0.55:
                continue
            nl = rng.choices([1, 2, 3, 4, 5], weights=[45, 30, 15, 7, 3])[0]
            for _ in range(nl):
                t = dt.datetime.combine(rdate(rng, D(y, 9, 8), D(y, 11, 28)), dt.time(rng.randint(7, 18),
                                                                                       rng.randint(0, 59),
                                                                                       rng.randint(0, 59)))
                al = fm.addr_at(t.date())
                if al is None or al["place"] not in COTTON or not fm.alive(t.date()):
                    continue
                loads.append((t, fm, point_of[al["place"]]))
    loads.sort(key=lambda x: (x[0], x[1].pid))
    cols = ["KvitansiyaID", "Sana", "Mavsum", "Qabul_punkti", "Fermer_xojaligi", "Familiyasi", "Ismi",
            "Otasining_ismi", "Tugilgan_sana", "JSHSHIR", "Pasport_raqami", "Manzil", "Telefon", "Haydovchi_FISH",
            "Haydovchi_tel", "Avto_raqami", "Brutto_kg", "Tara_kg", "Netto_kg", "Namlik_foiz", "Iflos_foiz", "Nav",
            "Narxi_tenge", "Summa_tenge", "Tarozibon"]
    lines = [",".join(cols)]
    kid = 10000 + rng.randint(0, 500)
    reg_addr = {}
    plate = {}
    farm_name = {}
    rid = 0
    for t, fm, pt in loads:
        d = t.date()
        clerk = clerks[(d.year, pt)]
        ch = clerk["apo"]
        kid += rng.randint(1, 4)
        rid += 1
        pre_doc = fm.kandas and d < fm.iin_from
        if pre_doc:
            s, f, pa = doc_name(fm, pop)
            stats[fname]["kandas_doc_name_rows"] += 1
        else:
            if fm.grp == "kaz":
                sc = clerk["src"] if clerk["src"] == "kk" else "uzl_ru"
                s = surname_form(fm, d, "uzl" if sc == "kk" else "uzl_ru")
                f = first_form(fm.first, fm.grp, "uzl" if sc == "kk" else "uzl_ru")
                r = rng.random()
                if fm.patr_kz:
                    pa = patr_form(fm, "uzl", "kz")
                elif r < 0.15:
                    pa = patr_form(fm, "uzl", "kz_apart")
                else:
                    pa = patr_form(fm, "uzl", "ru")
            elif fm.grp == "uzb":
                nat = rng.random() < 0.85
                s = surname_form(fm, d, "uzl" if nat else "uzl_ru")
                f = first_form(fm.first, fm.grp, "uzl" if nat else "uzl_ru")
                pa = patr_form(fm, "uzl", "uz") if rng.random() < 0.75 else patr_form(fm, "uzl", "ru")
                if fm.dim:
                    f = f + ("jon" if fm.sex == "M" else "xon")
            else:
                s = surname_form(fm, d, "uzl_ru")
                f = first_form(fm.first, fm.grp, "uzl_ru")
                pa = patr_form(fm, "uzl", None)
        s, f = F.name(s), F.name(f)
        if rng.random() < 0.15:
            pa = None
        s, f, pa = apos(s, ch), apos(f, ch), apos(pa, ch)
        b = None if rng.random() < 0.18 else F.birth(fm.birth)
        if fm.kandas and fm.kandas.get("bunk") and pre_doc:
            b = None
        iin = None
        if not pre_doc and rng.random() >= (0.25 if d.year < 2018 else 0.10):
            iin = F.iin(fm.iin)
        a_now = fm.addr_at(d)
        ra = reg_addr.get(fm.pid)
        if ra is None or (ra[0] != a_now and rng.random() < 0.4):
            reg_addr[fm.pid] = ra = (a_now, addr_uzl(a_now, d, rng))
        elif ra[0] != a_now:
            stats[fname]["stale_address_rows"] += 1
        adr = apos(ra[1], ch)
        ph = fm.phone_at(d)
        if ph and len(fm.phones) > 1 and rng.random() < 0.35:
            ph = fm.phones[0][1]
        tel = None if (ph is None or rng.random() < 0.10) else phone_fmt(ph, rng.choice([0, 1, 3]))
        if fm.pid not in farm_name:
            ff = first_form(fm.first, fm.grp, "uzl")
            farm_name[fm.pid] = rng.choice([f'"{ff}" F/X', f"{ff} F/X", f"{to_uzl(fm.sn[0][1].ru)} YaTT",
                                            f'"{ff}-Agro" MChJ'])
        # driver
        drv = None
        if rng.random() < 0.70:
            sons = [pop.by[c] for c in fm.children if pop.by[c].sex == "M" and pop.by[c].alive(d)
                    and age(pop.by[c].birth, d) >= 19 and pop.by[c].in_region(d)]
            r = rng.random()
            if r < 0.12:
                drv = fm
            elif sons and r < 0.67:
                drv = sons[0] if len(sons) == 1 else sons[rng.randrange(len(sons))]
            else:
                if fm.pid not in hired:
                    cands = [m for m in men_by_place[pt] if m is not fm and m.pid not in fm.children]
                    hired[fm.pid] = cands[rng.randrange(len(cands))] if cands else None
                drv = hired[fm.pid]
                if drv is not None and not (drv.alive(d) and drv.in_region(d) and age(drv.birth, d) >= 19):
                    drv = None
        dname = dtel = None
        if drv is not None:
            if drv.kandas and d < drv.iin_from:
                ds, df, dp = doc_name(drv, pop)
            else:
                nat = drv.grp == "uzb" or clerk["src"] == "kk"
                ds = surname_form(drv, d, "uzl" if nat else "uzl_ru")
                df = first_form(drv.first, drv.grp, "uzl" if nat else "uzl_ru")
                dp = patr_form(drv, "uzl", "uz" if drv.grp == "uzb" and rng.random() < 0.7 else None)
            ds, df = F.name(ds), F.name(df)
            r = rng.random()
            if r < 0.45 and dp:
                dname = f"{ds} {df} {dp}"
            elif r < 0.80:
                dname = f"{ds} {df[0]}." + (f"{dp[0]}." if dp else "")
            else:
                dname = f"{df} {ds}"
            dname = apos(dname, ch)
            if drv is fm:
                stats[fname]["driver_is_farmer"] += 1
            dph = drv.phone_at(d)
            dtel = phone_fmt(dph, rng.choice([0, 1, 3])) if dph and rng.random() < 0.8 else None
            if drv.pid not in plate:
                plate[drv.pid] = f"{rng.randint(100, 999)} {''.join(rng.choice('ABCDEHKMOPTXZ') for _ in range(3))} 13"
        brutto = rng.randint(4200, 14500)
        tara = rng.randint(2500, 4100)
        netto = brutto - tara
        price = rng.choice([180, 190, 200, 210, 230, 250, 270, 300, 320, 350]) + 10 * (d.year - 2014)
        vals = [str(kid), t.strftime("%Y-%m-%d %H:%M:%S.000"), str(d.year), pt, farm_name[fm.pid], s, f, pa,
                (b.strftime("%Y-%m-%d") + " 00:00:00.000") if b else None, iin, fm.idcard, adr, tel, dname, dtel,
                plate.get(drv.pid) if drv is not None else None, str(brutto), str(tara), str(netto),
                f"{rng.uniform(7, 14):.1f}", f"{rng.uniform(1, 6):.1f}", rng.choice(["I", "II", "II", "III", "IV"]),
                str(price), str(price * netto), weighers[(d.year, pt)]]
        vals = ["NULL" if v is None or v == "" else v for v in vals]
        assert not any("," in v for v in vals), vals
        lines.append(",".join(vals))
        truth.add(fname, str(rid), fm.pid, d)
        stats[fname]["rows"] += 1
        if drv is not None:
            truth.add(fname, f"{rid}#2", drv.pid, d)
            stats[fname]["driver_records"] += 1
    with open(os.path.join(out, fname), "w", encoding="utf-8", newline="") as fh:
        fh.write("\r\n".join(lines) + "\r\n")


# ----------------------------------------------------------------------------------------------------------------
# 2. livestock markets' sale certificates (xlsx, abbreviated Kazakh role headers, numpad-comma dates)
# ----------------------------------------------------------------------------------------------------------------

MARKETS = {"Түркістан мал базары": ["turk", "kent", "shol", "shay", "shau", "temi", "arys"],
           "Ақсукент мал базары": ["aksu", "sair", "karab", "mank", "leng", "kazy", "rysk"],
           "Жетісай мал базары": ["zhet", "asyk", "myrz", "atak", "shar"],
           "Сарыағаш мал базары": ["sary", "zhib", "abai"]}


def f2_market(pop, rng, out, truth, stats):
    import openpyxl
    fname = "mal_bazary.xlsx"
    F = Faults(rng, stats, fname)
    P = pop.persons
    mk_of = {pl: m for m, pls in MARKETS.items() for pl in pls}
    sellers = []
    dealers = []
    for p in P:
        if p.sex != "M" and not (p.sex == "F" and p.birth.year < 1965):
            continue
        villager = any(a and PL[a["place"]]["kind"] == "village" for _, a in p.addr)
        if p.sex == "M" and villager and p.birth.year <= 1994 and rng.random() < 0.24:
            sellers.append(p)
        elif p.sex == "F" and villager and rng.random() < 0.04:
            sellers.append(p)
        if p.sex == "M" and 1962 <= p.birth.year <= 1996 and rng.random() < 0.018:
            dealers.append(p)
    men = [p for p in P if p.sex == "M" and 1945 <= p.birth.year <= 2002]
    sales = []
    for s in sellers:
        for y in range(2015, 2025):
            if rng.random() >= 0.38:
                continue
            for _ in range(rng.choices([1, 2, 3], weights=[65, 27, 8])[0]):
                d = rdate(rng, D(y, 1, 10), D(y, 12, 20))
                if not s.alive(d) or not (22 <= age(s.birth, d) <= 82) or d < s.iin_from:
                    continue
                a = s.addr_at(d)
                if a is None:
                    continue
                mk = mk_of[a["place"]]
                # buyer
                buyer = None
                for _t in range(8):
                    if rng.random() < 0.25 and dealers:
                        c = dealers[rng.randrange(len(dealers))]
                    else:
                        c = men[rng.randrange(len(men))]
                    if c is not s and c.alive(d) and c.in_region(d) and age(c.birth, d) >= 20 and d >= c.iin_from:
                        buyer = c
                        break
                if buyer is None:
                    continue
                sales.append((d, mk, s, buyer))
    sales.sort(key=lambda x: (x[0], x[2].pid, x[3].pid))
    # clerks per market and year: Uzbek Cyrillic at Aksukent for Uzbeks; numpad-comma dates for one clerk of two
    clerk = {(m, y): {"kk": rng.random() < 0.6, "numpad": rng.random() < 0.4, "uzc": m.startswith("Ақсукент")}
             for m in MARKETS for y in range(2015, 2025)}
    vets = {m: [f"{rng.choice(['Оспанов', 'Тұрсынов', 'Қалдыбаев', 'Юсупов', 'Әбдіқадыров'])} "
                f"{rng.choice('АБДЕҚМНСТ')}.{rng.choice('АБЕКМНОС')}." for _ in range(3)] for m in MARKETS}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Анықтамалар"
    cols = ["Р/с", "Анықтама №", "Күні", "Базар", "Мал түрі", "Басы", "Сырға №", "Сат. Т.А.Ә.", "Сат. ЖСН",
            "Сат. т.к.", "Сат. мекенж.", "Сат. тел.", "Алуш. Т.А.Ә.", "Алуш. ЖСН", "Алуш. т.к.", "Алуш. мекенж.",
            "Алуш. тел.", "Бағасы, тг", "Вет. анықтама №", "Вет. дәрігер"]
    ws.append(cols)
    nums = Counter()

    def person_cells(p, d, cl, role):
        if cl["uzc"] and p.grp == "uzb" and rng.random() < 0.7:
            script = "uzc"
            pstyle = "uz"
            stats[fname]["uzbek_cyrillic_names"] += 1
        elif p.grp == "kaz" and cl["kk"]:
            script, pstyle = "kk", None
        else:
            script, pstyle = "ru", None
        s = F.name(surname_form(p, d, script))
        f = F.name(first_form(p.first, p.grp, script))
        if p.dim and script == "uzc":
            f = f + ("жон" if p.sex == "M" else "хон")
        pa = patr_form(p, script, pstyle)
        if p.grp == "kaz" and not p.patr_kz and script == "kk" and rng.random() < 0.25:
            pa = patr_form(p, "kk", "kz_apart")
        r = rng.random()
        if r < 0.25 or not pa:
            nm = f"{s} {f}"
        elif r < 0.35:
            nm = f"{s} {f[0]}.{pa[0]}."
        else:
            nm = f"{s} {f} {pa}"
        if age(p.birth, d) >= 60 and rng.random() < 0.10:
            nm += " " + ({"uzc": rng.choice(["ота", "ака"]), "kk": "ата"}.get(script, "ата") if p.sex == "M"
                         else {"uzc": "опа", "kk": "апа"}.get(script, "апа"))
            stats[fname]["honorific"] += 1
        if rng.random() < 0.08:
            nm = nm.upper()
        iin = F.iin(p.iin) if rng.random() < (0.85 if role == 1 else 0.78) else None
        bd = None
        if rng.random() < 0.85:
            b = F.birth(p.birth)
            if cl["numpad"] and rng.random() < 0.8:
                bd = f"{b.day:02d},{b.month:02d},{b.year}"
                stats[fname]["numpad_comma_dates"] += 1
            else:
                bd = dt.datetime(b.year, b.month, b.day)
        a = p.addr_at(d)
        ad = addr_kk(a, d, rng) if (script == "kk" or (script == "uzc" and rng.random() < 0.5)) else addr_ru(a, d, rng)
        ph = p.phone_at(d)
        tel = phone_fmt(ph, rng.choice([0, 4, 5])) if ph and rng.random() < 0.85 else None
        return [nm, iin, bd, ad, tel]

    rid = 0
    for d, mk, s, b in sales:
        cl = clerk[(mk, d.year)]
        nums[(mk, d.year)] += 1
        rid += 1
        code = {"Түркістан мал базары": "ТҮР", "Ақсукент мал базары": "АҚС", "Жетісай мал базары": "ЖЕТ",
                "Сарыағаш мал базары": "САР"}[mk]
        kind = rng.choices(["ірі қара", "қой", "ешкі", "жылқы"], weights=[40, 40, 10, 10])[0]
        heads = 1 if kind in ("ірі қара", "жылқы") else rng.randint(1, 12)
        price = heads * {"ірі қара": 380000, "қой": 55000, "ешкі": 35000, "жылқы": 520000}[kind] * \
            (1 + 0.08 * (d.year - 2015)) * rng.uniform(0.8, 1.25)
        row = [rid, f"{code}-{d.year}-{nums[(mk, d.year)]:04d}", dt.datetime(d.year, d.month, d.day), mk, kind, heads,
               "KZ" + "".join(str(rng.randrange(10)) for _ in range(10))]
        row += person_cells(s, d, cl, 1)
        row += person_cells(b, d, cl, 2)
        row += [int(round(price, -3)), f"№ {rng.randint(100000, 999999)}", vets[mk][d.year % 3]]
        ws.append(row)
        truth.add(fname, str(rid), s.pid, d)
        truth.add(fname, f"{rid}#2", b.pid, d)
        stats[fname]["rows"] += 1
        if b in dealers:
            stats[fname]["dealer_rows"] += 1
    for r in ws.iter_rows(min_row=2, min_col=3, max_col=3):
        for c in r:
            c.number_format = "DD.MM.YYYY"
    for col in (10, 15):
        for r in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            for c in r:
                if isinstance(c.value, dt.datetime):
                    c.number_format = "DD.MM.YYYY"
    ws.freeze_panes = "A2"
    save_xlsx(wb, os.path.join(out, fname))


# ----------------------------------------------------------------------------------------------------------------
# 3. border checkpoints' electronic queue (Elasticsearch _search response)
# ----------------------------------------------------------------------------------------------------------------


CP_CODE = {"Жибек жолы": "zhz", "Казыгурт": "kzg", "Атамекен": "atm", "Капланбек": "kpb"}


def es_id(rng):
    al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return "".join(rng.choice(al) for _ in range(20))


def f3_border(pop, rng, out, truth, stats):
    fname = "shekara_kezek.json"
    F = Faults(rng, stats, fname)
    P = pop.persons
    drivers = [p for p in P if p.sex == "M" and 1958 <= p.birth.year <= 2000 and rng.random() < 0.085]
    stats[fname]["drivers_drawn"] = len(drivers)
    habit = {}
    trips = []
    for dr in drivers:
        hb = rng.random()
        habit[dr.pid] = ("cyr" if hb < 0.4 else "inf" if hb < 0.7 else "given_first" if hb < 0.9 else "uzl",
                         rng.randint(0, 1))
        intensity = rng.choice([1, 2, 3, 5, 8])
        for y in range(2019, 2025):
            n = sum(1 for _ in range(intensity) if rng.random() < 0.6)
            for _ in range(n):
                d = rdate(rng, D(y, 1, 5) if y > 2019 else D(2019, 3, 1), D(y, 12, 28))
                if d >= D(2020, 3, 20) and d <= D(2020, 8, 31) and rng.random() < 0.7:
                    continue
                if not dr.alive(d) or not (23 <= age(dr.birth, d) <= 64) or d < dr.iin_from:
                    continue
                a = dr.addr_at(d)
                if a is None and rng.random() < 0.5:
                    continue
                trips.append((d, dr))
    trips.sort(key=lambda x: (x[0], x[1].pid))
    colleagues = defaultdict(list)
    for dr in drivers:
        colleagues[rng.randrange(12)].append(dr)
    team = {dr.pid: k for k, lst in colleagues.items() for dr in lst}
    hits = []
    rid = 0

    def name_of(p, d, how, habit1, ocr):
        if ocr:
            s = surname_form(p, d, "icao")
            f = first_form(p.first, p.grp, "icao")
            return f"{F.name(s)} {F.name(f)}"
        if how == "cyr":
            sc = "kk" if p.grp == "kaz" and rng.random() < 0.4 else "ru"
            s, f = surname_form(p, d, sc), first_form(p.first, p.grp, sc)
            pa = patr_form(p, sc) if rng.random() < 0.5 else ""
            return " ".join(x for x in (F.name(s), F.name(f), pa) if x)
        if how == "uzl" and p.grp == "uzb":
            return f"{F.name(first_form(p.first, p.grp, 'uzl'))} {F.name(surname_form(p, d, 'uzl'))}"
        sc = "inf1" if habit1 else "inf0"
        s, f = F.name(surname_form(p, d, sc)), F.name(first_form(p.first, p.grp, sc))
        if how == "given_first":
            return f"{f} {s}"
        return f"{s} {f}"

    carriers = [("ТОО \"Сарыагаш Транс Логистик\"", "120540011237"), ("ТОО \"Южный Экспресс-Т\"", "090440022418"),
                ("ИП \"Жибек Жолы Карго\"", "150640033519"), ("ТОО \"Turkistan Trans Group\"", "180740015126"),
                ("ТОО \"Мактаарал Агро Экспорт\"", "110240027733")]
    for d, dr in trips:
        rid += 1
        slot = dt.datetime.combine(d, dt.time(rng.choice([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]), 0))
        created = slot - dt.timedelta(hours=rng.randint(6, 70), minutes=rng.randint(0, 59))
        ocr = rng.random() < 0.5
        how, h1 = habit[dr.pid]
        drv = {"full_name": name_of(dr, d, how, h1, ocr),
               "birth_date": F.birth(dr.birth).isoformat() if rng.random() < 0.95 else None,
               "iin": F.iin(dr.iin) if rng.random() < 0.92 else None,
               "document": {"type": "ID_CARD" if dr.idcard[0] == "0" else "PASSPORT", "number": dr.idcard},
               "phone": ("+7" + dr.phone_at(d)[1:]) if dr.phone_at(d) else None,
               "citizenship": "KAZ"}
        second = None
        if rng.random() < 0.22:
            pool = [c for c in colleagues[team[dr.pid]] if c is not dr and c.alive(d) and 23 <= age(c.birth, d) <= 64
                    and d >= c.iin_from]
            sons = [pop.by[c] for c in dr.children if pop.by[c].sex == "M" and pop.by[c].alive(d)
                    and age(pop.by[c].birth, d) >= 21 and d >= pop.by[c].iin_from]
            cand = sons if (sons and rng.random() < 0.3) else pool
            if cand:
                sd = cand[rng.randrange(len(cand))]
                h2 = habit.get(sd.pid, ("inf", 0))
                second = {"full_name": name_of(sd, d, h2[0], h2[1], ocr),
                          "birth_date": F.birth(sd.birth).isoformat() if rng.random() < 0.9 else None,
                          "iin": F.iin(sd.iin) if rng.random() < 0.85 else None,
                          "document": {"type": "ID_CARD" if sd.idcard[0] == "0" else "PASSPORT",
                                       "number": sd.idcard},
                          "phone": ("+7" + sd.phone_at(d)[1:]) if sd.phone_at(d) and rng.random() < 0.6 else None,
                          "citizenship": "KAZ"}
                truth.add(fname, f"{rid}#2", sd.pid, d)
                stats[fname]["second_driver_records"] += 1
        cp = rng.choices(["Жибек жолы", "Казыгурт", "Атамекен", "Капланбек"], weights=[55, 20, 15, 10])[0]
        car = carriers[int(dr.pid[1:]) % 5]
        src = {"booking": {"number": f"KZ-{d.year}-{rng.randint(100000, 999999)}",
                           "checkpoint": cp, "direction": rng.choice(["EXIT", "ENTRY"]),
                           "slot_start": slot.strftime("%Y-%m-%dT%H:%M:%S+05:00"),
                           "created_at": created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}+05:00"},
               "driver": drv,
               "second_driver": second,
               "vehicle": {"plate": f"{int(dr.pid[1:]) % 900 + 100}{'ABCDEHKMPTX'[int(dr.pid[1:]) % 11]}"
                                    f"{'ABEKMNOPT'[int(dr.pid[2:]) % 9]}{'ABCDE'[int(dr.pid[3:]) % 5]}13",
                           "brand": ["MAN", "Volvo", "DAF", "Mercedes-Benz", "Scania", "КамАЗ"][int(dr.pid[1:]) % 6],
                           "trailer": True},
               "carrier": {"bin": car[1], "name": car[0]},
               "cargo": rng.choice(["плодоовощная продукция", "хлопок-волокно", "строительные материалы",
                                    "мука", "сборный груз", "порожний"]),
               "status": rng.choices(["PASSED", "CANCELLED", "NO_SHOW"], weights=[85, 10, 5])[0],
               "operator": f"op_{CP_CODE[cp]}_{rng.randint(1, 12):02d}"}
        ts = int(dt.datetime.combine(d, slot.time()).replace(tzinfo=dt.timezone(dt.timedelta(hours=5))).timestamp() * 1000)
        hits.append({"_index": f"kezek-bookings-{d.year}", "_id": es_id(rng), "_score": None, "_source": src,
                     "sort": [ts]})
        truth.add(fname, str(rid), dr.pid, d)
        stats[fname]["hits"] += 1
        if ocr:
            stats[fname]["ocr_names"] += 1
    doc = {"took": 87, "timed_out": False,
           "_shards": {"total": 6, "successful": 6, "skipped": 0, "failed": 0},
           "hits": {"total": {"value": len(hits), "relation": "eq"}, "max_score": None, "hits": hits}}
    with open(os.path.join(out, fname), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


# ----------------------------------------------------------------------------------------------------------------
# 4. kandas register (Parquet: decimal IIN, int32 yyyymmdd births with 00 parts, int64 phone)
# ----------------------------------------------------------------------------------------------------------------


def f4_kandas(pop, rng, out, truth, stats):
    import pyarrow as pa
    import pyarrow.parquet as pq
    fname = "qandas_tizimi.parquet"
    F = Faults(rng, stats, fname)
    P = pop.persons
    apps = []
    for p in P:
        k = p.kandas
        if not k or not k["abroad"]:
            continue
        arr = k["arrival"]
        a_arr = age(p.birth, arr)
        widow = p.sex == "F" and p.marriages and pop.by[p.marriages[0][1]].death is not None and \
            pop.by[p.marriages[0][1]].death < arr + dt.timedelta(days=900)
        single = not p.marriages or not any(e is None or e > arr for _, _, e in p.marriages)
        if a_arr < 18 or not (p.sex == "M" or widow or (single and a_arr >= 20)):
            continue
        n = rng.choices([1, 2, 3, 4, 5], weights=[15, 30, 30, 15, 10])[0]
        ds = [rdate(rng, arr + dt.timedelta(days=10), arr + dt.timedelta(days=55))]
        ds += sorted(rdate(rng, arr + dt.timedelta(days=70), min(END, arr + dt.timedelta(days=1400)))
                     for _ in range(n - 1))
        for d in ds:
            if p.alive(d) and p.in_region(d):
                apps.append((d, p))
    apps.sort(key=lambda x: (x[0], x[1].pid))
    meas = ["квотаға енгізу", "көшу субсидиясы", "тұрғын үй жалдау өтемақысы", "жұмысқа орналастыру",
            "кәсіпкерлікке грант", "тілді оқыту курсы"]
    country = {"UZ": "Өзбекстан", "CN": "Қытай", "TM": "Түрікменстан", "MN": "Моңғолия"}
    inspectors = ["Сапарова Г.Қ.", "Әлімбетов Н.", "Юсупова Д.А.", "Тұрлыбекова А."]
    cols = defaultdict(list)
    rid = 0
    for d, p in apps:
        rid += 1
        k = p.kandas
        documented = d >= p.iin_from
        s, f, pt = doc_name(p, pop)
        up = rng.random() < 0.5
        cols["otinish_nomiri"].append(f"Q-{d.year}-{rid:05d}")
        cols["otinish_kuni"].append(d)
        m = meas[0] if d < k["arrival"] + dt.timedelta(days=60) else rng.choice(meas[1:])
        cols["shara_turi"].append(m)
        cols["tegi_qujat"].append(F.name(s.upper() if up else s))
        cols["aty_qujat"].append(F.name(f.upper() if up else f))
        cols["akesinin_aty_qujat"].append((pt.upper() if up else pt) or None)
        if documented:
            cols["tegi"].append(F.name(surname_form(p, d, "kk")))
            cols["aty"].append(F.name(first_form(p.first, p.grp, "kk")))
            cols["akesinin_aty"].append(patr_form(p, "kk", "kz" if rng.random() < 0.6 else "ru"))
        else:
            cols["tegi"].append(None)
            cols["aty"].append(None)
            cols["akesinin_aty"].append(None)
        cols["zhynysy"].append("ер" if p.sex == "M" else "әйел")
        b = F.birth(p.birth)
        if k.get("bunk") == "month":
            bi = b.year * 10000 + b.month * 100
            stats[fname]["birth_year_month_only"] += 1
        elif k.get("bunk") == "year":
            bi = b.year * 10000
            stats[fname]["birth_year_only"] += 1
        else:
            bi = b.year * 10000 + b.month * 100 + b.day
        cols["tugan_kuni"].append(bi)
        cols["zhsn"].append(Decimal(int(F.iin(p.iin))) if documented and rng.random() < 0.95 else None)
        cols["kelgen_eli"].append(country[k["origin"]])
        cols["kelgen_kuni"].append(k["arrival"])
        a = p.addr_at(d)
        cols["mekenzhaiy"].append(addr_kk(a, d, rng, region=False))
        ph = p.phone_at(d)
        cols["telefon"].append(int(ph) if ph and rng.random() < 0.9 else None)
        sp = None
        for md, spid, end in p.marriages:
            if md <= d and (end is None or end > d):
                c = pop.by[spid]
                if c.alive(d):
                    sp = c
        if sp is not None and rng.random() < 0.9:
            if d >= sp.iin_from or not sp.kandas:
                nm = f"{surname_form(sp, d, 'kk')} {first_form(sp.first, sp.grp, 'kk')}"
                if rng.random() < 0.5:
                    nm += " " + patr_form(sp, "kk", "kz" if rng.random() < 0.5 else "ru")
                spiin = Decimal(int(F.iin(sp.iin))) if rng.random() < 0.85 else None
            else:
                ss, sf, spt = doc_name(sp, pop)
                nm = f"{ss} {sf}" + (f" {spt}" if spt else "")
                nm = nm.upper() if up else nm
                spiin = None
            cols["zhubaiynyn_aty_zhoni"].append(F.name(nm))
            sb = F.birth(sp.birth)
            if sp.kandas and sp.kandas.get("bunk"):
                sbi = sb.year * 10000 + (sb.month * 100 if sp.kandas["bunk"] == "month" else 0)
            else:
                sbi = sb.year * 10000 + sb.month * 100 + sb.day
            cols["zhubaiynyn_tugan_kuni"].append(sbi if rng.random() < 0.92 else None)
            cols["zhubaiynyn_zhsn"].append(spiin)
            truth.add(fname, f"{rid}#2", sp.pid, d)
            stats[fname]["spouse_records"] += 1
        else:
            cols["zhubaiynyn_aty_zhoni"].append(None)
            cols["zhubaiynyn_tugan_kuni"].append(None)
            cols["zhubaiynyn_zhsn"].append(None)
        fam = 1 + (1 if sp else 0) + sum(1 for c in p.children if pop.by[c].in_region(d))
        cols["otbasy_musheleri"].append(fam)
        cols["somasy"].append(Decimal(f"{rng.randint(50, 900) * 1000}.00") if m != meas[0] else None)
        cols["inspektor"].append(inspectors[(d.year + rid) % 4])
        truth.add(fname, str(rid), p.pid, d)
        stats[fname]["rows"] += 1
        if not documented:
            stats[fname]["rows_before_documents"] += 1
    dic = pa.dictionary(pa.int8(), pa.string())
    schema = pa.schema([
        ("otinish_nomiri", pa.string()), ("otinish_kuni", pa.date32()), ("shara_turi", dic),
        ("tegi_qujat", pa.string()), ("aty_qujat", pa.string()), ("akesinin_aty_qujat", pa.string()),
        ("tegi", pa.string()), ("aty", pa.string()), ("akesinin_aty", pa.string()), ("zhynysy", dic),
        ("tugan_kuni", pa.int32()), ("zhsn", pa.decimal128(12, 0)), ("kelgen_eli", dic), ("kelgen_kuni", pa.date32()),
        ("mekenzhaiy", pa.string()), ("telefon", pa.int64()), ("zhubaiynyn_aty_zhoni", pa.string()),
        ("zhubaiynyn_tugan_kuni", pa.int32()), ("zhubaiynyn_zhsn", pa.decimal128(12, 0)),
        ("otbasy_musheleri", pa.int8()), ("somasy", pa.decimal128(12, 2)), ("inspektor", pa.string())])
    arrays = []
    for fld in schema:
        vals = cols[fld.name]
        if pa.types.is_dictionary(fld.type):
            arrays.append(pa.array(vals, type=pa.string()).dictionary_encode().cast(fld.type))
        else:
            arrays.append(pa.array(vals, type=fld.type))
    table = pa.Table.from_arrays(arrays, schema=schema)
    pq.write_table(table, os.path.join(out, fname), compression="snappy")


# ----------------------------------------------------------------------------------------------------------------
# 5. pawnshop tickets (CSV with Excel's `sep=;` line, IIN inside the document's text in the old program)
# ----------------------------------------------------------------------------------------------------------------

BRANCHES = {"Туркестан-1": ["turk"], "Туркестан-2": ["turk", "shol", "shay", "shau"], "Кентау": ["kent"],
            "Сарыагаш": ["sary", "zhib", "abai", "kazy"], "Жетысай": ["zhet", "asyk", "myrz", "atak", "shar"],
            "Ленгер": ["leng", "aksu", "sair", "karab", "mank", "rysk"], "Арысь": ["arys", "temi"]}
OLD_PROGRAM = {"Туркестан-2", "Кентау", "Жетысай"}


def f5_pawn(pop, rng, out, truth, stats):
    fname = "lombard_biletter.csv"
    F = Faults(rng, stats, fname)
    P = pop.persons
    br_of = {pl: b for b, pls in BRANCHES.items() for pl in pls}
    tickets = []
    for p in P:
        if not (1945 <= p.birth.year <= 2003):
            continue
        if rng.random() >= ((0.50 if p.birth.year >= 1985 else 0.40) if p.female else 0.20):
            continue
        n = rng.choices([1, 2, 3, 5, 8, 14], weights=[34, 24, 17, 12, 9, 4])[0]
        for _ in range(n):
            d = rdate(rng, D(2016, 1, 10), D(2024, 12, 20))
            if not p.alive(d) or age(p.birth, d) < 20 or d < p.iin_from:
                continue
            a = p.addr_at(d)
            if a is None:
                continue
            tickets.append((d, br_of[a["place"]], p))
    tickets.sort(key=lambda x: (x[0], x[1], x[2].pid))
    first_addr = {}
    card_sn = {}
    experts = {b: [f"{rng.choice(['Абдуллаева', 'Ким', 'Садыкова', 'Нурматова', 'Оспанова'])} "
                   f"{rng.choice('АГДЗЛМНС')}.{rng.choice('АБКМРС')}." for _ in range(2)] for b in BRANCHES}
    cols = ["№ п/п", "Филиал", "№ залогового билета", "Дата выдачи займа", "Залогодатель (Ф.И.О.)",
            "Дата рождения", "ИИН", "Документ, удостоверяющий личность", "Адрес", "Телефон", "Предмет залога",
            "Проба", "Вес, гр.", "Оценка, тенге", "Сумма займа, тенге", "Срок, дней", "Дата выкупа", "Статус",
            "Выкупил по доверенности (Ф.И.О.)", "ИИН доверенного лица", "Товаровед-оценщик"]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(cols)
    cnt = Counter()
    rid = 0
    for d, br, p in tickets:
        rid += 1
        cnt[br] += 1
        old = br in OLD_PROGRAM and d < D(2020, 1, 1)
        cur_sn = surname_form(p, d, "ru")
        card = card_sn.get(p.pid)
        if card is None or (card != cur_sn and rng.random() < 0.3):
            card_sn[p.pid] = card = cur_sn
        elif card != cur_sn:
            stats[fname]["client_card_old_surname"] += 1
        s = F.name(card)
        if rng.random() < 0.05 and "-" in s:
            s = s.split("-")[0]
            stats[fname]["double_surname_first_part_only"] += 1
        nm = f"{s} {F.name(first_form(p.first, p.grp, 'ru'))}"
        pa_ = patr_form(p, "ru")
        if pa_ and rng.random() < 0.92:
            nm += " " + pa_
        if rng.random() < 0.6:
            nm = nm.upper()
        b = F.birth(p.birth) if rng.random() < 0.95 else None
        iss = add_years(p.birth, 16) if p.birth.year > 1990 else D(2009, 1, 1)
        while add_years(iss, 10) <= d:
            iss = add_years(iss, 10)
        iss = iss + dt.timedelta(days=(int(p.pid[1:]) * 37) % 300)
        if iss > d:
            iss = d - dt.timedelta(days=40)
        issuer = "МВД РК" if iss < D(2015, 1, 1) else rng.choice(["МВД РК", "МЮ РК"])
        dkind = "Удостоверение личности" if p.idcard[0] == "0" else "Паспорт"
        iin = F.iin(p.iin)
        if old:
            doc = f"{dkind} № {p.idcard} выдано {issuer} {iss.strftime('%d.%m.%Y')}, ИИН {iin}"
            iin_col = ""
            stats[fname]["iin_only_in_document_text"] += 1
        else:
            doc = f"{'Уд. личности' if dkind.startswith('Уд') else 'Паспорт'} № {p.idcard} от {iss.strftime('%d.%m.%Y')} {issuer}"
            iin_col = iin if rng.random() < 0.97 else ""
        fa = first_addr.get(p.pid)
        a_now = p.addr_at(d)
        if fa is None or (fa[0] != a_now and rng.random() < 0.15):
            first_addr[p.pid] = fa = (a_now, addr_ru(a_now, d, rng))
        elif fa[0] != a_now:
            stats[fname]["stale_address_rows"] += 1
        ph = p.phone_at(d)
        item = rng.choice(["кольцо", "серьги", "цепь", "браслет", "кольцо обручальное", "кулон", "серьги с камнем"])
        proba = rng.choice(["585", "585", "583", "750", "375"])
        wt = round(rng.uniform(1.2, 24.0), 2)
        est = int(wt * {"585": 7800, "583": 7700, "750": 10000, "375": 5000}[proba] * (1 + 0.13 * (d.year - 2016)))
        loan = int(est * rng.uniform(0.6, 0.85) / 100) * 100
        term = rng.choice([10, 15, 20, 30, 30, 30, 45, 60])
        st = rng.choices(["выкуплен", "продлён", "реализован"], weights=[78, 14, 8])[0]
        red = d + dt.timedelta(days=rng.randint(2, term)) if st == "выкуплен" else None
        proxy = None
        if st == "выкуплен" and rng.random() < 0.08:
            c = [pop.by[x] for x in ([p.spouse] if p.spouse else []) + p.children if x]
            c = [x for x in c if x.alive(red) and age(x.birth, red) >= 18 and red >= x.iin_from]
            if c:
                proxy = c[rng.randrange(len(c))]
        row = [rid, br, f"{br[:3].upper()}-{cnt[br]:06d}", d.strftime("%d.%m.%Y"), nm,
               b.strftime("%d.%m.%Y") if b else "", "" if old else iin_col, doc, fa[1],
               phone_fmt(ph, 2) if ph and rng.random() < 0.9 else "", item, proba, f"{wt:.2f}".replace(".", ","),
               est, loan, term, red.strftime("%d.%m.%Y") if red else "", st]
        if proxy is not None:
            pn = f"{surname_form(proxy, red, 'ru')} {first_form(proxy.first, proxy.grp, 'ru')} {patr_form(proxy, 'ru')}"
            row += [F.name(pn.strip()), F.iin(proxy.iin) if rng.random() < 0.7 else ""]
            truth.add(fname, f"{rid}#2", proxy.pid, red)
            stats[fname]["proxy_records"] += 1
        else:
            row += ["", ""]
        row.append(experts[br][d.year % 2])
        w.writerow(row)
        truth.add(fname, str(rid), p.pid, d)
        stats[fname]["rows"] += 1
    with open(os.path.join(out, fname), "w", encoding="utf-8", newline="") as fh:
        fh.write("\ufeffsep=;\r\n")
        fh.write(buf.getvalue())


# ----------------------------------------------------------------------------------------------------------------
# 6. notarial inheritance cases (xlsx, one row per heir, the testator repeated; a minor's legal representative)
# ----------------------------------------------------------------------------------------------------------------


def f6_inherit(pop, rng, out, truth, stats):
    import openpyxl
    fname = "murager_isteri.xlsx"
    F = Faults(rng, stats, fname)
    P = pop.persons
    notaries = {"turk": "Байжанова А.С.", "kent": "Оспанов Е.Т.", "sair": "Юсупов Р.А.", "sary": "Кадырова Н.М.",
                "zhet": "Турсынбаев Б.Ж.", "leng": "Ахметова Г.К.", "arys": "Есенов Д.Б."}
    dist_not = {"turk": "turk", "kent": "kent", "sair": "sair", "sary": "sary", "keles": "sary", "kazy": "sary",
                "zhet": "zhet", "makt": "zhet", "shar": "zhet", "tole": "leng", "tulk": "leng", "arys": "arys",
                "orda": "arys", "otyr": "turk", "sozak": "turk", "baid": "turk"}
    cases = []
    for p in P:
        if p.death is None or p.death < D(2011, 6, 1) or p.death < p.iin_from:
            continue
        a = p.addr_at(p.death - dt.timedelta(days=1))
        if a is None:
            continue
        open_d = p.death + dt.timedelta(days=rng.randint(20, 170))
        if open_d > END:
            continue
        heirs = []
        for md, spid, end in p.marriages:
            sp = pop.by[spid]
            if md <= p.death and (end is None or end > p.death) and sp.alive(open_d):
                heirs.append((sp, "супруга" if sp.female else "супруг"))
        for cid in sorted(p.children, key=lambda c: pop.by[c].birth):
            c = pop.by[cid]
            if c.alive(open_d) and c.birth <= p.death:
                heirs.append((c, "дочь" if c.female else "сын"))
        if not heirs:
            for pid in (p.mother, p.fatherp):
                if pid and pop.by[pid].alive(open_d):
                    heirs.append((pop.by[pid], "мать" if pop.by[pid].female else "отец"))
        heirs = [(h, r) for h, r in heirs if open_d >= h.iin_from]
        if not heirs or rng.random() >= 0.85:
            continue
        cases.append((open_d, p, a, heirs))
    cases.sort(key=lambda x: (x[0], x[1].pid))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Реестр наследственных дел"
    cols = ["№", "№ наследственного дела", "Дата открытия дела", "Наследодатель", "ИИН наследодателя",
            "Дата рождения наследодателя", "Дата смерти", "Последнее место жительства", "Наследник",
            "ИИН наследника", "Дата рождения наследника", "Степень родства", "Доля", "Адрес наследника",
            "Телефон наследника", "Законный представитель", "ИИН представителя", "№ свидетельства",
            "Дата выдачи свидетельства", "Нотариус"]
    ws.append(cols)
    rid = 0
    ncase = Counter()
    for open_d, p, a, heirs in cases:
        nk = dist_not[district_at(a["place"], p.death)]
        ncase[(nk, open_d.year)] += 1
        case_no = f"{ncase[(nk, open_d.year)]}/{open_d.year}"
        up = rng.random() < 0.5
        tn = f"{surname_form(p, p.death, 'ru')} {first_form(p.first, p.grp, 'ru')}"
        if p.grp == "kaz" and rng.random() < 0.3:
            tn += " " + patr_form(p, "ru", "kz_apart")
        else:
            tn += " " + patr_form(p, "ru")
        tn = F.name(tn.strip())
        tn = tn.upper() if up else tn
        t_iin = F.iin(p.iin) if rng.random() < 0.95 else None
        tb = F.birth(p.birth) if rng.random() < 0.9 else None
        t_addr = addr_ru(a, p.death, rng)
        cert_d = p.death + dt.timedelta(days=rng.randint(183, 420))
        share = f"1/{len(heirs)}"
        for h, rel in heirs:
            rid += 1
            hs = surname_form(h, open_d, "ru")
            born_sn = h.sn[0][1].form("ru", h.female)
            if born_sn != hs and rng.random() < 0.5:
                hs = f"{hs} (до брака {born_sn})" if rng.random() < 0.6 else f"{hs} (урожд. {born_sn})"
                stats[fname]["former_surname_in_brackets"] += 1
            hn = f"{hs} {first_form(h.first, h.grp, 'ru')} {patr_form(h, 'ru')}"
            hn = F.name(hn.strip())
            minor = age(h.birth, open_d) < 18
            rep = None
            if minor:
                for md, spid, end in p.marriages:
                    if pop.by[spid].alive(open_d) and pop.by[spid].pid in (h.mother, h.fatherp):
                        rep = pop.by[spid]
            h_iin = F.iin(h.iin) if rng.random() < 0.9 else None
            if minor and rep is not None and rng.random() < 0.1:
                h_iin = rep.iin
                stats[fname]["minor_with_representative_iin"] += 1
            ha = h.addr_at(open_d)
            hph = h.phone_at(open_d)
            row = [rid, case_no, dt.datetime.combine(open_d, dt.time()), tn, t_iin,
                   dt.datetime.combine(tb, dt.time()) if tb else None, dt.datetime.combine(p.death, dt.time()),
                   t_addr, hn, h_iin,
                   dt.datetime.combine(F.birth(h.birth), dt.time()) if rng.random() < 0.75 else None, rel, share,
                   addr_ru(ha, open_d, rng) if ha else ("Российская Федерация" if rng.random() < 0.3 else None),
                   phone_fmt(hph, rng.choice([0, 2])) if hph and rng.random() < 0.8 else None]
            if rep is not None:
                rn = f"{surname_form(rep, open_d, 'ru')} {first_form(rep.first, rep.grp, 'ru')} {patr_form(rep, 'ru')}"
                row += [F.name(rn.strip()), F.iin(rep.iin) if rng.random() < 0.9 else None]
            else:
                row += [None, None]
            issued = cert_d <= END and rng.random() < 0.9
            row += [f"{rng.randint(1, 999)}" if issued else None,
                    dt.datetime.combine(cert_d, dt.time()) if issued else None, notaries[nk]]
            ws.append(row)
            truth.add(fname, str(rid), p.pid, p.death - dt.timedelta(days=1))
            truth.add(fname, f"{rid}#2", h.pid, open_d)
            stats[fname]["rows"] += 1
            if rep is not None:
                truth.add(fname, f"{rid}#3", rep.pid, open_d)
                stats[fname]["representative_records"] += 1
        stats[fname]["cases"] += 1
    for col in (3, 6, 7, 11, 19):
        for r in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            for c in r:
                if isinstance(c.value, dt.datetime):
                    c.number_format = "DD.MM.YYYY"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:T{ws.max_row}"
    save_xlsx(wb, os.path.join(out, fname))


# ----------------------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--persons", type=int, default=5000)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    pop = Pop(random.Random(rng.randrange(2 ** 62)), args.persons)
    pop.build()
    truth = Truth()
    stats = defaultdict(Counter)
    f1_cotton(pop, random.Random(rng.randrange(2 ** 62)), args.out, truth, stats)
    f2_market(pop, random.Random(rng.randrange(2 ** 62)), args.out, truth, stats)
    f3_border(pop, random.Random(rng.randrange(2 ** 62)), args.out, truth, stats)
    f4_kandas(pop, random.Random(rng.randrange(2 ** 62)), args.out, truth, stats)
    f5_pawn(pop, random.Random(rng.randrange(2 ** 62)), args.out, truth, stats)
    f6_inherit(pop, random.Random(rng.randrange(2 ** 62)), args.out, truth, stats)
    with open(os.path.join(args.out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "record_id", "person_id"])
        for r in truth.rows:
            w.writerow(r)
    per_file = Counter(r[0] for r in truth.rows)
    persons_in = {r[2] for r in truth.rows}
    files_of = defaultdict(set)
    for f, _, pid in truth.rows:
        files_of[pid].add(f)
    by_pid = Counter(r[2] for r in truth.rows)
    # what the records span: surnames, homes, scripts
    seen_sn = defaultdict(set)
    seen_addr = defaultdict(set)
    for (f, _, pid), d in zip(truth.rows, truth.dates):
        p = pop.by[pid]
        e = p.sn_at(d)
        seen_sn[pid].add((e[1].ru, e[2].ru if e[2] else None))
        a = p.addr_at(d)
        seen_addr[pid].add(None if a is None else (a["place"], a["street"], a["mkr"], a["house"], a["flat"]))
    grp_in = Counter(pop.by[pid].grp for pid in persons_in)
    span = {"persons_written_under_two_or_more_surnames": sum(1 for v in seen_sn.values() if len(v) >= 2),
            "persons_written_at_two_or_more_homes": sum(1 for v in seen_addr.values() if len(v) >= 2),
            "persons_in_extracts_by_group": dict(sorted(grp_in.items())),
            "kandas_in_extracts": sum(1 for pid in persons_in if pop.by[pid].kandas and pop.by[pid].kandas["abroad"]),
            "kandas_written_before_their_documents": sum(
                1 for pid in {r[2] for r, d in zip(truth.rows, truth.dates)
                              if pop.by[r[2]].kandas and d is not None and d < pop.by[r[2]].iin_from}),
            "double_surnamed_in_extracts": sum(1 for pid in persons_in if any(e[2] for e in pop.by[pid].sn)),
            "deceased_in_extracts": sum(1 for pid in persons_in if pop.by[pid].death is not None)}
    out = {"seed": args.seed, "population": dict(sorted(pop.stats.items())),
           "records": len(truth.rows), "records_per_file": dict(sorted(per_file.items())),
           "persons_in_extracts": len(persons_in),
           "persons_in_two_or_more_files": sum(1 for v in files_of.values() if len(v) >= 2),
           "true_pairs": sum(c * (c - 1) // 2 for c in by_pid.values()),
           "spans": span,
           "faults": {k: dict(sorted(v.items())) for k, v in sorted(stats.items())}}
    with open(os.path.join(args.out, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1, sort_keys=False)
        fh.write("\n")
    print(json.dumps({"records": out["records"], "per_file": out["records_per_file"],
                      "persons_in_extracts": out["persons_in_extracts"]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
