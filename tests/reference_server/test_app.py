"""reference_server/app.py: routing answers (unknown path, other method) in the error body.

Moved here from test_errors.py. Seen failing by hand: PathEndpoint's Allow header
joined with "," and naming GET too: test_other_methods_are_not_allowed fails; the
HTTPException handler (routing_error) removed from create_app:
test_unknown_path_has_the_error_body fails (Starlette's plain-text 404).
"""

from __future__ import annotations

import pytest

import spec_loader
from tests.reference_server.error_bodies import assert_error_body
from tests.reference_server.live_server import ADMIN, OPERATION_IDS, SPEC, Server

by_operation = pytest.mark.parametrize("operation_id", OPERATION_IDS)


@by_operation
@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_other_methods_are_not_allowed(server: Server, operation_id: str, method: str) -> None:
    allowed = spec_loader.methods_at(SPEC, spec_loader.operation(SPEC, operation_id).path)

    response = server.client.request(method, server.url(operation_id), headers=ADMIN)

    assert_error_body(response, 405)
    assert response.headers["Allow"] == ", ".join(allowed) == "POST"


def test_unknown_path_has_the_error_body(server: Server) -> None:
    response = server.client.post(server.running.base_url + "/api/v1/Nothing", headers=ADMIN)

    assert_error_body(response, 404)
