"""Everything a run's summary says, gathered once at its end: the terminal summary, the HTML
report and ``summary.json`` all show this one record, so they cannot disagree.

The model phase feeds its own numbers in: its tally (model/tally.py), which it puts in
the run's record, gives the summary its lines and the report and summary.json its
counts (report/run_report.py, ``model_numbers``).
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contract_tests.baseline.ledger import BaselineOutcome
from contract_tests.report.verdict import Verdict
from contract_tests.report.violations import Violation

SUMMARY_FILE = "summary.json"


@dataclass(frozen=True)
class CheckRow:
    name: str
    applied: int
    failed: int
    not_applicable: int
    accepted: int = 0  # violations of this check the baseline accepted


@dataclass(frozen=True)
class NotRemovedRow:
    key: str  # the Remove body as JSON: an associate, a type, a public value; never a secret
    reason: str


@dataclass(frozen=True)
class CredentialsRow:
    saved: int
    removed: int
    kept: bool  # --keep-data
    not_removed: list[NotRemovedRow] = field(default_factory=list)


@dataclass(frozen=True)
class Breakdown:
    """Responses checked, counted four ways; each way adds up to all of them."""

    by_phase: dict[str, int]
    by_operation: dict[str, int]
    by_media_type: dict[str, int]
    by_status: dict[str, int]

    @staticmethod
    def ordered(counter: Counter[str] | Counter[int]) -> dict[str, int]:
        """Most first, then by name: the order the summary prints them in."""
        items = sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))
        return {str(key): count for key, count in items}


@dataclass(frozen=True)
class RunData:
    target: str  # never with credentials: the options refuse a URL holding them
    embedded: bool
    seed: int
    rate_limit: str
    mode: str
    started: str  # UTC, ISO 8601
    seconds: float  # from the start of pytest's session to the verdict
    verdict: Verdict
    tested: bool  # False when the run stopped before its first case
    cases: int = 0
    responses: int = 0
    breakdown: Breakdown | None = None
    positive_refused: int = 0
    positive_with_credentials: int = 0
    checks: list[CheckRow] = field(default_factory=list)
    credentials: CredentialsRow | None = None
    secrets_seen: dict[str, int] = field(default_factory=dict)
    model_phase: dict[str, int | str] | None = None
    model_lines: list[str] = field(default_factory=list)  # the model phase's summary lines
    baseline: BaselineOutcome | None = None
    violations: list[Violation] = field(default_factory=list)
    violations_left_out: int = 0
    # Label -> path relative to the reports folder, of each report file the run wrote.
    reports: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["verdict"] = {
            "exit_code": int(self.verdict.exit),
            "word": self.verdict.word,
            "text": self.verdict.text,
        }
        return data

    def write(self, directory: Path) -> Path:
        path = directory / SUMMARY_FILE
        text = json.dumps(self.as_json(), indent=2, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")
        return path
