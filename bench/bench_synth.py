"""Benchmark: how fast ukimet builds a synthetic country, against Faker in the same run.

The peer is Faker (ru_RU: it has no Kazakh locale) writing one flat row per person (name, date of birth,
address, phone, an 11-digit number) to SQLite. ukimet writes, per person, about 16 linked records across 15
agency sources with their faults, plus the ground truth. Each trial runs in its own process so its peak memory
is its own; at two sizes, to show that memory stays flat while the country grows (streaming).

    python bench/bench_synth.py                       # 1,000,000 persons (and 100,000 for the memory curve)
    python bench/bench_synth.py --persons 200000 --repeat 3

Writes bench/results/synth.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "synth.json"


def _ukimet(persons: int, out: Path) -> dict[str, Any]:
    from ukimet.synth import SynthConfig, build_country

    started = time.perf_counter()
    manifest = build_country(SynthConfig(persons=persons, seed=1), out)
    seconds = time.perf_counter() - started
    records = sum(sum(s.tables.values()) for s in manifest.sources)
    return {"seconds": seconds, "records": records}


def _faker(persons: int, out: Path) -> dict[str, Any]:
    import sqlite3

    from faker import Faker

    fake = Faker("ru_RU")
    Faker.seed(1)
    started = time.perf_counter()
    db = sqlite3.connect(out / "faker.sqlite")
    db.execute("CREATE TABLE persons (id INTEGER PRIMARY KEY, name TEXT, birth DATE, address TEXT, phone TEXT, "
               "number TEXT)")
    batch: list[tuple[Any, ...]] = []
    for i in range(persons):
        batch.append((i, fake.name(), fake.date_of_birth().isoformat(), fake.address(), fake.phone_number(),
                      fake.ssn()))
        if len(batch) == 20_000:
            db.executemany("INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?)", batch)
            batch = []
    db.executemany("INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?)", batch)
    db.commit()
    db.close()
    return {"seconds": time.perf_counter() - started, "records": persons}


def _child(tool: str, persons: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = (_ukimet if tool == "ukimet" else _faker)(persons, Path(tmp))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _trial(tool: str, persons: int) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", tool, "--persons", str(persons)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{tool} failed on {persons:,} persons:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _summary(trials: list[dict[str, Any]], persons: int) -> dict[str, Any]:
    seconds = statistics.median(t["seconds"] for t in trials)
    return {
        "persons": persons, "trials": len(trials), "median_seconds": round(seconds, 2),
        "persons_per_second": round(persons / seconds), "records": trials[0]["records"],
        "records_per_second": round(trials[0]["records"] / seconds),
        "peak_rss_mb": round(max(t["peak_rss_mb"] for t in trials), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="trials per tool; medians are reported")
    parser.add_argument("--child", choices=("ukimet", "faker"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.persons)
        return
    report: dict[str, Any] = {"machine": {"python": platform.python_version(), "arch": platform.machine(),
                                          "cpus": os.cpu_count()}}
    for tool in ("ukimet", "faker"):
        trials = []
        for i in range(args.repeat):
            print(f"{tool}: trial {i + 1}/{args.repeat}, {args.persons:,} persons ...", file=sys.stderr, flush=True)
            trials.append(_trial(tool, args.persons))
        report[tool] = _summary(trials, args.persons)
    small = max(1_000, args.persons // 10)
    print(f"ukimet: {small:,} persons for the memory curve ...", file=sys.stderr, flush=True)
    report["ukimet_small"] = _summary([_trial("ukimet", small)], small)
    report["ratio_persons_per_second_ukimet_to_faker"] = round(
        report["ukimet"]["persons_per_second"] / report["faker"]["persons_per_second"], 3)
    report["ratio_records_per_second_ukimet_to_faker"] = round(
        report["ukimet"]["records_per_second"] / report["faker"]["records_per_second"], 3)
    report["memory_growth_ukimet"] = round(report["ukimet"]["peak_rss_mb"] / report["ukimet_small"]["peak_rss_mb"], 2)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
