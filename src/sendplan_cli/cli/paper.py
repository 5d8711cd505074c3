"""The board paper command: report."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sendplan_cli.cli.app import AsOf, app, as_of_date, print_load_errors, today
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
    from sendplan_cli.authoring.atomic import write_atomic
    from sendplan_cli.check.pipeline import analyse, plan_files
    from sendplan_cli.output.paper.render import Paper, render
    from sendplan_cli.output.paper.view import build_view, month_end
    from sendplan_cli.plan.dates import DateParseError, parse_month

    try:
        first = parse_month(month)
    except DateParseError:
        raise typer.BadParameter(f"{month!r} is not a month; use YYYY-MM", param_hint="--month") from None
    if template is not None and not template.is_file():
        raise UsageError(f"{template}: no such template file")
    when = as_of_date(as_of) if as_of else month_end(first)
    files = plan_files(plans)
    views, broken = [], False
    for path in files:
        plan, diagnostics, _ = analyse(path, when)
        if plan is None:
            broken = True
            print_load_errors(str(path), diagnostics)
            continue
        views.append(build_view(plan, str(path), first, when, diagnostics))
    if broken:
        typer.echo("sendplan: no board paper written: fix the errors above first", err=True)
        raise typer.Exit(1)
    text = render(Paper(views, first, when, today()), output_format.value, template)
    if output == "-":
        sys.stdout.write(text)
        return
    stem = files[0].stem if len(files) == 1 else "plans"
    target = Path(output or f"board-paper-{stem}-{first:%Y-%m}.{output_format.value}")
    write_atomic(target, text.encode("utf-8"))
    typer.echo(f"wrote {target}", err=True)
