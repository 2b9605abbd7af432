"""Kazakhstan's individual (IIN) and business (BIN) identification numbers.

Both are 12 digits whose last digit is a mod-11 check digit over the first eleven: first with weights 1..11,
and if that gives 10, with weights 3,4,5,6,7,8,9,10,11,1,2; if that gives 10 too, the eleven digits are never
issued. An IIN starts with the date of birth (YYMMDD) and a digit for century and sex; a BIN with the year and
month of registration, the entity type (4-6) and the unit kind (0-3). An IIN's 5th digit is 0-3 and a BIN's 4-6,
so the two never collide.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from operator import mul
from typing import Literal

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

Sex = Literal["M", "F"]

# 7th IIN digit: (century start, sex)
_CENTURY_SEX: dict[int, tuple[int, Sex]] = {
    1: (1800, "M"), 2: (1800, "F"), 3: (1900, "M"), 4: (1900, "F"), 5: (2000, "M"), 6: (2000, "F"),
}
_CENTURY_SEX_DIGIT = {value: key for key, value in _CENTURY_SEX.items()}


def check_digit(first_eleven: str) -> int | None:
    """The check digit for eleven digits, or None when no number with these digits is ever issued."""
    digits = list(map(int, first_eleven))
    if len(digits) != 11:
        raise ValueError(f"a check digit is computed over 11 digits, not {len(digits)}")
    return _check(sum(map(mul, digits, _W1)), sum(map(mul, digits, _W2)))


def _check(first: int, second: int) -> int | None:
    """The check digit from the digits' sums weighted by ``_W1`` and ``_W2``: the first mod 11, or when that is
    10 the second, or when that is 10 too none (the digits are never issued)."""
    c = first % 11
    if c == 10:
        c = second % 11
    return None if c == 10 else c


def has_valid_check_digit(number: str) -> bool:
    """True when ``number`` is 12 digits and its last digit is the check digit of the first eleven."""
    if len(number) != 12 or not number.isdigit():
        return False
    return check_digit(number[:11]) == int(number[11])


@dataclass(frozen=True)
class IinInfo:
    """What an IIN itself says about its holder."""

    birth_date: dt.date
    sex: Sex


def decode_iin(iin: str) -> IinInfo | None:
    """Date of birth and sex encoded in a valid IIN, or None when the number is not a valid IIN."""
    if not has_valid_check_digit(iin):
        return None
    century_sex = _CENTURY_SEX.get(int(iin[6]))
    if century_sex is None:
        return None
    century, sex = century_sex
    try:
        born = dt.date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return None
    return IinInfo(born, sex)


def is_valid_iin(iin: str) -> bool:
    """True for a 12-digit IIN with a correct check digit that encodes a real date and a sex."""
    return decode_iin(iin) is not None


def iin_prefix(birth_date: dt.date, sex: Sex) -> str:
    """The first seven digits of every IIN for a person born on ``birth_date`` of ``sex``."""
    century = birth_date.year // 100 * 100
    digit = _CENTURY_SEX_DIGIT.get((century, sex))
    if digit is None:
        raise ValueError(f"IINs encode births in 1800-2099, not {birth_date.isoformat()}")
    # formatted by hand: strftime is the slowest part of issuing a number
    return f"{birth_date.year % 100:02d}{birth_date.month:02d}{birth_date.day:02d}{digit}"


def make_number(first_eleven: str) -> str | None:
    """The full 12-digit number for eleven digits, or None when those digits are never issued."""
    c = check_digit(first_eleven)
    return None if c is None else first_eleven + str(c)


BinEntity = Literal[4, 5, 6]
"""4 resident legal entity, 5 non-resident legal entity, 6 joint individual entrepreneurship."""


def bin_prefix(registered: dt.date, entity: BinEntity = 4, unit: int = 0) -> str:
    """The first six digits of a BIN: registration year and month, entity type, unit (0 head office, 1 branch,
    2 representative office, 3 farm)."""
    if unit not in (0, 1, 2, 3):
        raise ValueError(f"BIN unit kind is 0-3, not {unit}")
    return f"{registered:%y%m}{entity}{unit}"


def is_valid_bin(number: str) -> bool:
    """True for a 12-digit BIN: valid check digit, a real month, entity type 4-6 and unit kind 0-3."""
    if not has_valid_check_digit(number):
        return False
    return 1 <= int(number[2:4]) <= 12 and number[4] in "456" and number[5] in "0123"


class NumberIssuer:
    """Issues distinct, valid IINs and BINs: a serial counter per prefix, skipping serials never issued.

    Memory grows with the number of distinct prefixes (days of birth x sex, months of registration), not with
    the number of people, so it streams to a national population.
    """

    def __init__(self) -> None:
        self._next_serial: dict[str, int] = {}

    def _issue(self, prefix: str, serial_digits: int) -> str:
        serial = self._next_serial.get(prefix, 0)
        limit = 10**serial_digits
        # the prefix's share of both weighted sums once, then only the serial's digits per try
        digits = list(map(int, prefix))
        head1, head2 = sum(map(mul, digits, _W1)), sum(map(mul, digits, _W2))
        tail1, tail2 = _W1[len(digits):], _W2[len(digits):]
        while serial < limit:
            text = f"{serial:0{serial_digits}d}"
            serial += 1
            tail = list(map(int, text))
            c = _check(head1 + sum(map(mul, tail, tail1)), head2 + sum(map(mul, tail, tail2)))
            if c is None:
                continue
            self._next_serial[prefix] = serial
            return f"{prefix}{text}{c}"
        raise OverflowError(f"all {limit} serials for prefix {prefix} are used")

    def iin(self, birth_date: dt.date, sex: Sex) -> str:
        """A new IIN for a person born on ``birth_date`` of ``sex``."""
        return self._issue(iin_prefix(birth_date, sex), 4)

    def bin(self, registered: dt.date, entity: BinEntity = 4, unit: int = 0) -> str:
        """A new BIN for an organisation registered in ``registered``'s month."""
        return self._issue(bin_prefix(registered, entity, unit), 5)


