"""The source audit: for each connected state system, its data quality, freshness, linkage rate, duplication
and use, and a ranking of the systems that deliver least, as the call to audit the state's IT systems for waste
asks. The statistics are aggregates (mart.source_stats, read through the gateway); use is counted from the
audit log (queries that read the system's tables in the last 90 days).

    report = audit_sources(gateway, auditor)
    draw_report(report, Path("out"), "ru")
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ukimet.apps.charts import pyplot, save
from ukimet.core.metadata import audit_entries
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User
from ukimet.model.source_stats import COLUMNS

USE_WINDOW = dt.timedelta(days=90)
STALE_DAYS = 90
"""a system not synced for this long scores 0 on freshness (1 within a week)"""


@dataclass(frozen=True)
class SourceReport:
    source: str
    tables: int
    rows: int
    freshness_days: int | None
    failed_runs: int
    completeness: float | None
    validity: float | None
    quarantined: int
    linkage_rate: float | None
    duplication: float | None
    queries: int
    """accesses that read the system's tables in the last 90 days"""
    delivery: float
    """0-1: the mean of the measures above that are known; lowest first in the ranking"""
    weakest: str
    """the measure that pulls the score down most"""


def _uses(gateway: Gateway, sources: list[str]) -> dict[str, int]:
    since = (dt.datetime.now(dt.UTC) - USE_WINDOW).isoformat()
    patterns = {s: re.compile(rf'(^|[^\w"])"?{re.escape(s)}"?\.', re.IGNORECASE) for s in sources}
    counts = dict.fromkeys(sources, 0)
    with gateway.metadata.connect() as con:
        for (query,) in con.execute(select(audit_entries.c.query).where(
                audit_entries.c.at >= since, audit_entries.c.action.in_(("query", "view")))):
            for source, pattern in patterns.items():
                if pattern.search(query or ""):
                    counts[source] += 1
    return counts


@dataclass(frozen=True)
class SyncHealth:
    status: str
    """of the source's last sync run: done, failed, running"""
    finished_at: dt.datetime | None
    error: str | None
    drifted_tables: int
    """tables whose columns changed (added, dropped, retyped) in the last run"""


def sync_health(gateway: Gateway) -> dict[str, SyncHealth]:
    """Each source's last sync run and the drift it saw (metadata only, no personal data)."""
    from ukimet.core.metadata import lineage, sync_runs

    health: dict[str, SyncHealth] = {}
    with gateway.metadata.connect() as con:
        runs = con.execute(select(sync_runs).order_by(sync_runs.c.run_id)).fetchall()
        last = {r.source: r for r in runs}
        for source, run in last.items():
            drifted = con.execute(select(lineage.c.drift).where(lineage.c.run_id == run.run_id)).fetchall()
            health[source] = SyncHealth(run.status, run.finished_at,
                                        run.error, sum(1 for (d,) in drifted if d))
    return health


def audit_sources(gateway: Gateway, user: User) -> list[SourceReport]:
    """Every connected system, the one that delivers least first."""
    result = gateway.query(user, f"SELECT {', '.join(COLUMNS)} FROM mart.source_stats", purpose="source audit")
    rows = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
    uses = _uses(gateway, [r["source"] for r in rows])
    most = max(uses.values(), default=0)
    reports = []
    for r in rows:
        fresh = None if r["freshness_days"] is None else \
            max(0.0, min(1.0, 1 - (r["freshness_days"] - 7) / (STALE_DAYS - 7)))
        measures = {
            "completeness": r["completeness"], "validity": r["validity"], "linkage": r["linkage_rate"],
            "duplication": None if r["duplication"] is None else 1 - r["duplication"], "freshness": fresh,
            "use": math.log1p(uses[r["source"]]) / math.log1p(most) if most else None,
        }
        known = {k: float(v) for k, v in measures.items() if v is not None}
        delivery = round(sum(known.values()) / len(known), 4) if known else 0.0
        reports.append(SourceReport(r["source"], r["tables"], r["rows"], r["freshness_days"], r["failed_runs"],
                                    r["completeness"], r["validity"], r["quarantined"], r["linkage_rate"],
                                    r["duplication"], uses[r["source"]], delivery,
                                    min(known, key=lambda k: known[k]) if known else "unknown"))
    return sorted(reports, key=lambda r: (r.delivery, r.source))


TITLES = {"kk": "Жүйелер не береді (төменнен бастап)", "ru": "Что дают системы (от худших)",
          "en": "What each system delivers (least first)"}


def draw_report(reports: list[SourceReport], out: Path, language: str = "kk") -> list[Path]:
    plt = pyplot()

    fig, ax = plt.subplots(figsize=(9, 0.4 * max(len(reports), 4) + 1.2))
    names = [r.source for r in reversed(reports)]
    scores = [r.delivery for r in reversed(reports)]
    ax.barh(names, scores, color=["#c0392b" if s < 0.8 else "#f1c40f" if s < 0.9 else "#27ae60" for s in scores])
    for y, r in enumerate(reversed(reports)):
        ax.text(r.delivery + 0.005, y, r.weakest, va="center", fontsize=8)
    ax.set(title=TITLES[language], xlim=(0, 1.15))
    fig.tight_layout()
    return save(fig, out, f"source_audit_{language}")
