"""P1's parts around the timing: the transport that keeps the request, the wire form
both sides are compared in, and the timed loop. The run itself is test_cli's.

Seen failing by hand: ``LastRequest.take`` not clearing the request (a side that sends
nothing would pass the sameness check with the request before), ``wire_form`` without
the body, and ``timed`` calling once per round.
"""

from __future__ import annotations

import httpx
import pytest

from benchmarks.p1_client import LastRequest, timed, wire_form


def test_the_transport_answers_204_and_gives_each_request_once() -> None:
    handler = LastRequest()
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        assert client.post("http://x.invalid/a", content=b"1").status_code == 204
    assert handler.take().content == b"1"
    with pytest.raises(AssertionError, match="no request"):
        handler.take()


def test_the_wire_form_tells_requests_apart_by_body_and_header_but_not_header_order() -> None:
    def request(content: bytes, headers: list[tuple[str, str]]) -> httpx.Request:
        return httpx.Request("POST", "http://x.invalid/a", content=content, headers=headers)

    one = request(b"{}", [("A", "1"), ("B", "2")])
    assert wire_form(one) == wire_form(request(b"{}", [("B", "2"), ("A", "1")]))
    assert wire_form(one) != wire_form(request(b"[]", [("A", "1"), ("B", "2")]))
    assert wire_form(one) != wire_form(request(b"{}", [("A", "1"), ("B", "3")]))


def test_a_timed_round_makes_the_calls_it_is_given() -> None:
    calls: list[int] = []
    measure = timed(lambda: calls.append(1), 7)
    assert measure(0) >= 0.0
    measure(1)
    assert len(calls) == 14
