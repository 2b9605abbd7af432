"""files: nothing a home holds may be readable or writable by group or others (home 0700, files 0600), after every
kind of work; another OS user really cannot read it; `ukimet doctor` names a loosened file and a key beside the
log."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path
from typing import Any

import common
from common import CannotRun


def exposed(root: Path) -> list[str]:
    """Every path under root (root included) with any group/other permission bit."""
    found = []
    for path in [root, *root.rglob("*")]:
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(mode):
            continue
        if mode & 0o077:
            found.append(f"{path.relative_to(root.parent)} {oct(mode & 0o777)}")
    return found


def _stage(ctx: Any, home: Path, stage: str, umask: int | None) -> list[Path]:
    """Do the work of a stage on the home; returns extra folders it wrote outside the home."""
    token = common.with_token(ctx.tokens["admin"])
    extra: list[Path] = []
    if stage == "demo":
        pass
    elif stage == "sync":
        done = common.run(home, ["sync"], umask=umask)
        if done.rc != 0:
            raise CannotRun(f"sync failed: {done.brief()}")
    elif stage == "link":
        common.run(home, ["link"], umask=umask)
    elif stage == "checkpoint":
        done = common.run(home, ["audit", "checkpoint"], umask=umask)
        if done.rc != 0:
            raise CannotRun(f"audit checkpoint failed: {done.brief()}")
    elif stage == "query":
        common.run(home, ["query", "--as", ctx.accounts["admin"].name, "SELECT count(*) FROM mart.families"],
                   env=token, umask=umask)
    elif stage == "serve":
        with common.serve(home) as url, common.client(url) as http:
            bearer = common.session_token(http, ctx.accounts["admin"])
            http.post("/api/v1/query", json={"sql": "SELECT count(*) FROM mart.persons"},
                      headers={"Authorization": f"Bearer {bearer}"})
            common.web_login(http, ctx.accounts["analyst"])
    elif stage in ("export", "chart"):
        out = home.parent / "exported"
        extra.append(out)
        if stage == "export":
            args = ["source-audit", "--as", ctx.accounts["auditor"].name, "--out", str(out)]
            env = common.with_token(ctx.tokens["auditor"])
        else:
            args = ["family", "regions", "--as", ctx.accounts["social"].name, "--out", str(out)]
            env = common.with_token(ctx.tokens["social"])
        done = common.run(home, args, env=env, umask=umask)
        if done.rc != 0 or not out.exists() or not any(out.iterdir()):
            raise CannotRun(f"{' '.join(args[:2])} wrote nothing ({done.rc}): {done.brief()}")
    else:
        raise CannotRun(f"unknown stage {stage}")
    return extra


def modes(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """After a stage of work, no path of the home (nor what the stage exported) is open to group or others."""
    home = ctx.base if p["stage"] == "demo" else ctx.copy("files-" + p["stage"])
    umask = int(p["umask"], 8) if "umask" in p else None
    extra = _stage(ctx, home, p["stage"], umask)
    if p.get("touch_anchor"):
        extra.append(Path(p["touch_anchor"]))
    bad = exposed(home)
    for folder in extra:
        bad += exposed(folder)
    home_mode = home.stat().st_mode & 0o777
    if home_mode != 0o700:
        bad.insert(0, f"home itself {oct(home_mode)}")
    if bad:
        return False, f"{len(bad)} paths open to others after {p['stage']}: {'; '.join(bad[:4])}"
    return True, f"after {p['stage']}: home 0700, every file owner-only"


def other_user(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """The OS user `nobody` tries to read files of the home (the harness's work folders are 0755 on purpose, so
    only the home's own modes stand in the way)."""
    home = ctx.base
    if os.geteuid() != 0 or subprocess.run(["runuser", "-u", "nobody", "--", "true"], check=False).returncode:
        raise CannotRun("needs root and runuser to act as the OS user nobody")
    read = []
    for name in p["files"]:
        path = home / name
        if not path.exists():
            continue
        done = subprocess.run(["runuser", "-u", "nobody", "--", "head", "-c", "16", str(path)],
                              capture_output=True, check=False)
        if done.returncode == 0:
            read.append(name)
    listing = subprocess.run(["runuser", "-u", "nobody", "--", "ls", str(home)], capture_output=True, check=False)
    if listing.returncode == 0:
        read.append("(the home's listing)")
    if read:
        return False, f"the OS user nobody read: {', '.join(read)}"
    return True, "the OS user nobody could read none of them"


def doctor(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Loosen something, run `ukimet doctor`: it must exit non-zero and name what to fix."""
    home = ctx.copy("doctor")
    env: dict[str, str] = {}
    target = p.get("path")
    if p["mutation"] == "chmod":
        path = home / target if target != "." else home
        if not path.exists():
            raise CannotRun(f"no {target} in the home")
        path.chmod(int(p["mode"], 8))
        must_name = path.name if target != "." else str(home)
    elif p["mutation"] == "new_file":
        path = home / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("left by another tool\n")
        path.chmod(int(p["mode"], 8))
        must_name = path.name
    elif p["mutation"] == "settings_password":
        (home / "ukimet.toml").write_text(p["toml"])
        (home / "ukimet.toml").chmod(0o600)
        must_name = p["must_name"]
    elif p["mutation"] == "key_beside_log":
        common.run(home, ["audit", "checkpoint"])  # makes the signing key where the settings put it
        must_name = "key"
    else:
        raise CannotRun(f"unknown mutation {p['mutation']}")
    done = common.run(home, ["doctor"], env=env)
    if done.traceback:
        return False, "doctor crashed with a traceback"
    if p["mutation"] == "key_beside_log":
        lines = [x.lower() for x in done.text.splitlines()]
        hit = [x for x in lines if "key" in x and any(w in x for w in ("warn", "fail", "!", "✗", "×"))]
        return (bool(hit), "doctor flags the signing key kept beside the log" if hit else
                "doctor does not flag the signing key kept in the home beside the log")
    if done.rc == 0:
        return False, f"doctor exits 0 after {p['mutation']} {target or ''}"
    if must_name.lower() not in done.text.lower():
        return False, f"doctor exits {done.rc} but does not name {must_name}"
    return True, f"doctor exits {done.rc} and names {must_name}"


def loosened_tightened(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A file left 0644 by an older tool: the next ordinary command closes it again (or refuses to run)."""
    home = ctx.copy("tighten")
    path = home / p["path"]
    path.chmod(0o644)
    home.chmod(0o755)
    done = common.run(home, p["args"], env=common.with_token(ctx.tokens["admin"]))
    still = exposed(home)
    if not still:
        return True, f"{' '.join(p['args'][:2])} closed the home again"
    if done.rc != 0 and "perm" in done.text.lower():
        return True, "the command refused to run on an open home, naming the permissions"
    return False, f"after {' '.join(p['args'][:2])} still open: {'; '.join(still[:3])}"


CHECKS: dict[str, common.Check] = {
    "modes": modes, "other_user": other_user, "doctor": doctor, "loosened": loosened_tightened}
