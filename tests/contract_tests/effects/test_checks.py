"""Each read-back check catches its fault, and nothing else does.

The spec's example save goes to a stand-in server (stand_in.py) with one fault made by
overriding one method. With every read-back check enabled the fault fails that check;
with that one check left out, the others pass: so removing the check would let the
fault through. The clean stand-in passes them all.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from schemathesis.checks import CheckFunction
from schemathesis.core.failures import FailureGroup

import spec_loader
from contract_tests.cases.budget import thorough_from_environment
from contract_tests.effects import checks as effect_checks
from contract_tests.effects.read_back import EffectSettings, Reader, SecretRule
from contract_tests.hooks import start_run
from contract_tests.run.connection import reusable_session
from contract_tests.run.schemathesis_schema import CONFIG_PATH
from fault_lab.stand_in import FACTS, SPEC, Body, StandIn
from reference_server.launcher import serve_app
from spec_loader.auth import basic_authorization
from spec_loader.documents import value_at

ADMINISTRATOR = f"admin-{secrets.token_hex(4)}:{secrets.token_urlsafe(16)}"
SYSTEM_USER = f"system-{secrets.token_hex(4)}:{secrets.token_urlsafe(16)}"
EXAMPLE = spec_loader.component(SPEC, "examples", "ImapCredentials")["value"]
SECRET = FACTS.secret_fields[0].name
READ_BACK_CHECKS: list[CheckFunction] = [
    effect_checks.saved_credential_reads_back,
    effect_checks.no_foreign_credentials,
    effect_checks.secret_visibility,
    effect_checks.removed_credential_is_gone,
]


class CommentDropped(StandIn):
    def save(self, body: Body) -> None:
        value_at(body, FACTS.carrier_path).pop("Comment", None)
        super().save(body)


class FirstWriteWins(StandIn):
    def save(self, body: Body) -> None:
        identity = value_at(body, (*FACTS.carrier_path, FACTS.identity_field.name))
        if not any(key[:-1] == self.group(body) and key[-1] == identity for key in self.store):
            super().save(body)


class SavesGoNowhere(StandIn):
    def save(self, body: Body) -> None:
        pass


class GetIgnoresType(StandIn):
    def get(self, body: Body, sees_secrets: bool) -> list[Body]:
        return [
            item
            for other in {key[:-1] for key in self.store if key[0] == self.group(body)[0]}
            for item in StandIn.get(
                self, dict(zip(FACTS.read_back.pointers, other, strict=True)), sees_secrets
            )
        ]


class SecretShownToEveryone(StandIn):
    def get(self, body: Body, sees_secrets: bool) -> list[Body]:
        return super().get(body, True)


class SecretHiddenFromEveryone(StandIn):
    def get(self, body: Body, sees_secrets: bool) -> list[Body]:
        return super().get(body, False)


class RemoveRemovesNothing(StandIn):
    def remove(self, body: Body) -> None:
        pass


@dataclass(frozen=True)
class Outcome:
    failed: set[str]  # the checks that failed
    report: str  # what the user sees: every failure and the save's reproduction


def run_read_back(
    server: type[StandIn], checks: list[CheckFunction], *, sanitized: bool = True
) -> Outcome:
    """Save the spec's example and run ``checks`` on the answer."""
    config = schemathesis.Config.from_path(CONFIG_PATH)
    config.output.sanitization.update(enabled=sanitized)
    schema: Any = schemathesis.openapi.from_path(spec_loader.spec_path(), config=config)
    start_run(
        thorough=False,
        settings=EffectSettings(
            (
                Reader("the administrator", SecretRule.HIDDEN),
                Reader(
                    "the system user",
                    SecretRule.SHOWN,
                    {"Authorization": basic_authorization(SYSTEM_USER)},
                ),
            )
        ),
    )
    with serve_app(server(ADMINISTRATOR, SYSTEM_USER).app()) as url, reusable_session() as session:
        schema.config.update(base_url=url)
        save = schema.find_operation_by_id(FACTS.save_operation_id)
        case = save.Case(body=EXAMPLE, media_type=FACTS.json_media_type)
        headers = {"Authorization": basic_authorization(ADMINISTRATOR)}
        kwargs = {"session": session, "headers": headers}
        response = case.call(**kwargs)
        try:
            case.validate_response(response, checks=checks, transport_kwargs=kwargs)
        except FailureGroup as group:
            names = {check.__name__ for check in checks}
            failed = {name for name in names for f in group.exceptions if f"`{name}`" in f.title}
            return Outcome(failed, str(group))
    return Outcome(set(), "")


