"""Linkage over standalone files, for anyone's data: each CSV, Parquet, Excel or JSON file is registered, catalogued
(columns detected by the classifier), synced and linked in a private temporary workspace, and every record gets
an entity id: ``source`` (the file name without extension), ``record_id`` (the column ``--map file:column=record_id``
names, else the file's ``record_id`` column, else its row number counting from 1) and ``entity_id``."""

from __future__ import annotations

import csv
import hashlib
import re
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
from sqlalchemy import Engine as SqlEngine

from ukimet.connect.catalog import columns_of, introspect, refresh_catalog, set_label, table_keys
from ukimet.connect.classify import SEMANTIC_TYPES
from ukimet.connect.connectors import open_connector
from ukimet.connect.kinds import Kind
from ukimet.connect.sources import SourceSpec, add_source
from ukimet.core.dates import age_in_birth, epoch_days, month_first
from ukimet.core.errors import LinkError, SourceError
from ukimet.core.metadata import connect_metadata
from ukimet.core.parallel import mapped
from ukimet.core.settings import Settings
from ukimet.link.api import Engine, link_records
from ukimet.link.model import THRESHOLD
from ukimet.link.records import EMPTY_DATE, Party, birth_as_written, extract, parties
from ukimet.sync.engine import Syncer
from ukimet.sync.store import TABLES, ident, open_workspace, publishing

KINDS: dict[str, Kind] = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".sql": "csv", ".parquet": "parquet",
                          ".xlsx": "excel", ".xls": "excel", ".json": "json", ".jsonl": "json", ".ndjson": "json"}


def _source_name(path: Path, taken: set[str]) -> str:
    name = re.sub(r"\W", "_", path.stem).strip("_") or "file"
    name = name if name[0].isalpha() else f"f_{name}"
    base, n = name, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


RECORD_ID = "record_id"
"""the meaning ``--map`` gives a file's own id column: the output's record_id, and no evidence of who it is"""


def parse_mapping(text: str) -> tuple[str, str, str]:
    """``file:column=meaning`` (``--map``) as (file, column, meaning); the file by its name or its stem. The
    meaning ``record_id`` names the file's own id column, written as the record id in the output."""
    found = re.fullmatch(r"([^:]+):(.+)=([a-z_]+)", text.strip())
    if found is None or found.group(3) not in SEMANTIC_TYPES:
        raise LinkError("linkfiles.map", given=text, allowed=", ".join(SEMANTIC_TYPES))
    return found.group(1), found.group(2), found.group(3)


