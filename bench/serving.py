"""What the benchmarks that start ``ukimet serve`` share: waiting until the server answers, and a lean HTTP
client to load it with."""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx


def wait_healthy(base: str, server: subprocess.Popen[bytes], log: Path | None = None, seconds: float = 120.0) -> None:
    """Wait until ``base``'s health endpoint answers 200; stop with the server's output if it exits first, and
    with a clear message if it is not up within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            said = log.read_text(errors="replace") if log is not None and log.exists() else "(see its output above)"
            raise SystemExit(f"ukimet serve exited with {server.returncode} before it answered: {said}")
        time.sleep(0.2)
    raise SystemExit(f"ukimet serve did not answer {base}/api/v1/health within {seconds:.0f} s")


class LeanClient:
    """One keep-alive HTTP/1.1 connection to the server, spoken over asyncio streams: a load generator that costs
    a fraction of httpx's CPU per request, so that on a 2-core machine the clients do not take the cores the
    server is measured on (httpx's async client spent about 5 ms of CPU per request here, as much as a request of
    the server itself). Only what the benchmarks send: GET and POST with a JSON body, answers with a
    Content-Length."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, headers: dict[str, str] | None = None,
                      body: Any = None) -> tuple[int, bytes]:
        """The status and body of one request (the connection is opened, and reopened once if the server closed
        it)."""
        for attempt in (1, 2):
            if self._writer is None:
                self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
            assert self._reader is not None
            payload = b"" if body is None else json.dumps(body).encode()
            head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                    f"Content-Length: {len(payload)}", *(f"{k}: {v}" for k, v in (headers or {}).items())]
            if body is not None:
                head.append("Content-Type: application/json")
            try:
                self._writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
                await self._writer.drain()
                status_line = await self._reader.readline()
                if not status_line:
                    raise ConnectionResetError("the server closed the connection")
                length, close = 0, False
                while (line := await self._reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                    elif name.lower() == "connection" and value.strip().lower() == "close":
                        close = True
                data = await self._reader.readexactly(length)
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt == 2:
                    raise
                continue
            if close:
                await self.close()
            return int(status_line.split()[1]), data
        raise AssertionError("unreachable")

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError):
                await self._writer.wait_closed()
        self._reader = self._writer = None
