"""The same linkage and mart SQL on Spark (local mode) gives exactly the DuckDB result: the same candidate pairs
with the same weights, the same model, the same entities, the same relations, families and households made from
them, and the same mart."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import synced_country
from tests.test_link_cluster import THRESHOLD, random_graph, reference
from tests.test_link_families import draw
from tests.test_link_families import reference as families_reference
from ukimet.link.api import link_records
from ukimet.link.backend import DuckDBBackend, SparkBackend, local_spark
from ukimet.link.engine import cluster
from ukimet.link.families import families
from ukimet.link.records import extract
from ukimet.synth import SynthConfig

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'ukimet[spark]')")


def _java() -> bool:
    java = shutil.which("java")
    return java is not None and subprocess.run([java, "-version"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not _java(), reason="Spark needs a Java runtime (apt-get install default-jre)")

HARD = {"mistyped_iin": 0.3, "latin_2021": 0.25, "passport_latin": 0.25, "swapped_name_order": 0.2}
IDENTITY = "concat_ws('/', r.source, r.source_table, r.party, r.record_key)"


def _results(con: Any) -> dict[str, Any]:
    return {
        "entities": dict(con.execute(f"SELECT {IDENTITY}, e.entity_id FROM link.person_records r "
                                     "JOIN link.entities e USING (record_id)").fetchall()),
        "pairs": con.execute("SELECT l_id, r_id, conflict, round(weight, 9) FROM link.pair_scores "
                             "ORDER BY l_id, r_id").fetchall(),
        "model": con.execute("SELECT field, level, round(m, 12), round(u, 12) FROM link.model "
                             "ORDER BY field, level").fetchall(),
        "relations": con.execute("SELECT * FROM link.relations ORDER BY ALL").fetchall(),
        "families": con.execute("SELECT entity_id, family_id, role FROM link.families ORDER BY ALL").fetchall(),
        "households": con.execute("SELECT * FROM link.households ORDER BY ALL").fetchall(),
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    country = synced_country(tmp_path_factory.mktemp("spark"),
                             SynthConfig(persons=600, seed=13, fault_overrides={"enbek": HARD}))
    con = country.store()
    extract(con, country.engine)
    yield con
    con.close()


def test_spark_and_duckdb_link_identically(store: Any) -> None:
    link_records(store, engine="duckdb")
    on_duckdb = _results(store)
    link_records(store, engine="spark")
    on_spark = _results(store)
    assert len(on_duckdb["pairs"]) > 1000 and len(set(on_duckdb["entities"].values())) > 300
    assert on_spark["model"] == on_duckdb["model"]
    assert on_spark["pairs"] == on_duckdb["pairs"]
    assert on_spark["entities"] == on_duckdb["entities"]
    # relations, families and households are made in Spark too, from Spark's entities
    assert len(on_duckdb["relations"]) > 500 and len(on_duckdb["households"]) > 300
    for made in ("relations", "families", "households"):
        assert on_spark[made] == on_duckdb[made], made


def test_clustering_in_spark_replays_conflicts_in_the_executors() -> None:
    """Components with conflicting IINs, decisions and existing entities, merged on Spark, as the driver-side
    strongest-first merge does (the graph is drawn by ``test_link_cluster``)."""
    import duckdb

    spark = SparkBackend(local_spark())
    decisions, known = random_graph(spark, 5, nodes=300)
    con = duckdb.connect()
    db = DuckDBBackend(con)
    for table in ("link.profiles", "link.pair_scores", "link.person_records", "link.record_profiles"):
        db.put(table, spark.arrow(f"SELECT * FROM {table}"))
    expected = reference(db, THRESHOLD, decisions, known)
    assert cluster(spark, THRESHOLD, decisions, known) == len({e for _, e, _ in expected})
    assert spark.count("cluster_conflicts") > 0
    assert [tuple(r) for r in spark.fetch("SELECT record_id, entity_id, known FROM link.profile_entities "
                                          "ORDER BY record_id")] == expected
    con.close()


def test_families_on_spark_are_the_families_on_duckdb() -> None:
    import duckdb

    con = duckdb.connect()
    draw(con, 3, people=200)
    count, expected = families_reference(con)
    spark = SparkBackend(local_spark())
    for table in ("link.entities", "link.relations"):
        spark.put(table, DuckDBBackend(con).arrow(f"SELECT * FROM {table}"))
    assert families(spark) == count
    assert spark.fetch("SELECT entity_id, family_id, role FROM link.families ORDER BY entity_id") == expected
    con.close()


def _mart(con: Any) -> dict[str, Any]:
    from ukimet.model.mart import MADE

    return {table: (con.execute(f"SELECT column_name, column_type FROM (DESCRIBE mart.{table})").fetchall(),
                    con.execute(f"SELECT * FROM mart.{table} ORDER BY ALL").fetchall()) for table in MADE}


def test_the_mart_built_on_spark_is_the_mart_built_on_duckdb(tmp_path: Any) -> None:
    """Every mart table, its columns, types and rows, the same from either engine; Spark reads the store's tables
    from a private exchange folder that is gone afterwards."""
    import datetime as dt

    from ukimet.link.api import link_store
    from ukimet.model.mart import build_mart

    country = synced_country(tmp_path, SynthConfig(persons=500, seed=29))
    link_store(country.config)
    con = country.store()
    try:
        day = dt.date(2026, 1, 1)
        on_duckdb_rows = build_mart(con, country.engine, day)
        on_duckdb = _mart(con)
        on_spark_rows = build_mart(con, country.engine, day, engine="spark")
        on_spark = _mart(con)
        temp = con.execute("SELECT current_setting('temp_directory')").fetchone()[0]
    finally:
        con.close()
    assert on_duckdb_rows["families"] > 100 and on_duckdb_rows["payments"] > 500
    assert on_spark_rows == on_duckdb_rows
    for table, made in on_duckdb.items():
        assert on_spark[table] == made, table
    assert not list(Path(temp).glob("mart-spark-*"))


def test_the_spark_master_is_a_setting_checked_when_read() -> None:
    import pydantic

    from ukimet.core.settings import Settings
    from ukimet.link.backend import spark_session

    for master in ("", "local[2]", "spark://master.internal:7077", "yarn", "k8s://https://api.internal:6443"):
        assert Settings(spark_master=master).spark_master == master
    with pytest.raises(pydantic.ValidationError, match="spark_master"):
        Settings(spark_master="the big cluster")
    session = spark_session("local[2]")
    assert str(session.sparkContext.master).startswith("local")
