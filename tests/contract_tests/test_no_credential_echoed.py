"""No documented command echoes a credential: each one that takes a credential is run the
way the docs show it (from the environment or a file), against a server that makes the
suite report violations with their reproductions, and its output and every file it wrote
are searched for each credential and its Base64 form.

The documented commands: ``superoffice-contract`` (credentials by variable, and by
``--credentials-file``), ``python -m contract_tests``, ``nox -s contract``, plain ``st run``
with ``-H "Authorization: $CONTRACT_AUTHORIZATION"``, and ``python -m reference_server``
(credentials by REFERENCE_SERVER_CREDENTIALS, and by ``--credentials-file``). One more run,
``--unsanitized``, shows that the search finds a credential that is there.

Seen failing by hand: the reference server's access log line with the request's
Authorization header added, and schemathesis.toml's sanitization turned off (plain st run
then printed it in its reproduction and its JUnit report).
"""

from __future__ import annotations

import base64
import re
import secrets
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from contract_tests.report.verdict import SuiteExit
from contract_tests.run.options import FILTERED, OPTIONS, SECRET_OPTIONS
from fault_lab.batch import Credentials
from fault_lab.command_run import (
    FEW,
    ST,
    run,
    run_module,
    run_nox,
    run_script,
)
from fault_lab.fault_servers import serve_reference_app
from fault_lab.faults import fault_named
from fault_lab.planted_fault import STATEFUL_PHASE
from fault_lab.suite_run import ROOT
from reference_server.credential_sources import CREDENTIALS_ENV_VAR
from reference_server.launcher import start_server

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
APP_TOKEN = f"app-token-{secrets.token_urlsafe(16)}"
XSRF_TOKEN = f"xsrf-token-{secrets.token_urlsafe(16)}"
VARIABLE = {option.dest: option.env_var for option in OPTIONS}
GIVEN = {
    VARIABLE["authorization"]: CREDENTIALS.authorization,
    VARIABLE["app_token"]: APP_TOKEN,
    VARIABLE["xsrf_token"]: XSRF_TOKEN,
}
# A fault whose violations are printed with curl reproductions: where a credential would leak.
FAULT = fault_named("error_in_foreign_shape")
DOCUMENTS = (*sorted(ROOT.glob("*.md")), *sorted((ROOT / "docs").glob("*.md")))
CODE_BLOCK = re.compile(r"^```[a-z]*\n(.*?)^```", re.MULTILINE | re.DOTALL)

# The reference server's run: every phase but the stateful one, whose requests (saves,
# reads and removes chained by the spec's links) the server sees from the others too.
ALL_BUT_STATEFUL = ("-k", f"not {STATEFUL_PHASE}")

pytestmark = pytest.mark.slow


def forms(*values: str) -> dict[str, str]:
    """Each secret, and its Base64 form, by a label that does not quote it."""
    found = {}
    for number, value in enumerate(values):
        found[f"secret {number}"] = value
        found[f"secret {number} in Base64"] = base64.b64encode(value.encode()).decode()
    return found


SECRETS = forms(
    CREDENTIALS.password,
    f"{CREDENTIALS.user}:{CREDENTIALS.password}",
    APP_TOKEN,
    XSRF_TOKEN,
)


def leaks(texts: dict[str, str]) -> list[str]:
    return [
        f"{label} in {name}"
        for name, text in texts.items()
        for label, secret in SECRETS.items()
        if secret in text
    ]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("echo-server")
    with serve_reference_app(
        FAULT.wrap, directory, (CREDENTIALS.user, CREDENTIALS.password)
    ) as url:
        yield url


def suite_arguments(url: str) -> tuple[str, ...]:
    return ("--target-url", url, *FEW, "--", "--exitfirst")


def test_superoffice_contract_with_credentials_from_the_environment(
    tmp_path: Path, server_url: str
) -> None:
    done = run_script(*suite_arguments(server_url), folder=tmp_path, env=GIVEN)

    assert done.exit_code == SuiteExit.VIOLATED, done.output[-3000:]
    assert leaks(done.texts()) == []


def test_superoffice_contract_with_a_credentials_file(tmp_path: Path, server_url: str) -> None:
    credentials_file = tmp_path / "credentials.env"
    credentials_file.write_text(
        "".join(f"{name}={value}\n" for name, value in GIVEN.items()), encoding="utf-8"
    )
    run_folder = tmp_path / "run"
    run_folder.mkdir()

    done = run_script(
        "--credentials-file", str(credentials_file), *suite_arguments(server_url), folder=run_folder
    )

    assert done.exit_code == SuiteExit.VIOLATED, done.output[-3000:]
    assert leaks(done.texts()) == []


