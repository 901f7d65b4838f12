"""How to authenticate with each security scheme of the spec, as docs/client.md shows it.

Each case gives the AuthenticatedClient arguments and what must then be on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from superoffice_webapi_client import basic_token

from spec_loader import security_schemes
from tests.generated_client.recording import SPEC

SCHEMES = security_schemes(SPEC)
TICKET = "7T:ticket-of-a-logged-in-user"
ACCESS_TOKEN = "8A:Cust12345.access-token"
XSRF_TOKEN = "xsrf-token-of-the-browser-session"
# RFC 7617, section 2: the user-id "Aladdin" with the password "open sesame".
RFC_USER, RFC_PASSWORD, RFC_CREDENTIALS = "Aladdin", "open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="


@dataclass(frozen=True)
class AuthCase:
    client_args: dict[str, Any]
    headers: dict[str, str]
    cookies: dict[str, str] = field(default_factory=dict)
    # The security schemes of the spec that the case satisfies together.
    schemes: tuple[str, ...] = ()


def _http_scheme(name: str) -> str:
    scheme: str = SCHEMES[name]["scheme"]
    return scheme


AUTH_CASES = {
    "Basic": AuthCase(
        {"token": basic_token(RFC_USER, RFC_PASSWORD), "prefix": "Basic"},
        {"Authorization": f"Basic {RFC_CREDENTIALS}"},
        schemes=("Basic",),
    ),
    "SOTicket": AuthCase(
        {"token": TICKET, "prefix": _http_scheme("SOTicket")},
        {"Authorization": f"{_http_scheme('SOTicket')} {TICKET}"},
        schemes=("SOTicket",),
    ),
    "Bearer": AuthCase(
        {"token": ACCESS_TOKEN},
        {"Authorization": f"Bearer {ACCESS_TOKEN}"},
        schemes=("Bearer",),
    ),
    "Xsrf": AuthCase(
        {
            "token": XSRF_TOKEN,
            "prefix": "",
            "auth_header_name": SCHEMES["XsrfHeader"]["name"],
            "cookies": {SCHEMES["XsrfCookie"]["name"]: XSRF_TOKEN},
        },
        {SCHEMES["XsrfHeader"]["name"]: XSRF_TOKEN},
        {SCHEMES["XsrfCookie"]["name"]: XSRF_TOKEN},
        schemes=("XsrfHeader", "XsrfCookie"),
    ),
}
