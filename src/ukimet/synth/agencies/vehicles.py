"""Vehicle registrations (Ministry of Internal Affairs): each car with its owner as registered at the time,
so a car registered before its owner's marriage still carries her surname of then."""

from __future__ import annotations

from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, integer, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Record, Source, Table

SOURCE = Source(
    code="vehicles", title_en="Vehicle registrations", title_ru="МВД: регистрация транспортных средств",
    title_kk="ІІМ: көлік құралдарын тіркеу", platform="sqlite", column_language="ru-translit",
    tables=(
        Table("ts_registracii", (
            integer("id", "id"), text("vin"), text("gos_nomer"), text("marka"), text("model"),
            integer("god_vypuska"), text("vladelec_iin", "iin", "owner"),
            text("vladelec_familiya", "surname", "owner"), text("vladelec_imya", "first_name", "owner"),
            text("vladelec_otchestvo", "patronymic", "owner"), date("data_rozhd_vladelca", "birth_date", "owner"),
            date("data_registracii"),
        ), key="id"),
    ),
    rates=FaultRates(russian_letters=0.5, passport_latin=0.03, upper_case=0.6, typo=0.012, missing_iin=0.03,
                     mistyped_iin=0.02),
)


def emit(ctx: Context) -> Iterator[Record]:
    for v in ctx.chunk.vehicles:
        owner = ctx.people[v.owner]
        yield Record("ts_registracii", {
            "vin": v.vin, "gos_nomer": v.plate, "marka": v.make, "model": v.model, "god_vypuska": v.year,
            "vladelec_iin": owner.iin, "vladelec_familiya": v.owner_surname_then, "vladelec_imya": owner.first,
            "vladelec_otchestvo": owner.patronymic, "data_rozhd_vladelca": owner.birth,
            "data_registracii": v.registered,
        }, {"owner": owner.pid})
