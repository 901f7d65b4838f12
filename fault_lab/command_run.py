"""Run the suite's documented commands as a user does: ``superoffice-contract``, ``python -m
contract_tests`` and ``nox -s contract``, each in its own process and working directory.

The caller's CONTRACT_* variables are left out and the rate limit is off (the servers of
these tests are ours, on loopback), as for suite_run.py's runs.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from contract_tests.run.options import REPORTS_PREFIX, REPORTS_ROOT
from fault_lab.planted_fault import MODEL_PHASE
from fault_lab.suite_run import ROOT, RUN_TIMEOUT_SECONDS, suite_environment, summary_in

SCRIPT = str(Path(sys.executable).with_name("superoffice-contract"))
# Plain schemathesis, as installed beside the suite.
ST = str(Path(sys.executable).with_name("st"))
MODULE = (sys.executable, "-m", "contract_tests")
NOX = (sys.executable, "-m", "nox", "--session", "contract", "--")
# nox's own start (its virtualenv checked, the project installed again) comes on top.
NOX_TIMEOUT_SECONDS = RUN_TIMEOUT_SECONDS + 300
# A short run: a fixed seed and few fuzzing cases (the coverage phase still sends hundreds).
FEW = ("--seed", "20261206", "--max-examples", "5")
# pytest's arguments (after a "--") for a run whose plumbing a test checks (exit code,
# reports, verdict, output), not its coverage: the model-based phase alone, a few hundred
# saves, reads and removes in about a quarter of FEW's time.
MODEL_PHASE_ONLY = ("-k", MODEL_PHASE)


@dataclass(frozen=True)
class CommandRun:
    exit_code: int
    output: str
    cwd: Path  # where it wrote its reports, as a run started there does

    @property
    def reports_dir(self) -> Path:
        """The one report folder the run wrote under its working directory."""
        [folder] = sorted((self.cwd / REPORTS_ROOT).glob(f"{REPORTS_PREFIX}*"))
        return folder

    @property
    def summary(self) -> dict[str, Any]:
        return summary_in(self.reports_dir)

    def texts(self) -> dict[str, str]:
        """The output, and every file under the working directory, by name."""
        found = {"output": self.output}
        for path in sorted(self.cwd.rglob("*")):
            if path.is_file():
                found[str(path.relative_to(self.cwd))] = path.read_text(errors="replace")
        return found


def closed_port_url() -> str:
    """The URL of a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


class Runner(Protocol):
    """One of the documented ways to run the suite, started for ``folder``."""

    def __call__(
        self, *arguments: str, folder: Path, env: Mapping[str, str] | None = None
    ) -> CommandRun: ...


def run(
    command: tuple[str, ...],
    *arguments: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = RUN_TIMEOUT_SECONDS,
    folder: Path | None = None,
) -> CommandRun:
    """``command ARGUMENTS`` in ``cwd``; ``folder`` holds its reports (default: ``cwd``)."""
    completed = subprocess.run(
        [*command, *arguments],
        cwd=cwd,
        env=suite_environment(None, dict(env or {})),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return CommandRun(completed.returncode, completed.stdout + completed.stderr, folder or cwd)


def run_script(*arguments: str, folder: Path, env: Mapping[str, str] | None = None) -> CommandRun:
    """``superoffice-contract ARGUMENTS``, started in ``folder``."""
    return run((SCRIPT,), *arguments, cwd=folder, env=env)


def run_module(*arguments: str, folder: Path, env: Mapping[str, str] | None = None) -> CommandRun:
    """``python -m contract_tests ARGUMENTS``, started in ``folder``."""
    return run(MODULE, *arguments, cwd=folder, env=env)


def run_nox(*arguments: str, folder: Path, env: Mapping[str, str] | None = None) -> CommandRun:
    """``nox -s contract -- ARGUMENTS``, started in the checkout (nox works beside its
    noxfile), with the reports in ``folder`` as a run started there would write them."""
    reports_dir = folder / REPORTS_ROOT / f"{REPORTS_PREFIX}nox"
    return run(
        NOX,
        "--reports-dir",
        str(reports_dir),
        *arguments,
        cwd=ROOT,
        env=env,
        timeout=NOX_TIMEOUT_SECONDS,
        folder=folder,
    )
