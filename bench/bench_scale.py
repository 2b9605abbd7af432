"""Benchmark: how the whole pipeline's cost grows with the country (issue 14, point 6: the demo pipeline at
1,000,000 persons on 2 cores / 24 GB within 30 minutes, 8 GB peak memory, temporary files no larger than the
store; the curve at 50 k, 200 k and 1 M persons).

Each stage runs in a process of its own, so that its peak memory is its own: the synthetic country
(``build_country``), registering and syncing every source (``Syncer.sync``), linkage (``link_store``) and the
analytics mart (``build_mart``). Meanwhile the parent samples, every half second, the size of the store's
temporary folders (DuckDB's spill files and the sync's staging files) and of the lake's scratch schema (working
tables the linkage keeps there until it drops them are temporary disk too); at the end of each stage it notes the
store's size. The peer is the stage's own input: time and memory per person, so that a
curve that bends upwards shows as a growing per-person figure.

    PYTHONPATH=src python bench/bench_scale.py --persons 50000 200000 [--keep DIR]

Writes bench/results/scale.json and bench/results/scale.svg (time and peak memory per stage against persons).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"
STAGES = ("synth", "sync", "link", "mart")
AS_OF = dt.date(2026, 1, 1)


def _size(path: Path) -> int:
    if not path.exists():
        return 0
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def stage(name: str, out: Path, persons: int) -> None:
    """Run one stage here (in the child process) and print its time and peak memory as JSON."""
    started = time.perf_counter()
    if name == "synth":
        from ukimet.synth import SynthConfig, build_country

        build_country(SynthConfig(persons=persons, seed=7, workers=len(os.sched_getaffinity(0))), out)  # as the demo
    else:
        from ukimet.core.metadata import connect_metadata
        from ukimet.core.settings import Settings

        config = Settings(home=out / ".ukimet")
        engine = connect_metadata(config)
        if name == "sync":
            from ukimet.cli.demo import register_country
            from ukimet.sync.engine import Syncer
            from ukimet.synth import Manifest

            register_country(engine, config, Manifest.load(out))
            failed = [r.source for r in Syncer(engine, config).sync() if r.status != "done"]
            if failed:
                raise SystemExit(f"sources that failed to sync: {failed}")
        elif name == "link":
            from ukimet.link.api import link_store

            link_store(config)
        else:
            from ukimet.model.mart import build_mart
            from ukimet.sync.store import open_store

            con = open_store(config.resolved_store_path(), memory_limit=config.work_memory_limit)
            try:
                build_mart(con, engine, AS_OF)
            finally:
                con.close()
    print(json.dumps({"seconds": round(time.perf_counter() - started, 1),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


def _measured(name: str, out: Path, persons: int) -> dict[str, Any]:
    home = out / ".ukimet"
    temporary = [home / "store.ducklake.tmp", home / "store.ducklake.staging"]
    scratch = home / "store.ducklake.files" / "_scratch"  # sync.store.SCRATCH_SCHEMA
    peak_temp = peak_spill = peak_scratch = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak_temp, peak_spill, peak_scratch
        while not done.wait(0.5):
            with contextlib.suppress(OSError):  # a file deleted while it is measured
                spill, work = sum(_size(p) for p in temporary), _size(scratch)
                peak_temp, peak_spill, peak_scratch = (max(peak_temp, spill + work), max(peak_spill, spill),
                                                       max(peak_scratch, work))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    child = subprocess.run([sys.executable, __file__, "--stage", name, "--out", str(out), "--persons", str(persons)],
                           capture_output=True, text=True, check=False, env={**os.environ, "UKIMET_HOME": str(home)})
    done.set()
    watcher.join()
    if child.returncode != 0:
        raise SystemExit(f"stage {name} at {persons:,} persons failed:\n{child.stderr[-3000:]}")
    said = json.loads(child.stdout.strip().splitlines()[-1])
    store = _size(home / "store.ducklake.files") + _size(home / "store.ducklake")
    return {"stage": name, **said, "peak_temp_mb": round(peak_temp / 2**20, 1),
            "peak_spill_mb": round(peak_spill / 2**20, 1), "peak_lake_scratch_mb": round(peak_scratch / 2**20, 1),
            "store_mb": round(store / 2**20, 1),
            "seconds_per_1000_persons": round(said["seconds"] / persons * 1000, 3),
            "peak_rss_kb_per_person": round(said["peak_rss_mb"] * 1024 / persons, 2)}


def _chart(results: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    sizes = [r["persons"] for r in results]
    for name in STAGES:
        left.plot(sizes, [next(s["seconds"] for s in r["stages"] if s["stage"] == name) for r in results],
                  marker="o", label=name)
        right.plot(sizes, [next(s["peak_rss_mb"] for s in r["stages"] if s["stage"] == name) for r in results],
                   marker="o", label=name)
    for axis, title in ((left, "seconds per stage"), (right, "peak memory per stage, MB")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("persons")
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
    left.legend()
    fig.suptitle("ukimet pipeline cost by country size (2 cores)")
    fig.tight_layout()
    fig.savefig(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--keep", type=Path, help="build the countries under this folder and keep them")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stage(args.stage, args.out, args.persons[0])
        return
    root = args.keep or Path(tempfile.mkdtemp(prefix="ukimet-scale-"))
    results = []
    try:
        for persons in args.persons:
            out = root / f"country-{persons}"
            shutil.rmtree(out, ignore_errors=True)
            stages = []
            for name in STAGES:
                stages.append(_measured(name, out, persons))
                print(json.dumps({"persons": persons, **stages[-1]}), flush=True)
            results.append({"persons": persons, "total_seconds": round(sum(s["seconds"] for s in stages), 1),
                            "peak_rss_mb": max(s["peak_rss_mb"] for s in stages),
                            "peak_temp_mb": max(s["peak_temp_mb"] for s in stages),
                            "store_mb": stages[-1]["store_mb"], "stages": stages})
            if args.keep is None:
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps({
        "python": sys.version.split()[0], "machine": platform.machine(), "cores": os.cpu_count(),
        "command": " ".join(sys.argv), "load_average_at_end": os.getloadavg(), "results": results}, indent=2) + "\n")
    _chart(results, RESULTS / "scale.svg")
    print(f"written {RESULTS / 'scale.json'} and {RESULTS / 'scale.svg'}")


if __name__ == "__main__":
    main()
