"""MariaDB / MySQL: introspection through information_schema (PyMySQL), rows through ConnectorX straight into
Arrow record batches."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

import pyarrow as pa

from ukimet.connect.connectors.base import (
    ColumnInfo,
    TableInfo,
    distinct_names,
    raise_if_unreadable,
    unreadable,
    updated_column,
)
from ukimet.connect.connectors.servertypes import as_text, cast_of, read_natively
from ukimet.core.errors import SourceError


def _type_name(data_type: str, full: str, digits: int | None, scale: int | None) -> str:
    """The column's type as catalogued: information_schema's name, a decimal with its precision, an unsigned
    bigint said so (it may not fit a signed one)."""
    lowered = data_type.lower()
    if lowered == "decimal" and digits is not None:
        return f"decimal({digits},{scale or 0})"
    if lowered == "bigint" and "unsigned" in full.lower():
        return "bigint unsigned"
    return lowered


def _ident(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


class MySQLConnector:
    exact_fingerprint: ClassVar[bool] = False

    def __init__(self, name: str, url: str, database: str | None, password: str | None) -> None:
        self.name = name
        self.url = url
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 3306
        self.user = parts.username or "root"
        self.password = password or ""
        self.database = database or parts.path.lstrip("/") or None
        if not self.database:
            raise SourceError("source.no_database", name=name)

    def _pymysql(self) -> Any:
        import pymysql

        try:
            return pymysql.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                                   database=self.database, charset="utf8mb4", connect_timeout=10)
        except pymysql.err.OperationalError as exc:
            raise SourceError(
                "source.connect", name=self.name, server=f"MariaDB/MySQL at {self.url}", detail=str(exc.args[-1]),
            ) from None

    def test(self) -> str:
        db = self._pymysql()
        with db.cursor() as cur:
            cur.execute("SELECT version()")
            version = cur.fetchone()[0]
            cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s", (self.database,))
            found = cur.fetchone()[0]
        db.close()
        return f"MariaDB/MySQL {version}, database {self.database}: {found} tables"

    def tables(self, exact: bool = True) -> list[TableInfo]:
        import pymysql

        db = self._pymysql()
        out = []
        with db.cursor() as cur:
            cur.execute("SELECT table_name, table_rows FROM information_schema.tables WHERE table_schema = %s "
                        "ORDER BY table_name", (self.database,))
            for table, estimate in cur.fetchall():
                cur.execute("SELECT column_name, data_type, is_nullable, column_key, column_type, numeric_precision, "
                            "numeric_scale FROM information_schema.columns WHERE table_schema = %s AND "
                            "table_name = %s ORDER BY ordinal_position", (self.database, table))
                rows = cur.fetchall()
                columns = tuple(ColumnInfo(n, _type_name(t, full, digits, scale), nullable == "YES")
                                for n, t, nullable, _, full, digits, scale in rows)
                key = tuple(r[0] for r in rows if r[3] == "PRI")
                found = TableInfo(table, columns, estimate, key, updated_column(columns))
                if exact:
                    try:
                        cur.execute(f"SELECT count(*) FROM {_ident(table)}")
                        found = dataclasses.replace(found, row_count=cur.fetchone()[0])
                    except pymysql.err.MySQLError as exc:  # a view on a dropped table, a table not granted
                        found = unreadable(found, exc)
                out.append(found)
        db.close()
        return distinct_names(out)

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        import connectorx as cx

        raise_if_unreadable(self.name, table)
        chosen = ", ".join(f"{_ident(c.read_name)} AS {_ident(c.name)}" if read_natively("mysql", c.data_type)
                           else f"{as_text('mysql', c.data_type, _ident(c.read_name))} AS {_ident(c.name)}"
                           for c in table.columns)
        sql = f"SELECT {chosen} FROM {_ident(table.read_name)}"
        if since is not None and table.updated_column:
            column = _ident(str(table.read_name_of(table.updated_column)))
            sql += f" WHERE ({column} > '{since.replace(chr(39), '')}'"
            kind = next(c.data_type for c in table.columns if c.name == table.updated_column)
            # a zero date ('0000-00-00') sorts before every watermark: read again each time, it is quarantined
            # each time, until the source gives the row a date (before, it was never read and never said)
            sql += f" OR {column} < '1000-01-01')" if kind in ("date", "datetime", "timestamp") else ")"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        url = (f"mysql://{quote(self.user, safe='')}:{quote(self.password, safe='')}@{self.host}:{self.port}/"
               f"{self.database}")
        try:
            reader = cx.read_sql(url, sql, return_type="arrow_stream", batch_size=batch_rows)
        except RuntimeError as exc:
            message = str(exc).replace(self.password, "***") if self.password else str(exc)
            raise SourceError("source.read", name=self.name, server=f"MariaDB/MySQL at {self.url}", table=table.name,
                              detail=message) from None
        yield from reader

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {c.name: t for c in table.columns if (t := cast_of("mysql", c.data_type))}

    def fingerprint(self, table: TableInfo) -> str | None:
        db = self._pymysql()
        try:
            with db.cursor() as cur:
                cur.execute(f"CHECKSUM TABLE {_ident(table.read_name)}")  # the server's checksum of every row
                found = cur.fetchone()
        finally:
            db.close()
        return None if found is None or found[1] is None else str(found[1])
