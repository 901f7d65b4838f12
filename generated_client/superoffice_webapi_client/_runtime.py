"""What every API function shares: sending with retries, logging, and typed errors."""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import random
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import errors
from .models import AspNetError, SuperOfficeError
from .types import Response, Unset

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

T = TypeVar("T")

VERSION = "3.2.0"
USER_AGENT = f"superoffice-webapi-client/{VERSION} python-httpx/{httpx.__version__}"

# Connect: 5 s, as httpx and Stainless; a SuperOffice server that does not accept a
# connection in 5 s is down or unreachable. Read, write, pool: 30 s, 15 times the
# vendor's "NsApiSlow" threshold of 2 s for these operations, so only a hung server
# hits it.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
RETRIED_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Transport failures worth another attempt: no answer came, or it broke off. Not
# UnsupportedProtocol or LocalProtocolError: those are the caller's mistakes.
RETRIED_FAILURES = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
# Backoff before retry n (0-based): 0.5 * 2**n s, at most 8 s, less up to a quarter
# at random so that many clients refused at once do not come back at once.
INITIAL_BACKOFF, MAX_BACKOFF, JITTER = 0.5, 8.0, 0.25
# A Retry-After longer than this is not waited for: the answer is given to the caller.
MAX_RETRY_AFTER = 60.0
ERROR_MODELS = (
    SuperOfficeError,
    AspNetError,
)

LOG_ENV_VAR = "SUPEROFFICE_WEBAPI_LOG"
LOGGER = logging.getLogger("superoffice_webapi_client")
# Header values never logged nor quoted: credentials and anything named like one
# (SO-AppToken, X-XSRF-TOKEN, an API key).
_SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
_SENSITIVE_WORDS = ("token", "secret", "key", "auth", "password", "session")
REDACTED = "[redacted]"


def with_user_agent(headers: dict[str, str]) -> dict[str, str]:
    """The client's headers with this package's User-Agent, unless the caller set one."""
    if any(name.lower() == "user-agent" for name in headers):
        return headers
    return {"User-Agent": USER_AGENT, **headers}


class Clock:
    """Time as the client sees it. Tests give the client one that records instead of sleeping."""

    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def random(self) -> float:
        return random.random()  # noqa: S311 - jitter, not a secret

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def configure_logging(environ: Mapping[str, str] = os.environ) -> None:
    """Log each attempt to stderr when ``SUPEROFFICE_WEBAPI_LOG`` is ``info`` or ``debug``."""
    level = environ.get(LOG_ENV_VAR, "").strip().upper()
    if level not in ("INFO", "DEBUG"):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(level)


configure_logging()


def is_sensitive_header(name: str, client: Client | AuthenticatedClient) -> bool:
    """Whether a header's value is a credential: never logged, never quoted in a message."""
    lowered = name.lower()
    return (
        lowered in _SENSITIVE_HEADERS
        or lowered == getattr(client, "auth_header_name", "").lower()
        or any(word in lowered for word in _SENSITIVE_WORDS)
    )


def _redacted_headers(headers: httpx.Headers, client: Client | AuthenticatedClient) -> str:
    return ", ".join(
        f"{name}: {REDACTED if is_sensitive_header(name, client) else value}" for name, value in headers.multi_items()
    )


def _safe_url(url: httpx.URL) -> str:
    return str(url.copy_with(username=None, password=None) if url.userinfo else url)


def _log_attempt(
    client: Client | AuthenticatedClient,
    request: httpx.Request,
    outcome: httpx.Response | Exception,
    started: float,
    attempt: int,
    max_retries: int,
) -> None:
    milliseconds = (client.clock.monotonic() - started) * 1000
    status = outcome.status_code if isinstance(outcome, httpx.Response) else type(outcome).__name__
    LOGGER.info(
        "%s %s -> %s in %.1f ms (retry %d of %d)",
        request.method,
        _safe_url(request.url),
        status,
        milliseconds,
        attempt,
        max_retries,
    )
    if LOGGER.isEnabledFor(logging.DEBUG):
        # Headers only: a body may hold a SecretValue.
        LOGGER.debug("request headers: %s", _redacted_headers(request.headers, client))
        if isinstance(outcome, httpx.Response):
            LOGGER.debug("response headers: %s", _redacted_headers(outcome.headers, client))