def link_files(paths: Sequence[Path], threshold: float = THRESHOLD, engine: Engine = "duckdb",
               warnings: list[str] | None = None, mappings: Sequence[tuple[str, str, str]] = (),
               report: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(source, record_id, entity_id) for every person of every record of every file (a row that describes two
    persons, a person and a spouse, gives two: ``17`` and ``17#2``); what the caller should know (record ids a
    file repeats) is added to ``warnings``. ``mappings``: (file, column, meaning) set by the user over the
    classifier; ``report`` gets, per file, which columns were read as what and which were not used."""
    for path in paths:
        if path.suffix.lower() not in KINDS:
            raise SourceError("linkfiles.kind", path=str(path), suffix=path.suffix, kinds=", ".join(sorted(KINDS)))
        if not path.exists():
            raise SourceError("linkfiles.missing", path=str(path))
    with tempfile.TemporaryDirectory(prefix="ukimet-link-") as workspace:
        config = Settings(home=Path(workspace))
        metadata = connect_metadata(config, throwaway=True)
        taken: set[str] = set()
        specs = [SourceSpec(_source_name(path, taken), KINDS[path.suffix.lower()], str(path)) for path in paths]
        sources = {spec.name: path for spec, path in zip(specs, paths, strict=True)}
        for spec in specs:
            add_source(metadata, spec)
        # the files' columns classified two at a time (pure Python: one file in a forked process), then catalogued
        (found,) = mapped([(lambda spec: introspect(spec, open_connector(spec, config)), specs)], least=2)
        catalogued = {spec.name: refresh_catalog(metadata, spec, open_connector(spec, config), introspected=seen)
                      for spec, seen in zip(specs, found, strict=True)}
        ids = {_source_of(file, sources): column for file, column, meaning in mappings if meaning == RECORD_ID}
        _apply(metadata, sources, mappings)  # an id column tells nobody apart: kept as the record id only
        # the run's store is thrown away with the workspace: a lake's snapshots would only cost time
        con = open_workspace(Path(workspace) / "spill", memory_limit=config.work_memory_limit)
        try:
            failed = [r for r in Syncer(metadata, config, catalogued=catalogued).sync(con=con) if r.status != "done"]
            if failed:
                raise SourceError("linkfiles.unreadable", path=str(sources[failed[0].source]),
                                  detail=failed[0].error or "?")
            if report is not None:
                report.extend(describe(metadata, name) for name in sources)
            if warnings is not None:
                warnings.extend(_unreadable(con, metadata, sources))
            with publishing(con, "ukimet link --out"):  # one transaction
                extract(con, metadata, extras=True, notes=report)
                stats = link_records(con, threshold, engine, entities_only=True)
            if stats.get("suspicious") and warnings is not None:
                warnings.append(f"{int(stats['suspicious']):,} clusters held records with several first names and "
                                "dates of birth (look-alikes chained together) and were split on strong pairs only")
            out: list[tuple[str, str, str | None, int]] = []
            for name in sources:
                out += _entities_of(con, metadata, name, ids.get(name), KINDS[sources[name].suffix.lower()] == "csv")
        finally:
            con.close()
    # records with no person evidence at all are entities of their own
    rows = [(source, record, entity or "r" + hashlib.md5(f"{source}/{record}/{row}".encode()).hexdigest()[:15], row)
            for source, record, entity, row in out]
    return _unique_ids(rows, warnings)


def _tables_of(con: duckdb.DuckDBPyConnection, name: str, persons: Sequence[Party], dump: bool) -> list[str]:
    """The synced tables of the file ``name`` that describe ``persons`` (its parties), in the catalogue's order (a
    workbook's data sheet, not its cover sheet); where none does, its first table (every row an entity of its own).
    Of a database's dump (``dump``), a table that names at most ``STAFF_MOST`` persons beside one that names more is
    the application's staff or a lookup (its users, its inspections' four vets), not the register: no records; of a
    workbook, such a sheet is so where each name it holds is a value of the larger one (its drop-down lists: the
    managers a column of the register names)."""
    synced = [str(r[0]) for r in con.execute(
        f"SELECT table_name FROM {TABLES} WHERE table_schema = ? AND table_name NOT LIKE '\\_\\_%' ESCAPE '\\' "
        "ORDER BY table_name", [name]).fetchall()]  # not a helper's __ table
    tables = list(dict.fromkeys(p.table for p in persons if p.table in synced))
    if len(tables) > 1:
        named = {table: _persons_named(con, name, table, persons) for table in tables}
        if dump and max(named.values()) > STAFF_MOST:
            tables = [t for t in tables if named[t] > STAFF_MOST]
        elif max(named.values()) > STAFF_MOST:  # a workbook's sheet of drop-down lists (Менеджер: four officials
            tables = [t for t in tables if named[t] > STAFF_MOST or not any(  # a register's column names again)
                _all_named_in(con, name, t, other, persons) for other in tables if named[other] > STAFF_MOST)]
    return tables or synced[:1]


def _all_named_in(con: duckdb.DuckDBPyConnection, name: str, small: str, big: str, persons: Sequence[Party]) -> bool:
    """Whether every name the persons' columns of ``small`` hold is a value of some column of ``big``: a lookup of
    ``big``'s values (its managers), not persons of their own."""
    columns = [c for p in persons if p.table == small for kind, c in p.columns.items() if kind in ("full_name",
                                                                                                     "surname")]
    if not columns:
        return False
    mine = " UNION ".join(f"SELECT lower(trim(CAST({ident(c)} AS VARCHAR))) AS v FROM {ident(name)}.{ident(small)}"
                          for c in dict.fromkeys(columns))
    theirs = [str(r[0]) for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = ?"
                                             " AND table_name = ?", [name, big]).fetchall()]
    if not theirs:
        return False
    values = " UNION ".join(f"SELECT lower(trim(CAST({ident(c)} AS VARCHAR))) AS v FROM {ident(name)}.{ident(big)}"
                            for c in theirs)
    left = con.execute(f"SELECT count(*) FROM ({mine}) m WHERE m.v IS NOT NULL AND m.v NOT IN "
                       f"(SELECT v FROM ({values}) t WHERE v IS NOT NULL)").fetchone()  # NOT IN over a NULL: never
    return left is not None and int(left[0]) == 0


