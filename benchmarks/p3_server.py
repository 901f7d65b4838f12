"""P3: how fast the reference server takes saves, against a no-op endpoint on the same stack.

Both apps are served the same way (reference_server.launcher.serve_app: uvicorn in a
thread of this process, which otherwise only waits), and loaded from a separate process
(benchmarks.load) with the same number of keep-alive connections. The save is the
spec's example, sent as an administrator, so every request goes the whole way to a
committed row.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import spec_loader
from benchmarks.commands import timed_run
from benchmarks.load import LoadRun
from benchmarks.ratios import Spread, interleave
from benchmarks.report import Figure, Result, Target
from reference_server.app import create_app
from reference_server.launcher import PROJECT_ROOT, child_environment, serve_app
from reference_server.settings import Identity, Scheme, Settings
from spec_loader.auth import basic_authorization
from spec_loader.links import credential_links
from spec_loader.statuses import NO_CONTENT

ID = "P3"
MEASURE = (
    "reference server saves/s with 8 concurrent clients ÷ a no-op 204 endpoint on the same"
    " uvicorn/Starlette stack; p50 and p99 latency of saves"
)
RATE_TARGET = Target(">=", 0.5)
TAIL_TARGET = Target("<=", 3.0)
USER, PASSWORD = "benchmark", "benchmark-password"
# The operation measured: a save, the product.
SPEC = spec_loader.load_spec()
SAVE = spec_loader.operation(SPEC, credential_links(SPEC).save_operation_id)
# Past the run's own time limit, the load process is stuck.
LOAD_GRACE_SECONDS = 30.0


@dataclass(frozen=True)
class Counts:
    rounds: int = 5
    connections: int = 8
    # Per run; a run also stops after `seconds`.
    requests: int = 4000
    seconds: float = 20.0
    warmup_requests: int = 400


async def no_content(request: Request) -> Response:
    return Response(status_code=NO_CONTENT)


def no_op_app() -> Starlette:
    return Starlette(routes=[Route(SAVE.path, no_content, methods=[SAVE.method.upper()])])


def percentile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


class LoadCommand:
    """``python -m benchmarks.load`` against one server with the prepared save request."""

    def __init__(self, directory: Path, counts: Counts) -> None:
        spec = spec_loader.load_spec()
        example = spec_loader.component(spec, "examples", "ImapCredentials")["value"]
        self.body_file = directory / "body.json"
        self.body_file.write_text(json.dumps(example), encoding="utf-8")
        self.headers = [
            f"Authorization: {basic_authorization(f'{USER}:{PASSWORD}')}",
            f"Content-Type: {spec_loader.request_media_types(spec, SAVE.operation_id)[0]}",
        ]
        self.counts = counts

    def __call__(self, base_url: str, requests: int) -> LoadRun:
        command = [sys.executable, "-m", "benchmarks.load", base_url + SAVE.path]
        command += ["--body-file", str(self.body_file), "--expect", str(NO_CONTENT)]
        for header in self.headers:
            command += ["--header", header]
        command += ["--connections", str(self.counts.connections)]
        command += ["--requests", str(requests), "--seconds", str(self.counts.seconds)]
        finished = timed_run(
            command,
            cwd=PROJECT_ROOT,
            env=child_environment(None),
            timeout=self.counts.seconds + LOAD_GRACE_SECONDS,
        )
        return LoadRun(**json.loads(finished.stdout))


def run(counts: Counts) -> Result:
    with tempfile.TemporaryDirectory(prefix="bench-p3-") as scratch:
        directory = Path(scratch)
        load = LoadCommand(directory, counts)
        settings = Settings(
            database=directory / "credentials.sqlite3",
            identities=(Identity(Scheme.BASIC, f"{USER}:{PASSWORD}"),),
        )
        with serve_app(no_op_app()) as no_op_url, serve_app(create_app(settings)) as save_url:
            load(no_op_url, counts.warmup_requests)
            load(save_url, counts.warmup_requests)
            pairs = interleave(
                lambda _round: load(no_op_url, counts.requests),
                lambda _round: load(save_url, counts.requests),
                counts.rounds,
            )
    saves = [save for _, save in pairs]
    p50s = [percentile(save.latencies, 50) for save in saves]
    p99s = [percentile(save.latencies, 99) for save in saves]
    return Result(
        ID,
        MEASURE,
        counts.rounds,
        [
            Figure(
                "saves/s ÷ no-op/s",
                Spread.of([save.per_second / no_op.per_second for no_op, save in pairs]),
                RATE_TARGET,
            ),
            Figure(
                "save p99 ÷ p50",
                Spread.of([p99 / p50 for p50, p99 in zip(p50s, p99s, strict=True)]),
                TAIL_TARGET,
            ),
            Figure("save p50 (ms)", Spread.of([p50 * 1000 for p50 in p50s])),
            Figure("save p99 (ms)", Spread.of([p99 * 1000 for p99 in p99s])),
            Figure("saves/s", Spread.of([save.per_second for save in saves])),
            Figure("no-op/s", Spread.of([no_op.per_second for no_op, _ in pairs])),
        ],
        asdict(counts),
    )
