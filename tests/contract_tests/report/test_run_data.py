"""run_data: the one end record of a run, in the order the summary prints, and as JSON.

Seen failing by hand: ``Breakdown.ordered`` sorting by name before count.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from contract_tests.report.run_data import SUMMARY_FILE, Breakdown, CheckRow, RunData
from contract_tests.report.verdict import SuiteExit, Verdict

VERDICT = Verdict(SuiteExit.VIOLATED, "FAILED: the server breaks the contract (a_check)")


def test_most_first_then_by_name() -> None:
    ordered = Breakdown.ordered(Counter({"b": 2, "a": 2, "c": 5, "d": 1}))
    assert list(ordered.items()) == [("c", 5), ("a", 2), ("b", 2), ("d", 1)]
    assert Breakdown.ordered(Counter({204: 3, 400: 7})) == {"400": 7, "204": 3}


def test_the_record_as_json_carries_the_verdict(tmp_path: Path) -> None:
    data = RunData(
        target="http://127.0.0.1:9",
        embedded=True,
        seed=7,
        rate_limit="none",
        mode="budget",
        started="2026-12-06T00:00:00+00:00",
        seconds=1.5,
        verdict=VERDICT,
        tested=True,
        cases=3,
        checks=[CheckRow("a_check", applied=3, failed=1, not_applicable=0)],
    )
    written = json.loads(data.write(tmp_path).read_text(encoding="utf-8"))
    assert (tmp_path / SUMMARY_FILE).is_file()
    assert written["verdict"] == {
        "exit_code": int(SuiteExit.VIOLATED),
        "word": "FAILED",
        "text": VERDICT.text,
    }
    assert written["checks"] == [
        {"name": "a_check", "applied": 3, "failed": 1, "not_applicable": 0, "accepted": 0}
    ]
    assert written["seed"] == 7
