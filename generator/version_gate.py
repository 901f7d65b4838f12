"""What changed for callers between two clients, and whether the version says so.

:func:`compare` puts both sides of the report together: the public Python API of the
two generated trees (griffe) and the wire promises of the two specs. :class:`Verdict`
holds the result against the two versions: a change for callers needs a version bump
(generator/versions.py says which), and every change needs its line in CHANGELOG.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import changelog
from generator.api_changes import api_changes
from generator.change_report import Change, merged, render
from generator.client_api import client_version, load_client
from generator.versions import VERSION_KEY, Bump, bumped, is_enough, required_bump
from generator.wire_changes import wire_changes
from spec_loader import JsonObject

_BUMP_NAMES = {Bump.MAJOR: "major", Bump.MINOR: "minor", Bump.PATCH: "patch"}


def compare(
    old_client: Path, old_spec: JsonObject, new_client: Path, new_spec: JsonObject
) -> list[Change]:
    """Every change for callers from the old client and spec to the new ones, each once."""
    python = api_changes(load_client(old_client), load_client(new_client))
    return merged([*python, *wire_changes(old_spec, new_spec)])


@dataclass(frozen=True)
class Verdict:
    """The changes from one version of the client to the next, and what they need."""

    old_version: str
    new_version: str
    changes: Sequence[Change]

    @property
    def needed(self) -> Bump:
        return required_bump(self.changes)

    @property
    def least_version(self) -> str:
        """The smallest version the changes allow."""
        return bumped(self.old_version, self.needed)

    @property
    def version_is_enough(self) -> bool:
        return is_enough(self.old_version, self.new_version, self.needed)

    def bump_summary(self) -> str:
        """One sentence on the version: kept, bumped enough, or to be bumped to what."""
        if self.needed is Bump.NONE:
            if self.new_version == self.old_version:
                return f"Version {self.new_version}: no change for callers, no bump needed."
            return f"Version {self.old_version} -> {self.new_version}, with no change for callers."
        kind = _BUMP_NAMES[self.needed]
        if self.version_is_enough:
            return f"Version {self.old_version} -> {self.new_version}: enough for a {kind} change."
        return (
            f"These changes need a {kind} bump: version {self.least_version} or later, but "
            f"generator/config.yaml's {VERSION_KEY} is {self.new_version}. Set it there and "
            "run `nox -s generate` again, which writes the CHANGELOG.md entry."
        )

    def problems(self, changelog_text: str) -> list[str]:
        """Why the gate fails; [] when the version and CHANGELOG.md match the changes."""
        if not self.version_is_enough:
            return [self.bump_summary()]
        if self.new_version == self.old_version:
            return []
        if not changelog.has_entry(changelog_text, self.new_version):
            return [f"CHANGELOG.md has no entry for {self.new_version}: run `nox -s generate`."]
        unlisted = changelog.missing(
            changelog_text, self.old_version, self.new_version, self.changes
        )
        return [
            f"CHANGELOG.md does not list, after {self.old_version}: {line}" for line in unlisted
        ]


def verdict(
    old_client: Path, old_spec: JsonObject, new_client: Path, new_spec: JsonObject
) -> Verdict:
    changes = compare(old_client, old_spec, new_client, new_spec)
    return Verdict(client_version(old_client), client_version(new_client), changes)


def report(result: Verdict, *, title: str) -> str:
    """The change report, and its sentence on the version."""
    return render(result.changes, title=title) + result.bump_summary() + "\n"
