"""``ukimet link`` and its companions: one identity per person across every synced source (the store's ``link``
schema), the model it used, why two records are or are not one person, and the clerical review queue. Linking
and reading the model are the operator's; the review queue and a clerk's decision need a signed-in account."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.identity import AsUser, operator_only, sign_in, signed_in
from ukimet.link.model import THRESHOLD, Model

if TYPE_CHECKING:
    from ukimet.link.api import Engine

out = Console()


@operator_only
def link(
    sources: list[str] = typer.Argument(None, help="Sources to link (all synced ones when none); or, with --out, "
                                                   "CSV, Parquet, Excel or JSON files."),
    threshold: float = typer.Option(
        THRESHOLD, "--threshold",
        help="Match weight a pair needs to be merged: log2 of the odds of a match, prior included (0 = even odds, "
             "2 = four to one, the default)."),
    out_file: Path = typer.Option(None, "--out", help="Link the files given instead of the store, and write "
                                                      "source,record_id,entity_id to this CSV."),
    engine: str = typer.Option("duckdb", "--engine",
                               help="Where the SQL runs: duckdb, or spark (setting spark_master)."),
    model_file: Path = typer.Option(None, "--model", help="Use this model (JSON from ukimet link-model --json) "
                                                          "instead of estimating one."),
    new: bool = typer.Option(False, "--new", help="Link only the records new since the last run, with its model; "
                                                  "existing entities keep their ids."),
    mappings: list[str] = typer.Option(None, "--map", help="With --out: what a file's column means, over what was "
                                                           "detected: file:column=meaning (repeatable), e.g. "
                                                           "court.csv:ФИО=full_name; meaning 'other' ignores it."),
) -> None:
    """Link person records across the synced sources into entities (link.entities in the store), or link
    standalone files: ukimet link a.csv b.parquet --out clusters.csv."""
    from ukimet.core.settings import Settings

    chosen: Engine = "spark" if engine == "spark" else "duckdb"
    if engine not in ("duckdb", "spark"):
        raise typer.BadParameter(f"unknown engine {engine!r}: use duckdb or spark", param_hint="--engine")
    model = Model.from_json(model_file) if model_file else None
    if out_file is not None:
        from ukimet.link.files import link_files, parse_mapping, write_clusters

        with out.status("reading, classifying and linking the files ..."):
            warnings: list[str] = []
            report: list[str] = []
            rows = link_files([Path(s) for s in sources or []], threshold, chosen, warnings,
                              [parse_mapping(m) for m in mappings or []], report)
        for line in report:
            out.print(f"[bold]columns[/] {line}", highlight=False, soft_wrap=True)
        for warning in warnings:
            out.print(f"[yellow]warning[/]: {warning}", highlight=False)
        write_clusters(rows, out_file)
        out.print(f"{len(rows):,} records, {len({e for _, _, e in rows}):,} entities -> {out_file}")
        return
    from ukimet.link.api import link_store

    stats = link_store(Settings(), sources or None, threshold, chosen, model, new, progress=out.status)
    out.print(f"{int(stats['records']):,} person records from the catalogued sources "
              f"({stats['extract_seconds']:.1f} s)")
    if new:
        out.print(f"{int(stats['new_profiles']):,} new profiles linked with the stored model")
    if stats.get("suspicious"):
        out.print(f"[yellow]note[/]: {int(stats['suspicious']):,} clusters held profiles with several first names "
                  "and dates of birth (look-alikes chained together) and were split on strong pairs only; see "
                  "link.suspicious", highlight=False)
    out.print(f"{int(stats['profiles']):,} distinct profiles, {int(stats['candidate_pairs']):,} candidate pairs, "
              f"{int(stats['entities']):,} persons, {int(stats['families']):,} families, "
              f"{int(stats['households']):,} households, {int(stats['companies']):,} companies "
              f"({stats['seconds']:.1f} s). Tables in the store's link schema: person_records, "
              "pair_scores, entities, golden, relations, families, households, company_records, companies")


@operator_only
def show_model(as_json: bool = typer.Option(False, "--json", help="Print JSON to edit and pass to --model."),
               per_source: bool = typer.Option(False, "--by-source", help="Per source: how often each field is "
                                               "present and disagrees within the pairs the last run merged.")) -> None:
    """The model of the last run: per field and level of agreement, m, u and the match weight."""
    from ukimet.core.settings import Settings
    from ukimet.link.by_source import by_source
    from ukimet.sync.store import open_store

    con = open_store(Settings().resolved_store_path(), read_only=True)
    try:
        model = Model.from_rows(con.execute("SELECT field, level, m, u FROM link.model").fetchall())
        seen = by_source(con) if per_source else []
    finally:
        con.close()
    if per_source:
        view = Table("source", "field", "merged pairs", "both have it", "disagree", "weight if different",
                     title="the model per source: the last run's merged pairs")
        for f in seen:
            if f.present:
                view.add_row(f.source, f.field, f"{f.pairs:,}", f"{f.present:.0%}",
                             "" if f.disagree is None else f"{f.disagree:.1%}", f"{f.weight_different:+.2f}")
        out.print(view)
        return
    if as_json:
        print(model.to_json())
        return
    table = Table("field", "level", "meaning", "m", "u", "weight", title=f"prior match share {model.prior:.4f}")
    for row in model.rows():
        table.add_row(row["field"], str(row["level"]), row["meaning"], f"{row['m']:.4f}", f"{row['u']:.6f}",
                      f"{row['weight']:+.2f}")
    if model.personal:  # what vouches for a pair whose first names and dates of birth say nothing
        table.caption = f"one person's, not a family's: {', '.join(model.personal)}"
    out.print(table)


@operator_only
def explain(left: str = typer.Argument(..., help="A record identity: source/table/party/key."),
            right: str = typer.Argument(..., help="Another record identity.")) -> None:
    """Why two records are, or are not, one person: each field's contribution to the match weight."""
    from ukimet.core.settings import Settings
    from ukimet.link.explain import explain as run
    from ukimet.sync.store import open_store

    path = Settings().resolved_store_path()
    open_store(path, read_only=True).close()  # a store that is not there is said so, not created empty
    con = open_store(path)
    try:
        result = run(con, left, right)
    finally:
        con.close()
    table = Table("field", "agreement", "weight")
    for part in result.contributions:
        table.add_row(part.field, part.meaning, f"{part.weight:+.2f}")
    table.add_row("total", "", f"{result.weight:+.2f}")
    out.print(table)
    verdict = "never one person: two different valid IINs" if result.conflict else \
        f"match probability {result.probability:.4f}"
    out.print(f"{verdict}; {'one entity' if result.same_entity else 'different entities'} in the last run")
    held = result.held_back()
    if held is not None:
        out.print(f"held back by [bold]{held.field}[/] ({held.meaning}, {held.weight:+.2f}): without it the pair "
                  f"would weigh {result.weight - held.weight:+.2f} and be merged", highlight=False)


