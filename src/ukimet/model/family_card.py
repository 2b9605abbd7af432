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
from pathlib import Path
from typing import Annotated, Any

import duckdb
import sqlglot
from pydantic import AfterValidator, BaseModel, Field, model_validator
from sqlglot import exp

from ukimet.core.config_files import FROZEN, Float, Int, Text, one_of, problem, texts_in, unique_ids
from ukimet.core.errors import ConfigError
from ukimet.core.languages import LANGUAGES
from ukimet.model.data_files import load_data

DIMENSIONS = ("economic", "social", "housing", "health", "education")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


Texts = Annotated[dict[str, Text], texts_in(LANGUAGES)]
"""a text in each of kk, ru, en"""


class Criterion(BaseModel):
    model_config = FROZEN
    id: Text
    dimension: Annotated[str, one_of(DIMENSIONS)]
    when: Text
    """one SQL condition over the family's columns; {name} is a parameter"""
    points: Annotated[Int, Field(ge=1, le=100)]
    text: Texts


class Level(BaseModel):
    model_config = FROZEN
    id: Text
    start: Annotated[Int, Field(alias="from", ge=0, le=100)]
    name: Texts


class Overall(BaseModel):
    """The overall score: the mean of the dimensions and the weakest one, in these shares (adding up to 1)."""

    model_config = FROZEN
    mean: Annotated[Float, Field(ge=0)] = 0.5
    weakest: Annotated[Float, Field(ge=0)] = 0.5

    @model_validator(mode="after")
    def _shares(self) -> Overall:
        if abs(self.mean + self.weakest - 1) > 1e-9:
            raise problem("config.shares")
        return self


def _levels(levels: tuple[Level, ...]) -> tuple[Level, ...]:
    ordered = tuple(sorted(levels, key=lambda lv: -lv.start))
    if not ordered or ordered[-1].start != 0:
        raise problem("config.levels_from_zero")
    return ordered


def _dimensions(dimensions: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    missing = [d for d in DIMENSIONS if d not in dimensions]
    if missing:
        raise problem("config.dimension_names", missing=", ".join(missing))
    return dimensions


class Card(BaseModel):
    """A card file: its version, the overall score's shares, parameters, levels, the dimensions' names and the
    criteria (each a condition over the family's columns, the points it costs, a text in kk, ru and en)."""

    model_config = FROZEN
    version: Text = "unversioned"
    overall: Overall = Overall()
    parameters: dict[str, Float] = {}
    levels: Annotated[tuple[Level, ...], AfterValidator(_levels)] = ()
    """highest first"""
    dimensions: Annotated[dict[Annotated[str, one_of(DIMENSIONS)], Texts], AfterValidator(_dimensions)] = {}
    criteria: Annotated[tuple[Criterion, ...], AfterValidator(unique_ids)] = ()

    @model_validator(mode="after")
    def _conditions(self) -> Card:
        """Each criterion's condition is one SQL expression over the family's own columns."""
        for criterion in self.criteria:
            try:
                parsed = sqlglot.parse_one(self.condition(criterion), read="duckdb")
            except (KeyError, sqlglot.errors.ParseError) as error:
                raise problem("config.condition", item="criterion", id=repr(criterion.id), detail=str(error)
                              ) from None
            if parsed.find(exp.Select, exp.Subquery) is not None:
                raise problem("config.condition_query", item="criterion", id=repr(criterion.id))
        return self

    @property
    def weights(self) -> tuple[float, float]:
        """the overall score: mean of the dimensions x weights[0] + the weakest dimension x weights[1]"""
        return self.overall.mean, self.overall.weakest

    def condition(self, criterion: Criterion) -> str:
        return criterion.when.format(**{k: repr(v) for k, v in self.parameters.items()})

    def level(self, score: float) -> Level:
        return next(level for level in self.levels if score >= level.start)


def load_card(path: Path | None = None) -> Card:
    """A card file (default: the one shipped), every criterion checked: its dimension, points, texts in kk/ru/en,
    and that its condition is one SQL expression."""
    return load_data(Card, "family_card.toml", path)


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
        overall AS (SELECT *, CAST(round({card.weights[0]!r} * ({" + ".join(DIMENSIONS)}) / {len(DIMENSIONS)}
                                    + {card.weights[1]!r} * least({", ".join(DIMENSIONS)}), 1) AS DOUBLE) AS score
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
        raise ConfigError("model.language", language=language, languages=", ".join(LANGUAGES))
    values = {**{k: _shown(v) for k, v in card.parameters.items()}, **{k: _shown(v) for k, v in family.items()}}
    met = set(family.get("criteria") or [])
    return [f"{card.dimensions[c.dimension][language]}: "
            + PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), c.text[language]) + f" (-{c.points})"
            for c in card.criteria if c.id in met]
