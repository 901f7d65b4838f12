"""A model body's bytes (_json_body.py.jinja): exactly httpx `json=`, on both paths.

The module encodes with CPython's C encoder built once and falls back to the public
``json.JSONEncoder``. Each document below, where JSON encoders differ, must come out of
both paths as httpx itself encodes it, or raise the same error.

Guards proved by removing them once by hand (in a copy of the generated package):
- the `except RecursionError` fallback in `encode`: test_same_as_httpx_json[c-cycle]
  fails (RecursionError instead of json's "Circular reference detected");
- the probe in `_c_encoder`: test_a_c_encoder_that_encodes_differently_is_not_used
  fails.
"""

from __future__ import annotations

import enum
import json
import json.encoder
import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from superoffice_webapi_client import _json_body

from tests.generated_client.recording import EXAMPLE_BODY


class Text(str):
    pass


class Number(int):
    pass


class Colour(enum.IntEnum):
    RED = 1


def cycle() -> dict[str, Any]:
    document: dict[str, Any] = {"AssociateId": 42}
    document["self"] = document
    return document


def nested(depth: int) -> list[Any]:
    document: list[Any] = []
    for _ in range(depth):
        document = [document]
    return document


DOCUMENTS: dict[str, Callable[[], Any]] = {
    "example": lambda: EXAMPLE_BODY,
    "text": lambda: {"t": 'Zürich \u2013 東京 😀 "q" \\ \n\t\u2028\u007f\u0000\u001f'},
    "floats": lambda: [0.1, -0.0, 1e16, 1e-7, 2.5e300, 1.0],
    "big integer": lambda: {"n": 2**70, "m": -(2**64)},
    "non-string keys": lambda: {3: "a", 2.5: "b", True: "c", None: "d"},
    "subclasses": lambda: {Text("k"): [Text("v"), Number(7), Colour.RED]},
    "tuple": lambda: {"t": (1, (2, 3))},
    "nan": lambda: {"x": math.nan},
    "infinity": lambda: [-math.inf],
    "set": lambda: {"s": {1}},
    "object": lambda: {"o": object()},
    "lone surrogate": lambda: {"s": "\ud800"},
    "cycle": cycle,
    "too deep": lambda: nested(100_000),
}


def outcome(encode: Callable[[Any], bytes], document: Any) -> tuple[str, bytes | str]:
    try:
        return "bytes", encode(document)
    except Exception as error:
        return type(error).__name__, str(error)


def httpx_json(document: Any) -> bytes:
    return httpx.Request("POST", "https://127.0.0.1/", json=document).read()


@pytest.fixture(params=["c", "public"])
def encoder_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param == "public":
        monkeypatch.setattr(_json_body, "_C_ENCODER", None)
    else:
        assert _json_body._C_ENCODER is not None, "CPython's C encoder is not in use"


@pytest.mark.usefixtures("encoder_path")
@pytest.mark.parametrize("name", DOCUMENTS)
def test_same_as_httpx_json(name: str) -> None:
    expected = outcome(httpx_json, DOCUMENTS[name]())
    assert outcome(_json_body.encode, DOCUMENTS[name]()) == expected


def test_the_catalogue_holds_what_encoders_refuse() -> None:
    # Otherwise the comparison above would prove nothing about errors.
    kinds = {outcome(httpx_json, make())[0] for make in DOCUMENTS.values()}
    assert {"ValueError", "TypeError", "UnicodeEncodeError", "RecursionError"} <= kinds


C_MAKE_ENCODER = getattr(json.encoder, "c_make_encoder")  # noqa: B009 - not in typeshed


def test_without_the_accelerator_the_public_encoder_is_used() -> None:
    assert _json_body._c_encoder(None) is None


def test_an_accelerator_with_other_arguments_is_not_used() -> None:
    def other_signature(markers: object) -> None:
        raise AssertionError("not reached: called with nine arguments")

    assert _json_body._c_encoder(other_signature) is None


def test_a_c_encoder_that_encodes_differently_is_not_used() -> None:
    def ascii_only(*arguments: Any) -> Any:
        escaping = json.encoder.encode_basestring_ascii
        return C_MAKE_ENCODER(arguments[0], arguments[1], escaping, *arguments[3:])

    assert _json_body._c_encoder(ascii_only) is None
    assert _json_body._c_encoder(C_MAKE_ENCODER) is not None
