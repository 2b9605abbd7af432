"""A regional row filter follows the person, not the table: an agency table without a region column (a clinic's
patients, tax declarations) is filtered by the region of the persons linkage found in its rows, so that a
regional analyst sees the records of the people of their region in every agency, and no one else's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pyarrow.parquet as pq
import pytest

from ukimet.core.errors import NotFound, Refused
from ukimet.gateway.api import Gateway
from ukimet.gateway.person import person_view
from ukimet.gateway.policy import DEFAULT, Policy
from ukimet.gateway.rewrite import User

PURPOSE = "regional study 2026/7"


@pytest.fixture(scope="module")
def gateway(mart: dict[str, Any]) -> Iterator[Gateway]:
    """The default policy's roles, with room to count every patient under a purpose."""
    roomy = {name: replace(role, max_persons_per_day=1_000_000, max_rows_per_day=1_000_000)
             for name, role in DEFAULT.roles.items()}
    gateway = Gateway(mart["country"].config, policy=Policy(roomy, "linked-scope-test"))
    yield gateway
    gateway.close()


def _analyst(region: str) -> User:
    return User("linked-scope-analyst", "analyst", "Akimat", {"region": region})


def _truth_region_of_patients(mart: dict[str, Any]) -> Counter[str]:
    """How many rows of health.patients belong, in the generator's truth, to persons of each region."""
    records = pq.read_table(mart["out"] / "truth" / "records.parquet").to_pylist()
    persons = {p["person_id"]: str(p["region"]) for p in pq.read_table(
        mart["out"] / "truth" / "persons.parquet").to_pylist()}
    return Counter(persons[r["person_id"]] for r in records
                   if (r["source"], r["table"]) == ("health", "patients") and r["person_id"] in persons)


def test_a_table_without_a_region_column_is_filtered_by_the_region_of_its_linked_persons(
        gateway: Gateway, mart: dict[str, Any]) -> None:
    worker = User("linked-scope-worker", "social_worker", "Ministry of Labour")
    everyone = gateway.query(worker, "SELECT count(*) FROM health.patients", purpose="case 2026/3").rows[0][0]
    truth = _truth_region_of_patients(mart)
    region, expected = truth.most_common(1)[0]
    seen = gateway.query(_analyst(region), "SELECT count(*) FROM health.patients", purpose=PURPOSE).rows[0][0]
    # the region as the agencies record it (the mart's) is not always the generator's truth: people move
    assert abs(seen - expected) <= max(3, expected // 20), (seen, expected)
    assert seen < everyone // 3
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["action"] == "query" and "lookup.entity_records" not in (entry["query"] or "")


def test_every_row_an_analyst_sees_belongs_to_a_person_of_their_region(gateway: Gateway,
                                                                        mart: dict[str, Any]) -> None:
    region = _truth_region_of_patients(mart).most_common(1)[0][0]
    rows = gateway.query(_analyst(region), "SELECT patient_id FROM health.patients", purpose=PURPOSE).rows
    assert rows
    with gateway.trusted() as con:
        placed = {str(k) for (k,) in con.execute(
            "SELECT r.record_key FROM lookup.entity_records r JOIN mart.persons p ON p.person_id = r.entity_id "
            "WHERE r.source = 'health' AND r.source_table = 'patients' AND p.region LIKE ?", [region + "%"]).fetchall()}
    assert {str(r[0]) for r in rows} <= placed


def test_a_person_of_the_analysts_region_is_shown_from_tables_that_carry_no_region(gateway: Gateway,
                                                                                   mart: dict[str, Any]) -> None:
    with gateway.trusted() as con:
        found = con.execute(
            "SELECT p.iin, p.region FROM mart.persons p JOIN lookup.entity_records r ON r.entity_id = p.person_id "
            "WHERE r.source = 'health' AND r.source_table = 'patients' AND p.alive AND p.region IS NOT NULL "
            "AND p.iin IS NOT NULL ORDER BY p.iin LIMIT 1").fetchone()
    assert found is not None
    iin, region = found
    view = person_view(gateway, _analyst(str(region)), str(iin), purpose=PURPOSE)
    assert ("health", "patients") in {(r.source, r.table) for r in view.records}
    assert not [w for w in view.withheld if w[2].id == "rewrite.no_filter_column"]
    elsewhere = next(r for r in ("75", "79", "71", "61", "19") if not str(region).startswith(r))
    with pytest.raises(NotFound):
        person_view(gateway, _analyst(elsewhere), str(iin), purpose=PURPOSE)


def test_an_analyst_without_a_region_sees_no_rows_of_a_linked_table(gateway: Gateway) -> None:
    rows = gateway.query(User("linked-scope-nobody", "analyst", "Akimat"), "SELECT patient_id FROM health.patients",
                         purpose=PURPOSE).rows
    assert rows == []


def test_a_table_whose_rows_linkage_placed_on_nobody_is_still_refused_to_a_regional_role(
        gateway: Gateway) -> None:
    unplaced = [t for t, columns in gateway.catalog.items() if t[0] not in ("mart", "link", "lookup", "evidence")
                and t not in gateway.scope.tables and not any(i.semantic_type == "region" for i in columns.values())]
    assert unplaced, "the synthetic country has reference tables that name no person"
    schema, table = unplaced[0]
    with pytest.raises(Refused) as refused:
        gateway.query(_analyst("75"), f'SELECT count(*) FROM "{schema}"."{table}"', purpose=PURPOSE)
    assert refused.value.id == "rewrite.no_filter_column"
