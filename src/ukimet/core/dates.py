"""Dates as agencies write them: ISO, dotted, slashed, compact, two-digit years, with or without a time, Excel
serial numbers, with the month's name in Kazakh, Russian or English or in Roman numerals (21.VI.1970), and ISO's
ordinal dates (1985-071). One function, ``parse_date``; None when
a value is not a date (never a guess). Column classification, profiling and linkage all read dates through it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from ukimet.core.ids import IIN_AFTER_NAME
from ukimet.core.number_words import said_in_digits
from ukimet.core.scripts import plain_latin

FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y%m%d", "%Y.%m.%d", "%Y/%m/%d", "%d.%m.%y",
           "%d/%m/%y")
_DIGITS = {"%Y": r"(?P<Y>\d{4})", "%m": r"(?P<m>\d{1,2})", "%d": r"(?P<d>\d{1,2})", "%y": r"(?P<y>\d{2})"}
_SHAPES = (*((re.compile(r"^(?P<Y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$" if f == "%Y%m%d" else
                         "^" + re.sub(r"%[Ymdy]", lambda m: _DIGITS[m.group()], re.escape(f)) + "$"), f)
              for f in FORMATS), (re.compile(r"^(?P<d>\d{2})(?P<m>\d{2})(?P<Y>\d{4})$"), "%d%m%Y"))
"""Each format's shape, its year, month and day as groups: the date is made of them (and eight digits that are no
year, month and day are tried as a day, month and year: 22022000 is 22.02.2000) (``strptime`` gives the same
dates at several times the cost: a linkage reads every distinct date, a classification every sampled one)."""
_SHAPE = re.compile(r"^\d{1,4}[./-]?\d{1,2}[./-]?\d{2,4}$")
"""Digits and separators only: anything else is no date, without trying every format."""
_TIME = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_YEAR_WORD = re.compile(r"(?<=\d)\s*(г|гг|года?|ж|жж|жыл|жылы|жылғы)\.?$", re.IGNORECASE)
"""The word for "year" after a date in digits (12.03.1985 ж., 12.03.1985 г., 12.03.1985г): not part of it."""
_BORN_WORD = re.compile(r"(?<=\w)\.?\s*(?:г\.?\s?р\.?|ж\.?\s?т\.?|туған|tugan|туылған|года рождения|г\.\s?рожд\.?)$",
                        re.IGNORECASE)
"""The words "born" after a date of birth (20.05.1968 г.р., 1998 жылы 28 наурызда туған): not part of it."""
_SPACED = re.compile(r"^\d{1,2} \d{1,2} \d{4}$")
"""A day, a month and a year separated by spaces alone (09 07 1978), as a form's free text field gets them."""
_SHORT_ISO = re.compile(r"^(\d{2})-(\d{2})-(\d{2})$")
"""A two-digit year, month and day in ISO order (yy-mm-dd), as some exports write them."""
EXCEL_EPOCH = dt.date(1899, 12, 30)
YEARS = range(1850, 2101)
"""A date outside these years is a number that happens to parse (a 7-digit document number), not a date."""
TWO_DIGIT_PIVOT = 30
"""A two-digit year above this is 19xx, else 20xx (d.m.y forms in registries of living people)."""


_MONTH_WORDS: tuple[tuple[str, int], ...] = tuple(
    (word, month) for month, words in enumerate((
        "қаңтар january январ qantar januar", "ақпан february феврал aqpan februar", "наурыз march март nauryz märz "
        "marz maerz", "сәуір april апрел sauir sáuir sawir", "мамыр may mamyr mai", "маусым june июн mausym juni",
        "шілде july июл shilde silde juli", "тамыз august август tamyz", "қыркүйек september сентябр qyrkuiek "
        "qyrkúiek", "қазан october октябр qazan oktober", "қараша november ноябр qarasha qarasa",
        "желтоқсан december декабр jeltoqsan zheltoqsan dezember"), start=1) for word in words.split())
