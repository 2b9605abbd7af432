"""What native libraries print goes to a log, not to the operator's terminal.

A Rust driver (ConnectorX) that panics prints its panic, with a backtrace when ``RUST_BACKTRACE`` is set, straight
to the process's standard error, below Python: no ``except`` can stop it. While a command reads sources, file
descriptor 2 is pointed at a log file of its own, and Python's ``sys.stderr`` (progress bars, messages) at the
terminal it was: the operator reads one line per failure, the full detail is in the log."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def native_output_to(log: Path) -> Iterator[Path]:
    """Native writes to standard error go to ``log`` inside; Python's go where they went. The log is removed
    when nothing was written to it."""
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    python_stderr = sys.stderr
    terminal = os.fdopen(os.dup(2), "w", buffering=1, encoding=getattr(python_stderr, "encoding", None) or "utf-8",
                         errors="replace")
    with log.open("ab") as target:
        os.dup2(target.fileno(), 2)
        sys.stderr = terminal
        try:
            yield log
        finally:
            terminal.flush()
            sys.stderr = python_stderr
            os.dup2(saved, 2)
            os.close(saved)
            terminal.close()
    if log.exists() and log.stat().st_size == 0:
        log.unlink()
