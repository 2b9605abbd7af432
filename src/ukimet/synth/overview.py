"""The synthetic country at a glance, as a chart: population pyramid, people by region against the official
shares, and how dirty each source is. Written next to the manifest as PNG and SVG."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq

from ukimet.core.regions import regions
from ukimet.synth.country import Manifest

AGE_BAND = 5
OLDEST_BAND = 90


def draw_overview(out: Path, manifest: Manifest) -> list[Path]:
    """Draw ``out/overview.png`` and ``out/overview.svg`` from the truth and the manifest; return the paths."""
    import matplotlib

    matplotlib.use("Agg")  # no screen: render to files only
    import matplotlib.pyplot as plt

    persons = pq.read_table(out / "truth" / "persons.parquet", columns=["sex", "birth_date", "region", "death_date"])
    living = persons.filter(pc.is_null(persons["death_date"]))
    ref = dt.date.fromisoformat(manifest.reference_date)
    ages = [(ref - born).days // 365 for born in living["birth_date"].to_pylist() if born is not None]
    sexes = living["sex"].to_pylist()
    bands = list(range(0, OLDEST_BAND + 1, AGE_BAND))
    men = [0] * len(bands)
    women = [0] * len(bands)
    for age, sex in zip(ages, sexes, strict=True):
        band = min(age, OLDEST_BAND) // AGE_BAND
        (men if sex == "M" else women)[band] += 1

    fig, (pyramid, by_region, dirt) = plt.subplots(1, 3, figsize=(17, 6.5), constrained_layout=True)
    fig.suptitle(f"Synthetic Kazakhstan: {manifest.persons:,} persons, seed {manifest.seed}, "
                 f"as of {manifest.reference_date}", fontsize=13)
    labels = [f"{b}-{b + AGE_BAND - 1}" if b < OLDEST_BAND else f"{b}+" for b in bands]
    pyramid.barh(labels, [-m for m in men], color="#4477aa", label="men")
    pyramid.barh(labels, women, color="#cc6677", label="women")
    pyramid.set_title("Living population by age")
    pyramid.set_xlabel("persons (men left, women right)")
    pyramid.xaxis.set_major_formatter(lambda x, _: f"{abs(int(x)):,}")
    pyramid.legend(loc="upper right")

    observed = {code: n / persons.num_rows for code, n in Counter(persons["region"].to_pylist()).items()}
    total = sum(r.population for r in regions())
    ordered = sorted(regions(), key=lambda r: r.population)
    names = [r.name_en.replace(" Region", "") for r in ordered]
    by_region.barh(names, [observed.get(r.code, 0.0) for r in ordered], color="#88ccee", label="synthetic")
    by_region.scatter([r.population / total for r in ordered], names, color="#332288", zorder=3, s=18,
                      label="official 2026")
    by_region.set_title("Persons by region")
    by_region.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    by_region.legend(loc="lower right")

    sources = sorted(manifest.sources, key=lambda s: s.faulted_records / max(sum(s.tables.values()), 1))
    shares = [s.faulted_records / max(sum(s.tables.values()), 1) for s in sources]
    dirt.barh([s.code for s in sources], shares, color="#ddcc77")
    dirt.set_title("Records with at least one fault, by source")
    dirt.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")

    paths = [out / "overview.png", out / "overview.svg"]
    for path in paths:
        fig.savefig(path, dpi=110)
    plt.close(fig)
    return paths
