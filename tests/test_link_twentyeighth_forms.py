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


def _mysqldump(apiaries: list[str], users: list[str], inspections: list[str]) -> str:
    def table(name: str, columns: list[str], rows: list[str]) -> list[str]:
        return [f"DROP TABLE IF EXISTS `{name}`;", f"CREATE TABLE `{name}` (",
                *[f"  {c}," for c in columns], "  PRIMARY KEY (`id`)", ") ENGINE=InnoDB DEFAULT CHARSET=utf8;",
                f"LOCK TABLES `{name}` WRITE;", f"INSERT INTO `{name}` VALUES {','.join(rows)};", "UNLOCK TABLES;"]

    return "\n".join(["-- MySQL dump 10.13  Distrib 5.7.42, for Linux (x86_64)", "/*!40101 SET NAMES utf8 */;",
                      *table("adm_users", ["`id` int(11) NOT NULL", "`aty_zhoni` varchar(100) DEFAULT NULL",
                                           "`roli` varchar(16) NOT NULL DEFAULT 'vet'"], users),
                      *table("pasekalar", ["`id` int(11) NOT NULL", "`iesi_fio` varchar(150) NOT NULL",
                                           "`iesi_tugan_kuni` date NOT NULL DEFAULT '0000-00-00'",
                                           "`zhauapty_fio` varchar(150) DEFAULT NULL",
                                           "`baga` decimal(10,2) DEFAULT NULL", "`eskertu` text"], apiaries),
                      *table("tekseru", ["`id` int(11) NOT NULL", "`paseka_id` int(11) NOT NULL",
                                         "`dariger` varchar(100) DEFAULT NULL"], inspections), ""])


def test_a_mysqldump_is_read_as_its_tables_rows_and_its_staff_tables_are_no_records(tmp_path: Path) -> None:
    """An apiary register dumped by mysqldump (CREATE TABLE, extended INSERTs, MySQL's escapes, NULL, the zero date
    of a birth nobody entered), kept as .txt: its apiaries are its records (the owner 17, the responsible beekeeper
    17#2), linked to a registry; its users and its inspections' vets, four people, are the application's staff."""
    from tests.conftest import link_out

    apiaries, users, inspections, registry = [], [], [], ["ФИО;Дата рождения"]
    for k in range(40):
        owner, born = f"{SURNAMES[k % 8]} {FIRSTS[(k // 8) % 8]}", f"19{50 + k}-0{1 + k % 9}-{1 + k % 27:02d}"
        helper = f"'{SURNAMES[(k + 1) % 8]} {FIRSTS[(k + 3) % 8]}'" if k % 2 else "NULL"
        birth = born if k % 5 else "0000-00-00"
        apiaries.append(f"({100 + 3 * k},'{owner}','{birth}',{helper},{k}.50,'ауыл \\'Көктал\\';\\nемделді')")
        inspections.append(f"({k + 1},{100 + 3 * k},'{['Жақсыбеков А.', 'Сейітова Г.', 'Оспанов К.'][k % 3]}')")
        registry.append(f"{owner};{born[8:]}.{born[5:7]}.{born[:4]}")
    users = ["(1,'Жақсыбеков Арман','vet')", "(2,'Сейітова Гүлнар','vet')", "(3,'Әкімшілік','admin')"]
    (tmp_path / "ara.txt").write_text(_mysqldump(apiaries, users, inspections), encoding="utf-8")
    (tmp_path / "registry.csv").write_text("\n".join(registry) + "\n", encoding="utf-8")
    entities, said = link_out(tmp_path, "ara.txt", "registry.csv")
    assert {r for s, r in entities if s == "ara"} == {str(k + 1) for k in range(40)} | {
        f"{k + 1}#2" for k in range(40) if k % 2}  # no adm_users/1, no tekseru/1: the staff's tables hold no records
    # a name alone links nobody: the owners whose birth is the zero date stay apart, the others are the registry's
    assert all((entities["ara", str(k + 1)] == entities["registry", str(k + 1)]) == (k % 5 > 0) for k in range(40))
    assert "iesi_fio = full name" in said and "iesi_tugan_kuni = birth date" in said


def test_a_pg_dump_in_its_plain_format_is_read_as_its_tables_rows(tmp_path: Path) -> None:
    """pg_dump's COPY ... FROM stdin rows (tabs, \\N, backslash escapes) and INSERT statements (doubled quotes)."""
    from ukimet.connect.connectors.files import CsvConnector

    dump = ["--", "-- PostgreSQL database dump", "--", "SET client_encoding = 'UTF8';",
            "CREATE TABLE public.clients (", "    id integer NOT NULL,", "    full_name text,",
            "    amount numeric(10,2),", "    CONSTRAINT clients_pkey PRIMARY KEY (id)", ");",
            "COPY public.clients (id, full_name, amount) FROM stdin;",
            "1\tO'Neil\\tАсель\t1.50", "2\t\\N\t\\N", "\\.",
            "INSERT INTO public.clients VALUES (3, 'Ақ''жол', 2.00);",
            "INSERT INTO public.clients (full_name, id) VALUES", "('Бекова Дана', 4),", "('Ким; Ольга', 5);", ""]
    (tmp_path / "clients.sql").write_text("\n".join(dump), encoding="utf-8")
    connector = CsvConnector("clients", str(tmp_path / "clients.sql"))
    (table,) = connector.tables()
    assert (table.name, table.row_count, list(table.column_names)) == ("clients", 5, ["id", "full_name", "amount"])
    rows = [r for batch in connector.read(table, 2) for r in batch.to_pylist()]
    assert [r["full_name"] for r in rows] == ["O'Neil\tАсель", None, "Ақ'жол", "Бекова Дана", "Ким; Ольга"]
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "5"] and rows[0]["amount"] == "1.50"
