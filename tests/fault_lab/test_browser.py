"""browser: a machine without Chromium gets one line saying how to install it.

Seen failing by hand: ``_chromium`` without its ``shutil.which`` guard (a
FileNotFoundError traceback instead of the line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fault_lab import browser


def test_a_missing_chromium_fails_with_one_line_on_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception) as failed:
        browser.rendered_text(tmp_path / "page.html")
    assert str(failed.value) == browser.MISSING
    assert "\n" not in browser.MISSING
    assert "apt-get install" in browser.MISSING
    # Shown without pytest's traceback of this module.
    assert failed.value.pytrace is False