STAFF_MOST = 10
"""the most persons a dump's table may name and be its application's staff or a lookup beside its register"""


def _persons_named(con: duckdb.DuckDBPyConnection, name: str, table: str, persons: Sequence[Party]) -> int:
    """How many different names (or IINs) the columns of ``persons`` in ``table`` hold."""
    columns = [c for p in persons if p.table == table for kind, c in p.columns.items()
               if kind in ("full_name", "surname", "iin")]
    if not columns:
        return STAFF_MOST + 1  # persons told by other evidence: no sign of a staff's table
    values = " UNION ".join(f"SELECT lower(trim(CAST({ident(c)} AS VARCHAR))) AS v FROM {ident(name)}.{ident(table)}"
                            for c in dict.fromkeys(columns))
    return int(con.execute(f"SELECT count(DISTINCT v) FROM ({values})").fetchone()[0])  # type: ignore[index]


def _entities_of(con: duckdb.DuckDBPyConnection, metadata: SqlEngine, name: str, own_id: str | None,
                 dump: bool = False) -> list[tuple[str, str, str | None, int]]:
    """(source, record id, entity, row) of every person every row of the file ``name`` describes, in the order of its
    columns (the row's own person first); ``own_id``: the column ``--map`` names as the record id. Where several of
    its tables (sheets) describe persons, a record id is its table's name and its own (Район 2/17); ``dump``: the
    file is text, so that its several tables are a database dump's."""
    persons = parties(columns_of(metadata, name), (), True)
    tables = _tables_of(con, name, persons, dump)
    out: list[tuple[str, str, str | None, int]] = []
    for place, table in enumerate(tables):
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_schema = ? AND table_name = ?", [name, table]).fetchall()}
        own = own_id if own_id in columns else "record_id" if "record_id" in columns else None
        record_id = f"CAST(t.{ident(own)} AS VARCHAR)" if own else "CAST(t.rowid + 1 AS VARCHAR)"
        found = con.execute(f"""SELECT {record_id}, min(e.entity_id), t.rowid, p.party
            FROM {ident(name)}.{ident(table)} t
            LEFT JOIN link.person_records p ON p.source = ? AND p.source_table = ?
                AND p.record_key = CAST(t.rowid AS VARCHAR)
            LEFT JOIN link.entities e ON e.record_id = p.record_id
            GROUP BY t.rowid, {record_id}, p.party""", [name, table]).fetchall()
        rank = _places(list(dict.fromkeys(p.party for p in persons if p.table == table)), found)
        found.sort(key=lambda r: (r[2], rank.get(r[3], len(rank))))
        prefix = f"{table}/" if len(tables) > 1 else ""
        out += [(name, prefix + str(record) + _place_suffix(rank.get(party, 0)), entity, (place << 40) + row)
                for record, entity, row, party in found]
    return out


EXCLUSIVE_LEAST = 0.2
"""The share of a table's rows each of two persons' columns must fill, never on the same row, to be one place written
under two schemas (a sync log's 2023 ``supplier`` and 2024 ``farmer``); sparser ones may miss each other by chance."""
EXCLUSIVE_EXPECTED = 5
"""Or the rows two persons' columns would share by chance (the product of their rows over the table's) that they never
share (by chance one time in 150): a brigade's list where a booking's examinee is, on 6 % of a calendar's events
against 94 % (they would share 60), is written in the examinee's place (its first member ``17``, the second
``17#2``)."""


