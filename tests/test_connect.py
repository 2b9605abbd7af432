"""Sources, credentials, catalog and labels: what a data engineer registers and what ukimet keeps of it."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from typer.testing import CliRunner

from ukimet.cli.main import app
from ukimet.connect.catalog import columns_of, refresh_catalog, set_label
from ukimet.connect.connectors import open_connector
from ukimet.connect.credentials import resolve_password
from ukimet.connect.sources import SourceSpec, add_source, get_source, list_sources, set_titles
from ukimet.core.errors import SourceError
from ukimet.core.metadata import connect_metadata, sources
from ukimet.core.settings import Settings

runner = CliRunner()


@pytest.fixture
def home(tmp_path: Path) -> tuple[Settings, Engine]:
    config = Settings(home=tmp_path / "home", secrets_file=tmp_path / "secrets.toml")
    return config, connect_metadata(config)


def _sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE fl (id INTEGER PRIMARY KEY, iin TEXT, familiya TEXT, data_rozhd DATE)")
        db.executemany("INSERT INTO fl VALUES (?, ?, ?, ?)", [
            (1, "871008401427", "Нұрсұлтанов", "1987-10-08"), (2, "760212350620", "Әбішев", "1976-02-12")])
    return path


def test_a_url_with_a_password_is_refused_before_anything_is_stored(home) -> None:
    _, engine = home
    with pytest.raises(SourceError, match="--password-env"):
        add_source(engine, SourceSpec("reg", "postgres", "postgresql://reader:s3cret@127.0.0.1:5432/test"))
    assert list_sources(engine) == []


def test_passwords_are_referenced_never_stored(home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                postgres_url: str) -> None:
    import psycopg

    config, engine = home
    schema = f"ukimet_credentials_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
        db.execute(f"CREATE TABLE {schema}.probe (id int)")
    try:
        monkeypatch.setenv("REG_PASSWORD", "s3cret-from-env")
        add_source(engine, SourceSpec("reg", "postgres", postgres_url, schema, password_env="REG_PASSWORD"))
        config.resolved_secrets_file().write_text('tax = "s3cret-from-file"\n', encoding="utf-8")
        add_source(engine, SourceSpec("tax", "postgres", postgres_url, schema, password_secret="tax"))
        assert resolve_password("tax", None, "tax", config.resolved_secrets_file()) == "s3cret-from-file"
        assert "PostgreSQL" in open_connector(list_sources(engine)[0], config).test()
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as db:
            db.execute(f"DROP SCHEMA {schema} CASCADE")
    with engine.connect() as db:
        stored = repr(db.execute(select(sources)).all())
    assert "s3cret" not in stored and "REG_PASSWORD" in stored
    assert "s3cret" not in Path(str(engine.url.database)).read_bytes().decode("utf-8", "ignore")


def test_a_missing_password_names_where_it_was_expected(home, monkeypatch: pytest.MonkeyPatch) -> None:
    config, _ = home
    monkeypatch.delenv("NOPE_PASSWORD", raising=False)
    with pytest.raises(SourceError, match="export NOPE_PASSWORD"):
        resolve_password("reg", "NOPE_PASSWORD", None, config.resolved_secrets_file())
    with pytest.raises(SourceError, match="does not exist"):
        resolve_password("reg", None, "reg", config.resolved_secrets_file())


def test_a_users_label_survives_every_catalog_refresh(home, tmp_path: Path) -> None:
    config, engine = home
    spec = SourceSpec("reg", "sqlite", str(_sqlite(tmp_path / "reg.sqlite")))
    add_source(engine, spec)
    refresh_catalog(engine, spec, open_connector(spec, config))
    auto = {c.column: c for c in columns_of(engine, "reg")}
    assert (auto["iin"].semantic_type, auto["familiya"].semantic_type) == ("iin", "surname")
    assert auto["data_rozhd"].semantic_type == "birth_date" and auto["iin"].sensitivity == "personal"
    set_label(engine, "reg", "fl", "familiya", "analyst", semantic_type="full_name", sensitivity="special")
    for _ in range(2):
        refresh_catalog(engine, spec, open_connector(spec, config))
    kept = {c.column: c for c in columns_of(engine, "reg")}["familiya"]
    assert (kept.semantic_type, kept.sensitivity, kept.labelled_by) == ("full_name", "special", "user")
    with pytest.raises(SourceError, match="not a semantic type"):
        set_label(engine, "reg", "fl", "familiya", "analyst", semantic_type="nickname")


def test_a_source_is_named_in_each_language_and_a_language_without_a_name_borrows_another(
        home, tmp_path: Path) -> None:
    _, engine = home
    add_source(engine, SourceSpec("reg", "sqlite", str(_sqlite(tmp_path / "reg.sqlite")),
                                  titles={"ru": "Регистр населения"}))
    spec = get_source(engine, "reg")
    assert spec.title("ru") == spec.title("kk") == spec.title("en") == "Регистр населения"
    spec = set_titles(engine, "reg", {"kk": "Халық тізілімі", "en": "Population registry"})
    assert (spec.title("kk"), spec.title("ru"), spec.title("en")) == (
        "Халық тізілімі", "Регистр населения", "Population registry")
    assert set_titles(engine, "reg", {"ru": " ", "kk": ""}).titles == {"en": "Population registry"}
    with pytest.raises(SourceError, match="de is not a language the web app speaks"):
        set_titles(engine, "reg", {"de": "Bevölkerungsregister"})
    assert get_source(engine, "reg").titles == {"en": "Population registry"}  # the refused name changed nothing
    assert SourceSpec("plain", "sqlite", "x.sqlite").title("kk") is None


def test_a_catalogued_table_is_named_in_each_language_and_an_unknown_table_is_refused(home, tmp_path: Path) -> None:
    from ukimet.connect.table_titles import name_table, table_names, table_names_in

    config, engine = home
    spec = SourceSpec("reg", "sqlite", str(_sqlite(tmp_path / "reg.sqlite")))
    add_source(engine, spec)
    refresh_catalog(engine, spec, open_connector(spec, config))
    assert name_table(engine, "reg", "fl", {"ru": "Физические лица", "kk": "Жеке тұлғалар"}) == {
        "ru": "Физические лица", "kk": "Жеке тұлғалар"}
    assert table_names_in(engine, "en") == {("reg", "fl"): "Жеке тұлғалар"}  # borrowed, Kazakh first
    assert name_table(engine, "reg", "fl", {"kk": " "}) == {"ru": "Физические лица"}
    with pytest.raises(SourceError, match="not in the catalog"):
        name_table(engine, "reg", "nope", {"ru": "Нет"})
    with pytest.raises(SourceError, match="de is not a language the web app speaks"):
        name_table(engine, "reg", "fl", {"de": "Personen"})
    with pytest.raises(SourceError):
        name_table(engine, "unknown", "fl", {"ru": "Нет"})
    assert table_names(engine) == {("reg", "fl"): {"ru": "Физические лица"}}  # refusals changed nothing
    refresh_catalog(engine, spec, open_connector(spec, config))
    assert table_names(engine) == {("reg", "fl"): {"ru": "Физические лица"}}  # a catalogue refresh keeps names


def test_the_metadata_store_can_live_in_postgresql(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS ukimet_meta_test CASCADE")
        db.execute("CREATE SCHEMA ukimet_meta_test")
    try:
        url = postgres_url.replace("postgresql://", "postgresql+psycopg://")
        url += "?options=-csearch_path%3Dukimet_meta_test"
        engine = connect_metadata(Settings(metadata_url=url))
        with engine.connect() as db:
            tables = {r[0] for r in db.execute(text(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'ukimet_meta_test'"))}
        assert {"sources", "catalog_columns", "sync_runs", "lineage", "profiles"} <= tables
        engine.dispose()
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as db:
            db.execute("DROP SCHEMA IF EXISTS ukimet_meta_test CASCADE")


def test_the_command_line_from_source_add_to_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UKIMET_HOME", str(tmp_path / "home"))
    path = _sqlite(tmp_path / "reg.sqlite")
    steps = [
        ["source", "add", "reg", "--kind", "sqlite", "--path", str(path), "--title", "ru=Регистр населения"],
        ["source", "list"], ["source", "test", "reg"], ["catalog", "reg"],
        ["label", "reg", "fl", "familiya", "--type", "surname"],
        ["sync"], ["profile", "reg"], ["link"],
    ]
    outputs = []
    for step in steps:
        result = runner.invoke(app, step)
        assert result.exit_code == 0, (step, result.output)
        outputs.append(result.output)
    assert "1 tables, 2 rows" in outputs[0]
    assert "birth_date" in outputs[3]
    assert "hidden:" in outputs[6] and "Нұрсұлтанов" not in outputs[6]
    assert "2 person records" in outputs[7] and "2 persons" in outputs[7]
    again = runner.invoke(app, ["source", "add", "reg", "--kind", "sqlite", "--path", str(path)])
    assert again.exit_code == 2 and "remove it first" in again.output
    missing = runner.invoke(app, ["sync", "nope"])
    assert missing.exit_code == 2 and "known sources: reg" in missing.output
    assert "Регистр" in outputs[1]  # the list names it (the table may wrap the name)
    named = runner.invoke(app, ["source", "title", "reg", "kk=Халық тізілімі", "en=Population registry"])
    assert named.exit_code == 0 and "kk: Халық тізілімі; ru: Регистр населения" in named.output
    for wrong in (["source", "title", "reg", "de=Register"], ["source", "title", "reg", "Population registry"]):
        refused = runner.invoke(app, wrong)
        assert refused.exit_code == 2 and "is not a language the web app speaks" in refused.output
    table = runner.invoke(app, ["source", "title", "reg", "--table", "fl", "ru=Физические лица"])
    assert table.exit_code == 0 and "table reg.fl: ru: Физические лица" in table.output
    unknown = runner.invoke(app, ["source", "title", "reg", "--table", "nope", "ru=Нет"])
    assert unknown.exit_code == 2 and "not in the catalog" in unknown.output and "ukimet catalog reg" in unknown.output


def test_failing_server_calls_never_show_the_password(home, monkeypatch: pytest.MonkeyPatch,
                                                      postgres_url: str) -> None:
    from ukimet.connect.connectors.base import ColumnInfo, TableInfo

    config, _ = home
    monkeypatch.setenv("DOWN_PASSWORD", "p@ss w0rd!")
    down = SourceSpec("down", "postgres", "postgresql://reader@127.0.0.1:1/nowhere", password_env="DOWN_PASSWORD")
    with pytest.raises(SourceError) as caught:
        open_connector(down, config).test()
    assert "p@ss" not in str(caught.value) and "w0rd" not in str(caught.value)
    # a read that fails on the server (a table that is not there) reports without the connection string
    up = SourceSpec("up", "postgres", postgres_url, "public", password_env="DOWN_PASSWORD")
    missing = TableInfo("no_such_table_here", (ColumnInfo("id", "integer"),), None)
    with pytest.raises(SourceError) as caught:
        next(iter(open_connector(up, config).read(missing, 10)))
    assert "no_such_table_here" in str(caught.value)
    assert "p@ss" not in str(caught.value) and "w0rd" not in str(caught.value)


@pytest.mark.parametrize(("column", "values"), [
    ("вид_выплаты", ["пособие по инвалидности", "пособие по уходу за ребенком"]),
    ("Санаты", ["көп балалы отбасы", "мүгедектігі бар адам"]),
    ("benefit_kind", ["childcare", "disability allowance"]),
])
def test_a_column_whose_values_name_a_health_condition_is_special_category(column: str, values: list[str]) -> None:
    from ukimet.connect.classify import classify_column

    found = classify_column("agency", "payments", column, "varchar", values)
    assert found.sensitivity == "special" and "health condition" in found.evidence
    plain = classify_column("agency", "payments", column, "varchar", ["пособие по уходу за ребенком"])
    assert plain.sensitivity != "special"


@pytest.mark.parametrize("name", ["link", "Mart", "lookup", "evidence", "main", "information_schema", "PG_CATALOG"])
def test_a_source_may_not_take_a_name_the_store_or_the_engine_keeps_for_itself(name: str) -> None:
    """A source named link shared the linkage's schema: its sync overwrote link.entities, and `ukimet link` the
    agency's rows; information_schema failed every sync with the engine's words. Refused when added, naming why."""
    from ukimet.core.errors import SourceError

    with pytest.raises(SourceError) as refused:
        SourceSpec(name, "csv", "agency.csv").validate()
    assert refused.value.id == "source.reserved" and "link" in str(refused.value)


def test_every_schema_of_the_store_is_a_reserved_source_name() -> None:
    from ukimet.connect.sources import RESERVED_NAMES
    from ukimet.link.records import SCHEMA as LINK
    from ukimet.model.evidence import SCHEMA as EVIDENCE
    from ukimet.model.mart import SCHEMA as MART
    from ukimet.sync.store import LOOKUP_SCHEMA

    assert {LINK, EVIDENCE, MART, LOOKUP_SCHEMA} <= RESERVED_NAMES


def test_a_source_name_with_two_underscores_in_a_row_is_refused_so_no_two_sources_share_a_quarantine() -> None:
    """Source o15a's table b__c and source o15a__b's table c both quarantined into _quarantine.o15a__b__c: one
    table mixing two sources' rows (found by an outside check). A source name never holds "__" now."""
    from ukimet.core.errors import SourceError

    with pytest.raises(SourceError) as refused:
        SourceSpec("tax__2025", "csv", "agency.csv").validate()
    assert refused.value.id == "source.double_underscore" and "tax_2025" in str(refused.value)


