"""Issue 13 ("Platform trust") red-team checks: run a check catalogue (tuning.jsonl or heldout.jsonl) against the
real command line and the real served app on homes it builds itself.

    python bench/attacks/trust/harness.py --set tuning|heldout [--home DIR] [--json OUT] [--only ID,...]
                                          [--areas A,...] [--persons N] [--workdir DIR] [--keep]

Every check prints one line (id, PASS or FLAG, one reason); a check that cannot run is a FLAG saying why, never a
crash of the harness. Results as JSON in bench/results/trust_attacks_<set>.json."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402
from common import Account, CannotRun  # noqa: E402

ROOT = HERE.parents[2]
PREVIOUS = "d891802"
"""the release before issue 13: a home it built must upgrade and keep its audit log"""


@dataclasses.dataclass
class Outcome:
    id: str
    area: str
    status: str
    reason: str
    seconds: float


class Context:
    """What the checks of one run share: a demo home built once (never changed: checks work on copies), its
    accounts with their API tokens, and the previous release's home for the upgrade checks."""

    def __init__(self, workdir: Path, persons: int, given: Path | None) -> None:
        self.workdir = workdir
        self.persons = persons
        self.given = given
        self._base: Path | None = None
        self._prev: Path | None = None
        self.accounts: dict[str, Account] = {}
        self.tokens: dict[str, str] = {}
        self.facts: dict[str, str] = {}
        self.copies = 0

    # ---- the base home
    @property
    def base(self) -> Path:
        if self._base is None:
            self._base = self._build_base()
        return self._base

    def _build_base(self) -> Path:
        ready = self.workdir / "base" / "ready.json"
        if ready.exists():  # a --workdir kept from an earlier run: the same base, accounts and tokens
            kept = json.loads(ready.read_text())
            self.facts.update(kept["facts"])
            self.tokens.update(kept["tokens"])
            self.accounts.update({k: Account(*v) for k, v in kept["accounts"].items()})
            return self.workdir / "base" / ".ukimet"
        if self.given is not None:
            home = self.given / ".ukimet" if (self.given / ".ukimet").is_dir() else self.given
            if not (home / "metadata.sqlite").exists():
                raise CannotRun(f"--home {self.given} holds no ukimet home (metadata.sqlite)")
            out = self.workdir / "base"
            home = common.copy_home(home, out / ".ukimet")
        else:
            out = self.workdir / "base"
            out.mkdir(parents=True, exist_ok=True)
            home = out / ".ukimet"
            print(f"building a demo home of {self.persons} persons in {out} ...", flush=True)
            done = common.run(home, ["demo", "--persons", str(self.persons), "--no-serve", "--out", str(out),
                                     "--seed", "7"], timeout=900)
            if done.rc != 0:
                raise CannotRun(f"ukimet demo failed ({done.rc}): {done.brief()}")
            (self.workdir / "demo.log").write_text(done.text)
        self._facts(home)
        self._accounts(home)
        ready.write_text(json.dumps({"facts": self.facts, "tokens": self.tokens, "accounts": {
            k: [a.name, a.role, a.password] for k, a in self.accounts.items()}}))
        ready.chmod(0o600)
        return home

    def _facts(self, home: Path) -> None:
        import duckdb

        with contextlib.closing(duckdb.connect(str(home / "store.duckdb"), read_only=True)) as store:
            row = store.execute(
                "SELECT iin, family_id, region FROM mart.persons WHERE iin IS NOT NULL AND family_id IS NOT NULL "
                "AND region IS NOT NULL ORDER BY iin LIMIT 1").fetchone()
            region = store.execute("SELECT region, count(*) FROM mart.persons GROUP BY region ORDER BY 2 DESC "
                                   "LIMIT 1").fetchone()
        if row is None or region is None:
            raise CannotRun("the demo's mart holds no person")
        self.facts.update(iin=str(row[0]), family=str(row[1]), region=str(region[0])[:2])

    def _accounts(self, home: Path) -> None:
        wanted = {"admin": ("rt-admin", "admin", {}), "analyst": ("rt-analyst", "analyst",
                                                                    {"region": self.facts["region"]}),
                  "auditor": ("rt-auditor", "auditor", {}), "social": ("rt-social", "social_worker", {}),
                  "case": ("rt-case", "case_service", {}), "engineer": ("rt-engineer", "data_engineer", {}),
                  "citizen": ("rt-citizen", "citizen", {"iin": self.facts["iin"]})}
        for key, (name, role, extra) in wanted.items():
            self.accounts[key] = common.add_user(home, name, role, **extra)
            self.tokens[key] = common.issue_token(home, name)
        # a signed checkpoint, then entries after it: the tail every audit attack works on
        common.run(home, ["audit", "checkpoint"])
        for i in range(6):
            common.run(home, ["query", "--as", "rt-admin", f"SELECT count(*) FROM mart.persons WHERE age > {i}"],
                       env=common.with_token(self.tokens["admin"]))

    def copy(self, label: str) -> Path:
        """A fresh copy of the base home for one check."""
        self.copies += 1
        return common.copy_home(self.base, self.workdir / f"{self.copies:03d}-{label}" / ".ukimet")

    # ---- the previous release's home
    @property
    def prev_src(self) -> Path:
        src = self.workdir.parent / f"ukimet-prev-{PREVIOUS}"
        if not (src / "src" / "ukimet").is_dir():
            src.mkdir(parents=True, exist_ok=True)
            repo = ROOT if (ROOT / ".git").exists() else Path("/work/main")
            import subprocess

            archive = subprocess.run(["git", "-C", str(repo), "archive", PREVIOUS, "src"], capture_output=True,
                                     check=False)
            if archive.returncode != 0:
                raise CannotRun(f"git archive {PREVIOUS} failed: {archive.stderr.decode()[:200]}")
            subprocess.run(["tar", "-x", "-C", str(src)], input=archive.stdout, check=True)
        return src

    @property
    def prev(self) -> Path:
        """A demo home built by the previous release (cached beside the work folder), with an account and a
        checkpoint made by that release."""
        if self._prev is None:
            cache = self.workdir.parent / f"ukimet-prev-{PREVIOUS}-home-{self.persons}"
            marker = cache / "ready"
            import fcntl

            lock = (self.workdir.parent / f"ukimet-prev-{PREVIOUS}.lock").open("w")
            fcntl.flock(lock, fcntl.LOCK_EX)  # two runs at once build it once
            path = str(self.prev_src / "src")
            if not marker.exists():
                if cache.exists():
                    shutil.rmtree(cache)
                cache.mkdir(parents=True)
                home = cache / ".ukimet"
                print(f"building a demo home with the previous release {PREVIOUS} ...", flush=True)
                done = common.run(home, ["demo", "--persons", str(self.persons), "--no-serve", "--out", str(cache),
                                         "--seed", "7"], timeout=900, pythonpath=path)
                if done.rc != 0:
                    raise CannotRun(f"the previous release's demo failed: {done.brief()}")
                common.add_user(home, "rt-old-admin", "admin", pythonpath=path)
                for sql in ("SELECT count(*) FROM mart.persons", "SELECT count(*) FROM mart.families"):
                    common.run(home, ["query", "--as", "rt-old-admin", sql], pythonpath=path)
                key = common.run(home, ["audit", "key"], pythonpath=path)
                common.run(home, ["audit", "checkpoint"], pythonpath=path)
                common.run(home, ["query", "--as", "rt-old-admin", "SELECT count(*) FROM mart.payments"],
                           pythonpath=path)
                (cache / "public_key").write_text(key.out.strip().split()[-1] if key.out.strip() else "")
                marker.write_text(PREVIOUS)
            lock.close()
            self._prev = cache
        return self._prev

    def prev_copy(self, label: str) -> Path:
        self.copies += 1
        target = self.workdir / f"{self.copies:03d}-{label}"
        target.mkdir(parents=True, exist_ok=True)
        home = common.copy_home(self.prev / ".ukimet", target / ".ukimet")
        shutil.copy(self.prev / "public_key", target / "public_key")
        return home

    def fill(self, value: Any) -> Any:
        """{iin}, {family}, {region}, {admin} ... in a check's parameters."""
        if isinstance(value, str):
            names = {k: a.name for k, a in self.accounts.items()}
            try:
                return value.format(**self.facts, **names)
            except (KeyError, IndexError, ValueError):
                return value
        if isinstance(value, list):
            return [self.fill(v) for v in value]
        if isinstance(value, dict):
            return {k: self.fill(v) for k, v in value.items()}
        return value


