"""P1: what the generated client adds to one call.

Subject: ``sync_detailed`` with a model of the spec's example. Baseline: the same
``httpx.Client`` posting the bytes and headers the client sent, prepared in advance.
Both go through one in-process transport that answers 204, so the network is out of
the picture and the ratio is the client's own overhead (building the body, encoding
it, wrapping the response).

A second figure splits that overhead: the same call with its request arguments built
once in advance (the module's ``_get_kwargs``), so that what remains is the layer
that sends with retries and wraps the answer, without the body's ``to_dict`` and JSON
encoding.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

import httpx
from superoffice_webapi_client import AuthenticatedClient, _runtime
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
from superoffice_webapi_client.models import SaveUntrustedCredentialsForAssociateRequest
from superoffice_webapi_client.types import UNSET

import spec_loader
from benchmarks.ratios import interleave, ratio_spread
from benchmarks.report import Figure, Result, Target
from reference_server.settings import Scheme

ID = "P1"
MEASURE = (
    "generated client sync_detailed ÷ raw httpx.Client.post of the same bytes and headers,"
    " same in-process transport answering 204"
)
TARGET = Target("<=", 1.10)
# Never resolved: the transport answers in-process.
BASE_URL = "http://client-benchmark.invalid"
TICKET = "7T:client-benchmark"
# httpx sets these itself from the URL and the body on both sides.
PER_REQUEST_HEADERS = frozenset({"host", "content-length"})
SAVE_PATH = spec_loader.operation(
    spec_loader.load_spec(), "SaveUntrustedCredentialsForAssociate"
).path


@dataclass(frozen=True)
class Counts:
    rounds: int = 50
    # Per side and round: 50 x 200 = 10,000 calls each. Short runs, many pairs: a
    # neighbour's burst of load then spoils a few pairs, not the median.
    calls: int = 200
    warmup_calls: int = 500


class LastRequest:
    """The transport's handler: answers 204 and keeps the request, for the sameness check."""

    def __init__(self) -> None:
        self.request: httpx.Request | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.request = request
        return httpx.Response(204)

    def take(self) -> httpx.Request:
        assert self.request is not None, "no request went through the transport"
        request, self.request = self.request, None
        return request


def wire_form(request: httpx.Request) -> tuple[str, str, list[tuple[str, str]], bytes]:
    return request.method, str(request.url), sorted(request.headers.multi_items()), request.content


def timed(call: Callable[[], object], calls: int) -> Callable[[int], float]:
    def measure(_round: int) -> float:
        started = time.process_time()
        for _ in range(calls):
            call()
        return time.process_time() - started

    return measure


def run(counts: Counts) -> Result:
    spec = spec_loader.load_spec()
    example = spec_loader.component(spec, "examples", "ImapCredentials")["value"]
    body = SaveUntrustedCredentialsForAssociateRequest.from_dict(example)
    ticket_scheme = spec_loader.security_schemes(spec)[Scheme.TICKET.value]["scheme"]
    handler = LastRequest()
    client = AuthenticatedClient(
        base_url=BASE_URL,
        token=TICKET,
        prefix=ticket_scheme,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )
    http = client.get_httpx_client()

    def subject() -> object:
        return save_untrusted_credentials_for_associate.sync_detailed(client=client, body=body)

    subject()
    sent = handler.take()
    content = sent.content
    headers = {
        name: value
        for name, value in sent.headers.items()
        if name not in PER_REQUEST_HEADERS and http.headers.get(name) != value
    }

    def baseline() -> object:
        return http.post(SAVE_PATH, content=content, headers=headers)

    prepared = save_untrusted_credentials_for_associate._get_kwargs(body=body)

    def subject_with_body_prepared() -> object:
        response = _runtime.send(client, prepared, UNSET, UNSET)
        return _runtime.detailed(
            save_untrusted_credentials_for_associate._parse_response, client, response
        )

    for side in (baseline, subject_with_body_prepared):
        side()
        if wire_form(handler.take()) != wire_form(sent):
            raise AssertionError(f"{side.__name__} does not send what the generated client sends")
    for side in (baseline, subject, subject_with_body_prepared):
        timed(side, counts.warmup_calls)(0)
    raw = timed(baseline, counts.calls)
    pairs = interleave(raw, timed(subject, counts.calls), counts.rounds)
    prepared_pairs = interleave(raw, timed(subject_with_body_prepared, counts.calls), counts.rounds)
    return Result(
        ID,
        MEASURE,
        counts.rounds,
        [
            Figure("client ÷ raw httpx time", ratio_spread(pairs), TARGET),
            Figure("client, body built in advance ÷ raw httpx time", ratio_spread(prepared_pairs)),
        ],
        asdict(counts),
    )
