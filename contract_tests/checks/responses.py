"""Checks for what the built-in schemathesis checks miss on this endpoint.

Importing this module registers them with schemathesis (``@schemathesis.check``), for
the pytest suite and for ``st run`` alike (schemathesis.toml names contract_tests.hooks,
which imports this module). Every expectation is read from the spec via contract_facts.

Failure messages name what is wrong but never quote a body or a header value: the
value at fault may be the very secret a check protects.

A check returns NOT_APPLICABLE when the response gives it nothing to check, and None
when it checked and found nothing wrong (report/check_tally.py counts the two apart).
"""

from __future__ import annotations

import json
import re

import schemathesis
from schemathesis import CheckContext, Response

from contract_tests.cases.lossy_encodings import entries, survives_xml
from contract_tests.checks.echoes import echoed_at
from contract_tests.checks.secrets_sent import secrets_sent
from contract_tests.facts.contract import contract_facts
from contract_tests.http_parts import (
    AnyCase,
    header_values,
    operation_id,
    request_header,
)
from spec_loader.media_types import JSON_SYNTAX, XML_SYNTAX, body_syntax, essence
from spec_loader.statuses import NO_CONTENT, is_error, is_success

# Auth is checked before the body is read, so an unsupported media type may legitimately
# be refused as unauthenticated or forbidden first; 413 is refused before it is read.
STATUSES_BEFORE_MEDIA_TYPE = frozenset({401, 403, 413})
# schemathesis reads a true return value as "skipped" and records no result for it.
NOT_APPLICABLE = True
# An XML element name, as plainly as XML writers take one.
XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")


@schemathesis.check
def no_content_has_no_body(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A 204 carries no body; the spec's x-tolerated-body (``null``) is the only exception.

    HTTP clients do not read a body after 204, so what a server sends is seen in its
    Content-Length header as much as in the bytes that arrive.
    """
    if response.status_code != NO_CONTENT:
        return NOT_APPLICABLE
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
    if not is_error(response.status_code):
        return NOT_APPLICABLE
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
    if not is_error(response.status_code):
        return NOT_APPLICABLE
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
    """No response repeats a secret the request carried (SecretValue, credentials, tokens).

    Repeating means holding it where the server could only have copied it from the
    request: see echoes.py, which asks the server the same with another value.
    """
    sent = secrets_sent(case, response.request)
    if not sent:
        return NOT_APPLICABLE
    for secret in sent:
        places = echoed_at(case, response, secret)
        if places:
            raise AssertionError(
                f"{response.status_code} response echoes the {secret.label} sent, in the"
                f" {' and the '.join(places)}: the same request with another value in its"
                " place is answered without it there"
            )
    return None


@schemathesis.check
def unauthorized_names_a_scheme(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """A 401 says in WWW-Authenticate which of the spec's http schemes to use."""
    if response.status_code != 401:
        return NOT_APPLICABLE
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
        return NOT_APPLICABLE
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
        return NOT_APPLICABLE
    if essence(content_type) in contract_facts().of(operation_id(case)).request_media_types:
        return NOT_APPLICABLE
    if response.status_code == 415 or response.status_code in STATUSES_BEFORE_MEDIA_TYPE:
        return None
    raise AssertionError(
        f"a body sent as {essence(content_type)!r}, which the spec does not list,"
        f" was answered {response.status_code} instead of 415"
    )


@schemathesis.check
def answer_in_accepted_media_type(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """A success answer comes in the one media type Accept asked for, where the spec lists it.

    content_type_conformance accepts any listed type, so a server that answers JSON to
    every Accept passes it; ASP.NET answers in the type asked for, and so must a server.
    The one excuse is the spec's "an Accept the server cannot meet still gets JSON": XML
    asked for, JSON given, for credentials XML cannot carry (a property name that is no
    XML name, a character XML 1.0 forbids).
    """
    asked = essence(request_header(response.request, "Accept"))
    listed = contract_facts().of(operation_id(case)).answer_media_types
    if not is_success(response.status_code) or asked not in listed:
        return NOT_APPLICABLE
    sent = [essence(value) for value in header_values(response, "Content-Type")]
    if sent == [asked]:
        return None
    json_for_xml = (
        body_syntax(asked) == XML_SYNTAX and len(sent) == 1 and body_syntax(sent[0]) == JSON_SYNTAX
    )
    if json_for_xml and not xml_can_carry(response.content):
        return None
    raise AssertionError(
        f"Accept asked for {asked}, which the spec lists for this answer, and the answer"
        f" came as {sent or 'no media type'}"
    )


def xml_can_carry(content: bytes) -> bool:
    try:
        document = json.loads(content)
    except ValueError:
        return True  # not JSON at all: content_type_conformance's to judge
    for name, value in entries(document):
        if name is not None and XML_NAME.fullmatch(name) is None:
            return False
        if isinstance(value, str) and not survives_xml(value):
            return False
        if isinstance(value, list) and any(isinstance(item, list) for item in value):
            return False
    return True