_NOT_DIGIT = re.compile(r"\D")


_TWELVE = re.compile(r"(?<![\d.])\d{12}(?![\d.])")
"""a number of 12 digits standing alone among a cell's other text"""


def normalise_number(value: object) -> str | None:
    """12 digits from what agencies write: spaces, dashes, a leading apostrophe, a float from a spreadsheet
    (8.71008401427E+11), a number that lost its leading zero."""
    if value is None:
        return None
    text = str(value).strip().lstrip("'")
    if re.fullmatch(r"\d+(\.\d+)?[eE]\+?\d+", text):
        text = f"{float(text):.0f}"
    elif re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    digits = _NOT_DIGIT.sub("", text)
    if len(digits) > 12:  # 09.10.2000 001009532181: a date of birth and the IIN in one cell, its one number of 12
        alone = _TWELVE.findall(text)
        digits = alone[0] if len(alone) == 1 else ""
    if not digits:
        return None
    # a spreadsheet drops the leading zero of IINs of people born in 2000-2009: 11 digits get it back; born in
    # 2000 (000209600005 stored as 209600005) more than one, given back only where the number is then valid
    if len(digits) >= 11:
        return digits.zfill(12)
    padded = digits.zfill(12)
    return padded if len(digits) >= SHORTEST_NUMBER and (decode_iin(padded) is not None or is_valid_bin(padded)) \
        else None


SHORTEST_NUMBER = 8
"""the fewest digits a number that lost its leading zeros may keep (born 1 January 2000: 000101...)"""


IIN_AFTER_NAME = re.compile(r"[,;(]?\s*(иин|жсн|iin)\s*:?\s*\d{12}\)?\s*$", re.IGNORECASE)
"""an IIN written after a person's name in one cell (Оспанов Сергей, ИИН 900923301034): not part of the name"""
