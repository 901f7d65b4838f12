"""spec_loader/auth.py: the authentication names come from the spec, whatever they are."""

from __future__ import annotations

import base64
import copy

import spec_loader
from spec_loader.auth import auth_names, basic_authorization

SPEC = spec_loader.load_spec()


def test_the_names_the_spec_declares() -> None:
    names = auth_names(SPEC)
    declared = spec_loader.security_schemes(SPEC)

    assert set(names.http_schemes) == {
        name for name, scheme in declared.items() if scheme["type"] == "http"
    }
    assert {names.xsrf_header, names.xsrf_cookie} == {
        scheme["name"] for scheme in declared.values() if scheme["type"] == "apiKey"
    }
    assert names.app_token_header == spec_loader.component(SPEC, "parameters", "AppToken")["name"]
    assert "basic" in names.authorization_words


def test_renamed_in_the_spec_renamed_here() -> None:
    spec = copy.deepcopy(SPEC)
    schemes = spec["components"]["securitySchemes"]
    for scheme in schemes.values():
        if scheme["type"] == "apiKey":
            scheme["name"] = f"X-Renamed-{scheme['in']}"
    spec["components"]["parameters"]["AppToken"]["name"] = "X-Renamed-App-Token"

    names = auth_names(spec)

    assert names.xsrf_header == "X-Renamed-header"
    assert names.xsrf_cookie == "X-Renamed-cookie"
    assert names.app_token_header == "X-Renamed-App-Token"


def test_basic_authorization_is_rfc_7617() -> None:
    # RFC 7617 section 2's example.
    assert basic_authorization("Aladdin:open sesame") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    value = basic_authorization("user:pä:ss")
    assert base64.b64decode(value.split()[1]).decode() == "user:pä:ss"
