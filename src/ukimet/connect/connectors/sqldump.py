"""A database's dump as text: mysqldump's (``CREATE TABLE``, then extended ``INSERT INTO `t` VALUES (...),(...);``)
or pg_dump's plain format (``COPY public.t (a, b) FROM stdin;`` with tab-separated rows up to ``\\.``, or
``INSERT`` statements). Each table that has rows is a table of the file, its columns named by its ``CREATE TABLE``
(else by the ``INSERT``'s column list); the statements around them (``SET``, ``LOCK TABLES``, comments, ``/*!...*/``)
are no rows. Values are read as the database wrote them: quoted strings unescaped (MySQL's backslash escapes, the
doubled quote), ``NULL`` and pg's ``\\N`` are no value, and so is MySQL's zero date (a date nobody entered)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

Dialect = Literal["mysql", "postgres"]
SAMPLE_LINES = 400
"""lines looked at to tell a dump"""

_NAME = r"(?:[`\"]?[\w$]+[`\"]?\.)?[`\"]?([\w$]+)[`\"]?"
_CREATE = re.compile(r"\s*CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _NAME + r"\s*\(", re.I)
_INSERT = re.compile(r"\s*INSERT\s+(?:IGNORE\s+)?INTO\s+" + _NAME + r"\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I)
_COPY = re.compile(r"\s*COPY\s+" + _NAME + r"\s*(?:\(([^)]*)\))?\s+FROM\s+stdin\s*;", re.I)
_NOT_COLUMN = re.compile(r"\s*(?:PRIMARY|UNIQUE|KEY|INDEX|CONSTRAINT|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE)\b",
                         re.I)
_HEADER = re.compile(r"--\s*(?:MySQL dump|MariaDB dump|PostgreSQL database dump|Dump of table)", re.I)
ZERO_DATES = frozenset({"0000-00-00", "0000-00-00 00:00:00"})
"""MySQL's zero date: a ``NOT NULL`` date column's value where nobody entered one"""

_TOKEN = re.compile(r"""\s*(?:(?P<quoted>[EeNn]?'(?:[^'\\]|\\.|'')*')(?:::[\w ]+)?|(?P<null>NULL)\b|"""
                    r"""(?P<word>[^\s,()']+)|(?P<punct>[(),]))""", re.S | re.I)
_MYSQL_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}
_COPY_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def style(lines: Iterable[str]) -> Dialect | None:
    """``"mysql"`` or ``"postgres"`` where ``lines`` (the file's first) are a dump's, else None: a dump tool's header
    comment, or a ``CREATE TABLE``, ``INSERT INTO ... VALUES`` or ``COPY ... FROM stdin`` statement."""
    mysql = statement = False
    for line in lines:
        if _HEADER.match(line):
            return "mysql" if re.search(r"MySQL|MariaDB|Dump of table", line, re.I) else "postgres"
        if _CREATE.match(line) or _INSERT.match(line) or _COPY.match(line):
            statement = True
        mysql = mysql or "`" in line or line.startswith("/*!") or "ENGINE=" in line
    if not statement:
        return None
    return "mysql" if mysql else "postgres"


@dataclass
class Table:
    """A table of the dump: its columns (in the ``CREATE TABLE``'s order) and how many rows it has."""

    name: str
    columns: list[str] = field(default_factory=list)
    rows: int = 0


def _unquoted(name: str) -> str:
    return name.strip().strip("`\"")


def _top_level(text: str) -> list[str]:
    """``text`` split at its commas outside parentheses and quotes (``decimal(10,2)``, ``enum('a','b')``)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, c in enumerate(text):
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"`":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _created_columns(body: str) -> list[str]:
    """The column names of a ``CREATE TABLE``'s body (between its parentheses), keys and constraints left out."""
    out = []
    for part in _top_level(body):
        if not part.strip() or _NOT_COLUMN.match(part):
            continue
        found = re.match(r"\s*(`[^`]+`|\"[^\"]+\"|[\w$]+)", part)
        if found:
            out.append(_unquoted(found.group(1)))
    return out


def _string(token: str, dialect: Dialect) -> str:
    """A quoted SQL string's value: its doubled quotes, and MySQL's (or pg's ``E''``) backslash escapes, undone."""
    escaped = dialect == "mysql" or token[0] in "Ee"
    body = token[token.index("'") + 1:-1]
    if not escaped:
        return body.replace("''", "'")
    return re.sub(r"\\(.)|''", lambda m: "'" if m.group(0) == "''" else _MYSQL_ESCAPES.get(m.group(1), m.group(1)),
                  body, flags=re.S)


class _OpenError(Exception):
    """The statement's text ends inside a string or a row: it goes on on the next line."""


