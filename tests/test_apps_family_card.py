"""The family card through the gateway: one family's card needs a purpose and is one audit entry; an analyst
sees the regional distribution as protected aggregates and a chart of it in each language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import read_store
from ukimet.apps.family_card import distribution, draw_distribution, family_card
from ukimet.core.errors import PolicyError, Refused
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User

WORKER = User("dana", "social_worker", "Ministry of Labour")


def _worst_family(mart: dict[str, Any]) -> tuple[str, str]:
    con = read_store(mart["store"])
    try:
        family, region = con.execute("SELECT family_id, region FROM mart.family_scores WHERE region IS NOT NULL "
                                     "ORDER BY score, family_id LIMIT 1").fetchall()[0]
    finally:
        con.close()
    return str(family), str(region)


def test_a_social_worker_opens_a_family_card_with_reasons_in_kazakh(mart: dict[str, Any]) -> None:
    family, _ = _worst_family(mart)
    gateway = Gateway(mart["country"].config)
    try:
        with pytest.raises(PolicyError, match="needs a declared purpose"):
            family_card(gateway, WORKER, family, purpose="")
        card = family_card(gateway, WORKER, family, purpose="case 2026/55", language="kk")
        assert card.level in ("crisis", "emergency", "unfavourable") and card.reasons
        assert card.members and all(m["surname"] for m in card.members)
        entry = gateway.audit.entries(limit=1)[0]
        assert entry["seq"] == card.audit_seq and entry["action"] == "view" and entry["persons"]
        ru = family_card(gateway, WORKER, family, purpose="case 2026/55", language="ru")
        assert ru.level_name in ("Кризисная", "Экстренная", "Неблагополучная")
    finally:
        gateway.close()


def test_an_analyst_whose_policy_masks_family_numbers_cannot_open_a_card(mart: dict[str, Any]) -> None:
    family, region = _worst_family(mart)
    gateway = Gateway(mart["country"].config)
    try:  # the analyst sees family numbers masked: refused saying so (it was "no family", which was not true)
        with pytest.raises(Refused, match="sees family_id masked"):
            family_card(gateway, User("a", "analyst", "Akimat", {"region": region}), family, "study")
    finally:
        gateway.close()


def test_the_distribution_by_region_is_a_protected_aggregate_and_a_chart(mart: dict[str, Any],
                                                                         tmp_path: Path) -> None:
    gateway = Gateway(mart["country"].config)
    try:
        rows = distribution(gateway, User("m", "analyst", "Ministry", {"region": "79"}))
        everyone = distribution(gateway, WORKER)
    finally:
        gateway.close()
    assert all(region == "79" for region, _, _ in rows)
    assert len({r for r, _, _ in everyone}) >= 5 and all(n >= 10 for _, _, n in everyone)
    for language in ("kk", "ru", "en"):
        paths = draw_distribution(everyone, tmp_path, language)
        assert all(p.stat().st_size > 5000 for p in paths)


def test_the_source_audit_ranks_the_systems_that_deliver_least(mart: dict[str, Any], tmp_path: Path) -> None:
    from ukimet.apps.source_audit import audit_sources, draw_report

    gateway = Gateway(mart["country"].config)
    try:
        gateway.query(WORKER, "SELECT count(*) FROM gbdfl.fl_persons")
        reports = audit_sources(gateway, User("bolat", "auditor", "Accounts Committee"))
    finally:
        gateway.close()
    assert len(reports) == 15 and [r.delivery for r in reports] == sorted(r.delivery for r in reports)
    by_name = {r.source: r for r in reports}
    assert by_name["gbdfl"].queries >= 1 and by_name["gbdfl"].rows > 0
    assert all(0 < r.delivery <= 1 and r.weakest for r in reports)
    assert all(r.linkage_rate is None or 0.5 <= r.linkage_rate <= 1 for r in reports)
    assert all(p.stat().st_size > 3000 for p in draw_report(reports, tmp_path, "en"))
