"""The request budget: coverage-phase cases that no check could tell from one already sent.

Against a real server the suite runs at about 10 requests a second, so a run costs what
it sends. The coverage phase makes each of its variants once per request media type:
seven of them, in three encodings. The four JSON types (``application/json``,
``text/json`` and the ``+json`` types) put the same bytes on the wire, and so do the two
XML ones; only the ``Content-Type`` differs. By default (the budget mode):

- a valid coverage case goes once per encoding, after the first valid case of each media
  type of its operation (every type is seen accepted; the fuzzing phase still sends
  every type, valid and invalid);
- a case of the spec's examples goes once per operation and encoding (with the run's
  credentials and without: where the 401 itself is judged);
- an invalid coverage case goes once: a variant already sent in another media type, of
  any encoding, is left out (the fuzzing phase still sends invalid cases in every type).

A case is the same as an earlier one when it makes the same request up to the media
type: same operation, method, query, headers, cookies and body.

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
from contract_tests.http_parts import AnyCase
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


def request_fingerprint(case: AnyCase, within_encoding: bool) -> str:
    """What the server receives from ``case``, up to the media type (``within_encoding``:
    within the same encoding)."""
    parts = {
        "operation": case.operation.label,
        "method": case.method,
        "path": _sorted_items(case.path_parameters),
        "query": _sorted_items(case.query),
        # A Content-Type given as a header (not the media type) is part of the request.
        "headers": _sorted_items(case.headers),
        "cookies": _sorted_items(case.cookies),
        "encoding": encoding(case.media_type) if within_encoding else None,
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
        # (operation, media type) pairs a valid coverage case was sent in.
        self.accepted_types = FirstOnly()
        self.examples = FirstOnly()

    def admits(self, case: AnyCase, phase: str | None, positive: bool = False) -> bool:
        """Whether ``case`` of ``phase`` is sent."""
        if self.thorough or phase != COVERAGE_PHASE:
            return True
        if positive and self.accepted_types.admits(f"{case.operation.label} {case.media_type}"):
            return True
        return self.coverage_requests.admits(request_fingerprint(case, within_encoding=positive))

    def sends_example(self, case: AnyCase) -> bool:
        """Whether a case of the spec's examples is sent: once per operation and encoding.

        schemathesis gives the examples phase no filter_case hook, so the test asks here.
        """
        if self.thorough:
            return True
        return self.examples.admits(f"{case.operation.label} {encoding(case.media_type)}")

    def describe(self) -> str:
        """The summary's line: the mode, and what it left out."""
        if self.thorough:
            return "thorough (every case, the longer model phase)"
        return (
            f"budget (left out: {self.coverage_requests.turned_away} coverage cases and"
            f" {self.examples.turned_away} examples repeating a request; --thorough sends them,"
            " and runs the model phase longer)"
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
