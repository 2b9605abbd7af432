"""``ukimet query``, ``ukimet audit``, ``ukimet user`` and ``ukimet tracker``: the governed path on the command
line. Every query runs through the gateway as a signed-in user (cli.identity) and lands in the audit log; the
user and audit-keeping verbs are the operator's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.identity import AsUser, operator_only, sign_in, signed_in
from ukimet.core.errors import Refused

if TYPE_CHECKING:
    from ukimet.gateway.audit import AuditLog

out = Console()
user_app = typer.Typer(help="Accounts: role, organisation, region; passwords (argon2id) and API tokens.",
                       no_args_is_help=True)
audit_app = typer.Typer(help="The audit log: show entries, verify the hash chain, sign checkpoints.",
                        no_args_is_help=True)


def query(
    sql: str = typer.Argument(..., help="One SELECT query over catalogued tables (source.table)."),
    as_user: AsUser = None,
    purpose: str = typer.Option(None, "--purpose", help="Why person-level rows are needed: text, case number or "
                                                        "legal basis. Without it only aggregates are returned."),
    show_sql: bool = typer.Option(False, "--show-sql", help="Also print the query as the policy rewrote it."),
    as_of: int = typer.Option(None, "--as-of", help="Read the store as it was at this snapshot (ukimet store "
                                                    "snapshots), to reproduce an earlier answer."),
) -> None:
    """Run a query through the gateway: checked, masked and filtered by policy, audited."""
    from ukimet.core.settings import Settings
    from ukimet.gateway.api import Gateway

    config = Settings()
    user = sign_in(as_user, config)
    result = Gateway(config, as_of=as_of).query(user, sql, purpose)
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    out.print(table)
    more = " (more matched: the role's export limit cut the result)" if result.truncated else ""
    out.print(f"{len(result.rows)} rows{more}; audit entry {result.audit_seq}; store snapshot {result.snapshot}")
    if "differential privacy" in result.rewritten:
        out.print(f"a differentially private answer: epsilon {result.epsilon:g} of your daily budget spent"
                  if result.epsilon else "a differentially private answer given before: no budget spent")
    if show_sql:
        out.print(result.rewritten, highlight=False, soft_wrap=True)


def person(
    iin: str = typer.Argument(..., help="The person's IIN."),
    as_user: AsUser = None,
    purpose: str = typer.Option(..., "--purpose", help="Why: a declared P-<number>, or where allowed a text."),
    as_of: int = typer.Option(None, "--as-of", help="Read the store as it was at this snapshot."),
) -> None:
    """Person 360: the person's linked records from every agency, masked by policy; one audit entry."""
    from ukimet.core.settings import Settings
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.person import person_view

    config = Settings()
    user = sign_in(as_user, config)
    view = person_view(Gateway(config, as_of=as_of), user, iin, purpose)
    golden = Table("attribute", "value", title=f"person {view.entity_id}")
    for attribute, value in view.golden.items():
        golden.add_row(attribute, "" if value is None else str(value))
    out.print(golden)
    for records in view.records:
        table = Table(*records.columns, title=f"{records.source}.{records.table} ({', '.join(records.parties)})")
        for row in records.rows:
            table.add_row(*["" if v is None else str(v) for v in row])
        out.print(table)
    for source, table_name, why in view.withheld:
        out.print(f"[yellow]withheld[/] {source}.{table_name}: {why.why}")
    out.print(f"audit entry {view.audit_seq}; store snapshot {view.snapshot}")


@user_app.command("add")
@operator_only
def user_add(name: str = typer.Argument(...), role: str = typer.Option(..., "--role"),
             organisation: str = typer.Option(..., "--org", help="Ministry or akimat the user works for."),
             region: str = typer.Option(None, "--region", help="KATO prefix of the user's region (row filters)."),
             iin: str = typer.Option(None, "--iin", help="A citizen account's own IIN (kept as the audit "
                                                              "log's keyed hash of it)."),
             password_stdin: bool = typer.Option(False, "--password-stdin",
                                                 help="Read a password from standard input.")) -> None:
    """Create an account."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import policy_store
    from ukimet.gateway.rewrite import User
    from ukimet.gateway.users import add_user

    config = Settings()
    policy_store.active(connect_metadata(config)).role(role)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    add_user(connect_metadata(config), User(name, role, organisation, {"region": region} if region else {}),
             password, iin, config)
    out.print(f"user {name} ({role}, {organisation}) created")


@user_app.command("list")
@operator_only
def user_list() -> None:
    """List the accounts, with how many sessions each has live."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway.sessions import live
    from ukimet.gateway.users import list_users

    config = Settings()
    engine = connect_metadata(config)
    table = Table("name", "role", "organisation", "attributes", "citizen", "sessions")
    for user, iin in list_users(engine):
        table.add_row(user.name, user.role, user.organisation, str(user.attributes or ""), "yes" if iin else "",
                      str(live(engine, user.name, config)))
    out.print(table)


