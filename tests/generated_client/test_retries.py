"""Retries: what is retried, how long the client waits, and that a retry sends the same
request. Waits are read from the client's FakeClock (tests/generated_client/recording.py), never
from the wall clock.

Guards proved by removing them once by hand (in a copy of the generated package):
- `attempt >= retries` in `send`/`async_send` (_runtime.py.jinja): the client retries
  until the responder runs out, and
  test_retries_stop_after_max_retries_with_the_last_answer and both max_retries=0 tests
  fail;
- the `MAX_RETRY_AFTER` test: test_a_retry_after_over_a_minute_is_not_waited_for fails;
- sending the request `send` built once: with the request rebuilt per attempt the
  bytes stay equal, but test_a_retry_sends_the_same_request_object fails.
"""

from __future__ import annotations

import asyncio
import email.utils
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from superoffice_webapi_client import errors
from superoffice_webapi_client._runtime import (
    DEFAULT_MAX_RETRIES,
    INITIAL_BACKOFF,
    JITTER,
    MAX_BACKOFF,
    MAX_RETRY_AFTER,
    RETRIED_STATUSES,
)

from tests.generated_client.operations import OPERATIONS, SAVE, ClientOperation, call_id
from tests.generated_client.recording import FakeClock, Responder, recording_client


def answers(*outcomes: httpx.Response | Exception) -> Responder:
    """A responder that gives these answers (or raises these errors) in turn."""
    remaining: Iterator[httpx.Response | Exception] = iter(outcomes)

    def respond(_request: httpx.Request) -> httpx.Response:
        outcome = next(remaining)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return respond


def save(responder: Responder, **client_args: Any) -> tuple[list[httpx.Request], FakeClock]:
    clock = FakeClock()
    client, sent = recording_client(responder, clock=clock, **client_args)
    SAVE.module.sync(client=client, body=SAVE.example_body())
    return sent, clock


def wire(request: httpx.Request) -> tuple[str, str, list[tuple[str, str]], bytes]:
    return request.method, str(request.url), request.headers.multi_items(), request.content


def test_the_retried_statuses_are_the_issue_s() -> None:
    assert sorted(RETRIED_STATUSES) == [408, 429, 500, 502, 503, 504]
    assert DEFAULT_MAX_RETRIES == 2


@pytest.mark.parametrize("op", OPERATIONS, ids=call_id)
def test_a_503_then_success_is_one_success_after_one_retry(op: ClientOperation) -> None:
    clock = FakeClock()
    client, sent = recording_client(
        answers(httpx.Response(503), op.success_response()), clock=clock
    )
    op.module.sync(client=client, **op.arguments(), so_app_token="app-token")
    first, second = sent
    assert wire(first) == wire(second)
    assert clock.sleeps == [INITIAL_BACKOFF]


def test_a_retry_sends_the_same_request_object() -> None:
    sent, _ = save(answers(httpx.Response(500), httpx.Response(204)))
    assert sent[0] is sent[1]


@pytest.mark.parametrize("status", sorted(RETRIED_STATUSES))
def test_each_retried_status_is_retried(status: int) -> None:
    sent, _ = save(answers(httpx.Response(status), httpx.Response(204)))
    assert len(sent) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 409, 413, 415, 501])
def test_other_statuses_are_not_retried(status: int) -> None:
    with pytest.raises(errors.SuperOfficeApiError):
        save(answers(httpx.Response(status)))


def test_retries_stop_after_max_retries_with_the_last_answer() -> None:
    clock = FakeClock()
    client, sent = recording_client(answers(*[httpx.Response(503)] * 3), clock=clock)
    with pytest.raises(errors.ServerError):
        SAVE.module.sync(client=client, body=SAVE.example_body())
    assert len(sent) == 1 + DEFAULT_MAX_RETRIES
    assert clock.sleeps == [INITIAL_BACKOFF, 2 * INITIAL_BACKOFF]


def test_backoff_grows_to_its_cap_with_jitter() -> None:
    clock = FakeClock(jitter=1.0)
    outcomes = [httpx.Response(502)] * 8 + [httpx.Response(204)]
    client, _ = recording_client(answers(*outcomes), clock=clock, max_retries=8)
    SAVE.module.sync(client=client, body=SAVE.example_body())
    full = [min(INITIAL_BACKOFF * 2**n, MAX_BACKOFF) for n in range(8)]
    assert clock.sleeps == pytest.approx([delay * (1 - JITTER) for delay in full])
    assert max(full) == MAX_BACKOFF