@pytest.mark.parametrize(("years", "kind"), [
    (range(1970, 1996), "birth_date"),  # wives born over 25 years, all adults: dates of birth
    (range(1940, 2020), "birth_date"),  # decades of births
    (range(2012, 2026), "date"),        # recent years of events (visits, registrations)
])
def test_a_column_of_dates_under_a_code_is_read_as_births_by_their_spread_and_age(years: range, kind: str) -> None:
    from ukimet.connect.classify import classify_column

    values = [f"{year}-{(n % 12) + 1:02d}-{(n % 27) + 1:02d}" for n, year in enumerate(years)]
    assert classify_column("school", "pupils", "fld_07", "varchar", values).semantic_type == kind


@pytest.mark.parametrize(("column", "values", "kind"), [
    ("Patient", ["KASYMOV^NURLAN^ARMANULY", "POPOV^ALEKSANDR", "LI^ALEKSANDR^DMITREVICH", "AKHMETOV^MARAT"] * 5,
     "full_name"),  # HL7 names under a header nobody here knows
    ("DOB", ["12/15/1947", "09/21/1950", "03/05/1990", "01/30/2000", "11/11/1971"] * 4, "birth_date"),
    ("F05_ADR", ["ОСКЕМЕН КАБАНБАЙ БАТЫРА 4-45", "АЛМАТЫ ПУШКИНА 152", "ШЫМКЕНТ САТПАЕВА 214",
                 "АСТАНА ТАУЕЛСИЗДИК 105-171"] * 5, "address"),  # a town, a street and a number, no commas
    ("id_adr", [str(n) for n in range(100, 120)], "other"),  # the address's number, not an address
    ("bailiff", ["Ким О.В.", "Абенова Г.Т.", "Сейтжанов Б.К.", "Ахметов Н.С."] * 5, "official"),  # an official
    ("Врач", ["Ахметов Нурлан Серикович", "Ким Ольга Викторовна"] * 10, "official"),
    ("Нотариус", ["Оспанов Б.Е.", "Сейтова А.Б."] * 10, "official"),
    ("relationshipManager", ["Ahmetov Nurlan", "Kim Olga"] * 10, "official"),
    ("Год рождения", [str(y) for y in range(1950, 2005, 3)], "birth_date"),  # the year alone, the name says birth
    ("Год постройки", [str(y) for y in range(1950, 2005, 3)], "other"),  # a year of something else
    ("YOB", [str(y) for y in range(1950, 2005, 3)], "birth_date"),
    ("г.р.", [str(y) for y in range(1950, 2005, 3)], "birth_date"),
    ("ИИН регистратора", ["930419303016", "890904303022"] * 5, "official"),
    ("approved_by", ["Бухгалтер Мусин", "Директор Ахметов"] * 5, "official"),
    ("HR_NM", ["Ибрагимова А.К.", "Сейтова Б.Н."] * 5, "official"),  # a personnel officer's, HR as a word
    ("HR_PHN", ["87132163541", "+77753192919"] * 5, "other"),  # the personnel officer's phone, not the person's
    ("EMP_PHN", ["7051555189", "87132163541", "+7 (701) 555-10-20", "7471076547"] * 5, "phone"),  # ten digits
    ("CHRONIC", ["нет", "да"] * 10, "other"),  # hr inside a word is no personnel officer
    ("fld_9", ["Astana branch 2", "Алматы филиалы 3 бөлімі", "ШЫМКЕНТ ОТДЕЛ 4"] * 5, "other"),  # an office
    ("id_surname", ["Касымов", "Алиева", "Ахметов", "Ким"] * 5, "surname"),  # a prefix, not an id
    ("name", ["КАСЫМОВ, Дмитрий Касымович", "ALIEVA, Aruzhan Erlanovna"] * 10, "full_name"),
    ("Орган", ["ЗАГС Алматы", "ЗАГС Астана", "ЦОН Шымкент"] * 5, "text"),  # an office, no person's name
    ("лицо", ["Касымов Дмитрий, 1944 г.р.", "Алиева Аружан Ерлановна, 13.05.1943 г.р.",
              "Оспанов Сергей, ИИН 900923301034"] * 5, "full_name"),  # a name with its birth or IIN after it
    ("fio", ["ИВАНОВ Иван Иванович", "КИМ Ольга", "ИП Ахметов Нурлан"] * 5, "full_name"),
])
def test_columns_of_other_systems_are_read_from_their_values(column: str, values: list[str], kind: str) -> None:
    """Extracts written elsewhere: a hospital's HL7 names and American dates, a utility's bare addresses, an
    address table's number column, the name of the official who handled a record (a bailiff, a doctor, a notary,
    a bank's manager), which is no person the record is about and is left out of linkage, and a year of birth
    alone under a name that says birth."""
    from ukimet.connect.classify import OFFICIAL, classify_column

    found = classify_column("agency", "extract", column, "varchar", values)
    if kind == "official":  # read as the name it is, marked as an official's (left out beside the record's person)
        assert found.semantic_type in ("full_name", "iin") and OFFICIAL in found.evidence, found
    else:
        assert found.semantic_type == kind and OFFICIAL not in found.evidence, found


