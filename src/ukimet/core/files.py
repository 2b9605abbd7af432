"""An installation's home holds citizen data (the store), password hashes and the audit log (the metadata store)
and its keys: nothing of it may be readable by another user of the machine. Every process that opens a home
makes it private first: from then on the files it creates are 0600 and its folders 0700 (umask 077), and what
is already there is brought to those modes."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_private(home: Path, *files: Path) -> None:
    """The home (created if missing) and ``files`` outside it readable by their owner only, and this process's
    new files too. A file owned by another user is left as it is (it cannot be changed from here)."""
    os.umask(0o077)
    home.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    for path in _open_to_others([home, *home.rglob("*"), *[f for f in files if f.exists()]]):
        with contextlib.suppress(OSError):
            path.chmod(FOLDER_MODE if path.is_dir() else FILE_MODE)


def write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``, readable by its owner only from the first byte on (whatever the umask), in
    a folder of the owner's own."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    fd, made = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")  # mode 0600
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    Path(made).replace(path)


def exposed(home: Path) -> list[Path]:
    """The files and folders of a home that another user of the machine could read or write."""
    return _open_to_others([home, *home.rglob("*")])


def _open_to_others(paths: list[Path]) -> list[Path]:
    """Those of ``paths`` another user could reach (symlinks and files gone meanwhile, such as a closed WAL, left
    out)."""
    found = []
    for path in paths:
        with contextlib.suppress(OSError):
            if not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) & 0o077:
                found.append(path)
    return found
