"""run/readers: who the model phase reads and writes with, against each kind of target.

Seen failing by hand: ``run_readers`` giving the embedded server's administrator the
SHOWN rule.
"""

from __future__ import annotations

import pytest

from contract_tests.model.readers import RUN_IDENTITY, SecretRule
from contract_tests.run.options import options_from
from contract_tests.run.readers import model_headers, own_caller, run_readers
from contract_tests.run.target import Target

OWNER = {"Authorization": "Basic b3duZXI="}
ADMINISTRATOR = {"Authorization": "Basic YWRtaW4="}
SYSTEM = {"Authorization": "Basic c3lzdGVt"}
NAMED = Target("https://crm.example.com", OWNER, embedded=False)
EMBEDDED = Target(
    "http://127.0.0.1:1",
    OWNER,
    embedded=True,
    secret_reader_headers=SYSTEM,
    administrator_headers=ADMINISTRATOR,
    own_associate=42,
)


@pytest.mark.parametrize("expect", [None, "shown", "hidden"])
def test_a_named_server_is_read_as_the_run_with_what_the_user_expects(expect: str | None) -> None:
    options = options_from({"target_url": NAMED.base_url, "expect_secrets": expect}, {})
    (reader,) = run_readers(options, NAMED)
    assert reader.label == RUN_IDENTITY
    assert reader.rule == (SecretRule(expect) if expect else None)
    assert reader.headers == {}
    assert model_headers(NAMED) == OWNER
    assert own_caller(NAMED) is None


def test_the_embedded_server_is_read_by_its_administrator_and_system_user() -> None:
    readers = run_readers(options_from({}, {}), EMBEDDED)
    assert [(reader.rule, reader.headers) for reader in readers] == [
        (SecretRule.HIDDEN, ADMINISTRATOR),
        (SecretRule.SHOWN, SYSTEM),
    ]
    assert model_headers(EMBEDDED) == ADMINISTRATOR
    caller = own_caller(EMBEDDED)
    assert caller is not None
    assert (caller.rule, caller.headers) == (SecretRule.SHOWN, OWNER)
    assert "42" in caller.label
