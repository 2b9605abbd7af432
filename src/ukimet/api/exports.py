"""A table a page shows, as a file to take away: CSV (UTF-8 with a byte-order mark, which Excel reads as such) or
Excel. What goes into it was read as the page reads it (through the gateway, within the role's export limits, and
audited), so a file never holds more than the page would show."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from fastapi.responses import Response

from ukimet.core.errors import InvalidInput

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | str | int | float | bool) or value is None:
        return value
    return str(value)


def table_file(name: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> Response:
    """``rows`` under ``columns`` as ``name``.csv or ``name``.xlsx, to be saved (never shown inline)."""
    if fmt not in FORMATS:
        raise InvalidInput("export.format", format=fmt, formats=", ".join(FORMATS))
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        body = ("\ufeff" + text.getvalue()).encode("utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(name[:31])
        sheet.append(list(columns))
        for row in rows:
            sheet.append([_cell(v) for v in row])
        data = io.BytesIO()
        book.save(data)
        body = data.getvalue()
    return Response(body, media_type=FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
