"""One fuzz: the contract suite under pytest-xdist against reference servers, and what the
servers must not do meanwhile.

The suite is run once, as ``pytest contract_tests --numprocesses N``: schemathesis'
pytest plugin generates the cases (its examples, coverage, fuzzing and stateful phases,
positive and negative data, every media type), pytest-xdist shares its test items among
N workers, each against a reference server of its own (fuzz_workers.py says why), and
the controller merges what the workers sent into one HAR, one JUnit and one HTML
report. The suite fails on any 5xx, on a response that echoes a secret, and on every
other contract violation.

What is counted, from what was really sent rather than from --max-examples:
- cases: the entries of the merged HAR file, one per generated case, and the distinct
  ones among them (method, URL, headers and body);
- requests: the servers' access-log lines, the cases plus the checks' own extra
  requests (such as ignored_auth's probes without and with made-up credentials).

What must hold besides the suite passing: no access-log line has a 5xx status (or none
at all, a dropped connection); no server's log holds a SecretValue sent, nor the
Authorization credentials, the XSRF token sent as header and cookie, or the app token;
no database holds a saved SecretValue in clear. Besides the generated SecretValues, one
canary credential per media type, with a random SecretValue, is saved first on each
server, so these checks always have values to look for.
"""

from __future__ import annotations

import re
import secrets
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx

import spec_loader
from fault_lab.suite_run import RUN_TIMEOUT_SECONDS, run_suite
from reference_server.launcher import start_server
from spec_loader.auth import basic_authorization
from tests.reference_server.bodies import encode
from tests.reference_server.live_server import SAVE, SPEC, credential
from tests.reliability import fuzz_workers
from tests.reliability.database_files import in_clear
from tests.reliability.fuzz_traffic import (
    MEDIA_TYPES,
    SentSecrets,
    case_identity,
    har_entries,
    media_type_of,
)
from tests.reliability.fuzz_workers import TARGET_URL_ENV_VAR, TARGETS_ENV_VAR
from tests.reliability.server_logs import leaked

# test_fuzz.py's options (tests/reliability/conftest.py), set by `nox -s fuzz`.
FUZZ_MAX_EXAMPLES = "fuzz_max_examples"
FUZZ_SEED = "fuzz_seed"
FUZZ_REPORTS_DIR = "fuzz_reports_dir"
ACCESS_LINE = re.compile(r" reference_server\.access: \S+ \S+ (?P<status>\d+) ")
CANARY_TIMEOUT = httpx.Timeout(10.0)
# A bound per fuzzing case asked for, a few times what a case takes on a busy machine
# (300 per operation took 51 s): a run that has not ended by then is stuck.
SECONDS_PER_MAX_EXAMPLE = 0.5
# The last part of the suite's output shown for a failed run: its failures and summary.
OUTPUT_TAIL = 3000


@dataclass
class FuzzResult:
    seed: int
    workers: int
    min_distinct: int
    cases_by_media_type: Counter[str] = field(default_factory=Counter)
    distinct: set[bytes] = field(default_factory=set)
    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    failed_run: str | None = None
    leaked_to_log: list[str] = field(default_factory=list)
    secrets_in_database: list[str] = field(default_factory=list)
    looked_for: tuple[int, int] = (0, 0)  # values looked for in the log, in the database
    reports_dir: Path = Path()
    seconds: float = 0.0

    @property
    def cases(self) -> int:
        return sum(self.cases_by_media_type.values())

    def problems(self) -> list[str]:
        found = [f"the suite failed: {self.failed_run}"] if self.failed_run else []
        found += [f"5xx or dropped: {line}" for line in self.server_errors]
        found += [f"in the server log: {value!r}" for value in self.leaked_to_log]
        found += [f"in clear in the database: {value!r}" for value in self.secrets_in_database]
        if len(self.distinct) < self.min_distinct:
            sent = len(self.distinct)
            found.append(f"only {sent} distinct cases sent, fewer than {self.min_distinct}")
        return found

    def summary(self) -> str:
        by_type = ", ".join(f"{name} {n}" for name, n in sorted(self.cases_by_media_type.items()))
        return (
            f"cases sent: {self.cases}, distinct: {len(self.distinct)},"
            f" seed {self.seed}, {self.workers} pytest-xdist workers with a server each\n"
            f"by request media type: {by_type}\n"
            f"HTTP requests the servers answered: {self.requests}\n"
            f"5xx or dropped answers: {len(self.server_errors)}\n"
            f"secret values looked for in the log: {self.looked_for[0]},"
            f" SecretValues in the database: {self.looked_for[1]}\n"
            f"duration: {self.seconds:.0f} s\n"
            f"reports: {self.reports_dir.resolve()}\n"
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


def run_fuzz(
    directory: Path, seed: int, max_examples: int, workers: int, min_distinct: int
) -> FuzzResult:
    """Fuzz fresh reference servers, one per worker; their databases and the reports go to
    ``directory``."""
    started = time.monotonic()
    user, password = f"fuzz-{secrets.token_hex(4)}", secrets.token_urlsafe(24)
    authorization = basic_authorization(f"{user}:{password}")
    xsrf, app_token = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    databases = [directory / f"server-{n}" / "credentials.sqlite3" for n in range(workers)]
    args = ("--basic", f"{user}:{password}", f"--xsrf={xsrf}")
    with ExitStack() as stack:
        servers = []
        for database in databases:
            database.parent.mkdir(parents=True, exist_ok=True)
            servers.append(stack.enter_context(start_server(database=database, args=args)))
        canaries = set().union(*(save_canaries(s.base_url, authorization) for s in servers))
        urls = [server.base_url for server in servers]
        run = run_suite(
            directory / "reports",
            "-p", fuzz_workers.__name__,
            "--numprocesses", str(workers),
            "--seed", str(seed),
            "--max-examples", str(max_examples),
            # `=`: a random token may begin with "-", which argparse would take for an option.
            f"--xsrf-token={xsrf}",
            f"--app-token={app_token}",
            # The HAR must hold the real SecretValues to look for them; the credentials
            # are made up for this run only.
            "--unsanitized",
            authorization=authorization,
            env={TARGET_URL_ENV_VAR: urls[0], TARGETS_ENV_VAR: " ".join(urls)},
            timeout=RUN_TIMEOUT_SECONDS + SECONDS_PER_MAX_EXAMPLE * max_examples,
        )  # fmt: skip
    result = FuzzResult(seed, workers, min_distinct, reports_dir=run.reports_dir)
    if run.exit_code != 0:
        result.failed_run = f"exit {run.exit_code}: {run.output[-OUTPUT_TAIL:]}"
    sent = SentSecrets()
    for entry in har_entries(run):
        result.cases_by_media_type[media_type_of(entry)] += 1
        result.distinct.add(case_identity(entry))
        sent.add(entry)
    logs = [server.output() for server in servers]
    for line in "\n".join(logs).splitlines():
        if (match := ACCESS_LINE.search(line)) is not None:
            result.requests += 1
            if match["status"] == "0" or match["status"].startswith("5"):
                result.server_errors.append(line)
    in_log = sent.candidates(sent.sent) | canaries
    in_log |= {password, authorization.split()[1], xsrf, app_token}
    in_database = sent.candidates(sent.saved) | canaries
    result.looked_for = (len(in_log), len(in_database))
    result.leaked_to_log = leaked(in_log, *logs)
    result.secrets_in_database = sorted(
        {value for database in databases for value in in_clear(in_database, database)}
    )
    result.seconds = time.monotonic() - started
    return result
