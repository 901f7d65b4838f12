"""Suite runs made once per test session, whichever pytest-xdist workers need them.

Every worker that needs the runs takes part in making them: it claims a run nobody has
claimed yet (an exclusively created file), makes it, and saves its result in the
session's shared folder; then it waits for the runs the other workers claimed. So the
runs are spread over all the workers that reach them, and none is made twice.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
import traceback
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from fault_lab.suite_run import RUN_TIMEOUT_SECONDS, SuiteRun

# A run claimed by another worker ends within its own timeout, plus its server's start.
WAIT_SECONDS = RUN_TIMEOUT_SECONDS + 60
POLL_SECONDS = 0.2


def session_folder(basetemp: Path) -> Path:
    """The temporary folder of the whole session: a worker's own one is inside it."""
    return basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp


def runs_at_once(cores: int) -> int:
    """How many runs this process makes at a time: its share of the cores."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    return max(1, cores // workers)


def made_once(path: Path, make: Callable[[], str]) -> str:
    """The text of ``path``: made by the first process to get here, read by the others."""
    with path.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            path.write_text(make(), encoding="utf-8")
        return path.read_text(encoding="utf-8")


def make_shared(
    folder: Path, jobs: Mapping[str, Callable[[], SuiteRun]], at_once: int
) -> dict[str, SuiteRun]:
    """Each job's run, made here or by another process sharing ``folder``, in ``jobs``' order."""
    folder.mkdir(parents=True, exist_ok=True)

    def take_part() -> None:
        for name, job in jobs.items():
            if _claim(folder, name):
                _save(folder, name, job)

    with ThreadPoolExecutor(at_once) as pool:
        for done in [pool.submit(take_part) for _ in range(at_once)]:
            done.result()
    return {name: _wait_for(folder, name) for name in jobs}


def _result_file(folder: Path, name: str) -> Path:
    return folder / f"{name.replace(' ', '-').replace(',', '')}.json"


def _claim(folder: Path, name: str) -> bool:
    try:
        os.close(os.open(_result_file(folder, name).with_suffix(".claim"), os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    return True


def _save(folder: Path, name: str, job: Callable[[], SuiteRun]) -> None:
    try:
        run = job()
        saved = {**asdict(run), "reports_dir": str(run.reports_dir)}
    except Exception:
        # The waiting workers fail at once with the cause, instead of at their timeout.
        saved = {"error": traceback.format_exc()}
        raise
    finally:
        partial = _result_file(folder, name).with_suffix(".partial")
        partial.write_text(json.dumps(saved), encoding="utf-8")
        partial.rename(_result_file(folder, name))


def _wait_for(folder: Path, name: str) -> SuiteRun:
    result, deadline = _result_file(folder, name), time.monotonic() + WAIT_SECONDS
    while not result.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"run {name!r}: no result after {WAIT_SECONDS} s in {folder}")
        time.sleep(POLL_SECONDS)
    saved = json.loads(result.read_text(encoding="utf-8"))
    if "error" in saved:
        raise RuntimeError(f"run {name!r} could not be made:\n{saved['error']}")
    return SuiteRun(**{**saved, "reports_dir": Path(saved["reports_dir"])})
