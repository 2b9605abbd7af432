"""Education (national education database): children and students enrolled in kindergartens, schools,
colleges and universities, and the institutions. Column names in Kazakh written in Latin letters."""

from __future__ import annotations

from collections.abc import Iterator

from ukimet.core.regions import regions
from ukimet.synth.agencies.common import Context, date, integer, text
from ukimet.synth.config import FaultRates
from ukimet.synth.schema import Record, Source, Table

INSTITUTIONS_PER_REGION = {"balabaqsha": 60, "mektep": 80, "joghary_oqu_orny": 4}
_NAMES = {
    "balabaqsha": "№{n} балабақша", "mektep": "№{n} жалпы білім беретін мектеп",
    "joghary_oqu_orny": "{region} №{n} университеті",
}

SOURCE = Source(
    code="education", title_en="Education: enrolments in kindergartens, schools and universities",
    title_ru="НОБД: контингент организаций образования", title_kk="ҰБДБ: білім беру ұйымдарының контингенті",
    platform="sqlite", column_language="kk-latin",
    tables=(
        Table("oqushylar", (
            integer("oqushy_id", "id"), text("jsn", "iin"), text("tegi", "surname"), text("aty", "first_name"),
            text("akesinin_aty", "patronymic"), date("tugan_kuni", "birth_date"), text("jynysy", "sex"),
            text("mekeme_kody"), integer("synyp"), text("oqu_jyly"),
        ), key="oqushy_id", dedupable=True),
        Table("mekemeler", (
            text("mekeme_kody", "id"), text("atauy"), text("turi"), text("oblys", "region"),
        ), key="mekeme_kody"),
    ),
    rates=FaultRates(russian_letters=0.1, latin_2021=0.05, upper_case=0.02, typo=0.01, missing_iin=0.02,
                     mistyped_iin=0.01, alt_date_format=0.04, duplicate=0.005),
    date_format="%d.%m.%Y", address_language="kk",
)


def _institution(ctx: Context, region: str, kind: str) -> str:
    return f"{kind[:3].upper()}-{region}-{ctx.rng.randint(1, INSTITUTIONS_PER_REGION[kind]):03d}"


def emit(ctx: Context) -> Iterator[Record]:
    school_year = f"{ctx.ref.year - 1}-{ctx.ref.year}"
    if ctx.chunk.index == 0:
        for region in regions():
            for kind, count in INSTITUTIONS_PER_REGION.items():
                for n in range(1, count + 1):
                    yield Record("mekemeler", {
                        "mekeme_kody": f"{kind[:3].upper()}-{region.code}-{n:03d}",
                        "atauy": _NAMES[kind].format(n=n, region=region.name_kk), "turi": kind,
                        "oblys": region.name_kk,
                    })
    for p in ctx.chunk.people:
        if not p.alive(ctx.ref):
            continue
        age = p.age(ctx.ref)
        if 1 <= age <= 5 and ctx.rng.random() < 0.7:
            kind, grade = "balabaqsha", None
        elif p.status == "pupil" and age >= 6:
            kind, grade = "mektep", min(11, age - 6)
        elif p.status == "student":
            kind, grade = "joghary_oqu_orny", min(4, age - 17)
        else:
            continue
        yield Record("oqushylar", {
            "jsn": p.iin, "tegi": p.surname, "aty": p.first, "akesinin_aty": p.patronymic, "tugan_kuni": p.birth,
            "jynysy": "ер" if p.sex == "M" else "әйел", "mekeme_kody": _institution(ctx, p.region, kind),
            "synyp": grade, "oqu_jyly": school_year,
        }, {"subject": p.pid})
