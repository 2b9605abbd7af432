"""Where agency sources are written: SQLite files, PostgreSQL schemas, MariaDB/MySQL databases, CSV files in
an agency's code page, Excel workbooks. Each sink makes its source appear whole or not at all: files are
written under a temporary name and renamed, database loads commit once at the end."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit, urlunsplit

from ukimet.core.errors import SinkError
from ukimet.synth.schema import Column, Source, Table

Row = tuple[Any, ...]

_SQL_TYPES = {
    "sqlite": {"int": "INTEGER", "bigint": "INTEGER", "text": "TEXT", "date": "DATE", "numeric": "NUMERIC",
               "real": "REAL", "bool": "INTEGER"},
    "postgres": {"int": "INTEGER", "bigint": "BIGINT", "text": "TEXT", "date": "DATE", "numeric": "NUMERIC(16,2)",
                 "real": "DOUBLE PRECISION", "bool": "BOOLEAN"},
    "mysql": {"int": "INT", "bigint": "BIGINT", "text": "VARCHAR(255)", "date": "DATE",
              "numeric": "DECIMAL(16,2)", "real": "DOUBLE", "bool": "TINYINT(1)"},
}
EXCEL_MAX_ROWS = 1_048_575


def redact(url: str) -> str:
    """``url`` without its password, for messages, logs and the manifest."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = f"{parts.username}:***@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, parts.query, parts.fragment))


class Sink(Protocol):
    location: str
    """Where the source is, in full (a path, or a server URL without password and the schema)."""
    label: str
    """The short name of the place: file name, schema or database."""

    reopenable: bool
    """Whether another process may append to it between :meth:`detach` and :meth:`attach` (a file written a
    chunk at a time; not a workbook or a server's one transaction)."""

    def create(self) -> None: ...

    def write(self, table: Table, rows: Sequence[Row]) -> None: ...

    def detach(self) -> None:
        """Let go of the (still partial) output, everything written so far kept, so that another process can
        :meth:`attach` to it and go on writing."""

    def attach(self) -> None:
        """Take up the output again after :meth:`detach`, to append to it."""

    def close(self) -> None: ...

    def abort(self) -> None: ...


def _ddl(dialect: str, source: Source, table: Table, quote: str, qualified: str, with_key: bool = True) -> str:
    types = _SQL_TYPES[dialect]

    def col(c: Column) -> str:
        sql_type = types[source.stored_type(c)]
        if dialect == "mysql" and c.name == table.key and sql_type.startswith("VARCHAR"):
            sql_type = "VARCHAR(64)"
        return f"{quote}{c.name}{quote} {sql_type}"

    key = f", PRIMARY KEY ({quote}{table.key}{quote})" if with_key else ""
    return f"CREATE TABLE {qualified} ({', '.join(col(c) for c in table.columns)}{key})"


class _FileSink:
    """A file written under a temporary name and renamed when complete, so a reader never sees half of it."""

    reopenable = False

    def detach(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} cannot be handed to another process")

    def attach(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} cannot be handed to another process")

    def __init__(self, source: Source, path: Path) -> None:
        self.source = source
        self.path = path
        self.location = str(path)
        self.label = f"{path.parent.name}/{path.name}"
        self._tmp = path.with_name(path.name + ".partial")

    def _start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp.unlink(missing_ok=True)

    def _finish(self) -> None:
        self._tmp.replace(self.path)

    def _discard(self) -> None:
        self._tmp.unlink(missing_ok=True)


class _ServerSink:
    """A database server: everything is written in one transaction, committed at the end or rolled back."""

    db: Any
    reopenable = False

    def detach(self) -> None:
        raise NotImplementedError("a server's load is one transaction of one process")

    def attach(self) -> None:
        raise NotImplementedError("a server's load is one transaction of one process")

    def close(self) -> None:
        self._before_commit()
        self.db.commit()
        self.db.close()

    def _before_commit(self) -> None:
        """Work to do once all rows are in (such as adding keys)."""

    def abort(self) -> None:
        self.db.rollback()
        self.db.close()


class SQLiteSink(_FileSink):
    def __init__(self, source: Source, path: Path) -> None:
        super().__init__(source, path)
        self._days: dict[dt.date, str] = {}

    reopenable = True

    def create(self) -> None:
        self._start()
        self.attach()
        for table in self.source.tables:
            self.db.execute(_ddl("sqlite", self.source, table, '"', f'"{table.name}"'))

    def attach(self) -> None:
        self.db = sqlite3.connect(self._tmp)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")

    def detach(self) -> None:
        self.db.commit()
        self.db.close()

    def write(self, table: Table, rows: Sequence[Row]) -> None:
        marks = ", ".join("?" * len(table.columns))
        dates = [i for i, c in enumerate(table.columns) if self.source.stored_type(c) == "date"]
        self.db.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', self._iso(rows, dates) if dates else rows)

    def _iso(self, rows: Sequence[Row], dates: list[int]) -> list[list[Any]]:
        """``rows`` with their dates as the ISO text SQLite keeps them in: what sqlite3's date adapter writes,
        at half its cost, each day formatted once."""
        text = self._days
        out = []
        for row in rows:
            values = list(row)
            for i in dates:
                day = values[i]
                if day.__class__ is dt.date:
                    iso = text.get(day)
                    if iso is None:
                        iso = text[day] = day.isoformat()
                    values[i] = iso
            out.append(values)
        return out

    def close(self) -> None:
        self.db.commit()
        self.db.close()
        self._finish()

    def abort(self) -> None:
        self.db.close()
        self._discard()


