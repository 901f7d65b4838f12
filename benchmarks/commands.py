"""Run a command to completion and time it: the unit of the benchmarks that start processes."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


class CommandFailedError(RuntimeError):
    pass


class MissingToolError(RuntimeError):
    """A benchmark cannot measure what it means to: a tool it needs is not installed."""


@dataclass(frozen=True)
class Finished:
    seconds: float
    stdout: str


def timed_run(
    command: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float,
    expected_codes: tuple[int, ...] = (0,),
) -> Finished:
    """Wall-clock seconds and output of ``command``; CommandFailedError on another exit code."""
    started = time.perf_counter()
    completed = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode not in expected_codes:
        raise CommandFailedError(
            f"{' '.join(command)} exited {completed.returncode}:\n"
            f"{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
        )
    return Finished(elapsed, completed.stdout)
