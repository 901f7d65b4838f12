"""Counts, per check, the responses it applied to and the ones it failed, for checks.json.

A check that had nothing to check on a response (a 401 for a check about 204 bodies)
did not apply to it: it says so by returning a true value, which is schemathesis'
convention for "skipped" (schemathesis then records no result for it). Such responses
are counted as "not applicable", apart from "applied". ignored_auth is not run at all
once it has confirmed an operation's authentication (see run_state.py), and those
responses count as "not applicable" too.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from schemathesis import BaseSchema, CheckResult, HookContext, Response
from schemathesis.reporting.html.build import enabled_checks

from contract_tests.http_parts import AnyCase

TALLY_FILE = "checks.json"
APPLIED = "applied"
FAILED = "failed"
NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class CheckCount:
    name: str
    applied: int
    failed: int
    not_applicable: int

    def as_json(self) -> dict[str, int]:
        return {APPLIED: self.applied, FAILED: self.failed, NOT_APPLICABLE: self.not_applicable}


class CheckTally:
    def __init__(self) -> None:
        self.enabled: list[str] = []
        self.responses = 0
        self.applied: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()

    def attach(self, schema: BaseSchema) -> None:
        self.enabled = enabled_checks(schema.config.checks_config_for())
        schema.hooks.register_hook_with_name(self.record, "after_validate")

    def record(
        self, context: HookContext, case: AnyCase, response: Response, results: list[CheckResult]
    ) -> None:
        self.responses += 1
        # A check with several failures on one response still applied to it once.
        self.applied.update({result.name for result in results})
        self.failed.update({result.name for result in results if result.failure is not None})

    def record_judgement(self, name: str, failed: bool) -> None:
        """One judgement of a check the suite makes outside schemathesis (the model phase's),
        on a response already counted."""
        self.applied[name] += 1
        self.failed[name] += failed

    def counts(self) -> list[CheckCount]:
        names = sorted({*self.enabled, *self.applied})
        return [
            CheckCount(
                name,
                self.applied[name],
                self.failed[name],
                max(self.responses - self.applied[name], 0),
            )
            for name in names
        ]

    def write(self, directory: Path) -> None:
        tally = {count.name: count.as_json() for count in self.counts()}
        (directory / TALLY_FILE).write_text(json.dumps(tally, indent=2) + "\n", encoding="utf-8")
