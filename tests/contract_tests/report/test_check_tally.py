"""check_tally: per check, the responses it applied to, failed, and did not apply to.

Seen failing by hand: ``record`` counting a check once per failure instead of once
per response.
"""

from __future__ import annotations

import json
from pathlib import Path

from schemathesis import CheckResult
from schemathesis.core.failures import ServerError
from schemathesis.engine import Status

from contract_tests.report.check_tally import (
    APPLIED,
    FAILED,
    NOT_APPLICABLE,
    TALLY_FILE,
    CheckTally,
)

FAILURE = ServerError(operation="op", status_code=500)


def passed(name: str) -> CheckResult:
    return CheckResult(name=name, status=Status.SUCCESS, failure=None)


def failed(name: str) -> CheckResult:
    return CheckResult(name=name, status=Status.FAILURE, failure=FAILURE)


def tallied() -> CheckTally:
    tally = CheckTally()
    tally.enabled = ["never_applied"]
    tally.record(None, None, None, [passed("a"), failed("b"), failed("b")])  # type: ignore[arg-type]
    tally.record(None, None, None, [passed("a"), passed("b")])  # type: ignore[arg-type]
    tally.record(None, None, None, [])  # type: ignore[arg-type]
    tally.record_judgement("model_check", failed=True)
    return tally


def test_counts_per_check() -> None:
    counts = {
        count.name: (count.applied, count.failed, count.not_applicable)
        for count in tallied().counts()
    }
    assert counts == {
        "a": (2, 0, 1),
        "b": (2, 1, 1),
        "model_check": (1, 1, 2),
        "never_applied": (0, 0, 3),
    }


def test_the_file_holds_the_counts(tmp_path: Path) -> None:
    tally = tallied()
    tally.write(tmp_path)
    written = json.loads((tmp_path / TALLY_FILE).read_text(encoding="utf-8"))
    assert written["b"] == {APPLIED: 2, FAILED: 1, NOT_APPLICABLE: 1}
    assert list(written) == sorted(written)