def test_retry_after_seconds_is_waited_for() -> None:
    _, clock = save(answers(httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(204)))
    assert clock.sleeps == [1.0]


def test_retry_after_an_http_date_is_waited_for() -> None:
    clock = FakeClock()
    date = email.utils.formatdate(clock.now + 7, usegmt=True)
    outcomes = answers(httpx.Response(503, headers={"Retry-After": date}), httpx.Response(204))
    client, _ = recording_client(outcomes, clock=clock)
    SAVE.module.sync(client=client, body=SAVE.example_body())
    assert clock.sleeps == [7.0]


def test_a_retry_after_over_a_minute_is_not_waited_for() -> None:
    refused = httpx.Response(429, headers={"Retry-After": str(int(MAX_RETRY_AFTER) + 1)})
    with pytest.raises(errors.RateLimitError) as raised:
        save(answers(refused))
    assert raised.value.headers["Retry-After"] == "61"


def test_an_unreadable_retry_after_falls_back_to_the_backoff() -> None:
    outcomes = answers(httpx.Response(503, headers={"Retry-After": "soon"}), httpx.Response(204))
    _, clock = save(outcomes)
    assert clock.sleeps == [INITIAL_BACKOFF]


@pytest.mark.parametrize(
    ("failure", "raised"),
    [
        (httpx.ConnectError("refused"), errors.ApiConnectionError),
        (httpx.RemoteProtocolError("peer closed"), errors.ApiConnectionError),
        (httpx.ReadTimeout("slow"), errors.ApiTimeoutError),
        (httpx.ConnectTimeout("slow"), errors.ApiTimeoutError),
    ],
)
def test_a_transport_failure_is_retried_then_raised_typed(
    failure: Exception, raised: type[errors.ApiConnectionError]
) -> None:
    clock = FakeClock()
    client, _ = recording_client(answers(*[failure] * 3), clock=clock)
    with pytest.raises(raised) as caught:
        SAVE.module.sync_detailed(client=client, body=SAVE.example_body())
    assert caught.value.__cause__ is failure
    assert caught.value.request.url.path.endswith(SAVE.path)
    # Code written for upstream's client, which let httpx's errors through, still catches them.
    assert isinstance(caught.value, httpx.TransportError)
    assert isinstance(caught.value, httpx.TimeoutException) == isinstance(
        failure, httpx.TimeoutException
    )
    assert len(clock.sleeps) == DEFAULT_MAX_RETRIES
    assert "3 attempts" in str(caught.value)


def test_a_connect_error_then_success_succeeds() -> None:
    sent, clock = save(answers(httpx.ConnectError("refused"), httpx.Response(204)))
    assert len(sent) == 2
    assert clock.sleeps == [INITIAL_BACKOFF]


def test_max_retries_zero_on_the_client_sends_once() -> None:
    clock = FakeClock()
    client, sent = recording_client(answers(httpx.Response(503)), clock=clock, max_retries=0)
    with pytest.raises(errors.ServerError):
        SAVE.module.sync(client=client, body=SAVE.example_body())
    assert len(sent) == 1
    assert clock.sleeps == []


def test_max_retries_zero_per_call_sends_once() -> None:
    client, sent = recording_client(answers(httpx.ConnectError("refused")))
    with pytest.raises(errors.ApiConnectionError):
        SAVE.module.sync(client=client, body=SAVE.example_body(), max_retries=0)
    assert len(sent) == 1


def test_max_retries_per_call_overrides_the_client() -> None:
    outcomes = answers(*[httpx.Response(503)] * 5, httpx.Response(204))
    client, sent = recording_client(outcomes, max_retries=0)
    SAVE.module.sync(client=client, body=SAVE.example_body(), max_retries=5)
    assert len(sent) == 6


def test_async_retries_like_sync() -> None:
    clock = FakeClock()
    outcomes = answers(
        httpx.ConnectError("refused"),
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.Response(204),
    )
    client, sent = recording_client(outcomes, clock=clock)
    asyncio.run(SAVE.module.asyncio(client=client, body=SAVE.example_body()))
    assert len(sent) == 3
    assert wire(sent[0]) == wire(sent[2])
    assert clock.sleeps == [INITIAL_BACKOFF, 1.0]


def test_async_max_retries_zero_sends_once() -> None:
    client, sent = recording_client(answers(httpx.Response(503)), max_retries=0)
    with pytest.raises(errors.ServerError):
        asyncio.run(SAVE.module.asyncio(client=client, body=SAVE.example_body()))
    assert len(sent) == 1
