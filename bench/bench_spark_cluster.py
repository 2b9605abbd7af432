"""Clustering at scale on Spark (local mode) and on DuckDB: the same entities, time and peak memory of each.

    python bench/bench_spark_cluster.py                      # 2,000,000 profiles
    python bench/bench_spark_cluster.py --records 200000     # a quick look

The graph is synthetic and shaped like linkage output (``link.profiles`` and ``link.pair_scores`` as the engine
leaves them): most people are one to six profiles joined by strong pairs, a third of the profiles stand alone,
namesakes add weaker pairs across people (three in four under the threshold), weights come from a short list (ties, as
the level patterns give), 3 % of people hold two different valid IINs (so their components replay the
constrained merge), a few long chains (50,000 profiles each, ids in random order: the worst case for
components), one long chain with IIN conflicts along it, and a clerk's 'apart' and 'same' decisions.

Each engine runs ``engine.cluster`` in its own process, reading the same Parquet files; its peak memory is the
largest sum of resident memory over that process and its children (Spark's JVM and Python workers), sampled
every 0.2 s. The machine's load average before and after is recorded: other work on the same cores slows
both engines. The two ``link.profile_entities`` must be identical, row by row. Writes
bench/results/spark_cluster.json."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

RESULTS = Path(__file__).parent / "results" / "spark_cluster.json"
THRESHOLD = 6.0
WEIGHTS = np.array([6.0, 7.25, 8.5, 8.5, 10.0, 12.75, 15.5, 21.0])
WEAK = np.array([3.0, 4.5, 5.5, 6.0])
"""Namesakes' weights: mostly under the threshold, a quarter just at it (they join people into larger components)."""
CHAINS, CHAIN = 3, 50_000
TABLES = ("link.profiles", "link.pair_scores", "link.person_records", "link.record_profiles")


# --- the graph (not timed) -----------------------------------------------------------------------------------

