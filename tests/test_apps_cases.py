"""Entitlement rules find the people the synthetic country planted as entitled but not receiving; cases are
opened with a consent SMS in Kazakh and Russian, answered, assigned; every step is audited, the citizen's
tracker shows the service's look-up, and re-evaluating a past decision reproduces it."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from typing import Any

import pytest

from tests.conftest import MART_AS_OF, read_store, truth
from ukimet.apps import cases
from ukimet.core.errors import ConfigError, PolicyError
from ukimet.core.settings import Settings
from ukimet.gateway import purposes
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.gateway.tracker import my_accesses
from ukimet.gateway.users import add_user, authenticate
from ukimet.model.entitlements import Finding, evaluate, load_rules

SERVICE = User("proactive", "case_service", "Ministry of Labour")
WORKER = User("dana", "social_worker", "Department of Employment, Shymkent")
GENERATOR_KINDS = {"birth": "birth_allowance", "childcare": "childcare_allowance",
                   "large_family": "large_family_allowance", "disability": "disability_allowance",
                   "survivor": "survivor_allowance", "tsa": "targeted_social_assistance"}


@pytest.fixture(scope="module")
def own(mart: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """This module's copy of the shared mart's home: its cases, accounts and purposes are its own."""
    home = tmp_path_factory.mktemp("cases") / "home"
    shutil.copytree(mart["country"].config.home, home)
    return Settings(home=home)


@pytest.fixture(scope="module")
def findings(mart: dict[str, Any]) -> list[Finding]:
    con = read_store(mart["store"])
    try:
        return evaluate(con, as_of=dt.date.fromisoformat(MART_AS_OF))
    finally:
        con.close()


def test_the_rules_find_the_planted_unclaimed_entitlements(mart: dict[str, Any], findings: list[Finding]) -> None:
    con = read_store(mart["store"])
    try:
        iin_of = dict(con.execute("SELECT person_id, iin FROM mart.persons").fetchall())
    finally:
        con.close()
    people = mart["truth"]
    family = {iin: p["family_id"] for iin, p in people.items()}
    living = {iin for iin, p in people.items() if not p["death_date"]}
    planted = [p for p in truth(mart["out"], "planted") if p["kind"] == "entitled_not_receiving"
               and p["subject"] in living]
    expected: set[tuple[str, Any]] = set()
    for p in planted:  # a family benefit is one case per family, whoever the family's head is taken to be
        rule = GENERATOR_KINDS[p["detail"]]
        expected.add((rule, family[p["subject"]] if rule == "targeted_social_assistance" else p["subject"]))
    found = {(f.rule, family.get(iin_of[f.person_id]) if f.rule == "targeted_social_assistance"
              else iin_of[f.person_id]) for f in findings}
    hits = expected & found
    recall, precision = len(hits) / len(expected), len(hits) / len(found)
    assert len(expected) >= 20
    assert recall >= 0.85, (recall, Counter(r for r, _ in expected - found))
    assert precision >= 0.7, (precision, Counter(r for r, _ in found - expected))


def test_a_finding_carries_the_values_its_rule_read(findings: list[Finding]) -> None:
    tsa = next(f for f in findings if f.rule == "targeted_social_assistance")
    assert set(tsa.evidence) == {"is_family_head", "family_income_without_tsa_per_person",
                                 "family_receiving_targeted_social_assistance"}
    assert tsa.evidence["family_income_without_tsa_per_person"] < 50851 * 0.7


def test_a_rule_not_yet_in_force_finds_nobody(mart: dict[str, Any], tmp_path: Any) -> None:
    from importlib import resources

    text = resources.files("ukimet.model").joinpath("data/entitlements.toml").read_text(encoding="utf-8")
    path = tmp_path / "rules.toml"
    path.write_text(text.replace('effective_from = "2023-07-01"', 'effective_from = "2027-01-01"'), "utf-8")
    con = read_store(mart["store"])
    try:
        assert evaluate(con, load_rules(path)) == []
        with pytest.raises(ConfigError, match="built as of 2026-01-01"):
            evaluate(con, as_of=dt.date(2025, 1, 1))
    finally:
        con.close()
    path.write_text(text.replace('benefit = "birth_allowance"', 'benefit = "free_money"'), "utf-8")
    with pytest.raises(ConfigError, match="not a benefit kind"):
        load_rules(path)


def test_cases_from_finding_to_assignment_each_step_audited(own: Settings, findings: list[Finding]) -> None:
    gateway = Gateway(own)
    for user in (SERVICE, WORKER):
        add_user(gateway.metadata, user)
    with pytest.raises(PolicyError, match="declared purpose"):
        cases.open_cases(gateway, SERVICE, findings, purpose="just checking")
    basis = purposes.declare(gateway.audit, SERVICE, "proactive benefits", legal_basis="Social Code, Art. 7",
                             days=1)
    opened = cases.open_cases(gateway, SERVICE, findings, purpose=f"P-{basis.id}")
    assert len(opened) == len(findings)
    assert cases.open_cases(gateway, SERVICE, findings, purpose=f"P-{basis.id}") == []  # no duplicates
    sms = cases.messages(gateway.audit)
    assert len(sms) == len(opened)
    queued = [m for m in sms if m["status"] == "queued"]
    rendered = cases.outbox(gateway, SERVICE, f"P-{basis.id}")  # the texts exist only when they are sent
    assert queued and len(rendered) == len(queued) and all(m.phone for m in rendered)
    assert all("{" not in "".join(m.texts.values()) for m in rendered)
    assert all("ИӘ" in m.texts["kk"] and "ДА" in m.texts["ru"] for m in rendered)
    case_id = queued[0]["case_id"]
    with pytest.raises(PolicyError, match="cannot become assigned"):
        cases.assign(gateway.audit, WORKER, case_id, "dana")
    cases.record_consent(gateway.audit, WORKER, case_id, consent=True, note="answered ИӘ by SMS")
    case = cases.assign(gateway.audit, WORKER, case_id, "dana")
    assert case.status == "assigned" and case.assigned_to == "dana"
    assert [e[2] for e in cases.events(gateway.audit, case_id)] == ["found", "notified", "consented", "assigned"]
    refused = queued[1]["case_id"]
    assert cases.record_consent(gateway.audit, WORKER, refused, consent=False).status == "refused"
    with pytest.raises(PolicyError, match="may not work cases"):
        cases.close(gateway.audit, User("x", "analyst", "-"), case_id, "done")
    assert gateway.audit.verify().ok
    # the citizen sees that the ministry looked at their record for the proactive service
    gateway.close()
    con = read_store(own.resolved_store_path())
    try:
        (iin,) = con.execute("SELECT iin FROM mart.persons WHERE person_id = ?", [case.person_id]).fetchall()[0]
    finally:
        con.close()
    add_user(gateway.metadata, User("citizen", "citizen", "-"), "citizen-pass", iin=iin, config=gateway.config)
    report = my_accesses(gateway.audit, authenticate(gateway.metadata, "citizen", "citizen-pass"))
    assert any(a.organisation == SERVICE.organisation and "proactive benefits" in (a.purpose or "")
               for a in report.accesses)


def test_re_evaluating_a_past_decision_reproduces_it(mart: dict[str, Any], own: Settings,
                                                    findings: list[Finding]) -> None:
    gateway = Gateway(own)
    decided = cases.listed(gateway.audit)
    assert decided
    gateway.close()
    con = read_store(mart["store"])
    try:
        again = evaluate(con, as_of=dt.date.fromisoformat(decided[0].as_of))
    finally:
        con.close()
    assert all(cases.reproduce(gateway.audit, c, again) is None for c in decided)
    changed = [Finding(f.rule, f.rule_version, f.as_of, f.person_id, f.family_id,
                       {**f.evidence, **dict.fromkeys(list(f.evidence)[:1], "changed")}) for f in again]
    assert "changed values" in (cases.reproduce(gateway.audit, decided[0], changed) or "")


def test_a_decision_for_a_past_date_is_reproduced_after_later_runs(mart: dict[str, Any], tmp_path: Any) -> None:
    import shutil

    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.model.mart import build_mart
    from ukimet.sync.store import open_store

    home = tmp_path / "home"
    shutil.copytree(mart["country"].config.home, home)
    config = Settings(home=home)
    engine = connect_metadata(config)
    past, later = dt.date(2025, 6, 1), dt.date.fromisoformat(MART_AS_OF)

    def decide(day: dt.date) -> dict[tuple[str, str], str]:
        con = open_store(config.resolved_store_path())
        try:
            build_mart(con, engine, day)
            return {(f.rule, f.person_id): f.evidence_hash for f in evaluate(con, as_of=day)}
        finally:
            con.close()

    then = decide(past)
    now = decide(later)
    assert then and now and then != now  # the date matters: ages, births, benefits in force
    assert decide(past) == then  # the past decision, evaluated again after a later run, is the same


def test_a_social_worker_works_a_case_from_the_queue_in_the_web_app(mart: dict[str, Any], findings: list[Finding],
                                                                     tmp_path: Any) -> None:
    """The queue counts cases per status, filters, searches by number and pages; a case's page shows its rule,
    history and SMS; the citizen's answer needs a confirmation and keeps its note; an auditor sees no actions."""
    import re

    from fastapi.testclient import TestClient

    from ukimet.api.app import create_app

    home = tmp_path / "home"
    shutil.copytree(mart["country"].config.home, home)
    config = Settings(home=home)
    gateway = Gateway(config)
    add_user(gateway.metadata, SERVICE)
    basis = purposes.declare(gateway.audit, SERVICE, "proactive benefits", legal_basis="Social Code, Art. 7",
                             days=1)
    opened = cases.open_cases(gateway, SERVICE, findings, purpose=f"P-{basis.id}")
    add_user(gateway.metadata, User("aigerim", "social_worker", "Department of Employment, Shymkent"),
             "worker-password-1")
    add_user(gateway.metadata, User("arman", "auditor", "Data protection office"), "auditor-password-1")
    gateway.close()
    html = {"accept": "text/html"}
    with TestClient(create_app(config)) as client:
        client.post("/login", data={"name": "aigerim", "password": "worker-password-1", "next": "/"})
        queue = client.get("/cases?lang=ru", headers=html).text
        assert "Найдено дел: " + str(len(opened)) in queue and f'href="/cases/{opened[0]}"' in queue
        assert len(re.findall(r'<a href="/cases/\d+">\d+</a>', queue)) == min(len(opened), 50)
        if len(opened) > 50:  # the next page holds the rest
            rest = client.get("/cases?page=2", headers=html).text
            assert len(re.findall(r'<a href="/cases/\d+">\d+</a>', rest)) == min(len(opened) - 50, 50)
        case_id = next(m["case_id"] for m in cases.messages(Gateway(config).audit) if m["status"] == "queued")
        found = client.get(f"/cases?q={case_id}", headers=html).text
        assert len(re.findall(r'<a href="/cases/\d+">\d+</a>', found)) == 1
        page = client.get(f"/cases/{case_id}?lang=ru", headers=html)
        assert page.status_code == 200 and "Ответ гражданина" in page.text and "История" in page.text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        answer = {"action": "consent", "csrf": csrf, "back": f"/cases/{case_id}", "note": "ответил по телефону"}
        assert client.post(f"/cases/{case_id}", data=answer, headers=html).status_code == 422  # not confirmed
        done = client.post(f"/cases/{case_id}", data={**answer, "confirm": "yes"}, headers=html)
        assert done.status_code == 200 and "ответил по телефону" in done.text  # back on the case, the note kept
        assert [e[2] for e in cases.events(Gateway(config).audit, case_id)][-1] == "consented"
        # answered by phone: its queued SMS, which asked for the answer, is not sent any more
        statuses = {m["status"] for m in cases.messages(Gateway(config).audit, case_id)}
        assert statuses == {"withdrawn"} and "отозвано" in done.text
        assert f'href="/cases/{case_id}"' in client.get("/cases?status=consented", headers=html).text
        client.cookies.clear()
        client.post("/login", data={"name": "arman", "password": "auditor-password-1", "next": "/"})
        seen = client.get("/cases", headers=html).text
        assert f'href="/cases/{case_id}"' in seen and '<form method="post" action="/cases/' not in seen


