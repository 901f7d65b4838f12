from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldProperty")


@_attrs_define(kw_only=True)
class FieldProperty:
    """Properties of one carrier field, such as its length and type.

    Attributes:
        field_right (FieldRight | Unset): Wraps a field right together with an explanatory reason.
        field_type (str | Unset):  Example: System.String.
        field_length (int | Unset):  Example: 255.
    """

    field_right: FieldRight | Unset = UNSET
    field_type: str | Unset = UNSET
    field_length: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_right: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_right, Unset):
            field_right = self.field_right.to_dict()

        field_type = self.field_type

        field_length = self.field_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_right is not UNSET:
            field_dict["FieldRight"] = field_right
        if field_type is not UNSET:
            field_dict["FieldType"] = field_type
        if field_length is not UNSET:
            field_dict["FieldLength"] = field_length

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _field_right = d.pop("FieldRight", UNSET)
        field_right: FieldRight | Unset
        if isinstance(_field_right, Unset):
            field_right = UNSET
        else:
            field_right = FieldRight.from_dict(_field_right)

        field_type = d.pop("FieldType", UNSET)

        field_length = d.pop("FieldLength", UNSET)

        field_property = cls(
            field_right=field_right,
            field_type=field_type,
            field_length=field_length,
        )

        field_property.additional_properties = d
        return field_property

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
from ..models.field_right import FieldRight
