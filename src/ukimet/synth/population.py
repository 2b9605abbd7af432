"""Households and families: who lives together, how they are related and named, when they were born,
married, divorced and died. One household at a time, so a country of any size streams through."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from itertools import accumulate

from ukimet.core.ids import NumberIssuer, Sex
from ukimet.core.scripts import to_passport_latin
from ukimet.synth import naming
from ukimet.synth.draw import weighted
from ukimet.synth.model import Chunk, Dwelling, Household, Marriage, Person
from ukimet.synth.params import DEATHS_WITHIN_YEARS, EMAIL_DOMAINS, MOBILE_CODES, MORTALITY, places, societies

HOUSEHOLD_KINDS = ("single", "couple", "family", "single_parent", "extended")
HOUSEHOLD_CUM_WEIGHTS = (0.15, 0.31, 0.73, 0.81, 1.0)
# Age bands (youngest, oldest) of people living alone and of couples without children at home, with weights:
# young adults, the middle-aged whose children have left, and the elderly.
SINGLE_AGES = (((19, 40), 0.40), ((45, 64), 0.24), ((64, 95), 0.36))
COUPLE_AGES = (((22, 36), 0.25), ((45, 64), 0.42), ((64, 90), 0.33))
LEAVES_HOME = ((18, 0.25), (19, 0.35), (20, 0.45), (21, 0.55), (22, 0.65), (23, 0.75), (24, 0.85))
"""Probability that a child of this age no longer lives with the parents (and so is not in their household)."""
MIN_SIZE = {"single": 1, "couple": 2, "family": 3, "single_parent": 2, "extended": 4}
TWIN_RATE = 0.015
REMARRIED_RATE = 0.10

# Kazakh naming by era (see naming.generation): probability of a -ұлы/-қызы patronymic, and of each surname form:
# lineage name with a Russian ending, father's name with a Russian ending, father's name + -ұлы/-қызы, bare lineage.
KAZAKH_PATRONYMIC = (0.05, 0.2, 0.55)
SURNAME_FORMS = ("ru_lineage", "ru_father", "kz_father", "bare")
SURNAME_FORM_CUM = ((0.88, 0.93, 0.95, 1.0), (0.78, 0.86, 0.92, 1.0), (0.58, 0.72, 0.87, 1.0))
TAKES_HUSBANDS_SURNAME = {"kazakh": 0.5, "uzbek": 0.6, "uyghur": 0.6}
TAKES_HUSBANDS_SURNAME_OTHER = 0.85


def _days(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A uniformly random day in [start, end]."""
    span = (end - start).days
    return start + dt.timedelta(days=rng.randint(0, max(span, 0)))


@dataclass(slots=True)
class _Names:
    first: str
    surname: str
    patronymic: str | None
    lineage: str


