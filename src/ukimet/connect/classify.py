"""What a column means: a semantic type with a confidence, from the column's name (Kazakh, Russian or English,
in Cyrillic or Latin letters) and from its values (IIN/BIN check digits, date formats, name morphology, phone and
e-mail patterns), and a sensitivity label. The name vocabulary and value tests are data; ``classify_column`` is
the one function that weighs them."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from ukimet.connect.connectors.base import CUT
from ukimet.connect.encoding import MOJIBAKE, mended
from ukimet.core.cells import PLACES, SELF, holds_people, name_in_cell, places_of
from ukimet.core.dates import (
    age_in_birth,
    epoch_days,
    from_epoch_days,
    life_span_birth,
    month_first,
    name_alone,
    parse_date,
    parse_epoch_millis,
    parse_year,
    parse_year_month,
)
from ukimet.core.ids import decode_iin, is_valid_bin, normalise_number
from ukimet.core.scripts import plain_latin

SEMANTIC_TYPES = ("iin", "bin", "surname", "first_name", "patronymic", "full_name", "persons", "birth_date", "age",
                  "sex", "phone", "email", "address", "region", "money", "date", "text", "other", "record_id")
"""what a column of an agency's table can be; ``record_id`` only when a user says so (``ukimet link --map``, a
catalogue label): a record's number, never evidence of who the record is about; ``persons``: the names of several
persons in one cell (a baptism book's parents, ``core.cells``)"""
COLUMN_TYPES = (*SEMANTIC_TYPES, "person_id", "family_id")
"""every semantic type a catalogued column can have: the classifier's, and the ids linkage gives persons and
families (columns of derived tables, the mart's); what policies and data files may name"""
PERSONAL = frozenset({"iin", "surname", "first_name", "patronymic", "full_name", "persons", "birth_date", "age",
                      "phone", "email", "address"})

# Name fragments per type, matched against the lower-cased column name split on _ and spaces (whole words) or,
# for the longer fragments, as substrings. Kazakh, Russian and English, in Cyrillic and Latin spellings; and SAP HR's
# field names (infotype 0002, personal data: NACHN surname, VORNA first name, MIDNM middle name, NAME2 name at birth,
# GBDAT birth date, GESCH sex, PERID the personal number, an IIN in Kazakhstan; 0006 TELNR; 0021, family members:
# FANAM, FAVOR, FGBDT, FASEX), as a company's HR extract keeps them.
NAME_WORDS: dict[str, tuple[str, ...]] = {
    "iin": ("iin", "иин", "жсн", "jsn", "zhsn", "iin_fl", "jshshir", "жшшир", "pinfl", "perid"),  # Uzbek ЖШШИР; SAP
    "bin": ("bin", "бин", "бсн", "bsn"),
    "surname": ("familiya", "фамилия", "тегі", "tegi", "surname", "last_name", "lastname", "family_name",
                "familiyasi", "фамилияси", "nachn", "fanam", "name2", "familienname", "geburtsname",
                "mädchenname", "madchenname"),  # SAP HR's (below); German, a surname at birth too
    "first_name": ("imya", "имя", "аты", "aty", "first_name", "firstname", "given_name", "name", "ism", "ismi", "исм",
                   "исми", "vorna", "favor"),  # Uzbek Ismi; SAP HR's
    "patronymic": ("otchestvo", "отчество", "әкесінің_аты", "akesinin_aty", "patronymic", "middle_name",
                   "middlename", "otasining_ismi", "отасининг_исми", "midnm", "vatersname"),
    "full_name": ("fio", "фио", "ф_и_о", "аты_жөні", "aty_joni", "т_а_ә", "full_name", "fullname", "employee_name",
                  "holder_name", "naimenovanie", "f_i_sh", "ф_и_ш", "фиш", "_fish", "полное_имя", "polnoe_imya"),
    # Uzbek Ф.И.Ш.; a CRM's Полное имя контакта (amoCRM's export)
    "birth_date": ("dr", "data_rozhd", "data_rozhdeniya", "дата_рождения", "дата рождения", "туған_күні", "tugan_kuni",
                   "birth_date", "birthdate", "dob", "date_of_birth", "birth", "born", "рожд", "туған", "tugan",
                   "yob", "родил", "туылған", "tuylgan", "gbdat", "fgbdt", "өмір_сүрген", "omir_surgen",
                   "годы_жизни", "years_of_life", "lifespan", "life_span", "geburt", "bday", "b_day", "b-day"),
    # a life's span: its birth first; German Geburtsdatum, Geburtsjahr (Geburtsname is a surname: the longer word
    # wins); a rating list's B-day
    "age": ("age", "возраст", "vozrast", "жасы", "jasy", "yosh", "полных_лет"),
    "sex": ("pol", "пол", "жынысы", "jynysy", "sex", "gender", "jinsi", "жинси", "gesch", "fasex"),
    "phone": ("telefon", "телефон", "phone", "mobile", "tel", "тел", "ұялы", "telnr"),
    "email": ("email", "e_mail", "почта", "пошта"),
    "address": ("adres", "адрес", "мекенжай", "мекенжайы", "mekenjai", "address", "addr", "adr", "manzil", "манзил"),
    "region": ("kato", "като", "oblys", "облыс", "region", "область", "регион", "тіркеу_орны", "oblast", "район",
               "district", "raion"),  # not аудан: it is an area too (audany_m2)
    "money": ("summa", "сумма", "dohod", "доход", "amount", "amount_kzt", "salary", "income", "charge", "debt",
              "ipn", "налог", "wage", "зарплата", "monthly_charge", "жалақы"),
    "date": ("data", "дата", "date", "күні", "kuni", "_on", "_at", "since", "period", "период"),
    "text": ("cause", "причина", "description", "описание", "comment", "комментарий", "себебі", "note"),
}
SPECIAL_CONTEXT = ("disab", "инвалид", "мүгедек", "diagnos", "диагноз", "mse", "мсэ", "мәс")
SPECIAL_COLUMNS = ("natsional", "национальн", "ұлты", "ulty", "nationality", "ethnic", "этнич", "religi", "религи",
                   "діні", "dini", "diagnos", "диагноз", "health_status", "здоровья", "денсаулық")
"""Columns that are special-category data wherever they appear: ethnic origin, religion, health."""
"""A table about disability or diagnoses: its non-identifying columns are special-category data."""
SPECIAL_VALUES = ("инвалид", "мүгедек", "disab", "diagnos", "диагноз")
"""Values that name a health condition (a benefit "for disability", a housing queue category "a person with a
disability"): a column holding them is special-category data wherever it appears, since the value says it."""
FATHERS_NAME = re.compile(r"father'?s?[\s_]*(?:first[\s_]*)?name|имя[\s_]+отца|әкесінің[\s_]+есімі")
"""A column of the father's given name: the person's patronymic where it holds single words (a school's
father_name of full names is the father, another person)."""
ANCESTOR = re.compile(r"grand\s*father|grand\s*mother|дедушк|бабушк|имя деда|атасының аты")
"""A column of a grandparent's name (a Saudi visa's four-part name: first, father, grandfather, family)."""
OTHER_ROLES = ("бухгалтер", "accountant", "директор", "director", "руководител", "басшы", "manager", "менеджер",
               "инспектор", "inspector", "исполнител", "орындаушы", "оператор", "operator", "курьер", "агент")
"""Words of a contact column's name that make it someone else's (Тел. бухгалтера): not the record's person."""
STAFF = ("bailiff", "судебн", "чси", "doctor", "врач", "дәрігер", "physician", "nurse", "медсестр", "registrar",
         "регистратор", "clerk", "inspector", "инспектор", "исполнител", "орындаушы", "operator", "оператор",
         "officer", "specialist", "специалист", "маман", "executor", "attending", "notary", "нотариус", "manager",
         "менеджер", "approv", "утверд", "подписал", "signed", "responsible", "ответствен", "жауапты", "санақшы",
         "счетчик", "счётчик", "переписчик", "интервьюер", "interviewer", "enumerator", "тіркеуші", "имам", "imam",
         "vrach", "dariger", "агроном", "agronom", "гидротех", "gidroteh", "hydrotech", "жетекші", "куратор",
         "curator", "волонтер", "волонтёр", "volunteer", "учитель", "мұғалім", "teacher")
"""Words of an identity column's name that make it an official's who handled the record (bailiff, Врач or VRACH, ИИН
регистратора, approved_by, a pupil's class teacher, a farm's agronomist, a volunteer who handed out aid): a person
the record is not about, whom linkage leaves out where the row names someone else (``OFFICIAL``), and reads where
the officials are all the table holds (a register of managers)."""
STAFF_WORDS = frozenset({"hr", "кадровик", "kadrovik", "кадрлар", "kadrlar"})
"""Whole words of a column's name that make it a personnel officer's (HR_NM, HR_PHN beside EMP_LNM, EMP_PHN): short
words, read as words, not inside others (``STAFF``, ``OTHER_ROLES`` are read inside: инспектора, бухгалтера)."""
AGE = re.compile(r"\d{1,3}(\.0+)?")
"""a person's age in whole years (39, or 39.0 as a spreadsheet keeps it)"""
OLDEST = 120
"""the most years a person's age can be"""
OFFICIAL = "the name says an official who handled the record"
"""the evidence that marks an official's column (``records.parties`` leaves it out beside the record's person)"""
REPEATED = "the same few names fill many rows"
"""the evidence of a name column whose values repeat as no person's do (a census's enumerator, Иванова Т. on 180
households): someone who handled the rows where another column names the persons (``records.parties``)"""
DATIVE = "the names are written in the Kazakh dative"
"""the evidence of a full-name column whose names end in the dative (a prize given, a payment made: Ахметов
Русланға, Серікке, Омарұлына), read without the ending (``records.Party.dative``)"""
DATIVE_SUFFIXES = ("ға", "ге", "қа", "ке")
"""the dative's endings of a name (Русланға, Серікке)"""
DATIVE_POSSESSED = ("ұлы", "қызы", "улы", "кызы")
"""the patronymic's endings after which the dative is the possessive's -на (Омарұлына)"""
DATIVE_ENDING = f"(?:{'|'.join(DATIVE_SUFFIXES)}|{'|'.join(p + 'на' for p in DATIVE_POSSESSED)})$"
"""a name's last word in the dative: one of ``DATIVE_SUFFIXES``, or -на after one of ``DATIVE_POSSESSED``"""
DATIVE_SHARE = 0.6
"""the share of a full-name column's names that must end in the dative for the column to be read so: a Russian or
Kazakh name ends so now and then (Ника, Ерке), a column of them not"""
REPEATED_LEAST = 30
"""Names a column must hold before their repetition tells anything."""
REPEATED_SHARE = 0.1
"""Distinct names per filled value below which a column's names repeat as no person's do (a person on ten rows of a
register is a payments ledger's recipient, whom another name column beside it would not outnumber)."""
NAMES = ("surname", "first_name", "patronymic", "full_name")
IDENTIFYING = frozenset({"iin", "surname", "first_name", "patronymic", "full_name", "persons", "birth_date", "sex",
                         "phone", "email", "address"})

PHONE = re.compile(r"^(\+7|8|7)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}$|^7[0-8]\d{8}$")
"""A Kazakh phone number: +7, 8 or 7 and ten digits, however grouped; or the ten digits alone (7051555189: 705, a
mobile operator's code, 71x-72x a town's)."""
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_WORD = re.compile(r"^(?:[^\W\d_]|['-])+$")
"""A word of letters in any script (Kazakh Latin's Á, ǵ, ý, ı too), perhaps with an apostrophe or a hyphen."""
_VOWEL = re.compile(r"[aeiouyáéíóúýıäöüàèìòùâêîôûāēīōūëïÿаеёиоуыэюяәөұүі]", re.IGNORECASE)
"""a vowel: every word of a name has one (БСК, РМЖ, КШС are codes)"""
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.){1,3}$")
"""A word of initials: Н., Н.С., Sh.K."""
MASKED_WORD = re.compile(r"^[^\W\d_]\*{2,}[^\W\d_]$")
"""A word of a name masked for statistics: its first and last letters kept, every other one a ``*`` (Т*******в)"""
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
SURNAME_ENDINGS = ("ов", "ев", "ин", "ова", "ева", "ина", "ский", "ская", "енко", "ov", "ev", "in", "ova", "eva",
                   "ina", "ұлы", "қызы", "улы", "кызы", "uly", "kyzy", "ұly", "qyzy")
