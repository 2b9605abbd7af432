"""What every area's checks share: running the real command line on a home, serving the real app, accounts,
tokens, copies of a demo home, and reading the metadata SQLite as its database administrator would.

Nothing here imports ukimet: the checks are black-box, written from issue 13 and the agreed interfaces."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

PASSWORD = "Red-team-pass-2026!"
"""the password of every account the harness makes"""
TOKEN_RE = re.compile(r"ukt_[A-Za-z0-9_\-]+")
NOT_SIGNED_IN = re.compile(r"(?i)UKIMET_TOKEN")
USAGE = re.compile(r"No such option|No such command|Got unexpected extra argument|Missing option|Missing argument")
"""a usage error: the command or option does not exist, so a refusal says nothing about credentials"""


Check = Callable[[Any, dict[str, Any]], tuple[bool, str]]
"""a check: (the run's context, its parameters) -> (passed, one-line reason)"""


class CannotRun(Exception):  # noqa: N818 (a check that cannot run, not an error of the harness)
    """A check's precondition failed: the check is a FLAG with this reason, never a crash."""


@dataclasses.dataclass(frozen=True)
class Proc:
    rc: int
    out: str
    err: str
    seconds: float

    @property
    def text(self) -> str:
        return self.out + "\n" + self.err

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.text

    def brief(self) -> str:
        """The last line that says something (rich's box borders and padding stripped)."""
        lines = [" ".join(x.strip(" │╭╮╰╯─").split()) for x in self.text.splitlines()]
        lines = [x for x in lines if any(c.isalnum() for c in x)]
        return (lines[-1] if lines else "")[:160]


@dataclasses.dataclass(frozen=True)
class Account:
    name: str
    role: str
    password: str = PASSWORD


def ukimet_command() -> list[str]:
    """The command line of the ukimet this interpreter imports (the worktree first on PYTHONPATH)."""
    return [sys.executable, "-c", "import sys; from ukimet.cli.main import app; sys.argv[0] = 'ukimet'; app()"]


def run(home: Path | None, args: list[str], *, env: dict[str, str] | None = None, stdin: str | None = None,
        timeout: float = 240, pythonpath: str | None = None, drop: tuple[str, ...] = ("UKIMET_TOKEN",),
        umask: int | None = None) -> Proc:
    """One ukimet command as a subprocess with no terminal (stdin is /dev/null unless text is given)."""
    environ = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("UKIMET_")}
    environ["COLUMNS"] = "220"
    environ["NO_COLOR"] = "1"
    if home is not None:
        environ["UKIMET_HOME"] = str(home)
    if pythonpath is not None:
        environ["PYTHONPATH"] = pythonpath
    environ.update(env or {})
    start = time.monotonic()
    try:
        done = subprocess.run(
            ukimet_command() + args, env=environ, input=stdin if stdin is not None else None,
            stdin=subprocess.DEVNULL if stdin is None else None, capture_output=True, text=True, timeout=timeout,
            preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    except subprocess.TimeoutExpired as exc:
        return Proc(-9, str(exc.stdout or ""), f"timed out after {timeout}s", time.monotonic() - start)
    return Proc(done.returncode, done.stdout, done.stderr, time.monotonic() - start)


def run_as(home: Path, args: list[str], **kw: Any) -> Proc:
    """A command that names its account with --as; where the command line does not take --as (a usage error),
    again without it: the credential decides, not the spelling of the arguments."""
    done = run(home, args, **kw)
    if "--as" in args and USAGE.search(done.text):
        i = args.index("--as")
        done = run(home, args[:i] + args[i + 2:], **kw)
    return done


def with_token(token: str) -> dict[str, str]:
    return {"UKIMET_TOKEN": token}


def copy_home(source: Path, target: Path) -> Path:
    """A copy of a demo home (modes kept) for a check that changes it."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)
    target.chmod(source.stat().st_mode & 0o7777)
    return target


def add_user(home: Path, name: str, role: str, *, region: str | None = None, iin: str | None = None,
             password: str = PASSWORD, pythonpath: str | None = None) -> Account:
    args = ["user", "add", name, "--role", role, "--org", "Red team", "--password-stdin"]
    if region:
        args += ["--region", region]
    if iin:
        args += ["--iin", iin]
    done = run(home, args, stdin=password + "\n", pythonpath=pythonpath)
    if done.rc != 0:
        raise CannotRun(f"user add {name} failed: {done.brief()}")
    return Account(name, role, password)


def issue_token(home: Path, name: str, days: int | None = None, pythonpath: str | None = None) -> str:
    args = ["user", "token", name] + (["--days", str(days)] if days is not None else [])
    done = run(home, args, pythonpath=pythonpath)
    found = TOKEN_RE.search(done.text)
    if done.rc != 0 or not found:
        raise CannotRun(f"user token {name} failed: {done.brief()}")
    return found.group(0)


def help_has(home: Path, args: list[str], option: str) -> bool:
    done = run(home, [*args, "--help"])
    return done.rc == 0 and option in done.text


# ---- the metadata store, as its database administrator sees it

def metadata_file(home: Path) -> Path:
    path = home / "metadata.sqlite"
    if not path.exists():
        raise CannotRun(f"no metadata store at {path}")
    return path


def connect(home: Path) -> sqlite3.Connection:
    db = sqlite3.connect(metadata_file(home), timeout=30, isolation_level=None)
    db.row_factory = sqlite3.Row
    return db


def tables(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]


def find_table(db: sqlite3.Connection, *words: str) -> str:
    """The table whose name holds every word (the shortest such name)."""
    found = sorted((t for t in tables(db) if all(w in t.lower() for w in words)), key=len)
    if not found:
        raise CannotRun(f"no table named like {'*'.join(words)} in the metadata store")
    return found[0]


def audit_table(db: sqlite3.Connection) -> str:
    return find_table(db, "audit", "entr")


def checkpoint_table(db: sqlite3.Connection) -> str:
    return find_table(db, "checkpoint")


def order_column(db: sqlite3.Connection, table: str) -> str:
    cols = columns(db, table)
    for name in ("seq", "id", "position", "index"):
        if name in cols:
            return name
    return "rowid"


def audit_rows(home: Path) -> list[dict[str, Any]]:
    with contextlib.closing(connect(home)) as db:
        table = audit_table(db)
        order = order_column(db, table)
        return [dict(r) for r in db.execute(f'SELECT * FROM "{table}" ORDER BY "{order}"')]


def audit_count(home: Path) -> int:
    with contextlib.closing(connect(home)) as db:
        return int(db.execute(f'SELECT count(*) FROM "{audit_table(db)}"').fetchone()[0])


def action_column(row: dict[str, Any]) -> str:
    for name in ("action", "kind", "event"):
        if name in row:
            return name
    raise CannotRun("the audit entries have no action column")


def drop_triggers(db: sqlite3.Connection) -> int:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    for name in names:
        db.execute(f'DROP TRIGGER "{name}"')
    return len(names)


def alerts_text(home: Path) -> str:
    with contextlib.closing(connect(home)) as db:
        out = []
        for table in tables(db):
            if "alert" in table.lower():
                out += [" ".join(str(v) for v in r) for r in db.execute(f'SELECT * FROM "{table}"')]
        return "\n".join(out)


# ---- the served app

def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(home: Path, env: dict[str, str] | None = None, pythonpath: str | None = None) -> Iterator[str]:
    """`ukimet serve` on a free port; yields its base URL once /api/v1/health answers (or raises CannotRun)."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("UKIMET_")}
    environ["UKIMET_HOME"] = str(home)
    if pythonpath is not None:
        environ["PYTHONPATH"] = pythonpath
    environ.update(env or {})
    log = home.parent / f"serve-{port}.log"
    with log.open("w") as out:
        server = subprocess.Popen([*ukimet_command(), "serve", "--port", str(port)], env=environ,
                                  stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                raise CannotRun(f"ukimet serve exited {server.returncode}: {log.read_text()[-300:]}")
            try:
                if httpx.get(url + "/api/v1/health", timeout=2).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise CannotRun("ukimet serve did not answer /api/v1/health within 90 s")
            time.sleep(0.25)  # polling for readiness, bounded by the deadline: not a race
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def client(url: str, **headers: str) -> httpx.Client:
    return httpx.Client(base_url=url, follow_redirects=False, timeout=90, headers=headers)


def api_login(http: httpx.Client, account: Account, password: str | None = None,
              headers: dict[str, str] | None = None) -> httpx.Response:
    return http.post("/api/v1/auth/login", json={"name": account.name, "password": password or account.password},
                     headers=headers or {})


def session_token(http: httpx.Client, account: Account) -> str:
    answer = api_login(http, account)
    if answer.status_code != 200:
        raise CannotRun(f"API sign-in of {account.name} answered {answer.status_code}: {answer.text[:160]}")
    body = answer.json()
    token = body.get("token") or body.get("session") or body.get("access_token")
    if not isinstance(token, str):
        raise CannotRun(f"API sign-in gave no token: {list(body)}")
    return token


def web_login(http: httpx.Client, account: Account, password: str | None = None,
              headers: dict[str, str] | None = None) -> httpx.Response:
    page = http.get("/login", headers=headers or {})
    data = {"name": account.name, "password": password or account.password, "code": "", "next": "/"}
    for name, value in re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text):
        data.setdefault(name, value)
    return http.post("/login", data=data, headers=headers or {})


def cookie_of(answer: httpx.Response, name: str = "ukimet_session") -> str | None:
    for header in answer.headers.get_list("set-cookie"):
        if header.startswith(name + "="):
            value = header.split(";", 1)[0].split("=", 1)[1]
            return value or None
    return None


def signed_in_web(url: str, cookie: str, account: Account) -> bool:
    """Does this cookie still open the signed-in start page as the account?"""
    with client(url) as http:
        http.cookies.set("ukimet_session", cookie)
        page = http.get("/")
        return page.status_code == 200 and account.name in page.text


def signed_in_bearer(url: str, token: str) -> bool:
    with client(url, Authorization=f"Bearer {token}") as http:
        return http.get("/api/v1/me").status_code == 200


def logout_form(http: httpx.Client, path: str = "/") -> dict[str, str]:
    """The hidden fields of the page's sign-out form (a CSRF token, if the form has one)."""
    page = http.get(path)
    form = re.search(r'<form[^>]*action="/logout"[^>]*>(.*?)</form>', page.text, re.DOTALL)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(1))) if form else {}
    if not fields:
        token = csrf_of(http, path)
        fields = {"csrf": token} if token else {}
    return fields


def csrf_of(http: httpx.Client, path: str = "/") -> str | None:
    page = http.get(path)
    found = re.search(r'name="(csrf[^"]*)"[^>]*value="([^"]+)"', page.text) or re.search(
        r'value="([^"]+)"[^>]*name="(csrf[^"]*)"', page.text)
    if not found:
        return None
    return found.group(2) if found.group(1).startswith("csrf") else found.group(1)


def error_id(answer: httpx.Response) -> str | None:
    try:
        body = answer.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict) and isinstance(error.get("id"), str) and error["id"]:
        return str(error["id"])
    return None
