"""The messages errors say, by id: their English templates (what, why, fix) and a refusal's reason code, declared
once in data/messages.toml. The English templates are also the msgids of the translations (api/locale/errors)."""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

UNCLASSIFIED = "unclassified"
"""the id of an English-only message (core.errors: the operator's stages)"""
PARTS = ("what", "why", "fix")


@dataclass(frozen=True)
class Message:
    id: str
    what: str
    why: str
    fix: str
    reason: str = "policy"

    def templates(self) -> tuple[str, str, str]:
        return self.what, self.why, self.fix

    def fields(self) -> set[str]:
        """The names of the values its templates carry."""
        return {name for text in self.templates() for _, name, _, _ in string.Formatter().parse(text) if name}

    def fill(self, params: dict[str, Any], templates: tuple[str, str, str] | None = None) -> tuple[str, str, str]:
        """``templates`` (the English ones unless given, e.g. translated) filled with ``params``."""
        what, why, fix = (t.format_map(params) for t in templates or self.templates())
        return what, why, fix


@cache
def messages() -> dict[str, Message]:
    with resources.files("ukimet.core").joinpath("data/messages.toml").open("rb") as f:
        declared = tomllib.load(f)
    return {key: Message(key, **value) for key, value in declared.items()}


def message(message_id: str) -> Message:
    try:
        return messages()[message_id]
    except KeyError:
        raise KeyError(f"no message {message_id!r} in ukimet/core/data/messages.toml: declare it there") from None