PATRONYMIC_ENDINGS = ("ович", "евич", "овна", "евна", "ич", "ична", "ұлы", "қызы", "улы", "кызы", "ovich",
                      "evich", "ovna", "evna", "uly", "kyzy", "qyzy", "ūly", "ўғли", "угли", "қизи", "кизи", "ogli",
                      "qizi")
"""(Uzbek's o'g'li and qizi are read without their apostrophes: ``_joined``)"""
PARTICLE = re.compile(r"([^\W\d_]+)[\s-]+(ұлы|улы|uly|uli|қызы|кызы|kyzy|qyzy|kizi|qizi|o\W?g\W?li|ўғли|угли|қизи|"
                      r"кизи)", re.IGNORECASE)
"""A patronymic written as two words, the father's name and its particle (Нұрмахан ұлы, Baxtiyor o'g'li)."""


def _joined(value: str) -> str:
    """A patronymic of two words (Baxtiyor o'g'li) as the one word it is read as (Baxtiyorogli); any other value as it
    is."""
    found = PARTICLE.fullmatch(value)
    return re.sub(r"\W", "", found.group(1) + found.group(2)) if found else value
ADDRESS_MARKERS = ("ул.", "көшесі", "д.", "кв.", "г.", "қ.", "пр.", "даңғылы", "пәтер", "үй", "с.", "а.", "str",
                   "street", "көш.")
