"""Request bodies as JSON: byte for byte what httpx's ``json=`` sends, at less cost."""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any

# httpx 0.28.1's json= (httpx/_content.py, encode_json): json.dumps with these arguments.
PUBLIC_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _c_encoder(make: Any) -> Callable[[Any, int], Any] | None:
    """The C encoder that ``PUBLIC_ENCODER.encode`` builds on every call, built once by ``make``.

    Building it is about a third of encode()'s cost, and encoding about a twentieth of a
    client call's (P1 in docs/benchmarks.md). It is built from PUBLIC_ENCODER's settings,
    as JSONEncoder.iterencode builds it, but without the circular-reference check: that
    check's markers dict would be shared by every thread. ``make`` is CPython's
    undocumented ``json.encoder.c_make_encoder``, None without the accelerator; if it is
    None, takes other arguments or encodes a probe differently from the public encoder,
    None is returned and every body goes the public way.
    """
    if make is None:
        return None
    encoder = PUBLIC_ENCODER
    probe = {"text": 'ä\n\u2028"', "numbers": [1, -2.5, 1e16], "flags": [True, False, None]}
    try:
        built: Callable[[Any, int], Any] = make(
            None,
            encoder.default,
            json.encoder.encode_basestring,
            encoder.indent,
            encoder.key_separator,
            encoder.item_separator,
            encoder.sort_keys,
            encoder.skipkeys,
            encoder.allow_nan,
        )
        agrees = "".join(built(probe, 0)) == encoder.encode(probe)
    except (TypeError, ValueError):
        return None
    return built if agrees else None


_C_ENCODER = _c_encoder(getattr(json.encoder, "c_make_encoder", None))


def encode(document: Any) -> bytes:
    """``document`` as the UTF-8 bytes httpx's ``json=`` would send, or its exception."""
    if _C_ENCODER is not None:
        try:
            return "".join(_C_ENCODER(document, 0)).encode("utf-8")
        except RecursionError:
            # A cycle, with no check to stop it, or a document nested too deep: the
            # public encoder raises what json.dumps raises (ValueError for a cycle).
            pass
    return PUBLIC_ENCODER.encode(document).encode("utf-8")
