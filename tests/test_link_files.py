"""`ukimet link FILE... --out clusters.csv` on anyone's files: columns detected, records clustered."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import truth
from ukimet.cli.main import app
from ukimet.synth import SynthConfig, build_country


def _export(db: Path, query: str, out: Path, encoding: str = "utf-8") -> None:
    with sqlite3.connect(db) as con:
        cursor = con.execute(query)
        names = [d[0] for d in cursor.description]
        with out.open("w", encoding=encoding, newline="") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow(names)
            writer.writerows(cursor.fetchall())


def _registry_and_clinic(tmp_path: Path, persons: int, clinic_query: str) -> tuple[Path, Path, Path]:
    """A synthetic country (seed 5) and two of its agencies as files: the population registry, and the clinic's
    patients as ``clinic_query`` selects them."""
    country = tmp_path / "country"
    build_country(SynthConfig(persons=persons, seed=5), country)
    registry, clinic = tmp_path / "registry.csv", tmp_path / "clinic.csv"
    _export(country / "agencies" / "gbdfl.sqlite", "SELECT id_fl AS record_id, iin, familiya, imya, otchestvo, "
            "data_rozhdeniya FROM fl_persons", registry)
    _export(country / "agencies" / "health.sqlite", clinic_query, clinic)
    return country, registry, clinic


def test_two_agency_files_link_into_their_people(tmp_path: Path) -> None:
    country, registry, clinic = _registry_and_clinic(tmp_path, 1200, "SELECT iin AS жсн, surname AS тегі, "
                                                     "name AS аты, patronymic, dob FROM patients")
    clusters = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", str(registry), str(clinic), "--out", str(clusters)])
    assert result.exit_code == 0, result.output
    with clusters.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and set(rows[0]) == {"source", "record_id", "entity_id"}
    assert {r["source"] for r in rows} == {"registry", "clinic"}

    owners = {(r["source"], r["record_key"]): r["person_id"] for r in truth(country, "records")
              if r["party"] == "subject" and r["table"] in ("fl_persons", "patients")}
    clinic_keys = [r["record_key"] for r in truth(country, "records")
                   if r["source"] == "health" and r["table"] == "patients"]
    person = {}
    for r in rows:
        if r["source"] == "registry":
            person[r["source"], r["record_id"]] = owners[("gbdfl", r["record_id"])]
        else:  # no record_id column: the row number, in the file's (and the truth's) order
            person[r["source"], r["record_id"]] = owners[("health", clinic_keys[int(r["record_id"]) - 1])]
    entity = {(r["source"], r["record_id"]): r["entity_id"] for r in rows}
    registry_entity = {person[k]: e for k, e in entity.items() if k[0] == "registry"}
    clinic_rows = [k for k in entity if k[0] == "clinic"]
    joined = sum(1 for k in clinic_rows if registry_entity.get(person[k]) == entity[k])
    assert joined / len(clinic_rows) >= 0.97, joined / len(clinic_rows)
    by_entity: dict[str, set[int]] = {}
    for k, e in entity.items():
        by_entity.setdefault(e, set()).add(person[k])
    assert sum(1 for people in by_entity.values() if len(people) > 1) <= 0.005 * len(by_entity)


def test_unknown_file_kinds_are_refused_with_the_fix(tmp_path: Path) -> None:
    odd = tmp_path / "people.docx"
    odd.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["link", str(odd), "--out", str(tmp_path / "c.csv")])
    assert result.exit_code == 2 and "give CSV, Parquet, Excel or JSON files" in result.output


def test_a_json_export_with_nested_records_links_like_a_table(tmp_path: Path) -> None:
    """An agency's JSON (records under a key, each person's name nested, the IIN a number that lost its leading
    zero) is read as columns and linked with a CSV file of the same people."""
    import json

    country = tmp_path / "country"
    build_country(SynthConfig(persons=600, seed=7), country)
    registry, clinic = tmp_path / "registry.csv", tmp_path / "clinic.json"
    _export(country / "agencies" / "gbdfl.sqlite", "SELECT id_fl AS record_id, iin, familiya, imya, otchestvo, "
            "data_rozhdeniya FROM fl_persons", registry)
    with sqlite3.connect(country / "agencies" / "health.sqlite") as con:
        patients = con.execute("SELECT iin, surname, name, dob FROM patients").fetchall()
    records = [{"patient": {"name": {"surname": surname, "given": name}, "iin": int(iin) if iin else None,
                            "born": dob}, "visits": [{"code": "Z00"}]} for iin, surname, name, dob in patients]
    clinic.write_text(json.dumps({"exported": "2026-01-01", "records": records}, ensure_ascii=False),
                      encoding="utf-8")
    clusters = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", str(registry), str(clinic), "--out", str(clusters)])
    assert result.exit_code == 0, result.output
    with clusters.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sum(1 for r in rows if r["source"] == "clinic") == len(patients)
    registry_entities = {r["entity_id"] for r in rows if r["source"] == "registry"}
    joined = sum(1 for r in rows if r["source"] == "clinic" and r["entity_id"] in registry_entities)
    assert "patient.name.surname = surname" in result.output and "patient.iin = iin" in result.output
    assert joined / len(patients) >= 0.95, (joined, len(patients), result.output)


def test_linking_files_shares_its_python_work_with_a_second_process_and_writes_no_lake(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same clusters whether the distinct names, dates and numbers are standardised in one process or half in
    a forked one; and the run's throwaway store is a workspace in memory, never a lake on disk."""
    import ukimet.core.parallel
    import ukimet.sync.store
    from ukimet.link.files import link_files

    _, registry, clinic = _registry_and_clinic(tmp_path, 300, "SELECT iin AS жсн, surname || ' ' || name AS фио, "
                                               "dob FROM patients")

    def no_lake(*args: object, **kwargs: object) -> None:
        raise AssertionError("ukimet link --out opened a lake")

    monkeypatch.setattr(ukimet.sync.store, "_attach", no_lake)  # what every lake is opened by

    def partition(rows: list[tuple[str, str, str]]) -> set[frozenset[tuple[str, str]]]:
        groups: dict[str, set[tuple[str, str]]] = {}
        for source, record, entity in rows:
            groups.setdefault(entity, set()).add((source, record))
        return {frozenset(g) for g in groups.values()}

    monkeypatch.setattr(ukimet.core.parallel, "FORK_FROM", 10**12)
    alone = link_files([registry, clinic])
    monkeypatch.setattr(ukimet.core.parallel, "FORK_FROM", 1)
    shared = link_files([registry, clinic])
    assert partition(shared) == partition(alone) and len(partition(alone)) < len(alone)


