"""The docs stay true: their links resolve, the files they name exist, the README stays
short, nothing cites a file outside the repository, the README's examples and the
benchmarks' table are what their commands give, and the suite page lists the planted
faults and conformant variations the kill matrix runs.

Guards proved by hand: a link to `docs/nowhere.md`, an anchor `#no-such-section`, a
backticked `tests/contract/no_such_module.py`, a 121st README line, a comment citing
the team's notes file, a README client example reading a variable the test does not
set, one changed figure in the benchmarks' table, and a fault left out of the suite
page's catalogue each made one of these tests fail.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.ratios import Spread
from benchmarks.report import Figure, Result, Target, table
from fault_lab.faults import FAULTS, VARIATIONS
from fault_lab.own_view_faults import OWN_VIEW_FAULTS
from reference_server.launcher import RunningServer, start_server

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PAGES = (
    README,
    ROOT / "ARCHITECTURE.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "CHANGELOG.md",
    *sorted((ROOT / "docs").glob("*.md")),
)
README_MAX_LINES = 120
BENCHMARKS_PAGE = ROOT / "docs" / "benchmarks.md"
BENCHMARKS_JSON = ROOT / "docs" / "benchmarks.json"
SUITE_PAGE = ROOT / "docs" / "suite.md"
TICKET_WAIT_SECONDS = 10.0

FENCE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
CODE_SPAN = re.compile(r"`([^`\n]+)`")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
# A repository path: two or more segments of plain file-name characters.
PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+/?")


def tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return listed.splitlines()


TRACKED = tracked_files()
TOP_LEVEL = {name.split("/", 1)[0] for name in TRACKED}


def prose(page: Path) -> str:
    """The page without its fenced code blocks, where links and paths are not markup."""
    return FENCE.sub("", page.read_text(encoding="utf-8"))


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found: set[str] = set()
    for heading in HEADING.findall(prose(page)):
        anchor, number = slug(heading), 1
        while anchor in found:
            anchor, number = f"{slug(heading)}-{number}", number + 1
        found.add(anchor)
    return found


def broken_links(page: Path) -> Iterator[str]:
    for target in LINK.findall(prose(page)):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        if not linked.exists():
            yield f"{page.name}: {target} (no such file)"
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            yield f"{page.name}: {target} (no such section)"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_resolves(page: Path) -> None:
    assert list(broken_links(page)) == []


def named_paths(page: Path) -> Iterator[str]:
    """Backticked repository paths in the page's prose: those under a tracked top level."""
    for span in CODE_SPAN.findall(prose(page)):
        if PATH.fullmatch(span) and span.split("/", 1)[0] in TOP_LEVEL:
            yield span


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_named_file_exists(page: Path) -> None:
    missing = [path for path in named_paths(page) if not (ROOT / path).exists()]
    assert missing == []


def test_the_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES


