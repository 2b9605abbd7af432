"""``ukimet store``: the integrated store's snapshots (every sync, link and mart build publishes one; answers
name the one they read) and their retention."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.identity import operator_only

out = Console()
store_app = typer.Typer(help="The integrated store: its snapshots and how long they are kept.", no_args_is_help=True)


@store_app.command("snapshots")
@operator_only
def snapshots(
    limit: int = typer.Option(20, "--limit", min=1, help="How many of the newest snapshots to list."),
) -> None:
    """The newest snapshots: number, time, what was published; any of them can be read again with --as-of."""
    from ukimet.core.settings import Settings
    from ukimet.sync.store import list_snapshots, open_store

    con = open_store(Settings().resolved_store_path(), read_only=True)
    try:
        rows = list_snapshots(con, limit)
    finally:
        con.close()
    view = Table("snapshot", "time (UTC)", "published by", "changes", title="store snapshots")
    for snapshot in rows:
        view.add_row(str(snapshot.id), snapshot.time.strftime("%Y-%m-%d %H:%M:%S"), snapshot.message or "-",
                     snapshot.changes)
    out.print(view)


@store_app.command("expire")
@operator_only
def expire(
    older_than: int = typer.Option(..., "--older-than", min=1, help="Days: snapshots older than this are expired "
                                                                    "(the newest is always kept)."),
) -> None:
    """Expire old snapshots and delete the files only they needed; answers read from them can no longer be
    reproduced with --as-of."""
    from ukimet.core.settings import Settings
    from ukimet.sync.store import expire_snapshots, open_store

    con = open_store(Settings().resolved_store_path())
    try:
        expired, files = expire_snapshots(con, older_than)
    finally:
        con.close()
    out.print(f"{expired} snapshots expired, {files} files deleted")


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import add_group

    add_group(app, store_app, "store")
