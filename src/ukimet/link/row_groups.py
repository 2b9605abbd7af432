"""The rows of a table that one number ties together: an insurer's policy, an employee's personnel number.

A table that names two persons a row often names its second by name alone: the employee on each family member's
row of an insurer's list (`Габитов С.Г.` beside his wife and each child), the head of household on each member's
row. The name alone joins nobody. But the rows of one family share a number of the agency's own (the policy, the
personnel number) that no person column holds, and one of those rows is the named person's own, with his date of
birth and IIN. ``link.row_groups`` gives each row of such a table the value of that column; ``kin`` pairs a person
named alone with the one person of the rows sharing it whose name his agrees with.

The column is one no person of the table reads (no name, date, IIN, contact, relation or address), classified as
text or other and stored as text or a whole number (an amount, a rating, a date, a region or a sex ties nothing),
filled on nearly every row, and repeated in small groups: its values are neither a row's own (nearly all
distinct) nor categories (a year, an employer, a programme). Of several, the one of the most values (the smallest
groups) is taken. ``kin`` takes it only where its groups are families (``KIN_GROUPS``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import duckdb

from ukimet.connect.catalog import CatalogColumn
from ukimet.sync.store import ident

if TYPE_CHECKING:
    from ukimet.link.records import Party

ROW_GROUPS = "link.row_groups"
"""(source, source_table, record_key, grp): the value of the column that ties a table's rows together"""
TIES = ("text", "other")
"""The classifications of a column that may tie rows: an agency's numbers read as text or as nothing else"""
FILLED = 0.9
"""The share of a table's rows on which the tying column must have a value"""
MOST_DISTINCT = 0.9
"""Above this share of distinct values (of the rows filled) a column is each row's own: it ties nothing"""
LARGEST_GROUP = 8
"""The average rows a value may tie at most (a value shared by more is a category: a year, an employer, a
rating; a family is a few rows)"""
UNTYING_TYPES = ("DOUBLE", "FLOAT", "DECIMAL", "REAL", "DATE", "TIME", "BOOL", "STRUCT", "LIST", "[]", "MAP")
"""Types of a column whose values tie no rows: measures (a rating, a balance), dates and times, flags, nested
records (a car, a park)"""


def _used(parties: Sequence[Party]) -> set[str]:
    used: set[str] = set()
    for party in parties:
        used |= set(party.columns.values()) | set(party.address) | set(party.extras) | set(party.birth_parts)
        used |= {c for c in (party.relation, party.age_on, party.surname_of) if c}
    return used


def tying_column(con: duckdb.DuckDBPyConnection, table: str, parties: Sequence[Party],
                 columns: Sequence[CatalogColumn], key: Sequence[str]) -> str | None:
    """The column of ``table`` (a store table's full name) that ties its rows into groups, or None."""
    used = _used(parties) | set(key)
    typed = {str(r[0]): str(r[1]).upper() for r in con.execute(f"DESCRIBE {table}").fetchall()}
    candidates = [c.column for c in columns if c.semantic_type in TIES and c.column not in used
                  and not any(t in typed.get(c.column, "") for t in UNTYING_TYPES)]
    if not candidates:
        return None
    counts = ", ".join(f"count(DISTINCT {ident(c)}), count({ident(c)})" for c in candidates)
    row = con.execute(f"SELECT count(*), {counts} FROM {table}").fetchone()
    if row is None or not row[0]:
        return None
    rows = int(row[0])
    best: tuple[int, str] | None = None
    for i, column in enumerate(candidates):
        distinct, filled = int(row[1 + 2 * i]), int(row[2 + 2 * i])
        if filled < FILLED * rows or distinct > MOST_DISTINCT * filled or distinct * LARGEST_GROUP < filled:
            continue
        if best is None or distinct > best[0]:
            best = (distinct, column)
    return best[1] if best else None


def build_row_groups(con: duckdb.DuckDBPyConnection, found: Sequence[tuple[str, Party, list[str]]],
                     columns: dict[str, list[CatalogColumn]], key_sql: Callable[[list[str]], str]) -> int:
    """``ROW_GROUPS`` for every table of ``found`` (source, party, key) that names two or more persons a row and
    has a tying column (no such table where none has: a previous run's is dropped); the number of rows it holds.
    ``columns``: each source's catalogued columns; ``key_sql``: how a row's record key is written from its key
    columns (as ``link.person_records`` writes it)."""
    by_table: dict[tuple[str, str], list[Party]] = defaultdict(list)
    keys: dict[tuple[str, str], list[str]] = {}
    for source, party, key in found:
        by_table[(source, party.table)].append(party)
        keys[(source, party.table)] = key
    selects = []
    for (source, table), parties in by_table.items():
        if len(parties) < 2:
            continue
        full = f"{ident(source)}.{ident(table)}"
        column = tying_column(con, full, parties, [c for c in columns.get(source, []) if c.table == table],
                              keys[(source, table)])
        if column is not None:
            selects.append(f"SELECT '{source}' AS source, '{table}' AS source_table, "
                           f"{key_sql(keys[(source, table)])} AS record_key, "
                           f"lower(trim(CAST({ident(column)} AS VARCHAR))) AS grp FROM {full} "
                           f"WHERE {ident(column)} IS NOT NULL")
    if not selects:  # no table to tie (one person a row, as FEBRL's): none, so ``kin`` looks for no such pair
        con.execute(f"DROP TABLE IF EXISTS {ROW_GROUPS}")
        return 0
    con.execute(f"CREATE OR REPLACE TABLE {ROW_GROUPS} AS " + " UNION ALL ".join(selects))
    count = con.execute(f"SELECT count(*) FROM {ROW_GROUPS}").fetchone()
    return int(count[0]) if count else 0
