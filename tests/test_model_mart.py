"""The analytics mart and the Digital Family Card, checked against the synthetic country's truth: one row per
person with the right region, disability and death; families of the right size; every family scored exactly by
the card's criteria, with an explanation in each language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import read_store
from ukimet.core.errors import ConfigError, PolicyError
from ukimet.model.family_card import DIMENSIONS, explain, load_card


def _rows(mart: dict[str, Any], sql: str) -> list[dict[str, Any]]:
    """Rows of the built store, each read on its own short connection (the gateway opens its own too)."""
    con = read_store(mart["store"])
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


def test_one_row_per_linked_person_with_the_true_region_disability_and_death(mart: dict[str, Any]) -> None:
    persons = _rows(mart, "SELECT * FROM mart.persons WHERE iin IS NOT NULL")
    known = [(p, mart["truth"][p["iin"]]) for p in persons if p["iin"] in mart["truth"]]
    assert len(known) >= 0.97 * len(mart["truth"])
    with_region = [(p, t) for p, t in known if p["region"]]
    assert sum(p["region"] == t["region"] for p, t in with_region) >= 0.97 * len(with_region)
    disabled = [(p, t) for p, t in known if t["disability_group"] and not t["death_date"]]  # the dead leave registries
    assert sum(p["disability_group"] == t["disability_group"] for p, t in disabled) >= 0.9 * len(disabled)
    dead = [(p, t) for p, t in known if t["death_date"]]
    assert dead and sum(not p["alive"] for p, t in dead) >= 0.95 * len(dead)
    assert all(p["alive"] for p, t in known if not t["death_date"])


def test_families_have_their_true_size(mart: dict[str, Any]) -> None:
    members = _rows(mart, "SELECT p.iin, p.family_id, f.members FROM mart.persons p "
                                 "JOIN mart.families f USING (family_id) WHERE p.iin IS NOT NULL")
    true_size: dict[int, int] = {}
    for person in mart["truth"].values():
        if not person["death_date"] and person["family_id"] is not None:
            true_size[person["family_id"]] = true_size.get(person["family_id"], 0) + 1
    agree = [m["members"] == true_size.get(mart["truth"][m["iin"]]["family_id"]) for m in members
             if m["iin"] in mart["truth"]]
    assert sum(agree) >= 0.85 * len(agree)


def test_every_family_is_scored_exactly_by_the_cards_criteria(mart: dict[str, Any]) -> None:
    card = load_card()
    minimum = card.parameters["subsistence_minimum"]
    scored = _rows(mart, "SELECT f.*, s.economic, s.health, s.score, s.level, s.criteria FROM mart.families f "
                                "JOIN mart.family_scores s USING (family_id)")
    assert len(scored) == mart["rows"]["families"] > 0
    for f in scored:  # the economic and health dimensions recomputed here, independently of the SQL
        ipp = f["income_per_person"]
        economic = 100 - 40 * (ipp < minimum) - 30 * (ipp < minimum / 2) - 20 * (f["working_age_not_employed"] >= 1) \
            - 10 * (f["utility_debt"] > 0)
        assert f["economic"] == max(0, economic), f
        assert f["health"] == max(0, 100 - 35 * (f["disabled"] >= 1) - 25 * (f["disabled"] >= 2)), f
        assert card.level(f["score"]).id == f["level"]
    assert len({f["level"] for f in scored}) >= 3


def test_each_lost_point_is_explained_in_kazakh_russian_and_english(mart: dict[str, Any]) -> None:
    card = load_card()
    worst = _rows(mart, "SELECT f.*, s.criteria FROM mart.families f JOIN mart.family_scores s "
                               "USING (family_id) ORDER BY s.score LIMIT 20")
    for family in worst:
        for language in ("kk", "ru", "en"):
            lines = explain(card, family, language)
            assert len(lines) == len(family["criteria"])
            assert not any("{" in line for line in lines), lines
    assert any("₸" in line for line in explain(card, worst[0], "kk"))


@pytest.mark.parametrize(("change", "message"), [
    ('dimension = "economic"', "dimension 'wealth'"), ("points = 40", "whole number"),
    ('when = "income_per_person < {subsistence_minimum}"', "cannot be read"),
    ('text = { kk = "Бір', "text in each of"), ("from = 0", "start from 0"),
])
def test_a_card_file_with_a_mistake_is_refused_with_the_reason(tmp_path: Path, change: str, message: str) -> None:
    from importlib import resources

    text = resources.files("ukimet.model").joinpath("data/family_card.toml").read_text(encoding="utf-8")
    broken = {'dimension = "economic"': 'dimension = "wealth"', "points = 40": "points = 4.5",
              'when = "income_per_person < {subsistence_minimum}"': 'when = "income_per_person < {nope}"',
              'text = { kk = "Бір': 'text = { kz = "Бір', "from = 0": "from = 5"}[change]
    path = tmp_path / "card.toml"
    path.write_text(text.replace(change, broken, 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_card(path)


def test_the_mart_is_catalogued_for_the_gateway(mart: dict[str, Any]) -> None:
    from ukimet.gateway.api import Gateway
    from ukimet.gateway.rewrite import User

    gateway = Gateway(mart["country"].config)
    analyst = User("aigerim", "analyst", "Akimat", {"region": "19"})
    result = gateway.query(analyst, "SELECT level, count(*) AS families FROM mart.family_scores GROUP BY level")
    assert result.rows and all(n >= 20 for _, n in result.rows)  # differentially private, groups of many
    with pytest.raises(PolicyError, match="only aggregates"):
        gateway.query(analyst, "SELECT iin FROM mart.persons")
    assert set(DIMENSIONS) <= set(gateway.catalog[("mart", "family_scores")])
