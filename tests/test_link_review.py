"""What a linkage team does after a run: read the model, ask why two records were (not) merged, work through the
queue of uncertain pairs, and have its decisions honoured by every later run."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import signed_in_as, synced_country
from ukimet.cli.main import app
from ukimet.core.errors import LinkError
from ukimet.core.settings import Settings
from ukimet.link.api import link_records
from ukimet.link.explain import explain
from ukimet.link.model import THRESHOLD, Model
from ukimet.link.records import extract
from ukimet.link.review import decide, queue
from ukimet.sync.store import open_store
from ukimet.synth import SynthConfig

IDENTITY = "concat_ws('/', r.source, r.source_table, r.party, r.record_key)"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    country = synced_country(tmp_path_factory.mktemp("review"), SynthConfig(persons=500, seed=23))
    con = country.store()
    extract(con, country.engine)
    link_records(con)
    con.close()
    return Path(country.config.home)


@pytest.fixture()
def con(home: Path) -> Any:
    connection = open_store(Settings(home=home).resolved_store_path())
    yield connection
    connection.close()


def _entities(con: Any) -> dict[str, str]:
    return dict(con.execute(f"SELECT {IDENTITY}, e.entity_id FROM link.person_records r "
                            "JOIN link.entities e USING (record_id)").fetchall())


def _two_profiles_of_one_entity(con: Any) -> tuple[str, str]:
    row = con.execute(f"""WITH m AS (SELECT {IDENTITY} AS identity, e.entity_id, rp.profile_id, r.iin_valid
            FROM link.person_records r JOIN link.entities e USING (record_id)
            JOIN link.record_profiles rp USING (record_id))
        SELECT min(a.identity), min(b.identity) FROM m a JOIN m b ON a.entity_id = b.entity_id
            AND a.profile_id < b.profile_id AND a.iin_valid AND b.iin_valid
        GROUP BY a.profile_id, b.profile_id ORDER BY 1, 2 LIMIT 1""").fetchone()
    return row[0], row[1]


def test_an_explanation_adds_up_field_by_field(con: Any) -> None:
    left, right = _two_profiles_of_one_entity(con)
    result = explain(con, left, right)
    prior = con.execute("SELECT m FROM link.model WHERE field = '_prior'").fetchone()[0]
    assert result.same_entity and not result.conflict and result.probability > 0.5
    assert math.isclose(result.weight, math.log2(prior / (1 - prior)) + sum(p.weight for p in result.contributions),
                        abs_tol=1e-9)
    assert {p.field for p in result.contributions} >= {"iin", "surname", "first", "birth_date"}
    assert next(p for p in result.contributions if p.field == "iin").meaning == "same IIN"


def test_two_different_valid_iins_explain_as_never_one_person(con: Any) -> None:
    left, right = con.execute(f"""SELECT min({IDENTITY}) FILTER (WHERE iin = (SELECT min(iin) FROM
        link.person_records WHERE iin_valid)), min({IDENTITY}) FILTER (WHERE iin = (SELECT max(iin) FROM
        link.person_records WHERE iin_valid)) FROM link.person_records r""").fetchone()
    result = explain(con, left, right)
    assert result.conflict and result.probability == 0.0 and not result.same_entity


def test_the_model_is_stored_printable_and_can_be_given_back(con: Any, tmp_path: Path) -> None:
    model = Model.from_rows(con.execute("SELECT field, level, m, u FROM link.model").fetchall())
    # both near the most a sample of 200,000 random pairs can show (u cannot be told from 0 below it)
    assert min(model.weight("iin", 4), model.weight("birth_date", 3)) > 5 > 0 > model.weight("surname", 2)
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    before = _entities(con)
    link_records(con, model=Model.from_json(path))
    assert _entities(con) == before
    data = json.loads(path.read_text(encoding="utf-8"))
    data["fields"]["surname"]["4"]["m"] = 2.0
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LinkError, match="not a probability"):
        Model.from_json(path)


def test_the_review_queue_holds_near_misses_one_field_held_back_first_then_the_closest_calls(con: Any) -> None:
    pairs = queue(con, margin=30.0, limit=60)
    assert pairs, "a country with faults has uncertain pairs"
    held = [p for p in pairs if p.held_back]
    assert held and pairs[:len(held)] == held, "near-misses first"
    for group in (held, pairs[len(held):]):
        distances = [abs(p.weight - THRESHOLD) for p in group]  # the closest calls to the threshold first
        assert distances == sorted(distances) and all(d <= 30.0 for d in distances)
    assert all(len(p.left_shown) == 5 for p in pairs)
    for pair in held[:5]:  # each is a pair that one field kept apart, as the explanation says
        explained = explain(con, pair.left, pair.right)
        assert explained.weight < 0 and explained.held_back() is not None
        assert explained.held_back().field == pair.held_back  # type: ignore[union-attr]


def test_a_clerks_decisions_are_honoured_by_the_next_run(con: Any) -> None:
    left, right = _two_profiles_of_one_entity(con)
    decide(con, left, right, "different", reviewer="clerk-1", note="different people, same address")
    link_records(con)
    entities = _entities(con)
    assert entities[left] != entities[right]
    decide(con, left, right, "same", reviewer="clerk-2")
    link_records(con)
    entities = _entities(con)
    assert entities[left] == entities[right]
    assert con.execute("SELECT reviewer FROM link.review_decisions").fetchall() == [("clerk-2",)]
    with pytest.raises(LinkError, match="no linked record"):
        decide(con, left, "nowhere/none/subject/1", "same", reviewer="clerk-1")


def test_the_commands_print_model_explanation_and_queue(home: Path, con: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    left, right = _two_profiles_of_one_entity(con)
    con.close()
    monkeypatch.setenv("UKIMET_HOME", str(home))
    runner = CliRunner()
    shown = runner.invoke(app, ["link-model"])
    assert shown.exit_code == 0 and "same IIN" in shown.output, shown.output
    per_source = runner.invoke(app, ["link-model", "--by-source"], env={"COLUMNS": "200"})
    assert per_source.exit_code == 0 and "merged pairs" in per_source.output and "address" in per_source.output
    explained = runner.invoke(app, ["link-explain", left, right])
    assert explained.exit_code == 0 and "match probability" in explained.output, explained.output
    assert runner.invoke(app, ["user", "add", "ruslan", "--role", "data_engineer", "--org", "Data operator"]
                         ).exit_code == 0
    assert runner.invoke(app, ["user", "add", "aida", "--role", "analyst", "--org", "Akimat"]).exit_code == 0
    from ukimet.core.metadata import connect_metadata
    from ukimet.gateway.audit import AuditLog

    config = Settings(home=home)
    metadata = connect_metadata(config)
    ruslan, aida = signed_in_as(metadata, "ruslan"), signed_in_as(metadata, "aida")
    review = runner.invoke(app, ["link-review", "--as", "ruslan", "--purpose", "weekly review", "--margin", "30"],
                           env=ruslan)
    assert review.exit_code == 0, review.output
    entry = AuditLog(metadata, config).entries(limit=1)[0]
    assert entry["action"] == "review" and entry["user_name"] == "ruslan" and entry["purpose"] == "weekly review"
    assert entry["rows"] > 0 and entry["persons"]
    refused = runner.invoke(app, ["link-review", "--purpose", "curious"], env=aida)
    assert refused.exit_code == 2 and "may not review" in refused.output
    bad = runner.invoke(app, ["link-decide", left, right, "maybe"], env=ruslan)
    assert bad.exit_code != 0
    not_a_clerk = runner.invoke(app, ["link-decide", left, right, "different"], env=aida)
    assert not_a_clerk.exit_code == 2 and "may not review" in not_a_clerk.output
    unproved = runner.invoke(app, ["link-decide", left, right, "different", "--as", "ruslan"])
    assert unproved.exit_code == 1 and "not signed in" in unproved.output
    decided = runner.invoke(app, ["link-decide", left, right, "different", "--note", "twins"], env=ruslan)
    assert decided.exit_code == 0, decided.output
    store = open_store(config.resolved_store_path(), read_only=True)
    try:
        assert store.execute("SELECT reviewer FROM link.review_decisions").fetchall() == [("ruslan",)]
    finally:
        store.close()


def test_the_model_per_source_says_how_often_each_field_disagrees_within_its_merged_pairs(con: Any) -> None:
    from ukimet.link.by_source import by_source

    seen = by_source(con)
    sources = {f.source for f in seen}
    assert len(sources) >= 5 and all(f.pairs > 0 and 0.0 <= f.present <= 1.0 for f in seen)
    assert all(f.disagree is None or 0.0 <= f.disagree <= 1.0 for f in seen)
    merged = con.execute("SELECT count(*) FROM link.pair_scores WHERE weight >= 0 AND NOT conflict").fetchone()[0]
    assert all(f.pairs <= merged for f in seen)
    # a merged pair rarely disagrees on a valid IIN, more often on the address people move from
    iin = [f.disagree for f in seen if f.field == "iin" and f.disagree is not None]
    address = [f.disagree for f in seen if f.field == "address" and f.disagree is not None]
    assert iin and address and max(iin) <= 0.05 and max(address) > max(iin)
    assert next(f for f in seen if f.field == "address").weight_different >= -1.0  # a volatile field
