"""The public API of one generated client tree, as griffe reads it without importing it.

Reading the source, not importing it, is what lets an old and a fresh tree of the same
package be compared in one process. griffe does not know what attrs' ``@define`` makes;
:class:`AttrsConstructors` adds each such class's ``__init__`` from its fields, the way
attrs builds it (declaration order, ``kw_only``, ``init=False``, ``alias=``, a private
name without its underscore), so that griffe's own checks see a model's constructor: a
new required field, a removed one, a position that moved.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe

# The attrs API the templates use (upstream's and ours): `define` and `field`.
ATTRS_DEFINE = frozenset({"attrs.define", "attrs.frozen"})
ATTRS_FIELD = frozenset({"attrs.field"})


def _path(expression: object) -> str:
    return str(getattr(expression, "canonical_path", expression))


def _keywords(call: object) -> dict[str, Any]:
    """The keyword arguments of a call expression, by name; {} for anything else."""
    if not isinstance(call, griffe.ExprCall):
        return {}
    return {
        argument.name: argument.value
        for argument in call.arguments
        if isinstance(argument, griffe.ExprKeyword)
    }


def _attrs_decorator(cls: griffe.Class) -> object | None:
    for decorator in cls.decorators:
        value = decorator.value
        function = value.function if isinstance(value, griffe.ExprCall) else value
        if _path(function) in ATTRS_DEFINE:
            return value
    return None


def _parameter(attribute: griffe.Attribute, class_kw_only: bool) -> griffe.Parameter | None:
    """The ``__init__`` parameter attrs makes of one field, or None if it makes none."""
    value = attribute.value
    is_field = isinstance(value, griffe.ExprCall) and _path(value.function) in ATTRS_FIELD
    options = _keywords(value) if is_field else {}
    if str(options.get("init")) == "False":
        return None
    if "factory" in options:
        default: str | griffe.Expr | None = f"{options['factory']}()"
    elif is_field:
        default = options.get("default")
    else:
        default = value
    kw_only = class_kw_only or str(options.get("kw_only")) == "True"
    return griffe.Parameter(
        str(options.get("alias", attribute.name.lstrip("_"))).strip("'\""),
        annotation=attribute.annotation,
        kind=griffe.ParameterKind.keyword_only
        if kw_only
        else griffe.ParameterKind.positional_or_keyword,
        default=default,
    )


class AttrsConstructors(griffe.Extension):
    """Give each ``@attrs.define`` class the ``__init__`` that attrs generates for it."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        decorator = _attrs_decorator(cls)
        if decorator is None or "__init__" in cls.members:
            return
        class_kw_only = str(_keywords(decorator).get("kw_only")) == "True"
        fields = [
            member
            for member in cls.members.values()
            if isinstance(member, griffe.Attribute)
            and member.annotation is not None
            and "instance-attribute" in member.labels
        ]
        made = [_parameter(field, class_kw_only) for field in fields]
        parameters = [parameter for parameter in made if parameter is not None]
        # attrs puts keyword-only parameters after the positional ones, in field order.
        parameters.sort(key=lambda parameter: parameter.kind is griffe.ParameterKind.keyword_only)
        self_parameter = griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)
        cls.set_member(
            "__init__",
            griffe.Function(
                "__init__",
                parent=cls,
                parameters=griffe.Parameters(self_parameter, *parameters),
                returns="None",
            ),
        )


def package_name(client_dir: Path) -> str:
    """The import name of the package in a generated client tree (its pyproject.toml's)."""
    pyproject = tomllib.loads((client_dir / "pyproject.toml").read_text(encoding="utf-8"))
    name: str = pyproject["tool"]["uv"]["build-backend"]["module-name"]
    return name


def client_version(client_dir: Path) -> str:
    """The version a generated client tree was made with (its pyproject.toml's)."""
    pyproject = tomllib.loads((client_dir / "pyproject.toml").read_text(encoding="utf-8"))
    version: str = pyproject["project"]["version"]
    return version


def load_client(client_dir: Path) -> griffe.Module:
    """The generated package of ``client_dir``, read from there only."""
    package = griffe.load(
        package_name(client_dir),
        search_paths=[client_dir],
        extensions=griffe.load_extensions(AttrsConstructors()),
        allow_inspection=False,
        resolve_aliases=True,
        resolve_external=False,
    )
    if not isinstance(package, griffe.Module):
        raise TypeError(
            f"{client_dir}: griffe read {package.path} as {package.kind}, not a package"
        )
    return package


def public_objects(root: griffe.Object) -> Iterator[griffe.Object]:
    """Every public object under ``root`` where it is defined, not where it is re-exported."""
    for member in root.members.values():
        if isinstance(member, griffe.Alias) or not member.is_public:
            continue
        yield member
        if isinstance(member, griffe.Module | griffe.Class):
            yield from public_objects(member)
