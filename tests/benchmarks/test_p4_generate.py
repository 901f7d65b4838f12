"""P4 refuses to time nox without uv: it would measure pip's check of the lock instead."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks import p4_generate
from benchmarks.cli import main


def test_p4_without_uv_on_path_stops_with_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(p4_generate, "TOOLS", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))

    assert main(["--only", "P4", "--output", str(tmp_path / "bench.json")]) == 1

    errors = capsys.readouterr().err.splitlines()
    assert errors[-1].startswith("P4: cannot run: "), errors
    assert "no uv on PATH" in errors[-1]
    assert "requirements/bootstrap.txt" in errors[-1]
    assert not (tmp_path / "bench.json").exists()


def test_p4_finds_uv_beside_the_benchmarks_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uv = tmp_path / "uv"
    uv.write_text("#!/bin/sh\n", encoding="utf-8")
    uv.chmod(0o755)
    monkeypatch.setattr(p4_generate, "TOOLS", tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")

    assert p4_generate.path_with_tools().split(os.pathsep)[0] == str(tmp_path)
