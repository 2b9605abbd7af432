"""Consistency and anomaly findings across sources: rules as data (model/data/consistency.toml), each a query
over the mart returning one row per finding with its subject, its values and the evidence records, explained in
Kazakh, Russian and English; and a statistical detector for unusual months in regional time series.

    findings = run_rules(con)
    unusual = unusual_months(con, "payments")
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import duckdb
import sqlglot
from pydantic import AfterValidator, BaseModel, Strict

from ukimet.core.config_files import FROZEN, Text, one_of, problem, texts_in, unique_ids
from ukimet.core.errors import ConfigError
from ukimet.core.languages import LANGUAGES
from ukimet.model.data_files import load_data

SUBJECTS = ("person", "company", "dwelling", "region")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _select(sql: str) -> str:
    try:
        parsed = sqlglot.parse_one(sql, read="duckdb")
    except sqlglot.errors.ParseError as error:
        raise problem("config.query", detail=str(error)) from None
    if not isinstance(parsed, sqlglot.exp.Query):
        raise problem("config.not_select")
    return sql


class Rule(BaseModel):
    """One consistency rule: what it finds (a person, company, dwelling or region), its name, its query and the
    text that explains a finding with the row's values, in kk, ru and en."""

    model_config = FROZEN
    id: Text
    subject: Annotated[str, one_of(SUBJECTS)]
    name: Annotated[dict[str, Text], texts_in(LANGUAGES)]
    sql: Annotated[str, Strict(), AfterValidator(_select)]
    text: Annotated[dict[str, Text], texts_in(LANGUAGES)]


class RulesFile(BaseModel):
    model_config = FROZEN
    rules: Annotated[tuple[Rule, ...], AfterValidator(unique_ids)] = ()


@dataclass(frozen=True)
class Finding:
    rule: str
    subject_kind: str
    subject: str
    values: dict[str, Any]
    evidence: list[dict[str, str]]
    """the records a reviewer opens: source, table, key"""


def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    """The rules file (default: the one shipped), every rule checked: its subject, texts, and one SELECT."""
    return load_data(RulesFile, "consistency.toml", path).rules


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def run_rules(con: duckdb.DuckDBPyConnection, rules: tuple[Rule, ...] | None = None,
              only: list[str] | None = None) -> list[Finding]:
    """Every finding of every rule; a rule whose query fails names itself and the reason."""
    found = []
    for rule in rules or load_rules():
        if only and rule.id not in only:
            continue
        try:
            cursor = con.execute(rule.sql)
        except duckdb.Error as error:
            raise ConfigError(f"consistency rule {rule.id!r}", f"its query failed ({str(error).splitlines()[0]})",
                              "fix the rule's SQL (ukimet mart build must have run)") from None
        names = [d[0] for d in cursor.description or []]
        if "subject" not in names or "evidence" not in names:
            raise ConfigError(f"consistency rule {rule.id!r}", "its query returns no subject or evidence column",
                              "return subject and evidence (a list of {source, table, key})")
        for row in cursor.fetchall():
            values = dict(zip(names, row, strict=True))
            evidence = [{k: str(v) for k, v in item.items()} for item in values.pop("evidence") or []]
            subject = str(values.pop("subject"))
            found.append(Finding(rule.id, rule.subject, subject, {k: _plain(v) for k, v in values.items()},
                                 evidence))
    return found


def explain(rule: Rule, finding: Finding, language: str = "kk") -> str:
    if language not in LANGUAGES:
        raise ConfigError("language", f"{language!r} is not one of {', '.join(LANGUAGES)}", "use kk, ru or en")
    shown = {k: f"{v:,}".replace(",", "\u202f") if isinstance(v, int) and abs(v) >= 1000 else str(v)
             for k, v in finding.values.items()}
    return f"{rule.name[language]}: " + PLACEHOLDER.sub(lambda m: shown.get(m.group(1), m.group(0)),
                                                        rule.text[language])


# --- regional time series ----------------------------------------------------------------------------------------
SERIES = {
    "payments": "SELECT p.region, date_trunc('month', pay.paid_on) AS month, sum(pay.amount) AS value "
                "FROM mart.payments pay JOIN mart.persons p USING (person_id) WHERE p.region IS NOT NULL "
                "AND pay.paid_on IS NOT NULL GROUP BY ALL",
    "recipients": "SELECT p.region, date_trunc('month', pay.paid_on) AS month, count(DISTINCT pay.person_id) "
                  "AS value FROM mart.payments pay JOIN mart.persons p USING (person_id) WHERE p.region IS NOT "
                  "NULL AND pay.paid_on IS NOT NULL GROUP BY ALL",
}
"""measure -> (region, month, value)"""


@dataclass(frozen=True)
class UnusualMonth:
    measure: str
    region: str
    month: dt.date
    value: float
    expected: float
    """the median of the months before"""
    robust_z: float


def unusual_months(con: duckdb.DuckDBPyConnection, measure: str = "payments", history: int = 12,
                   threshold: float = 4.0, minimum: int = 6, min_change: float = 0.25) -> list[UnusualMonth]:
    """Months whose value is far from the region's own recent months: robust z (median and MAD of the
    ``history`` months before) above ``threshold`` and at least ``min_change`` away from the median, with at
    least ``minimum`` months to compare with."""
    if measure not in SERIES:
        raise ConfigError("measure", f"{measure!r} is not one of {', '.join(SERIES)}", "use one of those")
    rows = con.execute(f"SELECT region, month, value FROM ({SERIES[measure]}) ORDER BY region, month").fetchall()
    series: dict[str, list[tuple[dt.date, float]]] = {}
    for region, month, value in rows:
        series.setdefault(str(region), []).append((month.date() if isinstance(month, dt.datetime) else month,
                                                   float(value)))
    found = []
    for region, points in series.items():
        for i in range(minimum, len(points)):
            before = [v for _, v in points[max(0, i - history):i]]
            median = statistics.median(before)
            mad = statistics.median(abs(v - median) for v in before)
            spread = 1.4826 * mad if mad > 0 else max(abs(median) * 0.05, 1.0)
            z = (points[i][1] - median) / spread
            if abs(z) > threshold and abs(points[i][1] - median) >= min_change * abs(median):
                found.append(UnusualMonth(measure, region, points[i][0], points[i][1], median, round(z, 1)))
    return found
