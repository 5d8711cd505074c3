"""The `sendplan` command: thin commands that build objects, call one function and return an exit code.

Heavy libraries (pydantic, ruamel.yaml, jinja2) are imported inside the commands, so that
`sendplan --help` and `sendplan --version` start fast.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sendplan_cli import __version__
from sendplan_cli.errors import UsageError

app = typer.Typer(
    name="sendplan",
    help="Check and report on local-area SEND improvement plans kept as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_DEBUG = False


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _today() -> date:
    """The one place the clock is read."""
    return date.today()


def _as_of(value: Optional[str]) -> date:
    """The as-of date: today unless given."""
    if value is None:
        return _today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint="--as-of") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sendplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when sendplan itself fails.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug


AsOf = Annotated[Optional[str], typer.Option("--as-of", help="Judge dates as of YYYY-MM-DD (default: today).")]


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Plan files, or directories of *.yaml plans.")],
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    as_of: AsOf = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that fails the run (default: from configuration, else error).")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule.")] = False,
    group_by: Annotated[Optional[str], typer.Option("--group-by", help="Group text output: 'lead' for a per-lead digest.")] = None,
) -> None:
    """Check plans: YAML and schema errors, then findings (overdue, contradictory ratings, SMART gaps)."""
    from sendplan_cli.diagnostics import Severity
    from sendplan_cli.reporters import REPORTER_BY_NAME, Run
    from sendplan_cli.validate import check_files, plan_files

    if group_by not in (None, "lead"):
        raise typer.BadParameter("the only grouping is 'lead'", param_hint="--group-by")
    when = _as_of(as_of)
    results = check_files(plan_files(paths), when)
    run = Run(results, when, _lines, statistics, group_by)
    REPORTER_BY_NAME[output_format.value](run, sys.stdout)
    level = Severity(fail_on.value) if fail_on else None
    raise typer.Exit(1 if any(r.fails(level) for r in results) else 0)


def _lines(path: str) -> list[str]:
    """A file's lines for quoting; read when a reporter needs them, a few files at a time."""
    try:
        return Path(path).read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()
    except OSError:
        return []


@app.command("list")
def list_actions(
    plan: Annotated[Path, typer.Argument(help="A plan file.")],
    output_format: Annotated[ListFormat, typer.Option("--format", "-f", help="table, or json for scripts.")] = ListFormat.table,
) -> None:
    """List a plan's actions: ref, title, leads, due date and ratings as published."""
    from sendplan_cli.listing import action_rows, print_json, print_table
    from sendplan_cli.validate import load_model, plan_files

    path = plan_files([plan])[0]
    loaded, model = load_model(path)
    if model is None or not loaded.ok:
        _print_diagnostics(loaded.path, loaded.diagnostics)
        raise typer.Exit(1)
    rows = action_rows(model)
    (print_json if output_format is ListFormat.json else print_table)(rows, sys.stdout)


def _print_diagnostics(path: str, diagnostics) -> None:  # type: ignore[no-untyped-def]
    from sendplan_cli.reporters.text import render

    lines = _lines(path)
    for d in diagnostics:
        if d.is_load_error:
            head, snippet, hint = render(d, lines)
            typer.echo("\n".join([head, *snippet, *([hint] if hint else [])]), err=True)


@app.command()
def rules() -> None:
    """List every rule: code, name, default severity and what it finds."""
    from sendplan_cli.rules import RULES

    for r in RULES:
        typer.echo(f"{r.code}  {r.name:<31} {r.severity.value:<8} {r.summary}")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="A rule code (SP101) or name (overdue).")]) -> None:
    """Print a rule's documentation: why it matters, with failing and passing examples."""
    from sendplan_cli.rules import get

    try:
        found = get(rule)
    except KeyError:
        raise UsageError(f"no rule {rule!r}; `sendplan rules` lists them") from None
    typer.echo(f"# {found.code} {found.name} ({found.severity.value})\n\n{found.doc}")


# The board paper and authoring commands live in their own module; importing it registers them.
from sendplan_cli import cli_authoring  # noqa: E402,F401


def main() -> None:
    """Entry point: usage errors exit 2 with a message; sendplan's own failures show a traceback only with --debug."""
    try:
        app()  # standalone: option errors print usage and exit 2; commands exit through typer.Exit
    except UsageError as exc:
        typer.echo(f"sendplan: error: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the single handler for sendplan's own failures
        if _DEBUG or "--debug" in sys.argv:
            raise
        typer.echo(f"sendplan: internal error: {type(exc).__name__}: {exc} (run again with --debug for details)", err=True)
        sys.exit(2)
