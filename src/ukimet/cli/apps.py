"""``ukimet mart``, ``ukimet family``, ``ukimet entitlements`` and ``ukimet cases``: the analytics mart, the
Digital Family Card and the proactive case work on the command line. Reads of citizen data go through the
gateway as the signed-in user (cli.identity); building the mart is the operator's."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.gateway import open_log
from ukimet.cli.identity import AsUser, operator_only, sign_in, signed_in
from ukimet.core.errors import ConfigError

if TYPE_CHECKING:
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.audit import AuditLog
    from ukimet.gateway.rewrite import User

out = Console()
mart_app = typer.Typer(help="The analytics mart: persons, families, benefits, dwellings and family scores.",
                       no_args_is_help=True)
family_app = typer.Typer(help="The Digital Family Card: one family's card, the regional distribution.",
                         no_args_is_help=True)
entitlements_app = typer.Typer(help="Entitlement rules: who is entitled and does not receive.", no_args_is_help=True)
cases_app = typer.Typer(help="Proactive cases: consent, assignment, the SMS outbox.", no_args_is_help=True)
findings_app = typer.Typer(help="Consistency findings across sources and unusual regional months.",
                           no_args_is_help=True)


def rule_counts(rules: list[str], what: str, title: str | None = None) -> Table:
    """How many of something each rule found, as a table."""
    table = Table("rule", what, title=title)
    for name, n in sorted(Counter(rules).items()):
        table.add_row(name, str(n))
    return table


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError("cli.date", option="--as-of", value=value) from None


def _gateway() -> Gateway:
    from ukimet.core.settings import Settings
    from ukimet.gateway.api import Gateway

    return Gateway(Settings())


def _worker(as_user: str | None) -> tuple[AuditLog, User]:
    log = open_log()
    return log, signed_in(log.engine, log.config, as_user)


@mart_app.command("build")
@operator_only
def mart_build(as_of: str = typer.Option(None, "--as-of", help="The observation date (default: today)."),
               mapping: Path = typer.Option(None, "--mapping", help="A mart mapping file (default: built in)."),
               card: Path = typer.Option(None, "--card", help="A family card file (default: built in)."),
               engine: str = typer.Option("duckdb", "--engine",
                                          help="Where the SQL runs: duckdb, or spark (setting spark_master).")) -> None:
    """Build the mart from the linked store as of a date and score every family (needs ukimet link)."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.link.backend import spark_session
    from ukimet.model.family_card import load_card
    from ukimet.model.mart import build_mart, load_mapping
    from ukimet.sync.store import open_store

    if engine not in ("duckdb", "spark"):
        raise typer.BadParameter(f"unknown engine {engine!r}: use duckdb or spark", param_hint="--engine")
    config = Settings()
    day = _date(as_of) or dt.date.today()
    con = open_store(config.resolved_store_path(), memory_limit=config.work_memory_limit)
    try:
        with out.status(f"building the mart as of {day} on {engine}"):
            if engine == "spark":
                rows = build_mart(con, connect_metadata(config), day, load_mapping(mapping), load_card(card),
                                  engine="spark", spark=spark_session(config.spark_master),
                                  exchange_folder=config.spark_exchange)
            else:
                rows = build_mart(con, connect_metadata(config), day, load_mapping(mapping), load_card(card))
    finally:
        con.close()
    out.print(", ".join(f"{name} {n:,}" for name, n in rows.items()) + f" (as of {day})")


@family_app.command("show")
def family_show(family: str = typer.Argument(..., help="The family number (mart.families)."),
                as_user: AsUser = None, purpose: str = typer.Option(..., "--purpose"),
                language: str = typer.Option("kk", "--lang", help="kk, ru or en.")) -> None:
    """One family's card: five scores, the level, every reason, the members as policy shows them."""
    from ukimet.apps.family_card import family_card

    user = sign_in(as_user)
    with _gateway() as gateway:
        card = family_card(gateway, user, family, purpose, language)
        table = Table("dimension", "score", title=f"family {card.family_id}: {card.level_name} ({card.score})")
        for dimension, score in card.scores.items():
            table.add_row(dimension, f"{score:g}")
        out.print(table)
        for reason in card.reasons:
            out.print(f"- {reason}")
        members = Table(*card.members[0].keys()) if card.members else Table("members")
        for member in card.members:
            members.add_row(*["" if v is None else str(v) for v in member.values()])
        out.print(members)
        out.print(f"audit entry {card.audit_seq}")


