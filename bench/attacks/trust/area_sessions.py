"""sessions (interface C2): server-side sessions that logout, a password change and a revoke end at once; idle
timeout from settings; Secure cookies behind https; Cache-Control no-store on personal answers; forged or
tampered cookies refused; session ids opaque and kept hashed."""

from __future__ import annotations

import base64
import contextlib
import re
import time
from pathlib import Path
from typing import Any

import common
from common import CannotRun

NEW_PASSWORD = "Changed-pass-2026-Q!"


def _end(kind: str, ctx: Any, home: Path, url: str, who: common.Account, cookie: str, bearer: str) -> str:
    """End the session(s) the way the check names; returns what was done."""
    with common.client(url) as http:
        if kind == "web_logout":
            http.cookies.set("ukimet_session", cookie)
            answer = http.post("/logout", data=common.logout_form(http))
            return f"POST /logout {answer.status_code}"
        if kind == "api_logout":
            answer = http.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {bearer}"})
            return f"POST /api/v1/auth/logout {answer.status_code}"
        if kind == "api_password":
            other = common.session_token(http, who)
            answer = http.post("/api/v1/auth/password", json={"old": who.password, "new": NEW_PASSWORD},
                               headers={"Authorization": f"Bearer {other}"})
            if answer.status_code >= 300:
                raise CannotRun(f"POST /api/v1/auth/password answered {answer.status_code}: {answer.text[:120]}")
            return "password changed through the API from another session"
    if kind == "cli_passwd":
        done = common.run(home, ["user", "passwd", who.name, "--password-stdin"], stdin=NEW_PASSWORD + "\n")
        if done.rc != 0:
            done = common.run(home, ["user", "passwd", who.name], stdin=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n")
        if done.rc != 0:
            raise CannotRun(f"ukimet user passwd failed or does not exist: {done.brief()}")
        return "ukimet user passwd"
    if kind == "cli_revoke":
        done = common.run(home, ["user", "revoke", who.name])
        if done.rc != 0:
            raise CannotRun(f"ukimet user revoke failed or does not exist: {done.brief()}")
        return "ukimet user revoke"
    raise CannotRun(f"unknown way to end a session: {kind}")


def ended(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Sign in (cookie and bearer), end the session, replay the old credentials: none may still work."""
    home = ctx.copy("sessions-" + p["end"])
    who = ctx.accounts[p.get("who", "analyst")]
    with common.serve(home) as url:
        with common.client(url) as http:
            common.web_login(http, who)
            cookie = http.cookies.get("ukimet_session")
            bearer = common.session_token(http, who)
        if not cookie:
            raise CannotRun("web sign-in set no ukimet_session cookie")
        if not (common.signed_in_web(url, cookie, who) and common.signed_in_bearer(url, bearer)):
            raise CannotRun("the fresh session did not work to begin with")
        token = ctx.tokens[p.get("who", "analyst")]
        did = _end(p["end"], ctx, home, url, who, cookie, bearer)
        still = []
        if "cookie" in p["replay"] and common.signed_in_web(url, cookie, who):
            still.append("the cookie")
        if "bearer" in p["replay"] and common.signed_in_bearer(url, bearer):
            still.append("the bearer session")
        if "token" in p["replay"] and common.signed_in_bearer(url, token):
            still.append("the API token")
    if still:
        return False, f"after {did}: {', '.join(still)} still signed in"
    return True, f"after {did}: {', '.join(p['replay'])} refused"


def idle(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """With session_idle_minutes = 1, a session left alone for longer is over (a bounded wait: the margin is
    tens of seconds, so this is not a race)."""
    home = ctx.copy("sessions-idle")
    who = ctx.accounts["analyst"]
    env = {"UKIMET_SESSION_IDLE_MINUTES": "1", "UKIMET_SESSION_ABSOLUTE_HOURS": "8"}
    with common.serve(home, env) as url:
        with common.client(url) as http:
            common.web_login(http, who)
            cookie = http.cookies.get("ukimet_session")
            bearer = common.session_token(http, who)
        if not cookie or not common.signed_in_bearer(url, bearer):
            raise CannotRun("no working session to begin with")
        busy = p.get("busy", False)
        deadline = time.monotonic() + float(p.get("wait", 80))
        while time.monotonic() < deadline:
            time.sleep(15)
            if busy:  # used every 15 s: an idle timeout must not end a session in use
                common.signed_in_bearer(url, bearer)
        works = common.signed_in_web(url, cookie, who) if p["via"] == "cookie" else common.signed_in_bearer(
            url, bearer)
    if busy:
        return (works, "a session in use outlives the idle timeout" if works else
                "a session used every 15 s was ended by a 1-minute idle timeout")
    return (not works, f"{p['via']} idle {p.get('wait', 80)} s: " + ("still signed in" if works else "ended"))


def cookie_flags(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Set-Cookie of the session: HttpOnly, SameSite Lax/Strict, Secure when served over https."""
    home = ctx.copy("sessions-flags")
    env = {"UKIMET_TRUSTED_PROXY": "true"} if p.get("trusted_proxy") else {}
    headers = {"X-Forwarded-Proto": "https"} if p.get("https") else {}
    with common.serve(home, env) as url, common.client(url) as http:
        answer = common.web_login(http, ctx.accounts["analyst"], headers=headers)
        cookies = [h for h in answer.headers.get_list("set-cookie") if h.startswith("ukimet_session=")]
    if not cookies:
        raise CannotRun(f"sign-in set no session cookie ({answer.status_code})")
    flags = cookies[0].lower()
    missing = [f for f in ("httponly", "samesite") if f not in flags]
    if "samesite=none" in flags:
        missing.append("SameSite not None")
    secure = "; secure" in flags or flags.endswith("secure")
    if p.get("expect_secure") and not secure:
        missing.append("Secure")
    if p.get("expect_secure") is False and secure:
        missing.append("no Secure on plain http from an untrusted client")
    if missing:
        return False, f"session cookie lacks: {', '.join(missing)}"
    return True, f"cookie flags right: {cookies[0].split(';', 1)[1].strip()[:80]}"


def no_store(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Every answer to a signed-in user with personal data: Cache-Control no-store."""
    home = ctx.copy("sessions-nostore")
    who = ctx.accounts[p.get("who", "social")]
    bad = []
    with common.serve(home) as url, common.client(url) as http:
        if p.get("web"):
            common.web_login(http, who)
            headers: dict[str, str] = {}
        else:
            headers = {"Authorization": f"Bearer {common.session_token(http, who)}"}
        for spec in p["requests"]:
            method, path = spec[0], spec[1]
            body = spec[2] if len(spec) > 2 else None
            answer = http.request(method, path, json=body, headers=headers)
            control = answer.headers.get("cache-control", "")
            if "no-store" not in control.lower():
                bad.append(f"{method} {path} ({answer.status_code}): '{control or 'none'}'")
    if bad:
        return False, "no no-store on " + "; ".join(bad[:4])
    return True, f"no-store on all {len(p['requests'])} answers"


def _flip(value: str) -> str:
    """One character changed in the middle (a base64 character there carries all its bits: the last one of a
    base64 text may not, and changing it could leave the same bytes)."""
    i = len(value) // 2
    while i < len(value) - 1 and not value[i].isalnum():
        i += 1
    return value[:i] + ("A" if value[i] != "A" else "B") + value[i + 1:]


def forged(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A made-up, tampered or replayed-from-elsewhere cookie/bearer does not sign anyone in."""
    home = ctx.copy("sessions-forged")
    who = ctx.accounts["admin"]
    with common.serve(home) as url:
        with common.client(url) as http:
            common.web_login(http, who)
            real = http.cookies.get("ukimet_session") or ""
            bearer = common.session_token(http, who)
        kind = p["kind"]
        if kind == "random":
            fake = "A" * max(len(real), 32)
        elif kind == "flip":
            fake = _flip(real)
        elif kind == "name_payload":  # the old signed format's payload with another name
            fake = base64.urlsafe_b64encode(b'{"user":"rt-admin","nonce":"00"}').decode().rstrip("=") + "." + \
                   real.split(".", 1)[-1] if "." in real else real + "x"
        elif kind == "truncate":
            fake = real[: len(real) // 2]
        elif kind == "bearer_flip":
            fake = _flip(bearer)
        else:
            raise CannotRun(f"unknown forgery {kind}")
        works = common.signed_in_web(url, fake, who) or common.signed_in_bearer(url, fake)
    return (not works, f"{kind} credential " + ("signed in!" if works else "refused"))


def opaque(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Session ids are opaque random ids (no user name inside) and only their hash is stored."""
    home = ctx.copy("sessions-opaque")
    who = ctx.accounts["auditor"]
    with common.serve(home) as url, common.client(url) as http:
        common.web_login(http, who)
        cookie = http.cookies.get("ukimet_session") or ""
        bearer = common.session_token(http, who)
    problems = []
    for label, value in (("cookie", cookie), ("bearer", bearer)):
        if not value:
            problems.append(f"no {label}")
            continue
        decoded = value
        for part in re.split(r"[.:]", value):
            padded = part + "=" * (-len(part) % 4)
            with contextlib.suppress(ValueError):
                decoded += base64.urlsafe_b64decode(padded).decode("utf-8", "ignore")
        if who.name in decoded:
            problems.append(f"the {label} carries the user name")
        if p.get("hashed"):
            for path in home.glob("metadata.sqlite*"):
                if value.encode() in path.read_bytes():
                    problems.append(f"the {label} is stored in clear in {path.name}")
    if problems:
        return False, "; ".join(problems)
    return True, "opaque ids" + (", stored hashed" if p.get("hashed") else "")


def password_needs_old(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """POST /api/v1/auth/password with a wrong old password changes nothing."""
    home = ctx.copy("sessions-oldpw")
    who = ctx.accounts["analyst"]
    with common.serve(home) as url, common.client(url) as http:
        bearer = common.session_token(http, who)
        answer = http.post("/api/v1/auth/password", json={"old": "not-the-password", "new": NEW_PASSWORD},
                           headers={"Authorization": f"Bearer {bearer}"})
        if answer.status_code == 404:
            return False, "POST /api/v1/auth/password does not exist"
        now = common.api_login(http, who, NEW_PASSWORD).status_code
        old = common.api_login(http, who).status_code
    if answer.status_code < 400 or now == 200:
        return False, f"a wrong old password changed it ({answer.status_code}, new password signs in: {now})"
    if old != 200:
        return False, f"the unchanged password no longer signs in ({old})"
    return True, f"refused with {answer.status_code}; the password is unchanged"


CHECKS: dict[str, common.Check] = {
    "ended": ended, "idle": idle, "cookie_flags": cookie_flags, "no_store": no_store, "forged": forged,
    "opaque": opaque, "password_needs_old": password_needs_old}
