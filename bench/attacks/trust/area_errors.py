"""errors (interface C5): status from the error's type (404, 401, 403, 422, 429, 503) with one JSON body
{"error": {"id", "what", "why", "fix"}}; an unavailable audit store is a 503, never a policy refusal; messages
translated; no code deciding by English wording."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import area_cli
import area_config
import common
from common import CannotRun


def _shape(answer: Any) -> list[str]:
    problems = []
    try:
        body = answer.json()
    except ValueError:
        return ["the body is not JSON"]
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return ["no error object"]
    for field in ("id", "what", "why", "fix"):
        if not error.get(field):
            problems.append(f"no error.{field}")
    return problems


def status(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.copy("errors-status")
    with common.serve(home) as url, common.client(url) as http:
        headers = {}
        if p.get("who"):
            headers["Authorization"] = f"Bearer {common.session_token(http, ctx.accounts[p['who']])}"
        if p.get("bearer"):
            headers["Authorization"] = f"Bearer {p['bearer']}"
        answer = http.request(p["method"], p["path"], json=p.get("body"), headers=headers | p.get("headers", {}),
                              content=p.get("raw"))
    problems = []
    if answer.status_code != p["expect"]:
        problems.append(f"status {answer.status_code}, not {p['expect']}")
    if p.get("shape", True) and answer.status_code >= 400:
        problems += _shape(answer)
    if problems:
        return False, f"{p['method']} {p['path']}: " + "; ".join(problems)
    return True, f"{p['method']} {p['path']}: {answer.status_code} with id {common.error_id(answer)}"


@contextlib.contextmanager
def locked(home: Path) -> Any:
    """The metadata store held by another writer (as a DBA's long transaction or a full disk would)."""
    db = sqlite3.connect(common.metadata_file(home), timeout=5, isolation_level=None)
    try:
        db.execute("BEGIN EXCLUSIVE")
        yield db
    finally:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        db.close()


def unavailable(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.copy("errors-unavailable")
    who = ctx.accounts[p.get("who", "admin")]
    if p.get("via") == "cli":
        with locked(home):
            done = common.run(home, ["query", "--as", who.name, p["sql"]],
                              env=common.with_token(ctx.tokens[p.get("who", "admin")]), timeout=180)
        if done.traceback:
            return False, "a traceback while the audit store is unavailable"
        if done.rc == 0:
            return False, "answered while the audit store could not be written"
        if re.search(r"(?i)refused|not allowed|policy", done.text) and not re.search(r"(?i)unavailable", done.text):
            return False, f"shown as a policy refusal: {done.brief()}"
        return True, f"exit {done.rc}: {done.brief()}"
    with common.serve(home) as url, common.client(url) as http:
        bearer = common.session_token(http, who)
        with locked(home):
            try:
                answer = http.post("/api/v1/query", json={"sql": p["sql"]},
                                   headers={"Authorization": f"Bearer {bearer}"})
            except Exception as exc:
                return False, f"no answer while the audit store is locked: {type(exc).__name__}"
    if answer.status_code != 503:
        return False, f"audit store unavailable answered {answer.status_code}, not 503: {answer.text[:120]}"
    problems = _shape(answer)
    return (not problems, "503 " + ("with the error shape" if not problems else "; ".join(problems)))


def limit(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A daily budget run out: 429 with the error shape (the policy is tightened for the role first)."""
    home = ctx.copy("errors-limit")
    text = area_config.mutated_policy(ctx, {"path": ["roles", p.get("role", "analyst")], "set": p["set"]})
    with common.serve(home) as url, common.client(url) as http:
        admin = common.session_token(http, ctx.accounts["admin"])
        loaded = http.put("/api/v1/policy", json={"text": text, "note": "rt limits"},
                          headers={"Authorization": f"Bearer {admin}"})
        if loaded.status_code != 200:
            raise CannotRun(f"could not load a tighter policy ({loaded.status_code})")
        bearer = common.session_token(http, ctx.accounts[p.get("who", "analyst")])
        statuses = []
        last = None
        for sql in p["sqls"]:
            last = http.post("/api/v1/query", json={"sql": sql, "purpose": p.get("purpose")},
                             headers={"Authorization": f"Bearer {bearer}"})
            statuses.append(last.status_code)
            if last.status_code == 429:
                break
    if last is None or last.status_code != 429:
        return False, f"no 429 when the limit ran out (statuses {statuses})"
    problems = _shape(last)
    return (not problems, "429 " + ("with the error shape" if not problems else "; ".join(problems)))


def translated(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """The same error in kk and en differs, and the kk one is in Kazakh (Cyrillic)."""
    home = ctx.copy("errors-i18n")
    texts = {}
    with common.serve(home) as url, common.client(url) as http:
        for lang in ("kk", "en", "ru"):
            answer = http.request(p["method"], p["path"] + (("&" if "?" in p["path"] else "?") + f"lang={lang}"),
                                  headers={"Accept-Language": lang}, json=p.get("body"))
            try:
                texts[lang] = str(answer.json().get("error", {}).get("what", ""))
            except ValueError:
                texts[lang] = ""
    if not texts["kk"] or texts["kk"] == texts["en"] or not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", texts["kk"]):
        return False, f"error.what not translated: kk={texts['kk'][:40]!r} en={texts['en'][:40]!r}"
    if texts["ru"] == texts["kk"]:
        return False, "ru and kk messages are the same"
    return True, f"kk={texts['kk'][:40]!r}"


def no_english_matching(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Static: no decision taken by matching English message text (the patterns the issue names)."""
    where = subprocess.run([sys.executable, "-c", "import ukimet, os; print(os.path.dirname(ukimet.__file__))"],
                           capture_output=True, text=True, check=True).stdout.strip()
    hits = []
    pattern = re.compile(p["pattern"])
    for path in sorted(Path(where).rglob("*.py")):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                hits.append(f"{path.relative_to(where)}:{n}")
    if hits:
        return False, f"{len(hits)} places: {', '.join(hits[:4])}"
    return True, "none"


def cli_refusal_line(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A refused command prints one clean line (no traceback) and exits non-zero."""
    home = ctx.copy("errors-cli")
    done = common.run(home, area_cli.fill(ctx, p["args"]), env=common.with_token(ctx.tokens[p.get("token_of",
                                                                                                   "analyst")]))
    if done.traceback or done.rc == 0:
        return False, f"exit {done.rc}, traceback {done.traceback}"
    return True, f"exit {done.rc}: {done.brief()}"


CHECKS: dict[str, common.Check] = {
    "status": status, "unavailable": unavailable, "limit": limit, "translated": translated,
    "static": no_english_matching, "cli_refusal": cli_refusal_line}
