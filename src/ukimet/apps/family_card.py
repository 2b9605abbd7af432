"""The Digital Family Card for civil servants, through the gateway: one family's scores, level and the
plain-language reasons, with its members as the viewer's policy shows them (a purpose is required: one audit
entry for the card), and the distribution of families by well-being level in each region (protected aggregates,
no purpose needed), drawn as PNG and SVG.

    card = family_card(gateway, worker, family_id, purpose="P-4", language="kk")
    rows = distribution(gateway, analyst)
    draw_distribution(rows, Path("out"), "ru")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ukimet.apps.charts import pyplot, save
from ukimet.core.errors import NotFound, UkimetError
from ukimet.core.regions import regions
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.model.family_card import DIMENSIONS, Card, explain, load_card
from ukimet.sync.store import literal

MEMBERS = ("person_id", "surname", "first_name", "age", "sex", "family_role", "disability_group", "employed")
COLOURS = {"well_off": "#27ae60", "satisfactory": "#a3c94b", "unfavourable": "#f1c40f", "crisis": "#e67e22",
           "emergency": "#c0392b"}


@dataclass(frozen=True)
class FamilyCard:
    family_id: str
    scores: dict[str, float]
    score: float
    level: str
    level_name: str
    reasons: list[str]
    members: list[dict[str, Any]]
    audit_seq: int




def family_card(gateway: Gateway, user: User, family_id: str, purpose: str, language: str = "kk",
                card: Card | None = None) -> FamilyCard:
    card = card or load_card()
    what = f"family card {family_id}"
    try:
        role, described = gateway.admit(user, purpose, needs_purpose="family_card.purpose_needed",
                                        limits_later=True)
        family = gateway.prepare(user, role, "SELECT f.*, s.criteria FROM mart.families f JOIN mart.family_scores s "
                                 f"USING (family_id) WHERE f.family_id = {literal(family_id)}", person_level=True)
        members = gateway.prepare(user, role, f"SELECT {', '.join(MEMBERS)} FROM mart.persons WHERE family_id = "
                                  f"{literal(family_id)} AND alive ORDER BY age DESC", person_level=True)
    except UkimetError as error:
        raise gateway.refused(user, what, purpose, error) from None
    seq, (found, people) = gateway.run(user, role, described, "view", what, [family, members])
    if not found.rows:
        raise NotFound("family_card.not_found", family=family_id)
    row = dict(zip(found.columns, found.rows[0], strict=True))
    level = next(lv for lv in card.levels if lv.id == row["level"])
    return FamilyCard(family_id, {d: row[d] for d in DIMENSIONS}, row["score"], row["level"],
                      level.name[language], explain(card, row, language),
                      [dict(zip(people.columns, r, strict=True)) for r in people.rows], seq)


def distribution(gateway: Gateway, user: User) -> list[tuple[str, str, int]]:
    """(region, level, families): protected aggregates, so small cells are left out."""
    result = gateway.query(user, "SELECT region, level, count(*) AS families FROM mart.family_scores "
                                 "GROUP BY region, level ORDER BY region, level")
    return [("" if r is None else str(r), str(lv), int(n)) for r, lv, n in result.rows]


UNKNOWN_REGION = {"kk": "Өңірі белгісіз", "ru": "Регион неизвестен", "en": "Region unknown"}


def region_name(code: str, language: str) -> str:
    if not code or code == "None":
        return UNKNOWN_REGION[language]
    for region in regions():
        if region.code == code:
            return str(getattr(region, f"name_{language}"))
    return code


def draw_distribution(rows: list[tuple[str, str, int]], out: Path, language: str = "kk",
                      card: Card | None = None) -> list[Path]:
    """Families by well-being level in each region, as shares, PNG and SVG."""
    plt = pyplot()

    card = card or load_card()
    totals: dict[str, int] = {}
    for region, _, n in rows:
        totals[region] = totals.get(region, 0) + n
    order = sorted(totals, key=lambda r: region_name(r, language))
    fig, ax = plt.subplots(figsize=(11, 0.38 * max(len(order), 4) + 1.6))
    left = [0.0] * len(order)
    for level in card.levels:
        shares = [sum(n for r, lv, n in rows if r == region and lv == level.id) / totals[region] for region in order]
        ax.barh([region_name(r, language) for r in order], shares, left=left, color=COLOURS.get(level.id),
                label=level.name[language])
        left = [a + b for a, b in zip(left, shares, strict=True)]
    title = {"kk": "Отбасылар әл-ауқат деңгейі бойынша", "ru": "Семьи по уровню благополучия",
             "en": "Families by well-being level"}[language]
    ax.set(title=title, xlim=(0, 1))
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.02 - 4 / (len(order) + 8)), ncol=len(card.levels),
              frameon=False)
    fig.tight_layout()
    return save(fig, out, f"family_card_{language}", tight=True)
