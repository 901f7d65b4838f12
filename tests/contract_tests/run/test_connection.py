"""The suite keeps its TCP connection across cases, and sends no cookie back that the server set."""

from __future__ import annotations

from contract_tests.facts.contract import contract_facts
from contract_tests.run.report_folders import HAR_FILE
from fault_lab.batch import COOKIE_SETTER, XSRF_TOKEN, Batch
from fault_lab.request_log import LOG_FILE, PLANTED_VALUE, LoggedRequest, logged_requests
from fault_lab.sent_traffic import sent_requests

# Without a shared session every request opens a connection of its own. With one, new
# ones are left to ignored_auth's probes (schemathesis sends them without the session)
# and to reconnects after the server closed an idle one: far fewer than this allows.
MIN_REQUESTS_PER_CONNECTION = 10


def requests_seen(batch: Batch) -> list[LoggedRequest]:
    return logged_requests(batch.runs[COOKIE_SETTER].reports_dir.parent / LOG_FILE)


def test_a_server_setting_cookies_passes(batch: Batch) -> None:
    run = batch.runs[COOKIE_SETTER]
    assert run.exit_code == 0, run.output[-5000:]


def test_requests_share_connections(batch: Batch) -> None:
    requests = requests_seen(batch)
    connections = {request.client_port for request in requests}
    assert len(requests) >= 100
    assert None not in connections
    assert len(connections) * MIN_REQUESTS_PER_CONNECTION <= len(requests), (
        f"{len(connections)} connections for {len(requests)} requests"
    )


def test_a_cookie_the_server_sets_is_never_sent_back(batch: Batch) -> None:
    answers = sent_requests(batch.runs[COOKIE_SETTER].reports_dir / HAR_FILE)
    # The plant reached the suite, so refusing it is the suite's doing.
    assert all("set-cookie" in answer.response_header_names for answer in answers)
    assert not any(PLANTED_VALUE in request.cookie for request in requests_seen(batch))


def test_the_xsrf_cookie_goes_out_with_its_header(batch: Batch) -> None:
    sent_cookie = f"{contract_facts().xsrf_cookie}={XSRF_TOKEN}"
    with_header = [request for request in requests_seen(batch) if request.xsrf_header == XSRF_TOKEN]
    assert len(with_header) >= 100
    for request in with_header:
        assert sent_cookie in {part.strip() for part in request.cookie.split(";")}
