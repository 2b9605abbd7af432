"""How an agency source looks: its tables and columns as data. Each column carries its semantic role (the
ground truth for column classification) and the party it describes (a birth record describes a child, a mother
and a father), so faults and the ground truth are applied generically."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from ukimet.synth.config import FaultRates

Role = Literal[
    "id", "iin", "bin", "surname", "first_name", "patronymic", "full_name", "birth_date", "sex", "phone", "email",
    "address", "region", "money", "date", "text", "other",
]
NAME_ROLES = frozenset({"surname", "first_name", "patronymic", "full_name"})
DATE_ROLES = frozenset({"birth_date", "date"})
ColumnType = Literal["int", "bigint", "text", "date", "numeric", "real", "bool"]
Platform = Literal["postgres", "mysql", "sqlite", "csv", "xlsx"]
Sensitivity = Literal["personal", "special", "public"]

PERSONAL_ROLES = frozenset({"iin", "surname", "first_name", "patronymic", "full_name", "birth_date", "phone",
                            "email", "address"})


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    role: Role = "other"
    party: str = "subject"
    special: bool = False
    """Special-category data (health, disability): sensitivity "special" whatever the role."""

    def sensitivity(self) -> Sensitivity:
        if self.special:
            return "special"
        return "personal" if self.role in PERSONAL_ROLES else "public"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: str
    """The surrogate key column; every record's id in the ground truth."""
    dedupable: bool = False
    """Whether a person can be entered twice here (a register of people, not of events about them)."""

    @cached_property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True)
class Source:
    code: str
    title_en: str
    title_ru: str
    title_kk: str
    platform: Platform
    """Where this agency keeps its data; when that server is not given, the source is written to SQLite."""
    column_language: str
    tables: tuple[Table, ...]
    rates: FaultRates
    date_format: str | None = None
    """strftime format when the source keeps dates as text; None for real DATE columns."""
    address_language: Literal["kk", "ru"] = "ru"
    encoding: str = "utf-8"
    """For file exports: the code page the file is written in."""
    legacy_russian_letters: bool = False
    """A legacy system that cannot store Kazakh letters: every text is written with Russian ones."""

    def table(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(f"source {self.code} has no table {name!r}")

    def stored_type(self, column: Column) -> ColumnType:
        return "text" if column.type == "date" and self.date_format else column.type


@dataclass(slots=True)
class Stale:
    """An address as the household has it now and as it was; the fault injector picks which one is written."""

    current: Any
    previous: Any


@dataclass(slots=True)
class Record:
    table: str
    values: dict[str, Any]
    parties: dict[str, int | str] = field(default_factory=dict)
    """Party -> person id (int) or company BIN (str): the ground truth of whom this record describes."""