def build(n: int, work: Path, seed: int = 14) -> dict[str, Any]:
    """Parquet files for the tables ``cluster`` reads, and the decisions; returns the graph's shape."""
    rng = np.random.default_rng(seed)
    ids = rng.permutation(n).astype(np.int64) + 1  # position -> profile id: shapes unrelated to id order
    sizes: list[int] = [CHAIN] * CHAINS + [CHAIN // 5]
    rest = n - sum(sizes)
    drawn = rng.choice([1, 1, 1, 2, 2, 3, 4, 6], size=rest)  # about 2.5 profiles a person
    cut = int(np.searchsorted(np.cumsum(drawn), rest))
    people = [int(s) for s in drawn[:cut]]
    people.append(rest - sum(people))
    sizes += [s for s in people if s > 0]
    lengths = np.array(sizes, dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    person = np.repeat(np.arange(len(lengths)), lengths)
    position = np.arange(n)
    # a chain through each person, strong pairs
    inner = position[1:][person[1:] == person[:-1]]
    left, right = ids[inner - 1], ids[inner]
    weight = rng.choice(WEIGHTS, size=len(inner))
    # a second pair inside each person of four or more
    big = np.flatnonzero((lengths >= 4) & (lengths < CHAIN // 5))
    extra_l = ids[starts[big]]
    extra_r = ids[starts[big] + lengths[big] - 1]
    # namesakes: weaker pairs between random profiles
    namesakes = n // 50
    cross_l, cross_r = ids[rng.integers(0, n, namesakes)], ids[rng.integers(0, n, namesakes)]
    l_all = np.concatenate([left, extra_l, cross_l])
    r_all = np.concatenate([right, extra_r, cross_r])
    w_all = np.concatenate([weight, rng.choice(WEIGHTS, size=len(big)), rng.choice(WEAK, size=namesakes)])
    keep = l_all != r_all
    lo, hi = np.minimum(l_all, r_all)[keep], np.maximum(l_all, r_all)[keep]
    pairs = pa.table({"l_id": lo, "r_id": hi, "weight": w_all[keep]})
    pairs = pairs.group_by(["l_id", "r_id"]).aggregate([("weight", "max")]).rename_columns(
        ["l_id", "r_id", "weight"]).sort_by([("l_id", "ascending"), ("r_id", "ascending")])  # same order every run
    # IINs: 60 % of people carry one; 3 % of people (and the last long chain, every 500th profile) a second
    person_iin = np.where(rng.random(len(lengths)) < 0.6, np.arange(len(lengths)), -1)
    iin = person_iin[person].copy()
    second = rng.random(len(lengths)) < 0.03
    flip = second[person] & (rng.random(n) < 0.4)
    chained = (person == CHAINS) & (position % 500 == 0)
    iin[flip | chained] = len(lengths) + position[flip | chained]
    valid = (iin >= 0) & (rng.random(n) < 0.95)
    order = np.argsort(ids)
    profiles = pa.table({"record_id": ids[order],
                         "iin": pa.array([f"{v:012d}" if v >= 0 else None for v in iin[order].tolist()], pa.string()),
                         "iin_valid": valid[order]})
    pq.write_table(profiles, work / "profiles.parquet")
    pq.write_table(pairs, work / "pair_scores.parquet")
    pq.write_table(pa.table({"record_id": pa.array(np.arange(1, n + 1)),
                             "source": pa.array(["bench"] * n), "source_table": pa.array(["profiles"] * n),
                             "party": pa.array(["subject"] * n),
                             "record_key": pa.array([str(i) for i in range(1, n + 1)])}),
                   work / "person_records.parquet")
    pq.write_table(pa.table({"record_id": pa.array(np.arange(1, n + 1)), "profile_id": pa.array(np.arange(1, n + 1))}),
                   work / "record_profiles.parquet")
    sample = rng.integers(0, pairs.num_rows, 2000)
    apart = [(int(pairs["l_id"][int(i)].as_py()), int(pairs["r_id"][int(i)].as_py())) for i in sample[:1500]]
    same = [(int(a), int(b)) for a, b in zip(ids[rng.integers(0, n, 500)], ids[rng.integers(0, n, 500)],
                                             strict=True)]
    (work / "decisions.json").write_text(json.dumps({"same": same, "apart": apart}))
    return {"profiles": n, "pairs": pairs.num_rows,
            "pairs_at_threshold": int(np.sum(pairs["weight"].to_numpy() >= THRESHOLD)),
            "people_drawn": len(lengths), "people_with_two_iins": int(second.sum()),
            "long_chains": f"{CHAINS} x {CHAIN:,} profiles + 1 x {CHAIN // 5:,} with an IIN every 500",
            "decisions": {"apart": len(apart), "same": len(same)}}


# --- one engine, in its own process --------------------------------------------------------------------------

def child(engine: str, work: Path) -> None:
    from ukimet.link.backend import DuckDBBackend, SparkBackend, local_spark
    from ukimet.link.engine import Decisions, cluster

    started = time.perf_counter()
    if engine == "duckdb":
        import duckdb

        con = duckdb.connect(str(work / "bench.duckdb"))
        con.execute("SET threads = 2")
        db: Any = timed(DuckDBBackend)(con)
        for table in TABLES:
            db.create(table, f"SELECT * FROM read_parquet('{work / table.split('.')[1]}.parquet')")
    else:
        spark = local_spark(cores=2, memory="6g")
        spark.sparkContext.setLogLevel("ERROR")
        db = timed(SparkBackend)(spark)
        for table in TABLES:
            frame = spark.read.parquet(str(work / f"{table.split('.')[1]}.parquet")).localCheckpoint()
            frame.createOrReplaceTempView(table.replace(".", "_"))
    db.steps.clear()
    loaded = time.perf_counter()
    identity = "bench/profiles/subject/{}".format
    said = json.loads((work / "decisions.json").read_text())
    decisions = Decisions(same=[(identity(a), identity(b)) for a, b in said["same"]],
                          apart=[(identity(a), identity(b)) for a, b in said["apart"]])
    entities = cluster(db, THRESHOLD, decisions)
    clustered = time.perf_counter()
    steps = {k: round(v, 2) for k, v in db.steps.items()}
    facts = {"entities": entities, "components_rounds": db.rounds,
             "conflicting_components": db.count("cluster_conflicts"),
             "profiles_replayed": db.count("cluster_resolved"), "step_seconds": steps}
    out = work / f"entities_{engine}.parquet"
    if engine == "duckdb":
        con.execute(f"COPY (SELECT * FROM link.profile_entities ORDER BY record_id) TO '{out}' (FORMAT parquet)")
    else:
        spark.table("link_profile_entities").write.mode("overwrite").parquet(str(out))
    print("RESULT " + json.dumps({**facts, "load_seconds": round(loaded - started, 2),
                                  "cluster_seconds": round(clustered - loaded, 2)}), flush=True)


def timed(base: type[Any]) -> type[Any]:
    """``base`` that adds up where the time goes (components, conflict replay, the rest) and counts the rounds."""

    class Timed(base):  # type: ignore[misc]
        steps: dict[str, float]
        rounds = 0

        def _step(self, table: str) -> str:
            if table.startswith("cc_labels"):
                self.rounds += 1
            if table.startswith(("cc_", "cluster_cc")):
                return "connected_components"
            return "replay_conflicts" if table == "cluster_resolved" else "classify_and_write"

        def create(self, table: str, select: str) -> None:
            began = time.perf_counter()
            super().create(table, select)
            self.steps[self._step(table)] = self.steps.get(self._step(table), 0.0) + time.perf_counter() - began

        def grouped(self, out: str, *args: Any) -> None:
            began = time.perf_counter()
            super().grouped(out, *args)
            self.steps[self._step(out)] = self.steps.get(self._step(out), 0.0) + time.perf_counter() - began

    Timed.steps = {}
    return Timed


def run(engine: str, work: Path) -> dict[str, Any]:
    """The engine in a child process; its wall time and the peak resident memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "--child", engine, str(work)], stdout=subprocess.PIPE,
                               text=True)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(process.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = process.communicate()
    stop.set()
    sampler.join()
    line = next((x for x in stdout.splitlines() if x.startswith("RESULT ")), None)
    if process.returncode != 0 or line is None:
        return {"error": f"{engine} failed (exit {process.returncode})"}
    result: dict[str, Any] = json.loads(line[len("RESULT "):])
    result["process_seconds"] = round(time.perf_counter() - started, 2)
    result["peak_rss_mb"] = round(peak[0] / 2**20)
    return result


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(statm[1]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def identical(work: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect()
    d, s = work / "entities_duckdb.parquet", work / "entities_spark.parquet" / "*.parquet"  # Spark: a folder
    row = con.execute(f"""SELECT count(*) FILTER (WHERE d.record_id IS NULL OR s.record_id IS NULL
            OR d.entity_id <> s.entity_id OR d.known IS DISTINCT FROM s.known), count(*)
        FROM read_parquet('{d}') d FULL JOIN read_parquet('{s}') s ON s.record_id = d.record_id""").fetchone()
    con.close()
    assert row is not None
    return {"rows_compared": int(row[1]), "rows_different": int(row[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "WORK"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    work = Path(tempfile.mkdtemp(prefix="bench_spark_cluster_"))
    try:
        began = time.perf_counter()
        graph = build(args.records, work)
        print(json.dumps(graph), flush=True)
        report: dict[str, Any] = {"graph": graph, "graph_seconds": round(time.perf_counter() - began, 1),
                                  "machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                                              "load_average_before": [round(x, 1) for x in os.getloadavg()]},
                                  "threshold": THRESHOLD}
        for engine in ("duckdb", "spark"):
            report[engine] = run(engine, work)
            print(engine, json.dumps(report[engine]), flush=True)
        report["machine"]["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
        report["comparison"] = identical(work)
        report["identical_entities"] = report["comparison"]["rows_different"] == 0 and \
            report["comparison"]["rows_compared"] == args.records
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(report, indent=2))
        assert report["identical_entities"], "Spark and DuckDB clustered differently"
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
