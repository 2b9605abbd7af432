"""The installation's secrets: the pseudonym key, the person key of the audit log and the checkpoint signing
key. Each is made once, on first use, in a file only its owner can read (mode 0600), and never printed, logged
or written to the metadata store."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from ukimet.core.errors import Unavailable
from ukimet.core.settings import Settings


def installation_secret(config: Settings, name: str, path: Path | None = None, size: int = 32) -> bytes:
    """The secret ``name`` (``size`` random bytes), from ``path`` or home/keys/NAME.key; made if missing."""
    path = path or config.home / "keys" / f"{name}.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, made = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")  # mode 0600
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(size))
        try:
            os.link(made, path)  # atomic: exactly one process's key wins
        except FileExistsError:
            pass
        finally:
            Path(made).unlink()
    try:
        raw = bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError) as error:
        raise Unavailable("keys.unreadable", path=str(path), detail=str(error)) from error
    if len(raw) != size:
        raise Unavailable("keys.size", path=str(path), size=len(raw), expected=size)
    return raw
