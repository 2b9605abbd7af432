"""The model's data files (mapping, family card, rules, semantic layer): one reader for all of them, the shipped
file or an installation's own, validated by the file's typed model with the file named in every error."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from ukimet.core.config_files import read_toml, validate

Model = TypeVar("Model")


def read_data(name: str, path: Path | None = None, package: str = "ukimet.model") -> tuple[dict[str, Any], str]:
    """The TOML of ``path``, or of the shipped ``data/name``, and how errors should name it."""
    text = path.read_text(encoding="utf-8") if path else \
        resources.files(package).joinpath(f"data/{name}").read_text(encoding="utf-8")
    where = str(path or f"the built-in {name}")
    return read_toml(text, where), where


def load_data(kind: type[Model], name: str, path: Path | None = None, package: str = "ukimet.model",
              context: dict[str, Any] | None = None) -> Model:
    """The file read into its typed model ``kind``; one ConfigError naming the file, the place and the key."""
    data, where = read_data(name, path, package)
    return validate(kind, data, where, context)
