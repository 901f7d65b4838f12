"""The model's requests, against the reference server in-process: how a call is
prepared, sent, counted and judged, and how a Get's answer is read in each media type.

Seen failing by hand: ``prepare`` keeping a media type that cannot carry the body,
``prepare`` ignoring the reader's headers, ``judge`` returning without validating
(no FailureGroup on a wrong media type), and ``read_items`` reading XML
as JSON.
"""

from __future__ import annotations

import pytest
from schemathesis.core.failures import FailureGroup

from contract_tests.model.bodies import get_body, save_body
from contract_tests.model.calls import answer_syntax, read_items
from contract_tests.model.machine import save_residents
from contract_tests.model.readers import Reader
from contract_tests.model.run import ModelRun, resident_carrier
from contract_tests.report.check_tally import CheckTally
from fault_lab.faults import fault_named
from fault_lab.model_harness import model_run_against
from spec_loader.auth import basic_authorization
from spec_loader.media_types import JSON_SYNTAX, XML_SYNTAX, body_syntax

STRANGER = Reader("a stranger", None, {"Authorization": basic_authorization("nobody:nothing")})


def media_type_of(media_types: tuple[str, ...], syntax: str) -> str:
    return next(kind for kind in media_types if body_syntax(kind) == syntax)


def test_a_body_xml_cannot_carry_goes_as_json(clean_run: tuple[ModelRun, CheckTally]) -> None:
    run = clean_run[0]
    facts, key = run.facts, run.space.keys()[1]
    xml = media_type_of(facts.save_media_types, XML_SYNTAX)
    plain = save_body(facts, key, resident_carrier(facts), key.identity)
    unwritable = save_body(facts, key, resident_carrier(facts), "control \x01 character")

    assert run.caller.prepare(facts.save_id, plain, xml)[0].media_type == xml
    case = run.caller.prepare(facts.save_id, unwritable, xml)[0]
    assert case.media_type == facts.links.json_media_type


def test_a_reader_s_headers_replace_the_run_s(clean_run: tuple[ModelRun, CheckTally]) -> None:
    run = clean_run[0]
    body = get_body(run.facts, run.space.groups()[0])
    mine = run.caller.prepare(run.facts.get_id, body, run.facts.links.json_media_type)[1]
    theirs = run.caller.prepare(
        run.facts.get_id, body, run.facts.links.json_media_type, reader=STRANGER
    )[1]
    assert mine == run.caller.headers
    assert theirs == {**run.caller.headers, **STRANGER.headers}
    assert theirs != mine


def test_a_delivered_call_is_counted_and_answered(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    facts, key = run.facts, run.space.keys()[1]
    body = save_body(facts, key, resident_carrier(facts), key.identity)
    case, headers = run.caller.prepare(facts.save_id, body, facts.links.json_media_type)
    given = dict(headers)

    sent = run.caller.deliver("a save", case, headers)
    assert sent.accepted
    assert run.caller.sent == 1
    assert headers == given
    assert sent.headers == given
    run.caller.judge(sent)  # a conforming answer passes every check

    refused = run.caller.send(
        "a stranger's save", facts.save_id, body, facts.links.json_media_type, reader=STRANGER
    )
    assert not refused.accepted
    assert run.caller.sent == 2


def test_a_get_reads_the_same_credentials_in_json_and_in_xml(
    clean_run: tuple[ModelRun, CheckTally],
) -> None:
    run = clean_run[0]
    facts = run.facts
    save_residents(run)
    group = run.space.groups()[1]  # the other kind: a resident per identity of the space
    read = {}
    for syntax in (JSON_SYNTAX, XML_SYNTAX):
        accept = media_type_of(facts.answer_media_types, syntax)
        sent = run.caller.send(
            "Get", facts.get_id, get_body(facts, group), facts.links.json_media_type, accept=accept
        )
        assert answer_syntax(sent.response) == syntax
        items, problem = read_items(facts, sent.response)
        assert items is not None, problem
        read[syntax] = sorted(str(item[facts.identity.name]) for item in items)
    assert read[JSON_SYNTAX] == read[XML_SYNTAX]
    assert len(read[JSON_SYNTAX]) == len(run.space.identities)

    refused = run.caller.deliver(
        "Get",
        *run.caller.prepare(
            facts.get_id, get_body(facts, group), facts.links.json_media_type, reader=STRANGER
        ),
    )
    items, problem = read_items(facts, refused.response)
    assert items is None
    assert problem == f"the Get was answered {refused.response.status_code}"


def test_judging_an_answer_runs_the_run_s_checks() -> None:
    with model_run_against(fault_named("accept_ignored").wrap) as (run, _):
        facts = run.facts
        accept = media_type_of(facts.answer_media_types, XML_SYNTAX)
        body = get_body(facts, run.space.groups()[0])
        case, headers = run.caller.prepare(facts.get_id, body, facts.links.json_media_type, accept)
        sent = run.caller.deliver("Get", case, headers)
        with pytest.raises(FailureGroup):
            run.caller.judge(sent)
