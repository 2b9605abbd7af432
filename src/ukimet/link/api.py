"""The Python API of linkage: one call links the person records in the store, on DuckDB or on Spark.

    from ukimet.link import link_store
    stats = link_store(Settings())                 # extract, link, results in the store's link schema
    stats = link_store(Settings(), engine="spark")  # the same SQL on Spark (local mode unless a session is given)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Literal

import duckdb

from ukimet.core.errors import LinkError
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.link import lookup
from ukimet.link.backend import Backend, DuckDBBackend, SparkBackend, local_spark, spark_session
from ukimet.link.companies import build_companies
from ukimet.link.engine import link, link_new
from ukimet.link.families import families, households, relations
from ukimet.link.golden import build_golden
from ukimet.link.model import THRESHOLD, Model
from ukimet.link.records import extract
from ukimet.link.review import decisions
from ukimet.sync.store import open_store, prepare_schemas, publishing

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

Engine = Literal["duckdb", "spark"]
RESULTS = ("link.profiles", "link.record_profiles", "link.pair_scores", "link.entities", "link.identities",
           "link.model", "link.tf_surname", "link.tf_first", "link.suspicious")
"""The tables a run leaves in the store, whichever engine computed them."""


def link_records(con: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD, engine: Engine = "duckdb",
                 model: Model | None = None, spark: SparkSession | None = None,
                 incremental: bool = False, entities_only: bool = False) -> dict[str, float]:
    """Link ``link.person_records`` (already extracted into the store ``con``); results land in the store. With
    ``incremental``, only records new since the last run are linked, with the stored model (DuckDB).
    ``entities_only``: the entities and nothing built on them (relations, families, households, golden records:
    linking files for a clusters CSV reads the entities alone)."""
    records = con.execute("SELECT count(*) FROM link.person_records").fetchone()
    store = DuckDBBackend.working(con, int(records[0]) if records else 0)
    if engine not in ("duckdb", "spark"):
        raise LinkError("link.engine", engine=engine)
    started = time.perf_counter()
    db: Backend = store
    if incremental:
        stats = link_new(store, threshold, decisions(store))
    elif engine == "duckdb":
        stats = link(store, threshold, model, decisions(store))
    else:  # linkage, relations, families and households in Spark; the results come back to the store
        db = SparkBackend(spark or local_spark())
        db.put("link.person_records", store.arrow("SELECT * FROM link.person_records"))
        stats = link(db, threshold, model, decisions(store))
    if not entities_only:
        relations(db)
        stats["families"] = families(db)
        stats["households"] = households(db)
    if db is not store:
        built = () if entities_only else ("link.relations", "link.families", "link.households")
        for table in (*RESULTS, *built):
            store.put(table, db.arrow(f"SELECT * FROM {table}"))
    stats["link_seconds"] = time.perf_counter() - started
    if not entities_only:
        build_golden(con)
    store.finish()
    return stats


Progress = Callable[[str], AbstractContextManager[object]]
"""Shows a step while it runs (the command line passes rich's ``Console.status``); quiet by default."""


def link_store(config: Settings | None = None, sources: list[str] | None = None, threshold: float = THRESHOLD,
               engine: Engine = "duckdb", model: Model | None = None, incremental: bool = False,
               progress: Progress = lambda _: nullcontext()) -> dict[str, float]:
    """Find every person record in the synced sources and link them into entities (``link.entities``), in one
    snapshot: servers read the previous linkage, whole, until this one is complete."""
    config = config or Settings()
    con = open_store(config.resolved_store_path(), memory_limit=config.work_memory_limit)
    try:
        metadata = connect_metadata(config)
        prepare_schemas(con)
        with publishing(con, "ukimet link" + (" --new" if incremental else "")):
            started = time.perf_counter()
            with progress("finding person records in the store ..."):
                records = extract(con, metadata, sources)
            extract_seconds = time.perf_counter() - started
            with progress(f"blocking, comparing, estimating weights, clustering on {engine} ..."):
                session = spark_session(config.spark_master) if engine == "spark" and not incremental else None
                stats = link_records(con, threshold, engine, model, session, incremental=incremental)
            with progress("linking companies by BIN, name and address ..."):
                stats["companies"] = build_companies(con, metadata)
            with progress("writing the person lookup tables ..."):
                lookup.build_lookup(con)
    finally:
        con.close()
    return {"records": records, "extract_seconds": extract_seconds, **stats,
            "seconds": time.perf_counter() - started}
