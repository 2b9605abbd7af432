"""The anchored audit log as a specification, attacked as a database administrator would attack it: with the
append-only triggers dropped, entries written after the last checkpoint deleted, edited or reordered, or the whole
chain rewritten consistently and every checkpoint deleted. Each attack fails ``ukimet audit verify`` (a real home,
through the command line), which names the first bad entry and what was done; entries of the previous release,
written before the hash format was recorded, still verify byte for byte."""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, delete, insert, select, update
from typer.testing import CliRunner

from ukimet.cli.main import app
from ukimet.core.errors import Unavailable
from ukimet.core.metadata import audit_checkpoints, audit_entries, audit_frontier, connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway import anchor, audit, merkle

ENTRIES = 12
CHECKPOINT_EVERY = 5
"""so the last checkpoint is at entry 10 and entries 11 and 12 come after it"""

Log = Callable[[], audit.AuditLog]


def _access(n: int) -> audit.Access:
    return audit.Access("erlan", "Ministry of Labour", "social_worker", f"case {n}", "query",
                        f"SELECT familiya FROM reg.persons WHERE id = {n}", None, 1, [f"{n:064x}"])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Log:
    """A real home with ENTRIES entries written through the log; the command line reads it from UKIMET_HOME."""
    monkeypatch.setenv("UKIMET_HOME", str(tmp_path))
    monkeypatch.setenv("UKIMET_AUDIT_CHECKPOINT_EVERY", str(CHECKPOINT_EVERY))

    def open_log() -> audit.AuditLog:
        config = Settings()
        return audit.AuditLog(connect_metadata(config), config)

    log = open_log()
    for n in range(1, ENTRIES + 1):
        log.append(_access(n))
    return open_log


def _verify(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["audit", "verify", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, " ".join(result.output.split())


def _as_dba(log: audit.AuditLog, change: Callable[[Connection], Any]) -> None:
    """What a database superuser can do: drop the append-only triggers, then change the tables."""
    with log.engine.begin() as con:
        for table in ("audit_entries", "audit_checkpoints"):
            for op in ("update", "delete"):
                con.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_no_{op}")
        change(con)


def _rows(con: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in con.execute(select(audit_entries).order_by(audit_entries.c.seq))]


def _rewrite(con: Connection, edit: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
    """Edit the entries and recompute every hash: the chain agrees with itself again."""
    rows = edit(_rows(con))
    con.execute(delete(audit_entries))
    prev = audit.GENESIS
    for seq, row in enumerate(rows, start=1):
        row["seq"], row["prev_hash"] = seq, prev
        row["hash"] = prev = audit.entry_hash(prev, row)
        con.execute(insert(audit_entries).values(**row))


def test_an_untouched_log_verifies_and_every_write_is_anchored(home: Log) -> None:
    log = home()
    code, said = _verify("--trusted-key", log.public_key())
    assert code == 0 and f"verified: {ENTRIES} entries, 2 checkpoints, anchored up to entry {ENTRIES}" in said
    path = log.anchor_path
    assert path == log.config.home / "audit" / "anchor.log"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    heads = anchor.read(path)
    with log.engine.connect() as con:
        rows = _rows(con)
    # one line per entry, and one more for each checkpoint, so that deleting a checkpoint is found
    assert [h.seq for h in heads if not h.checkpoint] == list(range(1, ENTRIES + 1))
    with log.engine.connect() as con:
        assert [h.seq for h in heads if h.checkpoint] == sorted(r.seq for r in con.execute(select(audit_checkpoints)))
    for head in heads:
        leaves = [merkle.leaf_hash(r["hash"]) for r in rows[:head.seq]]
        assert head.hash == rows[head.seq - 1]["hash"] and head.root == merkle.root(leaves).hex()
        assert head.signature_ok() and head.public_key == log.public_key()
    assert all(r["hash_format"] == audit.HASH_FORMAT and r["policy"] for r in rows)


@pytest.mark.parametrize(("change", "first_bad", "kind"), [
    (lambda con: con.execute(delete(audit_entries).where(audit_entries.c.seq == ENTRIES)), ENTRIES, "truncated"),
    (lambda con: con.execute(delete(audit_entries).where(audit_entries.c.seq > ENTRIES - 5)), ENTRIES - 4,
     "truncated"),
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 11).values(purpose="x")), 11,
     "edited"),
    (lambda con: _rewrite(con, lambda rows: [*rows[:10], {**rows[10], "rows": 0}, *rows[11:]]), 11, "rewritten"),
    (lambda con: _rewrite(con, lambda rows: [*rows[:10], rows[11], rows[10]]), 11, "rewritten"),
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 11).values(seq=99)), 11, "deleted"),
], ids=["last-entry-deleted", "last-5-deleted", "edited", "edited-and-rehashed", "two-reordered-and-rehashed",
        "renumbered"])