"""Month names in Kazakh (Cyrillic and Latin, the 2018 and 2021 alphabets in plain letters: ``plain_latin``),
Russian (stems: every case), English and German (the registers of Kazakhstan's Germans: 29. November 1982, März
1976), matched from a word's start (наурызда, марта, March)."""
_MONTH_SHORT = {"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "мае": 5, "авг": 8,
                "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12, "jan": 1, "feb": 2,
                "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
                "dec": 12}
"""Abbreviations, matched whole."""
_FILLER = frozenset({"г", "гг", "год", "года", "ж", "жыл", "жылы", "жылғы", "th", "st", "nd", "rd", "of", "the",
                     "y", "yil", "jyl", "jyly", "j", "zh", "дня", "числа", "күні"})
"""Words a written date may carry besides its day, month and year (г. 1985 года, 1985 ж., the 12th of; a church
book's 2004 года мая 3 дня, the day's word after it)."""
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+")


_MONTHS_BY_LETTER: dict[str, tuple[tuple[str, int], ...]] = {
    letter: tuple(m for m in _MONTH_WORDS if m[0][0] == letter) for letter in {w[0] for w, _ in _MONTH_WORDS}}
"""The month names by their first letter: a word is compared with the few that could begin it (column
classification tries every value of every column)."""


def _month_of(word: str) -> int | None:
    if word in _MONTH_SHORT:
        return _MONTH_SHORT[word]
    found = _month_by_stem(word)
    if found is None and not word.isascii() and _LATIN.match(word):
        return _month_by_stem(plain_latin(word))
    return found


def _month_by_stem(word: str) -> int | None:
    return next((month for stem, month in _MONTHS_BY_LETTER.get(word[:1], ()) if word.startswith(stem)), None)


_LATIN = re.compile(r"^[a-zà-ɏ]+$")
"""A word in Latin letters, accented ones included (2018's and 2021's Kazakh alphabets: qañtar, sáýir, şılde)."""


_DAY_MONTH_YY = re.compile(r"^(\d{1,2})[-\s./]?([^\W\d_]{3,})\.?[-\s./]?(\d{2})$")
"""a day, a month's name and a two-digit year: 12-MAR-85, Oracle's default (DD-MON-RR) and many exports', and
12MAR85 as passports and visas print it"""


def _written(text: str) -> dt.date | None:
    """A date written with its month's name: 12 марта 1985 г., 1985 ж. 12 наурыз, March 12, 1985, 12-Mar-1985;
    and 12-MAR-85, the day first and a two-digit year last, its century by ``TWO_DIGIT_PIVOT``."""
    short = _DAY_MONTH_YY.match(text)
    if short and (month := _month_of(short.group(2).lower())) is not None:
        year = int(short.group(3))
        try:
            return dt.date(1900 + year if year > TWO_DIGIT_PIVOT else 2000 + year, month, int(short.group(1)))
        except ValueError:
            return None
    months, numbers = [], []
    for token in _WORD_OR_NUMBER.findall(text.lower()):
        if token.isdigit():
            numbers.append(token)
        elif (month := _month_of(token)) is not None:
            months.append(month)
        elif token not in _FILLER:
            return None  # other words: an address or a sentence, not a date
    years = [int(n) for n in numbers if len(n) == 4]
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(months) != 1 or len(years) != 1 or len(days) != 1 or len(numbers) != 2 or years[0] not in YEARS:
        return None
    try:
        return dt.date(years[0], months[0], days[0])
    except ValueError:
        return None


