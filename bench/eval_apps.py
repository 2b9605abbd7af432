"""The analytics against the synthetic country's truth, at a chosen size: entitlement rules and consistency
rules scored (recall, precision) against what the generator planted, and the question set's accuracy per
language through the gateway.

    python bench/eval_apps.py --persons 20000

Writes bench/results/apps.json."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ukimet.apps.question_set import evaluate as ask_all
from ukimet.cli.demo import synced_country
from ukimet.gateway.api import Gateway
from ukimet.gateway.policy import DEFAULT, Policy
from ukimet.gateway.rewrite import User
from ukimet.link.api import link_store
from ukimet.model.consistency import run_rules
from ukimet.model.entitlements import evaluate
from ukimet.model.mart import build_mart
from ukimet.sync.store import open_store
from ukimet.synth import SynthConfig

RESULTS = Path(__file__).parent / "results" / "apps.json"
KINDS = {"birth": "birth_allowance", "childcare": "childcare_allowance", "large_family": "large_family_allowance",
         "disability": "disability_allowance", "survivor": "survivor_allowance", "tsa": "targeted_social_assistance"}
FAMILY_RULES = {"targeted_social_assistance"}


def _score(expected: set[Any], found: set[Any]) -> dict[str, float | int | None]:
    hits = len(expected & found)
    return {"planted": len(expected), "found": len(found), "recall": round(hits / len(expected), 4) if expected
            else None, "precision": round(hits / len(found), 4) if found else None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="ukimet-apps-"))
    started = time.perf_counter()
    config, engine, manifest = synced_country(out, SynthConfig(persons=args.persons, seed=args.seed))
    link_store(config)
    as_of = dt.date.fromisoformat(manifest.reference_date)
    con = open_store(config.resolved_store_path())
    try:
        build_mart(con, engine, as_of)
        findings = evaluate(con)
        consistency = run_rules(con)
        iin_of = dict(con.execute("SELECT person_id, iin FROM mart.persons").fetchall())
    finally:
        con.close()
    people = {p["iin"]: p for p in pq.read_table(out / "truth" / "persons.parquet").to_pylist()}
    planted = pq.read_table(out / "truth" / "planted.parquet").to_pylist()
    family = {iin: p["family_id"] for iin, p in people.items()}
    living = {iin for iin, p in people.items() if not p["death_date"] or p["death_date"] > as_of}
    report: dict[str, Any] = {"persons": args.persons, "as_of": str(as_of), "entitlements": {}, "consistency": {}}
    for kind, rule in KINDS.items():
        def key(iin: str | None, rule: str = rule) -> Any:
            return family.get(iin or "") if rule in FAMILY_RULES else iin
        expected = {key(p["subject"]) for p in planted if p["kind"] == "entitled_not_receiving"
                    and p["detail"] == kind and p["subject"] in living}
        found = {key(iin_of.get(f.person_id)) for f in findings if f.rule == rule}
        report["entitlements"][rule] = _score(expected, found)
    for rule in ("deceased_paid", "unemployed_with_income", "minor_director", "deceased_director", "income_outlier",
                 "crowded_dwelling"):
        expected = {p["subject"] for p in planted if p["kind"] == rule}
        found = {c.subject if c.subject_kind in ("company", "dwelling") else iin_of.get(c.subject)
                 for c in consistency if c.rule == rule}
        report["consistency"][rule] = _score(expected, found)
    # the evaluation compares answers with gold exactly, under a purpose: a role that may read the whole country
    roles = {name: replace(role, max_persons_per_day=10**9, max_rows_per_day=10**9)
             for name, role in DEFAULT.roles.items()}
    with Gateway(config, Policy(roles, "evaluation")) as gateway:
        scores = ask_all(gateway, User("analyst", "social_worker", "Ministry of National Economy"))
    report["questions"] = {lang: {"right": s.right, "wrong": s.wrong, "declined_answerable": s.missed,
                                  "accuracy": round(s.accuracy, 4), "misses": s.misses[:10]}
                           for lang, s in scores.items()}
    report["seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
