"""The synthetic society as it truly is, before any agency records it: people, households, dwellings,
companies and life events. Agencies see these facts through their own schemas and faults."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ukimet.core.ids import Sex


@dataclass(slots=True)
class Dwelling:
    did: int
    region: str
    kato: str
    settlement_kk: str
    settlement_ru: str
    urban: bool
    street_kk: str
    street_ru: str
    house: int
    flat: int | None
    area: float
    rooms: int
    water: bool
    gas: bool
    central_heating: bool
    sewerage: bool
    built: int

    def address_kk(self) -> str:
        place = f"{self.settlement_kk} қ." if self.urban else f"{self.settlement_kk} а."
        flat = f", {self.flat}-пәтер" if self.flat else ""
        return f"{place}, {self.street_kk}, {self.house}-үй{flat}"

    def address_ru(self) -> str:
        place = f"г. {self.settlement_ru}" if self.urban else f"с. {self.settlement_ru}"
        flat = f", кв. {self.flat}" if self.flat else ""
        return f"{place}, {self.street_ru}, д. {self.house}{flat}"


@dataclass(slots=True)
class Person:
    pid: int
    iin: str
    sex: Sex
    birth: dt.date
    first: str
    surname: str
    patronymic: str | None
    ethnicity: str
    region: str
    household: int
    family: int
    lineage: str = ""
    """The ancestor name a Kazakh family's surname is built from (never recorded by agencies)."""
    father: int | None = None
    mother: int | None = None
    spouse: int | None = None
    maiden_surname: str | None = None
    death: dt.date | None = None
    phone: str | None = None
    email: str | None = None
    disability_group: int | None = None
    disability_since: dt.date | None = None
    status: str = ""
    """preschool, pupil, student, employed, self_employed, unemployed, homemaker, pensioner or disabled."""
    registered_unemployed: bool = False
    employer: str | None = None
    sector: str | None = None
    job_start: dt.date | None = None
    monthly_wage: int = 0
    pension: int = 0
    institution: str | None = None

    def age(self, on: dt.date) -> int:
        birth = self.birth
        months = on.month - birth.month
        return on.year - birth.year - (months < 0 or (months == 0 and on.day < birth.day))

    def alive(self, on: dt.date) -> bool:
        return self.death is None or self.death > on


@dataclass(slots=True)
class Household:
    hid: int
    region: str
    dwelling: Dwelling
    previous: Dwelling
    """Where the household was registered before; agencies with stale addresses still have this one."""
    moved_on: dt.date
    members: list[Person] = field(default_factory=list)
    owned: bool = True


@dataclass(slots=True)
class Company:
    bin: str
    name_ru: str
    name_kk: str
    sector: str
    region: str
    registered: dt.date
    address: Dwelling
    director: int
    """pid of the director."""
    founders: list[tuple[str, int | str, float]] = field(default_factory=list)
    """(kind, pid or BIN, share): kind is "person" or "company"."""
    status: str = "active"


@dataclass(slots=True)
class Marriage:
    husband: int
    wife: int
    on: dt.date
    wife_surname_before: str
    wife_surname_after: str
    ended: dt.date | None = None
    """Date of the divorce, if the marriage ended in one."""


@dataclass(slots=True)
class Benefit:
    aid: int
    pid: int
    kind: str
    start: dt.date
    end: dt.date | None
    monthly: int
    paid_after_death: bool = False


@dataclass(slots=True)
class Vehicle:
    vin: str
    plate: str
    make: str
    model: str
    year: int
    owner: int
    registered: dt.date
    owner_surname_then: str


@dataclass(slots=True)
class Property:
    oid: int
    cadastral: str
    kind: str
    dwelling: Dwelling
    owners: list[tuple[int | str, float]]
    """(pid or BIN, share)."""
    since: dt.date


@dataclass(slots=True)
class Planted:
    """A case that later apps are expected to find, written to the ground truth."""

    kind: str
    subject: str
    detail: str


@dataclass(slots=True)
class Chunk:
    """One batch of households with everything that happened to them; the unit the generator streams."""

    index: int
    households: list[Household] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    marriages: list[Marriage] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    benefits: list[Benefit] = field(default_factory=list)
    vehicles: list[Vehicle] = field(default_factory=list)
    properties: list[Property] = field(default_factory=list)
    crowded: list[tuple[Dwelling, list[Person]]] = field(default_factory=list)
    """Small dwellings where many people who live elsewhere are registered."""
    planted: list[Planted] = field(default_factory=list)

    def by_pid(self) -> dict[int, Person]:
        return {p.pid: p for p in self.people}
