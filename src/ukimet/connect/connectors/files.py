"""File exports: CSV (code page, delimiter and header detected), Excel workbooks (a table per sheet) and Parquet
(a file, or a folder of files, a table each). CSV and Excel carry no reliable types: their cells are text and
the classifier and profiler read meaning from the values."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ukimet.connect.connectors.base import ColumnInfo, TableInfo, text_batch
from ukimet.connect.encoding import sniff
from ukimet.core.errors import SourceError


def _files(name: str, location: str, suffixes: tuple[str, ...]) -> list[Path]:
    path = Path(location)
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes) if path.is_dir() else [path]
    if not files or not all(p.exists() for p in files):
        raise SourceError("source.no_file", name=name, suffixes="/".join(suffixes), path=location)
    return files


class CsvConnector:
    def __init__(self, name: str, location: str, encoding: str | None = None, delimiter: str | None = None) -> None:
        self.name = name
        self.files = _files(name, location, (".csv", ".txt", ".tsv"))
        self.encoding = encoding
        self.delimiter = delimiter

    def _dialect(self, path: Path) -> tuple[str, str, bool]:
        dialect = sniff(path, self.encoding)
        return dialect.encoding, self.delimiter or dialect.delimiter, dialect.header

    def test(self) -> str:
        described = []
        for path in self.files:
            encoding, delimiter, header = self._dialect(path)
            with_header = "header" if header else "no header"
            described.append(f"{path.name} ({encoding}, delimiter {delimiter!r}, {with_header})")
        return "CSV: " + "; ".join(described)

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        for path in self.files:
            encoding, delimiter, header = self._dialect(path)
            with path.open(encoding=encoding, newline="") as f:
                reader = csv.reader(f, delimiter=delimiter)
                first = next(reader, [])
                rows = sum(1 for _ in reader) + (0 if header else 1)
            names = first if header else [f"column_{i + 1}" for i in range(len(first))]
            out.append(TableInfo(path.stem, tuple(ColumnInfo(n, "text") for n in names), rows, (), None,
                                 {"file": str(path), "encoding": encoding, "delimiter": delimiter,
                                  "header": str(header)}))
        return out

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        path = Path(table.options["file"])
        header = table.options["header"] == "True"
        names = list(table.column_names)
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(encoding=table.options["encoding"], column_names=names,
                                           skip_rows=1 if header else 0, block_size=8 << 20),
            parse_options=pacsv.ParseOptions(delimiter=table.options["delimiter"]),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=True),
        )
        left = limit
        for batch in reader:
            if left is not None:
                batch = batch.slice(0, left)
                left -= batch.num_rows
            yield from (batch.slice(i, batch_rows) for i in range(0, batch.num_rows, batch_rows))
            if left == 0:
                return


    def casts(self, table: TableInfo) -> dict[str, str]:
        return {}  # every cell is text: the classifier reads meaning from the values


class ExcelConnector:
    def __init__(self, name: str, location: str) -> None:
        self.name = name
        self.files = _files(name, location, (".xlsx", ".xlsm"))

    def _sheets(self) -> Iterator[tuple[Path, str, object]]:
        from openpyxl import load_workbook

        for path in self.files:
            book = load_workbook(path, read_only=True, data_only=True)
            for sheet in book.worksheets:
                yield path, sheet.title, sheet

    def test(self) -> str:
        return "Excel: " + ", ".join(f"{p.name} [{title}]" for p, title, _ in self._sheets())

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        for path, title, sheet in self._sheets():
            rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
            header = [str(v) if v is not None else f"column_{i + 1}" for i, v in enumerate(next(rows, ()))]
            count = sum(1 for _ in rows)
            name = title if len(self.files) == 1 else f"{path.stem}__{title}"
            out.append(TableInfo(name, tuple(ColumnInfo(h, "text") for h in header), count, (), None,
                                 {"file": str(path), "sheet": title}))
        return out

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        from openpyxl import load_workbook

        book = load_workbook(table.options["file"], read_only=True, data_only=True)
        rows = book[table.options["sheet"]].iter_rows(values_only=True)
        next(rows, None)
        batch: list[tuple[object, ...]] = []
        width = len(table.columns)
        for count, row in enumerate(rows):
            if limit is not None and count >= limit:
                break
            batch.append(tuple(row[:width]) + (None,) * (width - len(row)))
            if len(batch) == batch_rows:
                yield text_batch(table.column_names, batch)
                batch = []
        if batch:
            yield text_batch(table.column_names, batch)


    def casts(self, table: TableInfo) -> dict[str, str]:
        return {}  # every cell is text: the classifier reads meaning from the values


class ParquetConnector:
    def __init__(self, name: str, location: str) -> None:
        self.name = name
        self.files = _files(name, location, (".parquet",))

    def test(self) -> str:
        return "Parquet: " + ", ".join(p.name for p in self.files)

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        for path in self.files:
            meta = pq.ParquetFile(path)
            schema = meta.schema_arrow
            out.append(TableInfo(path.stem, tuple(ColumnInfo(f.name, str(f.type), f.nullable) for f in schema),
                                 meta.metadata.num_rows, (), None, {"file": str(path)}))
        return out

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        left = limit
        for batch in pq.ParquetFile(table.options["file"]).iter_batches(batch_size=batch_rows):
            if left is not None:
                batch = batch.slice(0, left)
                left -= batch.num_rows
            yield batch
            if left == 0:
                return

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {}  # Parquet is typed: its columns arrive as they are
