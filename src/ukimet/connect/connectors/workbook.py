"""Excel workbooks as rows of cell values, read by one of two readers that give the same values (an Excel 2003 XML
workbook, which neither reads, by ``spreadsheet_xml``; an HTML table saved as a workbook by ``html_table``).

A workbook of up to ``IN_MEMORY_BYTES`` is read by calamine (python-calamine, Rust): the whole sheet at once, a
tenth of openpyxl's time (an 8,000-row sheet in 0.03 s against 0.38 s). A larger one is streamed row by row by
openpyxl's read-only reader, so a sheet of a million rows never sits in memory whole. Both give openpyxl's values:
a whole number as ``int``, a date as a ``datetime`` at midnight, an empty cell as ``None``, each row from column A
and the sheet from row 1."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from ukimet.connect.connectors import html_table, spreadsheet_xml

IN_MEMORY_BYTES = 32 << 20
"""A workbook file up to this size is read whole by calamine; its cells in memory are several times the file."""

Row = tuple[object, ...]


@dataclass(frozen=True)
class Sheet:
    title: str
    path: Path

    def rows(self) -> Iterator[Row]:
        """Every row of the sheet from the first, a cell per column from A (trailing empty cells may be left off)."""
        written = _written_otherwise(self.path)
        if written is not None:
            return iter(written.rows(self.path, self.title))
        if _in_memory(self.path):
            stat = self.path.stat()
            found = _sheet_cells(str(self.path), stat.st_size, stat.st_mtime_ns, self.title)
            return (tuple(_value(v) for v in row) for row in found)
        return _streamed(self.path, self.title)


REREAD_BYTES = 2 << 20
"""A workbook up to this size keeps its last sheet read in memory for the next reading of it, as long as the file
is unchanged: a file is read to find its table, then for its sample, then synced (three readings of one sheet were
a tenth of ``ukimet link``'s time on a small workbook); a larger one is read again rather than held."""


def _sheet_cells(path: str, size: int, modified: int, title: str) -> Sequence[Sequence[object]]:
    """A sheet's cells as calamine gives them; the last small one (``REREAD_BYTES``) kept for its next reading."""
    key = (path, size, modified, title)
    if key in _LAST:
        return _LAST[key]
    book = _calamine(Path(path))
    try:
        sheet = book.get_sheet_by_name(title)
        found: Sequence[Sequence[object]] = _filled_down(sheet.to_python(skip_empty_area=False),
                                                         sheet.merged_cell_ranges or [])
    finally:
        book.close()
    _LAST.clear()
    if size <= REREAD_BYTES:
        _LAST[key] = found
    return found


def _filled_down(rows: list[list[Any]], merged: Sequence[tuple[tuple[int, int], tuple[int, int]]]
                 ) -> list[list[Any]]:
    """``rows`` with each cell merged down a column holding the value written in its top cell, as the sheet shows
    it (a house's address merged down the rows of its residents: 70 % of a house register's address cells were
    empty to any reader of values). Cells merged across a row are left as written: a header's group names them."""
    for (top, column), (bottom, right) in merged:
        if right != column or bottom <= top or top >= len(rows) or column >= len(rows[top]):
            continue
        value = rows[top][column]
        for r in range(top + 1, min(bottom, len(rows) - 1) + 1):
            if column < len(rows[r]) and rows[r][column] in ("", None):
                rows[r][column] = value
    return rows


_LAST: dict[tuple[str, int, int, str], Sequence[Sequence[object]]] = {}
"""(path, size, modification time, sheet) and its cells: the last small sheet read."""


def sheets(path: Path) -> list[Sheet]:
    """The workbook's worksheets in their order (chart sheets hold no cells and are left out)."""
    written = _written_otherwise(path)
    if written is not None:
        return [Sheet(title, path) for title in written.titles(path)]
    if _in_memory(path):
        book = _calamine(path)
        try:
            return [Sheet(m.name, path) for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        finally:
            book.close()
    from openpyxl import load_workbook

    streamed = load_workbook(path, read_only=True, data_only=True)
    try:
        return [Sheet(s.title, path) for s in streamed.worksheets]
    finally:
        streamed.close()


def _written_otherwise(path: Path) -> ModuleType | None:
    """The reader of a workbook neither calamine nor openpyxl reads, by what the file is (whatever its name ends
    with): an Excel 2003 XML one (``spreadsheet_xml``), often saved as .xls, or a web system's HTML table saved as
    .xls (``html_table``); None for an Excel workbook. Each reader gives ``titles(path)`` and ``rows(path,
    title)``."""
    if spreadsheet_xml.is_spreadsheet_xml(path):
        return spreadsheet_xml
    return html_table if html_table.is_html_table(path) else None


def _in_memory(path: Path) -> bool:
    """Whether calamine reads the workbook whole: a small one, or an Excel 97-2003 one (openpyxl reads none, and its
    sheets hold 65,536 rows at most), whatever its name says."""
    with path.open("rb") as f:
        zipped = f.read(4) == ZIP_SIGNATURE
    return path.stat().st_size <= IN_MEMORY_BYTES or not zipped


ZIP_SIGNATURE = b"PK\x03\x04"
"""how an xlsx workbook (a zip of XML parts) begins; an Excel 97-2003 one is an OLE2 compound file"""


def _calamine(path: Path) -> Any:
    """The workbook opened by calamine by what the file holds, not by its name (an xlsx workbook saved as .xls, an
    Excel 97-2003 one as .xlsx: a name says what its writer meant, its bytes what it is)."""
    from python_calamine import CalamineWorkbook

    with path.open("rb") as f:
        return CalamineWorkbook.from_filelike(f)


def _streamed(path: Path, title: str) -> Iterator[Row]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        yield from book[title].iter_rows(values_only=True)
    finally:
        book.close()


def _value(value: object) -> object:
    """A calamine cell as openpyxl gives it."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1 << 53:
        return int(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


TITLE_ROWS = 20
"""rows above a table's header that may hold its title, a date or blank lines"""
TOTAL = re.compile(r"^\s*(барлығы|жиыны|жиынтығы|итого|всего|total|grand total)\b", re.IGNORECASE)
"""the first word of a total row under a table (Барлығы: 595, Итого, Total)"""


def cells(row: Row) -> list[str]:
    """The texts of a row's filled cells, in order."""
    return [str(v).strip() for v in row if v is not None and str(v).strip()]


def filled(row: Row) -> int:
    return len(cells(row))


def header_at(rows: list[Row]) -> int:
    """Where the header of a sheet's table stands among its first rows: above a table of three or more columns,
    rows of one cell at most are its title ("Тізім ... 01.10.2025 ж. жағдай бойынша"), a date or blank lines; a
    narrower table starts at its first filled row."""
    widest = max((filled(r) for r in rows), default=0)
    least = 2 if widest >= 3 else 1
    return next((n for n, r in enumerate(rows) if filled(r) >= least), 0)


def header_names(rows: list[Row], start: int) -> tuple[list[str], int]:
    """The column names of the header at ``start`` and how many rows it takes: one, or two where the row under it
    names the parts of merged group cells (Тұрғынның over тегі, аты, әкесінің аты; Туған over күні, жері): each
    column is then its group's name and its own (Тұрғынның аты, Туған күні), a column with no part keeps its group's
    (ЖСН)."""
    upper = [str(v).strip() if v is not None and str(v).strip() else "" for v in rows[start]]
    lower = [str(v).strip() if v is not None and str(v).strip() else "" for v in rows[start + 1]] \
        if start + 1 < len(rows) else []
    width = max(len(upper), len(lower))
    upper, lower = upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower))
    parts = [n for n, part in enumerate(lower) if part and part != upper[n]]
    if len(parts) < 2 or any(c.isdigit() for part in lower for c in part) or \
            not any(not upper[n] and any(upper[:n]) for n in parts):
        return upper, 1  # no part under an empty cell of a group: the row under the header is a record
    names, group = [], ""
    for top, part in zip(upper, lower, strict=True):
        part = "" if part == top else part  # a name merged down both rows (ЖСН): no part of a group
        group = top or (group if part else "")
        names.append(f"{group} {part}".strip())
    return names, 2


