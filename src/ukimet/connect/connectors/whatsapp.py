"""A chat exported by WhatsApp as text (``Export chat``, without media; Android's ``dd.mm.yyyy, HH:MM - Sender: text``
and the iPhone's ``[dd.mm.yy, HH:MM:SS] Sender: text``, whatever the file's name): each message is a row, the
system's lines too (who created the group, who added or left). A message of several lines continues on the lines
without a time. Its sender is the one who wrote (``Sender``: the name the exporter saved, ``Нұрлан Бозарық 45``, or
the number, ``Sender.phone``). A message's text is kept whole: a registration typed after a lead (``Әкемнің атына
жазыңызшы: Ордабаев Нұрлан, 670322373708, ...``) is a sentence, not a form's labelled lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

SAMPLE_LINES = 40
"""lines looked at to tell a chat"""
STAMP = re.compile(r"^\[?(\d{1,2}[./]\d{1,2}[./]\d{2,4}),?\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s?[APap]\.?[Mm]\.?)?)\]?"
                   r"(?:\s+[-–]\s+|\s+)(.*)$")
"""a message's first line: its day and time (Android's ``11.02.2019, 08:58 - ``, the iPhone's ``[11.02.19,
08:58:12] ``), then the rest"""
SAID = re.compile(r"^(.{1,60}?):\s(.*)$", re.S)
"""a sender (up to 60 characters) and the message after a colon"""
PHONE = re.compile(r"^\+?\d[\d\s()-]{8,}\d$")
"""a sender shown by the number: the exporter did not save them"""
STAMPED_SHARE = 0.5
"""the share of a sample's lines that must begin with a message's day and time"""


def style(lines: Iterable[str]) -> bool:
    """Whether ``lines`` (the file's first) are a chat's: most begin with a message's day and time, and some of
    them with a sender and a colon."""
    sample = [line.rstrip("\r\n").lstrip("\ufeff") for line in lines if line.strip()]
    stamped = [m.group(3) for m in map(STAMP.match, sample) if m]
    return bool(sample) and len(stamped) >= STAMPED_SHARE * len(sample) and len(stamped) >= 3


def items(lines: Iterable[str]) -> Iterator[dict[str, str]]:
    """Each message's day, sender (or the sender's number) and text, with its text's labelled lines."""
    held: list[str] | None = None
    day = ""
    for raw in lines:
        line = raw.rstrip("\r\n").lstrip("\ufeff")
        stamp = STAMP.match(line)
        if stamp:
            if held is not None:
                yield _message(day, held)
            day, held = f"{stamp.group(1)} {stamp.group(2)}", [stamp.group(3)]
        elif held is not None:
            held.append(line)
    if held is not None:
        yield _message(day, held)


def _message(day: str, lines: list[str]) -> dict[str, str]:
    out = {"date": day}
    said = SAID.match("\n".join(lines))
    if said is None:  # the system's line: who created the group, added whom, left
        out["text"] = "\n".join(lines).strip()
        return out
    sender, text = said.group(1).strip(), said.group(2).strip()
    out["text"] = text
    out["Sender.phone" if PHONE.match(sender) else "Sender"] = sender
    return out
