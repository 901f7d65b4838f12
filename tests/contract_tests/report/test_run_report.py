"""run_report: a run's end record gathered from its tallies, and written where the
options say.

(The summary printed from it is tested in test_summary.py, against real runs.) Seen
failing by hand: ``finish`` listing the check rows of a run that sent no case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from schemathesis import CheckResult
from schemathesis.core.failures import ServerError
from schemathesis.engine import Status

from contract_tests.model.tally import ModelTally
from contract_tests.report.run_data import SUMMARY_FILE
from contract_tests.report.run_report import ContractRun, model_numbers
from contract_tests.report.verdict import SuiteExit
from contract_tests.run.options import options_from
from contract_tests.saved_credentials import Cleanup, NotRemoved


def run_in(directory: Path) -> ContractRun:
    run = ContractRun(options_from({"reports_dir": str(directory), "seed": "11"}, {}))
    run.target_url = "http://127.0.0.1:9"
    return run


def test_a_run_that_sent_nothing_has_no_counts() -> None:
    run = run_in(Path("unused"))
    run.checks.enabled = ["a_check"]
    run.stopped = "the target is unreachable"
    data = run.finish(pytest.ExitCode.OK, completed=True)
    assert data.verdict.exit == SuiteExit.NOT_TESTED
    assert not data.tested
    assert data.checks == []
    assert data.breakdown is None


def test_the_record_holds_what_the_tallies_counted(tmp_path: Path) -> None:
    run = run_in(tmp_path)
    failure = ServerError(operation="op", status_code=500)
    run.checks.record(None, None, None, [CheckResult("a_check", Status.FAILURE, failure)])  # type: ignore[arg-type]
    run.cleanup = Cleanup(
        saved=2, removed=1, not_removed=[NotRemoved({"Type": "imap"}, "answered 500")]
    )
    verdict = run.close(pytest.ExitCode.TESTS_FAILED, completed=True)
    assert verdict.exit == SuiteExit.VIOLATED
    written = json.loads((tmp_path / SUMMARY_FILE).read_text(encoding="utf-8"))
    assert written["seed"] == 11
    assert written["tested"] is True
    assert [row["name"] for row in written["checks"]] == ["a_check"]
    assert written["credentials"]["not_removed"] == [
        {"key": repr({"Type": "imap"}), "reason": "answered 500"}
    ]
    assert run.verdict == verdict


def test_the_model_numbers_by_label() -> None:
    tally = ModelTally(sequences=3, steps=9, comparisons=4)
    tally.not_checked.append("no canary")
    tally.key_comparisons["exactly"] = 2
    numbers = model_numbers(tally)
    assert numbers["sequences"] == 3
    assert numbers["state comparisons"] == 4
    assert numbers["not checked (1)"] == "no canary"
    assert numbers["sequences where the server compared key texts exactly"] == 2
