"""Files and values an eighteenth writer's extracts showed (issue 16): an export with # lines above its header and
an address over two lines in a quoted cell; a Parquet time of birth with its zone (midnight in Almaty); JSON Lines
whose keys hold spaces (Глава семьи, Члены семьи: a family's head and a list of its members); a player's name in
Latin and again in Cyrillic (one person, not two); dates typed with spaces (09 07 1978)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tests.conftest import link_out
from ukimet.connect.catalog import CatalogColumn
from ukimet.core.dates import parse_date
from ukimet.link.records import parties


def test_an_export_with_comment_lines_and_addresses_over_two_lines_is_read_row_by_row(tmp_path: Path) -> None:
    lines = ["# Экспорт из ИС «Аңшы-Балықшы»", "# Период: 01.01.2015 - 31.12.2024, районы: все, вид: все", "#",
             "Номер разрешения,Пользователь (ФИО),Дата рожд.,Адрес пользователя"]
    surnames, firsts = ["Керимов", "Соколов", "Климович", "Ахметов", "Омаров", "Ким", "Исаев", "Петров"], \
        ["Эльчин", "Сергей", "Тимур", "Нурлан", "Ерлан", "Виктор", "Арман", "Олег", "Данияр", "Руслан"]
    for k in range(12000):  # 4,000 persons, 3 permits each; 1.8 MB: the reader's blocks end inside addresses
        person = k % 4000
        born = dt.date(1950 + person % 50, 1 + person % 12, 1 + person % 28)
        lines.append(f"РБ-{k:05d},{surnames[person % 8]} {firsts[person // 8 % 10]},{born:%d.%m.%Y},"
                     f'"Петропавловск г.\nул. Шухова, д. {person}"')
    (tmp_path / "permits.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    entity, said = link_out(tmp_path, "permits.csv")
    assert "Пользователь (ФИО) = full name" in said and "Дата рожд. = birth date" in said
    assert len(entity) == 12000  # every permit read, none lost to a value over two lines
    assert all(entity[("permits", str(p + 1))] == entity[("permits", str(p + 4001))] for p in range(4000))


def test_a_time_of_birth_with_its_zone_is_the_day_of_that_zone(tmp_path: Path) -> None:
    almaty = dt.timezone(dt.timedelta(hours=6))
    born = [dt.datetime(2006, 9, 1, tzinfo=almaty), dt.datetime(2001, 8, 19, tzinfo=almaty)]
    pq.write_table(pa.table({"Name": ["MAKSATULY Baurzhan", "Elizaveta PETROVA"],
                             "ФИО": ["Мақсатұлы Бауыржан", "Петрова Елизавета Андреевна"],
                             "Date of Birth": pa.array(born, pa.timestamp("ms", tz="+06:00"))}),
                   tmp_path / "players.parquet")
    with (tmp_path / "registry.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["Тегі", "Аты", "Туған күні"], ["Мақсатұлы", "Бауыржан", "01.09.2006"],
                                 ["Петрова", "Елизавета", "19.08.2001"]])
    entity, said = link_out(tmp_path, "players.parquet", "registry.csv")
    assert "person 2" not in said  # the name in Cyrillic is the player's again, not a second person
    assert entity[("players", "1")] == entity[("registry", "1")]
    assert entity[("players", "2")] == entity[("registry", "2")]


def _column(name: str, kind: str) -> CatalogColumn:
    return CatalogColumn("t", name, "varchar", kind, 1.0, "personal", "classifier", "")


def test_keys_with_spaces_name_a_familys_head_and_each_member_of_its_list() -> None:
    columns = [_column("Глава семьи.ФИО", "full_name"), _column("Глава семьи.Дата рождения", "birth_date"),
               _column("Глава семьи.ИИН", "iin"), _column("Адрес проживания (подтоплен)", "address")]
    for k in (1, 2):
        columns += [_column(f"Члены семьи.{k}.ФИО", "full_name"), _column(f"Члены семьи.{k}.ИИН", "iin")]
    found = {p.party: p.columns for p in parties(columns, ())}
    assert found["глава семьи"] == {"full_name": "Глава семьи.ФИО", "birth_date": "Глава семьи.Дата рождения",
                                    "iin": "Глава семьи.ИИН"}
    assert found["члены семьи.2"] == {"full_name": "Члены семьи.2.ФИО", "iin": "Члены семьи.2.ИИН"}


def test_a_name_column_named_otherwise_beside_the_persons_name_is_someone_else() -> None:
    columns = [_column("Patient", "full_name"), _column("Emergency Contact", "full_name")]
    assert len(parties(columns, ())) == 2


def test_a_date_typed_with_spaces_is_a_date() -> None:
    assert parse_date("09 07 1978") == dt.date(1978, 7, 9)
    assert parse_date("12 345 1990") is None


def test_jsonl_lines_with_a_nested_list_of_members_are_each_members_record(tmp_path: Path) -> None:
    surnames = ["Сеитов", "Ахметов", "Омаров", "Касымов", "Жумабаев", "Бекенов", "Нурланов", "Тулегенов"]
    rows = [{"Анкета №": k + 1, "Глава семьи": {"ФИО": f"{surname} Нурлан Серикович", "Дата рождения": "1953"},
             "Члены семьи": [{"ФИО": f"{surname}а Бибигуль", "Родство": "жена"},
                             {"ФИО": f"{surname} Арман", "Родство": "сын"}]} for k, surname in enumerate(surnames)]
    (tmp_path / "flood.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                         encoding="utf-8")
    entity, said = link_out(tmp_path, "flood.jsonl")
    assert "Члены семьи.2.ФИО = full name" in said
    assert {("flood", "1"), ("flood", "1#2"), ("flood", "1#3")} <= set(entity) and len(set(entity.values())) == 24
