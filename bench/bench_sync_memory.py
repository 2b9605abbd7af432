"""Benchmark: how much memory `ukimet sync` of a large CSV file holds (issue 15, point 6: a re-sync of a 200 MB
CSV file peaks at <= 400 MB; memory bounded by the batch, not the table), at two file sizes, against a peer in
the same run.

- peer: DuckDB's own CSV reader loading the same file into a DuckDB database file (`CREATE TABLE t AS SELECT *
  FROM read_csv(...)`, every column text, the same memory limit), the engine the sync itself writes with;
- ukimet: `ukimet source add`, then `ukimet sync` three times: the first sync, a re-sync of the unchanged file,
  and a re-sync after a row was appended (read, compared and published again).

Each step is a fresh process; its peak resident memory is the kernel's (`getrusage` of the child). The files are
written by this script (Kazakh and Russian names, addresses, amounts and notes: about 140 bytes a row).

    python bench/bench_sync_memory.py [--sizes 100,400] [--memory-limit 5GB]

Writes bench/results/sync_memory.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "sync_memory.json"
ROW_BYTES = 140
MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode; "
           "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)")


def write_csv(path: Path, megabytes: int) -> int:
    """A CSV file of about ``megabytes`` MB, written by DuckDB; its row count."""
    import duckdb

    rows = megabytes * 1_000_000 // ROW_BYTES
    duckdb.sql(f"""COPY (SELECT i AS id,
        lpad(CAST(100000000000 + (i * 7919) % 899999999999 AS VARCHAR), 12, '0') AS iin,
        ['Әбілов', 'Нұрғалиев', 'Иванов', 'Серікбаева', 'Петрова', 'Қасымов'][i % 6 + 1] AS surname,
        ['Айгүл', 'Нұрсұлтан', 'Мария', 'Ерлан', 'Дәурен', 'Сәуле', 'Ғалым'][i % 7 + 1] AS first_name,
        CAST(DATE '1940-01-01' + CAST(i % 25000 AS INTEGER) AS VARCHAR) AS birth_date,
        'г. Алматы, ул. Абая ' || (i % 300) || ', кв. ' || (i % 211) AS address,
        CAST(round((i * 37 % 1000003) / 10.0, 2) AS VARCHAR) AS amount,
        repeat('ескерту ', CAST(i % 4 AS INTEGER)) AS note
        FROM range({rows}) r(i)) TO '{path}' (HEADER, DELIMITER ',')""")
    return rows


def measure(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run ``command`` in a fresh process: its wall time and peak resident memory."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    seconds, kilobytes, code = float(out[0]), int(out[1]), int(out[2])
    if code != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return {"seconds": round(seconds, 2), "peak_mb": round(kilobytes / 1024)}


def peer(csv: Path, work: Path, limit: str) -> dict[str, Any]:
    script = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], config={'memory_limit': sys.argv[3]}); "
              "con.execute(\"CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar = true, header = true)\", "
              "[sys.argv[2]])")
    database = work / "peer.duckdb"
    database.unlink(missing_ok=True)
    return measure([sys.executable, "-c", script, str(database), str(csv), limit], dict(os.environ))


def one_size(megabytes: int, work: Path, limit: str) -> dict[str, Any]:
    csv = work / f"agency_{megabytes}mb.csv"
    rows = write_csv(csv, megabytes)
    env = {**os.environ, "UKIMET_HOME": str(work / f"home_{megabytes}"), "UKIMET_WORK_MEMORY_LIMIT": limit}
    ukimet = [str(Path(sys.executable).with_name("ukimet"))]
    result: dict[str, Any] = {"file_mb": round(csv.stat().st_size / 1e6), "rows": rows,
                              "peer_duckdb_read_csv": peer(csv, work, limit)}
    result["source_add"] = measure([*ukimet, "source", "add", "agency", "--kind", "csv", "--path", str(csv)], env)
    result["first_sync"] = measure([*ukimet, "sync"], env)
    result["resync_unchanged"] = measure([*ukimet, "sync"], env)
    with csv.open("a", encoding="utf-8") as f:
        f.write("999999999,880101300123,Жаңа,Адам,1988-01-01,г. Астана,1.00,\n")
    result["resync_changed"] = measure([*ukimet, "sync"], env)
    print(json.dumps({f"{megabytes} MB": result}, ensure_ascii=False), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,400", help="file sizes in MB, comma-separated")
    parser.add_argument("--memory-limit", default="5GB", help="UKIMET_WORK_MEMORY_LIMIT and the peer's limit")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ukimet-sync-memory-"))
    try:
        started = time.time()
        sizes = {f"{mb}_mb": one_size(int(mb), work, args.memory_limit) for mb in args.sizes.split(",")}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
              "memory_limit": args.memory_limit, "target_resync_peak_mb": 400, "sizes": sizes,
              "seconds": round(time.time() - started)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
