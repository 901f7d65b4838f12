"""The model: what the server must hold, as one candidate per way of comparing key texts.

A candidate maps each key, as its comparison sees it, to the credential last saved under
it: the carrier as sent, the PublicValue spellings saved since the key was created (a
server may keep the first one or show a later one), and in which syntaxes an answer
has shown it as saved since its last write. Remove deletes exactly its key. Get must return exactly
the credentials of its (AssociateId, Type).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from contract_tests.model.keys import Comparison, Group, Key, identity_key


@dataclass
class Stored:
    key: Key  # as the first save of it spelled it
    carrier: dict[str, Any]  # as the last save sent it, PublicValue aside
    spellings: set[str] = field(default_factory=set)
    # The syntaxes (JSON, XML) of the answers that have shown it as last saved, through
    # each view (judge.seen_tag): a later
    # difference in one of them is a change, a first one a save read back wrong.
    seen_in: set[str] = field(default_factory=set)
    resident: bool = False  # saved before the sequences, never targeted by a step
    # Last written through the caller's own view (own_view.py), not the ForAssociate one.
    own_write: bool = False


@dataclass
class Candidate:
    comparison: Comparison
    held: dict[Key, Stored] = field(default_factory=dict)  # by comparison.same_key

    def save(
        self, key: Key, carrier: Mapping[str, Any], resident: bool = False, own: bool = False
    ) -> None:
        same = self.comparison.same_key(key)
        stored = self.held.get(same)
        if stored is None:
            stored = self.held[same] = Stored(key, {}, resident=resident)
        stored.carrier = dict(carrier)
        stored.spellings.add(identity_key(key.identity))
        stored.seen_in.clear()
        stored.own_write = own

    def remove(self, key: Key) -> None:
        self.held.pop(self.comparison.same_key(key), None)

    def group_key(self, group: Group) -> tuple[int, str]:
        return (group[0], self.comparison.kind_fold(group[1]))

    def in_group(self, group: Group) -> Iterator[tuple[Key, Stored]]:
        wanted = self.group_key(group)
        for same, stored in self.held.items():
            if (same.associate, same.kind) == wanted:
                yield same, stored

    def copy(self) -> Candidate:
        return Candidate(self.comparison, copy.deepcopy(self.held))


@dataclass
class Model:
    """Every candidate the server's answers still allow; the first is the one reported."""

    candidates: list[Candidate]

    @classmethod
    def of(cls, comparisons: list[Comparison]) -> Model:
        return cls([Candidate(comparison) for comparison in comparisons])

    def save(
        self, key: Key, carrier: Mapping[str, Any], resident: bool = False, own: bool = False
    ) -> None:
        for candidate in self.candidates:
            candidate.save(key, carrier, resident, own)

    def remove(self, key: Key) -> None:
        for candidate in self.candidates:
            candidate.remove(key)

    def holds(self, key: Key) -> bool:
        first = self.candidates[0]
        return first.comparison.same_key(key) in first.held

    def held_keys(self) -> list[Key]:
        """The keys the first candidate holds that a step may target, as first spelled."""
        return sorted(
            stored.key for stored in self.candidates[0].held.values() if not stored.resident
        )

    def copy(self) -> Model:
        return Model([candidate.copy() for candidate in self.candidates])
