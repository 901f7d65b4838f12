"""What P2 and P5 share: a suite run's exit code is checked, and credentials are fresh.

Seen failing by hand: ``require_exit`` comparing with ``==`` turned into ``!=``, and
``fresh_credentials`` with a fixed user.
"""

from __future__ import annotations

import pytest

from benchmarks.contract_runs import FAILED, PASSED, fresh_credentials, require_exit


def test_the_expected_exit_passes_and_another_raises_with_the_output() -> None:
    require_exit(PASSED, PASSED, "all passed")
    require_exit(FAILED, FAILED, "one failed")
    with pytest.raises(RuntimeError, match=r"exited 1, expected 0:\nthe tail"):
        require_exit(FAILED, PASSED, "the tail")
    with pytest.raises(RuntimeError, match="exited 0, expected 1"):
        require_exit(PASSED, FAILED, "")


def test_each_benchmark_gets_credentials_of_its_own() -> None:
    first, second = fresh_credentials(), fresh_credentials()
    assert first.user.startswith("bench-")
    assert second.user.startswith("bench-")
    assert first.user != second.user
    assert first.password != second.password
