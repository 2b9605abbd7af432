"""Sessions as the server keeps them: an opaque random id, only its hash stored; logout, a password change and
a revoke end sessions at once (a copied cookie or bearer is worth nothing after); idle and absolute timeouts
from the settings; the cookie HttpOnly, SameSite=Lax and Secure over TLS; no answer to a signed-in user cached."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from typer.testing import CliRunner

from ukimet.core.metadata import audit_entries, sessions
from ukimet.gateway.users import issue_token

from .small_app import PASSWORDS, USERS, SmallApp, small_app


@pytest.fixture
def site(tmp_path: Path) -> Any:
    with small_app(tmp_path / "home") as built:
        yield built


def _rows(site: SmallApp) -> list[Any]:
    with site.app.state.gateway.metadata.connect() as con:
        return list(con.execute(select(sessions).order_by(sessions.c.created_at)))


def _web_sign_in(site: SmallApp, who: str = "analyst", client: TestClient | None = None) -> str:
    client = client or site.client
    answer = client.post("/login", data={"name": USERS[who].name, "password": PASSWORDS[who], "next": "/"},
                         follow_redirects=False)
    assert answer.status_code == 303, answer.text
    cookie = answer.cookies.get("ukimet_session")
    assert cookie
    return str(cookie)


def _me(site: SmallApp, headers: dict[str, str]) -> int:
    return int(site.client.get("/api/v1/me", headers=headers).status_code)


def test_a_session_is_an_opaque_random_id_and_only_its_hash_is_stored(site: SmallApp) -> None:
    first, second = site.sign_in().json()["token"], site.sign_in().json()["token"]
    assert first != second and first.startswith("uks_") and len(first) > 40
    assert "aigerim" not in first  # nothing readable in it: not a signed blob of the user's name
    stored = _rows(site)
    assert {r.id_hash for r in stored} == {hashlib.sha256(t.encode()).hexdigest() for t in (first, second)}
    assert all(first not in str(tuple(r)) and second not in str(tuple(r)) for r in stored)
    assert all(r.user_name == "aigerim" and r.method == "password" and r.ended_at is None for r in stored)


def test_web_logout_ends_the_session_at_once_and_a_copied_cookie_is_refused(site: SmallApp) -> None:
    cookie = _web_sign_in(site)
    thief = TestClient(site.app, cookies={"ukimet_session": cookie})
    assert thief.get("/api/v1/me").status_code == 200  # the copy works while the session lives
    left = site.client.post("/logout", follow_redirects=False)
    assert left.status_code == 303 and left.headers["location"] == "/login"
    assert 'ukimet_session=""' in left.headers["set-cookie"] or "Max-Age=0" in left.headers["set-cookie"]
    assert thief.get("/api/v1/me").status_code == 401
    page = thief.get("/", headers={"accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login"
    assert [r.end_reason for r in _rows(site)] == ["logout"]


def test_api_logout_ends_the_session_and_an_api_token_is_not_a_session(site: SmallApp) -> None:
    bearer = site.bearer()
    assert _me(site, bearer) == 200
    assert site.client.post("/api/v1/auth/logout", headers=bearer).json() == {"sessions_ended": 1,
                                                                               "tokens_revoked": 0}
    assert _me(site, bearer) == 401
    assert site.client.post("/api/v1/auth/logout", headers=bearer).status_code == 401
    token = {"Authorization": f"Bearer {issue_token(site.app.state.gateway.metadata, 'aigerim')}"}
    refused = site.client.post("/api/v1/auth/logout", headers=token)
    assert refused.status_code == 403 and "ukimet user revoke aigerim" in refused.json()["error"]["fix"]
    assert _me(site, token) == 200


def test_a_password_change_ends_every_session_of_that_user_and_no_other(site: SmallApp) -> None:
    browser = TestClient(site.app)
    _web_sign_in(site, client=browser)
    phone, laptop, colleague = site.bearer(), site.bearer(), site.bearer("auditor")
    wrong = site.client.post("/api/v1/auth/password", json={"old": "not-mine", "new": "a-new-long-pass"},
                             headers=phone)
    assert wrong.status_code == 401 and _me(site, phone) == 200  # a wrong old password changes nothing
    short = site.client.post("/api/v1/auth/password", json={"old": PASSWORDS["analyst"], "new": "short"},
                             headers=phone)
    assert short.status_code == 422
    changed = site.client.post("/api/v1/auth/password", json={"old": PASSWORDS["analyst"], "new": "a-new-long-pass"},
                               headers=phone)
    assert changed.status_code == 200 and changed.json()["sessions_ended"] == 3
    assert _me(site, phone) == 401 and _me(site, laptop) == 401 and browser.get("/api/v1/me").status_code == 401
    assert _me(site, colleague) == 200
    assert site.sign_in(password=PASSWORDS["analyst"]).status_code == 401
    assert site.sign_in(password="a-new-long-pass").status_code == 200
    assert {r.end_reason for r in _rows(site) if r.user_name == "aigerim" and r.ended_at} == {"password"}


def _cli(site: SmallApp, *args: str, stdin: str = "") -> Any:
    from ukimet.cli.main import app

    return CliRunner().invoke(app, list(args), input=stdin, env={"UKIMET_HOME": str(site.config.home)})


def test_the_operator_changes_a_password_on_the_command_line_and_the_sessions_end(site: SmallApp) -> None:
    bearer = site.bearer()
    done = _cli(site, "user", "passwd", "aigerim", "--password-stdin", stdin="operator-set-pass\n")
    assert done.exit_code == 0, done.output
    assert "1 sessions ended" in done.output and _me(site, bearer) == 401
    assert site.sign_in(password="operator-set-pass").status_code == 200
    with site.app.state.gateway.metadata.connect() as con:
        entry = con.execute(select(audit_entries).where(audit_entries.c.action == "password_changed")).one()
    assert entry.user_name == "aigerim" and "operator" in entry.query and entry.policy
    refused = _cli(site, "user", "passwd", "nobody", "--password-stdin", stdin="operator-set-pass\n")
    assert refused.exit_code != 0 and "no such user" in refused.output and "Traceback" not in refused.output


def test_a_revoke_ends_every_session_and_api_token_of_the_account(site: SmallApp) -> None:
    engine = site.app.state.gateway.metadata
    session, token = site.bearer(), {"Authorization": f"Bearer {issue_token(engine, 'aigerim')}"}
    admin = site.bearer("admin")
    assert site.client.post("/api/v1/users/aigerim/revoke", headers=session).status_code == 403  # not an admin
    revoked = site.client.post("/api/v1/users/aigerim/revoke", headers=admin)
    assert revoked.status_code == 200 and revoked.json() == {"sessions_ended": 1, "tokens_revoked": 1}
    assert _me(site, session) == 401 and _me(site, token) == 401 and _me(site, admin) == 200
    again, token = site.bearer(), {"Authorization": f"Bearer {issue_token(engine, 'aigerim')}"}
    done = _cli(site, "user", "revoke", "aigerim")
    assert done.exit_code == 0 and "1 sessions ended, 1 API tokens revoked" in done.output, done.output
    assert _me(site, again) == 401 and _me(site, token) == 401
    listed = _cli(site, "user", "list").output
    assert [line.split("│")[-2].strip() for line in listed.splitlines() if "aigerim" in line] == ["0"]
    site.bearer()
    listed = _cli(site, "user", "list").output
    assert [line.split("│")[-2].strip() for line in listed.splitlines() if "aigerim" in line] == ["1"]
    with engine.connect() as con:
        actions = [a for (a,) in con.execute(select(audit_entries.c.action).where(audit_entries.c.action == "revoked"))]
    assert len(actions) == 2
    assert "OS-level trust" in _cli(site, "user", "revoke", "--help").output


def _age(site: SmallApp, bearer: dict[str, str], **back: dt.timedelta) -> None:
    """Move a session's times into the past (what the clock would do), by its id's hash."""
    key = hashlib.sha256(bearer["Authorization"][7:].encode()).hexdigest()
    now = dt.datetime.now(dt.UTC)
    with site.app.state.gateway.metadata.begin() as con:
        con.execute(update(sessions).where(sessions.c.id_hash == key).values(
            **{column: now - delta for column, delta in back.items()}))


def test_a_session_unused_for_the_idle_time_ends(site: SmallApp) -> None:
    fresh, idle = site.bearer(), site.bearer()
    _age(site, fresh, last_seen_at=dt.timedelta(minutes=29))
    _age(site, idle, last_seen_at=dt.timedelta(minutes=31))
    assert _me(site, fresh) == 200 and _me(site, idle) == 401
    seen = min(r.last_seen_at for r in _rows(site) if r.ended_at is None)  # the use was noted: it lives on
    assert dt.datetime.now(dt.UTC) - seen.replace(tzinfo=dt.UTC) < dt.timedelta(minutes=1)
    _age(site, idle, last_seen_at=dt.timedelta(0))
    assert _me(site, idle) == 401  # once ended, it stays ended
    assert sorted(r.end_reason or "" for r in _rows(site)) == ["", "idle"]


def test_a_session_ends_at_the_absolute_time_however_busy(site: SmallApp) -> None:
    busy = site.bearer()
    _age(site, busy, created_at=dt.timedelta(hours=7, minutes=59), last_seen_at=dt.timedelta(seconds=5))
    assert _me(site, busy) == 200
    _age(site, busy, created_at=dt.timedelta(hours=8, minutes=1), last_seen_at=dt.timedelta(seconds=5))
    assert _me(site, busy) == 401 and [r.end_reason for r in _rows(site)] == ["absolute"]


def test_the_timeouts_are_read_from_the_settings(tmp_path: Path) -> None:
    with small_app(tmp_path / "home", session_idle_minutes=5, session_absolute_hours=1) as site:
        idle, old = site.bearer(), site.bearer()
        _age(site, idle, last_seen_at=dt.timedelta(minutes=6))
        _age(site, old, created_at=dt.timedelta(minutes=61), last_seen_at=dt.timedelta(minutes=1))
        assert _me(site, idle) == 401 and _me(site, old) == 401
        assert sorted(r.end_reason for r in _rows(site)) == ["absolute", "idle"]


def _cookie_of(response: Any) -> str:
    found = [v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith("ukimet_session=")]
    assert len(found) == 1, response.headers
    return str(found[0]).lower()


def test_the_cookie_is_httponly_lax_and_secure_over_tls(tmp_path: Path) -> None:
    for trusted in (False, True):
        with small_app(tmp_path / f"home-{trusted}", trusted_proxy=trusted) as site:
            plain = _cookie_of(site.sign_in())
            assert "httponly" in plain and "samesite=lax" in plain and "secure" not in plain
            tls = TestClient(site.app, base_url="https://ukimet.example.kz")
            assert "secure" in _cookie_of(site.sign_in(client=tls))
            proxied = site.client.post("/api/v1/auth/login", headers={"X-Forwarded-Proto": "https"}, json={
                "name": "aigerim", "password": PASSWORDS["analyst"]})
            assert ("secure" in _cookie_of(proxied)) is trusted  # the header is believed only from a trusted proxy
            web = site.client.post("/login", data={"name": "aigerim", "password": PASSWORDS["analyst"]},
                                   headers={"X-Forwarded-Proto": "https"}, follow_redirects=False)
            assert ("secure" in _cookie_of(web)) is trusted


def test_no_answer_to_a_signed_in_user_is_cached(site: SmallApp) -> None:
    bearer = site.bearer()
    for response in (site.client.get("/api/v1/me", headers=bearer),
                     site.client.get("/api/v1/audit/entries", headers=bearer),  # a refusal too
                     site.client.get("/api/v1/no-such-thing", headers=bearer)):
        assert response.headers["cache-control"] == "no-store", response.url
    _web_sign_in(site)
    for page in ("/", "/sql", "/login"):
        assert site.client.get(page, headers={"accept": "text/html"}).headers["cache-control"] == "no-store"
    assert "no-store" not in site.client.get("/static/ukimet.css").headers.get("cache-control", "")


def test_a_person_signed_in_through_the_provider_gets_a_server_side_session(tmp_path: Path) -> None:
    import os
    import urllib.parse
    import urllib.request

    from .oidc_provider import Provider, serve

    provider = Provider(person={"sub": "kc-501", "preferred_username": "aigerim"})
    server = serve(provider)
    os.environ["UKIMET_TEST_OIDC_SECRET"] = provider.client_secret
    try:
        with small_app(tmp_path / "home", oidc_issuer=provider.url, oidc_client_id="ukimet",
                       oidc_client_secret_env="UKIMET_TEST_OIDC_SECRET",
                       oidc_redirect_uri="http://testserver/auth/callback") as site:
            started = site.client.get("/login/oidc", follow_redirects=False)

            class NoRedirect(urllib.request.HTTPRedirectHandler):
                def redirect_request(self, *args: Any) -> None:
                    return None

            try:  # the person signs in at the provider, which sends the browser back
                urllib.request.build_opener(NoRedirect).open(started.headers["location"])
            except urllib.error.HTTPError as back:
                callback = urllib.parse.urlsplit(back.headers["Location"])
            done = site.client.get(f"/auth/callback?{callback.query}", follow_redirects=False)
            assert done.status_code == 303, done.text
            assert site.client.get("/api/v1/me").json()["name"] == "aigerim"
            [row] = _rows(site)
            assert row.method == "oidc" and row.user_name == "aigerim" and row.ended_at is None
            site.client.post("/logout")
            assert site.client.get("/api/v1/me").status_code == 401 and _rows(site)[0].end_reason == "logout"
            replayed = site.client.get(f"/auth/callback?{callback.query}", follow_redirects=False)
            assert replayed.status_code in (401, 403) and _rows(site)[0].end_reason == "logout"  # no new session
            with site.app.state.gateway.metadata.connect() as con:
                actions = [a for (a,) in con.execute(select(audit_entries.c.action).where(
                    audit_entries.c.action.like("signin%")).order_by(audit_entries.c.seq))]
            assert actions == ["signin", "signin_failed"]
    finally:
        server.shutdown()
