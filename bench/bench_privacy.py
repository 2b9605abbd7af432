"""Utility of the differentially private answers at the default budget (epsilon_per_count and epsilon_per_value
of the built-in policy), through the real gateway, against the true values read from the store in the same run:

- counts of at least 1,000 persons: within 1%, 95% of the time?
- average monthly wage over at least 500 earners: within 2%, 95% of the time?
- the semantic layer's question set (ru): how many answers are released at all (groups below the threshold are
  withheld), and their median relative error.

Each trial is a fresh answer (the question worded anew, so the gateway's kept release is not reused). The peer in
the same run is the textbook estimator with numpy's Laplace sampler at the same scales: the same utility is
expected (OpenDP's sampler is exact and safe against floating-point attacks, not more accurate), and the time
of an answer is compared with the raw DuckDB query.

    python bench/bench_privacy.py --persons 20000 [--trials 200]
    python bench/bench_privacy.py --home demo-country/.ukimet

Writes bench/results/privacy.json."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from ukimet.core.settings import Settings
from ukimet.gateway.api import Gateway
from ukimet.gateway.policy import DEFAULT, Policy
from ukimet.gateway.rewrite import User
from ukimet.sync.store import open_store

RESULTS = Path(__file__).parent / "results" / "privacy.json"
USER = User("bench-privacy", "analyst", "Ministry of National Economy", {"region": ""})


def _country(persons: int) -> Settings:
    from ukimet.cli.demo import synced_country
    from ukimet.link.api import link_store
    from ukimet.model.mart import build_mart
    from ukimet.synth import SynthConfig

    out = Path(tempfile.mkdtemp(prefix="ukimet-privacy-"))
    config, engine, _ = synced_country(out, SynthConfig(persons=persons, seed=11))
    link_store(config)
    con = duckdb.connect(str(config.resolved_store_path()))
    try:
        build_mart(con, engine, dt.date(2026, 1, 1))
    finally:
        con.close()
    return config


def _cells(raw: duckdb.DuckDBPyConnection) -> tuple[list[tuple[str, int]], list[tuple[str, int, float, float]]]:
    """Regions with >= 1,000 living persons, and regions with >= 500 earners (their mean wage with every wage
    clamped to the declared bound of 2 million, and without)."""
    counts = raw.execute("SELECT region, count(*) FROM mart.persons WHERE alive GROUP BY region "
                         "HAVING count(*) >= 1000 ORDER BY 2 DESC").fetchall()
    wages = raw.execute("SELECT region, count(*), avg(least(monthly_wage, 2000000)), avg(monthly_wage) "
                        "FROM mart.persons WHERE alive AND monthly_wage > 0 GROUP BY region HAVING count(*) >= 500 "
                        "ORDER BY 2 DESC").fetchall()
    if not counts:  # a small country: the whole of it
        (everyone,), = raw.execute("SELECT count(*) FROM mart.persons WHERE alive").fetchall()
        counts = [("", int(everyone))]
    # and a cell of just over 500 earners: the youngest earners, by age, until there are 500
    ages = raw.execute("SELECT age, count(*) FROM mart.persons WHERE alive AND monthly_wage > 0 GROUP BY age "
                       "ORDER BY age").fetchall()
    total, upto = 0, None
    for age, n in ages:
        total += n
        if total >= 500:
            upto = age
            break
    if upto is not None:
        (n, mean, raw_mean), = raw.execute(f"SELECT count(*), avg(least(monthly_wage, 2000000)), avg(monthly_wage) "
                                           f"FROM mart.persons WHERE alive AND monthly_wage > 0 AND age <= {upto}"
                                           ).fetchall()
        wages.append((f"age <= {upto}", int(n), float(mean), float(raw_mean)))
    return counts, wages


def _where(cell: str) -> str:
    if cell.startswith("age"):
        return f" AND {cell}"
    return f" AND region = '{cell}'" if cell else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--home", type=Path, help="an existing installation (its mart) instead of a new country")
    parser.add_argument("--trials", type=int, default=200)
    args = parser.parse_args()
    config = Settings(home=args.home) if args.home else _country(args.persons)
    # the benchmark asks far more than a day's budget: lift the daily budgets, keep epsilon per answer
    roles = {name: replace(role, epsilon_per_day=1e9, role_epsilon_per_day=1e9, row_filter=None)
             for name, role in DEFAULT.roles.items()}
    gateway = Gateway(config, Policy(roles, "bench-privacy"))
    per_count, per_value = roles["analyst"].epsilon_per_count, roles["analyst"].epsilon_per_value
    raw = open_store(config.resolved_store_path(), read_only=True, locked=True)
    counts, wages = _cells(raw)
    rng = np.random.default_rng(1)
    report: dict[str, Any] = {"epsilon_per_count": per_count, "epsilon_per_value": per_value,
                              "trials": args.trials, "counts": [], "wages": []}
    answer_times, raw_times = [], []
    for region, true_n in counts[:3]:
        errors, peer = [], []
        for t in range(args.trials):
            sql = f"SELECT count(*) FROM mart.persons WHERE alive{_where(region)} AND {t} = {t}"
            started = time.perf_counter()
            (n,), = gateway.query(USER, sql).rows
            answer_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            raw.execute(sql).fetchall()
            raw_times.append(time.perf_counter() - started)
            errors.append(abs(n - true_n) / true_n)
            peer.append(abs(rng.laplace(0, 1 / per_count)) / true_n)
        report["counts"].append({"region": region, "persons": true_n,
                                 "within_1pct": sum(e <= 0.01 for e in errors) / len(errors),
                                 "p95_relative_error": float(np.quantile(errors, 0.95)),
                                 "peer_numpy_within_1pct": sum(e <= 0.01 for e in peer) / len(peer)})
    for region, earners, mean, raw_mean in list(dict.fromkeys([*wages[:2], *wages[-1:]])):
        errors, peer = [], []
        for t in range(args.trials):
            sql = (f"SELECT avg(monthly_wage) FROM mart.persons WHERE alive AND monthly_wage > 0{_where(region)} "
                   f"AND {t} = {t}")
            (value,), = gateway.query(USER, sql).rows
            errors.append(1.0 if value is None else abs(value - mean) / mean)
            # the peer: the same estimator (noisy centred sum over noisy count, the same split) with numpy
            noisy_n = earners + rng.laplace(0, 1 / per_value)
            centred = earners * (mean - 1_000_000) + rng.laplace(0, 1_000_000 / per_value)
            peer.append(abs(1_000_000 + centred / noisy_n - mean) / mean)
        report["wages"].append({"region": region, "earners": earners, "true_mean": round(mean, 1),
                                "true_mean_unclamped": round(raw_mean, 1),
                                "within_2pct": sum(e <= 0.02 for e in errors) / len(errors),
                                "p95_relative_error": float(np.quantile(errors, 0.95)),
                                "peer_numpy_within_2pct": sum(e <= 0.02 for e in peer) / len(peer)})
    report["median_answer_ms"] = round(statistics.median(answer_times) * 1000, 2)
    report["median_raw_query_ms"] = round(statistics.median(raw_times) * 1000, 2)
    report["answer_over_raw"] = round(statistics.median(answer_times) / statistics.median(raw_times), 1)
    report["questions"] = _questions(gateway, raw)
    raw.close()
    gateway.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))


def _questions(gateway: Gateway, raw: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The question set in Russian: answers released, and their error against the gold SQL's true values."""
    from ukimet.apps.question_set import load_questions
    from ukimet.apps.questions import ask

    released = withheld = refused = 0
    errors: list[float] = []
    for question in load_questions():
        if question.sql is None:
            continue
        answer = ask(gateway, USER, question.texts["ru"])
        if answer.sql is None or (answer.declined and not answer.suppressed):
            refused += 1
            continue
        truth = {tuple(r[:-1]): r[-1] for r in raw.execute(question.sql).fetchall()}
        got = {tuple(r[:-1]): r[-1] for r in answer.rows}
        released += bool(got)
        withheld += len(truth) - len(got)
        errors += [abs(v - truth[k]) / abs(truth[k]) for k, v in got.items()
                   if k in truth and isinstance(v, int | float) and truth[k]]
    return {"answered": released, "refused_or_declined": refused, "cells_withheld": withheld,
            "median_relative_error": round(statistics.median(errors), 4) if errors else None,
            "p95_relative_error": round(float(np.quantile(errors, 0.95)), 4) if errors else None}


if __name__ == "__main__":
    main()
