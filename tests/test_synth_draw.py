"""A weighted draw gives what random.choices gives from the same seed, so the faster draw builds the same country."""

from __future__ import annotations

import random

import pytest

from ukimet.synth.draw import weighted


@pytest.mark.parametrize("cum_weights", [(1.0,), (0.5, 0.5, 1.0), (3, 3, 7, 20), (0.1, 0.35, 0.9, 0.9, 1.4)])
def test_a_weighted_draw_is_the_one_random_choices_makes_from_the_same_stream(cum_weights: tuple[float, ...]) -> None:
    values = [f"v{i}" for i in range(len(cum_weights))]
    ours, theirs = random.Random(7), random.Random(7)
    drawn = [weighted(ours, values, cum_weights) for _ in range(5_000)]
    assert drawn == [theirs.choices(values, cum_weights=cum_weights)[0] for _ in range(5_000)]
    assert ours.random() == theirs.random()


def test_a_value_of_zero_weight_is_never_drawn() -> None:
    rng = random.Random(1)
    assert "never" not in {weighted(rng, ["a", "never", "b"], (1.0, 1.0, 2.0)) for _ in range(10_000)}
