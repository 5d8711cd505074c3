"""Commands for the monthly round in spreadsheets: export forms (or the whole tracker), import returned forms."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from sendplan_cli.cli.app import AsOf, app, as_of_date, print_load_errors


def _load(plan: Path) -> tuple[Any, bytes]:
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.plan.reading import ReadRefused, read_plan_bytes

    try:
        raw = read_plan_bytes(plan)
    except ReadRefused as exc:
        raise UsageError(f"{plan}: {exc.message}" + (f"; {exc.hint}" if exc.hint else "")) from None
    loaded, model = load_model(plan, raw=raw)
    if model is None:
        print_load_errors(loaded.path, loaded.diagnostics)
        typer.echo(
            f"{plan}: the plan has errors; run `sendplan validate` and fix them first", err=True
        )
        raise typer.Exit(1)
    return model, raw


@app.command()
def export(
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            "-m",
            help="Make update forms for this reporting month, YYYY-MM; without it, export the whole tracker.",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="The file format: xlsx.")] = "xlsx",
    by_lead: Annotated[
        bool,
        typer.Option("--by-lead", help="With --month: one form per accountable lead, in a folder."),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file (or with --by-lead the folder) to write; never overwritten.",
        ),
    ] = None,
    as_of: AsOf = None,
) -> None:
    """Export update forms for a month's round (one per lead with --by-lead), or the whole tracker, as Excel workbooks."""
    from sendplan_cli.cli.outputs import refuse_overwriting_plans
    from sendplan_cli.ground.errors import UsageError
    from sendplan_cli.ground.sanitise import one_line
    from sendplan_cli.plan.dates import DateParseError, month_error, parse_month

    refuse_overwriting_plans(output, [plan], "-o", "tracker.xlsx")
    if fmt != "xlsx":
        raise UsageError(
            f"--format {one_line(fmt)!r}: sendplan exports Excel workbooks only; use --format xlsx"
        )
    if output is not None and not by_lead and output.suffix.lower() != ".xlsx":
        raise UsageError(
            f"-o {one_line(output)}: an Excel workbook's name ends in .xlsx, so Excel opens it; "
            f"give -o {one_line(output.with_suffix('.xlsx'))}"
        )
    if month is None:
        if by_lead:
            raise UsageError(
                "--by-lead makes update forms, which are for one month: add --month YYYY-MM"
            )
        from sendplan_cli.authoring.spreadsheet.tracker import export_tracker

        model, raw = _load(plan)
        target = export_tracker(plan, model, as_of_date(as_of), output)
        typer.echo(f"wrote {target}", err=True)
        return
    try:
        reporting = parse_month(month)
    except DateParseError as exc:
        raise typer.BadParameter(month_error(month, exc), param_hint="--month") from None
    from sendplan_cli.authoring.spreadsheet.export import export_forms

    model, raw = _load(plan)
    for path in export_forms(plan, model, raw, reporting, by_lead, output):
        typer.echo(f"wrote {path}", err=True)


@app.command("import")
def import_forms(
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    forms: Annotated[list[Path], typer.Argument(help="Returned update forms (.xlsx).")],
    month: Annotated[
        str | None,
        typer.Option("--month", "-m", help="Refuse forms made for any other month, YYYY-MM."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
    ] = False,
) -> None:
    """Record returned update forms in the plan: each row as that month's update, each figure as an actual."""
    from sendplan_cli.authoring.spreadsheet.import_ import import_forms as run
    from sendplan_cli.cli.app import today

    outcome = run(plan, forms, month, dry_run, today())
    for line in [*outcome.problems, *outcome.blank]:
        typer.echo(line, err=True)
    if dry_run and outcome.diff:
        sys.stdout.write(outcome.diff)
    typer.echo(outcome.summary, err=True)
    raise typer.Exit(outcome.exit_code)
