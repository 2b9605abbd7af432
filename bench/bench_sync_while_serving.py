"""Snapshot isolation, checked from outside: ``ukimet sync``, ``ukimet link`` and ``ukimet mart build`` run while
``ukimet serve`` answers a steady load, with no failed request and the new data visible afterwards without a
restart.

Written against the public interfaces only (the README, ``--help``, the command line and the REST API), never
against ukimet's code. What it does:

1. builds a demo home with ``ukimet demo --out DIR --persons N --no-serve`` (or reuses one with ``--reuse-home``)
   and creates analyst accounts (region 79, Shymkent) with API tokens (``ukimet user add``, ``ukimet user token``);
2. starts ``ukimet serve --workers 2`` on a free port;
3. runs a steady load for the whole run: load threads (one account each) cycle through ``POST /api/v1/ask``
   (a question, a differentially private count over the mart), ``POST /api/v1/query`` without a purpose (a
   private count of the population registry's addresses) and ``POST /api/v1/query`` with a purpose (three
   address rows, person level: no privacy budget); every status code and latency is kept;
4. while it runs, changes the population registry (``agencies/gbdfl.sqlite``, a SQLite source of the demo):
   appends new persons living in Shymkent (``fl_persons`` and ``fl_addresses``) and alters the registration date
   of one existing Shymkent address; then runs ``ukimet sync``, ``ukimet link`` and ``ukimet mart build``, one
   after the other, each as its own process, each of which must exit 0;
5. checks, with the server still up, that the change is visible through the API: the private count of addresses
   grew by the persons added, the question's count of Shymkent's people grew by them, and the three address rows
   show the new state;
6. adversarial part: tight-loop readers (no think time, accounts of their own) read the three address rows during
   every write, so that some reads land on the moment of publish: each answer must be the whole old state or the
   whole new one (never a mix), and never the old one again once the new one was seen by a request that ended
   before it started; then a second change and two syncs started a few seconds apart (``ukimet sync gbdfl``
   twice by default, the changed source; ``--double-sync-sources all`` for two bare ``ukimet sync``; both
   recorded, whatever they do), a recovery sync alone (must exit 0), and the store checked for corruption;
7. reads the store "as of" the snapshots taken before and after each write (DuckDB's ducklake extension at
   ``SNAPSHOT_VERSION``, read-only: ukimet documents no "as of" of its own), to see that the previous snapshot is
   still readable and what the private answers should have been.

Refusals for a limit (HTTP 429, or a question declined for the privacy budget or a daily limit) are counted
apart as expected refusals; every other non-2xx answer, a declined answer for any other reason, a connection
error or a timeout is a failed request. Server restarts are counted from the server's worker processes.

    PYTHONPATH=src .venv/bin/python bench/bench_sync_while_serving.py --persons 2000
    PYTHONPATH=src .venv/bin/python bench/bench_sync_while_serving.py --home /tmp/ssw-demo --reuse-home

Writes bench/results/sync_while_serving.json; exits 1 if a request failed, the new data was not visible, a
write step (sync, link, mart build, the recovery sync) failed, the store was found corrupted or the server
restarted.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import importlib.util
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from serving import wait_healthy

RESULTS = Path(__file__).parent / "results" / "sync_while_serving.json"
REGION = "79"  # Shymkent: the analysts' row filter (KATO prefix)
KATO = "790100100"
QUESTION = "How many people live in Shymkent?"
DP_SQL = "SELECT count(*) AS n FROM gbdfl.fl_addresses"
EXPECTED_DECLINE = re.compile(r"budget|limit|per_day", re.IGNORECASE)
TOKEN = re.compile(r"ukt_[A-Za-z0-9_\-]+")
TIGHT_ACCOUNTS = 3  # accounts per tight-loop reader
COUNT_TOLERANCE = 30  # two discrete-Laplace draws at epsilon 0.5 (scale 2) differ by more than 30 with p < 1e-6


# ---------------------------------------------------------------------------------------------------------------
# the command line


def ukimet_command() -> list[str]:
    """The ``ukimet`` entry point beside this interpreter, else ``python -m ukimet.cli.main``."""
    script = Path(sys.executable).parent / "ukimet"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ukimet.cli.main"]


@dataclass
class Step:
    """One process run by the benchmark: a write (sync, link, mart build) or a set-up command."""

    name: str
    argv: list[str]
    started: float = 0.0  # seconds since the run began
    ended: float = 0.0
    returncode: int | None = None
    errors: list[str] = field(default_factory=list)
    traceback: bool = False
    log: str = ""

    def report(self) -> dict[str, Any]:
        return {"command": " ".join(self.argv[-4:] if len(self.argv) > 4 else self.argv), "exit_code":
                self.returncode, "seconds": round(self.ended - self.started, 1), "started_at_s":
                round(self.started, 1), "ended_at_s": round(self.ended, 1), "error_lines": self.errors[:20],
                "printed_a_traceback": self.traceback, "log": self.log}


class Runner:
    """Runs ukimet commands against one home, keeping their output in a log folder."""

    def __init__(self, home: Path, logs: Path, t0: float) -> None:
        self.home = home
        self.logs = logs
        self.t0 = t0
        self.env = {**os.environ, "UKIMET_HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1"}
        self.env.pop("UKIMET_TOKEN", None)
        self.cmd = ukimet_command()

    def now(self) -> float:
        return time.monotonic() - self.t0

    def start(self, name: str, *args: str) -> tuple[Step, subprocess.Popen[bytes]]:
        step = Step(name, [*self.cmd, *args])
        step.log = str(self.logs / f"{name}.log")
        with Path(step.log).open("wb") as out:
            step.started = self.now()
            proc = subprocess.Popen(step.argv, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        return step, proc

    def finish(self, step: Step, proc: subprocess.Popen[bytes]) -> Step:
        step.returncode = proc.wait()
        step.ended = self.now()
        text = Path(step.log).read_text(encoding="utf-8", errors="replace")
        step.traceback = "Traceback (most recent call last)" in text
        keep = re.compile(r"^(error:|\[SQL:|Failed |[A-Za-z_.]+(Error|Exception): )|│ failed ")
        step.errors = [" ".join(line.replace("│", " ").split()) for line in text.splitlines() if keep.search(line)]
        return step

    def run(self, name: str, *args: str) -> Step:
        return self.finish(*self.start(name, *args))

    def output(self, *args: str) -> str:
        done = subprocess.run([*self.cmd, *args], env=self.env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"ukimet {' '.join(args)} failed ({done.returncode}): {done.stdout}{done.stderr}")
        return done.stdout


# ---------------------------------------------------------------------------------------------------------------
# the agency change: new persons in Shymkent, one address altered


def iin_check_digit(first11: str) -> int | None:
    """The published IIN control digit: weights 1..11, else 3..11,1,2; None when it cannot be made."""
    digits = [int(c) for c in first11]
    total = sum(w * d for w, d in zip(range(1, 12), digits, strict=True)) % 11
    if total == 10:
        total = sum(w * d for w, d in zip([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], digits, strict=True)) % 11
        if total == 10:
            return None
    return total


def new_iin(rng: random.Random, taken: set[str]) -> tuple[str, str, str]:
    """A valid IIN nobody in the registry has, with its date of birth and sex."""
    while True:
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(14_600))
        sex = rng.choice("МЖ")
        century = (3 if sex == "М" else 4) if born.year < 2000 else (5 if sex == "М" else 6)
        first11 = f"{born:%y%m%d}{century}{rng.randrange(7000, 10_000):04d}"
        check = iin_check_digit(first11)
        if check is not None and (iin := f"{first11}{check}") not in taken:
            taken.add(iin)
            return iin, born.isoformat(), sex


@dataclass
class Change:
    """What one change to the population registry did."""

    persons: int
    first_id_adr: int
    altered_id_adr: int
    altered_from: str
    altered_to: str
    marker_id_adr: int


FIRST_NAMES = {"М": ["Ерлан", "Нұрлан", "Дәурен", "Асқар", "Бауыржан"], "Ж": ["Айгүл", "Гүлнар", "Мәдина", "Әсел"]}


def change_registry(db: Path, persons: int, altered_id: int, new_date: str, seed: int) -> Change:
    """Append PERSONS people living in Shymkent and move one address's registration date, in one transaction."""
    rng = random.Random(seed)
    con = sqlite3.connect(db, timeout=30)
    try:
        taken = {r[0] for r in con.execute("SELECT iin FROM fl_persons UNION SELECT iin FROM fl_addresses")
                 if r[0]}
        next_fl = con.execute("SELECT max(id_fl) FROM fl_persons").fetchone()[0] + 1
        next_adr = con.execute("SELECT max(id_adr) FROM fl_addresses").fetchone()[0] + 1
        before = con.execute("SELECT data_registracii FROM fl_addresses WHERE id_adr = ?", [altered_id]).fetchone()[0]
        with con:
            for n in range(persons):
                iin, born, sex = new_iin(rng, taken)
                surname = "Бенчмарков" if sex == "М" else "Бенчмаркова"
                con.execute("INSERT INTO fl_persons (id_fl, iin, familiya, imya, otchestvo, data_rozhdeniya, pol, "
                            "natsionalnost, status, data_smerti, telefon) VALUES (?, ?, ?, ?, NULL, ?, ?, 'казах', "
                            "'активен', NULL, ?)", [next_fl + n, iin, surname, rng.choice(FIRST_NAMES[sex]), born,
                                                   sex, f"+7707{rng.randrange(10**7):07d}"])
                con.execute("INSERT INTO fl_addresses (id_adr, id_fl, iin, kato, adres, data_registracii) VALUES "
                            "(?, ?, ?, ?, ?, ?)", [next_adr + n, next_fl + n, iin, KATO,
                                                   f"г. Шымкент, ул. Тестовая, д. {next_adr + n}", new_date])
            con.execute("UPDATE fl_addresses SET data_registracii = ? WHERE id_adr = ?", [new_date, altered_id])
    finally:
        con.close()
    return Change(persons, next_adr, altered_id, str(before), new_date, next_adr)


