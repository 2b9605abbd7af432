"""File exports: CSV (code page, delimiter and header detected), Excel workbooks (a table per sheet) and Parquet
(a file, or a folder of files, a table each). CSV and Excel carry no reliable types: their cells are text and
the classifier and profiler read meaning from the values.

A file that cannot be read at all (a picture or an archive renamed .csv, a truncated workbook or Parquet file) is
a table that fails alone with the reason: in a folder the good files go on loading; a source of that file alone
is refused when it is added. In a CSV file that can be read, a malformed row (a field count unlike the header's,
a quote never closed) is quarantined with its line number and text while the rest loads; a header that names
a column twice (or twice in different case) gets unique names, said in the table's ``renamed`` option."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, Literal, TypeGuard

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ukimet.connect.connectors import (
    boxed,
    cards,
    fixed_width,
    icalendar,
    ldif,
    mbox,
    sqldump,
    typed_lines,
    whatsapp,
)
from ukimet.connect.connectors.base import (
    REASON,
    ColumnInfo,
    TableInfo,
    distinct_names,
    file_fingerprint,
    raise_if_unreadable,
    text_batch,
    unique_names,
    unreadable,
)
from ukimet.connect.connectors.labelled import item_columns, item_rows
from ukimet.connect.connectors.nested import flatten, grow, in_order
from ukimet.connect.connectors.workbook import (
    BLOCK_OPENS,
    TITLE_ROWS,
    Sheet,
    cells,
    filled,
    header_at,
    header_names,
    is_total,
    laid_out,
    sheets,
)
from ukimet.connect.encoding import SEP_LINE, Utf8Lines, sniff, text_lines
from ukimet.core.errors import SourceError

csv.field_size_limit(sys.maxsize)  # a field of any length is a field (Python's csv stops at 131,072 characters)
BLOCK = 1 << 18
"""Bytes the CSV reader parses at a time; a file with a longer line gets blocks that hold it. The reader keeps a
few dozen blocks in flight, so the block is what bounds a sync's memory: 8 MB blocks held 250 MB of a 235 MB
file before its first batch, 1 MB blocks 20-40 MB; 256 KB blocks hold half the memory of 1 MB ones (a reader's
peak 136 MB against 185 MB on a 200 MB file) in the same time."""


def _failed(path: Path, error: Exception) -> TableInfo:
    """A file that cannot be read: a table of its own that fails alone, with the reason."""
    return unreadable(TableInfo(path.stem, (), None, (), None, {"file": str(path)}), error)


def _refuse_unreadable(name: str, tables: list[TableInfo]) -> None:
    """A source none of whose files can be read is refused (a folder with some good files loads those)."""
    if tables and all("error" in t.options for t in tables):
        raise SourceError("source.unreadable_file", name=name, path=tables[0].options["file"],
                          detail=tables[0].options["error"])


HEADER_AGAIN_LEAST = 3
"""the fewest columns a second header line must name as the header does (ЖСН and ИИН: an IIN) to be one"""


def _rule(row: list[str]) -> bool:
    """Whether ``row`` is a line of dashes under a header (sqlcmd's and bcp's ``------`` under each column's name)."""
    return bool(row) and all(re.fullmatch(r"\s*-*\s*", cell) for cell in row) and any("-" in cell for cell in row)


def _header_again(header: list[str], row: list[str]) -> bool:
    """Whether the row under a CSV's header names its columns again, in another language (ЖСН, Туған күні over ИИН,
    Дата рождения; a bilingual export): no digit in it, nearly every column named, and at least half of them (and
    ``HEADER_AGAIN_LEAST``) as the header names them or with the same meaning (classify's reading of names)."""
    from ukimet.connect.classify import name_kinds

    if len(row) != len(header) or any(ch.isdigit() for cell in row for ch in cell):
        return False
    named = [(h.strip(), r.strip()) for h, r in zip(header, row, strict=True) if h.strip()]
    said = [(h, r) for h, r in named if r]
    if len(said) < 0.8 * len(named):
        return False
    agree = sum(1 for h, r in said if h.lower() == r.lower() or name_kinds(h) & name_kinds(r))
    return agree >= max(HEADER_AGAIN_LEAST, len(said) / 2)


def _longest_line(path: Path) -> int:
    longest, current = 0, 0
    with path.open("rb") as f:
        while chunk := f.read(BLOCK):
            parts = chunk.split(b"\n")
            if len(parts) == 1:
                current += len(chunk)
                continue
            longest = max(longest, current + len(parts[0]), *(len(x) for x in parts[1:-1]))
            current = len(parts[-1])
    return max(longest, current)


def _line_numbers(path: Path, encoding: str, fallback: str | None, texts: list[str]) -> list[int | None]:
    """The line each of ``texts`` (malformed rows, in file order) starts on."""
    found: list[int | None] = []
    wanted = iter(texts)
    target = next(wanted, None)
    text, _ = text_lines(path, encoding, fallback)
    with text as f:
        for number, line in enumerate(f, start=1):
            while target is not None and line.rstrip("\r\n") == target.split("\n")[0].rstrip("\r"):
                found.append(number)
                target = next(wanted, None)
            if target is None:
                break
    return found + [None] * (len(texts) - len(found))


ASCII_PAGES = ("utf-8", "utf-8-sig", "cp1251", "cp866", "kz1048", "koi8-r", "latin-1", "iso-8859-5", "ascii")
"""encodings that write a quote, a delimiter and a line break as their ASCII bytes"""


def _last_before(f: BinaryIO, end: int, byte: bytes) -> int:
    """Where the last ``byte`` before offset ``end`` of ``f`` stands, read backwards a block at a time (only one
    block held at once); -1 when there is none."""
    at = end
    while at > 0:
        step = min(BLOCK, at)
        at -= step
        f.seek(at)
        found = f.read(step).rfind(byte)
        if found >= 0:
            return at + found
    return -1


def _unclosed_tail(path: Path, encoding: str, fallback: str | None, delimiter: str) -> str | None:
    """The text from the line whose quote is never closed to the end of the file, when the file's last quote
    opens a field (it follows a delimiter or starts a line): every line after it was swallowed into that field.
    None otherwise (a later quote closes it, and the reader reports the broken row itself)."""
    if encoding.lower() not in ASCII_PAGES or len(delimiter.encode()) != 1:
        return None
    with path.open("rb") as f:
        quote = _last_before(f, path.stat().st_size, b'"')
        if quote < 0:
            return None
        f.seek(max(quote - 1, 0))
        before = f.read(1) if quote > 0 else b""
        f.seek(0)
        after_bom = quote == 3 and f.read(3) == b"\xef\xbb\xbf"
        if before not in (b"", b"\n", b"\r", delimiter.encode()) and not after_bom:
            return None
        f.seek(_last_before(f, quote, b"\n") + 1)
        raw = f.read()
    if encoding.lower().startswith("utf-8"):
        return Utf8Lines.convert(raw, fallback).decode("utf-8", errors="replace")
    return raw.decode(encoding, errors="replace")


def _swallowed(batch: pa.RecordBatch, tail: str) -> bool:
    """Whether the last row of ``batch`` (the file's last) is the one a quote never closed took ``tail`` into: one
    of its values starts with what follows that quote. (When the swallowed text has too many or too few fields for
    a row, the reader has already reported it, and the last row is a good one.)"""
    if not batch.num_rows:
        return False
    opened = tail.split("\n")[0]
    rest = opened[opened.rfind('"') + 1:]
    last = batch.slice(batch.num_rows - 1, 1).to_pylist()[0]
    return any((isinstance(v, str) and v.startswith(rest) and "\n" in v) or v == rest for k, v in last.items()
               if k != REASON)


def _unclosed(line: str) -> bool:
    return line.count('"') % 2 == 1


def _parse_lines(lines: list[str], options: dict[str, str], names: list[str],
                 malformed: list[tuple[str, str]]) -> pa.Table:
    """Rows of ``lines`` (each with its quotes closed), the malformed ones added to ``malformed``."""
    def bad(row: pacsv.InvalidRow) -> Literal["skip"]:
        malformed.append((row.text, f"{row.actual_columns} fields where the header has {row.expected_columns}"))
        return "skip"

    return pacsv.read_csv(
        io.BytesIO("\n".join(lines).encode("utf-8")),
        read_options=pacsv.ReadOptions(column_names=names),
        parse_options=pacsv.ParseOptions(delimiter=options["delimiter"], invalid_row_handler=bad,
                                         newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=True))


def _recovered(rows: list[tuple[str, str]], options: dict[str, str],
               names: list[str]) -> tuple[list[tuple[str, str]], list[pa.Table]]:
    """Malformed rows, with the rows that a quote never closed swallowed given back: such a row runs from the
    line with the unclosed quote over the lines after it, up to the next quote anywhere. Its first line is the
    malformed one; each later line whose quotes are closed is read again as the row it is."""
    malformed: list[tuple[str, str]] = []
    tables: list[pa.Table] = []
    for text, why in rows:
        lines = text.split("\n")
        if len(lines) == 1 or not _unclosed(lines[0]):
            malformed.append((text, why))
            continue
        malformed.append((lines[0], "a quote opened on this line is never closed"))
        run: list[str] = []
        for line in [*lines[1:], None]:
            if line is not None and not _unclosed(line):
                run.append(line)
                continue
            if run:
                tables.append(_parse_lines(run, options, names, malformed))
                run = []
            if line is not None:
                malformed.append((line, "a quote opened on this line is never closed"))
    return malformed, tables


EXCEL_TEXT = re.compile(r'^="(.*)"$')
"""A value written as an Excel text formula (="87014567890", ="00123"), as exports do to keep a number's zeros and
digits: the text inside is the value"""


def _excel_text(column: Any) -> Any:
    """``column`` with each value written as an Excel text formula (``EXCEL_TEXT``) read as the text inside."""
    if not pc.any(pc.starts_with(column, '="')).as_py():
        return column
    return pc.replace_substring_regex(column, EXCEL_TEXT.pattern, r"\1")


def _without_nul(batch: pa.RecordBatch, names: list[str]) -> pa.RecordBatch:
    """``batch`` with its ``REASON`` column: a row holding a NUL byte (which no text has; a store's text may not
    hold it) is quarantined, the byte shown as ``\\0``. A value written as an Excel text formula is the text in it
    (``_excel_text``)."""
    # no Python value becomes an Arrow one here (pyarrow would import pandas to check its type, a fifth of a
    # second on a small file): a missing value is no NUL by Kleene logic (null and false is false)
    batch = pa.RecordBatch.from_arrays([_excel_text(c) for c in batch.columns], names=batch.schema.names)
    nul: Any = None
    for column in batch.columns:
        found: Any = pc.match_substring(column, "\x00")
        found = pc.and_kleene(found, pc.is_valid(found))
        nul = found if nul is None else pc.or_(nul, found)
    if nul is None or not pc.any(nul).as_py():
        return pa.RecordBatch.from_arrays([*batch.columns, pa.nulls(batch.num_rows, pa.string())],
                                          names=[*names, REASON])
    columns = [pc.replace_substring(c, "\x00", "\\0") for c in batch.columns]
    reasons = pc.if_else(nul, pa.scalar("the row holds a NUL byte (shown as \\0)"), pa.scalar(None, pa.string()))
    return pa.RecordBatch.from_arrays([*columns, reasons], names=[*names, REASON])


def _zoned(kind: pa.DataType) -> TypeGuard[pa.TimestampType]:
    return isinstance(kind, pa.TimestampType) and kind.tz is not None


def _stored_type(kind: pa.DataType) -> pa.DataType:
    """The type a file's column is stored as (``_storable``): a time with its zone as the zone's wall clock."""
    return pa.timestamp(kind.unit) if _zoned(kind) else kind


def _storable(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with the columns the store has no exact type for as exact text: decimals of more than 38 digits
    (``decimal256``), kept digit for digit; and a time written with its zone (a birth at midnight in Almaty,
    ``+06:00``) as that zone's wall clock, the day its writer meant (kept as an instant, the store would give it in
    UTC: the day before)."""
    if not any(pa.types.is_decimal256(f.type) or _zoned(f.type) for f in batch.schema):
        return batch
    return pa.RecordBatch.from_arrays(
        [c.cast(pa.string()) if pa.types.is_decimal256(c.type) else _wall_clock(c) if _zoned(c.type) else c
         for c in batch.columns], names=batch.schema.names)


def _wall_clock(times: pa.Array[Any]) -> pa.Array[Any]:
    local: pa.Array[Any] = pc.local_timestamp(times)  # type: ignore[call-overload]  # the stubs know no zoned array
    return local


def _flat_fields(fields: Iterable[pa.Field[Any]], prefix: str = "") -> list[pa.Field[Any]]:
    """A Parquet schema's columns as the store holds them: a record's fields (a struct) as dotted names of their
    own, as a JSON file's nested objects are (person.last_name, referrer.name: linkage reads whose they are); a list of
    plain values as one text, its values joined with "; " (phones); a list of records or a map as its JSON text."""
    out: list[pa.Field[Any]] = []
    for f in fields:
        name = f"{prefix}{f.name}"
        if pa.types.is_struct(f.type):
            out += _flat_fields(f.type, f"{name}.")
        elif _listed(f.type):
            out.append(pa.field(name, pa.string()))
        else:
            out.append(pa.field(name, _stored_type(f.type)))
    return out


def _flat_columns(columns: Iterable[tuple[pa.Field[Any], pa.Array[Any]]]) -> list[pa.Array[Any]]:
    """The arrays of ``_flat_fields``, in its order."""
    out: list[pa.Array[Any]] = []
    for f, column in columns:
        if pa.types.is_struct(f.type):
            parts = column.flatten()  # type: ignore[attr-defined]  # a StructArray's fields, its nulls applied
            out += _flat_columns(zip(f.type, parts, strict=True))
        elif _listed(f.type) and not pa.types.is_map(f.type) and not _nested(f.type.value_type):
            joined: pa.Array[Any] = pc.binary_join(column.cast(pa.list_(pa.string())), "; ")  # type: ignore[assignment]
            out.append(joined)
        elif _listed(f.type):
            out.append(pa.array([None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                                 for v in column.to_pylist()], pa.string()))
        else:
            out.append(column)
    return out


def _listed(kind: pa.DataType) -> bool:
    """A list or a map: stored as one text (``_flat_fields``)."""
    return pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_map(kind)


def _nested(kind: pa.DataType) -> bool:
    return pa.types.is_struct(kind) or _listed(kind)


def _flat(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with its records and lists as ``_flat_fields`` holds them (a flat batch as it is)."""
    if not any(_nested(f.type) for f in batch.schema):
        return batch
    return pa.RecordBatch.from_arrays(_flat_columns(zip(batch.schema, batch.columns, strict=True)),
                                      names=[f.name for f in _flat_fields(batch.schema)])


def _files(name: str, location: str, suffixes: tuple[str, ...]) -> list[Path]:
    path = Path(location)
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes) if path.is_dir() else [path]
    if not files or not all(p.exists() for p in files):
        raise SourceError("source.no_file", name=name, suffixes="/".join(suffixes), path=location)
    return files


