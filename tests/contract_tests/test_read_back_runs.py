"""Whole runs read back what they save: the read-back checks run on every run, the
stateful phase runs, and the summary says how SecretValue came back."""

from __future__ import annotations

import re

import pytest

from contract_tests.effects import checks as effect_checks
from fault_lab.batch import CLEAN, EMBEDDED, Batch

READ_BACK_CHECKS = [
    effect_checks.saved_credential_reads_back.__name__,
    effect_checks.no_foreign_credentials.__name__,
    effect_checks.secret_visibility.__name__,
    effect_checks.removed_credential_is_gone.__name__,
]


@pytest.mark.parametrize("run_name", [CLEAN, EMBEDDED])
def test_read_back_checks_judge_saves(batch: Batch, run_name: str) -> None:
    tally = batch.runs[run_name].tally
    for name in READ_BACK_CHECKS:
        assert tally[name]["applied"] > 0, (name, tally.get(name))
        assert not tally[name].get("failed"), (name, tally[name])


def test_stateful_phase_runs(batch: Batch) -> None:
    # pytest's progress line: the module of the stateful phase ran its test, and it passed.
    assert re.search(r"contract_tests/test_stateful\.py \.", batch.runs[EMBEDDED].output)


def test_summary_says_how_the_secret_came_back(batch: Batch) -> None:
    # The named server's identity is an administrator, expected not to see secrets.
    assert "SecretValue as the run's identity read it back: hidden" in batch.runs[CLEAN].output
