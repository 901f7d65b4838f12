"""The caller's own view of the store: the own Save, Get and Remove, which name no associate.

The spec says they act on the caller's associate, in the same store as the
ForAssociate operations: what the caller saves as their own is what the ForAssociate
Get returns for the caller's associate, and the other way round; a Remove through
either view is seen by both. So the model keeps one store, and the own view is one
more way to write and read the groups of the caller's associate.

Everything comes from the spec's links: the own save is the success answer that links
to a read-back and a removal naming every key field the ForAssociate ones name but the
associate. Its bodies are the ForAssociate bodies without the associate field, which
the own save places nowhere (a stray one in the body is ignored, the spec says; the
model sometimes sends one, naming another associate).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import spec_loader
from contract_tests.facts.save_links import LinkedCall, linked_call
from contract_tests.model.bodies import Body, save_body
from contract_tests.model.facts import ModelFacts, model_facts
from contract_tests.model.keys import Key
from contract_tests.model.readers import Reader
from contract_tests.model.values import LEFT_OUT
from spec_loader.links import READ_BACK_LINK, REMOVE_LINK, response_links
from spec_loader.statuses import is_success


@dataclass(frozen=True)
class OwnFacts:
    save_id: str
    read_back: LinkedCall
    remove: LinkedCall


@functools.cache
def own_facts() -> OwnFacts | None:
    """The own save and its links, or None when the spec has no own view."""
    spec, facts = spec_loader.load_spec(), model_facts()
    associate = facts.associate_field
    wanted = {
        READ_BACK_LINK: set(facts.links.read_back.pointers) - {associate},
        REMOVE_LINK: set(facts.links.remove.pointers) - {associate},
    }
    by_answer: dict[tuple[str, str], dict[str, Any]] = {}
    for found in response_links(spec):
        if is_success(found.status) and found.operation_id != facts.save_id:
            by_answer.setdefault((found.operation_id, found.status), {})[found.name] = found.link
    for (save_id, _), links in by_answer.items():
        if set(wanted) <= set(links) and all(
            set(links[name].expressions) == fields for name, fields in wanted.items()
        ):
            return OwnFacts(
                save_id,
                linked_call(spec, links[READ_BACK_LINK]),
                linked_call(spec, links[REMOVE_LINK]),
            )
    return None


@dataclass(frozen=True)
class OwnView:
    """The own view of one run: its operations, and the identity whose associate it is."""

    facts: ModelFacts
    own: OwnFacts
    owner: Reader  # its headers replace the run's on every own call
    associate: int  # the owner's associate: the run's

    def save_body(
        self, key: Key, carrier: dict[str, Any], spelling: Any, stray_associate: Any
    ) -> Body:
        """An own save of ``key``; ``stray_associate`` (or LEFT_OUT) where the ForAssociate
        save has its associate field, which the own save must ignore."""
        body = save_body(self.facts, key, carrier, spelling)
        path = self.facts.links.read_back.pointers[self.facts.associate_field]
        parent = body
        for name in path[:-1]:
            parent = parent[name]
        del parent[path[-1]]
        if stray_associate is not LEFT_OUT:
            parent[path[-1]] = stray_associate
        return body

    def get_body(self, kind: str) -> Body:
        return self._linked(self.own.read_back, Key(self.associate, kind, ""), LEFT_OUT)

    def remove_body(self, key: Key, spelling: Any) -> Body:
        return self._linked(self.own.remove, key, spelling)

    def _linked(self, call: LinkedCall, key: Key, spelling: Any) -> Body:
        found = call.body_from(self.save_body(key, {}, spelling, LEFT_OUT))
        if found is None:
            raise ValueError(f"the spec refuses a {call.operation_id} of {key}")
        return found


def own_media_types(own: OwnView | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The request media types of the own save and the own Remove, as the spec lists them."""
    if own is None:
        return (), ()
    spec = spec_loader.load_spec()
    return (
        tuple(spec_loader.request_media_types(spec, own.own.save_id)),
        tuple(spec_loader.request_media_types(spec, own.own.remove.operation_id)),
    )