def _values(text: str, at: int, dialect: Dialect, last: bool = False) -> list[list[str | None]]:
    """The rows of an ``INSERT``'s ``VALUES (...), (...)`` from ``at`` to the statement's ``;`` (``last``: the
    file ends with ``text``, its ``;`` may be left out)."""
    rows: list[list[str | None]] = []
    row: list[str | None] | None = None
    pending: str | None = None
    filled = False
    while True:
        found = _TOKEN.match(text, at)
        if found is None:
            if not text[at:].strip() or text[at:].lstrip().startswith("'"):
                if last and row is None:  # the file's last statement, its ; left out
                    return rows
                raise _OpenError  # a string or the statement not closed on this line
            raise ValueError(f"unreadable value at {text[at:at + 40]!r}")
        at = found.end()
        if found.group("punct") == "(":
            if row is None:
                row, filled = [], False
            continue
        if found.group("punct") in (",", ")") and row is not None:
            if filled:
                row.append(pending)
            pending, filled = None, False
            if found.group("punct") == ")":
                rows.append(row)
                row = None
            continue
        if found.group("punct") == ",":
            continue
        if row is None:
            if found.group("word") and found.group("word").startswith(";"):
                return rows
            continue  # ON DUPLICATE KEY UPDATE ... after the rows
        filled = True
        if found.group("quoted"):
            value: str | None = _string(found.group("quoted"), dialect)
            pending = None if value in ZERO_DATES else value if pending is None or pending.startswith("_") else \
                pending + (value or "")
        elif found.group("null"):
            pending = None
        else:
            word = found.group("word")
            if word.endswith(";"):
                raise _OpenError
            pending = word  # a number, true/false, or _binary / _utf8 before a string (its value follows)


def _copy_row(line: str) -> list[str | None]:
    """A row of pg's ``COPY`` text: tab-separated, ``\\N`` no value, backslash escapes undone."""
    out: list[str | None] = []
    for cell in line.rstrip("\r\n").split("\t"):
        if cell == r"\N":
            out.append(None)
            continue
        out.append(re.sub(r"\\([0-7]{1,3}|.)", lambda m: chr(int(m.group(1), 8)) if m.group(1).isdigit() else
                          _COPY_ESCAPES.get(m.group(1), m.group(1)), cell))
    return out


Statement = tuple[str, list[str], list[list[str | None]]]
"""(table, columns named by the statement or its CREATE TABLE, rows); rows empty for a CREATE TABLE"""


def statements(lines: Iterable[str], dialect: Dialect) -> Iterator[Statement]:
    """The dump's ``CREATE TABLE``s and its rows, statement by statement, in the file's order."""
    created: dict[str, list[str]] = {}
    it = iter(lines)
    for line in it:
        found = _CREATE.match(line)
        if found:
            text = line
            while not re.search(r"\)[^()]*;\s*$", text):
                more = next(it, None)
                if more is None:
                    break
                text += more
            body = text[found.end():text.rstrip().rstrip(";").rstrip().rfind(")")]
            created[found.group(1)] = _created_columns(body)
            yield found.group(1), created[found.group(1)], []
            continue
        found = _COPY.match(line)
        if found:
            name = found.group(1)
            columns = [_unquoted(c) for c in found.group(2).split(",")] if found.group(2) else created.get(name, [])
            rows = []
            for data in it:
                if data.rstrip("\r\n") == "\\.":
                    break
                rows.append(_copy_row(data))
                if len(rows) >= 1000:
                    yield name, columns, rows
                    rows = []
            yield name, columns, rows
            continue
        found = _INSERT.match(line)
        if found:
            name = found.group(1)
            columns = [_unquoted(c) for c in found.group(2).split(",")] if found.group(2) else created.get(name, [])
            text, last = line, False
            while True:  # a statement over several lines (phpMyAdmin's row a line) is parsed once it ends with ;
                if last or text.rstrip().endswith(";"):
                    try:
                        rows = _values(text, found.end(), dialect, last)
                        break
                    except _OpenError:
                        if last:
                            raise ValueError(f"the INSERT into {name} is not closed at the file's end") from None
                more = next(it, None)
                last = more is None
                text += more or ""
            yield name, columns, rows


def tables(lines: Iterable[str], dialect: Dialect) -> list[Table]:
    """The dump's tables that have rows, in the file's order; a table with no ``CREATE TABLE`` nor column list has
    its columns numbered (``column_1``)."""
    found: dict[str, Table] = {}
    for name, columns, rows in statements(lines, dialect):
        table = found.setdefault(name, Table(name))
        table.columns = table.columns or list(columns)
        table.rows += len(rows)
        widest = max((len(r) for r in rows), default=0)
        table.columns += [f"column_{i + 1}" for i in range(len(table.columns), widest)]
    return [t for t in found.values() if t.rows]


def rows(lines: Iterable[str], dialect: Dialect, table: str, names: list[str]) -> Iterator[list[str | None]]:
    """The rows of ``table``, each a value per column of ``names`` (its columns named by an ``INSERT``'s list
    put in their places; a row shorter than the table filled with no values)."""
    for name, columns, found in statements(lines, dialect):
        if name != table:
            continue
        places = [names.index(c) if c in names else i for i, c in enumerate(columns)] if columns else None
        for row in found:
            out: list[str | None] = [None] * len(names)
            for i, value in enumerate(row):
                at = places[i] if places is not None and i < len(places) else i
                if at < len(names):
                    out[at] = value
            yield out
