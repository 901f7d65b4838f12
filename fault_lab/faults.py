"""The planted-fault catalogue: each fault breaks one part of the contract.

Each is an ASGI wrapper (see intercept.py) around the reference server's app, never a
copy of it. ``caught_by`` names the check that must report the fault; the kill matrix
test holds the suite to it. Limits, field positions, media types and the error body
come from the spec, so a fault follows the contract when it changes.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp

import spec_loader
from contract_tests.facts.contract import TOLERATED_BODY_EXTENSION
from fault_lab.create_default_variations import CREATE_DEFAULT_VARIATIONS
from fault_lab.intercept import Answer, Exchange, intercept
from fault_lab.model_faults import MODEL_FAULTS, MODEL_VARIATIONS

# Re-exported: modules that plant faults of their own import Fault from here.
from fault_lab.planted_fault import Fault as Fault
from fault_lab.read_back_faults import CONFORMANT_VARIATIONS, READ_BACK_FAULTS
from fault_lab.store_access import SAVE, json_document
from spec_loader.media_types import default_json
from spec_loader.statuses import NO_CONTENT, spec_key

# The faults of this module break the Save operation's answers; those of
# read_back_faults.py and model_faults.py what Save, Get and Remove do.
SPEC = spec_loader.load_spec()
REQUEST_SCHEMA = spec_loader.request_schema(SPEC, SAVE)
MEDIA_TYPES = spec_loader.request_media_types(SPEC, SAVE)
JSON_MEDIA_TYPE = default_json(MEDIA_TYPES)
XML_MEDIA_TYPES = [media_type for media_type in MEDIA_TYPES if media_type.endswith("xml")]
SECRET_PATH = spec_loader.secret_paths(REQUEST_SCHEMA)[0]
SELECT_PARAMETER = spec_loader.component(SPEC, "parameters", "Select")["name"]
ERROR_CONTENT = spec_loader.component(SPEC, "responses", "BadRequest")["content"]
ERROR_MEDIA_TYPE = default_json(ERROR_CONTENT)
ERROR_EXAMPLE = ERROR_CONTENT[ERROR_MEDIA_TYPE]["example"]
# The vendor writes dates with seven fractional digits, as the spec's examples do.
VENDOR_DATE = re.compile(rb"\d{2}:\d{2}:\d{2}\.\d{7}")


def with_json_body(request: Exchange, body: dict[str, Any]) -> Exchange:
    return replace(request, body=json.dumps(body).encode())


def error_answer(status: int, extra_text: str = "") -> Answer:
    """An error in the spec's own example shape, every text field extended by ``extra_text``."""
    body = {
        key: f"{value}{extra_text}" if isinstance(value, str) else value
        for key, value in ERROR_EXAMPLE.items()
    }
    return Answer(status, {"content-type": ERROR_MEDIA_TYPE}, json.dumps(body).encode())


def crash_answer() -> Answer:
    return Answer(500, {"content-type": "text/plain"}, b"Internal Server Error")


def secret_of(body: dict[str, Any]) -> Any:
    node: Any = body
    for key in SECRET_PATH:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def property_schema(path: tuple[str, ...]) -> dict[str, Any]:
    node = REQUEST_SCHEMA
    for key in path:
        node = node["properties"][key]
    return node


# --- the faults' edits -------------------------------------------------------------


def crash_on_last_xml_type(request: Exchange, answer: Answer) -> Answer:
    return crash_answer() if request.content_type == XML_MEDIA_TYPES[-1] else answer


def ok_instead_of_no_content(request: Exchange, answer: Answer) -> Answer:
    return replace(answer, status=200) if answer.status == NO_CONTENT else answer


def unauthorized_as_saved(request: Exchange, answer: Answer) -> Answer:
    # As if the server saved without looking at the credentials.
    return Answer(NO_CONTENT) if answer.status == 401 else answer


def secret_limit_not_enforced(request: Exchange) -> Exchange:
    body = json_document(request)
    secret = secret_of(body) if body is not None else None
    limit = property_schema(SECRET_PATH)["maxLength"]
    if body is None or not isinstance(secret, str) or len(secret) <= limit:
        return request
    parent: dict[str, Any] = body
    for key in SECRET_PATH[:-1]:
        parent = parent[key]
    parent[SECRET_PATH[-1]] = secret[:limit]
    return with_json_body(request, body)


def too_small_number_accepted(request: Exchange) -> Exchange:
    body = json_document(request)
    if body is None:
        return request
    for name, schema in REQUEST_SCHEMA["properties"].items():
        value = body.get(name)
        minimum = schema.get("minimum")
        if minimum is not None and isinstance(value, int) and value < minimum:
            body[name] = minimum
    return with_json_body(request, body)


def error_as_text(request: Exchange, answer: Answer) -> Answer:
    return answer.with_header("content-type", "text/plain") if answer.status >= 400 else answer


def error_in_foreign_shape(request: Exchange, answer: Answer) -> Answer:
    if answer.status < 400:
        return answer
    return Answer(
        answer.status, answer.headers, json.dumps({"detail": "request rejected"}).encode()
    )


def vendor_date_rejected(request: Exchange, answer: Answer) -> Answer:
    return error_answer(400) if VENDOR_DATE.search(request.body) else answer


def crash_on_select(request: Exchange, answer: Answer) -> Answer:
    return crash_answer() if SELECT_PARAMETER in parse_qs(request.query) else answer


