"""Policy rewrites tested as data: each case in tests/fixtures/gateway/policy_cases.json is a query, the user who
asks and the purpose, with exactly the rows the policy allows (or the refusal). The rewritten query runs on the
real locked-down DuckDB engine over the registry of tests/gateway_registry.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ukimet.core.errors import PolicyError
from ukimet.gateway.rewrite import User

from .gateway_registry import ANALYST, AUDITOR, WORKER

CASES = json.loads((Path(__file__).parent / "fixtures" / "gateway" / "policy_cases.json").read_text("utf-8"))
USERS = {"analyst": ANALYST, "worker": WORKER, "auditor": AUDITOR, "citizen": User("asel", "citizen", "-")}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_rewritten_query_returns_exactly_what_the_policy_allows(registry: dict[str, Any],
                                                                   case: dict[str, Any]) -> None:
    gateway, user = registry["gateway"], USERS[case["user"]]
    if "refused" in case:
        with pytest.raises(PolicyError, match=case["refused"]):
            gateway.query(user, case["sql"], case.get("purpose"))
        return
    assert [list(row) for row in gateway.query(user, case["sql"], case.get("purpose")).rows] == case["rows"]
