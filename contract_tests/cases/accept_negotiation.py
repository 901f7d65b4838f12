"""Send an ``Accept`` header to operations that answer in more than one media type.

The spec does not declare ``Accept`` as a parameter (OpenAPI ignores one so named), so
schemathesis would never send it, and a Get would only ever be answered in its default
media type. Each such case asks for one of the documented media types, or for none,
in turn: every type is asked for about as often, however few cases a run makes (a pick
by a hash of the case left one type out of a short run's accepted Gets), and the same
seed, which makes the same cases in the same order, sends the same ``Accept`` again. The
built-in checks then hold the answer to the spec: content_type_conformance to one of
the documented types, response_schema_conformance to the schema.
"""

from __future__ import annotations

import functools

import schemathesis
from requests.structures import CaseInsensitiveDict
from schemathesis import HookContext

import spec_loader
from contract_tests import run_state
from contract_tests.http_parts import AnyCase, operation_id
from spec_loader.statuses import is_success

ACCEPT = "Accept"


@functools.cache
def answer_media_types() -> dict[str, tuple[str, ...]]:
    """For each operation whose success answers have several media types: those types."""
    spec = spec_loader.load_spec()
    found = {}
    for op in spec_loader.operations(spec):
        types = {
            media_type
            for status in spec_loader.response_statuses(spec, op.operation_id)
            if is_success(status)
            for media_type in spec_loader.response(spec, op.operation_id, status).get("content", {})
        }
        if len(types) > 1:
            found[op.operation_id] = tuple(sorted(types))
    return found


def accept_for(turn: int, media_types: tuple[str, ...]) -> str | None:
    """One of ``media_types``, or None (no Accept at all), for the case of this turn."""
    choices = (None, *media_types)
    return choices[turn % len(choices)]


@schemathesis.hook
def map_case(context: HookContext, case: AnyCase) -> AnyCase:
    media_types = answer_media_types().get(operation_id(case))
    if case.headers is None:
        case.headers = CaseInsensitiveDict()
    if media_types is None or ACCEPT in case.headers:
        return case
    accept = accept_for(next(run_state.current().accept_turns[operation_id(case)]), media_types)
    if accept is not None:
        case.headers[ACCEPT] = accept
    return case
