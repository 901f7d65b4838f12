"""What one pytest run of the suite reports: filled in as the run goes, told at its end."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from contract_tests.model.tally import ModelTally
from contract_tests.report.case_tally import CaseTally
from contract_tests.report.check_tally import CheckTally
from contract_tests.report.summary import RunFacts, summary_lines
from contract_tests.run.saved_credentials import Cleanup, SavedCredentials
from contract_tests.run_state import RunState


@dataclass
class ContractRun:
    """What the summary reports, filled in as the run goes."""

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


def verdict(run: ContractRun) -> str:
    """The summary's last word on the run."""
    if run.stopped is not None:
        return f"NOT TESTED: {run.stopped}"
    if run.exit_status == pytest.ExitCode.INTERRUPTED:
        return "INTERRUPTED: the cases run so far are counted above"
    if run.cases.mostly_refused():
        return (
            f"FAILED: {run.cases.positive_refused} of {run.cases.positive_with_credentials}"
            " positive cases were refused (401/403), so the server was hardly tested:"
            " check the credentials and that they may save for the associate"
        )
    failed = [count.name for count in run.checks.counts() if count.failed]
    if failed:
        return (
            f"FAILED: the server breaks the contract ({', '.join(failed)}); each violation"
            " is printed above with a curl command that reproduces it"
        )
    if run.exit_status == pytest.ExitCode.OK:
        return f"PASSED: the server keeps the contract in all {run.cases.cases} cases"
    return f"ERROR: pytest exit code {run.exit_status} (see above)"


def end_lines(run: ContractRun, reports_dir: Path) -> list[str]:
    """The lines printed under "contract suite" at the end of the run."""
    assert run.facts is not None
    if run.stopped is not None or run.state is None:
        return [
            f"target:      {run.facts.target_url}",
            f"rate limit:  {run.facts.rate_limit}",
            f"verdict:     {verdict(run)}",
        ]
    facts = replace(run.facts, mode=run.state.budget.describe())
    model = run.model.lines() if run.model is not None else None
    lines = summary_lines(facts, run.cases, run.checks.counts(), run.cleanup, verdict(run), model)
    lines.append(f"reports:     {reports_dir.resolve()}")
    return lines
