"""What the kill matrix runs the suite against: planted faults, and conformant variations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp


@dataclass(frozen=True)
class Fault:
    """Breaks one part of the contract; the suite must fail, ``caught_by`` among its checks."""

    name: str
    breaks: str
    caught_by: str
    wrap: Callable[[ASGIApp], ASGIApp]


@dataclass(frozen=True)
class Variation:
    """Answers differently from the reference server in a way the spec allows: the suite
    must pass it."""

    name: str
    changes: str
    wrap: Callable[[ASGIApp], ASGIApp]
