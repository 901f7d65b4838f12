"""arrivals: the busiest window of arrivals, the measure of a run's rate limit at the server.

Seen failing by hand: ``busiest_window`` counting an arrival exactly one window after the
first as inside it (``>`` for ``>=``).
"""

from __future__ import annotations

import pytest

from fault_lab.arrivals import busiest_window


@pytest.mark.parametrize(
    ("arrivals", "seconds", "most"),
    [
        ([], 1.0, 0),
        ([5.0], 1.0, 1),
        ([0.0, 0.5, 0.9, 1.0, 1.1], 1.0, 4),
        ([0.0, 1.0, 2.0, 3.0], 1.0, 1),
        ([3.0, 0.1, 2.95, 0.0, 3.05], 0.2, 3),
    ],
)
def test_the_most_arrivals_in_any_window(arrivals: list[float], seconds: float, most: int) -> None:
    assert busiest_window(arrivals, seconds) == most