@family_app.command("regions")
def family_regions(as_user: AsUser = None, language: str = typer.Option("kk", "--lang"),
                   folder: Path = typer.Option(Path(), "--out", help="Where to draw the chart.")) -> None:
    """Families by well-being level in each region (protected aggregates), with a chart (PNG and SVG)."""
    from ukimet.apps.family_card import distribution, draw_distribution, region_name

    user = sign_in(as_user)
    with _gateway() as gateway:
        rows = distribution(gateway, user)
        table = Table("region", "level", "families")
        for region, level, n in rows:
            table.add_row(region_name(region, language), level, str(n))
        out.print(table)
        out.print("chart: " + ", ".join(str(p) for p in draw_distribution(rows, folder, language)))


@entitlements_app.command("run")
def entitlements_run(as_user: AsUser = None,
                     purpose: str = typer.Option(..., "--purpose", help="A declared purpose with a legal basis."),
                     as_of: str = typer.Option(None, "--as-of", help="Must be the mart's date (default: it)."),
                     rule: list[str] = typer.Option(None, "--rule", help="Only these rules.")) -> None:
    """Evaluate the rules over the mart and open a case, with a consent SMS, for everyone entitled and not
    receiving who has no open case yet."""
    from ukimet.apps.cases import open_cases
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.model.entitlements import evaluate
    from ukimet.model.evidence import keep_entitlements
    from ukimet.sync.store import open_store

    config = Settings()
    user = sign_in(as_user, config)
    con = open_store(config.resolved_store_path())
    try:
        findings = evaluate(con, as_of=_date(as_of), only=rule or None)
        keep_entitlements(con, connect_metadata(config), findings)  # the values stay in the store
    finally:
        con.close()
    with _gateway() as gateway:
        opened = open_cases(gateway, user, findings, purpose)
        out.print(rule_counts([f.rule for f in findings], "entitled, not receiving"))
        out.print(f"{len(opened)} new cases opened, each with a consent SMS queued")


@cases_app.command("list")
def cases_list(status: str = typer.Option(None, "--status"), rule: str = typer.Option(None, "--rule"),
               region: str = typer.Option(None, "--region"), as_user: AsUser = None) -> None:
    """Cases with their rule, date, region and status (no personal data: open one with cases show); the read is
    an audit entry naming the signed-in reader."""
    from ukimet.apps.cases import listed

    log, user = _worker(as_user)
    table = Table("case", "rule", "as of", "region", "status", "assigned to")
    for case in listed(log, status, rule, region, reader=user):
        table.add_row(str(case.id), case.rule, case.as_of, case.region or "", case.status, case.assigned_to or "")
    out.print(table)


@cases_app.command("show")
def cases_show(case_id: int = typer.Argument(...), as_user: AsUser = None,
               purpose: str = typer.Option(..., "--purpose")) -> None:
    """A case: the person and the values the rule read (through the gateway, audited), the history, the SMS."""
    from ukimet.apps.cases import show

    user = sign_in(as_user)
    with _gateway() as gateway:
        shown = show(gateway, user, case_id, purpose)
        case = shown.case
        out.print(f"case {case.id}: {case.rule} as of {case.as_of}, {case.status}")
        out.print(" ".join("" if v is None else str(v) for v in shown.person.values()))
        out.print("evidence: " + ", ".join(f"{k} = {v}" for k, v in shown.evidence.items()))
        if shown.basis_changed:
            out.print("[yellow]the values in the store are not those the case was opened on[/]")
        for at, actor, action, note in shown.events:
            out.print(f"{at.isoformat()[:19]} {actor}: {action}" + (f" ({note})" if note else ""))
        for message in shown.messages:
            out.print(f"SMS {message['status']}: template {message['template']} ({message['languages']})")
        out.print(f"audit entry {shown.audit_seq}")


@cases_app.command("consent")
def cases_consent(case_id: int = typer.Argument(...), answer: str = typer.Argument(..., help="yes or no"),
                  as_user: AsUser = None, note: str = typer.Option(None, "--note")) -> None:
    """Record the citizen's answer."""
    from ukimet.apps.cases import record_consent

    if answer not in ("yes", "no"):
        raise typer.BadParameter("say yes or no", param_hint="ANSWER")
    log, user = _worker(as_user)
    out.print(f"case {case_id}: {record_consent(log, user, case_id, answer == 'yes', note).status}")


@cases_app.command("assign")
def cases_assign(case_id: int = typer.Argument(...), worker: str = typer.Option(..., "--to"),
                 as_user: AsUser = None) -> None:
    """Assign a consented case to a social worker."""
    from ukimet.apps.cases import assign

    log, user = _worker(as_user)
    out.print(f"case {case_id}: {assign(log, user, case_id, worker).status} to {worker}")


