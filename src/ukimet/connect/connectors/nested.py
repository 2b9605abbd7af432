"""Nested values (a JSON record's objects and lists, a Parquet column's list of records or maps) as flat columns:
nested objects as dotted names (``citizen.name.last``), lists of objects numbered from 1 (``docs.1.number``,
``docs.2.number``), lists of plain values as one text (``+7 701 ...; +7 777 ...``), each column in the records' own
order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

LISTED = 20
"""A list of objects gives numbered columns for up to this many items; a longer one is kept whole as JSON text in
one column (nothing is dropped, and a record cannot add thousands of columns)."""


def _text(value: Any) -> str | None:
    """A JSON value as text: numbers as written (ijson reads them as Decimal), true and false as in JSON."""
    if value is None:
        return None
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def flatten(value: Any, prefix: str = "", out: dict[str, str | None] | None = None) -> dict[str, str | None]:
    """A record's values by column name: nested objects as dotted names, lists of objects numbered from 1, lists
    of plain values joined with "; "."""
    out = {} if out is None else out
    if isinstance(value, dict):
        for key, item in value.items():
            flatten(item, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        if len(value) > LISTED:
            out[prefix] = json.dumps(value, ensure_ascii=False, default=str)
        else:
            for n, item in enumerate(value, start=1):
                flatten(item, f"{prefix}.{n}", out)
    elif isinstance(value, list):
        out[prefix] = "; ".join(t for t in map(_text, value) if t is not None) or None
    else:
        out[prefix] = _text(value)
    return out


LEAF = ""
"""The mark of a node of ``grow``'s tree that is a column itself (a key seen with a plain value or null)"""


def grow(tree: dict[str, Any], record: dict[str, str | None]) -> None:
    """Add a flattened record's columns to ``tree`` (a node's children by name, in the order first seen at that
    level): a key seen null in one record and as an object in another keeps its place among its siblings."""
    for key in record:
        node = tree
        for part in key.split("."):
            node = node.setdefault(part, {})
        node[LEAF] = {}


def in_order(tree: dict[str, Any], prefix: str = "") -> Iterator[str]:
    """The columns of ``grow``'s tree in the records' own order: an object's columns where the object is (a
    Debezium change's ``before`` image before its ``after``, though the first changes, inserts, hold
    ``"before": null`` and only later ones the image), not after every column seen before them."""
    for part, node in tree.items():
        if part == LEAF:
            yield prefix
            continue
        yield from in_order(node, f"{prefix}.{part}" if prefix else part)