def test_a_files_own_id_column_is_the_record_id_when_mapped_so(tmp_path: Path) -> None:
    """--map file:column=record_id: the clusters say the agency's own ids, and the ids are no evidence of who is
    who (two people with neighbouring ids are not alike for it)."""
    _, registry, clinic = _registry_and_clinic(tmp_path, 300, "SELECT 'P-' || rowid AS card_no, iin AS жсн, "
                                               "surname AS тегі, name AS аты, dob FROM patients")
    clusters = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", str(registry), str(clinic), "--out", str(clusters),
                                      "--map", "clinic.csv:card_no=record_id"])
    assert result.exit_code == 0, result.output
    with clusters.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ids = [r["record_id"] for r in rows if r["source"] == "clinic"]
    assert ids and all(i.startswith("P-") for i in ids) and len(set(ids)) == len(ids)
    assert "card_no = " not in result.output.split("clinic:", 1)[1].split("\n")[0].split("not used")[0]
    wrong = CliRunner().invoke(app, ["link", str(registry), str(clinic), "--out", str(clusters),
                                     "--map", "clinic.csv:card=record_id"])
    assert wrong.exit_code != 0 and "card_no" in wrong.output


def _clusters(tmp_path: Path, files: dict[str, str | bytes]) -> dict[tuple[str, str], str]:
    """``ukimet link`` over the files (name -> CSV text, or its bytes in a code page) in a folder of their own:
    (source, record id) -> entity."""
    for name, text in files.items():
        if isinstance(text, bytes):
            (tmp_path / name).write_bytes(text)
        else:
            (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", *(str(tmp_path / n) for n in files), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        return {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}


def test_three_records_link_on_what_a_national_register_teaches_not_on_three_pairs(tmp_path: Path) -> None:
    """A file of two records and one of one (a file named v, which once broke the dates' check): three pairs teach
    nothing, so the reference model's m and u weigh them, and its rule that wholly different first names with
    no IIN between them are two persons: the twins Айсұлу and Томирис stay apart, Айсұлу and Айсулу are one."""
    found = _clusters(tmp_path, {
        "v.csv": "Фамилия,Имя,Дата рождения,Адрес\nОмарова,Айсұлу,2001-04-17,\"Алматы, Абая 10-5\"\n"
                 "Омарова,Томирис,2001-04-17,\"Алматы, Абая 10-5\"\n",
        "w.csv": "ФИО,Дата рождения\nОмарова Айсулу,17.04.2001\n"})
    assert found[("v", "1")] == found[("w", "1")]
    assert found[("v", "1")] != found[("v", "2")]


def test_a_placeholder_for_nothing_is_no_value_to_disagree_on(tmp_path: Path) -> None:
    """нет данных as a patronymic and as an address is what the agency did not know: the records link to the same
    people written in full elsewhere, and the placeholders do not make the three people of the file alike."""
    names = ("Арман", "Дана", "Ерлан", "Жанар", "Нурлан", "Айгуль", "Марат", "Сауле", "Тимур", "Асель", "Болат",
             "Мадина")
    others = [(f"Серикбаев{'а' * (n % 2)}", name, f"Маратов{'на' if n % 2 else 'ич'}",
               f"19{50 + n}-0{1 + n % 9}-1{n % 10}") for n, name in enumerate(names)]  # known fully to both
    kgd = "".join(f"{s},{f},{p},{b},\"Уральск, Курмангазы {n}\"\n" for n, (s, f, p, b) in enumerate(others))
    mvd = "".join(f"{s} {f} {p},{b[8:]}.{b[5:7]}.{b[:4]},\"Уральск, Курмангазы {n}\"\n"
                  for n, (s, f, p, b) in enumerate(others))
    found = _clusters(tmp_path, {
        "kgd.csv": "Фамилия,Имя,Отчество,Дата рождения,Адрес\nЖаров,Виктор,нет данных,1966-06-16,нет данных\n"
                   "Абилова,Сауле,н/д,1972-04-02,-\nКарпов,Олег,НЕИЗВЕСТНО,1981-10-10,нет данных\n" + kgd,
        "mvd.csv": "ФИО,Дата рождения,Адрес\nЖаров Виктор Павлович,16.06.1966,\"Уральск, Датова 2\"\n"
                   "Абилова Сауле Нурлановна,02.04.1972,\"Уральск, Ихсанова 9\"\n"
                   "Карпов Олег Игоревич,10.10.1981,\"Уральск, Есенжанова 40\"\n" + mvd})
    for row in ("1", "2", "3"):
        assert found[("kgd", row)] == found[("mvd", row)]
    assert len({found[("kgd", row)] for row in ("1", "2", "3")}) == 3


def test_a_column_named_as_a_date_of_birth_whose_values_are_no_dates_is_reported_so(tmp_path: Path) -> None:
    for name, text in {"bad.csv": "Фамилия,Имя,Дата рождения\nНуров,Арман,??.??.????\nАлиев,Берик,неизвестно\n"
                                  "Ким,Олег,31.31.1990\nПак,Ирина,abc\n",
                       "good.csv": "ФИО,Дата рождения\nНуров Арман,01.02.1980\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["link", str(tmp_path / "bad.csv"), str(tmp_path / "good.csv"), "--out",
                                      str(tmp_path / "clusters.csv")])
    assert result.exit_code == 0, result.output
    bad = next(line for line in result.output.splitlines() if line.startswith("columns bad"))
    assert "not read as their names say" in bad and "Дата рождения (a date of birth)" in bad
    assert "not read" not in next(line for line in result.output.splitlines() if line.startswith("columns good"))


