"""`nox -s dev` makes an environment in which the server, the client and the suite run.

A newcomer who followed the Quick start and then ran `python -m reference_server` got
`No module named 'yaml'`: nothing had made an environment for running things by hand.
Seen to fail with the session's `-e .` install removed (reference_server does not import).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dev_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh clone's tracked files, and `nox -s dev` run in it."""
    clone = tmp_path_factory.mktemp("clone")
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, tracked):
        source = ROOT / name.decode()
        if source.is_file():
            target = clone / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    completed = subprocess.run(
        [sys.executable, "-m", "nox", "-s", "dev"],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return clone / ".venv"


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["-m", "reference_server", "--help"],
        ["-c", "import superoffice_webapi_client.api.user_agent"],
        ["-m", "pytest", "contract_tests", "--help"],
    ],
    ids=["server", "client", "suite"],
)
def test_dev_environment_runs_each_part(dev_venv: Path, command: list[str]) -> None:
    completed = subprocess.run(
        [str(dev_venv / "bin" / "python"), *command],
        cwd=dev_venv.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
