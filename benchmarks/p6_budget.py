"""P6: the requests a default run sends to a named target, and its wall time at the rate limit.

The suite runs as a user starts it against a named server (its own pytest process, the
default example count and rate limit, the kill matrix's seed so that runs compare), and
the requests are counted where they arrive: a counting ASGI wrapper around the reference
server's app, served by ``serve_app``. That count holds everything: the cases of every
phase, ignored_auth's probes, the read-backs, the clean-up and the suite's first probe.

The cases by phase and by operation come from the run's own summary; whatever else
arrived at an operation is the suite's own calls on it (probes, read-backs, clean-up).
``overhead`` is the wall time over the time the requests need at the rate alone: what
the suite itself costs on top of the limit.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send

import spec_loader
from benchmarks.commands import timed_run
from benchmarks.contract_runs import fresh_credentials
from benchmarks.ratios import Spread
from benchmarks.report import Figure, Result, Target
from contract_tests.run.options import NAMED_TARGET_RATE
from contract_tests.run.rate_limit import parse_rate
from fault_lab.batch import CANARY_ASSOCIATE, CANARY_ASSOCIATE_ID, SEED
from fault_lab.fault_servers import serve_reference_app
from fault_lab.suite_run import ROOT, breakdown, suite_command, suite_environment

ID = "P6"
MEASURE = (
    "contract suite against a named server at its default rate limit: requests the server"
    " received, and wall time ÷ (requests ÷ rate)"
)
REQUESTS_TARGET = Target("<=", 1500)
OVERHEAD_TARGET = Target("<=", 1.1)
# A default run at 10/s takes minutes; this bounds a run that hangs.
RUN_TIMEOUT_SECONDS = 1800
OTHER_PATH = "(no operation)"


@dataclass(frozen=True)
class Counts:
    rounds: int = 1
    # The suite's default for a named target; the smoke test runs with a higher one.
    rate: str = NAMED_TARGET_RATE
    # 0: the suite's own default.
    max_examples: int = 0
    # 1: measure a --thorough run instead (what the budget mode saves is the difference).
    thorough: int = 0
    # A pytest -k expression the run keeps to (one phase, for the smoke test); empty: all.
    only: str = ""


class RequestCounter:
    """Counts the HTTP requests an ASGI app receives, by the spec's operation at their path."""

    def __init__(self) -> None:
        spec = spec_loader.load_spec()
        self._operation_at = {op.path: op.operation_id for op in spec_loader.operations(spec)}
        self.by_operation: Counter[str] = Counter()

    def wrap(self, app: ASGIApp) -> ASGIApp:
        async def counted(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                self.by_operation[self._operation_at.get(scope["path"], OTHER_PATH)] += 1
            await app(scope, receive, send)

        return counted


@dataclass(frozen=True)
class Measured:
    seconds: float
    received: Counter[str]  # by operation, as the server saw them
    cases_by_phase: Counter[str]
    cases_by_operation: Counter[str]

    @property
    def requests(self) -> int:
        return self.received.total()

    @property
    def own_calls(self) -> Counter[str]:
        return self.received - self.cases_by_operation


def measure(counts: Counts, scratch: Path, index: int) -> Measured:
    credentials = fresh_credentials()
    counter = RequestCounter()
    # With a canary associate, as the docs advise: the model phase's larger form.
    options = ["--seed", SEED, "--rate-limit", counts.rate, CANARY_ASSOCIATE, CANARY_ASSOCIATE_ID]
    if counts.max_examples:
        options += ["--max-examples", str(counts.max_examples)]
    if counts.thorough:
        options.append("--thorough")
    if counts.only:
        options += ["-k", counts.only]
    directory = Path(tempfile.mkdtemp(prefix=f"run-{index}-", dir=scratch))
    wrap: Callable[[ASGIApp], ASGIApp] = counter.wrap
    with serve_reference_app(wrap, directory, (credentials.user, credentials.password)) as url:
        finished = timed_run(
            suite_command(directory / "reports", "--target-url", url, *options),
            cwd=ROOT,
            env=suite_environment(credentials.authorization, None),
            timeout=RUN_TIMEOUT_SECONDS,
        )
    return Measured(
        finished.seconds,
        counter.by_operation.copy(),
        breakdown(finished.stdout, "phase"),
        breakdown(finished.stdout, "operation"),
    )


def split_figures(runs: list[Measured]) -> list[Figure]:
    """Requests by phase (cases) and by operation (the suite's own calls), for context."""
    figures = []
    parts: list[tuple[str, Callable[[Measured], Counter[str]]]] = [
        ("cases, phase", lambda run: run.cases_by_phase),
        ("cases, operation", lambda run: run.cases_by_operation),
        ("own calls, operation", lambda run: run.own_calls),
    ]
    for label, part in parts:
        names = sorted({name for run in runs for name in part(run)})
        for name in names:
            values = [part(run)[name] for run in runs]
            if all(values):
                figures.append(Figure(f"{label} {name}", Spread.of(values)))
    return figures


def run(counts: Counts) -> Result:
    rate = parse_rate(counts.rate)
    per_second = rate.requests / rate.seconds
    with tempfile.TemporaryDirectory(prefix="bench-p6-") as scratch:
        runs = [measure(counts, Path(scratch), index) for index in range(counts.rounds)]
    figures = [
        Figure("requests", Spread.of([run.requests for run in runs]), REQUESTS_TARGET),
        Figure(
            "wall time ÷ (requests ÷ rate)",
            Spread.of([run.seconds / (run.requests / per_second) for run in runs]),
            OVERHEAD_TARGET,
        ),
        Figure("wall time (s)", Spread.of([run.seconds for run in runs])),
        *split_figures(runs),
    ]
    settings = {
        **asdict(counts),
        "seed": SEED,
        "received by operation": [dict(run.received) for run in runs],
        "cases by phase": [dict(run.cases_by_phase) for run in runs],
        "own calls by operation": [dict(run.own_calls) for run in runs],
    }
    return Result(ID, MEASURE, counts.rounds, figures, settings)