def test_a_csv_with_a_title_above_its_header_is_read_from_its_header(tmp_path: Path) -> None:
    """A pension fund's export: a title line and a blank line above the header, in cp1251 with ';'. The title was
    taken for the header and no person was found."""
    text = ("Выгрузка из ИС ЕНПФ на 01.02.2024\r\n\r\nrecord_id;Фамилия;Имя;Отчество;Дата рождения\r\n"
            "1;Смирнов;Андрей;Иванович;02.11.1995\r\n2;Смирнов;Андрей;Иванович;15.01.1970\r\n"
            "3;Кравченко;Ольга;Николаевна;16.06.1966\r\n")
    found = _clusters(tmp_path, {"registry.csv": "Фамилия,Имя,Отчество,Дата рождения\n"
                                                 "Смирнов,Андрей,Иванович,15.01.1970\n"
                                                 "Кравченко,Ольга,Николаевна,16.06.1966\n",
                                 "pension.csv": text.encode("cp1251")})
    assert {k for k in found if k[0] == "pension"} == {("pension", "1"), ("pension", "2"), ("pension", "3")}
    assert found[("pension", "2")] == found[("registry", "1")] != found[("pension", "1")]
    assert found[("pension", "3")] == found[("registry", "2")]


def test_a_placeholder_date_of_birth_is_no_date_and_the_iin_holds(tmp_path: Path) -> None:
    """01.01.1900 is what a system writes when nobody entered a date of birth: no birth wholly apart from the
    registry's, which kept the clinic's record of the same IIN away from its person."""
    found = _clusters(tmp_path, {
        "registry.csv": "ИИН,Фамилия,Имя,Дата рождения\n850312313004,Иманов,Асқар,12.03.1985\n"
                        "900101350013,Оспанов,Ерлан,01.01.1990\n",
        "clinic.csv": "ИИН,Фамилия,Имя,Родился\n850312313004,Иманов,Аскар,01.01.1900\n"
                      ",Оспанов,Ерлан,01.01.0001\n"})
    assert found[("clinic", "1")] == found[("registry", "1")]


