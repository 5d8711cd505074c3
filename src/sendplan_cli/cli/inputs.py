"""What `validate` reads: plans found among the paths given, and one plan on standard input for '-'."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from sendplan_cli.ground.errors import UsageError

if TYPE_CHECKING:
    from sendplan_cli.check.config import Overrides

STDIN = Path("-")
STDIN_LIMIT = 20_000_000


def check_inputs(
    paths: list[Path],
    when: date,
    stdin_filename: str | None,  # type: ignore[no-untyped-def]
    overrides: Overrides,
    output_file: Path | None = None,
):
    """(plan files, their results, the standard input's result or None, what the directory search found).

    output_file, where the report will go, is refused before any plan is checked if it is a plan."""
    from sendplan_cli.check.config import discovery_patterns
    from sendplan_cli.check.discovery import Discovery, discover
    from sendplan_cli.check.pipeline import check_file, check_files
    from sendplan_cli.cli.outputs import refuse_overwriting_plans

    reads_stdin = any(p == STDIN for p in paths)
    if stdin_filename is not None and not reads_stdin:
        raise UsageError(
            "--stdin-filename names the plan read from standard input; give '-' as the path too"
        )
    if sum(1 for p in paths if p == STDIN) > 1:
        raise UsageError("'-' may be given once: standard input holds one plan")
    others = [p for p in paths if p != STDIN]
    found = discover(others, *discovery_patterns(overrides)) if others else Discovery()
    files = found.files
    refuse_overwriting_plans(
        output_file,
        [*files, *([Path(stdin_filename)] if stdin_filename else [])],
        "--output-file",
        "sendplan-report.txt",
    )
    results = check_files(files, when, overrides)
    stdin_result = None
    if reads_stdin:
        raw = sys.stdin.buffer.read(STDIN_LIMIT + 1)
        if len(raw) > STDIN_LIMIT:
            raise UsageError(
                f"standard input holds more than {STDIN_LIMIT:,} bytes; a plan is far smaller"
            )
        display = stdin_filename or "<stdin>"
        stdin_result = check_file(
            Path(stdin_filename) if stdin_filename else Path("<stdin>"),
            when,
            display,
            raw,
            overrides,
        )
    return files, results, stdin_result, found


def print_search_notes(found) -> None:  # type: ignore[no-untyped-def]
    """On standard error: every YAML file a directory search left out, so none disappears without a word, and
    the files checked as plans that do not say they are, with what to do if one is not a plan."""
    from sendplan_cli.ground.sanitise import one_line

    if found.doubtful:
        names = ", ".join(one_line(str(file)) for file in found.doubtful)
        typer.echo(
            f"sendplan: checked as plans with a problem, though they do not declare themselves plans: {names}; "
            "if one is not a plan, leave it out with an `exclude` pattern in the configuration or --exclude",
            err=True,
        )
    if found.skipped:
        names = ", ".join(one_line(str(file)) for file, _ in found.skipped)
        many = len(found.skipped) != 1
        typer.echo(
            f"sendplan: skipped {len(found.skipped)} YAML file{'s' if many else ''}, not checked as "
            f"{'plans' if many else 'a plan'}: {names}; `--show-files` says why each was skipped",
            err=True,
        )


def print_files(paths: list[Path], overrides: Overrides) -> None:
    """Print what `validate` would check, and the YAML files it would skip with the reason."""
    from sendplan_cli.check.config import discovery_patterns
    from sendplan_cli.check.discovery import discover
    from sendplan_cli.ground.sanitise import one_line

    found = discover(
        [p for p in paths if p != STDIN], *discovery_patterns(overrides), require_plans=False
    )
    for file in found.files:
        typer.echo(one_line(str(file)))
    if any(p == STDIN for p in paths):
        typer.echo("- (standard input)")
    for file in found.doubtful:
        typer.echo(
            f"checked {one_line(str(file))}: no top-level `partnership:` key, but it may be a plan with a "
            "problem (it has a plan's keys, or cannot be parsed); if it is not a plan, exclude it",
            err=True,
        )
    for file, why in found.skipped:
        typer.echo(f"skipped {one_line(str(file))}: {why}", err=True)


def one_plan_file(path: Path, takes: str) -> Path:
    """path, when it is one plan file; otherwise a usage error that says what to give (takes: e.g. "--plan")."""
    from sendplan_cli.check.discovery import PLAN_SUFFIXES, looks_like_a_plan
    from sendplan_cli.ground.sanitise import one_line

    shown = one_line(str(path))
    give = f"{takes} takes one plan file, e.g. plans/west-sussex-2024.yaml"
    if not path.exists():
        raise UsageError(f"{shown}: no such file or directory; check the path ({give})")
    if path.is_dir():
        raise UsageError(f"{shown}: a folder, not a plan file; {give}")
    if not path.is_file():
        raise UsageError(f"{shown}: not a regular file; {give}")
    if not path.name.endswith(PLAN_SUFFIXES):
        raise UsageError(
            f"{shown}: not a plan file (a plan is a YAML file, ending in .yaml or .yml); {give}"
        )
    if not looks_like_a_plan(path):
        raise UsageError(
            f"{shown}: not a plan (no top-level `partnership:`, `actions:` or `recommendations:` key); {give}"
        )
    return path
