"""verdict: one verdict and exit code per run, decided in the order the docs give.

Seen failing by hand: ``decide`` asking ``mostly_refused`` before the failed checks (a
violating server that refuses most cases was then NOT TESTED).
"""

from __future__ import annotations

import dataclasses

import pytest

from contract_tests.report.verdict import EXIT_MEANINGS, RunOutcome, SuiteExit, decide

CLEAN = RunOutcome(
    pytest_status=pytest.ExitCode.OK,
    stopped=None,
    cases=120,
    failed_checks=[],
    positive_refused=0,
    positive_with_credentials=40,
)


def outcome(**changes: object) -> RunOutcome:
    return dataclasses.replace(CLEAN, **changes)  # type: ignore[arg-type]


def test_every_exit_code_has_its_meaning() -> None:
    assert set(EXIT_MEANINGS) == set(SuiteExit)
    assert int(SuiteExit.INTERRUPTED) == 128 + 2  # what a shell reports after SIGINT


@pytest.mark.parametrize(
    ("changes", "exit_code", "word"),
    [
        ({}, SuiteExit.KEPT, "PASSED"),
        ({"accepted": 3}, SuiteExit.KEPT, "PASSED"),
        ({"failed_checks": ["a_check"]}, SuiteExit.VIOLATED, "FAILED"),
        ({"positive_refused": 21}, SuiteExit.NOT_TESTED, "NOT TESTED"),
        ({"positive_refused": 20}, SuiteExit.KEPT, "PASSED"),
        ({"stopped": "unreachable"}, SuiteExit.NOT_TESTED, "NOT TESTED"),
        ({"pytest_status": pytest.ExitCode.INTERRUPTED}, SuiteExit.INTERRUPTED, "INTERRUPTED"),
        ({"baseline_error": "cannot write"}, SuiteExit.BROKEN, "ERROR"),
        ({"pytest_status": pytest.ExitCode.INTERNAL_ERROR}, SuiteExit.BROKEN, "ERROR"),
    ],
)
def test_one_outcome_one_verdict(
    changes: dict[str, object], exit_code: SuiteExit, word: str
) -> None:
    verdict = decide(outcome(**changes))
    assert (verdict.exit, verdict.word) == (exit_code, word)


def test_violations_come_before_refusals_and_are_named() -> None:
    verdict = decide(outcome(failed_checks=["one", "two"], positive_refused=40))
    assert verdict.exit == SuiteExit.VIOLATED
    assert "(one, two)" in verdict.text


def test_the_texts_carry_the_numbers() -> None:
    assert "120 cases" in decide(CLEAN).text
    assert "the 3 the baseline accepts" in decide(outcome(accepted=3)).text
    assert "30 of 40" in decide(outcome(positive_refused=30)).text
    assert "unreachable" in decide(outcome(stopped="unreachable")).text
