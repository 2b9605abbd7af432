"""The registry of agency sources: what each is, where it is, and how its password is referenced."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, delete, insert, select, update

from ukimet.connect.kinds import KINDS, SERVER_KINDS, Kind
from ukimet.core.errors import SourceError
from ukimet.core.languages import LANGUAGES, in_language, merged_titles
from ukimet.core.metadata import catalog_columns, catalog_tables, sources

_SCHEMES = {"postgres": ("postgresql", "postgres"), "mysql": ("mysql", "mariadb")}

RESERVED_NAMES = frozenset({"link", "lookup", "mart", "evidence", "main", "temp", "system", "information_schema",
                            "pg_catalog"})
"""Names a source may not take: a source's tables live in a schema of its name, and these schemas are the store's
own (the linkage, its lookup tables, the mart, the evidence) or DuckDB's (main, temp, system, information_schema,
pg_catalog). A source named link shared the linkage's schema: a sync overwrote link.entities."""

@dataclass(frozen=True)
class SourceSpec:
    name: str
    kind: Kind
    location: str
    """A server URL without password, or a file or folder path."""
    schema: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    password_env: str | None = None
    password_secret: str | None = None
    titles: dict[str, str] = field(default_factory=dict)
    """Language code (kk, ru, en) -> the source's name as its readers know it."""

    def title(self, language: str) -> str | None:
        """The source's name in ``language``, else in another language it has one in, else None (the code is
        all there is)."""
        return in_language(self.titles, language)

    def validate(self) -> None:
        """Refuse a spec that cannot work, naming the fix; run when a source is added."""
        for code in self.titles:
            if code not in LANGUAGES:
                raise language_refused(self.name, code)
        if not self.name.replace("_", "").isalnum() or not self.name[:1].isalpha():
            raise SourceError("source.name", name=self.name)
        if "__" in self.name:
            raise SourceError("source.double_underscore", name=self.name,
                              suggestion=re.sub("_+", "_", self.name).strip("_") or "tax_2025")
        if self.name.lower() in RESERVED_NAMES:
            raise SourceError("source.reserved", name=self.name, reserved=", ".join(sorted(RESERVED_NAMES)))
        if self.kind not in KINDS:
            raise SourceError("source.kind", name=self.name, kind=self.kind, allowed=", ".join(KINDS))
        if self.kind in SERVER_KINDS:
            parts = urlsplit(self.location)
            if parts.scheme.split("+")[0] not in _SCHEMES[self.kind]:
                raise SourceError("source.scheme", name=self.name, kind=self.kind, scheme=_SCHEMES[self.kind][0])
            if parts.password:
                raise SourceError("source.password_in_url", name=self.name)
        elif not Path(self.location).exists():
            raise SourceError("source.no_path", name=self.name, path=self.location)


def add_source(engine: Engine, spec: SourceSpec) -> None:
    spec.validate()
    with engine.begin() as db:
        if db.execute(select(sources.c.name).where(sources.c.name == spec.name)).first():
            raise SourceError("source.exists", name=spec.name)
        db.execute(insert(sources).values(
            name=spec.name, kind=spec.kind, location=spec.location, schema_name=spec.schema, options=spec.options,
            password_env=spec.password_env, password_secret=spec.password_secret, added_at=dt.datetime.now(dt.UTC),
            titles=spec.titles or None,
        ))


def language_refused(name: str, language: str) -> SourceError:
    """The refusal of a name for source ``name`` in ``language``, which is not one ukimet speaks."""
    return SourceError("source.title_language", name=name, language=language, allowed=", ".join(LANGUAGES))


def set_titles(engine: Engine, name: str, titles: dict[str, str]) -> SourceSpec:
    """Name source ``name`` in the given languages (an empty text removes that language's name); the source."""
    spec = get_source(engine, name)
    try:
        merged = merged_titles(spec.titles, titles)
    except ValueError as wrong:
        raise language_refused(name, str(wrong)) from None
    with engine.begin() as db:
        db.execute(update(sources).where(sources.c.name == name).values(titles=merged or None))
    return get_source(engine, name)


def get_source(engine: Engine, name: str) -> SourceSpec:
    with engine.connect() as db:
        row = db.execute(select(sources).where(sources.c.name == name)).mappings().first()
    if row is None:
        known = ", ".join(s.name for s in list_sources(engine)) or "none yet"
        raise SourceError("source.not_found", name=name, known=known)
    return _spec(row)


def list_sources(engine: Engine) -> list[SourceSpec]:
    with engine.connect() as db:
        return [_spec(row) for row in db.execute(select(sources).order_by(sources.c.name)).mappings()]


def remove_source(engine: Engine, name: str) -> None:
    get_source(engine, name)
    with engine.begin() as db:
        for table in (catalog_columns, catalog_tables):
            db.execute(delete(table).where(table.c.source == name))
        db.execute(delete(sources).where(sources.c.name == name))


def _spec(row: Any) -> SourceSpec:
    return SourceSpec(row["name"], row["kind"], row["location"], row["schema_name"], dict(row["options"] or {}),
                      row["password_env"], row["password_secret"], dict(row["titles"] or {}))
