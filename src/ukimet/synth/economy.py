"""Work and money: companies with their directors and founders, who works where, wages by region, sector and
age, unemployment, pensions. Planted here: minor and deceased directors, registered unemployed people with a
declared income, incomes far outside their peers."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from ukimet.core.ids import NumberIssuer
from ukimet.synth.model import Chunk, Company, Person, Planted
from ukimet.synth.params import MINING_REGIONS, RETIREMENT_AGE, SECTORS, societies
from ukimet.synth.population import PopulationBuilder

PERSONS_PER_COMPANY = 40
MINOR_DIRECTOR_RATE = 0.004
DECEASED_DIRECTOR_RATE = 0.006
UNEMPLOYED_WITH_INCOME_RATE = 0.05
INCOME_OUTLIER_RATE = 0.0005
STATE_SECTORS = {"O", "P", "Q"}

_BRANDS = (
    "Болашақ", "Береке", "Алтын", "Самұрық", "Нұр", "Жұлдыз", "Астана", "Арман", "Шаңырақ", "Көктем", "Тұлпар",
    "Сұңқар", "Атамекен", "Дала", "Ақниет", "Бірлік", "Іргетас", "Мирас", "Kaz", "Steppe", "Eurasia", "Silk Way",
)
_SUFFIX = {
    "A": ("Агро", "Агро"), "B": ("Мұнай", "Ойл"), "C": ("Зауыт", "Пром"), "F": ("Құрылыс", "Строй"),
    "G": ("Сауда", "Трейд"), "H": ("Транс", "Транс"), "I": ("Қонақүй", "Отель"), "J": ("Телеком", "Телеком"),
    "K": ("Қаржы", "Финанс"), "S": ("Сервис", "Сервис"),
}
_STATE_NAMES = {
    "O": ("№{n} аудан әкімінің аппараты ММ", 'ГУ "Аппарат акима района №{n}"'),
    "P": ("№{n} мектеп-гимназия КММ", 'КГУ "Школа-гимназия №{n}"'),
    "Q": ("№{n} қалалық емхана ШЖҚ МКК", 'ГКП на ПХВ "Городская поликлиника №{n}"'),
}


class Economy:
    """Creates companies as the population streams in and gives every person a labour status and income.

    Only (BIN, sector) of past companies is kept, per region, so memory stays small at national scale."""

    def __init__(self, rng: random.Random, issuer: NumberIssuer, population: PopulationBuilder) -> None:
        self.rng = rng
        self.issuer = issuer
        self.population = population
        self.ref = population.ref
        self.employers: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.companies_made = 0
        self.sector_codes = list(SECTORS)

    def _sector(self, region: str) -> str:
        weights = [
            share * (4.0 if code == "B" and region in MINING_REGIONS else 1.0)
            * (2 * (1 - societies()[region].urban) + 0.3 if code == "A" else 1.0)
            for code, (_, share, _) in SECTORS.items()
        ]
        return self.rng.choices(self.sector_codes, weights=weights)[0]

    def add_companies(self, chunk: Chunk) -> None:
        rng = self.rng
        adults = [p for p in chunk.people if 25 <= p.age(self.ref) <= 70 and p.alive(self.ref)]
        minors = [p for p in chunk.people if 14 <= p.age(self.ref) < 18 and p.alive(self.ref)]
        dead = [p for p in chunk.people if p.death is not None and p.age(p.death) >= 25]
        if not adults:
            return
        for _ in range(max(1, round(len(chunk.people) / PERSONS_PER_COMPANY))):
            director = rng.choice(adults)
            roll = rng.random()
            if roll < MINOR_DIRECTOR_RATE and minors:
                director = rng.choice(minors)
            elif roll < MINOR_DIRECTOR_RATE + DECEASED_DIRECTOR_RATE and dead:
                director = rng.choice(dead)
            chunk.companies.append(self._company(director, adults))
            company = chunk.companies[-1]
            if director.age(self.ref) < 18:
                chunk.planted.append(Planted("minor_director", company.bin, f"director pid {director.pid}"))
            if director.death is not None:
                chunk.planted.append(Planted("deceased_director", company.bin, f"director pid {director.pid}"))

    def _company(self, director: Person, adults: list[Person]) -> Company:
        rng = self.rng
        region = director.region
        sector = self._sector(region)
        registered = self.ref - dt.timedelta(days=rng.randint(60, 30 * 365))
        self.companies_made += 1
        n = self.companies_made
        if sector in STATE_SECTORS:
            kk, ru = (t.format(n=n % 300 + 1) for t in _STATE_NAMES[sector])
        else:
            brand = rng.choice(_BRANDS)
            suffix_kk, suffix_ru = _SUFFIX.get(sector, ("", ""))
            kk = f'"{brand}{"-" + suffix_kk if suffix_kk else ""}" ЖШС'
            ru = f'ТОО "{brand}{"-" + suffix_ru if suffix_ru else ""}"'
        company = Company(
            self.issuer.bin(registered), ru, kk, sector, region, registered,
            self.population.new_dwelling(region, 4, urban=True), director.pid,
        )
        if sector not in STATE_SECTORS:
            owners: list[Person] = [director] if rng.random() < 0.6 else []
            owners += rng.sample(adults, k=min(len(adults), rng.randint(0, 2)))
            owners = list({p.pid: p for p in owners}.values()) or [director]
            share = round(100 / len(owners), 2)
            company.founders = [("person", p.pid, share) for p in owners]
            if rng.random() < 0.08 and self.employers[region]:
                parent_bin = rng.choice(self.employers[region])[0]
                company.founders.append(("company", parent_bin, 0.0))
        if rng.random() < 0.04:
            company.status = "liquidated"
        self.employers[region].append((company.bin, sector))
        return company

    def _employer(self, region: str) -> tuple[str, str]:
        pool = self.employers[region] or [e for pool in self.employers.values() for e in pool[:50]]
        # earlier companies grow larger: the squared draw concentrates jobs in a few big employers
        return pool[int(len(pool) * self.rng.random() ** 2)]

    def _wage(self, person: Person, sector: str) -> int:
        age = person.age(self.ref)
        age_factor = 0.7 + min(age, 45) * 0.01 if age < 45 else 1.15 - (age - 45) * 0.005
        wage = societies()[person.region].median_wage * SECTORS[sector][2] * age_factor
        return int(wage * self.rng.lognormvariate(0, 0.45) / 1000) * 1000

    def assign_work(self, chunk: Chunk) -> None:
        rng = self.rng
        for person in chunk.people:
            if person.death is not None:
                self._work_of_deceased(person)
                continue
            age = person.age(self.ref)
            if age < 6:
                person.status = "preschool"
                continue
            if age < 18:
                person.status = "pupil"
                continue
            retired = age >= RETIREMENT_AGE[person.sex]
            r = rng.random()
            if person.disability_group in (1, 2) and r < 0.7:
                person.status = "disabled"
            elif retired:
                person.status = "pensioner"
                person.pension = int(societies()[person.region].median_wage * 0.45 * rng.lognormvariate(0, 0.2))
                if r < 0.12:
                    self._employ(person)
            elif age < 23 and r < 0.45:
                person.status = "student"
            elif r < 0.72:
                self._employ(person)
            elif r < 0.84:
                person.status = "self_employed"
                person.sector = rng.choice(("G", "S", "A", "F", "H"))
                person.monthly_wage = int(self._wage(person, person.sector) * 0.8)
            elif r < 0.91:
                person.status = "unemployed"
                person.registered_unemployed = rng.random() < 0.55
                if person.registered_unemployed and rng.random() < UNEMPLOYED_WITH_INCOME_RATE:
                    self._employ(person, status="unemployed")
                    chunk.planted.append(Planted("unemployed_with_income", person.iin, f"employer {person.employer}"))
            else:
                person.status = "homemaker"
            if person.monthly_wage and rng.random() < INCOME_OUTLIER_RATE:
                person.monthly_wage *= 25
                chunk.planted.append(Planted("income_outlier", person.iin, f"monthly wage {person.monthly_wage}"))

    def _employ(self, person: Person, status: str = "employed") -> None:
        person.employer, person.sector = self._employer(person.region)
        if person.status != "pensioner":
            person.status = status
        person.monthly_wage = self._wage(person, person.sector)
        earliest = max(person.birth + dt.timedelta(days=18 * 365), self.ref - dt.timedelta(days=20 * 365))
        person.job_start = earliest + dt.timedelta(days=self.rng.randint(0, max(1, (self.ref - earliest).days - 30)))

    def _work_of_deceased(self, person: Person) -> None:
        """The deceased had a status before death: it decides their pension (and so whether one may still be
        paid after death)."""
        assert person.death is not None
        if person.age(person.death) >= RETIREMENT_AGE[person.sex]:
            person.status = "pensioner"
            person.pension = int(societies()[person.region].median_wage * 0.45 * self.rng.lognormvariate(0, 0.2))
        elif person.age(person.death) >= 18 and self.rng.random() < 0.6:
            self._employ(person)
        else:
            person.status = "inactive"
