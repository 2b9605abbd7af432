"""No citizen data at rest in the metadata store: after the analytics pipeline (entitlements, proactive cases with
their consent SMS, consistency findings, a case shown and the SMS rendered), the metadata database holds no IIN,
phone number, first name or value a rule read of any person; the values live in the integrated store and every
showing of a case, a finding's values or an SMS is a gateway read whose audit entry names the person."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MART_AS_OF
from ukimet.apps import cases
from ukimet.apps import findings as work
from ukimet.core.errors import PolicyError
from ukimet.core.metadata import case_events, connect_metadata
from ukimet.core.metadata import cases as cases_table
from ukimet.core.metadata import findings as findings_table
from ukimet.core.metadata import outbox as outbox_table
from ukimet.core.settings import Settings
from ukimet.gateway import purposes
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user, find_user
from ukimet.model.consistency import run_rules
from ukimet.model.entitlements import evaluate
from ukimet.model.evidence import as_json, keep_entitlements, keep_findings
from ukimet.sync.store import open_store

SERVICE = User("proactive", "case_service", "Ministry of Labour")
WORKER = User("dana", "social_worker", "Department of Employment, Shymkent")
AUDITOR = User("bolat", "auditor", "Agency for Personal Data Protection")
DAY = dt.date.fromisoformat(MART_AS_OF)


@pytest.fixture(scope="module")
def pipeline(mart: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A copy of the linked country taken through the analytics pipeline as ``ukimet demo`` runs it."""
    home = tmp_path_factory.mktemp("citizen") / "home"
    shutil.copytree(mart["country"].config.home, home)
    config = Settings(home=home)
    engine = connect_metadata(config)
    with engine.begin() as db:  # the shared mart's home may hold the work of tests run before on this worker
        for table in (case_events, outbox_table, cases_table, findings_table):
            db.execute(table.delete())
    con = open_store(config.resolved_store_path())
    try:
        entitled = evaluate(con, as_of=DAY)
        found = run_rules(con)
        keep_entitlements(con, engine, entitled)
        keep_findings(con, engine, found, DAY)
        assert keep_entitlements(con, engine, entitled) == 0  # kept once
        people = con.execute("SELECT person_id, iin, first_name, phone FROM mart.persons").fetchall()
    finally:
        con.close()
    gateway = Gateway(config)
    for user in (SERVICE, WORKER, AUDITOR):
        if find_user(gateway.metadata, user.name) is None:  # the shared mart's home may have them from other tests
            add_user(gateway.metadata, user)
    basis = purposes.declare(gateway.audit, SERVICE, "proactive benefits", legal_basis="Social Code, Art. 7",
                             days=1)
    opened = cases.open_cases(gateway, SERVICE, entitled, purpose=f"P-{basis.id}")
    kept = work.keep(gateway.audit, found, DAY)
    return {"config": config, "gateway": gateway, "purpose": f"P-{basis.id}", "opened": opened, "kept": kept,
            "entitled": entitled, "found": found, "people": {p[0]: p[1:] for p in people}}


