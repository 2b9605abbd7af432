"""IINs and BINs as linkage evidence. A valid IIN carries its holder's date of birth and sex; an IIN that fails
its check digit is a likely typo of a real one: it is kept as weak evidence (digits still mostly agree), never as
a match on its own and never as a fresh identity."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ukimet.core.ids import decode_iin, has_valid_check_digit, is_valid_bin, normalise_number


@dataclass(frozen=True)
class IinEvidence:
    number: str | None
    """The 12 digits, or None when the value holds none."""
    valid: bool
    """Check digit right and a real date encoded: the number identifies one person."""
    birth_date: dt.date | None
    sex: str | None
    likely_typo: bool
    """12 digits that fail the check: a mistyped IIN, to compare digit by digit, never to trust alone."""


MASKED = re.compile(r"(\d{6})[*xXх•#]{4,6}\d{0,2}")
"""An IIN shown masked, as operators and banks print it (850312*****7): its date of birth, no more."""


def iin_evidence(value: object) -> IinEvidence:
    number = normalise_number(value)
    if number is None:
        masked = MASKED.fullmatch(str(value).strip()) if value is not None else None
        return IinEvidence(None, False, _masked_birth(masked.group(1)) if masked else None, None, False)
    info = decode_iin(number)
    if info is not None:
        return IinEvidence(number, True, info.birth_date, info.sex, False)
    return IinEvidence(number, False, None, None, not has_valid_check_digit(number))


def bin_evidence(value: object) -> tuple[str | None, bool]:
    """The BIN's 12 digits and whether it is valid."""
    number = normalise_number(value)
    return number, number is not None and is_valid_bin(number)


def digits_agree(a: str, b: str) -> int:
    """How many of the 12 positions agree, counting a swap of two neighbouring digits as one error."""
    if len(a) != len(b):
        return 0
    same = sum(x == y for x, y in zip(a, b, strict=True))
    for i in range(len(a) - 1):
        if a[i] != b[i] and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:] and a[:i] == b[:i]:
            return len(a) - 1
    return same


def _masked_birth(digits: str) -> dt.date | None:
    """The date of birth of a masked IIN's first six digits; its century digit is hidden, so a year not yet
    reached this century is taken as the last one's (a person born in 1925 is read as born in 2025: rare)."""
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    today = dt.date.today()
    try:
        return dt.date(2000 + year if 2000 + year <= today.year else 1900 + year, month, day)
    except ValueError:
        return None
