"""spec_loader/links.py: the credential key, as the spec's links name it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import spec_loader
from spec_loader.links import (
    READ_BACK_LINK,
    REMOVE_LINK,
    credential_links,
    request_body_path,
    response_links,
)
from spec_loader.statuses import success_statuses

SPEC = spec_loader.load_spec()


def save_answer_links(spec: spec_loader.JsonObject) -> dict[str, Any]:
    save_id = credential_links(SPEC).save_operation_id
    status = success_statuses(spec, save_id)[0]
    answer = spec_loader.operation(spec, save_id).node["responses"][status]
    links: dict[str, Any] = spec_loader.resolve(spec, answer)["links"]
    return links


def test_the_key_of_the_spec() -> None:
    links = credential_links(SPEC)

    assert links.read_back.pointers == {
        links.associate_field: (links.associate_field,),
        links.type_field: (links.type_field,),
    }
    assert links.save_path(links.identity_field) == (*links.carrier_path, links.identity_field)
    assert set(links.remove.pointers) == {
        links.associate_field,
        links.type_field,
        links.identity_field,
    }
    # The carrier is what a Get answers with: its items have the identity field.
    item = spec_loader.response(SPEC, links.read_back.operation_id, "200")["content"]
    item_schema = next(iter(item.values()))["schema"]["items"]
    assert links.identity_field in item_schema["properties"]


def test_a_key_field_moved_in_the_spec_moves_here() -> None:
    spec = copy.deepcopy(SPEC)
    links = credential_links(spec)
    remove = save_answer_links(spec)[REMOVE_LINK]["requestBody"]
    remove[links.identity_field] = "$request.body#/Elsewhere/Deeper"

    moved = credential_links(spec)

    assert moved.save_path(moved.identity_field) == ("Elsewhere", "Deeper")
    assert moved.carrier_path == ("Elsewhere",)


def test_a_save_without_both_links_is_refused() -> None:
    spec = copy.deepcopy(SPEC)
    del save_answer_links(spec)[READ_BACK_LINK]

    with pytest.raises(ValueError, match="0 success answers"):
        credential_links(spec)


def test_response_links_lists_every_link_with_its_answer() -> None:
    links = credential_links(SPEC)
    found = {(f.operation_id, f.status, f.name) for f in response_links(SPEC)}

    assert (links.save_operation_id, links.save_status, READ_BACK_LINK) in found
    assert (links.save_operation_id, links.save_status, REMOVE_LINK) in found


def test_request_body_paths_unescape_json_pointer() -> None:
    assert request_body_path("$request.body#/a~1b/c~0d") == ("a/b", "c~d")
    with pytest.raises(ValueError, match="request body"):
        request_body_path("$response.body#/Id")
