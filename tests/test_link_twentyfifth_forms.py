"""Files a twenty-fifth writer's extracts showed (issue 16): a chess federation's rating list printed in columns of
fixed width, a block a year; a garden cooperative's Excel 2003 XML workbook saved as .xls; a German society's
Firebase export, its members keyed by push ids, with German keys, month names and spellings; R's ``write.csv`` of a
guardianship register (``Дата.рождения.1``: the guardian's); a medical insurer's list whose header is written
twice, in Kazakh and in Russian; a service centre's Elasticsearch ``_bulk`` file, an action line before each
document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.conftest import link_out, valid_iin
from ukimet.connect.connectors import fixed_width
from ukimet.connect.connectors.files import CsvConnector, ExcelConnector
from ukimet.connect.connectors.jsonfile import JsonConnector
from ukimet.core.dates import parse_date
from ukimet.link.names import name_key

SURNAMES = ["Абенов", "Садыков", "Бекова", "Нурланова", "Жумабаев", "Ахметов", "Сейткали", "Омарова"]
LATIN = ["Abenov", "Sadykov", "Bekova", "Nurlanova", "Zhumabaev", "Akhmetov", "Seitkali", "Omarova"]
FIRSTS = ["Ақжол", "Алихан", "Сауле", "Дана", "Ерлан", "Арман", "Ерасыл", "Асем"]
FIRSTS_LATIN = ["Akzhol", "Alikhan", "Saule", "Dana", "Erlan", "Arman", "Erasyl", "Asem"]


def _born(k: int) -> dt.date:
    return dt.date(1960 + (k * 7) % 40, 1 + k % 12, 1 + k % 27)


def test_a_report_printed_in_fixed_width_is_a_table_and_its_blocks_titles_and_headers_are_no_rows(
        tmp_path: Path) -> None:
    lines = []
    for year in (2013, 2014):
        lines += ["", f"Kostanay Regional Chess Federation - rating list 01.01.{year} (FIDE standard)",
                  "ID Number      Name                         Fed Sex B-day IIN          Club"]
        for k in range(12):
            born = _born(k)
            lines.append(f"{13705000 + k:<15}{LATIN[k % 8] + ', ' + FIRSTS_LATIN[k % 8]:<29}KAZ {'FM'[k % 2]:<4}"
                         f"{born.year:<6}{valid_iin(born, 100 + k):<13}{'Rudny Chess' if k % 3 else 'Arkalyk'}")
    (tmp_path / "rating.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = CsvConnector("r", str(tmp_path / "rating.txt")).tables()
    assert table.column_names[:3] == ("ID Number", "Name", "Fed") and table.row_count == 24
    rows = [r for b in CsvConnector("r", str(tmp_path / "rating.txt")).read(table, 100) for r in b.to_pylist()]
    assert rows[0]["Name"] == "Abenov, Akzhol" and rows[12]["Name"] == "Abenov, Akzhol"  # the second year's block
    assert rows[1]["Club"] == "Rudny Chess"  # a value's own space splits nothing
    entities, said = link_out(tmp_path, "rating.txt")
    assert "Name = full name" in said and "B-day = birth date" in said, said
    assert entities["rating", "1"] == entities["rating", "13"] != entities["rating", "2"]


def test_a_delimited_file_is_never_read_as_fixed_width(tmp_path: Path) -> None:
    rows = ["id,surname,first_name,birth"] + [f"{k},{SURNAMES[k % 8]:<12},{FIRSTS[k % 8]:<8},{_born(k):%d.%m.%Y}"
                                              for k in range(20)]
    (tmp_path / "people.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (table,) = CsvConnector("p", str(tmp_path / "people.csv")).tables()
    assert not table.options.get("fixed_width") and table.column_names == ("id", "surname", "first_name", "birth")
    assert fixed_width.spans(["a b", "c d"]) is None  # too few lines and columns to be a table


def _spreadsheet_xml(rows: list[list[str]]) -> str:
    def cell(value: str) -> str:
        if not value:
            return ""
        kind = "Number" if value.isdigit() and len(value) < 12 else "DateTime" if value.startswith("19") else "String"
        return f'<Cell><Data ss:Type="{kind}">{value}</Data></Cell>'

    body = "".join(f"<Row>{''.join(cell(v) for v in r)}</Row>" for r in rows)
    return ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Ведомость"><Table>'
            '<Row><Cell><Data ss:Type="String">Ведомость членских взносов СНТ «Берёзка»</Data></Cell></Row>'
            '<Row ss:Index="3"><Cell ss:MergeDown="1"><Data ss:Type="String">№ уч.</Data></Cell>'
            '<Cell ss:MergeAcross="2"><Data ss:Type="String">Член товарищества</Data></Cell>'
            '<Cell ss:MergeDown="1"><Data ss:Type="String">Взнос</Data></Cell></Row>'
            '<Row><Cell ss:Index="2"><Data ss:Type="String">ФИО</Data></Cell>'
            '<Cell><Data ss:Type="String">Дата рождения</Data></Cell>'
            '<Cell><Data ss:Type="String">ИИН</Data></Cell></Row>'
            f'{body}</Table></Worksheet></Workbook>')


def test_an_excel_2003_xml_workbook_saved_as_xls_is_read_with_its_two_row_header(tmp_path: Path) -> None:
    rows = []
    for k in range(16):
        born = _born(k % 8)
        rows.append([str(k + 1), f"{SURNAMES[k % 8]} {FIRSTS[k % 8]}", f"{born:%Y-%m-%d}T00:00:00.000",
                     valid_iin(born, 200 + k % 8) if k % 3 else "", str(15000 + k)])
    (tmp_path / "snt.xls").write_text(_spreadsheet_xml(rows), encoding="utf-8")
    (table,) = ExcelConnector("s", str(tmp_path / "snt.xls")).tables()
    assert table.column_names == ("№ уч.", "Член товарищества ФИО", "Член товарищества Дата рождения",
                                  "Член товарищества ИИН", "Взнос") and table.row_count == 16
    entities, said = link_out(tmp_path, "snt.xls")
    assert "Член товарищества ФИО = full name" in said, said
    assert entities["snt", "1"] == entities["snt", "9"] != entities["snt", "2"]


def test_an_xml_workbook_declaring_entities_is_refused_not_expanded(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>'
            '&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>')
    (tmp_path / "bomb.xls").write_text(bomb, encoding="utf-8")
    (table,) = ExcelConnector("b", str(tmp_path / "bomb.xls")).tables()
    assert "error" in table.options and "Entit" in table.options["error"], table.options


def test_records_keyed_by_their_ids_are_records_and_german_keys_and_spellings_are_read(tmp_path: Path) -> None:
    members = {}
    for k in range(10):
        born = _born(k)
        members[f"-GSrx{k:02d}fvZoZ-R-MZp0r"] = {
            "nachname": ["Wagner", "Frolow", "Becker", "Schmidt", "Iwanowa"][k % 5], "vorname": "Anna",
            "geburtsdatum": f"{born.day}. {['Januar', 'Februar', 'März', 'Mai', 'Dezember'][k % 5]} {born.year}",
            "geschlecht": "w", "adresse": {"ort": "Kostanai"}}
    (tmp_path / "verein.json").write_text(json.dumps({"mitglieder": members}, ensure_ascii=False), encoding="utf-8")
    (table,) = JsonConnector("v", str(tmp_path / "verein.json")).tables()
    assert table.row_count == 10 and "nachname" in table.column_names and table.column_names[0] == "_key"
    assert parse_date("3. März 1976") == dt.date(1976, 3, 3) and parse_date("17. Dezember 1971") == \
        dt.date(1971, 12, 17)
    assert name_key("Wagner") == name_key("Вагнер") and name_key("Frolowa") == name_key("Фролова")
    assert name_key("Petrowna") == name_key("Петровна")
    _, said = link_out(tmp_path, "verein.json")
    assert "nachname = surname, vorname = first name, geburtsdatum = birth date" in said, said


def test_a_few_named_parts_of_one_record_stay_one_record(tmp_path: Path) -> None:
    record = {"person": {"surname": "Абенов", "first_name": "Ақжол"}, "spouse": {"surname": "Абенова"},
              "address": {"city": "Рудный"}}
    (tmp_path / "one.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (table,) = JsonConnector("o", str(tmp_path / "one.json")).tables()
    assert table.row_count == 1 and "person.surname" in table.column_names


def test_an_elasticsearch_bulk_file_is_its_documents_not_its_action_lines(tmp_path: Path) -> None:
    lines = []
    for k in range(12):
        born = _born(k % 6)
        lines.append(json.dumps({"index": {"_index": "eqm-2021.01", "_id": f"UHNEdG8V{k:04d}"}}))
        lines.append(json.dumps({"ticket": f"Б-{k:03d}", "client": {
            "iin": valid_iin(born, 300 + k % 6), "fio": f"{SURNAMES[k % 6]} {FIRSTS[k % 6]}",
            "birth_date": f"{born:%Y-%m-%d}"}}, ensure_ascii=False))
    (tmp_path / "queue.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = JsonConnector("q", str(tmp_path / "queue.jsonl")).tables()
    assert table.row_count == 12 and "index._index" not in table.column_names and "_id" in table.column_names
    entities, _ = link_out(tmp_path, "queue.jsonl")
    assert len([k for k in entities if k[0] == "queue"]) == 12
    assert entities["queue", "1"] == entities["queue", "7"] != entities["queue", "2"]


def test_r_write_csv_columns_written_again_are_the_next_persons_and_its_row_names_no_one(tmp_path: Path) -> None:
    head = ('"","ФИО.ребенка","Дата.рождения","ИИН","ФИО.опекуна","Дата.рождения.1","ИИН.1","ФИО.супруга.опекуна",'
            '"Дата.рождения.2","ФИО.матери","Инспектор"')
    rows = [head]
    for k in range(16):
        p = k % 8
        child, guardian, spouse = dt.date(2012, 1 + p, 3 + p), _born(p), _born(p + 20)
        rows.append(f'"{100 + k}","{SURNAMES[p]} {FIRSTS[p]}",{child:%Y-%m-%d},{valid_iin(child, 400 + p)},'
                    f'"{SURNAMES[(p + 1) % 8]} {FIRSTS[(p + 1) % 8]}",{guardian:%Y-%m-%d},'
                    f'{valid_iin(guardian, 500 + p)},"{SURNAMES[(p + 2) % 8]} {FIRSTS[(p + 2) % 8]}",'
                    f'{spouse:%Y-%m-%d},NA,"Лебедев Д.Ж."')
    (tmp_path / "guardians.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "guardians.csv")
    assert "person 1: ФИО.ребенка = full name, Дата.рождения = birth date, ИИН = iin" in said, said
    assert "person 2: ФИО.опекуна = full name, Дата.рождения.1 = birth date, ИИН.1 = iin" in said, said
    assert "person 3: ФИО.супруга.опекуна = full name, Дата.рождения.2 = birth date" in said, said
    assert entities["guardians", "1"] == entities["guardians", "9"] != entities["guardians", "1#2"]


def test_a_header_written_again_in_a_second_language_is_no_record(tmp_path: Path) -> None:
    rows = ["Полис №,Сақтандырылған Т.А.Ә.,Туған күні,ЖСН,Жынысы",
            "№ полиса,ФИО застрахованного,Дата рождения,ИИН,Пол"]
    for k in range(10):
        born = _born(k % 5)
        rows.append(f"ДМС-{k:04d},{SURNAMES[k % 5]} {FIRSTS[k % 5]},{born:%d.%m.%Y},{valid_iin(born, 600 + k % 5)},М")
    (tmp_path / "dms.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (table,) = CsvConnector("d", str(tmp_path / "dms.csv")).tables()
    assert table.row_count == 10 and table.column_names[3] == "ЖСН / ИИН"
    first = next(CsvConnector("d", str(tmp_path / "dms.csv")).read(table, 100)).to_pylist()[0]
    assert first["Полис № / № полиса"] == "ДМС-0000"
    entities, _ = link_out(tmp_path, "dms.csv")
    assert entities["dms", "1"] == entities["dms", "6"] != entities["dms", "2"]


def test_a_row_of_words_under_the_header_that_names_nothing_is_a_record(tmp_path: Path) -> None:
    """No digit in it, as a second header has none, but no column named: the table's first person."""
    (tmp_path / "t.csv").write_text("Фамилия,Имя,Отчество,Город\nАхметов,Арман,Серикович,Рудный\n"
                                    "Бекова,Сауле,Ержановна,Аркалык\n", encoding="utf-8")
    (table,) = CsvConnector("t", str(tmp_path / "t.csv")).tables()
    assert table.row_count == 2 and table.column_names == ("Фамилия", "Имя", "Отчество", "Город")
