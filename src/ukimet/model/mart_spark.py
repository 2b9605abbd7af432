"""The mart built on Spark: the store's tables it reads go to Spark as Parquet files, the mart's tables come back
the same way, and nothing passes through the driver's memory. The exchange folder is private to the run (mode
0700, inside the store's temporary folder) and removed when the run ends; on a cluster it must be a folder every
executor sees (a shared file system), set with ``exchange``.

    with exchange(con, db, ["gbdfl.fl_persons", "link.entities"]) as move:
        ...  # SQL on db (SparkBackend): reads the views gbdfl_fl_persons, link_entities
        move.back("mart.persons")
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from ukimet.sync.store import ident, literal

if TYPE_CHECKING:
    from ukimet.link.backend import SparkBackend

DATE_FORMATS = ("%d.%m.%Y", "%d/%m/%Y", "%Y%m%d", "%d-%m-%Y")
"""The formats ``ukimet_date`` tries after ISO dates and timestamps, in its order (``mart.DATE_MACRO``)."""


def register_dates(db: SparkBackend) -> None:
    """``ukimet_date`` for Spark, which has no ``try_strptime``: a date, a timestamp, an ISO date (with or without
    a time of day) or one of ``DATE_FORMATS``, else NULL. Defined here so that Spark's workers receive it by value
    and need no ukimet installed."""
    from pyspark.sql.types import DateType

    formats = DATE_FORMATS

    def ukimet_date(value: object) -> dt.date | None:
        import datetime
        import re

        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        iso = re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"
                           r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?", text)
        if iso:
            try:
                return datetime.date(int(iso.group(1)), int(iso.group(3)), int(iso.group(4)))
            except ValueError:
                return None
        for form in formats:
            try:
                return datetime.datetime.strptime(text, form).date()
            except ValueError:
                continue
        return None

    db.spark.udf.register("ukimet_date", ukimet_date, DateType())


def view(table: str) -> str:
    """Spark's view of the store's ``schema.name`` (``schema_name``, quoted: Spark takes no other letters than
    Latin ones in a bare name)."""
    return "`" + table.replace(".", "_").replace("`", "``") + "`"


@dataclass
class Exchange:
    con: duckdb.DuckDBPyConnection
    db: SparkBackend
    folder: Path

    def send(self, table: str, rowid: bool) -> None:
        """The store's ``table`` (``schema.name``) as Spark's view ``schema_name``; with ``rowid``, the lake's row
        number too (a table without a key names its rows by it)."""
        schema, _, name = table.partition(".")
        target = self.folder / "in" / table
        target.mkdir(parents=True)
        extra = "rowid AS rowid, " if rowid else ""
        self.con.execute(f"COPY (SELECT {extra}* FROM {ident(schema)}.{ident(name)}) TO "
                         f"{literal(str(target / 'part.parquet'))} (FORMAT parquet)")
        frame = self.db.spark.read.parquet(str(target))
        frame.createOrReplaceTempView(view(table))

    def back(self, table: str) -> None:
        """Spark's ``schema_name`` as the store's table ``schema.name``, replacing it (in the caller's
        transaction)."""
        schema, _, name = table.partition(".")
        target = self.folder / "out" / table
        self.db.spark.table(view(table)).write.parquet(str(target))
        self.con.execute(f"CREATE OR REPLACE TABLE {ident(schema)}.{ident(name)} AS SELECT * FROM "
                         f"read_parquet({literal(str(target / '*.parquet'))})")


@contextlib.contextmanager
def exchange(con: duckdb.DuckDBPyConnection, db: SparkBackend, folder: Path | None = None) -> Iterator[Exchange]:
    """A private exchange folder between the store ``con`` and Spark, removed at the end."""
    parent = folder
    if parent is None:
        setting = con.execute("SELECT current_setting('temp_directory')").fetchone()
        parent = Path(str(setting[0])) if setting and setting[0] else None
    if parent is not None:
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    private = Path(tempfile.mkdtemp(prefix="mart-spark-", dir=parent))  # mode 0700
    try:
        yield Exchange(con, db, private)
    finally:
        shutil.rmtree(private, ignore_errors=True)
