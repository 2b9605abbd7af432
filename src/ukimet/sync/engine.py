"""Sync agency sources into the integrated store.

Rules, stated once:
- Each table is read into a staging table under the run's own name, typed, diffed against the current snapshot,
  and only when every table of the source is staged are they all published in one transaction: readers see the
  previous snapshot until the new one is complete, and a killed sync leaves it untouched. Staging happens outside
  the lake, in a DuckDB file of the source's own (sync.staging): the lake gets one snapshot per sync that changed
  something and none for a sync that found nothing new, and syncs of two sources never contend for its catalog.
- Staged tables are durable: a run that was interrupted is resumed by the next one, which keeps what it staged.
- Incremental: a table with an updated-at column and a key is read from the last watermark and merged by key
  (such a source cannot show deletes: run ``--full`` from time to time); every other table is read whole and
  compared by key and row hash, so inserts, updates and deletes are all seen.
- Schema drift (columns added, dropped, retyped) is detected against the previous snapshot, reported in the run
  and its lineage, and the store follows the source; an incremental table with drift is reloaded in full. A table
  gone from the source stays in the store, as last synced, and is reported on every run until it is dropped.
- Values that do not fit a column's declared type are quarantined with their reason, never dropped.
- One failing source does not stop the others; its run is recorded as failed with the reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa
from sqlalchemy import Engine, and_, insert, select, update

from ukimet.connect.catalog import columns_of, refresh_catalog
from ukimet.connect.connectors import Connector, TableInfo, open_connector
from ukimet.connect.connectors.base import REASON, one_line
from ukimet.connect.sources import SourceSpec, get_source, list_sources
from ukimet.core.errors import SourceError, StoreError, UkimetError
from ukimet.core.metadata import lineage, sync_runs
from ukimet.core.settings import Settings
from ukimet.sync.memory import give_back
from ukimet.sync.staging import STAGING, causes, out_of_memory, out_of_space, staged_run, staged_tables, staging
from ukimet.sync.store import (
    QUARANTINE_SCHEMA,
    TABLES,
    ident,
    keep_wide_in_files,
    literal,
    open_store,
    publishing,
    store_tables,
)

Progress = Callable[[str, str, int, int | None], None]
"""(source, table, rows read so far, rows expected or None)."""

@dataclass
class TableResult:
    table: str
    store_table: str
    mode: str
    rows_read: int = 0
    rows_written: int = 0
    rows_quarantined: int = 0
    inserted: int | None = None
    updated: int | None = None
    deleted: int | None = None
    drift: dict[str, Any] = field(default_factory=dict)
    watermark: str | None = None
    error: str | None = None
    """Why the table could not be synced (it then keeps its previous snapshot, and the source's other tables go on)."""
    fingerprint: str | None = None
    """The source's table as it was read (``Connector.fingerprint``)."""

    @property
    def unchanged(self) -> bool:
        """Compared with the published table, nothing was added, changed, removed or retyped: not published again."""
        return (self.inserted == 0 and not self.updated and not self.deleted and not self.drift
                and self.mode != "resumed")


@dataclass
class SourceResult:
    source: str
    run_id: int
    status: str
    tables: list[TableResult] = field(default_factory=list)
    error: str | None = None
    gone: list[str] = field(default_factory=list)
    """Tables in the store that the source no longer has (kept as last synced)."""


COMPARE_SLICE_ROWS = 250_000
"""Rows a re-sync's comparison with the published table counts at a time (by hash slice)."""


def _load(con: duckdb.DuckDBPyConnection, target: str, batches: Iterator[pa.RecordBatch], group_rows: int) -> None:
    """Write ``batches`` into the new table ``target``, ``group_rows`` rows at a time, each group committed on its
    own: the sync holds one group, whatever the table's size. (One statement over the whole stream kept every row
    in memory until its commit: 500 MB above the program for a 235 MB CSV file, whatever the memory limit.)"""
    pending: list[pa.RecordBatch] = []
    held, made = 0, False

    def write() -> None:
        nonlocal pending, held, made
        con.register("_ukimet_rows", pa.Table.from_batches(pending))
        try:
            con.execute(f"INSERT INTO {target} SELECT * FROM _ukimet_rows" if made else
                        f"CREATE TABLE {target} AS SELECT * FROM _ukimet_rows")
        finally:
            con.unregister("_ukimet_rows")
        pending, held, made = [], 0, True
        give_back()  # the group's rows are written: what held them is not carried into the next

    for batch in batches:
        pending.append(batch)
        held += batch.num_rows
        if held >= group_rows:
            write()
    if pending or not made:
        write()


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True




def stopped_by_operator(error: BaseException) -> bool:
    """Whether ``error`` is the operator's stop (Ctrl-C, a termination) rather than a failure. DuckDB answers
    Ctrl-C during a query with ``RuntimeError('Query interrupted')`` (or an ``InterruptException``), and one
    that lands in a Python reader DuckDB is scanning comes back as a ``duckdb.Error`` naming it: the
    KeyboardInterrupt itself is lost, and the run would be recorded as failed, not interrupted."""
    return any(  # the stop itself, or what it became on its way out of DuckDB's scan of a Python reader
        isinstance(seen, (KeyboardInterrupt, SystemExit, duckdb.InterruptException))
        or (type(seen) is RuntimeError and str(seen) == "Query interrupted")
        # a reader's KeyboardInterrupt, re-raised by DuckDB as 'KeyboardInterrupt: <EMPTY MESSAGE>'
        or (isinstance(seen, duckdb.Error) and str(seen).startswith("KeyboardInterrupt"))
        for seen in causes(error))


class Syncer:
    def __init__(self, engine: Engine, config: Settings, progress: Progress | None = None,
                 catalogued: dict[str, list[TableInfo]] | None = None) -> None:
        self.engine = engine
        self.config = config
        self.progress = progress
        self.catalogued = catalogued or {}
        """Tables the caller catalogued moments ago (``refresh_catalog``), by source: synced as they are, not
        introspected again (``ukimet link --out`` catalogues each file just before it syncs it)."""

    def sync(self, names: list[str] | None = None, full: bool = False,
             con: duckdb.DuckDBPyConnection | None = None) -> list[SourceResult]:
        """Sync the named sources (all when None), each on its own: a failure is recorded and the rest go on.
        ``con``: the store's connection the caller holds and goes on using (opened and closed here when None)."""
        specs = [get_source(self.engine, n) for n in names] if names else list_sources(self.engine)
        if con is not None:
            return [self._guarded(con, spec, full) for spec in specs]
        con = open_store(self.config.resolved_store_path(), memory_limit=self.config.work_memory_limit)
        try:
            return [self._guarded(con, spec, full) for spec in specs]
        finally:
            con.close()

    def _guarded(self, con: duckdb.DuckDBPyConnection, spec: SourceSpec, full: bool) -> SourceResult:
        try:
            run_id = self._start_run(spec, "full" if full else "auto")
        except StoreError as refused:  # another process is syncing this source: it is left to finish
            return SourceResult(spec.name, 0, "failed", error=str(refused))
        try:
            with staging(con, self.config.resolved_store_path(), spec.name):
                tables, catalogued = self._sync_source(con, spec, run_id, full)
            # in the store, or catalogued when the source was added or last synced: gone from the source since
            gone = sorted((set(store_tables(con, spec.name)) | catalogued) - {t.table for t in tables})
        except BaseException as exc:  # a driver's panic (a BaseException) stays in its own source
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")  # a publish cut short: the previous snapshot stays
            if stopped_by_operator(exc):  # said so, and the stop goes on
                self._finish_run(run_id, "interrupted", "stopped before it finished: the next run resumes it")
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                raise KeyboardInterrupt from exc
            message = self._said(exc, f"source {spec.name}")
            self._finish_run(run_id, "failed", message)
            return SourceResult(spec.name, run_id, "failed", error=message)
        failed = [t for t in tables if t.error]
        if failed:  # the others are published; the run says which could not be, and why
            message = (f"{len(failed)} of {len(tables)} tables of source {spec.name} could not be synced (the "
                       "others were): " + "; ".join(f"{t.table}: {t.error}" for t in failed))
            self._finish_run(run_id, "failed", message)
            return SourceResult(spec.name, run_id, "failed", tables, error=message, gone=gone)
        self._finish_run(run_id, "done", f"no longer in the source (what was synced of them is kept): "
                         f"{', '.join(gone)}" if gone else None)
        return SourceResult(spec.name, run_id, "done", tables, gone=gone)

    def _said(self, exc: BaseException, what: str) -> str:
        """A failure as a run records it: ours whole (``one_line`` would keep only a first line), running out of
        memory or of disk space with its fix, any other as ``one_line``."""
        if isinstance(exc, UkimetError):
            return str(exc)
        if out_of_memory(exc):
            return str(StoreError("store.memory", what=what, limit=self.config.work_memory_limit,
                                  detail=one_line(exc)))
        if out_of_space(exc):
            return str(StoreError("store.space", what=what, store=str(self.config.resolved_store_path().parent),
                                  detail=one_line(exc)))
        return one_line(exc)

    # --- run bookkeeping -------------------------------------------------------------------------------
    def _start_run(self, spec: SourceSpec, mode: str) -> int:
        with self.engine.begin() as db:
            for row in db.execute(select(sync_runs.c.run_id, sync_runs.c.pid).where(
                    and_(sync_runs.c.source == spec.name, sync_runs.c.status == "running"))):
                if not _alive(row.pid):
                    db.execute(update(sync_runs).where(sync_runs.c.run_id == row.run_id).values(
                        status="interrupted", finished_at=dt.datetime.now(dt.UTC)))
            result = db.execute(insert(sync_runs).values(
                source=spec.name, mode=mode, started_at=dt.datetime.now(dt.UTC), status="running", pid=os.getpid()))
            inserted = result.inserted_primary_key
            assert inserted is not None
            run_id = int(inserted[0])
        with self.engine.connect() as db:  # after the insert: of two runs started at once, the later one gives way
            earlier = [row for row in db.execute(select(sync_runs.c.run_id, sync_runs.c.pid).where(and_(
                sync_runs.c.source == spec.name, sync_runs.c.status == "running", sync_runs.c.run_id < run_id)))
                if _alive(row.pid) and row.pid != os.getpid()]
        if earlier:
            error = StoreError("sync.running", source=spec.name, pid=earlier[0].pid, run=earlier[0].run_id)
            self._finish_run(run_id, "failed", str(error))
            raise error
        return run_id

    def _finish_run(self, run_id: int, status: str, error: str | None) -> None:
        with self.engine.begin() as db:
            db.execute(update(sync_runs).where(sync_runs.c.run_id == run_id).values(
                status=status, error=error, finished_at=dt.datetime.now(dt.UTC)))

    def _last_published(self, source: str, table: str) -> Any:
        with self.engine.connect() as db:
            return db.execute(select(lineage).where(and_(
                lineage.c.source == source, lineage.c.source_table == table, lineage.c.state == "published"))
                .order_by(lineage.c.id.desc()).limit(1)).mappings().first()

    def _resumable(self, con: duckdb.DuckDBPyConnection, source: str) -> tuple[int | None, dict[str, Any]]:
        """Tables the last interrupted run of ``source`` had completely staged, by table."""
        with self.engine.connect() as db:
            last = db.execute(select(sync_runs.c.run_id, sync_runs.c.status).where(sync_runs.c.source == source)
                              .order_by(sync_runs.c.run_id.desc()).offset(1).limit(1)).first()
            if last is None or last.status != "interrupted":
                return None, {}
            staged = db.execute(select(lineage).where(and_(lineage.c.run_id == last.run_id,
                                                           lineage.c.state == "staged"))).mappings().all()
        present = set(staged_tables(con))
        kept = {r["source_table"]: r for r in staged if f"__new_{last.run_id}_{r['source_table']}" in present}
        return last.run_id, kept

    # --- one source -------------------------------------------------------------------------------------
    def _sync_source(self, con: duckdb.DuckDBPyConnection, spec: SourceSpec, run_id: int,
                     full: bool) -> tuple[list[TableResult], set[str]]:
        """The source's tables synced, and the tables the catalogue had before this run."""
        connector = open_connector(spec, self.config)
        before: dict[str, dict[str, str]] = {}  # the source's column types as the last run catalogued them
        for column in columns_of(self.engine, spec.name):
            before.setdefault(column.table, {})[column.column] = column.data_type
        tables = self.catalogued.get(spec.name) or refresh_catalog(self.engine, spec, connector, reuse=True)
        old_run, resumable = self._resumable(con, spec.name)
        self._drop_leftovers(con, spec.name, keep_run=old_run, own={t.name for t in tables})
        published = store_tables(con, spec.name)
        results = []
        for table in tables:
            staged = resumable.get(table.name)
            if staged is not None and not self._unchanged_since_staged(con, connector, table, old_run):
                staged = None  # the source changed after it was staged: read again
            if staged is not None:
                for kind in ("new", "bad", "fp"):
                    con.execute(f"ALTER TABLE IF EXISTS {STAGING}.{ident(f'__{kind}_{old_run}_{table.name}')} "
                                f"RENAME TO {ident(f'__{kind}_{run_id}_{table.name}')}")
                result = TableResult(table.name, f"{spec.name}.{table.name}", "resumed", staged["rows_read"],
                                     staged["rows_written"], staged["rows_quarantined"], staged["inserted"],
                                     staged["updated"], staged["deleted"], staged["drift"] or {}, staged["watermark"],
                                     fingerprint=staged["fingerprint"])
            else:
                try:
                    clash = next((p for p in published if p.lower() == table.name.lower() and p != table.name), None)
                    if clash is not None:  # the store folds case: writing would replace another table's data
                        raise SourceError("source.name_clash", source=spec.name, table=table.name, stored=clash)
                    retyped = before.get(table.name) != {c.name: c.data_type for c in table.columns}
                    fingerprint = connector.fingerprint(table)  # taken before the read: a change during it shows
                    last = self._last_published(spec.name, table.name)
                    if (connector.exact_fingerprint and not full and not retyped and fingerprint is not None
                            and table.name in published and last is not None and last["fingerprint"] == fingerprint):
                        # the very bytes it published: nothing to read (a re-sync of a large file costs its hash)
                        result = TableResult(table.name, f"{spec.name}.{table.name}", "unchanged", 0,
                                             last["rows_written"], 0, 0, 0, 0, watermark=last["watermark"],
                                             fingerprint=fingerprint)
                    else:
                        result = self._stage(con, spec, connector, table, run_id, full or retyped,
                                             published.get(table.name), fingerprint, last)
                except BaseException as exc:  # this table alone: its previous snapshot stays, the others go on
                    if stopped_by_operator(exc):
                        raise  # the source's run ends interrupted; what it staged is kept for the next to resume
                    self._unstage(con, run_id, table.name)
                    if out_of_space(exc):
                        raise  # not this table's fault: the source stops, and its staging gives the space back
                    message = self._said(exc, f"table {table.name} of source {spec.name}")
                    results.append(TableResult(table.name, f"{spec.name}.{table.name}", "failed", error=message))
                    continue
            self._record(spec.name, run_id, result, "staged")
            results.append(result)
        self._publish(con, spec.name, run_id, results)
        self._drop_leftovers(con, spec.name, keep_run=None, own={t.name for t in tables})
        return results, set(before)

    @staticmethod
    def _unchanged_since_staged(con: duckdb.DuckDBPyConnection, connector: Connector, table: TableInfo,
                                run: int | None) -> bool:
        """Whether the source's table is as it was when ``run`` staged it (by its fingerprint)."""
        stored = f"{STAGING}.{ident(f'__fp_{run}_{table.name}')}"
        try:
            then = con.execute(f"SELECT fingerprint FROM {stored}").fetchone()
        except duckdb.CatalogException:
            return False
        now = connector.fingerprint(table)
        return then is not None and then[0] is not None and then[0] == now

    @staticmethod
    def _unstage(con: duckdb.DuckDBPyConnection, run_id: int, table: str) -> None:
        """Drop what a failed table had staged in this run."""
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        for kind in ("raw", "new", "bad", "fp"):
            con.execute(f"DROP TABLE IF EXISTS {STAGING}.{ident(f'__{kind}_{run_id}_{table}')}")

    def _drop_leftovers(self, con: duckdb.DuckDBPyConnection, source: str, keep_run: int | None,
                        own: set[str]) -> None:
        """Drop staged tables of earlier runs (but those of ``keep_run``, being resumed); and, once, what a release
        that staged inside the lake left in the source's schema (``__raw_<run>_...``), never a table the source has
        (``own``) or once had published, whatever its name."""
        for name in staged_tables(con):
            if keep_run is None or staged_run(name) != keep_run:
                con.execute(f"DROP TABLE IF EXISTS {STAGING}.{ident(name)}")
        for (name,) in con.execute(f"SELECT table_name FROM {TABLES} WHERE table_schema = ?", [source]).fetchall():
            if staged_run(name) is not None and name not in own and self._last_published(source, name) is None:
                con.execute(f"DROP TABLE IF EXISTS {ident(source)}.{ident(name)}")

    def _record(self, source: str, run_id: int, result: TableResult, state: str) -> None:
        with self.engine.begin() as db:
            db.execute(insert(lineage).values(
                run_id=run_id, source=source, source_table=result.table, store_table=result.store_table,
                mode=result.mode, rows_read=result.rows_read, rows_written=result.rows_written,
                rows_quarantined=result.rows_quarantined, inserted=result.inserted, updated=result.updated,
                deleted=result.deleted, watermark=result.watermark, drift=result.drift, state=state,
                fingerprint=result.fingerprint, finished_at=dt.datetime.now(dt.UTC)))

    def _publish(self, con: duckdb.DuckDBPyConnection, source: str, run_id: int, results: list[TableResult]) -> None:
        """Make every staged table of the source that changed visible at once, with the values it quarantined: one
        snapshot, or none when nothing changed (an unchanged table stays as it was published)."""
        changed = [r for r in results if r.error is None and not r.unchanged]
        quarantined = [r for r in results if r.error is None and r.rows_quarantined]
        for result in changed:
            width = len(con.execute(f"DESCRIBE {STAGING}.{ident(f'__new_{run_id}_{result.table}')}").fetchall())
            keep_wide_in_files(con, source, width)
            if result.rows_quarantined:
                keep_wide_in_files(con, QUARANTINE_SCHEMA, width)
        if changed or quarantined:
            with publishing(con, f"ukimet sync {source} (run {run_id})"):
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {ident(source)}")
                for result in changed:
                    con.execute(f"CREATE OR REPLACE TABLE {ident(source)}.{ident(result.table)} AS "
                                f"SELECT * FROM {STAGING}.{ident(f'__new_{run_id}_{result.table}')}")
                for result in quarantined:
                    bad = f"{STAGING}.{ident(f'__bad_{run_id}_{result.table}')}"
                    self._quarantine_publish(con, source, result.table, bad)
        with self.engine.begin() as db:
            db.execute(update(lineage).where(lineage.c.run_id == run_id).values(state="published"))

    @staticmethod
    def _quarantine_publish(con: duckdb.DuckDBPyConnection, source: str, table: str, bad: str) -> None:
        """Add a table's quarantined values (staged in ``bad``) to its quarantine table in the lake, which gains the
        columns the source has gained."""
        target = f"{ident(QUARANTINE_SCHEMA)}.{ident(f'{source}__{table}')}"
        columns = [r[0] for r in con.execute(f"DESCRIBE {bad}").fetchall()]
        values = [c for c in columns if c not in ("_reason", "_run_id", "_quarantined_at")]
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {ident(QUARANTINE_SCHEMA)}")
        con.execute(f"CREATE TABLE IF NOT EXISTS {target} ({', '.join(f'{ident(c)} VARCHAR' for c in values)}, "
                    "_reason VARCHAR, _run_id BIGINT, _quarantined_at TIMESTAMP)")
        have = {r[0] for r in con.execute(f"DESCRIBE {target}").fetchall()}
        for column in values:
            if column not in have:
                con.execute(f"ALTER TABLE {target} ADD COLUMN {ident(column)} VARCHAR")
        con.execute(f"INSERT INTO {target} BY NAME SELECT * FROM {bad}")

    # --- one table --------------------------------------------------------------------------------------
    def _stage(self, con: duckdb.DuckDBPyConnection, spec: SourceSpec, connector: Connector, table: TableInfo,
               run_id: int, full: bool, previous_columns: dict[str, str] | None,
               fingerprint: str | None, previous: Any) -> TableResult:
        """Stage one table; ``previous_columns`` are its columns in the published snapshot, if any; ``fingerprint``
        the source's table before the read; ``previous`` its last published lineage, if any."""
        raw = f"{STAGING}.{ident(f'__raw_{run_id}_{table.name}')}"
        new = f"{STAGING}.{ident(f'__new_{run_id}_{table.name}')}"
        current = f"{ident(spec.name)}.{ident(table.name)}"
        key = list(table.primary_key)
        incremental = bool(
            not full and table.updated_column and key and previous_columns and previous is not None
            and previous["watermark"] and list(previous_columns) == list(table.column_names))
        since = previous["watermark"] if incremental and previous is not None else None
        result = TableResult(table.name, f"{spec.name}.{table.name}", "incremental" if incremental else "full",
                             fingerprint=fingerprint)

        con.execute(f"DROP TABLE IF EXISTS {raw}")
        con.execute(f"CREATE OR REPLACE TABLE {STAGING}.{ident(f'__fp_{run_id}_{table.name}')} AS "
                    "SELECT CAST(? AS VARCHAR) AS fingerprint", [fingerprint])
        batches = iter(connector.read(table, self.config.sync_batch_rows, since))
        first = next(batches, None)
        if first is None:
            columns = ", ".join(f"{ident(c)} VARCHAR" for c in table.column_names)
            con.execute(f"CREATE TABLE {raw} ({columns})")
        else:
            def counted() -> Iterator[pa.RecordBatch]:
                for batch in itertools.chain([first], batches):
                    result.rows_read += batch.num_rows
                    if self.progress:
                        self.progress(spec.name, table.name, result.rows_read, None if since else table.row_count)
                    yield batch

            _load(con, raw, counted(), self.config.sync_batch_rows)

        casts = connector.casts(table)
        unread = False  # rows the connector could not read, to quarantine with its reason
        if REASON in {r[0] for r in con.execute(f"DESCRIBE {raw}").fetchall()}:
            unread = bool(con.execute(f"SELECT count(*) FROM {raw} WHERE {ident(REASON)} IS NOT NULL").fetchone()[0])  # type: ignore[index]
            if not unread:
                con.execute(f"ALTER TABLE {raw} DROP COLUMN {ident(REASON)}")
        bad = " OR ".join([f"({ident(c)} IS NOT NULL AND TRY_CAST({ident(c)} AS {t}) IS NULL)"
                           for c, t in casts.items()] + ([f"{ident(REASON)} IS NOT NULL"] if unread else [])) or "FALSE"
        if casts or unread:
            result.rows_quarantined = self._quarantine(con, table, raw, casts, bad, run_id, unread)
        select_list = ", ".join(f"TRY_CAST({ident(c)} AS {casts[c]}) AS {ident(c)}" if c in casts else ident(c)
                                for c in table.column_names)
        fresh = f"SELECT {select_list} FROM {raw} WHERE NOT ({bad})"
        if incremental and result.rows_read and previous_columns is not None and any(
                previous_columns.get(name, kind) != kind for name, kind, *_ in
                con.execute(f"DESCRIBE {fresh}").fetchall()):  # a type changed under the watermark: read it all
            con.execute(f"DROP TABLE IF EXISTS {STAGING}.{ident(f'__bad_{run_id}_{table.name}')}")
            return self._stage(con, spec, connector, table, run_id, True, previous_columns, fingerprint, previous)
        if incremental:
            keys = ", ".join(ident(k) for k in key)
            con.execute(f"CREATE TABLE {new} AS SELECT * FROM {current} WHERE ({keys}) NOT IN "
                        f"(SELECT ({keys}) FROM ({fresh})) UNION ALL BY NAME {fresh}")
            con.execute(f"DROP TABLE {raw}")
        elif casts or unread:
            con.execute(f"CREATE TABLE {new} AS {fresh}")
            con.execute(f"DROP TABLE {raw}")
        else:
            # typed rows that need nothing more: the staged table becomes the new snapshot as it is
            con.execute(f"ALTER TABLE {raw} RENAME TO {ident(f'__new_{run_id}_{table.name}')}")
        result.rows_written = con.execute(f"SELECT count(*) FROM {new}").fetchone()[0]  # type: ignore[index]
        if previous_columns is not None:
            self._compare(con, result, current, new, key, previous_columns, incremental)
        if table.updated_column:
            mark = con.execute(f"SELECT CAST(max({ident(table.updated_column)}) AS VARCHAR) FROM {new}").fetchone()
            result.watermark = mark[0] if mark else None
        return result

    @staticmethod
    def _quarantine(con: duckdb.DuckDBPyConnection, table: TableInfo, raw: str, casts: dict[str, str], bad: str,
                    run_id: int, unread: bool) -> int:
        """Stage the rows whose values do not fit the declared types, or that the connector could not read
        (``unread``: their reason in its ``REASON`` column), each with its reason (published with the table); how
        many."""
        target = f"{STAGING}.{ident(f'__bad_{run_id}_{table.name}')}"
        reasons = ", ".join([
            f"CASE WHEN {ident(c)} IS NOT NULL AND TRY_CAST({ident(c)} AS {t}) IS NULL THEN "
            f"{literal(c + ': ')} || CAST({ident(c)} AS VARCHAR) || {literal(f' is not a valid {t}')} END"
            for c, t in casts.items()] + ([ident(REASON)] if unread else []))
        values = ", ".join(f"CAST({ident(c)} AS VARCHAR) AS {ident(c)}" for c in table.column_names)
        con.execute(f"CREATE OR REPLACE TABLE {target} AS SELECT {values}, concat_ws('; ', {reasons}) AS _reason, "
                    f"CAST({run_id} AS BIGINT) AS _run_id, CAST(now() AS TIMESTAMP) AS _quarantined_at "
                    f"FROM {raw} WHERE {bad}")
        count = con.execute(f"SELECT count(*) FROM {target}").fetchone()
        return int(count[0]) if count else 0

    def _compare(self, con: duckdb.DuckDBPyConnection, result: TableResult, current: str, new: str,
                 key: list[str], previous_columns: dict[str, str], incremental: bool) -> None:
        now = {r[0]: r[1] for r in con.execute(f"DESCRIBE {new}").fetchall()}
        added = [c for c in now if c not in previous_columns]
        dropped = [c for c in previous_columns if c not in now]
        retyped = {c: f"{previous_columns[c]} -> {now[c]}" for c in now if c in previous_columns
                   and previous_columns[c] != now[c]}
        if added or dropped or retyped:
            result.drift = {"added": added, "dropped": dropped, "retyped": retyped}
        common = [c for c in now if c in previous_columns and c not in retyped]
        row = ", ".join(ident(c) for c in common) or "1"
        # counted a slice of the rows at a time (by the hash of their key, or of the whole row): what the count
        # holds at once is bounded by the slice, not the table
        rows = max(result.rows_written, int(con.execute(f"SELECT count(*) FROM {current}").fetchone()[0]))  # type: ignore[index]
        slices = max(1, -(-rows // COMPARE_SLICE_ROWS))
        keyed = bool(key) and all(k in common for k in key)
        keys = " AND ".join(f"o.{ident(k)} IS NOT DISTINCT FROM n.{ident(k)}" for k in key)
        changed = (f"hash({', '.join('n.' + ident(c) for c in common)}) <> "
                   f"hash({', '.join('o.' + ident(c) for c in common)})")
        totals = [0, 0, 0]
        for part in range(slices):
            if keyed:
                mine = f"hash({', '.join(ident(k) for k in key)}) % {slices} = {part}"
                n = f"(SELECT * FROM {new} WHERE {mine})"
                o = f"(SELECT * FROM {current} WHERE {mine})"
                counts = con.execute(
                    f"SELECT (SELECT count(*) FROM {n} n WHERE NOT EXISTS (SELECT 1 FROM {o} o WHERE {keys})), "
                    f"(SELECT count(*) FROM {o} o WHERE NOT EXISTS (SELECT 1 FROM {n} n WHERE {keys})), "
                    f"(SELECT count(*) FROM {n} n JOIN {o} o ON {keys} WHERE {changed})").fetchone()
            else:  # rows counted by their hash on each side: a hash table of two numbers a row, not of the rows
                counts = con.execute(
                    f"WITH n AS (SELECT hash({row}) AS h, count(*) AS c FROM {new} "
                    f"WHERE hash({row}) % {slices} = {part} GROUP BY h), "
                    f"o AS (SELECT hash({row}) AS h, count(*) AS c FROM {current} "
                    f"WHERE hash({row}) % {slices} = {part} GROUP BY h) "
                    "SELECT coalesce(sum(greatest(coalesce(n.c, 0) - coalesce(o.c, 0), 0)), 0), "
                    "coalesce(sum(greatest(coalesce(o.c, 0) - coalesce(n.c, 0), 0)), 0), 0 "
                    "FROM n FULL JOIN o ON n.h = o.h").fetchone()
            if counts is not None:
                totals = [t + int(c or 0) for t, c in zip(totals, counts, strict=True)]
        result.inserted, result.deleted, result.updated = totals[0], totals[1], totals[2] if keyed else None
        if incremental:
            result.deleted = None  # an updated-at source cannot show deletes
