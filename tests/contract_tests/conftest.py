"""The fixtures of the tests of the contract suite: one batch of runs, shared by them all."""

from __future__ import annotations

import fcntl
import os

import pytest
from _pytest.terminal import TerminalReporter

from fault_lab.batch import Batch, kill_matrix, run_batch

MATRIX_KEY = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def batch(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Batch:
    # Under pytest-xdist each worker would run its own batch; the first one runs it and
    # the others read its results from the session's shared temporary folder.
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    with (shared / "contract-batch.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        saved = shared / "contract-batch.json"
        if saved.exists():
            result = Batch.from_json(saved.read_text(encoding="utf-8"))
        else:
            result = run_batch(shared / "contract-batch")
            saved.write_text(result.to_json(), encoding="utf-8")
    pytestconfig.stash[MATRIX_KEY] = kill_matrix(result.runs)
    return result


def pytest_terminal_summary(terminalreporter: TerminalReporter, config: pytest.Config) -> None:
    matrix = config.stash.get(MATRIX_KEY, None)
    if matrix is not None:
        terminalreporter.write_sep("=", "contract suite kill matrix")
        terminalreporter.write_line(matrix)
