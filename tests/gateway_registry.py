"""A small registry for the gateway's specification: 60 persons in two regions (names, IINs, birth dates,
diagnoses, incomes) and their benefit payments (one person paid 15 times), synced into a real store."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

from ukimet.connect.catalog import refresh_catalog, set_label
from ukimet.connect.connectors import open_connector
from ukimet.connect.sources import SourceSpec, add_source
from ukimet.core.ids import NumberIssuer
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway.policy import DEFAULT, Policy, parse_policy, to_toml
from ukimet.gateway.privacy import Privacy
from ukimet.gateway.rewrite import User
from ukimet.sync.engine import Syncer

SURNAMES = ["Ахметов", "Сейтқали", "Нұрланова", "Жұмабаев", "Ким", "Иванова", "Оспанов", "Әбдірахманова"]
ANALYST = User("aigerim", "analyst", "Akimat of Shymkent", {"region": "79"})
WORKER = User("dana", "social_worker", "Ministry of Labour")
AUDITOR = User("bolat", "auditor", "Data protection agency")
FREQUENT = 0
"""the person (row index) paid 15 times"""


def build_registry(out: Path) -> dict[str, Any]:
    issuer = NumberIssuer()
    rows: list[tuple[Any, ...]] = []
    payments: list[tuple[Any, ...]] = []
    for n in range(60):
        born = dt.date(1950 + n % 50, 1 + n % 12, 1 + n % 28)
        iin = issuer.iin(born, "M" if n % 2 else "F")
        region = "790100100" if n < 40 else "750000000"
        rows.append((n + 1, iin, SURNAMES[n % len(SURNAMES)], born.isoformat(), region,
                     "J45 астма" if n % 5 == 0 else None, 100_000 + 1_000 * n))
        for k in range(15 if n == FREQUENT else 1 + n % 2):
            payments.append((len(payments) + 1, iin, region, 20_000 + 500 * k + 10 * n, f"2026-{1 + k % 12:02d}-05"))
    path = out / "registry.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE persons (id INTEGER PRIMARY KEY, iin TEXT, familiya TEXT, data_rozhdeniya TEXT, "
                    "kato TEXT, diagnoz TEXT, dohod INTEGER)")
        con.executemany("INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute("CREATE TABLE payments (id INTEGER PRIMARY KEY, iin TEXT, kato TEXT, summa INTEGER, "
                    "data_vyplaty TEXT)")
        con.executemany("INSERT INTO payments VALUES (?, ?, ?, ?, ?)", payments)
    config = Settings(home=out / ".ukimet")
    engine = connect_metadata(config)
    spec = SourceSpec("reg", "sqlite", str(path))
    add_source(engine, spec)
    refresh_catalog(engine, spec, open_connector(spec, config))
    set_label(engine, "reg", "persons", "diagnoz", "test", semantic_type="text", sensitivity="special")
    for table in ("persons", "payments"):
        set_label(engine, "reg", table, "kato", "test", semantic_type="region")
    set_label(engine, "reg", "persons", "dohod", "test", semantic_type="money", sensitivity="personal")
    Syncer(engine, config).sync()
    return {"config": config, "rows": rows, "payments": payments, "iins": {r[1] for r in rows},
            "surnames": set(SURNAMES)}


def registry_policy() -> Policy:
    """The built-in policy with the registry's declarations for differentially private answers (its incomes and
    payments bounded, at most 4 payments of one person read) and budgets that last a whole test module; read back
    from its TOML, as an administrator would load it."""
    privacy = Privacy(rows_per_unit={"reg.payments": 4}, bounds={"reg.persons.dohod": (0, 500_000),
                                                               "reg.payments.summa": (0, 100_000)})
    roles = {name: replace(role, epsilon_per_day=10_000.0) for name, role in DEFAULT.roles.items()}
    return parse_policy(to_toml(Policy(roles, "registry", privacy)), version="registry")


def precise(policy: Policy, version: str) -> Policy:
    """``policy`` with so much privacy budget that the mechanism's noise is far below one row (a count's scale
    1/1000): for the tests of what an answer counts (truncation, filters), which the noise of the deployed budget
    would make fail now and then. The mechanism itself is the same; ``version`` keeps its releases apart."""
    roles = {name: replace(role, epsilon_per_count=1000.0, epsilon_per_value=1000.0, epsilon_per_query=1e6,
                           epsilon_per_day=1e7, role_epsilon_per_day=1e8) for name, role in policy.roles.items()}
    return Policy(roles, version, policy.privacy)
