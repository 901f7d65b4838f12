"""Fixtures of the model phase's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contract_tests.model.run import ModelRun
from contract_tests.report.check_tally import CheckTally
from fault_lab.fault_servers import no_fault
from fault_lab.model_harness import model_run_against


@pytest.fixture
def clean_run() -> Iterator[tuple[ModelRun, CheckTally]]:
    """A model run against the reference server as it is, in-process; residents not saved."""
    with model_run_against(no_fault, own_as_is=True) as (run, tally):
        yield run, tally
