"""The ``label: value`` lines of a text typed into one field (a booking's form in a calendar event's description, a
bot's registration in a chat message, an application in an e-mail's body: ``ФИО: Жакупова Назгуль``, ``ИИН:
670802453641``, ``Д.р.: 22.03.1986``), read as the columns they stand for, as a JSON file's nested records are."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator

LABELLED = re.compile(r"^\s*([^\W\d_][^:\n]{0,40}?)\s*:\s*(.*\S)\s*$")
"""a line that is a label (a word first, up to 40 characters, no colon) and its value"""
LIST_LABEL = re.compile(r"^\s*([^\W\d_][^:\n]{0,40}?)\s*:\s*$")
"""a line that is a label alone, the lines under it its value (a list)"""
LABELLED_SHARE = 0.5
"""the share of a text's lines that must be ``label: value`` for it to be spread"""
LABELLED_LEAST = 3
"""the labelled lines that spread a text whatever else it holds (a letter's greeting, request and signature around
the applicant's lines)"""


def labelled(text: str) -> dict[str, str]:
    """The ``label: value`` lines of a text (a label's first), where they are at least ``LABELLED_LEAST`` or at least
    ``LABELLED_SHARE`` of its lines (two or more), else none: a sentence with a colon in it is no form. A label
    with nothing after it holds the lines under it up to the next label (``Список бригады:`` and a member a line)."""
    lines = [line for line in text.split("\n") if line.strip()]
    out: dict[str, str] = {}
    covered = labels = 0
    listing: list[str] | None = None
    label = ""
    for line in lines:
        found = LABELLED.match(line)
        heading = None if found else LIST_LABEL.match(line)
        if found or heading:
            listing = None
            labels += 1
            covered += 1
            if found:
                out.setdefault(found.group(1).strip(), found.group(2))
            elif heading and heading.group(1).strip() not in out:
                listing, label = [], heading.group(1).strip()
                out[label] = ""
        elif listing is not None:
            listing.append(line.strip())
            out[label] = "\n".join(listing)
            covered += 1
    if len(lines) < 2 or (covered < LABELLED_SHARE * len(lines) and labels < LABELLED_LEAST):
        return {}
    return {k: v for k, v in out.items() if v}

class Columns:
    """The columns of items (a calendar's events, a mailbox's mails) in the order the items hold them
    (``follows``)."""

    def __init__(self) -> None:
        self.seen: dict[str, None] = {}
        self.after: dict[str, set[str]] = {}

    def add(self, keys: Iterable[str]) -> None:
        previous: str | None = None
        for key in keys:
            self.seen.setdefault(key, None)
            if previous is not None:
                self.after.setdefault(previous, set()).add(key)
            previous = key

    def names(self) -> list[str]:
        return follows(list(self.seen), self.after)


def item_columns(items: Iterable[dict[str, str]]) -> tuple[list[str], int]:
    """The columns of a file's items (``Columns``) and how many items there are."""
    seen = Columns()
    count = 0
    for item in items:
        count += 1
        seen.add(item)
    return seen.names(), count


def item_rows(items: Iterable[dict[str, str]], names: list[str]) -> Iterator[list[str | None]]:
    """Each item as a value per column of ``names``."""
    for item in items:
        yield [item.get(name) for name in names]


def follows(seen: list[str], after: dict[str, set[str]]) -> list[str]:
    """Keys in the order their items hold them: each after every key it follows in an item (``after``: a key -> the
    keys right after it somewhere), otherwise in the order first seen. A form's fields in two languages (``Спортсмен,
    Дата рождения, Клуб, Родитель`` and ``Балуан, Туған күні, ЖСН, Клуб, Ата-анасы``) keep each language's order, and
    a field first written in a later item (``Туған күні``) stands where its item has it, not at the end. Keys that
    follow each other both ways are taken as first seen."""
    place = {key: n for n, key in enumerate(seen)}
    waiting = dict.fromkeys(seen, 0)
    for key, nexts in after.items():
        for other in nexts:
            if other in waiting and key in place:
                waiting[other] += 1
    ready = [place[k] for k, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    out: list[str] = []
    done: set[str] = set()
    while len(out) < len(seen):
        if not ready:  # a cycle: the first seen of the rest
            ready = [min(place[k] for k in seen if k not in done)]
        key = seen[heapq.heappop(ready)]
        if key in done:
            continue
        done.add(key)
        out.append(key)
        for other in after.get(key, ()):
            if other in waiting and other not in done:
                waiting[other] -= 1
                if waiting[other] == 0:
                    heapq.heappush(ready, place[other])
    return out
