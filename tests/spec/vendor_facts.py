"""What the vendor publishes about the operations, kept as the project's own data.

Copied by hand from SuperOffice's endpoint pages and Swagger 2.0 extract (the
project never reads those at run or test time). The spec may add to these facts
(limits, nullability, errors) but must keep every one.
"""

from __future__ import annotations

from dataclasses import dataclass

METHOD = "post"

REQUEST_MEDIA_TYPES = (
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/x-www-form-urlencoded",
    "application/json-patch+json",
    "application/merge-patch+json",
)
# What the Gets produce, chosen by Accept.
ANSWER_MEDIA_TYPES = (
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/json-patch+json",
    "application/merge-patch+json",
)

# (name, in, required, type)
Parameter = tuple[str, str, bool, str]
COMMON_PARAMETERS: tuple[Parameter, ...] = (
    ("$select", "query", False, "string"),
    ("SO-AppToken", "header", False, "string"),
)
LANGUAGE_PARAMETERS: tuple[Parameter, ...] = (
    ("Accept-Language", "header", False, "string"),
    ("SO-Language", "header", False, "string"),
    ("SO-Culture", "header", False, "string"),
    ("SO-TimeZone", "header", False, "string"),
)

# Request body fields: name -> (type, format or None)
Fields = dict[str, tuple[str, str | None]]


@dataclass(frozen=True)
class VendorOperation:
    path: str
    vendor_operation_id: str
    summary: str
    request_fields: Fields
    success_status: str
    parameters: tuple[Parameter, ...] = COMMON_PARAMETERS
    # Empty: the operation produces nothing (a 204).
    answer_media_types: tuple[str, ...] = ()


OPERATIONS = (
    VendorOperation(
        path="/api/v1/Agents/User/SaveUntrustedCredentialsForAssociate",
        vendor_operation_id="v1UserAgent_SaveUntrustedCredentialsForAssociate",
        summary="Save credentials for a specified user.",
        request_fields={
            "AssociateId": ("integer", "int32"),
            "Type": ("string", None),
            "Credentials": ("object", None),
        },
        success_status="204",
    ),
    VendorOperation(
        path="/api/v1/Agents/User/GetUntrustedCredentialsForAssociate",
        vendor_operation_id="v1UserAgent_GetUntrustedCredentialsForAssociate",
        summary="Get a set of credentials of a specified type for a specified user.",
        request_fields={"AssociateId": ("integer", "int32"), "Type": ("string", None)},
        success_status="200",
        parameters=COMMON_PARAMETERS + LANGUAGE_PARAMETERS,
        answer_media_types=ANSWER_MEDIA_TYPES,
    ),
    VendorOperation(
        path="/api/v1/Agents/User/RemoveUntrustedCredentialsForAssociate",
        vendor_operation_id="v1UserAgent_RemoveUntrustedCredentialsForAssociate",
        summary="Remove a credentials entry for a specified user.",
        request_fields={
            "AssociateId": ("integer", "int32"),
            "Type": ("string", None),
            "PublicValue": ("string", None),
        },
        success_status="204",
    ),
)

# UntrustedCredentials fields: name -> (type, format or None, maxLength or None,
# nillable in the WSDL)
CARRIER_FIELDS = {
    "ValidFrom": ("string", "date-time", None, False),
    "ValidTo": ("string", "date-time", None, False),
    "Comment": ("string", None, 255, True),
    "SecretValue": ("string", None, 70, True),
    "PublicValue": ("string", None, 238, True),
    "IsActive": ("boolean", None, None, False),
    "TableRight": ("object", None, None, True),
    "FieldProperties": ("object", None, None, True),
}

# Sub-carriers the server fills in: name -> {field: (type, format or None)}
RIGHTS_FIELDS = {"Mask": ("string", None), "Reason": ("string", None)}
FIELD_PROPERTY_FIELDS = {
    "FieldRight": ("object", None),
    "FieldType": ("string", None),
    "FieldLength": ("integer", "int32"),
}
