"""signin (interface C3): per-account and per-address throttling, lockout even with the right password (429 and
Retry-After), an alert of kind signin_lockout, every failed sign-in an audit entry (signin_failed, signin_locked),
and unknown accounts answered like known ones, in the same time."""

from __future__ import annotations

import statistics
import time
from typing import Any

import common
import httpx
from common import Account, CannotRun


def _attempt(http: httpx.Client, via: str, account: Account, password: str,
             headers: dict[str, str] | None = None) -> httpx.Response:
    if via == "web":
        return common.web_login(http, account, password, headers)
    return common.api_login(http, account, password, headers)


def _locked(answer: httpx.Response) -> bool:
    return answer.status_code == 429


def brute_force(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Many wrong passwords for one account: 429 with Retry-After by the limit, then the right password is
    refused too; an alert and audit entries follow."""
    home = ctx.copy("signin-brute")
    who = ctx.accounts[p.get("who", "analyst")]
    tries = int(p.get("tries", 40))
    limit = int(p.get("limit", 5))
    env = {k: str(v) for k, v in p.get("env", {}).items()}
    failures: list[str] = []
    with common.serve(home, env) as url, common.client(url) as http:
        before = common.audit_count(home)
        statuses = []
        first_429 = None
        retry_after = None
        for i in range(tries):
            answer = _attempt(http, p.get("via", "api"), who, f"wrong-{i}", p.get("headers"))
            statuses.append(answer.status_code)
            if _locked(answer) and first_429 is None:
                first_429 = i + 1
                retry_after = answer.headers.get("retry-after")
        right = _attempt(http, p.get("via", "api"), who, who.password, p.get("headers"))
    if first_429 is None:
        failures.append(f"no 429 in {tries} wrong passwords (statuses {sorted(set(statuses))})")
    elif first_429 > limit + 1:
        failures.append(f"first 429 only at try {first_429} (limit {limit})")
    if first_429 is not None and not (retry_after or "").strip().isdigit():
        failures.append(f"429 without a Retry-After in seconds ({retry_after!r})")
    if right.status_code != 429:
        failures.append(f"the right password during the lockout answered {right.status_code}")
    if p.get("audit", True):
        rows = common.audit_rows(home)[before:]
        actions = [str(r.get(common.action_column(r), "")) for r in rows] if rows else []
        failed = sum(a == "signin_failed" for a in actions)
        if failed < min(limit, tries):
            failures.append(f"{failed} signin_failed audit entries for {tries} failures")
        if "signin_locked" not in actions:
            failures.append("no signin_locked audit entry")
        if "signin_lockout" not in common.alerts_text(home):
            failures.append("no signin_lockout alert")
    if failures:
        return False, "; ".join(failures)
    return True, f"429 from try {first_429}, Retry-After {retry_after}, right password refused, audited, alerted"


def per_address(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """One address trying one wrong password on many accounts: blocked past the per-address limit, also for an
    account never tried, also when the client sends another X-Forwarded-For each time (no trusted proxy)."""
    home = ctx.copy("signin-address")
    accounts = int(p.get("accounts", 25))
    limit = int(p.get("limit", 20))
    rotate = bool(p.get("rotate_forwarded_for"))
    with common.serve(home) as url, common.client(url) as http:
        statuses = []
        for i in range(accounts):
            name = f"{p.get('prefix', 'nobody')}-{i}" if not p.get("known") else ctx.accounts[
                ["analyst", "auditor", "social", "case", "engineer", "citizen"][i % 6]].name
            headers = {"X-Forwarded-For": f"10.9.{i // 250}.{i % 250 + 1}"} if rotate else {}
            statuses.append(_attempt(http, p.get("via", "api"), Account(name, "x"), f"wrong-{i}", headers).status_code)
        fresh = ctx.accounts["admin"]
        headers = {"X-Forwarded-For": "10.9.200.200"} if rotate else {}
        right = _attempt(http, p.get("via", "api"), fresh, fresh.password, headers)
    first = next((i + 1 for i, s in enumerate(statuses) if s == 429), None)
    if first is None or first > limit + 1:
        return False, f"no per-address block by try {limit + 1} (first 429: {first})"
    if right.status_code != 429:
        return False, f"blocked address still signs another account in ({right.status_code})"
    return True, f"address blocked from try {first}; other accounts refused too"


def same_answer(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """An unknown account gets the same status and body as a known one with a wrong password."""
    home = ctx.copy("signin-same")
    with common.serve(home) as url, common.client(url) as http:
        known = _attempt(http, p.get("via", "api"), ctx.accounts["auditor"], "wrong-one")
        unknown = _attempt(http, p.get("via", "api"), Account(p.get("unknown", "no-such-user-77"), "x"), "wrong-one")
    a, b = known.text.replace(ctx.accounts["auditor"].name, "NAME"), unknown.text.replace(
        p.get("unknown", "no-such-user-77"), "NAME")
    if known.status_code != unknown.status_code:
        return False, f"known account {known.status_code}, unknown {unknown.status_code}"
    if a != b:
        return False, "the bodies differ between a known and an unknown account"
    return True, f"both {known.status_code} with the same body"


def timing(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Medians of 15 sign-ins each, known account with a wrong password vs unknown account: within 3x. Limits
    are raised for this server so no attempt is throttled."""
    home = ctx.copy("signin-timing")
    env = {"UKIMET_SIGNIN_MAX_FAILURES": "1000", "UKIMET_SIGNIN_MAX_FAILURES_PER_ADDRESS": "1000"}
    n = int(p.get("n", 15))
    known_t: list[float] = []
    unknown_t: list[float] = []
    with common.serve(home, env) as url, common.client(url) as http:
        _attempt(http, p.get("via", "api"), ctx.accounts["engineer"], "warm-up")
        for i in range(n):  # interleaved, so load on the machine hits both alike
            for account, into in ((ctx.accounts["engineer"], known_t), (Account(f"ghost-{i}-rt", "x"), unknown_t)):
                start = time.perf_counter()
                answer = _attempt(http, p.get("via", "api"), account, f"wrong-{i}")
                into.append(time.perf_counter() - start)
                if answer.status_code == 429:
                    raise CannotRun("throttled although the limits were raised (settings not read?)")
    k, u = statistics.median(known_t), statistics.median(unknown_t)
    ratio = max(k, u) / max(min(k, u), 1e-6)
    said = f"median known {k * 1000:.0f} ms, unknown {u * 1000:.0f} ms (ratio {ratio:.1f})"
    return ratio <= float(p.get("max_ratio", 3.0)), said


def unknown_audited(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A failed sign-in of an account that does not exist is audited as well."""
    home = ctx.copy("signin-unknown")
    with common.serve(home) as url, common.client(url) as http:
        before = common.audit_count(home)
        for i in range(int(p.get("tries", 3))):
            _attempt(http, p.get("via", "api"), Account(f"intruder-{i}", "x"), "guess")
    rows = common.audit_rows(home)[before:]
    failed = [r for r in rows if str(r.get(common.action_column(r) if r else "action", "")) == "signin_failed"]
    if len(failed) < int(p.get("tries", 3)):
        return False, f"{len(failed)} signin_failed entries for {p.get('tries', 3)} unknown-account failures"
    return True, "every unknown-account failure audited"


def mfa_codes(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Right password, wrong second-factor codes over and over: throttled like wrong passwords."""
    home = ctx.copy("signin-mfa")
    who = ctx.accounts["auditor"]
    done = common.run(home, ["user", "mfa", who.name])
    if done.rc != 0:
        raise CannotRun(f"user mfa failed: {done.brief()}")
    with common.serve(home) as url, common.client(url) as http:
        statuses = [http.post("/api/v1/auth/login", json={"name": who.name, "password": who.password,
                                                           "code": f"{i:06d}"}).status_code
                    for i in range(int(p.get("tries", 20)))]
    first = next((i + 1 for i, s in enumerate(statuses) if s == 429), None)
    if first is None or first > int(p.get("limit", 5)) + 1:
        return False, f"wrong codes not throttled (first 429: {first}; statuses {sorted(set(statuses))})"
    return True, f"wrong codes throttled from try {first}"


CHECKS: dict[str, common.Check] = {
    "brute_force": brute_force, "per_address": per_address, "same_answer": same_answer, "timing": timing,
    "unknown_audited": unknown_audited, "mfa_codes": mfa_codes}