def parse_date(value: object, serials: bool = True, month_first: bool = False) -> dt.date | None:
    """The date ``value`` stands for, or None. ``serials=False`` refuses Excel day numbers, where a 5-digit
    number is more likely an amount or a code (column classification). ``month_first``: the column writes the
    month before the day in its slashed dates (09/21/1950, as American systems do; ``month_first``), so 03/05/1990
    is March 5; a dotted or dashed date stays day first."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if month_first:
        text = _MONTH_DAY.sub(r"\3\2\1\2\4", text.strip(), count=1)
    return _parse_text(text, serials)


_MONTH_DAY = re.compile(r"^(\d{1,2})(/)(\d{1,2})/(\d{4}|\d{2})(?=$|[T ])")
"""A slashed date whose first two numbers are a day and a month in either order (09/21/1950, 21/09/1950). Only
slashes: American systems write the month first with them, while a dotted or dashed date (21.09.1950) is day first
wherever it is written, even in a column whose slashed dates are month first."""
MONTH_FIRST_LEAST = 3
"""Dates of a column that must show the month first (a second number above 12) before it is read so."""
MONTH_FIRST_ALONE = 2
"""As many, where no date of the column shows the day first: a small file's (five applicants, two of them born
after the 12th of their month)."""


def month_first(values: Iterable[object]) -> bool:
    """Whether a column writes the month before the day: some of its dates can only be read so (09/21/1950, a
    second number above 12, at least ``MONTH_FIRST_LEAST`` and a tenth of those that tell) and hardly any the
    other way (21/09/1950: one in twenty of those that tell, a typo's share). Dates that fit both orders
    (03/05/1990) say nothing; a column of them alone is read day first, as Kazakh agencies write."""
    day_first = month_day = 0
    for value in values:
        found = _MONTH_DAY.match(str(value).strip()) if value is not None else None
        if found is None:
            continue
        first, second = int(found.group(1)), int(found.group(3))
        day_first += first > 12 >= second
        month_day += second > 12 >= first
    telling = day_first + month_day
    return (month_day >= MONTH_FIRST_LEAST or (month_day >= MONTH_FIRST_ALONE and not day_first)) and \
        month_day >= 0.1 * telling and day_first <= telling / 20


_EPOCH_DAYS = re.compile(r"^-?\d{1,13}$")
SECONDS_LEAST = 100_000
"""A number of days since 1970 this large is after the year 2243: a number at least this large counts seconds (a
Unix time, as pandas and most programs write a date as a number), and one at least ``MILLISECONDS_LEAST`` large
milliseconds (JavaScript's, Java's): 399686400 is 1982-09-02, as 4626 days and 399686400000 ms are"""
MILLISECONDS_LEAST = 100_000_000_000
EPOCH = dt.date(1970, 1, 1)
EARLIEST_DAYS = (dt.date(1900, 1, 1) - EPOCH).days
EXCEL_1920 = 7306
"""1920-01-01 as an Excel day number: fewer days, as Excel's, would be a birth before 1920"""


def _in_days(number: int) -> int:
    """A number of days, seconds or milliseconds since 1970 (by its size) as whole days (the UTC day it falls on)."""
    return number // 86_400_000 if abs(number) >= MILLISECONDS_LEAST else \
        number // 86_400 if abs(number) >= SECONDS_LEAST else number


def epoch_days(values: Iterable[object]) -> bool:
    """Whether a column's values are days since 1970-01-01, as a database change stream (Debezium), Avro or a
    PostgreSQL date sent as a number writes a date (9092 is 1994-11-23; -7654, before 1970, is 1949-01-17), or
    seconds or milliseconds since then (``SECONDS_LEAST``: pandas' JSON, a Unix time): every value a whole number
    between 1900 and today, fewer than half of them years (1850-2100: a column of years of birth), and some of
    them negative, or most below ``EXCEL_1920`` (as Excel day numbers, births before 1920), or seconds."""
    today = (dt.date.today() - EPOCH).days
    numbers = [int(text) for text in (str(v).strip() for v in values if v is not None) if _EPOCH_DAYS.match(text)]
    present = [v for v in values if v is not None and str(v).strip()]
    days = [_in_days(n) for n in numbers]
    if not numbers or len(numbers) < len(present) or not all(EARLIEST_DAYS <= n <= today for n in days):
        return False
    if sum(1 for n in numbers if n in YEARS) * 2 >= len(numbers):  # 1985, 1990: years of birth, not days
        return False
    large = [n for n in numbers if abs(n) >= SECONDS_LEAST]
    if large and sum(1 for n in large if parse_date(str(n))) * 2 >= len(large):
        return False  # 19800312, 12031980: dates written as digits, not seconds
    counted = len(large) == len(numbers)  # no Excel day number is this large
    return counted or any(n < 0 for n in days) or sorted(days)[len(days) // 2] < EXCEL_1920


def from_epoch_days(value: object) -> dt.date | None:
    """The day a number of days (or seconds, or milliseconds) since 1970-01-01 stands for (``epoch_days``), or
    None."""
    text = str(value).strip() if value is not None else ""
    return EPOCH + dt.timedelta(days=_in_days(int(text))) if _EPOCH_DAYS.match(text) else None


_ROMAN_MONTH = re.compile(r"^(\d{1,2})[.\s/-]+(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[.\s/-]+(\d{4})$", re.IGNORECASE)
"""A day, the month in Roman numerals and the year: 21.VI.1970, as Soviet-era forms and police cards write them."""
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
          "XII": 12}
_ORDINAL = re.compile(r"^(\d{4})-(\d{3})$")
"""ISO 8601's ordinal date, a year and its day from 1 to 366 (1985-071 is 12 March 1985), as some payroll and
labour systems store dates."""


_TRAVEL_DOCUMENT = re.compile(r"^(?:SSR\s+DOCS\s+\w*\s*(?:HK1\s*)?)?[A-Z]{1,2}/[A-Z]{3}/[^/]*/[A-Z]{3}/"
                              r"(\d{1,2}[A-Z]{3}\d{2,4})/[MFUX]I?/", re.IGNORECASE)
"""An airline's travel-document line (IATA SSR DOCS: type/issuer/number/nationality/birth/sex/expiry/surname/given:
P/KAZ/N85426325/KAZ/29APR89/F/22MAR24/AKHMETOVA/AYNUR): its date of birth is the date it holds"""


_DOTNET_DATE = re.compile(r"^/?\\?/?Date\((-?\d{1,15})(?:([+-])(\d\d)(\d\d))?\)\\?/?$")
"""A date as .NET's JSON writes it: ``/Date(886701600000+0600)/``, milliseconds since 1970 UTC and the writer's
offset (the local midnight of 1998-02-06 in Almaty), or ``/Date(-1001462400000)/`` without one (UTC)."""


_JAVA_DATE = re.compile(r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+"
                        r"(\d{1,2})\s+\d{1,2}:\d{2}:\d{2}\s+[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\s+(\d{4})$")
"""A date as Java's ``Date.toString()`` writes it: ``Sat Feb 05 00:00:00 ORAT 1966`` (the weekday, the month's
English abbreviation, the day, the time, the zone, the year)"""
_JAVA_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DB2_TIMESTAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-\d{2}\.\d{2}\.\d{2}(?:\.\d{1,12})?$")
"""A timestamp as DB2 exports it: ``1945-10-07-00.00.00.000000``"""
_DATE_ARRAY = re.compile(r"^\[\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})(?:\s*,\s*\d{1,9}){0,4}\s*\]$|"
                         r"^(\d{4});\s*(\d{1,2});\s*(\d{1,2})(?:;\s*\d{1,9}){0,4}$")
"""A date as Jackson writes Java's LocalDate (and LocalDateTime) without a format: ``[2002, 5, 19]``, or that list
as a JSON reader joins its plain values (``2002; 5; 19``)"""


def _program_forms(text: str) -> dt.date | None:
    """A date in one of the forms programs write without being told one: Java's ``Date.toString()``, DB2's
    timestamp, Jackson's array; else None."""
    java = _JAVA_DATE.match(text)
    if java:
        month, day, year = _JAVA_MONTHS.index(java.group(1)) + 1, int(java.group(2)), int(java.group(3))
    else:
        found = _DB2_TIMESTAMP.match(text) or _DATE_ARRAY.match(text)
        if found is None:
            return None
        year, month, day = (int(g) for g in found.groups() if g is not None)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _other_forms(text: str) -> dt.date | None:
    """A date in Roman-numeral month form (``_ROMAN_MONTH``), ISO ordinal form (``_ORDINAL``), .NET's JSON form
    (``_DOTNET_DATE``), a program's own form (``_program_forms``) or a travel document's birth
    (``_TRAVEL_DOCUMENT``; a two-digit year that would be to come is of the century before), else None."""
    written = _program_forms(text)
    if written is not None:
        return written
    dotnet = _DOTNET_DATE.match(text)
    if dotnet:  # the instant in milliseconds, then the writer's offset: its local day is the day meant
        millis, sign, hours, minutes = dotnet.groups()
        offset = 0 if sign is None else (1 if sign == "+" else -1) * (int(hours) * 60 + int(minutes))
        return (dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=int(millis), minutes=offset)).date() \
            if int(millis) >= EARLIEST_MILLIS else None
    document = _TRAVEL_DOCUMENT.match(text)
    if document:
        born = _parse_text(document.group(1), False)
        return born.replace(year=born.year - 100) if born and born > dt.date.today() else born
    roman = _ROMAN_MONTH.match(text)
    try:
        if roman:
            return dt.date(int(roman.group(3)), _ROMAN[roman.group(2).upper()], int(roman.group(1)))
        ordinal = _ORDINAL.match(text)
        if ordinal and 1 <= int(ordinal.group(2)) <= 366:
            found = dt.date(int(ordinal.group(1)), 1, 1) + dt.timedelta(days=int(ordinal.group(2)) - 1)
            return found if found.year == int(ordinal.group(1)) else None
    except ValueError:  # 31.II.1970
        return None
    return None


