"""Every operation of the spec is fuzzed, not only Save: all its media types, accepted and
refused bodies, and on Get every answer media type asked for in ``Accept``."""

from __future__ import annotations

import pytest

import spec_loader
from contract_tests.cases.accept_negotiation import answer_media_types
from contract_tests.run.report_folders import HAR_FILE
from fault_lab.batch import EMBEDDED, Batch
from fault_lab.sent_traffic import SentRequest, media_types_never_accepted, sent_requests
from spec_loader.statuses import is_success

SPEC = spec_loader.load_spec()
OPERATIONS = spec_loader.operations(SPEC)


def sent_to(batch: Batch, op: spec_loader.Operation) -> list[SentRequest]:
    requests = sent_requests(batch.runs[EMBEDDED].reports_dir / HAR_FILE)
    return [request for request in requests if request.path.endswith(op.path)]


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_operation_gets_every_media_type_accepted_and_refused(
    batch: Batch, op: spec_loader.Operation
) -> None:
    requests = sent_to(batch, op)
    media_types = spec_loader.request_media_types(SPEC, op.operation_id)
    assert set(media_types) <= {request.content_type for request in requests}
    # The embedded run's identity is an associate, and every case is about it: a valid
    # body is accepted by every operation, the caller's own ones too.
    assert media_types_never_accepted(requests, media_types) == []
    # Negative data reaches every operation, and the server refuses it.
    assert any(400 <= request.status < 500 for request in requests)


@pytest.mark.parametrize("operation_id", sorted(answer_media_types()))
def test_every_answer_media_type_is_asked_for(batch: Batch, operation_id: str) -> None:
    requests = sent_to(batch, spec_loader.operation(SPEC, operation_id))
    asked = {request.accept for request in requests if is_success(request.status)}
    assert set(answer_media_types()[operation_id]) <= asked
