"""What each organisation is called in the readers' languages. Accounts and audit entries record an organisation
by one name ("Akimat of Shymkent"); a citizen reading in Kazakh who looked up who saw their data should read
"Шымкент қаласының әкімдігі". An organisation without names is shown as recorded.

    name_organisation(engine, "Akimat of Shymkent", {"kk": "Шымкент қаласының әкімдігі", "ru": "Акимат г. Шымкент"})
    organisation_names(engine)["Akimat of Shymkent"]  # {"kk": ..., "ru": ...}
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, insert, select

from ukimet.core.errors import ConfigError
from ukimet.core.languages import LANGUAGES, merged_titles
from ukimet.core.metadata import organisations


def organisation_names(engine: Engine) -> dict[str, dict[str, str]]:
    """Every named organisation: its recorded name -> language code -> its name in that language."""
    with engine.connect() as db:
        return {row.name: dict(row.titles) for row in db.execute(select(organisations))}


def name_organisation(engine: Engine, name: str, titles: dict[str, str]) -> dict[str, str]:
    """Name organisation ``name`` in the given languages (an empty text removes one); its names now."""
    if not name.strip():
        raise ConfigError("organisation.name")
    before = organisation_names(engine).get(name, {})
    try:
        merged = merged_titles(before, titles)
    except ValueError as wrong:
        raise ConfigError("organisation.language", name=name, language=str(wrong),
                          allowed=", ".join(LANGUAGES)) from None
    with engine.begin() as db:
        db.execute(delete(organisations).where(organisations.c.name == name))
        if merged:
            db.execute(insert(organisations).values(name=name, titles=merged))
    return merged
