"""A Kazakh name in the scripts agencies write it in."""

from __future__ import annotations

import random

import pytest

from ukimet.core.scripts import (
    has_kazakh_letters,
    to_informal_latin,
    to_latin_2021,
    to_passport_latin,
    to_russian_letters,
)


@pytest.mark.parametrize(("kazakh", "russian"), [
    ("Нұрсұлтан", "Нурсултан"), ("Әбдірахманұлы", "Абдирахманулы"), ("Айгерім", "Айгерим"),
    ("ҚАСЫМ Ғалым", "КАСЫМ Галым"), ("Иванов", "Иванов"),
])
def test_russian_letter_systems_replace_the_kazakh_only_letters(kazakh: str, russian: str) -> None:
    assert to_russian_letters(kazakh) == russian
    assert not has_kazakh_letters(russian)


@pytest.mark.parametrize(("kazakh", "latin"), [
    ("Шыңғыс", "Şyñğys"), ("Нұрсұлтан", "Nūrsūltan"), ("Әлихан", "Älihan"), ("Айгерім", "Aigerım"),
    ("ЖҰМАБАЕВ", "JŪMABAEV"), ("Юлия", "İuliia"),
])
def test_official_2021_latin(kazakh: str, latin: str) -> None:
    assert to_latin_2021(kazakh) == latin


@pytest.mark.parametrize(("kazakh", "passport"), [
    ("Жұмабаев", "ZHUMABAEV"), ("Хамза", "KHAMZA"), ("Шыңғыс", "SHYNGYS"), ("Әлия Қасымқызы", "ALIYA KASYMKYZY"),
])
def test_passport_latin_is_capitals_without_diacritics(kazakh: str, passport: str) -> None:
    assert to_passport_latin(kazakh) == passport


def test_informal_latin_uses_one_of_each_letters_usual_spellings() -> None:
    spellings = {to_informal_latin("Жәнібек", random.Random(seed).choice) for seed in range(40)}
    assert spellings <= {"Zhanibek", "Zhaenibek", "Zha'nibek", "Janibek", "Jaenibek", "Ja'nibek"}
    assert len(spellings) > 1
    assert all(s.isascii() for s in spellings)


def test_kz1048_keeps_kazakh_letters_that_windows_1251_cannot() -> None:
    name = "Нұрсұлтан"
    assert name.encode("kz1048").decode("kz1048") == name
    with pytest.raises(UnicodeEncodeError):
        name.encode("cp1251")
    assert name.encode("kz1048").decode("cp1251") == "Нўрсўлтан"
