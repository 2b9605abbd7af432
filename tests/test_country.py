"""The synthetic country as a data engineer would check it: valid identifiers, realistic society, every
source loadable, legacy encodings real, ground truth complete and kept apart."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import itertools
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import COUNTRY_PERSONS, read_table, truth
from ukimet.core.ids import decode_iin, is_valid_bin
from ukimet.core.regions import regions
from ukimet.core.scripts import KAZAKH_ONLY_LETTERS
from ukimet.synth import Manifest
from ukimet.synth.agencies import AGENCIES

Country = tuple[Path, Manifest]


def test_it_builds_exactly_the_persons_asked_for_with_twelve_databases_and_three_exports(country: Country) -> None:
    out, manifest = country
    assert len(truth(out, "persons")) == COUNTRY_PERSONS == manifest.persons
    kinds = collections.Counter(s.written_to for s in manifest.sources)
    assert kinds["sqlite"] >= 12
    assert kinds["csv"] == 2 and kinds["xlsx"] == 1
    assert all(sum(s.tables.values()) > 0 for s in manifest.sources)


def test_every_agency_table_is_named_in_kazakh_russian_and_english_in_the_manifest(country: Country) -> None:
    _, manifest = country
    for source in manifest.sources:
        assert set(source.table_titles) == set(source.tables), source.code
        for table, titles in source.table_titles.items():
            assert set(titles) == {"kk", "ru", "en"} and all(t.strip() for t in titles.values()), (source.code, table)
            assert titles["kk"] != titles["en"] and titles["ru"] != titles["en"], (source.code, table)


def test_every_person_has_a_valid_distinct_iin_matching_birth_and_sex(country: Country) -> None:
    out, _ = country
    persons = truth(out, "persons")
    assert len({p["iin"] for p in persons}) == len(persons)
    for p in persons:
        info = decode_iin(str(p["iin"]))
        assert info is not None, p
        assert (info.birth_date, info.sex) == (p["birth_date"], p["sex"])


def test_every_company_has_a_valid_distinct_bin(country: Country) -> None:
    out, _ = country
    bins = [c["bin"] for c in truth(out, "companies")]
    assert bins and len(set(bins)) == len(bins)
    assert all(is_valid_bin(str(b)) for b in bins)


def test_regions_follow_the_official_population_weights(country: Country) -> None:
    out, _ = country
    counts = collections.Counter(p["region"] for p in truth(out, "persons"))
    total = sum(r.population for r in regions())
    for region in regions():
        expected = region.population / total
        observed = counts[region.code] / COUNTRY_PERSONS
        # people come in households (about three each), so the sampling error is larger than per person
        assert abs(observed - expected) < max(0.012, 0.2 * expected), (region.name_en, observed, expected)


def test_society_has_the_ethnic_mix_and_family_shapes_of_kazakhstan(country: Country) -> None:
    out, manifest = country
    persons = truth(out, "persons")
    ethnicity = collections.Counter(p["ethnicity"] for p in persons)
    assert 0.6 < ethnicity["kazakh"] / len(persons) < 0.8
    assert 0.08 < ethnicity["russian"] / len(persons) < 0.25
    assert all(ethnicity[e] > 0 for e in ("uzbek", "uyghur", "ukrainian", "tatar", "german", "korean"))
    children = collections.defaultdict(list)
    for p in persons:
        if p["mother_id"] is not None:
            children[p["mother_id"]].append(p)
    assert any(len(kids) >= 4 for kids in children.values()), "large families"
    twins = sum(1 for kids in children.values() for a, b in itertools.pairwise(kids)
                if a["birth_date"] == b["birth_date"])
    assert twins > 0
    by_id = {p["person_id"]: p for p in persons}
    half_siblings = sum(1 for kids in children.values() if len({k["father_id"] for k in kids}) > 1)
    assert half_siblings > 0, "remarriages"
    assert any(p["father_id"] is None and p["mother_id"] is not None for p in persons), "single mothers"
    three_generations = collections.defaultdict(set)
    for p in persons:
        three_generations[p["household_id"]].add(p["birth_date"].year // 25)
    assert any(len(eras) >= 3 for eras in three_generations.values())
    assert manifest.deceased > 0 and any(p["death_date"] for p in persons)
    assert by_id  # used above


def test_kazakh_names_are_as_agencies_really_record_them(country: Country) -> None:
    out, _ = country
    kazakhs = [p for p in truth(out, "persons") if p["ethnicity"] == "kazakh"]
    patronymics = [str(p["patronymic"]) for p in kazakhs if p["patronymic"]]
    assert any(s.endswith("ұлы") for s in patronymics) and any(s.endswith("қызы") for s in patronymics)
    assert any(s.endswith(("ович", "евич")) for s in patronymics) and any(s.endswith("овна") for s in patronymics)
    surnames = [str(p["surname"]) for p in kazakhs]
    assert any(s.endswith(("ов", "ев", "ин", "ова", "ева", "ина")) for s in surnames)
    assert any(s.endswith(("ұлы", "қызы")) for s in surnames), "surname from the father's name"
    assert any(not s.endswith(("ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "қызы")) for s in surnames)
    assert any(set(s) & set(KAZAKH_ONLY_LETTERS) for s in surnames)
    assert any(p["patronymic"] is None for p in kazakhs), "a -ұлы surname often stands without a patronymic"
    women = [p for p in truth(out, "persons") if p["maiden_surname"]]
    assert women and all(p["sex"] == "F" for p in women)


def test_every_sqlite_source_loads_with_the_rows_the_manifest_reports(country: Country) -> None:
    _out, manifest = country
    for report in manifest.sources:
        if report.written_to != "sqlite":
            continue
        db = sqlite3.connect(report.location)
        try:
            for table, rows in report.tables.items():
                assert db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == rows
        finally:
            db.close()


def test_the_kz1048_export_is_really_in_the_kazakh_code_page(country: Country) -> None:
    out, _ = country
    raw = (out / "exports" / "akimat_housing_queue.csv").read_bytes()
    try:
        raw.decode("utf-8")
        raise AssertionError("the KZ-1048 export must not be UTF-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("kz1048")
    assert text.startswith("Кезек_нөмірі;ЖСН;")
    assert set(text) & set(KAZAKH_ONLY_LETTERS)
    # read with the look-alike code page, Kazakh letters turn into others: Нұрсұлтан -> Нўрсўлтан
    # (і is the one Kazakh letter Windows-1251 shares, from Ukrainian)
    misread = raw.decode("cp1251")
    assert not set(misread) & set(KAZAKH_ONLY_LETTERS.replace("І", "").replace("і", ""))
    assert set(misread) & set("ўїєѕЈ")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert len(rows) - 1 == _rows(country, "akimat_housing_queue")


def test_the_windows_1251_export_has_russian_letters_in_place_of_kazakh_ones(country: Country) -> None:
    out, _ = country
    raw = (out / "exports" / "mvd_registrations.csv").read_bytes()
    text = raw.decode("cp1251")
    assert text.startswith("Номер;ИИН;ФИО;")
    assert not set(text) & set(KAZAKH_ONLY_LETTERS)
    kazakh_names_written = [line for line in text.splitlines()[1:] if "улы" in line or "кызы" in line or "ов" in line]
    assert kazakh_names_written
    assert len(text.splitlines()) - 1 == _rows(country, "mvd_registrations")


def test_the_excel_export_opens_with_real_dates(country: Country) -> None:
    out, _ = country
    book = load_workbook(out / "exports" / "mse_disability.xlsx", read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("№", "ИИН", "Фамилия")
    assert len(rows) - 1 == _rows(country, "mse_disability")
    assert isinstance(rows[1][5], dt.datetime | dt.date)


def _rows(country: Country, code: str) -> int:
    return next(sum(s.tables.values()) for s in country[1].sources if s.code == code)


def test_the_ground_truth_maps_every_record_of_a_person_to_that_person(country: Country) -> None:
    out, manifest = country
    persons = {p["person_id"]: p for p in truth(out, "persons")}
    subjects = {(r["source"], r["table"], r["record_key"]): r["person_id"]
                for r in truth(out, "records") if r["party"] == "subject" and r["person_id"] is not None}
    iin_faults = {f["record_key"] for f in truth(out, "faults")
                  if f["source"] == "gbdfl" and f["table"] == "fl_persons" and f["fault"].endswith("_iin")}
    registry = read_table(Path(next(s.location for s in manifest.sources if s.code == "gbdfl")), "fl_persons")
    assert len(registry) >= COUNTRY_PERSONS
    for row in registry:
        key = str(row["id_fl"])
        person = persons[subjects[("gbdfl", "fl_persons", key)]]
        assert row["data_rozhdeniya"] == person["birth_date"].isoformat()
        # the IIN on record is the person's own unless the truth logs a fault on it
        assert row["iin"] == person["iin"] or key in iin_faults


def test_no_agency_source_holds_ground_truth_identifiers(country: Country) -> None:
    _, _manifest = country
    truth_columns = {"person_id", "family_id", "household_id", "entity_id", "ethnicity"}
    for source, _ in AGENCIES:
        for table in source.tables:
            assert not truth_columns & {c.lower() for c in table.column_names}, (source.code, table.name)


def test_the_cases_later_apps_must_find_are_planted_and_visible_in_the_data(country: Country) -> None:
    out, manifest = country
    for kind in ("deceased_paid", "entitled_not_receiving", "unemployed_with_income", "crowded_dwelling"):
        assert manifest.planted.get(kind, 0) > 0, kind
    persons = {p["iin"]: p for p in truth(out, "persons")}
    db = sqlite3.connect(next(s.location for s in manifest.sources if s.code == "social_benefits"))
    paid_after_death = 0
    for planted in truth(out, "planted"):
        if planted["kind"] != "deceased_paid":
            continue
        death = persons[planted["subject"]]["death_date"]
        last_paid = db.execute(
            "SELECT max(в.период) FROM выплаты в JOIN назначения н ON н.ид = в.назначение_ид "
            "JOIN получатели п ON п.ид = н.получатель_ид WHERE п.иин = ? OR н.иин = ?",
            (planted["subject"], planted["subject"]),
        ).fetchone()[0]
        if last_paid and last_paid > f"{death:%Y%m}":
            paid_after_death += 1
    db.close()
    # nearly all: a record whose IIN was mistyped in both tables cannot be found by IIN
    assert paid_after_death >= 0.8 * manifest.planted["deceased_paid"]


def test_columns_carry_their_semantic_type_and_sensitivity_in_the_truth(country: Country) -> None:
    out, _ = country
    with (out / "truth" / "columns.csv").open(encoding="utf-8") as f:
        columns = list(csv.DictReader(f))
    types = collections.Counter(c["semantic_type"] for c in columns)
    for semantic in ("iin", "bin", "surname", "first_name", "patronymic", "full_name", "birth_date", "sex",
                     "phone", "email", "address", "region", "money", "date"):
        assert types[semantic] > 0, semantic
    assert {c["sensitivity"] for c in columns} == {"personal", "special", "public"}


def test_parents_are_older_than_their_children_and_linked_across_three_generations(country: Country) -> None:
    out, _ = country
    persons = {p["person_id"]: p for p in truth(out, "persons")}
    with_grandparents = 0
    for p in persons.values():
        for parent_id in (p["father_id"], p["mother_id"]):
            if parent_id is not None:
                parent = persons[parent_id]
                age_at_birth = (p["birth_date"] - parent["birth_date"]).days / 365.25
                assert 15 <= age_at_birth <= 60, (parent, p)
        father = persons.get(p["father_id"]) if p["father_id"] is not None else None
        with_grandparents += father is not None and father["father_id"] is not None
    assert with_grandparents > 100


def test_nobody_is_born_or_dies_after_the_day_the_country_is_observed(country: Country) -> None:
    out, manifest = country
    today = dt.date.fromisoformat(manifest.reference_date)
    persons = truth(out, "persons")
    assert max(p["birth_date"] for p in persons) < today
    deaths = [p for p in persons if p["death_date"] is not None]
    assert deaths and max(p["death_date"] for p in deaths) < today
    assert all(p["death_date"] >= p["birth_date"] for p in deaths)


def test_an_age_counts_whole_years_turning_on_the_birthday_itself() -> None:
    from ukimet.synth.model import Person

    def person(born: dt.date) -> Person:
        return Person(1, "", "M", born, "", "", None, "", "", 0, 0)

    ref = dt.date(2026, 1, 1)
    assert person(dt.date(2000, 1, 1)).age(ref) == 26
    assert person(dt.date(2000, 1, 2)).age(ref) == 25
    assert person(dt.date(2004, 2, 29)).age(dt.date(2024, 2, 28)) == 19
    assert person(dt.date(2004, 2, 29)).age(dt.date(2024, 2, 29)) == 20
    for born in (dt.date(1950, 1, 1) + dt.timedelta(days=d) for d in range(0, 25_000, 37)):
        on = born + dt.timedelta(days=(born.toordinal() * 7919) % 30_000)
        assert person(born).age(on) == on.year - born.year - ((on.month, on.day) < (born.month, born.day))
