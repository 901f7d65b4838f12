"""XML answers are read by the answer's schema, so response_schema_conformance judges them."""

from __future__ import annotations

import defusedxml.ElementTree
import jsonschema_rs

import spec_loader
from contract_tests.checks.xml_answers import answer_schema, value_of

SPEC = spec_loader.load_spec()
GET = "GetUntrustedCredentialsForAssociate"
SCHEMA = answer_schema(GET, "200", "application/xml")
EXAMPLE = spec_loader.component(SPEC, "examples", "ImapCredentialsReadBack")["value"]
NIL = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def read(items_xml: str) -> object:
    document = f"<ArrayOfUntrustedCredentials {NIL}>{items_xml}</ArrayOfUntrustedCredentials>"
    return value_of(defusedxml.ElementTree.fromstring(document), SCHEMA)


def as_xml(item: dict[str, object]) -> str:
    fields = "".join(
        f"<{name}>{str(value).lower() if isinstance(value, bool) else value}</{name}>"
        for name, value in item.items()
    )
    return f"<UntrustedCredentials>{fields}</UntrustedCredentials>"


def test_the_spec_example_in_xml_reads_as_the_json_example() -> None:
    assert read("".join(as_xml(item) for item in EXAMPLE)) == EXAMPLE


def test_nil_and_nested_objects_are_read_by_the_schema() -> None:
    items = read(
        '<UntrustedCredentials><Comment xsi:nil="true"/><IsActive>false</IsActive>'
        "<TableRight><Mask>Select</Mask><Reason></Reason></TableRight></UntrustedCredentials>"
    )
    table_right = {"Mask": "Select", "Reason": ""}
    assert items == [{"Comment": None, "IsActive": False, "TableRight": table_right}]


def test_a_wrong_value_in_xml_breaks_the_schema() -> None:
    validator = jsonschema_rs.validator_for(SCHEMA)
    assert validator.is_valid(read(as_xml(EXAMPLE[0])))
    assert not validator.is_valid(read(as_xml({**EXAMPLE[0], "IsActive": "maybe"})))
