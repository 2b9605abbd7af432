"""``ukimet sync [SOURCE...]``: bring the integrated store up to date, a progress bar per source table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.identity import operator_only

if TYPE_CHECKING:
    from rich.progress import TaskID
    from sqlalchemy import Engine

    from ukimet.core.settings import Settings
    from ukimet.sync.engine import SourceResult

out = Console()


@operator_only
def sync(
    sources: list[str] = typer.Argument(None, help="Sources to sync; all when none are named."),
    full: bool = typer.Option(False, "--full", help="Read every table whole, even where a watermark allows less."),
) -> None:
    """Sync agency sources into the integrated store; a failing source does not stop the others."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings

    config = Settings()
    results = run_sync(connect_metadata(config), config, sources or None, full)
    if any(r.status != "done" for r in results):
        raise typer.Exit(1)


def run_sync(engine: Engine, config: Settings, sources: list[str] | None, full: bool = False) -> list[SourceResult]:
    """Sync with a progress bar per table, then print what happened; failures are printed with their reason."""
    import datetime as dt
    import os

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ukimet.core.native_log import native_output_to
    from ukimet.sync.engine import Syncer

    tasks: dict[tuple[str, str], TaskID] = {}
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("rows"),
               TimeElapsedColumn())
    log = config.home / "logs" / f"sync-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{os.getpid()}.log"
    with native_output_to(log), Progress(*columns, console=Console(stderr=True)) as progress:
        def report(source: str, table: str, done: int, total: int | None) -> None:
            key = (source, table)
            if key not in tasks:
                tasks[key] = progress.add_task(f"{source}.{table}", total=total)
            progress.update(tasks[key], completed=done)

        results = Syncer(engine, config, report).sync(sources, full=full)
    view = Table("source", "table", "mode", "read", "written", "quarantined", "+ / ~ / -", "drift",
                 title="sync")
    for result in results:
        if result.status != "done" and not result.tables:
            view.add_row(result.source, "[red]failed[/]", "", "", "", "", "", result.error or "")
            continue
        for name in result.gone:
            view.add_row(result.source, name, "[yellow]gone[/]", "", "", "", "",
                          "no longer in the source; what was synced of it is kept")
        for t in result.tables:
            if t.error:
                view.add_row(result.source, t.table, "[red]failed[/]", "", "", "", "", "previous snapshot kept")
                continue
            counts = (t.inserted, t.updated, t.deleted)
            changes = "first sync" if all(v is None for v in counts) else "/".join(
                "?" if v is None else f"{v:,}" for v in counts)
            drift = "; ".join(f"{k}: {v}" for k, v in t.drift.items() if v)
            view.add_row(result.source, t.table, t.mode, f"{t.rows_read:,}", f"{t.rows_written:,}",
                         f"{t.rows_quarantined:,}", changes, drift or "-")
    out.print(view)
    failed = [r for r in results if r.status != "done"]
    for result in failed:
        Console(stderr=True).print(f"[bold red]error:[/] {result.error}", soft_wrap=True, highlight=False)
    if log.exists():
        Console(stderr=True).print(f"the source drivers' own output is in {log}", highlight=False)
    return results


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    app.command("sync")(clean_errors(sync))
