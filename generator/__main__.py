"""``python -m generator`` regenerates generated_client/ and reports what changed for callers.

``--check`` only compares the committed tree with fresh output; ``--gate`` checks that
the version and CHANGELOG.md match the changes since the commit before (see
generator/baseline.py for which commit that is).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from generator import changelog
from generator.baseline import committed, gate_ref
from generator.build import CLIENT_DIR, generate_into, replace_client
from generator.change_report import render
from generator.drift import tree_diff
from generator.version_gate import report, verdict
from spec_loader import load_spec, spec_path

_NAME = f"{CLIENT_DIR.name}/"


def _shown(path: Path) -> str:
    """A path as the reader typed it: relative to the working folder when inside it."""
    return (
        str(path.resolve().relative_to(Path.cwd()))
        if path.resolve().is_relative_to(Path.cwd())
        else str(path)
    )


def regenerate(against: str) -> int:
    """Regenerate in place; print the change report against ``against``; write the entry."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / CLIENT_DIR.name
        generate_into(fresh)
        print(f"Generated {_NAME} from {_shown(spec_path())}.")
        baseline = committed(against, Path(scratch) / "baseline")
        if baseline is None:
            print(f"No committed client at {against} to compare with: no change report.")
        else:
            result = verdict(baseline.client_dir, baseline.spec, fresh, load_spec())
            print(report(result, title=f"Changes for callers, {against} -> {_NAME}"), end="")
            if result.new_version != result.old_version:
                text = changelog.with_entry(
                    changelog.read(fresh), result.new_version, result.changes
                )
                (fresh / changelog.FILE_NAME).write_text(text, encoding="utf-8")
                print(f"Wrote the entry {result.new_version} of {_NAME}{changelog.FILE_NAME}.")
        replace_client(fresh)
    return 0


def check() -> int:
    """Fail with a diff, committed -> fresh, if the committed tree is not what generation makes."""
    with tempfile.TemporaryDirectory() as scratch:
        # Named so that the diff's labels say which side is which.
        fresh = Path(scratch) / "fresh-output"
        generate_into(fresh)
        diff = tree_diff(CLIENT_DIR, fresh)
    if not diff:
        print(f"{_NAME} matches the spec, the templates and the pinned tools.")
        return 0
    sys.stdout.write(diff)
    sys.stdout.flush()
    print(
        f"\n{_NAME} differs from what the generator makes (diff above, from the committed "
        "tree to fresh output). Run `nox -s generate` and commit; never edit it by hand.",
        file=sys.stderr,
    )
    return 1


def gate(against: str | None) -> int:
    """Fail if the changes since ``against`` need a version or a CHANGELOG.md entry not there."""
    ref = against or gate_ref()
    with tempfile.TemporaryDirectory() as scratch:
        baseline = committed(ref, Path(scratch))
        if baseline is None:
            print(f"Version gate: no committed client at {ref} to compare with; nothing to check.")
            return 0
        result = verdict(baseline.client_dir, baseline.spec, CLIENT_DIR, load_spec())
    print(render(result.changes, title=f"Version gate, {ref} -> {_NAME}"), end="")
    problems = result.problems(changelog.read(CLIENT_DIR))
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if not problems:
        print(f"Passed. {result.bump_summary()}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help=f"regenerate into a temporary folder and fail with a diff if {_NAME} differs",
    )
    mode.add_argument(
        "--gate",
        action="store_true",
        help="fail if a change for callers has no version bump or CHANGELOG.md entry",
    )
    parser.add_argument(
        "--against",
        metavar="REF",
        help="the git revision to compare with (default: HEAD; for --gate, HEAD while "
        "sources are uncommitted, else HEAD~1)",
    )
    args = parser.parse_args(argv)
    if args.check:
        return check()
    if args.gate:
        return gate(args.against)
    return regenerate(args.against or "HEAD")


if __name__ == "__main__":
    sys.exit(main())
