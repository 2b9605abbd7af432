"""Fixed-width text: a report printed in columns of spaces (a federation's rating list, a mainframe's print file),
with no delimiter between its fields. Its columns are where every line of the table has a space (the way
pandas' ``read_fwf`` infers them): a name's own space (``Abenov, Akzhol``) moves from line to line and splits
nothing. The header is the first line that names the columns; a title above it, a block's title, the header
written again and blank lines further down are no records (a report printed a page or a year at a time)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

Span = tuple[int, int]
"""a column's first character and the one after its last"""

SAMPLE_LINES = 2000
"""lines a file's columns are found from"""
STRAY_SHARE = 0.03
"""the share of lines that may have a character where the columns are apart (titles, the header's words)"""
STRAY_LINES = 2
"""the lines that may have a character there whatever the file's length (a title and a header)"""
_APART = re.compile(r"\s{2,}")
FEWEST_COLUMNS = 3
"""columns a file needs to be read as fixed-width (fewer is a text, not a table)"""
FEWEST_LINES = 5


def spans(lines: Sequence[str]) -> list[Span] | None:
    """The columns of lines printed in fixed width, or None where they are not a table of at least
    ``FEWEST_COLUMNS`` columns (a delimiter's file, prose)."""
    body = [line.rstrip("\r\n") for line in lines if line.strip()]
    if len(body) < FEWEST_LINES:
        return None
    # a title (words one space apart, a block's date) is no row: lines of far fewer fields than most are left out
    fields = sorted(len(_APART.split(line.strip())) for line in body)
    rows = [line for line in body if 2 * len(_APART.split(line.strip())) > fields[len(fields) // 2]]
    width = max(len(line) for line in rows) if rows else 0
    filled = [0] * width
    for line in rows:
        for i, ch in enumerate(line):
            if not ch.isspace():
                filled[i] += 1
    stray = max(STRAY_SHARE * len(rows), STRAY_LINES)
    out: list[Span] = []
    start: int | None = None
    for i in range(width + 1):
        used = i < width and filled[i] > stray
        if used and start is None:
            start = i
        elif not used and start is not None:
            out.append((start, i))
            start = None
    return out if len(out) >= FEWEST_COLUMNS else None


def cut(line: str, columns: Sequence[Span]) -> list[str]:
    """A line's fields, each from its column's start to the next column's (a value that runs past its column's
    end, a long name, stays whole)."""
    line = line.rstrip("\r\n")
    starts = [s for s, _ in columns]
    ends = [*starts[1:], max(len(line), columns[-1][1])]
    return [line[s:e].strip() for s, e in zip(starts, ends, strict=True)]


def across(line: str, columns: Sequence[Span]) -> bool:
    """Whether a line writes across the gaps between columns (a title, a page's heading): no row of the table."""
    line = line.rstrip("\r\n")
    gaps = [range(e, s) for (_, e), (s, _) in itertools.pairwise(columns)]
    return sum(1 for gap in gaps if any(i < len(line) and not line[i].isspace() for i in gap)) >= 2


def header_at(lines: Sequence[str], columns: Sequence[Span]) -> int | None:
    """The header's line: the first that names most columns in words (no digit in it; a title has its date, a
    header's words may run past its columns' values, ID Number over 13705849)."""
    for n, line in enumerate(lines[:50]):
        if not line.strip():
            continue
        fields = cut(line, columns)
        named = [f for f in fields if f]
        if len(named) >= max(FEWEST_COLUMNS, len(fields) // 2) and not any(ch.isdigit() for f in named for ch in f):
            return n
    return None


def rows(lines: Iterable[str], columns: Sequence[Span], header: Sequence[str] | None) -> Iterator[list[str]]:
    """The table's rows: each line's fields, but for blank lines, titles across the columns and the header written
    again (each block of a report printed a year or a page at a time)."""
    again = [f for f in header if f] if header else None
    for line in lines:
        if not line.strip() or across(line, columns):
            continue
        fields = cut(line, columns)
        if again is not None and [f for f in fields if f] == again:
            continue
        yield fields
