"""generator/build.py: what surrounds a generation run, without running one.

A whole generation is tested where its output matters: test_bridge.py (an operation
added to the spec) and test_evolving_the_spec.py (a client per spec change);
`nox -s check_generated` compares a fresh one with the committed tree.

Guards proved by hand: with the `version_mismatches` check removed from `generate_into`,
test_generation_refuses_other_tool_versions fails; with `replace_client` copying over
the old tree instead of removing it first,
test_replacing_the_client_drops_files_no_longer_made fails; with `_carry_changelog`
copying nothing, test_the_committed_changelog_goes_along fails; with `_raise_on_problems`
returning at once, test_a_warning_stops_generation fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError

from generator import build, changelog


def test_generation_refuses_other_tool_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mismatch = "ruff 0.0.1 is installed, but pyproject.toml pins another"
    monkeypatch.setattr(build, "version_mismatches", lambda: [mismatch])
    output = tmp_path / "client"
    with pytest.raises(build.GenerationError, match=mismatch):
        build.generate_into(output)
    assert not output.exists()


def test_a_warning_stops_generation() -> None:
    warning = GeneratorError(header="Skipped", detail="a media type", level=ErrorLevel.WARNING)
    with pytest.raises(build.GenerationError, match="Skipped: a media type"):
        build._raise_on_problems([warning])
    build._raise_on_problems([])


def test_the_hooks_run_the_ruff_of_this_environment() -> None:
    assert build.POST_HOOKS
    assert all(hook.startswith(f"{sys.executable} -m ruff ") for hook in build.POST_HOOKS)


def test_replacing_the_client_drops_files_no_longer_made(tmp_path: Path) -> None:
    client = tmp_path / "generated_client"
    (client / "old").mkdir(parents=True)
    (client / "old" / "gone.py").write_text("", encoding="utf-8")
    fresh = tmp_path / "fresh"
    (fresh / "new").mkdir(parents=True)
    (fresh / "new" / "made.py").write_text("x = 1\n", encoding="utf-8")
    build.replace_client(fresh, client)
    assert sorted(p.relative_to(client).as_posix() for p in client.rglob("*.py")) == ["new/made.py"]


def test_the_committed_changelog_goes_along(tmp_path: Path) -> None:
    committed = build.CLIENT_DIR / changelog.FILE_NAME
    build._carry_changelog(tmp_path)
    assert (tmp_path / changelog.FILE_NAME).read_text(encoding="utf-8") == committed.read_text(
        encoding="utf-8"
    )
