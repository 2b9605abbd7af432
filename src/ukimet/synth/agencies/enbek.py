"""Employment registry (Enbek): registered job seekers and electronic labour contracts. English column names;
people's names in single full-name fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, full_name, integer, phone_local, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Record, Source, Table

_POSITIONS = {
    "A": "агроном", "B": "оператор добычи", "C": "слесарь", "F": "каменщик", "G": "продавец-консультант",
    "H": "водитель", "I": "повар", "J": "программист", "K": "бухгалтер", "O": "главный специалист",
    "P": "учитель", "Q": "медицинская сестра", "S": "администратор",
}

SOURCE = Source(
    code="enbek", title_en="Employment registry: job seekers and labour contracts",
    title_ru="Enbek: соискатели и трудовые договоры", title_kk="Enbek: жұмыс іздеушілер мен еңбек шарттары",
    platform="sqlite", column_language="en",
    tables=(
        Table("job_seekers", (
            integer("seeker_id", "id"), text("iin", "iin"), text("full_name", "full_name"),
            date("birth_date", "birth_date"), text("phone", "phone"), text("email", "email"),
            date("registered_on"), text("status"),
        ), key="seeker_id", dedupable=True),
        Table("labour_contracts", (
            integer("contract_id", "id"), text("employee_iin", "iin"), text("employee_name", "full_name"),
            text("employer_bin", "bin", "employer"), text("position"), date("start_date"), date("end_date"),
        ), key="contract_id"),
    ),
    rates=FaultRates(russian_letters=0.2, latin_2021=0.03, informal_latin=0.03, upper_case=0.05, typo=0.01,
                     swapped_name_order=0.12, missing_iin=0.01, mistyped_iin=0.01, duplicate=0.01),
)


def emit(ctx: Context) -> Iterator[Record]:
    rng = ctx.rng
    for p in ctx.chunk.people:
        if p.registered_unemployed:
            yield Record("job_seekers", {
                "iin": p.iin, "full_name": full_name(p), "birth_date": p.birth, "phone": phone_local(p),
                "email": p.email, "registered_on": ctx.ref - dt.timedelta(days=rng.randint(10, 700)),
                "status": "registered",
            }, {"subject": p.pid})
        if p.employer and p.job_start and p.job_start.year >= 2016:
            end = p.death if p.death is not None else None
            yield Record("labour_contracts", {
                "employee_iin": p.iin, "employee_name": full_name(p), "employer_bin": p.employer,
                "position": _POSITIONS.get(p.sector or "S", "специалист"), "start_date": p.job_start,
                "end_date": end,
            }, {"subject": p.pid, "employer": p.employer})
