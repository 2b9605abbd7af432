"""``ukimet demo``: the README's main command, the whole pipeline on one machine with the embedded defaults.
Today: synthetic country -> every agency source registered and catalogued -> synced into the integrated store.
Each later stage extends it (link, analytics) until it ends in the web app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from ukimet.cli.identity import operator_only
from ukimet.connect.kinds import Kind

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ukimet.core.settings import Settings
    from ukimet.synth import Manifest, SynthConfig
    from ukimet.synth.country import SourceReport

out = Console()
_KINDS: dict[str, Kind] = {"sqlite": "sqlite", "csv": "csv", "xlsx": "excel"}


def register_country(engine: Engine, config: Settings, manifest: Manifest) -> int:
    """Register every file-based source of a synthetic country that is not registered yet; return how many."""
    from ukimet.connect.catalog import refresh_catalog
    from ukimet.connect.connectors import open_connector
    from ukimet.connect.sources import SourceSpec, add_source, list_sources, set_titles
    from ukimet.connect.table_titles import table_names

    known = {s.name: s for s in list_sources(engine)}
    named = {source for source, _ in table_names(engine)}
    added = 0
    for report in manifest.sources:
        kind = _KINDS.get(report.written_to)
        titles = {"kk": report.title_kk, "ru": report.title_ru, "en": report.title_en}
        if report.code in known and not known[report.code].titles:
            set_titles(engine, report.code, titles)  # registered before sources had names
        if report.code in known and report.code not in named:
            _name_tables(engine, report)  # registered before tables had names
        if kind is None or report.code in known:
            continue
        spec = SourceSpec(report.code, kind, report.location, titles=titles)
        add_source(engine, spec)
        refresh_catalog(engine, spec, open_connector(spec, config))
        _name_tables(engine, report)
        added += 1
    return added


def _name_tables(engine: Engine, report: SourceReport) -> None:
    """Name the source's catalogued tables as the manifest does: a table by its generated name, or the one table
    of a file source, whose store name is the file's."""
    from ukimet.connect.catalog import table_keys
    from ukimet.connect.table_titles import name_table

    catalogued = sorted(table_keys(engine, report.code))
    for table, titles in report.table_titles.items():
        stored = table if table in catalogued else catalogued[0] if len(catalogued) == len(report.tables) == 1 \
            else None
        if stored is not None:
            name_table(engine, report.code, stored, titles)


def synced_country(out: Path, synth: SynthConfig) -> tuple[Settings, Engine, Manifest]:
    """A synthetic country built into ``out``, its sources registered and synced into its store, quietly: what
    the tests and benchmarks start from."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.sync.engine import Syncer
    from ukimet.synth import build_country

    manifest = build_country(synth, out)
    config = Settings(home=out / ".ukimet")
    engine = connect_metadata(config)
    register_country(engine, config, manifest)
    Syncer(engine, config).sync()
    return config, engine, manifest


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    @app.command()
    @clean_errors
    @operator_only
    def demo(
        folder: Path = typer.Option(Path("demo-country"), "--out", help="Folder for the demo country and store."),
        persons: int = typer.Option(50_000, "--persons", "-n", help="How many persons live in the country."),
        seed: int = typer.Option(1, "--seed"),
        serving: bool = typer.Option(True, "--serve/--no-serve", help="End by serving the web app."),
        port: int = typer.Option(8000, "--port", help="Where the web app listens (127.0.0.1)."),
    ) -> None:
        """Run the whole demo on one machine: synthetic country -> sources -> sync -> link -> family card, cases,
        findings (-> web)."""
        from ukimet.cli.demo_analytics import run_analytics
        from ukimet.cli.sync import run_sync
        from ukimet.cli.synth import cores, run_synth
        from ukimet.core.metadata import connect_metadata
        from ukimet.core.settings import Settings
        from ukimet.link.api import link_store
        from ukimet.link.chart import draw_linkage
        from ukimet.sync.store import open_store
        from ukimet.synth import SynthConfig

        manifest = run_synth(SynthConfig(persons=persons, seed=seed, workers=cores()), folder)
        config = Settings(home=folder / ".ukimet")
        engine = connect_metadata(config)
        out.print(f"\n[bold]Registering the agency sources[/] ({register_country(engine, config, manifest)} new)")
        results = run_sync(engine, config, None)
        done = sum(1 for r in results if r.status == "done")
        out.print(f"\n{done} of {len(results)} sources synced into {config.resolved_store_path()}.")
        if done != len(results):
            raise typer.Exit(1)
        stats = link_store(config, progress=lambda step: out.status(f"linking: {step}"))
        out.print(f"\n[bold]Linked[/] {int(stats['records']):,} person records into {int(stats['entities']):,} "
                  f"persons, {int(stats['families']):,} families, {int(stats['households']):,} households and "
                  f"{int(stats['companies']):,} companies ({stats['seconds']:.0f} s)")
        con = open_store(config.resolved_store_path(), read_only=True)
        try:
            charts = draw_linkage(con, folder)
        finally:
            con.close()
        out.print(f"Linkage chart: {charts[0]}")
        run_analytics(config, engine, dt.date.fromisoformat(manifest.reference_date), folder, out)
        tokens = config.home / "demo" / "tokens"
        out.print(f"Look around:  export UKIMET_HOME={config.home}\n"
                  "              ukimet source list;  ukimet catalog gbdfl;  ukimet link-model\n"
                  f"              export UKIMET_TOKEN=$(cat {tokens / 'social-worker'})\n"
                  "              ukimet family regions;  ukimet cases list;  ukimet findings list --lang ru\n"
                  f'              UKIMET_TOKEN=$(cat {tokens / "analyst-79"}) ukimet ask "Шымкентте қанша көпбалалы '
                  'отбасы бар?"\n'
                  f"              UKIMET_TOKEN=$(cat {tokens / 'auditor'}) ukimet source-audit",
                  highlight=False, soft_wrap=True)
        if serving:
            from ukimet.cli.serve import serve

            serve(config, port=port)
