"""Files a twenty-fourth writer's extracts showed (issue 16): dates as programs write them without being told a form
(Java's ``Date.toString()``, DB2's timestamps, Jackson's arrays); a trade union's list whose header block is written
again for a member's child; a GraphQL answer whose ``__typename`` stands beside the owner's name; a PostgreSQL
export whose cell holds the emergency contacts as JSON; a resettlement register whose family members are a
numbered list in one cell."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import link_out, valid_iin
from ukimet.core.cells import holds_people, people_in_cell, places_of
from ukimet.core.dates import parse_date
from ukimet.link.records import person_in_cell

SURNAMES = ["Габдуллин", "Каршин", "Жусупкалиев", "Сагынгалиев", "Ружейников", "Нурмаганбетов", "Оразгалиев",
            "Хайрушев"]
FIRSTS = ["Айрат", "Андрей", "Бауыржан", "Кабдулла", "Евгений", "Ержан", "Мурат", "Акылбек"]
DAUGHTERS = ["Аделина", "Диляра", "Динара", "Галия", "Татьяна", "Сауле", "Алия", "Зауре"]


def _born(k: int) -> dt.date:
    return dt.date(1950 + (k * 7) % 50, 1 + k % 12, 1 + k % 27)


@pytest.mark.parametrize(("written", "day"), [
    ("Sat Feb 05 00:00:00 ORAT 1966", dt.date(1966, 2, 5)),  # Java's Date.toString(), a zone of Kazakhstan
    ("Thu Dec 12 00:00:00 GMT+05:00 1963", dt.date(1963, 12, 12)),
    ("1945-10-07-00.00.00.000000", dt.date(1945, 10, 7)),  # DB2's timestamp
    ("[2002, 5, 19]", dt.date(2002, 5, 19)),  # Jackson's LocalDate
    ("2002; 5; 19", dt.date(2002, 5, 19)),  # the same list as a JSON reader joins its plain values
    ("[2014,5,2,17,47,43]", dt.date(2014, 5, 2)),  # a LocalDateTime: its day
    ("Tue Apr 31 00:00:00 ORAT 2001", None),  # no such day
    ("[5, 19, 2002]", None),  # no year first: no date
])
def test_dates_written_as_programs_write_them_are_read(written: str, day: dt.date | None) -> None:
    assert parse_date(written) == day


def test_a_header_block_written_again_is_a_second_person_by_its_place(tmp_path: Path) -> None:
    rows = ["Год;Таб. №;Фамилия;Имя;Отчество;ИИН;Фамилия;Имя;Отчество;Дата рождения;ИИН;Подарок"]
    for k in range(40):
        p = k % 20  # each member and child twice: two years' lists
        parent = _born(p)
        child = dt.date(2005 + p % 10, 1 + p % 12, 1 + p % 25)
        rows.append(f"{2018 + k // 20};{7000 + p};{SURNAMES[p % 8]};{FIRSTS[p % 8]};Фазылович;"
                    f"{valid_iin(parent, 1000 + p)};{SURNAMES[p % 8]}а;{DAUGHTERS[p % 8]};{FIRSTS[p % 8]}овна;"
                    f"{child:%d.%m.%Y};;игрушка")
    (tmp_path / "union.csv").write_text("\n".join(rows) + "\n", encoding="cp1251")
    entities, said = link_out(tmp_path, "union.csv")
    assert "person 1: Фамилия = surname, Имя = first name, Отчество = patronymic, ИИН = iin" in said, said
    assert "person 2: Фамилия_2 = surname, Имя_2 = first name, Отчество_2 = patronymic, Дата рождения = birth " \
           "date, ИИН_2 = iin" in said, said
    assert entities["union", "1#2"] == entities["union", "21#2"]  # the child of both years' lists
    assert entities["union", "1#2"] != entities["union", "1"]  # never its parent


def test_a_graphql_typename_is_no_value_of_a_person(tmp_path: Path) -> None:
    edges = [{"node": {"id": f"A{k}", "owner": {"__typename": "NaturalPerson", "iin": None,
                                                "lastName": SURNAMES[k % 8], "firstName": FIRSTS[k % 8],
                                                "birthDate": f"{_born(k % 8):%Y-%m-%d}"}}} for k in range(24)]
    (tmp_path / "pets.json").write_text(json.dumps({"data": {"animals": {"edges": edges}}}), encoding="utf-8")
    entities, said = link_out(tmp_path, "pets.json")
    assert "node.owner.firstName = first name" in said and "__typename =" not in said, said
    assert entities["pets", "1"] == entities["pets", "9"] != entities["pets", "2"]


def test_json_records_in_a_csv_cell_are_persons_of_the_row(tmp_path: Path) -> None:
    rows = ["pass_no,surname_en,given_names_en,fio_ru,dob,nat_id,emergency_contacts"]
    for k in range(30):
        p = k % 15
        contacts = [{"name": f"{SURNAMES[(p + 1) % 8]}а {DAUGHTERS[p % 8]}", "relation": "жена",
                     "phone": f"+7701{p:07d}"}] + ([{"name": DAUGHTERS[(p + 3) % 8], "relation": "мать"}] if p % 2
                                                  else [])
        rows.append(f"KPO-{k},X,Y,{SURNAMES[p % 8]} {FIRSTS[p % 8]},"
                    f"{_born(p):%a %b %d 00:00:00 ORAT %Y},{valid_iin(_born(p), 2000 + p)},"
                    f"\"{json.dumps(contacts, ensure_ascii=False).replace(chr(34), chr(34) * 2)}\"")
    rows.append("KPO-99,X,Y,Ерланов Ерлан,Sat Feb 05 00:00:00 ORAT 1966,,not json")  # stays as written
    (tmp_path / "passes.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "passes.csv")
    assert "dob = birth date" in said, said
    assert "person 2: emergency_contacts.1.name = full name, emergency_contacts.1.phone = phone" in said, said
    assert entities["passes", "1#2"] == entities["passes", "16#2"] != entities["passes", "1"]
    assert ("passes", "31") in entities  # the row whose cell is no JSON is read, its contacts none


NUMBERED = ["1) Қабдешова Сымбат Нұрлановна (қызы), 31.05.1992\n2) Қабдешова Аружан Нұрлановна (қызы), 05.05.1995",
            "1. Каршина Татьяна – жена, 1964 г.р., ИИН 640918494365\n2. Каршина Наталья Андреевна – дочь, 03.11.1986"
            "\n3. Каршин Павел Андреевич – сын, 12.02.1990",
            "1) Ружейникова Елена Григорьевна – дочь, 1970 г.р., ИИН 700122420887"]


def test_a_numbered_list_in_a_cell_holds_its_persons_at_their_numbers() -> None:
    assert [n for n, _ in people_in_cell(NUMBERED[1])] == [
        "Каршина Татьяна, 1964 г.р", "Каршина Наталья Андреевна, 03.11.1986", "Каршин Павел Андреевич, 12.02.1990"]
    assert person_in_cell(NUMBERED[2], 1) == "Ружейникова Елена Григорьевна, 1970 г.р"  # a woman first: her number
    assert person_in_cell(NUMBERED[2], 2) is None and person_in_cell(NUMBERED[1], 4) is None
    assert holds_people(NUMBERED * 3) and places_of(NUMBERED * 3) == 3
    assert places_of(["Иванов Сергей Николаевич и Иванова Екатерина"] * 6) == 2  # a pair is read as a pair
    assert person_in_cell("Иванов Сергей Николаевич", 3) is None  # a man alone holds his pair's first place only


def test_a_register_whose_members_are_a_numbered_list_gives_each_member_a_record(tmp_path: Path) -> None:
    rows = ["Р/с №;Отбасы басшысы;ЖСН;Туған күні;Отбасы мүшелері"]
    for k in range(12):
        rows.append(f"{k + 1};Каршин Андрей Петрович;620315365323;15.03.1962;\"{NUMBERED[k % 3]}\"")
    (tmp_path / "resettled.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "resettled.csv")
    assert "person 4: Отбасы мүшелері = full name" in said, said
    assert {r for _, r in entities} >= {"2#2", "2#3", "2#4", "1#3"} and ("resettled", "1#4") not in entities
    assert entities["resettled", "2#3"] == entities["resettled", "5#3"] != entities["resettled", "2#2"]


def test_a_one_word_full_name_is_a_given_name_unless_its_ending_is_a_surnames() -> None:
    from ukimet.link.names import split_full_name

    assert (split_full_name("Зауре").surname, split_full_name("Зауре").first) == (None, "Зауре")
    assert split_full_name("Света").first == "Света" and split_full_name("Света").surname is None
    assert split_full_name("Иванова").surname == "Иванова" and split_full_name("Иванова").first is None


def test_a_cards_first_name_with_its_own_phone_is_a_person_and_its_family_list_too(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for k in range(30):
        p = k % 15  # each card holder twice: two cards
        rows.append({"card_id": 2700000000 + k, "phone": 77010000000 + p, "display_name": DAUGHTERS[p % 8],
                     "birthday": {"day": 1 + p, "month": 1 + p % 12, "year": None},
                     "family": [{"name": FIRSTS[p % 8], "relation": "муж", "phone": 77770000000 + p}]})
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "cards.parquet")
    entities, said = link_out(tmp_path, "cards.parquet")
    assert "person 1: display_name = first name" in said and "phone = phone" in said, said
    assert "birthday.day, birthday.month, birthday.year = birth date (day, month, year)" in said, said
    assert "person 2: family.1.name = first name, family.1.phone = phone" in said, said
    assert entities["cards", "1"] == entities["cards", "16"] != entities["cards", "2"]
    assert entities["cards", "1#2"] == entities["cards", "16#2"] != entities["cards", "1"]


def test_a_file_without_a_header_holds_its_persons_by_their_places_and_its_phone_is_the_rows_own(
        tmp_path: Path) -> None:
    rows = []
    for k in range(30):
        p = k % 15  # each person twice: two decisions
        rows.append(f'{438000 + k},"{valid_iin(_born(p), 3000 + p)}","{SURNAMES[p % 8].upper():<24}",'
                    f'"{FIRSTS[p % 8].upper():<20}","{_born(p):%Y-%m-%d}-00.00.00.000000",2,'
                    f'"{SURNAMES[(p + 2) % 8].upper():<24}","{DAUGHTERS[p % 8].upper():<20}",'
                    f'"{valid_iin(_born(p + 40), 4000 + p)}","8777{p:07d}"')
    (tmp_path / "mse.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "mse.csv")
    assert "person 1: column_2 = iin, column_3 = surname, column_4 = first name, column_5 = birth date" in said, said
    assert "person 2: column_7 = surname, column_8 = first name, column_9 = iin" in said, said
    assert "column_10 = phone" in said.split("person 2")[0], said  # the row's own person's
    assert entities["mse", "1#2"] == entities["mse", "16#2"] != entities["mse", "1"]
