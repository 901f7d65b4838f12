from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RemoveUntrustedCredentialsRequest")


@_attrs_define(kw_only=True)
class RemoveUntrustedCredentialsRequest:
    """RemoveUntrustedCredentials: Remove a credentials entry for authenticated user.

    Attributes:
        type_ (str): Kind of credential, for example `imap` or `smtp`. Example: imap.
        public_value (None | str): Data stored unencrypted in the db. Typically server and or username. Max 238
            characters. Example: imap.example.com:993/support@example.com.
    """

    type_: str
    public_value: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        public_value: None | str
        public_value = self.public_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Type": type_,
                "PublicValue": public_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("Type")

        def _parse_public_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_value = _parse_public_value(d.pop("PublicValue"))

        remove_untrusted_credentials_request = cls(
            type_=type_,
            public_value=public_value,
        )

        remove_untrusted_credentials_request.additional_properties = d
        return remove_untrusted_credentials_request

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
