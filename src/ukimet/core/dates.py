"""Dates as agencies write them: ISO, dotted, slashed, compact, two-digit years, with or without a time, and
Excel serial numbers. One function, ``parse_date``; None when a value is not a date (never a guess). Column
classification, profiling and linkage all read dates through it."""

from __future__ import annotations

import datetime as dt
import re

FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y%m%d", "%Y.%m.%d", "%Y/%m/%d", "%d.%m.%y")
_DIGITS = {"%Y": r"\d{4}", "%m": r"\d{1,2}", "%d": r"\d{1,2}", "%y": r"\d{2}"}
_SHAPES = tuple((re.compile(r"^\d{8}$" if f == "%Y%m%d" else
                            "^" + re.sub(r"%[Ymdy]", lambda m: _DIGITS[m.group()], re.escape(f)) + "$"), f)
                for f in FORMATS)
"""Each format's shape: only the formats a value is shaped like are tried (strptime is slow to fail)."""
_SHAPE = re.compile(r"^\d{1,4}[./-]?\d{1,2}[./-]?\d{2,4}$")
"""Digits and separators only: anything else is no date, without trying every format."""
_TIME = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)
YEARS = range(1850, 2101)
"""A date outside these years is a number that happens to parse (a 7-digit document number), not a date."""
TWO_DIGIT_PIVOT = 30
"""A two-digit year above this is 19xx, else 20xx (d.m.y forms in registries of living people)."""


def parse_date(value: object, serials: bool = True) -> dt.date | None:
    """The date ``value`` stands for, or None. ``serials=False`` refuses Excel day numbers, where a 5-digit
    number is more likely an amount or a code (column classification)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _TIME.sub("", str(value).strip())
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # an Excel serial day number such as 45321
        return EXCEL_EPOCH + dt.timedelta(days=int(float(text))) if serials else None
    if not _SHAPE.match(text):
        return None
    for shape, fmt in _SHAPES:
        if not shape.match(text):
            continue
        try:
            parsed = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if fmt.endswith("%y") and parsed.year % 100 > TWO_DIGIT_PIVOT:
            parsed = parsed.replace(year=1900 + parsed.year % 100)
        elif fmt.endswith("%y"):
            parsed = parsed.replace(year=2000 + parsed.year % 100)
        return parsed if parsed.year in YEARS else None
    return None
