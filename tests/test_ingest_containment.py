"""Ingestion contained (issue 15): a bad value, table or source fails alone, with one readable line, and nothing
the source holds is lost; against the real PostgreSQL and MariaDB on the machine."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from ukimet.connect.sources import SourceSpec, add_source
from ukimet.core.metadata import connect_metadata, sync_runs
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
    killed = []

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
