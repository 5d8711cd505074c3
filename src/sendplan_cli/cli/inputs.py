"""What `validate` reads: plans found among the paths given, and one plan on standard input for '-'."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from sendplan_cli.errors import UsageError

STDIN = Path("-")
STDIN_LIMIT = 20_000_000


def check_inputs(paths: list[Path], when: date, stdin_filename: str | None):  # type: ignore[no-untyped-def]
    """(plan files, their results, the standard input's result or None)."""
    from sendplan_cli.check.pipeline import check_file, check_files, plan_files

    reads_stdin = any(p == STDIN for p in paths)
    if stdin_filename is not None and not reads_stdin:
        raise UsageError("--stdin-filename names the plan read from standard input; give '-' as the path too")
    if sum(1 for p in paths if p == STDIN) > 1:
        raise UsageError("'-' may be given once: standard input holds one plan")
    others = [p for p in paths if p != STDIN]
    files = plan_files(others) if others else []
    results = check_files(files, when)
    stdin_result = None
    if reads_stdin:
        raw = sys.stdin.buffer.read(STDIN_LIMIT + 1)
        if len(raw) > STDIN_LIMIT:
            raise UsageError(f"standard input holds more than {STDIN_LIMIT:,} bytes; a plan is far smaller")
        display = stdin_filename or "<stdin>"
        stdin_result = check_file(Path(stdin_filename) if stdin_filename else Path("<stdin>"), when, display, raw)
    return files, results, stdin_result


def print_files(paths: list[Path]) -> None:
    """Print what `validate` would check, and the YAML files it would skip with the reason."""
    from sendplan_cli.check.config import discovery_patterns
    from sendplan_cli.check.discovery import discover
    from sendplan_cli.output.sanitise import one_line

    found = discover([p for p in paths if p != STDIN], *discovery_patterns(), require_plans=False)
    for file in found.files:
        typer.echo(one_line(str(file)))
    if any(p == STDIN for p in paths):
        typer.echo("- (standard input)")
    for file, why in found.skipped:
        typer.echo(f"skipped {one_line(str(file))}: {why}", err=True)
