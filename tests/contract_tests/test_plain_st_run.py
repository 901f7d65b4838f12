"""Plain ``st run`` from the checkout is polite by default: schemathesis.toml holds it to 10
requests a second (all but its two capability probes at the start, which schemathesis
sends outside its limiter), and the NothingLeftBehind check removes, when the run ends, every
credential its cases saved (it leaves them when told to skip that check: the control).

Seen failing by hand: schemathesis.toml without its ``rate-limit`` (the busiest second
held 16 requests), and NothingLeftBehind's removal at the end of the run left out.
"""

from __future__ import annotations

import secrets
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from schemathesis.engine.run.probes import HEADER_NAME as PROBE_HEADER
from starlette.types import ASGIApp

import spec_loader
from contract_tests.checks.nothing_left_behind import NothingLeftBehind
from contract_tests.run.options import NAMED_TARGET_RATE
from contract_tests.run.rate_limit import parse_rate
from fault_lab.arrivals import busiest_window, note_arrivals
from fault_lab.batch import Credentials, no_fault
from fault_lab.command_run import ST
from fault_lab.fault_servers import serve_reference_app
from fault_lab.intercept import Exchange, intercept
from fault_lab.stored_rows import stored_rows
from fault_lab.suite_run import ROOT, suite_environment
from spec_loader.links import credential_links

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
# Enough valid saves that some are not read back (and so not removed by the read-back):
# the control leaves 6 to 8; and enough requests (about 95) that the limit holds them
# for seconds, where 30 cases an operation (about 240) showed nothing more.
FUZZING = ("--phases", "fuzzing", "--max-examples", "10")
ST_RUN_TIMEOUT_SECONDS = 300
ONE_AT_THE_EDGE = 1
SPEC = spec_loader.load_spec()

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class StRun:
    exit_code: int
    output: str
    arrivals: list[float]
    rows_left: int


def st_run(directory: Path, *options: str, fault: Callable[[ASGIApp], ASGIApp] = no_fault) -> StRun:
    arrivals: list[float] = []
    # st run's capability probes, sent once before the first case, bypass its limiter.
    counted = note_arrivals(arrivals, unless_header=PROBE_HEADER)
    with serve_reference_app(
        lambda app: counted(fault(app)), directory, (CREDENTIALS.user, CREDENTIALS.password)
    ) as url:
        command = [ST, "run", str(spec_loader.spec_path()), "--url", url]
        command += ["-H", f"Authorization: {CREDENTIALS.authorization}"]
        command += ["--report-dir", str(directory / "st-run"), *FUZZING, *options]
        completed = subprocess.run(
            command,
            cwd=ROOT,  # where st run finds schemathesis.toml
            env=suite_environment(None, {}),
            capture_output=True,
            text=True,
            timeout=ST_RUN_TIMEOUT_SECONDS,
            check=False,
        )
    return StRun(
        completed.returncode,
        completed.stdout + completed.stderr,
        arrivals,
        len(stored_rows(directory)),
    )


@pytest.fixture(scope="module")
def polite(tmp_path_factory: pytest.TempPathFactory) -> StRun:
    return st_run(tmp_path_factory.mktemp("st-run"))


def test_st_run_keeps_to_10_requests_a_second_by_default(polite: StRun) -> None:
    rate = parse_rate(NAMED_TARGET_RATE)

    assert polite.exit_code == 0, polite.output[-3000:]
    assert len(polite.arrivals) > 3 * rate.requests
    busiest = busiest_window(polite.arrivals, rate.seconds)
    # schemathesis' limiter counts a request when it is sent, with a margin of its own:
    # at the server one more can fall into a window's edge (the suite's own limiter,
    # run/rate_limit.py, counts a request until its answer, and never lets it).
    assert busiest <= rate.requests + ONE_AT_THE_EDGE
    assert busiest >= rate.requests - 2  # the limit, not st run's own pace, held it
    seconds = max(polite.arrivals) - min(polite.arrivals)
    assert len(polite.arrivals) <= rate.requests * (seconds / rate.seconds + 1)


def test_st_run_removes_what_it_saved(polite: StRun) -> None:
    assert polite.rows_left == 0


def test_without_the_check_st_run_leaves_saves_behind(tmp_path: Path) -> None:
    careless = st_run(
        tmp_path, "--exclude-checks", NothingLeftBehind.__name__, "--rate-limit", "100/s"
    )

    assert careless.exit_code == 0, careless.output[-3000:]
    assert careless.rows_left > 0
    # And at its own rate, the limit above is seen to be broken: that test can fail.
    rate = parse_rate(NAMED_TARGET_RATE)
    assert busiest_window(careless.arrivals, rate.seconds) > rate.requests + ONE_AT_THE_EDGE


def removal_refused(app: ASGIApp) -> ASGIApp:
    """No removal done: each is sent on to a path the app does not serve (404), which is
    what NothingLeftBehind must report."""
    remove_path = spec_loader.operation(SPEC, credential_links(SPEC).remove.operation_id).path

    def misroute(request: Exchange) -> Exchange:
        return (
            replace(request, path=f"{request.path}-gone")
            if request.path == remove_path
            else request
        )

    return intercept(edit_request=misroute)(app)


def test_a_credential_it_cannot_remove_fails_the_check(tmp_path: Path) -> None:
    refused = st_run(tmp_path, "--rate-limit", "100/s", fault=removal_refused)

    assert refused.exit_code == 1, refused.output[-3000:]
    assert NothingLeftBehind.__name__ in refused.output
    assert "could not be removed" in refused.output
    assert refused.rows_left > 0
