"""The command line: ``python -m reference_server [serve options]`` and ``... export``."""

from __future__ import annotations

import argparse
import functools
import json
import os
import shlex
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import spec_loader
from reference_server.announce import AnnouncingServer
from reference_server.app import create_app
from reference_server.body_decoding import BodyFormat, body_format
from reference_server.credential_sources import (
    CREDENTIALS_ENV_VAR,
    RefusingParser,
    credential_arguments,
)
from reference_server.export import export_lines
from reference_server.http_protocol import uvicorn_config
from reference_server.identities import SYSTEM_SUFFIX, development_identity, parse_identity
from reference_server.keys import KEY_ENV_VAR, KeySourceError
from reference_server.operations import UnimplementedOperationError
from reference_server.secret_box import WrongKeyError
from reference_server.settings import ONE_MIB, Identity, Scheme, Settings

EXPORT_COMMAND = "export"
# What a shell reports for a command that a closed pipe stopped (128 + SIGPIPE).
BROKEN_PIPE_EXIT = 128 + signal.SIGPIPE
IDENTITY_FLAGS = {
    "--basic": (Scheme.BASIC, "USER:PASSWORD"),
    "--ticket": (Scheme.TICKET, "TICKET"),
    "--bearer": (Scheme.BEARER, "TOKEN"),
    "--xsrf": (Scheme.XSRF, "TOKEN"),
}
# Where --require-app-token, a credential too, is also accepted: the file and the variable.
APP_TOKEN_FLAG = "--require-app-token"  # noqa: S105 (a flag name)
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# uvicorn's own access log is off (our AccessLog writes one that leaves out the query).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": LOG_FORMAT}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "reference_server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def key_help(when_missing: str) -> str:
    return (
        f"the encryption key file (default: DATABASE.key beside the database); {when_missing}."
        f" The environment variable {KEY_ENV_VAR} (base64 of 32 bytes) takes precedence over"
        f" any key file"
    )


def served_operations() -> str:
    return "; ".join(
        f"{operation.method.upper()} {operation.path}"
        for operation in spec_loader.operations(spec_loader.load_spec())
    )


def serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reference_server",
        description=(
            f"Serve the operations of the spec ({served_operations()}) as it describes them,"
            " storing credentials in SQLite with the secrets encrypted (AES-GCM)."
            " Once ready it prints 'Reference server listening on http://HOST:PORT'."
        ),
        epilog=(
            "Identities: each flag may be repeated. Without a suffix an identity is an"
            " administrator: it may save, read and remove the credentials of any associate,"
            " but is never shown their secrets. A trailing @ASSOCIATE_ID (e.g. --ticket"
            " 7T:abc@42) makes it that associate: it may act only on its own credentials,"
            f" and sees their secrets. A trailing @{SYSTEM_SUFFIX} (e.g. --ticket"
            f" 7T:abc@{SYSTEM_SUFFIX}) makes it a system user: it may act for any associate"
            " and sees secrets. A secret therefore cannot itself end in either suffix. With"
            " no identity flag, a development (administrator) ticket is created and printed."
            " Credentials given as flags show in process lists: put the same flags in a"
            f" --credentials-file or in the environment variable {CREDENTIALS_ENV_VAR}"
            " instead (shell quoting, '#' comments; only the identity flags and"
            f" {APP_TOKEN_FLAG} may appear there)."
            f" Export the stored credentials with: python -m reference_server {EXPORT_COMMAND}"
            " --help"
        ),
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="port; 0 picks a free one (default: %(default)s)"
    )
    parser.add_argument(
        "--database", type=Path, required=True, help="the SQLite file (created when missing)"
    )
    add_credential_arguments(parser)
    parser.add_argument(
        "--credentials-file",
        type=Path,
        metavar="FILE",
        help=f"more credential flags ({', '.join(IDENTITY_FLAGS)}, {APP_TOKEN_FLAG}), read"
        f" from FILE; the variable {CREDENTIALS_ENV_VAR} may hold them too",
    )
    parser.add_argument(
        "--key-file", type=Path, help=key_help("created with mode 0600 when missing")
    )
    parser.add_argument(
        "--max-body-bytes",
        type=int,
        default=ONE_MIB,
        help="larger bodies get 413 (default: %(default)s)",
    )
    return parser


