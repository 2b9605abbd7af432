"""Files a twenty-ninth writer's extracts showed (issue 16): a workbook saved in the xlsx format under an .xls name,
lists pasted one under another in one sheet (each year's block with its title and its own header), a memorial list's
years of life with remarks, SQL Server's sqlcmd output (a line of dashes under the header), and emergency contacts
written with their relation and phone in the name's cell."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests.conftest import link_out
from ukimet.core.dates import life_span_birth

VETERANS = ["Сагиндыков Касым", "Нурмагамбетов Сагинтай", "Омаров Мырзагали Кабдуллаевич", "Олейник Юрий",
            "Шарипов Оразбай", "Мырзахметов Ахметжан", "Иванов Василий", "Тажибаев Мырзагали"]
GIVEN = ["Нурасыл", "Сауле", "Ерлан", "Айгуль", "Бекзат", "Динара", "Руслан", "Жанна"]
SURNAMES = ["Байтенов", "Касенова", "Жумабаев", "Ибраева", "Сейтказиев", "Нурланова", "Ахметов", "Бекова"]
SPANS = ["1902-1973", "1895 - 1960", "1906–1991 (погиб)", "1907-1954", "1925–1997", "1921 – (пропал без вести)",
         "1922–1988", "1918–1966"]


def test_a_lifes_span_with_a_remark_begins_with_the_birth() -> None:
    assert [life_span_birth(s) for s in SPANS] == ["1902", "1895", "1906", "1907", "1925", "1921", "1922", "1918"]
    assert life_span_birth("1912–1943 (қаза тапты)") == "1912" and life_span_birth("Иванов (1920)") is None


def test_lists_pasted_one_under_another_in_an_xlsx_saved_as_xls_are_one_table_of_their_entries(
        tmp_path: Path) -> None:
    """A memorial list of two years in one sheet, each block with its title, its own header (Russian, then Kazakh
    with a column more) and an empty row after it, saved as xlsx and named .xls: the entries are its records,
    numbered over the sheet (the titles, headers and empty rows are none); a veteran listed both years is one person
    by his name and the birth his years of life begin with; who submitted him is a second person of the row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["«Бессмертный полк» — 2015 г., г. Жезказган"])
    sheet.append(["№ п/п", "ФИО ветерана", "Годы жизни", "Воинское звание", "ФИО заявителя", "Телефон"])
    for k, (name, span) in enumerate(zip(VETERANS, SPANS, strict=True)):
        sheet.append([k + 1, name, span, "рядовой", f"{SURNAMES[k]} {GIVEN[k]}", f"8 708 609 65 {k:02d}"])
    sheet.append([])
    sheet.append(["«Өлмес полк» акциясы — 2021 ж. Жезқазған қ. (тізім)"])
    sheet.append(["Р/с", "Ардагердің аты-жөні", "Өмір сүрген жылдары", "Әскери атағы", "Өтініш берушінің аты-жөні",
                  "Телефоны", "Тұратын қаласы"])
    for k, (name, span) in enumerate(zip(VETERANS, SPANS, strict=True)):
        sheet.append([k + 1, name, span.split(" (")[0], "қатардағы жауынгер", f"{SURNAMES[7 - k]} {GIVEN[(k + 3) % 8]}",
                      f"8 701 111 22 {k:02d}", "Жезқазған"])
    book.save(tmp_path / "polk.xls")
    entities, said = link_out(tmp_path, "polk.xls")
    assert {r for s, r in entities if s == "polk" and "#" not in r} == {str(k + 1) for k in range(16)}, said
    assert all(entities["polk", str(k + 1)] == entities["polk", str(k + 9)] for k in range(8)), said
    assert len({entities["polk", str(k + 1)] for k in range(8)}) == 8
    assert "Годы жизни = birth date" in said and "ФИО заявителя = full name" in said


