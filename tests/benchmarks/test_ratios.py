"""Interleaving and summarising, the part every benchmark relies on."""

from __future__ import annotations

import pytest

from benchmarks.ratios import Spread, interleave, ratio_spread
from benchmarks.report import Figure, Result, Target, as_json


def test_baseline_and_subject_alternate_starting_with_the_baseline() -> None:
    calls: list[str] = []

    def baseline(index: int) -> float:
        calls.append(f"baseline {index}")
        return 1.0

    def subject(index: int) -> float:
        calls.append(f"subject {index}")
        return 2.0

    assert interleave(baseline, subject, 2) == [(1.0, 2.0), (1.0, 2.0)]
    assert calls == ["baseline 0", "subject 0", "baseline 1", "subject 1"]


def test_ratios_are_subject_over_baseline_per_pair() -> None:
    assert ratio_spread([(2.0, 1.0), (1.0, 3.0), (1.0, 1.0)]) == Spread(1.0, 0.5, 3.0)


def test_no_rounds_is_an_error() -> None:
    with pytest.raises(ValueError, match="round"):
        interleave(lambda _: 1.0, lambda _: 1.0, 0)


def test_a_target_is_judged_on_the_median() -> None:
    met = Figure("ratio", Spread(0.9, 0.5, 2.0), Target("<=", 1.0))
    missed = Figure("ratio", Spread(1.1, 0.5, 1.0), Target("<=", 1.0))
    result = Result("P0", "a measure", 3, [met, missed])
    figures = as_json([result])["results"][0]["figures"]
    assert [figure["met"] for figure in figures] == [True, False]
    assert as_json([result])["results"][0]["met"] is False
