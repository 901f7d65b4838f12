"""P2: how quickly the contract suite catches a planted fault, against a clean run.

The faults are the catalogue of fault_lab/, served the way the kill matrix serves
them, and each run is the suite as a user starts it (its own pytest process) with the
kill matrix's seed and example count. Round i pairs a clean run with the catalogue's
fault i (cycling), so the default of one round per fault tries every fault once. Every
run stops at its first failing test (``--exitfirst``), as the kill matrix's do, so a
run against a fault ends when it is caught: without it, the operations after the one
that failed and the stateful phase would still run, and their time would count as
the catch's.

``--p2-faults`` and ``--p2-only`` narrow it for a quick look (the smoke test's): the
faults to cycle through instead of the catalogue, and a pytest ``-k`` expression that
both runs of every round keep to (one phase, say); a fault that phase cannot catch
makes the round fail.
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
from fault_lab.planted_fault import Fault

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
    # Comma-separated fault names; empty: the whole catalogue.
    faults: str = ""
    # A pytest -k expression for every run, clean and faulty; empty: the whole suite.
    only: str = ""


def faults_of(counts: Counts) -> tuple[Fault, ...]:
    if not counts.faults:
        return FAULTS
    names = counts.faults.split(",")
    by_name = {fault.name: fault for fault in FAULTS}
    if unknown := [name for name in names if name not in by_name]:
        raise ValueError(f"--p2-faults: not in fault_lab's catalogue: {', '.join(unknown)}")
    return tuple(by_name[name] for name in names)


def run(counts: Counts) -> Result:
    credentials = fresh_credentials()
    faults = faults_of(counts)
    selection = ("-k", counts.only) if counts.only else ()
    with tempfile.TemporaryDirectory(prefix="bench-p2-") as scratch:

        def suite_seconds(wrap: Callable[[ASGIApp], ASGIApp], name: str, expected: int) -> float:
            directory = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=scratch))
            # Given after run_against's own --max-examples, so this one is in force.
            examples = ("--max-examples", str(counts.max_examples))
            options = (*examples, STOP_AT_FIRST_FAILURE, *SUITE_OPTIONS, *selection)
            suite_run = run_against(wrap, directory, credentials, *options)
            require_exit(suite_run.exit_code, expected, suite_run.output[-5000:])
            return suite_run.seconds

        def clean(_index: int) -> float:
            return suite_seconds(no_fault, "clean", PASSED)

        def faulty(index: int) -> float:
            fault = faults[index % len(faults)]
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
        {**asdict(counts), "faults": [faults[i % len(faults)].name for i in range(counts.rounds)]},
    )
