"""The Saves (ForAssociate and the caller's own): store the request, secrets sealed, by key."""

from __future__ import annotations

from typing import ClassVar

from starlette.responses import Response

from reference_server.operations.base import Call, Handler
from reference_server.records import SAVED_CREDENTIAL, KeyPaths, split_secrets


class SaveCredentials(Handler):
    verb = "save"
    key: ClassVar[KeyPaths] = SAVED_CREDENTIAL

    async def answer(self, call: Call) -> Response:
        public, secrets = split_secrets(call.document, call.secret_paths)
        await self._store.save(self.key.row_key(call.document), public, secrets)
        return Response(status_code=204)
