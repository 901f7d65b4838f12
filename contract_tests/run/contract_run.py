"""One pytest run of the suite: what the summary reports, filled in as the run goes."""

from __future__ import annotations

from dataclasses import dataclass, field

from contract_tests.model.tally import ModelTally
from contract_tests.report.case_tally import CaseTally
from contract_tests.report.check_tally import CheckTally
from contract_tests.report.summary import RunFacts
from contract_tests.run.saved_credentials import Cleanup, SavedCredentials
from contract_tests.run_state import RunState


@dataclass
class ContractRun:
    state: RunState | None = None  # what the hooks and checks remember, once the run starts
    facts: RunFacts | None = None
    cases: CaseTally = field(default_factory=lambda: CaseTally({}))
    checks: CheckTally = field(default_factory=CheckTally)
    cleanup: Cleanup | None = None
    # Every credential the run saved, to remove at its end.
    saved: SavedCredentials = field(default_factory=SavedCredentials)
    model: ModelTally | None = None  # filled in by the model-based phase
    stopped: str | None = None  # why the run stopped before testing
    exit_status: int | None = None
