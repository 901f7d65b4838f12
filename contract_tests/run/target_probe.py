"""Before any case: can the suite test this target, with these credentials, at all?

It sends the spec's own example of a save, with the run's credentials and associate.
A server that keeps the contract accepts it. If nothing answers, if the answer is not
HTTP (an https:// URL for an http server, or the other way round), if the credentials
are refused (401, 403), or if there is no such operation at the URL (404), every case
of the run would show the same, so the run stops at once and says which URL and what
failed, in one message. The saved example is recorded like any save, and removed at
the end.
"""

from __future__ import annotations

import re

import requests
from schemathesis import BaseSchema

import spec_loader
from contract_tests.cases.one_associate import associate_fields, pin_associate
from contract_tests.facts.save_links import effect_facts
from contract_tests.run.options import SECRET_OPTIONS, ContractOptions
from contract_tests.run.target import Target
from spec_loader.statuses import is_refused

NOT_FOUND = 404
# Long enough for a slow server's first answer; a stuck one fails the run quickly.
PROBE_TIMEOUT_SECONDS = 15
# The part of a urllib3 error that says what failed, without object reprs and URLs.
ERROR_REASONS = (re.compile(r"\[Errno -?\d+\] [^'\")]+"), re.compile(r"\[SSL[^\]]*\][^'\"(]*"))


class TargetUnusableError(Exception):
    """The run cannot test this target; the message says which URL and what failed."""


def example_save(associate_id: int | None) -> tuple[str, object]:
    """The media type and body of the spec's first example of a save."""
    spec = spec_loader.load_spec()
    save_id = effect_facts().save_operation_id
    media_type = spec_loader.request_media_types(spec, save_id)[0]
    content = spec_loader.operation(spec, save_id).node["requestBody"]["content"]
    example = next(iter(content[media_type]["examples"].values()))
    body = spec_loader.resolve(spec, example)["value"]
    if associate_id is not None:
        body = pin_associate(body, associate_fields()[save_id], associate_id)
    return media_type, body


def probe_target(schema: BaseSchema, target: Target, options: ContractOptions) -> int:
    """The status the example save got; TargetUnusableError when the run cannot go on."""
    media_type, body = example_save(options.associate_id)
    operation = schema.find_operation_by_id(effect_facts().save_operation_id)  # type: ignore[attr-defined]
    case = operation.Case(body=body, media_type=media_type)
    url = target.base_url + operation.path
    try:
        response = case.call(headers=target.headers, timeout=PROBE_TIMEOUT_SECONDS)
    except requests.exceptions.SSLError as error:
        raise TargetUnusableError(
            f"{url}: TLS failed ({_reason(error)}); does it speak https?"
        ) from None
    except requests.exceptions.Timeout:
        raise TargetUnusableError(f"{url}: no answer within {PROBE_TIMEOUT_SECONDS} s") from None
    except requests.exceptions.ConnectionError as error:
        raise TargetUnusableError(
            f"{url}: cannot connect or no HTTP answer ({_reason(error)})"
        ) from None
    except requests.RequestException as error:
        raise TargetUnusableError(f"{url}: the request failed ({_reason(error)})") from None
    status: int = response.status_code
    if is_refused(status):
        raise TargetUnusableError(
            f"{url}: the spec's example save was refused with {status}: the credentials"
            f" given ({credentials_given(options)}) are not accepted"
            + (" or may not save for this associate" if status == 403 else "")
        )
    if status == NOT_FOUND:
        raise TargetUnusableError(
            f"{url}: 404 Not Found. {options.named('target_url')} is the base in front of"
            " /api/v1/... (e.g. https://crm.example.com/SuperOffice), not the operation's own URL"
        )
    return status


def credentials_given(options: ContractOptions) -> str:
    """The credentials as the user gave them (flag, variable or file), or that none were."""
    given = [options.named(dest) for dest in sorted(SECRET_OPTIONS) if dest in options.sources]
    return ", ".join(given) or "none: set CONTRACT_AUTHORIZATION or use --credentials-file"


def _reason(error: Exception) -> str:
    text = str(error)
    for pattern in ERROR_REASONS:
        match = pattern.search(text)
        if match:
            return match.group(0).strip()
    inner = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    return type(getattr(inner, "reason", inner)).__name__
