"""The client's requests, of every operation, pass openapi-core's request validation
against the spec (tests/generated_client/spec_validator.py says how openapi-core is set up).

Proved by hand: against a client generated from the full spec without the bridge (the
upstream behaviour: the body goes out form-encoded under the last JSON header), every
test_each_json_media_type_is_valid and test_each_authentication_is_valid fails.
"""

from __future__ import annotations

import pytest
from openapi_core.validation.request.exceptions import InvalidRequestBody, SecurityValidationError
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate

from spec_loader import component
from tests.generated_client.auth_cases import AUTH_CASES
from tests.generated_client.operations import CALLS, OPERATIONS, ClientOperation, call_id
from tests.generated_client.recording import SPEC, example_request, recording_client
from tests.generated_client.spec_validator import validate


@pytest.mark.parametrize(("op", "media_type"), CALLS, ids=call_id)
def test_each_json_media_type_is_valid(op: ClientOperation, media_type: str) -> None:
    client, sent = recording_client(**AUTH_CASES["SOTicket"].client_args)
    op.module.sync_detailed(
        client=client,
        body=op.example_body(),
        content_type=media_type,
        select=component(SPEC, "parameters", "Select")["example"],
        so_app_token=component(SPEC, "parameters", "AppToken")["example"],
    )
    [request] = sent
    validate(request)


@pytest.mark.parametrize("op", OPERATIONS, ids=call_id)
@pytest.mark.parametrize("name", sorted(AUTH_CASES))
def test_each_authentication_is_valid(name: str, op: ClientOperation) -> None:
    client, sent = recording_client(**AUTH_CASES[name].client_args)
    op.module.sync_detailed(client=client, **op.arguments())
    [request] = sent
    validate(request)


def test_the_validator_rejects_a_body_the_spec_forbids() -> None:
    body = example_request()
    body.type_ = ""  # Type has minLength 1.
    client, sent = recording_client(**AUTH_CASES["Bearer"].client_args)
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=body)
    [request] = sent
    with pytest.raises(InvalidRequestBody):
        validate(request)


def test_the_validator_rejects_a_request_without_credentials() -> None:
    client, sent = recording_client(token="not-a-credential", auth_header_name="X-Unknown")
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=example_request())
    [request] = sent
    with pytest.raises(SecurityValidationError):
        validate(request)
