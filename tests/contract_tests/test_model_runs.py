"""Whole runs run the model phase: its checks judge the clean servers, the summary shows
what it did, and a run against a named server without a canary says what it could not
check."""

from __future__ import annotations

import re

import pytest

from contract_tests.model.judge import CROSS_VIEW, MODEL_CHECKS
from contract_tests.model.run import NO_CANARY, NO_OWN_VIEW
from fault_lab.batch import CLEAN, COOKIE_SETTER, EMBEDDED, Batch

# The summary's line of the model phase, e.g. "model:  8 sequences, 48 steps, ...".
MODEL_LINE = re.compile(
    r"^model: +(\d+) sequences, (\d+) steps, (\d+) keys touched, (\d+) state comparisons"
    r" \((\d+) of the canary associate's\), (\d+) rounds of writes at once$",
    re.MULTILINE,
)


@pytest.mark.parametrize("run_name", [CLEAN, EMBEDDED])
def test_model_checks_judge_the_clean_servers(batch: Batch, run_name: str) -> None:
    tally = batch.runs[run_name].tally
    # A named server's run has no own view: the summary says the views were not compared.
    own_view = run_name == EMBEDDED
    for name in MODEL_CHECKS if own_view else set(MODEL_CHECKS) - {CROSS_VIEW}:
        assert tally[name]["applied"] > 0, (name, tally.get(name))
        assert not tally[name].get("failed"), (name, tally[name])
    if not own_view:
        assert CROSS_VIEW not in tally
        assert NO_OWN_VIEW in batch.runs[run_name].output


@pytest.mark.parametrize("run_name", [CLEAN, EMBEDDED])
def test_the_summary_shows_the_model_phase(batch: Batch, run_name: str) -> None:
    match = MODEL_LINE.search(batch.runs[run_name].output)
    assert match is not None, batch.runs[run_name].output[-3000:]
    sequences, steps, keys, comparisons, canary, rounds = map(int, match.groups())
    assert sequences > 1
    assert steps >= sequences
    assert keys > 1
    assert rounds > 1
    # Every step is followed by a Get of each (AssociateId, Type), the canary's among them.
    assert comparisons > steps
    assert canary > 0


def test_without_a_canary_the_summary_says_what_was_not_checked(batch: Batch) -> None:
    output = batch.runs[COOKIE_SETTER].output
    assert f"not checked: {NO_CANARY}" in output
    match = MODEL_LINE.search(output)
    assert match is not None
    assert match.group(5) == "0"


def test_stateful_phase_runs(batch: Batch) -> None:
    # pytest's progress line: the module of the stateful phase ran its test, and it passed.
    assert re.search(r"contract_tests/test_stateful\.py \.", batch.runs[EMBEDDED].output)


def test_summary_says_how_the_secret_came_back(batch: Batch) -> None:
    # The named server's identity is an administrator, expected not to see secrets.
    assert "SecretValue as the run's identity read it back: hidden" in batch.runs[CLEAN].output
