"""The same seed builds the same country, byte for byte in content; another seed builds another."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from ukimet.synth import SynthConfig, build_country


def _fingerprint(out: Path) -> dict[str, str]:
    prints: dict[str, str] = {}
    for path in sorted((out / "agencies").glob("*.sqlite")):
        db = sqlite3.connect(path)
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
            prints[f"{path.stem}.{table}"] = hashlib.sha256(repr(rows).encode()).hexdigest()
        db.close()
    for path in sorted((out / "exports").glob("*.csv")):
        prints[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    for path in sorted((out / "truth").glob("*.parquet")):
        prints[path.name] = hashlib.sha256(repr(pq.read_table(path).to_pylist()).encode()).hexdigest()
    return prints


def test_same_seed_same_country_other_seed_other_country(tmp_path: Path) -> None:
    first = _fingerprint(_build(tmp_path / "a", seed=5))
    again = _fingerprint(_build(tmp_path / "b", seed=5))
    other = _fingerprint(_build(tmp_path / "c", seed=6))
    assert first == again
    assert len(first) >= 35  # 33 agency tables, 2 CSV exports, 6 truth tables
    assert sum(first[k] != other[k] for k in first) > 0.9 * len(first)


def test_chunk_size_does_not_leak_into_identifiers(tmp_path: Path) -> None:
    small = _build(tmp_path / "small", seed=5, chunk=500)
    persons = pq.read_table(small / "truth" / "persons.parquet").to_pylist()
    assert len(persons) == 2_000
    assert len({p["iin"] for p in persons}) == 2_000
    assert len({p["person_id"] for p in persons}) == 2_000


def _build(out: Path, seed: int, chunk: int = 20_000, workers: int = 1) -> Path:
    build_country(SynthConfig(persons=2_000, seed=seed, chunk_persons=chunk, workers=workers), out)
    return out


@pytest.mark.parametrize(("persons", "chunk"), [(1, 100), (2, 100), (3, 100), (7, 100), (101, 100), (997, 100)])
def test_exactly_the_persons_asked_for_whatever_the_chunking(tmp_path: Path, persons: int, chunk: int) -> None:
    manifest = build_country(SynthConfig(persons=persons, seed=persons, chunk_persons=chunk), tmp_path)
    assert pq.read_table(tmp_path / "truth" / "persons.parquet").num_rows == persons == manifest.persons


def test_a_household_never_takes_more_people_than_the_room_left() -> None:
    import datetime as dt
    import random

    from ukimet.core.ids import NumberIssuer
    from ukimet.synth.model import Chunk
    from ukimet.synth.population import PopulationBuilder

    builder = PopulationBuilder(random.Random(3), NumberIssuer(), dt.date(2026, 1, 1))
    chunk = Chunk(0)
    for attempt in range(3000):
        room = 1 + attempt % 6
        before = len(chunk.people)
        builder.build(chunk, room)
        assert 1 <= len(chunk.people) - before <= room


def test_the_number_of_processes_does_not_change_the_country(tmp_path: Path) -> None:
    one = _fingerprint(_build(tmp_path / "one", seed=5, chunk=700, workers=1))
    two = _fingerprint(_build(tmp_path / "two", seed=5, chunk=700, workers=2))
    three = _fingerprint(_build(tmp_path / "three", seed=5, chunk=700, workers=3))
    assert one == two == three
    assert not list(tmp_path.rglob("*.arrows")) and not list(tmp_path.rglob("*.partial"))


def test_a_part_that_fails_in_its_own_process_stops_the_build_and_leaves_nothing_half_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ukimet.synth import country

    write_chunk = country._SourceWriter.write_chunk
    parent = os.getpid()

    def failing(self: Any, ctx: Any, truth: Any) -> None:
        if os.getpid() != parent and ctx.chunk.index == 1:
            raise OSError(f"disk gone while writing {self.source.code}")
        write_chunk(self, ctx, truth)

    monkeypatch.setattr(country._SourceWriter, "write_chunk", failing)  # the forked process inherits it
    with pytest.raises(OSError, match="disk gone while writing"):
        build_country(SynthConfig(persons=1_500, seed=2, chunk_persons=500, workers=2), tmp_path / "kz")
    left = [p.name for p in (tmp_path / "kz").rglob("*") if p.is_file()]
    assert not [name for name in left if name.endswith((".partial", ".arrows", ".sqlite", ".csv", ".xlsx"))]
    assert "manifest.json" not in left


# The truth of a small country, pinned: a faster generator must still build exactly this one. Change it only
# with a change that is meant to alter the synthetic country, and say so in the changelog.
PINNED_TRUTH = "b571f26287e7e4b94302df89427b933e237fdc0a5ffa27f633da765f55c27d43"


def test_the_truth_of_a_small_country_is_pinned(tmp_path: Path) -> None:
    build_country(SynthConfig(persons=300, seed=3, chunk_persons=100), tmp_path)
    digest = hashlib.sha256()
    for name in ("persons", "households", "companies", "records", "faults", "planted"):
        digest.update(repr(pq.read_table(tmp_path / "truth" / f"{name}.parquet").to_pylist()).encode())
    assert digest.hexdigest() == PINNED_TRUTH
