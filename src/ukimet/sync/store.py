"""The integrated store: a DuckLake (an open table format of the DuckDB project) whose catalog is a SQLite file
and whose tables are Parquet files beside it. A schema per source, a table per source table.

Why a lake and not one DuckDB file: a DuckDB file is opened by one writing process or by readers, never both, so
the web app had to stop for every sync. In the lake every commit is a snapshot: sync, link and the mart build
publish while the server reads the previous snapshot; a reader's next transaction sees the new one without a
restart; every snapshot stays readable ("as of", ``as_of``) until it is expired; and the Parquet files of a
snapshot are what Spark reads at national scale (``snapshot_files``).

Nothing is ever downloaded at run time: the ``ducklake`` and ``sqlite_scanner`` extensions are loaded from their
PyPI packages (pinned to DuckDB's own version), and extension auto-install and auto-load are switched off.

A home made before the lake holds ``store.duckdb``: it is copied into the lake the first time the lake is opened,
and kept beside it renamed ``store.duckdb.imported`` (nothing is deleted)."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import importlib.util
import re
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ukimet.core.errors import StoreError

QUARANTINE_SCHEMA = "_quarantine"
SCRATCH_SCHEMA = "_scratch"
"""Working tables of a run that publishes in one transaction (linkage). There the lake deletes a table's Parquet
files as soon as the table is dropped or replaced, while a dropped temporary table is kept (in memory, or spilled to
the temporary folder) until the transaction ends, since it could still be rolled back: with temporary tables a long
run's spill files grew with every step it took (9 GB at a million persons, three times the store). Source names
start with a letter, so no source's schema is called this."""
SCRATCH_FROM_RECORDS = 2_000_000
"""From this many person records a linkage keeps its working tables in ``SCRATCH_SCHEMA``; below, in temporary
tables, which fit in memory there and cost nothing to make (a lake table costs a catalog entry and a Parquet
file: on FEBRL's 5,000 records the lake made linkage four times slower)."""
LOOKUP_SCHEMA = "lookup"
"""the linkage's lookup tables for serving one person at a time (link.lookup)"""
SCHEMA_OPTIONS = {LOOKUP_SCHEMA: {"parquet_row_group_size": 8192}}
"""schemas whose tables are written with options of their own: the lookup tables in small row groups, so that a
lookup by the key they are sorted by reads one small row group"""
LOCKED_CONFIG = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
LAKE = "store"
"""The name the lake is attached under (and made the default catalog) on every connection."""
METADATA = f"__ducklake_metadata_{LAKE}"
"""The catalog database as DuckDB attaches it beside the lake."""
EXTENSIONS = {"ducklake": "duckdb_extension_ducklake", "sqlite_scanner": "duckdb_extension_sqlite_scanner"}
LEGACY_SUFFIX = ".duckdb"
TABLES = ("(SELECT DISTINCT schema_name AS table_schema, table_name FROM duckdb_columns() "
          "WHERE database_name = current_database()) AS tables")
