"""The secrets one request carried, for the check that no response repeats them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from requests import PreparedRequest

from contract_tests.contract_facts import contract_facts
from contract_tests.http_parts import AnyCase, operation_id, request_header

# Shorter values turn up in any answer by chance ("true", "Error", "0000"), so they
# would raise false alarms; a real password or token is longer than this.
MIN_SECRET_LENGTH = 8


def secrets_sent(
    case: AnyCase, request: PreparedRequest, given_headers: Mapping[str, str]
) -> list[tuple[str, str]]:
    """(what it is, its value) for each secret the request carried that is worth looking for.

    The credential headers count when the run gave them (``given_headers``: the suite's
    credentials, ``st run``'s ``-H``). A value schemathesis generated for one is no one's
    secret, and it may be a word it learned from the server's own error messages
    (``X-XSRF-TOKEN: date-time``, then echoed by "is not a valid date-time").
    """
    facts = contract_facts()
    secret_paths = facts.of(operation_id(case)).secret_paths
    found: list[tuple[str, str]] = []
    body = case.body if isinstance(case.body, Mapping) else {}
    for path in secret_paths:
        value = _at(body, path)
        if isinstance(value, str):
            found.append((".".join(path), value))
    given = {name.lower(): value for name, value in given_headers.items()}

    def given_header(name: str) -> str:
        value = request_header(request, name)
        return value if given.get(name.lower()) == value else ""

    # Only the credentials: the scheme name ("Basic") is public and appears in WWW-Authenticate.
    found.append(("Authorization credentials", given_header("Authorization").partition(" ")[2]))
    for header in (facts.xsrf_header, facts.app_token_header):
        found.append((header, given_header(header)))
    # Other fields may be echoed on purpose ("PublicValue: ... is too long"), so a secret
    # that also occurs inside one of them proves nothing.
    public_texts = list(_public_strings(body, secret_paths))
    return [
        (label, value)
        for label, value in found
        if len(value) >= MIN_SECRET_LENGTH and not any(value in text for text in public_texts)
    ]


def _at(document: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = document
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _public_strings(node: Any, secret_paths: tuple[tuple[str, ...], ...]) -> Iterator[str]:
    """Every string in the body (keys included) except the values at ``secret_paths``."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield str(key)
            inner = tuple(path[1:] for path in secret_paths if path[:1] == (key,))
            if () not in inner:
                yield from _public_strings(value, inner)
    elif isinstance(node, list):
        for item in node:
            yield from _public_strings(item, secret_paths)
