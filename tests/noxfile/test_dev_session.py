"""`nox -s dev` makes an environment in which the server, the client and the suite run.

A newcomer who followed the Quick start and then ran `python -m reference_server` got
`No module named 'yaml'`: nothing had made an environment for running things by hand.
Seen to fail with the session's `-e generated_client` install removed (the client does
not import). Not with its `-e .` install removed: run in the checkout, as here,
`python -m` finds reference_server and contract_tests in the working directory.

The session runs without compiling the tree to bytecode (the noxfile's default, which
only speeds up later runs, took 8 of its 10 s of CPU time): the environment is the same
but for .pyc files, which the commands below write as they import.
"""

from __future__ import annotations

import os
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
        env={**os.environ, "UV_COMPILE_BYTECODE": "0"},
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
