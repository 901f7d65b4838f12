"""Media types by the syntax their bodies are written in, for every part of the project.

A type is JSON or XML when its subtype is that syntax itself (``application/json``,
``text/xml``) or ends in its structured syntax suffix (RFC 6839:
``application/merge-patch+json``). The server picks its decoder by it, the suite groups
the request media types of one syntax by it, and the generated client sends the types
of the JSON family with one body parameter. The first JSON type the spec lists for a
body is what is sent, or answered, when nothing asks for another (``default_json``).
"""

from __future__ import annotations

from collections.abc import Iterable

JSON_SYNTAX = "json"
XML_SYNTAX = "xml"


def essence(media_type: str) -> str:
    """The media type without parameters, lower-cased: ``text/XML; q=1`` -> ``text/xml``."""
    return media_type.split(";", 1)[0].strip().lower()


def body_syntax(media_type: str) -> str | None:
    """JSON_SYNTAX or XML_SYNTAX for a media type written in that syntax; None otherwise."""
    subtype = essence(media_type).partition("/")[2]
    for syntax in (JSON_SYNTAX, XML_SYNTAX):
        if subtype == syntax or subtype.endswith(f"+{syntax}"):
            return syntax
    return None


def is_json(media_type: str) -> bool:
    """Whether a body in ``media_type`` is JSON: the rule every part of the project uses."""
    return body_syntax(media_type) == JSON_SYNTAX


def json_media_types(media_types: Iterable[str]) -> list[str]:
    """The JSON ones of ``media_types``, in their order."""
    return [media_type for media_type in media_types if is_json(media_type)]


def default_json(media_types: Iterable[str]) -> str:
    """The first JSON type of a list the spec gives: what is sent, or answered, by default."""
    listed = list(media_types)
    found = json_media_types(listed)
    if not found:
        raise ValueError(f"no JSON media type among {listed}")
    return found[0]
