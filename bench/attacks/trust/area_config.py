"""config (interface C6): a policy with a misspelt forbidden kind or row filter, an unknown key or a value of the
wrong type is refused naming the place, through `ukimet policy load` and `PUT /api/v1/policy` (4xx, never 500,
never silently stored); the other TOML files the model reads and the settings likewise."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import area_cli
import common
from common import CannotRun

BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(k: str) -> str:
    return k if BARE.match(k) else json.dumps(k, ensure_ascii=False)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }"
    raise CannotRun(f"cannot write {type(v).__name__} as TOML")


def dumps(data: dict[str, Any], name: str = "") -> str:
    """TOML for the shapes policies have: top-level tables, tables of tables, values and inline tables."""
    tables_of_tables = bool(data) and all(isinstance(v, dict) for v in data.values())
    sub = {k: v for k, v in data.items() if isinstance(v, dict) and (not name or tables_of_tables)}
    out = f"\n[{name}]\n" if name and len(sub) < len(data) else ""
    out += "".join(f"{_key(k)} = {_value(v)}\n" for k, v in data.items() if k not in sub)
    for k, v in sub.items():
        out += dumps(v, f"{name}.{_key(k)}" if name else _key(k))
    return out


def mutated_policy(ctx: Any, p: dict[str, Any]) -> str:
    data = tomllib.loads(area_cli.policy_text(ctx))
    where = p.get("path", [])
    node: Any = data
    for part in where:
        if part not in node:
            raise CannotRun(f"the policy has no {'.'.join(where)}")
        node = node[part]
    if "set" in p:
        node.update(p["set"])
    for gone in p.get("remove", []):
        node.pop(gone, None)
    text = dumps(data)
    tomllib.loads(text)  # the file must be valid TOML: only its content is wrong
    return text + str(p.get("append", ""))


def _named(text: str, words: list[str]) -> bool:
    low = text.lower()
    return all(w.lower() in low for w in words)


def policy(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.copy("config-policy")
    text = mutated_policy(ctx, p)
    before = area_cli.policy_versions(home)
    if p["via"] == "cli":
        path = home.parent / "policy.toml"
        path.write_text(text)
        done = common.run(home, ["policy", "load", str(path), "--as", ctx.accounts["admin"].name, "--note", "rt"],
                          env=common.with_token(ctx.tokens["admin"]))
        status, said, crashed = done.rc, done.text, done.traceback
        refused = done.rc != 0
    else:
        with common.serve(home) as url, common.client(url) as http:
            bearer = common.session_token(http, ctx.accounts["admin"])
            answer = http.put("/api/v1/policy", json={"text": text, "note": "rt"},
                              headers={"Authorization": f"Bearer {bearer}"})
            status, said, crashed = answer.status_code, answer.text, answer.status_code >= 500
            refused = 400 <= answer.status_code < 500
    stored = area_cli.policy_versions(home) != before
    if p.get("control"):
        return (not refused and stored, f"the unchanged policy {'loads' if stored else 'was refused'} ({status})")
    if crashed:
        return False, f"a crash ({status}) instead of a refusal"
    if not refused or stored:
        return False, f"accepted (status {status}, new version stored: {stored})"
    if p["via"] == "api" and status != 422:
        if not _named(said, p["place"]):
            return False, f"refused {status} (not 422) without naming {p['place']}"
        return False, f"refused with {status}, not 422"
    if not _named(said, p["place"]):
        return False, f"refused ({status}) but does not name {', '.join(p['place'])}: {said.strip()[-140:]}"
    return True, f"refused ({status}) naming {', '.join(p['place'])}"


def package_data(name: str) -> Path:
    done = common.run(None, ["--version"])
    if done.rc != 0:
        raise CannotRun("ukimet --version failed")
    import subprocess
    import sys

    where = subprocess.run([sys.executable, "-c", "import ukimet, os; print(os.path.dirname(ukimet.__file__))"],
                           capture_output=True, text=True, check=True).stdout.strip()
    found = sorted(Path(where).rglob(name))
    if not found:
        raise CannotRun(f"no shipped {name} to start from")
    return found[0]


def model_file(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A mart mapping or family card file with an unknown key / wrong value: `mart build` refuses naming it."""
    home = ctx.copy("config-model")
    text = package_data(p["file"]).read_text()
    if "prepend" in p:
        text = p["prepend"] + "\n" + text
    for old, new in p.get("replace", []):
        if old not in text:
            raise CannotRun(f"{p['file']} has no {old!r} to change")
        text = text.replace(old, new, 1)
    path = home.parent / p["file"]
    path.write_text(text)
    done = common.run(home, ["mart", "build", p["option"], str(path)], timeout=600)
    if done.traceback:
        return False, "a traceback instead of a refusal"
    if done.rc == 0:
        return False, f"mart build accepted the bad {p['file']}"
    if not _named(done.text, p["place"]):
        return False, f"refused but does not name {', '.join(p['place'])}: {done.brief()}"
    return True, f"refused naming {', '.join(p['place'])}"


def setting(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A setting of the wrong type (environment) or an unknown key (ukimet.toml): refused naming it."""
    home = ctx.copy("config-setting")
    if "toml" in p:
        (home / "ukimet.toml").write_text(p["toml"])
    done = common.run(home, p.get("args", ["source", "list"]), env=p.get("env", {}))
    if done.traceback:
        return False, "a traceback instead of one line"
    if done.rc == 0:
        return False, "the command ran with the bad setting"
    if not _named(done.text, p["place"]):
        return False, f"refused but does not name {', '.join(p['place'])}: {done.brief()}"
    return True, f"refused naming {', '.join(p['place'])}"


CHECKS: dict[str, common.Check] = {"policy": policy, "model_file": model_file, "setting": setting}
