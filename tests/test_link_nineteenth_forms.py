"""Files and values a nineteenth writer's extracts showed (issue 16): Parquet whose person is a record of fields
(person.last_name) beside a referrer's, with a list of phones; a GeoJSON layer whose features' properties are the
rows (OWNER_NAME beside HERDER_NAM and HERDER_PHO, names cut to ten letters); a CRM's REST export whose IIN sits in
an opaque field (UF_CRM_1552047283) and whose phones are a list of records; a Mac's CSV in MacCyrillic; a visa
list's four-part name (first, father, grandfather, family)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tests.conftest import link_out, valid_iin
from ukimet.connect.classify import classify_column
from ukimet.connect.connectors.files import ParquetConnector
from ukimet.connect.encoding import detect_encoding, mended
from ukimet.link.contacts import phone_key


def test_a_parquet_record_of_fields_is_read_as_nested_columns_and_a_list_as_its_values(tmp_path: Path) -> None:
    person = pa.struct([("last_name", pa.string()), ("first_name", pa.string()), ("birth_date", pa.date32())])
    pq.write_table(pa.table({
        "profile_id": ["a1", "b2"],
        "person": pa.array([{"last_name": "Нургалиев", "first_name": "Талгат", "birth_date": dt.date(1988, 6, 7)},
                            {"last_name": "Sagyndykov", "first_name": "Ersin", "birth_date": dt.date(1962, 7, 20)}],
                           person),
        "phones": pa.array([["+77713124576", "+77783059786"], []], pa.list_(pa.string())),
        "referrer": pa.array([None, {"name": "Нургалиев Талгат", "phone": "+77713124576"}],
                             pa.struct([("name", pa.string()), ("phone", pa.string())])),
        "last_order_at": pa.array([dt.datetime(2017, 8, 17, 10, 25), None], pa.timestamp("us", tz="Asia/Aqtau")),
    }), tmp_path / "drivers.parquet")
    connector = ParquetConnector("drivers", str(tmp_path / "drivers.parquet"))
    table = connector.tables()[0]
    assert table.column_names == ("profile_id", "person.last_name", "person.first_name", "person.birth_date",
                                  "phones", "referrer.name", "referrer.phone", "last_order_at")
    rows = pa.Table.from_batches(list(connector.read(table, 10))).to_pylist()
    assert rows[0]["person.last_name"] == "Нургалиев" and rows[0]["phones"] == "+77713124576; +77783059786"
    assert rows[1]["referrer.name"] == "Нургалиев Талгат" and rows[0]["referrer.name"] is None
    assert rows[0]["last_order_at"] == dt.datetime(2017, 8, 17, 15, 25)  # Aqtau's wall clock, as the writer meant


def test_a_profiles_phones_belong_to_its_person_the_first_number_first() -> None:
    assert phone_key("+77713124576; +77783059786") == "7713124576"
    assert phone_key("8 (701) 123-45-67, 8 702 765 43 21") == "7011234567"
    assert phone_key("+7 701 123 45 67") == "7011234567" and phone_key("12-34") is None


def test_a_geojson_layers_properties_are_its_rows_and_a_herders_phone_is_the_herders(tmp_path: Path) -> None:
    owners = [("ШАЛАБАЕВ УТЕГЕН ТУРСЫНУЛЫ", dt.date(1952, 5, 23), "87475335795"),
              ("ТАСКАРАЕВ МАКСАТ МУХАМБЕТОВИЧ", dt.date(1966, 5, 26), "87751585080"),
              ("НУРГАЛИЕВ АЙБЕК УТЕГЕНОВИЧ", dt.date(1971, 9, 6), "87763028188")]
    features: list[dict[str, object]] = []
    for year in (2017, 2018):
        for k, (name, born, phone) in enumerate(owners):
            herder = owners[(k + 1) % 3]
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [51.1, 43.6]},
                             "properties": {"OBJECTID": len(features) + 1, "CENSUS_YR": year, "OWNER_NAME": name,
                                            "OWNER_IIN": valid_iin(born, 3000 + k), "OWNER_BIRT": f"{born:%Y/%m/%d}",
                                            "OWNER_PHON": phone, "HERDER_NAM": " ".join(herder[0].split()[1::-1]),
                                            "HERDER_PHO": herder[2]}})
    (tmp_path / "holdings.json").write_text(json.dumps({"type": "FeatureCollection", "name": "holdings",
                                                        "features": features}, ensure_ascii=False), encoding="utf-8")
    _, said = link_out(tmp_path, "holdings.json")
    assert "OWNER_NAME = full name" in said and "properties." not in said
    assert "HERDER_NAM = full name, HERDER_PHO = phone" in said  # the herder's phone, not nobody's


def test_an_opaque_iin_column_is_the_person_whose_births_it_encodes(tmp_path: Path) -> None:
    contacts = []
    families = [f"{root}{end}" for root in ("Сапар", "Омар", "Бекет", "Нурлан", "Кенжеба") for end in ("ов", "енов",
                                                                                                "жанов", "баев")]
    for k in range(40):  # a driving school's students, a minor's representative in opaque fields beside
        born = dt.date(1970 + k % 30, 1 + k % 12, 1 + k % 27)
        female = k % 4 > 1
        contacts.append({"ID": str(100 + k), "NAME": ["Ерлан", "Бекжан", "Динара", "Айгерим"][k % 4],
                         "SECOND_NAME": ["Маратұлы", "Серикович", "Ерлановна", ""][k % 4],
                         "LAST_NAME": families[k % 20] + ("а" if female else ""),
                         "BIRTHDATE": f"{born}T03:00:00+03:00",
                         "UF_CRM_1552047283": valid_iin(born, 4000 + k, male=not female),
                         "UF_CRM_1612934567": f"{families[k % 20]}а Гүлнар" if k % 5 == 0 else "",
                         "UF_CRM_1612934601": "+77015550000" if k % 5 == 0 else "",
                         "PHONE": [{"ID": str(k), "VALUE_TYPE": "MOBILE", "VALUE": f"+7701{k:07d}",
                                    "TYPE_ID": "PHONE"}]})
    (tmp_path / "crm.json").write_text(json.dumps({"result": contacts, "total": 40, "time": {"start": 1.0}},
                                                  ensure_ascii=False), encoding="utf-8")
    _, said = link_out(tmp_path, "crm.json")
    assert "PHONE.1.VALUE = phone" in said.split("|")[0]  # the contact's own phones, the first person's
    assert "UF_CRM_1552047283 = iin of the person of NAME, LAST_NAME, BIRTHDATE" in said


def test_a_mac_cyrillic_export_is_read_as_such() -> None:
    text = "No,First Name,Family Name,ИИН,Телефон,Домашний адрес,Примечание\r1,ERLAN,YSKAKOV,,87751799033,Актау " \
           "20-8-3,повторная подача\r"
    assert detect_encoding(text.encode("mac_cyrillic"))[0] == "mac_cyrillic"
    assert detect_encoding(text.encode("cp1251"))[0] == "cp1251"
    assert detect_encoding(text.encode("cp866"))[0] == "cp866"


def test_a_visas_father_name_is_the_patronymic_and_the_grandfathers_no_name_of_the_person() -> None:
    given = ["SERIK", "MARAT", "ZHOLDAS", "KAYRAT", "MAKHMUD", "ORYNBASAR"] * 5
    assert classify_column("f", "t", "Father Name", "VARCHAR", given).semantic_type == "patronymic"
    assert classify_column("f", "t", "Имя отца", "VARCHAR", given).semantic_type == "patronymic"
    assert classify_column("f", "t", "Grandfather Name", "VARCHAR", given).semantic_type == "other"


def test_a_phone_named_for_no_one_beside_the_tenants_is_the_owners(tmp_path: Path) -> None:
    header = ["Пәтер №", "Меншік иесі (Т.А.Ә.)", "ЖСН", "Телефон", "Жалға алушы (Т.А.Ә.)", "Жалға алушының телефоны"]
    rows = [[str(k + 1), f"{['Досмағамбетов', 'Құлмағамбетов', 'Петров', 'Сейтқали'][k % 4]} "
             f"{['Жасұлан', 'Серік', 'Денис', 'Бауыржан'][k % 4]}",
             valid_iin(dt.date(1960 + k, 1 + k % 12, 5), 5000 + k), f"77{k:08d}",
             "Омарова Айгүл" if k % 3 == 0 else "", "87017775566" if k % 3 == 0 else ""]
            for k in range(12)]
    with (tmp_path / "osi.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])
    _, said = link_out(tmp_path, "osi.csv")
    owner, tenant = said.split("|")[:2]
    assert "Телефон = phone" in owner and "Жалға алушының телефоны = phone" in tenant


def test_text_a_program_read_in_a_western_code_page_is_mended() -> None:
    assert mended("ÄÞÑÅÍÎÂ") == "ДЮСЕНОВ" and mended("ÀËÈ") == "АЛИ"
    assert mended("Ã.ÀÊÒÀÓ 32À ÌÊÐ Ó×.121") == "Г.АКТАУ 32А МКР УЧ.121"
    assert mended("ÌÛ?ÁÀÅÂ Ì?ÕÀÌÁÅÒ") == "МЫ?БАЕВ М?ХАМБЕТ"  # a Kazakh letter the DBF had already lost stays lost
    assert mended("èâàíîâà") == "иванова" and mended("Ñ¸ìà") == "Сёма"
    for western in ("Müller", "José Núñez", "Ørsted", "Ñ", "ДЮСЕНОВ", "Smith", ""):
        assert mended(western) == western


def test_a_layer_converted_without_its_code_page_still_names_its_herders(tmp_path: Path) -> None:
    people = [(f"{root}{end}", first, dt.date(1960 + k % 35, 1 + k % 12, 1 + k % 28), f"8775{k:07d}")
              for k, (root, end, first) in enumerate(
                  (root, end, first) for root in ("Дюсен", "Талгат", "Курмангали", "Шалаба", "Жаксылык")
                  for end in ("ов", "баев", "жанов") for first in ("Али", "Ернур")) if k < 30]
    with (tmp_path / "registry.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["ИИН", "Фамилия", "Имя", "Дата рождения", "Телефон"])
        for k, (family, first, born, phone) in enumerate(people):
            writer.writerow([valid_iin(born, 5000 + k), family.upper(), first.upper(), f"{born:%d.%m.%Y}", phone])
    with (tmp_path / "herders.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["HERDER_NAM", "HERDER_PHO"])
        for k, (family, first, _, phone) in enumerate(people):
            name = f"{family.upper()} {first.upper()}"
            writer.writerow([name.encode("cp1251").decode("latin-1") if k % 3 == 0 else name, phone])
    entities, _ = link_out(tmp_path, "registry.csv", "herders.csv")
    for k in range(len(people)):
        assert entities["herders", str(k + 1)] == entities["registry", str(k + 1)], people[k]


def test_kazakh_letters_a_code_page_lost_are_restored_as_the_other_records_write_them() -> None:
    from ukimet.link.records import restored

    known = {"үтеген": 4, "жұмағалиев": 2, "махамбетов": 3, "мухамбетов": 1, "жасулан": 5}
    assert restored("?ТЕГЕН", known) == "ҮТЕГЕН"  # a Kazakh letter first, as written elsewhere
    assert restored("Ж?МА?АЛИЕВ Ж?МАБАЙ", known) == "ЖҰМАҒАЛИЕВ Ж?МАБАЙ"  # a word written nowhere else stays
    assert restored("ЖАС?ЛАН", known) == "ЖАСУЛАН"  # the one Russian spelling written for it
    assert restored("М?ХАМБЕТОВ", known) == "М?ХАМБЕТОВ"  # Махамбетов or Мухамбетов: not known which
    assert restored("Иванов?", known) == "Иванов?"