@pytest.mark.parametrize(("column", "meaning"), [
    ("recipient.name.last", "surname"), ("recipient.name.first", "first_name"), ("NAME_LAST", "surname"),
    ("name_given", "first_name"), ("name.middle", "patronymic"), ("holder.name.patronymic", "patronymic"),
    ("Last", "surname"), ("First", "first_name"), ("Middle", "patronymic"),  # a US form's fields, the part alone
    ("Ákesiniń aty", "patronymic"), ("Äkesınıñ aty", "patronymic"), ("Tegı", "surname"),  # 2018 and 2021 Latin
])
def test_a_name_part_named_apart_from_the_word_name_is_that_part(column: str, meaning: str) -> None:
    from ukimet.connect.classify import classify_column

    # a nested record's name.last holds surnames though the word name alone is a first name's header
    values = {"surname": ["TURSUNOVA", "Mamirova", "ZHAKUPOV", "Akhmetov", "Ivanova"],
              "first_name": ["ZULFIYA", "Ayjan", "BERIK", "Nurlan", "Elena"],
              "patronymic": ["ALIMZHANOVNA", "Islamovna", "SERIKOVICH", "Petrovich", "Ivanovna"]}[meaning] * 4
    assert classify_column("pensions", "awards", column, "varchar", values).semantic_type == meaning


