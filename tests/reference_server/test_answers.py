"""reference_server/answers.py: an answer in the media type Accept asks for, named as the spec says.

Seen failing by hand: `object_name` giving the whole $ref instead of the component's name
(test_an_xml_answer_is_named_as_the_spec_says), and the NotXmlWritableError fallback
removed (test_what_xml_cannot_carry_goes_out_as_json raises).
"""

from __future__ import annotations

import json
from xml.etree.ElementTree import fromstring

import spec_loader
from reference_server.answers import Answers, element_names
from reference_server.body_decoding import BodyFormat, body_format
from spec_loader.media_types import default_json
from spec_loader.statuses import OK, spec_key
from tests.reference_server.live_server import GET, SPEC

STATUS = spec_key(OK)
CONTENT = spec_loader.response(SPEC, GET, STATUS)["content"]
RAW_CONTENT = spec_loader.operation(SPEC, GET).node["responses"][STATUS]["content"]
XML_TYPES = [media for media in CONTENT if body_format(media) is BodyFormat.XML]
ANSWERS = Answers.from_spec(SPEC, GET, STATUS)


def test_the_default_is_the_first_json_type() -> None:
    assert ANSWERS.status == OK
    assert ANSWERS.offered[0] == default_json(CONTENT)
    assert sorted(ANSWERS.offered) == sorted(CONTENT)
    answer = ANSWERS.response([{"A": 1}], None)
    assert answer.headers["content-type"] == default_json(CONTENT)
    assert json.loads(bytes(answer.body)) == [{"A": 1}]


def test_an_xml_answer_is_named_as_the_spec_says() -> None:
    assert XML_TYPES, "the Get answers in XML too"
    for media_type in XML_TYPES:
        root_name, item_name = element_names(SPEC, RAW_CONTENT[media_type]["schema"])
        answer = ANSWERS.response([{"A": "1"}, {"A": "2"}], media_type)
        assert answer.headers["content-type"] == media_type
        root = fromstring(bytes(answer.body))
        assert (root.tag, [child.tag for child in root]) == (root_name, [item_name, item_name])


def test_what_xml_cannot_carry_goes_out_as_json() -> None:
    answer = ANSWERS.response([{"A": "bell \x07"}], XML_TYPES[0])
    assert answer.headers["content-type"] == ANSWERS.offered[0]
    assert json.loads(bytes(answer.body)) == [{"A": "bell \x07"}]
