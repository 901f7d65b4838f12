"""Cases and answers made by hand, as schemathesis gives them to the suite's hooks and checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests
import schemathesis
from schemathesis import GenerationMode, Response
from schemathesis.generation.meta import (
    CaseMetadata,
    FuzzingPhaseData,
    GenerationInfo,
    PhaseInfo,
    TestPhase,
)

import spec_loader
from contract_tests.http_parts import AnyCase

SCHEMA = schemathesis.openapi.from_path(spec_loader.spec_path())
BASE_URL = "http://127.0.0.1:9"


def case_of(operation_id: str, **fields: Any) -> AnyCase:
    """A case of ``operation_id`` with ``fields`` (body, media_type, headers...)."""
    return SCHEMA.find_operation_by_id(operation_id).Case(**fields)


def fuzzed(mode: GenerationMode) -> CaseMetadata:
    """The metadata of a case of the fuzzing phase, generated in ``mode``."""
    return CaseMetadata(
        generation=GenerationInfo(time=0.0, mode=mode),
        components={},
        phase=PhaseInfo(TestPhase.FUZZING, FuzzingPhaseData(None, None, None, None)),
    )


def answer(
    case: AnyCase,
    status: int,
    content: bytes = b"",
    headers: Mapping[str, str] | None = None,
    sent_headers: Mapping[str, str] | None = None,
) -> Response:
    """The answer ``status`` to ``case``, sent with ``sent_headers``."""
    request = requests.Request(
        case.method, BASE_URL + case.formatted_path, headers=dict(sent_headers or {})
    ).prepare()
    return Response(
        status_code=status,
        headers={name: [value] for name, value in (headers or {}).items()},
        content=content,
        request=request,
        elapsed=0.0,
        verify=False,
    )
