"""Questions in plain Kazakh, Russian or English, answered without an LLM: the question is matched word by word
onto the semantic layer (what to count or average, which filters, which grouping), compiled to one SQL query,
run through the gateway like any other query (so the answer is a protected aggregate, audited), and returned
with the SQL and a chart. Every word must be understood: a question with a word the layer does not know, or
with no clear subject, is declined, naming the words; it is never answered with a plausible wrong number.

    answer = ask(gateway, analyst, "Түркістан облысында төрт немесе одан көп баласы бар қанша отбасы жәрдемақы "
                                   "алмайды?")
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, TypeVar

from ukimet.apps.charts import pyplot, save
from ukimet.core.errors import NotFound, Refused, UkimetError
from ukimet.core.languages import LANGUAGES
from ukimet.core.scripts import russian_from_latin
from ukimet.gateway.api import Gateway
from ukimet.gateway.private_aggregate import release_least
from ukimet.gateway.rewrite import User
from ukimet.model.kazakh import stem_variants
from ukimet.model.semantic import (
    MAX_SUFFIX,
    Item,
    Layer,
    Phrase,
    default_layer,
    finite_verb,
    fold,
    imperative,
    in_dictionary,
    lemma,
    typed_words,
    word_matches,
    words,
)

NUMBERS = {
    "kk": {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
           "біреу": 1, "екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7, "сегізеу": 8},
    "ru": {"один": 1, "одна": 1, "одно": 1, "одного": 1, "одним": 1, "одной": 1, "одном": 1, "одну": 1, "два": 2,
           "две": 2, "двух": 2, "двумя": 2,
           "двое": 2, "три": 3,
           "трех": 3, "тремя": 3, "трое": 3, "четыре": 4, "четырех": 4, "четырьмя": 4, "четверо": 4, "пять": 5,
           "пяти": 5, "пятью": 5, "пятеро": 5, "шесть": 6, "шести": 6, "шестью": 6, "семь": 7, "семи": 7,
           "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10},
}
ORDINALS = {
    "kk": {"бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "i": 1, "iv": 4},
    "ru": {"первой": 1, "первая": 1, "первую": 1, "первого": 1, "первом": 1, "первое": 1, "первый": 1,
           "второй": 2, "вторая": 2, "вторую": 2, "второго": 2, "втором": 2, "второе": 2,
           "третьей": 3, "третья": 3, "третью": 3, "третьего": 3, "третьем": 3, "третий": 3,
           "четвертом": 4, "четвертый": 4, "i": 1, "iv": 4},
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4},
}
"""ordinals and Roman numerals, read as a number only of a disability group (первой группы, бірінші топтағы, group
II): of anything else (the first half of a year) they are no count. II and III are read before the words are
folded (arabic_groups): folded, each would be the one letter of I."""
SIGNS = [(">=", ">="), ("≥", ">="), ("<=", "<="), ("≤", "<="), (">", ">"), ("<", "<")]
"""signs typed before a number, in any language: > 100 000, ≤ 3"""
COMPARATORS = {  # words around a number: (words, operator, applies before or after the number)
    "kk": [*SIGNS, ("немесе одан да көп", ">="), ("және одан да көп", ">="), ("немесе одан көп", ">="),
           ("және одан көп", ">="), ("не одан да көп", ">="), ("және одан жоғары", ">="),
           ("және одан үлкен", ">="), ("не одан көп", ">="), ("немесе одан артық", ">="), ("не одан артық", ">="),
           ("және одан артық", ">="), ("кемінде", ">="), ("жастан асқан", ">"), ("жастан жоғары", ">"),
           ("жастан үлкен", ">"), ("жасқа дейінгі", "<"), ("жастан кіші", "<"), ("жасқа толмаған", "<"),
           ("толмаған", "<"), ("жасқа толған", ">="), ("толған", ">="), ("жасқа дейін", "<"), ("дейін", "<"),
           ("асқан", ">"), ("асатын", ">"), ("аспайтын", "<="), ("астам", ">"), ("асты", ">"), ("асады", ">"),
           ("дейінгі", "<"), ("кіші", "<"), ("+", ">="), ("көп", ">"), ("артық", ">"), ("аз", "<"), ("кем", "<"),
           ("төмен", "<"), ("жоғары", ">")],
    "ru": [*SIGNS, ("хотя бы", ">="), ("и более", ">="), ("или более", ">="), ("и больше", ">="), ("или больше", ">="),
           ("и старше", ">="),
           ("не менее", ">="), ("не меньше", ">="), ("как минимум", ">="), ("от", ">="), ("более", ">"),
           ("больше", ">"), ("старше", ">"), ("свыше", ">"), ("младше", "<"), ("моложе", "<"), ("менее", "<"),
           ("меньше", "<"), ("до", "<"), ("выше", ">"), ("ниже", "<"), ("+", ">="), ("исполнилось", ">="),
           ("превышает", ">"), ("превышают", ">"), ("превысили", ">"), ("превысила", ">"), ("превысил", ">"),
           ("превышающие", ">"), ("превышающих", ">"), ("превышающей", ">")],
    "en": [*SIGNS, ("or more", ">="), ("and more", ">="), ("or older", ">="), ("and older", ">="), ("and over", ">="),
           ("or over", ">="), ("at least", ">="), ("+", ">="), ("more than", ">"), ("older than", ">"),
           ("over", ">"), ("above", ">"), ("younger than", "<"), ("under", "<"), ("less than", "<"),
           ("fewer than", "<"), ("below", "<"), ("exceeded", ">"), ("exceeds", ">"), ("exceeding", ">"),
           ("exceed", ">"), ("larger than", ">"), ("bigger than", ">"), ("greater than", ">"), ("higher than", ">"),
           ("smaller than", "<"), ("lower than", "<")],
}
NOUNS = {  # what the number counts
    "children": {"kk": ["баласы", "балалы", "бала", "балалары"], "ru": ["детьми", "детей", "дети", "ребенка",
                                                                         "ребенком", "детях"],
                 "en": ["children", "child", "kids"]},
    "age": {"kk": ["жастан", "жасқа", "жастағы", "жаста", "жас", "жасар"], "ru": ["лет", "года", "год"],
            "en": ["years old", "year old", "years", "year", "aged", "old"]},
    "amount": {"kk": ["теңге", "теңгеден", "теңгеге", "теңгеге дейін", "тг", "сомасы", "сомасымен"],
               "ru": ["тенге", "тг", "тнг", "сумму", "суммой"],
               "en": ["tenge", "kzt"]},
    "group": {"kk": ["тобы", "топтағы", "тобындағы"], "ru": ["группы", "группа", "групп", "группой"],
              "en": ["group", "groups"]},
    "rooms": {"kk": ["бөлмелі", "бөлме", "бөлмесі"], "ru": ["комнат", "комнатами", "комнаты", "комнатных", "комнатные"],
              "en": ["rooms", "room", "bedrooms"]},
    "area": {"kk": ["шаршы", "метр", "метрден", "метрге", "ауданы", "м2", "м²"],
             "ru": ["квадратных", "квадратного", "метров", "метра", "кв", "площадью", "м2", "м²"],
             "en": ["square", "metres", "meters", "metre", "meter", "sqm", "m2", "m²"]},
    "vehicles": {"kk": ["көлігі", "көлік", "автокөлігі", "автокөлік", "машинасы", "машина"],
                 "ru": ["автомобилей", "автомобиля", "автомобилями", "автомобиль", "машин", "машины", "машина",
                        "транспортных средств"],
                 "en": ["vehicles", "vehicle", "cars", "car"]},
    "income": {"kk": ["табысы", "табыс", "табысымен"], "ru": ["доходом", "доход", "дохода"], "en": ["income"]},
    "wage": {"kk": ["жалақысы", "жалақы", "жалақымен", "жалақысымен", "айлығы", "айлықпен"],
             "ru": ["зарплатой", "зарплата", "зарплату", "зарплаты", "зарплатами", "заработной", "заработная", "зп"],
             "en": ["wage", "wages", "salary", "salaries", "earning", "earnings", "earn"]},
    "debt": {"kk": ["қарызы", "қарыз", "берешегі", "берешек"],
             "ru": ["долг", "долгом", "долга", "долги", "долгами", "задолженность", "задолженностью",
                    "задолженности"],
             "en": ["debt", "debts", "arrears", "owe", "owes", "owing"]},
    "members": {"kk": ["мүшесі", "мүшелері", "мүшелі", "мүшеден", "адамнан", "адамдық", "адамы", "адам"],
                "ru": ["членов", "члена", "членами", "человек", "человека", "жильцов", "жильца", "жильцами"],
                "en": ["members", "member", "people", "persons", "residents", "occupants"]},
}
NUMERIC = {"children": (("families", "households"), "children_under_18"), "age": (("persons", "payments"), "age"),
           "income": (("families",), "income_per_person"), "wage": (("persons",), "monthly_wage"),
           "amount": (("payments",), "amount"), "group": (("persons",), "disability_group"),
           "members": (("families", "households", "dwellings"), "members"),
           "rooms": (("dwellings", "families"), "rooms"),
           "area": (("dwellings",), "area_m2"),
           "vehicles": (("persons", "families"), "vehicles"), "debt": (("families", "persons"), "utility_debt")}
"""what a number counts -> the entities that have it (the first when nothing else says which), and its column"""
AMOUNT_OWNERS = ("wage", "debt")
"""what an amount of tenge said beside it is (a wage, else a debt), not a payment's amount"""
COLUMN_OF = {("children", "households"): "children", ("members", "dwellings"): "residents"}
"""where an entity names the column of what a number counts otherwise (a household's members under 18)"""
LARGEST = {"group": 3, "rooms": 20, "vehicles": 20}
"""the largest value a number of this kind can take (disability groups 1-3): a larger one is read as nothing"""
MULTIPLIERS = {"kk": {"мың": 1000, "млн": 1_000_000, "миллион": 1_000_000, "k": 1000},
               "ru": {"тыс": 1000, "k": 1000, "к": 1000, "тысяч": 1000, "тысячи": 1000, "тысяча": 1000,
                      "млн": 1_000_000, "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000},
               "en": {"thousand": 1000, "k": 1000, "mln": 1_000_000, "million": 1_000_000}}
"""words that multiply the number before them (100 тыс, 2 млн, 50k)"""
PER = {"kk": ("әр",), "ru": ("на", "в"), "en": ("per", "a")}
"""words before "one" that make it a rate's divisor (на одного человека, per one person), not a count"""
PER_PERSON = {"kk": ["жан басына шаққандағы", "жан басына", "бір адамға шаққандағы", "бір адамға",
                     "отбасы мүшесіне шаққандағы", "бір отбасы мүшесіне", "отбасы мүшесіне", "мүшесіне шаққандағы"],
              "ru": ["на одного члена семьи", "на члена семьи", "на одного человека", "на человека",
                     "на душу населения", "на душу"],
              "en": ["per family member", "per household member", "per person", "per capita", "per head",
                     "per member"]}
"""the words that make income the income per person (before it in Kazakh, after it in Russian and English): a
number is read as a limit of income only with them, the mart holding the income per person; beside the word
for income they say what the mart's income is, and change nothing (``_income_per_person``)"""
INCOME_GAP = 2
"""words that may stand between the word for income and its "per person" (доходе семей на одного члена, отбасы
мүшесіне шаққандағы орташа табыс)"""
SMALLEST_AMOUNT = 1000
"""a number at least this large, with nothing else it could count, is an amount of money (больше 100 тыс)"""
OLDEST = 120
"""the oldest age a bare range (men 40-50) may be read as"""
MOST_MEMBERS = 30
"""the most members a family's count may be read as: a larger number beside "человек" is money per person"""
MOST_CHILDREN = 12
"""the most children a family's count may be read as (the privacy bounds' too): "children under 18" is an age"""
AGE_COMPARATORS = {"kk": ["жастан асқан", "жастан жоғары", "жастан үлкен", "жасқа дейінгі", "жастан кіші",
                          "жасқа толмаған", "жасы"],
                   "ru": ["старше", "младше", "моложе", "возрасте", "возрастом"],
                   "en": ["older than", "younger than", "aged", "age"]}
"""comparators that say the number is an age even without a word for years"""
RANKING = {  # words that order the groups of an answer: the most first ("desc"), the fewest first ("asc"), or a
    # ranking without a side (most first); the words that name how many (top 3) are read beside them
    "desc": {"kk": ["ең көп", "ең жоғары", "ең үлкен", "ең ірі", "ең мол", "көш басында", "кему ретімен",
                    "кемуі бойынша", "алда тұр", "алда тұрған", "алда тұрады"],
             "ru": ["больше всего", "больше других", "наибольшее", "наибольшая", "наибольший", "наибольшим",
                    "наибольшей", "самый высокий", "самая высокая", "самое высокое", "самым высоким", "самой высокой",
                    "самое большое", "самым большим", "самая большая", "самый большой", "максимальное",
                    "максимальная", "максимальный", "максимальным", "лидирует", "лидеры", "лидер", "выше всего",
                    "в порядке убывания", "по убыванию", "от наибольшего к наименьшему", "самая старая",
                    "самый старый"],
             "en": ["the most", "most", "the highest", "highest", "the largest", "largest", "the biggest", "biggest",
                    "the greatest", "greatest", "maximum", "leads", "in descending order", "descending",
                    "highest first", "the oldest", "oldest", "the best", "best"]},
    "asc": {"kk": ["ең аз", "ең төмен", "ең кіші", "ең аз мөлшері", "өсу ретімен", "өсуі бойынша"],
            "ru": ["меньше всего", "меньше других", "наименьшее", "наименьшая", "наименьший", "наименьшим",
                   "наименьшей", "самый низкий", "самая низкая", "самое низкое", "самым низким", "самой низкой",
                   "самое маленькое", "самым маленьким", "минимальное", "минимальная", "минимальный",
                   "минимальным", "ниже всего", "в порядке возрастания", "по возрастанию",
                   "от наименьшего к наибольшему", "самая молодая", "самый молодой"],
            "en": ["the fewest", "fewest", "the least", "least", "the lowest", "lowest", "the smallest", "smallest",
                   "minimum", "bottom", "in ascending order", "ascending", "lowest first"]},
    "rank": {"kk": ["рейтингке қойыңыз", "рейтингін", "рейтингі", "рейтинг", "ретімен", "сұрыптап"],
             "ru": ["рейтинг", "ранжируйте", "ранжировать", "упорядочьте", "отсортируйте", "расположите",
                    "расставьте"],
             "en": ["rank", "ranking", "ranked", "sorted", "sort", "in order", "arrange", "order"]},
}
TOP = {"kk": ["алғашқы", "алдыңғы", "үздік", "топ", "көш бастаған", "көш бастайтын"],
       "ru": ["топ", "первые", "первых", "первая", "первую", "первой", "лучшие", "лучших", "ведущие", "ведущих"],
       "en": ["top", "first", "leading"]}
"""words before the number of groups wanted (top 3, первые пять, алғашқы үш)"""
BOTTOM = {"kk": ["соңғы"], "ru": ["последние", "последних", "худшие", "худших"],
          "en": ["bottom", "lowest", "last", "worst"]}
"""words before the number of groups wanted from the fewest (bottom 3, последние пять, соңғы үш)"""
PLACE_WHICH = {"kk": ["қайда"], "ru": ["где"], "en": ["where"]}
"""the words of WHICH that ask for a place: ranked, they ask for the region"""
WHICH = {"kk": ["қай", "қандай", "қайсысында", "қайсысы", "қайсында", "қайда", "қайсы"],
         "ru": ["каком", "какой", "какая", "какие", "каких", "какого", "какому", "где"],
         "en": ["which", "where", "what"]}
"""the question word that asks for the one group first in the order (which region has the most ...)"""
REGION_NOUNS = {"kk": ["облыс", "өңір", "аймақ", "өңірлер", "облыстар", "аймақтар"],
                "ru": ["регион", "област", "регионы", "регионов", "обл"],
                "en": ["region", "regions", "oblast", "oblasts"]}
"""a word for region, which a ranking splits by when it names no other split"""
GREETING = {"kk": ["қайырлы күн", "қайырлы таң", "қайырлы кеш", "құрметті әріптестер", "құрметті әріптес",
                   "сәлеметсіз бе", "сәлем"],
            "ru": ["добрый день", "доброе утро", "добрый вечер", "уважаемые коллеги", "уважаемый коллега",
                   "здравствуйте", "привет", "коллеги"],
            "en": ["good morning", "good afternoon", "good day", "dear colleagues", "dear colleague", "hello", "hi",
                   "hey there", "hey"]}
"""how a chat or a letter greets before it asks"""
VERSUS = frozenset({"vs", "versus"})
"""words that only ever set groups side by side, never bound a number (0-17, Astana vs Almaty city)"""
COMPARE = {"kk": ["салыстыр", "көбірек", "азырақ", "қайсысында", "қайсында", "қайсысы", "vs", "ерекшелен"],
           "ru": ["сравн", "сопостав", "больше", "меньше", "большая", "большую", "большей", "меньшая", "меньшую",
                  "отдельно", "vs", "отлича", "различа"],
           "en": ["compar", "more", "fewer", "less", "versus", "vs", "larger", "greater", "bigger", "higher", "smaller",
                  "lower", "separately", "differ"]}
"""words that ask to set named groups side by side (Shymkent or Almaty, men and women): read only away from a
number (больше 3 детей is a condition, not a comparison)"""
MORE_OR_FEWER = {"kk": ["көп", "аз", "көбі", "азы"], "ru": [], "en": []}
"""words after a Kazakh comparison word that say which way it compares (қайсысында көп)"""
YEAR = re.compile(r"(19|20)\d\d")
"""a year as a question writes it: not a number a comparison word could be a condition on (больше 3 детей)"""
PAID = {"kk": ["төленген", "төленді"], "ru": ["выплачена", "выплачен", "выплачены", "выплачено"],
        "en": ["paid", "disbursed"]}
"""the participle "paid", which says nothing more when the sum paid is what is asked (and is no sum without it:
"АӘК ең көп төленген өңір" may mean the count of payments or their sum, and is declined)"""
RANK_LINKS = {"kk": ["бойынша", "арасында"], "ru": ["по", "среди"], "en": ["by", "among"]}
"""words that join a ranking to what it orders by (top regions by wage): read only beside a ranking"""
SHARE = {"kk": ["пайыздық үлесі", "пайыздық үлес", "қанша пайызы", "неше пайызы", "үлесі", "үлесін", "үлесіне",
                "үлес", "пайызы", "пайызын", "пайыз", "қанша процент", "процент", "процентпен"],
         "ru": ["удельный вес", "процентное соотношение", "какой процент", "сколько процентов", "какая часть",
                "доля", "долю", "доли", "доле", "долей", "процент", "процента", "процентов", "проценты", "часть"],
         "en": ["what share", "what percentage", "what proportion", "what fraction", "share", "percentage",
                "percent", "proportion", "fraction", "pct"]}
"""words that ask for a share of a whole in per cent (доля многодетных семей, the share of families in crisis)"""
KK_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
"""the Kazakh genitive endings (whose: отбасылардың)"""
AMONG = {"kk": ["арасындағы", "арасында", "ішіндегі", "ішінде", "халқындағы", "тұрғындарындағы"],
         "ru": ["среди", "из", "численности"], "en": ["among"]}
"""words that name the whole a share is of: after them in Russian and English (среди женщин, among women), before
them in Kazakh (әйелдер арасында)"""
RANGE = {"kk": {"before": [], "between": ["бен", "мен", "пен", "ден", "дан", "тен", "тан", "нен", "нан", "немесе",
                                      "не", "және", "жастан", "\u2012"],
                 "after": ["аралығындағы", "аралығында", "аралығы", "арасындағы", "арасында", "дейінгі", "дейін", "ге",
                           "ке", "ға", "қа", "жас", "жастағы", "жасқа", "аралығындағылар", "арасындағылар"]},
         "ru": {"before": ["от", "с", "со", "между", "в возрасте от", "в возрасте"],
                "between": ["до", "и", "или", "по", "\u2012"], "after": []},
         "en": {"before": ["between", "from", "aged", "ages"], "between": ["to", "and", "or", "through", "\u2012"],
                "after": []}}
"""words of a range of two numbers (от 18 до 30, between 18 and 30, 18 бен 30 аралығындағы, 2 or 3 children): before
the first, between the two (a dash is no word: 18-30 is two numbers side by side) and, in Kazakh, after the second"""
SIZE_OF = {"kk": [], "ru": ["из"], "en": ["of"]}
"""words of "among" that before a number say what something consists of (из 1 человека, of 5 members)"""
HOW_MANY = {"kk": ["қанша", "неше"], "ru": ["сколько"], "en": ["how many"]}
"""the words that ask for a count: said twice (how many men and how many women), each group is its own row"""
ELLIPSIS_LINKS = {"kk": ["және", "мен", "бен", "пен", "немесе", "әлде", "не"],
                  "ru": ["и", "или", "а", "с", "со", "против", "у", "которые", "которых", "кто", "их", "тех", "теми",
                         "те", "семей", "семьями", "семьи", "людей", "лиц"],
                  "en": ["and", "or", "with", "vs", "versus", "against", "to", "those", "ones", "that", "who",
                         "which", "do", "does", "did", "families", "people", "persons", "households"]}
"""words that may stand between a filter and a "not" that repeats it elided (receive benefits and those that do not;
получающих пособия, и у семей, которые их не получают; алатын және алмайтын)"""
ELLIPSIS_VERBS = {"kk": [], "ru": ["получают", "получает", "имеют", "имеет", "учатся", "работают", "являются"],
                  "en": ["do", "does", "receive", "receives", "get", "gets", "have", "has", "are", "is"]}
"""verbs a "not" may keep when the filter it repeats is elided (которые их не получают, that do not receive)"""
ELLIPSIS_JOINS = {"kk": [], "ru": ["а", "с", "со", "против"], "en": ["with", "vs", "versus", "against"]}
"""words besides "and" and "or" that set the filter and its elided opposite side by side"""


NEITHER_PARTICLES = frozenset({"да", "де", "та", "те", "da", "de", "ta", "te"})
"""the Kazakh particle "too" (X да, Y да жоқ: neither X nor Y): a "жоқ" after it negates each filter it follows"""
HAVING = frozenset({"with", "has", "have", "having", "с", "со", "есть", "имеют", "имеющих", "имеющие", "имеется",
                    "бар", "барлар"})
"""words of a filter's phrase that say the thing is had (with central heating, с отоплением, жылуы бар): said after
a negated one and "or", such a filter is had, not lacking as the negation said once would make it"""
NEGATION = {"kk": {"before": [], "after": ["басқа", "емес", "жоқ", "қоспағанда", "есептемегенде", "есепке алмағанда"]},
            "ru": {"before": ["за исключением", "без учета", "исключая", "кроме", "не считая", "не учитывая", "не",
                              "без", "нет"], "after": []},
            "en": {"before": ["other than", "except for", "excluding", "except", "outside", "not counting",
                              "without counting", "leaving out", "not", "non", "without",
                              "with no", "have no", "has no", "no", "don t", "doesn t", "do not", "does not", "dont",
                              "doesnt", "didn t", "didnt", "did not"], "after": []}}
"""words that turn the filter beside them into its opposite: before it (не в школе, excluding pensioners, кроме
Алматы) or, in Kazakh, after it (зейнеткерлерден басқа, мүгедек емес)"""
MONTHS = {"kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
                 "қараша", "желтоқсан"],
          "ru": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                 "ноябрь", "декабрь"],
          "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                 "november", "december"]}
"""month names, January first (Russian matched by their dictionary form, Kazakh with any case ending)"""
MONTH_RANGE = {"kk": ["айларында", "айлары", "айларындағы", "аралығында", "бастап", "дейін"],
               "ru": ["с", "по", "до", "от", "период", "месяцы"], "en": ["from", "to", "through", "until", "between"]}
"""words around a range of months (с января по март, from January to March, қаңтар-наурыз айларында)"""
MONTHS_BETWEEN = frozenset({"araliginda", "araligindagi", "between", "между"})
"""words that make two months joined by "and" a range (наурыз бен маусым аралығында, between March and June), folded"""
SINCE = {"kk": {"before": [], "after": ["жылдан бастап", "жылдан бері", "бастап", "бері",
                                      *(f"{ending} {word}" for ending in ("дан", "ден", "тан", "тен", "нан", "нен")
                                        for word in ("бастап", "бері"))]},
         "ru": {"before": ["начиная с", "начиная со", "с", "со", "since"], "after": []},
         "en": {"before": ["since", "starting from", "starting in", "from"], "after": ["onwards", "onward", "and later",
                                                                               "or later"]}}
"""words that make a year the start of a period running on (since 2020, 2020-дан бері: the Kazakh ending written
apart from the digits); "from" and "с" only where no "to" follows (с 2020 по 2023 is no such period)"""
AFTER = {"kk": {"before": [], "after": ["жылдан кейін", "жылдан соң", "кейін", "соң",
                                      *(f"{ending} {word}" for ending in ("дан", "ден", "тан", "тен", "нан", "нен")
                                        for word in ("кейін", "соң"))]},
         "ru": {"before": ["после"], "after": []}, "en": {"before": ["after"], "after": []}}
"""words that make a year the last one before a period running on (after 2015, 2015 жылдан кейін, после 2015
года): the period starts the next year"""
BEFORE = {"kk": {"before": [], "after": ["жылға дейінгі", "жылға дейін", "дейінгі", "дейін", "жылдан бұрын",
                                       "жылдан ерте", "бұрын",
                                       *(f"{ending} {word}" for ending in ("ға", "ге", "қа", "ке")
                                         for word in ("дейін", "дейінгі"))]},
          "ru": {"before": ["до", "ранее", "раньше", "прежде"], "after": []},
          "en": {"before": ["before", "prior to", "earlier than"], "after": []}}
"""words that make a year the first one after a period (before 2000, до 2000 года, 2000 жылға дейін): the period
ends the year before it; never where a range's first year was said (с 2015 до 2020 is a range)"""
RANGE_OPENING = {"kk": [], "ru": ["с", "со", "между", "от"], "en": ["between", "from"]}
"""words before the first year of a range (between 2010 and 2019, с 2015 по 2020)"""
UNTIL = {"kk": ["дейін", "аралығында", "\u2012"], "ru": ["по", "до", "\u2012"],
         "en": ["to", "until", "till", "through", "\u2012"]}
"""words that close a period a "from" opened"""
YEAR_WORDS = {"kk": ["жылы", "жылғы", "жылдың", "жыл", "жылдар", "жылдары", "жылдардағы"],
              "ru": ["году", "года", "год", "г", "гг", "за", "годы", "годов", "годах"],
              "en": ["during", "year", "for"]}
"""words around a year (2025 жылы, в 2025 году, during 2025)"""
DECADE = {"kk": ["жылдары", "жылдардағы", "жылдарда", "жылдарында", "жылдардың", "жылдардан"],
          "ru": ["е", "х", "ые", "ых", "ее", "ие", "их", "x"], "en": ["s"]}
"""what follows a year ending in 0 that makes it a decade (the 1980s, 1980-х годах, 1980 жылдары)"""
OR = {"kk": ["немесе", "әлде", "не болмаса", "не"], "ru": ["или", "либо", "или же"], "en": ["or", "and/or"]}
"""words that join two filters as alternatives (без газа или без воды: a family lacking either), not both at once"""
OR_SAID = {"kk": "немесе", "ru": "или", "en": "or"}
EXACTLY = {"kk": ["дәл", "тура"], "ru": ["ровно", "точно"], "en": ["exactly"]}
"""words before a number that make it exact, whatever comparison follows (дәл 18 жасқа толған: 18, not 18 and over)"""
TOTAL = {"kk": ["барлығы", "жалпы", "барлық"], "ru": ["всего", "общая", "общий", "итого", "суммарно"],
         "en": ["total", "totals", "overall", "altogether"]}
"""words that ask for a total: with "paid" (Total TSA paid in 2025), the sum paid"""
BOTH = {"kk": ["бір мезгілде", "бір уақытта", "әрі", "бірақ"], "ru": ["одновременно", "сразу", "но при этом",
                                                                   "и при этом", "при этом", "однако"],
        "en": ["both", "at the same time", "simultaneously", "who are also", "all together", "all at once",
               "but still", "yet still"]}
"""words that make two groups joined by "and" the people in both (одновременно пенсионеры и инвалиды; зейнетақы
алатын, бірақ әлі де жұмыс істейтін: receiving a pension but still working)"""
TOGETHER = {"kk": ["бірге", "қосқанда", "жиынтығы"], "ru": ["вместе", "в сумме", "суммарно", "вместе взятых"],
            "en": ["together", "combined", "taken together"]}
"""words that make two groups joined by "and" one group of both (пенсионеров и инвалидов вместе: either), where
without them "and" is both at once (families with a debt and no heating)"""
NOT_HELD = {"kk": ["жұмыссыздық бойынша жәрдемақы", "жұмыссыздық жөніндегі жәрдемақы", "жұмыссыздық жәрдемақы",
                    "жұмыссыздар жәрдемақы"],
            "ru": ["пособие по безработице", "пособия по безработице", "пособий по безработице",
                   "пособием по безработице", "выплаты по безработице", "выплат по безработице"],
            "en": ["unemployment benefit", "unemployment allowance", "unemployment insurance", "jobseeker's allowance",
                   "jobseekers allowance"]}
"""payments said by a kind the data does not hold (unemployment benefit is paid by the social insurance fund, not
among the state allowances here): declined naming the kinds held, never read as job seekers receiving any benefit"""
AND = {"kk": ["және", "мен", "бен", "пен", "да", "де", "та", "те"], "ru": ["и", "а также", "также", "а"],
       "en": ["and", "nor", "as well as"]}
"""words that list values side by side: a negation said once holds for the whole list (кроме Алматы и Астаны,
excluding Shymkent and Turkistan Region, Алматы мен Астанадан басқа)"""
TREND = {"month": {"kk": ["айлар бойынша", "ай бойынша", "ай сайын", "айға бөліп", "айлық динамикасы",
                          "айлық серпіні", "айлар бөлінісінде", "ай бөлінісінде", "айлар бөлінісі"],
                   "ru": ["в разбивке по месяцам", "в разрезе месяцев", "по месяцам", "помесячно", "ежемесячно",
                          "каждый месяц", "за каждый месяц",
                          "по месяцу", "месяц за месяцем"],
                   "en": ["month by month", "by month", "by months", "per month", "each month", "every month",
                          "month on month", "monthly"]},
         "year": {"kk": ["жылдар бойынша", "жыл бойынша", "жыл сайын", "әр жылы", "жылға бөліп", "жылдар бөлінісінде",
                         "жыл бөлінісінде", "жылдар бөлінісі"],
                  "ru": ["в разбивке по годам", "в разрезе лет", "по годам", "ежегодно", "по году", "год за годом",
                         "в каждом году", "каждый год", "за каждый год"],
                  "en": ["year by year", "by year", "by years", "per year", "each year", "every year", "annually"]},
         "quarter": {"kk": ["тоқсандар бойынша", "тоқсан бойынша", "тоқсан сайын", "тоқсанға бөліп",
                            "тоқсандар бөлінісінде", "тоқсан бөлінісінде"],
                     "ru": ["в разбивке по кварталам", "в разрезе кварталов", "по кварталам", "поквартально",
                            "ежеквартально", "по кварталу", "квартал за кварталом"],
                     "en": ["quarter by quarter", "by quarter", "by quarters", "per quarter", "each quarter",
                            "every quarter", "quarter on quarter", "quarterly"]},
         "trend": {"kk": ["серпіні", "серпінін", "динамикасы", "динамикасын", "өзгеру динамикасы", "қалай өзгерді",
                          "өзгерісі", "өзгеруі"],
                   "ru": ["динамика", "тренд", "тенденция", "как менялось", "как менялась", "как менялись",
                          "как изменялось", "изменение", "менялось", "менялась", "менялись"],
                   "en": ["trend", "trends", "over time", "dynamics", "time series", "how did", "change", "changed",
                          "evolve", "evolved"]}}
"""words that ask how a count or a sum went over time: by month, by year, or a trend that names no step (by month)"""
SHARE_SPLIT = {"kk": [],
               "ru": ["являются", "является", "составляют", "которые", "которых", "это", "находится", "находятся"],
               "en": ["are", "is", "were", "who", "that", "have", "has", "receive", "receives", "live", "lives"]}
