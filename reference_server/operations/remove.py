"""The Removes (ForAssociate and the caller's own): delete by key; 204, there or not."""

from __future__ import annotations

from typing import ClassVar

from starlette.responses import Response

from reference_server.operations.base import Call, Handler
from reference_server.records import NAMED_CREDENTIAL, KeyPaths


class RemoveCredentials(Handler):
    verb = "remove"
    key: ClassVar[KeyPaths] = NAMED_CREDENTIAL

    async def answer(self, call: Call) -> Response:
        await self._store.remove(self.key.row_key(call.document))
        return Response(status_code=204)
