"""How a difference from the model is printed: the numbered calls, what the model expected
beside what the server answered.

Hypothesis runs the shortest failing sequence last, so the failure it raises, and this
text with it, is the shrunk one. The calls are curl commands, masked as the run's output
is; the secrets in the two lists are masked unless the run is unsanitized.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from contract_tests.model.calls import Item, Sent
from contract_tests.model.facts import ModelFacts
from contract_tests.model.judge import Finding
from contract_tests.model.keys import Group
from contract_tests.model.state import Candidate

INDENT = "    "


class ModelDifferenceError(AssertionError):
    """The server's answers differ from the model: the message says how, and how to see it."""

    def __init__(self, message: str, checks: Sequence[str]) -> None:
        super().__init__(message)
        self.checks = tuple(checks)

    def replayed_differently(self) -> ModelDifferenceError:
        """This difference, noting that a replay of its sequence met another store."""
        return ModelDifferenceError(
            f"{self}\n\n(The sequence did not replay the same: what a faulty step left on"
            " the server outlived its sequence. It may show only after the sequences before"
            " it.)",
            self.checks,
        )


def masked(facts: ModelFacts, item: Mapping[str, Any], mask: str | None) -> dict[str, Any]:
    """``item`` with its secrets replaced by ``mask`` (schemathesis' own masking text);
    as it is when ``mask`` is None (an unsanitized run)."""
    secrets = {field.name for field in facts.links.secret_fields}
    return {
        name: value if mask is None or name not in secrets or value is None else mask
        for name, value in item.items()
    }


def expected_items(
    facts: ModelFacts, candidate: Candidate, group: Group, mask: str | None
) -> list[dict[str, Any]]:
    items = []
    for _, stored in candidate.in_group(group):
        spellings = sorted(stored.spellings)
        item = {facts.identity.name: spellings[0] if len(spellings) == 1 else spellings}
        items.append(masked(facts, {**item, **stored.carrier}, mask))
    return items


def _listed(items: Sequence[Mapping[str, Any]]) -> str:
    if not items:
        return f"{INDENT}(none)"
    return "\n".join(f"{INDENT}{json.dumps(dict(item), ensure_ascii=False)}" for item in items)


def calls_text(calls: Sequence[Sent]) -> str:
    lines = []
    for number, sent in enumerate(calls, start=1):
        lines.append(f"  {number}. {sent.what} -> {sent.response.status_code}")
        lines.append(f"{INDENT}  {sent.curl()}")
    return "\n".join(lines)


def difference_report(
    facts: ModelFacts,
    findings: Sequence[Finding],
    calls: Sequence[Sent],
    expected: tuple[Candidate, Group] | None,
    answered: Sequence[Item] | None,
    mask: str | None,
) -> ModelDifferenceError:
    """The failure of one sequence: ``calls`` are its steps, the last one the call that
    showed it."""
    lines = ["the server's answers differ from the model:"]
    lines += [f"  - {finding.text} [{finding.check}]" for finding in findings]
    lines += [
        "",
        "The shortest sequence found (after every step each (AssociateId, Type) touched was"
        " read; only the read that differed is shown):",
        calls_text(calls),
    ]
    if expected is not None:
        candidate, group = expected
        fields = {facts.associate_field: group[0], facts.kind_field: group[1]}
        lines += [
            "",
            f"The model expected ({candidate.comparison.describe()}), for {fields}:",
            _listed(expected_items(facts, candidate, group, mask)),
        ]
    if answered is not None:
        lines += [
            "The server answered:",
            _listed([masked(facts, item, mask) for item in answered]),
        ]
    return ModelDifferenceError("\n".join(lines), [finding.check for finding in findings])
