"""Commands that check and list plans: validate, list, rules, explain."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sendplan_cli.cli.app import AsOf, app, as_of_date, file_lines, print_load_errors
from sendplan_cli.errors import UsageError


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
    from sendplan_cli.check.pipeline import check_files, plan_files
    from sendplan_cli.output.findings import REPORTER_BY_NAME, Run
    from sendplan_cli.plan.diagnostics import Severity

    if group_by not in (None, "lead"):
        raise typer.BadParameter("the only grouping is 'lead'", param_hint="--group-by")
    when = as_of_date(as_of)
    results = check_files(plan_files(paths), when)
    run = Run(results, when, file_lines, statistics, group_by)
    REPORTER_BY_NAME[output_format.value](run, sys.stdout)
    level = Severity(fail_on.value) if fail_on else None
    raise typer.Exit(1 if any(r.fails(level) for r in results) else 0)


@app.command("list")
def list_actions(
    plan: Annotated[Path, typer.Argument(help="A plan file.")],
    output_format: Annotated[ListFormat, typer.Option("--format", "-f", help="table, or json for scripts.")] = ListFormat.table,
    indicators: Annotated[bool, typer.Option("--indicators", help="List the indicators instead: the KPI scorecard as at --as-of.")] = False,
    as_of: AsOf = None,
) -> None:
    """List a plan's actions (ref, title, leads, due date, ratings as published), or with --indicators its KPI scorecard."""
    from sendplan_cli.check.pipeline import load_model, plan_files
    from sendplan_cli.output.listing import action_rows, print_json, print_table

    path = plan_files([plan])[0]
    loaded, model = load_model(path)
    if model is None or not loaded.ok:
        print_load_errors(loaded.path, loaded.diagnostics)
        raise typer.Exit(1)
    if indicators:
        from sendplan_cli.output.scorecard import print_scorecard, print_statuses_json
        from sendplan_cli.plan.kpi_status import kpi_statuses

        when = as_of_date(as_of)
        statuses = kpi_statuses(model, when)
        if output_format is ListFormat.json:
            print_statuses_json(statuses, sys.stdout)
        else:
            print_scorecard(statuses, when, sys.stdout)
        return
    rows = action_rows(model)
    (print_json if output_format is ListFormat.json else print_table)(rows, sys.stdout)


@app.command()
def rules() -> None:
    """List every rule: code, name, default severity and what it finds."""
    from sendplan_cli.check.rules import RULES

    for r in RULES:
        typer.echo(f"{r.code}  {r.name:<31} {r.severity.value:<8} {r.summary}")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="A rule code (SP101) or name (overdue).")]) -> None:
    """Print a rule's documentation: why it matters, with failing and passing examples."""
    from sendplan_cli.check.rules import get

    try:
        found = get(rule)
    except KeyError:
        raise UsageError(f"no rule {rule!r}; `sendplan rules` lists them") from None
    typer.echo(f"# {found.code} {found.name} ({found.severity.value})\n\n{found.doc}")
