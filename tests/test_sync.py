"""Sync, as the data engineer relies on it: against the real PostgreSQL and MariaDB on the machine."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pytest
from sqlalchemy import Engine, select

from ukimet.connect.sources import SourceSpec, add_source
from ukimet.core.metadata import connect_metadata, lineage, sync_runs
from ukimet.core.settings import Settings
from ukimet.sync.engine import Syncer
from ukimet.sync.store import open_store

SCHEMA_PREFIX = "ukimet_sync_test"


@pytest.fixture
def home(tmp_path: Path) -> tuple[Settings, Engine]:
    config = Settings(home=tmp_path / "home")
    return config, connect_metadata(config)


def _store(config: Settings) -> duckdb.DuckDBPyConnection:
    return open_store(config.resolved_store_path(), read_only=True)


@dataclass
class Agency:
    """A PostgreSQL schema of this test's own (tests run in parallel), with a 1,000-row persons table."""

    db: Any
    schema: str

    def execute(self, sql: str) -> None:
        self.db.execute(sql.replace("{S}", self.schema))


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Agency]:
    import psycopg

    agency = Agency(psycopg.connect(postgres_url, autocommit=True), f"{SCHEMA_PREFIX}_{uuid.uuid4().hex[:8]}")
    agency.execute("CREATE SCHEMA {S}")
    agency.execute("CREATE TABLE {S}.persons (id int PRIMARY KEY, iin text, familiya text, born date)")
    agency.execute("INSERT INTO {S}.persons SELECT g, lpad(g::text, 12, '0'), 'Нұрсұлтанов', "
                   "date '1990-01-01' + g FROM generate_series(1, 1000) g")
    yield agency
    agency.execute("DROP SCHEMA IF EXISTS {S} CASCADE")
    agency.db.close()


@pytest.mark.postgres
def test_incremental_sync_sees_inserts_updates_and_deletes(home, pg, postgres_url: str) -> None:
    config, engine = home
    add_source(engine, SourceSpec("reg", "postgres", postgres_url, pg.schema))
    first = Syncer(engine, config).sync(["reg"])[0]
    assert first.status == "done" and first.tables[0].rows_written == 1000
    pg.execute("INSERT INTO {S}.persons VALUES (1001, '000000001001', 'Жаңа', '2001-01-01')")
    pg.execute("UPDATE {S}.persons SET familiya = 'Өзгерген' WHERE id IN (5, 6)")
    pg.execute("DELETE FROM {S}.persons WHERE id IN (7, 8, 9)")
    second = Syncer(engine, config).sync(["reg"])[0].tables[0]
    assert (second.inserted, second.updated, second.deleted) == (1, 2, 3)
    with _store(config) as store:
        assert store.execute("SELECT count(*) FROM reg.persons").fetchone() == (998,)
        assert store.execute("SELECT familiya FROM reg.persons WHERE id = 5").fetchone() == ("Өзгерген",)


@pytest.mark.postgres
def test_added_and_retyped_columns_are_reported(home, pg, postgres_url: str) -> None:
    config, engine = home
    add_source(engine, SourceSpec("reg", "postgres", postgres_url, pg.schema))
    Syncer(engine, config).sync(["reg"])
    pg.execute("ALTER TABLE {S}.persons ADD COLUMN phone text")
    pg.execute("ALTER TABLE {S}.persons ALTER COLUMN iin TYPE bigint USING iin::bigint")
    drift = Syncer(engine, config).sync(["reg"])[0].tables[0].drift
    assert drift["added"] == ["phone"]
    assert "iin" in drift["retyped"] and "BIGINT" in drift["retyped"]["iin"]
    with engine.connect() as db:
        recorded = db.execute(select(lineage.c.drift).order_by(lineage.c.id.desc()).limit(1)).scalar_one()
    assert recorded["added"] == ["phone"]


