"""A person named by name alone beside another (a loan applicant's contact person: a name, a phone, 'отец') is the
person of that name whom the applicant stands beside elsewhere (his father in the census household, with an IIN and
a date of birth), and nobody else: not a namesake elsewhere, not either of two of that name in the household."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from tests.conftest import link_out, valid_iin

SURNAMES = ["Шмидт", "Нурмаханов", "Кожахметов", "Сапаров", "Тулегенов", "Абдрахманов", "Есенов", "Жумабеков",
            "Оспанов", "Бекмуханов", "Ким", "Рахимов"]
FIRSTS = ["Вальдемар", "Бауыржан", "Ерлан", "Нурлан", "Кайрат", "Асхат", "Талгат", "Марат", "Серик", "Дамир"]
SONS = ["Аян", "Арман", "Болат", "Данияр", "Еркин", "Жандос", "Ильяс", "Канат", "Мирас", "Нуржан"]


def _person(k: int, generation: int) -> tuple[str, str, dt.date, str]:
    """(surname, first name, birth, IIN) of family ``k``'s father (generation 0) or son (1)."""
    surname = SURNAMES[k % len(SURNAMES)] + ("" if k < len(SURNAMES) else f"{'аеиоу'[k // len(SURNAMES) % 5]}")
    first = FIRSTS[k % len(FIRSTS)] if generation == 0 else SONS[(k * 3) % len(SONS)]
    born = dt.date(1950 + k % 15, 1 + k % 12, 1 + k % 27) if generation == 0 else dt.date(1980 + k % 15, 2, 3 + k % 20)
    return surname, first, born, valid_iin(born, 1000 + 10 * k + generation)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])


def _files(folder: Path, families: int, namesake_of: int | None = None, twice: int | None = None) -> None:
    """Loans: each family's son applies, naming his father as contact (name and phone). Census: each family's
    household, son and father with IINs and dates of birth; ``namesake_of``: another household holds a namesake
    of that family's father; ``twice``: that family's household holds a second man of the father's name."""
    loans, census = [], []
    for k in range(families):
        father, son = _person(k, 0), _person(k, 1)
        loans.append([f"{son[0]} {son[1]}", son[3], f"{son[2]:%d.%m.%Y}", f"{father[1]} {father[0]}",
                      f"+7 701 {k:03d} 44 55", "отец"])
        members = [[f"{son[0]} {son[1]}", son[3], f"{son[2]:%d.%m.%Y}"],
                   [f"{father[0]} {father[1]}", father[3], f"{father[2]:%d.%m.%Y}"]]
        if k == twice:
            uncle = dt.date(1949, 3, 3)
            members.append([f"{father[0]} {father[1]}", valid_iin(uncle, 9000), f"{uncle:%d.%m.%Y}"])
        census.append(members)
    if namesake_of is not None:
        father = _person(namesake_of, 0)
        born = dt.date(1977, 7, 7)
        census.append([["Омаров Бекзат", valid_iin(dt.date(1990, 1, 1), 7000), "01.01.1990"],
                       [f"{father[0]} {father[1]}", valid_iin(born, 8000), f"{born:%d.%m.%Y}"]])
    _write(folder / "loans.csv", ["ФИО заемщика", "ИИН заемщика", "Дата рождения заемщика",
                                  "Контактное лицо", "Телефон контактного лица", "Кем приходится"], loans)
    width = max(len(m) for m in census)
    header = [f"{what} [{n}]" for n in range(1, width + 1) for what in ("ФИО", "ИИН", "Дата рождения")]
    _write(folder / "census.csv", header,
           [[v for member in m for v in member] + [""] * 3 * (width - len(m)) for m in census])


def test_a_contact_named_alone_is_the_person_of_that_name_beside_the_applicant_elsewhere(tmp_path: Path) -> None:
    _files(tmp_path, 24)
    entities, said = link_out(tmp_path, "loans.csv", "census.csv")
    assert "person 2: Контактное лицо = full name" in said, said
    for k in range(1, 25):
        assert entities["loans", str(k)] == entities["census", str(k)]  # the applicant, by IIN
        assert entities["loans", f"{k}#2"] == entities["census", f"{k}#2"]  # his father, by name and son
        assert entities["loans", f"{k}#2"] != entities["loans", str(k)]


def test_a_namesake_elsewhere_or_two_of_that_name_beside_the_applicant_join_nobody(tmp_path: Path) -> None:
    _files(tmp_path, 24, namesake_of=4, twice=9)
    entities, _ = link_out(tmp_path, "loans.csv", "census.csv")
    assert entities["loans", "5#2"] == entities["census", "5#2"]  # the father beside his son, not the namesake
    assert entities["loans", "5#2"] != entities["census", "25#2"]
    # two men of the father's name beside the applicant: neither is taken for the contact
    assert entities["loans", "10#2"] not in {entities["census", "10#2"], entities["census", "10#3"]}
    assert entities["census", "10#2"] != entities["census", "10#3"]
