"""One batch of contract-suite runs: every planted fault, every conformant variation, and more.

Every run is a separate ``pytest contract_tests`` process, as a user starts it;
batch_jobs() names them all, and shared_runs.py makes them, one per core at a time. The
batch: the clean reference server, each planted fault, each conformant variation, the
embedded default target, one unsanitized run, a server that sets a cookie and logs the
requests, and a 204 carrying the literal ``null`` with and without the spec's
x-tolerated-body. kill_matrix() says which faults the suite caught and which conformant
servers it passed.
"""

from __future__ import annotations

import secrets
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from starlette.types import ASGIApp

import spec_loader
from contract_tests.facts.contract import TOLERATED_BODY_EXTENSION
from contract_tests.run.options import OPTIONS
from fault_lab.fault_servers import no_fault as no_fault
from fault_lab.fault_servers import serve_reference_app
from fault_lab.faults import FAULTS, VARIATIONS, fault_named, null_on_no_content
from fault_lab.request_log import LOG_FILE, plant_cookie_and_log
from fault_lab.stored_rows import DATABASE
from fault_lab.suite_run import TESTS_FAILED, SuiteRun, run_suite
from reference_server.credential_sources import CREDENTIALS_ENV_VAR
from reference_server.launcher import start_server
from spec_loader.auth import basic_authorization

# Fixed, so that CI sees the same cases every time; bounded, so that the batch stays
# within a few minutes. Every fault must be caught with these settings.
SEED = "20261128"
MAX_EXAMPLES = "30"
CLEAN = "clean reference server"
EMBEDDED = "embedded reference server"
UNSANITIZED = "unsanitized, against crash_on_select"
COOKIE_SETTER = "server setting a cookie, XSRF token given"
# Made up, and only for the run above: long enough for secret_never_echoed to look for it.
XSRF_TOKEN = "contract-xsrf-token-0123456789"
TOLERATED = "204 with null, tolerated by the spec"
UNTOLERATED = "204 with null, spec without x-tolerated-body"
# The suite's identity on a wrapped reference server is an administrator, who never sees
# a secret: the suite is told so, as a user would tell it about a named server.
EXPECT_SECRETS = next(option.flag for option in OPTIONS if option.dest == "expect_secrets")
ADMINISTRATOR_SEES = "hidden"
CANARY_ASSOCIATE = next(option.flag for option in OPTIONS if option.dest == "canary_associate_id")
CANARY_ASSOCIATE_ID = "4242"
# A run that must fail (a fault's, the unsanitized one, the untolerated 204) stops at its
# first failing test: what its tests look for is in that failure, and the tests after it
# (other operations, the stateful phase) would only add time.
STOP_AT_FIRST_FAILURE = "--exitfirst"


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str

    @property
    def authorization(self) -> str:
        return basic_authorization(f"{self.user}:{self.password}")

    @property
    def token(self) -> str:
        """The secret part of the Authorization value."""
        return self.authorization.partition(" ")[2]


def new_credentials() -> Credentials:
    """Made up for one batch."""
    return Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))


@dataclass(frozen=True)
class Batch:
    credentials: Credentials
    runs: dict[str, SuiteRun]


def run_against(
    wrap: Callable[[ASGIApp], ASGIApp],
    directory: Path,
    credentials: Credentials,
    *options: str,
    env: dict[str, str] | None = None,
    seed: str = SEED,
    max_examples: str = MAX_EXAMPLES,
    canary: bool = True,
) -> SuiteRun:
    # As a user would name one, an associate the model phase may write besides the run's.
    canary_options = (CANARY_ASSOCIATE, CANARY_ASSOCIATE_ID) if canary else ()
    with serve_reference_app(wrap, directory, (credentials.user, credentials.password)) as url:
        return run_suite(
            directory / "reports",
            "--target-url",
            url,
            "--seed",
            seed,
            "--max-examples",
            max_examples,
            EXPECT_SECRETS,
            ADMINISTRATOR_SEES,
            *canary_options,
            *options,
            authorization=credentials.authorization,
            env=env,
        )


