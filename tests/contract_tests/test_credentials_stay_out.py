"""No run's console output or report holds the credentials it was given, unless asked to."""

from __future__ import annotations

from fault_lab.batch import UNSANITIZED, Batch
from fault_lab.suite_run import TESTS_FAILED


def test_no_sanitized_run_reveals_the_credentials(batch: Batch) -> None:
    secrets = (batch.credentials.password, batch.credentials.token)
    for name, run in batch.runs.items():
        if name == UNSANITIZED:
            continue
        for report, text in run.report_texts().items():
            assert not any(secret in text for secret in secrets), f"{name}: {report}"


def test_unsanitized_run_shows_them_in_its_reproduction(batch: Batch) -> None:
    # Proves that the test above can fail: the same kind of run, unmasked, contains them.
    run = batch.runs[UNSANITIZED]
    assert run.exit_code == TESTS_FAILED
    assert batch.credentials.token in run.output
