"""What P2 and P5 share: how the suite is started, made-up credentials, pytest's exit codes."""

from __future__ import annotations

import secrets

import pytest

from fault_lab.batch import Credentials

PASSED = pytest.ExitCode.OK
FAILED = pytest.ExitCode.TESTS_FAILED
# As `nox -s contract` runs the suite: without pytest rewriting the asserts of every
# plugin module, which costs seconds at each start.
SUITE_OPTIONS = ("--assert=plain",)


def fresh_credentials() -> Credentials:
    """Basic credentials that exist only for one benchmark, so none can leak anywhere real."""
    return Credentials(f"bench-{secrets.token_hex(4)}", secrets.token_urlsafe(24))


def require_exit(code: int, expected: int, output: str) -> None:
    if code != expected:
        raise RuntimeError(f"the contract suite exited {code}, expected {expected}:\n{output}")
