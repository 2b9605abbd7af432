"""Social benefits (Ministry of Labour and Social Protection): recipients, benefit assignments and monthly
payments. Column names in Russian Cyrillic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

from ukimet.synth.agencies.common import MONTHS, Context, date, integer, money, month_start, text
from ukimet.synth.config import FaultRates
from ukimet.synth.model import Benefit
from ukimet.synth.schema import Record, Source, Table

KIND_RU = {
    "pension": "пенсия по возрасту", "birth": "единовременное пособие на рождение",
    "childcare": "пособие по уходу за ребенком до 1,5 лет", "large_family": "пособие многодетным семьям",
    "disability": "пособие по инвалидности", "survivor": "пособие по потере кормильца",
    "tsa": "адресная социальная помощь",
}

SOURCE = Source(
    code="social_benefits", title_en="Social benefits: assignments and payments",
    title_ru="МТСЗН: назначения и выплаты пособий", title_kk="ЕХӘҚМ: жәрдемақыларды тағайындау және төлеу",
    platform="mysql", column_language="ru",
    tables=(
        Table("получатели", (
            integer("ид", "id"), text("иин", "iin"), text("фамилия", "surname"), text("имя", "first_name"),
            text("отчество", "patronymic"), date("дата_рождения", "birth_date"), text("адрес", "address"),
            text("като", "region"),
        ), key="ид", dedupable=True),
        Table("назначения", (
            integer("ид", "id"), integer("получатель_ид"), text("иин", "iin"), text("вид_выплаты"),
            date("дата_назначения"), date("дата_окончания"), money("сумма"),
        ), key="ид"),
        Table("выплаты", (
            integer("ид", "id"), integer("назначение_ид"), text("период"), money("сумма"), date("дата_выплаты"),
        ), key="ид"),
    ),
    rates=FaultRates(russian_letters=0.35, upper_case=0.05, typo=0.01, missing_iin=0.005, mistyped_iin=0.008,
                     stale_address=0.1, duplicate=0.004),
)


def _payments(benefit: Benefit, ref: dt.date) -> list[dt.date]:
    if benefit.kind == "birth":
        return [benefit.start] if benefit.start < ref else []
    end = ref if benefit.end is None or benefit.paid_after_death else min(benefit.end, ref)
    first = benefit.start.replace(day=1)
    return [m for m in _months(ref) if first <= m <= end]


@cache
def _months(ref: dt.date) -> tuple[dt.date, ...]:
    return tuple(month_start(ref, back) for back in range(MONTHS, 0, -1))


def emit(ctx: Context) -> Iterator[Record]:
    by_person: dict[int, list[Benefit]] = {}
    for b in ctx.chunk.benefits:
        by_person.setdefault(b.pid, []).append(b)
    for pid, benefits in by_person.items():
        p = ctx.people[pid]
        recipient = ctx.keys.next("получатели")
        address = ctx.address(p)
        yield Record("получатели", {
            "ид": recipient, "иин": p.iin, "фамилия": p.surname, "имя": p.first, "отчество": p.patronymic,
            "дата_рождения": p.birth, "адрес": address, "като": address,
        }, {"subject": pid})
        for b in benefits:
            assignment = ctx.keys.next("назначения")
            yield Record("назначения", {
                "ид": assignment, "получатель_ид": recipient, "иин": p.iin, "вид_выплаты": KIND_RU[b.kind],
                "дата_назначения": b.start, "дата_окончания": b.end, "сумма": b.monthly,
            }, {"subject": pid})
            for month in _payments(b, ctx.ref):
                yield Record("выплаты", {
                    "назначение_ид": assignment, "период": f"{month:%Y%m}", "сумма": b.monthly,
                    "дата_выплаты": month + dt.timedelta(days=ctx.rng.randint(3, 25)),
                }, {"subject": pid})
