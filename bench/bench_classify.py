"""Column classification scored against the synthetic country's ground truth (truth/columns.csv): per-type
precision and recall, overall accuracy, and sensitivity-label accuracy. The peer is the name-only baseline
(the same vocabulary, no values), run in the same script.

    python bench/bench_classify.py COUNTRY_DIR        # a folder written by `ukimet synth`

Writes bench/results/classify.json.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
from pathlib import Path
from typing import Any

from ukimet.connect.classify import classify_column
from ukimet.connect.connectors import open_connector
from ukimet.connect.kinds import Kind
from ukimet.connect.sources import SourceSpec
from ukimet.core.settings import Settings

RESULTS = Path(__file__).parent / "results" / "classify.json"
SAMPLE_ROWS = 1000


def country_sources(country: Path) -> list[SourceSpec]:
    specs = [SourceSpec(p.stem, "sqlite", str(p)) for p in sorted((country / "agencies").glob("*.sqlite"))]
    for path in sorted((country / "exports").iterdir()):
        kind: Kind = "excel" if path.suffix == ".xlsx" else "csv"
        specs.append(SourceSpec(path.stem, kind, str(path)))
    return specs


def truth_labels(country: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(source, column) -> (semantic type, sensitivity); key columns count as "other"."""
    with (country / "truth" / "columns.csv").open(encoding="utf-8") as f:
        return {(f"{r['source']}", f"{r['table']}.{r['column']}"): ("other" if r["semantic_type"] == "id"
                                                                  else r["semantic_type"], r["sensitivity"])
                for r in csv.DictReader(f)}


def predict(country: Path, names_only: bool) -> dict[tuple[str, str], tuple[str, str]]:
    config = Settings(home=country / ".ukimet-bench")
    out = {}
    for spec in country_sources(country):
        connector = open_connector(spec, config)
        tables = connector.tables()
        truth_table = {t for s, t in truth_labels(country) if s == spec.name}
        for table in tables:
            batch = next(iter(connector.read(table, SAMPLE_ROWS)), None)
            # a file's one table is named after the file; the truth names it after the agency's own table
            name = table.name if len(tables) > 1 else next(iter(truth_table)).split(".")[0]
            for column in table.columns:
                values = [] if names_only or batch is None else [
                    str(v) for v in batch.column(column.name).to_pylist() if v is not None]
                result = classify_column(spec.name, table.name, column.name, column.data_type, values)
                out[(spec.name, f"{name}.{column.name}")] = (result.semantic_type, result.sensitivity)
    return out


def score(truth: dict[tuple[str, str], tuple[str, str]],
          predicted: dict[tuple[str, str], tuple[str, str]]) -> dict[str, Any]:
    tp: collections.Counter[str] = collections.Counter()
    fp: collections.Counter[str] = collections.Counter()
    fn: collections.Counter[str] = collections.Counter()
    errors = []
    for key, (kind, _sensitivity) in truth.items():
        guess = predicted.get(key, ("missing", ""))[0]
        if guess == kind:
            tp[kind] += 1
        else:
            fp[guess] += 1
            fn[kind] += 1
            errors.append({"column": "/".join(key), "truth": kind, "predicted": guess})
    per_type: dict[str, dict[str, Any]] = {}
    for kind in sorted(set(tp) | set(fn)):
        precision = tp[kind] / max(tp[kind] + fp[kind], 1)
        recall = tp[kind] / max(tp[kind] + fn[kind], 1)
        per_type[kind] = {"precision": round(precision, 3), "recall": round(recall, 3), "columns": tp[kind] + fn[kind]}
    sensitivity = sum(predicted.get(k, ("", ""))[1] == s for k, (_, s) in truth.items()) / len(truth)
    typed = [k for k in per_type if k != "other"]
    return {
        "columns": len(truth), "accuracy": round(sum(tp.values()) / len(truth), 3),
        "macro_precision": round(sum(per_type[k]["precision"] for k in typed) / len(typed), 3),
        "macro_recall": round(sum(per_type[k]["recall"] for k in typed) / len(typed), 3),
        "sensitivity_accuracy": round(sensitivity, 3), "per_type": per_type, "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("country", type=Path)
    args = parser.parse_args()
    truth = truth_labels(args.country)
    report = {"ukimet": score(truth, predict(args.country, names_only=False)),
              "names_only_baseline": score(truth, predict(args.country, names_only=True))}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    for name, result in report.items():
        print(f"{name}: accuracy {result['accuracy']}, macro precision {result['macro_precision']}, macro recall "
              f"{result['macro_recall']}, sensitivity {result['sensitivity_accuracy']} on {result['columns']} columns")
    for error in report["ukimet"]["errors"]:
        print("  ", error)


if __name__ == "__main__":
    main()
