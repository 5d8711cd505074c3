"""Commands that check and list plans: validate, list, rules, explain."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sendplan_cli.cli.app import (
    AsOf,
    app,
    as_of_date,
    colour_choice,
    file_lines,
    print_load_errors,
    write_report,
)
from sendplan_cli.ground.errors import UsageError


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


class OutputFormat(str, Enum):
    full = "full"
    concise = "concise"


_EXAMPLES = """

Examples:

  sendplan validate plans/

  sendplan validate . --output-format concise --quiet

  sendplan validate plans/ --format sarif --output-file sendplan.sarif

  cat plan.yaml | sendplan validate - --stdin-filename plans/plan.yaml

  sendplan validate plans/ --since origin/main
"""


@app.command(epilog=_EXAMPLES)
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Plan files or directories (searched for plans); '-' reads one plan from standard input.",
        ),
    ],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.text,
    output_style: Annotated[
        OutputFormat,
        typer.Option(
            "--output-format",
            help="Text output: full (the line quoted, a hint) or concise (one line a finding).",
        ),
    ] = OutputFormat.full,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="Write the report to FILE instead of standard output ('-' is standard output).",
        ),
    ] = None,
    as_of: AsOf = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Lowest severity that fails the run (default: from configuration, else error).",
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit 0 even when findings fail the run (usage errors still exit 2).",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Show only the findings that fail the run, and the summary."
        ),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="CODE|NAME",
            help="Run only these rules (replaces the configuration's select).",
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-select",
            metavar="CODE|NAME",
            help="Run these rules as well as the selected ones.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="CODE|NAME", help="Do not run these rules."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Use this sendplan.toml (or pyproject.toml) instead of the nearest one.",
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="PATTERN",
            help="Leave out files and folders matching this gitignore-style pattern when searching directories.",
        ),
    ] = None,
    show_files: Annotated[
        bool,
        typer.Option(
            "--show-files",
            help="List the files that would be checked, and the YAML files skipped, then stop.",
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            metavar="PATH",
            help="With '-': the path to report and to find the configuration from.",
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count findings per rule.")
    ] = False,
    group_by: Annotated[
        str | None,
        typer.Option(
            "--group-by", metavar="lead", help="Group text output: 'lead' for a per-lead digest."
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REF",
            help="Report only findings that are new since this git revision (e.g. HEAD, origin/main); '' turns a configured one off.",
        ),
    ] = None,
    history: Annotated[
        bool,
        typer.Option(
            "--history", help="Also run the history rules, which read every commit of the plan."
        ),
    ] = False,
) -> None:
    """Check plans: YAML and schema errors, then findings (overdue, contradictory ratings, SMART gaps)."""
    from sendplan_cli.check.config import Overrides
    from sendplan_cli.check.since import judge_changes
    from sendplan_cli.check.verdict import Verdict
    from sendplan_cli.cli.inputs import check_inputs, print_files, print_search_notes
    from sendplan_cli.output.findings import REPORTER_BY_NAME
    from sendplan_cli.output.findings.job_summary import append_if_asked
    from sendplan_cli.output.findings.run import Run
    from sendplan_cli.plan.diagnostics import Severity

    # '-' is standard output, as `report -o -` takes it: never a file named '-'.
    if output_file is not None and str(output_file) == "-":
        output_file = None
    if group_by not in (None, "lead"):
        raise typer.BadParameter("the only grouping is 'lead'", param_hint="--group-by")
    if group_by and output_format is not Format.text:
        raise UsageError(
            f"--group-by groups text output only; drop it, or use --format text instead of {output_format.value}"
        )
    overrides = Overrides(
        config,
        tuple(exclude or ()),
        tuple(select) if select is not None else None,
        tuple(extend_select or ()),
        tuple(ignore or ()),
    )
    if show_files:
        print_files(paths, overrides)
        return
    when = as_of_date(as_of)
    files, results, from_stdin, found = check_inputs(
        paths, when, stdin_filename, overrides, output_file
    )
    if from_stdin is not None and (since is not None or history):
        raise UsageError(
            "--since and --history compare a plan with its git history; check a file in the repository, not '-'"
        )
    results = judge_changes(results, files, when, since, history, overrides) + (
        [from_stdin] if from_stdin else []
    )
    verdict = Verdict(results, when, Severity(fail_on.value) if fail_on else None, exit_zero)
    run = Run(
        verdict,
        file_lines,
        statistics,
        group_by,
        concise=output_style is OutputFormat.concise,
        quiet=quiet,
        colour=colour_choice(ctx),
    )
    write_report(lambda out: REPORTER_BY_NAME[output_format.value](run, out), output_file)
    append_if_asked(run)
    print_search_notes(found)
    raise typer.Exit(verdict.exit_code)


@app.command("list")
def list_actions(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Plan files, or directories of *.yaml plans.")
    ],
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table, or json for scripts.")
    ] = ListFormat.table,
    indicators: Annotated[
        bool,
        typer.Option(
            "--indicators", help="List the indicators instead: the KPI scorecard as at --as-of."
        ),
    ] = False,
    risks: Annotated[
        bool,
        typer.Option("--risks", help="List the risks instead, highest score first, as at --as-of."),
    ] = False,
    as_of: AsOf = None,
) -> None:
    """List each plan's actions (ref, title, leads, due date, ratings as published), or with --indicators its KPI scorecard, or with --risks its risks."""
    from sendplan_cli.check.pipeline import load_model, plan_files
    from sendplan_cli.output.listing import action_rows, print_json, print_table

    if indicators and risks:
        raise UsageError("--indicators and --risks list different things: give one of them")
    broken, everything = False, []
    files = plan_files(paths)
    when = as_of_date(as_of)
    for path in files:
        loaded, model = load_model(path)
        if model is None:
            print_load_errors(loaded.path, loaded.diagnostics)
            broken = True
            continue
        title = str(path) if len(files) > 1 else None
        if indicators:
            from sendplan_cli.output.scorecard import print_scorecard
            from sendplan_cli.plan.kpi_status import kpi_statuses

            statuses = kpi_statuses(model, when)
            if output_format is ListFormat.json:
                everything += [{"file": str(path), **status.as_dict()} for status in statuses]
            else:
                print_scorecard(statuses, when, sys.stdout, title=title, colour=colour_choice(ctx))
            continue
        if risks:
            from sendplan_cli.output.risk_register import print_risk_table, risk_rows

            listed = [{"file": str(path), **row} for row in risk_rows(model, when)]
            if output_format is ListFormat.json:
                everything += listed
            else:
                print_risk_table(listed, when, sys.stdout, title=title, colour=colour_choice(ctx))
            continue
        rows = [{"file": str(path), **row} for row in action_rows(model)]
        if output_format is ListFormat.json:
            everything += rows  # one JSON document, whatever the number of plans
        else:
            print_table(rows, sys.stdout, title=title, colour=colour_choice(ctx))
    if output_format is ListFormat.json:
        print_json(everything, sys.stdout)
    if broken:
        typer.echo(
            "sendplan: some plans could not be listed: fix the errors above, `sendplan validate` shows them all",
            err=True,
        )
        raise typer.Exit(1)


