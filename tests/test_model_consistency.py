"""Consistency findings: the rules find what the synthetic country planted (payments after death, registered
unemployed with income, minor and deceased directors), each with its evidence records and an explanation in
each language; rules tested as data on small hand-made marts; the time-series detector finds a spike and
stays quiet on a steady series; findings are kept once and reviewed with a note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import read_store, truth
from ukimet.apps import findings as work
from ukimet.core.errors import ConfigError, InvalidInput, PolicyError
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway.audit import AuditLog
from ukimet.gateway.rewrite import User
from ukimet.model.consistency import explain, load_rules, run_rules, unusual_months

RULES = {r.id: r for r in load_rules()}


@pytest.fixture(scope="module")
def found(mart: dict[str, Any]) -> tuple[list[Any], dict[str, str]]:
    con = read_store(mart["store"])
    try:
        return run_rules(con), dict(con.execute("SELECT person_id, iin FROM mart.persons").fetchall())
    finally:
        con.close()


@pytest.mark.parametrize("rule", ["deceased_paid", "unemployed_with_income", "minor_director", "deceased_director"])
def test_the_rules_find_what_was_planted(mart: dict[str, Any], found: Any, rule: str) -> None:
    results, iin_of = found
    planted = {p["subject"] for p in truth(mart["out"], "planted") if p["kind"] == rule}
    got = {r.subject if r.subject_kind == "company" else iin_of[r.subject] for r in results if r.rule == rule}
    assert planted, f"the test country planted no {rule}"
    recall, precision = len(planted & got) / len(planted), len(planted & got) / max(1, len(got))
    assert recall >= 0.99 and precision >= 0.5, (rule, planted, got)


def test_every_finding_names_its_evidence_and_is_explained(found: Any) -> None:
    results, _ = found
    assert results
    for result in results:
        assert result.evidence and all({"source", "table", "key"} <= set(e) for e in result.evidence)
        for language in ("kk", "ru", "en"):
            text = explain(RULES[result.rule], result, language)
            assert "{" not in text and len(text) > 20


def _mart(tables: dict[str, str]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA mart")
    for sql in tables.values():
        con.execute(sql)
    return con


def test_crowded_dwellings_and_income_outliers_as_data() -> None:
    con = _mart({
        "dwellings": "CREATE TABLE mart.dwellings AS SELECT * FROM (VALUES (1, 30.0, 22), (2, 60.0, 4), "
                     "(3, 55.0, 10)) t(dwelling_id, area_m2, residents)",
        "persons": "CREATE TABLE mart.persons AS SELECT 'p' || i AS person_id, '19' AS region, 'M' AS sex, "
                   "35 AS age, true AS alive, CASE WHEN i = 0 THEN 9000000.0 ELSE 250000.0 + 1000 * i END "
                   "AS monthly_wage FROM range(40) r(i)",
    })
    con.execute("CREATE SCHEMA link")
    con.execute("CREATE TABLE link.person_records (record_id BIGINT, source VARCHAR, source_table VARCHAR, "
                "record_key VARCHAR)")
    con.execute("CREATE TABLE link.entities (record_id BIGINT, entity_id VARCHAR)")
    results = run_rules(con, only=["crowded_dwelling", "income_outlier"])
    assert sorted((r.rule, r.subject) for r in results) == [("crowded_dwelling", "1"), ("income_outlier", "p0")]


def test_the_detector_finds_a_spike_and_stays_quiet_on_a_steady_series() -> None:
    months = [dt.date(2024, 1, 1) + dt.timedelta(days=31 * i) for i in range(24)]
    rows = ", ".join(f"('p{r}{i}', '{r}', DATE '{m.replace(day=5)}', "
                     f"{100000 + 500 * (i % 3) + (900000 if (r, i) == ('19', 18) else 0)})"
                     for r in ("19", "75") for i, m in enumerate(months))
    con = _mart({
        "pay": f"CREATE TABLE mart.payments AS SELECT * FROM (VALUES {rows}) t(person_id, region, paid_on, amount)",
        "persons": "CREATE TABLE mart.persons AS SELECT DISTINCT person_id, region FROM mart.payments",
    })
    unusual = unusual_months(con, "payments")
    assert [(u.region, u.month.isoformat()[:7]) for u in unusual] == [("19", "2025-07")]
    with pytest.raises(ConfigError, match="not one of"):
        unusual_months(con, "weather")


def test_findings_are_kept_once_and_reviewed_with_a_note(tmp_path: Path, found: Any) -> None:
    results, _ = found
    config = Settings(home=tmp_path)
    log = AuditLog(connect_metadata(config), config)
    new = work.keep(log, results, dt.date(2026, 1, 1))
    assert len(new) == len(results) and work.keep(log, results, dt.date(2026, 1, 1)) == []
    auditor = User("bolat", "auditor", "Accounts Committee")
    with pytest.raises(InvalidInput, match="needs a note"):
        work.review(log, auditor, new[0], "confirmed", " ")
    with pytest.raises(PolicyError, match="may not review"):
        work.review(log, User("x", "citizen", "-"), new[0], "confirmed", "ok")
    work.review(log, auditor, new[0], "confirmed", "payments stopped, recovery ordered")
    assert work.listed(log, status="confirmed")[0].reviewer == "bolat"
    assert len(work.listed(log)) == len(results) - 1
    assert log.entries(limit=1)[0]["action"] == "finding"


def test_a_rule_file_with_a_mistake_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rules]]\nid = "x"\nsubject = "planet"\nsql = "SELECT 1"\n'
                    'name = {kk = "a", ru = "b", en = "c"}\ntext = {kk = "a", ru = "b", en = "c"}\n', "utf-8")
    with pytest.raises(ConfigError, match="subject 'planet'"):
        load_rules(path)