NULLS: list[str] = [*list(pacsv.ConvertOptions().null_values or []), "\\N"]
"""Values a CSV writes for nothing: Arrow's (empty, NULL, N/A, ...) and ``\\N``, PostgreSQL's ``COPY`` text and
MySQL's ``SELECT ... INTO OUTFILE`` null (a pharmacy's recipient columns, empty on most rows, had been read as names
of one person, ``\\N``)."""


class CsvConnector:
    exact_fingerprint: ClassVar[bool] = True

    def __init__(self, name: str, location: str, encoding: str | None = None, delimiter: str | None = None) -> None:
        self.name = name
        self.files = _files(name, location, (".csv", ".txt", ".tsv", ".sql"))
        self.encoding = encoding
        self.delimiter = delimiter

    def test(self) -> str:
        tables = self.tables()
        _refuse_unreadable(self.name, tables)
        described = []
        for table in tables:
            o = table.options
            if "error" in o:
                described.append(f"{Path(o['file']).name} cannot be read ({o['error']})")
                continue
            with_header = "header" if o["header"] == "True" else "no header"
            renamed = f", renamed {o['renamed']}" if o.get("renamed") else ""
            converted = f", {o['converted']}" if o.get("converted") else ""
            split = "columns of fixed width" if o.get("fixed_width") else \
                f"a {o['boxed']} client's table" if o.get("boxed") else \
                f"a {o['sqldump']} dump's table {o['dump_table']}" if o.get("sqldump") else \
                "an iCalendar's events" if o.get("icalendar") else \
                "a mailbox's mails" if o.get("mbox") else \
                "a chat's messages" if o.get("whatsapp") else \
                "a directory's entries" if o.get("ldif") else \
                f"delimiter {o['delimiter']!r}"
            described.append(f"{Path(o['file']).name} ({o['encoding']}{converted}, {split}, {with_header}{renamed})")
        return "CSV: " + "; ".join(described)

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        for path in self.files:
            try:
                dialect = sniff(path, self.encoding)
                dumped = None if self.delimiter else _dump_tables(path, dialect.encoding, dialect.fallback)
                if dumped is not None:  # a database's dump: a table per dumped table that has rows
                    out += dumped
                    continue
                calendar = None if self.delimiter else _calendar_table(path, dialect.encoding, dialect.fallback)
                if calendar is not None:  # an iCalendar export: an event a row
                    out.append(calendar)
                    continue
                items = None if self.delimiter else next(
                    (t for kind in ITEMS if (t := _items_table(path, dialect.encoding, dialect.fallback, kind))), None)
                if items is not None:  # an mbox, a chat, a directory: a mail, a message, an entry a row
                    out.append(items)
                    continue
                delimiter = self.delimiter or dialect.delimiter
                fixed = None if self.delimiter else _boxed_table(path, dialect.encoding, dialect.fallback) or \
                    _fixed_width_table(path, dialect.encoding, dialect.fallback, delimiter) or \
                    _typed_lines_table(path, dialect.encoding, dialect.fallback, delimiter)
                if fixed is not None:  # a report printed in columns of spaces, no delimiter between its fields
                    out.append(fixed)
                    continue
                text, raw = text_lines(path, dialect.encoding, dialect.fallback)
                with text as f:
                    reader = csv.reader(f, delimiter=delimiter)
                    top = list(itertools.islice(reader, TITLE_ROWS))
                    comments = next((i for i, row in enumerate(top) if not row or not (row[0].startswith("#") or (
                        i == 0 and SEP_LINE.fullmatch(delimiter.join(row).strip())))), len(top))
                    # an export's # lines above its header (who made it, when, of what), Excel's sep=; line
                    above = comments + header_at([tuple(row) for row in top[comments:]])  # a title above the
                    # header, as in a workbook
                    first = top[above] if above < len(top) else []
                    again = int(bool(dialect.header and above + 1 < len(top) and _header_again(first, top[above + 1])))
                    if again:  # ЖСН, Туған күні over ИИН, Дата рождения: the header in a second language, no record
                        first = [h if not t.strip() or t.strip().lower() == h.strip().lower() else f"{h} / {t}"
                                 for h, t in zip(first, top[above + 1], strict=True)]
                    below = above + 1 + again
                    if dialect.header and below < len(top) and _rule(top[below]):
                        again += 1  # sqlcmd's ------ under each column's name: the header's underline, no record
                    cells = JsonCells()
                    for row in top[above + (1 if dialect.header else 0) + again:]:
                        cells.see(row)
                    rest = 0
                    for row in reader:
                        cells.see(row)
                        rest += 1
                    rows = len(top) - above - 1 - again + rest + (0 if dialect.header else 1)
                    multiline = reader.line_num > len(top) + rest  # a quoted value over two lines somewhere
                converted = raw.converted if raw is not None else 0
            except (SourceError, UnicodeError, csv.Error, OSError, ValueError) as error:
                out.append(_failed(path, error))
                continue
            names, renamed = unique_names(first if dialect.header else [f"column_{i + 1}" for i in range(len(first))])
            spread = cells.spread(names)
            options = {"file": str(path), "encoding": dialect.encoding, "delimiter": delimiter,
                       "header": str(dialect.header or above > 0), "renamed": "; ".join(renamed),
                       "title_lines": str(above + again), "multiline": str(multiline)}
            if spread:  # a cell of JSON (a PostgreSQL json column's export): its records spread as a JSON file's
                options["json_cells"] = json.dumps(spread, ensure_ascii=False)
                names = [n for name in names for n in (name, *spread.get(name, ()))]
            if converted:  # lines in a code page inside a UTF-8 file: read from that page, and said
                options["converted"] = (f"{converted} line{'s' if converted > 1 else ''} in "
                                        f"{dialect.fallback or 'a Cyrillic code page'}")
                options["fallback"] = dialect.fallback or ""
            out.append(TableInfo(path.stem, tuple(ColumnInfo(n, "text") for n in names), rows, (), None, options))
        return distinct_names(out)

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        raise_if_unreadable(self.name, table)
        if any(table.options.get(k) for k in ("fixed_width", "boxed", "typed_lines", "sqldump", *ITEM_READERS)):
            yield from _line_table_batches(table, batch_rows, limit)
            return
        path = Path(table.options["file"])
        header = table.options["header"] == "True"
        spread: dict[str, list[str]] = json.loads(table.options.get("json_cells") or "{}")
        outer = list(table.column_names)
        names = [n for n in outer if not any(n in keys for keys in spread.values())]  # the file's own columns
        malformed: list[tuple[str, str]] = []
        options = table.options
        fallback = options.get("fallback") or None

        def quarantine(row: pacsv.InvalidRow) -> Literal["skip"]:
            malformed.append((row.text, f"{row.actual_columns} fields where the header has {row.expected_columns}"))
            return "skip"

        utf8 = options["encoding"] in ("utf-8", "utf-8-sig")
        reader = pacsv.open_csv(
            io.BufferedReader(Utf8Lines(path, fallback)) if utf8 else path,  # UTF-8 bytes, lines in a page converted
            read_options=pacsv.ReadOptions(encoding="utf8" if utf8 else options["encoding"], column_names=names,
                                           skip_rows=int(options.get("title_lines", "0")) + (1 if header else 0),
                                           block_size=max(BLOCK, 2 * _longest_line(path) + (64 << 10))),
            # a quoted value may hold line breaks (an address over two lines): where the file has one, the reader's
            # blocks end between rows, never inside it (else "out of sync with chunker" refused a whole file); the
            # slower reading only where needed
            parse_options=pacsv.ParseOptions(delimiter=table.options["delimiter"], invalid_row_handler=quarantine,
                                             newlines_in_values=options.get("multiline", "True") == "True"),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=True, null_values=NULLS),
        )
        left = limit
        tail = None if limit is not None else _unclosed_tail(path, options["encoding"], fallback,
                                                              options["delimiter"])
        held: pa.RecordBatch | None = None  # the last piece is held back: its last row may be the swallowed one
        for batch in reader:
            if left is not None:
                batch = batch.slice(0, left)
                left -= batch.num_rows
            batch = _json_cells_spread(_without_nul(batch, names), spread, outer)  # one schema with the
            # quarantined rows
            for i in range(0, batch.num_rows, batch_rows):
                if held is not None and held.num_rows:
                    yield held
                held = batch.slice(i, batch_rows)
            if left == 0:
                break
        if held is not None and tail is not None and _swallowed(held, tail):
            held = held.slice(0, held.num_rows - 1)  # a quote never closed swallowed the lines after it
            malformed.append((tail, "a quote opened on this line is never closed"))
        if held is not None and held.num_rows:
            yield held
        if left == 0:
            return
        malformed, recovered = _recovered(malformed, options, names)
        for rows in recovered:
            if rows.num_rows:
                yield from (_json_cells_spread(_without_nul(b, names), spread, outer)
                            for b in rows.to_batches(batch_rows))
        if malformed:
            lines = _line_numbers(path, options["encoding"], fallback, [text for text, _ in malformed])
            reasons = [f"line {line if line is not None else '?'}: {why}: {text}"
                       for (text, why), line in zip(malformed, lines, strict=True)]
            empty = [pa.nulls(len(reasons), pa.string()) for _ in outer]
            yield pa.RecordBatch.from_arrays([*empty, pa.array(reasons, pa.string())], names=[*outer, REASON])

    def fingerprint(self, table: TableInfo) -> str | None:
        return file_fingerprint(table.options["file"])

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {}  # every cell is text: the classifier reads meaning from the values

