"""Build a synthetic country: stream the society chunk by chunk through every agency's emitter, its faults
and its sink, and write the ground truth and a manifest of what was built."""

from __future__ import annotations

import datetime as dt
import gc
import json
import multiprocessing
import random
import shutil
import time
import tomllib
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ukimet import __version__
from ukimet.core.errors import ConfigError
from ukimet.core.ids import NumberIssuer
from ukimet.synth.agencies import AGENCIES, Context, Emitter, Keys
from ukimet.synth.assets import Assets
from ukimet.synth.config import FaultRates, SynthConfig
from ukimet.synth.economy import Economy
from ukimet.synth.faults import FaultInjector, FaultLog
from ukimet.synth.model import Chunk
from ukimet.synth.population import PopulationBuilder
from ukimet.synth.schema import Record, Source, Table
from ukimet.synth.sinks import CsvSink, ExcelSink, MySQLSink, PostgresSink, Row, Sink, SQLiteSink
from ukimet.synth.truth import TruthWriter, discard_parts, merge_parts
from ukimet.synth.welfare import Welfare, assign_disability

MANIFEST = "manifest.json"
Progress = Callable[[int], None]
"""Called with the number of persons just finished."""


@dataclass
class SourceReport:
    code: str
    title_en: str
    title_ru: str
    title_kk: str
    platform: str
    written_to: str
    location: str
    label: str
    column_language: str
    encoding: str
    date_format: str | None
    rates: dict[str, float]
    tables: dict[str, int] = field(default_factory=dict)
    """Table name -> rows written."""
    faults: dict[str, int] = field(default_factory=dict)
    """Fault -> records it was applied to."""
    faulted_records: int = 0
    """Records with at least one fault (a duplicate counts only if it has faults of its own)."""
    opportunities: dict[str, int] = field(default_factory=dict)
    """Fault -> records that could have had it; faults / opportunities is the observed rate."""
    table_titles: dict[str, dict[str, str]] = field(default_factory=dict)
    """Table name -> language code (kk, ru, en) -> what its readers call it (data/table_titles.toml)."""

    def observed_rates(self) -> dict[str, float]:
        """Per fault with opportunities, the share of them that got the fault (compare with ``rates``)."""
        return {fault: self.faults.get(fault, 0) / n for fault, n in sorted(self.opportunities.items()) if n}


@dataclass
class Manifest:
    generator: str
    persons: int
    seed: int
    reference_date: str
    fault_scale: float
    households: int = 0
    families: int = 0
    companies: int = 0
    deceased: int = 0
    planted: dict[str, int] = field(default_factory=dict)
    sources: list[SourceReport] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def load(cls, directory: Path) -> Manifest:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        sources = [SourceReport(**s) for s in data.pop("sources")]
        return cls(**data, sources=sources)


