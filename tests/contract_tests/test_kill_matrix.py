"""The suite passes the clean reference server and its conformant variations, and catches
every planted fault with the check aimed at it."""

from __future__ import annotations

import pytest
from schemathesis.checks import CHECKS

import contract_tests.hooks
from contract_tests.model.judge import CROSS_VIEW, MODEL_CHECKS
from contract_tests.report.violations import NO_PHASE as MODEL_PHASE_NAME
from contract_tests.run.schemathesis_schema import ST_RUN_ONLY_CHECKS
from fault_lab.batch import CLEAN, EMBEDDED, Batch
from fault_lab.faults import FAULTS, VARIATIONS
from fault_lab.planted_fault import MODEL_PHASE, Fault, Variation
from fault_lab.suite_run import TESTS_FAILED


def test_clean_reference_server_passes(batch: Batch) -> None:
    run = batch.runs[CLEAN]
    assert run.exit_code == 0, run.output[-5000:]
    assert run.failed_checks == []


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_planted_fault_is_killed_by_its_check(batch: Batch, fault: Fault) -> None:
    run = batch.runs[fault.name]
    assert run.exit_code == TESTS_FAILED, run.output[-5000:]
    assert fault.caught_by in run.failed_checks, run.output[-5000:]


MODEL_PHASE_FAULTS = [fault for fault in FAULTS if fault.only == MODEL_PHASE]


@pytest.mark.parametrize("fault", MODEL_PHASE_FAULTS, ids=[f.name for f in MODEL_PHASE_FAULTS])
def test_a_model_difference_is_a_violation_with_its_sequence(batch: Batch, fault: Fault) -> None:
    """The report lists what the model phase found as the verdict promises: each violation
    with the curl commands that reproduce it (summary.json, and report.html from it).
    Shrinking may end on a difference of another check than the first one found, so the
    violation names checks of the run's failed ones, not necessarily the aimed one."""
    run = batch.runs[fault.name]
    violations = run.summary["violations"]
    found = [violation for violation in violations if violation["phase"] == MODEL_PHASE_NAME]
    assert found, violations
    for violation in found:
        assert "curl " in violation["reproduction"], violation
        assert set(violation["check"].split(", ")) <= set(run.failed_checks), violation


@pytest.mark.parametrize("variation", VARIATIONS, ids=[variation.name for variation in VARIATIONS])
def test_conformant_variation_passes(batch: Batch, variation: Variation) -> None:
    run = batch.runs[variation.name]
    assert run.exit_code == 0, run.output[-5000:]
    assert run.failed_checks == []


def custom_checks() -> set[str]:
    """The checks of this project the suite runs, by name: those it registers with
    schemathesis (contract_tests.hooks imports every module that registers some), and
    the model phase's. (The st run-only ones fail in test_plain_st_run.py.)"""
    registered = {
        check.__name__
        for check in CHECKS.get_all()
        if check.__module__.partition(".")[0] == contract_tests.__name__
    }
    return (registered - ST_RUN_ONLY_CHECKS) | set(MODEL_CHECKS)


def test_every_custom_check_fails_on_some_fault(batch: Batch) -> None:
    """Each check of this project is seen to fail: one that never could would pass anything."""
    failing = {name for fault in FAULTS for name in batch.runs[fault.name].failed_checks}
    # The faults of the caller's own view need a run that has one, which a named server's
    # run has not: tests/contract_tests/model/test_planted_faults.py shows that check failing.
    custom = custom_checks() - {CROSS_VIEW}
    assert custom <= failing, sorted(custom - failing)


# schemathesis' per-response checks that apply to these stateless RPC operations.
BUILT_IN_CHECKS = {
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "ignored_auth",
}


def test_every_check_runs(batch: Batch) -> None:
    custom = custom_checks()
    assert len(custom) >= 15
    # The checks the faults aim at (the read-back ones among them) are this project's or
    # built-in, and each of them, like every other, judged the clean server's answers.
    assert {fault.caught_by for fault in FAULTS} <= BUILT_IN_CHECKS | custom
    # The comparison of the two views judges only a run with an own view: the embedded one.
    assert BUILT_IN_CHECKS | custom - {CROSS_VIEW} <= set(batch.runs[CLEAN].tally)
    assert batch.runs[EMBEDDED].tally[CROSS_VIEW]["applied"] > 0
