"""Benchmark: `ukimet synth` before and after a change, the same command in the same run.

Each side runs the CLI in its own process under GNU time (`/usr/bin/time -v`) with its own source tree first on
PYTHONPATH; persons/s is taken from the build time in the manifest (the overview chart is not counted), peak
memory from time's maximum resident set size (of the largest single process: with workers the sources are
written by two processes, each about this size).

    python bench/bench_synth_speed.py --before /tmp/main-src --persons 50000 --repeat 3

Writes bench/results/synth_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "synth_speed.json"
HERE = Path(__file__).resolve().parents[1] / "src"


def _run(src: Path, persons: int, seed: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "country"
        command = ["/usr/bin/time", "-v", sys.executable, "-m", "ukimet.cli.main", "synth", "--out", str(out),
                   "-n", str(persons), "--seed", str(seed)]
        env = {**os.environ, "PYTHONPATH": str(src)}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        seconds = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["seconds"]
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", done.stderr)
    return {"src": str(src), "persons": persons, "build_seconds": seconds,
            "persons_per_second": round(persons / seconds), "peak_rss_mb": round(int(rss.group(1)) / 1024, 1) if rss
            else None, "wall_clock": wall.group(1) if wall else None}


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return sorted(runs, key=lambda r: r["build_seconds"])[len(runs) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="src folder of the code before the change")
    parser.add_argument("--after", type=Path, default=HERE, help="src folder of the code after (this tree)")
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, alternating; the median is kept")
    args = parser.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    for _ in range(args.repeat):  # alternating, so that a busy spell on a shared machine hits both sides
        runs["before"].append(_run(args.before, args.persons, args.seed))
        runs["after"].append(_run(args.after, args.persons, args.seed))
    before, after = (_median(runs[side]) for side in ("before", "after"))
    result = {
        "machine": {"python": platform.python_version(), "arch": platform.machine(), "cpus": os.cpu_count()},
        "command": f"ukimet synth --out DIR -n {args.persons} --seed {args.seed} under /usr/bin/time -v",
        "before": before, "after": after,
        "runs_persons_per_second": {side: [r["persons_per_second"] for r in rs] for side, rs in runs.items()},
        "speedup": round(after["persons_per_second"] / before["persons_per_second"], 2),
        "target_persons_per_second": 8_000,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
