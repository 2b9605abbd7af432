"""``ukimet profile SOURCE``: the data quality of a synced source, column by column; kept for history."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from ukimet.cli.identity import operator_only

out = Console()


@operator_only
def profile(source: str, table: str = typer.Option(None, "--table", help="Only this table.")) -> None:
    """Completeness, validity, distinct values, formats and top values (never of personal data) per column."""
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.sync.profile import profile_source
    from ukimet.sync.store import open_store

    config = Settings()
    con = open_store(config.resolved_store_path(), read_only=True)
    try:
        results = profile_source(con, connect_metadata(config), source, config.profile_top_values)
    finally:
        con.close()
    for t in results:
        if table and t.table != table:
            continue
        view = Table("column", "meaning", "complete", "valid", "distinct", "formats", "top values",
                     title=f"{source}.{t.table}: {t.rows:,} rows, {t.duplicate_rate:.1%} duplicate rows"
                           + (f", freshest {t.freshest}" if t.freshest else ""), title_justify="left")
        for c in t.columns:
            formats = ", ".join(f"{p} ({n / max(sum(x for _, x in c.patterns), 1):.0%})" for p, n in c.patterns[:2])
            if c.top_values is not None:
                top = ", ".join(v for v, _ in c.top_values[:3])
            else:
                top = "mostly unique" if c.sensitivity == "public" else f"hidden: {c.sensitivity} data"
            view.add_row(c.column, c.semantic_type, f"{c.completeness:.1%}",
                         "-" if c.validity is None else f"{c.validity:.1%}", f"{c.distinct:,}", formats, top)
        out.print(view)


def register(app: typer.Typer) -> None:
    from ukimet.cli.main import clean_errors

    app.command("profile")(clean_errors(profile))
