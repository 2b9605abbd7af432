"""Population registry (State database of individuals): every person, their registered address and their
family relations. The master record: few faults, column names in transliterated Russian."""

from __future__ import annotations

from collections.abc import Iterator

from ukimet.synth.agencies.common import Context, date, integer, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Record, Source, Table

_SEX = {"M": "М", "F": "Ж"}
_NATIONALITY = {"kazakh": "казах", "russian": "русский", "uzbek": "узбек", "ukrainian": "украинец",
                "uyghur": "уйгур", "german": "немец", "tatar": "татарин", "korean": "кореец"}

SOURCE = Source(
    code="gbdfl", title_en="Population registry (State database of individuals)",
    title_ru="ГБД «Физические лица»", title_kk="«Жеке тұлғалар» МДҚ", platform="postgres",
    column_language="ru-translit",
    tables=(
        Table("fl_persons", (
            integer("id_fl", "id"), text("iin", "iin"), text("familiya", "surname"), text("imya", "first_name"),
            text("otchestvo", "patronymic"), date("data_rozhdeniya", "birth_date"), text("pol", "sex"),
            text("natsionalnost", special=True), text("status"), date("data_smerti"), text("telefon", "phone"),
        ), key="id_fl", dedupable=True),
        Table("fl_addresses", (
            integer("id_adr", "id"), integer("id_fl"), text("iin", "iin"), text("kato", "region"),
            text("adres", "address"), date("data_registracii"),
        ), key="id_adr"),
        Table("fl_relations", (
            integer("id_svyazi", "id"), text("iin", "iin"), text("iin_rodstvennika", "iin", party="relative"),
            text("tip_svyazi"),
        ), key="id_svyazi"),
    ),
    rates=FaultRates(russian_letters=0.03, upper_case=0.0, typo=0.004, missing_iin=0.0, mistyped_iin=0.001,
                     stale_address=0.02, duplicate=0.002),
)


def emit(ctx: Context) -> Iterator[Record]:
    for p in ctx.chunk.people:
        id_fl = ctx.keys.next("fl_persons")
        yield Record("fl_persons", {
            "id_fl": id_fl, "iin": p.iin, "familiya": p.surname, "imya": p.first, "otchestvo": p.patronymic,
            "data_rozhdeniya": p.birth, "pol": _SEX[p.sex], "natsionalnost": _NATIONALITY[p.ethnicity],
            "status": "умер" if p.death else "активен", "data_smerti": p.death, "telefon": p.phone,
        }, {"subject": p.pid})
        if p.death is None:
            hh = ctx.households[p.household]
            address = ctx.address(p)
            yield Record("fl_addresses", {
                "id_fl": id_fl, "iin": p.iin, "kato": address, "adres": address,
                "data_registracii": max(hh.moved_on, p.birth),
            }, {"subject": p.pid})
        for relative, kind in ((p.father, "отец"), (p.mother, "мать"), (p.spouse, "супруг(а)")):
            other = ctx.people.get(relative) if relative is not None else None
            if other is not None:
                yield Record("fl_relations", {"iin": p.iin, "iin_rodstvennika": other.iin, "tip_svyazi": kind},
                             {"subject": p.pid, "relative": other.pid})


