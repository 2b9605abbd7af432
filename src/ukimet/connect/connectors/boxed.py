"""A database client's table pasted as text: the mysql client's boxed one (``+----+------+`` borders, ``| 1 | ... |``
rows) or psql's aligned one (`` id | name `` over ``----+------``). Each row's cells are read between the bars and
trimmed of the padding that aligns them; the client's ``NULL`` is no value; the borders, the prompt and the query
above the table, the header written again and ``(N rows)`` / ``N rows in set`` below it are no rows."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

SAMPLE_LINES = 200
"""lines looked at to tell a client's table"""
_MYSQL_BORDER = re.compile(r"\s*\+(?:-+\+)+\s*")
_PSQL_RULE = re.compile(r"\s*-+(?:\+-+)+\s*")
NULLS = frozenset({"NULL", "null", r"\N", "", "0000-00-00", "0000-00-00 00:00:00"})
"""what a client prints for no value (MySQL's zero date among them: a date nobody entered)"""


def style(lines: Sequence[str]) -> str | None:
    """``"mysql"`` or ``"psql"`` where ``lines`` (the file's first) hold such a table, else None."""
    body = [line.rstrip("\r\n") for line in lines if line.strip()]
    if sum(1 for line in body if _MYSQL_BORDER.fullmatch(line)) >= 2 and \
            sum(1 for line in body if line.strip().startswith("|") and line.strip().endswith("|")) >= 3:
        return "mysql"
    for above, line in itertools.pairwise(body):
        if _PSQL_RULE.fullmatch(line) and above.count("|") == line.count("+") >= 1:
            return "psql"
    return None


def _cells(line: str, kind: str) -> list[str]:
    text = line.strip()
    if kind == "mysql":
        text = text[1:-1]
    return [cell.strip() for cell in text.split("|")]


def header(lines: Iterable[str], kind: str) -> list[str] | None:
    """The table's column names: the first row of cells (above psql's rule, between mysql's first borders)."""
    previous: str | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if kind == "mysql" and line.strip().startswith("|") and line.strip().endswith("|"):
            return _cells(line, kind)
        if kind == "psql" and _PSQL_RULE.fullmatch(line) and previous is not None:
            return _cells(previous, kind)
        if line.strip():
            previous = line
    return None


def rows(lines: Iterable[str], kind: str, names: Sequence[str]) -> Iterator[list[str | None]]:
    """The table's rows, each a value per column of ``names`` (None for the client's NULL); the header (where it
    is written again too) and every line that is no row of as many cells are left out."""
    below_rule = kind == "mysql"  # psql's rows are those under its rule
    for raw in lines:
        line = raw.rstrip("\r\n")
        if kind == "psql" and _PSQL_RULE.fullmatch(line):
            below_rule = True
            continue
        if not below_rule or "|" not in line or \
                (kind == "mysql" and not (line.strip().startswith("|") and line.strip().endswith("|"))):
            continue
        cells = _cells(line, kind)
        if len(cells) == len(names) and cells != list(names):
            yield [None if c in NULLS else c for c in cells]
