"""generator/pins.py: generation refuses tool versions other than the pinned ones.

Guard proved by removing it once by hand: with the version comparison in
version_mismatches replaced by ``if False``, test_another_version_is_reported fails.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

from generator.pins import OUTPUT_TOOLS, pinned_versions, version_mismatches


def write_pyproject(folder: Path, *requirements: str) -> Path:
    pyproject = folder / "pyproject.toml"
    listed = ", ".join(f'"{requirement}"' for requirement in requirements)
    pyproject.write_text(f"[dependency-groups]\ndev = [{listed}]\n", encoding="utf-8")
    return pyproject


def test_this_environment_has_the_pinned_versions() -> None:
    assert set(pinned_versions()) == set(OUTPUT_TOOLS)
    assert version_mismatches() == []


def test_another_version_is_reported(tmp_path: Path) -> None:
    pinned_generator = f"openapi-python-client=={version('openapi-python-client')}"
    pyproject = write_pyproject(tmp_path, pinned_generator, "ruff==0.0.1", "nox==1")
    [mismatch] = version_mismatches(pyproject)
    assert mismatch == f"ruff {version('ruff')} is installed, but pyproject.toml pins 0.0.1"


def test_an_unpinned_tool_is_refused(tmp_path: Path) -> None:
    pyproject = write_pyproject(tmp_path, "openapi-python-client==0.29.1", "ruff>=0.17")
    with pytest.raises(ValueError, match="does not pin ruff"):
        pinned_versions(pyproject)
