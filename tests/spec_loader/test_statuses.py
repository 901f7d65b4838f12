"""spec_loader/statuses.py: one rule for success and error, for the spec's text and the wire."""

from __future__ import annotations

import pytest

import spec_loader
from spec_loader.statuses import (
    NO_CONTENT,
    error_media_types,
    error_statuses,
    is_error,
    is_success,
    spec_key,
    success_statuses,
)

SPEC = spec_loader.load_spec()


@pytest.mark.parametrize("status", [200, 204, 299, "200", "204", "2XX"])
def test_success_written_either_way(status: int | str) -> None:
    assert is_success(status)
    assert not is_error(status)


@pytest.mark.parametrize("status", [400, 401, 415, 500, 599, "400", "4XX", "5XX"])
def test_error_written_either_way(status: int | str) -> None:
    assert is_error(status)
    assert not is_success(status)


@pytest.mark.parametrize("status", [100, 301, 304, "3XX", "default"])
def test_neither_success_nor_error(status: int | str) -> None:
    assert not is_success(status)
    assert not is_error(status)


def test_the_spec_writes_no_content_as_its_key() -> None:
    assert spec_key(NO_CONTENT) == "204"
    assert NO_CONTENT == 204


def test_every_documented_status_is_a_success_or_an_error() -> None:
    for op in spec_loader.operations(SPEC):
        documented = spec_loader.response_statuses(SPEC, op.operation_id)
        success = success_statuses(SPEC, op.operation_id)
        errors = error_statuses(SPEC, op.operation_id)

        assert len(success) == 1, op.operation_id
        assert sorted(success + errors) == sorted(documented)


def test_error_media_types_are_those_of_the_error_answers() -> None:
    op = spec_loader.operations(SPEC)[0]
    status = error_statuses(SPEC, op.operation_id)[0]
    listed = list(spec_loader.response(SPEC, op.operation_id, status)["content"])

    assert set(listed) <= set(error_media_types(SPEC))
    assert not set(error_media_types(SPEC)) & {"application/xml", "text/xml"}
