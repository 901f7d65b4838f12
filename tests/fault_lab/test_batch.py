"""batch: the runs a batch makes, and the kill matrix judged on made-up run results.

No suite runs here: kill_matrix() gets SuiteRun results written by the test (a tally
file per run), and batch_jobs() is only asked for its names.
Seen failing by hand: ``kill_matrix`` judging a fault killed on the exit code alone
(without ``fault.caught_by in failed``).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from contract_tests.report.check_tally import TALLY_FILE
from fault_lab.batch import (
    CLEAN,
    COOKIE_SETTER,
    EMBEDDED,
    TOLERATED,
    UNSANITIZED,
    UNTOLERATED,
    Credentials,
    batch_jobs,
    kill_matrix,
    new_credentials,
)
from fault_lab.faults import FAULTS, VARIATIONS
from fault_lab.suite_run import TESTS_FAILED, SuiteRun

OTHER_CHECK = "some_other_check"


def run_with(folder: Path, exit_code: int, failed: tuple[str, ...]) -> SuiteRun:
    folder.mkdir(parents=True)
    tally = {name: {"failed": 1} for name in failed} | {"passed_check": {"failed": 0}}
    (folder / TALLY_FILE).write_text(json.dumps(tally))
    return SuiteRun(exit_code, 1.0, "", folder)


def row_of(matrix: str, name: str) -> list[str]:
    [row] = [line for line in matrix.splitlines() if line.startswith(f"{name}  ")]
    return row.split()


def test_the_kill_matrix_judges_each_run(tmp_path: Path) -> None:
    caught, elsewhere, *rest = FAULTS
    runs = {
        caught.name: run_with(tmp_path / "caught", TESTS_FAILED, (caught.caught_by,)),
        # Failed, but not by the check aimed at it: a kill for the wrong reason.
        elsewhere.name: run_with(tmp_path / "elsewhere", TESTS_FAILED, (OTHER_CHECK,)),
    }
    for index, fault in enumerate(rest):
        runs[fault.name] = run_with(tmp_path / f"f{index}", TESTS_FAILED, (fault.caught_by,))
    failing, *passing = VARIATIONS
    runs[failing.name] = run_with(tmp_path / "failing", TESTS_FAILED, (OTHER_CHECK,))
    for index, variation in enumerate(passing):
        runs[variation.name] = run_with(tmp_path / f"v{index}", 0, ())
    runs[CLEAN] = run_with(tmp_path / "clean", 0, ())

    matrix = kill_matrix(runs)

    assert row_of(matrix, caught.name)[1] == "killed"
    assert row_of(matrix, elsewhere.name)[1:4] == ["SURVIVED", elsewhere.caught_by, "NO"]
    assert row_of(matrix, failing.name)[1] == "FAILS"
    assert row_of(matrix, CLEAN)[-4:-2] == ["passes", "-"]
    assert f"{len(FAULTS) - 1}/{len(FAULTS)} faults killed" in matrix
    assert f"{len(VARIATIONS)}/{len(VARIATIONS) + 1} conformant servers passed" in matrix


def test_a_fault_run_that_broke_is_not_a_kill(tmp_path: Path) -> None:
    """An exit code other than "tests failed" (a usage error, say) kills nothing."""
    runs = {
        fault.name: run_with(tmp_path / f"f{index}", 4, (fault.caught_by,))
        for index, fault in enumerate(FAULTS)
    }
    for index, name in enumerate((*(variation.name for variation in VARIATIONS), CLEAN)):
        runs[name] = run_with(tmp_path / f"p{index}", 0, ())
    assert f"0/{len(FAULTS)} faults killed" in kill_matrix(runs)


def test_the_batch_names_every_fault_and_variation_once(tmp_path: Path) -> None:
    jobs = batch_jobs(tmp_path, new_credentials())
    named = [*(fault.name for fault in FAULTS), *(variation.name for variation in VARIATIONS)]
    others = {CLEAN, EMBEDDED, UNSANITIZED, COOKIE_SETTER, TOLERATED, UNTOLERATED}
    # A fault named like another run would take that run's place, or lose its own.
    assert set(named).isdisjoint(others)
    assert set(jobs) == set(named) | others
    # Naming the runs makes none of them: no folder is made before a run starts.
    assert list(tmp_path.iterdir()) == []


def test_credentials_are_made_up_per_batch_and_the_token_is_the_secret_part() -> None:
    one, other = new_credentials(), new_credentials()
    assert one != other
    credentials = Credentials("user", "pass word")
    assert credentials.authorization == f"Basic {credentials.token}"
    assert base64.b64decode(credentials.token) == b"user:pass word"
