"""``python -m generator`` regenerates generated_client/; ``--check`` only compares."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from generator.build import CLIENT_DIR, generate_into, regenerate
from generator.drift import tree_diff


def check(client_dir: Path = CLIENT_DIR) -> str:
    """The diff from fresh output to ``client_dir``; empty when they are the same."""
    with tempfile.TemporaryDirectory() as scratch:
        # Named so that the diff's labels say which side is which.
        fresh = Path(scratch) / "fresh-output"
        generate_into(fresh)
        return tree_diff(fresh, client_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary folder and fail with a diff if generated_client/ differs",
    )
    if not parser.parse_args(argv).check:
        regenerate()
        return 0
    diff = check()
    if not diff:
        print(f"{CLIENT_DIR.name}/ matches the spec, the templates and the pinned tools.")
        return 0
    sys.stdout.write(diff)
    sys.stdout.flush()
    print(
        f"\n{CLIENT_DIR.name}/ differs from what the generator makes (diff above, from fresh "
        "output to the committed tree). Run `nox -s generate` and commit; never edit it by hand.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
