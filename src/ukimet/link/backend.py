"""Where linkage SQL runs. The engine writes its SQL once, in DuckDB's dialect; DuckDB runs it as written, Spark
runs it translated by sqlglot. Tables named ``link.x`` are kept (in the store's ``link`` schema, or as Spark's
``link_x``); unqualified names are scratch tables of one run."""

from __future__ import annotations

import functools
import os
import sys
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from ukimet.core.errors import LinkError
from ukimet.sync.store import TABLES, query_arrow

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

Row = tuple[Any, ...]


class Backend(ABC):
    """The few operations linkage needs from an SQL engine."""

    name: str

    @abstractmethod
    def create(self, table: str, select: str) -> None:
        """Materialise ``select`` (DuckDB dialect) as ``table``, replacing it."""

    @abstractmethod
    def fetch(self, sql: str) -> list[Row]:
        """Rows of a query (DuckDB dialect)."""

    @abstractmethod
    def put(self, table: str, data: pa.Table) -> None:
        """Store an Arrow table as ``table``."""

    @abstractmethod
    def arrow(self, sql: str) -> pa.Table:
        """A query's result as Arrow (to bring results back into the store)."""

    @abstractmethod
    def columns(self, table: str) -> list[str]:
        """The column names of a table."""

    @abstractmethod
    def tables(self) -> list[str]:
        """The kept tables (link.x)."""

    def count(self, table: str) -> int:
        rows = self.fetch(f"SELECT count(*) FROM {table}")
        return int(rows[0][0]) if rows else 0


class DuckDBBackend(Backend):
    name = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        con.execute("CREATE SCHEMA IF NOT EXISTS link")

    def create(self, table: str, select: str) -> None:
        kind = "TABLE" if "." in table else "TEMP TABLE"
        self.con.execute(f"CREATE OR REPLACE {kind} {table} AS {select}")

    def fetch(self, sql: str) -> list[Row]:
        return self.con.execute(sql).fetchall()

    def columns(self, table: str) -> list[str]:
        return [str(r[0]) for r in self.con.execute(f"DESCRIBE {table}").fetchall()]

    def tables(self) -> list[str]:
        return [f"link.{r[0]}" for r in self.con.execute(
            f"SELECT table_name FROM {TABLES} WHERE table_schema = 'link'").fetchall()]

    def put(self, table: str, data: pa.Table) -> None:
        self.con.register("_put", data)
        try:
            self.create(table, "SELECT * FROM _put")
        finally:
            self.con.unregister("_put")

    def arrow(self, sql: str) -> pa.Table:
        return query_arrow(self.con, sql)


class SparkBackend(Backend):
    """Spark SQL, local or on a cluster: tables are cached temporary views."""

    name = "spark"

    def __init__(self, spark: SparkSession) -> None:
        from pyspark.sql.types import DoubleType

        self.spark = spark

        def jaro_winkler(a: str | None, b: str | None) -> float | None:
            """DuckDB's jaro_winkler_similarity (both are rapidfuzz's algorithm), for Spark, which has none.
            Defined here so that Spark's workers receive it by value and need no ukimet installed."""
            from rapidfuzz.distance import JaroWinkler

            if a is None or b is None:
                return None
            return float(JaroWinkler.similarity(a, b))

        for name in ("jaro_winkler_similarity", "jarowinkler_similarity"):  # sqlglot writes the latter
            spark.udf.register(name, jaro_winkler, DoubleType())

    @staticmethod
    @functools.cache
    def translate(sql: str) -> str:
        """DuckDB SQL -> Spark SQL; ``link.x`` -> the view ``link_x``."""
        import sqlglot
        from sqlglot import exp

        tree = sqlglot.parse_one(sql, read="duckdb")
        for table in tree.find_all(exp.Table):
            if table.args.get("db") is not None:
                table.set("this", exp.to_identifier(f"{table.db}_{table.name}"))
                table.set("db", None)
        return tree.sql(dialect="spark")

    def create(self, table: str, select: str) -> None:
        frame = self.spark.sql(self.translate(select))
        view = table.replace(".", "_")
        old = self.spark.catalog.tableExists(view) and self.spark.table(view)
        frame = frame.localCheckpoint()  # materialise now: later steps must not recompute (or re-sample) it
        frame.createOrReplaceTempView(view)
        if old is not False:
            old.unpersist()

    def fetch(self, sql: str) -> list[Row]:
        return [tuple(r) for r in self.spark.sql(self.translate(sql)).collect()]

    def columns(self, table: str) -> list[str]:
        return list(self.spark.table(table.replace(".", "_")).columns)

    def tables(self) -> list[str]:
        return [f"link.{t.name[5:]}" for t in self.spark.catalog.listTables() if t.name.startswith("link_")]

    def put(self, table: str, data: pa.Table) -> None:
        frame = self.spark.createDataFrame(data).localCheckpoint()
        frame.createOrReplaceTempView(table.replace(".", "_"))

    def arrow(self, sql: str) -> pa.Table:
        return self.spark.sql(self.translate(sql)).toArrow()


def local_spark(cores: int = 2, memory: str = "2g") -> SparkSession:
    """A Spark session in local mode: no cluster, no web UI, nothing fetched from the network."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise LinkError("link.no_spark") from error
    # Spark's Python workers must be this interpreter (with this environment's packages), not the first python3
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (SparkSession.builder.master(f"local[{cores}]").appName("ukimet-link")
            .config("spark.ui.enabled", "false").config("spark.pyspark.python", sys.executable)
            .config("spark.pyspark.driver.python", sys.executable).config("spark.driver.memory", memory)
            .config("spark.sql.shuffle.partitions", str(cores * 2))
            .config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate())
