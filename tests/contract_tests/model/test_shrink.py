"""shrink: the shortest difference is kept, and replays stop once they cost the allowance.

Seen failing by hand: ``found`` keeping the last difference instead of the shortest.
"""

from __future__ import annotations

import pytest

from contract_tests.model.report import ModelDifferenceError
from contract_tests.model.shrink import ShrinkAllowanceSpentError, ShrinkGuard


def difference(text: str) -> ModelDifferenceError:
    return ModelDifferenceError(text, ["a_check"])


def test_the_shortest_sequence_is_kept() -> None:
    guard = ShrinkGuard(allowance=100)
    first, shorter, longer = difference("first"), difference("shorter"), difference("longer")
    guard.found(first, steps=6, sent=40)
    guard.found(shorter, steps=3, sent=60)
    guard.found(longer, steps=5, sent=80)
    assert (guard.shortest, guard.steps, guard.first_at) == (shorter, 3, 40)


def test_replays_stop_after_the_allowance() -> None:
    guard = ShrinkGuard(allowance=10)
    guard.before_replay(sent=1000)  # no difference yet: nothing spent
    guard.found(difference("d"), steps=2, sent=50)
    guard.before_replay(sent=60)
    assert not guard.spent
    with pytest.raises(ShrinkAllowanceSpentError):
        guard.before_replay(sent=61)
    assert guard.spent