_KEYPAD = re.compile(r"^\d{1,2},\d{1,2},\d{4}$")
"""A day, a month and a four-digit year separated by commas (a numeric keypad's decimal key): never an amount."""


@functools.lru_cache(maxsize=1 << 16)
def _parse_text(value: str, serials: bool) -> dt.date | None:
    """``parse_date`` of a text, kept for the text's next reading (classification reads a column's sample more
    than once; linkage reads each distinct value once)."""
    text = _YEAR_WORD.sub("", _TIME.sub("", _BORN_WORD.sub("", value.strip())))
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # an Excel serial day number such as 45321
        return EXCEL_EPOCH + dt.timedelta(days=int(float(text))) if serials else None
    if _SPACED.match(text):  # 09 07 1978: a form's day, month and year typed apart
        text = ".".join(text.split())
    if _KEYPAD.match(text):  # 21,05,1973: typed on a numeric keypad, whose separator is the decimal comma
        text = text.replace(",", ".")
    other = _other_forms(text)
    if other is not None:
        return other if other.year in YEARS else None
    short_iso = _SHORT_ISO.match(text)
    if short_iso:  # 75-08-12: a two-digit year first only where it cannot be a day; 12-08-05 stays unread
        year, month, day = (int(g) for g in short_iso.groups())
        try:
            return dt.date(1900 + year, month, day) if year > 31 else None
        except ValueError:
            return None
    if not _SHAPE.match(text):  # a date written with its month's name has a day and a year in digits
        if not any(c.isdigit() for c in text):  # or in words: Седьмое марта тысяча девятьсот семьдесят первого
            text = said_in_digits(text)  # года, ... жылғы үшінші ақпан (a text of no number words keeps no digit)
        return _written(text) if any(c.isdigit() for c in text) and any(c.isalpha() for c in text) else None
    for shape, _ in _SHAPES:
        found = shape.match(text)
        if found is None:
            continue
        parts = found.groupdict()
        year = int(parts["Y"]) if "Y" in parts else int(parts["y"])
        if "y" in parts:
            year += 1900 if year > TWO_DIGIT_PIVOT else 2000
        try:
            parsed = dt.date(year, int(parts["m"]), int(parts["d"]))
        except ValueError:
            continue
        return parsed if parsed.year in YEARS else None
    return None


