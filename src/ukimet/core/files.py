"""An installation's home holds citizen data (the store), password hashes and the audit log (the metadata store)
and its keys: nothing of it may be readable by another user of the machine. Every process that opens a home
makes it private first: from then on the files it creates are 0600 and its folders 0700 (umask 077), and what
is already there is brought to those modes."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_private(home: Path, *files: Path) -> None:
    """The home (created if missing) and ``files`` outside it readable by their owner only, and this process's
    new files too. A file owned by another user is left as it is (it cannot be changed from here)."""
    os.umask(0o077)
    home.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    for path in [home, *home.rglob("*"), *[f for f in files if f.exists()]]:
        if path.is_symlink():
            continue
        wanted = FOLDER_MODE if path.is_dir() else FILE_MODE
        with contextlib.suppress(OSError):
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                path.chmod(wanted)


def exposed(home: Path) -> list[Path]:
    """The files and folders of a home that another user of the machine could read or write."""
    return [p for p in [home, *home.rglob("*")] if not p.is_symlink() and stat.S_IMODE(p.stat().st_mode) & 0o077]
