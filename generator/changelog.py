"""generated_client/CHANGELOG.md: one entry per version, newest first.

`nox -s generate` writes the entry of a new version: one line per change of the
report, the same lines it prints. The version gate checks that every change since the
version it compares with is in an entry newer than that version. An entry is written
whole: running `nox -s generate` again for the same version replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from generator.change_report import Change
from generator.versions import parse

FILE_NAME = "CHANGELOG.md"
HEADER = """# Changelog

Every version of this client and what changed in it for its callers: its
public Python API and the requests and answers of the spec. The entries are written by
`nox -s generate` from its change report, and the version gate checks them (see
docs/evolving-the-spec.md in the project's repository).
"""
NO_CHANGE = "- no change to the public API or to the wire"
_HEADING = re.compile(r"^## (\S+)\s*$", re.MULTILINE)
_GENERATED = re.compile(r"^- (added|changed|removed) ")


def bullet(change: Change) -> str:
    """A change as a line of the changelog: the report's line, with the subject as code."""
    detail = f": {change.detail}" if change.detail else ""
    mark = " **breaking**" if change.breaking else ""
    return f"- {change.kind} {change.what} `{change.subject}`{detail}{mark}"


def entry(version: str, changes: Sequence[Change], notes: Sequence[str] = ()) -> str:
    """One version's entry: the report's lines, then the lines a person added."""
    lines = [*(bullet(change) for change in changes), *notes] or [NO_CHANGE]
    return "\n".join([f"## {version}", "", *lines]) + "\n"


def entries(text: str) -> dict[str, str]:
    """Each entry's text (without its heading), by version, in the file's order."""
    headings = list(_HEADING.finditer(text))
    if not headings:
        return {}
    ends = [heading.start() for heading in headings[1:]] + [len(text)]
    return {
        heading.group(1): text[heading.end() : end]
        for heading, end in zip(headings, ends, strict=True)
    }


def _notes(body: str) -> list[str]:
    """The lines of an entry that a person wrote: what the report cannot see (behaviour)."""
    return [
        line
        for line in body.strip().splitlines()
        if not _GENERATED.match(line) and line.strip() != NO_CHANGE
    ]


def with_entry(text: str, version: str, changes: Sequence[Change]) -> str:
    """The changelog with the entry of ``version`` written at the top.

    An entry already there for ``version`` is replaced, but the lines a person added to
    it (any line that is not one of the report's) are kept, after the report's.
    """
    found = entries(text)
    written = entry(version, changes, _notes(found.get(version, "")))
    parts = [HEADER.rstrip("\n"), written.rstrip("\n")]
    parts += [f"## {v}\n{body.rstrip()}" for v, body in found.items() if v != version]
    return "\n\n".join(parts) + "\n"


def missing(text: str, since: str, until: str, changes: Sequence[Change]) -> list[str]:
    """The changes that no entry after ``since`` and up to ``until`` lists; [] when all are."""
    low, high = parse(since), parse(until)
    listed = "\n".join(
        body for version, body in entries(text).items() if low < parse(version) <= high
    )
    listed_lines = {line.strip() for line in listed.splitlines()}
    return [change.line() for change in changes if bullet(change) not in listed_lines]


def has_entry(text: str, version: str) -> bool:
    return version in entries(text)


def read(client_dir: Path) -> str:
    path = client_dir / FILE_NAME
    return path.read_text(encoding="utf-8") if path.exists() else HEADER
