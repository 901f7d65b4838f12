"""The benchmark machinery runs end to end and reports well-formed figures.

Counts are tiny, so nothing here says whether a target is met: that is what
`nox -s bench` is for. No time is asserted. The runs of the contract suite keep to one
of its cheapest tests (P2's a fault that test catches): the whole suite's runs are the
kill matrix's and `nox -s bench`'s; here each benchmark's steps are what is at stake.

Seen failing by hand with those narrowed runs: P5 counting no case of `st run`, and
P2 timing its clean run as 0 s (a figure that is not positive); with P4's virtualenv not
compiled to bytecode, P4 timing the bare generation as 0 s.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks.cli import BENCHMARKS, main

# One round of each, with as little work per round as still exercises every step.
# One of the suite's cheapest tests (contract_tests/test_model.py), and a fault it catches.
CHEAP_TEST = "test_writes_at_once_are_atomic"
CAUGHT_THERE = "save_in_two_writes"
TINY_COUNTS = (
    "--p1-rounds", "2", "--p1-calls", "20", "--p1-warmup-calls", "5",
    "--p2-rounds", "1", "--p2-max-examples", "1",
    "--p2-faults", CAUGHT_THERE, "--p2-only", CHEAP_TEST,
    "--p3-rounds", "1", "--p3-requests", "40", "--p3-warmup-requests", "8",
    "--p3-seconds", "20",
    "--p4-rounds", "1",
    "--p5-rounds", "1", "--p5-max-examples", "1", "--p5-stateful-only", "1",
    "--p6-rounds", "1", "--p6-max-examples", "1", "--p6-rate", "1000/s",
    "--p6-only", CHEAP_TEST,
)  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("benchmark_id", [benchmark.id for benchmark in BENCHMARKS])
def test_benchmark_reports_median_min_max(
    benchmark_id: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # P4's first `nox -s generate` makes the session's virtualenv, which the noxfile has uv
    # compile to bytecode to speed up the runs after it: half of this test's CPU time,
    # for figures that nothing here compares.
    monkeypatch.setenv("UV_COMPILE_BYTECODE", "0")
    output = tmp_path / "bench.json"
    assert main(["--only", benchmark_id, *TINY_COUNTS, "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    assert str(output.resolve()) in printed

    results = json.loads(output.read_text(encoding="utf-8"))["results"]
    assert [result["id"] for result in results] == [benchmark_id]
    (result,) = results
    assert f"| {benchmark_id} " in printed
    assert result["rounds"] >= 1
    assert result["met"] in (True, False)
    assert any(figure["target"] for figure in result["figures"])
    for figure in result["figures"]:
        spread = (figure["min"], figure["median"], figure["max"])
        assert all(math.isfinite(value) and value > 0 for value in spread), figure
        assert figure["min"] <= figure["median"] <= figure["max"], figure
        assert (figure["met"] is None) == (figure["target"] is None), figure
