"""The constrained merge, strongest pair first, for the components where a constraint can bite.

Linkage clusters by merging candidate pairs from the strongest down, skipping a merge that would put two
different valid IINs in one entity, join two profiles a clerk said are different people, or merge two
entities that already exist (incremental runs); the root kept is always the smaller id, so an entity is named by
its smallest profile. Merges in one connected component never touch another, so this runs per component, and
only where it matters: a component with no possible conflict simply becomes one entity (``engine.cluster``).

Everything one component needs travels as rows of *events* (``resolve``), so the same function runs in Spark's
executors (``groupBy(component).applyInArrow``) and on DuckDB over a stream ordered by component. The module
imports nothing from ukimet: Spark ships it to the workers by value."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

NODE, KNOWN, APART, SAME, EDGE = 0, 1, 2, 3, 4
"""Event kinds (rows: component, kind, a, b, label, weight), in the order they are applied: the profiles (with
a valid IIN in ``label``), the existing entities they belong to (``label``), the clerk's 'apart' pairs, the
clerk's 'same' pairs (applied first, ordered by a, b), then the candidate pairs, strongest first (``weight``
descending, then a, b)."""


def schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in fields])


RESOLVED = schema(("record_id", pa.int64()), ("entity_id", pa.int64()), ("known", pa.string()))
"""What the merge gives: each profile's entity (its root, the smallest id) and the existing entity it continues."""


def resolve(events: pa.Table) -> pa.Table:
    """The entities of the profiles in ``events`` (whole components, one or many: they do not interact)."""
    kinds: list[Any] = events.column("kind").to_pylist()
    lefts: list[Any] = events.column("a").to_pylist()
    rights: list[Any] = events.column("b").to_pylist()
    labels: list[Any] = events.column("label").to_pylist()
    weights: list[Any] = events.column("weight").to_pylist()
    ids: list[int] = []
    iins: dict[int, str | None] = {}
    known: list[tuple[int, str]] = []
    different: list[tuple[int, int]] = []
    pairs: list[tuple[int, float, int, int]] = []
    for kind, a, b, label, weight in zip(kinds, lefts, rights, labels, weights, strict=True):
        if kind == NODE:
            ids.append(a)
            iins[a] = label
        elif kind == KNOWN and label is not None:
            known.append((a, label))
        elif kind == APART and b is not None:
            different.append((a, b))
        elif kind == SAME and b is not None:
            pairs.append((0, 0.0, a, b))
        elif kind == EDGE and b is not None:
            pairs.append((1, -(weight or 0.0), a, b))
    pairs.sort()
    ids.sort()
    roots, anchor = merge(ids, iins, sorted(known), different, [(a, b) for _, _, a, b in pairs])
    return pa.table({"record_id": pa.array(ids, pa.int64()), "entity_id": pa.array(roots, pa.int64()),
                     "known": pa.array([anchor.get(r) for r in roots], pa.string())}, schema=RESOLVED)


def merge(ids: list[int], iins: dict[int, str | None], known: list[tuple[int, str]],
          different: list[tuple[int, int]], pairs: list[tuple[int, int]]) -> tuple[list[int], dict[int, str]]:
    """Union-find over ``pairs`` in the order given, under the constraints; each id's root (in the order of
    ``ids``) and the existing entity each root continues."""
    parent = {i: i for i in ids}
    iins = dict(iins)
    apart: dict[int, set[int]] = {}
    for a, b in different:
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    members: dict[int, set[int]] = {i: {i} for i in apart}
    anchor: dict[int, str] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of: dict[str, int] = {}
    for profile, entity in known:
        a = root(first_of.setdefault(entity, profile))
        parent[profile] = a
        anchor[a] = entity
        iins[a] = iins[a] or iins[profile]
    for left, right in pairs:
        a, b = root(left), root(right)
        if a == b:
            continue
        if a in anchor and b in anchor:
            continue  # two existing entities: only a full run may merge them
        if iins[a] is not None and iins[b] is not None and iins[a] != iins[b]:
            continue  # two different valid IINs are never one person
        if apart and (apart.get(a, set()) & members.get(b, {b}) or apart.get(b, set()) & members.get(a, {a})):
            continue  # a clerk said these are different people
        keep, gone = (a, b) if a < b else (b, a)
        parent[gone] = keep
        iins[keep] = iins[keep] or iins[gone]
        if gone in anchor:
            anchor[keep] = anchor.pop(gone)
        if apart:
            apart[keep] = apart.get(keep, set()) | apart.pop(gone, set())
            members[keep] = members.get(keep, {keep}) | members.pop(gone, {gone})
    return [root(i) for i in ids], anchor

