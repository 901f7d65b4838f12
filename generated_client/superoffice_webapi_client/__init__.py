"""A client library for accessing SuperOffice WebAPI - SaveUntrustedCredentialsForAssociate"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
