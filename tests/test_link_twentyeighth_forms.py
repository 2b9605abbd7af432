"""Files a twenty-eighth writer's extracts showed (issue 16): a sync log whose lines are JSON texts holding the
records (a message serialised twice), then the records themselves."""

from __future__ import annotations

import json
from pathlib import Path

from ukimet.connect.connectors.jsonfile import JsonConnector


def test_json_lines_written_as_json_texts_holding_the_records_are_the_records(tmp_path: Path) -> None:
    records = [{"id": k, "supplier": {"name": f"Ахметова Асель {k}", "iin": f"81041642557{k}"}} for k in range(3)]
    lines = [json.dumps(json.dumps(r, ensure_ascii=False), ensure_ascii=False) for r in records]
    lines.append(json.dumps({"uuid": "e3cf", "farmer": {"full_name": "Волкова Наталья"}}, ensure_ascii=False))
    (tmp_path / "sync.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    connector = JsonConnector("sync", str(tmp_path / "sync.jsonl"))
    (table,) = connector.tables()
    rows = [r for batch in connector.read(table, 100) for r in batch.to_pylist()]
    assert [r["supplier.name"] for r in rows] == ["Ахметова Асель 0", "Ахметова Асель 1", "Ахметова Асель 2", None]
    assert rows[3]["farmer.full_name"] == "Волкова Наталья" and rows[0]["supplier.iin"] == "810416425570"


FIRSTS = ["Руслан", "Серік", "Айгерім", "Бекзат", "Нұржан", "Динара", "Ерлан", "Асель"]
SURNAMES = ["Ахметов", "Оспанов", "Сейітова", "Қасымов", "Жұмабаев", "Нұрланова", "Бекмұхамбетов", "Әлиева"]
DATIVE = {"Руслан": "Русланға", "Серік": "Серікке", "Айгерім": "Айгерімге", "Бекзат": "Бекзатқа",
          "Нұржан": "Нұржанға", "Динара": "Динараға", "Ерлан": "Ерланға", "Асель": "Асельге"}


def test_a_recipient_written_in_the_kazakh_dative_is_read_as_the_name(tmp_path: Path) -> None:
    """A race's prize "берілді: Ахметов Русланға" (given to Ruslan Akhmetov): the column's names end in the dative, so
    they are read without the ending, and the recipient is the person a registry names Ахметов Руслан."""
    from tests.conftest import link_out
    from ukimet.connect.classify import DATIVE as SAID
    from ukimet.connect.classify import classify_column

    entries, registry = [], ["ФИО,Дата рождения"]
    for k in range(40):
        first, surname, born = FIRSTS[k % 8], SURNAMES[(k // 8) % 8], f"{1 + k % 27:02d}.0{1 + k % 9}.19{60 + k}"
        entries.append({"№": k + 1, "ат иесі": {"аты-жөні": f"Омаров Болат {k}", "ЖСН": None},
                        "жүлде": {"берілді": f"{surname} {DATIVE[first]}", "туған күні": born}})
        registry.append(f"{surname} {first},{born}")
    (tmp_path / "races.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    given = [f"{SURNAMES[k % 8]} {DATIVE[FIRSTS[k % 8]]}" for k in range(40)]
    assert SAID in classify_column("f", "t", "жүлде.берілді", "VARCHAR", given).evidence
    assert SAID not in classify_column("f", "t", "аты-жөні", "VARCHAR", [g.replace("ға", "") for g in given]).evidence
    entities, _ = link_out(tmp_path, "races.json", "registry.csv")
    assert sum(entities["races", f"{k + 1}#2"] == entities["registry", str(k + 1)] for k in range(40)) >= 38


def test_a_log_whose_records_changed_their_keys_keeps_each_persons_place(tmp_path: Path) -> None:
    """2023's lines name the supplier and the card's holder, 2024's the farmer and the payout's recipient: the
    same two persons under two schemas, the first a row's own (17) and the second its second (17#2), not four."""
    from tests.conftest import link_out

    lines = []
    for k in range(40):
        name, payee = f"{SURNAMES[k % 8]} {FIRSTS[(k // 8) % 8]}", f"{SURNAMES[(k + 3) % 8]} {FIRSTS[(k + 5) % 8]}"
        phone = f"8 70{k % 10} 5{k:02d} 11 {k:02d}"
        lines.append({"supplier": {"name": name, "phone": phone}, "card": {"holder": payee}} if k < 20 else
                     {"farmer": {"full_name": name, "phone": phone}, "payout": {"recipient": payee}})
    (tmp_path / "sync.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                                         encoding="utf-8")
    entities, _ = link_out(tmp_path, "sync.jsonl")
    assert {record for _, record in entities} == {f"{k}{suffix}" for k in range(1, 41) for suffix in ("", "#2")}


def test_a_file_that_starts_with_a_quote_but_holds_no_json_texts_of_records_is_said_to_be_no_json(
        tmp_path: Path) -> None:
    (tmp_path / "people.json").write_text('"name","iin"\n"Ахметов Руслан","810416425570"\n', encoding="utf-8")
    (table,) = JsonConnector("people", str(tmp_path / "people.json")).tables()
    assert "holds no JSON records" in table.options["error"]
