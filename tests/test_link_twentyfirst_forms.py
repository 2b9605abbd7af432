"""Files and headers a twenty-first writer's extracts showed (issue 16): an Elasticsearch ``_search`` answer whose
records are its hits' ``_source`` documents; a CSV whose first line is Excel's ``sep=;``; a notaries' register where
the testator (Наследодатель) and the heir (Наследник) begin alike; a pawnshop's bare ИИН beside the proxy's ИИН
доверенного лица; a cotton gin's Uzbek headers (Familiyasi, Ismi, JSHSHIR) with the driver who brought the load."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from tests.conftest import link_out, valid_iin
from ukimet.connect.connectors.files import CsvConnector
from ukimet.connect.connectors.jsonfile import JsonConnector

FAMILIES = [f"{root}{end}" for root in ("Нурмахан", "Абдирахман", "Кожахмет", "Юлдаш", "Сапар", "Тулеген")
            for end in ("ов", "бетов", "жанов")]
FIRSTS = ["Бауыржан", "Дилшод", "Ерлан", "Шерзод", "Нурлан", "Кайрат"]


def _born(k: int) -> dt.date:
    return dt.date(1960 + k % 40, 1 + k % 12, 1 + k % 27)


def _hit(k: int, second: int | None) -> dict[str, object]:
    def driver(n: int) -> dict[str, object]:
        return {"full_name": f"{FAMILIES[n % 18].upper()} {FIRSTS[n % 6].upper()}", "birth_date": f"{_born(n)}",
                "iin": valid_iin(_born(n), 3000 + n), "phone": f"+7701{n:07d}", "citizenship": "KAZ"}
    return {"_index": "kezek-bookings-2021", "_id": f"id{k}", "_score": None, "sort": [1618200000000 + k],
            "_source": {"booking": {"number": f"KZ-2021-{k:06d}", "checkpoint": "Жибек жолы"},
                        "driver": driver(k % 30), "second_driver": driver(second) if second is not None else None,
                        "cargo": "хлопок-волокно"}}


def test_an_elasticsearch_answers_records_are_its_hits_documents(tmp_path: Path) -> None:
    hits = [_hit(k, (k + 7) % 30 if k % 3 == 0 else None) for k in range(60)]
    (tmp_path / "queue.json").write_text(json.dumps(
        {"took": 12, "timed_out": False, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
         "hits": {"total": {"value": 60, "relation": "eq"}, "max_score": None, "hits": hits}}, ensure_ascii=False),
        encoding="utf-8")
    table = JsonConnector("queue", str(tmp_path / "queue.json")).tables()[0]
    assert table.row_count == 60 and "driver.full_name" in table.column_names and "_id" in table.column_names
    assert not any(name.startswith(("_source", "hits")) for name in table.column_names)
    entities, said = link_out(tmp_path, "queue.json")
    assert "person 1: driver.full_name = full name" in said and "person 2: second_driver.full_name" in said
    assert entities["queue", "1"] == entities["queue", "31"]  # the same driver's two bookings
    assert entities["queue", "1#2"] == entities["queue", "38"]  # a second driver is the driver of another booking
    assert entities["queue", "1"] != entities["queue", "1#2"]


def test_excels_sep_line_says_the_delimiter_and_the_header_follows_it(tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    lines = ["sep=;", "№ п/п;Залогодатель (Ф.И.О.);Дата рождения;ИИН;Вес, гр.",
             *(f"{k};{FAMILIES[k % 18]} {FIRSTS[k % 6]};{_born(k):%d.%m.%Y};{valid_iin(_born(k), 4000 + k)};4,63"
               for k in range(1, 21))]
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    connector = CsvConnector("tickets", str(path))
    table = connector.tables()[0]
    assert table.column_names[:2] == ("№ п/п", "Залогодатель (Ф.И.О.)") and table.row_count == 20
    rows = pa.Table.from_batches(list(connector.read(table, 100))).to_pylist()
    assert len(rows) == 20 and rows[0]["Вес, гр."] == "4,63" and rows[0]["№ п/п"] == "1"


def _write(path: Path, header: list[str], rows: Sequence[Sequence[object]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


def test_a_testator_and_an_heir_whose_words_begin_alike_are_two_persons(tmp_path: Path) -> None:
    rows = []
    for k in range(30):
        heir = k + 40
        rows.append([k + 1, f"{FAMILIES[k % 18]} {FIRSTS[k % 6]}", valid_iin(_born(k), 5000 + k),
                     f"{_born(k):%d.%m.%Y}", "г. Туркестан", f"{FAMILIES[heir % 18]} {FIRSTS[heir % 6]}",
                     valid_iin(_born(heir), 6000 + k), f"{_born(heir):%d.%m.%Y}", "сын",
                     "г. Кентау", "Нотариус Оспанова А.Б."])
    _write(tmp_path / "heirs.csv", ["№", "Наследодатель", "ИИН наследодателя", "Дата рождения наследодателя",
                                    "Последнее место жительства", "Наследник", "ИИН наследника",
                                    "Дата рождения наследника", "Степень родства", "Адрес наследника", "Нотариус"],
           rows)
    _, said = link_out(tmp_path, "heirs.csv")
    assert "person 1: Наследодатель = full name, ИИН наследодателя = iin, Дата рождения наследодателя = birth date" \
        in said
    assert "person 2: Наследник = full name, ИИН наследника = iin, Дата рождения наследника = birth date" in said


def test_a_bare_iin_beside_a_proxys_iin_is_the_rows_own_persons(tmp_path: Path) -> None:
    rows = [[k + 1, f"{FAMILIES[k % 18]} {FIRSTS[k % 6]}", f"{_born(k):%d.%m.%Y}", valid_iin(_born(k), 7000 + k),
             f"{FAMILIES[(k + 5) % 18]} {FIRSTS[(k + 1) % 6]}" if k % 4 == 0 else "",
             valid_iin(_born(k + 9), 8000 + k) if k % 4 == 0 else ""] for k in range(30)]
    _write(tmp_path / "pawn.csv", ["№ п/п", "Залогодатель (Ф.И.О.)", "Дата рождения", "ИИН",
                                   "Выкупил по доверенности (Ф.И.О.)", "ИИН доверенного лица"], rows, ";")
    _, said = link_out(tmp_path, "pawn.csv")
    assert "person 1: Залогодатель (Ф.И.О.) = full name, Дата рождения = birth date, ИИН = iin" in said
    assert "person 2: Выкупил по доверенности (Ф.И.О.) = full name" in said


def test_uzbek_headers_name_the_farmer_and_the_driver_is_another_person(tmp_path: Path) -> None:
    rows = [[10390 + k, "Isayev" if k % 2 else "Qojaxmetov", ["Daulet", "Sherzod", "Nurlan"][k % 3],
             f"{['Bolat', 'Serik', 'Baxtiyor', 'Nurlan'][k % 4]} o`g`li", f"{_born(k)} 00:00:00.000",
             valid_iin(_born(k), 9000 + k), f"+7 708 123 {k:02d} 37",
             f"Orazaliyev {['G.S.', 'Bekzod', 'A.'][k % 3]}", f"8708076{k:04d}", "Xolmatov J."] for k in range(30)]
    _write(tmp_path / "receipts.csv", ["KvitansiyaID", "Familiyasi", "Ismi", "Otasining_ismi", "Tugilgan_sana",
                                       "JSHSHIR", "Telefon", "Haydovchi_FISH", "Haydovchi_tel", "Tarozibon"], rows)
    _, said = link_out(tmp_path, "receipts.csv")
    assert "Familiyasi = surname, Ismi = first name, Otasining_ismi = patronymic, Tugilgan_sana = birth date, " \
        "JSHSHIR = iin, Telefon = phone" in said
    assert "person 2: Haydovchi_FISH = full name, Haydovchi_tel = phone" in said


def test_a_name_as_the_document_from_abroad_writes_it_is_the_same_person_written_again(tmp_path: Path) -> None:
    foreign = ["JUMABOYEV NURJON", "YERMEKOW SERIK", "JAKESELEKE YEERLAN", "TURSUNOV BAXTIYOR", "ALIMOV RUSTAM",
               "QODIROV ULUGBEK"]
    kazakh = ["Жұмабаев Нұржан", "Ермеков Серік", "Жакселеке Ерлан", "Тұрсынов Бақтияр", "Әлімов Рүстем",
              "Қадыров Ұлықбек"]
    rows = []
    for k in range(36):
        person = k % 6
        documented = k >= 12  # the Kazakh names and the IIN only once the returnee has Kazakh papers
        surname, first = foreign[person].split()
        rows.append([f"Q-{k:04d}", surname, first, kazakh[person].split()[0] if documented else "",
                     kazakh[person].split()[1] if documented else "", f"{_born(person):%d.%m.%Y}",
                     valid_iin(_born(person), 2000 + person) if documented else ""])
    _write(tmp_path / "kandas.csv", ["otinish_nomiri", "tegi_qujat", "aty_qujat", "tegi", "aty", "tugan_kuni",
                                     "zhsn"], rows)
    entities, said = link_out(tmp_path, "kandas.csv")
    assert "kandas: tegi = surname, aty = first name" in said and "person 2" not in said
    assert "or tegi_qujat = surname, or aty_qujat = first name" in said
    for k in range(6, 36):  # before the papers (the document's spelling alone) and after: one person each
        assert entities["kandas", str(k + 1)] == entities["kandas", str(k % 6 + 1)], k
    assert len({entities["kandas", str(k + 1)] for k in range(36)}) == 6


def test_dates_typed_on_a_keypad_and_yyyymmdd_numbers_without_a_day_or_month_are_births() -> None:
    from ukimet.connect.classify import _name_hits
    from ukimet.core.dates import parse_date, parse_year, parse_year_month

    assert parse_date("21,05,1973") == dt.date(1973, 5, 21) and parse_date("19,74") is None
    assert parse_year_month("19731200") == dt.date(1973, 12, 1) and parse_year("19550000") == dt.date(1955, 1, 1)
    assert parse_date("19731200") is None and parse_date("19760702") == dt.date(1976, 7, 2)
    assert _name_hits("Сат. т.к.") == {"birth_date": 0.9} and _name_hits("Алуш. т.к.") == {"birth_date": 0.9}


def test_a_farmer_driving_his_own_load_written_with_initials_is_the_farmer(tmp_path: Path) -> None:
    farmers = [("Mirzaxmetov", "Samat", "Bolatovich"), ("Orazaliyev", "Bauirjan", "Abdikadirovich"),
               ("Ashirbekov", "Nurlan", "Bakitovich"), ("Bayjanov", "Sarsenbay", "Kuanishovich")]
    rows = []
    for k in range(32):
        surname, first, father = farmers[k % 4]
        phone = f"+7 701 551 19 {k % 4:02d}"
        himself = k >= 24  # the last loads he brought himself: the driver written with his initials
        hired = f"{FAMILIES[k % 18]} {FIRSTS[k % 6]}"
        driver = f"{surname} {first[0]}.{father[0]}." if himself else hired
        rows.append([10390 + k, surname, first, father, f"{_born(k % 4)} 00:00:00.000",
                     valid_iin(_born(k % 4), 9100 + k % 4) if k % 3 else "NULL", phone, driver,
                     phone if himself else f"8708076{k:04d}"])
    _write(tmp_path / "receipts.csv", ["KvitansiyaID", "Familiyasi", "Ismi", "Otasining_ismi", "Tugilgan_sana",
                                       "JSHSHIR", "Telefon", "Haydovchi_FISH", "Haydovchi_tel"], rows)
    entities, _ = link_out(tmp_path, "receipts.csv")
    for k in range(24, 32):
        assert entities["receipts", f"{k + 1}#2"] == entities["receipts", str(k + 1)], rows[k]
    assert entities["receipts", "1#2"] != entities["receipts", "1"]


def test_a_former_surname_in_brackets_is_no_word_of_the_name() -> None:
    from ukimet.link.names import split_full_name

    found = split_full_name("Абдирахманова (до брака Кожахметова) Нурила Кайратовна")
    assert (found.surname, found.first, found.patronymic) == ("Абдирахманова", "Нурила", "Кайратовна")
    found = split_full_name("Ходжаева (урожд. Махмудова) Кундуз")
    assert (found.surname, found.first) == ("Ходжаева", "Кундуз")


def test_a_latin_initial_y_begins_a_name_written_with_ye(tmp_path: Path) -> None:
    rows = []
    for k in range(24):
        surname, first, father = [("Tashenov", "Yerlan", "Bakitovich"), ("Ashirbekov", "Yerbolat", "Ospanovich"),
                                  ("Usenov", "Abai", "Muratovich"), ("Naurizbayev", "Almas", "Talgatovich")][k % 4]
        phone = f"+7 702 559 71 {k % 4:02d}"
        rows.append([k + 1, surname, first, father, f"{_born(k % 4)}", valid_iin(_born(k % 4), 9300 + k % 4),
                     phone, f"{surname} {first[0]}.{father[0]}." if k >= 16 else f"{FAMILIES[k % 18]} {FIRSTS[k % 6]}",
                     phone if k >= 16 else f"8708077{k:04d}"])
    _write(tmp_path / "loads.csv", ["KvitansiyaID", "Familiyasi", "Ismi", "Otasining_ismi", "Tugilgan_sana",
                                    "JSHSHIR", "Telefon", "Haydovchi_FISH", "Haydovchi_tel"], rows)
    entities, _ = link_out(tmp_path, "loads.csv")
    for k in range(16, 24):  # Tashenov Y.B. is Tashenov Yerlan Bakitovich, who brought his own load
        assert entities["loads", f"{k + 1}#2"] == entities["loads", str(k + 1)], rows[k]
