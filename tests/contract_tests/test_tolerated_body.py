"""A 204 with the literal ``null`` passes only because the spec's x-tolerated-body says so."""

from __future__ import annotations

from fault_lab.batch import TOLERATED, UNTOLERATED, Batch
from fault_lab.suite_run import TESTS_FAILED


def test_null_on_204_passes_while_the_spec_tolerates_it(batch: Batch) -> None:
    run = batch.runs[TOLERATED]
    assert run.exit_code == 0, run.output[-5000:]


def test_null_on_204_fails_once_the_spec_stops_tolerating_it(batch: Batch) -> None:
    run = batch.runs[UNTOLERATED]
    assert run.exit_code == TESTS_FAILED, run.output[-5000:]
    assert "no_content_has_no_body" in run.failed_checks
