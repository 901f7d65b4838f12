"""What the kill matrix runs the suite against: planted faults, and conformant variations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp

# The pytest -k expression of the model-based phase (contract_tests/test_model.py).
MODEL_PHASE = "test_model"
# The pytest -k expression of the examples, coverage and fuzzing phases, every operation's
# cases (contract_tests/test_contract.py), without the stateful and model-based phases.
CASE_PHASES = "test_server_keeps_the_contract"
# The pytest -k expression of the stateful phase (contract_tests/test_stateful.py).
STATEFUL_PHASE = "test_stateful"


@dataclass(frozen=True)
class Fault:
    """Breaks one part of the contract; the suite must fail, ``caught_by`` among its checks."""

    name: str
    breaks: str
    caught_by: str
    wrap: Callable[[ASGIApp], ASGIApp]
    # A pytest -k expression: the phase that hosts ``caught_by``, run alone, where the
    # other phases cannot see the fault and would only add time.
    only: str | None = None


@dataclass(frozen=True)
class Variation:
    """Answers differently from the reference server in a way the spec allows: the suite
    must pass it."""

    name: str
    changes: str
    wrap: Callable[[ASGIApp], ASGIApp]
