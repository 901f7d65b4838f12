"""Each authentication scheme of the spec, sent by the generated client.

Guard proved by removing it once by hand: without the ``if ":" in user_name`` check in
generator/templates/package_init.py.jinja, test_basic_token_refuses_a_colon_in_the_user
fails.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

import pytest
from superoffice_webapi_client import basic_token
from superoffice_webapi_client.api.user_agent import save_untrusted_credentials_for_associate

from spec_loader import component
from tests.generated_client.auth_cases import AUTH_CASES, RFC_CREDENTIALS, RFC_PASSWORD, RFC_USER, SCHEMES
from tests.generated_client.recording import SPEC, example_request, recording_client

APP_TOKEN_HEADER = component(SPEC, "parameters", "AppToken")["name"]


def test_every_scheme_of_the_spec_has_a_case() -> None:
    covered = {scheme for case in AUTH_CASES.values() for scheme in case.schemes}
    assert covered == set(SCHEMES)


@pytest.mark.parametrize("name", sorted(AUTH_CASES))
def test_scheme_is_sent_as_the_spec_describes(name: str) -> None:
    case = AUTH_CASES[name]
    client, sent = recording_client(**case.client_args)
    save_untrusted_credentials_for_associate.sync_detailed(client=client, body=example_request())
    [request] = sent
    for header, value in case.headers.items():
        assert request.headers.get_list(header) == [value]
    cookies = SimpleCookie(request.headers.get("Cookie", ""))
    assert {key: morsel.value for key, morsel in cookies.items()} == case.cookies
    if "Authorization" not in case.headers:
        assert "Authorization" not in request.headers


def test_app_token_goes_with_a_ticket() -> None:
    client, sent = recording_client(**AUTH_CASES["SOTicket"].client_args)
    save_untrusted_credentials_for_associate.sync_detailed(
        client=client, body=example_request(), so_app_token="app-token"
    )
    [request] = sent
    assert request.headers[APP_TOKEN_HEADER] == "app-token"
    assert request.headers["Authorization"] == AUTH_CASES["SOTicket"].headers["Authorization"]


def test_basic_token_matches_rfc_7617() -> None:
    assert basic_token(RFC_USER, RFC_PASSWORD) == RFC_CREDENTIALS


def test_basic_token_keeps_colons_and_non_ascii_in_the_password() -> None:
    # base64("jørgen:pa:ss") of the UTF-8 bytes, computed independently.
    assert basic_token("jørgen", "pa:ss") == "asO4cmdlbjpwYTpzcw=="


def test_basic_token_refuses_a_colon_in_the_user() -> None:
    with pytest.raises(ValueError, match="cannot contain"):
        basic_token("domain:user", "secret")
