"""``ukimet serve``: the web app and the REST API on this machine (127.0.0.1 by default: put the operator's
reverse proxy with TLS in front of it to serve a network)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.console import Console

from ukimet.cli.identity import operator_only

if TYPE_CHECKING:
    from ukimet.core.settings import Settings

out = Console()


def serve(config: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    import uvicorn

    from ukimet.api.app import create_app

    out.print(f"[bold]ukimet[/] serving on http://{host}:{port} with {workers} worker process"
              f"{'es' if workers > 1 else ''}  (API: http://{host}:{port}/api/v1/docs; Ctrl+C stops)")
    if workers == 1:
        uvicorn.run(create_app(config), host=host, port=port, log_level="warning")
        return
    # Each worker makes its own app from the settings in the environment (UKIMET_*, as ``config`` was read): they
    # share sessions, sign-in counts, daily limits, alerts and the one audit chain through the metadata store.
    uvicorn.run("ukimet.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    @app.command("serve")
    @clean_errors
    @operator_only
    def serve_command(host: str = typer.Option("127.0.0.1", "--host"),
                      port: int = typer.Option(8000, "--port"),
                      workers: int = typer.Option(1, "--workers", min=1, help="Worker processes (uvicorn's); they "
                                                  "share sessions, limits, alerts and the audit log through the "
                                                  "metadata store.")) -> None:
        """Serve the web app and the REST API."""
        from ukimet.core.settings import Settings

        serve(Settings(), host, port, workers)
