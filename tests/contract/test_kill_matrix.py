"""The suite passes the clean reference server and catches every planted fault."""

from __future__ import annotations

import inspect

import pytest

from contract_tests import checks
from tests.contract.conftest import CLEAN, Batch
from tests.contract.faults import FAULTS, Fault
from tests.contract.suite_run import TESTS_FAILED


def test_clean_reference_server_passes(batch: Batch) -> None:
    run = batch.runs[CLEAN]
    assert run.exit_code == 0, run.output[-5000:]
    assert run.failed_checks == []


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_planted_fault_is_killed_by_its_check(batch: Batch, fault: Fault) -> None:
    run = batch.runs[fault.name]
    assert run.exit_code == TESTS_FAILED, run.output[-5000:]
    assert fault.caught_by in run.failed_checks, run.output[-5000:]


def test_catalogue_is_large_enough_and_names_distinct() -> None:
    names = [fault.name for fault in FAULTS]
    assert len(names) >= 12
    assert len(set(names)) == len(names)


# schemathesis' per-response checks that apply to this one stateless operation.
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
    custom = {
        name
        for name, function in inspect.getmembers(checks, inspect.isfunction)
        if function.__module__ == checks.__name__
        and "ctx" in inspect.signature(function).parameters
    }
    assert len(custom) >= 7
    assert BUILT_IN_CHECKS | custom <= set(batch.runs[CLEAN].tally)
