"""reference_server/operations/save.py: a save stores the request, its secrets sealed apart.

Driven directly on a credential store, without HTTP. Seen failing by hand: `answer`
storing call.document instead of the split public part (test_a_save_stores_its_secrets_apart).
"""

from __future__ import annotations

import asyncio
import json

import spec_loader
from reference_server.operations.base import Call
from reference_server.operations.save import SaveCredentials
from reference_server.records import merge_secrets
from reference_server.settings import Identity, Scheme
from reference_server.storage import CredentialStore
from spec_loader.documents import value_at
from spec_loader.statuses import NO_CONTENT
from tests.reference_server.live_server import SAVE, SPEC, credential

ADMIN = Identity(Scheme.TICKET, "admin-ticket")


def test_a_save_stores_its_secrets_apart(store: CredentialStore) -> None:
    handler = SaveCredentials(SPEC, SAVE, store)
    secret_paths = spec_loader.secret_paths(spec_loader.request_schema(SPEC, SAVE))
    document = credential("save-unit")

    answer = asyncio.run(handler.answer(Call(ADMIN, document, secret_paths, {})))

    assert answer.status_code == NO_CONTENT
    key = handler.key.row_key(document)
    [row] = asyncio.run(store.rows_of(key.associate_id, key.type))
    for path in secret_paths:
        assert value_at(row.document, path) is None
        assert value_at(document, path) not in json.dumps(row.document)
    assert merge_secrets(row.document, store.unseal(row)) == document
