from typing import Any, Literal, cast

import httpx

from ... import _json_body, _runtime, errors
from ...client import AuthenticatedClient, Client
from ...models.asp_net_error import AspNetError
from ...models.remove_untrusted_credentials_for_associate_request import RemoveUntrustedCredentialsForAssociateRequest
from ...models.super_office_error import SuperOfficeError
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
    body: RemoveUntrustedCredentialsForAssociateRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(so_app_token, Unset):
        headers["SO-AppToken"] = so_app_token

    params: dict[str, Any] = {}

    params["$select"] = select

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/Agents/User/RemoveUntrustedCredentialsForAssociate",
    }

    if params:
        _kwargs["params"] = params

    _kwargs["content"] = _json_body.encode(body.to_dict())

    headers["Content-Type"] = content_type

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | AspNetError | SuperOfficeError | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code in {400, 401, 403, 413, 415, 500}:
        return _runtime.documented_error_body(response)

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _result(*, client: AuthenticatedClient | Client, response: httpx.Response) -> None:
    """The success's body, or the typed error of the answer."""
    if response.is_success and not _runtime.holds_error(response):
        return None
    raise _runtime.api_error(response, client, _SECRET_PATHS)


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoveUntrustedCredentialsForAssociateRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> Response[Any | AspNetError | SuperOfficeError]:
    """Remove a credentials entry for a specified user.

     Removes the credential identified by (AssociateId, Type, PublicValue). A null
    `PublicValue` is the same key as the empty string, as in a save.

    The vendor does not say whether removing a credential that does not exist is
    an error. This contract says it is not: the answer is `204` whether or not
    there was something to remove, so a Remove can be repeated safely (a retry,
    a second clean-up) and the agents' rule of not answering HTTP errors holds.

    NsApiSlow threshold: 2000 ms.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        body (RemoveUntrustedCredentialsForAssociateRequest):
            RemoveUntrustedCredentialsForAssociate: Remove a credentials entry for a specified user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).
        errors.UnexpectedStatus: For an undocumented status if Client.raise_on_unexpected_status is True.

    Returns:
        Response[Any | AspNetError | SuperOfficeError]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        content_type=content_type,
    )
    response = _runtime.send(client, kwargs, max_retries, timeout)
    return _runtime.detailed(_parse_response, client, response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RemoveUntrustedCredentialsForAssociateRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> None:
    """Remove a credentials entry for a specified user.

     Removes the credential identified by (AssociateId, Type, PublicValue). A null
    `PublicValue` is the same key as the empty string, as in a save.

    The vendor does not say whether removing a credential that does not exist is
    an error. This contract says it is not: the answer is `204` whether or not
    there was something to remove, so a Remove can be repeated safely (a retry,
    a second clean-up) and the agents' rule of not answering HTTP errors holds.

    NsApiSlow threshold: 2000 ms.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        body (RemoveUntrustedCredentialsForAssociateRequest):
            RemoveUntrustedCredentialsForAssociate: Remove a credentials entry for a specified user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.SuperOfficeApiError: If the answer is not a success, or is a success holding an error object (the subclass of its status, such as errors.BadRequestError).
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        content_type=content_type,
    )
    return _result(client=client, response=_runtime.send(client, kwargs, max_retries, timeout))


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoveUntrustedCredentialsForAssociateRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> Response[Any | AspNetError | SuperOfficeError]:
    """Remove a credentials entry for a specified user.

     Removes the credential identified by (AssociateId, Type, PublicValue). A null
    `PublicValue` is the same key as the empty string, as in a save.

    The vendor does not say whether removing a credential that does not exist is
    an error. This contract says it is not: the answer is `204` whether or not
    there was something to remove, so a Remove can be repeated safely (a retry,
    a second clean-up) and the agents' rule of not answering HTTP errors holds.

    NsApiSlow threshold: 2000 ms.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        body (RemoveUntrustedCredentialsForAssociateRequest):
            RemoveUntrustedCredentialsForAssociate: Remove a credentials entry for a specified user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).
        errors.UnexpectedStatus: For an undocumented status if Client.raise_on_unexpected_status is True.

    Returns:
        Response[Any | AspNetError | SuperOfficeError]
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        content_type=content_type,
    )
    response = await _runtime.async_send(client, kwargs, max_retries, timeout)
    return _runtime.detailed(_parse_response, client, response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RemoveUntrustedCredentialsForAssociateRequest,
    select: str | Unset = UNSET,
    so_app_token: str | Unset = UNSET,
    content_type: JsonContentType = "application/json",
    max_retries: int | Unset = UNSET,
    timeout: float | httpx.Timeout | Unset = UNSET,
) -> None:
    """Remove a credentials entry for a specified user.

     Removes the credential identified by (AssociateId, Type, PublicValue). A null
    `PublicValue` is the same key as the empty string, as in a save.

    The vendor does not say whether removing a credential that does not exist is
    an error. This contract says it is not: the answer is `204` whether or not
    there was something to remove, so a Remove can be repeated safely (a retry,
    a second clean-up) and the agents' rule of not answering HTTP errors holds.

    NsApiSlow threshold: 2000 ms.

    **Online Restricted:** the User agent is not available in Online by default.
    User management is not allowed for partner apps.

    Methods other than POST are answered `405 Method Not Allowed` with an
    `Allow: POST` header.

    Args:
        select (str | Unset):
        so_app_token (str | Unset):
        body (RemoveUntrustedCredentialsForAssociateRequest):
            RemoveUntrustedCredentialsForAssociate: Remove a credentials entry for a specified user.
        content_type (JsonContentType): The Content-Type to send the JSON body as. Default: application/json.
        max_retries (int | Unset): Retries for this call. Default: the client's max_retries.
        timeout (float | httpx.Timeout | Unset): Timeout for each attempt. Default: the client's timeout.

    Raises:
        errors.SuperOfficeApiError: If the answer is not a success, or is a success holding an error object (the subclass of its status, such as errors.BadRequestError).
        errors.ApiConnectionError: If no answer came, after the retries (errors.ApiTimeoutError: none in time).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        body=body,
        select=select,
        so_app_token=so_app_token,
        content_type=content_type,
    )
    response = await _runtime.async_send(client, kwargs, max_retries, timeout)
    return _result(client=client, response=response)
