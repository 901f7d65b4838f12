"""The run's violations, each once, with the curl command that reproduces it, for the report.

Violations the baseline accepts never get here: its filter drops them first. The
reproduction is masked as the printed one is (schemathesis.toml's sanitization, off
only with --unsanitized). A difference the model phase finds is one violation too: its
findings, reproduced by the shortest sequence of calls that shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from schemathesis import BaseSchema, CheckResult, HookContext, Response

from contract_tests.baseline.fingerprint import identity
from contract_tests.http_parts import AnyCase
from contract_tests.model.judge import PER_ANSWER_CHECKS
from contract_tests.report.case_tally import NO_PHASE as MODEL_PHASE

# Enough to show every kind a faulty server has; a few hundred of one kind say no more.
MAX_KEPT = 50
# The model phase's cases are the only ones schemathesis gives no phase.
NO_PHASE = MODEL_PHASE
# What a model difference is about: no one operation, the calls of a sequence.
SEQUENCE = "a sequence of calls"


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
            self._keep(
                Violation(
                    check=result.name,
                    operation=case.operation.label,
                    phase=case.meta.phase.name.value if case.meta else NO_PHASE,
                    title=result.failure.title,
                    message=result.failure.message,
                    reproduction=case.as_curl_command(headers=dict(response.request.headers)),
                )
            )

    def record_model_difference(self, checks: Sequence[str], report: str) -> None:
        """A model phase's difference (contract_tests/model/report.py), whose paragraphs
        are: a title line and the findings; the sequence of calls that shows them (the
        reproduction); what the model expected and the server answered."""
        checks = [check for check in dict.fromkeys(checks) if check != PER_ANSWER_CHECKS]
        if not checks:
            return  # each check that refused an answer has its violation already (record)
        found, *after = report.split("\n\n")
        sequence, compared = (after[0], after[1:]) if after else ("", [])
        title, _, findings = found.partition("\n")
        key = (MODEL_PHASE, tuple(checks), findings)
        if key in self.seen:
            return
        self.seen.add(key)
        self._keep(
            Violation(
                check=", ".join(checks),
                operation=SEQUENCE,
                phase=MODEL_PHASE,
                title=title.rstrip(":"),
                message="\n\n".join([findings.strip(), *compared]),
                reproduction=sequence.strip(),
            )
        )

    def _keep(self, violation: Violation) -> None:
        if len(self.violations) >= MAX_KEPT:
            self.left_out += 1
        else:
            self.violations.append(violation)
