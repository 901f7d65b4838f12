"""What the vendor publishes about the operations, kept as the project's own data.

Copied by hand from SuperOffice's reference pages of the User agent
(https://docs.superoffice.com/en/api/reference/restful/agent/User_Agent/, one page per
operation, e.g. .../v1UserAgent_SaveUntrustedCredentials.html) and its Swagger 2.0
description; the project never reads those at run or test time. All seven operations
on the UntrustedCredentials carrier are here. The spec may add to these facts (limits,
nullability, errors) but must keep every one.
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

# What a 200 holds: an array of carriers (the Gets) or one carrier (CreateDefault).
ARRAY = "array"
CARRIER = "object"


@dataclass(frozen=True)
class VendorOperation:
    path: str
    vendor_operation_id: str
    summary: str
    # The body's fields and its description (the vendor names the fields there);
    # None: the operation takes no body (the vendor lists no request media type).
    request_fields: Fields | None
    request_description: str | None
    success_status: str
    # "NsApiSlow threshold: N ms." in the vendor's description.
    slow_threshold_ms: int = 2000
    parameters: tuple[Parameter, ...] = COMMON_PARAMETERS
    # Empty: the operation produces nothing (a 204).
    answer_media_types: tuple[str, ...] = ()
    answer_shape: str = ARRAY


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
        request_description="AssociateId, Type, Credentials",
        success_status="204",
    ),
    VendorOperation(
        path="/api/v1/Agents/User/GetUntrustedCredentialsForAssociate",
        vendor_operation_id="v1UserAgent_GetUntrustedCredentialsForAssociate",
        summary="Get a set of credentials of a specified type for a specified user.",
        request_fields={"AssociateId": ("integer", "int32"), "Type": ("string", None)},
        request_description="AssociateId, Type",
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
        request_description="AssociateId, Type, PublicValue",
        success_status="204",
    ),
    VendorOperation(
        path="/api/v1/Agents/User/SaveUntrustedCredentials",
        vendor_operation_id="v1UserAgent_SaveUntrustedCredentials",
        summary="Save credentials for authenticated user.",
        request_fields={"Type": ("string", None), "Credentials": ("object", None)},
        request_description="Type, Credentials",
        success_status="204",
    ),
    VendorOperation(
        path="/api/v1/Agents/User/GetUntrustedCredentials",
        vendor_operation_id="v1UserAgent_GetUntrustedCredentials",
        summary="Get a set of credentials of a specified type for authenticated user.",
        request_fields={"Type": ("string", None)},
        request_description="Type",
        success_status="200",
        parameters=COMMON_PARAMETERS + LANGUAGE_PARAMETERS,
        answer_media_types=ANSWER_MEDIA_TYPES,
    ),
    VendorOperation(
        path="/api/v1/Agents/User/RemoveUntrustedCredentials",
        vendor_operation_id="v1UserAgent_RemoveUntrustedCredentials",
        summary="Remove a credentials entry for authenticated user.",
        request_fields={"Type": ("string", None), "PublicValue": ("string", None)},
        request_description="Type, PublicValue",
        success_status="204",
    ),
    VendorOperation(
        path="/api/v1/Agents/User/CreateDefaultUntrustedCredentials",
        vendor_operation_id="v1UserAgent_CreateDefaultUntrustedCredentials",
        summary="Loading default values into a new UntrustedCredentials.",
        request_fields=None,
        request_description=None,
        success_status="200",
        slow_threshold_ms=5000,
        # No $select here, unlike its siblings.
        parameters=(*LANGUAGE_PARAMETERS, ("SO-AppToken", "header", False, "string")),
        answer_media_types=ANSWER_MEDIA_TYPES,
        answer_shape=CARRIER,
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
