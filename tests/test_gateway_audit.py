"""The audit log as a specification: every access is one entry naming who, why and whom; no entry, no query;
the log is append-only; any edit, deletion, insertion or reordering is found and located; a citizen sees every
access to their records with a proof anyone can check against the signed checkpoint."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from ukimet.cli.main import app
from ukimet.core.errors import PolicyError, Unauthenticated, Unavailable
from ukimet.core.metadata import audit_entries, connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway import audit
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.gateway.tracker import my_accesses
from ukimet.gateway.users import add_user, authenticate, issue_token, user_of_token

from .gateway_registry import WORKER


def _entry(n: int) -> audit.Access:
    return audit.Access("u", "org", "analyst", None, "query", f"SELECT {n}", None, n, [])


def test_every_query_and_every_refusal_is_an_entry_that_names_the_persons(registry: dict[str, Any]) -> None:
    gateway = registry["gateway"]
    before = len(gateway.audit.entries(limit=10_000))
    result = gateway.query(WORKER, "SELECT iin FROM reg.persons ORDER BY id LIMIT 2", purpose="case 5")
    with pytest.raises(PolicyError):
        gateway.query(WORKER, "PRAGMA version", purpose="case review 7")
    latest = gateway.audit.entries(limit=2)
    assert len(gateway.audit.entries(limit=10_000)) == before + 2
    assert latest[0]["action"] == "refused" and latest[1]["seq"] == result.audit_seq
    assert latest[1]["purpose"] == "case 5" and latest[1]["rows"] == 2 and "reg" in latest[1]["rewritten"]
    touched = gateway.audit.entries(person_iin=registry["rows"][0][1], limit=1000)
    assert any(e["seq"] == result.audit_seq for e in touched)
    assert not any(registry["rows"][0][1] in json.dumps(e, default=str) for e in touched[:1]), "an IIN in the log"


def test_the_log_refuses_updates_and_deletes(tmp_path: Path) -> None:
    config = Settings(home=tmp_path)
    log = audit.AuditLog(connect_metadata(config), config)
    log.append(_entry(1))
    for change in (update(audit_entries).values(rows=0), delete(audit_entries)):
        with pytest.raises(DBAPIError, match="append-only"), log.engine.begin() as con:
            con.execute(change)
    assert log.verify().ok


def _drop_guards(con: Connection) -> None:
    """What only a database superuser can do: remove the append-only triggers."""
    for table in ("audit_entries", "audit_checkpoints"):
        for op in ("update", "delete"):
            con.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_no_{op}")


def _tamper(tmp_path: Path, change: Any) -> audit.Verdict:
    config = Settings(home=tmp_path, audit_checkpoint_every=0)
    log = audit.AuditLog(connect_metadata(config), config)
    for n in range(6):
        log.append(_entry(n))
    log.checkpoint()
    for n in range(6, 9):
        log.append(_entry(n))
    assert log.verify().ok
    with log.engine.begin() as con:
        _drop_guards(con)
        change(con)
    return log.verify()


@pytest.mark.parametrize(("change", "first_bad"), [
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 4).values(rows=0)), 4),
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 8).values(purpose="case review 7")), 8),
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 3).values(query="SELECT 1")), 3),
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 5).values(persons=["x"])), 5),
    (lambda con: con.execute(delete(audit_entries).where(audit_entries.c.seq == 3)), 3),
    (lambda con: con.execute(delete(audit_entries).where(audit_entries.c.seq >= 5)), 5),
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 2).values(seq=100)), 2),
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 9).values(seq=10)), 9),
], ids=["edited", "edited-after-checkpoint", "query-text-edited", "persons-edited", "deleted",
        "tail-deleted-back-to-before-the-checkpoint", "moved", "gap"])
def test_tampering_with_the_log_is_detected_and_located(tmp_path: Path, change: Any, first_bad: int) -> None:
    verdict = _tamper(tmp_path, change)
    assert not verdict.ok and verdict.first_bad == first_bad, verdict


def _rewrite_from(con: Connection, edit: Any) -> None:
    """A superuser edits entries and recomputes every hash after: the chain is consistent again."""
    rows = [dict(r._mapping) for r in con.execute(select(audit_entries).order_by(audit_entries.c.seq))]
    rows = edit(rows)
    prev = audit.GENESIS
    con.execute(delete(audit_entries))
    for seq, row in enumerate(rows, start=1):
        row["seq"] = seq
        row["prev_hash"], row["hash"] = prev, audit.entry_hash(prev, row)
        prev = row["hash"]
        con.execute(insert(audit_entries).values(**row))


@pytest.mark.parametrize(("edit", "first_changed"), [
    (lambda rows: [*rows[:1], {**rows[1], "rows": 999}, *rows[2:]], 2),
    (lambda rows: [rows[0], rows[2], rows[1], *rows[3:]], 2),
    (lambda rows: [*rows[:3], {**rows[3], "seq": 0, "query": "SELECT 'inserted'"}, *rows[3:]], 4),
], ids=["edited", "reordered", "inserted"])
@pytest.mark.parametrize("anchor_kept", [True, False], ids=["anchored", "anchor-lost"])
def test_a_rewritten_chain_fails_its_anchor_and_its_signed_checkpoint(tmp_path: Path, edit: Any, first_changed: int,
                                                                      anchor_kept: bool) -> None:
    """The anchored heads locate the first rewritten entry; without them the checkpoint signed before still fails."""
    def rewrite(con: Connection) -> None:
        _rewrite_from(con, edit)
        if not anchor_kept:
            Settings(home=tmp_path).resolved_audit_anchor_path().unlink()

    verdict = _tamper(tmp_path, rewrite)
    if anchor_kept:
        assert not verdict.ok and verdict.kind == "rewritten" and verdict.first_bad == first_changed, verdict
    else:
        assert not verdict.ok and verdict.kind == "checkpoint" and verdict.first_bad == 6, verdict


def test_a_checkpoint_signed_by_an_untrusted_key_is_rejected(tmp_path: Path) -> None:
    config = Settings(home=tmp_path)
    log = audit.AuditLog(connect_metadata(config), config)
    log.append(_entry(1))
    log.checkpoint()
    assert log.verify({log.public_key()}).ok
    verdict = log.verify({"00" * 32})
    assert not verdict.ok and "untrusted" in verdict.reason


def test_checkpoints_are_signed_periodically(tmp_path: Path) -> None:
    config = Settings(home=tmp_path, audit_checkpoint_every=5)
    log = audit.AuditLog(connect_metadata(config), config)
    for n in range(12):
        log.append(_entry(n))
    assert log.verify().checkpoints == 2


def test_no_log_no_query(registry: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    gateway = Gateway(registry["config"])

    def must_not_run() -> None:
        raise AssertionError("the query ran although the log could not be written")

    monkeypatch.setattr(gateway, "_engine", must_not_run)
    with gateway.metadata.begin() as con:  # the log's file can no longer be written
        con.exec_driver_sql("PRAGMA query_only = ON")
    from sqlalchemy import event

    event.listen(gateway.metadata, "connect", lambda dbapi, _: dbapi.execute("PRAGMA query_only = ON"))
    gateway.metadata.dispose()
    with pytest.raises(Unavailable, match="audit log"):
        gateway.query(WORKER, "SELECT iin FROM reg.persons LIMIT 1", purpose="case 9")


def test_no_entry_no_result(registry: dict[str, Any]) -> None:
    gateway = Gateway(registry["config"])
    with gateway.metadata.begin() as con:
        con.exec_driver_sql("CREATE TRIGGER no_audit BEFORE INSERT ON audit_entries BEGIN "
                            "SELECT RAISE(ABORT, 'disk full'); END")
    try:
        with pytest.raises(Unavailable, match="audit log"):
            gateway.query(WORKER, "SELECT iin FROM reg.persons LIMIT 1", purpose="case 9")
    finally:
        with gateway.metadata.begin() as con:
            con.exec_driver_sql("DROP TRIGGER no_audit")


def test_a_citizen_sees_each_access_with_a_proof_anyone_can_check(registry: dict[str, Any]) -> None:
    gateway = registry["gateway"]
    person = registry["rows"][3]
    add_user(gateway.metadata, User("marat", "citizen", "-"), "his-own-pass", iin=person[1], config=gateway.config)
    gateway.query(WORKER, f"SELECT familiya FROM reg.persons WHERE id = {person[0]}", purpose="case 2026/41")
    gateway.query(WORKER, "SELECT count(*) FROM reg.persons")  # an aggregate touches nobody in particular
    report = my_accesses(gateway.audit, authenticate(gateway.metadata, "marat", "his-own-pass"))
    assert report.verified
    newest = gateway.audit.entries(limit=1)[0]  # the look-up itself, anchored before the report was made
    assert report.anchored is not None and (report.anchored.seq, report.anchored.hash) == (newest["seq"],
                                                                                            newest["hash"])
    assert report.anchored.signature_ok() and report.anchored.public_key == report.public_key
    mine = [a for a in report.accesses if a.purpose == "case 2026/41"]
    assert len(mine) == 1 and mine[0].organisation == WORKER.organisation and mine[0].role == "social_worker"
    for access in report.accesses:
        assert access.proof is not None
        assert audit.check_proof(access.proof.to_json(), {report.public_key}) is None
    proof = mine[0].proof
    assert proof is not None
    forged = {**proof.to_json(), "header": {**proof.header, "organisation": "someone else"}}
    assert audit.check_proof(forged) == "the entry does not match its hash"
    again = my_accesses(gateway.audit, authenticate(gateway.metadata, "marat", "his-own-pass"))
    assert len(again.accesses) == len(report.accesses)  # looking is recorded, not shown as an access
    with pytest.raises(PolicyError, match="citizen accounts"):
        my_accesses(gateway.audit, WORKER)


def test_the_command_line_from_user_to_tracker(registry: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("UKIMET_HOME", str(registry["config"].home))
    runner = CliRunner()
    citizen_iin = registry["rows"][0][1]
    for args, given in [
        (["user", "add", "erlan", "--role", "social_worker", "--org", "Ministry of Labour", "--password-stdin"],
         "s3cret-pass\n"),
        (["user", "add", "asel", "--role", "citizen", "--org", "-", "--iin", citizen_iin, "--password-stdin"],
         "asel-pass\n"),
        (["user", "add", "aigul", "--role", "auditor", "--org", "Agency for Personal Data Protection"], None),
    ]:
        assert runner.invoke(app, args, input=given).exit_code == 0
    tokens = {name: runner.invoke(app, ["user", "token", name]).output.strip() for name in ("erlan", "asel", "aigul")}
    steps = [
        (["query", "--as", "erlan", "--purpose", "case 77", "--show-sql",
          "SELECT iin, familiya FROM reg.persons ORDER BY id LIMIT 1"], "erlan"),
        (["audit", "checkpoint"], None), (["audit", "verify"], None), (["audit", "show", "--user", "erlan"], "aigul"),
        (["tracker", "--as", "asel"], "asel"), (["user", "list"], None), (["audit", "key"], None),
        (["tracker", "--json"], "asel"),
    ]
    outputs = []
    for args, who in steps:
        result = runner.invoke(app, args, env={"UKIMET_TOKEN": tokens[who] if who else None})
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.output)
    assert citizen_iin in outputs[0] and "audit entry" in outputs[0]
    assert "verified" in outputs[2]
    assert "Ministry" in outputs[4] and "UNPROVEN" not in outputs[4] and "every one proved" in outputs[4]
    proofs = tmp_path / "proofs.json"
    proofs.write_text(outputs[7], encoding="utf-8")
    key = outputs[6].strip()
    checked = runner.invoke(app, ["audit", "prove", str(proofs), "--trusted-key", key],
                            env={"UKIMET_TOKEN": tokens["asel"]})
    assert checked.exit_code == 0 and "proved" in checked.output, checked.output
    not_an_officer = runner.invoke(app, ["audit", "show"], env={"UKIMET_TOKEN": tokens["erlan"]})
    assert not_an_officer.exit_code == 2 and "may not read the audit log" in not_an_officer.output
    refused = runner.invoke(app, ["query", "--purpose", "case review 7", "COPY reg.persons TO '/tmp/x'"],
                            env={"UKIMET_TOKEN": tokens["erlan"]})
    assert refused.exit_code == 2 and "not a query" in refused.output
    engine = connect_metadata(registry["config"])
    assert authenticate(engine, "erlan", "s3cret-pass").role == "social_worker"
    with pytest.raises(Unauthenticated, match="wrong"):
        authenticate(engine, "erlan", "guess")
    assert user_of_token(engine, issue_token(engine, "erlan")).name == "erlan"


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT familiya FROM reg.persons WHERE id IN (2, 3)", {2, 3}),
    ("SELECT DISTINCT familiya FROM reg.persons WHERE id IN (2, 10)", {2, 10}),  # same surname, two persons
    ("WITH c AS (SELECT familiya AS f, id FROM reg.persons) SELECT f FROM c WHERE id = 4", {4}),
    ("SELECT s.f FROM (SELECT familiya AS f, id FROM reg.persons WHERE id < 3) s", {1, 2}),
    ("SELECT familiya FROM reg.persons WHERE id = 5 UNION SELECT familiya FROM reg.persons WHERE id = 6", {5, 6}),
    ("SELECT kato, count(*) FROM reg.persons WHERE id IN (7, 8) GROUP BY kato", {7, 8}),
    ("SELECT p.summa FROM reg.payments p JOIN reg.persons q ON p.iin = q.iin WHERE q.id = 9", {9}),
    ("SELECT dohod FROM reg.persons WHERE id = 11 AND familiya IS NOT NULL", {11}),
])
def test_a_person_level_query_records_every_person_behind_its_rows(registry: dict[str, Any], sql: str,
                                                                   expected: set[int]) -> None:
    gateway = registry["gateway"]
    result = gateway.query(WORKER, sql, purpose="case 12")
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["seq"] == result.audit_seq
    by_id = {r[0]: gateway.audit.person(r[1]) for r in registry["rows"]}
    assert set(entry["persons"]) == {by_id[i] for i in expected}
    assert "__ukimet" not in " ".join(result.columns)


def test_every_entry_names_the_policy_it_was_written_under(registry: dict[str, Any]) -> None:
    from ukimet.gateway import purposes

    gateway = registry["gateway"]
    purposes.declare(gateway.audit, WORKER, "home visit for a care allowance", case_ref="2026/19")
    entry = gateway.audit.entries(limit=1)[0]
    assert entry["action"] == "purpose" and entry["policy"] == "built-in"
    assert all(e["policy"] for e in gateway.audit.entries(limit=1000))
