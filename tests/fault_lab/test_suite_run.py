"""suite_run: the command and environment of a suite run, and the summary lines read back.

Seen failing by hand: ``suite_environment`` keeping the caller's CONTRACT_* variables
(``unwanted`` without OPTION_ENV_VARS); ``breakdown`` reading the last number of an item
as its key (``split`` for ``rsplit``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from contract_tests.run.options import NO_RATE_LIMIT, OPTIONS
from fault_lab.suite_run import (
    AUTHORIZATION_ENV_VAR,
    RATE_LIMIT_ENV_VAR,
    breakdown,
    cleanup_counts,
    responses_checked,
    suite_command,
    suite_environment,
)

AUTHORIZATION = "Basic c3VpdGU6c2VjcmV0LXBhc3N3b3Jk"


def test_no_option_variable_of_the_caller_leaks_into_a_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for option in OPTIONS:
        monkeypatch.setenv(option.env_var, "from-the-caller")
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("SOME_OTHER_VARIABLE", "kept")
    environment = suite_environment(None, None)
    leaked = {
        option.env_var for option in OPTIONS if environment.get(option.env_var) == "from-the-caller"
    }
    assert leaked == set()
    assert "PYTHONDONTWRITEBYTECODE" not in environment
    assert environment["SOME_OTHER_VARIABLE"] == "kept"
    assert environment[RATE_LIMIT_ENV_VAR] == NO_RATE_LIMIT


def test_the_credential_goes_by_environment_not_command_line(tmp_path: Path) -> None:
    environment = suite_environment(AUTHORIZATION, {RATE_LIMIT_ENV_VAR: "5"})
    assert environment[AUTHORIZATION_ENV_VAR] == AUTHORIZATION
    # A test's own variables win over the defaults.
    assert environment[RATE_LIMIT_ENV_VAR] == "5"
    command = suite_command(tmp_path, "--seed", "1")
    assert not any(AUTHORIZATION.partition(" ")[2] in part for part in command)
    assert command[command.index("--reports-dir") + 1] == str(tmp_path)
    assert command[-2:] == ["--seed", "1"]
    assert "contract_tests" in command


SUMMARY = """\
cases:  817 (responses checked: 859; 12 skipped)
  by phase:     coverage 700, fuzzing 120, stateful 39
  by operation: Save 1 2, Get 40
credentials: 31 saved, 30 removed
"""


def test_the_summary_lines_are_read() -> None:
    assert cleanup_counts(SUMMARY) == (31, 30)
    assert responses_checked(SUMMARY) == 859
    assert breakdown(SUMMARY, "phase") == Counter(coverage=700, fuzzing=120, stateful=39)
    # A key with spaces or numbers of its own keeps them: only the last word is the count.
    assert breakdown(SUMMARY, "operation") == Counter({"Save 1": 2, "Get": 40})


def test_a_summary_without_the_line_is_an_error() -> None:
    with pytest.raises(AssertionError):
        cleanup_counts("cases: 3")
    with pytest.raises(AssertionError):
        breakdown(SUMMARY, "status")
