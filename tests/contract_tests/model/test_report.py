"""model/report: the text of a difference, with its secrets masked unless unsanitized.

Seen failing by hand: ``masked`` replacing every field, not only the secret ones.
"""

from __future__ import annotations

from contract_tests.model.facts import model_facts
from contract_tests.model.judge import SAVED, Finding
from contract_tests.model.keys import Key, comparisons, key_space
from contract_tests.model.report import ModelDifferenceError, difference_report, masked
from contract_tests.model.state import Candidate

FACTS = model_facts()
SECRET = FACTS.links.secret_fields[0].name
SPACE = key_space(FACTS, 4242, None)
GROUP = (4242, SPACE.kind)
MASK = "[Filtered]"
CARRIER = {"Comment": "kept in sight", SECRET: "correct-horse"}


def test_only_secrets_are_masked() -> None:
    item = {**CARRIER, "Other": None}
    assert masked(FACTS, item, MASK) == {"Comment": "kept in sight", SECRET: MASK, "Other": None}
    assert masked(FACTS, {SECRET: None}, MASK) == {SECRET: None}
    assert masked(FACTS, item, None) == item


def test_the_report_names_its_checks_and_both_lists() -> None:
    candidate = Candidate(comparisons(FACTS, SPACE)[0])
    candidate.save(Key(*GROUP, "Mail"), CARRIER)
    error = difference_report(
        FACTS,
        [Finding(SAVED, "Mail is missing")],
        [],
        (candidate, GROUP),
        [{FACTS.identity.name: "Other", SECRET: "another-secret"}],
        MASK,
    )
    text = str(error)
    assert error.checks == (SAVED,)
    assert f"Mail is missing [{SAVED}]" in text
    assert "kept in sight" in text
    assert "Other" in text
    assert "correct-horse" not in text
    assert "another-secret" not in text
    assert SPACE.kind in text


def test_a_replay_that_differed_keeps_the_checks() -> None:
    error = ModelDifferenceError("the text", [SAVED])
    replayed = error.replayed_differently()
    assert replayed.checks == error.checks
    assert str(replayed).startswith("the text")
    assert "did not replay the same" in str(replayed)
