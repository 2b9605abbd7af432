"""The Digital Family Card at scale: a mart of N persons (default 1,000,000, grouped into families, with wages,
benefits, payments and dwellings drawn at random) is aggregated into families and scored by the shipped card,
with ukimet's own code (``mart._families`` + ``family_card.score_families``, DuckDB SQL); the peer in the same
run is pandas doing the same aggregation and the same criteria (vectorised group-by and masks). Both results
are compared family by family.

    python bench/bench_family_card.py --persons 1000000 --repeat 3

Writes bench/results/family_card.json (median seconds of each, persons per second, ratio, agreement)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path
from typing import Any

import duckdb

from ukimet.link.backend import DuckDBBackend
from ukimet.model.family_card import DIMENSIONS, load_card, score_families
from ukimet.model.mart import _families, load_mapping

RESULTS = Path(__file__).parent / "results" / "family_card.json"
AS_OF = dt.date(2026, 1, 1)


def make_mart(con: duckdb.DuckDBPyConnection, persons: int, seed: float = 0.42) -> None:
    """Random but plausible: families of 1-8, ages by role, a third with wages, some job seekers and disabled."""
    con.execute(f"SELECT setseed({seed})")
    con.execute("CREATE SCHEMA mart")
    con.execute(f"""CREATE TABLE mart.persons AS
        WITH p AS (SELECT i, i // 3 + (i % 7 = 0)::INTEGER AS fam, random() AS r1, random() AS r2, random() AS r3
                   FROM range({persons}) t(i))
        SELECT 'p' || i AS person_id, 'f' || fam AS family_id,
               CASE WHEN i % 3 = 2 THEN 'child' ELSE 'spouse' END AS family_role,
               CASE WHEN i % 3 = 2 THEN (r1 * 17)::INTEGER ELSE 18 + (r1 * 60)::INTEGER END AS age,
               CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END AS sex, lpad(((fam % 20) * 4 + 10)::VARCHAR, 2, '0')
                   AS region,
               true AS alive, CASE WHEN r2 < 0.35 AND i % 3 <> 2 THEN 80000 + r3 * 600000 END AS monthly_wage,
               CASE WHEN r2 BETWEEN 0.35 AND 0.45 THEN r3 * 4000000 END AS annual_income,
               r2 < 0.4 AND i % 3 <> 2 AS employed, r2 BETWEEN 0.9 AND 0.93 AS job_seeker,
               CASE WHEN r3 < 0.04 THEN 1 + (r1 * 3)::INTEGER END AS disability_group,
               i % 3 = 2 AND r2 < 0.95 AS in_school, r3 > 0.6 AS owns_property, (r2 * 2)::INTEGER AS vehicles,
               CASE WHEN r1 < 0.2 THEN r3 * 50000 ELSE 0 END AS utility_debt, fam // 2 AS dwelling_id
        FROM p""")
    con.execute("""CREATE TABLE mart.benefits AS SELECT person_id, 'targeted_social_assistance' AS kind, true AS active,
        45000.0 AS monthly_amount FROM mart.persons WHERE monthly_wage IS NULL AND hash(person_id) % 10 = 0""")
    con.execute(f"""CREATE TABLE mart.payments AS SELECT b.person_id, b.kind, b.monthly_amount AS amount,
        DATE '{AS_OF}' - INTERVAL (m * 30) DAY AS paid_on FROM mart.benefits b, range(1, 13) t(m)""")
    con.execute("""CREATE TABLE mart.dwellings AS SELECT DISTINCT dwelling_id,
        20 + (hash(dwelling_id) % 120) AS area_m2, 1 + hash(dwelling_id) % 5 AS rooms, 6 AS residents,
        hash(dwelling_id) % 9 <> 0 AS water,
        hash(dwelling_id) % 4 <> 0 AS gas, hash(dwelling_id) % 3 <> 0 AS heating, hash(dwelling_id) % 5 <> 0 AS sewerage
        FROM mart.persons""")


def ukimet(con: duckdb.DuckDBPyConnection) -> float:
    started = time.perf_counter()
    _families(DuckDBBackend(con), AS_OF, load_mapping().benefits.pensions)
    score_families(con, load_card())
    return time.perf_counter() - started


def pandas_peer(con: duckdb.DuckDBPyConnection) -> tuple[float, Any]:
    import numpy as np
    import pandas as pd

    people = con.execute("SELECT * FROM mart.persons").fetchdf()
    payments = con.execute("SELECT * FROM mart.payments").fetchdf()
    benefits = con.execute("SELECT * FROM mart.benefits").fetchdf()
    dwellings = con.execute("SELECT * FROM mart.dwellings").fetchdf()
    started = time.perf_counter()
    card = load_card()
    minimum, norm = card.parameters["subsistence_minimum"], card.parameters["area_norm"]
    day = pd.Timestamp(AS_OF)
    recent = payments[(payments.paid_on > day - pd.Timedelta(days=365)) & (payments.paid_on <= day)]
    paid = recent.groupby("person_id").amount.sum() / 12
    receiving = set(benefits[benefits.active].person_id)
    p = people[people.alive].copy()
    p["earned"] = p.monthly_wage.fillna(p.annual_income / 12).fillna(0)
    p["benefit_income"] = p.person_id.map(paid).fillna(0)
    p["receiving"] = p.person_id.isin(receiving)
    working = p.age.between(18, 62) & ~p.employed.fillna(False) & p.disability_group.isna()
    pension = ((p.sex == "M") & (p.age >= 63)) | ((p.sex == "F") & (p.age >= 61))
    p = p.assign(child=p.family_role == "child", minor=p.age < 18, adult=p.age >= 18,
                 spouse=p.family_role == "spouse", disabled=p.disability_group.notna(), pensioner=pension,
                 not_employed=working, school=p.age.between(7, 17),
                 in_school_=p.age.between(7, 17) & p.in_school.fillna(False), income=p.earned + p.benefit_income)
    g = p.groupby("family_id")
    f = pd.DataFrame({"members": g.size(), "children_under_18": g.minor.sum(), "adults": g.adult.sum(),
                      "spouses": g.spouse.sum(), "disabled": g.disabled.sum(), "pensioners": g.pensioner.sum(),
                      "working_age_not_employed": g.not_employed.sum(), "job_seekers": g.job_seeker.sum(),
                      "school_age": g.school.sum(), "school_age_in_school": g.in_school_.sum(),
                      "income": g.income.sum(), "utility_debt": g.utility_debt.sum(),
                      "dwelling_id": g.dwelling_id.agg(lambda s: s.mode().iat[0])})
    f["income_per_person"] = (f.income / f.members).round(2)
    f = f.join(dwellings.set_index("dwelling_id"), on="dwelling_id")
    f["area_per_person"] = (f.area_m2 / np.maximum(f.residents, f.members)).round(2)
    lost = {d: np.zeros(len(f)) for d in DIMENSIONS}
    conditions = {
        "low_income": f.income_per_person < minimum, "very_low_income": f.income_per_person < minimum / 2,
        "not_employed": f.working_age_not_employed >= 1, "utility_debt": f.utility_debt > 0,
        "single_parent": (f.children_under_18 >= 1) & (f.spouses < 2) & (f.adults == 1),
        "many_children": f.children_under_18 >= 4, "job_seeker": f.job_seekers >= 1,
        "lone_pensioner": (f.members == 1) & (f.pensioners == 1), "no_dwelling": f.dwelling_id.isna(),
        "crowded": f.area_per_person < norm, "no_water": f.water == False,  # noqa: E712 (NULL is not false)
        "no_heating": f.heating == False, "no_sewerage": f.sewerage == False,  # noqa: E712
        "disabled_member": f.disabled >= 1, "several_disabled": f.disabled >= 2,
        "out_of_school": f.school_age > f.school_age_in_school,
    }
    for criterion in card.criteria:
        lost[criterion.dimension] += np.where(conditions[criterion.id].fillna(False), criterion.points, 0)
    for d in DIMENSIONS:
        f[d] = np.maximum(0, 100 - lost[d])
    dims = f[list(DIMENSIONS)]
    f["score"] = (card.weights[0] * dims.sum(axis=1) / len(DIMENSIONS) + card.weights[1] * dims.min(axis=1)).round(1)
    return time.perf_counter() - started, f


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    con = duckdb.connect()
    make_mart(con, args.persons)
    ours = [ukimet(con) for _ in range(args.repeat)]
    peers = []
    for _ in range(args.repeat):
        seconds, frame = pandas_peer(con)
        peers.append(seconds)
    scored = {r[0]: r[1:] for r in con.execute(f"SELECT family_id, {', '.join(DIMENSIONS)}, score "
                                               "FROM mart.family_scores").fetchall()}
    agree = sum(1 for fid, row in frame[[*DIMENSIONS, "score"]].iterrows()
                if fid in scored and tuple(float(v) for v in scored[fid]) == tuple(float(v) for v in row))
    report = {"persons": args.persons, "families": len(scored), "ukimet_seconds": round(statistics.median(ours), 2),
              "pandas_seconds": round(statistics.median(peers), 2),
              "ukimet_persons_per_second": round(args.persons / statistics.median(ours)),
              "ratio_to_pandas": round(statistics.median(ours) / statistics.median(peers), 3),
              "families_scored_identically": round(agree / len(scored), 4), "target_seconds": 60,
              "note": "pandas time excludes reading its inputs into data frames; ukimet's includes everything"}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