def run_as_associate(
    directory: Path, credentials: Credentials, associate: int, *options: str
) -> SuiteRun:
    """The suite, confined to ``associate``, against a reference server process whose one
    identity is that associate's, as every identity of a real server is; the identity
    goes to the server by environment variable, not on its command line."""
    identity = f"{credentials.user}:{credentials.password}@{associate}"
    env = {CREDENTIALS_ENV_VAR: shlex.join(["--basic", identity])}
    with start_server(database=directory / DATABASE, env=env) as server:
        return run_suite(
            directory / "reports",
            "--target-url",
            server.base_url,
            "--associate-id",
            str(associate),
            "--seed",
            "1",
            "--max-examples",
            "10",
            *options,
            authorization=credentials.authorization,
        )


def spec_without_tolerated_body(directory: Path) -> Path:
    """A copy of the spec whose success responses no longer tolerate any body."""
    spec = spec_loader.load_spec()
    for op in spec_loader.operations(spec):
        for response in op.node["responses"].values():
            response.pop(TOLERATED_BODY_EXTENSION, None)
    path = directory / "openapi-without-tolerated-body.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def batch_jobs(root: Path, credentials: Credentials) -> dict[str, Callable[[], SuiteRun]]:
    """Every run of the batch, by name, each in a folder of its own under ``root``: whole
    runs first, the short fault runs last, so that all who make them stay busy to the end."""

    def directory(name: str) -> Path:
        path = root / name.replace(" ", "-").replace(",", "")
        path.mkdir(parents=True)
        return path

    def against(
        name: str, wrap: Callable[[ASGIApp], ASGIApp], *options: str
    ) -> Callable[[], SuiteRun]:
        return lambda: run_against(wrap, directory(name), credentials, *options)

    def embedded() -> SuiteRun:
        reports = directory(EMBEDDED) / "reports"
        return run_suite(reports, "--seed", SEED, "--max-examples", MAX_EXAMPLES)

    def cookie_setter() -> SuiteRun:
        logged = directory(COOKIE_SETTER)
        wrap = plant_cookie_and_log(logged / LOG_FILE)
        # As a user who names no canary: the summary says what could not be checked.
        options = ("--xsrf-token", XSRF_TOKEN)
        return run_against(wrap, logged, credentials, *options, canary=False)

    def untolerated() -> SuiteRun:
        folder = directory(UNTOLERATED)
        env = {spec_loader.SPEC_ENV_VAR: str(spec_without_tolerated_body(folder))}
        return run_against(null_on_no_content, folder, credentials, STOP_AT_FIRST_FAILURE, env=env)

    jobs = {
        CLEAN: against(CLEAN, no_fault),
        EMBEDDED: embedded,
        UNSANITIZED: against(
            UNSANITIZED, fault_named("crash_on_select").wrap, "--unsanitized", STOP_AT_FIRST_FAILURE
        ),
        COOKIE_SETTER: cookie_setter,
        TOLERATED: against(TOLERATED, null_on_no_content),
        UNTOLERATED: untolerated,
    }
    for variation in VARIATIONS:
        jobs[variation.name] = against(variation.name, variation.wrap)
    for fault in FAULTS:
        only = ("-k", fault.only) if fault.only else ()
        jobs[fault.name] = against(fault.name, fault.wrap, STOP_AT_FIRST_FAILURE, *only)
    return jobs


def kill_matrix(runs: dict[str, SuiteRun]) -> str:
    rows = [("server", "verdict", "caught by the expected check", "all failed checks", "seconds")]
    killed = 0
    for fault in FAULTS:
        run = runs[fault.name]
        failed = run.failed_checks
        is_killed = run.exit_code == TESTS_FAILED and fault.caught_by in failed
        killed += is_killed
        rows.append(
            (
                fault.name,
                "killed" if is_killed else "SURVIVED",
                f"{fault.caught_by} {'yes' if fault.caught_by in failed else 'NO'}",
                ", ".join(failed) or "-",
                f"{run.seconds:.1f}",
            )
        )
    passing = (*(variation.name for variation in VARIATIONS), CLEAN)
    passed = 0
    for name in passing:
        run = runs[name]
        passed += run.exit_code == 0
        rows.append(
            (
                name,
                "passes" if run.exit_code == 0 else "FAILS",
                "-",
                ", ".join(run.failed_checks) or "-",
                f"{run.seconds:.1f}",
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    table = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    share = f"{killed}/{len(FAULTS)} faults killed by their check ({100 * killed // len(FAULTS)}%)"
    conformant = f"{passed}/{len(passing)} conformant servers passed (variations and the clean one)"
    return "\n".join([*table, share, conformant])
