"""A file of typed lines, as registries exchange them: each line's first field says what it is (``H`` a block's
header, ``D`` a record, ``A`` an addendum to the record above, ``T`` a block's trailer), each kind with its own
fields. The lines of the most frequent kind are the table's rows; a line of another kind whose second field is the
row's above it (its record's number) adds its fields to that row, under its kind's name (``line_A.column_4``: a
second person of the row, as a nested record's keys name one); the other kinds (headers, trailers) are no rows.

A table whose first column is a code of one or two letters (a sex, a status) is no such file: its lines have the
same fields whatever the code."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

SAMPLE_LINES = 400
"""lines looked at to tell a file of typed lines"""
CODE = re.compile(r"[A-ZА-ЯЁ0-9]{1,3}")
"""a line's kind: a code of one to three capitals or digits"""
MOST_KINDS = 8
MAIN_SHARE = 0.4
"""the least share of the lines the rows' kind makes"""
ATTACHED_SHARE = 0.8
"""the least share of a kind's lines that must carry the number of the row above for the kind to add to rows"""


@dataclass(frozen=True)
class Plan:
    main: str
    """the kind of line that is a row"""
    attached: dict[str, int]
    """each kind that adds to the row above, and the most of its lines under one row"""
    widths: dict[str, int]
    """each kind's number of fields"""

    def names(self) -> list[str]:
        """The table's columns: the row's fields after its kind, then each added line's after its kind and number."""
        out = [f"column_{i + 1}" for i in range(1, self.widths[self.main])]
        for kind, most in self.attached.items():
            for k in range(1, most + 1):
                out += [f"line_{kind}{'' if k == 1 else k}.column_{i + 1}" for i in range(2, self.widths[kind])]
        return out

    def starts(self) -> dict[str, int]:
        """Where each added kind's first line's fields begin among ``names``, in the order they are named."""
        out, at = {}, self.widths[self.main] - 1
        for kind, most in self.attached.items():
            out[kind] = at
            at += (self.widths[kind] - 2) * most
        return out


def _fields(lines: Iterable[str], delimiter: str) -> Iterator[list[str]]:
    return (row for row in csv.reader((line for line in lines if line.strip()), delimiter=delimiter) if row)


def plan(lines: Sequence[str], delimiter: str) -> Plan | None:
    """How a file's lines (its first) make a table, or None where they are no typed lines."""
    rows = list(_fields(lines, delimiter))
    kinds = Counter(row[0] for row in rows)
    if len(kinds) < 2 or len(kinds) > MOST_KINDS or not all(CODE.fullmatch(k) for k in kinds):
        return None
    main, count = kinds.most_common(1)[0]
    if count < MAIN_SHARE * len(rows):
        return None
    widths = {k: Counter(len(r) for r in rows if r[0] == k).most_common(1)[0][0] for k in kinds}
    if all(w == widths[main] for w in widths.values()):
        return None  # the same fields whatever the first: a column of codes, no kinds of line
    carried: Counter[str] = Counter()
    most: dict[str, int] = {}
    above: list[str] | None = None
    under: Counter[str] = Counter()
    for row in rows:
        if row[0] == main:
            above, under = row, Counter()
        elif above is not None and len(row) > 1 and len(above) > 1 and row[1] == above[1]:
            carried[row[0]] += 1
            under[row[0]] += 1
            most[row[0]] = max(most.get(row[0], 0), under[row[0]])
    attached = {k: most[k] for k in sorted(kinds)
                if k != main and carried[k] >= ATTACHED_SHARE * kinds[k] and kinds[k] >= 2}
    return Plan(main, attached, widths)


def rows(lines: Iterable[str], delimiter: str, how: Plan) -> Iterator[list[str | None]]:
    """The table's rows: each main line's fields, with the fields of the lines its record adds."""
    width, starts = len(how.names()), how.starts()
    row: list[str | None] | None = None
    seen: Counter[str] = Counter()
    for fields in _fields(lines, delimiter):
        kind = fields[0]
        if kind == how.main:
            if row is not None:
                yield row
            own = [v or None for v in fields[1:how.widths[how.main]]]
            row = own + [None] * (width - len(own))
            seen = Counter()
        elif row is not None and kind in how.attached and len(fields) > 1 and fields[1] == row[0]:
            seen[kind] += 1
            if seen[kind] > how.attached[kind]:
                continue
            at = starts[kind] + (how.widths[kind] - 2) * (seen[kind] - 1)
            for i, value in enumerate(fields[2:how.widths[kind]]):
                row[at + i] = value or None
    if row is not None:
        yield row
