"""What one row says about the persons in it (issue 16, read from the eighteenth writer's extracts): a volunteer's
age typed where a date of birth goes (18 лет, 5 жас, 5 мес.) is that age on the row's date; a patronymic tells a
record's sex where nothing else does; and two persons of one row (a reader and the parent named beside them, a
family's members) are never one entity, however alike the data make them, unless the row may name one person twice
(a policy's holder again as its driver, a sole trader's IIN beside the trader's name)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from tests.conftest import link_out
from ukimet.connect.classify import classify_column
from ukimet.core.dates import age_in_birth
from ukimet.link.engine import one_row_apart
from ukimet.link.names import full_name_begins, name_key


@pytest.mark.parametrize(("value", "age"), [("18 лет", True), ("72 года", True), ("1 год", True), ("5 жас", True),
                                            ("5 мес.", True), ("3 ай", True), ("4 years", True), ("1985", False),
                                            ("12.03.1988", False), ("май 2012", False), ("85 г.", False)])
def test_an_age_typed_where_a_birth_goes_is_told_from_a_year_or_date(value: str, age: bool) -> None:
    assert age_in_birth(value) is age


def test_a_column_named_birth_or_age_holding_both_is_a_date_of_birth() -> None:
    values = ["12.03.1988", "1990", "18 лет", "май 2012", "5 жас", "3 марта 1979", "1954 ж.т.", "", "5 мес.",
              "07.11.2001"]
    for column in ("Д.р./возраст", "Члены семьи.1.Д.р./возраст"):
        assert classify_column("f", "t", column, "VARCHAR", values * 3).semantic_type == "birth_date"


DAUGHTERS = ["Айгерим", "Дана", "Алия", "Мадина", "Жанна", "Асель", "Камила", "Салтанат"] * 5


def _evacuees(folder: Path, rows: list[tuple[str, str, str]]) -> None:
    with (folder / "evacuees.jsonl").open("w", encoding="utf-8") as f:
        for k, (head, born, child_age) in enumerate(rows):
            f.write(json.dumps({"Анкета №": k + 1, "Дата регистрации": "03.04.2024 07:37",
                                "Глава семьи": {"ФИО": head, "Дата рождения": born},
                                "Члены семьи": [{"ФИО": f"{head.split()[0]}а {DAUGHTERS[k]}", "Родство": "дочь",
                                                 "Д.р./возраст": child_age}]}, ensure_ascii=False) + "\n")


def test_a_members_age_on_the_registers_date_agrees_with_her_birth_elsewhere(tmp_path: Path) -> None:
    surnames = [f"{root}{end}" for root in ("Сеит", "Жаксыбек", "Омар", "Нурлан", "Бекет", "Сапар", "Кенжеба", "Ахмет")
                for end in ("ов", "енов", "жанов", "баев", "беков")]
    _evacuees(tmp_path, [(f"{s} Нурлан Болатович", f"{1960 + k}", f"{10 + k % 8} лет") for k, s in enumerate(surnames)])
    with (tmp_path / "school.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Фамилия", "Имя", "Дата рождения"])
        for k, s in enumerate(surnames):  # 10 years old in April 2024: born in 2013 or early 2014
            writer.writerow([f"{s}а", DAUGHTERS[k], f"15.06.{2013 - k % 8}"])
        for k in range(4):
            writer.writerow([f"{surnames[k]}а", DAUGHTERS[k], f"03.02.{2001 - k}"])  # a namesake twelve years older
    entity, said = link_out(tmp_path, "evacuees.jsonl", "school.csv")
    assert "Члены семьи.1.Д.р./возраст = birth date" in said
    for k in range(len(surnames)):
        assert entity[("evacuees", f"{k + 1}#2")] == entity[("school", str(k + 1))], k
    for k in range(4):
        assert entity[("evacuees", f"{k + 1}#2")] != entity[("school", str(len(surnames) + k + 1))], k


def test_a_reader_and_her_parent_named_on_her_row_stay_two_persons(tmp_path: Path) -> None:
    header = ["Аты-жөні / ФИО", "Туған күні / Дата рождения", "Мекенжайы / Адрес",
              "Ата-анасының аты-жөні / ФИО родителя"]
    rows = []
    for visit in range(3):  # a boy registered three times, his mother beside him each time, once without a
        # patronymic: Илья and Юлия are one letter apart in Latin, with one surname and one address
        rows.append(["Шмидт Илья Викторович", "01.03.2011", "г. Петропавловск, ул. Парковая, д. 91",
                     "Шмидт Юлия Фёдоровна" if visit < 2 else "Шмидт Юлия"])
    for k, (name, born) in enumerate([("Ахметова Дана Маратовна", "02.05.2012"), ("Ким Артём Олегович", "11.09.2010"),
                                      ("Сейтова Алия Ержановна", "21.01.2013")]):
        rows.append([name, born, f"г. Петропавловск, ул. Абая, д. {k + 3}", ""])
    with (tmp_path / "library.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])
    entity, _ = link_out(tmp_path, "library.csv")
    boy = {entity[("library", str(k))] for k in (1, 2, 3)}
    mother = {entity[("library", f"{k}#2")] for k in (1, 2, 3)}
    assert len(boy) == 1 and not boy & mother


Party = tuple[str | None, str | None, str | None, str | None, str | None, str | None]


def _apart(parties: list[Party]) -> set[int]:
    """The parties (by position) of one row that ``ONE_ROW_APART`` keeps apart from its first party; each party is
    (iin, surname, first name, patronymic, sex, date of birth) as the records carry them, name keys folded."""
    con = duckdb.connect()
    con.execute("CREATE SCHEMA link")
    con.execute("""CREATE TABLE link.person_records (record_id BIGINT, source VARCHAR, source_table VARCHAR,
        record_key VARCHAR, party VARCHAR, surname_variant BOOLEAN, iin VARCHAR, surname_key VARCHAR, first_key VARCHAR,
        first_full VARCHAR, father_key VARCHAR, sex VARCHAR, birth_date DATE)""")
    for k, (iin, sur, first, father, sex, born) in enumerate(parties):
        con.execute("INSERT INTO link.person_records VALUES (?, 'policies', 'policies', '7', ?, false, ?, ?, ?, ?, ?, "
                    "?, ?)", [k, f"party_{k}", iin, sur and name_key(sur), first and name_key(first),
                              first and full_name_begins(first), father and name_key(father), sex, born])
    con.execute("CREATE TABLE link.record_profiles AS SELECT record_id, record_id AS profile_id "
                "FROM link.person_records")
    return {int(b) for a, b in con.execute(one_row_apart("''")).fetchall() if a == 0}


def test_two_persons_of_one_row_are_apart_unless_the_row_may_name_one_person_twice() -> None:
    holder = ("710805338755", "Попов", "Юрий", "Романович", "M", "1971-08-05")
    assert _apart([holder, ("710805338755", "ПОПОВ", "ЮРИЙ", "РОМАНОВИЧ", "M", None)]) == set()  # one IIN
    assert _apart([holder, ("910805338755", "ПОПОВ", "ЮИРЙ", "РОМАНОВИЧ", "M", "1991-08-05")]) == set()  # typos
    assert _apart([("570328367233", None, None, None, "M", "1957-03-28"),  # a sole trader's IIN beside his name
                   (None, "Smirnov", "Viktor", "Aleksandrovich", "M", "1957-03-01")]) == set()
    assert _apart([holder, ("720514400217", "СОКОЛОВА", "ИРИНА", "ПЕТРОВНА", "F", "1972-05-14"),  # his wife
                   (None, "Попов", "Юрий", "Юрьевич", None, None),  # his son, named after him
                   (None, "Попов", "Юрий", None, None, "2001-02-03")]) == {1, 2, 3}
