"""The analytics mart built on Spark (local mode) and on DuckDB from one linked store: every table equal, the time
and peak memory of each.

    python bench/bench_mart_spark.py                    # 20,000 persons
    python bench/bench_mart_spark.py --persons 5000     # a quick look

The country is generated, synced and linked once (not timed). Each engine then builds the mart as of 2026-01-01 in
a process of its own, DuckDB first; peak memory is the largest sum of resident memory over that process and its
children (Spark's JVM and Python workers), sampled every 0.2 s. Spark runs on local[2] with a 2 GB driver: on one
machine it pays the JVM, the translation and the Parquet exchange that a cluster amortises, so the ratio says
what the cluster path costs here, not how fast a cluster is. Writes bench/results/mart_spark.json."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "mart_spark.json"
AS_OF = "2026-01-01"


def _rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, bytes."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with Path(f"/proc/{current}/statm").open() as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with Path(f"/proc/{current}/task/{current}/children").open() as handle:
                stack += [int(c) for c in handle.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _measured(command: list[str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _rss(process.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=sample)
    watcher.start()
    out, _ = process.communicate()
    watcher.join()
    if process.returncode:
        raise SystemExit(f"{command[-1]} failed (exit {process.returncode})")
    return time.perf_counter() - started, peak, out


def build(home: str, engine: str) -> None:
    """One mart build (the child process); prints every table's rows, digested, as JSON."""
    import datetime as dt
    import hashlib

    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.model.mart import MADE, build_mart
    from ukimet.sync.store import open_store

    config = Settings(home=Path(home))
    con = open_store(config.resolved_store_path(), memory_limit=config.work_memory_limit)
    try:
        build_mart(con, connect_metadata(config), dt.date.fromisoformat(AS_OF), engine=engine)  # type: ignore[arg-type]
        digests = {}
        for table in MADE:
            rows = con.execute(f"SELECT * FROM mart.{table} ORDER BY ALL").fetchall()
            types = con.execute(f"SELECT column_name, column_type FROM (DESCRIBE mart.{table})").fetchall()
            digests[table] = [len(rows), hashlib.sha256(repr((types, rows)).encode()).hexdigest()]
    finally:
        con.close()
    print(json.dumps(digests))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        build(*args.child)
        return
    sys.path.insert(0, str(Path(__file__).parent.parent / "src"))
    from ukimet.cli.demo import synced_country
    from ukimet.link.api import link_store
    from ukimet.synth import SynthConfig

    with tempfile.TemporaryDirectory() as work:
        config, _, _ = synced_country(Path(work), SynthConfig(persons=args.persons, seed=5))
        link_store(config)
        runs: dict[str, Any] = {}
        for engine in ("duckdb", "spark"):
            seconds, peak, out = _measured([sys.executable, __file__, "--child", str(config.home), engine])
            runs[engine] = {"seconds": round(seconds, 1), "peak_rss_mb": round(peak / 2**20),
                            "tables": json.loads(out.strip().splitlines()[-1])}
            print(engine, runs[engine]["seconds"], "s", runs[engine]["peak_rss_mb"], "MB", flush=True)
    identical = runs["duckdb"]["tables"] == runs["spark"]["tables"]
    result = {"persons": args.persons, "as_of": AS_OF, "identical": identical,
              "spark_over_duckdb_time": round(runs["spark"]["seconds"] / runs["duckdb"]["seconds"], 2),
              "runs": runs, "machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                                        "load_after": os.getloadavg()}}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"identical: {identical}; Spark/DuckDB time {result['spark_over_duckdb_time']} -> {RESULTS}")
    if not identical:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