@pytest.mark.mysql
def test_mariadb_source_syncs_with_kazakh_letters(home, mysql_url: str) -> None:
    import pymysql

    SCHEMA = f"{SCHEMA_PREFIX}_{uuid.uuid4().hex[:8]}"  # noqa: N806
    parts = urlsplit(mysql_url)
    db = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username or "root", password="",
                         charset="utf8mb4", autocommit=True)
    with db.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {SCHEMA}")
        cur.execute(f"CREATE DATABASE {SCHEMA} CHARACTER SET utf8mb4")
        cur.execute(f"CREATE TABLE {SCHEMA}.taxpayers (id INT PRIMARY KEY, fio VARCHAR(200), income DECIMAL(14,2))")
        cur.executemany(f"INSERT INTO {SCHEMA}.taxpayers VALUES (%s, %s, %s)",
                        [(i, f"Әбдірахманов Нұрлан {i}", 1000.5 * i) for i in range(1, 501)])
    try:
        config, engine = home
        add_source(engine, SourceSpec("tax", "mysql", f"mysql://{parts.username}@{parts.hostname}:{parts.port}/"
                                      f"{SCHEMA}"))
        result = Syncer(engine, config).sync(["tax"])[0]
        assert result.status == "done", result.error
        with _store(config) as store:
            assert store.execute("SELECT count(*), min(fio) FROM tax.taxpayers").fetchone() == (
                500, "Әбдірахманов Нұрлан 1")
        with db.cursor() as cur:
            cur.execute(f"DELETE FROM {SCHEMA}.taxpayers WHERE id > 490")
        assert Syncer(engine, config).sync(["tax"])[0].tables[0].deleted == 10
    finally:
        with db.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {SCHEMA}")
        db.close()


def test_a_row_with_an_impossible_date_is_quarantined_with_its_reason(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "civil.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE births (id INTEGER PRIMARY KEY, child TEXT, born DATE)")
        db.executemany("INSERT INTO births VALUES (?, ?, ?)",
                       [(1, "Айша", "2024-02-29"), (2, "Алихан", "2023-02-30"), (3, "Әмір", "2025-01-15")])
    add_source(engine, SourceSpec("civil", "sqlite", str(path)))
    result = Syncer(engine, config).sync(["civil"])[0].tables[0]
    assert (result.rows_read, result.rows_written, result.rows_quarantined) == (3, 2, 1)
    with _store(config) as store:
        bad = store.execute('SELECT child, born, _reason FROM _quarantine."civil__births"').fetchall()
        assert bad == [("Алихан", "2023-02-30", "born: 2023-02-30 is not a valid DATE")]
        assert store.execute("SELECT typeof(born) FROM civil.births LIMIT 1").fetchone() == ("DATE",)


