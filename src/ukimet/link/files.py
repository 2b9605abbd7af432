"""Linkage over standalone files, for anyone's data: each CSV, Parquet or Excel file is registered, catalogued
(columns detected by the classifier), synced and linked in a private temporary workspace, and every record gets
an entity id: ``source`` (the file name without extension), ``record_id`` (the file's ``record_id`` column, else
its row number counting from 1) and ``entity_id``."""

from __future__ import annotations

import csv
import hashlib
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ukimet.connect.catalog import refresh_catalog
from ukimet.connect.connectors import open_connector
from ukimet.connect.kinds import Kind
from ukimet.connect.sources import SourceSpec, add_source
from ukimet.core.errors import SourceError
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.link.api import Engine, link_records
from ukimet.link.model import THRESHOLD
from ukimet.link.records import extract
from ukimet.sync.engine import Syncer
from ukimet.sync.store import TABLES, ident, open_store

KINDS: dict[str, Kind] = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".parquet": "parquet", ".xlsx": "excel"}


def _source_name(path: Path, taken: set[str]) -> str:
    name = re.sub(r"\W", "_", path.stem).strip("_") or "file"
    name = name if name[0].isalpha() else f"f_{name}"
    base, n = name, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def link_files(paths: Sequence[Path], threshold: float = THRESHOLD, engine: Engine = "duckdb",
               warnings: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(source, record_id, entity_id) for every record of every file; what the caller should know (record ids a
    file repeats) is added to ``warnings``."""
    for path in paths:
        if path.suffix.lower() not in KINDS:
            raise SourceError("linkfiles.kind", path=str(path), suffix=path.suffix, kinds=", ".join(sorted(KINDS)))
        if not path.exists():
            raise SourceError("linkfiles.missing", path=str(path))
    with tempfile.TemporaryDirectory(prefix="ukimet-link-") as workspace:
        config = Settings(home=Path(workspace))
        metadata = connect_metadata(config)
        taken: set[str] = set()
        sources = {}
        for path in paths:
            spec = SourceSpec(_source_name(path, taken), KINDS[path.suffix.lower()], str(path))
            add_source(metadata, spec)
            refresh_catalog(metadata, spec, open_connector(spec, config))
            sources[spec.name] = path
        failed = [r for r in Syncer(metadata, config).sync() if r.status != "done"]
        if failed:
            raise SourceError("linkfiles.unreadable", path=str(sources[failed[0].source]),
                              detail=failed[0].error or "?")
        con = open_store(config.resolved_store_path(), memory_limit=config.work_memory_limit)
        try:
            extract(con, metadata, extras=True)
            link_records(con, threshold, engine)
            out: list[tuple[str, str, str | None]] = []
            for name in sources:
                table = con.execute(f"SELECT table_name FROM {TABLES} WHERE table_schema = ? "
                                    "AND table_name NOT LIKE '\\_\\_%' ESCAPE '\\' LIMIT 1", [name]).fetchone()
                if table is None:
                    continue
                columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                                     "WHERE table_schema = ? AND table_name = ?",
                                                     [name, table[0]]).fetchall()}
                record_id = "CAST(t.record_id AS VARCHAR)" if "record_id" in columns else \
                    "CAST(t.rowid + 1 AS VARCHAR)"
                # one row per record: its first party (a file of people describes one person per row)
                out += con.execute(f"""SELECT '{name}', {record_id}, min(e.entity_id)
                    FROM {ident(name)}.{ident(table[0])} t
                    LEFT JOIN link.person_records p ON p.source = ? AND p.record_key = CAST(t.rowid AS VARCHAR)
                    LEFT JOIN link.entities e ON e.record_id = p.record_id
                    GROUP BY t.rowid, {record_id} ORDER BY t.rowid""", [name]).fetchall()
        finally:
            con.close()
    # records with no person evidence at all are entities of their own
    rows = [(source, record, entity or "r" + hashlib.md5(f"{source}/{record}".encode()).hexdigest()[:15])
            for source, record, entity in out]
    return _unique_ids(rows, warnings)


def _unique_ids(rows: list[tuple[str, str, str]], warnings: list[str] | None) -> list[tuple[str, str, str]]:
    """A record id a file repeats names several rows: each keeps its own entity, the repeats told apart as
    ``id#2``, ``id#3`` ..., and a warning names them (one id mapped to two entities would be a silent lie)."""
    seen: dict[tuple[str, str], int] = {}
    repeated: dict[str, list[str]] = {}
    unique = []
    for source, record, entity in rows:
        n = seen[(source, record)] = seen.get((source, record), 0) + 1
        if n == 2:
            repeated.setdefault(source, []).append(record)
        unique.append((source, record if n == 1 else f"{record}#{n}", entity))
    for source, ids in repeated.items():
        shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10:,} more" if len(ids) > 10 else "")
        if warnings is not None:
            warnings.append(f"{source}: record ids used by more than one row: {shown}; the repeats are written "
                            "as id#2, id#3 ... each with its own entity")
    return unique


def write_clusters(rows: Sequence[tuple[str, str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "record_id", "entity_id"])
        writer.writerows(rows)
