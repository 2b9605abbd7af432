"""JSON exports: an array of records, an object that holds one (``{"meta": {...}, "records": [...]}``), a single
record, or JSON Lines (a record per line); documents written back to back (a paged API's pages glued into one
file: ``{"content": [...]}{"content": [...]}``) are read one after the other. A record's nested objects become
dotted column names (``citizen.name.last``); a list of objects becomes numbered ones (``docs.1.number``,
``docs.2.number``); a list of plain values becomes one text (``+7 701 ...; +7 777 ...``). Every value is text, as
in CSV: the classifier reads meaning from the values (an IIN written as a number is its digits).

The file is read as a stream (ijson, the maintained iterative parser over yajl): a file of any size is held a
batch at a time. UTF-8 with or without a byte-order mark is read as it is; a file in a Cyrillic code page is read
from the page that reads it best. A line of JSON Lines that is not a record is quarantined with its line number
while the others load; an array or object that is broken partway fails its file alone, with the place."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, Literal

import ijson  # type: ignore[import-untyped]
import pyarrow as pa

from ukimet.connect.connectors import fhir, notion, telegram
from ukimet.connect.connectors.base import (
    REASON,
    ColumnInfo,
    TableInfo,
    distinct_names,
    file_fingerprint,
    one_line,
    raise_if_unreadable,
    text_batch,
    unique_names,
)
from ukimet.connect.connectors.files import _failed, _files, _refuse_unreadable
from ukimet.connect.connectors.nested import flatten, grow, in_order
from ukimet.connect.encoding import SAMPLE_BYTES, detect_encoding
from ukimet.core.errors import SourceError

SUFFIXES = (".json", ".jsonl", ".ndjson")
Form = Literal["lines", "items", "split", "map", "sheet", "jsonapi"]
"""a record per line; the items of an array; a table split into its column names and its rows of values
(pandas' ``orient="split"``: ``{"columns": [...], "index": [...], "data": [[...], ...]}``); an object of records
keyed by their ids (Firebase's ``{"members": {"-GSrxfvZoZ-R-MZp0rft": {...}, ...}}``); a spreadsheet's range of
values, its header the first row (the Google Sheets API's ``{"range": ..., "majorDimension": "ROWS", "values":
[[...], ...]}``); or a JSON:API document, whose records name the objects they relate to by type and id
(``{"data": [...], "included": [...]}``)"""
BULK_ACTIONS = frozenset({"index", "create", "update", "delete"})
"""the actions of an Elasticsearch or OpenSearch ``_bulk`` file, each a line before the document it acts on"""
BULK_META = frozenset({"_index", "_id", "_type", "routing", "_routing", "pipeline", "version", "version_type",
                       "if_seq_no", "if_primary_term", "require_alias", "retry_on_conflict", "dynamic_templates"})
ID_KEY = re.compile(r"-[\w-]{15,}|(?=[\w.:-]*\d)[\w.:-]+|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
"""a key that is a record's id, not a word: a Firebase push id (-GSrxfvZoZ-R-MZp0rft), a number or code with a
digit (17, P-0017), a UUID"""
RECORDS_KEYED_LEAST = 3
"""the fewest records keyed by ids that make an object a map of records (two could be a person and a spouse)"""
KEYED_DEPTH = 2
"""how deep in the file an object of records keyed by their ids is looked for (the top, or under one or two keys)"""
KEY_COLUMN = "_key"
"""the column that holds a record's key in a map of records (its id there: no value of a person)"""


class _Utf8(io.RawIOBase):
    """A text stream's characters as UTF-8 bytes, for the parser (which reads bytes)."""

    def __init__(self, text: io.TextIOBase) -> None:
        self.text = text
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._left:
            chunk = self.text.read(1 << 16)
            if not chunk:
                return 0
            self._left = chunk.encode("utf-8")
        n = min(len(buffer), len(self._left))
        buffer[:n] = self._left[:n]
        self._left = self._left[n:]
        return n

    def close(self) -> None:
        self.text.close()
        super().close()


def _open(path: Path, encoding: str) -> BinaryIO:
    """The file as UTF-8 bytes without a byte-order mark."""
    if encoding in ("utf-8", "utf-8-sig"):
        f = path.open("rb")
        if f.read(3) != b"\xef\xbb\xbf":
            f.seek(0)
        return f
    return io.BufferedReader(_Utf8(io.TextIOWrapper(path.open("rb"), encoding=encoding)))


DYNAMO_TYPES = frozenset({"S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"})
"""the type descriptors of a DynamoDB attribute value (``{"S": "Абенов"}``, ``{"L": [{"M": {...}}]}``)"""


def _dynamo_typed(item: Any) -> bool:
    return isinstance(item, dict) and bool(item) and all(
        isinstance(v, dict) and len(v) == 1 and next(iter(v)) in DYNAMO_TYPES for v in item.values())


def _untyped(value: Any) -> Any:
    """A DynamoDB attribute value as the plain JSON it stands for (a number's text, a map's fields, a list's
    items, NULL as null)."""
    if not (isinstance(value, dict) and len(value) == 1 and next(iter(value)) in DYNAMO_TYPES):
        return value
    kind, inner = next(iter(value.items()))
    if kind == "M" and isinstance(inner, dict):
        return {k: _untyped(v) for k, v in inner.items()}
    if kind == "L" and isinstance(inner, list):
        return [_untyped(v) for v in inner]
    return None if kind == "NULL" else inner


AVRO_TYPES = frozenset({"string", "int", "long", "float", "double", "boolean", "bytes", "array", "map"})
"""the branches of an Avro union as its JSON encoding names them (``{"string": "948CNK03"}``, ``{"int": 13468}``)"""
AVRO_NAMED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.[A-Z]\w*")
"""a record's branch, by its full name (``{"kz.burabay.ticketing.Buyer": {...}}``)"""


def _avro_union(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and (
        next(iter(value)) in AVRO_TYPES or AVRO_NAMED.fullmatch(next(iter(value))) is not None)


def _avro_plain(value: Any) -> Any:
    """A value of Avro's JSON encoding as the plain value it stands for: a union's branch, unwrapped, at any depth."""
    if _avro_union(value):
        return _avro_plain(next(iter(value.values())))
    if isinstance(value, dict):
        return {k: _avro_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_avro_plain(v) for v in value]
    return value


def feature_record(record: Any) -> Any:
    """A record as its writer meant it: a GeoJSON feature's properties are its fields (OWNER_NAME, not
    properties.OWNER_NAME: "properties" names no person, where a nested record's first key would), beside its
    geometry and id; a DynamoDB item's typed values (``{"S": ...}``, ``{"L": [{"M": ...}]}``) the plain values they
    stand for (lastName, kids.1.name; not Item.lastName.S); an Elasticsearch hit's document is its _source; a FHIR
    Patient (or a Bundle's entry holding one) its persons' named columns (``fhir.patient``); Avro's JSON encoding its
    unions' values (``{"string": ...}``); a Telegram chat's message its text and the text's labelled lines
    (``telegram.message``); a Notion page its properties' values (``notion.page``); any other record as it is."""
    if fhir.is_patient(record):
        return fhir.patient(record)
    if telegram.is_message(record):
        return telegram.message(record)
    if notion.is_page(record):
        return notion.page(record)
    if isinstance(record, dict) and len(record) == 1 and _dynamo_typed(record.get("Item")):
        record = record["Item"]  # a DynamoDB export's line: {"Item": {"lastName": {"S": ...}, ...}}
    if _dynamo_typed(record):
        return {k: _untyped(v) for k, v in record.items()}
    if isinstance(record, dict) and any(_avro_union(v) for v in record.values()):
        return _avro_plain(record)  # Avro's JSON encoding (a Kafka topic's): buyer.iin, not buyer.kz...Buyer.iin.string
    if isinstance(record, dict) and record.get("type") == "Feature" and isinstance(record.get("properties"), dict):
        extra = {k: v for k, v in record.items() if k in ("id", "geometry") and k not in record["properties"]}
        return {**record["properties"], **extra}
    if isinstance(record, dict) and isinstance(record.get("_source"), dict) and "_index" in record:
        # an Elasticsearch hit: the document is its _source (driver.full_name, not _source.driver.full_name, whose
        # first key would name one person for all), beside the hit's _id
        return {**record["_source"], **({"_id": record["_id"]} if "_id" in record and "_id" not in record["_source"]
                                        else {})}
    return record


def _form(path: Path, encoding: str) -> tuple[Form, str]:
    """How the file holds its records: JSON Lines, or the ijson prefix of its array of records ("item" for a
    top-level array, "data.item" for the array of objects that is most of a top-level object, "" for one
    record)."""
    with _open(path, encoding) as f:
        first = f.read(SAMPLE_BYTES).lstrip()
    if first[:1] == b"[":
        return "items", "item"
    if first[:1] == b'"':  # a record per line, each written as a JSON text holding the record; else no JSON
        with contextlib.suppress(ValueError):
            if isinstance(_unquoted(json.loads(first.partition(b"\n")[0])), dict):
                return "lines", ""
    if first[:1] != b"{":
        shown = first[:40].decode("utf-8", errors="replace")
        raise SourceError("source.not_json", path=str(path), start=shown or "(an empty file)")
    line, _, rest = first.partition(b"\n")
    try:
        record = json.loads(line)
    except ValueError:
        record = None
    if isinstance(record, dict) and rest.strip()[:1] == b"{":  # a record per line
        return "lines", ""
    arrays: dict[str, int] = {}  # the events inside each array of objects that an object's key holds, at any
    total = 0                    # depth outside another array (an Elasticsearch answer's hits.hits)
    top: set[str] = set()        # the top object's keys, and whether its "data" is an array of arrays (pandas)
    rows_of_values = False
    keyed: dict[str, list[int]] = {}  # an object's keys: how many, and how many are ids holding an object
    events: dict[str, int] = {}  # the events inside each object of the top two levels
    with _open(path, encoding) as f:
        for (prefix, event, value), (_, following, _) in itertools.pairwise(ijson.parse(f, multiple_values=True)):
            total += 1
            if not prefix and event == "map_key":
                top.add(value)
            path_ = prefix.split(".")
            if event == "map_key" and len(path_) <= KEYED_DEPTH and "item" not in path_:
                counts = keyed.setdefault(prefix, [0, 0])
                counts[0] += 1
                counts[1] += following == "start_map" and ID_KEY.fullmatch(value) is not None
            for depth in range(1, min(len(path_), KEYED_DEPTH) + 1):
                head = ".".join(path_[:depth])
                events[head] = events.get(head, 0) + 1
            rows_of_values |= prefix == "data" and event == "start_array" and following == "start_array"
            if event == "start_array" and prefix and following == "start_map" and "item" not in path_:
                arrays.setdefault(prefix, 0)  # each page's of pages written back to back: one array
            else:
                inside = next((key for key in arrays if prefix == key or prefix.startswith(key + ".")), None)
                if inside is not None:
                    arrays[inside] += 1
    # an object whose array of objects is most of it holds the records there ({"meta": ..., "data": [...]}); one
    # whose lists are a small part of it is itself a record (a person with their documents)
    if rows_of_values and "columns" in top:
        return "split", "index" if "index" in top else ""
    if "values" in top and top & {"range", "majorDimension"}:
        return "sheet", ""
    if "data" in top and "included" in top:
        return "jsonapi", ""
    # {"members": {"-GSrx...": {...}, "-GSwK...": {...}}}: an object whose keys are ids, each holding a record, and
    # which is most of the file holds its records there, keyed (an object of a few named parts is one record)
    by_key = max((k for k, (keys, ids) in keyed.items() if ids >= RECORDS_KEYED_LEAST and ids == keys),
                 key=lambda k: events.get(k, 0) if k else total, default=None)
    if by_key is not None and (not by_key or 2 * events.get(by_key, 0) > total):
        return "map", by_key
    bulk = max(arrays, key=lambda k: arrays[k], default=None)
    return ("items", f"{bulk}.item") if bulk is not None and 2 * arrays[bulk] > total else ("items", "")


def _unquoted(value: Any) -> Any:
    """A record written as a JSON text that holds it (``"{\\"id\\": ...}"``: a message serialised twice, as a sync
    log writes its payloads) read as the record; any other value as it is."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _bulk_action(record: Any) -> bool:
    """Whether a line of JSON Lines is an Elasticsearch ``_bulk`` action (``{"index": {"_index": ..., "_id": ...}}``):
    no record, but what the next line's document is."""
    if not isinstance(record, dict) or len(record) != 1:
        return False
    action, meta = next(iter(record.items()))
    return action in BULK_ACTIONS and isinstance(meta, dict) and bool(meta) and set(meta) <= BULK_META


def _bulk_document(document: dict[str, Any], action: dict[str, Any]) -> dict[str, Any]:
    """The record a ``_bulk`` document is: an update's ``doc`` or the document itself, with the action's ``_id``
    beside it (as a search hit's), where it has none of its own."""
    record = document["doc"] if set(document) <= {"doc", "doc_as_upsert", "upsert"} and \
        isinstance(document.get("doc"), dict) else document
    return {**record, **({"_id": action["_id"]} if "_id" in action and "_id" not in record else {})}


def _kind(value: Any) -> str:
    """What a JSON value is, in JSON's words."""
    return "null" if value is None else "true or false" if isinstance(value, bool) else \
        "a list" if isinstance(value, list) else "a text" if isinstance(value, str) else "a number"


def _records(path: Path, encoding: str, form: Form, prefix: str) -> Iterator[tuple[Any, str | None]]:
    """Each record of the file, or None with why it is not one (a JSON Lines line that does not parse, an item of
    the array that is not an object)."""
    with _open(path, encoding) as f:
        if form == "lines":
            action: dict[str, Any] | None = None  # a _bulk file's action line: the document after it is the record
            for number, line in enumerate(io.TextIOWrapper(f, encoding="utf-8", errors="replace"), start=1):
                if not line.strip():
                    continue
                try:
                    record = _unquoted(json.loads(line))
                except ValueError as error:
                    yield None, f"line {number}: not JSON ({error}): {line.strip()[:200]}"
                    continue
                if _bulk_action(record):
                    action = next(iter(record.values()))
                    continue
                if isinstance(record, dict) and action is not None:
                    record = _bulk_document(record, action)
                    action = None
                yield (record, None) if isinstance(record, dict) else \
                    (None, f"line {number}: {_kind(record)}, not a record: {line.strip()[:200]}")
            return
        if form == "split":
            yield from _split_rows(path, encoding, prefix)
            return
        if form == "sheet":
            yield from _sheet_rows(json.load(f))
            return
        if form == "jsonapi":
            yield from _jsonapi_records(json.load(f))
            return
        if form == "map":
            for number, (key, item) in enumerate(ijson.kvitems(f, prefix, multiple_values=True), start=1):
                shown = json.dumps(item, default=str)[:200]
                yield ({KEY_COLUMN: key, **item}, None) if isinstance(item, dict) else \
                    (None, f"record {number} ({key}): {_kind(item)}, not a record: {shown}")
            return
        for number, item in enumerate(ijson.items(f, prefix, multiple_values=True), start=1):
            yield (item, None) if isinstance(item, dict) else \
                (None, f"item {number}: {_kind(item)}, not a record: {json.dumps(item, default=str)[:200]}")


def _split_rows(path: Path, encoding: str, index: str) -> Iterator[tuple[Any, str | None]]:
    """The rows of a table split into column names and rows of values, each a record by the column names, its
    index label (where the table has one) first as ``index``; a row of another length is no record."""
    with _open(path, encoding) as f:
        columns = [str(c) for c in next(ijson.items(f, "columns"), [])]
    with _open(path, encoding) as data, _open(path, encoding) as labels:
        indexes = ijson.items(labels, "index.item") if index else itertools.repeat(None)
        for number, (row, label) in enumerate(zip(ijson.items(data, "data.item"), indexes, strict=False), start=1):
            if not isinstance(row, list) or len(row) != len(columns):
                yield None, f"row {number}: {_kind(row)} of {len(row) if isinstance(row, list) else 1} values where " \
                    f"the table has {len(columns)} columns: {json.dumps(row, default=str)[:200]}"
                continue
            yield {**({"index": label} if index else {}), **dict(zip(columns, row, strict=True))}, None


def _sheet_values(sheet: dict[str, Any]) -> list[list[Any]]:
    values = [v if isinstance(v, list) else [v] for v in sheet.get("values") or []]
    return [list(row) for row in itertools.zip_longest(*values)] if sheet.get("majorDimension") == "COLUMNS" \
        else values


def sheet_header(sheet: dict[str, Any]) -> list[str]:
    """A spreadsheet range's column names: its first row's values (an empty one named by its place)."""
    values = _sheet_values(sheet)
    return [str(c) if c not in (None, "") else f"column_{k}" for k, c in enumerate(values[0] if values else [],
                                                                                    start=1)]


def _sheet_rows(sheet: dict[str, Any]) -> Iterator[tuple[Any, str | None]]:
    """A spreadsheet range's rows, each a record by the first row's names: a row shorter than the header lost its
    trailing empty cells (the API leaves them out), a row longer has values under no column (no record). Columns
    of a range read by columns are turned into rows first."""
    values = _sheet_values(sheet)
    if not values:
        return
    header = sheet_header(sheet)
    for number, row in enumerate(values[1:], start=2):
        if len(row) > len(header):
            yield None, f"row {number}: {len(row)} values where the header has {len(header)}: " \
                f"{json.dumps(row, default=str, ensure_ascii=False)[:200]}"
            continue
        if any(v not in (None, "") for v in row):
            yield dict(zip(header, [*row, *([None] * (len(header) - len(row)))], strict=True)), None


def _jsonapi_records(document: dict[str, Any]) -> Iterator[tuple[Any, str | None]]:
    """A JSON:API document's records: each object of ``data``, its attributes as its fields and each relationship
    as the object it names (``included``, by type and id: an inmate's names, each visitor's, with the link's own
    ``meta`` beside them); an object ``included`` does not hold stays its type and id. ``included`` objects are no
    records: each is written once, however many records name it. The document is read whole (JSON:API is paged)."""
    included = {(str(o.get("type")), str(o.get("id"))): o for o in document.get("included") or []
                if isinstance(o, dict)}

    def resolved(link: Any) -> Any:
        if not isinstance(link, dict):
            return link
        found = included.get((str(link.get("type")), str(link.get("id"))))
        attributes = found.get("attributes") if isinstance(found, dict) else None
        meta = link.get("meta")
        if not isinstance(attributes, dict):
            return link
        return {**attributes, **meta} if isinstance(meta, dict) else attributes

    items = document.get("data")
    for number, item in enumerate(items if isinstance(items, list) else [items], start=1):
        if not isinstance(item, dict):
            yield None, f"item {number}: {_kind(item)}, not a record: {json.dumps(item, default=str)[:200]}"
            continue
        record: dict[str, Any] = {k: v for k, v in item.items() if k in ("type", "id")}
        record.update(item.get("attributes") or {})
        for name, relation in (item.get("relationships") or {}).items():
            linked = relation.get("data") if isinstance(relation, dict) else None
            if linked is not None:
                record[name] = [resolved(x) for x in linked] if isinstance(linked, list) else resolved(linked)
        yield record, None


class JsonConnector:
    exact_fingerprint: ClassVar[bool] = True

    def __init__(self, name: str, location: str) -> None:
        self.name = name
        self.files = _files(name, location, SUFFIXES)

    def test(self) -> str:
        tables = self.tables()
        _refuse_unreadable(self.name, tables)
        return "JSON: " + "; ".join(
            f"{Path(t.options['file']).name} cannot be read ({t.options['error']})" if "error" in t.options else
            f"{Path(t.options['file']).name} ({t.options['form']}, {t.options['encoding']}, {t.row_count or 0:,} "
            f"record{'s' if t.row_count != 1 else ''}, {len(t.columns)} column{'s' if len(t.columns) != 1 else ''})"
            for t in tables)

    def tables(self, exact: bool = True) -> list[TableInfo]:
        out = []
        for path in self.files:
            try:
                with path.open("rb") as f:
                    encoding = detect_encoding(f.read(SAMPLE_BYTES))[0]
                form, prefix = _form(path, encoding)
                tree: dict[str, Any] = {}
                rows = 0
                for record, _ in _records(path, encoding, form, prefix):
                    rows += 1
                    if record is not None:
                        grow(tree, flatten(feature_record(record)))
                keys = dict.fromkeys(in_order(tree))
                if form == "sheet":  # the header as it is (Комн. keeps its dot), whichever cells rows left empty
                    with _open(path, encoding) as f:
                        keys = dict.fromkeys(sheet_header(json.load(f)))
            except (SourceError, ijson.JSONError, UnicodeError, OSError) as error:
                out.append(_failed(path, error))
                continue
            names, renamed = unique_names(list(keys))
            described = "JSON Lines" if form == "lines" else "a table of columns and rows" if form == "split" else \
                "a spreadsheet's range of values" if form == "sheet" else \
                "a JSON:API document (its data, with the objects they name)" if form == "jsonapi" else \
                f"the records under {prefix!r}, keyed by their ids" if form == "map" and prefix else \
                "records keyed by their ids" if form == "map" else \
                "an array of records" if prefix == "item" else \
                "one record" if not prefix else f"the records under {prefix.removesuffix('.item')!r}"
            out.append(TableInfo(path.stem, tuple(ColumnInfo(n, "text") for n in names), rows, (), None,
                                 {"file": str(path), "encoding": encoding, "form": described, "prefix": prefix,
                                  "lines": str(form == "lines"), "reading": form,
                                  "keys": json.dumps(list(keys), ensure_ascii=False),
                                  "renamed": "; ".join(renamed)}))
        return distinct_names(out)

    def read(self, table: TableInfo, batch_rows: int, since: str | None = None,
             limit: int | None = None) -> Iterator[pa.RecordBatch]:
        raise_if_unreadable(self.name, table)
        o = table.options
        keys: list[str] = json.loads(o["keys"])
        names = [*table.column_names, REASON]
        batch: list[tuple[str | None, ...]] = []
        try:
            reading = o.get("reading")
            form: Form = reading if reading in ("split", "map", "sheet", "jsonapi") else \
                "lines" if o["lines"] == "True" else "items"  # type: ignore[assignment]
            records = _records(Path(o["file"]), o["encoding"], form, o["prefix"])
            for record, why in itertools.islice(records, limit):
                values = flatten(feature_record(record)) if record is not None else {}
                batch.append((*(values.get(k) for k in keys), why))
                if len(batch) >= batch_rows:
                    yield text_batch(names, batch)
                    batch = []
        except (ijson.JSONError, UnicodeError) as error:  # changed since it was catalogued
            raise SourceError("source.unreadable_file", name=self.name, path=o["file"],
                              detail=one_line(error)) from error
        if batch:
            yield text_batch(names, batch)

    def fingerprint(self, table: TableInfo) -> str | None:
        return file_fingerprint(table.options["file"])

    def casts(self, table: TableInfo) -> dict[str, str]:
        return {}  # every value is text: the classifier reads meaning from the values
