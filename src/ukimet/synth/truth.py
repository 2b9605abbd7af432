"""The ground truth, written apart from every agency source: who each record really is, every fault applied,
the cases planted for later apps to find, and the semantic type of every column. Parquet, streamed per chunk."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ukimet.synth.model import Chunk
from ukimet.synth.schema import Source


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in fields])


SCHEMAS: dict[str, pa.Schema] = {
    "persons": _schema(
        ("person_id", pa.int64()), ("iin", pa.string()), ("sex", pa.string()), ("birth_date", pa.date32()),
        ("surname", pa.string()), ("first_name", pa.string()), ("patronymic", pa.string()),
        ("maiden_surname", pa.string()), ("ethnicity", pa.string()), ("region", pa.string()),
        ("household_id", pa.int64()), ("family_id", pa.int64()), ("father_id", pa.int64()),
        ("mother_id", pa.int64()), ("spouse_id", pa.int64()), ("death_date", pa.date32()),
        ("status", pa.string()), ("disability_group", pa.int8()), ("employer_bin", pa.string()),
        ("monthly_wage", pa.int64()), ("pension", pa.int64()), ("phone", pa.string()),
    ),
    "households": _schema(
        ("household_id", pa.int64()), ("region", pa.string()), ("dwelling_id", pa.int64()),
        ("previous_dwelling_id", pa.int64()), ("moved_on", pa.date32()), ("members", pa.int32()),
        ("owned", pa.bool_()),
    ),
    "companies": _schema(
        ("bin", pa.string()), ("name_ru", pa.string()), ("sector", pa.string()), ("region", pa.string()),
        ("registered", pa.date32()), ("director_id", pa.int64()), ("status", pa.string()),
    ),
    "records": _schema(
        ("source", pa.string()), ("table", pa.string()), ("record_key", pa.string()), ("party", pa.string()),
        ("person_id", pa.int64()), ("company_bin", pa.string()),
    ),
    "faults": _schema(
        ("source", pa.string()), ("table", pa.string()), ("record_key", pa.string()), ("fault", pa.string()),
        ("column", pa.string()),
    ),
    "planted": _schema(("kind", pa.string()), ("subject", pa.string()), ("detail", pa.string())),
}


SOCIETY = ("persons", "households", "companies", "planted")
"""Truth tables written once per chunk; the others (records, faults) are written per source."""
PER_SOURCE = ("records", "faults")
_IPC = pa.ipc.IpcWriteOptions(compression="zstd")


class TruthWriter:
    """The truth of one part of the sources (``part``): its records and faults go to an Arrow stream, one batch
    per chunk and source, that :func:`merge_parts` puts in source order; part 0 also writes the society. With a
    ``chunk``, the stream holds that chunk alone (a process that writes its part of one chunk)."""

    def __init__(self, directory: Path, part: int = 0, chunk: int | None = None) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.writers = {
            name: pq.ParquetWriter(directory / f"{name}.parquet.partial", SCHEMAS[name], compression="zstd")
            for name in (SOCIETY if part == 0 else ())
        }
        self.streams = {
            name: pa.ipc.new_stream(str(part_path(directory, name, part, chunk)), SCHEMAS[name], options=_IPC)
            for name in PER_SOURCE
        }
        self.records: list[tuple[Any, ...]] = []
        self.faults: list[tuple[Any, ...]] = []

    def record(self, source: str, table: str, key: Any, parties: dict[str, int | str]) -> None:
        key = str(key)
        append = self.records.append
        for party, who in parties.items():
            if isinstance(who, int):
                append((source, table, key, party, who, None))
            else:
                append((source, table, key, party, None, who))

    def fault(self, source: str, table: str, key: Any, fault: str, column: str) -> None:
        self.faults.append((source, table, str(key), fault, column))

    def source_done(self) -> None:
        """Write the records and faults of the source just emitted (one batch each, empty or not)."""
        for name, rows in (("records", self.records), ("faults", self.faults)):
            self.streams[name].write_batch(pa.RecordBatch.from_pydict(_columns(name, rows), schema=SCHEMAS[name]))
        self.records = []
        self.faults = []

    def _write(self, name: str, columns: dict[str, list[Any]]) -> None:
        self.writers[name].write_table(pa.Table.from_pydict(columns, schema=SCHEMAS[name]))

    def _write_rows(self, name: str, rows: Iterable[tuple[Any, ...]]) -> None:
        self._write(name, _columns(name, rows))

    def chunk(self, chunk: Chunk) -> None:
        self._write_rows("persons", (
            (p.pid, p.iin, p.sex, p.birth, p.surname, p.first, p.patronymic, p.maiden_surname, p.ethnicity,
             p.region, p.household, p.family, p.father, p.mother, p.spouse, p.death, p.status, p.disability_group,
             p.employer, p.monthly_wage, p.pension, p.phone)
            for p in chunk.people
        ))
        self._write_rows("households", (
            (h.hid, h.region, h.dwelling.did, h.previous.did, h.moved_on, len(h.members), h.owned)
            for h in chunk.households
        ))
        self._write_rows("companies", (
            (c.bin, c.name_ru, c.sector, c.region, c.registered, c.director, c.status) for c in chunk.companies
        ))
        self._write_rows("planted", ((p.kind, p.subject, p.detail) for p in chunk.planted))

    def close(self) -> None:
        for stream in self.streams.values():
            stream.close()
        for name, writer in self.writers.items():
            writer.close()
            (self.directory / f"{name}.parquet.partial").replace(self.directory / f"{name}.parquet")

    def write_columns(self, sources: Iterable[Source]) -> None:
        with (self.directory / "columns.csv").open("w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(["source", "table", "column", "semantic_type", "sensitivity", "party"])
            for source in sources:
                for table in source.tables:
                    for c in table.columns:
                        out.writerow([source.code, table.name, c.name, c.role, c.sensitivity(), c.party])

    def abort(self) -> None:
        for stream in self.streams.values():
            stream.close()
        for name, writer in self.writers.items():
            writer.close()
            (self.directory / f"{name}.parquet.partial").unlink(missing_ok=True)


def _columns(name: str, rows: Iterable[tuple[Any, ...]]) -> dict[str, list[Any]]:
    # a column at a time with itemgetter: zip(*rows) over a million rows is five times slower
    rows = rows if isinstance(rows, list) else list(rows)
    return {n: list(map(itemgetter(i), rows)) for i, n in enumerate(SCHEMAS[name].names)}


def part_path(directory: Path, name: str, part: int, chunk: int | None = None) -> Path:
    return directory / (f"{name}.part{part}.arrows" if chunk is None else f"{name}.part{part}.chunk{chunk}.arrows")


def merge_parts(directory: Path, owners: Iterable[int], chunks: int) -> None:
    """Records and faults in the order one process would have written them: per chunk, source by source.
    ``owners`` is the part that wrote each source, in source order; a part wrote one stream for all chunks or one
    per chunk. Streamed, a chunk at a time."""
    order = list(owners)
    for name in PER_SOURCE:
        whole = {part: part_path(directory, name, part) for part in set(order)}
        readers = {part: _open(path) for part, path in whole.items() if path.exists()}
        with pq.ParquetWriter(directory / f"{name}.parquet.partial", SCHEMAS[name], compression="zstd") as out:
            for chunk in range(chunks):
                single = {part: _open(part_path(directory, name, part, chunk))
                          for part in set(order) if part not in readers}
                batches = [(readers.get(p) or single[p]).read_next_batch() for p in order]
                out.write_table(pa.Table.from_batches(batches, SCHEMAS[name]))
                for part, reader in single.items():
                    reader.close()
                    part_path(directory, name, part, chunk).unlink()
        (directory / f"{name}.parquet.partial").replace(directory / f"{name}.parquet")
        for part, reader in readers.items():
            reader.close()
            whole[part].unlink()


def _open(path: Path) -> pa.ipc.RecordBatchStreamReader:
    return pa.ipc.open_stream(pa.OSFile(str(path), "rb"))


def discard_parts(directory: Path) -> None:
    for path in directory.glob("*.part*.arrows"):
        path.unlink(missing_ok=True)
