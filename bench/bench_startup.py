"""Benchmark: how fast the command line starts (issue 14, point 5: <= 0.5 s), against peers in the same run.

- floor: `python -c pass`, the interpreter alone;
- peers: `python -c "import typer"` (the framework the command line is built on) and `python -m pip --version`
  (a command line everyone has);
- ukimet: `ukimet --help`, `ukimet ask --help`, and the imports `ukimet ask` needs before its first real work
  (settings, metadata store, gateway, the question parser): the rest of an answer is the store's and the
  gateway's work, measured by bench/bench_web.py.

Each is a fresh process, timed wall to wall; the median of --repeat runs (default 7) after one warm-up run.
`--baseline SRC` times the same ukimet commands from another checkout's src (e.g. main's) in the same run.

    python bench/bench_startup.py [--repeat 7] [--baseline /path/to/main/src]

Writes bench/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "startup.json"
SOURCE = Path(__file__).resolve().parents[1] / "src"
TARGET = 0.5
ASK_IMPORTS = ("import ukimet.cli.main, ukimet.core.settings, ukimet.core.metadata, ukimet.gateway.api, "
               "ukimet.apps.questions")
CLI = "from ukimet.cli.main import app; app(prog_name='ukimet')"
"""the console script's own entry point, run from the source tree given (the installed script may be another's)"""


def peers() -> dict[str, list[str]]:
    python = sys.executable
    return {"floor: python -c pass": [python, "-c", "pass"],
            "peer: python -c 'import typer'": [python, "-c", "import typer"],
            "peer: python -m pip --version": [python, "-m", "pip", "--version"]}


def ukimet(source: Path) -> dict[str, tuple[list[str], Path]]:
    python = sys.executable
    return {"ukimet --help": ([python, "-c", CLI, "--help"], source),
            "ukimet ask --help": ([python, "-c", CLI, "ask", "--help"], source),
            "ukimet ask: imports before the first real work": ([python, "-c", ASK_IMPORTS], source)}


def median_seconds(command: list[str], source: Path | None, repeat: int) -> dict[str, Any]:
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    times = []
    for trial in range(repeat + 1):
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if trial:  # the first run warms the file cache and compiles the bytecode
            times.append(time.perf_counter() - started)
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="another checkout's src to time beside this one")
    args = parser.parse_args()
    measured: dict[str, Any] = {}
    for name, command in peers().items():
        measured[name] = median_seconds(command, None, args.repeat)
    for name, (command, source) in ukimet(SOURCE).items():
        measured[name] = median_seconds(command, source, args.repeat)
    if args.baseline:
        for name, (command, source) in ukimet(args.baseline).items():
            measured[f"baseline {name}"] = median_seconds(command, source, args.repeat)
    help_s = measured["ukimet --help"]["median_s"]
    report = {"target_s": TARGET, "met": help_s <= TARGET and measured["ukimet ask --help"]["median_s"] <= TARGET,
              "repeat": args.repeat, "baseline": str(args.baseline) if args.baseline else None,
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "load_1min": round(os.getloadavg()[0], 2)},
              "commands": measured}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
