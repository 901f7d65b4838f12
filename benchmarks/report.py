"""What a benchmark reports, and the two forms it is shown in: a table and JSON.

Each benchmark id (P1...) has one or more figures; a figure is a median with its min
and max over the interleaved rounds, and maybe a target that its median must meet.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.ratios import Spread, ratio_spread

COMPARISONS: dict[str, Callable[[float, float], bool]] = {"<=": operator.le, ">=": operator.ge}


@dataclass(frozen=True)
class Target:
    comparison: str  # a key of COMPARISONS
    bound: float

    def met_by(self, value: float) -> bool:
        return COMPARISONS[self.comparison](value, self.bound)

    def __str__(self) -> str:
        return f"{self.comparison} {self.bound:g}"


@dataclass(frozen=True)
class Figure:
    name: str
    spread: Spread
    target: Target | None = None

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.target.met_by(self.spread.median)


@dataclass(frozen=True)
class Result:
    id: str
    measure: str
    rounds: int
    figures: Sequence[Figure]
    # The counts and settings the figures were measured with, for the JSON.
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def met(self) -> bool | None:
        verdicts = [figure.met for figure in self.figures if figure.met is not None]
        return all(verdicts) if verdicts else None


def paired_figures(
    pairs: Sequence[tuple[float, float]],
    *,
    ratio: tuple[str, Target],
    subject: tuple[str, Target | None],
    baseline: str,
) -> list[Figure]:
    """The ratio of interleaved pairs, then each side's own figures, for context."""
    return [
        Figure(ratio[0], ratio_spread(pairs), ratio[1]),
        Figure(subject[0], Spread.of([measured for _, measured in pairs]), subject[1]),
        Figure(baseline, Spread.of([measured for measured, _ in pairs])),
    ]


def as_json(results: Sequence[Result]) -> dict[str, Any]:
    return {
        "results": [
            {
                "id": result.id,
                "measure": result.measure,
                "rounds": result.rounds,
                "met": result.met,
                "settings": result.settings,
                "figures": [
                    {
                        "name": figure.name,
                        **asdict(figure.spread),
                        "target": str(figure.target) if figure.target else None,
                        "met": figure.met,
                    }
                    for figure in result.figures
                ],
            }
            for result in results
        ]
    }


def write_json(results: Sequence[Result], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(as_json(results), indent=2) + "\n", encoding="utf-8")


def verdict(met: bool | None) -> str:
    return {True: "met", False: "MISSED", None: "-"}[met]


def shown(value: float) -> str:
    """Three significant digits, but counts such as 1,495 in full rather than as 1.5e+03."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def table(results: Sequence[Result]) -> str:
    """A Markdown table, one row per figure, ready to paste into the README."""
    header = ("id", "figure", "median", "min", "max", "target", "verdict", "rounds")
    rows = [
        (
            result.id,
            figure.name,
            shown(figure.spread.median),
            shown(figure.spread.min),
            shown(figure.spread.max),
            str(figure.target) if figure.target else "-",
            verdict(figure.met),
            str(result.rounds),
        )
        for result in results
        for figure in result.figures
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), line(["-" * width for width in widths]), *map(line, rows)])
