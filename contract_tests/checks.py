"""Checks for what the built-in schemathesis checks miss on this endpoint.

Importing this module registers them with schemathesis (``@schemathesis.check``), for
the pytest suite and for ``st run`` alike (schemathesis.toml names contract_tests.hooks,
which imports this module). Every expectation is read from the spec via contract_facts.

Failure messages name what is wrong but never quote a body or a header value: the
value at fault may be the very secret a check protects.
"""

from __future__ import annotations

import json

import schemathesis
from schemathesis import CheckContext, Response

from contract_tests.contract_facts import contract_facts
from contract_tests.http_parts import (
    AnyCase,
    essence,
    header_values,
    operation_id,
    request_header,
)
from contract_tests.secrets_sent import secrets_sent

# Auth is checked before the body is read, so an unsupported media type may legitimately
# be refused as unauthenticated or forbidden first; 413 is refused before it is read.
STATUSES_BEFORE_MEDIA_TYPE = frozenset({401, 403, 413})
NO_CONTENT = 204


def is_error(response: Response) -> bool:
    return 400 <= response.status_code < 600


@schemathesis.check
def no_content_has_no_body(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A 204 carries no body; the spec's x-tolerated-body (``null``) is the only exception.

    HTTP clients do not read a body after 204, so what a server sends is seen in its
    Content-Length header as much as in the bytes that arrive.
    """
    if response.status_code != NO_CONTENT:
        return None
    tolerated = contract_facts().of(operation_id(case)).tolerated_no_content_body or b""
    lengths = header_values(response, "Content-Length")
    declared = {int(value) for value in lengths if value.strip().isdigit()}
    if response.content in (b"", tolerated) and declared <= {0, len(tolerated)}:
        return None
    size = len(response.content) or max(declared, default=0)
    allowed = "an empty body" + (f" or exactly {tolerated.decode()!r}" if tolerated else "")
    raise AssertionError(f"204 No Content carries a {size}-byte body; the spec allows {allowed}")


@schemathesis.check
def error_is_json(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """Every error answer, documented status or not (405, 404, ...), uses the error media type."""
    if not is_error(response):
        return None
    allowed = contract_facts().error_media_types
    sent = [essence(value) for value in header_values(response, "Content-Type")]
    if len(sent) == 1 and sent[0] in allowed:
        return None
    raise AssertionError(
        f"{response.status_code} answered with Content-Type {sent or 'missing'};"
        f" errors must use {sorted(allowed)}"
    )


@schemathesis.check
def error_body_has_superoffice_shape(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """Every error body matches the spec's ErrorBody (the SuperOffice or ASP.NET shape)."""
    if not is_error(response):
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError(f"{response.status_code} error body is not JSON") from None
    if contract_facts().error_body_validator.is_valid(body):
        return None
    keys = sorted(body) if isinstance(body, dict) else type(body).__name__
    raise AssertionError(
        f"{response.status_code} error body does not match the spec's ErrorBody; it has {keys}"
    )


@schemathesis.check
def secret_never_echoed(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """No response repeats a secret the request carried (SecretValue, credentials, tokens)."""
    texts = [response.content.decode("utf-8", "replace")]
    texts += [value for values in response.headers.values() for value in values]
    given = (ctx.internals.transport_kwargs or {}).get("headers") or {}
    for label, secret in secrets_sent(case, response.request, given):
        if any(secret in text for text in texts):
            raise AssertionError(f"{response.status_code} response echoes the {label} sent")
    return None


@schemathesis.check
def unauthorized_names_a_scheme(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """A 401 says in WWW-Authenticate which of the spec's http schemes to use."""
    if response.status_code != 401:
        return None
    challenges = " ".join(header_values(response, "WWW-Authenticate")).lower()
    schemes = contract_facts().http_auth_schemes
    if any(scheme in challenges for scheme in schemes):
        return None
    raise AssertionError(
        f"401 without a WWW-Authenticate challenge naming one of {sorted(schemes)}"
    )


@schemathesis.check
def not_allowed_lists_the_method(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """A 405 lists the documented methods in Allow, as the operations' descriptions promise."""
    if response.status_code != 405:
        return None
    methods = contract_facts().of(operation_id(case)).methods_at_path
    allowed = {
        item.strip().upper()
        for value in header_values(response, "Allow")
        for item in value.split(",")
    }
    if methods <= allowed:
        return None
    raise AssertionError(f"405 with Allow {sorted(allowed)}; it must list {sorted(methods)}")


@schemathesis.check
def unsupported_media_type_is_415(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """A body in a media type the spec does not list is refused with 415, not 400 or 2xx."""
    content_type = request_header(response.request, "Content-Type")
    if not content_type or not response.request.body:
        return None
    if essence(content_type) in contract_facts().of(operation_id(case)).request_media_types:
        return None
    if response.status_code == 415 or response.status_code in STATUSES_BEFORE_MEDIA_TYPE:
        return None
    raise AssertionError(
        f"a body sent as {essence(content_type)!r}, which the spec does not list,"
        f" was answered {response.status_code} instead of 415"
    )
