"""The attack corpus (tests/gateway_attacks.py): every schema-aware attack has its exact outcome - the refusal's
reason, or exactly the rows the policy allows, or a differentially private answer, or exactly the persons the
audit log names - and every attempt, refused or not, is in the audit log. An error never quotes a value."""

from __future__ import annotations

from typing import Any

import pytest

from ukimet.core.errors import PolicyError
from ukimet.gateway.rewrite import User

from .gateway_attacks import ATTACKS
from .gateway_registry import ANALYST, AUDITOR, WORKER

USERS = {"analyst": ANALYST, "worker": WORKER, "auditor": AUDITOR,
         "admin": User("root", "admin", "National data operator")}
PURPOSE = "case 1"


def test_the_corpus_is_large_and_covers_every_class() -> None:
    assert len(ATTACKS) >= 200
    assert {a[0] for a in ATTACKS} >= {"hidden_columns", "scope", "functions", "aggregate_isolation",
                                        "error_oracle", "untraced_persons", "admin_auditor"}


def _last_entry(gateway: Any) -> dict[str, Any]:
    entry: dict[str, Any] = gateway.audit.entries(limit=1)[0]
    return entry


@pytest.mark.parametrize(("kind", "who", "purposed", "sql", "outcome"), ATTACKS,
                         ids=[f"{a[0]}-{a[1]}-{n}" for n, a in enumerate(ATTACKS)])
def test_an_attack_has_its_exact_outcome_and_is_audited(registry: dict[str, Any], kind: str, who: str,
                                                        purposed: bool, sql: str, outcome: Any) -> None:
    gateway, user = registry["gateway"], USERS[who]
    purpose = PURPOSE if purposed else None
    if isinstance(outcome, str) and outcome != "private":
        with pytest.raises(PolicyError) as refused:
            gateway.query(user, sql, purpose)
        assert refused.value.reason == outcome, refused.value
        entry = _last_entry(gateway)
        assert entry["action"] == "refused" and entry["user_name"] == user.name
        said = str(refused.value)
        for _number, iin, _surname, born, _region, _diagnosis, income in registry["rows"]:
            for value in (iin, born, f"{income}"):  # nothing of the data quoted (the caller's own text may be)
                assert value not in said or value in sql
        return
    result = gateway.query(user, sql, purpose)
    entry = _last_entry(gateway)
    assert entry["seq"] == result.audit_seq and entry["action"] == "query"
    if outcome == "private" or (isinstance(outcome, tuple) and outcome[0] == "private"):
        assert "differential privacy" in result.rewritten
        if isinstance(outcome, tuple):
            assert result.rows == outcome[1]
        return
    what, expected = outcome
    if what == "rows":
        assert [list(r) for r in result.rows] == expected
    elif what == "same":
        assert result.rows == gateway.query(user, expected, purpose).rows
    else:
        assert what == "traced"
        assert len(entry["persons"]) == expected


def test_a_query_that_runs_too_long_is_stopped_and_refused(registry: dict[str, Any]) -> None:
    from ukimet.gateway.api import Gateway

    from .gateway_registry import registry_policy

    config = registry["config"].model_copy(update={"query_timeout": 1.0})
    gateway = Gateway(config, policy=registry_policy())
    sql = ("SELECT count(*) FROM reg.persons a, reg.persons b, reg.persons c, reg.persons d, reg.persons e, "
           "reg.persons f WHERE a.dohod + b.dohod + c.dohod + d.dohod + e.dohod + f.dohod > 0")
    with pytest.raises(PolicyError) as refused:
        gateway.query(WORKER, sql, PURPOSE)
    assert refused.value.reason == "engine" and "longer" in refused.value.why
    assert _last_entry(gateway)["action"] == "refused"


def test_a_result_larger_than_a_query_may_return_is_refused(registry: dict[str, Any]) -> None:
    from ukimet.gateway.api import Gateway

    from .gateway_registry import registry_policy

    gateway = Gateway(registry["config"].model_copy(update={"max_result_bytes": 1000}), policy=registry_policy())
    with pytest.raises(PolicyError) as refused:
        gateway.query(WORKER, "SELECT familiya, iin, data_rozhdeniya FROM reg.persons", PURPOSE)
    assert refused.value.reason == "size"


def test_a_query_naming_an_iin_is_logged_with_its_keyed_hash(registry: dict[str, Any]) -> None:
    gateway = registry["gateway"]
    iin = registry["rows"][2][1]
    gateway.query(WORKER, f"SELECT familiya FROM reg.persons WHERE iin = '{iin}'", f"check of {iin}")
    entry = _last_entry(gateway)
    assert iin not in entry["query"] and iin not in (entry["rewritten"] or "") and iin not in entry["purpose"]
    assert f"iin:{gateway.audit.person(iin)[:16]}" in entry["query"]
