"""Health (register of attached population and disability records). Special-category data: every column
about a condition is labelled so. English column names; sex as 1/2."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, integer, phone_plain, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Column, Record, Source, Table

_CAUSES = ("общее заболевание", "трудовое увечье", "с детства", "профессиональное заболевание")
CLINICS_PER_REGION = 40

SOURCE = Source(
    code="health", title_en="Health: attached population and disability",
    title_ru="МЗ: прикреплённое население и инвалидность", title_kk="ДСМ: тіркелген халық және мүгедектік",
    platform="postgres", column_language="en",
    tables=(
        Table("patients", (
            integer("patient_id", "id"), text("iin", "iin"), text("surname", "surname"),
            text("name", "first_name"), text("patronymic", "patronymic"), date("dob", "birth_date"),
            integer("sex", "sex"), text("clinic_code"), date("attached_on"), text("phone", "phone"),
            text("address", "address"),
        ), key="patient_id", dedupable=True),
        Table("disability", (
            integer("record_id", "id"), integer("patient_id"), text("iin", "iin"),
            Column("grp", "int", "other", special=True), Column("cause", "text", "text", special=True),
            date("established_on", special=True), date("review_on", special=True),
        ), key="record_id"),
    ),
    rates=FaultRates(russian_letters=0.15, latin_2021=0.01, upper_case=0.05, typo=0.01, missing_iin=0.01,
                     mistyped_iin=0.01, stale_address=0.12, duplicate=0.006),
)


def emit(ctx: Context) -> Iterator[Record]:
    rng = ctx.rng
    for p in ctx.chunk.people:
        if p.death is not None and p.death < ctx.ref - dt.timedelta(days=365):
            continue  # detached a year after death
        patient = ctx.keys.next("patients")
        yield Record("patients", {
            "patient_id": patient, "iin": p.iin, "surname": p.surname, "name": p.first,
            "patronymic": p.patronymic, "dob": p.birth, "sex": 1 if p.sex == "M" else 2,
            "clinic_code": f"PHC-{p.region}-{rng.randint(1, CLINICS_PER_REGION):03d}",
            "attached_on": max(p.birth, ctx.households[p.household].moved_on), "phone": phone_plain(p),
            "address": ctx.address(p),
        }, {"subject": p.pid})
        if p.disability_group and p.disability_since:
            cause = "с детства" if p.age(p.disability_since) < 18 else rng.choice(_CAUSES)
            yield Record("disability", {
                "patient_id": patient, "iin": p.iin, "grp": p.disability_group, "cause": cause,
                "established_on": p.disability_since,
                "review_on": None if p.disability_group == 1 else ctx.ref + dt.timedelta(days=rng.randint(30, 700)),
            }, {"subject": p.pid})
