"""Compare two generated trees and describe every difference as a unified diff."""

from __future__ import annotations

import difflib
from pathlib import Path

# Made by tools run on the committed tree (imports, type checks), never by the generator.
_IGNORED_PARTS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})


def _files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file()
        and not _IGNORED_PARTS.intersection(path.relative_to(root).parts)
        and not path.relative_to(root).parts[0].endswith(".egg-info")
    }


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []


def tree_diff(expected: Path, actual: Path) -> str:
    """A unified diff from ``expected`` to ``actual``; empty when the trees are identical.

    A file that exists on one side only shows as added or removed in full.
    """
    chunks: list[str] = []
    for name in sorted(_files(expected) | _files(actual)):
        old, new = _lines(expected / name), _lines(actual / name)
        if old != new or (expected / name).exists() != (actual / name).exists():
            labels = f"{expected.name}/{name}", f"{actual.name}/{name}"
            diff = difflib.unified_diff(old, new, *labels)
            chunks.append("".join(diff) or f"{name}: present on one side only (empty)\n")
    return "".join(chunks)
