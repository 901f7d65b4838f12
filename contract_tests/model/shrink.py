"""A bound on shrinking: hypothesis replays a failing sequence many times while it shrinks
it, and against a real server each replay costs requests.

Each difference found is kept if its sequence is the shortest so far. Once the replays
after the first difference have cost the allowance, the next replay stops hypothesis with
ShrinkAllowanceSpentError, a BaseException: hypothesis lets it through, or (raised as
a replay begins) reports the replay as flaky. Either way the shortest difference found
so far is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from contract_tests.model.report import ModelDifferenceError


class ShrinkAllowanceSpentError(BaseException):
    """Shrinking has cost its allowance of requests: report the shortest sequence so far."""


@dataclass
class ShrinkGuard:
    allowance: int  # requests that replays may send after the first difference
    shortest: ModelDifferenceError | None = None
    steps: int = 0
    first_at: int | None = None  # requests sent when the first difference was found
    spent: bool = False

    def found(self, difference: ModelDifferenceError, steps: int, sent: int) -> None:
        if self.first_at is None:
            self.first_at = sent
        if self.shortest is None or steps < self.steps:
            self.shortest, self.steps = difference, steps

    def before_replay(self, sent: int) -> None:
        if self.first_at is not None and sent - self.first_at > self.allowance:
            self.spent = True
            raise ShrinkAllowanceSpentError
