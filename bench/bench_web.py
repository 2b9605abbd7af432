"""Load: concurrent analysts against the served app (``ukimet serve`` in its own process, ``--workers`` of them, on
127.0.0.1), each signed in through the API and alternating person-360 views and questions in the three
languages, over a keep-alive connection of a lean client (bench/serving.py), so that the load does not take the
cores it measures. Two loads, one after the other:

- the closed load: every analyst sends the next request as soon as the last is answered (``--requests`` each):
  the most the server answers per second. Its latencies are mostly the queue: with 50 analysts and no pause,
  the mean wait is 50 divided by the throughput (Little's law), whatever the server does per request;
- the open load: requests arrive at ``--rate`` per second in all (a Poisson process per analyst) for
  ``--seconds``, each timed from when it was due: the latency at that throughput, as an SLO is stated.

Reports p50 and p95 latency per endpoint, errors, and whether the audit log holds exactly one new entry per
request (and still verifies). Two peers in the same run: the same analysts against /api/v1/health, the bare cost
of the HTTP stack; and the floor: every statement the governed run audited (a person view's reads of each agency
table, a question's SQL, as the gateway rewrote them), run again straight on the same engine and snapshot,
ungoverned, from as many threads as there are analysts (no HTTP, no policy, no audit; the person view's link
lookups are not in the floor, so it is a little lower than the true one).

    python bench/bench_web.py --analysts 50 --requests 20 --persons 5000 --workers 2 --rate 100 --seconds 30

Writes bench/results/web.json (``--out`` another file)."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from serving import LeanClient, wait_healthy
from ukimet.apps.question_set import load_questions
from ukimet.cli.demo import synced_country
from ukimet.core.metadata import connect_metadata
from ukimet.gateway.audit import AuditLog
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user
from ukimet.link.api import link_store
from ukimet.model.mart import build_mart
from ukimet.sync.store import open_store
from ukimet.synth import SynthConfig

RESULTS = Path(__file__).parent / "results" / "web.json"
REGION = "79"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def sign_in(client: LeanClient, name: str) -> dict[str, str]:
    """The analyst's bearer header (fifty sign-ins at once: a busy store answers 503/429, so wait and retry)."""
    for _ in range(20):
        status, body = await client.request("POST", "/api/v1/auth/login",
                                            body={"name": name, "password": f"{name}-password"})
        if status not in (429, 503):
            break
        await asyncio.sleep(1.0)
    token = json.loads(body).get("token") if status == 200 else None
    if token is None:
        raise SystemExit(f"{name} could not sign in: HTTP {status} {body[:300]!r}")
    return {"Authorization": f"Bearer {token}"}


async def analyst(client: LeanClient, name: str, headers: dict[str, str], iins: list[str], questions: list[str],
                  count: int, timings: dict[str, list[float]], errors: list[str]) -> None:
    for i in range(count):
        if i % 2 == 0:
            path, started = "person", time.perf_counter()
            status, body = await client.request(
                "GET", f"/api/v1/persons/{iins[(hash(name) + i) % len(iins)]}?purpose=load%20test%20{name}",
                headers)
        else:
            path, started = "ask", time.perf_counter()
            status, body = await client.request("POST", "/api/v1/ask", headers,
                                                {"question": questions[(hash(name) + i) % len(questions)]})
        timings[path].append(time.perf_counter() - started)
        if status != 200:
            errors.append(f"{path} {status} {body[:200]!r}")


async def paced(client: LeanClient, name: str, headers: dict[str, str], iins: list[str], questions: list[str],
                rate: float, until: float, seed: int, timings: dict[str, list[float]], errors: list[str]) -> int:
    """One analyst of an open load: requests sent at the times of a Poisson process of ``rate`` per second (the
    analyst's share of the total) until ``until``, each timed from when it was due, not from when it went out,
    so that a slow server cannot hide its queue by slowing the load (coordinated omission). How many were sent."""
    rng = random.Random(seed)
    due, sent = time.perf_counter() + rng.expovariate(rate), 0
    while due < until:
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        if sent % 2 == 0:
            path = "person"
            status, body = await client.request(
                "GET", f"/api/v1/persons/{iins[(seed * 7 + sent) % len(iins)]}?purpose=load%20test%20{name}",
                headers)
        else:
            path = "ask"
            status, body = await client.request("POST", "/api/v1/ask", headers,
                                                {"question": questions[(seed * 7 + sent) % len(questions)]})
        timings[path].append(time.perf_counter() - due)
        if status != 200:
            errors.append(f"{path} {status} {body[:200]!r}")
        sent += 1
        due += rng.expovariate(rate)
    return sent


