"""Differential privacy for answers without a purpose: what is declared about the data (the privacy unit of each
table, how many rows one unit may contribute, the bounds of every value that may be summed), and the mechanisms,
all from OpenDP (https://opendp.org, its measurements carry proofs and sample noise without the floating-point
attacks of textbook code): the Laplace mechanism on integer counts (discrete Laplace) and on sums, and the Laplace
threshold mechanism that releases only the groups whose noisy count clears a threshold (so that a group key seen
only because of one person is not released, except with probability delta).

The guarantee, per answer: (epsilon, delta)-differential privacy with respect to adding or removing all the rows
of one privacy unit (a person, or for tables without a person, one row: a family, a dwelling, a company), given
that each unit contributes at most ``rows_per_unit`` rows to the table (the gateway truncates to that many) and
that the bounds are declared from knowledge of the domain, never from the data. Answers compose: a user's answers
in one day spend at most ``epsilon_per_day`` of their role's policy, every user of a role together at most
``role_epsilon_per_day``; the audit log records what each answer spent.
"""

from __future__ import annotations

import math
from dataclasses import field
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, Field, Strict
from pydantic.dataclasses import dataclass

from ukimet.core.config_files import STRICT, Float, Text, problem
from ukimet.model.family_card import DIMENSIONS

DELTA = 1e-8
"""delta of one grouped answer: the chance that a group held by one unit is released"""


def _ordered(bound: tuple[float, float]) -> tuple[float, float]:
    if bound[0] >= bound[1]:
        raise problem("config.bounds", bound=list(bound))
    return bound


def _lowered(value: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v.lower() if isinstance(v, str) else v for k, v in value.items()}


RowsPerUnit = Annotated[int, Strict(), Field(ge=1, le=10_000)]
Bound = Annotated[tuple[Float, Float], AfterValidator(_ordered)]


@dataclass(frozen=True, config=STRICT)
class Privacy:
    """What the data's owner declares about the tables, for the mechanisms (a policy's [privacy] table)."""

    units: Annotated[dict[str, Text], AfterValidator(_lowered)] = field(default_factory=dict)
    """source.table -> the column that names the privacy unit (default: its IIN column, else person_id, else each
    row is a unit)"""
    rows_per_unit: Annotated[dict[str, RowsPerUnit], AfterValidator(_lowered)] = field(default_factory=dict)
    """source.table -> at most this many rows of one unit are read (default 1)"""
    bounds: Annotated[dict[str, Bound], AfterValidator(_lowered)] = field(default_factory=dict)
    """source.table.column -> (lower, upper): values are clamped into it before they are summed; a column without
    bounds cannot be summed or averaged"""

    def rows_for(self, table: str) -> int:
        return self.rows_per_unit.get(table, 1)


DEFAULT_PRIVACY = Privacy(
    units={"mart.payments": "person_id", "mart.benefits": "person_id"},
    rows_per_unit={"mart.payments": 12, "mart.benefits": 4},
    bounds={
        "mart.persons.monthly_wage": (0, 2_000_000), "mart.persons.annual_income": (0, 24_000_000),
        "mart.persons.age": (0, 110), "mart.persons.utility_debt": (0, 1_000_000), "mart.persons.vehicles": (0, 5),
        "mart.families.income_per_person": (0, 1_000_000), "mart.families.monthly_income": (0, 5_000_000),
        "mart.families.members": (1, 15), "mart.families.children": (0, 12),
        "mart.families.children_under_18": (0, 12), "mart.families.adults": (0, 10),
        "mart.families.area_m2": (0, 300), "mart.families.area_per_person": (0, 150),
        "mart.families.utility_debt": (0, 1_000_000), "mart.families.score": (0, 100),
        **{f"mart.families.{block}": (0, 100) for block in DIMENSIONS},  # the family card's blocks
        "mart.family_scores.score": (0, 100), "mart.family_scores.members": (1, 15),
        "mart.payments.amount": (0, 500_000), "mart.benefits.monthly_amount": (0, 500_000),
        "mart.dwellings.area_m2": (0, 300), "mart.dwellings.rooms": (0, 10), "mart.dwellings.residents": (0, 20),
        "mart.households.members": (1, 15), "mart.households.children": (0, 12),
    },
)
"""The declarations for the analytics mart (ukimet mart build): bounds from the domain (a monthly wage above 2
million tenge is counted as 2 million), one row per person except payments (at most 12 of one person are read:
a year of monthly payments) and benefits (at most 4)."""


def _opendp() -> Any:
    """OpenDP's constructors, from the modules that hold them: ``opendp.prelude`` also imports OpenDP's extras
    (scikit-learn and SciPy where they are installed: 1.9 s, paid by the first private answer of each server
    process)."""
    import types

    import opendp.domains
    import opendp.measurements
    import opendp.measures
    import opendp.metrics
    import opendp.mod

    opendp.mod.enable_features("contrib")
    return types.SimpleNamespace(m=opendp.measurements, vector_domain=opendp.domains.vector_domain,
                                 atom_domain=opendp.domains.atom_domain, map_domain=opendp.domains.map_domain,
                                 l1_distance=opendp.metrics.l1_distance,
                                 l01inf_distance=opendp.metrics.l01inf_distance,
                                 absolute_distance=opendp.metrics.absolute_distance,
                                 symmetric_distance=opendp.metrics.symmetric_distance,
                                 max_divergence=opendp.measures.max_divergence)


