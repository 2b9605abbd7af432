"""audit (interface C4), as the metadata database's administrator: drop the append-only triggers with sqlite3, then
delete, edit, reorder or rewrite entries (and checkpoints), restore an old backup, or touch the anchor file.
`ukimet audit verify` must exit non-zero each time (and 0 on the untouched log); `--trusted-key` must fail with no
checkpoint signed by that key; every entry names the policy version; the anchor grows on every write and the
citizen's tracker shows its head."""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import shutil
from pathlib import Path
from typing import Any

import common
from common import CannotRun

HEX = re.compile(r"\b[0-9a-f]{32,128}\b")


def anchor_file(home: Path) -> Path:
    default = home / "audit" / "anchor.log"
    if default.exists():
        return default
    found = sorted(p for p in home.rglob("*anchor*") if p.is_file())
    if not found:
        raise CannotRun("no anchor file in the home (home/audit/anchor.log)")
    return found[0]


def public_key(home: Path) -> str:
    done = common.run(home, ["audit", "key"])
    found = re.findall(r"\b[0-9a-f]{64}\b", done.out)
    if done.rc != 0 or not found:
        raise CannotRun(f"ukimet audit key gave no key: {done.brief()}")
    return str(found[-1])


def verify(home: Path, *extra: str) -> common.Proc:
    return common.run(home, ["audit", "verify", *extra])


def writes(ctx: Any, home: Path, n: int) -> None:
    """New audited work: n count queries as the administrator."""
    for i in range(n):
        common.run(home, ["query", "--as", ctx.accounts["admin"].name,
                          f"SELECT count(*) FROM mart.persons WHERE age < {30 + i}"],
                   env=common.with_token(ctx.tokens["admin"]))


def _swap(db: Any, table: str, order: str, a: int, b: int) -> None:
    db.execute(f'UPDATE "{table}" SET "{order}" = -999999 WHERE "{order}" = ?', (a,))
    db.execute(f'UPDATE "{table}" SET "{order}" = ? WHERE "{order}" = ?', (a, b))
    db.execute(f'UPDATE "{table}" SET "{order}" = ? WHERE "{order}" = -999999', (b,))


