"""The optional local model: contacted only when configured, its SQL only a proposal - confined to the mart,
checked and governed by the gateway like any query. The model server is a stand-in on 127.0.0.1 (no model runs
here); ukimet's real client talks to it over HTTP in the OpenAI chat-completions format."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from ukimet.apps.questions import ask
from ukimet.core.errors import ConfigError
from ukimet.core.settings import Settings
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User

ANALYST = User("aigerim", "analyst", "Akimat of Astana", {"region": "71"})
FREE_FORM = "Which share of Astana's families is in crisis, give or take?"


class Model:
    def __init__(self) -> None:
        self.reply = "```sql\nSELECT count(*) FROM mart.families WHERE level = 'crisis'\n```"
        self.asked: list[dict[str, Any]] = []


@pytest.fixture
def model() -> Iterator[tuple[Model, str]]:
    state = Model()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            state.asked.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            body = json.dumps({"choices": [{"message": {"role": "assistant", "content": state.reply}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _gateway(mart: dict[str, Any], url: str | None) -> Gateway:
    config = mart["country"].config
    return Gateway(Settings(home=config.home, llm_url=url))


def test_without_a_configured_model_nothing_is_sent(mart: dict[str, Any], model: tuple[Model, str]) -> None:
    state, _ = model
    with _gateway(mart, None) as gateway:
        answer = ask(gateway, ANALYST, FREE_FORM)
    assert answer.sql is None and answer.declined and state.asked == []


def test_the_models_query_runs_governed_by_the_gateway(mart: dict[str, Any], model: tuple[Model, str]) -> None:
    state, url = model
    with _gateway(mart, url) as gateway:
        answer = ask(gateway, ANALYST, FREE_FORM)
        entry = gateway.audit.entries(limit=1)[0]
    assert state.asked and "mart.families(" in state.asked[0]["messages"][0]["content"]
    assert "WHERE" in (answer.sql or "") and entry["query"] == answer.sql
    assert "71%" in entry["rewritten"]  # the analyst's row filter applies to the model's query too


@pytest.mark.parametrize(("reply", "why"), [
    ("SELECT * FROM read_csv('/etc/passwd')", "table function"),
    ("SELECT iin, surname FROM mart.persons", "only aggregates"),
    ("SELECT count(*) FROM gbdfl.fl_persons", "outside the analytics mart"),
    ("I cannot help with that.", ""),
])
def test_a_bad_proposal_is_refused(mart: dict[str, Any], model: tuple[Model, str], reply: str, why: str) -> None:
    state, url = model
    state.reply = reply
    with _gateway(mart, url) as gateway:
        answer = ask(gateway, ANALYST, FREE_FORM)
    assert answer.sql is None and answer.rows == [] and why in (answer.declined or "")


def test_a_model_off_the_premises_is_refused(mart: dict[str, Any]) -> None:
    from ukimet.apps.llm import propose

    with _gateway(mart, "http://model.example.com:8080") as gateway, pytest.raises(ConfigError, match="premises"):
        propose(gateway, FREE_FORM)
