"""The run's violations, each once, with the curl command that reproduces it, for the report.

Violations the baseline accepts never get here: its filter drops them first. The
reproduction is masked as the printed one is (schemathesis.toml's sanitization, off
only with --unsanitized).
"""

from __future__ import annotations

from dataclasses import dataclass

from schemathesis import BaseSchema, CheckResult, HookContext, Response

from contract_tests.baseline.fingerprint import identity
from contract_tests.http_parts import AnyCase

# Enough to show every kind a faulty server has; a few hundred of one kind say no more.
MAX_KEPT = 50
NO_PHASE = "(none)"


@dataclass(frozen=True)
class Violation:
    check: str
    operation: str
    phase: str
    title: str
    message: str
    reproduction: str


class ViolationLog:
    def __init__(self) -> None:
        self.violations: list[Violation] = []
        self.seen: set[object] = set()
        self.left_out = 0  # kinds beyond MAX_KEPT

    def attach(self, schema: BaseSchema) -> None:
        schema.hooks.register_hook_with_name(self.record, "after_validate")

    def record(
        self, context: HookContext, case: AnyCase, response: Response, results: list[CheckResult]
    ) -> None:
        for result in results:
            if result.failure is None:
                continue
            key = identity(result.failure, result.name)
            if key in self.seen:
                continue
            self.seen.add(key)
            if len(self.violations) >= MAX_KEPT:
                self.left_out += 1
                continue
            self.violations.append(
                Violation(
                    check=result.name,
                    operation=case.operation.label,
                    phase=case.meta.phase.name.value if case.meta else NO_PHASE,
                    title=result.failure.title,
                    message=result.failure.message,
                    reproduction=case.as_curl_command(headers=dict(response.request.headers)),
                )
            )
