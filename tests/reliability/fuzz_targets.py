"""A pytest plugin for the fuzz's run of the suite: each pytest-xdist worker fuzzes a
reference server of its own.

Sharing one server, the workers' test items (the stateless phases and the stateful one)
share its store: a save of one is overwritten by a save of the other to the same key
before the first reads it back, and saved_credential_reads_back fails although the
server did nothing wrong. fuzz_run.py starts one server per worker and lists their URLs,
in worker order, in FUZZ_TARGET_URLS; the controller itself gets the first one as its
target, so that the options it reads are valid.
"""

from __future__ import annotations

import os

import pytest

from tests.contract.suite_run import env_var_of

TARGETS_ENV_VAR = "FUZZ_TARGET_URLS"
TARGET_URL_ENV_VAR = env_var_of("target_url")
# pytest-xdist names its workers gw0, gw1, ...
WORKER_PREFIX = "gw"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # tryfirst: before the suite's own pytest_configure reads its options.
    worker = getattr(config, "workerinput", {}).get("workerid")
    if worker is not None:
        targets = os.environ[TARGETS_ENV_VAR].split()
        os.environ[TARGET_URL_ENV_VAR] = targets[int(worker.removeprefix(WORKER_PREFIX))]
