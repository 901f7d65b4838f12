"""Every credential the run saved, and its removal at the end of the run.

Which answers saved something, and how to remove it, is read from the spec's links: a
success response with a ``Remove`` link maps the body of the Remove it names (the
ForAssociate one, or the caller's own) from the request that got it
(``$request.body#/...``). Each such answer, in any phase, records that body, evaluated
by schemathesis' own runtime-expression code. At the end each recorded credential is
removed through its Remove with the run's credentials, through the run's session (so
within its rate limit).
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
from spec_loader.links import REMOVE_LINK, Link, response_links
from spec_loader.media_types import default_json
from spec_loader.statuses import is_success

# A removal that does not answer within this long is reported as not removed.
REMOVE_TIMEOUT_SECONDS = 30


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


def removal_links(spec: spec_loader.JsonObject) -> dict[tuple[str, str], Link]:
    """(operationId, status) -> its Remove link: the Remove it names (the ForAssociate one,
    or the caller's own), and the body it maps from the save's request."""
    return {
        (found.operation_id, found.status): found.link
        for found in response_links(spec)
        if found.name == REMOVE_LINK
    }


@dataclass(frozen=True)
class RemoveCall:
    """How a Remove is sent: its method and path, and its body as JSON."""

    method: str
    path: str
    media_type: str  # the first JSON media type the Remove takes

    @classmethod
    def of(cls, spec: spec_loader.JsonObject, operation_id: str) -> RemoveCall:
        remove = spec_loader.operation(spec, operation_id)
        media_type = default_json(spec_loader.request_media_types(spec, operation_id))
        return cls(remove.method.upper(), remove.path, media_type)


class SavedCredentials:
    def __init__(self) -> None:
        spec = spec_loader.load_spec()
        self.links = removal_links(spec)
        self.removes = {
            link.operation_id: RemoveCall.of(spec, link.operation_id)
            for link in self.links.values()
        }
        # By the Remove and its body's JSON text: a save twice is one.
        self.keys: dict[str, tuple[str, dict[str, Any]]] = {}
        # Keys the run removed itself (the model phase): counted, not removed again.
        self.removed_already: set[str] = set()

    def attach(self, schema: BaseSchema) -> None:
        schema.hooks.register_hook_with_name(self.after_call, "after_call")

    def after_call(self, context: HookContext, case: AnyCase, response: Response) -> None:
        if not is_success(response.status_code):
            return
        link = self.links.get((operation_id(case), str(response.status_code)))
        if link is None:
            return
        output = StepOutput(response, case)
        self.record(
            link.operation_id,
            {name: _evaluated(expression, output) for name, expression in link.expressions.items()},
        )

    def record(self, remove_id: str, key: dict[str, Any]) -> None:
        """Remember a saved credential by its Remove and body, to remove it at the end."""
        text = _text(remove_id, key)
        self.keys.setdefault(text, (remove_id, key))
        self.removed_already.discard(text)

    def forget(self, remove_id: str, *keys: dict[str, Any]) -> None:
        """The run removed these credentials itself: counted as removed, not removed again."""
        for key in keys:
            if _text(remove_id, key) in self.keys:
                self.removed_already.add(_text(remove_id, key))

    def remove_all(
        self, session: requests.Session, base_url: str, headers: Mapping[str, str]
    ) -> Cleanup:
        """Remove every key recorded, at ``base_url`` with ``headers`` (the run's credentials)."""
        result = Cleanup(saved=len(self.keys), removed=len(self.removed_already))
        for text, (remove_id, key) in self.keys.items():
            if text in self.removed_already:
                continue
            reason = self._remove(session, base_url, headers, self.removes[remove_id], key)
            if reason is None:
                result.removed += 1
            else:
                result.not_removed.append(NotRemoved(key, reason))
        return result

    def _remove(
        self,
        session: requests.Session,
        base_url: str,
        headers: Mapping[str, str],
        remove: RemoveCall,
        key: dict[str, Any],
    ) -> str | None:
        try:
            answer = session.request(
                remove.method,
                base_url + remove.path,
                data=json.dumps(key).encode(),
                headers={**headers, "Content-Type": remove.media_type},
                timeout=REMOVE_TIMEOUT_SECONDS,
            )
        except requests.RequestException as error:
            return f"no answer ({type(error).__name__})"
        if is_success(answer.status_code):
            return None
        return f"answered {answer.status_code}"


def _text(remove_id: str, key: dict[str, Any]) -> str:
    return json.dumps([remove_id, key], sort_keys=True, default=str)


def _evaluated(expression: str, output: StepOutput) -> Any:
    # A path that leads nowhere (no Credentials, no PublicValue) is the null key.
    value = evaluate(expression, output)
    return None if isinstance(value, Unresolvable) else value
