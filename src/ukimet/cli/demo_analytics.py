"""The analytics part of ``ukimet demo``: the mart and family card as of the country's date, demo accounts, the
proactive cases the case service opens under a declared purpose, the consistency findings, and the charts of
the family card and the source audit, every citizen-level read through the gateway. The demo accounts'
passwords (for the web) and API tokens (for the command line) are written to files only their owner can read,
never printed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from ukimet.core.regions import regions
from ukimet.core.settings import Settings
from ukimet.gateway.rewrite import User

STAFF = (
    User("social-worker", "social_worker", "Ministry of Labour and Social Protection"),
    User("auditor", "auditor", "Agency for Personal Data Protection"),
    User("admin", "admin", "National data operator"),
    User("case-service", "case_service", "Ministry of Labour and Social Protection"),
)
ANALYSTS = tuple(User(f"analyst-{r.code}", "analyst", f"Akimat: {r.name_en}", {"region": r.code}) for r in regions())
"""an analyst for each region's akimat"""
ACCOUNTS = (*STAFF, *ANALYSTS)
ORGANISATIONS = {
    "Ministry of Labour and Social Protection": {"kk": "Еңбек және халықты әлеуметтік қорғау министрлігі",
                                                 "ru": "Министерство труда и социальной защиты населения"},
    "Agency for Personal Data Protection": {"kk": "Дербес деректерді қорғау агенттігі",
                                            "ru": "Агентство по защите персональных данных"},
    "National data operator": {"kk": "Ұлттық деректер операторы", "ru": "Национальный оператор данных"},
    **{f"Akimat: {r.name_en}": {"kk": f"{r.name_kk} әкімдігі", "ru": f"Акимат ({r.name_ru})"} for r in regions()},
}
"""the demo organisations' names in Kazakh and Russian (their accounts record them in English)"""


def _accounts(engine: Engine, config: Settings, citizen_iin: str | None) -> dict[str, str]:
    """The demo accounts, each with a fresh password (printed once: only its argon2 hash is kept); the citizen
    is a person the proactive service has looked at, so the tracker has something to show."""
    import secrets

    from ukimet.gateway.organisations import name_organisation, organisation_names
    from ukimet.gateway.users import add_user, list_users, set_password

    named = organisation_names(engine)
    for organisation, titles in ORGANISATIONS.items():
        if organisation not in named:
            name_organisation(engine, organisation, titles)
    have = {u.name for u, _ in list_users(engine)}
    accounts = list(ACCOUNTS)
    if citizen_iin:
        accounts.append(User("citizen", "citizen", "-"))
    passwords = {}
    for user in accounts:
        if user.name not in have:
            add_user(engine, user, iin=citizen_iin if user.role == "citizen" else None, config=config)
        passwords[user.name] = f"demo-{secrets.token_hex(4)}"
        set_password(engine, user.name, passwords[user.name])
    return passwords


def credentials(config: Settings, engine: Engine, passwords: dict[str, str]) -> Path:
    """The demo accounts' passwords in home/demo/passwords and a fresh API token each in home/demo/tokens/NAME
    (earlier demo tokens revoked), every file 0600; the folder they are in."""
    from ukimet.core.files import write_private
    from ukimet.gateway.users import issue_token, revoke_tokens

    folder = config.home / "demo"
    write_private(folder / "passwords", "".join(f"{name} {password}\n" for name, password in passwords.items()))
    for name in passwords:
        revoke_tokens(engine, name)
        write_private(folder / "tokens" / name, issue_token(engine, name, days=30) + "\n")
    return folder


def _accounts_only(engine: Engine, user: User) -> None:
    from ukimet.gateway.users import add_user, list_users

    if user.name not in {u.name for u, _ in list_users(engine)}:
        add_user(engine, user)


def run_analytics(config: Settings, engine: Engine, as_of: dt.date, folder: Path, out: Console) -> None:
    from ukimet.apps.cases import listed, open_cases
    from ukimet.apps.family_card import distribution, draw_distribution
    from ukimet.apps.findings import keep
    from ukimet.apps.source_audit import audit_sources, draw_report
    from ukimet.cli.apps import rule_counts
    from ukimet.gateway import purposes
    from ukimet.gateway.api import Gateway
    from ukimet.model.consistency import run_rules
    from ukimet.model.entitlements import evaluate
    from ukimet.model.evidence import keep_entitlements, keep_findings
    from ukimet.model.mart import build_mart
    from ukimet.sync.store import open_store

    con = open_store(config.resolved_store_path(), memory_limit=config.work_memory_limit)
    try:
        with out.status(f"building the analytics mart and the family card as of {as_of} ..."):
            rows = build_mart(con, engine, as_of)
            findings = evaluate(con)
            found = run_rules(con)
            keep_entitlements(con, engine, findings)  # the values behind cases and findings stay in the store
            keep_findings(con, engine, found, as_of)
    finally:
        con.close()
    out.print(f"\n[bold]Mart[/] as of {as_of}: {rows['persons']:,} persons, {rows['families']:,} families scored")
    worker, auditor, service = STAFF[0], STAFF[1], STAFF[3]
    for user in (service, worker, auditor):
        _accounts_only(engine, user)
    with Gateway(config) as gateway:
        basis = next((p for p in purposes.of_user(engine, service.name) if p.legal_basis), None) or \
            purposes.declare(gateway.audit, service, "proactive social benefits",
                             legal_basis="Social Code of the Republic of Kazakhstan, Art. 7", days=366)
        opened = open_cases(gateway, service, findings, purpose=f"P-{basis.id}")
        new_findings = keep(gateway.audit, found, as_of)
        levels = distribution(gateway, worker)
        charts = draw_distribution(levels, folder, "kk") + draw_distribution(levels, folder, "ru")
        charts += draw_report(audit_sources(gateway, auditor), folder, "en")
        looked_at = next((c.person_id for c in listed(gateway.audit) if c.status == "notified"), None)
        citizen = None
        if looked_at:
            iin = gateway.query(service, f"SELECT iin FROM mart.persons WHERE person_id = '{looked_at}'",
                                purpose=f"P-{basis.id}")
            citizen = iin.rows[0][0] if iin.rows else None
    passwords = _accounts(engine, config, citizen)
    out.print(rule_counts([f.rule for f in findings], "entitled, not receiving", "Proactive cases"))
    out.print(f"{len(opened)} new cases, each with a consent SMS in Kazakh and Russian queued; "
              f"{len(new_findings)} new consistency findings")
    out.print("Charts: " + ", ".join(str(c) for c in charts))
    folder = credentials(config, engine, passwords)
    accounts = Table("account", "role", "organisation", title="Demo accounts (passwords and tokens new each run)")
    for user in (*ACCOUNTS, User("citizen", "citizen", "a citizen the proactive service looked at")):
        if user.name in passwords:
            accounts.add_row(user.name, user.role, user.organisation)
    out.print(accounts)
    out.print(f"Their passwords, for the web app: {folder / 'passwords'} (readable by you alone).\n"
              "On the command line, act as one with its API token (the command line trusts no name alone):\n"
              f"  export UKIMET_TOKEN=$(cat {folder / 'tokens' / 'social-worker'})", highlight=False, soft_wrap=True)