class PopulationBuilder:
    """Builds households into a :class:`Chunk`; ids and IINs stay unique across chunks."""

    def __init__(self, rng: random.Random, issuer: NumberIssuer, reference_date: dt.date) -> None:
        self.rng = rng
        self.issuer = issuer
        self.ref = reference_date
        self.pools = naming.pools()
        self.societies = societies()
        self.places = places()
        self.region_codes = list(self.societies)
        # regions are drawn per household; households in the south are larger, so each region's weight is its
        # population divided by the mean size of its households so far, which keeps persons on the official shares
        self.region_persons = dict.fromkeys(self.region_codes, 0)
        self.region_households = dict.fromkeys(self.region_codes, 0)
        self.next_pid = 0
        self.next_hid = 0
        self.next_fid = 0
        self.next_did = 0
        self.region_cum: list[float] = []
        self._reweigh()
        self._limit = 0
        """Children are not born into a household past this many people in the chunk (its size budget)."""

    # --- ids -------------------------------------------------------------------------------------------
    def _fid(self) -> int:
        self.next_fid += 1
        return self.next_fid

    def new_dwelling(self, region: str, size: int, urban: bool | None = None) -> Dwelling:
        rng = self.rng
        soc = self.societies[region]
        self.next_did += 1
        if urban is None:
            urban = rng.random() < soc.urban
        street_kk, street_ru = rng.choice(self.places["street"])
        if urban:
            settlement_kk, settlement_ru = soc.region.center_kk, soc.region.center_ru
            kato = f"{region}0100100"
        else:
            index = rng.randrange(len(self.places["village"]))
            settlement_kk, settlement_ru = self.places["village"][index]
            kato = f"{region}{2 + index % 14:02d}{index + 1:03d}00"
        flat = rng.randint(1, 220) if urban and rng.random() < 0.8 else None
        if flat:
            rooms = max(1, min(5, round(size / 1.7 + rng.uniform(-0.6, 1.2))))
            area = round(rooms * 17 + 14 + rng.uniform(-6, 14), 1)
            water = gas = heating = sewer = True
            gas = rng.random() < 0.6
        else:
            rooms = max(2, min(7, round(size / 1.5 + rng.uniform(0, 2))))
            area = round(rooms * 22 + rng.uniform(10, 60), 1)
            water = rng.random() < (0.97 if urban else 0.85)
            gas = rng.random() < (0.7 if urban else 0.45)
            heating = rng.random() < (0.6 if urban else 0.15)
            sewer = rng.random() < (0.8 if urban else 0.35)
        return Dwelling(
            self.next_did, region, kato, settlement_kk, settlement_ru, urban, street_kk, street_ru,
            rng.randint(1, 180), flat, area, rooms, water, gas, heating, sewer, rng.randint(1950, 2024),
        )

    # --- names -----------------------------------------------------------------------------------------
    def _first(self, eth: str, sex: Sex, year: int) -> str:
        return self.pools.first[(eth, sex)].draw(self.rng, naming.generation(year))

    def _ancestor(self, eth: str, year: int) -> str:
        """A man's name of the generation that named a person born in ``year``: their father's name."""
        return self._first(eth, "M", year - 28)

    def _names(self, eth: str, sex: Sex, year: int, father: str, lineage: str | None = None,
               form: str | None = None) -> _Names:
        """Names for a person of ``eth`` born in ``year`` whose father is called ``father``. ``lineage`` is the
        family's surname root (drawn when None); ``form`` forces a Kazakh surname form (drawn when None)."""
        rng = self.rng
        era = naming.generation(year)
        first = self._first(eth, sex, year)
        if eth not in naming.KAZAKH_STYLE_NAMES:
            surname = lineage or self.pools.surname[eth].draw(rng, era)
            return _Names(first, naming.gendered_surname(surname, sex), naming.russian_patronymic(father, sex),
                          surname)
        lineage = lineage or self.pools.surname["kazakh"].draw(rng, era)
        form = form or weighted(rng, SURNAME_FORMS, SURNAME_FORM_CUM[era])
        kazakh_patronymic = rng.random() < KAZAKH_PATRONYMIC[era]
        patronymic: str | None = (
            naming.kazakh_patronymic(father, sex) if kazakh_patronymic else naming.russian_patronymic(father, sex)
        )
        if form == "ru_lineage":
            surname = naming.russian_ending(lineage, sex)
        elif form == "ru_father":
            surname = naming.russian_ending(father, sex)
        elif form == "kz_father":
            surname = naming.kazakh_patronymic(father, sex)
            # the surname already says whose child this is: most leave the patronymic out
            patronymic = None if rng.random() < 0.7 else patronymic
        else:
            surname = lineage
        return _Names(first, surname, patronymic, lineage)

    def _surname_form(self, person: Person) -> str:
        """Which Kazakh surname form ``person`` carries, so that children can follow it."""
        if person.surname.endswith(("ұлы", "қызы")):
            return "kz_father"
        if person.surname == person.lineage:
            return "bare"
        if naming.masculine_surname(person.surname) == naming.russian_ending(person.lineage, "M"):
            return "ru_lineage"
        return "ru_father"

    # --- people ----------------------------------------------------------------------------------------
    def _person(self, chunk: Chunk, hh: Household, family: int, sex: Sex, birth: dt.date, eth: str,
                names: _Names) -> Person:
        person = Person(
            self.next_pid, self.issuer.iin(birth, sex), sex, birth, names.first, names.surname, names.patronymic,
            eth, hh.region, hh.hid, family, names.lineage,
        )
        self.next_pid += 1
        chunk.people.append(person)
        hh.members.append(person)
        return person

    def _household(self, chunk: Chunk, region: str, size_hint: int) -> Household:
        self.next_hid += 1
        moved = _days(self.rng, self.ref - dt.timedelta(days=15 * 365), self.ref - dt.timedelta(days=30))
        prev_region = region if self.rng.random() < 0.75 else self._region()
        hh = Household(
            self.next_hid, region, self.new_dwelling(region, size_hint), self.new_dwelling(prev_region, size_hint),
            moved, owned=self.rng.random() < 0.82,
        )
        chunk.households.append(hh)
        return hh

    def _reweigh(self) -> None:
        self.reweighed_at = self.next_hid
        prior_size, prior_weight = 3.0, 20
        self.region_cum = list(accumulate([
            self.societies[c].region.population * (self.region_households[c] + prior_weight)
            / (self.region_persons[c] + prior_size * prior_weight)
            for c in self.region_codes
        ]))

    def _region(self) -> str:
        return weighted(self.rng, self.region_codes, self.region_cum)

    def _ethnicity(self, region: str) -> str:
        return weighted(self.rng, naming.ETHNICITIES, self.societies[region].ethnic_cum_weights)

    def _birth(self, age_low: float, age_high: float) -> dt.date:
        """A birth date for someone aged between ``age_low`` and ``age_high`` on the reference date."""
        start = self.ref - dt.timedelta(days=int(age_high * 365.25))
        end = self.ref - dt.timedelta(days=int(age_low * 365.25))
        return _days(self.rng, start, end)

    def _adult(self, chunk: Chunk, hh: Household, family: int, sex: Sex, birth: dt.date, eth: str,
               lineage: str | None = None, father: str | None = None) -> Person:
        father = father or self._ancestor(eth, birth.year)
        return self._person(chunk, hh, family, sex, birth, eth, self._names(eth, sex, birth.year, father, lineage))

    def _marry(self, chunk: Chunk, husband: Person, wife: Person, on: dt.date, ended: dt.date | None = None) -> None:
        before = wife.surname
        takes = TAKES_HUSBANDS_SURNAME.get(wife.ethnicity, TAKES_HUSBANDS_SURNAME_OTHER)
        if naming.can_take_surname(husband.surname) and self.rng.random() < takes:
            wife.maiden_surname = wife.maiden_surname or before
            wife.surname = naming.gendered_surname(naming.masculine_surname(husband.surname), "F")
        if ended is None:
            husband.spouse, wife.spouse = wife.pid, husband.pid
        chunk.marriages.append(Marriage(husband.pid, wife.pid, on, before, wife.surname, ended))

    def _child(self, chunk: Chunk, hh: Household, family: int, birth: dt.date, father: Person | None,
               mother: Person, sex: Sex | None = None) -> Person:
        rng = self.rng
        sex = sex or ("M" if rng.random() < 0.512 else "F")
        eth = father.ethnicity if father else mother.ethnicity
        if father is None:
            dad_name = self._ancestor(eth, birth.year)
            names = self._names(eth, sex, birth.year, dad_name, lineage=mother.lineage, form="ru_lineage")
            names.surname = naming.gendered_surname(naming.masculine_surname(mother.surname), sex)
        elif eth in naming.KAZAKH_STYLE_NAMES and rng.random() < 0.7:
            names = self._names(eth, sex, birth.year, father.first, father.lineage, self._surname_form(father))
        else:
            names = self._names(eth, sex, birth.year, father.first, father.lineage)
        child = self._person(chunk, hh, family, sex, birth, eth, names)
        child.father = father.pid if father else None
        child.mother = mother.pid
        return child

    def _children(self, chunk: Chunk, hh: Household, family: int, father: Person | None, mother: Person,
                  count: int, first_birth: dt.date) -> list[Person]:
        rng = self.rng
        kids: list[Person] = []
        birth = first_birth
        while len(kids) < count and birth < self.ref and len(chunk.people) < self._limit:
            age = (self.ref - birth).days // 365
            left = 1.0 if age > 24 else dict(LEAVES_HOME).get(age, 0.0)
            if rng.random() >= left:
                kids.append(self._child(chunk, hh, family, birth, father, mother))
                if rng.random() < TWIN_RATE and len(kids) < count and len(chunk.people) < self._limit:
                    kids.append(self._child(chunk, hh, family, birth, father, mother))
            birth += dt.timedelta(days=rng.randint(420, 1700))
        return kids

    def _children_count(self, region: str) -> int:
        lam = max(self.societies[region].children_mean - 1.0, 0.0)
        # Poisson by inversion: the number of extra children after the first
        k, p, u = 0, math.exp(-lam), self.rng.random()
        cum = p
        while u > cum and k < 9:
            k += 1
            p *= lam / k
            cum += p
        return 1 + k

    # --- household kinds -------------------------------------------------------------------------------
    def build(self, chunk: Chunk, room: int) -> None:
        """Add one household (and any ex-spouse living apart) with at most ``room`` people to ``chunk``."""
        rng = self.rng
        self._limit = len(chunk.people) + room
        kind = weighted(rng, HOUSEHOLD_KINDS, HOUSEHOLD_CUM_WEIGHTS)
        if MIN_SIZE[kind] > room:
            kind = "couple" if room >= 2 else "single"
        region = self._region()
        eth = self._ethnicity(region)
        start, households_before = len(chunk.people), len(chunk.households)
        if kind == "single":
            self._single(chunk, region, eth)
        elif kind == "couple":
            self._couple(chunk, region, eth)
        else:
            self._family(chunk, region, eth, kind, room)
        for person in chunk.people[start:]:
            self._contacts(person)
            self.region_persons[person.region] += 1
        for hh in chunk.households[households_before:]:
            self.region_households[hh.region] += 1
        if self.next_hid - self.reweighed_at >= 500:
            self._reweigh()
        self._deaths(chunk.people[start:])

    def _single(self, chunk: Chunk, region: str, eth: str) -> Person:
        hh = self._household(chunk, region, 1)
        low, high = self._ages(SINGLE_AGES)
        birth = self._birth(low, high)
        sex: Sex = "M" if self.rng.random() < (0.55 if high <= 45 else 0.3) else "F"
        return self._adult(chunk, hh, self._fid(), sex, birth, eth)

    def _ages(self, bands: tuple[tuple[tuple[int, int], float], ...]) -> tuple[int, int]:
        return self.rng.choices([b for b, _ in bands], weights=[w for _, w in bands])[0]

    def _spouse_birth(self, husband_birth: dt.date) -> dt.date:
        """A wife's birth date: on average 2.5 years after her husband's, and an adult on the reference date."""
        gap = int(self.rng.gauss(2.5, 2.5) * 365.25)
        return min(husband_birth + dt.timedelta(days=gap), self.ref - dt.timedelta(days=int(19 * 365.25)))

    def _wife_ethnicity(self, region: str, husband_eth: str) -> str:
        return husband_eth if self.rng.random() < 0.9 else self._ethnicity(region)

    def _couple(self, chunk: Chunk, region: str, eth: str) -> None:
        hh = self._household(chunk, region, 2)
        family = self._fid()
        low, high = self._ages(COUPLE_AGES)
        h_birth = self._birth(low, high)
        husband = self._adult(chunk, hh, family, "M", h_birth, eth)
        w_birth = self._spouse_birth(h_birth)
        wife = self._adult(chunk, hh, family, "F", w_birth, self._wife_ethnicity(region, eth))
        wed = _days(self.rng, _plus_years(w_birth, 19), min(self.ref, _plus_years(w_birth, 34)))
        self._marry(chunk, husband, wife, wed)

    def _family(self, chunk: Chunk, region: str, eth: str, kind: str, room: int) -> None:
        rng = self.rng
        count = self._children_count(region)
        hh = self._household(chunk, region, count + 2)
        family = self._fid()
        m_age = rng.triangular(20, 55, 34)
        m_birth = self._birth(m_age, m_age)
        first_birth = _plus_years(m_birth, rng.uniform(19, 31))
        wife = self._adult(chunk, hh, family, "F", m_birth, self._wife_ethnicity(region, eth))
        h_birth = self._spouse_birth(m_birth) - dt.timedelta(days=int(5 * 365.25))
        h_birth = max(h_birth, m_birth - dt.timedelta(days=int(12 * 365.25)))
        lineage, grandfather_name = None, None
        grandparents: tuple[Person, Person | None] | None = None
        if kind == "extended":
            grandparents = self._grandparents(chunk, hh, eth, h_birth)
            lineage, grandfather_name = grandparents[0].lineage, grandparents[0].first
        husband = None
        if kind != "single_parent" or rng.random() < 0.15:
            husband = self._adult(chunk, hh, family, "M", h_birth, eth, lineage, grandfather_name)
            if grandparents is not None:
                husband.father = grandparents[0].pid
                husband.mother = grandparents[1].pid if grandparents[1] else None
        wed = _days(rng, _plus_years(m_birth, 18), min(first_birth, self.ref))
        reserved = len(hh.members) + (1 if kind == "single_parent" else 0)
        count = max(1, min(count, room - reserved))
        if husband is not None and kind != "single_parent":
            if rng.random() < REMARRIED_RATE and room - reserved > count:
                ex = self._ex_husband(chunk, region, eth, wife, wed)
                self._children(chunk, hh, family, ex, wife, 1, first_birth)
                divorced = first_birth + dt.timedelta(days=rng.randint(200, 1500))
                self._marry(chunk, ex, wife, wed, ended=min(divorced, self.ref - dt.timedelta(days=60)))
                first_birth = divorced + dt.timedelta(days=rng.randint(300, 900))
                wed = divorced + dt.timedelta(days=rng.randint(100, 300))
                count -= 1
            if wed < self.ref:
                self._marry(chunk, husband, wife, wed)
            self._children(chunk, hh, family, husband, wife, count, first_birth)
            return
        if husband is not None:
            # widowed: the father died within the registry's memory
            self._marry(chunk, husband, wife, wed)
            kids = self._children(chunk, hh, family, husband, wife, count, first_birth)
            # he died after his last child was born (or, with none born yet, after the wedding), and before today
            since = max((k.birth for k in kids), default=min(wed, self.ref - dt.timedelta(days=2)))
            yesterday = self.ref - dt.timedelta(days=1)
            husband.death = _days(rng, min(max(since, self.ref - dt.timedelta(days=4 * 365)), yesterday), yesterday)
            return
        if rng.random() < 0.7 and room - len(hh.members) > count:
            ex = self._ex_husband(chunk, region, eth, wife, wed)
            self._children(chunk, hh, family, ex, wife, count, first_birth)
            divorced = min(self.ref - dt.timedelta(days=30), first_birth + dt.timedelta(days=rng.randint(400, 4000)))
            self._marry(chunk, ex, wife, wed, ended=divorced)
        else:
            self._children(chunk, hh, family, None, wife, count, first_birth)

    def _ex_husband(self, chunk: Chunk, region: str, eth: str, wife: Person, wed: dt.date) -> Person:
        """A former husband, now living alone (possibly elsewhere): he is a person of his own in the registry."""
        ex_region = region if self.rng.random() < 0.8 else self._region()
        hh = self._household(chunk, ex_region, 1)
        birth = wife.birth - dt.timedelta(days=self.rng.randint(-300, 2500))
        return self._adult(chunk, hh, self._fid(), "M", birth, eth)

    def _grandparents(self, chunk: Chunk, hh: Household, eth: str,
                      son_birth: dt.date) -> tuple[Person, Person | None]:
        """The husband's parents living with the family (the grandmother may have died or live elsewhere). The
        husband's lineage and patronymic come from the grandfather."""
        rng = self.rng
        family = self._fid()
        g_birth = son_birth - dt.timedelta(days=int(rng.uniform(21, 36) * 365.25))
        grandfather = self._adult(chunk, hh, family, "M", g_birth, eth)
        if rng.random() >= 0.75:
            return grandfather, None
        born = min(self._spouse_birth(g_birth), son_birth - dt.timedelta(days=int(18 * 365.25)))
        grandmother = self._adult(chunk, hh, family, "F", born, eth)
        self._marry(chunk, grandfather, grandmother, _plus_years(grandmother.birth, rng.uniform(19, 26)))
        return grandfather, grandmother

    # --- finishing touches -----------------------------------------------------------------------------
    def _contacts(self, person: Person) -> None:
        rng = self.rng
        age = person.age(self.ref)
        if age >= 16 and rng.random() < 0.92:
            person.phone = f"+7{rng.choice(MOBILE_CODES)}{rng.randint(0, 9_999_999):07d}"
        if 16 <= age < 60 and rng.random() < 0.4:
            login = to_passport_latin(person.first).lower() + "." + to_passport_latin(person.surname).lower()
            person.email = f"{login}{rng.randint(1, 999)}@{rng.choice(EMAIL_DOMAINS)}"

    def _deaths(self, people: list[Person]) -> None:
        """Some people died in the registries' memory (the last five years); never before a child was born."""
        rng = self.rng
        window = dt.timedelta(days=int(DEATHS_WITHIN_YEARS * 365.25))
        youngest_child: dict[int, dt.date] = {}
        for p in people:
            for parent in (p.father, p.mother):
                if parent is not None:
                    youngest_child[parent] = max(youngest_child.get(parent, p.birth), p.birth)
        for p in people:
            if p.death is not None:
                continue
            age = p.age(self.ref)
            annual = next(rate for limit, rate in MORTALITY if age < limit)
            if rng.random() < 1 - (1 - annual) ** DEATHS_WITHIN_YEARS:
                earliest = max(p.birth, self.ref - window, youngest_child.get(p.pid, p.birth))
                if earliest < self.ref:
                    p.death = _days(rng, earliest, self.ref - dt.timedelta(days=1))


def _plus_years(day: dt.date, years: float) -> dt.date:
    return day + dt.timedelta(days=int(years * 365.25))

