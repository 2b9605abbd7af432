"""Policy rewrites tested as data: each case in tests/fixtures/gateway/policy_cases.json is a query, the user who
asks and the purpose, with exactly the rows the policy allows (or the refusal). The rewritten query runs on the
real locked-down DuckDB engine over the registry of tests/gateway_registry.py. An answer without a purpose is
differentially private: its case names the ``noise`` its numbers may be off by (with a chance below one in a
million of more), its keys must be exact."""

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
    rows = [list(row) for row in gateway.query(user, case["sql"], case.get("purpose")).rows]
    if "noise" not in case:
        assert rows == case["rows"]
        return
    assert len(rows) == len(case["rows"])
    for row, expected in zip(rows, case["rows"], strict=True):
        for got, wanted in zip(row, expected, strict=True):
            assert abs(got - wanted) <= case["noise"] if isinstance(wanted, int | float) else got == wanted


@pytest.mark.parametrize(("value", "data_type", "semantic_type", "shown"), [
    ("870412300415", "VARCHAR", "iin", "*********415"), ("+77071234567", "VARCHAR", "phone", "*********567"),
    ("2", "INTEGER", None, "*"), ("120500", "BIGINT", None, "******"), ("1250000", "BIGINT", None, "****000"),
    ("Нұрланова", "VARCHAR", "surname", "Н***"), ("1987-04-12", "DATE", "birth_date", "1987"),
])
def test_a_partial_mask_never_shows_a_short_value_whole(value: str, data_type: str, semantic_type: str | None,
                                                         shown: str) -> None:
    import duckdb

    from ukimet.gateway.guard import ColumnInfo
    from ukimet.gateway.rewrite import masked

    sql = masked("v", ColumnInfo(data_type, semantic_type, "personal"), "partial").sql(dialect="duckdb")
    con = duckdb.connect()
    (result,) = con.execute(f'SELECT {sql} FROM (SELECT CAST(? AS {data_type}) AS "v")', [value]).fetchone() or (None,)
    assert str(result) == shown
