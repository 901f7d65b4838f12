"""Semantic versions of the client (generator/versions.py): which bump a change needs.

Guard proved by hand: with the under-1.0 shift removed from `bumped`,
test_under_1_0_a_breaking_change_bumps_the_minor fails.
"""

from __future__ import annotations

import pytest

from generator.change_report import Change
from generator.versions import Bump, bumped, configured_version, is_enough, parse, required_bump
from tests.generator.sample_changes import ADDED, REMOVED, WIDENED


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
