"""Real estate registry: objects (dwellings, land, garages, commercial premises) and the rights to them held
by people (IIN) or companies (BIN). Column names in Kazakh written in Latin letters."""

from __future__ import annotations

from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, full_name, integer, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Column, Record, Source, Table

_KIND = {"dwelling": "turghyn uy", "land": "jer uchaskesi", "garage": "garaj", "dacha": "sayajai",
         "commercial": "kommertsiialyq nysan"}

SOURCE = Source(
    code="property_registry", title_en="Real estate registry", title_ru="Реестр прав на недвижимое имущество",
    title_kk="Жылжымайтын мүлікке құқықтар тізілімі", platform="postgres", column_language="kk-latin",
    tables=(
        Table("obekter", (
            integer("obekt_id", "id"), text("kadastr_nomiri"), text("obekt_turi"), text("mekenjai", "address"),
            text("kato", "region"), Column("audany_m2", "real"), integer("bolme_sany"),
        ), key="obekt_id"),
        Table("quqyqtar", (
            integer("quqyq_id", "id"), integer("obekt_id"), text("iesi_jsn", "iin", "owner"),
            text("iesi_bsn", "bin", "owner_company"), text("iesi_aty_joni", "full_name", "owner"),
            Column("ulesi", "real"), date("tirkelgen_kuni"),
        ), key="quqyq_id"),
    ),
    rates=FaultRates(russian_letters=0.3, passport_latin=0.02, upper_case=0.2, typo=0.01, swapped_name_order=0.05,
                     missing_iin=0.005, mistyped_iin=0.01),
    address_language="kk",
)


def emit(ctx: Context) -> Iterator[Record]:
    for obj in ctx.chunk.properties:
        d = obj.dwelling
        object_id = ctx.keys.next("obekter")
        yield Record("obekter", {
            "obekt_id": object_id, "kadastr_nomiri": obj.cadastral, "obekt_turi": _KIND[obj.kind],
            "mekenjai": d.address_kk(), "kato": d.kato, "audany_m2": d.area, "bolme_sany": d.rooms,
        })
        for owner, share in obj.owners:
            if isinstance(owner, str):
                yield Record("quqyqtar", {
                    "obekt_id": object_id, "iesi_bsn": owner, "iesi_jsn": None, "iesi_aty_joni": None,
                    "ulesi": share, "tirkelgen_kuni": obj.since,
                }, {"owner_company": owner})
                continue
            person = ctx.people[owner]
            yield Record("quqyqtar", {
                "obekt_id": object_id, "iesi_jsn": person.iin, "iesi_bsn": None,
                "iesi_aty_joni": full_name(person), "ulesi": share, "tirkelgen_kuni": obj.since,
            }, {"owner": person.pid})
