"""P5: the contract suite's cases per second, against plain ``st run`` doing the same.

Same spec, same reference server (one, for every run), same seed and example count,
and the same schemathesis.toml but for its rate limit: the file's 10/s is plain
``st run``'s default for any server, which the suite drops against a server of its own,
so ``st run`` gets a copy without it (``st run`` starts in the checkout, where the
copy's ``hooks`` finds the project's checks). A case is one exchange the run made and judged
by every check, in every phase: for ``st run`` an entry of its HAR report, for the
suite a response its summary counts as checked. That is the suite's cases and, per
spec example, the second call without credentials, which is judged by every check too
and which ``st run`` does not make. Not the suite's HAR: schemathesis' pytest plugin
writes reports for parametrized tests only, so the stateful phase, which the suite
runs through ``as_state_machine()``, is not in it, and of each spec example it keeps
one of the two exchanges. The time is the whole process, start-up included, as a user
waits for it.

``--p5-stateful-only 1`` narrows both sides to the stateful phase for a quick look (the
smoke test's): ``st run --phases stateful``, and the suite's test of that phase.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

import spec_loader
from benchmarks.commands import timed_run
from benchmarks.contract_runs import PASSED, SUITE_OPTIONS, fresh_credentials, require_exit
from benchmarks.ratios import interleave
from benchmarks.report import Result, Target, paired_figures
from contract_tests.run.schemathesis_schema import CONFIG_PATH
from fault_lab.batch import MAX_EXAMPLES, SEED, no_fault
from fault_lab.fault_servers import serve_reference_app
from fault_lab.planted_fault import STATEFUL_PHASE
from fault_lab.suite_run import RUN_TIMEOUT_SECONDS, responses_checked, run_suite
from reference_server.launcher import PROJECT_ROOT

ID = "P5"
MEASURE = "contract suite cases/s ÷ `st run` with the same spec, server, seed and settings"
TARGET = Target(">=", 1.0)
ST = Path(sys.executable).parent / "st"
RATE_LIMIT_KEY = "rate-limit"
RATE_LIMIT_LINE = re.compile(rf"^{RATE_LIMIT_KEY}\s*=")
# st run's name of the phase that planted_fault.STATEFUL_PHASE selects in the suite.
ST_STATEFUL_PHASE = "stateful"


@dataclass(frozen=True)
class Counts:
    # A round is two runs of 10-15 s each. The two sides' speeds were within a few per
    # cent of each other while one busy neighbour moved a pair by 20 %: 5 pairs, so one
    # such pair no longer decides the median.
    rounds: int = 5
    max_examples: int = int(MAX_EXAMPLES)
    # 1: both sides run the stateful phase only.
    stateful_only: int = 0


def config_without_rate_limit(folder: Path) -> Path:
    """A copy of schemathesis.toml in ``folder`` whose only difference is no rate limit."""
    text = CONFIG_PATH.read_text(encoding="utf-8")
    kept = "".join(
        line for line in text.splitlines(keepends=True) if not RATE_LIMIT_LINE.match(line)
    )
    expected = tomllib.loads(text)
    expected.pop(RATE_LIMIT_KEY)
    if tomllib.loads(kept) != expected:
        raise RuntimeError(f"{CONFIG_PATH}: its {RATE_LIMIT_KEY} is not one top-level line")
    copy = folder / CONFIG_PATH.name
    copy.write_text(kept, encoding="utf-8")
    return copy


def har_entries(path: Path) -> int:
    return len(json.loads(path.read_text(encoding="utf-8"))["log"]["entries"])


def run(counts: Counts) -> Result:
    credentials = fresh_credentials()
    settings = ("--seed", SEED, "--max-examples", str(counts.max_examples))
    with (
        tempfile.TemporaryDirectory(prefix="bench-p5-") as scratch,
        serve_reference_app(
            no_fault, Path(scratch), (credentials.user, credentials.password)
        ) as url,
    ):
        config = config_without_rate_limit(Path(scratch))

        def st_run(index: int) -> float:
            har = Path(scratch) / f"st-{index}.har"
            command = [str(ST), "--config-file", str(config), "run"]
            command += [str(spec_loader.spec_path()), "--url", url, *settings]
            command += ["--header", f"Authorization: {credentials.authorization}"]
            command += ["--report-dir", str(Path(scratch) / f"st-{index}")]
            command += ["--report-har-path", str(har)]
            if counts.stateful_only:
                command += ["--phases", ST_STATEFUL_PHASE]
            finished = timed_run(command, cwd=PROJECT_ROOT, timeout=RUN_TIMEOUT_SECONDS)
            return har_entries(har) / finished.seconds

        def suite(index: int) -> float:
            reports = Path(scratch) / f"suite-{index}"
            suite_run = run_suite(
                reports,
                "--target-url",
                url,
                *settings,
                *SUITE_OPTIONS,
                *(("-k", STATEFUL_PHASE) if counts.stateful_only else ()),
                authorization=credentials.authorization,
            )
            require_exit(suite_run.exit_code, PASSED, suite_run.output[-5000:])
            return responses_checked(suite_run.output) / suite_run.seconds

        pairs = interleave(st_run, suite, counts.rounds)
    return Result(
        ID,
        MEASURE,
        counts.rounds,
        paired_figures(
            pairs,
            ratio=("suite ÷ st run cases/s", TARGET),
            subject=("suite cases/s", None),
            baseline="st run cases/s",
        ),
        asdict(counts),
    )
