"""Interleaved baseline/subject runs, and the median, min and max of what they give.

The machine is shared, so absolute times drift from one second to the next. Running
baseline and subject in alternation and taking the ratio of each adjacent pair cancels
most of that drift; the median of the pairs is robust to the odd disturbed pair.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Spread:
    median: float
    min: float
    max: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            raise ValueError("no values to summarise")
        return cls(statistics.median(values), min(values), max(values))


def interleave(
    baseline: Callable[[int], T], subject: Callable[[int], T], rounds: int
) -> list[tuple[T, T]]:
    """``rounds`` pairs: baseline(0), subject(0), baseline(1), subject(1), ..."""
    if rounds < 1:
        raise ValueError("at least one round is needed")
    pairs = []
    for index in range(rounds):
        measured_baseline = baseline(index)
        pairs.append((measured_baseline, subject(index)))
    return pairs


def ratio_spread(pairs: Sequence[tuple[float, float]]) -> Spread:
    """Median, min and max of subject ÷ baseline over the pairs."""
    return Spread.of([subject / baseline for baseline, subject in pairs])
