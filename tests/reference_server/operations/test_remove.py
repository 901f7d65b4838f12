"""reference_server/operations/remove.py: one credential deleted by its key; 204 either way.

Driven directly on a credential store, without HTTP. Seen failing by hand: RemoveCredentials
with key_form KeyForm.OF_TYPE (its request is read as naming no single credential).
"""

from __future__ import annotations

import asyncio

import spec_loader
from reference_server.operations.base import Call
from reference_server.operations.remove import RemoveCredentials
from reference_server.operations.save import SaveCredentials
from reference_server.settings import Identity, Scheme
from reference_server.storage import CredentialStore
from spec_loader.statuses import NO_CONTENT
from tests.reference_server.live_server import REMOVE, SAVE, SPEC, credential, linked_request

ADMIN = Identity(Scheme.TICKET, "admin-ticket")


def test_a_remove_deletes_only_its_credential(store: CredentialStore) -> None:
    secret_paths = spec_loader.secret_paths(spec_loader.request_schema(SPEC, SAVE))
    save = SaveCredentials(SPEC, SAVE, store)
    kept, removed = (credential("remove-unit", PublicValue=name) for name in ("kept", "removed"))
    for document in (kept, removed):
        asyncio.run(save.answer(Call(ADMIN, document, secret_paths, {})))
    remove = RemoveCredentials(SPEC, REMOVE, store)

    answers = [
        asyncio.run(remove.answer(Call(ADMIN, linked_request(removed, REMOVE), [], {})))
        for _ in range(2)  # the second finds nothing, and is answered the same
    ]

    assert [answer.status_code for answer in answers] == [NO_CONTENT, NO_CONTENT]
    key = save.key.row_key(kept)
    rows = asyncio.run(store.rows_of(key.associate_id, key.type))
    assert [row.key for row in rows] == [key]
