"""Person records found with no configuration in a synced synthetic country, standardised against the truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import truth
from ukimet.cli.demo import register_country
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.link.names import name_key
from ukimet.link.records import extract
from ukimet.sync.engine import Syncer
from ukimet.sync.store import open_store
from ukimet.synth import SynthConfig, build_country


@pytest.fixture(scope="module")
def linked_input(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[object, ...]], dict[str, int]]:
    out = tmp_path_factory.mktemp("records")
    manifest = build_country(SynthConfig(persons=2500, seed=31), out)
    config = Settings(home=out / ".ukimet")
    engine = connect_metadata(config)
    register_country(engine, config, manifest)
    assert all(r.status == "done" for r in Syncer(engine, config).sync())
    con = open_store(config.resolved_store_path())
    count = extract(con, engine)
    rows = con.execute("SELECT source, source_table, party, record_key, iin, iin_valid, surname_key, first_key, "
                       "birth_date, sex FROM link.person_records ORDER BY record_id").fetchall()
    parties = dict(con.execute("SELECT source_table || '/' || party, count(*) FROM link.person_records "
                               "GROUP BY 1").fetchall())
    con.close()
    assert count == len(rows)
    return out, rows, parties


def test_each_person_a_record_describes_becomes_a_record_of_its_own(linked_input) -> None:
    _, _, parties = linked_input
    assert {"туу_актілері/бала", "туу_актілері/ана", "туу_актілері/әке"} <= set(parties)
    assert {"неке_актілері/күйеуі", "неке_актілері/әйелі"} <= set(parties)
    assert {"fl_relations/iin", "fl_relations/iin_rodstvennika"} <= set(parties)


def test_registry_records_standardise_to_their_true_person(linked_input) -> None:
    out, rows, _ = linked_input
    persons = {p["person_id"]: p for p in truth(out, "persons")}
    subject = {r["record_key"]: r["person_id"] for r in truth(out, "records")
               if r["source"] == "gbdfl" and r["table"] == "fl_persons"}
    registry = [r for r in rows if r[0] == "gbdfl" and r[1] == "fl_persons"]
    agree = sum(1 for r in registry if (r[4], r[6], r[7], r[8], r[9]) == (
        persons[subject[r[3]]]["iin"], name_key(persons[subject[r[3]]]["surname"]),
        name_key(persons[subject[r[3]]]["first_name"]), persons[subject[r[3]]]["birth_date"],
        persons[subject[r[3]]]["sex"]))
    assert agree / len(registry) >= 0.97, agree / len(registry)


def test_a_mistyped_iin_is_flagged_not_trusted(linked_input) -> None:
    _, rows, _ = linked_input
    flagged = [r for r in rows if r[4] is not None and not r[5]]
    assert flagged, "the synthetic sources have mistyped IINs"
    assert all(len(r[4]) == 12 for r in flagged)


def test_record_numbers_follow_the_records_not_the_order_the_engine_read_them_in(linked_input) -> None:
    # numbered by source, table, key and party: the same store gives the same numbers, whatever the engine's
    # threads did, so profiles, the sample of random pairs and thus the weights and entities are reproducible
    _, rows, _ = linked_input
    keys = [(r[0], r[1], r[3], r[2]) for r in rows]
    assert keys == sorted(keys)
