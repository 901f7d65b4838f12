"""``--rate-limit 20/s`` holds at the server for every request of a run, and a run of
superoffice-contract interrupted with Ctrl-C still removes what it saved (its removals
within the limit too), and exits with 130.

The server counts: each request's arrival time is noted before the app sees it.
"""

from __future__ import annotations

import secrets
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from contract_tests.report.verdict import SuiteExit
from contract_tests.run.rate_limit import parse_rate
from fault_lab.arrivals import busiest_window, note_arrivals
from fault_lab.batch import Credentials
from fault_lab.command_run import SCRIPT
from fault_lab.fault_servers import serve_reference_app
from fault_lab.stored_rows import stored_rows
from fault_lab.suite_run import ROOT, cleanup_counts, suite_environment

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
RATE = "20/s"
# Enough requests that the limit, not the suite's own pace, set the rate for seconds.
REQUESTS_BEFORE_CTRL_C = 120
# Bounds on waiting: far above what the run needs at the limit.
START_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class InterruptedRun:
    exit_code: int
    output: str
    arrivals: list[float]  # monotonic seconds, one per request the server got
    rows_left: int


@contextmanager
def children_take_ctrl_c() -> Iterator[None]:
    """Processes started inside get Ctrl-C's default action, even where this one ignores it.

    A shell starts a background job (``cmd &`` without job control, as a CI script or
    nohup may) with SIGINT ignored, and an ignored signal stays ignored across fork and
    exec: the suite would then never see the Ctrl-C this test plays. A handled signal
    is reset to its default at exec, so handling it here for the while is enough.
    """
    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory: pytest.TempPathFactory) -> InterruptedRun:
    directory = tmp_path_factory.mktemp("rate-limit")
    arrivals: list[float] = []
    with serve_reference_app(
        note_arrivals(arrivals), directory, (CREDENTIALS.user, CREDENTIALS.password)
    ) as url:
        with children_take_ctrl_c():
            command = [SCRIPT, "--reports-dir", str(directory / "reports"), "--target-url", url]
            process = subprocess.Popen(
                [*command, "--rate-limit", RATE],
                cwd=ROOT,
                env=suite_environment(CREDENTIALS.authorization, None),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        output: list[str] = []
        reader = threading.Thread(target=lambda: output.extend(process.stdout or ()))
        reader.start()
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while len(arrivals) < REQUESTS_BEFORE_CTRL_C and time.monotonic() < deadline:
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)  # what Ctrl-C sends
        exit_code = process.wait(STOP_TIMEOUT_SECONDS)
        reader.join(STOP_TIMEOUT_SECONDS)
    return InterruptedRun(exit_code, "".join(output), arrivals, len(stored_rows(directory)))


def test_no_second_holds_more_requests_than_the_limit(interrupted: InterruptedRun) -> None:
    rate = parse_rate(RATE)
    assert len(interrupted.arrivals) >= REQUESTS_BEFORE_CTRL_C, interrupted.output[-3000:]
    busiest = busiest_window(interrupted.arrivals, rate.seconds)
    assert busiest <= rate.requests
    # The limit was reached, so it is the limit that held the rate down.
    assert busiest >= rate.requests - 2


def test_an_interrupted_run_removes_what_it_saved(interrupted: InterruptedRun) -> None:
    assert interrupted.exit_code == SuiteExit.INTERRUPTED, interrupted.output[-3000:]
    assert "INTERRUPTED" in interrupted.output
    saved, removed = cleanup_counts(interrupted.output)
    assert saved == removed > 0
    assert interrupted.rows_left == 0


def test_busiest_window_counts_a_burst() -> None:
    # The measure itself must be able to fail: 21 requests within one second count 21.
    burst = [0.0, *(0.99 * index / 20 for index in range(1, 21)), 5.0]
    assert busiest_window(burst, 1.0) == 21
    assert busiest_window([0.0, 1.0, 2.0], 1.0) == 1
