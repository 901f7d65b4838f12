"""RemoveUntrustedCredentialsForAssociate: delete by key; 204 whether or not it was there."""

from __future__ import annotations

from starlette.responses import Response

from reference_server.operations.base import Call, Handler
from reference_server.records import NAMED_CREDENTIAL


class RemoveCredentials(Handler):
    verb = "remove"
    key = NAMED_CREDENTIAL

    async def answer(self, call: Call) -> Response:
        await self._store.remove(self.key.row_key(call.document))
        return Response(status_code=204)