_EPOCH_MILLIS = re.compile(r"^-?\d{10,13}(?:\.0+)?$")
EARLIEST_MILLIS = -2_208_988_800_000
"""1900-01-01 in milliseconds since 1970: no date of birth before it"""


def parse_epoch_millis(value: object) -> dt.date | None:
    """A day written as milliseconds since 1970-01-01 UTC, as JavaScript and many JSON exports write dates
    (547603200000 is 1987-05-10; before 1970 the number is negative), between 1900 and today; else None. Read only
    where a column is known to hold dates of birth: a bare number could be anything."""
    text = str(value).strip() if value is not None else ""
    if not _EPOCH_MILLIS.match(text):
        return None
    millis = int(float(text))
    if not EARLIEST_MILLIS <= millis <= int(dt.datetime.now(dt.UTC).timestamp() * 1000):
        return None
    return (dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(milliseconds=millis)).date()


_OCR_DIGITS = str.maketrans("ОOоolIі|ЗбB", "00001111368")
"""Letters a scanned date's digits were read as (21.О8.1976, 0l.05.1994, 19.02.200О): the digits they look like"""
_OCR_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")


def ocr_mended_date(value: object) -> dt.date | None:
    """A date of birth a scan misread, mended where only one reading is possible: letters for the digits they look
    like, then a year's 7 for 1 (7994: 1994) or 10 for 19 (1060: 1960), a month's or a day's 8 for 0 (09.84.1974:
    09.04.1974); None where the value was no date before (a text) or still is none after."""
    text = str(value).strip().translate(_OCR_DIGITS) if value is not None else ""
    found = _OCR_DATE.match(text)
    if found is None or (text == str(value).strip() and parse_date(text) is not None):
        return None
    day, month, year = found.groups()
    year = ("1" + year[1:]) if year[0] == "7" else ("19" + year[2:]) if year.startswith("10") else year
    month = ("0" + month[1]) if month[0] == "8" else month
    day = ("0" + day[1]) if day[0] == "8" else day
    return parse_date(f"{day}.{month}.{year}")


