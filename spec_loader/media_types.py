"""Media types by the syntax their bodies are written in, for every part of the project.

A type is JSON or XML when its subtype is that syntax itself (``application/json``,
``text/xml``) or ends in its structured syntax suffix (RFC 6839:
``application/merge-patch+json``). The server picks its decoder by it, the suite groups
the request media types of one syntax by it.
"""

from __future__ import annotations

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
