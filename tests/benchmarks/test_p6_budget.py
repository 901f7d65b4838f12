"""P6 without a suite run: requests are counted by the spec's operation at their path,
the suite's own calls are what arrived beyond its cases, and the overhead is the wall
time over what the requests need at the rate. ``measure`` is replaced by a stand-in.

Seen failing by hand: ``RequestCounter`` counting every path as the no-operation one,
``own_calls`` as cases minus received, ``split_figures`` keeping a name one run lacks,
and the overhead's rate taken as requests x seconds.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest
from starlette.types import Receive, Scope, Send

import spec_loader
from benchmarks import p6_budget
from benchmarks.p6_budget import OTHER_PATH, Counts, Measured, RequestCounter, run, split_figures


async def _ignored(scope: Scope, receive: Receive, send: Send) -> None:
    return None


def test_requests_are_counted_by_the_operation_at_their_path() -> None:
    operations = spec_loader.operations(spec_loader.load_spec())
    first, second = operations[0], operations[1]
    counter = RequestCounter()
    app = counter.wrap(_ignored)

    async def arrive() -> None:
        for scope in (
            {"type": "http", "path": first.path},
            {"type": "http", "path": first.path},
            {"type": "http", "path": second.path},
            {"type": "http", "path": "/nowhere"},
            {"type": "lifespan"},
        ):
            await app(scope, _no_receive, _no_send)

    asyncio.run(arrive())
    assert counter.by_operation == Counter(
        {first.operation_id: 2, second.operation_id: 1, OTHER_PATH: 1}
    )


async def _no_receive() -> dict[str, object]:
    raise AssertionError("not called")


async def _no_send(message: object) -> None:
    raise AssertionError("not called")


def measured(seconds: float, received: dict[str, int], by_operation: dict[str, int]) -> Measured:
    return Measured(seconds, Counter(received), Counter({"phase": 1}), Counter(by_operation))


def test_own_calls_are_what_arrived_beyond_the_cases() -> None:
    one = measured(1.0, {"Save": 5, "Get": 3}, {"Save": 4, "Get": 3})
    assert one.requests == 8
    assert one.own_calls == Counter({"Save": 1})


def test_a_split_figure_is_kept_only_where_every_run_has_it() -> None:
    runs = [
        measured(1.0, {"Save": 5, "Get": 3}, {"Save": 4, "Get": 1}),
        measured(1.0, {"Save": 6, "Get": 1}, {"Save": 4, "Get": 1}),
    ]
    figures = {figure.name: figure.spread for figure in split_figures(runs)}
    assert figures["cases, operation Save"].median == 4
    assert figures["own calls, operation Save"].max == 2
    assert "own calls, operation Get" not in figures  # the second run made none


def test_the_overhead_is_wall_time_over_the_time_at_the_rate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fake_measure(counts: Counts, scratch: Path, index: int) -> Measured:
        # 100 requests at 1200/m (20/s) need 5 s; the runs took 6 s and 8 s.
        return measured((6.0, 8.0)[index], {"Save": 100}, {"Save": 90})

    monkeypatch.setattr(p6_budget, "measure", fake_measure)
    result = run(Counts(rounds=2, rate="1200/m"))

    figures = {figure.name: figure for figure in result.figures}
    overhead = figures["wall time ÷ (requests ÷ rate)"]
    assert (overhead.spread.min, overhead.spread.max) == (1.2, 1.6)
    assert overhead.target == p6_budget.OVERHEAD_TARGET
    assert figures["requests"].spread.median == 100
    assert result.settings["own calls by operation"] == [{"Save": 10}, {"Save": 10}]