@cases_app.command("close")
def cases_close(case_id: int = typer.Argument(...), as_user: AsUser = None,
                note: str = typer.Option(..., "--note")) -> None:
    """Close a case with a note (benefit assigned, not entitled after all ...)."""
    from ukimet.apps.cases import close

    log, user = _worker(as_user)
    out.print(f"case {case_id}: {close(log, user, case_id, note).status}")


@cases_app.command("outbox")
def cases_outbox(purpose: str = typer.Option(None, "--purpose", help="The declared purpose the SMS serve "
                                             "(default: the one each case was opened under)."),
                 status: str = typer.Option("queued", "--status"),
                 as_user: AsUser = None) -> None:
    """The SMS messages for the operator's SMS gateway, rendered now with names and phones read through the
    gateway as the signed-in user (audited); phones shown by their last digits."""
    from ukimet.apps.cases import WORKERS, outbox
    from ukimet.core.errors import Refused

    user = sign_in(as_user)
    if user.role not in WORKERS:  # before the store is opened, as the work lists refuse
        raise Refused("surface.cases", role=user.role)
    with _gateway() as gateway:
        messages = outbox(gateway, user, purpose, status)
    table = Table("message", "case", "phone", "status", "text (kk)")
    for m in messages:
        phone = m.phone or ""
        table.add_row(str(m.id), str(m.case_id), "*" * max(0, len(phone) - 3) + phone[-3:], m.status,
                      m.texts.get("kk", ""))
    out.print(table)


@cases_app.command("sent")
def cases_sent(message: list[int] = typer.Argument(..., help="The messages the SMS gateway took."),
               as_user: AsUser = None,
               failed: bool = typer.Option(False, "--failed", help="They could not be delivered.")) -> None:
    """Record what the operator's SMS gateway did with queued messages."""
    from ukimet.apps.cases import mark_sent

    log, user = _worker(as_user)
    out.print(f"{mark_sent(log, user, message, delivered=not failed)} messages {'failed' if failed else 'sent'}")


@findings_app.command("run")
def findings_run(rule: list[str] = typer.Option(None, "--rule", help="Only these rules."),
                 as_user: AsUser = None) -> None:
    """Run the consistency rules over the mart and keep the new findings."""
    from ukimet.apps.findings import keep
    from ukimet.core.metadata import connect_metadata
    from ukimet.model.consistency import run_rules
    from ukimet.model.evidence import keep_findings
    from ukimet.sync.store import open_store

    log, _ = _worker(as_user)
    con = open_store(log.config.resolved_store_path())
    try:
        found = run_rules(con, only=rule or None)
        built = con.execute("SELECT as_of FROM mart.as_of").fetchone()
        as_of = built[0] if built else dt.date.today()
        keep_findings(con, connect_metadata(log.config), found, as_of)  # the values stay in the store
    finally:
        con.close()
    new = keep(log, found, as_of)
    out.print(rule_counts([f.rule for f in found], "findings"))
    out.print(f"{len(new)} new findings kept for review")


@findings_app.command("list")
def findings_list(rule: str = typer.Option(None, "--rule"), status: str = typer.Option("open", "--status"),
                  language: str = typer.Option("kk", "--lang"),
                  purpose: str = typer.Option(None, "--purpose", help="Show the values, read through the gateway "
                                              "(audited)."),
                  as_user: AsUser = None) -> None:
    """Findings (subjects by their number: open a person with ukimet person), the read an audit entry naming the
    signed-in reviewer; with --purpose, their values and explanation as the policy lets the reviewer see them."""
    from ukimet.apps.findings import listed, with_values
    from ukimet.model.consistency import explain, load_rules

    log, _ = _worker(as_user)
    rules = {r.id: r for r in load_rules()}
    table = Table("finding", "rule", "subject", "explanation", "evidence", "status")
    log, user = _worker(as_user)
    kept = listed(log, rule, status, reader=user)
    if not purpose:
        for k in kept:
            table.add_row(str(k.id), k.rule, f"{k.subject_kind} {k.subject}",
                          rules[k.rule].name[language] if k.rule in rules else k.rule, f"{k.records} records",
                          k.status)
    else:
        with _gateway() as gateway:
            for shown in with_values(gateway, user, kept, purpose):
                k = shown.kept
                text = explain(rules[k.rule], shown.finding(), language) if k.rule in rules and shown.values \
                    else rules[k.rule].name[language] if k.rule in rules else k.rule
                table.add_row(str(k.id), k.rule, f"{k.subject_kind} {k.subject}",
                              text + (" (!)" if shown.basis_changed else ""), f"{k.records} records", k.status)
    out.print(table)


