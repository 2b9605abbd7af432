"""The gateway reads a snapshot through views over the Parquet files that hold it (gateway.serving), a lookup
in the lake's catalog saved per scan; wherever the files alone would not give exactly the table (rows deleted,
rows kept in the catalog, a column added since), it reads the lake itself. Either way every answer equals the
lake's."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

from ukimet.gateway import serving
from ukimet.gateway.api import Gateway
from ukimet.sync.store import current_snapshot, open_store

from .gateway_registry import WORKER, build_registry, registry_policy

PURPOSE = "case 7"
ROWS = "SELECT id, familiya FROM reg.persons ORDER BY id"


@pytest.fixture
def registry(tmp_path: Path) -> dict[str, Any]:
    return build_registry(tmp_path)


def _lake(registry: dict[str, Any], sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(open_store(registry["config"].resolved_store_path(), read_only=True)) as con:
        return con.execute(sql).fetchall()


def _write(registry: dict[str, Any], *statements: str) -> None:
    with contextlib.closing(open_store(registry["config"].resolved_store_path())) as con:
        for statement in statements:
            con.execute(statement)


def _scan(registry: dict[str, Any], table: str) -> str:
    with contextlib.closing(open_store(registry["config"].resolved_store_path(), read_only=True)) as con:
        return serving._scan(con, "reg", table, current_snapshot(con))


def test_a_published_table_is_read_from_its_files_and_answers_as_the_lake(registry: dict[str, Any]) -> None:
    assert "read_parquet" in _scan(registry, "persons")
    answer = Gateway(registry["config"], policy=registry_policy()).query(WORKER, ROWS, PURPOSE)
    assert answer.rows == _lake(registry, ROWS) and len(answer.rows) == 60


@pytest.mark.parametrize("change", [
    ("DELETE FROM reg.persons WHERE id > 50",),  # a delete file beside the data file
    ("INSERT INTO reg.persons (id, iin, familiya) VALUES (61, '900101300061', 'Жаңа')",),  # a small insert
    ("ALTER TABLE reg.persons ADD COLUMN ekstra VARCHAR", "UPDATE reg.persons SET ekstra = 'x' WHERE id = 1"),
], ids=["deleted rows", "inserted rows", "added column"])
def test_whatever_the_files_alone_would_miss_is_read_from_the_lake(registry: dict[str, Any],
                                                                    change: tuple[str, ...]) -> None:
    gateway = Gateway(registry["config"], policy=registry_policy())
    gateway.query(WORKER, ROWS, PURPOSE)  # the first snapshot's catalog is made
    _write(registry, *change)
    answer = gateway.query(WORKER, ROWS, PURPOSE)
    assert answer.rows == _lake(registry, ROWS)
    again = Gateway(registry["config"], policy=registry_policy(), as_of=answer.snapshot).query(WORKER, ROWS, PURPOSE)
    assert again.rows == answer.rows
