"""Base URLs of the spec's servers, for ``Client(base_url=...)``."""

from __future__ import annotations

from typing import Literal

# The enums are also checked at run time: a caller without a type checker, or one
# passing a value read from configuration, gets a ValueError, not a wrong URL.
# Characters that would move a value out of its place in the URL (into the path, the
# query or the user info) or that a URL cannot hold.
_FORBIDDEN = frozenset("/?#@\\ \t\r\n")


def _checked(name: str, value: str, choices: tuple[str, ...] = ()) -> str:
    if choices and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    if not value or _FORBIDDEN.intersection(value):
        raise ValueError(f"{name} must be a non-empty URL part without / ? # @ or spaces, not {value!r}")
    return value


def onsite(
    host: str,
    *,
    scheme: Literal["https", "http"] = "https",
    site: str = "SuperOffice",
) -> str:
    """SuperOffice Onsite (your own installation).

    ``{scheme}://{host}/{site}``

    Args:
        host: Host name of the web server that runs the SuperOffice web application.
        scheme: Onsite installations may run without TLS on an internal network. One of https, http. Default: https.
        site: Virtual directory of the SuperOffice web application. Default: SuperOffice.
    """
    _checked("host", host)
    _checked("scheme", scheme, ("https", "http"))
    _checked("site", site)
    return f"{scheme}://{host}/{site}"


def online(
    tenant: str,
    *,
    environment: Literal["sod", "stage", "online"] = "online",
) -> str:
    """SuperOffice Online (CRM Online). Bearer and SOTicket authentication only.

    ``https://{environment}.superoffice.com/{tenant}``

    Args:
        tenant: The customer's context identifier.
        environment: `sod` is the development environment, `stage` the test one, `online` production. One of sod, stage, online. Default: online.
    """
    _checked("tenant", tenant)
    _checked("environment", environment, ("sod", "stage", "online"))
    return f"https://{environment}.superoffice.com/{tenant}"


def reference(
    host: str,
    *,
    scheme: Literal["http", "https"] = "http",
) -> str:
    """The project's reference server (python -m reference_server), which serves the operations at the root of its address.

    ``{scheme}://{host}``

    Args:
        host: Host and port it listens on, as its ready line prints them: 127.0.0.1:8000.
        scheme: It serves plain HTTP on the loopback interface unless put behind TLS. One of http, https. Default: http.
    """
    _checked("host", host)
    _checked("scheme", scheme, ("http", "https"))
    return f"{scheme}://{host}"


__all__ = ["onsite", "online", "reference"]
