"""An operation's answer (an array, or one object), in the media type that ``Accept`` asks
for among the spec's.

JSON unless Accept asks for XML, as ASP.NET does. The XML element names are the spec's:
an array's root is its schema's ``xml.name``; an object (the root of a one-carrier
answer, or each item of an array) is named by its schema's ``xml.name`` or, without
one, by the component it refers to (as DataContractSerializer names a carrier:
``UntrustedCredentials``). An answer that XML 1.0 cannot carry goes out as JSON: the
spec says that an Accept the server cannot meet still gets JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

import spec_loader
from reference_server.body_decoding import BodyFormat, body_format
from reference_server.negotiation import negotiate
from reference_server.xml_writing import NotXmlWritableError, array_document, object_document

WRITABLE = (BodyFormat.JSON, BodyFormat.XML)


def object_name(spec: spec_loader.JsonObject, schema: spec_loader.JsonObject) -> str | None:
    """An object's element name: its ``xml.name``, else the component its ``$ref`` names."""
    name: str | None = spec_loader.resolve(spec, schema).get("xml", {}).get("name")
    if name is None and "$ref" in schema:
        name = schema["$ref"].rpartition("/")[2]
    return name


def element_names(
    spec: spec_loader.JsonObject, schema: spec_loader.JsonObject
) -> tuple[str, str | None]:
    """The root element's name and, for an array, its items' (the schema as the spec writes
    it, refs kept)."""
    node = spec_loader.resolve(spec, schema)
    if node.get("type") == "array":
        root_name, item_name = node.get("xml", {}).get("name"), object_name(spec, node["items"])
        if root_name is None or item_name is None:
            raise ValueError("an XML answer's array schema must name its root and items")
        return root_name, item_name
    root_name = object_name(spec, schema)
    if root_name is None:
        raise ValueError("an XML answer's object schema must be named, or be a component")
    return root_name, None


@dataclass(frozen=True)
class Answers:
    status: int
    # The answer's media types, the default (the spec's first JSON one) first.
    offered: list[str]
    # media type -> (root, item) element names, for the XML ones; no item: one object
    xml_names: dict[str, tuple[str, str | None]]

    @classmethod
    def from_spec(cls, spec: spec_loader.JsonObject, operation_id: str, status: str) -> Answers:
        content = spec_loader.response(spec, operation_id, status)["content"]
        formats = {media_type: body_format(media_type) for media_type in content}
        unwritable = [media for media, found in formats.items() if found not in WRITABLE]
        if unwritable:
            raise ValueError(f"{operation_id} answers in {', '.join(unwritable)}: not written here")
        raw = spec_loader.operation(spec, operation_id).node["responses"][status]["content"]
        xml_names = {
            media_type: element_names(spec, raw[media_type]["schema"])
            for media_type, found in formats.items()
            if found is BodyFormat.XML
        }
        default = next(media for media, found in formats.items() if found is BodyFormat.JSON)
        others = [media_type for media_type in content if media_type != default]
        return cls(int(status), [default, *others], xml_names)

    def response(self, value: Any, accept: str | None) -> Response:
        """``value`` (a list for an array answer, a dict for an object) as Accept asks."""
        media_type = negotiate(accept, self.offered)
        names = self.xml_names.get(media_type)
        if names is not None:
            root_name, item_name = names
            try:
                if item_name is None:
                    return self._answer(object_document(root_name, value), media_type)
                return self._answer(array_document(root_name, item_name, value), media_type)
            except NotXmlWritableError:
                media_type = self.offered[0]
        return self._answer(json.dumps(value).encode(), media_type)

    def _answer(self, body: bytes, media_type: str) -> Response:
        # A header, not media_type=: Starlette would add "; charset=utf-8" to the text/ types,
        # and the spec's media types have no parameters. The JSON is ASCII (json.dumps
        # escapes the rest) and the XML declares its encoding.
        return Response(body, status_code=self.status, headers={"Content-Type": media_type})
