"""Fixtures of the server tests: one reference server for them all, a database path each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reference_server.live_server import Server, running_server


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for all these tests, with the identities above; tests use distinct Types."""
    with running_server(tmp_path_factory.mktemp("server") / "credentials.sqlite3") as started:
        yield started


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "credentials.sqlite3"
