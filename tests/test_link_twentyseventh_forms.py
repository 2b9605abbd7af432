"""Files a twenty-seventh writer's extracts showed (issue 16): a registry's exchange file of typed lines (H, D, A,
T); a paged API's pages written back to back in one JSON file; a Kafka topic in Avro's JSON encoding; a register
converted from a PDF to a workbook (the header again on each page, its page numbers, entries wrapped onto a second
row, a date of birth and the IIN in one cell); a billing system's cards (a label and a value a row)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from tests.conftest import link_out, valid_iin
from ukimet.connect.classify import classify_column
from ukimet.connect.connectors.files import CsvConnector, ExcelConnector
from ukimet.connect.connectors.jsonfile import JsonConnector
from ukimet.core.ids import normalise_number

SURNAMES = ["АБЕНОВ", "САДЫКОВ", "ЖУМАБАЕВ", "АХМЕТОВ", "СЕЙТКАЗИН", "ОМАРОВ", "НУРЛАНОВ", "БЕКМУХАМБЕТОВ"]
FIRSTS = ["АРМАН", "БОЛАТ", "ЕРЛАН", "НУРЛАН", "СЕРИК", "ДАНИЯР", "КАЙРАТ", "ТАЛГАТ"]


def _born(k: int) -> dt.date:
    return dt.date(1960 + (k * 7) % 40, 1 + k % 12, 1 + k % 27)


def _rows_of(connector: CsvConnector | ExcelConnector | JsonConnector) -> list[dict[str, object]]:
    (table,) = connector.tables()
    return [r for b in connector.read(table, 1000) for r in b.to_pylist()]


def test_typed_lines_make_a_row_of_each_record_with_the_addendum_under_it(tmp_path: Path) -> None:
    lines = ["H|ZRREG|2.1|850124997760|ТОО Элеватор|20241205|12"]
    for k in range(12):
        lines.append(f"D|{k + 1:06d}|ЗР-{k:04d}|20140826|КХ|{valid_iin(_born(k), 200 + k)}|"
                     f"{SURNAMES[k % 8]} {FIRSTS[k % 8]}||ПШЕНИЦА|3|81952{k}|ПОГАШЕНА")
        if k % 3 == 0:
            lines.append(f"A|{k + 1:06d}|{'ДОВЕРЕННОЕ ЛИЦО' if k % 2 else 'ПРЕДСТАВИТЕЛЬ'}|"
                         f"{SURNAMES[(k + 3) % 8]} {FIRSTS[(k + 5) % 8]}|"
                         f"{valid_iin(_born(k + 40), 500 + k)}|87765001051")
    lines.append("T|12|4|147334682")
    (tmp_path / "receipts.txt").write_text("\r\n".join(lines) + "\r\n", encoding="cp1251")
    rows = _rows_of(CsvConnector("r", str(tmp_path / "receipts.txt")))
    assert len(rows) == 12  # the D lines; the H and T lines are no rows
    assert rows[0]["column_2"] == "000001" and rows[0]["line_A.column_4"] == "АХМЕТОВ ДАНИЯР"
    assert rows[1]["line_A.column_4"] is None
    entities, said = link_out(tmp_path, "receipts.txt")
    assert "person 2: line_A.column_4 = full name" in said, said
    assert ("receipts", "1#2") in entities and entities["receipts", "1#2"] != entities["receipts", "1"]


def test_a_column_of_codes_is_no_kind_of_line(tmp_path: Path) -> None:
    lines = ["sex|surname|first"] + [f"{'MF'[k % 2]}|{SURNAMES[k % 8]}|{FIRSTS[k % 8]}" for k in range(20)]
    (tmp_path / "people.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(_rows_of(CsvConnector("p", str(tmp_path / "people.txt")))) == 20


def test_pages_of_a_paged_api_written_back_to_back_are_one_list_of_records(tmp_path: Path) -> None:
    pages = [{"content": [{"id": p * 3 + k, "owner": {"iin": valid_iin(_born(p * 3 + k), 300 + k)}}
                          for k in range(3)], "number": p, "totalPages": 3} for p in range(3)]
    (tmp_path / "fines.json").write_text("".join(json.dumps(p) for p in pages), encoding="utf-8")
    rows = _rows_of(JsonConnector("f", str(tmp_path / "fines.json")))
    assert [r["id"] for r in rows] == [str(n) for n in range(9)] and "owner.iin" in rows[0]


def test_avro_json_unions_are_the_values_they_wrap(tmp_path: Path) -> None:
    lines = [{"orderId": f"o{k}", "vehiclePlate": {"string": "948CNK03"} if k % 2 else None,
              "buyer": {"kz.park.ticketing.Buyer": {"iin": {"string": valid_iin(_born(k), 400 + k)},
                                                    "fullName": f"{SURNAMES[k % 8]} {FIRSTS[k % 8]}"}},
              "visitors": [{"name": FIRSTS[k % 8], "birthDate": {"int": 13468}}]} for k in range(6)]
    (tmp_path / "tickets.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                            encoding="utf-8")
    rows = _rows_of(JsonConnector("t", str(tmp_path / "tickets.jsonl")))
    assert rows[1]["buyer.iin"] == valid_iin(_born(1), 401) and rows[1]["vehiclePlate"] == "948CNK03"
    assert rows[0]["visitors.1.birthDate"] == "13468"


def test_a_register_converted_from_pdf_pages_has_one_row_an_entry(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    header = ["№ п/п", "Ф.И.О. владельца", "Дата рождения, ИИН", "Адрес регистрации", "Вид оружия"]
    sheet.append(["Реестр владельцев гражданского оружия"])
    sheet.append(header)
    for k in range(30):
        if k and k % 10 == 0:  # a new page: its number, the header again (split over two rows once)
            sheet.append([f"Страница {k // 10} из 3"])
            if k == 10:
                sheet.append(["№ п/п", "Ф.И.О.", "Дата рождения,", "Адрес", "Вид"])
                sheet.append([None, "владельца", "ИИН", "регистрации", "оружия"])
            else:
                sheet.append(header)
        born = _born(k)
        sheet.append([k + 1, f"{SURNAMES[k % 8].title()} {FIRSTS[k % 8].title()}",
                      f"{born:%d.%m.%Y}\n{valid_iin(born, 600 + k)}", "г. Кокшетау, ул. Абая,", "ружьё"])
        sheet.append([None, None, None, f"д. {k + 1}", None])  # the address wrapped onto a second row
    book.save(tmp_path / "register.xlsx")
    rows = [r for r in _rows_of(ExcelConnector("r", str(tmp_path / "register.xlsx"))) if not r["__ukimet_reason"]]
    assert [r["№ п/п"] for r in rows] == [str(k + 1) for k in range(30)]
    assert rows[12]["Адрес регистрации"] == "г. Кокшетау, ул. Абая, д. 13"
    assert normalise_number(rows[0]["Дата рождения, ИИН"]) == valid_iin(_born(0), 600)


def test_a_sheet_of_cards_is_a_table_of_their_labels(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ТОО «Телеком». Карточки абонентов"])
    sheet.append([])
    for k in range(8):
        sheet.append(["Карточка абонента", f"Л/с 1813{k:02d}"])
        sheet.append(["Абонент", f"{SURNAMES[k]} {FIRSTS[k]}"])
        sheet.append(["ИИН", valid_iin(_born(k), 700 + k)])
        sheet.append(["Статус", "Активен" if k % 4 else f"Расторгнут 1{k}.11.2018"])
        sheet.append([])
    book.save(tmp_path / "cards.xlsx")
    rows = _rows_of(ExcelConnector("c", str(tmp_path / "cards.xlsx")))
    assert len(rows) == 8 and rows[2]["Абонент"] == f"{SURNAMES[2]} {FIRSTS[2]}"
    assert rows[2]["ИИН"] == valid_iin(_born(2), 702)


def test_a_status_on_most_rows_is_no_given_name() -> None:
    values = ["Активен"] * 80 + [f"Расторгнут {k:02d}.11.2018" for k in range(1, 25)]
    assert classify_column("c", "t", "Статус", "text", values).semantic_type != "first_name"


def test_a_first_name_alone_beside_the_rows_person_of_that_name_is_that_person(tmp_path: Path) -> None:
    lines = [{"orderId": f"o{k}", "buyer": {"iin": valid_iin(_born(k), 800 + k),
                                           "fullName": f"{SURNAMES[k % 8]} {FIRSTS[k % 8]}"},
              "visitors": [{"name": FIRSTS[k % 8].title() if k % 2 else
                            f"{FIRSTS[k % 8].title()} {SURNAMES[k % 8].title()}", "category": "ADULT", "iin": None},
                           {"name": f"{SURNAMES[(k + 3) % 8].title()} {FIRSTS[(k + 1) % 8].title()}",
                            "category": "ADULT", "iin": valid_iin(_born(k + 50), 900 + k) if k % 4 == 0 else None}]}
             for k in range(16)]
    (tmp_path / "tickets.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                            encoding="utf-8")
    entities, _ = link_out(tmp_path, "tickets.jsonl")
    for k in range(1, 17):
        assert entities["tickets", f"{k}#2"] == entities["tickets", str(k)], k  # the buyer, by his (first) name
        assert entities["tickets", f"{k}#3"] != entities["tickets", str(k)], k  # someone of another name


def test_a_date_written_in_words_is_the_date() -> None:
    from ukimet.core.dates import parse_date

    assert parse_date("Седьмое марта тысяча девятьсот семьдесят первого года") == dt.date(1971, 3, 7)
    assert parse_date("Двадцать четвёртое ноября тысяча девятьсот семьдесят девятого года") == dt.date(1979, 11, 24)
    assert parse_date("Третье мая две тысячи пятого года") == dt.date(2005, 5, 3)
    assert parse_date("бір мың тоғыз жүз тоқсан үшінші жылғы үшінші ақпан") == dt.date(1993, 2, 3)
    assert parse_date("екі мың жетінші жылғы жиырма төртінші маусым") == dt.date(2007, 6, 24)
    assert parse_date("Он Ерлан") is None and parse_date("Ахметов Ерлан") is None


def test_the_same_key_of_a_lists_items_is_read_as_one_kind_of_name(tmp_path: Path) -> None:
    """The third visitor's few names happen to be first names alone; the first's full names: all are names of
    one kind, read on their values together."""
    lines = [{"orderId": f"o{k}", "buyer": {"iin": valid_iin(_born(k), 950 + k)},
              "visitors": [{"name": f"{FIRSTS[k % 8].title()} {SURNAMES[k % 8].title()}" if k % 3 else
                            FIRSTS[k % 8].title(), "iin": valid_iin(_born(k + 9), 960 + k) if k % 4 == 0 else None},
                           {"name": f"{SURNAMES[(k + 2) % 8].title()} {FIRSTS[k % 8].title()}",
                            "iin": valid_iin(_born(k + 19), 980 + k) if k % 4 == 1 else None},
                           {"name": FIRSTS[(k + 5) % 8].title() if k % 2 else
                            f"{SURNAMES[(k + 4) % 8].title()} {FIRSTS[(k + 5) % 8].title()}",
                            "iin": valid_iin(_born(k + 29), 990 + k) if k % 4 == 2 else None}]} for k in range(24)]
    (tmp_path / "tickets.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                            encoding="utf-8")
    _, said = link_out(tmp_path, "tickets.jsonl")
    assert "visitors.3.name = full name" in said and "visitors.1.name = full name" in said, said


PAYER_FIRSTS = ["Гульмира", "Асель", "Жанар", "Айгерим", "Динара", "Сауле", "Мадина", "Алия"]


def test_a_payer_beside_the_members_name_is_a_second_person_whatever_is_written_before_the_name(
        tmp_path: Path) -> None:
    """A club's card: the member in Фам., Имя, Отч. and the payer in one column of full names, first names, a
    relation before the name (жена Гульмира) or сам (the member himself), with the payer's phone beside: two
    persons, one of each kind of column; the payer by relation and phone is the woman another file names so."""
    rows = ["Фам.,Имя,Отч.,Д.р.,Тел.,Плательщик,Тел. плат."]
    for k in range(40):
        payer = ("сам" if k % 4 == 0 else f"жена {PAYER_FIRSTS[k % 8]}" if k % 4 == 1 else
                 f"{SURNAMES[(k + 2) % 8].title()}а {PAYER_FIRSTS[(k + k // 8) % 8]}")
        phone = "" if k % 4 == 0 else f"8 70{k % 10} 5{k:02d} 11 {k:02d}"
        rows.append(f"{SURNAMES[k % 8].title()},{FIRSTS[(k // 8) % 8].title()},,{_born(k):%d.%m.%y},"
                    f"+7 (777) 1{k:02d}-00-{k:02d},{payer},{phone}")
    (tmp_path / "club.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(f"ФИО,Телефон\nАхметова {PAYER_FIRSTS[1]},8 701 501 11 01\n",
                                           encoding="utf-8")
    entities, said = link_out(tmp_path, "club.csv", "contacts.csv")
    assert "Тел. = phone" in said and "person 2: Плательщик = full name, Тел. плат. = phone" in said, said
    assert entities["club", "2#2"] == entities["contacts", "1"]  # жена Асель, 8 701 501 11 01
    assert entities.get(("club", "1#2")) in (None, *(e for key, e in entities.items() if key == ("club", "1#2")
                                                  and e != entities["club", "1"]))  # сам: nobody else's name
