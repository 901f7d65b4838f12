"""The long fuzz: the contract suite against one reference server until N cases were sent.

``python -m tests.reliability.fuzz [CASES] [--seed S]`` (``nox -s fuzz -- CASES``) runs
``pytest contract_tests`` in batches, two at a time (one per core), each with its own
seed, against one reference server subprocess, until the batches together sent CASES
distinct cases (default 10,000). The contract suite decides what a case is:
schemathesis' examples, coverage and fuzzing phases, positive and negative data,
every media type. It fails a batch on any 5xx, on a response that echoes a secret,
and on every other contract violation.

What is counted, from what was really sent rather than from --max-examples:
- cases: the entries of the batches' HAR files, one per generated case; the target
  counts distinct cases (method, URL, headers and body), since batches repeat some of
  the coverage phase's cases whatever their seed;
- requests: the server's access-log lines, the cases plus the checks' own extra
  requests (such as ignored_auth's probes without and with made-up credentials).

What must hold: every batch passes; no access-log line has a 5xx status (or none at
all, a dropped connection); the server's log holds no SecretValue sent, nor the
Authorization credentials, the XSRF token sent as header and cookie, or the app token;
the database holds no saved SecretValue in clear. Besides the generated SecretValues,
one canary credential per media type, with a random SecretValue, is saved first, so
these checks always have values to look for.
"""

from __future__ import annotations

import argparse
import datetime
import re
import secrets
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

import spec_loader
from fault_lab.suite_run import SuiteRun, run_suite
from reference_server.launcher import start_server
from spec_loader.auth import basic_authorization
from tests.reference_server.bodies import encode
from tests.reference_server.live_server import SAVE, SPEC, credential
from tests.reliability.database_files import in_clear
from tests.reliability.fuzz_traffic import (
    MEDIA_TYPES,
    SentSecrets,
    case_identity,
    har_entries,
    media_type_of,
)
from tests.reliability.server_logs import leaked

DEFAULT_CASES = 10_000
PARALLEL_BATCHES = 2
# Per batch: about this many fuzzing cases, plus some 650 of the examples and coverage
# phases. Small enough that a batch ends well within run_suite's timeout (a batch of
# 2000 took 5 minutes with both cores shared); a batch that does not end fails the run.
LONG_BATCH_MAX_EXAMPLES = 1000
# The most batches one run may take, whatever CASES asks for: the loop always ends.
MAX_BATCHES = 200
ACCESS_LINE = re.compile(r" reference_server\.access: \S+ \S+ (?P<status>\d+) ")
CANARY_TIMEOUT = httpx.Timeout(10.0)


@dataclass
class FuzzResult:
    target_cases: int
    seeds: list[int] = field(default_factory=list)
    cases_by_media_type: Counter[str] = field(default_factory=Counter)
    distinct: set[bytes] = field(default_factory=set)
    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    failed_batches: list[str] = field(default_factory=list)
    leaked_to_log: list[str] = field(default_factory=list)
    secrets_in_database: list[str] = field(default_factory=list)
    looked_for: tuple[int, int] = (0, 0)  # values looked for in the log, in the database
    seconds: float = 0.0

    @property
    def cases(self) -> int:
        return sum(self.cases_by_media_type.values())

    def problems(self) -> list[str]:
        found = [f"batch failed: {failure}" for failure in self.failed_batches]
        found += [f"5xx or dropped: {line}" for line in self.server_errors]
        found += [f"in the server log: {value!r}" for value in self.leaked_to_log]
        found += [f"in clear in the database: {value!r}" for value in self.secrets_in_database]
        if len(self.distinct) < self.target_cases:
            found.append(f"only {len(self.distinct)} of {self.target_cases} distinct cases sent")
        return found

    def summary(self) -> str:
        by_type = ", ".join(f"{name} {n}" for name, n in sorted(self.cases_by_media_type.items()))
        return (
            f"cases sent: {self.cases}, distinct: {len(self.distinct)}"
            f" (target {self.target_cases}), in {len(self.seeds)} batches,"
            f" seeds {self.seeds[0]}..{self.seeds[-1]}\n"
            f"by request media type: {by_type}\n"
            f"HTTP requests the server answered: {self.requests}\n"
            f"5xx or dropped answers: {len(self.server_errors)}\n"
            f"secret values looked for in the log: {self.looked_for[0]},"
            f" SecretValues in the database: {self.looked_for[1]}\n"
            f"duration: {self.seconds:.0f} s\n"
            f"problems: {len(self.problems())}"
        )


