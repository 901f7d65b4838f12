"""generator/servers.py: the spec's servers as the functions of the generated servers module.

Guards proved by hand: with the uniqueness check removed from `server_functions`,
test_two_servers_of_one_edition_are_refused fails; with the required variable taken as
the first in the URL whether or not it has an enum,
test_servers_are_named_after_their_edition_and_need_their_first_free_variable fails.
"""

from __future__ import annotations

import copy

import pytest

from generator.servers import server_functions
from tests.generated_client.recording import SPEC


def test_servers_are_named_after_their_edition_and_need_their_first_free_variable() -> None:
    [onsite, online] = server_functions(SPEC)
    assert (onsite["name"], onsite["required"]) == ("onsite", "host")
    assert (online["name"], online["required"]) == ("online", "tenant")
    assert [variable["name"] for variable in onsite["variables"]] == ["host", "scheme", "site"]


def test_a_server_without_an_edition_is_refused() -> None:
    spec = copy.deepcopy(SPEC)
    spec["servers"][0]["description"] = "Your own installation."
    with pytest.raises(ValueError, match="must start with 'SuperOffice <edition>'"):
        server_functions(spec)


def test_two_servers_of_one_edition_are_refused() -> None:
    spec = copy.deepcopy(SPEC)
    spec["servers"].append(copy.deepcopy(spec["servers"][0]))
    with pytest.raises(ValueError, match="share a function name"):
        server_functions(spec)
