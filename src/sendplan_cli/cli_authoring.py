"""Commands for the board paper and for authoring plans: report, update, new, schema."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sendplan_cli.cli import AsOf, _as_of, _print_diagnostics, _today, app
from sendplan_cli.errors import UsageError


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
