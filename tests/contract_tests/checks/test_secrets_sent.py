"""secrets_sent: the secrets one request carried, long enough to look for in its answer.

Seen failing by hand: ``secrets_sent`` keeping the whole Authorization value (the public
word "Basic" with it) instead of its credentials.
"""

from __future__ import annotations

import requests

from contract_tests.checks.secrets_sent import MIN_SECRET_LENGTH, secrets_sent
from contract_tests.facts.contract import contract_facts
from contract_tests.model.facts import model_facts
from tests.contract_tests.exchanges import case_of

FACTS = model_facts()
CONTRACT = contract_facts()
SECRET_FIELD = FACTS.links.secret_fields[0].name
CARRIER = FACTS.links.carrier_path
CREDENTIALS = "cnVuOnNlY3JldC1wYXNzd29yZA=="


def sent(body: object, headers: dict[str, str]) -> list[tuple[str, str]]:
    case = case_of(FACTS.save_id, body=body, media_type=FACTS.links.json_media_type)
    request = requests.Request("POST", "http://127.0.0.1:9/", headers=headers).prepare()
    return [(secret.label, secret.value) for secret in secrets_sent(case, request)]


def test_the_body_secret_and_the_credential_headers() -> None:
    body = {CARRIER[0]: {SECRET_FIELD: "correct-horse-battery"}}
    headers = {
        "Authorization": f"Basic {CREDENTIALS}",
        CONTRACT.app_token_header: "app-token-value",
        CONTRACT.xsrf_header: "xsrf-token-value",
    }
    found = dict(sent(body, headers))
    assert found[".".join((*CARRIER, SECRET_FIELD))] == "correct-horse-battery"
    assert found["Authorization credentials"] == CREDENTIALS
    assert found[CONTRACT.app_token_header] == "app-token-value"
    assert found[CONTRACT.xsrf_header] == "xsrf-token-value"


def test_short_values_and_other_bodies_carry_nothing_to_look_for() -> None:
    short = "s" * (MIN_SECRET_LENGTH - 1)
    body = {CARRIER[0]: {SECRET_FIELD: short}}
    assert sent(body, {"Authorization": "Basic x", CONTRACT.app_token_header: short}) == []
    assert sent([1, 2], {}) == []
    assert sent({CARRIER[0]: {SECRET_FIELD: 12345678901}}, {}) == []
