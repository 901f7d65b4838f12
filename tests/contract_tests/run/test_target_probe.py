"""A run that cannot test its target stops at once, in a few lines, and says why; a run
whose cases are mostly refused for authentication is not tested either, and says so."""

from __future__ import annotations

import re
import secrets
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from _pytest.config import ExitCode
from starlette.types import ASGIApp

from contract_tests.facts.contract import contract_facts
from contract_tests.report.verdict import SuiteExit
from contract_tests.run.options import NAMED_TARGET_RATE
from fault_lab.batch import Credentials, no_fault
from fault_lab.fault_servers import serve_reference_app
from fault_lab.intercept import Answer, Exchange, intercept
from fault_lab.suite_run import RATE_LIMIT_ENV_VAR, SuiteRun, run_suite
from spec_loader.statuses import is_success

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
WRONG = Credentials(CREDENTIALS.user, f"not-{CREDENTIALS.password}")
MAX_LINES = 20
MAX_SECONDS = 5.0
# The summary's line of the run's own time: "time:        0.9 s".
SESSION_SECONDS = re.compile(r"^time: +(\d+\.\d+) s$", re.MULTILINE)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("refusals")
    with serve_reference_app(no_fault, directory, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        yield url


def stopped_run(tmp_path: Path, url: str, authorization: str | None) -> SuiteRun:
    return run_suite(tmp_path / "reports", "--target-url", url, authorization=authorization)


def assert_one_short_error(
    run: SuiteRun, *secrets_given: str, exit_code: int = SuiteExit.NOT_TESTED
) -> None:
    assert run.exit_code == exit_code, run.output
    assert len(run.output.splitlines()) < MAX_LINES, run.output
    assert "Traceback" not in run.output
    assert not any(secret in run.output for secret in secrets_given)


def test_a_wrong_password_stops_the_run_and_names_the_401(tmp_path: Path, server_url: str) -> None:
    run = stopped_run(tmp_path, server_url, WRONG.authorization)
    assert_one_short_error(run, WRONG.password, WRONG.token)
    assert "refused with 401" in run.output
    assert "passed" not in run.output


def test_no_credentials_at_all_stop_it_too(tmp_path: Path, server_url: str) -> None:
    run = stopped_run(tmp_path, server_url, None)
    assert_one_short_error(run)
    assert "refused with 401" in run.output


def test_a_closed_port_is_one_short_error_without_the_credential(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    # Nothing listens once the socket is closed. No rate limit is given this time, so
    # the named target's default applies.
    run = run_suite(
        tmp_path / "reports",
        "--target-url",
        url,
        authorization=CREDENTIALS.authorization,
        env={RATE_LIMIT_ENV_VAR: ""},
    )
    assert_one_short_error(run, CREDENTIALS.password, CREDENTIALS.token)
    assert f"{url}/api/v1/" in run.output
    assert "Connection refused" in run.output
    assert re.search(rf"^rate limit: +{re.escape(NAMED_TARGET_RATE)}$", run.output, re.MULTILINE)
    # The session's own time, as pytest reports it: no retries, no back-off.
    match = SESSION_SECONDS.search(run.output)
    assert match is not None, run.output
    assert float(match.group(1)) < MAX_SECONDS


def test_https_to_an_http_server_is_one_short_error(tmp_path: Path, server_url: str) -> None:
    https_url = server_url.replace("http://", "https://", 1)
    run = stopped_run(tmp_path, https_url, CREDENTIALS.authorization)
    assert_one_short_error(run, CREDENTIALS.password, CREDENTIALS.token)
    assert "TLS failed" in run.output


def test_a_url_without_scheme_is_a_usage_error(tmp_path: Path, server_url: str) -> None:
    run = stopped_run(tmp_path, server_url.removeprefix("http://"), CREDENTIALS.authorization)
    # pytest's own usage error; superoffice-contract gives 2 for it (test_command.py).
    assert_one_short_error(
        run, CREDENTIALS.password, CREDENTIALS.token, exit_code=ExitCode.USAGE_ERROR
    )
    assert "is not an http:// or https:// URL" in run.output


def test_the_operation_url_as_target_gets_the_base_url_hint(
    tmp_path: Path, server_url: str
) -> None:
    operation_url = server_url + contract_facts().of("SaveUntrustedCredentialsForAssociate").path
    run = stopped_run(tmp_path, operation_url, CREDENTIALS.authorization)
    assert_one_short_error(run, CREDENTIALS.password, CREDENTIALS.token)
    assert "404" in run.output
    assert "--target-url is the base in front of /api/v1/" in run.output


def credentials_expire_after_first_success() -> Callable[[ASGIApp], ASGIApp]:
    """A server that accepts the run's credentials once, then refuses them (an expired login).

    The app itself answers: the requests after the first accepted one reach it without
    credentials, so every refusal is its own conformant 401.
    """
    accepted = threading.Event()

    def forget_credentials(request: Exchange) -> Exchange:
        if not accepted.is_set():
            return request
        headers = {
            name: value for name, value in request.headers.items() if name != "authorization"
        }
        return replace(request, headers=headers)

    def note_success(request: Exchange, answer: Answer) -> Answer:
        if is_success(answer.status):
            accepted.set()
        return answer

    return intercept(edit_request=forget_credentials, edit_answer=note_success)


def test_a_run_with_most_positive_cases_refused_is_not_tested_and_says_so(
    tmp_path: Path,
) -> None:
    with serve_reference_app(
        credentials_expire_after_first_success(),
        tmp_path,
        (CREDENTIALS.user, CREDENTIALS.password),
    ) as url:
        run = run_suite(
            tmp_path / "reports",
            "--target-url",
            url,
            "--max-examples",
            "10",
            authorization=CREDENTIALS.authorization,
        )
    assert run.exit_code == SuiteExit.NOT_TESTED, run.output[-5000:]
    # No check fails on a refusal: only the count of refusals can fail this run.
    assert run.failed_checks == [], run.output[-5000:]
    # Said by the count of refused cases, or by the model phase, whose first save (of the
    # associates it keeps credentials for) is refused.
    assert "refused" in run.output.splitlines()[-1], run.output[-3000:]
