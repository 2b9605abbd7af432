"""Memory a sync has freed, given back to the operating system between its steps.

Arrow's memory pool keeps what it freed for reuse, and glibc's ``malloc`` keeps the freed pages of its heaps: after
a table's rows have streamed through, the process would carry their high-water mark into the comparison and the
publish that follow. Given back after each group of rows is written, a changed re-sync of a 200 MB CSV file peaked
at 390 MB instead of 420 MB (bench/bench_sync_memory.py)."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

import pyarrow as pa


@functools.cache
def _malloc_trim() -> ctypes._NamedFuncPointer | None:
    """glibc's ``malloc_trim``, where the C library has it (not on musl or macOS)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def give_back() -> None:
    """Return the memory Arrow's pool and the C heap hold unused to the operating system."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
