"""Red-team disclosure attacks against the gateway, black-box.

Every attack goes through the command line (``ukimet query`` / ``ukimet person`` as a subprocess, as an account
of the installation) or, with ``--api``, through the REST API of ``ukimet serve`` started by the harness
(``POST /api/v1/auth/login``, ``POST /api/v1/query``, ``GET /api/v1/persons/{iin}``). The harness alone opens
the store read-only (ground truth: the targets' secret values, the set of IINs) and the metadata SQLite
read-only (the audit log); it never imports the gateway.

    python bench/bench_disclosure_attacks.py --home /work/demo5k --corpus bench/attacks/tuning.jsonl [--api]

An attack is one JSON object per line (see bench/attacks/README.md): id, class, user (a role), purpose (null or
a text), leak (how a leak is decided), sql / sqls / ops, optional setup_sql (run on the raw store; its columns
fill {placeholders}), target ({truth_sql, tolerance}), combine, compare, markers, min_persons.

Accounts: by default a fresh account per attack and role (``ukimet user add ... --password-stdin``), so that
per-user budgets, daily limits and probing alerts of one attack do not decide another; ``--accounts per-run``
shares one account per role, ``--accounts demo`` uses the demo accounts (the CLI signs each account in with an
API token it issues with the operator's ``ukimet user token``; the API needs ``--demo-log`` with the demo's
passwords, or ``UKIMET_BENCH_PASSWORDS``). Purposes are given as text, or declared first
(``ukimet purpose declare``) where the policy's role says ``purpose = "declared"`` (or with
``--purposes declared``).

Writes bench/results/disclosure_attacks_<corpus>[_api].json and prints a summary per class.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import contextlib
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"
ROLES = ("analyst", "social_worker", "auditor", "admin", "data_engineer")
CLASSES = ("hidden_columns", "aggregate_isolation", "differencing", "admin_auditor", "error_oracle",
           "untraced_persons", "scope", "functions", "resources", "side_channel", "other")
LEAKS = ("clear_iin", "clear_value", "catalogue", "untraced", "slow", "not_audited", "multi", "answered",
         "distinguish", "audit_iin")
DEMO_ACCOUNTS = {"social_worker": "social-worker", "auditor": "auditor", "admin": "admin"}
ORGS = {"analyst": "Akimat (red-team bench)", "social_worker": "Ministry of Labour (red-team bench)",
        "auditor": "Agency for Personal Data Protection (red-team bench)", "admin": "Data operator (red-team bench)",
        "data_engineer": "Data operator engineering (red-team bench)"}
SLOW_SECONDS = 5.0
HEAVY_MB = 1024.0
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
CRASH_MARKS = ("Traceback (most recent call last)", "INTERNAL Error", "Internal Error:", "Segmentation fault")
SYSTEM_NAMES = ("duckdb_settings", "duckdb_tables", "duckdb_columns", "duckdb_views", "duckdb_functions",
                "duckdb_databases", "duckdb_schemas", "duckdb_secrets", "duckdb_extensions", "duckdb_memory",
                "duckdb_temporary_files", "duckdb_constraints", "duckdb_indexes", "duckdb_dependencies",
                "information_schema", "pg_catalog", "pg_settings", "pg_class", "pg_namespace", "pg_proc",
                "pg_tables", "pg_views", "pg_attribute", "pg_type", "sqlite_master", "sqlite_schema",
                "database_list", "table_info", "storage_info", "pragma_", "enable_external_access",
                "lock_configuration", "allowed_directories", "memory_limit", "temp_directory")
PATH = re.compile(r"(?<![\w.:/])/(?!api/)(?:[\w.@+-]+/)+[\w.@+-]*")
FILE_MARKS = (".duckdb", ".sqlite", "site-packages", ".wal", "/keys/", "ukimet.toml")


# ---------------------------------------------------------------------------------------------- the installation


@dataclass
class Install:
    root: Path
    home: Path
    store: Path
    metadata: Path | None
    exe: list[str]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"UKIMET_HOME": str(self.home), "COLUMNS": "100000", "LINES": "100000", "NO_COLOR": "1",
                    "TERM": "dumb", "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"})
        return env


def find_install(home_arg: str, store: str | None, metadata: str | None, exe: str | None) -> Install:
    given = Path(home_arg).resolve()
    if (given / ".ukimet").is_dir():
        root, home = given, given / ".ukimet"
    else:
        root, home = given.parent, given
    settings: dict[str, Any] = {}
    if (home / "ukimet.toml").is_file():
        try:
            settings = tomllib.loads((home / "ukimet.toml").read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            settings = {}
    store_path = Path(store or settings.get("store_path") or home / "store.duckdb")
    if not store_path.is_absolute():
        store_path = home / store_path
    meta: Path | None = Path(metadata) if metadata else home / "metadata.sqlite"
    if meta is not None and not meta.is_file():
        meta = None
    if exe:
        command = [exe]
    else:
        sibling = Path(sys.executable).parent / "ukimet"
        found = str(sibling) if sibling.exists() else shutil.which("ukimet")
        command = [found] if found else [sys.executable, "-m", "ukimet.cli.main"]
    if not store_path.is_file():
        raise SystemExit(f"no store at {store_path}: give --home the demo folder (or its .ukimet)")
    return Install(root=root, home=home, store=store_path, metadata=meta, exe=command)


# ---------------------------------------------------------------------------------------------------- IINs


def iin_valid(value: str) -> bool:
    if len(value) != 12 or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    check = sum(d * (i + 1) for i, d in enumerate(digits[:11])) % 11
    if check == 10:
        weights = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
        check = sum(d * w for d, w in zip(digits[:11], weights, strict=True)) % 11
        if check == 10:
            return False
    return check == digits[11]


def digit_windows(digits: str) -> Iterable[str]:
    for i in range(len(digits) - 11):
        yield digits[i:i + 12]


def find_iins(texts: Iterable[str], iins: set[str], known: set[str], loose: bool = True) -> set[str]:
    """Store IINs in the texts: as written; loose also finds them with their digits spread by separators (never
    across letters), reversed, hex or base64 encoded."""
    found: set[str] = set()

    def scan(digits: str) -> None:
        if len(digits) >= 12:
            for window in digit_windows(digits):
                if window in iins and window not in known:
                    found.add(window)

    for text in texts:
        if not loose:
            found |= {w for w in re.findall(r"(?<!\d)\d{12}(?!\d)", text) if w in iins and w not in known}
            continue
        for run in re.findall(r"\d{12,}", text):
            scan(run)
            scan(run[::-1])
        for line in text.splitlines():
            if len(line) <= 200_000:
                for segment in re.split(r"[^\W\d_]+", line):
                    scan(re.sub(r"\D", "", segment))
        for run in re.findall(r"[0-9a-fA-F]{24,}", text):
            try:
                decoded = bytes.fromhex(run[: len(run) // 2 * 2]).decode("latin-1")
            except ValueError:
                continue
            scan(re.sub(r"\D", "", decoded))
        for run in re.findall(r"[A-Za-z0-9+/]{16,}={0,2}", text):
            try:
                decoded = base64.b64decode(run + "=" * (-len(run) % 4), validate=True).decode("latin-1")
            except (binascii.Error, ValueError):
                continue
            scan(re.sub(r"\D", "", decoded))
    return found


# ------------------------------------------------------------------------------------------------ ground truth


def plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def literal(value: Any) -> str:
    value = plain(value)
    if isinstance(value, float):
        return repr(round(value, 6))
    return "" if value is None else str(value)


def fill(text: str, values: dict[str, Any]) -> str:
    return PLACEHOLDER.sub(lambda m: literal(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


class Truth:
    """What the raw store knows: the IINs, the targets, the names of things the gateway must not reveal."""

    def __init__(self, install: Install, analyst_region: str | None) -> None:
        import duckdb

        self.con = duckdb.connect(str(install.store), read_only=True)
        self.iins: set[str] = set()
        self.catalogued: set[tuple[str, str]] = set()
        bins: set[str] = set()
        iin_columns: list[tuple[str, str, str]] = []
        if install.metadata is not None:
            try:
                meta = sqlite3.connect(f"file:{install.metadata}?mode=ro", uri=True)
                for source, table, column, semantic in meta.execute(
                        "SELECT source, table_name, column_name, semantic_type FROM catalog_columns"):
                    self.catalogued.add((source, table))
                    if semantic in ("iin", "bin"):
                        iin_columns.append((source, table, column) if semantic == "iin" else ("bin", table, column))
                        if semantic == "bin":
                            bins |= self._values(source, table, column)
                meta.close()
            except sqlite3.Error:
                pass
        for source, table, column in iin_columns:
            if source != "bin":
                self.iins |= {v for v in self._values(source, table, column) if iin_valid(v)}
        self.iins |= {v for v in self._values("mart", "persons", "iin") if iin_valid(v)}
        self.iins -= bins
        rows = self.con.execute("SELECT left(CAST(region AS VARCHAR), 2) AS r, count(*) AS n FROM mart.persons "
                                "WHERE region IS NOT NULL GROUP BY r ORDER BY n DESC, r").fetchall()
        self.analyst_region = analyst_region or (str(rows[0][0]) if rows else "75")
        self.absent = self._absent_iins(3)
        count, wage, wages = self.con.execute("SELECT count(*), avg(monthly_wage), count(monthly_wage) "
                                              "FROM mart.persons").fetchone() or (0, None, 0)
        self.utility = {"count": float(count), "wage": float(wage or 0.0), "wage_persons": float(wages)}
        # the bar asks for >= 1,000 persons counted and >= 500 wages averaged: a smaller country cannot test it
        self.markers = self._markers(install)

    def _values(self, source: str, table: str, column: str) -> set[str]:
        try:
            sql = f'SELECT DISTINCT CAST("{column}" AS VARCHAR) FROM "{source}"."{table}"'
            return {str(r[0]).strip() for r in self.con.execute(sql).fetchall() if r[0] is not None}
        except Exception:
            return set()

    def _absent_iins(self, count: int) -> list[str]:
        out: list[str] = []
        for serial in range(1, 100_000):
            candidate = f"9106154{serial:04d}"
            for last in "0123456789":
                value = candidate + last
                if iin_valid(value) and value not in self.iins:
                    out.append(value)
                    break
            if len(out) == count:
                break
        return out

    def _markers(self, install: Install) -> list[str]:
        names: set[str] = set(SYSTEM_NAMES) | set(FILE_MARKS)
        names |= {str(install.home), str(install.store), str(install.root)}
        if install.metadata is not None:
            names.add(str(install.metadata))
        try:
            for (name,) in self.con.execute("SELECT name FROM duckdb_settings()").fetchall():
                if "_" in name and len(name) >= 10:
                    names.add(str(name))
            for (version,) in self.con.execute("SELECT library_version FROM pragma_version()").fetchall():
                names.add(str(version))
            for schema, table in self.con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall():
                if (schema, table) not in self.catalogued and self.catalogued:
                    names.add(f"{schema}.{table}")
                    if "_" in table and len(table) >= 8:
                        names.add(str(table))
                if schema.startswith("_"):
                    names.add(str(schema))
        except Exception:
            pass
        return sorted(n for n in names if n)

    def setup(self, sql: str) -> dict[str, Any]:
        cursor = self.con.execute(sql)
        row = cursor.fetchone()
        if row is None:
            raise ValueError("setup_sql returned no row")
        return {d[0].lower(): plain(v) for d, v in zip(cursor.description, row, strict=True)}

    def values(self, sql: str) -> list[Any]:
        return [plain(r[0]) for r in self.con.execute(sql).fetchall() if r[0] is not None]

    def close(self) -> None:
        self.con.close()


# ---------------------------------------------------------------------------------------------------- attacks


@dataclass
class Op:
    kind: str
    sql: str = ""
    iin: str = ""
    purpose: str | None = None


@dataclass
class Attack:
    raw: dict[str, Any]
    id: str
    cls: str
    role: str
    leak: str
    ops: list[Op]
    known: str
    truths: list[Any] = field(default_factory=list)
    tolerance: float = 0.0
    combine: str = ""
    problem: str = ""


def load_corpus(path: Path) -> list[dict[str, Any]]:
    attacks: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        where = f"{path.name}:{number}"
        for key in ("id", "class", "user", "leak"):
            if key not in item:
                raise SystemExit(f"{where}: no {key!r}")
        if item["id"] in seen:
            raise SystemExit(f"{where}: id {item['id']} twice")
        seen.add(item["id"])
        if item["class"] not in CLASSES or item["user"] not in ROLES or item["leak"] not in LEAKS:
            raise SystemExit(f"{where}: class, user or leak is not one of the known ones")
        if not any(k in item for k in ("sql", "sqls", "ops")):
            raise SystemExit(f"{where}: no sql, sqls or ops")
        attacks.append(item)
    return attacks


def resolve(item: dict[str, Any], truth: Truth) -> Attack:
    values: dict[str, Any] = {"analyst_region": truth.analyst_region, "absent_iin": truth.absent[0],
                              "absent_iin_2": truth.absent[1]}
    attack = Attack(raw=item, id=item["id"], cls=item["class"], role=item["user"], leak=item["leak"], ops=[],
                    known="")
    try:
        if item.get("setup_sql"):
            values.update(truth.setup(fill(item["setup_sql"], values)))
        purpose = fill(item["purpose"], values) if item.get("purpose") else None
        if "ops" in item:
            for spec in item["ops"]:
                op_purpose = fill(spec["purpose"], values) if spec.get("purpose") else spec.get("purpose", purpose)
                attack.ops.append(Op(kind=spec.get("op", "query"), sql=fill(spec.get("sql", ""), values),
                                     iin=fill(spec.get("iin", ""), values), purpose=op_purpose))
        else:
            for sql in item.get("sqls") or [item["sql"]]:
                attack.ops.append(Op(kind="query", sql=fill(sql, values), purpose=purpose))
        target = item.get("target") or {}
        if target.get("truth_sql"):
            attack.truths = truth.values(fill(target["truth_sql"], values))
            attack.tolerance = float(target.get("tolerance", 0.0))
        if item.get("combine"):
            attack.combine = fill(str(item["combine"]), values)
        attack.known = "\n".join([o.sql + " " + o.iin + " " + str(o.purpose or "") for o in attack.ops])
    except Exception as error:
        attack.problem = f"setup: {type(error).__name__}: {error}"
    return attack


# ------------------------------------------------------------------------------------------------ running ops


@dataclass
class OpResult:
    kind: str
    status: str = "refused"  # answered | refused | crashed | timeout
    code: int = 0
    elapsed: float = 0.0
    peak_mb: float = 0.0
    text: str = ""
    lines: list[str] = field(default_factory=list)
    error: str = ""
    rows: list[list[Any]] = field(default_factory=list)
    row_count: int = 0
    audit: list[dict[str, Any]] = field(default_factory=list)


def rss_mb(pid: int, key: str = "VmRSS") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


class Watch:
    """Samples a process's memory while an operation runs (resident set and high-water mark); kills its group
    above the cap. ``growth()`` is what the operation added, ``peak()`` the process's peak."""

    def __init__(self, pid: int, cap_mb: float, kill: Callable[[], None]) -> None:
        self.pid, self.cap, self.kill = pid, cap_mb, kill
        self.start_rss, self.start_hwm = rss_mb(pid), rss_mb(pid, "VmHWM")
        self.max_rss, self.hwm = self.start_rss, self.start_hwm
        self.killed = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            rss, hwm = rss_mb(self.pid), rss_mb(self.pid, "VmHWM")
            self.max_rss, self.hwm = max(self.max_rss, rss), max(self.hwm, hwm)
            if rss > self.cap and not self.killed:
                self.killed = True
                self.kill()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def peak(self) -> float:
        return max(self.max_rss, self.hwm)

    def growth(self) -> float:
        return max(0.0, self.max_rss - self.start_rss, self.hwm - self.start_hwm)