def add_credential_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags that take a credential: on the command line, in the file and the variable."""
    for flag, (scheme, metavar) in IDENTITY_FLAGS.items():
        parser.add_argument(
            flag,
            dest="identities",
            action="append",
            default=[],
            metavar=f"{metavar}[@ASSOCIATE_ID|@{SYSTEM_SUFFIX}]",
            type=functools.partial(identity_argument, scheme),
            help=f"accept this {scheme.value} credential",
        )
    parser.add_argument(
        APP_TOKEN_FLAG,
        metavar="TOKEN",
        help="require this SO-AppToken value, as Online does (default: accepted, not checked)",
    )


def credentials_beyond_flags(credentials_file: Path | None) -> argparse.Namespace:
    """The identities and app token of --credentials-file and of the environment variable.

    ValueError with a message that names the source and never quotes what it holds.
    """
    parser = RefusingParser(add_help=False)
    add_credential_arguments(parser)
    source = (
        f"{CREDENTIALS_ENV_VAR} or {credentials_file}" if credentials_file else CREDENTIALS_ENV_VAR
    )
    given, extra = parser.parse_known_args(credential_arguments(credentials_file, os.environ))
    if extra:
        raise ValueError(
            f"{source}: {len(extra)} word(s) that are not a credential flag or its value; only"
            f" {', '.join(IDENTITY_FLAGS)} and {APP_TOKEN_FLAG} may appear there"
        )
    return given


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"python -m reference_server {EXPORT_COMMAND}",
        description="Print the stored credentials as JSON lines, without their secret values.",
    )
    parser.add_argument("--database", type=Path, required=True, help="the SQLite file")
    parser.add_argument(
        "--key-file",
        type=Path,
        help=key_help(
            "export never creates one. Whenever there is a key, it is checked against the"
            " database first, so a wrong key fails at once; --reveal-secrets needs one"
        ),
    )
    parser.add_argument(
        "--reveal-secrets", action="store_true", help="decrypt and include the secret values"
    )
    return parser


def identity_argument(scheme: Scheme, text: str) -> Identity:
    try:
        return parse_identity(scheme, text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def curl_example(base_url: str, identity: Identity) -> str:
    """A request to the spec's first operation, with its first example as JSON."""
    spec = spec_loader.load_spec()
    first = spec_loader.operations(spec)[0]
    content = spec_loader.inline_refs(spec, first.node["requestBody"]["content"])
    media_type = next(media for media in content if body_format(media) is BodyFormat.JSON)
    example = next(iter(content[media_type]["examples"].values()))["value"]
    command = [
        "curl", "-i", "-X", first.method.upper(), base_url + first.path,
        "-H", f"Authorization: {Scheme.TICKET.value} {identity.secret}",
        "-H", f"Content-Type: {media_type}",
        "-d", json.dumps(example),
    ]  # fmt: skip
    return shlex.join(command)


def serve(arguments: Sequence[str]) -> int:
    parser = serve_parser()
    options = parser.parse_args(arguments)
    try:
        beyond_flags = credentials_beyond_flags(options.credentials_file)
    except ValueError as error:
        parser.error(str(error))
    identities: tuple[Identity, ...] = (*beyond_flags.identities, *options.identities)
    development = None if identities else development_identity()
    settings = Settings(
        database=options.database,
        identities=(development,) if development else identities,
        key_file=options.key_file,
        max_body_bytes=options.max_body_bytes,
        require_app_token=options.require_app_token or beyond_flags.require_app_token,
    )
    try:
        app = create_app(settings)
    except (KeySourceError, WrongKeyError, UnimplementedOperationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as error:
        print(f"error: {options.database}: {error}", file=sys.stderr)
        return 1

    def explain_development_identity(base_url: str) -> None:
        if development is not None:
            print("No identity flag given: this run accepts one development identity,")
            print(f"  Authorization: {Scheme.TICKET.value} {development.secret}")
            print("Try it:")
            print("  " + curl_example(base_url, development), flush=True)

    config = uvicorn_config(app, host=options.host, port=options.port, log_config=LOGGING)
    AnnouncingServer(config, after_ready=explain_development_identity).run()
    return 0


def export(arguments: Sequence[str]) -> int:
    options = export_parser().parse_args(arguments)
    try:
        for line in export_lines(
            options.database,
            options.key_file,
            reveal_secrets=options.reveal_secrets,
            environ=os.environ,
        ):
            print(line)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at exit
    except BrokenPipeError:
        # The reader has had enough (`export | head`). Python would report the closed
        # pipe again when it flushes stdout at exit; what is left goes nowhere instead.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_EXIT
    except (KeySourceError, WrongKeyError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except sqlite3.Error as error:
        print(f"error: {options.database}: {error}", file=sys.stderr)
        return 1
    return 0


def main(arguments: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if arguments is None else arguments)
    if arguments[:1] == [EXPORT_COMMAND]:
        return export(arguments[1:])
    return serve(arguments)
