"""The walk of docs/evolving-the-spec.md, on copies of the spec.

Each copy is generated into a temporary folder as `nox -s generate` would, and compared
with the committed client and spec as `nox -s version_gate` does. An added optional
field is a non-breaking addition that needs a minor bump; a removed field or a new
required one breaks callers, and the gate fails until the major version is bumped and
the CHANGELOG lists the change. The page's server step runs too: the reference server,
started on the copy, saves and reads back the new field through the fresh client. And
the reports and the CHANGELOG entry the page shows are the ones generated here (an
edited line on the page fails test_the_page_shows_what_the_generator_reports).

Guards proved by hand: with griffe's breakages left out of api_changes (only the
additions), test_a_removed_field_breaks_and_fails_the_gate_without_a_major_bump and
test_a_new_required_field_breaks fail; with Verdict.problems not checking the
CHANGELOG, test_the_gate_passes_with_the_bump_and_the_changelog_entry fails.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import spec_loader
from generator import changelog
from generator.build import CLIENT_DIR, generate_into
from generator.change_report import render
from generator.version_gate import Verdict, verdict
from generator.versions import Bump, bumped, configured_version
from reference_server.launcher import start_server
from spec_loader import JsonObject
from tests.spec_copies import add_a_fourth_operation, spec_copy

# The page's example: an optional note of at most 50 characters on every credential.
NOTE = {"type": "string", "maxLength": 50, "description": "A note about the credentials."}
PAGE = Path(__file__).resolve().parents[2] / "docs" / "evolving-the-spec.md"
TICKET = "7T:evolving-the-spec-ticket"


def credentials(spec: JsonObject) -> JsonObject:
    properties: JsonObject = spec["components"]["schemas"]["UntrustedCredentials"]["properties"]
    return properties


def add_a_note(spec: JsonObject) -> None:
    credentials(spec)["Note"] = NOTE


def remove_the_comment(spec: JsonObject) -> None:
    del credentials(spec)["Comment"]


def require_a_note(spec: JsonObject) -> None:
    add_a_note(spec)
    spec["components"]["schemas"]["UntrustedCredentials"]["required"] = ["Note"]


Edit = Callable[[JsonObject], None]


@dataclasses.dataclass(frozen=True)
class Evolved:
    """A spec copy, the client generated from it, and the gate's verdict on them."""

    spec_file: Path
    client_dir: Path
    verdict: Verdict


@pytest.fixture(scope="module")
def evolve(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Edit], Evolved]:
    made: dict[str, Evolved] = {}

    def run(edit: Edit) -> Evolved:
        if edit.__name__ not in made:
            folder = tmp_path_factory.mktemp(edit.__name__)
            spec_file = spec_copy(folder, "openapi.yaml", edit)
            client_dir = folder / CLIENT_DIR.name
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv(spec_loader.SPEC_ENV_VAR, str(spec_file))
                generate_into(client_dir)
            result = verdict(
                CLIENT_DIR, spec_loader.load_spec(), client_dir, spec_loader.load_spec(spec_file)
            )
            made[edit.__name__] = Evolved(spec_file, client_dir, result)
        return made[edit.__name__]

    return run


def lines(result: Verdict) -> set[str]:
    return {change.line() for change in result.changes}


def test_an_added_optional_field_is_a_non_breaking_addition(
    evolve: Callable[[Edit], Evolved],
) -> None:
    result = evolve(add_a_note).verdict
    # The carrier is in both Saves' requests and in the answers of both Gets and of
    # CreateDefault.
    note = "Note: optional, string, maxLength 50"
    assert lines(result) == {
        "added field models.UntrustedCredentials.note: str | Unset",
        f"added request field SaveUntrustedCredentialsForAssociate Credentials.{note}",
        f"added request field SaveUntrustedCredentials Credentials.{note}",
        f"added response field GetUntrustedCredentialsForAssociate 200 [].{note}",
        f"added response field GetUntrustedCredentials 200 [].{note}",
        f"added response field CreateDefaultUntrustedCredentials 200 {note}",
    }
    assert result.needed is Bump.MINOR
    assert "0 breaking" in render(result.changes, title="report")


def test_an_addition_fails_the_gate_until_the_minor_version_is_bumped(
    evolve: Callable[[Edit], Evolved],
) -> None:
    result = evolve(add_a_note).verdict
    [problem] = result.problems(changelog.read(CLIENT_DIR))
    assert f"a minor bump: version {bumped(configured_version(), Bump.MINOR)} or later" in problem


