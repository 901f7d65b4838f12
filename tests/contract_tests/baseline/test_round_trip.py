"""A baseline's life, through real runs of superoffice-contract against planted faults:

1. recorded while one fault is present (the run still fails: its violations are new;
   recorded again until a recording run finds nothing new);
2. the same server again: the run passes and says the violations were accepted;
3. another fault: its violations are new, and the run fails;
4. the first fault fixed, with --baseline-prune: the entries are fixed and gone;
5. an entry past its expiry date covers nothing: the run fails again and says so.

And ``st run --baseline`` reads the same file and accepts the same violation.

Seen to fail (by hand, once) with an expired entry accepting its violation all the same:
the run past the date passed, "no violation but the 913 the baseline accepts".
"""

from __future__ import annotations

import json
import re
import secrets
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.types import ASGIApp

import spec_loader
from contract_tests.report.verdict import SuiteExit
from fault_lab.batch import Credentials, no_fault
from fault_lab.command_run import FEW, ST, CommandRun, run_script
from fault_lab.fault_servers import serve_reference_app
from fault_lab.faults import fault_named
from fault_lab.planted_fault import CASE_PHASES
from fault_lab.suite_run import AUTHORIZATION_ENV_VAR, ROOT, suite_environment

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
AUTHORIZED = {AUTHORIZATION_ENV_VAR: CREDENTIALS.authorization}
# A custom check's violation (its identity pinned, see baseline/fingerprint.py), and one
# that leaves HTTP intact for st run, which reads no body after a 204 either.
FIRST = fault_named("error_in_foreign_shape")
SECOND = fault_named("error_as_text")
REASON = "the vendor's errors have their own shape; ticket 4711"
MAX_RECORDING_RUNS = 3
# A baseline holds the violations of the cases' phases, which st run has too: the stateful
# and model-based phases would only add time to every run of its life.
CASES_ONLY = ("-k", CASE_PHASES)

pytestmark = pytest.mark.slow


@dataclass
class Baseline:
    path: Path

    @property
    def entries(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = json.loads(self.path.read_text())["entries"]
        return entries

    @property
    def checks(self) -> set[str]:
        return {entry["check"] for entry in self.entries}


def run_against(
    wrap: Callable[[ASGIApp], ASGIApp],
    folder: Path,
    *options: str,
    pytest_options: tuple[str, ...] = (),
) -> CommandRun:
    folder.mkdir()
    arguments = (*FEW, *options, "--", *CASES_ONLY, *pytest_options)
    with serve_reference_app(wrap, folder, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        return run_script("--target-url", url, *arguments, folder=folder, env=AUTHORIZED)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Baseline, CommandRun]:
    """The baseline recorded as docs/suite.md says: again until a recording run finds
    nothing new (each run stops an operation's cases at its first new violation, so the
    next may reach more). The first recording run is returned."""
    root = tmp_path_factory.mktemp("baseline")
    baseline = Baseline(root / "accepted.json")
    recording = ("--baseline", str(baseline.path), "--baseline-update", "--baseline-reason", REASON)
    runs = []
    for round_ in range(MAX_RECORDING_RUNS):
        runs.append(run_against(FIRST.wrap, root / f"record-{round_}", *recording))
        if runs[-1].exit_code == SuiteExit.KEPT:
            break
    assert runs[-1].exit_code == SuiteExit.KEPT, runs[-1].output[-5000:]
    return baseline, runs[0]


def test_recording_keeps_the_run_failed_and_writes_the_violations_with_their_reason(
    recorded: tuple[Baseline, CommandRun],
) -> None:
    baseline, run = recorded

    assert run.exit_code == SuiteExit.VIOLATED, run.output[-5000:]
    assert FIRST.caught_by in baseline.checks
    assert {entry["reason"] for entry in baseline.entries} == {REASON}
    recorded_first = run.summary["baseline"]["recorded"]
    assert 0 < recorded_first <= len(baseline.entries)


def test_the_same_fault_again_passes_and_says_accepted(
    recorded: tuple[Baseline, CommandRun], tmp_path: Path
) -> None:
    baseline, _ = recorded

    again = run_against(FIRST.wrap, tmp_path / "again", "--baseline", str(baseline.path))

    assert again.exit_code == SuiteExit.KEPT, again.output[-5000:]
    assert "the baseline accepts" in again.summary["verdict"]["text"]
    accepted = again.summary["baseline"]["accepted"]
    assert FIRST.caught_by in {entry["check"] for entry in accepted}
    assert all(entry["reason"] == REASON for entry in accepted)
    assert f"accepted: [{accepted[0]['id']}]" in again.output
    assert again.summary["baseline"]["new"] == []


def test_another_fault_fails_with_its_violations_new(
    recorded: tuple[Baseline, CommandRun], tmp_path: Path
) -> None:
    baseline, _ = recorded
    before = baseline.path.read_text()

    other = run_against(
        SECOND.wrap,
        tmp_path / "other",
        "--baseline",
        str(baseline.path),
        pytest_options=("--exitfirst",),
    )

    assert other.exit_code == SuiteExit.VIOLATED, other.output[-5000:]
    assert SECOND.caught_by in {entry["check"] for entry in other.summary["baseline"]["new"]}
    assert baseline.path.read_text() == before  # neither updated nor pruned


def test_st_run_accepts_the_same_violation_from_the_same_file(
    recorded: tuple[Baseline, CommandRun], tmp_path: Path
) -> None:
    baseline, _ = recorded
    with serve_reference_app(FIRST.wrap, tmp_path, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        st_run = [ST, "run", str(spec_loader.spec_path()), "--url", url]
        st_run += ["-H", f"Authorization: {CREDENTIALS.authorization}"]
        st_run += ["--phases", "fuzzing", "--max-examples", "20", "--checks", FIRST.caught_by]
        st_run += ["--baseline", str(baseline.path), "--report-dir", str(tmp_path / "st")]
        completed = subprocess.run(
            [*st_run, "--rate-limit", "100/s"],
            cwd=ROOT,
            env=suite_environment(None, {}),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    assert completed.returncode == 0, completed.stdout[-5000:]
    known = re.search(r"Known failures: (\d+)", completed.stdout)
    assert known is not None, completed.stdout[-5000:]
    assert int(known[1]) > 0


def test_fixed_and_pruned_the_entries_are_gone_then_an_expired_one_fails(
    recorded: tuple[Baseline, CommandRun], tmp_path: Path
) -> None:
    baseline, _ = recorded
    entries = baseline.entries
    ids = {entry["id"] for entry in entries}

    pruned = run_against(
        no_fault, tmp_path / "fixed", "--baseline", str(baseline.path), "--baseline-prune"
    )

    assert pruned.exit_code == SuiteExit.KEPT, pruned.output[-5000:]
    assert {entry["id"] for entry in pruned.summary["baseline"]["fixed"]} == ids
    assert set(pruned.summary["baseline"]["pruned"]) == ids
    assert baseline.entries == []

    # The entries back, past their date: they cover nothing any more.
    document = json.loads(baseline.path.read_text())
    document["entries"] = [{**entry, "expires": "2000-01-01"} for entry in entries]
    expired_file = tmp_path / "expired.json"
    expired_file.write_text(json.dumps(document))

    expired = run_against(FIRST.wrap, tmp_path / "expired", "--baseline", str(expired_file))

    assert expired.exit_code == SuiteExit.VIOLATED, expired.output[-5000:]
    assert {entry["id"] for entry in expired.summary["baseline"]["expired"]} <= ids
    assert expired.summary["baseline"]["expired"]
    assert "expired on 2000-01-01" in expired.output
