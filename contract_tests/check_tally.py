"""Counts, per check, the responses it failed and the ones it let pass, for the reports folder.

It shows that every check ran and names the ones that failed, in a form a script can
read. "passed" includes responses a check has nothing to say about (ignored_auth looks
only at 2xx answers, for example).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from schemathesis import BaseSchema, CheckResult, HookContext, Response

from contract_tests.http_parts import AnyCase

TALLY_FILE = "checks.json"


class CheckTally:
    def __init__(self) -> None:
        self.counts: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def attach(self, schema: BaseSchema) -> None:
        schema.hooks.register_hook_with_name(self.record, "after_validate")

    def record(
        self, context: HookContext, case: AnyCase, response: Response, results: list[CheckResult]
    ) -> None:
        for result in results:
            self.counts[result.name]["failed" if result.failure is not None else "passed"] += 1

    def write(self, directory: Path) -> None:
        tally = {name: dict(counts) for name, counts in sorted(self.counts.items())}
        (directory / TALLY_FILE).write_text(json.dumps(tally, indent=2) + "\n", encoding="utf-8")
