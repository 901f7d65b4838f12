"""rate_limit: the rate as schemathesis reads it, and no more than N requests in a window,
counted from each answer.

(That a whole run holds the limit at the server is in test_rate_limit_and_interrupt.py.)
Seen failing by hand: ``slot`` forgetting its place at the answer (``_finished`` not
appended), which let the second request go at once.
"""

from __future__ import annotations

import time

import pytest

from contract_tests.run.rate_limit import Rate, SendRate, parse_rate


@pytest.mark.parametrize(
    ("text", "requests", "seconds"), [("10/s", 10, 1.0), ("600/m", 600, 60.0), ("5/h", 5, 3600.0)]
)
def test_rates_as_schemathesis_writes_them(text: str, requests: int, seconds: float) -> None:
    rate = parse_rate(text)
    assert (rate.requests, rate.seconds, str(rate)) == (requests, seconds, text)


@pytest.mark.parametrize("text", ["0/s", "ten/s", "10/fortnight", "10", ""])
def test_other_rates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_rate(text)


def test_a_request_waits_one_window_after_the_oldest_answer_in_it() -> None:
    # Two requests per 0.2 s: the third may start only 0.2 s after the first one's answer.
    limiter = SendRate(Rate("2/0.2s", 2, 0.2))
    with limiter.slot():
        first_answered = time.monotonic()
    with limiter.slot():
        pass
    with limiter.slot():
        assert time.monotonic() - first_answered >= 0.2
