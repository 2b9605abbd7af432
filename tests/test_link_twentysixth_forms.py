"""Files a twenty-sixth writer's extracts showed (issue 16): a web system's HTML table saved as .xls (its
code page in a meta tag, entities escaped twice); a spreadsheet range from the Google Sheets API (the header its
first row, trailing empty cells left out); a JSON:API document whose records name their persons by type and id; a
Turkish ERP's CSV in Windows-1254; the mysql client's boxed table pasted from a terminal (NULL, zero dates, UTF-8
read twice); keys in kebab-case (last-name); a name column where some hold a first name alone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.conftest import link_out, valid_iin
from ukimet.connect.classify import classify_column, name_kinds
from ukimet.connect.connectors.files import CsvConnector, ExcelConnector
from ukimet.connect.connectors.jsonfile import JsonConnector
from ukimet.connect.encoding import detect_encoding, mended

SURNAMES = ["Абенов", "Садыков", "Жумабаев", "Ахметов", "Сейтказин", "Омаров", "Нурланов", "Бекмухамбетов"]
FIRSTS = ["Арман", "Болат", "Ерлан", "Нурлан", "Серик", "Данияр", "Кайрат", "Талгат"]


def _born(k: int) -> dt.date:
    return dt.date(1960 + (k * 7) % 40, 1 + k % 12, 1 + k % 27)


def _rows(n: int = 16) -> list[tuple[str, str, dt.date, str]]:
    return [(SURNAMES[k % 8], FIRSTS[(k * 3) % 8], _born(k), valid_iin(_born(k), 100 + k)) for k in range(n)]


def _rows_of(connector: CsvConnector | ExcelConnector | JsonConnector) -> list[dict[str, object]]:
    (table,) = connector.tables()
    return [r for b in connector.read(table, 1000) for r in b.to_pylist()]


def test_an_html_table_saved_as_xls_is_a_sheet_in_the_code_page_its_page_names(tmp_path: Path) -> None:
    cells = "".join(f"<tr><td>{k + 1}</td><td>{s} {f}</td><td>{b:%d.%m.%Y}</td><td>{i}</td><td>&nbsp;</td></tr>"
                    for k, (s, f, b, i) in enumerate(_rows()))
    page = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=windows-1251"></head><body><h3>Реестр маломерных судов</h3>'
            '<table border="1"><tr><th>№</th><th>Собственник (Ф.И.О.)</th><th>Дата рождения</th><th>ИИН</th>'
            f'<th>Совладелец</th></tr>{cells}<tr><td colspan="3">Итого</td><td>16</td><td></td></tr>'
            '</table></body></html>')
    page = page.replace("Садыков", "Садыков &amp;#1179;")  # a letter its system escaped twice
    (tmp_path / "vessels.xls").write_bytes(page.encode("cp1251", errors="xmlcharrefreplace"))
    rows = _rows_of(ExcelConnector("v", str(tmp_path / "vessels.xls")))
    assert rows[0]["Собственник (Ф.И.О.)"] == "Абенов Арман" and rows[0]["Совладелец"] is None
    assert rows[1]["Собственник (Ф.И.О.)"] == "Садыков қ Нурлан"  # &amp;#1179; read twice: қ
    _, said = link_out(tmp_path, "vessels.xls")
    assert "Собственник (Ф.И.О.) = full name" in said and "ИИН = iin" in said, said


def test_a_rowspan_holds_its_value_in_every_row_it_covers() -> None:
    from ukimet.connect.connectors.html_table import _spread

    assert _spread([[("a", 1, 2), ("b", 2, 1)], [("c", 1, 1)]]) == [("a", "b", None), ("a", "c")]


def test_a_google_sheets_range_is_a_table_its_header_the_first_row(tmp_path: Path) -> None:
    header = ["№", "Комн.", "Арендатор", "Д/р арендатора", "ИИН арендатора", "Примечание"]
    values = [header] + [[str(k + 1), "2", f"{s} {f}", f"{b:%d.%m.%Y}", i] + (["срочно"] if k % 5 == 0 else [])
                         for k, (s, f, b, i) in enumerate(_rows())]  # the API leaves trailing empty cells out
    (tmp_path / "rent.json").write_text(json.dumps({"range": "'Сделки'!A1:F17", "majorDimension": "ROWS",
                                                    "values": values}, ensure_ascii=False), encoding="utf-8")
    connector = JsonConnector("r", str(tmp_path / "rent.json"))
    (table,) = connector.tables()
    assert table.column_names == tuple(header) and table.row_count == 16  # Комн. keeps its dot
    rows = _rows_of(connector)
    assert rows[0]["Примечание"] == "срочно" and rows[1]["Примечание"] is None and rows[1]["Арендатор"] == \
        "Садыков Нурлан"


def test_a_json_api_documents_records_hold_the_persons_they_name_by_type_and_id(tmp_path: Path) -> None:
    people = _rows()
    included = [{"type": "inmates" if k < 8 else "visitors", "id": f"p{k}", "attributes": {
        "last-name": s, "first-name": f, "birth-date": f"{b:%Y-%m-%d}", "iin": i}}
        for k, (s, f, b, i) in enumerate(people)]
    data = [{"type": "visit-requests", "id": str(100 + r), "attributes": {"visit-date": "2016-03-13"},
             "relationships": {"inmate": {"data": {"type": "inmates", "id": f"p{r % 8}"}},
                               "visitors": {"data": [{"type": "visitors", "id": f"p{8 + r % 8}",
                                                      "meta": {"relation": "жена"}}]},
                               "reviewed-by": {"data": {"type": "staff", "id": "st-1"}}}} for r in range(12)]
    (tmp_path / "visits.json").write_text(json.dumps({"jsonapi": {"version": "1.0"}, "data": data,
                                                      "included": included}, ensure_ascii=False), encoding="utf-8")
    rows = _rows_of(JsonConnector("v", str(tmp_path / "visits.json")))
    assert len(rows) == 12 and rows[0]["inmate.last-name"] == "Абенов" and rows[0]["visitors.1.relation"] == "жена"
    assert rows[0]["reviewed-by.id"] == "st-1"  # an object the document does not hold stays its type and id
    entities, said = link_out(tmp_path, "visits.json")
    assert "inmate.last-name = surname" in said and "visitors.1.first-name = first name" in said, said
    assert entities["visits", "1"] == entities["visits", "9"] != entities["visits", "1#2"]  # p0 both times
    assert entities["visits", "1#2"] == entities["visits", "9#2"]


def test_a_turkish_code_page_is_read_as_turkish_and_a_cyrillic_one_stays_cyrillic(tmp_path: Path) -> None:
    lines = ["Cari Ünvanı;Adı;Soyadı;Doğum Tarihi;Kimlik No;İl"] + [
        f"İZTURĞANOVA GÜLŞAT;Gülşat;İzturğanova;{b:%d.%m.%Y};{i};Atyrau" for _, _, b, i in _rows()]
    sample = "\n".join(lines).encode("cp1254")
    assert detect_encoding(sample)[0] == "cp1254"
    cyrillic = "\n".join(f"{s} {f};{b:%d.%m.%Y};Aхметов" for s, f, b, _ in _rows()).encode("cp1251")
    assert detect_encoding(cyrillic)[0] == "cp1251"  # a Latin A typed inside a Cyrillic word changes nothing


def test_a_mysql_clients_table_is_read_between_its_bars_with_null_and_zero_dates_as_no_value(tmp_path: Path) -> None:
    twice = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                    for b in "Абенов Арман".encode())  # UTF-8 read as Windows-1252 and written again
    assert mended("ÐœÑƒÐºÐ°ÑˆÐµÐ²") == "Мукашев" and mended("Müller") == "Müller"
    border = "+----+------------------------+-------------+------------+------------+"
    lines = ["mysql> SELECT id, customer, customer_iin, hero, hero_birth FROM bookings;", border,
             "| id | customer               | customer_iin | hero       | hero_birth |", border]
    for k, (s, f, b, i) in enumerate(_rows()):
        name = f"{s} {f}" if k else twice
        hero = "NULL" if k % 2 else f"{FIRSTS[k % 8]}"
        born = "0000-00-00" if k % 2 else f"{b:%Y-%m-%d}"
        lines.append(f"| {k + 1:>2} | {name:<22} | {i:<12} | {hero:<10} | {born:<10} |")
    lines += [border, "16 rows in set (0.01 sec)", ""]
    (tmp_path / "bookings.txt").write_text("\n".join(lines), encoding="utf-8")
    connector = CsvConnector("b", str(tmp_path / "bookings.txt"))
    (table,) = connector.tables()
    assert table.column_names == ("id", "customer", "customer_iin", "hero", "hero_birth") and table.row_count == 16
    rows = _rows_of(connector)
    assert rows[1]["hero"] is None and rows[1]["hero_birth"] is None and rows[2]["customer"] == "Жумабаев Кайрат"
    assert rows[0]["customer"] != "Абенов Арман" and mended(str(rows[0]["customer"])) == "Абенов Арман"


def test_a_psql_clients_table_is_read_under_its_rule(tmp_path: Path) -> None:
    lines = [" id | surname  | first_name |     iin", "----+----------+------------+--------------"] + [
        f" {k + 1:>2} | {s:<8} | {f:<10} | {i}" for k, (s, f, _, i) in enumerate(_rows())] + ["(16 rows)", ""]
    (tmp_path / "people.txt").write_text("\n".join(lines), encoding="utf-8")
    rows = _rows_of(CsvConnector("p", str(tmp_path / "people.txt")))
    assert len(rows) == 16 and {k: rows[0][k] for k in ("id", "surname", "first_name", "iin")} == {
        "id": "1", "surname": "Абенов", "first_name": "Арман", "iin": _rows()[0][3]}


def test_kebab_case_keys_and_a_column_of_names_some_a_first_name_alone_are_read_as_persons() -> None:
    assert name_kinds("last-name") == {"surname"} and name_kinds("birth-date") == {"birth_date"}
    groom = [f"{s} {f}" if k % 3 else f for k, (s, f, _, _) in enumerate(_rows(60))]
    assert classify_column("s", "t", "groom", "text", groom).semantic_type == "full_name"
    towns = ["Атырау", "Кульсары", "Макат", "Доссор"] * 15
    assert classify_column("s", "t", "town", "text", towns).semantic_type != "full_name"


def test_a_dynamodb_exports_typed_values_are_the_plain_values_they_stand_for(tmp_path: Path) -> None:
    lines = []
    for k, (s, f, b, i) in enumerate(_rows()):
        item = {"pk": {"S": f"FAN#{k}"}, "lastName": {"S": s}, "firstName": {"S": f}, "iin": {"S": i},
                "birthDate": {"S": f"{b:%Y-%m-%d}"}, "phones": {"SS": [f"+7701{k:07d}"]},
                "consent": {"BOOL": True}, "email": {"NULL": True}}
        if k % 4 == 0:
            item["kids"] = {"L": [{"M": {"name": {"S": f"{FIRSTS[(k + 1) % 8]} {s}"},
                                         "birthYear": {"N": "2012"}}}]}
        lines.append(json.dumps({"Item": item}, ensure_ascii=False))
    (tmp_path / "fans.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    connector = JsonConnector("f", str(tmp_path / "fans.json"))
    (table,) = connector.tables()
    assert {"lastName", "firstName", "iin", "kids.1.name", "kids.1.birthYear"} <= set(table.column_names)
    row = _rows_of(connector)[0]
    assert row["lastName"] == "Абенов" and row["phones"] == "+77010000000" and row["email"] is None
    assert row["kids.1.birthYear"] == "2012"
