"""facts/contract: what the suite knows of each operation, read from the spec.

Seen failing by hand: ``_operation_facts`` with the method left in the spec's lower case.
"""

from __future__ import annotations

import spec_loader
from contract_tests.facts.contract import TOLERATED_BODY_EXTENSION, contract_facts
from spec_loader.statuses import is_success

SPEC = spec_loader.load_spec()
FACTS = contract_facts()


def test_every_operation_as_the_spec_writes_it() -> None:
    operations = spec_loader.operations(SPEC)
    assert set(FACTS.operations) == {op.operation_id for op in operations}
    for op in operations:
        facts = FACTS.of(op.operation_id)
        assert facts.method == op.method.upper()
        assert facts.path == op.path
        assert facts.method.lower() in {method.lower() for method in facts.methods_at_path}
        assert facts.request_media_types == tuple(
            spec_loader.request_media_types(SPEC, op.operation_id)
        )


def test_secrets_are_where_the_schema_says_password() -> None:
    with_secret = [facts for facts in FACTS.operations.values() if facts.secret_paths]
    assert with_secret
    for facts in with_secret:
        schema = spec_loader.request_schema(SPEC, facts.operation_id)
        for path in facts.secret_paths:
            for name in path:
                schema = schema["properties"][name]
            assert schema["format"] == "password"


def test_answer_media_types_and_tolerated_bodies() -> None:
    for facts in FACTS.operations.values():
        success = [
            s for s in spec_loader.response_statuses(SPEC, facts.operation_id) if is_success(s)
        ]
        listed = {
            media_type
            for status in success
            for media_type in spec_loader.response(SPEC, facts.operation_id, status).get(
                "content", {}
            )
        }
        assert facts.answer_media_types == listed
        tolerated = [
            spec_loader.response(SPEC, facts.operation_id, status).get(TOLERATED_BODY_EXTENSION)
            for status in success
        ]
        if facts.tolerated_no_content_body is not None:
            assert facts.tolerated_no_content_body.decode() in tolerated


def test_error_bodies_and_authentication_names() -> None:
    assert FACTS.error_media_types
    assert not FACTS.error_body_validator.is_valid([])
    assert "basic" in {scheme.lower() for scheme in FACTS.http_auth_schemes}
    assert FACTS.xsrf_header != FACTS.app_token_header