Check = common.Check


def registry() -> dict[str, dict[str, Check]]:
    import area_audit
    import area_citizen
    import area_cli
    import area_config
    import area_errors
    import area_files
    import area_sessions
    import area_signin
    import area_upgrade

    return {"files": area_files.CHECKS, "cli": area_cli.CHECKS, "citizen": area_citizen.CHECKS,
            "sessions": area_sessions.CHECKS, "signin": area_signin.CHECKS, "audit": area_audit.CHECKS,
            "config": area_config.CHECKS, "errors": area_errors.CHECKS, "upgrade": area_upgrade.CHECKS}


def run_one(ctx: Context, checks: dict[str, dict[str, Check]], spec: dict[str, Any]) -> Outcome:
    start = time.monotonic()
    area, kind = str(spec.get("area")), str(spec.get("check"))
    try:
        function = checks.get(area, {}).get(kind)
        if function is None:
            raise CannotRun(f"the harness has no check {area}.{kind}")
        ok, reason = function(ctx, ctx.fill(spec.get("params", {})))
        status = "PASS" if ok else "FLAG"
    except CannotRun as exc:
        status, reason = "FLAG", f"could not run: {exc}"
    except Exception as exc:  # a harness bug must not hide the other checks
        status = "FLAG"
        reason = f"check crashed: {type(exc).__name__}: {exc}".replace("\n", " ")
        (ctx.workdir / f"crash-{spec.get('id')}.txt").write_text(traceback.format_exc())
    return Outcome(str(spec.get("id")), area, status, " ".join(str(reason).split())[:300],
                   round(time.monotonic() - start, 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["tuning", "heldout"], required=True)
    parser.add_argument("--home", type=Path, help="a demo folder or home to copy (default: build one)")
    parser.add_argument("--json", type=Path, help="where to write the results")
    parser.add_argument("--only", default="", help="check ids, comma-separated")
    parser.add_argument("--areas", default="", help="areas, comma-separated")
    parser.add_argument("--persons", type=int, default=600)
    parser.add_argument("--workdir", type=Path, help="default: a new folder under the system's temp folder")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()

    specs = [json.loads(line) for line in (HERE / f"{args.set}.jsonl").read_text().splitlines() if line.strip()]
    if args.only:
        specs = [s for s in specs if s["id"] in set(args.only.split(","))]
    if args.areas:
        specs = [s for s in specs if s["area"] in set(args.areas.split(","))]
    root = Path(tempfile.gettempdir()) / "ukimet-trust"
    root.mkdir(exist_ok=True)
    root.chmod(0o755)  # another OS user must be able to walk to a home to show what it could read
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix=f"{args.set}-", dir=root))
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)
    ctx = Context(workdir, args.persons, args.home)
    checks = registry()
    started = time.monotonic()
    outcomes: list[Outcome] = []
    for spec in specs:
        outcome = run_one(ctx, checks, spec)
        outcomes.append(outcome)
        print(f"{outcome.id:<14} {outcome.status:<4} {outcome.seconds:6.1f}s  {outcome.reason}", flush=True)
    took = round(time.monotonic() - started, 1)
    per_area: dict[str, Counter[str]] = {}
    for o in outcomes:
        per_area.setdefault(o.area, Counter())[o.status] += 1
    print(f"\n{args.set}: {sum(o.status == 'PASS' for o in outcomes)} PASS, "
          f"{sum(o.status == 'FLAG' for o in outcomes)} FLAG of {len(outcomes)} in {took}s")
    for area, counts in per_area.items():
        print(f"  {area:<9} PASS {counts['PASS']:>3}  FLAG {counts['FLAG']:>3}")
    target = args.json or ROOT / "bench" / "results" / f"trust_attacks_{args.set}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({
        "set": args.set, "seconds": took, "persons": args.persons,
        "summary": {a: dict(c) for a, c in per_area.items()},
        "pass": sum(o.status == "PASS" for o in outcomes), "flag": sum(o.status == "FLAG" for o in outcomes),
        "checks": [dataclasses.asdict(o) for o in outcomes] if args.set == "tuning" else
        [{"id": o.id, "area": o.area, "status": o.status, "seconds": o.seconds} for o in outcomes],
    }, indent=1, ensure_ascii=False))
    if not args.keep and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
