"""The gateway's cost: the same queries run raw on DuckDB and through the gateway (parse, checks, rewrite,
locked engine, audit entry), in the same run. Reports the median added time per query and the ratio.

    python bench/bench_gateway.py --persons 20000

Writes bench/results/gateway.json."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from ukimet.cli.demo import synced_country
from ukimet.gateway.api import Gateway
from ukimet.gateway.policy import DEFAULT, Policy
from ukimet.gateway.rewrite import User
from ukimet.sync.store import open_store
from ukimet.synth import SynthConfig

RESULTS = Path(__file__).parent / "results" / "gateway.json"
WORKER = User("bench", "social_worker", "Ministry of Labour")
QUERIES = [
    "SELECT pol, count(*) AS n FROM gbdfl.fl_persons GROUP BY pol",
    "SELECT iin, familiya, imya, data_rozhdeniya FROM gbdfl.fl_persons WHERE familiya LIKE 'А%' LIMIT 50",
    "SELECT p.iin, a.adres FROM gbdfl.fl_persons p JOIN gbdfl.fl_addresses a ON a.iin = p.iin LIMIT 100",
    "WITH c AS (SELECT iin, count(*) AS n FROM enpf.contributions GROUP BY iin) SELECT avg(n) FROM c",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="ukimet-gateway-"))
    config, _engine, _manifest = synced_country(out, SynthConfig(persons=args.persons, seed=5))
    # the benchmark's user reads far more than a day's allowance: lift the limits, keep every other rule
    worker = replace(DEFAULT.roles["social_worker"], max_rows_per_day=10**9, max_persons_per_day=10**9)
    gateway = Gateway(config, Policy({**DEFAULT.roles, "social_worker": worker}))
    # the peer: the same engine configuration, one open connection, the query as written
    raw_connection = open_store(config.resolved_store_path(), read_only=True, locked=True)
    report: dict[str, Any] = {"persons": args.persons, "queries": {}}
    added: dict[str, list[float]] = {"cold": [], "warm": []}
    ratios: dict[str, list[float]] = {"cold": [], "warm": []}
    for sql in QUERIES:
        raw_times, cold_times, warm_times = [], [], []
        for _ in range(args.repeats):
            started = time.perf_counter()
            raw_connection.execute(sql).fetchall()
            raw_times.append(time.perf_counter() - started)
            gateway.forget_plans()  # cold: parsed, checked and rewritten anew
            started = time.perf_counter()
            gateway.query(WORKER, sql, purpose="benchmark")
            cold_times.append(time.perf_counter() - started)
            started = time.perf_counter()  # warm: the same question again, its plan kept
            gateway.query(WORKER, sql, purpose="benchmark")
            warm_times.append(time.perf_counter() - started)
        raw = statistics.median(raw_times)
        entry: dict[str, float] = {"raw_ms": round(raw * 1000, 2)}
        for name, times in (("cold", cold_times), ("warm", warm_times)):
            governed = statistics.median(times)
            added[name].append(governed - raw)
            ratios[name].append(governed / raw)
            entry |= {f"{name}_ms": round(governed * 1000, 2), f"{name}_added_ms": round((governed - raw) * 1000, 2),
                      f"{name}_ratio": round(governed / raw, 3)}
        report["queries"][sql] = entry
    for name in ("cold", "warm"):
        report[f"{name}_median_added_ms"] = round(statistics.median(added[name]) * 1000, 2)
        report[f"{name}_median_ratio"] = round(statistics.median(ratios[name]), 3)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
