"""Sections a test session prints at its end, also when pytest-xdist workers made them.

A worker's terminal output is never shown, so a worker also hands its sections to the
controller in its ``workeroutput``; the controller prints each title once.
"""

from __future__ import annotations

from typing import Protocol

import pytest

SECTIONS_KEY = pytest.StashKey[dict[str, str]]()
# The key in pytest-xdist's workeroutput, which goes from each worker to the controller.
WORKER_OUTPUT_KEY = "tests_summary_sections"


class WorkerNode(Protocol):
    """What the controller's pytest_testnodedown hook is given of a finished worker."""

    config: pytest.Config


def add(config: pytest.Config, title: str, text: str) -> None:
    """Print ``text`` under ``title`` at the end of the session."""
    config.stash.setdefault(SECTIONS_KEY, {})[title] = text
    worker_output = getattr(config, "workeroutput", None)
    if worker_output is not None:
        worker_output.setdefault(WORKER_OUTPUT_KEY, {})[title] = text


def gather(node: WorkerNode) -> None:
    """Keep the sections of a worker that finished (one that crashed has no workeroutput)."""
    sections = getattr(node, "workeroutput", {}).get(WORKER_OUTPUT_KEY, {})
    node.config.stash.setdefault(SECTIONS_KEY, {}).update(sections)


def sections(config: pytest.Config) -> dict[str, str]:
    return config.stash.get(SECTIONS_KEY, {})
