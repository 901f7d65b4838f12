"""A pytest plugin for the fuzz's run of the suite: what each pytest-xdist worker needs.

A reference server of its own. Sharing one server, the workers' test items (the
stateless phases and the stateful one) share its store: a save of one is overwritten
by a save of the other to the same key before the first reads it back, and
saved_credential_reads_back fails although the server did nothing wrong. fuzz_run.py
starts one server per worker and lists their URLs, in worker order, in
FUZZ_TARGET_URLS; the controller itself gets the first one as its target, so that the
options it reads are valid.

Integers that execnet can carry. A worker hands the cases it sent to the controller,
which merges the reports, through execnet; schemathesis' record of a case holds the
values the fuzzing phase put in, and execnet 2.1.2 fails on any integer below -2**31
(only the upper bound is checked before packing it into four bytes): the worker
crashed, and the reports of a long fuzz were never written.
"""

from __future__ import annotations

import os

import pytest
from execnet import gateway_base

from fault_lab.suite_run import env_var_of

TARGETS_ENV_VAR = "FUZZ_TARGET_URLS"
TARGET_URL_ENV_VAR = env_var_of("target_url")
# pytest-xdist names its workers gw0, gw1, ...; one that replaces a crashed one goes on.
WORKER_PREFIX = "gw"
FOUR_BYTE_INT_MIN = -gateway_base.FOUR_BYTE_INT_MAX - 1
_save_four_byte_integral = gateway_base._Serializer._save_integral


def save_integral(self: gateway_base._Serializer, i: int, short_op: bytes, long_op: bytes) -> None:
    """execnet's method, but an integer below four bytes goes as text, as one above does."""
    if i < FOUR_BYTE_INT_MIN:
        self._write(long_op)
        self._write_byte_sequence(str(i).encode("ascii"))
    else:
        _save_four_byte_integral(self, i, short_op, long_op)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # tryfirst: before the suite's own pytest_configure reads its options.
    worker = getattr(config, "workerinput", {}).get("workerid")
    if worker is not None:
        targets = os.environ[TARGETS_ENV_VAR].split()
        index = int(worker.removeprefix(WORKER_PREFIX)) % len(targets)
        os.environ[TARGET_URL_ENV_VAR] = targets[index]
        gateway_base._Serializer._save_integral = save_integral  # type: ignore[method-assign]
