"""``ukimet``: the command line. Each command is a thin layer over a package's Python API; errors ukimet
raises on purpose are printed as one clean line (what, why, fix) and exit with status 2; a caller who has not
signed in (cli.identity) gets one line and status 1."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from ukimet import __version__
from ukimet.core.errors import UkimetError, Unavailable

app = typer.Typer(
    name="ukimet", no_args_is_help=True, add_completion=False,
    help="ukimet: link agency databases, govern every access, score families. Kazakh / Russian / English.",
)
console = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


def clean_errors(func: F) -> F:
    """Turn a UkimetError into one line on stderr and exit status 2 (1 for a caller not signed in), with no
    traceback."""
    from ukimet.cli.identity import NotSignedInError

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NotSignedInError as exc:
            console.print(f"[bold red]error:[/] {escape(exc.what)}: {escape(exc.why)}; {escape(exc.fix)}.",
                          highlight=False, soft_wrap=True)
            sys.exit(1)
        except UkimetError as exc:
            _say(exc)
        except Exception as exc:
            failed = sys.modules.get("sqlalchemy.exc")
            if failed is None or not isinstance(exc, failed.OperationalError):
                raise
            # the metadata store could not be written (its disk is full, its file read-only): one line, no trace
            said = str(getattr(exc, "orig", None) or exc).splitlines() or [""]
            _say(Unavailable("metadata.unwritable", detail=said[0]))

    return wrapper  # type: ignore[return-value]


def _say(exc: UkimetError) -> None:
    console.print(f"[bold red]error:[/] {exc.what}: {exc.why}.\n[bold]fix:[/] {exc.fix}", highlight=False,
                  soft_wrap=True)
    sys.exit(2)


def add_group(app: typer.Typer, group: typer.Typer, name: str) -> None:
    """Add the command group ``group`` as ``ukimet NAME ...``, every command of it with clean errors."""
    for command in group.registered_commands:
        if command.callback is not None:
            command.callback = clean_errors(command.callback)
    app.add_typer(group, name=name)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ukimet {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """ukimet: an open, self-hosted government data platform."""
    os.umask(0o077)  # whatever a command writes (exports, charts, cluster files, logs) is its owner's alone


def _register() -> None:
    from ukimet.cli import apps, demo, doctor, gateway, link, policy, profile, serve, source, store, sync, synth

    synth.register(app)
    source.register(app)
    sync.register(app)
    store.register(app)
    profile.register(app)
    link.register(app)
    gateway.register(app)
    policy.register(app)
    apps.register(app)
    serve.register(app)
    demo.register(app)
    doctor.register(app)


_register()


def run() -> None:
    """The ``ukimet`` command: ``app``, then the process ends as soon as the command's own work is done. What
    Python registers for the end (atexit: logs flushed, temporary folders removed, child processes joined) runs,
    and the output is flushed; the interpreter's teardown after that is skipped. There, native libraries' worker
    threads (Arrow's after reading a file, DuckDB's) could abort a command that had succeeded ("terminate called
    without an active exception", SIGABRT: apache/arrow#34314, duckdb/duckdb#13904), its status then a crash."""
    try:
        app()
        status: int | str | None = 0
    except SystemExit as done:  # click ends every command so, its status in it
        status = done.code
    if isinstance(status, str):  # sys.exit("message"): said on stderr, status 1, as Python does
        print(status, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing left to say there
            stream.flush()
    os._exit(status or 0)


if __name__ == "__main__":
    run()