def tamper(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    home = ctx.copy("audit-" + p["attack"])
    attack = p["attack"]
    key = public_key(home) if p.get("trusted") == "own" else None
    if p.get("writes_before"):
        writes(ctx, home, int(p["writes_before"]))
    if attack == "none":
        pass
    elif attack == "restore_backup":  # the database restored from a copy taken before the last writes
        backup = home.parent / "backup.sqlite"
        shutil.copy(common.metadata_file(home), backup)
        writes(ctx, home, int(p.get("n", 3)))
        for extra in home.glob("metadata.sqlite-*"):
            extra.unlink()
        shutil.copy(backup, common.metadata_file(home))
    elif attack.startswith("anchor_"):
        anchor = anchor_file(home)
        lines = anchor.read_text().splitlines(keepends=True)
        if attack == "anchor_truncate":
            anchor.write_text("")
        elif attack == "anchor_drop_last":
            anchor.write_text("".join(lines[:-int(p.get("n", 1))]))
        elif attack == "anchor_delete":
            anchor.unlink()
        elif attack == "anchor_edit":
            last = lines[-1]
            found = HEX.findall(last)
            if not found:
                raise CannotRun("no hash in the anchor's last line")
            flipped = found[0][:-1] + ("0" if found[0][-1] != "0" else "1")
            anchor.write_text("".join(lines[:-1]) + last.replace(found[0], flipped))
        elif attack == "anchor_rollback":
            saved = anchor.read_text()
            writes(ctx, home, int(p.get("n", 2)))
            anchor.write_text(saved)
        else:
            raise CannotRun(f"unknown anchor attack {attack}")
    else:
        with contextlib.closing(common.connect(home)) as db:
            table = common.audit_table(db)
            order = common.order_column(db, table)
            common.drop_triggers(db)
            seqs = [r[0] for r in db.execute(f'SELECT "{order}" FROM "{table}" ORDER BY "{order}"')]
            if len(seqs) < 4:
                raise CannotRun(f"only {len(seqs)} audit entries")
            cols = common.columns(db, table)
            if attack == "delete_last":
                for s in seqs[-int(p.get("n", 1)):]:
                    db.execute(f'DELETE FROM "{table}" WHERE "{order}" = ?', (s,))
            elif attack == "delete_middle":
                db.execute(f'DELETE FROM "{table}" WHERE "{order}" = ?', (seqs[len(seqs) // 2],))
            elif attack == "edit":
                where = {"last": seqs[-1], "middle": seqs[len(seqs) // 2], "first": seqs[0]}[p.get("at", "last")]
                column = p.get("column", "user_name")
                if column not in cols:
                    column = next((c for c in cols if "user" in c), cols[2])
                db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE "{order}" = ?', (p.get("value", "x"), where))
            elif attack == "reorder":
                _swap(db, table, order, seqs[-1], seqs[-2])
            elif attack in ("cover_tail", "rewrite_all"):
                doomed = seqs[-int(p.get("n", 3)):] if attack == "cover_tail" else seqs
                for s in doomed:
                    db.execute(f'DELETE FROM "{table}" WHERE "{order}" = ?', (s,))
                if attack == "rewrite_all" or p.get("drop_checkpoints"):
                    with contextlib.suppress(CannotRun):
                        db.execute(f'DELETE FROM "{common.checkpoint_table(db)}"')
            elif attack == "drop_checkpoints":
                db.execute(f'DELETE FROM "{common.checkpoint_table(db)}"')
            elif attack == "forge_checkpoint_key":  # checkpoints re-signed by a key the DBA made
                cp = common.checkpoint_table(db)
                ccols = common.columns(db, cp)
                keycol = next((c for c in ccols if "key" in c), None)
                if keycol is None:
                    raise CannotRun("no key column on the checkpoints")
                db.execute(f'UPDATE "{cp}" SET "{keycol}" = ?', (secrets.token_hex(32),))
            else:
                raise CannotRun(f"unknown attack {attack}")
        if attack in ("cover_tail", "rewrite_all"):
            writes(ctx, home, int(p.get("cover", 3)))  # the software itself chains new entries onto what is left
    args: list[str] = []
    if p.get("trusted") == "own":
        args = ["--trusted-key", key or ""]
    elif p.get("trusted") == "random":
        args = ["--trusted-key", secrets.token_hex(32)]
    done = verify(home, *args)
    if done.traceback:
        return False, f"{attack}: verify crashed with a traceback"
    if attack == "none" and p.get("trusted") != "random":
        return (done.rc == 0, f"untouched log: verify exit {done.rc} {done.brief() if done.rc else ''}")
    if done.rc == 0:
        return False, f"{attack}: audit verify{' ' + args[0] if args else ''} passes (exit 0): {done.brief()}"
    return True, f"{attack}: verify exit {done.rc}: {done.brief()}"


def policy_named(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """Every audit entry (after the given work) names a policy version; optionally a hash-format version too."""
    home = ctx.copy("audit-policy") if p.get("after") else ctx.base
    for args in p.get("after", []):
        common.run(home, args, env=common.with_token(ctx.tokens[p.get("token_of", "admin")]))
    rows = common.audit_rows(home)
    if not rows:
        raise CannotRun("no audit entries")
    want = p.get("column", "policy")
    cols = [c for c in rows[0] if want in c.lower() and (want != "policy" or "hash" not in c.lower())]
    if p.get("column") == "format":
        cols = [c for c in rows[0] if re.search(r"format|hash_version|hash_v|algo", c.lower())]
    if not cols:
        return False, f"the audit entries have no {want} column"
    empty = [r for r in rows if all(r.get(c) in (None, "") for c in cols)]
    if empty:
        return False, f"{len(empty)} of {len(rows)} entries with an empty {cols[0]}"
    return True, f"all {len(rows)} entries carry {cols[0]}"


def anchored(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """The anchor exists, is private, and grows with every audited write."""
    home = ctx.copy("audit-anchor")
    anchor = anchor_file(home)
    mode = anchor.stat().st_mode & 0o777
    before = anchor.read_text().count("\n")
    writes(ctx, home, int(p.get("n", 2)))
    after = anchor.read_text().count("\n")
    problems = []
    if mode & 0o077:
        problems.append(f"anchor mode {oct(mode)}")
    if after < before + int(p.get("n", 2)):
        problems.append(f"{int(p.get('n', 2))} writes added {after - before} anchor lines")
    if not HEX.search(anchor.read_text().splitlines()[-1] if after else ""):
        problems.append("the last anchor line holds no hash")
    return (not problems, "; ".join(problems) or f"anchor private and +{after - before} lines for the writes")


def tracker_head(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """The citizen's tracker shows the latest anchored head."""
    home = ctx.copy("audit-tracker")
    writes(ctx, home, 1)
    if p.get("via") == "api":
        with common.serve(home) as url, common.client(url) as http:
            bearer = common.session_token(http, ctx.accounts["citizen"])
            answer = http.get("/api/v1/tracker", headers={"Authorization": f"Bearer {bearer}"})
            text = answer.text
            if answer.status_code != 200:
                return False, f"GET /api/v1/tracker answered {answer.status_code}"
    else:
        done = common.run(home, ["tracker", "--as", ctx.accounts["citizen"].name, "--json"],
                          env=common.with_token(ctx.tokens["citizen"]))
        if done.rc != 0:
            return False, f"tracker failed with the citizen's token (exit {done.rc}): {done.brief()}"
        text = done.out
    anchor = anchor_file(home)
    last = anchor.read_text().strip().splitlines()[-1]
    hashes = HEX.findall(last)
    with contextlib.suppress(ValueError):
        hashes += [v for v in json.loads(last).values() if isinstance(v, str) and len(v) >= 32]
    if not hashes:
        raise CannotRun("no hash in the anchor's last line")
    if any(h in text for h in hashes):
        return True, "the tracker shows the latest anchored head"
    return False, "the tracker does not show the latest anchored head"


def trusted_key_no_checkpoint_fresh(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """A log that never had a checkpoint (a new home): verify --trusted-key must not pass."""
    home = ctx.copy("audit-nocp")
    key = public_key(home)
    with contextlib.closing(common.connect(home)) as db:
        common.drop_triggers(db)
        db.execute(f'DELETE FROM "{common.checkpoint_table(db)}"')
    done = verify(home, "--trusted-key", key)
    return (done.rc != 0 and not done.traceback, f"verify --trusted-key with no checkpoint: exit {done.rc}")


def anchor_outside(ctx: Any, p: dict[str, Any]) -> tuple[bool, str]:
    """audit_anchor_path pointing outside the home is honoured: heads are appended there."""
    home = ctx.copy("audit-outside")
    target = home.parent / "worm" / "anchor.log"
    target.parent.mkdir()
    target.parent.chmod(0o700)
    env = {"UKIMET_AUDIT_ANCHOR_PATH": str(target)}
    common.run(home, ["query", "--as", ctx.accounts["admin"].name, "SELECT count(*) FROM mart.families"],
               env=common.with_token(ctx.tokens["admin"]) | env)
    if not target.exists() or not target.read_text().strip():
        return False, "no head appended to the anchor named by audit_anchor_path"
    done = common.run(home, ["audit", "verify"], env=env)
    return (done.rc == 0, f"anchor outside the home written; verify exit {done.rc}")


CHECKS: dict[str, common.Check] = {
    "tamper": tamper, "policy_named": policy_named, "anchored": anchored, "tracker_head": tracker_head,
    "no_checkpoint": trusted_key_no_checkpoint_fresh, "anchor_outside": anchor_outside}
