"""http_parts: the operation of a case, and headers read whatever the case of their name.

Seen failing by hand: ``header_values`` comparing names without lowering them.
"""

from __future__ import annotations

import requests

from contract_tests.http_parts import header_values, operation_id, request_header
from contract_tests.model.facts import model_facts
from tests.contract_tests.exchanges import answer, case_of

FACTS = model_facts()


def test_a_case_knows_its_operation() -> None:
    assert operation_id(case_of(FACTS.get_id)) == FACTS.get_id
    assert operation_id(case_of(FACTS.remove_id)) == FACTS.remove_id


def test_every_value_of_a_header_whatever_its_case() -> None:
    response = answer(case_of(FACTS.get_id), 200)
    # As a server may send them: one name in two spellings.
    response.headers.update({"X-Two": ["a"], "x-two": ["b", "c"]})
    assert sorted(header_values(response, "X-TWO")) == ["a", "b", "c"]
    assert header_values(response, "X-Absent") == []


def test_a_request_header_as_text() -> None:
    request = requests.Request("GET", "http://127.0.0.1:9/", headers={"X-Text": "t"}).prepare()
    request.headers["X-Bytes"] = "é".encode("latin-1")
    assert request_header(request, "x-text") == "t"
    assert request_header(request, "X-Bytes") == "é"
    assert request_header(request, "X-Absent") == ""
