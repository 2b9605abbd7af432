"""Policies are versioned and audited records loaded only by administrators; purposes are declared with a
case or legal basis and expire; bulk access is blocked and raises an alert an officer must answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from tests.conftest import signed_in_as
from ukimet.cli.main import app
from ukimet.core.errors import ConfigError, InvalidInput, PolicyError
from ukimet.core.metadata import purposes as purposes_table
from ukimet.gateway import alerts, policy_store, purposes
from ukimet.gateway.api import Gateway
from ukimet.gateway.policy import DEFAULT, parse_policy, to_toml
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user

from .gateway_registry import AUDITOR, WORKER

ADMIN = User("gulnar", "admin", "National data operator")
STRICT = """
[roles.social_worker]
masks = { public = "show", personal = "show", special = "hide" }
purpose = "declared"
max_persons_per_day = 3

[roles.admin]
masks = { public = "show" }

[roles.auditor]
masks = { public = "show" }

[roles.citizen]
may_query = false
"""


@pytest.fixture
def gateway(registry: dict[str, Any]) -> Gateway:
    return Gateway(registry["config"])


def test_the_built_in_policy_round_trips_through_toml() -> None:
    assert parse_policy(to_toml(DEFAULT), "copy").roles == DEFAULT.roles


def test_only_an_administrator_loads_a_policy_and_a_bad_one_is_refused(gateway: Gateway) -> None:
    with pytest.raises(PolicyError, match="only an administrator"):
        policy_store.load(gateway.audit, WORKER, STRICT)
    with pytest.raises(ConfigError, match="unknown keys"):
        policy_store.load(gateway.audit, ADMIN, "[roles.analyst]\nmask = {}\n")
    with pytest.raises(ConfigError, match="not one of"):
        policy_store.load(gateway.audit, ADMIN, '[roles.analyst]\nmasks = { personal = "blur" }\n')
    assert policy_store.history(gateway.metadata) == []


def test_a_loaded_policy_is_versioned_audited_and_in_force(registry: dict[str, Any], gateway: Gateway) -> None:
    version = policy_store.load(gateway.audit, ADMIN, STRICT, note="hide diagnoses from social workers")
    assert version == 1 and policy_store.load(gateway.audit, ADMIN, STRICT) == 1  # same text, same version
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["action"] == "policy" and entry["policy"] == "v1" and "max_persons_per_day = 3" in entry["query"]
    fresh = Gateway(registry["config"])
    assert fresh.policy.version == "v1"
    # social workers now need a declared purpose naming a case or legal basis
    with pytest.raises(PolicyError, match="declared purpose"):
        fresh.query(WORKER, "SELECT diagnoz FROM reg.persons WHERE id = 1", purpose="just looking")
    declared = purposes.declare(fresh.audit, WORKER, "disability allowance review", case_ref="2026/88")
    result = fresh.query(WORKER, "SELECT diagnoz FROM reg.persons WHERE id = 1", purpose=f"P-{declared.id}")
    assert result.rows == [(None,)]  # special categories hidden under v1
    logged = fresh.audit.entries(limit=1)[0]
    assert logged["policy"] == "v1" and logged["purpose"].startswith(f"P-{declared.id}: disability allowance")
    assert "case 2026/88" in logged["purpose"]
    # bulk access: a fourth person in a day is blocked, logged as blocked, and alerts the officers
    fresh.query(WORKER, "SELECT familiya FROM reg.persons WHERE id IN (1, 2)", purpose=f"P-{declared.id}")
    with pytest.raises(PolicyError, match="bulk access is blocked"):
        fresh.query(WORKER, "SELECT familiya FROM reg.persons WHERE id IN (3, 4, 5)", purpose=f"P-{declared.id}")
    blocked = fresh.audit.entries(limit=1)[0]
    assert blocked["action"] == "blocked" and blocked["rows"] == 0
    open_alerts = alerts.listed(fresh.metadata)
    assert [(a.user_name, a.kind, a.audit_seq) for a in open_alerts] == [(WORKER.name, "bulk_access", blocked["seq"])]
    with pytest.raises(PolicyError, match="only security officers"):
        alerts.acknowledge(fresh.metadata, WORKER, open_alerts[0].id, "it was me")
    alerts.acknowledge(fresh.metadata, AUDITOR, open_alerts[0].id, "case load of the day, confirmed by the head")
    assert alerts.listed(fresh.metadata) == []
    assert fresh.audit.verify().ok


def test_purposes_belong_to_their_user_and_expire(registry: dict[str, Any], gateway: Gateway) -> None:
    mine = purposes.declare(gateway.audit, WORKER, "birth allowance", legal_basis="Social Code art. 18", days=5)
    other = User("timur", "social_worker", "Akimat of Almaty")
    with pytest.raises(PolicyError, match="is not a purpose timur declared"):
        purposes.resolve(gateway.metadata, other, f"P-{mine.id}", "text")
    with gateway.metadata.begin() as con:
        con.execute(update(purposes_table).where(purposes_table.c.id == mine.id)
                    .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=1)))
    with pytest.raises(PolicyError, match="expired"):
        gateway.query(WORKER, "SELECT familiya FROM reg.persons LIMIT 1", purpose=f"P-{mine.id}")
    with pytest.raises(InvalidInput, match="1 to 366 days"):
        purposes.declare(gateway.audit, WORKER, "forever", days=10_000)


def test_the_administrator_cannot_reach_the_log_through_the_gateway(gateway: Gateway) -> None:
    for sql in ("DELETE FROM audit_entries", "UPDATE audit_entries SET rows = 0", "SELECT * FROM audit_entries",
                "SELECT * FROM main.audit_entries", "DROP TABLE audit_checkpoints"):
        with pytest.raises(PolicyError):
            gateway.query(ADMIN, sql, purpose="maintenance")
    assert gateway.audit.verify().ok


def test_many_refusals_in_a_short_time_raise_one_probing_alert(gateway: Gateway) -> None:
    prober = User("probe", "social_worker", "Unknown")
    for n in range(12):
        with pytest.raises(PolicyError):
            gateway.query(prober, f"SELECT * FROM read_csv('/etc/passwd{n}')", purpose="case review 7")
    assert [a.kind for a in alerts.listed(gateway.metadata) if a.user_name == "probe"] == ["probing"]


def test_policy_purpose_and_alert_commands(registry: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    monkeypatch.setenv("UKIMET_HOME", str(registry["config"].home))
    add_user(Gateway(registry["config"]).metadata, ADMIN)
    add_user(Gateway(registry["config"]).metadata, WORKER)
    policy = tmp_path / "policy.toml"
    policy.write_text(STRICT.replace("max_persons_per_day = 3", "max_persons_per_day = 50"), encoding="utf-8")
    runner = CliRunner()
    engine = Gateway(registry["config"]).metadata
    loaded = runner.invoke(app, ["policy", "load", str(policy), "--as", "gulnar", "--note", "stricter"],
                           env=signed_in_as(engine, "gulnar"))
    assert loaded.exit_code == 0 and "is in force" in loaded.output, loaded.output
    version = loaded.output.split("policy v")[1].split()[0]  # whichever version the tests before made it
    for args, expected in [
        (["policy", "show"], "[roles.social_worker]"),
        (["policy", "history"], "stricter"), (["policy", "show", "--version", version], "max_persons_per_day = 50"),
        (["purpose", "declare", "--as", "dana", "--text", "review", "--case", "2026/9"], "declared"),
        (["purpose", "list", "--as", "dana"], "2026/9"), (["alerts", "list", "--all"], "status"),
    ]:
        named = args[args.index("--as") + 1] if "--as" in args else None
        result = runner.invoke(app, args, env=signed_in_as(engine, named) if named else None)
        assert result.exit_code == 0 and expected in result.output, (args, result.output)
    refused = runner.invoke(app, ["policy", "load", str(policy)], env=signed_in_as(engine, "dana"))
    assert refused.exit_code == 2 and "only an administrator" in refused.output


@pytest.mark.parametrize(("text", "named"), [
    ('[roles.analyst]\nforbidden = [["specail", "adress"]]\n', "forbidden"),
    ('[roles.analyst]\nforbidden = ["special"]\n', "forbidden"),
    ('[roles.analyst]\nrow_filter = "regoin"\n', "row_filter"),
    ('[roles.analyst]\nsmall_cell = "ten"\n', "small_cell"),
    ('[roles.analyst]\nmax_rows_per_query = -5\n', "max_rows_per_query"),
    ('[roles.analyst]\nepsilon_per_day = 0\n', "epsilon_per_day"),
    ('[roles.analyst]\n[privacy]\nbounds = { "mart.persons.monthly_wage" = [5, 1] }\n', "bounds"),
    ('[roles.analyst]\n[privacy]\nrows_per_unit = { "mart.payments" = 0 }\n', "rows_per_unit"),
    ('[roles.analyst]\n[privacy]\nunit = {}\n', "privacy"),
    ('[roles.analyst]\n[privacies]\n', "unknown tables"),
])
def test_a_policy_value_that_would_switch_a_protection_off_is_refused_naming_it(text: str, named: str) -> None:
    from ukimet.gateway.policy import parse_policy

    with pytest.raises(ConfigError) as refused:
        parse_policy(text, "new")
    assert named in str(refused.value)
