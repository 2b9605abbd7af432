"""``ukimet query``, ``ukimet audit``, ``ukimet user`` and ``ukimet tracker``: the governed path on the command
line. Every query runs through the gateway as a named user and lands in the audit log."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.table import Table

from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway import audit
from ukimet.gateway.rewrite import User

out = Console()
user_app = typer.Typer(help="Accounts: role, organisation, region; passwords (argon2id) and API tokens.",
                       no_args_is_help=True)
audit_app = typer.Typer(help="The audit log: show entries, verify the hash chain, sign checkpoints.",
                        no_args_is_help=True)


def query(
    sql: str = typer.Argument(..., help="One SELECT query over catalogued tables (source.table)."),
    as_user: str = typer.Option(..., "--as", help="The user the query runs as (ukimet user list)."),
    purpose: str = typer.Option(None, "--purpose", help="Why person-level rows are needed: text, case number or "
                                                        "legal basis. Without it only aggregates are returned."),
    show_sql: bool = typer.Option(False, "--show-sql", help="Also print the query as the policy rewrote it."),
) -> None:
    """Run a query through the gateway: checked, masked and filtered by policy, audited."""
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.users import get_user

    config = Settings()
    gateway = Gateway(config)
    result = gateway.query(get_user(gateway.metadata, as_user), sql, purpose)
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    out.print(table)
    more = " (more matched: the role's export limit cut the result)" if result.truncated else ""
    out.print(f"{len(result.rows)} rows{more}; audit entry {result.audit_seq}")
    if show_sql:
        out.print(result.rewritten, highlight=False, soft_wrap=True)


@user_app.command("add")
def user_add(name: str = typer.Argument(...), role: str = typer.Option(..., "--role"),
             organisation: str = typer.Option(..., "--org", help="Ministry or akimat the user works for."),
             region: str = typer.Option(None, "--region", help="KATO prefix of the user's region (row filters)."),
             iin: str = typer.Option(None, "--iin", help="A citizen account's own IIN."),
             password_stdin: bool = typer.Option(False, "--password-stdin",
                                                 help="Read a password from standard input.")) -> None:
    """Create an account."""
    from ukimet.gateway.policy import DEFAULT
    from ukimet.gateway.users import add_user

    DEFAULT.role(role)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    add_user(connect_metadata(Settings()), User(name, role, organisation, {"region": region} if region else {}),
             password, iin)
    out.print(f"user {name} ({role}, {organisation}) created")


@user_app.command("list")
def user_list() -> None:
    """List the accounts."""
    from ukimet.gateway.users import list_users

    table = Table("name", "role", "organisation", "attributes", "citizen")
    for user, iin in list_users(connect_metadata(Settings())):
        table.add_row(user.name, user.role, user.organisation, str(user.attributes or ""), "yes" if iin else "")
    out.print(table)


@user_app.command("token")
def user_token(name: str = typer.Argument(...), days: int = typer.Option(90, "--days")) -> None:
    """Issue an API token (printed once; only its hash is kept)."""
    from ukimet.gateway.users import issue_token

    print(issue_token(connect_metadata(Settings()), name, days))


@audit_app.command("verify")
def audit_verify(trusted_key: list[str] = typer.Option(None, "--trusted-key",
                                                       help="Accept checkpoints signed only by these public keys.")
                 ) -> None:
    """Recompute the hash chain and check every signed checkpoint; name the first bad entry."""
    verdict = audit.verify(connect_metadata(Settings()), set(trusted_key) if trusted_key else None)
    if verdict.ok:
        out.print(f"[green]verified[/]: {verdict.entries} entries, {verdict.checkpoints} checkpoints")
        return
    out.print(f"[bold red]TAMPERED[/]: {verdict.reason} (first bad entry: {verdict.first_bad})")
    raise typer.Exit(1)


@audit_app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the chain up to its last entry with the installation's Ed25519 key."""
    config = Settings()
    seq = audit.checkpoint(connect_metadata(config), config.home / "audit_signing.key")
    out.print("the log is empty" if seq is None else f"checkpoint signed at entry {seq}")


@audit_app.command("show")
def audit_show(user: str = typer.Option(None, "--user"), limit: int = typer.Option(20, "--limit")) -> None:
    """The newest entries: who, organisation, role, when, purpose, action, rows, persons, query."""
    table = Table("seq", "at", "user", "organisation", "role", "purpose", "action", "rows", "persons", "query")
    for e in audit.entries(connect_metadata(Settings()), user=user, limit=limit):
        table.add_row(str(e["seq"]), e["at"][:19], e["user_name"], e["organisation"], e["role"], e["purpose"] or "",
                      e["action"], str(e["rows"]), str(len(e["persons"] or [])), e["query"][:60])
    out.print(table)


def tracker(as_user: str = typer.Option(..., "--as", help="The citizen's own account.")) -> None:
    """A citizen's data tracker: every access to their records, each proved part of the verified log."""
    from ukimet.core.errors import PolicyError
    from ukimet.gateway.users import citizen_iin

    engine = connect_metadata(Settings())
    iin = citizen_iin(engine, as_user)
    if not iin:
        raise PolicyError(f"user {as_user!r}", "it is not a citizen account", "create it with --iin")
    verdict = audit.verify(engine)
    table = Table("when", "organisation", "role", "purpose", "entry", "proof")
    for e in audit.entries(engine, person=iin, limit=1000):
        proof = "in the verified chain" if verdict.ok else f"UNPROVEN: {verdict.reason}"
        table.add_row(e["at"][:19], e["organisation"], e["role"], e["purpose"] or "", f"{e['seq']} {e['hash'][:12]}",
                      proof)
    out.print(table)


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    for group in (user_app, audit_app):
        for command in group.registered_commands:
            if command.callback is not None:
                command.callback = clean_errors(command.callback)
    app.add_typer(user_app, name="user")
    app.add_typer(audit_app, name="audit")
    app.command("query")(clean_errors(query))
    app.command("tracker")(clean_errors(tracker))
