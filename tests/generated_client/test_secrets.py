"""Secrets stay out of repr() and str(), and so out of logs and tracebacks.

Guards proved by removing them once by hand:
- the secret branch of declare_property in generator/templates/model.py.jinja:
  test_secret_value_is_not_in_repr_or_str fails;
- repr=False on token, headers and cookies in generator/templates/client.py.jinja:
  test_client_credentials_are_not_in_repr fails.
"""

from __future__ import annotations

import json

import pytest
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate
from superoffice_webapi_client.models import UntrustedCredentials

from generator.bridge import secret_properties
from spec_loader import request_schema, secret_paths
from tests.generated_client.auth_cases import AUTH_CASES
from tests.generated_client.operations import SAVE
from tests.generated_client.recording import EXAMPLE_BODY, SPEC, example_request, recording_client

SECRET = EXAMPLE_BODY["Credentials"]["SecretValue"]


def test_the_secret_is_the_field_the_bridge_reports() -> None:
    [path] = secret_paths(request_schema(SPEC, SAVE.operation_id))
    assert path == ("Credentials", "SecretValue")
    assert secret_properties(SPEC) == {"/components/schemas/UntrustedCredentials": [path[-1]]}


def test_a_secret_read_back_is_not_in_repr() -> None:
    # The model Get answers with is the one Save sends: its secret is hidden either way.
    read_back = UntrustedCredentials.from_dict(EXAMPLE_BODY["Credentials"])
    assert read_back.secret_value == SECRET
    assert SECRET not in repr([read_back])


def test_secret_value_is_not_in_repr_or_str() -> None:
    body = example_request()
    for text in (repr(body), str(body), repr(body.credentials), str(body.credentials)):
        assert SECRET not in text
    # Other fields are still shown, so the repr stays useful.
    assert EXAMPLE_BODY["Credentials"]["PublicValue"] in repr(body)


def test_secret_value_still_goes_on_the_wire() -> None:
    client, sent = recording_client()
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=example_request())
    [request] = sent
    assert json.loads(request.content)["Credentials"]["SecretValue"] == SECRET


@pytest.mark.parametrize("name", sorted(AUTH_CASES))
def test_client_credentials_are_not_in_repr(name: str) -> None:
    case = AUTH_CASES[name]
    client, _ = recording_client(**case.client_args)
    # The Authorization header is copied into the client's headers once it is used.
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=example_request())
    credentials = [case.client_args["token"], *case.headers.values(), *case.cookies.values()]
    for credential in credentials:
        assert credential not in repr(client)
