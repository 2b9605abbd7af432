"""Shared fixtures: one synthetic country built once per test session, and the real database servers."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow.parquet as pq
import pytest

from ukimet.synth import Manifest, SynthConfig, build_country

COUNTRY_PERSONS = 20_000
POSTGRES_URL = os.environ.get("UKIMET_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
MYSQL_URL = os.environ.get("UKIMET_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test")


@pytest.fixture(scope="session")
def country(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest]:
    """A 20,000-person country with the default fault rates, built once."""
    out = tmp_path_factory.mktemp("country")
    return out, build_country(SynthConfig(persons=COUNTRY_PERSONS, seed=7), out)


def read_table(path: Path, table: str) -> list[sqlite3.Row]:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        return db.execute(f'SELECT * FROM "{table}"').fetchall()
    finally:
        db.close()


def truth(out: Path, name: str) -> list[dict[str, Any]]:
    return pq.read_table(out / "truth" / f"{name}.parquet").to_pylist()


def _unreachable(what: str, url: str, variable: str, connect: Callable[[], Any]) -> str | None:
    """Why the server cannot be tested here, or None when it answers."""
    try:
        connect().close()
    except Exception as exc:  # any failure means: no server to test against here
        return f"no {what} at {url} ({type(exc).__name__}); set {variable} to test against one"
    return None


def _postgres_reason() -> str | None:
    import psycopg

    return _unreachable("PostgreSQL", POSTGRES_URL, "UKIMET_TEST_POSTGRES",
                        lambda: psycopg.connect(POSTGRES_URL, connect_timeout=3))


def _mysql_reason() -> str | None:
    import pymysql

    parts = urlsplit(MYSQL_URL)
    return _unreachable("MariaDB/MySQL", MYSQL_URL, "UKIMET_TEST_MYSQL", lambda: pymysql.connect(
        host=parts.hostname, port=parts.port or 3306, user=parts.username or "root", password=parts.password or "",
        connect_timeout=3))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    reason = _postgres_reason()
    if reason:
        pytest.skip(reason)
    yield POSTGRES_URL


@pytest.fixture(scope="session")
def mysql_url() -> Iterator[str]:
    reason = _mysql_reason()
    if reason:
        pytest.skip(reason)
    yield MYSQL_URL


@dataclass
class SyncedCountry:
    """A synthetic country whose sources are registered, catalogued and synced into its store."""

    out: Path
    manifest: Manifest
    config: Any
    engine: Any

    def store(self) -> Any:
        from ukimet.sync.store import open_store

        return open_store(self.config.resolved_store_path())


def synced_country(out: Path, synth: SynthConfig) -> SyncedCountry:
    from ukimet.cli.demo import synced_country as build

    config, engine, manifest = build(out, synth)
    return SyncedCountry(out, manifest, config, engine)


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The gateway's small registry (tests/gateway_registry.py), synced, with a gateway on it; one per module."""
    from ukimet.gateway.api import Gateway

    from .gateway_registry import build_registry, registry_policy

    built = build_registry(tmp_path_factory.mktemp("gateway"))
    return {**built, "gateway": Gateway(built["config"], policy=registry_policy())}


def signed_in_as(engine: Any, name: str) -> dict[str, str]:
    """The environment a command runs in as the account ``name`` (a fresh API token in UKIMET_TOKEN): pass it as
    CliRunner.invoke's ``env``."""
    from ukimet.cli.identity import TOKEN_VARIABLE
    from ukimet.gateway.users import issue_token

    return {TOKEN_VARIABLE: issue_token(engine, name)}


MART_AS_OF = "2026-01-01"


@pytest.fixture(scope="session")
def mart(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A 2,000-person country synced, linked and built into the analytics mart as of 2026-01-01, once."""
    import datetime as dt

    from ukimet.link.api import link_store
    from ukimet.model.mart import build_mart

    out = tmp_path_factory.mktemp("mart")
    country = synced_country(out, SynthConfig(persons=2000, seed=31))
    link_store(country.config)
    con = country.store()
    try:
        rows = build_mart(con, country.engine, dt.date.fromisoformat(MART_AS_OF))
    finally:
        con.close()
    return {"out": out, "store": country.config.resolved_store_path(), "rows": rows, "country": country,
            "truth": {p["iin"]: p for p in truth(out, "persons")}}


def valid_iin(born: Any, serial: int, male: bool = True) -> str:
    """A valid IIN of a person born on ``born`` (a date of the 1900s), the first serial from ``serial`` that checks."""
    from ukimet.core.ids import has_valid_check_digit

    for n in range(serial, serial + 100):
        iin = f"{born:%y%m%d}{3 if male else 4}{n:04d}"
        for check in range(10):
            if has_valid_check_digit(iin + str(check)):
                return iin + str(check)
    raise AssertionError(born)


def link_out(folder: Path, *files: str) -> tuple[dict[tuple[str, str], str], str]:
    """``ukimet link FILES --out`` on files in ``folder``: each (source, record_id)'s entity, and what the run said
    (its columns' reading, on one line)."""
    import csv

    from typer.testing import CliRunner

    from ukimet.cli.main import app

    out = folder / "clusters.csv"
    result = CliRunner().invoke(app, ["link", *(str(folder / f) for f in files), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        return {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}, " ".join(
            result.output.split())


def read_store(path: Path) -> Any:
    """A read-only connection to a store, configured as the gateway's engine is, so that both can be open in
    one process (DuckDB refuses a second connection to a file with another configuration)."""
    from ukimet.sync.store import open_store

    return open_store(path, read_only=True, locked=True)


@pytest.fixture(scope="session")
def web_country(mart: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A copy of the linked country with an account per role (passwords known to the tests) and a citizen
    account for a person in Shymkent; the web tests write to it freely."""
    import shutil

    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway.rewrite import User
    from ukimet.gateway.users import add_user

    home = tmp_path_factory.mktemp("web") / "home"
    shutil.copytree(mart["country"].config.home, home)
    config = Settings(home=home, audit_checkpoint_every=20)
    engine = connect_metadata(config)
    con = read_store(config.resolved_store_path())
    try:
        iin, region = con.execute("SELECT iin, region FROM mart.persons WHERE alive AND region = '79' AND age > 30 "
                                  "AND family_id IS NOT NULL ORDER BY person_id LIMIT 1").fetchall()[0]
    finally:
        con.close()
    users = {
        "analyst": User("web-analyst", "analyst", "Akimat of Shymkent", {"region": region}),
        "worker": User("web-worker", "social_worker", "Ministry of Labour"),
        "auditor": User("web-auditor", "auditor", "Agency for Personal Data Protection"),
        "admin": User("web-admin", "admin", "National data operator"),
        "citizen": User("web-citizen", "citizen", "-"),
    }
    for key, user in users.items():
        add_user(engine, user, f"{user.name}-pass", iin=iin if key == "citizen" else None, config=config)
    return {"config": config, "users": users, "iin": iin, "region": region,
            "password": {k: f"{u.name}-pass" for k, u in users.items()}}


@pytest.fixture(scope="module")
def client(web_country: dict[str, Any]) -> Iterator[Any]:
    """The web app on ``web_country``, one per test module (a module may define its own over another home)."""
    from fastapi.testclient import TestClient

    from ukimet.api.app import create_app

    app = create_app(web_country["config"])
    with TestClient(app) as client:
        yield client
    app.state.gateway.close()
