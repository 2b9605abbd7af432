"""The kinds of agency source ukimet reads: plain data, so that the command line can name them in its help
without importing the connectors or the metadata store."""

from __future__ import annotations

from typing import Literal

Kind = Literal["postgres", "mysql", "sqlite", "csv", "excel", "parquet", "json"]
KINDS: tuple[Kind, ...] = ("postgres", "mysql", "sqlite", "csv", "excel", "parquet", "json")
SERVER_KINDS = ("postgres", "mysql")
"""the kinds reached at a URL; the others are files"""