def test_tampering_after_the_last_checkpoint_is_detected(home: Log, change: Callable[[Connection], Any],
                                                         first_bad: int, kind: str) -> None:
    _as_dba(home(), change)
    code, said = _verify()
    assert code == 1 and f"TAMPERED ({kind})" in said and f"first bad entry: {first_bad})" in said, said


@pytest.mark.parametrize("trusted", [False, True], ids=["own-keys", "trusted-key"])
def test_deleting_the_checkpoints_of_an_intact_chain_is_detected(home: Log, trusted: bool) -> None:
    log = home()
    key = log.public_key()
    with log.engine.connect() as con:
        first = min(r.seq for r in con.execute(select(audit_checkpoints)))
    _as_dba(log, lambda con: con.execute(delete(audit_checkpoints)))
    code, said = _verify(*(["--trusted-key", key] if trusted else []))
    assert code == 1 and "TAMPERED (checkpoint_deleted)" in said and f"first bad entry: {first})" in said, said


def test_two_entries_swapped_without_rehashing_are_reordered(home: Log) -> None:
    def swap(con: Connection) -> None:
        rows = _rows(con)
        con.execute(delete(audit_entries).where(audit_entries.c.seq >= 11))
        for seq, row in ((11, rows[11]), (12, rows[10])):
            con.execute(insert(audit_entries).values(**{**row, "seq": seq}))

    _as_dba(home(), swap)
    code, said = _verify()
    assert code == 1 and "TAMPERED (reordered)" in said and "first bad entry: 11)" in said, said


@pytest.mark.parametrize("trusted", [False, True], ids=["own-keys", "trusted-key"])
def test_a_whole_chain_rewritten_with_every_checkpoint_deleted_is_detected(home: Log, trusted: bool) -> None:
    log = home()
    key = log.public_key()

    def rewrite(con: Connection) -> None:
        _rewrite(con, lambda rows: [{**r, "user_name": "nobody"} for r in rows])
        con.execute(delete(audit_checkpoints))

    _as_dba(log, rewrite)
    code, said = _verify(*(["--trusted-key", key] if trusted else []))
    assert code == 1 and "TAMPERED (rewritten)" in said and "first bad entry: 1)" in said, said


def test_a_rewrite_that_also_removes_the_anchor_fails_the_auditors_key(home: Log) -> None:
    """The attacker who can also delete files of the home and rewrites the entries as the previous release wrote
    them: only the auditor's key, which signed none of it, still tells (hence audit_anchor_path on a WORM mount)."""
    log = home()
    key = log.public_key()

    def rewrite(con: Connection) -> None:
        _rewrite(con, lambda rows: [{**r, "user_name": "nobody", "hash_format": 1} for r in rows])
        con.execute(delete(audit_checkpoints))

    _as_dba(log, rewrite)
    log.anchor_path.unlink()
    code, said = _verify("--trusted-key", key)
    assert code == 1 and "TAMPERED (untrusted)" in said and "no checkpoint and no anchored head" in said, said