@cache
def table_titles() -> dict[str, dict[str, dict[str, str]]]:
    """Source code -> table name -> language code -> the table's name in that language."""
    text = resources.files("ukimet.synth").joinpath("data/table_titles.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _sink(source: Source, config: SynthConfig, out: Path) -> tuple[str, Sink]:
    schema = f"{config.schema_prefix}{source.code}"
    if source.platform == "postgres" and config.postgres_url:
        return "postgres", PostgresSink(source, config.postgres_url, schema)
    if source.platform == "mysql" and config.mysql_url:
        return "mysql", MySQLSink(source, config.mysql_url, schema)
    if source.platform == "csv":
        return "csv", CsvSink(source, out / "exports" / f"{source.code}.csv")
    if source.platform == "xlsx":
        return "xlsx", ExcelSink(source, out / "exports" / f"{source.code}.xlsx")
    return "sqlite", SQLiteSink(source, out / "agencies" / f"{source.code}.sqlite")


def check_output_folder(out: Path) -> None:
    """Refuse a folder that holds anything but an earlier synthetic country (and the demo's own .ukimet)."""
    foreign = [p for p in out.iterdir() if p.name != ".ukimet"] if out.is_dir() else []
    if out.exists() and (not out.is_dir() or (foreign and not (out / MANIFEST).exists())):
        raise ConfigError("synth.out_not_empty", path=str(out))


def _prepare(out: Path) -> None:
    check_output_folder(out)
    if (out / MANIFEST).exists():
        for sub in ("agencies", "exports", "truth"):
            shutil.rmtree(out / sub, ignore_errors=True)
        (out / MANIFEST).unlink()
    out.mkdir(parents=True, exist_ok=True)


class _SourceWriter:
    """One agency source: its faults, keys, sink and report."""

    def __init__(self, source: Source, emit: Emitter, config: SynthConfig, out: Path) -> None:
        self.source = source
        self.emit = emit
        rates = config.rates_for(source.code, source.rates)
        # each source draws from its own streams, so a change to one source leaves the others' data alone
        stream = config.seed * 1_000_003 + zlib.crc32(source.code.encode())
        self.injector = FaultInjector(random.Random(stream), source, rates)
        self.rng = random.Random(stream + 1)
        self.keys = Keys()
        kind, self.sink = _sink(source, config, out)
        self.report = SourceReport(
            source.code, source.title_en, source.title_ru, source.title_kk, source.platform, kind,
            self.sink.location, self.sink.label, source.column_language, source.encoding, source.date_format,
            {k: v for k, v in asdict(rates).items() if v},
            {t.name: 0 for t in source.tables},
            table_titles={t.name: titles for t in source.tables
                          if (titles := table_titles().get(source.code, {}).get(t.name))},
        )

    def state(self) -> tuple[Any, ...]:
        """What writing a chunk changes in this writer (random streams, keys, counts), to carry on with in another
        process through :meth:`restore`."""
        return self.injector.state(), self.rng.getstate(), self.keys, self.report

    def restore(self, state: tuple[Any, ...]) -> None:
        injector, rng, self.keys, self.report = state
        self.injector.restore(injector)
        self.rng.setstate(rng)

    def write_chunk(self, ctx: Context, truth: TruthWriter) -> None:
        ctx.keys = self.keys
        ctx.rng = self.rng
        rows: dict[str, list[Row]] = defaultdict(list)
        tables = {t.name: t for t in self.source.tables}
        faulted = self._faulted
        for record in self.emit(ctx):
            table = tables[record.table]
            names = table.column_names
            out = rows[table.name]
            for values in faulted(table, record, truth):
                out.append(tuple(map(values.get, names)))
        for name, table_rows in rows.items():
            self.sink.write(self.source.table(name), table_rows)
            self.report.tables[name] += len(table_rows)

    def _faulted(self, table: Table, record: Record, truth: TruthWriter) -> list[dict[str, Any]]:
        values = record.values
        key = table.key
        if key not in values:
            values[key] = self.keys.next(table.name)
        clean = dict(values) if table.dedupable else None
        self._log(table, values[key], record.parties, self.injector.apply(table, values), truth)
        if clean is None or not self.injector.roll("duplicate"):
            return [values]
        clean[key] = self.keys.next(table.name)
        log = self.injector.apply(table, clean)
        self._log(table, clean[key], record.parties, [*log, ("duplicate", key)], truth)
        return [values, clean]

    def _log(self, table: Table, key: Any, parties: dict[str, int | str], log: FaultLog, truth: TruthWriter) -> None:
        code = self.source.code
        truth.record(code, table.name, key, parties)
        if not log:
            return
        faults = self.report.faults
        for fault, column in log:
            truth.fault(code, table.name, key, fault, column)
            faults[fault] = faults.get(fault, 0) + 1
        if any(fault != "duplicate" for fault, _ in log):
            self.report.faulted_records += 1


# CPU milliseconds each source takes per 20,000 persons, faults and truth included (measured with seed 1, 40,000
# persons, on one core): what the sources are split between processes by.
_WEIGHTS = {"enpf": 1674, "gbdfl": 1471, "social_benefits": 1016, "health": 881, "housing": 780, "kgd_tax": 611,
            "zags": 595, "property_registry": 418, "education": 248, "enbek": 161, "vehicles": 118,
            "business_registry": 49, "mse_disability": 28, "mvd_registrations": 26, "akimat_housing_queue": 18}
_TRUTH_WEIGHT = 150
"""What writing the society's truth costs part 0 per 20,000 persons, in the same milliseconds."""
_SOCIETY_WEIGHT = 2_400
"""What building the society costs part 0 per 20,000 persons: 1,820 measured likewise, counted higher because
the main process also forks, and copies the pages it writes while a forked process shares them (with 2,400
the main process waits least for the forked ones: 100,000 persons, two runs each of 1,820, 2,400 and 3,000)."""
_UNKNOWN_WEIGHT = 100


def split_sources(codes: list[str], workers: int, pinned: frozenset[str] = frozenset()) -> list[int]:
    """The process (part) each source is written by, heaviest first onto the lightest part. Part 0 builds the
    society, writes its truth and the ``pinned`` sources (those only one process can write), and starts with
    that work counted."""
    load = [(_SOCIETY_WEIGHT + _TRUTH_WEIGHT if workers > 1 else 0) if part == 0 else 0 for part in range(workers)]
    owner = dict.fromkeys(codes, 0)
    for code in pinned:
        load[0] += _WEIGHTS.get(code, _UNKNOWN_WEIGHT)
    for code in sorted((c for c in codes if c not in pinned), key=lambda c: -_WEIGHTS.get(c, _UNKNOWN_WEIGHT)):
        part = min(range(workers), key=lambda p: load[p])
        owner[code] = part
        load[part] += _WEIGHTS.get(code, _UNKNOWN_WEIGHT)
    return [owner[c] for c in codes]


def build_country(config: SynthConfig, out: Path, progress: Progress | None = None) -> Manifest:
    """Generate ``config.persons`` people and every agency source into ``out`` (and the configured servers).

    The society is built once, chunk by chunk. With ``config.workers`` > 1, while this process writes its share
    of the sources for a chunk (and builds the next), a forked process per other part writes the rest of that
    chunk's sources, appending to their files and handing back its random streams and counts; the output does
    not depend on the number of processes."""
    started = time.perf_counter()
    _prepare(out)
    rng = random.Random(config.seed)
    issuer = NumberIssuer()
    population = PopulationBuilder(rng, issuer, config.reference_date)
    economy = Economy(rng, issuer, population)
    welfare = Welfare(rng, config.reference_date)
    assets = Assets(rng, population)
    writers = [_SourceWriter(source, emit, config, out) for source, emit in AGENCIES]
    pinned = frozenset(w.source.code for w in writers if not w.sink.reopenable)
    owners = split_sources([w.source.code for w in writers], config.workers, pinned)
    mine = [w for w, owner in zip(writers, owners, strict=True) if owner == 0]
    others: dict[int, list[_SourceWriter]] = defaultdict(list)
    for writer, owner in zip(writers, owners, strict=True):
        if owner:
            others[owner].append(writer)
    truth = TruthWriter(out / "truth", 0)
    manifest = Manifest(__version__, config.persons, config.seed, config.reference_date.isoformat(),
                        config.fault_scale)
    created: list[_SourceWriter] = []
    running: list[_Running] = []
    done, index = 0, 0
    try:
        for writer in writers:
            writer.sink.create()
            created.append(writer)
            if writer not in mine:
                writer.sink.detach()
        while done < config.persons:
            chunk = Chunk(index)
            target = min(config.chunk_persons, config.persons - done)
            while len(chunk.people) < target:
                population.build(chunk, target - len(chunk.people))
            assign_disability(rng, chunk, config.reference_date)
            economy.add_companies(chunk)
            economy.assign_work(chunk)
            welfare.assign(chunk)
            assets.assign(chunk)
            ctx = Context.of(chunk, config.reference_date)
            _collect(running)  # the previous chunk's other parts: their streams and counts, before the next fork
            running = [_fork(part, part_writers, ctx, out, index) for part, part_writers in sorted(others.items())]
            for writer in mine:
                writer.write_chunk(ctx, truth)
                truth.source_done()
            truth.chunk(chunk)
            _tally(manifest, chunk, config.reference_date)
            done += len(chunk.people)
            index += 1
            if progress:
                progress(len(chunk.people))
        _collect(running)
        for writer in writers:
            if writer not in mine:
                writer.sink.attach()
            writer.sink.close()
        truth.close()
        truth.write_columns(source for source, _ in AGENCIES)
        merge_parts(out / "truth", owners, index)
    except BaseException:
        for _, process, _ in running:
            if process.is_alive():
                process.terminate()
            process.join()
        for writer in created:
            writer.sink.abort()
        truth.abort()
        discard_parts(out / "truth")
        raise
    for writer in writers:
        writer.report.opportunities = dict(sorted(writer.injector.opportunities.items()))
    manifest.sources = [w.report for w in writers]
    manifest.seconds = round(time.perf_counter() - started, 2)
    (out / MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    return manifest


_Running = tuple[Any, Any, list[_SourceWriter]]
"""A forked part of a chunk: the pipe it answers on, the process and the writers it took."""


def _fork(part: int, writers: list[_SourceWriter], ctx: Context, out: Path, index: int) -> _Running:
    """A process, forked with the chunk in its memory, that writes ``writers``' sources of chunk ``index``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_write_part, args=(part, writers, ctx, out, index, send), daemon=True)
    process.start()
    send.close()
    return receive, process, writers


def _write_part(part: int, writers: list[_SourceWriter], ctx: Context, out: Path, index: int, send: Any) -> None:
    # a collection would walk, and so copy, every page of the parent's heap: a process that lives for one chunk
    # does without
    gc.disable()
    try:
        truth = TruthWriter(out / "truth", part, index)
        for writer in writers:
            writer.sink.attach()
            writer.write_chunk(ctx, truth)
            truth.source_done()
            writer.sink.detach()
        truth.close()
        send.send([writer.state() for writer in writers])
    except BaseException as exc:  # the parent re-raises it
        try:
            send.send(exc)
        except Exception:
            send.send(RuntimeError(repr(exc)))
    finally:
        send.close()


def _collect(running: list[_Running]) -> None:
    """Wait for the forked parts of a chunk and take up where they left their sources."""
    for receive, process, writers in running:
        try:
            result = receive.recv()
        except EOFError:
            result = RuntimeError(f"the process writing {', '.join(w.source.code for w in writers)} ended "
                                  f"without a word (exit code {process.exitcode})")
        process.join()
        if isinstance(result, BaseException):
            raise result
        for writer, state in zip(writers, result, strict=True):
            writer.restore(state)
    running.clear()


def _tally(manifest: Manifest, chunk: Chunk, ref: dt.date) -> None:
    manifest.households += len(chunk.households)
    manifest.families += len({p.family for p in chunk.people})
    manifest.companies += len(chunk.companies)
    manifest.deceased += sum(1 for p in chunk.people if not p.alive(ref))
    for planted in chunk.planted:
        manifest.planted[planted.kind] = manifest.planted.get(planted.kind, 0) + 1


__all__ = ["MANIFEST", "FaultRates", "Manifest", "SourceReport", "build_country", "check_output_folder"]