# ---------------------------------------------------------------------------------------------------------------
# the load


@dataclass
class Sample:
    kind: str  # ask | dp_query | rows_query
    thread: str
    start: float
    end: float
    status: int  # 0: no HTTP answer (connection error, timeout)
    outcome: str  # ok | refused | failed
    detail: str = ""
    value: Any = None  # the count, or the rows


@dataclass
class Shared:
    t0: float
    base: str
    rows_sql: str = ""
    stop: threading.Event = field(default_factory=threading.Event)
    tight_stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    samples: list[Sample] = field(default_factory=list)

    def now(self) -> float:
        return time.monotonic() - self.t0


def call(shared: Shared, client: httpx.Client, token: str, kind: str, thread: str) -> Sample:
    headers = {"Authorization": f"Bearer {token}"}
    if kind == "ask":
        path, body = "/api/v1/ask", {"question": QUESTION}
    elif kind == "dp_query":
        path, body = "/api/v1/query", {"sql": DP_SQL}
    else:
        path, body = "/api/v1/query", {"sql": shared.rows_sql, "purpose": "snapshot isolation check (bench)"}
    start = shared.now()
    try:
        r = client.post(path, json=body, headers=headers)
    except httpx.HTTPError as exc:
        return Sample(kind, thread, start, shared.now(), 0, "failed", f"{type(exc).__name__}: {exc}")
    end = shared.now()
    try:
        data: Any = r.json()
    except ValueError:
        data = None
    if r.status_code // 100 == 2 and isinstance(data, dict):
        declined = data.get("declined")
        if declined:
            ident = str(data.get("declined_id"))
            outcome = "refused" if EXPECTED_DECLINE.search(ident) else "failed"
            return Sample(kind, thread, start, end, r.status_code, outcome, f"declined {ident}: {declined}")
        rows = data.get("rows") or []
        value: Any = rows if kind == "rows_query" else (rows[0][0] if rows and rows[0] else None)
        return Sample(kind, thread, start, end, r.status_code, "ok", "", value)
    error = data.get("error", {}) if isinstance(data, dict) else {}
    detail = f"{error.get('id')}: {error.get('what')}: {error.get('why')}" if error else r.text[:300]
    outcome = "refused" if r.status_code == 429 else "failed"
    return Sample(kind, thread, start, end, r.status_code, outcome, detail)


