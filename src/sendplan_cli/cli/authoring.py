"""Commands that write plans: update, new, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sendplan_cli.cli.app import app, print_load_errors, today


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
    from sendplan_cli.authoring.update import Change, record

    diff = record(plan, Change(ref, month, completion, impact, comment, due), dry_run)
    if dry_run:
        sys.stdout.write(diff)
    else:
        from sendplan_cli.output.sanitise import one_line

        typer.echo(f"recorded {one_line(month)} for {one_line(ref)} in {one_line(plan)}", err=True)


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
    from sendplan_cli.authoring.new import create_new, new_plan_text
    from sendplan_cli.plan.dates import DateParseError, parse_month

    try:
        month = parse_month(published) if published else today().replace(day=1)
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
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.plan.schema import schema_text

    scale = None
    if plan is not None:
        loaded, model = load_model(plan)
        if model is None:
            print_load_errors(loaded.path, loaded.diagnostics)
            raise typer.Exit(1)
        scale = model.rating_scale
    text = schema_text(scale)
    if output is None:
        sys.stdout.write(text)
    else:
        from sendplan_cli.authoring.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"))
