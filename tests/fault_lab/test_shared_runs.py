"""shared_runs: each run made once, by whichever process claims it, and read by the rest.

Seen failing by hand: ``_claim`` without O_EXCL (every taker then made every run).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from fault_lab.shared_runs import made_once, make_shared, runs_at_once, session_folder
from fault_lab.suite_run import SuiteRun


def test_each_run_is_made_once_and_read_back(tmp_path: Path) -> None:
    made: Counter[str] = Counter()

    def job(name: str) -> SuiteRun:
        made[name] += 1
        return SuiteRun(exit_code=len(name), seconds=0.5, output=name, reports_dir=tmp_path / name)

    jobs = {name: (lambda name=name: job(name)) for name in ("one", "two, three", "four")}
    first = make_shared(tmp_path / "shared", jobs, at_once=3)
    again = make_shared(tmp_path / "shared", jobs, at_once=2)
    assert made == {name: 1 for name in jobs}
    assert first == again
    assert first["two, three"] == SuiteRun(10, 0.5, "two, three", tmp_path / "two, three")


def test_a_run_that_could_not_be_made_fails_its_readers(tmp_path: Path) -> None:
    def broken() -> SuiteRun:
        raise OSError("no server")

    with pytest.raises(OSError, match="no server"):
        make_shared(tmp_path, {"broken": broken}, at_once=1)
    with pytest.raises(RuntimeError, match="no server"):
        make_shared(tmp_path, {"broken": broken}, at_once=1)


def test_made_once(tmp_path: Path) -> None:
    path = tmp_path / "made.txt"
    assert made_once(path, lambda: "first") == "first"
    assert made_once(path, lambda: "second") == "first"


def test_the_session_and_the_share_of_the_cores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    monkeypatch.delenv("PYTEST_XDIST_WORKER_COUNT", raising=False)
    assert session_folder(tmp_path / "basetemp") == tmp_path / "basetemp"
    assert runs_at_once(4) == 4
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "3")
    assert session_folder(tmp_path / "basetemp" / "popen-gw1") == tmp_path / "basetemp"
    assert runs_at_once(4) == 1
    assert runs_at_once(1) == 1
