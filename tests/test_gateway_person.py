"""Person 360 through the gateway: a person's linked records from every agency, masked by the viewer's policy,
one audit entry that the citizen's tracker shows."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import signed_in_as, synced_country, truth
from ukimet.core.errors import NotFound, PolicyError
from ukimet.gateway.api import Gateway
from ukimet.gateway.person import person_view
from ukimet.gateway.rewrite import User
from ukimet.link.api import link_store
from ukimet.synth import SynthConfig

WORKER = User("dana", "social_worker", "Ministry of Labour")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("person")
    country = synced_country(out, SynthConfig(persons=800, seed=5))
    link_store(country.config)
    persons = truth(out, "persons")
    return {"config": country.config, "persons": persons, "gateway": Gateway(country.config)}


def _adult(linked: dict[str, Any]) -> dict[str, Any]:
    return next(p for p in linked["persons"] if p.get("birth_date") and str(p["birth_date"]) < "1980"
                and not p.get("death_date"))


def test_a_social_worker_sees_the_persons_records_from_several_agencies(linked: dict[str, Any]) -> None:
    person = _adult(linked)
    view = person_view(linked["gateway"], WORKER, person["iin"], purpose="case 2026/3: allowance review")
    assert len({r.source for r in view.records}) >= 2
    assert view.golden["iin"] == person["iin"]
    entry = linked["gateway"].audit.entries(limit=1)[0]
    assert entry["seq"] == view.audit_seq and entry["action"] == "view"
    assert linked["gateway"].audit.person(person["iin"]) in entry["persons"]


def test_an_analyst_sees_pseudonyms_and_years_and_only_tables_of_their_region(linked: dict[str, Any]) -> None:
    person = _adult(linked)
    analyst = User("aigerim", "analyst", "Akimat", {"region": str(person["region"])})
    view = person_view(linked["gateway"], analyst, person["iin"], purpose="regional study")
    assert view.golden["iin"] != person["iin"] and str(view.golden["iin"]).startswith("p")
    assert view.golden["birth_date"] == str(person["birth_date"])[:4]
    cells = {str(v) for r in view.records for row in r.rows for v in row}
    assert person["iin"] not in cells
    assert view.withheld  # tables that carry no region are withheld from an analyst, with the reason
    assert all(refusal.id == "rewrite.no_filter_column" and "region" in refusal.why for _, _, refusal in view.withheld)


def test_a_person_view_needs_a_purpose_and_a_known_person(linked: dict[str, Any]) -> None:
    person = _adult(linked)
    with pytest.raises(PolicyError, match="needs a declared purpose"):
        person_view(linked["gateway"], WORKER, person["iin"], purpose="")
    with pytest.raises(NotFound, match="no linked person"):
        person_view(linked["gateway"], WORKER, "000000000000", purpose="case review 7")
    assert linked["gateway"].audit.entries(limit=1)[0]["action"] == "refused"


def test_a_person_outside_the_callers_region_is_answered_as_one_who_does_not_exist(linked: dict[str, Any]) -> None:
    person = _adult(linked)
    elsewhere = next(r for r in ("75", "79", "71", "61") if not str(person["region"]).startswith(r))
    analyst = User("aigerim", "analyst", "Akimat", {"region": elsewhere})
    answers = []
    for iin in (person["iin"], "000000000000"):
        with pytest.raises(NotFound) as refused:
            person_view(linked["gateway"], analyst, iin, purpose="regional study")
        answers.append((refused.value.id, refused.value.what, refused.value.why, refused.value.fix))
    assert answers[0] == answers[1] and answers[0][0] == "person.not_found"
    entries = linked["gateway"].audit.entries(limit=2)
    assert [e["action"] for e in entries] == ["refused", "refused"]
    assert all(person["iin"] not in (e["query"] or "") for e in entries)  # the log keeps its keyed hash only


def test_a_special_category_register_the_role_cannot_see_is_not_named(linked: dict[str, Any]) -> None:
    gateway = linked["gateway"]
    disabled = [p for p in linked["persons"] if p.get("disability_group") and not p.get("death_date")]
    auditor = User("bolat", "auditor", "Data protection agency")
    registers = {("health", "disability"), ("mse_disability", "Решения")}
    seen_by_worker = 0
    assert disabled
    for person in disabled[:5]:
        view = person_view(gateway, auditor, person["iin"], purpose="spot check 2026/4")
        named = {(s, t) for s, t, _ in view.withheld} | {(r.source, r.table) for r in view.records}
        assert not named & registers
        worker = person_view(gateway, WORKER, person["iin"], purpose="case 2026/5: disability allowance")
        seen_by_worker += bool({(r.source, r.table) for r in worker.records} & registers)
    assert seen_by_worker  # a role that sees special categories (partly) is shown the register


def test_the_person_command(linked: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from ukimet.cli.main import app
    from ukimet.gateway.users import add_user

    person = _adult(linked)
    monkeypatch.setenv("UKIMET_HOME", str(linked["config"].home))
    add_user(linked["gateway"].metadata, WORKER)
    result = CliRunner().invoke(app, ["person", person["iin"], "--as", "dana", "--purpose", "case 8"],
                                env=signed_in_as(linked["gateway"].metadata, "dana"))
    assert result.exit_code == 0, result.output
    assert person["iin"] in result.output and "audit entry" in result.output


@pytest.mark.parametrize("vague", ["x", "-", "123", "ok !", "а б в"])
def test_a_purpose_that_says_no_reason_is_refused_and_audited(linked: dict[str, Any], vague: str) -> None:
    """The citizen reads the purpose in their tracker: "x" is no reason, and a role allowed to type one must say it."""
    from ukimet.core.errors import Refused

    person = _adult(linked)
    with pytest.raises(Refused) as refused:
        person_view(linked["gateway"], WORKER, person["iin"], purpose=vague)
    assert refused.value.id == "purpose.too_vague"
    assert linked["gateway"].audit.entries(limit=1)[0]["action"] == "refused"
