"""Charts as files: every chart ukimet draws is written as PNG (for a report) and SVG (for the web), with no
screen needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def pyplot() -> Any:
    """matplotlib's pyplot, drawing to files only."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save(fig: Any, out: Path, stem: str, tight: bool = False) -> list[Path]:
    """Write ``fig`` as out/stem.png and out/stem.svg and close it; the two paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{stem}.png", out / f"{stem}.svg"]
    for path in paths:
        fig.savefig(path, dpi=110, bbox_inches="tight" if tight else None)
    pyplot().close(fig)
    return paths
