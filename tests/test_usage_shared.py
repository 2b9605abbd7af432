"""The daily limits hold across worker processes: every gateway on the same metadata store counts a user's rows
and persons of the day from the audit log, under the log's write lock, so that spreading requests over gateways
or processes never reads more than one gateway may, the bulk-access alert is raised once and seen by all, and
the limits start again the next UTC day."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import ukimet
from tests.conftest import signed_in_as
from ukimet.core.errors import LimitExceeded
from ukimet.gateway import alerts, policy_store
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user

ADMIN = User("gulnar", "admin", "National data operator")
LIMITS = """
[roles.social_worker]
masks = { public = "show", personal = "show", special = "hide" }
max_persons_per_day = 3
max_rows_per_day = 6

[roles.admin]
masks = { public = "show" }

[roles.auditor]
masks = { public = "show" }

[roles.citizen]
may_query = false
"""
PURPOSE = "allowance review, case 2026/14"


def worker(name: str) -> User:
    return User(name, "social_worker", "Ministry of Labour")


def persons(*ids: int) -> str:
    return f"SELECT familiya FROM reg.persons WHERE id IN ({', '.join(map(str, ids))})"


@pytest.fixture(scope="module")
def home(registry: dict[str, Any]) -> dict[str, Any]:
    """The module's registry with the limits above in force (a stored policy, as every worker process reads)."""
    policy_store.load(Gateway(registry["config"]).audit, ADMIN, LIMITS, note="daily limits")
    return registry


def bulk_alerts(gateway: Gateway, name: str) -> list[alerts.Alert]:
    return [a for a in alerts.listed(gateway.metadata) if a.user_name == name and a.kind == "bulk_access"]


def test_two_gateways_together_read_no_more_persons_than_the_role_may(home: dict[str, Any]) -> None:
    first, second, user = Gateway(home["config"]), Gateway(home["config"]), worker("aliya")
    first.query(user, persons(1, 2), PURPOSE)
    second.query(user, persons(3), PURPOSE)  # the third person of the day, read through another gateway
    with pytest.raises(LimitExceeded, match="bulk access is blocked"):
        first.query(user, persons(4), PURPOSE)  # a fourth, though this gateway itself has read only two
    assert first.audit.entries(user="aliya", limit=1)[0]["action"] == "blocked"
    assert second.query(user, persons(1), PURPOSE).rows  # a person read before today counts once
    with pytest.raises(LimitExceeded, match="bulk access is blocked"):
        second.query(user, persons(5), PURPOSE)
    # the alert is raised once, by whichever gateway blocked first, and every gateway sees it
    raised = bulk_alerts(second, "aliya")
    assert len(raised) == 1 and raised == bulk_alerts(first, "aliya")
    assert raised[0].audit_seq == [e["seq"] for e in first.audit.entries(user="aliya", limit=10)
                                   if e["action"] == "blocked"][-1]
    assert first.audit.used_today("aliya").persons == 3
    assert first.audit.verify().ok


def test_two_gateways_together_read_no_more_rows_than_the_role_may(home: dict[str, Any]) -> None:
    gateways, user = [Gateway(home["config"]), Gateway(home["config"])], worker("berik")
    for n in range(6):  # one row each, alternating: each gateway alone has read only three
        gateways[n % 2].query(user, persons(1), PURPOSE)
    for gateway in gateways:
        with pytest.raises(LimitExceeded, match="read 6 rows today"):
            gateway.query(user, persons(1), PURPOSE)
    assert gateways[0].audit.used_today("berik").rows == 6
    assert [a.kind for a in alerts.listed(gateways[1].metadata) if a.user_name == "berik"] == ["daily_rows"]


def test_a_refusal_is_decided_under_the_logs_lock_not_at_admission(home: dict[str, Any]) -> None:
    """Both gateways admit the query (the day's rows are under the limit), then one access is recorded first:
    the other, deciding under the lock, sees it and refuses."""
    first, second, user = Gateway(home["config"]), Gateway(home["config"]), worker("dias")
    for _ in range(5):
        first.query(user, persons(2), PURPOSE)
    role, purpose = second.admit(user, PURPOSE)
    plan = second.prepare(user, role, persons(2), True)
    first.query(user, persons(2), PURPOSE)  # the sixth row, while the second gateway's access was admitted
    with pytest.raises(LimitExceeded, match="read 6 rows today"):
        second.run(user, role, purpose, "query", persons(2), [plan])
    assert second.audit.entries(user="dias", limit=1)[0]["action"] == "refused"
    assert second.audit.used_today("dias").rows == 6


def test_the_limits_start_again_the_next_utc_day(home: dict[str, Any]) -> None:
    now = [dt.datetime(2099, 3, 1, 23, 59, tzinfo=dt.UTC)]
    first, second = (Gateway(home["config"], clock=lambda: now[0]) for _ in range(2))
    user = worker("chingiz")
    first.query(user, persons(1, 2, 3), PURPOSE)
    with pytest.raises(LimitExceeded, match="bulk access is blocked"):
        second.query(user, persons(4), PURPOSE)
    for n in range(3):
        (first, second)[n % 2].query(user, persons(1), PURPOSE)
    with pytest.raises(LimitExceeded) as refused:
        second.query(user, persons(1), PURPOSE)
    assert refused.value.id == "gateway.daily_rows" and refused.value.retry_after == 61
    now[0] = dt.datetime(2099, 3, 2, 0, 0, 1, tzinfo=dt.UTC)
    assert first.query(user, persons(4, 5, 6), PURPOSE).rows  # three new persons, rows counted anew
    assert second.audit.used_today("chingiz").rows == 3 and second.audit.used_today("chingiz").persons == 3


def test_two_worker_processes_together_read_no_more_persons_than_the_role_may(home: dict[str, Any]) -> None:
    """Two `ukimet query` processes at once, each asking for two persons of a three-person day: one is answered,
    the other blocked."""
    config = home["config"]
    engine = Gateway(config).metadata
    user = worker("erlan")
    add_user(engine, user)
    src = str(Path(ukimet.__file__).resolve().parents[1])
    env = {**os.environ, "UKIMET_HOME": str(config.home), "PYTHONPATH": src, **signed_in_as(engine, "erlan")}
    command = [sys.executable, "-c", "from ukimet.cli.main import app; app()", "query", "--as", "erlan",
               "--purpose", PURPOSE]
    running = [subprocess.Popen([*command, persons(*ids)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True) for ids in ((7, 8), (9, 10))]
    outcomes = [(p.wait(timeout=120), p.stdout.read() if p.stdout else "") for p in running]
    assert sorted(code for code, _ in outcomes) == [0, 2], outcomes
    assert any("bulk access is blocked" in said for _, said in outcomes), outcomes
    used = Gateway(config).audit.used_today("erlan")
    assert (used.rows, used.persons) == (2, 2)
    assert len(bulk_alerts(Gateway(config), "erlan")) == 1
