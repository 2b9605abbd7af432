"""What several agencies' emitters share: the context they read from, and how people are written."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ukimet.synth.model import Chunk, Household, Person
from ukimet.synth.schema import Column, Stale


class Keys:
    """Surrogate keys of one source's tables, counted across chunks."""

    def __init__(self) -> None:
        self._last: dict[str, int] = {}

    def next(self, table: str) -> int:
        self._last[table] = self._last.get(table, 0) + 1
        return self._last[table]


@dataclass
class Context:
    """What an emitter reads: the chunk, with lookups, and the keys and random stream of its own source."""

    chunk: Chunk
    ref: dt.date
    people: dict[int, Person]
    households: dict[int, Household]
    keys: Keys = field(default_factory=Keys)
    """The keys of the source being emitted; an emitter that must refer to a key takes it from here."""
    rng: random.Random = field(default_factory=lambda: random.Random(0))

    @classmethod
    def of(cls, chunk: Chunk, ref: dt.date) -> Context:
        return cls(chunk, ref, chunk.by_pid(), {h.hid: h for h in chunk.households})

    def address(self, person: Person) -> Stale:
        hh = self.households[person.household]
        return Stale(hh.dwelling, hh.previous)


MONTHS = 12
"""Monthly tables (contributions, payments) cover the twelve months before the reference date."""


def month_start(day: dt.date, back: int) -> dt.date:
    """The first day of the month ``back`` months before ``day``'s month."""
    months = day.year * 12 + day.month - 1 - back
    return dt.date(months // 12, months % 12 + 1, 1)


def full_name(person: Person, surname: str | None = None) -> str:
    """Surname, first name and patronymic in one field, as most forms write them."""
    parts = [surname or person.surname, person.first, person.patronymic or ""]
    return " ".join(p for p in parts if p)


def phone_local(person: Person) -> str | None:
    """+77011234567 -> 8 (701) 123-45-67, the way many forms print it."""
    if not person.phone:
        return None
    digits = person.phone[2:]
    return f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"


def phone_plain(person: Person) -> str | None:
    """+77011234567 -> 87011234567."""
    return "8" + person.phone[2:] if person.phone else None


def text(name: str, role: str = "other", party: str = "subject", special: bool = False) -> Column:
    return Column(name, "text", role, party, special)  # type: ignore[arg-type]


def date(name: str, role: str = "date", party: str = "subject", special: bool = False) -> Column:
    return Column(name, "date", role, party, special)  # type: ignore[arg-type]


def integer(name: str, role: str = "other", party: str = "subject") -> Column:
    return Column(name, "bigint" if role == "id" else "int", role, party)  # type: ignore[arg-type]


def money(name: str) -> Column:
    return Column(name, "numeric", "money")
