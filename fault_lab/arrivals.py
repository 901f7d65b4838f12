"""When requests arrive at a server: noted before the app sees each, and the busiest window."""

from __future__ import annotations

import time
from collections.abc import Callable

from starlette.types import ASGIApp

from fault_lab.intercept import Exchange, intercept


def note_arrivals(
    arrivals: list[float], unless_header: str | None = None
) -> Callable[[ASGIApp], ASGIApp]:
    """A wrap that appends each request's arrival (monotonic seconds) to ``arrivals``,
    except a request carrying the header ``unless_header``."""

    def note(request: Exchange) -> Exchange:
        if unless_header is None or unless_header.lower() not in request.headers:
            arrivals.append(time.monotonic())
        return request

    return intercept(edit_request=note)


def busiest_window(arrivals: list[float], seconds: float) -> int:
    """The most arrivals in any window of ``seconds`` (each window starting at an arrival)."""
    ordered = sorted(arrivals)
    most, first = 0, 0
    for last, arrival in enumerate(ordered):
        while arrival - ordered[first] >= seconds:
            first += 1
        most = max(most, last - first + 1)
    return most
