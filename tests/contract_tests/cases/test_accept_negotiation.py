"""accept_negotiation: cases of an operation answering in several media types ask for each
in turn, or for none; other cases and a case with its own Accept keep theirs.

(That each run starts its turns afresh is in test_run_state.py.) Seen failing by hand:
``map_case`` without the check of an Accept the case already carries.
"""

from __future__ import annotations

from schemathesis import HookContext

from contract_tests.cases.accept_negotiation import ACCEPT, accept_for, answer_media_types, map_case
from contract_tests.hooks import start_run
from contract_tests.model.facts import model_facts
from tests.contract_tests.exchanges import case_of

FACTS = model_facts()


def test_the_get_answers_in_several_media_types_and_the_remove_in_none() -> None:
    found = answer_media_types()
    assert set(found[FACTS.get_id]) == set(FACTS.answer_media_types)
    assert len(found[FACTS.get_id]) > 1
    assert FACTS.remove_id not in found


def test_every_type_and_none_in_turn() -> None:
    types = ("a/x", "b/y")
    assert [accept_for(turn, types) for turn in range(6)] == [None, "a/x", "b/y"] * 2


def test_map_case_sets_accept_only_where_it_may() -> None:
    start_run(thorough=False)
    types = answer_media_types()[FACTS.get_id]
    context = HookContext(operation=case_of(FACTS.get_id).operation)
    sent = [map_case(context, case_of(FACTS.get_id)).headers.get(ACCEPT) for _ in types]
    assert sent == [None, *types[:-1]]
    own = map_case(context, case_of(FACTS.get_id, headers={ACCEPT: "text/plain"}))
    assert own.headers[ACCEPT] == "text/plain"
    remove = case_of(FACTS.remove_id)
    assert ACCEPT not in map_case(HookContext(operation=remove.operation), remove).headers
