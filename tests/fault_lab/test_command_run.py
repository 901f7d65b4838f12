"""command_run: the URL that no server answers, and where a run's reports are found.

No suite command is run here: suite_run's and the CLI tests run them.
Seen failing by hand: ``closed_port_url`` keeping its probe listening (``probe.listen()``,
the socket kept in a module list); ``reports_dir`` globbing ``*`` instead of the reports
prefix.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from contract_tests.report.run_data import SUMMARY_FILE
from contract_tests.run.options import REPORTS_PREFIX, REPORTS_ROOT
from fault_lab.command_run import CommandRun, closed_port_url


def test_nothing_listens_at_the_closed_port_url() -> None:
    url = urlsplit(closed_port_url())
    assert url.scheme == "http"
    assert url.hostname == "127.0.0.1"
    assert url.port is not None
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection((url.hostname, url.port), timeout=5),
    ):
        pass


def test_the_one_report_folder_under_the_working_directory(tmp_path: Path) -> None:
    reports = tmp_path / REPORTS_ROOT
    folder = reports / f"{REPORTS_PREFIX}20261206T000000Z"
    folder.mkdir(parents=True)
    (reports / "other").mkdir()
    (folder / SUMMARY_FILE).write_text(json.dumps({"passed": 3}))
    run = CommandRun(0, "said", tmp_path)
    assert run.reports_dir == folder
    assert run.summary == {"passed": 3}
    assert run.texts() == {
        "output": "said",
        str((folder / SUMMARY_FILE).relative_to(tmp_path)): json.dumps({"passed": 3}),
    }


def test_two_report_folders_are_not_one_run(tmp_path: Path) -> None:
    for stamp in ("1", "2"):
        (tmp_path / REPORTS_ROOT / f"{REPORTS_PREFIX}{stamp}").mkdir(parents=True)
    with pytest.raises(ValueError, match="too many values"):
        _ = CommandRun(0, "", tmp_path).reports_dir
