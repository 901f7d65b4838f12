from typing import Any

import httpx

from ... import _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.asp_net_error import AspNetError
from ...models.super_office_error import SuperOfficeError
from ...models.untrusted_credentials import UntrustedCredentials
from ...types import UNSET, Response, Unset

# Where the request body holds secrets (format: password): never quoted in an error.
_SECRET_PATHS: tuple[tuple[str, ...], ...] = ()


def _get_kwargs(
    *,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    if not isinstance(so_language, Unset):
        headers["SO-Language"] = so_language

    if not isinstance(so_culture, Unset):
        headers["SO-Culture"] = so_culture

    if not isinstance(so_time_zone, Unset):
        headers["SO-TimeZone"] = so_time_zone

    if not isinstance(so_app_token, Unset):
        headers["SO-AppToken"] = so_app_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/Agents/User/CreateDefaultUntrustedCredentials",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AspNetError | SuperOfficeError | UntrustedCredentials | None:
    if response.status_code == 200:
        response_200 = UntrustedCredentials.from_dict(response.json())

        return response_200

    if response.status_code in {401, 403, 500}:
        return _runtime.documented_error_body(response)

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _result(*, client: AuthenticatedClient | Client, response: httpx.Response) -> UntrustedCredentials:
    """The success's body, or the typed error of the answer."""
    # An error object parses as a carrier too, whose fields are all optional.
    if response.is_success and not _runtime.holds_error(response):
        parsed = _runtime.parsed(_parse_response, client, response)
        if parsed is not None and not isinstance(parsed, _runtime.ERROR_MODELS):
            return parsed
    raise _runtime.api_error(response, client, _SECRET_PATHS)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> Response[AspNetError | SuperOfficeError | UntrustedCredentials]:
    """Loading default values into a new UntrustedCredentials.

     NsApiSlow threshold: 5000 ms.

    Answers one new carrier with default values, to fill in and save. It stores
    nothing: a Get after it answers what it answered before. It takes no body (the
    vendor lists no request media type); a body sent anyway is not read. Any caller
    that may use the User agent gets it: it touches no associate's credentials, so
    a caller that is no associate is not refused.

    The vendor does not say what the defaults are. This contract requires only what
    a caller relies on before filling it in: the carrier holds no secret
    (`SecretValue` null or left out) and no public value (`PublicValue` null, left
    out or empty), so that it carries nothing of a stored credential. The other
    values are the server's choice. The reference server answers:
    - `ValidFrom`: the time of the call, to the second: a new credential is valid
      from when it is made;
    - `ValidTo`: `0001-01-01T00:00:00`, the date SuperOffice writes for "no date"
      (the .NET default), meaning no end date. A far-future date instead would be
      an expiry nobody chose that looks like one;
    - `IsActive`: `true`: the carrier is meant to be filled in and used, and a
      caller that sets only the key and the secret should not save an inactive
      credential by accident;
    - `Comment`, `SecretValue`, `PublicValue`, `TableRight`, `FieldProperties`:
      `null`. The reference server keeps no rights (its Get leaves them out too).

    It writes both dates as the vendor does, with seven fractional digits, and in
    UTC with its offset (`+00:00`), which the `date-time` format needs.

    The answer's media type follows `Accept`, as for the Gets.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        so_app_token (str | Unset):
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).
        errors.UnexpectedStatus: For an undocumented status if Client.raise_on_unexpected_status is True.

    Returns:
        Response[AspNetError | SuperOfficeError | UntrustedCredentials]
    """

    kwargs = _get_kwargs(
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        so_app_token=so_app_token,
    )
    response = _runtime.send(client, kwargs, max_retries, timeout)
    return _runtime.detailed(_parse_response, client, response)


def sync(
    *,
    client: AuthenticatedClient,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> UntrustedCredentials:
    """Loading default values into a new UntrustedCredentials.

     NsApiSlow threshold: 5000 ms.

    Answers one new carrier with default values, to fill in and save. It stores
    nothing: a Get after it answers what it answered before. It takes no body (the
    vendor lists no request media type); a body sent anyway is not read. Any caller
    that may use the User agent gets it: it touches no associate's credentials, so
    a caller that is no associate is not refused.

    The vendor does not say what the defaults are. This contract requires only what
    a caller relies on before filling it in: the carrier holds no secret
    (`SecretValue` null or left out) and no public value (`PublicValue` null, left
    out or empty), so that it carries nothing of a stored credential. The other
    values are the server's choice. The reference server answers:
    - `ValidFrom`: the time of the call, to the second: a new credential is valid
      from when it is made;
    - `ValidTo`: `0001-01-01T00:00:00`, the date SuperOffice writes for "no date"
      (the .NET default), meaning no end date. A far-future date instead would be
      an expiry nobody chose that looks like one;
    - `IsActive`: `true`: the carrier is meant to be filled in and used, and a
      caller that sets only the key and the secret should not save an inactive
      credential by accident;
    - `Comment`, `SecretValue`, `PublicValue`, `TableRight`, `FieldProperties`:
      `null`. The reference server keeps no rights (its Get leaves them out too).

    It writes both dates as the vendor does, with seven fractional digits, and in
    UTC with its offset (`+00:00`), which the `date-time` format needs.

    The answer's media type follows `Accept`, as for the Gets.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        so_app_token (str | Unset):
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.SuperOfficeApiError: If the answer is not a success, or is a success holding an error object (the subclass of its status, such as errors.BadRequestError).
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).

    Returns:
        UntrustedCredentials
    """

    kwargs = _get_kwargs(
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        so_app_token=so_app_token,
    )
    return _result(client=client, response=_runtime.send(client, kwargs, max_retries, timeout))


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> Response[AspNetError | SuperOfficeError | UntrustedCredentials]:
    """Loading default values into a new UntrustedCredentials.

     NsApiSlow threshold: 5000 ms.

    Answers one new carrier with default values, to fill in and save. It stores
    nothing: a Get after it answers what it answered before. It takes no body (the
    vendor lists no request media type); a body sent anyway is not read. Any caller
    that may use the User agent gets it: it touches no associate's credentials, so
    a caller that is no associate is not refused.

    The vendor does not say what the defaults are. This contract requires only what
    a caller relies on before filling it in: the carrier holds no secret
    (`SecretValue` null or left out) and no public value (`PublicValue` null, left
    out or empty), so that it carries nothing of a stored credential. The other
    values are the server's choice. The reference server answers:
    - `ValidFrom`: the time of the call, to the second: a new credential is valid
      from when it is made;
    - `ValidTo`: `0001-01-01T00:00:00`, the date SuperOffice writes for "no date"
      (the .NET default), meaning no end date. A far-future date instead would be
      an expiry nobody chose that looks like one;
    - `IsActive`: `true`: the carrier is meant to be filled in and used, and a
      caller that sets only the key and the secret should not save an inactive
      credential by accident;
    - `Comment`, `SecretValue`, `PublicValue`, `TableRight`, `FieldProperties`:
      `null`. The reference server keeps no rights (its Get leaves them out too).

    It writes both dates as the vendor does, with seven fractional digits, and in
    UTC with its offset (`+00:00`), which the `date-time` format needs.

    The answer's media type follows `Accept`, as for the Gets.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        so_app_token (str | Unset):
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).
        errors.UnexpectedStatus: For an undocumented status if Client.raise_on_unexpected_status is True.

    Returns:
        Response[AspNetError | SuperOfficeError | UntrustedCredentials]
    """

    kwargs = _get_kwargs(
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        so_app_token=so_app_token,
    )
    response = await _runtime.async_send(client, kwargs, max_retries, timeout)
    return _runtime.detailed(_parse_response, client, response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> UntrustedCredentials:
    """Loading default values into a new UntrustedCredentials.

     NsApiSlow threshold: 5000 ms.

    Answers one new carrier with default values, to fill in and save. It stores
    nothing: a Get after it answers what it answered before. It takes no body (the
    vendor lists no request media type); a body sent anyway is not read. Any caller
    that may use the User agent gets it: it touches no associate's credentials, so
    a caller that is no associate is not refused.

    The vendor does not say what the defaults are. This contract requires only what
    a caller relies on before filling it in: the carrier holds no secret
    (`SecretValue` null or left out) and no public value (`PublicValue` null, left
    out or empty), so that it carries nothing of a stored credential. The other
    values are the server's choice. The reference server answers:
    - `ValidFrom`: the time of the call, to the second: a new credential is valid
      from when it is made;
    - `ValidTo`: `0001-01-01T00:00:00`, the date SuperOffice writes for "no date"
      (the .NET default), meaning no end date. A far-future date instead would be
      an expiry nobody chose that looks like one;
    - `IsActive`: `true`: the carrier is meant to be filled in and used, and a
      caller that sets only the key and the secret should not save an inactive
      credential by accident;
    - `Comment`, `SecretValue`, `PublicValue`, `TableRight`, `FieldProperties`:
      `null`. The reference server keeps no rights (its Get leaves them out too).

    It writes both dates as the vendor does, with seven fractional digits, and in
    UTC with its offset (`+00:00`), which the `date-time` format needs.

    The answer's media type follows `Accept`, as for the Gets.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        so_app_token (str | Unset):
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.SuperOfficeApiError: If the answer is not a success, or is a success holding an error object (the subclass of its status, such as errors.BadRequestError).
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).

    Returns:
        UntrustedCredentials
    """

    kwargs = _get_kwargs(
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        so_app_token=so_app_token,
    )
    response = await _runtime.async_send(client, kwargs, max_retries, timeout)
    return _result(client=client, response=response)