_FIRSTS = ("Арман", "Дана", "Ерлан", "Жанар", "Нурлан", "Айгуль", "Марат", "Сауле", "Тимур", "Асель", "Болат",
           "Мадина", "Серик", "Гульнар", "Данияр", "Алия", "Ержан", "Камила")
_SURNAMES = ("Ахметов", "Исаев", "Омаров", "Касымов", "Жумабаев", "Сериков", "Нурланов", "Бекенов", "Мусин",
             "Оспанов", "Тулеуов", "Ержанов")


def _people(n: int) -> list[tuple[str, str, str]]:
    """``n`` persons: a surname, a first name and a date of birth (dd.mm.yyyy), all different."""
    return [(_SURNAMES[k % len(_SURNAMES)] + ("а" if k % 2 else ""), _FIRSTS[(k * 7) % len(_FIRSTS)],
             f"{1 + k % 28:02d}.{1 + k % 12:02d}.{1950 + k}") for k in range(n)]


def _two_a_row_are_each_their_person(tmp_path: Path, header: str, rows: int, before: Callable[[int], str]) -> None:
    """A file of two persons a row (``header``; each row's own columns first, by ``before``, then each person's name
    and date of birth) beside a registry of them all: a row's first person and its second (``#2``) are each their
    registry line, and no row describes a third."""
    people = _people(2 * rows)
    table = header + "\n" + "".join(f"{k + 1},{before(k)}{a[0]} {a[1]},{a[2]},{b[0]} {b[1]},{b[2]}\n"
                                   for k, (a, b) in enumerate(zip(people[::2], people[1::2], strict=True)))
    registry = "Фамилия,Имя,Дата рождения\n" + "".join(f"{s},{f},{d}\n" for s, f, d in people)
    found = _clusters(tmp_path, {"rows.csv": table, "registry.csv": registry})
    assert not any(key[1].endswith("#3") for key in found)
    for k in range(rows):
        assert found[("rows", str(k + 1))] == found[("registry", str(2 * k + 1))]
        assert found[("rows", f"{k + 1}#2")] == found[("registry", str(2 * k + 2))]


def test_a_census_enumerator_beside_the_household_members_is_nobody_the_rows_describe(tmp_path: Path) -> None:
    """A census sheet: one household a row, its members side by side, and the enumerator who filled it in (three
    names over 36 households). The enumerator was read as the row's first person, every member moved one place,
    and each enumerator became one entity of a hundred households."""
    _two_a_row_are_each_their_person(
        tmp_path, "Сауалнама №,Санақшы,Т.А.Ә. [1],Туған күні [1],Т.А.Ә. [2],Туған күні [2]", 36,
        lambda k: ("Иванова Т.", "Сәрсенова М.", "Ким Е.")[k % 3] + ",")


def test_co_owners_numbered_in_their_column_names_are_one_person_each(tmp_path: Path) -> None:
    """pravoobl_1_fio, pravoobl_1_dr, pravoobl_2_fio, pravoobl_2_dr: the number between underscores says whose
    column it is (owner 2's name and date were two persons, one with a name alone)."""
    _two_a_row_are_each_their_person(
        tmp_path, "nomer,pravoobl_1_fio,pravoobl_1_dr,pravoobl_2_fio,pravoobl_2_dr", 4, lambda k: "")


