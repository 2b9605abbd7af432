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
            raise SourceError(
                f"source {source}", f"its password is referenced as environment variable {env}, which is not set",
                f"export {env}=... in the environment that runs ukimet",
            )
        return value
    if secret:
        try:
            secrets = tomllib.loads(secrets_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SourceError(
                f"source {source}", f"its password is referenced as key {secret!r} of {secrets_file}, which does "
                "not exist", f"create {secrets_file} (mode 600) with a line: {secret} = \"...\"",
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise SourceError(f"secrets file {secrets_file}", f"not valid TOML ({exc})", "fix the line named") from None
        if secret not in secrets:
            raise SourceError(
                f"source {source}", f"key {secret!r} is missing from {secrets_file}",
                f"add a line: {secret} = \"...\"",
            )
        return str(secrets[secret])
    return None
