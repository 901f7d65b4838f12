"""The wire side of the change report: what two versions of the spec promise, compared.

oasdiff has the breaking-change rules production teams use, but it is a Go program
and none of the registries this project installs from has it; the Python tools that do
install are one-person projects of a few months. So the rules this client needs are
written here, each with its test (tests/generator/test_wire_changes.py):

- an operation, a parameter, a request or response media type or a status that goes
  away breaks callers; one that is added does not (a new required parameter does);
- a request field that is removed, added as required, or becomes required breaks;
- in a request, a type or a limit that narrows, or an enum that loses a value, breaks
  (a value an old caller sends is refused); widening does not;
- in an answer it is the other way round for types and enums: a type or an enum value
  the answer may now have breaks a caller that reads it, and a field that may now be
  left out breaks one that counts on it; a changed ``format`` breaks either way.

Each operation is flattened into places: its parameters, its media types, its
statuses, and every field of its request and answer bodies, by path
(``Credentials.Note``; ``[].Note`` inside an array's items; ``*`` for a map's values).
A field the spec marks ``readOnly`` is not a request field, a ``writeOnly`` one not an
answer field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from generator.change_report import Change, Kind, Side
from spec_loader import JsonObject, inline_refs, operations, resolve
from spec_loader.schema_readers import alternatives, schema_types

# A limit narrows when a maximum falls or a minimum rises, or when it is newly set.
_MAXIMA = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
_MINIMA = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
# Any new or different value narrows; leaving it out widens.
_EXACT = ("pattern", "multipleOf")
_LIMITS = (*_MAXIMA, *_MINIMA, *_EXACT)


class Direction(StrEnum):
    REQUEST = "request"  # what the client sends: the server must keep accepting it
    RESPONSE = "response"  # what the client reads: it must keep understanding it


@dataclass(frozen=True)
class Place:
    """What the spec says of one field or parameter."""

    required: bool
    types: frozenset[str]  # empty: any type
    enum: frozenset[str] | None  # JSON of each allowed value; None: no enum
    limits: Mapping[str, Any] = field(default_factory=dict)
    format: str | None = None

    def describe(self) -> str:
        parts = ["required" if self.required else "optional"]
        parts.append(" or ".join(sorted(self.types)) or "any type")
        if self.format:
            parts.append(f"format {self.format}")
        parts.extend(f"{name} {value}" for name, value in sorted(self.limits.items()))
        if self.enum is not None:
            parts.append(f"one of {', '.join(sorted(self.enum))}")
        return ", ".join(parts)


def _place(schema: JsonObject, required: bool) -> Place:
    members = list(alternatives(schema))
    enum: set[str] | None = None
    for member in members:
        values = member.get("enum", [member["const"]] if "const" in member else None)
        if values is not None:
            enum = (enum or set()) | {json.dumps(value) for value in values}
    # The first alternative that sets a limit gives it.
    limits = {name: m[name] for m in reversed(members) for name in _LIMITS if name in m}
    formats = [member["format"] for member in members if "format" in member]
    return Place(
        required=required,
        types=frozenset(schema_types(schema)),
        enum=frozenset(enum) if enum is not None else None,
        limits=dict(sorted(limits.items())),
        format=formats[0] if formats else None,
    )


def _left_out(schema: JsonObject, direction: Direction) -> bool:
    flag = "readOnly" if direction is Direction.REQUEST else "writeOnly"
    return any(member.get(flag) for member in alternatives(schema))


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def body_fields(
    schema: JsonObject, direction: Direction, path: str = "", required: bool = True
) -> Iterator[tuple[str, Place]]:
    """Every field of an inlined body schema, by path; the body itself is ``(body)``."""
    if _left_out(schema, direction):
        return
    yield path or "(body)", _place(schema, required)
    for member in alternatives(schema):
        needed = set(member.get("required", []))
        for name, child in member.get("properties", {}).items():
            yield from body_fields(child, direction, _join(path, name), name in needed)
        if isinstance(member.get("items"), dict):
            yield from body_fields(member["items"], direction, f"{path}[]", True)
        if isinstance(member.get("additionalProperties"), dict):
            extra = member["additionalProperties"]
            yield from body_fields(extra, direction, _join(path, "*"), False)


def _content_fields(content: JsonObject, direction: Direction) -> dict[str, Place]:
    """The fields of a body in all its media types; prefixed by media type where they differ."""
    per_media = {
        media: dict(body_fields(entry.get("schema", {}), direction))
        for media, entry in content.items()
    }
    first = next(iter(per_media.values()), {})
    if all(fields == first for fields in per_media.values()):
        return first
    return {f"{media} {path}": place for media, f in per_media.items() for path, place in f.items()}


@dataclass
class OperationFacts:
    """What one operation promises on the wire."""

    endpoint: str  # "POST /api/v1/..."
    parameters: dict[str, Place] = field(default_factory=dict)  # "header SO-AppToken"
    body_required: bool | None = None  # None: no request body
    request_media_types: set[str] = field(default_factory=set)
    request_fields: dict[str, Place] = field(default_factory=dict)
    statuses: dict[str, set[str]] = field(default_factory=dict)  # status -> media types
    response_fields: dict[str, dict[str, Place]] = field(default_factory=dict)  # by status


def wire_facts(spec: JsonObject) -> dict[str, OperationFacts]:
    """Each operation's wire promises, by operationId."""
    facts: dict[str, OperationFacts] = {}
    for op in operations(spec):
        node = inline_refs(spec, op.node)
        found = OperationFacts(f"{op.method.upper()} {op.path}")
        path_item = inline_refs(spec, spec["paths"][op.path])
        for parameter in [*path_item.get("parameters", []), *node.get("parameters", [])]:
            parameter = resolve(spec, parameter)
            place = _place(parameter.get("schema", {}), bool(parameter.get("required")))
            found.parameters[f"{parameter['in']} {parameter['name']}"] = place
        if "requestBody" in node:
            body = node["requestBody"]
            found.body_required = bool(body.get("required"))
            found.request_media_types = set(body.get("content", {}))
            found.request_fields = _content_fields(body.get("content", {}), Direction.REQUEST)
        for status, answer in node.get("responses", {}).items():
            content = answer.get("content", {})
            found.statuses[str(status)] = set(content)
            found.response_fields[str(status)] = _content_fields(content, Direction.RESPONSE)
        facts[op.operation_id] = found
    return facts


