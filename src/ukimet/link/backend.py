"""Where linkage SQL runs. The engine writes its SQL once, in DuckDB's dialect; DuckDB runs it as written, Spark
runs it translated by sqlglot. Tables named ``link.x`` are kept (in the store's ``link`` schema, or as Spark's
``link_x``); unqualified names are scratch tables of one run."""

from __future__ import annotations

import functools
import os
import re
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
import pyarrow as pa

from ukimet.core.errors import LinkError
from ukimet.sync.store import (
    SCRATCH_FROM_RECORDS,
    SCRATCH_SCHEMA,
    TABLES,
    clear_scratch,
    query_arrow,
    rebuild,
    use_scratch,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

Row = tuple[Any, ...]
GroupFunction = Callable[[pa.Table], pa.Table]
BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
GROUP_ROWS = 100_000
"""DuckDB hands ``grouped``'s function whole groups, several at a time up to about this many rows."""


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

    @abstractmethod
    def grouped(self, out: str, select: str, key: str, fn: GroupFunction, schema: pa.Schema) -> None:
        """``out`` (``schema``): ``fn`` applied to the rows of ``select``, always to whole groups of equal ``key``
        (one group or several per call), the results stacked. Work that SQL cannot say, done where the data
        is: in Spark's executors, or on DuckDB streamed group by group (never all rows at once)."""

    @abstractmethod
    def drop(self, *tables: str) -> None:
        """Let go of working tables once they are no longer needed (those that are not there are skipped): their
        memory, or their spill files, serve the next steps instead of growing with every step."""

    def count(self, table: str) -> int:
        rows = self.fetch(f"SELECT count(*) FROM {table}")
        return int(rows[0][0]) if rows else 0

    def rebuild(self, table: str, select: str) -> None:
        """``create`` where ``select`` reads ``table`` itself."""
        self.create(table, select)

    @abstractmethod
    def finish(self) -> None:
        """Let go of every working table that is left (the run's results are kept)."""


class DuckDBBackend(Backend):
    """Kept tables in the store's ``link`` schema. Scratch tables of a run that publishes in one transaction (a
    linkage, the mart) in the scratch schema (``SCRATCH_SCHEMA``, which unqualified names find), as compressed
    Parquet that is deleted the moment a table is dropped, even within the transaction; with ``temporary`` (a
    small computation outside any transaction, which must not publish a snapshot per table: ``link-explain``)
    as temporary tables."""

    name = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection, temporary: bool = False) -> None:
        self.con = con
        self.temporary = temporary
        con.execute("CREATE SCHEMA IF NOT EXISTS link")
        if not temporary:
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCRATCH_SCHEMA}")
            use_scratch(con)

    @classmethod
    def working(cls, con: duckdb.DuckDBPyConnection, records: int) -> DuckDBBackend:
        """The backend of a run over ``records`` person records: scratch tables in the lake from
        ``SCRATCH_FROM_RECORDS`` on, temporary tables below."""
        return cls(con, temporary=records < SCRATCH_FROM_RECORDS)

    def _where(self, table: str) -> tuple[str, str]:
        schema, _, name = table.rpartition(".")
        return schema or ("temp" if self.temporary else SCRATCH_SCHEMA), name

    def create(self, table: str, select: str) -> None:
        schema, name = self._where(table)
        if schema == "temp":
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {select}")
        elif re.search(rf"\b{re.escape(name)}\b", select):  # reads itself: the lake must build it beside
            rebuild(self.con, schema, name, select)
        else:
            self.con.execute(f"CREATE OR REPLACE TABLE {schema}.{name} AS {select}")

    def finish(self) -> None:
        if not self.temporary:
            clear_scratch(self.con)

    def fetch(self, sql: str) -> list[Row]:
        return self.con.execute(sql).fetchall()

    def drop(self, *tables: str) -> None:
        for table in tables:
            schema, name = self._where(table)
            self.con.execute(f"DROP TABLE IF EXISTS {schema}.{name}")

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

    def grouped(self, out: str, select: str, key: str, fn: GroupFunction, schema: pa.Schema) -> None:
        reader = self.con.execute(f"SELECT * FROM ({select}) grouped ORDER BY {key}").to_arrow_reader(GROUP_ROWS)
        results: list[pa.Table] = []
        pending: list[pa.Table] = []
        rows = 0
        for batch in reader:
            if not batch.num_rows:
                continue
            keys = batch.column(key).to_numpy(zero_copy_only=False)
            ends = [*(np.flatnonzero(keys[1:] != keys[:-1]) + 1).tolist(), batch.num_rows]
            start = 0
            for end in ends:  # a group may go on into the next batch: only a group's start may flush
                if start > 0 and rows >= GROUP_ROWS:
                    results.append(fn(pa.concat_tables(pending)))
                    pending, rows = [], 0
                pending.append(pa.Table.from_batches([batch.slice(start, end - start)]))
                rows += end - start
                start = end
        if pending:
            results.append(fn(pa.concat_tables(pending)))
        self.put(out, pa.concat_tables(results) if results else schema.empty_table())


