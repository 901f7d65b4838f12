"""The Saves (ForAssociate and the caller's own): store the request, secrets sealed, by key."""

from __future__ import annotations

from starlette.responses import Response

from reference_server.operations.base import Call, CredentialHandler
from reference_server.records import KeyForm, split_secrets
from spec_loader.statuses import NO_CONTENT


class SaveCredentials(CredentialHandler):
    verb = "save"
    key_form = KeyForm.SAVED

    async def answer(self, call: Call) -> Response:
        public, secrets = split_secrets(call.document, call.secret_paths)
        await self._store.save(self.key.row_key(call.document), public, secrets)
        return Response(status_code=NO_CONTENT)