"""The store's tables (table_schema, table_name), for FROM: information_schema.tables would fetch every lake
table's statistics first (a catalog query per table, a quarter of a second for a few dozen tables)."""


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    """A SQL string literal (quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def lake_paths(path: Path) -> tuple[Path, Path, Path]:
    """The catalog file, the folder of Parquet files and the folder of temporary files of the store at ``path``
    (a configured ``store.duckdb`` of an older home means the lake beside it, ``store.ducklake``)."""
    catalog = path.with_suffix(".ducklake") if path.suffix == LEGACY_SUFFIX else path
    return catalog, catalog.with_name(catalog.name + ".files"), catalog.with_name(catalog.name + ".tmp")


def _extension(name: str) -> str:
    spec = importlib.util.find_spec(EXTENSIONS[name])
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        found = Path(folder) / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
        if found.exists():
            return str(found)
    raise StoreError("store.extension", extension=name, package=EXTENSIONS[name].replace("_", "-"),
                     version=duckdb.__version__)


def open_store(path: Path, read_only: bool = False, *, as_of: int | None = None,
               locked: bool = False, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is the store at ``path``. ``read_only``: nothing can be written;
    ``as_of``: the store as it was at that snapshot (read-only); ``locked``: no file, network or extension access
    besides the lake's own files, and the configuration cannot be changed by a query (the gateway's engine);
    ``memory_limit``: what the connection may hold before it spills to the store's temporary folder (DuckDB's own
    default is 80 % of the machine, which a large linkage or mart build fills)."""
    catalog, files, temp = lake_paths(path)
    read_only = read_only or as_of is not None
    if not catalog.exists():
        legacy = catalog.with_suffix(LEGACY_SUFFIX)
        if legacy.exists():
            _adopt(legacy, catalog)
        elif read_only:
            raise StoreError("store.open", path=str(catalog), detail="it does not exist yet")
    catalog.parent.mkdir(parents=True, exist_ok=True)
    files.mkdir(exist_ok=True)
    made = not catalog.exists() and not read_only
    _write_ahead(catalog)
    try:
        con = duckdb.connect(config={**LOCKED_CONFIG, "temp_directory": str(temp)})
        options = ["READ_ONLY"] if read_only else []
        if as_of is not None:
            options.append(f"SNAPSHOT_VERSION {int(as_of)}")
        _attach(con, catalog, files, options)
        con.execute(f"USE {LAKE}")
        if made:
            prepare_schemas(con)
        _limit(con, memory_limit)
        if locked:
            con.execute(f"SET allowed_directories = [{literal(str(files) + '/')}]")
            con.execute("SET enable_external_access = false")
    except duckdb.Error as exc:
        with contextlib.suppress(UnboundLocalError, duckdb.Error):
            con.close()
        raise StoreError("store.open", path=str(catalog), detail=(str(exc).splitlines() or [""])[0]) from None
    return con


