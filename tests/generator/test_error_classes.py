"""generator/error_classes.py: which statuses get a typed error class, and its name.

Guards proved by hand: with `_NAMES` emptied (every class named after its phrase),
test_a_status_the_spec_gains_gets_a_class_named_after_its_phrase fails on 413; with
`RETRIED_STATUSES` left out of `error_classes`, test_retried_statuses_get_a_class_too
fails; with `is_error` dropped from `error_models`,
test_the_error_models_are_the_bodies_of_error_statuses_only fails.
"""

from __future__ import annotations

import copy

from generator.error_classes import (
    RETRIED_STATUSES,
    documented_error_statuses,
    error_classes,
    error_models,
)
from spec_loader import operation, operations, resolve
from spec_loader.links import credential_links
from spec_loader.statuses import is_error
from tests.generated_client.recording import SPEC

SAVE_ID = credential_links(SPEC).save_operation_id


def test_a_status_the_spec_gains_gets_a_class_named_after_its_phrase() -> None:
    spec = copy.deepcopy(SPEC)
    responses = operation(spec, SAVE_ID).node["responses"]
    responses["404"] = responses["400"]
    names = {error["status"]: error["name"] for error in error_classes(spec)}
    assert names[404] == "NotFoundError"
    assert names[400] == "BadRequestError"
    assert names[413] == "ContentTooLargeError"
    assert 404 not in {error["status"] for error in error_classes(SPEC)}


def test_retried_statuses_get_a_class_too() -> None:
    statuses = {error["status"] for error in error_classes(SPEC)}
    retried_4xx = {status for status in RETRIED_STATUSES if status < 500}
    assert retried_4xx - set(documented_error_statuses(SPEC))  # the spec leaves some out
    assert retried_4xx <= statuses
    assert all(status < 500 for status in statuses)  # every 5xx is one ServerError


def test_the_error_models_are_the_bodies_of_error_statuses_only() -> None:
    spec = copy.deepcopy(SPEC)
    success = next(
        (op, status)
        for op in operations(spec)
        for status, answer in op.node["responses"].items()
        if status.isdigit() and not is_error(status) and resolve(spec, answer).get("content")
    )
    op, status = success
    schemas = spec["components"]["schemas"]
    schemas["OnlyOnSuccess"] = {"type": "object"}
    answer = copy.deepcopy(resolve(spec, op.node["responses"][status]))
    for media in answer["content"].values():
        media["schema"] = {"$ref": "#/components/schemas/OnlyOnSuccess"}
    op.node["responses"][status] = answer
    models = error_models(spec)
    assert "OnlyOnSuccess" not in models
    assert models == error_models(SPEC)
    assert models  # the spec documents error bodies
