"""Look for secrets in any text the server produced."""

from __future__ import annotations

from collections.abc import Iterable


def leaked(secret_values: Iterable[str], *texts: str) -> list[str]:
    """The secret values that occur in any of ``texts``."""
    return sorted({value for value in secret_values if any(value in text for text in texts)})
