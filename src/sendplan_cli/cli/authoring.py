"""Commands that write plans: update, new, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sendplan_cli.cli.app import app, print_load_errors, today
from sendplan_cli.cli.update import update_app

# `update` is a group of its own (cli/update.py): an action's month, a figure, the paper's words.
app.add_typer(update_app)


@app.command()
def new(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The new plan file; never overwritten.")
    ],
    title: Annotated[str, typer.Option("--title", help="Title of the plan.")],
    partnership: Annotated[str, typer.Option("--partnership", help="The local area partnership.")],
    board: Annotated[
        str, typer.Option("--board", help="The board that reviews progress.")
    ] = "SEND Partnership Board",
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication month, YYYY-MM (default: this month)."),
    ] = None,
    schema_path: Annotated[
        str,
        typer.Option(
            "--schema-path",
            help="Path from the plan to the JSON Schema, for the editor modeline; written there if it does not exist.",
        ),
    ] = "plan.schema.json",
) -> None:
    """Start a new plan: a small valid file with a commented example of every section."""
    from sendplan_cli.authoring.new import create_new, new_plan_text
    from sendplan_cli.cli.outputs import refuse_overwriting_plans
    from sendplan_cli.plan.dates import DateParseError, month_error, parse_month

    refuse_overwriting_plans(output, [], "-o", "plans/new-plan.yaml")

    try:
        month = parse_month(published) if published else today().replace(day=1)
    except DateParseError as exc:
        raise typer.BadParameter(
            month_error(str(published), exc), param_hint="--published"
        ) from None
    create_new(
        output, new_plan_text(title, partnership, board, month, str(output), schema_path, today())
    )
    typer.echo(f"wrote {output}", err=True)
    schema_file = output.parent / schema_path
    if not schema_file.exists() and schema_file.parent.is_dir():
        from sendplan_cli.ground.atomic import write_atomic
        from sendplan_cli.plan.schema import schema_text

        # The editor modeline must point at a schema that exists in the user's own repository.
        write_atomic(schema_file, schema_text().encode("utf-8"))
        typer.echo(
            f"wrote {schema_file} (the JSON Schema editors use; refresh it with `sendplan schema -o {schema_file}`)",
            err=True,
        )


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan", help="Offer this plan's own ratings instead of the West Sussex legend."
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a plan file, for editors (YAML language server) and other validators."""
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.cli.inputs import one_plan_file
    from sendplan_cli.cli.outputs import refuse_overwriting_plans
    from sendplan_cli.plan.schema import schema_text

    refuse_overwriting_plans(output, [plan] if plan is not None else [], "-o", "plan.schema.json")
    scale = None
    if plan is not None:
        loaded, model = load_model(one_plan_file(plan, "--plan"))
        if model is None:
            print_load_errors(loaded.path, loaded.diagnostics)
            raise typer.Exit(1)
        scale = model.rating_scale
    text = schema_text(scale)
    if output is None:
        sys.stdout.write(text)
    else:
        from sendplan_cli.ground.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"))