class PostgresSink(_ServerSink):
    """One schema per agency, loaded with COPY in one transaction; primary keys added after the load."""

    def __init__(self, source: Source, url: str, schema: str) -> None:
        self.source = source
        self.url = url
        self.schema = schema
        self.location = f"{redact(url)} schema {schema}"
        self.label = f"schema {schema}"

    def create(self) -> None:
        import psycopg

        try:
            self.db = psycopg.connect(self.url, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise SinkError("sink.connect", server=f"PostgreSQL at {redact(self.url)}",
                            detail=(str(exc).strip().splitlines() or [type(exc).__name__])[0],
                            example="postgresql://user@host:port/database") from None
        with self.db.cursor() as cur:
            cur.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
            cur.execute(f'CREATE SCHEMA "{self.schema}"')
            for table in self.source.tables:
                cur.execute(_ddl("postgres", self.source, table, '"', self._name(table), with_key=False))

    def _name(self, table: Table) -> str:
        return f'"{self.schema}"."{table.name}"'

    def write(self, table: Table, rows: Sequence[Row]) -> None:
        columns = ", ".join(f'"{c}"' for c in table.column_names)
        with self.db.cursor() as cur, cur.copy(f"COPY {self._name(table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _before_commit(self) -> None:
        with self.db.cursor() as cur:
            for table in self.source.tables:
                cur.execute(f'ALTER TABLE {self._name(table)} ADD PRIMARY KEY ("{table.key}")')
                cur.execute(f"ANALYZE {self._name(table)}")


class MySQLSink(_ServerSink):
    """One database per agency; rows inserted in batches, committed once at the end."""

    def __init__(self, source: Source, url: str, database: str) -> None:
        self.source = source
        self.url = url
        self.database = database
        self.location = f"{redact(url)} database {database}"
        self.label = f"database {database}"

    def create(self) -> None:
        import pymysql

        parts = urlsplit(self.url)
        try:
            self.db = pymysql.connect(
                host=parts.hostname or "127.0.0.1", port=parts.port or 3306, user=unquote(parts.username or "root"),
                password=unquote(parts.password or ""), charset="utf8mb4", autocommit=False, connect_timeout=10,
            )
        except pymysql.err.OperationalError as exc:
            raise SinkError("sink.connect", server=f"MariaDB/MySQL at {redact(self.url)}", detail=str(exc.args[-1]),
                            example="mysql://user@host:port/database") from None
        with self.db.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{self.database}`")
            cur.execute(f"CREATE DATABASE `{self.database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            for table in self.source.tables:
                cur.execute(_ddl("mysql", self.source, table, "`", self._name(table)))

    def _name(self, table: Table) -> str:
        return f"`{self.database}`.`{table.name}`"

    def write(self, table: Table, rows: Sequence[Row]) -> None:
        columns = ", ".join(f"`{c}`" for c in table.column_names)
        marks = ", ".join(["%s"] * len(table.columns))
        sql = f"INSERT INTO {self._name(table)} ({columns}) VALUES ({marks})"
        with self.db.cursor() as cur:
            for start in range(0, len(rows), 5000):
                cur.executemany(sql, rows[start:start + 5000])


class CsvSink(_FileSink):
    """A semicolon-separated export with a header, in the source's code page."""

    def __init__(self, source: Source, path: Path) -> None:
        if len(source.tables) != 1:
            raise ValueError(f"a CSV export holds one table; {source.code} has {len(source.tables)}")
        super().__init__(source, path)

    reopenable = True

    def create(self) -> None:
        self._start()
        self._open("w")
        self.writer.writerow(self.source.tables[0].column_names)

    def _open(self, mode: str) -> None:
        # appending, a text file does not write a byte-order mark again (utf-8-sig, utf-16)
        self.file = self._tmp.open(mode, encoding=self.source.encoding, newline="")
        self.writer = csv.writer(self.file, delimiter=";", lineterminator="\r\n")

    def attach(self) -> None:
        self._open("a")

    def detach(self) -> None:
        self.file.close()

    def write(self, table: Table, rows: Sequence[Row]) -> None:
        self.writer.writerows(rows)

    def close(self) -> None:
        self.file.close()
        self._finish()

    def abort(self) -> None:
        self.file.close()
        self._discard()


class ExcelSink(_FileSink):
    """An .xlsx workbook, a sheet per table (continued on a new sheet past Excel's row limit)."""

    def create(self) -> None:
        from openpyxl import Workbook

        self._start()
        self.book = Workbook(write_only=True)
        self.sheets: dict[str, tuple[Any, int]] = {}
        for table in self.source.tables:
            self._new_sheet(table, table.name)

    def _new_sheet(self, table: Table, title: str) -> None:
        sheet = self.book.create_sheet(title)
        sheet.append(list(table.column_names))
        self.sheets[table.name] = (sheet, 0)

    def write(self, table: Table, rows: Sequence[Row]) -> None:
        for row in rows:
            sheet, count = self.sheets[table.name]
            if count >= EXCEL_MAX_ROWS:
                self._new_sheet(table, f"{table.name} ({len(self.book.worksheets) + 1})")
                sheet, count = self.sheets[table.name]
            sheet.append(list(row))
            self.sheets[table.name] = (sheet, count + 1)

    def close(self) -> None:
        with self._tmp.open("wb") as f:
            self.book.save(f)
        self._finish()

    def abort(self) -> None:
        self._discard()
