"""Wires the suite: its options, the server under test, the schemathesis schema, and, at the
end of every run, its verdict, reports and summary."""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Iterator

import pytest
import requests
from _pytest.terminal import TerminalReporter
from schemathesis import BaseSchema

from contract_tests.baseline.ledger import BaselineFileError, BaselineLedger
from contract_tests.cases.one_associate import OneAssociate
from contract_tests.hooks import start_run
from contract_tests.report.case_tally import CaseTally
from contract_tests.report.run_report import FINISHED, OPTIONS_KEY, RUN_KEY, ContractRun
from contract_tests.report.summary import write_summary
from contract_tests.report.verdict import SuiteExit
from contract_tests.run.connection import every_request_through, reusable_session
from contract_tests.run.options import (
    REPORTS_PREFIX,
    REPORTS_ROOT,
    ContractOptions,
    add_options,
    masked_arguments,
    read_options,
)
from contract_tests.run.report_folders import prune_reports
from contract_tests.run.schemathesis_schema import contract_schema as build_contract_schema
from contract_tests.run.target import Target, open_target
from contract_tests.run.target_probe import TargetUnusableError, probe_target
from contract_tests.run_state import RunState
from contract_tests.saved_credentials import Cleanup


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    # superoffice-contract hands its options in (cli/command.py); pytest's flags otherwise.
    options = config.stash.get(OPTIONS_KEY, None) or read_options(config)
    config.stash[OPTIONS_KEY] = options
    config.stash[RUN_KEY] = ContractRun(options)
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
    request: pytest.FixtureRequest,
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
    run.target_url, run.embedded = contract_target.base_url, contract_target.embedded
    run.cases = CaseTally(contract_target.headers)
    # This session's run, in place of the one contract_tests.hooks started on import.
    run.state = start_run(options.thorough)
    saved = run.saved
    if options.baseline is not None:
        try:
            run.baseline = BaselineLedger(options.baseline)
        except BaselineFileError as error:
            pytest.exit(str(error), returncode=SuiteExit.USAGE)
    for part in (run.checks, run.cases, run.violations, saved, run.baseline):
        if part is not None:
            part.attach(schema)
    # The embedded run's identity is an associate: every case is about it (docs/suite.md).
    associate = options.associate_id or contract_target.own_associate
    if associate is not None:
        OneAssociate(associate).attach(schema)
    try:
        probe_target(schema, contract_target, options)
        yield schema
    except TargetUnusableError as unusable:
        run.stop_untested(str(unusable), request.session)
    finally:
        # Also after a failure, pytest.exit or Ctrl-C: pytest tears session fixtures down.
        if options.keep_data:
            run.cleanup = Cleanup(saved=len(saved.keys), kept=True)
        else:
            run.cleanup = saved.remove_all(
                contract_session, contract_target.base_url, contract_target.headers
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    # What start-up and the fixtures made (pytest, its plugins, schemathesis, the loaded
    # schema: tens of thousands of objects) lives until the process ends, yet every full
    # garbage collection walks all of it again: during the run, in pytest's collections
    # at the end and while the interpreter shuts down, a few tenths of a second a run.
    # Frozen, it is left out of them; what the cases make is still collected.
    gc.freeze()
    # schemathesis counts each operation of a parametrized test as one more collected
    # test, but reports the test once: pytest's progress ([ 20%], [ 40%]) then never
    # reached 100%. The count is put back, so the progress counts what it reports.
    collected = item.session.testscollected
    try:
        return (yield)
    finally:
        item.session.testscollected = collected


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    run = session.config.stash.get(RUN_KEY, None)
    if run is None or not run.began:
        return  # nothing ran: --collect-only, or a usage error
    # -x or --maxfail stop a run before every operation's cases ran: not a complete run.
    completed = session.exitstatus in FINISHED and not (session.shouldfail or session.shouldstop)
    session.exitstatus = run.close(int(session.exitstatus), completed).exit


def pytest_terminal_summary(terminalreporter: TerminalReporter, config: pytest.Config) -> None:
    run = config.stash.get(RUN_KEY, None)
    if run is None or run.data is None:
        return
    # pytest's last line counts test functions ("2 passed"), which says nothing of the
    # contract and could stand beside a FAILED verdict. The suite's summary, its verdict
    # last, takes that line's place.
    terminalreporter.summary_stats = functools.partial(  # type: ignore[method-assign]
        write_summary, terminalreporter, run.data, run.options.reports_dir
    )
