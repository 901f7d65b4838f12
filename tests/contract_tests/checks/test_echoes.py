"""secret_never_echoed counts only what the server copied from the request.

An ``SO-AppToken`` of ``ErrorMessage`` occurs in every error body, and one of
``application/json`` in every Content-Type header: against the clean server both runs
pass. Two planted faults echo the token for real, one quoting it in its error
messages and one sending it back in a header; each run fails on secret_never_echoed,
even with a token whose text the answer already holds where the fault puts it.

Each run is the cases' phases, every operation's: their answers hold every error body
and header the check weighs; the stateful and model-based phases would only add time.
Seen to fail (by hand, once) with the check sending no control request (both clean runs
failed) and with a check that never finds an echo (both faults passed).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.types import ASGIApp

from contract_tests.facts.contract import contract_facts
from fault_lab.batch import Credentials, run_against
from fault_lab.intercept import Answer, Exchange, intercept
from fault_lab.planted_fault import CASE_PHASES
from fault_lab.suite_run import TESTS_FAILED, SuiteRun, env_var_of

CREDENTIALS = Credentials(f"contract-{secrets.token_hex(4)}", secrets.token_urlsafe(24))
SEED = "20261203"
MAX_EXAMPLES = "10"
# Words the server writes anyway: a key of its error body, the media type of its answers.
BACKGROUND_TOKENS = ("ErrorMessage", "application/json")
ECHO_CHECK = "secret_never_echoed"
APP_TOKEN = contract_facts().app_token_header.lower()


def token_in_error_message(request: Exchange, answer: Answer) -> Answer:
    """Quotes the request's app token in the ErrorMessage of every error."""
    token = request.headers.get(APP_TOKEN)
    if token is None or answer.status < 400:
        return answer
    body = json.loads(answer.body)
    for key, value in body.items():
        if isinstance(value, str) and key != "Error":
            body[key] = f"{value} (for the app token {token})"
            break
    return Answer(answer.status, answer.headers, json.dumps(body).encode())


def token_in_header(request: Exchange, answer: Answer) -> Answer:
    """Sends the request's app token back in a response header of the same name."""
    token = request.headers.get(APP_TOKEN)
    return answer if token is None else answer.with_header(APP_TOKEN, token)


def run_with_app_token(
    tmp_path: Path, wrap: Callable[[ASGIApp], ASGIApp], app_token: str
) -> SuiteRun:
    return run_against(
        wrap,
        tmp_path,
        CREDENTIALS,
        "-k",
        CASE_PHASES,
        env={env_var_of("app_token"): app_token},
        seed=SEED,
        max_examples=MAX_EXAMPLES,
    )


def noting_app_tokens(tokens: list[str]) -> Callable[[ASGIApp], ASGIApp]:
    """The clean server, noting the SO-AppToken of every request it gets."""

    def note(request: Exchange) -> Exchange:
        tokens.append(request.headers.get(APP_TOKEN, ""))
        return request

    return intercept(edit_request=note)


@pytest.mark.parametrize("app_token", BACKGROUND_TOKENS)
def test_a_token_the_server_writes_anyway_is_not_an_echo(tmp_path: Path, app_token: str) -> None:
    tokens: list[str] = []
    run = run_with_app_token(tmp_path, noting_app_tokens(tokens), app_token)
    assert run.exit_code == 0, run.output[-5000:]
    # The text was found, so a check that looked for it alone would have failed: the
    # control requests, which carry a stand-in of the same length, judged it.
    stand_ins = {token for token in tokens if len(token) == len(app_token) != 0} - {app_token}
    assert stand_ins, "no control request was sent"


# Each echo with the token whose text is already where it echoes it.
@pytest.mark.parametrize(
    ("echo", "app_token"),
    [(token_in_error_message, "ErrorMessage"), (token_in_header, "application/json")],
    ids=["token in error message", "token in header"],
)
def test_a_real_echo_is_caught(
    tmp_path: Path, echo: Callable[[Exchange, Answer], Answer], app_token: str
) -> None:
    run = run_with_app_token(tmp_path, intercept(edit_answer=echo), app_token)
    assert run.exit_code == TESTS_FAILED, run.output[-5000:]
    assert run.failed_checks == [ECHO_CHECK], run.output[-5000:]
