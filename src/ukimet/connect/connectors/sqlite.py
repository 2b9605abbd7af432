"""SQLite files: tables, declared column types and keys from the file itself; rows as Arrow batches of text,
because SQLite does not enforce its declared types: the sync applies them and quarantines what does not fit.
Text that is not UTF-8 (SQLite stores whatever bytes it was given) is quarantined with its row, its bytes kept as
backslash escapes, instead of failing the table."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pyarrow as pa

from ukimet.connect.connectors.base import (
    REASON,
    ColumnInfo,
    TableInfo,
    distinct_names,
    file_fingerprint,
    raise_if_unreadable,
    text_batch,
    unreadable,
    updated_column,
)
from ukimet.core.errors import SourceError

_AFFINITY = (("int", "BIGINT"), ("real", "DOUBLE"), ("floa", "DOUBLE"), ("doub", "DOUBLE"), ("numeric", "DOUBLE"),
             ("decimal", "DOUBLE"), ("timestamp", "TIMESTAMP"), ("datetime", "TIMESTAMP"), ("date", "DATE"),
             ("bool", "BOOLEAN"))
"""SQLite's own reading of a declared type (its type affinity rules: a name containing INT is an integer ...),
extended with the dates and booleans agencies declare."""


def declared_type(source_type: str) -> str | None:
    """The store type for a column SQLite declares as ``source_type``."""
    lowered = source_type.lower()
    return next((store for marker, store in _AFFINITY if marker in lowered), None)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Undecodable(str):
    """Text SQLite held that is not UTF-8: its bytes as backslash escapes, marked for quarantine."""


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _Undecodable(raw.decode("utf-8", errors="backslashreplace"))


class SQLiteConnector:
    exact_fingerprint: ClassVar[bool] = True

    def __init__(self, name: str, path: str) -> None:
        self.name = name
        self.path = Path(path)

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise SourceError("source.no_sqlite", name=self.name, path=str(self.path))
        try:
            # the sync's reader may be pulled from another thread than the one that opened it (never two at once)
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise SourceError("source.not_sqlite", name=self.name, path=str(self.path), detail=str(exc)) from None
        return db

    def test(self) -> str:
        with self._open() as db:
            count = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        return f"SQLite {sqlite3.sqlite_version}, {self.path.name}: {count} tables"

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        with self._open() as db:
            try:
                names = [r[0] for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
                    "ORDER BY name")]
            except sqlite3.DatabaseError as exc:  # a damaged file: its list of tables cannot be read
                raise SourceError("source.not_sqlite", name=self.name, path=str(self.path), detail=str(exc)) from None
            for table in names:
                try:
                    info = db.execute(f"PRAGMA table_info({_ident(table)})").fetchall()
                except sqlite3.Error as exc:  # a view on a table that is gone
                    out.append(unreadable(TableInfo(table, (), None, (), None), exc))
                    continue
                columns = tuple(ColumnInfo(r[1], (r[2] or "text").lower(), not r[3]) for r in info)
                key = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
                found = TableInfo(table, columns, None, key, updated_column(columns))
                try:
                    found = dataclasses.replace(found, row_count=db.execute(
                        f"SELECT count(*) FROM {_ident(table)}").fetchone()[0])
                except sqlite3.Error as exc:  # a view calling a function that is not there, a damaged page
                    found = unreadable(found, exc)
                out.append(found)
        return distinct_names(out)

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        raise_if_unreadable(self.name, table)
        names = ", ".join(_ident(c.read_name) for c in table.columns)
        sql = f"SELECT {names} FROM {_ident(table.read_name)}"
        params: tuple[str, ...] = ()
        if since is not None and table.updated_column:
            sql += f" WHERE {_ident(str(table.read_name_of(table.updated_column)))} > ?"
            params = (since,)
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        columns = table.column_names
        with self._open() as db:
            db.text_factory = _text
            cursor = db.execute(sql, params)
            while rows := cursor.fetchmany(batch_rows):
                reasons = ["; ".join(f"{name}: text is not valid UTF-8" for name, v in zip(columns, row, strict=True)
                                     if isinstance(v, _Undecodable)) or None for row in rows]
                batch = text_batch(columns, rows)  # every batch one schema, REASON null where all was read
                yield batch.append_column(REASON, pa.array(reasons, type=pa.string()))

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {c.name: t for c in table.columns if (t := declared_type(c.data_type))}

    def fingerprint(self, table: TableInfo) -> str | None:
        return file_fingerprint(self.path, f"{self.path}-wal")  # what is not yet checkpointed too
