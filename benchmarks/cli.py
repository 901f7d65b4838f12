"""The command line: run some or all benchmarks, print the table, write the JSON.

Every count is a flag named after its benchmark, e.g. ``--p1-calls``, with the
default that the issue asks for; the smoke test passes tiny ones.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import (
    p1_client,
    p2_fault_catch,
    p3_server,
    p4_generate,
    p5_suite_rate,
    p6_budget,
)
from benchmarks.commands import CommandFailedError, MissingToolError
from benchmarks.report import Result, table, verdict, write_json

REPORTS_ROOT = Path("reports")


@dataclass(frozen=True)
class Benchmark:
    id: str
    counts: type[Any]  # a dataclass of counts with defaults
    run: Callable[[Any], Result]

    def flag(self, name: str) -> str:
        return f"--{self.id.lower()}-{name.replace('_', '-')}"


BENCHMARKS = (
    Benchmark(p1_client.ID, p1_client.Counts, p1_client.run),
    Benchmark(p2_fault_catch.ID, p2_fault_catch.Counts, p2_fault_catch.run),
    Benchmark(p3_server.ID, p3_server.Counts, p3_server.run),
    Benchmark(p4_generate.ID, p4_generate.Counts, p4_generate.run),
    Benchmark(p5_suite_rate.ID, p5_suite_rate.Counts, p5_suite_rate.run),
    Benchmark(p6_budget.ID, p6_budget.Counts, p6_budget.run),
)


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    ids = [benchmark.id for benchmark in BENCHMARKS]
    parser.add_argument("--only", nargs="+", choices=ids, default=ids, help="run only these")
    parser.add_argument(
        "--output", type=Path, help=f"the JSON file (default {REPORTS_ROOT}/bench-<time>.json)"
    )
    for benchmark in BENCHMARKS:
        group = parser.add_argument_group(benchmark.id)
        for field in dataclasses.fields(benchmark.counts):
            default = field.default
            group.add_argument(
                benchmark.flag(field.name),
                type=type(default),
                default=default,
                help="default: %(default)s",
            )
    return parser


def counts_of(benchmark: Benchmark, options: argparse.Namespace) -> Any:
    values = {
        field.name: getattr(options, benchmark.flag(field.name)[2:].replace("-", "_"))
        for field in dataclasses.fields(benchmark.counts)
    }
    return benchmark.counts(**values)


def default_output() -> Path:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    return REPORTS_ROOT / f"bench-{stamp}.json"


def main(arguments: Sequence[str] | None = None) -> int:
    options = parser().parse_args(arguments)
    results = []
    for benchmark in BENCHMARKS:
        if benchmark.id in options.only:
            print(f"{benchmark.id}: running ...", file=sys.stderr, flush=True)
            try:
                result = benchmark.run(counts_of(benchmark, options))
            except (MissingToolError, CommandFailedError) as error:
                print(f"{benchmark.id}: cannot run: {error}", file=sys.stderr)
                return 1
            print(f"{benchmark.id}: {verdict(result.met)}", file=sys.stderr, flush=True)
            results.append(result)
    output = options.output or default_output()
    write_json(results, output)
    print(table(results))
    print(f"JSON: {output.resolve()}")
    return 0
