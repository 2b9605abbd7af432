"""Configuration files as validated data: every TOML ukimet reads (the policy, the mart's mapping, the family
card, the entitlement and consistency rules, the semantic layer, the question set) is read into a typed pydantic
model that declares each key once with its type and default. Unknown keys, values of the wrong type and words
outside a closed vocabulary are refused, never ignored: a misspelt protection must not switch itself off. A
refusal is one ``ConfigError`` line naming the file, the place in it (table path and key, the ``id`` of a list
item) and what to write instead.

    card = validate(CardFile, read_toml(text, "card.toml"), "card.toml")
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
import types
import typing
from collections.abc import Callable, Iterable
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Strict,
    TypeAdapter,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from ukimet.core.errors import ConfigError

STRICT = ConfigDict(extra="forbid")
"""the configuration of every pydantic dataclass read from a file (frozen by its decorator): unknown keys
refused"""
FROZEN = ConfigDict(extra="forbid", frozen=True)
"""the configuration of every pydantic model of a file: unknown keys refused, values not changed after loading"""

Int = Annotated[int, Strict()]
"""a whole number (TOML's 4.5 or "4" or true are refused)"""
Float = Annotated[float, Strict(), AllowInfNan(False)]
"""a finite number; whole numbers are numbers too"""
Bool = Annotated[bool, Strict()]
Text = Annotated[str, Strict()]


def _day(value: Any) -> Any:
    """A day as TOML writes it (1979-05-27) or as quoted text ("1979-05-27"); a number is not a day."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("day", "{value} is not a day", {"value": repr(value)})


Day = Annotated[dt.date, BeforeValidator(_day)]
"""a day written YYYY-MM-DD"""


def _table_name(name: str) -> str:
    if len(name.split(".")) != 2 or not all(name.split(".")):
        raise PydanticCustomError("config", "table {name} is not source.table",
                                  {"name": repr(name), "fix": "write the table as source.table (or schema.table)"})
    return name


TableName = Annotated[str, Strict(), AfterValidator(_table_name)]
"""a table as source.table (a synced agency table) or schema.table (the mart's)"""


def one_of(allowed: Iterable[str]) -> BeforeValidator:
    """A closed vocabulary: the value must be one of ``allowed`` (a misspelt word is refused, not ignored)."""
    words = tuple(allowed)

    def check(value: Any) -> Any:
        if value not in words:
            raise PydanticCustomError("one_of", "{value} is not one of {allowed}",
                                      {"value": repr(value), "allowed": ", ".join(words)})
        return value

    return BeforeValidator(check)


def texts_in(languages: Iterable[str], required: Iterable[str] | None = None) -> BeforeValidator:
    """A text per language: every one of ``required`` (default: all of ``languages``), no other language."""
    known = tuple(languages)
    needed = tuple(required if required is not None else known)

    def check(value: Any) -> Any:
        if not isinstance(value, dict) or not set(needed) <= set(value) or not set(value) <= set(known):
            raise PydanticCustomError("languages", "needs a text in each of {languages}{others}",
                                      {"languages": ", ".join(needed),
                                       "others": f" (and may have {', '.join(sorted(set(known) - set(needed)))})"
                                       if set(known) - set(needed) else ""})
        return value

    return BeforeValidator(check)


def unique_ids(items: tuple[Any, ...]) -> tuple[Any, ...]:
    """Items of a list named by ``id``, each id once (a second one would silently stand for the first)."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise PydanticCustomError("config", "id {id} is used twice", {"id": repr(item.id),
                                                                         "fix": "give each item its own id"})
        seen.add(item.id)
    return items


def read_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(where, f"it is not valid TOML ({error})", "fix the syntax") from None


Model = TypeVar("Model")


def validate(kind: type[Model], data: Any, where: str, context: dict[str, Any] | None = None) -> Model:
    """``data`` as a ``kind`` (a pydantic model or dataclass), or one ConfigError naming the first problem."""
    try:
        return TypeAdapter(kind).validate_python(data, context=context)
    except ValidationError as error:
        raise config_error(error, where, kind, data) from None


# --- one error line from pydantic's list of problems ---------------------------------------------------------
WHY: dict[str, Callable[[dict[str, Any]], str]] = {
    "int_type": lambda e: f"{e['input']!r} is not a whole number",
    "int_from_float": lambda e: f"{e['input']!r} is not a whole number",
    "float_type": lambda e: f"{e['input']!r} is not a number",
    "finite_number": lambda e: f"{e['input']!r} is not a finite number",
    "bool_type": lambda e: f"{e['input']!r} is not true or false",
    "string_type": lambda e: f"{e['input']!r} is not text",
    "missing": lambda e: "it is missing",
    "greater_than_equal": lambda e: f"{e['input']!r} is less than {e['ctx']['ge']}",
    "greater_than": lambda e: f"{e['input']!r} is not more than {e['ctx']['gt']}",
    "less_than_equal": lambda e: f"{e['input']!r} is more than {e['ctx']['le']}",
    "too_short": lambda e: f"it has {e['ctx']['actual_length']} items and needs at least {e['ctx']['min_length']}",
    "dict_type": lambda e: f"{e['input']!r} is not a table",
    "list_type": lambda e: f"{e['input']!r} is not a list",
    "tuple_type": lambda e: f"{e['input']!r} is not a list",
    "frozen_set_type": lambda e: f"{e['input']!r} is not a list",
    "model_type": lambda e: f"{e['input']!r} is not a table",
    "dataclass_type": lambda e: f"{e['input']!r} is not a table",
}
FIX = {
    "one_of": "use one of those",
    "missing": "add it",
    "int_type": "write a whole number, without quotes",
    "int_from_float": "write a whole number, without quotes",
    "float_type": "write a number, without quotes",
    "finite_number": "write a finite number",
    "bool_type": "write true or false",
    "string_type": "write it as text in quotes",
    "too_short": "add the missing items",
    "dict_type": "write a table: { key = value }",
    "model_type": "write a table: { key = value }",
    "dataclass_type": "write a table: { key = value }",
    "list_type": "write a list: [ ... ]",
    "tuple_type": "write a list: [ ... ]",
    "frozen_set_type": "write a list: [ ... ]",
    "languages": "add the missing texts and remove any other language",
    "day": "write it as YYYY-MM-DD",
}


LIMIT: dict[str, Callable[[dict[str, Any]], str]] = {
    "greater_than_equal": lambda e: f"give {e['ctx']['ge']} or more",
    "greater_than": lambda e: f"give more than {e['ctx']['gt']}",
    "less_than_equal": lambda e: f"give {e['ctx']['le']} or less",
}
EXTRA = ("extra_forbidden", "unexpected_keyword_argument")
"""an unknown key: of a model, of a dataclass"""


def config_error(error: ValidationError, where: str, kind: Any, data: Any) -> ConfigError:
    """The first problem of ``error`` as one line: the file, the place (table path, key, list item by id), why,
    and the fix; unknown keys of one table are named together with the keys it knows. Only the first: each
    message has one shape that the pages translate, and the next problem is named on the next load."""
    problems = error.errors(include_url=False)
    first = problems[0]
    loc = tuple(first["loc"])
    if first["type"] in EXTRA:
        parent = loc[:-1]
        extra = [p for p in problems if p["type"] in EXTRA and tuple(p["loc"][:-1]) == parent]
        unknown = [str(p["loc"][-1]) for p in extra]
        known = _keys_at(kind, parent)
        tables = not parent and all(isinstance(p['input'], dict) for p in extra)
        why = f"unknown {'tables' if tables else 'keys'} {unknown}"
        fix = f"use {known}" if known else "remove them"
        loc = parent
    else:
        key = "key" if loc[-1:] == ("[key]",) else next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        problem: dict[str, Any] = dict(first)
        ctx = problem.get("ctx") or {}
        if first["type"] in ("one_of", "languages", "day"):
            why = f"{key} {first['msg']}".strip()
        elif first["type"] == "config":
            why = str(first["msg"])
        elif first["type"] == "value_error":
            why = str(ctx.get("error", first["msg"]))
        else:
            why = WHY[first["type"]](problem) if first["type"] in WHY else str(first["msg"])
        fix = str(ctx.get("fix") or FIX.get(first["type"]) or
                  (LIMIT[first["type"]](problem) if first["type"] in LIMIT else "correct it"))
    place = _place(loc, data)
    return ConfigError(f"{where}: {place}" if place else where, why, fix)


def _place(loc: tuple[Any, ...], data: Any) -> str:
    """A loc as TOML names it: roles.analyst.small_cell, criteria[3] (id 'low_income').points; a list item by its
    id or name."""
    out = ""
    node = data
    for part in loc:
        if part == "[key]":
            out += " (the key)"
            continue
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and -len(node) <= part < len(node) else None
            if isinstance(node, dict):
                named = next((k for k in ("id", "name") if isinstance(node.get(k), str)), None)
                out += f" ({named} {node[named]!r})" if named else ""
            continue
        name = str(part)
        shown = name if name.replace("_", "").isalnum() and name.isascii() else f'"{name}"'
        out += f".{shown}" if out else shown
        node = node.get(name) if isinstance(node, dict) else None
    return out


def _keys_at(kind: Any, loc: tuple[Any, ...]) -> list[str]:
    """The keys the table at ``loc`` may have: walks the model's annotations as the loc walks the data."""
    node: Any = kind
    for part in (*loc, None):
        node = _unwrap(node)
        fields = _fields(node)
        if part is None:
            return sorted(fields)
        if fields:
            node = fields.get(str(part))
            continue
        args = typing.get_args(node)
        origin = typing.get_origin(node)
        if origin is dict and len(args) == 2:
            node = args[1]
        elif origin in (list, tuple, set, frozenset) and args:
            node = args[0]
        else:
            return []
    return []


def _unwrap(node: Any) -> Any:
    while True:
        origin = typing.get_origin(node)
        if origin is Annotated:
            node = typing.get_args(node)[0]
        elif origin in (typing.Union, types.UnionType):
            node = next((a for a in typing.get_args(node) if a is not type(None)), None)
        else:
            return node


def _fields(node: Any) -> dict[str, Any]:
    if isinstance(node, type) and issubclass(node, BaseModel):
        return {(f.alias or name): f.annotation for name, f in node.model_fields.items()}
    if isinstance(node, type) and dataclasses.is_dataclass(node):
        hints = typing.get_type_hints(node, include_extras=True)
        return {f.name: hints.get(f.name) for f in dataclasses.fields(node) if f.metadata.get("in_file", True)}
    return {}