"""words after which a share's part follows its whole (what share of women are pensioners; какая доля женщин
являются пенсионерами)"""
VOCABULARIES: dict[str, Mapping[str, Sequence[str]]] = {
                "desc": RANKING["desc"], "asc": RANKING["asc"], "rank": RANKING["rank"], "top": TOP, "bottom": BOTTOM,
                "which": WHICH, "place_which": PLACE_WHICH, "compare": COMPARE, "more_or_fewer": MORE_OR_FEWER,
                "regions": REGION_NOUNS, "greeting": GREETING,
                "links": RANK_LINKS, "paid": PAID,
                "share": SHARE, "among": AMONG, "split": SHARE_SPLIT,
                "range_before": {k: v["before"] for k, v in RANGE.items()},
                "range_between": {k: v["between"] for k, v in RANGE.items()},
                "range_after": {k: v["after"] for k, v in RANGE.items()},
                "years": YEAR_WORDS, "decade": DECADE, "or": OR, "and": AND, "trend_month": TREND["month"],
                "trend_year": TREND["year"], "trend_quarter": TREND["quarter"], "trend": TREND["trend"],
                "month_range": MONTH_RANGE, "until": UNTIL, "range_opening": RANGE_OPENING,
                "since_before": {k: v["before"] for k, v in SINCE.items()},
                "since_after": {k: v["after"] for k, v in SINCE.items()},
                "after_before": {k: v["before"] for k, v in AFTER.items()},
                "after_after": {k: v["after"] for k, v in AFTER.items()},
                "before_before": {k: v["before"] for k, v in BEFORE.items()},
                "before_after": {k: v["after"] for k, v in BEFORE.items()},
                "together": TOGETHER, "not_held": NOT_HELD, "both": BOTH, "total": TOTAL, "per_one": PER,
                "per_person": PER_PERSON, "exactly": EXACTLY,
                "ordinals": {language: list(said) for language, said in ORDINALS.items()},
                "not_before": {k: v["before"] for k, v in NEGATION.items()},
                "ellipsis_links": ELLIPSIS_LINKS, "ellipsis_verbs": ELLIPSIS_VERBS, "how_many": HOW_MANY,
                "not_after": {k: v["after"] for k, v in NEGATION.items()}}


@functools.cache
def _phrases_of(vocabulary: str, language: str, read_as: str | None = None) -> tuple[tuple[str, ...], ...]:
    """A word list of this module folded as a question's words are (a question in ``read_as``, by default the
    list's own language), longest phrase first: made once, not per question or per word."""
    return tuple(sorted((tuple(words(w, read_as or language)) for w in VOCABULARIES[vocabulary][language]), key=len,
                        reverse=True))


OR_IN_ANY_LANGUAGE = ("или", "либо", "or")
"""the words of "or" a question in another language borrows (Shymkent qalasynda ... недвижимостью или машиной)"""


@functools.cache
def _or_words(language: str) -> tuple[tuple[str, ...], ...]:
    """The words that join two filters as alternatives in a question read in ``language``: its own, and those of
    the other languages that mean nothing else (``OR_IN_ANY_LANGUAGE``; not the Kazakh не, a Russian "not")."""
    own = _phrases_of("or", language)
    return own + tuple(w for w in (tuple(words(o, language)) for o in OR_IN_ANY_LANGUAGE) if w and w not in own)


@functools.cache
def _words_of(vocabulary: str, language: str) -> frozenset[str]:
    return frozenset(w for phrase in _phrases_of(vocabulary, language) for w in phrase)


@dataclass
class Parse:
    language: str
    items: list[list[Item]] = field(default_factory=list)
    """each matched span's candidates (the same words may name a filter of persons and one of families)"""
    numeric: list[tuple[str, str, int]] = field(default_factory=list)
    """(what, operator, number)"""
    unknown: list[str] = field(default_factory=list)
    order: str | None = None
    """a ranking: "desc" (the most first) or "asc" (the fewest first)"""
    limit: int | None = None
    """how many groups of the ranking are wanted (top 3; which ... the most: 1)"""
    by_region: bool = False
    """a ranking said "region" and named no other split"""
    compare: bool = False
    """the question asks to compare named groups (compare, where more, Shymkent or Almaty)"""
    positions: list[int] = field(default_factory=list)
    """where each span of ``items`` starts among the question's words"""
    share: int | None = None
    """where the question asks for a share in per cent (доля, үлесі, share), if it does"""
    among: list[int] = field(default_factory=list)
    """where words that name the share's whole stand (среди, арасында, among)"""
    among_end: list[int] = field(default_factory=list)
    """where the whole each of them names ends (Russian and English): at the share's word or the verb after it
    (Какую долю среди получателей пенсии составляют женщины; Among families with children, what percentage are
    single-parent), else at the question's end"""
    genitives: list[int] = field(default_factory=list)
    """in Kazakh, where a word in the genitive stands before a whole's words: what comes before it is the share's
    part (көп балалы отбасылардың | барлық отбасылар ішіндегі үлесі); one right before арасында is the whole's own
    (мүгедектігі бар адамдардың арасында)"""
    split: int | None = None
    """where a share's whole ends and its part begins (what share of women ARE pensioners)"""
    year: int | None = None
    """the year the question asks about (в 2025 году, 2025 жылы, in 2025), if any"""
    month: int | None = None
    total: bool = False
    """the question says "total" (total, всего, барлығы): with "paid", the sum paid"""
    superlative: bool = False
    """the ranking's words ask for the most or the fewest (больше всего, least), not an order of all"""
    month_to: int | None = None
    """the last month of a range of them (с января по март: 1 to 3); None: one month, or none"""
    """its month (1-12), if it names one"""
    period: str = ""
    """the period as the asker wrote it (said back in a decline)"""
    ors: list[int] = field(default_factory=list)
    ands: list[int] = field(default_factory=list)
    """where an "and" joins the question's words (two groups of people joined by it are ambiguous: ``_both``)"""
    both: bool = False
    """the question says "both at once" (одновременно, both, бір мезгілде): an "and" is both, not either"""
    """where words that join two filters as alternatives stand (или, немесе, or)"""
    corrected: list[tuple[str, str]] = field(default_factory=list)
    """words read as the one word of the vocabulary a single letter away (симей: семей), as typed and as read"""
    numeric_at: list[int] = field(default_factory=list)
    """where each of ``numeric``'s conditions was said (a share's whole or part, by where it stands)"""
    numeric_negated: set[int] = field(default_factory=set)
    """the numbers (by their place in ``numeric``) a "not" stands right before: families with no children under
    18"""
    trend: str | None = None
    """the question asks how its number went over time: "month" or "year" """
    trend_said: str = ""
    """the trend's words as the asker wrote them"""
    how_many: int = 0
    """how many times the question asks "how many" (сколько, қанша): once, a count; twice, each group apart"""
    since: bool = False
    """the year starts the period, which runs to the data's end (since 2020, начиная с 2020, 2020 жылдан бастап)"""
    before: bool = False
    """the year ends the period, which holds the years before it (before 2000, до 2000 года, 2000 жылға дейін)"""
    year_to: int | None = None
    """the last year of a range of years (2015-2025, between 2010 and 2019, с 2015 по 2020 год)"""


@dataclass(frozen=True)
class Answer:
    question: str
    language: str
    understood: str
    """what the question was taken to mean, in its language"""
    sql: str | None
    columns: list[str]
    rows: list[tuple[Any, ...]]
    declined: str | None = None
    """why no answer was given (the words not understood, a missing subject ...)"""
    refusal: UkimetError | None = None
    """the gateway's refusal, when that is why (its message said in the reader's language by the surfaces)"""
    suppressed: bool = False
    """the answer's cells are too small to show"""
    audit_seq: int | None = None


def _detect(text: str, layer: Layer) -> str:
    """The language whose words cover the question best (Kazakh letters decide between Kazakh and Russian; an
    English question with a Kazakh word in it, how many отбасы in Astana have a көлік, is English)."""
    if any(ch in text.lower() for ch in "әғқңөұүһі"):  # (a Russian question naming a Kazakh place is read in
        # Russian where Kazakh leaves words unread: ``parse``)
        return "en" if _mostly_latin(text) and _mostly_english(typed_words(text), layer) else "kk"
    scores = {}
    for language in LANGUAGES:
        tokens = words(text, language)
        known = _phrase_words(layer, language, own=True)
        covered = sum(1 for t in tokens if t in layer.stopwords[language] or t.isdecimal() or _known(t, known))
        scores[language] = covered / max(1, len(tokens))
    candidates = ("en", "kk") if _mostly_latin(text) else ("ru", "kk")
    return max(candidates, key=lambda lang: (scores[lang], lang == candidates[0]))


T = TypeVar("T")
_PER_LAYER: dict[tuple[str, int, str], tuple[Layer, Any]] = {}


def _per_layer(what: str, layer: Layer, language: str, make: Callable[[], T]) -> T:
    """``what`` of ``layer`` in ``language``, made by ``make`` once per layer (a layer made anew, even at the same
    address, is made again)."""
    kept = _PER_LAYER.get((what, id(layer), language))
    if kept is None or kept[0] is not layer:
        kept = _PER_LAYER[(what, id(layer), language)] = (layer, make())
    made: T = kept[1]
    return made


def _phrase_words(layer: Layer, language: str, own: bool = False) -> frozenset[str]:
    """Every word of the layer's phrases in ``language`` (for ``_known``), made once per layer; ``own``: only of
    the language's own phrases, not those borrowed from another (what tells the language of a question)."""
    return _per_layer("own words" if own else "phrase words", layer, language, lambda: frozenset(
        w for p in layer.phrases[language] if not (own and p.borrowed) for w in p.words))


def _forms(token: str) -> Iterator[str]:
    """What a word that matches ``token`` (``word_matches``, not anchored) can be: the token itself, or a prefix of
    at least four letters that leaves at most ``MAX_SUFFIX`` letters of ending."""
    yield token
    for n in range(max(4, len(token) - MAX_SUFFIX), len(token)):
        yield token[:n]


def _known(token: str, known: frozenset[str]) -> bool:
    """Whether some word of ``known`` matches ``token`` (``word_matches``), by looking up the forms it could have."""
    return any(form in known for form in _forms(token))


def _known_form(token: str, known: frozenset[str], language: str) -> bool:
    """Whether ``token`` is known as written or in its dictionary form (Russian: работающих as работающий)."""
    return _known(token, known) or _known(lemma(token, language), known)


def _phrase_index(layer: Layer, language: str) -> tuple[dict[str, list[int]], dict[tuple[str, ...], list[Item]]]:
    """The layer's phrases in ``language`` by their first word (their positions in the layer's order), and the
    items each phrase's words name (the strong ones first), made once per layer: a question's words are then
    matched against the few phrases that can start with them, not against every phrase."""
    def make() -> tuple[dict[str, list[int]], dict[tuple[str, ...], list[Item]]]:
        starts: dict[str, list[int]] = {}
        named: dict[tuple[str, ...], list[Item]] = {}
        for position, phrase in enumerate(layer.phrases[language]):
            starts.setdefault(phrase.words[0], []).append(position)
        for phrase in sorted(layer.phrases[language], key=lambda p: p.weak):
            named.setdefault(phrase.words, []).append(phrase.item)
        return starts, named

    return _per_layer("phrase index", layer, language, make)


def _said(tokens: list[str], vocabulary: str, language: str, read_as: str | None = None) -> bool:
    """Whether a phrase of one of this module's word lists in ``language`` stands anywhere in the question (read
    in ``read_as``, by default the same language)."""
    return any(_match_phrase(tokens, j, phrase) for phrase in _phrases_of(vocabulary, language, read_as)
               for j in range(len(tokens)))


def _overtaken(tokens: list[str], dictionary: list[str], at: int, phrase: Phrase, used: set[int], layer: Layer,
               language: str, starts: dict[str, list[int]]) -> bool:
    """Whether the last word of a filter's phrase of several words (starting ``at``) begins another filter's
    phrase that goes on past its end: не получают пособие | пособие многодетным. The later phrase names the
    thing (the large-family allowance), so the earlier one yields, where its other words read on their own as
    fillers or a negation (не, получают)."""
    stop = layer.stopwords[language]
    last, end = at + len(phrase.words) - 1, at + len(phrase.words)
    if last == at or phrase.item.kind != "filter" or not all(
            tokens[k] in stop or dictionary[k] in stop or tokens[k] in _words_of("not_before", language)
            for k in range(at, last)):
        return False
    phrases = layer.phrases[language]
    for position in {*_starting(tokens[last], starts), *_starting(dictionary[last], starts)}:
        words = phrases[position].words
        beyond = set(range(end, last + len(words)))
        if phrases[position].item.kind == "filter" and len(words) >= 2 and beyond and not beyond & used and (
                _match_phrase(tokens, last, words) or _match_phrase(dictionary, last, words)):
            return True
    return False


def _starting(token: str, starts: dict[str, list[int]]) -> list[int]:
    """The positions of the phrases whose first word can match ``token`` (one of its ``_forms``), in order."""
    return sorted(position for form in _forms(token) for position in starts.get(form, ()))


def _numbered_groups(tokens: list[str], phrases: Sequence[Phrase], named: Mapping[tuple[str, ...], list[Item]],
                     used: set[int], result: Parse) -> list[int]:
    """The breakdowns whose words hold a number (по числу детей до 18 лет, by number of children under 18), read
    before numbers are, added to ``result``; where each ends."""
    ends = []
    for phrase in phrases:
        if phrase.item.kind != "group" or not any(w.isdecimal() for w in phrase.words):
            continue
        for i in range(len(tokens) - len(phrase.words) + 1):
            span = set(range(i, i + len(phrase.words)))
            if not span & used and _match_phrase(tokens, i, phrase.words):
                result.items.append(list(dict.fromkeys(named[phrase.words])))
                result.positions.append(i)
                ends.append(i + len(phrase.words))
                used |= span
    return ends


def _numerals_in_phrases(tokens: list[str], phrases: Sequence[Phrase], starts: dict[str, list[int]],
                         language: str, used: set[int]) -> set[int]:
    """The numerals written as words inside a phrase of the vocabulary that stands there whole (ребёнка воспитывает
    один родитель, балаларын бір ата-ана тәрбиелейтін): the phrase's word, left to it rather than read as a count
    of one. A numeral in digits is always a number."""
    held: set[int] = set()
    for j, token in enumerate(tokens):
        for position in _starting(token, starts):
            words = phrases[position].words
            span = set(range(j, j + len(words)))
            if len(words) > 1 and not span & used and _match_phrase(tokens, j, words):
                held |= {k for k in span if not tokens[k].isdecimal() and _number(tokens[k], language) is not None}
    return held


def _match_phrase(tokens: list[str], start: int, phrase: tuple[str, ...]) -> bool:
    return len(phrase) <= len(tokens) - start and all(word_matches(w, tokens[start + i], anchored=i > 0)
                                                      for i, w in enumerate(phrase))


KK_NUMERAL_ENDINGS = ("", "ден", "дан", "тен", "тан", "нен", "нан", "ге", "ке", "ға", "қа", "де", "да", "те", "та")
"""Case endings a Kazakh numeral takes (жетіден, үшке, бесте); nothing else follows it in a count."""


@functools.cache
def _numerals(language: str) -> dict[str, int]:
    """Every written form of the numerals one to ten, folded: Russian and English forms as listed, Kazakh ones with
    their case endings. A number is read only from a whole word of these, never from inside a word (семь in
    семьях, жеті in жетім)."""
    endings = KK_NUMERAL_ENDINGS if language == "kk" else ("",)
    return {**{fold(word, language): value for word, value in ORDINALS[language].items()},
            **{fold(word + ending, language): value for word, value in NUMBERS[language].items()
               for ending in endings}}


def _ordinal(token: str, language: str) -> bool:
    return token in _words_of("ordinals", language) and not token.isdecimal()


def _number(token: str, language: str) -> int | None:
    if token.isdecimal() and token.isascii():
        return int(token)
    return _numerals(language).get(token)


def _ranges(tokens: list[str], language: str, used: set[int]) -> list[tuple[int, int, set[int]]]:
    """Two numbers that make a range (from, to, the words it takes), smaller first: от 18 до 30, between 18 and 30,
    18-30, 18 бен 30 аралығындағы, 2 or 3 (children)."""
    found: list[tuple[int, int, set[int]]] = []
    for i, token in enumerate(tokens):
        low = _number(token, language)
        if low is None or i in used or any(i in taken for _, _, taken in found):
            continue
        for k in range(i + 1, min(len(tokens), i + 4)):
            high = _number(tokens[k], language)
            if high is None or k in used:
                continue
            between = set(range(i + 1, k))
            if not all(tokens[j] in _words_of("range_between", language) for j in between):
                break
            taken = {i, k} | between
            for phrase in _phrases_of("range_before", language):
                start = i - len(phrase)
                if start >= 0 and not set(range(start, i)) & used and _match_phrase(tokens, start, phrase):
                    taken |= set(range(start, i))
                    break
            after = k + 1
            while after < len(tokens) and after not in used and tokens[after] in _words_of("range_after", language) \
                    and after - k <= 3:
                taken.add(after)
                after += 1
            said = bool(between) or len(taken) > 2 or k == i + 1
            if said and low != high:
                found.append((min(low, high), max(low, high), taken))
            break
    return found


def _numeric(tokens: list[str], language: str, used: set[int], at: list[int] | None = None
             ) -> list[tuple[str, str, int]]:
    """Numbers with what they count (children, age) and how they compare, consuming those words; a range (от 18 до
    30) is two of them, ``>=`` its first and ``<=`` its second."""
    found: list[tuple[str, str, int]] = []
    comparators = [(words(w, language), op) for w, op in COMPARATORS[language]]
    nouns = {what: [fold(w, language) for w in forms[language]] for what, forms in NOUNS.items()}
    for low, high, taken in _ranges(tokens, language, used):
        first, last = min(taken), max(taken)
        window = range(max(0, first - 4), min(len(tokens), last + 5))
        near = sorted(((min(abs(j - first), abs(j - last)), name, j) for j in window
                       if j not in used and _number(tokens[j], language) is None
                       for name, forms in nouns.items() if any(word_matches(f, tokens[j]) for f in forms)
                       and (name != "members" or j > last) and (name != "wage" or low >= SMALLEST_AMOUNT)))
        aged = next((set(range(j, j + len(a))) for j in window if j not in used
                     for a in (words(w, language) for w in AGE_COMPARATORS[language])
                     if _match_phrase(tokens, j, tuple(a))), None)  # age 18-62, в возрасте 18-62: its words too
        counted = near[0][1] if near else "age" if aged else None
        money = next((n for n in near if n[1] in ("income", *AMOUNT_OWNERS)), None) if counted == "amount" else None
        if money is not None:  # доход от 50 000 до 100 000 тенге: the tenge are the income's
            taken = taken | {near[0][2]}
            near = [money, *(n for n in near if n is not money)]
            counted = money[1]
        if counted == "children" and high > MOST_CHILDREN:  # children 14-17: their age, not a count
            counted = "age"
        if counted is None and high <= OLDEST:  # men 40-50: a bare range of people's years is their age
            counted = "age"
        elif counted is None and low >= SMALLEST_AMOUNT:  # 50 000 - 100 000: money
            counted = "amount"
        if counted is None or high > LARGEST.get(counted, high):
            continue
        if counted == "income":  # от 50 до 100 тыс на человека: only with the words that say per person
            per = _per_person(tokens, near[0][2], language, used)
            if per is None:
                continue
            taken |= per
        found += [(counted, ">=", low), (counted, "<=", high)]
        if at is not None:
            at += [first, first]
        used |= taken | ({near[0][2]} if near else aged or set())
        if near:  # 30 to 39 years old, 100 000 - 200 000 тенге: every word of the unit, not its first alone
            used |= {j for _, name, j in near if name == near[0][1] and (abs(j - near[0][2]) == 1 or
                                                                          last < j <= last + 2)}
    for i, token in enumerate(tokens):
        value = _number(token, language)
        if value is None or i in used:
            continue
        if value == 1 and not token.isdecimal() and i > 0 and \
                tokens[i - 1] in _words_of("per_one", language):
            continue  # доход на одного члена семьи, per one member: a rate's divisor, not a count of one
        if value == 1 and language == "en" and i > 0 and tokens[i - 1] in CHAT_ONE:
            continue  # quick one, another one: a chat's question, not a count of one
        if value == 1 and language == "kk" and not token.isdecimal() and i + 1 < len(tokens) and \
                tokens[i + 1].startswith(KK_ONE_OF):
            continue  # бір үй шаруашылығы орта есеппен неше адамнан: "a" household, not households of one
        window = range(max(0, i - 4), min(len(tokens), i + 7))
        reach = range(max(0, i - 7), window.stop)  # с доходом на члена семьи меньше 100 тыс: income said further
        ages = [words(w, language) for w in AGE_COMPARATORS[language]]
        age_said = next((j for j in range(max(0, i - 3), i + 2) for a in ages
                         if j not in used and _match_phrase(tokens, j, tuple(a))), None)
        candidates = sorted(((abs(j - i) - (0.5 if j > i else 0), name, j) for j in reach if j != i and j not in used
                             for name, forms in nouns.items() if any(word_matches(f, tokens[j]) for f in forms)
                             and (name != "members" or ((j > i or _members_first(tokens, j, i, language))
                                                        and value <= MOST_MEMBERS))  # 5 человек
                             # (people over 65 is an age; 50 тыс на человека is money)
                             and (name != "wage" or value >= SMALLEST_AMOUNT)  # wage of people over 30: an age
                             and (name in ("income", "debt") or j in window)))
        kids_before = value > MOST_CHILDREN and any(
            j in used and word_matches(f, tokens[j]) for j in range(max(0, i - 3), i - 1)
            for f in nouns.get("children", ())) and \
            any(_match_phrase(tokens, j, tuple(phrase)) for phrase, _ in comparators for j in range(i - 2, i))
        if kids_before and age_said is None:  # 3 kids under 18 without a car: the age of the kids counted before
            # (a count of them read already), not a count of cars
            candidates = []
        if age_said is not None:  # older than, младше, жастан асқан: an age whatever noun is near
            # aged 63 years, 63 жастан асқан: the unit right after it (not "old" of an old-age pension further on)
            after = [(name, j) for _, name, j in candidates if name == "age" and i < j <= i + 2]
            what = after[0] if after else ("age", i)
            used |= {j for _, j in after[1:]}  # older than 65 years old: both words say the age
        elif candidates:
            what = (candidates[0][1], candidates[0][2])
            income = next((j for _, name, j in candidates if name == "income"), None)
            if what[0] == "amount" and income is not None and _per_person(tokens, income, language, used, i):
                used.add(what[1])  # табысы 50 000 теңгеден төмен: the tenge are the income's
                what = ("income", income)
            owner = next(((name, j) for wanted in AMOUNT_OWNERS for _, name, j in candidates if name == wanted), None)
            if what[0] == "amount" and owner is not None:  # зарплата больше 300 000 тенге, долг больше 100 000
                used.add(what[1])  # тенге: the tenge are the wage's, the debt's
                what = owner
            also = [j for _, name, j in candidates if name == what[0] and j != what[1] and abs(j - i) <= 2]
            used |= set(also)  # сомасы 100 000 теңгеден, на сумму свыше 100 000 тенге: both words say an amount
        elif value >= SMALLEST_AMOUNT:  # больше 100 тыс: nothing else could be counted in so many
            what = ("amount", i)
        elif value <= OLDEST and any(_match_phrase(tokens, j, tuple(phrase)) for phrase, _ in comparators
                                     for j in range(max(0, i - len(phrase)), i + 2 + _ending_after(tokens, i, language))
                                     if j != i):
            what = ("age", i)  # people over 65, 65 and older, 70-тен асқан: a bare number compared is an age
            unit = max((len(f.split()) for f in nouns["age"] if i + len(f.split()) < len(tokens) and all(
                word_matches(w, tokens[i + 1 + k]) and i + 1 + k not in used for k, w in enumerate(f.split()))),
                default=0) if kids_before else 0
            if unit:  # с 3 детьми до 18 лет, 2 children under 18 years old: the years of the kids' age, after it
                used |= set(range(i + 1, i + unit))
                what = ("age", i + unit)
        else:
            continue
        operator, taken = "=", {i, what[1]}
        for phrase, op in comparators:
            for j in window:
                span, end = set(range(j, j + len(phrase))), j + len(phrase)
                if language != "kk" and end != i and end < len(tokens) and _number(tokens[end], language) is not None:
                    continue  # "меньше 50 тыс" after "из 5 человек": the comparison of the number it stands before
                if not span & (used | taken) and _match_phrase(tokens, j, tuple(phrase)):
                    operator = op
                    taken |= span
                    break
            if operator != "=":
                break
        if i > 0 and tokens[i - 1] in _words_of("exactly", language):
            operator = "="  # дәл 18 жасқа толған, ровно 16 лет исполнилось: 18, 16
        if age_said is not None:  # "aged 30", в возрасте 30 лет: the word that says it is an age is taken too
            for a in ages:
                if _match_phrase(tokens, age_said, tuple(a)) and not set(range(age_said, age_said + len(a))) & taken:
                    taken |= set(range(age_said, age_said + len(a)))
                    break
        if what[0] == "children" and value > MOST_CHILDREN:  # children under 18: an age, not a count
            what = ("age", what[1])
        if what[0] == "children" and language == "en" and what[1] < i and operator != "=" and not any(
                word_matches(f, tokens[j]) for j in range(i + 1, min(len(tokens), i + 3)) for f in nouns["children"]):
            taken.discard(what[1])  # kids under 5, children over 10: their age (a count is said before the noun),
            what = ("age", i)  # and the noun still says they are children
        if what[0] == "income":  # income per person below 50 000: only with the words that say per person
            per = _per_person(tokens, what[1], language, used, i)
            if per is None:
                continue
            taken |= per
        if value > LARGEST.get(what[0], value) or (_ordinal(token, language) and what[0] != "group"):
            continue  # group 7: no such group; the second child: no count of children
        if what[0] == "amount" and not token.isdecimal() and value < SMALLEST_AMOUNT:
            continue  # бір төлемнің орташа сомасы, одной выплаты: "one" payment, not an amount of one tenge
        if what[0] == "debt":  # коммуналдық берешегі, долг за коммунальные услуги, owe ... for utilities: the debt's
            taken |= _utility_words(tokens, what[1], i, used | taken)
        found.append((what[0], operator, value))
        if at is not None:
            at.append(min(taken))
        used |= taken
    return found


KK_MEMBERS = "mushe"
"""a Kazakh member (мүше, folded), whose number may follow it: мүшелері төрт және одан көп"""


def _members_first(tokens: list[str], noun: int, number: int, language: str) -> bool:
    """A family's members said right before their number, as Kazakh may (мүшесі төрт және одан көп отбасылар); a
    person said before a number (people over 65) is no count of members."""
    return language == "kk" and noun == number - 1 and tokens[noun].startswith(KK_MEMBERS)


UTILITY_STEMS = ("utilit", "коммунал", "kommunal", "komunal", "жку", "jku", "zhku")
"""the words that say a debt is for utilities (its only kind in the mart), folded as the question's words are"""
UTILITY_LINKS = frozenset({"for", "on", "за", "по", "za", "po"})
SERVICES = ("услуг", "uslug", "кызмет", "kyzmet", "қызмет")


def _utility_words(tokens: list[str], noun: int, number: int, taken: set[int]) -> set[int]:
    """The words near a debt's noun and its number that say it is for utilities (utility debt, долг за коммунальные
    услуги, коммуналдық берешегі, owe 50 000 tenge for utilities), read with them."""
    found: set[int] = set()
    for j in range(max(0, min(noun, number) - 1), min(len(tokens), max(noun, number) + 4)):
        if j in taken or not tokens[j].startswith(UTILITY_STEMS):
            continue
        found.add(j)
        if j > 0 and tokens[j - 1] in UTILITY_LINKS:
            found.add(j - 1)  # за коммунальные услуги, for utilities
        if j + 1 < len(tokens) and tokens[j + 1].startswith(SERVICES):
            found.add(j + 1)
    return found


KK_ONE_OF = ("ui", "otbas")
"""what Kazakh бір (one) stands before as "a" (бір үй шаруашылығы, бір отбасы: a household, a family), folded"""
CHAT_ONE = frozenset({"quick", "another", "last", "small", "simple", "easy"})
"""English words before "one" that make it the question itself (quick one: how many ...)"""


def _ending_after(tokens: list[str], at: int, language: str) -> int:
    """1 where a Kazakh case ending written apart follows the number at ``at`` (70-тен асқан), else 0."""
    return int(language == "kk" and at + 1 < len(tokens) and tokens[at + 1] in _kazakh_endings())


@functools.cache
def _kazakh_endings() -> frozenset[str]:
    """The case endings a Kazakh numeral takes, folded as a question's words are."""
    return frozenset(fold(e, "kk") for e in KK_NUMERAL_ENDINGS if e)


def _income_per_person(tokens: list[str], dictionary: list[str], language: str, used: set[int]) -> set[int]:
    """The words that say "per person" near a word for income (average income per family member, медианный доход
    на одного члена семьи, отбасы мүшесіне шаққандағы орташа табыс), not read already: the mart's income is per
    person, so they say what is counted already, and are no unknown words where no phrase reads them."""
    income = {fold(w, language) for w in NOUNS["income"][language]}
    at = [i for i, (t, d) in enumerate(zip(tokens, dictionary, strict=True)) if t in income or d in income]
    found: set[int] = set()
    for phrase in _phrases_of("per_person", language):
        for start in range(len(tokens) - len(phrase) + 1):
            span = set(range(start, start + len(phrase)))
            if not span & used and _match_phrase(tokens, start, phrase) and any(
                    -INCOME_GAP - len(phrase) <= start - i <= INCOME_GAP + 1 for i in at):
                found |= span
    return found


def _per_person(tokens: list[str], at: int, language: str, used: set[int], number: int | None = None
                ) -> set[int] | None:
    """The words that say "per person" right after the word for income at ``at`` (or right before it: жан басына
    табыс), or after the ``number`` that limits it and its currency (доходом ниже 50000 тенге на человека), or
    None."""
    after = (number + 1, number + 2) if number is not None else ()
    return next((span for phrase in _phrases_of("per_person", language) for start in (at + 1, at - len(phrase),
                                                                                          *after)
                 if start >= 0 and not (span := set(range(start, start + len(phrase)))) & used
                 and _match_phrase(tokens, start, phrase)), None)


NUMBER_DASH = re.compile(r"(\d)\s*[-–—]\s*(\d)")
"""a dash between two numbers (18-30, 50–100 тыс): a range, kept as a word (the figure dash, U+2012, which the
question is written with there only; any other dash is no word)"""
WITHOUT = re.compile(r"\bw/o\s*", re.IGNORECASE)
"""w/o, as chat writes without"""
WITH = re.compile(r"\bw/(?!o)\s*", re.IGNORECASE)
"""w/, as chat writes with"""
NEITHER_NOR = re.compile(r"\b(?:with\s+)?neither\s+(.+?)\s+nor\s+", re.IGNORECASE)
"""neither X nor Y: without X and without Y (the Kazakh X да, Y де жоқ is read in ``_distributed``)"""
RU_NEITHER_NOR = re.compile(r"(?<!\w)не\s+(?:име\w*|облада\w*)\s+ни\s+([^,?!.]+?),?\s+ни\s+([^,?!.]+?)"
                            r"(?=\s*(?:[,?!.]|$))", re.IGNORECASE)
"""не имеют ни X, ни Y (have neither X nor Y): без X и без Y"""
MANY_ASKED = re.compile(r"(?<!\w)көп пе(?:\s+екен)?(?=[\s,?!.—-]+.*(?:қанша|саны|неше))", re.IGNORECASE)
"""көп пе, қанша (are there many, how many): the count is what is asked"""
THAT_IS = re.compile(r"(?<!\w)(?:i\.\s?e\.|e\.\s?g\.|т\.\s?е\.)(?!\w)", re.IGNORECASE)
"""i.e., e.g., т.е.: what an aside says is the question's own words again, not words of its own"""
EACH_OTHER = re.compile(r"(?<!\w)бір-бір\w*|\bдруг (?:от |с |на )?друг\w*"
                        r"|\b(?:from |with )?(?:each other|one another)\b", re.IGNORECASE)
"""from each other (бір-бірінен, друг от друга, each other): what a comparison says of its groups, no number of one"""
AS_OF_NOW = re.compile(
    r"(?<!\w)(?:these days|nowadays|at the moment|at present|as of (?:today|now)|right now|as things stand"
    r"|(?:the )?exact (?:number|figure|count) is (?:fine|ok|okay)"
    r"|на (?:сегодняшний|текущий|данный) (?:день|момент)|в настоящее время|в данное время|на сегодня"
    r"|по состоянию на сегодня"
    r"|қазіргі (?:таңда|уақытта|кезде|сәтте)|бүгінгі (?:күні|таңда|күнге)|осы (?:кезде|уақытта))(?!\w)",
    re.IGNORECASE)
