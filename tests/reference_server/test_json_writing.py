"""Rows are written with orjson, and orjson looks for text UTF-8 cannot store; neither
changes what is stored or refused. Both are checked on what the JSON decoder can give,
where orjson and the stdlib differ included.

Guards proven by removing them (by hand, once):
- the json.dumps fallback of json_bytes(): test_rows_read_back_as_decoded fails for
  the integers past 64 bits, the lone surrogates and the 300 levels (orjson refuses).
- orjson's check in all_text_encodable() (planted: always True):
  test_only_unstorable_text_takes_the_slow_search fails for the lone surrogates.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from reference_server.body_decoding import JSON_DECODER
from reference_server.storage import json_bytes
from reference_server.validation import all_text_encodable, unencodable_text

# What the decoder reads, as JSON texts: plain documents, and where orjson differs
# from the stdlib (integers past 64 bits, lone surrogates, nesting past 255 levels).
TEXTS = {
    "save request": '{"AssociateId": 42, "Type": "imap", "Credentials": {"IsActive": true}}',
    "numbers": "[1, 1.5, -0.0, 5e-324, 1.7976931348623157e308, 18446744073709551615]",
    "escapes": '{"\\u00e9\\u20ac": "\\ud83d\\ude00 \\n \\" \\\\ \\u0000", "null": null}',
    "empty": '[[], {}, "", 0]',
    "past 64 bits": '{"a": [18446744073709551616, -9223372036854775809]}',
    "4000 digits": "1" * 4000,
    "lone surrogate": '"\\ud800"',
    "lone surrogate name": '{"\\udfff": 1}',
    "deep lone surrogate": '["ok", {"deep": ["\\ud83d"]}]',
    "300 levels": "[" * 300 + "]" * 300,
}
LONE_SURROGATES = {"lone surrogate", "lone surrogate name", "deep lone surrogate"}


def decoded(text: str) -> Any:
    return JSON_DECODER.decode(text)


@pytest.mark.parametrize("name", TEXTS)
def test_rows_read_back_as_decoded(name: str) -> None:
    value = decoded(TEXTS[name])

    # repr: 1 and 1.0, and the order of names, are told apart.
    assert repr(json.loads(json_bytes(value))) == repr(value)


@pytest.mark.parametrize("name", TEXTS)
def test_only_unstorable_text_takes_the_slow_search(name: str) -> None:
    value = decoded(TEXTS[name])
    found = list(unencodable_text(value, []))

    assert bool(found) == (name in LONE_SURROGATES)
    if all_text_encodable(value):
        assert found == []
