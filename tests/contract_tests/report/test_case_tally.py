"""case_tally: responses by phase, operation, media type and status, and the positive cases
sent with the run's credentials that were refused.

Seen failing by hand: ``record`` counting a refused positive case whatever credentials
it was sent with.
"""

from __future__ import annotations

from schemathesis import GenerationMode

from contract_tests.model.facts import model_facts
from contract_tests.report.case_tally import NO_BODY, NO_PHASE, CaseTally
from tests.contract_tests.exchanges import answer, case_of, fuzzed

FACTS = model_facts()
CREDENTIALS = {"Authorization": "Basic cnVuOnNlY3JldA=="}
JSON = FACTS.links.json_media_type


def record(
    tally: CaseTally, status: int, mode: GenerationMode | None, sent: dict[str, str]
) -> None:
    case = case_of(
        FACTS.save_id,
        body={},
        media_type=JSON,
        _meta=fuzzed(mode) if mode is not None else None,
    )
    tally.record(None, case, answer(case, status, sent_headers=sent), [])  # type: ignore[arg-type]


def test_responses_are_counted_four_ways() -> None:
    tally = CaseTally(CREDENTIALS)
    record(tally, 204, GenerationMode.POSITIVE, CREDENTIALS)
    record(tally, 400, GenerationMode.NEGATIVE, CREDENTIALS)
    record(tally, 400, None, {})
    case = case_of(FACTS.get_id, media_type=None)
    tally.record(None, case, answer(case, 401), [])  # type: ignore[arg-type]
    assert tally.responses == tally.cases == 4
    assert tally.by_phase == {"fuzzing": 2, NO_PHASE: 2}
    assert tally.by_operation == {FACTS.save_id: 3, FACTS.get_id: 1}
    assert tally.by_media_type == {JSON: 3, NO_BODY: 1}
    assert tally.by_status == {204: 1, 400: 2, 401: 1}


def test_only_positive_cases_with_the_run_credentials_count_as_refused() -> None:
    tally = CaseTally(CREDENTIALS)
    record(tally, 401, GenerationMode.POSITIVE, {"Authorization": "Basic b3RoZXI6b25l"})
    record(tally, 403, GenerationMode.NEGATIVE, CREDENTIALS)
    assert (tally.positive_with_credentials, tally.positive_refused) == (0, 0)
    assert not tally.mostly_refused()
    record(tally, 401, GenerationMode.POSITIVE, CREDENTIALS)
    record(tally, 403, GenerationMode.POSITIVE, CREDENTIALS)
    record(tally, 204, GenerationMode.POSITIVE, CREDENTIALS)
    assert (tally.positive_with_credentials, tally.positive_refused) == (3, 2)
    assert tally.mostly_refused()
