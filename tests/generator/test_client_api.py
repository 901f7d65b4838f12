"""griffe's reading of the generated package (generator/client_api.py) matches the real one.

The constructors that AttrsConstructors gives attrs classes must be the ones attrs
makes, or the change report would judge constructors that do not exist. Guards proved
by hand: with the `kw_only` option ignored, the models and the clients fail; with
`alias=` ignored, the clients fail (`_base_url` instead of `base_url`); with `init=False`
ignored, every model fails (`additional_properties`).
"""

from __future__ import annotations

import inspect

import griffe
import pytest
import superoffice_webapi_client
from superoffice_webapi_client import models
from superoffice_webapi_client.client import AuthenticatedClient, Client

from generator.build import CLIENT_DIR
from generator.client_api import client_version, load_client, public_objects
from generator.versions import configured_version

PACKAGE = load_client(CLIENT_DIR)
ATTRS_CLASSES = [*(getattr(models, name) for name in models.__all__), Client, AuthenticatedClient]


def runtime_parameters(cls: type) -> list[tuple[str, str, bool]]:
    return [
        (parameter.name, parameter.kind.name.lower(), parameter.default is inspect.Parameter.empty)
        for parameter in inspect.signature(cls).parameters.values()
    ]


def griffe_parameters(cls: type) -> list[tuple[str, str, bool]]:
    path = f"{cls.__module__}.{cls.__qualname__}".removeprefix(f"{PACKAGE.name}.")
    init = PACKAGE[f"{path}.__init__"]
    assert isinstance(init, griffe.Function)
    return [
        (parameter.name, parameter.kind.name, parameter.required)
        for parameter in list(init.parameters)[1:]  # self
        if parameter.kind is not None
    ]


@pytest.mark.parametrize("cls", ATTRS_CLASSES, ids=lambda cls: cls.__name__)
def test_each_attrs_constructor_is_read_as_attrs_makes_it(cls: type) -> None:
    assert griffe_parameters(cls) == runtime_parameters(cls)


def test_public_objects_are_where_they_are_defined_and_public() -> None:
    paths = {obj.path for obj in public_objects(PACKAGE)}
    assert f"{PACKAGE.name}.models.untrusted_credentials.UntrustedCredentials" in paths
    assert f"{PACKAGE.name}.models.UntrustedCredentials" not in paths  # a re-export
    assert not any("._runtime" in path for path in paths)


def test_the_tree_knows_its_version_and_package() -> None:
    assert (
        client_version(CLIENT_DIR) == configured_version() == superoffice_webapi_client.__version__
    )
    assert PACKAGE.name == superoffice_webapi_client.__name__
