"""Linkage on data the model was not developed on, beside Splink in the same run: F1 overall and per pair of
sources, and the pairs each tool missed by their cause.

    python bench/bench_link_robust.py                                  # every dataset below
    python bench/bench_link_robust.py --datasets hard:50000 elsewhere:8000

Datasets:
- ``febrl3``, ``febrl4``: as ``bench_link.py`` runs them (ukimet must keep F1 >= 0.9999).
- ``hard:N`` (N person records): the synthetic country with every source's fault rates doubled (name scripts
  scaled down together where doubled they would exceed one record in one), and at least 30 % stale addresses in
  every source (people who moved, agencies that lag). ukimet links the synced store with no configuration; Splink
  gets ukimet's standardised records, configured by hand (as in ``bench_link.py``).
- ``elsewhere:P[:S]`` (P persons of the synthetic truth, seed S, 11 by default): five agency extracts written by
  ``extracts_elsewhere.py``,
  a generator written apart from the project (from the linkage issue's text alone; it never read ukimet's code or
  the synthetic agencies): other column names and codes, initials, month names, year-and-month births, whole
  Latin names, two persons per row, moved addresses, maiden names, IIN typos that pass the check digit. ukimet
  reads the files with ``link_files`` and no configuration; Splink reads the same records as an experienced user
  would prepare them by hand (``extracts_elsewhere.standardise``: names split, transliterated, dates parsed).

Misses are the true pairs a tool left apart, counted by the first cause found on either record: the faults the
generator recorded (synthetic country) or a plain comparison of the two records' truth-side attributes (elsewhere:
IIN absent or different, surname different, birth date different, ...). Each tool runs in its own process,
``--repeat`` times (3 by default) alternating with the other; the median run is reported, and the time ratio is of
the two medians; beside it, each repeat's ratio (a run and the other tool's run right after it) and their median,
which a slow minute of a shared machine moves less (on this machine the ratio of medians of one dataset ranged 0.41
to 0.69 over three runs of this script an hour apart). Both processes import pandas before their clock starts:
Splink's code imports it at the top, while pyarrow and DuckDB import it on their first conversion of a Python value
inside ukimet's run (0.2 s of a process's start, whatever the data's size, that was counted to ukimet alone). Peak
memory is a run's maximum resident set. Writes bench/results/link_robust.json."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_link import (
    RECORDS_PER_PERSON,
    measure_with_memory,
    median_run,
    pairwise,
    prepare_febrl,
    run_splink,
    run_ukimet,
)

RESULTS = Path(__file__).parent / "results" / "link_robust.json"
SCRIPTS = ("russian_letters", "latin_2021", "passport_latin", "informal_latin")
CAUSES = ("mistyped_iin", "missing_iin", "duplicate", "typo", *SCRIPTS, "swapped_name_order", "stale_address",
          "alt_date_format", "upper_case")
"""The order faults are named in when a missed pair has several."""


# --- per pair of sources, and misses by cause ----------------------------------------------------------------

def _pairs_by_group(members: dict[Any, list[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for records in members.values():
        records = sorted(records)
        out.update((a, b) for i, a in enumerate(records) for b in records[i + 1:])
    return out


def breakdown(found: dict[str, Any], truth: dict[str, Any], source_of: Any, cause_of: Any) -> dict[str, Any]:
    """Precision, recall and F1 per pair of sources (as ``source_of`` names a record's), and the true pairs left
    apart by ``cause_of(a, b)``."""
    common = [r for r in truth if r in found]
    by_entity: dict[Any, list[str]] = defaultdict(list)
    by_person: dict[Any, list[str]] = defaultdict(list)
    for record in common:
        by_entity[found[record]].append(record)
        by_person[truth[record]].append(record)
    predicted, actual = _pairs_by_group(by_entity), _pairs_by_group(by_person)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for pair in predicted | actual:
        sources = tuple(sorted((source_of(pair[0]), source_of(pair[1]))))
        counts[sources]["predicted"] += pair in predicted
        counts[sources]["actual"] += pair in actual
        counts[sources]["both"] += pair in predicted and pair in actual
    per_pair = {}
    for (a, b), n in sorted(counts.items()):
        precision = n["both"] / max(n["predicted"], 1)
        recall = n["both"] / max(n["actual"], 1)
        per_pair[f"{a} ~ {b}"] = {"true_pairs": n["actual"], "precision": round(precision, 4),
                                  "recall": round(recall, 4),
                                  "f1": round(2 * precision * recall / max(precision + recall, 1e-12), 4)}
    misses = Counter(cause_of(a, b) for a, b in actual - predicted)
    false = Counter(f"{source_of(a)} ~ {source_of(b)}" for a, b in predicted - actual)
    return {"per_source_pair": per_pair, "missed_by_cause": dict(misses.most_common()),
            "false_pairs_by_sources": dict(false.most_common(10))}


# --- hard: the synthetic country with harsher faults ----------------------------------------------------------

def hard_overrides() -> dict[str, dict[str, float]]:
    """Every source's rates doubled, name scripts scaled down together to at most one, stale addresses >= 30 %."""
    from ukimet.synth.agencies import AGENCIES

    overrides = {}
    for source, _ in AGENCIES:
        rates = {k: 2 * v for k, v in asdict(source.rates).items() if isinstance(v, float)}
        scripts = sum(rates.get(s, 0.0) for s in SCRIPTS)
        if scripts > 1:
            for s in SCRIPTS:
                rates[s] = rates.get(s, 0.0) / scripts
        rates["stale_address"] = max(rates.get("stale_address", 0.0), 0.3)
        overrides[source.code] = {k: round(min(v, 1.0), 6) for k, v in rates.items()}
    return overrides


def prepare_hard(work: Path, records: int) -> dict[str, Any]:
    import pyarrow.parquet as pq

    from bench_link import prepare_synthetic
    from ukimet.synth import SynthConfig

    info = prepare_synthetic(work, records, SynthConfig(persons=max(int(records / RECORDS_PER_PERSON), 50), seed=7,
                                                        fault_overrides=hard_overrides()))
    faults: dict[str, list[str]] = defaultdict(list)
    for r in pq.read_table(work / "country" / "truth" / "faults.parquet").to_pylist():
        faults[f"{r['source']}/{r['table']}/{r['record_key']}"].append(r["fault"])
    (work / "faults.json").write_text(json.dumps(faults))
    return info


def _fault_cause(work: Path) -> Any:
    faults = json.loads((work / "faults.json").read_text())

    def cause(a: str, b: str) -> str:
        found = set()
        for identity in (a, b):
            source, table, _, key = identity.split("/", 3)
            found.update(faults.get(f"{source}/{table}/{key}", []))
        return next((c for c in CAUSES if c in found), "no fault recorded")

    return cause


# --- elsewhere: extracts written apart from the project -------------------------------------------------------

def prepare_elsewhere(work: Path, persons: int, seed: int = 11) -> dict[str, Any]:
    """``persons`` of a synthetic country (seeded by ``seed`` too) written as the outside extracts (``seed``)."""
    from extracts_elsewhere import write_extracts
    from ukimet.synth import SynthConfig, build_country

    build_country(SynthConfig(persons=persons, seed=12 + seed), work / "country")
    summary = write_extracts(work / "country" / "truth" / "persons.parquet", work / "elsewhere", seed=seed)
    rows = [line.split(",") for line in (work / "elsewhere" / "truth.csv").read_text(encoding="utf-8").splitlines()[1:]]
    (work / "truth.json").write_text(json.dumps({f"{s}/{r}": p for s, r, p in rows}))
    return {"persons": persons, "seed": seed, "records": len(rows), "extracts": summary}


def _elsewhere_files(work: Path) -> list[Path]:
    return sorted(p for p in (work / "elsewhere").iterdir() if p.name != "truth.csv" and p.is_file())


def run_ukimet_elsewhere(work: Path) -> tuple[float, dict[str, Any]]:
    from ukimet.link.files import link_files

    started = time.perf_counter()
    rows = link_files(_elsewhere_files(work))
    return time.perf_counter() - started, {f"{s}/{r}": e for s, r, e in rows}


def run_splink_elsewhere(work: Path) -> tuple[float, dict[str, Any]]:
    import pandas as pd
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    from extracts_elsewhere import standardise

    started = time.perf_counter()
    frame = pd.DataFrame(standardise(work / "elsewhere"))
    db = DuckDBAPI()
    records = db.register(frame, table_name="records")
    settings = SettingsCreator(
        unique_id_column_name="uid", link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("iin"), block_on("birth_date", "surname"), block_on("birth_date", "first_name"),
            block_on("surname", "first_name"), block_on("phone")],
        comparisons=[
            cl.LevenshteinAtThresholds("iin", [1, 2]),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("patronymic"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.ExactMatch("sex"),
            cl.ExactMatch("phone"),
        ])
    linker = Linker([records], settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("iin", "birth_date"), block_on("surname", "first_name", "birth_date")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    for rule in (block_on("iin"), block_on("birth_date"), block_on("surname", "first_name")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    found = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.5)
    clusters = found.as_pandas_dataframe()  # type: ignore[no-untyped-call]
    return time.perf_counter() - started, dict(zip(clusters["uid"].astype(str), clusters["cluster_id"].astype(str),
                                                   strict=True))


def _elsewhere_cause(work: Path) -> Any:
    """A missed pair's cause, from the two records' values as the generator wrote them (standardised)."""
    from extracts_elsewhere import standardise

    rows = {r["uid"]: r for r in standardise(work / "elsewhere")}

    def cause(a: str, b: str) -> str:
        x, y = rows.get(a, {}), rows.get(b, {})
        if not x or not y:
            return "record not read"
        for field, label in (("iin", "IIN"), ("birth_date", "birth date"), ("surname", "surname"),
                             ("first_name", "first name")):
            if not x.get(field) or not y.get(field):
                return f"{label} absent in one"
            if x[field] != y[field]:
                return f"{label} differs"
        return "names, IIN and birth date agree"

    return cause


# --- the runs ---------------------------------------------------------------------------------------------

def child(tool: str, dataset: str, work: Path) -> None:
    import pandas  # noqa: F401  (the same libraries loaded for both tools before either clock: see the docstring)

    kind = dataset.split(":")[0]
    if kind.startswith("febrl"):
        result = (run_ukimet if tool == "ukimet" else run_splink)(dataset, work)
    elif kind == "hard":
        found: dict[str, Any]
        if tool == "ukimet":
            from ukimet.core.settings import Settings
            from ukimet.sync.store import open_store

            result = run_ukimet("synthetic", work)
            con = open_store(Settings(home=work / "country" / ".ukimet").resolved_store_path(), read_only=True)
            found = dict(con.execute("SELECT concat_ws('/', r.source, r.source_table, r.party, r.record_key), "
                                     "e.entity_id FROM link.person_records r JOIN link.entities e USING (record_id)")
                         .fetchall())
            con.close()
        else:
            result, found = run_splink("synthetic", work, keep=True)
        truth = json.loads((work / "truth.json").read_text())
        result.update(breakdown(found, truth, lambda r: r.split("/", 1)[0], _fault_cause(work)))
    else:
        seconds, found = (run_ukimet_elsewhere if tool == "ukimet" else run_splink_elsewhere)(work)
        truth = json.loads((work / "truth.json").read_text())
        result = {"seconds": seconds, **pairwise(found, truth),
                  **breakdown(found, truth, lambda r: r.split("/", 1)[0], _elsewhere_cause(work))}
    print("RESULT " + json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="*",
                        default=["febrl3", "febrl4", "hard:100000", "elsewhere:8000", "elsewhere:8000:29"])
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each tool per dataset, alternated; the median run is reported")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], Path(args.child[2]))
        return
    report: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    for dataset in args.datasets:
        work = Path(tempfile.mkdtemp(prefix="ukimet-bench-robust-"))
        try:
            print(f"preparing {dataset} ...", flush=True)
            kind, _, size = dataset.partition(":")
            if kind.startswith("febrl"):
                prepare_febrl(work)
                info: dict[str, Any] = {"records": 5000 if kind == "febrl3" else 10000}
            elif kind == "hard":
                info = prepare_hard(work, int(size))
            else:  # elsewhere:PERSONS[:SEED]
                persons, _, seed = size.partition(":")
                info = prepare_elsewhere(work, int(persons), int(seed or 11))
            entry: dict[str, Any] = {**info}
            runs: dict[str, list[dict[str, Any]]] = {"ukimet": [], "splink": []}
            for _ in range(args.repeat):  # alternated, so that a slow minute of the machine falls on both
                for tool in runs:
                    runs[tool].append(measure_with_memory(tool, dataset, work, __file__))
            for tool in runs:
                entry[tool] = median_run(runs[tool])
                shown = {k: v for k, v in entry[tool].items() if k not in ("per_source_pair",)}
                print(f"  {tool:7s} {json.dumps(shown, ensure_ascii=False)}", flush=True)
            if "seconds" in entry["ukimet"] and "seconds" in entry["splink"]:
                entry["time_ratio_ukimet_to_splink"] = round(entry["ukimet"]["seconds"] / entry["splink"]["seconds"], 3)
                paired = [u["seconds"] / s["seconds"] for u, s in zip(runs["ukimet"], runs["splink"], strict=True)
                          if "seconds" in u and "seconds" in s]
                entry["time_ratios_paired"] = [round(r, 3) for r in paired]
                entry["time_ratio_paired_median"] = round(statistics.median(paired), 3)
                print(f"  ratio   {entry['time_ratio_ukimet_to_splink']} of the medians; each repeat's "
                      f"{entry['time_ratios_paired']}, their median {entry['time_ratio_paired_median']}", flush=True)
            report[dataset] = entry
        finally:
            shutil.rmtree(work, ignore_errors=True)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"-> {RESULTS}")


if __name__ == "__main__":
    main()
