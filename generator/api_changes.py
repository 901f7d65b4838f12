"""The Python side of the change report: the generated package's public API, old to new.

griffe finds what breaks a caller (``griffe.find_breaking_changes``: a removed object,
a parameter removed, moved, made required or keyword-only, a new required one). What
it does not report is read from the same griffe models here: what was added, and an
annotation that changed (griffe leaves those out; a model's field is read as well as
set, so any change of its type may break a caller, and is reported as breaking).

A model's fields and its constructor's parameters are one thing to a caller, so a
finding about the parameter ``note`` of ``UntrustedCredentials.__init__`` is reported
on the field ``models.UntrustedCredentials.note``; and objects are named the way a
caller imports them (``models.UntrustedCredentials``, not the module that defines it).
"""

from __future__ import annotations

from collections.abc import Iterator

import griffe

from generator.change_report import Change, Kind, Side
from generator.client_api import public_objects

_REMOVED = frozenset({griffe.BreakageKind.OBJECT_REMOVED, griffe.BreakageKind.PARAMETER_REMOVED})
_ENUM_BASES = frozenset({"Enum", "StrEnum", "IntEnum"})


def _is_enum(obj: object) -> bool:
    return isinstance(obj, griffe.Class) and any(
        str(base).rsplit(".", 1)[-1] in _ENUM_BASES for base in obj.bases
    )


def _is_model(obj: object) -> bool:
    """A class of the package's ``models``: its constructor's parameters are its fields."""
    return isinstance(obj, griffe.Class) and ".models." in obj.path


def _model_constructor(obj: griffe.Object | griffe.Alias) -> bool:
    return obj.name == "__init__" and isinstance(obj, griffe.Function) and _is_model(obj.parent)


def _what(obj: griffe.Object | griffe.Alias) -> str:
    if isinstance(obj, griffe.Module):
        return "module"
    if isinstance(obj, griffe.Class):
        return "enum" if _is_enum(obj) else "model" if _is_model(obj) else "class"
    if isinstance(obj, griffe.Function):
        return "function"
    if _is_enum(obj.parent):
        return "enum value"
    return "field" if _is_model(obj.parent) else "attribute"


class Names:
    """Names objects as a caller imports them: a re-export's path replaces the definition's."""

    def __init__(self, package: griffe.Module) -> None:
        self.package = package.name
        self.exported: dict[str, str] = {}
        self._collect(package)

    def _collect(self, module: griffe.Module) -> None:
        for member in module.members.values():
            if isinstance(member, griffe.Alias) and member.is_public:
                known = self.exported.get(member.target_path)
                if known is None or len(member.path) < len(known):
                    self.exported[member.target_path] = member.path
            elif isinstance(member, griffe.Module):
                self._collect(member)

    def __call__(self, obj: griffe.Object | griffe.Alias) -> str:
        path = obj.path
        parts = path.split(".")
        for end in range(len(parts), 0, -1):
            exported = self.exported.get(".".join(parts[:end]))
            if exported is not None:
                path = ".".join([exported, *parts[end:]])
                break
        return path.removeprefix(f"{self.package}.")


def _owner(function: griffe.Object | griffe.Alias) -> griffe.Object | griffe.Alias:
    """The class of a constructor; any other function itself."""
    parent = function.parent
    return parent if function.name == "__init__" and parent is not None else function


def _kind(parameter: griffe.Parameter) -> str:
    return parameter.kind.value if parameter.kind is not None else "unknown kind"


def _parameter_subject(function: griffe.Object | griffe.Alias, name: Names, parameter: str) -> str:
    """``Client(timeout)`` for a constructor's parameter, ``module.sync(timeout)`` otherwise."""
    return f"{name(_owner(function))}({parameter})"


def _breakage_change(breakage: griffe.Breakage, name: Names) -> Change:
    obj = breakage.obj
    parameter = breakage.old_value if breakage.old_value is not None else breakage.new_value
    if breakage.kind in _REMOVED:
        kind, detail = Kind.REMOVED, ""
    elif breakage.kind is griffe.BreakageKind.PARAMETER_ADDED_REQUIRED:
        kind, detail = Kind.ADDED, f"required, {_annotation(breakage.new_value)}"
    else:
        kind, detail = Kind.CHANGED, breakage.kind.value.lower()
        if isinstance(breakage.old_value, griffe.Parameter):
            old, new = breakage.old_value, breakage.new_value
            if breakage.kind is griffe.BreakageKind.PARAMETER_CHANGED_KIND:
                detail = f"{_kind(old)} -> {_kind(new)}"
            elif breakage.kind is griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT:
                detail = f"default {old.default} -> {new.default}"
    if isinstance(parameter, griffe.Parameter):
        if _model_constructor(obj):
            field = f"{name(_owner(obj))}.{parameter.name}"
            return Change(Side.PYTHON, kind, "field", field, detail, True)
        subject = _parameter_subject(obj, name, parameter.name)
        return Change(Side.PYTHON, kind, "parameter", subject, detail, True)
    return Change(Side.PYTHON, kind, _what(obj), name(obj), detail, True)


