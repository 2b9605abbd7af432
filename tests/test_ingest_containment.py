"""Ingestion contained (issue 15): a bad value, table or source fails alone, with one readable line, and nothing
the source holds is lost; against the real PostgreSQL and MariaDB on the machine."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from sqlalchemy import Engine, select

from ukimet.connect.connectors import open_connector
from ukimet.connect.connectors.base import REASON
from ukimet.connect.sources import SourceSpec, add_source, get_source
from ukimet.core.metadata import catalog_tables, connect_metadata, sync_runs
from ukimet.core.settings import Settings
from ukimet.sync.engine import Syncer
from ukimet.sync.store import open_store

PREFIX = "ukimet_contain"


@pytest.fixture
def home(tmp_path: Path) -> tuple[Settings, Engine]:
    config = Settings(home=tmp_path / "home")
    return config, connect_metadata(config)


@pytest.fixture
def pg_schema(postgres_url: str) -> Iterator[tuple[Any, str]]:
    import psycopg

    db = psycopg.connect(postgres_url, autocommit=True)
    schema = f"{PREFIX}_{uuid.uuid4().hex[:8]}"
    db.execute(f"CREATE SCHEMA {schema}")
    yield db, schema
    db.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    db.close()


@pytest.fixture
def maria(mysql_url: str) -> Iterator[tuple[Any, str, str]]:
    """A cursor on MariaDB (zero dates allowed, as an old agency server runs), a database of the test's own, and
    the source URL that reads it; the database is dropped afterwards."""
    from urllib.parse import urlsplit

    import pymysql

    database = f"{PREFIX}_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(mysql_url)
    db = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username or "root",
                         password=parts.password or "", autocommit=True)
    with db.cursor() as cur:
        cur.execute(f"CREATE DATABASE {database}")
        cur.execute("SET SESSION sql_mode = ''")
        yield cur, database, f"mysql://{parts.username}@{parts.hostname}:{parts.port}/{database}"
        cur.execute(f"DROP DATABASE IF EXISTS {database}")
    db.close()


def _rows(config: Settings, sql: str) -> list[tuple[Any, ...]]:
    with open_store(config.resolved_store_path(), read_only=True) as store:
        return store.execute(sql).fetchall()


def _statuses(engine: Engine) -> list[str]:
    with engine.connect() as db:
        return [r[0] for r in db.execute(select(sync_runs.c.status))]


def _fine_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "fine.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        db.execute("INSERT INTO t VALUES (1, 'a')")
    return path


@pytest.mark.postgres
def test_tables_named_like_staging_tables_are_synced_and_stay_in_the_store(home, pg_schema, postgres_url) -> None:
    config, engine = home
    db, schema = pg_schema
    for table in ("__raw_data", "__new_1_x", "__bad_2_y"):
        db.execute(f'CREATE TABLE {schema}."{table}" (id int PRIMARY KEY, v text)')
        db.execute(f"INSERT INTO {schema}.\"{table}\" VALUES (1, 'one'), (2, 'two')")
    add_source(engine, SourceSpec("odd", "postgres", postgres_url, schema))
    for _ in range(2):  # the second sync finds nothing new and must not take them away either
        result = Syncer(engine, config).sync(["odd"])[0]
        assert result.status == "done", result.error
        for table in ("__raw_data", "__new_1_x", "__bad_2_y"):
            assert _rows(config, f'SELECT count(*) FROM odd."{table}"') == [(2,)]


@pytest.mark.postgres
def test_a_connection_killed_mid_read_fails_its_source_alone_in_one_line_and_the_rest_syncs(
        home, pg_schema, postgres_url, tmp_path: Path) -> None:
    import psycopg

    config, engine = home
    config = config.model_copy(update={"sync_batch_rows": 500})
    db, schema = pg_schema
    db.execute(f"CREATE TABLE {schema}.big (id int PRIMARY KEY, v text)")
    db.execute(f"INSERT INTO {schema}.big SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g")
    add_source(engine, SourceSpec("cut", "postgres", postgres_url, schema))
    add_source(engine, SourceSpec("fine", "sqlite", str(_fine_sqlite(tmp_path))))
    killed: list[tuple[Any, ...]] = []

    def kill_the_reader(source: str, table: str, rows: int, expected: int | None) -> None:
        if source == "cut" and not killed:
            with psycopg.connect(postgres_url, autocommit=True) as admin:
                killed.extend(admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    "AND state = 'active' AND query ILIKE %s", (f"%{schema}%big%",)).fetchall())

    results = {r.source: r for r in Syncer(engine, config, kill_the_reader).sync()}
    assert killed, "the reading connection was not found to be killed"
    assert results["fine"].status == "done"
    assert results["cut"].status == "failed"
    error = results["cut"].error or ""
    assert "\n" not in error and "panicked" not in error and error
    assert sorted(_statuses(engine)) == ["done", "failed"]  # never left "running"
    assert _rows(config, "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'cut'") == [(0,)]


@pytest.mark.postgres
def test_postgres_types_the_store_cannot_hold_as_they_are_arrive_exact_as_text_or_their_nearest_type(
        home, pg_schema, postgres_url) -> None:
    config, engine = home
    db, schema = pg_schema
    db.execute(f"""CREATE TABLE {schema}.odd (id int PRIMARY KEY, span interval, paid money, doc xml, spot point,
        amount numeric, exact numeric(10,2), huge numeric(60,10), born date, seen timestamptz, tags text[],
        extra jsonb, token uuid, mood text)""")
    db.execute(f"""INSERT INTO {schema}.odd VALUES
        (1, '1 year 2 mons 3 days', '1234.56', '<a>b</a>', '(1,2)', 123456789012345678901234567890.123456789,
         12.34, 1234567890123456789012345678901234567890.0123456789, '1990-05-01', '2024-01-02 03:04:05+05',
         '{{a,b}}', '{{"k": 1}}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'ok'),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'infinity', '-infinity', NULL, NULL, NULL, 'ok')""")
    add_source(engine, SourceSpec("odd", "postgres", postgres_url, schema))
    result = Syncer(engine, config).sync(["odd"])[0]
    assert result.status == "done", result.error
    assert (result.tables[0].rows_read, result.tables[0].rows_written) == (2, 2)
    row = _rows(config, "SELECT span, paid, doc, spot, amount, exact, huge, born, typeof(born), typeof(seen), "
                        "typeof(exact), CAST(token AS VARCHAR) FROM odd.odd WHERE id = 1")[0]
    assert row[:4] == ("1 year 2 mons 3 days", "$1,234.56", "<a>b</a>", "(1,2)")
    assert row[4] == "123456789012345678901234567890.123456789"  # no precision: exact text, never a double
    assert row[5] == Decimal("12.34") and row[6] == "1234567890123456789012345678901234567890.0123456789"
    assert str(row[7]) == "1990-05-01" and row[8:10] == ("DATE", "TIMESTAMP WITH TIME ZONE")
    assert row[10].startswith("DECIMAL")
    assert row[11] == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
    assert _rows(config, "SELECT CAST(born AS VARCHAR) FROM odd.odd WHERE id = 2") == [("infinity",)]


@pytest.mark.postgres
def test_a_postgres_table_the_account_may_not_read_is_catalogued_as_unreadable_not_left_out(
        home, pg_schema, postgres_url: str) -> None:
    """information_schema lists only what the account may read: a table it may not select from was left out of the
    catalogue without a word (found by an outside check). Now it is there, unreadable, with the server's reason."""
    from urllib.parse import urlsplit, urlunsplit

    config, engine = home
    db, schema = pg_schema
    role = f"{schema}_reader"
    db.execute(f"CREATE TABLE {schema}.open_one (id int PRIMARY KEY, name text)")
    db.execute(f"CREATE TABLE {schema}.closed_one (id int PRIMARY KEY, secret text)")
    db.execute(f"INSERT INTO {schema}.open_one VALUES (1, 'a')")
    db.execute(f"CREATE ROLE {role} LOGIN")
    try:
        db.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        db.execute(f"GRANT SELECT ON {schema}.open_one TO {role}")
        parts = urlsplit(postgres_url)
        url = urlunsplit(parts._replace(netloc=f"{role}@{parts.hostname}:{parts.port or 5432}"))
        add_source(engine, SourceSpec("part", "postgres", url, schema))
        tables = {t.name: t for t in open_connector(get_source(engine, "part"), config).tables()}
        assert set(tables) == {"open_one", "closed_one"}
        assert "permission denied" in tables["closed_one"].options.get("error", ""), tables["closed_one"]
        result = Syncer(engine, config).sync(["part"])[0]
        by_name = {t.table: t for t in result.tables}
        assert by_name["open_one"].error is None and by_name["open_one"].rows_written == 1
        assert "permission denied" in (by_name["closed_one"].error or "")
    finally:
        db.execute(f"DROP OWNED BY {role}")
        db.execute(f"DROP ROLE IF EXISTS {role}")


@pytest.mark.postgres
def test_a_postgres_table_of_no_columns_fails_alone_in_words_not_a_driver_panic(home, pg_schema,
                                                                              postgres_url: str) -> None:
    config, engine = home
    db, schema = pg_schema
    db.execute(f"CREATE TABLE {schema}.hollow ()")
    db.execute(f"CREATE TABLE {schema}.full_one (id int PRIMARY KEY)")
    db.execute(f"INSERT INTO {schema}.full_one VALUES (1)")
    add_source(engine, SourceSpec("hollow", "postgres", postgres_url, schema))
    result = Syncer(engine, config).sync(["hollow"])[0]
    by_name = {t.table: t for t in result.tables}
    assert by_name["full_one"].rows_written == 1
    error = by_name["hollow"].error or ""
    assert "no columns" in error and "Panic" not in error, error


@pytest.mark.postgres
def test_a_postgres_database_that_declares_no_encoding_is_read_as_utf8_or_the_code_page_of_each_value(
        home, postgres_url: str) -> None:
    import psycopg

    config, engine = home
    name = f"{PREFIX}_ascii_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(postgres_url, autocommit=True)
    admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'")
    try:
        url = postgres_url.rsplit("/", 1)[0] + f"/{name}"
        with psycopg.connect(url, autocommit=True) as db:  # each program wrote its own bytes
            db.execute("SET client_encoding TO 'UTF8'")
            db.execute("CREATE TABLE клиенты (id int PRIMARY KEY, name text, city varchar(40), note xml)")
            db.execute("SET client_encoding TO 'SQL_ASCII'")  # the bytes as they are
            for i, (text, page) in enumerate([("Нұрсұлтан", "utf-8"), ("Иванов", "cp1251"), ("Plain", "utf-8")]):
                db.execute("INSERT INTO клиенты VALUES (%d, '".encode() % i
                           + text.encode(page) + b"', '" + "Алматы".encode(page) + b"', '<a/>')")
        add_source(engine, SourceSpec("ascii", "postgres", url, "public"))
        result = Syncer(engine, config).sync(["ascii"])[0]
        assert result.status == "done", result.error
        assert _rows(config, "SELECT id, name, city, note FROM ascii.клиенты ORDER BY id") == [
            (0, "Нұрсұлтан", "Алматы", "<a/>"), (1, "Иванов", "Алматы", "<a/>"), (2, "Plain", "Алматы", "<a/>")]
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


@pytest.mark.mysql
def test_mariadb_zero_dates_are_quarantined_with_their_reason_and_the_rest_of_the_table_loads(
        home, mysql_url: str) -> None:
    from urllib.parse import urlsplit

    import pymysql

    database = f"{PREFIX}_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(mysql_url)
    db = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username or "root", password="",
                         charset="utf8mb4", autocommit=True)
    with db.cursor() as cur:
        cur.execute("SET SESSION sql_mode = ''")  # as an old agency server runs: zero dates allowed
        cur.execute(f"CREATE DATABASE {database} CHARACTER SET utf8mb4")
        cur.execute(f"CREATE TABLE {database}.people (id INT PRIMARY KEY, born DATE, seen DATETIME, "
                    "income DECIMAL(65,30), flags BIT(3), kind ENUM('a','b'), grown YEAR, big BIGINT UNSIGNED)")
        cur.execute(f"INSERT INTO {database}.people VALUES (1, '1980-05-01', '2024-01-01 10:00:00', 1.5, b'101', "
                    "'a', 1999, 18446744073709551615), (2, '0000-00-00', '0000-00-00 00:00:00', 2, b'0', 'b', 2000, 1),"
                    " (3, '1980-00-00', NULL, 3, NULL, NULL, NULL, NULL)")
    try:
        config, engine = home
        add_source(engine, SourceSpec("tax", "mysql", f"mysql://{parts.username}@{parts.hostname}:{parts.port}/"
                                      f"{database}"))
        table = Syncer(engine, config).sync(["tax"])[0].tables[0]
        assert (table.rows_read, table.rows_written, table.rows_quarantined) == (3, 1, 2)
        assert _rows(config, "SELECT id, born, CAST(big AS VARCHAR), income FROM tax.people") == [
            (1, __import__("datetime").date(1980, 5, 1), "18446744073709551615",
             "1.500000000000000000000000000000")]
        reasons = dict(_rows(config, 'SELECT id, _reason FROM _quarantine."tax__people" ORDER BY id'))
        assert reasons["2"].startswith("born: 0000-00-00 is not a valid DATE")
        assert reasons["3"] == "born: 1980-00-00 is not a valid DATE"
    finally:
        with db.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {database}")
        db.close()


