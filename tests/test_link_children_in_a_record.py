"""Children a parent's record lists (issue 16): a fan card's, a benefit application's, a club's `kids`, each by a
first name (or a full name) and a date of birth that one child's entry writes as a day and another as a year. A
child with a first name and a day of birth is a person found elsewhere by them; a first name and a year of birth
alone name thousands of children: such a child is listed, compared with no one. The two columns of one child's
birth are one date; a relation in brackets after a name (Гульмира (жена)) and a word of address (Талгат ага) are no
part of it, and a column of such names, full or a first name alone, is a column of names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.conftest import link_out, valid_iin
from ukimet.connect.classify import classify_column
from ukimet.link.names import split_full_name

SURNAMES = ["Абенов", "Садыков", "Жумабаев", "Ахметов", "Сейтказин", "Омаров", "Нурланов", "Бекмухамбетов"]
PARENTS = ["Арман", "Болат", "Ерлан", "Нурлан", "Серик", "Данияр", "Кайрат", "Талгат"]
CHILDREN = ["Алихан", "Амир", "Дастан", "Рамазан", "Алдияр", "Ернур", "Бекзат", "Санжар", "Темирлан", "Нурасыл"]


def _parent_born(k: int) -> dt.date:
    return dt.date(1975 + k % 15, 1 + k % 12, 1 + (k * 5) % 27)


def _child_born(k: int) -> dt.date:
    return dt.date(2010 + k % 8, 1 + (k * 7) % 12, 1 + (k * 3) % 27)


def _files(folder: Path, n: int = 40) -> None:
    """A club's fan cards (the holder and their children in ``kids``) and a clinic's list of the same children by
    full name and day of birth."""
    cards = []
    for k in range(n):
        kid: dict[str, object] = {"name": CHILDREN[k % 10], "relation": "son"}
        if k % 2:
            kid["birthDate"] = f"{_child_born(k):%Y-%m-%d}"
        else:
            kid["birthYear"] = _child_born(k).year
        cards.append({"lastName": SURNAMES[k % 8], "firstName": PARENTS[k % 8], "birthDate": f"{_parent_born(k)}",
                      "iin": valid_iin(_parent_born(k), 300 + k), "kids": [kid]})
    (folder / "fans.json").write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cards), encoding="utf-8")
    clinic = ["ФИО ребёнка;Дата рождения;Участок"] + [
        f"{SURNAMES[k % 8]} {CHILDREN[k % 10]};{_child_born(k):%d.%m.%Y};{k % 5 + 1}" for k in range(n)]
    (folder / "clinic.csv").write_text("\n".join(clinic) + "\n", encoding="utf-8")


def test_a_child_listed_by_first_name_and_day_of_birth_is_the_person_found_elsewhere(tmp_path: Path) -> None:
    _files(tmp_path)
    entities, said = link_out(tmp_path, "fans.json", "clinic.csv")
    assert "kids.1.name = first name" in said and "birth date where that is empty" in said, said
    for k in range(1, 40, 2):  # birthDate: a day
        assert entities["fans", f"{k + 1}#2"] == entities["clinic", str(k + 1)], k
        assert entities["fans", f"{k + 1}#2"] != entities["fans", str(k + 1)]  # the child is not the parent


def test_a_child_named_by_first_name_and_year_alone_is_their_own_person_joined_to_no_namesake(
        tmp_path: Path) -> None:
    _files(tmp_path)
    entities, _ = link_out(tmp_path, "fans.json", "clinic.csv")
    by_entity: dict[str, int] = {}
    for entity in entities.values():
        by_entity[entity] = by_entity.get(entity, 0) + 1
    for k in range(0, 40, 2):  # birthYear: Алихан, 2010 is listed, and alone (the clinic's Абенов Алихан among them)
        assert by_entity[entities["fans", f"{k + 1}#2"]] == 1, k


def test_a_relation_in_brackets_after_a_name_is_no_part_of_it() -> None:
    assert split_full_name("Гульмира (жена)").first == "Гульмира"
    assert split_full_name("Гульмира (жена)").surname is None
    assert split_full_name("Ахметов Ерлан (сын)").patronymic is None
    assert split_full_name("Абдирахманова (до брака Кожахметова) Нурила").surname == "Абдирахманова"


def test_a_word_of_address_after_a_first_name_is_no_surname() -> None:
    assert split_full_name("Талгат ага") == split_full_name("Талгат")
    assert split_full_name("Гульнар апа").first == "Гульнар"
    assert split_full_name("Ахметов Ерлан аға").patronymic is None
    assert split_full_name("Апаев Нурлан").surname == "Апаев"  # a surname that begins like one is kept


def test_a_column_of_full_names_and_first_names_with_their_relation_is_a_column_of_names() -> None:
    values = [f"{SURNAMES[k % 8]} {CHILDREN[k % 10]}" if k % 9 < 4 else
              f"{CHILDREN[k % 10]} ({'жена' if k % 2 else 'муж'})" for k in range(60)]
    assert classify_column("rent", "deals", "Второй жилец", "VARCHAR", values).semantic_type == "full_name"
