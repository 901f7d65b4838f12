"""CreateDefault: a new carrier with default values, to fill in and save; nothing is stored.

The defaults are the spec's example of this answer, which the spec says is what this
server answers, with the time of the call in the field named below. The spec's
description of the operation says why each value is what it is.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import jsonschema_rs
from starlette.responses import Response

import spec_loader
from reference_server.answers import Answers
from reference_server.operations.base import Call, Handler
from reference_server.storage import CredentialStore
from spec_loader.statuses import OK, spec_key

# The carrier field that holds the time of the call: a new credential is valid from now.
CALL_TIME_FIELD = "ValidFrom"
DATE_TIME_FORMAT = "date-time"


def vendor_date(moment: datetime) -> str:
    """A UTC time to the second as the vendor writes dates: seven fractional digits."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000+00:00")


class CreateDefaultCredentials(Handler):
    verb = "create"

    def __init__(
        self, spec: spec_loader.JsonObject, operation_id: str, store: CredentialStore
    ) -> None:
        super().__init__(spec, operation_id, store)
        self._answers = Answers.from_spec(spec, operation_id, spec_key(OK))
        answer = spec_loader.response(spec, operation_id, spec_key(OK))["content"][
            self._answers.offered[0]
        ]
        [example] = answer["examples"].values()
        self._defaults: dict[str, Any] = example["value"]
        # Fail at start-up, not on the first call, if the spec's answer no longer fits.
        schema = answer["schema"]
        if schema["properties"][CALL_TIME_FIELD].get("format") != DATE_TIME_FORMAT:
            raise ValueError(f"{operation_id}: {CALL_TIME_FIELD} is not a {DATE_TIME_FORMAT}")
        validator = jsonschema_rs.validator_for(schema, validate_formats=True)
        validator.validate(self.defaults(datetime.now(UTC)))

    def defaults(self, now: datetime) -> dict[str, Any]:
        carrier = copy.deepcopy(self._defaults)
        carrier[CALL_TIME_FIELD] = vendor_date(now)
        return carrier

    async def answer(self, call: Call) -> Response:
        return self._answers.response(self.defaults(datetime.now(UTC)), call.headers.get("accept"))
