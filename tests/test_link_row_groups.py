"""A person named by name alone on a row, found through the number that ties the row to others (issue 16): an
insurer's list names the employee on each family member's row by surname and initials only (``Абенов А.Б.``),
and the family's rows share the policy's number; one of them is the employee's own, with his date of birth and
IIN. Where the tied rows hold two persons the name fits, or nothing ties the rows, the name stays alone."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from tests.conftest import link_out, valid_iin

STEMS = ["Абенов", "Садыков", "Жумабаев", "Ахметов", "Сейтказин", "Омаров", "Нурланов", "Бекмухамбетов",
         "Тулегенов", "Касымов", "Ермеков", "Султанов"]
MEN = ["Арман", "Болат", "Ерлан", "Нурлан", "Серик", "Данияр", "Кайрат", "Талгат", "Марат", "Ерасыл", "Бауыржан",
       "Тимур"]
WOMEN = ["Асем", "Дана", "Сауле", "Гульнар", "Айгерим", "Мадина", "Жанар", "Алия", "Камила", "Аружан", "Динара",
         "Назым"]
HEADER = ["Полис №", "Жыл", "Страхователь", "Застрахованный", "Дата рождения", "ИИН", "Степень родства",
          "ФИО работника (для членов семьи)"]


def _initials(surname: str, first: str, father: str) -> str:
    return f"{surname} {first[0]}.{father[0]}."


def _insurer_rows(brother_in_family: int | None = None) -> list[list[str]]:
    """Two policy years of twelve families: the employee's own row, then his wife's and his son's, each naming
    him by initials; in family ``brother_in_family`` (its employee Арман) his brother Асхат is insured too."""
    rows = []
    for year in (2022, 2024):
        for k, stem in enumerate(STEMS):
            father = MEN[(k + 5) % 12]
            first, wife, son = MEN[k], WOMEN[k], MEN[(k + 3) % 12]
            if son[0] == first[0]:
                son = MEN[(k + 4) % 12]
            born = dt.date(1970 + k, 1 + k, 3 + k)
            policy = f"ДМС-{year}-{k + 1:04d}"
            employer = ["АО «Тобыл»", "ТОО «Лисаков»"][k % 2]
            employee = _initials(stem, first, father)
            rows.append([policy, str(year), employer, f"{stem} {first} {father}ович", f"{born:%d.%m.%Y}",
                         valid_iin(born, 300 + k), "Работник", ""])
            wife_born, son_born = born.replace(year=1972), born.replace(year=2010)
            rows.append([policy, str(year), employer, f"{stem}а {wife} Болатовна", f"{wife_born:%d.%m.%Y}",
                         valid_iin(wife_born, 500 + k, male=False), "Супруг(а)", employee])
            rows.append([policy, str(year), employer, f"{stem} {son} {first}ович", f"{son_born:%d.%m.%Y}",
                         valid_iin(son_born, 700 + k), "Ребенок", employee])
            if k == brother_in_family:
                rows.append([policy, str(year), employer, f"{stem} Асхат {father}ович", "05.05.1980",
                             valid_iin(dt.date(1980, 5, 5), 900), "Родственник", employee])
    return rows


def _write(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def test_the_employee_named_by_initials_on_his_familys_rows_is_the_employee_of_his_own_row(tmp_path: Path) -> None:
    rows = _insurer_rows()
    _write(tmp_path / "dms.csv", rows)
    entities, _ = link_out(tmp_path, "dms.csv")
    for number, row in enumerate(rows, start=1):
        if row[-1]:  # a family member's row: its second person is the employee of the row above theirs
            own = number - (1 if row[6] == "Супруг(а)" else 2)
            assert entities["dms", f"{number}#2"] == entities["dms", str(own)], (row, rows[own - 1])
    assert entities["dms", "1"] == entities["dms", str(1 + 3 * 12)]  # the same employee in both years, by his IIN
    assert entities["dms", "2"] != entities["dms", "2#2"] != entities["dms", "3"]  # nobody is his own wife


def test_a_name_two_persons_of_the_tied_rows_fit_stays_alone(tmp_path: Path) -> None:
    rows = _insurer_rows(brother_in_family=0)
    _write(tmp_path / "dms.csv", rows)
    entities, _ = link_out(tmp_path, "dms.csv")
    employee, brother = entities["dms", "1"], entities["dms", "4"]
    assert employee != brother
    assert entities["dms", "2#2"] not in (employee, brother)  # Абенов А.Б.: Арман or his brother Асхат
    assert entities["dms", "6#2"] == entities["dms", "5"]  # the next family's, whom nobody else fits


def test_rows_tied_only_by_a_year_or_an_employer_tie_nobody(tmp_path: Path) -> None:
    rows = [row[1:] for row in _insurer_rows()]  # no policy number: the year and the employer are categories
    _write(tmp_path / "dms.csv", rows, HEADER[1:])
    entities, _ = link_out(tmp_path, "dms.csv")
    alone = {entities["dms", f"{n}#2"] for n, row in enumerate(rows, start=1) if row[-1]}
    owners = {entities["dms", str(n)] for n, row in enumerate(rows, start=1) if not row[-1]}
    assert not alone & owners
