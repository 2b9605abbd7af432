"""Where a sync stages a source's tables before they are published into the lake: a DuckDB file of the source's
own beside the lake (``store.ducklake.staging/<source>.duckdb``), attached as ``staging`` for the sync's length.

Staging inside the lake made every step of every table a lake commit (a snapshot, and a write to the catalog
that every reader and every other sync shares); staged here, a sync touches the lake once, in its publish, and
not at all when nothing changed. The file outlives a killed sync, so that the next run resumes what it staged;
after a publish it is deleted, so that the space it took is given back (a DuckDB file does not shrink)."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ukimet.sync.store import lake_paths, literal

STAGING = "staging"
"""The name the source's staging file is attached under during its sync."""
_PLAIN = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_STAGED = re.compile(r"^__(?:raw|new|bad|fp)_(\d+)_")


def staging_path(store: Path, source: str) -> Path:
    """The staging file of ``source`` for the store at ``store`` (a name that is not a plain file name is hashed)."""
    catalog, _, _ = lake_paths(store)
    name = source if _PLAIN.match(source) and not source.startswith(".") else \
        "source-" + hashlib.sha256(source.encode()).hexdigest()[:16]
    return catalog.with_name(catalog.name + ".staging") / f"{name}.duckdb"


def out_of_space(exc: BaseException) -> bool:
    """Whether ``exc`` says a disk is full, or a file may grow no further (a quota or a file-size limit: EFBIG),
    in DuckDB's and SQLite's words for it."""
    said = str(exc)
    return "No space left on device" in said or "disk is full" in said or "File too large" in said


def causes(error: BaseException, most: int = 8) -> Iterator[BaseException]:
    """``error`` and what it was raised from or during, nearest first (at most ``most``): what a driver's or
    DuckDB's error wraps."""
    seen: BaseException | None = error
    for _ in range(most):
        if seen is None:
            return
        yield seen
        seen = seen.__cause__ or seen.__context__


def out_of_memory(exc: BaseException) -> bool:
    """Whether ``exc``, or what it was raised from, is running out of memory: Python's ``MemoryError``, DuckDB's
    ``OutOfMemoryException``, or another DuckDB error that says it in its words (a commit that could not write its
    data fails as ``TransactionException: Failed to commit: Out of Memory Error: ...``)."""
    return any(isinstance(seen, (MemoryError, duckdb.OutOfMemoryException)) or "Out of Memory Error" in str(seen)
               for seen in causes(exc))


@contextlib.contextmanager
def staging(con: duckdb.DuckDBPyConnection, store: Path, source: str) -> Iterator[Path]:
    """``source``'s staging file attached to ``con`` as ``staging`` inside; deleted on leaving when nothing staged
    is left in it (a publish dropped it all) or when the disk is full (the space it holds is what the run's record
    and the next run need; a DuckDB file never shrinks), kept for the next run's resume otherwise."""
    path = staging_path(store, source)
    path.parent.mkdir(parents=True, exist_ok=True)
    con.execute(f"ATTACH {literal(str(path))} AS {STAGING}")
    full = False
    try:
        yield path
    except BaseException as exc:
        full = out_of_space(exc)
        raise
    finally:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")  # a publish cut short must not keep the file attached
        if full:  # detached without writing its log into it (there is no room), then deleted
            with contextlib.suppress(duckdb.Error):
                con.execute("SET checkpoint_on_shutdown = false")
            with contextlib.suppress(duckdb.Error):
                con.execute(f"DETACH {STAGING}")
            with contextlib.suppress(duckdb.Error):
                con.execute("RESET checkpoint_on_shutdown")
            left = []
        else:
            left = staged_tables(con)
            con.execute(f"DETACH {STAGING}")
        if not left:
            for leftover in (path, path.with_name(path.name + ".wal")):
                leftover.unlink(missing_ok=True)


def staged_run(table: str) -> int | None:
    """The run that staged ``table`` (``__raw_<run>_<table>``, ``__new_...``, ``__bad_...``), if it is one."""
    found = _STAGED.match(table)
    return int(found.group(1)) if found else None


def staged_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables in the attached staging file."""
    return [str(r[0]) for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ? "
                                           "ORDER BY 1", [STAGING]).fetchall()]
