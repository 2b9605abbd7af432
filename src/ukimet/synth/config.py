"""What the generator is asked to build: size, seed, reference date, where to write, and the fault rates of
each agency source (defaults per source, overridable from a TOML file)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ukimet.core.errors import ConfigError


@dataclass(frozen=True)
class FaultRates:
    """Probability that one record of a source has each fault. A fault only applies where it can: a name
    without Kazakh letters cannot lose them, a table without a full-name field cannot have it swapped."""

    russian_letters: float = 0.0
    """Kazakh-only letters replaced by Russian ones (Нұрсұлтан -> Нурсултан) in the names of a record."""
    latin_2021: float = 0.0
    """Names written in the official 2021 Latin alphabet."""
    passport_latin: float = 0.0
    """Names written in passport Latin (ZHUMABAEV)."""
    informal_latin: float = 0.0
    """Names in Latin as people type them (Zhumabaev, Jumabaev, Zhumabayev)."""
    upper_case: float = 0.0
    """Names in UPPER CASE."""
    typo: float = 0.0
    """One typing error (substitution of a neighbouring key, deletion, doubling, transposition) in one name."""
    swapped_name_order: float = 0.0
    """A full-name field written first name first, or with the patronymic before the surname."""
    missing_iin: float = 0.0
    """The IIN left empty."""
    mistyped_iin: float = 0.0
    """The IIN with one digit wrong or two neighbouring digits swapped."""
    alt_date_format: float = 0.0
    """A date written in another format than the source's usual one (for sources that keep dates as text)."""
    stale_address: float = 0.0
    """The household's previous address instead of the current one."""
    duplicate: float = 0.0
    """The same person entered twice, the second time with its own key and its own faults."""

    def scaled(self, factor: float) -> FaultRates:
        """All rates multiplied by ``factor``, capped at 1."""
        return FaultRates(**{f.name: min(1.0, getattr(self, f.name) * factor) for f in fields(self)})

    def merged(self, overrides: dict[str, Any], where: str) -> FaultRates:
        """These rates with ``overrides`` applied; ``where`` names the config section for error messages."""
        known = {f.name for f in fields(self)}
        for name, value in overrides.items():
            if name not in known:
                raise ConfigError("synth.unknown_fault", section=where, name=name, known=", ".join(sorted(known)))
            if not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
                raise ConfigError("synth.rate", section=where, name=name, value=value)
        return replace(self, **{k: float(v) for k, v in overrides.items()})


FAULT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(FaultRates))


@dataclass(frozen=True)
class SynthConfig:
    persons: int = 50_000
    seed: int = 1
    reference_date: dt.date = dt.date(2026, 1, 1)
    """The day the synthetic country is observed: ages, "last year" and "current" are relative to it."""
    chunk_persons: int = 20_000
    """Persons generated and written per batch: memory stays flat whatever ``persons`` is."""
    fault_scale: float = 1.0
    """Every fault rate of every source multiplied by this."""
    fault_overrides: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per source (or "default" for all) the rates that replace the source's built-in ones."""
    postgres_url: str | None = None
    mysql_url: str | None = None
    schema_prefix: str = ""
    """Prefix of the schema (PostgreSQL) or database (MariaDB) each agency is written to."""
    workers: int = 1
    """Processes the agency sources are written by; the output is the same whatever the number. The society is
    built once, by the main process, which forks the others chunk by chunk with the chunk in their memory."""

    def __post_init__(self) -> None:
        if self.persons < 1:
            raise ConfigError("synth.persons", persons=self.persons)
        if self.chunk_persons < 100:
            raise ConfigError("synth.chunk", chunk=self.chunk_persons)
        if self.workers < 1:
            raise ConfigError("synth.workers", workers=self.workers)
        if self.fault_scale < 0:
            raise ConfigError("synth.fault_scale", scale=self.fault_scale)

    def rates_for(self, source: str, builtin: FaultRates) -> FaultRates:
        """The fault rates ``source`` is generated with: built-in, then [default], then [source], then scaled."""
        rates = builtin
        if "default" in self.fault_overrides:
            rates = rates.merged(self.fault_overrides["default"], "default")
        if source in self.fault_overrides:
            rates = rates.merged(self.fault_overrides[source], source)
        return rates.scaled(self.fault_scale) if self.fault_scale != 1.0 else rates


def load_fault_file(path: Path) -> dict[str, dict[str, float]]:
    """Read a TOML fault file: a [default] table and/or one table per source, each fault = rate.

    Example::

        [default]
        typo = 0.05
        [kgd_tax]
        russian_letters = 0.9
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("synth.fault_file", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("synth.fault_toml", path=str(path), detail=str(exc)) from None
    out: dict[str, dict[str, float]] = {}
    for section, values in data.items():
        if not isinstance(values, dict):
            raise ConfigError("synth.fault_section", path=str(path), section=section)
        out[section] = values
    return out
