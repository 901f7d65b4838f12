"""The suite's HTML report, rendered from made-up run data: what each section shows, the
model phase's numbers as given, and nothing a server answered taken for markup.

Real runs' pages, in headless Chromium, are in test_run_summary.py and
test_summary_is_true.py.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from contract_tests.baseline.ledger import BaselineOutcome, EntryView
from contract_tests.report import html_page
from contract_tests.report.run_data import Breakdown, CheckRow, CredentialsRow, RunData
from contract_tests.report.verdict import SuiteExit, Verdict
from contract_tests.report.violations import Violation

SAVE = "POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate"
HOSTILE = "<script>alert('from the server')</script>"


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def read(page: str) -> Text:
    text = Text()
    text.feed(page)
    return text


def entry(entry_id: str, check: str, count: int = 0) -> EntryView:
    return EntryView(entry_id, SAVE, check, "", "vendor ticket 42", "2027-01-01", count)


def failed_run(**changes: object) -> RunData:
    data = RunData(
        target="https://crm.example.com/SuperOffice",
        embedded=False,
        seed=7,
        rate_limit="10/s",
        mode="budget",
        started="2026-12-06T10:00:00+00:00",
        seconds=12.5,
        verdict=Verdict(
            SuiteExit.VIOLATED, "FAILED: the server breaks the contract (error_is_json)"
        ),
        tested=True,
        cases=40,
        responses=42,
        breakdown=Breakdown(
            {"coverage": 30, "examples": 12},
            {"Save": 42},
            {"application/json": 42},
            {"400": 2, "204": 40},
        ),
        checks=[
            CheckRow("error_is_json", 2, 1, 40, 0),
            CheckRow("no_content_has_no_body", 40, 0, 2, 3),
        ],
        credentials=CredentialsRow(saved=5, removed=5, kept=False),
        model_phase={"sequences": 12, "steps": 80, "canary": "not given"},
        baseline=BaselineOutcome(
            path="accepted.json",
            new=[entry("", "error_is_json")],
            accepted=[entry("ab12cd", "no_content_has_no_body", count=3)],
            fixed=[entry("ef34ab", "secret_never_echoed")],
            expired=[],
        ),
        violations=[
            Violation(
                "error_is_json",
                SAVE,
                "coverage",
                "Custom check failed",
                f"400 answered {HOSTILE}\nmore",
                "curl -X POST https://crm.example.com",
            )
        ],
        reports=dict(html_page.LINKED_REPORTS),
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def test_a_failed_run_shows_verdict_facts_violation_baseline_model_phase_and_links() -> None:
    page = html_page.render(failed_run())
    text = " ".join(read(page).parts)

    for shown in (
        "verdict: FAILED",
        "https://crm.example.com/SuperOffice",
        "--seed 7",
        "budget",
        "1: violations",
        "Reproduce with:",
        "curl -X POST https://crm.example.com",
        "1 new, 1 accepted, 1 fixed, 0 expired",
        "vendor ticket 42",
        "ab12cd",
        "sequences",
        "80",
        "not given",
        "40 cases, 42 responses",
        "5 saved, 5 removed",
    ):
        assert shown in text, shown
    for label, path in html_page.LINKED_REPORTS.items():
        assert f'href="{path}"' in page
        assert label in text


def test_what_a_server_answered_is_text_not_markup() -> None:
    parsed = read(html_page.render(failed_run()))

    assert "script" not in parsed.tags
    assert any(HOSTILE in part for part in parsed.parts)


def test_a_run_not_tested_shows_no_tables_of_zeros() -> None:
    stopped = failed_run(
        verdict=Verdict(SuiteExit.NOT_TESTED, "NOT TESTED: cannot connect"),
        tested=False,
        reports={},
    )

    page = html_page.render(stopped)

    assert "NOT TESTED: cannot connect" in page
    assert "<h2>Checks</h2>" not in page
    assert "<h2>Cases</h2>" not in page


def test_without_a_model_phase_the_section_says_so() -> None:
    page = html_page.render(failed_run(model_phase=None))

    assert "The model phase reported nothing in this run." in page