def _latencies(timings: dict[str, list[float]]) -> dict[str, Any]:
    return {path: {"requests": len(values), "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                   "p95_ms": round(percentile(values, 0.95) * 1000, 1),
                   "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else 0}
            for path, values in timings.items()}


async def peer(client: LeanClient, count: int, timings: list[float]) -> None:
    for _ in range(count):
        started = time.perf_counter()
        await client.request("GET", "/api/v1/health")
        timings.append(time.perf_counter() - started)


async def run(port: int, names: list[str], iins: list[str], questions: list[str], count: int, rate: float,
              seconds: float) -> dict[str, Any]:
    """Sign every analyst in; then the closed load (each analyst's next request as soon as the last is
    answered: the most the server does, and how long the queue makes each request wait); then the open load at
    ``rate`` requests per second for ``seconds`` (the latency at that throughput); then the health peer."""
    clients = [LeanClient("127.0.0.1", port) for _ in names]  # one keep-alive connection per analyst
    started = time.perf_counter()
    headers = await asyncio.gather(*(sign_in(c, n) for c, n in zip(clients, names, strict=True)))
    signing_in = time.perf_counter() - started  # not part of the measured requests (a password hash each)
    timings: dict[str, list[float]] = {"person": [], "ask": []}
    errors: list[str] = []
    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(analyst(c, n, h, iins, questions, count, timings, errors)
                           for c, n, h in zip(clients, names, headers, strict=True)))
    closed_seconds, client_cpu = time.perf_counter() - started, time.process_time() - cpu
    report: dict[str, Any] = {"sign_in_seconds": round(signing_in, 1), "seconds": round(closed_seconds, 1),
                              "client_cpu_seconds": round(client_cpu, 1), "errors": len(errors),
                              "first_errors": errors[:5], **_latencies(timings)}
    paced_timings: dict[str, list[float]] = {"person": [], "ask": []}
    paced_errors: list[str] = []
    started = time.perf_counter()
    sent = await asyncio.gather(*(paced(c, n, h, iins, questions, rate / len(names), started + seconds, k,
                                        paced_timings, paced_errors)
                                  for k, (c, n, h) in enumerate(zip(clients, names, headers, strict=True))))
    elapsed = time.perf_counter() - started
    report["open_load"] = {"target_per_second": rate, "seconds": round(elapsed, 1), "requests": sum(sent),
                           "requests_per_second": round(sum(sent) / max(elapsed, 1e-9), 1),
                           "errors": len(paced_errors), "first_errors": paced_errors[:5],
                           **_latencies(paced_timings)}
    health: list[float] = []
    await asyncio.gather(*(peer(c, count, health) for c in clients))
    for client in clients:
        await client.close()
    report["peer_health"] = _latencies({"health": health})["health"]
    report["paced_requests"] = sum(sent)
    return report


