"""``ukimet source add|list|test|title|remove``, ``ukimet catalog`` and ``ukimet label``: register agency sources and
see (and correct) what ukimet understood of their columns."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.identity import operator_only
from ukimet.connect.kinds import KINDS, SERVER_KINDS

if TYPE_CHECKING:
    from sqlalchemy import Engine

out = Console()
source_app = typer.Typer(help="Register agency sources: PostgreSQL, MariaDB/MySQL, SQLite, CSV, Excel, Parquet.",
                         no_args_is_help=True)


def _engine() -> Engine:
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings

    return connect_metadata(Settings())


@source_app.command("add")
@operator_only
def add(
    name: str = typer.Argument(..., help="A short name: letters, digits and _ (e.g. gbdfl)."),
    kind: str = typer.Option(..., "--kind", help=f"One of: {', '.join(KINDS)}."),
    url: str = typer.Option(None, "--url", help="Server URL without password (postgresql://user@host:port/db)."),
    path: Path = typer.Option(None, "--path", help="File or folder of a SQLite, CSV, Excel or Parquet source."),
    schema: str = typer.Option(None, "--schema", help="PostgreSQL schema or MySQL database to read."),
    password_env: str = typer.Option(None, "--password-env", help="Environment variable that holds the password."),
    password_secret: str = typer.Option(None, "--password-secret", help="Key of the password in the secrets file."),
    encoding: str = typer.Option(None, "--encoding", help="CSV code page, when detection should be overruled."),
    delimiter: str = typer.Option(None, "--delimiter", help="CSV delimiter, when sniffing should be overruled."),
    title: list[str] = typer.Option(None, "--title", help='The source\'s name in a language, LANG=TEXT (kk, ru, '
                                    'en); repeat it for each: --title ru="Налоговые декларации".'),
) -> None:
    """Register a source, test it, and catalog its tables and columns."""
    from ukimet.connect.catalog import refresh_catalog
    from ukimet.connect.connectors import open_connector
    from ukimet.connect.sources import SourceSpec, add_source, remove_source
    from ukimet.core.errors import SourceError
    from ukimet.core.native_log import native_output_to
    from ukimet.core.settings import Settings

    location = url if kind in SERVER_KINDS else (str(path) if path else None)
    if not location:
        raise SourceError("source.location", name=name, kind=kind, option="--url" if kind in SERVER_KINDS else "--path")
    options = {k: v for k, v in (("encoding", encoding), ("delimiter", delimiter)) if v}
    spec = SourceSpec(name, kind, location, schema, options, password_env, password_secret,  # type: ignore[arg-type]
                      _titles(name, title or []))
    spec.validate()
    engine = _engine()
    config = Settings()
    connector = open_connector(spec, config)
    try:
        out.print(f"[green]connected[/]: {connector.test()}")
    except Exception as exc:
        raise _not_catalogued(name, exc) from exc
    add_source(engine, spec)
    log = config.home / "logs" / f"source-add-{name}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{os.getpid()}.log"
    try:  # all or nothing: a source whose tables cannot be catalogued is not left registered
        with native_output_to(log):  # what a native driver prints (a panic's backtrace) goes to the log
            tables = refresh_catalog(engine, spec, connector)
        failed = [t for t in tables if t.options.get("error")]
        if tables and len(failed) == len(tables):
            raise SourceError("source.unreadable_table", name=name, table=failed[0].name,
                              detail=failed[0].options["error"])
    except BaseException as exc:
        remove_source(engine, name)
        if isinstance(exc, Exception):
            raise _not_catalogued(name, exc) from exc
        raise
    out.print(f"source [bold]{name}[/] added: {len(tables)} tables, "
              f"{sum(t.row_count or 0 for t in tables):,} rows; see them with: ukimet catalog {name}")
    for table in tables:
        if table.options.get("error"):
            out.print(f"[yellow]warning[/]: {table.name} cannot be read; every sync reports it as failed until it "
                      f"can be (the other tables load): {table.options['error']}", highlight=False)
        if table.options.get("renamed"):
            out.print(f"[yellow]note[/]: {table.name} has columns without a name or with one name twice; renamed "
                      f"{table.options['renamed']}",
                      highlight=False)


def _titles(name: str, given: list[str]) -> dict[str, str]:
    """``LANG=TEXT`` options as language -> text; one without ``=`` is refused with the form it needs."""
    from ukimet.connect.sources import language_refused
    from ukimet.core.languages import parse_titles

    try:
        return parse_titles(given)
    except ValueError as wrong:
        raise language_refused(name, repr(str(wrong))) from None


@source_app.command("title")
@operator_only
def title_(
    name: str = typer.Argument(..., help="The source's short name."),
    titles: list[str] = typer.Argument(..., help='LANG=TEXT for each language (kk, ru, en); LANG= removes one.'),
    table: str = typer.Option(None, "--table", help="Name this catalogued table of the source instead of the "
                              'source itself, e.g. --table patients ru="Прикреплённое население".'),
) -> None:
    """Name a source, or one of its tables, in the readers' languages: pages show the name beside the code."""
    if table is not None:
        from ukimet.connect.table_titles import name_table

        given = name_table(_engine(), name, table, _titles(f"{name}.{table}", titles))
        what = f"table {name}.{table}"
    else:
        from ukimet.connect.sources import set_titles

        given = set_titles(_engine(), name, _titles(name, titles)).titles
        what = f"source {name}"
    named = "; ".join(f"{code}: {text}" for code, text in sorted(given.items())) or "no name (its code only)"
    out.print(f"{what}: {named}", highlight=False)