@user_app.command("organisation")
@operator_only
def user_organisation(
    name: str = typer.Argument(..., help="The organisation as accounts record it (ukimet user list)."),
    titles: list[str] = typer.Argument(..., help="LANG=TEXT for each language (kk, ru, en); LANG= removes one."),
) -> None:
    """Name an organisation in the readers' languages: the web app (the citizen's tracker, the audit viewer, the
    accounts page) shows it so instead of as recorded."""
    from ukimet.core.errors import ConfigError
    from ukimet.core.languages import LANGUAGES, parse_titles
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway.organisations import name_organisation

    try:
        given = parse_titles(titles)
    except ValueError as wrong:
        raise ConfigError("organisation.language", name=name, language=repr(str(wrong)),
                          allowed=", ".join(LANGUAGES)) from None
    named = name_organisation(connect_metadata(Settings()), name, given)
    shown = "; ".join(f"{code}: {text}" for code, text in sorted(named.items())) or "no names (shown as recorded)"
    out.print(f"organisation {name}: {shown}", highlight=False)


@user_app.command("token")
@operator_only
def user_token(name: str = typer.Argument(...), days: int = typer.Option(90, "--days")) -> None:
    """Issue an API token (printed once; only its hash is kept)."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway.users import issue_token

    print(issue_token(connect_metadata(Settings()), name, days))


OPERATOR = ("Operator-only: runs with the OS-level trust of whoever can read the home (0700), with no "
            "sign-in.")


@user_app.command("passwd", help=f"Give an account a new password; every session of the account ends at once. "
                  f"{OPERATOR}")
def user_passwd(name: str = typer.Argument(...),
                password_stdin: bool = typer.Option(False, "--password-stdin",
                                                    help="Read the new password from standard input.")) -> None:
    from ukimet.gateway.signin import record
    from ukimet.gateway.users import get_user, set_password

    if password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("new password", hide_input=True, confirmation_prompt=True)
    log = open_log()
    ended = set_password(log.engine, name, password)
    record(log, "password_changed", name, f"password changed by the operator ({_os_user()}, command line); "
           f"{ended} sessions ended", get_user(log.engine, name))
    out.print(f"password of {name} changed; {ended} sessions ended")


@user_app.command("revoke", help=f"End every session and delete every API token of an account, at once. {OPERATOR}")
def user_revoke(name: str = typer.Argument(...)) -> None:
    from ukimet.gateway.signin import record
    from ukimet.gateway.users import get_user, revoke

    log = open_log()
    ended, tokens = revoke(log.engine, name)
    record(log, "revoked", name, f"sessions and API tokens revoked by the operator ({_os_user()}, command line): "
           f"{ended} sessions, {tokens} tokens", get_user(log.engine, name))
    out.print(f"{name}: {ended} sessions ended, {tokens} API tokens revoked")


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        import os

        return f"uid {os.getuid()}"


@user_app.command("mfa")
@operator_only
def user_mfa(name: str = typer.Argument(...)) -> None:
    """Give an account a second factor: prints the otpauth:// URI for an authenticator app (once)."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway import mfa

    config = Settings()
    print(mfa.enrol(connect_metadata(config), config, name))


@audit_app.command("verify")
@operator_only
def audit_verify(trusted_key: list[str] = typer.Option(
        None, "--trusted-key", help="Accept checkpoints and anchored heads signed only by these public keys; a log "
        "that none of them signed fails."),
        since_last_checkpoint: bool = typer.Option(
        False, "--since-last-checkpoint", help="Trust the newest checkpoint once its signature and the anchor's copy "
        "of it hold, and re-hash only the entries after it (fast on a large log; the default checks them all).")
        ) -> None:
    """Recompute the hash chain, check every signed checkpoint and every head anchored outside the database
    (audit_anchor_path); name the first bad entry and what was done to it."""
    verdict = open_log().verify(set(trusted_key) if trusted_key else None, since_checkpoint=since_last_checkpoint)
    if verdict.ok:
        checked = f"entries {verdict.since + 1} to {verdict.entries} of {verdict.entries}" if verdict.since else (
            f"{verdict.entries} entries")
        out.print(f"[green]verified[/]: {checked}, {verdict.checkpoints} checkpoints, anchored up "
                  f"to entry {verdict.anchored}; {verdict.reason}")
        return
    out.print(f"[bold red]TAMPERED[/] ({verdict.kind}): {verdict.reason} (first bad entry: {verdict.first_bad})")
    raise typer.Exit(1)