def test_an_unreachable_source_fails_alone_naming_itself_and_what_to_check(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "ok.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        db.execute("INSERT INTO t VALUES (1, 'a')")
    add_source(engine, SourceSpec("down", "postgres", "postgresql://nobody@127.0.0.1:1/nowhere"))
    add_source(engine, SourceSpec("fine", "sqlite", str(path)))
    results = {r.source: r for r in Syncer(engine, config).sync()}
    assert results["fine"].status == "done"
    assert results["down"].status == "failed"
    error = results["down"].error or ""
    assert "source down" in error and "check that the server runs" in error


def test_a_kz1048_csv_keeps_its_kazakh_letters_and_a_windows_1251_one_is_not_taken_for_it(home, tmp_path) -> None:
    config, engine = home
    kz = tmp_path / "kz.csv"
    kz.write_bytes("ЖСН;Тегі\n871008401427;Нұрсұлтанов\n760212350620;Әбішев\n".encode("kz1048"))
    ru = tmp_path / "ru.csv"
    ru.write_bytes("ИИН;Фамилия\n871008401427;Нурсултанов\n760212350620;Иванов\n".encode("cp1251"))
    add_source(engine, SourceSpec("kz", "csv", str(kz)))
    add_source(engine, SourceSpec("ru", "csv", str(ru)))
    assert all(r.status == "done" for r in Syncer(engine, config).sync())
    with _store(config) as store:
        assert store.execute('SELECT "Тегі" FROM kz.kz ORDER BY 1').fetchall() == [("Нұрсұлтанов",), ("Әбішев",)]
        assert store.execute('SELECT "Фамилия" FROM ru.ru ORDER BY 1').fetchall() == [("Иванов",), ("Нурсултанов",)]
    from ukimet.connect.encoding import sniff

    assert sniff(kz).encoding == "kz1048" and sniff(ru).encoding == "cp1251"


@pytest.mark.postgres
def test_a_sync_killed_midway_leaves_the_previous_snapshot_and_the_next_run_completes(home, pg, postgres_url) -> None:
    config, engine = home
    add_source(engine, SourceSpec("reg", "postgres", postgres_url, pg.schema))
    Syncer(engine, config).sync(["reg"])
    # a source table that takes about six seconds to read, so the kill lands while it is being read
    pg.execute("CREATE VIEW {S}.big AS SELECT g AS id, repeat('ә', 50) AS payload, "
               "(CASE WHEN g % 1000 = 0 THEN pg_sleep(0.05) END)::text AS pause FROM generate_series(1, 120000) g")
    _kill_sync_midway(config, lambda: _running(engine), settle=2.0)
    with _store(config) as store:
        assert store.execute("SELECT count(*) FROM reg.persons").fetchone() == (1000,)
        assert "big" not in {r[0] for r in store.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'reg'").fetchall()}
    result = Syncer(engine, config).sync(["reg"])[0]
    assert result.status == "done", result.error
    with engine.connect() as db:
        statuses = [r[0] for r in db.execute(select(sync_runs.c.status).order_by(sync_runs.c.run_id))]
    assert statuses == ["done", "interrupted", "done"]
    with _store(config) as store:
        assert store.execute("SELECT count(*) FROM reg.big").fetchone() == (120_000,)


def _kill_sync_midway(config: Settings, ready: Callable[[], bool], settle: float) -> None:
    """Run `ukimet sync reg` in its own process and SIGKILL it once ``ready()`` holds and ``settle`` s have passed."""
    env = {**os.environ, "UKIMET_HOME": str(config.home), "UKIMET_SYNC_BATCH_ROWS": "1000"}
    child = subprocess.Popen([sys.executable, "-m", "ukimet.cli.main", "sync", "reg"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not ready():
        time.sleep(0.1)
    time.sleep(settle)
    assert child.poll() is None, "the sync ended before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()


def _running(engine: Engine) -> bool:
    with engine.connect() as db:
        return db.execute(select(sync_runs.c.run_id).where(sync_runs.c.status == "running")).first() is not None


def test_profile_measures_quality_and_never_shows_personal_values(home, tmp_path: Path) -> None:
    from sqlalchemy import func

    from ukimet.core.metadata import profiles
    from ukimet.sync.profile import profile_source
    from ukimet.sync.store import open_store

    config, engine = home
    path = tmp_path / "people.sqlite"
    rows: list[tuple[int, str | None, str, str]] = [(i, "871008401427" if i % 4 else "871008401428",
             "Нұрсұлтанов" if i % 2 else "ИВАНОВ",
             "ер" if i % 3 else "әйел") for i in range(1, 101)]
    rows.append((101, None, "Әбішев", "ер"))
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, iin TEXT, familiya TEXT, pol TEXT)")
        db.executemany("INSERT INTO people VALUES (?, ?, ?, ?)", rows)
    add_source(engine, SourceSpec("people", "sqlite", str(path)))
    Syncer(engine, config).sync(["people"])
    con = open_store(config.resolved_store_path(), read_only=True)
    table = profile_source(con, engine, "people")[0]
    con.close()
    columns = {c.column: c for c in table.columns}
    assert columns["iin"].semantic_type == "iin"
    assert columns["iin"].completeness == round(100 / 101, 4)
    assert columns["iin"].validity == 0.75
    assert columns["iin"].top_values is None and columns["familiya"].top_values is None
    assert dict(columns["familiya"].patterns) == {"Aa": 51, "A": 50}
    assert columns["pol"].top_values == [("ер", 68), ("әйел", 33)]
    assert table.rows == 101
    with engine.connect() as db:
        assert db.execute(select(func.count()).select_from(profiles)).scalar_one() == 5


@pytest.mark.postgres
def test_the_run_after_an_interrupted_one_keeps_the_tables_it_had_staged(home, pg, postgres_url) -> None:
    config, engine = home
    # tables are synced in name order: "persons" is staged, then "zz_slow" is being read when the kill lands
    pg.execute("CREATE VIEW {S}.zz_slow AS SELECT g AS id, (CASE WHEN g % 1000 = 0 THEN pg_sleep(0.05) "
               "END)::text AS pause FROM generate_series(1, 120000) g")
    add_source(engine, SourceSpec("reg", "postgres", postgres_url, pg.schema))
    _kill_sync_midway(config, lambda: _staged(engine, "persons"), settle=1.0)
    result = Syncer(engine, config).sync(["reg"])[0]
    assert result.status == "done", result.error
    modes = {t.table: t.mode for t in result.tables}
    assert modes == {"persons": "resumed", "zz_slow": "full"}
    with _store(config) as store:
        assert store.execute("SELECT count(*) FROM reg.persons").fetchone() == (1000,)


def _staged(engine: Engine, table: str) -> bool:
    with engine.connect() as db:
        return db.execute(select(lineage.c.id).where(lineage.c.source_table == table)).first() is not None


def test_a_table_gone_from_the_source_is_kept_and_reported(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "two.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE b (id INTEGER PRIMARY KEY)")
        db.execute("INSERT INTO b VALUES (1)")
    add_source(engine, SourceSpec("two", "sqlite", str(path)))
    Syncer(engine, config).sync()
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE b")
    result = Syncer(engine, config).sync()[0]
    assert result.gone == ["b"]
    with _store(config) as store:
        assert store.execute("SELECT count(*) FROM two.b").fetchone() == (1,)


@pytest.mark.postgres
def test_a_staged_table_whose_source_changed_since_is_read_again_not_resumed(home, pg, postgres_url) -> None:
    config, engine = home
    pg.execute("CREATE VIEW {S}.zz_slow AS SELECT g AS id, (CASE WHEN g % 1000 = 0 THEN pg_sleep(0.05) "
               "END)::text AS pause FROM generate_series(1, 120000) g")
    add_source(engine, SourceSpec("reg", "postgres", postgres_url, pg.schema))
    _kill_sync_midway(config, lambda: _staged(engine, "persons"), settle=1.0)
    pg.execute("INSERT INTO {S}.persons VALUES (1001, '000000001001', 'Жаңа', '2001-01-01')")
    pg.execute("UPDATE {S}.persons SET familiya = 'Өзгерген' WHERE id = 5")
    result = Syncer(engine, config).sync(["reg"])[0]
    assert result.status == "done", result.error
    assert {t.table: t.mode for t in result.tables}["persons"] == "full"
    with _store(config) as store:
        assert store.execute("SELECT count(*) FROM reg.persons").fetchone() == (1001,)
        assert store.execute("SELECT familiya FROM reg.persons WHERE id = 5").fetchone() == ("Өзгерген",)


def test_a_file_is_read_again_only_when_its_bytes_changed(home, tmp_path: Path) -> None:
    config, engine = home
    path = tmp_path / "queue.csv"
    path.write_text("id,name\n1,Айгүл\n2,Ерлан\n", encoding="utf-8")
    add_source(engine, SourceSpec("queue", "csv", str(path)))
    assert Syncer(engine, config).sync()[0].tables[0].rows_read == 2
    os.utime(path, (1, 1))  # touched, rewritten with the same bytes: not read, not published again
    path.write_bytes(path.read_bytes())
    again = Syncer(engine, config).sync()[0].tables[0]
    assert (again.mode, again.rows_read, again.rows_written, again.unchanged) == ("unchanged", 0, 2, True)
    stat = path.stat()
    path.write_text("id,name\n1,Айгүл\n2,Ерлам\n", encoding="utf-8")  # one letter, same size and time
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    changed = Syncer(engine, config).sync()[0].tables[0]
    assert (changed.mode, changed.rows_read, changed.updated or changed.inserted) == ("full", 2, 1)
    forced = Syncer(engine, config).sync(full=True)[0].tables[0]
    assert (forced.mode, forced.rows_read) == ("full", 2)
    with _store(config) as store:
        assert store.execute("SELECT name FROM queue.queue ORDER BY id").fetchall() == [("Айгүл",), ("Ерлам",)]
