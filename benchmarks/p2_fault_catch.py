"""P2: how quickly the contract suite catches a planted fault, against a clean run.

The faults are the catalogue of fault_lab/, served the way the kill matrix serves
them, and each run is the suite as a user starts it (its own pytest process) with the
kill matrix's seed and example count. Round i pairs a clean run with the catalogue's
fault i (cycling), so the default of one round per fault tries every fault once. Every
run stops at its first failing test (``--exitfirst``), as the kill matrix's do, so a
run against a fault ends when it is caught: without it, the operations after the one
that failed and the stateful phase would still run, and their time would count as
the catch's.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from starlette.types import ASGIApp

from benchmarks.contract_runs import (
    FAILED,
    PASSED,
    SUITE_OPTIONS,
    fresh_credentials,
    require_exit,
)
from benchmarks.ratios import interleave
from benchmarks.report import Result, Target, paired_figures
from fault_lab.batch import MAX_EXAMPLES, STOP_AT_FIRST_FAILURE, no_fault, run_against
from fault_lab.faults import FAULTS

ID = "P2"
MEASURE = (
    "contract suite: time to catch a planted fault (fault_lab catalogue) ÷ time of a"
    " clean run with the same settings"
)
RATIO_TARGET = Target("<=", 0.5)
SECONDS_TARGET = Target("<=", 5.0)


@dataclass(frozen=True)
class Counts:
    rounds: int = len(FAULTS)
    max_examples: int = int(MAX_EXAMPLES)


def run(counts: Counts) -> Result:
    credentials = fresh_credentials()
    with tempfile.TemporaryDirectory(prefix="bench-p2-") as scratch:

        def suite_seconds(wrap: Callable[[ASGIApp], ASGIApp], name: str, expected: int) -> float:
            directory = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=scratch))
            # Given after run_against's own --max-examples, so this one is in force.
            examples = ("--max-examples", str(counts.max_examples))
            options = (*examples, STOP_AT_FIRST_FAILURE, *SUITE_OPTIONS)
            suite_run = run_against(wrap, directory, credentials, *options)
            require_exit(suite_run.exit_code, expected, suite_run.output[-5000:])
            return suite_run.seconds

        def clean(_index: int) -> float:
            return suite_seconds(no_fault, "clean", PASSED)

        def faulty(index: int) -> float:
            fault = FAULTS[index % len(FAULTS)]
            return suite_seconds(fault.wrap, fault.name, FAILED)

        pairs = interleave(clean, faulty, counts.rounds)
    return Result(
        ID,
        MEASURE,
        counts.rounds,
        paired_figures(
            pairs,
            ratio=("catch ÷ clean time", RATIO_TARGET),
            subject=("catch (s)", SECONDS_TARGET),
            baseline="clean run (s)",
        ),
        {**asdict(counts), "faults": [FAULTS[i % len(FAULTS)].name for i in range(counts.rounds)]},
    )
