"""Faults that real agency data has, applied to a clean record at a source's rates. Every fault applied is
logged, so tests and benchmarks can check the rates and later stages can be scored against the truth."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ukimet.core.errors import ConfigError
from ukimet.core.scripts import (
    has_kazakh_letters,
    to_informal_latin,
    to_latin_2021,
    to_passport_latin,
    to_russian_letters,
)
from ukimet.synth.config import FaultRates
from ukimet.synth.model import Dwelling
from ukimet.synth.schema import DATE_ROLES, NAME_ROLES, Source, Stale, Table

SCRIPT_FAULTS = ("russian_letters", "latin_2021", "passport_latin", "informal_latin")
ALT_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y%m%d", "%d-%m-%Y", "%d.%m.%y")

# Neighbouring keys on the Russian-Kazakh (ЙЦУКЕН) and Latin (QWERTY) layouts, for substitution typos.
_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {row[i]: row[max(0, i - 1):i] + row[i + 1:i + 2] for row in _ROWS for i in range(len(row))}

_NAME_FAULTS = ("latin_2021", "passport_latin", "informal_latin", "upper_case", "typo")
"""The faults every record with a name could have had."""

FaultLog = list[tuple[str, str]]
"""(fault, column) pairs applied to one record."""


@dataclass(frozen=True)
class _Plan:
    """The columns of one table that each fault can touch, worked out once."""

    names: tuple[str, ...]
    full_names: tuple[str, ...]
    iins: tuple[str, ...]
    places: tuple[tuple[str, bool], ...]
    """(column, is it the address itself rather than its region code)."""
    dates: tuple[str, ...]


class FaultInjector:
    def __init__(self, rng: random.Random, source: Source, rates: FaultRates) -> None:
        self.rng = rng
        self.source = source
        self.rates = rates
        self._plans: dict[str, _Plan] = {}
        self._chances: Counter[str] = Counter()
        self._named_records = 0
        self._formatted: dict[str, dict[dt.date, str]] = {}
        """Per date format, the days already written in it (at most the days of a century or two)."""
        # the cumulative thresholds one draw is compared with to pick at most one script fault
        self._script_thresholds: list[tuple[float, str]] = []
        threshold = 0.0
        for fault in SCRIPT_FAULTS:
            threshold += getattr(rates, fault)
            self._script_thresholds.append((threshold, fault))
        script_total = sum(getattr(rates, f) for f in SCRIPT_FAULTS)
        if script_total > 1.0 + 1e-9:
            raise ConfigError("synth.script_faults", source=source.code, faults=", ".join(SCRIPT_FAULTS),
                              total=script_total)

    def state(self) -> tuple[Any, ...]:
        """What applying faults has changed in this injector (its random stream and counts), to carry on with
        in another process through :meth:`restore`."""
        return self.rng.getstate(), self._chances, self._named_records

    def restore(self, state: tuple[Any, ...]) -> None:
        rng_state, self._chances, self._named_records = state
        self.rng.setstate(rng_state)

    @property
    def opportunities(self) -> Counter[str]:
        """Per fault, how many times a record could have had it: applied / opportunities is its observed rate."""
        chances = Counter(self._chances)
        if self._named_records:
            chances.update(dict.fromkeys(_NAME_FAULTS, self._named_records))
        return chances

    # --- the faults ------------------------------------------------------------------------------------
    def _plan(self, table: Table) -> _Plan:
        plan = self._plans.get(table.name)
        if plan is None:
            plan = self._plans[table.name] = _Plan(
                names=tuple(c.name for c in table.columns if c.role in NAME_ROLES),
                full_names=tuple(c.name for c in table.columns if c.role == "full_name"),
                iins=tuple(c.name for c in table.columns if c.role == "iin"),
                places=tuple((c.name, c.role == "address") for c in table.columns if c.role in ("address", "region")),
                dates=tuple(c.name for c in table.columns if c.role in DATE_ROLES) if self.source.date_format else (),
            )
        return plan

    def apply(self, table: Table, values: dict[str, Any]) -> FaultLog:
        """Apply faults to ``values`` in place (addresses and dates are also resolved here) and return them."""
        log: FaultLog = []
        rng, rates = self.rng, self.rates
        plan = self._plans.get(table.name) or self._plan(table)
        chances = self._chances
        names = [c for c in plan.names if values.get(c)] if plan.names else None
        if names:
            self._named_records += 1
            self._script(names, values, log)
            if rng.random() < rates.upper_case:
                for c in names:
                    values[c] = values[c].upper()
                log.append(("upper_case", names[0]))
            if rng.random() < rates.typo:
                column = rng.choice(names)
                values[column] = self._typo(values[column])
                log.append(("typo", column))
            for c in plan.full_names:
                if not values.get(c):
                    continue
                chances["swapped_name_order"] += 1
                if rng.random() < rates.swapped_name_order:
                    values[c] = self._swap(values[c])
                    log.append(("swapped_name_order", c))
        for c in plan.iins:
            value = values.get(c)
            if value:
                chances["missing_iin"] += 1
                chances["mistyped_iin"] += 1
                r = rng.random()
                if r < rates.missing_iin:
                    values[c] = None
                    log.append(("missing_iin", c))
                elif r < rates.missing_iin + rates.mistyped_iin:
                    values[c] = self._mistype(value)
                    log.append(("mistyped_iin", c))
        if plan.places:
            self._places(plan.places, values, log)
        if plan.dates:
            self._dates(plan.dates, values, log)
        if self.source.legacy_russian_letters:
            for key, value in values.items():
                if isinstance(value, str):
                    values[key] = to_russian_letters(value)
        return log

    def _places(self, places: tuple[tuple[str, bool], ...], values: dict[str, Any], log: FaultLog) -> None:
        rng, chances = self.rng, self._chances
        resolved: dict[int, tuple[Dwelling, bool]] = {}
        for c, is_address in places:
            value = values.get(c)
            if isinstance(value, Stale):
                # columns sharing one Stale (address and its KATO code) are resolved together
                if id(value) not in resolved:
                    chances["stale_address"] += 1
                    stale = rng.random() < self.rates.stale_address
                    resolved[id(value)] = (value.previous if stale else value.current, stale)
                dwelling, stale = resolved[id(value)]
                values[c] = self.address(dwelling) if is_address else dwelling.kato
                if stale and is_address:
                    log.append(("stale_address", c))

    def address(self, dwelling: Dwelling) -> str:
        return dwelling.address_kk() if self.source.address_language == "kk" else dwelling.address_ru()

    def _script(self, names: list[str], values: dict[str, Any], log: FaultLog) -> None:
        # only a name with Kazakh letters can lose them: those records are this fault's opportunities
        kazakh = False
        for c in names:
            if has_kazakh_letters(values[c]):
                kazakh = True
                self._chances["russian_letters"] += 1
                break
        r = self.rng.random()
        fault = next((f for threshold, f in self._script_thresholds if r < threshold), None)
        if fault is None:
            return
        if fault == "russian_letters":
            if not kazakh:
                return
            convert = to_russian_letters
        elif fault == "latin_2021":
            convert = to_latin_2021
        elif fault == "passport_latin":
            convert = to_passport_latin
        else:
            choose = self.rng.choice

            def convert(text: str) -> str:
                return to_informal_latin(text, choose)

        for c in names:
            values[c] = convert(values[c])
        log.append((fault, names[0]))

    def _typo(self, text: str) -> str:
        rng = self.rng
        letters = [i for i, ch in enumerate(text) if ch.isalpha()]
        if len(letters) < 2:
            return text + text[-1:]
        i = rng.choice(letters[1:])
        kind = rng.randrange(4)
        if kind == 0:
            ch = text[i]
            options = _NEIGHBOURS.get(ch.lower(), "") or "аеиоу"
            new = rng.choice(options)
            return text[:i] + (new.upper() if ch.isupper() else new) + text[i + 1:]
        if kind == 1:
            return text[:i] + text[i + 1:]
        if kind == 2:
            return text[:i] + text[i] + text[i:]
        j = i - 1
        return text[:j] + text[i] + text[j] + text[i + 1:]

    def _swap(self, full_name: str) -> str:
        parts = full_name.split(" ")
        if len(parts) < 2:
            return full_name
        if len(parts) == 2 or self.rng.random() < 0.6:
            return " ".join([parts[1], parts[0], *parts[2:]])  # first name first
        return " ".join([parts[1], parts[2], parts[0], *parts[3:]])  # first name, patronymic, surname

    def _mistype(self, iin: str) -> str:
        rng = self.rng
        i = rng.randrange(len(iin) - 1)
        if rng.random() < 0.5 and iin[i] != iin[i + 1]:
            return iin[:i] + iin[i + 1] + iin[i] + iin[i + 2:]
        digit = str((int(iin[i]) + rng.randint(1, 9)) % 10)
        return iin[:i] + digit + iin[i + 1:]

    def _dates(self, columns: tuple[str, ...], values: dict[str, Any], log: FaultLog) -> None:
        dates = [c for c in columns if isinstance(values.get(c), dt.date)]
        if not dates:
            return
        self._chances["alt_date_format"] += 1
        fmt = self.source.date_format or "%Y-%m-%d"
        if self.rng.random() < self.rates.alt_date_format:
            fmt = self.rng.choice([f for f in ALT_DATE_FORMATS if f != fmt])
            log.append(("alt_date_format", dates[0]))
        # the same days come up again and again (birth dates, months' pay days): each is formatted once
        formatted = self._formatted.get(fmt)
        if formatted is None:
            formatted = self._formatted[fmt] = {}
        for c in dates:
            day = values[c]
            text = formatted.get(day)
            if text is None:
                text = formatted[day] = day.strftime(fmt)
            values[c] = text

    def roll(self, fault: str) -> bool:
        self._chances[fault] += 1
        return self.rng.random() < float(getattr(self.rates, fault))