def is_total(row: Row, width: int) -> bool:
    """A row under the table that totals it (Барлығы: 595 in one cell of a wide table), not a record."""
    said = cells(row)
    return width >= 3 and len(said) == 1 and TOTAL.match(said[0]) is not None


PAGE = re.compile(r"(?:страница|стр\.|бет|page|p\.)\s*\d+\s*(?:из|of|/|-)\s*\d+"
                  r"|\d+\s*(?:/|из|of)\s*\d+\s*(?:бет|стр\.?)?", re.IGNORECASE)
"""a page's number printed on its own row (Страница 3 из 12, Page 3 of 12, 3/12 бет)"""
NUMBERED = re.compile(r"\s*(?:№|#|no\.?|n|nr|номер|р/с|п/п)(?:\s*п/п)?\s*", re.IGNORECASE)
"""a header that numbers the entries (№ п/п, No., #)"""
ENTRY_NUMBER = re.compile(r"\s*\d+(?:\.0)?\.?\s*")
BLOCK_OPENS = "a block's "
"""the reasons a row that opens a block of the table (its title, its own header) is no record"""


def laid_out(rows: Iterable[Row], header: Sequence[str], width: int) -> Iterator[tuple[Row | None, str | None]]:
    """A table's rows as a document converted from pages (a PDF made a workbook) holds them: the header printed
    again on each page (whole, or split over two rows) and a page's number are no rows, but why (a row of None and
    the reason); where the first column numbers the entries, a row without a number that fills under half the
    columns is the entry above it wrapped onto another line (ул. Молодёжная, / д. 81), its cells joined to that
    entry's; where lists are pasted one under another (a year's under the last), a row of a numbered table without
    a number that is one text (a block's title: «Бессмертный полк» — 2015 г.) or half the columns' labels without a
    digit (its own header: Р/с, Ардагердің аты-жөні, ...) opens a block, no entry. Every other row as it is (None as
    the reason)."""
    names = [h.strip().lower() for h in header]
    numbered = bool(names) and NUMBERED.fullmatch(names[0]) is not None
    held: list[object] | None = None
    for row in rows:
        said = cells(row)
        texts = [str(v).strip().lower() if v is not None and str(v).strip() else "" for v in row[:width]]
        if said and all(not t or (n < len(names) and t in names[n]) for n, t in enumerate(texts)) and (
                len(said) >= 2 or any(t and n < len(names) and t == names[n] for n, t in enumerate(texts))):
            yield None, f"the header again (a new page): {' '.join(said)}"
            continue
        if len(said) == 1 and PAGE.fullmatch(said[0]):
            yield None, f"a page's number: {said[0]}"
            continue
        first = texts[0] if texts else ""
        if numbered and first and not ENTRY_NUMBER.fullmatch(first) and (len(said) == 1 or (
                len(said) >= width / 2 and not any(c.isdigit() for t in said for c in t))):
            # a list pasted under another (a year a block): each block's title, its own header (in another language,
            # a column more), no entry of a numbered table; the empty row above it parts the blocks, no entry either
            if held is not None and cells(tuple(held)):
                yield tuple(held), None
            held = None
            yield None, f"{BLOCK_OPENS}{'title' if len(said) == 1 else 'header'}: {' '.join(said)}"
            continue
        if numbered and held is not None and not first and said and len(said) < width / 2:
            for n, value in enumerate(row[:width]):
                if value is not None and str(value).strip():
                    above = held[n]  # held is as wide as the table
                    held[n] = value if above is None or not str(above).strip() else f"{above} {str(value).strip()}"
            continue
        if held is not None:
            yield tuple(held), None
        held = list(row[:width]) + [None] * (width - len(row[:width]))
    if held is not None:
        yield tuple(held), None