def test_a_deleted_anchor_is_named_stops_writes_and_is_restarted_only_on_purpose(home: Log) -> None:
    log = home()
    log.anchor_path.unlink()
    code, said = _verify()
    assert code == 1 and "TAMPERED (anchor_missing)" in said and "first bad entry: 1)" in said, said
    with pytest.raises(Unavailable, match="anchor") as refused:  # the log cannot be trusted: 503, not a refusal
        log.append(_access(99))
    assert refused.value.id == "audit.anchor_missing"
    with log.engine.connect() as con:
        assert len(_rows(con)) == ENTRIES  # nothing was written past the lost anchor
    started = CliRunner().invoke(app, ["audit", "checkpoint", "--new-anchor"])
    assert started.exit_code == 0 and f"anchored at entry {ENTRIES}" in started.output, started.output
    assert CliRunner().invoke(app, ["audit", "checkpoint", "--new-anchor"]).exit_code != 0  # it exists now
    log.append(_access(13))
    assert _verify()[0] == 0


@pytest.mark.parametrize("line", [-1, 2], ids=["newest", "older"])
def test_a_forged_line_in_the_anchor_is_detected(home: Log, line: int) -> None:
    path = home().anchor_path
    lines = path.read_text().splitlines()
    lines[line] = json.dumps({**json.loads(lines[line]), "hash": "0" * 64})
    path.write_text("\n".join(lines) + "\n")
    code, said = _verify()
    assert code == 1 and "TAMPERED (anchor)" in said and "bad signature" in said, said


def test_an_unknown_key_signs_nothing_the_auditor_trusts(home: Log) -> None:
    code, said = _verify("--trusted-key", "00" * 32)
    assert code == 1 and "TAMPERED (untrusted)" in said, said


def _legacy_hash(prev: str, entry: dict[str, Any]) -> str:
    """The previous release's hash, spelled out as it was written (hash format 1)."""
    def digest(value: Any) -> str:
        return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()

    fields = {**{k: entry[k] for k in ("seq", "at", "user_name", "organisation", "role", "purpose", "action",
                                       "policy", "rows")},
              **{f"{k}_sha256": digest(entry[k]) for k in ("query", "rewritten", "persons")}}
    return hashlib.sha256((prev + json.dumps(fields, sort_keys=True, ensure_ascii=False)).encode()).hexdigest()


def test_entries_of_the_previous_release_still_verify_and_are_anchored_from_the_next_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UKIMET_HOME", str(tmp_path))
    config = Settings()
    log = audit.AuditLog(connect_metadata(config), config)
    prev = audit.GENESIS
    with log.engine.begin() as con:  # as the previous release left them: no format column written, no anchor
        for seq in (1, 2, 3):
            entry: dict[str, Any] = {
                "seq": seq, "at": f"2026-01-0{seq}T09:00:00.000000+00:00", "user_name": "erlan",
                "organisation": "Ministry of Labour", "role": "social_worker", "purpose": None, "action": "purpose",
                "policy": "", "query": "declare purpose", "rewritten": None, "rows": 0, "persons": []}
            con.execute(insert(audit_entries).values(**entry, prev_hash=prev, hash=_legacy_hash(prev, entry)))
            prev = _legacy_hash(prev, entry)
    code, said = _verify()
    assert code == 0 and "no anchor yet" in said and not log.anchor_path.exists(), said
    log.append(_access(4))
    with log.engine.connect() as con:
        assert [r["hash_format"] for r in _rows(con)] == [1, 1, 1, audit.HASH_FORMAT]
    assert [h.seq for h in anchor.read(log.anchor_path)] == [4]
    assert _verify()[0] == 0
    _as_dba(log, lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 4)
                                         .values(hash_format=1)))
    code, said = _verify()
    assert code == 1 and "TAMPERED (edited)" in said and "first bad entry: 4)" in said, said


def test_two_writers_share_one_frontier_and_a_lost_frontier_is_rebuilt(home: Log) -> None:
    first, second = home(), home()  # two processes on one home
    for n in range(3):
        (first if n % 2 else second).append(_access(100 + n))
    with first.engine.begin() as con:
        con.execute(delete(audit_frontier))
    first.append(_access(200))
    assert _verify()[0] == 0
    with first.engine.connect() as con:
        rows = _rows(con)
    newest = first.latest_anchored()
    assert newest is not None and newest.seq == len(rows)
    assert newest.root == merkle.root([merkle.leaf_hash(r["hash"]) for r in rows]).hex()


