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


class PaperFormat(str, Enum):
    html = "html"
    md = "md"


@app.command()
def report(
    plans: Annotated[list[Path], typer.Argument(help="Plan files, or directories of *.yaml plans; several give one paper.")],
    month: Annotated[str, typer.Option("--month", "-m", help="The board's month, YYYY-MM.")],
    output_format: Annotated[PaperFormat, typer.Option("--format", "-f", help="html (one self-contained file) or md.")] = PaperFormat.html,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Output file; '-' for standard output. Default: board-paper-<plan>-<month>.<format>.")] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Your own Jinja template (see the README for its variables).")] = None,
    as_of: AsOf = None,
) -> None:
    """Render the monthly board paper: ratings and movement, exceptions, what is coming up, by lead."""
    from sendplan_cli.board import build_view, month_end
    from sendplan_cli.dates import DateParseError, parse_month
    from sendplan_cli.files import write_atomic
    from sendplan_cli.render import Paper, render
    from sendplan_cli.validate import analyse, plan_files

    try:
        first = parse_month(month)
    except DateParseError:
        raise typer.BadParameter(f"{month!r} is not a month; use YYYY-MM", param_hint="--month") from None
    if template is not None and not template.is_file():
        raise UsageError(f"{template}: no such template file")
    when = _as_of(as_of) if as_of else month_end(first)
    files = plan_files(plans)
    views, broken = [], False
    for path in files:
        plan, diagnostics, _ = analyse(path, when)
        if plan is None:
            broken = True
            _print_diagnostics(str(path), diagnostics)
            continue
        views.append(build_view(plan, str(path), first, when, diagnostics))
    if broken:
        typer.echo("sendplan: no board paper written: fix the errors above first", err=True)
        raise typer.Exit(1)
    text = render(Paper(views, first, when, _today()), output_format.value, template)
    if output == "-":
        sys.stdout.write(text)
        return
    stem = files[0].stem if len(files) == 1 else "plans"
    target = Path(output or f"board-paper-{stem}-{first:%Y-%m}.{output_format.value}")
    write_atomic(target, text.encode("utf-8"))
    typer.echo(f"wrote {target}", err=True)


@app.command()
def update(
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    ref: Annotated[str, typer.Argument(help="The action's ref, e.g. 1.1.")],
    month: Annotated[str, typer.Option("--month", "-m", help="The reporting month, YYYY-MM.")],
    completion: Annotated[Optional[str], typer.Option("--completion", help="Completion rating from the plan's scale.")] = None,
    impact: Annotated[Optional[str], typer.Option("--impact", help="Impact rating from the plan's scale.")] = None,
    comment: Annotated[Optional[str], typer.Option("--comment", help="Commentary for the board.")] = None,
    due: Annotated[Optional[str], typer.Option("--due", help="A new due date agreed this month (needs --comment).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")] = False,
) -> None:
    """Record one month's update for one action, changing only those lines of the plan."""
    from sendplan_cli.edit import Change, record

    diff = record(plan, Change(ref, month, completion, impact, comment, due), dry_run)
    if dry_run:
        sys.stdout.write(diff)
    else:
        typer.echo(f"recorded {month} for {ref} in {plan}", err=True)


@app.command()
def new(
    output: Annotated[Path, typer.Option("--output", "-o", help="The new plan file; never overwritten.")],
    title: Annotated[str, typer.Option("--title", help="Title of the plan.")],
    partnership: Annotated[str, typer.Option("--partnership", help="The local area partnership.")],
    board: Annotated[str, typer.Option("--board", help="The board that reviews progress.")] = "SEND Partnership Board",
    published: Annotated[Optional[str], typer.Option("--published", help="Publication month, YYYY-MM (default: this month).")] = None,
    schema_path: Annotated[str, typer.Option("--schema-path", help="Path from the plan to the JSON Schema, for the editor modeline.")] = "../schemas/plan.schema.json",
) -> None:
    """Start a new plan: a small valid file with a commented example of every section."""
    from sendplan_cli.dates import DateParseError, parse_month
    from sendplan_cli.scaffold import create_new, new_plan_text

    try:
        month = parse_month(published) if published else _today().replace(day=1)
    except DateParseError:
        raise typer.BadParameter(f"{published!r} is not a month; use YYYY-MM", param_hint="--published") from None
    create_new(output, new_plan_text(title, partnership, board, month, output.name, schema_path))
    typer.echo(f"wrote {output}", err=True)


@app.command()
def schema(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    plan: Annotated[Optional[Path], typer.Option("--plan", help="Offer this plan's own ratings instead of the West Sussex legend.")] = None,
) -> None:
    """Print the JSON Schema of a plan file, for editors (YAML language server) and other validators."""
    from sendplan_cli.schema import schema_text
    from sendplan_cli.validate import load_model

    scale = None
    if plan is not None:
        loaded, model = load_model(plan)
        if model is None:
            _print_diagnostics(loaded.path, loaded.diagnostics)
            raise typer.Exit(1)
        scale = model.rating_scale
    text = schema_text(scale)
    if output is None:
        sys.stdout.write(text)
    else:
        from sendplan_cli.files import write_atomic

        write_atomic(output, text.encode("utf-8"))


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
