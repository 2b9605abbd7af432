"""Excel 2003 XML workbooks (SpreadsheetML, ``<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">``):
what 1C, accounting programs and older agency systems save, usually as ``.xls`` or ``.xml``. A worksheet's rows as
openpyxl gives a sheet's (``workbook.Sheet``): a whole number as ``int``, a date as a ``datetime``, an empty cell as
``None``, each row from column A. A cell's ``ss:Index`` skips to its column (the empty cells before it are left
out of the file); a cell merged down (``ss:MergeDown``) holds its value in every row it covers, as the sheet shows
it, and one merged across is left as written (a header's group names the cells under it).

The XML is parsed by defusedxml: an agency's file is not trusted to declare entities (a billion laughs) or to
fetch others."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
SIGNATURE = b"urn:schemas-microsoft-com:office:spreadsheet"
"""the namespace that marks a SpreadsheetML workbook in its first bytes"""
SNIFF_BYTES = 4096

Row = tuple[object, ...]


def is_spreadsheet_xml(path: Path) -> bool:
    """Whether the file is an Excel 2003 XML workbook (whatever its name ends with: .xls, .xml)."""
    with path.open("rb") as f:
        head = f.read(SNIFF_BYTES)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and SIGNATURE in head


def titles(path: Path) -> list[str]:
    """The workbook's worksheets, in order."""
    return list(_sheets(path, path.stat().st_mtime_ns))


def rows(path: Path, title: str) -> list[Row]:
    """A worksheet's rows, from row 1 (``ss:Index`` on a row skips the rows before it, left empty)."""
    return _sheets(path, path.stat().st_mtime_ns)[title]


@functools.lru_cache(maxsize=2)
def _sheets(path: Path, modified: int) -> dict[str, list[Row]]:
    """Each worksheet's rows (the file read once for the sheets' names, its sample and its sync)."""
    from defusedxml import ElementTree  # loaded only where such a workbook is read

    root = ElementTree.parse(path).getroot()
    if root is None:
        return {}
    out: dict[str, list[Row]] = {}
    for sheet in root.iter(f"{SS}Worksheet"):
        table = sheet.find(f"{SS}Table")
        out[sheet.get(f"{SS}Name") or f"Sheet{len(out) + 1}"] = _table(table) if table is not None else []
    return out


def _table(table: Any) -> list[Row]:
    found: list[list[object]] = []
    down: dict[int, dict[int, object]] = {}  # a row -> its columns a cell above is merged down over, and the value
    for row in table.iter(f"{SS}Row"):
        at = int(row.get(f"{SS}Index", len(found) + 1)) - 1
        while len(found) < at:
            found.append([])
        merged = down.pop(at, {})  # each row's merged cells looked at once (a sheet may merge thousands down)
        cells: list[object] = []
        for cell in row.iter(f"{SS}Cell"):
            column = int(cell.get(f"{SS}Index", len(cells) + 1)) - 1
            while len(cells) < column:
                cells.append(merged.get(len(cells)))
            value = _value(cell.find(f"{SS}Data"))
            cells.append(value)
            for r in range(1, int(cell.get(f"{SS}MergeDown", "0")) + 1):
                down.setdefault(at + r, {})[column] = value
            cells.extend([None] * int(cell.get(f"{SS}MergeAcross", "0")))
        for column, value in merged.items():  # a merged cell's rows below, where the row leaves it out
            while len(cells) <= column:
                cells.append(None)
            if cells[column] is None:
                cells[column] = value
        found.append(cells)
    return [tuple(r) for r in found]


def _value(data: Any) -> object:
    """A cell's value as openpyxl gives it."""
    if data is None:
        return None
    text = "".join(data.itertext())
    kind = data.get(f"{SS}Type", "String")
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text or None
        return int(number) if number.is_integer() and abs(number) < 1 << 53 else number
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text[:19])
        except ValueError:
            return text or None
    if kind == "Boolean":
        return text.strip() == "1"
    return text if text.strip() else None