def test_the_anchor_goes_where_the_setting_says_and_the_doctor_names_its_place(tmp_path: Path) -> None:
    home, mount = tmp_path / "home", tmp_path / "worm"
    runner = CliRunner()
    env = {"UKIMET_HOME": str(home), "COLUMNS": "400"}
    connect_metadata(Settings(home=home)).dispose()
    said = runner.invoke(app, ["doctor"], env=env).output
    assert "audit anchor" in said and "kept in the home" in said, said
    config = Settings(home=home, audit_anchor_path=mount / "ukimet.anchor")
    audit.AuditLog(connect_metadata(config), config).append(_access(1))
    assert [h.seq for h in anchor.read(mount / "ukimet.anchor")] == [1]
    assert not (home / "audit" / "anchor.log").exists()
    said = runner.invoke(app, ["doctor"], env={**env, "UKIMET_AUDIT_ANCHOR_PATH": str(mount / "ukimet.anchor")}).output
    assert "kept outside the home" in said, said


def test_a_log_cut_shorter_than_its_anchor_takes_no_new_entries(home: Log) -> None:
    """New entries would take the deleted ones' numbers and bury the cut: the log stops instead."""
    log = home()
    _as_dba(log, lambda con: con.execute(delete(audit_entries).where(audit_entries.c.seq > ENTRIES - 5)))
    with pytest.raises(Unavailable, match="deleted from its end") as refused:
        log.append(_access(99))
    assert refused.value.id == "audit.cut"
    assert CliRunner().invoke(app, ["audit", "checkpoint"]).exit_code != 0  # nor is the cut log signed
    with log.engine.connect() as con:
        assert len(_rows(con)) == ENTRIES - 5
    assert "first bad entry: 8)" in _verify()[1]


def test_an_entry_whose_head_cannot_be_anchored_hands_nothing_out_and_is_anchored_later(
        home: Log, monkeypatch: pytest.MonkeyPatch) -> None:
    log = home()

    def disk_full(path: Path, heads: list[anchor.Head]) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(anchor, "append", disk_full)
        with pytest.raises(Unavailable, match="could not be anchored") as refused:
            log.append(_access(13))
    assert refused.value.id == "audit.not_anchored"
    code, said = _verify()  # committed, not yet anchored: said, not a failure (a write may be under way)
    assert code == 0 and f"entries {ENTRIES + 1} to {ENTRIES + 1} were written after the newest anchored" in said
    done = CliRunner().invoke(app, ["audit", "checkpoint"])
    assert done.exit_code == 0 and f"anchored at entry {ENTRIES + 1}" in done.output, done.output
    code, said = _verify()
    assert code == 0 and f"anchored up to entry {ENTRIES + 1}" in said and "written after" not in said, said


# --- at scale: the person index, verification from the last checkpoint, proofs from stored subtrees ---------------
def _verify_since(log: audit.AuditLog) -> audit.Verdict:
    return log.verify(since_checkpoint=True)


def test_each_entry_indexes_its_persons_in_its_own_write(home: Log) -> None:
    log = home()
    log.append(audit.Access("erlan", "Ministry of Labour", "social_worker", "case", "query", "SELECT 1", None, 2,
                            [f"{3:064x}", f"{99:064x}"]))
    assert [e["seq"] for e in log.entries(person=f"{3:064x}")] == [ENTRIES + 1, 3]
    assert [e["seq"] for e in log.entries(person=f"{99:064x}")] == [ENTRIES + 1]
    assert [e["seq"] for e in log.entries(person=f"{3:064x}", limit=1)] == [ENTRIES + 1]
    assert log.entries(person=f"{404:064x}") == []


