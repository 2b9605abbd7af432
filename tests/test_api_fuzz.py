"""The API fuzzed from its own OpenAPI schema (schemathesis): every operation, with generated bodies, paths and
queries, signed in as an analyst and as nobody, derandomized (the same examples every run); no request may
bring a server error (5xx). Bad input gets a 4xx in the one error shape."""

from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[dev]')")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from ukimet.api.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def fuzzed(web_country: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The app on its own copy of the web country (the generated sign-ins, password changes and sign-outs lock
    accounts and the test client's address out there, not for the other tests), signed in as the analyst with
    an API token (a generated sign-out cannot end it)."""
    import shutil

    from ukimet.core.metadata import connect_metadata
    from ukimet.gateway.users import issue_token

    home = tmp_path_factory.mktemp("fuzz") / "home"
    shutil.copytree(web_country["config"].home, home)
    config = web_country["config"].model_copy(update={"home": home})
    app = create_app(config)
    yield app, issue_token(connect_metadata(config), web_country["users"]["analyst"].name)
    app.state.gateway.close()


def test_no_generated_request_brings_a_server_error(fuzzed: Any) -> None:
    app, token = fuzzed
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    failures: list[str] = []
    tried = 0
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  derandomize=True)  # the same examples every run: a failure is reproduced, not met by chance
        @given(case=op.as_strategy())
        def call(case: Any) -> None:
            nonlocal tried
            for headers in ({"Authorization": f"Bearer {token}"}, {}):
                response = case.call(headers=headers)
                tried += 1
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path}: {response.status_code} "
                                    f"{response.text[:200]}")
                else:
                    body = response.json()
                    if response.status_code >= 400:
                        assert set(body) == {"error"}, (case.method, case.formatted_path, body)
        call()
    assert not failures, failures[:5]
    assert tried >= 100
