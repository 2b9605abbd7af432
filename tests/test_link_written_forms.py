"""Values and layouts a sixteenth writer's extracts showed (issue 16): dates as eight digits day first, with
"г.р." or a Kazakh sentence, as JavaScript's milliseconds or inside an airline's SSR DOCS line; names as an airline
books them; columns whose names say an event, or an IIN or a BIN; cells merged down a workbook's column; rows of
a mother, a newborn and a father named by their roles; record ids by a person's place among the columns; and a
phone written for many people, which is nobody's."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ukimet.cli.main import app
from ukimet.connect.catalog import CatalogColumn
from ukimet.connect.classify import classify_column
from ukimet.connect.connectors.workbook import sheets
from ukimet.core.dates import name_alone, parse_date, parse_epoch_millis
from ukimet.link.records import parties


@pytest.mark.parametrize(("written", "day"), [
    ("22022000", dt.date(2000, 2, 22)), ("19900512", dt.date(1990, 5, 12)),
    ("20.05.1968 г.р.", dt.date(1968, 5, 20)), ("1998 жылы 28 наурызда туған", dt.date(1998, 3, 28)),
    ("P/KAZ/N85426325/KAZ/29APR89/F/22MAR24/AKHMETOVA/AYNUR", dt.date(1989, 4, 29)),
    ("P/KAZ/N56420821/KAZ/25MAR41/F/19JUL22/ZAKIROVA/GULNARA", dt.date(1941, 3, 25)),
])
def test_a_date_of_birth_is_read_in_the_forms_agencies_write_it(written: str, day: dt.date) -> None:
    assert parse_date(written) == day


def test_milliseconds_since_1970_are_a_day_only_where_asked_and_in_range() -> None:
    assert parse_epoch_millis("547603200000") == dt.date(1987, 5, 10)
    assert parse_epoch_millis("-254880000000") == dt.date(1961, 12, 4)
    assert parse_epoch_millis("99999999999999") is None and parse_epoch_millis("Иванов") is None
    assert parse_date("547603200000") is None  # a bare number is no date unless its column is one of births


def test_an_airline_booking_name_is_the_surname_and_the_given_names_without_the_title() -> None:
    assert name_alone("AKHMETOVA/AYNUR MS") == "AKHMETOVA, AYNUR"
    assert name_alone("VALIEV/ILDAR MARATOVICH MR") == "VALIEV, ILDAR MARATOVICH"
    assert name_alone("Иванов Иван") == "Иванов Иван"


def test_a_column_named_for_an_event_is_no_birth_whatever_the_spread_of_its_dates() -> None:
    issued = ["1979-01-01", "1985-02-02", "1988-06-01", "1995-03-04", "1999-09-09", "2003-05-05", "2010-01-01",
              "2015-06-06", "2020-02-02", "2021-11-12"]
    assert classify_column("ogpo", "t", "driverLicenceIssued", "date", issued).semantic_type == "date"
    assert classify_column("ogpo", "t", "fld_07", "date", issued).semantic_type == "birth_date"


def test_milliseconds_under_a_birth_name_in_camel_case_are_dates_of_birth() -> None:
    values = ["547603200000", "-254880000000", "770860800000", "1994-07-16"] * 4
    assert classify_column("donor", "t", "donor.dataRozhdeniya", "text", values).semantic_type == "birth_date"


def test_a_column_of_iins_and_bins_is_read_for_the_persons_iins() -> None:
    persons = ["700201437748", "670301374434", "961213315962", "690822417110"]
    companies = ["990740000683", "001240000555", "050940001234", "120540012345"]  # not IINs
    kind = classify_column("court", "t", "ЖСН/БСН", "varchar", persons + companies)
    assert kind.semantic_type == "iin" and "IIN or BIN" in kind.evidence


def test_cells_merged_down_a_column_hold_the_value_of_their_top_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["№", "Мекенжайы", "Тегі", "Аты"])
    sheet.append([1, "Абай 10", "Ахметов", "Ерлан"])
    sheet.append([2, None, "Ахметова", "Дана"])
    sheet.append([3, None, "Ахметов", "Тимур"])
    sheet.append([4, "Сейфуллин 3", "Ким", "Анна"])
    sheet.merge_cells("B2:B4")
    book.save(tmp_path / "house.xlsx")
    rows = list(sheets(tmp_path / "house.xlsx")[0].rows())
    assert [r[1] for r in rows[1:]] == ["Абай 10", "Абай 10", "Абай 10", "Сейфуллин 3"]


def _column(name: str, kind: str) -> CatalogColumn:
    return CatalogColumn("2006", name, "varchar", kind, 1.0, "personal", "classifier", "")


def test_role_words_name_the_mother_the_newborn_and_the_father_of_a_delivery_row() -> None:
    columns = [_column("ФИО роженицы", "full_name"), _column("Возраст", "age"), _column("Адрес прож.", "address"),
               _column("Дата и время родов", "date"), _column("Фамилия новорожд.", "surname"),
               _column("ФИО отца (со слов)", "full_name"), _column("Возраст отца", "age")]
    found = [(p.party, p.columns) for p in parties(columns, ())]
    assert [party for party, _ in found] == ["рожени", "новоро", "отца"]
    mother, newborn, father = (columns for _, columns in found)
    assert mother == {"full_name": "ФИО роженицы", "age": "Возраст"}  # the age beside her name is hers
    assert newborn == {"surname": "Фамилия новорожд.", "birth_date": "Дата и время родов"}  # born that day
    assert father == {"full_name": "ФИО отца (со слов)", "age": "Возраст отца"}


def _link(folder: Path, *files: str) -> dict[tuple[str, str], str]:
    out = folder / "clusters.csv"
    result = CliRunner().invoke(app, ["link", *(str(folder / f) for f in files), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        return {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def test_a_persons_record_id_is_its_place_among_the_columns_not_among_those_filled(tmp_path: Path) -> None:
    _write(tmp_path / "births.csv", ["ФИО роженицы", "Д/р роженицы", "Фамилия новорожд.", "ФИО отца", "Д/р отца"],
           [["Омарова Айгуль Маратовна", "12.03.1990", "Омаров", "Омаров Ерлан Серикович", "01.02.1988"],
            ["Ахметова Дана Ерлановна", "14.05.1992", "", "Ахметов Тимур Асканович", "17.09.1989"]])
    _write(tmp_path / "registry.csv", ["Фамилия", "Имя", "Отчество", "Дата рождения"],
           [["Ахметов", "Тимур", "Асканович", "17.09.1989"], ["Омаров", "Ерлан", "Серикович", "01.02.1988"]])
    entity = _link(tmp_path, "births.csv", "registry.csv")
    assert ("births", "2#2") not in entity  # the second row names no newborn: its father is still the third
    assert entity[("births", "2#3")] == entity[("registry", "1")]
    assert entity[("births", "1#3")] == entity[("registry", "2")] != entity[("births", "1#2")]


def test_a_phone_written_for_many_people_joins_no_one(tmp_path: Path) -> None:
    """An agency books everyone under its own phone: two passengers named alike, born unknown, are not one person
    for it (a name alone is nobody in particular), while one family's phone still says who its members are."""
    agency = "77084324251"
    rows = [[f"{surname}/{first} MR", "", agency] for surname, first in (
        ("ALIEV", "NURLAN"), ("OMAROV", "ERLAN"), ("KIM", "SERGEY"), ("PAK", "ARTEM"), ("ISLAMOV", "RUSTAM"),
        ("SEITOV", "ASKHAT"), ("KURMANOV", "GALYM"), ("VALIEV", "ILDAR"))]
    rows += [["ZHUMABAEV/TIMUR MR", "", agency], ["ZHUMABAEV/TIMUR MR", "", agency]]
    _write(tmp_path / "pnr.csv", ["PAX_NM", "SSR_DOCS", "CTC_M"], rows)
    entity = _link(tmp_path, "pnr.csv")
    assert entity[("pnr", "9")] != entity[("pnr", "10")]


