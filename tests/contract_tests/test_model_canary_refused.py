"""A canary associate the identity may not write stops the run as not tested (exit 4),
saying so, instead of failing it with a violation the server did not commit.

Seen to fail (by hand, once) before the model phase checked its residents' saves: an
associate's ticket with a canary of another associate ended in `FAILED:
saved_credential_reads_back` (the Get was answered 403), exit 1, on the clean server.

The run is the model-based phase alone, the one that writes for the canary: it saves the
run's associate's residents before the canary's, so there is something to remove. Seen
to fail (by hand, once) with the clean-up removing nothing: "7 saved, 0 removed".
"""

from __future__ import annotations

import secrets
from pathlib import Path

from contract_tests.report.verdict import SuiteExit
from fault_lab.batch import Credentials, run_as_associate
from fault_lab.planted_fault import MODEL_PHASE
from fault_lab.stored_rows import stored_rows

ASSOCIATE = 42
# An associate the identity of ASSOCIATE may not save for (the server answers 403).
FOREIGN_CANARY = ASSOCIATE + 1
CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))


def test_a_canary_the_identity_may_not_write_is_not_tested(tmp_path: Path) -> None:
    run = run_as_associate(
        tmp_path,
        CREDENTIALS,
        ASSOCIATE,
        "--canary-associate-id",
        str(FOREIGN_CANARY),
        "-k",
        MODEL_PHASE,
    )

    assert run.exit_code == SuiteExit.NOT_TESTED, run.output[-5000:]
    verdict = next(line for line in run.output.splitlines() if line.startswith("verdict:"))
    assert "NOT TESTED" in verdict
    assert f"AssociateId {FOREIGN_CANARY}" in verdict
    assert "refused with 403" in verdict
    # What the run saved before it stopped is removed all the same.
    saved, removed = run.cleanup_counts
    assert saved == removed > 0
    assert stored_rows(tmp_path) == []
