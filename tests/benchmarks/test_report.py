"""A result's verdicts and its two forms, on made-up figures.

Seen failing by hand: ``Target.met_by`` with ``<`` for ``<=`` (a median on the bound
missed), ``Result.met`` with ``any`` for ``all``, ``paired_figures`` with the sides
swapped, and ``shown`` printing counts as ``1.5e+03``.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.ratios import Spread
from benchmarks.report import (
    Figure,
    Result,
    Target,
    as_json,
    paired_figures,
    shown,
    table,
    verdict,
    write_json,
)

AT_MOST_ONE = Target("<=", 1.0)
AT_LEAST_TWO = Target(">=", 2.0)


def test_a_median_on_the_bound_meets_it_from_either_side() -> None:
    assert AT_MOST_ONE.met_by(1.0)
    assert AT_MOST_ONE.met_by(0.5)
    assert not AT_MOST_ONE.met_by(1.01)
    assert AT_LEAST_TWO.met_by(2.0)
    assert AT_LEAST_TWO.met_by(3.0)
    assert not AT_LEAST_TWO.met_by(1.99)
    assert str(Target("<=", 1.10)) == "<= 1.1"


def test_a_result_is_met_when_every_judged_figure_is_and_unjudged_without_targets() -> None:
    met = Figure("a", Spread(0.9, 0.1, 5.0), AT_MOST_ONE)
    missed = Figure("b", Spread(1.5, 2.5, 3.0), AT_LEAST_TWO)
    context = Figure("c", Spread(7.0, 6.0, 8.0))
    assert context.met is None
    assert Result("P0", "m", 1, [met, context]).met is True
    assert Result("P0", "m", 1, [met, missed, context]).met is False
    assert Result("P0", "m", 1, [context]).met is None


def test_paired_figures_give_the_ratio_then_the_subject_then_the_baseline() -> None:
    pairs = [(2.0, 1.0), (4.0, 4.0), (1.0, 3.0)]  # (baseline, subject)
    ratio, subject, baseline = paired_figures(
        pairs, ratio=("r", AT_MOST_ONE), subject=("s", AT_LEAST_TWO), baseline="b"
    )
    assert (ratio.name, ratio.spread, ratio.target) == ("r", Spread(1.0, 0.5, 3.0), AT_MOST_ONE)
    assert (subject.name, subject.spread, subject.target) == (
        "s",
        Spread(3.0, 1.0, 4.0),
        AT_LEAST_TWO,
    )
    assert (baseline.name, baseline.spread, baseline.target) == ("b", Spread(2.0, 1.0, 4.0), None)


def test_the_json_file_holds_each_figure_with_its_target_and_the_settings(tmp_path: Path) -> None:
    result = Result(
        "P9",
        "a measure",
        4,
        [Figure("ratio", Spread(0.8, 0.7, 1.2), AT_MOST_ONE), Figure("n", Spread(3, 2, 4))],
        {"calls": 7},
    )
    path = tmp_path / "deeper" / "bench.json"
    write_json([result], path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == as_json([result])
    (entry,) = written["results"]
    assert (entry["id"], entry["rounds"], entry["met"], entry["settings"]) == (
        "P9",
        4,
        True,
        {"calls": 7},
    )
    assert entry["figures"] == [
        {"name": "ratio", "median": 0.8, "min": 0.7, "max": 1.2, "target": "<= 1", "met": True},
        {"name": "n", "median": 3, "min": 2, "max": 4, "target": None, "met": None},
    ]


def test_counts_are_shown_in_full_and_fractions_to_three_digits() -> None:
    assert shown(1495) == "1,495"
    assert shown(-2500.4) == "-2,500"
    assert shown(0.123456) == "0.123"
    assert shown(999.6) == "1e+03"  # under a thousand, still three digits
    assert [verdict(met) for met in (True, False, None)] == ["met", "MISSED", "-"]


def test_the_table_has_one_aligned_row_per_figure() -> None:
    results = [
        Result("P1", "m", 3, [Figure("ratio", Spread(1.5, 1.0, 2.0), AT_MOST_ONE)]),
        Result("P22", "m", 10, [Figure("a longer name", Spread(1234, 1000, 1500))]),
    ]
    lines = table(results).splitlines()
    assert len(lines) == 4
    assert len({len(line) for line in lines}) == 1, lines
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    assert cells[0] == ["id", "figure", "median", "min", "max", "target", "verdict", "rounds"]
    assert set("".join(cells[1])) == {"-"}
    assert cells[2] == ["P1", "ratio", "1.5", "1", "2", "<= 1", "MISSED", "3"]
    assert cells[3] == ["P22", "a longer name", "1,234", "1,000", "1,500", "-", "-", "10"]
