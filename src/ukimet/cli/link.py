"""``ukimet link``: one identity per person across every synced source (the store's ``link`` schema)."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console

from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.link.engine import link as run_link
from ukimet.link.records import extract
from ukimet.sync.store import open_store

out = Console()


def link(
    sources: list[str] = typer.Argument(None, help="Sources to link (all synced ones when none); or, with --out, "
                                                   "CSV, Parquet or Excel files."),
    threshold: float = typer.Option(6.0, "--threshold", help="Match weight (log2 odds) a pair needs to be merged."),
    out_file: Path = typer.Option(None, "--out", help="Link the files given instead of the store, and write "
                                                      "source,record_id,entity_id to this CSV."),
) -> None:
    """Link person records across the synced sources into entities (link.entities in the store), or link
    standalone files: ukimet link a.csv b.parquet --out clusters.csv."""
    if out_file is not None:
        from ukimet.link.files import link_files, write_clusters

        with out.status("reading, classifying and linking the files ..."):
            rows = link_files([Path(s) for s in sources or []], threshold)
        write_clusters(rows, out_file)
        out.print(f"{len(rows):,} records, {len({e for _, _, e in rows}):,} entities -> {out_file}")
        return
    config = Settings()
    engine = connect_metadata(config)
    con = open_store(config.resolved_store_path())
    try:
        with out.status("finding person records in the store ..."):
            started = time.perf_counter()
            records = extract(con, engine, sources or None)
        out.print(f"{records:,} person records from the catalogued sources ({time.perf_counter() - started:.1f} s)")
        with out.status("blocking, comparing, estimating weights, clustering ..."):
            started = time.perf_counter()
            stats = run_link(con, threshold)
        out.print(f"{int(stats['profiles']):,} distinct profiles, {int(stats['candidate_pairs']):,} candidate pairs, "
                  f"{int(stats['entities']):,} entities ({time.perf_counter() - started:.1f} s). "
                  "Tables: link.person_records, link.pair_scores, link.entities")
    finally:
        con.close()


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    app.command("link")(clean_errors(link))
