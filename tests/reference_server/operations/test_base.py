"""reference_server/operations/base.py: what a handler is given, and the key it declares.

Seen failing by hand: repr=False dropped from Call.document
(test_a_call_keeps_secrets_out_of_its_repr), and CredentialHandler ignoring its key_form
(test_each_credential_handler_takes_its_key_form).
"""

from __future__ import annotations

import spec_loader
from reference_server.operations import handler_classes
from reference_server.operations.base import Call, CredentialHandler
from reference_server.records import key_paths
from reference_server.settings import Identity, Scheme
from reference_server.storage import CredentialStore
from spec_loader.links import credential_links
from tests.reference_server.live_server import SAVE, SPEC, credential


def test_a_call_keeps_secrets_out_of_its_repr() -> None:
    secrets = ["SecretValue-in-a-repr", "Basic c2VjcmV0", "7T:ticket-in-a-repr"]
    [secret_path] = spec_loader.secret_paths(spec_loader.request_schema(SPEC, SAVE))
    call = Call(
        Identity(Scheme.TICKET, secrets[2]),
        credential("repr", SecretValue=secrets[0]),
        [secret_path],
        {"authorization": secrets[1]},
    )

    text = repr(call)

    assert [secret for secret in secrets if secret in text] == []


def test_each_credential_handler_takes_its_key_form(store: CredentialStore) -> None:
    links = credential_links(SPEC)
    for operation_id, handler_class in handler_classes(SPEC).items():
        if issubclass(handler_class, CredentialHandler):
            handler = handler_class(SPEC, operation_id, store)
            assert handler.key == key_paths(links, handler_class.key_form), operation_id