def _places(parties_: list[str], found: list[tuple[Any, ...]]) -> dict[str, int]:
    """Each party's place among a row's persons, in column order. Where the row's own person is written under two
    schemas (a log whose records changed their keys: ``farmer`` where ``supplier`` was, each filling a good part of
    the table, ``EXCLUSIVE_LEAST``, never on one row), a party whose rows are none of an earlier place's takes that
    place (``payout.recipient`` where ``card.holder`` was): the same person written the other way, not one more
    person of the row. So is a party that fills fewer rows, where it would share many with that place by chance
    (``EXCLUSIVE_EXPECTED``) and shares none."""
    rows: dict[str, set[int]] = defaultdict(set)
    for _, _, row, party in found:
        if party is not None:
            rows[party].add(row)
    count = len({r[2] for r in found if r[3] is not None})  # the rows that hold a person (not a chat's replies)
    least = EXCLUSIVE_LEAST * count
    places: list[tuple[list[str], set[int]]] = []
    out = {}
    for party in parties_:
        mine = rows.get(party, set())
        place = next((k for k, (members, taken) in enumerate(places) if mine and not mine & taken and (
            (len(mine) >= least and all(len(rows.get(m, ())) >= least for m in members))
            or len(mine) * len(taken) >= EXCLUSIVE_EXPECTED * count)), None)
        if place is None:
            place = len(places)
            places.append(([], set()))
        places[place][0].append(party)
        places[place][1].update(mine)
        out[party] = place
    if not places or len(places[0][0]) < 2:  # the row's own person is written one way: a wedding's bride and a
        return {party: k for k, party in enumerate(parties_)}  # jubilee's hero, never on one row, are two places
    return out


def _place_suffix(rank: int) -> str:
    """``#k`` for the k-th person of a row whose columns describe several (its own person first, rank 0, no suffix):
    by the person's place among the columns, not among those the row happens to fill (a row without the newborn's
    surname still has the father third, 17#3, as every other row of its table)."""
    return f"#{rank + 1}" if rank else ""


def _unreadable(con: duckdb.DuckDBPyConnection, metadata: SqlEngine, sources: dict[str, Path]) -> list[str]:
    """Per file and birth-date column, the filled values that are no date (неизвестно, 00.00.0000, 31.02.1980),
    read as linkage reads them (``records.birth_as_written``, in the column's order of day and month): their
    records are linked without a date of birth, and the user is told so. The examples show each value's shape only
    (digits as #): a warning is no place for a person's date of birth."""
    said = []
    for name, path in sources.items():
        dated = [(c.table, c.column) for c in columns_of(metadata, name) if c.semantic_type == "birth_date"]
        for table, column in dated:
            values = con.execute(f"SELECT CAST({ident(column)} AS VARCHAR) AS v, count(*) FROM "
                                 f"{ident(name)}.{ident(table)} WHERE trim(CAST({ident(column)} AS VARCHAR)) <> '' "
                                 "GROUP BY 1").fetchall()  # not by its alias: a file named v
            american = month_first(v for v, _ in values)
            if epoch_days(v for v, _ in values):  # days since 1970: read so by linkage (records._standardise)
                continue
            bad = [(v, n) for v, n in values if birth_as_written((v, american))[0] is None and not EMPTY_DATE.match(v)
                   and not age_in_birth(v)]  # 66 жаста: an age, read on the row's date
            if bad:
                shapes = ", ".join(dict.fromkeys(re.sub(r"\d", "#", v) for v, _ in bad[:3]))
                said.append(f"{path.name}: {sum(n for _, n in bad):,} value(s) of {column} could not be read as a "
                            f"date of birth ({shapes}); those records are linked without one")
    return said


def _source_of(file: str, sources: dict[str, Path]) -> str:
    """The source of the file ``--map`` names (by its name, stem, path or source name), or the error naming the
    files there are."""
    name = next((n for n, p in sources.items() if file in (p.name, p.stem, str(p), n)), None)
    if name is None:
        raise LinkError("linkfiles.map_file", file=file, files=", ".join(p.name for p in sources.values()))
    return name


def _apply(metadata: SqlEngine, sources: dict[str, Path], mappings: Sequence[tuple[str, str, str]]) -> None:
    """Set the user's meanings (``--map``) over the classifier's, naming a file or column that is not there."""
    for file, column, meaning in mappings:
        name = _source_of(file, sources)
        catalogued = columns_of(metadata, name)
        if column not in {c.column for c in catalogued}:
            raise LinkError("linkfiles.map_column", file=str(sources[name]), column=column,
                            columns=", ".join(c.column for c in catalogued))
        tables = {c.table for c in catalogued if c.column == column}  # a workbook's sheet that has it
        set_label(metadata, name, next(iter(sorted(tables)), name), column, "ukimet link --map",
                  semantic_type=meaning)


