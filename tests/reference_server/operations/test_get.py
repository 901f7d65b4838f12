"""reference_server/operations/get.py: the saved carriers of a type, secrets for those who see them.

Driven directly on a credential store, without HTTP. Seen failing by hand: `_carrier`
merging the secrets whatever with_secrets says (the administrator sees the secret).
"""

from __future__ import annotations

import asyncio
import json

import pytest

import spec_loader
from reference_server.operations.base import Call
from reference_server.operations.get import GetCredentials
from reference_server.operations.save import SaveCredentials
from reference_server.settings import Identity, Scheme
from reference_server.storage import CredentialStore
from spec_loader.documents import value_at
from spec_loader.links import credential_links
from spec_loader.statuses import OK
from tests.reference_server.live_server import (
    GET,
    LIMITED_ASSOCIATE,
    SAVE,
    SPEC,
    credential,
    linked_request,
)

ADMIN = Identity(Scheme.TICKET, "admin-ticket")
SYSTEM_USER = Identity(Scheme.TICKET, "system-ticket", system_user=True)
LIMITED = Identity(Scheme.TICKET, "limited-ticket", associate_id=LIMITED_ASSOCIATE)


@pytest.mark.parametrize(
    ("identity", "sees_secrets"),
    [(ADMIN, False), (SYSTEM_USER, True), (LIMITED, True)],
    ids=["administrator", "system user", "the associate"],
)
def test_the_saved_carriers_are_answered(
    store: CredentialStore, identity: Identity, sees_secrets: bool
) -> None:
    secret_paths = spec_loader.secret_paths(spec_loader.request_schema(SPEC, SAVE))
    saved = [credential("get-unit", PublicValue=name) for name in ("b", "a")]
    for document in saved:
        asyncio.run(
            SaveCredentials(SPEC, SAVE, store).answer(Call(ADMIN, document, secret_paths, {}))
        )
    carrier_path = credential_links(SPEC).carrier_path
    # The secrets' paths inside a carrier, which is what a Get answers with.
    carrier_secrets = [path[len(carrier_path) :] for path in secret_paths]

    request = linked_request(saved[0], GET)
    answer = asyncio.run(GetCredentials(SPEC, GET, store).answer(Call(identity, request, [], {})))

    assert answer.status_code == OK
    expected = [value_at(document, carrier_path) for document in saved]
    if not sees_secrets:
        expected = [
            {name: value for name, value in carrier.items() if (name,) not in carrier_secrets}
            for carrier in expected
        ]
    assert sorted(json.loads(bytes(answer.body)), key=json.dumps) == sorted(
        expected, key=json.dumps
    )
