"""What the summary shows of the model-based phase, counted as it runs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from contract_tests.model.keys import Key
from contract_tests.model.readers import SecretRule


@dataclass
class ModelTally:
    sequences: int = 0
    steps: int = 0
    keys_touched: set[Key] = field(default_factory=set)
    # Gets of one (AssociateId, Type) compared with the model, and of those the canary's.
    comparisons: int = 0
    canary_checks: int = 0
    # Comparisons through, or after a write through, the caller's own view.
    own_view_checks: int = 0
    # The associate the caller's own operations act on; None: the run has no own view.
    own_associate: int | None = None
    concurrent_rounds: int = 0
    # For the run's identity: how often a saved secret came back shown or hidden.
    secrets_seen: Counter[SecretRule] = field(default_factory=Counter)
    # What the phase could not check in this run, and why.
    not_checked: list[str] = field(default_factory=list)
    # How the server compared key texts, where a sequence showed it: sequences per way.
    key_comparisons: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        lines = [
            f"model:       {self.sequences} sequences, {self.steps} steps,"
            f" {len(self.keys_touched)} keys touched, {self.comparisons} state comparisons"
            f" ({self.canary_checks} of the canary associate's),"
            f" {self.concurrent_rounds} rounds of writes at once"
        ]
        if self.own_associate is not None:
            lines.append(
                f"  own operations act on associate {self.own_associate}:"
                f" {self.own_view_checks} comparisons of its own view"
            )
        lines += [f"  not checked: {reason}" for reason in self.not_checked]
        if self.key_comparisons:
            shown = ", ".join(
                f"{way} ({count} of {self.sequences} sequences)"
                for way, count in sorted(self.key_comparisons.items())
            )
            lines.append(f"  key texts, as the server compared them: {shown}")
        if self.secrets_seen:
            counts = ", ".join(
                f"{rule.value} {count}x"
                for rule, count in sorted(self.secrets_seen.items(), key=str)
            )
            lines.append(f"  secrets: SecretValue as the run's identity read it back: {counts}")
        return lines