def test_a_contact_person_of_a_nested_record_is_a_second_person_and_a_name_alone_joins_nobody(
        tmp_path: Path) -> None:
    """A loan application: the client (surname, first name, date of birth) and a contact person (a full name and a
    phone) under keys of their own. The contact was read as the client's own name. A name alone (Омаров Данияр,
    with no date, IIN, father's name or contact that agrees) is never evidence enough: the country holds his
    namesakes."""
    people = _people(6)
    applications = [{"record_id": f"Z-{k}", "client": {"name": {"last": s, "first": f}, "birth_date": d},
                     "contact_person": {"full_name": "Омаров Данияр", "phone": f"+7701555000{k}"}}
                    for k, (s, f, d) in enumerate(people)]
    registry = "Фамилия,Имя,Дата рождения\n" + "".join(f"{s},{f},{d}\n" for s, f, d in people) + \
        "Омаров,Данияр,07.01.1976\n"
    found = _clusters(tmp_path, {"loans.json": json.dumps(applications, ensure_ascii=False),
                                 "registry.csv": registry})
    for k in range(6):
        assert found[("loans", f"Z-{k}")] == found[("registry", str(k + 1))]
        assert found[("loans", f"Z-{k}#2")] != found[("registry", "7")]


def test_a_passports_machine_readable_name_and_its_dates_are_read(tmp_path: Path) -> None:
    """SURNAME<<GIVEN<<<< and 12MAR85, as a migration service copies them from a passport."""
    found = _clusters(tmp_path, {
        "mvd.csv": "REG_ID,MRZ_NAME,DOB\n1,ZHUMABAEV<<NURLAN<<<<<<<<<<<<<<,12MAR85\n"
                   "2,ZHUMABAEV<<NURLAN<<<<<<<,02JAN95\n",
        "registry.csv": "Фамилия,Имя,Дата рождения\nЖумабаев,Нурлан,02.01.1995\nЖумабаев,Нурлан,12.03.1985\n"})
    assert found[("mvd", "1")] == found[("registry", "2")] != found[("mvd", "2")] == found[("registry", "1")]


def test_twins_whose_short_names_are_half_their_letters_apart_stay_two(tmp_path: Path) -> None:
    """Ерік and Серік? No: Асан and Үсен, born the same day at one address, in a school list and a clinic's. Two
    letters of four apart was "similar enough" for one person."""
    found = _clusters(tmp_path, {
        "school.csv": "Тегі,Аты,Туған күні,Мекенжайы\nҚасымов,Асан,14.05.2012,\"Тараз, Төле би 21-3\"\n"
                      "Қасымов,Үсен,14.05.2012,\"Тараз, Төле би 21-3\"\n",
        "clinic.csv": "FullName,BirthDate,Address\nKASYMOV ASAN,2012-05-14,\"Taraz, Tole bi 21-3\"\n"
                      "KASYMOV USEN,2012-05-14,\"Taraz, Tole bi 21-3\"\n"})
    assert found[("school", "1")] == found[("clinic", "1")] != found[("school", "2")] == found[("clinic", "2")]


def test_an_iin_whose_sex_digit_its_record_denies_is_another_persons_and_joins_nobody(tmp_path: Path) -> None:
    """A bailiff's list writes debtors in the genitive (Бейсеновой Айгул Абдирахмановны) and, on the wife's line,
    her husband's IIN (its seventh digit 3: a man born in the 1900s). The same IIN made her the husband."""
    found = _clusters(tmp_path, {
        "registry.csv": "Фамилия,Имя,Отчество,Дата рождения,ИИН\nБейсенов,Ерлан,Жумабекович,08.06.1983,830608354463\n"
                        "Бейсенова,Айгул,Абдирахмановна,12.02.1985,\n",
        "bailiff.csv": "Должник,ИИН должника\nБейсеновой Айгул Абдирахмановны,830608354463\n"
                       "БЕЙСЕНОВ ЕРЛАН ЖУМАБЕКОВИЧ,830608354463\n"})
    assert found[("bailiff", "2")] == found[("registry", "1")] != found[("bailiff", "1")]


