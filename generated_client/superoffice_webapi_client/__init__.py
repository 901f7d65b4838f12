"""A client library for accessing SuperOffice WebAPI - UntrustedCredentials"""

import base64

from ._runtime import VERSION as __version__
from ._runtime import Clock
from .client import AuthenticatedClient, Client


def basic_token(user_name: str, password: str) -> str:
    """The token of HTTP Basic authentication: base64 of ``user_name:password`` (RFC 7617).

    Send it with ``AuthenticatedClient(base_url=..., token=basic_token(user, password),
    prefix="Basic")``. Both parts are encoded as UTF-8. RFC 7617 forbids a colon in the
    user name, because the server splits at the first one.
    """
    if ":" in user_name:
        raise ValueError("a Basic user name cannot contain ':'")
    return base64.b64encode(f"{user_name}:{password}".encode()).decode("ascii")


__all__ = (
    "AuthenticatedClient",
    "Client",
    "Clock",
    "__version__",
    "basic_token",
)
