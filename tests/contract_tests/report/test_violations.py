"""violations: each violation once, with its reproduction, and at most MAX_KEPT of them.

Seen failing by hand: ``record`` without the check of ``seen`` (a violation repeated on
every case was listed each time); ``record_model_difference`` taking the whole report as
the reproduction (the sequence's calls were no longer apart from what was compared).
"""

from __future__ import annotations

from schemathesis import CheckResult
from schemathesis.core.failures import CustomFailure, ServerError
from schemathesis.engine import Status

from contract_tests.model.facts import model_facts
from contract_tests.model.judge import PER_ANSWER_CHECKS, SAVED, Finding
from contract_tests.model.keys import Key, comparisons, key_space
from contract_tests.model.report import difference_report
from contract_tests.model.state import Candidate
from contract_tests.report.violations import MAX_KEPT, NO_PHASE, SEQUENCE, ViolationLog
from tests.contract_tests.exchanges import answer, case_of

FACTS = model_facts()
CASE = case_of(
    FACTS.save_id, body={FACTS.associate_field: 1}, media_type=FACTS.links.json_media_type
)
ANSWER = answer(CASE, 500, sent_headers={"X-Sent": "yes"})


def failed(name: str, status: int = 500) -> CheckResult:
    failure = ServerError(operation=CASE.operation.label, status_code=status)
    return CheckResult(name=name, status=Status.FAILURE, failure=failure)


def custom(check: str, line: int) -> CheckResult:
    error = AssertionError(f"raised on line {line}")
    failure = CustomFailure(
        operation=CASE.operation.label,
        title=f"Custom check failed: `{check}`",
        message=str(error),
        exception=error,
    )
    return CheckResult(name=check, status=Status.FAILURE, failure=failure)


def test_each_violation_once_with_its_reproduction() -> None:
    log = ViolationLog()
    passed = CheckResult(name="ok", status=Status.SUCCESS, failure=None)
    log.record(None, CASE, ANSWER, [failed("not_a_server_error"), passed])  # type: ignore[arg-type]
    log.record(None, CASE, ANSWER, [failed("not_a_server_error")])  # type: ignore[arg-type]
    log.record(None, CASE, ANSWER, [custom("mine", 1), custom("mine", 2)])  # type: ignore[arg-type]
    assert [violation.check for violation in log.violations] == ["not_a_server_error", "mine"]
    first = log.violations[0]
    assert first.operation == CASE.operation.label
    assert first.phase == NO_PHASE
    assert "curl" in first.reproduction
    assert "X-Sent: yes" in first.reproduction


def test_kinds_beyond_the_limit_are_counted_not_kept() -> None:
    log = ViolationLog()
    results = [failed(f"check_{number}") for number in range(MAX_KEPT + 3)]
    log.record(None, CASE, ANSWER, results)  # type: ignore[arg-type]
    assert len(log.violations) == MAX_KEPT
    assert log.left_out == 3


def test_a_model_difference_is_one_violation_reproduced_by_its_sequence() -> None:
    space = key_space(FACTS, 4242, None)
    group = (4242, space.kind)
    candidate = Candidate(comparisons(FACTS, space)[0])
    candidate.save(Key(*group, "Mail"), {})
    report = str(
        difference_report(
            FACTS, [Finding(SAVED, "Mail is missing")], [], (candidate, group), [], None
        )
    )
    log = ViolationLog()
    log.record_model_difference([SAVED, SAVED], report)
    log.record_model_difference([SAVED, SAVED], report)

    [violation] = log.violations
    assert (violation.check, violation.operation, violation.phase) == (SAVED, SEQUENCE, NO_PHASE)
    assert report.startswith(violation.title)
    assert violation.message.splitlines()[0] == f"- Mail is missing [{SAVED}]"
    assert "The model expected" in violation.message
    assert violation.reproduction.startswith("The shortest sequence found")
    assert "The model expected" not in violation.reproduction


def test_a_model_call_refused_by_the_per_answer_checks_is_not_listed_twice() -> None:
    # Each check that refused the answer is a violation of its own already (record).
    log = ViolationLog()
    log.record_model_difference([PER_ANSWER_CHECKS], "the server's answers differ:\n  - x")
    assert log.violations == []
