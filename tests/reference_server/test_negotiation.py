"""reference_server/negotiation.py: the answer's media type an Accept header asks for.

Seen failing by hand: the q parameter ignored (test_highest_quality_wins), the rank of an
exact match dropped from the comparison (test_exact_before_wildcards), and q=0 counted
as acceptable (test_q_zero_refuses_a_type).
"""

from __future__ import annotations

import pytest

from reference_server.negotiation import negotiate, quality

# Made-up offers: negotiation is generic; they are written as a spec writes them.
OFFERED = ["application/json", "text/json", "application/XML"]


@pytest.mark.parametrize(
    ("parameters", "value"),
    [([], 1.0), (["q=0.5"], 0.5), ([" Q = 0.2 "], 0.2), (["q=7"], 1.0), (["q=x"], 0.0)],
)
def test_quality(parameters: list[str], value: float) -> None:
    assert quality(parameters) == value


@pytest.mark.parametrize("accept", [None, "", "image/png", "text/*;q=0"])
def test_the_first_offered_type_when_nothing_offered_is_asked_for(accept: str | None) -> None:
    assert negotiate(accept, OFFERED) == OFFERED[0]


def test_highest_quality_wins() -> None:
    assert negotiate("application/json;q=0.4, text/json;q=0.9", OFFERED) == "text/json"


def test_exact_before_wildcards() -> None:
    assert negotiate("*/*, text/*, text/json", OFFERED) == "text/json"
    assert negotiate("*/*, application/*", ["text/json", "application/json"]) == "application/json"


def test_equal_ranks_go_to_the_earlier_range() -> None:
    assert negotiate("text/json, application/json", OFFERED) == "text/json"


def test_case_is_ignored_and_the_spec_spelling_answered() -> None:
    assert negotiate("APPLICATION/xml", OFFERED) == "application/XML"


def test_q_zero_refuses_a_type() -> None:
    assert negotiate("application/json;q=0, text/json;q=0.1", OFFERED) == "text/json"
