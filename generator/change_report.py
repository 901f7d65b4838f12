"""One change for the client's callers, and the short report of a regeneration's changes.

Both sides of a change end up here: the Python API of the generated package
(generator/api_changes.py, read by griffe) and the wire contract of the spec
(generator/wire_changes.py). Each change is added, changed or removed, and breaking or
not; the report lists the breaking ones first, and says which version bump they need.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


class Side(StrEnum):
    PYTHON = "python"  # the generated package's public API
    WIRE = "wire"  # the requests and answers the spec describes


@dataclass(frozen=True, order=True)
class Change:
    """One change, as a line of the report: ``removed field models.X.y [breaking]``."""

    side: Side
    kind: Kind
    what: str  # "field", "parameter", "operation", "status", ...
    subject: str  # where: "models.UntrustedCredentials.note", "Save...: request Credentials.Note"
    detail: str = ""
    breaking: bool = False

    def line(self) -> str:
        detail = f": {self.detail}" if self.detail else ""
        mark = " [breaking]" if self.breaking else ""
        return f"{self.kind} {self.what} {self.subject}{detail}{mark}"


def merged(changes: Iterable[Change]) -> list[Change]:
    """Each change once, breaking ones first, then by side, kind and subject.

    Two findings about the same thing (griffe's, for a model's field and for its
    constructor parameter) become one; it is breaking if either is. Two breaking
    findings about one subject that say different things stay two: a function made
    keyword-only whose return type changed too is two changes for its callers.
    """
    by_subject: dict[tuple[Side, Kind, str, str], list[Change]] = {}
    for change in changes:
        known = by_subject.setdefault((change.side, change.kind, change.what, change.subject), [])
        if change.breaking:
            others = [k for k in known if k.breaking and k.detail != change.detail]
            known[:] = [*others, change]
        elif not known:
            known.append(change)
    kept = [change for found in by_subject.values() for change in found]
    return sorted(kept, key=lambda c: (not c.breaking, c.side, c.kind, c.subject, c.detail))


_HEADINGS = {Side.PYTHON: "Python API", Side.WIRE: "Wire (requests and answers)"}


def render(changes: Sequence[Change], *, title: str) -> str:
    """The report: a title, then the changes of each side, one per line."""
    if not changes:
        return f"{title}: no change for callers.\n"
    breaking = sum(change.breaking for change in changes)
    lines = [f"{title}: {len(changes)} change(s), {breaking} breaking."]
    for side in Side:
        side_changes = [change for change in changes if change.side is side]
        if side_changes:
            lines.append(f"  {_HEADINGS[side]}:")
            lines.extend(f"    {change.line()}" for change in side_changes)
    return "\n".join(lines) + "\n"
