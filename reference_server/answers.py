"""An operation's array answer, in the media type that ``Accept`` asks for among the spec's.

JSON unless Accept asks for XML, as ASP.NET does. The XML element names are the spec's:
the array schema's ``xml.name`` for the root, and for each item its schema's
``xml.name`` or, without one, the name of the component it refers to (as
DataContractSerializer names a carrier: ``UntrustedCredentials``). An answer that
XML 1.0 cannot carry goes out as JSON: the spec says that an Accept the server cannot
meet still gets JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

import spec_loader
from reference_server.body_decoding import BodyFormat, body_format
from reference_server.negotiation import negotiate
from reference_server.xml_writing import NotXmlWritableError, array_document

WRITABLE = (BodyFormat.JSON, BodyFormat.XML)


def element_names(spec: spec_loader.JsonObject, schema: spec_loader.JsonObject) -> tuple[str, str]:
    """The root and item element names of an array schema (as the spec writes it, refs kept)."""
    array = spec_loader.resolve(spec, schema)
    items = array["items"]
    item_name = spec_loader.resolve(spec, items).get("xml", {}).get("name")
    if item_name is None and "$ref" in items:
        item_name = items["$ref"].rpartition("/")[2]
    root_name = array.get("xml", {}).get("name")
    if root_name is None or item_name is None:
        raise ValueError("an XML answer's array schema must name its root and items")
    return root_name, item_name


@dataclass(frozen=True)
class ArrayAnswers:
    status: int
    # The answer's media types, the default (the spec's first JSON one) first.
    offered: list[str]
    # media type -> (root, item) element names, for the XML ones
    xml_names: dict[str, tuple[str, str]]

    @classmethod
    def from_spec(
        cls, spec: spec_loader.JsonObject, operation_id: str, status: str
    ) -> ArrayAnswers:
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

    def response(self, items: list[Any], accept: str | None) -> Response:
        media_type = negotiate(accept, self.offered)
        names = self.xml_names.get(media_type)
        if names is not None:
            try:
                return self._answer(array_document(*names, items), media_type)
            except NotXmlWritableError:
                media_type = self.offered[0]
        return self._answer(json.dumps(items).encode(), media_type)

    def _answer(self, body: bytes, media_type: str) -> Response:
        # A header, not media_type=: Starlette would add "; charset=utf-8" to the text/ types,
        # and the spec's media types have no parameters. The JSON is ASCII (json.dumps
        # escapes the rest) and the XML declares its encoding.
        return Response(body, status_code=self.status, headers={"Content-Type": media_type})
