"""What ``st run`` loads (schemathesis.toml: ``hooks = "contract_tests.hooks"``) imports no pytest.

Plain ``st run`` has no pytest to offer: a hook module that pulled in the suite's pytest
options (contract_tests.run) would make every ``st run`` of the project fail to start in
an environment without pytest, and tie the checks to one runner.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOOKS_MODULE = tomllib.loads((ROOT / "schemathesis.toml").read_text())["hooks"]
# The pytest run's own parts: allowed to import pytest, so never loaded by the hooks.
PYTEST_ONLY_PACKAGES = ("contract_tests.run", "contract_tests.report")


def modules_loaded_by(module: str) -> set[str]:
    """The modules a fresh interpreter holds after importing ``module`` alone."""
    program = f"import json, sys\nimport {module}\nprint(json.dumps(sorted(sys.modules)))"
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(completed.stdout))


def test_the_hooks_st_run_loads_import_no_pytest() -> None:
    loaded = modules_loaded_by(HOOKS_MODULE)

    assert HOOKS_MODULE in loaded
    assert not {"pytest", "_pytest"} & loaded
    pytest_run = [
        name
        for name in loaded
        for package in PYTEST_ONLY_PACKAGES
        if name == package or name.startswith(f"{package}.")
    ]
    assert not pytest_run, "contract_tests.hooks imports a module of the pytest run"


def test_the_pytest_run_does_import_pytest() -> None:
    # The check above can fail: the options module, which the hooks must not reach,
    # does bring pytest in.
    assert "pytest" in modules_loaded_by("contract_tests.run.options")