_YEAR_MONTH = (re.compile(r"^(\d{4})[-./](\d{1,2})$"), re.compile(r"^(\d{1,2})[-./](\d{4})$"),
               re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])(?:00)?$"))
"""A year and a month: 1985-03, 03.1985, HL7's partial date 198503 (a full one is 19850312), and a yyyymmdd number
with no day (19731200, a document that had none)."""


def parse_year_month(value: object) -> dt.date | None:
    """The first day of the month ``value`` names when it is a year and a month only (``1985-03``, ``03.1985``,
    ``198503``, ``март 1985``), else None. Linkage reads such a date of birth as that month: it agrees with a full
    date in the same month in part, never in full."""
    text = str(value).strip() if value is not None else ""
    for shape in _YEAR_MONTH:
        found = shape.match(text)
        if found:
            year, month = (int(found.group(1)), int(found.group(2))) if len(found.group(1)) == 4 else \
                (int(found.group(2)), int(found.group(1)))
            return dt.date(year, month, 1) if year in YEARS and 1 <= month <= 12 else None
    tokens = [t for t in _WORD_OR_NUMBER.findall(text.lower()) if t not in YEAR_WORDS]  # 1983 ж. желтоқсан
    months = [m for t in tokens if not t.isdigit() and (m := _month_of(t)) is not None]
    years = [int(t) for t in tokens if t.isdigit() and len(t) == 4]
    if len(tokens) == 2 and len(months) == 1 and len(years) == 1 and years[0] in YEARS:
        return dt.date(years[0], months[0], 1)
    return None


