"""HTML tables saved as a workbook: what web systems export as "Excel" (``<html xmlns:x="urn:schemas-microsoft-com:
office:excel">``, a ``<table>`` of ``<th>`` and ``<td>``, named ``.xls``) and Excel itself opens. Each table is a
sheet of rows as ``workbook.Sheet`` gives them: each row from column A, an empty cell as ``None``; every value is
text, as the page shows it (a cell's ``&nbsp;`` is empty, its entities read, once more where a system escaped
them twice: ``&amp;#1179;`` is ``қ``). A cell spanning columns (``colspan``) holds its value in its first column
and leaves the others empty (a header's group names the cells under it); one spanning rows (``rowspan``) holds it
in every row it covers, as the page shows it. Headings and text outside the tables are no rows.

The page is read in the code page its ``<meta charset>`` names (windows-1251), else as ``encoding`` detects it. It
is parsed by the standard library's ``html.parser``, which fetches and executes nothing."""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser
from pathlib import Path

from ukimet.connect.encoding import SAMPLE_BYTES, detect_encoding

SNIFF_BYTES = 4096
Row = tuple[object, ...]
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_SHEET_NAME = re.compile(r"<x:Name>([^<]+)</x:Name>", re.IGNORECASE)
_ESCAPED = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+\d*);")


def is_html_table(path: Path) -> bool:
    """Whether the file is an HTML page with a table (whatever its name ends with: .xls, .html)."""
    with path.open("rb") as f:
        head = f.read(SNIFF_BYTES)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<html", b"<!doctype html", b"<table", b"<meta", b"<head")) and \
        (b"<table" in head.lower() or b"<html" in start[:5])


def titles(path: Path) -> list[str]:
    """The page's tables as sheets, in order: named by the workbook's sheet names where it gives one per table."""
    return list(_tables(path, path.stat().st_mtime_ns))


def rows(path: Path, title: str) -> list[Row]:
    return _tables(path, path.stat().st_mtime_ns)[title]


def _text(path: Path) -> str:
    data = path.read_bytes()
    declared = _CHARSET.search(data[:SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode(detect_encoding(data[:SAMPLE_BYTES])[0], errors="replace")


@functools.lru_cache(maxsize=2)
def _tables(path: Path, modified: int) -> dict[str, list[Row]]:
    text = _text(path)
    parser = _Tables()
    parser.feed(text)
    parser.close()
    found = [t for t in parser.tables if t]
    names = _SHEET_NAME.findall(text)
    if len(names) != len(found) or len(set(names)) != len(names):
        names = [f"Table {k}" for k in range(1, len(found) + 1)] if len(found) > 1 else \
            (names[:1] or ["Table 1"]) if found else []
    return {name: _spread(table) for name, table in zip(names, found, strict=False)}


Cell = tuple[str, int, int]
"""a cell's text, its columns and its rows spanned"""


def _spread(table: list[list[Cell]]) -> list[Row]:
    """The table's rows as a sheet shows them: a cell spanning rows repeated down them, one spanning columns in its
    first column."""
    out: list[list[object]] = []
    pending: dict[tuple[int, int], object] = {}  # (row, column) -> a value spanned down into it
    for r, cells in enumerate(table):
        row: list[object] = []
        for text, across, down in cells:
            while (r, len(row)) in pending:
                row.append(pending.pop((r, len(row))))
            value: object = text or None
            for k in range(1, down):
                pending[(r + k, len(row))] = value
            row += [value] + [None] * (across - 1)
        while (r, len(row)) in pending:
            row.append(pending.pop((r, len(row))))
        out.append(row)
    return [tuple(row) for row in out]


def _cell_text(parts: list[str]) -> str:
    text = " ".join("".join(parts).replace("\xa0", " ").split())
    return html.unescape(text) if _ESCAPED.search(text) else text  # escaped twice: &amp;#1179; read as &#1179;


class _Tables(HTMLParser):
    """The ``<table>``s of a page as rows of cells (a table inside a cell is a table of its own)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[Cell]]] = []
        self._open: list[list[list[Cell]]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append([])
        elif tag == "tr" and self._open:
            self._end_cell()
            self._open[-1].append([])
        elif tag in ("td", "th") and self._open:
            self._end_cell()
            if not self._open[-1]:
                self._open[-1].append([])
            named = dict(attrs)
            self._cell, self._span = [], (_span(named.get("colspan")), _span(named.get("rowspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "tr"):
            self._end_cell()
        elif tag == "table" and self._open:
            self._end_cell()
            self.tables.append(self._open.pop())

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._open and self._open[-1]:
            self._open[-1][-1].append((_cell_text(self._cell), *self._span))
        self._cell = None


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1
