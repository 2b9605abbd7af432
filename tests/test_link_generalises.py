"""Linkage of extracts written unlike the synthetic agencies (issue 16): coded headers read from their values,
dates with month names, surnames with initials, rows that describe two persons, IIN typos that pass the check
digit, twins with neighbouring IINs, and the user's one-line mapping."""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ukimet.cli.main import app
from ukimet.core.ids import iin_prefix, make_number

KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")
MEN = ("Ерлан", "Дәурен", "Асқар", "Бауыржан", "Нұрлан", "Тимур", "Серік", "Арман", "Қайрат", "Ғалым", "Олжас",
       "Мирас", "Жандос", "Руслан", "Самат")
WOMEN = ("Айгүл", "Сәуле", "Жанар", "Гүлнар", "Дана", "Әсел", "Мадина", "Ботагөз", "Ләззат", "Аружан", "Перизат",
         "Динара", "Камила", "Зарина", "Индира")
SURNAMES = ("Сейітов", "Тоқтаров", "Жұмабеков", "Оспанов", "Ермеков", "Құдайбергенов", "Бекжанов", "Әлімов",
            "Мұратов", "Сағынтаев", "Ибраев", "Нұрпейісов", "Төлеуов", "Қасенов", "Шәріпов", "Ахметжанов")
ROOTS = ("Сейіт", "Тоқтар", "Жұмабек", "Оспан", "Ермек", "Бекжан", "Әлім", "Мұрат", "Ибра", "Төлеу", "Қасен",
         "Шәріп", "Ахметжан", "Серікбай", "Жақып", "Дүйсен", "Тұрсын", "Байжан", "Смағұл", "Есенгел")
FATHERS = ("Серік", "Бола", "Қана", "Мұра", "Ерла", "Нұрла", "Асқа", "Жақсылық")


@dataclass(frozen=True)
class Person:
    key: int
    iin: str
    surname: str
    first: str
    father: str
    born: dt.date
    male: bool


def _iin(born: dt.date, male: bool, serial: int) -> str:
    for n in range(serial, serial + 50):
        made = make_number(iin_prefix(born, "M" if male else "F") + f"{n:04d}")
        if made is not None:
            return made
    raise AssertionError("no IIN")


def _typo(iin: str) -> str:
    """The same IIN with one serial digit mistyped and the check digit recomputed: still valid."""
    for position in (9, 8, 10):
        for digit in "0123456789":
            if digit != iin[position]:
                made = make_number(iin[:position] + digit + iin[position + 1:11])
                if made is not None:
                    return made
    raise AssertionError("no typo")


def _population() -> list[Person]:
    rng = random.Random(1616)
    people = []
    for key in range(40):
        male = key % 2 == 0
        surname = SURNAMES[key % len(SURNAMES)] + ("" if male else "а")
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 50))
        father = FATHERS[key % len(FATHERS)] + ("ұлы" if male else "қызы")
        people.append(Person(key, _iin(born, male, rng.randrange(1000, 9000)), surname,
                             rng.choice(MEN if male else WOMEN), father, born, male))
    twin = people[0]  # a twin brother: same surname, father and day, the next IIN, another first name
    people.append(Person(40, _iin(twin.born, True, int(twin.iin[7:11]) + 1), twin.surname,
                         next(n for n in MEN if n != twin.first), twin.father, twin.born, True))
    return people


