"""Fixtures of the reliability tests: a reference server of their own per module; and
the options `nox -s fuzz` gives test_fuzz.py for its long run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reference_server.live_server import Server, running_server
from tests.reliability.fuzz_run import FUZZ_MAX_EXAMPLES, FUZZ_REPORTS_DIR, FUZZ_SEED


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fuzz", "test_fuzz.py, short by default (nox -s fuzz: long)")
    group.addoption(
        "--fuzz-max-examples", dest=FUZZ_MAX_EXAMPLES, type=int,
        help="cases of the fuzzing phase per operation",
    )  # fmt: skip
    group.addoption("--fuzz-seed", dest=FUZZ_SEED, type=int, help="the suite's seed")
    group.addoption(
        "--fuzz-reports-dir", dest=FUZZ_REPORTS_DIR, type=Path,
        help="where the server's database and the suite's reports go",
    )  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("reliability") / "credentials.sqlite3") as started:
        yield started
