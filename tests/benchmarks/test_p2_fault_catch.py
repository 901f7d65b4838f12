"""P2 without running the suite: its rounds cycle through the fault catalogue, a clean
run must pass and a faulty one fail, and each run stops at its first failure with the
benchmark's example count. ``run_against`` is replaced by a stand-in that records.

Seen failing by hand: ``faulty`` taking ``FAULTS[0]`` every round, ``clean`` expecting
FAILED, a run without ``--exitfirst``, ``--p2-only`` given to the faulty runs alone, and
``faults_of`` dropping a name it does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.types import ASGIApp

from benchmarks import p2_fault_catch
from benchmarks.contract_runs import FAILED, PASSED, SUITE_OPTIONS
from benchmarks.p2_fault_catch import Counts, faults_of, run
from benchmarks.ratios import Spread
from fault_lab.batch import STOP_AT_FIRST_FAILURE, Credentials, no_fault
from fault_lab.faults import FAULTS
from fault_lab.suite_run import SuiteRun


class StandIn:
    """Answers as the suite would: passes clean, fails every fault; records what it ran."""

    def __init__(self, clean_exit: int = PASSED) -> None:
        self.wraps: list[Callable[[ASGIApp], ASGIApp]] = []
        self.options: list[tuple[str, ...]] = []
        self.clean_exit = clean_exit

    def __call__(
        self, wrap: Callable[[ASGIApp], ASGIApp], directory: Path, _: Credentials, *options: str
    ) -> SuiteRun:
        self.wraps.append(wrap)
        self.options.append(options)
        clean = wrap is no_fault
        exit_code = self.clean_exit if clean else FAILED
        return SuiteRun(exit_code, 4.0 if clean else 1.0, "output", directory)


def test_the_rounds_pair_a_clean_run_with_each_fault_in_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    suite = StandIn()
    monkeypatch.setattr(p2_fault_catch, "run_against", suite)
    rounds = len(FAULTS) + 1
    result = run(Counts(rounds=rounds, max_examples=3))

    faults = [FAULTS[index % len(FAULTS)] for index in range(rounds)]
    expected = [wrap for fault in faults for wrap in (no_fault, fault.wrap)]
    assert suite.wraps == expected
    assert result.settings["faults"] == [fault.name for fault in faults]
    every_run = ("--max-examples", "3", STOP_AT_FIRST_FAILURE, *SUITE_OPTIONS)
    assert set(suite.options) == {every_run}
    ratio, catch, clean = result.figures
    assert ratio.spread == Spread(0.25, 0.25, 0.25)
    assert ratio.target == p2_fault_catch.RATIO_TARGET
    assert (catch.spread.median, clean.spread.median) == (1.0, 4.0)


def test_the_default_tries_every_fault_once() -> None:
    assert Counts().rounds == len(FAULTS)


def test_a_clean_run_that_fails_stops_the_benchmark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(p2_fault_catch, "run_against", StandIn(clean_exit=FAILED))
    with pytest.raises(RuntimeError, match="expected 0"):
        run(Counts(rounds=1))


def test_named_faults_and_a_selection_narrow_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    suite = StandIn()
    monkeypatch.setattr(p2_fault_catch, "run_against", suite)
    first, second = FAULTS[-1], FAULTS[0]
    counts = Counts(rounds=3, max_examples=3, faults=f"{first.name},{second.name}", only="x")
    result = run(counts)

    assert suite.wraps == [no_fault, first.wrap, no_fault, second.wrap, no_fault, first.wrap]
    assert result.settings["faults"] == [first.name, second.name, first.name]
    every_run = ("--max-examples", "3", STOP_AT_FIRST_FAILURE, *SUITE_OPTIONS, "-k", "x")
    assert set(suite.options) == {every_run}


def test_an_unknown_fault_name_is_refused() -> None:
    with pytest.raises(ValueError, match="not in fault_lab's catalogue: nowhere"):
        faults_of(Counts(faults=f"{FAULTS[0].name},nowhere"))
