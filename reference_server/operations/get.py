"""The Gets (ForAssociate and the caller's own): the stored carriers of (AssociateId, Type).

Each item is the carrier as it was saved (dates the same text), with its secrets only
for those who may see them (access.py); for anyone else they are left out.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

import spec_loader
from reference_server.access import sees_secrets_of
from reference_server.answers import Answers
from reference_server.operations.base import Call, CredentialHandler
from reference_server.records import KeyForm, merge_secrets
from reference_server.storage import CredentialStore, StoredRow
from spec_loader.documents import value_at
from spec_loader.statuses import OK, spec_key


class GetCredentials(CredentialHandler):
    verb = "read"
    key_form = KeyForm.OF_TYPE

    def __init__(
        self, spec: spec_loader.JsonObject, operation_id: str, store: CredentialStore
    ) -> None:
        super().__init__(spec, operation_id, store)
        self._answers = Answers.from_spec(spec, operation_id, spec_key(OK))

    async def answer(self, call: Call) -> Response:
        associate_id = self.key.associate_id_of(call.document)
        with_secrets = sees_secrets_of(call.identity, associate_id)
        rows = await self._store.rows_of(associate_id, self.key.type_of(call.document))
        items = [self._carrier(row, with_secrets) for row in rows]
        return self._answers.response(items, call.headers.get("accept"))

    def _carrier(self, row: StoredRow, with_secrets: bool) -> Any:
        document = (
            merge_secrets(row.document, self._store.unseal(row)) if with_secrets else row.document
        )
        return value_at(document, self._links.carrier_path)
