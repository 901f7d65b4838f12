"""What the vendor publishes about the operation, kept as the project's own data.

Copied by hand from SuperOffice's endpoint page and Swagger 2.0 extract (the
project never reads those at run or test time). The spec may add to these facts
(limits, nullability, errors) but must keep every one.
"""

from __future__ import annotations

PATH = "/api/v1/Agents/User/SaveUntrustedCredentialsForAssociate"
METHOD = "post"
VENDOR_OPERATION_ID = "v1UserAgent_SaveUntrustedCredentialsForAssociate"
SUMMARY = "Save credentials for a specified user."

REQUEST_MEDIA_TYPES = (
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/x-www-form-urlencoded",
    "application/json-patch+json",
    "application/merge-patch+json",
)

# (name, in, required, type)
PARAMETERS = (
    ("$select", "query", False, "string"),
    ("SO-AppToken", "header", False, "string"),
)

SUCCESS_STATUS = "204"

# Request body fields: name -> (type, format or None)
REQUEST_FIELDS = {
    "AssociateId": ("integer", "int32"),
    "Type": ("string", None),
    "Credentials": ("object", None),
}

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
