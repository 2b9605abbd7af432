"""Python work shared with a forked process (core.parallel.mapped): the same answers in the same order as one
process, whatever happens to the second."""

from __future__ import annotations

import os

import pytest

from ukimet.core.parallel import cores, mapped

pytestmark = pytest.mark.skipif(cores() < 2, reason="one core: mapped never forks here")


def test_the_answers_are_those_of_one_process_in_order() -> None:
    words = [f"w{i}" for i in range(1001)]
    numbers = list(range(7))
    assert mapped([(str.upper, words), (lambda n: n * n, numbers), (len, [])], least=1) == \
        [[w.upper() for w in words], [n * n for n in numbers], []]


def test_the_second_half_is_done_by_another_process() -> None:
    parent = os.getpid()
    (pids,) = mapped([(lambda _: os.getpid(), range(10))], least=1)
    assert pids[:5] == [parent] * 5 and len(set(pids[5:])) == 1 and pids[5] != parent


def test_few_values_stay_in_this_process() -> None:
    parent = os.getpid()
    assert mapped([(lambda _: os.getpid(), range(10))]) == [[parent] * 10]


def test_an_error_in_the_second_half_is_raised_here() -> None:
    def fails_on_nine(n: int) -> int:
        if n == 9:
            raise ValueError("nine")
        return n

    with pytest.raises(ValueError, match="nine"):
        mapped([(fails_on_nine, range(10))], least=1)


def test_a_second_process_that_dies_leaves_its_half_to_this_one() -> None:
    parent = os.getpid()

    def dies_there(n: int) -> int:
        if os.getpid() != parent:
            os._exit(3)  # killed without an answer
        return n * 2

    assert mapped([(dies_there, range(10))], least=1) == [[n * 2 for n in range(10)]]