"""these days, на сегодняшний день, қазіргі таңда: the day the answer is as of, which every answer is and says"""
CHAT_ASIDE = re.compile(r"(?<!\w)(?:не (?:в курсе|знаешь|знаете|подскажешь|подскажете)|if you know|you know"
                        r"|(?:i'?m |i am |as )?(?:a )?social worker(?: (?:in|from|at|of))?(?=[\s,:])"
                        r"|i mean|i need|i want|i'd like|i would like|(?:i am|i'm|we are) writing(?: to (?:you|us))?"
                        r"|,?\s*(?:and |but )?not the (?:city|town|region|oblast)|,?\s*(?:а )?не (?:город|область)"
                        r"|(?:қала|облыс) емес|\(\s*(?:не в (?:городе|области)|не (?:город|область)"
                        r"|(?:қала|облыс)(?:сы|ы)? емес|not the (?:city|region))\s*\))(?!\w)", re.IGNORECASE)
"""не в курсе?, не знаешь?, I mean, I need: a chat's asides, no negation and no words of the question; "the region,
not the city" (а не город, қала емес; in brackets: (не в городе), (қаласы емес)): which of two places of one name
is meant, said of the place, no filter's negation (the place's own word says which)"""
SPREAD_ASKED = re.compile(r"(?<!\w)(?:как|каким образом) (?=распредел\w+|дел(?:и|я)тся)", re.IGNORECASE)
"""как распределяются жилища по числу комнат: the "how" of a breakdown the rest of the question says"""
MONTHLY_RATE = re.compile(
    r"(?<!\w)((?:тенге|тг|₸|kzt|tenge|теңге\w{0,4}|млн|миллион\w{0,3}|million|тыс\w{0,3}|мың\w{0,4}|thousand)\.?"
    r"(?:\s+(?:per (?:person|head|capita)|a head|на (?:одного )?человека|на душу|адам басына))?)"
    r"\s+(?:в месяц|a month|per month|monthly|айына|ай сайын)(?!\w)"
    r"|(?<!\w)(?:айлық|ежемесячн\w*|monthly)\s+(?=жалақ|зейнетақ|зарплат|заработн|пенси|доход\w*\s+(?:на\s+)?(?:семь|семей"
    r"|домохоз)|(?:family|household)\s+income)",
    re.IGNORECASE)
"""an amount of money a month (more than one million tenge a month, свыше 300 тыс в месяц, 100 000 теңге айына),
a monthly wage (айлық жалақысы), a family's monthly income (ежемесячный доход семей, monthly family income): the rate
every wage, pension and family income is, no step of a trend (a person's income is a year's: never so)"""
MONTHLY_BETWEEN = re.compile(r"(?<!\w)(family|household|families'?|households'?)\s+monthly\s+(?=incomes?(?!\w))",
                             re.IGNORECASE)
"""a family's monthly income written with "monthly" inside it (median family monthly income): the family's income,
whose rate is a month's"""
AVERAGE_SAID = re.compile(r"(?<!\w)(?:средн\w*|average|avg|mean|median|медиан\w*|орташа|орта есеппен)(?!\w)",
                          re.IGNORECASE)
AMOUNT_A_MONTH = re.compile(
    r"(?<!\w)((?:(?:пенси|зарплат|заработн\w* плат|pension|wage|salar|зейнетақ|жалақ|пособи|allowance|жәрдемақ|асп"
    r"|аәк)\w*(?:\s+(?:по возрасту|by age|жасына байланысты))?)|доход\w* (?:семь|семей|домохоз)\w*"
    r"|(?:family|household) income|отбасы\w* табыс\w*)\s+(?:в месяц|per month|a month|айына)(?!\w)", re.IGNORECASE)
"""the average pension a month (средний размер пенсии по возрасту в месяц): the amount every pension is paid at,
not a step of a trend; read so only beside an average or median (сколько пенсий в месяц asks a count a month)"""
def _without_state(said: re.Match[str]) -> str:
    """a state (social) allowance: an allowance, as the layer names it (every allowance it holds is the state's)"""
    return ("an " if said.group("n")[0] in "aA" else "a ") if said.group("a") else ""


SAID_OTHERWISE: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"(?<!\w)транспортн{ending} средств\w*", re.IGNORECASE), car)
                  for ending, car in (("ое", "автомобиль"), ("ые", "автомобили"), ("ым", "автомобилем"),
                                      ("ыми", "автомобилями"), ("ого", "автомобиля"), ("ых", "автомобилей"))] + [
    (re.compile(r"(?<!\w)(?:имеющ\w*|име\w*)\s+в\s+собственности(?=(?:\s+\S+){1,4}?\s+(?:автомоб|машин))",
                re.IGNORECASE), "имеющих"),
    (re.compile(r"(?<!\w)(?:с\s+)?неработающ\w*\s+член\w*\s+трудоспособного\s+возраста", re.IGNORECASE),
     "с членом трудоспособного возраста без работы"),
    (re.compile(r"(?<!\w)((?:имеющ|име)\w*)\s+в\s+собственности(?=\s+(?:недвижим|имуществ|жиль|жилищ|квартир))",
                re.IGNORECASE), r"\1"),
    (re.compile(r"(?<!\w)(?:lack|lacks|lacking)(?!\w)", re.IGNORECASE), "without"),
    (re.compile(r"(?<!\w)(is|are|was|were|does|do|did|has|have)n['’]t(?!\w)", re.IGNORECASE), r"\1 not"),
    (re.compile(r"(?<!\w)(please|kindly)\s+state(?!\w)", re.IGNORECASE), r"\1"),
    (re.compile(r"(?<!\w)(?P<a>an?\s+)?state\s+(?:social\s+)?(?=(?P<n>allowances?|benefits?)(?!\w))",
                re.IGNORECASE), _without_state),
    (re.compile(r"(?<!\w)owed\s+by(?!\w)", re.IGNORECASE), "of"),
    (re.compile(r"(?<!\w)(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:person|member|people)"
                r"\s+(households?|families|family)(?!\w)", re.IGNORECASE), r"\2 of \1 people"),
    (re.compile(r"(?<!\w)(\d{1,2}|one|two|three|four|five|six)[- ](?:room|bedroom)s?\s+(dwellings?|flats?|apartments?|"
                r"homes?|houses?)(?!\w)", re.IGNORECASE), r"\2 with \1 rooms"),
    (re.compile(r"(?<!\w)((?:недвижим|имуществ|жиль|жилищ|квартир)\w*)\s+в\s+(?:личной\s+)?собственности(?!\w)",
                re.IGNORECASE), r"\1"),
    (re.compile(r"(?<!\w)(уход\w*\s+за\s+реб[её]нк\w*)\s+до\s+(?:полутора|1[,.]5)\s+(?:лет|года)(?!\w)",
                re.IGNORECASE), r"\1"),
    (re.compile(r"(?<!\w)((?:care|caring)\s+(?:of|for)\s+a\s+child|child\s*care)\s+(?:up\s+to|under|until(?:\s+the"
                r"\s+age\s+of)?)\s+(?:1[,.]5|one\s+and\s+a\s+half)(?:\s+years?(?:\s+old)?)?(?!\w)", re.IGNORECASE),
     r"\1"),
    (re.compile(r"(?<!\w)(?:к\s+)?уровн\w*\s+(?=[«\"“']?(?:удовлетворительн|кризисн|неблагополучн|благополучн|"
                r"экстренн|чрезвычайн))", re.IGNORECASE), ""),
    (re.compile(r"(?<!\w)(?:(?:family\s+)?card\s+|well-?being\s+)?levels?(?:\s+(?:is|was|of|=|:))?\s+(?=[«\"“']?"
                r"(?:satisfactory|crisis|unfavou?rable|favou?rable|emergency|critical|well-off|stable)\b)",
                re.IGNORECASE), "")]
"""words of officialese said with the layer's own (транспортное средство, a vehicle: автомобиль), in the same
case, before the question is read; "имеющих в собственности" said of cars is the cars' owning, not property, and
said of property (не имеет в собственности недвижимости) the having of it, said once; lack: without; the childcare
allowance "до полутора лет" (until a year and a half: its official name; care of a child up to 1.5 years);
"к уровню" before a level of the family card (отнесённых к уровню «удовлетворительное», whose family card level is
'satisfactory': the level); debt owed by
residents: their debt; 3-person
households: households of 3 people; two-room dwellings: dwellings with 2 rooms; недвижимости в собственности: the
property (owned, as the mart's property is);
неработающие члены трудоспособного возраста as the card's criterion is named (the word неработающих alone stays
the negated "employed" of a person)"""
TABLE_NUMBER = re.compile(r"(?<!\w)(?:table|таблица|табл|кесте|figure|chart|рисунок|диаграмма|сурет)\.?\s*(?:№\s*)?"
                          r"\d+(?:\.\d+)*[.:]?(?!\w)", re.IGNORECASE)
"""Table 3., Таблица 2.1: a report's numbering of its table, no number the question asks about"""
CARD_CRITERION = re.compile(r"(?<!\w)(?:(?:that|which|who)\s+)?(?:meets?|meeting|satisf\w+|fall\w*\s+under|fits?)?"
                            r"\s*(?:the\s+)?(?:digital\s+)?family[\s-]card(?:'s|s'|s)?\s+([^\W\d_][\w\s-]{0,40}?)"
                            r"\s+criteri(?:on|a)(?!\w)", re.IGNORECASE)
"""meet the family card's low-income criterion: the criterion is the filter the layer names (``CARD_SAID``)"""
CARD_SAID = re.compile(
    r"(?<!\w)(?:(?:according\s+to|by|under|per|on|using|as\s+defined\s+by|as\s+in)\s+)?(?:the\s+)?(?:digital\s+)?"
    r"family[\s-]card(?:'s|s')?(?:\s+(?:criteri(?:on|a)|definitions?|rules?))?"
    r"|(?<!\w)(?:(?:по|согласно|в\s+соответствии\s+с)\s+)?(?:критери\w*\s+)?(?:цифров\w+\s+)?карт\w*\s+семьи"
    r"|(?<!\w)(?:цифрлық\s+)?отбасы\s+карта\w*(?:\s+(?:критери\w*|өлшемшарт\w*))?(?:\s+(?:бойынша|сәйкес))?",
    re.IGNORECASE)
"""by the family card, по критерию карты семьи, отбасы картасының критерийі бойынша: the card's criteria are the
layer's filters of the same name, word for word (single parent, crowded, low income), so saying whose they are
changes nothing"""
AT_LEAST_ONE = re.compile(r"(?<!\w)(?:at least one|one or more|хотя бы (?:один|одного|одна|одну|одним|одной)"
                          r"|(?:не менее|минимум|как минимум) (?:одного|одной)|кем дегенде бір|кемінде бір)\s+"
                          r"(?=pensioner|disabled|person with|member|unemployed|job.?seeker|пенсионер|инвалид|член|"
                          r"безработ|зейнеткер|мүгедек|жұмыссыз)", re.IGNORECASE)
"""families that include at least one pensioner, хотя бы один пенсионер: a family with such a member, no number (at
least one vehicle or child is a number of them: vehicles >= 1; at least one benefit, the layer's own phrase)"""
ROOMS_COUNTED = {"одно": 1, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6, "одн": 1, "дв": 2, "тр": 3}
ROOMS_COMPOUND = re.compile(r"(?<!\w)(?:(одно|двух|тр[её]х|четыр[её]х|пяти|шести)комнатн"
                            r"|(одн|дв|тр)(?:[её]|у)ш(?=(?:ка|ки|ек|ку|кой|ках|кам)\b))", re.IGNORECASE)
"""a Russian count of rooms made one word with it (однокомнатных квартир, трёхкомнатные) or said as people say it
(однушка, двушек, трёшек): the rooms by number, as 2-комнатных is read"""
MEMBER_WHO = re.compile(r"(?<!\w)(members?)\s+who\s+(?:has|have|is|are)(?!\s+not\b)(?:\s+(?:a|an))?(?!\w)",
                        re.IGNORECASE)
"""a member who has a disability: a member with a disability, as the layer says it (not a member who is not
employed: a filter of its own)"""
NOUN_SAID_AGAIN = re.compile(r"(?<!\w)([^\W\d_]+)\s+(\d+)\s+(or|and|или|и|либо|немесе|және)\s+\1\s+(?=\d)",
                             re.IGNORECASE)
"""group 1 or group 2: the noun said again before the second number is the first's, said once (group 1 or 2)"""
PENSIONS_INCLUDED = re.compile(r"(?<=payments)\s*,?\s+including\s+(?:old[- ]age\s+)?pensions?(?!\w)"
                               r"|(?<=выплат)(\w*)\s*,?\s+включая\s+пенси\w*(?!\w)", re.IGNORECASE)
"""all social payments including pensions, все выплаты, включая пенсии: the payments, which hold the pensions; never
said of an allowance (benefits including pensions: no allowance is a pension), where it stays unread"""
DEADLINE = re.compile(r"(?<!\w)в\s+срок\s+до\s+\d{1,2}(?:[:.]\d{2}(?:[:.]\d{2,4})?)?(?:\s+(?:января|февраля|марта|"
                      r"апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+\d{4})?)?"
                      r"(?:\s*(?:г\.|года|час\w*|ч\.))?(?!\w)", re.IGNORECASE)
"""в срок до 15:00, в срок до 20 марта: when a letter wants its answer, not what it asks"""
VERB_SAID_ONCE = re.compile(r"(?<!\w)(?<!не\s)(владе(?:ют|ет|ющих|ющие|ющий)|име(?:ют|ет|ющих|ющие|ющий))\s+"
                            r"([а-яё]+)\s+(или|либо)\s+(?!владе|име)([а-яё]+)(?!\w)", re.IGNORECASE)
"""владеют недвижимостью или автомобилем: the verb said once for both things, said again for the second (владеют
недвижимостью или владеют автомобилем), as each thing's own phrase has it"""
ANY_KIND = re.compile(r"(?<!\w)(?:(?:хоть|хотя бы)\s+)?(?:как(?:ое|ой|ая|ую|ие|их|им|ими)[-\s](?:либо|нибудь|то)"
                      r"|любо(?:е|й|ю|го)|любые|любых|қандай да бір|қандай да болсын)(?!\w)", re.IGNORECASE)
"""какое-либо, хоть какое-нибудь, любое, қандай да бір (any): of the thing named after it, a receiving of one at
least, as the thing alone says (получают какое-либо пособие: получают пособие)"""
ASIDES = (EACH_OTHER, THAT_IS, MANY_ASKED, AS_OF_NOW, CHAT_ASIDE, SPREAD_ASKED, TABLE_NUMBER, PENSIONS_INCLUDED,
          DEADLINE, ANY_KIND)
"""words that say nothing the rest of the question does not, dropped before it is read"""
LABEL = re.compile(r"^\s*(?P<label>(?:[^:?!.]|(?<=\sг)\.|(?<=\sобл)\.|(?<=\sқ)\.|(?<=\sр-н)\.){2,100}?)\s*"
                   r"(?P<end>:|(?<!\sг)(?<!\sобл)(?<!\sқ)(?<!\sр-н)\.)\s+(?=\S)")
"""a question's label before its first colon (Соцработник, ВКО: сколько ...; Caseload note, Pavlodar Region: how
many ...; Отдел анализа г. Астаны: ..., a place's abbreviation's dot in it) or its first sentence (Депутатский
запрос. Просим сообщить ...)"""
LABEL_WORDS = re.compile(
    r"(?<!\w)(?:(?:участков\w* )?(?:социальн\w* |соц\.? ?)работник\w*|соцработник\w*|(?:региональн|областн|городск|"
    r"районн)\w* (?:аналитик|специалист|отдел)\w*|аналитик\w*|журналист\w*|корреспондент\w*|депутатск\w* запрос\w*"
    r"|депутат\w*|аким(?:а|у|ом)?|заметк\w*|записк\w*|запис[ьи]|пометк\w*|патронаж\w*|поручил\w*(?: \w+(?:ть|ти))?"
    r"|(?:өңірлік |облыстық |қалалық |аудандық )?(?:талдаушы\w*|талдау бөлім\w*)|әлеуметтік қызметкер\w*"
    r"|қызметкер\w*|жазба\w*|тілші\w*|сұрақ\w*|сарапшы\w*|(?:мәжіліс )?депутат\w* сауал\w*|сауал\w*|әкім(?!д)\w*"
    r"|(?:on behalf of|further to)(?: the| an?)?|(?:(?:regional|district|mazhilis) )?(?:social[- ]workers?|"
    r"case ?workers?|analysts?|journalists?|reporters?|deput(?:y|ies)|akims?|specialists?)(?:['’]s?)?"
    r"|(?:caseload|case|field|home[- ]visit|visit|desk|handover)? ?(?:notes?|memos?|log)|caseload|inquiry"
    r"|(?:(?:regional|district|city|oblast) )?(?:analytics? |statistics? |social )?(?:team|office|unit|department)"
    r"|отдел\w* (?:анализа|аналитики|статистики)|участок|учаскелік|участк\w*"
    r"|есеп дайында\w* жатырм\w*|готовл\w* (?:отч[её]т|справк)\w*)(?!\w)", re.IGNORECASE)
"""who writes a question or what note it stands in, said in its label (a social worker, an analyst, a journalist,
a deputy's inquiry, a home visit's note; әлеуметтік қызметкердің жазбасы, өңірлік талдаушы; on behalf of the akim
of; an analytics team, a regional office, Отдел анализа, a social worker's участок): the asker's, not the
question's"""
LABEL_FILLERS = re.compile(r"(?<!\w)(?:(?:from|for|by|of)(?: the| an?)?|here)(?!\w)", re.IGNORECASE)
"""the words that join a label's words (the akim of, analyst here), dropped with them; never a label alone (Average
Number of Residents per Dwelling: ... is a title)"""
QUESTION_WORDS = re.compile(r"(?<!\w)(?:сколько|скока|какой|какая|каков\w*|how|what|which|қанша|нешеу|қай|қандай)"
                            r"(?!\w)", re.IGNORECASE)


def _unlabelled(text: str) -> str:
    """``text`` without the words of its label (``LABEL``) that say who writes it or what note it is in
    (``LABEL_WORDS``); the label's other words (its region: Соцработник, ВКО:) stay, as the question's. A first
    sentence is a label only where nothing else is left of it (Депутатский запрос. Просим ...); a label that asks
    (сколько ...: ...) is the question's own."""
    found = LABEL.match(text)
    if found is None or QUESTION_WORDS.search(found.group("label")) or not LABEL_WORDS.search(found.group("label")):
        return text
    left = LABEL_FILLERS.sub(" ", LABEL_WORDS.sub(" ", found.group("label")))
    if not any(re.search(r"[^\W\d_]", w) and w.lower() not in ("of", "the", "on", "behalf", "from", "for", "by", "a")
               for w in left.split()):
        return ("" if found.group("end") == "." else ":") + text[found.end():]  # nothing left of it
    if found.group("end") == ".":
        return text
    return left + ": " + text[found.end():]


PENSIONS_EXCLUDED = re.compile(
    r"(?<!\w)(?:(?:not counting|excluding|other than|except(?: for)?|without counting|leaving out) (?:the )?"
    r"(?:old[- ]age )?pensions?|(?:old[- ]age )?pensions? (?:excluded|not counted|aside|not included)"
    r"|(?:please note,? (?:that )?)?(?:the )?(?:old[- ]age )?pensions?(?: itself| themselves)? (?:should|is|are|must)"
    r" not (?:be )?(?:counted|included|treated) as (?:an? )?(?:allowances?|benefits?)"
    r"|не считая пенси\w*|без уч[её]та пенси\w*|кроме пенси\w*"
    r"|пенси\w* не (?:считаем|считая|считается|считаются|учитываем|учитывается|в сч[её]т)"
    r"|зейнетақы\w* (?:есептемегенде|есепке алмағанда|есепке алынбайды|қоспағанда)|зейнетақыны есептемей)(?!\w)",
    re.IGNORECASE)
"""not counting pensions, пенсии не считаем, зейнетақыны есептемегенде: said of an allowance, what the layer's own
definition says (an allowance is no pension), and shown in the answer; never a filter of pensions"""
PENSION_SAID = re.compile(r"пенси|pension|зейнетақ|зейнетак|zeinetaq|zeinetak", re.IGNORECASE)
ALLOWANCES_EXCLUDED = re.compile(
    r"(?:[(,]\s*)?(?<!\w)(?:(?:(?:а|но)\s+)?не\s+(?:пособи[еяй]|пособиями?|пособиях)|not\s+(?:an?\s+)?(?:allowances?|benefits?)"
    r"|(?:жәрдемақы|жардемакы)\w*\s+емес)(?!\w)\s*\)?", re.IGNORECASE)
"""the pension, not the allowance (жәрдемақы емес, тек зейнетақы; именно пенсию, не пособие; pensions only, not
allowances): said of a pension, what the asker means it is not, which the pension never is (a pension is no
benefit): no filter of its own"""
ALLOWANCE_SAID = re.compile(r"bene?[fv]i|al+ow[ae]n[cs]e|пособи|жәрдемақ|жардемак", re.IGNORECASE)
"""an allowance named, typed as it may be (benifit, alowance, allowence)"""
NUMBER_SIGN = re.compile(r"(?<!\w)(?:no|nos|num)\.(?=\s*(?:of\b|[^\W\d_]))|(?<!\w)#(?=\s*of\b)", re.IGNORECASE)
"""no. and # of, as reports write "number" (no. of pensioners): never the "no" that negates (families with no car)"""
TOP_JOINED = re.compile(r"(top|топ|TOP|Top|ТОП|Топ)(\d+)")


NUMBER_ENDING = re.compile(r"(\d+)([^\W\d_]+)")
"""a number with its ending typed on (5тен, 3х, 50k, 2025ж): the number, then the ending as a word"""


def _unjoined(word: str) -> list[str]:
    """топ3, top3: the word and its number typed as one, as two words; 5тен, 50k: the number and its ending; any
    other word as it is."""
    joined = TOP_JOINED.fullmatch(word) or NUMBER_ENDING.fullmatch(word)
    return list(joined.groups()) if joined else [word]


KIND_OF = re.compile(r"^kind = '\w+'$")
"""a filter that is one kind of the rows (a pension among awards), which with "and" and the rows' own word is all of
them (pension and benefit awards); not a property some rows have (families that own property and families that do
not: two groups)"""
KK_MANY_FEW = {"kop": "desc", "az": "asc"}
"""Kazakh көп (many) and аз (few), folded: with қай (which), the most and the fewest"""
KK_WHICH = "kai"
"""қай (which), folded: not қайсысында or қайда, which compare the places named (Павлодар мен Қостанайдың қайсысында
көп: both, side by side)"""
KK_COLLECTIVE = {"ekeu": 2, "usheu": 3, "torteu": 4, "beseu": 5, "altau": 6, "jeteu": 7, "zheteu": 7}
"""Kazakh collective numerals (үшеуі, бесеуін: the three, the five of them), folded stems: after алғашқы (the first),
how many groups a ranking wants"""


RU_COLLECTIVE = {"двойк": 2, "тройк": 3, "четверк": 4, "пятерк": 5, "шестерк": 6, "семерк": 7, "десятк": 10}
"""Russian collective nouns of a ranking's size (первая тройка, в первой пятёрке: the top three, five), stems"""


def _collective(token: str, language: str) -> int | None:
    """The number a Kazakh collective numeral (алғашқы үшеуін: the first three) or a Russian collective noun
    (первая тройка: the top three) says, else None."""
    stems = KK_COLLECTIVE if language == "kk" else RU_COLLECTIVE if language == "ru" else {}
    return next((n for stem, n in stems.items() if token.replace("ё", "е").startswith(stem) and
                 len(token) - len(stem) <= 3), None)


def _ranking(tokens: list[str], language: str, used: set[int], result: Parse) -> None:
    """A ranking's side, how many groups it wants and whether it splits by region, consuming its words."""
    def find(vocabulary: str, counted: bool = False) -> tuple[int, int] | None:
        for phrase in _phrases_of(vocabulary, language):
            for j in range(len(tokens)):
                span = set(range(j, j + len(phrase)))
                if not phrase or span & used or not _match_phrase(tokens, j, phrase):
                    continue
                after = tokens[j + len(phrase):j + len(phrase) + 1]
                if not counted and language == "en" and (  # at least 3, most 3: a condition, not a ranking
                        (j > 0 and tokens[j - 1] == "at") or any(_number(t, language) is not None for t in after)):
                    continue
                return j, len(phrase)
        return None

    sides = [(side, found) for side in ("desc", "asc", "rank") if (found := find(side))]
    if not sides and language == "kk" and KK_WHICH in tokens:
        # қай облыстарда көлігі барлар көп: "many" asked with "which" is the most (not көп балалы, a large family)
        plain = [(j, t) for j, t in enumerate(tokens) if t in KK_MANY_FEW and j not in used and
                 not (j + 1 < len(tokens) and tokens[j + 1].startswith("bala"))]
        if plain:
            sides = [(KK_MANY_FEW[plain[-1][1]], (plain[-1][0], 1))]
    result.superlative = bool(sides) and sides[0][0] != "rank"
    for _, (j, length) in sides:
        used |= set(range(j, j + length))
    for j, token in enumerate(tokens):
        near = tokens[max(0, j - 3):j] + tokens[j + 1:j + 4]
        if j not in used and any(word_matches(w, token) for w in _words_of("compare", language)) and \
                (token in VERSUS or not any(_number(t, language) is not None and not YEAR.fullmatch(t) for t in near)):
            result.compare = True
            used.add(j)
            if j + 1 < len(tokens) and tokens[j + 1] in _words_of("more_or_fewer", language):
                used.add(j + 1)  # қайсысында көп: in which of them more
    for j, token in enumerate(tokens):  # қайда көп, where are there more (Almaty or Astana): which of those named
        more = j + 1 < len(tokens) and tokens[j + 1] in _words_of("more_or_fewer", language)
        if j not in used and token in _words_of("place_which", language) and (result.compare or more):
            result.compare = True
            used |= {j, j + 1} if more else {j}
    top = find("top", counted=True)
    bottom = None if top is not None or sides else find("bottom", counted=True)
    if bottom is not None and bottom[0] + bottom[1] < len(tokens) and (
            _number(tokens[bottom[0] + bottom[1]], language) is not None):  # bottom 3, последние пять: the fewest
        top, sides = bottom, [("asc", bottom)]
    number = None
    if top is not None:  # top 3, первые пять; "топ3" written as one word is two tokens: топ, 3
        after = top[0] + top[1]
        if after < len(tokens) and after not in used:
            number = _number(tokens[after], language) or _collective(tokens[after], language)
            if number is not None:
                used.add(after)
    if not sides and number is None:
        return
    if top is not None:
        used |= set(range(top[0], top[0] + top[1]))
    result.order = "asc" if sides and sides[0][0] == "asc" else "desc"
    regional = [j for j, token in enumerate(tokens) if j not in used and any(
        word_matches(w, token) for w in _words_of("regions", language))]
    for j in regional:  # 5 regions with the most ..., three regions, алғашқы үш өңір
        before = _number(tokens[j - 1], language) if j > 0 and j - 1 not in used else None
        if number is None and before is not None:
            number = before
            used.add(j - 1)
    for j, token in enumerate(tokens):
        if j in used:
            continue
        if j in regional:
            result.by_region = True
            used.add(j)
        elif token in _words_of("which", language):
            number = 1 if number is None else number
            result.by_region |= token in _words_of("place_which", language)  # где больше всего, where most: a region
            used.add(j)
        elif token in _words_of("links", language) and j - 1 in used:
            used.add(j)  # by, по, бойынша right after the ranking's words: "top regions by wage"
    if number is None and sides and regional and all(not _plural(tokens[j], language) for j in regional):
        number = 1  # назовите регион с наименьшим ..., ең аз өңірді атаңыз: the region, one
    result.limit = number


PLURAL_ENDINGS = {"kk": ("лар", "лер", "дар", "дер", "тар", "тер"), "ru": ("ы", "ов", "ей", "ях", "ям", "ами"),
                  "en": ("s",)}
"""how a region noun says it is more than one (өңірлер, регионы, областей, regions); Kazakh's anywhere in the
word, before its case ending"""


def _plural(token: str, language: str) -> bool:
    if language == "kk":
        return any(ending in token[3:] for ending in (fold(e, "kk") for e in PLURAL_ENDINGS["kk"]))
    return token.endswith(PLURAL_ENDINGS[language])


SHARE_ASKED = (frozenset({"please", "pls", "plz", "kindly", "you", "u", "can", "could", "would"}),
               frozenset({"how", "what", "which", "with", "data", "figures", "the"}))
"""English words before (could you please) or after (how many, the number) "share" that make it the request's
verb, not a share of a whole: could you please share how many families ..."""


def _share(tokens: list[str], language: str, used: set[int], result: Parse, percent: bool = False) -> None:
    """Whether the question asks for a share (its words consumed), and where the words naming its whole stand."""
    for phrase in _phrases_of("share", language):
        for j in range(len(tokens)):
            span = set(range(j, j + len(phrase)))
            if language == "en" and phrase == ("share",) and tokens[j] == "share" and (
                    (j > 0 and tokens[j - 1] in SHARE_ASKED[0]) or (tokens[j + 1:j + 2] and tokens[j + 1] in
                    SHARE_ASKED[1])):
                used.add(j)  # share how many: a request's verb, said of nothing
                continue
            if phrase and not span & used and _match_phrase(tokens, j, phrase):
                used |= span
                result.share = j if result.share is None else min(result.share, j)
    if result.share is None and percent:
        result.share = len(tokens)  # "Families without sewerage, %": the sign alone asks for a share
    if result.share is None:
        return
    for j, token in enumerate(tokens):
        if j not in used and token in _words_of("among", language) and not (
                token in SIZE_OF[language] and j + 1 < len(tokens) and
                _number(tokens[j + 1], language) is not None and not YEAR.fullmatch(tokens[j + 1])):
            # из 1 человека: a size, not "among"
            result.among.append(j)
            used.add(j)
        elif j not in used and j > result.share and token in _words_of("split", language) and not result.split:
            result.split = j
            if language != "en":  # English's are its stopwords, left to the phrases: what share of families
                used.add(j)  # receive benefits (receive benefits); составляют is no word of the vocabulary
    for j in result.among:
        ends = [k for k in (result.share, result.split) if k is not None and k > j]  # составляют, are
        ends += [k for k in range(j + 1, len(tokens)) if language == "ru" and k not in used and
                 finite_verb(tokens[k], language)][:1]
        result.among_end.append(min(ends, default=len(tokens)))
    if language == "kk" and result.among:
        endings = tuple(fold(e, "kk") for e in KK_GENITIVE)
        result.genitives = [j for j, token in enumerate(tokens) if j < max(result.among) and j not in used
                            and len(token) > 4 and token.endswith(endings)]
    if result.split is None and not result.among and language == "ru":
        # какой процент лиц от 18 до 29 лет ищет работу: the first verb after the share's word begins its part
        result.split = next((j for j in range(result.share + 1, len(tokens)) if j not in used and
                             finite_verb(tokens[j], language)), None)


