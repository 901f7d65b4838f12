"""The stateful phase: sequences of calls chained by the spec's links (Save -> Get, Save -> Remove).

``schema.parametrize()`` never runs it; under pytest only ``as_state_machine()`` does.
Every step goes through the suite's session with the run's credentials and is judged by
the same checks as the other phases, the read-back checks included. How many scenarios
and how many steps each is schemathesis.toml's ``[phases.stateful]``, which ``st run``
reads too; the seed is the run's.
"""

from __future__ import annotations

from typing import Any

import hypothesis
import requests
from schemathesis import BaseSchema, Response
from schemathesis.checks import CheckFunction
from schemathesis.specs.openapi.checks import ignored_auth

from contract_tests.cases.lossy_encodings import arrives_as_generated
from contract_tests.facts.save_links import effect_facts
from contract_tests.http_parts import AnyCase, operation_id
from contract_tests.run.options import ContractOptions
from contract_tests.run.target import Target
from contract_tests.run_state import RunState


def test_linked_calls_keep_the_contract(
    contract_schema: BaseSchema,
    contract_options: ContractOptions,
    contract_target: Target,
    contract_session: requests.Session,
    contract_run_state: RunState,
) -> None:
    machine: Any = contract_schema.as_state_machine()

    class Scenario(machine):  # type: ignore[misc]
        def before_call(self, case: AnyCase) -> None:
            # A linked value comes from an earlier answer, after the case filters ran: one
            # that XML or form data cannot carry as it is (an integral 42.0 for an
            # integer) goes as JSON, where the other phases would have left the case out.
            media_type = case.media_type
            if media_type and not arrives_as_generated(operation_id(case), media_type, case.body):
                case.media_type = effect_facts().json_media_type

        def get_call_kwargs(self, case: AnyCase) -> dict[str, Any]:
            return {"session": contract_session, "headers": contract_target.headers}

        def validate_response(
            self,
            response: Response,
            case: AnyCase,
            additional_checks: list[CheckFunction] | None = None,
            **kwargs: Any,
        ) -> None:
            # As in the other phases: an operation's auth, once confirmed, is not probed again.
            confirmed = case.operation.label in contract_run_state.auth_confirmed
            case.validate_response(
                response,
                additional_checks=additional_checks,
                excluded_checks=[ignored_auth] if confirmed else None,
                transport_kwargs=kwargs,
                recorder=self.recorder,
            )

    configured = contract_schema.config.get_hypothesis_settings(
        phase="stateful", apply_ci_profile=False
    )
    # As st run's stateful phase has them: no deadline, no health checks.
    settings = hypothesis.settings(
        configured, deadline=None, suppress_health_check=list(hypothesis.HealthCheck)
    )
    hypothesis.seed(contract_options.seed)(Scenario).run(settings=settings)
