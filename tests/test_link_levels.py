"""The comparison levels of a pair, computed by the engine's own SQL on two hand-written profiles."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from ukimet.link.model import LEVELS

PROFILE = {"iin": None, "iin_valid": False, "surname_key": "daniarov", "surname_stem": "daniar", "first_key": "erjan",
           "first_full": "erjan", "father_key": None, "birth_date": "1965-10-01", "birth_month_only": False,
           "birth_year_only": False, "birth_approx": False, "sex": "M", "address_key": None, "phone_key": None,
           "email_key": None}

TYPES = {"birth_date": "DATE", "iin_valid": "BOOLEAN", "birth_month_only": "BOOLEAN", "birth_year_only": "BOOLEAN",
         "birth_approx": "BOOLEAN"}


def level(field: str, left: dict[str, Any], right: dict[str, Any]) -> int:
    con = duckdb.connect()
    try:
        for side, values in (("l", {**PROFILE, **left}), ("r", {**PROFILE, **right})):
            columns = ", ".join(f"CAST(? AS {TYPES.get(k, 'VARCHAR')}) AS {k}" for k in values)
            con.execute(f"CREATE TABLE {side} AS SELECT {columns}", list(values.values()))
        found = con.execute(f"SELECT {LEVELS[field]} FROM l, r").fetchone()
        assert found is not None
        return int(found[0])
    finally:
        con.close()


def test_men_of_wholly_different_surnames_disagree_more_than_women_who_may_have_married() -> None:
    men = level("surname", {}, {"surname_key": "tolegenov", "surname_stem": "tolegen"})
    women = level("surname", {"sex": "F"}, {"sex": "F", "surname_key": "tolegenova", "surname_stem": "tolegen"})
    unknown = level("surname", {"sex": None}, {"surname_key": "tolegenov", "surname_stem": "tolegen"})
    assert men == 1 and women == unknown == 2
    assert level("surname", {}, {}) == 5


TYPO = {"iin_valid": True, "sex": "F", "surname_key": "kuanysheva", "surname_stem": "kuanysh", "first_key": "aigul",
        "first_full": "aigul", "birth_date": "1986-12-16"}


@pytest.mark.parametrize(("phones", "typo"), [
    (("7776795134", "7776795134"), True),   # one person's phone: the IIN's last digits mistyped
    (("7776795134", None), True),           # nothing says otherwise
    (("7776795134", "7780277175"), False),  # two phones: two women of one name born the same day
])
def test_two_valid_iins_a_digit_apart_are_a_typo_only_where_the_phones_do_not_disagree(
        phones: tuple[str | None, str | None], typo: bool) -> None:
    found = level("iin", {**TYPO, "iin": "861216400001", "phone_key": phones[0]},
                  {**TYPO, "iin": "861216400011", "phone_key": phones[1]})
    assert found == (3 if typo else 1)


def test_two_valid_iins_whose_date_digits_are_swapped_are_a_typo_whatever_their_check_digits() -> None:
    """850321 typed for 850312 on a record born 12.03.1985, and the agency's system recomputed the check digit: the
    two numbers are three characters apart (the swap and the check digit), but the digits typed are two."""
    born = {**TYPO, "birth_date": "1985-03-12", "sex": "M"}
    assert level("iin", {**born, "iin": "850312400019"}, {**born, "iin": "850321400018"}) == 3
    assert level("iin", {**born, "iin": "850312400019"}, {**born, "iin": "850312407343"}) == 1  # three serial digits


@pytest.mark.parametrize(("right", "found"), [
    ("1959-12-21", 2),  # the year's last two digits swapped: a typo
    ("1996-12-21", 2),  # a year off
    ("1969-12-21", 1),  # two digits apart, not neighbours swapped
    ("1995-12-21", 3),
])
def test_a_date_of_birth_whose_years_last_two_digits_are_swapped_is_a_typo_apart(right: str, found: int) -> None:
    assert level("birth_date", {"birth_date": "1995-12-21"}, {"birth_date": right}) == found


SISTERS = {"iin": "880617465880", "sex": "F", "surname_key": "rahimjanova", "surname_stem": "rahimjan"}


@pytest.mark.parametrize(("right", "found"), [
    ({"first_key": "alua", "first_full": "alua", "birth_date": "1991-08-30", "iin_valid": False}, 0),  # her sister's
    ({"first_key": "indira", "first_full": "indira", "birth_date": "1988-06-18", "iin_valid": False}, 4),  # a slip
    ({"first_key": "alua", "first_full": "alua", "birth_date": "1991-08-30", "iin_valid": True}, 4),  # her own
])
def test_one_iin_on_a_record_that_does_not_hold_it_as_its_own_is_no_evidence_where_names_or_births_are_apart(
        right: dict[str, Any], found: int) -> None:
    """Алуа's line carries her sister Индира's IIN, which belies Алуа's date of birth: the one IIN on both says
    nothing; a record of Индира's that only slipped (a day off) still shares her IIN."""
    indira = {**SISTERS, "first_key": "indira", "first_full": "indira", "birth_date": "1988-06-17", "iin_valid": True}
    assert level("iin", indira, {**SISTERS, **right}) == found


