"""reference_server/launcher.py: an app served in-thread, and the child's environment.

Starting the reference server as a subprocess (start_server) is exercised by the
tests that need one (test_lifecycle.py, test_cli.py); these stay in-process.

Guards proved by hand: with `serve_app` no longer setting `should_exit` (its join cut to 1 s),
test_an_app_is_served_until_the_block_ends fails; with PROJECT_ROOT left out of
PYTHONPATH in `child_environment`, test_the_child_imports_this_checkout fails.
"""

from __future__ import annotations

import os

import httpx
import pytest

from reference_server.launcher import PROJECT_ROOT, child_environment, serve_app
from tests.reference_server.plain_app import ANSWER, PLAIN_APP


def test_an_app_is_served_until_the_block_ends() -> None:
    with serve_app(PLAIN_APP, timeout=10) as base_url:
        assert httpx.get(base_url, timeout=10).text == ANSWER
    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url, timeout=10)


def test_the_child_imports_this_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    env = child_environment({"EXTRA": "1"})
    assert env["PYTHONPATH"].split(os.pathsep) == [str(PROJECT_ROOT), "/elsewhere"]
    assert env["EXTRA"] == "1"
    assert env["PATH"] == os.environ["PATH"]
