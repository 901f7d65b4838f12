"""tally: the summary's lines of the model phase show what was counted, and only that.

Seen failing by hand: the own-view line printed whatever ``own_associate`` is.
"""

from __future__ import annotations

from contract_tests.model.keys import Key
from contract_tests.model.readers import SecretRule
from contract_tests.model.tally import ModelTally


def test_the_counts_are_shown() -> None:
    tally = ModelTally(sequences=7, steps=31, comparisons=12, canary_checks=5)
    tally.keys_touched.update({Key(1, "a", ""), Key(1, "a", "x"), Key(2, "a", "x")})
    tally.concurrent_rounds = 4
    (line,) = tally.lines()
    for shown in ("7 sequences", "31 steps", "3 keys touched", "12 state comparisons"):
        assert shown in line
    assert "(5 of the canary" in line
    assert "4 rounds" in line


def test_optional_lines_only_when_there_is_something_to_show() -> None:
    tally = ModelTally(sequences=4, own_associate=9, own_view_checks=3)
    tally.not_checked.append("no canary associate")
    tally.key_comparisons["key texts compared exactly"] += 3
    tally.secrets_seen[SecretRule.HIDDEN] += 2
    text = "\n".join(tally.lines())
    assert "associate 9: 3 comparisons" in text
    assert "not checked: no canary associate" in text
    assert "key texts compared exactly (3 of 4 sequences)" in text
    assert "hidden 2x" in text
    assert len(ModelTally().lines()) == 1