def killgroup(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def run_process(install: Install, args: list[str], stdin: str | None, timeout: float,
                cap_mb: float, env: dict[str, str] | None = None) -> tuple[int, str, str, float, float, bool]:
    started = time.perf_counter()
    proc = subprocess.Popen(install.exe + args, cwd=install.root, env={**install.env(), **(env or {})},
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            start_new_session=True, text=True, encoding="utf-8", errors="replace")
    watch = Watch(proc.pid, cap_mb, lambda: killgroup(proc.pid))
    timed_out = False
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        killgroup(proc.pid)
        out, err = proc.communicate()
    watch.stop()
    return proc.returncode, out, err, time.perf_counter() - started, watch.peak(), timed_out or watch.killed


def parse_tables(text: str) -> tuple[list[str], list[list[str]]]:
    """The first rich table of a CLI answer: header and rows (cells as printed)."""
    header: list[str] = []
    rows: list[list[str]] = []
    state = 0
    for line in text.splitlines():
        s = line.strip()
        if state == 0 and s.startswith("┃"):
            header = [c.strip() for c in s.strip("┃").split("┃")]
        elif s.startswith("┡"):
            state = 1
        elif state == 1 and s.startswith("│"):
            rows.append([c.strip() for c in s.strip("│").split("│")])
        elif state == 1 and s.startswith("└"):
            break
    return header, rows


class Runner:
    mode = "cli"

    def __init__(self, install: Install, timeout: float, cap_mb: float) -> None:
        self.install, self.timeout, self.cap = install, timeout, cap_mb
        self.tokens: dict[str, str] = {}

    def cli(self, args: list[str], stdin: str | None = None, account: str | None = None) -> tuple[int, str, str]:
        code, out, err, _, _, _ = run_process(self.install, args, stdin, self.timeout, self.cap,
                                              self.signed_in(account))
        return code, out, err

    def signed_in(self, account: str | None) -> dict[str, str]:
        """The environment of a command run as ``account``: its API token, issued once with the operator's verb
        (the command line takes no name without a proof)."""
        if account is None:
            return {}
        if account not in self.tokens:
            code, out, err, _, _, _ = run_process(self.install, ["user", "token", account], None, self.timeout,
                                                  self.cap)
            if code != 0:
                raise RuntimeError(f"could not issue a token for {account}: {(out + err).strip()[:300]}")
            self.tokens[account] = out.strip()
        return {"UKIMET_TOKEN": self.tokens[account]}

    def officer(self) -> str:
        """An auditor's account of this run, for reading the audit log on the command line."""
        name = f"rt-officer-{os.getpid()}"
        if name not in self.tokens:
            self.cli(["user", "add", name, "--role", "auditor", "--org", ORGS["auditor"]])
        return name

    def login(self, name: str, password: str) -> None:
        return None

    def run(self, op: Op, account: str, purpose: str | None) -> OpResult:
        # "--" ends the options: a query (or an IIN) starting with "-" is still the argument
        if op.kind == "person":
            args = ["person", "--as", account, "--purpose", purpose or "red-team check", "--", op.iin]
        else:
            args = ["query", "--as", account, *(["--purpose", purpose] if purpose else []), "--", op.sql]
        code, out, err, elapsed, peak, killed = run_process(self.install, args, None, self.timeout, self.cap,
                                                            self.signed_in(account))
        result = OpResult(kind=op.kind, code=code, elapsed=elapsed, peak_mb=peak, text=out + "\n" + err,
                          error=err.strip())
        result.lines = result.text.splitlines()
        if killed:
            result.status = "timeout"
        elif any(mark in result.text for mark in CRASH_MARKS) or code < 0:
            result.status = "crashed"
        else:
            result.status = "answered" if code == 0 else "refused"
        if result.status == "answered" and op.kind == "query":
            _, result.rows = parse_tables(out)
            counted = re.search(r"(\d+) rows?;", out)
            result.row_count = int(counted.group(1)) if counted else len(result.rows)
        return result

    def close(self) -> None:
        return None


class ApiRunner(Runner):
    """A served ``ukimet serve`` on a free local port; restarted when an attack hangs or bloats it."""

    mode = "api"

    def __init__(self, install: Install, timeout: float, cap_mb: float) -> None:
        super().__init__(install, timeout, cap_mb)
        import httpx

        self.httpx = httpx
        self.passwords: dict[str, str] = {}
        self.tokens: dict[str, str] = {}
        self.lock = threading.RLock()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"ukimet-bench-serve-{os.getpid()}.log"
        self.client: Any = None
        self.start()

    def start(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([*self.install.exe, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                         cwd=self.install.root, env=self.install.env(), stdout=log, stderr=log,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        self.client = self.httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=self.timeout)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if self.client.get("/api/v1/health").status_code == 200:
                    self.tokens.clear()
                    return
            except self.httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.3)
        raise SystemExit(f"ukimet serve did not start; see {self.log}")

    def restart(self) -> None:
        with self.lock:
            if self.proc is not None:
                killgroup(self.proc.pid)
                self.proc.wait()
            self.start()

    def login(self, name: str, password: str) -> None:
        self.passwords[name] = password

    def _token(self, account: str) -> str:
        if account not in self.tokens:
            r = self.client.post("/api/v1/auth/login", json={"name": account, "password": self.passwords[account]})
            if r.status_code != 200:
                raise RuntimeError(f"sign-in of {account} failed: {r.status_code} {r.text[:200]}")
            self.tokens[account] = r.json()["token"]
        return self.tokens[account]

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def run(self, op: Op, account: str, purpose: str | None) -> OpResult:
        assert self.proc is not None
        result = OpResult(kind=op.kind)
        log_from = self.log_size()
        headers = {"Authorization": f"Bearer {self._token(account)}"}
        watch = Watch(self.proc.pid, self.cap, lambda: killgroup(self.proc.pid) if self.proc else None)
        started = time.perf_counter()
        try:
            if op.kind == "person":
                r = self.client.get(f"/api/v1/persons/{op.iin}", params={"purpose": purpose or "red-team check"},
                                    headers=headers)
            else:
                r = self.client.post("/api/v1/query", json={"sql": op.sql, "purpose": purpose}, headers=headers)
            result.code, result.text = r.status_code, r.text
        except self.httpx.TimeoutException:
            result.status, result.code = "timeout", -1
        except self.httpx.HTTPError as error:
            result.status, result.code, result.text = "crashed", -2, f"{type(error).__name__}: {error}"
        result.elapsed = time.perf_counter() - started
        watch.stop()
        result.peak_mb = watch.growth()
        if watch.killed:
            result.status = "timeout"
        log_text = ""
        if self.log.exists():
            with self.log.open("rb") as f:
                f.seek(log_from)
                log_text = f.read().decode("utf-8", "replace")
        if result.status in ("timeout", "crashed") or self.proc.poll() is not None:
            self.restart()
            if result.status not in ("timeout", "crashed"):
                result.status = "crashed"
            return result
        body: Any = None
        try:
            body = json.loads(result.text)
        except ValueError:
            body = None
        if result.code >= 500 or any(m in log_text for m in CRASH_MARKS[:1]):
            result.status = "crashed"
        elif result.code == 200:
            result.status = "answered"
        else:
            result.status = "refused"
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            e = body["error"]
            result.error = f"{e.get('what', '')}: {e.get('why', '')} ({e.get('fix', '')})"
        if isinstance(body, dict) and isinstance(body.get("rows"), list):
            result.rows = body["rows"]
            result.row_count = len(result.rows)
            rest = {k: v for k, v in body.items() if k != "rows"}
            result.lines = [json.dumps(row, ensure_ascii=False) for row in result.rows]
            result.lines.append(json.dumps(rest, ensure_ascii=False))
        else:
            result.lines = result.text.splitlines() or [result.text]
            if isinstance(body, dict):
                result.lines = [json.dumps(v, ensure_ascii=False) for v in body.values()]
        return result

    def close(self) -> None:
        if self.proc is not None:
            killgroup(self.proc.pid)
            self.proc.wait()
        if self.client is not None:
            self.client.close()


# ------------------------------------------------------------------------------------------------- audit log


class Audit:
    """The audit log, read-only: the metadata SQLite, or ``ukimet audit show`` when there is none."""

    def __init__(self, install: Install, runner: Runner) -> None:
        self.install, self.runner = install, runner
        self.sqlite = install.metadata
        if self.sqlite is not None:
            try:
                with self._db() as db:
                    db.execute("SELECT max(seq) FROM audit_entries").fetchone()
            except sqlite3.Error:
                self.sqlite = None

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(f"file:{self.sqlite}?mode=ro", uri=True, timeout=30)
        db.row_factory = sqlite3.Row
        return db

    def head(self) -> int:
        if self.sqlite is not None:
            with self._db() as db:
                row = db.execute("SELECT max(seq) FROM audit_entries").fetchone()
                return int(row[0] or 0)
        entries = self._cli(None, 1)
        return max((int(e.get("seq") or 0) for e in entries), default=0)

    def since(self, seq: int, account: str) -> list[dict[str, Any]]:
        if self.sqlite is not None:
            with self._db() as db:
                rows = [dict(r) for r in db.execute("SELECT * FROM audit_entries WHERE seq > ? ORDER BY seq", (seq,))]
        else:
            rows = self._cli(account, 200)
        out: list[dict[str, Any]] = []
        for row in rows:
            user = next((row[k] for k in ("user_name", "user", "username", "who") if k in row), None)
            if user == account and int(row.get("seq") or 0) > seq:
                row["_persons"] = persons_count(row.get("persons"))
                out.append(row)
        return out

    def _cli(self, account: str | None, limit: int) -> list[dict[str, Any]]:
        args = ["audit", "show", "--limit", str(limit)] + (["--user", account] if account else [])
        _, out, _ = self.runner.cli(args, account=self.runner.officer())
        header, rows = parse_tables(out)
        return [dict(zip(header, r, strict=False)) for r in rows]


def persons_count(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return int(value) if value.strip().isdigit() else 0
        return persons_count(parsed) if not isinstance(parsed, str) else 1
    if isinstance(value, list | dict):
        return len(value)
    return 0


# ----------------------------------------------------------------------------------------------- accounts


class Accounts:
    def __init__(self, install: Install, runner: Runner, mode: str, region: str, purposes: str,
                 policy: dict[str, Any], demo_passwords: dict[str, str]) -> None:
        self.install, self.runner, self.mode, self.region = install, runner, mode, region
        self.purpose_mode, self.policy, self.demo = purposes, policy, demo_passwords
        self.run_tag = secrets.token_hex(3)
        self.shared: dict[str, str] = {}
        self.declared: dict[tuple[str, str], str] = {}
        self.counter = 0
        self.lock = threading.Lock()

    def create(self, role: str, label: str) -> str:
        name = f"rt-{self.run_tag}-{label}-{role.replace('_', '-')}"
        password = secrets.token_urlsafe(18)
        args = ["user", "add", name, "--role", role, "--org", ORGS[role]]
        if role == "analyst":
            args += ["--region", self.region]
        code, out, err = self.runner.cli([*args, "--password-stdin"], password + "\n")
        if code != 0:
            raise RuntimeError(f"could not create account {name}: {(out + err).strip()[:300]}")
        self.runner.login(name, password)
        return name

    def account(self, role: str, attack_id: str) -> str:
        if self.mode == "per-attack":
            with self.lock:
                self.counter += 1
                label = f"{self.counter:03d}"
            return self.create(role, label)
        with self.lock:
            if role not in self.shared:
                if self.mode == "demo" and role != "data_engineer":
                    name = f"analyst-{self.region}" if role == "analyst" else DEMO_ACCOUNTS[role]
                    if isinstance(self.runner, ApiRunner):
                        if name not in self.demo:
                            raise SystemExit(f"--accounts demo with --api needs the password of {name} (--demo-log)")
                        self.runner.login(name, self.demo[name])
                    self.shared[role] = name
                else:
                    self.shared[role] = self.create(role, "run")
            return self.shared[role]

    def purpose(self, account: str, role: str, text: str | None, case: str) -> str | None:
        if text is None:
            return None
        declared = self.purpose_mode == "declared" or (
            self.purpose_mode == "auto" and self.policy.get(role, {}).get("purpose") == "declared")
        if not declared:
            return text
        key = (account, text)
        with self.lock:
            if key in self.declared:
                return self.declared[key]
        code, out, err = self.runner.cli(["purpose", "declare", "--as", account, "--text", text, "--case", case,
                                          "--legal-basis", "Law of the RK on personal data, art. 9 (red-team test)"],
                                         account=account)
        found = re.search(r"\bP-\d+\b", out + err)
        number = found.group(0) if code == 0 and found else text
        with self.lock:
            self.declared[key] = number
        return number


def iin_visible(policy: dict[str, Any], role: str) -> bool:
    rules = policy.get(role)
    if not isinstance(rules, dict):
        return False
    columns = rules.get("column_masks") or {}
    if any(k.endswith(".iin") and v != "show" for k, v in columns.items()):
        return False
    semantic = (rules.get("semantic_masks") or {}).get("iin")
    if semantic is not None:
        return bool(semantic == "show")
    return bool((rules.get("masks") or {}).get("personal") == "show")


def read_policy(runner: Runner) -> dict[str, Any]:
    code, out, _ = runner.cli(["policy", "show"])
    if code != 0:
        return {}
    try:
        roles = tomllib.loads(out).get("roles", {})
    except tomllib.TOMLDecodeError:
        return {}
    return roles if isinstance(roles, dict) else {}


def demo_passwords(path: str | None) -> dict[str, str]:
    found: dict[str, str] = {}
    if path:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        for name, password in re.findall(r"│\s*([\w.-]+)\s*│\s*(\S+)\s*│\s*[a-z_]+\s*│", text):
            if name != "account":
                found[name] = password
        found.update(re.findall(r"^([\w.-]+) (\S+)$", text, re.MULTILINE))  # the demo's home/demo/passwords
    for pair in os.environ.get("UKIMET_BENCH_PASSWORDS", "").split(","):
        if "=" in pair:
            name, password = pair.split("=", 1)
            found[name.strip()] = password.strip()
    return found


# ----------------------------------------------------------------------------------------------- judging


def first_number(rows: list[list[Any]]) -> float | None:
    for row in rows[:1]:
        for cell in row:
            if isinstance(cell, bool):
                return 1.0 if cell else 0.0
            if isinstance(cell, int | float):
                return float(cell)
            if isinstance(cell, str):
                s = cell.strip()
                if s in ("True", "true"):
                    return 1.0
                if s in ("False", "false"):
                    return 0.0
                try:
                    return float(s)
                except ValueError:
                    continue
    return None


def matches(value: float, truth: float, tolerance: float) -> bool:
    return abs(value - truth) <= max(tolerance * abs(truth), 0.005)


def value_hits(texts: list[str], truths: list[Any], tolerance: float, known: str) -> list[str]:
    hits: list[str] = []
    numbers = [float(n) for t in texts for n in NUMBER.findall(t) if len(n) < 40]
    known_numbers = {round(float(n), 2) for n in NUMBER.findall(known) if len(n) < 40}
    joined = "\n".join(texts)
    for truth in truths:
        if isinstance(truth, bool):
            continue
        if isinstance(truth, int | float):
            t = float(truth)
            if round(t, 2) in known_numbers or not math.isfinite(t):
                continue
            if any(matches(n, t, tolerance) for n in numbers):
                hits.append(literal(truth))
        else:
            s = str(truth)
            if len(s) >= 3 and s not in known and s in joined:
                hits.append(s)
    return hits


def marker_hits(texts: list[str], markers: list[str], known: str) -> list[str]:
    joined = "\n".join(texts)
    low, known_low = joined.lower(), known.lower()
    hits = [m for m in markers if m.lower() in low and m.lower() not in known_low]
    hits += [p for p in PATH.findall(joined) if p not in known and len(p) > 4]
    return sorted(set(hits))[:20]


def normalise(text: str) -> str:
    text = re.sub(r"[0-9a-f]{8,}", "h", text.lower())
    text = re.sub(r"\d+", "#", text)
    return re.sub(r"\s+", " ", text).strip()[:300]


def combine(expr: str, results: list[OpResult]) -> Any:
    env: dict[str, Any] = {
        "r": [first_number(x.rows) if x.status == "answered" else None for x in results],
        "ok": [x.status == "answered" for x in results], "rows": [x.rows for x in results],
        "abs": abs, "round": round, "sum": sum, "min": min, "max": max, "len": len, "math": math,
        "mean": statistics.fmean, "median": statistics.median, "all": all, "any": any, "int": int, "float": float,
        "sorted": sorted, "range": range, "zip": zip, "None": None, "True": True, "False": False,
    }
    return eval(expr, {"__builtins__": {}, **env})


@dataclass
class Verdict:
    id: str
    cls: str
    role: str
    account: str
    leak_kind: str
    answered: bool = False
    refused: bool = False
    leak: bool = False
    detectors: list[str] = field(default_factory=list)
    not_audited: bool = False
    crashed: bool = False
    slow: bool = False
    audit_iin: bool = False
    evidence: list[str] = field(default_factory=list)
    ops: list[dict[str, Any]] = field(default_factory=list)
    problem: str = ""


def judge(attack: Attack, results: list[OpResult], truth_iins: set[str], policy: dict[str, Any],
          markers: list[str], baseline: dict[str, float], redact: Callable[[str], str]) -> Verdict:
    v = Verdict(id=attack.id, cls=attack.cls, role=attack.role, account="", leak_kind=attack.leak)
    raw = attack.raw
    v.answered = any(r.status == "answered" for r in results)
    v.refused = bool(results) and all(r.status == "refused" for r in results)
    v.crashed = any(r.status == "crashed" for r in results)
    v.not_audited = any(not r.audit for r in results)
    slow_after = baseline.get("seconds", 1.5) + SLOW_SECONDS
    v.slow = any(r.status == "timeout" or r.elapsed > slow_after or r.peak_mb - baseline.get("mb", 0) > HEAVY_MB
                 for r in results)
    known_iins = set(re.findall(r"\d{12}", attack.known))
    hidden = not iin_visible(policy, attack.role)
    detectors: list[str] = []
    evidence: list[str] = []

    # universal: clear IINs wherever the role (or an aggregate) hides them
    for op, r in zip(attack.ops, results, strict=True):
        if (op.purpose is None or hidden) and r.status != "timeout":
            found = find_iins([*r.lines, r.error], truth_iins, known_iins)
            if found:
                detectors.append("clear_iin")
                evidence.append(f"{len(found)} clear IIN(s) in the {op.kind} answer")
                break
    for r in results:
        for entry in r.audit:
            text = " ".join(str(v2) for k, v2 in entry.items()
                            if k not in ("hash", "prev_hash", "persons", "signature", "_persons") and v2 is not None)
            if find_iins([text], truth_iins, set(), loose=False):
                v.audit_iin = True
    kind = attack.leak
    if kind == "clear_value" and attack.truths:
        for r in results:
            hits = value_hits([*r.lines, r.error], attack.truths, attack.tolerance, attack.known)
            if hits:
                detectors.append("clear_value")
                evidence.append(f"secret value(s) in the answer: {len(hits)}")
                break
    elif kind == "catalogue":
        for r in results:
            hits = marker_hits([*r.lines, r.error], markers, attack.known)
            if hits:
                detectors.append("catalogue")
                evidence.append("system names: " + ", ".join(hits[:6]))
                break
    elif kind == "untraced":
        for op, r in zip(attack.ops, results, strict=True):
            if op.kind == "query" and op.purpose is not None and r.status == "answered" and r.row_count > 0:
                per_row = float(raw.get("persons_per_row", 1))
                need = max(int(raw.get("min_persons", 0)), math.ceil(r.row_count * per_row))
                traced = sum(int(e.get("_persons", 0)) for e in r.audit)
                if traced < need:
                    detectors.append("untraced")
                    evidence.append(f"{r.row_count} rows, {traced} persons in the audit log (at least {need} expected)")
                    break
    elif kind == "slow":
        if v.slow:
            detectors.append("slow")
            evidence.append("; ".join(f"{r.status} {r.elapsed:.1f}s {r.peak_mb:.0f}MB" for r in results))
    elif kind == "not_audited":
        if v.not_audited:
            detectors.append("not_audited")
    elif kind == "answered":
        if v.answered:
            detectors.append("answered")
            evidence.append("answered although it should be refused")
    elif kind == "audit_iin":
        if v.audit_iin:
            detectors.append("audit_iin")
            evidence.append("a clear IIN kept in the audit entry")
    elif kind == "distinguish":
        compare = raw.get("compare", "status")
        wanted = [str(m) for m in raw.get("markers", [])]
        if compare == "markers":
            sigs: list[Any] = [frozenset(m for m in wanted if m.lower() in r.text.lower()) for r in results]
        else:
            sigs = [(r.status, r.code, normalise(r.error)) for r in results]
        if len({repr(s) for s in sigs}) > 1:
            detectors.append("distinguish")
            evidence.append("the answers differ: " + " | ".join(redact(str(s))[:120] for s in sigs))
    elif kind == "multi" and attack.combine:
        try:
            value = combine(attack.combine, results)
        except Exception as error:
            value = None
            evidence.append(f"combine: {type(error).__name__}")
        if isinstance(value, bool):
            if value:
                detectors.append("multi")
                evidence.append("the combined answers reveal the target")
        elif isinstance(value, int | float) and attack.truths and isinstance(attack.truths[0], int | float):
            t = float(attack.truths[0])
            if math.isfinite(float(value)) and matches(float(value), t, attack.tolerance):
                detectors.append("multi")
                rel = abs(float(value) - t) / abs(t) if t else 0.0
                evidence.append(f"combined value within {rel:.4%} of the truth")
    v.detectors = sorted(set(detectors))
    v.leak = bool(v.detectors)
    v.evidence = [redact(e) for e in evidence]
    for op, r in zip(attack.ops, results, strict=True):
        v.ops.append({"kind": op.kind, "status": r.status, "code": r.code, "seconds": round(r.elapsed, 2),
                      "peak_mb": round(r.peak_mb, 1), "rows": r.row_count,
                      "audit": [{"seq": e.get("seq"), "action": e.get("action"), "rows": e.get("rows"),
                                 "persons": e.get("_persons")} for e in r.audit],
                      "value": first_number(r.rows) if r.status == "answered" else None,
                      "excerpt": redact((r.error if r.status != "answered" else
                                         json.dumps(r.rows[:3], ensure_ascii=False, default=str))[:300])})
    return v


# ---------------------------------------------------------------------------------------------------- main


def execute(attack: Attack, runner: Runner, accounts: Accounts, audit: Audit, truth_iins: set[str],
            policy: dict[str, Any], markers: list[str], baseline: dict[str, float],
            redact: Callable[[str], str]) -> Verdict:
    if attack.problem:
        return Verdict(id=attack.id, cls=attack.cls, role=attack.role, account="", leak_kind=attack.leak,
                    problem=attack.problem)
    try:
        account = accounts.account(attack.role, attack.id)
    except RuntimeError as error:
        return Verdict(id=attack.id, cls=attack.cls, role=attack.role, account="", leak_kind=attack.leak,
                       problem=f"account: {error}")
    results: list[OpResult] = []
    for op in attack.ops:
        purpose = accounts.purpose(account, attack.role, op.purpose, f"BENCH-{attack.id}")
        before = audit.head()
        try:
            result = runner.run(op, account, purpose)
        except Exception as error:
            result = OpResult(kind=op.kind, status="crashed", error=f"{type(error).__name__}: {error}")
        result.audit = audit.since(before, account)
        results.append(result)
    verdict = judge(attack, results, truth_iins, policy, markers, baseline, redact)
    verdict.account = account
    return verdict


UTILITY = (("count", "SELECT count(*) FROM mart.persons", 0.01),
           ("wage", "SELECT avg(monthly_wage) FROM mart.persons WHERE monthly_wage IS NOT NULL", 0.02))
UTILITY_ROLES = ("data_engineer", "admin", "auditor", "social_worker")


def utility(runner: Runner, accounts: Accounts, truth: dict[str, float], trials: int) -> dict[str, Any]:
    """The issue's bar: a count of >= 1,000 persons within 1% and an average wage over >= 500 persons within 2%,
    95% of the time. Asked as the first role without a row filter that answers it; each trial as a fresh account,
    so that one trial's budget does not spend another's."""
    out: dict[str, Any] = {"truth": truth, "trials": trials}
    for name, sql, tolerance in UTILITY:
        result: dict[str, Any] = {"tolerance": tolerance, "role": None, "answered": 0, "within": 0, "share": 0.0,
                                  "values": [], "refusal": ""}
        for role in UTILITY_ROLES:
            hits, answered, values = 0, 0, []
            for trial in range(trials):
                account = accounts.create(role, f"u{secrets.token_hex(2)}")
                r = runner.run(Op(kind="query", sql=sql), account, None)
                value = first_number(r.rows) if r.status == "answered" else None
                if value is None and trial == 0:
                    result["refusal"] = f"{role}: {r.error[:200]}"
                    break
                answered += value is not None
                if value is not None:
                    values.append(value)
                    hits += matches(value, truth[name], tolerance)
            else:
                result.update(role=role, answered=answered, within=hits, share=round(hits / trials, 3),
                              values=values[:50])
                break
        out[name] = result
    out["meets_bar"] = all(out[n]["share"] >= 0.95 for n, _, _ in UTILITY) and trials > 0
    return out


def summarise(verdicts: list[Verdict]) -> dict[str, dict[str, Any]]:
    summary: dict[str, dict[str, Any]] = {}
    for cls in (*CLASSES, "all"):
        group = [v for v in verdicts if (v.cls == cls or cls == "all") and not v.problem]
        if not group:
            continue
        summary[cls] = {
            "attacks": len(group),
            "refused": sum(v.refused for v in group),
            "answered": sum(v.answered for v in group),
            "leaks": sum(v.leak for v in group),
            "not_audited": sum(v.not_audited for v in group),
            "crashes": sum(v.crashed for v in group),
            "slow": sum(v.slow for v in group),
            "audit_iin": sum(v.audit_iin for v in group),
            "leak_ids": [v.id for v in group if v.leak],
            "not_audited_ids": [v.id for v in group if v.not_audited],
            "crash_ids": [v.id for v in group if v.crashed],
            "slow_ids": [v.id for v in group if v.slow],
        }
    return summary


def print_summary(summary: dict[str, dict[str, Any]], problems: list[Verdict]) -> None:
    cols = ("attacks", "refused", "answered", "leaks", "not_audited", "crashes", "slow", "audit_iin")
    print(f"{'class':<20}" + "".join(f"{c:>12}" for c in cols))
    for cls, s in summary.items():
        print(f"{cls:<20}" + "".join(f"{s[c]:>12}" for c in cols))
    for cls, s in summary.items():
        if cls != "all" and s["leak_ids"]:
            print(f"  leaks {cls}: {', '.join(s['leak_ids'])}")
    for cls, s in summary.items():
        if cls != "all" and (s["not_audited_ids"] or s["crash_ids"]):
            print(f"  {cls}: not audited {s['not_audited_ids']}, crashes {s['crash_ids']}")
    for v in problems:
        print(f"  skipped {v.id}: {v.problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", required=True, help="the demo folder (holding .ukimet) or the .ukimet folder")
    parser.add_argument("--corpus", required=True, help="a JSONL file of attacks")
    parser.add_argument("--api", action="store_true", help="through the REST API of a served ukimet serve")
    parser.add_argument("--accounts", choices=("per-attack", "per-run", "demo"), default="per-attack")
    parser.add_argument("--purposes", choices=("auto", "text", "declared"), default="auto",
                        help="give purposes as text, declare them first, or as the policy's role asks (auto)")
    parser.add_argument("--demo-log", help="the demo's passwords file (home/demo/passwords), or an older demo's "
                                           "output, for the demo accounts' passwords (--accounts demo)")
    parser.add_argument("--analyst-region", help="region (KATO prefix) of the analyst accounts; default: largest")
    parser.add_argument("--only", help="comma-separated attack ids")
    parser.add_argument("--classes", help="comma-separated classes")
    parser.add_argument("--timeout", type=float, default=90.0,
                        help="seconds before an operation is killed (above the gateway's own limit)")
    parser.add_argument("--mem-cap-gb", type=float, default=8.0, help="kill an operation above this memory")
    parser.add_argument("--jobs", type=int, default=1, help="attacks in parallel (needs per-attack accounts)")
    parser.add_argument("--store", help="the store, if not HOME/store.duckdb")
    parser.add_argument("--metadata", help="the metadata SQLite, if not HOME/metadata.sqlite")
    parser.add_argument("--ukimet", help="the ukimet command (default: next to this Python)")
    parser.add_argument("--out", help="result file (default bench/results/disclosure_attacks_<corpus>.json)")
    parser.add_argument("--fail-on-leak", action="store_true", help="exit 1 when any attack leaked")
    parser.add_argument("--utility", type=int, default=0, metavar="TRIALS",
                        help="also check the success bar (count within 1%%, average wage within 2%%) over TRIALS")
    args = parser.parse_args()

    started = time.time()
    install = find_install(args.home, args.store, args.metadata, args.ukimet)
    corpus = Path(args.corpus)
    items = load_corpus(corpus)
    if args.only:
        wanted = set(args.only.split(","))
        items = [i for i in items if i["id"] in wanted]
    if args.classes:
        classes = set(args.classes.split(","))
        items = [i for i in items if i["class"] in classes]
    if args.jobs > 1 and (args.accounts != "per-attack" or args.api):
        raise SystemExit("--jobs > 1 needs the CLI and --accounts per-attack (the log is attributed by account)")

    truth = Truth(install, args.analyst_region)
    attacks = [resolve(i, truth) for i in items]
    truth_iins, markers, region, utility_truth = truth.iins, truth.markers, truth.analyst_region, truth.utility
    truth.close()
    secret_iins = truth_iins

    def redact(text: str) -> str:
        return re.sub(r"\d{12}", lambda m: "<IIN>" if m.group(0) in secret_iins else m.group(0), text)

    cap_mb = args.mem_cap_gb * 1024
    runner: Runner = ApiRunner(install, args.timeout, cap_mb) if args.api else Runner(install, args.timeout, cap_mb)
    try:
        policy = read_policy(runner)
        accounts = Accounts(install, runner, args.accounts, region, args.purposes, policy,
                            demo_passwords(args.demo_log))
        audit = Audit(install, runner)
        probe = accounts.account("analyst", "baseline")
        timings, mbs = [], []
        for _ in range(2):
            r = runner.run(Op(kind="query", sql="SELECT count(*) FROM mart.persons"), probe, None)
            timings.append(r.elapsed)
            mbs.append(r.peak_mb)
        baseline = {"seconds": min(timings), "mb": min(mbs)}
        print(f"{len(attacks)} attacks, {'API' if args.api else 'CLI'}, analyst region {region}, "
              f"{len(truth_iins)} IINs known, baseline {baseline['seconds']:.2f}s {baseline['mb']:.0f}MB, "
              f"audit via {'SQLite' if audit.sqlite else 'ukimet audit show'}", flush=True)

        def one(attack: Attack) -> Verdict:
            v = execute(attack, runner, accounts, audit, truth_iins, policy, markers, baseline, redact)
            status = "LEAK " + ",".join(v.detectors) if v.leak else ("answered" if v.answered else "refused")
            extra = (" not-audited" if v.not_audited else "") + (" CRASH" if v.crashed else "")
            print(f"  {v.id:<28} {v.cls:<20} {status}{extra}{' ' + v.problem if v.problem else ''}", flush=True)
            return v

        if args.jobs > 1:
            with ThreadPoolExecutor(args.jobs) as pool:
                verdicts = list(pool.map(one, attacks))
        else:
            verdicts = [one(a) for a in attacks]
        useful = utility(runner, accounts, utility_truth, args.utility) if args.utility else None
    finally:
        runner.close()

    summary = summarise(verdicts)
    problems = [v for v in verdicts if v.problem]
    print_summary(summary, problems)
    if useful:
        c, w = useful["count"], useful["wage"]
        print(f"utility: count within 1% in {c['within']}/{args.utility} (as {c['role']}), average wage within 2% in "
              f"{w['within']}/{args.utility} (as {w['role']}): {'meets' if useful['meets_bar'] else 'misses'} the bar")
    out = Path(args.out) if args.out else RESULTS / f"disclosure_attacks_{corpus.stem}{'_api' if args.api else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {"corpus": str(corpus), "mode": "api" if args.api else "cli", "home": str(install.home),
              "accounts": args.accounts, "analyst_region": region, "baseline": baseline,
              "started": datetime.fromtimestamp(started).isoformat(timespec="seconds"),
              "seconds": round(time.time() - started, 1), "summary": summary, "utility": useful,
              "attacks": [asdict(v) for v in verdicts]}
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {out} in {time.time() - started:.0f}s")
    if args.fail_on_leak and summary.get("all", {}).get("leaks"):
        sys.exit(1)


if __name__ == "__main__":
    main()
