from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SaveUntrustedCredentialsRequest")


@_attrs_define(kw_only=True)
class SaveUntrustedCredentialsRequest:
    """SaveUntrustedCredentials: Save credentials for authenticated user.

    Attributes:
        type_ (str): Kind of credential, for example `imap` or `smtp`. Example: imap.
        credentials (UntrustedCredentials): Credentials for external authentication.

            Carrier object for UntrustedCredentials. Services for the UntrustedCredentials
            carrier are available from the User Agent.
    """

    type_: str
    credentials: UntrustedCredentials
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        credentials = self.credentials.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Type": type_,
                "Credentials": credentials,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("Type")

        credentials = UntrustedCredentials.from_dict(d.pop("Credentials"))

        save_untrusted_credentials_request = cls(
            type_=type_,
            credentials=credentials,
        )

        save_untrusted_credentials_request.additional_properties = d
        return save_untrusted_credentials_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Below the class, not in the methods: an import statement on every to_dict() call
# was a measurable share of a client call (P1). Not at the top either: two models
# that refer to each other still import, since each class exists before its module
# imports the other.
from ..models.untrusted_credentials import UntrustedCredentials
