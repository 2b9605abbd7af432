"""Benchmark: sync from PostgreSQL and MariaDB into the integrated store, against the bare transfer in the same
script.

- PostgreSQL peer: `COPY (SELECT * FROM t) TO STDOUT (FORMAT binary)` read to the end by psycopg, bytes discarded.
- MariaDB peer: a plain bulk `SELECT * FROM t` read into Arrow by ConnectorX, the client the sync itself uses.
- ukimet: `Syncer.sync` of the same table into a fresh store: read, type, check, write DuckDB, publish.

    python bench/bench_synth.py ... not needed: the tables are generated here (default 5,000,000 rows)
    python bench/bench_sync.py --rows 5000000 --repeat 3

Writes bench/results/sync.json; reports medians and ukimet's speed as a share of the peer's (target >= 70%).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "sync.json"
PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
SCHEMA = "ukimet_bench"
COLUMNS = "id, iin, familiya, imya, data_rozhd, summa"


def prepare_postgres(rows: int) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        have = db.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.persons",)).fetchone()
        if have and have[0] and db.execute(f"SELECT count(*) FROM {SCHEMA}.persons").fetchone() == (rows,):
            return
        db.execute(f"DROP TABLE IF EXISTS {SCHEMA}.persons")
        db.execute(f"""CREATE TABLE {SCHEMA}.persons AS SELECT g AS id,
            lpad((g::bigint * 7919 % 999999999999)::text, 12, '0') AS iin,
            'Нұрсұлтанов' || (g % 997) AS familiya, 'Әлихан' || (g % 89) AS imya,
            date '1940-01-01' + (g % 30000) AS data_rozhd, ((g * 31) % 1000000)::numeric(14, 2) AS summa
            FROM generate_series(1, {rows}) g""")
        db.execute(f"ALTER TABLE {SCHEMA}.persons ADD PRIMARY KEY (id)")
        db.execute(f"ANALYZE {SCHEMA}.persons")


def prepare_mysql(rows: int) -> None:
    import pymysql

    db = pymysql.connect(host="127.0.0.1", port=3306, user="root", password="", autocommit=True, charset="utf8mb4")
    with db.cursor() as cur:
        cur.execute(f"CREATE DATABASE IF NOT EXISTS {SCHEMA} CHARACTER SET utf8mb4")
        cur.execute(f"USE {SCHEMA}")
        cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s AND table_name = "
                    "'persons'", (SCHEMA,))
        if (cur.fetchone() or (0,))[0]:
            cur.execute(f"SELECT count(*) FROM {SCHEMA}.persons")
            if (cur.fetchone() or (0,))[0] == rows:
                return
        cur.execute(f"DROP TABLE IF EXISTS {SCHEMA}.persons")
        cur.execute(f"CREATE TABLE {SCHEMA}.persons (id INT PRIMARY KEY, iin CHAR(12), familiya VARCHAR(40), "
                    f"imya VARCHAR(40), data_rozhd DATE, summa DECIMAL(14, 2))")
        cur.execute(f"INSERT INTO {SCHEMA}.persons SELECT seq, LPAD(seq * 7919 % 999999999999, 12, '0'), "
                    f"CONCAT('Нұрсұлтанов', seq % 997), CONCAT('Әлихан', seq % 89), "
                    f"DATE_ADD('1940-01-01', INTERVAL seq % 30000 DAY), (seq * 31) % 1000000 FROM seq_1_to_{rows}")
    db.close()


def peer_postgres() -> float:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(PG_URL) as db, db.cursor() as cur, cur.copy(
            f"COPY (SELECT {COLUMNS} FROM {SCHEMA}.persons) TO STDOUT (FORMAT binary)") as copy:
        for _ in copy:
            pass
    return time.perf_counter() - started


def peer_mysql() -> float:
    import connectorx as cx

    started = time.perf_counter()
    reader = cx.read_sql(f"mysql://root:@127.0.0.1:3306/{SCHEMA}", f"SELECT {COLUMNS} FROM persons",
                         return_type="arrow_stream", batch_size=100_000)
    for _ in reader:
        pass
    return time.perf_counter() - started


def ukimet(kind: str) -> tuple[float, int]:
    from ukimet.connect.sources import SourceSpec, add_source
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.sync.engine import Syncer

    home = Path(tempfile.mkdtemp(prefix="ukimet-bench-"))
    try:
        config = Settings(home=home)
        engine = connect_metadata(config)
        url = PG_URL if kind == "postgres" else f"mysql://root@127.0.0.1:3306/{SCHEMA}"
        add_source(engine, SourceSpec("bench", kind, url, SCHEMA))  # type: ignore[arg-type]
        started = time.perf_counter()
        result = Syncer(engine, config).sync(["bench"])[0]
        seconds = time.perf_counter() - started
        if result.status != "done":
            raise SystemExit(f"sync failed: {result.error}")
        return seconds, result.tables[0].rows_written
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    report: dict[str, Any] = {"rows": args.rows, "repeat": args.repeat}
    for kind, prepare, peer, peer_name in (("postgres", prepare_postgres, peer_postgres, "COPY TO STDOUT binary"),
                                           ("mysql", prepare_mysql, peer_mysql, "bulk SELECT via ConnectorX")):
        print(f"{kind}: preparing {args.rows:,} rows ...", flush=True)
        prepare(args.rows)
        peer_times, ukimet_times = [], []
        for i in range(args.repeat):
            peer_times.append(peer())
            seconds, written = ukimet(kind)
            assert written == args.rows, written
            ukimet_times.append(seconds)
            print(f"  trial {i + 1}: peer {peer_times[-1]:.1f} s, ukimet {seconds:.1f} s", flush=True)
        peer_median, ukimet_median = statistics.median(peer_times), statistics.median(ukimet_times)
        report[kind] = {
            "peer": peer_name, "peer_median_seconds": round(peer_median, 2),
            "peer_rows_per_second": round(args.rows / peer_median),
            "ukimet_median_seconds": round(ukimet_median, 2),
            "ukimet_rows_per_second": round(args.rows / ukimet_median),
            "ukimet_share_of_peer_speed": round(peer_median / ukimet_median, 3),
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
