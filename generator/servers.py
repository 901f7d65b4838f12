"""The spec's ``servers``, as the functions of the generated ``servers`` module.

Each server becomes one function that returns its base URL. It is named after the
product edition its description names ("SuperOffice Onsite (...)" -> ``onsite``). Its
first variable without an ``enum`` names the caller's installation (the Onsite host,
the Online tenant), so it is required and comes first; every other variable is a
keyword with the spec's default, and an ``enum`` is checked.
"""

from __future__ import annotations

import re
from typing import Any

from spec_loader import JsonObject

_EDITION = re.compile(r"SuperOffice (\w+)")


def _function_name(server: JsonObject) -> str:
    found = _EDITION.match(server.get("description", ""))
    if not found:
        raise ValueError(
            f"server {server['url']!r}: its description must start with 'SuperOffice <edition>'"
        )
    return found.group(1).lower()


def server_functions(spec: JsonObject) -> list[dict[str, Any]]:
    """One entry per server of the spec: function name, URL template and variables."""
    functions = []
    for server in spec.get("servers", []):
        variables = server.get("variables", {})
        in_url_order = sorted(variables, key=lambda name: server["url"].index(f"{{{name}}}"))
        required = next((name for name in in_url_order if "enum" not in variables[name]), None)
        functions.append(
            {
                "name": _function_name(server),
                "url": server["url"],
                "description": server.get("description", ""),
                "required": required,
                "variables": [
                    {"name": name, **variables[name]}
                    for name in sorted(in_url_order, key=lambda name: name != required)
                ],
            }
        )
    names = [function["name"] for function in functions]
    if len(set(names)) != len(names):
        raise ValueError(f"two servers of the spec would share a function name: {names}")
    return functions


# Not a server of the spec: this project's reference server (reference_server/), which
# serves the operations at the root of its address. With servers.onsite() a caller
# would get the Onsite site's /SuperOffice in front of every path, and a 404.
REFERENCE_SERVER: dict[str, Any] = {
    "name": "reference",
    "url": "{scheme}://{host}",
    "description": (
        "The project's reference server (python -m reference_server), which serves the "
        "operations at the root of its address."
    ),
    "required": "host",
    "variables": [
        {
            "name": "host",
            "description": "Host and port it listens on, as its ready line prints them: "
            "127.0.0.1:8000.",
        },
        {
            "name": "scheme",
            "enum": ["http", "https"],
            "default": "http",
            "description": "It serves plain HTTP on the loopback interface unless put behind TLS.",
        },
    ],
}
