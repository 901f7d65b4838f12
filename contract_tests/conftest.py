"""Wires the suite into pytest: its options, the server under test, the schemathesis schema,
and the summary at the end of every run (report/run_report.py says what it holds)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest
import requests
from _pytest.terminal import TerminalReporter
from schemathesis import BaseSchema

from contract_tests.cases.one_associate import OneAssociate
from contract_tests.hooks import start_run
from contract_tests.report.case_tally import CaseTally
from contract_tests.report.run_report import ContractRun, end_lines
from contract_tests.report.summary import RunFacts
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
from contract_tests.run.report_folders import prune_reports
from contract_tests.run.saved_credentials import Cleanup
from contract_tests.run.schemathesis_schema import contract_schema as build_contract_schema
from contract_tests.run.target import Target, open_target
from contract_tests.run.target_probe import TargetUnusableError, probe_target
from contract_tests.run_state import RunState

OPTIONS_KEY = pytest.StashKey[ContractOptions]()
RUN_KEY = pytest.StashKey[ContractRun]()


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
def contract_run(pytestconfig: pytest.Config) -> ContractRun:
    return pytestconfig.stash[RUN_KEY]


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
def contract_run_state(pytestconfig: pytest.Config, contract_schema: BaseSchema) -> RunState:
    """The run that contract_schema started: the tests share what it remembers."""
    state = pytestconfig.stash[RUN_KEY].state
    assert state is not None
    return state


@pytest.fixture(scope="session")
def contract_schema(
    pytestconfig: pytest.Config,
    contract_options: ContractOptions,
    contract_target: Target,
    contract_session: requests.Session,
) -> Iterator[BaseSchema]:
    options = contract_options
    schema = build_contract_schema(options, contract_target)
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
    # This session's run, in place of the one contract_tests.hooks started on import.
    run.state = start_run(options.thorough)
    saved = run.saved
    for part in (run.checks, run.cases, saved):
        part.attach(schema)
    # The embedded run's identity is an associate: every case is about it (docs/suite.md).
    associate = options.associate_id or contract_target.own_associate
    if associate is not None:
        OneAssociate(associate).attach(schema)
    try:
        probe_target(schema, contract_target, associate)
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
    for line in end_lines(run, options.reports_dir):
        terminalreporter.write_line(line)
