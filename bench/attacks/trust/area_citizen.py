"""citizen: citizen data at rest lives in the integrated store behind the gateway, never in the metadata store.
The metadata database file (its bytes, free pages included, and its tables) must hold no IIN, phone or first
name of a person that the store has; reading cases, the SMS outbox or findings leaves an audit entry."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import common
from common import CannotRun

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
PHONE = re.compile(r"\+?\d[\d\s\-()]{8,}\d")


def truth(home: Path) -> dict[str, set[str]]:
    """IINs, phones (last 10 digits) and first names of the persons in the store (read-only)."""
    import duckdb

    with contextlib.closing(duckdb.connect(str(home / "store.duckdb"), read_only=True)) as store:
        rows = store.execute("SELECT iin, phone, first_name FROM mart.persons").fetchall()
    iins = {str(r[0]) for r in rows if r[0] and re.fullmatch(r"\d{12}", str(r[0]))}
    phones = {re.sub(r"\D", "", str(r[1]))[-10:] for r in rows if r[1] and len(re.sub(r"\D", "", str(r[1]))) >= 10}
    names = {str(r[2]).strip().lower() for r in rows if r[2] and len(str(r[2]).strip()) >= 4}
    return {"iin": iins, "phone": phones, "first_name": names}


def account_iins(home: Path) -> set[str]:
    """IINs a citizen account was bound to (they are the account holder's own, given to sign in)."""
    with contextlib.closing(common.connect(home)) as db:
        table = common.find_table(db, "user")
        found: set[str] = set()
        for row in db.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                found.update(re.findall(r"(?<!\d)\d{12}(?!\d)", str(value)))
        return found


def files_of(home: Path, where: str) -> list[Path]:
    if where == "metadata":
        return sorted(home.glob("metadata.sqlite*"))
    return sorted(p for p in home.rglob("*") if p.is_file() and not p.name.startswith("store.duckdb"))


def scan_bytes(paths: list[Path], kind: str, values: set[str]) -> list[str]:
    hits: list[str] = []
    for path in paths:
        data = path.read_bytes()
        if kind == "iin":
            found = {m.decode() for m in re.findall(rb"(?<!\d)\d{12}(?!\d)", data)} & values
        elif kind == "phone":
            found = {m.decode()[-10:] for m in re.findall(rb"(?<!\d)\d{10,11}(?!\d)", data)} & values
        else:
            text = data.decode("utf-8", "ignore").lower()
            found = set(WORD.findall(text)) & values
        hits += [f"{path.name}:{v[:3]}…" for v in sorted(found)[:3]]
        if found:
            hits.append(f"{path.name}: {len(found)} distinct")
    return hits


def scan_tables(home: Path, kind: str, values: set[str], skip: tuple[str, ...]) -> list[str]:
    hits: dict[str, int] = {}
    with contextlib.closing(common.connect(home)) as db:
        for table in common.tables(db):
            if any(s in table.lower() for s in skip):
                continue
            for row in db.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if value is None:
                        continue
                    text = str(value)
                    if kind == "iin":
                        found = set(re.findall(r"(?<!\d)\d{12}(?!\d)", text)) & values
                    elif kind == "phone":
                        found = {re.sub(r"\D", "", m)[-10:] for m in PHONE.findall(text)} & values
                    else:
                        found = {w.lower() for w in WORD.findall(text)} & values
                    if found:
                        hits[table] = hits.get(table, 0) + len(found)
    return [f"{t}: {n}" for t, n in hits.items()]


def no_citizen_data(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.base
    if p.get("after"):
        home = ctx.copy("citizen-after")
        for args in p["after"]:
            common.run_as(home, args, env=common.with_token(ctx.tokens[p.get("token_of", "social")]))
    values = truth(home)[p["kind"]]
    if not values:
        raise CannotRun(f"the store holds no {p['kind']} to look for")
    if p["kind"] == "iin" and not p.get("accounts"):
        values -= account_iins(home)
    if p["how"] == "bytes":
        hits = scan_bytes(files_of(home, p.get("where", "metadata")), p["kind"], values)
    else:
        hits = scan_tables(home, p["kind"], values, tuple(p.get("skip", ())))
    if hits:
        return False, f"{p['kind']} of persons in the store found in {p.get('where', 'metadata')} ({p['how']}): " \
                      + "; ".join(hits[:5])
    return True, f"no {p['kind']} of any person of the store in {p.get('where', 'metadata')} ({p['how']})"


def read_audited(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Reading cases/outbox/findings through the command line leaves an audit entry naming the reader."""
    home = ctx.copy("citizen-read")
    who = p.get("token_of", "social")
    before = common.audit_count(home)
    done = common.run_as(home, p["args"], env=common.with_token(ctx.tokens[who]))
    if done.rc != 0:
        return False, f"the read failed with a valid token (exit {done.rc}): {done.brief()}"
    rows = common.audit_rows(home)[before:]
    mine = [r for r in rows if ctx.accounts[who].name in " ".join(str(v) for v in r.values())]
    if not mine:
        return False, f"{' '.join(p['args'][:2])} answered and left no audit entry naming {ctx.accounts[who].name}"
    return True, f"{len(mine)} audit entries for {' '.join(p['args'][:2])}"


def api_read_audited(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """The same through the served app (REST or a web page)."""
    home = ctx.copy("citizen-api")
    who = ctx.accounts[p.get("who", "social")]
    with common.serve(home) as url, common.client(url) as http:
        if p.get("web"):
            answer = common.web_login(http, who)
            if answer.status_code >= 400:
                raise CannotRun(f"web sign-in answered {answer.status_code}")
            before = common.audit_count(home)
            page = http.get(p["path"])
        else:
            bearer = common.session_token(http, who)
            before = common.audit_count(home)
            page = http.get(p["path"], headers={"Authorization": f"Bearer {bearer}"})
        if page.status_code != 200:
            return False, f"GET {p['path']} answered {page.status_code}"
        rows = common.audit_rows(home)[before:]
    reads = [r for r in rows if who.name in " ".join(str(v) for v in r.values())
             and "signin" not in str(r.get("action", "")) and "login" not in str(r.get("action", ""))]
    if not reads:
        return False, f"GET {p['path']} answered 200 and left no audit entry of the read"
    return True, f"GET {p['path']}: {len(reads)} audit entries"


def outbox_rendered(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """The SMS texts are rendered when sent, not stored: no table of the metadata store holds a greeting with a
    name (the demo's SMS begin with the greeting words of the templates)."""
    hits = []
    with contextlib.closing(common.connect(ctx.base)) as db:
        for table in common.tables(db):
            for row in db.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str) and re.search(p["pattern"], value):
                        hits.append(table)
                        break
    if hits:
        return False, f"rendered SMS texts stored in {sorted(set(hits))}"
    return True, "no rendered SMS text in the metadata store"


def no_cases(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Control for the scans: the demo did open cases (else a clean metadata store proves nothing)."""
    done = common.run_as(ctx.copy("citizen-cases"), ["cases", "list", "--as", ctx.accounts["social"].name],
                         env=common.with_token(ctx.tokens["social"]))
    if done.rc == 0 and re.search(r"\d", done.out):
        return True, "the demo opened cases"
    return False, f"cases list answered nothing usable (exit {done.rc}): {done.brief()}"


CHECKS: dict[str, common.Check] = {
    "scan": no_citizen_data, "read_audited": read_audited, "api_read_audited": api_read_audited,
    "outbox_rendered": outbox_rendered, "control_cases": no_cases}
