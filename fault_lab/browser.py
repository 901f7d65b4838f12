"""Open a page in headless Chromium (Debian's package): its screenshot, and its text once
its scripts ran.

Each call gets a fresh profile folder and no network features, so nothing of one run
or of the machine's own browser leaks into another.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM = "chromium"
# What a machine without the browser needs, said in one line instead of a traceback.
MISSING = f"no `{CHROMIUM}` on PATH: install it with `apt-get install chromium`"
QUIET_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
WINDOW_SIZE = "1280,1000"
BROWSER_TIMEOUT_SECONDS = 120
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
INVISIBLE_ELEMENTS = frozenset({"script", "style", "template", "head"})


def _chromium(page: Path, *flags: str) -> subprocess.CompletedProcess[bytes]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(MISSING, pytrace=False)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run(
            [CHROMIUM, *QUIET_FLAGS, f"--user-data-dir={profile}", *flags, page.resolve().as_uri()],
            capture_output=True,
            timeout=BROWSER_TIMEOUT_SECONDS,
            check=True,
        )


def screenshot(page: Path, png: Path) -> None:
    _chromium(page, f"--screenshot={png}", f"--window-size={WINDOW_SIZE}")


def rendered_text(page: Path) -> str:
    """The page's visible text, from the DOM as it is after its scripts ran."""
    dom = _chromium(page, "--dump-dom", f"--window-size={WINDOW_SIZE}").stdout.decode("utf-8")
    reader = _VisibleText()
    reader.feed(dom)
    return " ".join(" ".join(reader.parts).split())


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in INVISIBLE_ELEMENTS

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in INVISIBLE_ELEMENTS and self._hidden > 0

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def distinct_pixel_bytes(png: Path) -> int:
    """How many different byte values the image's pixel rows hold: 1 or 2 for a blank image."""
    data = png.read_bytes()
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError(f"{png} is not a PNG file")
    position, compressed = len(PNG_SIGNATURE), b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            compressed += data[position + 8 : position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(compressed)))