@audit_app.command("checkpoint")
@operator_only
def audit_checkpoint(new_anchor: bool = typer.Option(
        False, "--new-anchor", help="Start a new anchor file when the old one is lost for good (refused while it "
        "exists); verify the log first.")) -> None:
    """Sign the chain up to its last entry with the installation's Ed25519 key and anchor that head."""
    seq = open_log().checkpoint(new_anchor=new_anchor)
    out.print("the log is empty" if seq is None else f"checkpoint signed and anchored at entry {seq}")


@audit_app.command("show")
def audit_show(user: str = typer.Option(None, "--user", help="Only this user's entries."),
               limit: int = typer.Option(20, "--limit"), as_user: AsUser = None) -> None:
    """The newest entries: who, organisation, role, when, purpose, action, rows, persons, query (auditors and
    administrators)."""
    from ukimet.gateway.alerts import OFFICERS

    log = open_log()
    officer = signed_in(log.engine, log.config, as_user)
    if officer.role not in OFFICERS:
        raise Refused("surface.audit_log", role=officer.role)
    table = Table("seq", "at", "user", "organisation", "role", "purpose", "action", "rows", "persons", "query")
    for e in log.entries(user=user, limit=limit):
        table.add_row(str(e["seq"]), e["at"][:19], e["user_name"], e["organisation"], e["role"], e["purpose"] or "",
                      e["action"], str(e["rows"]), str(len(e["persons"] or [])), e["query"][:60])
    out.print(table)


def tracker(as_user: AsUser = None,
            as_json: bool = typer.Option(False, "--json", help="Print the accesses with their proofs as JSON.")
            ) -> None:
    """A citizen's data tracker: every access to their records, each with a proof that it is in the signed log.
    The citizen signs in with their token, or their password (and second factor) asked for at a terminal."""
    import json

    from ukimet.gateway.tracker import my_accesses

    log = open_log()
    report = my_accesses(log, signed_in(log.engine, log.config, as_user))
    if as_json:
        print(json.dumps({"verified": report.verified, "reason": report.reason, "public_key": report.public_key,
                          "anchored_head": vars(report.anchored) if report.anchored else None,
                          "accesses": [{**{k: v for k, v in vars(a).items() if k != "proof"},
                                        "proof": a.proof.to_json() if a.proof else None} for a in report.accesses]},
                         ensure_ascii=False, indent=1))
        return
    table = Table("when", "organisation", "role", "civil servant", "purpose", "entry", "proof")
    for a in report.accesses:
        proof = f"signed at {a.proof.tree_size}" if a.proof else f"UNPROVEN: {report.reason}"
        table.add_row(a.at[:19], a.organisation, a.role, a.user_name, a.purpose or "",
                      f"{a.seq} {a.action}", proof)
    out.print(table)
    out.print(f"{len(report.accesses)} accesses; " + ("every one proved in the signed log (public key "
              f"{report.public_key[:16]}...)" if report.verified else f"[bold red]the log does not verify[/]: "
              f"{report.reason}"))
    if report.anchored:
        out.print(f"the log's latest signed head, kept outside the database: entry {report.anchored.seq}, "
                  f"{report.anchored.at[:19]}, {report.anchored.hash}")


@audit_app.command("prove")
def audit_prove(file: Path = typer.Argument(..., help="A proof (JSON) from `ukimet tracker --json`."),
                trusted_key: list[str] = typer.Option(None, "--trusted-key"), as_user: AsUser = None) -> None:
    """Check an inclusion proof, offline: the entry is in the log the checkpoint signed."""
    import json

    from ukimet.gateway import audit

    sign_in(as_user)
    data = json.loads(file.read_text(encoding="utf-8"))
    proofs = [a["proof"] for a in data["accesses"]] if "accesses" in data else [data]
    for proof in proofs:
        why = audit.check_proof(proof, set(trusted_key) if trusted_key else None)
        if why:
            out.print(f"[bold red]NOT PROVED[/]: entry {proof['header']['seq']}: {why}")
            raise typer.Exit(1)
    out.print(f"[green]proved[/]: {len(proofs)} entries are in the signed log")


@audit_app.command("key")
@operator_only
def audit_key() -> None:
    """Print the public key that signs checkpoints (give it to auditors: audit verify --trusted-key)."""
    print(open_log().public_key())


def open_log() -> AuditLog:
    """The audit log of the installation the settings name (every command that writes to it opens it here)."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway.audit import AuditLog

    config = Settings()
    return AuditLog(connect_metadata(config), config)


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import add_group, clean_errors

    add_group(app, user_app, "user")
    add_group(app, audit_app, "audit")
    app.command("query")(clean_errors(query))
    app.command("tracker")(clean_errors(tracker))
    app.command("person")(clean_errors(person))
