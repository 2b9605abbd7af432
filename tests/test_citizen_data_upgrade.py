"""A home whose metadata store holds citizen data the way the previous release kept it (the values a case's rule
read, SMS texts with first names and phones, findings' values and records) is upgraded without losing a case's
basis: the values move into the store, the metadata keeps keyed hashes, and after the old columns are dropped and
the file vacuumed no name, phone or IIN is left in it; the cases and findings read as before."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import MART_AS_OF
from ukimet.apps import cases
from ukimet.apps import findings as work
from ukimet.apps.citizen_data_upgrade import move_citizen_data
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user
from ukimet.model.consistency import run_rules
from ukimet.model.entitlements import evaluate
from ukimet.sync.store import open_store

DAY = dt.date.fromisoformat(MART_AS_OF)
WORKER = User("dana", "social_worker", "Department of Employment, Shymkent")
PREVIOUS = [  # the three tables as the previous release (main at d891802) created them
    """CREATE TABLE cases (id INTEGER PRIMARY KEY AUTOINCREMENT, rule VARCHAR(64) NOT NULL,
       rule_version VARCHAR(32) NOT NULL, as_of VARCHAR(10) NOT NULL, person_id VARCHAR(32) NOT NULL,
       family_id VARCHAR(32), region VARCHAR(8), evidence JSON NOT NULL, evidence_hash VARCHAR(64) NOT NULL,
       status VARCHAR(16) NOT NULL, assigned_to VARCHAR(128), created_at DATETIME NOT NULL,
       updated_at DATETIME NOT NULL)""",
    """CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, case_id INTEGER NOT NULL, phone VARCHAR(32),
       text_kk TEXT NOT NULL, text_ru TEXT NOT NULL, status VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL,
       sent_at DATETIME)""",
    """CREATE TABLE findings (id INTEGER PRIMARY KEY AUTOINCREMENT, rule VARCHAR(64) NOT NULL,
       subject_kind VARCHAR(16) NOT NULL, subject VARCHAR(64) NOT NULL, as_of VARCHAR(10) NOT NULL,
       "values" JSON NOT NULL, evidence JSON NOT NULL, status VARCHAR(16) NOT NULL, reviewer VARCHAR(128),
       note TEXT, found_at DATETIME NOT NULL, reviewed_at DATETIME)""",
]
ADDED = ["ALTER TABLE cases ADD COLUMN evidence_keys JSON NOT NULL DEFAULT '{}'",
         "ALTER TABLE cases ADD COLUMN purpose TEXT",
         "ALTER TABLE outbox ADD COLUMN template VARCHAR(64) NOT NULL DEFAULT ''",
         "ALTER TABLE outbox ADD COLUMN template_version VARCHAR(32) NOT NULL DEFAULT ''",
         "ALTER TABLE outbox ADD COLUMN languages VARCHAR(16) NOT NULL DEFAULT ''",
         "ALTER TABLE findings ADD COLUMN values_hash VARCHAR(64) NOT NULL DEFAULT ''",
         "ALTER TABLE findings ADD COLUMN records INTEGER NOT NULL DEFAULT 0"]
DROPPED = ["ALTER TABLE cases DROP COLUMN evidence", "ALTER TABLE outbox DROP COLUMN phone",
           "ALTER TABLE outbox DROP COLUMN text_kk", "ALTER TABLE outbox DROP COLUMN text_ru",
           'ALTER TABLE findings DROP COLUMN "values"', "ALTER TABLE findings DROP COLUMN evidence"]


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


@pytest.fixture(scope="module")
def upgraded(mart: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("upgrade") / "home"
    shutil.copytree(mart["country"].config.home, home)
    config = Settings(home=home)
    engine = connect_metadata(config)
    con = open_store(config.resolved_store_path())
    try:
        entitled = evaluate(con, as_of=DAY)[:40]
        found = [f for f in run_rules(con) if f.subject_kind == "person"][:20]
        people = {r[0]: r[1:] for r in con.execute("SELECT person_id, iin, first_name, phone FROM mart.persons")
                  .fetchall()}
    finally:
        con.close()
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as db:  # the metadata store as the previous release left it
        for table in ("cases", "outbox", "findings"):
            db.exec_driver_sql(f"DROP TABLE {table}")
        for ddl in PREVIOUS:
            db.exec_driver_sql(ddl)
        for i, f in enumerate(entitled, start=1):
            _, first_name, phone = people[f.person_id]
            db.execute(text("INSERT INTO cases VALUES (:id, :rule, :version, :as_of, :person, :family, NULL, "
                            ":evidence, :hash, 'notified', NULL, :now, :now)"),
                       {"id": i, "rule": f.rule, "version": f.rule_version, "as_of": f.as_of.isoformat(),
                        "person": f.person_id, "family": f.family_id, "evidence": json.dumps(_jsonable(f.evidence)),
                        "hash": f.evidence_hash, "now": now})
            db.execute(text("INSERT INTO outbox (case_id, phone, text_kk, text_ru, status, created_at) "
                            "VALUES (:case, :phone, :kk, :ru, :status, :now)"),
                       {"case": i, "phone": phone, "kk": f"Құрметті {first_name}!", "ru": f"Уважаемая {first_name}!",
                        "status": "queued" if phone else "no_phone", "now": now})
        for kept in found:
            db.execute(text('INSERT INTO findings (rule, subject_kind, subject, as_of, "values", evidence, status, '
                            "found_at) VALUES (:rule, :kind, :subject, :as_of, :values, :evidence, 'open', :now)"),
                       {"rule": kept.rule, "kind": kept.subject_kind, "subject": kept.subject, "as_of": MART_AS_OF,
                        "values": json.dumps(kept.values), "evidence": json.dumps(kept.evidence), "now": now})
        for sql in ADDED:  # the migration: new columns, the data moved, old columns dropped, the file vacuumed
            db.exec_driver_sql(sql)
    con = open_store(config.resolved_store_path())
    try:
        moved = move_citizen_data(config, engine, con)
        again = move_citizen_data(config, engine, con)
    finally:
        con.close()
    with engine.begin() as db:
        for sql in DROPPED:
            db.exec_driver_sql(sql)
    with engine.connect() as db:
        db.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.exec_driver_sql("VACUUM")
    engine.dispose()
    return {"config": config, "entitled": entitled, "found": found, "people": people, "moved": moved,
            "again": again}


def test_the_upgrade_moves_every_row_once(upgraded: dict[str, Any]) -> None:
    assert upgraded["moved"] == {"cases": len(upgraded["entitled"]), "outbox": len(upgraded["entitled"]),
                                 "findings": len(upgraded["found"])}
    assert upgraded["again"] == {"cases": 0, "outbox": 0, "findings": 0}


def test_after_the_upgrade_the_metadata_file_holds_no_name_phone_or_iin(upgraded: dict[str, Any]) -> None:
    people = upgraded["people"].values()
    names = {n.lower() for _, n, _ in people if n and len(n) >= 4}
    phones = {re.sub(r"\D", "", p)[-10:] for _, _, p in people if p}
    iins = {i for i, _, _ in people if i}
    files = sorted(Path(upgraded["config"].home).glob("metadata.sqlite*"))
    assert files
    for path in files:
        data = path.read_bytes()
        numbers = {n.decode() for n in re.findall(rb"(?<!\d)\d{10,12}(?!\d)", data)}
        assert not numbers & iins and not {n[-10:] for n in numbers} & phones, path
        assert not set(re.findall(r"[^\W\d_]{4,}", data.decode("utf-8", "ignore").lower())) & names, path


def test_after_the_upgrade_cases_and_findings_read_as_before(upgraded: dict[str, Any]) -> None:
    config = upgraded["config"]
    gateway = Gateway(config)
    try:
        add_user(gateway.metadata, WORKER)
        case = cases.listed(gateway.audit)[0]
        before = next(f for f in upgraded["entitled"] if f.person_id == case.person_id and f.rule == case.rule)
        shown = cases.show(gateway, WORKER, case.id, "case review")
        assert shown.evidence == json.loads(json.dumps(_jsonable(before.evidence))) and not shown.basis_changed
        assert shown.person["iin"] == upgraded["people"][case.person_id][0]
        assert all(cases.reproduce(gateway.audit, c, upgraded["entitled"]) is None
                   for c in cases.listed(gateway.audit))
        sms = cases.messages(gateway.audit, case.id)[0]
        assert sms["template"] == case.rule and sms["languages"] == "kk,ru"
        rendered = cases.outbox(gateway, WORKER, "case review")
        assert rendered and all(m.texts["kk"] and "{" not in m.texts["kk"] for m in rendered)
        valued = work.with_values(gateway, WORKER, work.listed(gateway.audit), "finding review")
        original = {(f.rule, f.subject): f for f in upgraded["found"]}
        assert valued and all(v.values == original[(v.kept.rule, v.kept.subject)].values and not v.basis_changed
                              for v in valued)
    finally:
        gateway.close()
