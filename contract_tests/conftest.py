"""Wires the suite: its options, the server under test, the schemathesis schema, and the
summary at the end of every run."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
import requests
from _pytest.terminal import TerminalReporter
from schemathesis import BaseSchema

from contract_tests.cases import budget
from contract_tests.cases.one_associate import OneAssociate
from contract_tests.effects import read_back
from contract_tests.report.case_tally import CaseTally
from contract_tests.report.check_tally import CheckTally
from contract_tests.report.summary import RunFacts, summary_lines
from contract_tests.run.connection import every_request_through, reusable_session
from contract_tests.run.options import (
    NO_RATE_LIMIT,
    REPORTS_PREFIX,
    REPORTS_ROOT,
    ContractOptions,
    add_options,
    masked_arguments,
    read_options,
)
from contract_tests.run.read_back_settings import effect_settings
from contract_tests.run.report_folders import prune_reports
from contract_tests.run.saved_credentials import Cleanup, SavedCredentials
from contract_tests.run.schemathesis_schema import contract_schema as build_contract_schema
from contract_tests.run.target import Target, open_target
from contract_tests.run.target_probe import TargetUnusableError, probe_target

OPTIONS_KEY = pytest.StashKey[ContractOptions]()
RUN_KEY = pytest.StashKey["ContractRun"]()


@dataclass
class ContractRun:
    """What the summary reports, filled in as the run goes."""

    facts: RunFacts | None = None
    cases: CaseTally = field(default_factory=lambda: CaseTally({}))
    checks: CheckTally = field(default_factory=CheckTally)
    cleanup: Cleanup | None = None
    stopped: str | None = None  # why the run stopped before testing
    exit_status: int | None = None


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    options = read_options(config)
    config.stash[OPTIONS_KEY] = options
    config.stash[RUN_KEY] = ContractRun()
    if not options.unsanitized:
        # pytest has read its arguments; schemathesis' HTML report copies them from here.
        sys.argv[1:] = masked_arguments(sys.argv[1:])


@pytest.fixture(scope="session")
def contract_options(pytestconfig: pytest.Config) -> ContractOptions:
    return pytestconfig.stash[OPTIONS_KEY]


@pytest.fixture(scope="session")
def contract_target(contract_options: ContractOptions) -> Iterator[Target]:
    with open_target(contract_options) as target:
        yield target


@pytest.fixture(scope="session")
def contract_session(contract_options: ContractOptions) -> Iterator[requests.Session]:
    """The one way every request of the run goes out (see run/connection.py)."""
    with (
        reusable_session(contract_options.rate_limit) as session,
        every_request_through(session),
    ):
        yield session


@pytest.fixture(scope="session")
def contract_schema(
    pytestconfig: pytest.Config,
    contract_options: ContractOptions,
    contract_target: Target,
    contract_session: requests.Session,
) -> Iterator[BaseSchema]:
    options = contract_options
    schema = build_contract_schema(options, contract_target)
    budget.configure(options.thorough)
    if options.reports_dir.parent == REPORTS_ROOT:
        prune_reports(REPORTS_ROOT, REPORTS_PREFIX, options.keep_reports)
    run = pytestconfig.stash[RUN_KEY]
    run.facts = RunFacts(
        contract_target.base_url,
        contract_target.embedded,
        options.seed,
        str(options.rate_limit or NO_RATE_LIMIT),
    )
    run.cases = CaseTally(contract_target.headers)
    read_back.configure(effect_settings(options, contract_target))
    saved = SavedCredentials()
    for part in (run.checks, run.cases, saved):
        part.attach(schema)
    if options.associate_id is not None:
        OneAssociate(options.associate_id).attach(schema)
    try:
        probe_target(schema, contract_target, options.associate_id)
        yield schema
    except TargetUnusableError as unusable:
        run.stopped = str(unusable)
        pytest.exit(run.stopped, returncode=pytest.ExitCode.USAGE_ERROR)
    finally:
        # Also after a failure, pytest.exit or Ctrl-C: pytest tears session fixtures down.
        if options.keep_data:
            run.cleanup = Cleanup(saved=len(saved.keys), kept=True)
        else:
            run.cleanup = saved.remove_all(contract_session, contract_target)
        run.checks.write(options.reports_dir)


def pytest_runtest_call(item: pytest.Item) -> None:
    # What start-up and the fixtures made (pytest, its plugins, schemathesis, the loaded
    # schema: tens of thousands of objects) lives until the process ends, yet every full
    # garbage collection walks all of it again: during the run, in pytest's collections
    # at the end and while the interpreter shuts down, a few tenths of a second a run.
    # Frozen, it is left out of them; what the cases make is still collected.
    gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    run = session.config.stash.get(RUN_KEY, None)
    if run is None:
        return
    if session.exitstatus == pytest.ExitCode.OK and run.cases.mostly_refused():
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    run.exit_status = int(session.exitstatus)


def pytest_terminal_summary(terminalreporter: TerminalReporter, config: pytest.Config) -> None:
    options = config.stash.get(OPTIONS_KEY, None)
    run = config.stash.get(RUN_KEY, None)
    if options is None or run is None or run.facts is None:
        return
    terminalreporter.write_sep("=", "contract suite")
    verdict = _verdict(run)
    if run.stopped is not None:
        lines = [
            f"target:      {run.facts.target_url}",
            f"rate limit:  {run.facts.rate_limit}",
            f"verdict:     {verdict}",
        ]
    else:
        facts = replace(run.facts, mode=budget.budget().describe())
        lines = summary_lines(facts, run.cases, run.checks.counts(), run.cleanup, verdict)
        lines += secrets_seen_lines()
        lines.append(f"reports:     {options.reports_dir.resolve()}")
    for line in lines:
        terminalreporter.write_line(line)


def _verdict(run: ContractRun) -> str:
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


def secrets_seen_lines() -> list[str]:
    """How the run's identity saw SecretValue come back, when it read any back."""
    seen = read_back.memory().secrets_seen
    if not seen:
        return []
    counts = ", ".join(f"{rule.value} {count}x" for rule, count in sorted(seen.items()))
    return [f"secrets:     SecretValue as the run's identity read it back: {counts}"]
