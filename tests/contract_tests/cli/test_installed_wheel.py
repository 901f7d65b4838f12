"""Installed from its wheel, away from the checkout, the command finds the spec and the
suite's schemathesis settings in its own packages and writes its reports where it is run.

The wheel is built with uv (as nox makes every environment here) and installed with its
console script into a folder of its own, put first on the import path: what runs is the
installed copy, not the checkout's editable one. The run is the model-based phase alone:
it loads the spec and the schemathesis settings as a whole run does, in a fraction of
its time.

Seen failing by hand: the wheel without its schemathesis.toml (pyproject.toml's
force-include), which the installed command then looked for in vain.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contract_tests.report.verdict import SuiteExit
from fault_lab.command_run import FEW, MODEL_PHASE_ONLY, run
from fault_lab.suite_run import ROOT

BUILD_TIMEOUT_SECONDS = 300

pytestmark = pytest.mark.slow


def uv() -> str:
    found = shutil.which("uv")
    assert found is not None, "uv is needed to build the wheel: pip install uv"
    return found


def test_the_installed_command_runs_from_any_folder(tmp_path: Path) -> None:
    dist, installed, elsewhere = tmp_path / "dist", tmp_path / "installed", tmp_path / "work"
    elsewhere.mkdir()
    subprocess.run(
        [uv(), "build", "--wheel", "--quiet", "--out-dir", str(dist)],
        cwd=ROOT,
        check=True,
        timeout=BUILD_TIMEOUT_SECONDS,
    )
    [wheel] = dist.glob("*.whl")
    install = [uv(), "pip", "install", "--quiet", "--no-deps", "--python", sys.executable]
    subprocess.run(
        [*install, "--target", str(installed), str(wheel)],
        check=True,
        timeout=BUILD_TIMEOUT_SECONDS,
    )
    script = installed / "bin" / "superoffice-contract"
    env = {"PYTHONPATH": os.pathsep.join([str(installed), os.environ.get("PYTHONPATH", "")])}

    kept = run((str(script),), *FEW, "--", *MODEL_PHASE_ONLY, cwd=elsewhere, env=env)

    assert kept.exit_code == SuiteExit.KEPT, kept.output[-5000:]
    assert kept.summary["verdict"]["word"] == "PASSED"
    # The installed copy ran, with the spec and settings it carries.
    assert str(installed / "contract_tests") in kept.output
    assert not (installed / "openapi").exists()
    assert (installed / "spec_loader" / "openapi.yaml").is_file()
