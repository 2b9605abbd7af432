"""Agencies that run PostgreSQL or MariaDB are written into the real servers, a schema/database each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ukimet.synth import Manifest, SynthConfig, build_country

PREFIX = "ukimet_synth_test_"


@pytest.fixture(scope="module")
def on_servers(tmp_path_factory: pytest.TempPathFactory, postgres_url: str, mysql_url: str) -> Iterator[Manifest]:
    out = tmp_path_factory.mktemp("servers")
    manifest = build_country(
        SynthConfig(persons=1_500, seed=4, postgres_url=postgres_url, mysql_url=mysql_url, schema_prefix=PREFIX), out,
    )
    yield manifest
    import psycopg
    import pymysql

    with psycopg.connect(postgres_url, autocommit=True) as pg:
        for s in manifest.sources:
            if s.written_to == "postgres":
                pg.execute(f'DROP SCHEMA IF EXISTS "{PREFIX}{s.code}" CASCADE')
    parts = urlsplit(mysql_url)
    my = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username or "root", password="")
    with my.cursor() as cur:
        for s in manifest.sources:
            if s.written_to == "mysql":
                cur.execute(f"DROP DATABASE IF EXISTS `{PREFIX}{s.code}`")
    my.close()


@pytest.mark.postgres
def test_postgres_agencies_land_in_their_own_schemas_with_keys(on_servers: Manifest, postgres_url: str) -> None:
    import psycopg

    written = [s for s in on_servers.sources if s.written_to == "postgres"]
    assert {s.code for s in written} >= {"gbdfl", "enpf", "health", "property_registry", "business_registry"}
    with psycopg.connect(postgres_url) as db:
        for s in written:
            for table, rows in s.tables.items():
                count = db.execute(f'SELECT count(*) FROM "{PREFIX}{s.code}"."{table}"').fetchone()
                assert count is not None and count[0] == rows, (s.code, table)
        keys = db.execute(
            "SELECT count(*) FROM information_schema.table_constraints WHERE constraint_type = 'PRIMARY KEY' "
            "AND table_schema LIKE %s", (f"{PREFIX}%",),
        ).fetchone()
        assert keys is not None and keys[0] == sum(len(s.tables) for s in written)
        kind = db.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = %s AND table_name = 'fl_persons' "
            "AND column_name = 'data_rozhdeniya'", (f"{PREFIX}gbdfl",),
        ).fetchone()
        assert kind == ("date",)


@pytest.mark.mysql
def test_mysql_agencies_land_in_their_own_databases_in_utf8(on_servers: Manifest, mysql_url: str) -> None:
    import pymysql

    written = [s for s in on_servers.sources if s.written_to == "mysql"]
    assert {s.code for s in written} == {"kgd_tax", "social_benefits", "housing"}
    parts = urlsplit(mysql_url)
    db = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username or "root", password="",
                         charset="utf8mb4")
    with db.cursor() as cur:
        for s in written:
            for table, rows in s.tables.items():
                cur.execute(f"SELECT count(*) FROM `{PREFIX}{s.code}`.`{table}`")
                assert cur.fetchone() == (rows,), (s.code, table)
        cur.execute(f"SELECT фамилия FROM `{PREFIX}social_benefits`.`получатели`")
        surnames = [r[0] for r in cur.fetchall()]
        assert any(set(name) & set("әғқңөұүһі") for name in surnames)
    db.close()


def test_no_sqlite_file_is_left_for_agencies_written_to_servers(on_servers: Manifest) -> None:
    for s in on_servers.sources:
        if s.written_to in ("postgres", "mysql"):
            assert "***" not in s.location or ":***@" in s.location
            assert not Path(s.location).exists()
