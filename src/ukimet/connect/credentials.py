"""Source credentials are referenced, never stored: the catalog keeps the name of an environment variable or of a
key in the secrets file (outside the repository), and the password is read only when connecting."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from ukimet.core.errors import SourceError


def resolve_password(source: str, env: str | None, secret: str | None, secrets_file: Path) -> str | None:
    """The password a source references, or None when it needs none."""
    if env:
        value = os.environ.get(env)
        if value is None:
            raise SourceError("credentials.env", source=source, env=env)
        return value
    if secret:
        try:
            secrets = tomllib.loads(secrets_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SourceError("credentials.no_file", source=source, secret=secret, file=str(secrets_file)) from None
        except tomllib.TOMLDecodeError as exc:
            raise SourceError("credentials.toml", file=str(secrets_file), detail=str(exc)) from None
        if secret not in secrets:
            raise SourceError("credentials.no_key", source=source, secret=secret, file=str(secrets_file))
        return str(secrets[secret])
    return None