def load_thread(shared: Shared, token: str, name: str, think: float, timeout: float) -> None:
    kinds = ["ask", "dp_query", "rows_query"]
    with httpx.Client(base_url=shared.base, timeout=timeout) as client:
        i = random.Random(name).randrange(3)
        while not shared.stop.is_set():
            sample = call(shared, client, token, kinds[i % 3], name)
            with shared.lock:
                shared.samples.append(sample)
            i += 1
            shared.stop.wait(think)


def tight_thread(shared: Shared, tokens: list[str], name: str, timeout: float) -> None:
    """No think time; the accounts take turns so that no one reaches max_rows_per_day."""
    with httpx.Client(base_url=shared.base, timeout=timeout) as client:
        i = 0
        while not shared.tight_stop.is_set() and not shared.stop.is_set():
            sample = call(shared, client, tokens[i % len(tokens)], "rows_query", name)
            i += 1
            with shared.lock:
                shared.samples.append(sample)


# ---------------------------------------------------------------------------------------------------------------
# the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for c in children:
                if int(c) not in found:
                    found.add(int(c))
                    todo.append(int(c))
    return found


class ServerWatch(threading.Thread):
    """Samples the server's process tree every half second: a worker replaced or the server gone is a restart."""

    def __init__(self, server: subprocess.Popen[bytes]) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.initial = descendants(server.pid)
        self.seen = set(self.initial)
        self.gone: set[int] = set()
        self.server_exit: int | None = None
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.wait(0.5):
            if self.server.poll() is not None:
                self.server_exit = self.server.returncode
                return
            now = descendants(self.server.pid)
            self.gone |= self.seen - now
            self.seen |= now

    def report(self) -> dict[str, Any]:
        new = self.seen - self.initial
        return {"server_pid": self.server.pid, "initial_children": sorted(self.initial),
                "children_started_later": sorted(new), "children_gone": sorted(self.gone),
                "server_exited_with": self.server_exit,
                "restarts": len(new) + (1 if self.server_exit is not None else 0)}


