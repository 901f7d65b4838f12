"""reference_server/pipeline.py: the shared checks, in their order, for every operation.

Moved here from test_errors.py. Seen failing by hand: the 403 check made before
validation in OperationEndpoint.handle: test_refusals_come_in_order fails (403 where
400 is due); an unknown Content-Type answered with the first accepted media type's decoder in
_accepted_media_type: test_other_media_types_are_unsupported fails.
"""

from __future__ import annotations

import json

import pytest

from tests.reference_server.bodies import JSON_TYPE
from tests.reference_server.error_bodies import assert_error_body
from tests.reference_server.live_server import (
    ADMIN,
    BODY_OPERATION_IDS,
    LIMITED,
    LIMITED_ASSOCIATE,
    Server,
    names_associate,
    valid_request,
)

by_body_operation = pytest.mark.parametrize("operation_id", BODY_OPERATION_IDS)


@by_body_operation
@pytest.mark.parametrize("content_type", [None, "text/plain", "application/yaml"])
def test_other_media_types_are_unsupported(
    server: Server, operation_id: str, content_type: str | None
) -> None:
    headers = {**ADMIN, **({"Content-Type": content_type} if content_type else {})}

    response = server.client.post(server.url(operation_id), content=b"{}", headers=headers)

    assert_error_body(response, 415)


@by_body_operation
def test_refusals_come_in_order(server: Server, operation_id: str) -> None:
    """401 before 415 before 413 before 400 before 403, each with the operation's source.

    The 403 is the limited identity's for another associate, or, for the caller's own
    operations, the administrator's, who is no associate.
    """
    valid = json.dumps(valid_request(operation_id, "order")).encode()
    forbidden, refused = valid_request(operation_id, "order"), ADMIN
    if names_associate(operation_id):
        forbidden, refused = {**forbidden, "AssociateId": LIMITED_ASSOCIATE + 1}, LIMITED
    oversize = b" " * (1024 * 1024 + 1)
    cases = [
        (401, server.post(oversize, "text/plain", {}, operation_id)),
        (415, server.post(oversize, "text/plain", refused, operation_id)),
        (413, server.post(oversize + b"{", JSON_TYPE, refused, operation_id)),
        (400, server.post(b"{", JSON_TYPE, refused, operation_id)),
        (400, server.post_json({**forbidden, "Type": ""}, refused, operation_id)),
        (403, server.post_json(forbidden, refused, operation_id)),
    ]

    assert [response.status_code for _, response in cases] == [status for status, _ in cases]
    for status, response in cases[1:]:
        assert assert_error_body(response, status)["ErrorSource"] == operation_id
    assert server.post(valid, JSON_TYPE, LIMITED, operation_id).status_code in (200, 204)
