"""One weighted draw, the way the generator makes millions of them."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def weighted(rng: random.Random, values: Sequence[T], cum_weights: Sequence[float]) -> T:
    """The value ``rng.choices(values, cum_weights=cum_weights)[0]`` gives, from the same one draw of ``rng``
    (so a seed makes the same country), without the list and checks ``choices`` makes on every call."""
    return values[bisect(cum_weights, rng.random() * (cum_weights[-1] + 0.0), 0, len(values) - 1)]
