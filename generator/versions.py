"""Semantic versions of the client: which bump a set of changes needs, and whether it got it.

The version lives in one place, ``package_version_override`` in generator/config.yaml;
the generated pyproject.toml, ``__version__`` and the User-Agent are made from it.

From 1.0 on, a breaking change needs a major bump, an addition a minor one, and any
other change for callers a patch. Under 1.0, semver lets anything change, and the
usual rule (Cargo's, npm's caret) shifts each down: a breaking change bumps the minor,
anything else the patch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path

import yaml

from generator.change_report import Change, Kind

CONFIG_PATH = Path(__file__).resolve().parent / "config.yaml"
VERSION_KEY = "package_version_override"

# Lenient on purpose: the first generated client called itself "v1".
_VERSION = re.compile(r"v?(\d+)(?:\.(\d+))?(?:\.(\d+))?")

Version = tuple[int, int, int]


class Bump(IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3


def configured_version(config_path: Path = CONFIG_PATH) -> str:
    """The client's version, as generator/config.yaml sets it."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    return str(config[VERSION_KEY])


def parse(text: str) -> Version:
    found = _VERSION.fullmatch(text.strip())
    if not found:
        raise ValueError(f"{text!r} is not a version of the form MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part or 0) for part in found.groups())
    return major, minor, patch


def required_bump(changes: Sequence[Change]) -> Bump:
    """The bump these changes need from 1.0 on."""
    if any(change.breaking for change in changes):
        return Bump.MAJOR
    if any(change.kind is Kind.ADDED for change in changes):
        return Bump.MINOR
    return Bump.PATCH if changes else Bump.NONE


def bumped(version: str, bump: Bump) -> str:
    """The smallest version after ``version`` that makes ``bump`` (under 1.0: one step less)."""
    major, minor, patch = parse(version)
    if major == 0 and bump is not Bump.NONE:
        bump = Bump(max(bump - 1, Bump.PATCH))
    if bump is Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump is Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    if bump is Bump.PATCH:
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"


def is_enough(old: str, new: str, bump: Bump) -> bool:
    """Whether going from ``old`` to ``new`` is at least the bump the changes need."""
    return parse(new) >= parse(bumped(old, bump))
