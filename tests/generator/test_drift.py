"""tree_diff, the comparison behind `nox -s check_generated`, reports every drift.

`nox -s check_generated` (a default session) regenerates the client and compares it with
the committed generated_client/; a fresh generation there, made by another process than
the one that generated the committed tree, also shows that the output is deterministic.
So these tests do not generate: they check that the comparison misses no kind of drift,
with the committed tree on both sides.

Guard proved by hand: with tree_diff returning "" unconditionally,
test_a_hand_edit_is_reported_as_a_diff and test_added_and_removed_files_are_reported
fail; a real hand edit of generated_client/ (a line appended to types.py) made
`nox -s check_generated` fail with that line in its diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import CLIENT_DIR
from generator.drift import tree_diff


@pytest.fixture
def committed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / CLIENT_DIR.name
    shutil.copytree(CLIENT_DIR, copy)
    return copy


def test_identical_trees_have_no_diff(committed_copy: Path) -> None:
    assert tree_diff(CLIENT_DIR, committed_copy) == ""


def test_a_hand_edit_is_reported_as_a_diff(committed_copy: Path) -> None:
    edited = committed_copy / "superoffice_webapi_client" / "client.py"
    edited.write_text(edited.read_text().replace("repr=False", "repr=True", 1))
    diff = tree_diff(CLIENT_DIR, committed_copy)
    assert "superoffice_webapi_client/client.py" in diff
    lines = diff.splitlines()
    assert any(line.startswith("-") and "repr=False" in line for line in lines)
    assert any(line.startswith("+") and "repr=True" in line for line in lines)


def test_added_and_removed_files_are_reported(committed_copy: Path) -> None:
    (committed_copy / "superoffice_webapi_client" / "types.py").unlink()
    (committed_copy / "superoffice_webapi_client" / "extra.py").write_text("x = 1\n")
    diff = tree_diff(CLIENT_DIR, committed_copy)
    assert "superoffice_webapi_client/types.py" in diff
    assert "+x = 1" in diff


def test_caches_are_not_drift(committed_copy: Path) -> None:
    cache = committed_copy / "superoffice_webapi_client" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "client.cpython-311.pyc").write_bytes(b"\0")
    assert tree_diff(CLIENT_DIR, committed_copy) == ""