AGE_IN_BIRTH = (r"^\s*(\d{1,3})\s*(?:лет|год|года|жас|жаста|жасар|years?|y\.?o\.?|yrs?)\s*$",
                r"^\s*\d{1,2}\s*(?:мес|месяц|месяца|месяцев|ай|айлық|mo|months?)\.?\s*$")
"""An age typed where a date of birth goes (18 лет, 5 жас, 72 года; 5 мес., 3 ай: under a year), as regular
expressions both Python and DuckDB read (lower case): an age in years (its group 1) and one in months (age 0)."""


_SPAN = re.compile(r"^\s*(\S+)\s*(?:[–—]|\s-\s)\s*(\S+)\s*$|^\s*(\d{4})-(\d{4})\s*$")


def life_span_birth(value: str) -> str | None:
    """The birth a life's span begins with, as written (a cemetery book's Өмір сүрген жылдары: ``1938–2005`` gives
    ``1938``; ``10.02.1959 - 03.01.2005`` gives ``10.02.1959``): two dates or years, joined by a dash (a hyphen
    between spaces, or between two years), the second no earlier than the first and at most 120 years after it;
    None for anything else (``1985-03``, a year and month, is no span). A remark after it is no part of it (``1912–1943
    (погиб)``, ``1921–1942 (қаза тапты)``, ``1920 – (пропал без вести)``: a death with no year)."""
    value = _REMARK.sub("", value)
    open_ended = _OPEN_SPAN.match(value)
    if open_ended is not None:
        return open_ended.group(1) if parse_date(open_ended.group(1)) or parse_year(open_ended.group(1)) else None
    found = _SPAN.match(value)
    if found is None:
        return None
    first, last = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    born = parse_date(first) or parse_year(first)
    died = parse_date(last) or parse_year(last)
    if born is None or died is None or not born <= died or died.year - born.year > OLDEST_SPAN:
        return None
    return first


_REMARK = re.compile(r"\s*\([^()]*\)\s*$")
"""a remark in brackets after a life's span (погиб, пропал без вести, қаза тапты, хабарсыз кетті)"""
_OPEN_SPAN = re.compile(r"^\s*(\S+)\s*[–—-]\s*$")
"""a life's span whose end is a remark, not a year (1920 – (пропал без вести))"""
OLDEST_SPAN = 120
"""The most years a life's span (``life_span_birth``) may cover"""


def age_in_birth(value: str) -> bool:
    """Whether ``value``, in a column of dates of birth, is an age (``AGE_IN_BIRTH``)."""
    text = value.lower()
    return any(re.match(pattern, text) for pattern in AGE_IN_BIRTH)


YEAR_WORDS = frozenset({"г", "год", "года", "году", "ж", "жыл", "жылы", "year"})
"""The word for "year" written beside a year and a month (1983 ж. желтоқсан, март 1985 г.)."""
_YEAR_ONLY = re.compile(r"^(?:00[./-]00[./-])?(\d{4})(?:\.0+|0000)?\s*(?:г\.?\s?р\.?|ж\.?\s?т\.?|г\.?|год|года|"
                        r"года рождения|ж\.?|жыл|жылы|жылы туған|b\.)?$")
"""A year alone, perhaps with its word (1985 г., 1985 ж.) or with "born" (1985 г.р., 1985 ж.т., 1985 года рождения), or
as a date or a yyyymmdd number with neither month nor day (00.00.1898, as an archive writes a day it does not know;
19550000)."""


def parse_year(value: object) -> dt.date | None:
    """The 1st of January of the year ``value`` is when it is a year alone (``1985``, ``1985 г.``, ``1985 ж.``,
    ``1985 г.р.``, ``1985.0`` as a spreadsheet stores it), else None. Linkage reads such a date of birth as that
    year: it agrees with a full date in the same year in part, never in full."""
    found = _YEAR_ONLY.match(str(value).strip().lower()) if value is not None else None
    if found is None:
        return None
    year = int(found.group(1))
    return dt.date(year, 1, 1) if year in YEARS and year <= dt.date.today().year else None


