"""Errors as specifications: one kind per outcome, each with a message id and its values; the HTTP status from the
kind, one JSON shape; every message said in Kazakh and Russian through the catalogues; nothing decided by the
English wording; an audit store that cannot be written is 503, never a policy refusal."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ukimet.api.app import create_app
from ukimet.api.i18n import catalog
from ukimet.api.problems import STATUS, say, status_of
from ukimet.core import errors
from ukimet.core.errors import (
    KINDS,
    InvalidInput,
    LimitExceeded,
    NotFound,
    PolicyError,
    Refused,
    UkimetError,
    Unauthenticated,
    Unavailable,
)
from ukimet.core.messages import UNCLASSIFIED, messages
from ukimet.core.settings import Settings
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user, issue_token
from ukimet.sync.store import create_store

SRC = Path(__file__).resolve().parents[1] / "src" / "ukimet"
ERROR_CLASSES = {name for name, value in vars(errors).items()
                 if isinstance(value, type) and issubclass(value, UkimetError)}
TRANSLATED = ("gateway", "api", "apps", "connect", "sync", "cli", "link", "synth", "model", "core")
"""the packages whose every message has an id (those that reach the web and the API, and the operator's own)"""
EXPECTED = {NotFound: 404, Unauthenticated: 401, Refused: 403, LimitExceeded: 429, Unavailable: 503,
            InvalidInput: 422}
ONE_OF_EACH: list[UkimetError] = [
    NotFound("cases.not_found", case=7), Unauthenticated("signin.session"), Refused("guard.function", function="md5"),
    LimitExceeded("gateway.daily_rows", user="u", rows=20, role="analyst", retry_after=60),
    Unavailable("audit.unreachable", kind="OperationalError"),
    InvalidInput("config.whole_number", where="policy new: roles.analyst.small_cell", value="'ten'"),
]


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[FastAPI, TestClient, dict[str, str]]]:
    """The app on an empty home (an empty store), an analyst's API token."""
    config = Settings(home=tmp_path / "home")
    config.resolved_store_path().parent.mkdir(parents=True, exist_ok=True)
    create_store(config.resolved_store_path())
    app = create_app(config)
    engine = app.state.gateway.metadata
    add_user(engine, User("analyst", "analyst", "Akimat", {"region": "71"}), "long-password")
    add_user(engine, User("root", "admin", "Operator"), "long-password")
    tokens = {name: f"Bearer {issue_token(engine, name)}" for name in ("analyst", "root")}
    with TestClient(app) as client:
        yield app, client, tokens
    app.state.gateway.close()


def _problem(response: Any, status: int, message_id: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"id", "status", "what", "why", "fix"}, body
    assert body["error"]["id"] == message_id and body["error"]["status"] == status
    assert all(body["error"][part] for part in ("what", "why", "fix"))
    return dict(body["error"])


def test_each_kind_has_its_status() -> None:
    assert set(KINDS) == set(EXPECTED) and STATUS == EXPECTED
    assert {type(error): status_of(error) for error in ONE_OF_EACH} == EXPECTED
    assert status_of(UkimetError("internal")) == 500  # an error of no kind is the server's own failure
    assert PolicyError is Refused and isinstance(LimitExceeded("gateway.size", size=1, most=1), Refused)
    assert not isinstance(Unavailable("audit.unwritable", kind="x"), Refused)  # never a policy refusal


@pytest.mark.parametrize("error", ONE_OF_EACH, ids=[type(e).__name__ for e in ONE_OF_EACH])
def test_each_kind_is_answered_in_one_shape_with_its_id(served: tuple[FastAPI, TestClient, dict[str, str]],
                                                        error: UkimetError) -> None:
    app, client, _ = served

    def fail() -> None:
        raise error

    app.add_api_route("/api/v1/test-raises", fail)
    answered = client.get("/api/v1/test-raises")
    said = _problem(answered, EXPECTED[type(error)], error.id)
    assert (said["what"], said["why"], said["fix"]) == (error.what, error.why, error.fix)
    assert answered.headers.get("retry-after") == ("60" if isinstance(error, LimitExceeded) else None)
    russian = client.get("/api/v1/test-raises", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).json()["error"]
    assert russian["id"] == error.id and russian["why"] == say(error, "ru").why != error.why


