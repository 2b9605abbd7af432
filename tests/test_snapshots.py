"""The integrated store publishes snapshots (a DuckLake): a sync, a linkage run or a mart build publishes while the
gateway answers from the previous snapshot; readers are never blocked, see the new snapshot after it is published
without a restart, and can read any kept snapshot again ("as of")."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from ukimet.cli.main import app
from ukimet.connect.catalog import refresh_catalog
from ukimet.connect.connectors import open_connector
from ukimet.connect.sources import get_source
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway.api import Gateway
from ukimet.sync.engine import Syncer
from ukimet.sync.staging import staging_path
from ukimet.sync.store import (
    SCRATCH_SCHEMA,
    PublishedWatch,
    current_snapshot,
    lake_paths,
    newest_snapshot,
    open_store,
    publishing,
    threads_within,
)

from .gateway_registry import WORKER, build_registry, registry_policy

PURPOSE = "case 1"
IDS = "SELECT id FROM reg.persons ORDER BY id"


def _ids(gateway: Gateway) -> list[int]:
    return [row[0] for row in gateway.query(WORKER, IDS, PURPOSE).rows]


def _add_persons(registry: Path, first: int, count: int) -> None:
    with sqlite3.connect(registry) as con:
        con.executemany("INSERT INTO persons VALUES (?, ?, 'Жаңа', '1990-01-01', '790100100', NULL, 100000)",
                        [(n, f"9001013{n:05d}") for n in range(first, first + count)])


def _ukimet(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command of its own process, as an operator runs it beside the server."""
    env = {**os.environ, "UKIMET_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "ukimet.cli.main", *args], env=env, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture
def registry(tmp_path: Path) -> dict[str, Any]:
    return build_registry(tmp_path)


def test_a_sync_in_another_process_publishes_while_the_gateway_answers_and_the_gateway_then_sees_it(
        registry: dict[str, Any], tmp_path: Path) -> None:
    config: Settings = registry["config"]
    gateway = Gateway(config, policy=registry_policy())
    before = gateway.query(WORKER, IDS, PURPOSE)
    assert [r[0] for r in before.rows] == list(range(1, 61))
    _add_persons(tmp_path / "registry.sqlite", 61, 5)
    seen: list[list[int]] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:  # a steady reader for the whole sync: every answer a whole snapshot, none refused
        while not stop.is_set():
            try:
                seen.append(_ids(gateway))
            except BaseException as error:
                failures.append(error)
                return
            stop.wait(0.1)  # paced, as a person reads: a tight loop would meet the role's daily row limit

    reader = threading.Thread(target=read)
    reader.start()
    try:
        synced = _ukimet(config.home, "sync", "reg")
    finally:
        stop.set()
        reader.join()
    assert synced.returncode == 0, synced.stderr
    assert failures == [] and seen
    assert all(ids in (list(range(1, 61)), list(range(1, 66))) for ids in seen)  # never a half-published one
    after = gateway.query(WORKER, IDS, PURPOSE)
    assert [r[0] for r in after.rows] == list(range(1, 66)) and after.snapshot > before.snapshot


def test_an_answer_is_read_again_as_of_the_snapshot_it_named(registry: dict[str, Any], tmp_path: Path) -> None:
    config: Settings = registry["config"]
    first = Gateway(config, policy=registry_policy()).query(WORKER, IDS, PURPOSE)
    _add_persons(tmp_path / "registry.sqlite", 61, 3)
    assert _ukimet(config.home, "sync", "reg").returncode == 0
    now = Gateway(config, policy=registry_policy()).query(WORKER, IDS, PURPOSE)
    again = Gateway(config, policy=registry_policy(), as_of=first.snapshot).query(WORKER, IDS, PURPOSE)
    assert len(now.rows) == 63 and again.rows == first.rows and again.snapshot == first.snapshot
    # the audit entry names the snapshot, so an audited answer is read again from the log alone
    entry = Gateway(config, policy=registry_policy()).audit.entries(user=WORKER.name, limit=10**6)
    named = {e["seq"]: e["rewritten"] for e in entry}
    assert named[first.audit_seq].endswith(f"-- store snapshot {first.snapshot}")
    assert named[now.audit_seq].endswith(f"-- store snapshot {now.snapshot}")


def test_the_person_count_and_its_traced_persons_come_from_one_snapshot(registry: dict[str, Any]) -> None:
    gateway = Gateway(registry["config"], policy=registry_policy())
    with gateway.one_snapshot() as pinned:
        writer = open_store(registry["config"].resolved_store_path())
        try:
            writer.execute("DELETE FROM reg.persons WHERE id > 30")
            assert current_snapshot(writer) > pinned
        finally:
            writer.close()
        assert len(_ids(gateway)) == 60  # published meanwhile, not read inside the pinned snapshot
    assert len(_ids(gateway)) == 30


def test_a_table_a_sync_adds_is_served_after_publish_without_a_restart(registry: dict[str, Any],
                                                                      tmp_path: Path) -> None:
    config: Settings = registry["config"]
    gateway = Gateway(config, policy=registry_policy())
    gateway.refresh_seconds = 0.0  # follow the store at every access (every two seconds by default)
    with sqlite3.connect(tmp_path / "registry.sqlite") as con:
        con.execute("CREATE TABLE vehicles (id INTEGER PRIMARY KEY, iin TEXT, marka TEXT)")
        con.execute("INSERT INTO vehicles VALUES (1, '500101400011', 'Lada')")
    engine = connect_metadata(config)
    spec = get_source(engine, "reg")
    refresh_catalog(engine, spec, open_connector(spec, config))
    assert _ukimet(config.home, "sync", "reg").returncode == 0
    assert gateway.query(WORKER, "SELECT marka FROM reg.vehicles", PURPOSE).rows == [("Lada",)]


def test_a_sync_that_finds_nothing_new_publishes_nothing_and_a_change_publishes_one_snapshot(
        registry: dict[str, Any], tmp_path: Path) -> None:
    config: Settings = registry["config"]
    engine = connect_metadata(config)

    def newest() -> int:
        with contextlib.closing(open_store(config.resolved_store_path(), read_only=True)) as con:
            return current_snapshot(con)

    before = newest()
    [unchanged] = Syncer(engine, config).sync(["reg"])
    assert unchanged.status == "done" and all(t.unchanged for t in unchanged.tables)
    assert newest() == before  # nothing new: no snapshot, no answer drawn again
    _add_persons(tmp_path / "registry.sqlite", 61, 2)
    [changed] = Syncer(engine, config).sync(["reg"])
    persons = next(t for t in changed.tables if t.table == "persons")
    assert persons.inserted == 2 and not persons.unchanged
    assert newest() == before + 1  # every table of the source, published in one snapshot
    assert not staging_path(config.resolved_store_path(), "reg").exists()  # staging is given back after publish


def test_a_linkage_run_on_the_command_line_publishes_one_snapshot(registry: dict[str, Any]) -> None:
    config: Settings = registry["config"]

    def newest() -> int:
        with contextlib.closing(open_store(config.resolved_store_path(), read_only=True)) as con:
            return current_snapshot(con)

    before = newest()
    result = CliRunner().invoke(app, ["link"], env={"UKIMET_HOME": str(config.home)})
    assert result.exit_code == 0, result.output
    # every link table at once: a server never reads new entities beside old golden records or families
    assert newest() == before + 1


def test_the_operator_lists_the_snapshots_with_what_published_them(registry: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["store", "snapshots", "--limit", "50"],
                                env={"UKIMET_HOME": str(registry["config"].home)})
    assert result.exit_code == 0, result.output
    letters = "".join(c for c in result.output if c.isalnum())  # the table wraps its cells at the terminal's width
    assert "ukimetsyncreg" in letters


def test_a_store_of_an_earlier_release_is_copied_into_the_lake_and_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    legacy = duckdb.connect(str(home / "store.duckdb"))
    legacy.execute("CREATE SCHEMA reg")
    legacy.execute("CREATE TABLE reg.persons AS SELECT range AS id FROM range(7)")
    legacy.close()
    con = open_store(Settings(home=home).resolved_store_path(), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM reg.persons").fetchone() == (7,)
    finally:
        con.close()
    assert (home / "store.duckdb.imported").exists() and not (home / "store.duckdb").exists()


def test_a_second_sync_of_the_same_source_gives_way_to_the_first_and_says_so(registry: dict[str, Any]) -> None:
    import datetime as dt

    from sqlalchemy import insert, select

    from ukimet.core.metadata import sync_runs
    from ukimet.sync.engine import Syncer

    config: Settings = registry["config"]
    engine = connect_metadata(config)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:  # a sync of "reg" running in another live process
        with engine.begin() as db:
            db.execute(insert(sync_runs).values(source="reg", mode="auto", started_at=dt.datetime.now(dt.UTC),
                                                status="running", pid=sleeper.pid))
        (result,) = Syncer(engine, config).sync(["reg"])
    finally:
        sleeper.kill()
        sleeper.wait()
    assert result.status == "failed" and result.error is not None and str(sleeper.pid) in result.error
    with engine.connect() as db:
        statuses = [r.status for r in db.execute(select(sync_runs.c.status).where(sync_runs.c.source == "reg")
                                                 .order_by(sync_runs.c.run_id))]
    assert statuses[-2:] == ["running", "failed"]  # the first is left alone; nothing of it was touched
    assert [r[0] for r in Gateway(config, policy=registry_policy()).query(WORKER, IDS, PURPOSE).rows] == \
        list(range(1, 61))


def test_a_linkage_run_publishes_no_working_table_and_leaves_no_spill_behind(registry: dict[str, Any]) -> None:
    config: Settings = registry["config"]
    result = CliRunner().invoke(app, ["link"], env={"UKIMET_HOME": str(config.home)})
    assert result.exit_code == 0, result.output
    with contextlib.closing(open_store(config.resolved_store_path(), read_only=True)) as con:
        tables = "SELECT table_name FROM duckdb_tables() WHERE schema_name = ?"
        left = con.execute(tables, [SCRATCH_SCHEMA]).fetchall()
        kept = {r[0] for r in con.execute(tables, ["link"]).fetchall()}
    assert left == []
    assert {"entities", "identities", "pair_scores", "profiles"} <= kept
    _, _, temporary = lake_paths(config.resolved_store_path())
    assert not any(f.stat().st_size for f in temporary.rglob("*") if f.is_file())


def test_working_tables_in_the_lake_or_in_memory_give_the_same_entities(registry: dict[str, Any],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A large linkage keeps its working tables in the lake's scratch schema, a small one in memory
    (sync.store.SCRATCH_FROM_RECORDS): the entities are the same, and nothing is left in the scratch schema."""
    from ukimet.link import backend
    from ukimet.link.api import link_store

    config: Settings = registry["config"]

    def linked() -> tuple[list[tuple[str, str]], list[tuple[str]]]:
        link_store(config)
        with contextlib.closing(open_store(config.resolved_store_path(), read_only=True)) as con:
            return (con.execute("SELECT concat_ws('/', r.source, r.source_table, r.party, r.record_key), e.entity_id "
                                "FROM link.person_records r JOIN link.entities e USING (record_id) ORDER BY 1, 2")
                    .fetchall(),
                    con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = ?", [SCRATCH_SCHEMA])
                    .fetchall())

    in_memory, _ = linked()
    monkeypatch.setattr(backend, "SCRATCH_FROM_RECORDS", 0)
    in_lake, left = linked()
    assert in_lake == in_memory and len(in_lake) > 10
    assert left == []


def test_what_a_killed_linkage_wrote_to_the_scratch_schema_goes_with_the_next_expiry(tmp_path: Path) -> None:
    home = tmp_path / "home"
    config = Settings(home=home)
    path = config.resolved_store_path()
    open_store(path).close()
    killed = subprocess.run([sys.executable, "-c", f"""
import os
from pathlib import Path
from ukimet.sync.store import open_store
con = open_store(Path({str(path)!r}))
con.execute("BEGIN TRANSACTION")
con.execute("CREATE TABLE _scratch.pairs AS SELECT range AS a, md5(range::VARCHAR) AS b FROM range(200000)")
os._exit(9)"""], capture_output=True, text=True, timeout=120, check=False)
    assert killed.returncode == 9, killed.stderr
    _, files, _ = lake_paths(path)
    left = [f for f in (files / SCRATCH_SCHEMA).rglob("*") if f.is_file()]
    assert left  # the run never published: nothing reads these files
    for f in left:
        os.utime(f, (f.stat().st_atime - 3 * 86400, f.stat().st_mtime - 3 * 86400))
    result = CliRunner().invoke(app, ["store", "expire", "--older-than", "1"], env={"UKIMET_HOME": str(home)})
    assert result.exit_code == 0, result.output
    assert not any(f.exists() for f in left)


def _bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def test_a_working_table_dropped_within_a_publishing_transaction_gives_its_disk_back_at_once(
        tmp_path: Path) -> None:
    """What a long linkage run relies on (sync.store.SCRATCH_SCHEMA): in the lake a dropped table's files go at
    once, while a dropped temporary table is spilled until the transaction ends. Were either to change with a
    DuckDB or DuckLake release, a million-person linkage would need several times the store in spill files."""
    path = tmp_path / "store.ducklake"
    _, files, temporary = lake_paths(path)
    con = open_store(path, memory_limit="200MB")
    rows = "SELECT range AS a, md5(range::VARCHAR) AS b FROM range(3000000)"
    try:
        with publishing(con, "test"):
            before = _bytes(files)
            for step in range(3):
                con.execute(f"CREATE TABLE {SCRATCH_SCHEMA}.step_{step} AS {rows}")
                assert _bytes(files) > before
                con.execute(f"DROP TABLE {SCRATCH_SCHEMA}.step_{step}")
                assert _bytes(files) == before
            for step in range(3):
                con.execute(f"CREATE TEMP TABLE step_{step} AS {rows}")
                con.execute(f"DROP TABLE step_{step}")
            held = _bytes(temporary)
        assert held > 50 * 2**20  # the temporary tables were still spilled when dropped
        assert _bytes(temporary) < held  # and given back only at the commit
    finally:
        con.close()


def test_writers_hold_at_most_the_configured_memory_and_a_malformed_limit_is_refused(tmp_path: Path) -> None:
    import pydantic

    config = Settings(home=tmp_path, work_memory_limit="512MB")
    con = open_store(config.resolved_store_path(), memory_limit=config.work_memory_limit)
    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()
    finally:
        con.close()
    assert limit is not None and limit[0] in ("488.2 MiB", "512.0 MB")
    with pytest.raises(pydantic.ValidationError, match="work_memory_limit"):
        Settings(home=tmp_path, work_memory_limit="half of it")


@pytest.mark.parametrize(("limit", "threads"), [("100MB", 1), ("256MB", 1), ("512 MiB", 2), ("1GB", 3),
                                              ("2.5GB", 9), ("5GB", 19)])
def test_a_memory_limit_gives_each_thread_at_least_256_mb(limit: str, threads: int) -> None:
    assert threads_within(limit) == threads


def test_a_small_memory_limit_runs_the_writer_on_fewer_threads_and_a_large_one_on_every_core(tmp_path: Path) -> None:
    cores = os.cpu_count() or 1
    for limit, expected in (("256MB", 1), ("64GB", cores)):
        con = open_store(tmp_path / "store.ducklake", memory_limit=limit)
        try:
            threads = con.execute("SELECT current_setting('threads')").fetchone()
        finally:
            con.close()
        assert threads is not None and int(threads[0]) == expected


def test_the_newest_snapshot_is_looked_up_again_only_when_the_catalog_changed_or_a_second_passed(
        registry: dict[str, Any]) -> None:
    path = registry["config"].resolved_store_path()
    watch, looks, reader = PublishedWatch(path), [], open_store(path, read_only=True)  # as a server's engine

    def look_up() -> int:
        looks.append(1)
        return newest_snapshot(reader)

    first = watch(look_up)
    assert watch(look_up) == first and len(looks) == 1  # nothing published: the file was not read again
    writer = open_store(path)
    try:
        writer.execute("DELETE FROM reg.persons WHERE id > 50")
        published = current_snapshot(writer)
    finally:
        writer.close()
    assert watch(look_up) == published > first and len(looks) == 2  # the very next look sees the publish
    watch.seconds = 0.0
    assert watch(look_up) == published and len(looks) == 3  # past the time bound: looked up whatever the files
    reader.close()
