"""Fixtures of the reliability tests: a reference server of their own per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reference_server.live_server import Server, running_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("reliability") / "credentials.sqlite3") as started:
        yield started