FIXED_WIDTH_TOP = 50
"""the first lines whose fields by the delimiter tell a delimited file (three or more a line) from a fixed-width one"""


def _fixed_width_table(path: Path, encoding: str, fallback: str | None, delimiter: str) -> TableInfo | None:
    """The table of a file printed in columns of fixed width (``fixed_width``), or None where its delimiter splits
    its lines into a table (three or more fields a line) or it has no such columns."""
    text, _ = text_lines(path, encoding, fallback)
    with text as f:  # one reading: the sample, then the rest of the lines counted as rows
        sample = list(itertools.islice(f, FIXED_WIDTH_TOP))  # a delimited file tells so in its first lines
        fields = sorted(len(next(csv.reader([line], delimiter=delimiter), [])) for line in sample if line.strip())
        if not fields or fields[len(fields) // 2] >= fixed_width.FEWEST_COLUMNS:
            return None
        sample += list(itertools.islice(f, fixed_width.SAMPLE_LINES - FIXED_WIDTH_TOP))
        columns = fixed_width.spans(sample)
        if columns is None:
            return None
        at = fixed_width.header_at(sample, columns)
        header = fixed_width.cut(sample[at], columns) if at is not None else None
        below = sample[at + 1:] if at is not None else sample
        count = sum(1 for _ in fixed_width.rows(itertools.chain(below, f), columns, header))
    names, renamed = unique_names([h or f"column_{i + 1}" for i, h in enumerate(header)] if header else
                                  [f"column_{i + 1}" for i in range(len(columns))])
    options = {"file": str(path), "encoding": encoding, "delimiter": delimiter, "header": str(header is not None),
               "renamed": "; ".join(renamed), "fixed_width": json.dumps(columns),
               "header_line": str(at if at is not None else -1), "fallback": fallback or "",
               "header_fields": json.dumps(header, ensure_ascii=False)}
    return TableInfo(path.stem, tuple(ColumnInfo(n, "text") for n in names), count, (), None, options)


def _boxed_table(path: Path, encoding: str, fallback: str | None) -> TableInfo | None:
    """The table of a database client's output pasted as text (``boxed``: mysql's borders, psql's rule), or None."""
    text, _ = text_lines(path, encoding, fallback)
    with text as f:
        sample = list(itertools.islice(f, boxed.SAMPLE_LINES))
        kind = boxed.style(sample)
        header = boxed.header(sample, kind) if kind else None
        if kind is None or header is None:
            return None
        count = sum(1 for _ in boxed.rows(itertools.chain(sample, f), kind, header))
    names, renamed = unique_names([h or f"column_{i + 1}" for i, h in enumerate(header)])
    options = {"file": str(path), "encoding": encoding, "delimiter": "|", "header": "True",
               "renamed": "; ".join(renamed), "boxed": kind, "fallback": fallback or "",
               "header_fields": json.dumps(header, ensure_ascii=False)}
    return TableInfo(path.stem, tuple(ColumnInfo(n, "text") for n in names), count, (), None, options)


def _calendar_table(path: Path, encoding: str, fallback: str | None) -> TableInfo | None:
    """The table of an iCalendar file's events (``icalendar``), or None where the file is no calendar."""
    return _items_table(path, encoding, fallback, "icalendar")


ITEM_READERS = {"icalendar": icalendar, "mbox": mbox, "whatsapp": whatsapp, "ldif": ldif}
"""The readers of text files of items each read as a row: a calendar's events, a mailbox's mails, a WhatsApp chat's
messages, a directory's entries (each module's ``style`` and ``items``, read as a table by ``labelled.item_columns``
and ``labelled.item_rows``)"""
ITEMS = ("mbox", "whatsapp", "ldif")
"""the kinds of items tried after a calendar, in this order"""


def _items_table(path: Path, encoding: str, fallback: str | None, kind: str) -> TableInfo | None:
    """The table of a text file of items each read as a row (``ITEM_READERS``), or None where the file is none of
    ``kind``."""
    reader = ITEM_READERS[kind]
    text, _ = text_lines(path, encoding, fallback)
    with text as f:
        sample = list(itertools.islice(f, reader.SAMPLE_LINES))
        if not reader.style(sample):
            return None
        found, count = item_columns(reader.items(itertools.chain(sample, f)))
    names, renamed = unique_names(found)
    options = {"file": str(path), "encoding": encoding, "header": "True", "renamed": "; ".join(renamed),
               kind: "True", "fallback": fallback or "", "delimiter": ","}
    return TableInfo(path.stem, tuple(ColumnInfo(n, "text") for n in names), count, (), None, options)


def _dump_tables(path: Path, encoding: str, fallback: str | None) -> list[TableInfo] | None:
    """The tables of a database's dump (``sqldump``: mysqldump's, pg_dump's plain format) that have rows, or None
    where the file is no dump."""
    text, _ = text_lines(path, encoding, fallback)
    with text as f:
        sample = list(itertools.islice(f, sqldump.SAMPLE_LINES))
        kind = sqldump.style(sample)
        if kind is None:
            return None
        found = sqldump.tables(itertools.chain(sample, f), kind)
    out = []
    for table in found:
        names, renamed = unique_names(table.columns)
        options = {"file": str(path), "encoding": encoding, "header": "True", "renamed": "; ".join(renamed),
                   "sqldump": kind, "dump_table": table.name, "fallback": fallback or "", "delimiter": ","}
        out.append(TableInfo(table.name, tuple(ColumnInfo(n, "text") for n in names), table.rows, (), None, options))
    return out


def _typed_lines_table(path: Path, encoding: str, fallback: str | None, delimiter: str) -> TableInfo | None:
    """The table of a file of typed lines (``typed_lines``: H, D, A, T lines), or None."""
    text, _ = text_lines(path, encoding, fallback)
    with text as f:
        sample = list(itertools.islice(f, typed_lines.SAMPLE_LINES))
        how = typed_lines.plan(sample, delimiter)
        if how is None:
            return None
        count = sum(1 for _ in typed_lines.rows(itertools.chain(sample, f), delimiter, how))
    options = {"file": str(path), "encoding": encoding, "delimiter": delimiter, "header": "False", "renamed": "",
               "typed_lines": json.dumps([how.main, how.attached, how.widths], ensure_ascii=False),
               "fallback": fallback or ""}
    return TableInfo(path.stem, tuple(ColumnInfo(n, "text") for n in how.names()), count, (), None, options)


def _line_table_batches(table: TableInfo, batch_rows: int, limit: int | None) -> Iterator[pa.RecordBatch]:
    """The rows of a table read line by line (a fixed-width print's, a database client's), a batch at a time."""
    o = table.options
    header: list[str] | None = json.loads(o.get("header_fields", "null"))
    text, _ = text_lines(Path(o["file"]), o["encoding"], o.get("fallback") or None)
    with text as f:
        if o.get("typed_lines"):
            main, attached, widths = json.loads(o["typed_lines"])
            rows: Iterator[list[str | None]] = typed_lines.rows(f, o["delimiter"], typed_lines.Plan(main, attached,
                                                                                                  widths))
        elif o.get("boxed"):
            rows = boxed.rows(f, o["boxed"], header or [])
        elif any(o.get(kind) for kind in ITEM_READERS):
            reader = next(reader for kind, reader in ITEM_READERS.items() if o.get(kind))
            rows = item_rows(reader.items(f), list(table.column_names))
        elif o.get("sqldump"):
            rows = sqldump.rows(f, "mysql" if o["sqldump"] == "mysql" else "postgres", o["dump_table"],
                                list(table.column_names))
        else:  # the lines above and at its header left out
            columns = [tuple(span) for span in json.loads(o["fixed_width"])]
            rows = ([v or None for v in fields] for fields in
                    fixed_width.rows(itertools.islice(f, int(o["header_line"]) + 1, None), columns, header))
        batch: list[list[str | None]] = []
        for cells in itertools.islice(rows, limit):
            batch.append(cells)
            if len(batch) >= batch_rows:
                yield text_batch(table.column_names, batch)
                batch = []
        if batch:
            yield text_batch(table.column_names, batch)


JSON_CELLS_SHARE = 0.9
"""the share of a column's filled cells that must be JSON records for it to be spread"""
JSON_CELLS_SAMPLE = 2000
"""the rows whose every cell is looked at for JSON records; past them, only the columns that hold them so far"""


class JsonCells:
    """The columns of a text file whose cells hold JSON records (a list of objects or an object: an exported
    PostgreSQL json column, ``[{"name": "Куанышкалиева Динара", "relation": "жена", "phone": ...}]``), seen row by
    row, and the flat columns each spreads into, as a JSON file's nested records do (``emergency_contacts.1.name``:
    each contact a person of the row)."""

    def __init__(self) -> None:
        self.filled: dict[int, int] = {}
        self.records: dict[int, int] = {}
        self.trees: dict[int, dict[str, Any]] = {}
        self.rows = 0
        self.watched: list[int] | None = None  # past the first rows, the columns that may still be spread

    def see(self, row: list[str]) -> None:
        self.rows += 1
        if self.watched is None and self.rows > JSON_CELLS_SAMPLE:  # every cell of the first rows, then only
            self.watched = [i for i in self.trees if self.records[i] >= JSON_CELLS_SHARE * self.filled[i]]
        for i in range(len(row)) if self.watched is None else (i for i in self.watched if i < len(row)):
            text = row[i].strip()
            if not text:
                continue
            self.filled[i] = self.filled.get(i, 0) + 1
            if text[0] not in "[{" or self.records.get(i, 0) < self.filled[i] - 1 - self._misses(i):
                continue
            try:
                value = json.loads(text)
            except ValueError:
                continue
            if isinstance(value, dict) or (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
                # (an empty list is a record of nobody: no contact written)
                self.records[i] = self.records.get(i, 0) + 1
                grow(self.trees.setdefault(i, {}), flatten(value, f"\0{i}"))

    def _misses(self, i: int) -> int:
        """How many of a column's filled cells may be no records for it still to be spread."""
        return int((1 - JSON_CELLS_SHARE) * self.filled[i]) + 1

    def spread(self, names: list[str]) -> dict[str, list[str]]:
        """Column name -> the flat columns its records spread into, for the columns whose filled cells are JSON
        records (``JSON_CELLS_SHARE`` of them); a name already a column's is not taken twice."""
        out: dict[str, list[str]] = {}
        taken = {n.lower() for n in names}
        for i, tree in self.trees.items():
            if i >= len(names) or self.records.get(i, 0) < JSON_CELLS_SHARE * self.filled.get(i, 0):
                continue
            keys = [names[i] + key.removeprefix(f"\0{i}") for key in in_order(tree)]
            keys = [k for k in keys if k != names[i] and k.lower() not in taken]
            if keys:
                out[names[i]] = keys
                taken |= {k.lower() for k in keys}
        return out


def _json_cells_spread(batch: pa.RecordBatch, spread: dict[str, list[str]], names: list[str]) -> pa.RecordBatch:
    """``batch`` with the flat columns of its cells of JSON records (``JsonCells``), in ``names``' order; a cell that
    is no JSON leaves them empty and stays as written in its own column."""
    if not spread:
        return batch
    made: dict[str, pa.Array[Any]] = {}
    for column, keys in spread.items():
        values = []
        for text in batch.column(column).to_pylist():
            try:
                values.append(flatten(json.loads(text), column) if text else {})
            except ValueError:
                values.append({})
        made |= {key: pa.array([v.get(key) for v in values], pa.string()) for key in keys}
    present = batch.schema.names
    columns = [made[n] if n in made else batch.column(n) for n in names]
    extra = [n for n in present if n not in names]  # the quarantine's reason
    return pa.RecordBatch.from_arrays([*columns, *(batch.column(n) for n in extra)], names=[*names, *extra])


class ExcelConnector:
    exact_fingerprint: ClassVar[bool] = True

    def __init__(self, name: str, location: str) -> None:
        self.name = name
        self.files = _files(name, location, (".xlsx", ".xlsm", ".xls"))

    def test(self) -> str:
        tables = self.tables()
        _refuse_unreadable(self.name, tables)
        return "Excel: " + ", ".join(f"{Path(t.options['file']).name} cannot be read ({t.options['error']})"
                                     if "error" in t.options else f"{Path(t.options['file']).name} "
                                     f"[{t.options['sheet']}]" for t in tables)

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        for path in self.files:
            try:
                found = []
                for sheet in sheets(path):
                    rows = sheet.rows()
                    top = list(itertools.islice(rows, TITLE_ROWS))
                    if not any(filled(r) for r in top):
                        continue  # an empty sheet holds no table (a table needs a column)
                    more = list(itertools.islice(rows, cards.SAMPLE_ROWS))
                    name = sheet.title if len(self.files) == 1 else f"{path.stem}__{sheet.title}"
                    how = cards.plan(top + more)
                    if how is not None:  # a card per record, label beside value: the labels are its columns
                        header, renamed = unique_names(how.labels)
                        count = sum(1 for _ in cards.records(itertools.chain(top, more, rows), how))
                        found.append(TableInfo(name, tuple(ColumnInfo(h, "text") for h in header), count, (), None,
                                               {"file": str(path), "sheet": sheet.title, "renamed": "; ".join(renamed),
                                                "cards": json.dumps([how.first, how.labels], ensure_ascii=False)}))
                        continue
                    start = header_at(top)
                    named, taken = header_names(top, start)
                    header, renamed = unique_names(named)
                    count = len(top) - start - taken + len(more) + sum(1 for _ in rows)
                    title = " ".join(" ".join(cells(r)) for r in top[:start] if filled(r))
                    found.append(TableInfo(name, tuple(ColumnInfo(h, "text") for h in header), count, (), None,
                                           {"file": str(path), "sheet": sheet.title, "renamed": "; ".join(renamed),
                                            "header_row": str(start + taken), "title": title}))
            except Exception as error:  # a truncated or foreign file: its own failure, with the reason
                out.append(_failed(path, error))
                continue
            out.extend(found)
        return distinct_names(out)

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        raise_if_unreadable(self.name, table)
        rows = Sheet(table.options["sheet"], Path(table.options["file"])).rows()
        if table.options.get("cards"):
            first, labels = json.loads(table.options["cards"])
            read = itertools.islice(cards.records(rows, cards.Plan(first, labels)), limit)
            while batch_of := [(*card, None) for card in itertools.islice(read, batch_rows)]:
                yield text_batch([*table.column_names, REASON], batch_of)
            return
        start = int(table.options.get("header_row", "1"))  # the title rows above the header, and the header
        for _ in range(start):
            next(rows, None)
        batch: list[tuple[object, ...]] = []
        width = len(table.columns)
        totals: list[str] = []
        blank: list[tuple[object, ...]] = []  # empty rows, kept only if a row follows them (not under the table)
        for count, (laid, why) in enumerate(laid_out(rows, table.column_names, width)):
            if limit is not None and count >= limit:
                break
            if laid is None:  # a page's header printed again, its number: no record, kept in quarantine
                totals.append(f"row {start + count + 1}: {why}")
                if why and why.startswith(BLOCK_OPENS):  # the empty rows above a block's title part the blocks
                    blank = []
                continue
            row = laid
            if is_total(row, width):  # Барлығы: 595 under the table: kept in quarantine, not made a record
                totals.append(f"row {start + count + 1}: a total under the table, not a record: {' '.join(cells(row))}")
                continue
            if not filled(row):
                blank.append((None,) * (width + 1))
                continue
            batch += blank
            blank = []
            batch.append(tuple(row[:width]) + (None,) * (width - len(row)) + (None,))
            if len(batch) >= batch_rows:
                yield text_batch([*table.column_names, REASON], batch)  # one schema with the quarantined rows
                batch = []
        if batch:
            yield text_batch([*table.column_names, REASON], batch)
        if totals:
            empty = [pa.nulls(len(totals), pa.string()) for _ in table.column_names]
            yield pa.RecordBatch.from_arrays([*empty, pa.array(totals, pa.string())],
                                             names=[*table.column_names, REASON])


    def fingerprint(self, table: TableInfo) -> str | None:
        return file_fingerprint(table.options["file"])

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {}  # every cell is text: the classifier reads meaning from the values


def _plain(value: Any) -> Any:
    """A Parquet value as JSON would hold it: a map (Arrow gives its entries as key-value pairs) as an object."""
    if isinstance(value, list) and value and all(isinstance(v, tuple) and len(v) == 2 for v in value):
        return {str(k): _plain(v) for k, v in value}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _spread_columns(meta: pq.ParquetFile) -> dict[str, list[str]]:
    """The columns of a Parquet file that hold lists of records or maps (a guest house's guests, each a map of
    lastName, firstName, birthDate ...), each with the flat columns its values spread into, as a JSON file's list of
    objects does (``guests.1.lastName``, ``guests.2.lastName``: each guest a person of the row), in the values' own
    order; read from the column alone."""
    spread = [f.name for f in meta.schema_arrow if _listed(f.type) and (
        pa.types.is_map(f.type) or _nested(f.type.value_type))]
    out = {}
    for name in spread:
        tree: dict[str, Any] = {}
        for batch in meta.iter_batches(columns=[name]):
            for value in batch.column(0).to_pylist():
                grow(tree, flatten(_plain(value), name))
        out[name] = list(in_order(tree)) or [name]
    return out


def _flat_names(schema: pa.Schema, spread: dict[str, list[str]]) -> list[str]:
    """The flat columns of a Parquet schema in its order, a spread column's (``_spread_columns``) in its place."""
    return [name for f in schema for name in (spread[f.name] if f.name in spread else
                                              [g.name for g in _flat_fields([f])])]


def _spread(batch: pa.RecordBatch, spread: dict[str, list[str]]) -> dict[str, pa.Array[Any]]:
    """The flat columns of ``batch``'s ``spread`` columns (``_spread_columns``), by name."""
    out: dict[str, pa.Array[Any]] = {}
    for name, keys in spread.items():
        values = [flatten(_plain(v), name) for v in batch.column(name).to_pylist()]
        out |= {key: pa.array([v.get(key) for v in values], pa.string()) for key in keys}
    return out


TEXT_SAMPLE = 1000
"""Values of a binary column read to tell whether it holds text"""


def _binary_texts(meta: pq.ParquetFile) -> list[str]:
    """The binary columns of a Parquet file (by their flat names) that hold text: every value of the first
    ``TEXT_SAMPLE`` rows UTF-8, as old Hive and Impala wrote strings (no UTF-8 annotation: an SAP extract's
    surnames arrived as ``\\xD0\\x91...``, read as text by Spark's ``binaryAsString``); an image or a hash stays
    binary."""
    binary = [f.name for f in _flat_fields(meta.schema_arrow)
              if pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type)]
    if not binary or not meta.metadata.num_rows:
        return []
    first = _flat(next(meta.iter_batches(batch_size=TEXT_SAMPLE)))
    out = []
    for name in binary:
        values = [v for v in first.column(name).to_pylist() if v is not None]
        try:
            decoded = [v.decode("utf-8") for v in values]
        except UnicodeDecodeError:
            continue
        if values and all(c.isprintable() or c in "\t\r\n" for t in decoded for c in t):
            out.append(name)
    return out


def _as_text(batch: pa.RecordBatch, texts: set[str]) -> pa.RecordBatch:
    """``batch`` with the binary columns ``_binary_texts`` found as text (a value that is not UTF-8 after all with
    its bad bytes replaced, never the whole batch refused)."""
    if not texts:
        return batch
    columns = []
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if name in texts:
            try:
                column = column.cast(pa.string())
            except pa.ArrowInvalid:
                column = pa.array([None if v is None else v.decode("utf-8", "replace") for v in column.to_pylist()],
                                  pa.string())
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


SPARK_DEFAULT = re.compile(r"_c\d+")
"""the names Spark gives the columns of a CSV read without its header (_c0, _c1, ...)"""


def _header_in_first_row(meta: pq.ParquetFile) -> list[str] | None:
    """The column names a file written with Spark's default names (_c0, _c1) holds in its first row, where that row
    is text like a header's (every cell a short text with a letter, no two alike), else None."""
    names = meta.schema_arrow.names
    if not names or not all(SPARK_DEFAULT.fullmatch(n) for n in names) or meta.metadata.num_rows < 2:
        return None
    first = meta.read_row_group(0).slice(0, 1).to_pylist()[0]
    cells = [str(first.get(n) or "").strip() for n in names]
    if not all(c and len(c) <= HEADER_CELL and any(ch.isalpha() for ch in c) for c in cells) or \
            len({c.lower() for c in cells}) < len(cells):
        return None
    return cells


HEADER_CELL = 60
"""the longest text a header's cell holds"""


class ParquetConnector:
    exact_fingerprint: ClassVar[bool] = True

    def __init__(self, name: str, location: str) -> None:
        self.name = name
        self.files = _files(name, location, (".parquet",))

    def test(self) -> str:
        tables = self.tables()
        _refuse_unreadable(self.name, tables)
        return "Parquet: " + ", ".join(f"{Path(t.options['file']).name} cannot be read ({t.options['error']})"
                                       if "error" in t.options else Path(t.options["file"]).name for t in tables)

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        for path in self.files:
            try:
                meta = pq.ParquetFile(path)
            except Exception as error:  # a truncated or foreign file: its own failure, with the reason
                out.append(_failed(path, error))
                continue
            schema = meta.schema_arrow
            texts = _binary_texts(meta)
            spread = _spread_columns(meta)
            fields = {f.name: f for f in _flat_fields(schema)}
            columns = [ColumnInfo(n, "string", True) if n not in fields else
                       ColumnInfo(n, "string" if n in texts else str(fields[n].type), fields[n].nullable)
                       for n in _flat_names(schema, spread)]
            header = _header_in_first_row(meta)
            if header is not None:  # Spark's _c0, _c1 over a CSV read without its header: the first row names them
                names, _ = unique_names(header)
                columns = [ColumnInfo(n, "string", True) for n in names]
            out.append(TableInfo(path.stem, tuple(columns), meta.metadata.num_rows, (), None,
                                 {"file": str(path), **({"texts": json.dumps(texts)} if texts else {}),
                                  **({"spread": json.dumps(spread, ensure_ascii=False)} if spread else {}),
                                  **({"header_in_first_row": "True"} if header is not None else {})}))
        return distinct_names(out)

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        raise_if_unreadable(self.name, table)
        left = limit
        texts = set(json.loads(table.options.get("texts", "[]")))
        spread: dict[str, list[str]] = json.loads(table.options.get("spread", "{}"))
        for number, batch in enumerate(pq.ParquetFile(table.options["file"]).iter_batches(batch_size=batch_rows)):
            if spread:
                spreads = _spread(batch, spread)
                rest = _as_text(_flat(batch.drop_columns(list(spread))), texts)
                flat = {**dict(zip(rest.schema.names, rest.columns, strict=True)), **spreads}
                names = _flat_names(batch.schema, spread)
                batch = pa.RecordBatch.from_arrays([flat[n] for n in names], names=names)
            else:
                batch = _as_text(_flat(batch), texts)
            if table.options.get("header_in_first_row") and number == 0 and batch.num_rows:  # the header's row:
                batch = pa.RecordBatch.from_arrays(  # no record, its place kept
                    [pa.concat_arrays([pa.nulls(1, c.type), c.slice(1)]) for c in batch.columns], schema=batch.schema)
            batch = _storable(batch.rename_columns(list(table.column_names)))  # names unique in the store's sense
            if left is not None:
                batch = batch.slice(0, left)
                left -= batch.num_rows
            yield batch
            if left == 0:
                return

    def fingerprint(self, table: TableInfo) -> str | None:
        return file_fingerprint(table.options["file"])

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {}  # Parquet is typed: its columns arrive as they are