def floor(store: Path, accesses: list[dict[str, Any]], threads: int) -> dict[str, Any]:
    """The audited statements of ``accesses`` run again ungoverned on the store, ``threads`` at a time."""
    import re
    from concurrent.futures import ThreadPoolExecutor

    from ukimet.gateway import serving
    from ukimet.sync.store import newest_snapshot

    con = open_store(store, read_only=True)
    # the same read path as the gateway: the snapshot's serving catalog (views over its Parquet files), and the
    # keyed-pseudonym function the rewritten statements call (another key: the same cost, other pseudonyms)
    snapshot = newest_snapshot(con)
    serving.attach(con, snapshot)
    names = {m.lower() for e in accesses
             for m in re.findall(r"ukimet_pseudonym_[0-9a-f]{12}", str(e["rewritten"] or ""), re.IGNORECASE)}
    for name in names:
        con.create_function(name, lambda v: None if v is None else "p" + hashlib.sha256(v.encode()).hexdigest()[:15],
                            ["VARCHAR"], "VARCHAR")
    local = threading.local()
    failures: list[str] = []

    def one(entry: dict[str, Any]) -> tuple[str, float]:
        if not hasattr(local, "con"):
            local.con = con.cursor()
            local.con.execute(f"USE {serving.name(snapshot)}")
        text = str(entry["rewritten"] or entry["query"])
        statements = [s for s in (part.strip() for part in text.split("\n;\n"))  # a refusal's is a comment only
                      if any(line.strip() and not line.lstrip().startswith("--") for line in s.splitlines())]
        started = time.perf_counter()
        for statement in statements:
            try:
                local.con.execute(statement.split("\n-- store snapshot")[0]).fetchall()
            except Exception as exc:  # said in the report, never dropped silently
                failures.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
        return ("person" if entry["action"] == "view" else "ask"), time.perf_counter() - started

    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            timed = list(pool.map(one, accesses))
        seconds = time.perf_counter() - started
    finally:
        con.close()
    report: dict[str, Any] = {"requests": len(timed), "seconds": round(seconds, 2),
                              "requests_per_second": round(len(timed) / max(seconds, 1e-9), 1),
                              "failed_statements": len(failures), "first_failures": failures[:3]}
    for kind in ("person", "ask"):
        values = [t for k, t in timed if k == kind]
        report[kind] = {"requests": len(values), "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                        "p95_ms": round(percentile(values, 0.95) * 1000, 1)}
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--analysts", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20, help="per analyst")
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=1, help="ukimet serve --workers")
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second of the open load")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the open load runs")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON results go")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="ukimet-web-"))
    config, engine, manifest = synced_country(out, SynthConfig(persons=args.persons, seed=9))
    link_store(config)
    con = open_store(config.resolved_store_path())
    try:
        import datetime as dt

        build_mart(con, engine, dt.date.fromisoformat(manifest.reference_date))
        iins = [r[0] for r in con.execute("SELECT p.iin FROM mart.persons p WHERE p.alive AND p.region = ? AND "
                                          "EXISTS (SELECT 1 FROM link.person_records r JOIN link.entities e USING "
                                          "(record_id) WHERE e.entity_id = p.person_id AND r.source = 'gbdfl' AND "
                                          "r.source_table = 'fl_addresses') ORDER BY p.person_id LIMIT 200",
                                          [REGION]).fetchall()]
    finally:
        con.close()
    names = [f"analyst-{n:02d}" for n in range(args.analysts)]
    for name in names:
        add_user(engine, User(name, "analyst", "Akimat of Shymkent", {"region": REGION}), f"{name}-password")
    questions = [q.texts[lang] for q in load_questions() if q.sql for lang in ("kk", "ru", "en")]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "ukimet.cli.main", "serve", "--port", str(port),
                               "--workers", str(args.workers)],
                              env={**os.environ, "UKIMET_HOME": str(config.home)})
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, server)
        log = AuditLog(connect_metadata(config), config)
        before = max((e["seq"] for e in log.entries(limit=1)), default=0)
        run_report = asyncio.run(run(port, names, iins, questions, args.requests, args.rate, args.seconds))
        added = log.entries(since=before, limit=10**9)
        accesses = [e for e in added if e["action"] != "signin"]  # each analyst's sign-in is an entry of its own
        requests = args.analysts * args.requests + run_report.pop("paced_requests")
        report = {"analysts": args.analysts, "workers": args.workers, "requests_per_analyst": args.requests,
                  "persons": args.persons,
                  "requests": requests, "audit_entries_added": len(accesses), "sign_in_entries": len(added) -
                  len(accesses), "one_entry_per_request": len(accesses) == requests,
                  "log_verifies": log.verify().ok, **run_report,
                  "requests_per_second": round(args.analysts * args.requests / max(run_report["seconds"], 1e-9), 1)}
        report["floor_ungoverned"] = floor(config.resolved_store_path(), accesses, args.analysts)
    finally:
        server.terminate()
        server.wait(timeout=30)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
