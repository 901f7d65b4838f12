"""The fixtures of the tests of the contract suite: one batch of runs, shared by them all."""

from __future__ import annotations

import json
import os
from dataclasses import asdict

import pytest

from fault_lab.batch import Batch, Credentials, batch_jobs, kill_matrix, new_credentials
from fault_lab.shared_runs import made_once, make_shared, runs_at_once, session_folder
from tests import worker_summaries

# One run per core at a time, the cores shared by the pytest-xdist workers.
CORES = os.cpu_count() or 1


@pytest.fixture(scope="session")
def batch(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Batch:
    # Under pytest-xdist every worker that gets here makes some of the runs, and reads
    # the others' from the session's shared temporary folder (fault_lab/shared_runs.py).
    shared = session_folder(tmp_path_factory.getbasetemp())
    made = made_once(
        shared / "contract-credentials.json", lambda: json.dumps(asdict(new_credentials()))
    )
    credentials = Credentials(**json.loads(made))
    root = shared / "contract-batch"
    runs = make_shared(root, batch_jobs(root, credentials), runs_at_once(CORES))
    worker_summaries.add(pytestconfig, "contract suite kill matrix", kill_matrix(runs))
    return Batch(credentials, runs)


def reads_batch(item: pytest.Item) -> bool:
    return "batch" in getattr(item, "fixturenames", ())


# tryfirst: the marker must be there before `-m` deselects by it (noxfile.py: `nox -s
# tests` leaves these tests to `nox -s kill_matrix`).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if reads_batch(item):
            item.add_marker(pytest.mark.batch)
    # The batch is the longest part of the tests: its tests go first, so that every
    # pytest-xdist worker starts by making its share of it.
    items.sort(key=lambda item: not reads_batch(item))
