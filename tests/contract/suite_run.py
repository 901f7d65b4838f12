"""Run the contract suite as a user does, in its own process, and read what it left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from contract_tests.check_tally import TALLY_FILE
from contract_tests.options import OPTIONS
from contract_tests.reports import HAR_FILE, JUNIT_FILE

ROOT = Path(__file__).resolve().parents[2]
# pytest's exit code for "tests ran and some failed"; any other (usage error, internal
# error, interrupted) means the suite broke, not that it caught a fault.
TESTS_FAILED = 1
# A run that has not finished by then is stuck, not slow: fail it rather than hang CI.
RUN_TIMEOUT_SECONDS = 300
OPTION_ENV_VARS = frozenset(option.env_var for option in OPTIONS)
AUTHORIZATION_ENV_VAR = next(option.env_var for option in OPTIONS if option.dest == "authorization")


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
    def failed_checks(self) -> list[str]:
        return sorted(name for name, counts in self.tally.items() if counts.get("failed"))

    def report_texts(self) -> dict[str, str]:
        """The run's console output and every report it wrote, by name."""
        texts = {"console output": self.output}
        for name in (JUNIT_FILE, HAR_FILE, TALLY_FILE):
            texts[name] = (self.reports_dir / name).read_text(encoding="utf-8")
        return texts


def run_suite(
    reports_dir: Path,
    *options: str,
    authorization: str | None = None,
    env: dict[str, str] | None = None,
) -> SuiteRun:
    """``pytest contract_tests`` with ``options``, ignoring the caller's CONTRACT_* variables.

    The credentials go by environment variable, as the README advises.
    """
    # Each run is a fresh interpreter: without cached bytecode every run would compile
    # schemathesis and its dependencies again (seconds each), so let it write the cache.
    unwanted = OPTION_ENV_VARS | {"PYTHONDONTWRITEBYTECODE"}
    environment = {key: value for key, value in os.environ.items() if key not in unwanted}
    environment.update(env or {})
    if authorization is not None:
        environment[AUTHORIZATION_ENV_VAR] = authorization
    # The suite has no assert statements of its own; rewriting those of the schemathesis
    # plugin costs seconds per run for nothing.
    command = [sys.executable, "-m", "pytest", "contract_tests", "-p", "no:cacheprovider"]
    command += ["--assert=plain"]
    command += ["--reports-dir", str(reports_dir), *options]
    started = time.monotonic()
    completed = subprocess.run(
        command,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )
    return SuiteRun(
        completed.returncode,
        time.monotonic() - started,
        completed.stdout + completed.stderr,
        reports_dir,
    )
