"""timed_run gives a command's output and time, and stops on an unexpected exit code.

Seen failing by hand: ``timed_run`` ignoring ``expected_codes`` (checking for 0 only),
and timing before the command instead of around it (seconds 0).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from benchmarks.commands import CommandFailedError, timed_run


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_the_output_directory_and_environment_are_the_commands(tmp_path: Path) -> None:
    env = {**os.environ, "BENCH_WORD": "given"}
    code = "import os, time; time.sleep(0.05); print(os.getcwd(), os.environ['BENCH_WORD'])"
    finished = timed_run(python(code), cwd=tmp_path, env=env, timeout=30)
    assert finished.stdout.split() == [str(tmp_path.resolve()), "given"]
    # A lower bound only: the time covers the command, which sleeps.
    assert finished.seconds >= 0.05


def test_another_exit_code_fails_with_the_commands_output(tmp_path: Path) -> None:
    code = "import sys; print('to stdout'); print('to stderr', file=sys.stderr); sys.exit(3)"
    with pytest.raises(CommandFailedError) as failed:
        timed_run(python(code), cwd=tmp_path, timeout=30)
    message = str(failed.value)
    assert "exited 3" in message
    assert "to stdout" in message
    assert "to stderr" in message


def test_an_expected_failure_exit_is_a_result(tmp_path: Path) -> None:
    code = "import sys; print('caught'); sys.exit(1)"
    finished = timed_run(python(code), cwd=tmp_path, timeout=30, expected_codes=(1,))
    assert finished.stdout == "caught\n"
