"""Parameters of the synthetic society: per-region ethnic mix and economy (``data/regions_society.csv``),
address parts (``data/places.csv``), and the national constants below. Approximations for realism, not statistics."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate

from ukimet.core.regions import Region, regions
from ukimet.synth.naming import ETHNICITIES


@dataclass(frozen=True)
class RegionSociety:
    region: Region
    ethnic_cum_weights: tuple[float, ...]
    """Cumulative weights over ``naming.ETHNICITIES``."""
    median_wage: int
    children_mean: float
    urban: float
    plate: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ukimet.synth").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@cache
def societies() -> dict[str, RegionSociety]:
    by_code = {r.code: r for r in regions()}
    out = {}
    for row in _rows("regions_society.csv"):
        cum = tuple(accumulate(float(row[eth]) for eth in ETHNICITIES))
        out[row["code"]] = RegionSociety(
            by_code[row["code"]], cum, int(row["median_wage"]), float(row["children_mean"]),
            float(row["urban"]), row["plate"],
        )
    missing = set(by_code) - set(out)
    if missing:
        raise RuntimeError(f"regions_society.csv lacks regions {sorted(missing)}")
    return out


@cache
def places() -> dict[str, tuple[tuple[str, str], ...]]:
    """Address parts by kind ("street", "village"), each as (Kazakh, Russian)."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for row in _rows("places.csv"):
        grouped.setdefault(row["kind"], []).append((row["kk"], row["ru"]))
    return {k: tuple(v) for k, v in grouped.items()}


# Retirement ages (2026): men 63, women 61.
RETIREMENT_AGE = {"M": 63, "F": 61}

# Annual probability of dying by age band (upper bound exclusive); rounded approximations.
MORTALITY = ((1, 0.009), (15, 0.0004), (40, 0.002), (60, 0.008), (70, 0.022), (80, 0.05), (200, 0.12))
DEATHS_WITHIN_YEARS = 5
"""Deceased people kept in the registries: those who died in the five years before the reference date."""

# Economic sectors (OKED sections): code -> (Russian label, share of jobs, wage multiplier)
SECTORS: dict[str, tuple[str, float, float]] = {
    "A": ("Сельское хозяйство", 0.12, 0.6),
    "B": ("Горнодобывающая промышленность", 0.03, 2.2),
    "C": ("Обрабатывающая промышленность", 0.08, 1.1),
    "F": ("Строительство", 0.08, 1.2),
    "G": ("Торговля", 0.17, 0.9),
    "H": ("Транспорт и складирование", 0.06, 1.1),
    "I": ("Гостиницы и общепит", 0.03, 0.8),
    "J": ("Информация и связь", 0.02, 1.6),
    "K": ("Финансы и страхование", 0.02, 1.7),
    "O": ("Государственное управление", 0.07, 1.0),
    "P": ("Образование", 0.13, 0.8),
    "Q": ("Здравоохранение", 0.07, 0.85),
    "S": ("Прочие услуги", 0.10, 0.8),
}
MINING_REGIONS = frozenset({"23", "47", "35", "62", "55", "63"})

# Monthly calculation index (MRP) 2026, KZT: benefits are set in MRPs.
MRP = 4325
POVERTY_LINE = 36_000
"""Monthly income per household member below which a household qualifies for targeted social assistance."""

# Benefit kind -> (monthly amount in MRP, or one-off amount for birth, share of the entitled who receive it)
BENEFITS: dict[str, tuple[float, float]] = {
    "pension": (0.0, 1.0),
    "birth": (38.0, 0.97),
    "childcare": (5.76, 0.9),
    "large_family": (16.03, 0.85),
    "disability": (15.0, 0.9),
    "survivor": (10.0, 0.8),
    "tsa": (0.0, 0.6),
}

VEHICLE_MODELS = (
    ("Toyota", "Camry"), ("Toyota", "Corolla"), ("Toyota", "Land Cruiser Prado"), ("Hyundai", "Accent"),
    ("Hyundai", "Elantra"), ("Hyundai", "Tucson"), ("Kia", "Rio"), ("Kia", "Sportage"), ("Chevrolet", "Cobalt"),
    ("Chevrolet", "Nexia"), ("Lada", "Granta"), ("Lada", "Niva"), ("Lada", "Vesta"), ("Volkswagen", "Polo"),
    ("Daewoo", "Nexia"), ("Mercedes-Benz", "E-Class"), ("Audi", "A6"), ("Mitsubishi", "Pajero"),
    ("Lexus", "RX"), ("JAC", "S3"), ("Chery", "Tiggo 7"), ("Haval", "Jolion"),
)
MOBILE_CODES = ("700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778")
EMAIL_DOMAINS = ("mail.ru", "gmail.com", "inbox.kz", "yandex.kz", "list.ru")
