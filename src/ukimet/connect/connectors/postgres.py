"""PostgreSQL: introspection through information_schema (psycopg), rows through ConnectorX, which reads the binary
COPY stream in Rust straight into Arrow record batches (numeric as decimal, dates as dates). It installs from PyPI
with its native library: nothing is downloaded at run time. ADBC was measured too and was slower here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit, urlunsplit

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
from ukimet.connect.encoding import decode_values
from ukimet.core.errors import SourceError


def _with_password(url: str, password: str | None) -> str:
    parts = urlsplit(url.replace("postgres://", "postgresql://", 1))
    if password is None:
        return urlunsplit(parts)
    user = quote(parts.username or "", safe="")
    netloc = f"{user}:{quote(password, safe='')}@{parts.hostname}{f':{parts.port}' if parts.port else ''}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _type_name(data_type: str, udt: str, digits: int | None, scale: int | None) -> str:
    """The column's type as catalogued: information_schema's name, a numeric with its precision, a user-defined
    type (an enum, a domain) or an array by its own name."""
    lowered = data_type.lower()
    if lowered == "numeric" and digits is not None:
        return f"numeric({digits},{scale or 0})"
    if lowered in ("user-defined", "array"):
        return udt.lower()
    return lowered


NO_ENCODING = "SQL_ASCII"
"""A PostgreSQL database that declares no encoding: its text is whatever bytes each program wrote (UTF-8 from
one, Windows-1251 from another), which the server neither checks nor converts."""
TEXT_COLUMNS = frozenset({"text", "character varying", "character", "name"})


def _undeclared_text(db: Any) -> None:
    """Talk to a SQL_ASCII database in UTF-8 (psycopg would send names as bytea and text in ASCII): the catalogue's
    names arrive as text; values are read as their bytes (``convert_to``) and decoded by the connector."""
    db.execute("SET client_encoding TO 'UTF8'")
    db.commit()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class PostgresConnector:
    exact_fingerprint: ClassVar[bool] = False

    def __init__(self, name: str, url: str, schema: str | None, password: str | None) -> None:
        self.name = name
        self.url = url
        self.schema = schema or "public"
        self._dsn = _with_password(url, password)
        self._secrets = [v for v in (password, quote(password or "", safe="")) if v]
        self._undeclared = False

    def _psycopg(self) -> Any:
        import psycopg

        try:
            db = psycopg.connect(self._dsn, connect_timeout=10)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise SourceError(
                "source.connect", name=self.name, server=f"PostgreSQL at {self.url}", detail=first,
            ) from None
        self._undeclared = db.info.parameter_status("server_encoding") == NO_ENCODING
        if self._undeclared:
            _undeclared_text(db)
        return db

    def test(self) -> str:
        with self._psycopg() as db:
            version = db.execute("SHOW server_version").fetchone()[0]
            found = db.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s",
                               (self.schema,)).fetchone()[0]
        if not found:
            raise SourceError("source.empty_schema", name=self.name, schema=self.schema)
        undeclared = (", the database declares no encoding (SQL_ASCII): text is read as UTF-8, or from the code "
                      "page that reads it best") if self._undeclared else ""
        return f"PostgreSQL {version}, schema {self.schema}: {found} tables{undeclared}"

    def tables(self, exact: bool = True) -> list[TableInfo]:
        import psycopg

        with self._psycopg() as db:
            undeclared = db.info.parameter_status("server_encoding") == NO_ENCODING
            # from the system catalogue, not information_schema: that lists only what the account may read, so a
            # table it may not select from was left out without a word; now it is catalogued as unreadable
            names = [r[0] for r in db.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v') "
                "ORDER BY c.relname", (self.schema,))]
            out = []
            for table in names:
                columns = tuple(ColumnInfo(n, _type_name(t, udt, digits, scale), nullable == "YES")
                                for n, t, nullable, udt, digits, scale in db.execute(
                    "SELECT column_name, data_type, is_nullable, udt_name, numeric_precision, numeric_scale "
                    "FROM information_schema.columns WHERE table_schema = %s AND table_name = %s "
                    "ORDER BY ordinal_position", (self.schema, table)))
                key = tuple(r[0] for r in db.execute(
                    "SELECT k.column_name FROM information_schema.table_constraints c "
                    "JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name "
                    "AND k.table_schema = c.table_schema AND k.table_name = c.table_name "
                    "WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = %s AND c.table_name = %s "
                    "ORDER BY k.ordinal_position", (self.schema, table)))
                if not columns:  # information_schema shows no column of a table the account may not read
                    try:
                        with db.transaction():
                            db.execute(f"SELECT * FROM {_ident(self.schema)}.{_ident(table)} LIMIT 0")
                    except psycopg.Error as exc:
                        out.append(unreadable(TableInfo(table, columns, None, key, None), exc))
                        continue
                    # a table of no columns: the driver would panic reading it ("must either specify a row count
                    # or at least one column"); said in words instead
                    out.append(unreadable(TableInfo(table, columns, None, key, None),
                                          SourceError("source.no_columns", table=table)))
                    continue
                if exact:
                    try:
                        with db.transaction():  # a savepoint: a failed count leaves the catalogue's reads going
                            rows = db.execute(
                                f"SELECT count(*) FROM {_ident(self.schema)}.{_ident(table)}").fetchone()[0]
                    except psycopg.Error as exc:  # a view whose query fails, a table the reader may not select
                        out.append(unreadable(TableInfo(table, columns, None, key, updated_column(columns)), exc))
                        continue
                else:
                    estimate = db.execute(
                        "SELECT c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = %s AND c.relname = %s", (self.schema, table)).fetchone()
                    rows = estimate[0] if estimate and estimate[0] >= 0 else None
                out.append(TableInfo(table, columns, rows, key, updated_column(columns),
                                     {"server_encoding": NO_ENCODING} if undeclared else {}))
        return distinct_names(out)

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        import connectorx as cx

        raise_if_unreadable(self.name, table)
        undeclared = table.options.get("server_encoding") == NO_ENCODING
        texts: list[str] = []

        def chosen_column(c: ColumnInfo) -> str:
            native = read_natively("postgres", c.data_type)
            sql = _ident(c.read_name) if native else as_text("postgres", c.data_type, _ident(c.read_name))
            if undeclared and (not native or c.data_type in TEXT_COLUMNS):
                texts.append(c.name)  # its bytes as they are: the server would refuse what is not UTF-8
                sql = f"convert_to({sql}, '{NO_ENCODING}')"
            return f"{sql} AS {_ident(c.name)}"

        chosen = ", ".join(chosen_column(c) for c in table.columns)
        sql = f"SELECT {chosen} FROM {_ident(self.schema)}.{_ident(table.read_name)}"
        if since is not None and table.updated_column:
            kind = next(c.data_type for c in table.columns if c.name == table.updated_column)
            literal = "'" + since.replace("'", "''") + "'"
            sql += f" WHERE {_ident(str(table.read_name_of(table.updated_column)))} > CAST({literal} AS {kind})"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        try:
            reader = cx.read_sql(self._dsn, sql, return_type="arrow_stream", batch_size=batch_rows)
        except RuntimeError as exc:
            message = str(exc).replace(self._dsn, self.url)
            for secret in self._secrets:
                message = message.replace(secret, "***")
            raise SourceError("source.read", name=self.name, server=f"PostgreSQL at {self.url}", table=table.name,
                              detail=message) from None
        if not texts:
            yield from reader
            return
        for batch in reader:
            yield pa.RecordBatch.from_arrays(
                [decode_values(column)[0] if name in texts else column
                 for name, column in zip(batch.schema.names, batch.columns, strict=True)], names=batch.schema.names)

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {c.name: t for c in table.columns if (t := cast_of("postgres", c.data_type))}

    def fingerprint(self, table: TableInfo) -> str | None:
        name = f"{_ident(self.schema)}.{_ident(table.read_name)}"
        with self._psycopg() as db:
            kind = db.execute("SELECT table_type FROM information_schema.tables WHERE table_schema = %s AND "
                              "table_name = %s", (self.schema, table.read_name)).fetchone()
            if kind is None or kind[0] != "BASE TABLE":
                return None  # a view: nothing short of reading it says whether it changed
            mark = (f", max({_ident(str(table.read_name_of(table.updated_column)))})::text"
                    if table.updated_column else "")
            # every insert or update gives its row a newer transaction id (xmin); a delete lowers the count
            row = db.execute(f"SELECT count(*), max(xmin::text::bigint){mark} FROM {name}").fetchone()
        return "/".join(str(v) for v in row)