def test_a_family_on_one_booking_is_its_members_not_one_person(tmp_path: Path) -> None:
    """An airline's bookings linked alone: each family flies together, one locator, flight, phone and e-mail on
    every member's row, and some rows carry no date of birth. The members share everything but who they are, and
    stay apart (estimated freely, the model took each family for one person); each member's bookings are one."""
    rng = random.Random(16)
    surnames = ["AKHMETOV", "OMAROV", "SEITOV", "KURMANOV", "ISLAMOV", "BEKOV", "ZHUMABAEV", "TOKAEV",
                "NURLANOV", "SADYKOV", "ABDRAKHMANOV", "ESPENOV", "KASYMOV", "MUKANOV", "SULTANOV", "RAKHIMOV"]
    men, women = ["TIMUR", "ERLAN", "GALYM", "KAIRAT"], ["GULNARA", "ZHULDYZ", "BOTAGOZ", "ASEL"]  # none alike
    rows: list[list[str]] = []
    people: dict[str, tuple[int, int]] = {}
    for family, surname in enumerate(surnames * 2):
        (father, son), (mother, daughter) = rng.sample(men, 2), rng.sample(women, 2)
        members = [(surname, father, f"19{rng.randint(70, 89)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"),
                   (surname + "A", mother, f"19{rng.randint(70, 89)}-0{rng.randint(1, 9)}-2{rng.randint(0, 8)}"),
                   (surname, son, f"20{rng.randint(10, 15)}-1{rng.randint(0, 2)}-0{rng.randint(1, 9)}"),
                   (surname + "A", daughter, f"20{rng.randint(16, 20)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")]
        phone, mail = f"7701{family:07d}", f"{surname.lower()}{family}@mail.kz"
        for booking in range(3):
            locator, flight = f"{family:02d}B{booking}X{rng.randint(10, 99)}", f"KC{rng.randint(100, 999)}"
            for member, (last, first, born) in enumerate(members):
                rows.append([locator, flight, f"{last}/{first} {'MR' if member % 2 == 0 else 'MS'}",
                             "" if rng.random() < 0.25 else born, phone, mail])
                people[str(len(rows))] = (family, member)
    _write(tmp_path / "pnr.csv", ["REC_LOC", "FLT", "PAX_NM", "DOB", "CTC_M", "CTC_E"], rows)
    entity = _link(tmp_path, "pnr.csv")
    held: dict[str, set[tuple[int, int]]] = {}
    for (_, record), found in entity.items():
        held.setdefault(found, set()).add(people[record])
    assert all(len(h) == 1 for h in held.values()), [h for h in held.values() if len(h) > 1][:3]
    assert len(held) <= 1.3 * len(set(people.values()))  # each member's bookings found one another