def test_an_age_taken_on_a_date_is_a_year_of_birth_within_one(tmp_path: Path) -> None:
    """A household survey writes each person's age (полных лет) and the day it asked: three generations of one name
    at one address are told apart by it (born 1951, 1976 and 2000; 72, 47 and 23 on 10.03.2024, two of them before
    their birthday), and each is their registry line."""
    found = _clusters(tmp_path, {
        "registry.csv": "Тегі,Аты,Әкесінің аты,Туған күні,Мекенжайы\n"
                        "Сейтқали,Болат,Ерланұлы,12.09.1951,\"Павлодар, Кутузов 4-12\"\n"
                        "Сейтқали,Болат,Ерланұлы,01.02.1976,\"Павлодар, Кутузов 4-12\"\n"
                        "Сейтқали,Болат,Ерланұлы,30.07.2000,\"Павлодар, Кутузов 4-12\"\n",
        "survey.csv": "Сауалнама №,Т.А.Ә.,Жасы,Сауалнама күні,Мекенжайы\n"
                      "1,Сейтқали Болат Ерланұлы,23,10.03.2024,\"Павлодар, Кутузов 4-12\"\n"
                      "2,Сейтқали Болат Ерланұлы,72,10.03.2024,\"Павлодар, Кутузов 4-12\"\n"
                      "3,Сейтқали Болат Ерланұлы,48,10.03.2024,\"Павлодар, Кутузов 4-12\"\n"})
    assert found[("survey", "1")] == found[("registry", "3")]
    assert found[("survey", "2")] == found[("registry", "1")]
    assert found[("survey", "3")] == found[("registry", "2")]
    assert len({found[("survey", n)] for n in ("1", "2", "3")}) == 3


def test_a_name_with_a_document_number_that_agrees_is_more_than_a_name_alone(tmp_path: Path) -> None:
    """No date of birth on one side, but the same passport number: a further attribute that few records share
    (FEBRL's social security numbers) lifts the pair above a name alone, which never links."""
    people = _people(12)
    found = _clusters(tmp_path, {
        "registry.csv": "Фамилия,Имя,Дата рождения,passport_no\n" + "".join(
            f"{s},{f},{d},N{70000000 + 7919 * k}\n" for k, (s, f, d) in enumerate(people)),
        "visa.csv": "Фамилия,Имя,passport_no\n" + "".join(
            f"{s},{f},N{70000000 + 7919 * k}\n" for k, (s, f, _) in enumerate(people))})
    for k in range(12):
        assert found[("visa", str(k + 1))] == found[("registry", str(k + 1))]


def _workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    for n, (title, rows) in enumerate(sheets.items()):
        sheet = book.active if n == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(list(row))
    book.save(path)


def test_a_workbook_links_the_sheets_that_describe_persons_and_names_their_rows_by_sheet(tmp_path: Path) -> None:
    """A house register: a cover sheet (the department, the compiler, a note) before the list. The run failed on
    the cover sheet, taken for the file's one table. Its rows describe nobody and are not written; where two
    sheets list persons (a district a sheet), a record id is its sheet's name and its row (Район 2/1)."""
    people = _people(6)
    rows = [["Фамилия", "Имя", "Дата рождения"], *([s, f, d] for s, f, d in people[:3])]
    _workbook(tmp_path / "register.xlsx", {"Титул": [["Үй кітаптарының тізімі"], [None],
                                                     ["Құрастырған: бас маман Коваленко К.Т."]],
                                           "Тізім": rows})
    _workbook(tmp_path / "districts.xlsx", {"Район 1": rows[:2], "Район 2": [rows[0], *rows[2:]]})
    registry = "Фамилия,Имя,Дата рождения\n" + "".join(f"{s},{f},{d}\n" for s, f, d in people)
    found = _clusters(tmp_path, {"registry.csv": registry, "register.xlsx": (tmp_path / "register.xlsx").read_bytes(),
                                 "districts.xlsx": (tmp_path / "districts.xlsx").read_bytes()})
    assert {k for k in found if k[0] == "register"} == {("register", str(k)) for k in (1, 2, 3)}
    assert {k for k in found if k[0] == "districts"} == {("districts", "Район 1/1"), ("districts", "Район 2/1"),
                                                          ("districts", "Район 2/2")}
    for k in range(3):
        assert found[("register", str(k + 1))] == found[("registry", str(k + 1))]
    assert found[("districts", "Район 1/1")] == found[("registry", "1")]
    assert found[("districts", "Район 2/2")] == found[("registry", "3")]


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _roman(date: str) -> str:
    day, month, year = date.split(".")
    return f"{int(day)}.{_ROMAN[int(month) - 1]}.{year}"


