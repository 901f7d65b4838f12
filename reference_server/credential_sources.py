"""Credentials for the server from a file or an environment variable, not only from flags.

A flag's value shows in every process list (``ps``) and in shell history. The file and
the variable hold the same flags as the command line (``--basic qa:password``, one or
more per line, ``#`` starts a comment), read with shell quoting rules, so what works as
flags works there unchanged. Only the credential flags are allowed in them.
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Mapping
from pathlib import Path

CREDENTIALS_ENV_VAR = "REFERENCE_SERVER_CREDENTIALS"


def credential_arguments(file: Path | None, environ: Mapping[str, str]) -> list[str]:
    """The credential flags held by ``environ``'s variable, then by ``file``.

    ValueError (naming the source, never its text) when one cannot be read or parsed.
    """
    sources = [(CREDENTIALS_ENV_VAR, environ.get(CREDENTIALS_ENV_VAR, ""))]
    if file is not None:
        try:
            sources.append((str(file), file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"{file}: cannot read it ({type(error).__name__})") from None
    arguments: list[str] = []
    for name, text in sources:
        try:
            arguments += shlex.split(text, comments=True)
        except ValueError:
            # shlex's message quotes nothing, but say only where: the text is secret.
            raise ValueError(f"{name}: unbalanced quotes") from None
    return arguments


class RefusingParser(argparse.ArgumentParser):
    """Raises ValueError instead of printing usage and exiting: the caller names the source."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)
