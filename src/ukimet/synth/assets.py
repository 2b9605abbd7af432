"""What people and companies own (vehicles, real estate), and where people are registered but do not live:
small dwellings with implausibly many registered residents are planted here."""

from __future__ import annotations

import datetime as dt
import random
import string

from ukimet.synth.model import Chunk, Person, Planted, Property, Vehicle
from ukimet.synth.params import VEHICLE_MODELS, societies
from ukimet.synth.population import PopulationBuilder

CROWDED_DWELLINGS_PER_PERSON = 1 / 6000
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


class Assets:
    def __init__(self, rng: random.Random, population: PopulationBuilder) -> None:
        self.rng = rng
        self.population = population
        self.ref = population.ref
        self.next_oid = 0

    def assign(self, chunk: Chunk) -> None:
        self._vehicles(chunk)
        self._real_estate(chunk)
        self._crowded(chunk)

    def _vehicles(self, chunk: Chunk) -> None:
        rng, ref = self.rng, self.ref
        for person in chunk.people:
            age = person.age(ref)
            if not 18 <= age <= 85:
                continue
            wealth = min(2.0, person.monthly_wage / societies()[person.region].median_wage)
            if rng.random() >= 0.08 + 0.22 * wealth:
                continue
            for _ in range(1 if rng.random() < 0.9 else 2):
                make, model = rng.choice(VEHICLE_MODELS)
                earliest = max(person.birth + dt.timedelta(days=18 * 366), ref - dt.timedelta(days=25 * 365))
                registered = earliest + dt.timedelta(days=rng.randint(0, max(1, (ref - earliest).days)))
                if person.death is not None and registered > person.death:
                    registered = person.death - dt.timedelta(days=rng.randint(1, 400))
                # a car registered before its owner married still carries her surname of the time
                married_later = person.maiden_surname is not None and rng.random() < 0.3
                surname_then = person.maiden_surname if married_later and person.maiden_surname else person.surname
                plate = (f"{rng.randint(1, 999):03d}{''.join(rng.choices(string.ascii_uppercase, k=3))}"
                         f"{societies()[person.region].plate}")
                chunk.vehicles.append(Vehicle(
                    "".join(rng.choices(_VIN_CHARS, k=17)), plate, make, model,
                    min(ref.year, max(1990, registered.year - rng.randint(0, 12))), person.pid, registered,
                    surname_then,
                ))

    def _new_oid(self) -> int:
        self.next_oid += 1
        return self.next_oid

    def _cadastral(self, region: str) -> str:
        return f"{region}-{self.rng.randint(100, 399)}-{self.rng.randint(1, 999):03d}-{self.next_oid:06d}"

    def _real_estate(self, chunk: Chunk) -> None:
        rng, ref = self.rng, self.ref
        for hh in chunk.households:
            adults = [p for p in hh.members if p.age(ref) >= 18]
            if not hh.owned or not adults:
                continue
            head = max(adults, key=lambda p: (p.sex == "M", p.age(ref)))
            owners: list[tuple[int | str, float]] = [(head.pid, 1.0)]
            if head.spouse is not None and rng.random() < 0.4:
                owners = [(head.pid, 0.5), (head.spouse, 0.5)]
            since = min(hh.moved_on, ref - dt.timedelta(days=10))
            oid = self._new_oid()
            chunk.properties.append(Property(oid, self._cadastral(hh.region), "dwelling", hh.dwelling, owners, since))
            for adult in adults:
                if rng.random() < 0.06:
                    extra = self.population.new_dwelling(adult.region, 2)
                    oid = self._new_oid()
                    kind = rng.choice(("land", "garage", "dwelling", "dacha"))
                    chunk.properties.append(Property(
                        oid, self._cadastral(adult.region), kind, extra, [(adult.pid, 1.0)],
                        ref - dt.timedelta(days=rng.randint(100, 7000)),
                    ))
        for company in chunk.companies:
            if rng.random() < 0.3:
                oid = self._new_oid()
                chunk.properties.append(Property(
                    oid, self._cadastral(company.region), "commercial", company.address, [(company.bin, 1.0)],
                    company.registered,
                ))

    def _crowded(self, chunk: Chunk) -> None:
        rng, ref = self.rng, self.ref
        expected = len(chunk.people) * CROWDED_DWELLINGS_PER_PERSON
        count = int(expected) + (1 if rng.random() < expected - int(expected) else 0)
        adults = [p for p in chunk.people if p.age(ref) >= 18 and p.alive(ref)]
        for _ in range(count):
            if len(adults) < 50:
                return
            anchor = rng.choice(adults)
            flat = self.population.new_dwelling(anchor.region, 1, urban=True)
            flat.rooms, flat.area = 1, round(rng.uniform(24, 38), 1)
            flat.flat = flat.flat or rng.randint(1, 120)
            registered: list[Person] = rng.sample(adults, k=rng.randint(15, 40))
            chunk.crowded.append((flat, registered))
            chunk.planted.append(Planted("crowded_dwelling", str(flat.did),
                                         f"{len(registered)} registered in {flat.area} m2"))