def body_on_no_content(request: Exchange, answer: Answer) -> Answer:
    if answer.status != NO_CONTENT:
        return answer
    return Answer(NO_CONTENT, {"content-type": JSON_MEDIA_TYPE}, b'{"Saved": true}')


def null_on_no_content(app: ASGIApp) -> ASGIApp:
    """Not a fault while the spec tolerates it: 204 with the JSON body ``null``."""
    no_content = spec_loader.response(SPEC, SAVE, spec_key(NO_CONTENT))
    tolerated = no_content[TOLERATED_BODY_EXTENSION].encode()

    def answer_null(request: Exchange, answer: Answer) -> Answer:
        if answer.status != NO_CONTENT:
            return answer
        return Answer(NO_CONTENT, {"content-type": JSON_MEDIA_TYPE}, tolerated)

    return intercept(edit_answer=answer_null)(app)


def secret_echoed_in_error(request: Exchange, answer: Answer) -> Answer:
    body = json_document(request)
    secret = secret_of(body) if body is not None else None
    if answer.status != 400 or not isinstance(secret, str):
        return answer
    return error_answer(400, f" (value: {secret})")


def no_challenge_on_401(request: Exchange, answer: Answer) -> Answer:
    return answer.with_header("www-authenticate", None) if answer.status == 401 else answer


def unsupported_media_type_as_400(request: Exchange, answer: Answer) -> Answer:
    return error_answer(400) if answer.status == 415 else answer


def no_allow_on_405(request: Exchange, answer: Answer) -> Answer:
    return answer.with_header("allow", None) if answer.status == 405 else answer


def every_method_as_post(request: Exchange) -> Exchange:
    return replace(request, method=spec_loader.operation(SPEC, SAVE).method.upper())


def first_xml_type_refused(request: Exchange, answer: Answer) -> Answer:
    return error_answer(415) if request.content_type == XML_MEDIA_TYPES[0] else answer


FAULTS = (
    Fault(
        "crash_on_one_media_type",
        f"answers 500 to every {XML_MEDIA_TYPES[-1]} body",
        "not_a_server_error",
        intercept(edit_answer=crash_on_last_xml_type),
    ),
    Fault(
        "ok_instead_of_no_content",
        "answers 200 where the spec says 204",
        "status_code_conformance",
        intercept(edit_answer=ok_instead_of_no_content),
    ),
    Fault(
        "auth_ignored",
        "answers 204 instead of 401 to missing or wrong credentials",
        "ignored_auth",
        intercept(edit_answer=unauthorized_as_saved),
    ),
    Fault(
        "secret_limit_not_enforced",
        f"accepts a {'.'.join(SECRET_PATH)} over its maxLength",
        "negative_data_rejection",
        intercept(edit_request=secret_limit_not_enforced),
    ),
    Fault(
        "minimum_not_enforced",
        "accepts a number below its minimum",
        "negative_data_rejection",
        intercept(edit_request=too_small_number_accepted),
    ),
    Fault(
        "error_as_text",
        "answers errors as text/plain",
        "content_type_conformance",
        intercept(edit_answer=error_as_text),
    ),
    Fault(
        "error_in_foreign_shape",
        "answers errors as {'detail': ...}",
        "error_body_has_superoffice_shape",
        intercept(edit_answer=error_in_foreign_shape),
    ),
    Fault(
        "valid_date_rejected",
        "rejects the vendor's seven-digit fractional dates",
        "positive_data_acceptance",
        intercept(edit_answer=vendor_date_rejected),
    ),
    Fault(
        "crash_on_select",
        f"answers 500 when {SELECT_PARAMETER} is given",
        "not_a_server_error",
        intercept(edit_answer=crash_on_select),
    ),
    Fault(
        "body_on_no_content",
        "sends a JSON body with 204",
        "no_content_has_no_body",
        intercept(edit_answer=body_on_no_content),
    ),
    Fault(
        "secret_echoed_in_error",
        f"repeats {'.'.join(SECRET_PATH)} in its 400 message",
        "secret_never_echoed",
        intercept(edit_answer=secret_echoed_in_error),
    ),
    Fault(
        "no_challenge_on_401",
        "answers 401 without WWW-Authenticate",
        "response_headers_conformance",
        intercept(edit_answer=no_challenge_on_401),
    ),
    Fault(
        "unsupported_media_type_as_400",
        "answers 400 where the spec says 415",
        "unsupported_media_type_is_415",
        intercept(edit_answer=unsupported_media_type_as_400),
    ),
    Fault(
        "no_allow_on_405",
        "answers 405 without Allow",
        "unsupported_method",
        intercept(edit_answer=no_allow_on_405),
    ),
    Fault(
        "every_method_saves",
        "treats PUT, PATCH, ... as POST",
        "unsupported_method",
        intercept(edit_request=every_method_as_post),
    ),
    Fault(
        "listed_media_type_refused",
        f"answers 415 to {XML_MEDIA_TYPES[0]}, which the spec lists",
        "positive_data_acceptance",
        intercept(edit_answer=first_xml_type_refused),
    ),
    *READ_BACK_FAULTS,
    *MODEL_FAULTS,
)
# Servers that answer otherwise than the reference server, within the spec.
VARIATIONS = (*CONFORMANT_VARIATIONS, *MODEL_VARIATIONS, *CREATE_DEFAULT_VARIATIONS)


def fault_named(name: str) -> Fault:
    """The planted fault of the catalogue with this name; ValueError names one it lacks."""
    for fault in FAULTS:
        if fault.name == name:
            return fault
    raise ValueError(f"not in fault_lab's catalogue: {name}")
