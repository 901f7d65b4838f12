"""generated_client/CHANGELOG.md as generator/changelog.py writes and reads it.

Guard proved by hand: with `missing` reading every entry instead of those after `since`,
test_a_change_listed_only_under_an_older_version_is_missing fails.
"""

from __future__ import annotations

from generator import changelog
from tests.generator.sample_changes import ADDED, REMOVED, WIDENED


def test_an_entry_is_written_at_the_top_and_replaced_when_written_again() -> None:
    text = changelog.with_entry(changelog.HEADER, "3.0.0", [REMOVED])
    text = changelog.with_entry(text, "3.1.0", [WIDENED])
    text = changelog.with_entry(text, "3.1.0", [ADDED])
    assert list(changelog.entries(text)) == ["3.1.0", "3.0.0"]
    assert changelog.bullet(ADDED) in changelog.entries(text)["3.1.0"]
    assert changelog.bullet(WIDENED) not in text
    assert text.startswith(changelog.HEADER)


def test_every_change_listed_after_the_old_version_is_found() -> None:
    text = changelog.with_entry(changelog.HEADER, "3.1.0", [ADDED])
    text = changelog.with_entry(text, "3.2.0", [WIDENED])
    assert changelog.missing(text, "3.0.0", "3.2.0", [ADDED, WIDENED]) == []
    assert changelog.missing(text, "3.0.0", "3.2.0", [REMOVED]) == [REMOVED.line()]


def test_a_change_listed_only_under_an_older_version_is_missing() -> None:
    text = changelog.with_entry(changelog.HEADER, "3.0.0", [ADDED])
    assert changelog.missing(text, "3.0.0", "3.1.0", [ADDED]) == [ADDED.line()]


def test_lines_a_person_added_to_an_entry_are_kept_when_it_is_written_again() -> None:
    note = "- errors name the host, the port and the cause"
    text = changelog.with_entry(changelog.HEADER, "3.1.0", [ADDED])
    text = text.replace(changelog.bullet(ADDED), f"{changelog.bullet(ADDED)}\n{note}")
    text = changelog.with_entry(text, "3.1.0", [WIDENED])
    assert changelog.entries(text)["3.1.0"].split() == [
        *changelog.bullet(WIDENED).split(),
        *note.split(),
    ]