def test_sqlcmd_output_and_contacts_written_with_their_relation_and_phone(tmp_path: Path) -> None:
    """A shift camp's stays as sqlcmd prints them (a line of the context, the header, dashes under it, NULL, the
    row count): the dashes are no record. The emergency contact writes the relation in brackets, in capitals, after
    a dash or before the name, and a phone after it: the contact is a second person, the same as the registry's."""
    relations = ["{} (брат)", "{} (ӘЙЕЛІ)", "{} - жена", "{} +77024842580", "{} 7082700512", "{}"]
    lines = ["Changed database context to 'VahtaCamp'.",
             "StayID\tFIO\tIIN\tBirthDate\tPhone\tEmergencyContact\tEmergencyPhone",
             "------\t---\t---\t---------\t-----\t----------------\t--------------"]
    registry = ["ФИО;Дата рождения;Телефон"]
    for k in range(36):
        contact = f"{SURNAMES[k % 8]} {GIVEN[k // 8]}"
        written = relations[k % 6].format(contact.upper() if k % 6 == 1 else contact)
        own = f"{SURNAMES[(k + 1) % 8]} {GIVEN[(k // 8 + 2) % 8]}"
        lines.append(f"{1000 + k}\t{own}\t\tNULL\t8701555{k:04d}\t{written}\t8702444{k:04d}")
        registry.append(f"{contact};0{1 + k % 9}.0{1 + k % 9}.19{60 + k};8 702 444 {k // 100:02d} {k % 100:02d}")
    lines += ["", "(36 rows affected)", ""]
    (tmp_path / "vahta.tsv").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "vahta.tsv", "registry.csv")
    assert {r for s, r in entities if s == "vahta" and "#" not in r} == {str(k + 1) for k in range(36)}, said
    assert "EmergencyContact = full name" in said
    assert sum(entities["vahta", f"{k + 1}#2"] == entities["registry", str(k + 1)] for k in range(36)) >= 34, said


def _folded(line: str) -> str:
    """``line`` folded as RFC 5545 folds it: at 75 octets, never inside a character, each next part after a space."""
    parts, part = [], b""
    for char in line:
        if len(part) + len(char.encode()) > 75:
            parts.append(part.decode())
            part = b" "
        part += char.encode()
    return "\r\n".join([*parts, part.decode()])


def test_an_icalendar_export_is_a_table_of_its_events_and_their_descriptions_labelled_lines(
        tmp_path: Path) -> None:
    """A medical centre's bookings exported from Google Calendar and kept as .txt: each event is a record (the
    calendar's and its time zone's lines, an alarm's, are none); its description's labelled lines (ФИО, ИИН, Д.р.),
    folded and escaped, are its person, the same as the registry's."""
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
             "BEGIN:VTIMEZONE", "TZID:Asia/Almaty", "BEGIN:STANDARD", "DTSTART:19700101T000000", "END:STANDARD",
             "END:VTIMEZONE"]
    registry = ["ФИО;Дата рождения"]
    for k in range(24):
        name, born = f"{SURNAMES[k % 8]} {GIVEN[k // 8 + 2]}", f"{1 + k % 27:02d}.0{1 + k % 9}.19{60 + k}"
        description = (f"ФИО: {name}\\nД.р.: {born}\\nПредприятие: ТОО «Kazakhmys Smelting»\\, цех № {k}\\n"
                       f"Вредные факторы: п. 14 (медь и её соединения)\\; п. 44")
        lines += ["BEGIN:VEVENT", f"DTSTART;TZID=Asia/Almaty:2023052{k % 10}T111500", f"UID:{k:04d}x@google.com",
                  _folded(f"DESCRIPTION:{description}"), f"SUMMARY:Профосмотр: {name.split()[0]} {name[0]}.",
                  "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Напоминание", "END:VALARM", "END:VEVENT"]
        registry.append(f"{name};{born}")
    (tmp_path / "kalendar.txt").write_text("\r\n".join([*lines, "END:VCALENDAR", ""]), encoding="utf-8")
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "kalendar.txt", "registry.csv")
    assert {r for s, r in entities if s == "kalendar"} == {str(k + 1) for k in range(24)}, said
    assert "DESCRIPTION.ФИО = full name" in said
    assert all(entities["kalendar", str(k + 1)] == entities["registry", str(k + 1)] for k in range(24)), said