def describe(metadata: SqlEngine, name: str) -> str:
    """Which columns of the file ``name`` linkage reads as what (per person, when a row describes several), and
    which it does not use."""
    columns = columns_of(metadata, name)
    used: set[str] = set()
    persons: list[str] = []
    parts: set[str] = set()  # the columns of a date of birth written in three: read as what their names say
    relations: dict[str, None] = {}  # the columns that say how a row's persons are related, in order
    seen: dict[str, tuple[int, dict[str, str]]] = {}
    for party in parties(columns, tuple(table_keys(metadata, name).get(columns[0].table, [])) if columns else (),
                         extras=True):
        if party.relation:
            relations[party.relation] = None
        if party.party in seen:  # the same person under another surname (before or after marriage) or name
            place, first = seen[party.party]
            for meaning, column in party.columns.items():
                if first.get(meaning) != column:
                    persons[place] += f", or {column} = {meaning.replace('_', ' ')}"
                    used.add(column)
            continue
        seen[party.party] = (len(persons), party.columns)
        fields = {**party.columns, **{f"address {i + 1}" if len(party.address) > 1 else "address": a
                                      for i, a in enumerate(party.address)}}
        if party.birth_parts:
            fields["birth_date (day, month, year)"] = ", ".join(party.birth_parts)
            parts |= set(party.birth_parts)
        if party.births_else:
            fields["birth_date where that is empty"] = ", ".join(party.births_else)
        used |= set(fields.values()) | set(party.extras) | set(party.birth_parts) | set(party.births_else)
        said = ", ".join(f"{column} = {meaning.replace('_', ' ')}" for meaning, column in fields.items())
        if party.extras:
            said += "; compared as they are: " + ", ".join(party.extras)
        persons.append(said)
    relations = {column: None for column in relations if column not in used}
    used |= set(relations)
    ids = [c.column for c in columns if c.semantic_type == RECORD_ID]
    ignored = [c.column for c in columns if c.column not in used and c.column not in ids]
    text = f"{name}: " + (" | ".join(f"person {i + 1}: {p}" for i, p in enumerate(persons)) if len(persons) > 1
                          else persons[0] if persons else "no person found (no IIN, name or full name column)")
    unread = [f"{c.column} ({NAMED_UNREAD[kind]})" for c in columns for kind in NAMED_UNREAD
              if f"name suggests {kind}" in c.evidence and c.semantic_type != kind and c.column not in parts]
    return text + (f"; how the persons of a row are related: {', '.join(relations)}" if relations else "") + (
        f"; record id: {', '.join(ids)}" if ids else "") + (
        f"; not used: {', '.join(ignored)}" if ignored else "") + (
        f"; not read as their names say, too few of their values being one (--map FILE:COLUMN=MEANING reads a "
        f"column as you say): {', '.join(unread)}" if unread else "")


NAMED_UNREAD = {"birth_date": "a date of birth", "iin": "an IIN", "phone": "a phone", "full_name": "a full name"}
"""What a column's name may say it holds that its values may belie (??.??.????, неизвестно under Дата рождения):
the report says so, so that the user can map it or mend the file."""


def _unique_ids(rows: list[tuple[str, str, str, int]], warnings: list[str] | None) -> list[tuple[str, str, str]]:
    """Each (source, record id) names one person: a row's second person, and a record id a file repeats on
    another row, are told apart as ``id#2``, ``id#3`` ... each with its own entity; a warning names the record ids
    that rows repeat (one id mapped to two entities would be a silent lie)."""
    seen: dict[tuple[str, str], int] = {}
    rows_of: dict[tuple[str, str], int] = {}
    repeated: dict[str, list[str]] = {}
    unique = []
    taken = {(source, record) for source, record, _, _ in rows}
    for source, record, entity, row in rows:
        n = seen[(source, record)] = seen.get((source, record), 0) + 1
        if rows_of.setdefault((source, record), row) != row and rows_of[(source, record)] != -1:
            rows_of[(source, record)] = -1  # another row: said once
            repeated.setdefault(source, []).append(record)
        said = record if n == 1 else f"{record}#{n}"
        while n > 1 and (source, said) in taken:  # 17#2 is the row's second person: a repeated 17 is 17#3
            n = seen[(source, record)] = n + 1
            said = f"{record}#{n}"
        taken.add((source, said))
        unique.append((source, said, entity))
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