def noisy_counts(values: list[int], sensitivity: int, epsilon: float) -> list[int]:
    """Counts with discrete Laplace noise: epsilon-DP for a vector whose L1 distance under one unit is at most
    ``sensitivity``."""
    if not values:
        return []
    dp = _opendp()
    measurement = dp.m.make_laplace(dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int),
                                    scale=sensitivity / epsilon)
    assert measurement.map(sensitivity) <= epsilon * (1 + 1e-9)
    return [int(v) for v in measurement(values)]


def noisy_sums(values: list[float], sensitivity: float, epsilon: float) -> list[float]:
    """Sums with Laplace noise: epsilon-DP for L1 distance ``sensitivity`` (OpenDP's floating-point-safe sampler)."""
    if not values:
        return []
    dp = _opendp()
    measurement = dp.m.make_laplace(dp.vector_domain(dp.atom_domain(T=float, nan=False)), dp.l1_distance(T=float),
                                    scale=sensitivity / epsilon)
    assert measurement.map(sensitivity) <= epsilon * (1 + 1e-9)
    return [float(v) for v in measurement(values)]


MEDIAN_CANDIDATES = 1001
"""Values a private median chooses among, evenly spaced in the column's bounds (a wage's 0-2,000,000: every 2,000)"""


def private_medians(groups: list[list[float]], lower: float, upper: float, rows_per_unit: int, epsilon: float
                    ) -> list[float]:
    """Each group's median, chosen by OpenDP's private quantile (the exponential mechanism over candidates evenly
    spaced in the bounds; each value clamped into them): epsilon-DP in all when one unit changes at most
    ``rows_per_unit`` rows, whatever groups they fall in (the mechanism's loss grows with the rows changed)."""
    if not groups:
        return []
    dp = _opendp()
    step = (upper - lower) / (MEDIAN_CANDIDATES - 1)
    candidates = [lower + step * i for i in range(MEDIAN_CANDIDATES)]

    def made(scale: float) -> Any:
        return dp.m.make_private_quantile(dp.vector_domain(dp.atom_domain(T=float, nan=False)),
                                          dp.symmetric_distance(), dp.max_divergence(), candidates=candidates,
                                          alpha=0.5, scale=scale)

    scale = made(1.0).map(rows_per_unit) / epsilon
    measurement = made(scale)
    while measurement.map(rows_per_unit) > epsilon * (1 + 1e-9):  # never: the loss is linear in 1 / scale
        scale *= 1.001
        measurement = made(scale)
    return [float(measurement([min(max(float(v), lower), upper) for v in values if v is not None]))
            for values in groups]


def released_groups(counts: dict[str, int], rows_per_unit: int, epsilon: float, delta: float = DELTA,
                    minimum: int = 0) -> dict[str, int]:
    """The groups released and their noisy counts: the Laplace threshold mechanism ((epsilon, delta)-DP when one
    unit touches at most ``rows_per_unit`` groups with at most that many rows in each). ``minimum``: a threshold
    the policy asks for above the one delta needs (a higher threshold only lowers delta)."""
    if not counts:
        return {}
    dp = _opendp()
    domain = dp.map_domain(dp.atom_domain(T=str), dp.atom_domain(T=int))
    metric = dp.l01inf_distance(dp.absolute_distance(T=int))
    scale = rows_per_unit / epsilon
    threshold = max(threshold_for(rows_per_unit, epsilon, delta), minimum)
    measurement = dp.m.make_laplace_threshold(domain, metric, scale=scale, threshold=threshold)
    spent, chance = measurement.map((rows_per_unit, rows_per_unit, rows_per_unit))
    assert spent <= epsilon * (1 + 1e-9) and chance <= delta, (spent, chance)
    return {str(k): int(v) for k, v in measurement(counts).items()}


@cache
def threshold_for(rows_per_unit: int, epsilon: float, delta: float = DELTA) -> int:
    """The smallest count threshold at which OpenDP's map gives at most ``delta`` (a group's noisy count must reach
    it to be released)."""
    dp = _opendp()
    domain = dp.map_domain(dp.atom_domain(T=str), dp.atom_domain(T=int))
    metric = dp.l01inf_distance(dp.absolute_distance(T=int))
    scale = rows_per_unit / epsilon
    guess = max(1, math.ceil(rows_per_unit + scale * math.log(rows_per_unit / delta)))
    low, high = rows_per_unit, guess
    while dp.m.make_laplace_threshold(domain, metric, scale=scale, threshold=high).map(
            (rows_per_unit, rows_per_unit, rows_per_unit))[1] > delta:
        low, high = high, high * 2
    while high - low > 1:  # the smallest threshold that still holds delta
        middle = (low + high) // 2
        if dp.m.make_laplace_threshold(domain, metric, scale=scale, threshold=middle).map(
                (rows_per_unit, rows_per_unit, rows_per_unit))[1] > delta:
            low = middle
        else:
            high = middle
    return high
