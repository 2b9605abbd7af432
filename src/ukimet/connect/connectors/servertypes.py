"""What a database server's column types become in the store, decided once per type.

ConnectorX reads the common types (integers, floating point, text, booleans, decimals of up to 38 digits) straight
into Arrow; for anything else it panics or refuses: MariaDB's zero dates (``0000-00-00``), PostgreSQL's
``infinity``, ``interval``, ``money``, ``xml``, geometric and range types, arrays, numerics without a precision.
So only the types it reads exactly are read natively; every other column is read as the server's own text, and the
sync casts it to the nearest exact store type where there is one (a date, a timestamp, a UUID), quarantining the
values that do not fit with their reason (a zero date is not a date), and keeps it as text where there is none
(an interval, an amount of money, a point, XML): nothing is rounded, nothing is lost.
"""

from __future__ import annotations

import re

MAX_DECIMAL_DIGITS = 38
"""The most digits a DuckDB DECIMAL holds; wider numbers are kept as their exact text."""
_DECIMAL = re.compile(r"^(?:numeric|decimal)\((\d+)(?:,\s*\d+)?\)$")

POSTGRES_NATIVE = frozenset({"smallint", "integer", "bigint", "real", "double precision", "boolean", "text",
                             "character varying", "character", "name"})
POSTGRES_CASTS = {"date": "DATE", "timestamp without time zone": "TIMESTAMP",
                  "timestamp with time zone": "TIMESTAMPTZ", "uuid": "UUID"}

MYSQL_NATIVE = frozenset({"tinyint", "smallint", "mediumint", "int", "integer", "bigint", "float", "double",
                          "char", "varchar", "tinytext", "text", "mediumtext", "longtext"})
MYSQL_CASTS = {"date": "DATE", "datetime": "TIMESTAMP", "timestamp": "TIMESTAMP", "year": "SMALLINT",
               "bigint unsigned": "UBIGINT"}


MYSQL_GEOMETRY = frozenset({"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
                            "multipolygon", "geometrycollection", "geomcollection"})
"""MariaDB/MySQL spatial types: CAST(... AS CHAR) refuses them (error 4079), their text is ST_AsText."""


MYSQL_BINARY = frozenset({"binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"})
"""MariaDB/MySQL byte strings: as CHAR, a byte that is not UTF-8 became "?"; read as hexadecimal text, as PostgreSQL
writes a bytea (\\x00ff)"""


def as_text(kind: str, data_type: str, column: str) -> str:
    """The SQL reading a column the store cannot type exactly as the server's text (``column`` quoted)."""
    if kind == "postgres":
        return f"{column}::text"
    if data_type in MYSQL_GEOMETRY:
        return f"ST_AsText({column})"
    if data_type in MYSQL_BINARY:
        return f"CONCAT('\\\\x', LOWER(HEX({column})))"
    if data_type == "bit":  # b'10100101' as its digits, every bit kept (as CHAR it was one byte, often "?")
        return f"BIN({column})"
    return f"CAST({column} AS CHAR)"


def _exact_decimal(data_type: str) -> bool:
    found = _DECIMAL.match(data_type)
    return bool(found) and int(found.group(1)) <= MAX_DECIMAL_DIGITS  # type: ignore[union-attr]


def read_natively(kind: str, data_type: str) -> bool:
    """Whether a ``kind`` server's column of ``data_type`` (as the connector catalogues it) is read as it is;
    otherwise it is read as the server's text."""
    native = POSTGRES_NATIVE if kind == "postgres" else MYSQL_NATIVE
    return data_type in native or _exact_decimal(data_type)


def cast_of(kind: str, data_type: str) -> str | None:
    """The store type a column read as text is cast to (its invalid values quarantined), or None: kept as text."""
    if read_natively(kind, data_type):
        return None
    return (POSTGRES_CASTS if kind == "postgres" else MYSQL_CASTS).get(data_type)
