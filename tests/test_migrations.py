"""The metadata store's schema is versioned (core.migrate, Alembic): a new store gets exactly the tables the code
declares, and a home made by an earlier release is upgraded when it is opened, keeping its audit log whole.

tests/data/homes/release-d891802.tar.xz is a home made by main at d891802, the last release before migrations: a
300-person demo country, its store, its metadata (11 audit entries, 2 signed checkpoints, a case with an SMS) and
its keys (synthetic; they protect nothing else). Its store was written by DuckDB 2, which this release (DuckLake on
DuckDB 1.5) cannot read: release-d891802-store-export.tar.xz is that store exported by the command the refusal
names, as an operator runs it once before the upgrade."""

from __future__ import annotations

import json
import re
import sqlite3
import stat
import tarfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from ukimet.core.metadata import connect_metadata, metadata
from ukimet.core.migrate import FIRST, HEAD, current, scripts_head, upgrade
from ukimet.core.settings import Settings
from ukimet.sync.store import open_store

RELEASE = Path(__file__).parent / "data" / "homes" / "release-d891802.tar.xz"
EXPORT = RELEASE.with_name("release-d891802-store-export.tar.xz")


def _schema_differences(url: str) -> list[Any]:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with create_engine(url).connect() as con:
        return list(compare_metadata(MigrationContext.configure(con), metadata))


def _unpack(tmp_path: Path, exported: bool = True) -> Path:
    for made in (RELEASE, EXPORT) if exported else (RELEASE,):
        with tarfile.open(made) as archive:
            archive.extractall(tmp_path, filter="data")
    return tmp_path / ".ukimet"


def test_a_store_written_by_a_newer_duckdb_is_refused_with_the_export_command_and_nothing_changes(
        tmp_path: Path) -> None:
    from ukimet.core.errors import StoreError

    home = _unpack(tmp_path, exported=False)
    before = _entries(home)
    with pytest.raises(StoreError) as refused:
        connect_metadata(Settings(home=home))
    assert "EXPORT DATABASE" in refused.value.fix and str(home / "store.duckdb.export") in refused.value.fix
    assert _entries(home) == before and (home / "store.duckdb").exists()
    assert not (home / "store.ducklake").exists()


