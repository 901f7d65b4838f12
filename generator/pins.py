"""The versions of the tools that shape the output must be the ones pyproject.toml pins.

The generated tree depends on the exact openapi-python-client and ruff. Run with other
versions, `nox -s generate` would rewrite generated_client/ and `check_generated` would
fail with a large diff that does not say why; this says why before generating.
"""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

OUTPUT_TOOLS = ("openapi-python-client", "ruff")
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def pinned_versions(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """The ``name==version`` pins of the output tools in the dev dependency group."""
    requirements = tomllib.loads(pyproject.read_text(encoding="utf-8"))["dependency-groups"]["dev"]
    pins: dict[str, str] = {}
    for requirement in requirements:
        name, pinned, pinned_version = requirement.partition("==")
        if pinned and name.strip() in OUTPUT_TOOLS:
            pins[name.strip()] = pinned_version.strip()
    unpinned = sorted(set(OUTPUT_TOOLS) - set(pins))
    if unpinned:
        raise ValueError(f"{pyproject} does not pin {', '.join(unpinned)} with ==")
    return pins


def version_mismatches(pyproject: Path = PYPROJECT) -> list[str]:
    """One line per output tool whose installed version is not the pinned one."""
    return [
        f"{tool} {version(tool)} is installed, but {pyproject.name} pins {pinned}"
        for tool, pinned in pinned_versions(pyproject).items()
        if version(tool) != pinned
    ]
