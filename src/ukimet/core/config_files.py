"""Configuration files as validated data: every TOML ukimet reads (the policy, the mart's mapping, the family
card, the entitlement and consistency rules, the semantic layer, the question set) is read into a typed pydantic
model that declares each key once with its type and default. Unknown keys, values of the wrong type and words
outside a closed vocabulary are refused, never ignored: a misspelt protection must not switch itself off. A
refusal is one ``ConfigError`` line naming the file, the place in it (table path and key, the ``id`` or ``name``
of a list item) and what to write instead. Every problem is a message declared once in ``MESSAGES`` (its id, its
why and fix templates); validators raise ``problem(id, **values)`` and the error carries the id and the values
(``error.id``, ``error.params``) so that a translation needs no English text read back.

    card = validate(Card, read_toml(text, "card.toml"), "card.toml")
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
import tomllib
import types
import typing
from collections.abc import Iterable
from importlib import resources
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


def _messages() -> dict[str, tuple[str, str]]:
    with resources.files("ukimet.core").joinpath("data/config_messages.toml").open("rb") as f:
        return {key: (value["why"], value["fix"]) for key, value in tomllib.load(f).items()}


MESSAGES = _messages()
"""id -> (why, fix): the English templates of every problem a configuration file can have, declared once in
core/data/config_messages.toml ({name}: the problem's values; the error's ``what`` is the file and the place in
it); their Kazakh and Russian forms are in api/locale/errors/config.<lang>.po, by the English template"""


def problem(message_id: str, **values: Any) -> PydanticCustomError:
    """A problem a validator finds, to raise: its message by id (MESSAGES) with its values."""
    return PydanticCustomError(message_id, MESSAGES[message_id][0], values)


def _day(value: Any) -> Any:
    """A day as TOML writes it (1979-05-27) or as quoted text ("1979-05-27"); a number is not a day."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise problem("config.day", value=repr(value))


Day = Annotated[dt.date, BeforeValidator(_day)]
"""a day written YYYY-MM-DD"""


def _table_name(name: str) -> str:
    if len(name.split(".")) != 2 or not all(name.split(".")):
        raise problem("config.table_name", name=repr(name))
    return name


TableName = Annotated[str, Strict(), AfterValidator(_table_name)]
"""a table as source.table (a synced agency table) or schema.table (the mart's)"""


def one_of(allowed: Iterable[str]) -> BeforeValidator:
    """A closed vocabulary: the value must be one of ``allowed`` (a misspelt word is refused, not ignored)."""
    words = tuple(allowed)

    def check(value: Any) -> Any:
        if value not in words:
            raise problem("config.not_one_of", value=repr(value), allowed=", ".join(words))
        return value

    return BeforeValidator(check)


def texts_in(languages: Iterable[str], required: Iterable[str] | None = None) -> BeforeValidator:
    """A text per language: every one of ``required`` (default: all of ``languages``), no other language."""
    known = tuple(languages)
    needed = tuple(required if required is not None else known)

    def check(value: Any) -> Any:
        if not isinstance(value, dict) or not set(needed) <= set(value) or not set(value) <= set(known):
            raise problem("config.languages", languages=", ".join(needed) + (
                f" (and may have {', '.join(sorted(set(known) - set(needed)))})" if set(known) - set(needed) else ""))
        return value

    return BeforeValidator(check)


def unique_ids(items: tuple[Any, ...]) -> tuple[Any, ...]:
    """Items of a list named by ``id``, each id once (a second one would silently stand for the first)."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise problem("config.id_twice", id=repr(item.id))
        seen.add(item.id)
    return items


def read_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError("config.toml", where, detail=str(error)) from None


Model = TypeVar("Model")


def validate(kind: type[Model], data: Any, where: str, context: dict[str, Any] | None = None) -> Model:
    """``data`` as a ``kind`` (a pydantic model or dataclass), or one ConfigError naming the first problem."""
    try:
        return TypeAdapter(kind).validate_python(data, context=context)
    except ValidationError as error:
        raise config_error(error, where, kind, data) from None


# --- one error line from pydantic's list of problems ---------------------------------------------------------
BUILT_IN = {
    "int_type": "config.whole_number", "int_from_float": "config.whole_number", "int_parsing": "config.whole_number",
    "float_type": "config.number", "float_parsing": "config.number", "finite_number": "config.finite_number",
    "bool_type": "config.true_or_false", "bool_parsing": "config.true_or_false", "string_type": "config.text",
    "missing": "config.missing", "greater_than_equal": "config.at_least", "greater_than": "config.more_than",
    "less_than_equal": "config.at_most", "too_short": "config.too_few",
    "dict_type": "config.table", "model_type": "config.table", "dataclass_type": "config.table",
    "model_attributes_type": "config.table", "list_type": "config.list", "tuple_type": "config.list",
    "frozen_set_type": "config.list", "set_type": "config.list",
}
"""pydantic's kinds of problem -> our messages"""
EXTRA = ("extra_forbidden", "unexpected_keyword_argument")
"""an unknown key: of a model, of a dataclass"""


class ConfigFileError(ConfigError):
    """A configuration file ukimet cannot use: ``what`` is the file and the place in it; ``id`` names the message
    (MESSAGES) and ``params`` holds its values, so that a translation fills its own templates by the id."""

    def __init__(self, message_id: str, where: str, **values: Any) -> None:
        why, fix = MESSAGES[message_id]
        named = {name for text in (why, fix) for _, name, _, _ in string.Formatter().parse(text) if name}
        params = {"where": where, **{name: values[name] for name in sorted(named)}}
        super().__init__(where, why.format(**params), fix.format(**params))
        self.id = message_id
        self.params = params


def config_error(error: ValidationError, where: str, kind: Any, data: Any) -> ConfigFileError:
    """The first problem of ``error`` as one line: the file, the place (table path, key, list item by id), why,
    and the fix; unknown keys of one table are named together with the keys it knows. Only the first: each
    message has one shape that the pages translate, and the next problem is named on the next load."""
    problems = error.errors(include_url=False)
    first: dict[str, Any] = dict(problems[0])
    loc = tuple(first["loc"])
    if first["type"] in EXTRA:
        parent = loc[:-1]
        extra = [p for p in problems if p["type"] in EXTRA and tuple(p["loc"][:-1]) == parent]
        tables = not parent and all(isinstance(p["input"], dict) for p in extra)
        return ConfigFileError("config.unknown_tables" if tables else "config.unknown_keys",
                               _where(where, parent, data), keys=[str(p["loc"][-1]) for p in extra],
                               allowed=_keys_at(kind, parent))
    values: dict[str, Any] = dict(first.get("ctx") or {})
    values["key"] = "key" if loc[-1:] == ("[key]",) else next((str(p) for p in reversed(loc) if isinstance(p, str)),
                                                             "")
    if first["type"] in MESSAGES:
        message_id = first["type"]
    else:
        message_id = BUILT_IN.get(first["type"], "config.other")
        values.update(value=repr(first["input"]), detail=first["msg"],
                      limit=values.get("ge", values.get("gt", values.get("le"))),
                      actual=values.get("actual_length"), least=values.get("min_length"))
    return ConfigFileError(message_id, _where(where, loc, data), **values)


def _where(where: str, loc: tuple[Any, ...], data: Any) -> str:
    place = _place(loc, data)
    return f"{where}: {place}" if place else where


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
