"""Benchmark: the audit log at scale (issue 14, point 4: with 10 M entries the citizen's tracker in <= 100 ms and
`audit verify` of the entries since the last checkpoint in <= 1 s).

For each N the log is built by a faithful bulk path: the entries, their hashes (``audit.entry_hash``, format 2),
the person index rows and the Merkle subtrees (``merkle.Accumulator.add``, as ``AuditLog._insert`` writes them)
and the frontier are the same rows the real path writes, inserted in batches; the one difference is that the
anchor gets no head per bulk entry, only the signed checkpoint at N (signing and fsyncing N lines would dominate
the build). Then 1,000 entries are appended through ``AuditLog.append`` (the real path, a head anchored each), and
measured, median of --repeat:

- the tracker: ``tracker.my_accesses`` for a citizen account whose person is in 5 entries (index look-up, its own
  audit entry, verify since the last checkpoint, proofs from the stored subtrees, which checkpoints first);
- ``verify(since_checkpoint=True)`` over the 1,000 new entries (after the checkpoint at N);
- peers in the same run: the full ``verify()`` (once: it re-hashes every entry) and the scan the tracker did
  before the index (every entry read in Python for the person's hash).

    python bench/bench_audit_scale.py [--sizes 100000 1000000 10000000] [--repeat 7] [--peers-up-to 1000000]

Writes bench/results/audit_scale.json (time and peak RSS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from ukimet.core.metadata import (
    audit_checkpoints,
    audit_entries,
    audit_frontier,
    audit_nodes,
    audit_persons,
    connect_metadata,
)
from ukimet.core.settings import Settings
from ukimet.gateway import anchor, audit, merkle, tracker
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user

CITIZEN_IIN = "900101300123"
NEW = 1000
BATCH = 50_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(log: audit.AuditLog, n: int, citizen: str) -> None:
    """N entries through the bulk path described above, then a signed, anchored checkpoint at N."""
    tree, prev = merkle.Accumulator(), audit.GENESIS
    tracked = {n * k // 6 + 1 for k in range(1, 6)}
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    entries: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    nodes: list[dict[str, Any]] = []
    with log.engine.begin() as con:
        for seq in range(1, n + 1):
            touched = sorted({f"{seq % 1_000_003:064x}", *([citizen] if seq in tracked else [])})
            entry = {"seq": seq, "at": at, "user_name": f"analyst-{seq % 20}", "organisation": "Ministry",
                     "role": "analyst", "purpose": "case review", "action": "view",
                     "query": f"SELECT * FROM mart.persons WHERE id = {seq}", "rewritten": None, "rows": 1,
                     "persons": touched, "policy": "built-in", "hash_format": audit.HASH_FORMAT}
            before, prev = prev, audit.entry_hash(prev, entry)
            entries.append({**entry, "prev_hash": before, "hash": prev})
            persons += [{"person_hash": p, "seq": seq} for p in touched]
            nodes += [{"level": lv, "idx": ix, "hash": h.hex()} for lv, ix, h in tree.add(merkle.leaf_hash(prev))]
            if len(entries) >= BATCH:
                _flush(con, entries, persons, nodes)
        _flush(con, entries, persons, nodes)
        con.execute(insert(audit_frontier).values(id=1, seq=n, hash=prev, nodes=tree.state()))
    # the anchor's newest head before the checkpoint: what the real path would have left there for entry N
    head = anchor.Head.sign(log._signing_key(), n, prev, tree.root().hex(), at)
    anchor.append(log.anchor_path, [head])
    log.checkpoint()


def _flush(con: Any, entries: list[dict[str, Any]], persons: list[dict[str, Any]],
           nodes: list[dict[str, Any]]) -> None:
    if entries:
        con.execute(insert(audit_entries), entries)
    if persons:
        con.execute(insert(audit_persons), persons)
    if nodes:
        con.execute(insert(audit_nodes), nodes)
    entries.clear()
    persons.clear()
    nodes.clear()


def _timed(fn: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def run(n: int, repeat: int, root: Path, peers: bool = True) -> dict[str, Any]:
    config = Settings(home=root / f"n{n}", audit_checkpoint_every=0)
    log = audit.AuditLog(connect_metadata(config), config)
    citizen = log.person(CITIZEN_IIN)
    start = time.perf_counter()
    build(log, n, citizen)
    built = time.perf_counter() - start
    start = time.perf_counter()
    for k in range(NEW):
        log.append(audit.Access("analyst-1", "Ministry", "analyst", "case review", "view", f"SELECT {k}", None, 1,
                                [f"{k:064x}"]))
    appended = time.perf_counter() - start
    verify_ms, verdict = _timed(lambda: log.verify(since_checkpoint=True), repeat)
    assert verdict.ok and verdict.since == n and verdict.entries == n + NEW, verdict
    add_user(log.engine, User("citizen-1", "citizen", "citizens"), iin=CITIZEN_IIN, config=config)
    me = User("citizen-1", "citizen", "citizens")
    tracker_ms, report = _timed(lambda: tracker.my_accesses(log, me), repeat)
    assert report.verified and len(report.accesses) == 5 and all(a.proof for a in report.accesses), report.reason
    assert all(audit.check_proof(a.proof) is None for a in report.accesses if a.proof)

    def scan() -> int:  # the tracker's look-up before the index: every entry read for the person's hash
        with log.engine.connect() as con:
            return sum(1 for r in con.execute(select(audit_entries.c.persons)) if citizen in (r.persons or []))

    scan_ms = full_ms = None
    if peers:  # minutes at 10 M entries: measured up to --peers-up-to
        scan_ms, hits = _timed(scan, 1)
        assert hits == 5
        full_ms, full = _timed(log.verify, 1)
        assert full.ok, full
    with log.engine.connect() as con:
        checkpoints = len(con.execute(select(audit_checkpoints.c.seq)).all())
    return {"entries": n, "build_s": round(built, 1), "append_1000_s": round(appended, 2),
            "tracker_ms_median": round(tracker_ms, 1),
            "verify_since_last_checkpoint_ms_median": round(verify_ms, 1),
            "peer_full_verify_ms": full_ms and round(full_ms, 1),
            "peer_scan_for_person_ms": scan_ms and round(scan_ms, 1),
            "checkpoints": checkpoints, "peak_rss_mb": round(_peak_mb(), 1),
            "store_mb": round(sum(f.stat().st_size for f in config.home.glob("metadata.sqlite*")) / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--peers-up-to", type=int, default=1_000_000,
                        help="measure the peers (full verify, scan) only for logs up to this many entries")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "audit_scale.json")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            results.append(run(n, args.repeat, Path(tmp), n <= args.peers_up_to))
            print(json.dumps(results[-1]), flush=True)
    args.out.write_text(json.dumps({"python": sys.version.split()[0], "machine": platform.machine(),
                                    "repeat": args.repeat, "new_entries": NEW, "command": " ".join(sys.argv),
                                    "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
