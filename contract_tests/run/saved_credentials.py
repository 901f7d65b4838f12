"""Every credential the run saved, and its removal at the end of the run.

Which answers saved something, and how to remove it, is read from the spec's links: a
success response that links to the Remove operation maps Remove's body from the
request that got it (``$request.body#/...``). Each such answer, in any phase, records
that body, evaluated by schemathesis' own runtime-expression code. At the end each
recorded credential is removed through Remove with the run's credentials, through the
run's session (so within its rate limit).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
from schemathesis import BaseSchema, HookContext, Response
from schemathesis.core.transforms import Unresolvable
from schemathesis.generation.stateful.state_machine import StepOutput
from schemathesis.specs.openapi.expressions import evaluate

import spec_loader
from contract_tests.http_parts import AnyCase, operation_id
from contract_tests.run.target import Target

REMOVE_OPERATION = "RemoveUntrustedCredentialsForAssociate"
# A removal that does not answer within this long is reported as not removed.
REMOVE_TIMEOUT_SECONDS = 30
JSON_SUFFIX = "json"


@dataclass(frozen=True)
class NotRemoved:
    key: dict[str, Any]  # the Remove body: an associate, a type, a public value; no secret
    reason: str


@dataclass
class Cleanup:
    saved: int = 0
    removed: int = 0
    not_removed: list[NotRemoved] = field(default_factory=list)
    kept: bool = False  # --keep-data


def removal_links(spec: spec_loader.JsonObject) -> dict[tuple[str, str], dict[str, str]]:
    """(operationId, status) -> Remove's body fields and the expressions they come from."""
    links: dict[tuple[str, str], dict[str, str]] = {}
    for op in spec_loader.operations(spec):
        for status in spec_loader.response_statuses(spec, op.operation_id):
            response = spec_loader.response(spec, op.operation_id, status)
            for link in response.get("links", {}).values():
                if link.get("operationId") == REMOVE_OPERATION:
                    links[(op.operation_id, status)] = link["requestBody"]
    return links


class SavedCredentials:
    def __init__(self) -> None:
        spec = spec_loader.load_spec()
        self.links = removal_links(spec)
        remove = spec_loader.operation(spec, REMOVE_OPERATION)
        self.remove_path = remove.path
        self.remove_method = remove.method.upper()
        # The bodies are sent as JSON: the first JSON media type Remove takes.
        self.remove_media_type = next(
            media_type
            for media_type in spec_loader.request_media_types(spec, REMOVE_OPERATION)
            if media_type.endswith(JSON_SUFFIX)
        )
        self.keys: dict[str, dict[str, Any]] = {}  # by their JSON text: a save twice is one

    def attach(self, schema: BaseSchema) -> None:
        schema.hooks.register_hook_with_name(self.after_call, "after_call")

    def after_call(self, context: HookContext, case: AnyCase, response: Response) -> None:
        if not 200 <= response.status_code < 300:
            return
        expressions = self.links.get((operation_id(case), str(response.status_code)))
        if expressions is None:
            return
        output = StepOutput(response, case)
        key = {name: _evaluated(expression, output) for name, expression in expressions.items()}
        self.keys.setdefault(json.dumps(key, sort_keys=True, default=str), key)

    def remove_all(self, session: requests.Session, target: Target) -> Cleanup:
        result = Cleanup(saved=len(self.keys))
        headers = {**target.headers, "Content-Type": self.remove_media_type}
        for key in self.keys.values():
            reason = self._remove(session, target, headers, key)
            if reason is None:
                result.removed += 1
            else:
                result.not_removed.append(NotRemoved(key, reason))
        return result

    def _remove(
        self,
        session: requests.Session,
        target: Target,
        headers: Mapping[str, str],
        key: dict[str, Any],
    ) -> str | None:
        try:
            answer = session.request(
                self.remove_method,
                target.base_url + self.remove_path,
                data=json.dumps(key).encode(),
                headers=dict(headers),
                timeout=REMOVE_TIMEOUT_SECONDS,
            )
        except requests.RequestException as error:
            return f"no answer ({type(error).__name__})"
        if 200 <= answer.status_code < 300:
            return None
        return f"answered {answer.status_code}"


def _evaluated(expression: str, output: StepOutput) -> Any:
    # A path that leads nowhere (no Credentials, no PublicValue) is the null key.
    value = evaluate(expression, output)
    return None if isinstance(value, Unresolvable) else value
