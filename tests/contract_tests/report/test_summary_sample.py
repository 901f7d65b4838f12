"""docs/suite.md's sample summary has the lines a run with the settings it names prints.

The page's sample comes from `superoffice-contract --seed 20261128 --max-examples 30`
against the embedded server: the settings of the kill matrix's run against the embedded
server, whose summary this test compares with it, line for line. The counts move a
little from run to run even with one seed, so numbers are left out of the comparison,
and so is the order of a breakdown's items (by count). Proved by hand: a check left out
of the page's table, and a line of the summary dropped from it, each fail the test.
"""

from __future__ import annotations

import re
from pathlib import Path

from fault_lab.batch import EMBEDDED, MAX_EXAMPLES, SEED, Batch

SUITE_PAGE = Path(__file__).resolve().parents[3] / "docs" / "suite.md"
SUMMARY = re.compile(r"^=+ contract suite =+\n.*?^verdict:[^\n]*\n", re.MULTILINE | re.DOTALL)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
FOLDER = re.compile(r"^(reports:\s+)\S+", re.MULTILINE)
BREAKDOWN = re.compile(r"^(  by [^:]+:\s+)(.*)$")


def comparable(summary: str) -> list[str]:
    """The summary's lines without their numbers, a breakdown's items in a fixed order."""
    lines = []
    for line in NUMBER.sub("N", FOLDER.sub(r"\1FOLDER", summary)).splitlines():
        breakdown = BREAKDOWN.match(line)
        if breakdown:
            line = breakdown.group(1) + ", ".join(sorted(breakdown.group(2).split(", ")))
        lines.append(line)
    return lines


def the_summary(text: str) -> list[str]:
    [summary] = SUMMARY.findall(text)
    return comparable(summary)


def test_the_page_names_the_settings_of_the_run_it_is_compared_with() -> None:
    page = SUITE_PAGE.read_text(encoding="utf-8")
    assert f"`superoffice-contract --seed {SEED} --max-examples {MAX_EXAMPLES}`" in page


def test_the_page_s_sample_summary_has_the_run_s_lines(batch: Batch) -> None:
    shown = the_summary(SUITE_PAGE.read_text(encoding="utf-8"))
    printed = the_summary(batch.runs[EMBEDDED].output)
    assert shown == printed