def _period(tokens: list[str], typed: list[str], language: str, used: set[int], result: Parse) -> None:
    """A year (1900-2100, a whole number of four digits) and a month named before it, consuming them and the words
    that say they are a period."""
    for i, token in enumerate(tokens):
        if i in used or _year(token) is None:
            continue
        taken = {i}
        decade = int(token) % 10 == 0 and i + 1 < len(tokens) and i + 1 not in used and \
            tokens[i + 1] in _words_of("decade", language) and \
            not any(_year(t) for t in tokens[i + 2:i + 4])  # the 1980s, 1980-х, 1980 жылдары; not 2020-2025 жылдары
        if decade:
            taken.add(i + 1)
        for j in (i - 1, i + 1, i + 2):
            if 0 <= j < len(tokens) and j not in used and tokens[j] in _words_of("years", language) and \
                    (j == i - 1 or j - 1 in taken):
                taken.add(j)
        if decade:
            result.year, result.year_to = int(token), int(token) + 9
            result.period = " ".join(typed[j] for j in sorted(taken))
            used |= taken
            return
        month = None
        months = _months_range(tokens, language, used | taken, i)
        if months is not None:  # с января по март 2025, қаңтар-наурыз айларында, first half of 2025
            (month, result.month_to), span = months
            taken |= span
        for j in (i - 1, max(taken) + 1):  # март 2025, 2025 жылы наурызда
            if month is None and 0 <= j < len(tokens) and j not in used:
                month = _month(tokens[j], language)
                if month is not None:
                    taken.add(j)
        if month is None:
            result.year_to = _year_to(tokens, language, used | taken, i, taken)
        after = False
        if month is None and result.year_to is None:
            result.since = _since(tokens, language, used | taken, i, taken)
            after = not result.since and _since(tokens, language, used | taken, i, taken, "after")
            result.since = result.since or after
            result.before = not result.since and _since(tokens, language, used | taken, i, taken, "before")
        result.year, result.month = int(token) + after, month  # after 2015: from 2016 on
        result.period = " ".join(typed[j] for j in sorted(taken))
        used |= taken
        listing = set(_words_of("and", language)) | set(_words_of("or", language))
        for k in range(max(taken) + 1, min(len(tokens) - 1, max(taken) + 3)):
            if tokens[k] in listing and k + 1 not in used and _year(tokens[k + 1]) is not None:
                # 2023 and 2025: a second year is not an amount of 2025 tenge
                result.unknown.append(typed[k + 1])
                used |= {k, k + 1}
                break
        return


RELATIVE_YEARS: dict[str, list[tuple[tuple[str, ...], int]]] = {
    "kk": [(("былтырдан", "бұрынғы"), -2), (("былтыр",), -1), (("өткен", "жыл"), -1), (("биыл",), 0),
           (("осы", "жыл"), 0), (("ағымдағы", "жыл"), 0)],
    "ru": [(("позапрошлый", "год"), -2), (("прошлый", "год"), -1), (("прошедший", "год"), -1),
           (("минувший", "год"), -1), (("прошлогодний",), -1), (("этот", "год"), 0), (("текущий", "год"), 0),
           (("нынешний", "год"), 0)],
    "en": [(("year", "before", "last"), -2), (("last", "year"), -1), (("previous", "year"), -1), (("this", "year"), 0),
           (("current", "year"), 0)],
}
"""years said by where they stand from this one (былтыр, в прошлом году, last year), and how far: read as the
year they are, said so in the answer (былтыр → 2025). A Kazakh word may take its endings (былтырғы, өткен жылы);
a Russian one is compared in its dictionary form (в прошлом году)."""


def _today() -> dt.date:
    return dt.date.today()


def _relative_years(tokens: list[str], typed: list[str], language: str, used: set[int], result: Parse
                    ) -> list[tuple[str, str]]:
    """Relative years (``RELATIVE_YEARS``) made the year they are, in ``tokens`` and ``typed`` (the year word, год,
    жыл, year, stays to say it is one): what was read so, as typed and as read. Said beside the same year in digits
    (былтыр, яғни 2025 жылы) it only repeats it; beside another year it contradicts it: its words are unknown, and
    the question is declined naming them."""
    def said(word: str, token: str, first: bool) -> bool:
        folded = fold(word, language)
        if language == "kk":  # өткен жылы, былтырғы: the words take their endings
            return token.startswith(folded) if first and len(folded) > 3 else \
                token == folded or word_matches(folded, token, anchored=not first)
        return (lemma(token, language) if language == "ru" else token) == folded

    read = []
    for i in range(len(tokens)):
        for phrase, offset in RELATIVE_YEARS[language]:
            at = range(i, i + len(phrase))
            if at.stop > len(tokens) or set(at) & used or \
                    not all(said(w, tokens[k], k == i) for w, k in zip(phrase, at, strict=False)):
                continue
            year = _today().year + offset
            kept = at.stop - 1 if phrase[-1] in ("год", "жыл", "year") and len(phrase) > 1 and \
                phrase[0] != "year" else None  # the year word after it stays (в прошлом году: в 2025 году)
            written = " ".join(typed[k] for k in at)
            others = {_year(t) for k, t in enumerate(tokens) if k not in at} - {None}
            if others and others != {year}:  # last year and 2023: which is meant is not for us to choose
                result.unknown.append(written)
                used.update(at)
                break
            first = at.start if phrase[0] != "year" else at.stop - 1  # the year before last: "last" is the year
            for k in at:
                if k != kept:
                    used.add(k)
            if not others:  # the year itself, where the words were
                used.discard(first)
                tokens[first], typed[first] = str(year), str(year)
            read.append((written, str(year)))
            break
    return read


def _year(token: str) -> int | None:
    """The year a word is (four digits, 1900-2100), or None."""
    return int(token) if token.isdecimal() and token.isascii() and len(token) == 4 and \
        1900 <= int(token) <= 2100 else None


YEARS_BETWEEN = ("жылдары", "жж", "аралығында", "аралығындағы", "арасында", "арасындағы")
"""words after the last year of a range that close it (2020-2025 жылдары, 2015-2024 жылдар аралығында)"""


KK_YEAR_FROM = ("жылдан",)
KK_YEAR_TO = ("жылға", "дейін")
"""2020 жылдан 2024 жылға дейін (from 2020 to 2024): the words of a Kazakh range of years"""


def _year_to(tokens: list[str], language: str, used: set[int], year_at: int, taken: set[int]) -> int | None:
    """The last year of a range the year at ``year_at`` opens (2015-2025, 2015 to 2025, between 2010 and 2019, с 2015
    по 2020 год, 2020-2025 жылдары), adding its words to ``taken``; None when no later year follows it so."""
    opened = [k for k in (year_at - 1, year_at - 2) if k >= 0 and k not in used and
              tokens[k] in _words_of("range_opening", language)]
    joining = set(_words_of("and", language))  # 2024 and 2025: a range where nothing lies between them
    linking = set(_words_of("until", language)) | joining | (
        {fold(w, language) for w in KK_YEAR_FROM} if language == "kk" else set())
    for j in range(year_at + 1, min(len(tokens), year_at + 3)):  # 2023 and 2025: two years, not the three
        token, last = tokens[j], _year(tokens[j]) if j not in used else None
        if last is None:
            if j in used or token not in linking:
                return None
            continue
        if last <= int(tokens[year_at]):
            return None
        span = set(range(year_at + 1, j + 1))
        if not opened and last > int(tokens[year_at]) + 1 and {tokens[k] for k in span} & joining:
            return None  # 2023 and 2025: two years, not the three
        after = {k for k in (j + 1, j + 2) if k < len(tokens) and k not in used and
                 tokens[k] in _words_of("years", language) | {fold(w, language) for w in YEARS_BETWEEN} | (
                     {fold(w, language) for w in KK_YEAR_TO} if language == "kk" else set())}
        taken |= span | set(opened[:1]) | after
        return last
    return None


def _since(tokens: list[str], language: str, used: set[int], year_at: int, taken: set[int],
           words: str = "since") -> bool:
    """Whether the year at ``year_at`` opens a period that runs on (since 2020, начиная с 2020 года, 2020 жылдан
    бастап, 2020 onwards), adding the words that say so to ``taken``; not where a word that closes it follows (с
    2020 по 2023, from 2020 to 2023). ``words``: the vocabulary read, "since", "after" (after 2015: a period
    the caller starts the next year) or "before" (before 2000: the years before it)."""
    last = max(taken)
    if words != "before" and any(tokens[j] in _words_of("until", language)
                                 for j in range(last + 1, min(len(tokens), last + 3))):
        return False
    for phrase in _phrases_of(f"{words}_before", language):
        at = year_at - len(phrase)
        if at >= 0 and not set(range(at, year_at)) & used and all(tokens[at + k] == w for k, w in enumerate(phrase)):
            taken |= set(range(at, year_at))
            return True
    for phrase in _phrases_of(f"{words}_after", language):
        for at in (last + 1, year_at + 1):
            if not set(range(at, at + len(phrase))) & (used - taken) and \
                    all(at + k < len(tokens) and tokens[at + k] == w for k, w in enumerate(phrase)):
                taken |= set(range(at, at + len(phrase)))
                return True
    return False


def _month(token: str, language: str) -> int | None:
    """The month a word names (март, марта, наурызда, March; in Kazakh with its stem alternated before an ending:
    қыркүйегінен, from September), or None."""
    said = lemma(token, language)
    return next((n for n, name in enumerate(MONTHS[language], 1)
                 if said == fold(name, language) or (language == "kk" and len(said) > 3 and any(
                     word_matches(form, said) for form in _month_stems(fold(name, language))))), None)


def _month_stems(name: str) -> tuple[str, ...]:
    """A Kazakh month's name, folded, and the forms its stem takes before an ending (қыркүйек: қыркүйег-)."""
    return (name, *stem_variants(name))


PART_OF_YEAR = {"half": ({"kk": ["жартыжылдығ", "жарты жылдығ", "жарты жыл", "жартыс"], "ru": ["полугодие", "полугодии",
                                                                                  "полугодия"],
                          "en": ["half"]}, 6),
                "quarter": ({"kk": ["тоқсан"], "ru": ["квартал", "квартале", "квартала"], "en": ["quarter"]}, 3)}
"""parts of a year said by their number (the first half, III квартал, екінші тоқсанда) and how many months each is"""
QUARTER_SHORT = {"kk": ["тоқ"], "ru": ["кв"], "en": ["qtr"]}
"""a quarter abbreviated (2 кв. 2025), read only with its number right before it (кв. м is a square metre)"""
MONTH_SPAN = 5
"""the most words before a year that a range of its months may take (с января по март 2025 года)"""


def _months_range(tokens: list[str], language: str, used: set[int], year_at: int
                  ) -> tuple[tuple[int, int], set[int]] | None:
    """Months from one to another (с января по март, from January to March, қаңтар-наурыз айларында) or a part of
    the year by its number (первое полугодие, the first half, екінші тоқсан) said beside the year at ``year_at``:
    ((first month, last month), the words taken)."""
    near = [j for j in range(max(0, year_at - MONTH_SPAN), min(len(tokens), year_at + MONTH_SPAN))
            if j not in used and j != year_at]
    named = [(j, m) for j in near if (m := _month(tokens[j], language)) is not None]
    if len(named) == 2 and named[0][1] < named[1][1] and named[1][0] - named[0][0] <= 3:
        (a, first), (b, last) = named
        between = set(range(a + 1, b)) - used
        around = {j for j in (a - 1, b + 1) if 0 <= j < len(tokens) and j not in used and j != year_at and
                  tokens[j] in _words_of("month_range", language)}
        spanned = any(tokens[j] in MONTHS_BETWEEN for j in around)  # наурыз бен маусым аралығында: March to June
        if last - first > 1 and any(tokens[j] in _words_of("and", language) for j in between) and not spanned:
            return None  # March and May: two months, not the three from March to May
        return (first, last), {a, b} | between | around
    for said, length in PART_OF_YEAR.values():
        for j in near:
            if any(word_matches(fold(w, language), tokens[j]) or tokens[j].startswith(fold(w, language))
                   for w in said[language]) or (tokens[j] in QUARTER_SHORT[language] and length == 3):
                number = next(((k, v) for k in (j - 1, j + 1) if k in near and (
                    _ordinal(tokens[k], language) or (k == j - 1 and tokens[k].isdecimal()))  # 2-тоқсан, 2 квартал
                               and (v := _number(tokens[k], language)) is not None and 0 < v * length <= 12), None)
                if number is not None:
                    k, v = number
                    return ((v - 1) * length + 1, v * length), {j, k}
    return None


KK_NEGATIVE = (("майтын", "атын", "йтын"), ("мейтін", "етін", "йтін"), ("байтын", "атын", "йтын"),
               ("бейтін", "етін", "йтін"), ("пайтын", "атын", "йтын"), ("пейтін", "етін", "йтін"),
               ("майды", "ады", "йды"), ("мейді", "еді", "йді"), ("байды", "ады", "йды"), ("бейді", "еді", "йді"),
               ("пайды", "ады", "йды"), ("пейді", "еді", "йді"),
               ("маған", "атын", "йтын"), ("меген", "етін", "йтін"), ("баған", "атын", "йтын"),
               ("беген", "етін", "йтін"), ("паған", "атын", "йтын"), ("пеген", "етін", "йтін"))
"""Kazakh negative participles and present forms (-майтын, -мейтін, -майды ...) and the positive ending that
replaces each after a consonant and after a vowel: the negation of a verb is its positive form negated; a negated
past participle (алмаған, істемеген) is read as the present one (алатын, істейтін), as the mart holds the present
state"""
KK_VOWELS = "аәеиоөұүыіуэюя"


def kazakh_positive(word: str) -> str | None:
    """The positive form of a negated Kazakh verb form (алмайтын: алатын, істемейтін: істейтін, оқымайтын: оқитын,
    бармайды: барады), or None when ``word`` is not one. ы or і before й is written и (оқы + йтын: оқитын)."""
    lowered = word.lower()
    for negative, after_consonant, after_vowel in KK_NEGATIVE:
        at = lowered.find(negative, 2)
        ending = lowered[at + len(negative):] if at >= 0 else ""
        if at < 0 or len(ending) > KK_LONGEST_ENDING or (
                ending and not negative.endswith(("тын", "тін", "ған", "ген"))):
            continue  # a participle takes the endings of a noun (істемейтіндер, алмайтындарға); -майды none
        return _with_ending(lowered[:at], after_consonant, after_vowel) + ending
    return None


def _with_ending(stem: str, after_consonant: str, after_vowel: str) -> str:
    """A Kazakh stem with the ending it takes after a consonant or after a vowel; ы or і before й is written и
    (оқы + йтын: оқитын)."""
    if stem[-1] not in KK_VOWELS:
        return stem + after_consonant
    if stem[-1] in "ыі":
        return stem[:-1] + "и" + after_vowel[1:]
    return stem + after_vowel


KK_PAST = (("ған", "атын", "йтын"), ("қан", "атын", "йтын"), ("ген", "етін", "йтін"), ("кен", "етін", "йтін"))
"""Kazakh past participles and the present participle ending that replaces each after a consonant and a vowel"""


def _kazakh_present(word: str, layer: Layer) -> str | None:
    """The present participle of a Kazakh past one (алған: алатын, тұрған: тұратын, оқыған: оқитын) where the
    vocabulary holds it and not the past form (жәрдемақы алатын): the mart holds who receives now. None otherwise."""
    lowered = word.lower()
    vocabulary = _vocabulary(layer, "kk")
    for past, after_consonant, after_vowel in KK_PAST:
        at = lowered.find(past, 2)
        ending = lowered[at + len(past):] if at >= 0 else ""
        if at < 0 or len(ending) > KK_LONGEST_ENDING:
            continue
        form = _with_ending(lowered[:at], after_consonant, after_vowel)
        if fold(form, "kk") in vocabulary and not _known_form(fold(lowered, "kk"), vocabulary, "kk"):
            return form + ending  # not a past participle the vocabulary holds (жұмыс істеп тұрған: active)
    return None


def _kazakh_positive(word: str, layer: Layer) -> str | None:
    """The positive form of a negated Kazakh verb form, unless the negated form is a word of its own the layer holds
    and the positive one is not (жылжымайтын мүлік, real estate: "immovable", not "not moving")."""
    positive = kazakh_positive(word)
    vocabulary = _vocabulary(layer, "kk")
    if positive is None or (fold(word, "kk") in vocabulary and fold(positive, "kk") not in vocabulary):
        return None
    return positive


def _negation_phrased(tokens: list[str], positive: list[str | None], layer: Layer) -> set[int]:
    """Where a negated Kazakh verb (``positive``: its positive form, at each place it stands) is a word of a layer
    phrase of three words or more that stands there as written: the phrase's own word, read as it is (жұмыс
    істемейтін еңбекке қабілетті жастағы мүше бар is the card's criterion, not "working" negated)."""
    def make() -> dict[str, list[tuple[tuple[str, ...], int]]]:
        found: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for phrase in layer.phrases["kk"]:
            if len(phrase.words) >= NEGATION_PHRASE_WORDS and not phrase.borrowed:
                for k, (word, written) in enumerate(zip(phrase.words, phrase.written, strict=False)):
                    if kazakh_positive(written) is not None:
                        found.setdefault(word, []).append((phrase.words, k))
        return found

    negated = _per_layer("negated words in phrases", layer, "kk", make)
    return {i for i, token in enumerate(tokens) if positive[i] and any(
        i - k >= 0 and _match_phrase(tokens, i - k, words_) for words_, k in negated.get(token, ()))}


NEGATION_PHRASE_WORDS = 3
"""the fewest words of a phrase whose negated verb is read as written (a long phrase is unmistakable)"""
KK_LONGEST_ENDING = 7
"""the longest noun ending a negated participle takes in a question (-дарының, -дерге)"""


def _whole_numbers(typed: list[str], language: str) -> list[str]:
    """The question's words with a number written in groups of three (100 000) or with a word that multiplies it
    (100 тыс, 2 млн, 50k) made one number."""
    out: list[str] = []
    multiplied: dict[int, tuple[int, int]] = {}  # where a number was multiplied: (the number said, by how much)
    grouped: set[int] = set()  # where a number was written in groups (1 500, then 1 500 000)
    for word in typed:
        last = out[-1] if out else ""
        if last and not last.isdecimal() and word.lower() in MULTIPLIERS[language] and \
                MULTIPLIERS[language][word.lower()] >= 1_000_000 and \
                (said := _number(fold(last, language), language)) is not None:
            last = out[-1] = str(said)  # one million, одного миллиона, бір миллион: the number in digits
        if last.isdecimal() and last.isascii() and word.isdecimal() and word.isascii() and len(word) == 3 and \
                len(last) <= 3 + 4 * 3 and (len(last) <= 3 or len(last) % 3 == 0 or len(out) - 1 in grouped):
            out[-1] = last + word  # 100 000; 1 500 000
            grouped.add(len(out) - 1)
        elif last.isdecimal() and last.isascii() and word.lower() in MULTIPLIERS[language]:
            multiplied[len(out) - 1] = (int(last), MULTIPLIERS[language][word.lower()])
            out[-1] = str(int(last) * MULTIPLIERS[language][word.lower()])
        elif last.isdecimal() and last.isascii() and language == "kk" and (stem := next(
                (m for m in MULTIPLIERS["kk"] if word.lower().startswith(m) and len(word) - len(m) <= 4), None)):
            multiplied[len(out) - 1] = (int(last), MULTIPLIERS["kk"][stem])
            out[-1] = str(int(last) * MULTIPLIERS["kk"][stem])  # 200 мыңнан: 200 000, then its case ending
            out.append(word[len(stem):])
        else:
            out.append(word)
    for k, (said, by) in multiplied.items():  # от 50 до 100 тыс, 50-100 мың: both ends in thousands
        first = next((j for j in (k - 1, k - 2) if j >= 0 and j not in multiplied and out[j].isdecimal() and
                      (j == k - 1 or fold(out[k - 1], language) in _words_of("until", language) |
                       _words_of("range_between", language))),
                     None)
        if first is not None and 0 < int(out[first]) < said:
            out[first] = str(int(out[first]) * by)
    return out


TYPO_LANGUAGES = ("ru", "en")
"""languages whose unknown words are read as typos: in Kazakh, words a letter apart are too often both words
(асатын "exceeding", алатын "receiving"), and the rules do not yet know every form"""
SHORTEST_TYPO = 6
"""the shortest word read as a typo of another: shorter words are too often other words a letter away. A word one
letter shorter is read only as a longer word with a letter dropped (numbr, peple: never симей as семей)"""


def _vocabulary(layer: Layer, language: str) -> frozenset[str]:
    """Every word a question may use in ``language``: the layer's phrases, its words without meaning, and this
    module's word lists."""
    def make() -> frozenset[str]:
        words_ = set(_phrase_words(layer, language)) | set(layer.stopwords[language])
        words_ |= {w for name in VOCABULARIES for w in _words_of(name, language)}
        listed = [w for w, _ in COMPARATORS[language]] + AGE_COMPARATORS[language] + MONTHS[language] + \
            [w for forms in NOUNS.values() for w in forms[language]] + list(MULTIPLIERS[language]) + \
            list(_numerals(language))
        return frozenset(words_ | {w for phrase in listed for w in words(phrase, language)})

    return _per_layer("vocabulary", layer, language, make)


KK_WITHOUT = ("сыз", "сіз")
"""the Kazakh suffix "without" (су құбырысыз: with no water pipe)"""


def _without_suffix(typed: list[str], layer: Layer) -> list[str]:
    """A Kazakh word with the suffix -сыз/-сіз whose stem is a word of the vocabulary, as its stem and жоқ (no): су
    құбырысыз is су құбыры жоқ, which the layer knows; a word the layer lists with the suffix (газсыз) stays."""
    vocabulary = _vocabulary(layer, "kk")
    out: list[str] = []
    for word in typed:
        stem = word[:-3]
        if word.lower().endswith(KK_WITHOUT) and len(stem) >= 2 and \
                fold(word, "kk") not in vocabulary and fold(stem, "kk") in vocabulary:
            out += [stem, "жоқ"]
        else:
            out.append(word)
    return out


KK_PROGRESSIVE = "жүр"
"""the verb that, after a converb, says an action goes on (алып жүрген: receiving, оқып жүрген: studying)"""
KK_BACK = frozenset("аоұы")
KK_FRONT = frozenset("әеөүі")


def kazakh_progressive(converb: str, auxiliary: str) -> list[str]:
    """The present participles a Kazakh converb with жүр- may stand for (алып жүрген: алатын; оқып жүрген: оқитын;
    істеп жүргендер: істейтіндер), the ending жүр- took kept; [] when the two words are not one. A converb in -ып
    or -іп may be a consonant stem's (ал-ып) or a stem's in ы or і (оқы-п): both are given, and the vocabulary
    tells which it is."""
    converb, auxiliary = converb.lower(), auxiliary.lower()
    if not auxiliary.startswith(KK_PROGRESSIVE) or not converb.endswith("п") or len(converb) < 4:
        return []
    ending = auxiliary[len(KK_PROGRESSIVE) + (3 if auxiliary.startswith("жүрген") else 0):]
    stems = [converb[:-1]] + ([converb[:-2]] if converb[-2] in "ыі" else [])
    found = []
    for stem in stems:
        vowels = [c for c in stem if c in KK_BACK or c in KK_FRONT]
        if not vowels:
            continue
        back = vowels[-1] in KK_BACK
        found.append(_with_ending(stem, "атын" if back else "етін", "йтын" if back else "йтін") + ending)
    return found


def _progressive(typed: list[str], layer: Layer) -> list[str]:
    """A Kazakh converb and жүр- (алып жүрген адамдар) as the present participle the vocabulary holds (алатын)."""
    vocabulary = _vocabulary(layer, "kk")
    out: list[str] = []
    for word in typed:
        last = out[-1] if out else ""
        known = next((form for form in kazakh_progressive(last, word)
                      if _known_form(fold(form, "kk"), vocabulary, "kk")), None)
        if known is not None:
            out[-1] = known
        else:
            out.append(word)
    return out


KAZAKH_ONLY = frozenset("әғқңөұүһі")
"""letters Kazakh has and Russian has not: typed, they are meant (a typo puts к for қ, never қ for к)"""
STEM_END = 2
"""letters at a word's end where a Kazakh stem alternates (халық: халқы, шаруашылық: шаруашылығы)"""


def _kazakh_clash(phrase: Phrase, typed: list[str], at: int) -> bool:
    """Whether the question's words at ``at`` were typed with a Kazakh letter where the phrase, as the layer writes
    it, has another letter: the two fold alike but are other words (қарызы, debt, is not кәрізі, sewerage). Only
    before a stem's last letters, where endings and alternations change it."""
    for written, word in zip(phrase.written, typed[at:at + len(phrase.written)], strict=False):
        word = word.lower()
        if any(word[k] in KAZAKH_ONLY and word[k] != written[k]
               for k in range(min(len(written) - STEM_END, len(word)))):
            return True
    return False


ABBREVIATION_ENDINGS = frozenset({
    "", "ы", "і", "сы", "сі", "да", "де", "та", "те", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті",
    "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен", "дағы", "дегі", "тағы", "тегі",
    "мен", "бен", "пен", "ндағы", "ндегі", "нда", "нде", "на", "не", "а", "е", "у", "ом", "ой"})
"""what follows a region's abbreviation typed with its ending (ШҚО-да, ВКОдағы, ЮКО-ның, в ВКО, по ЮКОа)"""


def _abbreviation_clash(phrase: Phrase, typed: list[str], at: int, language: str) -> bool:
    """Whether the word at ``at`` only begins with a region's abbreviation of three letters and goes on with
    letters no ending is (школе is not ШКО + ле: no East Kazakhstan in a school)."""
    if phrase.item.kind != "region" or at >= len(typed):
        return False
    word = typed[at].lower()
    if not re.fullmatch(r"[а-яёәғқңөұүһі-]+", word):
        return False
    short = next((k for k in (2, 3) if fold(word[:k], language) == phrase.words[0]), None)
    return short is not None and word[short:].lstrip("-") not in ABBREVIATION_ENDINGS


def _less_suffix(typed: list[str], layer: Layer) -> list[str]:
    """An English word with the suffix -less whose stem is a word of the vocabulary, as "without" and its stem:
    childless is without child, homeless without home (never "child" with an ending, which would be children)."""
    vocabulary = _vocabulary(layer, "en")
    out: list[str] = []
    for word in typed:
        stem = word[:-4]
        if word.lower().endswith("less") and len(stem) >= 3 and fold(word, "en") not in vocabulary and \
                _known_form(fold(stem, "en"), vocabulary, "en"):
            out += ["without", stem]
        else:
            out.append(word)
    return out


CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі])")
"""where a word typed without its space shows it: вАктюбинской, howMany"""
SHORTEST_PART = 3
"""the fewest letters each of two words typed as one may have (shorter pieces fit too many words)"""


def _glued(typed: list[str], language: str, layer: Layer) -> tuple[list[str], list[tuple[str, str]]]:
    """The question's words with two words typed as one split (Алматыоблысындағы, количествоинвалидов, howmany,
    вАктюбинской): where an uppercase letter starts the second, or where the vocabulary knows neither the whole
    nor anything but both its parts, the first a whole word (the longest one wins); and the splits, said in the
    answer."""
    vocabulary = _vocabulary(layer, language)

    def known(word: str) -> bool:
        folded = fold(word, language)
        return folded in vocabulary or _known_form(folded, vocabulary, language)

    def exact(word: str) -> bool:  # a first part is a whole word: Алматыоблысын is no word (Алматы облысын is)
        folded = fold(word, language)
        return folded in vocabulary or lemma(folded, language) in vocabulary

    out: list[str] = []
    said = []
    for word in typed:
        parts = CAMEL.split(word)
        if len(parts) == 1 and len(word) >= 2 * SHORTEST_PART and word.isalpha() and not known(word) and \
                in_dictionary(fold(word, language), language) is not True:
            parts = next(([word[:k], word[k:]] for k in range(len(word) - SHORTEST_PART, SHORTEST_PART - 1, -1)
                          if exact(word[:k]) and known(word[k:])), [word])
        if len(parts) > 1:
            said.append((word, " ".join(parts)))
        out += parts
    return out, said


def _typos_corrected(tokens: list[str], typed: list[str], language: str, layer: Layer,
                     skip: set[int] | frozenset[int] = frozenset()) -> list[tuple[str, str]]:
    """Words the vocabulary does not hold, of at least ``SHORTEST_TYPO`` letters, replaced in ``tokens`` by the one
    vocabulary word a single edit away (a letter wrong, missing, extra or swapped: симей, колличество, famillies),
    when exactly one is; the replacements, said in the answer. A word two or more edits from every word, or one
    edit from two words, is left as it is: unknown, and the question declined naming it."""
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    if language not in TYPO_LANGUAGES:
        return []
    vocabulary = _vocabulary(layer, language)
    corrected = []
    for i, token in enumerate(tokens):
        if i in skip:  # a preamble's words: the letter's, never read
            continue
        misspelt = in_dictionary(token, language) is False or (  # no such Russian word: пенсионнеров
            language == "en" and not _english_form(token, vocabulary))  # pensionrs: pension, and "rs"?
        short = language == "en" and len(token) == SHORTEST_TYPO - 2  # wmen, mnay: see _short_slip
        if (len(token) < SHORTEST_TYPO - 1 and not short) or not token.isalpha() or (
                not misspelt and _known_form(token, vocabulary, language)) or token in vocabulary:
            continue
        near = {word: word for word, _, _ in extract(token, vocabulary, scorer=OSA.distance, score_cutoff=1,
                                                      limit=None)
                if (_short_slip(token, word) if short else
                    len(word) >= SHORTEST_TYPO - 1 and not token.startswith(word)  # шымкенте: шымкент inflected
                    and (len(token) >= SHORTEST_TYPO or len(word) > len(token)))}  # a short word: a letter dropped
        if not near and len(token) >= SHORTEST_TYPO and not _known_form(token, vocabulary, language):
            # a slip inside an inflected word's stem: Караганлинской is карагандинск + ой
            near = {word + token[cut:]: word for word in vocabulary if len(word) >= SHORTEST_TYPO
                    for cut in (len(word) - 1, len(word), len(word) + 1)
                    if 0 < len(token) - cut <= MAX_SUFFIX and token[:cut] != word
                    and OSA.distance(token[:cut], word, score_cutoff=1) <= 1}
            # the longest stem the slip is in, not a short word with a long tail: каргандинской is карагандинск + ой,
            # not курган + динской
            longest = max((len(word) for word in near.values()), default=0)
            near = {fixed: word for fixed, word in near.items() if len(word) == longest}
        meanings = {_meaning(word, language, layer) for word in near.values()}
        if len(near) == 1 or (len(meanings) == 1 and None not in meanings):
            tokens[i] = min(near, key=lambda word: (-len(near[word]), word))  # сколко: сколько and скоко alike
            corrected.append((typed[i], tokens[i]))
    return corrected


ENGLISH_ENDINGS = ("s", "es", "'s", "ed", "ing", "er", "ers", "ly")


def _english_form(token: str, vocabulary: frozenset[str]) -> bool:
    """Whether an English word is a word of the vocabulary or one with an English ending (families, receiving):
    English words take no other, so pensionrs is no form of pension but a slip in pensioners."""
    return token in vocabulary or any(token.endswith(e) and token[:-len(e)] in vocabulary for e in ENGLISH_ENDINGS)


def _short_slip(token: str, word: str) -> bool:
    """Whether a four-letter English word (one edit from ``word``) is ``word`` with a letter dropped after its
    first (wmen: women, totl: total, larg: large) or two letters after its first swapped (mnay: many): the slips
    of fast typing. Not a first letter dropped or changed: here is a word of its own, not where."""
    if token[0] != word[0]:
        return False
    if len(word) == len(token) + 1:
        return any(word[:k] + word[k + 1:] == token for k in range(1, len(word)))
    return len(word) == len(token) and any(
        token == word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(1, len(word) - 1))


def _meaning(word: str, language: str, layer: Layer) -> frozenset[str] | None:
    """What a single word of the vocabulary says on its own: the items of the one-word phrases it is, else that it
    says nothing (a word without meaning); None when it is only part of longer phrases or of this module's lists,
    so that two words a typo apart are the same reading only when they mean the same."""
    _, named = _phrase_index(layer, language)
    items = frozenset(f"{item.kind}:{item.id}" for item in named.get((word,), ()))
    return items or (frozenset({"stopword"}) if word in layer.stopwords[language] else None)


def _column_of(item: Item) -> str | None:
    """The column a filter of one value asks about (region = '79': region), if it is one."""
    found = EQUALITY.fullmatch(item.sql)
    return found.group(1) if found else None


def _listing(tokens: list[str], start: int, stop: int, language: str, result: Parse) -> bool:
    """Whether only words that list values (и, and, мен, or) stand between ``start`` and ``stop``: the value after
    them belongs to the list before them. An "or" inside such a list is part of the list, not a union of filters."""
    between = range(start, stop)
    listing = set(_words_of("and", language)) | set(_words_of("or", language))
    if not all(tokens[j] in listing for j in between):
        return False
    result.ors = [o for o in result.ors if o not in between]
    return True


