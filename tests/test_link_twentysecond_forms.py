"""Files a twenty-second writer's extracts showed (issue 16): a Debezium change stream whose first changes hold
``"before": null`` and whose dates of birth are days since 1970; a PostgreSQL ``COPY`` text export with ``\\N`` for
null; a Hive-era Parquet whose text is binary, with SAP HR's field names; a SharePoint list whose column names are
XML-escaped and cut at 32 characters."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tests.conftest import link_out, valid_iin
from ukimet.connect.classify import classify_column
from ukimet.connect.connectors.base import escaped_name
from ukimet.connect.connectors.files import ParquetConnector
from ukimet.connect.connectors.jsonfile import JsonConnector
from ukimet.core.dates import epoch_days, from_epoch_days, life_span_birth

SURNAMES = [f"{root}{end}" for root in ("Масанчи", "Байзак", "Дуйсенбай", "Мырзабек", "Сулеймен", "Жумабай")
            for end in ("ов", "ева", "улы")]
FIRSTS = ["Асия", "Жансая", "Назерке", "Бекзат", "Нурлан", "Ержан", "Хабиба", "Томирис"]
EPOCH = dt.date(1970, 1, 1)


def _born(k: int) -> dt.date:
    return dt.date(1945 + (k * 7) % 60, 1 + k % 12, 1 + k % 27)


def _card(k: int) -> dict[str, object]:
    return {"id": 1000 + k, "fam": SURNAMES[k % 18], "im": FIRSTS[k % 8], "dr": (_born(k) - EPOCH).days,
            "iin": valid_iin(_born(k), 2000 + k), "tel": f"8777{k:07d}"}


def test_a_change_streams_before_image_comes_before_its_after_though_inserts_hold_none(tmp_path: Path) -> None:
    lines = [{"before": None, "after": _card(k), "op": "r", "ts_ms": 1551388601795 + k} for k in range(30)]
    lines += [{"before": _card(k), "after": {**_card(k), "tel": f"8701{k:07d}"}, "op": "u", "ts_ms": 1651388601795}
              for k in range(10)]
    (tmp_path / "cdc.jsonl").write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
                                        encoding="utf-8")
    names = JsonConnector("cdc", str(tmp_path / "cdc.jsonl")).tables()[0].column_names
    assert names.index("before.fam") < names.index("after.fam"), names
    entities, said = link_out(tmp_path, "cdc.jsonl")
    assert "person 1: before.fam = surname" in said and "before.dr = birth date" in said, said
    assert entities["cdc", "3#2"] == entities["cdc", "33"] == entities["cdc", "33#2"]  # one card, inserted, updated
    assert entities["cdc", "3#2"] != entities["cdc", "4#2"]


def test_days_since_1970_are_dates_of_birth_where_the_name_says_birth_and_years_are_not() -> None:
    days = [str((_born(k) - EPOCH).days) for k in range(40)]
    assert epoch_days(days) and from_epoch_days("9092") == dt.date(1994, 11, 23)
    assert from_epoch_days("-7654") == dt.date(1949, 1, 17)
    assert not epoch_days([str(1950 + k) for k in range(40)])  # years of birth
    assert not epoch_days([str(30000 + k) for k in range(40)])  # Excel's day numbers: births after 1980
    assert classify_column("s", "t", "dr", "text", days).semantic_type == "birth_date"


def test_a_postgresql_copy_texts_null_is_nothing(tmp_path: Path) -> None:
    rows = ["disp_id\tpat_fio\tpat_iin\tpat_dr\tpoluch_fio\tpoluch_iin\tpoluch_rod"]
    for k in range(40):
        receiver = (f"{SURNAMES[(k + 5) % 18].upper()} {FIRSTS[(k + 3) % 8].upper()}\t"
                    f"{valid_iin(_born(k + 50), 5000 + k)}\tсын") if k % 4 == 0 else "\\N\t\\N\t\\N"
        rows.append(f"{5400000 + k}\t{SURNAMES[k % 18].upper()} {FIRSTS[k % 8].upper()}\t"
                    f"{valid_iin(_born(k), 3000 + k)}\t{_born(k) if k % 5 else chr(92) + 'N'}\t{receiver}")
    (tmp_path / "alo.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "alo.csv")
    assert "person 2: poluch_fio = full name, poluch_iin = iin" in said, said
    assert "could not be read" not in said, said  # \N is no date of birth to warn of
    assert ("alo", "2#2") not in entities and ("alo", "1#2") in entities
    assert entities["alo", "1#2"] != entities["alo", "5#2"]  # the empty recipients are no one person


def test_binary_text_of_an_old_hive_parquet_is_read_as_text_with_sap_hrs_names(tmp_path: Path) -> None:
    def text(values: list[str | None]) -> pa.Array[Any]:
        return pa.array([None if v is None else v.encode("utf-8") for v in values], pa.binary())

    n = 30
    table = pa.table({
        "PERNR": text([f"{10000 + k:08d}" for k in range(n)]), "NACHN": text([SURNAMES[k % 18] for k in range(n)]),
        "VORNA": text([FIRSTS[k % 8] for k in range(n)]), "GBDAT": pa.array([_born(k) for k in range(n)]),
        "PERID": text([valid_iin(_born(k), 6000 + k) for k in range(n)]),
        "FANAM": text([SURNAMES[(k + 1) % 18] for k in range(n)]),
        "FAVOR": text([FIRSTS[(k + 2) % 8] for k in range(n)]),
        "FGBDT": text([f"{_born(k + 40):%Y%m%d}" for k in range(n)]),
        "ZZIIN": text([valid_iin(_born(k + 40), 7000 + k) for k in range(n)]),
        "PHOTO": pa.array([bytes([0xFF, 0xD8, k]) for k in range(n)], pa.binary())})
    pq.write_table(table, tmp_path / "hr.parquet")
    info = ParquetConnector("hr", str(tmp_path / "hr.parquet")).tables()[0]
    kinds = {c.name: c.data_type for c in info.columns}
    assert kinds["NACHN"] == "string" and kinds["PHOTO"] == "binary", kinds
    entities, said = link_out(tmp_path, "hr.parquet")
    assert "person 1: NACHN = surname, VORNA = first name, GBDAT = birth date, PERID = iin" in said, said
    assert "person 2: FANAM = surname, FAVOR = first name, FGBDT = birth date, ZZIIN = iin" in said, said
    assert entities["hr", "1"] != entities["hr", "1#2"]


def test_a_sharepoint_lists_escaped_and_cut_column_names_are_read_as_typed() -> None:
    assert escaped_name("OData__x0418__x0418__x041d_") == "ИИН"
    assert escaped_name("My_x0020_Column") == "My Column"
    assert escaped_name("OData__x0424__x0430__x043c__x0438__x04") == "Фами…"  # Фамилия ..., cut at 32
    assert escaped_name("OData__x0418__x0418__x041d__x0020__x04").strip() == "ИИН …"
    assert escaped_name("OData__UIVersionString") == "OData__UIVersionString"
    surnames = [SURNAMES[k % 18] for k in range(30)]
    assert classify_column("s", "t", "Фами…", "text", surnames).semantic_type == "surname"
    births = [f"{_born(k):%d.%m.%Y}" for k in range(30)]
    assert classify_column("s", "t", "Дата…", "text", births).semantic_type == "birth_date"  # дата or рождения
    stamps = [f"2015-02-{1 + k % 27:02d}T04:06:00Z" for k in range(30)]
    assert classify_column("s", "t", "Дата…", "text", stamps).semantic_type == "date"


def test_a_lifes_span_gives_its_birth_where_the_name_says_years_of_life(tmp_path: Path) -> None:
    assert life_span_birth("1938–2005") == "1938" and life_span_birth("10.02.1959 - 03.01.2005") == "10.02.1959"
    assert life_span_birth("1985-03") is None and life_span_birth("2005–1938") is None  # a year and month; reversed
    rows = ["Марқұмның аты-жөні,Өмір сүрген жылдары,Қайтыс болған күні"]
    for k in range(30):
        died = dt.date(2005 + k % 15, 1 + k % 12, 2)
        born = _born(k)
        span = f"{born.year}–{died.year}" if k % 3 == 0 else f"{born:%d.%m.%Y} - {died:%d.%m.%Y}" if k % 3 == 1 \
            else f"{died.year - born.year - 1} жаста"
        rows.append(f"{SURNAMES[k % 18].upper()} {FIRSTS[k % 8].upper()},{span},{died:%d.%m.%Y}")
    (tmp_path / "zirat.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = ["ФИО,Дата рождения,ИИН"] + [f"{SURNAMES[k % 18]} {FIRSTS[k % 8]},{_born(k):%d.%m.%Y},"
                                       f"{valid_iin(_born(k), 8000 + k)}" for k in range(30)]
    (tmp_path / "registry.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "zirat.csv", "registry.csv")
    assert "Өмір сүрген жылдары = birth date" in said, said
    assert "could not be read" not in said, said
    assert entities["zirat", "1"] == entities["registry", "1"]  # 1945–2005: the year, beside the name
    assert entities["zirat", "2"] == entities["registry", "2"]  # the dates of birth and death


def test_a_second_person_the_rows_relation_calls_self_is_the_first_again(tmp_path: Path) -> None:
    rows = ["pat_fio\tpat_iin\tpat_dr\tpoluch_fio\tpoluch_iin\tpoluch_rod"]
    for k in range(30):
        iin = valid_iin(_born(k), 3000 + k)
        typo = iin[:-3] + iin[-2] + iin[-3] + iin[-1]  # two digits swapped: no longer valid
        surname, first = SURNAMES[k % 18].upper(), FIRSTS[k % 8].upper()
        if k % 3 == 0:  # the patient himself, by initials, his IIN mistyped or not written
            receiver = f"{surname.title()} {first[0]}.\t{typo if k % 2 else chr(92) + 'N'}\tсам"
        elif k % 3 == 1:  # his son of the same initial, with no IIN
            receiver = f"{surname} {first[0]}.\t\\N\tсын"
        else:
            receiver = "\\N\t\\N\t\\N"
        rows.append(f"{surname} {first}\t{iin}\t{_born(k)}\t{receiver}")
    (tmp_path / "alo.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "alo.csv")
    assert all(entities["alo", str(k)] == entities["alo", f"{k}#2"] for k in range(1, 31, 3))  # сам
    assert "how the persons of a row are related: poluch_rod" in said, said
    assert all(entities["alo", str(k)] != entities["alo", f"{k}#2"] for k in range(2, 31, 3))  # сын


def test_a_second_iin_after_a_second_name_is_that_persons_in_a_sharepoint_list(tmp_path: Path) -> None:
    items = []
    for k in range(30):
        proxy = k % 2 == 0
        items.append({"odata.type": "SP.Data.ZaprosyListItem", "Id": k + 1,
                      "Title": f"{SURNAMES[k % 18]} {FIRSTS[k % 8]}",
                      "OData__x0414__x0430__x0442__x0430__x00": f"{_born(k):%d.%m.%Y}",
                      "OData__x0418__x0418__x041d_": valid_iin(_born(k), 3000 + k),
                      "OData__x041f__x0440__x0435__x0434__x04":
                          f"{SURNAMES[(k + 7) % 18]} {FIRSTS[(k + 3) % 8]}" if proxy else None,
                      "OData__x0418__x0418__x041d__x0020__x04":
                          valid_iin(_born(k + 60), 5000 + k) if proxy else None})
    (tmp_path / "zaprosy.json").write_text(json.dumps({"odata.metadata": "x", "value": items}, ensure_ascii=False),
                                           encoding="utf-8")
    rows = ["ФИО,ИИН"] + [f"{SURNAMES[(k + 7) % 18]} {FIRSTS[(k + 3) % 8]},{valid_iin(_born(k + 60), 5000 + k)}"
                         for k in range(0, 30, 2)]
    (tmp_path / "registry.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "zaprosy.json", "registry.csv")
    assert "person 2: Пред… = full name, ИИН … = iin" in said, said
    assert entities["zaprosy", "1#2"] == entities["registry", "1"]  # the proxy, by his IIN beside his name


def test_a_contacts_cell_of_a_phone_and_an_e_mail_is_the_applicants_phone(tmp_path: Path) -> None:
    rows = ["Заявитель;ИИН заявителя;Контакты;В интересах (ФИО, ИИН)"]
    for k in range(30):
        phone = f"+7 705 {k:03d} 15 43" + (f", e-mail: user{k}@mail.kz" if k % 2 else "")
        rows.append(f"{SURNAMES[k % 18]} {FIRSTS[k % 8]};{valid_iin(_born(k), 3000 + k) if k % 3 else ''};{phone};"
                    + (f"{SURNAMES[(k + 4) % 18]} {FIRSTS[(k + 5) % 8]}" if k % 4 == 0 else ""))
    (tmp_path / "otinish.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    _, said = link_out(tmp_path, "otinish.csv")
    assert "Контакты = phone" in said and "person 1: Заявитель = full name" in said, said