def open_workspace(temp: Path, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A store that lives as long as its connection: its default catalog, ``store``, is a DuckDB database in
    memory, not a lake (no snapshot, no Parquet file, no catalog commit), spilling to ``temp`` beyond
    ``memory_limit``. For a run whose store is thrown away at its end (``ukimet link --out``): the lake's commits
    were a quarter of such a run's time. Everything written for a store works on it; a snapshot is never taken."""
    try:
        con = duckdb.connect(config={**LOCKED_CONFIG, "temp_directory": str(temp)})
        con.execute(f"ATTACH ':memory:' AS {LAKE}")
        con.execute(f"USE {LAKE}")
        prepare_schemas(con)
        _limit(con, memory_limit)
    except duckdb.Error as exc:
        raise StoreError("store.open", path=str(temp), detail=(str(exc).splitlines() or [""])[0]) from None
    return con


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``con``'s store is a lake (``open_store``) rather than a workspace in memory (``open_workspace``)."""
    row = con.execute("SELECT type FROM duckdb_databases() WHERE database_name = ?", [LAKE]).fetchone()
    return row is not None and row[0] == "ducklake"


def _limit(con: duckdb.DuckDBPyConnection, memory_limit: str | None) -> None:
    """No progress bar of DuckDB's (ukimet draws its own); and at most ``memory_limit`` held, with no more
    threads than it leaves room for."""
    con.execute("SET enable_progress_bar = false")
    if memory_limit is not None:
        con.execute(f"SET memory_limit = {literal(memory_limit)}")
        threads = int(con.execute("SELECT current_setting('threads')").fetchone()[0])  # type: ignore[index]
        if threads > (fits := threads_within(memory_limit)):
            con.execute(f"SET threads = {fits}")


MEMORY_PER_THREAD = 256 * 1000**2
"""Bytes of the memory limit each DuckDB thread is given at least. Every thread holds buffers of its own, some
outside the limit (a Parquet writer's row group, a hash table's partitions): under a small limit, fewer
threads keep the process near it (DuckDB's guide on out-of-memory errors: fewer threads first)."""
_UNIT = {"KB": 1000, "MB": 1000**2, "GB": 1000**3, "TB": 1000**4, "KIB": 1024, "MIB": 1024**2, "GIB": 1024**3,
         "TIB": 1024**4}


def threads_within(memory_limit: str) -> int:
    """How many threads a memory limit such as "256MB" or "5 GiB" (DuckDB's units) gives room for: at least one."""
    number = memory_limit.strip().rstrip("BbIiKkMmGgTt ").strip()
    unit = memory_limit.strip()[len(number):].strip().upper()
    return max(1, int(float(number) * _UNIT.get(unit, 1) // MEMORY_PER_THREAD))


def prepare_schemas(con: duckdb.DuckDBPyConnection) -> None:
    """Make the schemas that are written with options of their own (``SCHEMA_OPTIONS``) and the scratch schema,
    unless they are there: on a new store, and before a run that writes them, outside its transaction (the lake sets
    no option on a schema made in the same transaction)."""
    for schema, settings in {SCRATCH_SCHEMA: {}, **SCHEMA_OPTIONS}.items():
        if con.execute("SELECT 1 FROM duckdb_schemas() WHERE database_name = ? AND schema_name = ?",
                       [LAKE, schema]).fetchone() is not None:
            continue
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {ident(schema)}")
        for option, value in settings.items() if is_lake(con) else ():
            con.execute(f"CALL {LAKE}.set_option({literal(option)}, {value}, schema => {literal(schema)})")


INLINED_COLUMNS = 1_900
"""DuckLake keeps a small table's rows in its catalog database, in a table of the same columns; SQLite holds at
most 2,000 columns in a table, so a schema with a table wider than this keeps all its rows in Parquet files."""


def keep_wide_in_files(con: duckdb.DuckDBPyConnection, schema: str, columns: int) -> None:
    """Before a table of ``columns`` columns is written to ``schema``: switch the catalog's inlining off for that
    schema when the table is too wide for it. Outside the writing transaction (the lake sets no option on a schema
    made in the same transaction)."""
    if columns <= INLINED_COLUMNS or not is_lake(con):
        return
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {ident(schema)}")
    con.execute(f"CALL {LAKE}.set_option('data_inlining_row_limit', 0, schema => {literal(schema)})")


def _attach(con: duckdb.DuckDBPyConnection, catalog: Path, files: Path, options: list[str]) -> None:
    """Attach the lake whose catalog is ``catalog`` and whose Parquet files are in ``files`` to ``con`` as ``store``
    (its extensions loaded from their packages: nothing is downloaded)."""
    for name in EXTENSIONS:
        con.load_extension(_extension(name))
    every = [f"DATA_PATH {literal(str(files) + '/')}", "OVERRIDE_DATA_PATH TRUE", *options]
    con.execute(f"ATTACH {literal('ducklake:sqlite:' + str(catalog))} AS {LAKE} ({', '.join(every)})")


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A new cursor on ``con`` (for another thread, or one query at a time) reading the store by default, as
    ``con`` does (a cursor starts on DuckDB's own in-memory catalog)."""
    new = con.cursor()
    new.execute(f"USE {LAKE}")
    return new


def rebuild(con: duckdb.DuckDBPyConnection, schema: str, table: str, select: str) -> None:
    """``CREATE OR REPLACE TABLE schema.table AS select`` where ``select`` reads the table itself: built beside it
    and renamed (within one transaction, DuckLake 1.5 deletes the files of a table made in that transaction when it
    is replaced, before the replacing query has read them)."""
    staged = f"{table}__rebuilt"
    con.execute(f"CREATE OR REPLACE TABLE {ident(schema)}.{ident(staged)} AS {select}")
    con.execute(f"DROP TABLE IF EXISTS {ident(schema)}.{ident(table)}")
    con.execute(f"ALTER TABLE {ident(schema)}.{ident(staged)} RENAME TO {ident(table)}")


@contextlib.contextmanager
def reading(con: duckdb.DuckDBPyConnection, within: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Many statements as one transaction: a statement outside a transaction is a transaction of its own, and on
    the lake every transaction pays for its catalog lookups (about 5 ms here, even for a temporary table); inside
    one, a small statement costs a tenth of a millisecond. Committed at the end, rolled back on failure.
    ``within``: ``con`` is in the caller's transaction already (DuckDB has no nested ones), which commits."""
    if within:
        yield con
        return
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextlib.contextmanager
def publishing(con: duckdb.DuckDBPyConnection, message: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction, one snapshot: what is written inside is published whole at the end (readers go on
    reading the previous snapshot until then), or not at all when anything fails; ``message`` says what it was
    (``ukimet store snapshots``)."""
    with reading(con):
        described(con, message)
        yield con


def described(con: duckdb.DuckDBPyConnection, message: str) -> None:
    """Name what the open transaction publishes (shown by ``ukimet store snapshots``); a workspace publishes no
    snapshot to name."""
    if not is_lake(con):
        return
    con.execute(f"CALL ducklake_set_commit_message({literal(LAKE)}, 'ukimet', ?)", [message])


@dataclass(frozen=True)
class Snapshot:
    id: int
    time: dt.datetime
    message: str | None
    changes: str


def list_snapshots(con: duckdb.DuckDBPyConnection, limit: int) -> list[Snapshot]:
    """The newest ``limit`` snapshots, newest first."""
    rows = con.execute(f"SELECT snapshot_id, snapshot_time, commit_message, changes FROM "
                       f"ducklake_snapshots({literal(LAKE)}) ORDER BY snapshot_id DESC LIMIT ?", [limit]).fetchall()
    out = []
    for number, made, message, changes in rows:
        said = "; ".join(f"{kind.replace('_', ' ')}: {', '.join(map(str, what))}" for kind, what in
                         sorted((changes or {}).items()) if not kind.startswith("inlined"))
        out.append(Snapshot(int(number), made.astimezone(dt.UTC), message, said))
    return out


def expire_snapshots(con: duckdb.DuckDBPyConnection, older_than_days: int) -> tuple[int, int]:
    """Expire the snapshots older than ``older_than_days`` days (never the newest) and delete the files no kept
    snapshot reads, and the files older than that which no snapshot ever read (what a run that was killed before
    it published had written: a linkage's working tables in ``SCRATCH_SCHEMA``, a sync's tables): how many
    snapshots and files."""
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=older_than_days)
    expired = con.execute(f"CALL ducklake_expire_snapshots({literal(LAKE)}, older_than => ?::TIMESTAMPTZ)",
                          [cutoff]).fetchall()
    files = con.execute(f"CALL ducklake_cleanup_old_files({literal(LAKE)}, cleanup_all => true)").fetchall()
    orphans = con.execute(f"CALL ducklake_delete_orphaned_files({literal(LAKE)}, older_than => ?::TIMESTAMPTZ)",
                          [cutoff]).fetchall()
    return len(expired), len(files) + len(orphans)


def _write_ahead(catalog: Path) -> None:
    """The catalog in SQLite's write-ahead-log mode (kept in the file): a reader's open transaction (the gateway
    reads one snapshot per access) then never holds back a writer's commit, nor a commit a reader."""
    with contextlib.suppress(OSError), catalog.open("rb") as head:
        if head.read(20)[18:20] == b"\x02\x02":  # the file format numbers of a database in WAL mode
            return
    with contextlib.closing(sqlite3.connect(catalog, timeout=30)) as db:
        db.execute("PRAGMA journal_mode=WAL")


def create_store(path: Path) -> None:
    """An empty store at ``path`` (an installation before its first sync)."""
    open_store(path).close()


def current_snapshot(con: duckdb.DuckDBPyConnection) -> int:
    """The snapshot the connection's current transaction reads."""
    row = con.execute(f"SELECT id FROM ducklake_current_snapshot({literal(LAKE)})").fetchone()
    return int(row[0]) if row else 0


def newest_snapshot(con: duckdb.DuckDBPyConnection) -> int:
    """The newest snapshot published: what a new transaction of the lake would read, looked up in the lake's
    catalog database directly (about 1 ms on a cursor of its own, against 5-7 ms for a lake transaction's
    ``current_snapshot``). The catalog is read through DuckDB's own SQLite, never through Python's: two SQLite
    libraries in one process do not share their file locks, and Python's then kept reading an old state."""
    row = con.execute(f"SELECT max(snapshot_id) FROM {METADATA}.ducklake_snapshot").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


class PublishedWatch:
    """The newest published snapshot for a server that asks at every access: looked up again (``newest_snapshot``,
    about 2 ms of a request's 15 here) only when the lake's catalog file or its write-ahead log has changed since
    the last look, or ``seconds`` have passed. Every publish writes both, so a reader sees a new snapshot at its
    next access; the time bound covers a change that left a file's size and modification time as they were."""

    def __init__(self, path: Path, seconds: float = 1.0) -> None:
        catalog = lake_paths(path)[0]
        self._files = (catalog, catalog.with_name(catalog.name + "-wal"))
        self.seconds = seconds
        self._lock = threading.Lock()
        self._known: tuple[tuple[tuple[int, int], ...], float, int] | None = None

    def _mark(self) -> tuple[tuple[int, int], ...]:
        marks = []
        for file in self._files:
            try:
                stat = file.stat()
            except OSError:
                marks.append((-1, -1))
            else:
                marks.append((stat.st_mtime_ns, stat.st_size))
        return tuple(marks)

    def __call__(self, look_up: Callable[[], int]) -> int:
        """The newest snapshot (``look_up``: how to read it, as ``newest_snapshot`` does, when the catalog may have
        changed)."""
        mark, now = self._mark(), time.monotonic()  # taken before the look: a publish after it changes the mark
        with self._lock:
            known = self._known
        if known is not None and known[0] == mark and now - known[1] < self.seconds:
            return known[2]
        newest = look_up()
        with self._lock:
            self._known = (mark, now, newest)
        return newest


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The newest committed schema version: it changes when a table or column is added, dropped or retyped."""
    row = con.execute(f"SELECT max(schema_version) FROM {METADATA}.ducklake_snapshot").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def snapshot_files(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[str]:
    """The Parquet files that hold ``schema.table`` at the connection's snapshot (what Spark reads); a table with
    deleted rows is refused (its delete files would be ignored): the store rewrites such tables first."""
    rows = con.execute(f"SELECT data_file, delete_file FROM ducklake_list_files({literal(LAKE)}, ?, schema => ?)",
                       [table, schema]).fetchall()
    if any(delete for _, delete in rows):
        con.execute(f"CALL ducklake_rewrite_data_files({literal(LAKE)}, ?, schema => ?)", [table, schema])
        rows = con.execute(f"SELECT data_file, delete_file FROM ducklake_list_files({literal(LAKE)}, ?, "
                           "schema => ?)", [table, schema]).fetchall()
    return [str(data) for data, _ in rows]


@contextlib.contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _adopt(legacy: Path, catalog: Path) -> None:
    """Copy a DuckDB-file store of an older home into a new lake, every schema and table, in one transaction; the
    old file is then kept as ``<name>.imported``. A file written by a newer DuckDB than this one is read from its
    export (``EXPORT DATABASE '<name>.export' (FORMAT parquet)``, run once with that DuckDB: the refusal says how).
    Two processes opening the old home at once copy it once."""
    with _exclusive(catalog.with_name(catalog.name + ".lock")):
        if catalog.exists():
            return
        building = catalog.with_name(catalog.name + ".building")
        building.unlink(missing_ok=True)
        files = lake_paths(catalog)[1]
        con = duckdb.connect(config=dict(LOCKED_CONFIG))
        try:
            tables = _legacy_tables(con, legacy)
            _attach(con, building, files, [])
            con.execute("BEGIN")
            for schema in sorted({s for s, _, _ in tables} - {"main"}):
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {LAKE}.{ident(schema)}")
            for schema, table, rows in tables:
                con.execute(f"CREATE TABLE {LAKE}.{ident(schema)}.{ident(table)} AS SELECT * FROM {rows}")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            raise StoreError("store.adopt", path=str(legacy),
                             detail=(str(exc).splitlines() or [""])[0]) from None
        finally:
            con.close()
        building.replace(catalog)
        legacy.replace(legacy.with_name(legacy.name + ".imported"))


def _legacy_tables(con: duckdb.DuckDBPyConnection, legacy: Path) -> list[tuple[str, str, str]]:
    """(schema, table, where its rows are read from) for every table of an older home's store file."""
    try:
        con.execute(f"ATTACH {literal(str(legacy))} AS legacy (READ_ONLY)")
    except duckdb.Error as exc:
        export = legacy.with_name(legacy.name + ".export")
        if not (export / "load.sql").exists():
            raise StoreError("store.legacy_format", path=str(legacy), export=str(export),
                             detail=(str(exc).splitlines() or [""])[0]) from None
        return _exported_tables(export)
    rows = con.execute("SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'legacy' "
                       "ORDER BY 1, 2").fetchall()
    return [(schema, table, f"legacy.{ident(schema)}.{ident(table)}") for schema, table in rows]


_COPY = re.compile(r"""^COPY\s+(?:"((?:[^"]|"")+)"|(\w+))\.(?:"((?:[^"]|"")+)"|(\w+))\s+FROM\s+'((?:[^']|'')+)'""",
                   re.IGNORECASE)


def _exported_tables(export: Path) -> list[tuple[str, str, str]]:
    """The tables of an ``EXPORT DATABASE`` folder, from its load.sql (each file looked up in the folder, wherever
    the export was made from)."""
    out = []
    for line in (export / "load.sql").read_text(encoding="utf-8").splitlines():
        found = _COPY.match(line.strip())
        if found:
            schema = (found.group(1) or found.group(2)).replace('""', '"')
            table = (found.group(3) or found.group(4)).replace('""', '"')
            data = export / Path(found.group(5).replace("''", "'")).name
            out.append((schema, table, f"read_parquet({literal(str(data))})"))
    return out


def use_scratch(con: duckdb.DuckDBPyConnection) -> None:
    """Let unqualified names find the working tables in ``SCRATCH_SCHEMA`` (made beforehand, by
    ``prepare_schemas``)."""
    con.execute(f"SET search_path = {literal(f'main,{SCRATCH_SCHEMA}')}")


def clear_scratch(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the working tables a run left in ``SCRATCH_SCHEMA``, so that its snapshot publishes none."""
    for (table,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ?",
                                [LAKE, SCRATCH_SCHEMA]).fetchall():
        con.execute(f"DROP TABLE {ident(SCRATCH_SCHEMA)}.{ident(table)}")


def store_tables(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, dict[str, str]]:
    """Published tables of ``source`` in the store: table -> {column: type}."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_catalog = ? "
        "AND table_schema = ? AND table_name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY table_name, ordinal_position",
        [LAKE, source]).fetchall()
    out: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        out.setdefault(table, {})[column] = kind
    return out


def query_arrow(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """A query's result as an Arrow table, on DuckDB 1.x (arrow) and 2.x (to_arrow_table)."""
    # through execute(), not sql(): DuckDB 2 refuses sql() while an earlier execute() result is unfinished
    result = con.execute(sql)
    fetch = getattr(result, "to_arrow_table", None) or getattr(result, "fetch_arrow_table")  # noqa: B009
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Arrow output on a DB-API result")  # one copy: fine here
        table: pa.Table = fetch()
    return table
