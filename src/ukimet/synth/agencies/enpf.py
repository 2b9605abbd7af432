"""Unified pension fund: members and their monthly mandatory contributions, by employer (the tax agent).
The largest table of the country (a row per worker per month); column names in English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ukimet.synth.agencies.common import MONTHS, Context, date, integer, money, month_start, phone_local, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Record, Source, Table

CONTRIBUTION_RATE = 0.10

SOURCE = Source(
    code="enpf", title_en="Unified accumulative pension fund", title_ru="ЕНПФ: вкладчики и пенсионные взносы",
    title_kk="БЖЗҚ: салымшылар және зейнетақы жарналары", platform="postgres", column_language="en",
    tables=(
        Table("members", (
            integer("member_id", "id"), text("iin", "iin"), text("last_name", "surname"),
            text("first_name", "first_name"), text("middle_name", "patronymic"), date("birth_date", "birth_date"),
            text("phone", "phone"), date("opened_on"),
        ), key="member_id", dedupable=True),
        Table("contributions", (
            integer("contribution_id", "id"), integer("member_id"), text("iin", "iin"), text("period"),
            text("agent_bin", "bin", "employer"), money("amount_kzt"), date("paid_on"),
        ), key="contribution_id"),
    ),
    rates=FaultRates(russian_letters=0.25, latin_2021=0.02, upper_case=0.1, typo=0.006, mistyped_iin=0.002,
                     duplicate=0.003),
)


def emit(ctx: Context) -> Iterator[Record]:
    months = [(month, f"{month:%Y-%m}") for month in (month_start(ctx.ref, back) for back in range(MONTHS, 0, -1))]
    for p in ctx.chunk.people:
        if p.employer is None or p.job_start is None:
            continue
        member_id = ctx.keys.next("members")
        yield Record("members", {
            "member_id": member_id, "iin": p.iin, "last_name": p.surname, "first_name": p.first,
            "middle_name": p.patronymic, "birth_date": p.birth, "phone": phone_local(p),
            "opened_on": max(p.job_start, dt.date(1998, 1, 1)),
        }, {"subject": p.pid})
        first = p.job_start.replace(day=1)
        amount = round(p.monthly_wage * CONTRIBUTION_RATE, 2)
        for month, period in months:
            if month < first or (p.death is not None and month > p.death):
                continue
            yield Record("contributions", {
                "member_id": member_id, "iin": p.iin, "period": period, "agent_bin": p.employer,
                "amount_kzt": amount,
                "paid_on": month + dt.timedelta(days=ctx.rng.randint(32, 50)),
            }, {"subject": p.pid, "employer": p.employer})
