"""Linkage: one identity per person across all agency data. ``link_store`` links the synced store (DuckDB or
Spark), ``link_files`` links standalone files; ``explain`` and ``review`` show and correct what it decided."""

from ukimet.link.api import link_records, link_store
from ukimet.link.explain import explain
from ukimet.link.files import link_files

__all__ = ["explain", "link_files", "link_records", "link_store"]
