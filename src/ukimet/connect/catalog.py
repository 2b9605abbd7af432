"""The catalog: every source's tables and columns with types, row counts, keys and the meaning of each column,
kept in the metadata store. A user's label on a column overrides the classifier and survives every refresh."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from sqlalchemy import Connection, Engine, and_, delete, insert, select

from ukimet.connect.classify import SEMANTIC_TYPES, Classification, classify_column, swapped_names
from ukimet.connect.connectors import Connector, TableInfo
from ukimet.connect.connectors.base import keep_store_names, unreadable
from ukimet.connect.sources import SourceSpec
from ukimet.core.errors import SourceError
from ukimet.core.metadata import catalog_columns, catalog_tables, overrides, writing

SAMPLE_ROWS = 1000
SENSITIVITIES = ("personal", "special", "public")


@dataclass(frozen=True)
class CatalogColumn:
    table: str
    column: str
    data_type: str
    semantic_type: str
    confidence: float
    sensitivity: str
    labelled_by: str
    evidence: str


Classified = dict[tuple[str, str], Classification]
"""Each (table, column)'s classification from a sample of its values."""


def introspect(spec: SourceSpec, connector: Connector, exact: bool = True, named: dict[str, str] | None = None,
               known: dict[tuple[str, str], tuple[str, Classification]] | None = None
               ) -> tuple[list[TableInfo], Classified]:
    """The source's tables (named as the catalogue named them: ``named``) and its columns classified on a sample
    of their values, touching no database of ukimet's: a process forked for it can do it (``ukimet link --out``
    catalogues its files two at a time). A table whose columns are all in ``known`` (type, classification) with
    the same types keeps those, unsampled; a table whose sample cannot be read is marked so (it fails alone when
    synced)."""
    tables = keep_store_names(connector.tables(exact=exact), named or {})
    classified: Classified = {}
    for position, table in enumerate(tables):
        same = {c.name: known[(table.name, c.name)][1] for c in table.columns
                if known and known.get((table.name, c.name), ("",))[0] == c.data_type}
        if len(same) == len(table.columns):
            classified.update({(table.name, name): kept for name, kept in same.items()})
            continue
        batch = None
        if "error" not in table.options:  # a table that cannot be read fails alone when synced
            try:
                batch = next(iter(connector.read(table, SAMPLE_ROWS, limit=SAMPLE_ROWS)), None)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # its sample cannot be read (a view dividing by zero; a driver's panic)
                table = tables[position] = unreadable(table, exc)
        sampled = {column.name: [] if batch is None else
                   [str(v) for v in batch.column(column.name).to_pylist() if v is not None] for column in table.columns}
        found = {column.name: classify_column(spec.name, table.name, column.name, column.data_type,
                                              sampled[column.name]) for column in table.columns}
        found = _listed_alike(spec.name, table, found, sampled)
        classified.update({(table.name, name): kind for name, kind in swapped_names(found, sampled).items()})
    return tables, classified


LIST_ITEM = re.compile(r"(?<=\.)\d+(?=\.)")
"""a list's item number inside a nested column's name (visitors.3.name)"""
NAME_KINDS = frozenset({"full_name", "first_name", "surname"})


def _listed_alike(source: str, table: TableInfo, found: dict[str, Classification],
                  sampled: dict[str, list[str]]) -> dict[str, Classification]:
    """The columns of one key in a list's items (visitors.1.name, visitors.3.name) read as one: where their items'
    few values read them as different kinds of name (the third visitor's first names alone, the first's full
    names), all are what their values together are."""
    groups: dict[str, list[str]] = {}
    for column in found:
        if LIST_ITEM.search(column):
            groups.setdefault(LIST_ITEM.sub("N", column), []).append(column)
    out = dict(found)
    types = {c.name: c.data_type for c in table.columns}
    for columns in groups.values():
        kinds = {found[c].semantic_type for c in columns}
        if len(columns) < 2 or len(kinds) < 2 or not kinds & NAME_KINDS or not kinds <= NAME_KINDS | {"text", "other"}:
            continue
        pooled = [v for c in columns for v in sampled[c]]
        together = classify_column(source, table.name, columns[0], types[columns[0]], pooled)
        if together.semantic_type in NAME_KINDS:
            said = f"{together.evidence} (the values of {len(columns)} items of a list read together)"
            out.update({c: replace(found[c], semantic_type=together.semantic_type, evidence=said) for c in columns})
    return out