class SparkBackend(Backend):
    """Spark SQL, local or on a cluster: tables are cached temporary views."""

    name = "spark"

    def __init__(self, spark: SparkSession) -> None:
        from pyspark.sql.types import DoubleType

        self.spark = spark
        # Spark 4 keeps a checkpointed table's constraints and fails to rewrite them when one query unites rows of
        # the same table read several times (connected components do: "key not found: node#..."); inferring
        # constraints only adds filters, so without it results are the same
        spark.conf.set("spark.sql.constraintPropagation.enabled", "false")

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
                name = f"{table.db}_{table.name}"  # quoted unless Spark takes it bare (ASCII letters, digits, _)
                table.set("this", exp.to_identifier(name, quoted=BARE.fullmatch(name) is None))
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

    def drop(self, *tables: str) -> None:
        for table in tables:
            view = table.replace(".", "_")
            if self.spark.catalog.tableExists(view):
                self.spark.table(view).unpersist()
                self.spark.catalog.dropTempView(view)

    def columns(self, table: str) -> list[str]:
        return list(self.spark.table(table.replace(".", "_")).columns)

    def tables(self) -> list[str]:
        return [f"link.{t.name[5:]}" for t in self.spark.catalog.listTables() if t.name.startswith("link_")]

    def finish(self) -> None:
        """Nothing to do: the working views are cached in the session and end with it."""

    def put(self, table: str, data: pa.Table) -> None:
        frame = self.spark.createDataFrame(data).localCheckpoint()
        frame.createOrReplaceTempView(table.replace(".", "_"))

    def arrow(self, sql: str) -> pa.Table:
        return self.spark.sql(self.translate(sql)).toArrow()

    def grouped(self, out: str, select: str, key: str, fn: GroupFunction, schema: pa.Schema) -> None:
        """In the executors, a group per call; ``fn``'s module travels to them by value (so it must import
        nothing but pyarrow and the standard library: the workers need no ukimet)."""
        from pyspark import cloudpickle
        from pyspark.sql.pandas.types import from_arrow_schema

        module = sys.modules[fn.__module__]
        cloudpickle.register_pickle_by_value(module)  # type: ignore[no-untyped-call]
        groups = self.spark.sql(self.translate(select)).groupBy(key)
        if hasattr(groups, "applyInArrow"):  # Spark 4
            frame = groups.applyInArrow(fn, schema=from_arrow_schema(schema))
        else:  # Spark 3.5: through pandas
            frame = groups.applyInPandas(
                lambda rows: fn(pa.Table.from_pandas(rows, preserve_index=False)).to_pandas(),
                schema=from_arrow_schema(schema))
        frame.localCheckpoint().createOrReplaceTempView(out.replace(".", "_"))


def spark_session(master: str = "") -> SparkSession:
    """The Spark session ``--engine spark`` runs on: ``local_spark`` for an empty ``master`` (the setting
    ``spark_master``), else the cluster's (the rest of its configuration from Spark's spark-defaults.conf)."""
    if not master or master.startswith("local"):
        cores = master[6:-1] if master.startswith("local[") else "1" if master == "local" else ""
        return local_spark(int(cores) if cores.isdigit() else os.cpu_count() or 2)
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise LinkError("link.no_spark") from error
    return SparkSession.builder.master(master).appName("ukimet").getOrCreate()


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
