"""Linkage: one identity per person across all agency data. ``link_store`` links the synced store (DuckDB or
Spark), ``link_files`` links standalone files; ``explain`` and ``review`` show and correct what it decided."""

from importlib import import_module
from typing import Any

__all__ = ["explain", "link_files", "link_records", "link_store"]
_HOMES = {"explain": "ukimet.link.explain", "link_files": "ukimet.link.files", "link_records": "ukimet.link.api",
          "link_store": "ukimet.link.api"}


def __getattr__(name: str) -> Any:
    """The public functions, imported on first use: importing a submodule (the command line reads
    ``ukimet.link.model.THRESHOLD``) does not start DuckDB and Arrow."""
    if name not in _HOMES:
        raise AttributeError(f"module 'ukimet.link' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
