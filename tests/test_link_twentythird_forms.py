"""Files a twenty-third writer's extracts showed (issue 16): a railway manifest in KOI8-R whose names join their
parts with ``=`` and whose child without a seat is a name, a date of birth and a certificate in one cell; a
driving-licence register as pandas writes a table to JSON (``orient="split"``), dates as seconds since 1970, the
names written again in Latin (``familiya_lat``); a guest house's Parquet whose guests are a list of maps."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tests.conftest import link_out, valid_iin
from ukimet.connect.connectors.files import ParquetConnector
from ukimet.connect.connectors.jsonfile import JsonConnector
from ukimet.connect.encoding import detect_encoding
from ukimet.core.dates import epoch_days, from_epoch_days, name_alone, name_and_birth

SURNAMES = ["Розахунов", "Турсынбай", "Семёнов", "Белых", "Султанбеков", "Нурмаматов", "Абдрахманов", "Гапуров"]
FIRSTS = ["Ахметжан", "Жандос", "Владимир", "Бахытжан", "Мурат", "Дильшат", "Арман", "Ильхам"]
PATRONYMICS = ["Нурмаматович", "Маратович", "Иванович", "Серикович", "Болатович", "Тургунович"]
EPOCH = dt.date(1970, 1, 1)


def _born(k: int) -> dt.date:
    return dt.date(1941 + (k * 7) % 60, 1 + k % 12, 1 + k % 27)


def test_a_koi8_r_export_is_read_as_koi8_r_not_as_windows_1251() -> None:
    text = "ДАТА_ОТПР,ФИО_ПАСС,ДР_ПАСС\n" + "".join(
        f"02.01.2012,{SURNAMES[k % 8].upper()}={FIRSTS[k % 8].upper()}={PATRONYMICS[k % 6].upper()},"
        f"{_born(k):%d.%m.%Y}\n" for k in range(20))
    assert detect_encoding(text.encode("koi8-r"))[0] == "koi8-r"
    assert detect_encoding(text.encode("cp1251"))[0] == "cp1251"  # the same letters in the other order
    assert detect_encoding(text.encode("cp866"))[0] == "cp866"


def test_a_railway_names_parts_joined_by_equals_are_words_and_a_certificate_after_a_birth_is_no_name() -> None:
    assert name_alone("ПАВЛОВ=АЛЕКСАНДР=АЛЕКСАНДРОВИЧ") == "ПАВЛОВ АЛЕКСАНДР АЛЕКСАНДРОВИЧ"
    assert name_alone("АБДРАХМАНОВА=Г=А") == "АБДРАХМАНОВА Г А"
    assert name_and_birth("АБДРАХМАНОВА НАЗЕРКЕ МАРАТКЫЗЫ 23.10.2008 СР 2973680") == (
        "АБДРАХМАНОВА НАЗЕРКЕ МАРАТКЫЗЫ", "23.10.2008")
    assert name_alone("x=y") == "x y" and name_alone("a = b") == "a = b"  # between letters only


def test_a_manifests_passenger_child_and_payer_are_three_persons_with_the_payers_own_contacts(
        tmp_path: Path) -> None:
    rows = ["ДАТА_ОТПР,ФИО_ПАСС,ДР_ПАСС,ИИН_ПАСС,РЕБ_БЕЗ_МЕСТА,ПЛАТЕЛЬЩИК,ТЕЛ_ПЛАТ,EMAIL_ПЛАТ"]
    for k in range(40):
        child = f"{SURNAMES[k % 8].upper()}={FIRSTS[(k + 3) % 8].upper()} {_born(k + 60):%d.%m.%Y} СР {2970000 + k}" \
            if k % 3 == 0 else ""
        payer = f"{SURNAMES[(k + 1) % 8].upper()} {FIRSTS[(k + 5) % 8][0]}.,8701{k:07d},p{k}@mail.kz" if k % 2 \
            else ",,"
        rows.append(f"02.01.2012,{SURNAMES[k % 8].upper()}={FIRSTS[k % 8].upper()}={PATRONYMICS[k % 6].upper()},"
                    f"{_born(k):%d.%m.%Y},{valid_iin(_born(k), 1000 + k)},{child},{payer}")
    (tmp_path / "ktz.csv").write_bytes(("\n".join(rows) + "\n").encode("koi8-r"))
    entities, said = link_out(tmp_path, "ktz.csv")
    assert "person 1: ФИО_ПАСС = full name" in said, said
    assert "person 2: РЕБ_БЕЗ_МЕСТА = full name" in said, said
    assert "person 3: ПЛАТЕЛЬЩИК = full name, ТЕЛ_ПЛАТ = phone, EMAIL_ПЛАТ = email" in said, said
    assert entities["ktz", "1#2"] != entities["ktz", "1"]


def _licences(n: int) -> dict[str, object]:
    columns = ["kategorii", "iin", "familiya", "imya", "otchestvo", "familiya_lat", "imya_lat", "data_rozhd"]
    data = []
    for k in range(n):
        p = k % 20  # each person twice: a licence and its renewal
        born = _born(p)
        seconds = int(dt.datetime(born.year, born.month, born.day, tzinfo=dt.UTC).timestamp())
        data.append(["B", None, SURNAMES[p % 8], FIRSTS[p % 7], PATRONYMICS[p % 6],
                     SURNAMES[p % 8].upper().replace("Ё", "E"), "X", seconds])
    return {"columns": columns, "index": [f"AK{900000 + k}" for k in range(n)], "data": data}


def test_a_pandas_split_table_is_its_rows_with_the_latin_names_the_same_persons_and_seconds_dates(
        tmp_path: Path) -> None:
    (tmp_path / "vu.json").write_text(json.dumps(_licences(40), ensure_ascii=False), encoding="utf-8")
    table = JsonConnector("vu", str(tmp_path / "vu.json")).tables()[0]
    assert table.row_count == 40 and table.column_names[:3] == ("index", "kategorii", "iin"), table.column_names
    entities, said = link_out(tmp_path, "vu.json")
    assert "familiya = surname, imya = first name, otchestvo = patronymic, data_rozhd = birth date" in said, said
    assert "person 2" not in said, said  # familiya_lat: the same person's surname in Latin, no second person
    assert entities["vu", "1"] == entities["vu", "21"] and entities["vu", "1"] != entities["vu", "2"]


def test_seconds_since_1970_are_dates_of_birth_and_dates_written_as_digits_are_not() -> None:
    assert from_epoch_days("399686400") == dt.date(1982, 9, 1)
    assert from_epoch_days("-179712000") == dt.date(1964, 4, 22)
    assert from_epoch_days("399686400000") == dt.date(1982, 9, 1)  # milliseconds
    assert epoch_days(["399686400", "-179712000", "1042416000"])
    assert not epoch_days(["19830321", "19841210", "00000000", "19880918"])  # SAP's yyyymmdd, not seconds


def test_a_parquets_list_of_maps_is_a_person_per_item(tmp_path: Path) -> None:
    kind = pa.list_(pa.map_(pa.string(), pa.string()))
    guests = [[[("lastName", SURNAMES[k % 8]), ("firstName", FIRSTS[k % 8]), ("birthDate", f"{_born(k)}"),
                ("iin", valid_iin(_born(k), 3000 + k))]] + ([[("lastName", SURNAMES[(k + 1) % 8]),
                                                              ("firstName", FIRSTS[(k + 2) % 8]),
                                                              ("birthDate", f"{_born(k + 30)}"),
                                                              ("relation", "супруга")]] if k % 2 else [])
              for k in range(30)]
    pq.write_table(pa.table({"reg_no": [f"EQ-{k}" for k in range(30)], "guests": pa.array(guests, kind),
                             "nights": list(range(30))}), tmp_path / "eq.parquet")
    table = ParquetConnector("eq", str(tmp_path / "eq.parquet")).tables()[0]
    assert table.column_names[:3] == ("reg_no", "guests.1.lastName", "guests.1.firstName"), table.column_names
    assert table.column_names[-1] == "nights" and "guests.2.relation" in table.column_names
    batch = next(ParquetConnector("eq", str(tmp_path / "eq.parquet")).read(table, 100))
    assert batch.column("guests.2.firstName").to_pylist()[:2] == [None, FIRSTS[3]]
    entities, said = link_out(tmp_path, "eq.parquet")
    assert "person 2: guests.2.lastName = surname" in said, said
    assert ("eq", "2#2") in entities and ("eq", "1#2") not in entities


def _patient(k: int) -> dict[str, object]:
    born = _born(k)
    names: list[dict[str, object]] = [{"use": "official", "family": SURNAMES[k % 8], "given": [FIRSTS[k % 8],
                                                                                                 PATRONYMICS[k % 6]]}]
    if k % 5 == 0:
        names.append({"use": "maiden", "family": SURNAMES[(k + 3) % 8]})
    contact = {"relationship": [{"coding": [{"code": "C", "display": "Emergency Contact"}]},
                                {"coding": [{"code": ("SPS", "MTH", "FTH", "SON")[k % 4]}]}],
               "name": {"family": SURNAMES[(k + 1) % 8], "given": [FIRSTS[(k + 4) % 8]]},
               "telecom": [{"system": "phone", "value": f"+7705{k:07d}"}]}
    return {"fullUrl": f"urn:uuid:{k}", "resource": {
        "resourceType": "Patient", "id": f"p{k}",
        "identifier": [{"type": {"coding": [{"code": "NI"}]}, "system": "urn:oid:1.2.398", "value":
                        valid_iin(born, 4000 + k)},
                       {"type": {"coding": [{"code": "MR"}]}, "value": f"TK-{k:05d}"}],
        "name": names, "gender": "male", "birthDate": f"{born}",
        "telecom": [{"system": "phone", "value": f"+7747{k:07d}"}],
        "generalPractitioner": [{"display": "Юсупов А.Р."}], "contact": [contact] if k % 2 else []}}


def test_a_fhir_bundles_patients_are_read_by_the_standards_structure(tmp_path: Path) -> None:
    bundle = {"resourceType": "Bundle", "type": "searchset", "entry": [_patient(k) for k in range(30)]}
    (tmp_path / "patients.json").write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    entities, said = link_out(tmp_path, "patients.json")
    assert "person 1: iin = iin, surname = surname, first_name = first name, middle_name = patronymic" in said, said
    assert "person 2: contact.1.surname = surname, contact.1.first_name = first name" in said, said
    assert "or former_surname = surname" in said, said  # the maiden name: the same person's other surname
    assert "Юсупов" not in said and ("patients", "2#2") in entities and ("patients", "1#2") not in entities


def test_a_church_books_date_of_birth_is_its_year_month_and_day_words() -> None:
    from ukimet.core.dates import parse_date

    assert parse_date("2004 года мая 3 дня") == dt.date(2004, 5, 3)
    assert parse_date("1951 года декабря 16 дня") == dt.date(1951, 12, 16)


def test_a_cell_of_two_persons_is_a_pair_a_man_first_and_one_person_alone_at_their_sexs_place() -> None:
    from ukimet.core.cells import holds_people
    from ukimet.link.records import person_in_cell

    both = "раб Божий Орлов Олег Александрович, раба Божия Орлова (урожд. Иванова) Жанна Геннадьевна"
    assert person_in_cell(both, 1) == "Орлов Олег Александрович"
    assert person_in_cell(both, 2) == "Орлова (урожд. Иванова) Жанна Геннадьевна"
    godparents = "Кузнецов Владимир Михайлович, 1960 г.р., Курманова Юлия Викторовна"
    assert person_in_cell(godparents, 1) == "Кузнецов Владимир Михайлович, 1960 г.р"
    assert person_in_cell("Сергеева Ольга Викторовна (1946 г.р.)", 1) is None
    assert person_in_cell("мать: Петрова Анна", 2) == "Петрова Анна"
    assert person_in_cell("г. Текели, ул. Абая, д. 66", 1) is None
    assert not holds_people(["Покровский храм, г. Талдыкорган"] * 10)
    assert not holds_people([f"{SURNAMES[k % 8]} {FIRSTS[k % 8]}" for k in range(10)])  # one name each
    assert holds_people([both, godparents, "—", "Иванов Иван Иванович и Иванова Анна Петровна", "Петрова Анна",
                         "Смирнов Дмитрий Сергеевич"])


def test_a_books_parents_and_godparents_in_one_cell_each_are_persons_of_the_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["№ записи", "Имя во Св. Крещении", "Фамилия", "Дата рождения", "Родители", "Восприемники"])
    for k in range(30):
        father = f"{SURNAMES[k % 8]} {FIRSTS[k % 8]} {PATRONYMICS[k % 6]}"
        mother = f"{SURNAMES[k % 8]}а Анна Петровна"
        sheet.append([f"2005/{k:03d}", FIRSTS[(k + 1) % 8], SURNAMES[k % 8], f"{_born(k + 40):%d.%m.%Y}",
                      f"{father} и {mother}" if k % 3 else mother if k % 2 else "—",
                      f"Кузнецов Пётр Валерьевич, {1950 + k} г.р.; Орлова Ирина" if k % 2 else "—"])
    book.save(tmp_path / "book.xlsx")
    entities, said = link_out(tmp_path, "book.xlsx")
    assert "person 2: Родители = full name | person 3: Родители = full name" in said, said
    assert "person 4: Восприемники = full name" in said, said
    assert ("book", "3#3") in entities and ("book", "3#2") in entities  # father and mother
    assert ("book", "3#3") in entities and ("book", "1#2") not in entities  # a mother alone is the third
    assert ("book", "1#4") not in entities  # a dash is nobody


def test_a_forms_group_names_its_persons_phone_and_members_named_either_way_are_names(tmp_path: Path) -> None:
    results = []
    for k in range(30):
        members = [{"hh/member/m_name": FIRSTS[(k + j) % 8] if (k + j) % 2 else
                    f"{SURNAMES[k % 8]} {FIRSTS[(k + j) % 8]}", "hh/member/m_dob": f"{_born(k + 9 * j + 60)}",
                    "hh/member/m_iin": valid_iin(_born(k + 9 * j + 60), 6000 + k), "hh/member/m_rel": "child"}
                   for j in range(2)]
        results.append({"_id": 180000000 + k, "resp/name": f"{SURNAMES[k % 8]} {FIRSTS[k % 8]} {PATRONYMICS[k % 6]}",
                        "resp/dob": f"{_born(k)}", "resp/phone": f"8 (747) {k:03d}-38-24",
                        "hh/address": f"Текели, Ленина {k}", "hh/member": members})
    (tmp_path / "aid.json").write_text(json.dumps({"count": 30, "results": results}, ensure_ascii=False),
                                       encoding="utf-8")
    entities, said = link_out(tmp_path, "aid.json")
    assert "resp/phone = phone" in said.split("| person 2")[0], said  # the respondent's, by the form's group
    assert "hh/member.1.hh/member/m_name = first name" in said and "hh/member.2.hh/member/m_name = first name" in \
        said, said
    assert ("aid", "1#3") in entities and entities["aid", "1#3"] != entities["aid", "1#2"]


def test_a_ticket_paid_by_its_passenger_under_a_short_name_or_an_initial_is_one_person(tmp_path: Path) -> None:
    rows = ["ФИО_ПАСС,ДР_ПАСС,ДОК_ПАСС,ПЛАТЕЛЬЩИК,ТЕЛ_ПЛАТ"]
    payers = ["Саша Павлов", "Павлов А.", "Павлова Ирина", ""]
    for k in range(40):
        rows.append(f"ПАВЛОВ=АЛЕКСАНДР=АЛЕКСАНДРОВИЧ,22.12.1968,УД 2612182{k:02d},{payers[k % 4]},"
                    f"{'+77783488365' if payers[k % 4] else ''}" if k < 4 else
                    f"{SURNAMES[k % 8].upper()}={FIRSTS[k % 8].upper()}={PATRONYMICS[k % 6].upper()},"
                    f"{_born(k):%d.%m.%Y},УД {k:09d},,")
    (tmp_path / "ktz.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "ktz.csv")
    assert "person 2: ПЛАТЕЛЬЩИК = full name, ТЕЛ_ПЛАТ = phone" in said, said
    assert entities["ktz", "1"] == entities["ktz", "1#2"]  # Саша, the short form of Александр
    assert entities["ktz", "2"] == entities["ktz", "2#2"]  # А., the initial of Александр
    assert entities["ktz", "3"] != entities["ktz", "3#2"]  # his wife, who paid for him
