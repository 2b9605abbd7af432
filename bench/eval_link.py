"""Pairwise precision, recall and F1 of ukimet's linkage on a synthetic country, against its ground truth.

    python bench/eval_link.py --persons 5000

Quality only, on any size; bench/bench_link.py compares time, memory and quality with Splink. Writes
bench/results/link_synthetic.json."""

from __future__ import annotations

import argparse
import collections
import json
import tempfile
import time
from itertools import combinations
from pathlib import Path

import pyarrow.parquet as pq

from ukimet.cli.demo import synced_country
from ukimet.link.api import link_records as link
from ukimet.link.records import extract, main_records
from ukimet.sync.store import open_store
from ukimet.synth import SynthConfig

RESULTS = Path(__file__).parent / "results" / "link_synthetic.json"
# the synthetic country's column prefixes -> its truth's party names (evaluation only)
PARTIES = {"бала": "child", "ана": "mother", "әке": "father", "күйеуі": "husband", "әйелі": "wife",
           "iin_rodstvennika": "relative", "iin": "subject"}


def pairs_of(groups: dict[object, list[int]]) -> set[tuple[int, int]]:
    return {(a, b) if a < b else (b, a) for members in groups.values() for a, b in combinations(members, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--threshold", type=float, default=0.0)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="ukimet-link-"))
    config, engine, _manifest = synced_country(out, SynthConfig(persons=args.persons, seed=3))
    con = open_store(config.resolved_store_path())
    started = time.perf_counter()
    extract(con, engine)
    stats = link(con, args.threshold)
    seconds = time.perf_counter() - started
    truth: dict[tuple[str, str, str, str], int] = {}
    for r in pq.read_table(out / "truth" / "records.parquet").to_pylist():
        if r["person_id"] is not None:
            truth[(r["source"], r["table"], r["record_key"], r["party"])] = r["person_id"]
    records = con.execute("SELECT r.record_id, r.source, r.source_table, r.record_key, r.party, e.entity_id FROM "
                          "link.person_records r JOIN link.entities e USING (record_id) "
                          f"WHERE {main_records(con)}").fetchall()  # a person under two surnames counts once
    true_groups: dict[object, list[int]] = collections.defaultdict(list)
    found_groups: dict[object, list[int]] = collections.defaultdict(list)
    for record_id, source, table, key, party, entity in records:
        party_name = PARTIES.get(party, party)
        person = truth.get((source, table, key, party_name))
        if person is None and party == "subject":
            person = next((truth[k] for k in ((source, table, key, p) for p in ("subject", "owner"))
                           if k in truth), None)
        if person is None:
            continue
        true_groups[person].append(record_id)
        found_groups[entity].append(record_id)
    true_pairs, found_pairs = pairs_of(true_groups), pairs_of(found_groups)
    hit = len(true_pairs & found_pairs)
    precision = hit / max(len(found_pairs), 1)
    recall = hit / max(len(true_pairs), 1)
    report = {"persons": args.persons, "records": len(records), **stats, "seconds": round(seconds, 1),
              "precision": round(precision, 4), "recall": round(recall, 4),
              "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 4)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
