"""Read XML answers into JSON values, so that response_schema_conformance judges them too.

schemathesis 4.32.5 has no XML reader of its own: without this, an answer in XML
(a Get asked for it in ``Accept``) would pass whatever it held. XML carries only text,
so each element's text is read by the type the answer's schema gives its property, as
the spec's request bodies say XML is read (``true``, ``42``); ``xsi:nil="true"`` is
null, an element with children an object (an array when the schema says so: the items
are its children), and a name repeated among siblings a list. Parsing goes through
defusedxml.

This reader is the suite's own, not the reference server's (reference_server/
body_decoding.py) on purpose: a check that read answers with the server's reader
would pass whatever that reader gets wrong.
"""

from __future__ import annotations

import functools
from typing import Any

import defusedxml.ElementTree
import schemathesis
from schemathesis import Response
from schemathesis.core.deserialization import DeserializationContext

import spec_loader
from contract_tests.cases.lossy_encodings import value_from_text
from contract_tests.http_parts import header_values
from spec_loader.media_types import XML_SYNTAX, body_syntax, essence
from spec_loader.schema_readers import alternatives, child_schema, own_types, schema_types

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
NIL_WORDS = ("true", "1")
Element = Any  # xml.etree.ElementTree.Element, as defusedxml returns it


def xml_answer_media_types() -> tuple[str, ...]:
    """Every XML media type the spec documents for an answer: what this module reads."""
    spec = spec_loader.load_spec()
    found: set[str] = set()
    for op in spec_loader.operations(spec):
        for status in spec_loader.response_statuses(spec, op.operation_id):
            content = spec_loader.response(spec, op.operation_id, status).get("content", {})
            found.update(name for name in content if body_syntax(name) == XML_SYNTAX)
    return tuple(sorted(found))


@functools.cache
def answer_schema(operation_id: str, status: str, media_type: str) -> spec_loader.JsonObject:
    """The documented schema of one answer, references inlined; {} when none is documented."""
    spec = spec_loader.load_spec()
    if status not in spec_loader.response_statuses(spec, operation_id):
        return {}
    content = spec_loader.response(spec, operation_id, status).get("content", {})
    schema: spec_loader.JsonObject = content.get(media_type, {}).get("schema", {})
    return schema


def value_of(element: Element, schema: spec_loader.JsonObject) -> Any:
    if element.get(XSI_NIL) in NIL_WORDS:
        return None
    children = list(element)
    types = frozenset(schema_types(schema))
    if "array" in types:
        arrays = (member for member in alternatives(schema) if "array" in own_types(member))
        items = next(arrays, {}).get("items", {})
        return [value_of(child, items) for child in children]
    if not children:
        return value_from_text(element.text or "", types)
    found: dict[str, Any] = {}
    for child in children:
        name = local_name(child.tag)
        value = value_of(child, child_schema(schema, name))
        if name in found:
            previous = found[name]
            found[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            found[name] = value
    return found


def local_name(tag: str) -> str:
    """An element's name without its namespace: ``{http://...}Comment`` -> ``Comment``.

    The spec names no XML namespace, and ASP.NET's DataContractSerializer writes every
    element in one of its own, so the name alone is what the schema's property is.
    """
    return tag.rpartition("}")[2]


@schemathesis.deserializer(*xml_answer_media_types())
def read_xml_answer(ctx: DeserializationContext, response: Response) -> Any:
    media_type = essence(header_values(response, "Content-Type")[0])
    operation_id = ctx.operation.definition.raw["operationId"]
    schema = answer_schema(operation_id, str(response.status_code), media_type)
    return value_of(defusedxml.ElementTree.fromstring(response.content), schema)
