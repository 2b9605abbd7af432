"""Housing and utilities (akimat housing departments and utility operators): dwellings with area, rooms and
amenities, the people registered in each, and the utility account holder. English column names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, full_name, integer, money, text
from ukimet.synth.config import FaultRates
from ukimet.synth.model import Dwelling
from ukimet.synth.schema import Column, Record, Source, Table

SOURCE = Source(
    code="housing", title_en="Housing and utilities: dwellings and registered residents",
    title_ru="ЖКХ: жилища и зарегистрированные жильцы", title_kk="ТКШ: тұрғын үйлер және тіркелген тұрғындар",
    platform="mysql", column_language="en",
    tables=(
        Table("dwellings", (
            integer("dwelling_id", "id"), text("address", "address"), text("kato", "region"),
            Column("area_m2", "real"), integer("rooms"), Column("water", "bool"), Column("gas", "bool"),
            Column("central_heating", "bool"), Column("sewerage", "bool"), integer("built_year"),
        ), key="dwelling_id"),
        Table("residents", (
            integer("resident_id", "id"), integer("dwelling_id"), text("iin", "iin"),
            text("full_name", "full_name"), date("registered_since"),
        ), key="resident_id"),
        Table("utility_accounts", (
            integer("account_id", "id"), integer("dwelling_id"), text("holder_iin", "iin"),
            text("holder_name", "full_name"), money("monthly_charge"), money("debt"),
        ), key="account_id"),
    ),
    rates=FaultRates(russian_letters=0.3, upper_case=0.15, typo=0.012, swapped_name_order=0.1, missing_iin=0.03,
                     mistyped_iin=0.015),
)


def _dwelling(ctx: Context, d: Dwelling) -> Record:
    return Record("dwellings", {
        "dwelling_id": d.did, "address": d.address_ru(), "kato": d.kato, "area_m2": d.area, "rooms": d.rooms,
        "water": d.water, "gas": d.gas, "central_heating": d.central_heating, "sewerage": d.sewerage,
        "built_year": d.built,
    })


def emit(ctx: Context) -> Iterator[Record]:
    rng = ctx.rng
    for hh in ctx.chunk.households:
        living = [p for p in hh.members if p.alive(ctx.ref)]
        if not living:
            continue
        yield _dwelling(ctx, hh.dwelling)
        for p in living:
            yield Record("residents", {
                "dwelling_id": hh.dwelling.did, "iin": p.iin, "full_name": full_name(p),
                "registered_since": max(hh.moved_on, p.birth),
            }, {"subject": p.pid})
        holder = max(living, key=lambda p: (p.age(ctx.ref) >= 18, p.age(ctx.ref)))
        charge = round(hh.dwelling.area * rng.uniform(150, 320), 2)
        debt = round(charge * rng.choice((0, 0, 0, 0, 1, 2, 6)), 2)
        yield Record("utility_accounts", {
            "dwelling_id": hh.dwelling.did, "holder_iin": holder.iin, "holder_name": full_name(holder),
            "monthly_charge": charge, "debt": debt,
        }, {"subject": holder.pid})
    for flat, registered in ctx.chunk.crowded:
        yield _dwelling(ctx, flat)
        for p in registered:
            yield Record("residents", {
                "dwelling_id": flat.did, "iin": p.iin, "full_name": full_name(p),
                "registered_since": ctx.ref - dt.timedelta(days=rng.randint(20, 900)),
            }, {"subject": p.pid})