def _trend(tokens: list[str], dictionary: list[str], typed: list[str], language: str, used: set[int],
           result: Parse, measured: frozenset[str] = frozenset(),
           phrased: frozenset[tuple[str, ...]] = frozenset(), aggregated: frozenset[str] = frozenset()) -> None:
    """A request for the number over time (по месяцам, by year, динамика), consuming its words (as typed or in
    their ``dictionary`` form): the step it names, or a month where it names none. Not a word that qualifies the
    measure after it (``measured``: median monthly wage, среднемесячная зарплата), nor one after a way to aggregate
    (``aggregated``: the average monthly pension is a pension's monthly amount, not one average per month)."""
    for step in ("trend_month", "trend_year", "trend_quarter", "trend"):
        for phrase in _phrases_of(step, language):
            for j in range(len(tokens)):
                span = set(range(j, j + len(phrase)))
                if phrase and not span & used and (_match_phrase(tokens, j, phrase) or
                                                   _match_phrase(dictionary, j, phrase)):
                    after = j + len(phrase)
                    if j > 0 and len(phrase) == 1 and tokens[j - 1] in aggregated:
                        if not any(_match_phrase(tokens, j, words) for words in phrased):  # average monthly
                            used |= span  # pension: the amount a month; median monthly income of families: a
                        continue  # measure's phrase
                    if after < len(tokens) and (tokens[after] in measured or dictionary[after] in measured):
                        if not any(_match_phrase(tokens, j, words) for words in phrased):  # monthly wage: a
                            used |= span  # month's wage, not one per month; monthly income of families: a phrase
                        continue
                    used |= span
                    if result.trend is None or step != "trend":
                        result.trend = {"trend_year": "year", "trend_quarter": "quarter"}.get(step, "month")
                    result.trend_said = " ".join(filter(None, [result.trend_said, *typed[j:j + len(phrase)]]))


NEGATION_WORDS = frozenset({"не", "нет", "ни", "без", "not", "no", "without", "never", "емес", "жоқ", "emes", "joq"})
"""words that turn what follows or precedes them into its opposite, in any of the three languages"""


def parse(text: str, layer: Layer | None = None) -> Parse:
    """What ``text`` asks, in the language it is in. Russian typed in Latin letters is read again in Cyrillic where
    that leaves fewer words unknown: the whole question (skolko semey poluchayut ASP), or, in an English one, the
    words English does not know (skolko pensionerov in Astana); the answer says how it was read."""
    layer = layer or default_layer()
    result = _parse(text, layer)
    readings = []
    if result.unknown and result.language != "ru" and _mostly_latin(text):
        cyrillic = _from_latin(text)
        russian = _parse(cyrillic, layer)
        if russian.language == "ru":
            readings.append((cyrillic, russian))
    if result.unknown and result.language == "en":
        mixed = text
        first = next(iter(typed_words(text)), "")
        for word in dict.fromkeys(w for w in result.unknown if w.isascii() and w.isalpha() and  # not a name
                                  (w == first or not w[:1].isupper())):  # (Semey, the city, is not семей)
            mixed = re.sub(rf"\b{re.escape(word)}\b", _from_latin(word), mixed)
        if mixed != text:
            readings.append((mixed, _parse(mixed, layer, "en")))
    if result.unknown and result.language in ("en", "ru"):  # Kazakh words in Latin letters: How many äielder live in
        # Jambyl oblysy? households in Soltüstik Qazaqstan oblysy; сколько жителей Şyğys Qazaqstan oblysy
        own = _kazakh_latin_said(text, result.unknown, layer, result.language)
        if own != text:
            readings.append((own, _parse(own, layer, result.language)))
    if result.unknown:  # a question in two languages (how many көп балалы families, сколько people старше 80): read
        # in each other language too, where the first one's phrases are borrowed; taken only if it reads every word,
        # and where the first could not place a negation, only if it reads one (үй шаруашылығы без детей), never
        # dropping it (жителей не в городе: не, в, городе borrowed as words without meaning, all residents)
        unplaced = any(w.lower() in NEGATION_WORDS for w in result.unknown)
        latin = _mostly_latin(text)  # the script most of it is written in says which language to answer in
        order = sorted((language for language in LANGUAGES if language != result.language and not (
                           language == "en" and not re.search(r"[a-zA-Z]", text))),  # no Latin: never English
                       key=lambda language: (language == "en") != latin)
        readings += [(text, other) for other in (_parse(text, layer, language) for language in order)
                     if not other.unknown and (not unplaced or _negates(other))]
    best = min(readings, key=lambda r: len(r[1].unknown), default=None)  # the whole question first on a tie
    if best is None or len(best[1].unknown) >= len(result.unknown):
        return result
    best[1].corrected.insert(0, (text, best[0]))
    return best[1]


def _negates(parsed: Parse) -> bool:
    """Whether a reading holds a negation: a filter turned into its opposite, or a number of none."""
    return bool(parsed.numeric_negated) or any(c.sql.startswith("NOT ") for span in parsed.items for c in span)


def _kazakh_latin_said(text: str, unknown: list[str], layer: Layer, language: str = "en") -> str:
    """An English (or Russian: ``language``) question with the Kazakh words it holds in Latin letters (any Kazakh
    Latin alphabet, folded as Kazakh is) said by the name in its language of what they name: a phrase of the
    layer's Kazakh ones that starts at a word the question's language does not know (äielder: women; Soltüstik
    Qazaqstan oblysy: North Kazakhstan Region). A place's one word is not read so: Semey, the city, is no region
    (its region's name is said in two words)."""
    typed = typed_words(text)
    keys = [fold(word, "kk") for word in typed]
    strange = {word.lower() for word in unknown}
    starts, _ = _phrase_index(layer, "kk")
    phrases = layer.phrases["kk"]
    said = text
    i = 0
    while i < len(typed):
        phrase = None
        if typed[i].lower() in strange:  # (a word in Cyrillic is no Latin Kazakh: the span's check below)
            phrase = next((p for p in (phrases[k] for k in _starting(keys[i], starts))
                           if not p.borrowed and p.item.name.get(language) and _match_phrase(keys, i, p.words) and
                           not (p.item.kind == "region" and len(p.words) == 1) and
                           not any(CYRILLIC.search(w) for w in typed[i:i + len(p.words)])), None)
        if phrase is None:
            i += 1
            continue
        words_ = typed[i:i + len(phrase.words)]
        said = re.sub(r"(?<!\w)" + r"\W+".join(map(re.escape, words_)) + r"(?!\w)", phrase.item.name[language],
                      said, count=1)
        i += len(phrase.words)
    return said


CYRILLIC = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
KK_REQUEST_ENDINGS = ("uinizdi", "uinizdin", "uinizge", "ularinizdi", "ulerinizdi")
"""a Kazakh verbal noun with "your" (formal): беруіңізді, ұсынуыңызды, хабарлауыңызды ... сұраймыз: the wrapper of a
request, whatever its verb"""
KK_VERBAL_NOUN = ("udi", "uni")
"""a Kazakh verbal noun in the accusative (ұсынуды, беруді, жіберуді), folded"""
KK_ASKING_VERBS = ("sura", "otin")
"""сұраймыз, сұраймын, өтінеміз, өтінемін (we ask, I ask), folded"""
RU_REQUEST = ("просить", "попросить")
RU_INFINITIVE = ("ть", "ти", "чь")


KK_ASKING = ("ait", "korset", "ber", "jiber", "jaz", "sana", "esepte", "tap", "shigar", "kara", "salistir")
"""Kazakh verbs of asking for an answer, folded: айт (tell), көрсет (show), бер (give), жібер (send), жаз (write),
сана and есепте (count), тап (find), шығар (put out), қара (look), салыстыр (compare)"""
KK_ASKING_FORMS = ("shi", "iniz", "niz", "inizshi", "nizshi", "indar", "inder", "ndar", "nder", "indarshi",
                   "indershi", "ip", "p", "saniz", "seniz", "sanizshi", "senizshi")
"""their imperative (айтшы; formal айтыңыз, айтыңызшы; plural айтыңдар), the converb a helping verb follows
(салыстырып жіберші) and the polite conditional (айтсаңыз), folded (ы and і fall together); not the bare stem,
which may be another word (жаз: summer, қара: black)"""
KK_KNOWING = ("bilesin", "bilesiz", "bilesinder", "bilesizder")
"""білесің бе, білесіз бе, білесіңдер ме: "do you know", around a question"""
RU_ASKING = frozenset({"показать", "дать", "сказать", "скинуть", "прислать", "выслать", "написать", "сообщить",
                       "подсказать", "вывести", "выгрузить", "предоставить", "представить", "привести", "назвать",
                       "посчитать", "подсчитать", "глянуть", "посмотреть", "уточнить", "найти", "узнать", "слушать",
                       "помочь", "сравнить", "собрать"})
"""Russian verbs of asking for an answer, read as wrappers in the imperative (скинь, покажите, слушайте)"""
APPROXIMATELY = {"kk": ("shamamen", "shamasi"), "ru": ("примерно", "приблизительно", "ориентировочно"),
                 "en": ("roughly", "approximately", "approx", "around")}
"""words that ask for an estimate: the exact answer is one, unless a number follows (примерно 100 тысяч)"""


def _request(tokens: list[str], dictionary: list[str], i: int, language: str) -> bool:
    """Whether word ``i`` only wraps the request (a word of politeness whatever its verb): in Kazakh a verbal noun
    with the formal "your" (хабарлауыңызды сұраймыз), a verb of asking in the imperative or its converb
    (көрсетші, айтыңызшы, салыстырып жіберші) or "do you know" (білесің бе); in Russian the verb in the
    infinitive after прошу/просим (прошу направить, просим подготовить) or a verb of asking in the imperative
    (скинь, покажите); in any language a word asking for an estimate where no number follows it."""
    token = tokens[i]
    if token in APPROXIMATELY[language] and not (i + 1 < len(tokens) and _number(tokens[i + 1], language) is not None):
        return True
    if language == "kk":
        if len(token) > 4 and token.endswith("p") and i + 1 < len(tokens) and \
                _request(tokens, dictionary, i + 1, language):
            return True  # нақтылап беруіңізді, есептеп беріңізші: the converb of the asking verb's help
        if len(token) > 5 and token.endswith(KK_VERBAL_NOUN) and i + 1 < len(tokens) and \
                tokens[i + 1].startswith(KK_ASKING_VERBS):
            return True  # ақпарат ұсынуды сұраймыз, беруді өтінемін: a verbal noun the asking verb governs
        return (len(token) > 8 and token.endswith(KK_REQUEST_ENDINGS)) or token in KK_KNOWING or \
            any(token.startswith(stem) and token[len(stem):] in KK_ASKING_FORMS for stem in KK_ASKING)
    if language == "ru":
        return (i > 0 and dictionary[i - 1] in RU_REQUEST and token.endswith(RU_INFINITIVE)) or \
            imperative(token) in RU_ASKING
    return False


PREAMBLE_STARTS = {
    "ru": (("во", "исполнение"), ("в", "соответствие"), ("в", "рамка"), ("на", "основание"), ("по", "поручение"),
           ("по", "запрос"), ("по", "письмо"), ("для", "подготовка"), ("в", "цель"), ("с", "цель"), ("в", "связь"),
           ("в", "ответ"), ("согласно",), ("для", "акимат"), ("для", "управление"), ("для", "министерство")),
    "en": (("pursuant", "to"), ("in", "accordance"), ("further", "to"), ("in", "response"), ("as", "requested"),
           ("at", "the", "request"), ("in", "connection"), ("with", "reference"), ("on", "behalf"),
           ("in", "line", "with"), ("following", "the", "request"))}
"""How an official letter's preamble begins (во исполнение поручения, в соответствии с запросом, pursuant to the
Ministry's request), in the words' dictionary forms: the clause says who asks and why, never what."""
EN_REQUEST = frozenset({"please", "kindly", "provide", "report", "send", "submit", "share", "give", "supply",
                        "could", "can", "would", "advise"})
"""English words that end a preamble and begin the request itself"""
KK_PREAMBLE_ENDS = ("saikes", "orai", "maksatinda", "boinsha", "retinde", "bailanisti")
"""Kazakh postpositions that close a preamble after a word of ``KK_ORDERS`` (сұрау салуына сәйкес, хатына орай,
тапсырмасын орындау мақсатында, министрліктің тапсырмасы бойынша, депутаттық сауалына байланысты), folded; after any
other word they are the question's own (жасына байланысты, облыстар бойынша)"""
KK_ORDERS = ("tapsirm", "surau", "sural", "salu", "hat", "otinish", "nuskau", "sheshim", "oryndau", "orindau",
             "jauap", "zhauap", "daindau", "azirleu", "saual")
"""a Kazakh instruction, request, letter or decision, carrying one out or preparing one (анықтама дайындау
мақсатында: to prepare a note; folded stems)"""
PREAMBLE_LONGEST = 8
"""a preamble's most words: a clause closed further on is the question's own"""
KK_PREAMBLE_LONGEST = 14
"""a Kazakh preamble's most words where a postposition after a letter or an order closes it: the agency that wrote
is named in full before it (облыстық жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасының хатына
сәйкес)"""


INTRODUCING = {"ru": frozenset({"я", "аналитик", "специалист", "сотрудник", "эксперт", "экономист", "статистик",
                                "работник", "работать", "методист", "писать"}),
               "en": frozenset({"i", "im", "analyst", "specialist", "officer", "economist", "statistician",
                                "expert", "writing"})}
"""Words (Russian in their dictionary form) that, among a question's first three, begin the asker's introduction
of themself (Я аналитик акимата Павлодарской области; Работаю в управлении занятости ВКО; Пишу из акимата ...;
Astana akimat analyst here; Writing from the Shymkent city akimat): who asks, not what"""
ASKING_STARTS = {"ru": frozenset({"сколько", "какой", "каков", "каковой", "где", "скажите", "подсказать", "подскажите",
                                  "сообщить", "назвать", "дать", "интересовать", "хотеть", "просить", "показать"}),
                 "en": frozenset({"how", "what", "which", "where", "please", "kindly", "can", "could", "give",
                                  "tell", "show"})}
"""Words that begin the question after an introduction (Russian in their dictionary form)"""
KK_ROLES = ("sarapshi", "maman", "taldaushi", "analitik", "kizmetker", "ekonomist", "statistik", "tilshi",
            "jurnalist", "zhurnalist", "korrespondent", "deputat")
"""a Kazakh role the asker says they are (сарапшысымын, маманмын: folded stems)"""
KK_I_AM = ("min", "pin", "bin")
"""the Kazakh first person's ending of "I am" (сарапшысымын), folded"""
KK_WE_ARE_IN = ("damiz", "demiz", "tamiz", "temiz", "nanbiz", "nenbiz", "danbiz", "denbiz", "tanbiz", "tenbiz")
"""the Kazakh locative or ablative with "we are" (облысындамыз: we are in the region; әкімдігіненбіз, облысынанбыз:
we are from it), folded"""


KK_WRITING = ("jazip", "zhazip")
KK_WE_WRITE = ("otirmiz", "otirmin", "otirm")
"""жазып отырмыз, жазып отырмын: we are (I am) writing, after who writes (Қызылорда облысы әкімдігінен), folded"""


def _introduction(rest: list[str], dictionary: list[str], language: str) -> int:
    """How many of the words ``rest`` begins with introduce the asker (Я аналитик акимата Павлодарской области.
    Сколько ...; Мен Маңғыстау облысы әкімдігінің сарапшысымын. ...; Батыс Қазақстан облысындамыз: ...; Jambyl
    region analyst - what share ...); 0 where they do not."""
    if language == "kk":
        for k, token in enumerate(rest[:PREAMBLE_LONGEST + 1]):
            if (token.startswith(KK_ROLES) and token.endswith(KK_I_AM)) or (k and token.endswith(KK_WE_ARE_IN)) or (
                    k > 1 and token in KK_WE_WRITE and rest[k - 1] in KK_WRITING):  # әкімдігінен жазып отырмыз
                return k + 1 if k + 1 < len(rest) else 0
        return 0
    words = dictionary if language == "ru" else rest
    if not any(w in INTRODUCING.get(language, ()) for w in words[:3]):
        return 0
    return next((k for k in range(1, min(len(words), PREAMBLE_LONGEST + 2))
                 if words[k] in ASKING_STARTS.get(language, ()) and k + 1 < len(rest)), 0)


def _preamble(tokens: list[str], language: str) -> range:
    """The positions of an official letter's preamble or a greeting at the question's start, whose words are the
    letter's (who asks and why) or the chat's, not the question's: a greeting (қайырлы күн, добрый день, dear
    colleagues); in Russian and English from a preamble's first words to the request (просим направить, направляем
    запрос, please report); in Kazakh up to a postposition that closes it (сұрау салуына сәйкес, министрліктің
    тапсырмасы бойынша, хатқа жауап ретінде). Empty where there is none, or where nothing would be left to ask."""
    greeting = next((len(g) for g in _phrases_of("greeting", language) if _match_phrase(tokens, 0, g)), 0)
    rest = tokens[greeting:]
    if language == "kk":
        for k, token in enumerate(rest[:KK_PREAMBLE_LONGEST + 1]):
            if k and token in KK_PREAMBLE_ENDS and rest[k - 1].startswith(KK_ORDERS) and k + 1 < len(rest):
                return range(greeting + k + 1)
        introduced = _introduction(rest, rest, language)
        return range(greeting + introduced) if introduced else range(greeting if greeting < len(tokens) else 0)
    dictionary = [lemma(t, "ru") if language == "ru" else t for t in rest[:PREAMBLE_LONGEST + 2]]
    introduced = _introduction(rest, dictionary, language)
    if introduced:
        return range(greeting + introduced)
    starts = PREAMBLE_STARTS.get(language, ())
    if any(tuple(dictionary[:len(start)]) == start for start in starts):
        for k in range(1, min(len(dictionary), PREAMBLE_LONGEST + 1)):
            if language == "ru" and dictionary[k] in RU_LETTER_VERBS:  # направляем запрос о ...: the letter's own
                sent = k + 1 + int(k + 1 < len(dictionary) and dictionary[k + 1] in RU_LETTER_OBJECTS)
                return range(greeting + sent) if greeting + sent < len(tokens) else range(greeting)
            ends = dictionary[k] in RU_REQUEST or imperative(rest[k]) in RU_ASKING if language == "ru" else \
                rest[k] in EN_REQUEST
            if ends:
                return range(greeting + k)
    return range(greeting if greeting < len(tokens) else 0)


def _region_of_sender(tokens: list[str], preamble: set[int], layer: Layer, language: str) -> set[int]:
    """The words of a region the preamble names where the question names none after it (On behalf of the Akimat of
    Turkestan Region, please provide the number of families ...: the sender's region is the one asked about), to be
    read as the question's; none where the question names a region of its own."""
    if not preamble:
        return set()
    found = _region_spans(tokens, layer, language)
    inside = [span for span in found if span <= preamble]
    return set().union(*inside) if inside and all(span & preamble for span in found) else set()


OUR = {"kk": ("imiz",), "ru": ("наш", "свой"), "en": ("our",)}
""""Our" in Kazakh (the possessive ending after a region's noun, folded: облысымыздағы), Russian and English"""
OUR_PLACES = {"kk": ("oblis", "onir", "aimak", "kala"), "ru": ("область", "регион", "город"),
              "en": ("region", "oblast", "city", "area")}
"""the nouns of a place that "our" says of the asker's region"""


def _region_spans(tokens: list[str], layer: Layer, language: str) -> list[set[int]]:
    """The positions of each phrase of a region the question holds, by every region's phrase: a word's first letters
    name it (павлодарской)."""
    return [set(range(j, j + len(region))) for j in range(len(tokens)) for region in _region_phrases(layer, language)
            if _match_phrase(tokens, j, region)]


def _one_region_named(tokens: list[str], our: set[int], layer: Layer, language: str) -> bool:
    """Whether the question names one region, by one phrase outside ``our`` (the words of "our region"): then "our
    region" is that one (ШҚО бойынша есеп дайындап жатырмын: өңіріміздегі жастар саны); never where it names two
    (our region against Karaganda: which is ours is not said)."""
    if not our or not all(language != "kk" or any(o in tokens[i] for o in OUR["kk"]) for i in our):
        return False  # облысында (in the region) after Алматы: the region's own word, no "our"
    return len({min(span) for span in _region_spans(tokens, layer, language) if min(span) not in our}) == 1


def _our_region(tokens: list[str], language: str) -> set[int]:
    """The positions of "our region" (облысымыздағы, өңіріміздегі, у нас в области, нашей области, in our region,
    here), which an asker who introduced themself by their region says of it: no breakdown by region, no unknown
    word."""
    found: set[int] = set()
    places = OUR_PLACES.get(language, ())
    for i, token in enumerate(tokens):
        if language == "kk":  # облысымыздағы: our region's; облыстағы (in the region) after the asker named theirs
            if token.startswith(places) and (any(o in token for o in OUR["kk"]) or not _plural(token, language)):
                found.add(i)
            continue
        word = lemma(token, "ru") if language == "ru" else token
        if language == "en" and word == "here":  # here in the city, after Writing from Almaty's city hall: theirs
            found.add(i)
            continue
        if word not in places:
            continue
        before = [lemma(t, "ru") if language == "ru" else t for t in tokens[max(0, i - 2):i]]
        if before and before[-1] in OUR.get(language, ()):
            found |= {i - 1, i}
        elif language == "ru" and len(before) == 2 and before[0] == "мы" and before[1] in ("в", "по"):
            found |= {i - 2, i - 1, i}  # у нас в области, у нас по области
    return found


RU_LETTER_VERBS = frozenset({"направлять"})
"""Russian verbs of a letter that sends its request (направляем запрос о ...): the preamble ends after them"""
RU_LETTER_OBJECTS = frozenset({"запрос", "письмо"})


RU_NEGATIVE_PREFIX = "не"
SHORTEST_NEGATED = 7
"""the shortest Russian word read as не + a vocabulary word (неработающих); shorter ones are too often words"""


def _russian_negated(tokens: list[str], layer: Layer) -> set[int]:
    """The positions of Russian words written with не joined to a word the vocabulary holds (неработающих,
    незанятых), each replaced in ``tokens`` by that word, so that the filter it names is negated; a word the
    vocabulary holds whole (несовершеннолетних, неполных) is left as it is."""
    vocabulary = _vocabulary(layer, "ru")
    found = set()
    for i, token in enumerate(tokens):
        rest = token[len(RU_NEGATIVE_PREFIX):]
        if not token.startswith(RU_NEGATIVE_PREFIX) or len(token) < SHORTEST_NEGATED or \
                _known_form(token, vocabulary, "ru"):
            continue
        if _known_form(rest, vocabulary, "ru"):
            tokens[i] = rest
            found.add(i)
    return found


SHARED_MARKERS = {"before": {"kk": (), "ru": ("без", "нет"), "en": ("without", "no")},
                  "after": {"kk": ("жоқ", "емес", "бар", "қамтылмаған", "қосылмаған"), "ru": (), "en": ()}}
"""words that say "without" (or "with") once for two things listed: без газа или водопровода, газы немесе суы жоқ,
көлігі немесе мүлкі бар"""
BOTH_PARTICLES = frozenset({"да", "де", "та", "те"})
"""X да, Y де жоқ: neither X nor Y (and X та, Y те бар: both)"""


def _distributed(typed: list[str], language: str, layer: Layer) -> list[str]:
    """The question's words with a "without" said once for two things listed said for each (без газа или
    водопровода: без газа или без водопровода; газы немесе суы жоқ: газы жоқ немесе суы жоқ; without gas or
    water), where the marker makes a phrase of the layer with each thing and the other thing alone is none."""
    pairs, singles = _per_layer("pairs and singles", layer, language, lambda: (
        [p.words for p in layer.phrases[language] if len(p.words) == 2],
        [(p.words[0], p.item.sql.removeprefix("NOT ")) for p in layer.phrases[language] if len(p.words) == 1]))
    listing = set(_words_of("or", language)) | set(_words_of("and", language))
    folded = [fold(w, language) for w in typed]
    before, after = ({fold(m, language) for m in SHARED_MARKERS[side][language]} for side in ("before", "after"))

    def phrase(first: str, second: str) -> bool:
        return any(_match_phrase([first, second], 0, p) for p in pairs)

    def alone(word: str, marked: tuple[str, str]) -> bool:
        """Whether the word alone names something other than what it names with the marker (газы: gas, and газы
        жоқ: no gas, are one thing, said two ways)."""
        with_marker = {p.item.sql.removeprefix("NOT ") for p in layer.phrases[language]
                       if len(p.words) == 2 and _match_phrase(list(marked), 0, p.words)}
        return any(word_matches(single, word) and sql not in with_marker for single, sql in singles)

    out = list(typed)
    particles = {fold(w, language) for w in BOTH_PARTICLES} if language == "kk" else set()
    for i in range(len(folded) - 4, -1, -1):
        first, second, third, fourth = folded[i:i + 4]
        fifth = folded[i + 4] if i + 4 < len(folded) else ""
        if first in before and third in listing and not alone(fourth, (first, fourth)) and \
                phrase(first, second) and phrase(first, fourth):  # без газа или водопровода
            out.insert(i + 3, typed[i])
        elif fourth in after and second in listing and not alone(first, (first, fourth)) and \
                phrase(first, fourth) and phrase(third, fourth):  # газы немесе суы жоқ
            out.insert(i + 1, typed[i + 3])
        elif second in particles and fourth in particles and fifth in after and phrase(first, fifth) and \
                phrase(third, fifth):  # жылытуы да, кәрізі де жоқ: жылытуы жоқ кәрізі жоқ
            out[i + 1], out[i + 3] = typed[i + 4], ""
        elif fifth in after and second in listing and not alone(first, (first, fifth)) and \
                phrase(first, fifth) and phrase(fourth, fifth):  # жеке көлігі немесе жылжымайтын мүлкі бар
            out.insert(i + 1, typed[i + 4])
    return [w for w in out if w]


def _expanded(typed: list[str], short: dict[str, tuple[str, ...]]) -> list[str]:
    """The question's words with each abbreviation (обл., avg, зп; ск-ко, typed as two words) replaced by the
    words it stands for (the layer's ``abbreviations``)."""
    out: list[str] = []
    i = 0
    while i < len(typed):
        for n in (3, 2, 1):
            full = short.get(" ".join(typed[i:i + n]).lower()) if i + n <= len(typed) else None
            if full is not None:
                out += full
                i += n
                break
        else:
            out.append(typed[i])
            i += 1
    return out


LATIN_AMBIGUOUS = ((re.compile(r"([аеоуыэюя])и\b"), r"\1й"), (re.compile(r"ыи\b"), "ьи"), (re.compile(r"ыа\b"), "ья"),
                   (re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])е\b"), "ые"))
"""Russian letters that Latin typing writes alike: i for и and й (semei: семей), yi for ый and ьи (semyi: семьи),
ye for е and ые (mnogodetnye: многодетные)"""


def _from_latin(text: str) -> str:
    """Russian typed in Latin letters, in Cyrillic, each word that the Russian dictionary does not know as read
    spelt again where Latin typing writes two letters alike (semei: семеи, no word, so семей; semyi: семьи)."""
    def respelt(found: re.Match[str]) -> str:
        word = found.group(0)
        if in_dictionary(word.lower(), "ru") is not False:
            return word
        for pattern, replacement in LATIN_AMBIGUOUS:
            other = pattern.sub(replacement, word)
            if other != word and in_dictionary(other.lower(), "ru"):
                return other
        return word

    return re.sub(r"[а-яёА-ЯЁ]+", respelt, russian_from_latin(text))


def _mostly_latin(text: str) -> bool:
    return sum(ch.isascii() and ch.isalpha() for ch in text) > sum(ch.isalpha() for ch in text) / 2


LOOK_ALIKE = "aeopcyxkABEKMHOPCTX"
LOOK_ALIKE_CYRILLIC = "аеорсухкАВЕКМНОРСТХ"
TO_CYRILLIC = str.maketrans(LOOK_ALIKE, LOOK_ALIKE_CYRILLIC)
TO_LATIN = str.maketrans(LOOK_ALIKE_CYRILLIC, LOOK_ALIKE)
_LETTERS = re.compile(r"[^\W\d_]+")


ROMAN_GROUP = re.compile(r"\b(III|II|I)\b(?=\s*(?:гр|груп|group|топ))|(?<=\bgroup )(III|II|I)\b"
                         r"|(?<=\bгруппа )(III|II|I)\b|(?<=\bгруппы )(III|II|I)\b", re.IGNORECASE)
"""a disability group written in Roman numerals (инвалиды I гр., II группы, group III, III топ)"""


ROMAN_PART = re.compile(r"(?<!\w)(IV|[IІ]{1,3})(?=\s*-?\s*(?:кв\b|квартал|полугоди|тоқсан|токсан|тоқ\b|жарты|"
                        r"quarter|half|qtr))", re.IGNORECASE)
"""a part of a year by its Roman numeral (I тоқсан, II полугодие, IV квартал, III quarter), read before the words
are folded (which would make II and III one letter)"""


def arabic_groups(text: str) -> str:
    """A group's or a part of a year's Roman numeral as its number (I гр.: 1 гр.; group III: group 3; І тоқсан: 1
    тоқсан)."""
    text = ROMAN_PART.sub(lambda m: "4" if m.group(1).upper() == "IV" else str(len(m.group(1))), text)
    return ROMAN_GROUP.sub(lambda m: str(len(m.group(0))), text)


def one_script(text: str) -> str:
    """Each word in one script: a Latin letter that looks like a Cyrillic one typed among Cyrillic letters (болee,
    a keyboard's layout switched mid-word) is that Cyrillic letter, and the other way round."""
    def mended(found: re.Match[str]) -> str:
        word = found.group(0)
        cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
        latin = sum(1 for c in word if c.isascii())
        if not cyrillic or not latin:
            return word
        return word.translate(TO_CYRILLIC if cyrillic >= latin else TO_LATIN)
    return _LETTERS.sub(mended, text)


ENGLISH_KEPT = frozenset({"city"})
"""English fillers that still tell something in a question of another language: Almaty city is not Almaty region."""


def _english_filler(typed: list[str], tokens: list[str], at: int, layer: Layer, language: str) -> bool:
    """An English filler typed in Latin letters in a Kazakh or Russian question (how many köp balaly otbasy in Almaty
    oblysy?; Shymkent-te how many otbasy get AӘK?): a word the question's own language would have dropped as well.
    Not a numeral of that language, nor one of its own words in Latin letters (all is Kazakh ал), unless a filler
    beside it is unmistakably English (how many: many is no мәні)."""
    def english(k: int, alone: bool) -> bool:
        plain = typed[k].lower()
        return plain.isascii() and plain.isalpha() and plain in layer.stopwords["en"] and \
            plain not in ENGLISH_KEPT and _number(tokens[k], language) is None and \
            (not alone or tokens[k] not in _phrase_words(layer, language, own=True))

    return language != "en" and english(at, False) and (english(at, True) or any(
        english(k, True) for k in (at - 1, at + 1) if 0 <= k < len(typed))) and not _mostly_english(typed, layer)


def _mostly_english(typed: list[str], layer: Layer) -> bool:
    """Whether half the question's words or more are English (how many көп балалы families in Almaty?; payments in
    2023 and 2025): an English question with a word of another language, whose fillers another language's reading
    must not drop."""
    english = _per_layer("english words", layer, "en", lambda: frozenset(  # a place's name is in no language
        w for p in layer.phrases["en"] if not p.borrowed and p.item.kind != "region" for w in p.words)
        | layer.stopwords["en"])
    said = [w.lower() for w in typed if w.isalpha()]
    return 2 * sum(1 for w in said if w.isascii() and fold(w, "en") in english) >= len(said)


SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_]{3}[)»\"”]))[.!]\s+(?=[^\W\d_])")
"""Where a sentence ends before another: after a word of three letters or more (not кв. м, not обл.), or its
closing bracket or quote (... akimat (Kzyl-Orda in the old spelling). What ...), before a letter"""
INTRODUCING_SENTENCE = {
    "ru": frozenset({"я", "мы", "специалист", "аналитик", "сотрудник", "эксперт", "экономист", "статистик",
                     "работник", "методист", "начальник", "руководитель", "заместитель", "инспектор", "управление",
                     "отдел", "департамент", "акимат", "министерство", "аппарат", "работать", "писать"}),
    "en": frozenset({"i", "im", "we", "specialist", "analyst", "officer", "economist", "statistician", "expert",
                     "manager", "inspector", "department", "division", "office", "akimat", "ministry", "greetings",
                     "writing", "unit", "administration", "team", "hall"}),
    "kk": frozenset({"men", "biz"})}