def _cells(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, text) of every non-empty cell of every table of a SQLite file."""
    db = sqlite3.connect(path)
    try:
        cells = []
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            cursor = db.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            for row in cursor:
                cells += [(table, name, v.decode(errors="ignore") if isinstance(v, bytes) else str(v))
                          for name, v in zip(names, row, strict=True) if v is not None]
        return cells
    finally:
        db.close()


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def test_the_metadata_store_holds_no_iin_phone_or_name_of_any_person(pipeline: dict[str, Any]) -> None:
    gateway, purpose = pipeline["gateway"], pipeline["purpose"]
    cases.show(gateway, WORKER, pipeline["opened"][0], "case review")  # reads leave nothing behind either
    cases.outbox(gateway, SERVICE, purpose)
    work.with_values(gateway, WORKER, work.listed(gateway.audit), "finding review")
    people = pipeline["people"].values()
    iins = {iin for iin, _, _ in people if iin}
    phones = {_digits(phone)[-10:] for _, _, phone in people if len(_digits(phone)) >= 10}
    names = {name for _, name, _ in people if name and len(name) >= 3}
    assert len(iins) > 1000 and len(phones) > 500 and len(names) > 50
    url = pipeline["config"].resolved_metadata_url()
    cells = _cells(Path(url.removeprefix("sqlite:///")))
    written = {"cases", "case_events", "outbox", "findings", "audit_entries", "catalog_columns"}
    assert written <= {table for table, _, _ in cells}  # the pipeline wrote there: the scan reads something
    leaks = []
    for table, column, text in cells:
        numbers = set(re.findall(r"\d{10,}", text))
        words = set(re.findall(r"\w+", text))
        if numbers & iins or {n[-10:] for n in numbers} & phones or words & names:
            leaks.append((table, column, text[:80]))
    assert not leaks, leaks[:10]
    # the file's bytes too, free pages and the write-ahead log included: nothing written once and deleted
    lower = {n.lower() for n in names if len(n) >= 4}
    files = sorted(Path(url.removeprefix("sqlite:///")).parent.glob("metadata.sqlite*"))
    assert files
    for path in files:
        data = path.read_bytes()
        numbers = set(re.findall(rb"(?<!\d)\d{10,12}(?!\d)", data))
        assert not {n.decode() for n in numbers} & iins, path
        assert not {n.decode()[-10:] for n in numbers} & phones, path
        assert not set(re.findall(r"[^\W\d_]{4,}", data.decode("utf-8", "ignore").lower())) & lower, path


def test_the_values_a_rule_read_are_kept_only_as_keyed_hashes(pipeline: dict[str, Any]) -> None:
    gateway = pipeline["gateway"]
    case = cases.listed(gateway.audit)[0]
    finding = next(f for f in pipeline["entitled"] if f.rule == case.rule and f.person_id == case.person_id)
    assert case.evidence_hash != finding.evidence_hash  # a plain hash of an income can be tried out; keyed not
    assert set(case.evidence_keys) == set(finding.evidence)
    with gateway.metadata.connect() as con:
        row = con.exec_driver_sql("SELECT * FROM cases WHERE id = ?", (case.id,)).mappings().one()
        sms = con.exec_driver_sql("SELECT * FROM outbox WHERE case_id = ?", (case.id,)).mappings().one()
    stored = json.dumps({k: str(v) for k, v in row.items()}, ensure_ascii=False)
    assert not any(json.dumps(v, default=str) in stored for v in finding.evidence.values() if isinstance(v, float))
    assert {"phone", "text_kk", "text_ru"}.isdisjoint(sms) and sms["template"] == case.rule


def test_showing_a_case_is_a_gateway_read_naming_the_person(pipeline: dict[str, Any]) -> None:
    gateway = pipeline["gateway"]
    case = cases.listed(gateway.audit)[0]
    iin, first_name, _ = pipeline["people"][case.person_id]
    with pytest.raises(PolicyError, match="purpose"):
        cases.show(gateway, SERVICE, case.id, "")
    shown = cases.show(gateway, WORKER, case.id, "case review")
    finding = next(f for f in pipeline["entitled"] if f.rule == case.rule and f.person_id == case.person_id)
    assert shown.person["iin"] == iin and shown.person["first_name"] == first_name
    assert shown.evidence == json.loads(json.dumps(finding.evidence, default=str)) and not shown.basis_changed
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["seq"] == shown.audit_seq and entry["user_name"] == WORKER.name
    assert entry["purpose"] and "case review" in entry["purpose"]
    assert gateway.audit.person(iin) in entry["persons"]
    with pytest.raises(PolicyError, match="may not work cases"):
        cases.show(gateway, User("x", "analyst", "-", {"region": "19"}), case.id, "curious")


def test_rendering_the_sms_is_a_gateway_read_naming_each_person(pipeline: dict[str, Any]) -> None:
    gateway, purpose = pipeline["gateway"], pipeline["purpose"]
    rendered = cases.outbox(gateway, SERVICE, purpose)
    assert rendered
    assert cases.outbox(gateway, SERVICE) == rendered  # by default under the purpose the cases were opened for
    assert gateway.audit.entries(limit=1)[0]["purpose"] == gateway.audit.entries(limit=2)[1]["purpose"]
    entry = gateway.audit.entries(limit=1)[0]
    person_of = {c.id: c.person_id for c in cases.listed(gateway.audit)}
    first = rendered[0]
    iin, first_name, phone = pipeline["people"][person_of[first.case_id]]
    assert first.phone == phone and first_name in first.texts["kk"] and first_name in first.texts["ru"]
    assert entry["user_name"] == SERVICE.name and gateway.audit.person(iin) in entry["persons"]
    with pytest.raises(PolicyError, match="may not send"):
        cases.outbox(gateway, AUDITOR, purpose)
    assert cases.mark_sent(gateway.audit, SERVICE, [first.id]) == 1
    assert cases.messages(gateway.audit, first.case_id)[0]["status"] == "sent"
    assert cases.mark_sent(gateway.audit, SERVICE, [first.id]) == 0  # sent once


def test_a_findings_values_are_read_through_the_gateway_under_the_readers_masks(pipeline: dict[str, Any]) -> None:
    gateway = pipeline["gateway"]
    kept = [k for k in work.listed(gateway.audit) if k.subject_kind == "person"][:3]
    assert kept
    shown = work.with_values(gateway, WORKER, kept, "finding review")
    original = {(f.rule, f.subject): f for f in pipeline["found"]}
    for valued in shown:
        assert valued.values == original[(valued.kept.rule, valued.kept.subject)].values
        assert valued.evidence == original[(valued.kept.rule, valued.kept.subject)].evidence
        assert not valued.basis_changed and valued.kept.records == len(valued.evidence)
    entry = gateway.audit.entries(limit=1)[0]
    iin = pipeline["people"][kept[0].subject][0]
    assert entry["user_name"] == WORKER.name and gateway.audit.person(iin) in entry["persons"]
    hidden = work.with_values(gateway, AUDITOR, kept, "finding review")  # the default policy hides personal values
    assert [v.kept.id for v in hidden] == [k.id for k in kept] and all(not v.values for v in hidden)


@pytest.fixture(scope="module")
def client(pipeline: dict[str, Any]) -> Any:
    from fastapi.testclient import TestClient

    from ukimet.api.app import create_app
    from ukimet.gateway.users import set_password

    for user in (SERVICE, WORKER, AUDITOR):
        set_password(pipeline["gateway"].metadata, user.name, f"{user.name}-pass")
    app = create_app(pipeline["config"])
    with TestClient(app) as client:
        yield client
    app.state.gateway.close()


def _signed_in(client: Any, user: User) -> dict[str, str]:
    answer = client.post("/api/v1/auth/login", json={"name": user.name, "password": f"{user.name}-pass"})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def test_the_api_shows_cases_findings_and_sms_only_through_the_gateway(pipeline: dict[str, Any],
                                                                      client: Any) -> None:
    gateway = pipeline["gateway"]
    worker, service, auditor = (_signed_in(client, u) for u in (WORKER, SERVICE, AUDITOR))
    case = cases.listed(gateway.audit)[1]
    iin = pipeline["people"][case.person_id][0]
    assert client.get(f"/api/v1/cases/{case.id}", headers=worker).status_code == 422  # no purpose, no person
    shown = client.get(f"/api/v1/cases/{case.id}", params={"purpose": "case review"}, headers=worker).json()
    assert shown["person"]["iin"] == iin and shown["evidence"] and not shown["basis_changed"]
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["seq"] == shown["audit_seq"] and gateway.audit.person(iin) in entry["persons"]
    listed = client.get("/api/v1/cases", headers=worker).json()  # the work list: no personal values
    assert listed and not {"evidence", "phone", "person"} & set(listed[0])
    plain = client.get("/api/v1/findings", headers=auditor).json()
    assert plain and all("values" not in f for f in plain)
    valued = client.get("/api/v1/findings", params={"purpose": "finding review"}, headers=worker).json()
    original = {(f.rule, f.subject): f.values for f in pipeline["found"]}
    assert all(f["values"] == json.loads(json.dumps(original[(f["rule"], f["subject"])])) for f in valued)
    sms = client.get("/api/v1/cases/outbox", params={"purpose": pipeline["purpose"]}, headers=service).json()
    assert sms and all("ИӘ" in m["texts"]["kk"] and m["phone"] for m in sms)
    assert client.get("/api/v1/cases/outbox", params={"purpose": "case review 7"}, headers=auditor).status_code == 403
    sent = client.post("/api/v1/cases/outbox/sent", json={"ids": [sms[0]["id"]]}, headers=service).json()
    assert sent == {"changed": 1}


def test_the_findings_page_shows_values_only_under_a_purpose(pipeline: dict[str, Any], client: Any) -> None:
    gateway = pipeline["gateway"]
    client.cookies.clear()
    signed = client.post("/login", data={"name": WORKER.name, "password": f"{WORKER.name}-pass", "next": "/"},
                         follow_redirects=False)
    assert signed.status_code == 303
    before = gateway.audit.entries(limit=1)[0]["seq"]
    listed = client.get("/findings?lang=en", headers={"accept": "text/html"})
    assert listed.status_code == 200 and 'id="purpose"' in listed.text
    read = gateway.audit.entries(limit=1)[0]  # the work list: the read recorded, no value of a person in it
    assert read["seq"] > before and read["user_name"] == WORKER.name and read["persons"] == []
    before = read["seq"]
    paid = next(f for f in pipeline["found"] if f.rule == "deceased_paid")
    shown = client.get("/findings", params={"purpose": "finding review", "lang": "en"},
                       headers={"accept": "text/html"})
    assert shown.status_code == 200 and f"after death on {paid.values['death_date']}" in shown.text
    assert gateway.audit.entries(limit=1)[0]["seq"] > before
    client.cookies.clear()


def test_every_read_of_a_work_list_is_an_audit_entry(pipeline: dict[str, Any]) -> None:
    gateway = pipeline["gateway"]
    shown = cases.listed(gateway.audit, status="notified", reader=WORKER)
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["user_name"] == WORKER.name and entry["rows"] == len(shown) and "status=notified" in entry["query"]
    kept = work.listed(gateway.audit, reader=AUDITOR)
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["user_name"] == AUDITOR.name and entry["rows"] == len(kept)
    analyst = User("aigerim", "analyst", "Akimat", {"region": "19"})
    for read in (lambda: cases.listed(gateway.audit, reader=analyst), lambda: work.listed(gateway.audit,
                                                                                         reader=analyst)):
        with pytest.raises(PolicyError):
            read()


def test_an_analyst_reads_the_evidence_of_their_own_region_only_and_masked(pipeline: dict[str, Any]) -> None:
    gateway = pipeline["gateway"]
    # a name no other test uses: the persons an account reads in a day are counted by name
    analyst = User("evidence-analyst", "analyst", "Akimat of Almaty region", {"region": "19"})
    result = gateway.query(analyst, "SELECT region, person_id, evidence FROM evidence.entitlements "
                                    "ORDER BY key, kept_at", "regional review")
    assert result.rows and {r[0] for r in result.rows} == {"19"}
    assert all(r[2] is None or r[2] not in {as_json(f.evidence) for f in pipeline["entitled"]}
               for r in result.rows)
    with gateway.trusted() as con:
        regions = con.execute("SELECT count(DISTINCT region), count(*) FILTER (WHERE region IS NULL) "
                              "FROM evidence.findings").fetchone()
    assert regions is not None and regions[0] > 3 and regions[1] == 0  # every finding has its subject's region


def test_the_refusals_of_cases_findings_and_the_outbox_are_said_in_kazakh_and_russian(
        pipeline: dict[str, Any]) -> None:
    from ukimet.api.problems import say

    gateway = pipeline["gateway"]
    analyst = User("aigerim", "analyst", "Akimat", {"region": "19"})
    refusals = (lambda: cases.listed(gateway.audit, reader=analyst),
                lambda: work.listed(gateway.audit, reader=analyst), lambda: cases.outbox(gateway, AUDITOR),
                lambda: cases.show(gateway, analyst, 1, "x"), lambda: work.with_values(gateway, analyst, [], "x"),
                lambda: cases.mark_sent(gateway.audit, AUDITOR, [1]))
    for refuse in refusals:
        with pytest.raises(PolicyError) as refused:
            refuse()
        for language in ("kk", "ru"):
            said = say(refused.value, language)
            assert said.why != refused.value.why, (refused.value.id, language, said)


def test_another_case_service_account_is_told_to_give_its_own_purpose(pipeline: dict[str, Any]) -> None:
    from ukimet.core.errors import InvalidInput

    gateway = pipeline["gateway"]
    other = User("sms-sender", "case_service", "Ministry of Labour")
    if find_user(gateway.metadata, other.name) is None:
        add_user(gateway.metadata, other)
    with pytest.raises(InvalidInput) as refused:
        cases.outbox(gateway, other)  # the cases' purpose is the opener's, not this account's
    assert refused.value.id == "cases.sms_purpose_of_another" and "--purpose" in refused.value.fix
    own = purposes.declare(gateway.audit, other, "consent SMS for proactive benefits",
                           legal_basis="Social Code, Art. 7", days=1)
    assert cases.outbox(gateway, other, f"P-{own.id}")