def review(as_user: AsUser = None,
           purpose: str = typer.Option(..., "--purpose", help="Why (the queue shows persons)."),
           threshold: float = typer.Option(THRESHOLD, "--threshold"), limit: int = typer.Option(20, "--limit"),
           margin: float = typer.Option(4.0, "--margin", help="How far from the threshold a pair may be.")) -> None:
    """The uncertain pairs, closest to the threshold first, for a clerk to decide (ukimet link-decide). Goes
    through the gateway: the role must allow linkage review, and the queue shown is audited."""
    from ukimet.core.settings import Settings
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.linkage import review_queue

    config = Settings()
    user = sign_in(as_user, config)
    pairs = review_queue(Gateway(config), user, purpose, threshold, margin, limit)
    if not pairs:
        out.print("nothing to review: every candidate pair is clearly a match or clearly not")
        return
    table = Table("weight", "held back by", "left record", "left: surname, name, patronymic, born, IIN",
                  "right record", "right: surname, name, patronymic, born, IIN")
    for p in pairs:  # the near-misses one field held back come first
        table.add_row(f"{p.weight:+.1f}", p.held_back or "", p.left, " | ".join(v or "-" for v in p.left_shown),
                      p.right, " | ".join(v or "-" for v in p.right_shown))
    out.print(table)


def decide(left: str = typer.Argument(...), right: str = typer.Argument(...),
           decision: str = typer.Argument(..., help="same or different"),
           note: str = typer.Option(None, "--note"), as_user: AsUser = None) -> None:
    """Record a clerk's decision about two records, kept with the signed-in clerk's name (a role that may review
    linkage); the next ukimet link honours it."""
    from ukimet.core.errors import Refused
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import policy_store
    from ukimet.link.review import decide as record
    from ukimet.sync.store import open_store

    if decision not in ("same", "different"):
        raise typer.BadParameter("say 'same' or 'different'", param_hint="DECISION")
    config = Settings()
    metadata = connect_metadata(config)
    clerk = signed_in(metadata, config, as_user)
    if not policy_store.active(metadata).role(clerk.role).linkage_review:
        raise Refused("linkage.may_not_review", role=clerk.role)
    con = open_store(config.resolved_store_path())
    try:
        record(con, left, right, "same" if decision == "same" else "different", clerk.name, note)
    finally:
        con.close()
    out.print(f"recorded: {left} and {right} are {decision}; run ukimet link to apply it")


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    app.command("link")(clean_errors(link))
    app.command("link-model")(clean_errors(show_model))
    app.command("link-explain")(clean_errors(explain))
    app.command("link-review")(clean_errors(review))
    app.command("link-decide")(clean_errors(decide))
