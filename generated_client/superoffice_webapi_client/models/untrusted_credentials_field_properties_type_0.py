from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UntrustedCredentialsFieldPropertiesType0")


@_attrs_define(kw_only=True)
class UntrustedCredentialsFieldPropertiesType0:
    """Field property dictionary mapping field names to field access rights.
    Filled in by the server; ignored in requests.

    """

    additional_properties: dict[str, FieldProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        untrusted_credentials_field_properties_type_0 = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = FieldProperty.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        untrusted_credentials_field_properties_type_0.additional_properties = additional_properties
        return untrusted_credentials_field_properties_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> FieldProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: FieldProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Below the class, not in the methods: an import statement on every to_dict() call
# was a measurable share of a client call (P1). Not at the top either: two models
# that refer to each other still import, since each class exists before its module
# imports the other.
from ..models.field_property import FieldProperty
