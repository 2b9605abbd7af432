"""``ukimet policy``, ``ukimet purpose`` and ``ukimet alerts``: the security officer's and the administrator's
commands. Policy versions and purposes are audited; alerts are acknowledged with a note. Whoever loads a policy,
declares a purpose or answers an alert signs in (cli.identity)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.gateway import open_log
from ukimet.cli.identity import AsUser, operator_only, signed_in

out = Console()
policy_app = typer.Typer(help="Access policies: load a new version, show one, list the history.",
                         no_args_is_help=True)
purpose_app = typer.Typer(help="Purposes of access: declare one (text, case, legal basis, expiry), list yours.",
                          no_args_is_help=True)
alerts_app = typer.Typer(help="Alerts for security officers: bulk access, daily limits, probing.",
                         no_args_is_help=True)


@policy_app.command("load")
def policy_load(file: Path = typer.Argument(..., help="The policy (TOML): \\[roles.<name>] tables."),
                as_user: AsUser = None,
                note: str = typer.Option(None, "--note", help="Why the policy changes (kept with the version).")
                ) -> None:
    """Validate a policy file and store it as the next version (audited, in force from the next query)."""
    from ukimet.gateway import policy_store

    log = open_log()
    admin = signed_in(log.engine, log.config, as_user)
    version = policy_store.load(log, admin, file.read_text(encoding="utf-8"), note)
    out.print(f"policy v{version} is in force")


@policy_app.command("show")
@operator_only
def policy_show(version: int = typer.Option(None, "--version", help="A stored version (default: in force).")
                ) -> None:
    """Print a policy version as TOML (the built-in policy while none was loaded)."""
    from ukimet.core.errors import NotFound
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import policy_store
    from ukimet.gateway.policy import DEFAULT, to_toml

    stored = policy_store.history(connect_metadata(Settings()))
    if version is not None:
        chosen = [v for v in stored if v.version == version]
        if not chosen:
            raise NotFound("policy.no_such_version", version=version)
        print(chosen[0].text)
    else:
        print(stored[-1].text if stored else to_toml(DEFAULT))


@policy_app.command("history")
@operator_only
def policy_history() -> None:
    """Every stored version: when, by whom, why, its hash."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import policy_store

    table = Table("version", "loaded", "by", "note", "sha256")
    for v in policy_store.history(connect_metadata(Settings())):
        table.add_row(f"v{v.version}", v.created_at.isoformat()[:19], v.author, v.note or "", v.sha256[:16])
    out.print(table)


@purpose_app.command("declare")
def purpose_declare(as_user: AsUser = None, text: str = typer.Option(..., "--text"),
                    case: str = typer.Option(None, "--case", help="The case the access serves."),
                    legal_basis: str = typer.Option(None, "--legal-basis", help="The law or order that allows it."),
                    days: int = typer.Option(30, "--days", help="How long it holds (1-366).")) -> None:
    """Declare a purpose; cite it as --purpose P-<number> until it expires."""
    from ukimet.gateway import purposes

    log = open_log()
    purpose = purposes.declare(log, signed_in(log.engine, log.config, as_user), text, case, legal_basis, days)
    out.print(f"P-{purpose.id} declared: {purpose.describe()}")


@purpose_app.command("list")
def purpose_list(as_user: AsUser = None) -> None:
    """Your declared purposes, newest first."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import purposes

    config = Settings()
    engine = connect_metadata(config)
    table = Table("purpose", "text", "case", "legal basis", "expires")
    for p in purposes.of_user(engine, signed_in(engine, config, as_user).name):
        table.add_row(f"P-{p.id}", p.text, p.case_ref or "", p.legal_basis or "",
                      p.expires_at.isoformat()[:10] if p.expires_at else "")
    out.print(table)


@alerts_app.command("list")
@operator_only
def alerts_list(show_all: bool = typer.Option(False, "--all", help="Include acknowledged alerts.")) -> None:
    """Open alerts (newest first): user, kind, what happened, the audit entry."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import alerts

    table = Table("alert", "at", "user", "kind", "detail", "entry", "status")
    for a in alerts.listed(connect_metadata(Settings()), open_only=not show_all):
        table.add_row(str(a.id), a.at.isoformat()[:19], a.user_name, a.kind, a.detail, str(a.audit_seq or ""),
                      a.status if a.status == "open" else f"{a.status} by {a.handled_by}: {a.note}")
    out.print(table)


@alerts_app.command("ack")
def alerts_ack(alert: int = typer.Argument(...), as_user: AsUser = None,
               note: str = typer.Option(..., "--note", help="What was found and done.")) -> None:
    """Acknowledge an alert with a note (security officers)."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import alerts

    config = Settings()
    engine = connect_metadata(config)
    alerts.acknowledge(engine, signed_in(engine, config, as_user), alert, note)
    out.print(f"alert {alert} acknowledged")


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import add_group

    for name, group in (("policy", policy_app), ("purpose", purpose_app), ("alerts", alerts_app)):
        add_group(app, group, name)
