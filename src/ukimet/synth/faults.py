"""Faults that real agency data has, applied to a clean record at a source's rates. Every fault applied is
logged, so tests and benchmarks can check the rates and later stages can be scored against the truth."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

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

FaultLog = list[tuple[str, str]]
"""(fault, column) pairs applied to one record."""


class FaultInjector:
    def __init__(self, rng: random.Random, source: Source, rates: FaultRates) -> None:
        self.rng = rng
        self.source = source
        self.rates = rates
        script_total = sum(getattr(rates, f) for f in SCRIPT_FAULTS)
        if script_total > 1.0 + 1e-9:
            from ukimet.core.errors import ConfigError

            raise ConfigError(
                f"fault rates of {source.code}", f"the script faults ({', '.join(SCRIPT_FAULTS)}) add up to "
                f"{script_total:.2f}; a record is written in one script", "make them add up to at most 1",
            )

    # --- the faults ------------------------------------------------------------------------------------
    def apply(self, table: Table, values: dict[str, Any]) -> FaultLog:
        """Apply faults to ``values`` in place (addresses and dates are also resolved here) and return them."""
        log: FaultLog = []
        rng, rates = self.rng, self.rates
        names = [c for c in table.columns if c.role in NAME_ROLES and values.get(c.name)]
        if names:
            self._script(names, values, log)
            if rng.random() < rates.upper_case:
                for c in names:
                    values[c.name] = values[c.name].upper()
                log.append(("upper_case", names[0].name))
            if rng.random() < rates.typo:
                column = rng.choice(names)
                values[column.name] = self._typo(values[column.name])
                log.append(("typo", column.name))
            for c in names:
                if c.role == "full_name" and rng.random() < rates.swapped_name_order:
                    values[c.name] = self._swap(values[c.name])
                    log.append(("swapped_name_order", c.name))
        resolved: dict[int, tuple[Dwelling, bool]] = {}
        for c in table.columns:
            value = values.get(c.name)
            if c.role == "iin" and value:
                r = rng.random()
                if r < rates.missing_iin:
                    values[c.name] = None
                    log.append(("missing_iin", c.name))
                elif r < rates.missing_iin + rates.mistyped_iin:
                    values[c.name] = self._mistype(value)
                    log.append(("mistyped_iin", c.name))
            elif isinstance(value, Stale):
                # columns sharing one Stale (address and its KATO code) are resolved together
                if id(value) not in resolved:
                    stale = rng.random() < rates.stale_address
                    resolved[id(value)] = (value.previous if stale else value.current, stale)
                dwelling, stale = resolved[id(value)]
                values[c.name] = self.address(dwelling) if c.role == "address" else dwelling.kato
                if stale and c.role == "address":
                    log.append(("stale_address", c.name))
        self._dates(table, values, log)
        if self.source.legacy_russian_letters:
            for key, value in values.items():
                if isinstance(value, str):
                    values[key] = to_russian_letters(value)
        return log

    def address(self, dwelling: Dwelling) -> str:
        return dwelling.address_kk() if self.source.address_language == "kk" else dwelling.address_ru()

    def _script(self, names: list[Any], values: dict[str, Any], log: FaultLog) -> None:
        r = self.rng.random()
        threshold = 0.0
        for fault in SCRIPT_FAULTS:
            threshold += getattr(self.rates, fault)
            if r < threshold:
                break
        else:
            return
        texts = [values[c.name] for c in names]
        if fault == "russian_letters":
            if not any(has_kazakh_letters(t) for t in texts):
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
            values[c.name] = convert(values[c.name])
        log.append((fault, names[0].name))

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

    def _dates(self, table: Table, values: dict[str, Any], log: FaultLog) -> None:
        fmt = self.source.date_format
        if fmt is None:
            return
        dates = [c for c in table.columns if c.role in DATE_ROLES and isinstance(values.get(c.name), dt.date)]
        if not dates:
            return
        if self.rng.random() < self.rates.alt_date_format:
            fmt = self.rng.choice([f for f in ALT_DATE_FORMATS if f != fmt])
            log.append(("alt_date_format", dates[0].name))
        for c in dates:
            values[c.name] = values[c.name].strftime(fmt)

    def roll(self, fault: str) -> bool:
        return self.rng.random() < float(getattr(self.rates, fault))
