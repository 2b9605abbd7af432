"""A Notion database's pages as its API returns them (``{"object": "list", "results": [{"object": "page",
"properties": {...}}]}``): a page is a record of its properties, each a typed object read as the value it shows (a
title's or a rich text's runs joined, a date's start, a select's name, a phone number, the people's names), not as
the API's nesting (``properties.Оқушы.title.3.text.content``: a name split over runs read as four columns). The
page's ids, its parent, its creator's id and its URL (the title again) are no evidence."""

from __future__ import annotations

from typing import Any

KEPT = ("created_time", "last_edited_time", "archived")
"""a page's own keys kept beside its properties"""


def is_page(record: Any) -> bool:
    """Whether a record is a Notion page (its kind and its typed properties)."""
    return isinstance(record, dict) and record.get("object") == "page" and isinstance(record.get("properties"), dict)


def _runs(runs: Any) -> str | None:
    if not isinstance(runs, list):
        return None
    text = "".join(str(r.get("plain_text") or (r.get("text") or {}).get("content") or "") for r in runs
                   if isinstance(r, dict))
    return text.strip() or None


def value(prop: Any) -> Any:
    """A property's value as the page shows it."""
    if not isinstance(prop, dict):
        return prop
    kind = prop.get("type")
    held = prop.get(kind) if isinstance(kind, str) else None
    if kind in ("title", "rich_text"):
        return _runs(held)
    if kind == "date":
        return held.get("start") if isinstance(held, dict) else None
    if kind in ("select", "status"):
        return held.get("name") if isinstance(held, dict) else None
    if kind == "multi_select" and isinstance(held, list):
        return "; ".join(str(o.get("name")) for o in held if isinstance(o, dict)) or None
    if kind == "people" and isinstance(held, list):
        return "; ".join(str(p.get("name")) for p in held if isinstance(p, dict) and p.get("name")) or None
    if kind == "formula" and isinstance(held, dict):
        return held.get(held.get("type", ""))
    if kind in ("relation", "files", "rollup"):
        return None
    return held


def page(record: dict[str, Any]) -> dict[str, Any]:
    """A page as the columns it stands for: its properties' values, then its times."""
    return {**{name: value(prop) for name, prop in record["properties"].items()},
            **{k: record[k] for k in KEPT if k in record}}
