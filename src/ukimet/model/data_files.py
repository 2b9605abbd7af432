"""The model's data files (mapping, family card, rules, semantic layer): one reader for all of them, the shipped
file or an installation's own, with the file named in every error."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from ukimet.core.errors import ConfigError


def read_data(name: str, path: Path | None = None, package: str = "ukimet.model") -> tuple[dict[str, Any], str]:
    """The TOML of ``path``, or of the shipped ``data/name``, and how errors should name it."""
    text = path.read_text(encoding="utf-8") if path else \
        resources.files(package).joinpath(f"data/{name}").read_text(encoding="utf-8")
    where = str(path or f"the built-in {name}")
    try:
        return tomllib.loads(text), where
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(where, f"it is not valid TOML ({error})", "fix the syntax") from None
