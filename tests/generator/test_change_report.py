"""generator/change_report.py: each change once, breaking ones first, and the short report.

Guards proved by hand: with `merged` keeping the first of two findings instead of the
breaking one, test_two_findings_about_one_thing_are_one_breaking_change fails; with
`merged` sorting by side before breaking, test_breaking_changes_come_first fails; with
`render` counting every change as breaking, test_the_report_counts_and_groups_by_side fails;
with `merged` keyed without the detail (as it was), two breaking changes of one function
were one line and test_two_breaking_findings_that_differ_are_two_changes fails.
"""

from __future__ import annotations

import dataclasses

from generator.change_report import Kind, Side, merged, render
from tests.generator.sample_changes import ADDED, REMOVED, WIDENED


def test_two_findings_about_one_thing_are_one_breaking_change() -> None:
    quiet = dataclasses.replace(REMOVED, breaking=False)
    assert merged([quiet, REMOVED, quiet]) == [REMOVED]
    assert merged([WIDENED, WIDENED]) == [WIDENED]


def test_two_breaking_findings_that_differ_are_two_changes() -> None:
    keyword_only = dataclasses.replace(REMOVED, kind=Kind.CHANGED, detail="timeout: keyword-only")
    retyped = dataclasses.replace(keyword_only, detail="returns int -> str")
    assert merged([keyword_only, retyped, keyword_only]) == sorted(
        [keyword_only, retyped], key=lambda change: change.detail
    )


def test_breaking_changes_come_first() -> None:
    # REMOVED is on the Python side, which sorts before the wire side when both break or not.
    breaking_wire = dataclasses.replace(WIDENED, breaking=True)
    quiet_python = dataclasses.replace(REMOVED, breaking=False)
    assert merged([quiet_python, ADDED, breaking_wire]) == [breaking_wire, quiet_python, ADDED]


def test_a_line_names_kind_what_subject_detail_and_breaking() -> None:
    assert REMOVED.line() == f"{REMOVED.kind} {REMOVED.what} {REMOVED.subject} [breaking]"
    assert WIDENED.line() == f"{WIDENED.kind} {WIDENED.what} {WIDENED.subject}: {WIDENED.detail}"


def test_the_report_counts_and_groups_by_side() -> None:
    changes = merged([ADDED, REMOVED, WIDENED])
    lines = render(changes, title="Spec").splitlines()
    assert lines[0] == "Spec: 3 change(s), 1 breaking."
    python_at = next(i for i, line in enumerate(lines) if Side.PYTHON.name.title() in line)
    wire_at = next(i for i, line in enumerate(lines) if Side.WIRE.name.title() in line)
    assert lines[python_at + 1].strip() == REMOVED.line()
    assert [line.strip() for line in lines[wire_at + 1 :]] == [ADDED.line(), WIDENED.line()]


def test_no_change_is_one_line() -> None:
    assert render([], title="Spec") == "Spec: no change for callers.\n"
