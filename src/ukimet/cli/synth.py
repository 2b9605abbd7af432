"""``ukimet synth``: generate a synthetic Kazakhstan to demo, test and benchmark on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from ukimet.synth import Manifest, SynthConfig

out_console = Console()


def run_synth(config: SynthConfig, out: Path) -> Manifest:
    """Build the country with a progress bar and print what was built."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from ukimet.synth import build_country
    from ukimet.synth.country import check_output_folder
    from ukimet.synth.overview import draw_overview

    check_output_folder(out)
    columns = (TextColumn("[bold]synthetic country"), BarColumn(), MofNCompleteColumn(), TextColumn("persons"),
               TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task("persons", total=config.persons)
        manifest = build_country(config, out, lambda n: progress.advance(task, n))
    print_summary(manifest, out)
    charts = draw_overview(out, manifest)
    out_console.print(f"Overview chart: {', '.join(str(p) for p in charts)}")
    return manifest


def print_summary(manifest: Manifest, out: Path) -> None:
    table = Table(title=f"Synthetic Kazakhstan: {manifest.persons:,} persons, seed {manifest.seed}, "
                        f"as of {manifest.reference_date}", title_justify="left")
    for name, justify in (("source", "left"), ("written to", "left"), ("tables", "right"), ("rows", "right"),
                          ("faulted", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for s in manifest.sources:
        rows = sum(s.tables.values())
        table.add_row(s.code, f"{s.written_to}: {s.label}", str(len(s.tables)), f"{rows:,}",
                      f"{s.faulted_records / max(rows, 1):.1%}")
    out_console.print(table)
    servers = sorted({s.location.rsplit(" ", 2)[0] for s in manifest.sources if s.written_to in ("postgres", "mysql")})
    for server in servers:
        out_console.print(f"Server: {server}")
    out_console.print(
        f"{manifest.households:,} households, {manifest.families:,} families, {manifest.companies:,} companies, "
        f"{manifest.deceased:,} deceased in the registries' memory."
    )
    planted = ", ".join(f"{k} {v:,}" for k, v in sorted(manifest.planted.items()))
    out_console.print(f"Planted cases for the apps to find: {planted}.")
    out_console.print(
        f"Ground truth (never in an agency source): {out / 'truth'}; manifest: {out / 'manifest.json'}; "
        f"built in {manifest.seconds:.1f} s ({manifest.persons / max(manifest.seconds, 1e-9):,.0f} persons/s)."
    )


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    @app.command()
    @clean_errors
    def synth(
        out: Path = typer.Option(..., "--out", help="Folder to write the agency files, exports and ground truth to."),
        persons: int = typer.Option(50_000, "--persons", "-n", help="How many persons live in the country."),
        seed: int = typer.Option(1, "--seed", help="The same seed builds the same country."),
        postgres: str = typer.Option(
            None, "--postgres", envvar="UKIMET_SYNTH_POSTGRES", show_envvar=True,
            help="PostgreSQL URL: agencies that run PostgreSQL are written there, a schema each.",
        ),
        mysql: str = typer.Option(
            None, "--mysql", envvar="UKIMET_SYNTH_MYSQL", show_envvar=True,
            help="MariaDB/MySQL URL (mysql://user@host:port/db): agencies that run MySQL are written there.",
        ),
        faults: Path = typer.Option(None, "--faults",
                                    help="TOML file of fault rates: \\[default] and \\[source] tables."),
        fault_scale: float = typer.Option(1.0, "--fault-scale", help="Multiply every fault rate (0 = clean data)."),
        reference_date: str = typer.Option("2026-01-01", "--as-of", help="The day the country is observed."),
        schema_prefix: str = typer.Option("", "--schema-prefix", help="Prefix of each agency's schema/database."),
        workers: int = typer.Option(
            None, "--workers", min=1, help="Processes the agencies are written by (default: the cores this "
            "process may use); the country is the same whatever the number."),
    ) -> None:
        """Generate a synthetic Kazakhstan: people, families, companies and the databases of 15 agencies."""
        from ukimet.core.errors import ConfigError
        from ukimet.synth import SynthConfig, load_fault_file

        try:
            as_of = dt.date.fromisoformat(reference_date)
        except ValueError:
            raise ConfigError("cli.date", option="--as-of", value=reference_date) from None
        config = SynthConfig(
            persons=persons, seed=seed, reference_date=as_of, fault_scale=fault_scale,
            fault_overrides=load_fault_file(faults) if faults else {}, postgres_url=postgres, mysql_url=mysql,
            schema_prefix=schema_prefix, workers=workers or cores(),
        )
        run_synth(config, out)


def cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
