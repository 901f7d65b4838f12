"""Run openapi-python-client on the bridged spec with our templates and a pinned ruff."""

from __future__ import annotations

import contextlib
import io
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError

from generator import changelog
from generator.bridge import generator_input, template_globals
from generator.pins import version_mismatches
from spec_loader import load_spec, spec_path

GENERATOR_DIR = Path(__file__).resolve().parent
CONFIG_PATH = GENERATOR_DIR / "config.yaml"
TEMPLATES_DIR = GENERATOR_DIR / "templates"
CLIENT_DIR = GENERATOR_DIR.parent / "generated_client"

# The generator's default hooks run whichever ruff comes first on PATH. Its output
# decides the generated code (docs/vendor-facts.md: ruff 0.17 rewrites it differently
# from older ones), so run the ruff of this interpreter's environment, the one the lock
# pins, and without a cache folder in the output.
_RUFF = f"{shlex.quote(sys.executable)} -m ruff"
POST_HOOKS = [
    f"{_RUFF} check --fix-only --no-cache .",
    f"{_RUFF} format --no-cache .",
]


# Modules of ours that upstream has no template for, rendered beside its own.
EXTRA_MODULES = ("_runtime.py", "_json_body.py", "servers.py")


class GenerationError(RuntimeError):
    """openapi-python-client reported an error or a warning."""


class _Project(Project):
    def _build_api(self) -> None:
        super()._build_api()
        for module in EXTRA_MODULES:
            template = self.env.get_template(f"{module}.jinja")
            (self.package_dir / module).write_text(
                template.render(), encoding=self.config.file_encoding
            )


def _config(output_path: Path) -> Config:
    config_file = ConfigFile.load_from_path(CONFIG_PATH)
    config_file.post_hooks = POST_HOOKS
    # --meta uv: docs/vendor-facts.md says `--meta none` output fails mypy --strict under ruff 0.17.
    return Config.from_sources(
        config_file,
        MetaType.UV,
        document_source=spec_path(),
        file_encoding="utf-8",
        overwrite=False,
        output_path=output_path,
    )


def _raise_on_problems(problems: Sequence[GeneratorError]) -> None:
    if problems:
        details = "\n".join(f"{problem.header}: {problem.detail}" for problem in problems)
        raise GenerationError(f"openapi-python-client reported:\n{details}")


def generate_into(output_path: Path) -> None:
    """Generate the client project into ``output_path``, which must not exist yet.

    Warnings count as errors: a skipped media type or schema must not pass silently.
    """
    mismatches = version_mismatches()
    if mismatches:
        raise GenerationError("\n".join(["output would not be reproducible:", *mismatches]))
    spec = load_spec()
    config = _config(output_path)
    openapi = GeneratorData.from_dict(generator_input(spec), config=config)
    if isinstance(openapi, GeneratorError):
        raise GenerationError(f"openapi-python-client could not read the spec: {openapi}")
    _raise_on_problems(openapi.errors)
    project = _Project(openapi=openapi, config=config, custom_template_path=TEMPLATES_DIR)
    project.env.globals.update(template_globals(spec))
    # Upstream prints "Generating <folder>", a temporary one here: callers say what was made.
    with contextlib.redirect_stdout(io.StringIO()):
        _raise_on_problems(project.build())
    _carry_changelog(output_path)


def _carry_changelog(output_path: Path) -> None:
    """The committed CHANGELOG.md goes along: its entries are history, not generator output.

    `python -m generator` writes the entry of a new version into the fresh tree after
    this (generator/changelog.py); the version gate checks the entries.
    """
    committed = CLIENT_DIR / changelog.FILE_NAME
    if committed.exists():
        shutil.copy2(committed, output_path / changelog.FILE_NAME)


def replace_client(fresh: Path, client_dir: Path = CLIENT_DIR) -> None:
    """Replace ``client_dir`` with ``fresh``, so files the generator no longer makes go too."""
    shutil.rmtree(client_dir, ignore_errors=True)
    shutil.copytree(fresh, client_dir)
