"""The summary printed at the end of every run: what was tested, how, and the verdict."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from contract_tests.report.case_tally import CaseTally
from contract_tests.report.check_tally import CheckCount
from contract_tests.run.saved_credentials import Cleanup

# Not-removed credentials listed by name; the rest are counted.
MAX_LISTED = 10


@dataclass(frozen=True)
class RunFacts:
    target_url: str  # never with credentials: run/options.py refuses a URL holding them
    embedded: bool
    seed: int
    rate_limit: str
    # How the budget mode or --thorough went (cases/budget.py); filled in at the end.
    mode: str = ""


def summary_lines(
    facts: RunFacts,
    cases: CaseTally,
    checks: list[CheckCount],
    cleanup: Cleanup | None,
    verdict: str,
    model: list[str] | None = None,
) -> list[str]:
    where = " (the embedded reference server)" if facts.embedded else ""
    lines = [
        f"target:      {facts.target_url}{where}",
        f"seed:        {facts.seed} (rerun the same cases with --seed {facts.seed})",
        f"rate limit:  {facts.rate_limit}",
        f"mode:        {facts.mode}",
        f"cases:       {cases.cases} (responses checked: {cases.responses}; the spec's"
        " examples go twice, with and without credentials)",
        f"  by phase:      {_counts(cases.by_phase)}",
        f"  by operation:  {_counts(cases.by_operation)}",
        f"  by media type: {_counts(cases.by_media_type)}",
        f"  by status:     {_counts(cases.by_status)}",
    ]
    if cases.positive_with_credentials:
        lines.append(
            f"  positive cases refused (401/403): {cases.positive_refused}"
            f" of {cases.positive_with_credentials}"
        )
    width = max((len(count.name) for count in checks), default=0)
    lines.append(f"checks:      {'(responses)':<{width - 10}}  applied  failed  not applicable")
    for count in checks:
        numbers = f"{count.applied:>7}  {count.failed:>6}  {count.not_applicable:>14}"
        lines.append(f"  {count.name:<{width}}  {numbers}")
    lines += model or ["model:       not run"]
    lines += _cleanup_lines(cleanup)
    lines.append(f"verdict:     {verdict}")
    return lines


def _counts(counter: Counter[str] | Counter[int]) -> str:
    items = sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))
    return ", ".join(f"{key} {count}" for key, count in items) or "-"


def _cleanup_lines(cleanup: Cleanup | None) -> list[str]:
    if cleanup is None:
        return ["credentials: none saved"]
    if cleanup.kept:
        return [f"credentials: {cleanup.saved} saved, kept on the server (--keep-data)"]
    lines = [f"credentials: {cleanup.saved} saved, {cleanup.removed} removed"]
    if cleanup.not_removed:
        lines.append(f"  NOT removed ({len(cleanup.not_removed)}):")
        lines += [f"    {item.key} ({item.reason})" for item in cleanup.not_removed[:MAX_LISTED]]
        if len(cleanup.not_removed) > MAX_LISTED:
            lines.append(f"    ... and {len(cleanup.not_removed) - MAX_LISTED} more")
    return lines