def _covers(types: frozenset[str], kind: str) -> bool:
    """Whether a value of JSON type ``kind`` is one of ``types`` (empty: any type)."""
    return not types or kind in types or (kind == "integer" and "number" in types)


def _narrowed_limits(old: Place, new: Place) -> tuple[list[str], list[str]]:
    """(narrowed, widened): each limit that changed, as ``maxLength 255 -> 50``."""
    narrowed: list[str] = []
    widened: list[str] = []
    for name in _LIMITS:
        before, after = old.limits.get(name), new.limits.get(name)
        if before == after:
            continue
        text = f"{name} {before if before is not None else 'none'} -> "
        text += f"{after if after is not None else 'none'}"
        if after is None:
            widened.append(text)
        elif before is None or name in _EXACT or (after < before) == (name in _MAXIMA):
            narrowed.append(text)
        else:
            widened.append(text)
    return narrowed, widened


def place_changes(old: Place, new: Place, direction: Direction) -> Iterator[tuple[str, bool]]:
    """Each difference between two versions of one field or parameter: (detail, breaking)."""
    reading = direction is Direction.RESPONSE
    if old.required != new.required:
        if new.required:
            yield "now required", not reading
        else:
            yield "no longer required" + (": may be left out" if reading else ""), reading
    lost = sorted(kind for kind in old.types if not _covers(new.types, kind))
    gained = sorted(kind for kind in new.types if not _covers(old.types, kind))
    if lost or (new.types and not old.types):
        yield f"type narrowed: {old.describe()} -> {new.describe()}", not reading
    if gained or (old.types and not new.types):
        yield f"type widened: {old.describe()} -> {new.describe()}", reading
    if old.format != new.format:
        yield f"format {old.format} -> {new.format}", True
    if old.enum != new.enum:
        dropped = sorted((old.enum or set()) - (new.enum or set())) if new.enum is not None else []
        added = sorted((new.enum or set()) - (old.enum or set())) if old.enum is not None else []
        if new.enum is not None and (old.enum is None or dropped):
            yield f"enum lost {', '.join(dropped) or 'values (now limited)'}", not reading
        if added or (old.enum is not None and new.enum is None):
            yield f"enum gained {', '.join(added) or 'every value (no longer limited)'}", reading
    narrowed, widened = _narrowed_limits(old, new)
    for text in narrowed:
        yield f"limit narrowed: {text}", not reading
    for text in widened:
        yield f"limit widened: {text}", False


