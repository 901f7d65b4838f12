from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetUntrustedCredentialsForAssociateRequest")


@_attrs_define(kw_only=True)
class GetUntrustedCredentialsForAssociateRequest:
    """GetUntrustedCredentialsForAssociate: Get a set of credentials of a specified type for a specified user.

    Attributes:
        associate_id (int): Id of the user (associate) whose credentials these are. Example: 42.
        type_ (str): Kind of credential, for example `imap` or `smtp`. Example: imap.
    """

    associate_id: int
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        associate_id = self.associate_id

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "AssociateId": associate_id,
                "Type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        associate_id = d.pop("AssociateId")

        type_ = d.pop("Type")

        get_untrusted_credentials_for_associate_request = cls(
            associate_id=associate_id,
            type_=type_,
        )

        get_untrusted_credentials_for_associate_request.additional_properties = d
        return get_untrusted_credentials_for_associate_request

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