def save_canaries(base_url: str, authorization: str) -> set[str]:
    """Save one credential per media type with a random SecretValue; the values saved."""
    saved = set()
    with httpx.Client(timeout=CANARY_TIMEOUT) as client:
        for media_type in MEDIA_TYPES:
            secret = "canary-" + secrets.token_urlsafe(16)
            document = credential(f"canary {media_type}", SecretValue=secret)
            response = client.post(
                base_url + spec_loader.operation(SPEC, SAVE).path,
                content=encode(document, media_type),
                headers={"Authorization": authorization, "Content-Type": media_type},
            )
            if response.status_code == 204:
                saved.add(secret)
    return saved


def run_batch(
    directory: Path, base_url: str, seed: int, max_examples: int, auth: dict[str, str]
) -> SuiteRun:
    return run_suite(
        directory / f"batch-{seed}",
        "--target-url", base_url,
        "--seed", str(seed),
        "--max-examples", str(max_examples),
        # `=`: a random token may begin with "-", which argparse would take for an option.
        f"--xsrf-token={auth['xsrf']}",
        f"--app-token={auth['app_token']}",
        # The HAR must hold the real SecretValues to look for them; the credentials
        # are made up for this run only.
        "--unsanitized",
        authorization=auth["authorization"],
    )  # fmt: skip


def record(result: FuzzResult, sent: SentSecrets, seed: int, run: SuiteRun) -> None:
    result.seeds.append(seed)
    if run.exit_code != 0:
        result.failed_batches.append(f"seed {seed} exit {run.exit_code}: {run.output[-3000:]}")
    for entry in har_entries(run):
        result.cases_by_media_type[media_type_of(entry)] += 1
        result.distinct.add(case_identity(entry))
        sent.add(entry)


def run_fuzz(
    target_cases: int,
    directory: Path,
    seed: int,
    max_examples: int,
    parallel: int = PARALLEL_BATCHES,
) -> FuzzResult:
    """Fuzz until ``target_cases`` distinct cases were sent, a batch fails, or MAX_BATCHES."""
    started = time.monotonic()
    user, password = f"fuzz-{secrets.token_hex(4)}", secrets.token_urlsafe(24)
    auth = {
        "authorization": basic_authorization(f"{user}:{password}"),
        "xsrf": secrets.token_urlsafe(24),
        "app_token": secrets.token_urlsafe(24),
    }
    result, sent = FuzzResult(target_cases), SentSecrets()
    database = directory / "credentials.sqlite3"
    args = ("--basic", f"{user}:{password}", f"--xsrf={auth['xsrf']}")
    with (
        start_server(database=database, args=args) as server,
        ThreadPoolExecutor(parallel) as pool,
    ):
        canaries = save_canaries(server.base_url, auth["authorization"])
        # A failed batch ends the run: its report says why, and a server that fails
        # every batch at its first case would otherwise take MAX_BATCHES batches.
        while (
            len(result.distinct) < target_cases
            and len(result.seeds) < MAX_BATCHES
            and not result.failed_batches
        ):
            seeds = [seed + len(result.seeds) + n for n in range(parallel)]
            runs = pool.map(
                lambda s: run_batch(directory, server.base_url, s, max_examples, auth), seeds
            )
            for batch_seed, run in zip(seeds, runs, strict=True):
                record(result, sent, batch_seed, run)
    log = server.output()
    for line in log.splitlines():
        if (match := ACCESS_LINE.search(line)) is not None:
            result.requests += 1
            if match["status"] == "0" or match["status"].startswith("5"):
                result.server_errors.append(line)
    in_log = sent.candidates(sent.sent) | canaries
    in_log |= {password, auth["authorization"].split()[1], auth["xsrf"], auth["app_token"]}
    in_database = sent.candidates(sent.saved) | canaries
    result.looked_for = (len(in_log), len(in_database))
    result.leaked_to_log = leaked(in_log, log)
    result.secrets_in_database = in_clear(in_database, database)
    result.seconds = time.monotonic() - started
    return result


def main(arguments: list[str] | None = None) -> int:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    parser = argparse.ArgumentParser(
        prog="python -m tests.reliability.fuzz", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("cases", type=int, nargs="?", default=DEFAULT_CASES)
    parser.add_argument("--seed", type=int, default=secrets.randbelow(2**31))
    parser.add_argument("--max-examples", type=int, default=LONG_BATCH_MAX_EXAMPLES)
    parser.add_argument("--reports-dir", type=Path, default=Path("reports") / f"fuzz-{stamp}")
    options = parser.parse_args(arguments)
    options.reports_dir.mkdir(parents=True, exist_ok=True)
    result = run_fuzz(options.cases, options.reports_dir, options.seed, options.max_examples)
    print(result.summary())
    for problem in result.problems():
        print(problem)
    print(f"reports: {options.reports_dir.resolve()}")
    return 1 if result.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
