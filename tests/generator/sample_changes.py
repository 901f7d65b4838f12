"""A few changes of each size, for the tests of the report, the changelog and the gate."""

from __future__ import annotations

from generator.change_report import Change, Kind, Side

ADDED = Change(Side.WIRE, Kind.ADDED, "operation", "ListThings", "POST /things")
WIDENED = Change(Side.WIRE, Kind.CHANGED, "request field", "Save Comment", "limit widened")
REMOVED = Change(Side.PYTHON, Kind.REMOVED, "field", "models.X.y", breaking=True)
