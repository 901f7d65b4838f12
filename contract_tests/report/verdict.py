"""The verdict of a run and its exit code: decided once, shown everywhere the same.

The summary, the HTML report, summary.json and the exit status of both
``superoffice-contract`` and ``pytest contract_tests`` take it from here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import pytest


class SuiteExit(enum.IntEnum):
    """The exit codes of a run, and what each one means (``--help`` and the docs list them)."""

    KEPT = 0
    VIOLATED = 1
    USAGE = 2
    BROKEN = 3
    NOT_TESTED = 4
    # What a shell reports for a command stopped by Ctrl-C (128 + SIGINT).
    INTERRUPTED = 130

    @property
    def meaning(self) -> str:
        return EXIT_MEANINGS[self]


EXIT_MEANINGS = {
    SuiteExit.KEPT: "contract kept: no violation (beyond those the --baseline accepts)",
    SuiteExit.VIOLATED: "violations: each printed with a curl command that reproduces it",
    SuiteExit.USAGE: "usage error: a bad option or value; nothing was sent",
    SuiteExit.BROKEN: "the suite itself failed (a bug, or a baseline it cannot write)",
    SuiteExit.NOT_TESTED: "not tested: the target is unreachable, or refused the credentials",
    SuiteExit.INTERRUPTED: "interrupted (Ctrl-C); what the run saved is removed first",
}


@dataclass(frozen=True)
class Verdict:
    exit: SuiteExit
    text: str  # the summary's "verdict:" line, after the label

    @property
    def word(self) -> str:
        """PASSED, FAILED, NOT TESTED, ...: the text up to its first colon."""
        return self.text.partition(":")[0]


@dataclass(frozen=True)
class RunOutcome:
    """What the verdict is decided from."""

    pytest_status: int
    stopped: str | None  # why the run stopped before testing: the target unusable
    cases: int
    failed_checks: list[str]  # checks with violations the baseline does not accept
    positive_refused: int
    positive_with_credentials: int
    accepted: int = 0  # violations the baseline accepted
    baseline_error: str | None = None

    @property
    def mostly_refused(self) -> bool:
        return 2 * self.positive_refused > self.positive_with_credentials > 0


def decide(outcome: RunOutcome) -> Verdict:
    if outcome.stopped is not None:
        return Verdict(SuiteExit.NOT_TESTED, f"NOT TESTED: {outcome.stopped}")
    if outcome.pytest_status == pytest.ExitCode.INTERRUPTED:
        return Verdict(SuiteExit.INTERRUPTED, "INTERRUPTED: the cases run so far are counted above")
    if outcome.baseline_error is not None:
        return Verdict(SuiteExit.BROKEN, f"ERROR: {outcome.baseline_error}")
    if outcome.failed_checks:
        return Verdict(
            SuiteExit.VIOLATED,
            f"FAILED: the server breaks the contract ({', '.join(outcome.failed_checks)});"
            " each violation comes with a curl command that reproduces it",
        )
    if outcome.mostly_refused:
        return Verdict(
            SuiteExit.NOT_TESTED,
            f"NOT TESTED: {outcome.positive_refused} of {outcome.positive_with_credentials}"
            " positive cases were refused (401/403), so the server was hardly tested:"
            " check the credentials and that they may save for the associate",
        )
    if outcome.pytest_status == pytest.ExitCode.OK:
        if outcome.accepted:
            return Verdict(
                SuiteExit.KEPT,
                f"PASSED: in all {outcome.cases} cases, no violation but the"
                f" {outcome.accepted} the baseline accepts",
            )
        return Verdict(
            SuiteExit.KEPT, f"PASSED: the server keeps the contract in all {outcome.cases} cases"
        )
    return Verdict(
        SuiteExit.BROKEN,
        f"ERROR: the suite itself failed (pytest exit code {outcome.pytest_status}, see above)",
    )