"""Words (Russian in their dictionary form, Kazakh folded) of a sentence in which the asker introduces themself or
their office (Я ведущий специалист управления ...; I'm a chief specialist at ...; Greetings from the ... akimat,
social protection division; Мен ... маманымын): who asks, never what"""
KK_INTRODUCING_STEMS = ("maman", "sarapshi", "taldaushi", "analitik", "kizmetker", "ekonomist", "statistik",
                        "bashi", "akimdig", "akimshilig", "baskarma", "bolim", "departament", "ministrlig")
"""Kazakh stems (folded) of a role or an office an asker introduces themself by (маманымын, әкімдігі, бөлімі)"""
ASKING_IN_SENTENCE = {"ru": frozenset({"сколько", "какой", "каков", "каковой", "скока"}),
                      "en": frozenset({"how", "what", "which"}),
                      "kk": frozenset({"kansha", "neshe", "neseu", "kandai", "kaisi"})}
"""Words that ask: a sentence holding one is a question, never an introduction"""


def _region_phrases(layer: Layer, language: str) -> tuple[tuple[str, ...], ...]:
    """The words of every region's phrases in ``language``, folded."""
    return _per_layer("region phrases", layer, language, lambda: tuple(
        p.words for p in layer.phrases[language] if p.item.kind == "region"))


def _introducing(sentence: str, layer: Layer) -> tuple[str, list[str], list[str]] | None:
    """A sentence before the question that introduces the asker or their office and asks nothing (no question
    mark, no number, no asking word, and a word of ``INTRODUCING_SENTENCE`` or ``KK_INTRODUCING_STEMS``): its
    language and its words as typed and folded; None for any other sentence."""
    if "?" in sentence or any(c.isdigit() for c in sentence):
        return None
    language = _detect(sentence, layer)
    typed = typed_words(sentence)
    folded = [fold(w, language) for w in typed]
    said = [lemma(w, "ru") for w in folded] if language == "ru" else folded
    if set(said) & ASKING_IN_SENTENCE.get(language, frozenset()):
        return None
    introduces = bool(set(said) & INTRODUCING_SENTENCE.get(language, frozenset())) or (
        language == "kk" and any(w.startswith(KK_INTRODUCING_STEMS) for w in folded))
    return (language, typed, folded) if introduces else None


def _introduced(text: str, layer: Layer) -> tuple[str, str]:
    """A question's leading sentences that introduce the asker (``_introducing``), as the words of the regions
    they name (the asker's region: said of "our region" after them), and the question after them; ("", text)
    where none does. However long the introduction (Я ведущий специалист управления координации занятости и
    социальных программ Карагандинской области.), its offices' words (занятости, social protection) are not the
    question's."""
    regions: list[str] = []
    rest = text
    while (end := SENTENCE_END.search(rest)) is not None and rest[end.end():][:1].isupper() and \
            len(typed_words(rest[end.end():])) >= 2 and (said := _introducing(rest[:end.start()], layer)):
        rest = rest[end.end():]
        language, typed, tokens = said
        phrases = _region_phrases(layer, language)
        j = 0
        while j < len(tokens):
            found = max((len(r) for r in phrases if _match_phrase(tokens, j, r)), default=0)
            regions += typed[j:j + found]
            j += found or 1
    return " ".join(regions), rest


def _parse(text: str, layer: Layer, language: str | None = None) -> Parse:
    """``language``: the question's, when known (else detected)."""
    intro, text = _introduced(text, layer)
    if intro:  # the introduction's regions, then the question: the regions are the preamble's, the asker's own
        language = language or _detect(text, layer)
        return _parse_words(f"{intro} {text}", layer, language, _words_read(intro, layer, language).tokens)
    return _parse_words(text, layer, language)


@dataclass(frozen=True)
class _Read:
    """A question's words as read: its text with officialese said plainly and asides dropped, its language, its
    words as typed (after joins, splits and expansions) and as read (a Kazakh negated verb as its positive), folded
    (``tokens``), the words read as one (``glued``) and those whose reading negates them (``flipped``)."""

    text: str
    language: str
    typed: list[str]
    glued: list[tuple[str, str]]
    read: list[str]
    tokens: list[str]
    flipped: set[int]


EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90}
EN_TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19}
EN_WRITTEN_NUMBER = re.compile(r"\b(?:(" + "|".join(EN_TENS) + r")(?:[\s-]+(" + "|".join(
    w for w in NUMBERS["en"] if w != "ten") + r"))?|(" + "|".join(EN_TEENS) + r"))\b", re.IGNORECASE)
"""English numbers written in words from eleven to ninety-nine (sixty five, sixty-five, eighteen): their digits,
as a person reading the question would take them (the words one to ten are read as numerals where they stand)"""


def _english_numbers(text: str) -> str:
    def digits(m: re.Match[str]) -> str:
        if m.group(3):
            return str(EN_TEENS[m.group(3).lower()])
        return str(EN_TENS[m.group(1).lower()] + (NUMBERS["en"][m.group(2).lower()] if m.group(2) else 0))

    return EN_WRITTEN_NUMBER.sub(digits, text)


SHORT_YEAR = re.compile(r"\b(?P<month>(?:янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?)\s+"
                        r"(?P<year>\d\d)(?=-?(?:го|ого)\b|\s+(?:года|году|год|г)\b)"
                        r"|\b(?P<en>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)\s+['’](?P<y>\d\d)\b",
                        re.IGNORECASE)
"""a year of two digits after a month (в декабре 25-го, декабря 24 года, Dec '25): the year of this century; a
number after a month without them is its day (May 25)"""


def _short_years(text: str) -> str:
    def year(m: re.Match[str]) -> str:
        return f"{m.group('month')} 20{m.group('year')}" if m.group("month") else f"{m.group('en')} 20{m.group('y')}"

    return SHORT_YEAR.sub(year, text)


def _words_read(text: str, layer: Layer, language: str | None) -> _Read:
    """``text``'s words as ``_parse`` reads them (``language``: the question's, when known; else detected)."""
    text = WITH.sub("with ", WITHOUT.sub("without ", NUMBER_SIGN.sub("number", _unlabelled(arabic_groups(
        one_script(text))))))
    text = VERB_SAID_ONCE.sub(r"\1 \2 \3 \1 \4", _short_years(_english_numbers(text)))
    text = NEITHER_NOR.sub(lambda m: f"without {m.group(1)} and without ", text)
    text = RU_NEITHER_NOR.sub(r"без \1 и без \2", text)
    text = CARD_SAID.sub(" ", CARD_CRITERION.sub(r" \1 ", text))
    text = MEMBER_WHO.sub(r"\1 with a", AT_LEAST_ONE.sub("", NOUN_SAID_AGAIN.sub(r"\1 \2 \3 ", text)))
    for aside in ASIDES:
        text = aside.sub(" ", text)
    text = MONTHLY_BETWEEN.sub(r"\1 ", MONTHLY_RATE.sub(r"\1", text))
    text = ROOMS_COMPOUND.sub(lambda m: f"{ROOMS_COUNTED[(m.group(1) or m.group(2)).lower().replace('ё', 'е')]}"
                              f"-комнатн", text)
    if AVERAGE_SAID.search(text):
        text = AMOUNT_A_MONTH.sub(r"\1", text)
    for said, meant in SAID_OTHERWISE:
        text = said.sub(meant, text)
    if ALLOWANCE_SAID.search(text):
        text = PENSIONS_EXCLUDED.sub(" ", text)
    if PENSION_SAID.search(text):
        text = ALLOWANCES_EXCLUDED.sub(" ", text)
    language = language or _detect(text, layer)
    text = NUMBER_DASH.sub("\\1 \u2012 \\2", text)  # 50-100 тыс: a range, not 50 100 joined as 50100
    typed = _distributed(_whole_numbers(_expanded([part for word in typed_words(text) for part in _unjoined(word)],
                                                  layer.abbreviations[language]), language), language, layer)
    typed, glued = _glued(typed, language, layer)
    if language == "kk":
        typed = _progressive(_without_suffix(typed, layer), layer)
    if language == "en":
        typed = _less_suffix(typed, layer)
    positive = [_kazakh_positive(word, layer) if language == "kk" else None for word in typed]
    for i in _negation_phrased([fold(word, language) for word in typed], positive, layer):
        positive[i] = None
    flipped = {i for i, word in enumerate(positive) if word}  # алмайтын: read as алатын, then negated
    present = [_kazakh_present(word, layer) if language == "kk" and not positive[i] else None
               for i, word in enumerate(typed)]  # алған: алатын
    read = [positive[i] or present[i] or word for i, word in enumerate(typed)]  # as the words are read
    tokens = [fold(word, language) for word in read]
    if language == "ru":  # неработающих: работающих, negated (a word the vocabulary holds with не is kept whole)
        flipped |= _russian_negated(tokens, layer)
    return _Read(text, language, typed, glued, read, tokens, flipped)


def _parse_words(text: str, layer: Layer, language: str | None, introduced: Sequence[str] = ()) -> Parse:
    """``_parse`` of a question that begins with the words ``introduced`` (as read) of an introduction (its
    regions)."""
    words_read = _words_read(text, layer, language)
    text, language, typed, glued = words_read.text, words_read.language, words_read.typed, words_read.glued
    read, tokens, flipped = words_read.read, words_read.tokens, words_read.flipped
    used: set[int] = set()
    result = Parse(language)
    relative = _relative_years(tokens, typed, language, used, result)  # былтыр: 2025, before typos are read
    begun = len(introduced) if tokens[:len(introduced)] == list(introduced) else 0  # else the question's own
    letter = _preamble(tokens[begun:], language)  # read before typos: further (to) is no slip of another word
    preamble = set(range(begun)) | {begun + k for k in letter}
    sender = _region_of_sender(tokens, preamble, layer, language)
    our = _our_region(tokens, language)
    preamble = (preamble - sender) | ((our - sender) if sender or _one_region_named(tokens, our, layer, language)
                                      else set())
    result.corrected = glued + relative + _typos_corrected(tokens, typed, language, layer, preamble)
    dictionary = [lemma(t, "ru" if language == "en" and not t.isascii() else language)  # Russian words in their
                  for t in tokens]  # dictionary form (pymorphy3), in an English question too
    _ranking(tokens, language, used, result)
    _share(tokens, language, used, result, percent="%" in text)
    _trend(tokens, dictionary, typed, language, used, result, _per_layer(
        "measure words", layer, language, lambda: frozenset(p.words[0] for p in layer.phrases[language]
                                                            if p.item.kind == "measure")), _per_layer(
        "measure phrases", layer, language, lambda: frozenset(p.words for p in layer.phrases[language]
                                                              if p.item.kind == "measure" and len(p.words) > 1)),
        _per_layer("aggregate words", layer, language, lambda: frozenset(
            p.words[-1] for p in layer.phrases[language] if p.item.kind == "aggregate")))
    _period(tokens, typed, language, used, result)  # after the trend: per year, 2015–2025
    phrases = layer.phrases[language]
    starts, named = _phrase_index(layer, language)
    ends = _numbered_groups(tokens, phrases, named, used, result)  # before the numbers: by number of children
    # under 18 is a breakdown, not a filter of families with children
    worded = _numerals_in_phrases(tokens, phrases, starts, language, used)
    used |= worded  # воспитывает один родитель, бір ата-ана: the phrase's "one", not a count of one
    result.numeric = _numeric(tokens, language, used, result.numeric_at)
    used -= worded
    per_person = _income_per_person(tokens, dictionary, language, used)  # after the numbers: income below 50 000
    negate = False  # a word before the next filter turns it into its opposite (не, not, кроме, excluding)
    negated_at = 0
    result.both = _said(tokens, "both", language)  # water, gas, heating and sewerage all together: all at once
    # пенсионеры и инвалиды вместе, zeinetkerler и мүгедектер вместе: a mixed question says "together" and its
    # "and" in the other language
    together = any(_said(tokens, "together", other, language) for other in LANGUAGES) and not result.both
    joined = frozenset(w for other in LANGUAGES for phrase in _phrases_of("and", other, language) for w in phrase)
    result.total = any(token in _words_of("total", language) for token in tokens)
    negated_list: tuple[str, int] | None = None  # the column a negation was said of, and where its value ended
    used |= preamble  # во исполнение поручения (просим ...), қайырлы күн: the letter's, the chat's
    i = 0
    negation_end = -1
    while i < len(tokens):
        if i in used:
            if negate and i == negation_end:  # "not" before words read already: a number's, or nothing it turns
                counted = [k for k, at in enumerate(result.numeric_at) if at == i]
                if len(counted) == 1:
                    result.numeric_negated.add(counted[0])  # no children under 18: none
                else:  # not 2-3 children, not in 2025: never dropped, never guessed
                    result.unknown.append(typed[negated_at])
                negate = False
            i += 1
            continue
        for position in sorted({*_starting(tokens[i], starts), *_starting(dictionary[i], starts)}):
            phrase = phrases[position]
            span = set(range(i, i + len(phrase.words)))
            if tokens[i] in _words_of("not_before", language) and phrase.words[0] != tokens[i]:
                continue  # without is not an inflected "with": without disability is no disability
            if not span & used and (_match_phrase(tokens, i, phrase.words) or
                                    _match_phrase(dictionary, i, phrase.words)) and \
                    not _kazakh_clash(phrase, read, i) and not _abbreviation_clash(phrase, read, i, language) and \
                    not _overtaken(tokens, dictionary, i, phrase, used, layer, language, starts):
                end = i + len(phrase.words)
                after = next((len(w) for w in _phrases_of("not_after", language)
                              if not set(range(end, end + len(w))) & used and _match_phrase(tokens, end, w)), 0)
                if not after and language == "kk" and end < len(tokens) and tokens[end] in NEITHER_PARTICLES:
                    # газы да, орталық жылуы да жоқ: neither gas nor central heating (the "да" before the "жоқ")
                    after = next((1 + len(w) for w in _phrases_of("not_after", language)
                                  if not set(range(end, end + 1 + len(w))) & used and
                                  _match_phrase(tokens, end + 1, w)), 0)
                    if after and result.items and ends and ends[-1] < len(tokens) and \
                            tokens[ends[-1]] in NEITHER_PARTICLES and all(c.kind == "filter" for c in result.items[-1]):
                        result.items[-1] = [_opposite(c, layer) for c in result.items[-1]]
                candidates = list(dict.fromkeys(named[phrase.words]))
                if len({c.kind == "region" for c in candidates}) == 2:  # a place's name that is also a word:
                    # Семей the city as a name is written (capitalised), семей (of families) as a word
                    place = typed[i][:1].isupper()
                    candidates = [c for c in candidates if (c.kind == "region") == place]
                column = _column_of(candidates[0])
                listed = negated_list is not None and column == negated_list[0] and \
                    _listing(tokens, negated_list[1], i, language, result)
                negated = bool(negate or after or listed or span & flipped)
                if not negated and not set(phrase.words) & HAVING and result.items and ends and ends[-1] == i - 1 and \
                        tokens[i - 1] in _words_of("or", language) | _words_of("and", language) and \
                        all(re.fullmatch(r"NOT \w+", c.sql) for c in result.items[-1]) and \
                        all(re.fullmatch(r"\w+", c.sql) for c in candidates):
                    negated = True  # не имеют газа или (центрального) водоснабжения: the "not" said once, of two
                    # things had
                after_and = not negated and result.items and ends and ends[-1] == i - 1 and i - 1 in result.ands
                whole_first = after_and and all(c.kind == "entity" for c in result.items[-1]) and \
                    all(c.kind == "filter" for c in candidates) and \
                    any(c.entity == result.items[-1][0].entity for c in candidates)
                part_first = after_and and all(c.kind == "filter" for c in result.items[-1]) and \
                    all(c.kind == "entity" for c in candidates) and \
                    any(c.entity == candidates[0].entity and KIND_OF.search(c.sql) for c in result.items[-1])
                if whole_first or part_first:
                    # awards and pensions, пособий и пенсий, pension and benefit awards: the whole and a part of it
                    # are the whole (a part said first only where it is a kind of the whole's rows)
                    if part_first:
                        result.items[-1], result.positions[-1] = candidates, i
                    ends[-1] = end
                    used |= span
                    break
                if after_and and _complementary(result.items[-1], candidates):
                    # allowances and pensions, пособий и пенсий: a kind and every other kind are all of them, not
                    # a kind that is both (which nothing is)
                    result.items.pop()
                    result.positions.pop()
                    ends.pop()
                    used |= span
                    break
                if negated:
                    candidates = [_opposite(c, layer) for c in candidates]
                    used |= set(range(end, end + after))
                if after and column:  # Алматы мен Астанадан басқа: the values listed before it too
                    k = len(result.items)
                    while k > 0 and _column_of(result.items[k - 1][0]) == column and \
                            _listing(tokens, ends[k - 1], result.positions[k] if k < len(result.items) else i,
                                     language, result):
                        result.items[k - 1] = [_opposite(c, layer) for c in result.items[k - 1]]
                        k -= 1
                negated_list = (column, end + after) if negated and column else None
                result.items.append(candidates)
                result.positions.append(i)
                ends.append(end + after)
                used |= span
                negate = False
                break
        else:
            if i in flipped:  # a negated Kazakh verb after what it is said of (АӘК алмайды): that filter negated
                if ends and ends[-1] == i and any(c.kind == "filter" for c in result.items[-1]):
                    result.items[-1] = [_opposite(c, layer) for c in result.items[-1]]
                    ends[-1] = i + 1
                elif (elided := _elided(tokens, i, ends, result, language)) is not None:
                    # жәрдемақы алатын және алмайтын: "алмайтын" is the filter before it, negated
                    result.items.append([_opposite(c, layer) for c in elided])
                    result.positions.append(i)
                    ends.append(i + 1)
                else:  # a "not" of nothing it could turn is never dropped silently
                    result.unknown.append(typed[i])
                used.add(i)
                i += 1
                continue
            alternative = next((len(w) for w in _or_words(language)
                                if _match_phrase(tokens, i, w) and not set(range(i, i + len(w))) & used), 0)
            if alternative:
                result.ors.append(i)
                used |= set(range(i, i + alternative))
                i += alternative
                continue
            negation = next((len(w) for w in _phrases_of("not_before", language)
                             if _match_phrase(tokens, i, w) and not set(range(i, i + len(w))) & used), 0)
            if negation and i + negation < len(tokens):
                negate, negated_at, negation_end = True, i, i + negation
                used |= set(range(i, i + negation))
                i += negation
                continue
            if negation and (elided := _elided(tokens, i, ends, result, language)) is not None:
                # receive benefits and those that do not: the question ends on the "not" of the filter before it
                result.items.append([_opposite(c, layer) for c in elided])
                result.positions.append(i)
                ends.append(i + negation)
                used |= set(range(i, i + negation))
                i += negation
                continue
            if together and tokens[i] in joined:
                result.ors.append(i)  # pensioners and disabled people together: one group of either
            elif tokens[i] in _words_of("and", language):
                result.ands.append(i)
            linking = bool(result.order or result.compare) and tokens[i] in _words_of("links", language)
            stop, borrowed = layer.stopwords[language], layer.borrowed_stopwords[language]
            one = not _ordinal(tokens[i], language) and not tokens[i].isdecimal() and \
                _number(tokens[i], language) == 1  # бір төлемнің, одной выплаты
            if tokens[i] not in stop and dictionary[i] not in stop and tokens[i] not in borrowed and not linking and \
                    not one and i not in per_person and not _request(tokens, dictionary, i, language) and \
                    not _english_filler(typed, tokens, i, layer, language):
                # (a number read as nothing is unknown too)
                result.unknown.append(typed[i])  # said back as the asker wrote it, not in its folded form
            used.add(i)
        i += 1
    result.how_many = sum(_match_phrase(tokens, j, phrase) for phrase in _phrases_of("how_many", language)
                          for j in range(len(tokens)))
    if result.how_many >= 2:  # how many employed men and how many employed women: each apart
        result.compare = True
    if negate and (elided := _elided(tokens, negated_at, ends, result, language)) is not None:
        # families that receive benefits and those that do not (receive them): the filter before it, negated
        result.items.append([_opposite(c, layer) for c in elided])
        result.positions.append(negated_at)
        ends.append(len(tokens))
        result.unknown = [w for w in result.unknown if fold(w, language) not in ELLIPSIS_VERBS[language]]
    elif negate:  # a "not" before nothing it could turn (no children under 18: a number): never dropped silently
        result.unknown.append(typed[negated_at])
    _regions_listed(tokens, result, language)
    return result


REGIONS_PLURAL = {"kk": ("облыстар",), "ru": (), "en": ("regions", "oblasts")}
"""the plural word for regions, as it closes a list of them (Алматы, Түркістан және Маңғыстау облыстарындағы;
Almaty, Turkestan and Mangystau regions). Not in Russian, which names the oblast by its adjective (Алматинской) and
the city by its name (население Алматы, Жамбылской и Туркестанской областей: the city and two oblasts)."""


def _regions_listed(tokens: list[str], result: Parse, language: str) -> None:
    """A list of places that the plural "regions" closes names regions: there a name that is a city's and an
    oblast's (Алматы) is the oblast, not the city it names alone. Its oblast's reading is put first."""
    plural = tuple(fold(w, language) for w in REGIONS_PLURAL[language])
    if not plural or not any(t.startswith(plural) for t in tokens):
        return
    spans = [k for k, span in enumerate(result.items) if any(c.kind == "region" for c in span)]
    if len(spans) < 2:
        return
    for k in spans:
        places = [c for c in result.items[k] if c.kind == "region"]
        if len(places) >= 2:  # the city's reading first, the oblast's after it (``_phrase_index``)
            result.items[k] = [places[-1], *(c for c in result.items[k] if c is not places[-1])]


def _elided(tokens: list[str], at: int, ends: list[int], result: Parse, language: str) -> list[Item] | None:
    """The filter a "not" at ``at`` repeats with its words left out, if it does: the filter said last, before
    only linking words (and, those that, которые их, және), with nothing after the "not" but a verb of having or
    receiving; None otherwise (a "not" before nothing it could turn stays unknown)."""
    last = next((k for k in range(len(result.items) - 1, -1, -1)
                 if any(c.kind == "filter" for c in result.items[k])), None)
    if last is None or any(c.kind != "entity" for span in result.items[last + 1:] for c in span):
        return None  # only the entity may be named again after the filter (и у семей, которые их не получают)
    links, verbs = set(_words_of("ellipsis_links", language)), set(_words_of("ellipsis_verbs", language))
    between = tokens[ends[last]:at]
    joined = set(_words_of("and", language)) | set(_words_of("or", language)) | \
        {fold(w, language) for w in ELLIPSIS_JOINS[language]}
    after = [t for t in tokens[at + 1:] if t not in verbs] if language != "kk" else []
    return result.items[last] if any(t in joined for t in between) and all(t in links for t in between) and \
        not after else None


SAID = {
    "decline_contradiction": {"kk": "«{a}» мен «{b}» бір мезгілде болмайды: жауап әрқашан 0 болар еді. Сұрақты "
                                    "тексеріңіз.",
                              "ru": "«{a}» и «{b}» не бывают одновременно: ответ всегда был бы 0. Проверьте вопрос.",
                              "en": "\"{a}\" and \"{b}\" cannot both hold: the answer would always be 0. Please "
                                    "check the question."},
    "decline_recipients": {"kk": "«{words}»: нені алушылар? Төлем түрін атаңыз, мысалы: зейнетақы алушылар, АӘК "
                                 "алушылар.",
                           "ru": "«{words}»: получатели чего? Назовите вид выплаты, например: получатели пенсии, "
                                 "получатели АСП.",
                           "en": "\"{words}\": recipients of what? Name the payment, for example: pension recipients, "
                                 "recipients of targeted social assistance."},
    "decline_vehicle_place": {"kk": "«{words}»: көліктің қай жерде тіркелгені деректерде жоқ. Бар болғаны — "
                                     "тұрғындарға тиесілі көліктер саны (мысалы: Астана тұрғындарының көліктер саны).",
                              "ru": "«{words}»: где зарегистрирован автомобиль, в данных нет. Есть число автомобилей "
                                    "у жителей (например: число автомобилей у жителей Астаны).",
                              "en": "\"{words}\": where a vehicle is registered is not in the data. It holds the "
                                    "number of vehicles residents own (for example: vehicles owned by people in "
                                    "Astana)."},
    "decline_not_held": {"kk": "«{words}»: мұндай төлем деректерде жоқ. Бар төлемдер: {held}.",
                         "ru": "«{words}»: такой выплаты нет в данных. Есть: {held}.",
                         "en": "\"{words}\": the data hold no such payment. They hold: {held}."},
    "decline_ages": {"kk": "«{words}»: қай жастағылар? Жасын көрсетіңіз, мысалы: 18–29 жастағы.",
                     "ru": "«{words}»: какого возраста? Укажите возраст, например: в возрасте 18–29 лет.",
                     "en": "\"{words}\": of which ages? Say the ages, for example: aged 18-29."},
    "decline_bound_average": {"kk": "«{what}» шегі орташа мәнге қойылған сияқты (қай жерде орташасы одан жоғары?): "
                                    "мұндай сұраққа жауап бермеймін. Орташасын өңірлер бойынша сұраңыз.",
                              "ru": "Похоже, граница «{what}» поставлена на среднее (где оно выше?): на такой вопрос "
                                    "не отвечаю. Спросите среднее по регионам.",
                              "en": "The bound on \"{what}\" seems to be on the average itself (where is it above?): "
                                    "that is not answered. Ask for the average by region."},
    "decline_words": {"kk": "Мына сөздерді түсінбедім: {words}. Сұрақты басқаша қойып көріңіз.",
                      "ru": "Не понял слова: {words}. Попробуйте спросить иначе.",
                      "en": "I did not understand: {words}. Please rephrase the question."},
    "decline_subject": {"kk": "Нені санау керек екенін түсінбедім (адамдар, отбасылар, төлемдер?).",
                        "ru": "Не понял, что считать (людей, семьи, выплаты?).",
                        "en": "I could not tell what to count (people, families, payments?)."},
    "decline_said_twice": {"kk": "«{a}» мен «{b}»: екеуі де бір шаманы айтады, қайсысы керек? Сұрақта біреуін "
                                 "ғана қалдырыңыз.",
                           "ru": "«{a}» и «{b}»: оба условия о той же величине, какое из них имеется в виду? "
                                 "Оставьте в вопросе одно.",
                           "en": "\"{a}\" and \"{b}\": both say what the same value is; which one is meant? Keep "
                                 "one of them in the question."},
    "decline_and": {"kk": "«{a}» және «{b}»: екеуі бір мезгілде бар адамдар ма, әлде екі топ бірге ме? Сұрақта "
                          "«бір мезгілде» немесе «бірге» деп көрсетіңіз.",
                    "ru": "«{a}» и «{b}»: люди, у которых одновременно то и другое, или обе группы вместе? Уточните: "
                          "«одновременно» или «вместе».",
                    "en": "\"{a}\" and \"{b}\": people who are both at once, or the two groups together? Say "
                          "\"both\" or \"together\"."},
    "masked_group": {"kk": "«{role}» рөлі «{column}» бағанын жасырын көреді (ерекше санат): ол бойынша бөлініс тек "
                           "белгілерді көрсетер еді. Оның барларының жалпы санын сұраңыз.",
                     "ru": "Роль «{role}» видит «{column}» скрытым (особая категория): разбивка по нему показала бы "
                           "только маску. Спросите общее число тех, у кого оно есть.",
                     "en": "The role \"{role}\" sees \"{column}\" masked (a special category): a breakdown by it would "
                           "show only its mask. Ask how many people have it at all."},
    "decline_or_number": {"kk": "«Немесе» мұнда шартты санмен біріктіреді, оны әзірге оқи алмаймын: әр бөлігін "
                                "бөлек сұраңыз.",
                          "ru": "«Или» здесь соединяет условие с числом так, как я пока не читаю: спросите о каждой "
                                "части отдельно.",
                          "en": "\"Or\" here joins a condition and a number in a way I cannot read yet: ask about "
                                "each part separately."},
    "decline_mixed": {"kk": "Сұрақтың бөліктері әртүрлі нәрсеге қатысты: {what}.",
                      "ru": "Части вопроса относятся к разным вещам: {what}.",
                      "en": "Parts of the question are about different things: {what}."},
    "decline_ranking": {"kk": "Нені салыстыру керектігін түсінбедім: өңірлер, жыныс, әл-ауқат деңгейі бойынша ба? "
                                "Мысалы: «Қай облыста ең көп көпбалалы отбасы бар?»",
                        "ru": "Не понял, что сравнивать: регионы, пол, уровень благополучия? Например: «В каком "
                              "регионе больше всего многодетных семей?»",
                        "en": "I could not tell what to rank: regions, sex, well-being levels? For example: "
                              "\"Which region has the most large families?\""},
    "decline_share_whole": {"kk": "Үлес неден есептелетінін көрсетіңіз, мысалы: «әйелдер арасында зейнеткерлердің "
                                   "үлесі».",
                            "ru": "Уточните, от чего считать долю, например: «доля пенсионеров среди женщин».",
                            "en": "Say what the share is taken of, for example: \"the share of pensioners among "
                                  "women\"."},
    "decline_share_part": {"kk": "Ненің үлесін есептеу керектігін түсінбедім, мысалы: «көпбалалы отбасылардың "
                                  "үлесі».",
                           "ru": "Не понял, долю чего считать, например: «доля многодетных семей».",
                           "en": "I could not tell what to take the share of, for example: \"the share of large "
                                 "families\"."},
    "decline_share_metric": {"kk": "Үлес тек адамдар, отбасылар немесе төлемдер санынан есептеледі.",
                             "ru": "Доля считается только от числа людей, семей или выплат.",
                             "en": "A share is taken only of a number of people, families or payments."},
    "decline_period": {"kk": "{what} туралы деректер бүгінгі күйін ғана көрсетеді, тарихы жоқ: «{period}» үшін жауап "
                             "жоқ.",
                       "ru": "Данные о категории «{what}» показывают только текущее состояние, без истории: за "
                             "«{period}» ответа нет.",
                       "en": "The data on {what} show the present only, with no history: there is no answer for "
                             "\"{period}\"."},
    "decline_trend": {"kk": "{what} туралы деректер бүгінгі күйін ғана көрсетеді, тарихы жоқ: уақыт бойынша өзгерісті "
                            "(«{period}») көрсету мүмкін емес.",
                      "ru": "Данные о категории «{what}» показывают только текущее состояние, без истории: изменение "
                            "во времени («{period}») показать нельзя.",
                      "en": "The data on {what} show the present only, with no history: a change over time "
                            "(\"{period}\") cannot be shown."},
    "decline_trend_split": {"kk": "Уақыт бойынша өзгеріс бір бөлумен ғана көрсетіледі: «{split}» бойынша немесе уақыт "
                                  "бойынша сұраңыз.",
                            "ru": "Изменение во времени показывается без второй разбивки: спросите либо по "
                                  "«{split}», либо по времени.",
                            "en": "A trend over time is shown with no second split: ask either by {split} or over "
                                  "time."},
    "period_uncovered": {"kk": "Деректерде «{period}» кезеңі үшін «{what}» бойынша {n} жазбадан аз бар: бұл кезеңге "
                               "жауап жоқ.",
                         "ru": "В данных меньше {n} записей категории «{what}» за период «{period}»: ответа за этот "
                               "период нет.",
                         "en": "The data hold fewer than {n} records of {what} for \"{period}\": there is no answer "
                               "for that period."},
    "special_groups": {"kk": "мүгедектік жәрдемақысы көрсетілмейді (ерекше санат)",
                       "ru": "пособие по инвалидности не показано (особая категория)",
                       "en": "the disability allowance is not shown (a special category)"},
    "small_groups": {"kk": "{n} адамнан аз топтар көрсетілмейді", "ru": "группы менее чем из {n} человек не показаны",
                     "en": "groups of fewer than {n} people are not shown"},
    "share_of": {"kk": "үлесі, %: {part} / {whole}", "ru": "доля, %: {part} / {whole}",
                 "en": "share, %: {part} / {whole}"},
    "outside_scope": {"kk": "Сіздің қол жеткізуіңіз тек мына өңірді қамтиды: {mine}. {asked} одан тыс, сондықтан "
                            "жауап берілмейді.",
                      "ru": "Ваш доступ охватывает только регион {mine}: {asked} вне его, поэтому ответа нет.",
                      "en": "Your access covers {mine} only: {asked} is outside it, so there is no answer."},
    "no_scope": {"kk": "Сіздің есептік жазбаңызға өңір берілмеген, сондықтан өңірлік рөл ешқандай жолды көрмейді: "
                       "әкімшіге жүгініңіз.",
                 "ru": "В вашей учётной записи не указан регион, поэтому региональная роль не видит ни одной строки: "
                       "обратитесь к администратору.",
                 "en": "Your account has no region, so a regional role sees no rows: ask the administrator to set "
                       "it."},
    "within_scope": {"kk": "сіздің қол жеткізуіңіз шегінде: тек {mine}",
                     "ru": "в пределах вашего доступа: только {mine}", "en": "within your access: {mine} only"},
    "order_desc": {"kk": "ең көбі алдымен", "ru": "по убыванию", "en": "highest first"},
    "order_asc": {"kk": "ең азы алдымен", "ru": "по возрастанию", "en": "lowest first"},
    "order_limit": {"kk": "алғашқы {n}", "ru": "первые {n}", "en": "top {n}"},
    "suppressed": {"kk": "Жауап тым аз адамға қатысты (қорғалған, шу қосылған санақ бойынша {n} адамнан аз): жеке "
                         "деректерді қорғау үшін көрсетілмейді.",
                   "ru": "Ответ касается слишком малого числа людей (по защищённому подсчёту с шумом менее {n}): не "
                         "показывается ради защиты персональных данных.",
                   "en": "The answer concerns too few people (fewer than {n} by a protected, noisy count): it is "
                         "withheld to protect personal data."},
}
OPERATORS = {">=": "≥", ">": ">", "<": "<", "<=": "≤", "=": "="}
EQUALITY = re.compile(r"(\w+) = ('[^']*')")
"""a filter that is one value of one column (region = '79', sex = 'F', level = 'crisis')"""
NUMERIC_NAMES = {"amount": {"kk": "сомасы", "ru": "сумма", "en": "amount"},
                 "income": {"kk": "жан басына табыс", "ru": "доход на человека", "en": "income per person"},
                 "group": {"kk": "мүгедектік тобы", "ru": "группа инвалидности", "en": "disability group"},
                 "children": {"kk": "балалар саны", "ru": "детей", "en": "children"},
                 "children_under_18": {"kk": "18 жасқа толмаған балалар саны", "ru": "детей до 18 лет",
                                       "en": "children under 18"},
                 "age": {"kk": "жасы", "ru": "возраст", "en": "age"},
                 "members": {"kk": "мүшелер саны", "ru": "членов", "en": "members"},
                 "residents": {"kk": "тұратын адамдар саны", "ru": "проживающих", "en": "residents"},
                 "rooms": {"kk": "бөлмелер саны", "ru": "комнат", "en": "rooms"},
                 "area": {"kk": "ауданы, м²", "ru": "площадь, м²", "en": "area, m²"},
                 "vehicles": {"kk": "көліктер саны", "ru": "автомобилей", "en": "vehicles"},
                 "wage": {"kk": "айлық жалақы", "ru": "месячная зарплата", "en": "monthly wage"},
                 "debt": {"kk": "коммуналдық қарыз, ₸", "ru": "долг за коммунальные услуги, ₸",
                          "en": "utility debt, ₸"}}