def test_python_m_contract_tests(tmp_path: Path, server_url: str) -> None:
    done = run_module(*suite_arguments(server_url), folder=tmp_path, env=GIVEN)

    assert done.exit_code == SuiteExit.VIOLATED, done.output[-3000:]
    assert leaks(done.texts()) == []


def test_nox_session(tmp_path: Path, server_url: str) -> None:
    done = run_nox(*suite_arguments(server_url), folder=tmp_path, env=GIVEN)

    assert done.exit_code == SuiteExit.VIOLATED, done.output[-3000:]
    assert leaks(done.texts()) == []


def test_plain_st_run(tmp_path: Path, server_url: str) -> None:
    # As docs/suite.md writes it: the header's value from the environment, by the shell.
    command = (
        f"{shlex.quote(ST)} run openapi/openapi.yaml --url {shlex.quote(server_url)}"
        f' -H "Authorization: ${VARIABLE["authorization"]}"'
        # The spec's examples alone: their error answers come in the fault's shape.
        f" --phases examples --rate-limit 100/s"
        f" --report-dir {shlex.quote(str(tmp_path / 'st-run'))}"
    )

    done = run(("bash", "-c", command), cwd=ROOT, env=GIVEN, folder=tmp_path)

    assert done.exit_code == 1, done.output[-3000:]  # st run's code for failures
    assert FAULT.caught_by in done.output
    assert leaks(done.texts()) == []


def test_reference_server_with_credentials_from_the_environment_and_a_file(
    tmp_path: Path,
) -> None:
    server_folder, run_folder = tmp_path / "server", tmp_path / "run"
    server_folder.mkdir()
    run_folder.mkdir()
    credentials_file = server_folder / "credentials"
    credentials_file.write_text(f"--require-app-token {APP_TOKEN}\n", encoding="utf-8")
    basic = f"{CREDENTIALS.user}:{CREDENTIALS.password}"
    with start_server(
        database=server_folder / "credentials.sqlite3",
        args=("--credentials-file", str(credentials_file)),
        env={CREDENTIALS_ENV_VAR: shlex.join(["--basic", basic])},
    ) as server:
        # Used, so that the server has had every chance to log them.
        done = run_script(
            "--target-url",
            server.base_url,
            *FEW,
            "--",
            *ALL_BUT_STATEFUL,
            folder=run_folder,
            env=GIVEN,
        )
        output = server.output()
        command_line = shlex.join(server.process.args)  # type: ignore[arg-type]

    assert done.exit_code == SuiteExit.KEPT, done.output[-3000:]
    assert leaks({"server output": output, "server command line": command_line}) == []
    assert leaks(done.texts()) == []


def test_the_search_finds_a_credential_that_is_there(tmp_path: Path, server_url: str) -> None:
    done = run_script("--unsanitized", *suite_arguments(server_url), folder=tmp_path, env=GIVEN)

    assert done.exit_code == SuiteExit.VIOLATED, done.output[-3000:]
    assert any("in output" in leak for leak in leaks(done.texts()))


def test_the_docs_give_credentials_by_variable_or_file_only() -> None:
    """No command in the docs passes a credential as a flag or a literal header value."""
    flags = [option.flag for option in OPTIONS if option.dest in SECRET_OPTIONS]
    flags += ["--basic", "--ticket", "--bearer", "--xsrf", "--require-app-token"]
    given_as_flag = re.compile(rf"(?:{'|'.join(map(re.escape, flags))})[ =](?!\$)\S")
    # A value from a variable, or masked as in a printed reproduction, is no credential.
    literal_header = re.compile(rf"""-H\s+["']Authorization:\s*+(?!\$|{re.escape(FILTERED)})""")
    offending = []
    for document in DOCUMENTS:
        for block in CODE_BLOCK.findall(document.read_text(encoding="utf-8")):
            for line in block.splitlines():
                # Setting a variable or writing a file is how the docs give them.
                if re.match(r"\s*(export\s+)?[A-Z_]+=", line):
                    continue
                if given_as_flag.search(line) or literal_header.search(line):
                    offending.append(f"{document.name}: {line.strip()}")
    assert offending == []
