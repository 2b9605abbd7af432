"""IIN and BIN: the check digit, decoding, and issuing numbers that are valid and distinct."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from ukimet.core.ids import (
    NumberIssuer,
    bin_prefix,
    check_digit,
    decode_iin,
    iin_prefix,
    is_valid_bin,
    is_valid_iin,
    make_number,
)

VECTORS = list(csv.DictReader((Path(__file__).parent / "fixtures" / "id_test_vectors.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("vector", VECTORS, ids=[v["number"] for v in VECTORS])
def test_published_vectors_validate_as_expected(vector: dict[str, str]) -> None:
    check = is_valid_iin if vector["kind"] == "IIN" else is_valid_bin
    assert check(vector["number"]) is (vector["expected_valid"] == "true")


@pytest.mark.parametrize("vector", [v for v in VECTORS if v["kind"] == "IIN" and v["expected_valid"] == "true"])
def test_valid_iin_decodes_to_its_birth_date_and_sex(vector: dict[str, str]) -> None:
    info = decode_iin(vector["number"])
    assert info is not None
    assert vector["decoded"].startswith(f"{info.birth_date.isoformat()} {info.sex}")


def test_eleven_digits_whose_both_passes_give_ten_are_never_issued() -> None:
    assert check_digit("82121424009") is None


@pytest.mark.parametrize("bad", ["", "12345", "87100840142x", "871008401428", "871308401427"])
def test_malformed_or_wrong_numbers_are_invalid(bad: str) -> None:
    assert not is_valid_iin(bad)


def test_an_iin_is_never_a_bin_and_back() -> None:
    assert not is_valid_bin("871008401427")
    assert not is_valid_iin("940140000385")


def test_issuer_gives_distinct_valid_numbers_matching_birth_and_sex() -> None:
    issuer = NumberIssuer()
    born = dt.date(1999, 12, 31)
    numbers = [issuer.iin(born, "F") for _ in range(500)]
    assert len(set(numbers)) == 500
    for number in numbers:
        info = decode_iin(number)
        assert info is not None and info.birth_date == born and info.sex == "F"
    bins = [issuer.bin(dt.date(2010, 5, 1)) for _ in range(200)]
    assert len(set(bins)) == 200 and all(is_valid_bin(b) and b.startswith("1005") for b in bins)


def test_issuer_refuses_once_every_serial_of_a_day_is_used() -> None:
    issuer = NumberIssuer()
    issuer._next_serial["0001015"] = 10_000
    with pytest.raises(OverflowError):
        issuer.iin(dt.date(2000, 1, 1), "M")


def test_issuer_gives_each_prefix_its_serials_in_order_skipping_those_never_issued() -> None:
    issuer = NumberIssuer()
    born = dt.date(1982, 12, 14)
    prefix = iin_prefix(born, "M")
    expected = [n for n in (make_number(f"{prefix}{serial:04d}") for serial in range(60)) if n is not None]
    assert [issuer.iin(born, "M") for _ in expected] == expected
    registered = dt.date(2019, 3, 1)
    expected_bins = [n for n in (make_number(f"{bin_prefix(registered)}{s:05d}") for s in range(40)) if n]
    assert [issuer.bin(registered) for _ in expected_bins] == expected_bins


@pytest.mark.parametrize("bad", ["", "1234567890", "123456789012"])
def test_a_check_digit_is_only_computed_over_eleven_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        check_digit(bad)