def _retry_after(response: httpx.Response, clock: Clock) -> float | None:
    """The wait ``Retry-After`` asks for (delay-seconds or an HTTP-date), if it is readable."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - clock.time())
    except (TypeError, ValueError):
        return None


def _backoff(clock: Clock, attempt: int) -> float:
    return min(INITIAL_BACKOFF * 2.0**attempt, MAX_BACKOFF) * (1 - JITTER * clock.random())


def _delay_after_answer(response: httpx.Response, clock: Clock, attempt: int) -> float | None:
    """How long to wait before retrying a retried status, or None to give the answer as it is."""
    asked = _retry_after(response, clock)
    if asked is None:
        return _backoff(clock, attempt)
    return asked if asked <= MAX_RETRY_AFTER else None


# What each timeout of httpx.Timeout waited for, to say which one ran out.
_TIMEOUT_PHASES = {
    httpx.ConnectTimeout: ("connect", "to connect"),
    httpx.ReadTimeout: ("read", "for the answer"),
    httpx.WriteTimeout: ("write", "to send the request"),
    httpx.PoolTimeout: ("pool", "for a free connection"),
}


def _root_error(error: BaseException) -> BaseException:
    """The innermost cause under httpx's and httpcore's wrappers (an OSError, often)."""
    while (inner := error.__cause__ or error.__context__) is not None:
        error = inner
    return error


def failure_cause(error: Exception, request: httpx.Request) -> str:
    """Why no answer came, in words: "connection refused", "timed out after 5 s to connect"."""
    for kind, (phase, waiting) in _TIMEOUT_PHASES.items():
        if isinstance(error, kind):
            seconds = request.extensions.get("timeout", {}).get(phase)
            return f"timed out after {seconds:g} s {waiting}" if seconds else f"timed out {waiting}"
    root = _root_error(error)
    if isinstance(root, ConnectionRefusedError):
        return "connection refused"
    if isinstance(root, socket.gaierror):
        not_found = root.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME))
        return "name not found" if not_found else f"name lookup failed ({root.strerror})"
    if isinstance(root, ConnectionResetError):
        return "connection reset"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the connection broke off ({error})"
    if isinstance(root, OSError) and root.strerror:
        return root.strerror[:1].lower() + root.strerror[1:]
    return str(error) or type(error).__name__


def _delay_after_failure(
    error: Exception, request: httpx.Request, clock: Clock, attempt: int, max_retries: int
) -> float:
    """How long to wait before trying again; raises the typed error once retries are spent."""
    if attempt < max_retries:
        return _backoff(clock, attempt)
    kind = errors.ApiTimeoutError if isinstance(error, httpx.TimeoutException) else errors.ApiConnectionError
    url = request.url
    port = url.port or (443 if url.scheme == "https" else 80)
    attempts = f"{attempt + 1} attempt{'s' if attempt else ''}"
    cause = failure_cause(error, request)
    message = f"{request.method} {url.path}: no answer from {url.host} port {port}: {cause} ({attempts})"
    raise kind(message, request=request) from error


def send(
    client: Client | AuthenticatedClient,
    kwargs: dict[str, Any],
    max_retries: int | Unset,
    timeout: float | httpx.Timeout | Unset,
) -> httpx.Response:
    """Send one request, retrying what is safe to retry; the answer of the last attempt."""
    http = client.get_httpx_client()
    # Built once: every attempt sends the same bytes and headers.
    if isinstance(timeout, Unset):
        request = http.build_request(**kwargs)
    else:
        request = http.build_request(**kwargs, timeout=timeout)
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    # Read once per call: with logging off, an attempt reads no clock.
    log = LOGGER.isEnabledFor(logging.INFO)
    attempt = 0
    while True:
        started = client.clock.monotonic() if log else 0.0
        try:
            response = http.send(request)
        except RETRIED_FAILURES as error:
            if log:
                _log_attempt(client, request, error, started, attempt, retries)
            delay = _delay_after_failure(error, request, client.clock, attempt, retries)
        else:
            if log:
                _log_attempt(client, request, response, started, attempt, retries)
            if response.status_code not in RETRIED_STATUSES or attempt >= retries:
                return response
            answer_delay = _delay_after_answer(response, client.clock, attempt)
            if answer_delay is None:
                return response
            delay = answer_delay
        client.clock.sleep(delay)
        attempt += 1


async def async_send(
    client: Client | AuthenticatedClient,
    kwargs: dict[str, Any],
    max_retries: int | Unset,
    timeout: float | httpx.Timeout | Unset,
) -> httpx.Response:
    """:func:`send`, awaiting the answer and the waits."""
    http = client.get_async_httpx_client()
    # Built once: every attempt sends the same bytes and headers.
    if isinstance(timeout, Unset):
        request = http.build_request(**kwargs)
    else:
        request = http.build_request(**kwargs, timeout=timeout)
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    # Read once per call: with logging off, an attempt reads no clock.
    log = LOGGER.isEnabledFor(logging.INFO)
    attempt = 0
    while True:
        started = client.clock.monotonic() if log else 0.0
        try:
            response = await http.send(request)
        except RETRIED_FAILURES as error:
            if log:
                _log_attempt(client, request, error, started, attempt, retries)
            delay = _delay_after_failure(error, request, client.clock, attempt, retries)
        else:
            if log:
                _log_attempt(client, request, response, started, attempt, retries)
            if response.status_code not in RETRIED_STATUSES or attempt >= retries:
                return response
            answer_delay = _delay_after_answer(response, client.clock, attempt)
            if answer_delay is None:
                return response
            delay = answer_delay
        await client.clock.async_sleep(delay)
        attempt += 1


def parsed(parse: Callable[..., T], client: Client | AuthenticatedClient, response: httpx.Response) -> T | None:
    """What an operation's ``_parse_response`` makes of the answer; None if it cannot.

    A body that is not what the spec documents for its status (an HTML error page from
    IIS or a proxy, say) is handled like an undocumented status, not a crash.
    """
    try:
        return parse(client=client, response=response)
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        if client.raise_on_unexpected_status:
            raise errors.UnexpectedStatus(response.status_code, response.content) from error
        return None


def detailed(
    parse: Callable[..., T | None], client: Client | AuthenticatedClient, response: httpx.Response
) -> Response[T]:
    """The ``Response`` that the ``*_detailed`` functions return."""
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed(parse, client, response),
    )


def error_body(response: httpx.Response) -> errors.ErrorBody | None:
    """The answer's body as one of the spec's error bodies, if it is one."""
    if not response.content:
        return None
    try:
        data = json.loads(response.content)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    for model in ERROR_MODELS:
        try:
            return model.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return None


def _values_at(document: Any, path: Sequence[str]) -> list[str]:
    if not path:
        return [document] if isinstance(document, str) and document else []
    if isinstance(document, list):
        return [value for item in document for value in _values_at(item, path)]
    if isinstance(document, dict) and path[0] in document:
        return _values_at(document[path[0]], path[1:])
    return []


def _sensitive_values(
    request: httpx.Request, client: Client | AuthenticatedClient, secret_paths: Sequence[Sequence[str]]
) -> list[str]:
    """What the request carried that a message must not repeat: credentials and secrets."""
    values = []
    for name, value in request.headers.multi_items():
        if is_sensitive_header(name, client):
            # The whole value, the credential after an authentication scheme, and each cookie's value.
            values += [value, value.partition(" ")[2]]
            values += [pair.partition("=")[2].strip() for pair in value.split(";")]
    try:
        document = json.loads(request.content) if request.content else None
    except ValueError:
        document = None
    for path in secret_paths:
        values.extend(_values_at(document, path))
    # Longest first, so that a value containing another is replaced whole.
    return sorted((value for value in values if value), key=len, reverse=True)


def api_error(
    response: httpx.Response, client: Client | AuthenticatedClient, secret_paths: Sequence[Sequence[str]]
) -> errors.SuperOfficeApiError:
    """The typed error of an answer that is not a success (or a success holding an error)."""
    body = error_body(response)
    request = response.request
    reason = response.reason_phrase
    message = f"{request.method} {request.url.path} answered {response.status_code} {reason}"
    if body is not None:
        details = "; ".join(f"{key}: {value}" for key, value in body.to_dict().items() if isinstance(value, str))
        message += f" ({details})"
    elif response.is_success:
        message += " with a body that is not the documented answer"
    for value in _sensitive_values(request, client, secret_paths):
        message = message.replace(value, REDACTED)
    return errors.error_class(response.status_code)(message, response=response, body=body)


def holds_error(response: httpx.Response) -> bool:
    """Whether a success carries an error object instead of its answer (or of no body)."""
    return bool(response.content) and response.content != b"null" and error_body(response) is not None


def documented_error_body(response: httpx.Response) -> errors.ErrorBody:
    """The body of a status the spec documents with its error body; ValueError if it is none.

    The API functions' ``*_detailed`` parse: an answer of that status whose body is
    neither error shape (an HTML page from IIS or a proxy) is then treated as an
    undocumented status, as upstream's per-status parse would.
    """
    body = error_body(response)
    if body is None:
        raise ValueError(f"the body of this {response.status_code} answer is none of the spec's error bodies")
    return body
