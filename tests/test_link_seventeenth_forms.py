"""Values and layouts a seventeenth writer's extracts showed (issue 16): dates as .NET's JSON writes them, with the
writer's offset; a year and a Kazakh month with the word for year between; a witness's year of birth written as a
year, a month or a day; a middle name in camel case; persons of a row numbered by an ordinal joined to their word
(1-куәгердің, 2-го свидетеля); the imam who performed a marriage, an official; 1C's empty date; and a scanned
book's letters and digits read for each other. (An age told a year off: ``test_link_levels``.)"""

from __future__ import annotations

import datetime as dt

import pytest

from ukimet.connect.catalog import CatalogColumn
from ukimet.connect.classify import OFFICIAL, classify_column
from ukimet.core.dates import ocr_mended_date, parse_date, parse_year_month
from ukimet.link.names import name_key, split_full_name
from ukimet.link.records import EMPTY_DATE, birth_as_written, parties


@pytest.mark.parametrize(("written", "day"), [
    ("/Date(886701600000+0600)/", dt.date(1998, 2, 6)),  # local midnight in Almaty: 18:00 UTC the day before
    ("/Date(-1001462400000)/", dt.date(1938, 4, 8)),  # no offset: UTC
    ("\\/Date(1069092000000+0600)\\/", dt.date(2003, 11, 18)),  # as a JSON string escapes its slashes
])
def test_a_dotnet_json_date_is_the_day_of_its_writers_offset(written: str, day: dt.date) -> None:
    assert parse_date(written) == day


def test_a_year_and_a_month_with_the_word_for_year_between_them_are_a_month() -> None:
    assert parse_year_month("1983 ж. желтоқсан") == dt.date(1983, 12, 1)
    assert parse_year_month("март 1985 г.") == dt.date(1985, 3, 1)
    assert parse_year_month("1985 ж.") is None  # a year alone is no month


def test_a_witness_year_of_birth_written_as_a_year_a_month_or_a_day_is_a_birth() -> None:
    values = ["1973", "25.07.1954", "1987", "1983 ж. желтоқсан", "1947", "06.11.1975", "1990 ж. қазан", "1982"] * 3
    found = classify_column("neke", "t", "1-куәгердің туған жылы\nГод рождения 1-го свидетеля", "text", values)
    assert found.semantic_type == "birth_date"


def test_a_middle_name_in_camel_case_is_the_patronymic() -> None:
    values = ["Маратовна", "Ильярович", "Касымович", "Турсынкызы"] * 3
    assert classify_column("smp", "t", "Patient.MiddleName", "text", values).semantic_type == "patronymic"


def test_the_imam_who_performed_a_marriage_is_an_official_of_the_record() -> None:
    found = classify_column("neke", "t", "Некені қиған имам\nИмам", "text",
                            ["Ғалымжан Қасымұлы", "Серік Тоқтарұлы"] * 5)
    assert found.semantic_type == "full_name" and OFFICIAL in found.evidence


def _column(name: str, kind: str) -> CatalogColumn:
    return CatalogColumn("neke", name, "varchar", kind, 1.0, "personal", "classifier", "")


def test_witnesses_numbered_by_an_ordinal_joined_to_their_word_are_two_persons_each_with_their_iin() -> None:
    columns = [_column("Күйеу жігіттің Т.А.Ә.\nФИО жениха", "full_name"),
               _column("Күйеу жігіттің ЖСН\nИИН жениха", "iin"),
               _column("Қалыңдықтың Т.А.Ә.\nФИО невесты", "full_name"), _column("Қалыңдықтың ЖСН\nИИН невесты", "iin"),
               _column("1-куәгердің Т.А.Ә.\nФИО 1-го свидетеля", "full_name"),
               _column("1-куәгердің ЖСН\nИИН 1-го свидетеля", "iin"),
               _column("2-куәгердің Т.А.Ә.\nФИО 2-го свидетеля", "full_name"),
               _column("2-куәгердің ЖСН\nИИН 2-го свидетеля", "iin")]
    found = [p.columns for p in parties(columns, ())]
    assert len(found) == 4
    assert found[3] == {"full_name": "2-куәгердің Т.А.Ә.\nФИО 2-го свидетеля",
                        "iin": "2-куәгердің ЖСН\nИИН 2-го свидетеля"}


def test_a_systems_empty_date_is_no_birth_and_nothing_the_run_could_not_read() -> None:
    assert birth_as_written(("01.01.0001 0:00:00", False))[0] is None
    assert EMPTY_DATE.match("01.01.0001 0:00:00") and EMPTY_DATE.match("0001-01-01")
    assert not EMPTY_DATE.match("01.01.2001 0:00:00")


@pytest.mark.parametrize(("scanned", "day"), [
    ("21.О8.1976", dt.date(1976, 8, 21)), ("0l.05.1994", dt.date(1994, 5, 1)),  # letters for digits
    ("13.03.7994", dt.date(1994, 3, 13)), ("17.06.1060", dt.date(1960, 6, 17)),  # a year no one was born in
    ("09.84.1974", dt.date(1974, 4, 9)),  # a month no year has
    ("21.08.1976", None), ("31.02.1980", None), ("Иванов", None),  # a date as written, or none to mend
])
def test_a_scanned_date_of_birth_is_mended_only_where_one_reading_is_possible(scanned: str,
                                                                               day: dt.date | None) -> None:
    assert ocr_mended_date(scanned) == day


def test_a_scanned_names_digits_are_the_letters_they_look_like_and_a_broken_word_is_joined() -> None:
    assert name_key("Ахмет0ва") == name_key("Ахметова") and name_key("А6дильда") == name_key("Абдильда")
    assert name_key("3ейнеп") == name_key("Зейнеп") and name_key("0MAROV") == name_key("OMAROV")
    assert split_full_name("Нурах- унова Айгуль").surname == "Нурахунова"
    assert split_full_name("Исмаилова-Масимова Дильназ").surname == "Исмаилова-Масимова"
