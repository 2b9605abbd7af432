"""Lookup tables for serving one person at a time: the gateway's person view finds a person's entity by IIN,
the entity's records and its golden record, each a point lookup. On the link tables themselves each lookup is a
scan and a join of every record (about 11 ms for the entity and records and 6 ms for the golden record at 5,000
persons, and growing with the country); here each table is sorted by what it is looked up by and written in
small row groups, so that a lookup reads only the row group whose minimum and maximum hold the key (under 1 ms,
and about the same at any size).

    prepare_schemas(con)   # sync.store, outside a transaction: the schema and its row-group size (a store made
                           # before the lookup tables; a new store is made with them)
    build_lookup(con)      # after every linkage, inside its transaction

Tables (schema ``lookup``): ``person_entities`` (iin, entity_id) for valid IINs; ``entity_records``
(entity_id, source, source_table, party, record_key); ``golden``, a copy of ``link.golden`` sorted by entity."""

from __future__ import annotations

import duckdb

from ukimet.sync.store import LOOKUP_SCHEMA

SCHEMA = LOOKUP_SCHEMA
TABLES = ("person_entities", "entity_records", "golden")


def build_lookup(con: duckdb.DuckDBPyConnection) -> None:
    """The lookup tables from the last linkage (``link.person_records``, ``link.entities``, ``link.golden``)."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    tables = {
        "person_entities": "SELECT DISTINCT r.iin, e.entity_id FROM link.person_records r JOIN link.entities e "
                           "USING (record_id) WHERE r.iin_valid ORDER BY 1, 2",
        "entity_records": "SELECT e.entity_id, r.source, r.source_table, r.party, r.record_key "
                          "FROM link.person_records r JOIN link.entities e USING (record_id) ORDER BY 1, 2, 3, 4, 5",
        "golden": "SELECT * FROM link.golden ORDER BY entity_id, attribute",
    }
    for table, select in tables.items():
        con.execute(f"CREATE OR REPLACE TABLE {SCHEMA}.{table} AS {select}")