def test_verifying_from_the_last_checkpoint_rehashes_only_what_came_after(home: Log) -> None:
    verdict = _verify_since(home())
    assert verdict.ok and verdict.since == 10 and verdict.entries == ENTRIES, verdict
    code, said = _verify("--since-last-checkpoint")
    assert code == 0 and "entries 11 to 12 of 12" in said, said


@pytest.mark.parametrize(("change", "kind"), [
    (lambda con: con.execute(update(audit_entries).where(audit_entries.c.seq == 11).values(rows=999)), "edited"),
    (lambda con: con.execute(delete(audit_entries).where(audit_entries.c.seq == 11)), "deleted"),
    (lambda con: con.execute(delete(audit_entries).where(audit_entries.c.seq == 12)), "truncated"),
])
def test_verifying_from_the_last_checkpoint_catches_tampering_after_it(home: Log, change: Callable[[Connection], Any],
                                                                        kind: str) -> None:
    log = home()
    _as_dba(log, change)
    verdict = _verify_since(log)
    assert not verdict.ok and verdict.kind == kind, verdict
    code, said = _verify("--since-last-checkpoint")
    assert code == 1 and f"TAMPERED ({kind})" in said, said


def test_a_forged_checkpoint_is_refused(home: Log) -> None:
    log = home()
    forger = Ed25519PrivateKey.generate()
    with log.engine.connect() as con:
        rows = _rows(con)
    root = merkle.root([merkle.leaf_hash(r["hash"]) for r in rows]).hex()
    forged = anchor.Head.sign(forger, ENTRIES, rows[-1]["hash"], root, "2030-01-01T00:00:00+00:00")
    bad_signature = {"seq": ENTRIES, "hash": rows[-1]["hash"], "root": root, "at": forged.at,
                     "public_key": log.public_key(), "signature": forged.signature}
    _as_dba(log, lambda con: con.execute(insert(audit_checkpoints).values(**bad_signature)))
    verdict = _verify_since(log)
    assert not verdict.ok and verdict.kind == "checkpoint" and verdict.first_bad == ENTRIES, verdict
    # signed with a key of the forger's own, and not in the anchor: refused too, and not trusted
    _as_dba(log, lambda con: con.execute(update(audit_checkpoints).where(audit_checkpoints.c.seq == ENTRIES)
                                         .values(public_key=forged.public_key)))
    verdict = _verify_since(log)
    assert not verdict.ok and verdict.kind == "checkpoint" and verdict.first_bad == ENTRIES, verdict
    assert _verify_since(log).since == ENTRIES


def test_a_rewritten_tail_from_the_checkpoint_on_is_caught(home: Log) -> None:
    log = home()

    def rewrite(con: Connection) -> None:  # entry 11 changed and 12 re-chained onto it: consistent, not anchored
        rows = _rows(con)
        con.execute(delete(audit_entries).where(audit_entries.c.seq > 10))
        prev = rows[9]["hash"]
        for row in rows[10:]:
            row["query"], row["prev_hash"] = "SELECT 'nothing to see'", prev
            row["hash"] = prev = audit.entry_hash(prev, row)
            con.execute(insert(audit_entries).values(**row))

    _as_dba(log, rewrite)
    verdict = _verify_since(log)
    assert not verdict.ok and verdict.kind == "rewritten" and verdict.first_bad == 11, verdict


@pytest.mark.parametrize("size", range(1, 41))
def test_proofs_from_stored_subtrees_equal_proofs_from_a_full_rebuild(tmp_path: Path, size: int) -> None:
    config = Settings(home=tmp_path, audit_checkpoint_every=0)
    log = audit.AuditLog(connect_metadata(config), config)
    for n in range(1, size + 1):
        log.append(_access(n))
    proofs = log.proofs(list(range(1, size + 1)))
    with log.engine.connect() as con:
        tree = merkle.Tree([merkle.leaf_hash(r["hash"]) for r in _rows(con)])
    assert sorted(proofs) == list(range(1, size + 1))
    for seq, proof in proofs.items():
        assert proof.path == [h.hex() for h in tree.proof(seq - 1)]
        assert proof.root == tree.root().hex() and audit.check_proof(proof.to_json()) is None
