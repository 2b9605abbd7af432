"""``ukimet doctor``: what an inspection of this installation would ask first - is the home readable by other
users of the machine, are the audit log's signing key and its anchor kept apart from the log, are credentials
referenced rather than written into settings, does anything leave the premises - each with what to do about it.
It only looks: it changes nothing (any other command makes the home private when it opens it)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.identity import operator_only
from ukimet.core.files import exposed

if TYPE_CHECKING:
    from ukimet.core.settings import Settings

CITIZEN_DATA_FIRST = "0004"
"""the first revision without citizen data in the metadata store"""


@dataclass(frozen=True)
class Finding:
    check: str
    status: str
    """ok, warn or fail"""
    said: str
    fix: str = ""


def _local(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host in ("localhost",):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def examine(config: Settings) -> list[Finding]:
    """Every check, in order."""
    from sqlalchemy.engine import make_url

    home = config.home
    found: list[Finding] = []
    if not home.exists():
        return [Finding("home", "fail", f"{home} does not exist", "run ukimet demo or ukimet source add first")]
    open_to_others = exposed(home)
    found.append(Finding("files", "fail", f"{len(open_to_others)} files or folders of {home} are readable or "
                         f"writable by other users: {', '.join(str(p) for p in open_to_others[:5])}",
                         f"chmod -R go-rwx {home} (or run any ukimet command as the home's owner)")
                 if open_to_others else Finding("files", "ok", f"{home} and everything in it: owner only"))
    key = config.audit_signing_key
    if key is None or home in key.resolve().parents:
        found.append(Finding("signing key", "warn", "the audit log's checkpoint key is kept in the home beside the "
                             "log: whoever administers the home can re-sign a rewritten log",
                             "set audit_signing_key to a file the policy administrator cannot read, and give "
                             "auditors its public key (ukimet audit key)"))
    else:
        found.append(Finding("signing key", "ok", f"kept apart from the home ({key})"))
    anchored = config.resolved_audit_anchor_path()
    if home.resolve() in anchored.resolve().parents:
        found.append(Finding("audit anchor", "warn", f"the audit log's anchor {anchored} is kept in the home: "
                             "whoever can delete the home's files can remove it with the log",
                             "set audit_anchor_path to a write-once or remote mount (and verify with "
                             "ukimet audit verify --trusted-key)"))
    else:
        found.append(Finding("audit anchor", "ok", f"kept outside the home ({anchored})"))
    metadata = config.resolved_metadata_url()
    if make_url(metadata).password:
        found.append(Finding("credentials", "fail", "metadata_url holds a password",
                             "remove it from the URL and set UKIMET_METADATA_PASSWORD in the environment"))
    else:
        found.append(Finding("credentials", "ok", "no password in the settings"))
    if config.llm_url and not _local(config.llm_url):
        found.append(Finding("premises", "fail", f"llm_url {config.llm_url} is not on this machine or a private "
                             "network", "serve the model on the premises, or unset llm_url"))
    else:
        found.append(Finding("premises", "ok", "nothing is configured to leave the premises"))
    found.append(_schema(metadata))
    found.extend(_backups(home / "backups"))
    return found


def _backups(folder: Path) -> list[Finding]:
    """Copies an upgrade kept of the metadata store: those of revisions before CITIZEN_DATA_OUT still hold the
    citizen data the upgrade moved behind the gateway (SMS texts, evidence values, citizens' IINs)."""
    copies = sorted(folder.glob("metadata-*.sqlite")) if folder.exists() else []
    holding = [c for c in copies if c.name.split("-")[1] < CITIZEN_DATA_FIRST]
    if not holding:
        return []
    return [Finding("backups", "warn", f"{len(holding)} copies of the metadata store made before an upgrade still "
                    f"hold citizen data outside the gateway: {', '.join(c.name for c in holding[:3])}",
                    f"once `ukimet audit verify` passes on the upgraded home, delete them (rm {folder}/metadata-*) "
                    "or move them to the operator's encrypted backup")]


def _schema(url: str) -> Finding:
    """The metadata store's schema revision, read without upgrading it (the doctor changes nothing)."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    from ukimet.core.migrate import HEAD, current

    engine = create_engine(url)
    try:
        revision = current(engine)
    except SQLAlchemyError as error:
        return Finding("schema", "fail", f"the metadata store cannot be read: {error.__class__.__name__}",
                       "check metadata_url and that the database is up")
    finally:
        engine.dispose()
    if revision == HEAD:
        return Finding("schema", "ok", f"the metadata store is at revision {HEAD}, the newest")
    return Finding("schema", "warn", f"the metadata store is at revision {revision or 'none (empty)'}, this "
                   f"version's is {HEAD}", "any other ukimet command upgrades it, keeping a copy in home/backups")


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    @app.command("doctor")
    @clean_errors
    @operator_only
    def doctor() -> None:
        """Check this installation: file permissions, the signing key's place, credentials, the premises, the schema."""
        from ukimet.core.settings import Settings

        findings = examine(Settings())
        table = Table("check", "status", "what", "fix")
        colour = {"ok": "green", "warn": "yellow", "fail": "red"}
        for f in findings:
            table.add_row(f.check, f"[{colour[f.status]}]{f.status}[/]", f.said, f.fix)
        Console().print(table)  # made now: the terminal's width is the one this command runs in
        if any(f.status == "fail" for f in findings):
            raise typer.Exit(1)
