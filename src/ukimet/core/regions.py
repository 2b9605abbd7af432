"""The 17 regions and 3 cities of republican significance, with their 1 January 2026 populations
(national statistics bureau, via shared/data/kz_regions_2025.csv, shipped in ``data/``)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Region:
    code: str
    """Two-digit KATO prefix, e.g. "75" for Almaty."""
    iso: str
    kind: str
    """"oblast" or "city"."""
    name_kk: str
    name_ru: str
    name_en: str
    center_kk: str
    center_ru: str
    population: int
    phone_zone: str
    postcode_letter: str


def _first(cell: str) -> str:
    """The value of a cell that may carry a note in parentheses: "727 (7272)" -> "727"."""
    return re.split(r"\s*\(", cell, maxsplit=1)[0].strip()


def _name(cell: str) -> str:
    """A name without its parenthesised alternatives: "Jambyl (Zhambyl) Region" -> "Jambyl Region"."""
    return re.sub(r"\s*\([^)]*\)", "", cell).strip()


@cache
def regions() -> tuple[Region, ...]:
    """All 20 regions, in the file's order (by KATO code)."""
    text = resources.files("ukimet.core").joinpath("data/kz_regions_2025.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        name_kk = row["name_kk"]
        centre = _first(row["admin_center_kk_ru"])
        center_kk, _, center_ru = centre.partition(" / ")
        out.append(
            Region(
                code=row["code"], iso=row["iso_3166_2"], kind=row["type"], name_kk=name_kk,
                name_ru=_name(row["name_ru"]), name_en=_name(row["name_en"]),
                center_kk=center_kk or name_kk, center_ru=center_ru or _name(row["name_ru"]),
                population=int(row["population_2026_01_01"]), phone_zone=_first(row["phone_zone_code"]),
                postcode_letter=_first(row["new_postcode_first_letter_2015"]),
            )
        )
    return tuple(out)


def region_by_code(code: str) -> Region:
    """The region with KATO prefix ``code``; KeyError names the valid codes."""
    for region in regions():
        if region.code == code:
            return region
    raise KeyError(f"no region with code {code!r}; codes are {', '.join(r.code for r in regions())}")
