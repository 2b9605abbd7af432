"""Civil acts registry (ZAGS): births, marriages, divorces and deaths, registered electronically since 2008.
Column names in Kazakh; dates kept as text; names of parents and spouses in full-name fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ukimet.core.regions import region_by_code
from ukimet.synth.agencies.common import Context, date, full_name, integer, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Record, Source, Table

ELECTRONIC_SINCE = dt.date(2008, 1, 1)
_SEX = {"M": "ер", "F": "әйел"}


SOURCE = Source(
    code="zags", title_en="Civil acts registry", title_ru="Реестр актов гражданского состояния",
    title_kk="Азаматтық хал актілерінің тізілімі", platform="sqlite", column_language="kk",
    tables=(
        Table("туу_актілері", (
            integer("акт_id", "id"), text("акт_нөмірі"), date("тіркелген_күні"),
            text("бала_жсн", "iin", "child"), text("бала_тегі", "surname", "child"),
            text("бала_аты", "first_name", "child"), text("бала_әкесінің_аты", "patronymic", "child"),
            date("туған_күні", "birth_date", "child"), text("жынысы", "sex", "child"),
            text("ана_жсн", "iin", "mother"), text("ана_аты_жөні", "full_name", "mother"),
            text("әке_жсн", "iin", "father"), text("әке_аты_жөні", "full_name", "father"),
            text("тіркеу_орны", "region"),
        ), key="акт_id"),
        Table("неке_актілері", (
            integer("акт_id", "id"), text("акт_нөмірі"), date("тіркелген_күні"),
            text("күйеуі_жсн", "iin", "husband"), text("күйеуі_аты_жөні", "full_name", "husband"),
            text("әйелі_жсн", "iin", "wife"), text("әйелі_аты", "first_name", "wife"),
            text("әйелі_тегі_некеге_дейін", "surname", "wife"), text("әйелі_тегі_некеден_кейін", "surname", "wife"),
        ), key="акт_id"),
        Table("ажырасу_актілері", (
            integer("акт_id", "id"), text("акт_нөмірі"), date("тіркелген_күні"),
            text("күйеуі_жсн", "iin", "husband"), text("күйеуі_аты_жөні", "full_name", "husband"),
            text("әйелі_жсн", "iin", "wife"), text("әйелі_аты_жөні", "full_name", "wife"),
        ), key="акт_id"),
        Table("қайтыс_болу_актілері", (
            integer("акт_id", "id"), text("акт_нөмірі"), date("тіркелген_күні"), text("жсн", "iin"),
            text("тегі", "surname"), text("аты", "first_name"), text("әкесінің_аты", "patronymic"),
            date("туған_күні", "birth_date"), date("қайтыс_болған_күні"), text("тіркеу_орны", "region"),
        ), key="акт_id"),
    ),
    rates=FaultRates(russian_letters=0.12, upper_case=0.04, typo=0.012, swapped_name_order=0.05,
                     missing_iin=0.02, mistyped_iin=0.01, alt_date_format=0.06),
    date_format="%d.%m.%Y", address_language="kk",
)


def emit(ctx: Context) -> Iterator[Record]:
    rng = ctx.rng
    for p in ctx.chunk.people:
        if p.birth >= ELECTRONIC_SINCE:
            key = ctx.keys.next("туу_актілері")
            mother, father = ctx.people.get(p.mother or -1), ctx.people.get(p.father or -1)
            parties: dict[str, int | str] = {"child": p.pid}
            values = {
                "акт_id": key, "акт_нөмірі": f"{p.birth.year}-{p.region}-{key:07d}",
                "тіркелген_күні": p.birth + dt.timedelta(days=rng.randint(1, 60)), "бала_жсн": p.iin,
                "бала_тегі": p.surname, "бала_аты": p.first, "бала_әкесінің_аты": p.patronymic,
                "туған_күні": p.birth, "жынысы": _SEX[p.sex], "тіркеу_орны": region_by_code(p.region).name_kk,
                "ана_жсн": None, "ана_аты_жөні": None, "әке_жсн": None, "әке_аты_жөні": None,
            }
            for party, parent, prefix in (("mother", mother, "ана"), ("father", father, "әке")):
                if parent is not None:
                    values[f"{prefix}_жсн"] = parent.iin
                    values[f"{prefix}_аты_жөні"] = full_name(parent)
                    parties[party] = parent.pid
            yield Record("туу_актілері", values, parties)
        if p.death is not None:
            key = ctx.keys.next("қайтыс_болу_актілері")
            yield Record("қайтыс_болу_актілері", {
                "акт_id": key, "акт_нөмірі": f"{p.death.year}-{p.region}-{key:07d}",
                "тіркелген_күні": p.death + dt.timedelta(days=rng.randint(1, 10)), "жсн": p.iin,
                "тегі": p.surname, "аты": p.first, "әкесінің_аты": p.patronymic, "туған_күні": p.birth,
                "қайтыс_болған_күні": p.death, "тіркеу_орны": region_by_code(p.region).name_kk,
            }, {"subject": p.pid})
    for m in ctx.chunk.marriages:
        husband, wife = ctx.people[m.husband], ctx.people[m.wife]
        parties = {"husband": husband.pid, "wife": wife.pid}
        if m.on >= ELECTRONIC_SINCE:
            key = ctx.keys.next("неке_актілері")
            yield Record("неке_актілері", {
                "акт_id": key, "акт_нөмірі": f"{m.on.year}-{husband.region}-{key:07d}", "тіркелген_күні": m.on,
                "күйеуі_жсн": husband.iin, "күйеуі_аты_жөні": full_name(husband), "әйелі_жсн": wife.iin,
                "әйелі_аты": wife.first, "әйелі_тегі_некеге_дейін": m.wife_surname_before,
                "әйелі_тегі_некеден_кейін": m.wife_surname_after,
            }, parties)
        if m.ended is not None and m.ended >= ELECTRONIC_SINCE:
            key = ctx.keys.next("ажырасу_актілері")
            yield Record("ажырасу_актілері", {
                "акт_id": key, "акт_нөмірі": f"{m.ended.year}-{husband.region}-{key:07d}",
                "тіркелген_күні": m.ended, "күйеуі_жсн": husband.iin, "күйеуі_аты_жөні": full_name(husband),
                "әйелі_жсн": wife.iin, "әйелі_аты_жөні": full_name(wife, m.wife_surname_after),
            }, parties)