def test_a_removed_field_breaks_and_fails_the_gate_without_a_major_bump(
    evolve: Callable[[Edit], Evolved],
) -> None:
    result = evolve(remove_the_comment).verdict
    assert "removed field models.UntrustedCredentials.comment [breaking]" in lines(result)
    assert (
        "removed request field SaveUntrustedCredentialsForAssociate Credentials.Comment [breaking]"
        in lines(result)
    )
    assert result.needed is Bump.MAJOR
    assert result.problems(changelog.read(CLIENT_DIR))
    minor = dataclasses.replace(result, new_version=bumped(result.old_version, Bump.MINOR))
    assert minor.problems(changelog.read(CLIENT_DIR))


def test_a_new_required_field_breaks(evolve: Callable[[Edit], Evolved]) -> None:
    result = evolve(require_a_note).verdict
    assert "added field models.UntrustedCredentials.note: required, str [breaking]" in lines(result)
    assert any(
        change.line().startswith(
            "added request field SaveUntrustedCredentialsForAssociate Credentials.Note: required"
        )
        and change.breaking
        for change in result.changes
    )
    assert result.problems(changelog.read(CLIENT_DIR))


def test_the_gate_passes_with_the_bump_and_the_changelog_entry(
    evolve: Callable[[Edit], Evolved],
) -> None:
    result = evolve(remove_the_comment).verdict
    major = dataclasses.replace(result, new_version=bumped(result.old_version, Bump.MAJOR))
    committed_log = changelog.read(CLIENT_DIR)
    assert major.problems(committed_log) == [
        f"CHANGELOG.md has no entry for {major.new_version}: run `nox -s generate`."
    ]
    written = changelog.with_entry(committed_log, major.new_version, major.changes)
    assert major.problems(written) == []


def test_a_fourth_operation_is_an_addition(evolve: Callable[[Edit], Evolved]) -> None:
    result = evolve(add_a_fourth_operation).verdict
    assert result.changes
    assert not any(change.breaking for change in result.changes)
    assert result.needed is Bump.MINOR
    assert "added module api.user_agent.remove_untrusted_credentials_for_associate_again" in lines(
        result
    )


# Run by the fresh client, which cannot be imported here beside the installed one.
SAVE_AND_READ_BACK = textwrap.dedent(
    """
    import sys
    from superoffice_webapi_client import AuthenticatedClient, servers
    from superoffice_webapi_client.api.user_agent import (
        get_untrusted_credentials_for_associate as get,
        save_untrusted_credentials_for_associate as save,
    )
    from superoffice_webapi_client.models import (
        GetUntrustedCredentialsForAssociateRequest,
        SaveUntrustedCredentialsForAssociateRequest,
        UntrustedCredentials,
    )

    host, ticket = sys.argv[1:]
    client = AuthenticatedClient(base_url=servers.reference(host), token=ticket, prefix="SOTicket")
    with client:
        save.sync(
            client=client,
            body=SaveUntrustedCredentialsForAssociateRequest(
                associate_id=42,
                type_="imap",
                credentials=UntrustedCredentials(public_value="a", note="shared mailbox"),
            ),
        )
        [saved] = get.sync(
            client=client,
            body=GetUntrustedCredentialsForAssociateRequest(associate_id=42, type_="imap"),
        )
    print(saved.note)
    """
)


@pytest.mark.slow
def test_the_reference_server_serves_the_new_field_to_the_new_client(
    evolve: Callable[[Edit], Evolved], tmp_path: Path
) -> None:
    evolved = evolve(add_a_note)
    env = {spec_loader.SPEC_ENV_VAR: str(evolved.spec_file)}
    args = ["--ticket", TICKET]
    with start_server(database=tmp_path / "db.sqlite3", args=args, env=env) as running:
        host = running.base_url.removeprefix("http://")
        ran = subprocess.run(
            [sys.executable, "-c", SAVE_AND_READ_BACK, host, TICKET],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(evolved.client_dir)},
            timeout=60,
            check=False,
        )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "shared mailbox"


def blocks_on_the_page(marker: str) -> list[str]:
    blocks = re.findall(
        r"```(?:text|markdown)\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL
    )
    found = [block for block in blocks if marker in block]
    assert found, f"no sample output on {PAGE.name} shows {marker!r}"
    return found


@pytest.mark.parametrize(
    ("edit", "marker"),
    [
        (add_a_note, "models.UntrustedCredentials.note"),
        (remove_the_comment, "models.UntrustedCredentials.comment"),
    ],
)
def test_the_page_shows_what_the_generator_reports(
    evolve: Callable[[Edit], Evolved], edit: Edit, marker: str
) -> None:
    result = evolve(edit).verdict
    reported = {f"    {change.line()}" for change in result.changes}
    entry = {changelog.bullet(change) for change in result.changes}
    for block in blocks_on_the_page(marker):
        shown = {line for line in block.splitlines() if line.startswith(("    ", "- "))}
        assert shown in (reported, entry), block
