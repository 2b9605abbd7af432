"""Entitlement rules evaluated over the mart: who is entitled to a benefit by law on a date and does not receive
it. Rules are data (model/data/entitlements.toml): the benefit, its legal reference, the dates it is in force,
who receives it and a condition in SQL. Each finding carries the values its condition read (the evidence) and a
hash of them, so that evaluating the same rule version for the same date again shows whether the decision is
reproduced, and if not, which value changed.

    rules = load_rules()
    findings = evaluate(con, rules, dt.date(2026, 1, 1))
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import duckdb
import sqlglot
from pydantic import AfterValidator, BaseModel, Strict, ValidationInfo, model_validator
from sqlglot import exp

from ukimet.core.config_files import FROZEN, Day, Float, Text, one_of, problem, texts_in, unique_ids
from ukimet.core.errors import ConfigError
from ukimet.core.languages import LANGUAGES
from ukimet.model.data_files import load_data
from ukimet.model.mart import PENSION_AGE, SCHEMA, load_mapping

SMS_LANGUAGES = ("kk", "ru")


def _known_benefit(kind: str, info: ValidationInfo) -> str:
    kinds = sorted((info.context or {}).get("benefit_kinds", ()))
    if kind not in kinds:
        raise problem("config.benefit_kind", kind=repr(kind), allowed=", ".join(kinds))
    return kind


class Rule(BaseModel):
    """One entitlement: the benefit (a kind of the mart's benefits), its names, legal reference, the days it is
    in force, who receives it, its condition in SQL and the SMS that asks for consent."""

    model_config = FROZEN
    id: Text
    benefit: Annotated[str, Strict(), AfterValidator(_known_benefit)]
    name: Annotated[dict[str, Text], texts_in(LANGUAGES)]
    legal_reference: Text = ""
    effective_from: Day = dt.date(1900, 1, 1)
    effective_to: Day | None = None
    when: Text
    sms: Annotated[dict[str, Text], texts_in(LANGUAGES, SMS_LANGUAGES)]
    subject: Annotated[str, one_of(("person", "family"))] = "person"
    """person, or family: one case per family, for its head"""

    def in_force(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


class Rules(BaseModel):
    """A rules file: its version, parameters ({name} in a condition) and the rules."""

    model_config = FROZEN
    version: Text = "unversioned"
    parameters: dict[str, Float] = {}
    rules: Annotated[tuple[Rule, ...], AfterValidator(unique_ids)] = ()

    @model_validator(mode="after")
    def _conditions(self) -> Rules:
        for rule in self.rules:
            try:
                sqlglot.parse_one(self.condition(rule), read="duckdb")
            except (KeyError, sqlglot.errors.ParseError) as error:
                raise problem("config.condition", item="rule", id=repr(rule.id), detail=str(error)) from None
        return self

    def condition(self, rule: Rule) -> str:
        return rule.when.format(**{k: repr(v) for k, v in self.parameters.items()})


@dataclass(frozen=True)
class Finding:
    rule: str
    rule_version: str
    as_of: dt.date
    person_id: str
    family_id: str | None
    evidence: dict[str, Any]

    @property
    def evidence_hash(self) -> str:
        return hashlib.sha256(json.dumps(self.evidence, sort_keys=True, default=str).encode()).hexdigest()


def load_rules(path: Path | None = None) -> Rules:
    """A rules file (default: the one shipped), every rule checked: a known benefit kind, names in kk/ru/en,
    SMS texts in kk and ru, dates, one SQL condition."""
    kinds = set(load_mapping().kinds.values())
    return load_data(Rules, "entitlements.toml", path, context={"benefit_kinds": kinds})


def _base(con: duckdb.DuckDBPyConnection, kinds: list[str], as_of: dt.date) -> None:
    """``entitled_base``: each living person with their family's columns (family_*), their children, and
    receiving_<kind> / since_<kind> / family_receiving_<kind> for every benefit kind."""
    day = f"DATE '{as_of.isoformat()}'"
    per_kind = ", ".join(f"bool_or(active) FILTER (WHERE kind = '{k}') AS r_{k}, "
                         f"max(start_date) FILTER (WHERE kind = '{k}') AS s_{k}" for k in kinds)
    person_kinds = ", ".join(f"coalesce(b.r_{k}, false) AS receiving_{k}, b.s_{k} AS since_{k}" for k in kinds)
    family_kinds = ", ".join(f"coalesce(bool_or(b.r_{k}), false) AS family_receiving_{k}" for k in kinds)
    pension = " OR ".join(f"(p.sex = '{s}' AND p.age >= {a})" for s, a in PENSION_AGE.items())
    con.execute(f"""CREATE OR REPLACE TEMP TABLE entitled_base AS
        WITH b AS (SELECT person_id, {per_kind} FROM {SCHEMA}.benefits GROUP BY 1),
        kids AS (SELECT r.parent_id AS person_id,
                        count(*) FILTER (WHERE c.alive AND c.age < 18) AS own_children_under_18,
                        min(date_diff('day', c.birth_date, {day})) FILTER (WHERE c.alive) AS youngest_child_days,
                        max(c.birth_date) FILTER (WHERE c.alive) AS youngest_child_birth,
                        count(*) FILTER (WHERE c.alive AND c.age < 16 AND c.disability_group IS NOT NULL)
                            AS disabled_children_under_16
                 FROM {SCHEMA}.parents r JOIN {SCHEMA}.persons c ON c.person_id = r.child_id
                 WHERE r.relation = 'mother' AND c.birth_date <= {day} GROUP BY 1),
        orphans AS (SELECT r.child_id AS person_id, bool_or(NOT q.alive) AS parent_deceased
                    FROM {SCHEMA}.parents r JOIN {SCHEMA}.persons q ON q.person_id = r.parent_id GROUP BY 1),
        tsa AS (SELECT p.family_id, sum(pay.amount) / 12 AS tsa_income FROM {SCHEMA}.payments pay
                JOIN {SCHEMA}.persons p USING (person_id) WHERE pay.kind = 'targeted_social_assistance'
                AND pay.paid_on > {day} - INTERVAL 365 DAY AND pay.paid_on <= {day} GROUP BY 1),
        fam AS (SELECT p.family_id, {family_kinds} FROM {SCHEMA}.persons p LEFT JOIN b USING (person_id)
                WHERE p.family_id IS NOT NULL GROUP BY 1),
        heads AS (SELECT family_id, arg_max(person_id, (age >= 18, coalesce(monthly_wage, annual_income / 12, 0),
                                                         age)) AS head
                  FROM {SCHEMA}.persons WHERE alive AND family_id IS NOT NULL GROUP BY 1)
        SELECT p.*, {pension} AS pension_age, coalesce(k.own_children_under_18, 0) AS own_children_under_18,
               k.youngest_child_days, k.youngest_child_birth,
               coalesce(k.disabled_children_under_16, 0) AS disabled_children_under_16,
               coalesce(o.parent_deceased, false) AS parent_deceased, {person_kinds},
               coalesce(h.head = p.person_id, false) AS is_family_head,
               f.members AS family_members, f.children_under_18 AS family_children_under_18,
               f.income_per_person AS family_income_per_person,
               round(f.income_per_person - coalesce(t.tsa_income, 0) / f.members, 2)
                   AS family_income_without_tsa_per_person,
               fam.* EXCLUDE (family_id)
        FROM {SCHEMA}.persons p LEFT JOIN b USING (person_id) LEFT JOIN kids k USING (person_id)
        LEFT JOIN orphans o USING (person_id) LEFT JOIN {SCHEMA}.families f ON f.family_id = p.family_id
        LEFT JOIN tsa t ON t.family_id = p.family_id LEFT JOIN fam ON fam.family_id = p.family_id
        LEFT JOIN heads h ON h.family_id = p.family_id
        WHERE p.alive""")


def evaluate(con: duckdb.DuckDBPyConnection, rules: Rules | None = None, as_of: dt.date | None = None,
             only: list[str] | None = None) -> list[Finding]:
    """Every person (or family head) entitled and not receiving, by each rule in force on the mart's date."""
    rules = rules or load_rules()
    built = con.execute(f"SELECT as_of FROM {SCHEMA}.as_of").fetchone()
    if built is None:
        raise ConfigError("the analytics mart", "it has not been built", "run ukimet mart first")
    if as_of is not None and built[0] != as_of:
        raise ConfigError("the analytics mart", f"it is built as of {built[0]}, not {as_of}",
                          f"build it for that date first: ukimet mart --as-of {as_of}")
    day: dt.date = built[0]
    _base(con, sorted(set(load_mapping().kinds.values())), day)
    findings = []
    for rule in rules.rules:
        if (only and rule.id not in only) or not rule.in_force(day):
            continue
        condition = rules.condition(rule)
        read = sorted({c.name for c in sqlglot.parse_one(condition, read="duckdb").find_all(exp.Column)})
        cursor = con.execute(f"SELECT person_id, family_id, {', '.join(read)} FROM entitled_base "
                             f"WHERE coalesce(({condition}), false) ORDER BY person_id")
        for person_id, family_id, *values in cursor.fetchall():
            findings.append(Finding(rule.id, rules.version, day, person_id, family_id,
                                    dict(zip(read, values, strict=True))))
    return findings
