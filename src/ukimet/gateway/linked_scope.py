"""Row filters through linkage: where an agency table carries no column of a role's row filter (a clinic's patients,
a tax declaration: no region), its rows are placed by the persons linkage found in them. A row is in a regional
analyst's scope when a person it names lives in the analyst's region, as the mart knows it (``mart.persons``);
the same rule a table with region columns follows (any of its region columns in the region).

    scope = linked_scope(con, metadata, catalog)     # by the gateway, once per version of the store's tables
    condition = scope.condition(("health", "patients"), "region", "75")   # None: the table is not linked

The condition reads the linkage's lookup of records (``lookup.entity_records``, or the link tables of a store
linked before it) and the mart's persons inside the table's secure view, where the user's query cannot see or
name them. A table whose rows cannot be named one by one (no key), or that linkage found no person in, has no
condition: the gateway refuses it to a filtered role as before, rather than answer from no rows."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import sqlglot
from sqlalchemy import Engine
from sqlglot import exp

from ukimet.connect.catalog import table_keys
from ukimet.gateway.guard import Catalog
from ukimet.gateway.policy import ROW_FILTERS
from ukimet.link.records import record_key_sql
from ukimet.sync.store import ident, literal

PERSONS = ("mart", "persons")
"""the table that places each linked person (its person_id is the linkage's entity)"""
_LOOKUP = "lookup.entity_records"
_LINK = ("(SELECT e.entity_id, r.source, r.source_table, r.record_key FROM link.person_records r "
         "JOIN link.entities e USING (record_id))")


@dataclass(frozen=True)
class LinkedScope:
    tables: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)
    """(schema, table) as the catalogue names them, lower case -> the source and table as linkage recorded them
    and the table's key columns, for each table whose records linkage placed on persons"""
    attributes: dict[str, str] = field(default_factory=dict)
    """row-filter type (region) -> the column of ``mart.persons`` that holds it"""
    records: str = _LOOKUP
    """the relation of (entity_id, source, source_table, record_key) the condition reads"""

    def condition(self, table: tuple[str, str], kind: str, value: str) -> exp.Expr | None:
        """The rows of ``table`` that name a person whose ``kind`` starts with ``value`` (the same prefix match a
        region column is filtered by), or None when the table's rows cannot be placed so."""
        linked, column = self.tables.get(table), self.attributes.get(kind)
        if linked is None or column is None:
            return None
        source, name, key = linked
        sql = (f"{record_key_sql(list(key))} IN (SELECT r.record_key FROM {self.records} r "
               f"JOIN {PERSONS[0]}.{PERSONS[1]} p ON p.person_id = r.entity_id "
               f"WHERE r.source = {literal(source)} AND r.source_table = {literal(name)} "
               f"AND CAST(p.{ident(column)} AS VARCHAR) LIKE {literal(value + '%')})")
        return sqlglot.parse_one(sql, read="duckdb")


def linked_scope(con: duckdb.DuckDBPyConnection, metadata: Engine, catalog: Catalog) -> LinkedScope:
    """What the store at ``con`` can place through linkage: nothing before a linkage and a mart."""
    persons = catalog.get(PERSONS, {})
    if "person_id" not in persons:
        return LinkedScope()
    attributes: dict[str, str] = {}
    for column, info in persons.items():
        if info.semantic_type in ROW_FILTERS:
            attributes.setdefault(info.semantic_type, column)
    schemas = {str(s) for (s,) in con.execute(
        "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND (table_schema, table_name) IN (('lookup', 'entity_records'), ('link', 'person_records'), "
        "('link', 'entities'))").fetchall()}
    records = _LOOKUP if "lookup" in schemas else _LINK if "link" in schemas else None
    if records is None:
        return LinkedScope()
    tables: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}
    keys: dict[str, dict[str, list[str]]] = {}
    for source, table in con.execute(f"SELECT DISTINCT source, source_table FROM {records} ORDER BY 1, 2").fetchall():
        key = keys.setdefault(str(source), table_keys(metadata, str(source))).get(str(table))
        if key and (str(source).lower(), str(table).lower()) in catalog:
            tables[(str(source).lower(), str(table).lower())] = (str(source), str(table), tuple(key))
    return LinkedScope(tables, attributes, records)
