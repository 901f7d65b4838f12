"""The Removes (ForAssociate and the caller's own): delete by key; 204, there or not."""

from __future__ import annotations

from starlette.responses import Response

from reference_server.operations.base import Call, CredentialHandler
from reference_server.records import KeyForm
from spec_loader.statuses import NO_CONTENT


class RemoveCredentials(CredentialHandler):
    verb = "remove"
    key_form = KeyForm.NAMED

    async def answer(self, call: Call) -> Response:
        await self._store.remove(self.key.row_key(call.document))
        return Response(status_code=NO_CONTENT)
