"""Every run ends with a summary people read, and writes schemathesis' HTML report
beside the JUnit and HAR files; checks.json counts "applied" apart from "not applicable".

The HTML report is opened in a real headless browser, which runs its scripts.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest

import spec_loader
from contract_tests.report.check_tally import APPLIED, FAILED, NOT_APPLICABLE
from contract_tests.run.options import FILTERED
from contract_tests.run.report_folders import HAR_FILE, HTML_DIR, HTML_PAGE, JUNIT_FILE
from fault_lab.batch import Credentials, no_fault
from fault_lab.browser import distinct_pixel_bytes, rendered_text, screenshot
from fault_lab.fault_servers import serve_reference_app
from fault_lab.suite_run import SuiteRun, breakdown, responses_checked, run_suite

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
SEED = "20261203"
SPEC = spec_loader.load_spec()
OPERATIONS = [op.operation_id for op in spec_loader.operations(SPEC)]
PHASES = ("examples", "coverage", "fuzzing")
# A blank or one-colour screenshot holds a handful of byte values; a rendered report, hundreds.
MIN_DISTINCT_PIXEL_BYTES = 50


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, SuiteRun]:
    directory = tmp_path_factory.mktemp("summary")
    with serve_reference_app(no_fault, directory, (CREDENTIALS.user, CREDENTIALS.password)) as url:
        # On the command line this time: the HTML report copies the command line.
        run = run_suite(
            directory / "reports",
            "--target-url",
            url,
            "--seed",
            SEED,
            "--max-examples",
            "10",
            "--authorization",
            CREDENTIALS.authorization,
        )
    assert run.exit_code == 0, run.output[-5000:]
    return url, run


def test_the_summary_names_target_seed_and_verdict(clean_run: tuple[str, SuiteRun]) -> None:
    url, run = clean_run
    assert re.search(rf"^target: +{re.escape(url)}$", run.output, re.MULTILINE)
    assert re.search(rf"^seed: +{SEED} ", run.output, re.MULTILINE)
    assert re.search(r"^verdict: +PASSED", run.output, re.MULTILINE)


def test_cases_are_counted_by_phase_operation_media_type_and_status(
    clean_run: tuple[str, SuiteRun],
) -> None:
    _, run = clean_run
    total = responses_checked(run.output)
    by_phase = breakdown(run.output, "phase")
    by_operation = breakdown(run.output, "operation")
    by_media_type = breakdown(run.output, "media type")
    by_status = breakdown(run.output, "status")
    assert set(PHASES) <= set(by_phase)
    assert set(by_operation) == set(OPERATIONS)
    for operation in OPERATIONS:
        assert set(spec_loader.request_media_types(SPEC, operation)) <= set(by_media_type)
    for counts in (by_phase, by_operation, by_media_type, by_status):
        assert sum(counts.values()) == total


def test_checks_json_counts_applied_apart_from_not_applicable(
    clean_run: tuple[str, SuiteRun],
) -> None:
    _, run = clean_run
    total = responses_checked(run.output)
    by_status = breakdown(run.output, "status")
    tally = run.tally
    for counts in tally.values():
        assert counts[APPLIED] + counts[NOT_APPLICABLE] == total
        assert counts[FAILED] == 0
    # Each of these applies to one status only, so its count is that status's.
    assert tally["no_content_has_no_body"][APPLIED] == by_status["204"]
    assert tally["unauthorized_names_a_scheme"][APPLIED] == by_status["401"]
    assert tally["not_allowed_lists_the_method"][APPLIED] == by_status.get("405", 0)
    for name, counts in tally.items():
        assert re.search(
            rf"^  {name} +{counts[APPLIED]} +{counts[FAILED]} +{counts[NOT_APPLICABLE]}$",
            run.output,
            re.MULTILINE,
        ), name


def test_the_reports_are_written_side_by_side(clean_run: tuple[str, SuiteRun]) -> None:
    _, run = clean_run
    for name in (JUNIT_FILE, HAR_FILE, f"{HTML_DIR}/{HTML_PAGE}"):
        assert (run.reports_dir / name).is_file(), name


def test_no_report_holds_the_credential_given_on_the_command_line(
    clean_run: tuple[str, SuiteRun],
) -> None:
    _, run = clean_run
    texts = run.report_texts()
    texts[HTML_PAGE] = (run.reports_dir / HTML_DIR / HTML_PAGE).read_text(encoding="utf-8")
    for name, text in texts.items():
        assert CREDENTIALS.password not in text, name
        assert CREDENTIALS.token not in text, name


def test_the_html_report_shows_the_verdict_and_counts_in_a_browser(
    clean_run: tuple[str, SuiteRun], tmp_path: Path
) -> None:
    _, run = clean_run
    page = run.reports_dir / HTML_DIR / HTML_PAGE
    text = rendered_text(page)
    assert "Passed" in text
    assert re.search(r"CASES RUN \d+", text, re.IGNORECASE), text[:2000]
    assert re.search(rf"OPERATIONS {len(OPERATIONS)}\b", text, re.IGNORECASE), text[:2000]
    assert SEED in text
    # The command line it shows, with the credential given on it masked.
    assert f"--authorization {FILTERED}" in text
    png = tmp_path / "report.png"
    screenshot(page, png)
    assert distinct_pixel_bytes(png) >= MIN_DISTINCT_PIXEL_BYTES
