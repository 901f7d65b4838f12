"""``superoffice-contract`` and ``python -m contract_tests``: the suite's options only in its
help, pytest's behind ``--``, and one exit code per outcome (0 kept, 1 violations, 2 usage
error, 3 the suite failed, 4 not tested), each shown through a real run, and through
``nox -s contract``, which ends with the same code where nox would end with 1. (130,
interrupted, is in test_rate_limit_and_interrupt.py.)

Runs start in a folder of the test's own, not the checkout: the command finds the spec
through the installed package and writes its reports under its working directory.

These tests check the command's plumbing, not the suite's coverage (the kill matrix's
batch makes the clean reference server's full run): the runs that send cases run the
model-based phase alone, which saves, reads and removes, and reports like any phase.

Seen failing by hand: report.html written under another name, no_content_has_no_body
passing every 204, and the baseline's write error left uncaught (exit 1, not 3).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from contract_tests.cli.command import GROUP_TITLES
from contract_tests.report.html_page import REPORT_PAGE
from contract_tests.report.run_data import SUMMARY_FILE
from contract_tests.report.verdict import SuiteExit
from contract_tests.run.options import OPTIONS
from fault_lab.batch import Credentials, no_fault
from fault_lab.command_run import (
    FEW,
    MODEL_PHASE_ONLY,
    Runner,
    closed_port_url,
    run_module,
    run_nox,
    run_script,
)
from fault_lab.fault_servers import serve_reference_app
from fault_lab.faults import fault_named
from fault_lab.suite_run import AUTHORIZATION_ENV_VAR

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
AUTHORIZED = {AUTHORIZATION_ENV_VAR: CREDENTIALS.authorization}
# "About a screen" at 80 columns.
MAX_HELP_LINES = 80


@pytest.fixture(scope="module")
def clean_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("command-server")
    with serve_reference_app(no_fault, directory, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        yield url


def test_help_shows_the_suite_options_grouped_with_variables_and_the_exit_codes(
    tmp_path: Path,
) -> None:
    shown = run_script("--help", folder=tmp_path)

    assert shown.exit_code == 0
    for option in OPTIONS:
        assert option.flag in shown.output
        assert option.env_var in shown.output
    for title in GROUP_TITLES.values():
        assert f"\n{title}:\n" in shown.output
    for code in SuiteExit:
        assert f"{int(code):>3}  {code.meaning}" in shown.output
    # pytest's own options are not among them.
    assert "--exitfirst" not in shown.output
    assert "--capture" not in shown.output
    assert len(shown.output.splitlines()) <= MAX_HELP_LINES


def test_pytest_options_stay_reachable(tmp_path: Path) -> None:
    shown = run_script("--pytest-help", folder=tmp_path)

    assert shown.exit_code == 0
    assert "--exitfirst" in shown.output


def test_a_usage_error_through_nox_is_2_too(tmp_path: Path) -> None:
    refused = run_nox("--seed", "abc", folder=tmp_path)

    assert refused.exit_code == SuiteExit.USAGE, refused.output[-5000:]
    assert "--seed takes a whole number" in refused.output


@pytest.mark.parametrize(
    "arguments",
    [
        ("--seed", "abc"),
        ("--no-such-option",),
        ("--baseline-prune",),
        ("--target-url", "crm.example.com/SuperOffice"),
        ("--", "--seed", "3"),  # a suite option among pytest's
        ("--", "--no-such-pytest-option"),
    ],
)
def test_a_usage_error_is_2_and_sends_nothing(tmp_path: Path, arguments: tuple[str, ...]) -> None:
    refused = run_script(*arguments, folder=tmp_path)

    assert refused.exit_code == SuiteExit.USAGE, refused.output
    assert "error" in refused.output.lower()
    assert not (tmp_path / "reports").exists()


# Each exit code through the command, and through `nox -s contract`, which must end with it.
THROUGH = [
    pytest.param(run_script, id="superoffice-contract"),
    pytest.param(run_nox, id="nox -s contract", marks=pytest.mark.slow),
]


@pytest.mark.parametrize("through", THROUGH)
def test_an_unreachable_target_is_4_not_tested(tmp_path: Path, through: Runner) -> None:
    stopped = through("--target-url", closed_port_url(), folder=tmp_path, env=AUTHORIZED)

    assert stopped.exit_code == SuiteExit.NOT_TESTED, stopped.output[-5000:]
    assert stopped.summary["verdict"]["word"] == "NOT TESTED"


def test_refused_credentials_are_4_not_tested(tmp_path: Path, clean_server: str) -> None:
    wrong = {AUTHORIZATION_ENV_VAR: Credentials(CREDENTIALS.user, "wrong").authorization}

    stopped = run_script("--target-url", clean_server, folder=tmp_path, env=wrong)

    assert stopped.exit_code == SuiteExit.NOT_TESTED, stopped.output
    assert "refused with 401" in stopped.output


@pytest.mark.parametrize(
    "through", [pytest.param(run_module, id="python -m contract_tests"), *THROUGH]
)
def test_a_clean_run_from_another_folder_is_0_with_its_reports_there(
    tmp_path: Path, through: Runner
) -> None:
    kept = through(*FEW, "--", *MODEL_PHASE_ONLY, folder=tmp_path)

    assert kept.exit_code == SuiteExit.KEPT, kept.output[-5000:]
    assert (kept.reports_dir / REPORT_PAGE).is_file()
    assert kept.summary["verdict"]["word"] == "PASSED"
    assert kept.reports_dir.is_relative_to(tmp_path)


@pytest.mark.parametrize("through", THROUGH)
def test_violations_are_1(tmp_path: Path, through: Runner) -> None:
    fault = fault_named("body_on_no_content")
    with serve_reference_app(fault.wrap, tmp_path, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        failed = through(
            "--target-url",
            url,
            *FEW,
            "--",
            *MODEL_PHASE_ONLY,
            "--exitfirst",
            folder=tmp_path,
            env=AUTHORIZED,
        )

    assert failed.exit_code == SuiteExit.VIOLATED, failed.output[-5000:]
    assert fault.caught_by in failed.summary["verdict"]["text"]


def test_a_baseline_it_cannot_write_is_3(tmp_path: Path) -> None:
    in_the_way = tmp_path / "not-a-folder"
    in_the_way.write_text("a file where the baseline's folder should be\n")
    baseline = in_the_way / "accepted.json"

    broken = run_script(
        *FEW,
        "--baseline",
        str(baseline),
        "--baseline-update",
        "--",
        *MODEL_PHASE_ONLY,
        folder=tmp_path,
    )

    assert broken.exit_code == SuiteExit.BROKEN, broken.output[-5000:]
    assert f"baseline {baseline} cannot be written" in broken.output
    summary = json.loads((broken.reports_dir / SUMMARY_FILE).read_text())
    assert summary["verdict"]["exit_code"] == SuiteExit.BROKEN
