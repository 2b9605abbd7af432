"""Tax service (State Revenue Committee): taxpayers and their declared annual income with the employer's BIN.
A legacy system: names mostly in Russian letters, full names in one field, dates as text."""

from __future__ import annotations

from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, full_name, integer, money, phone_plain, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Record, Source, Table

TAXED_STATUSES = frozenset({"employed", "self_employed", "unemployed", "pensioner"})

SOURCE = Source(
    code="kgd_tax", title_en="Tax service: taxpayers and declared income",
    title_ru="КГД МФ РК: налогоплательщики и декларации", title_kk="МКК: салық төлеушілер мен декларациялар",
    platform="mysql", column_language="ru-translit",
    tables=(
        Table("nalogoplatelshiki", (
            integer("np_id", "id"), text("iin", "iin"), text("fio", "full_name"),
            date("data_rozhd", "birth_date"), text("adres", "address"), text("telefon", "phone"),
            text("priznak_ip"),
        ), key="np_id", dedupable=True),
        Table("deklaracii", (
            integer("dekl_id", "id"), integer("np_id"), text("iin", "iin"), integer("god"),
            money("dohod"), money("ipn"), text("bin_agenta", "bin", "employer"), date("data_podachi"),
        ), key="dekl_id"),
    ),
    rates=FaultRates(russian_letters=0.6, upper_case=0.3, typo=0.015, swapped_name_order=0.08, missing_iin=0.01,
                     mistyped_iin=0.015, alt_date_format=0.05, stale_address=0.15, duplicate=0.01),
    date_format="%d.%m.%Y",
)


def emit(ctx: Context) -> Iterator[Record]:
    year = ctx.ref.year - 1
    for p in ctx.chunk.people:
        if not p.monthly_wage or p.status not in TAXED_STATUSES:
            continue
        np_id = ctx.keys.next("nalogoplatelshiki")
        yield Record("nalogoplatelshiki", {
            "np_id": np_id, "iin": p.iin, "fio": full_name(p), "data_rozhd": p.birth, "adres": ctx.address(p),
            "telefon": phone_plain(p), "priznak_ip": "ИП" if p.status == "self_employed" else None,
        }, {"subject": p.pid})
        if p.death is not None and p.death.year < year:
            continue
        months = 12 if p.job_start is None or p.job_start.year < year else max(1, 13 - p.job_start.month)
        income = p.monthly_wage * months * ctx.rng.uniform(0.95, 1.08)
        parties: dict[str, int | str] = {"subject": p.pid}
        if p.employer:
            parties["employer"] = p.employer
        yield Record("deklaracii", {
            "np_id": np_id, "iin": p.iin, "god": year, "dohod": round(income, 2), "ipn": round(income * 0.09, 2),
            "bin_agenta": p.employer, "data_podachi": ctx.ref.replace(month=3, day=ctx.rng.randint(1, 31)),
        }, parties)
