"""cli (interface C1): every command that reads through the gateway or acts as a named user authenticates; `--as`
names the account and never proves it. No terminal here: without UKIMET_TOKEN a command must exit 1 with one line
saying how to sign in; a wrong, expired, revoked or foreign token, or another user's token with --as, is refused."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import common
from common import CannotRun


def policy_text(ctx: Any) -> str:
    """The policy in force as TOML (read as the administrator), for files the checks load."""
    cached = ctx.facts.get("_policy")
    if cached:
        return str(cached)
    done = common.run(ctx.copy("policy-show"), ["policy", "show"], env=common.with_token(ctx.tokens["admin"]))
    text = done.out if done.rc == 0 and "[roles." in done.out else ""
    if not text:
        with contextlib.closing(common.connect(ctx.base)) as db:
            table = common.find_table(db, "polic")
            cols = common.columns(db, table)
            if "text" in cols:
                row = db.execute(f'SELECT text FROM "{table}" ORDER BY rowid DESC LIMIT 1').fetchone()
                text = str(row[0]) if row else ""
    if "[roles." not in text:
        raise CannotRun("could not read the policy in force (policy show)")
    ctx.facts["_policy"] = text
    return text


def files(ctx: Any) -> dict[str, str]:
    folder = ctx.workdir / "files"
    folder.mkdir(exist_ok=True)
    policy = folder / "policy.toml"
    proof = folder / "proof.json"
    if not policy.exists():
        try:
            policy.write_text(policy_text(ctx))
        except CannotRun:
            policy.write_text("[roles.analyst]\nsmall_cell = 10\n")
        proof.write_text('{"entry": {}, "proof": []}\n')
    return {"policy_file": str(policy), "proof_file": str(proof)}


def fill(ctx: Any, args: list[str]) -> list[str]:
    extra = files(ctx)
    return [a.format(**extra) if "{" in a else a for a in args]


def policy_versions(home: Path) -> int:
    with contextlib.closing(common.connect(home)) as db:
        return int(db.execute(f'SELECT count(*) FROM "{common.find_table(db, "polic")}"').fetchone()[0])


def _refused(done: common.Proc) -> tuple[bool, str]:
    if common.USAGE.search(done.text):
        raise CannotRun(f"the command line does not take these arguments: {done.brief()}")
    if done.traceback:
        return False, "a traceback instead of one line"
    if done.rc == 0:
        return False, f"answered (exit 0): {done.brief()}"
    return True, f"refused (exit {done.rc}): {done.brief()}"


def no_credential(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.copy("cli")  # commands run on copies only: the base stays as built
    before = policy_versions(home) if p.get("writes") else 0
    done = common.run_as(home, fill(ctx, p["args"]), env=p.get("env"))
    if p.get("writes") and policy_versions(home) != before:
        return False, "the command changed the store with no credential"
    if done.traceback:
        return False, "a traceback instead of one line"
    if done.rc != 1:
        return False, f"exit {done.rc}, not 1, with no credential: {done.brief()}"
    if not common.NOT_SIGNED_IN.search(done.text):
        return False, f"exit 1 but does not say how to sign in (UKIMET_TOKEN): {done.brief()}"
    said = [x for x in done.text.splitlines() if any(c.isalnum() for c in x)]  # box borders aside
    if len(said) > int(p.get("max_lines", 3)):
        return False, "more than one short message"
    return True, "exit 1, says to set UKIMET_TOKEN or use a terminal"


def _expired_token(ctx: Any, home: Path, name: str) -> str:
    done = common.run(home, ["user", "token", name, "--days", "0"])
    found = common.TOKEN_RE.search(done.text)
    token = found.group(0) if done.rc == 0 and found else common.issue_token(home, name)
    with contextlib.closing(common.connect(home)) as db:
        table = common.find_table(db, "token")
        expiry = [c for c in common.columns(db, table) if "expir" in c.lower()]
        if not expiry:
            raise CannotRun("no expiry column on the API tokens to age a token")
        for column in expiry:
            common.drop_triggers(db)
            db.execute(f'UPDATE "{table}" SET "{column}" = ?', ("2001-01-01 00:00:00.000000",))
    return token


def bad_token(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A token that must not sign anyone in."""
    kind = p["kind"]
    home = ctx.copy("cli-token")
    args = fill(ctx, p["args"])
    victim = ctx.accounts[p.get("user", "social")].name
    if kind == "garbage":
        token = "ukt_" + "A" * 43
    elif kind == "empty":
        token = ""
    elif kind == "prefix_only":
        token = "ukt_"
    elif kind == "truncated":
        token = ctx.tokens[p.get("user", "social")][:-4]
    elif kind == "hash":
        with contextlib.closing(common.connect(ctx.base)) as db:
            table = common.find_table(db, "token")
            row = db.execute(f'SELECT * FROM "{table}" LIMIT 1').fetchone()
        hexes = [str(v) for v in (row or []) if isinstance(v, str) and re.fullmatch(r"[0-9a-fA-F]{32,}", v)]
        if not hexes:
            raise CannotRun("no stored token hash to replay")
        token = ("ukt_" if p.get("prefix") else "") + hexes[0]
    elif kind == "expired":
        home = ctx.copy("cli-expired")
        token = _expired_token(ctx, home, victim)
    elif kind == "revoked":
        home = ctx.copy("cli-revoked")
        token = common.issue_token(home, victim)
        done = common.run(home, ["user", "revoke", victim])
        if done.rc != 0:
            return False, f"`ukimet user revoke` failed or does not exist: {done.brief()}"
    elif kind == "after_passwd":
        home = ctx.copy("cli-passwd")
        token = common.issue_token(home, victim)
        done = common.run(home, ["user", "passwd", victim, "--password-stdin"], stdin="New-pass-2026-xyz!\n")
        if done.rc != 0:
            done = common.run(home, ["user", "passwd", victim], stdin="New-pass-2026-xyz!\nNew-pass-2026-xyz!\n")
        if done.rc != 0:
            return False, f"`ukimet user passwd` failed or does not exist: {done.brief()}"
        # a password change ends sessions; an API token is a separate credential: revoke is what ends it
        if p.get("expect") == "either":
            check = common.run(home, args, env=common.with_token(token))
            return (not check.traceback, "no traceback" if not check.traceback else "traceback")
    elif kind == "foreign_home":
        other = ctx.copy("cli-foreign")
        token = common.issue_token(other, victim)
    elif kind == "other_user":
        token = ctx.tokens[p["token_of"]]
    else:
        raise CannotRun(f"unknown token kind {kind}")
    before = policy_versions(home) if p.get("writes") else 0
    done = common.run_as(home, args, env=common.with_token(token) | p.get("env", {}))
    if p.get("writes") and policy_versions(home) != before:
        return False, f"{kind} token: the policy changed"
    ok, said = _refused(done)
    return ok, f"{kind} token: {said}"


