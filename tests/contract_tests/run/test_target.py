"""target: the server under test and the headers each identity sends; never a credential
in its repr.

Seen failing by hand: ``auth_headers`` without the XSRF cookie beside its header.
"""

from __future__ import annotations

import spec_loader
from contract_tests.facts.contract import contract_facts
from contract_tests.run.options import options_from
from contract_tests.run.target import Target, auth_headers, default_associate, open_target
from spec_loader.links import ASSOCIATE_SCHEMA

SECRET = "Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3N3b3Jk"
FACTS = contract_facts()
URL = "https://crm.example.com/SuperOffice/"


def test_target_repr_names_the_headers_but_not_their_values() -> None:
    target = Target("http://127.0.0.1:1", {"Authorization": SECRET}, embedded=False)
    assert SECRET not in repr(target)
    assert "Authorization" in repr(target)


def test_each_credential_goes_where_the_spec_says() -> None:
    given = options_from(
        {"target_url": URL, "authorization": SECRET, "app_token": "app", "xsrf_token": "xsrf"},
        environ={},
    )
    headers = auth_headers(given, SECRET)
    assert headers["Authorization"] == SECRET
    assert headers[FACTS.app_token_header] == "app"
    assert headers[FACTS.xsrf_header] == "xsrf"
    assert headers["Cookie"] == f"{FACTS.xsrf_cookie}=xsrf"
    assert auth_headers(options_from({}, environ={}), None) == {}


def test_a_named_target_is_used_as_given() -> None:
    given = options_from({"target_url": URL, "authorization": SECRET}, environ={})
    with open_target(given) as target:
        assert target.base_url == URL.rstrip("/")
        assert target.headers == {"Authorization": SECRET}
        assert not target.embedded
        assert target.own_associate is None
        assert target.secret_reader_headers is None


def test_the_embedded_run_is_the_spec_example_associate() -> None:
    spec = spec_loader.load_spec()
    assert (
        default_associate() == spec_loader.component(spec, "schemas", ASSOCIATE_SCHEMA)["example"]
    )
