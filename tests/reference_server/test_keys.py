"""reference_server/keys.py: the encryption key from the environment or a key file.

Seen failing by hand: the key file read before the environment variable
(test_the_environment_comes_before_the_file), the length check in `decode_key` removed
(test_a_key_must_be_base64_of_the_right_length), O_EXCL dropped in `create_key_file`
(test_an_existing_key_file_is_never_replaced), and mode 0o644 at creation
(test_a_missing_key_file_is_created_private).
"""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from reference_server.keys import (
    KEY_BYTES,
    KEY_ENV_VAR,
    KeySourceError,
    create_key_file,
    decode_key,
    default_key_file,
    key_available,
    load_or_create_key,
    read_key,
)

ENV_KEY = b"\x01" * KEY_BYTES
FILE_KEY = b"\x02" * KEY_BYTES


def encoded(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def test_the_default_key_file_is_beside_the_database(tmp_path: Path) -> None:
    assert default_key_file(tmp_path / "db.sqlite3") == tmp_path / "db.sqlite3.key"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not base64!", "not valid base64"),
        (encoded(b"\x00" * (KEY_BYTES - 1)), f"{KEY_BYTES - 1} bytes"),
        (encoded(b"\x00" * (KEY_BYTES + 1)), f"{KEY_BYTES + 1} bytes"),
    ],
)
def test_a_key_must_be_base64_of_the_right_length(text: str, message: str) -> None:
    with pytest.raises(KeySourceError, match=message) as raised:
        decode_key(text, "the source")
    assert str(raised.value).startswith("the source: ")
    assert decode_key(encoded(ENV_KEY) + "\n", "the source") == ENV_KEY


def test_the_environment_comes_before_the_file(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_text(encoded(FILE_KEY))
    assert read_key(key_file, {KEY_ENV_VAR: encoded(ENV_KEY)}) == ENV_KEY
    assert read_key(key_file, {KEY_ENV_VAR: ""}) == FILE_KEY


def test_without_a_key_read_key_says_so_and_creates_nothing(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    assert not key_available(key_file, {})
    with pytest.raises(KeySourceError, match="no key file"):
        read_key(key_file, {})
    assert not key_file.exists()


def test_an_unreadable_key_file_is_named(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_bytes(b"\xff\xfe")
    with pytest.raises(KeySourceError, match="cannot read the key file"):
        read_key(key_file, {})


def test_a_missing_key_file_is_created_private(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    key = load_or_create_key(key_file, {})
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert read_key(key_file, {}) == key
    assert len(key) == KEY_BYTES


def test_a_key_in_the_environment_creates_no_file(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    assert load_or_create_key(key_file, {KEY_ENV_VAR: encoded(ENV_KEY)}) == ENV_KEY
    assert not key_file.exists()


def test_an_existing_key_file_is_never_replaced(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_text(encoded(FILE_KEY))
    create_key_file(key_file)
    assert read_key(key_file, {}) == FILE_KEY


def test_a_key_file_others_may_read_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_text(encoded(FILE_KEY))
    key_file.chmod(0o644)
    assert load_or_create_key(key_file, {}) == FILE_KEY
    assert "readable by other users" in capsys.readouterr().err