def breakages(old: griffe.Module, new: griffe.Module) -> Iterator[Change]:
    """What griffe finds breaking, old to new.

    The parameters of one constructor or function that changed kind the same way are
    one line: making a model keyword-only is one change to its callers, not one per field.
    """
    name = Names(old)
    kind_changes: dict[tuple[str, str, str], list[str]] = {}
    for breakage in griffe.find_breaking_changes(old, new):
        change = _breakage_change(breakage, name)
        if breakage.kind is griffe.BreakageKind.PARAMETER_CHANGED_KIND:
            owner = _owner(breakage.obj) if _model_constructor(breakage.obj) else breakage.obj
            key = (_what(owner), name(owner), change.detail)
            kind_changes.setdefault(key, []).append(breakage.old_value.name)
        else:
            yield change
    for (what, subject, detail), parameters in kind_changes.items():
        listed = ", ".join(sorted(parameters))
        yield Change(Side.PYTHON, Kind.CHANGED, what, subject, f"{listed}: {detail}", breaking=True)


def _annotation(obj: griffe.Object | griffe.Parameter) -> str:
    """The annotation of an attribute or parameter, the return annotation of a function."""
    annotation = (
        obj.returns if isinstance(obj, griffe.Function) else getattr(obj, "annotation", None)
    )
    return "" if annotation is None else str(annotation)


def additions_and_retypes(old: griffe.Module, new: griffe.Module) -> Iterator[Change]:
    """What was added, and the annotations that changed, old to new.

    An added module or class is one change: its members come with it.
    """
    old_name, new_name = Names(old), Names(new)
    before = {old_name(obj): obj for obj in public_objects(old)}
    added: set[str] = set()
    for obj in public_objects(new):
        subject = new_name(obj)
        previous = before.get(subject)
        if _model_constructor(obj):
            continue  # its parameters are the model's fields, reported as such
        if previous is None:
            added.add(obj.path)
            # A member comes with what it is in, unless it is imported from elsewhere
            # (a model from the models package, not from the module that defines it).
            within = obj.parent is not None and obj.parent.path in added
            if not within or obj.path in new_name.exported:
                yield Change(Side.PYTHON, Kind.ADDED, _what(obj), subject, _annotation(obj))
        elif isinstance(obj, griffe.Attribute) and _annotation(previous) != _annotation(obj):
            detail = f"type {_annotation(previous)} -> {_annotation(obj)}"
            yield Change(Side.PYTHON, Kind.CHANGED, _what(obj), subject, detail, breaking=True)
        elif isinstance(obj, griffe.Function) and isinstance(previous, griffe.Function):
            if str(previous.returns) != str(obj.returns):
                detail = f"returns {previous.returns} -> {obj.returns}"
                yield Change(Side.PYTHON, Kind.CHANGED, "function", subject, detail, breaking=True)
            yield from _parameter_changes(previous, obj, new_name)


def _parameter_changes(old: griffe.Function, new: griffe.Function, name: Names) -> Iterator[Change]:
    before = {parameter.name: parameter for parameter in old.parameters}
    for parameter in new.parameters:
        where = _parameter_subject(new, name, parameter.name)
        was = before.get(parameter.name)
        if was is None and not parameter.required:
            yield Change(Side.PYTHON, Kind.ADDED, "parameter", where, "optional")
        elif was is not None and _annotation(was) != _annotation(parameter):
            detail = f"type {_annotation(was)} -> {_annotation(parameter)}"
            yield Change(Side.PYTHON, Kind.CHANGED, "parameter", where, detail, breaking=True)


def api_changes(old: griffe.Module, new: griffe.Module) -> list[Change]:
    """Every change of the public API, old to new (not yet merged: see change_report.merged)."""
    return [*breakages(old, new), *additions_and_retypes(old, new)]
