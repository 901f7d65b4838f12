"""Hooks of the whole test tree: how pytest-xdist shares the tests among its workers,
and the summaries the workers leave for the end of the session."""

from __future__ import annotations

import pytest
from _pytest.terminal import TerminalReporter

from tests import worker_summaries

SHARED_SCOPES = frozenset({"module", "class"})


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Tests marked slow go first: left for the end, one keeps a worker busy while the
    # others have nothing left to do.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    # Under `--dist loadgroup`, tests that share a module-scoped fixture (a server, a
    # suite run, a fresh environment) go to one worker, which makes the fixture once.
    # tryfirst: pytest-xdist reads the groups in its own hook of the same name. Without
    # pytest-xdist (`-p no:xdist`) the marker is unknown, and --strict-markers refuses it.
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        shared = sorted(
            name
            for name, definitions in item._fixtureinfo.name2fixturedefs.items()
            if definitions[-1].scope in SHARED_SCOPES
        )
        if shared:
            item.add_marker(pytest.mark.xdist_group(f"{item.module.__name__}:{'+'.join(shared)}"))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: worker_summaries.WorkerNode, error: object) -> None:
    worker_summaries.gather(node)


def pytest_terminal_summary(terminalreporter: TerminalReporter, config: pytest.Config) -> None:
    for title, text in worker_summaries.sections(config).items():
        terminalreporter.write_sep("=", title)
        terminalreporter.write_line(text)