@app.command()
def rules() -> None:
    """List every check: the load errors that stop a file being read, then the rules and their default severity."""
    from sendplan_cli.check.rules import RULES
    from sendplan_cli.plan.load_errors import LOAD_ERRORS

    typer.echo("Load errors (always fail the run):")
    for e in LOAD_ERRORS:
        typer.echo(f"  {e.code}  {e.name:<31} {'error':<8} {e.summary}")
    typer.echo("\nRules:")
    for r in RULES:
        typer.echo(f"  {r.code}  {r.name:<31} {r.severity.value:<8} {r.summary}")


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A code (SP101, SP013) or name (overdue, bad-date).")],
) -> None:
    """Print what a code means: why it matters and what to do, with failing and passing examples for rules."""
    from sendplan_cli.check.rules import RULES, get
    from sendplan_cli.plan.load_errors import LOAD_ERRORS
    from sendplan_cli.plan.locate import suggest

    load = {key.casefold(): e for e in LOAD_ERRORS for key in (e.code, e.name)}
    if rule.casefold() in load:
        e = load[rule.casefold()]
        typer.echo(f"# {e.code} {e.name} (load error)\n\n{e.doc}")
        return
    try:
        found = get(rule)
    except KeyError:
        # Names are suggested; a near code (SP999 -> SP903) is another check, not a typo.
        close = suggest(rule, [r.name for r in RULES] + [e.name for e in LOAD_ERRORS])
        raise UsageError(
            f"no check with the code or name {rule!r}"
            + (f"; did you mean {close!r}?" if close else ".")
            + " `sendplan rules` lists them all"
        ) from None
    typer.echo(f"# {found.code} {found.name} ({found.severity.value})\n\n{found.doc}")
