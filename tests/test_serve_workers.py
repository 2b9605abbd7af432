"""`ukimet serve --workers N` runs N processes that share what a signed-in person relies on: a session opened on
one worker is honoured by every other, and ended on all of them at once."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest


@pytest.fixture
def served(web_country: dict[str, Any], tmp_path: Path) -> Iterator[str]:
    home = tmp_path / "home"
    shutil.copytree(web_country["config"].home, home)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "UKIMET_HOME": str(home)}
    server = subprocess.Popen([sys.executable, "-m", "ukimet.cli.main", "serve", "--port", str(port), "--workers",
                               "2"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # polls until the server answers; no fixed wait
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("ukimet serve --workers 2 did not answer within 60 s")
        yield url
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def test_a_session_is_honoured_and_ended_by_every_worker(served: str, web_country: dict[str, Any]) -> None:
    name, password = web_country["users"]["worker"].name, web_country["password"]["worker"]
    with httpx.Client(base_url=served, timeout=10) as one:  # a new connection per request: any worker answers
        token = one.post("/api/v1/auth/login", json={"name": name, "password": password}).json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    for _ in range(12):
        with httpx.Client(base_url=served, timeout=10) as fresh:
            assert fresh.get("/api/v1/me", headers=bearer).status_code == 200
    with httpx.Client(base_url=served, timeout=10) as fresh:
        assert fresh.post("/api/v1/auth/logout", headers=bearer).status_code == 200
    for _ in range(12):
        with httpx.Client(base_url=served, timeout=10) as fresh:
            assert fresh.get("/api/v1/me", headers=bearer).status_code == 401