def _registry(people: list[tuple[str, str, str]]) -> str:
    return "Фамилия,Имя,Дата рождения\n" + "".join(f"{s},{f},{d}\n" for s, f, d in people)


def test_a_card_whose_header_is_its_field_numbers_is_read_by_its_values_and_its_second_person_by_place(
        tmp_path: Path) -> None:
    """An offence card: the header is the fields' numbers (1 to 6), the offender's surname, first name and date of
    birth (21.VI.1970), then the victim's full name and date of birth. The numbers were read as the first record
    (every row one off), and the victim's name as the offender's."""
    people = _people(48)
    cards = "1,2,3,4,5,6\n" + "".join(f"АП-{k},{a[0]},{a[1]},{_roman(a[2])},{b[0]} {b[1]},{b[2]}\n" for k, (a, b)
                                      in enumerate(zip(people[::2], people[1::2], strict=True)))
    found = _clusters(tmp_path, {"cards.csv": cards, "registry.csv": _registry(people)})
    for k in range(24):
        assert found[("cards", str(k + 1))] == found[("registry", str(2 * k + 1))]
        assert found[("cards", f"{k + 1}#2")] == found[("registry", str(2 * k + 2))]


def test_a_parents_full_name_beside_a_students_own_names_is_a_second_person(tmp_path: Path) -> None:
    """A dormitory list in Kazakh Latin: the student's Tegı, Aty, Tuğan künı, and Ata-anasynyñ aty-jönı, a parent's
    full name, with the parent's phone. The parent's name was read as the student's."""
    people = _people(40)
    students = "Tegı,Aty,Tuğan künı,Ata-anasynyñ aty-jönı,Ata-anasynyñ telefony\n" + "".join(
        f"{a[0]},{a[1]},{a[2]},{b[0]} {b[1]},+7701555{k:04d}\n"
        for k, (a, b) in enumerate(zip(people[::2], people[1::2], strict=True)))
    parents = "ФИО,Телефон\n" + "".join(f"{b[0]} {b[1]},8 701 555 {k:04d}\n" for k, b in enumerate(people[1::2]))
    found = _clusters(tmp_path, {"students.csv": students, "registry.csv": _registry(people[::2]),
                                 "parents.csv": parents})
    for k in range(20):
        assert found[("students", str(k + 1))] == found[("registry", str(k + 1))]
        assert found[("students", f"{k + 1}#2")] == found[("parents", str(k + 1))]  # a name and a phone


def test_a_header_of_two_rows_names_each_column_by_its_group_and_its_part(tmp_path: Path) -> None:
    """A house register: merged group cells (Тұрғынның over тегі, аты; Туған over күні, жері) above their parts.
    The first row alone named three columns, and the first names went unread."""
    people = _people(20)
    _workbook(tmp_path / "register.xlsx", {"Тізім": [
        ["№", "Тұрғынның", None, "Туған", None], [None, "тегі", "аты", "күні", "жері"],
        *([k + 1, s, f, d, "Алматы қ."] for k, (s, f, d) in enumerate(people))]})
    found = _clusters(tmp_path, {"registry.csv": _registry(people),
                                 "register.xlsx": (tmp_path / "register.xlsx").read_bytes()})
    assert len([k for k in found if k[0] == "register"]) == 20
    for k in range(20):
        assert found[("register", str(k + 1))] == found[("registry", str(k + 1))]


def test_the_parties_of_a_nested_list_are_each_their_person(tmp_path: Path) -> None:
    """A civil-registry act: its parties as a list (тараптар: the child, the mother), each with a surname, a first
    name and a date of birth, and a surname after a later marriage. Every party's columns were read as one
    jumble of persons."""
    people = _people(24)
    acts = [{"record_id": k + 1, "тараптар": [
        {"тегі": a[0], "аты": a[1], "туған_күні": a[2]},
        {"тегі": b[0], "аты": b[1], "туған_күні": b[2], "некеден_кейінгі_тегі": "Сапарова"}]}
        for k, (a, b) in enumerate(zip(people[::2], people[1::2], strict=True))]
    found = _clusters(tmp_path, {"acts.json": json.dumps(acts, ensure_ascii=False), "registry.csv": _registry(people)})
    for k in range(12):
        assert found[("acts", str(k + 1))] == found[("registry", str(2 * k + 1))]
        assert found[("acts", f"{k + 1}#2")] == found[("registry", str(2 * k + 2))]