"""what a number in the question counts, as the answer's interpretation says it (by its column where an entity
names it otherwise: a dwelling's residents)"""


MINORS_SAID = {"kk": "18 жасқа толмаған балалары бар", "ru": "с детьми до 18 лет", "en": "with children under 18"}
NOT_SAID = {"kk": "{name} емес", "ru": "не {name}", "en": "not {name}"}


def _negated(item: Item) -> Item:
    """The opposite of a filter or region (NOT its condition, named so: a row the condition says nothing of, a
    NULL, is not one that has it); an entity, metric or group as it is."""
    if item.kind not in ("filter", "region"):
        return item
    return Item(item.kind, f"not_{item.id}", item.entity, f"NOT coalesce(({item.sql}), FALSE)",
                {lang: NOT_SAID[lang].format(name=name) for lang, name in item.name.items()}, item.where)


_NOT_EQUAL = re.compile(r"(\w+) <> ('[^']*'|\w+)")


def _complementary(said: list[Item], candidates: list[Item]) -> bool:
    """Whether two filters said side by side are one value of a column and every other value of it (allowances,
    kind <> 'old_age_pension', and pensions, kind = 'old_age_pension'): together, everything. (A filter and its
    opposite, families with gas and without, are two groups compared, a row each.)"""
    def apart(a: str, b: str) -> bool:
        unequal = _NOT_EQUAL.fullmatch(a)
        return unequal is not None and b == f"{unequal.group(1)} = {unequal.group(2)}"
    return any(a.kind == b.kind == "filter" and a.entity == b.entity and (apart(a.sql, b.sql) or apart(b.sql, a.sql))
               for a in said for b in candidates)


def _opposite(item: Item, layer: Layer) -> Item:
    """The layer's own filter that says the opposite of ``item`` (receives_benefit: "NOT receives_benefit", with
    its name), else ``item`` negated: one question in three languages is one query, however each says "not"."""
    return next((other for other in layer.items if other.kind == item.kind and other.entity == item.entity
                 and other.sql == f"NOT {item.sql}"), None) or _negated(item)


REGISTERED = {"kk": ["тіркел"], "ru": ["зарегистр", "регистр"], "en": ["registered", "registration"]}
"""words that place a vehicle where it is registered: the data hold the vehicles residents own, not where they
are registered"""
AGED_PEOPLE = {"kk": ["жастар", "қариялар", "қарттар"], "ru": ["молодежь", "молодежи", "пожилых", "пожилые"],
               "en": ["youth", "young", "elderly"]}
"""words for people of an age the data does not define (youth, the elderly): people, only with the age said
(қариялар 70-тен асқан; young people aged 18-29); alone they are declined, never read as everyone"""


RECIPIENTS = {"kk": ["алушы", "алушылар", "алушылардың"], "ru": ["получатель", "получатели", "получателей"],
              "en": ["recipient", "recipients", "beneficiary", "beneficiaries"]}
"""words for people who receive something, which say what only with a kind of payment named"""
PAID_FILTER = re.compile(r"benefit|pension|receives|kind")
"""the SQL of a filter that names what is received (a kind of payment, a benefit, a pension)"""


def _step_said(p: Parse, step: str) -> bool:
    """Whether the trend's words include one of ``TREND[step]`` (month: по месяцам, by month; trend: динамика, the
    dynamics of something, not only it step by step): a trend that names no step is a month's unless it runs over
    years."""
    said = p.trend_said.lower().split() if p.trend is not None and p.trend_said else []
    return any(word_matches(fold(w, p.language), fold(s, p.language)) for phrase in TREND[step][p.language]
               for w in phrase.split() for s in said)


def _said_of(question: str, listed: Mapping[str, Sequence[str]], language: str) -> list[str]:
    """The question's words, as typed, that are forms of a word of ``listed`` in ``language``."""
    return [w for w in typed_words(question) if any(word_matches(fold(a, language), fold(w, language))
                                                    for a in listed[language])]


CURRENCY = frozenset({"kzt", "tenge", "тенге", "теңге", "тг", "тнг", "₸"})
"""the currency's names: an amount of money"""


IMPLIED_BY = {"children": "in_school"}
"""a filter another one says already, as people use the words: children in school, mektepte oqityn balalar, дети,
которые учатся в школе are the pupils (of 18 or 19 too), not the pupils under 18"""


def _not_held(question: str, language: str) -> str:
    """The words of the question, as typed, that name a payment the data do not hold (NOT_HELD), in any of the
    three languages (a mixed question may say it in another); "" if none."""
    typed = typed_words(question)
    tokens = [fold(w, language) for w in typed]
    for said_in in LANGUAGES:
        for phrase in _phrases_of("not_held", said_in, language):
            for j in range(len(tokens)):
                if _match_phrase(tokens, j, phrase):
                    return " ".join(typed[j:j + len(phrase)])
    return ""


def _contradiction(picked: Sequence[Item]) -> tuple[Item, Item] | None:
    """Two filters of the question that are each other's opposite (pupils who are not in school), if any."""
    def bare(sql: str) -> str:
        return re.sub(r"^NOT coalesce\(\(?(.*?)\)?, FALSE\)$|^NOT (\w+)$", lambda m: m.group(1) or m.group(2), sql)

    for a, b in itertools.combinations(picked, 2):
        if a.kind == b.kind == "filter" and a.sql != b.sql and bare(a.sql) == bare(b.sql) and \
                a.sql.startswith("NOT") != b.sql.startswith("NOT"):
            return a, b
    return None


MEMBERS = {("persons", "disabled", "families"): "families_disabled",
           ("persons", "pensioners", "families"): "families_with_pensioners",
           ("persons", "children", "families"): "families_with_minors",
           ("persons", "children", "households"): "households_children",
           ("households", "households_children", "families"): "families_with_minors",
           ("families", "families_with_minors", "households"): "households_children"}
"""a filter of people said of families or households: those with at least one such member (and "with children"
said of the other of the two)"""


def _member_filter(item: Item, entity: str, layer: Layer) -> Item | None:
    """The filter of ``entity`` (families, households) that holds at least one person ``item`` selects, if the
    layer has one (семьи, в которых есть пенсионер: pensioners > 0)."""
    negated = item.id.startswith("not_") and item.sql.startswith("NOT ")  # childless: no member who is a child
    wanted = MEMBERS.get((item.entity or "", item.id.removeprefix("not_") if negated else item.id, entity)) \
        if item.kind == "filter" else None
    found = next((i for i in layer.items if i.kind == "filter" and i.id == wanted and i.entity == entity), None)
    return _opposite(found, layer) if found is not None and negated else found


BOUND = re.compile(r"(NOT coalesce\(\()?\(?(\w+) (>=|<=|>|<|=) (\d+)\)?(\), FALSE\))?")
"""a condition that bounds a whole number (age < 18, NOT coalesce((children_under_18 >= 1), FALSE))"""
BETWEEN = re.compile(r"\b(\w+) BETWEEN (\d+) AND (\d+)\b")
"""a whole number between two bounds (age BETWEEN 13 AND 17)"""
TESTS: dict[str, Callable[[int, int], bool]] = {
    ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
    "=": lambda a, b: a == b}


def _bounds(conditions: Sequence[tuple[str, str]]) -> dict[str, list[tuple[str, int, bool, str]]]:
    """The conditions (SQL, as said) that bound a whole number, by column: each test, its number, whether it is
    negated, and how it is said."""
    bounds: dict[str, list[tuple[str, int, bool, str]]] = {}
    for sql, said in conditions:
        # girls: sex = 'F' AND age < 18; teenagers: age BETWEEN 13 AND 17 (each of its two ends a bound)
        parts = BETWEEN.sub(r"\1 >= \2 AND \1 <= \3", sql).split(" AND ") \
            if " OR " not in sql and not sql.startswith("NOT") else [sql]
        for part in parts:
            found = BOUND.fullmatch(part.strip())
            if found is not None and bool(found.group(1)) == bool(found.group(5)) and said:
                bounds.setdefault(found.group(2), []).append((found.group(3), int(found.group(4)),
                                                              bool(found.group(1)), said))
    return bounds