SEX_CODES = {"м": "M", "m": "M", "1": "M", "ер": "M", "ер адам": "M", "муж": "M", "муж.": "M", "мужской": "M",
             "мужчина": "M", "male": "M", "man": "M", "er": "M",
             "ж": "F", "f": "F", "2": "F", "әйел": "F", "әйел адам": "F", "жен": "F", "жен.": "F", "женский": "F",
             "женщина": "F", "female": "F", "woman": "F", "áiel": "F", "aiel": "F", "ayel": "F"}
"""How agencies write sex, lower-cased, and what it means."""
SEX_VALUES = frozenset(SEX_CODES)


@dataclass(frozen=True)
class Classification:
    semantic_type: str
    confidence: float
    sensitivity: str
    evidence: str


BIRTH_ABBREVIATIONS = re.compile(r"(?:[^\W\d_]+\.?\s+)?(т\.\s?к|д\.\s?р|д/р|г\.\s?р)\.?(\s*\d+)?(\s*\([^)]*\))?")
"""туған күні and дата рождения shortened (Т.к., Д.Р., д/р), perhaps numbered for one of several persons (Т.к. 1) or
after a role's shortened word (Сат. т.к., Алуш. т.к.: the seller's and the buyer's), perhaps with what it holds
said after it (Д/р (год): a year or a date)"""


