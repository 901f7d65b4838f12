"""The names the spec declares for authentication, and the Basic header built from them.

The server reads them to know what to accept, the suite to know what to send and what
no answer may repeat; both through auth_names(), so neither names a header or a scheme.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import spec_loader

# The parameter component that declares the application token header.
APP_TOKEN_PARAMETER = "AppToken"  # noqa: S105 - the name of a parameter, not a token
HTTP_SCHEME_TYPE = "http"
API_KEY_TYPE = "apiKey"
# The word RFC 7617 gives the Basic scheme; the spec's Basic scheme writes it in lower case.
BASIC_WORD = "Basic"


@dataclass(frozen=True)
class AuthNames:
    # Security scheme name -> its Authorization scheme word as the spec writes it
    # ("Basic" -> "basic", "SOTicket" -> "SOTicket"). Words are case-insensitive (RFC 9110).
    http_schemes: dict[str, str]
    # The browser session: this header must equal this cookie.
    xsrf_header: str
    xsrf_cookie: str
    app_token_header: str

    @property
    def authorization_words(self) -> frozenset[str]:
        """The Authorization scheme words, lower-cased."""
        return frozenset(word.lower() for word in self.http_schemes.values())


def auth_names(spec: spec_loader.JsonObject) -> AuthNames:
    declared = spec_loader.security_schemes(spec)
    # The XSRF pair is the one security requirement that needs an API key in a header
    # and one in a cookie together.
    pair = next(
        requirement
        for op in spec_loader.operations(spec)
        for requirement in op.node.get("security", [])
        if all(declared[name]["type"] == API_KEY_TYPE for name in requirement)
        and sorted(declared[name]["in"] for name in requirement) == ["cookie", "header"]
    )
    api_keys = {declared[name]["in"]: declared[name]["name"] for name in pair}
    return AuthNames(
        http_schemes={
            name: scheme["scheme"]
            for name, scheme in declared.items()
            if scheme["type"] == HTTP_SCHEME_TYPE
        },
        xsrf_header=api_keys["header"],
        xsrf_cookie=api_keys["cookie"],
        app_token_header=spec_loader.component(spec, "parameters", APP_TOKEN_PARAMETER)["name"],
    )


def basic_authorization(user_and_password: str) -> str:
    """The ``Authorization`` value for Basic credentials ``user:password`` (RFC 7617)."""
    return f"{BASIC_WORD} {base64.b64encode(user_and_password.encode()).decode()}"
