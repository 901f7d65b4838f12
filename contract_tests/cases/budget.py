"""The request budget: coverage-phase cases that no check could tell from one already sent.

Against a real server the suite runs at about 10 requests a second, so a run costs what
it sends. The coverage phase makes each of its variants once per request media type,
and several of those types carry a body in the same encoding: the four JSON ones
(``application/json``, ``text/json`` and the ``+json`` types) put the same bytes on the
wire, and so do the two XML ones, only the ``Content-Type`` differs. By default (the
budget mode) a coverage case is sent only if no earlier coverage case of the run made
the same request up to that: same operation, method, query, headers, cookies and body,
and a media type of the same encoding. Only invalid cases are left out: every valid one
goes in its own media type, so each type is seen accepted, and the examples and fuzzing
phases still send every media type, valid and invalid; the coverage phase still sends
every invalid variant once per encoding.

The read-back (effects/read_back.py: Get, Remove, Get again, three requests per accepted save)
is made likewise for the first accepted save of each shape only: the same encoding,
and per carrier field the same JSON type (left out, null, empty text, text, ...) and,
for a boolean, the same value. A server that drops a field, moves a date, flips a flag
or stores nothing does so for every save of a shape, so the first one shows it; the
saves not read back are still removed at the end of the run (run/saved_credentials.py).

``--thorough`` (``CONTRACT_THOROUGH=1``) sends every case, as before: for a nightly
run. ``st run`` reads the variable too, since schemathesis.toml loads this hook.
"""

from __future__ import annotations

import json
import os
from typing import Any

import schemathesis
from schemathesis import GenerationMode, HookContext

from contract_tests import run_state
from contract_tests.facts.save_links import effect_facts
from contract_tests.http_parts import AnyCase
from spec_loader.documents import MISSING, json_type, value_at
from spec_loader.media_types import body_syntax, essence

THOROUGH_ENV_VAR = "CONTRACT_THOROUGH"
# How a switch says yes, by environment variable or flag (run/options.py reads its switches so too).
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
COVERAGE_PHASE = "coverage"


def encoding(media_type: str | None) -> str | None:
    """The wire encoding of a body in ``media_type``: one name for every JSON or XML type."""
    if media_type is None:
        return None
    return body_syntax(media_type) or essence(media_type)


def _sorted_items(mapping: Any) -> list[Any]:
    if not mapping:
        return []
    return sorted((str(key).lower(), repr(value)) for key, value in dict(mapping).items())


def carrier_shape(case: AnyCase) -> str:
    """What the read-back checks can tell apart between two accepted saves of ``case``'s kind."""
    facts = effect_facts()
    carrier = value_at(case.body, facts.carrier_path)
    fields = {}
    for field in (*facts.compared_fields, *facts.secret_fields):
        value = carrier.get(field.name, MISSING) if isinstance(carrier, dict) else MISSING
        kind = "missing" if value is MISSING else json_type(value)
        if value == "" or isinstance(value, bool):
            kind = f"{kind} {value!r}"
        fields[field.name] = kind
    return json.dumps({"encoding": encoding(case.media_type), "fields": fields}, sort_keys=True)


def request_fingerprint(case: AnyCase) -> str:
    """What the server receives from ``case``, up to the media type within one encoding."""
    parts = {
        "operation": case.operation.label,
        "method": case.method,
        "path": _sorted_items(case.path_parameters),
        "query": _sorted_items(case.query),
        # A Content-Type given as a header (not the media type) is part of the request.
        "headers": _sorted_items(case.headers),
        "cookies": _sorted_items(case.cookies),
        "encoding": encoding(case.media_type),
        "body": repr(case.body),
    }
    return json.dumps(parts, sort_keys=True, default=repr)


class FirstOnly:
    """Admits the first of each kind and counts the others it turns away."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.turned_away = 0

    def admits(self, kind: str) -> bool:
        if kind in self.seen:
            self.turned_away += 1
            return False
        self.seen.add(kind)
        return True


class Budget:
    """What this run leaves out: nothing when thorough."""

    def __init__(self, thorough: bool) -> None:
        self.thorough = thorough
        self.coverage_requests = FirstOnly()
        self.read_back_shapes = FirstOnly()

    def admits(self, case: AnyCase, phase: str | None, positive: bool = False) -> bool:
        """Whether ``case`` of ``phase`` is sent. Valid cases always are: each media type
        must be seen accepted, and the read-back is budgeted on its own."""
        if self.thorough or positive or phase != COVERAGE_PHASE:
            return True
        return self.coverage_requests.admits(request_fingerprint(case))

    def reads_back(self, case: AnyCase) -> bool:
        """Whether the accepted save of ``case`` is read back."""
        return self.thorough or self.read_back_shapes.admits(carrier_shape(case))

    def describe(self) -> str:
        """The summary's line: the mode, and what it left out."""
        if self.thorough:
            return "thorough (every case, every read-back)"
        return (
            f"budget (left out: {self.coverage_requests.turned_away} coverage cases repeating"
            f" a request, {self.read_back_shapes.turned_away} read-backs of a shape already"
            " read back; --thorough sends them)"
        )


def switched_on(value: str | None) -> bool:
    """Whether a switch's value (an environment variable's, a flag's) says yes."""
    return (value or "").strip().lower() in TRUE_WORDS


def thorough_from_environment() -> bool:
    return switched_on(os.environ.get(THOROUGH_ENV_VAR))


@schemathesis.hook
def filter_case(context: HookContext, case: AnyCase) -> bool:
    if case.meta is None:
        return True
    positive = case.meta.generation.mode == GenerationMode.POSITIVE
    return run_state.current().budget.admits(case, case.meta.phase.name.value, positive)