def refresh_catalog(engine: Engine, spec: SourceSpec, connector: Connector, reuse: bool = False,
                    introspected: tuple[list[TableInfo], Classified] | None = None) -> list[TableInfo]:
    """Introspect ``spec``, classify each column on a sample of its values, and store the result. With ``reuse``
    (as a sync does), a column already catalogued with the same type keeps its classification unsampled.
    ``introspected``: what ``introspect`` found of a source new to the catalogue, moments ago."""
    now = dt.datetime.now(dt.UTC)
    with engine.connect() as db:
        named = {r.source_table or r.table_name: r.table_name for r in db.execute(
            select(catalog_tables.c.table_name, catalog_tables.c.source_table)
            .where(catalog_tables.c.source == spec.name))}
        kept = {(r.table_name, r.column_name): r for r in db.execute(
            select(overrides).where(overrides.c.source == spec.name))}
        previous = {(r.table_name, r.column_name): r for r in db.execute(
            select(catalog_columns).where(catalog_columns.c.source == spec.name))} if reuse else {}
    tables, classified = introspected if introspected is not None else introspect(
        spec, connector, not reuse, named, {key: (r.data_type, Classification(
            r.semantic_type, r.confidence, r.sensitivity, r.evidence or "")) for key, r in previous.items()})
    rows_t, rows_c = [], []
    for table in tables:
        rows_t.append({"source": spec.name, "table_name": table.name, "row_count": table.row_count,
                       "primary_key": list(table.primary_key), "updated_column": table.updated_column,
                       "introspected_at": now, "source_table": table.options.get("source_table")})
        for position, column in enumerate(table.columns):
            result = classified[(table.name, column.name)]
            override = kept.get((table.name, column.name))
            rows_c.append({
                "source": spec.name, "table_name": table.name, "column_name": column.name, "position": position,
                "data_type": column.data_type, "nullable": int(column.nullable),
                "semantic_type": (override.semantic_type if override and override.semantic_type
                                  else result.semantic_type),
                "confidence": 1.0 if override else result.confidence,
                "sensitivity": override.sensitivity if override and override.sensitivity else result.sensitivity,
                "labelled_by": "user" if override else "auto",
                "evidence": f"set by {override.set_by}" if override else result.evidence,
            })
    with engine.begin() as db:
        for table_ in (catalog_columns, catalog_tables):
            db.execute(delete(table_).where(table_.c.source == spec.name))
        if rows_t:
            db.execute(insert(catalog_tables), rows_t)
        if rows_c:
            db.execute(insert(catalog_columns), rows_c)
    return tables


def columns_of(engine: Engine, source: str, table: str | None = None) -> list[CatalogColumn]:
    condition = catalog_columns.c.source == source
    if table is not None:
        condition = and_(condition, catalog_columns.c.table_name == table)
    with engine.connect() as db:
        rows = db.execute(select(catalog_columns).where(condition)
                          .order_by(catalog_columns.c.table_name, catalog_columns.c.position)).mappings().all()
    return [CatalogColumn(r["table_name"], r["column_name"], r["data_type"], r["semantic_type"], r["confidence"],
                          r["sensitivity"], r["labelled_by"], r["evidence"] or "") for r in rows]


def table_keys(engine: Engine, source: str) -> dict[str, list[str]]:
    """Each catalogued table's primary key columns (empty when it has none)."""
    with engine.connect() as db:
        rows = db.execute(select(catalog_tables.c.table_name, catalog_tables.c.primary_key)
                          .where(catalog_tables.c.source == source)).all()
    return {table: list(key or []) for table, key in rows}


def set_label(engine: Engine, source: str, table: str, column: str, user: str,
              semantic_type: str | None = None, sensitivity: str | None = None) -> None:
    """Override the classifier for one column; kept across catalog refreshes and syncs."""
    if semantic_type is not None and semantic_type not in SEMANTIC_TYPES:
        raise SourceError("catalog.semantic_type", value=semantic_type, allowed=", ".join(SEMANTIC_TYPES))
    if sensitivity is not None and sensitivity not in SENSITIVITIES:
        raise SourceError("catalog.sensitivity", value=sensitivity, allowed=", ".join(SENSITIVITIES))
    known = {(c.table, c.column) for c in columns_of(engine, source, table)}
    if (table, column) not in known:
        raise SourceError("catalog.column", source=source, table=table, column=column)
    key = and_(overrides.c.source == source, overrides.c.table_name == table, overrides.c.column_name == column)
    with engine.begin() as db:
        previous = db.execute(select(overrides).where(key)).mappings().first()
        db.execute(delete(overrides).where(key))
        db.execute(insert(overrides).values(
            source=source, table_name=table, column_name=column,
            semantic_type=semantic_type or (previous["semantic_type"] if previous else None),
            sensitivity=sensitivity or (previous["sensitivity"] if previous else None),
            set_by=user, set_at=dt.datetime.now(dt.UTC)))
        values = {"labelled_by": "user", "confidence": 1.0, "evidence": f"set by {user}"}
        if semantic_type:
            values["semantic_type"] = semantic_type
        if sensitivity:
            values["sensitivity"] = sensitivity
        db.execute(catalog_columns.update().where(and_(
            catalog_columns.c.source == source, catalog_columns.c.table_name == table,
            catalog_columns.c.column_name == column)).values(**values))


@dataclass(frozen=True)
class DerivedColumn:
    name: str
    data_type: str
    semantic_type: str | None
    sensitivity: str


def publish_derived(engine: Engine | Connection, source: str, tables: dict[str, tuple[list[str], list[DerivedColumn]]],
                    rows: dict[str, int]) -> None:
    """Catalogue tables ukimet derived itself (the analytics mart), with the meaning of each column declared
    rather than guessed, so that the gateway governs them like any agency table. ``tables``: name -> (primary
    key, columns). ``engine`` may be a connection whose transaction the writes join (a migration's)."""
    now = dt.datetime.now(dt.UTC)
    with writing(engine) as db:
        for table_ in (catalog_columns, catalog_tables):
            db.execute(delete(table_).where(table_.c.source == source))
        for name, (key, columns) in tables.items():
            db.execute(insert(catalog_tables).values(source=source, table_name=name, row_count=rows.get(name),
                                                     primary_key=key, updated_column=None, introspected_at=now))
            db.execute(insert(catalog_columns), [
                {"source": source, "table_name": name, "column_name": c.name, "position": i,
                 "data_type": c.data_type, "nullable": 1, "semantic_type": c.semantic_type, "confidence": 1.0,
                 "sensitivity": c.sensitivity, "labelled_by": "ukimet", "evidence": "derived by ukimet"}
                for i, c in enumerate(columns)])
