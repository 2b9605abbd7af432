"""Health and social protection: disability, and the benefits people are entitled to and receive.

Not everyone entitled receives (take-up below 1): those are the proactive cases later apps must find. Some
payments go on after the recipient's death: the consistency checks must find those. Both are planted here and
written to the ground truth."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from ukimet.synth.draw import weighted
from ukimet.synth.model import Benefit, Chunk, Household, Person, Planted
from ukimet.synth.params import BENEFITS, MRP, POVERTY_LINE, RETIREMENT_AGE

# Disability prevalence by age band (upper bound exclusive), and the split over groups 1, 2, 3.
DISABILITY = ((16, 0.012), (45, 0.03), (63, 0.06), (200, 0.11))
DISABILITY_GROUPS = (1, 2, 3)
DISABILITY_GROUP_CUM = (0.1, 0.55, 1.0)
PAID_AFTER_DEATH_RATE = 0.06
"""Share of deceased recipients whose payments were not stopped."""


def assign_disability(rng: random.Random, chunk: Chunk, ref: dt.date) -> None:
    for person in chunk.people:
        age = person.age(ref)
        rate = next(r for limit, r in DISABILITY if age < limit)
        if rng.random() < rate:
            person.disability_group = weighted(rng, DISABILITY_GROUPS, DISABILITY_GROUP_CUM)
            since_age = rng.uniform(0, age) if age < 16 else rng.uniform(max(0, age - 25), age)
            person.disability_since = person.birth + dt.timedelta(days=int(since_age * 365.25))


class Welfare:
    def __init__(self, rng: random.Random, ref: dt.date) -> None:
        self.rng = rng
        self.ref = ref
        self.next_aid = 0

    def _grant(self, chunk: Chunk, person: Person, kind: str, start: dt.date, monthly: int,
               end: dt.date | None = None) -> None:
        """Grant ``kind`` to ``person`` if they take it up; otherwise plant an unclaimed entitlement."""
        take_up = BENEFITS[kind][1]
        if self.rng.random() >= take_up:
            chunk.planted.append(Planted("entitled_not_receiving", person.iin, kind))
            return
        self.next_aid += 1
        paid_after_death = False
        if person.death is not None and (end is None or end > person.death):
            paid_after_death = self.rng.random() < PAID_AFTER_DEATH_RATE
            if paid_after_death:
                chunk.planted.append(Planted("deceased_paid", person.iin, f"{kind} after {person.death}"))
            else:
                end = person.death
        chunk.benefits.append(Benefit(self.next_aid, person.pid, kind, start, end, monthly, paid_after_death))

    def assign(self, chunk: Chunk) -> None:
        people = chunk.by_pid()
        for hh in chunk.households:
            self._household(chunk, hh, people)

    def _household(self, chunk: Chunk, hh: Household, people: dict[int, Person]) -> None:
        rng, ref = self.rng, self.ref
        year_ago = ref - dt.timedelta(days=365)
        living = [p for p in hh.members if p.alive(ref)]
        for person in hh.members:
            age_now = person.age(ref)
            if person.pension:
                retired = person.birth + dt.timedelta(days=int(RETIREMENT_AGE[person.sex] * 365.25))
                self._grant(chunk, person, "pension", retired, person.pension)
            if person.disability_group and person.disability_since:
                recipient = people.get(person.mother or -1, person) if age_now < 16 else person
                monthly = int(BENEFITS["disability"][0] * MRP * (1.5 if person.disability_group == 1 else 1.0))
                self._grant(chunk, recipient, "disability", person.disability_since, monthly)
            mother = people.get(person.mother or -1)
            if mother is None or not person.alive(ref):
                continue
            if person.birth >= year_ago:
                self._grant(chunk, mother, "birth", person.birth + dt.timedelta(days=rng.randint(5, 40)),
                            int(BENEFITS["birth"][0] * MRP))
            if ref - person.birth < dt.timedelta(days=548):
                self._grant(chunk, mother, "childcare", person.birth, int(BENEFITS["childcare"][0] * MRP),
                            person.birth + dt.timedelta(days=548))
            father = people.get(person.father or -1)
            if age_now < 18 and any(p is not None and p.death is not None for p in (mother, father)):
                lost = max(p.death for p in (mother, father) if p is not None and p.death is not None)
                self._grant(chunk, person, "survivor", lost, int(BENEFITS["survivor"][0] * MRP))
        self._family_benefits(chunk, hh, living, people)

    def _family_benefits(self, chunk: Chunk, hh: Household, living: list[Person],
                         people: dict[int, Person]) -> None:
        ref = self.ref
        children: dict[int, list[Person]] = defaultdict(list)
        for p in living:
            if p.age(ref) < 18 and p.mother is not None and p.mother in people:
                children[p.mother].append(p)
        for mother_pid, kids in children.items():
            if len(kids) >= 4 and people[mother_pid].alive(ref):
                fourth = sorted(k.birth for k in kids)[3]
                self._grant(chunk, people[mother_pid], "large_family", fourth,
                            int(BENEFITS["large_family"][0] * MRP * (len(kids) - 3) ** 0.5))
        if not living:
            return
        income = sum(p.monthly_wage + p.pension for p in living)
        per_head = income / len(living)
        if per_head < POVERTY_LINE:
            head = max(living, key=lambda p: (p.age(ref) >= 18, p.monthly_wage + p.pension, -p.pid))
            monthly = int((POVERTY_LINE - per_head) * len(living))
            start = ref - dt.timedelta(days=self.rng.randint(30, 3 * 365))
            self._grant(chunk, head, "tsa", start, monthly)
