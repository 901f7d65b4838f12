"""spec_loader/media_types.py: which media types are JSON, and which one is the default."""

from __future__ import annotations

import pytest

from spec_loader.media_types import (
    JSON_SYNTAX,
    XML_SYNTAX,
    body_syntax,
    default_json,
    essence,
    is_json,
    json_media_types,
)


@pytest.mark.parametrize(
    "media_type",
    [
        "application/json",
        "text/json",
        "application/json-patch+json",
        "application/merge-patch+json",
        "application/problem+json",
        "Application/JSON; charset=utf-8",
    ],
)
def test_json_family(media_type: str) -> None:
    assert is_json(media_type)


@pytest.mark.parametrize(
    "media_type",
    ["application/xml", "text/xml", "application/x-www-form-urlencoded", "application/json-seq"],
)
def test_not_json_family(media_type: str) -> None:
    assert not is_json(media_type)


@pytest.mark.parametrize(
    ("media_type", "syntax"),
    [
        ("text/XML; charset=utf-8", XML_SYNTAX),
        ("application/soap+xml", XML_SYNTAX),
        ("application/merge-patch+json", JSON_SYNTAX),
        ("application/x-www-form-urlencoded", None),
        ("application/xml-dtd", None),
    ],
)
def test_body_syntax_by_subtype_or_suffix(media_type: str, syntax: str | None) -> None:
    assert body_syntax(media_type) == syntax


def test_essence_drops_parameters_and_case() -> None:
    assert essence(" Text/XML ; q=1") == "text/xml"


def test_the_default_json_type_is_the_first_json_one_in_order() -> None:
    listed = ["application/xml", "text/json", "application/json"]

    assert json_media_types(listed) == ["text/json", "application/json"]
    assert default_json(listed) == "text/json"


def test_no_json_type_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="no JSON media type"):
        default_json(["application/xml"])
