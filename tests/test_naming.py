"""Surnames and patronymics built the way Kazakhstan builds them."""

from __future__ import annotations

import pytest

from ukimet.synth import naming


@pytest.mark.parametrize(("root", "male", "female"), [
    ("Ахмет", "Ахметов", "Ахметова"), ("Жұмабай", "Жұмабаев", "Жұмабаева"), ("Мұса", "Мұсин", "Мұсина"),
    ("Әли", "Әлиев", "Әлиева"), ("Нұрмағамбет", "Нұрмағамбетов", "Нұрмағамбетова"),
])
def test_russian_endings_on_kazakh_names(root: str, male: str, female: str) -> None:
    assert naming.russian_ending(root, "M") == male
    assert naming.russian_ending(root, "F") == female
    assert naming.masculine_surname(female) == male


@pytest.mark.parametrize(("father", "son", "daughter"), [
    ("Серік", "Серікович", "Серіковна"), ("Жұмабай", "Жұмабаевич", "Жұмабаевна"),
    ("Николай", "Николаевич", "Николаевна"), ("Илья", "Ильич", "Ильинична"),
])
def test_russian_style_patronymics(father: str, son: str, daughter: str) -> None:
    assert naming.russian_patronymic(father, "M") == son
    assert naming.russian_patronymic(father, "F") == daughter


def test_kazakh_patronymics_and_who_can_take_a_surname() -> None:
    assert naming.kazakh_patronymic("Серік", "M") == "Серікұлы"
    assert naming.kazakh_patronymic("Серік", "F") == "Серікқызы"
    assert not naming.can_take_surname("Серікұлы")
    assert naming.can_take_surname("Серіков")


@pytest.mark.parametrize(("surname", "female"), [
    ("Иванов", "Иванова"), ("Ковалевский", "Ковалевская"), ("Шевченко", "Шевченко"), ("Ким", "Ким"),
    ("Шмидт", "Шмидт"),
])
def test_gendered_surnames(surname: str, female: str) -> None:
    assert naming.gendered_surname(surname, "F") == female


def test_every_ethnic_group_has_names_for_both_sexes_and_surnames() -> None:
    pools = naming.pools()
    for ethnicity in naming.ETHNICITIES:
        assert (ethnicity, "M") in pools.first and (ethnicity, "F") in pools.first
        assert ethnicity in pools.surname
