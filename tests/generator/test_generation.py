"""Regenerating generated_client/: drift detection and deterministic output.

Each test generates with the pinned generator and ruff of this environment (about a
second a run), so the module shares one fresh tree.

Guard proved by hand: with tree_diff returning "" unconditionally,
test_a_hand_edit_is_reported_as_a_diff and test_added_and_removed_files_are_reported
fail; a real hand edit of generated_client/ (a line appended to types.py) made
test_committed_client_is_what_the_generator_makes fail with that line in its diff (and
test_caches_are_not_drift, which starts from a copy of the committed tree).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import CLIENT_DIR, generate_into
from generator.drift import tree_diff


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("fresh") / CLIENT_DIR.name
    generate_into(output)
    return output


@pytest.fixture
def committed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / CLIENT_DIR.name
    shutil.copytree(CLIENT_DIR, copy)
    return copy


def test_committed_client_is_what_the_generator_makes(fresh: Path) -> None:
    diff = tree_diff(fresh, CLIENT_DIR)
    assert diff == "", f"generated_client/ differs; run `nox -s generate`:\n{diff}"


def test_generation_is_deterministic(fresh: Path, tmp_path: Path) -> None:
    second = tmp_path / CLIENT_DIR.name
    generate_into(second)
    assert tree_diff(fresh, second) == ""


def test_a_hand_edit_is_reported_as_a_diff(fresh: Path, committed_copy: Path) -> None:
    edited = committed_copy / "superoffice_webapi_client" / "client.py"
    edited.write_text(edited.read_text().replace("repr=False", "repr=True", 1))
    diff = tree_diff(fresh, committed_copy)
    assert "superoffice_webapi_client/client.py" in diff
    lines = diff.splitlines()
    assert any(line.startswith("-") and "repr=False" in line for line in lines)
    assert any(line.startswith("+") and "repr=True" in line for line in lines)


def test_added_and_removed_files_are_reported(fresh: Path, committed_copy: Path) -> None:
    (committed_copy / "superoffice_webapi_client" / "types.py").unlink()
    (committed_copy / "superoffice_webapi_client" / "extra.py").write_text("x = 1\n")
    diff = tree_diff(fresh, committed_copy)
    assert "superoffice_webapi_client/types.py" in diff
    assert "+x = 1" in diff


def test_caches_are_not_drift(fresh: Path, committed_copy: Path) -> None:
    cache = committed_copy / "superoffice_webapi_client" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "client.cpython-311.pyc").write_bytes(b"\0")
    assert tree_diff(fresh, committed_copy) == ""
