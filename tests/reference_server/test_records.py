"""reference_server/records.py: where a request holds the credential key, and the secrets' split.

Seen failing by hand: `or ""` removed from KeyPaths.row_key
(test_a_null_public_value_is_keyed_as_empty), the check in KeyPaths.check removed, and
split_secrets popping from the caller's document
(test_split_and_merge_leave_the_document_and_give_it_back).
"""

from __future__ import annotations

import copy

import pytest

import spec_loader
from reference_server.records import (
    KeyForm,
    declares,
    key_paths,
    merge_secrets,
    split_secrets,
)
from spec_loader.documents import value_at
from spec_loader.links import credential_links
from tests.reference_server.live_server import SAVE, SPEC, credential

LINKS = credential_links(SPEC)
SAVED = key_paths(LINKS, KeyForm.SAVED)
SAVE_SCHEMA = spec_loader.request_schema(SPEC, SAVE)


def test_the_saved_key_is_declared_by_the_save_schema() -> None:
    SAVED.check(SAVE_SCHEMA)
    assert SAVED.names_associate(SAVE_SCHEMA)
    with pytest.raises(ValueError, match="the request schema has no"):
        SAVED.check({"type": "object", "properties": {}})
    assert not declares({"properties": {"A": {}}}, ("A", "B"))


def test_the_row_key_is_read_where_the_links_say() -> None:
    document = credential("records-unit")
    key = SAVED.row_key(document)
    assert (key.associate_id, key.type, key.public_value_key) == (
        value_at(document, LINKS.save_path(LINKS.associate_field)),
        value_at(document, LINKS.save_path(LINKS.type_field)),
        value_at(document, LINKS.save_path(LINKS.identity_field)),
    )


def test_a_null_public_value_is_keyed_as_empty() -> None:
    identity_path = LINKS.save_path(LINKS.identity_field)
    document = credential("records-null")
    value_at(document, identity_path[:-1])[identity_path[-1]] = None
    assert SAVED.row_key(document).public_value_key == ""


def test_a_type_wide_request_names_no_single_credential() -> None:
    of_type = key_paths(LINKS, KeyForm.OF_TYPE)
    assert of_type.public_value is None
    with pytest.raises(TypeError):
        of_type.row_key(credential("records-type"))


def test_with_associate_replaces_the_associate() -> None:
    paths = key_paths(LINKS, KeyForm.OF_TYPE)
    (associate,) = paths.associate_id
    (type_,) = paths.type
    assert paths.with_associate({associate: 1, type_: "t"}, 7) == {associate: 7, type_: "t"}
    assert paths.with_associate({type_: "t"}, 7) == {associate: 7, type_: "t"}


def test_split_and_merge_leave_the_document_and_give_it_back() -> None:
    secret_paths = spec_loader.secret_paths(SAVE_SCHEMA)
    document = credential("records-split")
    before = copy.deepcopy(document)

    public, secrets = split_secrets(document, secret_paths)

    assert document == before
    assert all(value_at(public, path) is None for path in secret_paths)
    assert [value for _, value in secrets] == [value_at(document, path) for path in secret_paths]
    assert merge_secrets(public, secrets) == document
    assert split_secrets({"Other": 1}, secret_paths) == ({"Other": 1}, [])
