"""A run against the embedded reference server sends what the spec allows: every media
type, ``$select`` and ``SO-AppToken``, and the server accepts each media type."""

from __future__ import annotations

import spec_loader
from contract_tests.run.report_folders import HAR_FILE
from fault_lab.batch import EMBEDDED, Batch
from fault_lab.faults import XML_MEDIA_TYPES
from fault_lab.sent_traffic import media_types_never_accepted, sent_requests

SPEC = spec_loader.load_spec()
MEDIA_TYPES = spec_loader.request_media_types(SPEC, "SaveUntrustedCredentialsForAssociate")
SELECT = spec_loader.component(SPEC, "parameters", "Select")["name"]
APP_TOKEN = spec_loader.component(SPEC, "parameters", "AppToken")["name"]


def test_embedded_run_passes(batch: Batch) -> None:
    run = batch.runs[EMBEDDED]
    assert run.exit_code == 0, run.output[-5000:]


def test_every_media_type_is_sent_and_accepted(batch: Batch) -> None:
    requests = sent_requests(batch.runs[EMBEDDED].reports_dir / HAR_FILE)
    sent = {request.content_type for request in requests}
    assert set(MEDIA_TYPES) <= sent
    assert media_types_never_accepted(requests, MEDIA_TYPES) == []


def test_select_and_app_token_are_sent(batch: Batch) -> None:
    requests = sent_requests(batch.runs[EMBEDDED].reports_dir / HAR_FILE)
    assert any(SELECT in request.query_names for request in requests)
    assert any(APP_TOKEN.lower() in request.header_names for request in requests)


def test_a_refused_media_type_is_noticed(batch: Batch) -> None:
    # The planted fault answers 415 to one listed media type: the count must flag it.
    requests = sent_requests(batch.runs["listed_media_type_refused"].reports_dir / HAR_FILE)
    assert XML_MEDIA_TYPES[0] in media_types_never_accepted(requests, MEDIA_TYPES)