def _write(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("extracts")
    people = _population()
    truth: dict[tuple[str, str], int] = {}
    # the registry: Kazakh headers, the month written in Kazakh
    _write(folder / "registry.csv", ["ЖСН", "Тегі", "Аты", "Әкесінің аты", "Туған күні"],
           [[p.iin, p.surname, p.first, p.father, f"{p.born.day} {KK_MONTHS[p.born.month - 1]} {p.born.year}"]
            for p in people], ";")
    truth |= {("registry", str(n + 1)): p.key for n, p in enumerate(people)}
    # the tax office: one-letter headers, upper case, dd/mm/yyyy; three IINs mistyped into other valid IINs
    tax = people[1:31]
    _write(folder / "tax.csv", ["record_id", "IIN", "F", "I", "O", "DR"],
           [[f"T{p.key}", _typo(p.iin) if p.key in (3, 8, 13) else p.iin, p.surname.upper(), p.first.upper(),
             p.father.upper(), f"{p.born:%d/%m/%Y}"] for p in tax])
    truth |= {("tax", f"T{p.key}"): p.key for p in tax}
    # the court: no IIN, the surname with initials, the date as a Kazakh document writes it
    court = people[20:36]
    _write(folder / "court.csv", ["Т.А.Ә.", "Туған күні"],
           [[f"{p.surname.upper()} {p.first[0]}.{p.father[0]}.", f"{p.born.year} ж. {p.born.day} "
             f"{KK_MONTHS[p.born.month - 1]}"] for p in court])
    truth |= {("court", str(n + 1)): p.key for n, p in enumerate(court)}
    # the akimat: an applicant and the spouse on one row
    couples = [(people[k], people[k + 1]) for k in range(2, 18, 2)]
    side = ["ЖСН", "тегі", "аты", "туған күні"]
    _write(folder / "aid.csv", [f"Өтініш берушінің {c}" for c in side] + [f"Жұбайының {c}" for c in side],
           [[a.iin, a.surname, a.first, f"{a.born:%d.%m.%Y}", b.iin, b.surname, b.first, f"{b.born:%d.%m.%Y}"]
            for a, b in couples])
    truth |= {("aid", str(n + 1)): a.key for n, (a, _) in enumerate(couples)}
    truth |= {("aid", f"{n + 1}#2"): b.key for n, (_, b) in enumerate(couples)}
    # the school: headers that are codes, a full name, the year and month of birth only
    school = people[8:20]
    _write(folder / "school.csv", ["q1", "q2"], [[f"{p.surname} {p.first}", f"{p.born:%Y-%m}"] for p in school])
    truth |= {("school", str(n + 1)): p.key for n, p in enumerate(school)}
    out = folder / "clusters.csv"
    files = [str(folder / f) for f in ("registry.csv", "tax.csv", "court.csv", "aid.csv", "school.csv")]
    result = CliRunner().invoke(app, ["link", *files, "--out", str(out), "--map", "tax.csv:record_id=other"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        entity = {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}
    return {"entity": entity, "truth": truth, "output": result.output, "people": people}


def test_every_record_and_every_person_of_a_two_person_row_has_its_line(linked) -> None:
    assert set(linked["entity"]) == set(linked["truth"])


def test_records_link_to_their_person_and_to_no_one_else(linked) -> None:
    persons_of: dict[str, set[int]] = defaultdict(set)
    entities_of: dict[int, set[str]] = defaultdict(set)
    for record, person in linked["truth"].items():
        persons_of[linked["entity"][record]].add(person)
        entities_of[person].add(linked["entity"][record])
    assert all(len(found) == 1 for found in persons_of.values()), "an entity holds two persons"
    assert all(len(found) == 1 for found in entities_of.values()), "a person is split"


def test_the_twin_with_the_neighbouring_iin_stays_apart(linked) -> None:
    assert linked["entity"][("registry", "1")] != linked["entity"][("registry", "41")]


def test_the_run_says_which_columns_were_read_as_what(linked) -> None:
    said = " ".join(linked["output"].split())
    assert "DR = birth date" in said and "I = first name" in said and "F = surname" in said
    assert "Т.А.Ә. = full name" in said and "q1 = full name, q2 = birth date" in said
    assert "person 2: Жұбайының ЖСН = iin" in said
    assert "not used: record_id" in said


def test_a_mapping_that_names_no_file_is_refused_with_the_files_there(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    _write(one, ["ЖСН", "Тегі"], [["871008401427", "Сейітова"]])
    result = CliRunner().invoke(app, ["link", str(one), "--out", str(tmp_path / "c.csv"), "--map", "two.csv:x=iin"])
    assert result.exit_code == 2 and "one.csv" in result.output
    bad = CliRunner().invoke(app, ["link", str(one), "--out", str(tmp_path / "c.csv"), "--map", "one.csv:Тегі"])
    assert bad.exit_code == 2 and "file:column=meaning" in bad.output



def _anchored(folder: Path) -> list[Person]:
    """120 persons in a registry and a tax file that share valid IINs and agree on names and births: what tells
    the model how one person's records differ."""
    rng = random.Random(4242)
    people = []
    for key in range(120):
        male = key % 2 == 0
        born = dt.date(1975, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 20))
        root = ROOTS[key % len(ROOTS)] + ("" if key < len(ROOTS) else ROOTS[key // len(ROOTS)].lower())
        people.append(Person(key, _iin(born, male, rng.randrange(1000, 9000)), root + ("ов" if male else "ова"),
                             rng.choice(MEN if male else WOMEN),
                             FATHERS[key % len(FATHERS)] + ("ұлы" if male else "қызы"), born, male))
    _write(folder / "registry.csv", ["ЖСН", "Тегі", "Аты", "Әкесінің аты", "Туған күні"],
           [[p.iin, p.surname, p.first, p.father, f"{p.born:%d.%m.%Y}"] for p in people])
    _write(folder / "tax.csv", ["IIN", "Surname", "Name", "Birth"],
           [[p.iin, p.surname.upper(), p.first.upper(), f"{p.born:%Y-%m-%d}"] for p in people])
    return people


def _entities(folder: Path, *files: str, ids: str | None = None) -> dict[tuple[str, str], str]:
    """``ukimet link`` on ``files`` in ``folder``: each record's entity; ``ids``: FILE:COLUMN of a file's record ids."""
    out = folder / "clusters.csv"
    mapped = ["--map", f"{ids}=record_id"] if ids else []
    result = CliRunner().invoke(app, ["link", *(str(folder / f) for f in files), "--out", str(out), *mapped])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        return {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}


def test_twins_without_iins_stay_two_persons_and_an_iin_on_another_persons_record_joins_nothing(
        tmp_path: Path) -> None:
    """A clinic without IINs holds ten persons of the registry and, at the same address, each one's twin: the
    same surname, father and birth, another first name. Where the IIN-sharing records show one person's first
    name is not written wholly differently, the twins stay apart. A record that carries a registry person's IIN
    under a wholly different name (the IIN typed onto the wrong record) is not that person. A name written the
    other way round with a slip (given name first) is still its person."""
    people = _anchored(tmp_path)
    rows = []
    for n, p in enumerate(people[40:50]):
        address = f"Астана, Абай даңғылы {10 + n}, {n + 1}"
        twin = next(f for f in (MEN if p.male else WOMEN) if f != p.first and f[:2] != p.first[:2])
        rows += [[f"C{p.key}", "", p.surname, p.first, p.father, f"{p.born:%d/%m/%Y}", address],
                 [f"T{p.key}", "", p.surname, twin, p.father, f"{p.born:%d/%m/%Y}", address]]
    stranger = people[60]
    rows.append(["X", stranger.iin, "Вагнер", "Ирина", "Александровна", f"{stranger.born:%d/%m/%Y}", ""])
    _write(tmp_path / "clinic.csv", ["record_id", "ИИН", "Фамилия", "Имя", "Отчество", "Дата рождения", "Адрес"],
           rows)
    slipped = people[70]
    _write(tmp_path / "bank.csv", ["record_id", "full name", "birth"],
           [["B1", f"{slipped.first.upper()} {slipped.surname.upper()[:-2]}{slipped.surname.upper()[-1]}"
                   f"{slipped.surname.upper()[-2]}", f"{slipped.born:%d.%m.%Y}"]])
    entity = _entities(tmp_path, "registry.csv", "tax.csv", "clinic.csv", "bank.csv")
    for p in people[40:50]:
        own = entity[("registry", str(p.key + 1))]
        assert entity[("clinic", f"C{p.key}")] == own
        assert entity[("clinic", f"T{p.key}")] != own
    assert entity[("clinic", "X")] != entity[("registry", str(stranger.key + 1))]
    assert entity[("bank", "B1")] == entity[("registry", str(slipped.key + 1))]


def test_a_namesake_born_decades_apart_is_another_person_where_births_are_written_alike(tmp_path: Path) -> None:
    """120 persons in a registry and a tax file that share valid IINs, whose births the two agree on: the data
    show one person's birth is not written wholly differently by two agencies. A clinic without IINs holds ten
    of them and, at the same address, a namesake born 27 years earlier (a father and the son named after him):
    each clinic record joins its own person, and the namesakes stay apart however alike their names."""
    people = _anchored(tmp_path)
    clinic = people[20:30]
    rows = []
    for n, p in enumerate(clinic):
        address = f"Астана, Абай даңғылы {10 + n}, {n + 1}"
        rows.append([f"C{p.key}", p.surname, p.first, p.father, f"{p.born:%d/%m/%Y}", address])
        father = p.born - dt.timedelta(days=27 * 365 + 100)
        rows.append([f"N{p.key}", p.surname, p.first, p.father, f"{father:%d/%m/%Y}", address])
    _write(tmp_path / "clinic.csv", ["record_id", "Фамилия", "Имя", "Отчество", "Дата рождения", "Адрес"], rows)
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", *(str(tmp_path / f) for f in ("registry.csv", "tax.csv",
                                                                            "clinic.csv")), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        entity = {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}
    for p in clinic:
        own = entity[("registry", str(p.key + 1))]
        assert entity[("clinic", f"C{p.key}")] == own == entity[("tax", str(p.key + 1))]
        assert entity[("clinic", f"N{p.key}")] != own


def test_how_often_births_are_apart_within_one_person_travels_with_the_model(tmp_path: Path) -> None:
    from ukimet.link.model import Model

    strict, loose, unknown = Model(births_apart=0.001), Model(births_apart=0.05), Model()
    assert strict.strict_births and not loose.strict_births and not unknown.strict_births
    assert Model.from_rows([(str(r[0]), int(r[1]), r[2], r[3]) for r in zip(*[
        strict.to_arrow().column(c).to_pylist() for c in ("field", "level", "m", "u")], strict=True)]) \
        .births_apart == 0.001


def test_a_wife_is_found_under_her_surname_before_and_after_marriage_and_stays_one_person(tmp_path: Path) -> None:
    """A marriage register names the wife's surname before and after marriage in two columns; a notary knows
    her by the surname she has now, a school by her maiden name, under coded headers whose address only its
    values tell (Актобе, Абая 12-4). Each finds her, her two records from the register are one person (one line),
    and a husband never joins his wife."""
    rng = random.Random(77)
    rows, notary, school = [], [], []
    for key in range(60):
        born = dt.date(1970, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 25))
        husband_born = born - dt.timedelta(days=rng.randrange(300, 3000))
        maiden, married = ROOTS[key % len(ROOTS)] + "ова", SURNAMES[key % len(SURNAMES)] + "а"
        first = WOMEN[key % len(WOMEN)]
        rows.append([f"2015/{key}", f"Ақмола {key}", _iin(husband_born, True, 5000 + key),
                     f"{SURNAMES[key % len(SURNAMES)]} {MEN[key % len(MEN)]}", f"{husband_born:%d.%m.%Y}",
                     _iin(born, False, 1000 + key) if key % 3 else "", maiden, married, first, f"{born:%d.%m.%Y}"])
        notary.append([f"N{key}", married.upper(), first.upper(), f"{born:%d.%m.%Y}"])
        school.append([f"S{key}", maiden, first, f"{born:%Y-%m-%d}", f"Актобе, Абая {key + 10}-{key % 7 + 1}"])
    _write(tmp_path / "marriages.csv", ["акт_нөмірі", "тіркеу_органы", "күйеуі_ЖСН", "күйеуі_ТАӘ",
                                        "күйеуі_туған_күні", "әйелі_ЖСН", "әйелі_тегі_некеге_дейін",
                                        "әйелі_тегі_некеден_кейін", "әйелі_аты", "әйелі_туған_күні"], rows)
    _write(tmp_path / "notary.csv", ["record_id", "Фамилия", "Имя", "Дата рождения"], notary)
    _write(tmp_path / "school.csv", ["record_id", "fam", "im", "fld_07", "fld_11"], school)
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", *(str(tmp_path / f) for f in ("marriages.csv", "notary.csv",
                                                                            "school.csv")), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "or әйелі_тегі_некеден_кейін = surname" in result.output
    assert "fld_11 = address" in result.output
    with out.open(encoding="utf-8") as f:
        lines = list(csv.DictReader(f))
    entity = {(r["source"], r["record_id"]): r["entity_id"] for r in lines}
    assert len(lines) == len(entity) == 4 * len(rows)  # one line a person: her two records are one line
    for key in range(len(rows)):
        wife = entity[("marriages", f"{key + 1}#2")]
        assert entity[("notary", f"N{key}")] == wife, key  # the surname after marriage
        assert entity[("school", f"S{key}")] == wife, key  # the maiden name
        assert entity[("marriages", str(key + 1))] != wife


