"""generator/version_gate.py: a change needs its bump and its CHANGELOG.md line.

These tests give the Verdict its changes directly; test_evolving_the_spec.py gets them
from two real generated clients.

Guards proved by hand: with the `version_is_enough` check removed from `problems`,
test_an_addition_without_a_bump_fails_the_gate fails; with the `has_entry` check
removed, test_a_bump_without_a_changelog_entry_fails_the_gate fails; with
`changelog.missing` skipped, test_a_change_left_out_of_the_entry_fails_the_gate fails.
"""

from __future__ import annotations

from generator import changelog
from generator.version_gate import Verdict, report
from generator.versions import Bump
from tests.generator.sample_changes import ADDED, REMOVED, WIDENED


def test_an_addition_without_a_bump_fails_the_gate() -> None:
    verdict = Verdict("3.0.0", "3.0.0", [ADDED, WIDENED])
    assert verdict.needed is Bump.MINOR
    assert verdict.least_version == "3.1.0"
    [problem] = verdict.problems(changelog.HEADER)
    assert "minor bump" in problem
    assert verdict.least_version in problem


def test_a_bump_without_a_changelog_entry_fails_the_gate() -> None:
    verdict = Verdict("3.0.0", "4.0.0", [REMOVED])
    [problem] = verdict.problems(changelog.HEADER)
    assert "no entry for 4.0.0" in problem


def test_a_change_left_out_of_the_entry_fails_the_gate() -> None:
    text = changelog.with_entry(changelog.HEADER, "3.1.0", [ADDED])
    verdict = Verdict("3.0.0", "3.1.0", [ADDED, WIDENED])
    assert verdict.problems(text) == [f"CHANGELOG.md does not list, after 3.0.0: {WIDENED.line()}"]


def test_the_bump_and_the_entry_pass_the_gate() -> None:
    changes = [REMOVED, ADDED]
    text = changelog.with_entry(changelog.HEADER, "4.0.0", changes)
    verdict = Verdict("3.0.0", "4.0.0", changes)
    assert verdict.problems(text) == []
    assert "enough for a major change" in report(verdict, title="Spec")


def test_no_change_and_no_bump_pass_without_an_entry() -> None:
    verdict = Verdict("3.0.0", "3.0.0", [])
    assert verdict.problems(changelog.HEADER) == []
    assert verdict.bump_summary().endswith("no bump needed.")
