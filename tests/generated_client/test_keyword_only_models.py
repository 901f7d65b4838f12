"""Every generated model takes keywords only, so a field the spec gains shifts no position.

Guard proved by hand: with `kw_only=True` dropped from generator/templates/model.py.jinja
and the client regenerated, both tests fail (UntrustedCredentials accepted a positional
ValidFrom).
"""

from __future__ import annotations

import datetime
import inspect

import pytest
from superoffice_webapi_client import models

MODELS = [getattr(models, name) for name in models.__all__]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_constructor_parameter_is_keyword_only(model: type) -> None:
    parameters = inspect.signature(model).parameters.values()
    positional = [p.name for p in parameters if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    assert positional == []


def test_a_positional_argument_is_refused() -> None:
    when = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    with pytest.raises(TypeError, match="positional"):
        models.UntrustedCredentials(when)  # type: ignore[call-arg]
