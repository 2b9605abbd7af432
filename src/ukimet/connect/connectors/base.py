"""What every connector offers: a connection test, the tables with their columns, keys and row counts, and
each table's rows as Arrow record batches (all of them, or those changed since a watermark)."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ClassVar, Protocol

import pyarrow as pa

from ukimet.core.errors import SourceError, UkimetError

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
    source_name: str | None = None
    """The column's name in the source when the store's differs (a name the source also has in another case)."""

    @property
    def read_name(self) -> str:
        """The name to read the column by in the source."""
        return self.source_name or self.name


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

    @property
    def read_name(self) -> str:
        """The name to read the table by in the source (its store name may differ: ``distinct_names``)."""
        return self.options.get("source_table", self.name)

    def read_name_of(self, column: str | None) -> str | None:
        """The source's name of the store's ``column``."""
        return next((c.read_name for c in self.columns if c.name == column), column)


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CUT_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{0,4}$")
CUT = "…"
"""The mark of a column name its system cut short (``escaped_name``): its last word is the beginning of a word"""


def escaped_name(name: str) -> str:
    """A name as its writer typed it where a system escaped it as XML names are (``_x0414__x0430__x0442__x0430_``:
    Дата), as SharePoint names a list's columns: its REST answer's ``OData_`` prefix dropped, and a name cut at 32
    characters inside an escape (``OData__x0424__x0430__x043c__x0438__x04``: Фами, of Фамилия в период работы)
    ending in ``CUT``. A name with no escape is returned as it is."""
    if not _ESCAPED.search(name):
        return name
    text = name.removeprefix("OData_")
    cut = _CUT_ESCAPE.search(_ESCAPED.sub("", text)) is not None
    text = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _CUT_ESCAPE.sub("", text) + CUT if cut else text  # ИИН …: a word begun after ИИН, cut before its first
    # letter


UNNAMED_COLUMN = re.compile(r"column_\d+")
"""the name a column gets where the file names it not (``unique_names``, a CSV without a header: ``column_3``)"""


def unique_names(names: list[str]) -> tuple[list[str], list[str]]:
    """Names made unique case-insensitively, as the store compares them (``name``, ``Name`` -> ``name``,
    ``Name_2``; an empty one becomes ``column_N``; an escaped one as typed: ``escaped_name``), with what was
    renamed."""
    seen: set[str] = set()
    out, renamed = [], []
    for position, raw in enumerate(names):
        name = escaped_name(raw).strip() or f"column_{position + 1}"
        candidate, n = name, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate.lower())
        out.append(candidate)
        if candidate != raw:
            renamed.append(f"{raw!r} -> {candidate}")
    return out, renamed


def distinct_names(tables: list[TableInfo]) -> list[TableInfo]:
    """Tables, and columns of a table, whose names differ only by case (PostgreSQL keeps "People" and "people"
    apart; the store, like SQL, folds case) get store names of their own (``People``, ``people_2``), each keeping
    its source name to be read by; keys and the updated-at column follow. Names already distinct are unchanged."""
    table_names, _ = unique_names([t.name for t in tables])
    out = []
    for table, name in zip(tables, table_names, strict=True):
        names, renamed = unique_names([c.name for c in table.columns])
        if not renamed and name == table.name:
            out.append(table)
            continue
        by_source = {c.name: n for c, n in zip(table.columns, names, strict=True)}
        columns = tuple(ColumnInfo(n, c.data_type, c.nullable, c.name if n != c.name else None)
                        for c, n in zip(table.columns, names, strict=True))
        options = {**table.options, **({"source_table": table.name} if name != table.name else {}),
                   **({"renamed": "; ".join(renamed)} if renamed else {})}
        out.append(TableInfo(name, columns, table.row_count, tuple(by_source.get(k, k) for k in table.primary_key),
                             by_source.get(table.updated_column, table.updated_column) if table.updated_column
                             else None, options))
    return out


def keep_store_names(tables: list[TableInfo], previous: dict[str, str]) -> list[TableInfo]:
    """``tables`` named as the catalogue named them before (``previous``: the source's name -> the store's): a table
    keeps its store name as long as it is in the source, whatever other tables come and go, and a table new to
    the catalogue takes no name another table holds or held (compared as the store compares them, case folded)."""
    reserved = {name.lower() for name in previous.values()}
    kept: dict[int, str] = {}  # position -> the store name it keeps
    taken: set[str] = set()
    for position, table in enumerate(tables):
        old = previous.get(table.read_name)
        if old is not None and old.lower() not in taken:
            kept[position] = old
            taken.add(old.lower())
    out = []
    for position, table in enumerate(tables):
        name = kept.get(position)
        if name is None:
            name, n = table.name, 1
            while name.lower() in taken or name.lower() in reserved:
                n += 1
                name = f"{table.read_name}_{n}"
            taken.add(name.lower())
        if name == table.name:
            out.append(table)
            continue
        options = {k: v for k, v in table.options.items() if k != "source_table"}
        out.append(replace(table, name=name, options={**options, **(
            {"source_table": table.read_name} if name != table.read_name else {})}))
    return out


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


def unreadable(table: TableInfo, error: BaseException) -> TableInfo:
    """``table`` as one that cannot be read now (a view whose query fails, a table the reader may not select
    from), with the first line of why: it fails alone at every sync until it can be read, the others load."""
    return dataclasses.replace(table, row_count=None, options={**table.options, "error": one_line(error)})


def one_line(exc: BaseException) -> str:
    """An unforeseen failure as one line: its kind and the first line of what it said, or the server's own words
    where a Rust driver's panic quotes them within a backtrace's worth of detail. A long line keeps its start and
    its end: a wrapped error names the original cause last (DuckDB's "... Original error: ... No space left on
    device")."""
    said = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
    if isinstance(exc, UkimetError):
        return said  # already ours: what, why and the fix
    server = re.search(r'message: "((?:[^"\\]|\\.)*)"', said)
    if server:
        said = server.group(1)
    if len(said) > 300:
        said = f"{said[:180]} ... {said[-110:]}"
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__


def raise_if_unreadable(source: str, table: TableInfo) -> None:
    """Refuse to read a table (or a file) catalogued as unreadable, with the reason it was."""
    if "error" not in table.options:
        return
    if "file" in table.options:
        raise SourceError("source.unreadable_file", name=source, path=table.options["file"],
                          detail=table.options["error"])
    raise SourceError("source.unreadable_table", name=source, table=table.name, detail=table.options["error"])


REASON = "__ukimet_reason"
"""The column a connector adds to a batch to quarantine its rows that could not be read, with the reason."""


class Connector(Protocol):
    exact_fingerprint: ClassVar[bool]
    """Whether an equal fingerprint means equal rows (a hash of a file's bytes): a sync then does not read a
    table again whose fingerprint is the one it published; else the fingerprint only guards a resume."""

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

    def fingerprint(self, table: TableInfo) -> str | None:
        """Something that changes whenever the table's rows do (a file's size and time; a server table's row
        count, newest row version and watermark), cheaper than reading it; None when nothing cheap can tell (a
        view). A staged table is resumed only while its fingerprint holds."""
        ...

    def casts(self, table: TableInfo) -> dict[str, str]:
        """The columns read as text although the source declares a type, with the store type the sync casts each
        to (the values that do not fit are quarantined with their reason)."""
        ...


def file_fingerprint(*paths: str | Path) -> str:
    """A hash of the bytes of ``paths`` (those that exist), read a megabyte at a time: equal exactly when the
    files are (a file rewritten with the same bytes is unchanged; one changed in place with its time kept is
    not)."""
    digest = hashlib.blake2b(digest_size=32)
    for path in paths:
        if Path(path).exists():
            with Path(path).open("rb") as f:
                digest.update(hashlib.file_digest(f, "blake2b").digest())
    return "blake2b:" + digest.hexdigest()
