from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UntrustedCredentials")


@_attrs_define(kw_only=True)
class UntrustedCredentials:
    """Credentials for external authentication.

    Carrier object for UntrustedCredentials. Services for the UntrustedCredentials
    carrier are available from the User Agent.

        Attributes:
            valid_from (datetime.datetime | Unset): Credentials are valid from this date. Example:
                2019-07-14T03:24:48.5653818+02:00.
            valid_to (datetime.datetime | Unset): Credentials are valid to this date. Example:
                2029-07-14T03:24:48.5653818+02:00.
            comment (None | str | Unset): Description of credentials. Max 255 characters. Example: Mailbox of the support
                desk.
            secret_value (None | str | Unset): Data stored encrypted in the db. Typically a password. Max 70 characters.
                Sent in a save; returned by Get only to the associate it belongs to and to
                system users, and otherwise left out or null.
                 Example: correct-horse-battery-staple.
            public_value (None | str | Unset): Data stored unencrypted in the db. Typically server and or username. Max 238
                characters. Example: imap.example.com:993/support@example.com.
            is_active (bool | Unset): Is this credentials currently active. Example: True.
            table_right (None | TableRight | Unset): The carrier's table right. Filled in by the server; ignored in
                requests.
            field_properties (None | Unset | UntrustedCredentialsFieldPropertiesType0): Field property dictionary mapping
                field names to field access rights.
                Filled in by the server; ignored in requests.
    """

    valid_from: datetime.datetime | Unset = UNSET
    valid_to: datetime.datetime | Unset = UNSET
    comment: None | str | Unset = UNSET
    secret_value: None | str | Unset = _attrs_field(default=UNSET, repr=False)
    public_value: None | str | Unset = UNSET
    is_active: bool | Unset = UNSET
    table_right: None | TableRight | Unset = UNSET
    field_properties: None | Unset | UntrustedCredentialsFieldPropertiesType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_to: str | Unset = UNSET
        if not isinstance(self.valid_to, Unset):
            valid_to = self.valid_to.isoformat()

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        secret_value: None | str | Unset
        if isinstance(self.secret_value, Unset):
            secret_value = UNSET
        else:
            secret_value = self.secret_value

        public_value: None | str | Unset
        if isinstance(self.public_value, Unset):
            public_value = UNSET
        else:
            public_value = self.public_value

        is_active = self.is_active

        table_right: dict[str, Any] | None | Unset
        if isinstance(self.table_right, Unset):
            table_right = UNSET
        elif isinstance(self.table_right, TableRight):
            table_right = self.table_right.to_dict()
        else:
            table_right = self.table_right

        field_properties: dict[str, Any] | None | Unset
        if isinstance(self.field_properties, Unset):
            field_properties = UNSET
        elif isinstance(self.field_properties, UntrustedCredentialsFieldPropertiesType0):
            field_properties = self.field_properties.to_dict()
        else:
            field_properties = self.field_properties

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if valid_from is not UNSET:
            field_dict["ValidFrom"] = valid_from
        if valid_to is not UNSET:
            field_dict["ValidTo"] = valid_to
        if comment is not UNSET:
            field_dict["Comment"] = comment
        if secret_value is not UNSET:
            field_dict["SecretValue"] = secret_value
        if public_value is not UNSET:
            field_dict["PublicValue"] = public_value
        if is_active is not UNSET:
            field_dict["IsActive"] = is_active
        if table_right is not UNSET:
            field_dict["TableRight"] = table_right
        if field_properties is not UNSET:
            field_dict["FieldProperties"] = field_properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _valid_from = d.pop("ValidFrom", UNSET)
        valid_from: datetime.datetime | Unset
        if isinstance(_valid_from, Unset):
            valid_from = UNSET
        else:
            valid_from = datetime.datetime.fromisoformat(_valid_from)

        _valid_to = d.pop("ValidTo", UNSET)
        valid_to: datetime.datetime | Unset
        if isinstance(_valid_to, Unset):
            valid_to = UNSET
        else:
            valid_to = datetime.datetime.fromisoformat(_valid_to)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("Comment", UNSET))

        def _parse_secret_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_value = _parse_secret_value(d.pop("SecretValue", UNSET))

        def _parse_public_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_value = _parse_public_value(d.pop("PublicValue", UNSET))

        is_active = d.pop("IsActive", UNSET)

        def _parse_table_right(data: object) -> None | TableRight | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                table_right_type_0 = TableRight.from_dict(data)

                return table_right_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TableRight | Unset, data)

        table_right = _parse_table_right(d.pop("TableRight", UNSET))

        def _parse_field_properties(data: object) -> None | Unset | UntrustedCredentialsFieldPropertiesType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_properties_type_0 = UntrustedCredentialsFieldPropertiesType0.from_dict(data)

                return field_properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UntrustedCredentialsFieldPropertiesType0, data)

        field_properties = _parse_field_properties(d.pop("FieldProperties", UNSET))

        untrusted_credentials = cls(
            valid_from=valid_from,
            valid_to=valid_to,
            comment=comment,
            secret_value=secret_value,
            public_value=public_value,
            is_active=is_active,
            table_right=table_right,
            field_properties=field_properties,
        )

        untrusted_credentials.additional_properties = d
        return untrusted_credentials

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
from ..models.table_right import TableRight
from ..models.untrusted_credentials_field_properties_type_0 import UntrustedCredentialsFieldPropertiesType0