def _not_catalogued(name: str, exc: Exception) -> Exception:
    """A failure to list a source's tables, as one line (a driver's own error as its first line)."""
    from ukimet.connect.connectors.base import one_line
    from ukimet.core.errors import SourceError, UkimetError

    if isinstance(exc, UkimetError):
        return exc
    return SourceError("source.catalogue", name=name, detail=one_line(exc))


@source_app.command("list")
@operator_only
def list_() -> None:
    """The registered sources (passwords are never shown: only where they are referenced)."""
    from ukimet.connect.sources import list_sources

    table = Table("name", "title", "kind", "location", "schema", "password from")
    for spec in list_sources(_engine()):
        ref = f"env {spec.password_env}" if spec.password_env else (
            f"secret {spec.password_secret}" if spec.password_secret else "-")
        table.add_row(spec.name, spec.title("en") or "-", spec.kind, spec.location, spec.schema or "-", ref)
    out.print(table)


@source_app.command("test")
@operator_only
def test(name: str) -> None:
    """Connect to a source and say what is there."""
    from ukimet.connect.connectors import open_connector
    from ukimet.connect.sources import get_source
    from ukimet.core.settings import Settings

    out.print(f"[green]ok[/]: {open_connector(get_source(_engine(), name), Settings()).test()}")


@source_app.command("remove")
@operator_only
def remove(name: str) -> None:
    """Forget a source and its catalog (the store keeps its synced tables)."""
    from ukimet.connect.sources import remove_source

    remove_source(_engine(), name)
    out.print(f"source {name} removed")


@operator_only
def catalog(source: str = typer.Argument(...), table: str = typer.Option(None, "--table")) -> None:
    """The columns of a source with their types, meaning, confidence and sensitivity."""
    from ukimet.connect.catalog import columns_of

    view = Table("table", "column", "type", "meaning", "conf.", "sensitivity", "by", title=f"catalog of {source}")
    for c in columns_of(_engine(), source, table):
        view.add_row(c.table, c.column, c.data_type, c.semantic_type, f"{c.confidence:.2f}", c.sensitivity,
                     c.labelled_by)
    out.print(view)


@operator_only
def label(
    source: str, table: str, column: str,
    semantic_type: str = typer.Option(None, "--type", help="The column's meaning (iin, surname, ...)."),
    sensitivity: str = typer.Option(None, "--sensitivity", help="personal, special or public."),
) -> None:
    """Correct what ukimet understood of a column; the label is kept across catalog refreshes and syncs."""
    from ukimet.connect.catalog import set_label

    set_label(_engine(), source, table, column, getpass.getuser(), semantic_type, sensitivity)
    out.print(f"{source}.{table}.{column} labelled")


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import add_group, clean_errors

    add_group(app, source_app, "source")
    app.command("catalog")(clean_errors(catalog))
    app.command("label")(clean_errors(label))
