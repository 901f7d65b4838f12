"""Counts the responses of a run by phase, operation, media type and status, for the summary.

A case is one request schemathesis made; the spec's examples are sent twice (with the
run's credentials and without, see test_contract.py), so there are a few more
responses than cases.

It also counts the positive cases sent with the run's credentials that were refused
(401, 403). A server that refuses most of them was not tested at all: every check
passes on a refusal. The run then fails, with a message that says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from schemathesis import BaseSchema, CheckResult, GenerationMode, HookContext, Response

from contract_tests.http_parts import AnyCase, operation_id, request_header
from spec_loader.statuses import is_refused

NO_BODY = "(no body)"
# The model phase validates cases it makes itself, which schemathesis gives no phase.
NO_PHASE = "model"


class CaseTally:
    def __init__(self, credentials: Mapping[str, str]) -> None:
        self.credentials = dict(credentials)
        self.by_phase: Counter[str] = Counter()
        self.by_operation: Counter[str] = Counter()
        self.by_media_type: Counter[str] = Counter()
        self.by_status: Counter[int] = Counter()
        self.case_ids: set[str] = set()
        self.positive_with_credentials = 0
        self.positive_refused = 0

    def attach(self, schema: BaseSchema) -> None:
        schema.hooks.register_hook_with_name(self.record, "after_validate")

    @property
    def responses(self) -> int:
        return self.by_operation.total()

    @property
    def cases(self) -> int:
        return len(self.case_ids)

    def record(
        self, context: HookContext, case: AnyCase, response: Response, results: list[CheckResult]
    ) -> None:
        self.case_ids.add(case.id)
        self.by_phase[case.meta.phase.name.value if case.meta else NO_PHASE] += 1
        self.by_operation[operation_id(case)] += 1
        self.by_media_type[case.media_type or NO_BODY] += 1
        self.by_status[response.status_code] += 1
        positive = case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE
        sent = response.request
        if positive and all(
            request_header(sent, name) == value for name, value in self.credentials.items()
        ):
            self.positive_with_credentials += 1
            self.positive_refused += is_refused(response.status_code)

    def mostly_refused(self) -> bool:
        return 2 * self.positive_refused > self.positive_with_credentials > 0
