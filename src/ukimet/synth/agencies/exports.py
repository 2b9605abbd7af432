"""File exports that agencies send instead of database access: an akimat's housing queue as CSV in the
legacy Kazakh code page KZ-1048, the migration police's temporary registrations as CSV in Windows-1251 with
the Kazakh letters replaced by Russian ones (as the legacy system writes them), and the medical-social
commission's disability decisions as an Excel workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, full_name, integer, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Column, Record, Source, Table

HOUSING_QUEUE = Source(
    code="akimat_housing_queue", title_en="Akimat housing waiting list (CSV export, KZ-1048)",
    title_ru="Очередь на жильё акимата (выгрузка CSV, KZ-1048)",
    title_kk="Әкімдіктің тұрғын үй кезегі (CSV, KZ-1048)", platform="csv", column_language="kk",
    tables=(Table("кезек", (
        integer("Кезек_нөмірі", "id"), text("ЖСН", "iin"), text("Тегі", "surname"), text("Аты", "first_name"),
        text("Әкесінің_аты", "patronymic"), date("Туған_күні", "birth_date"), text("Санаты"),
        date("Өтініш_күні"), text("Мекенжайы", "address"),
    ), key="Кезек_нөмірі", dedupable=True),),
    rates=FaultRates(russian_letters=0.1, upper_case=0.1, typo=0.015, missing_iin=0.01, mistyped_iin=0.02,
                     alt_date_format=0.1, stale_address=0.1, duplicate=0.02),
    date_format="%d.%m.%Y", address_language="kk", encoding="kz1048",
)

TEMPORARY_REGISTRATIONS = Source(
    code="mvd_registrations", title_en="Temporary residence registrations (CSV export, Windows-1251)",
    title_ru="Временная регистрация по месту пребывания (выгрузка CSV, Windows-1251)",
    title_kk="Уақытша тіркеу (CSV, Windows-1251)", platform="csv", column_language="ru",
    tables=(Table("registracii", (
        integer("Номер", "id"), text("ИИН", "iin"), text("ФИО", "full_name"), date("Дата рождения", "birth_date"),
        text("Адрес", "address"), date("Дата регистрации"), date("Действует до"),
    ), key="Номер"),),
    rates=FaultRates(upper_case=0.5, typo=0.02, swapped_name_order=0.15, missing_iin=0.04, mistyped_iin=0.02,
                     alt_date_format=0.08),
    date_format="%d.%m.%Y", encoding="cp1251", legacy_russian_letters=True,
)

DISABILITY_DECISIONS = Source(
    code="mse_disability", title_en="Medical-social expertise: disability decisions (Excel export)",
    title_ru="МСЭ: решения об установлении инвалидности (выгрузка Excel)",
    title_kk="МӘС: мүгедектікті белгілеу шешімдері (Excel)", platform="xlsx", column_language="ru",
    tables=(Table("Решения", (
        integer("№", "id"), text("ИИН", "iin"), text("Фамилия", "surname"), text("Имя", "first_name"),
        text("Отчество", "patronymic"), date("Дата рождения", "birth_date"),
        Column("Группа", "int", special=True), Column("Причина", "text", "text", special=True),
        date("Дата освидетельствования", special=True),
    ), key="№"),),
    rates=FaultRates(russian_letters=0.3, upper_case=0.2, typo=0.01, missing_iin=0.01, mistyped_iin=0.01),
)

_CATEGORY = {"large_family": "көпбалалы отбасы", "disability": "мүгедектігі бар адам", "tsa": "аз қамтылған отбасы"}


def emit_housing_queue(ctx: Context) -> Iterator[Record]:
    rng = ctx.rng
    for b in ctx.chunk.benefits:
        category = _CATEGORY.get(b.kind)
        if category is None or rng.random() >= 0.35:
            continue
        p = ctx.people[b.pid]
        if not p.alive(ctx.ref):
            continue
        yield Record("кезек", {
            "ЖСН": p.iin, "Тегі": p.surname, "Аты": p.first, "Әкесінің_аты": p.patronymic, "Туған_күні": p.birth,
            "Санаты": category, "Өтініш_күні": ctx.ref - dt.timedelta(days=rng.randint(30, 3650)),
            "Мекенжайы": ctx.address(p),
        }, {"subject": p.pid})


def emit_registrations(ctx: Context) -> Iterator[Record]:
    rng = ctx.rng
    entries = [(flat, p) for flat, people in ctx.chunk.crowded for p in people]
    entries += [
        (ctx.households[p.household].dwelling, p) for p in ctx.chunk.people
        if p.alive(ctx.ref) and p.age(ctx.ref) >= 17 and rng.random() < 0.01
    ]
    for dwelling, p in entries:
        since = ctx.ref - dt.timedelta(days=rng.randint(10, 600))
        yield Record("registracii", {
            "ИИН": p.iin, "ФИО": full_name(p), "Дата рождения": p.birth, "Адрес": dwelling.address_ru(),
            "Дата регистрации": since, "Действует до": since + dt.timedelta(days=rng.choice((90, 180, 365))),
        }, {"subject": p.pid})


def emit_disability(ctx: Context) -> Iterator[Record]:
    recent = ctx.ref - dt.timedelta(days=3 * 365)
    for p in ctx.chunk.people:
        if p.disability_group and p.disability_since and p.disability_since >= recent:
            yield Record("Решения", {
                "ИИН": p.iin, "Фамилия": p.surname, "Имя": p.first, "Отчество": p.patronymic,
                "Дата рождения": p.birth, "Группа": p.disability_group,
                "Причина": "с детства" if p.age(p.disability_since) < 18 else "общее заболевание",
                "Дата освидетельствования": p.disability_since,
            }, {"subject": p.pid})
