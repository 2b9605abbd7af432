"""What every connector offers: a connection test, the tables with their columns, keys and row counts, and
each table's rows as Arrow record batches (all of them, or those changed since a watermark)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pyarrow as pa

UPDATED_AT_NAMES = (
    "updated_at", "modified_at", "last_modified", "changed_at", "updated", "data_izmeneniya", "izmeneno",
    "дата_изменения", "изменено", "өзгертілген_күні",
)
"""Column names that mark when a row last changed: incremental sync by watermark uses them."""


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    data_type: str
    """The source's own type name, lower case (integer, character varying, date ...)."""
    nullable: bool = True


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[ColumnInfo, ...]
    row_count: int | None
    primary_key: tuple[str, ...] = ()
    updated_column: str | None = None
    options: dict[str, str] = field(default_factory=dict)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def updated_column(columns: tuple[ColumnInfo, ...]) -> str | None:
    """The column that marks when a row last changed, if the table has one of the usual names."""
    for column in columns:
        if column.name.lower() in UPDATED_AT_NAMES:
            return column.name
    return None


def text_batch(names: Sequence[str], rows: Sequence[Sequence[object]]) -> pa.RecordBatch:
    """Rows as a batch of text columns (None stays null); dates become ISO text."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    arrays = [pa.array([None if v is None else v.isoformat() if hasattr(v, "isoformat") else str(v)
                        for v in values], type=pa.string()) for values in columns]
    return pa.RecordBatch.from_arrays(arrays, names=list(names))


REASON = "__ukimet_reason"
"""The column a connector adds to a batch to quarantine its rows that could not be read, with the reason."""


class Connector(Protocol):
    def test(self) -> str:
        """Connect and return a one-line description (server version, file kind); raise SourceError if not."""
        ...

    def tables(self, exact: bool = True) -> list[TableInfo]:
        """The tables with their columns and keys; row counts exact, or the server's estimate when not
        ``exact`` (a sync counts the rows it reads anyway)."""
        ...

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        """The table's rows; with ``since``, only rows whose updated column is later than it; with ``limit``, at
        most that many (a sample). A batch may carry one more column, ``REASON``: a row where it is set could not
        be read as it stands (a malformed line, text in no known encoding) and is quarantined with that reason."""
        ...

    def casts(self, table: TableInfo) -> dict[str, str]:
        """The columns read as text although the source declares a type, with the store type the sync casts each
        to (the values that do not fit are quarantined with their reason)."""
        ...