# A fault, the check that must catch it, and words of its message.
CAUGHT = [
    (CommentDropped, effect_checks.saved_credential_reads_back, "Comment was saved as"),
    (SavesGoNowhere, effect_checks.saved_credential_reads_back, "is missing"),
    (GetIgnoresType, effect_checks.no_foreign_credentials, "Type 'imap-neighbour'"),
    (SecretShownToEveryone, effect_checks.secret_visibility, "may not see it"),
    (SecretHiddenFromEveryone, effect_checks.secret_visibility, "must see it"),
    (RemoveRemovesNothing, effect_checks.removed_credential_is_gone, "still there"),
]


@pytest.fixture(autouse=True)
def fresh_run() -> Iterator[None]:
    yield
    start_run(thorough_from_environment(), EffectSettings.from_environment())


def test_clean_stand_in_passes_every_read_back_check() -> None:
    assert run_read_back(StandIn, READ_BACK_CHECKS) == Outcome(set(), "")


@pytest.mark.parametrize(
    ("server", "check", "names"), CAUGHT, ids=[server.__name__ for server, _, _ in CAUGHT]
)
def test_fault_is_caught_by_its_check_alone(
    server: type[StandIn], check: CheckFunction, names: str
) -> None:
    outcome = run_read_back(server, READ_BACK_CHECKS)
    assert outcome.failed == {check.__name__}, outcome.report
    assert names in outcome.report
    others = [other for other in READ_BACK_CHECKS if other is not check]
    assert run_read_back(server, others).failed == set()


def test_first_write_wins_is_caught_by_the_saved_again_read_back() -> None:
    outcome = run_read_back(FirstWriteWins, READ_BACK_CHECKS)
    # The secret saved again is also the old one, which the system user sees.
    assert outcome.failed == {"saved_credential_reads_back", "secret_visibility"}
    assert "saved again with other values" in outcome.report
    assert "Comment was saved as" in outcome.report


def test_failure_quotes_both_calls_and_masks_the_secret() -> None:
    report = run_read_back(SecretShownToEveryone, READ_BACK_CHECKS).report
    secret = value_at(EXAMPLE, (*FACTS.carrier_path, SECRET))
    assert f"/{FACTS.read_back.operation_id}" in report  # the Get's curl
    assert f"/{FACTS.save_operation_id}" in report  # the save's own reproduction
    assert secret not in report
    unsanitized = run_read_back(SecretShownToEveryone, READ_BACK_CHECKS, sanitized=False)
    assert secret in unsanitized.report


def test_dates_compare_as_instants_at_the_spec_precision() -> None:
    class SameInstantInUtc(StandIn):
        def save(self, body: Body) -> None:
            carrier = value_at(body, FACTS.carrier_path)
            sent = datetime.datetime.fromisoformat(carrier["ValidFrom"]).astimezone(datetime.UTC)
            # The same instant, as the vendor writes UTC: seven fractional digits and Z.
            carrier["ValidFrom"] = f"{sent:%Y-%m-%dT%H:%M:%S.%f}0Z"
            super().save(body)

    class MovedByAnHour(StandIn):
        def save(self, body: Body) -> None:
            carrier = value_at(body, FACTS.carrier_path)
            sent = datetime.datetime.fromisoformat(carrier["ValidFrom"])
            carrier["ValidFrom"] = (sent + datetime.timedelta(hours=1)).isoformat()
            super().save(body)

    assert run_read_back(SameInstantInUtc, READ_BACK_CHECKS).failed == set()
    moved = run_read_back(MovedByAnHour, READ_BACK_CHECKS)
    assert moved.failed == {"saved_credential_reads_back"}
    assert "ValidFrom was saved as" in moved.report
