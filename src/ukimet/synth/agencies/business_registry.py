"""Business registry (State database of legal entities): companies, their directors and founders.
Directors' names in one full-name field; founders are people (IIN) or companies (BIN)."""

from __future__ import annotations

from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, full_name, integer, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Column, Record, Source, Table

_STATUS = {"active": "действующее", "liquidated": "ликвидировано"}

SOURCE = Source(
    code="business_registry", title_en="Business registry (State database of legal entities)",
    title_ru="ГБД «Юридические лица»", title_kk="«Заңды тұлғалар» МДҚ", platform="postgres",
    column_language="ru-translit",
    tables=(
        Table("yur_lica", (
            integer("id", "id"), text("bin", "bin"), text("naimenovanie_ru"), text("naimenovanie_kz"),
            date("data_registracii"), text("oked"), text("adres", "address"), text("kato", "region"),
            text("status"),
        ), key="id"),
        Table("rukovoditeli", (
            integer("id", "id"), text("bin", "bin", "company"), text("iin", "iin"), text("fio", "full_name"),
            date("data_naznacheniya"),
        ), key="id"),
        Table("uchrediteli", (
            integer("id", "id"), text("bin", "bin", "company"), text("uchreditel_iin", "iin"),
            text("uchreditel_bin", "bin", "founder_company"), text("uchreditel_naimenovanie", "full_name"),
            Column("dolya", "real"),
        ), key="id"),
    ),
    rates=FaultRates(russian_letters=0.4, upper_case=0.35, typo=0.008, swapped_name_order=0.04,
                     mistyped_iin=0.005),
)


def emit(ctx: Context) -> Iterator[Record]:
    for c in ctx.chunk.companies:
        yield Record("yur_lica", {
            "bin": c.bin, "naimenovanie_ru": c.name_ru, "naimenovanie_kz": c.name_kk,
            "data_registracii": c.registered, "oked": c.sector, "adres": c.address.address_ru(),
            "kato": c.address.kato, "status": _STATUS[c.status],
        }, {"company": c.bin})
        director = ctx.people[c.director]
        yield Record("rukovoditeli", {
            "bin": c.bin, "iin": director.iin, "fio": full_name(director), "data_naznacheniya": c.registered,
        }, {"company": c.bin, "subject": director.pid})
        for kind, who, share in c.founders:
            if kind == "company":
                yield Record("uchrediteli", {
                    "bin": c.bin, "uchreditel_iin": None, "uchreditel_bin": who, "uchreditel_naimenovanie": None,
                    "dolya": share,
                }, {"company": c.bin, "founder_company": str(who)})
                continue
            founder = ctx.people[int(who)]
            yield Record("uchrediteli", {
                "bin": c.bin, "uchreditel_iin": founder.iin, "uchreditel_bin": None,
                "uchreditel_naimenovanie": full_name(founder), "dolya": share,
            }, {"company": c.bin, "subject": founder.pid})
