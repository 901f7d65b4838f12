"""The summary printed at the end of every run: what was tested, how, and the verdict, last.

It is made from the run's RunData, as the HTML report and summary.json are.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from _pytest.terminal import TerminalReporter

from contract_tests.baseline.ledger import BaselineOutcome, EntryView
from contract_tests.report.html_page import REPORT_PAGE
from contract_tests.report.run_data import CheckRow, CredentialsRow, RunData

# Not-removed credentials, and baseline entries, listed by name; the rest are counted.
MAX_LISTED = 10


def write_summary(terminalreporter: TerminalReporter, data: RunData, reports_dir: Path) -> None:
    terminalreporter.write_sep("=", "contract suite")
    for line in summary_lines(data, f"{reports_dir.resolve()} (open {REPORT_PAGE})"):
        terminalreporter.write_line(line)


def summary_lines(data: RunData, reports_dir: str) -> list[str]:
    where = " (the embedded reference server)" if data.embedded else ""
    lines = [f"target:      {data.target}{where}"]
    if data.tested:
        lines.append(f"seed:        {data.seed} (rerun the same cases with --seed {data.seed})")
    lines.append(f"rate limit:  {data.rate_limit}")
    if data.tested:
        lines += [f"mode:        {data.mode}", *_case_lines(data)]
        lines += _check_lines(data.checks, with_accepted=data.baseline is not None)
        lines += data.model_lines or ["model:       not run"]
        lines += _cleanup_lines(data.credentials)
        if data.baseline is not None:
            lines += _baseline_lines(data.baseline)
    lines.append(f"time:        {data.seconds} s")
    lines.append(f"reports:     {reports_dir}")
    lines.append(f"verdict:     {data.verdict.text}")
    return lines


def _counts(counts: Mapping[str, int | str]) -> str:
    return ", ".join(f"{key} {count}" for key, count in counts.items()) or "-"


def _case_lines(data: RunData) -> list[str]:
    lines = [
        f"cases:       {data.cases} (responses checked: {data.responses}; the spec's"
        " examples go twice, with and without credentials)",
    ]
    if data.breakdown is not None:
        lines += [
            f"  by phase:      {_counts(data.breakdown.by_phase)}",
            f"  by operation:  {_counts(data.breakdown.by_operation)}",
            f"  by media type: {_counts(data.breakdown.by_media_type)}",
            f"  by status:     {_counts(data.breakdown.by_status)}",
        ]
    if data.positive_with_credentials:
        lines.append(
            f"  positive cases refused (401/403): {data.positive_refused}"
            f" of {data.positive_with_credentials}"
        )
    return lines


def _check_lines(checks: list[CheckRow], with_accepted: bool) -> list[str]:
    width = max((len(row.name) for row in checks), default=0)
    accepted = "  accepted" if with_accepted else ""
    lines = [
        f"checks:      {'(responses)':<{width - 10}}  applied  failed{accepted}  not applicable"
    ]
    for row in checks:
        numbers = f"{row.applied:>7}  {row.failed:>6}"
        if with_accepted:
            numbers += f"  {row.accepted:>8}"
        lines.append(f"  {row.name:<{width}}  {numbers}  {row.not_applicable:>14}")
    return lines


def _cleanup_lines(cleanup: CredentialsRow | None) -> list[str]:
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


def _baseline_lines(baseline: BaselineOutcome) -> list[str]:
    lines = [f"baseline:    {baseline.path}: {baseline.tally()}"]
    for label, entries in (
        ("new", baseline.new),
        ("accepted", baseline.accepted),
        ("fixed", baseline.fixed),
    ):
        lines += [f"  {label + ':':<9} {_entry(entry)}" for entry in entries[:MAX_LISTED]]
        if len(entries) > MAX_LISTED:
            lines.append(f"  {label + ':':<9} ... and {len(entries) - MAX_LISTED} more")
    return lines


def _entry(entry: EntryView) -> str:
    text = f"{entry.check} on {entry.operation}"
    if entry.id:
        text = f"[{entry.id}] {text}"
    if entry.count:
        text += f", {entry.count}x"
    if entry.reason:
        text += f": {entry.reason}"
    return text
