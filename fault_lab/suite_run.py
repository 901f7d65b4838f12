"""Run the contract suite as a user does, in its own process, and read what it left behind."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contract_tests.report.check_tally import TALLY_FILE
from contract_tests.report.run_data import SUMMARY_FILE
from contract_tests.run.options import NO_RATE_LIMIT, OPTIONS

ROOT = Path(__file__).resolve().parents[1]
# pytest's exit code for "tests ran and some failed"; any other (usage error, internal
# error, interrupted) means the suite broke, not that it caught a fault.
TESTS_FAILED = 1
# A run that has not finished by then is stuck, not slow: fail it rather than hang CI.
RUN_TIMEOUT_SECONDS = 300
# The summary's line about the credentials the run saved.
CLEANUP_LINE = re.compile(r"credentials: (\d+) saved, (\d+) removed")
# The summary's line of cases and responses checked, e.g. "cases:  817 (responses checked: 859;".
RESPONSES_LINE = re.compile(r"^cases: +\d+ \(responses checked: (\d+);", re.MULTILINE)
OPTION_ENV_VARS = frozenset(option.env_var for option in OPTIONS)


def env_var_of(dest: str) -> str:
    return next(option.env_var for option in OPTIONS if option.dest == dest)


AUTHORIZATION_ENV_VAR = env_var_of("authorization")
RATE_LIMIT_ENV_VAR = env_var_of("rate_limit")


@dataclass(frozen=True)
class SuiteRun:
    exit_code: int
    seconds: float
    output: str
    reports_dir: Path

    @property
    def tally(self) -> dict[str, dict[str, int]]:
        tally: dict[str, dict[str, int]] = json.loads((self.reports_dir / TALLY_FILE).read_text())
        return tally

    @property
    def summary(self) -> dict[str, Any]:
        return summary_in(self.reports_dir)

    @property
    def failed_checks(self) -> list[str]:
        return sorted(name for name, counts in self.tally.items() if counts.get("failed"))

    @property
    def cleanup_counts(self) -> tuple[int, int]:
        return cleanup_counts(self.output)

    def report_texts(self) -> dict[str, str]:
        """The run's console output and every file it wrote in its reports folder, by name."""
        texts = {"console output": self.output}
        for path in sorted(self.reports_dir.rglob("*")):
            if path.is_file():
                texts[str(path.relative_to(self.reports_dir))] = path.read_text(errors="replace")
        return texts


def summary_in(reports_dir: Path) -> dict[str, Any]:
    """The run's summary.json: the record behind its summary and report.html."""
    summary: dict[str, Any] = json.loads((reports_dir / SUMMARY_FILE).read_text(encoding="utf-8"))
    return summary


def cleanup_counts(output: str) -> tuple[int, int]:
    """(saved, removed) as the run's summary states them."""
    match = CLEANUP_LINE.search(output)
    assert match is not None, output[-3000:]
    return int(match.group(1)), int(match.group(2))


def responses_checked(output: str) -> int:
    """The responses the run's summary says it checked, every phase's."""
    match = RESPONSES_LINE.search(output)
    assert match is not None, output[-3000:]
    return int(match.group(1))


def breakdown(output: str, name: str) -> Counter[str]:
    """One "by ..." line of the run's summary (phase, operation, ...), as {key: responses}."""
    match = re.search(rf"^  by {name}: +(.*)$", output, re.MULTILINE)
    assert match is not None, output[-3000:]
    items = (item.rsplit(" ", 1) for item in match.group(1).split(", "))
    return Counter({key: int(count) for key, count in items})


def run_suite(
    reports_dir: Path,
    *options: str,
    authorization: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = RUN_TIMEOUT_SECONDS,
) -> SuiteRun:
    """``pytest contract_tests`` with ``options``, ignoring the caller's CONTRACT_* variables.

    The credentials go by environment variable, as the docs advise.
    """
    started = time.monotonic()
    completed = subprocess.run(
        suite_command(reports_dir, *options),
        cwd=ROOT,
        env=suite_environment(authorization, env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return SuiteRun(
        completed.returncode,
        time.monotonic() - started,
        completed.stdout + completed.stderr,
        reports_dir,
    )


def suite_command(reports_dir: Path, *options: str) -> list[str]:
    # The suite has no assert statements of its own; rewriting those of the schemathesis
    # plugin costs seconds per run for nothing.
    command = [sys.executable, "-m", "pytest", "contract_tests", "-p", "no:cacheprovider"]
    command += ["--assert=plain"]
    return [*command, "--reports-dir", str(reports_dir), *options]


def suite_environment(authorization: str | None, env: dict[str, str] | None) -> dict[str, str]:
    # Each run is a fresh interpreter: without cached bytecode every run would compile
    # schemathesis and its dependencies again (seconds each), so let it write the cache.
    unwanted = OPTION_ENV_VARS | {"PYTHONDONTWRITEBYTECODE"}
    environment = {key: value for key, value in os.environ.items() if key not in unwanted}
    # The servers of these tests are on loopback and ours: no rate limit unless a test
    # sets one (a --rate-limit option wins over this variable).
    environment[RATE_LIMIT_ENV_VAR] = NO_RATE_LIMIT
    environment.update(env or {})
    if authorization is not None:
        environment[AUTHORIZATION_ENV_VAR] = authorization
    return environment
