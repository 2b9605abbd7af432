"""Pure Python work over many values, shared with a forked process.

Standardising a linkage's distinct IINs, full names, names, dates and addresses is Python, held to one core by the
interpreter's lock while the other core waits: on 37,000 records it was a fifth of ``ukimet link``. ``mapped`` hands
the second half of every list to a process forked for the purpose (it starts with the parent's memory, so nothing
but the results crosses: no function or value is pickled on the way in) and does the first half itself.

A fork is safe here because the child only runs the given Python functions and exits: it never touches the
parent's DuckDB connection or its metadata database. Should the child fail (an error), die or be killed, the parent
does its half too: the answer, or the error, is the same as in one process, only later."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

FORK_FROM = 20_000
"""Values, over all the lists, from which a second process pays for its start (a few tens of milliseconds)."""

Job = tuple[Callable[[Any], Any], Sequence[Any]]
"""A function and the values to call it on."""


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def mapped(jobs: Sequence[Job], least: int | None = None) -> list[list[Any]]:
    """``[[f(v) for v in values] for f, values in jobs]``, in order; with at least ``least`` values (``FORK_FROM``)
    and a second core, the second half of each list in a forked process at the same time."""
    if sum(len(values) for _, values in jobs) < (FORK_FROM if least is None else least) or cores() < 2 or \
            "fork" not in multiprocessing.get_all_start_methods():
        return [[function(v) for v in values] for function, values in jobs]
    halves = [len(values) // 2 for _, values in jobs]
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_second_halves, args=(jobs, halves, send), daemon=True)
    process.start()
    send.close()
    second: Any = None
    try:
        first = [[function(v) for v in values[:half]] for (function, values), half in zip(jobs, halves, strict=True)]
        # nothing, when the child failed, died or was killed: the parent does its half (and meets its error)
        with contextlib.suppress(Exception):
            second = receive.recv()
    finally:
        receive.close()
        if process.is_alive() and second is None:
            process.terminate()
        process.join()
    if second is None:
        second = [[function(v) for v in values[half:]] for (function, values), half in zip(jobs, halves, strict=True)]
    return [a + b for a, b in zip(first, second, strict=True)]


def _second_halves(jobs: Sequence[Job], halves: list[int], send: Any) -> None:
    # a collection would walk, and so copy, every page of the parent's heap: a process that lives for one call
    # does without
    gc.disable()
    try:
        send.send([[function(v) for v in values[half:]] for (function, values), half in zip(jobs, halves, strict=True)])
    except BaseException:  # nothing is sent: the parent does this half itself, and meets the error as it is
        pass
    finally:
        send.close()
