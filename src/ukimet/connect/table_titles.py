"""What each source's table is called in the readers' languages. A store names a table as its agency does
(``fl_persons``, ``назначения``, ``quqyqtar``); a social worker reading a person's records in Kazakh should read
"Жеке тұлғалар" above them, with the table's own name beside it. A table without names is shown by its own name.

    name_table(engine, "health", "patients", {"kk": "Тіркелген халық", "ru": "Прикреплённое население"})
    table_names(engine)[("health", "patients")]  # {"kk": ..., "ru": ...}
"""

from __future__ import annotations

from sqlalchemy import Engine, and_, delete, insert, select

from ukimet.connect.sources import get_source, language_refused
from ukimet.core.errors import SourceError
from ukimet.core.languages import in_language, merged_titles
from ukimet.core.metadata import catalog_tables, table_titles


def table_names(engine: Engine) -> dict[tuple[str, str], dict[str, str]]:
    """Every named table: (source, table) -> language code -> its name in that language."""
    with engine.connect() as db:
        return {(row.source, row.table_name): dict(row.titles) for row in db.execute(select(table_titles))}


def table_names_in(engine: Engine, language: str) -> dict[tuple[str, str], str]:
    """Every named table's name in ``language`` (or another language it has one in)."""
    return {key: said for key, titles in table_names(engine).items() if (said := in_language(titles, language))}


def name_table(engine: Engine, source: str, table: str, titles: dict[str, str]) -> dict[str, str]:
    """Name ``source``'s catalogued table ``table`` in the given languages (an empty text removes one); its names
    now."""
    get_source(engine, source)  # an unknown source is refused as everywhere
    chosen = and_(table_titles.c.source == source, table_titles.c.table_name == table)
    with engine.connect() as db:
        if db.execute(select(catalog_tables.c.table_name).where(
                catalog_tables.c.source == source, catalog_tables.c.table_name == table)).first() is None:
            raise SourceError("catalog.table", source=source, table=table)
        before = db.execute(select(table_titles.c.titles).where(chosen)).scalar_one_or_none()
    try:
        merged = merged_titles(dict(before or {}), titles)
    except ValueError as wrong:
        raise language_refused(f"{source}.{table}", str(wrong)) from None
    with engine.begin() as db:
        db.execute(delete(table_titles).where(chosen))
        if merged:
            db.execute(insert(table_titles).values(source=source, table_name=table, titles=merged))
    return merged
