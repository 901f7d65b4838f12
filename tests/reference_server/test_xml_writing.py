"""reference_server/xml_writing.py: answers written as XML, in the shape body_decoding reads.

Each document is read back with body_decoding's own XML reader (decode_xml): what is
written must be what is read. Seen failing by hand: the carriage-return reference in
`written` removed (test_what_is_written_reads_back, "\\r" reads back as "\\n"), and
NOT_XML_CHARACTER emptied (test_what_xml_cannot_carry_is_refused_without_the_value).
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import fromstring

import pytest

from reference_server.body_decoding import XSI_NIL, decode_xml
from reference_server.xml_writing import NotXmlWritableError, array_document, object_document

SCHEMA = {
    "type": "object",
    "xml": {"name": "Root"},
    "properties": {
        "Text": {"type": "string"},
        "Count": {"type": "integer"},
        "Flag": {"type": "boolean"},
        "Nothing": {"type": ["string", "null"]},
        "Inner": {"type": "object", "properties": {"Line": {"type": "string"}}},
        "Tags": {"type": "array", "items": {"type": "string"}},
    },
}
VALUE = {
    "Text": "a < b & \r\n c",
    "Count": 42,
    "Flag": True,
    "Nothing": None,
    "Inner": {"Line": "secret-like"},
    "Tags": ["x", "y"],
}


def test_what_is_written_reads_back() -> None:
    assert decode_xml(object_document("Root", VALUE), None, SCHEMA) == VALUE


def test_an_array_is_one_element_per_item() -> None:
    root = fromstring(array_document("Items", "Item", [{"A": "1"}, {"A": None}]))
    assert root.tag == "Items"
    assert [child.tag for child in root] == ["Item", "Item"]
    assert root[1][0].get(XSI_NIL) == "true"
    assert list(fromstring(array_document("Items", "Item", []))) == []


@pytest.mark.parametrize(
    "value",
    [{"Text": "bell \x07 secret"}, {"bad name": "x"}, {"Tags": [["nested"]]}],
    ids=["control character", "no element name", "list in a list"],
)
def test_what_xml_cannot_carry_is_refused_without_the_value(value: dict[str, Any]) -> None:
    with pytest.raises(NotXmlWritableError) as raised:
        object_document("Root", value)
    assert "secret" not in str(raised.value)
    assert "nested" not in str(raised.value)
