"""A real ukimet app on an empty installation with an account per role: for what does not need citizen data
(sign-in, sessions, throttling). Built in a second, so each test gets a fresh one with its own settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from ukimet.api.app import create_app
from ukimet.core.metadata import connect_metadata
from ukimet.core.settings import Settings
from ukimet.gateway.rewrite import User
from ukimet.gateway.users import add_user
from ukimet.sync.store import create_store

USERS = {
    "analyst": User("aigerim", "analyst", "Akimat of Shymkent", {"region": "79"}),
    "admin": User("dana", "admin", "National data operator"),
    "auditor": User("bolat", "auditor", "Agency for Personal Data Protection"),
}
PASSWORDS = {key: f"{user.name}-long-pass" for key, user in USERS.items()}


@dataclass
class SmallApp:
    app: Any
    client: TestClient
    config: Settings

    def sign_in(self, who: str = "analyst", password: str | None = None, client: TestClient | None = None) -> Any:
        return (client or self.client).post("/api/v1/auth/login", json={
            "name": USERS[who].name if who in USERS else who, "password": password or PASSWORDS.get(who, "x")})

    def bearer(self, who: str = "analyst") -> dict[str, str]:
        answer = self.sign_in(who)
        assert answer.status_code == 200, answer.text
        self.client.cookies.clear()  # the bearer alone carries the session
        return {"Authorization": f"Bearer {answer.json()['token']}"}

    def other_client(self, address: str = "10.9.9.9") -> TestClient:
        return TestClient(self.app, client=(address, 50000))


@contextmanager
def small_app(home: Path, **settings: Any) -> Iterator[SmallApp]:
    config = Settings(home=home, **settings)
    engine = connect_metadata(config)
    create_store(config.resolved_store_path())  # an empty integrated store
    for key, user in USERS.items():
        add_user(engine, user, PASSWORDS[key])
    app = create_app(config)
    try:
        with TestClient(app) as client:
            yield SmallApp(app, client, config)
    finally:
        app.state.gateway.close()
