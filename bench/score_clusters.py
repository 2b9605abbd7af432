#!/usr/bin/env python3
# ruff: noqa
# mypy: ignore-errors
# An eighth linkage writer's scorer, written apart from the project (from the linkage issue's text and
# `ukimet link --help` alone) in stop 40, and kept as its writer wrote it: not linted here, so that nobody edits
# its styles into ours. Its extracts were held at their first run (seeds 81, 83; stop 40's closing note).
"""Pairwise scoring of a clusters CSV against truth.csv.

python score.py CLUSTERS TRUTH

CLUSTERS: source,record_id,entity_id (as written by `ukimet link --out`).
TRUTH:    file,record_id,person_id (file = file name or its stem).
Records in truth but missing from CLUSTERS count as singletons (reported);
records in CLUSTERS but not in truth are ignored (reported).
"""
from __future__ import annotations

import csv
import os
import sys
from collections import Counter, defaultdict


def stem(s: str) -> str:
    base = os.path.basename(s)
    root, ext = os.path.splitext(base)
    return root if ext.lower() in (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".jsonl", ".json", ".parquet") else base


def c2(n: int) -> int:
    return n * (n - 1) // 2


def prf(tp: int, pp: int, tt: int) -> tuple[float, float, float]:
    p = tp / pp if pp else 1.0
    r = tp / tt if tt else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: score.py CLUSTERS TRUTH")
    pred: dict[tuple[str, str], str] = {}
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            src = row.get("source") or row.get("file") or ""
            pred[(stem(src), row["record_id"])] = row.get("entity_id") or row.get("cluster_id") or ""
    truth: dict[tuple[str, str], str] = {}
    with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            truth[(stem(row["file"]), row["record_id"])] = row["person_id"]

    missing = [k for k in truth if k not in pred]
    extra = [k for k in pred if k not in truth]
    ent: dict[tuple[str, str], str] = {}
    for k in truth:
        ent[k] = pred.get(k, f"__missing__{k[0]}|{k[1]}")

    files = sorted({k[0] for k in truth})
    # cells: (entity, person) -> Counter(file)
    cell: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_ent: dict[str, Counter[str]] = defaultdict(Counter)
    by_per: dict[str, Counter[str]] = defaultdict(Counter)
    for k, pid in truth.items():
        e = ent[k]
        cell[(e, pid)][k[0]] += 1
        by_ent[e][k[0]] += 1
        by_per[pid][k[0]] += 1

    def pairs(groups: "dict[object, Counter[str]]", fa: str | None, fb: str | None) -> int:
        tot = 0
        for cnt in groups.values():
            if fa is None:
                tot += c2(sum(cnt.values()))
            elif fa == fb:
                tot += c2(cnt[fa])
            else:
                tot += cnt[fa] * cnt[fb]
        return tot

    cellg: dict[object, Counter[str]] = dict(cell)  # type: ignore[arg-type]
    entg: dict[object, Counter[str]] = dict(by_ent)  # type: ignore[arg-type]
    perg: dict[object, Counter[str]] = dict(by_per)  # type: ignore[arg-type]

    print(f"truth records {len(truth)}, persons {len(by_per)}; clusters file records {len(pred)}, "
          f"entities {len({e for e in pred.values()})}")
    print(f"truth records missing from clusters (scored as singletons): {len(missing)}"
          + (f"  e.g. {missing[:5]}" if missing else ""))
    print(f"cluster records not in truth (ignored): {len(extra)}" + (f"  e.g. {extra[:5]}" if extra else ""))
    tp, pp, tt = pairs(cellg, None, None), pairs(entg, None, None), pairs(perg, None, None)
    p, r, f1 = prf(tp, pp, tt)
    print(f"\nOVERALL  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}   (tp {tp}, predicted pairs {pp}, true pairs {tt})")
    print(f"\n{'file pair':<55} {'prec':>7} {'recall':>7} {'F1':>7} {'tp':>7} {'pred':>7} {'true':>7}")
    for i, fa in enumerate(files):
        for fb in files[i:]:
            tp, pp, tt = pairs(cellg, fa, fb), pairs(entg, fa, fb), pairs(perg, fa, fb)
            p, r, f1 = prf(tp, pp, tt)
            print(f"{fa + ' ~ ' + fb:<55} {p:7.4f} {r:7.4f} {f1:7.4f} {tp:7d} {pp:7d} {tt:7d}")

    # largest false merges: entities with > 1 person, by number of wrong pairs
    per_ent: dict[str, Counter[str]] = defaultdict(Counter)
    recs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, pid in truth.items():
        per_ent[ent[k]][pid] += 1
        recs[(ent[k], pid)].append(f"{k[0]}:{k[1]}")
    bad = []
    for e, cnt in per_ent.items():
        if len(cnt) > 1:
            n = sum(cnt.values())
            wrong = c2(n) - sum(c2(v) for v in cnt.values())
            bad.append((wrong, n, e, cnt))
    bad.sort(key=lambda x: (-x[0], -x[1]))
    print(f"\nentities mixing persons: {len(bad)}; 10 largest false merges (by wrong pairs):")
    for wrong, n, e, cnt in bad[:10]:
        print(f"  entity {e}: {n} records, {len(cnt)} persons, {wrong} wrong pairs")
        for pid, c in cnt.most_common(6):
            ex = recs[(e, pid)][:3]
            print(f"      {pid} x{c}: {', '.join(ex)}")


if __name__ == "__main__":
    main()
