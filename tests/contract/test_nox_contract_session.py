"""``nox -s contract`` ends with the suite's exit code, not nox's 1 for every failure: CI can
tell violations (1) from a usage error (2) and from a target not tested (4)."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from contract_tests.report.verdict import SuiteExit
from tests.contract.command_run import FEW, closed_port_url, run_nox
from tests.contract.conftest import Credentials, fault_named
from tests.contract.fault_servers import serve_reference_app
from tests.contract.suite_run import AUTHORIZATION_ENV_VAR

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
AUTHORIZED = {AUTHORIZATION_ENV_VAR: CREDENTIALS.authorization}

pytestmark = pytest.mark.slow


def test_kept_is_0(tmp_path: Path) -> None:
    kept = run_nox(*FEW, folder=tmp_path)

    assert kept.exit_code == SuiteExit.KEPT, kept.output[-5000:]
    assert kept.summary["verdict"]["word"] == "PASSED"


def test_violations_are_1(tmp_path: Path) -> None:
    fault = fault_named("body_on_no_content")
    with serve_reference_app(fault.wrap, tmp_path, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        failed = run_nox(
            "--target-url", url, *FEW, "--", "--exitfirst", folder=tmp_path, env=AUTHORIZED
        )

    assert failed.exit_code == SuiteExit.VIOLATED, failed.output[-5000:]
    assert failed.summary["verdict"]["word"] == "FAILED"


def test_a_usage_error_is_2(tmp_path: Path) -> None:
    refused = run_nox("--seed", "abc", folder=tmp_path)

    assert refused.exit_code == SuiteExit.USAGE, refused.output[-5000:]
    assert "--seed takes a whole number" in refused.output


def test_not_tested_is_4(tmp_path: Path) -> None:
    stopped = run_nox("--target-url", closed_port_url(), folder=tmp_path, env=AUTHORIZED)

    assert stopped.exit_code == SuiteExit.NOT_TESTED, stopped.output[-5000:]
    assert stopped.summary["verdict"]["word"] == "NOT TESTED"
