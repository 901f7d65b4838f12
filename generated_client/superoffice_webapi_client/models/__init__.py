"""Contains all the data models used in inputs/outputs"""

from .asp_net_error import AspNetError
from .field_property import FieldProperty
from .field_right import FieldRight
from .get_untrusted_credentials_for_associate_request import GetUntrustedCredentialsForAssociateRequest
from .get_untrusted_credentials_request import GetUntrustedCredentialsRequest
from .remove_untrusted_credentials_for_associate_request import RemoveUntrustedCredentialsForAssociateRequest
from .remove_untrusted_credentials_request import RemoveUntrustedCredentialsRequest
from .save_untrusted_credentials_for_associate_request import SaveUntrustedCredentialsForAssociateRequest
from .save_untrusted_credentials_request import SaveUntrustedCredentialsRequest
from .super_office_error import SuperOfficeError
from .table_right import TableRight
from .untrusted_credentials import UntrustedCredentials
from .untrusted_credentials_field_properties_type_0 import UntrustedCredentialsFieldPropertiesType0

__all__ = (
    "AspNetError",
    "FieldProperty",
    "FieldRight",
    "GetUntrustedCredentialsForAssociateRequest",
    "GetUntrustedCredentialsRequest",
    "RemoveUntrustedCredentialsForAssociateRequest",
    "RemoveUntrustedCredentialsRequest",
    "SaveUntrustedCredentialsForAssociateRequest",
    "SaveUntrustedCredentialsRequest",
    "SuperOfficeError",
    "TableRight",
    "UntrustedCredentials",
    "UntrustedCredentialsFieldPropertiesType0",
)
