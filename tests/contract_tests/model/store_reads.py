"""What the store holds, read as the run's identity: for tests of the model phase."""

from __future__ import annotations

from contract_tests.model.bodies import get_body
from contract_tests.model.calls import read_items
from contract_tests.model.keys import Group
from contract_tests.model.run import ModelRun


def identities_in(run: ModelRun, group: Group) -> list[str]:
    """The PublicValues a judged Get of ``group`` answers, sorted."""
    facts = run.facts
    sent = run.caller.send("Get", facts.get_id, get_body(facts, group), facts.links.json_media_type)
    items, problem = read_items(facts, sent.response)
    assert items is not None, problem
    return sorted(str(item[facts.identity.name]) for item in items)
