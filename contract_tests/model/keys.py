"""The model's small key space, and the ways the spec lets a server compare key texts.

The space is small on purpose, so that operations collide: the steps target a few
PublicValues of the run's associate under one kind (Type). They differ only in letter
case (``Mail``/``mail``), only in trailing spaces, or only in being null (null, left
out and ``""`` are one key, the spec says); one is the longest the schema allows. The
same PublicValues are kept, as residents, under a second kind that differs in every
character and under the canary associate: each key part varied alone. The kinds carry
a nonce made for the run, so no earlier case or run has credentials under them.

Where the spec leaves the comparison of key texts to the server
(``x-key-text-comparison: either``), the model keeps one candidate per way the spec
allows, and drops a candidate when an answer contradicts it: a server passes as long
as one candidate explains everything it answered.
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from contract_tests.model.compare import key_value
from contract_tests.model.facts import Difference, KeyText, ModelFacts

# Characters outside Latin-1 (Greek, Cyrillic) and outside the Basic Multilingual Plane
# (a musical symbol: two UTF-16 code units, four UTF-8 bytes).
NOT_LATIN_1 = "Ωж"
NOT_BMP = "\U0001d11e"
# Upper and lower case of one PublicValue; a leading space, which no comparison ignores.
IDENTITY_UPPER = f" Mail-Ç-{NOT_LATIN_1}-{NOT_BMP}"
KIND_PLAIN = "model"
KIND_WIDE = f"Modèl {NOT_LATIN_1} {NOT_BMP}"
RESIDENT_IDENTITY = "resident"


@dataclass(frozen=True, order=True)
class Key:
    """One credential's key. ``identity`` is PublicValue as the model's slot spells it."""

    associate: int
    kind: str
    identity: str

    @property
    def group(self) -> Group:
        return (self.associate, self.kind)


# (AssociateId, Type): what one Get answers.
Group = tuple[int, str]


def fill(text: str, length: int) -> str:
    """``text`` repeated to exactly ``length`` characters (code points, as JSON Schema counts)."""
    return (text * (length // max(len(text), 1) + 1))[:length]


def longest_text(length: int) -> str:
    """A text of ``length`` characters that ends outside the BMP: a server that counts UTF-16
    code units, or cuts bytes, loses its end."""
    return fill(f"Long-{NOT_LATIN_1}-", length - len(NOT_BMP)) + NOT_BMP


@dataclass(frozen=True)
class KeySpace:
    """The keys the steps target, all in one (AssociateId, Type), and the residents.

    Every key part is varied alone against every target: the residents hold each
    target's PublicValue under the other kind and, where there is one, under the canary
    associate, and one more PublicValue beside the targets. A write or a Remove that
    matches only some parts of its key meets one of them at once.
    """

    associate: int
    kind: str
    identities: tuple[str, ...]  # "" is the null key
    other_kind: str
    canary: int | None
    # Beside the targets, in their own (AssociateId, Type): never targeted.
    resident_identity: str

    def keys(self) -> list[Key]:
        return [Key(self.associate, self.kind, identity) for identity in self.identities]

    def groups(self) -> list[Group]:
        groups = [(self.associate, self.kind), (self.associate, self.other_kind)]
        return groups if self.canary is None else [*groups, (self.canary, self.kind)]

    def residents(self) -> list[Key]:
        twins = [Key(self.associate, self.other_kind, identity) for identity in self.identities]
        if self.canary is not None:
            twins += [Key(self.canary, self.kind, identity) for identity in self.identities]
        return [Key(self.associate, self.kind, self.resident_identity), *twins]


def key_space(facts: ModelFacts, associate: int, canary: int | None) -> KeySpace:
    nonce = secrets.token_hex(3)
    limit = facts.identity.schema.get("maxLength", len(IDENTITY_UPPER) + 8)
    lower = IDENTITY_UPPER.casefold()
    identities = ["", IDENTITY_UPPER, lower, f"{lower} ", longest_text(limit)]
    return KeySpace(
        associate=associate,
        kind=f"{KIND_PLAIN}-{nonce}",
        identities=tuple(dict.fromkeys(text[:limit] for text in identities)),
        other_kind=f"{KIND_WIDE} {nonce}",
        canary=canary,
        resident_identity=f"{RESIDENT_IDENTITY}-{nonce}",
    )


Fold = Callable[[str], str]


def _fold(ignore_case: bool, ignore_trailing: bool) -> Fold:
    def fold(text: str) -> str:
        text = text.rstrip(" ") if ignore_trailing else text
        return text.casefold() if ignore_case else text

    return fold


@dataclass(frozen=True)
class Comparison:
    """One way a server may compare key texts: for the kind and the PublicValue, whether it
    ignores letter case and trailing spaces."""

    ignored: tuple[tuple[str, Difference], ...]  # (field, difference) pairs it ignores
    kind_fold: Fold
    identity_fold: Fold

    def same_key(self, key: Key) -> Key:
        """The key as this comparison sees it: equal for keys the server takes as one."""
        return Key(key.associate, self.kind_fold(key.kind), self.identity_fold(key.identity))

    def describe(self) -> str:
        if not self.ignored:
            return "key texts compared exactly"
        parts = (f"{difference.value} in {field}" for field, difference in self.ignored)
        return f"ignoring {', '.join(parts)}"


def _options(text: KeyText) -> list[tuple[bool, bool]]:
    return list(
        itertools.product(
            text.choices(Difference.LETTER_CASE), text.choices(Difference.TRAILING_SPACES)
        )
    )


def comparisons(facts: ModelFacts, space: KeySpace) -> list[Comparison]:
    """Every way of comparing key texts the spec allows that the key space can tell apart,
    the exact one first."""
    found: dict[tuple[int, ...], Comparison] = {}
    for kind_option, identity_option in itertools.product(
        _options(facts.kind_text), _options(facts.identity_text)
    ):
        ignored = tuple(
            (text.name, difference)
            for text, option in (
                (facts.kind_text, kind_option),
                (facts.identity_text, identity_option),
            )
            for difference, on in zip(
                (Difference.LETTER_CASE, Difference.TRAILING_SPACES), option, strict=True
            )
            if on
        )
        comparison = Comparison(ignored, _fold(*kind_option), _fold(*identity_option))
        # Two comparisons that join the same keys of the space are one candidate.
        seen = [comparison.same_key(key) for key in [*space.keys(), *space.residents()]]
        found.setdefault(tuple(seen.index(same) for same in seen), comparison)
    return sorted(found.values(), key=lambda comparison: len(comparison.ignored))


def identity_key(value: object) -> str:
    """A PublicValue as a key: null, left out and "" are one key (the spec's Save says so)."""
    found = key_value(value)
    return found if isinstance(found, str) else repr(found)
