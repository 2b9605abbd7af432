"""Every TOML file ukimet reads is validated data: the shipped files load; an unknown key, a value of the wrong
type and a misspelt word of a closed vocabulary are each refused with one ConfigError that names the file, the
table path and the key; nothing fails open. Over HTTP a bad policy is invalid input (422), never a 500."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ukimet.apps.question_set import load_questions
from ukimet.core.config_files import ConfigFileError
from ukimet.core.errors import ConfigError
from ukimet.gateway.policy import DEFAULT, parse_policy, to_toml
from ukimet.model.consistency import load_rules as load_consistency
from ukimet.model.entitlements import load_rules as load_entitlements
from ukimet.model.family_card import load_card
from ukimet.model.mart import load_mapping
from ukimet.model.semantic import load_layer
from ukimet.sync.store import create_store

LOADERS: dict[str, tuple[str, Callable[[Path], Any]]] = {
    "mart": ("ukimet.model:mart.toml", load_mapping),
    "family_card": ("ukimet.model:family_card.toml", load_card),
    "entitlements": ("ukimet.model:entitlements.toml", load_entitlements),
    "consistency": ("ukimet.model:consistency.toml", load_consistency),
    "semantic": ("ukimet.model:semantic.toml", load_layer),
    "questions": ("ukimet.apps:questions.toml", load_questions),
}


def _shipped(kind: str) -> str:
    package, name = LOADERS[kind][0].split(":")
    return resources.files(package).joinpath(f"data/{name}").read_text(encoding="utf-8")


def _refusal(tmp_path: Path, kind: str, change: tuple[str, str]) -> ConfigFileError:
    """Load the shipped file of ``kind`` with one change; the refusal, which must name the file."""
    text = _shipped(kind)
    assert change[0] in text, f"the shipped {kind} file no longer holds {change[0]!r}"
    path = tmp_path / f"{kind}.toml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ConfigFileError) as refused:
        LOADERS[kind][1](path)
    assert refused.value.what == str(path) or refused.value.what.startswith(f"{path}: "), refused.value
    return refused.value


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_the_shipped_files_load(kind: str) -> None:
    assert LOADERS[kind][1](None)  # type: ignore[arg-type]


# (kind, (text in the shipped file, its replacement), the place named, words of the reason)
UNKNOWN_KEYS = [
    ("mart", ('pick = "latest", order = "data_registracii"', 'pick = "latest", orderby = "data_registracii"'),
     "person[0] (name 'region').sources[0]", "unknown keys ['orderby']"),
    ("mart", ('[payments]\n', '[payments]\npaid_at = "x"\n'), "payments", "unknown keys ['paid_at']"),
    ("family_card", ('points = 40\n', 'points = 40\npionts = 40\n'), "criteria[0] (id 'low_income')",
     "unknown keys ['pionts']"),
    ("entitlements", ('legal_reference = "Social Code of the Republic of Kazakhstan, Art. 180"',
                      'legal_referense = "Art. 180"'), "rules[0] (id 'birth_allowance')",
     "unknown keys ['legal_referense']"),
    ("consistency", ('subject = "person"', 'subject = "person"\nseverity = "high"'),
     "rules[0] (id 'deceased_paid')", "unknown keys ['severity']"),
    ("semantic", ('where = "alive"', 'wehre = "alive"'), "entities.persons", "unknown keys ['wehre']"),
    ("questions", ('[[questions]]\nregions', '[[questions]]\nregion = "61"\nregions'), "questions[0]",
     "unknown keys ['region']"),
]
WRONG_TYPES = [
    ("mart", ('type = "VARCHAR"', "type = 7"), "person[0] (name 'region').type", "7 is not text"),
    ("mart", ('type = "DATE"', 'type = "DAET"'), "person[1] (name 'death_date').type",
     "type 'DAET' is not a DuckDB type"),
    ("family_card", ("points = 40", 'points = "40"'), "criteria[0] (id 'low_income').points",
     "'40' is not a whole number"),
    ("family_card", ("area_norm = 15", 'area_norm = "15"'), "parameters.area_norm", "'15' is not a number"),
    ("entitlements", ('effective_from = "2023-07-01"', 'effective_from = 2023'),
     "rules[0] (id 'birth_allowance').effective_from", "effective_from 2023 is not a day"),
    ("consistency", ('id = "deceased_paid"', "id = 1"), "rules[0].id", "1 is not text"),
    ("semantic", ('sql = "count(*)"', "sql = 1"), "metrics[0] (id 'count').sql", "1 is not text"),
    ("questions", ("\ndecline = true", '\ndecline = "yes"'), "decline", "'yes' is not true or false"),
]
MISSPELT_WORDS = [
    ("mart", ('pick = "max"', 'pick = "maximum"'), "person[1] (name 'death_date').sources[0].pick",
     "pick 'maximum' is not one of latest, max, min"),
    ("mart", ('sensitivity = "special"', 'sensitivity = "specail"'), "person[2] (name 'disability_group').sensitivity",
     "sensitivity 'specail' is not one of personal, special, public"),
    ("mart", ('semantic_type = "money"', 'semantic_type = "mony"'), "person[3] (name 'annual_income').semantic_type",
     "semantic_type 'mony' is not one of"),
    ("family_card", ('dimension = "economic"', 'dimension = "economy"'), "criteria[0] (id 'low_income').dimension",
     "dimension 'economy' is not one of economic, social, housing, health, education"),
    ("entitlements", ('subject = "family"', 'subject = "household"'),
     "rules[5] (id 'targeted_social_assistance').subject", "subject 'household' is not one of person, family"),
    ("entitlements", ('benefit = "birth_allowance"', 'benefit = "birth_alowance"'),
     "rules[0] (id 'birth_allowance').benefit", "benefit 'birth_alowance' is not a benefit kind"),
    ("consistency", ('subject = "company"', 'subject = "firm"'), "rules[3] (id 'minor_director').subject",
     "subject 'firm' is not one of person, company, dwelling, region"),
    ("semantic", ('entity = "persons"', 'entity = "persona"'), "", "entity 'persona' is not declared"),
    ("semantic", ('name = { kk = "адамдар"', 'name = { kz = "адамдар"'), "entities.persons.name",
     "name needs a text in each of kk, ru, en"),
]


@pytest.mark.parametrize(("kind", "change", "place", "why"), UNKNOWN_KEYS + WRONG_TYPES + MISSPELT_WORDS)
def test_a_mistake_in_a_data_file_is_refused_naming_the_file_the_place_and_the_key(
        tmp_path: Path, kind: str, change: tuple[str, str], place: str, why: str) -> None:
    refused = _refusal(tmp_path, kind, change)
    assert place in refused.what and why in refused.why, refused
    assert refused.fix and "\n" not in str(refused)


def test_an_unknown_key_is_refused_with_the_keys_the_table_knows(tmp_path: Path) -> None:
    refused = _refusal(tmp_path, "family_card", ("points = 40\n", "points = 40\npionts = 40\n"))
    assert refused.fix == "use ['dimension', 'id', 'points', 'text', 'when']"
    # the message by its id and values, for the translations: no code reads the English text back
    assert refused.id == "config.unknown_keys"
    assert refused.params["keys"] == ["pionts"]


def _catalog(language: str) -> dict[str, str]:
    from ukimet.api.i18n import catalog

    return catalog(language, "errors")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_configuration_message_is_said_in_kazakh_and_russian_with_the_same_values(language: str) -> None:
    from ukimet.core.config_files import MESSAGES

    said = _catalog(language)
    for message_id, templates in MESSAGES.items():
        assert message_id.startswith("config."), message_id
        for english in ("{where}", *templates):
            assert english in said, f"give {english!r} its {language} form in api/locale/errors/{language}.po"
            assert set(re.findall(r"\{(\w+)\}", said[english])) == set(re.findall(r"\{(\w+)\}", english)), english


def test_every_refusal_is_a_declared_message_filled_with_its_values() -> None:
    with pytest.raises(ConfigFileError) as refused:
        parse_policy('[roles.analyst]\nsmall_cell = "ten"\n', "new")
    assert refused.value.id == "config.whole_number"
    said = refused.value.params
    assert said == {"where": "policy new: roles.analyst.small_cell", "value": "'ten'"}


def test_a_criterion_id_used_twice_is_refused(tmp_path: Path) -> None:
    refused = _refusal(tmp_path, "family_card", ('id = "very_low_income"', 'id = "low_income"'))
    assert refused.what.endswith(": criteria") and "id 'low_income' is used twice" in refused.why


def test_a_file_that_is_not_toml_names_itself(tmp_path: Path) -> None:
    refused = _refusal(tmp_path, "semantic", ("[[metrics]]", "[[metrics]"))
    assert "not valid TOML" in refused.why


# --- the policy ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "place", "why"), [
    ('[roles.analyst]\nforbidden = [["specail", "adress"]]\n', "roles.analyst.forbidden[0][0]",
     "forbidden 'specail' is not one of"),
    ('[roles.analyst]\nforbidden = [["special"]]\n', "roles.analyst.forbidden[0]", "needs at least 2"),
    ('[roles.analyst]\nsmall_cell = "ten"\n', "roles.analyst.small_cell", "'ten' is not a whole number"),
    ("[roles.analyst]\nsmall_cell = 10.5\n", "roles.analyst.small_cell", "10.5 is not a whole number"),
    ("[roles.analyst]\nmay_query = 1\n", "roles.analyst.may_query", "1 is not true or false"),
    ("[roles.analyst]\nepsilon_per_day = inf\n", "roles.analyst.epsilon_per_day", "inf is not a finite number"),
    ('[roles.analyst]\nsemantic_masks = { iin_number = "hide" }\n', "roles.analyst.semantic_masks.iin_number (the key)",
     "key 'iin_number' is not one of"),
    ('[roles.analyst]\ncolumn_masks = { "persons.iin" = "hide" }\n',
     'roles.analyst.column_masks."persons.iin" (the key)', "is not source.table.column"),
    ('[roles.analyst]\nmasks = { personal = "blur" }\n', "roles.analyst.masks.personal",
     "personal 'blur' is not one of show, hide, partial, pseudonym, year"),
    ('[roles.analyst]\nrow_filter = "regoin"\n', "roles.analyst.row_filter", "row_filter 'regoin' is not one of"),
    ("[roles.analyst]\nsmal_cell = 5\n", "roles.analyst", "unknown keys ['smal_cell']"),
    ('[roles.analyst]\nname = "admin"\n', "", "roles.analyst: unknown keys ['name']"),
    ("[roles.analyst]\n[privacy]\nbounds = { \"mart.persons.age\" = [0, \"110\"] }\n",
     'privacy.bounds."mart.persons.age"[1]', "'110' is not a number"),
    ("[roles.analyst]\n[privacies]\n", "", "unknown tables ['privacies']"),
    ("[role.analyst]\n", "", "it declares no [roles.<name>] table"),
])
def test_a_policy_that_would_fail_open_is_refused_naming_the_role_and_the_key(text: str, place: str,
                                                                              why: str) -> None:
    with pytest.raises(ConfigError) as refused:
        parse_policy(text, "new")
    assert refused.value.what == ("policy new: " + place if place else "policy new"), refused.value
    assert why in refused.value.why, refused.value


def test_a_role_left_partly_unsaid_keeps_the_defaults_declared_once() -> None:
    role = parse_policy('[roles.analyst]\nmasks = { personal = "partial" }\n', "new").roles["analyst"]
    assert role.masks == {"public": "show", "personal": "partial", "special": "hide"}
    assert role.aggregate_masks == {"public": "show", "personal": "show", "special": "hide"}
    assert (role.small_cell, role.max_rows_per_query, role.epsilon_per_day, role.purpose) == (10, 1000, 20.0, "text")


def test_the_built_in_policy_and_a_stored_one_of_an_earlier_version_load() -> None:
    assert parse_policy(to_toml(DEFAULT), "copy").roles == DEFAULT.roles
    legacy = parse_policy("[roles.analyst]\nnoise = 2\nsmall_cell = 5\n", "v1")  # cell-key noise of earlier versions
    assert legacy.roles["analyst"].small_cell == 5


def test_a_policy_file_is_named_by_its_path(tmp_path: Path) -> None:
    from ukimet.gateway.policy import load_policy

    path = tmp_path / "strict.toml"
    path.write_text('[roles.analyst]\nsmall_cell = "ten"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}: roles\.analyst\.small_cell: 'ten' is not a whole number"):
        load_policy(path)


def test_a_bad_policy_over_http_is_invalid_input_naming_the_place(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from ukimet.api.app import create_app
    from ukimet.core.metadata import connect_metadata
    from ukimet.core.settings import Settings
    from ukimet.gateway.rewrite import User
    from ukimet.gateway.users import add_user

    config = Settings(home=tmp_path / "home")
    add_user(connect_metadata(config), User("gulnar", "admin", "National data operator"), "gulnar-pass")
    create_store(config.resolved_store_path())  # an installation before its first sync
    app = create_app(config)
    with TestClient(app) as client:
        login = client.post("/api/v1/auth/login", json={"name": "gulnar", "password": "gulnar-pass"})
        assert login.status_code == 200, login.text
        auth = {"Authorization": f"Bearer {login.json()['token']}"}
        for text, place in (('[roles.analyst]\nsmall_cell = "ten"\n', "roles.analyst.small_cell"),
                            ('[roles.analyst]\nforbidden = [["specail", "adress"]]\n', "roles.analyst.forbidden")):
            answer = client.put("/api/v1/policy", json={"text": text}, headers=auth)
            assert answer.status_code == 422, answer.text
            assert place in answer.json()["error"]["what"], answer.json()
        assert client.get("/api/v1/policy", headers=auth).json()["version"] == "built-in"
    app.state.gateway.close()


def test_a_family_card_criterion_asked_as_a_filter_is_the_card_s_own_condition() -> None:
    """The semantic layer's filters named as the card's criteria (single parent, crowded, low income ...) select
    what the card's condition does, with its parameters (the subsistence minimum, the area norm): a question of
    "crowded families" counts the families the card calls crowded."""
    from ukimet.model.data_files import load_data
    from ukimet.model.family_card import load_card
    from ukimet.model.semantic import LayerFile

    card = load_card()
    conditions = {c.id: re.sub(r"(\d+)\.0\b", r"\1", card.condition(c)) for c in card.criteria}
    filters = {f.id: f.sql for f in load_data(LayerFile, "semantic.toml", None).filters if f.id in conditions}
    assert {"single_parent", "lone_pensioner", "no_dwelling", "crowded", "low_income"} <= set(filters)
    assert {name: conditions[name] for name in filters} == filters
