"""The linkage at a glance, as PNG and SVG: how candidate pairs are spread over match weight (the threshold
splits the two humps: the valley between them is where the review queue lives), and in how many agencies'
records each linked person appears."""

from __future__ import annotations

from pathlib import Path

import duckdb


def draw_linkage(con: duckdb.DuckDBPyConnection, out: Path, threshold: float = 0.0) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")  # no screen: render to files only
    import matplotlib.pyplot as plt

    weights = con.execute("SELECT greatest(least(round(weight), 60), -60) AS w, count(*) FROM link.pair_scores "
                          "WHERE NOT conflict GROUP BY 1 ORDER BY 1").fetchall()
    spread = con.execute("""SELECT sources, count(*) FROM (SELECT e.entity_id, count(DISTINCT p.source) AS sources
        FROM link.entities e JOIN link.person_records p USING (record_id) GROUP BY 1) spread
        GROUP BY 1 ORDER BY 1""").fetchall()
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    left.bar([w for w, _ in weights], [n for _, n in weights], width=1.0, color="#3b6ea5")
    left.axvline(threshold, color="#c0392b", linestyle="--", label=f"threshold {threshold:+.0f}")
    left.set_yscale("log")
    left.set(title="Candidate pairs by match weight", xlabel="match weight (log2 odds)", ylabel="pairs")
    left.legend()
    right.bar([str(s) for s, _ in spread], [n for _, n in spread], color="#27ae60")
    right.set(title="Linked persons by number of agencies", xlabel="agencies holding records of the person",
              ylabel="persons")
    fig.tight_layout()
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "linkage.png", out / "linkage.svg"]
    for path in paths:
        fig.savefig(path, dpi=110)
    plt.close(fig)
    return paths
