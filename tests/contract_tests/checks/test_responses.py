"""answer_in_accepted_media_type's one excuse: JSON for credentials that XML cannot carry.

The spec says an Accept the server cannot meet still gets JSON; the check takes a JSON
answer to an XML Accept only when the answer holds what XML cannot write.
"""

from __future__ import annotations

import json

import pytest

from contract_tests.checks.responses import xml_can_carry


def answer(items: object) -> bytes:
    return json.dumps(items).encode()


def test_credentials_xml_can_write_are_no_excuse() -> None:
    assert xml_can_carry(answer([{"Comment": "Mailbox", "IsActive": True, "PublicValue": None}]))
    assert xml_can_carry(answer([]))


@pytest.mark.parametrize(
    "items",
    [
        [{"": "a property name that is no XML name"}],
        [{"Comment": "a character XML 1.0 forbids: \x00"}],
        [{"Extra": [[1, 2]]}],
    ],
    ids=["empty name", "forbidden character", "list in a list"],
)
def test_credentials_xml_cannot_write_are(items: object) -> None:
    assert not xml_can_carry(answer(items))
