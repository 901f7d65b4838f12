"""What one run remembers as it goes: one object per run, instead of a global per module.

A run is one process: pytest's or ``st run``'s. Each creates its run once:
contract_tests.hooks when schemathesis loads it (``st run`` has none of the suite's
options, so its run is set from the environment), and conftest.py once more for the
pytest session, from the suite's options. schemathesis calls the case hooks and the
checks as plain functions, with no place for state of ours, so they find it here.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only named here: the modules that define them look their run up in this one.
    from contract_tests.cases.budget import Budget


def _turns() -> defaultdict[str, itertools.count[int]]:
    return defaultdict(itertools.count)


@dataclass
class RunState:
    budget: Budget
    # How many cases of each operation have been given their Accept so far
    # (cases/accept_negotiation.py).
    accept_turns: defaultdict[str, itertools.count[int]] = field(default_factory=_turns)
    # Operations whose authentication ignored_auth has confirmed in this run. Enforcement
    # is a property of the operation, so, as `st run` does, later cases skip the check and
    # its five probe requests per accepted case (a third of the suite's time otherwise).
    auth_confirmed: set[str] = field(default_factory=set)


_current: RunState | None = None


def start(state: RunState) -> RunState:
    """Make ``state`` the process's run, in place of the one before."""
    global _current
    _current = state
    return state


def current() -> RunState:
    if _current is None:
        raise RuntimeError("no run started: importing contract_tests.hooks starts one")
    return _current
