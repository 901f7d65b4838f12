"""nothing_left_behind: under plain st run, what the cases saved is recorded from their
answers, and a credential that could not be removed at the end fails the check by key.

(The whole st run, with its removals at the server, is in test_plain_st_run.py.) Seen
failing by hand: ``after_run`` returning without raising when removals failed.
"""

from __future__ import annotations

import pytest

from contract_tests.checks.nothing_left_behind import NOT_APPLICABLE, NothingLeftBehind
from contract_tests.model.facts import model_facts
from tests.contract_tests.exchanges import answer, case_of

FACTS = model_facts()
# Nothing listens on port 1 of the loopback: every Remove fails at once.
NOBODY = "http://127.0.0.1:1"
SECRET = "correct-horse-battery"
SECRET_FIELD = FACTS.links.secret_fields[0].name
KEY = {FACTS.associate_field: 4242, FACTS.kind_field: "imap", FACTS.identity.name: "Mail"}


def saved_by_a_case() -> NothingLeftBehind:
    check = NothingLeftBehind()
    body = {
        FACTS.associate_field: 4242,
        FACTS.kind_field: "imap",
        FACTS.links.carrier_path[0]: {FACTS.identity.name: "Mail", SECRET_FIELD: SECRET},
    }
    case = case_of(FACTS.save_id, body=body, media_type=FACTS.links.json_media_type)
    status = next(
        int(status) for (operation, status) in check.saved.links if operation == FACTS.save_id
    )
    assert check.after_response(None, answer(case, status), case) is NOT_APPLICABLE  # type: ignore[arg-type]
    return check


def test_a_save_is_recorded_and_the_run_settings_taken() -> None:
    check = saved_by_a_case()
    assert [key for _, key in check.saved.keys.values()] == [KEY]
    assert check.base_url is not None


def test_nothing_saved_nothing_sent() -> None:
    check = NothingLeftBehind()
    check.after_run(None)  # type: ignore[arg-type]


def test_what_could_not_be_removed_fails_the_check_by_key() -> None:
    check = saved_by_a_case()
    check.base_url = NOBODY
    with pytest.raises(AssertionError, match="1 of the 1 credentials") as failed:
        check.after_run(None)  # type: ignore[arg-type]
    assert "Mail" in str(failed.value)
    assert SECRET not in str(failed.value)
