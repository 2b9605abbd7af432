"""Files and values a twentieth writer's extracts showed (issue 16): a race's registrations whose headers are in three
languages (Тегі / Фамилия / Last name), whose IINs and phones are Excel text formulas (="87014567890"), with an
Emergency contact and the card's holder who paid, often the runner himself written given name first; a water
users' cooperative's FoxPro export whose proxy (dover_fio, dover_tel) stands beside the user's fam, ima; a
doctor's name in Latin letters (VRACH) beside a patient's."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pyarrow as pa

from tests.conftest import link_out, valid_iin
from ukimet.connect.connectors.files import CsvConnector

HEADER = ["№", "Тегі / Фамилия / Last name", "Аты / Имя / First name", "Туған күні / Дата рождения / Date of birth",
          "ЖСН / ИИН / IIN", "Жынысы / Пол / Gender", "Телефон / Phone", "Төтенше байланыс / Экстренный контакт / "
          "Emergency contact", "Төтенше байланыс телефоны / Emergency phone", "Төлеуші / Плательщик / Payer (card "
          "holder)", "Сома / Amount"]


def _text(value: str) -> str:
    return f'="{value}"'


def _race(folder: Path) -> None:
    """Registrations of three years: Shamenov Erlan twice, paying for himself (ERLAN SHAMENOV) in one; Alekseev
    Andrey, whose father of the same name is his Emergency contact; Данабаева Хадиша with no contact or payer."""
    rows = [
        [1, "Shamenov", "Erlan", "22.02.1979", _text(valid_iin(dt.date(1979, 2, 22), 3420)), "M", _text("+77786224289"),
         "Оразбаева Мольдир", _text("87783436226"), "", 5000],
        [2, "Данабаева", "Хадиша", "15.10.1999", "", "F", _text("87714959395"), "", "", "", 5000],
        [3, "S'a'menov", "Erlan", "22/02/1979", _text(valid_iin(dt.date(1979, 2, 22), 3420)), "Ер",
         _text("+77074434259"), "Мөлдір Оразбаева", _text("87783436226"), "ERLAN SHAMENOV", 7000],
        [4, "Alekseev", "Andrey", "06.01.2015", _text(valid_iin(dt.date(2015, 1, 6), 5160)), "M", "",
         "Andrey Alekseev", _text("87011112233"), "ANDREY ALEKSEEV", 3000],
    ]
    with (folder / "marafon.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])


def test_an_excel_text_formula_in_a_csv_is_the_text_inside_it(tmp_path: Path) -> None:
    _race(tmp_path)
    connector = CsvConnector("marafon", str(tmp_path / "marafon.csv"))
    table = connector.tables()[0]
    rows = pa.Table.from_batches(list(connector.read(table, 10))).to_pylist()
    assert rows[0]["Телефон / Phone"] == "+77786224289"
    assert rows[0]["ЖСН / ИИН / IIN"] == valid_iin(dt.date(1979, 2, 22), 3420)
    assert rows[1]["ЖСН / ИИН / IIN"] is None and rows[0]["Сома / Amount"] == "5000"


def test_three_languages_in_a_header_name_one_person_and_a_contact_and_a_payer_are_two_more(tmp_path: Path) -> None:
    """"name" in Last name and First name is the header's word, not a person's: the runner's columns are one
    person's, the Emergency contact (with the phone its name shares) the second, the payer the third."""
    _race(tmp_path)
    _, said = link_out(tmp_path, "marafon.csv")
    runner, contact, payer = said.split("columns marafon: person 1: ")[1].split(" | ")[:3]
    assert "Last name = surname" in runner and "IIN = iin" in runner and "Date of birth = birth date" in runner
    assert "Телефон / Phone = phone" in runner
    assert contact.startswith("person 2: Төтенше байланыс") and "Emergency phone = phone" in contact
    assert payer.startswith("person 3: Төлеуші / Плательщик / Payer (card holder) = full name")


def test_a_runner_paying_for_himself_is_one_entity_but_a_father_named_as_his_son_is_not(tmp_path: Path) -> None:
    """The payer ERLAN SHAMENOV, a name alone, on the row of the runner Shamenov Erlan (given name first) is the
    runner: one row names him twice. Andrey Alekseev, the boy's Emergency contact, is his father of the same name:
    a contact is never the row's own person, however alike the names."""
    _race(tmp_path)
    entity, _ = link_out(tmp_path, "marafon.csv")
    assert entity[("marafon", "3#3")] == entity[("marafon", "3")] == entity[("marafon", "1")]
    assert entity[("marafon", "4#2")] != entity[("marafon", "4")]
    assert entity[("marafon", "1#2")] == entity[("marafon", "3#2")]  # the contact's name and phone, twice


def test_a_proxys_full_name_beside_the_users_name_is_a_second_person_with_his_phone(tmp_path: Path) -> None:
    with (tmp_path / "spk.csv").open("w", encoding="cp866", newline="") as f:
        csv.writer(f).writerows([
            ["nomer", "fam", "ima", "otch", "datrojd", "iin", "tel", "dover_fio", "dover_tel"],
            ["15/0001", "БАЙМАНОВ", "ТУРМАГАМБЕТ", "ЖАКСЫЛЫКОВИЧ", "19340422", valid_iin(dt.date(1934, 4, 22), 3890),
             "87763221373", "", ""],
            ["15/0002", "ЕСИМОВА", "ШОЛПАН", "АБДИЛЬДАЕВНА", "19350601", valid_iin(dt.date(1935, 6, 1), 4298, False),
             "", "ЕСИМОВ БАХЫТ", "87011234567"]])
    _, said = link_out(tmp_path, "spk.csv")
    assert "person 2: dover_fio = full name, dover_tel = phone" in said
    assert "person 1: fam = surname" in said and "dover_fio = full name, iin" not in said


def test_a_doctor_named_in_latin_letters_is_an_official_not_a_person_of_the_record(tmp_path: Path) -> None:
    with (tmp_path / "rpn.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([
            ["N_KART", "F", "I", "DR", "IIN", "VRACH", "PRED_FIO", "PRED_IIN"],
            *([f"K{n}", "Ахметов", f"Ерлан{n}", "1980-01-0" + str(n % 9 + 1), "", "Сейтова А.Б.", "Ахметова Гүл",
               ""] for n in range(1, 6))])
    _, said = link_out(tmp_path, "rpn.csv")
    assert "VRACH" not in said.split("not used")[0] and "person 2: PRED_FIO = full name" in said