_NAME_AND_BIRTH = re.compile(
    r"^(?P<name>[^\d(),;]+?)\s*(?:[,;]\s*(?:ИИН|ЖСН|IIN)\s*:?\s*\d{12}\s*)?(?:[,;(]\s*|\s+)(?P<birth>\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4})"
    r"\s*(?:г\.?\s?р\.?|ж\.?\s?т\.?|жылы туған|года рождения|b\.)?\s*\)?\.?"
    r"(?:[,;]?\s*(?:[^\W\d_]{1,4}\.?\s*)?№?\s*\d{6,12})?$", re.IGNORECASE)
"""A name and a date of birth, and the number of the document that proves it after them (a child's birth
certificate on a ticket: ``АХМЕТОВА=АЙЯ=МАРАТҚЫЗЫ 23.10.2008 СР 2973680``) or the IIN between them (``Нурмагамбетов
Нурсултан, ИИН 910923352437, 23.09.1991 г.р.``, an applicant's line in a letter)."""


def name_and_birth(value: object) -> tuple[str, str] | None:
    """A person's name and date of birth written in one cell (``Касымов Дмитрий, 1944 г.р.``, ``Алиева Аружан
    (13.05.1943 г.р.)``, ``АХМЕТОВ НУРЛАН 01.02.1980``): the name and the date as written, or None."""
    found = _NAME_AND_BIRTH.match(str(value).strip()) if value is not None else None
    if found is None or not any(c.isalpha() for c in found.group("name")):
        return None
    birth = found.group("birth")
    return (found.group("name").strip(), birth) if parse_date(birth) or parse_year(birth) else None


NAME_PARTS_JOINED = re.compile(r"(?<=[^\W\d_])=(?=[^\W\d_])")
"""An equals sign between letters: the parts of a name as the railway's booking system joins them"""
_MRZ = re.compile(r"^([^\W\d_][^\W\d]*(?:<[^\W\d_]+)*)<<([^\W\d_][^\W\d]*(?:<[^\W\d_]+)*)?<*$")
"""A name as a passport's machine-readable zone writes it: SURNAME<<GIVEN<NAMES<<<< (a single < between words)."""


_AIRLINE = re.compile(r"^([^\W\d_](?:[^\W\d_]|[' -])*)/([^\W\d_](?:[^\W\d_]|[' -])*?)"
                      r"(?:\s+(?:MR|MRS|MS|MISS|MSTR|MSS|DR|PROF|CHD|INF|MX))?$", re.IGNORECASE)
"""A name as an airline's booking writes it: SURNAME/GIVEN NAMES and a title (AKHMETOVA/AYNUR MS)."""


def name_alone(value: str) -> str:
    """A person's name without the date of birth or the IIN a cell writes after it (``Касымов Дмитрий, 1944
    г.р.``, ``Оспанов Сергей, ИИН 900923301034``); the value itself when it holds neither. A passport's
    machine-readable name (``ZHUMABAEV<<NURLAN<<<<``) and an airline booking's (``ZHUMABAEV/NURLAN MR``) are the
    surname, a comma and the given names, as a writer marks a surname (``ZHUMABAEV, NURLAN``). A railway
    ticket's parts joined by ``=`` (``ПАВЛОВ=АЛЕКСАНДР=АЛЕКСАНДРОВИЧ``, ``АХМЕТОВА=Г=А``) are words."""
    value = NAME_PARTS_JOINED.sub(" ", value)
    mrz = _MRZ.match(value.strip())
    if mrz:
        return ", ".join(part.replace("<", " ") for part in mrz.groups() if part)
    airline = _AIRLINE.match(value.strip())
    if airline:
        return ", ".join(part.strip() for part in airline.groups() if part.strip())
    found = name_and_birth(value)
    return found[0] if found else IIN_AFTER_NAME.sub("", value)