YEAR_ONLY = {"birth_date": "1965-01-01", "birth_month_only": True, "birth_year_only": True}


@pytest.mark.parametrize(("right", "found"), [
    ({"birth_date": "1965-10-01"}, 2),  # a full date in that year: agrees in part
    ({"birth_date": "1966-10-01"}, 1),  # another year: disagrees
    ({"birth_date": "1965-03-01", "birth_month_only": True}, 2),  # a year and month in that year
    (YEAR_ONLY, 2),  # the same year alone: in part, never in full
])
def test_a_year_of_birth_alone_agrees_in_part_with_any_date_in_that_year(right: dict[str, Any], found: int) -> None:
    """A land cadastre writes only the year of birth (Год рождения: 1990): it agrees in part with a full date, a
    year and month, or a year in that year, and disagrees with another year."""
    assert level("birth_date", YEAR_ONLY, right) == found


AGE_2024 = {"birth_date": "1974-01-01", "birth_month_only": True, "birth_year_only": True, "birth_approx": True}
"""49 on 10.03.2024: born in 1974 (after the 10th of March) or 1975, kept as the earlier year"""


@pytest.mark.parametrize(("right", "found"), [
    ({"birth_date": "1974-10-01"}, 2), ({"birth_date": "1975-02-01"}, 2),  # either year: in part
    ({"birth_date": "1973-12-31"}, 2), ({"birth_date": "1976-01-01"}, 2),  # an age told a year off (AGE_SLIP)
    ({"birth_date": "1972-12-31"}, 1), ({"birth_date": "1977-01-01"}, 1),  # else: apart
    ({**AGE_2024, "birth_date": "1975-01-01"}, 2), ({**AGE_2024, "birth_date": "1972-01-01"}, 2),  # two ages
    ({**AGE_2024, "birth_date": "1971-01-01"}, 1),
])
def test_an_age_agrees_in_part_with_a_birth_in_either_year_it_allows(right: dict[str, Any], found: int) -> None:
    assert level("birth_date", AGE_2024, right) == found
    assert level("birth_date", right, AGE_2024) == found


def test_a_partial_agreement_never_weighs_more_than_a_full_one() -> None:
    """A small extract of namesakes born a slip apart (1944-05-01 and 1944-01-05) taught the estimate that dates a
    slip apart are worth more than the same date, and a record joined the namesake. A partial level is capped at the
    full one's weight; a field whose levels do not rise with agreement (the surname's sexes) is left as estimated."""
    from ukimet.link.model import Model

    model = Model(m={"birth_date": {1: 0.05, 2: 0.45, 3: 0.5}, "surname": {3: 0.02, 4: 0.001, 5: 0.9}},
                  u={"birth_date": {1: 0.97, 2: 0.001, 3: 0.002}, "surname": {3: 0.001, 4: 0.01, 5: 0.02}})
    assert model.weight("birth_date", 2) == model.weight("birth_date", 3) < 9
    assert model.weight("surname", 4) < 0 < model.weight("surname", 3)


def test_a_partial_agreement_is_not_capped_by_a_full_one_no_pair_showed() -> None:
    """A file whose dates of birth are all a year and month (1985-03) agrees with a registry's full dates only in
    part: no candidate pair agrees in full, so the full level's m is unknown, not nil. Capped by it, the partial
    level weighed -12 and the estimate collapsed (0 of 120 such records joined their person); it stands as
    estimated."""
    from ukimet.link.model import Model

    model = Model(m={"birth_date": {1: 0.01, 2: 0.99}}, u={"birth_date": {1: 0.99, 2: 0.004, 3: 0.004}})
    assert model.weight("birth_date", 2) > 7
