"""What one pytest run of the suite reports: filled in as the run goes, and at its end
gathered into the RunData that the summary, the reports and the exit code all come from.
(What the hooks and checks remember as they go is the run's RunState,
contract_tests.run_state; the record holds it. The model phase fills in ``model``.)

It lives in the pytest config's stash (RUN_KEY), beside the options (OPTIONS_KEY), so that
``superoffice-contract`` can hand the options in and take the verdict back.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field
from typing import NoReturn

import pytest

from contract_tests.baseline.ledger import BaselineFileError, BaselineLedger
from contract_tests.model.tally import ModelTally
from contract_tests.report import html_page
from contract_tests.report.case_tally import CaseTally
from contract_tests.report.check_tally import CheckTally
from contract_tests.report.run_data import (
    Breakdown,
    CheckRow,
    CredentialsRow,
    NotRemovedRow,
    RunData,
)
from contract_tests.report.verdict import RunOutcome, Verdict, decide
from contract_tests.report.violations import ViolationLog
from contract_tests.run.options import ContractOptions
from contract_tests.run_state import RunState
from contract_tests.saved_credentials import Cleanup, SavedCredentials

OPTIONS_KEY = pytest.StashKey[ContractOptions]()
RUN_KEY = pytest.StashKey["ContractRun"]()
# pytest statuses after which every operation's cases ran to their end (or a violation).
FINISHED = frozenset({pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED})


NOT_TESTED_REASON = "not tested: the verdict below says why"


@dataclass
class ContractRun:
    options: ContractOptions
    started: str = field(
        default_factory=lambda: datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    )
    clock: float = field(default_factory=time.monotonic)  # when the run began
    target_url: str | None = None  # known once the target is open
    embedded: bool = False
    mode: str = ""  # the budget's account of what it left out, filled in at the end
    state: RunState | None = None  # what the hooks and checks remember, once the run starts
    cases: CaseTally = field(default_factory=lambda: CaseTally({}))
    checks: CheckTally = field(default_factory=CheckTally)
    violations: ViolationLog = field(default_factory=ViolationLog)
    baseline: BaselineLedger | None = None
    cleanup: Cleanup | None = None
    # Every credential the run saved, to remove at its end.
    saved: SavedCredentials = field(default_factory=SavedCredentials)
    model: ModelTally | None = None  # filled in by the model-based phase
    secrets_seen: dict[str, int] = field(default_factory=dict)
    stopped: str | None = None  # why the run stopped before testing it all
    # Label -> path under the reports folder, of each report written.
    reports: dict[str, str] = field(default_factory=dict)
    data: RunData | None = None  # the end record, once gathered

    def stop_untested(self, reason: str, session: pytest.Session) -> NoReturn:
        """End the run as not tested, for ``reason``, from inside a fixture."""
        self.stopped = reason
        # Stop after this test, which is skipped: pytest.exit would print its reason last,
        # after the summary, whose verdict says why once.
        session.shouldstop = NOT_TESTED_REASON
        pytest.skip(NOT_TESTED_REASON)

    @property
    def verdict(self) -> Verdict | None:
        return self.data.verdict if self.data is not None else None

    @property
    def sent_cases(self) -> bool:
        """Whether any case was judged: a run stopped at its probe sent none, one stopped
        later (the model phase's residents refused) has the counts of those it sent."""
        return self.checks.responses > 0

    @property
    def began(self) -> bool:
        """Whether the run reached its target (or found it unusable): there is a verdict to give."""
        return self.target_url is not None or self.stopped is not None

    def close(self, pytest_status: int, completed: bool) -> Verdict:
        """Gather the end record, write the suite's reports, and give the verdict."""
        if self.state is not None:
            self.mode = self.state.budget.describe()
        if self.model is not None:
            seen = self.model.secrets_seen
            self.secrets_seen = {rule.value: count for rule, count in sorted(seen.items(), key=str)}
        directory = self.options.reports_dir
        directory.mkdir(parents=True, exist_ok=True)
        if self.sent_cases:
            # Only a run that sent cases has counts to give: no table of zeros.
            self.checks.write(directory)
            self.reports = dict(html_page.LINKED_REPORTS)
        data = self.finish(pytest_status, completed)
        data.write(directory)
        html_page.write(data, directory)
        return data.verdict

    def finish(self, pytest_status: int, completed: bool) -> RunData:
        """The end record. ``completed``: every operation's cases ran (no -x, no Ctrl-C)."""
        baseline, baseline_error = None, None
        if self.baseline is not None:
            try:
                baseline = self.baseline.finish(completed and self.stopped is None)
            except BaselineFileError as error:
                baseline_error = str(error)
        counts = self.checks.counts()
        accepted_by_check: dict[str, int] = {}
        for entry in baseline.accepted if baseline is not None else ():
            accepted_by_check[entry.check] = accepted_by_check.get(entry.check, 0) + entry.count
        verdict = decide(
            RunOutcome(
                pytest_status=pytest_status,
                stopped=self.stopped,
                cases=self.cases.cases,
                failed_checks=[count.name for count in counts if count.failed],
                positive_refused=self.cases.positive_refused,
                positive_with_credentials=self.cases.positive_with_credentials,
                accepted=sum(accepted_by_check.values()),
                baseline_error=baseline_error,
            )
        )
        tested = self.sent_cases
        self.data = RunData(
            target=self.target_url or self.options.target_url or "",
            embedded=self.embedded,
            seed=self.options.seed,
            rate_limit=str(self.options.rate_limit or "none"),
            mode=self.mode,
            started=self.started,
            seconds=round(time.monotonic() - self.clock, 1),
            verdict=verdict,
            tested=tested,
            cases=self.cases.cases,
            responses=self.cases.responses,
            breakdown=_breakdown(self.cases) if tested else None,
            positive_refused=self.cases.positive_refused,
            positive_with_credentials=self.cases.positive_with_credentials,
            checks=[
                CheckRow(
                    count.name,
                    count.applied,
                    count.failed,
                    count.not_applicable,
                    accepted_by_check.get(count.name, 0),
                )
                for count in counts
            ]
            if tested
            else [],
            credentials=_credentials(self.cleanup),
            secrets_seen=dict(self.secrets_seen),
            model_phase=model_numbers(self.model) if self.model is not None else None,
            model_lines=self.model.lines() if self.model is not None else [],
            baseline=baseline,
            violations=list(self.violations.violations),
            violations_left_out=self.violations.left_out,
            reports=dict(self.reports),
        )
        return self.data


def _breakdown(cases: CaseTally) -> Breakdown:
    return Breakdown(
        by_phase=Breakdown.ordered(cases.by_phase),
        by_operation=Breakdown.ordered(cases.by_operation),
        by_media_type=Breakdown.ordered(cases.by_media_type),
        by_status=Breakdown.ordered(cases.by_status),
    )


def _credentials(cleanup: Cleanup | None) -> CredentialsRow | None:
    if cleanup is None:
        return None
    return CredentialsRow(
        saved=cleanup.saved,
        removed=cleanup.removed,
        kept=cleanup.kept,
        not_removed=[NotRemovedRow(repr(item.key), item.reason) for item in cleanup.not_removed],
    )


def model_numbers(tally: ModelTally) -> dict[str, int | str]:
    """The model phase's counts, by label, for the report page and summary.json."""
    numbers: dict[str, int | str] = {
        "sequences": tally.sequences,
        "steps": tally.steps,
        "keys touched": len(tally.keys_touched),
        "state comparisons": tally.comparisons,
        "of them the canary associate's": tally.canary_checks,
        "rounds of writes at once": tally.concurrent_rounds,
    }
    for way, count in sorted(tally.key_comparisons.items()):
        numbers[f"sequences where the server compared key texts {way}"] = count
    for number, reason in enumerate(tally.not_checked, start=1):
        numbers[f"not checked ({number})"] = reason
    return numbers