def test_nothing_cites_a_file_outside_the_repository() -> None:
    # Spelled in two parts, so that this test does not cite it either.
    outside = ("FACTS" + ".md", "shared/" + "reference")
    citing = []
    for name in TRACKED:
        path = ROOT / name
        if not path.is_file() or path.suffix in {".png", ".sqlite3"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        citing += [f"{name}: {cited}" for cited in outside if cited in text]
    assert citing == []


def code_blocks(page: Path, language: str) -> list[str]:
    return [
        body
        for found, body in CODE_BLOCK.findall(page.read_text(encoding="utf-8"))
        if found == language
    ]


def readme_command(start: str) -> list[str]:
    """The README's one shell command that starts with ``start``, as words."""
    [line] = [
        line
        for block in code_blocks(README, "sh")
        for line in block.splitlines()
        if line.startswith(start)
    ]
    return shlex.split(line)


def test_the_readme_spec_example_prints_what_it_shows() -> None:
    python, *arguments = readme_command("python -c")
    printed = subprocess.run(
        [sys.executable, *arguments], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert python == "python"
    assert printed in code_blocks(README, "text")


@pytest.fixture(scope="module")
def readme_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The README's server command, on a free port and a temporary database."""
    words = readme_command("python -m reference_server")
    options = words[3:]
    for option in ("--database", "--port"):
        at = options.index(option)
        del options[at : at + 2]
    database = tmp_path_factory.mktemp("readme") / "credentials.sqlite3"
    with start_server(database=database, args=options) as server:
        yield server


def printed_ticket(server: RunningServer) -> str:
    """The development ticket the server printed, as the README tells the reader to use.

    It is printed just after the ready line, so it may take a moment to arrive.
    """
    deadline = time.monotonic() + TICKET_WAIT_SECONDS
    while (found := re.search(r"Authorization: SOTicket (\S+)", server.output())) is None:
        assert time.monotonic() < deadline, server.output()
        time.sleep(0.05)
    return found.group(1)


def test_the_readme_client_example_saves_and_reads_back(
    readme_server: RunningServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SUPEROFFICE_URL", readme_server.base_url)
    monkeypatch.setenv("SUPEROFFICE_TICKET", printed_ticket(readme_server))
    monkeypatch.setenv("MAILBOX_PASSWORD", "readme-mailbox-password")
    [example] = code_blocks(README, "python")

    exec(compile(example, str(README), "exec"), {"__name__": "readme"})

    assert capsys.readouterr().out == "['imap.example.com:993/support@example.com']\n"


def reported_results(document: dict[str, Any]) -> list[Result]:
    """The benchmarks' results as the JSON they wrote holds them."""

    def target(text: str | None) -> Target | None:
        if text is None:
            return None
        comparison, bound = text.split()
        return Target(comparison, float(bound))

    return [
        Result(
            result["id"],
            result["measure"],
            result["rounds"],
            [
                Figure(
                    figure["name"],
                    Spread(figure["median"], figure["min"], figure["max"]),
                    target(figure["target"]),
                )
                for figure in result["figures"]
            ],
            result["settings"],
        )
        for result in document["results"]
    ]


def test_the_benchmarks_table_is_what_the_benchmarks_printed() -> None:
    document = json.loads(BENCHMARKS_JSON.read_text(encoding="utf-8"))
    page = BENCHMARKS_PAGE.read_text(encoding="utf-8")
    shown = re.search(r"<!-- benchmarks-table -->\n(.*?)\n<!-- /benchmarks-table -->", page, re.S)
    assert shown is not None
    assert shown.group(1) == table(reported_results(document))


def table_rows(page: Path, header: str) -> list[list[str]]:
    """The cells of every row of the page's tables whose header row starts ``header``."""
    rows: list[list[str]] = []
    lines = iter(prose(page).splitlines())
    for line in lines:
        if line.startswith(header):
            next(lines)  # the |---| line
            for row in lines:
                if not row.startswith("|"):
                    break
                rows.append([cell.strip() for cell in row.strip("|").split("|")])
    return rows


def test_the_suite_page_lists_the_fault_catalogue() -> None:
    # The kill matrix's faults, and those of the caller's own view, which the model
    # harness runs (tests/contract_tests/model/test_planted_faults.py).
    listed = {(row[0], row[-1]) for row in table_rows(SUITE_PAGE, "| fault |")}
    assert listed == {(fault.name, fault.caught_by) for fault in (*FAULTS, *OWN_VIEW_FAULTS)}


def test_the_suite_page_lists_the_conformant_variations() -> None:
    listed = {row[0] for row in table_rows(SUITE_PAGE, "| variation |")}
    assert listed == {variation.name for variation in VARIATIONS}


def test_the_kill_matrix_totals_shown_are_the_catalogue_s() -> None:
    servers = len(VARIATIONS) + 1  # and the clean reference server
    shown = [block for block in code_blocks(SUITE_PAGE, "text") if "faults killed" in block]
    assert shown == [
        f"{len(FAULTS)}/{len(FAULTS)} faults killed by their check (100%)\n"
        f"{servers}/{servers} conformant servers passed (variations and the clean one)\n"
    ]
