"""The metadata store's schema is versioned with Alembic (the SQLAlchemy project's migration tool): every change to
core.metadata's tables is a revision in core/migrations/versions, and opening a store brings it to the newest
revision in one transaction. A store made before migrations existed (it has the tables and no ``alembic_version``)
is stamped with the first revision, whose schema it has, and upgraded from there.

An upgrade never rewrites audit entries: the log's tables are append-only and each entry keeps the hash format it
was written in (gateway.audit). Before changing a SQLite store, a consistent copy is kept in home/backups; on
PostgreSQL the upgrade is one transaction (its DDL is transactional), so a failed upgrade leaves the old schema.

Revision 0004 moves citizen data an earlier release kept here (case evidence, SMS texts and phones, findings'
values) into the integrated store before it drops their columns, and 0005 replaces citizen accounts' IINs by the
audit log's keyed hash; both need the home's settings for that, which ``upgrade`` hands over, and refuse without
them. A store that crossed them is vacuumed afterwards, so that no freed page of the file keeps the old values.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from ukimet.core.errors import StoreError, UkimetError
from ukimet.core.files import make_private

if TYPE_CHECKING:
    from alembic.config import Config

    from ukimet.core.settings import Settings

SCRIPTS = Path(__file__).parent / "migrations"
HEAD = "0015"
"""The newest revision; tests check it is the scripts' head (so that opening an up-to-date store reads one row)."""
FIRST = "0001"
"""The schema of the release before migrations: what a store with tables and no version has."""
CITIZEN_DATA_OUT = "0005"
"""The last revision that moves citizen data out of the store (0004 values and SMS, 0005 citizen accounts' IINs):
a store that crosses it is vacuumed."""


@dataclass(frozen=True)
class Upgrade:
    """What opening a store did to its schema."""

    before: str | None
    """the revision found (None: a new store)"""
    after: str
    backup: Path | None
    """the copy kept of a SQLite store before it was changed"""


def _config(connection: Connection, settings: Settings | None = None) -> Config:
    from alembic.config import Config  # alembic is imported only to change a schema: opening one reads one row

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = connection
    config.attributes["settings"] = settings  # the home, for the revisions that move data out
    return config


def scripts_head() -> str:
    """The head revision of the scripts themselves (slow: it reads every revision)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(SCRIPTS)).get_current_head()
    if head is None:
        raise StoreError("migrate.no_revision", scripts=str(SCRIPTS))
    return head


def current(engine: Engine) -> str | None:
    """The store's revision; FIRST for a store made before migrations; None for an empty one."""
    with engine.connect() as con:
        return _revision(con)[0]


def _revision(con: Connection) -> tuple[str | None, bool]:
    """The store's revision and whether it is recorded (a store made before migrations records none)."""
    tables = inspect(con)
    if tables.has_table("alembic_version"):
        found = con.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if found is not None:
            return str(found), True
    return (FIRST if tables.has_table("audit_entries") else None), False


def upgrade(engine: Engine, backups: Path | None = None, settings: Settings | None = None) -> Upgrade:
    """Bring the store to HEAD. ``backups``: the folder for a copy of a SQLite store made before it changes;
    ``settings``: the home, whose store and keys citizen data of an earlier release is moved with
    (0004, 0005)."""
    with engine.connect() as con:
        before, recorded = _revision(con)
    if before == HEAD and recorded:
        return Upgrade(before, HEAD, None)
    copy = _backup(engine, before, backups) if before is not None and backups is not None else None
    from alembic import command

    try:
        with engine.begin() as con:
            config = _config(con, settings)
            if before is not None and not recorded:
                command.stamp(config, before)
            command.upgrade(config, "head")
    except UkimetError:
        raise  # a refusal of ukimet's own (the store cannot be read yet, say) names its fix itself
    except Exception as error:
        kept = f"; the copy made before it is {copy}" if copy else ""
        raise StoreError("migrate.failed", before=before, head=HEAD, detail=f"{error}{kept}") from error
    if before is not None and before < CITIZEN_DATA_OUT:
        _vacuum(engine)
    return Upgrade(before, HEAD, copy)


def _vacuum(engine: Engine) -> None:
    """Rewrite the tables whose dropped columns held citizen data, so that no page keeps a value: SQLite's whole
    file (and its write-ahead log, truncated), PostgreSQL's three tables."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as con:
        if engine.dialect.name == "sqlite":
            con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            con.exec_driver_sql("VACUUM")
            con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        elif engine.dialect.name == "postgresql":
            con.exec_driver_sql("VACUUM FULL cases, outbox, findings")


def _backup(engine: Engine, revision: str, folder: Path) -> Path | None:
    """A consistent copy of a SQLite store (sqlite3's online backup), private like the home."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    folder.mkdir(parents=True, exist_ok=True)
    make_private(folder)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"metadata-{revision}-{stamp}.sqlite"
    with sqlite3.connect(database) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    target.chmod(0o600)
    return target
