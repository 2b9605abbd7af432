"""The Digital Family Card: every family scored on five dimensions (economic, social, housing, health,
education) by the criteria of a card file (model/data/family_card.toml), a well-being level from the scores, and
a plain-language explanation in Kazakh, Russian or English of every point a family lost.

The criteria are data: a condition in SQL over the family's mart columns, the points it costs, a text. Scoring
is one SQL statement over ``mart.families`` into ``mart.family_scores``; explanations are rendered on demand.

    card = load_card()
    score_families(con, card)
    explain(card, family, "kk")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import sqlglot
from sqlglot import exp

from ukimet.core.errors import ConfigError
from ukimet.core.languages import LANGUAGES
from ukimet.model.data_files import read_data

DIMENSIONS = ("economic", "social", "housing", "health", "education")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Criterion:
    id: str
    dimension: str
    when: str
    points: int
    text: dict[str, str]


@dataclass(frozen=True)
class Level:
    id: str
    start: int
    name: dict[str, str]


@dataclass(frozen=True)
class Card:
    version: str
    weights: tuple[float, float]
    """the overall score: mean of the dimensions x weights[0] + the weakest dimension x weights[1]"""
    parameters: dict[str, float]
    levels: tuple[Level, ...]
    """highest first"""
    dimensions: dict[str, dict[str, str]]
    criteria: tuple[Criterion, ...]

    def condition(self, criterion: Criterion) -> str:
        return criterion.when.format(**{k: repr(v) for k, v in self.parameters.items()})

    def level(self, score: float) -> Level:
        return next(level for level in self.levels if score >= level.start)


def _texts(where: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise ConfigError(where, f"it needs a text in each of {', '.join(LANGUAGES)}", "add the missing ones")
    return {k: str(v) for k, v in value.items()}


def load_card(path: Path | None = None) -> Card:
    """A card file (default: the one shipped), every criterion checked: its dimension, points, texts in kk/ru/en,
    and that its condition is one SQL expression."""
    data, where = read_data("family_card.toml", path)
    parameters = {k: float(v) for k, v in data.get("parameters", {}).items()}
    criteria = []
    for spec in data.get("criteria", []):
        name = f"{where}: criterion {spec.get('id')!r}"
        if spec.get("dimension") not in DIMENSIONS:
            raise ConfigError(name, f"dimension {spec.get('dimension')!r} is not one of {', '.join(DIMENSIONS)}",
                              "use one of those")
        if not isinstance(spec.get("points"), int) or not 0 < spec["points"] <= 100:
            raise ConfigError(name, "points must be a whole number from 1 to 100", "fix the points")
        try:
            condition = str(spec["when"]).format(**{k: repr(v) for k, v in parameters.items()})
            parsed = sqlglot.parse_one(condition, read="duckdb")
        except (KeyError, sqlglot.errors.ParseError) as error:
            raise ConfigError(name, f"its condition cannot be read ({error})",
                              "write one SQL condition over the family's columns") from None
        if parsed.find(exp.Select, exp.Subquery) is not None:
            raise ConfigError(name, "its condition holds a query", "use the family's own columns only")
        criteria.append(Criterion(spec["id"], spec["dimension"], spec["when"], spec["points"],
                                  _texts(name, spec.get("text"))))
    levels = tuple(sorted((Level(lv["id"], int(lv["from"]), _texts(f"{where}: level {lv['id']}", lv["name"]))
                           for lv in data.get("levels", [])), key=lambda lv: -lv.start))
    if not levels or levels[-1].start != 0:
        raise ConfigError(where, "the levels must start from 0", "add a level with from = 0")
    dimensions = {d: _texts(f"{where}: dimension {d}", data.get("dimensions", {}).get(d)) for d in DIMENSIONS}
    overall = data.get("overall", {"mean": 0.5, "weakest": 0.5})
    weights = (float(overall.get("mean", 0)), float(overall.get("weakest", 0)))
    if abs(sum(weights) - 1) > 1e-9 or min(weights) < 0:
        raise ConfigError(f"{where}: overall", "mean and weakest must be shares that add up to 1", "fix them")
    return Card(str(data.get("version", "unversioned")), weights, parameters, levels, dimensions, tuple(criteria))


def scoring_sql(card: Card, families: str = "mart.families") -> str:
    """One SELECT that scores every family of ``families``."""
    met = {c.id: f"coalesce(({card.condition(c)}), false)" for c in card.criteria}
    scores = []
    for dimension in DIMENSIONS:
        lost = " + ".join(f"CASE WHEN {met[c.id]} THEN {c.points} ELSE 0 END"
                          for c in card.criteria if c.dimension == dimension) or "0"
        scores.append(f"greatest(0, 100 - ({lost})) AS {dimension}")
    listed = ", ".join(f"CASE WHEN {met[c.id]} THEN '{c.id}' END" for c in card.criteria)
    levels = " ".join(f"WHEN score >= {lv.start} THEN '{lv.id}'" for lv in card.levels)
    return f"""WITH scored AS (SELECT family_id, region, members, {", ".join(scores)},
                   list_filter([{listed}], lambda x: x IS NOT NULL) AS criteria FROM {families}),
        overall AS (SELECT *, round({card.weights[0]!r} * ({" + ".join(DIMENSIONS)}) / {len(DIMENSIONS)}
                                    + {card.weights[1]!r} * least({", ".join(DIMENSIONS)}), 1) AS score
                    FROM scored)
        SELECT *, CASE {levels} END AS level, '{card.version}' AS card_version FROM overall"""


def score_families(con: duckdb.DuckDBPyConnection, card: Card | None = None) -> int:
    """``mart.family_scores`` from ``mart.families``; how many families were scored."""
    card = card or load_card()
    con.execute(f"CREATE OR REPLACE TABLE mart.family_scores AS {scoring_sql(card)}")
    counted = con.execute("SELECT count(*) FROM mart.family_scores").fetchone()
    return int(counted[0]) if counted else 0


def _shown(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int | float):
        return f"{value:,.0f}".replace(",", "\u202f") if abs(value) >= 100 else f"{value:g}"
    return str(value)


def explain(card: Card, family: dict[str, Any], language: str = "kk") -> list[str]:
    """Every point the family lost, in plain words: its values and the card's parameters filled in."""
    if language not in LANGUAGES:
        raise ConfigError("language", f"{language!r} is not one of {', '.join(LANGUAGES)}", "use kk, ru or en")
    values = {**{k: _shown(v) for k, v in card.parameters.items()}, **{k: _shown(v) for k, v in family.items()}}
    met = set(family.get("criteria") or [])
    return [f"{card.dimensions[c.dimension][language]}: "
            + PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), c.text[language]) + f" (-{c.points})"
            for c in card.criteria if c.id in met]