def test_a_social_worker_works_ten_cases_to_closure_taking_and_closing_them_together(
        mart: dict[str, Any], findings: list[Finding], tmp_path: Any) -> None:
    """Ten answers recorded one by one (each confirmed), the ten taken at once from the queue, then closed at once
    with the decision as their note; every move is an event and an audit entry; a case whose status no longer
    allows the move is counted, not forced; closing needs a note; only a role that works cases may do it."""
    import re

    from fastapi.testclient import TestClient

    from ukimet.api.app import create_app

    home = tmp_path / "home"
    shutil.copytree(mart["country"].config.home, home)
    config = Settings(home=home)
    gateway = Gateway(config)
    add_user(gateway.metadata, SERVICE)
    basis = purposes.declare(gateway.audit, SERVICE, "proactive benefits", legal_basis="Social Code, Art. 7", days=1)
    opened = cases.open_cases(gateway, SERVICE, findings, purpose=f"P-{basis.id}")
    assert len(opened) >= 12
    add_user(gateway.metadata, User("aigerim", "social_worker", "Department of Employment, Shymkent"), "worker-pass-1")
    add_user(gateway.metadata, User("arman", "auditor", "Data protection office"), "auditor-pass-1")
    gateway.close()
    html = {"accept": "text/html"}
    ten, other = opened[:10], opened[10]
    with TestClient(create_app(config)) as client:
        client.post("/login", data={"name": "aigerim", "password": "worker-pass-1", "next": "/"})
        for case_id in ten:
            page = client.get(f"/cases/{case_id}", headers=html).text
            csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            client.post(f"/cases/{case_id}", data={"action": "consent", "csrf": csrf, "confirm": "yes",
                                                  "back": f"/cases/{case_id}", "note": "по телефону"}, headers=html)
        queue = client.get("/cases?status=consented&lang=ru", headers=html).text
        assert 'id="bulk"' in queue and len(re.findall(r'name="case" value="(\d+)" form="bulk"', queue)) == 10
        csrf = re.search(r'name="csrf" value="([^"]+)"', queue).group(1)  # type: ignore[union-attr]
        taken = client.post("/cases/bulk", data={"action": "assign", "case": [*ten, other], "csrf": csrf,
                                                  "back": "/cases?status=consented"}, headers=html)
        assert taken.status_code == 200 and "Выполнено для выбранных дел: 10" in taken.text
        assert "Невозможно (их статус больше этого не позволяет): 1" in taken.text  # the unanswered one
        assert client.post("/cases/bulk", data={"action": "close", "case": ten, "csrf": csrf}, headers=html
                           ).status_code == 422  # closed without a decision: refused, nothing closed
        assert client.post("/cases/bulk", data={"action": "consent", "case": ten, "csrf": csrf}, headers=html
                           ).status_code == 422  # answers are recorded case by case, confirmed
        assert client.post("/cases/bulk", data={"action": "close", "case": ten, "note": "x", "csrf": "guess"},
                           headers=html).status_code == 403
        closed = client.post("/cases/bulk", data={"action": "close", "case": ten, "csrf": csrf,
                                                   "note": "приказ № 17 от 02.12.2026", "back": "/cases"},
                             headers=html)
        assert closed.status_code == 200 and "Выполнено для выбранных дел: 10" in closed.text
        single = opened[11]  # one case closed from its own page, with the reason it ends
        page = client.get(f"/cases/{single}", headers=html).text
        assert 'id="close-case"' in page
        assert client.post(f"/cases/{single}", data={"action": "close", "csrf": csrf, "note": " "}, headers=html
                           ).status_code == 422
        client.post(f"/cases/{single}", data={"action": "close", "csrf": csrf, "note": "переехал за рубеж"},
                    headers=html)
        assert [e[2] for e in cases.events(Gateway(config).audit, single)][-1] == "closed"
        closed_queue = client.get("/cases?status=closed", headers=html).text
        assert sorted(map(int, re.findall(r'<a href="/cases/(\d+)">', closed_queue))) == sorted([*ten, single])
        client.cookies.clear()
        client.post("/login", data={"name": "arman", "password": "auditor-pass-1", "next": "/"})
        seen = client.get("/cases", headers=html).text
        assert 'id="bulk"' not in seen and 'name="case"' not in seen
        from ukimet.api.session import COOKIE

        auditors = client.app.state.sessions.csrf(client.cookies.get(COOKIE))  # type: ignore[attr-defined]
        assert client.post("/cases/bulk", data={"action": "close", "case": [other], "note": "x", "csrf": auditors},
                           headers=html).status_code == 403
    log = Gateway(config).audit
    for case_id in ten:
        assert [e[2] for e in cases.events(log, case_id)][-3:] == ["consented", "assigned", "closed"]
        assert cases.events(log, case_id)[-1][3] == "приказ № 17 от 02.12.2026"
    assert [e[2] for e in cases.events(log, other)][-1] != "closed"