@findings_app.command("review")
def findings_review(finding: int = typer.Argument(...), verdict: str = typer.Argument(..., help="confirmed or "
                                                                                               "dismissed"),
                    as_user: AsUser = None, note: str = typer.Option(..., "--note")) -> None:
    """Confirm or dismiss a finding, with a note."""
    from ukimet.apps.findings import review

    log, user = _worker(as_user)
    review(log, user, finding, verdict, note)
    out.print(f"finding {finding}: {verdict}")


@findings_app.command("months")
def findings_months(measure: str = typer.Option("payments", "--measure", help="payments or recipients"),
                    threshold: float = typer.Option(4.0, "--threshold"), as_user: AsUser = None) -> None:
    """Unusual months in each region's series (robust z against the region's own previous months)."""
    from ukimet.model.consistency import unusual_months
    from ukimet.sync.store import open_store

    log, _ = _worker(as_user)
    con = open_store(log.config.resolved_store_path())
    try:
        found = unusual_months(con, measure, threshold=threshold)
    finally:
        con.close()
    table = Table("region", "month", "value", "expected", "robust z")
    for u in found:
        table.add_row(u.region, u.month.isoformat()[:7], f"{u.value:,.0f}", f"{u.expected:,.0f}", f"{u.robust_z:+.1f}")
    out.print(table)


def ask(question: str = typer.Argument(..., help="A question in Kazakh, Russian or English."),
        as_user: AsUser = None,
        chart: Path = typer.Option(None, "--chart", help="Draw the answer as PNG and SVG into this folder."),
        show_sql: bool = typer.Option(True, "--sql/--no-sql", help="Print the SQL the answer ran.")) -> None:
    """Ask a question in plain words: answered through the gateway, or declined naming what was not understood."""
    from ukimet.apps.questions import ask as answer_question
    from ukimet.apps.questions import draw_answer

    user = sign_in(as_user)
    with _gateway() as gateway:
        answer = answer_question(gateway, user, question)
        if answer.understood:
            out.print(f"[bold]{answer.understood}[/]", highlight=False)
        if answer.rows:
            table = Table(*answer.columns)
            for row in answer.rows:
                last = len(row) - 1  # the value; the columns before it are the groups' keys (a year, a region)
                table.add_row(*[f"{v:,}".replace(",", " ") if isinstance(v, int | float) and i == last else str(v)
                                for i, v in enumerate(row)])
            out.print(table)
        if answer.declined:
            out.print(f"[yellow]{answer.declined}[/]", highlight=False)
        if answer.sql and show_sql:
            out.print(answer.sql, highlight=False, soft_wrap=True)
        if chart is not None and answer.rows:
            out.print("chart: " + ", ".join(str(p) for p in draw_answer(answer, chart)))
        if answer.sql is None:
            raise typer.Exit(3)


def source_audit(as_user: AsUser = None,
                 language: str = typer.Option("kk", "--lang"),
                 folder: Path = typer.Option(Path(), "--out", help="Where to draw the chart.")) -> None:
    """Each connected system's quality, freshness, linkage rate, duplication and use; the least delivering first."""
    from ukimet.apps.source_audit import audit_sources, draw_report

    user = sign_in(as_user)
    with _gateway() as gateway:
        reports = audit_sources(gateway, user)
        table = Table("system", "delivery", "weakest", "complete", "valid", "linked", "duplicates", "days since sync",
                      "queries (90 d)")

        def share(value: float | None) -> str:
            return "" if value is None else f"{value:.1%}"

        for r in reports:
            table.add_row(r.source, f"{r.delivery:.3f}", r.weakest, share(r.completeness), share(r.validity),
                          share(r.linkage_rate), share(r.duplication), "" if r.freshness_days is None else
                          str(r.freshness_days), str(r.queries))
        out.print(table)
        out.print("chart: " + ", ".join(str(p) for p in draw_report(reports, folder, language)))


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import add_group, clean_errors

    for name, group in (("mart", mart_app), ("family", family_app), ("entitlements", entitlements_app),
                        ("cases", cases_app), ("findings", findings_app)):
        add_group(app, group, name)
    app.command("source-audit")(clean_errors(source_audit))
    app.command("ask")(clean_errors(ask))
