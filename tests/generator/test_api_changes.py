"""generator/api_changes.py: the public Python API of two generated packages, old to new.

Two small packages shaped like the generated one (an attrs model re-exported from
``models``, an endpoint function) are read by griffe the way generator/client_api.py
reads a client, without generating one.

Guards proved by hand: with `_breakage_change` no longer naming a model constructor's
parameter as the model's field, test_a_removed_field_is_one_breaking_change fails; with
the kind changes no longer grouped in `breakages`,
test_parameters_made_keyword_only_are_one_change fails; with the annotation comparison
removed from `additions_and_retypes`, test_a_retyped_field_breaks fails.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping

import griffe
import pytest

from generator.api_changes import api_changes
from generator.change_report import Change, Kind, Side, merged
from generator.client_api import AttrsConstructors

MODELS = "from pkg.models.thing import Thing\n\n__all__ = ['Thing']\n"
OLD = {
    "__init__.py": "",
    "models/__init__.py": MODELS,
    "models/thing.py": (
        "from attrs import define\n\n"
        "@define\nclass Thing:\n    name: str\n    note: str | None = None\n"
    ),
    "api.py": (
        "def sync(client: object, timeout: float = 5.0, size: int = 1) -> int:\n    return 0\n"
    ),
}
NEW = {
    **OLD,
    "models/thing.py": (
        "from attrs import define\n\n@define\nclass Thing:\n    name: int\n    kind: str = ''\n"
    ),
    "api.py": (
        "def sync(client: object, *, timeout: float = 5.0, size: int = 1, retries: int = 0)"
        " -> int:\n    return 0\n"
    ),
}


@contextlib.contextmanager
def _package(modules: Mapping[str, str]) -> Iterator[griffe.Module]:
    extensions = griffe.load_extensions(AttrsConstructors())
    with griffe.temporary_visited_package(
        "pkg", modules, extensions=extensions, resolve_aliases=True
    ) as package:
        yield package


@pytest.fixture(scope="module")
def changes() -> Iterator[list[Change]]:
    with _package(OLD) as old, _package(NEW) as new:
        yield merged(api_changes(old, new))


def _python(
    kind: Kind, what: str, subject: str, detail: str = "", breaking: bool = False
) -> Change:
    return Change(Side.PYTHON, kind, what, subject, detail, breaking)


def test_the_same_package_has_no_change() -> None:
    with _package(OLD) as old, _package(OLD) as same:
        assert api_changes(old, same) == []


def test_a_removed_field_is_one_breaking_change(changes: list[Change]) -> None:
    removed = [change for change in changes if change.kind is Kind.REMOVED]
    assert removed == [_python(Kind.REMOVED, "field", "models.Thing.note", breaking=True)]


def test_parameters_made_keyword_only_are_one_change(changes: list[Change]) -> None:
    [kind_change] = [change for change in changes if "keyword-only" in change.detail]
    assert kind_change.subject == "api.sync"
    assert kind_change.detail.startswith("size, timeout: ")
    assert kind_change.breaking


def test_a_retyped_field_breaks(changes: list[Change]) -> None:
    assert (
        _python(Kind.CHANGED, "field", "models.Thing.name", "type str -> int", breaking=True)
        in changes
    )


def test_additions_do_not_break(changes: list[Change]) -> None:
    added = [change for change in changes if change.kind is Kind.ADDED]
    assert added == [
        _python(Kind.ADDED, "parameter", "api.sync(retries)", "optional"),
        _python(Kind.ADDED, "field", "models.Thing.kind", "str"),
    ]
