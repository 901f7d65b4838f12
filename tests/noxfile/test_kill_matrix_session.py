"""`nox -s tests` leaves the kill matrix's batch of suite runs to `nox -s kill_matrix`,
which runs every test that reads it, and nothing else.

Both sessions select by the marker that tests/contract_tests/conftest.py sets on each
test using the `batch` fixture. Seen to fail with that hook's `add_marker` line removed
(the kill_matrix session then selects nothing, and `tests` runs the batch).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import noxfile

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_TESTS = "tests/contract_tests"
KILL_MATRIX_MODULE = f"{CONTRACT_TESTS}/test_kill_matrix.py"
# A module of the suite's report whose tests read no run at all.
UNIT_MODULE = f"{CONTRACT_TESTS}/report/test_violations.py"


def collected(*selection: str) -> set[str]:
    """The node ids pytest selects under tests/contract_tests with ``selection``."""
    command = [sys.executable, "-m", "pytest", CONTRACT_TESTS, "--collect-only", "-q"]
    completed = subprocess.run(
        [*command, "-p", "no:cacheprovider", "-p", "no:xdist", *selection],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return {line for line in completed.stdout.splitlines() if "::" in line}


def test_the_two_sessions_split_the_tests_at_the_batch() -> None:
    # `-m M` and `-m "not M"` split the tests between them, whatever M marks.
    in_batch = collected("-m", noxfile.BATCH_MARKER)
    left = collected("-m", f"not {noxfile.BATCH_MARKER}")
    assert any(node.startswith(KILL_MATRIX_MODULE) for node in in_batch)
    assert not any(node.startswith(KILL_MATRIX_MODULE) for node in left)
    assert any(node.startswith(UNIT_MODULE) for node in left)
    assert not any(node.startswith(UNIT_MODULE) for node in in_batch)