def test_a_two_word_full_name_is_a_surname_and_a_given_name_unless_one_is_plainly_a_patronymic() -> None:
    from ukimet.link.names import FullName, split_full_name

    assert split_full_name("Оразбайұлы Ислам") == FullName("Оразбайұлы", "Ислам", None)
    assert split_full_name("Ислам Оразбайұлы") == FullName("Оразбайұлы", "Ислам", None)
    assert split_full_name("Айгерім Серікқызы") == FullName("Серікқызы", "Айгерім", None)
    assert split_full_name("Пётр Иванович") == FullName(None, "Пётр", "Иванович")
    assert split_full_name("Мұхтарова Алма Қайратқызы") == FullName("Мұхтарова", "Алма", "Қайратқызы")


@pytest.mark.parametrize(("written", "read"), [
    ("Dauren Y. Issayev", ("Issayev", "Dauren", "Y")),  # the western middle initial: before, the surname was
    ("Nurlan S. Akhmetov", ("Akhmetov", "Nurlan", "S")),  # "Dauren Issayev" and the first name "Y"
    ("Akhmetov Nurlan S.", ("Akhmetov", "Nurlan", "S")),
    ("Ахметов Н. Серикович", ("Ахметов", "Н", "Серикович")),
    ("Ахметов Н.С.", ("Ахметов", "Н", "С")),
    ("A.D. Mukanova", ("Mukanova", "A", "D")),
])
def test_two_names_and_one_initial_take_the_roles_their_endings_fit(written: str, read: tuple[str, ...]) -> None:
    from ukimet.link.names import FullName, split_full_name

    assert split_full_name(written) == FullName(*read)


def test_a_column_that_writes_the_given_name_first_is_read_so_where_the_endings_say_nothing() -> None:
    """A passport column in Latin writes FIRST LAST: where the endings tell (ARMAN MARATOV), the surname comes
    last, so GALYM TOKTAR, whose endings tell nothing, is Galym of the family Toktar there, and Toktar Galym in
    a column that writes the surname first."""
    from ukimet.link.names import FullName, given_first, split_full_name

    passports = [f"{first} {root}{ending}" for first, root, ending in zip(
        ("ARMAN", "GULNAR", "DANIYAR", "AIGUL", "SERIK", "ASEL", "NURLAN", "DANA", "TIMUR", "MADINA") * 3,
        ("MARAT", "AIBEK", "ERLAN", "OMAR", "KASYM", "SAPAR", "BEKZHAN", "ZHAKYP", "ORAZ", "SEIT") * 3,
        ("OV", "OVA", "OV", "OVA", "OV", "OVA", "OV", "OVA", "OV", "OVA") * 3, strict=True)]
    assert given_first(passports)
    assert not given_first([" ".join(reversed(p.split())) for p in passports])
    assert not given_first(passports[:5])  # too few to tell
    assert split_full_name("GALYM TOKTAR", given_first=True) == FullName("TOKTAR", "GALYM", None)
    assert split_full_name("GALYM TOKTAR") == FullName("GALYM", "TOKTAR", None)
    assert split_full_name("KARLYGASH OMAROVA") == split_full_name("KARLYGASH OMAROVA", given_first=True)


