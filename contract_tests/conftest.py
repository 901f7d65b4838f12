"""Wires the suite: its options, the server under test, and the schemathesis schema."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import requests
from _pytest.terminal import TerminalReporter
from schemathesis import BaseSchema

from contract_tests import effects
from contract_tests.check_tally import CheckTally
from contract_tests.connection import reusable_session
from contract_tests.options import ContractOptions, add_options, read_options
from contract_tests.readers import effect_settings
from contract_tests.schema import contract_schema as build_contract_schema
from contract_tests.target import Target, open_target

OPTIONS_KEY = pytest.StashKey[ContractOptions]()


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    config.stash[OPTIONS_KEY] = read_options(config)


@pytest.fixture(scope="session")
def contract_options(pytestconfig: pytest.Config) -> ContractOptions:
    return pytestconfig.stash[OPTIONS_KEY]


@pytest.fixture(scope="session")
def contract_target(contract_options: ContractOptions) -> Iterator[Target]:
    with open_target(contract_options) as target:
        yield target


@pytest.fixture(scope="session")
def contract_session() -> Iterator[requests.Session]:
    with reusable_session() as session:
        yield session


@pytest.fixture(scope="session")
def contract_schema(
    contract_options: ContractOptions, contract_target: Target
) -> Iterator[BaseSchema]:
    schema = build_contract_schema(contract_options, contract_target)
    effects.configure(effect_settings(contract_options, contract_target))
    tally = CheckTally()
    tally.attach(schema)
    yield schema
    tally.write(contract_options.reports_dir)


def pytest_runtest_call(item: pytest.Item) -> None:
    # What start-up and the fixtures made (pytest, its plugins, schemathesis, the loaded
    # schema: tens of thousands of objects) lives until the process ends, yet every full
    # garbage collection walks all of it again: during the run, in pytest's collections
    # at the end and while the interpreter shuts down, a few tenths of a second a run.
    # Frozen, it is left out of them; what the cases make is still collected.
    gc.freeze()


def pytest_terminal_summary(terminalreporter: TerminalReporter, config: pytest.Config) -> None:
    options = config.stash.get(OPTIONS_KEY, None)
    if options is None:
        return
    terminalreporter.write_sep("=", "contract suite")
    terminalreporter.write_line(
        f"seed: {options.seed} (rerun the same cases with --seed {options.seed})"
    )
    terminalreporter.write_line(
        f"reports (JUnit XML, HAR, check tally): {options.reports_dir.resolve()}"
    )
    seen = effects.memory().secrets_seen
    if seen:
        counts = ", ".join(f"{rule.value} {count}x" for rule, count in sorted(seen.items()))
        terminalreporter.write_line(f"SecretValue as the run's identity read it back: {counts}")
