"""At most N requests in any window of T seconds, for every request the suite sends.

The rate is written as schemathesis writes it (``10/s``, ``600/m``) and parsed by
schemathesis itself, so ``--rate-limit`` means what ``st run --rate-limit`` means.

A request holds its place in the window from the moment it is sent until one window
length after its answer has arrived, not after it was sent. The server sees a request
somewhere between those two moments, so, counted where the server counts (at arrival),
no window of T seconds ever holds more than N: a limiter that counted send times only
would let network jitter push an (N+1)th arrival into a window.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from schemathesis.core.errors import InvalidRateLimit
from schemathesis.core.rate_limit import parse_units

MILLISECONDS_PER_SECOND = 1000


@dataclass(frozen=True)
class Rate:
    """At most ``requests`` requests in any window of ``seconds`` seconds."""

    text: str  # as the user wrote it
    requests: int
    seconds: float

    def __str__(self) -> str:
        return self.text


class SendRate:
    """Holds a Rate for every thread that sends through it."""

    def __init__(self, rate: Rate) -> None:
        self.rate = rate
        self._finished: deque[float] = deque()  # when each answer arrived, oldest first
        self._in_flight = 0
        self._changed = threading.Condition()

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Wait until one more request fits in the window; hold its place while it runs."""
        window = self.rate.seconds
        with self._changed:
            while True:
                now = time.monotonic()
                while self._finished and self._finished[0] <= now - window:
                    self._finished.popleft()
                if len(self._finished) + self._in_flight < self.rate.requests:
                    break
                # A finished request leaves the window by itself; an in-flight one notifies.
                self._changed.wait(self._finished[0] + window - now if self._finished else None)
            self._in_flight += 1
        try:
            yield
        finally:
            with self._changed:
                self._in_flight -= 1
                self._finished.append(time.monotonic())
                self._changed.notify_all()


def parse_rate(text: str) -> Rate:
    """``10/s`` -> at most 10 requests a second; ValueError for anything schemathesis refuses."""
    try:
        requests, duration = parse_units(text)
    except InvalidRateLimit as error:
        raise ValueError(str(error)) from None
    if requests < 1:
        raise ValueError(f"{text}: at least one request per interval")
    return Rate(text, requests, int(duration) / MILLISECONDS_PER_SECOND)
