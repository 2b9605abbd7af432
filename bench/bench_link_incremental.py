"""Incremental linkage against a full rerun, on the same data in the same run.

    python bench/bench_link_incremental.py --persons 20000

The country's sources are linked without two late agencies (employment and health); then the late agencies
arrive and are linked twice: incrementally (``link_records(incremental=True)``) and by a full rerun. Reports
both times (median of --repeats) with and without the golden records, families and households both rebuild,
their ratios, and how far the two clusterings agree (pairwise Jaccard).
Writes bench/results/link_incremental.json."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

from ukimet.cli.demo import synced_country
from ukimet.link.api import link_records
from ukimet.link.records import extract
from ukimet.sync.store import open_store
from ukimet.synth import SynthConfig

RESULTS = Path(__file__).parent / "results" / "link_incremental.json"
LATE = ("enbek", "health")
IDENTITY = "concat_ws('/', r.source, r.source_table, r.party, r.record_key)"


def _clusters(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute(f"SELECT {IDENTITY}, e.entity_id FROM link.person_records r "
                            "JOIN link.entities e USING (record_id)").fetchall())


def _agreement(a: dict[str, str], b: dict[str, str]) -> float:
    """Pairwise Jaccard of two clusterings of the same records, by counting (no pair lists)."""
    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter((a[r], b[r]) for r in a))
    only_a, only_b = pairs(Counter(a.values())), pairs(Counter(b.values()))
    return both / max(only_a + only_b - both, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="ukimet-incremental-"))
    config, engine, manifest = synced_country(out, SynthConfig(persons=args.persons, seed=11))
    con = open_store(config.resolved_store_path())
    early = [s.code for s in manifest.sources if s.code not in LATE]
    incremental, full, incremental_link, full_link = [], [], [], []
    for _ in range(args.repeats):
        extract(con, engine, early)
        link_records(con)
        extract(con, engine)
        started = time.perf_counter()
        stats = link_records(con, incremental=True)
        incremental.append(time.perf_counter() - started)
        incremental_link.append(stats["link_seconds"])
        after_incremental = _clusters(con)
        started = time.perf_counter()
        full_stats = link_records(con)
        full.append(time.perf_counter() - started)
        full_link.append(full_stats["link_seconds"])
        after_full = _clusters(con)
    con.close()
    report = {"persons": args.persons, "records": len(after_full), "new_profiles": int(stats["new_profiles"]),
              "incremental_seconds": round(statistics.median(incremental), 2),
              "full_seconds": round(statistics.median(full), 2),
              "ratio": round(statistics.median(incremental) / statistics.median(full), 3),
              "incremental_linkage_only_seconds": round(statistics.median(incremental_link), 2),
              "full_linkage_only_seconds": round(statistics.median(full_link), 2),
              "linkage_only_ratio": round(statistics.median(incremental_link) / statistics.median(full_link), 3),
              "pairwise_agreement_with_full_run": round(_agreement(after_incremental, after_full), 5)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
