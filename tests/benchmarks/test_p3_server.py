"""P3 without load: the no-op app, the load command it starts, and how its figures are
made from the runs. ``serve_app`` and the load process are replaced by stand-ins.

Seen failing by hand: ``percentile`` off by one (``[percent]``), the load command
without ``--expect``, and the rate figure as no-op/s ÷ saves/s.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

import spec_loader
from benchmarks import p3_server
from benchmarks.commands import Finished
from benchmarks.load import LoadRun
from benchmarks.p3_server import SAVE, Counts, LoadCommand, no_op_app, percentile, run
from spec_loader.statuses import NO_CONTENT


def test_the_no_op_app_answers_the_save_with_no_content_and_nothing_else() -> None:
    async def statuses() -> list[int]:
        transport = httpx.ASGITransport(app=no_op_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://x.invalid") as client:
            method = SAVE.method.upper()
            return [
                (await client.request(method, SAVE.path, content=b"{}")).status_code,
                (await client.request(method, SAVE.path + "x")).status_code,
            ]

    assert asyncio.run(statuses()) == [NO_CONTENT, 404]


def test_percentiles_of_zero_to_a_hundred_are_themselves() -> None:
    values = [float(value) for value in range(100, -1, -1)]
    assert [percentile(values, p) for p in (1, 50, 99)] == [1.0, 50.0, 99.0]


def test_the_load_command_sends_the_example_as_the_benchmark_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[Sequence[str]] = []

    def fake_run(command: Sequence[str], **_: Any) -> Finished:
        commands.append(command)
        return Finished(1.0, json.dumps({"completed": 2, "seconds": 1.0, "latencies": [0.1, 0.2]}))

    monkeypatch.setattr(p3_server, "timed_run", fake_run)
    counts = Counts(connections=3, seconds=9.0)
    loaded = LoadCommand(tmp_path, counts)("http://127.0.0.1:1", 17)

    assert loaded == LoadRun(2, 1.0, [0.1, 0.2])
    (command,) = commands
    options = dict(zip(command[4::2], command[5::2], strict=True))
    assert command[3] == "http://127.0.0.1:1" + SAVE.path
    assert options["--expect"] == str(NO_CONTENT)
    assert (options["--connections"], options["--requests"], options["--seconds"]) == (
        "3",
        "17",
        "9.0",
    )
    example = spec_loader.component(spec_loader.load_spec(), "examples", "ImapCredentials")
    assert json.loads(Path(options["--body-file"]).read_text(encoding="utf-8")) == example["value"]
    assert sum(part == "--header" for part in command) == 2


def test_the_figures_compare_saves_with_the_no_op_run_of_the_same_round(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    urls = iter(["no-op", "save"])

    @contextmanager
    def fake_serve(_: object) -> Iterator[str]:
        yield next(urls)

    rounds = iter([1.0, 2.0])

    class FakeLoad:
        def __init__(self, *_: object) -> None:
            pass

        def __call__(self, url: str, requests: int) -> LoadRun:
            latencies = [0.001 * n for n in range(1, 101)]
            if url == "save" and requests == Counts().requests:
                return LoadRun(100, 2.0 * next(rounds), latencies)
            return LoadRun(100, 0.5, latencies)

    monkeypatch.setattr(p3_server, "serve_app", fake_serve)
    monkeypatch.setattr(p3_server, "LoadCommand", FakeLoad)
    result = run(Counts(rounds=2))

    figures = {figure.name: figure for figure in result.figures}
    # no-op: 200/s; saves: 50/s and 25/s.
    rate = figures["saves/s ÷ no-op/s"]
    assert (rate.spread.min, rate.spread.max) == (0.125, 0.25)
    assert rate.target == p3_server.RATE_TARGET
    assert figures["save p50 (ms)"].spread.median == pytest.approx(50.5)
    assert figures["save p99 ÷ p50"].spread.median == pytest.approx(99.01 / 50.5)
