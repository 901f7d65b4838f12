"""The model phase in-process, against the reference server wrapped in a fault or variation.

The same sequences and rounds as a run's model phase (contract_tests/model/), with every
check of the run loaded and tallied, but without a pytest process per server: fast
enough for a test per check.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import schemathesis
from starlette.types import ASGIApp

import spec_loader
from contract_tests.model.calls import Caller
from contract_tests.model.concurrency import rounds
from contract_tests.model.facts import model_facts
from contract_tests.model.keys import key_space
from contract_tests.model.machine import run_sequences, save_residents
from contract_tests.model.readers import Reader, SecretRule
from contract_tests.model.report import ModelDifferenceError
from contract_tests.model.run import ModelBudget, ModelRun, new_run
from contract_tests.report.check_tally import CheckTally
from contract_tests.run.connection import every_request_through, reusable_session
from contract_tests.run.schemathesis_schema import CONFIG_PATH
from contract_tests.saved_credentials import SavedCredentials
from fault_lab.fault_servers import serve_reference_app
from fault_lab.own_view_faults import OWNER_ASSOCIATE, through_siblings
from fault_lab.store_access import SYSTEM_AUTHORIZATION
from reference_server.settings import Identity, Scheme
from spec_loader.auth import basic_authorization

ASSOCIATE, CANARY = OWNER_ASSOCIATE, OWNER_ASSOCIATE + 1
# Fewer sequences than a run's: each test aims at one fault. No shrinking: a test needs
# the check that failed, which the first difference already names; each replay of a
# shrink would cost requests for a shorter sequence that no test reads.
BUDGET = ModelBudget(sequences=6, steps=6, concurrent_rounds=3, shrink_requests=0)
# What `python -m fault_lab.model_harness` prints is read: the shortest sequence, as a run's.
SHRUNK = replace(BUDGET, shrink_requests=300)
SEED = 20261128


@dataclass
class Outcome:
    difference: ModelDifferenceError | None
    tally: CheckTally
    run: ModelRun

    @property
    def failed_checks(self) -> set[str]:
        return {name for name, count in self.tally.failed.items() if count}


@contextmanager
def model_run_against(
    wrap: Callable[[ASGIApp], ASGIApp], own_as_is: bool = False, budget: ModelBudget = BUDGET
) -> Iterator[tuple[ModelRun, CheckTally]]:
    """A model run on ``wrap(reference app)``; the tally attached.

    The faults and variations of the ForAssociate operations are written against those;
    the own operations reach them as those (own_view_faults.through_siblings), so that
    each acts on both views, as on a server that answers the own operations with the
    ForAssociate code. ``own_as_is``: the own operations reach ``wrap`` as they are (for
    the faults of the own view, and the server as it is).
    """
    if not own_as_is:
        wrap = compose(through_siblings, wrap)
    user = (f"model-{secrets.token_hex(4)}", secrets.token_urlsafe(16))
    # The run's associate itself: the caller of the own operations.
    owner = f"owner-{secrets.token_hex(4)}:{secrets.token_urlsafe(16)}"
    owners = (Identity(Scheme.BASIC, owner, associate_id=ASSOCIATE),)
    with (
        tempfile.TemporaryDirectory(prefix="model-harness-") as directory,
        serve_reference_app(wrap, Path(directory), user, owners) as base_url,
    ):
        config = schemathesis.Config.from_path(CONFIG_PATH)
        schema = schemathesis.openapi.from_path(spec_loader.spec_path(), config=config)
        schema.config.update(base_url=base_url)
        # The file's 10/s is plain st run's default for any server; this one is in-process
        # and ours, as the suite's embedded server is (schemathesis_schema.py).
        schema.config.rate_limit = None
        tally, ledger = CheckTally(), SavedCredentials()
        tally.attach(schema)
        ledger.attach(schema)
        facts = model_facts()
        session = reusable_session()
        caller = Caller(
            schema,
            session,
            {"Authorization": basic_authorization(":".join(user))},
            facts.links.json_media_type,
        )
        readers = (
            Reader("the administrator", SecretRule.HIDDEN),
            Reader("the system user", SecretRule.SHOWN, {"Authorization": SYSTEM_AUTHORIZATION}),
        )
        space = key_space(facts, ASSOCIATE, CANARY)
        owner_reader = Reader(
            f"associate {ASSOCIATE} itself",
            SecretRule.SHOWN,
            {"Authorization": basic_authorization(owner)},
        )
        run = new_run(
            facts, space, caller, readers, tally.record_judgement, ledger, budget, owner_reader
        )
        with every_request_through(session):
            yield run, tally


def compose(
    outer: Callable[[ASGIApp], ASGIApp], inner: Callable[[ASGIApp], ASGIApp]
) -> Callable[[ASGIApp], ASGIApp]:
    return lambda app: outer(inner(app))


def outcome_against(
    wrap: Callable[[ASGIApp], ASGIApp],
    concurrent: bool = False,
    own_as_is: bool = False,
    budget: ModelBudget = BUDGET,
) -> Outcome:
    """The sequences (or, ``concurrent``, the rounds of writes at once) against ``wrap``."""
    with model_run_against(wrap, own_as_is, budget) as (run, tally):
        try:
            save_residents(run)
            if concurrent:
                rounds(run, run.budget.concurrent_rounds)
            else:
                run_sequences(run, SEED)
        except ModelDifferenceError as difference:
            return Outcome(difference, tally, run)
        return Outcome(None, tally, run)


def main(arguments: list[str]) -> int:
    """``python -m fault_lab.model_harness FAULT``: the model phase against one planted
    fault, printed as a run prints it (masked)."""
    # Imported here: the fault catalogue imports this module's users, not this module.
    from fault_lab.faults import fault_named

    (name,) = arguments
    outcome = outcome_against(fault_named(name).wrap, budget=SHRUNK)
    if outcome.difference is None:
        print(f"{name}: the model phase found no difference")
        return 1
    print(outcome.difference)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
