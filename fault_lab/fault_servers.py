"""The reference server's app, wrapped in a planted fault, on a free loopback port."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from starlette.types import ASGIApp

from fault_lab.store_access import SYSTEM_USER
from reference_server.app import create_app
from reference_server.launcher import serve_app
from reference_server.settings import Identity, Scheme, Settings


def no_fault(app: ASGIApp) -> ASGIApp:
    """The reference server as it is."""
    return app


@contextmanager
def serve_reference_app(
    wrap: Callable[[ASGIApp], ASGIApp],
    directory: Path,
    basic: tuple[str, str],
    owners: tuple[Identity, ...] = (),
) -> Iterator[str]:
    """Yield the base URL of ``wrap(reference app)``, accepting Basic ``basic`` as administrator,
    and ``owners`` (identities that are associates) as they say.

    The app also accepts store_access's system user, as whom a fault reads and puts back
    the store behind the client's back; the suite is never told of it.
    """
    user, password = basic
    settings = Settings(
        database=directory / "credentials.sqlite3",
        identities=(
            Identity(Scheme.BASIC, f"{user}:{password}"),
            Identity(Scheme.BASIC, ":".join(SYSTEM_USER), system_user=True),
            *owners,
        ),
    )
    with serve_app(wrap(create_app(settings))) as base_url:
        yield base_url
