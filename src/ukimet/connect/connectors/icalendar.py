"""A calendar exported as iCalendar text (RFC 5545: Google Calendar's, Outlook's ``.ics``, whatever the file's name):
each event (``VEVENT``) is a row, its properties its columns (``SUMMARY``, ``DTSTART``, ``DESCRIPTION`` ...; the
calendar's and its time zones' own lines are no rows). Lines folded at 75 octets are unfolded, parameters
(``;TZID=Asia/Almaty``) left out, TEXT escapes undone (``\\n``, ``\\,``, ``\\;``). A text whose lines are labelled
(``ФИО: Жакупова Назгуль``, ``ИИН: 670802453641``, ``Д.р.: 22.03.1986``: a booking's form typed into its description)
is spread too, a column a label (``DESCRIPTION.ФИО``: ``labelled``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ukimet.connect.connectors.labelled import labelled

SAMPLE_LINES = 40
"""lines looked at to tell a calendar"""
_PROPERTY = re.compile(r"^([A-Za-z0-9-]+)((?:;[^:;]*)*):(.*)$", re.S)
NO_EVIDENCE = frozenset({"UID", "DTSTAMP", "SEQUENCE", "TRANSP", "PRODID", "RECURRENCE-ID"})
"""an event's properties the calendar program writes for itself (its id, as an e-mail address: ``…@google.com``)"""
TEXT_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}


def style(lines: Iterable[str]) -> bool:
    """Whether ``lines`` (the file's first) begin an iCalendar file."""
    return any(line.strip().upper() == "BEGIN:VCALENDAR" for line in lines)


def _unfolded(lines: Iterable[str]) -> Iterator[str]:
    """The content lines, a folded line (its next lines begin with a space or a tab) joined into one."""
    held: str | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line[:1] in (" ", "\t") and held is not None:
            held += line[1:]
            continue
        if held is not None:
            yield held
        held = line
    if held is not None:
        yield held


def _text(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: TEXT_ESCAPES.get(m.group(1), m.group(1)), value)


def items(lines: Iterable[str]) -> Iterator[dict[str, str]]:
    """Each event's properties (a repeated one's first) and its texts' labelled lines (``DESCRIPTION.ФИО``), in the
    file's order."""
    depth: list[str] = []
    event: dict[str, str] | None = None
    for line in _unfolded(lines):
        found = _PROPERTY.match(line)
        if found is None:
            continue
        name, value = found.group(1).upper(), found.group(3)
        if name == "BEGIN":
            depth.append(value.upper())
            if value.upper() == "VEVENT" and len(depth) == 2:
                event = {}
            continue
        if name == "END":
            if depth and depth[-1] == value.upper():
                depth.pop()
            if value.upper() == "VEVENT" and event is not None:
                yield event
                event = None
            continue
        if event is None or depth[-1:] != ["VEVENT"] or name in event or name in NO_EVIDENCE:
            continue  # an alarm's lines inside the event are no part of it
        text = _text(value)
        event[name] = text
        for label, said in labelled(text).items():
            event.setdefault(f"{name}.{label}", said)
