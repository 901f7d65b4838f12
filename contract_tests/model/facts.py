"""What the model-based phase reads from the spec, and nothing it writes itself.

The operations and the key come from the links of the save's success answer (the Get
of ``ReadBack`` names a credential's (AssociateId, Type), ``Remove`` adds the rest of
its key); the carrier's fields, limits and formats from the save's schema; the media
types from each operation's request and from the Get's answer; how two key texts
compare from ``x-key-text-comparison`` on the key's text fields; whether Get promises
a stable order from ``x-stable-order`` on its success answer.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

import spec_loader
from contract_tests.facts.save_links import CarrierField, EffectFacts, effect_facts
from spec_loader.links import credential_links
from spec_loader.statuses import OK, spec_key

KEY_TEXT_EXTENSION = "x-key-text-comparison"
STABLE_ORDER_EXTENSION = "x-stable-order"


class Difference(enum.Enum):
    """A difference between two key texts that the spec may let a server ignore."""

    LETTER_CASE = "letter-case"
    TRAILING_SPACES = "trailing-spaces"


class Allowed(enum.Enum):
    """What the spec says a server does with one kind of Difference."""

    SIGNIFICANT = "significant"  # another key
    IGNORED = "ignored"  # the same key
    EITHER = "either"  # the server's choice, made once


@dataclass(frozen=True)
class KeyText:
    """A text field of the key (Type, PublicValue) and how the spec lets it be compared."""

    name: str
    rules: dict[Difference, Allowed]

    def choices(self, difference: Difference) -> tuple[bool, ...]:
        """Whether a server may ignore ``difference``: (False,), (True,) or both."""
        allowed = self.rules.get(difference, Allowed.SIGNIFICANT)
        return {
            Allowed.SIGNIFICANT: (False,),
            Allowed.IGNORED: (True,),
            Allowed.EITHER: (False, True),
        }[allowed]


@dataclass(frozen=True)
class ModelFacts:
    links: EffectFacts
    # The Get body's fields (AssociateId, Type): a credential's group.
    group_fields: tuple[str, ...]
    # The group field naming an associate, varied with the run's and the canary associate.
    associate_field: str
    # The group field that is text (Type), varied between the key space's two kinds.
    kind_field: str
    kind_text: KeyText
    identity_text: KeyText
    save_media_types: tuple[str, ...]
    remove_media_types: tuple[str, ...]
    answer_media_types: tuple[str, ...]
    # Each answer media type's schema of the Get's success answer, references inlined.
    answer_schemas: dict[str, spec_loader.JsonObject]
    stable_order: bool

    @property
    def identity(self) -> CarrierField:
        return self.links.identity_field

    @property
    def carrier_fields(self) -> tuple[CarrierField, ...]:
        """The fields a save sends in its carrier, the key's own field aside."""
        return (*self.links.compared_fields, *self.links.secret_fields)

    @property
    def save_id(self) -> str:
        return self.links.save_operation_id

    @property
    def get_id(self) -> str:
        return self.links.read_back.operation_id

    @property
    def remove_id(self) -> str:
        return self.links.remove.operation_id


def _key_text(name: str, schema: spec_loader.JsonObject) -> KeyText:
    written = schema.get(KEY_TEXT_EXTENSION, {})
    return KeyText(name, {Difference(kind): Allowed(value) for kind, value in written.items()})


@functools.cache
def model_facts() -> ModelFacts:
    spec = spec_loader.load_spec()
    links = effect_facts()
    key = credential_links(spec)
    associate_field, kind_field = key.associate_field, key.type_field
    get_ok = spec_loader.response(spec, links.read_back.operation_id, spec_key(OK))
    content = get_ok.get("content", {})
    return ModelFacts(
        links=links,
        group_fields=tuple(links.read_back.pointers),
        associate_field=associate_field,
        kind_field=kind_field,
        kind_text=_key_text(kind_field, links.read_back_key_schemas[kind_field]),
        identity_text=_key_text(links.identity_field.name, links.identity_field.schema),
        save_media_types=tuple(spec_loader.request_media_types(spec, links.save_operation_id)),
        remove_media_types=tuple(spec_loader.request_media_types(spec, links.remove.operation_id)),
        answer_media_types=tuple(content),
        answer_schemas={media_type: body["schema"] for media_type, body in content.items()},
        stable_order=bool(get_ok.get(STABLE_ORDER_EXTENSION)),
    )