def test_a_column_of_names_in_the_2018_kazakh_latin_is_read_as_names() -> None:
    """Ábdirahmanova, Nurmaǵambetov, Gúlmıra: letters with accents are letters; and Týǵan kúni heads births."""
    from ukimet.connect.classify import classify_column

    surnames = ["Nurmaǵambetov", "Ábdirahmanova", "Tóleýov", "Súleımenova", "Jumabaeva"] * 4
    assert classify_column("pf", "t", "Tegi", "varchar", surnames).semantic_type == "surname"
    births = ["17.02.1986", "27.07.1974", "03.03.1958", "31.08.1999", "03.10.1993"] * 4
    assert classify_column("pf", "t", "Týǵan kúni", "varchar", births).semantic_type == "birth_date"


def test_a_camel_case_header_is_read_word_by_word() -> None:
    """HL7's PID-8 AdministrativeSex is the sex; lastVisit says nothing of a surname."""
    from ukimet.connect.classify import _name_hits

    assert "sex" in _name_hits("PID-8 AdministrativeSex") and "phone" in _name_hits("PID-13 PhoneNumberHome")
    assert "surname" not in _name_hits("lastVisit")


def test_a_small_files_dates_of_birth_are_told_by_their_name_or_their_spread() -> None:
    """Five rows: dates decades apart under a code (F5) are births; years alone under Год рождения are; dates under
    Родился (born) are."""
    from ukimet.connect.classify import classify_column

    births = ["03.02.1981", "27.09.2004", "11.05.1999", "07.07.1955", "15.01.1970"]
    assert classify_column("x", "t", "F5", "varchar", births).semantic_type == "birth_date"
    assert classify_column("x", "t", "F9", "varchar", ["01.02.2024", "03.02.2024", "05.01.2024", "07.01.2024",
                                                       "11.01.2024"]).semantic_type == "date"  # events: this year
    assert classify_column("x", "t", "Год рождения", "varchar", ["1985", "1979"]).semantic_type == "birth_date"
    assert classify_column("x", "t", "Родился", "varchar",
                           ["12 мая 1985 г.", "1985 ж. 12 қазан"]).semantic_type == "birth_date"


def test_given_names_of_two_words_under_a_given_names_header_are_first_names() -> None:
    """A passport office's GIVEN NAMES holds a Korean's Ен Хи beside Нурлан: given names, not full names; a column
    called name holding surnames and given names is still a full name."""
    from ukimet.connect.classify import classify_column

    given = ["EN KHI", "EN SU", "NURLAN", "AIGUL", "DMITRII"]
    assert classify_column("p", "t", "GIVEN NAMES", "varchar", given).semantic_type == "first_name"
    assert classify_column("p", "t", "name", "varchar", ["КАСЫМОВ Дмитрий", "Ахметов Нурлан",
                                                         "Ким Ен Хи"]).semantic_type == "full_name"
