"""Semantic versions of the client (generator/versions.py) and its CHANGELOG (changelog.py).

Guards proved by hand: with the under-1.0 shift removed from `bumped`,
test_under_1_0_a_breaking_change_bumps_the_minor fails; with `missing` reading every
entry instead of those after `since`, test_a_change_listed_only_under_an_older_version_is_missing
fails.
"""

from __future__ import annotations

import pytest

from generator import changelog
from generator.change_report import Change, Kind, Side
from generator.versions import Bump, bumped, configured_version, is_enough, parse, required_bump

ADDED = Change(Side.WIRE, Kind.ADDED, "operation", "ListThings", "POST /things")
WIDENED = Change(Side.WIRE, Kind.CHANGED, "request field", "Save Comment", "limit widened")
REMOVED = Change(Side.PYTHON, Kind.REMOVED, "field", "models.X.y", breaking=True)


def test_the_configured_version_is_a_semantic_version() -> None:
    assert len(parse(configured_version())) == 3


@pytest.mark.parametrize(
    ("changes", "bump"),
    [
        ([], Bump.NONE),
        ([WIDENED], Bump.PATCH),
        ([WIDENED, ADDED], Bump.MINOR),
        ([ADDED, REMOVED], Bump.MAJOR),
    ],
)
def test_the_bump_follows_the_biggest_change(changes: list[Change], bump: Bump) -> None:
    assert required_bump(changes) is bump


@pytest.mark.parametrize(
    ("version", "bump", "least"),
    [
        ("3.0.0", Bump.MAJOR, "4.0.0"),
        ("3.1.4", Bump.MINOR, "3.2.0"),
        ("3.1.4", Bump.PATCH, "3.1.5"),
        ("3.1.4", Bump.NONE, "3.1.4"),
        ("v1", Bump.MAJOR, "2.0.0"),
    ],
)
def test_bumped_is_the_smallest_version_that_makes_the_bump(
    version: str, bump: Bump, least: str
) -> None:
    assert bumped(version, bump) == least


def test_under_1_0_a_breaking_change_bumps_the_minor() -> None:
    assert bumped("0.4.2", Bump.MAJOR) == "0.5.0"
    assert bumped("0.4.2", Bump.MINOR) == "0.4.3"


def test_a_bigger_bump_is_enough_and_a_smaller_one_is_not() -> None:
    assert is_enough("3.0.0", "4.0.0", Bump.MAJOR)
    assert is_enough("3.0.0", "5.1.0", Bump.MAJOR)
    assert not is_enough("3.0.0", "3.9.0", Bump.MAJOR)
    assert not is_enough("3.0.0", "3.0.0", Bump.PATCH)
    assert is_enough("3.0.0", "3.0.0", Bump.NONE)


def test_a_version_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        parse("three")


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
