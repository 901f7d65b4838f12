"""Hostile input catalogue: each input gets a 4xx with the error body, in bounded time and memory.

Every input is sent to every operation of the spec that takes a body: the guards are the
shared request pipeline's, and must hold for each operation alike. (CreateDefault takes
none, and does not read one sent anyway: tests/reference_server/test_own_operations.py.)

Memory is the server process's own (see process_memory): its peak during the request
and what it still holds afterwards, compared with its resident size before.

Guards proven by removing them (by hand, once), and the case that caught each:
- defusedxml replaced by xml.etree.ElementTree: [XML external DTD] (204) and
  [XML billion laughs] (peak memory +59 MiB while expat expands up to its own limit).
  XXE stays 400 either way: ElementTree never loads external entities.
- the size checks in body_limit (declared_too_large, the count in read_body):
  [body over the limit, Content-Length] and [..., chunked] (400 after reading 64 MiB).
- http=ReferenceHttpProtocol in cli.py: [header over the limit] (204).
- max_num_fields in decode_form: [form with 100,000 fields] (peak memory +57 MiB).
- the RecursionError catch in decode_body: both [JSON ... nested 100,000 deep] (500).
- the ValueError catch in decode_json: [integer of 5,000 digits] (500).
"""

from __future__ import annotations

import httpx
import jsonschema_rs
import pytest

import spec_loader
from reference_server.errors import error_media_type
from tests.reference_server.live_server import (
    ADMIN,
    BASIC_AUTHORIZATION,
    BASIC_PASSWORD,
    BODY_OPERATION_IDS,
    SPEC,
    Server,
)
from tests.reliability.hostile_inputs import SECRET, HostileInput, catalogue
from tests.reliability.process_memory import peak_resident_bytes, reset_peak, resident_bytes
from tests.reliability.server_logs import leaked

MIB = 1024 * 1024
# Generous against a normal request's few MiB, far below what buffering any input
# whole would take (the oversize bodies are 64 MiB; expanded entities gigabytes).
PEAK_GROWTH_LIMIT = 32 * MIB
RETAINED_GROWTH_LIMIT = 16 * MIB
# No input may hold the server longer than this (a hang fails, it does not block CI).
TIMEOUT = httpx.Timeout(30.0)
SECRETS_SENT = (SECRET, BASIC_AUTHORIZATION.split()[1], BASIC_PASSWORD)
# Every error answer has the body of the documented 400 (431 is not documented: the
# operation does not give it, the HTTP layer does, with the same body).
ERROR_BODY = jsonschema_rs.Draft202012Validator(
    spec_loader.response(SPEC, BODY_OPERATION_IDS[0], "400")["content"][error_media_type()][
        "schema"
    ]
)
CASES = [
    pytest.param(operation_id, hostile, id=f"{operation_id}: {hostile.name}")
    for operation_id in BODY_OPERATION_IDS
    for hostile in catalogue(operation_id)
]


def send(server: Server, operation_id: str, hostile: HostileInput) -> httpx.Response:
    headers = {**ADMIN, **hostile.headers}
    if hostile.content_type is not None:
        headers["Content-Type"] = hostile.content_type
    content = hostile.body() if callable(hostile.body) else hostile.body
    return server.client.post(
        server.url(operation_id), content=content, headers=headers, timeout=TIMEOUT
    )


@pytest.mark.parametrize(("operation_id", "hostile"), CASES)
def test_hostile_input_is_refused_within_bounds(
    server: Server, operation_id: str, hostile: HostileInput
) -> None:
    pid = server.running.process.pid
    reset_peak(pid)
    before = resident_bytes(pid)

    response = send(server, operation_id, hostile)

    peak, after = peak_resident_bytes(pid), resident_bytes(pid)
    assert response.status_code == hostile.status, response.text
    assert response.headers["content-type"] == error_media_type()
    assert ERROR_BODY.is_valid(response.json()), response.text
    assert peak - before < PEAK_GROWTH_LIMIT, f"peak grew by {(peak - before) // MIB} MiB"
    assert after - before < RETAINED_GROWTH_LIMIT, f"kept {(after - before) // MIB} MiB"
    assert leaked(SECRETS_SENT, response.text, str(response.headers)) == []
    assert leaked(SECRETS_SENT, server.settled_log()) == []
    assert server.running.process.poll() is None