def test_the_real_paths_answer_by_kind(served: tuple[FastAPI, TestClient, dict[str, str]]) -> None:
    _, client, tokens = served
    _problem(client.post("/api/v1/query", json={"sql": "SELECT 1"}, headers={"Authorization": "Bearer ukt_nope"}),
             401, "token.unknown")
    _problem(client.post("/api/v1/auth/login", json={"name": "analyst", "password": "wrong-one"}), 401,
             "signin.wrong")
    refused = _problem(client.post("/api/v1/query", json={"sql": "SELECT md5('x') FROM t"},
                                   headers={"Authorization": tokens["analyst"]}), 403, "guard.function")
    assert refused["why"] == "function md5() is not allowed"
    _problem(client.get("/api/v1/no-such-thing", headers={"Authorization": tokens["analyst"]}), 404,
             "request.address")
    _problem(client.post("/api/v1/query", json={"nope": 1}, headers={"Authorization": tokens["analyst"]}), 422,
             "request.field")
    ten = _problem(client.put("/api/v1/policy", json={"text": '[roles.analyst]\nsmall_cell = "ten"\n'},
                              headers={"Authorization": tokens["root"]}), 422, "config.whole_number")
    assert "roles.analyst.small_cell" in ten["what"] and "'ten'" in ten["why"]
    for language, why in (("kk", "'ten' - бүтін сан емес"), ("ru", "'ten' - не целое число")):  # said by its id
        said = _problem(client.put("/api/v1/policy", json={"text": '[roles.analyst]\nsmall_cell = "ten"\n'},
                                   headers={"Authorization": tokens["root"], "Accept-Language": language}), 422,
                        "config.whole_number")
        assert said["why"] == why and "roles.analyst.small_cell" in said["what"], said
    kazakh = client.post("/api/v1/query", json={"sql": "COPY t TO '/tmp/x'"},
                         headers={"Authorization": tokens["analyst"], "Accept-Language": "kk"}).json()["error"]
    assert kazakh["id"] == "guard.not_a_query" and kazakh["why"] == "COPY - сұрау емес; тек SELECT рұқсат етіледі"


def test_an_audit_store_that_cannot_be_written_is_unavailable_not_a_refusal(
        served: tuple[FastAPI, TestClient, dict[str, str]]) -> None:
    from sqlalchemy import event

    app, client, tokens = served
    engine = app.state.gateway.metadata
    event.listen(engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA query_only = ON"))
    engine.dispose()  # from now on the metadata store (and its audit log) can be read, not written
    for sql in ("SELECT 1", "SELECT md5('x') FROM t"):  # a refusal must be audited too: it cannot be either
        said = _problem(client.post("/api/v1/query", json={"sql": sql}, headers={"Authorization": tokens["analyst"]}),
                        503, "audit.unwritable")
        assert said["what"] == "audit log"
    page = client.get("/sql", params={"sql": "SELECT 1"},
                      headers={"Authorization": tokens["analyst"], "Accept": "text/html"})
    assert page.status_code == 503 and 'data-id="audit.unwritable"' in page.text
    assert "аудит журналы" in page.text  # said in Kazakh, the pages' default
    assert '<h1 id="kind">Қолжетімсіз</h1>' in page.text  # unavailable, not "refused"


def test_a_log_that_cannot_be_trusted_is_unavailable_not_a_refusal(
        served: tuple[FastAPI, TestClient, dict[str, str]]) -> None:
    app, client, tokens = served
    auth = {"Authorization": tokens["analyst"]}
    assert client.post("/api/v1/query", json={"sql": "SELECT 1"}, headers=auth).status_code != 503  # anchored
    app.state.gateway.audit.anchor_path.unlink()  # the anchor lost: writing on would hide what happened to it
    said = _problem(client.post("/api/v1/query", json={"sql": "SELECT 1"}, headers={**auth, "Accept-Language": "ru"}),
                    503, "audit.anchor_missing")
    assert said["why"].startswith("файл отсутствует"), said


def test_the_other_branches_errors_have_their_kinds() -> None:
    from ukimet.cli.identity import NotSignedInError
    from ukimet.core.config_files import ConfigFileError
    from ukimet.gateway.signin import SigninLockedError

    locked = SigninLockedError(61)
    assert isinstance(locked, LimitExceeded) and (status_of(locked), locked.retry_after, locked.minutes) == (429, 61, 2)
    assert issubclass(NotSignedInError, Unauthenticated) and status_of(NotSignedInError("cli.no_account",
                                                                                        variable="X")) == 401
    bad = ConfigFileError("config.whole_number", "card.toml: criteria[0].points", value="'x'")
    assert isinstance(bad, InvalidInput) and bad.params == {"where": "card.toml: criteria[0].points", "value": "'x'"}
    assert say(bad, "kk").why == "'x' - бүтін сан емес"


def _raise_sites() -> Iterator[tuple[Path, ast.Call, str]]:
    """Every call of an error class of the tree in the source (its file, the call, the class's name)."""
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else \
                    node.func.attr if isinstance(node.func, ast.Attribute) else None
                if name in ERROR_CLASSES:
                    yield path, node, name


def test_every_raise_site_names_a_declared_message_with_its_values() -> None:
    declared = messages()
    wrong, english, used = [], [], set()
    for path, call, name in _raise_sites():
        where = f"{path.relative_to(SRC)}:{call.lineno} {name}"
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue  # an id computed from a table of ids (engine errors, audit stages ...): checked below
        if len(call.args) > 1:
            if path.relative_to(SRC).parts[0] in TRANSLATED:
                english.append(where)
            continue
        if first.value not in declared:
            wrong.append(f"{where}: no message {first.value!r}")
            continue
        used.add(first.value)
        given = {k.arg for k in call.keywords if k.arg not in (None, "retry_after")}
        if any(k.arg is None for k in call.keywords):
            continue  # values passed on as **params
        if given != declared[first.value].fields():
            wrong.append(f"{where}: {first.value} carries {sorted(declared[first.value].fields())}, given "
                         f"{sorted(given)}")
    assert not wrong, wrong
    assert not english, f"these raise English-only messages where users read them; give them ids: {english}"
    assert len(used) > 100


def test_every_message_is_translated_into_kazakh_and_russian_with_the_same_values() -> None:
    formatter = string.Formatter()
    for language in ("kk", "ru"):
        words = catalog(language, "errors")
        missing, mismatched = [], []
        for said in messages().values():
            for template in said.templates():
                if template not in words:
                    missing.append(template)
                elif {f for _, f, _, _ in formatter.parse(words[template]) if f} != \
                        {f for _, f, _, _ in formatter.parse(template) if f}:
                    mismatched.append(template)
        assert not missing, f"translate into {language} (src/ukimet/api/locale/errors/{language}.po): {missing}"
        assert not mismatched, f"the {language} translation names other values: {mismatched}"
        unused = set(words) - {t for said in messages().values() for t in said.templates()}
        assert not unused, f"no message says these any more; drop them from {language}.po: {sorted(unused)}"


def test_ids_computed_from_tables_are_declared() -> None:
    from ukimet.gateway.api import ENGINE_ERRORS

    declared = messages()
    assert set(ENGINE_ERRORS.values()) | {"engine.other"} <= set(declared)
    assert {f"audit.{s}" for s in ("unreachable", "unwritable", "not_written", "not_committed")} <= set(declared)
    untraced = ("not_a_table", "set_operation", "subquery_kind", "distinct", "union_side", "distinct_groups",
                "expression_subquery", "in_subquery", "branch")
    assert {f"persons.{s}" for s in untraced} <= set(declared)
    assert UNCLASSIFIED not in declared


def test_nothing_is_decided_by_a_messages_english_words() -> None:
    """No code compares, searches or prefixes what, why or fix: the kind and the id decide."""
    text = ("what", "why", "fix")
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                    "startswith", "endswith", "find", "index", "count") and isinstance(node.func.value,
                                                                                       ast.Attribute) \
                    and node.func.value.attr in text:
                found.append(f"{path.relative_to(SRC)}:{node.lineno}")
            if isinstance(node, ast.Compare) and any(isinstance(side, ast.Attribute) and side.attr in text
                                                     for side in (node.left, *node.comparators)):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not found, found
    assert not (SRC / "api" / "messages.py").exists()  # translation by regular expressions over English: gone