def accepted(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Control: the right token (with or without the matching --as) does work, so refusals above are not a
    command line that refuses everything."""
    home = ctx.copy("cli-ok")
    done = common.run_as(home, fill(ctx, p["args"]), env=common.with_token(ctx.tokens[p["token_of"]]))
    if done.rc != 0:
        return False, f"the right token was refused (exit {done.rc}): {done.brief()}"
    return True, "answered with the right token"


def stdin_password(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A password piped on standard input (no terminal): a wrong one must never sign in."""
    done = common.run(ctx.copy("cli-stdin"), fill(ctx, p["args"]), stdin=p["stdin"])
    return _refused(done)


def operator_help(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """An operator-only verb says, in its --help, the OS-level trust it runs with."""
    done = common.run(ctx.base, p["args"] + ["--help"])
    if done.rc != 0:
        return False, f"--help failed: {done.brief()}"
    text = " ".join(done.text.split()).lower()
    if re.search(p.get("pattern", r"operator|os[- ]level|operating system|whoever can read|os user"), text):
        return True, "its help names the operator's OS-level trust"
    return False, "its help does not say it runs with the OS-level trust of whoever can read the home"


def readme(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    text = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    missing = [w for w in p["words"] if not re.search(w, text, re.IGNORECASE)]
    return (not missing, "README says it" if not missing else f"README lacks: {', '.join(missing)}")


CHECKS: dict[str, common.Check] = {"no_credential": no_credential, "bad_token": bad_token, "accepted": accepted,
    "stdin_password": stdin_password, "operator_help": operator_help, "readme": readme}