def _places(
    what: str,
    operation_id: str,
    old: Mapping[str, Place],
    new: Mapping[str, Place],
    direction: Direction,
) -> Iterator[Change]:
    for name in sorted(old.keys() | new.keys()):
        subject = f"{operation_id} {name}"
        before, after = old.get(name), new.get(name)
        if after is None:
            yield Change(Side.WIRE, Kind.REMOVED, what, subject, "", breaking=True)
        elif before is None:
            breaking = direction is Direction.REQUEST and after.required
            yield Change(Side.WIRE, Kind.ADDED, what, subject, after.describe(), breaking)
        else:
            for detail, breaking in place_changes(before, after, direction):
                yield Change(Side.WIRE, Kind.CHANGED, what, subject, detail, breaking)


def _sets(
    what: str, subject: str, old: set[str], new: set[str], *, breaking_to_add: bool = False
) -> Iterator[Change]:
    for name in sorted(old - new):
        yield Change(Side.WIRE, Kind.REMOVED, what, f"{subject} {name}", "", breaking=True)
    for name in sorted(new - old):
        yield Change(Side.WIRE, Kind.ADDED, what, f"{subject} {name}", "", breaking_to_add)


def _request_changes(op_id: str, old: OperationFacts, new: OperationFacts) -> Iterator[Change]:
    yield from _places("parameter", op_id, old.parameters, new.parameters, Direction.REQUEST)
    if old.body_required is not None and new.body_required is None:
        yield Change(Side.WIRE, Kind.REMOVED, "request body", op_id, "", breaking=True)
        return  # and with it every request field
    if new.body_required and not old.body_required:
        yield Change(Side.WIRE, Kind.CHANGED, "request body", op_id, "now required", True)
    yield from _sets("request media type", op_id, old.request_media_types, new.request_media_types)
    yield from _places(
        "request field", op_id, old.request_fields, new.request_fields, Direction.REQUEST
    )


def _response_changes(op_id: str, old: OperationFacts, new: OperationFacts) -> Iterator[Change]:
    yield from _sets("status", op_id, set(old.statuses), set(new.statuses))
    # A status that came or went is one change, not one more per field of its body.
    for status in sorted(old.statuses.keys() & new.statuses.keys()):
        subject = f"{op_id} {status}"
        yield from _sets("response media type", subject, old.statuses[status], new.statuses[status])
        yield from _places(
            "response field",
            subject,
            old.response_fields[status],
            new.response_fields[status],
            Direction.RESPONSE,
        )


def _operation_changes(op_id: str, old: OperationFacts, new: OperationFacts) -> Iterator[Change]:
    if old.endpoint != new.endpoint:
        yield Change(
            Side.WIRE, Kind.CHANGED, "operation", op_id, f"{old.endpoint} -> {new.endpoint}", True
        )
    yield from _request_changes(op_id, old, new)
    yield from _response_changes(op_id, old, new)


def wire_changes(old_spec: JsonObject, new_spec: JsonObject) -> list[Change]:
    """Every wire change from ``old_spec`` to ``new_spec``, breaking or not."""
    old, new = wire_facts(old_spec), wire_facts(new_spec)
    changes: list[Change] = []
    for op_id in sorted(old.keys() | new.keys()):
        if op_id not in new:
            changes.append(Change(Side.WIRE, Kind.REMOVED, "operation", op_id, "", True))
        elif op_id not in old:
            changes.append(Change(Side.WIRE, Kind.ADDED, "operation", op_id, new[op_id].endpoint))
        else:
            changes.extend(_operation_changes(op_id, old[op_id], new[op_id]))
    return changes
