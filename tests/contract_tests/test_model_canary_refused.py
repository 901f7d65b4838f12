"""A canary associate the identity may not write stops the run as not tested (exit 4),
saying so, instead of failing it with a violation the server did not commit.

Seen to fail (by hand, once) before the model phase checked its residents' saves: an
associate's ticket with a canary of another associate ended in `FAILED:
saved_credential_reads_back` (the Get was answered 403), exit 1, on the clean server.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from fault_lab.batch import Credentials
from fault_lab.stored_rows import DATABASE, stored_rows
from fault_lab.suite_run import SuiteRun, run_suite
from reference_server.launcher import start_server

ASSOCIATE = 42
# An associate the identity of ASSOCIATE may not save for (the server answers 403).
FOREIGN_CANARY = ASSOCIATE + 1
NOT_TESTED = 4
CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))


def run_with_canary(directory: Path, canary: int) -> SuiteRun:
    identity = f"{CREDENTIALS.user}:{CREDENTIALS.password}@{ASSOCIATE}"
    with start_server(database=directory / DATABASE, args=("--basic", identity)) as server:
        return run_suite(
            directory / "reports",
            "--target-url",
            server.base_url,
            "--associate-id",
            str(ASSOCIATE),
            "--canary-associate-id",
            str(canary),
            "--seed",
            "1",
            "--max-examples",
            "10",
            authorization=CREDENTIALS.authorization,
        )


def test_a_canary_the_identity_may_not_write_is_not_tested(tmp_path: Path) -> None:
    run = run_with_canary(tmp_path, FOREIGN_CANARY)

    assert run.exit_code == NOT_TESTED, run.output[-5000:]
    verdict = next(line for line in run.output.splitlines() if line.startswith("verdict:"))
    assert "NOT TESTED" in verdict
    assert f"AssociateId {FOREIGN_CANARY}" in verdict
    assert "refused with 403" in verdict
    # What the run saved before it stopped is removed all the same.
    assert stored_rows(tmp_path) == []