def test_sqlite_text_that_is_not_utf8_quarantines_its_row_with_the_bytes_kept(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "legacy.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO names VALUES (1, 'Әлия'), (2, CAST(? AS TEXT)), (3, 'Иван')",
                   ["Нұр".encode("kz1048")])
    add_source(engine, SourceSpec("legacy", "sqlite", str(path)))
    table = Syncer(engine, config).sync(["legacy"])[0].tables[0]
    assert (table.rows_read, table.rows_written, table.rows_quarantined) == (3, 2, 1)
    assert _rows(config, "SELECT id, name FROM legacy.names ORDER BY id") == [(1, "Әлия"), (3, "Иван")]
    assert _rows(config, 'SELECT id, name, _reason FROM _quarantine."legacy__names"') == [
        ("2", "Нұр".encode("kz1048").decode("utf-8", errors="backslashreplace"), "name: text is not valid UTF-8")]


def _ukimet(home: Path, *args: str) -> Any:
    """A command as the operator runs it, in its own process (no traceback may reach the terminal)."""
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "ukimet.cli.main", *args], capture_output=True, text=True,
                          env={**os.environ, "UKIMET_HOME": str(home), "COLUMNS": "200"}, timeout=300, check=False)


def test_a_utf16_tsv_is_read_by_its_byte_order_mark(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "people.tsv"
    path.write_bytes("ЖСН\tТегі\n871008401427\tНұрсұлтанов\n".encode("utf-16"))
    add_source(engine, SourceSpec("u16", "csv", str(path)))
    assert Syncer(engine, config).sync(["u16"])[0].status == "done"
    assert _rows(config, 'SELECT "ЖСН", "Тегі" FROM u16.people') == [("871008401427", "Нұрсұлтанов")]


@pytest.mark.parametrize(("content", "kind"), [(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG image"),
                                               (b"PK\x03\x04" + bytes(200), "a zip archive"),
                                               (b"", "it is empty"), (b"\xef\xbb\xbf\r\n", "it is empty")])
def test_a_binary_file_named_csv_is_refused_at_source_add_and_nothing_is_registered(
        tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    added = _ukimet(tmp_path / "home", "source", "add", "export", "--kind", "csv", "--path", str(path))
    said = added.stdout + added.stderr
    assert added.returncode != 0 and kind in said and "Traceback" not in said
    listed = _ukimet(tmp_path / "home", "source", "list")
    assert "export" not in listed.stdout


def test_malformed_rows_are_quarantined_with_their_line_and_the_rest_loads(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "clinic.csv"
    long_name = "Ә" * 200_000  # longer than Python's csv allows by default
    path.write_text("id,name,city\n1,Айгүл,Алматы\n2,Болат\n3,Сәуле,Астана,extra\n"
                    f"4,{long_name},Шымкент\n5,Дана,Тараз\n", encoding="utf-8")
    add_source(engine, SourceSpec("clinic", "csv", str(path)))
    table = Syncer(engine, config).sync(["clinic"])[0].tables[0]
    assert (table.rows_read, table.rows_written, table.rows_quarantined) == (5, 3, 2)
    assert _rows(config, "SELECT id, length(name) FROM clinic.clinic ORDER BY id") == [
        ("1", 5), ("4", 200_000), ("5", 4)]
    reasons = sorted(r[0] for r in _rows(config, 'SELECT _reason FROM _quarantine."clinic__clinic"'))
    assert reasons == ["line 3: 2 fields where the header has 3: 2,Болат",
                       "line 4: 4 fields where the header has 3: 3,Сәуле,Астана,extra"]


def test_a_quote_never_closed_quarantines_its_own_line_and_gives_back_the_rows_it_swallowed(
        home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "queue.csv"
    path.write_text('id,name,city\n1,Айгүл,Алматы\n2,"Болат,Астана\n3,Сәуле,Шымкент\n4,Дана,Тараз\n'
                    '5,"Ерлан, аға",Атырау\n6,"көп\nжолды",Орал\n', encoding="utf-8")
    add_source(engine, SourceSpec("queue", "csv", str(path)))
    table = Syncer(engine, config).sync(["queue"])[0].tables[0]
    assert (table.rows_written, table.rows_quarantined) == (5, 1)
    assert _rows(config, "SELECT id, name, city FROM queue.queue ORDER BY id") == [
        ("1", "Айгүл", "Алматы"), ("3", "Сәуле", "Шымкент"), ("4", "Дана", "Тараз"),
        ("5", "Ерлан, аға", "Атырау"), ("6", "көп\nжолды", "Орал")]  # a closed quote may hold a line break
    assert [r[0] for r in _rows(config, 'SELECT _reason FROM _quarantine."queue__queue"')] == [
        'line 3: a quote opened on this line is never closed: 2,"Болат,Астана']


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8", ","), ("cp1251", ";")])
def test_a_quote_never_closed_to_the_end_of_the_file_gives_back_every_line_it_swallowed(
        home, tmp_path: Path, encoding: str, delimiter: str) -> None:
    """With no quote after it, the reader took every later line into one field: row 3 held "never closed\\n4,d
    \\n5,e" and rows 4 and 5 were lost, with nothing quarantined (found by an outside check)."""
    config, engine = home
    path = tmp_path / "tail.csv"
    d = delimiter
    path.write_bytes(f'id{d}name\n1{d}Айгүл\n2{d}5" труба\n3{d}"never closed\n4{d}Дана\n5{d}Ерлан\n'
                     .encode(encoding if encoding != "cp1251" else "cp1251", errors="replace"))
    add_source(engine, SourceSpec("tail", "csv", str(path)))
    table = Syncer(engine, config).sync(["tail"])[0].tables[0]
    assert (table.rows_written, table.rows_quarantined) == (4, 1), table
    names = dict(_rows(config, "SELECT id, name FROM tail.tail"))
    assert sorted(names) == ["1", "2", "4", "5"] and names["2"] == '5" труба'  # a quote inside a field is a quote
    assert [r[0] for r in _rows(config, 'SELECT _reason FROM _quarantine."tail__tail"')] == [
        f'line 4: a quote opened on this line is never closed: 3{d}"never closed']


def test_a_file_whose_last_quote_closes_its_field_is_read_as_it_is(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "fine.csv"
    path.write_text('id,name\n1,"Ерлан, аға"\n2,"көп\nжолды"\n', encoding="utf-8")
    add_source(engine, SourceSpec("fine", "csv", str(path)))
    table = Syncer(engine, config).sync(["fine"])[0].tables[0]
    assert (table.rows_written, table.rows_quarantined) == (2, 0)


def test_a_utf8_file_with_lines_appended_in_a_code_page_reads_each_line_in_its_own(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "registry.csv"
    utf8 = "ИИН;Фамилия\n" + "".join(f"{i};Нұрсұлтанов\n" for i in range(60_000))  # beyond the sniffed sample
    path.write_bytes(utf8.encode("utf-8") + "60000;Пётр Иванов\n".encode("cp1251")
                     + "60001;Жұмабаев\n".encode())
    add_source(engine, SourceSpec("registry", "csv", str(path)))
    info = open_connector(get_source(engine, "registry"), config).tables()[0]
    assert info.options["converted"] == "1 line in a Cyrillic code page"
    assert Syncer(engine, config).sync(["registry"])[0].status == "done"
    assert _rows(config, "SELECT count(*), count(DISTINCT Фамилия) FROM registry.registry") == [(60_002, 3)]
    assert _rows(config, "SELECT Фамилия FROM registry.registry WHERE ИИН IN ('60000', '60001') ORDER BY 1") == [
        ("Жұмабаев",), ("Пётр Иванов",)]
    mixed = tmp_path / "mixed.csv"  # both kinds of line within the first lines: the page is named
    mixed.write_bytes("ИИН;Фамилия\n".encode("cp1251") + "1;Әлиев\n".encode() + "2;Сидоров\n".encode("cp1251"))
    add_source(engine, SourceSpec("mixed", "csv", str(mixed)))
    assert open_connector(get_source(engine, "mixed"), config).tables()[0].options["converted"] == "2 lines in cp1251"
    assert Syncer(engine, config).sync(["mixed"])[0].status == "done"
    assert _rows(config, "SELECT ИИН, Фамилия FROM mixed.mixed ORDER BY 1") == [("1", "Әлиев"), ("2", "Сидоров")]


def test_a_table_wider_than_the_catalog_database_allows_is_stored_with_its_quarantine(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "survey.csv"  # SQLite, the lake's catalog, holds at most 2,000 columns in a table
    width = 2_500
    path.write_text(",".join(f"q{i}" for i in range(width)) + "\n" + ",".join(str(i) for i in range(width)) + "\n"
                    + "1,2,3\n", encoding="utf-8")
    add_source(engine, SourceSpec("survey", "csv", str(path)))
    table = Syncer(engine, config).sync(["survey"])[0].tables[0]
    assert (table.rows_written, table.rows_quarantined) == (1, 1)
    assert _rows(config, "SELECT q0, q2499 FROM survey.survey") == [("0", "2499")]
    assert len(_rows(config, 'SELECT * FROM _quarantine."survey__survey"')) == 1


def test_duplicate_header_names_are_made_unique_and_the_catalogue_names_the_real_columns(
        home, tmp_path: Path) -> None:
    from ukimet.connect.catalog import columns_of

    config, engine = home
    path = tmp_path / "dup.csv"
    path.write_text("ИИН,Name,name,ИИН\n871008401427,Айгүл,Aigul,871008401427\n", encoding="utf-8")
    add_source(engine, SourceSpec("dup", "csv", str(path)))
    assert Syncer(engine, config).sync(["dup"])[0].status == "done"
    stored = [r[0] for r in _rows(config, "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'dup'")]
    assert stored == ["ИИН", "Name", "name_2", "ИИН_2"]
    assert [c.column for c in columns_of(engine, "dup")] == stored
    assert _rows(config, "SELECT * FROM dup.dup") == [("871008401427", "Айгүл", "Aigul", "871008401427")]


def test_a_folder_loads_its_good_files_and_reports_each_bad_one(home, tmp_path: Path) -> None:
    config, engine = home
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "good.csv").write_text("id,name\n1,Айгүл\n2,Болат\n", encoding="utf-8")
    (folder / "picture.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    add_source(engine, SourceSpec("folder", "csv", str(folder)))
    result = Syncer(engine, config).sync(["folder"])[0]
    assert result.status == "failed"
    assert "1 of 2 tables" in (result.error or "") and "picture" in (result.error or "")
    assert "a PNG image" in (result.error or "") and "\n" not in (result.error or "")
    assert _rows(config, "SELECT count(*) FROM folder.good") == [(2,)]


def test_a_truncated_parquet_file_is_refused_at_source_add(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    whole = tmp_path / "whole.parquet"
    pq.write_table(pa.table({"id": list(range(1000))}), whole)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(whole.read_bytes()[:300])
    added = _ukimet(tmp_path / "home", "source", "add", "cut", "--kind", "parquet", "--path", str(cut))
    said = added.stdout + added.stderr
    assert added.returncode != 0 and "cannot be read" in said and "Traceback" not in said


@pytest.mark.postgres
def test_names_that_differ_only_by_case_are_kept_apart_and_the_catalogue_names_the_store(
        home, pg_schema, postgres_url) -> None:
    from ukimet.connect.catalog import columns_of

    config, engine = home
    db, schema = pg_schema
    db.execute(f'CREATE TABLE {schema}."People" (id int PRIMARY KEY, "Name" text, name text)')
    db.execute(f"""INSERT INTO {schema}."People" VALUES (1, 'Айгүл', 'aigul')""")
    db.execute(f"CREATE TABLE {schema}.people (id int PRIMARY KEY, updated_at timestamp)")
    db.execute(f"INSERT INTO {schema}.people VALUES (1, '2024-01-01'), (2, '2024-01-02')")
    add_source(engine, SourceSpec("cased", "postgres", postgres_url, schema))
    for _ in range(2):  # and again, incrementally, by the renamed table's watermark
        result = Syncer(engine, config).sync(["cased"])[0]
        assert result.status == "done", result.error
    assert _rows(config, 'SELECT id, "Name", name_2 FROM cased."People"') == [(1, "Айгүл", "aigul")]
    assert _rows(config, "SELECT count(*) FROM cased.people_2") == [(2,)]
    catalogued = {(c.table, c.column) for c in columns_of(engine, "cased")}
    assert {("People", "Name"), ("People", "name_2"), ("people_2", "updated_at")} <= catalogued


@pytest.mark.postgres
def test_a_table_keeps_its_store_name_when_the_table_it_was_told_apart_from_is_dropped(
        home, pg_schema, postgres_url) -> None:
    """people, stored as people_2 beside "People", stays people_2 (its name in the source kept in the catalogue):
    it neither takes the name that holds "People"'s data nor fails. A table new to the source whose name folds onto
    that leftover table fails alone, overwriting nothing."""
    config, engine = home
    db, schema = pg_schema
    db.execute(f'CREATE TABLE {schema}."People" (id int PRIMARY KEY, who text)')
    db.execute(f"""INSERT INTO {schema}."People" VALUES (1, 'Айгүл'), (2, 'Болат')""")
    db.execute(f"CREATE TABLE {schema}.people (id int PRIMARY KEY, who text)")
    db.execute(f"INSERT INTO {schema}.people VALUES (7, 'Сәуле')")
    add_source(engine, SourceSpec("folded", "postgres", postgres_url, schema))
    assert Syncer(engine, config).sync(["folded"])[0].status == "done"
    db.execute(f'DROP TABLE {schema}."People"')
    db.execute(f"INSERT INTO {schema}.people VALUES (8, 'Ерлан')")
    result = Syncer(engine, config).sync(["folded"])[0]
    assert result.status == "done" and not [t for t in result.tables if t.error]
    assert _rows(config, "SELECT id, who FROM folded.people_2 ORDER BY id") == [(7, "Сәуле"), (8, "Ерлан")]
    assert _rows(config, 'SELECT id, who FROM folded."People" ORDER BY id') == [(1, "Айгүл"), (2, "Болат")]
    with engine.connect() as meta:
        assert meta.execute(select(catalog_tables.c.table_name, catalog_tables.c.source_table)
                            .where(catalog_tables.c.source == "folded")).all() == [("people_2", "people")]
    db.execute(f'CREATE TABLE {schema}."PEOPLE" (id int PRIMARY KEY, who text)')
    db.execute(f"""INSERT INTO {schema}."PEOPLE" VALUES (9, 'Данияр')""")
    result = Syncer(engine, config).sync(["folded"])[0]
    failed = {t.table: t.error for t in result.tables if t.error}
    assert set(failed) == {"PEOPLE"} and "People" in (failed["PEOPLE"] or "")
    assert _rows(config, 'SELECT id, who FROM folded."People" ORDER BY id') == [(1, "Айгүл"), (2, "Болат")]
    assert _rows(config, "SELECT id, who FROM folded.people_2 ORDER BY id") == [(7, "Сәуле"), (8, "Ерлан")]


@pytest.mark.postgres
def test_a_column_retyped_in_an_incremental_table_is_drift_and_the_store_follows_the_source(
        home, pg_schema, postgres_url) -> None:
    config, engine = home
    db, schema = pg_schema
    db.execute(f"CREATE TABLE {schema}.pay (id int PRIMARY KEY, amount text, updated_at timestamp)")
    db.execute(f"INSERT INTO {schema}.pay VALUES (1, '100', '2024-01-01'), (2, '200', '2024-01-02')")
    add_source(engine, SourceSpec("pay", "postgres", postgres_url, schema))
    assert Syncer(engine, config).sync(["pay"])[0].status == "done"
    assert Syncer(engine, config).sync(["pay"])[0].tables[0].mode == "incremental"
    db.execute(f"ALTER TABLE {schema}.pay ALTER COLUMN amount TYPE bigint USING amount::bigint")  # no row touched
    table = Syncer(engine, config).sync(["pay"])[0].tables[0]
    assert table.mode == "full" and "amount" in table.drift["retyped"]
    assert _rows(config, "SELECT typeof(amount), sum(amount) FROM pay.pay GROUP BY 1") == [("BIGINT", 300)]


def test_link_files_tells_repeated_record_ids_apart_with_a_warning_and_takes_fields_of_any_length(
        tmp_path: Path) -> None:
    path = tmp_path / "clinic.csv"
    path.write_text("record_id,surname,first_name,birth_date\n"
                    f"1,{'А' * 1_000_000},Айгүл,1990-01-01\n2,Ахметова,Айгүл,1990-01-01\n"
                    "2,Сейітова,Дана,1985-03-04\n3,Ахметова,Айгуль,1990-01-01\n", encoding="utf-8")
    done = _ukimet(tmp_path / "home", "link", str(path), "--out", str(tmp_path / "clusters.csv"))
    said = done.stdout + done.stderr
    assert done.returncode == 0 and "Traceback" not in said
    assert "record ids used by more than one row: 2" in said
    import csv

    with (tmp_path / "clusters.csv").open(encoding="utf-8") as f:
        ids = [row["record_id"] for row in csv.DictReader(f)]
    assert ids == ["1", "2", "2#2", "3"]


def test_what_a_native_driver_prints_goes_to_the_log_and_python_still_reaches_the_terminal(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    import os
    import sys

    from ukimet.core.native_log import native_output_to

    log = tmp_path / "logs" / "sync.log"
    with native_output_to(log):
        os.write(2, b"thread '<unnamed>' panicked at src/postgres.rs:12: connection closed\n   0: backtrace\n")
        print("syncing reg.persons", file=sys.stderr)
    said = capfd.readouterr().err
    assert "syncing reg.persons" in said and "panicked" not in said
    assert "panicked at src/postgres.rs" in log.read_text()
    with native_output_to(tmp_path / "logs" / "quiet.log"):
        pass
    assert not (tmp_path / "logs" / "quiet.log").exists()  # nothing said, nothing kept


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB file system of its own (tmpfs; needs root, as CI runs): the home on it fills up."""
    import os
    import subprocess

    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)],
                                           capture_output=True, check=False).returncode != 0:
        pytest.skip("a small file system needs root and mount (tmpfs): not available here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_fails_the_sync_with_its_cause_in_one_line_and_the_previous_snapshot_stays(
        small_disk: Path, tmp_path: Path) -> None:
    import random

    home = small_disk / "home"
    small = tmp_path / "small.csv"
    small.write_text("id,name\n1,Айгүл\n2,Болат\n", encoding="utf-8")
    assert _ukimet(home, "source", "add", "people", "--kind", "csv", "--path", str(small)).returncode == 0
    assert _ukimet(home, "sync", "people").returncode == 0
    rng = random.Random(7)
    with small.open("w", encoding="utf-8") as f:  # the agency's next export: far larger than the disk left
        f.write("id,name\n")
        for n in range(1_500_000):
            f.write(f"{n},{''.join(rng.choice('абвгдеёжзийклмнопрстуфхцчшщ') for _ in range(12))}\n")
    synced = _ukimet(home, "sync", "people")
    said = synced.stdout + synced.stderr
    assert synced.returncode != 0 and "Traceback" not in said, said[-3000:]
    assert "No space left on device" in said or "disk is full" in said, said[-2000:]
    assert "free space on that disk" in said, said[-2000:]  # the cause, and what to do
    config = Settings(home=home)
    assert "running" not in _statuses(connect_metadata(config))
    assert _rows(config, "SELECT count(*) FROM people.small") == [(2,)]


def test_a_sqlite_view_that_fails_and_a_quoted_table_name_fail_or_load_alone_and_the_rest_syncs(
        home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "registry.sqlite"
    with sqlite3.connect(path) as db:
        db.execute('CREATE TABLE "x""y" (id INTEGER PRIMARY KEY, name TEXT)')
        db.execute("INSERT INTO \"x\"\"y\" VALUES (1, 'Айгүл')")
        db.execute("CREATE TABLE gone (id INTEGER)")
        db.execute("CREATE VIEW broken AS SELECT id FROM gone")
        db.execute("DROP TABLE gone")
    added = _ukimet(config.home, "source", "add", "reg", "--kind", "sqlite", "--path", str(path))
    said = added.stdout + added.stderr
    assert added.returncode == 0 and "Traceback" not in said, said
    assert "broken cannot be read" in said
    result = Syncer(engine, config).sync(["reg"])[0]
    assert result.status == "failed" and "1 of 2 tables" in (result.error or "") and "broken" in (result.error or "")
    assert _rows(config, 'SELECT name FROM reg."x""y"') == [("Айгүл",)]


def test_a_damaged_sqlite_file_is_refused_at_source_add_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        db.executemany("INSERT INTO t VALUES (?, ?)", [(n, "ә" * 500) for n in range(2000)])
    data = bytearray(path.read_bytes())
    data[4096:] = bytes(random.Random(3).getrandbits(8) for _ in range(len(data) - 4096))  # header page kept
    path.write_bytes(bytes(data))
    added = _ukimet(tmp_path / "home", "source", "add", "damaged", "--kind", "sqlite", "--path", str(path))
    said = added.stdout + added.stderr
    assert added.returncode == 2 and "Traceback" not in said and "malformed" in said, said
    assert "damaged" not in _ukimet(tmp_path / "home", "source", "list").stdout


@pytest.mark.postgres
def test_a_postgres_view_that_raises_fails_alone_and_a_table_dropped_after_add_is_reported_gone(
        home, pg_schema, postgres_url: str) -> None:
    config, engine = home
    db, schema = pg_schema
    db.execute(f"CREATE TABLE {schema}.people (id int PRIMARY KEY, name text)")
    db.execute(f"INSERT INTO {schema}.people VALUES (1, 'Айгүл')")
    db.execute(f"CREATE TABLE {schema}.doomed (id int)")
    db.execute(f"CREATE FUNCTION {schema}.boom() RETURNS int LANGUAGE plpgsql AS "
               "$$ BEGIN RAISE EXCEPTION 'агентство: доступ закрыт'; END $$")
    db.execute(f"CREATE VIEW {schema}.closed AS SELECT {schema}.boom() AS x")
    add_source(engine, SourceSpec("agency", "postgres", postgres_url, schema))
    from ukimet.connect.catalog import refresh_catalog
    from ukimet.connect.connectors import open_connector

    catalogued = refresh_catalog(engine, get_source(engine, "agency"), open_connector(
        get_source(engine, "agency"), config))
    assert [t.name for t in catalogued if t.options.get("error")] == ["closed"]
    db.execute(f"DROP TABLE {schema}.doomed")
    result = Syncer(engine, config).sync(["agency"])[0]
    assert result.status == "failed" and "closed" in (result.error or "") and "доступ закрыт" in (result.error or "")
    assert result.gone == ["doomed"]
    assert _rows(config, "SELECT name FROM agency.people") == [("Айгүл",)]


def test_a_stray_nul_byte_quarantines_its_row_and_a_header_ending_in_the_delimiter_is_a_header(
        home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "payments.csv"
    lines = ["ИИН;Фамилия;Сумма;"] + [f"88010130012{n};Иванов{n};{n},50;" for n in range(10)]
    lines[4] = lines[4].replace("Иванов", "Ива\x00нов")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    add_source(engine, SourceSpec("pay", "csv", str(path)))
    table = Syncer(engine, config).sync(["pay"])[0].tables[0]
    assert (table.rows_read, table.rows_written, table.rows_quarantined) == (10, 9, 1)
    assert _rows(config, 'SELECT "Фамилия", "_reason" FROM _quarantine."pay__payments"') == [
        ("Ива\\0нов3", "the row holds a NUL byte (shown as \\0)")]
    assert _rows(config, 'SELECT "ИИН", "Сумма", column_4 FROM pay.payments ORDER BY 1 LIMIT 1') == [
        ("880101300120", "0,50", None)]


def test_a_parquet_decimal_of_more_than_38_digits_arrives_digit_for_digit_as_text(home, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    config, engine = home
    big = Decimal("123456789012345678901234567890123456789012345678901.123456789")
    pq.write_table(pa.table({"id": [1, 2], "amount": pa.array([big, None], pa.decimal256(60, 9))}),
                   tmp_path / "ledger.parquet")
    add_source(engine, SourceSpec("ledger", "parquet", str(tmp_path / "ledger.parquet")))
    assert Syncer(engine, config).sync(["ledger"])[0].status == "done"
    assert _rows(config, "SELECT amount FROM ledger.ledger ORDER BY id") == [(str(big),), (None,)]


def test_an_empty_sheet_is_no_table_and_the_workbooks_other_sheets_load(home, tmp_path: Path) -> None:
    from openpyxl import Workbook

    config, engine = home
    book = Workbook()
    book.create_sheet("Пусто", 0)
    book.remove(book.worksheets[1])  # the workbook's own first sheet
    data = book.create_sheet("Data")
    data.append(["ИИН", "Тегі"])
    data.append(["871008401427", "Сейітова"])
    book.save(tmp_path / "book.xlsx")
    add_source(engine, SourceSpec("book", "excel", str(tmp_path / "book.xlsx")))
    result = Syncer(engine, config).sync(["book"])[0]
    assert result.status == "done" and [t.table for t in result.tables] == ["Data"]
    assert _rows(config, 'SELECT "Тегі" FROM book."Data"') == [("Сейітова",)]


@pytest.mark.mysql
def test_mariadb_spatial_columns_arrive_as_their_text(home, mysql_url: str) -> None:
    from urllib.parse import urlsplit

    import pymysql

    config, engine = home
    database = f"{PREFIX}_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(mysql_url)
    db = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username or "root",
                         password=parts.password or "", autocommit=True)
    try:
        with db.cursor() as cur:
            cur.execute(f"CREATE DATABASE {database}")
            cur.execute(f"CREATE TABLE {database}.places (id INT PRIMARY KEY, spot POINT, area POLYGON)")
            cur.execute(f"INSERT INTO {database}.places VALUES (1, ST_GeomFromText('POINT(76.9 43.2)'), "
                        "ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))')), (2, NULL, NULL)")
        add_source(engine, SourceSpec("geo", "mysql", f"mysql://{parts.username}@{parts.hostname}:{parts.port}/"
                                      f"{database}"))
        result = Syncer(engine, config).sync(["geo"])[0]
        assert result.status == "done", result.error
        assert _rows(config, "SELECT id, spot, area FROM geo.places ORDER BY id") == [
            (1, "POINT(76.9 43.2)", "POLYGON((0 0,1 0,1 1,0 0))"), (2, None, None)]
    finally:
        with db.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {database}")
        db.close()


@pytest.mark.mysql
def test_mariadb_bytes_and_bits_arrive_whole_as_hexadecimal_and_binary_digits(home, maria) -> None:
    """Read as CHAR, a byte that is not UTF-8 became "?" with no quarantine (found by an outside check)."""
    config, engine = home
    cur, database, url = maria
    cur.execute(f"CREATE TABLE {database}.blobs (id INT PRIMARY KEY, flags BIT(8), one BIT(1), raw BLOB, "
                "code VARBINARY(8), fixed BINARY(2))")
    cur.execute(f"INSERT INTO {database}.blobs VALUES (1, b'10100101', b'1', x'00ff', x'ff00', x'0a0b'), "
                "(2, NULL, NULL, NULL, NULL, NULL)")
    add_source(engine, SourceSpec("bin", "mysql", url))
    result = Syncer(engine, config).sync(["bin"])[0]
    assert result.status == "done", result.error
    assert _rows(config, "SELECT id, flags, one, raw, code, fixed FROM bin.blobs ORDER BY id") == [
        (1, "10100101", "1", "\\x00ff", "\\xff00", "\\x0a0b"), (2, None, None, None, None, None)]


@pytest.mark.mysql
def test_a_row_whose_updated_at_is_a_zero_date_is_read_by_every_incremental_sync_and_quarantined(
        home, maria) -> None:
    """A zero date sorts before every watermark: the row was never read, stored or quarantined until a full sync."""
    config, engine = home
    cur, database, url = maria
    cur.execute(f"CREATE TABLE {database}.events (id INT PRIMARY KEY, note TEXT, updated_at DATETIME)")
    cur.execute(f"INSERT INTO {database}.events VALUES (1, 'a', '2025-01-01 10:00:00')")
    add_source(engine, SourceSpec("ev", "mysql", url))
    assert Syncer(engine, config).sync(["ev"])[0].status == "done"
    cur.execute(f"INSERT INTO {database}.events VALUES (2, 'b', '2025-02-01 10:00:00'), "
                "(3, 'c', '0000-00-00 00:00:00')")
    table = Syncer(engine, config).sync(["ev"])[0].tables[0]
    assert table.mode == "incremental" and table.rows_quarantined == 1, table
    assert _rows(config, "SELECT id FROM ev.events ORDER BY id") == [(1,), (2,)]
    assert _rows(config, 'SELECT id FROM _quarantine."ev__events"') == [("3",)]


def test_a_table_that_runs_out_of_memory_fails_alone_and_says_which_setting_to_change(home, tmp_path: Path) -> None:
    config, engine = home
    folder = tmp_path / "files"
    folder.mkdir()
    for name in ("huge", "small"):
        (folder / f"{name}.csv").write_text("id,v\n" + "".join(f"{i},x{i}\n" for i in range(50)), encoding="utf-8")
    add_source(engine, SourceSpec("agency", "csv", str(folder)))
    add_source(engine, SourceSpec("fine", "sqlite", str(_fine_sqlite(tmp_path))))

    def exhausted(source: str, table: str, rows: int, expected: int | None) -> None:
        if table == "huge":
            raise MemoryError  # what Python raises when the process can get no more memory

    results = {r.source: r for r in Syncer(engine, config, exhausted).sync()}
    assert results["fine"].status == "done"
    assert results["agency"].status == "failed"
    said = results["agency"].error or ""
    assert "\n" not in said
    assert "table huge of source agency" in said and "work_memory_limit setting (5GB)" in said and "MemoryError" in said
    assert "small" not in said  # the other table of the source was published
    assert _rows(config, "SELECT count(*) FROM agency.small") == [(50,)]
    assert sorted(_statuses(engine)) == ["done", "failed"]


def test_running_out_of_memory_is_known_in_every_form_duckdb_gives_it() -> None:
    from ukimet.sync.staging import out_of_memory

    assert out_of_memory(MemoryError())
    assert out_of_memory(duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block of size 256.0 KiB"))
    # a commit that cannot write its data says it inside another error
    assert out_of_memory(duckdb.TransactionException(
        "TransactionContext Error: Failed to commit: Out of Memory Error: failed to allocate data of size 1.5 MiB"))
    try:
        try:
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")
        except duckdb.Error as inner:
            raise RuntimeError("publish failed") from inner
    except RuntimeError as outer:
        assert out_of_memory(outer)
    assert not out_of_memory(duckdb.ConversionException("Could not convert string 'x' to INT32"))


def test_ctrl_c_during_a_query_is_the_operators_stop_not_a_failure() -> None:
    # DuckDB turns Ctrl-C inside a query into RuntimeError('Query interrupted') and the KeyboardInterrupt is
    # lost: a sync must still record the run as interrupted (resumable), not failed
    import faulthandler
    import os
    import signal
    import threading

    import duckdb

    from ukimet.sync.engine import stopped_by_operator

    con, tracing = duckdb.connect(), faulthandler.is_enabled()
    faulthandler.disable()
    try:
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()  # the query runs for seconds
        with pytest.raises(BaseException) as caught:  # (under pytest DuckDB may notice the stop only at its end)
            con.execute("SELECT count(*) FROM range(1000000000) t(x) WHERE x % 7 = 3").fetchall()
    finally:
        con.close()
        if tracing:
            faulthandler.enable()
    assert not isinstance(caught.value, KeyboardInterrupt)  # DuckDB's own form of the stop, as a sync meets it
    assert stopped_by_operator(caught.value)
    assert stopped_by_operator(KeyboardInterrupt()) and stopped_by_operator(duckdb.InterruptException("x"))
    assert stopped_by_operator(duckdb.Error("KeyboardInterrupt: <EMPTY MESSAGE>"))  # from a scanned reader
    assert not stopped_by_operator(RuntimeError("Query interrupted by the source's timeout"))
    assert not stopped_by_operator(duckdb.IOException("disk full")) and not stopped_by_operator(ValueError())


def test_store_names_are_kept_from_the_catalogue_and_new_tables_take_none_that_is_held() -> None:
    from ukimet.connect.connectors.base import ColumnInfo, TableInfo, keep_store_names

    def table(name: str, source: str | None = None) -> TableInfo:
        return TableInfo(name, (ColumnInfo("id", "BIGINT", False),), 1,
                         options={"source_table": source} if source else {})

    previous = {"People": "People", "people": "people_2", "orders": "orders"}
    named = keep_store_names([table("people"), table("ORDERS"), table("Orders", "orders")], previous)
    assert [(t.name, t.read_name) for t in named] == [("people_2", "people"), ("ORDERS_2", "ORDERS"),
                                                      ("orders", "orders")]
    assert "source_table" not in named[2].options
    assert keep_store_names([table("a"), table("b")], {}) == [table("a"), table("b")]


def test_a_quote_never_closed_whose_row_has_the_wrong_field_count_costs_no_good_row(home, tmp_path: Path) -> None:
    """The reader reports such a row itself: the file's last good row is kept (found by an outside check, after the
    end-of-file case was first fixed)."""
    config, engine = home
    path = tmp_path / "qcols.csv"
    path.write_bytes(b'id,_reason,_run_id,_quarantined_at\n1,a,b,c\n2,"open,x,y\n3,d,e,f,g\n')
    add_source(engine, SourceSpec("qcols", "csv", str(path)))
    table = Syncer(engine, config).sync(["qcols"])[0].tables[0]
    assert (table.rows_written, table.rows_quarantined) == (1, 2), table
    assert _rows(config, "SELECT * FROM qcols.qcols") == [("1", "a", "b", "c")]


def test_a_workbook_reads_the_same_whole_or_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small workbook is read whole by calamine, a large one streamed by openpyxl: the cells are the same text
    either way (whole numbers without '.0', dates at midnight, empty cells null, a leading blank row kept)."""
    import datetime as dt

    from openpyxl import Workbook

    from ukimet.connect.connectors import workbook
    from ukimet.connect.connectors.files import ExcelConnector

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Тізім"
    sheet.append([None, None, None])
    sheet.append(["ЖСН", "туған күні", "сома", "белгі", "уақыты", "ескерту"])
    sheet.append([871008401427, dt.date(1987, 10, 8), 1250.5, True, dt.datetime(2025, 3, 1, 14, 30), None])
    sheet.append(["012345678901", dt.datetime(2001, 2, 3), 0, False, None, "Сейітова"])
    book.create_sheet("Бос")
    book.save(tmp_path / "book.xlsx")

    def cells() -> tuple[list[str], list[dict[str, object]]]:
        connector = ExcelConnector("book", str(tmp_path / "book.xlsx"))
        tables = connector.tables()
        rows = [r for b in connector.read(tables[0], 10) for r in b.to_pylist()]
        return [t.name for t in tables], rows

    whole = cells()
    monkeypatch.setattr(workbook, "IN_MEMORY_BYTES", 0)
    assert cells() == whole
    names, rows = whole
    assert names == ["Тізім"]
    rows = [{k: v for k, v in r.items() if k != REASON} for r in rows]
    assert rows[0] == {"ЖСН": "871008401427", "туған күні": "1987-10-08T00:00:00", "сома": "1250.5", "белгі": "True",
                       "уақыты": "2025-03-01T14:30:00", "ескерту": None}  # a blank row above the header is no header
    assert rows[1]["сома"] == "0" and rows[1]["белгі"] == "False" and rows[1]["ескерту"] == "Сейітова"
    assert rows[1]["ЖСН"] == "012345678901"


def test_a_workbook_read_again_gives_its_cells_as_they_are_now(tmp_path: Path) -> None:
    """A small sheet is kept for its next reading (found, sampled, synced), but a file written since is read anew:
    its new rows, not the kept ones."""
    from openpyxl import Workbook

    from ukimet.connect.connectors.workbook import sheets

    def write(rows: list[list[object]]) -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "List"
        for row in rows:
            sheet.append(row)
        book.save(tmp_path / "book.xlsx")

    write([["ЖСН", "Тегі"], ["871008401427", "Асанов"]])
    (sheet,) = sheets(tmp_path / "book.xlsx")
    assert list(sheet.rows()) == list(sheet.rows()) == [("ЖСН", "Тегі"), ("871008401427", "Асанов")]
    write([["ЖСН", "Тегі"], ["871008401427", "Асанов"], ["012345678901", "Сейітова"]])
    assert list(sheet.rows())[-1] == ("012345678901", "Сейітова")


def test_a_sheet_with_a_title_above_its_table_and_a_total_under_it_loads_its_rows(home: Any, tmp_path: Path) -> None:
    """An akimat's list: a title row and a blank row above the header, a total row (Барлығы: 2) under the table.
    The header is found under the title, the rows are numbered from the header, the total is quarantined with its
    row number, not made a record, and the blank row above it is dropped."""
    from openpyxl import Workbook

    config, engine = home
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Тұрғын үй кезегінде тұрған азаматтардың тізімі (01.10.2025 ж. жағдай бойынша)"])
    sheet.append([])
    sheet.append(["Р/с №", "Тегі", "Аты", "ЖСН"])
    sheet.append([1, "Асанов", "Бақыт", "871008401427"])
    sheet.append([2, "Сейітова", "Әйгерім", None])
    sheet.append([])  # a blank row under the table is no record either
    sheet.append([None, "Барлығы: 2", None, None])
    book.save(tmp_path / "kezek.xlsx")
    add_source(engine, SourceSpec("kezek", "excel", str(tmp_path / "kezek.xlsx")))
    result = Syncer(engine, config).sync(["kezek"])[0]
    assert result.status == "done", result
    assert _rows(config, 'SELECT "Тегі", "ЖСН" FROM kezek."Sheet" ORDER BY rowid') == [
        ("Асанов", "871008401427"), ("Сейітова", None)]
    table = result.tables[0]
    assert (table.rows_written, table.rows_quarantined) == (2, 1)
    assert _rows(config, 'SELECT _reason FROM _quarantine."kezek__Sheet"') == [
        ("row 7: a total under the table, not a record: Барлығы: 2",)]
