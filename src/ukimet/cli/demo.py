"""``ukimet demo``: the README's main command. Today it builds the synthetic country on the embedded default
and prints what was built; each pipeline stage extends it until it ends in the web app."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors
    from ukimet.cli.synth import run_synth
    from ukimet.synth import SynthConfig

    @app.command()
    @clean_errors
    def demo(
        out: Path = typer.Option(Path("demo-country"), "--out", help="Folder for the demo country."),
        persons: int = typer.Option(50_000, "--persons", "-n", help="How many persons live in the country."),
        seed: int = typer.Option(1, "--seed"),
    ) -> None:
        """Run the whole demo on one machine: synthetic country (-> sync -> link -> analytics -> web, to come)."""
        run_synth(SynthConfig(persons=persons, seed=seed), out)