def _entries(home: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(home / "metadata.sqlite") as con:
        return con.execute("SELECT seq, hash, prev_hash, action FROM audit_entries ORDER BY seq").fetchall()


def test_the_code_names_the_newest_revision() -> None:
    assert scripts_head() == HEAD


def test_a_new_store_gets_exactly_the_declared_schema(tmp_path: Path) -> None:
    config = Settings(home=tmp_path / "home")
    engine = connect_metadata(config)
    assert current(engine) == HEAD
    assert _schema_differences(str(engine.url)) == []


def test_a_throwaway_home_gets_the_migrated_schema_without_migrating(tmp_path: Path) -> None:
    """``ukimet link --out``'s workspace: the models' tables made at once, the same the migrations make."""
    migrated = connect_metadata(Settings(home=tmp_path / "migrated"))
    throwaway = connect_metadata(Settings(home=tmp_path / "throwaway"), throwaway=True)
    assert _schema_differences(str(throwaway.url)) == []

    def tables(engine: Any) -> set[str]:
        with engine.connect() as con:
            made = con.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"))
            return {r[0] for r in made}

    assert tables(throwaway) == tables(migrated) - {"alembic_version"}


def test_the_migrations_give_postgresql_the_declared_schema(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.begin() as con:
        con.execute(text("DROP SCHEMA IF EXISTS ukimet_migrations CASCADE"))
        con.execute(text("CREATE SCHEMA ukimet_migrations"))
    scoped = create_engine(postgres_url, connect_args={"options": "-csearch_path=ukimet_migrations"})
    try:
        assert upgrade(scoped).after == HEAD
        assert _schema_differences(str(scoped.url.set(query={"options": "-csearch_path=ukimet_migrations"}))) == []
    finally:
        scoped.dispose()
        with engine.begin() as con:
            con.execute(text("DROP SCHEMA ukimet_migrations CASCADE"))


def _persons(home: Path) -> list[tuple[int, list[str]]]:
    with sqlite3.connect(home / "metadata.sqlite") as con:
        return [(seq, json.loads(listed)) for seq, listed in
                con.execute("SELECT seq, persons FROM audit_entries WHERE seq <= 11 ORDER BY seq")]


def test_opening_a_home_of_the_previous_release_upgrades_it_and_keeps_its_audit_log(tmp_path: Path) -> None:
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.users import get_user

    home = _unpack(tmp_path)
    before = _entries(home)
    assert len(before) == 11
    engine = create_engine(f"sqlite:///{home / 'metadata.sqlite'}")
    assert current(engine) == FIRST  # tables, and no version recorded

    config = Settings(home=home)
    with Gateway(config) as gateway:
        assert current(gateway.metadata) == HEAD
        assert gateway.audit.verify().ok
        with gateway.metadata.connect() as con:  # 0006 indexed every old entry's persons and stored its subtrees
            indexed = set(con.execute(text("SELECT person_hash, seq FROM audit_persons")).all())
            subtrees = con.execute(text("SELECT count(*) FROM audit_nodes")).scalar()
        assert indexed == {(p, seq) for seq, persons in _persons(home) for p in persons}
        assert subtrees == 11 - bin(11).count("1")  # a tree of n leaves has n - popcount(n) perfect inner nodes
        for seq, persons in _persons(home):
            for person in persons:
                assert seq in [e["seq"] for e in gateway.audit.entries(person=person, limit=100)]
        answer = gateway.query(get_user(gateway.metadata, "analyst-79"), "SELECT count(*) FROM mart.persons")
        # governed and audited: a protected count, or withheld where the old home's region holds too few
        assert answer.audit_seq and answer.epsilon > 0 and (answer.rows == [] or answer.rows[0][0] > 0)
        verdict = gateway.audit.verify()
    after = _entries(home)
    assert after[: len(before)] == before  # no old entry rewritten
    assert len(after) == len(before) + 1 and after[-1][2] == before[-1][1]  # the new one chains onto them
    assert verdict.ok and verdict.entries == 12

    backups = list((home / "backups").glob("metadata-*.sqlite"))
    assert len(backups) == 1 and stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT count(*) FROM audit_entries").fetchone() == (11,)
    from ukimet.cli.doctor import examine

    # the copy still holds the citizen data the upgrade moved behind the gateway: the doctor says so
    assert [f.status for f in examine(config) if f.check == "backups"] == ["warn"]


def test_an_up_to_date_store_is_left_alone(tmp_path: Path) -> None:
    config = Settings(home=tmp_path / "home")
    engine = connect_metadata(config)
    again = upgrade(engine, config.home / "backups")
    assert (again.before, again.after, again.backup) == (HEAD, HEAD, None)
    assert not (config.home / "backups").exists()


def test_the_audit_log_stays_append_only_after_an_upgrade(tmp_path: Path) -> None:
    home = _unpack(tmp_path)
    connect_metadata(Settings(home=home))
    with sqlite3.connect(home / "metadata.sqlite") as con, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM audit_entries WHERE seq = 11")


def _citizen_data(home: Path) -> tuple[set[str], set[str], set[str]]:
    """The IINs, phones (last ten digits) and first names (four letters or more) of the home's persons."""

    con = open_store(home / "store.ducklake", read_only=True)
    try:
        people = con.execute("SELECT iin, phone, first_name FROM mart.persons").fetchall()
    finally:
        con.close()
    return ({i for i, _, _ in people if i}, {re.sub(r"\D", "", p)[-10:] for _, p, _ in people if p},
            {n.lower() for _, _, n in people if n and len(n) >= 4})


def _found_in(path: Path, iins: set[str], phones: set[str], names: set[str]) -> set[str]:
    data = path.read_bytes()
    numbers = {n.decode() for n in re.findall(rb"(?<!\d)\d{10,12}(?!\d)", data)}
    words = set(re.findall(r"[^\W\d_]{4,}", data.decode("utf-8", "ignore").lower()))
    return (numbers & iins) | ({n[-10:] for n in numbers} & phones) | (words & names)


def test_an_upgraded_home_keeps_its_case_evidence_behind_the_gateway_and_no_citizen_data_in_metadata(
        tmp_path: Path) -> None:
    """The previous release kept a case's evidence, an SMS with a first name and a citizen account's IIN in the
    metadata store: after the upgrade they are read through the gateway (or, the IIN, matched by its hash) and
    the vacuumed file holds no IIN, phone or first name of the home's persons."""
    from ukimet.apps import cases
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.tracker import my_accesses
    from ukimet.gateway.users import get_user

    home = _unpack(tmp_path)
    with sqlite3.connect(home / "metadata.sqlite") as old:
        evidence = {case_id: json.loads(values) for case_id, values in old.execute("SELECT id, evidence FROM cases")}
        (first_name,) = old.execute("SELECT 1 FROM outbox WHERE text_kk <> ''").fetchone()
    assert evidence and first_name
    iins, phones, names = _citizen_data(home)
    assert _found_in(home / "metadata.sqlite", iins, phones, names)  # the old release kept some

    with Gateway(Settings(home=home)) as gateway:
        worker = get_user(gateway.metadata, "social-worker")
        for case_id, values in evidence.items():
            shown = cases.show(gateway, worker, case_id, "checking the upgrade")
            assert shown.evidence == values and not shown.basis_changed and shown.person["iin"] in iins
            assert shown.audit_seq == gateway.audit.entries(limit=1)[0]["seq"]  # a gateway read, audited
        citizen = get_user(gateway.metadata, "citizen")  # its IIN is now the log's hash of it: the tracker works
        assert my_accesses(gateway.audit, citizen).accesses
        (sms,) = cases.messages(gateway.audit, next(iter(evidence)))
        assert sms["template"] == "targeted_social_assistance" and sms["languages"] == "kk,ru"
        assert gateway.audit.verify().ok
    for path in sorted(home.glob("metadata.sqlite*")):
        assert not _found_in(path, iins, phones, names), path
