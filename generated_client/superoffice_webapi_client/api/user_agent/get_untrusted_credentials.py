from typing import Any, Literal

import httpx

from ... import _json_body, _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.asp_net_error import AspNetError
from ...models.get_untrusted_credentials_request import GetUntrustedCredentialsRequest
from ...models.super_office_error import SuperOfficeError
from ...models.untrusted_credentials import UntrustedCredentials
from ...types import UNSET, Response, Unset

JsonContentType = Literal[
    "application/json",
    "text/json",
    "application/json-patch+json",
    "application/merge-patch+json",
]
"""The request media types that carry JSON. Each sends the same JSON body."""


# Where the request body holds secrets (format: password): never quoted in an error.
_SECRET_PATHS: tuple[tuple[str, ...], ...] = ()


def _get_kwargs(
    *,
    body: GetUntrustedCredentialsRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(so_app_token, Unset):
        headers["SO-AppToken"] = so_app_token

    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    if not isinstance(so_language, Unset):
        headers["SO-Language"] = so_language

    if not isinstance(so_culture, Unset):
        headers["SO-Culture"] = so_culture

    if not isinstance(so_time_zone, Unset):
        headers["SO-TimeZone"] = so_time_zone

    params: dict[str, Any] = {}

    params["$select"] = select

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/Agents/User/GetUntrustedCredentials",
    }

    if params:
        _kwargs["params"] = params

    _kwargs["content"] = _json_body.encode(body.to_dict())

    headers["Content-Type"] = content_type

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AspNetError | SuperOfficeError | list[UntrustedCredentials] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_untrusted_credentials_list_item_data in _response_200:
            componentsschemas_untrusted_credentials_list_item = UntrustedCredentials.from_dict(
                componentsschemas_untrusted_credentials_list_item_data
            )

            response_200.append(componentsschemas_untrusted_credentials_list_item)

        return response_200

    if response.status_code in {400, 401, 403, 413, 415, 500}:
        return _runtime.documented_error_body(response)

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _result(*, client: AuthenticatedClient | Client, response: httpx.Response) -> list[UntrustedCredentials]:
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
    body: GetUntrustedCredentialsRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> Response[AspNetError | SuperOfficeError | list[UntrustedCredentials]]:
    """Get a set of credentials of a specified type for authenticated user.

     NsApiSlow threshold: 2000 ms.

    Returns every credential of (the caller's associate, Type), in a stable order:
    the same answer as `GetUntrustedCredentialsForAssociate` with `AssociateId` set
    to the caller's associate id, secrets included. The vendor says of that sibling
    that SecretValue "is only populated for authenticated user, and system users";
    here the caller is always the owner, so a SecretValue that was saved is shown.
    An empty array when there are none. A caller that is no associate is answered
    `403`, as by `SaveUntrustedCredentials`.

    The answer's media type follows `Accept`, as for the sibling.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        body (GetUntrustedCredentialsRequest): GetUntrustedCredentials: Get a set of credentials
            of a specified type for authenticated user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).
        errors.UnexpectedStatus: For an undocumented status if Client.raise_on_unexpected_status is True.

    Returns:
        Response[AspNetError | SuperOfficeError | list[UntrustedCredentials]]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        content_type=content_type,
    )
    response = _runtime.send(client, kwargs, max_retries, timeout)
    return _runtime.detailed(_parse_response, client, response)


def sync(
    *,
    client: AuthenticatedClient,
    body: GetUntrustedCredentialsRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> list[UntrustedCredentials]:
    """Get a set of credentials of a specified type for authenticated user.

     NsApiSlow threshold: 2000 ms.

    Returns every credential of (the caller's associate, Type), in a stable order:
    the same answer as `GetUntrustedCredentialsForAssociate` with `AssociateId` set
    to the caller's associate id, secrets included. The vendor says of that sibling
    that SecretValue "is only populated for authenticated user, and system users";
    here the caller is always the owner, so a SecretValue that was saved is shown.
    An empty array when there are none. A caller that is no associate is answered
    `403`, as by `SaveUntrustedCredentials`.

    The answer's media type follows `Accept`, as for the sibling.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        body (GetUntrustedCredentialsRequest): GetUntrustedCredentials: Get a set of credentials
            of a specified type for authenticated user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.SuperOfficeApiError: If the answer is not a success, or is a success holding an error object (the subclass of its status, such as errors.BadRequestError).
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).

    Returns:
        list[UntrustedCredentials]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        content_type=content_type,
    )
    return _result(client=client, response=_runtime.send(client, kwargs, max_retries, timeout))


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetUntrustedCredentialsRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> Response[AspNetError | SuperOfficeError | list[UntrustedCredentials]]:
    """Get a set of credentials of a specified type for authenticated user.

     NsApiSlow threshold: 2000 ms.

    Returns every credential of (the caller's associate, Type), in a stable order:
    the same answer as `GetUntrustedCredentialsForAssociate` with `AssociateId` set
    to the caller's associate id, secrets included. The vendor says of that sibling
    that SecretValue "is only populated for authenticated user, and system users";
    here the caller is always the owner, so a SecretValue that was saved is shown.
    An empty array when there are none. A caller that is no associate is answered
    `403`, as by `SaveUntrustedCredentials`.

    The answer's media type follows `Accept`, as for the sibling.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        body (GetUntrustedCredentialsRequest): GetUntrustedCredentials: Get a set of credentials
            of a specified type for authenticated user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).
        errors.UnexpectedStatus: For an undocumented status if Client.raise_on_unexpected_status is True.

    Returns:
        Response[AspNetError | SuperOfficeError | list[UntrustedCredentials]]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        content_type=content_type,
    )
    response = await _runtime.async_send(client, kwargs, max_retries, timeout)
    return _runtime.detailed(_parse_response, client, response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetUntrustedCredentialsRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    so_language: str | Unset = UNSET,
    so_culture: str | Unset = UNSET,
    so_time_zone: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> list[UntrustedCredentials]:
    """Get a set of credentials of a specified type for authenticated user.

     NsApiSlow threshold: 2000 ms.

    Returns every credential of (the caller's associate, Type), in a stable order:
    the same answer as `GetUntrustedCredentialsForAssociate` with `AssociateId` set
    to the caller's associate id, secrets included. The vendor says of that sibling
    that SecretValue "is only populated for authenticated user, and system users";
    here the caller is always the owner, so a SecretValue that was saved is shown.
    An empty array when there are none. A caller that is no associate is answered
    `403`, as by `SaveUntrustedCredentials`.

    The answer's media type follows `Accept`, as for the sibling.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        accept_language (str | Unset):
        so_language (str | Unset):
        so_culture (str | Unset):
        so_time_zone (str | Unset):
        body (GetUntrustedCredentialsRequest): GetUntrustedCredentials: Get a set of credentials
            of a specified type for authenticated user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.SuperOfficeApiError: If the answer is not a success, or is a success holding an error object (the subclass of its status, such as errors.BadRequestError).
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).

    Returns:
        list[UntrustedCredentials]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        accept_language=accept_language,
        so_language=so_language,
        so_culture=so_culture,
        so_time_zone=so_time_zone,
        content_type=content_type,
    )
    response = await _runtime.async_send(client, kwargs, max_retries, timeout)
    return _result(client=client, response=response)