# ---------------------------------------------------------------------------------------------------------------
# the store, read as of a snapshot (DuckLake: a SQLite catalog beside Parquet files)


def catalog_path(home: Path) -> Path | None:
    found = sorted(home.glob("store.ducklake"))
    return found[0] if found else None


def snapshot_id(home: Path) -> int | None:
    catalog = catalog_path(home)
    if catalog is None:
        return None
    con = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True, timeout=10)
    try:
        return int(con.execute("SELECT max(snapshot_id) FROM ducklake_snapshot").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        con.close()


def extension(package: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{package} is not installed")
    return str(next(Path(next(iter(spec.submodule_search_locations))).glob("extensions/*/*.duckdb_extension")))


def store_as_of(home: Path, snapshots: dict[str, int | None]) -> dict[str, Any]:
    """Exact counts in the store at each recorded snapshot, read-only."""
    import duckdb

    catalog = catalog_path(home)
    if catalog is None:
        return {"error": "no store.ducklake in the home"}
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    out: dict[str, Any] = {"how": "duckdb ducklake extension, ATTACH ... (READ_ONLY, SNAPSHOT_VERSION n)"}
    try:
        con.execute(f"LOAD '{extension('duckdb_extension_sqlite_scanner')}'")
        con.execute(f"LOAD '{extension('duckdb_extension_ducklake')}'")
        for label, snap in snapshots.items():
            if snap is None:
                continue
            alias = f"s{snap}"
            try:
                con.execute(f"ATTACH 'ducklake:sqlite:{catalog}' AS {alias} (READ_ONLY, SNAPSHOT_VERSION {snap})")
                addresses, distinct, shymkent = con.execute(
                    f"SELECT count(*), count(DISTINCT id_adr), count(*) FILTER (WHERE kato LIKE '{REGION}%') "
                    f"FROM {alias}.gbdfl.fl_addresses").fetchone() or (None, None, None)
                entry: dict[str, Any] = {"snapshot": snap, "fl_addresses": addresses,
                                         "fl_addresses_duplicate_keys": (addresses or 0) - (distinct or 0),
                                         "fl_addresses_shymkent": shymkent}
                try:
                    row = con.execute(f"SELECT count(*) FROM {alias}.mart.persons WHERE alive AND region = "
                                      f"'{REGION}'").fetchone()
                    entry["mart_persons_shymkent_alive"] = row[0] if row else None
                except duckdb.Error as exc:
                    entry["mart_persons_shymkent_alive"] = f"{type(exc).__name__}: {exc}"
                out[label] = entry
            except duckdb.Error as exc:
                out[label] = {"snapshot": snap, "error": f"{type(exc).__name__}: {exc}"}
    except (duckdb.Error, RuntimeError, StopIteration) as exc:
        out["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        con.close()
    return out


# ---------------------------------------------------------------------------------------------------------------
# analysis


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latency(samples: list[Sample]) -> dict[str, Any]:
    ms = [(s.end - s.start) * 1000 for s in samples if s.status]
    def rounded(v: float | None) -> float | None:
        return round(v, 1) if v is not None else None
    span = (max(s.end for s in samples) - min(s.start for s in samples)) if samples else 0.0
    return {"requests": len(samples), "per_second": round(len(samples) / span, 2) if span else None,
            "ok": sum(s.outcome == "ok" for s in samples),
            "refused": sum(s.outcome == "refused" for s in samples),
            "failed": sum(s.outcome == "failed" for s in samples),
            "p50_ms": rounded(percentile(ms, 0.5)), "p95_ms": rounded(percentile(ms, 0.95)),
            "max_ms": rounded(max(ms) if ms else None)}


def rows_state(rows: Any, expected: list[dict[int, str]]) -> int | None:
    """Which expected state (0 before any change, 1 after the first, 2 after the second) the rows are, or None."""
    try:
        got = {int(r[0]): str(r[1])[:10] for r in rows}
    except (TypeError, ValueError, IndexError):
        return None
    for index, state in enumerate(expected):
        if got == state:
            return index
    return None


def isolation(samples: list[Sample], expected: list[dict[int, str]],
              targets: dict[str, tuple[float, int | None]]) -> dict[str, Any]:
    reads = sorted((s for s in samples if s.kind == "rows_query" and s.outcome == "ok"), key=lambda s: s.end)
    states = [rows_state(s.value, expected) for s in reads]
    torn = [{"at_s": round(s.start, 3), "rows": s.value} for s, st in zip(reads, states, strict=True) if st is None]
    # a regression: an older state answered to a request that started after another request had ended with a newer
    ends = [s.end for s in reads]
    prefix_max: list[int] = []
    best = -1
    for st in states:
        best = max(best, st if st is not None else -1)
        prefix_max.append(best)
    regressions = []
    for s, st in zip(reads, states, strict=True):
        k = bisect.bisect_left(ends, s.start)
        if st is not None and k > 0 and prefix_max[k - 1] > st:
            regressions.append({"at_s": round(s.start, 3), "state": st, "newer_seen": prefix_max[k - 1],
                                "thread": s.thread})
    counts: dict[str, int] = {}
    for st in states:
        counts[str(st)] = counts.get(str(st), 0) + 1
    seen_first = {}
    for s, st in zip(reads, states, strict=True):
        if st is not None and str(st) not in seen_first:
            seen_first[str(st)] = round(s.end, 3)
    stale = {}
    for name, (ended, target) in targets.items():
        if target is None:
            continue
        late = [s for s, st in zip(reads, states, strict=True) if st is not None and st < target and s.start > ended]
        stale[name] = {"state_after": target, "reads_started_after_exit_with_older_state": len(late),
                       "last_such_read_at_s": round(max(s.start for s in late), 3) if late else None,
                       "writer_exited_at_s": round(ended, 3)}
    return {"reads": len(reads), "reads_by_state": counts, "first_seen_at_s": seen_first,
            "torn_reads": len(torn), "torn_examples": torn[:5], "regressions": len(regressions),
            "regression_examples": regressions[:5], "stale_after_writer_exit": stale}


# ---------------------------------------------------------------------------------------------------------------


def make_accounts(runner: Runner, run_id: str, kind: str, count: int) -> list[str]:
    tokens = []
    for i in range(count):
        name = f"ssw-{run_id}-{kind}-{i}"
        runner.output("user", "add", name, "--role", "analyst", "--org", "Akimat: Shymkent (bench)", "--region",
                      REGION)
        found = TOKEN.search(runner.output("user", "token", name, "--days", "1"))
        if not found:
            raise SystemExit(f"no token printed for {name}")
        tokens.append(found.group(0))
    return tokens


def check(shared: Shared, token: str, kind: str) -> Sample:
    with httpx.Client(base_url=shared.base, timeout=120) as client:
        sample = call(shared, client, token, kind, "checker")
    with shared.lock:
        shared.samples.append(sample)
    return sample


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--home", type=Path, help="demo folder (built here unless --reuse-home); default: a temp one")
    parser.add_argument("--reuse-home", action="store_true", help="the folder already holds a demo: do not build")
    parser.add_argument("--persons", type=int, default=2000, help="persons in the demo country")
    parser.add_argument("--workers", type=int, default=2, help="ukimet serve --workers")
    parser.add_argument("--threads", type=int, default=8, help="steady load threads")
    parser.add_argument("--tight", type=int, default=2, help="tight-loop reader threads during the writes")
    parser.add_argument("--think", type=float, default=0.2, help="seconds between a load thread's requests")
    parser.add_argument("--timeout", type=float, default=60.0, help="a request slower than this has failed")
    parser.add_argument("--before", type=float, default=20.0, help="seconds of load before the first write")
    parser.add_argument("--after", type=float, default=20.0, help="seconds of load after the last write")
    parser.add_argument("--add", type=int, default=200, help="persons added to Shymkent by the first change")
    parser.add_argument("--add-second", type=int, default=50, help="persons added by the second change")
    parser.add_argument("--second-sync-delay", type=float, default=5.0,
                        help="seconds between the two concurrent syncs")
    parser.add_argument("--double-sync-sources", default="gbdfl",
                        help="what the two concurrent syncs and the recovery sync name: comma-separated sources, "
                             "or 'all' for a bare 'ukimet sync' (default: the changed source)")
    parser.add_argument("--no-double-sync", action="store_true", help="skip the two concurrent syncs")
    parser.add_argument("--keep", action="store_true", help="keep a temporary home")
    args = parser.parse_args()

    temp = args.home is None
    folder: Path = Path(tempfile.mkdtemp(prefix="ukimet-ssw-")) / "demo" if temp else args.home.resolve()
    t0 = time.monotonic()
    logs = Path(tempfile.mkdtemp(prefix="ukimet-ssw-logs-"))
    home = folder / ".ukimet"
    runner = Runner(home, logs, t0)
    report: dict[str, Any] = {"persons": args.persons, "workers": args.workers, "threads": args.threads,
                              "tight_threads": args.tight, "think_s": args.think, "home": str(folder),
                              "logs": str(logs)}
    if not args.reuse_home:
        demo = runner.run("demo", "demo", "--out", str(folder), "--persons", str(args.persons), "--no-serve")
        report["demo"] = demo.report()
        if demo.returncode != 0:
            raise SystemExit(f"ukimet demo failed, see {demo.log}")
    registry = folder / "agencies" / "gbdfl.sqlite"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for source in manifest["sources"]:
        if source["code"] == "gbdfl":
            registry = Path(source["location"])
    if registry.suffix != ".sqlite" or not registry.exists():
        raise SystemExit(f"the population registry is not a SQLite file here: {registry}")

    run_id = f"{int(time.time()) % 10**6:06d}"
    load_tokens = make_accounts(runner, run_id, "load", args.threads)
    tight_tokens = make_accounts(runner, run_id, "tight", args.tight * TIGHT_ACCOUNTS)
    (checker,) = make_accounts(runner, run_id, "check", 1)

    con = sqlite3.connect(registry)
    altered_id, d0 = con.execute("SELECT id_adr, data_registracii FROM fl_addresses WHERE kato LIKE ? "
                                 "ORDER BY id_adr LIMIT 1", [f"{REGION}%"]).fetchone()
    next_adr = con.execute("SELECT max(id_adr) FROM fl_addresses").fetchone()[0] + 1
    con.close()
    rng = random.Random(run_id)
    d1 = (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(365))).isoformat()
    d2 = (dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))).isoformat()
    marker1, marker2 = next_adr, next_adr + args.add
    expected = [{altered_id: str(d0)}, {altered_id: d1, marker1: d1}, {altered_id: d2, marker1: d1, marker2: d2}]

    port = free_port()
    server_log = logs / "serve.log"
    with server_log.open("wb") as out:
        server = subprocess.Popen([*runner.cmd, "serve", "--port", str(port), "--workers", str(args.workers)],
                                  env=runner.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    wait_healthy(base, server, server_log)
    time.sleep(2)  # every worker up
    watch = ServerWatch(server)
    watch.start()
    shared = Shared(t0, base, rows_sql=f"SELECT id_adr, data_registracii FROM gbdfl.fl_addresses WHERE id_adr IN "
                                        f"({altered_id}, {marker1}, {marker2}) ORDER BY id_adr")
    snapshots: dict[str, int | None] = {"before": snapshot_id(home)}
    checks: dict[str, Any] = {}
    # when each sync (or the pair of concurrent syncs) ended, and the state the checker read right after it
    targets: dict[str, tuple[float, int | None]] = {}
    steps: list[Step] = []
    marks: dict[str, float] = {}
    threads = [threading.Thread(target=load_thread, args=(shared, tok, f"load-{i}", args.think, args.timeout),
                                daemon=True) for i, tok in enumerate(load_tokens)]
    try:
        marks["load_started"] = shared.now()
        for t in threads:
            t.start()
        checks["before"] = {"dp_count": check(shared, checker, "dp_query").value,
                            "ask_count": check(shared, checker, "ask").value,
                            "rows_state": rows_state(check(shared, checker, "rows_query").value, expected)}
        time.sleep(args.before)

        # the first change, then sync, link and mart build, one after the other, tight readers running
        marks["writes_started"] = shared.now()
        tight = [threading.Thread(target=tight_thread, args=(shared, tight_tokens[i::args.tight], f"tight-{i}",
                                                             args.timeout), daemon=True) for i in range(args.tight)]
        for t in tight:
            t.start()
        first = change_registry(registry, args.add, altered_id, d1, seed=int(run_id))
        report["first_change"] = first.__dict__
        mart = ["mart", "build", "--as-of", str(manifest["reference_date"])]
        for name, argv in (("sync", ["sync"]), ("link", ["link"]), ("mart", mart)):
            step = runner.run(name, *argv)
            steps.append(step)
            snapshots[f"after_{name}"] = snapshot_id(home)
            if name == "sync":
                checks["after_sync"] = {
                    "dp_count": check(shared, checker, "dp_query").value,
                    "rows_state": rows_state(check(shared, checker, "rows_query").value, expected)}
                targets[name] = (step.ended, checks["after_sync"]["rows_state"])
        checks["after_mart"] = {"ask_count": check(shared, checker, "ask").value,
                                "dp_count": check(shared, checker, "dp_query").value,
                                "rows_state": rows_state(check(shared, checker, "rows_query").value, expected)}
        marks["first_writes_ended"] = shared.now()

        # adversarial: a second change, two syncs at once, then a recovery sync alone
        if not args.no_double_sync:
            second = change_registry(registry, args.add_second, altered_id, d2, seed=int(run_id) + 1)
            report["second_change"] = second.__dict__
            which = [] if args.double_sync_sources == "all" else args.double_sync_sources.split(",")
            step_a, proc_a = runner.start("double_sync_a", "sync", *which)
            time.sleep(args.second_sync_delay)
            step_b, proc_b = runner.start("double_sync_b", "sync", *which)
            steps += [runner.finish(step_a, proc_a), runner.finish(step_b, proc_b)]
            snapshots["after_double_sync"] = snapshot_id(home)
            checks["after_double_sync"] = {
                "dp_count": check(shared, checker, "dp_query").value,
                "rows_state": rows_state(check(shared, checker, "rows_query").value, expected)}
            targets["double_sync_both_ended"] = (max(step_a.ended, step_b.ended),
                                                 checks["after_double_sync"]["rows_state"])
            steps.append(runner.run("recovery_sync", "sync", *which))
            snapshots["after_recovery_sync"] = snapshot_id(home)
            checks["after_recovery_sync"] = {
                "dp_count": check(shared, checker, "dp_query").value,
                "rows_state": rows_state(check(shared, checker, "rows_query").value, expected)}
            targets["recovery_sync"] = (steps[-1].ended, checks["after_recovery_sync"]["rows_state"])
        marks["writes_ended"] = shared.now()
        for t in tight:
            shared.tight_stop.set()
            t.join()
        time.sleep(args.after)
        checks["end"] = {"dp_count": check(shared, checker, "dp_query").value,
                         "ask_count": check(shared, checker, "ask").value,
                         "rows_state": rows_state(check(shared, checker, "rows_query").value, expected)}
        marks["load_ended"] = shared.now()
    finally:
        shared.stop.set()
        for t in threads:
            t.join(timeout=args.timeout + 5)
        watch.halt.set()
        watch.join()
        server_alive = server.poll() is None
        if server_alive:
            os.killpg(server.pid, 15)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, 9)
                server.wait()

    samples = shared.samples
    load = [s for s in samples if s.thread.startswith("load")]
    phases: dict[str, tuple[float, float]] = {"before": (marks["load_started"], marks["writes_started"])}
    for step in steps:
        phases[step.name] = (step.started, step.ended)
    phases["after"] = (marks["writes_ended"], marks["load_ended"] + 1)
    by_phase = {}
    for name, (lo, hi) in phases.items():
        within = [s for s in load if lo <= s.start < hi]
        by_phase[name] = {"all": latency(within), **{k: latency([s for s in within if s.kind == k])
                                                     for k in ("ask", "dp_query", "rows_query")}}
    during = [s for s in load if marks["writes_started"] <= s.start < marks["writes_ended"]]
    by_phase["during_all_writes"] = {"all": latency(during)}
    failures = [s for s in samples if s.outcome == "failed"]
    failed_by: dict[str, int] = {}
    for s in failures:
        key = f"{s.status} {s.detail}"[:200]
        failed_by[key] = failed_by.get(key, 0) + 1
    refusals: dict[str, int] = {}
    for s in samples:
        if s.outcome == "refused":
            key = s.detail.split(":")[0]
            refusals[key] = refusals.get(key, 0) + 1
    first_refusal = min((s.start for s in samples if s.outcome == "refused"), default=None)

    before, after_sync = checks["before"], checks.get("after_sync", {})
    after_mart, end = checks.get("after_mart", {}), checks.get("end", {})
    added_total = args.add + (0 if args.no_double_sync else args.add_second)

    def grew(a: Any, b: Any, by: int) -> bool:
        return isinstance(a, int) and isinstance(b, int) and abs((b - a) - by) <= COUNT_TOLERANCE

    visibility = {
        "dp_count_after_sync_grew_by_added": grew(before.get("dp_count"), after_sync.get("dp_count"), args.add),
        "rows_after_sync_are_new_state": after_sync.get("rows_state") == 1,
        "ask_count_after_mart_grew_by_added": grew(before.get("ask_count"), after_mart.get("ask_count"), args.add),
        "dp_count_at_end_grew_by_all_added": grew(before.get("dp_count"), end.get("dp_count"), added_total),
        "rows_at_end_are_last_state": end.get("rows_state") == (1 if args.no_double_sync else 2),
        "tolerance_for_private_counts": COUNT_TOLERANCE,
    }
    visible = all(v for k, v in visibility.items() if k != "tolerance_for_private_counts")
    store = store_as_of(home, snapshots)
    corrupt = None
    last = store.get("after_recovery_sync") or store.get("after_mart")
    if isinstance(last, dict) and isinstance(store.get("before"), dict) and "error" not in last:
        base_count = store["before"].get("fl_addresses")
        corrupt = not (last.get("fl_addresses_duplicate_keys") == 0 and isinstance(base_count, int)
                       and last.get("fl_addresses") == base_count + added_total)
    main_steps_ok = all(s.returncode == 0 for s in steps if not s.name.startswith("double_sync"))
    server_text = server_log.read_text(encoding="utf-8", errors="replace")
    report.update({
        "requests": len(samples), "load_requests": len(load),
        "failed_requests": len(failures), "failed_by_error": failed_by,
        "failed_examples": [{"kind": s.kind, "thread": s.thread, "at_s": round(s.start, 2), "status": s.status,
                             "detail": s.detail} for s in failures[:20]],
        "expected_refusals": refusals, "first_refusal_at_s": round(first_refusal, 1) if first_refusal else None,
        "marks_s": {k: round(v, 1) for k, v in marks.items()},
        "latency_by_phase": by_phase,
        "steps": {s.name: s.report() for s in steps},
        "checks": checks, "expected_rows_states": [{str(k): v for k, v in e.items()} for e in expected],
        "new_data_visible": visible, "visibility": visibility,
        "isolation": isolation(samples, expected, targets),
        "snapshots": snapshots, "store_as_of": store, "store_corrupted": corrupt,
        "as_of_interface": "none in the CLI or REST API (README, --help, /api/v1/openapi.json): read with DuckDB",
        "server": {**watch.report(), "alive_at_end": server_alive,
                   "log_tracebacks": server_text.count("Traceback"),
                   "log_error_lines": [line for line in server_text.splitlines()
                                       if re.search(r"ERROR|Exception|locked", line)][:20]},
    })
    report["server_restarts"] = report["server"]["restarts"] + (0 if server_alive else 1)
    report["ok"] = (not failures and visible and main_steps_ok and corrupt is not True
                    and report["server_restarts"] == 0)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("requests", "failed_requests", "expected_refusals", "new_data_visible",
                                             "server_restarts", "store_corrupted", "ok")}, ensure_ascii=False))
    print(f"written {RESULTS}")
    if temp and not args.keep:
        shutil.rmtree(folder.parent, ignore_errors=True)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
