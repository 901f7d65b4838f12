"""The contract: every case schemathesis makes from the spec, against the target server.

schemathesis runs the examples, coverage and fuzzing phases with positive and negative
data, and call_and_validate runs every check enabled in schemathesis.toml (all the
built-in ones and contract_tests/checks/responses.py). A violation fails the test with a curl
command that reproduces it.
"""

from __future__ import annotations

import requests
import schemathesis
from schemathesis.specs.openapi.checks import ignored_auth

from contract_tests.http_parts import AnyCase
from contract_tests.run.target import Target
from contract_tests.run_state import RunState
from spec_loader.statuses import is_success

schema = schemathesis.pytest.from_fixture("contract_schema")

# The phase name schemathesis gives the cases made from the spec's examples.
EXAMPLES_PHASE = "examples"


@schema.parametrize()
def test_server_keeps_the_contract(
    case: AnyCase,
    contract_target: Target,
    contract_session: requests.Session,
    contract_run_state: RunState,
) -> None:
    example = case.meta is not None and case.meta.phase.name == EXAMPLES_PHASE
    if example and not contract_run_state.budget.sends_example(case):
        return  # the same example sent in a sibling media type already (cases/budget.py)
    # Given per call, the credentials count as the valid ones: ignored_auth then checks
    # that the server refuses the same request without them and with made-up ones.
    # ignored_auth runs until it has confirmed the operation's authentication (run_state.py).
    confirmed = case.operation.label in contract_run_state.auth_confirmed
    response = case.call_and_validate(
        session=contract_session,
        headers=contract_target.headers,
        excluded_checks=[ignored_auth] if confirmed else None,
    )
    # Reached only when every check passed, ignored_auth included, on this accepted case.
    if is_success(response.status_code):
        contract_run_state.auth_confirmed.add(case.operation.label)
    if example:
        # ignored_auth looks only at the status of its probes, so the refusal itself
        # (401 with WWW-Authenticate, error body, media type) is checked here, on the
        # spec's examples sent without credentials.
        case.call_and_validate(session=contract_session)