def test_extracts_in_styles_of_other_agencies_link_without_configuration(tmp_path: Path) -> None:
    """Styles a third writer chose: a military register with the birth in three columns (ЧИСЛО, МЕСЯЦ, ГОД
    РОЖД.) and no IIN for some; a tax export whose IIN is a float (920919400004.0, the leading zero lost), with a
    pandas index column, yy-mm-dd births, ИП before the name and an accountant's phone; an akimat's workbook with
    a title above the header and a total under it, the applicant's name in three columns and the spouse's in one;
    a school list of a pupil with the mother and the father per row, each a full name under *_name."""
    from openpyxl import Workbook

    people = _population()[:36]
    _write(tmp_path / "voenkomat.txt", ["№ п/п", "ФАМИЛИЯ", "ИМЯ", "ОТЧЕСТВО", "ЧИСЛО", "МЕСЯЦ", "ГОД РОЖД.", "ИИН",
                                        "РАЙОН (ГОРОД)"],
           [[str(n + 1), p.surname.upper(), p.first.upper(), p.father.upper(), str(p.born.day), f"{p.born.month:02d}",
             str(p.born.year), "" if n % 3 == 0 else p.iin, "АБАЙ РАЙОН"] for n, p in enumerate(people[:24])], "|")
    _write(tmp_path / "kgd.csv", ["", "RNN/IIN", "Наименование налогоплательщика", "Дата рождения", "Тел. бухгалтера"],
           [[str(n), f"{int(p.iin)}.0", f"ИП {p.surname.upper()} {p.first.upper()} {p.father.upper()}",
             f"{p.born:%y-%m-%d}", "+77011234567"] for n, p in enumerate(people[10:30])])
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Тұрғын үй кезегіндегі азаматтар тізімі (01.10.2025 ж. жағдай бойынша)"])
    sheet.append([])
    sheet.append(["Р/с №", "Тегі", "Аты", "Әкесінің аты", "Туған күні", "ЖСН", "Жұбайының Т.А.Ә.",
                  "Жұбайының туған күні", "Жұбайының ЖСН"])
    couples = [(people[k], people[k + 1]) for k in range(20, 32, 2)]
    for n, (a, b) in enumerate(couples):
        sheet.append([n + 1, a.surname, a.first, a.father, f"{a.born:%d.%m.%Y}", a.iin,
                      f"{b.surname} {b.first} {b.father}", f"{b.born:%d.%m.%Y}", ""])
    sheet.append([None, f"Барлығы: {len(couples)}"])
    book.save(tmp_path / "kezek.xlsx")
    families = [(people[k], people[k + 1], people[k + 2]) for k in range(0, 18, 3)]
    _write(tmp_path / "school.csv", ["record_id", "child_name", "child_dob", "mother_name", "mother_dob",
                                     "father_name", "father_dob", "grade"],
           [[f"S{n}", f"{c.surname} {c.first} {c.father}", f"{c.born:%Y-%m-%d}", f"{m.surname} {m.first}",
             f"{m.born:%d.%m.%Y}", f"{d.first} {d.surname}", f"{d.born:%d.%m.%Y}", "5А"]
            for n, (c, m, d) in enumerate(families)])
    out = tmp_path / "clusters.csv"
    files = [str(tmp_path / f) for f in ("voenkomat.txt", "kgd.csv", "kezek.xlsx", "school.csv")]
    result = CliRunner().invoke(app, ["link", *files, "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "ЧИСЛО, МЕСЯЦ, ГОД РОЖД. = birth date (day, month, year)" in said
    assert "RNN/IIN = iin" in said and "Дата рождения = birth date" in said and "child_name = full name" in said
    with out.open(encoding="utf-8") as f:
        entity = {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}
    truth = {("voenkomat", str(n + 1)): p.key for n, p in enumerate(people[:24])}
    truth |= {("kgd", str(n + 1)): p.key for n, p in enumerate(people[10:30])}
    truth |= {("kezek", str(n + 1)): a.key for n, (a, _) in enumerate(couples)}
    truth |= {("kezek", f"{n + 1}#2"): b.key for n, (_, b) in enumerate(couples)}
    for n, (c, m, d) in enumerate(families):
        truth |= {("school", f"S{n}"): c.key, ("school", f"S{n}#2"): m.key, ("school", f"S{n}#3"): d.key}
    assert set(entity) == set(truth)  # every person of every row, the total row none
    by_person: dict[int, set[str]] = defaultdict(set)
    for record, person in truth.items():
        by_person[person].add(entity[record])
    assert all(len(entities) == 1 for entities in by_person.values()), by_person
    assert len({e for es in by_person.values() for e in es}) == len(by_person)  # and no two persons merged


def _catalogued(*columns: tuple[str, str]) -> list[Any]:
    from ukimet.connect.catalog import CatalogColumn

    return [CatalogColumn("t", name, "VARCHAR", kind, 0.9, "personal", "classifier", "") for name, kind in columns]


@pytest.mark.parametrize("columns", [
    (("Собственник (ФИО)", "full_name"), ("ИИН собственника", "iin"), ("Дата рождения собственника", "birth_date"),
     ("Совладелец (ФИО)", "full_name"), ("ИИН совладельца", "iin"), ("Дата рождения совладельца", "birth_date")),
    (("күйеуі_ЖСН", "iin"), ("күйеуі_ТАӘ", "full_name"), ("әйелі_ЖСН", "iin"), ("әйелі_аты", "first_name"),
     ("әйелі_әкесінің_аты", "patronymic"), ("әйелі_туған_күні", "birth_date")),
])
def test_a_row_of_two_persons_is_split_by_the_word_for_each_wherever_it_stands(
        columns: tuple[tuple[str, str], ...]) -> None:
    """A land cadastre names its owner and co-owner after the kind of each column (ИИН собственника, Дата рождения
    совладельца) and in any case form: each person gets their own name, IIN and date of birth. Before, the first
    word grouped them, and a row gave four "persons" (a name alone, an IIN alone) with the dates unused: F1 0.76 on
    a fourth writer's extracts, 0.97 now."""
    from ukimet.link.records import parties

    found = parties(_catalogued(*columns), ())
    assert len(found) == 2, found
    persons = ("собств", "совлад", "күйеуі", "әйелі")
    said = [{w for w in persons if all(w in c.lower() for c in party.columns.values())} for party in found]
    assert all(len(words) == 1 for words in said) and said[0] != said[1], found  # each person's columns alone
    assert sum(len(party.columns) for party in found) == len(columns)  # and every column used


def test_a_row_of_two_persons_gives_each_the_contacts_its_name_says_and_both_the_home_address() -> None:
    """A kindergarten queue: a child and a guardian per line. The guardian's phone is the guardian's (not the
    child's), the home address is both persons', and a phone of nobody named is nobody's."""
    from ukimet.link.records import parties

    found = {p.party: p for p in parties(_catalogued(
        ("child_surname", "surname"), ("child_name", "first_name"), ("child_dob", "birth_date"),
        ("guardian_surname", "surname"), ("guardian_name", "first_name"), ("guardian_iin", "iin"),
        ("guardian_phone", "phone"), ("home_address", "address"), ("contact_phone", "phone")), ())}
    assert set(found) == {"child", "guardi"}, found
    assert found["guardi"].columns["phone"] == "guardian_phone" and "phone" not in found["child"].columns
    assert found["guardi"].address == found["child"].address == ("home_address",)


def test_a_first_name_in_its_short_form_is_its_person_and_no_one_elses(tmp_path: Path) -> None:
    """Where the IIN-sharing records show one person's first name is not written wholly differently, a clinic
    card without an IIN that writes a first name short (Саша, Женя, Бауке, Нұрке) still joins its person: a
    short form is that name, not a different one. A short form of another name (Маша for Александра) does not."""
    people = _anchored(tmp_path)
    rng = random.Random(77)
    russians = [Person(900 + n, _iin(dt.date(1980 + n, 3, 1 + n), n % 2 == 0, 5000 + n), surname, first, father,
                       dt.date(1980 + n, 3, 1 + n), n % 2 == 0)
                for n, (surname, first, father) in enumerate([
                    ("Иванов", "Александр", "Петрович"), ("Смирнова", "Евгения", "Олеговна"),
                    ("Кузнецов", "Дмитрий", "Ильич"), ("Попова", "Александра", "Сергеевна")])]
    _write(tmp_path / "zags.csv", ["IIN", "Фамилия", "Имя", "Отчество", "Дата рождения"],
           [[p.iin, p.surname, p.first, p.father, f"{p.born:%d.%m.%Y}"] for p in russians])
    kazakhs = [p for p in people if p.first in ("Бауыржан", "Нұрлан")][:4]
    short = {"Александр": "Саша", "Евгения": "Женя", "Дмитрий": "Дима", "Бауыржан": "Бауке", "Нұрлан": "Нұрке"}
    rows = [[f"S{p.key}", p.surname, short[p.first], p.father, f"{p.born:%d/%m/%Y}", f"Алматы, {rng.randrange(99)}"]
            for p in (*russians[:3], *kazakhs)]
    other = russians[3]  # Александра Попова, written as Маша: another name's short form
    rows.append(["M", other.surname, "Маша", other.father, f"{other.born:%d/%m/%Y}", ""])
    _write(tmp_path / "clinic.csv", ["record_id", "Фамилия", "Имя", "Отчество", "Дата рождения", "Адрес"], rows)
    entity = _entities(tmp_path, "registry.csv", "tax.csv", "zags.csv", "clinic.csv")
    assert len(kazakhs) >= 2
    for n, p in enumerate(russians[:3]):
        assert entity[("clinic", f"S{p.key}")] == entity[("zags", str(n + 1))], p
    for p in kazakhs:
        assert entity[("clinic", f"S{p.key}")] == entity[("registry", str(p.key + 1))], p
    assert entity[("clinic", "M")] != entity[("zags", "4")]


def test_nested_records_and_numbered_persons_are_read_as_their_people(tmp_path: Path) -> None:
    """A registry in JSON whose names are nested under the citizen (азамат.аты_жөні.тегі: the surname, not a full
    name; азамат.туған.күні: the day of birth; бұрынғы_тегі: her former surname) and a property register whose row
    numbers its two owners (Құқық иесі 1, ЖСН/ИИН 1, Т.к. 1 | Құқық иесі 2 ...) give one record per person."""
    import json

    people = _anchored(tmp_path)[:40]
    (tmp_path / "registry.json").write_text(json.dumps([
        {"азамат": {"ЖСН": p.iin, "аты_жөні": {"тегі": p.surname, "аты": p.first, "әкесінің_аты": p.father,
                                               "бұрынғы_тегі": None if p.male else p.surname[:-1]},
                    "туған": {"күні": f"{p.born:%d.%m.%Y}", "жері": "Алматы"}},
         "мекенжай": {"қала": "Алматы"}} for p in people], ensure_ascii=False), encoding="utf-8")
    pairs = [(people[k], people[k + 1]) for k in range(0, 20, 2)]
    _write(tmp_path / "property.txt", ["Кад.№", "Құқық иесі 1", "ЖСН/ИИН 1", "Т.к. 1", "Құқық иесі 2", "ЖСН/ИИН 2",
                                       "Т.к. 2"],
           [[f"12:{n}", f"{a.surname} {a.first}", a.iin, f"{a.born:%d.%m.%Y}", f"{b.first} {b.surname}", "",
             f"{b.born:%d.%m.%Y}"] for n, (a, b) in enumerate(pairs)], "\t")
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", str(tmp_path / "registry.json"), str(tmp_path / "property.txt"),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "азамат.аты_жөні.тегі = surname" in result.output and "азамат.туған.күні = birth date" in result.output
    assert "person 1: Құқық иесі 1 = full name, ЖСН/ИИН 1 = iin, Т.к. 1 = birth date" in result.output
    with out.open(encoding="utf-8") as f:
        entity = {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}
    assert len({v for k, v in entity.items() if k[0] == "registry"}) == len(people)  # one person per record
    for n, (a, b) in enumerate(pairs):
        assert entity[("property", str(n + 1))] == entity[("registry", str(people.index(a) + 1))]
        assert entity[("property", f"{n + 1}#2")] == entity[("registry", str(people.index(b) + 1))]


def test_a_hospital_file_of_hl7_names_american_dates_and_an_emergency_contact_links_its_patients(
        tmp_path: Path) -> None:
    """A hospital discharge file written elsewhere: the patient as SURNAME^FIRST^PATRONYMIC, dates of birth
    month first (09/21/1950), no IIN, and an emergency contact (a name and a phone) on the same row. Each patient
    joins their registry person; the contact is the row's second person with the contact's phone, never the
    patient; a case handled by a doctor does not make the doctor a person. Before, the caret name and the dates
    were "compared as they are" and the contact was taken as the row's only person (F1 0.72 on an eighth
    writer's extracts)."""
    people = _anchored(tmp_path)
    patients = people[:30]
    rows = [[f"H{p.key}", f"{p.surname.upper()}^{p.first.upper()}^{p.father.upper()}", f"{p.born:%m/%d/%Y}",
             f"{people[p.key + 60].first} {people[p.key + 60].surname}", "Spouse",
             f"+7 (701) 555-{p.key:02d}-{p.key:02d}", "Ахметов Н.С."] for p in patients]
    _write(tmp_path / "hospital.csv", ["Case No", "Patient", "DOB", "Emergency Contact", "Relationship",
                                       "Contact Phone", "Attending doctor"], rows)
    out = tmp_path / "clusters.csv"
    files = [str(tmp_path / f) for f in ("registry.csv", "tax.csv", "hospital.csv")]
    result = CliRunner().invoke(app, ["link", *files, "--out", str(out), "--map", "hospital.csv:Case No=record_id"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Patient = full name" in said and "DOB = birth date" in said and "record id: Case No" in said
    assert "person 2: Emergency Contact = full name, Contact Phone = phone" in said
    with out.open(encoding="utf-8") as f:
        entity = {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}
    assert not any(key[1].endswith("#3") for key in entity)  # the doctor is nobody's record
    for p in patients:
        assert entity[("hospital", f"H{p.key}")] == entity[("registry", str(p.key + 1))], p
        assert entity[("hospital", f"H{p.key}#2")] != entity[("hospital", f"H{p.key}")]


def test_a_cadastre_that_writes_the_year_of_birth_alone_links_by_it(tmp_path: Path) -> None:
    """A land cadastre: the owner's full name and the year of birth alone (Год рождения), no IIN, a notary who is
    nobody's record. Each owner joins their registry person; an owner of the same name born another year (a
    namesake) does not. Before, the year was "compared as they are" within the file only, and the notary was a
    person of every row."""
    people = _anchored(tmp_path)
    owners = people[:20]
    rows = [[f"K{p.key}", f"{p.surname} {p.first} {p.father}", str(p.born.year), "Оспанов Б.Е."] for p in owners]
    rows += [[f"N{p.key}", f"{p.surname} {p.first} {p.father}", str(p.born.year - 30), "Сейтова А.Б."]
             for p in owners[:5]]
    _write(tmp_path / "cadastre.csv", ["ID", "Правообладатель", "Год рождения", "Нотариус"], rows)
    out = tmp_path / "clusters.csv"
    files = [str(tmp_path / f) for f in ("registry.csv", "tax.csv", "cadastre.csv")]
    result = CliRunner().invoke(app, ["link", *files, "--out", str(out), "--map", "cadastre.csv:ID=record_id"])
    assert result.exit_code == 0, result.output
    assert "Год рождения = birth date" in " ".join(result.output.split())
    with out.open(encoding="utf-8") as f:
        entity = {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}
    assert not any(key[1].endswith("#2") for key in entity)  # the notary is nobody's record
    for p in owners:
        assert entity[("cadastre", f"K{p.key}")] == entity[("registry", str(p.key + 1))], p
    for p in owners[:5]:
        assert entity[("cadastre", f"N{p.key}")] != entity[("registry", str(p.key + 1))], p


def test_an_official_beside_the_records_person_is_no_person_and_alone_is_the_person() -> None:
    """A marriage office's extract names the registrar (Регистратор, ИИН регистратора) beside the citizen: the
    registrar is left out, and the citizen's IIN and names are one record. A register of managers (manager_surname,
    manager_iin) holds nobody else: the managers are its persons."""
    from ukimet.connect.catalog import CatalogColumn
    from ukimet.connect.classify import OFFICIAL
    from ukimet.link.records import parties

    def column(name: str, kind: str, official: bool = False) -> CatalogColumn:
        return CatalogColumn("t", name, "VARCHAR", kind, 0.9, "personal", "classifier",
                             f"values; {OFFICIAL} (x)" if official else "values")

    registry = parties([column("ИИН", "iin"), column("Фамилия", "surname"), column("Имя", "first_name"),
                        column("Регистратор", "full_name", True), column("ИИН регистратора", "iin", True)], ())
    assert len(registry) == 1 and set(registry[0].columns.values()) == {"ИИН", "Фамилия", "Имя"}, registry
    managers = parties([column("manager_surname", "surname", True), column("manager_name", "first_name", True),
                        column("manager_iin", "iin", True)], ())
    assert len(managers) == 1 and len(managers[0].columns) == 3, managers


def test_a_register_that_writes_year_and_month_of_birth_links_its_persons(tmp_path: Path) -> None:
    """A land register writes the owner's full name and the month of birth alone (1985-03, 03.1985, наурыз 1985):
    every owner joins their registry person though no date agrees in full. Before, the partial agreement was capped
    by a full one no pair showed, and no owner joined anyone."""
    people = _anchored(tmp_path)
    months = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
              "қараша", "желтоқсан")
    forms = (lambda d: f"{d:%Y-%m}", lambda d: f"{d:%m.%Y}", lambda d: f"{months[d.month - 1]} {d.year}")
    owners = people[:60]
    _write(tmp_path / "land.csv", ["Кадастр", "Иесінің аты-жөні", "Туған айы"],
           [[f"L{p.key}", f"{p.surname} {p.first} {p.father}", forms[n % 3](p.born)] for n, p in enumerate(owners)])
    entity = _entities(tmp_path, "registry.csv", "land.csv", ids="land.csv:Кадастр")
    for p in owners:
        assert entity[("land", f"L{p.key}")] == entity[("registry", str(p.key + 1))], p


def test_a_debtor_that_is_a_company_is_no_person(tmp_path: Path) -> None:
    """A bailiff's export mixes persons and companies under one IIN/BIN and one name column, beside the creditor:
    ТОО «Береке-3» and ТОО «Береке-7» are no persons' names, and ten such companies of one creditor do not become
    one person (they did, by the name's words and the creditor)."""
    people = _anchored(tmp_path)
    rows = [[f"D{p.key}", p.iin, f"{p.surname} {p.first} {p.father}", "АО Банк ЦентрКредит"] for p in people[:30]]
    rows += [[f"C{n}", f"0{n}0340001{n:03d}", f"ТОО «Береке-{n}»", "АО Банк ЦентрКредит"] for n in range(10)]
    _write(tmp_path / "bailiff.csv", ["ID", "ИИН/БИН должника", "Должник", "Взыскатель"], rows)
    entity = _entities(tmp_path, "registry.csv", "bailiff.csv", ids="bailiff.csv:ID")
    assert len({entity[("bailiff", f"C{n}")] for n in range(10)}) == 10
    for p in people[:30]:
        assert entity[("bailiff", f"D{p.key}")] == entity[("registry", str(p.key + 1))], p


def test_the_persons_of_a_family_row_each_find_their_own_and_a_small_extract_weighs_addresses_by_all_pairs(
        tmp_path: Path) -> None:
    """A family register writes father, mother and child on one row, beside the family's one address; a small
    registry lists each of them. The child, a son with his father's surname at his father's address, joins his own
    registry line and never his father's. On a few dozen records the random sample of one pair per profile saw no
    two strangers share an address, a shared address weighed as certain proof, and sons joined their fathers,
    daughters their mothers: a small extract's u comes from every pair."""
    rng = random.Random(43)
    rows, people = [], []
    for n in range(4):
        father = Person(3 * n, _iin(dt.date(1970 + n, 2, 10), True, 100 + n), SURNAMES[n], MEN[n], FATHERS[n] + "н",
                        dt.date(1970 + n, 2, 10), True)
        mother = Person(3 * n + 1, _iin(dt.date(1972 + n, 10, 3), False, 200 + n), SURNAMES[n] + "а", WOMEN[n],
                        FATHERS[-1 - n] + "н", dt.date(1972 + n, 10, 3), False)
        son = n % 2 == 0
        child = Person(3 * n + 2, _iin(dt.date(1995 + n, 1, 20), son, 300 + n),
                       SURNAMES[n] + ("" if son else "а"), (MEN if son else WOMEN)[8 + n], father.first,
                       dt.date(1995 + n, 1, 20), son)
        people += [father, mother, child]
        rows.append([father.iin, f"{father.surname} {father.first} {father.father}ович", f"{father.born:%d.%m.%Y}",
                     mother.iin, f"{mother.surname} {mother.first} {mother.father}овна", f"{mother.born:%d.%m.%Y}",
                     f"{child.surname} {child.first} {child.father}{'ович' if son else 'овна'}",
                     f"{child.born:%d.%m.%Y}", f"ул. Толе би, д. {rng.randint(1, 200)}, кв. {rng.randint(1, 90)}"])
    _write(tmp_path / "families.csv", ["ИИН отца", "ФИО отца", "Дата рождения отца", "ИИН матери", "ФИО матери",
                                       "Дата рождения матери", "ФИО ребенка", "Дата рождения ребенка", "Адрес семьи"],
           rows)
    _write(tmp_path / "persons.csv", ["ИИН", "Фамилия", "Имя", "Дата рождения"],
           [[p.iin, p.surname, p.first, f"{p.born:%d.%m.%Y}"] for p in people])
    entity = _entities(tmp_path, "families.csv", "persons.csv")
    for n in range(4):
        own = [entity[("persons", str(3 * n + k + 1))] for k in range(3)]  # father, mother, child
        assert len(set(own)) == 3
        assert [entity[("families", f"{n + 1}{suffix}")] for suffix in ("", "#2", "#3")] == own


def test_an_iin_whose_sex_digit_contradicts_the_sex_column_is_a_typo_of_the_persons_iin(tmp_path: Path) -> None:
    """The seventh digit says a woman, the column says мужской, and the IIN still passes its check digit: one
    mistyped digit, not another person; the column's word, in Kazakh or Russian, is the person's sex."""
    people = [Person(n, _iin(dt.date(1980 + n, 5, 19), True, 40 + n), SURNAMES[n], MEN[n], FATHERS[n],
                     dt.date(1980 + n, 5, 19), True) for n in range(3)]
    mistyped = {p.key: make_number(p.iin[:6] + "4" + p.iin[7:11]) or "" for p in people}
    assert all(len(v) == 12 for v in mistyped.values())
    _write(tmp_path / "a.csv", ["ЖСН", "Тегі", "Аты", "Жынысы", "Туған күні"],
           [[p.iin, p.surname, p.first, "ер", f"{p.born:%d.%m.%Y}"] for p in people])
    _write(tmp_path / "b.csv", ["ИИН", "Фамилия", "Имя", "Пол", "Дата рождения"],
           [[mistyped[p.key], p.surname, p.first, "мужской", f"{p.born:%d.%m.%Y}"] for p in people])
    entity = _entities(tmp_path, "a.csv", "b.csv")
    for n in range(3):
        assert entity[("a", str(n + 1))] == entity[("b", str(n + 1))]
    assert len({entity[("a", str(n + 1))] for n in range(3)}) == 3


def test_a_field_no_random_pair_carried_is_still_weighed_without_error() -> None:
    """Files with no father's name at all: the model has the field's starting m but no u; explaining a pair of
    such a run raised KeyError."""
    import math

    from ukimet.link.model import Model

    model = Model(m={"father": {1: 0.1, 3: 0.9}}, u={})
    assert all(math.isfinite(model.weight("father", level)) for level in (1, 3))


def test_a_parents_iin_on_a_childs_record_proves_no_one_a_different_person(tmp_path: Path) -> None:
    """A benefit file writes the father's IIN on each of his children's records, beside the child's own name and
    date of birth. That IIN's date of birth is not the record's (two or more of year, month and day apart): it is
    compared digit by digit, not taken as proof that the child is someone other than the school's pupil of the
    same name, date and own IIN; and the child still never joins the father."""
    father = Person(0, _iin(dt.date(1970, 1, 15), True, 10), "Төлегенов", "Марат", "Серік", dt.date(1970, 1, 15),
                    True)
    children = [Person(n, _iin(dt.date(1995 + 2 * n, 2 + n, 10), True, 20 + n), "Төлегенов", MEN[n], "Марат",
                       dt.date(1995 + 2 * n, 2 + n, 10), True) for n in range(1, 4)]
    _write(tmp_path / "benefits.csv", ["ИИН", "ФИО", "Дата рождения"],
           [[father.iin, f"{c.surname} {c.first} Маратұлы", f"{c.born:%d.%m.%Y}"] for c in children])
    _write(tmp_path / "school.csv", ["ИИН", "ФИО", "Дата рождения"],
           [[c.iin, f"{c.surname} {c.first} Маратұлы", f"{c.born:%d.%m.%Y}"] for c in children]
           + [[father.iin, f"{father.surname} {father.first} Серікұлы", f"{father.born:%d.%m.%Y}"]])
    _anchored(tmp_path)  # a registry and a tax file beside them: what tells the model how one person's records differ
    entity = _entities(tmp_path, "registry.csv", "tax.csv", "benefits.csv", "school.csv")
    for n in range(3):
        assert entity[("benefits", str(n + 1))] == entity[("school", str(n + 1))]
        assert entity[("benefits", str(n + 1))] != entity[("school", "4")]


def test_the_run_says_how_many_dates_of_birth_it_could_not_read_showing_their_shape_only(tmp_path: Path) -> None:
    _write(tmp_path / "a.csv", ["ИИН", "ФИО", "Дата рождения"],
           [["", "Оспанов Ерлан Серікұлы", "неизвестно"], ["", "Оспанова Дана Серікқызы", "31.02.1980"]]
           + [["", f"{SURNAMES[n]} {MEN[n]} Болатұлы", f"{n + 1:02d}.03.1985 ж."] for n in range(12)])
    _write(tmp_path / "us.csv", ["Name", "Birthdate"],  # month first, as American systems write: all readable
           [[f"Person {n}", f"{1 + n % 12:02d}/{13 + n:02d}/1985"] for n in range(12)])
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", str(tmp_path / "a.csv"), str(tmp_path / "us.csv"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "a.csv: 2 value(s) of Дата рождения could not be read" in said, said
    assert "##.##.####" in said and "31.02.1980" not in said
    assert "us.csv:" not in said, said


def test_surname_and_first_name_headers_that_name_each_others_values_are_read_by_the_values(tmp_path: Path) -> None:
    """Фамилия holds Айгүл, Ерлан; Имя holds Ахметова, Оспанов: the run reads and says the columns as their values
    are, and the names still find their people."""
    people = _anchored(tmp_path)
    _write(tmp_path / "swapped.csv", ["Фамилия", "Имя", "Дата рождения"],
           [[p.first, p.surname, f"{p.born:%d.%m.%Y}"] for p in people[:12]])
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["link", str(tmp_path / "registry.csv"), str(tmp_path / "swapped.csv"),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Фамилия = first name" in said and "Имя = surname" in said, said
    with out.open(encoding="utf-8") as f:
        entity = {(r["source"], r["record_id"]): r["entity_id"] for r in csv.DictReader(f)}
    for n, p in enumerate(people[:12]):
        assert entity[("swapped", str(n + 1))] == entity[("registry", str(p.key + 1))]


def test_a_small_court_list_of_surnames_and_initials_joins_its_persons_by_their_birth_dates(tmp_path: Path) -> None:
    """Five court rows (АХМЕТОВ Н.С., Г.М. Сейітова) beside five registry lines: too few pairs to learn from, so the
    reference's m holds, and its m of a "similar" first name (a misspelling, rare) made an agreeing initial
    evidence of two persons. The brothers Нұрлан and Нұржан Серікұлы share the initials; their birth dates decide."""
    _write(tmp_path / "registry.csv", ["record_id", "Тегі", "Аты", "Әкесінің аты", "Туған күні"],
           [["R1", "Ахметов", "Нұрлан", "Серікұлы", "12.03.1985"],
            ["R2", "Ахметов", "Нұржан", "Серікұлы", "30.07.1992"],
            ["R3", "Ахметов", "Нұрлан", "Болатұлы", "09.09.1985"],
            ["R4", "Сейітова", "Гүлмира", "Маратқызы", "15.01.1970"],
            ["R5", "Сейітова", "Гүлнар", "Маратқызы", "05.05.1974"]])
    _write(tmp_path / "court.csv", ["record_id", "Т.А.Ә.", "Туған күні"],
           [["J1", "АХМЕТОВ Н.С.", "12.03.1985"], ["J2", "АХМЕТОВ Н.С.", "30.07.1992"],
            ["J3", "Ахметов Н.Б.", "09.09.1985"], ["J4", "Г.М. Сейітова", "15.01.1970"],
            ["J5", "СЕЙІТОВА Г.М.", "05.05.1974"]])
    entity = _entities(tmp_path, "registry.csv", "court.csv")
    assert [entity[("court", f"J{n}")] for n in range(1, 6)] == [entity[("registry", f"R{n}")] for n in range(1, 6)]
    assert len({entity[("registry", f"R{n}")] for n in range(1, 6)}) == 5


def test_a_small_roster_of_years_and_months_of_birth_joins_its_persons_not_their_namesakes(tmp_path: Path) -> None:
    """A military roster writes a year and a month of birth (1985-03, 07.1999); two Төлеуов Бекзат Серікұлы of the
    registry were born in March and in November 1985. Too few pairs to learn from: the reference's m of a date "a
    typo apart" made 1985-03 beside 17.03.1985 evidence of two persons, and no roster line joined its person."""
    _write(tmp_path / "registry.csv", ["record_id", "Тегі", "Аты", "Әкесінің аты", "Туған күні", "Мекенжайы"],
           [["R1", "Төлеуов", "Бекзат", "Серікұлы", "17.03.1985", "Қостанай қ., Баймағамбетов 8-1"],
            ["R2", "Төлеуов", "Бекзат", "Серікұлы", "02.11.1985", "Рудный қ., Ленин 4"],
            ["R3", "Сүлейменов", "Данияр", "Қанатұлы", "09.07.1999", "Алматы қ., Саин 9-90"]])
    _write(tmp_path / "military.csv", ["record_id", "Тегі", "Аты", "Әкесінің аты", "Туған жылы, айы", "Мекенжайы"],
           [["M1", "Төлеуов", "Бекзат", "Серікұлы", "1985-03", "Қостанай қ., Баймағамбетов 8-1"],
            ["M2", "Төлеуов", "Бекзат", "Серікұлы", "1985-11", "Рудный қ., Ленин 4"],
            ["M3", "Сүлейменов", "Данияр", "Қанатұлы", "07.1999", "Алматы қ., Саин 9-90"]])
    entity = _entities(tmp_path, "registry.csv", "military.csv")
    assert [entity[("military", f"M{n}")] for n in range(1, 4)] == [entity[("registry", f"R{n}")] for n in range(1, 4)]
    assert entity[("registry", "R1")] != entity[("registry", "R2")]


def test_in_a_small_file_the_same_iin_outweighs_a_mistyped_year_of_birth(tmp_path: Path) -> None:
    """Three registry lines and three pension records of the same persons, one IIN each: the pension file writes
    21.12.1959 for a woman born (and numbered) 21.12.1995. Every pair of six records was the sample of strangers, a
    third of them one person's, and the same IIN weighed as if one stranger in twenty shared it."""
    people = [Person(n, _iin(born, n % 2 == 0, 70 + n), SURNAMES[n], (MEN if n % 2 == 0 else WOMEN)[n], FATHERS[n],
                     born, n % 2 == 0) for n, born in enumerate([dt.date(1987, 4, 9), dt.date(1995, 12, 21),
                                                                 dt.date(1970, 6, 16)])]
    _write(tmp_path / "registry.csv", ["ИИН", "Фамилия", "Имя", "Дата рождения"],
           [[p.iin, p.surname, p.first, f"{p.born:%d.%m.%Y}"] for p in people])
    written = ["09.04.1987", "21.12.1959", "16.06.1970"]
    _write(tmp_path / "pension.csv", ["ИИН", "Фамилия", "Имя", "Дата рождения"],
           [[p.iin, p.surname, p.first, w] for p, w in zip(people, written, strict=True)])
    entity = _entities(tmp_path, "registry.csv", "pension.csv")
    assert [entity[("pension", str(n))] for n in range(1, 4)] == [entity[("registry", str(n))] for n in range(1, 4)]
    assert len({entity[("registry", str(n))] for n in range(1, 4)}) == 3


def test_a_pupils_record_under_the_mothers_iin_joins_the_pupil_not_the_mother(tmp_path: Path) -> None:
    """A school writes the mother's IIN in the pupil's column: its date and sex are hers, not the boy's. The date
    already made it no proof of a different person; its sex digit still made the boy a woman, and the school's
    line never joined his registry line."""
    mother = Person(0, _iin(dt.date(1984, 2, 2), False, 16), "Ахметова", "Гүлнар", "Серік", dt.date(1984, 2, 2), False)
    son = Person(1, _iin(dt.date(2012, 9, 1), True, 17), "Ахметов", "Ерасыл", "Нұрлан", dt.date(2012, 9, 1), True)
    other = Person(2, _iin(dt.date(2013, 12, 12), True, 18), "Омаров", "Әділет", "Қанат", dt.date(2013, 12, 12), True)
    _write(tmp_path / "registry.csv", ["ЖСН", "Тегі", "Аты", "Әкесінің аты", "Туған күні"],
           [[p.iin, p.surname, p.first, p.father + ("ұлы" if p.male else "қызы"), f"{p.born:%d.%m.%Y}"]
            for p in (mother, son, other)])
    _write(tmp_path / "school.csv", ["Оқушының ЖСН", "Оқушының Т.А.Ә.", "Туған күні"],
           [[mother.iin, "Ахметов Ерасыл Нұрланұлы", "01.09.2012"],
            [other.iin, "Омаров Әділет Қанатұлы", "12.12.2013"]])
    entity = _entities(tmp_path, "registry.csv", "school.csv")
    assert entity[("school", "1")] == entity[("registry", "2")] != entity[("registry", "1")]
    assert entity[("school", "2")] == entity[("registry", "3")]


def test_a_bride_named_by_her_surnames_before_and_after_marriage_is_a_person_of_her_own(tmp_path: Path) -> None:
    """A marriage register: the groom's columns, then the bride's, whose surname is only in 'before' and 'after
    marriage' columns. Those were matched to a party by their first word while the bride's other columns were
    grouped by the word that names her (невест): she had no surname, and no bride was read."""
    _write(tmp_path / "marriage.csv", ["Жених фамилия", "Жених имя", "Жених дата рождения", "Невеста фамилия до брака",
                                       "Невеста фамилия после брака", "Невеста имя", "Невеста дата рождения"],
           [["Ахметов", "Нурлан", "12.03.1988", "Исаева", "Ахметова", "Дина", "02.03.1990"],
            ["Ахметов", "Ерлан", "17.01.1990", "Ким", "Ахметова", "Анна", "17.09.1992"]])
    _write(tmp_path / "registry.csv", ["Фамилия", "Имя", "Дата рождения"],
           [["Исаева", "Дина", "02.03.1990"], ["Ахметова", "Анна", "17.09.1992"], ["Ахметов", "Нурлан", "12.03.1988"]])
    entity = _entities(tmp_path, "marriage.csv", "registry.csv")
    assert entity[("marriage", "1#2")] == entity[("registry", "1")] != entity[("marriage", "1")]
    assert entity[("marriage", "2#2")] == entity[("registry", "2")]
    assert entity[("marriage", "1")] == entity[("registry", "3")]


def test_a_whole_name_in_the_first_names_column_is_read_as_a_full_name(tmp_path: Path) -> None:
    """Passport rows where the surname is empty and the first name's column holds NURLAN SEITKALI."""
    _write(tmp_path / "passport.csv", ["surname", "first_name", "birth_date"],
           [["", "NURLAN SEITKALI", "12.03.1985"], ["ZHUMABAEV", "ERLAN", "01.01.1990"],
            ["", "AIZHAN TOKTAROVA", "14.04.1989"]])
    _write(tmp_path / "registry.csv", ["Тегі", "Аты", "Туған күні"],
           [["Сейтқали", "Нұрлан", "12.03.1985"], ["Жұмабаев", "Ерлан", "01.01.1990"],
            ["Тоқтарова", "Айжан", "14.04.1989"]])
    entity = _entities(tmp_path, "passport.csv", "registry.csv")
    assert [entity[("passport", str(n))] for n in (1, 2, 3)] == [entity[("registry", str(n))] for n in (1, 2, 3)]
