"""What the benchmarks that start ``ukimet serve`` share: waiting until the server answers."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

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