def test_an_english_only_error_is_said_as_it_is_and_a_kind_keeps_its_reason() -> None:
    legacy = PolicyError("sign-in", "locked", "wait")  # the operator stages' form, and code written before ids
    assert (legacy.id, legacy.what, str(legacy)) == (UNCLASSIFIED, "sign-in", "sign-in: locked. wait")
    assert say(legacy, "kk") == ("sign-in", "locked", "wait") and status_of(legacy) == 403
    assert Refused("guard.function", function="md5").reason == "function"
    assert LimitExceeded("gateway.bulk", user="u", persons=500).reason == "bulk"
    with pytest.raises(KeyError, match="declare it there"):
        Refused("no.such.message")


@pytest.mark.parametrize("error", [*ONE_OF_EACH, PolicyError("sign-in", "locked", "wait")], ids=repr)
def test_an_error_crosses_a_process_boundary_whole(error: UkimetError) -> None:
    import pickle

    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error)
    assert (again.id, again.params, again.reason, again.what, again.why, again.fix) == \
        (error.id, error.params, error.reason, error.what, error.why, error.fix)
    assert getattr(again, "retry_after", None) == getattr(error, "retry_after", None)


def test_a_refused_question_is_declined_in_its_own_language_with_the_id(
        served: tuple[FastAPI, TestClient, dict[str, str]]) -> None:
    _, client, tokens = served  # an empty store: the mart the question needs is not in the catalog
    asked = client.post("/api/v1/ask", json={"question": "Астанада қанша отбасы бар?"},  # the analyst's region
                        headers={"Authorization": tokens["analyst"]}).json()
    assert asked["language"] == "kk" and asked["declined_id"] == "guard.unknown_table"
    assert asked["declined"] == "сұрау қабылданбады: mart.families кестесі каталогта жоқ"
    elsewhere = client.post("/api/v1/ask", json={"question": "Сколько семей в Шымкенте?"},
                            headers={"Authorization": tokens["analyst"]}).json()
    assert elsewhere["declined_id"] == "question.outside_region" and elsewhere["language"] == "ru"
    assert "Шымкент" in elsewhere["declined"] and "Астана" in elsewhere["declined"]
