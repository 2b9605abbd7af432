"""JSON exports as a source: the shapes agencies write (an array, records under a key, JSON Lines), nested
records as dotted columns, any of the usual encodings; a bad line is quarantined and a broken file fails alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ukimet.connect.connectors.base import REASON
from ukimet.connect.connectors.jsonfile import JsonConnector
from ukimet.connect.connectors.nested import LISTED
from ukimet.core.errors import SourceError

PERSON = {"citizen": {"name": {"last": "Сұлтанов", "first": "Нұрлан"}, "iin": 870305300123},
          "documents": [{"kind": "passport", "no": "N1234567"}, {"kind": "id card", "no": "041234567"}],
          "phones": ["+7 701 111 22 33", "+7 777 000 11 22"], "alive": True, "debt": 1250.50, "note": None}


def _rows(path: Path) -> tuple[list[str], list[dict[str, str | None]]]:
    connector = JsonConnector(path.stem, str(path))
    [table] = connector.tables()
    assert "error" not in table.options, table.options
    rows = [row for batch in connector.read(table, 2) for row in batch.to_pylist()]
    assert table.row_count == len(rows)
    return [c.name for c in table.columns], rows


@pytest.mark.parametrize("shape", ["array", "under a key", "lines", "one record"])
def test_records_in_every_common_shape_are_read_as_text_columns_with_nested_names_dotted(tmp_path: Path,
                                                                                         shape: str) -> None:
    path = tmp_path / ("people.jsonl" if shape == "lines" else "people.json")
    other = {"citizen": {"name": {"last": "Ким"}}}
    text = {"array": json.dumps([PERSON, other], ensure_ascii=False, indent=2),
            "under a key": json.dumps({"exported": {"on": "2026-01-01", "by": "ЕНПФ"}, "total": 2,
                                       "data": [PERSON, other]}, ensure_ascii=False),
            "lines": "\n".join(json.dumps(r, ensure_ascii=False) for r in (PERSON, other)) + "\n",
            "one record": json.dumps(PERSON, ensure_ascii=False, indent=1)}[shape]
    path.write_text(text, encoding="utf-8")
    names, rows = _rows(path)
    assert names == ["citizen.name.last", "citizen.name.first", "citizen.iin", "documents.1.kind", "documents.1.no",
                     "documents.2.kind", "documents.2.no", "phones", "alive", "debt", "note"]
    first = rows[0]
    assert first["citizen.name.last"] == "Сұлтанов" and first["citizen.iin"] == "870305300123"
    assert first["documents.2.no"] == "041234567" and first["phones"] == "+7 701 111 22 33; +7 777 000 11 22"
    assert (first["alive"], first["debt"], first["note"], first[REASON]) == ("true", "1250.5", None, None)
    if shape != "one record":
        assert rows[1]["citizen.name.last"] == "Ким" and rows[1]["citizen.name.first"] is None


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1251"])
def test_a_byte_order_mark_or_a_cyrillic_code_page_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "tax.json"
    path.write_bytes(json.dumps([{"фамилия": "Иванова", "имя": "Ольга"}] * 3, ensure_ascii=False).encode(encoding))
    names, rows = _rows(path)
    assert names == ["фамилия", "имя"] and rows[2]["фамилия"] == "Иванова"


def test_a_line_that_is_not_a_record_is_quarantined_with_its_number_and_the_others_load(tmp_path: Path) -> None:
    path = tmp_path / "visits.jsonl"
    path.write_text('{"iin": "870305300123"}\n{"iin": "900101400456"\n\n[1, 2]\n{"iin": "010203500789"}\n',
                    encoding="utf-8")
    _, rows = _rows(path)
    assert [r["iin"] for r in rows] == ["870305300123", None, None, "010203500789"]
    assert str(rows[1][REASON]).startswith("line 2: not JSON")
    assert str(rows[2][REASON]).startswith("line 4: a list, not a")


def test_an_item_of_the_array_that_is_not_a_record_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"a": "1"}, "stray text", {"a": "2"}]', encoding="utf-8")
    _, rows = _rows(path)
    assert [r["a"] for r in rows] == ["1", None, "2"]
    assert str(rows[1][REASON]).startswith("item 2: a text, not a record")


def test_a_long_list_of_objects_is_kept_whole_in_one_column_not_thousands(tmp_path: Path) -> None:
    path = tmp_path / "visits.json"
    visits = [{"date": f"2025-01-{d:02d}"} for d in range(1, LISTED + 2)]
    path.write_text(json.dumps([{"iin": "870305300123", "visits": visits}]), encoding="utf-8")
    names, rows = _rows(path)
    assert names == ["iin", "visits"] and json.loads(rows[0]["visits"] or "") == visits


@pytest.mark.parametrize(("text", "why"), [
    ('[{"a": 1}, {"a": ', "premature EOF"),
    ("surname,name\nИванов,Иван\n", "it holds no JSON records: it starts with surname,name"),
])
def test_a_broken_or_foreign_file_fails_alone_with_the_reason(tmp_path: Path, text: str, why: str) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a_good.json").write_text('[{"a": "1"}]', encoding="utf-8")
    (folder / "b_broken.json").write_text(text, encoding="utf-8")
    connector = JsonConnector("exports", str(folder))
    good, broken = connector.tables()
    assert good.row_count == 1 and why in broken.options["error"]
    assert "b_broken.json cannot be read" in connector.test()
    with pytest.raises(SourceError, match="cannot be read"):
        JsonConnector("broken", str(folder / "b_broken.json")).test()
