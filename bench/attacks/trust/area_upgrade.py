"""upgrade: a home built by the previous release (main at d891802, run from its own source) is opened by the new
code: it upgrades itself (or through `ukimet upgrade`/`ukimet migrate` if the command line has one), its audit
log verifies with every old entry kept (and its old checkpoints under the old key), and it answers queries on the
command line and the served API."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import area_files
import common
from common import CannotRun

OLD_ADMIN = common.Account("rt-old-admin", "admin")


def upgrade(home: Path) -> str:
    """Run the upgrade command if there is one; returns what was done."""
    listing = common.run(home, ["--help"]).text
    for words in (["upgrade"], ["migrate"], ["db", "upgrade"], ["metadata", "upgrade"]):
        if re.search(rf"│\s*{words[0]}\s", listing):
            done = common.run(home, words)
            if done.rc != 0:
                raise CannotRun(f"ukimet {' '.join(words)} failed (exit {done.rc}): {done.brief()}")
            return f"ukimet {' '.join(words)}"
    return "no upgrade command: opened directly"


def old_entries(home: Path) -> list[tuple[str, str]]:
    rows = common.audit_rows(home)
    return [(str(r.get("seq", i)), str(r.get("hash", ""))) for i, r in enumerate(rows)]


def verify(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.prev_copy("upgrade-verify")
    before = old_entries(home)
    did = upgrade(home)
    if p.get("write_first"):
        token = common.issue_token(home, OLD_ADMIN.name)
        common.run(home, ["query", "--as", OLD_ADMIN.name, "SELECT count(*) FROM mart.families"],
                   env=common.with_token(token))
    args = ["audit", "verify"]
    if p.get("trusted"):
        args += ["--trusted-key", (home.parent / "public_key").read_text().strip()]
    done = common.run(home, args)
    after = old_entries(home)
    missing = [s for s in before if s not in after]
    if done.rc != 0 or done.traceback:
        return False, f"{did}; audit verify exit {done.rc}: {done.brief()}"
    if missing:
        return False, f"{did}; {len(missing)} of {len(before)} old entries gone or changed"
    return True, f"{did}; verify passes, all {len(before)} old entries kept"


def query(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.prev_copy("upgrade-query")
    did = upgrade(home)
    token = common.issue_token(home, OLD_ADMIN.name)
    done = common.run(home, ["query", "--as", OLD_ADMIN.name, p["sql"]], env=common.with_token(token))
    if done.rc != 0 or not re.search(r"\d", done.out):
        return False, f"{did}; query failed (exit {done.rc}): {done.brief()}"
    return True, f"{did}; the old home answers a query"


def api(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.prev_copy("upgrade-api")
    did = upgrade(home)
    with common.serve(home) as url, common.client(url) as http:
        answer = common.api_login(http, OLD_ADMIN)
        if answer.status_code != 200:
            return False, f"{did}; an old account cannot sign in ({answer.status_code})"
        bearer = common.session_token(http, OLD_ADMIN)
        result = http.post("/api/v1/query", json={"sql": p["sql"]}, headers={"Authorization": f"Bearer {bearer}"})
        verified = http.get("/api/v1/audit/verify", headers={"Authorization": f"Bearer {bearer}"})
    if result.status_code != 200:
        return False, f"{did}; POST /api/v1/query answered {result.status_code}"
    if verified.status_code != 200 or '"ok": false' in verified.text.replace('"ok":false', '"ok": false'):
        return False, f"{did}; GET /api/v1/audit/verify answered {verified.status_code}: {verified.text[:100]}"
    return True, f"{did}; sign-in, query and verify through the API"


def tail_detected(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """After the upgrade and new writes, deleting the newest entries is detected (the anchor covers old homes)."""
    home = ctx.prev_copy("upgrade-tail")
    did = upgrade(home)
    token = common.issue_token(home, OLD_ADMIN.name)
    for i in range(3):
        common.run(home, ["query", "--as", OLD_ADMIN.name, f"SELECT count(*) FROM mart.persons WHERE age > {i}"],
                   env=common.with_token(token))
    with contextlib.closing(common.connect(home)) as db:
        table = common.audit_table(db)
        order = common.order_column(db, table)
        common.drop_triggers(db)
        last = [r[0] for r in db.execute(f'SELECT "{order}" FROM "{table}" ORDER BY "{order}" DESC LIMIT 2')]
        for s in last:
            db.execute(f'DELETE FROM "{table}" WHERE "{order}" = ?', (s,))
    done = common.run(home, ["audit", "verify"])
    return (done.rc != 0 and not done.traceback, f"{did}; tail deleted after upgrade: verify exit {done.rc}")


def private(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """The upgraded home (and what the upgrade wrote) is private."""
    home = ctx.prev_copy("upgrade-modes")
    did = upgrade(home)
    common.run(home, ["audit", "verify"])
    bad = area_files.exposed(home)
    return (not bad, f"{did}; " + (f"open: {'; '.join(bad[:3])}" if bad else "home private"))


def policy_after(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Entries written after the upgrade name the policy in force."""
    home = ctx.prev_copy("upgrade-policy")
    did = upgrade(home)
    token = common.issue_token(home, OLD_ADMIN.name)
    before = common.audit_count(home)
    common.run(home, ["query", "--as", OLD_ADMIN.name, "SELECT count(*) FROM mart.families"],
               env=common.with_token(token))
    rows = common.audit_rows(home)[before:]
    if not rows:
        return False, f"{did}; the query left no audit entry"
    empty = [r for r in rows if not str(r.get("policy", "") or "").strip()]
    return (not empty, f"{did}; {len(rows) - len(empty)} of {len(rows)} new entries name a policy")


CHECKS: dict[str, common.Check] = {
    "verify": verify, "query": query, "api": api, "tail": tail_detected, "private": private,
    "policy_after": policy_after}