_MAYBE_MOJIBAKE = re.compile(MOJIBAKE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
"""Where a camel-case name's words meet (AdministrativeSex, PhoneNumberHome)."""


def header_names_a_name(column: str) -> bool:
    """Whether a column's name says it holds a name of some kind (first_name, ФИО, Haydovchi_FISH), not only its
    values (Плательщик, Второй жилец: a role whose values are names)."""
    return bool(set(_name_hits(column)) & set(NAMES))


def _name_hits(column: str) -> dict[str, float]:
    """The types the column's name suggests, and how strongly; a camel-case name (HL7's AdministrativeSex) is
    read word by word where it says nothing whole, or only that it is a date (dataRozhdeniya); a name its system
    cut short (``CUT``) by its whole words and by the one type its last, cut word begins a word of."""
    if column.endswith(CUT):
        return _cut_name_hits(column.removesuffix(CUT))
    hits = _whole_name_hits(column)
    spaced = _CAMEL.sub("_", column)
    if spaced == column or (hits and set(hits) != {"date"}):
        return hits
    return _whole_name_hits(spaced) or hits  # dataRozhdeniya: data_rozhdeniya, a birth, not the "data" in it


def name_kinds(column: str) -> set[str]:
    """The kinds of value a column's name says it holds (ИИН and ЖСН: an IIN), whatever its values."""
    return set(_name_hits(column))


CUT_WORD_LEAST = 3
"""Letters a cut word needs to say which word it begins"""


def _cut_name_hits(column: str) -> dict[str, float]:
    """``_name_hits`` of a name cut short (Фами, of Фамилия в период работы; ИИН followed by a cut word): its whole
    words, and the type of the words of ``NAME_WORDS`` its last, cut word begins, where they are of one type only
    (Фами: фамилия; Дата begins дата and дата рождения: a date or a birth, the values say which)."""
    whole, _, cut = column.rpartition(" ") if not column.endswith(" ") else (column, "", "")
    hits = _whole_name_hits(whole) if whole.strip() else {}
    begun = cut.lower()
    if len(begun) >= CUT_WORD_LEAST:
        kinds = {kind for kind, fragments in NAME_WORDS.items() for fragment in fragments
                 if fragment.startswith(begun)}
        if len(kinds) == 1:
            hits[kinds.pop()] = 0.7
    return hits


def _whole_name_hits(column: str) -> dict[str, float]:
    parts = [column.lower().strip(), *re.split(r"\s*/\s*", column.lower().strip())]  # Д.р./возраст: birth or age
    if any(BIRTH_ABBREVIATIONS.fullmatch(part) for part in parts):
        return {"birth_date": 0.9}
    # Әкесінің аты, RNN/IIN: as әкесінің_аты, rnn_iin; Latin Kazakh in plain letters (Týǵan kúni: tugan_kuni)
    # last-name, birth-date (JSON:API's and kebab-case keys) as last_name, birth_date
    name = re.sub(r"[\s./]+|(?<=[^\W\d_])-(?=[^\W\d_])", "_", plain_latin(column.lower().strip()))
    words = set(re.split(r"[_\s.]+", name))
    if name in BARE_PARTS:  # Last, First, Middle: a form's name fields, headed by the part alone
        return {BARE_PARTS[name]: 0.9}
    hits: dict[str, float] = {}
    matched: dict[str, str] = {}
    for kind, fragments in NAME_WORDS.items():
        for fragment in fragments:
            exact = fragment == name
            word = fragment in words
            inside = len(fragment) >= 4 and fragment in name
            suffix = fragment.startswith("_") and name.endswith(fragment)
            if exact or word or inside or suffix:
                # the longest matching fragment wins: аты_жөні (full name) over its word аты (first name)
                strength = (1.0 if exact else 0.8 if word or inside else 0.5) + len(fragment) / 1000
                hits[kind] = max(hits.get(kind, 0.0), strength)
                matched[kind] = max(matched.get(kind, ""), fragment, key=len)
    for kind, fragment in matched.items():  # otasining_ismi: the father's name, not a first name (ismi) in it
        if any(fragment in longer and len(longer) > len(fragment) for other, longer in matched.items()
               if other != kind):
            hits.pop(kind, None)
    if "name" in words and ("full" in words or "holder" in words or "employee" in words):
        hits.pop("first_name", None)
    if "name" in words:  # a name's part named apart from it, in any order: name.last, name_first, NAME_MIDDLE
        part = next((kind for kind, said in NAME_PARTS.items() if words & said), None)
        if part is not None:
            hits[part] = max(hits.get(part, 0.0), 0.9)
        if any(kind in hits for kind in ("surname", "patronymic", "full_name")):
            hits.pop("first_name", None)
    return hits


NAME_PARTS = {"surname": {"last", "family", "sur"}, "first_name": {"first", "given"},
              "patronymic": {"middle"}, "full_name": {"full"}}
"""Words that say which part of a name a column holding the word ``name`` is (name.last: the surname)."""
BARE_PARTS = {"last": "surname", "first": "first_name", "given": "first_name", "middle": "patronymic"}
"""A column named by the part alone (a US form's Last, First, Middle); only as the whole name: last_visit is no
surname."""


def _share(values: Sequence[str], test: Callable[[str], bool]) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def is_date(value: str, month_first: bool = False) -> bool:
    """True when ``value`` is a date in one of the formats agencies use (not an Excel day number); with
    ``month_first``, read as its column writes it (09/21/1950)."""
    return _DIGIT.search(value) is not None and parse_date(value, serials=False, month_first=month_first) is not None


_DIGIT = re.compile(r"\d")
"""Every date the parser reads holds a digit: a value without one (a name) is not tried."""


_LISTED = re.compile(r"\w[\w ]*\w\.\d+\.(.+)")
"""a column of a list of nested records whose last key holds dots of its own (Члены семьи.2.Д.р./возраст)"""
_LAST_KEY = re.compile(r".*\w\w\.([^.]+)")
"""a column of nested records (client.name.last: its last key), not one whose name is dotted (Д.р., Д.р./возраст)"""
_AFTER_FIRST_KEY = re.compile(r"[^\W\d_][\w ]*[^\W\d_]\.(.+)")
"""a column of a record's labelled lines whose label holds dots (a calendar event's DESCRIPTION.Д.р.): the label"""


_TOWN_MARK = re.compile(r"^\s*(г|қ|гор|город|қаласы|city)\.?\s+|\s+(қ|қаласы|city)\.?\s*$")


def _words(value: str) -> list[str]:
    """A value's words: split at spaces, commas and the carets of HL7 names (SURNAME^FIRST^PATRONYMIC)."""
    return [w for w in value.replace(",", " ").replace("^", " ").replace("=", " ").split() if w]


UNITS = ("branch", "office", "department", "division", "филиал", "отдел", "офис", "бөлім", "управлен", "басқарма",
         "цон", "хқко")
"""Words of an organisation's unit: a town, such a word and a number name an office (Astana branch 2), not a
home."""


ORGANISATIONS = frozenset({"загс", "цон", "тоо", "ао", "гу", "кгу", "ргп", "гкп", "оо", "нао", "ооо", "ақ", "жшс",
                           "хқко", "акимат", "әкімдігі", "llp", "jsc", "llc", "ltd"})
"""Words of an organisation's name (ЗАГС Алматы, ТОО Ромашка, ЦОН Астана): a value holding one is no person's
name (ИП Ахметов, a sole trader's, is)."""


_APART = "\\s,^«»\"'"
_ORGANISATION = re.compile(rf"(?:^|[{_APART}])(?:{'|'.join(sorted(ORGANISATIONS, key=len, reverse=True))})\.?"
                           rf"(?=$|[{_APART}])", re.IGNORECASE)
"""A word of ``ORGANISATIONS`` between spaces, commas, quotes or the ends (one search, not a split: every
distinct full name of a linkage is tried)."""


def is_organisation(value: str) -> bool:
    """Whether a name is an organisation's (ЗАГС Алматы, ТОО «Береке-3», TOO Kasip LLP), not a person's: a
    debtor's or an owner's column holds both (ИП Ахметов, a sole trader's, is a person's)."""
    return _ORGANISATION.search(value) is not None


def _looks_like_address(value: str) -> bool:
    """A lower-cased value that reads as an address: a number with two address words (ул., д., кв. ...), or a
    number after a known town and a comma (Актобе, Абая 117-7; г. Конаев, мкр Жетысу 12), or a known town first, then a
    street and a number last, as utilities write them (ОСКЕМЕН КАБАНБАЙ БАТЫРА 4-45)."""
    if not any(c.isdigit() for c in value):
        return False
    if sum(m in value for m in ADDRESS_MARKERS) >= 2:
        return True
    town, comma, _ = value.partition(",")
    if comma:
        return _TOWN_MARK.sub("", town).strip() in _places()
    words = _TOWN_MARK.sub("", value).split()  # ОСКЕМЕН КАБАНБАЙ БАТЫРА 4-45: a town, a street, a number
    return len(words) >= 3 and words[0] in _places() and any(c.isdigit() for c in words[-1]) and \
        not any(w.startswith(UNITS) for w in words)  # Astana branch 2: an office of an organisation


_SEVERAL_CONTACTS = re.compile(r"[,;]")
"""Where a cell's first contact ends (+7 705 931 15 43, e-mail: ...: the phone, then the e-mail)"""


def _value_scores(values: Sequence[str]) -> dict[str, float]:
    """Share of values that look like each type."""
    v = [x.strip() for x in values if x and x.strip()]
    if not v:
        return {}
    lower = [x.lower() for x in v]
    # names: single words of letters; some agencies (and FEBRL) write them in lower case
    single = [w for w in map(_joined, v) if _WORD.match(w)]
    # numbers, dates, phones and addresses hold a digit: a column of names is not tried as them, value by value
    digits = [x for x in v if _DIGIT.search(x)]

    def share(test: Callable[[str], bool], among: Sequence[str] = digits) -> float:
        return sum(1 for x in among if test(x)) / len(v)

    scores = {
        "iin": share(lambda x: (n := normalise_number(x)) is not None and decode_iin(n) is not None),
        "bin": share(lambda x: len(x) == 12 and x.isdigit() and is_valid_bin(x)),
        "phone": share(lambda x: bool(PHONE.match(_SEVERAL_CONTACTS.split(x, maxsplit=1)[0].strip()))),
        "email": share(lambda x: bool(EMAIL.match(x)), v),
        "date": share(functools.partial(is_date, month_first=month_first(digits))),
        "sex": _share(lower, lambda x: x in SEX_VALUES) if len(set(lower)) <= 4 else 0.0,
        "money": share(lambda x: bool(_NUMBER.match(x))),
        "address": share(_looks_like_address, [x.lower() for x in digits]),
    }
    if single:
        share_single = len(single) / len(v)
        sur = sum(1 for x in single if x.lower().endswith(SURNAME_ENDINGS)) / len(single)
        pat = sum(1 for x in single if x.lower().endswith(PATRONYMIC_ENDINGS)) / len(single)
        scores["patronymic"] = share_single * pat
        scores["surname"] = share_single * max(0.0, sur - pat)
        scores["first_name"] = share_single * max(0.0, 1 - sur - pat)
        scores["capitalised"] = sum(1 for x in single if x[0].isupper()) / len(v)
    multi = [x for x in map(name_alone, v) if 2 <= len(_words(x)) <= 4 and all(
        ((_WORD.match(w) and (len(w) == 1 or _VOWEL.search(w))) or _INITIALS.match(w) or MASKED_WORD.match(w))
        and w[0].isupper() for w in _words(x)) and not is_organisation(x)]  # Ахметов Н.С., ОМАРОВ Д К too; not БСК,
    # СД, РМЖ (codes); Т*******в А***р Т********ч, masked
    scores["full_name"] = len(multi) / len(v)
    scores["text"] = _share(v, lambda x: len(_words(x)) >= 2 and not any(c.isdigit() for c in x))
    return scores


@functools.cache
def _places() -> frozenset[str]:
    """Regions and their centres, in Kazakh, Russian and English, lower-cased (the official register), and in
    Kazakh without its own letters."""
    found: set[str] = set()
    with resources.files("ukimet.core").joinpath("data/kz_regions_2025.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for field in ("name_kk", "name_ru", "name_en", "admin_center_kk_ru"):
                for part in re.split(r"[/(),]", row.get(field) or ""):
                    words = part.strip().lower().split()
                    if words:
                        found.update({" ".join(words), words[0]})
    return frozenset(found | {place.translate(_LOOK_ALIKES) for place in found})


_LOOK_ALIKES = str.maketrans("әғқңөұүһі", "агкноуухи")
"""Kazakh letters as systems without them write them (Өскемен as ОСКЕМЕН)."""


def _given_names(values: Sequence[str]) -> bool:
    """Whether single words are varied like given names and unlike places or short codes."""
    v = [x.strip() for x in values if x and x.strip()]
    distinct = {x.lower() for x in v}
    if len(distinct) < 5 or len(distinct) < len(v) / 10 or sum(len(x) for x in v) < 3 * len(v):
        return False
    if max(Counter(x.lower() for x in v).values()) > MOST_COMMON_GIVEN * len(v):
        return False  # Активен on most cards: a status, no name (no given name is a third of a country's)
    places = _places()
    return sum(1 for x in v if x.lower() in places) < 0.3 * len(v)


MOST_COMMON_GIVEN = 0.3
"""the largest share of a column of given names one name may take"""


ADULT = 18
"""Years since the latest of a column's dates from which they can all be dates of birth of adults."""


GIVEN = re.compile(r"given|forename")
"""A header that says given names (GIVEN NAMES, forenames): its names of two words are one person's given names
(a Korean's Ен Хи), not full names."""
FEWEST_BIRTHS = 4
"""Dates a column needs before their spread can say they are births."""
BORN_SINCE = 1880
"""The earliest year of birth a column of years alone, named as births, may hold (the veterans of 1941-1945 on a
memorial list were born from the 1890s)."""


PERSONS_AMONG_PARTIES = 0.2
"""The share of a column named IIN or BIN (ЖСН/БСН) that must be persons' IINs for it to be read as their IINs."""
EVENT_NAMED = re.compile(r"issu|выда|берілг|berilg|licen|лиценз|куәлік|expir|valid|действ|срок|мерзім|regist|"
                         r"регистр|тіркел|tirkel|visit|визит|admiss|поступ|түск|death|смерт|қайтыс|marri|брак|неке|"
                         r"hired|прием|приём|уволь|start|end|from|to$|until|paid|оплат|төлен", re.IGNORECASE)
"""Words in a column's name that say which event its dates are (driverLicenceIssued, Дата выдачи, тіркелген күні):
never births, however their spread looks."""


def _birth_dates(days: Sequence[dt.date]) -> bool:
    """Whether dates look like dates of birth rather than of events: all in the past, after 1900, and either
    spread over at least three decades with hardly any of them in the last year, or spread over a decade and
    all of them older than an adult (a register of wives born 1970-1995: an extract of today holds no events
    that old alone); in a file of under ten, three decades apart and none of the last year."""
    if len(days) < FEWEST_BIRTHS:
        return False
    today = dt.date.today()
    years = sorted(d.year for d in days)
    recent = sum(1 for d in days if (today - d).days < 366)
    if not all(d.year >= 1900 and d <= today for d in days):
        return False
    if len(days) < 10:  # a small file's five persons born 1955-2004: decades apart, none of this year
        return years[-1] - years[0] >= 30 and not recent
    return (years[-1] - years[0] >= 30 and recent <= len(days) // 20) or (
        years[-1] - years[0] >= 10 and today.year - years[-1] >= ADULT)


SWAP_LEAST = 5
"""Values of each name column a table needs before its headers are read as swapped."""


def swapped_names(found: dict[str, Classification], values: Mapping[str, Sequence[str]]) -> dict[str, Classification]:
    """A table's columns with a surname and a first-name header that name each other's values (Фамилия holding
    Айгүл, Ерлан; Имя holding Ахметова, Сейтқалиев) read by their values: the one column whose values mostly end
    as surnames do (-ов, -ева, -ұлы ...) while the other's hardly ever do is the surname. Kazakh surnames without
    such an ending say nothing, so a table of them keeps its headers."""
    surnames = [c for c, k in found.items() if k.semantic_type == "surname"]
    firsts = [c for c, k in found.items() if k.semantic_type == "first_name"]
    if len(surnames) != 1 or len(firsts) != 1:
        return found

    def share(column: str) -> tuple[float, int]:
        written = [v.strip().lower() for v in values.get(column, ()) if v.strip()]
        return (sum(v.endswith(SURNAME_ENDINGS) for v in written) / len(written) if written else 0.0), len(written)

    (as_surname, n), (as_first, m) = share(surnames[0]), share(firsts[0])
    if min(n, m) < SWAP_LEAST or as_surname > 0.2 or as_first < 0.6:
        return found
    said = f"values: the header is swapped ({as_first:.0%} of {firsts[0]} end as surnames, {as_surname:.0%} of " \
           f"{surnames[0]})"
    return {**found, surnames[0]: replace(found[surnames[0]], semantic_type="first_name", evidence=said),
            firsts[0]: replace(found[firsts[0]], semantic_type="surname", evidence=said)}


def _dative_share(values: Sequence[str]) -> float:
    """The share of filled values whose last word is in the Kazakh dative (``DATIVE_ENDING``)."""
    filled = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    return sum(1 for v in filled if re.search(DATIVE_ENDING, v.lower())) / len(filled) if filled else 0.0


def _name_or_self(value: str) -> str:
    return "" if value.strip().lower() in SELF else value


def classify_column(source: str, table: str, column: str, data_type: str, values: Sequence[str]) -> Classification:
    """The semantic type of one column, with its confidence, sensitivity and the evidence for it. A column of
    nested records (citizen.name.last, азамат.аты_жөні.тегі) is named by its last key first: the keys around it
    name the record (аты_жөні, a full name) more than the value."""
    # Члены семьи.1.Д.р./возраст: the key after a list's number, dots and all; Д.р./возраст alone is no nesting
    # values a program wrote in a Western page, or as UTF-8 read twice (ÐœÑƒÐºÐ°ÑˆÐµÐ²), read as they were written
    values = [mended(v) if isinstance(v, str) and _MAYBE_MOJIBAKE.search(v) else v for v in values]
    # Гульмира (жена), Загипа - мать, жена Гульмира, ЖЕНА ГАУХАР +77024842580: a contact's relation and phone
    # beside the name, read as the name; сам: the row's own person, no one else's name
    values = [_name_or_self(name_in_cell(v)) if isinstance(v, str) else v for v in values]
    last = _LISTED.fullmatch(column) or _LAST_KEY.fullmatch(column) or _AFTER_FIRST_KEY.fullmatch(column)
    names = _name_hits(last.group(1)) if last else {}
    if set(names) == {"date"}:  # туған.күні: the day of birth, not a date
        names = {k: v for k, v in _name_hits(".".join(column.split(".")[-2:])).items() if k == "birth_date"} or names
    names = names or _name_hits(column)
    scores = _value_scores(values)
    numeric_type = any(t in data_type for t in ("int", "numeric", "decimal", "double", "real", "float"))
    date_type = data_type in ("date",) or data_type.startswith("timestamp")
    evidence = []

    def pick(kind: str, confidence: float, why: str) -> Classification:
        sensitivity = _sensitivity(source, table, column, kind)
        if official and kind in (*NAMES, "iin", "birth_date", "sex"):
            why = f"{why}; {OFFICIAL} ({official})"
        if kind == "full_name" and _dative_share(values) >= DATIVE_SHARE:
            why = f"{why}; {DATIVE}"
        elif kind == "full_name" and len(values) >= REPEATED_LEAST and \
                len(set(values)) < REPEATED_SHARE * len(values):  # (first names and patronymics repeat anyway)
            why = f"{why}; {REPEATED} ({len(set(values))} on {len(values)})"
        if sensitivity != "special" and kind not in IDENTIFYING and any(
                t in str(v).lower() for v in values for t in SPECIAL_VALUES):
            sensitivity, why = "special", f"{why}; some values name a health condition"
        return Classification(kind, round(min(confidence, 1.0), 2), sensitivity, why)

    lowered = column.lower()
    staff_word = next((w for w in re.split(r"[\W_]+", lowered) if w in STAFF_WORDS), None)
    someone_else = next((w for w in OTHER_ROLES if w in lowered), staff_word)
    official = next((w for w in STAFF if w in lowered), staff_word)
    if column.rsplit(".", 1)[-1].startswith("__"):  # GraphQL's __typename, OData's __metadata: the format's own
        return pick("other", 0.9, "a key the format writes of its own (__typename), no value of a person")
    # values that prove themselves: check digits and strict patterns
    for kind in ("iin", "bin", "email", "phone"):
        if scores.get(kind, 0) >= 0.8 and someone_else and kind in ("email", "phone"):
            return pick("other", 0.7, f"{kind} of someone else the name says ({someone_else}), not the record's")
        if scores.get(kind, 0) >= 0.8:
            return pick(kind, 0.6 + 0.4 * scores[kind], f"{scores[kind]:.0%} of values are valid {kind}")
    if ANCESTOR.search(lowered):  # a passport's Grandfather Name beside Father Name: no name the person bears
        return pick("other", 0.7, "a grandparent's name, no part of the person's own")
    if FATHERS_NAME.fullmatch(lowered.strip()) and scores.get("full_name", 0.0) < 0.5 and \
            scores.get("first_name", 0.0) + scores.get("patronymic", 0.0) >= 0.8:  # a visa's Father Name: MARAT
        return pick("patronymic", 0.8, "a father's given name, single words: the person's patronymic")
    # a key or identifier column is "other", whatever its values look like
    coded = not values or _share([v for v in values if v and v.strip()], lambda x: x.strip().isdigit()) >= 0.9
    if lowered in ("id", "ид", "№", "номер") or lowered.endswith(("_id", "_key", "_kody", "_code", "_nomiri")) or \
            (lowered.startswith(("id_", "ид_")) and coded):  # id_adr of numbers: the address's number; id_surname
        # of names: the surname of the person the id is (a record's own prefix)
        return pick("other", 0.8, "identifier or code column")
    if holds_people(values):  # Родители: Иванов Сергей Николаевич и Иванова Екатерина Анатольевна
        places = places_of(values)
        return pick("persons", 0.8, "names of several persons in one cell (a pair: a man first)" if places == PLACES
                    else f"names of several persons in one cell (a numbered list of up to {places} persons)")
    if names.get("age"):  # Возраст, client.age: whole years, as an application or a survey took them
        present = [v.strip() for v in values if v and v.strip()]
        ages = [v for v in present if AGE.fullmatch(v) and float(v) <= OLDEST]
        if present and len(ages) >= 0.9 * len(present):
            return pick("age", 0.8, "whole years and the name says age")
    if not date_type and scores.get("date", 0) < 0.9 and (names.get("birth_date") or not names):
        # a date of birth written as a year and month only (1985-03), or as Excel day numbers under a name that
        # says birth (Туған күні (сан)): read so by linkage
        present = [v.strip() for v in values if v and v.strip()]
        millis = [d for d in (parse_epoch_millis(v) for v in present) if d is not None] \
            if names.get("birth_date") else []
        written = [d for d in (parse_date(v) for v in present) if d is not None] if millis else []
        if present and len(millis) + len(written) >= 0.9 * len(present) and _birth_dates(millis + written):
            return pick("birth_date", 0.7, "milliseconds since 1970 (or dates) and the name says birth")
        if present and names.get("birth_date") and epoch_days(present) and _birth_dates(
                [d for d in map(from_epoch_days, present) if d is not None]):
            return pick("birth_date", 0.7, "days since 1970 and the name says birth")
        months = [d for d in (parse_year_month(v) for v in present) if d is not None]
        if present and len(months) >= 0.9 * len(present) and (names.get("birth_date") or _birth_dates(months)):
            return pick("birth_date", 0.7, "years and months of birth")
        years = [d for d in (parse_year(v) for v in present) if d is not None]
        if present and names.get("birth_date") and len(years) >= 0.9 * len(present) and all(
                BORN_SINCE <= d.year <= dt.date.today().year for d in years):
            return pick("birth_date", 0.7, "years of birth alone and the name says birth")  # Год рождения: 1990
        mixed = [d for d in (parse_date(v) or parse_year_month(v) or parse_year(v) for v in
                             (life_span_birth(v) or v for v in present)) if d is not None]  # 1938–2005: 1938
        aged = sum(1 for v in present if age_in_birth(v))  # a volunteer's 18 лет, 5 мес. among the dates
        if present and names.get("birth_date") and len(mixed) + aged >= 0.9 * len(present) and all(
                BORN_SINCE <= d.year <= dt.date.today().year for d in mixed):  # a witness's: 1973, 25.07.1954
            return pick("birth_date", 0.7, "years, months or days of birth and the name says birth")
        serials = _share(present, lambda x: parse_date(x) is not None) if names.get("birth_date") else 0.0
        if serials >= 0.9:
            return pick("birth_date", 0.75, f"{serials:.0%} are Excel day numbers and the name says birth")
    if date_type or scores.get("date", 0) >= 0.9:
        share = 1.0 if date_type else scores["date"]
        american = month_first(values)
        births = not names and not EVENT_NAMED.search(column) and _birth_dates(  # a name nobody here knows (DR,
            # fld_03): the values decide, unless the name says what event they date (driverLicenceIssued)
            [d for d in (parse_date(v, month_first=american) for v in values) if d is not None])
        kind = "birth_date" if names.get("birth_date") or births else "date"
        return pick(kind, 0.5 + 0.5 * share, f"{'DATE type' if date_type else f'{share:.0%} parse as dates'}"
                    + (", name says birth" if names.get("birth_date") else
                       ", dates of birth by their spread (decades, all past)" if births else "")
                    + (", the month before the day (09/21/1950)" if american else ""))
    if scores.get("sex", 0) >= 0.95 and names.get("sex", 0) > 0:
        return pick("sex", 0.95, "two-valued sex codes and the name says so")
    if names.get("iin") and names.get("bin") and scores.get("iin", 0) >= PERSONS_AMONG_PARTIES:
        # ЖСН/БСН, ИИН/БИН: a party's number, a person's IIN or a company's BIN; the persons' are read
        return pick("iin", 0.5 + 0.4 * scores["iin"], f"name says IIN or BIN; {scores['iin']:.0%} are persons' IINs")
    for kind, strength in sorted(names.items(), key=lambda kv: -kv[1]):
        evidence.append(f"name suggests {kind}")
        if kind in ("surname", "first_name", "patronymic", "full_name"):
            value_support = max(scores.get(k, 0.0) for k in ("surname", "first_name", "patronymic", "full_name"))
            whole = scores.get("full_name", 0.0)
            if kind != "full_name" and whole >= 0.6 and (strength < 1.0 or kind == "first_name") \
                    and not (kind == "first_name" and GIVEN.search(lowered)):  # GIVEN NAMES: Ен Хи, a Korean's
                # mother_name, child_name holding Лебедева Әйгерім Маратовна, or a column called "name" holding
                # КАСЫМОВ, Дмитрий (an emergency contact's name, Света among them): a name of several words is a full
                # name
                return pick("full_name", 0.5 + 0.4 * scores["full_name"],
                            f"{scores['full_name']:.0%} of values are names of several words")
            several = sum(scores.get(k, 0.0) for k in ("surname", "first_name", "patronymic", "full_name"))
            if value_support >= 0.5 or several >= MIXED_NAMES or not values:  # m_name: Дана, Мәдина Омарова, Arman
                return pick(kind, 0.5 + 0.4 * strength + 0.1 * value_support, f"name and values are {kind}")
            continue
        if kind == "money" and (numeric_type or scores.get("money", 0) >= 0.9):
            return pick("money", 0.6 + 0.3 * strength, "amount column with numeric values")
        if kind in ("address", "region", "text", "sex"):
            return pick(kind, 0.5 + 0.4 * strength, f"name says {kind}")
        support = scores.get("date" if kind == "birth_date" else kind, 0)  # a birth date's values are dates
        if kind in ("iin", "bin", "phone", "email", "birth_date") and (not values or support >= 0.5):
            return pick(kind, 0.4 + 0.4 * strength, f"name says {kind}; too few values to confirm")
    if scores.get("address", 0) >= 0.6:
        return pick("address", 0.5 + 0.4 * scores["address"], f"{scores['address']:.0%} of values look like addresses")
    # names read from the values alone
    # (a column is read as names from its values alone only when they are capitalised like names: lower-case
    # codes such as 'active'/'inactive' end like surnames too)
    capitalised = scores.get("capitalised", 0.0)
    name_kinds = {"full_name": scores.get("full_name", 0.0), "patronymic": min(scores.get("patronymic", 0.0),
                  capitalised), "surname": min(scores.get("surname", 0.0), capitalised)}
    best = max(name_kinds, key=lambda k: name_kinds[k])
    if name_kinds[best] >= 0.7:
        return pick(best, 0.4 + 0.4 * name_kinds[best], f"{name_kinds[best]:.0%} of values look like {best}")
    given = min(scores.get("first_name", 0.0), capitalised)
    said = [v.strip().lower() for v in values if v and v.strip()]
    if name_kinds["full_name"] >= FULL_AMONG_ALONE and name_kinds["full_name"] + given >= NAMES_ALONE and \
            len(set(said)) >= max(5, 0.2 * len(said)):  # ПРЕДСТАВИТЕЛЬ, ДОВЕРЕННОЕ ЛИЦО: roles, no names
        return pick("full_name", 0.4 + 0.4 * name_kinds["full_name"],  # a groom: Мукашев Аскар, or Сергей alone
                    f"{name_kinds['full_name']:.0%} of values are names of several words, {given:.0%} first names")
    if not names and given >= 0.8 and _given_names(values):  # a header nobody here knows (I, fld_02)
        return pick("first_name", 0.4 + 0.3 * given, f"{given:.0%} of values are single capitalised words ending "
                    "like no surname or patronymic, varied, and not places")
    if scores.get("text", 0) >= 0.8:
        return pick("text", 0.5, "free text in words")
    return pick("other", 0.5, "; ".join(evidence) or "no evidence for a specific type")


NAMES_ALONE = 0.95
"""The share of a column's values that must be full names (``FULL_AMONG_ALONE`` at least) or first names for it to be
read as a person's name from its values alone, whatever its header (a booking's groom, a feast's hero)"""
FULL_AMONG_ALONE = 0.4
"""the share of such a column's values that must be full names, the rest first names (a second tenant: Досмухамбетов
Ерлан, Гульмира (жена))"""
MIXED_NAMES = 0.7
"""The share of a name column's values that must be names of one word or of several (a household member's name, a
first name alone or with the surname) for the column to be read as its name says, where neither alone is half"""


def _sensitivity(source: str, table: str, column: str, kind: str) -> str:
    context = f"{source} {table}".lower()
    lowered = column.lower()
    if any(t in lowered for t in SPECIAL_COLUMNS):
        return "special"
    identifier = lowered.endswith(("_id", "id")) or lowered in ("№", "номер")
    if any(t in context for t in SPECIAL_CONTEXT) and kind not in IDENTIFYING and not identifier:
        return "special"
    return "personal" if kind in PERSONAL else "public"
