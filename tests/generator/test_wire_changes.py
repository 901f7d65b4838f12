"""The wire rules of the change report (generator/wire_changes.py), one spec edit at a time.

Each test edits a copy of the real spec the way a maintainer would and checks the one
change reported and whether it breaks callers. Guards proved by hand: with
`not reading` replaced by `reading` in place_changes, the narrowing tests fail; with
the `_sets` removals reported as not breaking, the status and media type tests fail;
with `_covers` ignoring "number", test_integer_to_number_widens_a_request fails.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

import spec_loader
from generator.change_report import Change, Kind, Side
from generator.wire_changes import wire_changes
from spec_loader import JsonObject

SPEC = spec_loader.load_spec()
SAVE = "SaveUntrustedCredentialsForAssociate"
GET = "GetUntrustedCredentialsForAssociate"
REMOVE = "RemoveUntrustedCredentialsForAssociate"


def edited(edit: Callable[[JsonObject], None]) -> JsonObject:
    spec = copy.deepcopy(SPEC)
    edit(spec)
    return spec


def schema(spec: JsonObject, name: str) -> JsonObject:
    found: JsonObject = spec["components"]["schemas"][name]
    return found


def credentials(spec: JsonObject) -> JsonObject:
    properties: JsonObject = schema(spec, "UntrustedCredentials")["properties"]
    return properties


def summary(change: Change) -> tuple[Kind, str, str, bool]:
    return change.kind, change.what, change.subject, change.breaking


# The carrier is in the requests of both Saves and the answers of both Gets and of
# CreateDefault: a change to it is reported for each; these tests look at one of them.
ABOUT = {"request field": SAVE, "response field": GET}


def only(changes: list[Change], what: str) -> Change:
    """The one change of this kind to the ForAssociate Save (request) or Get (answer)."""
    [change] = [
        change
        for change in changes
        if change.what == what and change.subject.split(" ", 1)[0] == ABOUT[what]
    ]
    return change


def test_the_same_spec_has_no_change() -> None:
    assert wire_changes(SPEC, copy.deepcopy(SPEC)) == []


def test_an_optional_request_field_is_a_non_breaking_addition() -> None:
    def add_note(spec: JsonObject) -> None:
        credentials(spec)["Note"] = {"type": "string", "maxLength": 50}

    changes = wire_changes(SPEC, edited(add_note))
    request = only(changes, "request field")
    assert (request.kind, request.subject, request.breaking) == (
        Kind.ADDED,
        f"{SAVE} Credentials.Note",
        False,
    )
    assert request.detail == "optional, string, maxLength 50"
    answer = only(changes, "response field")
    assert (answer.subject, answer.breaking) == (f"{GET} 200 [].Note", False)
    assert {change.side for change in changes} == {Side.WIRE}


def test_a_new_required_request_field_breaks() -> None:
    def require_a_new_field(spec: JsonObject) -> None:
        request = schema(spec, "GetUntrustedCredentialsForAssociateRequest")
        request["properties"]["Culture"] = {"type": "string"}
        request["required"].append("Culture")

    [change] = wire_changes(SPEC, edited(require_a_new_field))
    assert (change.kind, change.subject, change.breaking) == (
        Kind.ADDED,
        f"{GET} Culture",
        True,
    )


def test_a_removed_field_breaks_requests_and_answers() -> None:
    changes = wire_changes(SPEC, edited(lambda spec: credentials(spec).pop("Comment")))
    assert {(c.kind, c.what, c.breaking) for c in changes} == {
        (Kind.REMOVED, "request field", True),
        (Kind.REMOVED, "response field", True),
    }


def test_a_field_that_becomes_required_breaks_requests_only() -> None:
    def require_comment(spec: JsonObject) -> None:
        schema(spec, "UntrustedCredentials")["required"] = ["Comment"]

    changes = wire_changes(SPEC, edited(require_comment))
    assert only(changes, "request field").breaking
    assert only(changes, "request field").detail == "now required"
    assert not only(changes, "response field").breaking


def test_a_field_that_may_be_left_out_of_an_answer_breaks_readers() -> None:
    def unrequire(spec: JsonObject) -> None:
        schema(spec, "SuperOfficeError")["required"].remove("ErrorMessage")

    changes = wire_changes(SPEC, edited(unrequire))
    assert changes, "the error body's field is no longer required"
    assert all(change.what == "response field" and change.breaking for change in changes)
    assert all(change.subject.endswith("ErrorMessage") for change in changes)


@pytest.mark.parametrize(
    ("limit", "old", "new", "breaking"),
    [("maxLength", 255, 50, True), ("maxLength", 255, 500, False)],
)
def test_a_request_limit_that_narrows_breaks(
    limit: str, old: int, new: int, breaking: bool
) -> None:
    assert credentials(SPEC)["Comment"][limit] == old

    def change_limit(spec: JsonObject) -> None:
        credentials(spec)["Comment"][limit] = new

    request = only(wire_changes(SPEC, edited(change_limit)), "request field")
    assert request.breaking is breaking
    assert f"{limit} {old} -> {new}" in request.detail


def test_a_new_minimum_narrows_and_dropping_one_widens() -> None:
    def raise_minimum(spec: JsonObject) -> None:
        schema(spec, "AssociateId")["minimum"] = 10

    def drop_minimum(spec: JsonObject) -> None:
        del schema(spec, "AssociateId")["minimum"]

    raised = [c for c in wire_changes(SPEC, edited(raise_minimum)) if c.what == "request field"]
    assert raised
    assert all(c.breaking and "minimum 1 -> 10" in c.detail for c in raised)
    dropped = [c for c in wire_changes(SPEC, edited(drop_minimum)) if c.what == "request field"]
    assert dropped
    assert not any(c.breaking for c in dropped)


def test_a_request_type_that_narrows_breaks_and_one_that_widens_does_not() -> None:
    def no_null(spec: JsonObject) -> None:
        credentials(spec)["Comment"]["type"] = "string"

    narrowed = only(wire_changes(SPEC, edited(no_null)), "request field")
    assert narrowed.breaking
    assert narrowed.detail.startswith("type narrowed")
    widened = only(wire_changes(edited(no_null), SPEC), "request field")
    assert not widened.breaking
    assert widened.detail.startswith("type widened")


def test_an_answer_type_that_widens_breaks_readers() -> None:
    def nullable_is_active(spec: JsonObject) -> None:
        credentials(spec)["IsActive"]["type"] = ["boolean", "null"]

    answer = only(wire_changes(SPEC, edited(nullable_is_active)), "response field")
    assert answer.breaking
    assert answer.detail.startswith("type widened")


def test_integer_to_number_widens_a_request() -> None:
    def number(spec: JsonObject) -> None:
        schema(spec, "AssociateId")["type"] = "number"

    changes = [c for c in wire_changes(SPEC, edited(number)) if c.what == "request field"]
    assert changes
    assert not any(change.breaking for change in changes)


def test_an_enum_that_loses_a_value_breaks_a_request() -> None:
    def kinds(values: list[str]) -> Callable[[JsonObject], None]:
        def edit(spec: JsonObject) -> None:
            schema(spec, "CredentialType")["enum"] = values

        return edit

    before = edited(kinds(["imap", "smtp"]))
    lost = [c for c in wire_changes(before, edited(kinds(["imap"]))) if c.breaking]
    assert lost
    assert all('enum lost "smtp"' in c.detail for c in lost)
    gained = wire_changes(before, edited(kinds(["imap", "smtp", "pop3"])))
    assert gained
    assert not any(change.breaking for change in gained)


def test_an_answer_enum_that_gains_a_value_breaks_readers() -> None:
    def mask(values: list[str]) -> Callable[[JsonObject], None]:
        def edit(spec: JsonObject) -> None:
            schema(spec, "TableRight")["properties"]["Mask"]["enum"] = values

        return edit

    change = only(wire_changes(edited(mask(["a"])), edited(mask(["a", "b"]))), "response field")
    assert change.breaking
    assert 'enum gained "b"' in change.detail


def test_a_status_that_goes_away_breaks_and_a_new_one_does_not() -> None:
    def without_413(spec: JsonObject) -> None:
        del spec["paths"][path_of(SAVE)]["post"]["responses"]["413"]

    [removed] = wire_changes(SPEC, edited(without_413))
    assert summary(removed) == (Kind.REMOVED, "status", f"{SAVE} 413", True)
    [added] = wire_changes(edited(without_413), SPEC)
    assert (added.kind, added.breaking) == (Kind.ADDED, False)


def test_a_media_type_that_goes_away_breaks() -> None:
    def without_text_xml(spec: JsonObject) -> None:
        del spec["paths"][path_of(REMOVE)]["post"]["requestBody"]["content"]["text/xml"]

    [change] = wire_changes(SPEC, edited(without_text_xml))
    assert summary(change) == (Kind.REMOVED, "request media type", f"{REMOVE} text/xml", True)


def test_an_answer_media_type_that_goes_away_breaks() -> None:
    def without_text_json(spec: JsonObject) -> None:
        del spec["paths"][path_of(GET)]["post"]["responses"]["200"]["content"]["text/json"]

    [change] = wire_changes(SPEC, edited(without_text_json))
    assert (change.what, change.subject, change.breaking) == (
        "response media type",
        f"{GET} 200 text/json",
        True,
    )


def test_operations_added_are_additions_and_removed_ones_break() -> None:
    def drop_remove(spec: JsonObject) -> None:
        del spec["paths"][path_of(REMOVE)]

    [removed] = wire_changes(SPEC, edited(drop_remove))
    assert summary(removed) == (Kind.REMOVED, "operation", REMOVE, True)
    [added] = wire_changes(edited(drop_remove), SPEC)
    assert (added.kind, added.breaking) == (Kind.ADDED, False)
    assert added.detail == f"POST {path_of(REMOVE)}"


def test_a_new_required_parameter_breaks_and_an_optional_one_does_not() -> None:
    def with_parameter(required: bool) -> Callable[[JsonObject], None]:
        def edit(spec: JsonObject) -> None:
            parameter = {"name": "X-Trace", "in": "header", "required": required}
            parameter["schema"] = {"type": "string"}
            spec["paths"][path_of(GET)]["post"]["parameters"].append(parameter)

        return edit

    [required] = wire_changes(SPEC, edited(with_parameter(True)))
    assert (required.what, required.subject, required.breaking) == (
        "parameter",
        f"{GET} header X-Trace",
        True,
    )
    [optional] = wire_changes(SPEC, edited(with_parameter(False)))
    assert not optional.breaking


def test_a_read_only_field_is_not_a_request_field() -> None:
    def drop_table_right(spec: JsonObject) -> None:
        del credentials(spec)["TableRight"]

    changes = wire_changes(SPEC, edited(drop_table_right))
    assert {change.what for change in changes} == {"response field"}


def path_of(operation_id: str) -> str:
    return spec_loader.operation(SPEC, operation_id).path
