"""Whether an answer echoes a secret of its request: only if the answer changes with it.

Finding the secret's text in the answer is not enough. A generated ``SO-AppToken`` of
``ErrorMessage`` is found in every error body, and one of ``application/json`` in the
``Content-Type`` header: the server writes those words whatever the request says. A
value counts as echoed only where the server could not have written it without reading
it from the request, and the way to know is to ask the same server: a control request,
the same in everything except that the secret is replaced by another value of the
same length and kind of characters. Where the answer holds the secret more often than
the control answer does (the body, or one header by name), the server copied it from
the request. Where it holds it as often, the text is part of what the server says
anyway (a key of its error body, a media type, a word of its own), and proves nothing.

The control is sent only when the secret was found, which on a server that echoes
nothing is rare; it goes out like any other case (the run's session and rate limit).
"""

from __future__ import annotations

import copy
import secrets
import string
from collections import Counter
from typing import Any

from schemathesis import Response

from contract_tests.checks.secrets_sent import SentSecret
from contract_tests.http_parts import AnyCase

BODY = "body"
# Computed by the HTTP client for the body it sends; the control's body may differ in size.
COMPUTED_HEADERS = frozenset({"content-length", "transfer-encoding"})


def occurrences(response: Response, value: str) -> Counter[str]:
    """How often ``value`` occurs in the body and in each header (by lower-cased name)."""
    found: Counter[str] = Counter()
    found[BODY] = response.content.decode("utf-8", "replace").count(value)
    for name, values in response.headers.items():
        found[f"header {name.lower()}"] += sum(item.count(value) for item in values)
    return +found


def echoed_at(case: AnyCase, response: Response, secret: SentSecret) -> list[str]:
    """Where ``response`` holds ``secret`` because the request carried it ([] if nowhere)."""
    found = occurrences(response, secret.value)
    if not found:
        return []
    control = send_control(case, response, secret, stand_in(secret.value))
    background = occurrences(control, secret.value)
    return sorted(place for place, count in found.items() if count > background[place])


def stand_in(value: str) -> str:
    """Another value of the same length: each letter and digit replaced by another of its kind."""
    pools = (string.ascii_lowercase, string.ascii_uppercase, string.digits)

    def other(char: str) -> str:
        pool = next((pool for pool in pools if char in pool), None)
        if pool is None:
            return char
        return secrets.choice(pool.replace(char, ""))

    replaced = "".join(other(char) for char in value)
    if replaced == value:  # nothing to replace in kind: letters, then
        replaced = "".join(secrets.choice(string.ascii_letters) for _ in value)
    return replaced


def send_control(case: AnyCase, response: Response, secret: SentSecret, other: str) -> Response:
    """The answer to ``case`` as it was sent, with ``secret`` replaced by ``other``."""
    # In every header: the XSRF token, for one, goes in its header and in the cookie.
    headers = {
        name: _text(value).replace(secret.value, other)
        for name, value in response.request.headers.items()
        if name.lower() not in COMPUTED_HEADERS
    }
    body = case.body
    if secret.body_path is not None:
        body = copy.deepcopy(case.body)
        _set(body, secret.body_path, other)
    control = case.operation.Case(
        method=case.method,
        path_parameters=case.path_parameters,
        headers=headers,
        cookies=case.cookies,
        query=case.query,
        body=body,
        media_type=case.media_type,
    )
    answer: Response = control.call()
    return answer


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _set(document: Any, path: tuple[str, ...], value: str) -> None:
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = value