def _impossible(conditions: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """Two of the question's conditions (SQL, as said) that no whole number satisfies together, on one column
    (childless, children_under_18 >= 4; children, aged 70): how they are said, or None. Each bounds a half-line or
    a point, so the numbers beside their bounds are the only ones to try."""
    for tests in _bounds(conditions).values():
        tried = {0} | {n + d for _, n, _, _ in tests for d in (-1, 0, 1) if n + d >= 0}
        for a, b in itertools.combinations(tests, 2):
            if not any(all(TESTS[op](v, n) != negated for op, n, negated, _ in (a, b)) for v in tried):
                return a[3], b[3]
    return None


def _said_twice(conditions: Sequence[tuple[str, str]], named: Collection[str] = ()) -> tuple[str, str] | None:
    """Two conditions on one column of which one says its exact value and the other bounds it (over 65, uh, 65 and
    older: age = 65 beside age >= 65): which one the asker meant is not said (a correction, a slip), and either
    reading gives another number; how they are said, or None. A bound a word says (``named``: children, with
    children under 18) that the exact value keeps is no second saying: children aged exactly 6,
    exactly 2 children under 18."""
    for tests in _bounds(conditions).values():
        point = next(((n, w) for op, n, negated, w in tests if op == "=" and not negated), None)
        other = next((w for op, n, negated, w in tests if op != "=" and not negated and not (
            point is not None and w in named and TESTS[op](point[0], n))), None)
        if point is not None and other is not None and point[1] != other:
            return point[1], other
    return None


def _aggregate_word(word: str, language: str, layer: Layer) -> bool:
    """Whether a word of the question names a way to aggregate (средняя, average, орташа, медиана)."""
    folded = fold(word, language)
    return any(folded in p.words or lemma(folded, language) in p.words
               for p in layer.phrases[language] if p.item.kind == "aggregate")


EVENTS = {"births": frozenset({"children"}), "deaths": frozenset()}
"""Entities of persons counted by an event's date (born, died), and the words said of them that are the event's own
(the born are children): a question of people who died is of the deaths, not of the people alive."""
RESIDENTS = re.compile(r"resident|inhabitant|жител|проживающ|живущ|тұрғын|турғын|тургын|turgyn|tūrğyn|turğyn",
                       re.IGNORECASE)
"""the words that say the people born in a period are those living now (residents born in the 1980s), not every
birth of the period"""
LIVING_SAID = {"kk": "қазір тұратындар", "ru": "проживающие сейчас", "en": "living now"}
PAID_OVER_TIME = "total_paid"
"""What payments over time are where neither a count nor a sum is said (динамика выплат): the money paid."""
REGION_AGAIN = re.compile(r"(oblis|oblys|obl|oblast|region|област|обл)\w{0,6}")
"""A region's word said alone, folded (облыс, облыстың, облыс тұрғындары; области): the region already named"""
OLD_NAME_SAID = re.compile(r"\b(?:[Oo]ld|[Ee]x)[\s-]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]*(?:[\s-]+[^\W\d_]+)?[\s-]+"
                           r"(?:[Oo]blast|[Rr]egion|[Pp]rovince)\b")
"""A region named by its old name, a capital letter's (the old Semipalatinsk oblast, ex-Guryev region): its "old"
says nothing (old people say an age, and are declined as one not said)"""
RECIPIENTS_PAID = "recipients_paid"
"""The metric of the people paid in a period (a person's payments counted once)"""
CURRENT_AWARDS = "active_awards"
"""The filter an average or median of awards' amounts takes where no period or state is said: the awards in payment
(the average old-age pension is of the pensions paid now, not of every award ever made)."""
BOUNDED_MEASURES = {"wage": "wage", "income": "income"}
"""numbers of a measure (a wage above 300 000) that, asked beside that measure's average said once, bound the
average rather than the rows (average wage above 300 000): declined, not read as the average of the high wages"""
YES_NO = {"kk": "иә / жоқ", "ru": "да / нет", "en": "yes / no"}


def _split_by(item: Item) -> Item:
    """A filter as a split of its rows into those it holds for and those it does not (true, false; unknown last):
    what "families receiving a benefit and those receiving none" asks side by side."""
    return Item("group", item.sql if re.fullmatch(r"\w+", item.sql) else re.sub(r"\W+", "_", item.id), item.entity,
                item.sql,
                {lang: f"{name} ({YES_NO[lang]})" for lang, name in item.name.items()})


def _declined(question: str, language: str, why: str, **values: str) -> Answer:
    return Answer(question, language, "", None, [], [], declined=SAID[why][language].format(**values))


BENEFIT_HELD = re.compile(r"contains\(CAST\(benefits AS VARCHAR\), '(\w+)'\)")
"""a person's filter of a benefit they hold (получатели АСП): its kind"""


def _paid_filters(layer: Layer) -> dict[str, Item]:
    """A person's filter that says what they are paid (receives_pension, получатели АСП) -> the payments' filter
    it is carried from (the old-age pension's payments), or of the kind of benefit it holds (TSA's payments)."""
    by_id = {i.id: i for i in layer.items if i.kind == "filter" and i.entity == "payments"}
    by_kind = {i.sql: i for i in by_id.values()}
    paid = {i.sql: by_id[i.id.split("@")[0]] for i in layer.items
            if i.kind == "filter" and i.entity == "persons" and i.id.split("@")[0] in by_id}
    for item in layer.items:
        held = BENEFIT_HELD.fullmatch(item.sql) if item.kind == "filter" and item.entity == "persons" else None
        if held and item.sql not in paid and f"kind = '{held.group(1)}'" in by_kind:
            paid[item.sql] = by_kind[f"kind = '{held.group(1)}'"]
    return paid


def compile_question(question: str, layer: Layer | None = None) -> tuple[str, str, str] | SharePlan | Answer:
    """(language, SQL, what it was understood to mean), the two counts of a share, or the Answer that declines
    it."""
    layer = layer or default_layer()
    p = parse(question, layer)
    summed = any(c.kind == "metric" and c.id == "total_paid" for span in p.items for c in span)
    paid = [w for w in [*p.unknown, *words(question, p.language)]  # төленді is also a word without meaning
            if fold(w, p.language) in _words_of("paid", p.language)]
    named = [c for span in p.items for c in span]
    # Total targeted social assistance paid, барлығы қанша төленді: the sum paid (paid alone may be a count of
    # payments; with the payments named, барлығы қанша төлем төленді, it is). The total old-age pension payments in
    # 2025: English says the sum so ("the total number of payments", "how many payments in total" name their count)
    # TSA paid per month, January-June 2025 (KZT): a currency said beside "paid", and no count asked, is the sum too
    # Large-family allowance payments by month, 2025 (KZT): the payments named with their currency, and no count
    # asked, are their sum in any language (a currency after a bound is the bound's: выплат больше 50 000 тенге)
    unmeasured = not any(c.kind == "metric" for c in named)
    in_money = unmeasured and not any(what == "amount" for what, _, _ in p.numeric) and any(
        w.lower() in CURRENCY for w in typed_words(question))
    payments = unmeasured and any(c.kind == "entity" and c.id == "payments" for c in named)
    to_people = paid and p.total and not p.how_many and any(c.kind == "filter" and c.entity == "payments"
                                                             for c in named) and not any(
        (c.kind == "entity" and c.id != "persons") or (c.kind == "metric" and c.id != "count") for c in named)
    if not summed and (p.total or (in_money and (paid or payments))) and (
            (paid and not any(c.kind == "entity" or (c.kind == "metric" and c.id != "count") for c in named)) or
            (payments and (p.language == "en" or in_money)) or to_people):
        # the total old-age pension paid to residents of a region: the sum paid to them (how many residents were
        # paid: a count)
        p.items.append([next(m for m in layer.items if m.kind == "metric" and m.id == "total_paid")])
        p.positions.append(len(p.positions) and max(p.positions) + 1)
        summed = True
    # the average or median amount paid (өткен жылы төленген зейнетақының орташа мөлшері): "paid" says no more
    amount = summed or any(c.kind == "metric" and c.id in ("avg_paid", "median_paid") for c in named) or (
        any((c.kind == "measure" and c.id == "paid") or (c.kind == "filter" and c.entity == "payments") for c in named)
        and any(c.kind == "aggregate" for c in named))  # average pension paid in 2025: the pension payments' average
    p.unknown = [w for w in p.unknown if not (amount and fold(w, p.language) in _words_of("paid", p.language))]
    if any(c.kind == "region" for span in p.items for c in span):  # Ұлытау облысы ...: облыс тұрғындарының саны:
        # the region again, said without its name (where no region is named, облыс бойынша may mean by region)
        old_name = OLD_NAME_SAID.search(question) is not None  # the old Semipalatinsk oblast
        p.unknown = [w for w in p.unknown if not REGION_AGAIN.fullmatch(fold(w, p.language))
                     and not (old_name and w.lower() in ("old", "ex"))]
    unheld = _not_held(question, p.language)
    if unheld:
        held = dict.fromkeys(i.name[p.language] for i in layer.items if i.kind == "filter" and i.id.endswith(
            "@benefits"))
        return _declined(question, p.language, "decline_not_held", words=unheld, held=", ".join(held))
    aged = _said_of(question, AGED_PEOPLE, p.language)
    if aged and not any(what == "age" for what, _, _ in p.numeric) and not p.unknown:  # қариялар, youth: no age
        return _declined(question, p.language, "decline_ages", words=", ".join(dict.fromkeys(aged)))
    receiving = _said_of(question, RECIPIENTS, p.language)
    if receiving and not p.unknown and not any(c.kind == "filter" and PAID_FILTER.search(c.sql)
                                               for span in p.items for c in span):
        return _declined(question, p.language, "decline_recipients", words=", ".join(dict.fromkeys(receiving)))
    bounded = next((what for what, _, _ in p.numeric if what in BOUNDED_MEASURES), None)
    alone = any(c.kind == "aggregate" for c in named) and not any(  # an average of nothing else said
        c.kind == "measure" or (c.kind == "metric" and c.id != "count") for c in named)
    if bounded is not None and (alone or any(_aggregate_word(w, p.language, layer) for w in p.unknown)):
        # средняя зарплата выше 300 тыс: the wage's words went to the bound, the average is left: a bound on it
        return _declined(question, p.language, "decline_bound_average", what=NUMERIC_NAMES[bounded][p.language])
    if p.unknown:
        return _declined(question, p.language, "decline_words", words=", ".join(dict.fromkeys(p.unknown)))
    spans = p.items
    entity_words = {c.id for span in spans for c in span if c.kind == "entity"}
    metrics = [c for span in spans for c in span if c.kind == "metric"]
    composed = _composed(question, p, layer, metrics)
    if isinstance(composed, Answer):
        return composed
    metrics = composed
    # the entity the filters point to, counting only words that belong to one entity ("no benefit" is said of
    # persons and of families alike)
    bound = set()
    for span in spans:
        owners = {c.entity for c in span if c.kind in ("metric", "filter", "group", "measure") and c.entity}
        if len(owners) == 1:
            bound |= owners
    bound |= {NUMERIC[what][0][0] for what, _, _ in p.numeric}  # an age said alone is a person's
    sized = {m.entity for m in metrics if "(members)" in m.sql and m.entity}
    if sized and "persons" in entity_words:  # отбасының орташа құрамы қанша адам: people are the size's unit
        entity_words = (entity_words - {"persons"}) | sized
    if entity_words & set(EVENTS) and "persons" in entity_words:  # сколько человек умерло: the people who died
        entity_words = entity_words - {"persons"}
    amount_paid = amount or any(m.entity == "payments" and m.id != "count" for m in metrics)
    if amount_paid and "persons" in entity_words and entity_words <= {"payments", "persons"}:  # the sum paid to
        entity_words = entity_words - {"persons"}  # residents of a region: the people are whom the payments went
        # to, and the payments hold their region
    entity_pick = entity_words or {m.entity for m in metrics if m.entity}
    if len(entity_pick) > 1:
        return _declined(question, p.language, "decline_mixed", what=", ".join(sorted(entity_pick)))
    common = _said_of_one(spans)
    if not entity_pick and not bound and common:
        bound = {common}  # действующих пособий по уходу: the one thing both can be said of
    if not entity_pick and not bound:  # получатели АСП, АӘК алушылар: a benefit said of no one: of its recipients
        owned = [{c.entity for c in span if c.kind == "filter"} for span in spans
                 if any(c.kind == "filter" for c in span)]
        if owned and all("persons" in owners for owners in owned):
            bound = {"persons"}
    if not entity_pick:
        if len(bound) != 1:
            return _declined(question, p.language, "decline_subject")
        entity_pick = bound
    entity = next(iter(entity_pick))
    period_of_people = entity == "persons" and not paid and (p.year is not None or p.trend is not None) and \
        p.share is None and not any(m.id != "count" for m in metrics)
    paid_as = _paid_filters(layer) if period_of_people else {}
    if period_of_people and any(c.kind == "filter" and (c.entity == "payments" or c.sql in paid_as)
                                for span in spans for c in span):
        # сколько человек получали пенсию по месяцам с апреля по август: people hold no history, their payments
        # do: the people paid in each month, each once however often paid (receiving a pension: its payments); how
        # much was paid (қанша ақша төленді) is no number of people
        entity = "payments"
        metrics = [next(m for m in layer.items if m.kind == "metric" and m.id == RECIPIENTS_PAID)]
        spans = [[paid_as.get(c.sql, c) if c.kind == "filter" and c.entity == "persons" else c for c in span]
                 for span in spans]
    # the total utility debt of residents: the sum of what the people named owe (a measure the mart holds of
    # families and of persons alike is aggregated over the unit the question names)
    metrics = [own if m.entity not in (None, entity) and m.measure and
               (own := _metric_of(layer, m.measure, m.aggregate, {entity})) is not None and own.entity == entity
               else m for m in metrics]
    foreign = [m for m in metrics if m.entity not in (None, entity)]
    if foreign:  # "average wage of families": a measure of people asked of families is not silently a count
        return _declined(question, p.language, "decline_mixed",
                         what=", ".join([*(f"{m.name[p.language]} ({m.entity})" for m in foreign), entity]))
    metric = next((m for m in metrics if m.entity in (None, entity) and m.id != "count"), None) or \
        next(m for m in layer.items if m.kind == "metric" and m.id == "count")
    if entity == "payments" and _step_said(p, "trend") and metric.id == "count" and not any(
            m.id == "count" for m in metrics) and not p.how_many:
        # динамика выплат, төлемдерінің айлар бойынша динамикасы: the money paid over time (a count of payments
        # is asked so: динамика количества выплат, how many payments by month; payments by month, without the
        # word for dynamics, are counted, as every corpus's writer reads them)
        metric = next(m for m in layer.items if m.kind == "metric" and m.id == PAID_OVER_TIME)
    registered = _said_of(question, REGISTERED, p.language) if metric.id == "total_vehicles" else []
    if registered:  # cars registered in Astana: where a car is registered is not held, only what residents own
        return _declined(question, p.language, "decline_vehicle_place", words=", ".join(dict.fromkeys(registered)))
    conditions, described, group = [], [], None
    picked: list[Item] = []
    position: dict[int, int] = {}  # id(item) -> where its words start
    repeated: set[int] = set()  # id(item) of the filters said more than once
    for span, at in zip(spans, p.positions, strict=True):
        if entity in EVENTS and all(c.id in EVENTS[entity] for c in span):
            continue  # қанша бала туылды, how many children were born: the born are children, no filter of age
        chosen = [c for c in span if c.kind in ("filter", "group", "region") and c.entity in (None, entity)]
        if not chosen:  # семьи, в которых есть инвалид или пенсионер: families with such a member
            chosen = [m for c in span if (m := _member_filter(c, entity, layer)) is not None]
        kinds = {c.kind for c in span}
        if not chosen:
            if kinds <= {"entity", "metric", "measure", "aggregate"}:
                continue
            return _declined(question, p.language, "decline_mixed",
                             what=", ".join(f"{c.name[p.language]} ({c.entity})" for c in span))
        item = chosen[0]
        if id(item) in position:
            repeated.add(id(item))  # employed men and employed women: said of each, not a group of its own
        position[id(item)] = at
        if item.kind == "group":
            group = item
        elif all(item.sql != other.sql for other in picked):  # said twice (Жезқазған, яғни Ұлытау облысы): once
            picked.append(item)
    picked = _joined_by_or(picked, position, p)
    if p.share is None:  # children in school: the pupils, any age (the share of children in school: of children)
        ids = {i.id for i in picked}
        picked = [i for i in picked if IMPLIED_BY.get(i.id) not in ids]
    opposed = _contradiction(picked)
    if opposed is not None and group is None and (p.compare or any(
            min(position.get(id(i), -1) for i in opposed) < k < max(position.get(id(i), -1) for i in opposed)
            for k in p.ands)):  # families receiving a benefit and those receiving none: a row each
        group = _split_by(next(i for i in opposed if not i.sql.startswith("NOT")))
        picked = [i for i in picked if i not in opposed]
    if entity == "persons" and not p.both and (pair := _ambiguous_and(
            [i for i in picked if id(i) not in repeated], position, p)) is not None:
        return _declined(question, p.language, "decline_and", a=pair[0].name[p.language], b=pair[1].name[p.language])
    alternatives = _alternatives(picked)
    paired = _paired(question, p, entity, alternatives, position) if p.share is None else None
    if paired is not None:  # women 60 and over and men 63 and over: each group its own bound
        either, column, skipped = paired
        joined = alternatives.pop(column)
        picked = [i for i in picked if i not in joined] + [either]
        p = replace(p, numeric=[n for k, n in enumerate(p.numeric) if k not in skipped],
                    numeric_at=[a for k, a in enumerate(p.numeric_at) if k not in skipped],
                    numeric_negated={k - sum(1 for s in skipped if s < k) for k in p.numeric_negated})
        if not (p.total or _said_of(question, TOGETHER, p.language)) and group is None:
            group = next((g for g in layer.items if g.kind == "group" and g.sql == column), None)
    numbers = _numbers(question, p, entity)
    if isinstance(numbers, Answer):
        return numbers
    or_read = _or_with_numbers(numbers, p, picked, position, alternatives)
    if or_read is None:  # receiving АСП, or with a debt over 50 000 in a share: not read yet, never guessed
        return _declined(question, p.language, "decline_or_number")
    numbers, picked = or_read
    for item in picked:
        if not any(item in items for items in alternatives.values()):
            conditions.append(item.sql)
            described.append(item.name[p.language])
    contradiction = _contradiction(picked)
    if contradiction is not None:  # школьники, которые не учатся: nobody, always; said, not answered 0
        return _declined(question, p.language, "decline_contradiction", a=contradiction[0].name[p.language],
                         b=contradiction[1].name[p.language])
    for column, items in alternatives.items():
        # Shymkent and Almaty, men and women: each its own row (together, as AND, they would match nobody); crisis
        # or unfavourable: one number of either, unless the question compares or ranks them
        starts = [position.get(id(i), -1) for i in items]
        united = any(min(starts) < o < max(starts) for o in p.ors) and not (p.compare or p.order)
        condition, said = _one_of(column, items, p.language, united)
        conditions.append(condition)
        described.append(said)
        split = next((g for g in layer.items if g.kind == "group" and g.sql == column), None)
        if group is None and split is not None and not united:
            group = split
            if p.order in ("asc", "desc") and p.limit is None and p.superlative:
                p.limit = 1  # меньше всего из: A, B, C: which of the named ones, not the list ranked
    if p.order and group is None and p.by_region:
        group = next(g for g in layer.items if g.kind == "group" and g.id == "region")
    if "(" in question and p.share is None:  # large (four or more children) or single-parent: the bracket says
        # what "large" is
        restated = {part for i in picked for part in (i.sql, *re.findall(r"\(([^()]*)\)", i.sql))}
        numbers = [(condition, words) for condition, words in numbers if condition not in restated]
    bounded = next((what for what, _, _ in p.numeric if what in BOUNDED_MEASURES and
                    metric.measure == BOUNDED_MEASURES[what]), None)
    if bounded is not None and sum(any(word_matches(fold(f, p.language), t) for f in NOUNS[bounded][p.language])
                                   for t in words(question, p.language)) < 2:
        # средняя зарплата выше 300 тыс: a bound on the average (where is it above?), not on each wage
        return _declined(question, p.language, "decline_bound_average", what=NUMERIC_NAMES[bounded][p.language])
    clash = _impossible([(i.sql, i.name[p.language]) for i in picked] + numbers)
    if clash is not None:  # childless families with 4 children, children over 70: nobody, whatever the data
        return _declined(question, p.language, "decline_contradiction", a=clash[0], b=clash[1])
    twice = _said_twice([(i.sql, i.name[p.language]) for i in picked] + numbers,
                        {MINORS_SAID[p.language], *(i.name[p.language] for i in picked)})
    if twice is not None:  # over 65 uh 65 and older: one value and one bound of the age, which is meant?
        return _declined(question, p.language, "decline_said_twice", a=twice[0], b=twice[1])
    stopped = next((i for i in picked if i.id == "stopped_awards"), None)
    if p.year is not None and stopped is not None:  # stopped in 2024: when an award stopped is not held
        return _declined(question, p.language, "decline_period", period=p.period, what=stopped.name[p.language])
    spec = layer.entities[entity]
    said = " ".join(words(question, p.language)) if spec.get("dated_by") else ""  # folded: тіркелген, tirkelgen
    if spec.get("dated_by") and not any(fold(w, p.language) in said for w in spec["dated_by"][p.language]):
        spec = {**spec, "date": None}  # companies in 2020: not said to be registered then, so no history
    if p.year is not None and not spec.get("date"):  # families, people: as of the mart's day, no history
        return _declined(question, p.language, "decline_period", period=p.period,
                         what=spec["name"][p.language])
    years = f"BETWEEN {p.year} AND {p.year_to}" if p.year_to else \
        f"{'>=' if p.since else '<' if p.before else '='} {p.year}"
    period = [] if p.year is None else [(f"year({spec['date']}) {years}", p.period)] + (
        [] if p.month is None else [(f"month({spec['date']}) = {p.month}", "")] if p.month_to is None else
        [(f"month({spec['date']}) BETWEEN {p.month} AND {p.month_to}", "")])  # the months said with the year
    if p.trend is not None:
        if not spec.get("date"):
            return _declined(question, p.language, "decline_trend", period=p.trend_said,
                             what=spec["name"][p.language])
        if group is not None:  # regions compared, each over time: one split at a time is what is answered
            return _declined(question, p.language, "decline_trend_split", split=group.name[p.language])
        step = p.trend
        if step == "month" and p.year_to is not None and p.year is not None and p.year_to > p.year and \
                not _step_said(p, "month"):  # динамика рождаемости за 2016–2025 годы: a step a year
            step = "year"
        group = _over_time(step, spec["date"], entity, one_year=p.year is not None and p.year_to in (None, p.year)
                           and not p.since and not p.before)
    if p.share is not None:
        plan = _share_plan(question, p, layer, entity, metric, group, picked, alternatives, position, numbers,
                           period)
        return replace(plan, understood=plan.understood + _corrections(p)) if isinstance(plan, SharePlan) else plan
    conditions += [condition for condition, _ in numbers + period]
    described += [said for _, said in numbers + period if said]
    current = next((i for i in layer.items if i.id == CURRENT_AWARDS), None)
    if entity == "benefits" and metric.aggregate and p.year is None and p.trend is None and current is not None \
            and not any(i.entity == "benefits" and i.id.endswith("_awards") for i in picked):
        conditions.append(current.sql)  # the average pension awarded: of the awards paid now, not of every one
        described.append(current.name[p.language])  # ever made (ended ones, at their old amounts)
    if entity == "births" and RESIDENTS.search(question):  # residents born in the 1980s: those alive today
        conditions.append("alive")
        described.append(LIVING_SAID[p.language])
    where = [w for w in (spec.get("where"), metric.where, group.where if group else None) if w]
    where = list(dict.fromkeys(where + conditions))  # children and "under 18" both say age < 18: once
    select = f"{group.sql} AS {group.id}, " if group else ""
    sql = f"SELECT {select}{metric.sql} AS {metric.id} FROM {spec['table']}"
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    if (p.order or p.compare) and group is None:  # a ranking of what? nothing is split: not one number
        return _declined(question, p.language, "decline_ranking")
    if group and p.order:
        sql += (f" GROUP BY {group.sql} ORDER BY {metric.id} {'ASC' if p.order == 'asc' else 'DESC'}, {group.sql}"
                + (f" LIMIT {p.limit}" if p.limit else ""))
    elif group:
        sql += f" GROUP BY {group.sql} ORDER BY {group.sql}"
    understood = f"{metric.name[p.language]} · {spec['name'][p.language]}"
    if described:
        understood += " · " + ", ".join(described)
    if group:
        understood += f" · {group.name[p.language]}"
    if group and p.order:
        understood += " · " + SAID["order_" + p.order][p.language] + (
            " · " + SAID["order_limit"][p.language].format(n=p.limit) if p.limit else "")
    return p.language, sql, understood + _corrections(p)


def _said_of_one(spans: list[list[Item]]) -> str | None:
    """The one entity that every filter or breakdown of the question can be said of, where two or more are said and
    each alone could be said of several: действующих (awards or companies) пособий по уходу (payments, awards,
    their recipients): awards."""
    readings = [owners for span in spans
                if (owners := {c.entity for c in span if c.kind in ("filter", "group") and c.entity})]
    common = set.intersection(*readings) if len(readings) > 1 else set()
    return next(iter(common)) if len(common) == 1 else None


def _composed(question: str, p: Parse, layer: Layer, metrics: list[Item]) -> list[Item] | Answer:
    """The question's metrics, with a measure and a way to aggregate it said apart made one metric: "median" and
    "wage" (median monthly wage), "медиана" and the sum of payments (Медиана суммы выплат: of the amount paid),
    "орташа" and "сомасы". A measure said with no way to aggregate it (зарплата в Шымкенте), or a way with nothing
    to aggregate, is declined naming the words: counting the people would answer another question."""
    said = [c for span in p.items for c in span if c.kind in ("measure", "aggregate")]
    if not said:
        return metrics
    how = next((c.aggregate for c in said if c.kind == "aggregate"), None)
    what = next((c.measure for c in said if c.kind == "measure"), None) or \
        next((m.measure for m in metrics if m.measure), None)
    # what the question names (with no one named, a kind of payment is its payments: the average pension is the
    # average pension paid)
    common = _said_of_one(p.items)
    named = {c.id for span in p.items for c in span if c.kind == "entity"} or ({common} if common else set()) or \
        {c.entity for span in p.items for c in span if c.kind == "filter" and c.entity == "payments"}
    if what is None:  # median pension payment: a payment's one measure is its amount
        own = [c.measure for c in layer.items if c.kind == "measure" and c.entity in named]
        what = own[0] if len(own) == 1 else None
    how = how or next((m.aggregate for m in metrics if m.measure == what and m.aggregate), None)
    borrowed = None
    if how is None and what is not None:  # средний балл ... по экономическому блоку: the average score is the
        # average of the part of it named, a block of the family card (a metric of the measure's entity)
        of = next((c.entity for c in layer.items if c.kind == "measure" and c.id == what), None)
        borrowed = next((m for m in metrics if m.aggregate and m.measure != what and m.entity == of), None)
        how = borrowed.aggregate if borrowed else None
    found = _metric_of(layer, what, how, named | {m.entity for m in metrics if m.entity})
    if found is None and what is None and how == "avg" and any(m.id == "count" for m in metrics):
        # отбасылар орта есеппен неше адамнан тұрады, how many people on average a household has: its size
        groups = named - {"persons"}
        if "persons" in named and len(groups) == 1:
            found = next((m for m in layer.items if m.kind == "metric" and m.entity in groups and
                          m.sql == f"round({how}(members), 2)"), None)
            if found is not None:
                return [found]
    if found is None:
        return _declined(question, p.language, "decline_words",
                         words=", ".join(dict.fromkeys(c.name[p.language] for c in said)))
    return [found, *(m for m in metrics if m.measure is None and m is not borrowed)]


def _metric_of(layer: Layer, what: str | None, how: str | None, named: set[str]) -> Item | None:
    """The metric aggregating ``what`` by ``how``; where several units have one (the average number of members
    of a family, of a household), the one of the unit the question names (or whose metric it names: the average
    size of households, the number of their members), none where it names another (dwellings have residents)."""
    found = [m for m in layer.items if m.kind == "metric" and m.measure == what and m.aggregate == how]
    if len(found) <= 1 or not named:
        return found[0] if found else None
    return next((m for m in found if m.entity in named), None)


def _corrections(p: Parse) -> str:
    """The words read as another, said in the interpretation (famillies → families), so the reader can check."""
    return "".join(f" · {typed} → {read}" for typed, read in p.corrected)


@dataclass(frozen=True)
class SharePlan:
    """A share in per cent of a whole: the count of the part and the count of the whole, each a query of its own
    through the gateway (each a protected aggregate), divided per group when both are released."""

    language: str
    part_sql: str
    whole_sql: str
    understood: str
    group: str | None
    """the column the answer is split by, if any"""
    order: str | None = None
    limit: int | None = None


SHARE_COLUMN = "share_percent"
"""the answer's column of shares (in per cent, to one decimal)"""


def _one_of(column: str, items: list[Item], language: str, united: bool = False) -> tuple[str, str]:
    """The condition that a row has one of the values ``items`` ask of ``column``, and how it is said (``united``:
    as one group, "crisis or unfavourable"; else as the rows side by side, "Shymkent / Almaty")."""
    values = [found.group(2) for i in items if (found := EQUALITY.fullmatch(i.sql))]
    joined = f" {OR_SAID[language]} " if united else " / "
    return f"{column} IN ({', '.join(values)})", joined.join(i.name[language] for i in items)


def _paired(question: str, p: Parse, entity: str, alternatives: dict[str, list[Item]], position: dict[int, int]
            ) -> tuple[Item, str, set[int]] | None:
    """Values of one column each said with a bound of its own on one measure (women aged 60 and over and men aged
    63 and over; 60 жастан асқан әйелдер мен 63 жастан асқан ерлер): one filter of either pair, (sex = 'F' AND
    age >= 60) OR (sex = 'M' AND age >= 63), the column that holds the values, and the numbers it used. None where
    the values share one bound (men and women over 60), or the bounds are not one a value."""
    numbers = _numbers(question, p, entity)
    if isinstance(numbers, Answer):
        return None
    for column, items in alternatives.items():
        measures = {what for what, _, _ in p.numeric}
        if len(items) < 2 or len(p.numeric) != len(items) or len(measures) != 1 or \
                len({condition for condition, _ in numbers}) < 2:
            continue
        places = sorted(items, key=lambda i: position.get(id(i), -1))
        # a bound stands before its people in Kazakh (60 жастан асқан әйелдер), after them elsewhere (women aged 60)
        nearest = [_bound_of(position.get(id(i), -1), p.numeric_at, before=p.language == "kk") for i in places]
        if None in nearest or len(set(nearest)) != len(places):
            continue
        bounds = [k for k in nearest if k is not None]
        sql = " OR ".join(f"({i.sql} AND {numbers[k][0]})" for i, k in zip(places, bounds, strict=True))
        names = {lang: " / ".join(f"{i.name[lang]}, {numbers[k][1]}" if lang == p.language else i.name[lang]
                                  for i, k in zip(places, bounds, strict=True)) for lang in places[0].name}
        return Item("filter", "_or_".join(i.id for i in places), entity, sql, names), column, set(bounds)
    return None


def _bound_of(at: int, bounds: list[int], before: bool) -> int | None:
    """The number (its index among ``bounds``, the numbers' places) said nearest before ``at``, or after it."""
    found = [k for k, b in enumerate(bounds) if (b < at if before else b > at)]
    return (max(found, key=lambda k: bounds[k]) if before else min(found, key=lambda k: bounds[k])) if found else None


def _numbers(question: str, p: Parse, entity: str) -> list[tuple[str, str]] | Answer:
    """The conditions the question's numbers make (children_under_18 >= 4) and how each is said, or the Answer
    that declines a number of something ``entity`` does not have."""
    found = []
    for k, (what, operator, value) in enumerate(p.numeric):
        wanted, column = NUMERIC[what]
        column = COLUMN_OF.get((what, entity), column)
        if entity in ("families", "households") and what == "age" and (operator, value) in (("<", 18), ("<=", 17)):
            # families with children under 18: families have no age, their children under 18 are counted
            condition = f"{COLUMN_OF.get(('children', entity), 'children_under_18')} >= 1"
            said = MINORS_SAID[p.language]
        elif entity not in wanted:
            return _declined(question, p.language, "decline_mixed", what=f"{what} ({', '.join(wanted)}), {entity}")
        else:
            condition = f"{column} {operator} {value}"
            said = f"{NUMERIC_NAMES.get(column, NUMERIC_NAMES[what])[p.language]} {OPERATORS[operator]} {value}"
        if k in p.numeric_negated:  # families with no children under 18
            condition, said = f"NOT coalesce(({condition}), FALSE)", NEGATED_SAID[p.language].format(said)
        found.append((condition, said))
    return found


NEGATED_SAID = {"kk": "{} емес", "ru": "не {}", "en": "not {}"}


def _share_plan(question: str, p: Parse, layer: Layer, entity: str, metric: Item, group: Item | None,
                picked: list[Item], alternatives: dict[str, list[Item]], position: dict[int, int],
                numbers: list[tuple[str, str]], period: list[tuple[str, str]]) -> SharePlan | Answer:
    """The share the question asks for: its whole (what is counted, within the regions and groups named, and the
    filters said to be the whole: среди женщин, әйелдер арасында, of women who are ...) and its part (the whole
    further narrowed by the other filters and numbers), or the Answer that declines it."""
    if metric.id != "count":
        return _declined(question, p.language, "decline_share_metric")
    grouped = {i for items in alternatives.values() for i in items}
    filters = [i for i in picked if i.kind != "region" and i not in grouped]
    scope = [i for i in picked if i.kind == "region" and i not in grouped]

    def whole_side(item: Item) -> bool:
        return whole_at(position[id(item)])

    def whole_at(at: int) -> bool:
        if p.among:
            if p.language == "kk":  # әйелдер арасында: before it; көп балалы отбасылардың барлық ... ішіндегі: not
                return any(at < j and not any(at <= g < j - 1 for g in p.genitives) for j in p.among)
            return any(j < at < end for j, end in zip(p.among, p.among_end, strict=True))
        if p.split is not None:
            return at < p.split
        if p.language == "kk" and p.share is not None:
            return at < p.share
        return False

    whole = [i for i in filters if whole_side(i)]
    part = [i for i in filters if not whole_side(i)]
    parted: dict[str, tuple[str, str]] = {}  # a column's values joined by "or" said as the part: crisis or unfavourable
    for column, items in alternatives.items():
        starts = [position.get(id(i), -1) for i in items]
        if any(min(starts) < o < max(starts) for o in p.ors) and not any(whole_at(at) for at in starts):
            parted[column] = _one_of(column, items, p.language, united=True)
    # a number said among the whole's words bounds the whole (доля занятых среди лиц 18-62 лет)
    bounding = [n for n, at in zip(numbers, p.numeric_at, strict=True) if whole_at(at)]
    numbers = [n for n, at in zip(numbers, p.numeric_at, strict=True) if not whole_at(at)]
    if not part and not numbers and not parted and not p.among:  # every filter before the verb: what is shared out
        whole, part = [], whole
    measured = {m.group() for condition, _ in numbers if (m := re.match(r"\w+", condition))}
    bounded_apart = any(not re.search(rf"\b{column}\b", i.sql) for i in part for column in measured)
    if len(part) + bounded_apart > 1 and not whole and not p.among and p.split is None and not (
            p.language == "kk" and any(position[id(i)] < (p.share or 0) for i in part)):
        # "доля многодетных семей, получающих АСП": of all families, or of the large ones? said, not guessed; so too
        # a filter and an age of something else (доля занятых 18-62 лет: of everyone, or of those aged 18-62? not
        # доля детей до 18 лет, the children's own age said again)
        return _declined(question, p.language, "decline_share_whole")
    if not part and not numbers and not parted:
        return _declined(question, p.language, "decline_share_part")
    spec = layer.entities[entity]
    base = [w for w in (spec.get("where"), metric.where) if w]
    base += [i.sql for i in scope + whole] + [condition for condition, _ in bounding]
    described_whole = [spec["name"][p.language], *(i.name[p.language] for i in scope + whole),
                       *(said for _, said in bounding)]
    for column, items in alternatives.items():
        if column in parted:
            continue
        condition, said = _one_of(column, items, p.language)
        base.append(condition)
        described_whole.append(said)
    base += [condition for condition, _ in period]  # a period bounds the whole: the share of 2025's payments
    described_whole += [said for _, said in period if said]
    narrowed = [i.sql for i in part] + [condition for condition, _ in numbers] + [c for c, _ in parted.values()]
    described_part = [i.name[p.language] for i in part] + [said for _, said in numbers if said] + \
        [said for _, said in parted.values()]
    if (p.order or p.compare) and group is None:
        return _declined(question, p.language, "decline_ranking")

    def counted(where: list[str]) -> str:
        select = f"{group.sql} AS {group.id}, " if group else ""
        sql = f"SELECT {select}count(*) AS count FROM {spec['table']}"
        if where:
            sql += " WHERE " + " AND ".join(f"({w})" for w in where)
        return sql + (f" GROUP BY {group.sql} ORDER BY {group.sql}" if group else "")

    understood = SAID["share_of"][p.language].format(part=", ".join(described_part),
                                                      whole=", ".join(described_whole))
    if group:
        understood += f" · {group.name[p.language]}"
    if group and p.order:
        understood += " · " + SAID["order_" + p.order][p.language] + (
            " · " + SAID["order_limit"][p.language].format(n=p.limit) if p.limit else "")
    return SharePlan(p.language, counted(base + narrowed), counted(base), understood,
                     group.id if group else None, p.order if group else None, p.limit if group else None)


def _percent(part: Any, whole: Any) -> float:
    """``part`` of ``whole`` in per cent to one decimal, halves rounded away from zero (6.25 is 6.3), as SQL's
    round() does: in decimals, so that no binary fraction decides a half."""
    share = Decimal(100) * Decimal(str(part)) / Decimal(str(whole))
    return float(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _shares(part: list[tuple[Any, ...]], whole: list[tuple[Any, ...]], plan: SharePlan,
            exact: bool) -> list[tuple[Any, ...]]:
    """Each group's share in per cent (to one decimal) where both its part and its whole were released; a group
    whose part was withheld as small is withheld too (its share would show how small). ``exact``: the counts are
    exact (under a purpose), so a group the part does not have is a true zero. Ordered as asked."""
    wholes = {r[:-1]: r[-1] for r in whole if r[-1]}
    parts = {r[:-1]: r[-1] for r in part if r[-1] is not None}
    if exact:
        parts = {key: parts.get(key, 0) for key in wholes}
    rows = [(*key, _percent(parts[key], total)) for key, total in wholes.items() if parts.get(key) is not None]
    if plan.order:
        rows.sort(key=lambda r: (-r[-1] if plan.order == "desc" else r[-1], *map(str, r[:-1])))
        rows = rows[:plan.limit] if plan.limit else rows
    return rows


STEP_NAMES = {"month": {"kk": "ай", "ru": "месяц", "en": "month"}, "year": {"kk": "жыл", "ru": "год", "en": "year"},
              "quarter": {"kk": "тоқсан", "ru": "квартал", "en": "quarter"}}
STEP_SQL = {"month": "strftime({date}, '%Y-%m')", "year": "year({date})",
            "quarter": "strftime({date}, '%Y') || '-Q' || quarter({date})"}
QUARTER_OF_ONE_YEAR = "quarter({date})"
"""The quarter of a trend within one year the question names: 1 to 4 (the year is said beside it)"""


def _over_time(step: str, date: str, entity: str, one_year: bool = False) -> Item:
    """The split of a trend: the month (2025-03), the quarter (2025-Q1; 1 to 4 within ``one_year``) or the year of
    each row's date."""
    sql = QUARTER_OF_ONE_YEAR if step == "quarter" and one_year else STEP_SQL[step]
    return Item("group", step, entity, sql.format(date=date), STEP_NAMES[step])


def _or_with_numbers(numbers: list[tuple[str, str]], p: Parse, picked: list[Item], position: dict[int, int],
                     alternatives: dict[str, list[Item]]
                     ) -> tuple[list[tuple[str, str]], list[Item]] | None:
    """``numbers`` and ``picked`` with a filter and a number an "or" stands between made one condition either
    meets (receive АСП or owe more than 50 000 for utilities; over 70 or disabled; 4 or more children or a debt),
    as two numbers so joined are; None where such an "or" is said and cannot be read so (in a share, beside values
    of one column, or more than once): declined, never read as "and"."""
    units: dict[int, list[int]] = {}
    for k, at in enumerate(p.numeric_at):
        units.setdefault(at, []).append(k)
    grouped = {id(i) for items in alternatives.values() for i in items}
    marks: list[tuple[int, Item | list[int]]] = sorted(
        [(position[id(i)], i) for i in picked if i.kind == "filter" and id(i) in position] + list(units.items()),
        key=lambda m: m[0])
    pairs = [(a, b) for a, b in itertools.pairwise(marks) if not (isinstance(a[1], Item) and isinstance(b[1], Item))
             and any(a[0] < o < b[0] for o in p.ors)]
    if not pairs:
        return numbers, picked
    if len(pairs) > 1 or p.share is not None or len(numbers) != len(p.numeric_at) or \
            any(isinstance(side, Item) and id(side) in grouped for _, side in pairs[0]):
        return None
    sides = []
    for _, side in pairs[0]:
        if isinstance(side, Item):
            sides.append((side.sql, side.name[p.language]))
        else:
            sides.append((" AND ".join(numbers[k][0] for k in side), ", ".join(numbers[k][1] for k in side)))
    joined = {k for _, side in pairs[0] if not isinstance(side, Item) for k in side}
    kept = [n for k, n in enumerate(numbers) if k not in joined]
    either = (f"({sides[0][0]}) OR ({sides[1][0]})", f"{sides[0][1]} {OR_SAID[p.language]} {sides[1][1]}")
    return [either, *kept], [i for i in picked if not any(i is side for _, side in pairs[0])]


def _joined_by_or(picked: list[Item], position: dict[int, int], p: Parse) -> list[Item]:
    """``picked`` with the filters an "or" stands between made one filter that either of them meets (без газа или
    без воды). Values of one column joined by "or" (Шымкент или Алматы) stay apart: each is a row of its own."""
    ordered = sorted(picked, key=lambda item: position.get(id(item), -1))
    joined: list[Item] = []
    last = -1  # where the last filter read starts: an "or" after it joins it to the next
    for item in ordered:
        at = position.get(id(item), -1)
        if joined and any(last < o < at for o in p.ors) and not _same_column(joined[-1], item):
            before = joined.pop()
            either = Item("filter", f"{before.id}_or_{item.id}", before.entity or item.entity,
                          f"({before.sql}) OR ({item.sql})",
                          {lang: f"{before.name[lang]} {OR_SAID[lang]} {item.name[lang]}" for lang in OR_SAID},
                          before.where or item.where)
            position[id(either)] = position.get(id(before), -1)
            item = either
        joined.append(item)
        last = at
    return joined


def _ambiguous_and(picked: list[Item], position: dict[int, int], p: Parse) -> tuple[Item, Item] | None:
    """Two groups of people of different columns with only an "and" between them (пенсионеров и инвалидов,
    зейнеткерлер мен мүгедектер, women and pensioners): the people in both, or in either taken together? Said
    both ways; answered when the question says which (одновременно, вместе), declined naming both otherwise."""
    ordered = sorted((i for i in picked if i.kind == "filter"), key=lambda i: position.get(id(i), -1))
    for a, b in itertools.pairwise(ordered):
        start, end = position.get(id(a), -1), position.get(id(b), -1)
        if not _same_column(a, b) and any(start < at < end for at in p.ands) and \
                not any(start < position.get(id(c), -1) < end for c in picked if c not in (a, b)):
            return a, b
    return None


def _same_column(a: Item, b: Item) -> bool:
    column = _column_of(a)
    return column is not None and column == _column_of(b)


def _alternatives(picked: list[Item]) -> dict[str, list[Item]]:
    """Column -> the filters that are alternatives of it (region = '79', region = '75'): two or more values asked
    of one column, which together mean each of them, not all at once."""
    columns: dict[str, list[Item]] = {}
    for item in picked:
        found = EQUALITY.fullmatch(item.sql)
        if found and item not in columns.get(found.group(1), []):
            columns.setdefault(found.group(1), []).append(item)
    return {column: items for column, items in columns.items() if len({i.sql for i in items}) > 1}


def ask(gateway: Gateway, user: User, question: str, layer: Layer | None = None, purpose: str | None = None
        ) -> Answer:
    """The answer, through the gateway (a differentially private aggregate, audited), or a decline that names why.
    With ``purpose`` the aggregate is computed exactly under the caller's person-level rights (its small groups'
    persons recorded): what an evaluation of the semantic layer against gold answers needs. A question the semantic
    layer cannot map goes to the local model when one is configured (apps.llm), never elsewhere."""
    compiled = compile_question(question, layer)
    if isinstance(compiled, Answer):
        if gateway.config.llm_url:
            from ukimet.apps.llm import ask_model

            answered = ask_model(gateway, user, question)
            if answered.sql and not (answered.declined and not answered.suppressed):
                return replace(answered, language=compiled.language)
            return replace(compiled, declined=f"{compiled.declined} ({answered.declined})")
        return compiled
    if isinstance(compiled, SharePlan):
        understood, outside = _scope(gateway, user, question, compiled.language, compiled.whole_sql,
                                     compiled.understood)
        return outside or _ask_share(gateway, user, question, replace(compiled, understood=understood), purpose)
    language, sql, understood = compiled
    understood, outside = _scope(gateway, user, question, language, sql, understood)
    if outside is not None:
        return outside
    uncovered = _uncovered_period(gateway, user, question, language, sql, understood, purpose,
                                  layer or default_layer())
    if uncovered is not None:
        return uncovered
    try:
        result = gateway.query(user, sql, purpose)
    except (Refused, NotFound) as error:
        return Answer(question, language, understood, sql, [], [], declined=f"{error.what}: {error.why}",
                      refusal=error)
    rows = [r for r in result.rows if r[-1] is not None]
    if rows and len(result.columns) > 1 and any(r[0] is not None for r in rows) and \
            all(r[0] is None or MASKED_VALUE.fullmatch(str(r[0])) for r in rows):
        # по группам инвалидности for a role that sees the group masked: one row of stars is no breakdown
        return Answer(question, language, understood, sql, [], [],
                      declined=SAID["masked_group"][language].format(column=result.columns[0], role=user.role),
                      refusal=Refused("question.masked_group", column=result.columns[0], role=user.role))
    if rows and len(result.columns) > 1 and result.epsilon > 0:  # a private answer's small groups are not shown
        understood += " · " + SAID["small_groups"][language].format(n=gateway.policy.role(user.role).small_cell)
        if BY_KIND.search(sql) and gateway.policy.role(user.role).aggregate_mask_for("", None, "special") == "hide":
            understood += " · " + SAID["special_groups"][language]  # the gateway leaves the disability allowance out
    return Answer(question, language, understood, sql, result.columns, rows, suppressed=not rows,
                  declined=_withheld(gateway, user, language) if not rows else None, audit_seq=result.audit_seq)


BY_KIND = re.compile(r"GROUP BY (?:\w+\.)?kind\b")
"""A breakdown by benefit kind, whose special categories' groups the gateway leaves out for a role that may not see
them (``policy.SPECIAL_VALUES``)."""


OPEN_PERIOD = {"<": {"kk": "{year} жылға дейін", "ru": "до {year} года", "en": "before {year}"},
               ">=": {"kk": "{year} жылдан бастап", "ru": "с {year} года", "en": "since {year}"}}
"""a period open at one end, as a decline says it"""
MASKED_VALUE = re.compile(r"\*+|[^*]\*{3}")
"""a value as a masking role sees it (``gateway.rewrite.masked``: stars, or a first letter and three stars)"""
PERIOD = re.compile(r"\((year\((\w+)\) (?:(?:>=|=|<) \d{4}|BETWEEN \d{4} AND \d{4}))\)"
                    r"(?: AND \((month\(\2\) (?:= \d{1,2}|BETWEEN \d{1,2} AND \d{1,2}))\))?")
FROM_TABLE = re.compile(r"\bFROM (mart\.\w+)")


def _uncovered_period(gateway: Gateway, user: User, question: str, language: str, sql: str, understood: str,
                      purpose: str | None, layer: Layer) -> Answer | None:
    """The decline of a year or a month the data do not cover (payments in 2019): without it the answer would be a
    confident 0, or an empty trend. The period's rows are counted on their own, whatever else the question asks;
    fewer than the role's small cell is "not covered" (and said so: "fewer than N")."""
    found, table = PERIOD.search(sql), FROM_TABLE.search(sql)
    if found is None or table is None:
        return None
    where = found.group(1) + (f" AND {found.group(3)}" if found.group(3) else "")
    year = "–".join(re.findall(r"\d{4}", found.group(1)))
    bound = re.search(r"(>=|<) \d{4}", found.group(1))
    if bound:  # before 2000, since 2020: the period as asked, not its year alone
        year = OPEN_PERIOD[bound.group(1)][language].format(year=year)
    month = found.group(3) and found.group(3).split(")", 1)[1]
    try:
        result = gateway.query(user, f"SELECT count(*) AS n FROM {table.group(1)} WHERE {where}", purpose)
    except (Refused, NotFound):
        return None  # the answer's own query says why it cannot be answered
    held = result.rows[0][0] if result.rows else None
    least = max(1, gateway.policy.role(user.role).small_cell)
    if held is not None and held >= least:
        return None
    what = next((e["name"][language] for e in layer.entities.values() if e["table"] == table.group(1)),
                table.group(1))
    months = [int(m) for m in re.findall(r"\d+", month or "")]
    period = year if not months else "–".join(f"{m:02d}" for m in months) + f".{year}"
    return Answer(question, language, understood, None, [], [],
                  declined=SAID["period_uncovered"][language].format(n=least, what=what, period=period))


NAMED_REGIONS = re.compile(r"\bregion (?:= '([^']*)'|IN \(([^)]*)\))")


def _scope(gateway: Gateway, user: User, question: str, language: str, sql: str, understood: str
           ) -> tuple[str, Answer | None]:
    """What the caller's row filter does to the answer, said in it: the interpretation gains "within your access:
    Turkistan Region only"; a question only about regions outside it is declined with that reason (not answered
    with the filter's empty or noisy count, nor declined as a small cell)."""
    kind = gateway.policy.role(user.role).row_filter
    if kind != "region":
        return understood, None
    mine = user.attributes.get(kind, "")
    named = [code.strip(" '") for found in NAMED_REGIONS.finditer(sql) for code in
             ((found.group(1),) if found.group(1) is not None else found.group(2).split(","))]
    if not mine:
        return understood, Answer(question, language, understood, None, [], [], declined=SAID["no_scope"][language],
                                  refusal=Refused("question.no_region"))
    if named and not any(code.startswith(mine) or (code and mine.startswith(code)) for code in named):
        asked, own = ", ".join(region_label(c, language) for c in named), region_label(mine, language)
        return understood, Answer(question, language, understood, None, [], [],
                                  declined=SAID["outside_scope"][language].format(asked=asked, mine=own),
                                  refusal=Refused("question.outside_region", asked=asked, mine=own))
    return f"{understood} · {SAID['within_scope'][language].format(mine=region_label(mine, language))}", None


def region_label(code: str, language: str) -> str:
    """A region's name in ``language`` by its KATO code (the code itself when it names no region)."""
    from ukimet.apps.family_card import region_name

    return region_name(code, language)


def _ask_share(gateway: Gateway, user: User, question: str, plan: SharePlan, purpose: str | None) -> Answer:
    """A share: the part's and the whole's counts through the gateway (two audited queries), divided."""
    sql = f"{plan.part_sql};\n{plan.whole_sql}"
    try:
        part = gateway.query(user, plan.part_sql, purpose)
        whole = gateway.query(user, plan.whole_sql, purpose)
    except (Refused, NotFound) as error:
        return Answer(question, plan.language, plan.understood, sql, [], [], declined=f"{error.what}: {error.why}",
                      refusal=error)
    rows = _shares(part.rows, whole.rows, plan, exact=part.epsilon == 0 and whole.epsilon == 0 and bool(purpose))
    columns = [*([plan.group] if plan.group else []), SHARE_COLUMN]
    return Answer(question, plan.language, plan.understood, sql, columns, rows, suppressed=not rows,
                  declined=_withheld(gateway, user, plan.language) if not rows else None, audit_seq=whole.audit_seq)


def _withheld(gateway: Gateway, user: User, language: str) -> str:
    """Why an answer is withheld, with the count it was released from for the caller's role."""
    return SAID["suppressed"][language].format(n=release_least(gateway.policy.role(user.role).small_cell))


def draw_answer(answer: Answer, out: Path, name: str = "answer") -> list[Path]:
    """A bar chart of a grouped answer (a single number is drawn as one bar), PNG and SVG."""
    plt = pyplot()

    from ukimet.apps.family_card import region_name

    if not answer.rows:
        return []
    labels = [region_name(str(r[0]), answer.language) if answer.columns[0] == "region" else str(r[0])
              for r in answer.rows] if len(answer.columns) > 1 else [answer.understood.split(" · ")[0]]
    values = [float(r[-1]) for r in answer.rows]
    fig, ax = plt.subplots(figsize=(9, 0.38 * max(len(values), 3) + 1.4))
    ax.barh(labels[::-1], values[::-1], color="#3b6ea5")
    share = answer.columns[-1] == SHARE_COLUMN
    for y, v in enumerate(values[::-1]):
        ax.text(v, y, f" {v:.1f}%" if share else f" {v:,.0f}".replace(",", " "), va="center", fontsize=8)
    ax.set_title(answer.understood, fontsize=10)
    fig.tight_layout()
    return save(fig, out, name)
