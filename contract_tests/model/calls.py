"""The model's requests: sent as the run's cases are, judged by every check, quoted as curl.

Each goes through the run's session (its connection, its rate limit) with the run's
credentials, or a reader's, and its answer is judged by every check the run enables
(ignored_auth aside: the other phases confirm authentication), as a case of the
run: the XML schema check and the Accept check included. A body that XML or form
data cannot carry as it is goes as JSON, as in the stateful phase.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import defusedxml.ElementTree
import requests
from schemathesis import BaseSchema, Response
from schemathesis.specs.openapi.checks import ignored_auth
from schemathesis.specs.openapi.schemas import OpenApiSchema

from contract_tests.cases.accept_negotiation import ACCEPT
from contract_tests.cases.lossy_encodings import arrives_as_generated
from contract_tests.checks.xml_answers import value_of
from contract_tests.http_parts import AnyCase, header_values
from contract_tests.model.facts import ModelFacts
from contract_tests.model.readers import Reader
from spec_loader.media_types import JSON_SYNTAX, XML_SYNTAX, body_syntax, essence
from spec_loader.statuses import OK, is_success

Item = Mapping[str, Any]


@dataclass(frozen=True)
class Sent:
    """One request of the model and its answer."""

    what: str  # what the step did, in words: "Save AssociateId 42, Type ..."
    case: AnyCase
    response: Response
    headers: dict[str, str] = field(repr=False)

    @property
    def accepted(self) -> bool:
        return is_success(self.response.status_code)

    def curl(self) -> str:
        # Masked as the schema's output configuration says, as schemathesis' own are.
        return self.case.as_curl_command(headers=self.headers)


@dataclass
class Caller:
    schema: BaseSchema
    session: requests.Session
    headers: dict[str, str] = field(repr=False)
    json_media_type: str
    sent: int = 0  # requests sent so far

    def prepare(
        self,
        operation_id: str,
        body: Any,
        media_type: str,
        accept: str | None = None,
        reader: Reader | None = None,
    ) -> tuple[AnyCase, dict[str, str]]:
        operation = cast(OpenApiSchema, self.schema).find_operation_by_id(operation_id)
        if not arrives_as_generated(operation_id, media_type, body):
            media_type = self.json_media_type
        case = operation.Case(
            body=body, media_type=media_type, headers={ACCEPT: accept} if accept else None
        )
        return case, {**self.headers, **(reader.headers if reader else {})}

    def deliver(self, what: str, case: AnyCase, headers: dict[str, str]) -> Sent:
        """Send a prepared case, unjudged, as schemathesis calls a case: its after_call hooks
        record a save for the run's clean-up, and the report's for its checks. A copy of
        the headers: the transport adds to the dict it is given."""
        self.sent += 1
        response = case.call(session=self.session, headers=dict(headers))
        return Sent(what, case, response, headers)

    def judge(self, sent: Sent) -> None:
        """Every check of the run on this answer; raises schemathesis' FailureGroup."""
        sent.case.validate_response(
            sent.response,
            excluded_checks=[ignored_auth],
            headers=sent.headers,
            transport_kwargs={"session": self.session, "headers": dict(sent.headers)},
        )

    def send(
        self,
        what: str,
        operation_id: str,
        body: Any,
        media_type: str,
        accept: str | None = None,
        reader: Reader | None = None,
    ) -> Sent:
        case, headers = self.prepare(operation_id, body, media_type, accept, reader)
        sent = self.deliver(what, case, headers)
        self.judge(sent)
        return sent


def read_items(facts: ModelFacts, response: Response) -> tuple[list[Item] | None, str]:
    """A Get answer's credentials, each answer read in its own media type; or why not."""
    if response.status_code != OK:
        return None, f"the Get was answered {response.status_code}"
    types = [essence(value) for value in header_values(response, "Content-Type")]
    if len(types) != 1 or types[0] not in facts.answer_media_types:
        return None, f"the Get was answered in {types or 'no media type'}"
    syntax = body_syntax(types[0])
    try:
        if syntax == JSON_SYNTAX:
            items = json.loads(response.content)
        elif syntax == XML_SYNTAX:
            document = defusedxml.ElementTree.fromstring(response.content)
            items = value_of(document, facts.answer_schemas[types[0]])
        else:
            return None, f"the Get was answered in {types[0]}, which the suite cannot read"
    except (ValueError, SyntaxError) as error:  # JSONDecodeError; ParseError, defusedxml refusals
        return None, f"the Get's {types[0]} answer cannot be read ({type(error).__name__})"
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        return None, "the Get's answer is not a list of credentials"
    return items, ""


def answer_syntax(response: Response) -> str:
    """The syntax (JSON, XML) an answer is written in, by its media type; "" if neither."""
    types = header_values(response, "Content-Type")
    return (body_syntax(essence(types[0])) if types else None) or ""
